"""The :class:`Cleaner`: compiles rule packs once, then runs the stages on each document.

Stages: split lines → detect language → match rules → measure and classify lines → decide
(rules, heuristics, context) → reassemble the text and its removal trail.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from .config import CleanerConfig
from .decide import decide
from .errors import InputError, TimeLimitError
from .heuristics.classes import classify
from .heuristics.features import LineFeatures, measure
from .heuristics.stoplists import LANGUAGES, detect_language, stopwords
from .model import CleanedText
from .reassemble import apply_removals, removals_for
from .segment import split_lines
from .rules import Rule, builtin_packs, load_rule_pack
from .rules.matcher import Matcher, apply_modes


class Cleaner:
    """A reusable cleaner: build it once (rule packs are compiled here), call it per document.

    >>> cleaner = Cleaner()
    >>> cleaner.clean("Markets rose on Monday after the central bank held its rates, traders said.\\n"
    ...               "- Advertisement -\\n"
    ...               "Shares of exporters led the gains as the currency weakened against the dollar.")
    'Markets rose on Monday after the central bank held its rates, traders said.\\nShares of exporters led the gains as the currency weakened against the dollar.'
    """

    def __init__(self, config: CleanerConfig | None = None):
        self.config = config or CleanerConfig()
        languages = frozenset(self.config.languages) or None
        packs = builtin_packs(languages) if self.config.builtin_rules else []
        packs += [load_rule_pack(name) for name in self.config.rule_packs]
        self.packs = tuple(packs)
        self.rules: list[Rule] = [
            rule for pack in packs for rule in pack.rules if not self.config.disables(rule.id, rule.category)
        ]
        self._rule_languages = [rule.language for rule in self.rules]
        self.matcher = Matcher(self.rules, self.config.engine)
        unknown = [code for code in self.config.languages if code not in LANGUAGES]
        self._stop_language = self.config.languages[0] if len(self.config.languages) == 1 and not unknown else None

    def clean(self, text: str) -> str:
        """The text with its boilerplate removed."""
        return self.clean_and_explain(text).text

    def clean_and_explain(self, text: str) -> CleanedText:
        """The cleaned text and the trail of removals (span, text, evidence) that produced it."""
        if not isinstance(text, str):
            raise InputError(
                f"clean() takes str, not {type(text).__name__}; decode bytes first "
                "(e.g. data.decode('utf-8')) or use clean_html() for HTML pages"
            )
        deadline = time.monotonic() + self.config.time_limit if self.config.time_limit else None
        lines = split_lines(text)
        texts = lines.texts
        stripped = [line.strip() for line in texts]
        nonblank = [i for i, line in enumerate(stripped) if line]
        if not nonblank:
            return CleanedText(text="" if not text.strip() else text)
        language = self._stop_language or detect_language([stripped[i] for i in nonblank])
        lowered = [line.lower() for line in texts]
        hits = self.matcher.scan(lowered)
        matches = apply_modes(self.rules, hits, lowered)
        if matches and language is not None:
            allowed = {"common", language}
            matches = [m for m in matches if m.rule.language in allowed or not self.config.builtin_rules]
        _check(deadline)
        stoplist = stopwords(language) if language in LANGUAGES else None
        features: dict[int, LineFeatures] = {i: measure(stripped[i], stoplist) for i in nonblank}
        classes = {i: classify(f) for i, f in features.items()}
        decisions = decide(nonblank, features, classes, matches, self.config)
        _check(deadline)
        removals = removals_for(lines, decisions)
        return CleanedText(apply_removals(text, removals), tuple(removals), language)

    def clean_many(self, texts: Iterable[str]) -> Iterable[str]:
        """Clean a stream of texts lazily, in order."""
        for text in texts:
            yield self.clean(text)


def _check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise TimeLimitError("the document took longer than the configured time_limit")
