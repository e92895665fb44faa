"""A profile under an "About ..." heading at the article's end: a press release's company blurb
("About Harvest Lane Markets" / "Founded in 1958 ..., Harvest Lane Markets is a family-owned
grocery chain ..."), an author's ("Über Moritz Bachmann" / "Als Inbound Sales Manager bildet
Moritz Bachmann ...").

The heading is the document language's word for "about" (see ABOUT_OPENERS; English's when the
language is unknown), an article at most, and a name of at most ABOUT_NAME_MAX_WORDS words that
opens with a capital letter (or a figure, with a capital in it: "About 3M"), a ticker in brackets
after it allowed ("About Acme Corp. (NASDAQ: ACME)"); in German, whose nouns are capitalised, two
words at least ("Über Nacht" is a subheading). The line below it is a sentence of prose that names
the same, as whole words and capitalised as in the heading ("About the study", "About The
Stadium" above "The stadium will seat ...", "About Art" above "Ellis started painting ..." are
subheadings; an all-capitals heading, "ABOUT ACME INC.", above "Acme Inc. is ..." names it). The
profile is that line and the kept lines below it, up to a line that goes already (a media contact
that a rule removed), another such heading or the document's end.
"""

from __future__ import annotations

import re

from .classes import sentence_line
from .view import LineView

#: words; the longest name under an "About" heading ("About Harvest Lane Markets", "Über die
#: Bio-Backhaus Lungau GmbH"); a longer line is a sentence's opening ("About two thirds of ...").
ABOUT_NAME_MAX_WORDS = 6
#: characters; the longest heading.
ABOUT_HEADING_MAX_CHARS = 80
#: the word for "about" that opens a profile's heading, per document language (None: unknown). A
#: word of one language is an everyday word of another ("Over budget", "Om" ...), so each opens a
#: heading only in its own.
ABOUT_OPENERS: dict[str | None, tuple[str, ...]] = {
    None: ("About ", "ABOUT "),
    "en": ("About ", "ABOUT "),
    "de": ("Über ", "ÜBER "),
    "fr": ("À propos d", "A propos d", "À PROPOS D", "A PROPOS D"),
    "es": ("Acerca de ", "Sobre ", "SOBRE ", "ACERCA DE "),
    "pt": ("Sobre ", "SOBRE "),
    "it": ("Informazioni su ", "INFORMAZIONI SU "),
    "nl": ("Over ", "OVER "),
    "sv": ("Om ", "OM "),
    "da": ("Om ", "OM "),
    "nb": ("Om ", "OM "),
}
#: words; the fewest of a German name ("Über Moritz Bachmann"): its nouns are capitalised.
GERMAN_NAME_MIN_WORDS = 2

_ARTICLE = re.compile(r"(?:the|die|der|das|den|la|le|les|el|los|las|il|lo|o|a|os|as|het|de|du|des) ", re.IGNORECASE)
_ELIDED = re.compile(r"(?:l|d)[’']", re.IGNORECASE)
_TICKER = re.compile(r"\s*\([^()]*\)\s*$")
_NAME_END = re.compile(r"[ :]+$")


def about_name(text: str, language: str | None = None) -> str | None:
    """The name an "About ..." heading introduces in a document in ``language``, or ``None`` when
    ``text`` is no such heading (see the module's description)."""
    openers = ABOUT_OPENERS.get(language)
    if openers is None or len(text) > ABOUT_HEADING_MAX_CHARS or not text.startswith(openers):
        return None
    opener = next(o for o in openers if text.startswith(o))
    rest = _NAME_END.sub("", _TICKER.sub("", text[len(opener) :]))
    if opener.lower().startswith(("à propos d", "a propos d")):  # "À propos de", "d’", "du", "des"
        rest = re.sub(r"^(?:e |u |es |’|')", "", rest, flags=re.IGNORECASE)
    article = _ELIDED.match(rest) or _ARTICLE.match(rest)  # one article at most: "the", "die", "l’"
    name = rest[article.end() if article else 0 :].strip()
    words = name.split()
    if not words or len(words) > ABOUT_NAME_MAX_WORDS or any(mark in name for mark in "!?;:"):
        return None
    if not (name[0].isupper() or (name[0].isdigit() and any(ch.isupper() for ch in name))):
        return None
    if language == "de" and len(words) < GERMAN_NAME_MIN_WORDS:
        return None
    return name


def names_it(name: str, text: str) -> bool:
    """Whether ``text`` names ``name`` as whole words, capitalised as in the heading (or, for a
    name in capitals, with its first letter capitalised)."""
    if name.isupper():
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
        return found is not None and not found.group()[0].islower()
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def about_boxes(view: LineView, language: str | None = None) -> list[tuple[int, int]]:
    """The profiles (see the module's description) after the main text's start in a document in
    ``language``, each as the range of its positions, the heading first: (heading, end) with
    ``end`` excluded."""
    texts, features, classes, removed, first, _ = view
    count = len(texts)
    boxes: list[tuple[int, int]] = []
    openers = ABOUT_OPENERS.get(language)
    if first < 0 or openers is None:
        return boxes
    end = first + 1
    for position in [p for p in range(first + 1, count - 1) if texts[p].startswith(openers)]:
        below = position + 1
        if position < end or removed[position] or removed[below]:
            continue
        name = about_name(texts[position], language)
        if name is None or not sentence_line(classes[below], features[below]) or not names_it(name, texts[below]):
            continue
        end = below + 1
        while end < count and not removed[end] and about_name(texts[end], language) is None:
            end += 1
        boxes.append((position, end))
    return boxes
