"""The ``cleaner`` command line: ``clean``, ``explain``, ``rules list`` and ``rules test``.

A thin shell over the library: options become a :class:`~cleaner.CleanerConfig`, files are read
and written by :mod:`cleaner.batch`, and every library error is turned into one line on stderr
(``cleaner: error: FILE:LINE: message``) at one boundary, :func:`main`.

Exit status: 0 success, 1 some inputs or records failed, 2 usage error or an output that cannot be written
(``cleaner: error: cannot write PATH: reason``), 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import stat
import sys
import time
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import batch
from .api import cached_cleaner
from .config import MAX_TIME_LIMIT, PROFILES, CleanerConfig
from .errors import CleanerError, ConfigError, RulePackError
from .pipeline import Cleaner
from .rules import available_rule_packs, builtin_packs, load_rule_pack
from .rules.matcher import Matcher
from .segment import split_lines

PROG = "cleaner"
ENGINE_DEFAULT: str | None = None  # None: the library picks (hyperscan when installed)
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

#: The library points to its Python API for the list of rule packs; the command line has its own.
LIBRARY_PACKS_HINT = "see cleaner.available_rule_packs()"
PACKS_HINT = "run `cleaner rules list` to see the built-in packs"


def error(message: str) -> None:
    """One line on stderr, above the progress bar if one is showing.

    Library messages that send the reader to the Python API are pointed to the command line instead.
    """
    line = f"{PROG}: error: {message.replace(LIBRARY_PACKS_HINT, PACKS_HINT)}"
    if _PROGRESS is not None:
        _PROGRESS.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr, flush=True)


_PROGRESS: Any = None


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


# --------------------------------------------------------------------------- parser


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


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
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
    group.add_argument("--engine", choices=("hyperscan", "re"), default=ENGINE_DEFAULT,
                       help="pattern engine (default: hyperscan when installed, else re)")
    group.add_argument("--time-limit", type=_positive_float, metavar="SECONDS",
                       help="give up on a document after this many seconds (it counts as failed)")

    reading = argparse.ArgumentParser(add_help=False)
    group = reading.add_argument_group("input options")
    group.add_argument("--format", choices=batch.FORMATS,
                       help="input format (default: from the extension: .txt, .jsonl, .html/.htm, each maybe .gz; "
                            "stdin is txt)")
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
                         help=".txt, .jsonl or .html files, folders (walked recursively) or - for stdin (default)")
    explain.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                         help="ANSI colours (auto: on a terminal unless NO_COLOR is set)")
    explain.set_defaults(handler=cmd_explain)

    rules = commands.add_parser("rules", help="list built-in rules, test a rule pack")
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
    testing.set_defaults(handler=cmd_rules_test)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:  # inputs after options (clean a.txt -o out/ b.txt) are inputs too
            if not hasattr(args, "inputs") or any(item.startswith("-") and item != "-" for item in extra):
                parser.error(f"unrecognized arguments: {' '.join(extra)}")
            args.inputs = [*(args.inputs or []), *extra]
    except SystemExit as exc:  # --help, --version and usage errors (argparse prints them)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if getattr(args, "inputs", None) == []:
        args.inputs = ["-"]  # stdin
    try:
        return args.handler(args)
    except (batch.UsageError, batch.OutputError) as exc:
        error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as other Unix tools do.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except CleanerError as exc:
        error(str(exc))
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 -- the contract is one line, never a traceback
        if os.environ.get("CLEANER_DEBUG"):
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (set CLEANER_DEBUG=1 for the traceback)")
        return EXIT_FAILED


# --------------------------------------------------------------------------- shared helpers


def _cleaner(args: argparse.Namespace) -> tuple[CleanerConfig, Cleaner]:
    """The config the options ask for and a Cleaner built from it (which checks every pack once).

    Built in this process before any output is opened, so that a configuration the library refuses
    (a bad option value, an unknown ``--disable`` name, a broken pack) is a usage error up front,
    never a failure in the workers, which build their own Cleaner from the same config.
    """
    config = _config(args)
    try:
        return config, cached_cleaner(config)
    except (ConfigError, RulePackError) as exc:
        raise batch.UsageError(str(exc)) from None


def _config(args: argparse.Namespace) -> CleanerConfig:
    """The library config the options ask for; a bad value is a usage error."""
    languages = tuple(code.strip() for value in args.lang for code in value.split(",") if code.strip())
    try:
        for pack in args.rules:
            load_rule_pack(pack)
        return CleanerConfig(
            profile=args.profile,
            languages=languages,
            rule_packs=tuple(args.rules),
            builtin_rules=not args.no_builtin_rules,
            disable=frozenset(args.disable),
            time_limit=args.time_limit,
            engine=args.engine,
        )
    except (ConfigError, RulePackError) as exc:
        raise batch.UsageError(str(exc)) from None


def _options(args: argparse.Namespace, **extra: Any) -> batch.Options:
    return batch.Options(
        text_field=args.text_field, id_field=args.id_field, encoding_errors=args.encoding_errors, **extra
    )


def _same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two names reach the same file (the same resolved path when one does not exist yet)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


# --------------------------------------------------------------------------- clean


def _mirror_target(directory: Path, source: batch.Source) -> Path:
    relative = source.relative
    if source.format == "html":  # HTML in, text out
        gz = relative.lower().endswith(".gz")
        stem = relative[:-3] if gz else relative
        stem = os.path.splitext(stem)[0] + ".txt"
        relative = stem + (".gz" if gz else "")
    return directory / relative


def _plan_outputs(args: argparse.Namespace, sources: list[batch.Source]) -> tuple[Any, bool, list[Path]]:
    """``(source index → Output factory, shared, the files -o writes)``.

    Refuses anything that would overwrite an input, and an ``-o`` that would become a folder only
    because there are several inputs or a folder input while its name looks like a file's.
    """
    inputs = [s for s in sources if not s.is_stdin]
    several_documents = len(sources) > 1 and any(s.format != "jsonl" for s in sources)
    if args.in_place:
        if args.output:
            raise batch.UsageError("--in-place and -o exclude each other")
        if any(s.is_stdin for s in sources):
            raise batch.UsageError("--in-place needs files, not stdin")
        if any(s.format == "html" for s in sources):
            raise batch.UsageError("--in-place would replace HTML with text; use -o DIR")
        _check_replaceable(sources)

        def in_place(index: int) -> batch.Output:
            path = sources[index].path
            return batch.open_output(path, mode=os.stat(path).st_mode & 0o7777, replace=True)

        return in_place, False, []

    target = args.output
    if target in (None, "-"):
        if several_documents:
            raise batch.UsageError(
                f"{len(sources)} inputs cannot share stdout unless all are JSONL; use -o DIR to mirror them"
            )
        return (lambda index: batch.StdoutOutput()), True, []

    any_folder = any(Path(item).is_dir() for item in args.inputs if item != "-")
    named_folder = Path(target).is_dir() or target.endswith(("/", os.sep))
    if named_folder or any_folder or several_documents:
        if not named_folder:
            _check_implied_folder(target, f"{len(sources)} inputs" if several_documents else "a folder input")
        directory = Path(target)
        if any(s.is_stdin for s in sources):
            raise batch.UsageError("stdin cannot be mirrored into a folder; use -o FILE")
        targets = [_mirror_target(directory, s) for s in sources]
        seen: dict[Path, str] = {}
        for source, path in zip(sources, targets):
            if path in seen:
                raise batch.UsageError(f"{seen[path]} and {source.display} would both be written to {path}")
            seen[path] = source.display
            if _same_file(path, source.path):
                raise batch.UsageError(f"{path} is an input; use --in-place to overwrite inputs")
        return (lambda index: batch.open_output(targets[index])), False, targets

    for source in inputs:
        if _same_file(target, source.path):
            raise batch.UsageError(f"output {target} is also an input; use --in-place to overwrite inputs")
    single: list[batch.Output] = []

    def shared(index: int) -> batch.Output:
        if not single:
            single.append(batch.open_output(target))
        return single[0]

    return shared, True, [Path(target)]


def _check_replaceable(sources: list[batch.Source]) -> None:
    """Refuse ``--in-place`` on an input that is not a regular file (a pipe, a device,
    ``/dev/stdin``): it cannot be replaced by its cleaned version."""
    for source in sources:
        if batch.is_fd_alias(source.path) or not os.path.isfile(source.path):
            raise batch.UsageError(f"--in-place needs regular files; {source.display} is not one")


def _check_implied_folder(target: str, why: str) -> None:
    """Refuse to turn ``-o target`` into a folder when it is a file or its name has an extension."""
    if os.path.lexists(target):
        raise batch.UsageError(f"-o {target} is a file, but {why} need an output folder")
    if Path(target).suffix:
        raise batch.UsageError(
            f'-o {target} would become a folder ({why}) but looks like a file name; add a trailing "/" for a folder'
        )


def _check_distinct_outputs(args: argparse.Namespace, files: list[Path]) -> None:
    """Refuse --removed and --stats-json naming the same file as each other or as an -o output.

    A device or pipe (``/dev/null``) may take several outputs: nothing there is overwritten.
    """
    extras = [(option, name) for option, name in (("--removed", args.removed), ("--stats-json", args.stats_json))
              if name and name != "-" and not batch.writes_straight(name)]
    for i, (option, name) in enumerate(extras):
        for other_option, other in [*(("-o", path) for path in files), *extras[:i]]:
            if _same_file(name, other):
                raise batch.UsageError(f"{other_option} and {option} both write {name}; give each its own file")


def _check_stdout_not_shared(args: argparse.Namespace) -> None:
    """Refuse ``--removed`` or ``--stats-json`` reaching the stdout that carries the cleaned text.

    Written through a second opening of the same file, they would overwrite the cleaned text (or
    be overwritten by it) in a file the shell opened (``--removed /dev/stdout > f``), and mix with
    it in a pipe. A character device (``/dev/null``, a terminal) keeps nothing to overwrite.
    """
    if args.in_place or not (args.output in (None, "-") or _names_stdout(args.output)):
        return
    for option, name in (("--removed", args.removed), ("--stats-json", args.stats_json)):
        if name and name != "-" and _reaches_stdout(name):
            raise batch.UsageError(
                f"{option} {name} is the stdout that carries the cleaned text; give it a file, or send "
                "the cleaned text elsewhere with -o"
            )


def _names_stdout(name: str) -> bool:
    """Whether ``name`` is an alias of this process's file descriptor 1 (``/dev/stdout``)."""
    return os.path.abspath(name) in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", f"/proc/{os.getpid()}/fd/1")


