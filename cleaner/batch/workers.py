"""Workers of a batch run: clean the documents of a chunk, in this process or a pool of processes.

Workers decode, parse, clean and serialise; the parent only splits lines and writes. Each worker
builds its :class:`~cleaner.Cleaner` once. :func:`run_chunks` keeps the results in input order
with at most ``2 × jobs + 2`` chunks in flight, so memory stays flat whatever the input size.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..config import CleanerConfig
from ..errors import CleanerError
from ..pipeline import Cleaner
from .errors import DocumentError
from .inputs import Chunk, decode
from .jsonl import EXPLAIN_KEY, read_record, skip_bom, splice
from .wet import read_record as read_wet_record
from .wet import rebuild


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
    if chunk.format == "wet":
        return [_wet_record(cleaner, options, *item) for item in chunk.items]
    return [_document(cleaner, options, chunk, *item) for item in chunk.items]


def clean_text(cleaner: Cleaner, text: str, reasons: bool) -> Any:
    """``cleaner.clean_and_explain(text)``; any failure becomes a :class:`DocumentError`."""
    try:
        return cleaner.clean_and_explain(text, reasons=reasons)
    except CleanerError as exc:
        raise DocumentError(str(exc)) from None
    except RecursionError:
        raise DocumentError("document too deeply nested to clean") from None
    except Exception as exc:  # a bug must cost one document, never the run
        raise DocumentError(f"internal error, please report it: {type(exc).__name__}: {exc}") from None


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
    output field, ``cleaner`` with ``explain``) are spliced into the line as it came (:func:`.jsonl.splice`),
    so every other byte passes through. A UTF-8 byte order mark opening the file is skipped: it is
    not part of the first record and is not written out.
    """
    raw, offset = skip_bom(raw, offset)
    body = raw.rstrip(b"\r\n")
    if not body.strip():
        return Result(raw, None, lineno, blank=True)
    ending = raw[len(body) :]
    doc_id: Any = lineno
    try:
        line, text, doc_id = read_record(body, offset, lineno, options)
        result = clean_text(cleaner, text, options.explain or options.want_removed)
    except DocumentError as exc:
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
    out = splice(line, values).encode("utf-8", errors="backslashreplace") + ending
    return Result(out, doc_id, lineno, changed=changed, removals=removals, chars=chars)


def wet_text(raw: bytes, offset: int, errors: str) -> tuple[bytes, bytes, str | None, Any]:
    """``(header, separator, text, id)`` of a WET record (``raw``, at byte ``offset`` of its file):
    ``text`` is ``None`` for a record that holds no page's text (``warcinfo``); the id is the
    page's address (``WARC-Target-URI``), else the record's id."""
    head, body, separator, fields = read_wet_record(raw)
    doc_id = fields.get("warc-target-uri") or fields.get("warc-record-id")
    if fields.get("warc-type") != "conversion":
        return head, separator, None, doc_id
    try:
        return head, separator, decode(body, errors, offset + len(head)), doc_id
    except DocumentError as exc:
        raise DocumentError(str(exc), doc_id) from None


def _wet_record(cleaner: Cleaner, options: Options, number: int, offset: int, raw: bytes) -> Result:
    """Clean one WARC record of a WET file. A record that holds no page's text passes through
    unchanged and counts as no document; a cleaned one is written with its ``Content-Length``
    and ``WARC-Block-Digest`` made to match its new body (see :func:`.wet.rebuild`), and one that
    nothing changed goes out byte for byte."""
    doc_id: Any = number
    try:
        head, separator, text, found_id = wet_text(raw, offset, options.encoding_errors)
        doc_id = found_id or number
        if text is None:
            return Result(raw, doc_id, number, blank=True)
        result = clean_text(cleaner, text, options.want_removed)
    except DocumentError as exc:
        return Result(raw, exc.doc_id or doc_id, number, error=str(exc))
    removals, chars = _removals(result, options)
    changed = result.text != text
    if not changed and options.encoding_errors == "strict":
        return Result(raw, doc_id, number, removals=removals, chars=chars)
    body = result.text.encode("utf-8", errors="surrogatepass")
    return Result(rebuild(head, body, separator), doc_id, number, changed=changed, removals=removals, chars=chars)


def _document(cleaner: Cleaner, options: Options, chunk: Chunk, lineno: None, offset: int, raw: bytes) -> Result:
    try:
        if chunk.format == "html":
            result = clean_page(cleaner, raw)
            text = None
        else:
            text = decode(raw, options.encoding_errors, offset)
            result = clean_text(cleaner, text, options.want_removed)
    except DocumentError as exc:
        return Result(raw, chunk.display, None, error=str(exc))
    removals, chars = _removals(result, options)
    changed = text is None or result.text != text
    return Result(result.text.encode("utf-8", errors="surrogatepass"), chunk.display, None, changed=changed,
                  removals=removals, chars=chars)


def clean_page(cleaner: Cleaner, raw: bytes) -> Any:
    """``cleaner.clean_html_and_explain(raw)``; any failure becomes a :class:`DocumentError`."""
    try:
        return cleaner.clean_html_and_explain(raw)
    except CleanerError as exc:
        raise DocumentError(str(exc)) from None
    except Exception as exc:  # a bug must cost one page, never the run
        raise DocumentError(f"internal error, please report it: {type(exc).__name__}: {exc}") from None


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
