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
import posixpath
import re
import signal
import stat
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
EXPLAIN_KEY = "cleaner"  # the JSONL key --explain adds

#: Documents per chunk sent to a worker, and the byte budget that closes a chunk early.
CHUNK_DOCS = 64
CHUNK_BYTES = 4 << 20

STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"


class UsageError(Exception):
    """A command line that cannot run as given (exit status 2)."""


class RunFailed(Exception):
    """Processing stopped at a failure under ``--on-error fail`` (exit status 1)."""


class OutputError(Exception):
    """An output that cannot be created or written: ``cannot write PATH: reason``."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason


def _reason(exc: OSError) -> str:
    """The one-line reason of an OS error (``Permission denied``), without the errno."""
    return exc.strerror or str(exc)


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


def _file_names(relative: str) -> set[str]:
    """What globs are matched against for a file: its path inside the folder and its bare name,
    each also without a trailing ``.gz`` (so ``*.txt`` selects ``a.txt.gz``)."""
    names = {relative, posixpath.basename(relative)}
    return names | {name[:-3] for name in names if name.lower().endswith(".gz")}


def _matches(names: Iterable[str], patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for name in names for pattern in patterns)


def _excluded_folder(relative: str, exclude: Sequence[str]) -> bool:
    """Whether an ``exclude`` glob matches a folder's path inside the walked folder or its bare name."""
    return _matches((relative, posixpath.basename(relative)), exclude)


def find_sources(
    inputs: Sequence[str], fmt: str | None, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[Source]:
    """Expand ``inputs`` (files, folders walked recursively, ``-``) into sources, in a stable order.

    In folders, files are kept when they match an ``include`` glob (default: the known extensions,
    or every file when ``fmt`` is given) and no ``exclude`` glob. Globs match the path relative to
    the folder or the bare file name, with or without a trailing ``.gz``; a folder whose path or name
    matches an ``exclude`` glob is skipped with everything under it.
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
                here = Path(root).relative_to(path)
                dirs[:] = sorted(d for d in dirs if not _excluded_folder((here / d).as_posix(), exclude))
                for name in sorted(files):
                    full = Path(root) / name
                    relative = full.relative_to(path).as_posix()
                    if include:
                        if not _matches(_file_names(relative), include):
                            continue
                    elif fmt is None and format_of(name) is None:
                        continue
                    if exclude and _matches(_file_names(relative), exclude):
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
    return f"cannot read: {_reason(exc) if isinstance(exc, OSError) else exc}"


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
    """One document failed; the message is complete and goes to stderr as is.

    ``doc_id`` names a JSONL record whose id was read before it failed (``None`` otherwise).
    """

    def __init__(self, message: str, doc_id: Any = None):
        super().__init__(message)
        self.doc_id = doc_id


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
    """Clean one JSONL line.

    The output keeps the line's own ending (``\\n``, ``\\r\\n``, or none on a last line). A record that
    nothing changed goes out byte for byte; otherwise only the values this run sets (the text or
    output field, ``cleaner`` with ``explain``) are spliced into the line as it came (:func:`_splice`),
    so every other byte passes through. A UTF-8 byte order mark opening the file is skipped: it is
    not part of the first record and is not written out.
    """
    raw, offset = _skip_bom(raw, offset)
    body = raw.rstrip(b"\r\n")
    if not body.strip():
        return Result(raw, None, lineno, blank=True)
    ending = raw[len(body) :]
    doc_id: Any = lineno
    try:
        line, text, doc_id = read_record(body, offset, lineno, options)
        result = _clean(cleaner, text, options.explain or options.want_removed)
    except _DocumentError as exc:
        return Result(raw, exc.doc_id if exc.doc_id is not None else doc_id, lineno, error=str(exc))
    removals, chars = _removals(result, options)
    changed = result.text != text
    lossy = options.encoding_errors != "strict" and "\ufffd" in line  # write the repaired bytes
    if not changed and not options.explain and options.output_field is None:
        out = line.encode("utf-8") + ending if lossy else raw
        return Result(out, doc_id, lineno, removals=removals, chars=chars)
    values: dict[str, Any] = {options.output_field or options.text_field: result.text}
    if options.explain:
        values[EXPLAIN_KEY] = {"removals": [r.to_dict() for r in result.removals], "language": result.language}
    # A lone surrogate (from a JSON escape in the input) goes back out as the same \\uXXXX escape.
    out = _splice(line, values).encode("utf-8", errors="backslashreplace") + ending
    return Result(out, doc_id, lineno, changed=changed, removals=removals, chars=chars)


def read_record(body: bytes, offset: int, lineno: int, options: Options) -> tuple[str, str, Any]:
    """``(line, text, id)`` of the JSONL record ``body`` (one line without its ending).

    ``line`` is the decoded line, ``text`` the value of the text field and ``id`` the id field when
    it is a string or an integer, else the line number. A record that cannot be cleaned raises
    :class:`_DocumentError`, carrying the id once the record has been parsed.
    """
    line = _decode(body, options, offset)
    record = _parse_record(line)
    found = record.get(options.id_field)
    doc_id = found if isinstance(found, (str, int)) and not isinstance(found, bool) else lineno
    if options.text_field not in record:
        raise _DocumentError(f"no {options.text_field!r} field (choose another with --text-field)", doc_id)
    text = record[options.text_field]
    if not isinstance(text, str):
        raise _DocumentError(f"field {options.text_field!r} is {_json_type(text)}, not a string", doc_id)
    return line, text, doc_id


def document_name(display: str, line: int | None, doc_id: Any = None) -> str:
    """How messages name a document: ``FILE``, ``FILE:LINE``, or ``FILE:LINE (id ID)`` for a record
    whose id is not its line number."""
    if line is None:
        return display
    name = f"{display}:{line}"
    if doc_id is not None and doc_id != line:
        name += f" (id {doc_id})"
    return name


def _skip_bom(raw: bytes, offset: int) -> tuple[bytes, int]:
    """``(raw, offset)`` past a UTF-8 byte order mark when ``raw`` opens its file with one."""
    if offset == 0 and raw.startswith(UTF8_BOM):
        return raw[len(UTF8_BOM) :], len(UTF8_BOM)
    return raw, offset


def _parse_record(line: str) -> dict[str, Any]:
    """The JSON object on ``line``. Anything else fails the record: malformed JSON, but also JSON
    Python will not read (nesting too deep, an integer over its digit limit) or a non-object."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _DocumentError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise _DocumentError("cannot read the JSON: nested too deeply") from None
    except ValueError as exc:
        reason = str(exc).split(";")[0]  # drop the advice to call sys.set_int_max_str_digits()
        raise _DocumentError(f"cannot read the JSON: {reason}") from None
    if not isinstance(record, dict):
        raise _DocumentError(f"not a JSON object but a {type(record).__name__}")
    return record


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_scan_value = json.decoder.JSONDecoder().scan_once
_scan_key = json.decoder.scanstring


#: characters that JSON leaves raw but that some readers take for line breaks (Python's
#: ``str.splitlines``, older JavaScript): escaped, so that a record stays on its line for them too.
_LINE_BREAKING = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKING)


