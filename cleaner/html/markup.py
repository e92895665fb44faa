"""Boilerplate containers identified by their markup (class, id, role and aria-label tokens).

The token lists are data: ``cleaner/rules/markup/*.toml`` (see the comments in ``tokens.toml``),
loaded and validated once by :func:`load_markup_tokens`. :func:`strip_boilerplate` removes the
matching elements from a parsed lxml tree, outermost first, and returns a
:class:`MarkupRemoval` for each.

Matching is on *words*: an attribute value is split into words on whitespace, ``-``, ``_``,
``:``, ``.`` and camelCase humps, lower-cased, and a token (one word, or a hyphen-joined run of
words) matches when it equals a word or a run of consecutive words. So ``ad`` matches
``ad-slot`` and ``adSlot`` but not ``add-to-cart``, ``adult``, ``header-shadow`` or ``download``.

No lxml import at module level: this module is imported only from :mod:`cleaner.html`
functions, but it stays import-light anyway.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import RulePackError
from ..rules.schema import CATEGORIES

#: Attributes whose values are tokenised and matched.
ATTRIBUTES = ("class", "id", "role", "aria-label")
#: Never removed, whatever their attributes say.
PROTECTED_TAGS = frozenset({"html", "body", "head", "main", "article", "title", "h1"})
#: Guard: an element holding more than this share of the page's ``<p>`` text is never removed.
MAX_TEXT_SHARE = 0.5
#: Length of the removed text kept in a :class:`MarkupRemoval`.
TEXT_PREVIEW = 200

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_CAMEL_RE = re.compile(r"([a-z0-9])([A-Z])")
_SPLIT_RE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class MarkupRemoval:
    """One element removed from the page before extraction.

    ``selector`` names the attribute and its matched value (``class:newsletter-signup``),
    ``token`` the list entry that matched (``newsletter``), ``text`` the element's visible text
    (whitespace collapsed, truncated to 200 characters).
    """

    selector: str
    token: str
    category: str
    reason: str
    tag: str
    text: str

    @property
    def code(self) -> str:
        return f"markup:{self.selector}"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "source": "markup", "code": self.code}


@dataclass(frozen=True)
class MarkupCategory:
    name: str
    reason: str
    tokens: tuple[str, ...]
    exclude: frozenset[str]


@dataclass(frozen=True)
class MarkupTokens:
    """The validated token lists, ready for matching."""

    categories: tuple[MarkupCategory, ...]
    source: str
    embeds: frozenset[str] = frozenset()  # class names of embedded social posts (kept as quotations)

    def __post_init__(self) -> None:
        # token (as a tuple of words) -> category; longest runs are checked first
        index: dict[tuple[str, ...], MarkupCategory] = {}
        for category in self.categories:
            for token in category.tokens:
                index.setdefault(tuple(token.split("-")), category)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_lengths", sorted({len(k) for k in index}, reverse=True))
        object.__setattr__(self, "_cache", {})

    def match(self, value: str) -> tuple[str, MarkupCategory] | None:
        """The matching token and its category for one attribute value, or ``None``."""
        cache: dict[str, tuple[str, MarkupCategory] | None] = self._cache  # type: ignore[attr-defined]
        try:
            return cache[value]
        except KeyError:
            pass
        result = None
        words = split_words(value)
        if words:
            index: dict[tuple[str, ...], MarkupCategory] = self._index  # type: ignore[attr-defined]
            present = set(words)
            for length in self._lengths:  # type: ignore[attr-defined]
                for start in range(len(words) - length + 1):
                    run = tuple(words[start : start + length])
                    category = index.get(run)
                    if category is not None and not (category.exclude & present):
                        result = ("-".join(run), category)
                        break
                if result:
                    break
        if len(cache) < 50_000:
            cache[value] = result
        return result


def split_words(value: str) -> list[str]:
    """The lower-case words of an attribute value (``"adSlot top_ad"`` → ``[ad, slot, top, ad]``)."""
    return [w for w in _SPLIT_RE.split(_CAMEL_RE.sub(r"\1-\2", value).lower()) if w]


def parse_markup_tokens(text: str, source: str) -> MarkupTokens:
    """Validate one token file (TOML text); raises :class:`RulePackError` naming the problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(source, f"not valid TOML: {exc}") from None
    if data.get("version") != 1:
        raise RulePackError(source, "expected version = 1", field="version")
    raw_categories = data.get("categories")
    if not isinstance(raw_categories, dict) or not raw_categories:
        raise RulePackError(source, "expected [categories.<name>] tables", field="categories")
    unknown = set(data) - {"version", "categories", "embeds"}
    if unknown:
        raise RulePackError(source, f"unknown keys {sorted(unknown)}")
    categories = []
    for name, raw in raw_categories.items():
        where = f"categories.{name}"
        if name not in CATEGORIES:
            raise RulePackError(source, f"unknown category {name!r}; one of {sorted(CATEGORIES)}", where)
        if not isinstance(raw, dict):
            raise RulePackError(source, "expected a table", where)
        extra = set(raw) - {"reason", "tokens", "exclude"}
        if extra:
            raise RulePackError(source, f"unknown keys {sorted(extra)}", where)
        reason = raw.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise RulePackError(source, "a non-empty string is required", where, "reason")
        lists = {}
        for key in ("tokens", "exclude"):
            values = raw.get(key, [])
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise RulePackError(source, "expected a list of strings", where, key)
            for value in values:
                if not _TOKEN_RE.match(value):
                    raise RulePackError(
                        source, f"{value!r} is not lower-case words [a-z0-9] joined by '-'", where, key
                    )
            lists[key] = values
        if not lists["tokens"]:
            raise RulePackError(source, "at least one token is required", where, "tokens")
        categories.append(MarkupCategory(name, reason.strip(), tuple(lists["tokens"]), frozenset(lists["exclude"])))
    embeds = data.get("embeds", [])
    if not isinstance(embeds, list) or not all(isinstance(v, str) and _TOKEN_RE.match(v) for v in embeds):
        raise RulePackError(source, "expected a list of lower-case class names", field="embeds")
    return MarkupTokens(tuple(categories), source, frozenset(embeds))


