"""The language of a text in an unspaced script (Chinese, Japanese, Korean), told by its letters.

Stopwords cannot tell these apart (their words are not split by spaces, and jusText has no lists
for them); their scripts can: Korean is written in Hangul, Japanese in kana and kanji, Chinese in
Han characters without kana.
"""

from __future__ import annotations

import re

#: the languages told by script, not by stopwords
SCRIPT_LANGUAGES = ("ja", "ko", "zh")

_HANGUL_RE = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_KANA_RE = re.compile("[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ANY_RE = re.compile("[\u1100-\u11ff\u3041-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]")

#: share of a sample's non-space characters that must be of the script (Hangul; kana and Han
#: together for Japanese; Han for Chinese). News prose in these languages is 70-95% letters of
#: its script, the rest digits, Latin names and punctuation; a Western text quoting a Chinese name
#: or two stays far below.
SCRIPT_MIN_SHARE = 0.3
#: share of a Japanese text's kana and Han characters that are kana. Japanese prose writes its
#: grammatical endings and particles in kana (a third to two thirds of its letters; the longest
#: lines, which the sample holds, are prose); Chinese has none, and a Chinese sentence that names a
#: Japanese film in kana (《君たちはどう生きるか》) comes to 0.2.
KANA_MIN_SHARE = 0.25


def script_language(sample: str, candidates: tuple[str, ...] = SCRIPT_LANGUAGES) -> str | None:
    """``"ko"``, ``"ja"`` or ``"zh"`` (among ``candidates``) when ``sample`` is written mostly in
    that language's script (see :data:`SCRIPT_MIN_SHARE`, :data:`KANA_MIN_SHARE`), else ``None``."""
    if sample.isascii() or not _ANY_RE.search(sample):
        return None
    size = len(sample) - sample.count(" ")
    if not size:
        return None
    hangul = len(_HANGUL_RE.findall(sample))
    if hangul >= SCRIPT_MIN_SHARE * size:
        return "ko" if "ko" in candidates else None
    kana, han = len(_KANA_RE.findall(sample)), len(_HAN_RE.findall(sample))
    if kana + han < SCRIPT_MIN_SHARE * size:
        return None
    language = "ja" if kana >= KANA_MIN_SHARE * (kana + han) else "zh"
    return language if language in candidates else None
