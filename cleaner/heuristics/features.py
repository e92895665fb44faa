"""Per-line measurements that the heuristics score: length, words, stopword share, punctuation.

Everything is measured with C-level string operations; nothing here decides anything.
:func:`measure` runs on every non-blank line; :func:`measure_shape` only on the lines the line
model judges.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_WORD_RE = re.compile(r"\w+")
_URL_RE = re.compile(r"https?://|www\.|\S@\S+\.\w")
# Scripts written without spaces between words: each of their characters counts as half a word.
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_DIGITS = b"0123456789"
_NUMBERED_RE = re.compile(r"\(?\d{1,3}[.)]\s")

#: Characters that end a sentence (Latin, CJK and closing quotes/brackets after a full stop).
TERMINAL = tuple('.!?…"”’\')»。！？;')
#: Characters that open a list item or table row.
BULLETS = tuple("-–—•*·|►▶>→✓✔")
#: words; a line with no sentence punctuation and at most this many words, mostly capitalised,
#: is shaped like a title or a label.
TITLE_MAX_WORDS = 20
#: share of capitalised words at or above which an unpunctuated line reads as a title.
TITLE_MIN_CAPITAL_SHARE = 0.5
#: share of digits above which a line counts as digit-heavy (scores, dates, tables).
DIGIT_HEAVY_SHARE = 0.1


class LineFeatures(NamedTuple):
    """What every line is measured for (the line classes and the main-text search need these)."""

    chars: int  # characters, surrounding whitespace excluded
    words: int  # \w+ tokens (unspaced scripts: half a word per character)
    stop_share: float | None  # stopwords / words; None when the language has no stoplist
    terminal: bool  # ends with sentence punctuation
    bullet: bool  # starts like a list item or a table row ("- ", "• ", "| ", "1. ", "2) ")
    digit_heavy: bool  # more than DIGIT_HEAVY_SHARE of the characters are digits
    title: bool  # no sentence punctuation, few words, mostly capitalised: a heading, label or teaser


class ShapeFeatures(NamedTuple):
    """Measured only for the lines the line model judges."""

    capital_share: float  # words that start with a capital letter / words that start with a letter
    has_url: bool  # a URL or an e-mail address
    colon_end: bool  # ends with a colon: introduces what follows
    digit_share: float  # digits / characters
    upper_share: float  # upper-case letters / letters (1.0 for an all-caps line)


def count_digits(text: str) -> int:
    """ASCII digits in ``text`` (lone surrogates, which scraped JSON can carry, are fine)."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _DIGITS))


def measure(text: str, lowered: str, stoplist: frozenset[str] | None) -> LineFeatures:
    """Measure one line: ``text`` stripped and not empty, ``lowered`` its lower-case form."""
    words = _WORD_RE.findall(lowered)
    count = len(words)
    if not text.isascii():
        unspaced = len(_UNSPACED_RE.findall(text))
        if unspaced:
            count = max(count, count + unspaced // 2 - sum(1 for w in words if _UNSPACED_RE.match(w)))
    stop_share = None
    if stoplist and count:
        stop_share = sum(map(stoplist.__contains__, words)) / count
    terminal = text.endswith(TERMINAL)
    title = (
        not terminal and 0 < count <= TITLE_MAX_WORDS and capital_share(text) >= TITLE_MIN_CAPITAL_SHARE
    )
    return LineFeatures(
        chars=len(text),
        words=count,
        stop_share=stop_share,
        terminal=terminal,
        bullet=text.startswith(BULLETS) or (text[0].isdigit() and _NUMBERED_RE.match(text) is not None),
        digit_heavy=count_digits(text) > DIGIT_HEAVY_SHARE * len(text),
        title=title,
    )


def capital_share(text: str) -> float:
    """Words that start with a capital letter, over words that start with a letter."""
    initials = "".join([word[0] for word in _WORD_RE.findall(text)])
    letters = sum(map(str.isalpha, initials))
    return sum(map(str.isupper, initials)) / letters if letters else 0.0


def measure_shape(text: str) -> ShapeFeatures:
    """The extra measurements of one line (``text`` stripped, not empty)."""
    letters = sum(map(str.isalpha, text))
    return ShapeFeatures(
        capital_share=capital_share(text),
        has_url=_URL_RE.search(text) is not None,
        colon_end=text.endswith(":"),
        digit_share=count_digits(text) / len(text),
        upper_share=sum(map(str.isupper, text)) / letters if letters else 0.0,
    )
