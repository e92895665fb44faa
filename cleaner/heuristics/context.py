"""Document-level context of each line: where the main text lies, what surrounds the line.

The main text is the contiguous run of lines with the greatest prose mass: a maximum-sum
segment over per-line values (prose words count for it, label-shaped lines and rule-removed
lines against it), the idea behind Body Text Extraction (Finn et al., 2001) applied to lines.
A news dateline inside that run ("WASHINGTON (AP) — ...") moves its start there, unless the
lines above it read as the story's own paragraphs (see :func:`_starts_story`); one just above the
run, past an ad label and a subheading, moves it up (see :func:`_dateline_above`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate, groupby

from .classes import BAD, GOOD, NEAR, SHORT
from .features import LineFeatures

#: value per word of a ``near`` line in the main-text sum, relative to a ``good`` line's 1.
NEAR_WORD_VALUE = 0.5
#: fixed cost of a ``short`` line in the main-text sum, in words.
SHORT_LINE_COST = 2.0
#: fixed cost of a ``bad`` line in the main-text sum, in words, on top of its words.
BAD_LINE_COST = 3.0
#: cost of a line that a rule removed, in words, whatever its length: a long "Read more: <headline>"
#: line between two paragraphs says no more than a short one about where the article ends (its
#: words on top, as for a ``bad`` line, split short articles there). Calibrated with
#: benchmarks/quality.py over 3, 6 and 10 and the old words + 3.
REMOVED_LINE_COST = 6.0


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """Per-position facts about the non-blank lines of one document (positions, not line indexes)."""

    first: int  # first position of the main text (-1 when there is none)
    last: int  # last position of the main text
    prose_before: list[int]  # prose words (good and near lines) strictly before each position
    prose_total: int
    words_total: int  # words of all non-blank lines
    main_words: int  # words of the lines inside the main text
    first_break_after: int  # first label or heading after the main text, or -1
    last_break_before: int  # last label or heading before the main text, or -1
    repeated: list[bool]  # the same text occurs on another line of the document
    run_length: list[int]  # length of the run of same-shaped neighbouring lines the line is in
    listed: list[bool]  # an item of a list of data that the main text introduces (see _listed)


def line_value(cls: str, words: int, removed: bool, neutral: bool = False) -> float:
    """A line's contribution to the main-text sum. A ``neutral`` line neither extends nor breaks
    the main text (see :func:`neutral_line`)."""
    if removed:
        return -REMOVED_LINE_COST
    if neutral:
        return 0.0
    if cls == BAD:
        return -BAD_LINE_COST - words
    if cls == GOOD:
        return float(words)
    if cls == NEAR:
        return NEAR_WORD_VALUE * words
    if cls == SHORT:
        return -SHORT_LINE_COST
    raise ValueError(cls)


def neutral_line(text: str, cls: str, f: LineFeatures) -> bool:
    """Whether a line neither extends nor breaks the main text: a table row (``| a | b |``;
    tables of results, prices or quotes sit inside articles as often as in page chrome), or a
    ``near`` line that ends no sentence (a headline: a list of teaser headlines is not prose,
    and an article's subheading is no break in it)."""
    return text.startswith("|") or (cls == NEAR and not f.terminal)


def max_segment(values: list[float]) -> tuple[int, int]:
    """Bounds of the contiguous run with the greatest positive sum; (-1, -1) if none is positive."""
    best, best_first, best_last = 0.0, -1, -1
    total, first = 0.0, 0
    for position, value in enumerate(values):
        if total <= 0:
            total, first = 0.0, position
        total += value
        if total > best:
            best, best_first, best_last = total, first, position
    return best_first, best_last


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
DATELINE_LABELS = frozenset(
    line.strip()
    for line in (resources.files(__package__) / "dateline_labels.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
#: words; the shortest paragraph that a dateline opens.
DATELINE_MIN_WORDS = 8
#: characters; a dateline is found within the start of its line.
DATELINE_MAX_CHARS = 200


#: words; the prose above a dateline inside the main text that a story's standfirst may have.
STANDFIRST_MAX_WORDS = 60
#: lines above a dateline inside the main text, removed by rules or label-shaped (``bad``), that
#: show the run above it to be page chrome rather than the story's first paragraphs.
CHROME_MIN_LINES = 2


def _starts_story(classes: list[str], words: list[int], removed: list[bool], first: int, dated: int, last: int) -> bool:
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
#: words; the longest of those lines: a subheading is short, while a headline between a dateline
#: and the main text says the dateline opens another story (a teaser above the story's headline).
DATELINE_GAP_MAX_WORDS = 6


def _dateline_above(
    classes: list[str], words: list[int], removed: list[bool], datelines: list[bool], first: int
) -> int:
    """Where the main text starts given the lines just above it: at a dateline that only removed
    lines and at most DATELINE_GAP short kept lines other than prose part from it (a story's short
    first paragraph, cut off from the rest by an ad label and a subheading), else at ``first``."""
    kept = 0
    for position in range(first - 1, -1, -1):
        if datelines[position]:
            return position
        if removed[position]:
            continue
        kept += 1
        if kept > DATELINE_GAP or classes[position] in (GOOD, NEAR) or words[position] > DATELINE_GAP_MAX_WORDS:
            break
    return first


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


#: words; the bounds of the size classes of lines (up to 3 words, 8, 20, more) in a line's shape.
SHAPE_SIZES = (3, 8, 20)


def document_context(
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    removed: list[bool],
    legal_prose: list[bool] | None = None,
    datelines: list[bool] | None = None,
) -> DocumentContext:
    """The context of the non-blank lines ``texts`` (stripped), in order.

    ``legal_prose`` marks the lines that sit between two legal notices that rules removed (see
    :func:`cleaner.decide.between_legal_notices`): they are neutral in the main-text sum, as the
    paragraphs of a site's legal footer read as prose and would otherwise outweigh a short article.
    ``datelines`` marks the lines that open with a news dateline (see :func:`is_dateline`): the
    main text starts at the first of them inside it, unless the lines above it read as the
    story's own paragraphs (see :func:`_starts_story`), or at one just above it (see
    :func:`_dateline_above`).
    """
    words = [f.words for f in features]
    neutral = list(map(neutral_line, texts, classes, features))
    if legal_prose is not None:
        neutral = [a or b for a, b in zip(neutral, legal_prose)]
    first, last = max_segment(list(map(line_value, classes, words, removed, neutral)))
    if first >= 0 and datelines is not None:
        dated = next((p for p in range(first, last + 1) if datelines[p]), -1)  # the first dateline only
        if dated > first and _starts_story(classes, words, removed, first, dated, last):
            first = dated
        elif dated < 0 or dated > first:
            first = _dateline_above(classes, words, removed, datelines, first)
    prose_words = [count if cls in (GOOD, NEAR) else 0 for cls, count in zip(classes, words)]
    prose_before = list(accumulate(prose_words, initial=0))
    total = prose_before.pop()
    first_break_after = last_break_before = -1
    main_words = 0
    if first >= 0:
        breaks = [r or f.title for r, f in zip(removed, features)]
        first_break_after = next((p for p in range(last + 1, len(breaks)) if breaks[p]), -1)
        last_break_before = next((p for p in range(first - 1, -1, -1) if breaks[p]), -1)
        main_words = sum(words[first : last + 1])
    return DocumentContext(
        first, last, prose_before, total, sum(words), main_words, first_break_after, last_break_before,
        _repeated(texts), _run_lengths(features), _listed(texts, features, classes, removed, first, last),
    )  # fmt: skip


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


def _repeated(texts: list[str]) -> list[bool]:
    """Whether each text occurs on another line too."""
    if len(set(texts)) == len(texts):
        return [False] * len(texts)
    counts = Counter(texts)
    return [counts[text] > 1 for text in texts]


def _run_lengths(features: list[LineFeatures]) -> list[int]:
    """The length of the run of same-shaped neighbouring lines each line is in.

    Two lines have the same shape when they agree on sentence end, bullet, digit-heaviness and
    size class (see SHAPE_SIZES).
    """
    small, medium, large = SHAPE_SIZES
    shapes = [
        (f.terminal, f.bullet, f.digit_heavy, f.words > small, f.words > medium, f.words > large) for f in features
    ]
    run_length: list[int] = []
    for _, run in groupby(shapes):
        size = len(list(run))
        run_length += [size] * size
    return run_length


_DIGIT_RE = re.compile(r"\d")
#: lines; the longest list that a line ending with a colon is taken to introduce.
LIST_MAX_LINES = 60


def _listed(
    texts: list[str], features: list[LineFeatures], classes: list[str], removed: list[bool], first: int, last: int
) -> list[bool]:
    """Whether each line is an item of a list of data that the main text introduces.

    The list opens after a kept line of two words or more that ends with a colon ("Tour dates:",
    "Here are the results:") and is in the main text (``first`` to ``last``) or just after it.
    Its items start like a list item or hold a digit (dates, scores, amounts); it ends at the
    first line that does not, or is prose, is removed by a rule, or ends with a colon itself.
    """
    count = len(texts)
    listed = [False] * count
    if first < 0:
        return listed
    for opener in range(first, min(last + 2, count)):
        text = texts[opener]
        if not text.endswith(":") or removed[opener] or " " not in text:
            continue
        for position in range(opener + 1, min(count, opener + 1 + LIST_MAX_LINES)):
            item = texts[position]
            if removed[position] or classes[position] == GOOD or item.endswith(":"):
                break
            if not (features[position].bullet or _DIGIT_RE.search(item)):
                break
            listed[position] = True
    return listed


#: pairs; the fewest (headline, summary) pairs in a row that make a deck of teasers.
DECK_MIN_PAIRS = 3
#: words; the longest headline of a teaser, and the longest summary.
DECK_HEADLINE_MAX_WORDS = 20
#: words; the shortest mean headline of a deck: teasers carry whole headlines ("Ferry services cut
#: as the harbour silts up"), an article's sections shorter subheadings ("Who is eligible",
#: "Brentford 0-1 Arsenal").
DECK_HEADLINE_MEAN_MIN_WORDS = 6
DECK_SUMMARY_MAX_WORDS = 60
#: words; the longest mean summary of a deck. A teaser's summary is one or two sentences; the
#: sections of an article under their subheadings run longer. On the development set the decks of
#: teasers average 11 to 36 words a summary; the two runs of (subheading, paragraph) pairs of the
#: articles themselves that have the deck's shape (a list of products with their reviews, quotes
#: under their sources' names) average 42 and 52.
DECK_SUMMARY_MEAN_MAX_WORDS = 40


def teaser_deck(
    texts: list[str], features: list[LineFeatures], classes: list[str], removed: list[bool], context: DocumentContext
) -> int:
    """The position of the first deck of teasers below the main text's start, or -1.

    A deck is DECK_MIN_PAIRS pairs or more in a row of a headline (no sentence punctuation, 2 to
    DECK_HEADLINE_MAX_WORDS words) and a one-paragraph summary (prose of at most
    DECK_SUMMARY_MAX_WORDS words, DECK_SUMMARY_MEAN_MAX_WORDS on average, at least half of them
    ending a sentence, each followed by no paragraph but the next headline), that a line other than
    prose opens (its heading, a label, a removed line): the "more stories" block of a page, whose
    summaries read as prose. An article's last section (a subheading and a paragraph right after
    the paragraphs above), a list and the line that introduces it ("You will learn:") start no deck,
    nor does a run of pairs that a paragraph longer than any summary follows (a roundup of products
    with short reviews, then the article's closing paragraph). And the deck must come below most of
    the article: the main text's prose above it at least as long as its prose from the deck on, and
    its headlines DECK_HEADLINE_MEAN_MIN_WORDS long on average (an article told in short sections,
    a match report per result or a question per answer, has its sections below a short lead, under
    subheadings shorter than headlines).
    """
    start, end = context.first, len(features) - 1
    if start < 0:
        return -1
    prose_before = context.prose_before
    lines = features[start : end + 1]
    heads = [
        not (removed[q] or f.terminal or f.bullet) and 2 <= f.words <= DECK_HEADLINE_MAX_WORDS and not texts[q].endswith(":")
        for q, f in zip(range(start, end + 1), lines)
    ]  # fmt: skip
    prose = [not removed[q] and classes[q] in (GOOD, NEAR) for q in range(start, end + 1)]
    summaries = [ok and not f.bullet and f.words <= DECK_SUMMARY_MAX_WORDS for ok, f in zip(prose, lines)]
    heads += [False, False]
    prose += [False, False]
    summaries += [False, False]
    # Where a pair may begin (counted from start): a headline, its summary, then no paragraph other
    # than the next headline.
    pairs_at = [heads[i] and summaries[i + 1] and not (prose[i + 2] and not heads[i + 2]) for i in range(len(lines))]
    if sum(pairs_at) < DECK_MIN_PAIRS:
        return -1
    i = 0
    while i <= end - start:
        first, words, sentences, heading_words = i, 0, 0, 0
        while pairs_at[i]:
            f = features[start + i + 1]
            words += f.words
            sentences += f.terminal
            heading_words += features[start + i].words
            i += 2
            if i > end - start:
                break
        pairs = (i - first) // 2
        at = start + first
        opens = at == 0 or removed[at - 1] or classes[at - 1] not in (GOOD, NEAR)
        below = (context.prose_total if context.last + 1 >= len(prose_before) else prose_before[context.last + 1])
        if (
            pairs >= DECK_MIN_PAIRS and opens
            and words <= DECK_SUMMARY_MEAN_MAX_WORDS * pairs and 2 * sentences >= pairs
            and heading_words >= DECK_HEADLINE_MEAN_MIN_WORDS * pairs
            and prose_before[at] - prose_before[start] >= below - prose_before[at]
            and not any(prose[k] and lines[k].terminal and lines[k].words > DECK_SUMMARY_MAX_WORDS
                        for k in range(i, len(lines)))
        ):  # fmt: skip
            return at
        if i == first:
            i += 1
    return -1