def _field_spans(line: str) -> tuple[dict[str, tuple[int, int]], int]:
    """Where the value of each top-level field of ``line`` lies, and where a new field would go.

    ``line`` holds a JSON object that :func:`json.loads` accepted. Returns ``{key: (start, end)}``,
    the character span of each value (for a repeated key the last one, the value ``json.loads``
    keeps), and the end of the last value (just past ``{`` for an empty object).
    """
    skip = _WHITESPACE.match
    spans: dict[str, tuple[int, int]] = {}
    pos = last = skip(line, 0).end() + 1  # past "{"
    while True:
        pos = skip(line, pos).end()
        if line[pos] == "}":
            return spans, last
        key, pos = _scan_key(line, pos + 1)
        start = skip(line, skip(line, pos).end() + 1).end()  # past ":"
        _, last = _scan_value(line, start)
        spans[key] = (start, last)
        pos = skip(line, last).end()
        if line[pos] == "}":
            return spans, last
        pos += 1  # past ","


def _splice(line: str, values: dict[str, Any]) -> str:
    """``line`` (a JSON object) with the given top-level fields set, every other character kept.

    A field already there has its value replaced where it stands; a new one is added after the
    last field, in the order of ``values``.
    """
    spans, last = _field_spans(line)
    edits = sorted((spans[key], _dump(value)) for key, value in values.items() if key in spans)
    pieces = []
    pos = 0
    for (start, end), text in edits:
        pieces += [line[pos:start], text]
        pos = end
    pieces.append(line[pos:last])
    separator = ", " if spans else ""
    for key, value in values.items():
        if key not in spans:
            pieces += [separator, _dump(key), ": ", _dump(value)]
            separator = ", "
    pieces.append(line[last:])
    return "".join(pieces)


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
    """Where cleaned bytes go. ``commit`` makes the output final; ``abort`` discards it.

    ``streams`` is true for an output whose bytes reach their reader at once (stdout, a pipe, a
    device): ``abort`` cannot take them back, and ``wrote`` tells whether any were written.
    """

    name = "<output>"
    streams = False
    wrote = False

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        pass

    def abort(self) -> None:
        pass


class StdoutOutput(Output):
    name = "stdout"
    streams = True

    def __init__(self) -> None:
        sys.stdout.flush()
        self.stream = sys.stdout.buffer

    def write(self, data: bytes) -> None:
        if data:
            self.wrote = True
        try:
            self.stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self.name, _reason(exc)) from None

    def commit(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self.name, _reason(exc)) from None

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


