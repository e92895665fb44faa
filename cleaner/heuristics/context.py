"""Document-level context of each line: where the main text lies, what surrounds the line.

The main text is the contiguous run of lines with the greatest prose mass: a maximum-sum segment
over per-line values (prose words count for it, label-shaped lines and rule-removed lines against
it), the idea behind Body Text Extraction (Finn et al., 2001) applied to lines. A news dateline
inside that run ("WASHINGTON (AP) — ...") moves its start there, unless the lines above it read as
the story's own paragraphs (see :func:`~heuristics.datelines.starts_story`); one just above the run,
past an ad label and a subheading, moves it up (see :func:`~heuristics.datelines.dateline_above`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from itertools import accumulate, groupby

from .classes import BAD, GOOD, NEAR, SHORT
from .datelines import dateline_above, starts_story
from .features import LineFeatures
from .lists import data_runs, introduced_lists, item_end, numbered_continuation
from .related_boxes import bridged_signup_box, related_boxes, signup_boxes
from .structures import interview_lines, listed_lines
from .view import LineView

#: value per word of a ``near`` line in the main-text sum, relative to a ``good`` line's 1.
NEAR_WORD_VALUE = 0.5
#: fixed cost of a ``short`` line in the main-text sum, in words.
SHORT_LINE_COST = 2.0
#: fixed cost of a ``bad`` line in the main-text sum, in words, on top of its words.
BAD_LINE_COST = 3.0
#: cost of a line that a rule removed, in words, whatever its length: a long "Read more: <headline>"
#: line between two paragraphs says no more than a short one about where the article ends (its
#: words on top, as for a ``bad`` line, split short articles there). Calibrated with
#: benchmarks/quality.py over 3, 6 and 10 and the old words + 3.
REMOVED_LINE_COST = 6.0


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """Per-position facts about the non-blank lines of one document (positions, not line indexes)."""

    first: int  # first position of the main text (-1 when there is none)
    last: int  # last position of the main text
    prose_before: list[int]  # prose words (good and near lines) strictly before each position
    prose_total: int
    words_total: int  # words of all non-blank lines
    main_words: int  # words of the lines inside the main text
    first_break_after: int  # first label or heading after the main text, or -1
    last_break_before: int  # last label or heading before the main text, or -1
    repeated: list[bool]  # the same text occurs on another line of the document
    run_length: list[int]  # length of the run of same-shaped neighbouring lines the line is in
    listed: list[bool]  # a line of a list or box of data that belongs to the article (see listed_lines)
    data_run: frozenset[int]  # positions in a run of short lines with a figure (see data_runs)
    related_boxes: tuple[tuple[int, int], ...] = ()  # (label, end) of boxes the main text bridges
    interview: frozenset[int] = frozenset()  # an interview's questions and answers (see interview_lines)
    not_prose: frozenset[int] = frozenset()  # listed lines that are no evidence of prose (see listed_lines)
    signup_boxes: tuple[tuple[int, int], ...] = ()  # (first label, last label) of sign-up boxes below prose


def line_value(cls: str, words: int, removed: bool, neutral: bool = False) -> float:
    """A line's contribution to the main-text sum. A ``neutral`` line neither extends nor breaks
    the main text (see :func:`neutral_line`)."""
    if removed:
        return -REMOVED_LINE_COST
    if neutral:
        return 0.0
    if cls == BAD:
        return -BAD_LINE_COST - words
    if cls == GOOD:
        return float(words)
    if cls == NEAR:
        return NEAR_WORD_VALUE * words
    if cls == SHORT:
        return -SHORT_LINE_COST
    raise ValueError(cls)


#: words; the fewest of a ``bad`` line that ends a sentence for it to be neutral in the main-text
#: sum (see :func:`neutral_line`). Tried on the development set and the layouts sets: 8 changed
#: three development pages, each for the better (fulltext default recall of one 0.88 -> 0.95),
#: and gave back a first paragraph above "Det bekrefter administrerende direktør i Fløibanen AS,
#: Torunn Vik, overfor NRK." (held-out-13) and one of held-out-8.
NAMED_SENTENCE_MIN_WORDS = 8


def neutral_line(text: str, cls: str, f: LineFeatures) -> bool:
    """Whether a line neither extends nor breaks the main text: a table row (``| a | b |``;
    tables of results, prices or quotes sit inside articles as often as in page chrome), a
    ``near`` line that ends no sentence (a headline: a list of teaser headlines is not prose,
    and an article's subheading is no break in it), or a ``bad`` line of NAMED_SENTENCE_MIN_WORDS
    words or more that ends a sentence (a sentence thin in stopwords for its names and figures,
    "Acme Corp boss Jane Doe confirmed the closure, says NRK Vestland.", between an article's first
    paragraph and the rest)."""
    return (
        text.startswith("|")
        or (cls == NEAR and not f.terminal)
        or (cls == BAD and f.terminal and f.words >= NAMED_SENTENCE_MIN_WORDS)
    )


def max_segment(values: list[float]) -> tuple[int, int]:
    """Bounds of the contiguous run with the greatest positive sum; (-1, -1) if none is positive."""
    best, best_first, best_last = 0.0, -1, -1
    total, first = 0.0, 0
    for position, value in enumerate(values):
        if total <= 0:
            total, first = 0.0, position
        total += value
        if total > best:
            best, best_first, best_last = total, first, position
    return best_first, best_last


#: words; the bounds of the size classes of lines (up to 3 words, 8, 20, more) in a line's shape.
SHAPE_SIZES = (3, 8, 20)


def document_context(
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    removed: list[bool],
    legal_prose: list[bool] | None = None,
    datelines: list[bool] | None = None,
    related_labels: list[bool] | None = None,
    ad_labels: list[bool] | None = None,
    entry_times: Collection[int] = (),
    signup_lines: list[bool] | None = None,
    passable: list[bool] | None = None,
) -> DocumentContext:
    """The context of the non-blank lines ``texts`` (stripped), in order.

    ``legal_prose`` marks the lines that sit between two legal notices that rules removed (see
    :func:`cleaner.decide.between_legal_notices`): they are neutral in the main-text sum, as the
    paragraphs of a site's legal footer read as prose and would otherwise outweigh a short article.
    ``datelines`` marks the lines that open with a news dateline (see
    :func:`~heuristics.datelines.is_dateline`): the main text starts at the first of them inside it,
    unless the lines above it read as the story's own paragraphs (see
    :func:`~heuristics.datelines.starts_story`), or at one just above it (see
    :func:`~heuristics.datelines.dateline_above`). ``related_labels`` marks the lines that a related
    rule removed as a box's label ("You'll also love", "Auch interessant"): a box inside the
    article, between its paragraphs, neither ends nor breaks the main text (see
    :func:`~heuristics.related_boxes.related_boxes`). ``ad_labels`` marks the lines that an ad rule
    removed as a label alone on its line ("Advertisement", "Anzeige"): they count neither way
    either, as ads sit between an article's paragraphs (a short last section below one, a subheading
    and a list, stays in the main text). ``entry_times`` holds the positions of a live blog's entry
    times (see :func:`~heuristics.liveblog.entry_times`): when the blog's entries run on past the
    main text's end, the main text runs on to the end of the last one (see
    :func:`_entries_after`). ``signup_lines`` marks the lines that newsletter rules removed: a
    sign-up box between two paragraphs, its kept name and blurb included, counts neither way (see
    :func:`~heuristics.related_boxes.bridged_signup_box`; ``passable`` marks the removed lines that
    may sit among the article's lines around it)."""
    words = [f.words for f in features]
    neutral = list(map(neutral_line, texts, classes, features))
    if legal_prose is not None:
        neutral = [a or b for a, b in zip(neutral, legal_prose)]
    boxes = related_boxes(features, classes, removed, related_labels) if related_labels is not None else []
    lists = introduced_lists(texts, features, classes, removed)
    if boxes:  # a teaser below a box's label heads no list of the article's
        in_box = [False] * len(texts)
        for label, stop in boxes:
            in_box[label + 1 : stop] = [True] * (stop - label - 1)
        lists = [(opener, end) for opener, end in lists if not in_box[opener]]
    # A list that the text introduces, its colon line or heading and its items, neither extends nor
    # breaks the main text: an article's list between its paragraphs is no edge of it.
    for opener, end in lists:
        for position in range(opener, end):
            if classes[position] in (SHORT, BAD):  # a ``near`` item counts as it does elsewhere
                neutral[position] = True
    data_run = frozenset(data_runs(texts, features, classes, removed))
    for position in data_run:
        neutral[position] = True
    values = list(map(line_value, classes, words, removed, neutral))
    for label, end in boxes:
        values[label:end] = [0.0] * (end - label)
    signups = signup_boxes(features, classes, removed, signup_lines) if signup_lines is not None else []
    for box in signups:
        end = bridged_signup_box(features, classes, removed, box, passable)
        if end >= 0:
            values[box[0] : end] = [0.0] * (end - box[0])
    if ad_labels is not None:
        for position, ad in enumerate(ad_labels):
            if ad:
                values[position] = 0.0
    first, last = max_segment(values)
    if first >= 0 and datelines is not None:
        dated = next((p for p in range(first, last + 1) if datelines[p]), -1)  # the first dateline only
        if dated > first and starts_story(classes, words, removed, first, dated, last):
            first = dated
        elif dated < 0 or dated > first:
            first = dateline_above(classes, features, removed, datelines, first)
    continued: list[int] = []
    if first >= 0:
        continued = numbered_continuation(LineView(texts, features, classes, removed, first, last))
        if continued:
            last = item_end(classes, features, removed, continued[-1])
        last = _entries_after(entry_times, classes, features, removed, first, last)
    prose_words = [count if cls in (GOOD, NEAR) else 0 for cls, count in zip(classes, words)]
    prose_before = list(accumulate(prose_words, initial=0))
    total = prose_before.pop()
    first_break_after = last_break_before = -1
    main_words = 0
    if first >= 0:
        breaks = [r or f.title for r, f in zip(removed, features)]
        first_break_after = next((p for p in range(last + 1, len(breaks)) if breaks[p]), -1)
        last_break_before = next((p for p in range(first - 1, -1, -1) if breaks[p]), -1)
        main_words = sum(words[first : last + 1])
    view = LineView(texts, features, classes, removed, first, last)
    listed, not_prose = listed_lines(view, continued, lists, data_run, related_labels)
    interview = frozenset(interview_lines(view)) if first >= 0 else frozenset()
    for position in interview:
        listed[position] = True
    return DocumentContext(
        first, last, prose_before, total, sum(words), main_words, first_break_after, last_break_before,
        _repeated(texts), _run_lengths(features), listed, data_run,
        tuple((label, end) for label, end in boxes if first < label and end <= last), interview,
        frozenset(not_prose), tuple(signups),
    )  # fmt: skip


#: kept lines; the farthest a live blog's entry time may sit from the main text's end, or from the
#: entry time before it, for the main text to run on to its entry (the "Link Copied!" and ad labels
#: between entries are mostly rule-removed; an entry has a headline and a paragraph or two).
ENTRY_MAX_GAP = 8


def _entries_after(
    entry_times: Collection[int],
    classes: list[str],
    features: list[LineFeatures],
    removed: list[bool],
    first: int,
    last: int,
) -> int:
    """The main text's last position once the entries of a live blog that run on past it are
    counted: when an entry time lies inside the main text, the end of the last entry (see
    :func:`~heuristics.lists.item_end`: its headline and paragraphs) of those whose times follow
    below the main text's end, each within ENTRY_MAX_GAP kept lines of the entry above (or of the
    end), else ``last``. The buttons and ad labels between
    a blog's entries cost the main-text sum more than a short entry brings, and would cut the last
    entries off. (Entries above the main text are left alone: moving its start up to a time stamp
    would move the headline search with it.)"""
    if not any(first <= position <= last for position in entry_times):
        return last  # the blog is not the article: a "Latest news" box of stamped teasers below it
    end = last
    for stamp in sorted(position for position in entry_times if position > last):
        if sum(1 for position in range(end + 1, stamp) if not removed[position]) > ENTRY_MAX_GAP:
            break
        end = item_end(classes, features, removed, stamp)
    return end


def _repeated(texts: list[str]) -> list[bool]:
    """Whether each text occurs on another line too."""
    if len(set(texts)) == len(texts):
        return [False] * len(texts)
    counts = Counter(texts)
    return [counts[text] > 1 for text in texts]


def _run_lengths(features: list[LineFeatures]) -> list[int]:
    """The length of the run of same-shaped neighbouring lines each line is in.

    Two lines have the same shape when they agree on sentence end, bullet, digit-heaviness and
    size class (see SHAPE_SIZES).
    """
    small, medium, large = SHAPE_SIZES
    shapes = [
        (f.terminal, f.bullet, f.digit_heavy, f.words > small, f.words > medium, f.words > large) for f in features
    ]
    run_length: list[int] = []
    for _, run in groupby(shapes):
        size = len(list(run))
        run_length += [size] * size
    return run_length