def _reaches_stdout(name: str) -> bool:
    """Whether ``name`` is an alias of file descriptor 1, or the file, pipe or socket behind it."""
    if _names_stdout(name):
        return True
    try:
        behind, named = os.fstat(1), os.stat(name)
    except (OSError, ValueError):
        return False
    same = (behind.st_dev, behind.st_ino) == (named.st_dev, named.st_ino)
    return same and not stat.S_ISCHR(named.st_mode)


def _failure_note(run: batch.Run, removed: batch.Output | None) -> str:
    """What a run stopped by ``--on-error fail`` leaves behind, for its last message."""
    outputs = [*run.all_outputs, *([removed] if removed is not None else [])]
    streamed = [o.name for o in outputs if o.streams and o.wrote]
    if streamed:
        return f"the output already written to {', '.join(streamed)} is incomplete"
    if run.finished:
        count = len(run.finished)
        files = f"{count} output files finished before it were" if count != 1 else "1 output file finished before it was"
        return f"only the {files} written"
    if any(o.streams for o in outputs):
        return "nothing was written"
    return "no output file was written"


def _check_jsonl_options(args: argparse.Namespace, sources: list[batch.Source]) -> None:
    """Refuse ``--explain`` and ``--output-field`` when no input is JSONL (they would do nothing),
    and both naming the same key (the trail would overwrite the cleaned text)."""
    if args.explain and args.output_field == batch.EXPLAIN_KEY:
        raise batch.UsageError(
            f"--explain writes the key {batch.EXPLAIN_KEY!r}; give --output-field another name"
        )
    if any(source.format == "jsonl" for source in sources):
        return
    stdin_hint = ", or pass --format jsonl for JSONL on stdin" if any(s.is_stdin for s in sources) else ""
    if args.explain:
        raise batch.UsageError(
            f"--explain applies to JSONL records; use `cleaner explain` for text files{stdin_hint}"
        )
    if args.output_field is not None:
        raise batch.UsageError(f"--output-field applies to JSONL records; no input is JSONL{stdin_hint}")


