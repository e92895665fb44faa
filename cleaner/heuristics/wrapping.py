"""Paragraphs hard-wrapped across lines: their lines are classed as the paragraph they make.

Some pages (and text exports) break a paragraph into lines of 60-80 characters. Alone, each
piece is a short, unpunctuated line and looks like a label; together they are prose. A line
continues the paragraph of the line above when that line does not end a sentence and this one
starts with a lower-case word (not a domain name or a brand such as "iPhone"). The paragraph
must end a sentence: runs of lower-case menu items ("icon search", "icon share") are not
paragraphs.

A line that ends with a stopword was tried as a second sign of wrapping, and dropped: jusText's
stoplists hold enough content words ("day", "good", "university") for it to join lists of teaser
headlines into "prose".

A document wrapped at a fixed width (html2text's 78 characters, ``lynx -dump``'s 76, a mail
client's 72) says more: each line of a paragraph but its last is as long as the width allows, so
the next line's first word would not have fitted on it. :func:`wrapped_paragraphs` finds such
runs of lines; the cleaner then measures and decides each run as one line, the paragraph it is.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .classes import BAD, GOOD, NEAR, SHORT, classify
from .features import BULLETS, NUMBERED_RE, LineFeatures, measure

#: classes from the weakest to the strongest evidence of prose.
_RANK = {BAD: 0, SHORT: 1, NEAR: 2, GOOD: 3}


def _runs_on(text: str) -> bool:
    """Whether a line starts as the rest of a sentence: with a lower-case word (not a domain name
    such as "example.com", nor a brand such as "iPhone" or "eBay")."""
    first = text.split(None, 1)[0].rstrip(",;:.!?")
    letters = first.replace("-", "").replace("'", "").replace("’", "")
    return first[:1].islower() and letters.isalpha() and letters.islower()


def paragraph_classes(
    texts: list[str],
    words: list[list[str]],
    features: list[LineFeatures],
    classes: list[str],
    stoplist: frozenset[str] | None,
) -> list[str]:
    """``classes``, where each line of a wrapped paragraph takes the paragraph's class if that
    is stronger evidence of prose than its own (``texts`` stripped, ``words`` their lower-case
    tokens)."""
    # The lines that a sentence of the line above runs on into.
    joins = {p for p in range(1, len(texts)) if not features[p - 1].terminal and _runs_on(texts[p])}
    if not joins:
        return classes
    out = list(classes)
    for position in sorted(joins):
        if position - 1 in joins:
            continue  # inside a paragraph already done
        start = end = position - 1
        while end + 1 in joins:
            end += 1
        if not features[end].terminal:
            continue  # a paragraph ends a sentence; a run of lower-case menu items does not
        paragraph_words = [word for line in words[start : end + 1] for word in line]
        cls = classify(measure(" ".join(texts[start : end + 1]), paragraph_words, stoplist))
        for line in range(start, end + 1):
            if _RANK[cls] > _RANK[out[line]]:
                out[line] = cls
    return out


# A line that opens with a label: one token and a colon ("maria_l: ...", "Q: ...", "Genre : drame").
_LABEL_START = re.compile(r"\S+ ?: ")
# The end of a line that ends a sentence (then a short line below that ends none and opens with no
# lower-case word is no part of the paragraph).
_SENTENCE_ENDS = tuple(".!?…:;\"”’»)")

#: characters; the wrap widths looked for (mail 72, lynx 76, html2text 78, fold 80; some tools
#: take 60 or 100; a width of 60 gives a 0.9 quantile just under it). A document whose long
#: lines run wider is written one paragraph per line.
WRAP_WIDTHS = (50, 100)
#: the share of the lines followed by another line whose length estimates the width: the lines of
#: a wrapped paragraph but its last are within a word of it, the last shorter.
WRAP_WIDTH_QUANTILE = 0.9
#: characters; a line longer than the width by more than this was not wrapped (a heading:
#: html2text wraps none), unless its last word is too long to break (an address).
WRAP_OVERRUN = 4
#: characters; a line this much shorter than the width (or more) is no wrapped line, and does not
#: count against the document being wrapped.
WRAP_LONG_MARGIN = 20
#: characters; the longest first word of a line that runs on, but for an ASCII one (an address
#: too long for any line, which a wrapper leaves whole); a script written without spaces, Chinese
#: or Japanese, has no words to wrap at: its "first word" is the line.
WRAP_MAX_WORD = 25
#: the fewest wrapped lines that make a document wrapped, and their least share of the long lines
#: followed by another (a column of teaser headlines of 60-100 characters has a few lines whose
#: next word would not fit, by chance, among many whose next word would).
WRAP_MIN_LINES = 3
WRAP_MIN_SHARE = 0.8
#: the least share of the wrapped lines whose next line starts with a letter that is not a capital
#: (lower case, or a script without case): a width breaks sentences anywhere, before a lower-case
#: word more often than not (in German, which capitalises its nouns, about half the time; in the
#: development set's views wrapped at 78, from 0.47 up), where a column of teaser headlines
#: starts each with a capital or a figure.
WRAP_MIN_LOWER_SHARE = 0.35


# An initial or a short abbreviation before a line's end: "astronaut Robert L.", "on Dec.".
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[A-Z]|[A-Z][a-z]{1,2})\.$")


def may_be_wrapped(texts: list[str]) -> bool:
    """Whether a document's non-blank lines (``texts``) may be hard-wrapped: their
    WRAP_WIDTH_QUANTILE length is at most the widest width (a document written one paragraph per
    line runs longer). A quick test before :func:`wrapped_paragraphs`."""
    if len(texts) <= WRAP_MIN_LINES:
        return False
    lengths = sorted(map(len, texts))
    return lengths[int(WRAP_WIDTH_QUANTILE * (len(lengths) - 1))] <= WRAP_WIDTHS[1] + WRAP_OVERRUN


def wrapped_paragraphs(
    lines: list[str], joinable: Collection[int], continuing: Collection[int] = ()
) -> list[tuple[int, int]]:
    """The runs of lines of a document hard-wrapped at a fixed width that make one paragraph, as
    ``(first, last)`` line indexes (``last`` included, two lines at least). ``lines`` are the
    document's lines as they are (blank ones included), ``joinable`` the indexes of those that may
    be part of a paragraph (not blank; the cleaner leaves out the lines that a rule of any language
    matched, and headings over an underline with their underlines), ``continuing`` those of them
    that join a paragraph only where it breaks in the middle of a sentence (a line that a rule
    matched in part: the second line of a caption with its credit, the first of a consent notice
    that runs on): such a line runs on from no line that ends a sentence, nor into the next line
    when it ends one itself (a sign-up pitch between two paragraphs) or the next line opens with a
    capital (a caption without a full stop above a paragraph).

    Line ``i`` runs on into line ``i + 1`` when both are joinable; line ``i + 1`` opens no list item
    and no label ("maria_l: ...", see _LABEL_START), and is not a short line that ends no sentence
    below a line that ends one (a share row, an ad label, a heading); and its first word would
    not have fitted on line ``i`` within the document's width (the WRAP_WIDTH_QUANTILE length of
    the joinable lines followed by another whose last word is no longer than WRAP_MAX_WORD, within
    WRAP_WIDTHS), on which line ``i`` fits (WRAP_OVERRUN, unless a word too long to break ends it).
    That first word is at most WRAP_MAX_WORD characters long, or an ASCII one (an address, which
    goes to a line of its own even after a short line). A document is wrapped when at least
    WRAP_MIN_LINES lines run on, and WRAP_MIN_SHARE of the lines within WRAP_LONG_MARGIN of the
    width that are followed by another, WRAP_MIN_LOWER_SHARE of them into a word that opens with no
    capital; else there are no runs."""
    pairs = [i for i in range(len(lines) - 1) if i in joinable and i + 1 in joinable]
    if len(pairs) < WRAP_MIN_LINES:
        return []
    lengths = [len(lines[i].rstrip()) for i in pairs]
    # (a line that a word too long to break ends, an address, says nothing of the width)
    ordered = sorted(n for i, n in zip(pairs, lengths) if len(lines[i].rsplit(None, 1)[-1]) <= WRAP_MAX_WORD)
    if not ordered:
        return []
    width = ordered[int(WRAP_WIDTH_QUANTILE * (len(ordered) - 1))]
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return []
    runs_on = []
    long_lines = lower = 0
    for i, length in zip(pairs, lengths):
        if length > width + WRAP_OVERRUN and len(lines[i].rsplit(None, 1)[-1]) <= WRAP_MAX_WORD:
            continue  # not wrapped (unless a word too long to break, an address, sticks out)
        following = lines[i + 1].strip()
        if i in continuing or i + 1 in continuing:
            end = lines[i].rstrip()  # (an initial ends no sentence, and a name goes on after it: "Robert L.")
            if not _ABBREVIATION_END.search(end) and (
                end.endswith(_SENTENCE_ENDS) or (i in continuing and following[:1].isupper())
            ):
                continue  # (see ``continuing``)
        if following.startswith(BULLETS) and following[1:2] == " " or NUMBERED_RE.match(following):
            continue  # (a list item starts a line of its own: no evidence either way)
        if _LABEL_START.match(following) or (
            lines[i].rstrip().endswith(_SENTENCE_ENDS) and not following[:1].islower()
            and len(following) < width - WRAP_LONG_MARGIN and not following.endswith(_SENTENCE_ENDS)
        ):  # fmt: skip
            continue  # (a speaker's or a key's label, "maria_l: ...", "Q: ..."; after a sentence's end,
            # a short line that ends none is a share row, a label or a heading below the paragraph)
        first_word = following.split(None, 1)[0]
        if length >= width - WRAP_LONG_MARGIN:
            long_lines += 1
        # (a word too long for any line, an address, goes to a line of its own after a short one)
        elif len(first_word) <= WRAP_MAX_WORD or not first_word.isascii():
            continue
        if length + 1 + len(first_word) > width and (len(first_word) <= WRAP_MAX_WORD or first_word.isascii()):
            runs_on.append(i)
            lower += following[:1].isalpha() and not following[:1].isupper()
    if (
        len(runs_on) < WRAP_MIN_LINES or len(runs_on) < WRAP_MIN_SHARE * long_lines
        or lower < WRAP_MIN_LOWER_SHARE * len(runs_on)
    ):  # fmt: skip
        return []
    out: list[tuple[int, int]] = []
    for i in runs_on:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out
