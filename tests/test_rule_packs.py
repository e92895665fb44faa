"""Rule-pack loading and validation, and the two pattern engines agreeing."""

from __future__ import annotations

import json

import pickle
from dataclasses import replace

import pytest

import cleaner
from cleaner import RulePackError
from cleaner.rules import available_rule_packs, builtin_packs, load_rule_pack
from cleaner.rules.matcher import Matcher, widen_for_hyperscan
from cleaner.rules.schema import parse_pack

from conftest import DOCUMENTS, HOUSE_PACK as GOOD_RULE



def test_every_builtin_pack_loads_and_rule_ids_are_unique():
    rules = [rule for pack in builtin_packs() for rule in pack.rules]
    assert len(available_rule_packs()) >= 8 * 7
    assert len({rule.id for rule in rules}) == len(rules)


def test_every_builtin_pattern_runs_on_hyperscan():
    """The built-in rules need no ``re`` fallback (a pattern Hyperscan rejects, such as one with a
    ``\\u00e0`` escape, would run in Python on every document, a quarter of the matching time)."""
    pytest.importorskip("hyperscan")
    matcher = Matcher([rule for pack in builtin_packs() for rule in pack.rules], engine="hyperscan")
    assert [prefilter.engine for prefilter in matcher._prefilters] == ["hyperscan", "hyperscan"]


def test_builtin_packs_are_found_as_package_data():
    assert "en/ads" in available_rule_packs()
    assert load_rule_pack("en/ads").rules[0].id == "en.ads.label"


def test_user_pack_loads_from_a_file_and_removes_its_phrase(tmp_path):
    path = tmp_path / "house.toml"
    path.write_text(GOOD_RULE, encoding="utf-8")
    worker = cleaner.Cleaner(cleaner.CleanerConfig(rule_packs=(str(path),), builtin_rules=False, profile="conservative"))
    result = worker.clean_and_explain("The council met on Tuesday to discuss the budget for next year.\nListen to our podcast!\n")
    assert result.text == "The council met on Tuesday to discuss the budget for next year.\n"
    assert [r.evidence.code for r in result.removals] == ["rule:house.promo.podcast"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("category = \"newsletter\"", "category = \"spam\""), "category"),
        (("mode = \"line\"", "mode = \"everywhere\""), "mode"),
        (("reason = \"podcast promo\"\n", ""), "reason"),
        (("keep = [\"The minister said she would listen to our podcast critics.\"]", "keep = []"), "keep"),
        (("phrases = [\"listen to our podcast\"]", "regex = [\"(?<=a)b\"]"), "regex"),
        (("phrases = [\"listen to our podcast\"]", "regex = [\"(unclosed\"]"), "regex"),
        (("phrases = [\"listen to our podcast\"]", "phrases = [\"listen\"]\nweight = 1.5"), "weight"),
        (("mode = \"line\"", "mode = \"line\"\nmax_chars = 0"), "max_chars"),
        (("mode = \"line\"", "mode = \"line\"\nwhere = \"top\""), "where"),
        (("mode = \"line\"", "mode = \"trim\"\nwhere = \"end\""), "where"),
        (("mode = \"line\"", "mode = \"trim\"\nwhere = \"below-start\""), "where"),
    ],
)
def test_malformed_rule_names_file_rule_and_field(change, field):
    text = GOOD_RULE.replace(*change)
    with pytest.raises(RulePackError) as caught:
        parse_pack(text, "house.toml")
    error = caught.value
    assert error.source == "house.toml"
    assert error.rule_id == "house.promo.podcast"
    assert error.field == field
    assert str(error).startswith("house.toml: rule house.promo.podcast: field")


def test_malformed_toml_and_duplicate_ids_are_reported():
    with pytest.raises(RulePackError, match="not valid TOML"):
        parse_pack("[pack\n", "broken.toml")
    duplicated = GOOD_RULE + GOOD_RULE[GOOD_RULE.index("[[rule]]") :]
    with pytest.raises(RulePackError, match="duplicate rule id"):
        parse_pack(duplicated, "dup.toml")


def test_a_rule_id_used_by_another_pack_is_refused(tmp_path):
    path = tmp_path / "house.toml"
    path.write_text(GOOD_RULE.replace("house.promo.podcast", "en.ads.label"), encoding="utf-8")
    with pytest.raises(RulePackError, match="en.ads.label.*already used by cleaner/rules/packs/en/ads.toml"):
        cleaner.Cleaner(cleaner.CleanerConfig(rule_packs=(str(path),)))
    path.write_text(GOOD_RULE, encoding="utf-8")
    with pytest.raises(RulePackError, match="house.promo.podcast.*already used"):  # the same file twice
        cleaner.Cleaner(cleaner.CleanerConfig(rule_packs=(str(path), str(path))))
    assert cleaner.Cleaner(cleaner.CleanerConfig(rule_packs=("en/ads",))).packs.count(load_rule_pack("en/ads")) == 1


