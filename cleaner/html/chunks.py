"""Article bodies split into sibling chunks: find the chunks the extractor left out.

Some sites cut the article body into several sibling containers of the same kind (a wrapper
per few paragraphs, with ads between them); trafilatura keeps the first one and stops. Readability
handles this by looking at the siblings of the content container; this module does the same:

1. The paragraphs of the page that the extracted text contains are located in the tree, and their
   lowest common ancestor is the content container.
2. Going up from it (the container and its ancestors, :data:`MAX_LEVELS` levels in all), the
   first element with a ``class`` whose parent holds other children of the same tag and the same
   ``class`` gives the chunks.
3. A chunk with at least :data:`MIN_CHUNK_WORDS` words of paragraph text is added, block by
   block (one line per paragraph, heading, list item or quotation), before or after the
   extracted text according to its position on the page. A sibling that is an ``<article>`` or
   holds an ``<h1>`` or ``<header>`` is another story (pages that load the next article below
   repeat the container) and is left out.

Markup boilerplate was removed from the tree before, so ads between chunks are gone already.
"""

from __future__ import annotations

from typing import Any

#: Elements whose text is a block of the article (one line each).
BLOCK_TAGS = ("p", "h2", "h3", "h4", "li", "blockquote")
#: A sibling with one of these (or that is an ``<article>``) is another story, not a chunk of this
#: one: pages that load the next article below the current one repeat the same container.
STORY_MARKERS = ("h1", "header")
#: Containers whose text is never article prose, inside a chunk.
SKIP_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "footer", "form", "script", "style", "noscript"})
#: words; extracted lines at least this long are used to find their paragraphs in the page.
ANCHOR_MIN_WORDS = 8
#: paragraphs of the extracted text that must be found in the page to locate the container.
MIN_ANCHORS = 2
#: levels searched for sibling chunks: the content container, its parent and its grandparent.
MAX_LEVELS = 3
#: words; a sibling chunk with less text in ``<p>`` elements than this is not article body (a
#: caption, a bio, a teaser, a list of links): measured on the development set, 100 words
#: admitted company boilerplate and 150-250 only split article bodies.
MIN_CHUNK_WORDS = 150


def collapse_whitespace(text: str) -> str:
    """``text`` with every run of whitespace made one space, and none at the ends."""
    return " ".join(text.split())


def sibling_chunks(tree: Any, extracted: str) -> tuple[list[str], list[str]]:
    """Blocks of the sibling chunks that precede and that follow the extracted text's container."""
    anchors = {collapse_whitespace(line) for line in extracted.splitlines() if len(line.split()) >= ANCHOR_MIN_WORDS}
    if len(anchors) < MIN_ANCHORS:
        return [], []
    found = [p for p in tree.iter("p") if collapse_whitespace(p.text_content()) in anchors]
    if len(found) < MIN_ANCHORS:
        return [], []
    node = _common_ancestor(found)
    for _ in range(MAX_LEVELS):
        parent = node.getparent() if node is not None else None
        if parent is None:
            break
        kind = node.get("class")
        if kind:
            siblings = [child for child in parent if child.tag == node.tag and child.get("class") == kind]
            if len(siblings) > 1:
                return _chunk_blocks(siblings, node, anchors)
        node = parent
    return [], []


def _common_ancestor(elements: list[Any]) -> Any:
    chains = [list(element.iterancestors()) for element in elements]
    shared = set(chains[0]).intersection(*chains[1:])
    return next((ancestor for ancestor in chains[0] if ancestor in shared), None)


def _chunk_blocks(siblings: list[Any], container: Any, seen: set[str]) -> tuple[list[str], list[str]]:
    before: list[str] = []
    after: list[str] = []
    side = before
    for chunk in siblings:
        if chunk is container:
            side = after
            continue
        if chunk.tag == "article" or next(chunk.iter(*STORY_MARKERS), None) is not None:
            continue
        blocks = [(tag, text) for tag, text in _blocks(chunk) if text not in seen]
        if sum(len(text.split()) for tag, text in blocks if tag == "p") >= MIN_CHUNK_WORDS:
            side.extend(text for _, text in blocks)
    return before, after


def _blocks(chunk: Any) -> list[tuple[str, str]]:
    """(tag, text) of the outermost block elements of ``chunk``, in page order, outside skipped
    containers."""
    out = []
    for element in chunk.iter(*BLOCK_TAGS):
        between = []
        for ancestor in element.iterancestors():
            if ancestor is chunk:
                break
            between.append(ancestor)
        if any(a.tag in SKIP_TAGS or a.tag in BLOCK_TAGS for a in between):
            continue
        text = collapse_whitespace(element.text_content())
        if text:
            out.append((element.tag, text))
    return out
