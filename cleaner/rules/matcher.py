"""Find every rule pattern in a document in one pass.

Two engines give identical results: Hyperscan (one automaton for all patterns, the fast path,
used when the ``hyperscan`` wheel is installed) and Python's ``re`` (the fallback). Both work on
the lower-cased lines joined with ``\\n``; patterns never match across a line break.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from .schema import Rule

try:  # pragma: no cover - exercised by whichever engine the platform has
    import hyperscan as _hs
except ImportError:  # pragma: no cover
    _hs = None


class Hit(NamedTuple):
    """A pattern occurrence: rule index, line index, and character span within that line."""

    rule: int
    line: int
    start: int
    end: int


def _engine_default() -> str:
    return "hyperscan" if _hs is not None else "re"


class Matcher:
    """Compiled patterns of a list of rules; :meth:`scan` finds them in a document's lines."""

    def __init__(self, rules: Sequence[Rule], engine: str | None = None):
        self.rules = list(rules)
        self.engine = engine or _engine_default()
        self._pattern_rule: list[int] = []
        sources: list[str] = []
        for index, rule in enumerate(self.rules):
            for pattern in rule.patterns():
                sources.append(pattern)
                self._pattern_rule.append(index)
        self._sources = sources
        if not sources:
            self.engine = "none"
        elif self.engine == "hyperscan":
            if _hs is None:
                raise ImportError("the hyperscan engine needs the 'hyperscan' package: pip install hyperscan")
            self._db = _hs.Database(mode=_hs.HS_MODE_BLOCK)
            flags = _hs.HS_FLAG_SOM_LEFTMOST | _hs.HS_FLAG_UTF8
            self._db.compile(
                expressions=[s.encode("utf-8") for s in sources],
                ids=list(range(len(sources))),
                elements=len(sources),
                flags=[flags] * len(sources),
            )
        elif self.engine == "re":
            self._compiled = [re.compile(s) for s in sources]
        else:
            raise ValueError(f"unknown matcher engine {self.engine!r}; use 'hyperscan' or 're'")

    def scan(self, lines: Sequence[str]) -> list[Hit]:
        """Occurrences in ``lines`` (already lower-cased), sorted by line then position."""
        if self.engine == "none" or not lines:
            return []
        text = "\n".join(lines)
        raw: list[tuple[int, int, int]] = []  # (pattern, start, end) in the engine's offsets
        if self.engine == "hyperscan":
            data = text.encode("utf-8")

            def on_match(pattern: int, start: int, end: int, flags: int, context: object) -> None:
                raw.append((pattern, start, end))

            self._db.scan(data, match_event_handler=on_match)
            if not raw:
                return []
            if len(data) != len(text):  # non-ASCII: map UTF-8 byte offsets to characters
                raw = _bytes_to_chars(data, raw)
        else:
            for pattern, compiled in enumerate(self._compiled):
                raw.extend((pattern, m.start(), m.end()) for m in compiled.finditer(text))
            if not raw:
                return []
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        hits = set()
        for pattern, start, end in raw:
            line = bisect_right(starts, start) - 1
            offset = starts[line]
            if end - offset > len(lines[line]):  # crosses a line break
                continue
            hits.add(Hit(self._pattern_rule[pattern], line, start - offset, end - offset))
        return sorted(hits, key=lambda h: (h.line, h.start, h.rule, h.end))


def _bytes_to_chars(data: bytes, raw: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    offsets = sorted({o for _, s, e in raw for o in (s, e)})
    mapping = {}
    position = 0
    chars = 0
    for offset in offsets:
        chars += len(data[position:offset].decode("utf-8", errors="replace"))
        position = offset
        mapping[offset] = chars
    return [(p, mapping[s], mapping[e]) for p, s, e in raw]


class RuleMatch(NamedTuple):
    """A rule that applies to a line: the whole line (``trim_from is None``) or its tail from ``trim_from``."""

    rule: Rule
    line: int
    trim_from: int | None


def _has_alnum(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def apply_modes(rules: Sequence[Rule], hits: Sequence[Hit], lines: Sequence[str]) -> list[RuleMatch]:
    """Keep the hits whose rule applies to its line (mode, word boundaries, length guard).

    At most one match per (rule, line); a whole-line match wins over a trim of the same line.
    """
    found: dict[tuple[int, int], RuleMatch] = {}
    for hit in hits:
        rule = rules[hit.rule]
        line = lines[hit.line]
        start, end = hit.start, hit.end
        if start > 0 and line[start].isalnum() and line[start - 1].isalnum():
            continue
        if end < len(line) and line[end - 1].isalnum() and line[end].isalnum():
            continue
        before = line[:start]
        lead_clear = not _has_alnum(before)
        mode = rule.mode
        if mode == "line":
            ok = lead_clear and not _has_alnum(line[end:]) and len(line.strip()) <= rule.max_chars
            match = RuleMatch(rule, hit.line, None) if ok else None
        elif mode in ("start", "contains"):
            ok = (lead_clear or mode == "contains") and len(line.strip()) <= rule.max_chars
            match = RuleMatch(rule, hit.line, None) if ok else None
        else:  # trim
            if len(line.rstrip()) - start > rule.max_chars:
                match = None
            elif lead_clear:
                match = RuleMatch(rule, hit.line, None)
            else:
                cut = len(before.rstrip())
                match = RuleMatch(rule, hit.line, cut)
        if match is None:
            continue
        key = (hit.rule, hit.line)
        old = found.get(key)
        if old is None or (old.trim_from is not None and (match.trim_from is None or match.trim_from < old.trim_from)):
            found[key] = match
    return sorted(found.values(), key=lambda m: (m.line, m.trim_from is not None, m.rule.id))
