"""Split a text into lines with their character offsets in the input.

Lines are separated by ``\\n``; a ``\\r`` before it stays part of the line's text (and of its
span), so offsets always index the caller's string unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True, slots=True)
class Lines:
    """The lines of a document: ``texts[i] == source[starts[i]:starts[i] + len(texts[i])]``."""

    source: str
    texts: list[str]
    starts: list[int]

    def end(self, index: int) -> int:
        """Offset just past line ``index`` (its newline excluded)."""
        return self.starts[index] + len(self.texts[index])


def split_lines(text: str) -> Lines:
    """The lines of ``text`` with their start offsets."""
    texts = text.split("\n")
    # Each line starts one past the end of the previous one (its line break).
    starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
    starts.pop()  # the start of a line after the last
    return Lines(text, texts, starts)
