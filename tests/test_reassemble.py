"""The whitespace policy of removals, and replaying a trail."""

from __future__ import annotations

import pytest

from cleaner import InputError, apply_removals
from cleaner.decide import Decisions
from cleaner.model import Evidence
from cleaner.reassemble import removals_for
from cleaner.segment import split_lines

EVIDENCE = Evidence("rule", "test.rule", "ads", 1.0, "test")


def run(text: str, drop=(), trim=None) -> str:
    decisions = Decisions(drop={i: EVIDENCE for i in drop}, trim=trim or {})
    removals = removals_for(split_lines(text), decisions)
    out = apply_removals(text, removals)
    for removal in removals:
        assert text[removal.start : removal.end] == removal.text
    return out


def test_removed_line_takes_the_blank_lines_after_it():
    assert run("A.\n\nAd\n\nB.\n", drop=[2]) == "A.\n\nB.\n"


def test_block_at_the_end_takes_the_blank_lines_above_it():
    assert run("A.\n\nSub\nSign up", drop=[2, 3]) == "A.\n"


def test_block_at_the_start_and_block_with_blank_lines_inside():
    assert run("Menu\n\nA.\nx\n\ny\nB.", drop=[0, 3, 5]) == "A.\nB."


def test_everything_removed_gives_empty_text():
    assert run("Ad\n\nShare", drop=[0, 2]) == ""


def test_trim_cuts_the_tail_but_keeps_the_line_break():
    text = "Rates rose. Read more: markets\nNext line.\n"
    assert run(text, trim={0: (11, EVIDENCE)}) == "Rates rose.\nNext line.\n"


def test_carriage_returns_stay_with_kept_lines():
    assert run("A.\r\nAd\r\nB.\r\n", drop=[1]) == "A.\r\nB.\r\n"


@pytest.mark.parametrize("sep", ["\r", "\u2028", "\u2029", "\x85", "\x0c"])
def test_other_line_breaks_split_lines_and_go_with_removed_ones(sep):
    text = f"A.{sep}Ad{sep}{sep}B.{sep}"
    lines = split_lines(text)
    assert lines.texts == ["A.", "Ad", "", "B.", ""]
    assert all(text[start : start + len(line)] == line for start, line in zip(lines.starts, lines.texts))
    assert run(text, drop=[1]) == f"A.{sep}B.{sep}"


def test_a_carriage_return_before_a_line_feed_is_part_of_the_line():
    assert split_lines("A.\r\nB.\rC.").texts == ["A.\r", "B.", "C."]


def test_apply_removals_refuses_a_trail_of_another_text():
    removals = removals_for(split_lines("A.\nAd\n"), Decisions(drop={1: EVIDENCE}))
    with pytest.raises(InputError, match="does not match"):
        apply_removals("B.\nXx\n", removals)


def test_apply_removals_refuses_a_span_that_ends_before_it_starts():
    from cleaner.model import Removal

    with pytest.raises(InputError, match="does not match"):
        apply_removals("abcd", [Removal(2, 1, "", EVIDENCE)])


def test_apply_removals_takes_the_trail_as_the_command_line_writes_it():
    text = "A.\nAd\nB.\n"
    removals = removals_for(split_lines(text), Decisions(drop={1: EVIDENCE}))
    assert apply_removals(text, [r.to_dict() for r in removals]) == apply_removals(text, removals) == "A.\nB.\n"


@pytest.mark.parametrize("item", [1, None, {"start": 0}, {"start": "0", "end": 1, "text": "A"}, ("0", 1)])
def test_apply_removals_names_what_is_no_removal(item):
    with pytest.raises(InputError, match="a removal is a Removal or a mapping"):
        apply_removals("A.\n", [item])
