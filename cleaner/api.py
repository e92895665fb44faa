"""Module-level helpers: each wraps a :class:`~cleaner.pipeline.Cleaner` built once per config."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import cache

from .config import CleanerConfig
from .errors import ConfigError
from .html import HtmlCleaned
from .model import CleanedText
from .pipeline import Cleaner
from .rules import available_rule_packs


#: configs whose Cleaner is kept (the least recently used one goes first).
CACHED_CONFIGS = 8
_CLEANERS: OrderedDict[CleanerConfig | None, tuple[tuple[tuple[int, int] | None, ...], Cleaner]] = OrderedDict()
_LOCK = threading.Lock()


def cached_cleaner(config: CleanerConfig | None) -> Cleaner:
    """The one Cleaner of this process for ``config`` (rule packs are compiled once). A user pack
    file that changed on disk since (its size or modification time) gets a new Cleaner; one that
    cannot be found now (the working directory changed) keeps the Cleaner built from it."""
    if config is not None and not isinstance(config, CleanerConfig):
        raise ConfigError(
            f"config is a CleanerConfig, not {type(config).__name__}; "
            "build one with CleanerConfig(profile=..., languages=..., ...)"
        )
    stamps = _pack_stamps(config)
    with _LOCK:
        kept = _CLEANERS.get(config)
        if kept is not None and (kept[0] == stamps or None in stamps):
            _CLEANERS.move_to_end(config)
            return kept[1]
    cleaner = Cleaner(config)  # outside the lock: building takes long, and may fail
    with _LOCK:
        _CLEANERS[config] = (stamps, cleaner)
        _CLEANERS.move_to_end(config)
        while len(_CLEANERS) > CACHED_CONFIGS:
            _CLEANERS.popitem(last=False)
    return cleaner


def _pack_stamps(config: CleanerConfig | None) -> tuple[tuple[int, int] | None, ...]:
    """(size, modification time) of each user pack file of ``config``: (0, 0) for a built-in pack's
    name, None for a file that cannot be found."""
    if config is None or not config.rule_packs:
        return ()
    stamps: list[tuple[int, int] | None] = []
    for name in config.rule_packs:
        if name in _builtin_names():
            stamps.append((0, 0))  # built in: never changes
            continue
        try:
            found = os.stat(name)
            stamps.append((found.st_size, found.st_mtime_ns))
        except (OSError, ValueError):
            stamps.append(None)
    return tuple(stamps)


@cache
def _builtin_names() -> frozenset[str]:
    return frozenset(available_rule_packs())


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
