"""Module-level helpers: each wraps a :class:`~cleaner.pipeline.Cleaner` built once per config."""

from __future__ import annotations

import os
from functools import lru_cache

from .config import CleanerConfig
from .html import HtmlCleaned
from .model import CleanedText
from .pipeline import Cleaner


def cached_cleaner(config: CleanerConfig | None) -> Cleaner:
    """The one Cleaner of this process for ``config`` (rule packs are compiled once). A user pack
    file that changed on disk since (its size or modification time) gets a new Cleaner."""
    return _cleaner(config, _pack_stamps(config))


@lru_cache(maxsize=8)
def _cleaner(config: CleanerConfig | None, stamps: tuple[tuple[int, int] | None, ...]) -> Cleaner:
    return Cleaner(config)


def _pack_stamps(config: CleanerConfig | None) -> tuple[tuple[int, int] | None, ...]:
    """(size, modification time) of each user pack file of ``config``; None for a built-in name."""
    if config is None or not config.rule_packs:
        return ()
    stamps = []
    for name in config.rule_packs:
        try:
            found = os.stat(name)
            stamps.append((found.st_size, found.st_mtime_ns))
        except (OSError, ValueError):
            stamps.append(None)  # a built-in pack's name, or a path that Cleaner will report
    return tuple(stamps)


def clean(text: str, config: CleanerConfig | None = None) -> str:
    """``text`` with its boilerplate lines removed (see :func:`clean_and_explain`)."""
    return cached_cleaner(config).clean(text)


def clean_and_explain(text: str, config: CleanerConfig | None = None, *, reasons: bool = True) -> CleanedText:
    """The cleaned text and every removal: its span in ``text``, the removed text and the evidence
    (``reasons=False``: faster, without the one-line reasons of line-score removals)."""
    return cached_cleaner(config).clean_and_explain(text, reasons=reasons)


def clean_html(html: str | bytes, url: str | None = None, config: CleanerConfig | None = None) -> str:
    """The cleaned main text of an HTML page (str, or bytes decoded from BOM, meta charset, UTF-8 or detection)."""
    return cached_cleaner(config).clean_html(html, url=url)


def clean_html_and_explain(
    html: str | bytes, url: str | None = None, config: CleanerConfig | None = None
) -> HtmlCleaned:
    """The cleaned text, the extracted text, its line removals and the markup removals."""
    return cached_cleaner(config).clean_html_and_explain(html, url=url)
