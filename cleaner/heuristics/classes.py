"""Context-free classes of lines, in the manner of jusText, from :mod:`features`.

``good``: a long, stopword-rich line (article prose); ``near``: prose-like but short or a little
thin; ``short``: too short to judge alone; ``bad``: shaped like boilerplate (a title-cased
label or teaser headline, a low-stopword line, a bare URL).

Thresholds were calibrated on the development set (AEB views) by a grid over the values that
jusText and trafilatura use; see ``benchmarks/quality.py``.
"""

from __future__ import annotations

from .features import LineFeatures

#: chars; below this a line is ``short`` (jusText LENGTH_LOW 70, trafilatura 50).
SHORT_MAX_CHARS = 50
#: chars; at or above this a stopword-rich line is ``good`` (jusText 200, trafilatura 150).
GOOD_MIN_CHARS = 150
#: stopword share; below this a line of SHORT_MAX_CHARS or more is ``bad``.
STOP_SHARE_LOW = 0.20
#: stopword share; at or above this a long line is ``good``.
STOP_SHARE_HIGH = 0.25
#: words; a low-stopword line longer than this is a list item or table row, not a label: ``near``.
LOW_STOP_MAX_WORDS = 15

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"


def classify(f: LineFeatures) -> str:
    """The context-free class of a line."""
    if f.words == 0 or f.linked:  # (a line of links: a menu item, a teaser, share buttons)
        return BAD
    stop = f.stop_share
    if f.title:
        return BAD
    if stop is not None and f.chars >= SHORT_MAX_CHARS and stop < STOP_SHARE_LOW:
        return NEAR if f.words > LOW_STOP_MAX_WORDS else BAD
    if f.chars < SHORT_MAX_CHARS:
        return SHORT
    if (stop is None or stop >= STOP_SHARE_HIGH) and f.chars >= GOOD_MIN_CHARS:
        return GOOD
    return NEAR


def sentence_line(cls: str, f: LineFeatures) -> bool:
    """Whether a line of class ``cls`` is prose that makes sentences: a ``good`` line, or a
    ``near`` one that ends a sentence (a teaser headline is ``near`` but ends none)."""
    return cls == GOOD or (cls == NEAR and f.terminal)