@pytest.mark.parametrize("language", ["english", "EN", "e"])
def test_a_pack_language_must_be_an_iso_code(language):
    with pytest.raises(RulePackError, match="field 'language'"):
        parse_pack(GOOD_RULE.replace('language = "en"', f'language = "{language}"'), "house.toml")


def test_missing_pack_file_says_how_to_list_builtin_packs():
    with pytest.raises(RulePackError, match="available_rule_packs"):
        load_rule_pack("no/such-pack")


def test_rule_pack_error_survives_pickling():
    error = RulePackError("a.toml", "bad", "a.b", "mode")
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.field == "mode"


def test_disabled_rule_category_and_heuristics_remove_nothing():
    text = "Prices rose sharply in October, the statistics office said on Monday.\nADVERTISEMENT\n"
    kept = "Prices rose sharply in October, the statistics office said on Monday.\n"
    conservative = cleaner.CleanerConfig(profile="conservative")
    result = cleaner.clean_and_explain(text, conservative)
    assert result.text == kept
    assert [r.evidence.code for r in result.removals] == ["rule:en.ads.label"]
    for disabled in ({"en.ads.label"}, {"en.ads"}, {"ads"}):
        config = conservative.replace(disable=frozenset(disabled))
        assert all(r.evidence.category != "ads" for r in cleaner.clean_and_explain(text, config).removals)
    off = conservative.replace(disable=frozenset({"ads", "line-score", "wedged"}))
    assert cleaner.clean(text, off) == text


def test_widening_for_hyperscan_covers_non_ascii_classes():
    assert widen_for_hyperscan(r"a\w+[\d-]\.\[x\]") == r"a[\w\x{80}-\x{10ffff}]+[\d\x{80}-\x{10ffff}-]\.\[x\]"
    assert widen_for_hyperscan(r"\\w") == r"\\w"
    assert widen_for_hyperscan(r"[^\w\n]x") == r"[^\w\n]x"


def test_long_counted_repeats_are_left_open_for_hyperscan():
    # A superset for the prefilter; braces inside a class or escaped are characters, not repeats.
    assert widen_for_hyperscan(r"a[^\n]{0,100}b{2,40}c{1,3}") == r"a[^\n]{0,}b{2,}c{1,3}"
    assert widen_for_hyperscan(r"ref [{0,100}]+ \{0,99}") == r"ref [{0,100}]+ \{0,99}"
    assert widen_for_hyperscan(r"a{,12}b") == r"a{0,}b"  # Python's {,n} is {0,n}; Hyperscan reads text


def test_widening_ends_a_negated_class_at_its_bracket():
    # After "[^\w\n]" closes, a later \w is widened again; a "]" first in a class is a member.
    assert widen_for_hyperscan(r"[^\w\n]*photo: \w+") == r"[^\w\n]*photo: [\w\x{80}-\x{10ffff}]+"
    assert widen_for_hyperscan(r"[]x\w] now") == r"[]x\w\x{80}-\x{10ffff}] now"
    assert widen_for_hyperscan(r"[^]x]\d") == r"[^]x][\d\x{80}-\x{10ffff}]"


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        (r"photo: \w+", "Photo: Élodie Martin"),
        (r"follow [^\n]{0,10} on \w+", "follow us on ñandú"),
        (r"[]x\w]+ now", "sharex now"),
        (r"ref a{,12}b", "ref aab"),
    ],
)
def test_both_engines_find_user_patterns_with_unicode_words(tmp_path, pattern, line):
    pytest.importorskip("hyperscan")
    path = tmp_path / "house.toml"
    pack = GOOD_RULE.replace('mode = "line"', 'mode = "contains"')
    path.write_text(pack.replace('phrases = ["listen to our podcast"]', f"regex = [{json.dumps(pattern)}]"))
    rules = list(load_rule_pack(str(path)).rules)
    lines = ["the council met on tuesday.", line.lower()]
    assert Matcher(rules, "hyperscan").match(lines) == Matcher(rules, "re").match(lines) != []


def test_the_re_engine_finds_a_hit_that_starts_on_an_earlier_line():
    rule = parse_pack(
        GOOD_RULE.replace('mode = "line"', 'mode = "contains"').replace(
            'phrases = ["listen to our podcast"]', 'regex = ["[^a-z]*listen to our podcast"]'
        ),
        "house.toml",
    ).rules[0]
    lines = ["the council met on tuesday.", "", "listen to our podcast"]
    assert [m.line for m in Matcher([rule], "re").match(lines)] == [2]


