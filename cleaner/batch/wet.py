"""WET files: Common Crawl's text of crawled pages, as WARC records (``WARC/1.0``, header lines, a
blank line, a body of ``Content-Length`` bytes, two line breaks).

:func:`iter_records` cuts a stream into its records; :func:`read_record` splits one into its
header and body; :func:`rebuild` writes a record with a new body, its ``Content-Length`` and
``WARC-Block-Digest`` brought up to date and every other header line as it was. Only the
``conversion`` records hold a page's text; the others (``warcinfo``) pass through unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from typing import IO

#: the first bytes of every WARC record.
VERSION_PREFIX = b"WARC/"
#: bytes; the longest header line taken (a record's header is a few hundred bytes).
HEADER_LINE_MAX = 64 << 10
#: lines; the most header lines of one record.
HEADER_MAX_LINES = 200
#: bytes; the largest record body taken (Common Crawl's page texts are cut at 1 MB; a larger
#: ``Content-Length`` is a broken header, not a page to read into memory).
BODY_MAX_BYTES = 256 << 20

_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*([0-9]{1,20})[ \t]*\r?$")
_DIGEST = re.compile(rb"(?im)^(warc-block-digest:[ \t]*)([a-z0-9-]+):[^\s]+([ \t]*\r?)$")


class WetFormatError(Exception):
    """A stream that is not a sequence of WARC records, with what is wrong and where."""


def iter_records(stream: IO[bytes]) -> Iterator[tuple[int, int, bytes]]:
    """``(record number, byte offset, raw bytes)`` of each record of ``stream``, its separator
    (the line breaks after the body) included; blank lines between records belong to the record
    before. Raises :class:`WetFormatError` at the first record that cannot be read."""
    number = 0
    offset = 0
    pending = b""  # a line read past the previous record: the next one's first line
    lead = b""  # blank lines before the first record: they go out with it
    while True:
        line = pending or stream.readline(HEADER_LINE_MAX)
        pending = b""
        if not line:
            if lead:  # a file of blank lines: they pass through as they are
                yield 0, 0, lead
            return
        if not line.strip():  # blank lines before the first record
            lead += line
            continue
        number += 1
        where = f"record {number} at byte offset {offset + len(lead)}"
        if not line.startswith(VERSION_PREFIX):
            raise WetFormatError(f"{where}: expected a WARC record ('WARC/1.0'), found {line[:40]!r}")
        header = [lead + line] if lead else [line]
        lead = b""
        while True:
            line = stream.readline(HEADER_LINE_MAX)
            if not line:
                raise WetFormatError(f"{where}: the file ends inside the record's header")
            header.append(line)
            if not line.strip():
                break
            if len(header) > HEADER_MAX_LINES or not line.endswith(b"\n"):
                raise WetFormatError(f"{where}: the record's header does not end (no blank line)")
        head = b"".join(header)
        found = _LENGTH.search(head)
        if found is None:
            raise WetFormatError(f"{where}: the record's header has no Content-Length (or not a number)")
        length = int(found.group(1))
        if length > BODY_MAX_BYTES:
            raise WetFormatError(f"{where}: Content-Length {length} is larger than a page's text can be")
        body = stream.read(length)
        if len(body) < length:
            raise WetFormatError(f"{where}: the file ends inside the record (Content-Length {length})")
        tail = b""
        while True:  # the separator: line breaks up to the next record
            line = stream.readline(HEADER_LINE_MAX)
            if line and not line.strip():
                tail += line
                continue
            pending = line
            break
        raw = head + body + tail
        yield number, offset, raw
        offset += len(raw)


def read_record(raw: bytes) -> tuple[bytes, bytes, bytes, dict[str, str]]:
    """``(header, body, separator, fields)`` of one record as :func:`iter_records` gives it;
    ``fields`` holds the header's fields by lower-case name (none for the blank lines of a file
    that holds no record)."""
    if not raw.strip():
        return raw, b"", b"", {}
    end = raw.find(VERSION_PREFIX)  # (blank lines before a file's first record)
    while True:  # the header ends with its first blank line
        line_end = raw.find(b"\n", end) + 1
        blank = not raw[end:line_end].strip()
        end = line_end
        if blank:
            break
    head = raw[:end]
    length = int(_LENGTH.search(head).group(1))  # type: ignore[union-attr]
    body = raw[end : end + length]
    fields = {}
    for line in head.decode("utf-8", "replace").strip().splitlines()[1:]:
        name, colon, value = line.partition(":")
        if colon:
            fields[name.strip().lower()] = value.strip()
    return head, body, raw[end + length :], fields


def rebuild(head: bytes, body: bytes, separator: bytes) -> bytes:
    """A record with ``body``: its ``Content-Length`` and ``WARC-Block-Digest`` (of the algorithm it
    names, in base 32, as Common Crawl writes SHA-1; an algorithm that ``hashlib`` does not know
    leaves the line as it was) made to match, every other byte of the header as it was."""
    head = _LENGTH.sub(lambda m: m.group(0).replace(m.group(1), str(len(body)).encode()), head, count=1)
    return _DIGEST.sub(lambda m: _digest_line(m, body), head, count=1) + body + (separator or b"\r\n\r\n")


def _digest_line(found: re.Match[bytes], body: bytes) -> bytes:
    algorithm = found.group(2).decode("ascii").lower()
    name = next((n for n in (algorithm, algorithm.replace("-", ""), algorithm.replace("-", "_"))
                 if n in hashlib.algorithms_available), None)  # fmt: skip
    try:
        digest = hashlib.new(name, body).digest() if name else None
    except (ValueError, TypeError):  # (SHAKE digests need a length)
        digest = None
    if digest is None:
        return found.group(0)
    return found.group(1) + found.group(2) + b":" + base64.b32encode(digest) + found.group(3)

