"""The exceptions of a batch run, and how an OS error reads in a message."""

from __future__ import annotations

from pathlib import Path
from typing import Any


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


class DocumentError(Exception):
    """One document failed; the message is complete and goes to stderr as is.

    ``doc_id`` names a JSONL record whose id was read before it failed, or a WET record by its page's
    address (``None`` otherwise).
    """

    def __init__(self, message: str, doc_id: Any = None):
        super().__init__(message)
        self.doc_id = doc_id


def reason_of(exc: BaseException) -> str:
    """The one-line reason of an OS error (``Permission denied``), without the errno."""
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