def _compressing(raw: IO[bytes], target: Path) -> IO[bytes]:
    """``raw`` behind a gzip compressor when ``target`` ends in ``.gz``, else ``raw`` itself."""
    if target.name.lower().endswith(".gz"):
        return gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0)  # type: ignore[return-value]
    return raw


def _make_folder(folder: Path, target: Path) -> None:
    """Create ``folder`` (and its parents) for ``target``; a failure is an :class:`OutputError`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in (folder, *folder.parents) if os.path.lexists(p) and not p.is_dir()), folder)
        raise OutputError(target, f"{blocker} is not a folder") from None
    except OSError as exc:
        raise OutputError(target, _reason(exc)) from None


class _FileOutput(Output):
    """An output written through ``self.stream`` (gzip or ``self.raw`` itself) to ``self.target``."""

    target: Path
    raw: IO[bytes]
    stream: IO[bytes]
    done = False

    def write(self, data: bytes) -> None:
        if data:
            self.wrote = True
        try:
            self.stream.write(data)
        except OSError as exc:
            raise OutputError(self.target, _reason(exc)) from None

    def _discard(self) -> bool:
        """Close the streams without a word; False if that was done already."""
        if self.done:
            return False
        self.done = True
        for stream in (self.stream, self.raw):
            try:
                stream.close()
            except OSError:
                pass
        return True


class AtomicOutput(_FileOutput):
    """A temporary file beside ``target``, renamed over it on commit (gzip when it ends in ``.gz``)."""

    def __init__(self, target: str | Path, mode: int | None = None):
        self.target = Path(target)
        self.name = str(self.target)
        _make_folder(self.target.parent, self.target)
        try:
            fd, name = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".tmp")
        except OSError as exc:
            raise OutputError(self.target, _reason(exc)) from None
        self.temp = Path(name)
        self.mode = _default_mode() if mode is None else mode
        self.raw = os.fdopen(fd, "wb")
        self.stream = _compressing(self.raw, self.target)

    def commit(self) -> None:
        if self.done:
            return
        try:
            if self.stream is not self.raw:
                self.stream.close()
            self.raw.flush()
            os.fsync(self.raw.fileno())
            self.raw.close()
            os.chmod(self.temp, self.mode)
            os.replace(self.temp, self.target)
        except OSError as exc:
            self.abort()
            raise OutputError(self.target, _reason(exc)) from None
        self.done = True

    def abort(self) -> None:
        if self._discard():
            try:
                self.temp.unlink()
            except OSError:
                pass


class DirectOutput(_FileOutput):
    """An existing pipe, device or socket, or a file-descriptor alias (``/dev/stdout``), written
    straight into, in append mode: a rename would replace the node, and truncating would wipe a
    log that ``/dev/stdout`` reaches through a shell's ``>>``."""

    streams = True

    def __init__(self, target: str | Path):
        self.target = Path(target)
        self.name = str(self.target)
        try:
            self.raw: IO[bytes] = open(self.target, "ab")  # noqa: SIM115 -- closed by commit or abort
        except OSError as exc:
            raise OutputError(self.target, _reason(exc)) from None
        self.stream = _compressing(self.raw, self.target)

    def commit(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            if self.stream is not self.raw:
                self.stream.close()
            self.raw.close()
        except OSError as exc:
            raise OutputError(self.target, _reason(exc)) from None

    def abort(self) -> None:
        self._discard()


#: Names that reach a file descriptor of the process, whatever file the shell connected it to.
_FD_ALIAS = re.compile(r"/dev/(?:stdout|stderr|fd/\d+)|/proc/(?:self|\d+)/fd/\d+")


def is_fd_alias(path: str | Path) -> bool:
    """Whether ``path`` names a file descriptor: exactly ``/dev/stdout``, ``/dev/stderr``,
    ``/dev/fd/N``, ``/proc/self/fd/N`` or ``/proc/PID/fd/N``. The file behind it may be one the
    shell opened (``-o /dev/stdout >> log``), which must be written into, never replaced."""
    return _FD_ALIAS.fullmatch(os.path.abspath(path)) is not None


def is_stream_node(path: str | Path) -> bool:
    """Whether ``path`` is an existing node that is neither a regular file nor a folder (a pipe,
    device or socket), after following links: it cannot be replaced by a rename."""
    try:
        kind = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(kind) and not stat.S_ISDIR(kind)


def writes_straight(path: str | Path) -> bool:
    """Whether an output named ``path`` is written straight into (:class:`DirectOutput`) rather than
    replaced atomically: a file-descriptor alias, or an existing pipe, device or socket.

    Any other name, under ``/dev`` or ``/proc`` or not (``/dev/shm`` is an ordinary folder), is a
    file that is written atomically.
    """
    return is_fd_alias(path) or is_stream_node(path)


def open_output(target: str | Path, mode: int | None = None, *, replace: bool = False) -> Output:
    """The output for the file name ``target``.

    A regular file (or a new one) is written atomically (:class:`AtomicOutput`). A symbolic link
    is resolved, so that the file it points to is replaced and the link stays. A file-descriptor
    alias (``/dev/stdout``, ``/dev/fd/N``, ``/proc/self/fd/N``: whatever the shell connected it to)
    and an existing pipe, device or socket (``/dev/null``, a named pipe) are written straight into
    (:class:`DirectOutput`). A folder is refused. ``mode`` sets the permissions of a file written
    atomically.

    ``replace`` (``--in-place``) always writes a new file and renames it over ``target``, which
    must then be a regular file: a stream written straight into would get the cleaned text after
    the original.
    """
    path = Path(target)
    try:
        kind: int | None = os.stat(path).st_mode  # follows links: what a write would reach
    except OSError:
        kind = None
    if kind is not None and stat.S_ISDIR(kind):
        raise OutputError(path, "it is a folder")
    if replace:
        if kind is None or not stat.S_ISREG(kind) or is_fd_alias(path):
            raise OutputError(path, "not a regular file, so it cannot be replaced")
    elif writes_straight(path):
        return DirectOutput(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    return AtomicOutput(path, mode)


# --------------------------------------------------------------------------- statistics


@dataclass
class Stats:
    """Counts over a run: documents, removals per category and per evidence code.

    An input that cannot be read to its end counts as one more document, seen and failed, so that
    ``failed`` never exceeds ``seen``.
    """

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

    def add_unreadable(self) -> None:
        """Count an input that could not be read (to its end) as one more document seen and failed."""
        self.seen += 1
        self.failed += 1

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
    """Route results to outputs in order, apply ``--on-error``, keep the statistics.

    A whole document (``.txt``, ``.html``) that fails and is skipped writes no output file, and with
    ``in_place`` a failed document leaves its file as it was, whatever ``--on-error`` says: neither
    ever becomes an empty file passing for a cleaned one.
    """

    def __init__(self, sources: Sequence[Source], outputs: Callable[[int], Output], on_error: str, report: Report,
                 shared: bool, in_place: bool = False):
        self.sources = sources
        self.outputs = outputs  # source index → its output (created lazily)
        self.shared = shared  # one output for every source (stdout or -o FILE)
        self.in_place = in_place
        self.on_error = on_error
        self.report = report
        self.stats = Stats()
        self.open: dict[int, Output] = {}
        self.all_outputs: list[Output] = []
        self.finished: list[Output] = []  # outputs of separate sources committed so far
        self.last_index: int | None = None  # the source last written to a shared output
        self.tail = b""  # the last byte written to a shared output

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
        if self.shared and chunk.index != self.last_index:
            self._start_source(output, chunk.index)
        kept = True
        written = b""
        for result in results:
            if result.blank:
                written = result.output or b""
                output.write(written)
                continue
            self.stats.add(result)
            if result.error is not None:
                self._report_failure(chunk, result)
                if result.line is None and (self.on_error == "skip" or self.in_place):
                    self.stats.skipped += self.on_error == "skip"
                    output.abort()  # the target stays as it was (or is never created)
                    kept = False
                    continue
                if self.on_error == "skip":
                    self.stats.skipped += 1
                    continue
            elif self.report.removed is not None and result.removals:
                self._write_removed(chunk, result)
            if result.output is not None:
                written = result.output
                output.write(written)
        if written:
            self.tail = written[-1:]
        if chunk.error is not None:
            self.stats.add_unreadable()
            self.report.error(f"{chunk.display}: {chunk.error}")
            if not self.shared:
                output.abort()
                kept = False
            if self.on_error == "fail":
                raise RunFailed
        if chunk.last:
            del self.open[chunk.index]
            if not self.shared:
                output.commit()
                if kept:
                    self.finished.append(output)

    def _start_source(self, output: Output, index: int) -> None:
        """On a shared stream, end the previous source's last line if it had no line ending."""
        if self.last_index is not None and self.tail not in (b"", b"\n"):
            output.write(b"\n")
            self.tail = b"\n"
        self.last_index = index

    def _report_failure(self, chunk: Chunk, result: Result) -> None:
        """Count and report a failed document; under ``--on-error fail`` stop the run."""
        self.stats.failed += 1
        self.report.error(f"{document_name(chunk.display, result.line, result.doc_id)}: {result.error}")
        if self.on_error == "fail":
            raise RunFailed

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
            self.report.removed.write(_dump(entry).encode("utf-8", "backslashreplace") + b"\n")

    def finish(self) -> None:
        for output in self.all_outputs:
            output.commit()

    def abort(self) -> None:
        for output in self.all_outputs:
            output.abort()
