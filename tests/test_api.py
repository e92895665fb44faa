"""The public surface, configuration errors, and the guarantees of the API."""

from __future__ import annotations

import subprocess
import sys

import pytest

import cleaner
from cleaner import CleanerConfig, ConfigError, InputError, TimeLimitError
from conftest import HOUSE_PACK

PARAGRAPH = (
    "The central bank left its main interest rate unchanged on Thursday, saying that inflation was "
    "easing but that the labour market remained tight enough to warrant caution."
)


def test_all_is_sorted_and_lists_every_public_name():
    assert cleaner.__all__ == sorted(cleaner.__all__)
    public = {name for name in dir(cleaner) if not name.startswith("_")}
    modules = {"api", "config", "decide", "errors", "heuristics", "letters", "lynx", "markdown", "model", "pipeline", "reassemble",
               "rules", "segment", "cli", "batch", "html"}  # fmt: skip
    assert public - modules == set(cleaner.__all__) - {"__version__"}


def test_import_is_light():
    code = "import sys, cleaner; cleaner.clean('Hello there.'); print(sorted(m for m in ('trafilatura', 'bs4', 'lxml', 'justext') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_clean_is_clean_and_explain_text():
    text = f"{PARAGRAPH}\nShare this:\n{PARAGRAPH}\n"
    assert cleaner.clean(text) == cleaner.clean_and_explain(text).text == f"{PARAGRAPH}\n{PARAGRAPH}\n"


def test_without_reasons_only_the_line_model_reasons_are_left_out():
    from conftest import DOCUMENTS

    text = (next(d for d in DOCUMENTS if d.name == "wire-story-ptags") / "input.txt").read_text(encoding="utf-8")
    full = cleaner.clean_and_explain(text)
    fast = cleaner.clean_and_explain(text, reasons=False)
    assert fast.text == full.text == cleaner.clean(text)
    assert [(r.start, r.end, r.evidence.code, r.evidence.score) for r in fast.removals] == [
        (r.start, r.end, r.evidence.code, r.evidence.score) for r in full.removals
    ]
    scored = [r for r in full.removals if r.evidence.code == "heuristic:line-score"]
    assert scored and all(r.evidence.reason for r in full.removals)
    assert all((r.evidence.reason == "") == (r.evidence.code == "heuristic:line-score") for r in fast.removals)


def test_every_removal_says_what_removed_it():
    text = f"{PARAGRAPH}\n- Advertisement -\n{PARAGRAPH}\n"
    (removal,) = cleaner.clean_and_explain(text).removals
    assert text[removal.start : removal.end] == removal.text == "- Advertisement -\n"
    assert removal.evidence.code == "rule:en.ads.label"
    assert removal.to_dict()["category"] == "ads"


def test_reusable_cleaner_gives_the_same_result_as_the_function():
    worker = cleaner.Cleaner(CleanerConfig(profile="conservative"))
    text = f"{PARAGRAPH}\nADVERTISEMENT\n"
    assert worker.clean(text) == cleaner.clean(text, CleanerConfig(profile="conservative"))
    assert list(worker.clean_many([text, ""])) == [worker.clean(text), ""]


def test_empty_input_gives_empty_output_and_blank_input_is_left_alone():
    assert cleaner.clean("") == ""
    for blank in ("\n\n", "   \n\t\n"):
        result = cleaner.clean_and_explain(blank)
        assert result.text == blank and result.removals == ()


def test_heuristics_never_empty_a_document(monkeypatch):
    """Even a line model that calls every line boilerplate leaves the text whole."""
    import cleaner.decide as decide
    from cleaner.heuristics.scoring import LineModel

    monkeypatch.setattr(decide, "line_model", lambda: LineModel.from_mapping({}, bias=50.0))
    # Lines of many short words and no full stop: prose-like enough to make a main text (class
    # "near"), too long for a headline, so every one of them is judged.
    lines = [f"{name} and I and you and he and she and we and they all said it was so and so it is and it was not so" for name in ("Ann", "Bo")]
    text = "\n".join([*lines, "Share this:"]) + "\n"
    result = cleaner.Cleaner().clean_and_explain(text)
    assert result.text == "\n".join(lines) + "\n"
    assert [r.evidence.code for r in result.removals] == ["rule:en.share.label"]


@pytest.mark.parametrize("value", [b"bytes", None, 42])
def test_non_str_input_is_a_clear_error(value):
    with pytest.raises(InputError, match="decode bytes first|takes str"):
        cleaner.clean(value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"profile": "wild"}, {"engine": "pcre"}, {"time_limit": 0}, {"score_threshold": 1.5},
        {"score_threshold": "0.5"}, {"score_threshold": True}, {"time_limit": "5"}, {"time_limit": float("inf")}, {"time_limit": 1e10}, {"languages": None},
        {"disable": None}, {"disable": [1]}, {"builtin_rules": "no"}, {"rule_packs": [3]}, {"languages": b"en"},
    ],
)  # fmt: skip
def test_invalid_config_is_refused(kwargs):
    with pytest.raises(ConfigError):
        CleanerConfig(**kwargs)


@pytest.mark.parametrize("name", ["en.ads.lable", "linescore", "advertising", "markup.nonsense"])
def test_disabling_a_name_that_switches_nothing_off_is_refused(name):
    with pytest.raises(ConfigError, match=f"no rule, rule-id prefix, category or heuristic named '{name}'"):
        cleaner.Cleaner(CleanerConfig(disable={name}))


@pytest.mark.parametrize("name", ["en.ads.label", "en.ads", "en", "ads"])
def test_rule_ids_prefixes_and_categories_can_be_disabled(name):
    text = f"{PARAGRAPH}\nAdvertisement\n{PARAGRAPH}"
    assert cleaner.Cleaner(CleanerConfig(profile="conservative")).clean(text) == f"{PARAGRAPH}\n{PARAGRAPH}"
    assert cleaner.Cleaner(CleanerConfig(profile="conservative", disable=name)).clean(text) == text


@pytest.mark.parametrize("name", ["line-score", "wedged", "tail-block", "restated", "markup", "markup.related-posts"])
def test_heuristics_and_markup_tokens_can_be_disabled(name):
    assert cleaner.Cleaner(CleanerConfig(disable=name)).config.disable == frozenset({name})


def test_a_cleaner_takes_a_config_object():
    with pytest.raises(ConfigError, match="build one with CleanerConfig"):
        cleaner.Cleaner({"profile": "default"})  # type: ignore[arg-type]
    for function in (cleaner.clean, cleaner.clean_and_explain, cleaner.clean_html):
        with pytest.raises(ConfigError, match="build one with CleanerConfig"):
            function("Markets rose.", config="conservative")  # type: ignore[arg-type]


def test_language_codes_are_case_blind_and_include_every_packs_language():
    assert CleanerConfig(languages="EN").languages == ("en",)
    assert CleanerConfig(languages=["ko"]).languages == ("ko",)  # Korean has rules, no stoplist


def test_config_is_frozen_and_replace_returns_a_copy():
    config = CleanerConfig()
    other = config.replace(profile="conservative", languages=["en"])
    assert config.profile == "default" and other.languages == ("en",)
    with pytest.raises(AttributeError):
        config.profile = "conservative"  # type: ignore[misc]


def test_time_limit_stops_a_slow_document(monkeypatch):
    import cleaner.pipeline as pipeline

    clock = iter([0.0, 100.0, 200.0, 300.0])
    monkeypatch.setattr(pipeline.time, "monotonic", lambda: next(clock))
    with pytest.raises(TimeLimitError):
        cleaner.Cleaner(CleanerConfig(time_limit=1.0)).clean(PARAGRAPH)


def test_given_language_is_used_without_detection():
    result = cleaner.clean_and_explain(f"{PARAGRAPH}\nANUNCIO\n", CleanerConfig(languages=("es",)))
    assert result.language == "es"
    assert [r.evidence.code for r in result.removals] == ["rule:es.ads.label"]


def test_heuristics_never_take_most_of_a_documents_sentences():
    """Short sentences between share labels, around one paragraph: without the budget, the line
    model would keep only the paragraph (the sentences sit outside the main text)."""
    short = [f"Share this:\nPrices rose {i} percent, the office said." for i in range(60)]
    out = cleaner.clean("\n".join(short[:30] + [PARAGRAPH] + short[30:]))
    assert out.count("Prices rose") == 60
    assert "Share this:" not in out


