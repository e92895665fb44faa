"""Embedded social posts (tweets, Instagram posts): quotations that the article makes.

News pages embed posts as ``<blockquote class="twitter-tweet">`` inside wrappers named like
social widgets (``social-media-embed``), which extractors drop as boilerplate. :func:`keep_embedded_posts`
turns each one into a plain ``<blockquote>`` that takes the place of the wrappers around it that
hold nothing else, before the markup pass and the extraction run. The class names are data:
``embeds`` in ``cleaner/rules/markup/tokens.toml``.
"""

from __future__ import annotations

from typing import Any

from .chunks import collapse_whitespace

#: Ancestors that are never replaced: the unwrapping stops below them.
STOP_TAGS = frozenset({"article", "main", "body", "html"})


def keep_embedded_posts(root: Any, classes: frozenset[str]) -> int:
    """Unwrap the embedded posts of ``root`` (an lxml element) in place; returns how many."""
    if not classes:
        return 0
    posts = [
        element
        for element in root.iter("blockquote")
        if classes.intersection((element.get("class") or "").split())
    ]
    for post in posts:
        del post.attrib["class"]
        text = collapse_whitespace(post.text_content())
        wrapper = post
        parent = post.getparent()
        while (
            parent is not None
            and parent.tag not in STOP_TAGS
            and collapse_whitespace(parent.text_content()) == text
        ):
            wrapper, parent = parent, parent.getparent()
        if wrapper is not post and parent is not None:
            post.tail = wrapper.tail
            parent.replace(wrapper, post)
    return len(posts)
