"""Documents hard-wrapped at a fixed width (html2text, lynx -dump, mail): a paragraph is one line."""

from __future__ import annotations

import textwrap

import pytest

import cleaner
from cleaner.heuristics.wrapping import may_be_wrapped, wrapped_paragraphs

ARTICLE = [
    (
        "The city council has approved plans for three new bus lanes in the centre, in a vote that followed "
        "months of debate between traders and cycling groups on how the streets should be shared."
    ),
    (
        "The lanes, which will run along Main Street, Bridge Road and the High Street, are expected to cut "
        "journey times by up to ten minutes at peak hours, according to a report by the council's officers."
    ),
    (
        "Shop owners on Bridge Road said they feared that the loss of parking spaces would drive customers away "
        "to the retail park on the edge of town, where parking is free."
    ),
    (
        "Work on the first lane is due to start in June and the council expects all three to be open by the end "
        "of next year, a spokeswoman said on Tuesday, adding that buses would be rerouted meanwhile."
    ),
]


def wrap(paragraphs: list[str], width: int = 78) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, width), ""]
    return lines


def test_runs_of_a_wrapped_document_are_its_paragraphs():
    lines = wrap(ARTICLE)
    runs = wrapped_paragraphs(lines, {i for i, line in enumerate(lines) if line})
    texts = [" ".join(lines[first : last + 1]) for first, last in runs]
    assert texts == ARTICLE


def test_a_document_of_one_paragraph_per_line_is_not_wrapped():
    assert not may_be_wrapped(ARTICLE * 3)
    assert wrapped_paragraphs(ARTICLE * 3, set(range(12))) == []


def test_a_column_of_teaser_headlines_is_not_wrapped():
    """Headlines of 60-100 characters, each opening with a capital: some next words would not fit
    on the line above by chance, but none runs on into a lower-case word."""
    teasers = [
        "No need to install: Microsoft has controversial fake news filter built into mobile browser",
        "'They are not a tourist attraction': Amsterdam mayor slams tourists who humiliate workers",
        "Drunk man terrorizes streets of small Polish town in Soviet tank, police say on Sunday",
        "Pay to breathe? Oxygen bars hit New Delhi as India chokes under pollution",
        "Worst deal ever? Seoul fumes as US tries to raise price tag for hosting troops by five times",
        "NASA tracking three asteroids headed this way, two spotted just two days ago",
        "Ministers to unveil plan for cheaper rail fares in the spring budget, sources say",
    ]
    assert may_be_wrapped(teasers)
    assert wrapped_paragraphs(teasers, set(range(len(teasers)))) == []


def test_a_list_item_starts_a_line_of_its_own():
    intro = textwrap.wrap(ARTICLE[0] + " Residents can take part in the consultation in three ways, the council said:", 78)
    items = [
        "online, on the council's website, before the end of the month, with the form that is published there;",
        "by post, with the printed form that will be delivered to every household in the district in the coming weeks;",
        "in person, at the library on Saturday mornings between nine and twelve, where officers will answer questions.",
    ]
    lines = [*intro, *[line for item in items for line in textwrap.wrap("- " + item, 78, subsequent_indent="  ")]]
    lines += textwrap.wrap(ARTICLE[3], 78)
    runs = wrapped_paragraphs(lines, set(range(len(lines))))
    assert len(runs) == 5  # the introduction, three items, the closing paragraph
    assert all(not lines[index].startswith("- ") for first, last in runs for index in range(first + 1, last + 1))


COMMENT = (
    "I have lived on Bridge Road for thirty years and I can tell you that the traffic has never been worse "
    "than it is now, so anything that gets people onto the buses is welcome news to me."
)


