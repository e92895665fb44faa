"""``cleaner rules list``, ``test`` and ``compile``: the built-in packs, a pack's examples run, the
pattern automata compiled ahead of the documents."""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import batch
from ..config import CleanerConfig
from ..errors import CleanerError, ConfigError, RulePackError
from ..pipeline import Cleaner
from ..rules import Rule, available_rule_packs, builtin_packs, load_rule_pack
from ..rules.matcher import Matcher, cache_folder
from ..segment import lower_case
from . import shell


def _check_pack_names(names: Sequence[str]) -> None:
    """Refuse a name that is neither a built-in pack nor a file: a usage error saying how to list packs."""
    builtin = set(available_rule_packs())
    for name in names:
        if name not in builtin and not Path(name).is_file():
            raise batch.UsageError(f"{name}: no such file and no built-in pack of that name; {shell.PACKS_HINT}")


def cmd_rules_list(args: argparse.Namespace) -> int:
    _check_pack_names(args.packs)
    names = args.packs or available_rule_packs()
    for name in names:
        try:
            pack = load_rule_pack(name)
        except RulePackError as exc:
            shell.error(str(exc))
            return shell.EXIT_FAILED
        print(f"{name}  ({pack.id}, {pack.language}, {len(pack.rules)} rule{'s' if len(pack.rules) != 1 else ''})"
              f"  {pack.description}")
        width = max(len(rule.id) for rule in pack.rules)
        for rule in pack.rules:
            print(f"  {rule.id:<{width}}  {rule.category:<11} {rule.mode:<8} {rule.reason}")
    return shell.EXIT_OK


def cmd_rules_compile(args: argparse.Namespace) -> int:
    _, cleaner = shell.cleaner_for(args)
    started = time.monotonic()
    languages = cleaner.precompile()
    seconds = time.monotonic() - started
    engine = cleaner.matcher.engine
    if engine == "none":
        print("no rules: nothing to compile")
        return shell.EXIT_OK
    if engine != "hyperscan":
        print(f"the {engine} engine compiles its patterns in each process: nothing to keep ({seconds:.1f} s)")
        return shell.EXIT_OK
    folder = cache_folder()
    plural = "s" if languages != 1 else ""
    print(f"pattern automata for {languages} document language{plural} and for all the rules: ready")
    kept = f"kept in {folder}" if folder is not None else "not kept: CLEANER_CACHE_DIR is empty"
    print(f"compiled or loaded in {seconds:.1f} s, {kept}")
    return shell.EXIT_OK


def cmd_rules_test(args: argparse.Namespace) -> int:
    _check_pack_names(args.packs)
    failures = 0
    for name in args.packs:
        try:
            pack = load_rule_pack(name)
            # (each example is cleaned as a document in the pack's language: a short line alone
            # tells its language poorly, and a Japanese label in kanji alone reads as Chinese)
            languages = () if pack.language == "common" else (pack.language,)
            cleaner = Cleaner(
                CleanerConfig(builtin_rules=False, rule_packs=(name,), profile="conservative", languages=languages)
            )
        except (RulePackError, ConfigError) as exc:
            shell.error(str(exc))
            failures += 1
            continue
        passed = failed = clashes = 0
        if str(name) not in available_rule_packs() and not args.no_builtin_rules:  # built-in: against itself only
            built_in = {rule.id: source.id for source in builtin_packs() for rule in source.rules}
            for rule in pack.rules:
                if rule.id in built_in:
                    clashes += 1
                    print(f"FAIL {rule.id}: the built-in pack {built_in[rule.id]} has this id; `cleaner clean --rules` "
                          "refuses the pack beside the built-in rules (rename the rule, or test with "
                          "--no-builtin-rules a pack that replaces them)")  # fmt: skip
        for rule in pack.rules:
            # A weak rule only informs the line model, and a rule with a place waits for an article
            # around its line: their examples are checked against the rule's own match.
            alone = Matcher([rule], "re") if rule.weight < 1.0 or rule.where != "anywhere" else None
            for kind, examples in (("remove", rule.remove), ("keep", rule.keep)):
                for number, example in enumerate(examples, 1):
                    if alone is None:
                        problem = _check_example(cleaner, rule, kind, example)
                    else:
                        problem = _check_match(alone, kind, example)
                    label = f"{rule.id} {kind}[{number}] {example!r}"
                    if problem:
                        failed += 1
                        print(f"FAIL {label}: {problem}")
                    else:
                        passed += 1
                        if args.verbose:
                            print(f"ok   {label}")
        failures += failed + clashes
        status = "ok" if not failed + clashes else "FAILED"
        clashed = f", {clashes} ids taken by built-in rules" if clashes else ""
        print(f"{name}: {len(pack.rules)} rules, {passed + failed} examples, {passed} passed, {failed} failed{clashed}: {status}")
    return shell.EXIT_FAILED if failures else shell.EXIT_OK


def _check_match(matcher: Matcher, kind: str, example: str) -> str | None:
    """Why the example fails against the rule's own match (a weak rule, or one with a place), or ``None``."""
    found = bool(matcher.match([lower_case(example.replace("\n", " "))]))
    if kind == "remove" and not found:
        return "not matched by the rule"
    if kind == "keep" and found:
        return "matched by the rule"
    return None


def _check_example(cleaner: Any, rule: Rule, kind: str, example: str) -> str | None:
    """Why the example fails, or ``None`` when it passes."""
    line = example.replace("\n", " ")
    try:
        result = cleaner.clean_and_explain(line)
    except CleanerError as exc:
        return f"error: {exc}"
    if kind == "keep":
        if result.text == line:
            return None
        codes = ", ".join(sorted({r.evidence.code for r in result.removals})) or "no evidence"
        return f"changed to {result.text!r} by {codes}"
    if result.text == line:
        return "kept unchanged"
    names = {r.evidence.name for r in result.removals}
    if rule.id not in names and _check_match(Matcher([rule], "re"), kind, example) is not None:
        return f"removed by {', '.join(sorted(names))} instead of {rule.id}"
    return None  # (removed, and by this rule, though another one that matches too is named)
