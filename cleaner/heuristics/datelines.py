"""News datelines ("WASHINGTON (AP) — ...", "BERLIN (dpa) - ..."): a story's first paragraph,
where the main text starts (see :func:`~heuristics.context.document_context`)."""

from __future__ import annotations

import re

from .classes import BAD, GOOD, NEAR
from .features import LineFeatures
from .wordlists import word_list

#: a news dateline at the start of a paragraph: the place in capitals (a state or country after a
#: comma in any case), an agency or paper in brackets, then a dash and the sentence
#: ("WASHINGTON (AP) — ...", "BUFFALO, N.Y. — ...", "BERLIN (dpa) - ...").
_DATELINE_RE = re.compile(
    r"([^\W\d_][^\s,()—–-]*(?: [^\s,()—–-]+){0,3})"  # the place: up to four words
    r"(?:, [^,()—–\n]{2,30}){0,2}"  # ", N.Y.", ", United Arab Emirates"
    r"\s{0,3}(?:\([^()\n]{2,30}\))?"  # "(AP)", "(Reuters)"
    r"\s{0,3}(?:—|–|--?)\s{1,3}\S"
)
#: capitalised words that open a paragraph as a place would, but are labels ("UPDATE — ...").
DATELINE_LABELS = frozenset(word_list("dateline_labels.txt"))
#: words; the shortest paragraph that a dateline opens.
DATELINE_MIN_WORDS = 8
#: characters; a dateline is found within the start of its line.
DATELINE_MAX_CHARS = 200


#: words; the prose above a dateline inside the main text that a story's standfirst may have.
STANDFIRST_MAX_WORDS = 60
#: lines above a dateline inside the main text, removed by rules or label-shaped (``bad``), that
#: show the run above it to be page chrome rather than the story's first paragraphs.
CHROME_MIN_LINES = 2


def starts_story(classes: list[str], words: list[int], removed: list[bool], first: int, dated: int, last: int) -> bool:
    """Whether a dateline inside the main text starts the story: what the run holds above it is a
    standfirst (at most STANDFIRST_MAX_WORDS words of prose), or holds labels or lines that rules
    removed (at least CHROME_MIN_LINES: teasers and their labels), or is less than half the prose
    below it. Otherwise the lines above are the story's own paragraphs, and the dateline belongs to
    a second story or is no dateline at all ("NATO — the alliance ...")."""
    above = sum(words[p] for p in range(first, dated) if classes[p] in (GOOD, NEAR))
    if above <= STANDFIRST_MAX_WORDS:
        return True
    if sum(1 for p in range(first, dated) if removed[p] or classes[p] == BAD) >= CHROME_MIN_LINES:
        return True
    below = sum(words[p] for p in range(dated, last + 1) if classes[p] in (GOOD, NEAR))
    return 2 * above <= below


#: kept lines; how many lines other than prose (a subheading, a photo caption's label) may part a
#: dateline above the main text from it for the main text to start at the dateline.
DATELINE_GAP = 2
#: words; the longest of those lines that may part them unless a headline sits right above the
#: dateline: a longer line between them is a headline, and the dateline opens another story (a
#: teaser above this story's headline), unless the dateline has a headline of its own above it.
DATELINE_GAP_MAX_WORDS = 6


def dateline_above(
    classes: list[str], features: list[LineFeatures], removed: list[bool], datelines: list[bool], first: int
) -> int:
    """Where the main text starts given the lines just above it: at a dateline that only removed
    lines and at most DATELINE_GAP kept lines other than prose part from it, the first of them a
    removed one (a story's short first paragraph, cut off from the rest by an ad label and maybe a
    subheading), else at ``first``. A kept line of more than DATELINE_GAP_MAX_WORDS words between
    them counts only if a headline (a line of 3 words or more that ends no sentence) sits right
    above the dateline."""
    kept = 0
    long_between = False
    for position in range(first - 1, -1, -1):
        if datelines[position]:
            if position + 1 < first and not removed[position + 1]:
                return first  # a kept line right below it: a teaser's headline, or the next story's
            if long_between and not _headline_above(features, removed, position):
                return first
            return position
        if removed[position]:
            continue
        kept += 1
        if kept > DATELINE_GAP or classes[position] in (GOOD, NEAR):
            break
        long_between = long_between or features[position].words > DATELINE_GAP_MAX_WORDS
    return first


def _headline_above(features: list[LineFeatures], removed: list[bool], position: int) -> bool:
    """Whether the nearest kept line above ``position`` reads as a headline: 3 words or more and no
    sentence punctuation."""
    for above in range(position - 1, -1, -1):
        if not removed[above]:
            f = features[above]
            return f.words >= 3 and not f.terminal
    return False


def dateline_positions(texts: list[str], features: list[LineFeatures]) -> list[int]:
    """Positions of the lines that open with a news dateline (see :func:`is_dateline`)."""
    # A dateline's first two characters are capitals: most lines fail that at once.
    return [p for p, text in enumerate(texts) if text[:2].isupper() and is_dateline(text, features[p])]


def is_dateline(text: str, f: LineFeatures) -> bool:
    """Whether a line is the first paragraph of a news story: a sentence of DATELINE_MIN_WORDS words
    or more that opens with a dateline (see _DATELINE_RE) whose place is in capitals and no label
    (DATELINE_LABELS). The main text starts there: what comes before it (headline, byline, teasers
    merged with their summaries into prose) is left to the line model."""
    if not (f.terminal and f.words >= DATELINE_MIN_WORDS and text[:2].isupper()):
        return False
    found = _DATELINE_RE.match(text, 0, DATELINE_MAX_CHARS)
    if found is None:
        return False
    place = found.group(1)
    return place.isupper() and len(place) >= 3 and place not in DATELINE_LABELS