@cache
def load_markup_tokens(path: str | None = None) -> MarkupTokens:
    """The built-in token lists (``cleaner/rules/markup/tokens.toml``), or those of ``path``."""
    if path is None:
        text = (resources.files("cleaner.rules") / "markup" / "tokens.toml").read_text(encoding="utf-8")
        return parse_markup_tokens(text, "cleaner/rules/markup/tokens.toml")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(str(path), f"cannot read: {exc}") from None
    return parse_markup_tokens(text, str(path))


def _ptext_lengths(root: Any) -> tuple[int, dict[Any, int]]:
    """Total length of the text of ``<p>`` elements, and each ``<p>``'s own length."""
    lengths = {}
    total = 0
    for p in root.iter("p"):
        n = len("".join(p.itertext()).strip())
        if n:
            lengths[p] = n
            total += n
    return total, lengths


def strip_boilerplate(root: Any, tokens: MarkupTokens, disabled: Any = None) -> list[MarkupRemoval]:
    """Remove the boilerplate containers of ``root`` (an lxml element) in place.

    ``disabled(name, category) -> bool`` may veto a token (``config.disables``). Elements are
    checked in document order; once one is removed its descendants are not visited. An element
    that holds more than :data:`MAX_TEXT_SHARE` of the page's ``<p>`` text is never removed.
    """
    candidates = []
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or tag in PROTECTED_TAGS:
            continue
        attrib = element.attrib
        if not attrib:
            continue
        for attribute in ATTRIBUTES:
            value = attrib.get(attribute)
            if not value:
                continue
            found = tokens.match(value)
            if found is None:
                continue
            token, category = found
            if disabled is not None and disabled(f"markup.{token}", category.name):
                continue
            candidates.append((element, attribute, value, token, category))
            break
    if not candidates:
        return []
    total, plengths = _ptext_lengths(root)
    limit = total * MAX_TEXT_SHARE
    removed: set[Any] = set()
    removals = []
    for element, attribute, value, token, category in candidates:
        if any(ancestor in removed for ancestor in element.iterancestors()):
            continue
        if element.getparent() is None:
            continue
        if total:
            held = sum(plengths.get(p, 0) for p in element.iter("p"))
            if held > limit:
                continue
        text = " ".join("".join(element.itertext()).split())
        removed.add(element)
        selector = f"{attribute}:{' '.join(value.split())[:80]}"
        removals.append(
            MarkupRemoval(selector, token, category.name, category.reason, element.tag, text[:TEXT_PREVIEW])
        )
    for element in removed:
        _drop(element)
    return removals


def _drop(element: Any) -> None:
    """Remove ``element`` and its subtree but keep its tail text."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
