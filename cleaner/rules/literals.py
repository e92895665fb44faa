"""The literal strings that a rule's pattern cannot match without, for the Hyperscan prefilter.

Compiling every pack's patterns into one Hyperscan automaton took 33 s on a cold cache (the
anchored alternations of phrases in many scripts make large automata); a set of plain strings
compiles in a small part of that. Most rules need one of a few strings that are long enough to be
rare: ``en.newsletter.inbox`` cannot match a line without "inbox", a Chinese credit line not
without "记者" or "摄". The prefilter then reports every line that holds one of them, and the
exact check decides as before, so the result does not change; a rule whose strings are short or
unknown ("ad", or a pattern of classes and counts) keeps its whole pattern in the automaton.

The pattern is read with Python's own regex parser (``re._parser``); any construct it does not
expect gives no strings, and the whole pattern is used.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

#: strings a piece of pattern may expand to before it counts as open-ended (a phrase's
#: alternatives multiplied by its optional letters: "[إا]نستغرام|[إا]نستجرام" gives four)
MAX_STRINGS = 64
#: letters and digits (UTF-8 bytes) of the weakest string a rule's set may hold: with fewer
#: ("ad", "by", " mon", "news") they occur in too many lines, and the rule keeps its whole
#: pattern. Two Chinese or Korean characters are six bytes. Calibrated on the development set's
#: views: at 4, the English rules' prefilter reported 2.8 times the (rule, line) pairs of the
#: whole patterns, and 1.5 times at 5, where every rule's automaton compiled in 19 s against 33
#: (15 at 4).
MIN_LITERAL_BYTES = 5

_Strings = set[str] | None  # the strings a piece of pattern matches, or None when open-ended


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains (a match may contain more), each
    with at least :data:`MIN_LITERAL_BYTES` of letters and digits; None when no such set is found."""
    if BLANKS in pattern:
        return None
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        found = _needed(list(parsed))
    except (TypeError, ValueError, IndexError, AttributeError, RecursionError):  # a construct not expected
        return None
    if not found or "" in found or _strength(found)[0] < MIN_LITERAL_BYTES:
        return None
    return frozenset(found)


def literal_pattern(text: str) -> str:
    """``text`` as a Hyperscan pattern that matches just it (:data:`BLANKS` as a run of blanks)."""
    return "".join(
        _BLANK_RUN if char == BLANKS else re.escape(char) if char.isascii() else char for char in text
    )


#: stands in a needed string for a run of blanks between a phrase's words (``[^\S\n]+``, as
#: :func:`.schema.phrase_to_regex` writes them), so that "don't have an account?" is one string
#: and not the rarest of its words
BLANKS = "\uffff"  # a noncharacter; a pattern that holds it, or writes it as an escape, gets no strings from it
_BLANK_RUN = r"[^\S\n]+"
_BLANK_CLASS = [(sre.NEGATE, None), (sre.CATEGORY, sre.CATEGORY_NOT_SPACE), (sre.LITERAL, ord("\n"))]


def _is_blank_run(op, av) -> bool:
    r"""Whether a piece is ``[^\S\n]+``."""
    if op is not sre.MAX_REPEAT or av[0] != 1 or av[1] != sre.MAXREPEAT or len(av[2]) != 1:
        return False
    inner_op, inner_av = list(av[2])[0]
    return inner_op is sre.IN and list(inner_av) == _BLANK_CLASS


def _strength(strings: set[str]) -> tuple[int, int]:
    """How selective a set of needed strings is: its weakest string's letters and digits (in UTF-8
    bytes: " mon" counts 3, as rare as "mon"), then fewer strings."""
    return (min(map(_letter_bytes, strings)), -len(strings))


def _letter_bytes(text: str) -> int:
    return sum(len(char.encode("utf-8")) for char in text if char.isalnum())


def _needed(items: list) -> _Strings:
    """The most selective set of strings that every match of the sequence ``items`` contains."""
    best: set[str] | None = None

    def consider(strings: _Strings) -> None:
        nonlocal best
        if strings and "" not in strings and (best is None or _strength(strings) > _strength(best)):
            best = strings

    run: set[str] = {""}  # the strings of the exact pieces since the last open-ended one
    for op, av in items:
        exact = _exact_item(op, av)
        if exact is not None:
            if len(exact) * len(run) <= MAX_STRINGS:
                run = {before + after for before in run for after in exact}
            else:  # too many together: the run so far is one candidate, and a new one starts
                consider(run)
                run = exact
            continue
        consider(run)
        run = {""}
        if op is sre.SUBPATTERN:
            consider(_needed(list(av[3])) if not _adds_flags(av) else None)
        elif op is sre.BRANCH:
            branches = [_needed(list(branch)) for branch in av[1]]
            if all(branches):
                consider(set().union(*branches))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            consider(_needed(list(av[2])))
    consider(run)
    return best


def _exact(items: list) -> _Strings:
    """Every string the sequence ``items`` matches, if they are few."""
    strings = {""}
    for op, av in items:
        exact = _exact_item(op, av)
        if exact is None:
            return None
        strings = {before + after for before in strings for after in exact}
        if len(strings) > MAX_STRINGS:
            return None
    return strings


def _exact_item(op, av) -> _Strings:
    if _is_blank_run(op, av):
        return {BLANKS}
    if op is sre.LITERAL:
        return {chr(av)} if chr(av) != BLANKS else None  # (written as an escape, "\\uffff")
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width: no character between the pieces
        return {""}
    if op is sre.SUBPATTERN:
        return None if _adds_flags(av) else _exact(list(av[3]))
    if op is sre.BRANCH:
        strings: set[str] = set()
        for branch in av[1]:
            exact = _exact(list(branch))
            if exact is None:
                return None
            strings |= exact
        return strings if len(strings) <= MAX_STRINGS else None
    if op is sre.IN:  # a short class of plain characters: "[إا]", "['’]"
        chars: set[str] = set()
        for member, value in av:
            if member is sre.LITERAL:
                chars.add(chr(value))
            elif member is sre.RANGE and value[1] - value[0] < 8:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None
        return chars if BLANKS not in chars else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        if low == high and low <= 3:
            exact = _exact(list(body))
            if exact is None:
                return None
            strings = {""}
            for _ in range(low):
                strings = {before + after for before in strings for after in exact}
            return strings if len(strings) <= MAX_STRINGS else None
    return None


def _adds_flags(av) -> bool:
    """Whether a group switches flags on or off (``(?i:...)``): its literals may then match otherwise."""
    return bool(av[1] or av[2])
