"""A profile under an "About ..." heading at the article's end: a press release's company blurb
("About Harvest Lane Markets" / "Founded in 1958 ..., Harvest Lane Markets is a family-owned
grocery chain ..."), an author's ("Über Moritz Bachmann" / "Als Inbound Sales Manager bildet
Moritz Bachmann ...").

The heading is "About", "Über", "À propos de", "Acerca de", "Sobre", "Informazioni su", "Over" or
"Om", an article at most, and a name of at most ABOUT_NAME_MAX_WORDS words that opens with a
capital letter; the line below it is a sentence of prose that names the same ("About the
study" above "Researchers followed ..." is a subheading; the case of the letters aside: "ABOUT
ACME INC." above "Acme Inc. is ..."). The profile is that line and the kept
lines below it, up to a line that goes already (a media contact that a rule removed), another
such heading or the document's end.
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

_HEADING = re.compile(
    r"(?:(?:About|ABOUT|Über|ÜBER|Acerca de|Sobre|SOBRE|Informazioni su|Over|Om) |(?:À|A) propos d(?:e |u |es |’|'))"
    r"(?:(?:the|die|der|das|den|la|le|les|el|los|las|il|lo|o|a|os|as|het) |l’|l')?"
    r"(?P<name>[^\W\d_][^!?:;]*?)[ :]*"
)


_OPENERS = ("About ", "ABOUT ", "Über ", "ÜBER ", "Acerca de ", "Sobre ", "SOBRE ", "Informazioni su ", "Over ", "Om ",
            "À propos d", "A propos d")  # fmt: skip


def about_name(text: str) -> str | None:
    """The name an "About ..." heading introduces, or ``None`` when ``text`` is no such heading."""
    if len(text) > ABOUT_HEADING_MAX_CHARS or not text.startswith(_OPENERS):
        return None
    found = _HEADING.fullmatch(text)
    if found is None:
        return None
    name = found["name"].strip()
    if not name[:1].isupper() or len(name.split()) > ABOUT_NAME_MAX_WORDS:
        return None
    return name


def about_boxes(view: LineView) -> list[tuple[int, int]]:
    """The profiles (see the module's description) after the main text's start, each as the
    range of its positions, the heading first: (heading, end) with ``end`` excluded."""
    texts, features, classes, removed, first, _ = view
    count = len(texts)
    boxes: list[tuple[int, int]] = []
    if first < 0:
        return boxes
    end = first + 1
    for position in [p for p in range(first + 1, count - 1) if texts[p].startswith(_OPENERS)]:
        below = position + 1
        if position < end or removed[position] or removed[below]:
            continue
        name = about_name(texts[position])
        if name is None or not sentence_line(classes[below], features[below]):
            continue
        if name.casefold() not in texts[below].casefold():
            continue
        end = below + 1
        while end < count and not removed[end] and about_name(texts[end]) is None:
            end += 1
        boxes.append((position, end))
    return boxes
