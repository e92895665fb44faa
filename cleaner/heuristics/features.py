"""Per-line measurements that the heuristics score: length, words, stopword share, punctuation.

Everything is measured with C-level string operations (byte translations stand in for
per-character Python loops); nothing here decides anything. :func:`measure` runs on every
non-blank line; :func:`measure_shape` only on the lines the line model judges.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..letters import mark_re
from ..letters import words as words_in  # (the module has a "words" of its own)

_URL_RE = re.compile(r"https?://|www\.|\S@\S+\.\w")
# Scripts written without spaces between words: each of their characters counts as half a word.
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_DIGITS = b"0123456789"
_ASCII = bytes(range(128))
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LETTERS = _ASCII_UPPER + _ASCII_UPPER.lower()
_ASCII_WORD = _ASCII_LETTERS + _DIGITS + b"_"
# Byte sets to delete so that only the ASCII letters (upper-case letters) of a UTF-8 text remain.
_NOT_LETTERS = bytes(b for b in range(256) if b not in _ASCII_LETTERS)
_NOT_UPPER = bytes(b for b in range(256) if b not in _ASCII_UPPER)
# ASCII characters that are not word characters become spaces.
_SPACE_NON_WORD = bytes(b if b in _ASCII_WORD else 0x20 for b in range(256))
# ASCII characters by class: upper-case letters become "U", other letters "l", digits "9",
# "_" stays and the rest become spaces, so that a word starts wherever a space precedes a class.
_CHARACTER_CLASSES = bytes(
    ord("U") if b in _ASCII_UPPER else ord("l") if b in _ASCII_LETTERS else ord("9") if b in _DIGITS
    else b if b in _ASCII_WORD else 0x20
    for b in range(256)
)
# Bytes to delete so that only the lead bytes of UTF-8 sequences that may encode a character of
# _UNSPACED_RE remain (U+0800-U+0FFF and U+3000-U+DFFF): without them, no need for the regex.
_NOT_UNSPACED_LEADS = bytes(b for b in range(256) if not (b == 0xE0 or 0xE3 <= b <= 0xED))
#: a numbered list item's start ("1. ", "12) "), its number the group.
NUMBERED_RE = re.compile(r"\(?(\d{1,3})[.)]\s")

#: Characters that end a sentence: Latin, Greek (";", "\u037e"), CJK (full and half width),
#: Devanagari and Bengali (danda), Arabic and Urdu, Armenian, Ethiopic, Burmese and Tibetan stops,
#: and closing quotes and brackets after a full stop.
TERMINAL = tuple('.!?…"”’\')»。！？;\u037e．｡।॥؟۔։።፧။།')
#: German closing quotes: they end a sentence after sentence punctuation only („Für mich ist das
#: kein Strafstoß.“); a teaser's headline ends with a quote too (Merz zur Rente: „Wir haben einen
#: fairen Kompromiss gefunden“).
GERMAN_CLOSING_QUOTES = ("“", "‘")
#: Japanese closing quotes: the same, after 。！？ (「きょうから営業を始めます。」; a headline
#: ends with a quote too: 首相「増税はしない」).
JAPANESE_CLOSING_QUOTES = ("」", "』")
_QUOTED_SENTENCE_ENDS = ".!?…。！？"
_CONDITIONAL_CLOSING_QUOTES = GERMAN_CLOSING_QUOTES + JAPANESE_CLOSING_QUOTES
#: Characters that open a list item or table row.
BULLETS = tuple("-–—•*·|►▶>→✓✔")
#: words; a line with no sentence punctuation and at most this many words, mostly capitalised,
#: is shaped like a title or a label.
TITLE_MAX_WORDS = 20
#: share of capitalised words at or above which an unpunctuated line reads as a title.
TITLE_MIN_CAPITAL_SHARE = 0.5
#: the same share in a language that capitalises its nouns: half or two thirds of the words of a
#: German sentence or list item are capitalised ("Ein Anrufer gibt sich als Polizist, Staatsanwalt
#: oder Arzt aus": 5 of 10; "Sofort auflegen", "Bilder zum Spiel"), of a label most or all
#: ("Weitere Artikel", "Verwendete Quellen"). Set on the German layout documents over 0.55, 0.6,
#: 0.67 and 0.75 (0.67 and 0.75 alike).
NOUN_CAPITALS_TITLE_SHARE = 0.67
#: languages that capitalise their nouns.
NOUN_CAPITALISING = frozenset({"de"})
#: characters; what one character of a script written without spaces (Chinese, Japanese, Korean,
#: Thai) counts for in a line's length: it carries about as much as a short word of a spaced
#: script with its space (the same idea as counting it as half a word).
UNSPACED_CHAR_WEIGHT = 2.5
#: share of digits above which a line counts as digit-heavy (scores, dates, tables).
DIGIT_HEAVY_SHARE = 0.1


class LineFeatures(NamedTuple):
    """What every line is measured for (the line classes and the main-text search need these)."""

    chars: int  # characters, surrounding whitespace excluded (unspaced scripts: UNSPACED_CHAR_WEIGHT each)
    words: int  # words (runs of \w and combining marks; unspaced scripts: half a word per character)
    stop_share: float | None  # stopwords / words; None when the language has no stoplist
    terminal: bool  # ends with sentence punctuation
    bullet: bool  # starts like a list item or a table row ("- ", "• ", "| ", "1. ", "2) ")
    digit_heavy: bool  # digits are more than DIGIT_HEAVY_SHARE of ``chars`` (the weighted length)
    title: bool  # no sentence punctuation, few words, mostly capitalised: a heading, label or teaser
    linked: bool = False  # mostly link text (a Markdown line; see :func:`cleaner.markdown.link_heavy`)
    heading: int = 0  # a Markdown heading's level ("# ..." 1, "## ..." 2), else 0


class ShapeFeatures(NamedTuple):
    """Measured only for the lines the line model judges."""

    capital_share: float  # words that start with a capital letter / words that start with a letter
    has_url: bool  # a URL or an e-mail address
    colon_end: bool  # ends with a colon: introduces what follows
    digit_share: float  # digits / characters
    upper_share: float  # upper-case letters / letters (1.0 for an all-caps line)


def _utf8(text: str) -> bytes:
    """``text`` in UTF-8 (lone surrogates, which scraped JSON can carry, are fine)."""
    return text.encode("utf-8", "surrogatepass")


def count_digits(text: str) -> int:
    """ASCII digits in ``text``."""
    return _count_digits(_utf8(text))


def _count_digits(data: bytes) -> int:
    return len(data) - len(data.translate(None, _DIGITS))


def count_letters(text: str) -> tuple[int, int]:
    """Letters (``str.isalpha``) and upper-case letters (``str.isupper``) in ``text``."""
    return _count_letters(text, _utf8(text))


def _count_letters(text: str, data: bytes) -> tuple[int, int]:
    """:func:`count_letters` of ``text``, ``data`` its UTF-8 form."""
    letters = len(data.translate(None, _NOT_LETTERS))
    upper = len(data.translate(None, _NOT_UPPER))
    if not text.isascii():
        others = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        letters += sum(map(str.isalpha, others))
        upper += sum(map(str.isupper, others))
    return letters, upper


def words_of(text: str) -> list[str]:
    """The words of ``text``: runs of ``\\w`` and combining marks (see :mod:`cleaner.letters`).

    Unless a non-ASCII character of the text is a word character (a letter, a digit or a mark),
    the text is split where its non-word characters, turned into spaces, are: a C-level split
    instead of the regex engine.
    """
    if not text.isascii():
        others = _utf8(text).translate(None, _ASCII).decode("utf-8", "surrogatepass")
        if any(map(str.isalnum, others)) or mark_re().search(others):
            return words_in(text)
    # Non-ASCII characters, none of them a word character here, become "?", then spaces.
    return text.encode("ascii", "replace").translate(_SPACE_NON_WORD).decode("ascii").split()


def sentence_cased(text: str) -> bool:
    """Whether at most half of a line's words after the first are capitalised, and there is one
    at least (words open with a letter: "-" and "&" are none): "Other business", "Symptoms
    include:", "So schützen Sie sich bei Unwetter" (German capitalises its nouns), not "Read
    More", "Related Articles", a name ("Brigit Katz", "Smith & Wesson") or a fixture ("Tottenham
    - Arsenal"). (The ``title`` shape of :class:`LineFeatures` counts the first word too, so it
    takes most two-word lines for titles.)"""
    rest = [word for word in text.split()[1:] if word[:1].isalpha()]
    return bool(rest) and 2 * sum(1 for word in rest if word[:1].isupper()) <= len(rest)


def measure(
    text: str, words: list[str], stoplist: frozenset[str] | None, title_share: float = TITLE_MIN_CAPITAL_SHARE
) -> LineFeatures:
    """Measure one line: ``text`` stripped and not empty, ``words`` the tokens of its lower-case
    form (:func:`words_of`); ``title_share`` is the share of capitalised words from which a line
    reads as a title (see NOUN_CAPITALS_TITLE_SHARE)."""
    count = len(words)
    chars = len(text)
    if text.isascii():  # digits and capitals from one translation
        classes = _ascii_classes(text)
        digits = classes.count(b"9")
    else:
        classes = None
        data = _utf8(text)
        digits = _count_digits(data)
        unspaced = len(_UNSPACED_RE.findall(text)) if data.translate(None, _NOT_UNSPACED_LEADS) else 0
        if unspaced:
            count = max(count, count + unspaced // 2 - sum(1 for w in words if _UNSPACED_RE.match(w)))
            chars += round((UNSPACED_CHAR_WEIGHT - 1) * unspaced)
    stop_share = None
    if stoplist and count:
        stop_share = sum(map(stoplist.__contains__, words)) / count
    terminal = text.endswith(TERMINAL) or (
        text.endswith(_CONDITIONAL_CLOSING_QUOTES) and len(text) > 1 and text[-2] in _QUOTED_SENTENCE_ENDS
    )
    title = (
        not terminal
        and 0 < count <= TITLE_MAX_WORDS
        and (capital_share(text) if classes is None else _capital_share_of(classes)) >= title_share
    )
    return LineFeatures(  # by position, in the order of the fields: quicker than by keyword
        chars,
        count,
        stop_share,
        terminal,
        text.startswith(BULLETS) or (text[0].isdigit() and NUMBERED_RE.match(text) is not None),
        digits > DIGIT_HEAVY_SHARE * chars,  # (of the weighted length: a digit is worth less among CJK)
        title,
    )


def capital_share(text: str) -> float:
    """Words that start with a capital letter, over words that start with a letter."""
    if text.isascii():
        return _capital_share_of(_ascii_classes(text))
    letters, upper = count_letters("".join([word[0] for word in words_in(text)]))
    return upper / letters if letters else 0.0


def _ascii_classes(text: str) -> bytes:
    """The class of each character of ASCII ``text`` (see _CHARACTER_CLASSES), after a space."""
    return (" " + text).encode("ascii").translate(_CHARACTER_CLASSES)


def _capital_share_of(classes: bytes) -> float:
    """:func:`capital_share` from the :func:`_ascii_classes` of a text."""
    upper = classes.count(b" U")
    letters = upper + classes.count(b" l")
    return upper / letters if letters else 0.0


def has_url(text: str) -> bool:
    """Whether ``text`` holds a URL or an e-mail address."""
    # Each alternative of _URL_RE needs one of these substrings; they are cheaper to look for.
    return ("//" in text or "www." in text or "@" in text) and _URL_RE.search(text) is not None


def measure_shape(text: str) -> ShapeFeatures:
    """The extra measurements of one line (``text`` stripped, not empty)."""
    if text.isascii():  # every count from one translation
        classes = _ascii_classes(text)
        upper = classes.count(b"U")
        letters = upper + classes.count(b"l")
        digits = classes.count(b"9")
        capital = _capital_share_of(classes)
    else:
        data = _utf8(text)
        letters, upper = _count_letters(text, data)
        digits = _count_digits(data)
        capital = capital_share(text)
    return ShapeFeatures(  # by position, in the order of the fields: quicker than by keyword
        capital,
        has_url(text),
        text.endswith(":"),
        digits / len(text),
        upper / letters if letters else 0.0,
    )
