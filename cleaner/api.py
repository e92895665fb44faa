"""Module-level helpers: each wraps a :class:`~cleaner.pipeline.Cleaner` built once per config."""

from __future__ import annotations

from functools import lru_cache

from .config import CleanerConfig
from .html import HtmlCleaned
from .model import CleanedText
from .pipeline import Cleaner


@lru_cache(maxsize=8)
def cached_cleaner(config: CleanerConfig | None) -> Cleaner:
    """The one Cleaner of this process for ``config`` (rule packs are compiled once)."""
    return Cleaner(config)


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
