"""Build the cleaned text and its removal trail from line decisions; replay a trail.

Whitespace policy (the only change ever made to kept text): a removed line takes its line
break with it, and so do the blank lines that follow it up to the next kept line, so the blank
gap *above* a removed block is what separates the kept text around it. A block that runs to the
end of the text also takes the blank lines above it, so the output ends right after the last
kept line's line break. A trim removes the end of one line (from the space before the matched
phrase to the end of the line), never its line break.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .decide import Decisions
from .errors import InputError
from .model import Removal
from .segment import Lines


def removals_for(lines: Lines, decisions: Decisions) -> list[Removal]:
    """The removals, sorted by position, that carry out ``decisions`` on ``lines``."""
    texts, starts, source, drop = lines.texts, lines.starts, lines.source, decisions.drop
    count = len(texts)
    removals: list[Removal] = []
    cursor = 0  # the line after the last block
    for index in sorted(drop):
        if index < cursor:
            continue  # in the block just taken
        block = []  # dropped line indexes of one block, blank lines allowed between them
        cursor = index
        while cursor < count and (cursor in drop or not texts[cursor].strip()):
            if cursor in drop:
                block.append(cursor)
            cursor += 1
        block_end = starts[cursor] if cursor < count else len(source)
        block_start = starts[block[0]]
        if cursor >= count:  # runs to the end: take the blank lines above too
            previous = block[0] - 1
            while previous >= 0 and (previous in drop or not texts[previous].strip()):
                previous -= 1
            block_start = lines.end(previous) + 1 if previous >= 0 else 0
            block_start = min(block_start, starts[block[0]])
        for position, line in enumerate(block):
            start = block_start if position == 0 else starts[line]
            end = starts[block[position + 1]] if position + 1 < len(block) else block_end
            removals.append(Removal(start, end, source[start:end], drop[line]))
    for line, (cut, evidence) in decisions.trim.items():
        if line in decisions.drop:
            continue
        text = texts[line]
        stop = len(text) - 1 if text.endswith("\r") else len(text)
        if cut < stop:
            start, end = starts[line] + cut, starts[line] + stop
            removals.append(Removal(start, end, source[start:end], evidence))
    removals.sort(key=lambda r: r.start)
    return removals


def apply_removals(text: str, removals: Iterable[Removal | Mapping[str, Any]]) -> str:
    """Replay a removal trail on ``text``: the same result that produced the trail.

    A removal is a :class:`~cleaner.model.Removal` or its ``to_dict()`` form (what the command
    line's ``--explain`` writes): a mapping with ``start``, ``end`` and ``text``. Raises
    :class:`~cleaner.errors.InputError` if a removal is neither, or does not fit ``text`` (wrong
    document, or overlapping removals).
    """
    pieces = []
    position = 0
    for start, end, removed in sorted(map(_span, removals)):
        if start < position or end < start or text[start:end] != removed:
            raise InputError(
                f"removal at {start}:{end} does not match this text "
                "(was the trail made from another input, or edited?)"
            )
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _span(removal: Removal | Mapping[str, Any]) -> tuple[int, int, str]:
    """``(start, end, text)`` of a removal, or InputError for anything else."""
    if isinstance(removal, Removal):
        return removal.start, removal.end, removal.text
    if isinstance(removal, Mapping):
        start, end, text = removal.get("start"), removal.get("end"), removal.get("text")
        if type(start) is int and type(end) is int and isinstance(text, str):
            return start, end, text
    raise InputError(
        f"a removal is a Removal or a mapping with int 'start' and 'end' and str 'text', not {removal!r:.60}"
    )
