"""``cleaner explain``: each removal of each document, with its line, evidence and reason."""

from __future__ import annotations

import argparse
import os
import sys
from bisect import bisect_right
from typing import Any

from .. import batch
from ..segment import split_lines
from . import shell


class _Style:
    CODES = {"removed": "31", "code": "36", "category": "33", "head": "1", "dim": "2"}

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, kind: str, text: str) -> str:
        return f"\x1b[{self.CODES[kind]}m{text}\x1b[0m" if self.enabled else text


def use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and shell.isatty(sys.stdout)


def cmd_explain(args: argparse.Namespace) -> int:
    _, cleaner = shell.cleaner_for(args)
    sources = batch.find_sources(args.inputs, args.format, args.include, args.exclude)
    shell.hint_terminal_stdin(sources)
    style = _Style(use_color(args.color))
    options = shell.options_for(args, want_removed=True)
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
                if chunk.format == "wet" and text is None:
                    continue  # a record without a page's text (warcinfo)
                if chunk.format == "html":
                    result = batch.clean_page(cleaner, raw)
                else:
                    result = batch.clean_text(cleaner, text, reasons=True)
            except batch.DocumentError as exc:
                name = batch.document_name(chunk.display, lineno, exc.doc_id if exc.doc_id is not None else doc_id)
                shell.error(f"{name}: {exc}")
                failed += 1
                continue
            view = _render(batch.document_name(chunk.display, lineno, doc_id), text, result, style)
            # A lone surrogate (a JSON escape such as \ud800) is shown as that escape.
            out.write(view.encode("utf-8", "backslashreplace").decode("utf-8"))
        if chunk.error:  # the documents read before the error are explained above
            out.flush()
            shell.error(f"{chunk.display}: {chunk.error}")
            failed += 1
    out.flush()
    return shell.EXIT_FAILED if failed else shell.EXIT_OK


def _explain_input(
    fmt: str, raw: bytes, offset: int, lineno: int | None, options: batch.Options
) -> tuple[str | None, Any]:
    """``(text, id)`` of one document, read as ``cleaner clean`` reads it (``text`` is ``None`` for HTML
    and for a WET record without a page's text).

    A JSONL record (``raw`` without its line ending) goes through :func:`batch.read_record`, so that a
    bad one fails with the same message.
    """
    if fmt == "html":
        return None, None
    if fmt == "wet":
        _, _, text, doc_id = batch.wet_text(raw, offset, options.encoding_errors)
        return text, doc_id
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
