"""A batch run's bookkeeping: route results to their outputs in order, apply ``--on-error``,
report failures and removals, count."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import RunFailed
from .inputs import Chunk, Source, document_name
from .jsonl import dump
from .outputs import Output
from .workers import Result

ON_ERROR = ("keep", "skip", "fail")


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
            self.report.removed.write(dump(entry).encode("utf-8", "backslashreplace") + b"\n")

    def finish(self) -> None:
        for output in self.all_outputs:
            output.commit()

    def abort(self) -> None:
        for output in self.all_outputs:
            output.abort()
