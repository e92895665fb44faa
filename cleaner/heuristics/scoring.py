"""The line score: a logistic model over named line and context features.

Each feature is a plain measurement (see :data:`FEATURES`); its weight comes from
``line_model.json`` (package data), fitted by ``benchmarks/train_line_model.py`` on the labelled
lines of the development set. The score of a line is the probability that it is boilerplate;
the explanation of a removal names the features that pushed the score up the most.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, reduce
from importlib import resources
from operator import add, mul

from .classes import GOOD, NEAR, SHORT
from .context import DocumentContext
from .features import LineFeatures, ShapeFeatures

#: Feature name -> a short phrase for explanations ("why this line scored high").
FEATURES = {
    "words_log": "word count (log)",
    "stop_share": "stopword share",
    "stop_unknown": "no stoplist for the language",
    "terminal": "ends a sentence",
    "colon_end": "ends with a colon",
    "title_shaped": "shaped like a title or label",
    "capital_share": "capitalised words",
    "upper_share": "upper-case letters",
    "digit_share": "digits",
    "has_url": "URL or e-mail address",
    "bullet": "starts like a list item",
    "very_short": "three words or fewer",
    "class_good": "reads as prose",
    "class_near": "reads almost as prose",
    "class_short": "short line",
    "before_main": "before the main text",
    "after_main": "after the main text",
    "gap_log": "distance from the main text (log lines)",
    "prose_before_share": "share of the prose above it",
    "prose_after_share": "share of the prose below it",
    "prev_removed": "line above removed by a rule",
    "next_removed": "line below removed by a rule",
    "prev_prose": "line above is prose",
    "next_prose": "line below is prose",
    "repeated": "repeated in the document",
    "run_log": "in a run of same-shaped lines (log)",
    "weak_rule": "flagged by a weak rule",
    "after_terminator": "after a label that ends the article",
    "title_outside": "title-shaped, outside the main text",
    "short_outside": "short, outside the main text",
    "doc_prose_share": "share of the document's words in prose lines",
    "doc_main_share": "share of the document's words inside the main text",
    "outside_in_clean_doc": "outside the main text of a document that is mostly main text",
    "short_in_clean_doc": "short line in a document that is mostly main text",
    "boundary_after_main": "after the main text, past a label or heading",
    "boundary_before_main": "before the main text, above a label or heading",
    "first_line": "first line of the document",
    "last_line": "last line of the document",
}


#: Feature names in vector order.
NAMES = tuple(FEATURES)


#: How many of :data:`NAMES`, from the first, depend on the line alone (its measurements and
#: class); the others, from ``before_main`` on, depend on the line's context, which changes from
#: pass to pass.
LOCAL_COUNT = NAMES.index("before_main")
#: Below this logit (bias plus the weighted sum) the logistic score is taken as 0 (exp would only
#: underflow towards it).
MIN_SUM = -40


def weighted_sum(weights: tuple[float, ...], values: tuple[float, ...]) -> float:
    """``sum(w * v)``, added strictly left to right (``sum()`` of floats compensates rounding
    from Python 3.12 on, which would make the two-step score of :class:`LineModel` differ)."""
    return reduce(add, map(mul, weights, values), 0.0)


@dataclass(frozen=True, slots=True)
class LineModel:
    """Logistic weights over :data:`NAMES` (a vector is a tuple in that order).

    A score can be computed in two steps, :meth:`local_sum` once per line then with a
    :meth:`context_scorer` per pass, without building the vector; the terms are added in the
    same order as :meth:`score` adds them, so both give the same float.
    """

    weights: tuple[float, ...]
    bias: float

    @classmethod
    def from_mapping(cls, weights: dict[str, float], bias: float) -> LineModel:
        unknown = set(weights) - set(NAMES)
        if unknown:
            raise ValueError(f"unknown line-model features {sorted(unknown)}")
        return cls(tuple(float(weights.get(name, 0.0)) for name in NAMES), float(bias))

    def score(self, vector: tuple[float, ...]) -> float:
        return self._probability(weighted_sum(self.weights, vector))

    def local_sum(self, values: tuple[float, ...]) -> float:
        """The weighted sum of the line-local values (see :func:`local_values`)."""
        return weighted_sum(self.weights, values)

    def context_scorer(
        self,
        features: list[LineFeatures],
        classes: list[str],
        context: DocumentContext,
        removed: list[bool],
        weak: list[bool],
        terminator: int,
    ) -> Callable[[float, int], float]:
        """A function of a line's :meth:`local_sum` and position that gives the line's score,
        ``score(local_values(...) + context_values(...))``, without building the vector.

        The terms of :func:`context_values` are added in the same order; a zero term is skipped
        (adding it changes nothing), a term of value 1 is its weight, and the terms that are
        the same for every line are multiplied out once.
        """
        (
            before_main, after_main, gap_log, prose_before_share, prose_after_share, prev_removed, next_removed,
            prev_prose, next_prose, repeated, run_log, weak_rule, after_terminator, title_outside, short_outside,
            doc_prose_share, doc_main_share, outside_in_clean_doc, short_in_clean_doc, boundary_after_main,
            boundary_before_main, first_line, last_line,
        ) = self.weights[LOCAL_COUNT:]  # fmt: skip
        last = len(features) - 1
        first_main, last_main = context.first, context.last
        has_main = first_main >= 0
        prose = [cls in (GOOD, NEAR) for cls in classes]
        prose_before, repeated_line, run_length = context.prose_before, context.repeated, context.run_length
        prose_total = context.prose_total
        total = prose_total or 1
        words_total = context.words_total or 1
        main_share = context.main_words / words_total
        doc_prose_term = doc_prose_share * (prose_total / words_total)
        doc_main_term = doc_main_share * main_share
        outside_term = outside_in_clean_doc * main_share
        short_term = short_in_clean_doc * main_share
        first_break_after, last_break_before = context.first_break_after, context.last_break_before
        probability = self._probability

        def score(local_sum: float, position: int) -> float:
            f = features[position]
            before = position < first_main
            after = has_main and position > last_main
            short = f.words <= 3
            weighted = local_sum
            if before:
                weighted += before_main
                weighted += gap_log * math.log1p(first_main - position)
            elif after:
                weighted += after_main
                weighted += gap_log * math.log1p(position - last_main)
            above = prose_before[position]
            weighted += prose_before_share * (above / total)
            own = f.words if prose[position] else 0
            weighted += prose_after_share * ((prose_total - above - own) / total)
            if position > 0 and removed[position - 1]:
                weighted += prev_removed
            if position < last and removed[position + 1]:
                weighted += next_removed
            if position > 0 and prose[position - 1]:
                weighted += prev_prose
            if position < last and prose[position + 1]:
                weighted += next_prose
            if repeated_line[position]:
                weighted += repeated
            weighted += run_log * math.log1p(run_length[position] - 1)
            if weak[position]:
                weighted += weak_rule
            if 0 <= terminator < position:
                weighted += after_terminator
            if f.title and (before or after):
                weighted += title_outside
            if short and (before or after):
                weighted += short_outside
            weighted += doc_prose_term
            weighted += doc_main_term
            if before or after:
                weighted += outside_term
            if short:
                weighted += short_term
            if after and 0 <= first_break_after <= position:
                weighted += boundary_after_main
            if before and position <= last_break_before:
                weighted += boundary_before_main
            if position == 0:
                weighted += first_line
            if position == last:
                weighted += last_line
            return probability(weighted)

        return score

    def _probability(self, weighted_sum: float) -> float:
        z = self.bias + weighted_sum
        return 1.0 / (1.0 + math.exp(-z)) if z > MIN_SUM else 0.0

    def top_reasons(self, vector: tuple[float, ...], count: int = 3) -> list[str]:
        """The features that pushed the score up the most, as phrases."""
        pushes = [(push, name) for push, name in zip(map(mul, self.weights, vector), NAMES) if push > 0]
        pushes.sort(reverse=True)
        return [FEATURES[name] for push, name in pushes[:count]]


@cache
def line_model() -> LineModel:
    """The model shipped with the package."""
    data = json.loads((resources.files(__package__) / "line_model.json").read_text(encoding="utf-8"))
    return LineModel.from_mapping(data["weights"], data["bias"])


def local_values(f: LineFeatures, shape: ShapeFeatures, cls: str) -> tuple[float, ...]:
    """The first :data:`LOCAL_COUNT` feature values of a line: those of the line alone.

    A line's vector is ``local_values(...) + context_values(...)``.
    """
    # In the order of NAMES (tests/test_heuristics.py checks the names and their order).
    return (
        math.log1p(f.words),  # words_log
        f.stop_share or 0.0,  # stop_share
        float(f.stop_share is None),  # stop_unknown
        float(f.terminal),  # terminal
        float(shape.colon_end),  # colon_end
        float(f.title),  # title_shaped
        shape.capital_share,  # capital_share
        shape.upper_share,  # upper_share
        shape.digit_share,  # digit_share
        float(shape.has_url),  # has_url
        float(f.bullet),  # bullet
        float(f.words <= 3),  # very_short
        float(cls == GOOD),  # class_good
        float(cls == NEAR),  # class_near
        float(cls == SHORT),  # class_short
    )


def context_values(
    position: int,
    features: list[LineFeatures],
    classes: list[str],
    context: DocumentContext,
    removed: list[bool],
    weak: list[bool],
    terminator: int,
) -> tuple[float, ...]:
    """The feature values of the line at ``position`` that come after :data:`LOCAL_COUNT` in NAMES."""
    f = features[position]
    cls = classes[position]
    count = len(features)
    before = context.first >= 0 and position < context.first
    after = context.first >= 0 and position > context.last
    gap = context.first - position if before else position - context.last if after else 0
    total = context.prose_total or 1
    prose_before = context.prose_before[position]
    own = f.words if cls in (GOOD, NEAR) else 0
    title = f.title
    short = f.words <= 3
    # In the order of NAMES (tests/test_heuristics.py checks the names and their order).
    return (
        float(before),  # before_main
        float(after),  # after_main
        math.log1p(gap),  # gap_log
        prose_before / total,  # prose_before_share
        (context.prose_total - prose_before - own) / total,  # prose_after_share
        float(position > 0 and removed[position - 1]),  # prev_removed
        float(position + 1 < count and removed[position + 1]),  # next_removed
        float(position > 0 and classes[position - 1] in (GOOD, NEAR)),  # prev_prose
        float(position + 1 < count and classes[position + 1] in (GOOD, NEAR)),  # next_prose
        float(context.repeated[position]),  # repeated
        math.log1p(context.run_length[position] - 1),  # run_log
        float(weak[position]),  # weak_rule
        float(0 <= terminator < position),  # after_terminator
        float(title and (before or after)),  # title_outside
        float(short and (before or after)),  # short_outside
        context.prose_total / (context.words_total or 1),  # doc_prose_share
        context.main_words / (context.words_total or 1),  # doc_main_share
        float(before or after) * context.main_words / (context.words_total or 1),  # outside_in_clean_doc
        float(short) * context.main_words / (context.words_total or 1),  # short_in_clean_doc
        float(after and 0 <= context.first_break_after <= position),  # boundary_after_main
        float(before and position <= context.last_break_before),  # boundary_before_main
        float(position == 0),  # first_line
        float(position == count - 1),  # last_line
    )
