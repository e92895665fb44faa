"""Invariants, checked with Hypothesis on generated documents and on hostile inputs.

* the output is built only from input text, in input order: every output line is an input line,
  or the start of one (a trimmed tail);
* replaying the trail gives the output: ``apply_removals(x, trail) == clean(x)``;
* no ``str`` input raises; empty or blank input gives empty output;
* huge lines and very many lines go through (bounded work per line, no catastrophic pattern).
"""

from __future__ import annotations

import re
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner

PARAGRAPHS = [
    "The central bank left its main interest rate unchanged on Thursday, saying inflation was easing.",
    "Officials said the bridge would reopen next week after repairs to its eastern span were finished.",
    "Die Regierung will die Steuern im kommenden Jahr senken, sagte der Finanzminister am Montag.",
    "Le gouvernement a annoncé mardi un plan pour rénover les écoles du pays d'ici à 2030.",
    "Advertising revenue at the group fell by a fifth as print readers moved online, it said.",
    "You can also subscribe to this newsletter here, the editor wrote in a note to readers.",
]
BOILERPLATE = [
    "- Advertisement -", "ADVERTISEMENT", "Share this:", "Share on Facebook", "Subscribe to our newsletter",
    "Read more: Rates held as inflation eases", "Related Articles", "© 2019 Example News. All rights reserved.",
    "This website uses cookies to improve your experience.", "Leave a Reply Cancel reply", "Skip to content",
    "Photo: Jane Doe/AP", "Tags: economy, rates", "Werbung", "PUBLICIDAD", "Lesen Sie auch:",
]  # fmt: skip
#: short lines shaped as the structure inside an article: list openers and items, headings, data
#: lines, time stamps, and lone punctuation.
STRUCTURE = [
    ":", " : ", "-", "|", "?", "1.", "2.", "Tags:", "Symptoms include:", "recommends:", "The Good", "The Bad",
    "Sofort auflegen", "Wat verandert er?", "Referee: Neil Ashcroft.", "Attendance: 10,412", "BUTS : Kerbrat (34e)",
    "150g butter", "½ tsp baking soda", "What happens next", "Background", "12:45", "13:02",
    "Ingredients", "sale e pepe", "In short:", "Key points:", "Why did you leave?", "No.", "Pros", "Cons",
    "Vorteile", "Nachteile", "Árbitro: Yael Falcón Pérez.", "FICHA TÉCNICA", "2. Andrés Quintero (COL) à 11 s",
    "By Marisol Vega", "Related stories",
]  # fmt: skip
#: lines as page-to-Markdown scrapers write them: images, menus and buttons of links, headings, bold.
MARKDOWN = [
    "![](https://example.com/a.png)", "[![Logo](https://example.com/l.svg)](https://example.com/)", "[](https://e.com)",
    "* [News](https://example.com/news)", "- [Sport](https://example.com/sport)", "# Rates held as inflation eases",
    "## What happens next", "**Advertisement**", "[Share on Facebook](https://facebook.com/sharer)",
    "The bank [left its rate](https://example.com/r) unchanged on Thursday, saying inflation was easing.",
    "_Photo: Jane Doe/AP_", "**Read more:** [Rates held](https://example.com/rates)", "#", "**", "[", "](",
]  # fmt: skip
LINES = st.one_of(
    st.sampled_from(PARAGRAPHS),
    st.sampled_from(BOILERPLATE),
    st.sampled_from(STRUCTURE),
    st.sampled_from(MARKDOWN),
    st.just(""),
    st.text(max_size=80).map(lambda s: s.replace("\n", " ")),
)
#: line breaks the cleaner splits at (see cleaner.segment), "\n" most often, as in scraped text.
BREAKS = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r", "\u2028", "\x0c"])
DOCUMENTS = st.lists(st.tuples(LINES, BREAKS), max_size=30).map(lambda pairs: "".join(a + b for a, b in pairs))
ANY_TEXT = st.text(max_size=400)  # lone surrogates included: scraped JSON carries them


def _wrapped(blocks: list[str], width: int) -> str:
    """Blocks hard-wrapped at ``width``, a blank line between them (as html2text writes)."""
    return "\n\n".join("\n".join(textwrap.wrap(block, width)) or block for block in blocks) + "\n"


#: documents hard-wrapped at a fixed width: paragraphs joined into blocks, boilerplate between.
WRAPPED_DOCUMENTS = st.builds(
    _wrapped,
    st.lists(
        st.one_of(
            st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4).map(" ".join),
            st.sampled_from(BOILERPLATE),
            st.sampled_from(MARKDOWN),
        ),
        max_size=16,
    ),
    st.integers(min_value=60, max_value=100),
)
WORKER = cleaner.Cleaner()
CAREFUL = cleaner.Cleaner(cleaner.CleanerConfig(profile="conservative"))


_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # as cleaner.segment splits


def _is_built_from(output: str, source: str) -> bool:
    """Every output line is an input line or the start of one, in the input's order."""
    lines = _LINE_BREAK.split(source)
    position = 0
    for line in _LINE_BREAK.split(output):
        if not line.strip():
            continue
        while position < len(lines) and not lines[position].startswith(line.rstrip()):
            position += 1
        if position == len(lines):
            return False
        position += 1
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(DOCUMENTS, WRAPPED_DOCUMENTS))
def test_output_is_built_from_input_lines_in_order_and_the_trail_replays(text):
    for worker in (WORKER, CAREFUL):
        result = worker.clean_and_explain(text)
        assert _is_built_from(result.text, text)
        assert cleaner.apply_removals(text, result.removals) == result.text
        for removal in result.removals:
            assert text[removal.start : removal.end] == removal.text
            assert removal.evidence.reason
        fast = worker.clean_and_explain(text, reasons=False)  # the same decisions, without reasons
        assert fast.text == worker.clean(text) == result.text
        assert [(r.start, r.end, r.evidence.code) for r in fast.removals] == [
            (r.start, r.end, r.evidence.code) for r in result.removals
        ]


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_no_str_input_raises(text):
    result = WORKER.clean_and_explain(text)
    assert cleaner.apply_removals(text, result.removals) == result.text
    if not text:
        assert result.text == ""


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(DOCUMENTS, WRAPPED_DOCUMENTS))
def test_a_second_cleaning_only_removes_lines(text):
    """On generated text a second pass may still find something; it can only remove lines.
    (That it finds nothing is checked on the real documents, in test_documents.py.)"""
    once = WORKER.clean(text)
    twice = WORKER.clean(once)
    assert _is_built_from(twice, once)


def test_a_ten_megabyte_line_goes_through():
    line = "word " * 2_000_000
    assert CAREFUL.clean(line) == line


def test_a_hundred_thousand_short_lines_go_through():
    text = "\n".join(f"Share this:\nPrices rose {i:05d} percent in May after a cold spring, the office said." for i in range(50_000))
    out = CAREFUL.clean(text)
    assert "Share this:" not in out
    assert out.count("Prices rose") == 50_000
