"""Configuration: one frozen object, changed with :meth:`CleanerConfig.replace`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from numbers import Real
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .heuristics.scripts import SCRIPT_LANGUAGES
from .heuristics.stoplists import LANGUAGES
from .rules import CATEGORIES, pack_languages

#: Profiles, from the most careful to the most thorough.
#: ``conservative``: rule hits, short lines wedged between them, and only the lines the line model
#: is very sure of.
#: ``default``: also removes lines that the line model scores as boilerplate (main-text detection,
#: tail blocks, label-shaped lines at the edges), at a threshold calibrated for F1.
PROFILES = ("conservative", "default")
#: The heuristics that ``disable`` can switch off (``markup`` also by token: ``markup.related-posts``,
#: a token of ``cleaner/rules/markup/tokens.toml``).
HEURISTICS = (
    "line-score", "wedged", "tail-block", "restated", "title", "related-box", "link-line", "about-box",
    "excerpts", "own-link", "capitals", "caption", "byline", "markup",
)
#: language codes taken for another: Norwegian ("no") is written in Bokmål ("nb") in news, and
#: Bokmål's is the stoplist and the rule pack there are.
LANGUAGE_ALIASES = {"no": "nb"}
#: seconds; the longest time_limit (a day): past it, the timers that enforce it overflow.
MAX_TIME_LIMIT = 86_400


@dataclass(frozen=True)
class CleanerConfig:
    """Every option of a :class:`~cleaner.Cleaner`.

    profile: ``"default"`` or ``"conservative"`` (see :data:`PROFILES`).
    languages: ISO 639-1 codes of the documents (e.g. ``("en",)``; ``"no"`` reads as ``"nb"``); empty
        means detect per document (from stopword coverage; Chinese, Japanese and Korean from their
        scripts) and use the rule packs of all languages.
    rule_packs: extra packs, by built-in name (``"en/ads"``) or path to a TOML file.
    builtin_rules: load the built-in packs (turn off to run only your own).
    disable: rule ids (``"en.ads.label"``), rule-id prefixes (``"en.ads"``) or categories
        (``"copyright"``) that must not remove anything; also the heuristics of :data:`HEURISTICS`
        (``"line-score"``, ``"wedged"``, ``"tail-block"``, ``"restated"``, ``"title"``,
        ``"related-box"``, ``"link-line"``, ``"about-box"``, ``"excerpts"``, ``"own-link"``,
        ``"capitals"``, ``"caption"``, ``"byline"`` and, for HTML, ``"markup"``).
    score_threshold: boilerplate score in (0, 1] at or above which the line model removes a
        line; ``None`` uses the profile's calibrated threshold.
    engine: pattern engine, ``"hyperscan"`` or ``"re"``; ``None`` picks hyperscan when installed.
    time_limit: seconds one document may take (checked between stages; HTML extraction runs
        under it too), at most MAX_TIME_LIMIT; ``None`` for no limit.
    """

    profile: str = "default"
    languages: tuple[str, ...] = ()
    rule_packs: tuple[str | Path, ...] = ()
    builtin_rules: bool = True
    disable: frozenset[str] = field(default_factory=frozenset)
    score_threshold: float | None = None
    engine: str | None = None
    time_limit: float | None = None

    def __post_init__(self) -> None:
        if self.profile not in PROFILES:
            raise ConfigError(f"unknown profile {self.profile!r}; use one of {', '.join(PROFILES)}")
        languages = tuple(
            LANGUAGE_ALIASES.get(code.lower(), code.lower()) for code in _strings("languages", self.languages)
        )
        object.__setattr__(self, "languages", languages)
        known = set(LANGUAGES) | set(SCRIPT_LANGUAGES) | pack_languages()
        unknown = sorted(set(languages) - known)
        if unknown:
            raise ConfigError(f"unknown language code(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        object.__setattr__(self, "rule_packs", _sequence("rule_packs", self.rule_packs, (str, Path)))
        object.__setattr__(self, "disable", frozenset(_strings("disable", self.disable)))
        if not isinstance(self.builtin_rules, bool):
            raise ConfigError(f"builtin_rules must be True or False, not {self.builtin_rules!r}")
        if self.engine not in (None, "hyperscan", "re"):
            raise ConfigError(f"unknown engine {self.engine!r}; use 'hyperscan' or 're'")
        if self.score_threshold is not None and not (_number(self.score_threshold) and 0.0 < self.score_threshold <= 1.0):
            raise ConfigError(f"score_threshold must be a number in (0, 1], not {self.score_threshold!r}")
        if self.time_limit is not None and not (_number(self.time_limit) and 0 < self.time_limit <= MAX_TIME_LIMIT):
            raise ConfigError(
                f"time_limit must be a positive number of seconds up to {MAX_TIME_LIMIT} (None for no limit), "
                f"not {self.time_limit!r}"
            )

    def replace(self, **changes: Any) -> CleanerConfig:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)

    def disables(self, *names: str) -> bool:
        """Whether any of ``names`` (rule id, category, heuristic) is switched off, prefixes included."""
        for name in names:
            parts = name.split(".")
            for cut in range(1, len(parts) + 1):
                if ".".join(parts[:cut]) in self.disable:
                    return True
        return False


def _number(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def _sequence(name: str, value: Any, types: tuple[type, ...]) -> tuple[Any, ...]:
    """``value`` as a tuple of ``types``: one item alone, or an iterable of them."""
    if isinstance(value, types):
        return (value,)
    if isinstance(value, (bytes, bytearray)):
        raise ConfigError(f"{name} takes text, not bytes: decode {value!r} first")
    try:
        items = tuple(value)
    except TypeError:
        items = (value,)
    wrong = [item for item in items if not isinstance(item, types)]
    if wrong:
        expected = " or ".join(t.__name__ for t in types)
        raise ConfigError(f"{name} takes {expected} values (one, or a list of them), not {wrong[0]!r}")
    return items


def _strings(name: str, value: Any) -> tuple[str, ...]:
    return _sequence(name, value, (str,))


def check_disabled(config: CleanerConfig, rule_ids: set[str]) -> None:
    """Raise :class:`ConfigError` for a name in ``config.disable`` that switches nothing off: no
    rule id (``rule_ids``) or id prefix, category or heuristic (a typo would disable nothing)."""
    from .html.markup import load_markup_tokens

    prefixes = {rule_id.rsplit(".", cut)[0] for rule_id in rule_ids for cut in range(rule_id.count(".") + 1)}
    prefixes |= {f"markup.{token}" for category in load_markup_tokens().categories for token in category.tokens}
    unknown = sorted(name for name in config.disable if name not in prefixes | CATEGORIES | set(HEURISTICS))
    if unknown:
        raise ConfigError(
            f"disable: no rule, rule-id prefix, category or heuristic named {', '.join(map(repr, unknown))}; "
            f"categories: {', '.join(sorted(CATEGORIES))}; heuristics: {', '.join(HEURISTICS)} "
            "(rule ids: `cleaner rules list`)"
        )
