"""The records cleaner produces: evidence, removals and the cleaned text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a span was judged boilerplate.

    ``source`` is ``"rule"``, ``"heuristic"``, ``"context"`` or ``"markup"``; ``name`` is the
    rule id (``en.ads.label``) or the signal name (``line-score``, ``wedged``, ``tail-block``,
    ``restated``); ``score`` is the boilerplate score in [0, 1] that the signal gave.
    """

    source: str
    name: str
    category: str
    score: float
    reason: str

    @property
    def code(self) -> str:
        """The registered reason code, e.g. ``rule:en.ads.label`` or ``heuristic:line-score``."""
        return f"{self.source}:{self.name}"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "code": self.code}


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed span of the input: ``input[start:end] == text``."""

    start: int
    end: int
    text: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, **self.evidence.to_dict()}


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The cleaned text and the trail of removals that produced it from the input."""

    text: str
    removals: tuple[Removal, ...] = field(default_factory=tuple)
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "language": self.language,
            "removals": [removal.to_dict() for removal in self.removals],
        }