def _report_stats(args: argparse.Namespace, stats: batch.Stats) -> None:
    """Print the statistics (``--stats``) and write them as JSON (``--stats-json``)."""
    if args.stats:
        sys.stderr.write(stats.render())
    if args.stats_json:
        data = json.dumps(stats.to_dict(), indent=2).encode() + b"\n"
        if args.stats_json == "-":
            sys.stderr.buffer.write(data)
        else:
            stats_out = batch.open_output(args.stats_json)
            stats_out.write(data)
            stats_out.commit()


def cmd_clean(args: argparse.Namespace) -> int:
    global _PROGRESS
    config, cleaner = _cleaner(args)
    sources = batch.find_sources(args.inputs, args.format, args.include, args.exclude)
    if not sources:
        raise batch.UsageError("no input files found (check --include/--exclude)")
    _check_jsonl_options(args, sources)
    outputs, shared, files = _plan_outputs(args, sources)
    for name in (args.removed, args.stats_json):
        if name and name != "-" and any(_same_file(name, s.path) for s in sources if not s.is_stdin):
            raise batch.UsageError(f"{name} is an input; refusing to overwrite it")
    if args.removed == "-":
        raise batch.UsageError("--removed needs a file name: stdout carries the cleaned text")
    _check_distinct_outputs(args, files)
    _check_stdout_not_shared(args)

    jobs = args.jobs or os.cpu_count() or 1
    if len(sources) == 1 and sources[0].format != "jsonl":
        jobs = 1  # one document: a pool would only add start-up time
    options = _options(args, output_field=args.output_field, explain=args.explain, want_removed=bool(args.removed))
    removed = batch.open_output(args.removed) if args.removed else None
    run = batch.Run(sources, outputs, args.on_error, batch.Report(error=error, removed=removed), shared,
                    in_place=args.in_place)

    start = time.monotonic()
    stopped: str | None = None  # what a run stopped by --on-error fail leaves behind
    chunks = batch.run_chunks(batch.iter_chunks(sources), config, options, jobs, cleaner)
    try:
        with contextlib.closing(chunks):
            # The pool forks before the progress bar starts its monitor thread.
            first = next(chunks, None)
            if not args.quiet and _isatty(sys.stderr):
                _PROGRESS = _progress_bar()
            pending = [first] if first is not None else []
            for chunk, results in _chain(pending, chunks):
                run.consume(chunk, results)
                if _PROGRESS is not None:
                    elapsed = max(time.monotonic() - start, 1e-9)
                    _PROGRESS.update(len(results))
                    _PROGRESS.set_postfix_str(
                        f"{run.stats.bytes_in / elapsed / 1e6:.1f} MB/s, {run.stats.removals} removals", refresh=False
                    )
        run.finish()
        if removed is not None:
            removed.commit()
    except batch.RunFailed:
        stopped = _failure_note(run, removed)
    finally:
        if _PROGRESS is not None:
            _PROGRESS.close()
            _PROGRESS = None
        run.abort()  # a no-op for outputs already committed
        if removed is not None:
            removed.abort()

    _report_stats(args, run.stats)  # under --on-error fail, of what was processed before the stop
    if stopped is not None:
        error(f"stopped at the first failure (--on-error fail); {stopped}")
        return EXIT_FAILED
    if run.stats.failed:
        error(f"{run.stats.failed} of {run.stats.seen} documents failed (see above)")
        return EXIT_FAILED
    return EXIT_OK


