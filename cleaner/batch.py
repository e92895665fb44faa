"""Batch cleaning for the command line: find inputs, read them lazily, clean in parallel, write atomically.

No cleaning logic lives here: every document goes through :meth:`cleaner.Cleaner.clean_and_explain`
(or ``clean_html_and_explain`` for HTML). This module only moves bytes around:

    inputs (files, folders, stdin) ──iter_chunks──▶ chunks of ≤ 64 documents (raw bytes)
        ──process_chunk (worker processes, Cleaner built once per worker)──▶ results, in order
        ──Run.consume──▶ atomic outputs, --removed trail, statistics

A document is a whole ``.txt``/``.html`` file, or one line of a ``.jsonl`` file. Workers decode,
parse, clean and serialise; the parent only splits lines and writes, so it stays out of the way.
At most ``2 × jobs + 2`` chunks are in flight, so memory stays flat whatever the input size.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import multiprocessing
import os
import signal
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .config import CleanerConfig
from .errors import CleanerError
from .pipeline import Cleaner

FORMATS = ("txt", "jsonl", "html")
EXTENSIONS = {".txt": "txt", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}
ON_ERROR = ("keep", "skip", "fail")

#: Documents per chunk sent to a worker, and the byte budget that closes a chunk early.
CHUNK_DOCS = 64
CHUNK_BYTES = 4 << 20

STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"


class UsageError(Exception):
    """A command line that cannot run as given (exit status 2)."""


class RunFailed(Exception):
    """Processing stopped at a failure under ``--on-error fail`` (exit status 1)."""


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Source:
    """One input stream: a file or stdin, its format and where its output goes (if mirrored)."""

    path: str  # STDIN for standard input
    format: str
    display: str  # the name used in messages and reports
    relative: str  # path relative to the folder it was found in (its own name for a plain file)

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


def format_of(name: str) -> str | None:
    """The format a file name implies (``a.jsonl.gz`` → ``jsonl``), or ``None``."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return EXTENSIONS.get(os.path.splitext(lower)[1])


def _matches(relative: str, patterns: Sequence[str]) -> bool:
    name = os.path.basename(relative)
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


