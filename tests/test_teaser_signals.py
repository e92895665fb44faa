"""Signals of other stories' teasers, of captions and of the page's own address: excerpts cut short
with an ellipsis, headlines in capitals, captions closed by a credit in capitals, and a bare link
to the page itself."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.heuristics.capitals import caption_shaped, credited_caption, shouted, shouted_headlines
from cleaner.heuristics.excerpts import EXCERPT_GAP, cut_short, excerpt_runs
from cleaner.heuristics.features import measure, words_of
from cleaner.heuristics.repetition import own_links
from cleaner.heuristics.stoplists import stopwords

EN = stopwords("en")
STORY = [
    "The city council voted on Tuesday to close the old bridge over the river for repairs that could take "
    "two years, after engineers found cracks in three of its supports during a routine inspection.",
    "Drivers will be sent over the northern bridge, which the council said could carry the extra traffic "
    "if the lights at both ends were timed again, a change it expects to make before the closure.",
    "Shop owners near the bridge said they feared losing customers, and asked the council to pay for signs "
    "that tell drivers the shops stay open while the work goes on through next summer.",
    "The mayor said the council would meet the owners next week and that a fund for the businesses most "
    "affected was being discussed with the regional government, which has offered to share the cost.",
]
TEASERS = [
    "Storm leaves thousands without power as crews work through the night to restore lines in the…",
    "School board approves new budget after months of debate over teacher pay and class sizes in...",
    "Local team wins the regional final with a late goal that sent the home crowd into a frenzy […]",
]


def features(text: str):
    return measure(text, words_of(text.lower()), EN)


def assert_judged(predicate, found: list[str], not_found: list[str]) -> None:
    """``predicate(text, features)`` holds for every line of ``found`` and none of ``not_found``."""
    for text in found:
        assert predicate(text, features(text)), text
    for text in not_found:
        assert not predicate(text, features(text)), text


def test_a_line_is_cut_short_when_it_ends_in_an_ellipsis_after_five_words():
    assert cut_short(TEASERS[0], features(TEASERS[0]))
    assert cut_short(TEASERS[1], features(TEASERS[1]))
    assert cut_short(TEASERS[2], features(TEASERS[2]))  # WordPress's "[…]"
    assert cut_short("He paused, and then he said …", features("He paused, and then he said …"))
    for text in ("More...", "Read all…", STORY[0], "Five words end a sentence here."):
        assert not cut_short(text, features(text)), text


def test_three_cut_lines_a_few_lines_apart_make_a_run():
    filler = ["By Ana Ruiz", "2 hours ago"]
    texts = [STORY[0], TEASERS[0], *filler, TEASERS[1], *filler, TEASERS[2]]
    assert excerpt_runs(texts, [features(t) for t in texts]) == [[1, 4, 7]]
    # Two are no run.
    texts = [STORY[0], TEASERS[0], TEASERS[1], STORY[1]]
    assert excerpt_runs(texts, [features(t) for t in texts]) == []
    # Cut lines further apart than EXCERPT_GAP are no run: a writer's cliffhangers.
    spaced = [STORY[0]]
    for teaser in TEASERS:
        spaced += [teaser, *(STORY[1:] * 2)[:EXCERPT_GAP]]
    assert excerpt_runs(spaced, [features(t) for t in spaced]) == []


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_a_run_of_excerpts_below_the_story_goes_and_says_why(profile):
    text = "\n".join([*STORY, "More from the region", *TEASERS])
    result = cleaner.clean_and_explain(text, cleaner.CleanerConfig(profile=profile))
    assert result.text.splitlines()[: len(STORY)] == STORY
    by_text = {removal.text.strip(): removal.evidence for removal in result.removals}
    for teaser in TEASERS:
        assert by_text[teaser].name == "excerpts"
        assert by_text[teaser].category == "related"
    kept = cleaner.clean(text, cleaner.CleanerConfig(profile=profile, disable=("excerpts", "line-score")))
    assert TEASERS[0] in kept.splitlines()


SHOUTED = [
    "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS' AFTER WEEKS OF VOTES",
    "TAYLOR SWIFT CLEARED TO PERFORM HITS AT AMAs AMID FEUD WITH LABEL: REPORT",
]


def test_a_long_line_in_capitals_without_a_sentence_end_is_shouted():
    assert_judged(shouted, SHOUTED, [
        "WHAT YOU NEED TO MAKE JAM",  # a short subheading
        "WILL SOMEONE STAND UP FOR THE ESTABLISHMENT AT THE DEBATE TONIGHT?",  # a question
        "| HD | THE HOME DEPOT INC. | 225.86 | -12.99 | -5.44% |",  # a table row
        "Sean Spicer eliminated from 'Dancing with the Stars' after weeks of votes",
    ])  # fmt: skip


def test_a_document_written_in_capitals_keeps_its_lines():
    texts = [line.upper().rstrip(".") for line in STORY] + [STORY[0]]
    assert shouted_headlines(texts, [features(t) for t in texts]) == []
    texts = [STORY[0], SHOUTED[0], *STORY[1:], SHOUTED[1]]
    assert shouted_headlines(texts, [features(t) for t in texts]) == [1, 5]


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_headlines_in_capitals_between_paragraphs_go(profile):
    text = "\n".join([STORY[0], STORY[1], SHOUTED[0], STORY[2], SHOUTED[1], STORY[3]])
    result = cleaner.clean_and_explain(text, cleaner.CleanerConfig(profile=profile))
    assert result.text.splitlines() == STORY
    assert {removal.evidence.name for removal in result.removals} == {"capitals"}
    # The page's own headline in capitals stays: the decision never takes it.
    headline = "WORLD LEADERS AGREE NEW CLIMATE DEAL AFTER TWO WEEKS OF TALKS"
    assert shouted(headline, features(headline))
    text = "\n".join([headline, *STORY[:2], SHOUTED[0], *STORY[2:]])
    assert cleaner.clean(text, cleaner.CleanerConfig(profile=profile)).splitlines() == [headline, *STORY]


LINK = "https://www.example-news.com/news/article/Old-bridge-to-close-for-two-years-of-repairs-14848175.php"
HEADLINE = "Old bridge to close for two years of repairs"


def test_a_bare_link_whose_slug_spells_a_line_is_the_pages_own():
    assert own_links([LINK, HEADLINE, *STORY]) == [0]
    assert own_links([HEADLINE, *STORY, LINK, LINK]) == [5, 6]  # the same address twice
    # No line spells the slug (a paragraph that holds its words is no headline); a short slug; no
    # slug at all.
    assert set(HEADLINE.lower().split()) <= set(words_of(STORY[0].lower()))
    assert own_links([LINK, *STORY]) == []
    assert own_links(["https://example.com/old-bridge", "Old bridge", *STORY]) == []
    assert own_links(["https://www.bbc.com/news/world-europe-50473792", *STORY]) == []
    # Two links under their titles are a list of sources.
    sources = [
        "Engineers warn of cracks in river bridges",
        "https://example.org/2019/02/engineers-warn-of-cracks-in-river-bridges.html",
        "Council plans a new crossing by the harbour",
        "http://example.net/2019/03/council-plans-a-new-crossing-by-the-harbour/",
    ]
    assert own_links([*STORY, *sources]) == []


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_the_pages_own_link_goes(profile):
    text = "\n".join([LINK, HEADLINE, *STORY])
    result = cleaner.clean_and_explain(text, cleaner.CleanerConfig(profile=profile))
    assert result.text.splitlines() == [HEADLINE, *STORY]
    assert result.removals[0].evidence.name == "own-link"


CAPTIONS = [
    "Vecinos caminan por una calle anegada en Algemesí. EFE",
    "Kent County Council runs 99 libraries and a mobile library service. ALAMY",
    "Una villavesa de la línea 4 en la avenida de Carlos III. MIKEL ARANA",
]


def test_a_caption_closed_by_a_credit_in_capitals_is_found():
    assert_judged(credited_caption, CAPTIONS, [
        "VOLKSWAGEN ID. SPACE VIZZION CONCEPT",  # in capitals itself
        "The bridge will close in May. Engineers found cracks. ANP",  # two sentences: a paragraph
        "Kent County Council runs 99 libraries. Alamy",  # the credit is not in capitals
        "The council runs 99 libraries, officials said on Tuesday.",
        STORY[0] + " PTI",  # too long for a caption
        "The troops will return to their positions, officials told reporters on Monday. PTI",  # speech
        "Which planet is closest to the sun? MERCURY",  # a quiz's answer
        "The troops will return to the positions they held before the clashes in 2020. PTI",  # a wire's paragraph
    ])  # fmt: skip


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_a_credited_caption_goes_but_a_wires_name_closing_the_article_stays(profile):
    closing = (
        "Work on the bridge will start in May, and the crossing is expected to reopen to traffic "
        "before the summer of 2027 at the earliest. ALAMY"
    )
    assert credited_caption(closing, features(closing))
    text = "\n".join([STORY[0], CAPTIONS[1], *STORY[1:], closing])
    result = cleaner.clean_and_explain(text, cleaner.CleanerConfig(profile=profile))
    assert result.text.splitlines() == [*STORY, closing]
    assert [removal.evidence.name for removal in result.removals] == ["caption"]
    # More than CAPTIONS_MAX in a document is a listing: a TV guide's picks with their channels.
    picks = [f"{caption.split('.')[0]}, a film about the coast and its people. BBC TWO" for caption in CAPTIONS]
    text = "\n".join([STORY[0], *picks, *STORY[1:]])
    assert cleaner.clean(text, cleaner.CleanerConfig(profile=profile)).splitlines() == [STORY[0], *picks, *STORY[1:]]


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_a_caption_above_its_credit_goes_between_share_buttons_and_the_credit(profile):
    caption = "Workers inspect one of the cracked supports of the old bridge on Monday morning."
    text = "\n".join(["Share", "Bookmark", caption, "Photo: Jens Hartwig / City Council", *STORY])
    result = cleaner.clean_and_explain(text, cleaner.CleanerConfig(profile=profile))
    assert result.text.splitlines() == STORY
    assert {r.text.strip(): r.evidence.code for r in result.removals}[caption] == "context:caption"
    # No caption: a paragraph below an ad label, above the next picture's credit, nor a line that
    # reports speech; and no line at all when the caption signal is off.
    paragraph = "The work is the largest the council has paid for since the bridge opened in 1962."
    longer = ("Kepa Arrizabalaga will undergo a medical at Stamford Bridge today ahead of making the move which "
              "will see him become the most expensive keeper in history.")  # 26 words: a paragraph  # fmt: skip
    for middle, label in (
        (paragraph, "Advertisement"), ("The supports were cracked, engineers said.", "Share"), (longer, "Share"),
    ):
        text = "\n".join([STORY[0], label, middle, "Photo: Jens Hartwig / City Council", *STORY[1:]])
        result = cleaner.clean_and_explain(text, cleaner.CleanerConfig(profile=profile))
        assert all(r.evidence.code != "context:caption" for r in result.removals)
    text = "\n".join(["Share", "Bookmark", caption, "Photo: Jens Hartwig / City Council", *STORY])
    off = cleaner.CleanerConfig(profile=profile, disable=frozenset({"caption"}))
    assert caption in cleaner.clean(text, off).splitlines()
    assert_judged(caption_shaped, [caption, "Evelyn Barnwell behind the counter of her diner in 2014"], [
        STORY[0],  # too long
        "Is this the end of the bridge? Engineers think so.",  # two sentences
        "What the engineers found:",
    ])  # fmt: skip


def test_what_a_sign_reads_and_a_tables_header_are_no_headlines_in_capitals():
    sign = "WE WORKED THROUGH THE PANDEMIC AND THIS IS HOW YOU THANK US"
    texts = [STORY[0], "One placard, held by a nurse outside the hospital, read:", sign, *STORY[1:]]
    assert shouted(sign, features(sign))
    assert shouted_headlines(texts, [features(t) for t in texts]) == []
    header = "POS\tTEAM\tPLAYED\tWON\tDRAWN\tLOST\tGOAL DIFFERENCE\tPOINTS"
    assert not shouted(header, features(header))


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_the_articles_own_lines_that_trail_off_stay(profile):
    trailing = [
        "In der Begründung heißt es, die Klausel benachteilige Mieter unangemessen, weil sie immer gelte […]",
        "Der Vermieter habe zudem nicht nachweisen können, dass die Wohnung frisch renoviert gewesen sei […]",
        "Eine solche Regelung sei mit dem Leitbild des Mietrechts nicht vereinbar, so die Kammer weiter […]",
    ]
    story = [
        "Das Landgericht Berlin hat eine Klausel in einem Standardmietvertrag für unwirksam erklärt, die Mieter "
        "zur Renovierung beim Auszug verpflichtete, wie das Gericht am Dienstag mitteilte.",
        *trailing,
        "Der Mieterverein begrüßte das Urteil und rief Betroffene auf, ihre Verträge von einem Anwalt prüfen zu "
        "lassen, bevor sie ausziehen.",
        "Der Vermieter kann gegen die Entscheidung Revision beim Bundesgerichtshof einlegen, teilte das Gericht mit.",
    ]
    text = "\n".join(story)
    assert [len(run) for run in excerpt_runs(story, [features(t) for t in story])] == [3]
    assert cleaner.clean(text, cleaner.CleanerConfig(profile=profile)) == text
    # A listicle's numbered items and a transcript's speakers are never excerpts.
    for line in ("1. The leaves are turning yellow from the bottom up...", "Captain: We are losing thrust..."):
        assert not cut_short(line, features(line)), line
    dateline = "KARACHI: Firebrand cleric Maulana Fazlur Rehman has fired a fresh salvo at the government..."
    assert cut_short(dateline, features(dateline))  # a dateline in capitals opens teasers too


def test_a_link_that_a_line_introduces_or_that_only_links_spell_is_no_own_link():
    council = "https://www.example-news.com/news/article/Old-bridge-to-close-for-two-years-of-repairs"
    assert own_links([HEADLINE, *STORY, "The full plan is on the council's website:", council]) == []
    assert own_links([council, council, *STORY]) == []  # the same address twice spells itself only
    # A page of many links is a list, and is not compared line by line.
    many = [f"https://example.com/news/{'-'.join(['word'] * 4)}-{n}" for n in range(10)]
    assert own_links([*many, "word word word word", *STORY]) == []