def _chain(first: list[Any], rest: Any) -> Any:
    yield from first
    yield from rest


def _progress_bar() -> Any:
    from tqdm import tqdm

    return tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


# --------------------------------------------------------------------------- explain


class _Style:
    CODES = {"removed": "31", "code": "36", "category": "33", "head": "1", "dim": "2"}

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, kind: str, text: str) -> str:
        return f"\x1b[{self.CODES[kind]}m{text}\x1b[0m" if self.enabled else text


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and _isatty(sys.stdout)


def _hint_terminal_stdin(sources: list[batch.Source]) -> None:
    """Say on stderr that stdin is being read when it is a terminal, rather than wait in silence."""
    if any(s.is_stdin for s in sources) and _isatty(sys.stdin):
        print(f"{PROG}: reading stdin; end with Ctrl-D, or give a FILE", file=sys.stderr, flush=True)


def cmd_explain(args: argparse.Namespace) -> int:
    _, cleaner = _cleaner(args)
    sources = batch.find_sources(args.inputs, args.format, args.include, args.exclude)
    _hint_terminal_stdin(sources)
    style = _Style(_use_color(args.color))
    options = _options(args, want_removed=True)
    failed = 0
    out = sys.stdout
    for chunk in batch.iter_chunks(sources):
        for lineno, offset, raw in chunk.items:
            if chunk.format == "jsonl":
                raw, offset = batch.skip_bom(raw, offset)
                raw = raw.rstrip(b"\r\n")
                if not raw.strip():
                    continue
            doc_id: Any = None
            try:
                text, doc_id = _explain_input(chunk.format, raw, offset, lineno, options)
                if chunk.format == "html":
                    result = batch.clean_page(cleaner, raw)
                else:
                    result = batch.clean_text(cleaner, text, reasons=True)
            except batch.DocumentError as exc:
                name = batch.document_name(chunk.display, lineno, exc.doc_id if exc.doc_id is not None else doc_id)
                error(f"{name}: {exc}")
                failed += 1
                continue
            view = _render(batch.document_name(chunk.display, lineno, doc_id), text, result, style)
            # A lone surrogate (a JSON escape such as \ud800) is shown as that escape.
            out.write(view.encode("utf-8", "backslashreplace").decode("utf-8"))
        if chunk.error:  # the documents read before the error are explained above
            out.flush()
            error(f"{chunk.display}: {chunk.error}")
            failed += 1
    out.flush()
    return EXIT_FAILED if failed else EXIT_OK