def find_sources(
    inputs: Sequence[str], fmt: str | None, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[Source]:
    """Expand ``inputs`` (files, folders walked recursively, ``-``) into sources, in a stable order.

    In folders, files are kept when they match an ``include`` glob (default: the known extensions,
    or every file when ``fmt`` is given) and no ``exclude`` glob. Globs match the path relative to
    the folder or the bare file name.
    """
    sources: list[Source] = []
    for item in inputs:
        if item == STDIN:
            sources.append(Source(STDIN, fmt or "txt", "<stdin>", "stdin"))
            continue
        path = Path(item)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    full = Path(root) / name
                    relative = full.relative_to(path).as_posix()
                    if include:
                        if not _matches(relative, include):
                            continue
                    elif fmt is None and format_of(name) is None:
                        continue
                    if exclude and _matches(relative, exclude):
                        continue
                    found.append(Source(str(full), fmt or format_of(name) or "txt", str(full), relative))
            sources.extend(found)
        elif path.exists():
            file_fmt = fmt or format_of(path.name)
            if file_fmt is None:
                raise UsageError(f"{item}: cannot tell the format from the name; pass --format txt|jsonl|html")
            sources.append(Source(str(path), file_fmt, str(path), path.name))
        else:
            raise UsageError(f"{item}: no such file or directory")
    return sources


def open_input(source: Source) -> IO[bytes]:
    """A binary stream of the source, gunzipped when it starts with the gzip magic bytes."""
    raw: IO[bytes] = sys.stdin.buffer if source.is_stdin else open(source.path, "rb")  # noqa: SIM115
    if not hasattr(raw, "peek"):
        raw = io.BufferedReader(raw)  # type: ignore[arg-type]
    head = raw.peek(2)[:2]  # type: ignore[attr-defined]
    if head == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


# --------------------------------------------------------------------------- chunks

# A document sent to a worker: (line number or None, byte offset of its first byte, raw bytes).
Item = tuple[int | None, int, bytes]


@dataclass
class Chunk:
    """Up to CHUNK_DOCS documents of one source; ``last`` closes the source, ``error`` aborts it."""

    index: int  # position of the source in the run
    format: str
    display: str
    items: list[Item]
    last: bool = False
    error: str | None = None
    size: int = 0


def iter_chunks(sources: Sequence[Source]) -> Iterator[Chunk]:
    """Read every source lazily and cut it into chunks; a read error becomes an ``error`` chunk."""
    for index, source in enumerate(sources):
        items: list[Item] = []
        size = 0
        stream: IO[bytes] | None = None
        try:
            stream = open_input(source)
            if source.format == "jsonl":
                offset = 0
                for lineno, line in enumerate(stream, 1):
                    items.append((lineno, offset, line))
                    offset += len(line)
                    size += len(line)
                    if len(items) >= CHUNK_DOCS or size >= CHUNK_BYTES:
                        yield Chunk(index, source.format, source.display, items, size=size)
                        items, size = [], 0
            else:
                data = stream.read()
                items.append((None, 0, data))
                size = len(data)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Chunk(index, source.format, source.display, items, last=True, error=_os_error(exc), size=size)
            continue
        finally:
            if stream is not None and not source.is_stdin:
                stream.close()
        yield Chunk(index, source.format, source.display, items, last=True, size=size)


def _os_error(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror}"
    return f"cannot read: {exc}"


# --------------------------------------------------------------------------- workers


@dataclass(frozen=True)
class Options:
    """What a worker needs besides the Cleaner: how to read, rewrite and report documents."""

    text_field: str = "text"
    output_field: str | None = None
    id_field: str = "id"
    explain: bool = False
    want_removed: bool = False
    encoding_errors: str = "strict"


@dataclass(slots=True)
class Result:
    """The outcome of one document. ``output`` is ``None`` when nothing should be written."""

    output: bytes | None
    doc_id: Any
    line: int | None
    error: str | None = None
    changed: bool = False
    # (code, category) per removal, or (code, category, start, end, text, reason, score) with --removed.
    removals: list[tuple[Any, ...]] = field(default_factory=list)
    chars: int = 0  # characters removed
    blank: bool = False  # a blank JSONL line, passed through and not counted as a document


_worker: tuple[Cleaner, Options] | None = None
_worker_error: CleanerError | None = None
_inherited: Cleaner | None = None  # the parent's Cleaner, seen by workers started with fork


def init_worker(
    config: CleanerConfig, options: Options, ignore_sigint: bool = True, cleaner: Cleaner | None = None
) -> None:
    """Build the worker's Cleaner once (rule packs compile here). The parent handles Ctrl-C.

    A failure is kept and raised by :func:`process_chunk`, so that it reaches the parent instead
    of killing the worker (which ``Pool`` would restart forever).
    """
    global _worker, _worker_error
    if ignore_sigint:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if cleaner is None and _inherited is not None and _inherited.config == config:
        cleaner = _inherited  # forked from the parent, which built it already: no second compile
    try:
        _worker = (cleaner or Cleaner(config), options)
    except CleanerError as exc:
        _worker_error = exc


class WorkerError(CleanerError):
    """A failure inside a worker, carried back as a message.

    Only the message crosses the process boundary: an exception object that failed to unpickle
    would leave ``Pool`` waiting forever for the result, and a message always travels.
    """


def process_chunk(chunk: Chunk) -> list[Result]:
    """Clean every document of ``chunk`` with the worker's Cleaner."""
    try:
        return _process_chunk(chunk)
    except Exception as exc:  # noqa: BLE001 -- re-raised as a message the parent can unpickle
        message = str(exc) if isinstance(exc, CleanerError) else f"{type(exc).__name__}: {exc}"
        raise WorkerError(message) from None


def _process_chunk(chunk: Chunk) -> list[Result]:
    if _worker_error is not None:
        raise _worker_error
    assert _worker is not None, "init_worker() was not called"
    cleaner, options = _worker
    if chunk.format == "jsonl":
        return [_jsonl_record(cleaner, options, chunk.display, *item) for item in chunk.items]
    return [_document(cleaner, options, chunk, *item) for item in chunk.items]


def _decode(data: bytes, options: Options, offset: int) -> str:
    try:
        return data.decode("utf-8", errors=options.encoding_errors)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise _DocumentError(
            f"invalid UTF-8 at byte offset {offset + exc.start} (byte 0x{bad}); "
            "pass --encoding-errors replace to substitute U+FFFD"
        ) from None


class _DocumentError(Exception):
    """One document failed; the message is complete and goes to stderr as is."""


def _clean(cleaner: Cleaner, text: str, reasons: bool) -> Any:
    try:
        return cleaner.clean_and_explain(text, reasons=reasons)
    except CleanerError as exc:
        raise _DocumentError(str(exc)) from None
    except RecursionError:
        raise _DocumentError("document too deeply nested to clean") from None
    except Exception as exc:  # a bug must cost one document, never the run
        raise _DocumentError(f"internal error, please report it: {type(exc).__name__}: {exc}") from None


def _removals(result: Any, options: Options) -> tuple[list[tuple[Any, ...]], int]:
    chars = 0
    out = []
    for removal in result.removals:
        evidence = removal.evidence
        chars += removal.end - removal.start
        if options.want_removed:
            out.append(
                (evidence.code, evidence.category, removal.start, removal.end, removal.text, evidence.reason,
                 evidence.score)
            )
        else:
            out.append((evidence.code, evidence.category))
    for element in getattr(result, "markup_removals", ()):  # HTML: page elements, no text span
        if options.want_removed:
            out.append((element.code, element.category, None, None, element.text, element.reason, 1.0))
        else:
            out.append((element.code, element.category))
    return out, chars


def _jsonl_record(cleaner: Cleaner, options: Options, display: str, lineno: int, offset: int, raw: bytes) -> Result:
    body = raw.rstrip(b"\r\n")
    if not body.strip():
        return Result(raw if raw.endswith(b"\n") else raw + b"\n", None, lineno, blank=True)
    unchanged = raw if raw.endswith(b"\n") else raw + b"\n"  # as it came in, line ending included
    doc_id: Any = lineno
    try:
        line = _decode(body, options, offset)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _DocumentError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(record, dict):
            raise _DocumentError(f"not a JSON object but a {type(record).__name__}")
        found = record.get(options.id_field)
        if isinstance(found, (str, int)) and not isinstance(found, bool):
            doc_id = found
        if options.text_field not in record:
            raise _DocumentError(f"no {options.text_field!r} field (choose another with --text-field)")
        text = record[options.text_field]
        if not isinstance(text, str):
            raise _DocumentError(f"field {options.text_field!r} is {_json_type(text)}, not a string")
        result = _clean(cleaner, text, options.explain or options.want_removed)
    except _DocumentError as exc:
        return Result(unchanged, doc_id, lineno, error=str(exc))
    removals, chars = _removals(result, options)
    changed = result.text != text
    lossy = options.encoding_errors != "strict" and "\ufffd" in line  # re-serialise repaired bytes
    if not changed and not lossy and not options.explain and options.output_field is None:
        return Result(unchanged, doc_id, lineno, removals=removals, chars=chars)
    record[options.output_field or options.text_field] = result.text
    if options.explain:
        record["cleaner"] = {"removals": [r.to_dict() for r in result.removals], "language": result.language}
    # A lone surrogate (from a JSON escape in the input) goes back out as the same \\uXXXX escape.
    out = json.dumps(record, ensure_ascii=False).encode("utf-8", errors="backslashreplace") + b"\n"
    return Result(out, doc_id, lineno, changed=changed, removals=removals, chars=chars)


def _json_type(value: Any) -> str:
    names = {type(None): "null", bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _document(cleaner: Cleaner, options: Options, chunk: Chunk, lineno: None, offset: int, raw: bytes) -> Result:
    try:
        if chunk.format == "html":
            result = _clean_html(cleaner, raw)
            text = None
        else:
            text = _decode(raw, options, offset)
            result = _clean(cleaner, text, options.want_removed)
    except _DocumentError as exc:
        return Result(raw, chunk.display, None, error=str(exc))
    removals, chars = _removals(result, options)
    changed = text is None or result.text != text
    return Result(result.text.encode("utf-8", errors="surrogatepass"), chunk.display, None, changed=changed,
                  removals=removals, chars=chars)


def _clean_html(cleaner: Cleaner, raw: bytes) -> Any:
    try:
        return cleaner.clean_html_and_explain(raw)
    except CleanerError as exc:
        raise _DocumentError(str(exc)) from None
    except Exception as exc:  # a bug must cost one page, never the run
        raise _DocumentError(f"internal error, please report it: {type(exc).__name__}: {exc}") from None


# --------------------------------------------------------------------------- outputs


class Output:
    """Where cleaned bytes go. ``commit`` makes the output final; ``abort`` discards it."""

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        pass

    def abort(self) -> None:
        pass


class StdoutOutput(Output):
    def __init__(self) -> None:
        sys.stdout.flush()
        self.stream = sys.stdout.buffer

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def commit(self) -> None:
        self.stream.flush()

    def abort(self) -> None:
        try:
            self.stream.flush()
        except (OSError, ValueError):
            pass


_UMASK: int | None = None


def _default_mode() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0)
        os.umask(_UMASK)
    return 0o666 & ~_UMASK


class AtomicOutput(Output):
    """A temporary file beside ``target``, renamed over it on commit (gzip when it ends in ``.gz``)."""

    def __init__(self, target: str | Path, mode: int | None = None):
        self.target = Path(target)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".tmp")
        self.temp = Path(name)
        self.mode = _default_mode() if mode is None else mode
        self.raw = os.fdopen(fd, "wb")
        self.stream: IO[bytes] = (
            gzip.GzipFile(filename="", fileobj=self.raw, mode="wb", mtime=0)  # type: ignore[assignment]
            if self.target.name.lower().endswith(".gz")
            else self.raw
        )
        self.done = False

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def commit(self) -> None:
        if self.done:
            return
        if self.stream is not self.raw:
            self.stream.close()
        self.raw.flush()
        os.fsync(self.raw.fileno())
        self.raw.close()
        os.chmod(self.temp, self.mode)
        os.replace(self.temp, self.target)
        self.done = True

    def abort(self) -> None:
        if self.done:
            return
        self.done = True
        for stream in (self.stream, self.raw):
            try:
                stream.close()
            except OSError:
                pass
        try:
            self.temp.unlink()
        except OSError:
            pass


