"""What a word is made of: letters and digits (Python's ``\\w``) and the combining marks written
with them.

Python's ``\\w`` leaves combining marks out: the vowel signs and viramas of Devanagari, Bengali,
Tamil or Thai ("मुश्ताक" holds three), Arabic's short vowels, the accents of decomposed Latin text
("e" and U+0301). Without them a Hindi word falls apart at each mark ("मुश्ताक" reads as four
words, a 13-word headline as 28) and a rule's phrase matches inside a longer word ("शेयर" in
"शेयरों"). The marks are found once, on first use, from the Unicode database of the running
Python (those of the Basic Multilingual Plane: some 10 ms).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_MARK_CATEGORIES = frozenset({"Mn", "Mc", "Me"})
#: the first code point that may be a combining mark (U+0300 opens the combining diacritics)
_FIRST_MARK = 0x300


@cache
def marks() -> str:
    """The combining marks of the Basic Multilingual Plane (Unicode categories Mn, Mc, Me), as
    the inside of a regex character class ("\\u0300-\\u036f..."); they are no ``\\w``."""
    ranges: list[str] = []
    start = -1
    for code in range(_FIRST_MARK, 0x10001):
        mark = code < 0x10000 and unicodedata.category(chr(code)) in _MARK_CATEGORIES
        if mark and start < 0:
            start = code
        elif not mark and start >= 0:
            last = code - 1
            ranges.append(f"\\u{start:04x}" if start == last else f"\\u{start:04x}-\\u{last:04x}")
            start = -1
    return "".join(ranges)


@cache
def word_re() -> re.Pattern[str]:
    """A word: a letter, digit or underscore, then more of them and combining marks (a mark
    after no letter, an emoji's variation selector, makes no word)."""
    return re.compile(rf"\w[\w{marks()}]*")


@cache
def mark_re() -> re.Pattern[str]:
    """A combining mark."""
    return re.compile(f"[{marks()}]")


def words(text: str) -> list[str]:
    """The words of ``text`` (see :func:`word_re`)."""
    return word_re().findall(text)
