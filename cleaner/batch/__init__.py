"""Batch cleaning for the command line: find inputs, read them lazily, clean in parallel, write atomically.

No cleaning logic lives here: every document goes through :meth:`cleaner.Cleaner.clean_and_explain`
(or ``clean_html_and_explain`` for HTML). This package only moves bytes around:

    inputs (files, folders, stdin) ──iter_chunks──▶ chunks of ≤ 64 documents (raw bytes)
        ──process_chunk (worker processes, Cleaner built once per worker)──▶ results, in order
        ──Run.consume──▶ atomic outputs, --removed trail, statistics

Modules, in that order: :mod:`.inputs` (sources, chunks, decoding), :mod:`.jsonl` (records read
and spliced back), :mod:`.workers` (cleaning a chunk, the process pool), :mod:`.outputs` (stdout,
atomic files, pipes), :mod:`.run` (routing, ``--on-error``, statistics), :mod:`.errors`.
"""

from .errors import DocumentError, OutputError, RunFailed, UsageError
from .inputs import FORMATS, RECORD_FORMATS, Source, decode, document_name, find_sources, iter_chunks
from .jsonl import EXPLAIN_KEY, read_record, skip_bom
from .outputs import Output, StdoutOutput, is_fd_alias, open_output, writes_straight
from .run import ON_ERROR, Report, Run, Stats
from .workers import Options, clean_page, clean_text, run_chunks, wet_text

__all__ = [
    "EXPLAIN_KEY",
    "FORMATS",
    "ON_ERROR",
    "RECORD_FORMATS",
    "DocumentError",
    "Options",
    "Output",
    "OutputError",
    "Report",
    "Run",
    "RunFailed",
    "Source",
    "Stats",
    "StdoutOutput",
    "UsageError",
    "clean_page",
    "clean_text",
    "decode",
    "document_name",
    "find_sources",
    "is_fd_alias",
    "iter_chunks",
    "open_output",
    "read_record",
    "run_chunks",
    "skip_bom",
    "wet_text",
    "writes_straight",
]
