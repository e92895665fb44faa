"""Bylines that name someone. A byline rule is weak, since a subheading can open with the same
word ("By the numbers", "Par ici la sortie", "Von Rekord zu Rekord"); what tells a byline from
such a line is its name: capitalised words after the first word ("By Marisol Vega", "Par Julien
Roussel", "Door Joris van Veen", "By Dana Whitfield November 27, 2025", "By Oliver Pennington,
News Reporter"). Rules match without case, so the name is checked here."""

from __future__ import annotations

import re

#: words; the most capitalised words of one name (or of the role or date after a comma): "Mary
#: Ann Smith-Jones". A title-cased subheading runs longer or reads on in lower case.
NAME_MAX_WORDS = 3
#: lower-case words inside a name ("Joris van Veen", "Ana de la Cruz", "Tiago dos Santos"),
#: which count only between two capitalised words; not "zu", which joins a German headline's
#: words ("Von Rekord zu Rekord") more often than a name's.
NAME_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le",
     "ter", "ten", "bin", "al", "el"}
)  # fmt: skip
#: words that join two names ("By Jane Doe and Mark Lee", "Von Anna Berger und Tim Kohl").
NAME_JOINS = frozenset({"and", "&", "und", "et", "y", "e", "en", "i", "og", "och"})

_FIGURE = re.compile(r"[0-9][0-9.:/,-]*")


def names_someone(text: str) -> bool:
    """Whether the words after a byline's first word are one or two names: groups (split at a
    comma or a joining word, NAME_JOINS) of at most NAME_MAX_WORDS capitalised words, with figures
    (a date's day and year) and NAME_PARTICLES between capitalised words ("de la" in "Ana de la
    Cruz"); no other lower-case word. The first word is the rule's ("By", "Von", "Par", "Door")."""
    words = text.replace(",", " , ").split()[1:]
    if not words:
        return False
    groups: list[list[str]] = [[]]
    for word in words:
        if word == "," or word.lower() in NAME_JOINS:
            groups.append([])
        else:
            groups[-1].append(word.strip(".:;'’\"*_()"))
    named = False
    for group in groups:
        capitalised = 0
        for place, word in enumerate(group):
            if not word or _FIGURE.fullmatch(word):
                continue
            if word[0].isupper():
                capitalised += 1
            elif not (word in NAME_PARTICLES and place > 0 and any(w[:1].isupper() for w in group[place + 1 :])):
                return False  # (a particle sits inside a name: "Ana de la Cruz")
        if capitalised > NAME_MAX_WORDS:
            return False
        named = named or capitalised > 0
    return named


def weak_byline(text: str) -> bool:
    """The headline search's narrower test (see :func:`~heuristics.headline.find_headline`): whether
    a line that a weak metadata rule flagged is one name of at most NAME_MAX_WORDS words after its
    first word, each capitalised ("By Marisol Vega", "Von Anna Berger"): a byline, never the
    headline. A headline that such a rule flags is longer or reads on in lower case ("Author
    Cormac McCarthy Has Died", "Von Rekord zu Rekord", "Por qué sube el dólar")."""
    name = text.split()[1:]
    return 0 < len(name) <= NAME_MAX_WORDS and all(word[:1].isupper() for word in name)
