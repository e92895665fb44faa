"""Inputs of a batch run: find the files, read them lazily (gzip or not), cut them into chunks.

A document is a whole ``.txt``/``.html`` file, one line of a ``.jsonl`` file, or one WARC record
of a ``.wet`` file (see :mod:`.wet`); a chunk holds up to CHUNK_DOCS documents of one source as raw
bytes, decoded later by the worker that cleans them.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import os
import posixpath
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import DocumentError, UsageError, reason_of
from .wet import WetFormatError, iter_records

FORMATS = ("txt", "jsonl", "html", "wet")
EXTENSIONS = {
    ".txt": "txt", ".md": "txt", ".markdown": "txt", ".jsonl": "jsonl", ".html": "html", ".htm": "html", ".wet": "wet",
}
#: the formats whose files hold many documents (records), cleaned one by one and written in turn.
RECORD_FORMATS = ("jsonl", "wet")

#: Documents per chunk sent to a worker, and the byte budget that closes a chunk early.
CHUNK_DOCS = 64
CHUNK_BYTES = 4 << 20

STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"


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
    if list(inputs).count(STDIN) > 1:
        raise UsageError("- (stdin) is given more than once; it can be read once")
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
            elif source.format == "wet":
                for item in iter_records(stream):
                    items.append(item)
                    size += len(item[2])
                    if len(items) >= CHUNK_DOCS or size >= CHUNK_BYTES:
                        yield Chunk(index, source.format, source.display, items, size=size)
                        items, size = [], 0
            else:
                data = stream.read()
                items.append((None, 0, data))
                size = len(data)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Chunk(index, source.format, source.display, items, last=True, error=_read_error(exc), size=size)
            continue
        except WetFormatError as exc:  # the records before it are cleaned; the rest cannot be found
            yield Chunk(index, source.format, source.display, items, last=True, error=str(exc), size=size)
            continue
        finally:
            if stream is not None and not source.is_stdin:
                stream.close()
        yield Chunk(index, source.format, source.display, items, last=True, size=size)


def _read_error(exc: BaseException) -> str:
    return f"cannot read: {reason_of(exc)}"


def decode(data: bytes, errors: str, offset: int) -> str:
    """``data`` decoded as UTF-8 (``errors`` as for ``bytes.decode``); invalid bytes fail the document
    with their offset in the file (``offset``: where ``data`` starts)."""
    try:
        return data.decode("utf-8", errors=errors)
    except UnicodeDecodeError as exc:
        if offset == 0 and data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DocumentError(
                "the text is UTF-16 (it opens with a UTF-16 byte order mark); convert it to UTF-8 first, "
                "e.g. iconv -f UTF-16 -t UTF-8"
            ) from None
        bad = data[exc.start : exc.start + 1].hex()
        raise DocumentError(
            f"invalid UTF-8 at byte offset {offset + exc.start} (byte 0x{bad}); "
            "pass --encoding-errors replace to substitute U+FFFD"
        ) from None


def document_name(display: str, line: int | None, doc_id: Any = None) -> str:
    """How messages name a document: ``FILE``, ``FILE:LINE``, or ``FILE:LINE (id ID)`` for a record
    whose id is not its line number."""
    if line is None:
        return display
    name = f"{display}:{line}"
    if doc_id is not None and doc_id != line:
        name += f" (id {doc_id})"
    return name