def _explain_input(
    fmt: str, raw: bytes, offset: int, lineno: int | None, options: batch.Options
) -> tuple[str | None, Any]:
    """``(text, id)`` of one document, read as ``cleaner clean`` reads it (``text`` is ``None`` for HTML).

    A JSONL record (``raw`` without its line ending) goes through :func:`batch.read_record`, so that a
    bad one fails with the same message.
    """
    if fmt == "html":
        return None, None
    if fmt != "jsonl":
        return batch.decode(raw, options.encoding_errors, offset), None
    assert lineno is not None
    _, text, doc_id = batch.read_record(raw, offset, lineno, options)
    return text, doc_id


def _render(name: str, text: str | None, result: Any, style: _Style) -> str:
    markup = getattr(result, "markup_removals", ())  # HTML: elements removed before extraction
    if markup:
        text = result.extracted  # HTML: line removals are spans of the extracted text
    removals = result.removals
    total = len(text) if text is not None else None
    removed = sum(r.end - r.start for r in removals)
    head = f"{name}: {len(removals)} removal{'s' if len(removals) != 1 else ''}"
    if total is not None:
        head += f", {removed} of {total} characters"
    if markup:
        head += f", {len(markup)} page element{'s' if len(markup) != 1 else ''}"
    head += f" (language: {result.language or 'unknown'})"
    lines = [style("head", head)]
    for element in markup:
        lines.append(
            f"  page <{element.tag}>: {style('code', element.code)} [{style('category', element.category)}]"
            f" {element.reason}"
        )
        if element.text:
            lines.append("    | " + style("removed", element.text))
    starts = split_lines(text).starts if text is not None else []
    for removal in removals:
        evidence = removal.evidence
        first = removal.start + len(removal.text) - len(removal.text.lstrip())  # skip leading blank lines
        where = f"line {bisect_right(starts, first)}" if text is not None else "text"
        lines.append(
            f"  {where}: {style('code', evidence.code)} [{style('category', evidence.category)}]"
            f" {evidence.reason}"
        )
        parts = removal.text.splitlines()
        while parts and not parts[-1].strip():  # the line breaks and blank lines the removal takes
            parts.pop()
        while parts and not parts[0].strip():
            parts.pop(0)
        for part in parts:
            lines.append("    | " + style("removed", part) if part.strip() else "    |")
    return "\n".join(lines) + "\n\n"


