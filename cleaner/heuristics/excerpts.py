"""Teasers cut short: a run of lines that each end in an ellipsis where a site cut a story's text
("... traçando um plano paralelo para …", "Houston Housing Authority sued over alleged open
meeting...", WordPress's "[…]"). A list of other stories shows their first words this way; an
article's own writer ends a line with "…" now and then, seldom three times in a few lines (and
then the article goes on below them: the caller checks that), and a listicle's numbered items or a
transcript's speakers are no teasers."""

from __future__ import annotations

import re
from operator import methodcaller

from .features import LineFeatures

#: What a cut line ends with: the ellipsis character, three full stops, or either in brackets.
ELLIPSES = ("…", "...", "…]", "...]", "…)", "...)")
#: words; a shorter line ending in an ellipsis is a label ("More...", "All...") or a heading, not
#: a story's cut text.
EXCERPT_MIN_WORDS = 5
#: lines kept so far; two cut lines at most this far apart are in one run (3 lines between them: a
#: teaser's headline, byline and date). Calibrated on the development set with 3, 4 and 6: 3 misses
#: a teaser list with its dates between the excerpts, 6 gains nothing more.
EXCERPT_GAP = 4
#: cut lines; the fewest that make a run. On the development set, 2 would also take a newsletter's
#: greeting that the gold text keeps twice and gain next to nothing; 4 misses lists of three.
EXCERPT_RUN_MIN = 3
#: A line that opens with a number ("1. ", "2) ": an article's numbered list) or with a speaker's
#: name and a colon ("Captain: ...": a transcript; not a dateline in capitals, "KARACHI: ...",
#: which opens a teaser's text as often as a story's) is no teaser's excerpt.
_NUMBERED = re.compile(r"[0-9]{1,3}[.)] ")
_SPEAKER = re.compile(r"[^\W\d_][\w'’.-]*(?: [\w'’.-]+){0,2}(?=: )")


def cut_short(text: str, f: LineFeatures) -> bool:
    """Whether the line (stripped) ends in an ellipsis after EXCERPT_MIN_WORDS words or more, and
    opens with neither a number nor a speaker's name and a colon."""
    if f.words < EXCERPT_MIN_WORDS or not text.endswith(ELLIPSES) or _NUMBERED.match(text):
        return False
    speaker = _SPEAKER.match(text)
    return speaker is None or speaker.group().upper() == speaker.group()


def may_hold_runs(texts: list[str]) -> bool:
    """Whether EXCERPT_RUN_MIN lines or more end in an ellipsis (a test at C speed that most
    documents fail)."""
    return sum(map(methodcaller("endswith", ELLIPSES), texts)) >= EXCERPT_RUN_MIN


def excerpt_runs(texts: list[str], features: list[LineFeatures]) -> list[list[int]]:
    """The runs of cut lines (see :func:`cut_short`), as their positions: EXCERPT_RUN_MIN or more,
    each at most EXCERPT_GAP lines from the next."""
    if not may_hold_runs(texts):
        return []
    cut = [position for position, (text, f) in enumerate(zip(texts, features)) if cut_short(text, f)]
    runs: list[list[int]] = []
    for position in cut:
        if runs and position - runs[-1][-1] <= EXCERPT_GAP:
            runs[-1].append(position)
        else:
            runs.append([position])
    return [run for run in runs if len(run) >= EXCERPT_RUN_MIN]
