"""Find where rules apply in a document: a fast prefilter over the whole text, then an exact check.

1. Prefilter: an automaton (Hyperscan, when the ``hyperscan`` wheel is installed) or one
   regex per rule (Python ``re``, the fallback) scans the lower-cased lines joined with ``\\n``
   and reports which rule may apply to which line. In the Hyperscan automaton a rule is the
   strings one of which its every match holds, where they are long enough to be rare (see
   :mod:`.literals`: they compile in a fraction of the time), else its pattern, anchored to the
   line start for line and start rules. The rules for short lines (labels, see
   SHORT_RULE_CHARS) have a prefilter of their own, which sees only the short lines; the
   built-in packs' rules and a user's have separate automata, and a configuration's disabled
   rules stay in them (their reports are dropped), so that every configuration of the same
   packs shares the same compiled automata.
2. Exact check: for each reported (rule, line), the rule's own Python regex decides, with
   Unicode-aware word boundaries, the mode and the length guard. Both engines feed the same
   check, and each prefilter accepts a superset of what the check accepts, so the result does
   not depend on the engine.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import re
import sys
from bisect import bisect_right
from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..errors import RulePackError
from ..letters import mark_re, marks
from .literals import MAX_STRINGS, MIN_LITERAL_BYTES, literal_pattern, required_literals
from .schema import BUILTIN_SOURCE, Rule

try:  # pragma: no cover - exercised by whichever engine the platform has
    import hyperscan as _hs
except ImportError:  # pragma: no cover
    _hs = None

# Between a phrase and its neighbours: not in the middle of a word; and the padding around a
# whole-line or line-start match (see _ExactCheck for lines with combining marks).
_EDGE = r"(?:(?<![^\W_])|(?![^\W_]))"
_PAD = r"[\W_]*"
# Anything but a letter or digit (prefilter spelling, never crossing a line break).
_NOT_ALNUM = r"(?:[^\w\n]|_)"


class RuleMatch(NamedTuple):
    """A rule that applies to a line: the whole line (``trim_from is None``) or its tail from ``trim_from``."""

    rule: Rule
    line: int
    trim_from: int | None


def _alternatives(rule: Rule) -> str:
    return "|".join(f"(?:{pattern})" for pattern in rule.patterns())


def prefilter_pattern(rule: Rule) -> str:
    """The engine pattern of a rule: anchored to the line start for line and start rules."""
    alternatives = _alternatives(rule)
    if rule.mode in ("line", "start"):
        return f"^{_NOT_ALNUM}*(?:{alternatives})"
    return f"(?:{alternatives})"


_CLASS_ESCAPE = re.compile(r"\\.|\[|\]")
_NON_ASCII = r"\x{80}-\x{10ffff}"
#: what Python's ``\w`` and ``\d`` take beyond Hyperscan's ASCII ones: any non-ASCII character.
#: (``\s`` needs nothing: the prefilter scans a copy of the text whose other spaces are blanks,
#: see :data:`_OTHER_SPACES`.)
_WIDER = {"\\w": _NON_ASCII, "\\d": _NON_ASCII}
#: the ASCII members of Python's ``\W`` and ``\D``, for negated classes: Hyperscan's take every
#: non-ASCII character, so that ``[^\W_]`` would refuse a non-ASCII letter.
_ASCII_COMPLEMENTS = {
    "\\W": r"\x{00}-\x{2f}\x{3a}-\x{40}\x{5b}-\x{5e}\x{60}\x{7b}-\x{7f}",
    "\\D": r"\x{00}-\x{2f}\x{3a}-\x{7f}",
}
#: the characters Python's ``\s`` takes (``str.isspace``) and Hyperscan's does not, but a line can
#: hold (the others break lines); the Hyperscan prefilter scans a copy of the text with blanks for
#: them, so that ``\s``, ``[^\S\n]`` (between a phrase's words) and ``\S`` read them as Python does.
_OTHER_SPACE_CHARACTERS = "\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    map(chr, range(0x2000, 0x200B))
)
_OTHER_SPACES = re.compile(f"[{_OTHER_SPACE_CHARACTERS}]")
_BLANKS = str.maketrans(dict.fromkeys(_OTHER_SPACE_CHARACTERS, " "))


#: the largest upper bound of a counted repeat (``{0,100}``) kept in a Hyperscan pattern. A long
#: bounded gap multiplies the automaton's states (one rule with ``[^\\n]{0,100}`` after an
#: alternation took 5.6 MB); unbounded (``{0,}``) it accepts more, as a prefilter may, and the
#: exact check holds the bound.
HYPERSCAN_MAX_REPEAT = 8
_COUNTED_REPEAT = re.compile(r"\{(\d+),(\d+)\}")


def widen_for_hyperscan(pattern: str) -> str:
    """Make ``\\w`` and ``\\d`` also accept any non-ASCII character, and leave long counted repeats
    open (see :data:`HYPERSCAN_MAX_REPEAT`).

    Hyperscan's classes are ASCII-only outside UCP mode (which is very slow to compile); the
    widened pattern accepts a superset of what Python's Unicode-aware classes accept, as a
    prefilter must. Negated classes (``[^\\w]``) already take every non-ASCII character, except
    with ``\\W`` or ``\\D`` in them, which are written out (see :data:`_ASCII_COMPLEMENTS`). Spaces
    need nothing (see :data:`_OTHER_SPACES`). The exact check then decides with Python's semantics.
    """
    out = []
    in_class = negated = False
    body = 0  # where the open class's members start: a "]" there is a member, not the end
    position = 0
    for token in _CLASS_ESCAPE.finditer(pattern):
        out.append(_open_repeats(pattern[position : token.start()], in_class))
        text = token.group()
        if text == "[" and not in_class:
            in_class = True
            negated = pattern.startswith("^", token.end())
            body = token.end() + negated
            out.append(text)
        elif text == "]" and in_class and token.start() != body:
            in_class = negated = False
            out.append(text)
        elif text in _WIDER and not negated:
            out.append(f"{text}{_WIDER[text]}" if in_class else f"[{text}{_WIDER[text]}]")
        elif text in _ASCII_COMPLEMENTS and negated:
            out.append(_ASCII_COMPLEMENTS[text])
        else:
            out.append(text)
        position = token.end()
    out.append(_open_repeats(pattern[position:], in_class))
    return _drop_inner_anchors("".join(out))


class HyperscanExpression(NamedTuple):
    """One expression of a Hyperscan database and how it is read: ``utf8`` for a pattern whose
    classes and repeats count characters; a literal string is the same bytes either way, and
    compiles many times faster as plain bytes."""

    pattern: str
    utf8: bool


def hyperscan_expressions(source: str) -> list[HyperscanExpression]:
    """What the Hyperscan prefilter looks for in place of a rule's prefilter pattern ``source``:
    the strings one of which every match needs (see :mod:`.literals`), or the pattern itself,
    widened (see :func:`widen_for_hyperscan`)."""
    needed = required_literals(source)
    if needed is None:
        return [HyperscanExpression(widen_for_hyperscan(source), True)]
    # The scanned text has blanks for the other spaces (see _OTHER_SPACES): so have the strings.
    return [HyperscanExpression(literal_pattern(text.translate(_BLANKS)), False) for text in sorted(needed)]


def _drop_inner_anchors(pattern: str) -> str:
    """``pattern`` without its line-start anchors (``^``) but one that opens it: the pattern then
    accepts a superset, as a prefilter may. Hyperscan misses matches of an alternative that opens
    with the anchor inside a group, "(?:^|[.|·–—-] )...", when other patterns share its database
    (``it.copyright.reserved`` beside ``fr.copyright.reserved`` missed "... in fiamme - riproduzione
    riservata"); the exact check applies the anchor."""
    if "^" not in pattern[1:]:
        return pattern
    out = []
    in_class = False
    body = 0  # where the open class's members start: a "]" there is a member, not the end
    position = 0
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            out.append(pattern[position : position + 2])
            position += 2
            continue
        if in_class:
            if char == "]" and position != body:
                in_class = False
        elif char == "[":
            in_class = True
            body = position + 1 + pattern.startswith("^", position + 1)
        elif char == "^" and position > 0:
            position += 1
            continue
        out.append(char)
        position += 1
    return "".join(out)


_OPEN_LOWER_BOUND = re.compile(r"\{,(\d+)\}")


def _open_repeats(text: str, in_class: bool) -> str:
    """``text`` (a piece of a pattern between escapes and brackets) with its long counted repeats
    left open, unless it lies inside a character class, where braces are plain characters.
    ``{,n}`` (Python's ``{0,n}``, which Hyperscan reads as text) is written out."""
    if in_class or "{" not in text:
        return text
    text = _OPEN_LOWER_BOUND.sub(r"{0,\1}", text)
    return _COUNTED_REPEAT.sub(
        lambda m: m.group() if int(m.group(2)) <= HYPERSCAN_MAX_REPEAT else f"{{{m.group(1)},}}", text
    )


#: Opening quotation marks and the marks that close them (see :func:`quotes_someone`).
QUOTE_PAIRS = {
    '"': '"', "“": "”", "”": "”", "„": "“", "‚": "‘", "‘": "’", "'": "'", "«": "»", "»": "«", "‹": "›", "›": "‹",
    "「": "」", "『": "』",
}
#: Opening marks that also serve as arrows ("» Lesen Sie auch: ..."): a quote needs its closing mark.
ARROW_QUOTES = frozenset("»›")
#: How a line that quotes a paragraph running on into the next one ends: with a sentence.
RUN_ON_ENDS = tuple(".!?…;,")


def quotes_someone(line: str) -> bool:
    """Whether a stripped line quotes someone: it opens with a quotation mark right before a word
    (French « may take a space), and either words follow the closing mark ("Follow us on Twitter
    for updates," the police said.) or the quote runs on past the line, ending a sentence (a quoted
    paragraph that the next one continues has no closing mark). A ``start`` rule leaves such a line
    alone; a prompt in quotation marks with nothing or a colon after them (« À lire aussi » : ...),
    or behind an arrow ("» Read more: ..."), is still a prompt."""
    if len(line) < 2 or line[0] not in QUOTE_PAIRS:
        return False
    opening = line[0]
    body = line[1:].lstrip() if opening == "«" else line[1:]
    if not body or body[0].isspace():
        return False
    closing = body.find(QUOTE_PAIRS[opening])
    if closing < 0:  # a quoted paragraph that runs on ends a sentence; a label does not
        return opening not in ARROW_QUOTES and body.rstrip().endswith(RUN_ON_ENDS)
    if opening in ARROW_QUOTES and opening in body[:closing]:
        return False  # an arrow before a quote of its own: "»Mehr zum Thema: Die »Berlinale«-Filme"
    after = body[closing + 1 :].lstrip()
    return not after.startswith(":") and any(ch.isalnum() for ch in after)


class _ExactCheck:
    """The Python regex that decides whether a rule applies to one lower-cased line.

    Python's ``\\w`` leaves combining marks out (Devanagari's vowel signs, Arabic's short vowels,
    decomposed accents), so on a line that holds one the check is a second regex whose word edges
    and padding count marks as letters ("शेयर" is no word of "शेयरों"); it is compiled on first
    need, as its classes of marks are long."""

    __slots__ = ("rule", "_plain", "_marked")

    def __init__(self, rule: Rule):
        self.rule = rule
        # (both compiled on first use: most rules meet no candidate line in a short run)
        self._plain: re.Pattern[str] | None = None
        self._marked: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._plain is None:
            self._plain = self._compile(_EDGE, _PAD)
        return self._plain

    def _compile(self, edge: str, pad: str) -> re.Pattern[str]:
        alternatives = _alternatives(self.rule)
        if self.rule.mode == "line":
            return re.compile(rf"{pad}(?:{alternatives}){pad}")
        if self.rule.mode == "start":
            return re.compile(rf"{pad}(?:{alternatives}){edge}")
        return re.compile(rf"{edge}(?:{alternatives}){edge}")

    def _regex(self, line: str) -> re.Pattern[str]:
        if line.isascii() or not mark_re().search(line):
            return self.regex
        if self._marked is None:
            letter = rf"(?:[^\W_]|[{marks()}])"
            self._marked = self._compile(rf"(?:(?<!{letter})|(?!{letter}))", rf"(?:[^\w{marks()}]|_)*")
        return self._marked

    def apply(self, line: str, index: int) -> RuleMatch | None:
        rule = self.rule
        mode = rule.mode
        if mode == "line":
            ok = len(line.strip()) <= rule.max_chars and self._regex(line).fullmatch(line) is not None
            return RuleMatch(rule, index, None) if ok else None
        if mode == "start":
            stripped = line.strip()
            ok = (
                len(stripped) <= rule.max_chars and not quotes_someone(stripped)
                and self._regex(line).match(line) is not None
            )  # fmt: skip
            return RuleMatch(rule, index, None) if ok else None
        if mode == "contains":
            ok = len(line.strip()) <= rule.max_chars and self._regex(line).search(line) is not None
            return RuleMatch(rule, index, None) if ok else None
        end = len(line.rstrip())
        for found in self._regex(line).finditer(line):
            start = found.start()
            if end - start > rule.max_chars:
                continue
            before = line[:start]
            if not any(ch.isalnum() for ch in before):
                return RuleMatch(rule, index, None)
            return RuleMatch(rule, index, len(before.rstrip()))
        return None


#: exact checks kept compiled per process (the built-in rules number about 900)
EXACT_CHECKS_CACHED = 4096


@lru_cache(maxsize=EXACT_CHECKS_CACHED)
def _exact_check(rule: Rule) -> _ExactCheck:
    """The exact check of ``rule``, compiled once per process: the matchers of the documents'
    languages share them (Python's own cache of compiled patterns holds 512, fewer than the rules)."""
    return _ExactCheck(rule)


def _short_rule(rule: Rule) -> bool:
    """Whether a rule applies only to whole short lines or their start (see SHORT_RULE_CHARS)."""
    return rule.mode in ("line", "start") and rule.max_chars <= SHORT_RULE_CHARS


def _blank_if_longer(line: str, text: str, limit: int) -> str:
    """``text`` (what is scanned of ``line``), or nothing if ``line`` stripped is over ``limit``."""
    return text if len(line) <= limit or len(line.strip()) <= limit else ""


def _engine_default() -> str:
    return "hyperscan" if _hs is not None else "re"


#: chars; a line or start rule whose guard is at most this long is looked for only in the lines
#: that short (once stripped). Most label rules guard at 60 to 80 characters, and the long lines
#: (the prose) are most of a text: their prefilter scans a fraction of it.
SHORT_RULE_CHARS = 80


class _Prefilter:
    """The prefilter of a group of rules (indexes into the matcher's rules): one Hyperscan
    database, or one regex per rule. ``max_chars``: the longest stripped line that any rule of
    the group can apply to, or None for any line."""

    __slots__ = ("compiled", "database", "engine", "max_chars", "rules", "scratch")

    def __init__(self, rules: list[int], sources: list[str], max_chars: int | None, engine: str):
        self.rules = rules
        self.max_chars = max_chars
        self.engine = engine
        if engine == "hyperscan":
            self.database = _cached_hyperscan(sources)
            # The database may be shared with other matchers of the process; the scratch space is this one's.
            self.scratch = _hs.Scratch(self.database) if self.database is not None else None
        else:
            self.compiled = [re.compile(source, re.MULTILINE) for source in sources]

    def scan(self, texts: list[str], found: set[tuple[int, int]]) -> None:
        """Add to ``found`` the (rule index, line index) pairs reported for ``texts``."""
        text = "\n".join(texts)
        rules = self.rules
        if self.engine == "hyperscan":
            if _OTHER_SPACES.search(text):  # one character for another: the lines stay as they are
                text = text.translate(_BLANKS)
            # Lone surrogates become "?": only the line breaks' positions matter here.
            data = text.encode("utf-8", "replace")
            ends: list[tuple[int, int]] = []

            def on_match(rule: int, start: int, end: int, flags: int, context: object) -> None:
                ends.append((rule, end))

            self.database.scan(data, match_event_handler=on_match, scratch=self.scratch)
            ends.sort(key=lambda hit: hit[1])
            line = position = 0
            for rule, end in ends:  # one sweep: line breaks are counted once, whatever the hit count
                line += data.count(b"\n", position, end)
                position = end
                found.add((rules[rule], line))
            return
        starts = [0]
        for line_text in texts[:-1]:
            starts.append(starts[-1] + len(line_text) + 1)
        for rule, compiled in zip(rules, self.compiled):
            for hit in compiled.finditer(text):  # every line the hit touches (it may span breaks)
                first = bisect_right(starts, hit.start()) - 1
                last = bisect_right(starts, max(hit.end() - 1, hit.start())) - 1
                found.update((rule, line) for line in range(first, last + 1))


class Matcher:
    """Compiled rules; :meth:`match` finds where they apply in a document's lines."""

    def __init__(self, rules: Sequence[Rule], engine: str | None = None, *, skip: Collection[str] = ()):
        """``skip``: ids of rules that are compiled with the others but never reported (a
        configuration's disabled rules). Leaving them in the automaton keeps it the same for every
        configuration of the same packs, so that it is compiled once and then loaded from the cache;
        likewise the built-in packs' rules and a user's have automata of their own."""
        self.rules = list(rules)
        self.engine = engine or _engine_default()
        self._checks = [_exact_check(rule) for rule in self.rules]
        self._skipped = {index for index, rule in enumerate(self.rules) if rule.id in skip}
        # No rule can apply to a line longer than its guard, except a trim rule to the line's
        # tail; so the prefilter needs only the last `reach` characters of a long line (trailing
        # whitespace left out).
        self._reach = max((rule.max_chars for rule in self.rules), default=0) + 1
        self._prefilters: list[_Prefilter] = []
        if not self.rules:
            self.engine = "none"
        elif self.engine == "hyperscan" and _hs is None:
            raise ImportError("the hyperscan engine needs the 'hyperscan' package: pip install hyperscan")
        elif self.engine not in ("hyperscan", "re"):
            raise ValueError(f"unknown matcher engine {self.engine!r}; use 'hyperscan' or 're'")
        else:
            for builtin in (True, False):
                for short, max_chars in ((True, SHORT_RULE_CHARS), (False, None)):
                    group = [
                        index for index, rule in enumerate(self.rules)
                        if _short_rule(rule) is short and rule.source.startswith(BUILTIN_SOURCE) is builtin
                    ]  # fmt: skip
                    if group:
                        self._prefilters.extend(self._prefilter(group, max_chars))

    def _prefilter(self, group: list[int], max_chars: int | None) -> list[_Prefilter]:
        """The prefilters of a group of rules: one, or with Hyperscan, a second one on ``re`` for
        the patterns Hyperscan rejects (its dialect lacks a few of Python's constructs, such as
        possessive quantifiers), so that both engines find the same matches."""
        sources = [prefilter_pattern(self.rules[index]) for index in group]
        prefilter = _Prefilter(group, sources, max_chars, self.engine)
        if self.engine != "hyperscan" or prefilter.database is not None:
            return [prefilter]
        rejected = [_compile_hyperscan(hyperscan_expressions(source)) is None for source in sources]
        if not any(rejected):
            raise RulePackError("rule packs", "the patterns together are too large for the Hyperscan engine")
        accepted = [(index, source) for index, source, bad in zip(group, sources, rejected) if not bad]
        others = [(index, source) for index, source, bad in zip(group, sources, rejected) if bad]
        prefilters = [_Prefilter([i for i, _ in others], [s for _, s in others], max_chars, "re")]
        if accepted:
            fast = _Prefilter([i for i, _ in accepted], [s for _, s in accepted], max_chars, self.engine)
            if fast.database is None:
                raise RulePackError("rule packs", "the patterns together are too large for the Hyperscan engine")
            prefilters.insert(0, fast)
        return prefilters

    def candidates(self, lines: Sequence[str]) -> set[tuple[int, int]]:
        """(rule index, line index) pairs the prefilter reports for ``lines`` (lower-cased)."""
        found: set[tuple[int, int]] = set()
        if not lines:
            return found
        reach = self._reach
        # A long line is cut after its trailing whitespace is dropped: a pattern that needs trailing
        # whitespace (none of the built-in ones) may then miss on a line longer than `reach`.
        texts = [line if len(line) <= reach else line.rstrip()[-reach:] for line in lines]
        for prefilter in self._prefilters:
            limit = prefilter.max_chars
            if limit is not None:  # the lines too long for every rule of the group are left blank
                prefilter.scan([_blank_if_longer(line, text, limit) for line, text in zip(lines, texts)], found)
            else:
                prefilter.scan(texts, found)
        return found

    def match(self, lines: Sequence[str]) -> list[RuleMatch]:
        """Where the rules apply in ``lines`` (lower-cased), sorted by line, whole-line matches first."""
        matches = []
        skipped = self._skipped
        for rule, line in self.candidates(lines):
            if rule in skipped:
                continue
            match = self._checks[rule].apply(lines[line], line)
            if match is not None:
                matches.append(match)
        matches.sort(key=lambda m: (m.line, m.trim_from is not None, m.rule.id))
        return matches


def cache_folder() -> Path | None:
    """Where compiled Hyperscan automata are kept: ``CLEANER_CACHE_DIR``, else ``cleaner`` under
    ``XDG_CACHE_HOME`` or ``~/.cache``; None when ``CLEANER_CACHE_DIR`` is empty (no cache)."""
    configured = os.environ.get("CLEANER_CACHE_DIR")
    if configured == "":
        return None  # caching switched off
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleaner"


#: databases compiled or loaded by this process, by cache key, the most recently used last: the
#: matchers of several Cleaners (or of one Cleaner's document languages) with the same patterns
#: share one database (each with a scratch space of its own). At most :data:`DATABASES_KEPT`.
_DATABASES: dict[str, object] = {}
DATABASES_KEPT = 32


#: how prefilter patterns become Hyperscan expressions (see :func:`hyperscan_expressions`), in the
#: cache key, so that a release whose expressions differ compiles anew instead of loading another's
#: databases: raise the number with any change to :mod:`.literals` or to the widening
EXPRESSIONS_FORM = f"literals-2/{MIN_LITERAL_BYTES}/{MAX_STRINGS}"


def _cached_hyperscan(sources: list[str]) -> object | None:
    """The compiled database of the prefilter patterns ``sources`` (each reported by its
    position): this process's, or loaded from the cache folder when they were compiled before,
    or compiled.

    Compiling takes seconds; loading takes milliseconds. The cache key covers the patterns, how
    they become Hyperscan expressions, the Hyperscan version and the platform (so a warm start
    does not even work the expressions out); any failure to read or write the cache just means
    compiling. ``CLEANER_CACHE_DIR`` moves the cache, and an empty value switches it off (the
    process still keeps what it compiled).
    """
    version = _hs.__version__ if hasattr(_hs, "__version__") else ""
    form = [version, platform.machine(), sys.version_info[:2], EXPRESSIONS_FORM, HYPERSCAN_MAX_REPEAT]
    key = hashlib.sha256(json.dumps([form, sources]).encode()).hexdigest()[:32]
    database = _DATABASES.pop(key, None)
    if database is None:
        database = _stored_hyperscan(key, sources)
    if database is not None:
        _DATABASES[key] = database
        while len(_DATABASES) > DATABASES_KEPT:
            del _DATABASES[next(iter(_DATABASES))]
    return database


def _stored_hyperscan(key: str, sources: list[str]) -> object | None:
    """The database of ``sources`` from the cache folder, or compiled (and stored there)."""
    folder = cache_folder()
    path = folder / f"patterns-{key}.hsdb" if folder else None
    if path is not None:
        try:
            database = _hs.loadb(path.read_bytes(), _hs.HS_MODE_BLOCK)
        except (OSError, _hs.error, ValueError, TypeError):
            pass
        else:
            with contextlib.suppress(OSError):  # a cache shared read-only still serves
                os.utime(path)  # used now: the pruning keeps the most recently used files
            return database
    expressions, ids = [], []
    for position, source in enumerate(sources):
        found = hyperscan_expressions(source)
        expressions.extend(found)
        ids.extend([position] * len(found))
    database = _compile_hyperscan(expressions, ids)
    if database is not None and path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(_hs.dumpb(database))
            os.replace(temporary, path)
        except OSError:
            pass
        _prune_cache(path.parent, CACHE_MAX_FILES)
    return database


#: compiled pattern files kept in the cache folder: a Cleaner uses two or three per set of rules
#: (one per group), one set for all its rules and one for each document language it meets, and each
#: edit of a user pack makes new ones; the least recently used go beyond this.
CACHE_MAX_FILES = 128


def _prune_cache(folder: Path, keep: int) -> None:
    """Delete all but the ``keep`` most recently used compiled pattern files of ``folder``."""
    dated = []
    for path in folder.glob("patterns-*.hsdb"):
        try:
            dated.append((path.stat().st_mtime, path))
        except OSError:
            continue  # gone meanwhile (another process pruned it)
    dated.sort(reverse=True)
    for _, path in dated[keep:]:
        try:
            path.unlink()
        except OSError:
            pass


def _compile_hyperscan(expressions: list[HyperscanExpression], ids: list[int] | None = None) -> object | None:
    """A database reporting each expression's id (its position by default), or None if Hyperscan refuses one."""
    database = _hs.Database(mode=_hs.HS_MODE_BLOCK)
    try:
        database.compile(
            expressions=[pattern.encode("utf-8") for pattern, _ in expressions],
            ids=list(range(len(expressions))) if ids is None else ids,
            elements=len(expressions),
            flags=[_hs.HS_FLAG_UTF8 | _hs.HS_FLAG_MULTILINE if utf8 else 0 for _, utf8 in expressions],
        )
    except (_hs.error, UnicodeEncodeError):  # (a lone surrogate in a user's pattern: it runs on re)
        return None
    return database
