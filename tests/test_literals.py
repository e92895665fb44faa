"""The strings a rule cannot match without (the Hyperscan prefilter's literals), and the compiled
automata shared between configurations."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.rules import builtin_packs
from cleaner.rules.literals import BLANKS, MIN_LITERAL_BYTES, literal_pattern, required_literals
from cleaner.rules.matcher import Matcher, prefilter_pattern
from cleaner.segment import lower_case

from conftest import HOUSE_PACK

B = BLANKS  # a run of blanks between a phrase's words


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("inbox", {"inbox"}),
        (r"sign[^\S\n]+up[^\S\n]+for[^\S\n]+our[^\S\n]+newsletter", {f"sign{B}up{B}for{B}our{B}newsletter"}),
        (r"(?:not a subscriber\?)|(?:need an account\?)", {"not a subscriber?", "need an account?"}),
        ("[إا]نستغرام", {"انستغرام", "إنستغرام"}),  # a short class of letters spelled out
        (r"^(?:[^\w\n]|_)*(?:read more|related):", {"read more:", "related:"}),  # the padding is left out
        ("a(?:b|c)d+efghi", {"efghi"}),  # the most selective of the pieces every match has
        ("(?:photo )?credits?: [a-z]+ images", {"credit"}),  # the optional word is not needed
        ("记者(?:王|李)", {"记者王", "记者李"}),  # two Chinese characters are six bytes
        ("(?:a|bb)x{2}", None),  # "ax" is too short to be rare
        (r"foo\d+bar", None),  # each side is too short
        ("x{0,3}yy", None),
        ("(?:breaking)?", None),  # no string every match has
        ("(?i)breaking news", None),  # letters in either case: not one string
        ("(?i:breaking) newsletter", {" newsletter"}),
        ("(?:jan|feb) [0-9]+, (?:mon|tue)", None),  # " mon": three letters, too common
        (f"odd{BLANKS}text", None),  # the stand-in for blanks never comes from a pattern
        ("(unclosed", None),
    ],
)
def test_required_literals(pattern, expected):
    found = required_literals(pattern)
    assert found == (frozenset(expected) if expected is not None else None)
    if found is not None:
        letters = [sum(len(char.encode("utf-8")) for char in text if char.isalnum()) for text in found]
        assert min(letters) >= MIN_LITERAL_BYTES


def test_literal_patterns_match_just_their_text():
    pattern = literal_pattern(f"don't{BLANKS}miss (this)?")
    assert pattern == r"don't[^\S\n]+miss\ \(this\)\?"
    assert re.fullmatch(pattern, "don't \t miss (this)?")
    assert not re.fullmatch(pattern, "don't miss (this)")


def _blanked(line: str) -> str:
    """A line as the literals read it: each run of blanks one stand-in."""
    return re.sub(r"[^\S\n]+", BLANKS, line)


def test_every_line_a_builtin_rule_removes_holds_one_of_its_literals():
    """The literals are a prefilter: no line that a rule applies to may lack all of them (the
    engines' parity test finds the same from the other side)."""
    checked = 0
    for rule in (rule for pack in builtin_packs() for rule in pack.rules):
        needed = required_literals(prefilter_pattern(rule))
        if needed is None:
            continue
        matcher = Matcher([rule], "re")
        for example in rule.remove:
            for line in lower_case(example).split("\n"):
                if matcher.match([line]):
                    checked += 1
                    assert any(_blanked(text) in _blanked(line) for text in needed), (rule.id, line, needed)
    assert checked > 2000


def test_a_configuration_that_disables_rules_compiles_no_new_automaton(tmp_path, monkeypatch):
    pytest.importorskip("hyperscan")
    from cleaner.rules import matcher

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(matcher, "_DATABASES", {})  # nothing compiled in this process: the folder gets all
    text = "The council approved the budget on Monday after a long debate.\n- Advertisement -\nIt takes effect in May.\n"

    def credited(worker: cleaner.Cleaner) -> list[str]:
        return [removal.evidence.name for removal in worker.clean_and_explain(text).removals]

    assert "en.ads.label" in credited(cleaner.Cleaner(cleaner.CleanerConfig(languages=("en",))))
    compiled = []
    monkeypatch.setattr(matcher, "_compile_hyperscan", lambda *args: compiled.append(args))
    monkeypatch.setattr(matcher, "_DATABASES", {})  # from the cache folder, as in a new process
    disabled = cleaner.Cleaner(cleaner.CleanerConfig(languages=("en",), disable=("en.ads.label",)))
    assert "en.ads.label" not in credited(disabled)
    assert compiled == []


def test_a_user_pack_has_an_automaton_of_its_own(tmp_path, monkeypatch):
    pytest.importorskip("hyperscan")
    from cleaner.rules import matcher

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(matcher, "_DATABASES", {})  # nothing compiled in this process
    path = tmp_path / "house.toml"
    path.write_text(HOUSE_PACK, encoding="utf-8")
    text = "The council approved the budget on Monday after a long debate.\nListen to our podcast!\n"
    cleaner.Cleaner(cleaner.CleanerConfig(languages=("en",))).clean(text)  # the built-in packs' automata
    compiled = []
    original = matcher._compile_hyperscan
    monkeypatch.setattr(matcher, "_compile_hyperscan", lambda *args: compiled.append(args) or original(*args))
    house = cleaner.Cleaner(cleaner.CleanerConfig(languages=("en",), rule_packs=(str(path),)))
    assert house.clean(text) == "The council approved the budget on Monday after a long debate.\n"
    assert [[pattern for pattern, _ in expressions] for expressions, _ in compiled] == [[r"listen[^\S\n]+to[^\S\n]+our[^\S\n]+podcast"]]


def test_building_a_cleaner_compiles_nothing(monkeypatch):
    from cleaner.rules import matcher

    compiled = []
    monkeypatch.setattr(matcher, "_compile_hyperscan", lambda *args: compiled.append(args))
    monkeypatch.setattr(matcher, "_cached_hyperscan", lambda *args: compiled.append(args))
    cleaner.Cleaner(cleaner.CleanerConfig(profile="conservative", disable=("en.ads",)))
    assert compiled == []


_EXAMPLES = sorted({example for pack in builtin_packs() for rule in pack.rules for example in rule.remove + rule.keep})
#: what may stand between a phrase's words in scraped text: Python's blanks, one or several
_BLANK_RUNS = [" ", "  ", "\t", " \t ", "\xa0", "\u2009", "\u3000", "\x0b", "\x1f"]
_MATCHERS: dict[str, Matcher] = {}


def _engine(engine: str) -> Matcher:
    if engine not in _MATCHERS:
        _MATCHERS[engine] = Matcher([rule for pack in builtin_packs() for rule in pack.rules], engine)
    return _MATCHERS[engine]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_EXAMPLES), st.sampled_from(_BLANK_RUNS),
            st.text(alphabet="-–»•|:.!? ([*#\"'aZé0", max_size=4), st.text(alphabet=" .!?)]:|-", max_size=3),
        ),
        min_size=1, max_size=6,
    )
)  # fmt: skip
@settings(max_examples=60, deadline=None)
def test_the_engines_agree_on_mangled_examples(pieces):
    """Every built-in rule's examples, with other blanks between their words and punctuation around
    them: the literal prefilter reports a superset of what the exact checks accept."""
    pytest.importorskip("hyperscan")
    lines = [lower_case(before + example.replace(" ", blank) + after) for example, blank, before, after in pieces]
    assert _engine("hyperscan").match(lines) == _engine("re").match(lines)


