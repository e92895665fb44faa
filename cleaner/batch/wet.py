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

_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*([0-9]+)[ \t]*\r?$")
_DIGEST = re.compile(rb"(?im)^(warc-block-digest:[ \t]*)sha1:[^\s]+([ \t]*\r?)$")


class WetFormatError(Exception):
    """A stream that is not a sequence of WARC records, with what is wrong and where."""


def iter_records(stream: IO[bytes]) -> Iterator[tuple[int, int, bytes]]:
    """``(record number, byte offset, raw bytes)`` of each record of ``stream``, its separator
    (the line breaks after the body) included; blank lines between records belong to the record
    before. Raises :class:`WetFormatError` at the first record that cannot be read."""
    number = 0
    offset = 0
    pending = b""  # a line read past the previous record: the next one's first line
    while True:
        line = pending or stream.readline(HEADER_LINE_MAX)
        pending = b""
        if not line:
            return
        if not line.strip():  # blank lines before the first record
            offset += len(line)
            continue
        number += 1
        where = f"record {number} at byte offset {offset}"
        if not line.startswith(VERSION_PREFIX):
            raise WetFormatError(f"{where}: expected a WARC record ('WARC/1.0'), found {line[:40]!r}")
        header = [line]
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
            raise WetFormatError(f"{where}: the record's header has no Content-Length")
        length = int(found.group(1))
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
    ``fields`` holds the header's fields by lower-case name."""
    end = 0
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
    for line in head.decode("utf-8", "replace").splitlines()[1:]:
        name, colon, value = line.partition(":")
        if colon:
            fields[name.strip().lower()] = value.strip()
    return head, body, raw[end + length :], fields


def rebuild(head: bytes, body: bytes, separator: bytes) -> bytes:
    """A record with ``body``: its ``Content-Length`` and ``WARC-Block-Digest`` (SHA-1, base 32, as
    Common Crawl writes it) made to match, every other byte of the header as it was."""
    head = _LENGTH.sub(lambda m: m.group(0).replace(m.group(1), str(len(body)).encode()), head, count=1)
    digest = base64.b32encode(hashlib.sha1(body).digest())
    head = _DIGEST.sub(lambda m: m.group(1) + b"sha1:" + digest + m.group(2), head, count=1)
    return head + body + (separator or b"\r\n\r\n")