def test_a_related_box_between_paragraphs_does_not_end_the_article():
    """A "Don't miss" box inside the article is removed, and the paragraphs after it stay."""
    before = [
        "The regional council approved the new flood defences on Tuesday after two years of consultation with residents and farmers along the river.",
        "Engineers said the embankments would be raised by a metre along the most exposed stretches, and that pumping stations would be replaced.",
        "Residents who were flooded in the winter storms welcomed the decision but said they had waited far too long for the work to begin.",
        "The council leader told reporters that the first contracts would be signed in the spring, with construction lasting about three years.",
        "Opposition members questioned the cost of the scheme, which has risen by a third since it was first proposed to the council.",
        "The environment agency said it would pay for half of the work, with the rest coming from the council and a levy on new housing.",
    ]
    after = [
        "Farmers along the lower valley said they hoped the new pumps would let them plant their fields earlier in the year than before.",
        "A public meeting to explain the timetable will be held in the town hall next month, the council said in a statement on its website.",
        "The work is expected to protect about four thousand homes and businesses that were at risk of flooding in a severe storm.",
        "Local businesses said they were relieved, after insurers had raised their premiums sharply following the floods of last winter.",
    ]
    teasers = ["DON'T MISS", "Storm warning issued for the coast [VIDEO]", "Ten pictures of the winter floods [PICTURES]"]
    text = "\n".join(before + teasers + after)
    for profile in cleaner.PROFILES:
        out = cleaner.clean(text, CleanerConfig(profile=profile))
        assert out == "\n".join(before + after)


def test_a_comment_section_after_the_article_goes_as_one_block():
    comments = [
        "I think the bank should have cut rates months ago, to be honest with you all.",
        "Agreed, but the labour market is still far too tight for that, as the minutes show.",
    ]
    article = [f"{PARAGRAPH[:-1]}, officials said on day {day}." for day in range(1, 5)]  # 120+ words
    text = "\n".join([*article, "Top Rated Comments", *comments])
    result = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative"))
    assert result.text == "\n".join(article) + "\n"
    codes = [r.evidence.code for r in result.removals]
    assert codes == ["rule:en.comments.label", "context:tail-block", "context:tail-block"]
    # Before enough article text, a comments label does not end the article.
    early = "\n".join(["Comments", PARAGRAPH, *comments])
    assert all(c in cleaner.clean(early, CleanerConfig(profile="conservative")) for c in comments)


FLOOD_ARTICLE = [
    "The regional council approved the new flood defences on Tuesday after two years of consultation with residents and farmers along the river.",
    "Engineers said the embankments would be raised by a metre along the most exposed stretches, and that pumping stations would be replaced.",
    "Residents who were flooded in the winter storms welcomed the decision but said they had waited far too long for the work to begin.",
    "The council leader told reporters that the first contracts would be signed in the spring, with construction lasting about three years.",
]


def test_an_open_thread_loses_its_comments_even_when_they_outweigh_the_post():
    """A short post (over TAIL_MIN_PROSE_BEFORE words) and a long comment thread after its label:
    the thread goes as one block, though it holds most of the document's sentences."""
    post = [
        "Our goal with hosting quarterly open threads is to give readers an opportunity to publicly raise "
        "comments or questions about our research or related topics in the comments section below.",
        "As always, you are also welcome to email us or to request a call with our staff if you have "
        "feedback or questions you would prefer to discuss privately. We will try to respond promptly.",
    ]
    names = ("Sam", "Alex", "Kim", "Lee", "Max", "Ana", "Tom", "Eva")
    thread = [f"Hi {name}, {line}" for name in names for line in FLOOD_ARTICLE]
    text = "\n".join([*post, "Comments", *thread, "Comments are closed."])
    words = [len(line.split()) for line in [*post, *thread]]
    assert sum(words[len(post):]) > cleaner.decide.HEURISTIC_SENTENCE_BUDGET * sum(words)  # over the budget
    for profile in cleaner.PROFILES:
        result = cleaner.clean_and_explain(text, CleanerConfig(profile=profile))
        assert result.text == "\n".join(post) + "\n"
        assert {r.evidence.code for r in result.removals} == {
            "rule:en.comments.label", "context:tail-block"
        }  # fmt: skip


def test_a_comment_form_above_the_main_text_does_not_end_the_article():
    """Full-page text: a comment form's "Submit" after a run of teasers, before the article."""
    teasers = [
        "Thanks for contacting us, we have received your submission and will reply soon",
        "The best new restaurants in the city this winter, according to our critics",
        "How the council plans to spend the money raised by the new parking charges",
        "Why the river flooded again this year and what the engineers say about it",
        "Five walks along the coast that you can do in an afternoon with children",
    ]
    for profile in cleaner.PROFILES:
        result = cleaner.clean_and_explain("\n".join([*teasers, "Submit", *FLOOD_ARTICLE]), CleanerConfig(profile=profile))
        assert result.text.endswith("\n".join(FLOOD_ARTICLE))
        assert "context:tail-block" not in {r.evidence.code for r in result.removals}


def test_a_rights_notice_inside_the_main_text_ends_the_article():
    """A teaser deck (headline, summary sentence) after the site's rights notice reads as prose and
    extends the main text; the notice ends the article, so the line model judges the deck."""
    deck = [
        "Why farmers may want to paint their cows with zebra stripes",
        "Some people thought the stripy cattle in a Japanese pasture were a practical joke, but the science behind it is sound.",
        "Two troops killed in helicopter crash",
        "Officials promptly dismissed a claim that the craft was downed, but say the cause is under investigation.",
        "Cities urge boycott of meat companies linked to forest fires",
        "Lawmakers in the two biggest cities want to cut ties with businesses involved in the clearing of forests.",
        "New trial could change heart procedures",
        "It is estimated that around a million stents are implanted in patients every year, and the trial may change that.",
    ]
    text = "\n".join([*FLOOD_ARTICLE, "© 2019 Example Media Inc. All Rights Reserved.", *deck])
    assert cleaner.clean(text) == "\n".join(FLOOD_ARTICLE) + "\n"
    # A photo credit's mark between paragraphs ends nothing.
    credited = "\n".join([*FLOOD_ARTICLE[:2], "© 2019 Getty Images", *FLOOD_ARTICLE[2:]])
    for profile in cleaner.PROFILES:
        assert cleaner.clean(credited, CleanerConfig(profile=profile)) == "\n".join(FLOOD_ARTICLE)


LONG_NOTICE = (
    "© 2019 Example Media Inc. All rights reserved. This material may not be published, broadcast, rewritten or "
    "redistributed in any form without the prior written permission of Example Media and its partners."
)
SIX_PARAGRAPHS = FLOOD_ARTICLE + [
    "Opposition members questioned the cost of the scheme, which has risen by a third since it was first proposed to the council.",
    "The environment agency said it would pay for half of the work, with the rest coming from the council and a levy on new housing.",
]


def test_a_video_player_above_the_last_paragraph_cuts_no_tail():
    """A player's labels count neither way in the main text, as an ad label does: the one paragraph
    below it stays the article's, and the player's lines go."""
    player = ["Video", "Watch: Drone footage shows the scale of the flooding", "Video duration 02:15", "Now playing"]
    tail = ["Topics", "Flooding", "Weather", "Share", "Facebook", "X"]
    lines = [*SIX_PARAGRAPHS[:5], "A public meeting on the plans will be held at the town hall on Thursday evening."]
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join([*lines[:-1], *player, lines[-1], *tail]), CleanerConfig(profile=profile))
        assert kept.splitlines() == lines, profile


def test_a_credit_that_a_rights_rule_removed_still_ends_the_article():
    """A photo credit counts neither way in the main text, but "© Reuters", which a rights rule
    removed, ends the article as before: the sign-up box below it goes."""
    box = ["Boletín", "El Despertador", "Cada mañana, lo más importante", "Tu correo electrónico", "Suscríbete",
           "The Daily Example is an independent newspaper founded in 1901 and owned by its readers."]  # fmt: skip
    text = "\n".join([
        SIX_PARAGRAPHS[0], "Photograph: Reuters", SIX_PARAGRAPHS[1], "Sign up for our newsletter", SIX_PARAGRAPHS[2],
        "Story continues below advertisement", "(Reporting by Will Dunham; Editing by Tom Brown)", "© Reuters", *box,
        "We rely on our readers to fund our journalism. Please consider supporting us today.",
    ])  # fmt: skip
    kept = cleaner.clean(text, CleanerConfig(profile="conservative")).splitlines()
    assert kept == SIX_PARAGRAPHS[:3]


def test_a_long_notice_ends_the_article_near_its_end_only():
    """A notice that reads as prose (31 words) ends nothing in the middle of the article, where a
    story may quote one, but ends it below the article's last paragraph, before a teaser deck."""
    middle = "\n".join(SIX_PARAGRAPHS[:3] + [LONG_NOTICE] + SIX_PARAGRAPHS[3:])
    result = cleaner.clean_and_explain(middle)
    assert result.text == "\n".join(SIX_PARAGRAPHS)
    assert [r.evidence.code for r in result.removals] == ["rule:en.copyright.reserved"]
    deck = [
        "Why farmers may want to paint their cows with zebra stripes this summer, and what scientists say.",
        "Two troops were killed in a helicopter crash, officials said, though the cause is under investigation.",
    ]
    assert cleaner.clean("\n".join(SIX_PARAGRAPHS + [LONG_NOTICE] + deck)) == "\n".join(SIX_PARAGRAPHS) + "\n"