@pytest.mark.parametrize("engine", ["hyperscan", "re"])
def test_long_runs_of_trailing_whitespace_do_not_hide_a_match(engine):
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")
    rules = [rule for pack in builtin_packs(frozenset({"en"})) for rule in pack.rules]
    matcher = Matcher(rules, engine)
    padding = " " * 2000
    label = matcher.match(["advertisement" + padding])
    assert [m.rule.id for m in label] == ["en.ads.label"]
    prose = "the council approved the budget on monday after a long debate. " * 12
    trimmed = matcher.match([prose + "read more: council approves budget" + padding])
    assert trimmed and trimmed[0].trim_from == len(prose.rstrip())


def test_hyperscan_and_re_engines_find_the_same_matches():
    pytest.importorskip("hyperscan")
    rules = [rule for pack in builtin_packs() for rule in pack.rules]
    fast, slow = Matcher(rules, "hyperscan"), Matcher(rules, "re")
    texts = [(d / "input.txt").read_text(encoding="utf-8") for d in DOCUMENTS]
    texts += [example for rule in rules for example in rule.remove + rule.keep]
    # Every ASCII character that Python's \\s takes, and a non-ASCII space, in place of the spaces:
    # each remove example with one of them, in turn (each one replaces the spaces of ~400 examples).
    spaces = "\t\x0b\x0c\x1c\x1d\x1e\x1f\xa0"
    removes = [example for rule in rules for example in rule.remove]
    texts += [example.replace(" ", spaces[number % len(spaces)]) for number, example in enumerate(removes)]
    # The matchers judge each line alone, so texts are matched in batches of lines (a call per
    # text spent most of the time in the re engine's per-call work); a batch that differs is
    # matched again text by text, to name the text.
    batch = 500
    for first in range(0, len(texts), batch):
        lines = [line.lower() for text in texts[first : first + batch] for line in text.split("\n")]
        if fast.match(lines) != slow.match(lines):
            for text in texts[first : first + batch]:
                lines = [line.lower() for line in text.split("\n")]
                assert fast.match(lines) == slow.match(lines), text
            pytest.fail(f"the engines differ on texts {first} to {first + batch} together, not on any alone")


def test_a_pattern_that_hyperscan_rejects_runs_on_re_with_the_same_result(tmp_path):
    pytest.importorskip("hyperscan")
    path = tmp_path / "house.toml"  # a possessive quantifier: Python's re has it, Hyperscan not
    path.write_text(GOOD_RULE.replace('phrases = ["listen to our podcast"]', 'regex = ["listen to our podcast++"]'))
    text = "The council met on Tuesday to discuss the budget for next year.\nListen to our podcast!\n"
    outputs = {
        engine: cleaner.Cleaner(cleaner.CleanerConfig(rule_packs=(str(path),), engine=engine)).clean(text)
        for engine in ("hyperscan", "re")
    }
    assert outputs["hyperscan"] == outputs["re"] == "The council met on Tuesday to discuss the budget for next year.\n"


def test_named_fragments_are_expanded_and_an_unknown_one_is_reported():
    pack = GOOD_RULE.replace("[[rule]]", '[fragments]\nwhat = "(?:podcast|show)"\n\n[[rule]]').replace(
        'phrases = ["listen to our podcast"]', 'regex = ["listen to our {{what}}"]'
    )
    assert parse_pack(pack, "house.toml").rules[0].regex == ("listen to our (?:podcast|show)",)
    with pytest.raises(RulePackError, match=r"rule house.promo.podcast: field 'regex': unknown fragment \{\{whom\}\}"):
        parse_pack(pack.replace("{{what}}", "{{whom}}"), "house.toml")
    with pytest.raises(RulePackError, match="field 'fragments'"):
        parse_pack(pack.replace('what = "', 'What = "'), "house.toml")


def test_the_pattern_cache_keeps_the_most_recently_used_files(tmp_path):
    import os

    from cleaner.rules.matcher import _prune_cache

    for number in range(6):
        path = tmp_path / f"patterns-{number}.hsdb"
        path.write_bytes(b"x")
        os.utime(path, (1000 + number, 1000 + number))
    (tmp_path / "other.txt").write_text("kept")
    _prune_cache(tmp_path, 4)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "other.txt", "patterns-2.hsdb", "patterns-3.hsdb", "patterns-4.hsdb", "patterns-5.hsdb"
    ]