# --------------------------------------------------------------------------- rules


def _check_pack_names(names: Sequence[str]) -> None:
    """Refuse a name that is neither a built-in pack nor a file: a usage error saying how to list packs."""
    builtin = set(available_rule_packs())
    for name in names:
        if name not in builtin and not Path(name).is_file():
            raise batch.UsageError(f"{name}: no such file and no built-in pack of that name; {PACKS_HINT}")


def cmd_rules_list(args: argparse.Namespace) -> int:
    _check_pack_names(args.packs)
    names = args.packs or available_rule_packs()
    for name in names:
        try:
            pack = load_rule_pack(name)
        except RulePackError as exc:
            error(str(exc))
            return EXIT_FAILED
        print(f"{name}  ({pack.id}, {pack.language}, {len(pack.rules)} rule{'s' if len(pack.rules) != 1 else ''})"
              f"  {pack.description}")
        width = max(len(rule.id) for rule in pack.rules)
        for rule in pack.rules:
            print(f"  {rule.id:<{width}}  {rule.category:<11} {rule.mode:<8} {rule.reason}")
    return EXIT_OK


def cmd_rules_test(args: argparse.Namespace) -> int:
    _check_pack_names(args.packs)
    failures = 0
    for name in args.packs:
        try:
            pack = load_rule_pack(name)
            cleaner = Cleaner(CleanerConfig(builtin_rules=False, rule_packs=(name,), profile="conservative"))
        except (RulePackError, ConfigError) as exc:
            error(str(exc))
            failures += 1
            continue
        passed = failed = clashes = 0
        if str(name) not in available_rule_packs():  # a built-in pack is tested against itself only
            built_in = {rule.id: source.id for source in builtin_packs() for rule in source.rules}
            for rule in pack.rules:
                if rule.id in built_in:
                    clashes += 1
                    print(f"FAIL {rule.id}: the built-in pack {built_in[rule.id]} has this id; `cleaner clean --rules` "
                          "refuses the pack unless it is renamed (or with --no-builtin-rules)")  # fmt: skip
        for rule in pack.rules:
            # A weak rule only informs the line model, and an end-only one waits for an article
            # around its line: their examples are checked against the rule's own match.
            alone = Matcher([rule], "re") if rule.weight < 1.0 or rule.where == "end" else None
            for kind, examples in (("remove", rule.remove), ("keep", rule.keep)):
                for number, example in enumerate(examples, 1):
                    if alone is None:
                        problem = _check_example(cleaner, rule.id, kind, example)
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
    return EXIT_FAILED if failures else EXIT_OK


def _check_match(matcher: Matcher, kind: str, example: str) -> str | None:
    """Why the example fails against the rule's own match (a weak or end-only rule), or ``None``."""
    found = bool(matcher.match([example.replace("\n", " ").lower()]))
    if kind == "remove" and not found:
        return "not matched by the rule"
    if kind == "keep" and found:
        return "matched by the rule"
    return None


def _check_example(cleaner: Any, rule_id: str, kind: str, example: str) -> str | None:
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
    if rule_id not in names:
        return f"removed by {', '.join(sorted(names))} instead of {rule_id}"
    return None