def test_a_newsletter_label_below_the_article_ends_it_and_inside_it_ends_nothing():
    teasers = [
        "- Gronk, Serena perform with Laker Girls Gronk may have found his true calling",
        "- NFL odds, cheat sheet, picks, bets, sims The computer model simulated every game",
        "- Jones tells Belichick story from the 90s The owner might have had a chance",
        "- Pats place Olszewski on IR The roster is re-shuffling",
    ]
    below = "\n".join(SIX_PARAGRAPHS + ["Daily Briefing Newsletter", *teasers])
    assert cleaner.clean(below) == "\n".join(SIX_PARAGRAPHS) + "\n"
    careful = cleaner.clean(below, CleanerConfig(profile="conservative"))  # the teasers' scores rise
    assert careful.startswith("\n".join(SIX_PARAGRAPHS)) and sum(t in careful for t in teasers) <= 1
    inside = "\n".join(SIX_PARAGRAPHS[:3] + ["Daily Briefing Newsletter"] + SIX_PARAGRAPHS[3:])
    for profile in cleaner.PROFILES:
        assert cleaner.clean(inside, CleanerConfig(profile=profile)) == "\n".join(SIX_PARAGRAPHS)


def test_the_closing_sentence_below_a_sign_up_box_stays():
    """A sign-up box between the last paragraphs and a one-sentence close is inside the article: it
    ends nothing, and the closing sentence stays (in English and German)."""
    close = "Residents who need shelter can call the emergency hotline, which is open around the clock, officials said."
    box = ["Newsletter", "Sign up to get the latest news delivered to your inbox every morning."]
    text = "\n".join(SIX_PARAGRAPHS[:4] + box + [close])
    german = [
        "Die Täter hatten in der Nacht zum Sonntag die Tür aufgebrochen und die Kasse mit rund 800 Euro gestohlen, teilte die Polizei mit.",
        "Die Inhaberin erstattete noch am Morgen Anzeige gegen Unbekannt. Auch mehrere Bleche mit Plätzchen seien verschwunden, sagte sie.",
        "Die Aktie des Versicherers, bei dem die Bäckerei versichert ist, spielte bei dem Fall nach Angaben der Polizei keine Rolle.",
    ]  # fmt: skip
    schluss = "Zeugen, die in der Nacht verdächtige Personen beobachtet haben, werden gebeten, sich bei der Polizei zu melden."
    kasten = ["Newsletter", "Jetzt kostenlos anmelden und täglich die wichtigsten Nachrichten per E-Mail erhalten."]
    for profile in cleaner.PROFILES:
        config = CleanerConfig(profile=profile)
        assert cleaner.clean(text, config) == "\n".join(SIX_PARAGRAPHS[:4] + [close]), profile
        assert cleaner.clean("\n".join([*german, *kasten, schluss]), config) == "\n".join([*german, schluss]), profile


EUROPA_BEFORE = [
    "Astronomers using a telescope in Hawaii said on Monday they had detected water vapour above the "
    "surface of Jupiter's moon Europa, a finding that strengthens the case that the icy world could host life.",
    "The team, led by researchers at Nasa's Goddard Space Flight Center, observed the moon on 17 nights "
    "between 2016 and 2017 and found the faint signature of water on only one of them.",
    '"While scientists have not yet detected liquid water directly, we\'ve found the next best thing: water '
    'in vapour form," said Lucas Paganini, the study\'s lead author.',
]
EUROPA_AFTER = [
    "Europa is thought to hold a global ocean beneath its icy crust that contains twice as much water as "
    "all of Earth's oceans combined.",
    "Nasa plans to launch its Europa Clipper mission in the 2020s to study the moon in more detail.",
    "The spacecraft will fly past the moon dozens of times, and the agency said on Monday it was on schedule.",
]
GUARDIAN_SIGN_UP_BOX = [
    "Skip past newsletter promotion",
    "Sign up to Down to Earth",
    "Free weekly newsletter",
    "The planet's most important stories. Get all the week's environment news - the good, the bad and the essential",
    "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside "
    "parties. For more information see our Privacy Policy.",
    "after newsletter promotion",
]


def test_a_sign_up_box_between_short_paragraphs_ends_nothing_and_goes_whole():
    """A sign-up box inside the article, with the name and blurb that no rule knows between its
    labels, neither ends the article nor splits it: the one-sentence paragraphs below it stay (they
    weigh less than the box's lines cost the main text), the whole box goes, and the subheading
    right below the box is the article's."""
    tail = ["Explore more on these topics", "Space", "Astronomy", "Share", "Reuse this content"]
    text = "\n".join([*EUROPA_BEFORE, *GUARDIAN_SIGN_UP_BOX, *EUROPA_AFTER, *tail])
    for profile in cleaner.PROFILES:
        assert cleaner.clean(text, CleanerConfig(profile=profile)).splitlines() == EUROPA_BEFORE + EUROPA_AFTER, profile
    with_heading = "\n".join([*EUROPA_BEFORE, *GUARDIAN_SIGN_UP_BOX, "What comes next", *EUROPA_AFTER, *tail])
    assert cleaner.clean(with_heading).splitlines() == [*EUROPA_BEFORE, "What comes next", *EUROPA_AFTER]
    # Before the article's last sentence, the box ends nothing either: the sentence closes the article.
    text = "\n".join([*EUROPA_BEFORE, *GUARDIAN_SIGN_UP_BOX, EUROPA_AFTER[0], *tail])
    assert cleaner.clean(text).splitlines() == [*EUROPA_BEFORE, EUROPA_AFTER[0]]


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_article_lines_around_and_between_sign_up_lines_stay(profile):
    """Sentences and list items between one promo repeated are the article's; so are a short
    closing sentence below a promo, one with a year in it, and the lead paragraph above a sign-up
    box; a pitch that reports speech is the article's too."""
    config = CleanerConfig(profile=profile)
    promo = "Sign up for our newsletter"
    cases = [
        [*EUROPA_BEFORE, promo, "- Bus fares frozen until 2026", "- Three new routes by summer", promo, *EUROPA_AFTER],
        [*EUROPA_BEFORE, promo, "The vote is final.", promo],
        [*EUROPA_BEFORE, "Advertisement", "The plant will open in 2026."],
        [EUROPA_BEFORE[0], *GUARDIAN_SIGN_UP_BOX, *EUROPA_BEFORE[1:], *EUROPA_AFTER],
        [*EUROPA_BEFORE, "Residents can sign up for our weekly bulletin at the town hall, the mayor said.", *EUROPA_AFTER],
    ]
    if profile == "conservative":  # (the default profile's line model takes such short lines wherever they are)
        cases.append([*EUROPA_BEFORE, promo, "He denied the charges.", "Police are investigating.", promo, *EUROPA_AFTER])
    for lines in cases:
        wanted = [line for line in lines if line not in (promo, "Advertisement", *GUARDIAN_SIGN_UP_BOX)]
        assert cleaner.clean("\n".join(lines), config).splitlines() == wanted, lines


def test_the_headline_stays_above_a_byline_a_date_and_share_buttons():
    headline = "Advertising Giants Face New Rules on Online Ads"
    top = [headline, "By Sarah Mitchell, Technology Correspondent", "Published 12 March 2024",
           "Share on Facebook", "Share on Twitter", "Email"]  # fmt: skip
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join(top + SIX_PARAGRAPHS), CleanerConfig(profile=profile)).splitlines()
        assert kept[0] == headline and kept[-6:] == SIX_PARAGRAPHS, profile
    # With fewer lines between, the byline (shorter, and nearer) is still no headline.
    short = [headline, "By Sarah Mitchell, Technology Correspondent", "Published 12 March 2024", "Share on Facebook"]
    kept = cleaner.clean("\n".join(short + SIX_PARAGRAPHS)).splitlines()
    assert kept[0] == headline
    # A line just above the story is the headline, rather than a masthead's longer tagline above a
    # menu (a tie: 9 words four lines farther weigh as much as 8 words one line away, and the lower
    # line wins; a tagline a word longer would win: a known limit).
    masthead = ["The Valley Gazette, serving the Severn valley since 1887", "Home", "Subscribe", "Sign in", headline]
    kept = cleaner.clean("\n".join(masthead + SIX_PARAGRAPHS)).splitlines()
    assert kept[0] == headline and masthead[0] not in kept
    # A time stamp between them is no headline (mostly figures).
    live = ["Live updates: the flood defences vote", "Last updated 14:32 GMT", "14:32 GMT"]
    assert cleaner.clean("\n".join(live + SIX_PARAGRAPHS)).splitlines()[0] == live[0]
    # A headline-shaped line right above the one found is the headline, and the one found its
    # standfirst (a standfirst without a full stop is as long, and nearer).
    stand = ["Council approves new flood defences after two years of talks",
             "Residents welcome plan to protect the valley from the river"]  # fmt: skip
    assert cleaner.clean("\n".join([*stand, "Advertisement", *SIX_PARAGRAPHS])).splitlines()[0] == stand[0]
    # A byline, a role, a date, share and save buttons and a caption between them (a common page
    # header), and a standfirst without a full stop right below the headline: both stay.
    header = [headline, "Two of the largest platforms must open their ad auctions to outside audits by next year",
              "Sarah Mitchell", "Technology correspondent", "Published 3 hours ago", "Share", "Save",
              "Image source, Getty Images", "Image caption, The rules cover search and social media advertising"]  # fmt: skip
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join(header + SIX_PARAGRAPHS), CleanerConfig(profile=profile)).splitlines()
        assert kept[:2] == header[:2] and kept[-6:] == SIX_PARAGRAPHS, profile
    assert cleaner.clean("\n".join(header + SIX_PARAGRAPHS)).splitlines() == header[:2] + SIX_PARAGRAPHS
    # Farther than HEADLINE_WINDOW lines above the story, a line is taken for the headline only when
    # no line nearer the story is shaped as one (a long share bar or gallery between them).
    far = [headline, *[f"Share on {site}" for site in ("Facebook", "Twitter", "WhatsApp", "LinkedIn", "Reddit",
                                                       "Pinterest", "Telegram", "Flipboard", "Tumblr")],
           "Email", "Print", "Save", "Comments"]  # fmt: skip
    assert cleaner.clean("\n".join(far + SIX_PARAGRAPHS)).splitlines()[0] == headline
    nearer = [*far, "Regional council publishes its flood maps for every village"]
    assert headline not in cleaner.clean("\n".join(nearer + SIX_PARAGRAPHS))


