"""Parse a page, drop markup boilerplate, extract the main content with trafilatura.

trafilatura, lxml (and charset_normalizer) are imported inside the functions, so that
``import cleaner`` never loads them.
"""

from __future__ import annotations

import html as html_module
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import MissingDependencyError, TimeLimitError
from ..letters import words as words_in

#: trafilatura settings, chosen on the development set (see README.md, "HTML pages"): ``fast`` skips
#: trafilatura's readability/jusText fallback, which on these pages both costs ~30% of the time
#: and brings in more boilerplate than it rescues; comments are never article text.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "fast": True,
    "favor_precision": False,
    "favor_recall": False,
}

_INSTALL = "pip install 'trafilatura>=2.0' 'lxml_html_clean>=0.4'"


def _trafilatura() -> Any:
    try:
        import trafilatura
        from trafilatura.utils import load_html
    except ImportError as exc:  # pragma: no cover - core dependency
        raise MissingDependencyError(f"clean_html needs trafilatura and lxml ({exc}); install with: {_INSTALL}") from None
    return trafilatura, load_html


def parse_html(text: str) -> Any | None:
    """The page as an lxml tree (trafilatura's own loader), or ``None`` if it is not HTML."""
    _, load_html = _trafilatura()
    return load_html(text)


def extract_main(tree: Any, url: str | None) -> str:
    """The main content of ``tree`` as plain text, one block per line ('' when none)."""
    trafilatura, _ = _trafilatura()
    text = trafilatura.extract(tree, url=url, output_format="txt", **TRAFILATURA_OPTIONS)
    return text or ""


def page_title(tree: Any) -> str:
    """The page's title: ``og:title`` if present, else ``<title>`` (whitespace collapsed)."""
    for meta in tree.iterfind(".//meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
            content = " ".join((meta.get("content") or "").split())
            if content:
                return content
    title = tree.find(".//title")
    if title is not None:
        return " ".join("".join(title.itertext()).split())
    return ""


def page_urls(tree: Any, url: str | None) -> set[str]:
    """The page's own addresses: ``url`` as given, ``<link rel="canonical">`` and ``og:url``
    (compared without the scheme's case or a trailing slash, see :func:`drop_url_lines`)."""
    found = {url} if url else set()
    for link in tree.iterfind(".//link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            found.add(link.get("href"))
    for meta in tree.iterfind(".//meta"):
        if (meta.get("property") or "").lower() == "og:url" and meta.get("content"):
            found.add(meta.get("content"))
    return {_url_key(address) for address in found if address.strip()}


def _url_key(address: str) -> str:
    return address.strip().lower().rstrip("/")


def drop_url_lines(extracted: str, urls: set[str]) -> tuple[str, list[Any]]:
    """Drop the lines of ``extracted`` that are only the page's own address (a print or share
    artefact, never article text); returns the text and a :class:`MarkupRemoval` per line."""
    from .markup import MarkupRemoval

    if not urls or not extracted:
        return extracted, []
    kept, removals = [], []
    for line in extracted.split("\n"):
        if line.strip() and _url_key(line) in urls:
            removals.append(MarkupRemoval("url:repeated-line", "url", "navigation", "the page's own address",
                                          "url", line.strip()[:200]))
        else:
            kept.append(line)
    return ("\n".join(kept), removals) if removals else (extracted, [])


#: Separators between a title and the site name or section around it ("Opinion | ...", "... - Site").
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|\-\u2013\u2014:\u00b7\u2022\u00bb/]\s+|\s*\|\s*")
#: words; a line elsewhere in the text is dropped as the title only with at least this many words.
TITLE_LINE_MIN_WORDS = 4


def title_forms(title: str) -> set[tuple[str, ...]]:
    """The word sequences a repeated headline can take: the whole title, or its longest part
    between separators (the headline without the site name or section label around it; the
    shorter parts are those names, which a page may well print on a line of its own)."""
    parts = [tuple(words_in(part.lower())) for part in _TITLE_SEPARATOR_RE.split(title)]
    forms = {tuple(words_in(title.lower())), max(parts, key=len, default=())}
    return {form for form in forms if len(form) >= TITLE_LINE_MIN_WORDS}


def drop_title_lines(extracted: str, title: str) -> tuple[str, list[Any]]:
    """Drop the lines of ``extracted`` that repeat the page's headline: article text never repeats
    its title. The first line goes when its words are the title's or the start of the title (before a
    site-name suffix); any other line when its words are the title's or its longest part (see
    :func:`title_forms`). Returns the text and a :class:`MarkupRemoval` per dropped line."""
    from .markup import MarkupRemoval

    if not extracted or not title:
        return extracted, []
    title_words = words_in(title.lower())
    if not title_words:
        return extracted, []
    forms = title_forms(title)
    lines = extracted.strip("\n").split("\n")
    kept, removals = [], []
    for position, line in enumerate(lines):
        words = words_in(line.lower())
        first = position == 0 and 0 < len(words) <= 40 and words == title_words[: len(words)]
        if (first and len(words) >= min(len(title_words), 3)) or (words and tuple(words) in forms):
            selector = "title:first-line" if position == 0 else "title:repeated-line"
            removals.append(MarkupRemoval(selector, "title", "navigation", "the page's headline, repeated in the text",
                                          "title", line.strip()[:200]))
        else:
            kept.append(line)
    if not removals:
        return extracted, []
    return "\n".join(kept).strip("\n") + ("\n" if extracted.endswith("\n") else ""), removals


# ----------------------------------------------------------------------------- flat fallback

_DROP_RE = re.compile(r"<(script|style|noscript|template|svg|head)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_BLOCK_RE = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|pre|dd|dt|header|footer)\b[^>]*>",
    re.IGNORECASE,
)
_TAG_RE = re.compile(r"<[^>]*>")


def flat_text(text: str, limit: int = 5_000_000) -> str:
    """Visible text by regular expressions alone (no tree, no recursion): the fallback when the
    tree is too deep for the extractor. One line per block element, whitespace collapsed."""
    text = _COMMENT_RE.sub(" ", text[:limit])
    text = _DROP_RE.sub(" ", text)
    text = _BLOCK_RE.sub("\n", text)
    text = html_module.unescape(_TAG_RE.sub("", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# ----------------------------------------------------------------------------- time limit


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Callable[[], None]]:
    """Run a block under ``seconds``; yields ``check()``, to call between stages.

    On the main thread (where signals can be used) a ``SIGALRM`` timer also interrupts a stage
    that runs too long (between Python bytecodes: a single long C call finishes first). An
    already-armed outer timer is respected: if it is due sooner it is left alone, otherwise it
    is re-armed with its remaining time on exit. Elsewhere only ``check()`` applies.
    Both raise :class:`~cleaner.errors.TimeLimitError`.
    """
    if not seconds:
        yield lambda: None
        return
    start = time.monotonic()
    deadline = start + seconds

    def check() -> None:
        if time.monotonic() > deadline:
            raise TimeLimitError(f"the page took longer than the configured time_limit ({seconds:g} s)")

    use_signal = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous_handler: Any = None
    previous_delay = 0.0
    if use_signal:
        previous_delay, previous_interval = signal.getitimer(signal.ITIMER_REAL)
        if 0 < previous_delay <= seconds:
            use_signal = False  # the outer timer fires first; leave it alone
    if not use_signal:
        yield check
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise TimeLimitError(f"the page took longer than the configured time_limit ({seconds:g} s)")

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield check
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler if previous_handler is not None else signal.SIG_DFL)
        if previous_delay > 0:
            remaining = previous_delay - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(remaining, 1e-3), previous_interval)
