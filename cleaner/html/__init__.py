"""The HTML path: markup tokens → trafilatura main-content extraction → the text line pass.

    >>> from cleaner import Cleaner
    >>> from cleaner.html import clean_html_and_explain
    >>> result = clean_html_and_explain(Cleaner(), "<html><body>...</body></html>")  # doctest: +SKIP

1. **Decode** (bytes only): BOM, ``<meta>`` charset, UTF-8, charset_normalizer, cp1252
   (:mod:`cleaner.html.encoding`).
2. **Markup**: embedded social posts become plain quotations (:mod:`cleaner.html.embeds`);
   elements whose class, id, role or aria-label words name a boilerplate container
   (ad slot, newsletter box, share bar, related module, cookie banner, comments...) are removed
   from the parsed tree (:mod:`cleaner.html.markup`, tokens in ``cleaner/rules/markup/*.toml``).
3. **Extract**: trafilatura turns the remaining tree into the main text, one block per line
   (:mod:`cleaner.html.extract`); lines repeating the page's address or headline are dropped, and sibling
   chunks of a split article body that it left out are added (:mod:`cleaner.html.chunks`).
   This is :attr:`HtmlCleaned.extracted`.
4. **Line pass**: the core cleaner's rules and heuristics run on the extracted text; its removals
   are spans of :attr:`HtmlCleaned.extracted`, so
   ``apply_removals(result.extracted, result.removals) == result.text``.

trafilatura and lxml are imported only when a page is cleaned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..config import CleanerConfig
from ..errors import CleanerError, InputError
from ..model import CleanedText, Removal
from .embeds import keep_embedded_posts
from .encoding import decode_html
from .markup import MarkupRemoval, load_markup_tokens, strip_boilerplate

if TYPE_CHECKING:
    from ..pipeline import Cleaner

__all__ = ["HtmlCleaned", "MarkupRemoval", "clean_html", "clean_html_and_explain", "text_pass_config"]

#: Profile of the line pass on extracted text when the caller's profile is ``"default"``.
#: Text that trafilatura extracted is already mostly article: the ``default`` line model, tuned
#: on raw scraped text, removes real paragraphs there (measured in README.md, "HTML pages"), so the HTML
#: path runs the line pass with the ``conservative`` profile (threshold 0.9; 0.8 and 0.85 measured
#: worse: README, "HTML pages"); an explicit ``score_threshold`` in the caller's config is kept.
TEXT_PASS_PROFILE = "conservative"


@dataclass(frozen=True, slots=True)
class HtmlCleaned:
    """The result of cleaning one HTML page.

    text: the cleaned text.
    extracted: the main-content text trafilatura extracted (after the markup pass, with headline
        lines dropped and the sibling chunks of a split article body added), before the line pass.
    removals: the line pass's removals; each is a span of ``extracted``
        (``apply_removals(extracted, removals) == text``).
    markup_removals: the elements removed from the page before extraction.
    language: the language detected on the extracted text (``None`` if unknown).
    encoding: the encoding used to decode ``bytes`` input (``"str"`` for str input).
    """

    text: str
    extracted: str = ""
    removals: tuple[Removal, ...] = field(default_factory=tuple)
    markup_removals: tuple[MarkupRemoval, ...] = field(default_factory=tuple)
    language: str | None = None
    encoding: str = "str"

    def as_cleaned_text(self) -> CleanedText:
        """The text-level view: a :class:`~cleaner.model.CleanedText` over :attr:`extracted`."""
        return CleanedText(self.text, self.removals, self.language)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "extracted": self.extracted,
            "language": self.language,
            "encoding": self.encoding,
            "removals": [removal.to_dict() for removal in self.removals],
            "markup_removals": [removal.to_dict() for removal in self.markup_removals],
        }


def text_pass_config(config: CleanerConfig) -> CleanerConfig:
    """The configuration of the line pass on extracted text, derived from the caller's."""
    return config if config.profile == TEXT_PASS_PROFILE else config.replace(profile=TEXT_PASS_PROFILE)


def _line_cleaner(cleaner: Cleaner) -> Cleaner:
    from ..api import cached_cleaner

    config = text_pass_config(cleaner.config)
    return cleaner if config == cleaner.config else cached_cleaner(config)


def clean_html(cleaner: Cleaner, html: str | bytes, url: str | None = None) -> str:
    """The cleaned main text of an HTML page (see :func:`clean_html_and_explain`)."""
    return clean_html_and_explain(cleaner, html, url).text


def clean_html_and_explain(cleaner: Cleaner, html: str | bytes, url: str | None = None) -> HtmlCleaned:
    """Clean one HTML page with ``cleaner`` (its config: profile, rules, disable, time_limit).

    ``html`` is ``str`` or ``bytes`` (decoded as described in :mod:`cleaner.html.encoding`);
    ``url`` helps trafilatura and is never fetched. Raises :class:`~cleaner.errors.InputError`
    for other input types and :class:`~cleaner.errors.TimeLimitError` past ``time_limit``.
    """
    from .chunks import sibling_chunks
    from .extract import (
        drop_title_lines, drop_url_lines, extract_main, flat_text, page_title, page_urls, parse_html, time_limit,
    )

    if not isinstance(html, (str, bytes, bytearray, memoryview)):
        raise InputError(f"clean_html takes str or bytes, not {type(html).__name__}")
    if url is not None and not isinstance(url, str):
        raise InputError(f"url must be str or None, not {type(url).__name__}")
    config = cleaner.config
    with time_limit(config.time_limit) as check:
        text, encoding = decode_html(html)
        if "\x00" in text:
            text = text.replace("\x00", "")
        if not text.strip():
            return HtmlCleaned("", encoding=encoding)
        check()
        markup_removals: list[MarkupRemoval] = []
        try:
            tree = parse_html(text)
            check()
            if tree is None:
                extracted = ""
            else:
                if not config.disables("markup"):
                    tokens = load_markup_tokens()
                    keep_embedded_posts(tree, tokens.embeds)
                    markup_removals = strip_boilerplate(tree, tokens, config.disables)
                    check()
                title = page_title(tree)
                extracted, addresses = drop_url_lines(extract_main(tree, url), page_urls(tree, url))
                extracted, headlines = drop_title_lines(extracted, title)
                markup_removals.extend([*addresses, *headlines])
                before, after = sibling_chunks(tree, extracted)
                if before or after:
                    extracted = "\n".join([*before, extracted.strip("\n"), *after])
        except RecursionError:
            # A tree too deep for the extractor (thousands of nested elements): fall back to the
            # visible text, block by block; the line pass below still removes boilerplate lines.
            markup_removals = []
            extracted = flat_text(text)
        except CleanerError:
            raise
        except (ValueError, TypeError, AttributeError) as exc:
            raise CleanerError(f"HTML extraction failed: {type(exc).__name__}: {exc}") from exc
        check()
        extracted = _normalise(extracted)
        result = _line_cleaner(cleaner).clean_and_explain(extracted)
    return HtmlCleaned(
        text=result.text,
        extracted=extracted,
        removals=result.removals,
        markup_removals=tuple(markup_removals),
        language=result.language,
        encoding=encoding,
    )


def _normalise(text: str) -> str:
    """Trailing spaces off every line and blank lines at the ends dropped (trafilatura leaves
    indentation-only lines where layout tables were)."""
    if not text:
        return ""
    lines = [line.rstrip() for line in text.splitlines()]
    out = "\n".join(line if line.strip() else "" for line in lines).strip("\n")
    return out + "\n" if out else ""