def test_a_headline_of_two_sentences_stays():
    """A headline of two sentences ("Brentmoor sacked their manager. Now what?") is shaped as a caption
    cut short; it is the headline right above the standfirst the search found, or when no line is
    shaped as a headline."""
    two = "The city closed my streetcar stop and told me in a newsletter. That's not consultation"
    standfirst = "When a stop that serves two seniors' buildings can vanish without a meeting, the process is broken"
    for profile in cleaner.PROFILES:
        config = CleanerConfig(profile=profile)
        kept = cleaner.clean("\n".join([two, standfirst, "By Daniela Okonkwo", "Share", *SIX_PARAGRAPHS]), config)
        assert kept.splitlines()[:2] == [two, standfirst], profile
        alone = "Le edicole chiudono. E nessuno se ne accorge"
        kept = cleaner.clean("\n".join(["Blog", alone, "By Giovanna Ferlito", "Share", *SIX_PARAGRAPHS]), config)
        assert kept.splitlines()[0] == alone, profile
        # Above a headline, a banner or a caption of two sentences is no headline.
        banner = ["Breaking news. Live updates on the budget", "Chancellor unveils £20bn spending plan for hospitals and schools"]
        kept = cleaner.clean("\n".join([*banner, "By Tom Hughes", "12 March 2025", *SIX_PARAGRAPHS]), config)
        assert banner[1] in kept.splitlines(), profile
        assert profile == "conservative" or kept.splitlines()[0] == banner[1]
        # With a standfirst right below it, it outweighs a line shaped as a headline farther up than
        # HEADLINE_WINDOW with none below (the page's title above its menu).
        menu = ["News", "World", "Business", "Sport", "Culture", "Travel", "Weather", "Local", "News", "Transport"]
        page = ["City closes the streetcar stop on Queen Street without asking its riders - Daily Example", *menu, two,
                f"{standfirst}.", "Daniela Okonkwo", "12 March 2025", "Premium", "Comments (12)", "Share",
                "The stop on Queen Street. | Photo: Tom Hughes, Daily Example", *SIX_PARAGRAPHS]  # fmt: skip
        kept = cleaner.clean("\n".join(page), config)
        assert kept.splitlines()[:2] == [two, f"{standfirst}."], profile


def test_an_authors_bio_goes_at_the_articles_end_only():
    bio = "Jane Doe is a reporter for The Daily Example, covering the council and the courts."
    at_end = "\n".join([*FLOOD_ARTICLE, "About the Author", bio, "More from The Daily Example"])
    for profile in cleaner.PROFILES:
        result = cleaner.clean_and_explain(at_end, CleanerConfig(profile=profile))
        assert result.text.startswith("\n".join(FLOOD_ARTICLE) + "\n")
        codes = [r.evidence.code for r in result.removals]
        assert codes[:2] == ["rule:en.credits.author-heading", "rule:en.credits.author-bio"]
    # The same sentence inside a story about her stays: the article goes on below it.
    inside = "\n".join([*FLOOD_ARTICLE[:1], bio, *FLOOD_ARTICLE[1:]])
    for profile in cleaner.PROFILES:
        assert cleaner.clean(inside, CleanerConfig(profile=profile)) == inside


def test_a_video_title_goes_below_the_articles_start_and_stays_as_a_video_pages_headline():
    """``where = "below-start"``: "Watch: ..." between paragraphs is an embedded video's title; the
    same words at the top of a video page are its headline."""
    title = "Watch: Drone footage shows the scale of the flooding"
    inside = "\n".join([*FLOOD_ARTICLE[:2], title, "Video duration 02:15", *FLOOD_ARTICLE[2:]])
    on_top = "\n".join([title, *FLOOD_ARTICLE])
    for profile in cleaner.PROFILES:
        config = CleanerConfig(profile=profile)
        result = cleaner.clean_and_explain(inside, config)
        assert result.text == "\n".join(FLOOD_ARTICLE)
        codes = {r.text.strip(): r.evidence.code for r in result.removals}
        assert codes["Video duration 02:15"] == "rule:en.credits.label"
        assert cleaner.clean(on_top, config) == on_top
    # Its rule alone, the line model off: the title goes only below the article's start.
    config = CleanerConfig(profile="conservative", disable=frozenset({"line-score", "en.related.media-prefix"}))
    result = cleaner.clean_and_explain(inside, config)
    assert {r.text.strip(): r.evidence.code for r in result.removals}[title] == "rule:en.related.media-title"
    assert cleaner.clean(on_top, config) == on_top


def test_prose_after_the_main_text_does_not_hold_a_bio_in_place():
    """Teasers kept below the page's chrome (the line model off) are not the article: the bio above
    them is at the article's end."""
    bio = "Jane Doe is a reporter for The Daily Example, covering the council and the courts."
    chrome = ["Share on Facebook", "Share on Twitter", "Share on LinkedIn", "Share via Email", "Print", "Advertisement",
              "Most Popular", "Skip to content", "Subscribe", "Log in", "Sign up", "Home"]  # fmt: skip
    teasers = [
        "Ferry services will be cut this winter as the harbour silts up again, the operator said on Monday.",
        "The town's library will open on Sundays from next month after a campaign by parents, the council said.",
        "New cycle lanes are planned for the town centre, where traffic has doubled in a decade, officials said.",
    ]
    config = CleanerConfig(profile="conservative", disable=frozenset({"line-score"}))
    result = cleaner.clean_and_explain("\n".join([*FLOOD_ARTICLE, bio, *chrome, *teasers]), config)
    assert "rule:en.credits.author-bio" in {r.evidence.code for r in result.removals}
    assert all(teaser in result.text for teaser in teasers)


HOUSE_PACK_WITH_DOTS = HOUSE_PACK + """
[[rule]]
id = "house.blank"
category = "navigation"
mode = "line"
regex = ["[ .]+"]
reason = "dots"
remove = [" . . ."]
keep = ["Dots matter."]
"""


def test_the_module_level_functions_reload_a_user_pack_that_changed(tmp_path):
    pack = tmp_path / "house.toml"
    pack.write_text(HOUSE_PACK, encoding="utf-8")
    config = CleanerConfig(rule_packs=(str(pack),), profile="conservative")
    text = f"{PARAGRAPH}\nListen to our podcast!\nTry the harbour quiz!\n"
    assert cleaner.clean(text, config) == f"{PARAGRAPH}\nTry the harbour quiz!\n"
    edited = HOUSE_PACK.replace('"listen to our podcast"', '"try the harbour quiz"').replace(
        'remove = ["Listen to our podcast!"]', 'remove = ["Try the harbour quiz!"]'
    )
    pack.write_text(edited + "\n", encoding="utf-8")  # another size, whatever the clock's resolution
    assert cleaner.clean(text, config) == f"{PARAGRAPH}\nListen to our podcast!\n"


