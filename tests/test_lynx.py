"""Text dumps of web pages with numbered links (``lynx -dump``): read without the link numbers."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.lynx import DUMP_LINK_MAX_WORDS, has_dump_links, read_dump
from cleaner.markdown import link_heavy

ARTICLE = [
    "   The city council has approved plans for three new bus lanes in the centre, in",
    "   a vote that followed months of debate between traders and cycling groups on",
    "   how the streets should be shared.",
    "",
    "   [23]Transport for the North said the lanes would cut journey times by up to",
    "   ten minutes at peak hours, according to a report by the council's officers.",
    "",
    "   Shop owners on Bridge Road said they feared that the loss of parking spaces",
    "   would drive customers away to the retail park on the edge of town, where the",
    "   parking is free.",
]
DUMP = [
    "   [1]Skip to content",
    "   [2]The Daily Ledger",
    "",
    "     * [3]News",
    "     * [4]Sport",
    "     * [5]Business",
    "",
    "   Council approves three new bus lanes for the town centre",
    "",
    "   [21][IMG]",
    "",
    *ARTICLE,
    "",
    "   [24]Share this article on Facebook",
    "",
    "     * [25]Ferry fares to rise from April as operator blames fuel costs",
    "     * [26]New cycle bridge opens after two years of delays",
    "",
    "References",
    "",
    "   1. https://www.example.com/news/bus-lanes#main",
    "   2. https://www.example.com/",
    "  21. https://www.example.com/img/bus.jpg",
]


def test_a_dump_has_numbered_links_before_their_text():
    assert has_dump_links("\n".join(DUMP))
    assert not has_dump_links("The city grew.[1] Its port closed.[2] The mill shut.[3]")  # citations
    assert not has_dump_links("* [1](#)\n* [2](#)\n* [3](#)")  # Markdown links
    assert not has_dump_links("[1]Only [2]two")
    markdown = "A [bond][1] and a [report][2], see [3].\n\n[1]: https://a.example\n[2]: https://b.example\n[3]: https://c"
    assert not has_dump_links(markdown + "\n\n   1. https://example.com/")


@pytest.mark.parametrize(
    ("line", "text", "heavy"),
    [
        ("[19]Marcel Dufresne", "Marcel Dufresne", True),
        (
            "* [26]New cycle bridge opens after two years of delays",
            "* New cycle bridge opens after two years of delays",
            True,
        ),
        ("[31]Advertise With Us [32]Contact Us [33]Terms of Use", "Advertise With Us Contact Us Terms of Use", True),
        (
            "The [23]Transport Board said it would send a team to the site",
            "The Transport Board said it would send a team to the site",
            False,
        ),
        ("[21][IMG]", "", False),
        ("[21][IMG] Buses queue on Main Street on Monday.", "Buses queue on Main Street on Monday.", False),
    ],
)
def test_a_line_reads_without_its_link_numbers(line, text, heavy):
    read = read_dump(line)
    assert read.text == text
    assert link_heavy(read) == heavy


def test_a_sentence_that_opens_with_a_link_is_no_line_of_links():
    """The link's end is not marked: at most DUMP_LINK_MAX_WORDS words of it count."""
    line = (
        "[23]Transport for the North said the lanes would cut journey times by up to ten minutes at "
        "peak hours, according to a report by the council's officers."
    )
    read = read_dump(line)
    assert read.link_chars == len(" ".join(read.text.split()[:DUMP_LINK_MAX_WORDS]))
    assert not link_heavy(read, sentence=True)


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_a_dump_keeps_its_article_and_loses_its_menus_images_and_references(profile):
    text = "\n".join(DUMP)
    result = cleaner.clean_and_explain(text, cleaner.CleanerConfig(profile=profile))
    kept = [line.strip() for line in result.text.split("\n") if line.strip()]
    headline = "Council approves three new bus lanes for the town centre"
    assert kept == [headline, *(line.strip() for line in ARTICLE if line)]
    by_text = {r.text.strip(): r.evidence.code for r in result.removals}
    assert by_text["[21][IMG]"] == "rule:common.code.dump-image"
    assert by_text["1. https://www.example.com/news/bus-lanes#main"] == "rule:common.code.dump-reference"
    assert by_text["[24]Share this article on Facebook"].startswith("rule:en.share.")  # the rules see the reading


SMALL_DUMP = """   [1]Culture [2]Sport [3]News [4]Sign In [5]Opinion

   Freight train derails near Thunder Bay, closing Trans-Canada Highway

   Work on the roof is expected to start in the autumn, and the council
   hopes to reopen the building before the end of 2026, the mayor told
   reporters after the vote.

   The library, which opened in 1904, has suffered from leaks in its roof
   for more than a decade, according to a report by the city's engineers
   that was published last spring.

References

   1. https://example.com/p1
   2. https://example.com/p2
   3. https://example.com/p3
"""


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_a_small_dump_cleans_the_same_the_second_time(profile):
    """Its list of addresses goes in the first cleaning: it is no evidence the second time."""
    config = cleaner.CleanerConfig(profile=profile)
    once = cleaner.clean(SMALL_DUMP, config)
    assert "https://example.com/p1" not in once
    assert cleaner.clean(once, config) == once
