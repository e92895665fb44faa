"""Parse and validate rule packs (TOML) into :class:`Rule` objects.

A malformed pack fails here, at load, with a :class:`RulePackError` naming the file, the
rule id and the field. The format is documented in the README ("Rule packs").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

from ..errors import RulePackError
from ..segment import lower_case

#: Categories a rule may belong to (a closed set, so reports can count by category).
CATEGORIES = frozenset(
    {
        "ads",  # ad-slot labels, sponsored markers
        "newsletter",  # newsletter, app, channel and alert promos
        "share",  # share and follow buttons
        "related",  # read-more, related, recommended, teaser headings
        "cookies",  # cookie, consent and privacy notices
        "paywall",  # paywall, subscription and login prompts
        "credits",  # photo and video credits, caption labels
        "copyright",  # copyright and legal lines
        "comments",  # comment-section chrome
        "navigation",  # menus, skip links, breadcrumbs, back-to-top
        "syndication",  # "originally appeared on", republication notes
        "metadata",  # tags, "filed under", updated/published stamps
        "code",  # leftover markup: HTML tags and entities, CMS shortcodes
    }
)

#: How a rule applies to a line.
#: ``line``: the whole line is the phrase, give or take punctuation and symbols;
#: ``start``: the line starts with the phrase (after punctuation) and is at most ``max_chars`` long,
#: unless it quotes someone (see :func:`.matcher.quotes_someone`);
#: ``contains``: a line of at most ``max_chars`` characters contains the phrase;
#: ``trim``: the phrase starts a trailing span of at most ``max_chars`` characters that is cut off.
MODES = ("line", "start", "contains", "trim")

#: Where in a document a rule removes its lines.
#: ``anywhere``: wherever they are;
#: ``end``: only at the article's end: after the main text's start, with at most a quarter of the
#: main text's prose above the line below it (an author's bio: "Jane Doe is a reporter for The
#: Daily Example."; see ``decide._placed_rules``);
#: ``below-start``: only below the start of the article's text, with some of the main text's prose
#: above the line (a video's title, "Watch: Drone footage shows the flood", between paragraphs; the
#: same words at the top of a video page are its headline).
PLACES = ("anywhere", "end", "below-start")

#: Default length guard per mode, in characters of the whole line (of the trailing span for trim).
DEFAULT_MAX_CHARS = {"line": 200, "start": 160, "contains": 160, "trim": 160}

_RULE_KEYS = frozenset(
    {"id", "category", "mode", "where", "phrases", "regex", "max_chars", "weight", "reason", "remove", "keep"}
)
_PACK_KEYS = frozenset({"id", "language", "description"})
_LANGUAGE_RE = re.compile(r"[a-z]{2}")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of a pack: what to look for, where it applies, and examples it must honour."""

    id: str
    category: str
    mode: str
    phrases: tuple[str, ...]
    regex: tuple[str, ...]
    max_chars: int
    weight: float
    reason: str
    remove: tuple[str, ...]
    keep: tuple[str, ...]
    language: str
    source: str
    where: str = "anywhere"

    def patterns(self) -> list[str]:
        """Regex sources (lower-case dialect shared by Python ``re`` and Hyperscan)."""
        return [phrase_to_regex(p) for p in self.phrases] + list(self.regex)


#: how the ``source`` of a built-in pack (and of its rules) begins: ``cleaner/rules/packs/en/ads.toml``
BUILTIN_SOURCE = "cleaner/rules/packs/"


@dataclass(frozen=True, slots=True)
class RulePack:
    """A named group of rules loaded from one TOML file."""

    id: str
    language: str
    description: str
    source: str
    rules: tuple[Rule, ...]


def phrase_to_regex(phrase: str) -> str:
    """Turn a plain phrase into a lower-case regex: escaped, any run of spaces matching spaces (not line breaks)."""
    words = lower_case(phrase).split()
    return r"[^\S\n]+".join(re.escape(word) for word in words)


def parse_pack(text: str, source: str) -> RulePack:
    """Parse the TOML text of one pack; ``source`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(source, f"not valid TOML: {exc}") from None
    head = data.get("pack")
    if not isinstance(head, dict):
        raise RulePackError(source, "missing the [pack] table (id, language, description)", field="pack")
    unknown = set(head) - _PACK_KEYS
    if unknown:
        raise RulePackError(source, f"unknown keys {sorted(unknown)} in [pack]", field="pack")
    pack_id = _string(head, "id", source, None)
    language = _string(head, "language", source, None)
    if language != "common" and not _LANGUAGE_RE.fullmatch(language):
        raise RulePackError(
            source, f"language {language!r} is not a lower-case ISO 639-1 code (\"en\", \"de\") or \"common\"",
            field="language",
        )  # fmt: skip
    description = str(head.get("description", ""))
    extra = set(data) - {"pack", "rule", "fragments"}
    if extra:
        raise RulePackError(source, f"unknown top-level tables {sorted(extra)}; rules go in [[rule]]")
    fragments = _fragments(data.get("fragments", {}), source)
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise RulePackError(source, "a pack needs at least one [[rule]]", field="rule")
    rules = tuple(_parse_rule(raw, source, language, fragments) for raw in raw_rules)
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RulePackError(source, "duplicate rule id", rule_id=rule.id, field="id")
        seen.add(rule.id)
    return RulePack(id=pack_id, language=language, description=description, source=source, rules=rules)


_FRAGMENT_NAME = re.compile(r"[a-z][a-z0-9_]*")
_FRAGMENT_USE = re.compile(r"\{\{([^{}]*)\}\}")


def _fragments(table: Any, source: str) -> dict[str, str]:
    """The pack's named regex fragments (``[fragments]``, name = pattern), each a complete group."""
    if not isinstance(table, dict):
        raise RulePackError(source, "expected a table of name = regex", field="fragments")
    for name, pattern in table.items():
        if not _FRAGMENT_NAME.fullmatch(name) or not isinstance(pattern, str) or not pattern:
            raise RulePackError(source, f"fragment {name!r}: expected a lower-case name = a regex string", field="fragments")
    return dict(table)


