"""Markdown as page-to-Markdown scrapers hand it on: lines read as text, images, lines of links."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.markdown import has_markdown, link_heavy, read_markdown

PARAGRAPH = (
    "The city council has approved plans for three new bus lanes in the centre, in a vote that "
    "followed months of debate between traders and cycling groups."
)
SECOND = (
    "The lanes, which will run along Main Street and Bridge Road, are expected to cut journey times "
    "by up to ten minutes at peak hours, according to a council report."
)
THIRD = (
    "Work on the first lane is due to start in June and the council expects all three to be open by "
    "the end of next year, a spokeswoman said on Tuesday."
)


@pytest.mark.parametrize(
    ("line", "text", "link_chars", "heading"),
    [
        ("* [Sport](https://example.com/sport)", "* Sport", 5, 0),
        ("The council [published the plans](https://example.com/p) on Monday.", "The council published the plans on Monday.", 19, 0),
        ('![Buses on Main Street](https://example.com/bus.jpg "Main Street")', "", 0, 0),
        ("[![Logo](https://example.com/logo.svg)](https://example.com/)", "", 0, 0),
        ("# Council approves new bus lanes", "Council approves new bus lanes", 0, 1),
        ("### Traders worried ###", "Traders worried", 0, 3),
        ("**Advertisement**", "Advertisement", 0, 0),
        ("It was *really* big and __bold__ too.", "It was really big and bold too.", 0, 0),
        ("_Buses on Main Street. Photo: John Doe_", "Buses on Main Street. Photo: John Doe", 0, 0),
        ("**Read more:** [Parking charges to rise](https://example.com/parking)", "Read more: Parking charges to rise", 23, 0),
        ("Prices rose 5\\% in \\[March\\]", "Prices rose 5\\% in [March]", 0, 0),
        # Addresses may hold parentheses (CommonMark allows balanced ones): an image server's
        # filters, a wiki page's disambiguation.
        ("![Pie](https://cdn.example.com/x=/1072x720/filters:no_upscale()/https://s3.example.com/pie.jpg)", "", 0, 0),
        ("See [Mercury](https://en.wikipedia.org/wiki/Mercury_(planet)) for more.", "See Mercury for more.", 7, 0),
    ],
)
def test_a_line_reads_as_its_visible_text(line, text, link_chars, heading):
    read = read_markdown(line)
    assert (read.text, read.link_chars, read.heading) == (text, link_chars, heading)


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPH,
        "______________________________",  # a rule of underscores is no bold
        "– Ali***",  # a reviewer's name starred out
        "– An** Fe*******",
        "{* backButton *} {* forgotPassword_sendButton *}",  # a template's placeholders
        "snake_case_name and 2*3*4",
        "* A list item in plain text",
        "#Brexit is trending",  # a hashtag is no heading
        "*Only the first 12 drivers race for the title.",  # a footnote's star, never closed
    ],
)
def test_plain_text_reads_as_it_is(line):
    assert read_markdown(line).text == line


def test_only_texts_with_markdown_syntax_are_read():
    assert not has_markdown(f"{PARAGRAPH}\n{SECOND}\n- Advertisement -\n")
    assert has_markdown("See [the report](https://example.com/r).")
    assert has_markdown("## Traders worried")


def test_a_line_of_links_is_link_heavy_and_a_paragraph_with_a_link_is_not():
    assert link_heavy(read_markdown("* [New cycle path opens along river](https://example.com/cycle)"))
    assert link_heavy(read_markdown("[Facebook](https://f.com/s) [Twitter](https://t.com/s) [Email](mailto:?)"))
    assert not link_heavy(read_markdown(f"{PARAGRAPH[:60]} [said](https://example.com/said) {PARAGRAPH[60:]}"))
    assert not link_heavy(read_markdown(PARAGRAPH))


MARKDOWN_PAGE = f"""[Skip to main content](#main)

* [News](https://example.com/news)
* [Sport](https://example.com/sport)
* [Business](https://example.com/business)
* [Culture](https://example.com/culture)

# Council approves new bus lanes for city centre

![Buses on Main Street](https://example.com/img/bus.jpg)

{PARAGRAPH}

![A cyclist on Bridge Road](https://example.com/img/bridge.jpg)

{SECOND} More [in the council's report](https://example.com/report).

* [Share on Facebook](https://facebook.com/sharer?u=https://example.com/a)
* [Share on X](https://x.com/intent/tweet?url=https://example.com/a)

{THIRD}

## Related stories

* [New cycle path opens along river](https://example.com/news/cycle-path)
* [Train fares to rise by 5% in January](https://example.com/news/train-fares)
* [Parking charges to rise in April](https://example.com/news/parking)

[Privacy](https://example.com/privacy) [Terms](https://example.com/terms) [Contact us](https://example.com/contact)
"""


def test_a_markdown_page_keeps_its_headline_and_every_paragraph_unchanged():
    result = cleaner.clean_and_explain(MARKDOWN_PAGE)
    kept = [line for line in result.text.split("\n") if line.strip()]
    assert kept == [
        "# Council approves new bus lanes for city centre",
        PARAGRAPH,
        f"{SECOND} More [in the council's report](https://example.com/report).",
        THIRD,
    ]
    codes = {r.text.strip(): r.evidence.code for r in result.removals}
    assert codes["![Buses on Main Street](https://example.com/img/bus.jpg)"] == "rule:common.code.markdown-image"
    # a share button read as its text is what a share rule knows
    assert codes["* [Share on Facebook](https://facebook.com/sharer?u=https://example.com/a)"].startswith("rule:")
    assert codes["* [Sport](https://example.com/sport)"].startswith("heuristic:")
    assert cleaner.apply_removals(MARKDOWN_PAGE, result.removals) == result.text


def test_images_between_paragraphs_are_blank_lines_to_the_heuristics():
    """An image between two paragraphs removed by a rule would count as boilerplate beside them."""
    images = "\n".join(f"![Photo {n}](https://example.com/img/{n}.jpg)" for n in range(4))
    text = f"# Council approves new bus lanes\n{images}\n{PARAGRAPH}\n{images}\n{SECOND}\n{images}\n{THIRD}\n"
    measured = cleaner.Cleaner().measure(text)
    assert measured.texts == ["Council approves new bus lanes", PARAGRAPH, SECOND, THIRD]
    assert cleaner.clean(text) == f"# Council approves new bus lanes\n{PARAGRAPH}\n{SECOND}\n{THIRD}\n"


def test_lines_of_links_outside_the_main_text_go_on_their_own_signal():
    """Without the line model, the lines of links around the article still go; with neither, they stay."""
    menu = "* [Sport](https://example.com/sport)"
    alone = cleaner.Cleaner(cleaner.CleanerConfig(disable=("line-score",))).clean_and_explain(MARKDOWN_PAGE)
    assert {r.text.strip(): r.evidence.code for r in alone.removals}[menu] == "heuristic:link-line"
    assert PARAGRAPH in alone.text and THIRD in alone.text
    neither = cleaner.Cleaner(cleaner.CleanerConfig(disable=("line-score", "link-line"))).clean(MARKDOWN_PAGE)
    assert menu in neither


def test_a_page_of_images_alone_loses_them_all():
    text = "![](https://example.com/a.png)\n\n![Logo](https://example.com/logo.svg)\n"
    result = cleaner.clean_and_explain(text)
    assert result.text.strip() == ""
    assert {r.evidence.code for r in result.removals} == {"rule:common.code.markdown-image"}


BODY = [
    "The city council voted on Tuesday night to close the Main Street library, ending a long fight.",
    "Library staff said they had expected the decision but were still disappointed by the vote.",
    "The building, which opened in 1911, needs repairs estimated at 4.2 million dollars, a report said.",
    "Mayor Jane Ortiz said the city would look for a new site for a smaller branch within two years.",
]


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_a_paragraph_that_opens_with_a_link_is_the_articles(profile):
    lead = (
        "[The city council voted on Tuesday night to close the Main Street library](https://example.com/vote), "
        "ending a long fight."
    )
    text = "\n\n".join(["# City council votes to close the old library", lead, *BODY[1:]]) + "\n"
    assert cleaner.Cleaner(cleaner.CleanerConfig(profile=profile)).clean(text) == text


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_a_sites_name_as_first_level_heading_does_not_take_the_headlines_place(profile):
    headline = "## City council votes to close the old library by the end of the year"
    text = "\n\n".join(
        [
            "# The Springfield Courier",
            "[News](https://example.com/news) | [Sport](https://example.com/sport)",
            headline,
            *BODY,
        ]
    )
    kept = [line for line in cleaner.Cleaner(cleaner.CleanerConfig(profile=profile)).clean(text).split("\n") if line]
    assert kept == [headline, *BODY]


def test_hostile_markdown_lines_go_through():
    """Link, image and bold patterns give up each start within a bounded scan (no quadratic time)."""
    lines = ["[](" * 3000, "[x](" * 2500, "![](" * 2500, "**a " * 2500, "[" * 5000 + "]" * 5000 + "(x)", '[a](b "' * 1400]
    text = "\n".join(lines * 5)
    result = cleaner.clean_and_explain(text)
    assert cleaner.apply_removals(text, result.removals) == result.text


def test_headings_over_an_underline_are_headings():
    from cleaner.markdown import setext_headings

    lines = ["Council approves bus lanes", "==========================", "", "Traders worried", "---------------"]
    lines += ["* an item", "----", "", "----", "| a | b |", "|---|---|"]
    assert setext_headings(lines) == {0: 1, 3: 2}


def test_an_underline_goes_with_its_heading():
    """Jina Reader underlines headings: the headline keeps its underline, a box's label loses it."""
    text = "\n\n".join(
        [
            "City council votes to close the old library by the end of the year\n" + "=" * 66,
            *BODY,
            "Related\n-------",
            "* [Train fares to rise](https://example.com/t)\n* [New cycle path opens](https://example.com/c)",
        ]
    )
    result = cleaner.clean_and_explain(text)
    kept = [line for line in result.text.split("\n") if line]
    assert kept == ["City council votes to close the old library by the end of the year", "=" * 66, *BODY]
    codes = {line: r.evidence.code for r in result.removals for line in r.text.split("\n") if line}
    assert codes["-------"] == codes["Related"]
    assert cleaner.clean(result.text) == result.text