def test_a_cached_cleaner_outlives_a_change_of_working_directory(tmp_path, monkeypatch):
    (tmp_path / "house.toml").write_text(HOUSE_PACK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = CleanerConfig(rule_packs=("house.toml",), profile="conservative")
    text = f"{PARAGRAPH}\nListen to our podcast!\n"
    assert cleaner.clean(text, config) == f"{PARAGRAPH}\n"
    monkeypatch.chdir(tmp_path.parent)  # the relative path no longer names the pack
    assert cleaner.clean(text, config) == f"{PARAGRAPH}\n"


def test_rules_apply_to_documents_of_their_packs_language_only(tmp_path):
    pack = tmp_path / "house.toml"
    pack.write_text(HOUSE_PACK_WITH_DOTS, encoding="utf-8")
    text = f"{PARAGRAPH}\nListen to our podcast!\n"
    english = CleanerConfig(rule_packs=(str(pack),), languages=("en",), profile="conservative")
    german = english.replace(languages=("de",))
    assert "podcast" not in cleaner.clean(text, english)
    assert "podcast" in cleaner.clean(text, german)


def test_an_ad_label_of_another_language_goes_in_a_mixed_page():
    """An English story with German and Spanish ad labels between its paragraphs (common.ads.label),
    while other languages' labels that are English words too stay ("Trends", a German heading)."""
    text = f"{PARAGRAPH}\nAnzeige\n{PARAGRAPH}\nPUBLICIDAD\n{PARAGRAPH}\nTrends\n{PARAGRAPH}"
    result = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative"))
    assert result.language == "en"
    assert result.text == f"{PARAGRAPH}\n{PARAGRAPH}\n{PARAGRAPH}\nTrends\n{PARAGRAPH}"
    assert [r.evidence.code for r in result.removals] == ["rule:common.ads.label", "rule:common.ads.label"]


def test_a_rule_that_matches_whitespace_leaves_blank_lines_alone(tmp_path):
    pack = tmp_path / "house.toml"
    pack.write_text(HOUSE_PACK_WITH_DOTS, encoding="utf-8")
    text = f"{PARAGRAPH}\n   \n . . .\n{PARAGRAPH}\n"
    result = cleaner.clean_and_explain(text, CleanerConfig(rule_packs=(str(pack),), profile="conservative"))
    assert [r.evidence.code for r in result.removals] == ["rule:house.blank"]


def test_detection_chooses_among_the_configured_languages():
    config = CleanerConfig(languages=("en", "de"))
    assert cleaner.clean_and_explain(f"{PARAGRAPH}\n- Advertisement -\n", config).language == "en"
    assert cleaner.clean_and_explain("Markets rose.\n- Advertisement -").text == "Markets rose.\n"


def test_trim_offsets_hold_when_lower_case_is_longer():
    line = "The İstanbul exchange rose 3 percent on Monday as traders returned, dealers said in the city."
    result = cleaner.clean_and_explain(f"{PARAGRAPH}\n{line} Click here to read more.\n")
    assert result.text == f"{PARAGRAPH}\n{line}\n"


def test_rule_trims_survive_the_heuristic_budget():
    short = [f"Share this:\nPrices rose {i} percent, the office said." for i in range(80)]
    trimmed = "Rates rose again, dealers said. Click here to read more."  # scored away, then restored
    out = cleaner.clean("\n".join(short[:40] + [PARAGRAPH] + short[40:] + [trimmed]))
    assert out.count("Prices rose") == 80
    assert out.endswith("Rates rose again, dealers said.")


def test_an_unknown_language_code_is_refused():
    with pytest.raises(ConfigError, match="unknown language code"):
        CleanerConfig(languages=("english",))


TRAPS = [
    "Advertising revenue at the group fell by a fifth as print readers moved online, the company said.",
    "The newsletter, launched in 2016 by two former reporters, now reaches 1.2 million readers a week.",
    "Bake the chocolate chip cookies for 12 minutes, until the edges are golden, then let them cool.",
    "The influencer's post, marked #ad, promoted a tea that the regulator later said made false claims.",
    "Shares of the carmaker fell 4% on Tuesday after it cut its profit forecast for the full year.",
    "The lawsuit claims that the licence, which ends with the phrase all rights reserved, was used to deny artists royalties.",
    "Police arrested two men on charges of unauthorized reproduction of films, the ministry said on Monday.",
    "The firm could not sell the data without the prior written permission of each customer, the court ruled.",
    "All rights reserved, the label had written on every sleeve, but the court sided with the artist.",
    "Alle Rechte vorbehalten, heißt es im Vertrag, doch die Band klagte trotzdem gegen das Label.",
    "Tous droits réservés, disait la mention, mais le tribunal a donné raison au photographe.",
    '"Follow us on Twitter for updates," the police department told residents in a message posted early on Monday.',
    "„Abonnieren Sie unseren Newsletter“, stand in der gefälschten Mail, die die Polizei am Montag zeigte.",
]  # fmt: skip


@pytest.mark.parametrize("profile", cleaner.PROFILES)
@pytest.mark.parametrize("trap", TRAPS)
def test_article_sentences_that_use_boilerplate_words_stay(trap, profile):
    text = "\n\n".join([PARAGRAPH, trap, PARAGRAPH.replace("Monday", "Friday")])
    assert cleaner.clean(text, CleanerConfig(profile=profile)) == text


def test_a_prompt_that_ends_a_line_of_article_text_cuts_off_only_itself():
    text = f"{PARAGRAPH}\nPrices rose 3% last year, the statistics office said. Click here to subscribe.\n{PARAGRAPH}"
    result = cleaner.clean_and_explain(text)
    assert result.text == text.replace(" Click here to subscribe.", "")
    assert [r.evidence.code for r in result.removals] == ["rule:en.newsletter.click-here"]


def test_headlines_with_abbreviations_and_questions_stay():
    for headline in ("Gov. Newsom signs first-in-nation AI safety law", "FC St. Pauli siegt im Nordderby",
                     "Should you buy the iPad Air? Our verdict", "Liverpool vs. Man City: five talking points"):  # fmt: skip
        top = [headline, "By Sarah Mitchell", "Published 12 March 2024", "Share on Facebook", "Share on Twitter"]
        for profile in cleaner.PROFILES:
            kept = cleaner.clean("\n".join(top + SIX_PARAGRAPHS), CleanerConfig(profile=profile)).splitlines()
            assert kept[0] == headline, (headline, profile)


def test_a_numbered_most_read_list_after_a_ranking_still_goes():
    intro = ("Cornwall has more than 300 beaches, and choosing between them can be hard; these are the ones "
             "our writer returns to every summer, counted down to the best.")  # fmt: skip
    ranking = [line for n in range(3, 0, -1) for line in (
        f"{n}. Beach number {n}", f"The sand at beach number {n} stretches for miles and the water is calm at low tide.")]  # fmt: skip
    most_read = ["Most popular", "1. Heathrow passengers face delays as staff strike",
                 "2. The little-known Greek island that rivals Santorini", "3. Ryanair changes cabin bag rules for summer"]  # fmt: skip
    kept = cleaner.clean("\n".join([intro, *ranking, *most_read])).splitlines()
    assert kept == [intro, *ranking]


def test_a_ranking_keeps_its_items_below_an_ad_box_and_a_related_box():
    intro = ("Sun, sea and sand: despite higher prices, most families want to travel abroad again this summer, "
             "according to a survey of more than 5,000 households published on Tuesday.")  # fmt: skip
    items = [
        "1. Spain", "Mallorca, the Canaries and the Costa Brava have topped the ranking for years.",
        "2. Italy", "Lake Garda, the Adriatic coast and Sicily drew about eleven million visitors.",
        "3. Turkey", "All-inclusive offers kept the country popular despite rising prices.",
    ]  # fmt: skip
    after = ["4. Austria", "5. Greece", "6. Croatia", "7. France", "8. Netherlands", "9. Denmark", "10. Egypt"]
    text = "\n".join([intro, *items, "Advertisement", *after[:3], "Related", "Airport chaos: your rights when flights are late", *after[3:]])
    for profile in cleaner.PROFILES:
        kept = cleaner.clean(text, CleanerConfig(profile=profile)).splitlines()
        assert all(line in kept for line in [intro, *items, *after]), profile
        assert "Advertisement" not in kept and "Related" not in kept, profile


def test_a_live_blog_keeps_its_entry_times():
    entries = [
        ("21:15", "Firefighters said the fish market was flooded for the first time in a decade, and police closed the streets around it."),
        ("20:48", "Rail operators stopped all long-distance trains in the north until Tuesday morning, a spokeswoman said."),
        ("19:30", "The weather service raised its warning to the highest level for the coast as gusts reached 110 kilometres an hour."),
        ("19:02", "Welcome to our live coverage of the storm: we will keep you up to date on the latest developments through the night."),
    ]  # fmt: skip
    lines = ["Live: storm hits the north coast", *[line for entry in entries for line in entry]]
    for profile in cleaner.PROFILES:
        assert cleaner.clean("\n".join(lines), CleanerConfig(profile=profile)).splitlines() == lines, profile
    # A stamp whose entry is only an ad label heads nothing; the blog stays, and a second cleaning
    # changes nothing.
    with_ad = "\n".join([*lines[:1], "21:59", "Advertisement", *lines[1:]])
    for profile in cleaner.PROFILES:
        config = CleanerConfig(profile=profile)
        once = cleaner.clean(with_ad, config)
        assert once.splitlines() == lines and cleaner.clean(once, config) == once, profile
    # A lone time stamp under a headline is still a stamp, and a TV guide after a story is no blog.
    story = ["Storm hits the north coast", "21:15", *SIX_PARAGRAPHS]
    assert "21:15" not in cleaner.clean("\n".join(story)).splitlines()
    guide = ["Tonight on TV", "19:00", "Emmerdale", "20:00", "Coronation Street", "21:00", "The Great British Sewing Bee"]
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join([*SIX_PARAGRAPHS, *guide]), CleanerConfig(profile=profile)).splitlines()
        assert kept[:6] == SIX_PARAGRAPHS and not set(guide[1:]) & set(kept), profile