def _expand(pattern: str, fragments: dict[str, str], source: str, rule_id: str) -> str:
    """``pattern`` with each ``{{name}}`` replaced by the pack's fragment of that name."""

    def fragment(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in fragments:
            raise RulePackError(source, f"unknown fragment {{{{{name}}}}}; define it under [fragments]", rule_id, "regex")
        return fragments[name]

    return _FRAGMENT_USE.sub(fragment, pattern)


def _parse_rule(raw: Any, source: str, language: str, fragments: dict[str, str]) -> Rule:
    if not isinstance(raw, dict):
        raise RulePackError(source, "each [[rule]] must be a table")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _ID_RE.match(rule_id):
        raise RulePackError(
            source, f"rule id {rule_id!r} must be dotted lower-case words, e.g. 'en.ads.label'", field="id"
        )
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise RulePackError(source, f"unknown keys {sorted(unknown)}", rule_id=rule_id)
    category = _string(raw, "category", source, rule_id)
    if category not in CATEGORIES:
        raise RulePackError(
            source, f"unknown category {category!r}; one of {sorted(CATEGORIES)}", rule_id, "category"
        )
    mode = _string(raw, "mode", source, rule_id)
    if mode not in MODES:
        raise RulePackError(source, f"unknown mode {mode!r}; one of {list(MODES)}", rule_id, "mode")
    where = raw.get("where", "anywhere")
    if where not in PLACES:
        raise RulePackError(source, f"unknown place {where!r}; one of {list(PLACES)}", rule_id, "where")
    if where != "anywhere" and mode == "trim":
        raise RulePackError(source, "a trim rule cuts a line's tail wherever it is; 'where' must be 'anywhere'", rule_id, "where")
    phrases = _strings(raw, "phrases", source, rule_id)
    regex = tuple(_expand(pattern, fragments, source, rule_id) for pattern in _strings(raw, "regex", source, rule_id))
    if not phrases and not regex:
        raise RulePackError(source, "a rule needs 'phrases' or 'regex'", rule_id, "phrases")
    for phrase in phrases:
        if not phrase.strip():
            raise RulePackError(source, "empty phrase", rule_id, "phrases")
    for pattern in regex:
        _check_regex(pattern, source, rule_id)
    max_chars = raw.get("max_chars", DEFAULT_MAX_CHARS[mode])
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or not 1 <= max_chars <= 2000:
        raise RulePackError(source, f"max_chars {max_chars!r} must be an integer in [1, 2000]", rule_id, "max_chars")
    weight = raw.get("weight", 1.0)
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not 0.0 < weight <= 1.0:
        raise RulePackError(source, f"weight {weight!r} is outside (0, 1]", rule_id, "weight")
    reason = _string(raw, "reason", source, rule_id)
    remove = _strings(raw, "remove", source, rule_id)
    keep = _strings(raw, "keep", source, rule_id)
    if not remove:
        raise RulePackError(source, "give at least one example in 'remove'", rule_id, "remove")
    if not keep:
        raise RulePackError(source, "give at least one example in 'keep'", rule_id, "keep")
    return Rule(
        id=rule_id,
        category=category,
        mode=mode,
        phrases=phrases,
        regex=regex,
        max_chars=max_chars,
        weight=float(weight),
        reason=reason,
        remove=remove,
        keep=keep,
        language=language,
        source=source,
        where=where,
    )


_FORBIDDEN_REGEX = re.compile(r"\(\?[=!<]|\\[1-9]|\(\?P?<|\(\?i|\\b|\\B")


def _check_regex(pattern: str, source: str, rule_id: str) -> None:
    if _FORBIDDEN_REGEX.search(pattern):
        raise RulePackError(
            source,
            f"regex {pattern!r} uses look-around, back-references, named groups, inline flags or \\b; "
            "rules use the dialect shared by Python re and Hyperscan (word boundaries are checked for you)",
            rule_id,
            "regex",
        )
    if pattern != lower_case(pattern):
        raise RulePackError(source, f"regex {pattern!r} must be lower-case (lines are lower-cased)", rule_id, "regex")
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise RulePackError(source, f"regex {pattern!r} does not compile: {exc}", rule_id, "regex") from None
    if compiled.match(""):
        raise RulePackError(source, f"regex {pattern!r} matches the empty string", rule_id, "regex")


def _string(table: dict[str, Any], key: str, source: str, rule_id: str | None) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RulePackError(source, "required, a non-empty string", rule_id, key)
    return value


def _strings(table: dict[str, Any], key: str, source: str, rule_id: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RulePackError(source, "must be a list of strings", rule_id, key)
    return tuple(value)
