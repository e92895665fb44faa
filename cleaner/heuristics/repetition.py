"""Lines that repeat what other lines of the document say: one that restates the whole document
(a page description or structured data leaked into the scraped text), the page's title (its
headline with the site's name) and a link to the page itself (its headline as the address's slug)."""

from __future__ import annotations

import re
from operator import methodcaller

from .features import LineFeatures

#: words; the shortest line that may restate the article (see :func:`restated`), and the shortest
#: line that counts as a piece of it. The restatements of the development set run to 435 and 1,571
#: words; paragraphs of 100 to 200 words are common, and checking each of them costs time.
RESTATED_MIN_WORDS = 200
RESTATED_PIECE_MIN_WORDS = 6
#: share of a long line's words that other lines of the document, found verbatim inside it, must
#: make up for it to be a restatement. On the development set the restating lines score 0.94 and
#: 1.0, and no other line of 50 words or more reaches 0.5.
RESTATED_SHARE = 0.5
#: lines; only the longest few lines of RESTATED_MIN_WORDS or more are checked (a restatement of
#: the whole article is among the longest lines), which keeps the check linear in the document.
RESTATED_MAX_CANDIDATES = 3


def restated(texts: list[str], features: list[LineFeatures]) -> list[int]:
    """Positions of the lines that restate the document in one line: at least RESTATED_MIN_WORDS
    words, of which RESTATED_SHARE or more are other lines of the document (RESTATED_PIECE_MIN_WORDS
    words or more each) found verbatim inside it. Page metadata (a description, structured data)
    leaks the whole article into scraped text this way; the article's own lines stay."""
    long = [p for p, f in enumerate(features) if f.words >= RESTATED_MIN_WORDS]
    if not long:
        return []
    if len(long) > RESTATED_MAX_CANDIDATES:
        long = sorted(sorted(long, key=lambda p: features[p].words, reverse=True)[:RESTATED_MAX_CANDIDATES])
    pieces = [(text, f.words) for text, f in zip(texts, features) if f.words >= RESTATED_PIECE_MIN_WORDS]
    out = []
    for position in long:
        line = texts[position]
        covered = sum(words for text, words in pieces if text != line and text in line)
        if covered >= RESTATED_SHARE * features[position].words:
            out.append(position)
    return out


#: lines; how far below a line that a rule removed a line that repeats part of it may stand to be
#: its box's (see :func:`echoes`).
ECHO_DISTANCE = 2
#: words; the fewest of a line that repeats part of a removed line next to it (see :func:`echoes`).
ECHO_MIN_WORDS = 3


def echoes(texts: list[str], features: list[LineFeatures], removed: list[bool]) -> list[tuple[int, int]]:
    """``(position, position of the removed line)`` of the kept lines that repeat, word for word,
    part of a line of ``removed`` (the caller's: a media label or a caption that a rule removed) at
    most ECHO_DISTANCE lines above them, with ECHO_MIN_WORDS words or more: a video player's title
    below its label ("Click to play video: 'Water main break leaves hundreds without water'", then
    "Water main break leaves hundreds without water"). They are the box's, and would otherwise
    pass for a headline near the story. (A page's headline above a caption or a player that repeats
    it stays.)"""
    out = []
    count = len(texts)
    for position in range(count):
        if removed[position] or features[position].words < ECHO_MIN_WORDS:
            continue
        text = texts[position]
        for other in range(max(position - ECHO_DISTANCE, 0), position):  # (a title under its label)
            if removed[other] and len(texts[other]) > len(text) and text in texts[other]:
                out.append((position, other))
                break
    return out


#: lines; how far down the document the page's title may stand (a page's text opens with it: its
#: ``<title>`` element), counted among the lines kept so far.
TITLE_MAX_POSITION = 3
#: words; the longest site name after the headline in a page's title ("| Irish Independent").
TITLE_SITE_MAX_WORDS = 6
#: words; the shortest headline in a page's title (a one- or two-word line, a tag or a section
#: heading, "Brexit", "Budget 2025", is no headline: "Brexit - what happens next" is one).
TITLE_HEADLINE_MIN_WORDS = 3
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ")
#: characters; the longest line taken for a page's title (a ``<title>`` is a headline and a name).
TITLE_MAX_CHARS = 300
_SEPARATOR_MARKS = frozenset(separator.strip() for separator in _TITLE_SEPARATORS)


#: letters; the longest word in lower case that a site's name may hold ("Corriere della Sera",
#: "Folha de S.Paulo", "The Times of India").
SITE_PARTICLE_MAX_LETTERS = 5


def _site_name(words: list[str]) -> bool:
    """Whether words may be a site's name: its first and last word open with a capital or a digit,
    or are an address ("AD.nl"), and so does every other word but short particles ("Corriere della
    Sera"); "what happens next", "Winners and losers", "Live results" and "Zelensky visits
    Washington" are the rest of a headline."""

    def named(word: str) -> bool:
        return word[:1].isupper() or word[:1].isdigit() or "." in word

    return bool(words) and named(words[0]) and named(words[-1]) and all(
        named(word) or len(word) <= SITE_PARTICLE_MAX_LETTERS for word in words[1:-1]
    )