def test_a_live_blogs_last_entries_past_its_share_buttons_and_ads_stay():
    """The buttons and ad labels between a blog's entries cut its oldest entries off the main text;
    the entries run on, and the main text with them, to the end of the last one. A box of stamped
    teasers below an article is no blog."""
    entries = [
        ("8:09 p.m. ET, March 11, 2025", "Governor declares state of emergency",
         "The governor declared a state of emergency for 14 counties after the storms destroyed homes and cut power, "
         "and said the National Guard would help crews clear roads and reach people who were still trapped."),
        ("7:21 p.m. ET, March 11, 2025", "Death toll rises to seven",
         "The state emergency agency said five people were killed in two counties and two more in a neighbouring state."),
        ("6:30 p.m. ET, March 11, 2025", "Power outages top 180,000",
         "More than 180,000 customers were without power as of 6:30 p.m. ET, according to a tracking site."),
    ]  # fmt: skip
    summary = [
        "At least seven people are dead after tornadoes struck parts of central Mississippi and western Alabama on Tuesday afternoon.",
        "The storm system is moving east tonight, with tornado watches in effect for parts of Georgia and the Florida Panhandle.",
    ]  # fmt: skip
    blog = ["Deadly tornadoes tear through the South as storms push east", *summary]
    for stamp, title, sentence in entries:
        blog += [stamp, title, sentence]
    chrome = ["Link Copied!", "Ad Feedback"]
    text = "\n".join([*blog[:3], *[line for k in range(3) for line in [*blog[3 + 3 * k : 6 + 3 * k], *chrome]], "Paid Content"])
    for profile in cleaner.PROFILES:
        assert cleaner.clean(text, CleanerConfig(profile=profile)).splitlines() == blog, profile
    latest = [
        "Latest news", "9:41 p.m. ET, March 11, 2025", "Stocks slide as tariff fears weigh on Wall Street",
        "The S&P 500 fell 1.2% in its worst day in a month as investors worried about trade.",
        "8:55 p.m. ET, March 11, 2025", "Court blocks new rules on asylum applications",
        "A federal judge said the administration had failed to follow proper procedure in the case.",
        "8:20 p.m. ET, March 11, 2025", "Star striker ruled out for the rest of the season",
        "The club confirmed the forward had torn a ligament in his knee during training this week.",
    ]  # fmt: skip
    kept = cleaner.clean("\n".join([*SIX_PARAGRAPHS[:4], *latest, "About us", "Contact"])).splitlines()
    assert kept == SIX_PARAGRAPHS[:4]


def test_a_related_box_inside_the_article_ends_nothing_when_much_of_the_article_follows():
    """A list of results cuts the main text short; the related box above it is inside the article:
    the list and the paragraphs below it stay in the conservative profile."""
    top = [
        "Paris Saint-Germain strengthened their lead at the top of the table on Sunday night, beating Lyon 4-1 at the Parc des Princes after Alexandre Lacazette had given the visitors an early lead.",
        "Ousmane Dembele scored twice in the second half and the champions now have a five-point cushion over their closest rivals, who dropped points for the second week running.",
        "In Nantes, Marseille had to settle for a 1-1 draw after Mason Greenwood's penalty was cancelled out ten minutes from time, and their coach said afterwards that his side had lacked a killer instinct.",
    ]  # fmt: skip
    box = ["Read more", "Why the Marseille coach rotated his side against Nantes"]
    results = ["Results of the ninth round", "Friday: Lens - Toulouse 2-0", "Saturday: Monaco - Brest 3-2",
               "Saturday: Lille - Rennes 1-1", "Saturday: Strasbourg - Le Havre 2-1", "Sunday: Nice - Auxerre 0-0",
               "Sunday: Nantes - Marseille 1-1", "Sunday: Reims - Lorient 2-2", "Sunday: PSG - Lyon 4-1"]  # fmt: skip
    bottom = [
        "In the table, Monaco's spectacular win over Brest lifts them to second place, level on points with Lens, who still have the best defence in the league.",
        "At the bottom, Le Havre and Auxerre share last place with six points each; the Normans have not won since the third round.",
        "The tenth round opens on Friday with a meeting between Marseille and Lens at the Velodrome, where the home side have won their last four league matches.",
    ]  # fmt: skip
    text = "\n".join([*top, *box, *results, "Advertisement", *bottom])
    kept = cleaner.clean(text, CleanerConfig(profile="conservative")).splitlines()
    assert kept[:3] == top and kept[-3:] == bottom and "Read more" not in kept


def test_a_headline_longer_than_its_standfirst_stays_and_a_section_label_above_it_goes():
    headline = ("Strictly star Amy Dowden reveals she baked 400 chocolate chip cookies for her wedding guests "
                "instead of a cake")  # fmt: skip
    standfirst = "The dancer said her mum thought she had 'lost the plot' when she revealed the plan"
    top = ["Home", "News", "Showbiz", "Sport", "TV", headline, standfirst, "Ellie Henman", "Published: 14:27, 6 May 2025"]
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join(top + SIX_PARAGRAPHS), CleanerConfig(profile=profile)).splitlines()
        assert headline in kept and kept[kept.index(headline) + 1] == standfirst, profile
        assert kept[-6:] == SIX_PARAGRAPHS, profile
    # The headline is no evidence that the line above it is prose: a section label there goes.
    local = ["LOCAL", "Baxter council votes to pull city ads from billboard on Highway 371",
             "March 19, 2025 at 6:42 PM CDT", "Share", "Facebook", "Email", "Print"]  # fmt: skip
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join(local + SIX_PARAGRAPHS), CleanerConfig(profile=profile)).splitlines()
        assert kept == [local[1], *SIX_PARAGRAPHS], profile


def test_a_sentence_right_below_the_headline_stays_as_its_standfirst():
    headline = "The case for a four-day school week is weaker than it looks"
    standfirst = "Districts adopting it are saving a little money and losing a lot of learning."
    top = [headline, standfirst, "By Karen Lindqvist", "4 min", "2475 comments"]
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join(top + SIX_PARAGRAPHS), CleanerConfig(profile=profile)).splitlines()
        assert kept[:2] == [headline, standfirst] and kept[-6:] == SIX_PARAGRAPHS, profile
    assert cleaner.clean("\n".join(top + SIX_PARAGRAPHS)).splitlines() == [headline, standfirst, *SIX_PARAGRAPHS]


def test_a_headline_far_above_the_story_stays_when_a_standfirst_follows_it():
    headline = "Pixelon 9a review: A mid-range phone with a flagship camera"
    standfirst = "It takes better night photos than phones that cost twice as much, but the battery is merely average"
    chrome = [
        "Priya Lalonde", "Senior Reviews Editor", "March 3, 2025 10:00 a.m. ET", "7 min read",
        "Our editors independently choose the products we review. We may earn a commission.",
        "$649 at Best Buy", "$679 at Amazon", "The Pixelon 9a in its green finish.", "Priya Lalonde/TechNorth",
        "The Good", "Excellent low-light camera", "Bright 120Hz screen", "Fair price",
        "The Bad", "Battery barely lasts a full day", "No charger in the box",
    ]  # fmt: skip
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join([headline, standfirst, *chrome, *SIX_PARAGRAPHS]), CleanerConfig(profile=profile))
        assert kept.splitlines()[:2] == [headline, standfirst], profile
    # Without a standfirst below it, a line that far up is no candidate: the headline found is nearer.
    kept = cleaner.clean("\n".join([headline, *chrome, *SIX_PARAGRAPHS]))
    assert headline not in kept.splitlines()
    # With one, it outweighs a video player's "Up next" teaser nearer the story.
    headline = "St. Paul pauses plan for parking meters on Grand Avenue after pushback from shop owners"
    standfirst = ("The city had planned to install pay stations along a mile of Grand Avenue in March. Business owners "
                  "say the meters would send shoppers to suburban malls.")  # fmt: skip
    player = [
        "Author: Tessa Lindgren", "Published: 6:14 PM CST November 24, 2025", "Video", "Now playing",
        "Grand Avenue business owners push back on parking meter plan", "2:31", "Credit: KARE 11", "Up next",
        "Minneapolis snow emergency: What to know before the first big storm", "1:58", "Autoplay",
    ]  # fmt: skip
    kept = cleaner.clean("\n".join([headline, standfirst, *player, *SIX_PARAGRAPHS])).splitlines()
    assert kept[:2] == [headline, standfirst]
    # Far up, the next teaser of a list of them is no standfirst: the headline nearer the story wins.
    teasers = [
        "He's the 1st player to record triple-double vs. every team",
        "Here's why you can sometimes see the moon during the day",
        "Morgan Stanley says Apple's stock is 'under owned'.",
        "Gigi Hadid is back 'in touch' with Zayn Malik", "Options narrow for last Hong Kong campus protesters",
        "Megabus is offering free tickets on Cyber Monday", "Aides bring impeachment inquiry directly into the WH",
        "Why you should always close the door before you go to bed",
    ]  # fmt: skip
    own = "The man whose duvet nearly killed him: How this medical mystery was solved"
    page = [*teasers, own, "By Sandee LaMotte, CNN", "1 day ago", "Two US service members die in chopper crash",
            "Comes down to one guy, says the chair", "© Amazon", *SIX_PARAGRAPHS]  # fmt: skip
    assert own in cleaner.clean("\n".join(page)).splitlines()


