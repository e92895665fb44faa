"""Stopword lists (jusText's, read as data) and document language detection by stopword coverage.

The lists ship with the ``justext`` package. They are read straight from its folder, without
importing ``justext`` (which would pull in lxml), and only when first needed.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from functools import cache
from itertools import chain
from pathlib import Path

from ..errors import ConfigError, MissingDependencyError
from ..letters import words as words_in
from ..segment import lower_case
from .scripts import SCRIPT_LANGUAGES, script_language

#: ISO 639-1 code -> jusText stoplist name, for the languages detection considers.
LANGUAGES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "lt": "Lithuanian", "lv": "Latvian",
    "nb": "Norwegian_Bokmal", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese",
}  # fmt: skip

#: Characters of the document sampled for language detection (from its longest lines).
DETECTION_SAMPLE_CHARS = 1500
#: English stopword coverage at or above which a text is English without a vote of all languages
#: (an English news text covers 40-55%; no non-English page of the development set reaches 20%).
ENGLISH_FAST_PATH_COVERAGE = 0.3
#: Fewest sampled words for a verdict; a shorter document's language is unknown (``None``).
DETECTION_MIN_WORDS = 12
#: Minimum share of sampled words that must be stopwords of the winning language; below it the
#: language is reported as unknown (``None``) and stopword features are not used. Prose covers
#: 25-55% in every language of the development set (its lowest correct detection: 0.21, an
#: English page of tour dates). Below 0.2 were only lists of names and numbers that a large,
#: noisy stoplist "won" (Finnish's holds "jackson", "brown", "cup"): with 0.08, English score
#: tables and recipes were cleaned as Finnish, and an Italian blog as Estonian.
DETECTION_MIN_COVERAGE = 0.2

#: languages with the most distinctive stopwords in the sample that the full coverage decides
#: between. Some stoplists hold common words of other languages (Finnish's holds "and", "the",
#: "for", "cup"), so the vote alone put an English recipe, 23% covered by English stopwords and
#: 21% by Finnish ones, in Finnish, by 31 distinctive words to 30.
DETECTION_SHORTLIST = 3

def _stoplist_dir() -> Path:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependencyError("cleaner needs jusText's stoplists: pip install justext")
    return Path(next(iter(spec.submodule_search_locations))) / "stoplists"


@cache
def stopwords(language: str) -> frozenset[str]:
    """The lower-cased stopwords of ``language`` (an ISO 639-1 code from :data:`LANGUAGES`)."""
    name = LANGUAGES.get(language)
    if name is None:
        raise ConfigError(f"no stoplist for language {language!r}; known: {', '.join(sorted(LANGUAGES))}")
    text = (_stoplist_dir() / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(lower_case(word.strip()) for word in text.splitlines() if word.strip())


#: a stopword shared by more languages than this says little about which one a text is in; it is
#: left out of the vote (the coverage check still counts it).
DISTINCTIVE_MAX_LANGUAGES = 3


@cache
def _word_languages(candidates: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for language in candidates:
        for word in stopwords(language):
            index.setdefault(word, []).append(language)
    return {word: tuple(langs) for word, langs in index.items() if len(langs) <= DISTINCTIVE_MAX_LANGUAGES}


def detect_language(
    lines: list[str], candidates: tuple[str, ...] = (*LANGUAGES, *SCRIPT_LANGUAGES), words: list[list[str]] | None = None
) -> str | None:
    """The candidate language whose stopwords cover most of the document's longest lines, among
    the few (:data:`DETECTION_SHORTLIST`) whose distinctive stopwords occur most there; or, for a
    document in an unspaced script, the language of its script (Chinese, Japanese, Korean: see
    :func:`~heuristics.scripts.script_language`).

    ``words``, when given, holds the words of each line lower-cased (see :func:`~heuristics.features.words_of`),
    so that they need not be found again. ``None`` when no language's stopwords cover at least
    :data:`DETECTION_MIN_COVERAGE` of the sampled words (other unspaced scripts, lists of names
    and numbers).
    """
    positions = _sample_positions(lines)
    scripts = tuple(language for language in candidates if language in SCRIPT_LANGUAGES)
    if scripts:
        language = script_language(" ".join([lines[position] for position in positions]), scripts)
        if language is not None:
            return language
    candidates = tuple(language for language in candidates if language in LANGUAGES)
    if not candidates:
        return None
    sample = _sample_words(lines, positions, words)
    if sum(map(len, sample)) < DETECTION_MIN_WORDS:
        return None
    # Letters alone are initials as often as words ("S Ryan; G White; J Foley"), and a noisy
    # stoplist holds them all: the vote and the coverage leave them out.
    sample = [[word for word in line if len(word) > 1] for line in sample]
    count = sum(map(len, sample))
    if not count:
        return None
    if "en" in candidates:  # fast path for the most common case: plainly English text
        english = sum(map(stopwords("en").__contains__, chain.from_iterable(sample)))
        if english >= ENGLISH_FAST_PATH_COVERAGE * count:
            return "en"
    return _vote(Counter(chain.from_iterable(sample)), count, candidates)


def _sample_positions(lines: list[str]) -> list[int]:
    """The positions of the longest lines, up to :data:`DETECTION_SAMPLE_CHARS` characters."""
    sample: list[int] = []
    size = 0
    for position in sorted(range(len(lines)), key=list(map(len, lines)).__getitem__, reverse=True):
        sample.append(position)
        size += len(lines[position])
        if size >= DETECTION_SAMPLE_CHARS:
            break
    return sample


def _sample_words(lines: list[str], sample: list[int], words: list[list[str]] | None) -> list[list[str]]:
    """The lower-cased words of the lines at the ``sample`` positions (in lists, one a line or one
    for them all)."""
    if words is None:
        return [words_in(lower_case(" ".join([lines[position] for position in sample])))]
    return [words[position] for position in sample]


def _vote(seen: Counter[str], count: int, candidates: tuple[str, ...]) -> str | None:
    """Among the :data:`DETECTION_SHORTLIST` languages with the most sampled distinctive
    stopwords, the one whose stopwords cover most of the sample, if they cover enough (``seen``:
    how often each of the ``count`` sampled words occurs)."""
    index = _word_languages(candidates)
    counts: dict[str, int] = {}
    for word, times in seen.items():  # the sample is small; the index holds every language's words
        for language in index.get(word, ()):
            counts[language] = counts.get(language, 0) + times
    if not counts:
        return None
    shortlist = sorted(counts, key=lambda lang: (counts[lang], lang == "en"), reverse=True)[:DETECTION_SHORTLIST]
    coverage = {language: _coverage(seen, language) for language in shortlist}
    best = max(shortlist, key=coverage.__getitem__)  # the first of equals: the vote's order
    if coverage[best] < DETECTION_MIN_COVERAGE * count:
        return None
    return best


def _coverage(seen: Counter[str], language: str) -> int:
    """How many of the sampled words are stopwords of ``language``."""
    stoplist = stopwords(language)
    return sum(times for word, times in seen.items() if word in stoplist)