def title_lines(texts: list[str]) -> list[int]:
    """Positions of the page's title among the first TITLE_MAX_POSITION lines (``texts``: the lines
    kept so far): another line of ``texts`` (its headline, TITLE_HEADLINE_MIN_WORDS words or more)
    followed by a separator and the site's name (see :func:`_site_name`; at most
    TITLE_SITE_MAX_WORDS words): "Metrolink fares to go up in March - Manchester Evening News",
    "Dak van sporthal ingestort | Gouda | AD.nl". Full-page text (Common Crawl's WET files, a
    page's text without its markup) opens with it; the headline below it stays."""
    out = []
    others: set[str] | None = None
    for position, line in enumerate(texts[:TITLE_MAX_POSITION]):
        if len(line) > TITLE_MAX_CHARS:
            continue
        cut = max(line.rfind(separator) for separator in _TITLE_SEPARATORS)
        while cut > 0:
            site = [word for word in line[cut:].split() if word not in _SEPARATOR_MARKS]
            if len(site) > TITLE_SITE_MAX_WORDS:
                break
            head = line[:cut].rstrip()
            if _site_name(site) and len(head.split()) >= TITLE_HEADLINE_MIN_WORDS:
                if others is None:
                    others = set(texts)
                if head in others:
                    out.append(position)
                    break
            cut = max(line.rfind(separator, 0, cut) for separator in _TITLE_SEPARATORS)
    return out


#: words; the fewest words of letters that the last part of a link's path must hold to be read as
#: the headline's slug ("Cat-found-in-New-Mexico-after-going-missing-in-14848175.php"): a path of
#: ids and sections ("news/world-europe-50473792") says nothing.
OWN_LINK_MIN_WORDS = 4
#: share of the slug's words that one other line of the document must hold. On the development
#: set the page's own links score 0.8-1.0 against its headline; the links the gold text keeps (a
#: shop's short links, an article's sources) have no slug or none that a line restates.
OWN_LINK_SHARE = 0.75
#: the longest line, in words per word of the slug, that may be the headline it spells: a
#: paragraph holds the few words of a slug more often than not.
OWN_LINK_LINE_RATIO = 3
#: links with a slug; a document with more is a list of links (sources, further reading), and
#: comparing each with every line would cost time that grows with the square of its length.
OWN_LINK_MAX_CANDIDATES = 4
_LINK_STARTS = ("http://", "https://", "www.")
_SLUG_WORDS = re.compile(r"[^\W\d_]+")
#: the file type at a path's end (".php", ".html"), not a word of the slug
_EXTENSION = re.compile(r"\.[a-z0-9]{1,5}$", re.IGNORECASE)


def _slug(link: str) -> list[str]:
    """The words of the part of a link's path with the most words, in lower case."""
    path = link.partition("//")[2] if "//" in link else link
    segments = [part for part in path.split("?")[0].split("#")[0].split("/")[1:] if part]
    if not segments:
        return []
    return max((_SLUG_WORDS.findall(_EXTENSION.sub("", part).lower()) for part in segments), key=len)


def own_links(texts: list[str]) -> list[int]:
    """Positions of the lines (stripped) that are a link alone, to the page itself: the part of
    its path with the most words is a slug of OWN_LINK_MIN_WORDS words or more, another line of
    ``texts`` (its headline: no link, no line that introduces what follows with a colon, at most
    OWN_LINK_LINE_RATIO words per word of the slug) holds OWN_LINK_SHARE of them, and no other such
    link is in ``texts`` (but the same again). A link that a line ending with a colon introduces is
    the article's ("The full plan is on the council's website:"). A share button's "copy link"
    leaves the page's address in scraped text; a story rarely quotes its own."""
    if not any(map(methodcaller("startswith", _LINK_STARTS), texts)):  # most documents
        return []
    candidates = []  # (position, link, slug)
    for position, text in enumerate(texts):
        link = text.strip()
        if not text.startswith(_LINK_STARTS) or " " in link or (position > 0 and texts[position - 1].endswith(":")):
            continue
        slug = _slug(link)
        if len(slug) >= OWN_LINK_MIN_WORDS:
            candidates.append((position, link, slug))
    slugs = {link: slug for _, link, slug in candidates}  # each link judged once
    if not slugs or len(slugs) > OWN_LINK_MAX_CANDIDATES:
        return []
    lines = [
        (set(words), len(words))
        for words in (
            [] if text.startswith(_LINK_STARTS) or text.endswith(":") else _SLUG_WORDS.findall(text.lower())
            for text in texts
        )
    ]
    spelt = set()  # the links whose slug a line spells
    for link, slug in slugs.items():
        if any(
            count and count <= OWN_LINK_LINE_RATIO * len(slug)
            and sum(word in words for word in slug) >= OWN_LINK_SHARE * len(slug)
            for words, count in lines
        ):  # fmt: skip
            spelt.add(link)
    # A page has one address: two links whose slugs lines restate are a list of sources, each
    # under its title.
    if len(spelt) != 1:
        return []
    return [position for position, link, _ in candidates if link in spelt]