# --------------------------------------------------------------------------- statistics


@dataclass
class Stats:
    """Counts over a run: documents, removals per category and per evidence code."""

    seen: int = 0
    changed: int = 0
    failed: int = 0
    skipped: int = 0
    removals: int = 0
    removed_chars: int = 0
    bytes_in: int = 0
    categories: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)

    def add(self, result: Result) -> None:
        self.seen += 1
        self.changed += result.changed
        self.removals += len(result.removals)
        self.removed_chars += result.chars
        for removal in result.removals:
            self.codes[removal[0]] += 1
            self.categories[removal[1]] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": {"seen": self.seen, "changed": self.changed, "failed": self.failed, "skipped": self.skipped},
            "removals": self.removals,
            "removed_chars": self.removed_chars,
            "bytes_in": self.bytes_in,
            "categories": dict(self.categories.most_common()),
            "codes": dict(self.codes.most_common()),
        }

    def render(self) -> str:
        lines = [
            f"documents: {self.seen} seen, {self.changed} changed, {self.failed} failed, {self.skipped} skipped",
            f"removals: {self.removals} ({self.removed_chars} characters)",
        ]
        for title, counter in (("by category", self.categories), ("by evidence", self.codes)):
            if counter:
                lines.append(f"{title}:")
                width = max(len(key) for key in counter)
                lines.extend(f"  {key:<{width}}  {count}" for key, count in counter.most_common())
        return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- parallel map


