"""Split a text into lines with their character offsets in the input.

Lines end at ``\\n``, and at the other one-character line breaks that Python's
``str.splitlines`` knows: a ``\\r`` that no ``\\n`` follows (old Mac text), ``\\v``, ``\\f``,
``\\x1c``-``\\x1e``, ``\\x85``, and the Unicode line and paragraph separators U+2028 and U+2029
(JSON article bodies carry them). A ``\\r`` before ``\\n`` stays part of the line's text (and of
its span). Every line break is one character, so offsets always index the caller's string
unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

#: the one-character line breaks other than ``\n`` and ``\r`` (which counts when no ``\n`` follows it).
_OTHER_BREAK_CHARACTERS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_OTHER_BREAKS = re.compile(f"\r(?!\n)|[{_OTHER_BREAK_CHARACTERS}]")
_RARE_CHARACTERS = ("\r", *_OTHER_BREAK_CHARACTERS)


@dataclass(frozen=True, slots=True)
class Lines:
    """The lines of a document: ``texts[i] == source[starts[i]:starts[i] + len(texts[i])]``."""

    source: str
    texts: list[str]
    starts: list[int]

    def end(self, index: int) -> int:
        """Offset just past line ``index`` (its line break excluded)."""
        return self.starts[index] + len(self.texts[index])


def split_lines(text: str) -> Lines:
    """The lines of ``text`` with their start offsets."""
    if any(character in text for character in _RARE_CHARACTERS) and _OTHER_BREAKS.search(text):
        # Each break becomes "\n", one character for another: the lines and their offsets hold.
        texts = _OTHER_BREAKS.sub("\n", text).split("\n")
    else:
        texts = text.split("\n")
    # Each line starts one past the end of the previous one (its line break).
    starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
    starts.pop()  # the start of a line after the last
    return Lines(text, texts, starts)


def lower_case(text: str) -> str:
    """``text`` lower-cased as the cleaner lower-cases a line: character for character, so that
    offsets stay valid; a character whose lower case is longer takes its first character (Turkish's
    capital "İ" lower-cases to "i" and a combining dot: it reads "i", as "I" does), and Turkish's
    dotless "ı" reads "i" too (its capital "I" lower-cases to "i": "YAZI" and "yazı" read alike)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower()[0] for ch in text)
    return lowered.replace("ı", "i") if "ı" in lowered else lowered
