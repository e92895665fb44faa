"""Per-line measurements that the heuristics score: length, words, stopword share, punctuation, case.

All are cheap C-level string operations; nothing here decides anything.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_WORD_RE = re.compile(r"\w+")
_URL_RE = re.compile(r"https?://|www\.|\S@\S+\.\w")

#: Characters that end a sentence (Latin, CJK and closing quotes/brackets after a full stop).
TERMINAL = tuple('.!?…"”’\')»。！？;')


class LineFeatures(NamedTuple):
    chars: int  # characters, surrounding whitespace excluded
    words: int  # \w+ tokens
    stop_share: float | None  # stopwords / words; None when the language has no stoplist
    terminal: bool  # ends with sentence punctuation
    capital_share: float  # alphabetic words that start with a capital / alphabetic words
    has_url: bool  # a URL or an e-mail address


def measure(text: str, stoplist: frozenset[str] | None) -> LineFeatures:
    """Measure one line (``text`` already stripped)."""
    words = _WORD_RE.findall(text)
    count = len(words)
    stop_share = None
    if stoplist and count:
        stop_share = sum(map(stoplist.__contains__, " ".join(words).lower().split())) / count
    alphabetic = [w for w in words if w[0].isalpha()]
    capitals = sum(1 for w in alphabetic if w[0].isupper())
    return LineFeatures(
        chars=len(text),
        words=count,
        stop_share=stop_share,
        terminal=text.endswith(TERMINAL),
        capital_share=capitals / len(alphabetic) if alphabetic else 0.0,
        has_url=_URL_RE.search(text) is not None,
    )