def test_a_tabloids_long_headline_stays_with_its_standfirst_past_a_caption():
    headline = ("Grandad's 'bonkers' 300,000-bulb Christmas lights display 'can be seen from Blackpool Tower' – "
                "and he swears the bill isn't as bad as you'd think")  # fmt: skip
    standfirst = ("Trevor Mulholland, 68, has spent four months turning his semi in Bispham into a festive grotto "
                  "with 60 inflatables, a 12ft Santa and a sleigh on the garage roof")  # fmt: skip
    top = ["Home", "News", "Weird News", headline, standfirst, "By Kieran Walsh", "News Reporter",
           "11:03, 27 Nov 2025", "Bookmark", "Comments", "Trevor outside his home (Image: Jamie Holt / Daily Star)",
           "View gallery"]  # fmt: skip
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join(top + SIX_PARAGRAPHS), CleanerConfig(profile=profile)).splitlines()
        assert kept[kept.index(headline) :] == [headline, standfirst, *SIX_PARAGRAPHS], profile
    # A first paragraph without its full stop is no headline for its length alone.
    first = SIX_PARAGRAPHS[0].rstrip(".") + " and the rest of the sentence runs on well past twenty-five words"
    kept = cleaner.clean("\n".join(["Home", "News", first, *SIX_PARAGRAPHS[1:]])).splitlines()
    assert first in kept
    # The standfirst below a caption that a rule removed is still the headline's.
    headline = "Rosario Central come from behind to beat Talleres with two late goals"
    standfirst = "Central trailed 1-0 until the 80th minute, when two substitutes changed the game in the space of seven minutes."
    top = ["Football", "Liga Profesional", headline, "Ezequiel Lombardi celebrates the winner (Image: Marcelo Manera)",
           standfirst, "By Santiago Peralta", "9 March 2025, 21:58", "Share"]  # fmt: skip
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join(top + SIX_PARAGRAPHS), CleanerConfig(profile=profile)).splitlines()
        assert kept[kept.index(headline) :] == [headline, standfirst, *SIX_PARAGRAPHS], profile


def test_a_byline_that_names_someone_goes_wherever_it_sits():
    entries = [
        "4:05 p.m.", "Ferry service suspended", "By Carla Restrepo", SIX_PARAGRAPHS[1],
        "3:40 p.m.", "Parkway closed after crash", "By Liam Fennessy", SIX_PARAGRAPHS[2],
    ]  # fmt: skip
    text = "\n".join([SIX_PARAGRAPHS[0], *entries, *SIX_PARAGRAPHS[3:]])
    conservative = CleanerConfig(profile="conservative")
    result = cleaner.clean_and_explain(text, conservative)
    gone = {r.text.strip(): r.evidence.code for r in result.removals}
    assert gone.get("By Carla Restrepo") == gone.get("By Liam Fennessy") == "context:byline"
    assert "Ferry service suspended" in result.text
    # Off by name, the byline is evidence only again, as it is when it names nobody.
    kept = cleaner.clean(text, conservative.replace(disable=frozenset({"byline"})))
    assert "By Carla Restrepo" in kept.splitlines()
    subheading = "\n".join([SIX_PARAGRAPHS[0], "By the numbers", *SIX_PARAGRAPHS[1:]])
    assert "By the numbers" in cleaner.clean(subheading, CleanerConfig(profile="conservative")).splitlines()
    # The lines above a byline are the article's head: its removal weighs on none of them.
    head = ["Markets", "Commodities", "Copper Smelters Are Being Paid Almost Nothing to Process Ore",
            "Fees that miners pay to smelters have collapsed to record lows",
            "Chinese expansion has outpaced supply from mines worldwide", "By Hugo Marsh and Li Wen",
            "November 27, 2025 at 5:00 AM GMT"]  # fmt: skip
    kept = cleaner.clean("\n".join(head + SIX_PARAGRAPHS), CleanerConfig(profile="conservative")).splitlines()
    assert kept[kept.index(head[2]) :] == [*head[2:5], *SIX_PARAGRAPHS]


def test_a_headline_with_its_standfirst_beats_a_caption_nearer_the_story():
    headline = "Incendio in un capannone di rifiuti a Cerro Maggiore, nube nera visibile da Milano"
    standfirst = "Il sindaco: \"Tenete chiuse le finestre\". Nessun ferito, in corso i rilievi dell'Arpa sulla qualità dell'aria"
    caption = "Una colonna di fumo nero si alza dal capannone in fiamme vicino alla statale"
    chrome = ["Redazione ANI", "MILANO, 12 luglio 2025, 10:47", "Suggerisci", "Facebook", "WhatsApp", "Stampa", "Riproduci"]
    text = "\n".join(["Cronaca", "Lombardia", headline, standfirst, *chrome, caption, *SIX_PARAGRAPHS])
    kept = cleaner.clean(text).splitlines()
    assert kept[:2] == [headline, standfirst] and kept[-6:] == SIX_PARAGRAPHS
    # A link to the page below a teaser's headline is no standfirst: the headline nearer the story wins.
    teaser = "Burks scores 29 as Warriors end skid with win over Grizzlies"
    link = "https://www.example.com/news/article/The-Latest-Man-stabbed-to-death-on-commuter-train-14850011.php"
    own = "The Latest: Man stabbed to death on San Francisco Bay train"
    text = "\n".join([teaser, link, own, "Updated 10:01 pm PST, Tuesday, November 19, 2019", *SIX_PARAGRAPHS])
    kept = cleaner.clean(text).splitlines()
    assert own in kept and teaser not in kept


def test_a_kicker_above_a_headline_with_its_standfirst_is_no_headline():
    kicker = "Championship, round 24 of the season"
    headline = "Penalty drama in Hameln as the home side turn the game in the last second"
    standfirst = (
        "The home side won an important match in the promotion race on Saturday night. The decision "
        "came only with the final whistle, after a penalty that the visitors disputed."
    )
    chrome = [
        "By Sebastian Kuehn", "17.03.2024, 20:41", "3 min read", "Share this article", "Save", "Print", "Facebook",
        "Twitter", "Celebration after the final whistle.", "IMAGO/Eibner",
    ]  # fmt: skip
    kept = cleaner.clean("\n".join(["Handball", "Match report", kicker, headline, standfirst, *chrome, *SIX_PARAGRAPHS]))
    # The standfirst above the story stays with its headline; the kicker above them is no headline.
    assert kept.splitlines()[:2] == [headline, standfirst]


def test_a_byline_is_no_headline_when_the_headline_reads_as_a_sentence():
    # An opinion headline with a full stop is no headline candidate; the byline nearer the story
    # is none either: no headline is kept rather than the byline.
    top = ["Opinion", "Keep the late-night bus. It's the cheapest safety program we have.", "By Marisol Vega",
           "March 5, 2024", "Share"]  # fmt: skip
    kept = cleaner.clean("\n".join(top + SIX_PARAGRAPHS)).splitlines()
    assert "By Marisol Vega" not in kept and kept[-6:] == SIX_PARAGRAPHS
    # A headline that a byline rule flags but that reads on in lower case is still a headline.
    for headline, byline in (("Von der Leyen unter Druck", "Von Anna Berger"), ("By the numbers", "By Jo Lee"),
                             ("Author Cormac McCarthy Has Died", "By Jo Lee"), ("Von Rekord zu Rekord", "Von Anna Berger")):
        kept = cleaner.clean("\n".join([headline, byline, "Share", *SIX_PARAGRAPHS])).splitlines()
        assert kept[0] == headline and byline not in kept, headline


def test_the_points_of_a_summary_above_the_story_are_no_headline():
    headline = "Residents told to leave as bushfire threatens homes in the west"
    summary = ["Key points:", "An emergency warning is in place for Pomonal, Moyston and Halls Gap",
               "More than 30 homes are feared lost"]  # fmt: skip
    kept = cleaner.clean("\n".join([headline, "By Rachel Clayton", "Share", *summary, *SIX_PARAGRAPHS])).splitlines()
    assert kept == [headline, *summary, *SIX_PARAGRAPHS]


