"""Word lists shipped with the package (``cleaner/heuristics/*.txt``): the headings, keys and labels
that the article's structures are recognised by, kept as data."""

from __future__ import annotations

from importlib import resources


def word_list(name: str) -> list[str]:
    """The entries of a word list shipped with the package (``cleaner/heuristics/<name>``): one per
    line, blank lines and lines starting with "#" left out, each stripped."""
    text = (resources.files(__package__) / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


#: characters; the longest line that may be a heading of a word list (a summary's, a review's
#: pros and cons, a box of facts).
HEADING_MAX_CHARS = 40


def heading_key(text: str) -> str:
    """A line as the heading word lists hold it (lower case, no colon or blanks at its end), or ""
    for a line longer than HEADING_MAX_CHARS: "Key points:" -> "key points"."""
    return text.rstrip(" :").lower() if len(text) <= HEADING_MAX_CHARS else ""
