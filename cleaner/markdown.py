"""Markdown lines read as text: what page-to-Markdown scrapers (Firecrawl, Jina Reader, crawl4ai,
html2text, markdownify) hand on is plain text with link, image, heading and emphasis syntax, and the
heuristics measure the words a reader sees, not the syntax.

:func:`read_markdown` turns a line into its reading: a link reads as its text (``[Sport](https://
example.com/sport)`` as ``Sport``), an image as nothing, a heading without its ``#`` marks, bold and
emphasis without their signs, an escaped sign as the sign; a list item keeps its marker (``* ``),
which the features take for a list item's start. It also counts the characters of link text, from
which :func:`link_heavy` tells a line of links (a menu item, a related-story teaser, a row of share
buttons) from a paragraph that holds a link or two. Nothing here changes the text that is kept:
the reading is what the rules (beside the line itself) and the features see.

A text without any of the syntax (see :func:`has_markdown`) reads as it is. A line reads the same
whatever its neighbours, but for two: a line of text right above an underline (``=====``,
``-----``) is a heading (:func:`setext_headings`), and the lines of a hard-wrapped paragraph are
read joined (see :mod:`cleaner.heuristics.wrapping`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A link's text and address hold no bracket, its title is short: each start is given up within a
# bounded scan, so a hostile line ("[](" a thousand times) costs linear time.
# An address may hold balanced parentheses, one level deep ("filters:no_upscale()",
# "Mercury_(planet)"), as CommonMark allows; each character is taken by one branch only.
_ADDRESS = r"(?:[^()\[\]\s]|\([^()\[\]\s]*\))*"
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\(" + _ADDRESS + r"(?:\s+\"[^\"\n]{0,300}\")?\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(" + _ADDRESS + r"(?:\s+\"[^\"\n]{0,300}\")?\)")
_HEADING = re.compile(r"#{1,6}[ \t]+")
_CLOSING_HASHES = re.compile(r"[ \t]+#+$")
# Bold and emphasis: signs around at most 500 characters of text that opens with a letter, a digit
# or a quote and closes with no space (a run of underscores, "Man**" or "{* name *}" is none).
_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=[^\W_]|[\"“‘'(¡¿])([^\n]{0,500}?[^\s*_])\1(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*])([_*])(?=[^\W_]|[\"“‘'(¡¿])([^\n]{0,500}?[^\s*_])\1(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_SPACES = re.compile(r"[ \t]{2,}")

#: share of a line's reading (list marker aside) that is link text at or above which the line is
#: a line of links: a menu item, a teaser, a row of share buttons. An article's paragraph with a
#: link or two stays far below it; a paragraph that is all link ("Read the full report") is
#: boilerplate as well. (jusText deems a paragraph bad above a link density of 0.2; a line here is
#: one paragraph and its links are all visible, so the bar sits higher.)
LINK_HEAVY_SHARE = 0.5


#: characters; a longer line is read as it is (a paragraph that long is a page's text run
#: together, not a line of a page), so the emphasis patterns' bounded scans stay cheap.
READ_MAX_CHARS = 20_000


class MarkdownLine(NamedTuple):
    """A line as read: its text, the characters of it that are link text, and its heading level
    (1 for ``# ...``, 0 for a line that is no heading)."""

    text: str
    link_chars: int
    heading: int = 0


_UNDERLINE = re.compile(r"(?:={3,}|-{3,})")


def setext_headings(stripped: list[str]) -> dict[int, int]:
    """The headings written over an underline ("Title" above "=====", level 1, or "-----", level
    2), by line index (``stripped``: the document's lines, stripped): a line of text right above a
    line of three or more ``=`` or ``-`` alone, the text no list item, table row or underline."""
    headings = {}
    for index in range(1, len(stripped)):
        line = stripped[index]
        if line[:1] in ("=", "-") and _UNDERLINE.fullmatch(line):
            above = stripped[index - 1]
            if above and not above.startswith(("* ", "- ", "+ ", "|", "=", "---")) and index - 1 not in headings:
                headings[index - 1] = 1 if line[0] == "=" else 2
    return headings


def has_markdown(text: str) -> bool:
    """Whether ``text`` may hold Markdown syntax: a link or an image, bold signs, a heading mark at
    a line's start (a heading's underline, "=====", is read only in such a text). Substring tests
    only, a character first (a search for one character is some thirty times quicker than for two; a
    regex over the whole text would cost a tenth of the cleaning time); a text whose only syntax is
    emphasis (``_word_``) or escapes is read as it is."""
    return (
        ("]" in text and "](" in text)
        or ("*" in text and "**" in text)
        or ("_" in text and "__" in text)
        or ("#" in text and ("\n#" in text or text.startswith("#")))
    )


def squeezed(text: str) -> str:
    """``text`` stripped, each run of blanks in it one space (where syntax was taken out)."""
    return _SPACES.sub(" ", text).strip()


def read_markdown(line: str) -> MarkdownLine:
    """A stripped, non-blank line as read (see the module's description); ``text`` is empty when
    the line is syntax alone (an image, a link without text, a heading mark)."""
    if len(line) > READ_MAX_CHARS or not (
        "](" in line or "*" in line or "_" in line or line.startswith("#") or "\\" in line
    ):  # fmt: skip
        return MarkdownLine(line, 0)
    text = _IMAGE.sub(" ", line) if "![" in line else line
    link_chars = 0
    if "](" in text:
        pieces = []
        end = 0
        for found in _LINK.finditer(text):
            label = found.group(1).strip()
            pieces += [text[end : found.start()], label]
            link_chars += len(label)
            end = found.end()
        text = "".join([*pieces, text[end:]])
    level = 0
    if text.startswith("#"):
        heading = _HEADING.match(text)
        if heading:
            level = text.count("#", 0, heading.end())
            text = _CLOSING_HASHES.sub("", text[heading.end() :])
    if "**" in text or "__" in text:
        text = _STRONG.sub(r"\2", text)
    if "_" in text or "*" in text:
        text = _EMPHASIS.sub(r"\2", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return MarkdownLine(squeezed(text), link_chars, level)


#: share of link text from which a line that ends a sentence is a line of links too: a sentence
#: that is all link is a teaser, one that opens with a link ("[The council voted on Tuesday]
#: (https://...) to close the library.", 0.56) is the article's.
LINK_SENTENCE_SHARE = 0.9


def link_share(read: MarkdownLine) -> float:
    """The share of a line's reading (a list marker aside) that is link text."""
    if not read.link_chars:
        return 0.0
    text = read.text
    if text[:2] in ("* ", "- ", "+ "):
        text = text[2:]
    return read.link_chars / len(text) if text else 0.0


def link_heavy(read: MarkdownLine, sentence: bool = False) -> bool:
    """Whether a line's reading is mostly link text (see LINK_HEAVY_SHARE), or, for a line that
    ends a sentence (``sentence``), nearly all of it (LINK_SENTENCE_SHARE)."""
    return link_share(read) >= (LINK_SENTENCE_SHARE if sentence else LINK_HEAVY_SHARE)
