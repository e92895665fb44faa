"""Boxes between two paragraphs of an article that the main text bridges (see
:func:`~heuristics.context.document_context`): boxes of teasers ("Related", "Lesen Sie auch" and
their headlines) and sign-up boxes ("Skip past newsletter promotion", "Sign up to First Edition",
its blurb and privacy notice, "after newsletter promotion")."""

from __future__ import annotations

from itertools import compress

from .classes import sentence_line
from .features import LineFeatures

#: kept lines; the most and the fewest lines that are no prose between a related box's label and
#: the article's next paragraph (its teaser headlines, and any heading of the next section).
RELATED_BOX_MAX_LINES = 12
RELATED_BOX_MIN_LINES = 2
#: lines; how far below its label a box's end is looked for, removed lines included.
RELATED_BOX_SCAN_LINES = 40
#: lines of prose, and kept lines: below a box, the article's text must go on with this many
#: sentences among this many lines (one sentence and a site's links below a box at the article's
#: end are its footer). Against none: on the documents written to real layouts, boilerplate kept
#: 36 -> 34 (held-out-4) and 39 -> 37 (held-out-5), article lines lost 15 -> 19 (held-out-4: an
#: exhibition's practical information below a box); development set unchanged but ptags default
#: precision +0.001.
RELATED_BOX_PROSE_AFTER = 2
RELATED_BOX_AFTER_LINES = 4


def related_boxes(
    features: list[LineFeatures], classes: list[str], removed: list[bool], related_labels: list[bool]
) -> list[tuple[int, int]]:
    """The boxes of teasers between two paragraphs of an article, as ``(label, end)`` (the end
    excluded, at the paragraph after the box): a related label
    (``related_labels``) below a line of prose, then RELATED_BOX_MIN_LINES to RELATED_BOX_MAX_LINES
    kept lines that are no prose (teaser headlines; lines that rules removed do not count), then
    prose again, the article going on (see :func:`_article_goes_on`). A deck of teasers with their
    summaries (a headline, then a sentence) has one line of no prose before the prose and is no
    such box."""
    out: list[tuple[int, int]] = []
    count = len(features)
    prose_above = _prose_above(features, classes, removed)
    position = 0
    while position < count:
        if not related_labels[position]:
            position += 1
            continue
        label = position
        position += 1
        if not prose_above[label]:
            continue
        # Down to the next prose line, past at most RELATED_BOX_MAX_LINES kept lines and as many
        # lines in all as RELATED_BOX_SCAN_LINES (a run of labels is one box at most).
        lines, end = 0, -1
        while position < count and position - label <= RELATED_BOX_SCAN_LINES and lines <= RELATED_BOX_MAX_LINES:
            if not removed[position]:
                if sentence_line(classes[position], features[position]):
                    end = position
                    break
                lines += 1
            position += 1
        if (
            end >= 0
            and RELATED_BOX_MIN_LINES <= lines <= RELATED_BOX_MAX_LINES
            and _article_goes_on(features, classes, removed, end)
        ):
            out.append((label, end))
    return out


#: words; the fewest of the one paragraph above a sign-up box for the article to run above it
#: (a box below the article's lead; a box's own blurb above its label is shorter: "Notre rédaction
#: vous accompagne chaque jour avec ses meilleurs articles.").
SIGNUP_LEAD_MIN_WORDS = 20


def _lead_above(
    features: list[LineFeatures], classes: list[str], removed: list[bool], start: int, passable: list[bool] | None
) -> bool:
    """Whether the nearest kept line above ``start`` (past removed lines that ``passable`` marks) is
    a sentence of prose of SIGNUP_LEAD_MIN_WORDS words or more."""
    position = start - 1
    while position >= 0 and removed[position]:
        if passable is not None and not passable[position]:
            return False
        position -= 1
    return (
        position >= 0 and features[position].words >= SIGNUP_LEAD_MIN_WORDS
        and sentence_line(classes[position], features[position])
    )  # fmt: skip