def test_precompiled_automata_serve_a_new_process(tmp_path, monkeypatch):
    pytest.importorskip("hyperscan")
    from cleaner.rules import matcher

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(matcher, "_DATABASES", {})
    config = cleaner.CleanerConfig(languages=("en", "de"))
    assert cleaner.Cleaner(config).precompile() == 2
    compiled = []
    monkeypatch.setattr(matcher, "_compile_hyperscan", lambda *args: compiled.append(args))
    monkeypatch.setattr(matcher, "_DATABASES", {})  # a new process
    worker = cleaner.Cleaner(config)
    english = "The council approved the budget on Monday after a long debate.\n- Advertisement -\n"
    german = "Der Stadtrat hat am Montag nach langer Debatte den Haushalt beschlossen.\nWerbung\n"
    wrapped = "The council approved the budget on Monday after a long\ndebate that ran late into the night.\n"
    for text in (english, german, wrapped):
        worker.clean(text)
    assert compiled == []


@pytest.mark.parametrize(
    ("pattern", "mode", "line"),
    [
        (r"abcdef\uffff", "contains", "abcdef\uffff"),  # the stand-in for blanks, written as an escape
        ("[\ufff8-\uffff]abcdef", "contains", "\uffffabcdef"),
        ("lire aussi\xa0:", "contains", "lire aussi\xa0: la suite"),  # the scanned text has a blank for it
        ("«\xa0lire la suite", "start", "«\xa0lire la suite"),
        (r"abcdef\ud800", "contains", "abcdef\ud800"),  # a lone surrogate: that rule runs on re
    ],
)
def test_the_engines_agree_on_odd_characters_in_user_patterns(pattern, mode, line):
    pytest.importorskip("hyperscan")
    from dataclasses import replace

    from cleaner.rules.schema import parse_pack

    rule = replace(parse_pack(HOUSE_PACK, "house.toml").rules[0], mode=mode, phrases=(), regex=(pattern,))
    found = Matcher([rule], "re").match([line])
    assert found and Matcher([rule], "hyperscan").match([line]) == found
