"""The lines of a document as the structure detectors see them (:class:`LineView`)."""

from __future__ import annotations

from typing import NamedTuple

from .features import LineFeatures


class LineView(NamedTuple):
    """A document's non-blank lines in order, as the detectors of lists and boxes read them: their
    ``texts`` (stripped), ``features`` and ``classes`` (see :mod:`.classes`), whether the rules
    ``removed`` each, and the main text's ``first`` and ``last`` positions (-1 and -1 when there is
    none; see :func:`~heuristics.context.max_segment`)."""

    texts: list[str]
    features: list[LineFeatures]
    classes: list[str]
    removed: list[bool]
    first: int
    last: int