def test_a_wrapped_article_keeps_every_line_and_a_wrapped_paragraph_goes_whole():
    text = "\n".join(
        [
            "Skip to content", "", "News", "Sport", "Opinion", "",
            "# Council approves new bus lanes for the city centre", "",
            *wrap(ARTICLE[:2]), "Advertisement", "", *wrap(ARTICLE[2:]),
            "Leave a Reply", "", *wrap([COMMENT]), "Share this article", "",
        ]
    )  # fmt: skip
    result = cleaner.clean_and_explain(text)
    kept = [line for line in result.text.split("\n") if line.strip()]
    assert kept == ["# Council approves new bus lanes for the city centre", *[line for line in wrap(ARTICLE) if line]]
    comment = [line for line in wrap([COMMENT]) if line]
    codes = {line: r.evidence.code for r in result.removals for line in r.text.split("\n") if line}
    assert {codes[line] for line in comment} == {"context:tail-block"}  # every line, one decision
    assert cleaner.apply_removals(text, result.removals) == result.text


def test_a_wrapped_paragraph_is_measured_as_one_line():
    text = "\n".join(wrap(ARTICLE))
    measured = cleaner.Cleaner().measure(text)
    assert measured.texts == ARTICLE
    assert [len(joined) for joined in measured.members.values()] == [
        len(textwrap.wrap(paragraph, 78)) for paragraph in ARTICLE
    ]


def test_a_line_that_a_rule_matches_is_no_part_of_a_paragraph():
    """An ad label inside a sentence, right below a long line, would run on from it by width alone."""
    lines = [line for line in wrap(ARTICLE) if line]
    assert not lines[0].endswith(".")  # (mid-sentence: no sentence's end keeps the label apart)
    lines.insert(1, "Advertisement")
    text = "\n".join(lines)
    result = cleaner.clean_and_explain(text)
    assert [r.text.strip() for r in result.removals] == ["Advertisement"]
    assert all(1 not in joined for joined in cleaner.Cleaner().measure(text).members.values())


def test_a_script_without_spaces_has_no_words_to_wrap_at():
    lines = [
        "また、その他にも、もとの商品に付された商標を剥奪抹消した商品を販売する行為や、",
        "権利者の意思に基づくことなく、もとの商品を小分けにして販売するような行為は、",
        "商標権の侵害となる場合がありますので、十分に注意する必要があります。",
        "お客様のブランドをお守りします。商標登録出願で弁理士をお探しなら当事務所へ。",
        "受付時間は平日の九時から十八時までとなっておりますので、お気軽にどうぞ。",
    ] * 2
    assert wrapped_paragraphs(lines, set(range(len(lines)))) == []


def test_a_markdown_link_that_runs_across_wrapped_lines_reads_as_its_text():
    """html2text wraps inside a link's text, and leaves a long address whole, past the width."""
    paragraph = (
        "The council said in a statement on {} that it had [approved the plans for the three new bus "
        "lanes](https://example.com/news/council-approves-three-new-bus-lanes-for-the-centre) after a long "
        "debate, and that work on the first of them would start in June."
    )
    days = ("Monday", "Tuesday", "Wednesday", "Thursday")
    text = "\n\n".join(
        textwrap.fill(paragraph.format(day), 78, break_long_words=False, break_on_hyphens=False) for day in days
    )
    measured = cleaner.Cleaner().measure(text)
    assert len(measured.members) == 4
    assert measured.texts[0] == (
        "The council said in a statement on Monday that it had approved the plans for the three new bus "
        "lanes after a long debate, and that work on the first of them would start in June."
    )


def test_an_image_whose_alt_text_wraps_is_no_text():
    paragraph = textwrap.fill(ARTICLE[0], 78)
    image = "![The Main Street library in Springfield, photographed on Tuesday afternoon\nbefore the vote](https://example.com/library.jpg)"
    text = "\n\n".join([paragraph, image, textwrap.fill(ARTICLE[1], 78), textwrap.fill(ARTICLE[2], 78)]) + "\n"
    kept = cleaner.clean(text)
    assert "library.jpg" not in kept
    assert all(line in kept for line in paragraph.split("\n"))


