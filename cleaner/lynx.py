"""Text dumps of web pages read as text: ``lynx -dump`` (and browsers that number links the same
way) writes each link's reference number in brackets before its text (``[12]Sport``), an image
as ``[IMG]``, and lists the addresses at the end ("References", then ``  12. https://...``).

:func:`read_dump` turns a line into its reading: without the reference numbers and the image
marks. A link's end is not marked, so its text is estimated: a line that opens with a link is
link text from each number to the next one or the line's end, up to DUMP_LINK_MAX_WORDS words (a
menu item, a teaser, a row of buttons: "[31]Advertise With Us [32]Contact Us"); a link inside a
line counts as none (a paragraph's "the [23]Transportation Safety Board said ..."). As for
Markdown (see :mod:`cleaner.markdown`), nothing here changes the text that is kept: the reading is
what the rules (beside the line itself) and the features see.
"""

from __future__ import annotations

import re

from .markdown import MarkdownLine, squeezed

# A reference number right before a link's text; a number after a word ("the city.[1]") is a
# citation, and Markdown writes numbers after a link's text or before its address ("[1](https://...)",
# "[text][1]", "[1]: https://..."), not before a link's text.
_MARKER = re.compile(r"(?<!\])\[\d{1,6}\](?=[^\s\](:])")
# An image as lynx shows one without alt text, maybe linked ("[21][IMG]").
_IMAGE = re.compile(r"(?:\[\d{1,6}\])?\[(?:IMG|INLINE)\]")
_WORD_END = re.compile(r"\S+\s*")

#: the fewest link numbers (``[12]Sport``) that make a text a page's dump. (Not more, and not the
#: list of addresses at the end: a small dump whose cleaning removes its list and a menu must still
#: read as one the second time; three lines of footnotes that open with their numbers, "[1]The
#: report was published in April.", are read as links.)
DUMP_MIN_LINKS = 3
#: words; the most of a line's first link text that counts as link: the link's end is not marked,
#: and a paragraph that opens with a link ("[23]Transportation Safety Board of Canada said it was
#: sending a team ...") goes on as the article's text. A teaser's headline is mostly shorter.
DUMP_LINK_MAX_WORDS = 12


def has_dump_links(text: str) -> bool:
    """Whether ``text`` is a page's text dump with numbered links: DUMP_MIN_LINKS reference
    numbers or more before link text. A substring test first ("[1]" opens every such dump)."""
    if "[1]" not in text:
        return False
    found = 0
    for _ in _MARKER.finditer(text):
        found += 1
        if found >= DUMP_MIN_LINKS:
            return True
    return False


def read_dump(line: str) -> MarkdownLine:
    """A stripped, non-blank line of a dump as read (see the module's description); ``text`` is
    empty when the line is an image mark alone."""
    if "[" not in line:
        return MarkdownLine(line, 0)
    text = _IMAGE.sub(" ", line) if "]" in line and ("[IMG]" in line or "[INLINE]" in line) else line
    link_chars = 0
    pieces = []
    end = 0
    chained = True  # every piece so far a link that runs to the next number
    for found in _MARKER.finditer(text):
        between = text[end : found.start()]
        if between.strip() and end == 0 and not _bullet(between):
            chained = False  # the line opens with text, not a link
        pieces.append(between)
        end = found.end()
        if chained:
            chars, whole = _link_text(text, end)
            link_chars += chars
            chained = whole  # a link cut at DUMP_LINK_MAX_WORDS runs into the line's own text
    if not pieces:
        return MarkdownLine(squeezed(text), 0)
    read = squeezed("".join([*pieces, text[end:]]))
    return MarkdownLine(read, min(link_chars, len(read)))


def _bullet(text: str) -> bool:
    """Whether ``text`` (what stands before a line's first link) is a list marker alone."""
    return text.strip() in ("*", "+", "-", "o", "•")


def _link_text(text: str, start: int) -> tuple[int, bool]:
    """The characters of the link text from ``start``: up to the next reference number or the
    line's end, at most DUMP_LINK_MAX_WORDS words; and whether it runs up to there."""
    stop = text.find("[", start)
    stop = len(text) if stop < 0 else stop
    words = 0
    position = start
    for found in _WORD_END.finditer(text, start, stop):
        words += 1
        position = found.end()
        if words >= DUMP_LINK_MAX_WORDS:
            break
    return len(text[start:position].strip()), position >= stop or not text[position:stop].strip()
