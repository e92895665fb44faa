"""Turn rule matches and line classes into removal decisions, with context.

Pass 1 (rules): a decisive rule match (weight 1) removes its line, or trims its tail.
Pass 2 (heuristics, default profile): the main text is the contiguous run of lines with the
greatest prose mass (a maximum-sum segment over per-line values); lines outside it that do not
read as prose go, as do label-shaped lines that a weak rule also flags.
Pass 3 (context, every profile): a short line wedged between two removed lines goes too.

Every decision carries an :class:`~cleaner.model.Evidence`; nothing is removed without one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .config import CleanerConfig
from .heuristics.classes import BAD, GOOD, NEAR, SHORT, is_title_shaped
from .heuristics.features import LineFeatures
from .model import Evidence
from .rules.matcher import RuleMatch

#: words; the longest line that context alone (wedged between removed lines) may remove.
WEDGED_MAX_WORDS = 12
#: value per word of a ``near`` line in the main-region sum, relative to a ``good`` line's 1.
NEAR_WORD_VALUE = 0.5
#: fixed cost of a ``short`` line in the main-region sum, in words.
SHORT_LINE_COST = 2.0
#: fixed cost of a ``bad`` line in the main-region sum, in words, on top of its word count.
BAD_LINE_COST = 3.0
#: non-blank lines; the document's own headline may sit this far above the main text and stay.
HEADLINE_MAX_GAP = 2


@dataclass
class Decisions:
    """Per-line outcome: ``drop[i]`` removes line i, ``trim[i] = (cut, evidence)`` cuts its tail."""

    drop: dict[int, Evidence] = field(default_factory=dict)
    trim: dict[int, tuple[int, Evidence]] = field(default_factory=dict)


def rule_evidence(match: RuleMatch) -> Evidence:
    rule = match.rule
    return Evidence("rule", rule.id, rule.category, rule.weight, rule.reason)


def decide(
    nonblank: list[int],
    features: dict[int, LineFeatures],
    classes: dict[int, str],
    matches: list[RuleMatch],
    config: CleanerConfig,
) -> Decisions:
    """Decide which of the ``nonblank`` line indexes to drop or trim."""
    out = Decisions()
    weak: dict[int, RuleMatch] = {}
    for match in matches:
        rule = match.rule
        if config.disables(rule.id, rule.category):
            continue
        if rule.weight < 1.0:
            weak.setdefault(match.line, match)
        elif match.trim_from is None:
            out.drop.setdefault(match.line, rule_evidence(match))
            out.trim.pop(match.line, None)
        elif match.line not in out.drop:
            old = out.trim.get(match.line)
            if old is None or match.trim_from < old[0]:
                out.trim[match.line] = (match.trim_from, rule_evidence(match))

    if config.profile == "default" and nonblank:
        _main_region(nonblank, features, classes, weak, out, config)
    if not config.disables("wedged"):
        _wedged(nonblank, features, classes, out)
    return out


def _main_region(
    nonblank: list[int],
    features: dict[int, LineFeatures],
    classes: dict[int, str],
    weak: dict[int, RuleMatch],
    out: Decisions,
    config: CleanerConfig,
) -> None:
    values = []
    for index in nonblank:
        cls = classes[index]
        words = features[index].words
        if index in out.drop:
            values.append(-BAD_LINE_COST - words)
        elif cls == GOOD:
            values.append(float(words))
        elif cls == NEAR:
            values.append(NEAR_WORD_VALUE * words)
        elif cls == SHORT:
            values.append(-SHORT_LINE_COST)
        else:
            values.append(-BAD_LINE_COST - words)
    first, last = _max_segment(values)
    if first < 0:
        return
    headline = None
    for position in range(max(0, first - HEADLINE_MAX_GAP - 1), first):
        if is_title_shaped(features[nonblank[position]]):
            headline = position
            break
    use_region = not config.disables("main-region")
    for position, index in enumerate(nonblank):
        if index in out.drop:
            continue
        cls = classes[index]
        inside = first <= position <= last
        if not inside and use_region and cls != GOOD and position != headline:
            side = "before" if position < first else "after"
            out.drop[index] = Evidence(
                "heuristic", "main-region", "low-content", 0.8,
                f"{cls} line {side} the main text",
            )  # fmt: skip
        elif index in weak and cls in (BAD, SHORT) and not config.disables("weak-rule-label"):
            match = weak[index]
            out.drop[index] = Evidence(
                "heuristic", "weak-rule-label", match.rule.category, match.rule.weight,
                f"label-shaped line that rule {match.rule.id} flags: {match.rule.reason}",
            )  # fmt: skip


def _max_segment(values: list[float]) -> tuple[int, int]:
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


def _wedged(
    nonblank: list[int], features: dict[int, LineFeatures], classes: dict[int, str], out: Decisions
) -> None:
    for position in range(1, len(nonblank) - 1):
        index = nonblank[position]
        if index in out.drop or features[index].words > WEDGED_MAX_WORDS or classes[index] == GOOD:
            continue
        above, below = nonblank[position - 1], nonblank[position + 1]
        if above in out.drop and below in out.drop:
            out.drop[index] = Evidence(
                "context", "wedged", out.drop[above].category, 0.7, "short line between two removed lines"
            )
            out.trim.pop(index, None)
