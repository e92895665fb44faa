"""``cleaner clean``: plan the outputs (refusing any that would overwrite an input), run the batch,
show progress, report failures and statistics."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

from .. import batch
from . import shell


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
    # Several files of records of one format make one stream of records; other files do not.
    formats = {s.format for s in sources}
    several_documents = len(sources) > 1 and not (len(formats) == 1 and formats <= set(batch.RECORD_FORMATS))
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
                f"{len(sources)} inputs cannot share stdout unless all are JSONL or all are WET; "
                "use -o DIR to mirror them"
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
            if shell.same_file(path, source.path):
                raise batch.UsageError(f"{path} is an input; use --in-place to overwrite inputs")
        return (lambda index: batch.open_output(targets[index])), False, targets

    for source in inputs:
        if shell.same_file(target, source.path):
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
            if shell.same_file(name, other):
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
    config, cleaner = shell.cleaner_for(args)
    sources = batch.find_sources(args.inputs, args.format, args.include, args.exclude)
    if not sources:
        raise batch.UsageError("no input files found (check --include/--exclude)")
    _check_jsonl_options(args, sources)
    outputs, shared, files = _plan_outputs(args, sources)
    for name in (args.removed, args.stats_json):
        if name and name != "-" and any(shell.same_file(name, s.path) for s in sources if not s.is_stdin):
            raise batch.UsageError(f"{name} is an input; refusing to overwrite it")
    if args.removed == "-":
        raise batch.UsageError("--removed needs a file name: stdout carries the cleaned text")
    _check_distinct_outputs(args, files)
    _check_stdout_not_shared(args)

    jobs = args.jobs or os.cpu_count() or 1
    if len(sources) == 1 and sources[0].format not in batch.RECORD_FORMATS:
        jobs = 1  # one document: a pool would only add start-up time
    options = shell.options_for(args, output_field=args.output_field, explain=args.explain, want_removed=bool(args.removed))
    removed = batch.open_output(args.removed) if args.removed else None
    run = batch.Run(sources, outputs, args.on_error, batch.Report(error=shell.error, removed=removed), shared,
                    in_place=args.in_place)

    start = time.monotonic()
    stopped: str | None = None  # what a run stopped by --on-error fail leaves behind
    chunks = batch.run_chunks(batch.iter_chunks(sources), config, options, jobs, cleaner)
    try:
        with contextlib.closing(chunks):
            # The pool forks before the progress bar starts its monitor thread.
            first = next(chunks, None)
            if not args.quiet and shell.isatty(sys.stderr):
                shell.PROGRESS = _progress_bar()
            pending = [first] if first is not None else []
            for chunk, results in _chain(pending, chunks):
                run.consume(chunk, results)
                if shell.PROGRESS is not None:
                    elapsed = max(time.monotonic() - start, 1e-9)
                    shell.PROGRESS.update(len(results))
                    shell.PROGRESS.set_postfix_str(
                        f"{run.stats.bytes_in / elapsed / 1e6:.1f} MB/s, {run.stats.removals} removals", refresh=False
                    )
        run.finish()
        if removed is not None:
            removed.commit()
    except batch.RunFailed:
        stopped = _failure_note(run, removed)
    finally:
        if shell.PROGRESS is not None:
            shell.PROGRESS.close()
            shell.PROGRESS = None
        run.abort()  # a no-op for outputs already committed
        if removed is not None:
            removed.abort()

    _report_stats(args, run.stats)  # under --on-error fail, of what was processed before the stop
    if stopped is not None:
        shell.error(f"stopped at the first failure (--on-error fail); {stopped}")
        return shell.EXIT_FAILED
    if run.stats.failed:
        shell.error(f"{run.stats.failed} of {run.stats.seen} documents failed (see above)")
        return shell.EXIT_FAILED
    return shell.EXIT_OK


def _chain(first: list[Any], rest: Any) -> Any:
    yield from first
    yield from rest


def _progress_bar() -> Any:
    from tqdm import tqdm

    return tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