def test_a_recipe_keeps_its_headline_above_the_ingredients():
    """An ingredient ("20 cl de crème liquide entière") is shaped as a headline and sits nearer the
    method; a run of short lines with figures holds no headline."""
    headline = "Tarte fine aux pommes et caramel au beurre salé"
    standfirst = "Une pâte feuilletée, quatre pommes et un caramel maison : le dessert du dimanche, prêt en 40 minutes."
    top = [
        "Accueil > Recettes > Desserts > Tartes", headline, standfirst, "Par Claire Dumoulin",
        "Mis à jour le 2 octobre 2024", "Imprimer", "Partager", "Publicité", "Ingrédients pour 6 personnes",
        "1 pâte feuilletée pur beurre", "4 pommes golden", "100 g de sucre", "50 g de beurre demi-sel",
        "20 cl de crème liquide entière", "1 pincée de fleur de sel", "Préparation",
    ]  # fmt: skip
    method = [
        "Préchauffez le four à 200 °C. Déroulez la pâte sur une plaque recouverte de papier cuisson et piquez-la "
        "à la fourchette sur toute sa surface avant de l'enfourner dix minutes.",
        "Épluchez les pommes, coupez-les en deux, retirez le trognon puis taillez-les en lamelles très fines, de "
        "l'épaisseur d'une pièce de monnaie, sans les séparer.",
        "Pendant ce temps, faites fondre le sucre à sec dans une casserole jusqu'à obtenir un caramel ambré, puis "
        "ajoutez le beurre et la crème hors du feu en remuant sans cesse.",
    ]  # fmt: skip
    for profile in cleaner.PROFILES:
        kept = cleaner.clean("\n".join(top + method), CleanerConfig(profile=profile)).splitlines()
        assert kept[:2] == [headline, standfirst], profile
        assert "Accueil > Recettes > Desserts > Tartes" not in kept, profile


def test_what_a_trim_leaves_of_a_line_is_judged_by_the_rules_too():
    """A trim that leaves a line that a rule removes whole ("[IMG][+234 chars]" leaves an image
    mark): the line goes in the first cleaning, as it would in a second."""
    text = f"{PARAGRAPH}\n[IMG][+234 chars]\n{PARAGRAPH}"
    result = cleaner.clean_and_explain(text)
    assert result.text.split("\n") == [PARAGRAPH, PARAGRAPH]
    assert cleaner.clean(result.text) == result.text
    assert {r.evidence.code for r in result.removals} == {"rule:common.code.dump-image"}


NORWEGIAN = (
    "Ferja ved Halhjem kai gikk ikke på tre dager på grunn av stormen, og mange reisende måtte vente "
    "i flere timer før de kom seg videre til Bergen."
)


def test_norwegian_rules_apply_when_a_norwegian_text_reads_as_danish():
    """Danish and Norwegian stoplists tell a short text apart poorly: a Norwegian tip-off line goes
    by the Norwegian pack's rule whichever of the two the detection picks (KINDRED_LANGUAGES)."""
    text = f"{NORWEGIAN}\nHar du tips til saken? Send oss en e-post på tips@nrk.no.\n{NORWEGIAN}"
    result = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative"))
    assert result.language in ("da", "nb")
    assert [r.evidence.code for r in result.removals] == ["rule:nb.newsletter.pitch"]
    for language in ("da", "nb"):
        given = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative", languages=(language,)))
        assert [r.evidence.code for r in given.removals] == ["rule:nb.newsletter.pitch"]
    swedish = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative", languages=("sv",)))
    assert swedish.removals == ()  # kindred languages are Danish and Norwegian only


HINDI = (
    "लखनऊ नगर निगम ने शहर के प्रमुख चौराहों से अवैध होर्डिंग हटाने का अभियान शुरू किया है और अधिकारियों "
    "ने कहा कि यह कार्रवाई पूरे महीने जारी रहेगी।"
)


def test_a_hindi_text_is_detected_and_its_english_furniture_goes():
    """Hindi is told by its stoplist, and English packs apply to Hindi documents too
    (KINDRED_LANGUAGES): their sites print much of their furniture in English."""
    text = f"{HINDI}\nNext Article\n{HINDI}"
    result = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative"))
    assert result.language == "hi"
    assert result.text.split("\n") == [HINDI, HINDI]
    assert [r.evidence.code.split(".")[0] for r in result.removals] == ["rule:en"]


def test_a_themes_english_labels_go_in_a_page_of_another_language():
    """A site's theme prints its comment form and post links in English whatever the article's
    language ("Leave a Reply", "Previous Post"): the common pack's whole-line labels take them,
    while an English phrase inside a line of another language stays."""
    paragraph = (
        "Pemerintah Kota Bandung mulai memperbaiki jalan yang rusak akibat banjir di kawasan timur kota, "
        "dan pekerjaan itu ditargetkan selesai sebelum akhir bulan ini."
    )
    text = f"{paragraph}\nPrevious Post\n{paragraph}\nLeave a Reply\nYour email address will not be published."
    result = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative"))
    assert result.language == "id"
    assert result.text.splitlines() == [paragraph, paragraph]
    assert {r.evidence.code for r in result.removals} == {"rule:common.theme.posts", "rule:common.theme.comments"}
    inside = f"{paragraph} Leave a reply"
    assert cleaner.clean(inside, CleanerConfig(profile="conservative")) == inside


def test_polish_page_furniture_goes_by_the_polish_pack():
    paragraph = (
        "Mieszkańcy Nysy od tygodni czekają na decyzję w sprawie wału przeciwpowodziowego, który "
        "został uszkodzony we wrześniu podczas największej od lat powodzi na Opolszczyźnie."
    )
    text = (
        f"Dzisiaj, 14 marca 2025 (12:45)\n{paragraph}\nReklama\n{paragraph}\n"
        "Czytaj również: Rząd przedłużył specustawę powodziową\nFot. PAP/Leszek Szymański\n{paragraph}"
    ).replace("{paragraph}", paragraph)
    result = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative"))
    assert result.language == "pl"
    assert result.text.split("\n") == [paragraph, paragraph, paragraph]
    assert [r.evidence.code for r in result.removals] == [
        "rule:pl.metadata.time", "rule:pl.ads.label", "rule:pl.related.prefix", "rule:pl.credits.prefix",
    ]


def test_norwegian_language_code_reads_as_bokmal():
    assert CleanerConfig(languages=("NO",)).languages == ("nb",)
    with pytest.raises(ConfigError):
        CleanerConfig(languages=("nn",))


TURKISH = (
    "İstanbul Büyükşehir Belediyesi, Galata Köprüsü'nün bakım çalışmaları nedeniyle hafta sonu "
    "trafiğe kapatılacağını açıkladı ve sürücülere alternatif güzergahları kullanmalarını önerdi."
)


def test_turkish_capital_i_reads_as_i_and_keeps_offsets():
    """"İ" lower-cases to two characters; lines are lower-cased character for character, "İ" to
    "i", so a Turkish label in capitals meets its rule and the removal's span is the line's."""
    from cleaner.segment import lower_case

    assert lower_case("İLGİLİ HABERLER") == "ilgili haberler"
    assert len(lower_case("İstanbul İÇİN")) == len("İstanbul İÇİN")
    text = f"{TURKISH}\nHABERİN DEVAMI\n{TURKISH}\nİLGİLİ HABERLER\n"
    result = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative"))
    assert result.language == "tr"
    assert [r.evidence.code for r in result.removals][:2] == ["rule:tr.ads.label", "rule:tr.related.heading"]
    assert [r.text for r in result.removals][:2] == ["HABERİN DEVAMI\n", "İLGİLİ HABERLER\n"]


def test_russian_and_ukrainian_packs_apply_to_each_others_documents():
    paragraph = (
        "Міністерство оборони повідомило, що протягом доби сили протиповітряної оборони збили "
        "дванадцять дронів над Київською та Житомирською областями, постраждалих немає."
    )
    text = f"{paragraph}\nЧитайте также: Минобороны подвело итоги недели\n{paragraph}"
    result = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative"))
    assert result.language == "uk"
    assert [r.evidence.code for r in result.removals] == ["rule:ru.related.prefix"]


def test_turkish_dotless_i_and_capital_i_read_alike():
    from cleaner.segment import lower_case

    assert lower_case("ÇEREZLER KULLANILMAKTADIR") == lower_case("çerezler kullanılmaktadır") == "çerezler kullanilmaktadir"
    text = f"{TURKISH}\nSİTEMİZDE ÇEREZLER KULLANILMAKTADIR.\n{TURKISH}"
    result = cleaner.clean_and_explain(text, CleanerConfig(profile="conservative"))
    assert [r.evidence.code for r in result.removals] == ["rule:tr.cookies.notice"]
