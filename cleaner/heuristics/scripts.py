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

#: share of a sample's non-space characters that must be Hangul, kana or Han for the sample to be
#: in one of these languages. News prose in them is 70-95% letters of its script, the rest digits,
#: Latin names and punctuation (a Japanese page heavy with product names: 23%); a Western text
#: quoting a Chinese name or two stays far below.
SCRIPT_MIN_SHARE = 0.2
#: share of those letters that must be Hangul for Korean: Korean may write words and names in Han
#: characters (Hanja; an editorial in the older style, "政府는 來年度 豫算案을 國會에 提出했다", has
#: more Hanja than Hangul); Chinese and Japanese write no Hangul.
HANGUL_MIN_SHARE = 0.2
#: share of a text's kana and Han characters that must be kana for Japanese. Japanese prose writes
#: its grammatical endings and particles in kana (a third to two thirds of its letters; a market
#: report heavy with names and figures in kanji, 14%); Chinese has none. A Chinese text that names
#: a Japanese film writes its title in 《》, which the count skips.
KANA_MIN_SHARE = 0.1
_BOOK_TITLE_RE = re.compile("《[^》\n]{0,80}》")


def script_language(sample: str, candidates: tuple[str, ...] = SCRIPT_LANGUAGES) -> str | None:
    """``"ko"``, ``"ja"`` or ``"zh"`` (among ``candidates``) when ``sample`` is written mostly in
    that language's script (see :data:`SCRIPT_MIN_SHARE`, :data:`HANGUL_MIN_SHARE`,
    :data:`KANA_MIN_SHARE`), else ``None``."""
    if sample.isascii() or not _ANY_RE.search(sample):
        return None
    size = len(sample) - sample.count(" ")
    if "《" in sample:
        sample = _BOOK_TITLE_RE.sub("", sample)
    hangul = len(_HANGUL_RE.findall(sample))
    kana, han = len(_KANA_RE.findall(sample)), len(_HAN_RE.findall(sample))
    letters = hangul + kana + han
    if letters < SCRIPT_MIN_SHARE * size:
        return None
    if hangul >= HANGUL_MIN_SHARE * letters:
        language = "ko"
    else:
        language = "ja" if kana >= KANA_MIN_SHARE * (kana + han) else "zh"
    return language if language in candidates else None
