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
"""

from __future__ import annotations

from .classes import BAD, GOOD, NEAR, SHORT, classify
from .features import LineFeatures, measure

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