def test_a_share_row_below_a_paragraphs_last_line_is_no_part_of_it():
    lines = [line for line in wrap(ARTICLE) if line]
    lines.append("Share on Facebook Share on Twitter Share by email")
    runs = wrapped_paragraphs(lines, set(range(len(lines))))
    assert runs[-1][1] == len(lines) - 2


def test_a_chat_log_is_not_wrapped():
    posts = [
        "jsmith42: honestly the building has been falling apart for years, it had to happen",
        "maria_l: but where are the kids supposed to go after school now that it's closed",
        "jsmith42: the county branch is only twenty minutes away by bus, it's not the end",
        "bob_t: twenty minutes each way for a ten year old is a lot, you know that right",
        "maria_l: exactly, and the buses stop running at seven on weekdays in our area too",
        "kate99: the council could have sold the parking lot to pay for the repairs anyway",
    ]
    assert wrapped_paragraphs(posts, set(range(len(posts)))) == []


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_a_wrapped_paragraph_that_opens_with_a_link_is_the_articles(profile):
    """Its link text counts over the whole paragraph, not over its first line."""
    lead = (
        "[The council voted on Tuesday evening](https://example.com/council-vote-2024) to close the central "
        "library for renovation work that is expected to last at least two years, according to a statement "
        "released by the mayor's office after the meeting, which ran late into the night."
    )
    text = "\n\n".join(
        textwrap.fill(paragraph, 78, break_long_words=False, break_on_hyphens=False) for paragraph in [lead, *ARTICLE]
    )
    assert cleaner.Cleaner(cleaner.CleanerConfig(profile=profile)).clean(text) == text


def test_a_column_of_headlines_that_each_fill_the_width_is_not_wrapped():
    """Every next first word would not fit (the width test alone would join them all), but each line
    opens with a capital: headlines, not a paragraph's lines."""
    teasers = [
        "Ministers agree to extend the rail fare freeze for a second year in a row, to",
        "Government borrowing falls for the third month running as tax receipts surge,",
        "Parliament approves new rules on short-term lets after a long and bitter fight",
        "Scientists discover a new species of frog in the cloud forests of the Andes, a",
        "Footballers' union calls for an urgent review of the winter fixture calendar,",
        "Researchers find that the city's new bus lanes have cut journey times by half",
    ]
    assert wrapped_paragraphs(teasers, set(range(len(teasers)))) == []



CAPTION = [  # a caption wrapped at 78, its credit on its last line
    "Buses queue on Main Street during the morning rush hour on Monday, before the new",
    "lanes open, as the council counts the traffic. (AP Photo/Jane Doe) Buses run",
    "every ten minutes.",
]


def test_a_rule_matching_a_line_inside_a_paragraph_judges_the_paragraph_whole():
    """A caption whose credit (a rule's match in the middle of a line) wraps onto its second
    line: the match gives way to the rules' matches on the whole caption, which goes with all its
    lines (judged alone, its first line would read as a headline)."""
    lines = [*wrap(ARTICLE[:1]), *CAPTION, "", *wrap(ARTICLE[1:])]
    text = "\n".join(lines)
    measured = cleaner.Cleaner().measure(text)
    first = lines.index(CAPTION[0])
    assert measured.members[first] == (first, first + 1, first + 2)
    assert {m.rule.category for m in measured.matches if first <= m.line <= first + 2} == {"credits"}
    assert all(m.line == first for m in measured.matches if first <= m.line <= first + 2)
    for profile in cleaner.PROFILES:
        out = cleaner.clean(text, cleaner.CleanerConfig(profile=profile))
        assert all(line not in out for line in CAPTION)
        assert all(line in out for line in wrap(ARTICLE) if line)


PITCH = [  # a sign-up pitch wrapped in the middle of its phrase
    "Want the best of the week's local news, events and listings every Friday? Sign",
    "up for our newsletter and get it in your inbox before breakfast, free of charge.",
]