def run_chunks(
    chunks: Iterable[Chunk], config: CleanerConfig, options: Options, jobs: int, cleaner: Cleaner | None = None
) -> Iterator[tuple[Chunk, list[Result]]]:
    """Yield ``(chunk, results)`` in input order; ``jobs > 1`` uses a process pool.

    Like ``Pool.imap`` (ordered, lazy), but with at most ``2 × jobs + 2`` chunks in flight:
    ``imap`` itself drains its input iterator as fast as it can, which would read a 5 GB file
    into memory while the workers fall behind.
    """
    if jobs <= 1:
        init_worker(config, options, ignore_sigint=False, cleaner=cleaner)
        for chunk in chunks:
            yield chunk, (process_chunk(chunk) if chunk.items else [])
        return
    global _inherited
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else None)
    _inherited = cleaner if fork else None
    pool = context.Pool(jobs, initializer=init_worker, initargs=(config, options))
    window = 2 * jobs + 2
    pending: deque[tuple[Chunk, Any]] = deque()
    finished = False
    try:
        iterator = iter(chunks)
        while True:
            while len(pending) < window:
                chunk = next(iterator, None)
                if chunk is None:
                    break
                # The chunk goes back to the parent without its payload (the results carry it).
                pending.append((chunk, pool.apply_async(process_chunk, (chunk,)) if chunk.items else None))
            if not pending:
                break
            chunk, future = pending.popleft()
            results = future.get() if future is not None else []
            chunk.items = []
            yield chunk, results
        finished = True
    finally:
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()


