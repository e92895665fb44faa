"""Decode the bytes of an HTML page: BOM, then the declared charset, then UTF-8, then a guess.

Order: (1) a byte-order mark (UTF-8, UTF-16, UTF-32); (2) ``<meta charset=...>`` or
``<meta http-equiv="Content-Type" content="...; charset=...">`` in the first 4 KB, used only if
the bytes decode cleanly with it (a wrong declaration falls through); (3) strict UTF-8 (tried before a declared single-byte charset too: bytes that are valid
UTF-8 with non-ASCII sequences are UTF-8, whatever the page declares);
(4) charset_normalizer (installed with trafilatura) when it is confident; (5) cp1252 with
replacement characters, which never fails.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

#: Bytes searched for a ``<meta>`` charset declaration.
SNIFF_BYTES = 4096

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
# Declarations that mean something else in practice (WHATWG encoding standard).
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "x-user-defined": "cp1252", "utf8": "utf-8", "unicode": "utf-8"}


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag in the first 4 KB declares, if Python knows it."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").strip().lower()
    name = _ALIASES.get(name, name)
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # A page that reached us as bytes and declares UTF-16 is in fact ASCII-compatible.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def decode_html(data: bytes | bytearray | memoryview | str) -> tuple[str, str]:
    """``(text, encoding)``: the page as ``str`` and the encoding used (``"str"`` for str input)."""
    if isinstance(data, str):
        return data, "str"
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise InputError(f"HTML must be str or bytes, not {type(data).__name__}")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name
            except UnicodeDecodeError:
                return data[len(bom) :].decode(name, "replace"), name
    declared = declared_charset(data)
    if declared and declared != "utf-8" and not data.isascii():
        # Valid UTF-8 with multi-byte sequences is practically never single-byte text: a page
        # that decodes as UTF-8 is UTF-8, whatever its <meta> says.
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: fall through
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guessed = _guess(data)
    if guessed:
        try:
            return data.decode(guessed), guessed
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", "replace"), "cp1252"


def _guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with trafilatura
        return None
    try:
        best = from_bytes(data[:200_000]).best()
    except Exception:  # noqa: BLE001 - a guess, never an error
        return None
    if best is None or best.encoding is None:
        return None
    return best.encoding
