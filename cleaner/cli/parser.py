"""The command line's options, subcommand by subcommand (argparse)."""

from __future__ import annotations

import argparse
import os

from .. import __version__, batch
from ..config import MAX_TIME_LIMIT, PROFILES
from . import shell
from .clean import cmd_clean
from .explain import cmd_explain
from .rules import cmd_rules_compile, cmd_rules_list, cmd_rules_test


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < number <= MAX_TIME_LIMIT:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds up to {MAX_TIME_LIMIT}, not {value!r}")
    return number


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value!r}")
    return number


def build_parser(engine_default: str | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand (``engine_default``: the ``--engine`` default, None to let the
    library pick)."""
    parser = argparse.ArgumentParser(
        prog=shell.PROG,
        description="Strip boilerplate (ad labels, newsletter boxes, share bars, ...) from scraped news text.",
        epilog="Exit status: 0 success, 1 some inputs or records failed, 2 usage error or unwritable output, "
               "130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    library = argparse.ArgumentParser(add_help=False)
    group = library.add_argument_group("cleaning options")
    group.add_argument("--profile", choices=PROFILES, default="default", help="how thorough (default: %(default)s)")
    group.add_argument("--lang", action="append", default=[], metavar="CODE",
                       help="language of the documents, e.g. en (repeatable or comma-separated; default: detect)")
    group.add_argument("--rules", action="append", default=[], metavar="PACK",
                       help="extra rule pack: built-in name (en/ads) or TOML file (repeatable)")
    group.add_argument("--no-builtin-rules", action="store_true", help="use only the packs given with --rules")
    group.add_argument("--disable", action="append", default=[], metavar="RULE_OR_CATEGORY",
                       help="rule id, rule-id prefix, category or heuristic that must not remove anything (repeatable)")
    group.add_argument("--engine", choices=("hyperscan", "re"), default=engine_default,
                       help="pattern engine (default: hyperscan when installed, else re)")
    group.add_argument("--time-limit", type=_positive_float, metavar="SECONDS",
                       help="give up on a document after this many seconds (it counts as failed)")

    reading = argparse.ArgumentParser(add_help=False)
    group = reading.add_argument_group("input options")
    group.add_argument("--format", choices=batch.FORMATS,
                       help="input format (default: from the extension: .txt (or Markdown: .md, .markdown), "
                            ".jsonl, .html/.htm, .wet (Common Crawl's WARC records of page text: a.warc.wet.gz), "
                            "each maybe .gz; stdin is txt)")
    group.add_argument("--text-field", default="text", metavar="NAME", help="JSONL field to clean (default: text)")
    group.add_argument("--id-field", default="id", metavar="NAME",
                       help="JSONL field naming records in reports (default: id; falls back to the line number)")
    group.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict",
                       help="undecodable UTF-8: report the file and byte offset (strict, default) or substitute "
                            "U+FFFD (replace)")

    selecting = argparse.ArgumentParser(add_help=False)
    group = selecting.add_argument_group("input selection")
    group.add_argument("--include", action="append", default=[], metavar="GLOB",
                       help="in folders, only files matching this glob: their path inside the folder or their "
                            "name, with or without a trailing .gz (*.txt takes a.txt.gz) (repeatable; default: "
                            "known extensions)")
    group.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                       help="in folders, skip files matching this glob (as --include), and every file under a "
                            "folder whose name or path matches it (--exclude drafts) (repeatable)")

    clean = commands.add_parser(
        "clean", parents=[reading, selecting, library], help="clean files, folders or stdin",
        description="Clean text, JSONL or HTML documents. One input goes to stdout unless -o is given.",
    )
    clean.add_argument("inputs", nargs="*", metavar="INPUT",
                       help="files, folders (walked recursively) or - for stdin (default)")
    group = clean.add_argument_group("output")
    group.add_argument("-o", "--output", metavar="FILE_OR_DIR",
                       help="a file for a single stream (.gz compresses), or a folder that mirrors the input tree")
    group.add_argument("--in-place", action="store_true", help="replace each input file with its cleaned version")
    group.add_argument("--output-field", metavar="NAME",
                       help="JSONL: write the cleaned text to this field (default: replace the text field)")
    group.add_argument("--explain", action="store_true",
                       help='JSONL: add {"removals": [...], "language": ...} to each record under the key "cleaner"')
    group.add_argument("--removed", metavar="FILE", help="write every removed segment as JSONL to FILE")
    group.add_argument("--on-error", choices=batch.ON_ERROR, default="keep",
                       help="a bad record or document: write it unchanged (keep, default), leave it out (skip: a "
                            "whole document skipped gets no output file), or stop (fail); it is reported and "
                            "counted as failed in every case, and --in-place leaves a failed document's file as "
                            "it was")
    group = clean.add_argument_group("running")
    group.add_argument("-j", "--jobs", type=_positive_int, metavar="N",
                       help=f"worker processes (default: all cores, {os.cpu_count()}); 1 runs in-process")
    group.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    group.add_argument("--stats", action="store_true", help="print counts per category and rule to stderr at the end")
    group.add_argument("--stats-json", metavar="FILE", help="write the same counts as JSON to FILE")
    clean.set_defaults(handler=cmd_clean)

    explain = commands.add_parser(
        "explain", parents=[reading, selecting, library], help="show what would be removed and why",
        description="Show each removal of a document (or of each JSONL record): the text, rule, category and reason.",
    )
    explain.add_argument("inputs", nargs="*", metavar="FILE",
                         help=".txt, .md, .jsonl, .html or .wet files, folders (walked recursively) "
                              "or - for stdin (default)")
    explain.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                         help="ANSI colours (auto: on a terminal unless NO_COLOR is set)")
    explain.set_defaults(handler=cmd_explain)

    rules = commands.add_parser("rules", help="list built-in rules, test a rule pack, compile the patterns")
    rule_commands = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    listing = rule_commands.add_parser("list", help="list built-in packs and their rules")
    listing.add_argument("packs", nargs="*", metavar="PACK",
                         help="only these packs (built-in names or TOML files; without any, lists the built-in packs)")
    listing.set_defaults(handler=cmd_rules_list)
    testing = rule_commands.add_parser(
        "test", help="validate packs and run their remove/keep examples",
        description="Validate rule packs and run their examples: each 'remove' example must be removed (or "
                    "trimmed) by its rule, each 'keep' example must come out unchanged. Exit 1 if any fails.",
    )
    testing.add_argument("packs", nargs="+", metavar="PACK", help="built-in name (en/ads) or TOML file")
    testing.add_argument("-v", "--verbose", action="store_true", help="also list the examples that pass")
    testing.add_argument("--no-builtin-rules", action="store_true",
                         help="the packs are meant to replace the built-in rules: do not check their ids against them")
    testing.set_defaults(handler=cmd_rules_test)
    compiling = rule_commands.add_parser(
        "compile", parents=[library], help="compile the pattern automata now, into the cache folder",
        description="Compile (or load) the Hyperscan automata of the rules for every document language the "
                    "options allow (all by default, or those of --lang) and for every rule, into the cache "
                    "folder (CLEANER_CACHE_DIR, else ~/.cache/cleaner), so that later runs start warm: run it "
                    "once when building an image or before starting many workers.",
    )
    compiling.set_defaults(handler=cmd_rules_compile)
    return parser