# --------------------------------------------------------------------------- the run


@dataclass
class Report:
    """Where failures and removals are reported as they happen."""

    error: Callable[[str], None]
    removed: Output | None = None


class Run:
    """Route results to outputs in order, apply ``--on-error``, keep the statistics."""

    def __init__(self, sources: Sequence[Source], outputs: Callable[[int], Output], on_error: str, report: Report,
                 shared: bool):
        self.sources = sources
        self.outputs = outputs  # source index → its output (created lazily)
        self.shared = shared  # one output for every source (stdout or -o FILE)
        self.on_error = on_error
        self.report = report
        self.stats = Stats()
        self.open: dict[int, Output] = {}
        self.all_outputs: list[Output] = []

    def _output(self, index: int) -> Output:
        if index not in self.open:
            output = self.outputs(index)
            self.open[index] = output
            if output not in self.all_outputs:
                self.all_outputs.append(output)
        return self.open[index]

    def consume(self, chunk: Chunk, results: list[Result]) -> None:
        output = self._output(chunk.index)
        self.stats.bytes_in += chunk.size
        for result in results:
            if result.blank:
                output.write(result.output or b"")
                continue
            self.stats.add(result)
            if result.error is not None:
                self.stats.failed += 1
                where = f"{chunk.display}:{result.line}" if result.line is not None else chunk.display
                if result.line is not None and result.doc_id != result.line:
                    where += f" (id {result.doc_id})"
                self.report.error(f"{where}: {result.error}")
                if self.on_error == "fail":
                    raise RunFailed
                if self.on_error == "skip":
                    self.stats.skipped += 1
                    continue
            elif self.report.removed is not None and result.removals:
                self._write_removed(chunk, result)
            if result.output is not None:
                output.write(result.output)
        if chunk.error is not None:
            self.stats.failed += 1
            self.report.error(f"{chunk.display}: {chunk.error}")
            if not self.shared:
                output.abort()
            if self.on_error == "fail":
                raise RunFailed
        if chunk.last:
            del self.open[chunk.index]
            if not self.shared:
                output.commit()

    def _write_removed(self, chunk: Chunk, result: Result) -> None:
        assert self.report.removed is not None
        for code, category, start, end, text, reason, score in result.removals:
            entry = {
                "id": result.doc_id,
                "file": chunk.display,
                "line": result.line,
                "start": start,
                "end": end,
                "text": text,
                "code": code,
                "category": category,
                "reason": reason,
                "score": score,
            }
            self.report.removed.write(json.dumps(entry, ensure_ascii=False).encode("utf-8", "backslashreplace") + b"\n")

    def finish(self) -> None:
        for output in self.all_outputs:
            output.commit()

    def abort(self) -> None:
        for output in self.all_outputs:
            output.abort()
