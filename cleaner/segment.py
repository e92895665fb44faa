"""Split a text into lines with their character offsets in the input.

Lines are separated by ``\\n``; a ``\\r`` before it stays part of the line's text (and of its
span), so offsets always index the caller's string unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    starts = [0] * len(texts)
    position = 0
    for index, line in enumerate(texts):
        starts[index] = position
        position += len(line) + 1
    return Lines(text, texts, starts)
