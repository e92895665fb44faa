"""A fourth text view of the development set: each whole page as Markdown, the way page-to-Markdown
scrapers (Firecrawl, Jina Reader, crawl4ai, html2text, markdownify) hand it on.

    python benchmarks/markdown_view.py                  # score identity and both profiles
    python benchmarks/markdown_view.py --write md.jsonl # also write {"id", "markdown"} records

The view is built here from ``<bench>/aeb/html`` (it needs the ``html`` extra): all visible text of
``<body>`` (script, style, noscript, template, svg and hidden elements skipped), one block per line
with a blank line between blocks; headings as ``#`` ... ``######``, list items as ``* ``, links
as ``[text](href)``, images with an address as ``![alt](src)`` on a line of their own, bold as
``**text**`` and emphasis as ``_text_``. Like ``fulltext`` it holds the navigation, menus and
footers.

The gold text has no Markdown, and cleaner never rewrites a line it keeps, so the scores strip the
Markdown from the text scored (links to their text, images to nothing, heading and list markers
and emphasis signs off), for the identity view and the outputs alike: they measure which lines are
kept, not the syntax.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

from devset import DEFAULT_BENCH, load_scorer, load_views

import cleaner

_SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "button", "form"}
_BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption",
    "blockquote", "ul", "ol", "li", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd",
    "pre", "address", "details", "summary", "hr", "br", "td", "th",
}  # fmt: skip
_SPACE = re.compile(r"\s+")


def page_markdown(html: str) -> str:
    """One page's HTML as whole-page Markdown (see the module's description)."""
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    soup = BeautifulSoup(html, "lxml")
    body = soup.body or soup
    blocks: list[str] = []
    current: list[str] = []

    def flush(prefix: str = "") -> None:
        text = _SPACE.sub(" ", "".join(current)).strip()
        current.clear()
        if text and text not in ("**", "_", "****", "__"):
            blocks.append(prefix + text)

    def hidden(tag: Tag) -> bool:
        style = (tag.get("style") or "").replace(" ", "").lower()
        return tag.has_attr("hidden") or "display:none" in style or tag.get("aria-hidden") == "true"

    def inline_text(tag: Tag) -> str:
        return _SPACE.sub(" ", tag.get_text(" ")).strip()

    def walk(node: Tag, prefix: str = "") -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                current.append(str(child))
                continue
            if not isinstance(child, Tag) or child.name in _SKIPPED or hidden(child):
                continue
            name = child.name
            if name == "img":
                walk_image(child, prefix)
                continue
            if name == "a" and not child.find(_BLOCKS):
                text = inline_text(child)
                href = child.get("href") or ""
                if text and href and not href.startswith("javascript:"):
                    current.append(f" [{text}]({href}) ")
                elif text:
                    current.append(f" {text} ")
                for image in child.find_all("img"):
                    walk_image(image, prefix)
                continue
            if name in ("strong", "b") and not child.find(_BLOCKS):
                text = inline_text(child)
                if text:
                    current.append(f" **{text}** ")
                continue
            if name in ("em", "i") and not child.find(_BLOCKS):
                text = inline_text(child)
                if text:
                    current.append(f" _{text}_ ")
                continue
            if name in _BLOCKS:
                flush(prefix)
                if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    walk(child)
                    flush("#" * int(name[1]) + " ")
                elif name == "li":
                    walk(child)
                    flush("* ")
                else:
                    walk(child, prefix)
                    flush(prefix)
                continue
            walk(child, prefix)

    def walk_image(image: Tag, prefix: str) -> None:
        source = image.get("src") or image.get("data-src") or ""
        if source and not source.startswith("data:"):
            flush(prefix)
            blocks.append(f"![{_SPACE.sub(' ', image.get('alt') or '').strip()}]({source})")

    walk(body)
    flush()
    return "\n\n".join(blocks) + "\n"


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKERS = re.compile(r"^(?:#{1,6} |\* )", re.MULTILINE)
_EMPHASIS = re.compile(r"\*\*|(?<!\w)_|_(?!\w)")


def plain(markdown: str) -> str:
    """The text of Markdown as the scorer should see it: links as their text, no images, no
    heading or list markers, no emphasis signs."""
    text = _LINK.sub(r"\1", _IMAGE.sub("", markdown))
    return _EMPHASIS.sub("", _MARKERS.sub("", text))


def markdown_views(bench: Path) -> dict[str, str]:
    """``{id: whole-page Markdown}`` for every page of the development set."""
    views = {}
    for path in sorted((bench / "aeb" / "html").glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        views[path.name.removesuffix(".html.gz")] = page_markdown(html)
    return views


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with score.py and aeb/")
    parser.add_argument("--profiles", nargs="+", default=list(cleaner.PROFILES), choices=cleaner.PROFILES)
    parser.add_argument("--write", type=Path, help='write the view here as JSONL records {"id", "markdown"}')
    args = parser.parse_args(argv)

    score = load_scorer(args.bench)
    records = load_views(args.bench)
    views = markdown_views(args.bench)
    texts = [views[record["id"]] for record in records]
    golds = [record["gold"] for record in records]
    if args.write:
        with args.write.open("w", encoding="utf-8") as out:
            for record, text in zip(records, texts):
                out.write(json.dumps({"id": record["id"], "markdown": text}, ensure_ascii=False) + "\n")
    rows = [("identity (floor)", texts)]
    for profile in args.profiles:
        worker = cleaner.Cleaner(cleaner.CleanerConfig(profile=profile))
        rows.append((f"cleaner {profile}", [worker.clean(text) for text in texts]))
    print("| view | system | F1 | precision | recall |")
    print("|---|---|---:|---:|---:|")
    for name, outputs in rows:
        result = score.evaluate(golds, [plain(output) for output in outputs])
        print(f"| markdown | {name} | {result['f1']:.3f} | {result['precision']:.3f} | {result['recall']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
