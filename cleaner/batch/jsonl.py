"""JSONL records: read one, and write it back with only the fields a run sets changed.

Every other byte of the record passes through: the new values are spliced into the line as it
came (:func:`splice`) instead of re-serialising the whole object.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from .errors import DocumentError
from .inputs import decode

if TYPE_CHECKING:
    from .workers import Options

UTF8_BOM = b"\xef\xbb\xbf"
EXPLAIN_KEY = "cleaner"  # the key --explain adds to a record


def read_record(body: bytes, offset: int, lineno: int, options: Options) -> tuple[str, str, Any]:
    """``(line, text, id)`` of the JSONL record ``body`` (one line without its ending).

    ``line`` is the decoded line, ``text`` the value of the text field and ``id`` the id field when
    it is a string or an integer, else the line number. A record that cannot be cleaned raises
    :class:`DocumentError`, carrying the id once the record has been parsed; so does one that holds
    a field named like ``options.output_field`` (other than the text field), which the cleaned text
    would overwrite. (EXPLAIN_KEY, the key of the tool's own trail, is replaced: explaining an
    explained file again refreshes it.)
    """
    line = decode(body, options.encoding_errors, offset)
    record = _parse_record(line)
    found = record.get(options.id_field)
    doc_id = found if isinstance(found, (str, int)) and not isinstance(found, bool) else lineno
    if options.text_field not in record:
        raise DocumentError(f"no {options.text_field!r} field (choose another with --text-field)", doc_id)
    text = record[options.text_field]
    if not isinstance(text, str):
        raise DocumentError(f"field {options.text_field!r} is {_json_type(text)}, not a string", doc_id)
    target = options.output_field
    if target is not None and target != options.text_field and target in record:
        raise DocumentError(f"the record already has a field {target!r} (choose another --output-field)", doc_id)
    return line, text, doc_id


def skip_bom(raw: bytes, offset: int) -> tuple[bytes, int]:
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
        raise DocumentError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise DocumentError("cannot read the JSON: nested too deeply") from None
    except ValueError as exc:
        reason = str(exc).split(";")[0]  # drop the advice to call sys.set_int_max_str_digits()
        raise DocumentError(f"cannot read the JSON: {reason}") from None
    if not isinstance(record, dict):
        raise DocumentError(f"not a JSON object but {_json_type(record)}")
    return record


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_scan_value = json.decoder.JSONDecoder().scan_once
_scan_key = json.decoder.scanstring


#: characters that JSON leaves raw but that some readers take for line breaks (Python's
#: ``str.splitlines``, older JavaScript): escaped, so that a record stays on its line for them too.
_LINE_BREAKING = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dump(value: Any) -> str:
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


def splice(line: str, values: dict[str, Any]) -> str:
    """``line`` (a JSON object) with the given top-level fields set, every other character kept.

    A field already there has its value replaced where it stands; a new one is added after the
    last field, in the order of ``values``.
    """
    spans, last = _field_spans(line)
    edits = sorted((spans[key], dump(value)) for key, value in values.items() if key in spans)
    pieces = []
    pos = 0
    for (start, end), text in edits:
        pieces += [line[pos:start], text]
        pos = end
    pieces.append(line[pos:last])
    separator = ", " if spans else ""
    for key, value in values.items():
        if key not in spans:
            pieces += [separator, dump(key), ": ", dump(value)]
            separator = ", "
    pieces.append(line[last:])
    return "".join(pieces)


def _json_type(value: Any) -> str:
    names = {
        type(None): "null", bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
        dict: "an object",
    }  # fmt: skip
    return names.get(type(value), type(value).__name__)