def test_a_rule_on_a_wrapped_paragraph_sees_its_words_across_the_line_breaks():
    text = "\n".join([*wrap(ARTICLE), *PITCH])
    measured = cleaner.Cleaner().measure(text)
    first = text.split("\n").index(PITCH[0])
    assert measured.members[first] == (first, first + 1)
    result = cleaner.clean_and_explain(text)
    assert all(line not in result.text for line in PITCH)
    assert all(line in result.text for line in wrap(ARTICLE) if line)
    assert {r.evidence.category for r in result.removals} == {"newsletter"}


def test_a_pitch_between_two_paragraphs_goes_alone():
    """A line that a rule removes whole, with no blank line around it, joins neither the
    paragraph whose last sentence it follows nor the one below it."""
    pitch = "Sign up for our newsletter to get the best stories every morning."
    above = [
        "Council members said the repairs would cost about 12 million dollars and that",
        "the money would come from a bond that voters approved by a wide margin in 2021.",
    ]
    unbroken = [line for line in wrap(ARTICLE[:2]) if line], [line for line in wrap(ARTICLE[3:]) if line]
    lines = [*unbroken[0], *above, pitch, *unbroken[1]]
    for profile in cleaner.PROFILES:
        result = cleaner.clean_and_explain("\n".join(lines), cleaner.CleanerConfig(profile=profile))
        assert [r.text.strip() for r in result.removals] == [pitch]


@pytest.mark.parametrize("word", ["video", "information", "photos", "comments", "Facebook"])
def test_a_sentences_tail_that_a_labels_rule_knows_stays_with_its_paragraph(word):
    """A paragraph whose last wrapped line is one word that a label's rule knows alone ("video.")."""
    base = (
        "Residents who spoke at the meeting said the closure would hurt children and older people most, "
        "and several of them asked the council to publish the full"
    )
    paragraph = next(
        lines for lines in (textwrap.wrap(base + " really" * extra + f" {word}.", 78) for extra in range(60))
        if lines[-1] == f"{word}."
    )
    text = "\n".join([*wrap(ARTICLE[:2]), *paragraph, "", *wrap(ARTICLE[2:])])
    for profile in cleaner.PROFILES:
        assert cleaner.clean(text, cleaner.CleanerConfig(profile=profile)) == text


def test_the_rules_judge_a_paragraph_whole_when_the_language_is_unknown():
    pitch = "Get our best stories. Sign up for our newsletter today."
    matches = cleaner.Cleaner()._with_whole_matches([], {0: pitch}, None)
    assert [m.rule.id for m in matches] == ["en.newsletter.signup"]


def test_a_caption_without_a_full_stop_above_a_paragraph_goes_alone():
    caption = "Image caption, The mayor speaks to reporters outside the town hall on Monday"
    unbroken = [line for line in wrap(ARTICLE) if line]
    lines = [*textwrap.wrap(ARTICLE[0], 78), caption, *textwrap.wrap(ARTICLE[1], 78), *unbroken[5:]]
    for profile in cleaner.PROFILES:
        result = cleaner.clean_and_explain("\n".join(lines), cleaner.CleanerConfig(profile=profile))
        assert [r.text.strip() for r in result.removals] == [caption]


def test_an_initial_at_a_line_end_ends_no_sentence_for_a_caption_that_wraps():
    """The wrapping broke an agency's caption after an initial ("... astronaut Robert L."): its
    lines still make one caption, which goes whole."""
    caption = (
        "In this Dec. 12, 2006, file photo, provided by NASA, astronaut Robert L. Curbeam Jr., left, "
        "and European Space Agency astronaut Christer Fuglesang work on the station."
    )
    caption_lines = textwrap.wrap(caption, 78)
    assert caption_lines[0].endswith("Robert L.")
    text = "\n".join(wrap([*ARTICLE[:2], caption, *ARTICLE[2:]]))
    for profile in cleaner.PROFILES:
        out = cleaner.clean(text, cleaner.CleanerConfig(profile=profile)).split("\n")
        assert not any(line in out for line in caption_lines)
        assert all(line in out for line in wrap(ARTICLE) if line)
