"""Every rule of every built-in pack honours its own examples (one generic test, ids = rule ids)."""

from __future__ import annotations

import pytest

from cleaner.rules import available_rule_packs, load_rule_pack
from cleaner.rules.matcher import Matcher
from cleaner.segment import lower_case

RULES = [rule for name in available_rule_packs() for rule in load_rule_pack(name).rules]


def _applies(matcher: Matcher, text: str) -> bool:
    return bool(matcher.match([lower_case(text)]))


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_rule_removes_its_remove_examples_and_keeps_its_keep_examples(rule):
    matcher = Matcher([rule], engine="re")
    for example in rule.remove:
        assert _applies(matcher, example), f"{rule.id} misses remove example {example!r}"
    for example in rule.keep:
        assert not _applies(matcher, example), f"{rule.id} hits keep example {example!r}"


LANGUAGE_RULES: dict[str, list] = {}
for _rule in RULES:
    LANGUAGE_RULES.setdefault(_rule.language, []).append(_rule)


@pytest.mark.parametrize("language", sorted(set(LANGUAGE_RULES) - {"common"}))
def test_no_decisive_rule_of_a_language_hits_another_rules_keep_example(language):
    rules = [r for r in LANGUAGE_RULES[language] + LANGUAGE_RULES["common"] if r.weight == 1.0]
    matcher = Matcher(rules, engine="re")
    for rule in LANGUAGE_RULES[language]:
        for example in rule.keep:
            hits = [m.rule.id for m in matcher.match([lower_case(example)])]
            assert not hits, f"keep example of {rule.id} removed by {hits}: {example!r}"


def test_every_category_of_the_taxonomy_has_rules_in_the_seven_core_languages():
    wanted = {"ads", "newsletter", "share", "related", "cookies", "paywall", "credits", "copyright", "comments",
              "navigation", "syndication"}  # fmt: skip
    for language in ("en", "de", "fr", "es", "it", "pt", "nl"):
        have = {rule.category for rule in LANGUAGE_RULES[language]}
        assert wanted <= have, f"{language} lacks {sorted(wanted - have)}"


def test_both_engines_find_the_same_matches_in_every_example():
    """Hyperscan's automaton for all the rules together finds what Python's ``re`` finds on every
    example line (an alternative opening with a line start once made Hyperscan miss "... por mês.
    Cancele quando quiser." beside a long non-ASCII phrase)."""
    pytest.importorskip("hyperscan")
    lines = [lower_case(example.replace("\n", " ")) for rule in RULES for example in (*rule.remove, *rule.keep)]
    found = {
        engine: {(m.rule.id, m.line, m.trim_from) for m in Matcher(RULES, engine=engine).match(lines)}
        for engine in ("hyperscan", "re")
    }
    assert found["hyperscan"] == found["re"]
