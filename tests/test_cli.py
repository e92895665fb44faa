"""The command line: driven in-process through ``main(argv)``, once through a real subprocess.

Most tests use ``--profile conservative`` (rule hits and only the surest heuristics), so that they pin the CLI's behaviour
rather than the heuristics, which are tuned elsewhere.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import zlib
from collections import OrderedDict
from pathlib import Path

import pytest

import cleaner
from cleaner import batch, cli
from cleaner.cli import shell
from cleaner.batch import inputs, jsonl, workers
from cleaner.cli import main
from cleaner.rules import available_rule_packs, matcher

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "cli"
SEED = FIXTURES / "seed-article.txt"
SEED_EXPECTED = (FIXTURES / "seed-article.expected.txt").read_text(encoding="utf-8")
CONSERVATIVE = ["--profile", "conservative"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def fast_engine(monkeypatch):
    """In-process tests use the ``re`` engine: compiling every built-in pack for Hyperscan takes
    seconds, and these tests are about the command line, not the engines (which agree by contract)."""
    monkeypatch.setattr(cli, "ENGINE_DEFAULT", "re")


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


# --------------------------------------------------------------------------- plain text


def test_stdin_to_stdout_gives_the_expected_seed_article(monkeypatch, capsysbinary):
    set_stdin(monkeypatch, SEED.read_bytes())
    assert main(["clean", *CONSERVATIVE, "--quiet"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out == SEED_EXPECTED
    assert "- Advertisement -" not in out and "Subscribe to our newsletter" not in out


def test_file_to_file_and_gzip_both_ways(tmp_path, capsys):
    assert main(["clean", str(SEED), *CONSERVATIVE, "-o", str(tmp_path / "out.txt")]) == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == SEED_EXPECTED
    assert capsys.readouterr().out == ""

    gz_in = tmp_path / "seed.txt.gz"
    gz_in.write_bytes(gzip.compress(SEED.read_bytes()))
    assert main(["clean", str(gz_in), *CONSERVATIVE, "-o", str(tmp_path / "out.txt.gz")]) == 0
    raw = (tmp_path / "out.txt.gz").read_bytes()
    assert raw[:2] == b"\x1f\x8b"
    assert gzip.decompress(raw).decode("utf-8") == SEED_EXPECTED


def test_gzip_on_stdin_is_detected(monkeypatch, capsysbinary):
    set_stdin(monkeypatch, gzip.compress(SEED.read_bytes()))
    assert main(["clean", "-", *CONSERVATIVE]) == 0
    assert capsysbinary.readouterr().out.decode("utf-8") == SEED_EXPECTED


def test_undecodable_text_names_file_and_byte_offset(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    data = "Officials said the bridge would reopen.\nCaf".encode() + b"\xe9 owners welcomed it.\n"
    bad.write_bytes(data)
    assert main(["clean", str(bad), "-o", str(tmp_path / "out.txt")]) == 1
    err = capsys.readouterr().err
    offset = data.index(b"\xe9")
    assert f"cleaner: error: {bad}: invalid UTF-8 at byte offset {offset} (byte 0xe9)" in err
    assert "Traceback" not in err
    # --on-error keep (the default): the document is written out unchanged.
    assert (tmp_path / "out.txt").read_bytes() == data

    assert main(["clean", str(bad), "--encoding-errors", "replace", "-o", str(tmp_path / "fixed.txt")]) == 0
    assert "Caf\ufffd owners" in (tmp_path / "fixed.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- JSONL


def test_jsonl_passes_other_fields_through_in_order(tmp_path):
    source = FIXTURES / "articles.jsonl"
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), *CONSERVATIVE, "-o", str(out)]) == 0
    before, after = read_jsonl(source), read_jsonl(out)
    assert [r["id"] for r in after] == ["seed", "markets", "clean"]
    for old, new in zip(before, after):
        assert list(new) == list(old)  # same keys, same order
        assert {k: v for k, v in new.items() if k != "text"} == {k: v for k, v in old.items() if k != "text"}
    assert after[0]["text"] == SEED_EXPECTED
    assert "Advertisement" not in after[1]["text"]
    assert after[1]["text"].startswith("Markets rose on Monday")
    # A record with nothing to remove is copied byte for byte.
    assert out.read_text(encoding="utf-8").splitlines()[2] == source.read_text(encoding="utf-8").splitlines()[2]


def test_jsonl_records_with_unicode_line_separators_stay_one_line(tmp_path):
    """U+2028 separates a JSON article body's paragraphs: the ad label between them goes, and the
    written record escapes the separator, so that str.splitlines keeps it one line."""
    paragraph = "The central bank left its main interest rate unchanged on Thursday, officials said."
    text = f"{paragraph}\u2028- Advertisement -\u2028{paragraph}\x85Shares rose."
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 1, "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), *CONSERVATIVE, "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    assert len(written.splitlines()) == 1
    assert json.loads(written)["text"] == f"{paragraph}\u2028{paragraph}\x85Shares rose."


def test_output_field_keeps_the_original_text(tmp_path, capsys):
    assert main(["clean", str(FIXTURES / "articles.jsonl"), *CONSERVATIVE, "--output-field", "clean_text"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0]["text"] == SEED.read_text(encoding="utf-8")
    assert records[0]["clean_text"] == SEED_EXPECTED
    assert list(records[0])[-1] == "clean_text"


def test_explain_adds_the_removal_trail(capsys):
    assert main(["clean", str(FIXTURES / "articles.jsonl"), *CONSERVATIVE, "--explain"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    originals = read_jsonl(FIXTURES / "articles.jsonl")
    for record, original in zip(records, originals):
        assert set(record["cleaner"]) == {"removals", "language"}
        for removal in record["cleaner"]["removals"]:
            assert original["text"][removal["start"] : removal["end"]] == removal["text"]
        assert cleaner.apply_removals(
            original["text"],
            [cleaner.Removal(r["start"], r["end"], r["text"], None) for r in record["cleaner"]["removals"]],
        ) == record["text"]
    codes = [r["code"] for r in records[1]["cleaner"]["removals"]]
    assert codes == ["rule:en.ads.label"]
    assert records[1]["cleaner"]["language"] == "en"
    assert records[2]["cleaner"]["removals"] == []


def test_removed_and_stats_json(tmp_path, capsys):
    removed, stats = tmp_path / "removed.jsonl", tmp_path / "stats.json"
    args = ["clean", str(FIXTURES / "articles.jsonl"), *CONSERVATIVE, "--removed", str(removed),
            "--stats-json", str(stats), "--stats", "-o", str(tmp_path / "out.jsonl")]
    assert main(args) == 0
    entries = read_jsonl(removed)
    ads = [e for e in entries if e["code"] == "rule:en.ads.label"]
    assert [e["id"] for e in ads] == ["seed", "markets"]
    assert ads[1] == {
        "id": "markets", "file": str(FIXTURES / "articles.jsonl"), "line": 2, "start": 76, "end": 94,
        "text": "- Advertisement -\n", "code": "rule:en.ads.label", "category": "ads",
        "reason": "ad-slot label on a line of its own", "score": 1.0,
    }
    data = json.loads(stats.read_text())
    assert data["documents"] == {"seen": 3, "changed": 2, "failed": 0, "skipped": 0}
    assert data["removals"] == len(entries)
    assert data["categories"]["ads"] == 2
    assert data["codes"]["rule:en.ads.label"] == 2
    assert sum(data["codes"].values()) == sum(data["categories"].values()) == len(entries)
    err = capsys.readouterr().err
    assert "documents: 3 seen, 2 changed, 0 failed, 0 skipped" in err
    assert re.search(r"rule:en\.ads\.label +2", err)


def test_id_field_names_records_and_falls_back_to_line_numbers(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"doc": "a-1", "text": "Officials said the bridge would reopen.\nADVERTISEMENT\nIt closed in May."})
        + "\n"
        + json.dumps({"text": "Officials said the bridge would reopen.\nADVERTISEMENT\nIt closed in May."})
        + "\n"
    )
    removed = tmp_path / "removed.jsonl"
    assert main(["clean", str(source), *CONSERVATIVE, "--id-field", "doc", "--removed", str(removed),
                 "-o", str(tmp_path / "out.jsonl")]) == 0
    assert [e["id"] for e in read_jsonl(removed)] == ["a-1", 2]


def test_bad_records_are_reported_and_kept_by_default(tmp_path, capsys):
    source = FIXTURES / "bad-records.jsonl"
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), *CONSERVATIVE, "-o", str(out), "--stats-json", str(tmp_path / "s.json")]) == 1
    err = capsys.readouterr().err
    assert f"cleaner: error: {source}:2: not valid JSON" in err
    assert f"cleaner: error: {source}:3 (id no-text): no 'text' field" in err
    assert f"cleaner: error: {source}:4 (id number): field 'text' is a number, not a string" in err
    assert "Traceback" not in err
    lines_in = source.read_text(encoding="utf-8").splitlines()
    lines_out = out.read_text(encoding="utf-8").splitlines()
    assert len(lines_out) == 5
    assert lines_out[1:4] == lines_in[1:4]  # bad records unchanged, in place
    assert "ADVERTISEMENT" not in json.loads(lines_out[0])["text"]
    stats = json.loads((tmp_path / "s.json").read_text())
    assert stats["documents"] == {"seen": 5, "changed": 1, "failed": 3, "skipped": 0}


def test_on_error_skip_leaves_bad_records_out_but_reports_them(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(FIXTURES / "bad-records.jsonl"), "--on-error", "skip", "-o", str(out)]) == 1
    assert [r["id"] for r in read_jsonl(out)] == ["ok-1", "ok-2"]
    assert capsys.readouterr().err.count("cleaner: error: ") == 4  # three records and the summary


def test_on_error_fail_stops_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n")
    removed = tmp_path / "removed.jsonl"
    args = ["clean", str(FIXTURES / "bad-records.jsonl"), "--on-error", "fail", "-o", str(out),
            "--removed", str(removed)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert ":2: not valid JSON" in err and ":3 " not in err
    assert out.read_text() == "previous run\n"  # the old output is untouched, not half-replaced
    assert not removed.exists()
    assert leftovers(tmp_path) == []


def test_undecodable_jsonl_line_gives_line_and_file_offset(tmp_path, capsys):
    first = b'{"id": "a", "text": "Officials said the bridge would reopen."}\n'
    second = b'{"id": "b", "text": "Caf\xe9 owners welcomed the news."}\n'
    source = tmp_path / "in.jsonl"
    source.write_bytes(first + second)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out)]) == 1
    offset = len(first) + second.index(b"\xe9")
    assert f"{source}:2: invalid UTF-8 at byte offset {offset} (byte 0xe9)" in capsys.readouterr().err
    assert out.read_bytes().splitlines()[1] == second.rstrip(b"\n")  # kept unchanged
    assert main(["clean", str(source), "--encoding-errors", "replace", "-o", str(out)]) == 0
    assert read_jsonl(out)[1]["text"].startswith("Caf\ufffd owners")


def test_time_limit_failures_are_reported_per_record(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(FIXTURES / "articles.jsonl"), "--time-limit", "1e-9", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{FIXTURES / 'articles.jsonl'}:1 (id seed): " in err and "time_limit" in err
    assert out.read_text(encoding="utf-8") == (FIXTURES / "articles.jsonl").read_text(encoding="utf-8")


def test_blank_lines_pass_through(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "ADVERTISEMENT"}\n\n{"text": "Rain is due on Friday."}\n')
    assert main(["clean", str(source), *CONSERVATIVE]) == 0
    assert capsys.readouterr().out == '{"text": ""}\n\n{"text": "Rain is due on Friday."}\n'


def test_two_jobs_give_the_same_output_as_one(tmp_path):
    base = read_jsonl(FIXTURES / "articles.jsonl")
    source = tmp_path / "many.jsonl"
    with source.open("w", encoding="utf-8") as stream:
        for i in range(300):  # several chunks of 64
            record = dict(base[i % 3], id=f"doc-{i}", n=i)
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.jsonl"
        removed = tmp_path / f"removed-{jobs}.jsonl"
        assert main(["clean", str(source), "--jobs", jobs, "--explain", "--removed", str(removed), "-o", str(out)]) == 0
        outputs[jobs] = (out.read_bytes(), removed.read_bytes())
    assert outputs["1"] == outputs["2"]
    assert [r["n"] for r in read_jsonl(tmp_path / "out-2.jsonl")] == list(range(300))


def test_worker_build_failure_reaches_the_parent(tmp_path, monkeypatch, capsys):
    # With --jobs 2 a Cleaner that fails to build in the workers must not hang the pool.
    def broken(config, options, ignore_sigint=True, cleaner=None):
        workers._worker_error = cleaner_error

    cleaner_error = cleaner.RulePackError("x.toml", "broken in the worker")
    monkeypatch.setattr(workers, "init_worker", broken)
    assert main(["clean", str(FIXTURES / "articles.jsonl"), "--jobs", "2", "-o", str(tmp_path / "o.jsonl")]) == 1
    assert "x.toml: broken in the worker" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists() and leftovers(tmp_path) == []


# --------------------------------------------------------------------------- folders and outputs


def test_folder_is_mirrored_with_include_and_exclude(tmp_path):
    tree = tmp_path / "in"
    (tree / "a" / "b").mkdir(parents=True)
    shutil.copy(SEED, tree / "a" / "b" / "seed.txt")
    (tree / "records.jsonl.gz").write_bytes(gzip.compress((FIXTURES / "articles.jsonl").read_bytes()))
    (tree / "notes.rst").write_text("not an input")
    (tree / "a" / "draft.txt").write_text("excluded")
    out = tmp_path / "out"
    assert main(["clean", str(tree), *CONSERVATIVE, "--exclude", "draft*", "-o", str(out)]) == 0
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["a/b/seed.txt", "records.jsonl.gz"]
    assert (out / "a" / "b" / "seed.txt").read_text(encoding="utf-8") == SEED_EXPECTED
    records = [json.loads(line) for line in gzip.decompress((out / "records.jsonl.gz").read_bytes()).splitlines()]
    assert records[0]["text"] == SEED_EXPECTED

    only = tmp_path / "only"
    assert main(["clean", str(tree), "--include", "*.jsonl.gz", "-o", str(only)]) == 0
    assert [p.name for p in only.rglob("*") if p.is_file()] == ["records.jsonl.gz"]


def test_markdown_files_are_text_documents(tmp_path):
    """A folder of pages that a page-to-Markdown scraper wrote (.md, .markdown) is cleaned as text."""
    markdown = FIXTURES.parent / "documents" / "markdown-layout"
    tree = tmp_path / "in"
    tree.mkdir()
    shutil.copy(markdown / "input.txt", tree / "page.md")
    shutil.copy(markdown / "input.txt", tree / "other.markdown")
    out = tmp_path / "out"
    assert main(["clean", str(tree), "-o", str(out)]) == 0
    expected = (markdown / "expected.txt").read_text(encoding="utf-8")
    assert (out / "page.md").read_text(encoding="utf-8") == expected
    assert (out / "other.markdown").read_text(encoding="utf-8") == expected


def test_output_equal_to_input_is_refused(tmp_path, capsys):
    source = tmp_path / "seed.txt"
    shutil.copy(SEED, source)
    assert main(["clean", str(source), "-o", str(source)]) == 2
    assert "use --in-place" in capsys.readouterr().err
    assert source.read_bytes() == SEED.read_bytes()
    assert main(["clean", str(tmp_path), "-o", str(tmp_path)]) == 2
    assert main(["clean", str(source), "--removed", str(source)]) == 2
    assert source.read_bytes() == SEED.read_bytes()


def test_in_place_rewrites_the_inputs(tmp_path):
    source = tmp_path / "seed.txt"
    shutil.copy(SEED, source)
    source.chmod(0o640)
    assert main(["clean", str(source), *CONSERVATIVE, "--in-place"]) == 0
    assert source.read_text(encoding="utf-8") == SEED_EXPECTED
    assert source.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_several_text_documents_need_an_output_folder(tmp_path, capsys):
    assert main(["clean", str(SEED), str(FIXTURES / "seed-article.expected.txt")]) == 2
    assert "use -o DIR" in capsys.readouterr().err


def test_several_jsonl_inputs_share_one_stream(tmp_path, capsys):
    source = FIXTURES / "articles.jsonl"
    assert main(["clean", str(source), str(source), *CONSERVATIVE, "--quiet"]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == ["seed", "markets", "clean"] * 2


def test_ctrl_c_exits_130_and_removes_temporary_files(tmp_path, monkeypatch, capsys):
    tree = tmp_path / "in"
    tree.mkdir()
    for name in ("one.jsonl", "two.jsonl"):
        shutil.copy(FIXTURES / "articles.jsonl", tree / name)
    calls = []
    consume = batch.Run.consume

    def interrupted(self, chunk, results):
        calls.append(chunk.display)
        if chunk.index == 1:  # Ctrl-C while the second file is being written
            chunk.last = False  # the file is not finished yet
            consume(self, chunk, results[:1])
            raise KeyboardInterrupt
        consume(self, chunk, results)

    monkeypatch.setattr(batch.Run, "consume", interrupted)
    out = tmp_path / "out"
    assert main(["clean", str(tree), "-o", str(out), "--removed", str(tmp_path / "removed.jsonl")]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert calls  # the interruption happened mid-run
    assert sorted(p.name for p in out.rglob("*")) == ["one.jsonl"]  # finished before Ctrl-C
    assert leftovers(tmp_path) == []
    assert not (tmp_path / "removed.jsonl").exists()


# --------------------------------------------------------------------------- HTML


def test_html_pages_are_cleaned_to_text_files(tmp_path):
    page = FIXTURES.parent / "html" / "1ace8c85aaee21b9d4505eca506d50c4721c29db62848b567a9703bfe0583892.html.gz"
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "page.html.gz").write_bytes(page.read_bytes())
    out = tmp_path / "out"
    assert main(["clean", str(tmp_path / "site"), "--jobs", "1", "-o", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["page.txt.gz"]  # gzip in, gzip out
    text = gzip.decompress((out / "page.txt.gz").read_bytes()).decode("utf-8")
    assert "WeWork is reportedly being investigated by the New York State Attorney General." in text
    assert "<" not in text


# --------------------------------------------------------------------------- explain


def test_explain_is_plain_when_piped(capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["explain", str(SEED), *CONSERVATIVE]) == 0
    out = capsys.readouterr().out
    assert not ANSI.search(out)
    assert "line 14: rule:en.ads.label [ads] ad-slot label on a line of its own" in out
    assert "    | - Advertisement -" in out
    assert "[newsletter]" in out and "Subscribe to our newsletter" in out


@pytest.mark.parametrize("sep", ["\r", "\u2028", "\x0c"])
def test_explain_numbers_and_shows_lines_split_at_other_line_breaks(tmp_path, capsys, sep):
    paragraph = "The central bank left its main interest rate unchanged on Thursday, officials said."
    source = tmp_path / "doc.txt"
    source.write_text(f"{paragraph}{sep}{sep}- Advertisement -{sep}{sep}{paragraph}{sep}", encoding="utf-8", newline="")
    assert main(["explain", str(source), *CONSERVATIVE]) == 0
    out = capsys.readouterr().out.splitlines()
    at = out.index("  line 3: rule:en.ads.label [ads] ad-slot label on a line of its own")
    assert out[at + 1 : at + 3] == ["    | - Advertisement -", ""]  # the removed line alone, no blank rows


def test_explain_is_coloured_on_a_terminal_unless_no_color(capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(shell, "isatty", lambda stream: True)
    assert main(["explain", str(SEED), *CONSERVATIVE]) == 0
    coloured = capsys.readouterr().out
    assert ANSI.search(coloured)
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["explain", str(SEED), *CONSERVATIVE]) == 0
    plain = capsys.readouterr().out
    assert not ANSI.search(plain)
    assert ANSI.sub("", coloured) == plain


def test_explain_jsonl_names_each_record_and_reports_bad_ones(capsys):
    assert main(["explain", str(FIXTURES / "bad-records.jsonl"), *CONSERVATIVE]) == 1
    captured = capsys.readouterr()
    assert f"{FIXTURES / 'bad-records.jsonl'}:1 (id ok-1): 1 removal" in captured.out
    assert "rule:en.ads.label" in captured.out
    assert ":2: not valid JSON" in captured.err


def test_explain_shows_a_lone_surrogate_as_its_escape(tmp_path, monkeypatch):
    source = tmp_path / "s.jsonl"
    source.write_text('{"id": "s", "text": "\\ud800 x"}\n{"id": "ok", "text": "- Advertisement -"}\n', encoding="utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # strict, as a terminal's or a pipe's
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["explain", str(source)]) == 0
    stdout.flush()
    out = stdout.buffer.getvalue().decode("utf-8")
    assert "(id s)" in out and "| \\ud800 x" in out and "(id ok)" in out


def test_inputs_may_follow_options_and_explain_takes_several(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["clean", str(SEED), "-o", str(out), *CONSERVATIVE, str(FIXTURES / "articles.jsonl")]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["articles.jsonl", "seed-article.txt"]
    assert main(["explain", str(FIXTURES), "--include", "seed-*", "--exclude", "*.expected.*", str(SEED)]) == 0
    headers = [line for line in capsys.readouterr().out.splitlines() if "removal" in line and line[0] != " "]
    assert len(headers) == 2 and all("seed-article.txt: 3 removals" in line for line in headers)


# --------------------------------------------------------------------------- rules


def test_rules_list_shows_packs_and_rules(capsys):
    assert main(["rules", "list"]) == 0
    out = capsys.readouterr().out
    for name in cleaner.available_rule_packs():
        assert re.search(rf"^{re.escape(name)} ", out, re.M)
    assert re.search(r"^  en\.ads\.label +ads +line +ad-slot label", out, re.M)


def test_rules_compile_says_what_it_built(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(matcher, "_DATABASES", {})  # (not the automata other tests left in this process,
    monkeypatch.setattr(cleaner.api, "_CLEANERS", OrderedDict())  # nor the Cleaners, which hold theirs)
    monkeypatch.setattr(cli, "ENGINE_DEFAULT", None)  # the engine a user gets
    assert main(["rules", "compile", "--lang", "en,de"]) == 0
    out = capsys.readouterr().out
    if importlib.util.find_spec("hyperscan") is not None:
        assert "pattern automata for 2 document languages and for all the rules: ready" in out
        assert f"kept in {tmp_path}" in out and list(tmp_path.glob("patterns-*.hsdb"))
    assert main(["rules", "compile", "--lang", "en", "--engine", "re"]) == 0
    assert "the re engine compiles its patterns in each process: nothing to keep" in capsys.readouterr().out
    assert main(["rules", "compile", "--no-builtin-rules"]) == 0
    assert capsys.readouterr().out == "no rules: nothing to compile\n"


def test_rules_test_passes_a_good_pack(capsys):
    assert main(["rules", "test", str(FIXTURES / "house-rules.toml"), "-v"]) == 0
    out = capsys.readouterr().out
    assert "3 examples, 3 passed, 0 failed: ok" in out
    assert "ok   house.promo.podcast remove[2] 'GET THE DAILY BRIEFING PODCAST!'" in out


def test_rules_test_fails_on_wrong_examples(capsys):
    assert main(["rules", "test", str(FIXTURES / "broken-rules.toml")]) == 1
    out = capsys.readouterr().out
    assert "FAIL broken.promo.podcast remove[2] 'Subscribe to the podcast on your favourite app': kept unchanged" in out
    assert "FAIL broken.promo.podcast keep[1] 'Listen to our daily podcast': changed to '' by rule:broken.promo.podcast" in out
    assert "FAIL broken.promo.podcast remove[1]" not in out


END_ONLY_PACK = """
[pack]
id = "house"
language = "en"
description = "house rules"