def _article_goes_on(
    features: list[LineFeatures],
    classes: list[str],
    removed: list[bool],
    start: int,
    step: int = 1,
    passable: list[bool] | None = None,
) -> bool:
    """Whether RELATED_BOX_PROSE_AFTER lines of prose come among the RELATED_BOX_AFTER_LINES kept
    lines from ``start`` on, going ``step`` (1 down, -1 up): the article's next paragraphs, not a
    site's one-line footer below a box at the article's end (nor, up, a box's own blurb). With
    ``passable``, a removed line that it does not mark ends the lines looked at."""
    prose = kept = 0
    position = start
    while 0 <= position < len(features) and kept < RELATED_BOX_AFTER_LINES:
        if not removed[position]:
            kept += 1
            prose += sentence_line(classes[position], features[position])
        elif passable is not None and not passable[position]:
            break
        position += step
    return prose >= RELATED_BOX_PROSE_AFTER


#: kept lines; the most between two labels of one sign-up box (its name and blurb between "Skip
#: past newsletter promotion" and "Free weekly newsletter"), and between its last label and the
#: article's next paragraph.
SIGNUP_BOX_GAP = 2


def signup_boxes(
    features: list[LineFeatures], classes: list[str], removed: list[bool], signup_lines: list[bool]
) -> list[tuple[int, int]]:
    """The sign-up boxes below a line of prose, as ``(first label, last label)``: lines that
    newsletter rules removed (``signup_lines``, here called labels: "Skip past newsletter
    promotion", "Free weekly newsletter", "Enter your email", "after newsletter promotion"), each
    at most SIGNUP_BOX_GAP kept lines below the one before. The lines between the labels that the
    rules left (the newsletter's name, its blurb) are the box's."""
    out: list[tuple[int, int]] = []
    if not any(signup_lines):  # (most documents: no line to measure the prose above of)
        return out
    prose_above = _prose_above(features, classes, removed)
    after = 0  # where the box after the last one found may start
    for first in compress(range(len(signup_lines)), signup_lines):
        if first < after:
            continue
        last = first
        gap = 0
        for position in range(first + 1, len(signup_lines)):  # the box's other labels
            if signup_lines[position]:
                last, gap = position, 0
            elif not removed[position]:
                gap += 1
                if gap > SIGNUP_BOX_GAP:
                    break
        if prose_above[first]:
            out.append((first, last))
        after = last + 1
    return out


def _prose_above(features: list[LineFeatures], classes: list[str], removed: list[bool]) -> list[bool]:
    """Whether the nearest line above each position that the rules did not remove is a line of
    prose (see :func:`~heuristics.classes.sentence_line`)."""
    out = []
    above = -1
    for position, removed_here in enumerate(removed):
        out.append(above >= 0 and sentence_line(classes[above], features[above]))
        if not removed_here:
            above = position
    return out


def bridged_signup_box(
    features: list[LineFeatures],
    classes: list[str],
    removed: list[bool],
    box: tuple[int, int],
    passable: list[bool] | None = None,
) -> int:
    """Where the article's next paragraph below a sign-up box (see :func:`signup_boxes`) starts,
    when the article runs above the box (see :func:`_article_goes_on`, or one long paragraph, see
    :func:`_lead_above`) and goes on below it within SIGNUP_BOX_GAP kept lines that are no prose
    below the box's last label; else -1 (a box at the article's end, or above it below the box's
    own blurb). Of the lines that rules removed, only
    those that ``passable`` marks (ads, the box's consent line) may sit among the article's lines
    around the box: a site's menu label or a related box's label ("News Tips", "More In Dubai
    Airshow") ends them."""
    if not (
        _article_goes_on(features, classes, removed, box[0] - 1, -1, passable)
        or _lead_above(features, classes, removed, box[0], passable)
    ):
        return -1
    gap = 0
    for below in range(box[1] + 1, len(features)):
        if removed[below]:
            if passable is not None and not passable[below]:
                break
            continue
        if sentence_line(classes[below], features[below]):
            return below if _article_goes_on(features, classes, removed, below, 1, passable) else -1
        gap += 1
        if gap > SIGNUP_BOX_GAP:
            break
    return -1