def test_a_user_pack_edited_often_leaves_a_bounded_cache(tmp_path, monkeypatch):
    pytest.importorskip("hyperscan")
    from cleaner.rules import matcher

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(matcher, "CACHE_MAX_FILES", 3)
    pack = parse_pack(GOOD_RULE, "house.toml")
    for number in range(4):  # each edit gives new patterns, hence new files
        phrase = f"listen to our podcast number {number}"
        rules = [replace(rule, phrases=(phrase,)) for rule in pack.rules]
        Matcher(rules, "hyperscan")
    assert len(list(tmp_path.glob("patterns-*.hsdb"))) == 3


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        ('"Follow us on Twitter for updates," the police department told residents.', True),
        ("„Abonnieren Sie unseren Newsletter“, stand in der gefälschten Mail.", True),
        ("» Follow us on Twitter and Instagram for the latest updates.", False),  # an arrow
        ("» Lesen Sie auch: Sturm schließt Schulen", False),
        ("«Follow us on Facebook»", False),  # a prompt in quotation marks, nothing after them
        ("Follow us on Twitter", False),
        # A quoted paragraph that the next one continues has no closing mark; French « takes a space.
        ('"Follow us on Facebook and Twitter for the latest updates. We will tell residents when it reopens.', True),
        ("« Follow us on Facebook pour suivre les fermetures de routes", False),  # runs on, but no sentence: a label
        ("« Follow us » : notre dossier", False),  # a label in quotation marks, then a colon
        ("»Follow us: Die »Berlinale«-Gewinner der vergangenen Jahre", False),  # an arrow, then a quote of its own
        ("« Follow us on Facebook », a indiqué la préfecture.", True),
        ("»Follow us on Twitter", False),  # » is an arrow too: a quote needs its closing «
        ("»Lesen Sie auch: „Sturm schließt Schulen“", False),  # „ “ inside is no closing »
    ],
)
def test_a_start_rule_leaves_a_quote_alone_but_not_a_prompt_behind_an_arrow(line, quoted):
    from cleaner.rules.matcher import quotes_someone

    assert quotes_someone(line) is quoted
    rule = next(r for r in load_rule_pack("en/share").rules if r.id == "en.share.follow")
    found = Matcher([rule], "re").match([line.lower()])
    assert bool(found) is (not quoted and "follow us on" in line.lower())


def test_a_cache_that_cannot_be_touched_still_serves(tmp_path, monkeypatch):
    pytest.importorskip("hyperscan")
    import os

    from cleaner.rules import matcher

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    rules = list(parse_pack(GOOD_RULE, "house.toml").rules)
    monkeypatch.setattr(matcher, "_DATABASES", {})  # nothing compiled in this process
    Matcher(rules, "hyperscan")  # compiles and writes the cache
    monkeypatch.setattr(matcher, "_DATABASES", {})  # a new process
    compiled = []
    monkeypatch.setattr(matcher, "_compile_hyperscan", lambda *sources: compiled.append(sources))

    def read_only(*args, **kwargs):
        raise PermissionError("read-only cache")

    monkeypatch.setattr(os, "utime", read_only)
    Matcher(rules, "hyperscan")
    assert compiled == []  # loaded from the cache, not compiled again


def test_line_start_anchors_inside_a_pattern_are_left_to_the_exact_check():
    from cleaner.rules.matcher import _drop_inner_anchors

    assert _drop_inner_anchors("^[^a-z]*x") == "^[^a-z]*x"  # the anchor that opens it stays
    assert _drop_inner_anchors("(?:^|[.|] )x$") == "(?:|[.|] )x$"
    assert _drop_inner_anchors("[^]^]x|^y") == "[^]^]x|y"  # a caret in a class is a member
    assert _drop_inner_anchors("a\\^b|(?:^c)") == "a\\^b|(?:c)"
    assert _drop_inner_anchors("[\\[]x|^y") == "[\\[]x|y"  # an escaped bracket in a class
    assert _drop_inner_anchors("[^[]x|^y") == "[^[]x|y"


def test_hyperscan_finds_a_rights_notice_beside_other_languages_notices():
    """With the anchor inside its group, Hyperscan missed this line when the French rule shared the
    database with the Italian one; both engines agree on it now."""
    pytest.importorskip("hyperscan")
    rules = [rule for pack in builtin_packs() for rule in pack.rules]
    line = "una colonna di fumo nero si alza dal capannone in fiamme - riproduzione riservata"
    for engine in ("hyperscan", "re"):
        assert [m.rule.id for m in Matcher(rules, engine=engine).match([line])] == ["it.copyright.reserved"]


@pytest.mark.parametrize("engine", ["re", "hyperscan"])
def test_a_phrase_is_no_part_of_a_longer_word_in_a_script_with_vowel_signs(engine):
    """Devanagari writes vowels as combining marks, which Python's ``\\w`` leaves out: "शेयर"
    ("share") once matched "शेयरों" ("shares", the stock) as a whole line."""
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")
    rules = [rule for rule in load_rule_pack("hi/chrome").rules if rule.id == "hi.share.label"]
    matcher = Matcher(rules, engine=engine)
    assert [m.line for m in matcher.match(["शेयर", "शेयरों", "शेयर करें"])] == [0, 2]