[[rule]]
id = "house.bio"
category = "credits"
mode = "start"
where = "end"
phrases = ["our correspondent"]
reason = "the correspondent's line under the story"
remove = ["Our correspondent reports from Paris.", "Nothing here."]
keep = ["He met our man in Paris."]
"""


def test_rules_test_checks_an_end_only_rule_against_its_own_match(tmp_path, capsys):
    """A one-line example has no article around it: an end-only rule's examples are checked
    against the rule's match, not a cleaning."""
    pack = tmp_path / "house.toml"
    pack.write_text(END_ONLY_PACK, encoding="utf-8")
    assert main(["rules", "test", str(pack), "-v"]) == 1
    out = capsys.readouterr().out
    assert "ok   house.bio remove[1] 'Our correspondent reports from Paris.'" in out
    assert "FAIL house.bio remove[2] 'Nothing here.': not matched by the rule" in out
    assert "ok   house.bio keep[1] 'He met our man in Paris.'" in out


def test_rules_test_fails_a_pack_whose_ids_clean_would_refuse(tmp_path, capsys):
    pack = tmp_path / "clash.toml"
    house = (FIXTURES / "house-rules.toml").read_text(encoding="utf-8")
    pack.write_text(re.sub(r'(?m)^id = "house\.[^"]+"', 'id = "en.ads.label"', house, count=1), encoding="utf-8")
    assert main(["rules", "test", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "FAIL en.ads.label: the built-in pack en.ads has this id" in out and "1 ids taken by built-in rules" in out
    assert main(["clean", "--rules", str(pack), str(SEED)]) == 2  # what the test foretold
    assert main(["rules", "test", "en/ads"]) == 0  # a built-in pack is no clash with itself
    assert main(["rules", "test", str(pack), "--no-builtin-rules"]) == 0  # a pack that replaces them
    assert main(["clean", "--rules", str(pack), "--no-builtin-rules", str(SEED)]) == 0


def test_rules_test_reports_an_invalid_pack(tmp_path, capsys):
    pack = tmp_path / "bad.toml"
    pack.write_text('[pack]\nid = "bad"\nlanguage = "en"\n\n[[rule]]\nid = "bad.x"\ncategory = "nope"\n')
    assert main(["rules", "test", str(pack)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"cleaner: error: {pack}: rule bad.x: field 'category'")


# --------------------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    "argv, message",
    [
        (["clean", "--no-such-option"], "unrecognized arguments"),
        (["clean", "missing.txt"], "missing.txt: no such file or directory"),
        (["clean", "--time-limit", "0"], "must be a positive number"),
        (["clean", "--time-limit", "inf"], "up to 86400"),
        (["clean", "--jobs", "0"], "must be at least 1"),
        (["clean", "--rules", "missing-pack.toml"], "missing-pack.toml: no such file"),
        (["clean", "--profile", "aggressive"], "invalid choice"),
        ([], "required"),
    ],
)
def test_usage_errors_exit_2(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


# --------------------------------------------------------------------------- subprocess, imports, docs


def test_real_subprocess(tmp_path):
    out = tmp_path / "out.txt"
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(SEED), *CONSERVATIVE, "--engine", "re", "-o", str(out)],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # stderr is not a terminal: no progress bar
    assert out.read_text(encoding="utf-8") == SEED_EXPECTED

    done = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(FIXTURES / "bad-records.jsonl"), "--on-error", "fail",
         "--engine", "re"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith(f"cleaner: error: {FIXTURES / 'bad-records.jsonl'}:2: not valid JSON")
    assert "Traceback" not in done.stderr


def test_cli_import_is_light():
    code = "import sys, cleaner.cli; print(sorted(m for m in ('trafilatura', 'bs4', 'lxml', 'tqdm') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


def _docs_examples() -> list[tuple[list[str], list[str], int]]:
    """``(argv, expected output lines, expected exit status)`` for each ``$ cleaner`` line of the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    examples: list[tuple[list[str], list[str], int]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            if line == "$ echo $?":
                argv, expected, _ = examples[-1]
                examples[-1] = (argv, expected, int(lines[i + 1]))
                i += 2
                continue
            assert line.startswith("$ cleaner "), f"README.md: not a cleaner command: {line!r}"
            expected = []
            i += 1
            while i < len(lines) and not lines[i].startswith("$ "):
                expected.append(lines[i])
                i += 1
            examples.append((shlex.split(line[2:]), expected, 0))
    return examples


def test_docs_examples(tmp_path, monkeypatch, capsysbinary):
    examples = _docs_examples()
    assert len(examples) >= 10
    commands = {argv[1] if argv[1] != "rules" else " ".join(argv[1:3]) for argv, _, _ in examples}
    assert commands == {"clean", "explain", "rules list", "rules test", "rules compile"}
    shutil.copytree(FIXTURES, tmp_path / "tests" / "fixtures" / "cli")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))  # `rules compile` writes there
    monkeypatch.setattr(matcher, "_DATABASES", {})  # (not the automata other tests left in this process,
    monkeypatch.setattr(cleaner.api, "_CLEANERS", OrderedDict())  # nor the Cleaners, which hold theirs)
    monkeypatch.setattr(cli, "ENGINE_DEFAULT", None)  # the engine a user gets, as the README shows
    monkeypatch.delenv("NO_COLOR", raising=False)
    for argv, expected, status in examples:
        assert argv[0] == "cleaner"
        args, stdout_to = [], None
        tokens = iter(argv[1:])
        for token in tokens:
            if token == "<":
                set_stdin(monkeypatch, Path(next(tokens)).read_bytes())
            elif token == ">":
                stdout_to = Path(next(tokens))
            else:
                args.append(token)
        assert main(args) == status, argv
        captured = capsysbinary.readouterr()
        if stdout_to is not None:
            stdout_to.write_bytes(captured.out)
        shown = (captured.out + captured.err).decode("utf-8").splitlines()
        for line in expected:
            assert line in shown, f"{shlex.join(argv)}: {line!r} not in output"
    # The examples really wrote what they claim.
    assert Path("cleaned.txt").read_text(encoding="utf-8") == SEED_EXPECTED
    assert [r["id"] for r in read_jsonl(Path("removed.jsonl"))] == [str(Path("tests/fixtures/cli/seed-article.txt"))] * 3
    assert "clean_text" in read_jsonl(Path("cleaned.jsonl"))[0] and "cleaner" in read_jsonl(Path("cleaned.jsonl"))[0]
    assert Path("cleaned/seed-article.txt").read_text(encoding="utf-8") == SEED_EXPECTED
    if importlib.util.find_spec("hyperscan") is not None:
        assert len(list(Path("cache").glob("patterns-*.hsdb"))) >= 2  # the English and common rules' two
    from cleaner.batch.wet import read_record

    assert read_record(split_wet(Path("cleaned.warc.wet").read_bytes())[1])[1].decode("utf-8") == SEED_EXPECTED


def test_removed_segments_need_a_file_name(capsys):
    assert main(["clean", str(SEED), "--removed", "-"]) == 2
    assert "--removed needs a file name" in capsys.readouterr().err


def test_unchanged_records_keep_their_line_endings(tmp_path):
    source = tmp_path / "crlf.jsonl"
    source.write_bytes(b'{"id": "a", "text": "Nothing to remove here at all."}\r\n')
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), *CONSERVATIVE, "-o", str(out)]) == 0
    assert out.read_bytes() == source.read_bytes()


def test_explain_lists_the_page_elements_removed_from_html(tmp_path, capsys):
    page = FIXTURES.parent / "html" / "08f793762792bd252c75fb57544cdf506ffcc04785136cb87503f02364b82b56.html.gz"
    (tmp_path / "page.html").write_bytes(gzip.decompress(page.read_bytes()))
    assert main(["explain", str(tmp_path / "page.html"), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "page element" in out and ": markup:" in out


def test_a_lone_surrogate_in_a_record_is_cleaned_and_written_back_as_an_escape(tmp_path):
    source = tmp_path / "s.jsonl"
    source.write_text('{"id": "s", "text": "Prices rose \\ud83d today, traders said.\\nShare this:"}\n')
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), *CONSERVATIVE, "-o", str(out)]) == 0
    data = out.read_bytes()
    data.decode("utf-8")  # valid UTF-8
    assert json.loads(data)["text"] == "Prices rose \ud83d today, traders said.\n"


# --------------------------------------------------------------------------- failed documents and output safety


UNDECODABLE = b"Officials said the bridge would reopen.\nCaf\xe9 owners welcomed it.\n"


def test_a_failed_document_never_becomes_an_empty_output(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(UNDECODABLE)
    for on_error in ("skip", "keep"):
        assert main(["clean", str(bad), "--in-place", "--on-error", on_error]) == 1
        assert bad.read_bytes() == UNDECODABLE  # left as it was
    assert main(["clean", str(bad), "--on-error", "skip", "-o", str(tmp_path / "out") + "/"]) == 1
    assert not (tmp_path / "out" / "bad.txt").exists()  # skipped: no output file at all
    assert main(["clean", str(bad), "--on-error", "skip", "-o", str(tmp_path / "single.txt")]) == 1
    assert not (tmp_path / "single.txt").exists()
    assert leftovers(tmp_path) == []


def _open_fifo(path: Path) -> int:
    """A named pipe at ``path`` with a reader already attached, so that a writer never blocks."""
    os.mkfifo(path)
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK)


def _drain(reader: int) -> bytes:
    data = []
    while True:
        try:
            chunk = os.read(reader, 1 << 16)
        except BlockingIOError:
            break
        if not chunk:
            break
        data.append(chunk)
    os.close(reader)
    return b"".join(data)


def test_named_pipes_are_written_into_not_replaced(tmp_path):
    pipes = {name: tmp_path / name for name in ("out.txt", "removed.jsonl", "stats.json")}
    readers = {name: _open_fifo(path) for name, path in pipes.items()}
    args = ["clean", str(SEED), *CONSERVATIVE, "-o", str(pipes["out.txt"]), "--removed", str(pipes["removed.jsonl"]),
            "--stats-json", str(pipes["stats.json"])]
    assert main(args) == 0
    received = {name: _drain(reader) for name, reader in readers.items()}
    assert all(stat.S_ISFIFO(path.lstat().st_mode) for path in pipes.values())
    assert received["out.txt"].decode("utf-8") == SEED_EXPECTED
    assert len(received["removed.jsonl"].splitlines()) == 3
    assert json.loads(received["stats.json"])["documents"]["changed"] == 1
    assert leftovers(tmp_path) == []


def test_a_symlinked_output_replaces_the_file_it_points_to(tmp_path):
    real, link = tmp_path / "real.txt", tmp_path / "link.txt"
    real.write_text("previous run\n")
    link.symlink_to(real.name)
    stats_link = tmp_path / "stats.json"
    stats_link.symlink_to("reports/stats.json")  # dangling: the file it names is created
    (tmp_path / "reports").mkdir()
    assert main(["clean", str(SEED), *CONSERVATIVE, "-o", str(link), "--stats-json", str(stats_link)]) == 0
    assert link.is_symlink() and stats_link.is_symlink()
    assert real.read_text(encoding="utf-8") == SEED_EXPECTED
    assert json.loads((tmp_path / "reports" / "stats.json").read_text())["documents"]["seen"] == 1


def test_unwritable_output_paths_are_one_line_usage_errors(tmp_path, capsys):
    blocker = tmp_path / "seed.txt"
    shutil.copy(SEED, blocker)
    assert main(["clean", str(SEED), "-o", str(blocker / "x.txt")]) == 2
    err = capsys.readouterr().err
    assert err == f"cleaner: error: cannot write {blocker / 'x.txt'}: {blocker} is not a folder\n"
    assert main(["clean", str(SEED), "-o", str(tmp_path / "out.txt"), "--removed", str(tmp_path)]) == 2
    assert f"cannot write {tmp_path}: it is a folder" in capsys.readouterr().err
    assert not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("inputs", [["one.txt", "two.txt"], ["tree"]])
def test_an_output_named_like_a_file_is_not_turned_into_a_folder(tmp_path, capsys, inputs):
    (tmp_path / "tree").mkdir()
    shutil.copy(SEED, tmp_path / "one.txt")
    shutil.copy(SEED, tmp_path / "two.txt")
    shutil.copy(FIXTURES / "articles.jsonl", tmp_path / "tree" / "records.jsonl")
    paths = [str(tmp_path / name) for name in inputs]
    assert main(["clean", *paths, "-o", str(tmp_path / "all.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and 'add a trailing "/" for a folder' in err
    assert not (tmp_path / "all.txt").exists()
    (tmp_path / "taken").write_text("a file")
    assert main(["clean", *paths, "-o", str(tmp_path / "taken")]) == 2
    assert "is a file" in capsys.readouterr().err
    assert main(["clean", *paths, *CONSERVATIVE, "-o", str(tmp_path / "all.txt") + "/"]) == 0
    assert (tmp_path / "all.txt").is_dir()


@pytest.mark.parametrize(
    "outputs",
    [
        ["-o", "same.txt", "--removed", "same.txt"],
        ["-o", "same.txt", "--stats-json", "same.txt"],
        ["-o", "out.txt", "--removed", "same.txt", "--stats-json", "same.txt"],
        ["-o", "out/", "--removed", "out/seed-article.txt"],
    ],
)
def test_outputs_that_name_the_same_file_are_refused(tmp_path, monkeypatch, capsys, outputs):
    monkeypatch.chdir(tmp_path)
    assert main(["clean", str(SEED), *outputs]) == 2
    assert "both write" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_on_error_fail_on_stdout_does_not_claim_nothing_was_written(capsys):
    assert main(["clean", str(FIXTURES / "bad-records.jsonl"), "--on-error", "fail", "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out.splitlines()[0])["id"] == "ok-1"  # already out before the failure
    assert "no output file was written" not in captured.err
    assert "the output already written to stdout is incomplete" in captured.err


def test_language_codes_are_not_case_sensitive(capsys):
    assert main(["clean", str(SEED), *CONSERVATIVE, "--lang", "EN"]) == 0
    assert capsys.readouterr().out == SEED_EXPECTED


# --------------------------------------------------------------------------- JSONL: exact passthrough


AD_TEXT = r'"Rain is due on Friday.\nADVERTISEMENT\nThe river may flood.\u00e9"'
CLEAN_TEXT = '"Rain is due on Friday.\\nThe river may flood.é"'


def test_records_python_cannot_read_fail_alone(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    source.write_text(
        '{"id": "a", "text": "Officials said the bridge would reopen."}\n'
        f'{{"id": "deep", "text": "x", "nested": {deep}}}\n'
        f'{{"id": "huge", "text": "x", "n": {"7" * 5000}}}\n'
        '{"id": "b", "text": "It closed in May."}\n'
    )
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "--jobs", "2", "--on-error", "skip", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{source}:2: cannot read the JSON: nested too deeply" in err
    assert f"{source}:3: cannot read the JSON: Exceeds the limit (4300 digits)" in err
    assert "internal error" not in err and "Traceback" not in err
    assert [r["id"] for r in read_jsonl(out)] == ["a", "b"]


def test_rewritten_records_keep_every_other_byte(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    lines = [
        b'{"id": 1, "big": 1e400, "p": 0.1000000000000000055511151231257827, "d": 1.10, "text": ' + AD_TEXT.encode()
        + b', "k": 1, "k": 2}\r\n',
        b'  { "text" : "old" , "text":' + AD_TEXT.encode() + b' ,"z":[1, 2 ,{"a" :null}] }  \n',
        b'{"text":' + AD_TEXT.encode() + b',"cleaner":"old"}',  # the last line has no line ending
    ]
    source.write_bytes(b"".join(lines))
    assert main(["clean", str(source), *CONSERVATIVE, "--jobs", "1"]) == 0
    out = capsys.readouterr().out.encode("utf-8")
    assert out == b"".join(lines).replace(AD_TEXT.encode(), CLEAN_TEXT.encode())

    assert main(["clean", str(source), *CONSERVATIVE, "--jobs", "1", "--output-field", "clean", "--explain"]) == 0
    first, second, third = capsys.readouterr().out.encode("utf-8").splitlines(keepends=True)
    assert first.startswith(lines[0][: -len(b"}\r\n")] + b', "clean": ' + CLEAN_TEXT.encode() + b', "cleaner": {')
    assert first.endswith(b"}}\r\n")
    assert second.startswith(lines[1][: -len(b" }  \n")] + b', "clean": ')
    assert second.endswith(b"} }  \n")
    assert third.startswith(b'{"text":' + AD_TEXT.encode() + b',"cleaner":{"removals": [')  # replaced in place
    assert third.endswith(b', "clean": ' + CLEAN_TEXT.encode() + b"}")
    assert json.loads(third)["cleaner"]["removals"][0]["code"] == "rule:en.ads.label"


def test_jsonl_inputs_sharing_a_stream_stay_one_record_a_line(tmp_path, capsys):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_bytes(b'{"id": "a", "text": "It closed in May."}')  # no line ending at the end
    second.write_bytes(b'{"id": "b", "text": "It opened in June."}\n')
    assert main(["clean", str(first), str(second), *CONSERVATIVE]) == 0
    assert capsys.readouterr().out.encode() == first.read_bytes() + b"\n" + second.read_bytes()


def test_a_byte_order_mark_opening_a_jsonl_file_is_skipped(tmp_path, capsys):
    source = tmp_path / "bom.jsonl"
    records = b'{"id": "a", "text": "It closed in May."}\n{"id": "b", "text": "Rain.\\nADVERTISEMENT"}\n'
    source.write_bytes(jsonl.UTF8_BOM + records)
    assert main(["clean", str(source), *CONSERVATIVE]) == 0
    assert capsys.readouterr().out.encode() == records.replace(b"\\nADVERTISEMENT", b"\\n")
    assert main(["explain", str(source), *CONSERVATIVE]) == 0
    assert f"{source}:1 (id a): 0 removals" in capsys.readouterr().out


# --------------------------------------------------------------------------- explain and clean agree, input edge cases


def _error_lines(err: str) -> list[str]:
    """The per-document error lines of a run, without the closing summary."""
    return [line for line in err.splitlines() if line.startswith("cleaner: error: ") and "documents failed" not in line]


def test_explain_reports_bad_records_exactly_as_clean_does(capsys):
    source = FIXTURES / "bad-records.jsonl"
    assert main(["clean", str(source), *CONSERVATIVE, "--jobs", "1"]) == 1
    cleaned = _error_lines(capsys.readouterr().err)
    assert main(["explain", str(source), *CONSERVATIVE]) == 1
    explained = _error_lines(capsys.readouterr().err)
    assert explained == cleaned
    assert f"cleaner: error: {source}:4 (id number): field 'text' is a number, not a string" in explained


def _truncated_gzip(path: Path, records: int) -> int:
    """Write ``records`` short JSONL records to ``path``, gzipped and cut in half; returns how many
    complete lines the half still holds."""
    lines = "".join(
        json.dumps({"id": f"r{i}", "text": f"Story {i} about the river.\nADVERTISEMENT\nIt rose {i * 7} cm."}) + "\n"
        for i in range(records)
    ).encode()
    data = gzip.compress(lines)
    path.write_bytes(data[: len(data) // 2])
    return zlib.decompressobj(wbits=31).decompress(data[: len(data) // 2]).count(b"\n")


def test_explain_a_truncated_gzip_explains_what_it_read_then_fails(tmp_path, capsys):
    source = tmp_path / "cut.jsonl.gz"
    complete = _truncated_gzip(source, 300)
    assert complete % inputs.CHUNK_DOCS  # some records arrive with the read error, not in a full chunk
    assert main(["explain", str(source), *CONSERVATIVE, "--color", "never"]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("1 removal, ") == complete
    assert f"{source}:{complete} (id r{complete - 1}): 1 removal" in captured.out
    assert captured.err == (
        f"cleaner: error: {source}: cannot read: Compressed file ended before the end-of-stream marker was reached\n"
    )


def test_an_unreadable_input_counts_as_a_document_seen_and_failed(tmp_path, capsys):
    source = tmp_path / "corrupt.txt.gz"
    source.write_bytes(b"\x1f\x8b" + b"not gzip at all" * 4)
    stats = tmp_path / "stats.json"
    assert main(["clean", str(source), "--stats", "--stats-json", str(stats), "-o", str(tmp_path / "out.txt")]) == 1
    err = capsys.readouterr().err
    assert "documents: 1 seen, 0 changed, 1 failed, 0 skipped" in err
    assert "1 of 1 documents failed" in err
    assert json.loads(stats.read_text())["documents"] == {"seen": 1, "changed": 0, "failed": 1, "skipped": 0}

    cut = tmp_path / "cut.jsonl.gz"
    complete = _truncated_gzip(cut, 300)
    assert main(["clean", str(cut), *CONSERVATIVE, "--stats-json", str(stats), "-o", str(tmp_path / "o.jsonl")]) == 1
    documents = json.loads(stats.read_text())["documents"]
    assert documents == {"seen": complete + 1, "changed": complete, "failed": 1, "skipped": 0}
    assert f"1 of {complete + 1} documents failed" in capsys.readouterr().err


def test_on_error_fail_still_reports_the_statistics_so_far(tmp_path, capsys):
    stats = tmp_path / "stats.json"
    args = ["clean", str(FIXTURES / "bad-records.jsonl"), *CONSERVATIVE, "--on-error", "fail", "--jobs", "1",
            "--stats", "--stats-json", str(stats), "-o", str(tmp_path / "out.jsonl")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "documents: 2 seen, 1 changed, 1 failed, 0 skipped" in err
    assert err.splitlines()[-1].startswith("cleaner: error: stopped at the first failure (--on-error fail)")
    assert json.loads(stats.read_text())["documents"] == {"seen": 2, "changed": 1, "failed": 1, "skipped": 0}
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("argv", [["rules", "list", "nosuch"], ["rules", "test", "nosuch"],
                                  ["clean", str(SEED), "--rules", "nosuch"]])
def test_an_unknown_pack_is_a_usage_error_that_says_how_to_list_packs(argv, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("cleaner: error: nosuch: ")
    assert "`cleaner rules list`" in captured.err and "available_rule_packs" not in captured.err


def test_include_globs_match_gzipped_names_and_exclude_skips_whole_folders(tmp_path):
    tree = tmp_path / "in"
    for folder in ("c", "c/deep", "d"):
        (tree / folder).mkdir(parents=True)
    shutil.copy(SEED, tree / "c" / "a.txt")
    shutil.copy(SEED, tree / "c" / "deep" / "b.txt")
    shutil.copy(SEED, tree / "d" / "b.txt")
    (tree / "d" / "x.txt.gz").write_bytes(gzip.compress(SEED.read_bytes()))

    def cleaned(*options: str) -> list[str]:
        out = tmp_path / f"out-{len(list(tmp_path.iterdir()))}"
        assert main(["clean", str(tree), *CONSERVATIVE, *options, "-o", str(out) + "/"]) == 0
        return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())

    assert cleaned("--include", "*.txt") == ["c/a.txt", "c/deep/b.txt", "d/b.txt", "d/x.txt.gz"]
    assert cleaned("--exclude", "x.txt") == ["c/a.txt", "c/deep/b.txt", "d/b.txt"]
    assert cleaned("--exclude", "c") == ["d/b.txt", "d/x.txt.gz"]
    assert cleaned("--exclude", "deep") == ["c/a.txt", "d/b.txt", "d/x.txt.gz"]
    assert cleaned("--exclude", "c/deep") == ["c/a.txt", "d/b.txt", "d/x.txt.gz"]


def test_explain_reads_stdin_by_default(monkeypatch, capsys):
    set_stdin(monkeypatch, SEED.read_bytes())
    assert main(["explain", *CONSERVATIVE, "--color", "never"]) == 0
    assert capsys.readouterr().out.startswith("<stdin>: 3 removals, 145 of 2397 characters (language: en)")


@pytest.mark.parametrize(
    "option, message",
    [
        (["--explain"], "cleaner: error: --explain applies to JSONL records; use `cleaner explain` for text files\n"),
        (["--output-field", "clean"], "cleaner: error: --output-field applies to JSONL records; no input is JSONL\n"),
    ],
)
def test_jsonl_options_without_a_jsonl_input_are_refused(tmp_path, capsys, option, message):
    assert main(["clean", str(SEED), *option, "-o", str(tmp_path / "out.txt")]) == 2
    assert capsys.readouterr().err == message
    assert not (tmp_path / "out.txt").exists()
    both = [str(SEED), str(FIXTURES / "articles.jsonl")]  # one JSONL input: the option applies to it
    assert main(["clean", *both, *CONSERVATIVE, *option, "-o", str(tmp_path / "out") + "/"]) == 0
    record = read_jsonl(tmp_path / "out" / "articles.jsonl")[0]
    assert ("cleaner" if option == ["--explain"] else "clean") in record


def test_dev_stdout_appends_to_the_file_the_shell_opened(tmp_path):
    """``-o /dev/stdout >> log`` writes into the log; it neither replaces nor truncates it."""
    log = tmp_path / "log.txt"
    log.write_text("kept line\n", encoding="utf-8")
    command = f"{shlex.quote(sys.executable)} -m cleaner clean {shlex.quote(str(SEED))} -o /dev/stdout --jobs 1"
    subprocess.run(f"{command} >> {shlex.quote(str(log))}", shell=True, check=True, cwd=ROOT, timeout=60)
    assert log.read_text(encoding="utf-8") == "kept line\n" + SEED_EXPECTED
    assert not log.is_symlink() and log.stat().st_nlink == 1


def test_stdin_is_read_once(capsys):
    assert main(["explain", "-", "-"]) == 2
    assert "given more than once" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("record", "kind"), [("1", "a number"), ("null", "null"), ('"text"', "a string"), ("[1, 2]", "a list")]
)
def test_a_record_that_is_no_object_is_named_in_json_terms(tmp_path, capsys, record, kind):
    source = tmp_path / "r.jsonl"
    source.write_text(record + "\n", encoding="utf-8")
    assert main(["clean", str(source), "-o", str(tmp_path / "out.jsonl")]) == 1
    assert f"r.jsonl:1: not a JSON object but {kind}" in capsys.readouterr().err


def test_a_utf16_file_is_named_as_such(tmp_path, capsys):
    source = tmp_path / "page.txt"
    source.write_bytes("Markets rose.\n- Advertisement -\n".encode("utf-16"))
    assert main(["clean", str(source), "-o", str(tmp_path / "out.txt")]) == 1
    assert "page.txt: the text is UTF-16" in capsys.readouterr().err


def test_an_output_field_that_a_record_has_already_fails_that_record(tmp_path, capsys):
    source = tmp_path / "r.jsonl"
    source.write_text('{"id": "a", "text": "Body.\\n- Advertisement -"}\n{"id": "b", "text": "Body."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "--output-field", "id", "-o", str(out)]) == 1
    assert out.read_bytes() == source.read_bytes()  # written unchanged, nothing overwritten
    assert "r.jsonl:1 (id a): the record already has a field 'id'" in capsys.readouterr().err
    assert main(["clean", str(source), "--output-field", "text", "-o", str(out)]) == 0  # in place: fine


def test_an_output_field_named_like_the_explain_key_is_refused(tmp_path, capsys):
    argv = ["clean", str(FIXTURES / "articles.jsonl"), "--explain", "--output-field", "cleaner"]
    assert main([*argv, "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "give --output-field another name" in capsys.readouterr().err


# --------------------------------------------------------------------------- streams, stdout and edge cases


@pytest.fixture
def shm_folder():
    """A fresh folder under ``/dev/shm`` (an ordinary tmpfs folder, not a stream), removed afterwards."""
    if not os.path.isdir("/dev/shm") or not os.access("/dev/shm", os.W_OK):
        pytest.skip("no writable /dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="cleaner-test-", dir="/dev/shm"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_files_under_dev_shm_are_replaced_not_appended_to(shm_folder):
    page = shm_folder / "a.txt"
    shutil.copy(SEED, page)
    assert main(["clean", str(page), *CONSERVATIVE, "--in-place"]) == 0
    assert page.read_text(encoding="utf-8") == SEED_EXPECTED

    out = shm_folder / "out.txt"
    for _ in range(2):
        assert main(["clean", str(SEED), *CONSERVATIVE, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == SEED_EXPECTED

    tree = shm_folder / "in"
    (tree / "sub").mkdir(parents=True)
    shutil.copy(SEED, tree / "sub" / "b.txt")
    assert main(["clean", str(tree), *CONSERVATIVE, "-o", str(shm_folder / "m") + "/"]) == 0
    assert (shm_folder / "m" / "sub" / "b.txt").read_text(encoding="utf-8") == SEED_EXPECTED
    assert leftovers(shm_folder) == []


@pytest.mark.parametrize(
    "name, straight",
    [
        ("/dev/stdout", True), ("/dev/stderr", True), ("/dev/fd/7", True), ("/proc/self/fd/1", True),
        ("/proc/4242/fd/3", True), ("/dev/null", True),
        ("/dev/shm/x/a.txt", False), ("/dev/fd/x", False), ("/proc/self/fd", False), ("/dev/stdout.txt", False),
    ],
)
def test_only_fd_aliases_and_stream_nodes_are_written_straight_into(name, straight):
    assert batch.writes_straight(name) is straight


def test_in_place_refuses_an_input_that_is_not_a_regular_file(capsys):
    assert main(["clean", "/dev/null", "--format", "txt", "--in-place"]) == 2
    assert capsys.readouterr().err == "cleaner: error: --in-place needs regular files; /dev/null is not one\n"


@pytest.mark.parametrize(
    "argv",
    [["--removed", "/dev/stdout"], ["--stats-json", "/dev/fd/1"], ["-o", "/dev/stdout", "--removed", "/proc/self/fd/1"]],
)
def test_reports_on_the_stdout_of_the_cleaned_text_are_refused(argv, capsys):
    assert main(["clean", str(FIXTURES / "articles.jsonl"), *CONSERVATIVE, "--jobs", "1", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "is the stdout that carries the cleaned text" in captured.err


@pytest.mark.parametrize("report", ["--removed", "--stats-json"])
@pytest.mark.parametrize("name", ["/dev/stdout", "SAME"])
def test_reports_into_the_file_the_shell_opened_for_stdout_are_refused(tmp_path, report, name):
    """``--removed /dev/stdout > f`` and ``--removed f > f`` would overwrite the cleaned text in f."""
    target = tmp_path / "f.jsonl"
    name = str(target) if name == "SAME" else name
    command = (f"{shlex.quote(sys.executable)} -m cleaner clean {shlex.quote(str(FIXTURES / 'articles.jsonl'))}"
               f" --engine re --jobs 1 {report} {shlex.quote(name)} > {shlex.quote(str(target))}")
    done = subprocess.run(command, shell=True, check=False, cwd=ROOT, timeout=60, capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "is the stdout that carries the cleaned text" in done.stderr
    assert target.read_bytes() == b""


def test_reports_to_dev_null_with_stdout_on_dev_null_still_run():
    command = [sys.executable, "-m", "cleaner", "clean", str(FIXTURES / "articles.jsonl"), "--engine", "re",
               "--jobs", "1", "--removed", os.devnull, "--stats-json", os.devnull]
    done = subprocess.run(
        command, check=False, cwd=ROOT, timeout=60, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert done.returncode == 0, done.stderr


def test_explain_on_stdin_says_to_pass_format_jsonl(monkeypatch, capsys):
    records = (FIXTURES / "articles.jsonl").read_bytes()
    set_stdin(monkeypatch, records)
    assert main(["clean", *CONSERVATIVE, "--explain"]) == 2
    assert capsys.readouterr().err == (
        "cleaner: error: --explain applies to JSONL records; use `cleaner explain` for text files, "
        "or pass --format jsonl for JSONL on stdin\n"
    )
    set_stdin(monkeypatch, records)
    assert main(["clean", *CONSERVATIVE, "--explain", "--format", "jsonl", "--jobs", "1"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["cleaner"]["language"] == "en"


@pytest.mark.parametrize("terminal", [True, False])
def test_explain_says_it_reads_stdin_when_stdin_is_a_terminal(monkeypatch, capsys, terminal):
    set_stdin(monkeypatch, SEED.read_bytes())
    monkeypatch.setattr(sys.stdin, "isatty", lambda: terminal)
    assert main(["explain", *CONSERVATIVE, "--color", "never"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ("cleaner: reading stdin; end with Ctrl-D, or give a FILE\n" if terminal else "")
    assert captured.out.startswith("<stdin>: 3 removals")


@pytest.mark.parametrize(
    "argv",
    [
        ["clean", str(SEED), "--jobs", "1"],
        ["clean", str(FIXTURES / "articles.jsonl"), "--jobs", "1"],
        ["clean", str(FIXTURES / "articles.jsonl"), "--jobs", "2"],
        ["explain", str(SEED)],
    ],
)
def test_a_configuration_the_cleaner_refuses_is_a_usage_error(tmp_path, argv, capsys):
    out = tmp_path / "out"
    extra = ["-o", str(out)] if argv[0] == "clean" else []
    assert main([*argv, "--disable", "nosuch.x", *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("cleaner: error: disable: no rule, rule-id prefix, category or heuristic named")
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- WET (Common Crawl)


def wet_record(kind: str, uri: str, body: str, digest: str = "QK3JZ7M2R5XW4PLN6TDF8HYC2VBE9GAS") -> bytes:
    data = body.encode("utf-8")
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-16T04:51:27Z\r\n"
        f"WARC-Block-Digest: sha1:{digest}\r\nContent-Type: text/plain\r\nContent-Length: {len(data)}\r\n\r\n"
    )
    return head.encode("utf-8") + data + b"\r\n\r\n"


WARCINFO = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 26\r\n\r\nisPartOf: CC-MAIN-2025-13\n\r\n\r\n"
PLAIN_PAGE = "The council approved the plans on Monday, a spokeswoman said."


def wet_file(folder: Path) -> tuple[Path, bytes]:
    data = (
        WARCINFO
        + wet_record("conversion", "https://example.com/seed", SEED.read_text(encoding="utf-8"))
        + wet_record("conversion", "https://example.com/plain", PLAIN_PAGE)
    )
    path = folder / "crawl.warc.wet"
    path.write_bytes(data)
    return path, data


def split_wet(data: bytes) -> list[bytes]:
    from cleaner.batch.wet import iter_records

    return [raw for _, _, raw in iter_records(io.BufferedReader(io.BytesIO(data)))]


def test_wet_records_are_cleaned_one_by_one_and_stay_valid(tmp_path):
    import base64
    import hashlib

    from cleaner.batch.wet import read_record

    path, data = wet_file(tmp_path)
    gz = tmp_path / "crawl.warc.wet.gz"
    gz.write_bytes(gzip.compress(data))
    out = tmp_path / "clean.warc.wet.gz"
    assert main(["clean", str(gz), *CONSERVATIVE, "--quiet", "-o", str(out)]) == 0
    written = gzip.decompress(out.read_bytes())
    info, seed, plain = split_wet(written)
    before = split_wet(data)
    assert info == before[0] and plain == before[2]  # no page text, or nothing to remove: byte for byte
    head, body, separator, fields = read_record(seed)
    assert body.decode("utf-8").rstrip() == SEED_EXPECTED.rstrip()
    assert int(fields["content-length"]) == len(body) and separator == b"\r\n\r\n"
    assert fields["warc-block-digest"] == "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode()
    assert fields["warc-target-uri"] == "https://example.com/seed" and b"WARC-Date: 2025-03-16T04:51:27Z\r\n" in head


def test_wet_removals_name_the_page_and_explain_shows_them(tmp_path, capsys):
    path, _ = wet_file(tmp_path)
    removed = tmp_path / "removed.jsonl"
    argv = ["clean", str(path), *CONSERVATIVE, "--quiet", "--removed", str(removed), "-o", str(tmp_path / "o.wet")]
    assert main(argv) == 0
    entries = read_jsonl(removed)
    assert entries and {e["id"] for e in entries} == {"https://example.com/seed"}
    assert {e["line"] for e in entries} == {2}
    capsys.readouterr()
    assert main(["explain", str(path), *CONSERVATIVE, "--color", "never"]) == 0
    shown = capsys.readouterr().out
    assert "crawl.warc.wet:2 (id https://example.com/seed)" in shown and "Advertisement" in shown
    assert "isPartOf" not in shown


def test_a_broken_wet_file_names_the_record_and_keeps_the_ones_before(tmp_path, capsys):
    path, data = wet_file(tmp_path)
    path.write_bytes(data[:-20])  # the last record's body is cut short
    out = tmp_path / "o.wet"
    assert main(["clean", str(path), *CONSERVATIVE, "--quiet", "-o", str(out)]) == 1
    error = capsys.readouterr().err
    offset = len(split_wet(data)[0]) + len(split_wet(data)[1])
    assert f"crawl.warc.wet: record 3 at byte offset {offset}: the file ends inside the record" in error
    assert "Traceback" not in error
    assert len(split_wet(out.read_bytes())) == 2  # one output stream: the records before, cleaned
    mirrored = tmp_path / "mirror"
    mirrored.mkdir()
    assert main(["clean", str(path), "--quiet", "-o", f"{mirrored}/", "--profile", "conservative"]) == 1
    capsys.readouterr()
    assert list(mirrored.iterdir()) == []  # a mirrored file is not written: no half a file
    path.write_bytes(b"not a warc file\r\n")
    assert main(["clean", str(path), "--quiet"]) == 1
    assert "record 1 at byte offset 0: expected a WARC record" in capsys.readouterr().err


def test_two_wet_files_share_stdout_as_one_stream_of_records(tmp_path, capsysbinary):
    first, data = wet_file(tmp_path)
    second = tmp_path / "more.wet"
    second.write_bytes(data)
    assert main(["clean", str(first), str(second), *CONSERVATIVE, "--quiet"]) == 0
    assert len(split_wet(capsysbinary.readouterr().out)) == 6
    assert main(["clean", str(first), str(SEED), "--quiet"]) == 2


def test_a_wet_record_that_is_no_utf8_is_reported_and_kept_unchanged(tmp_path, capsys):
    bad = wet_record("conversion", "https://example.com/bad", "Caf\u00e9 prices rose.")
    bad = bad.replace("Café".encode(), b"Caf\xe9")
    bad = bad.replace(b"Content-Length: 18", b"Content-Length: 17")
    path = tmp_path / "bad.wet"
    path.write_bytes(WARCINFO + bad + wet_record("conversion", "https://example.com/plain", PLAIN_PAGE))
    out = tmp_path / "out.wet"
    assert main(["clean", str(path), *CONSERVATIVE, "--quiet", "-o", str(out)]) == 1
    error = capsys.readouterr().err
    assert "bad.wet:2 (id https://example.com/bad): invalid UTF-8 at byte offset" in error
    assert split_wet(out.read_bytes())[1] == bad  # --on-error keep: the record as it came
    assert main(["clean", str(path), *CONSERVATIVE, "--quiet", "--on-error", "skip", "-o", str(out)]) == 1
    assert len(split_wet(out.read_bytes())) == 2


def test_a_wet_files_leading_blank_lines_pass_through_and_a_huge_length_is_an_error(tmp_path, capsys):
    path, data = wet_file(tmp_path)
    path.write_bytes(b"\r\n" + data)
    out = tmp_path / "out.wet"
    assert main(["clean", str(path), *CONSERVATIVE, "--quiet", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\r\nWARC/1.0\r\nWARC-Type: warcinfo")
    huge = tmp_path / "huge.wet"
    huge.write_bytes(WARCINFO + b"WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 1000000000000000\r\n\r\nabc")
    assert main(["clean", str(huge), "--quiet", "-o", str(out)]) == 1
    error = capsys.readouterr().err
    assert f"huge.wet: record 2 at byte offset {len(WARCINFO)}: Content-Length 1000000000000000 is larger" in error
    assert out.read_bytes() == WARCINFO  # the record before it, as it came
    path.write_bytes(b" \r\n\t\n" + data.replace(b"sha1:QK3JZ7M2R5XW4PLN6TDF8HYC2VBE9GAS", b"shake128:AAAA"))
    assert main(["clean", str(path), *CONSERVATIVE, "--quiet", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b" \r\n\t\nWARC/1.0") and b"shake128:AAAA" in out.read_bytes()


def test_rules_test_passes_every_built_in_pack(capsys):
    """Each built-in pack's examples pass `cleaner rules test` (cleaned as documents in the pack's
    language: a Japanese label in kanji alone, "関連記事", reads as Chinese; and a remove example
    that a sibling rule of the pack is credited for still counts for its own rule, which matches it)."""
    packs = available_rule_packs()
    assert main(["rules", "test", *packs]) == 0, capsys.readouterr().out
    assert main(["rules", "test", "ja/chrome", "-v"]) == 0
    assert "ok   ja.related.heading remove[1]" in capsys.readouterr().out
