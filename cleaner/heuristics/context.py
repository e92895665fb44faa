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
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate, compress, groupby
from operator import attrgetter

from .classes import BAD, GOOD, NEAR, SHORT, sentence_line
from .features import NUMBERED_RE, LineFeatures, has_url, sentence_cased

def word_list(name: str) -> list[str]:
    """The entries of a word list shipped with the package (``cleaner/heuristics/<name>``): one per
    line, blank lines and lines starting with "#" left out, each stripped."""
    text = (resources.files(__package__) / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


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
    listed: list[bool]  # a line of a list or box of data that belongs to the article (see _listed)
    data_run: frozenset[int]  # positions in a run of short lines with a figure (see _data_runs)
    related_boxes: tuple[tuple[int, int], ...] = ()  # (label, end) of boxes the main text bridges
    interview: frozenset[int] = frozenset()  # an interview's questions and answers (see _interview)


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
#: words; the longest of those lines that may part them unless a headline sits right above the
#: dateline: a longer line between them is a headline, and the dateline opens another story (a
#: teaser above this story's headline), unless the dateline has a headline of its own above it.
DATELINE_GAP_MAX_WORDS = 6


def _dateline_above(
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


#: words; the bounds of the size classes of lines (up to 3 words, 8, 20, more) in a line's shape.
SHAPE_SIZES = (3, 8, 20)


def document_context(
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    removed: list[bool],
    legal_prose: list[bool] | None = None,
    datelines: list[bool] | None = None,
    related_labels: list[bool] | None = None,
    ad_labels: list[bool] | None = None,
) -> DocumentContext:
    """The context of the non-blank lines ``texts`` (stripped), in order.

    ``legal_prose`` marks the lines that sit between two legal notices that rules removed (see
    :func:`cleaner.decide.between_legal_notices`): they are neutral in the main-text sum, as the
    paragraphs of a site's legal footer read as prose and would otherwise outweigh a short article.
    ``datelines`` marks the lines that open with a news dateline (see :func:`is_dateline`): the
    main text starts at the first of them inside it, unless the lines above it read as the
    story's own paragraphs (see :func:`_starts_story`), or at one just above it (see
    :func:`_dateline_above`). ``related_labels`` marks the lines that a related rule removed as a
    box's label ("You'll also love", "Auch interessant"): a box inside the article, between its
    paragraphs, neither ends nor breaks the main text (see :func:`_related_boxes`). ``ad_labels``
    marks the lines that an ad rule removed as a label alone on its line ("Advertisement",
    "Anzeige"): they count neither way either, as ads sit between an article's paragraphs (a
    short last section below one, a subheading and a list, stays in the main text).
    """
    words = [f.words for f in features]
    neutral = list(map(neutral_line, texts, classes, features))
    if legal_prose is not None:
        neutral = [a or b for a, b in zip(neutral, legal_prose)]
    boxes = _related_boxes(features, classes, removed, related_labels) if related_labels is not None else []
    lists = introduced_lists(texts, features, classes, removed)
    if boxes:  # a teaser below a box's label heads no list of the article's
        in_box = [False] * len(texts)
        for label, stop in boxes:
            in_box[label + 1 : stop] = [True] * (stop - label - 1)
        lists = [(opener, end) for opener, end in lists if not in_box[opener]]
    # A list that the text introduces, its colon line or heading and its items, neither extends nor
    # breaks the main text: an article's list between its paragraphs is no edge of it.
    for opener, end in lists:
        for position in range(opener, end):
            if classes[position] in (SHORT, BAD):  # a ``near`` item counts as it does elsewhere
                neutral[position] = True
    data_run = frozenset(_data_runs(texts, features, classes, removed))
    for position in data_run:
        neutral[position] = True
    values = list(map(line_value, classes, words, removed, neutral))
    for label, end in boxes:
        values[label:end] = [0.0] * (end - label)
    if ad_labels is not None:
        for position, ad in enumerate(ad_labels):
            if ad:
                values[position] = 0.0
    first, last = max_segment(values)
    if first >= 0 and datelines is not None:
        dated = next((p for p in range(first, last + 1) if datelines[p]), -1)  # the first dateline only
        if dated > first and _starts_story(classes, words, removed, first, dated, last):
            first = dated
        elif dated < 0 or dated > first:
            first = _dateline_above(classes, features, removed, datelines, first)
    continued: list[int] = []
    if first >= 0:
        continued = _numbered_continuation(texts, features, classes, removed, first, last)
        if continued:
            last = _item_end(classes, features, removed, continued[-1])
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
    listed = _listed(texts, features, classes, removed, first, last, continued, lists, data_run, related_labels)
    interview = frozenset(_interview(texts, features, removed, first, last)) if first >= 0 else frozenset()
    for position in interview:
        listed[position] = True
    return DocumentContext(
        first, last, prose_before, total, sum(words), main_words, first_break_after, last_break_before,
        _repeated(texts), _run_lengths(features), listed, data_run,
        tuple((label, end) for label, end in boxes if first < label and end <= last), interview,
    )  # fmt: skip


#: kept lines; the most and the fewest lines that are no prose between a related box's label and
#: the article's next paragraph (its teaser headlines, and any heading of the next section).
RELATED_BOX_MAX_LINES = 12
RELATED_BOX_MIN_LINES = 2
#: lines; how far below its label a box's end is looked for, removed lines included.
RELATED_BOX_SCAN_LINES = 40
#: lines of prose, and kept lines: below a box, the article's text must go on with this many
#: sentences among this many lines (one sentence and a site's links below a box at the article's
#: end are its footer). Against none: on the documents written to real layouts, boilerplate kept
#: 36 -> 34 (held-out-4) and 39 -> 37 (held-out-5), article lines lost 15 -> 19 (held-out-4: an
#: exhibition's practical information below a box); development set unchanged but ptags default
#: precision +0.001.
RELATED_BOX_PROSE_AFTER = 2
RELATED_BOX_AFTER_LINES = 4


def _related_boxes(
    features: list[LineFeatures], classes: list[str], removed: list[bool], related_labels: list[bool]
) -> list[tuple[int, int]]:
    """The boxes of teasers between two paragraphs of an article, as ``(label, end)`` (the end
    excluded, at the paragraph after the box): a related label
    (``related_labels``) below a line of prose, then RELATED_BOX_MIN_LINES to RELATED_BOX_MAX_LINES
    kept lines that are no prose (teaser headlines; lines that rules removed do not count), then
    prose again, the article going on (see :func:`_article_goes_on`). A deck of teasers with their
    summaries (a headline, then a sentence) has one line of no prose before the prose and is no
    such box."""
    out: list[tuple[int, int]] = []
    count = len(features)
    above = -1  # the nearest kept line above the position looked at
    position = 0
    while position < count:
        if not related_labels[position]:
            if not removed[position]:
                above = position
            position += 1
            continue
        label = position
        position += 1
        if above < 0 or not sentence_line(classes[above], features[above]):
            continue
        # Down to the next prose line, past at most RELATED_BOX_MAX_LINES kept lines and as many
        # lines in all as RELATED_BOX_SCAN_LINES (a run of labels is one box at most).
        lines, end = 0, -1
        while position < count and position - label <= RELATED_BOX_SCAN_LINES and lines <= RELATED_BOX_MAX_LINES:
            if not removed[position]:
                if sentence_line(classes[position], features[position]):
                    end = position
                    break
                lines += 1
                above = position
            position += 1
        if end >= 0 and RELATED_BOX_MIN_LINES <= lines <= RELATED_BOX_MAX_LINES and _article_goes_on(
            features, classes, removed, end
        ):
            out.append((label, end))
    return out


def _article_goes_on(features: list[LineFeatures], classes: list[str], removed: list[bool], start: int) -> bool:
    """Whether RELATED_BOX_PROSE_AFTER lines of prose come among the RELATED_BOX_AFTER_LINES kept
    lines from ``start`` on: the article's next paragraphs, not a site's one-line footer below a
    box at the article's end."""
    prose = kept = 0
    position = start
    while position < len(features) and kept < RELATED_BOX_AFTER_LINES:
        if not removed[position]:
            kept += 1
            prose += sentence_line(classes[position], features[position])
        position += 1
    return prose >= RELATED_BOX_PROSE_AFTER


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
# A line of data as "key: value": a key of one to four words that starts with a letter, a colon, a
# value ("Newcastle: 90–140mm", "Wattage: 1,750", "Zuschauer: 34.700 (ausverkauft)", "Referee:
# Anthony Taylor"; French puts a space before the colon: "BUTS : Kerbrat (34e)").
_KEY_VALUE_RE = re.compile(r"[^\W\d_][^\s:,]*(?: [^\s:,]+){0,3}\s?: \S")
#: lines; the fewest "key: value" lines in a row that make a box of data (see :func:`_data_box`).
DATA_BOX_MIN_LINES = 3
#: kept lines; how many may sit between the main text's end and a box of data (a heading such as
#: the match's result, "SC Freiburg - TSG Hoffenheim 3:1 (0:1)"; lines that rules removed, an ad
#: label or share buttons, do not count).
DATA_BOX_GAP = 2
#: keys of "key: value" lines whose values need hold no figure to count as data (fact_keys.txt:
#: "Referee", "Árbitro", "Wo", "Horario", "Serves"; lower case).
FACT_KEYS = frozenset(word_list("fact_keys.txt"))
#: words; the longest heading of a box of data below a related box (see :func:`_data_box`): the
#: box's teasers above it are headline-shaped too, and mostly longer ("Chelsea sack Pochettino").
BOXED_HEADING_MAX_WORDS = 2
#: lines; the longest list that a line ending with a colon is taken to introduce.
LIST_MAX_LINES = 60
#: lines; how many lines may sit between the main text's last line and a list's colon line (the
#: question of a review's closing section, "Should you buy the Sonora Pulse 3?", above "Buy them
#: if:").
LISTED_OPENER_AFTER = 1
#: words; the longest item without a figure or a bullet of a list that the main text introduces
#: (a review's "Buy them if:" items run to nine; a site's follow pitch below a list to 16).
WORDED_ITEM_MAX_WORDS = 12
#: items; the fewest of a list of words alone below the main text that is not right below another.
WORDED_BELOW_MIN_ITEMS = 3


# A time of day alone on a line: "21:15 Uhr", "17:41", "10:58pm", "9.30 a.m.", "14h32", "12:47 CET".
_TIME_RE = re.compile(
    r"([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])(?: ?uhr| ?h)?(?: ?([ap])\.? ?m\.?)?(?: (?:[a-z]{2,4}))?", re.IGNORECASE
)
#: characters; the longest line that may hold a time of day alone ("12:47 a.m. CEST" has 15).
TIME_MAX_CHARS = 16
#: time stamps; the fewest that make a live blog's entries (see :func:`entry_times`): two time
#: lines in order say little (a date line and an update stamp); three in order, each above an
#: entry, are a blog's or a programme's.
ENTRY_TIMES_MIN = 3
#: minutes in a day: times are compared round the clock (a blog runs on past midnight).
DAY_MINUTES = 24 * 60
#: minutes; the longest step from one entry's time to the next (a blog's entries follow each other
#: within hours; the durations of a list of videos jump about).
ENTRY_MAX_STEP = 6 * 60
#: lines below a time stamp that make its entry (a headline, then the first paragraph), and the
#: shortest sentence among them that shows an entry (words); share of the stamps that need one
#: (a blog may post a photo or a one-line update under a stamp). Set on realistic live blogs in
#: seven languages against TV guides and clip lists, which list titles.
ENTRY_LINES = 3
ENTRY_SENTENCE_MIN_WORDS = 6
ENTRY_SENTENCE_SHARE = 2 / 3


def entry_times(texts: list[str], features: list[LineFeatures]) -> list[int]:
    """The positions of the time stamps that head the entries of a live blog: the longest run of
    lines that hold a time of day alone, each later than the one before or each earlier (the
    newest entry first; a minute may repeat; past midnight too), at most ENTRY_MAX_STEP apart; at
    least ENTRY_TIMES_MIN of them that a line that is no time stamp follows, and most of them with
    a sentence in their entry (at least ENTRY_SENTENCE_SHARE of them have a line that
    ends a sentence, of ENTRY_SENTENCE_MIN_WORDS words or more, among the ENTRY_LINES lines below
    them). A stray time elsewhere (a clip's length, a clock in the page's header) ends a run, not
    the blog. The durations of a list of clips ("01:45", "09:09", "01:52") are in no order; a TV
    guide ("20:15", "Tatort: Der Elefant im Raum") lists titles, not entries, and so does a
    timetable, which counts when a line of two words or more that ends with a colon sits right
    above its first time ("The programme for Saturday is:")."""
    run = _longest_ordered_run(time_lines(texts))
    # A stamp right above the next one, or as the last line, heads no entry.
    run = [start for start, end in zip(run, [*run[1:], len(texts)]) if end - start >= 2]
    if len(run) < ENTRY_TIMES_MIN:
        return []
    ends = [*run[1:], len(texts)]
    with_sentence = sum(
        any(
            features[p].terminal and features[p].words >= ENTRY_SENTENCE_MIN_WORDS
            for p in range(start + 1, min(end, start + 1 + ENTRY_LINES))
        )
        for start, end in zip(run, ends)
    )
    if with_sentence >= ENTRY_SENTENCE_SHARE * len(run):
        return run
    above = run[0] - 1  # a programme that the article introduces ("The programme for Saturday is:")
    return run if above >= 0 and texts[above].endswith(":") and features[above].words >= 2 else []


def time_lines(texts: list[str]) -> list[tuple[int, int]]:
    """``(position, minute of the day)`` of each line that holds a time of day alone."""
    stamps: list[tuple[int, int]] = []
    for position, text in enumerate(texts):
        if len(text) > TIME_MAX_CHARS or not text[0].isdigit():
            continue
        found = _TIME_RE.fullmatch(text)
        if found is None:
            continue
        hours, minutes, half = int(found.group(1)), int(found.group(2)), (found.group(3) or "").lower()
        if half == "p" and hours < 12:
            hours += 12
        elif half == "a" and hours == 12:
            hours = 0
        stamps.append((position, hours * 60 + minutes))
    return stamps


def _longest_ordered_run(stamps: list[tuple[int, int]]) -> list[int]:
    """The positions of the longest run of consecutive ``(position, minute of the day)`` stamps that
    go one way round the clock (see :func:`entry_times`), with at least one step that is no
    repeat."""
    best: list[int] = []
    run: list[int] = []
    way = 0  # +1 later, -1 earlier, 0 not known yet
    moved = False
    for k, (position, minute) in enumerate(stamps):
        step = (minute - stamps[k - 1][1]) % DAY_MINUTES if k else None
        here = 0 if not step else 1 if step <= ENTRY_MAX_STEP else -1 if step >= DAY_MINUTES - ENTRY_MAX_STEP else None
        if step is None or here is None or (here and way and here != way):
            if moved and len(run) > len(best):
                best = run
            # A step the wrong way starts a new run at the stamp before; a jump, at this one.
            run = [stamps[k - 1][0], position] if here else [position]
            way, moved = (here or 0), bool(here)
            continue
        run.append(position)
        way = way or here
        moved = moved or bool(here)
    if moved and len(run) > len(best):
        best = run
    return best


#: lines; the farthest the next item of a numbered list may sit from the one before it, not
#: counting lines that rules removed (a teaser or a pitch of an ad box or a related-stories box
#: between two items of a ranking; its labels and buttons are mostly rule-removed). Set on
#: realistic rankings with such boxes (3-6 kept lines between items).
NUMBERED_MAX_GAP = 8
#: items; the fewest of a numbered list that starts after the main text (two numbered lines in a
#: row say little; see :func:`_numbered_continuation`).
NUMBERED_AFTER_MIN_ITEMS = 3


#: kept lines; how many lines that are no prose (a price button, a subheading) may sit between the
#: last item of a numbered list that runs on and a paragraph of its own, or between two paragraphs
#: of the list's closing section; and the most words such a line may have (a teaser's headline
#: between two summaries is longer: a deck of teasers below the list is no closing section).
ITEM_END_GAP = 2
ITEM_END_GAP_MAX_WORDS = 5


def _item_end(classes: list[str], features: list[LineFeatures], removed: list[bool], item: int) -> int:
    """The last line of a numbered list's last item (at ``item``) and of the list's closing
    paragraphs: each next line of prose (see :func:`~heuristics.classes.sentence_line`) that at most
    ITEM_END_GAP kept lines of at most ITEM_END_GAP_MAX_WORDS words part from the one before, and
    no line that a rule removed."""
    last = item
    position = item + 1
    while position < len(classes) and not removed[position] and position - last <= ITEM_END_GAP + 1:
        f = features[position]
        if sentence_line(classes[position], f):
            last = position
        elif f.words > ITEM_END_GAP_MAX_WORDS:
            break
        position += 1
    return last


def _numbered_continuation(
    texts: list[str], features: list[LineFeatures], classes: list[str], removed: list[bool], first: int, last: int
) -> list[int]:
    """The positions of the items of a numbered list that the main text holds or introduces, when
    the list runs on past the main text's end ("1. Spanien", "2. Italien", "3. Türkei", then an ad
    box that cuts the main text short, "4. Österreich" ... "10. Ägypten"); or none.

    The list's first item is inside the main text or within NUMBERED_MAX_GAP lines after it; each
    next item counts one on (or one down: a countdown) within NUMBERED_MAX_GAP lines of the one
    before; a number out of turn ends it (a numbered "Most read" list that starts again at 1). A
    list that starts after the main text needs three items and a line of prose under one of them
    (a ranking describes its entries; a numbered "Most read" list of headlines does not).
    """
    count = len(texts)
    end = min(count, last + NUMBERED_MAX_GAP + 1)
    seen: set[int] = set()  # the items of the lists tried already
    # A numbered item is shaped as a list item ("1. ", "12) "): only those lines are looked at.
    for start in compress(range(first, end), map(attrgetter("bullet"), features[first:end])):
        found = NUMBERED_RE.match(texts[start])
        if not found or start in seen or removed[start]:
            continue
        chain, step, gap = [start], 0, 0
        number = int(found.group(1))
        for position in range(start + 1, count):
            if removed[position]:
                continue
            gap += 1
            if gap > NUMBERED_MAX_GAP:
                break
            found = NUMBERED_RE.match(texts[position])
            if not found:
                continue
            value = int(found.group(1))
            if step == 0 and abs(value - number) == 1:
                step = value - number
            if step == 0 or value != number + step:
                break  # a list that starts again ("Most read: 1. ...") or a number out of turn
            chain.append(position)
            number, gap = value, 0
        seen.update(chain)
        if len(chain) < 2 or chain[-1] <= last:
            continue
        if start > last:
            described = any(
                classes[p] in (GOOD, NEAR) and not NUMBERED_RE.match(texts[p]) and not removed[p]
                for p in range(chain[0] + 1, chain[-1])
            )
            if len(chain) < NUMBERED_AFTER_MIN_ITEMS or not described:
                continue
        return chain
    return []


#: words; the longest line that counts as an item of a list that a line ending with a colon
#: introduces (see :func:`introduced_lists`).
LIST_ITEM_MAX_WORDS = 20
#: items; the fewest that make such a list.
LIST_MIN_ITEMS = 2


def introduced_lists(
    texts: list[str], features: list[LineFeatures], classes: list[str], removed: list[bool]
) -> list[tuple[int, int]]:
    """The lists that a kept line of two words or more ending with a colon introduces ("Band D
    bills by region:", "Symptoms include:"), as ``(opener, end)``: the items are the run of at least
    LIST_MIN_ITEMS kept lines from ``opener + 1`` up to ``end`` (excluded) that are no prose (see
    :func:`~heuristics.classes.sentence_line`), end with no colon and have at most
    LIST_ITEM_MAX_WORDS words. The colon line is in sentence case (see
    :func:`~heuristics.features.sentence_cased`) or ends with a lower-case word ("A Autoridade
    Nacional de Emergência e Proteção Civil recomenda:"): a title-cased one is a box's label
    ("Related Coverage From Money:"), not the article's words.

    A short heading below prose opens a list too ("The Good", "Typische Warnsignale", "Wat
    verandert er?"; see :func:`_heading`): at least HEADED_MIN_ITEMS items of at most
    HEADED_ITEM_MAX_WORDS words (a share of them, HEADED_LONG_ITEMS_MAX, may run to
    LIST_ITEM_MAX_WORDS under a heading of one or two words or in sentence case), that
    :func:`_headed_items` accepts.

    So does a paragraph of prose right above a run of at least LIST_MIN_ITEMS lines that start
    like list items ("- ", "• ", "8. Niederlande"; see :attr:`LineFeatures.bullet`), of at most
    LIST_ITEM_MAX_WORDS words, which :func:`_headed_items` accepts whether title-cased or not
    (a ranking's items are names): an unlabelled list between two paragraphs. A box of teasers
    inside an article has its label ("Related", "Lesen Sie auch") between it and the paragraph."""
    count = len(texts)
    out = []
    prose = [sentence_line(cls, f) for cls, f in zip(classes, features)]
    below_prose = False  # whether the nearest kept line above the one looked at is prose
    for opener in range(count - 1):
        if removed[opener]:
            continue
        after_prose, below_prose = below_prose, prose[opener]
        text = texts[opener]
        headed = bulleted = False
        if text.endswith(":") and _colon_opener(text):
            fewest = LIST_MIN_ITEMS
        elif after_prose and _heading(text, features[opener]):
            fewest, headed = HEADED_MIN_ITEMS, True
        elif below_prose and features[opener + 1].bullet and not removed[opener + 1]:
            fewest, bulleted = LIST_MIN_ITEMS, True
        else:
            continue
        end = opener + 1
        while end < count and end - opener <= LIST_MAX_LINES:
            f = features[end]
            if removed[end] or prose[end] or f.words > LIST_ITEM_MAX_WORDS or texts[end].endswith(":"):
                break
            if bulleted and not f.bullet:
                break
            end += 1
        items = end - opener - 1
        if items < fewest:
            continue
        if headed:
            long_items = sum(1 for p in range(opener + 1, end) if features[p].words > HEADED_ITEM_MAX_WORDS)
            if long_items and (
                long_items > HEADED_LONG_ITEMS_MAX * items or not (len(text.split()) <= 2 or sentence_cased(text))
            ):
                continue
        if not (headed or bulleted) or _headed_items(texts, features, prose, removed, opener, end, titled_ok=bulleted):
            out.append((opener, end))
    return out


def _worded_item(text: str, f: LineFeatures) -> bool:
    """Whether a line may be an item of a list that a line of the article's own words introduces
    ("Buy them if:", "You want earbuds that last a full working day"): at most
    WORDED_ITEM_MAX_WORDS words, not title-cased and with no colon inside (a teaser's headline:
    "Sonora Pulse 2 review: great sound, shaky fit"), with no address."""
    return (
        f.words <= WORDED_ITEM_MAX_WORDS and not f.title and ": " not in text
        and not capitalised_after_first(text) and not has_url(text)
    )  # fmt: skip


def _colon_opener(text: str) -> bool:
    """Whether a line ending with a colon may introduce a list: two words or more, in sentence case
    (see :func:`~heuristics.features.sentence_cased`) or ending with a lower-case word."""
    words = text[:-1].split()
    return len(words) >= 2 and (sentence_cased(text) or words[-1][:1].islower())


def _headed_items(
    texts: list[str],
    features: list[LineFeatures],
    prose: list[bool],
    removed: list[bool],
    opener: int,
    end: int,
    titled_ok: bool = False,
) -> bool:
    """Whether the lines below a heading, up to ``end``, are the items of an article's list: prose
    below them (past lines that rules removed and the next section's heading, "Method";
    :func:`introduced_lists` sees to the prose above the heading), at most half of the items of
    two words or more title-cased (more than half of
    the words after the first capitalised, figures and signs counted as words: names of staff,
    teaser headlines such as "27 Oddest Medical Case Reports"; a result, "Inter-Milan 1-0", is no
    title, a price alone, "$139.00", counts as one), none with an address or a handle. ``prose``
    tells which lines are prose (see :func:`~heuristics.classes.sentence_line`); ``titled_ok``
    accepts title-cased items."""
    items = range(opener + 1, end)
    titled = sum(1 for p in items if features[p].words > 1 and capitalised_after_first(texts[p]))
    if any(has_url(texts[p]) for p in items) or (2 * titled > len(items) and not titled_ok):
        return False
    below = nearest_kept(removed, end, 1)
    if 0 <= below < len(texts) - 1 and not prose[below] and _heading(texts[below], features[below]):
        below = nearest_kept(removed, below + 1, 1)  # the next section's heading ("Method"), then its text
    return below >= 0 and prose[below]


def capitalised_after_first(text: str) -> bool:
    """Whether more than half of the words after a line's first, or all of them when there are
    none, are capitalised; figures and signs count as words that are not."""
    rest = text.split()[1:]
    return 2 * sum(1 for word in rest if word[:1].isupper()) > len(rest) or not rest


def nearest_kept(removed: list[bool], position: int, step: int) -> int:
    """The first position from ``position`` on, going ``step`` (1 down, -1 up), whose line the
    rules did not remove, or -1."""
    while 0 <= position < len(removed) and removed[position]:
        position += step
    return position if 0 <= position < len(removed) else -1


#: words; the longest heading that opens a list without a colon ("The Good", "Typische
#: Warnsignale", "Wat verandert er?"), the longest item of such a list, and the fewest items.
#: Items of up to 10 or 12 words kept a German list of warning signs whole, and more teaser decks
#: on the development set (ptags default F1 -0.001 and -0.002).
HEADING_MAX_WORDS = 5
HEADED_ITEM_MAX_WORDS = 8
HEADED_MIN_ITEMS = 3
#: share of a headed list's items that may run longer than HEADED_ITEM_MAX_WORDS (to
#: LIST_ITEM_MAX_WORDS) under a heading of one or two words or in sentence case ("Ingredients"
#: with "½ tsp flaky sea salt, plus extra to finish", "Typische Warnsignale"; a title-cased box
#: label, "On Our Radar", "MORE FROM ARTS", allows none). Against none: on the documents written
#: to real layouts, article lines lost 41 -> 29 (held-out-2), 34 -> 33 (held-out-3), 48 -> 22
#: (held-out-4), boilerplate kept 60 -> 66 (held-out-4: the deals box between a review's pros
#: and cons and its specifications); on the development set fulltext default F1 0.920 -> 0.918
#: (teaser boxes under Russian headings no rule knows). A half cost held-out-3 no more, the
#: development set 0.001 more.
HEADED_LONG_ITEMS_MAX = 1 / 3


def _heading(text: str, f: LineFeatures) -> bool:
    """Whether a line may head a list: at most HEADING_MAX_WORDS words and no sentence end but a
    question mark."""
    return f.words <= HEADING_MAX_WORDS and (not f.terminal or text.endswith("?"))


#: words; the longest short line with a figure that counts as a line of data (see :func:`_data_runs`).
DATA_LINE_MAX_WORDS = 8
#: lines; the fewest lines of data in a row that make a run of them.
DATA_RUN_MIN = 3


def _data_runs(texts: list[str], features: list[LineFeatures], classes: list[str], removed: list[bool]) -> list[int]:
    """The positions of the runs of at least DATA_RUN_MIN kept short lines that hold a figure
    (at most DATA_LINE_MAX_WORDS words, ``short`` or ``bad``): a recipe's ingredients ("150g
    butter", "1 cup brown sugar"), results ("Lazio-Bologna 1-1", "1. Wouter Pranger 1.38.12"),
    prices, times. A title-cased line that opens with its figure and holds no other is a
    listicle's teaser ("27 Oddest Medical Case Reports").
    Such runs neither extend nor break the main text."""
    out: list[int] = []
    run: list[int] = []
    for position, (text, f, cls) in enumerate(zip(texts, features, classes)):
        if (
            not removed[position] and cls in (SHORT, BAD) and f.words <= DATA_LINE_MAX_WORDS
            and _has_figure(text) and not (f.title and text[0].isdigit() and not _has_figure(text.partition(" ")[2]))
        ):  # fmt: skip
            run.append(position)
            continue
        if len(run) >= DATA_RUN_MIN:
            out.extend(run)
        run = []
    if len(run) >= DATA_RUN_MIN:
        out.extend(run)
    return out


def _has_figure(text: str) -> bool:
    """Whether a line holds a digit or a fraction sign ("½ tsp")."""
    return _FIGURE_RE.search(text) is not None


_FIGURE_RE = re.compile(r"[\d¼½¾⅓⅔⅛]")


def _listed(
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    removed: list[bool],
    first: int,
    last: int,
    continued: Sequence[int] = (),
    lists: Sequence[tuple[int, int]] = (),
    data_run: frozenset[int] = frozenset(),
    related_labels: list[bool] | None = None,
) -> list[bool]:
    """Whether each line belongs to a list or a box of data of the article's.

    The list opens after a kept line of two words or more that ends with a colon ("Tour dates:",
    "Here are the results:") and is in the main text (``first`` to ``last``) or below it with at
    most LISTED_OPENER_AFTER lines between, or right below such a list ("Buy them if:", then
    "Don't buy them if:"); below the main text the colon line is listed too. Its items start like
    a list item or hold a digit (dates, scores, amounts), or, below a colon line in the article's
    own words (see :func:`_colon_opener`), are short lines that read as no headline (see
    :func:`_worded_item`; below the main text, at least WORDED_BELOW_MIN_ITEMS of them unless right
    below another list); it ends at the first line that does not, or is prose, is removed by a
    rule, or ends with a colon itself. Runs of results right below the main text are listed too
    (see :func:`_results_below`), and so are a review's pros and cons and a recipe's ingredients in
    or next to it (see :func:`_verdict_box` and :func:`_ingredients`).
    The items of a list that the main text introduces and goes on after (``lists``, see
    :func:`introduced_lists`: "Symptoms include:", "a high temperature", "sneezing", then the
    next paragraph), of a numbered list that runs on past the main text (``continued``, see
    :func:`_numbered_continuation`) and of a box of data (see :func:`_data_box`) are listed too.
    """
    count = len(texts)
    listed = [False] * count
    if first < 0:
        return listed
    opener, limit = first, min(last + 1 + LISTED_OPENER_AFTER, count - 1)  # the last line a list may open at
    chained = -1  # the colon line right below the last list found
    while opener <= limit:
        text = texts[opener]
        if not text.endswith(":") or removed[opener] or " " not in text:
            opener += 1
            continue
        worded = _colon_opener(text)  # the article's own words: its items need no figure
        position, data = opener + 1, 0
        while position < min(count, opener + 1 + LIST_MAX_LINES):
            item = texts[position]
            if removed[position] or classes[position] == GOOD or item.endswith(":"):
                break
            f = features[position]
            if f.bullet or _DIGIT_RE.search(item):
                data += 1
            elif not (worded and _worded_item(item, f)):
                break
            position += 1
        items = position - opener - 1
        # Below the main text, a list of words alone needs WORDED_BELOW_MIN_ITEMS items, unless it
        # follows a list ("Get in touch with our newsroom:" and two links are no list).
        if items and (opener <= last or data or opener == chained or items >= WORDED_BELOW_MIN_ITEMS):
            listed[opener + 1 : position] = [True] * items
            if opener > last:  # below the main text, the colon line is the list's too
                listed[opener] = True
            if position < count and texts[position].endswith(":"):
                limit = max(limit, position)  # a list right below a list ("Buy them if:", "Don't buy them if:")
                chained = position
        opener += 1
    for opener, end in lists:
        if first <= opener and end <= last:  # the main text goes on below the list
            for position in range(opener, end):  # its colon line, heading or paragraph above too
                listed[position] = True
    for position in continued:  # the items of a numbered list that runs on past the main text
        listed[position] = True
    for position in _data_box(texts, features, classes, removed, first, last, related_labels):
        listed[position] = True
    for position in _results_below(texts, features, classes, removed, data_run, last):
        listed[position] = True
    for position in _verdict_box(texts, features, removed, first, last):
        listed[position] = True
    for position in _ingredients(texts, features, classes, removed, first, last):
        listed[position] = True
    for position in _summary_above(texts, features, removed, first):
        listed[position] = True
    return listed


#: questions; the fewest in the main text, each with its answer below, that make it an interview.
INTERVIEW_MIN_QUESTIONS = 3
#: words; the longest question of an interview.
QUESTION_MAX_WORDS = 30


def _question(text: str, f: LineFeatures) -> bool:
    """Whether a line is a question of an interview: it ends with a question mark (a closing quote
    or bracket after it allowed) and has at most QUESTION_MAX_WORDS words."""
    return f.words <= QUESTION_MAX_WORDS and text.rstrip("\"”’'»)").endswith(("?", "？"))


def _interview(
    texts: list[str], features: list[LineFeatures], removed: list[bool], first: int, last: int
) -> list[int]:
    """The positions of an interview's questions and answers: when at least
    INTERVIEW_MIN_QUESTIONS questions (see :func:`_question`) in the main text each have an answer
    right below them (the next kept line, a sentence, no question itself; a teaser's question
    headline has another headline below it), every question there and its answer (the last
    answer, or the last question and its answer, may sit right below the main text): "¿Usa redes
    sociales?", "No." A short question or a one-word answer reads as no prose, yet is the
    article's."""
    pairs = []
    below = nearest_kept(removed, last + 1, 1)  # the last question may sit right below the main text
    stop = (below if below >= 0 else last) + 1
    for position in range(first, stop):
        if removed[position] or not _question(texts[position], features[position]):
            continue
        answer = nearest_kept(removed, position + 1, 1)
        if answer < 0 or not features[answer].terminal or _question(texts[answer], features[answer]):
            continue
        if answer <= last or answer == below or position == below:
            pairs.append((position, answer))
    if sum(1 for question, _ in pairs if question <= last) < INTERVIEW_MIN_QUESTIONS:
        return []
    return [position for pair in pairs for position in pair]


#: lines; the most points of a summary above the main text (see :func:`_summary_above`).
SUMMARY_MAX_POINTS = 6


#: labels of an article's summary (lower case, no colon; see summary_headings.txt).
SUMMARY_HEADINGS = frozenset(word_list("summary_headings.txt"))


def _summary_above(texts: list[str], features: list[LineFeatures], removed: list[bool], first: int) -> list[int]:
    """The positions of the article's summary right above the main text: a label of
    SUMMARY_HEADINGS ("In short:", "Key points", "Das Wichtigste in Kürze"), then up to
    SUMMARY_MAX_POINTS kept lines down to the main text that read as no headline of a teaser (at
    most LIST_ITEM_MAX_WORDS words, not title-cased, no colon inside, no address: the points are
    sentences), or none. (A label of a site's box, "Latest headlines:", heads teasers.)"""
    points: list[int] = []
    position = nearest_kept(removed, first - 1, -1)
    while position >= 0 and len(points) <= SUMMARY_MAX_POINTS:
        text, f = texts[position], features[position]
        if len(text) <= 40 and text.rstrip(" :").lower() in SUMMARY_HEADINGS:
            return [position, *reversed(points)]
        if (
            f.words > LIST_ITEM_MAX_WORDS or f.title or ":" in text or has_url(text)
            or capitalised_after_first(text)
        ):  # fmt: skip
            return []
        points.append(position)
        position = nearest_kept(removed, position - 1, -1)
    return []


def _verdict_headings() -> dict[str, str]:
    """The headings of a review's good and bad points (``verdict_headings.txt``), each to its side."""
    return {line[2:].strip(): line[0] for line in word_list("verdict_headings.txt") if line[:2] in ("+ ", "- ")}


#: heading (lower case, no colon) -> "+" for a review's good points ("The Good", "Vorteile",
#: "Points forts"), "-" for its bad points ("The Bad", "Nachteile", "Points faibles").
VERDICT_HEADINGS = _verdict_headings()
#: lines, and words: the most items under each heading of a review's pros and cons, and the
#: longest item ("Battery barely lasts a full day with the screen at 120Hz").
VERDICT_MAX_ITEMS = 10
VERDICT_ITEM_MAX_WORDS = 15


def _verdict_side(text: str) -> str:
    """"+" or "-" when a line is a heading of a review's good or bad points, else ""."""
    if len(text) > 40:
        return ""
    return VERDICT_HEADINGS.get(text.rstrip(" :").lower(), "")


def _verdict_box(
    texts: list[str], features: list[LineFeatures], removed: list[bool], first: int, last: int
) -> list[int]:
    """The positions of a review's pros and cons: a heading of one side (see VERDICT_HEADINGS)
    over 1 to VERDICT_MAX_ITEMS items, then a heading of the other side over 1 to
    VERDICT_MAX_ITEMS items of its own, the items short lines (at most VERDICT_ITEM_MAX_WORDS
    words) with no address and no colon, in the main text or with at most DATA_BOX_GAP kept lines
    between the box and it (above the review's introduction, or below its last paragraph). One
    heading alone ("Pros") may be a site's box or a word of the article; the pair of them over
    short items is the verdict. (Words that also head a poll's options, "For" and "Against",
    "Pro" and "Contra", are in no side's list.)"""

    def items(start: int) -> int:  # the end of the run of items from ``start``
        end = start
        while end < len(texts) and end - start < VERDICT_MAX_ITEMS and not removed[end]:
            text = texts[end]
            if features[end].words > VERDICT_ITEM_MAX_WORDS or ":" in text or _verdict_side(text):
                break  # (a teaser below the box: "Kindle Paperwhite review: still the best")
            if has_url(text):
                return start
            end += 1
        return end

    out: list[int] = []
    headings = [p for p, text in enumerate(texts) if _verdict_side(text) and not removed[p]]
    position = 0
    for heading in headings:  # (most documents have none: one pass over the short lines)
        if heading < position:
            continue  # inside the box found before
        position = heading
        side = _verdict_side(texts[position])
        middle = items(position + 1)
        other = _verdict_side(texts[middle]) if middle < len(texts) and not removed[middle] else ""
        if middle == position + 1 or other in ("", side):
            continue
        end = items(middle + 1)
        if end > middle + 1 and _near_main_text(removed, first, last, position, end):
            out.extend(range(position, end))
        position = end
    return out


def _near_main_text(removed: list[bool], first: int, last: int, start: int, end: int) -> bool:
    """Whether the lines from ``start`` to ``end`` (excluded) reach into the main text, or at most
    DATA_BOX_GAP kept lines part them from it."""
    if start <= last and end > first:
        return True
    gap = range(last + 1, start) if start > last else range(end, first)
    kept = 0
    for position in gap:  # (stops once the gap is too wide: linear in the document)
        kept += not removed[position]
        if kept > DATA_BOX_GAP:
            return False
    return True


#: headings of a recipe's ingredients (lower case, no colon; see ingredient_headings.txt).
INGREDIENT_HEADINGS = frozenset(word_list("ingredient_headings.txt"))
#: the first words of those headings, lower case (a quick test before the whole one).
_INGREDIENT_FIRST_WORDS = frozenset(heading.split()[0] for heading in INGREDIENT_HEADINGS) | frozenset(
    heading.split()[0] + ":" for heading in INGREDIENT_HEADINGS
)
#: words; the longest heading of ingredients, with what follows the word ("Zutaten für 4 Personen").
INGREDIENT_HEADING_MAX_WORDS = 6
#: lines; the fewest ingredients under such a heading.
INGREDIENTS_MIN = 2
#: words; the longest ingredient without a figure ("olio extravergine d'oliva", "sale e pepe").
INGREDIENT_PLAIN_MAX_WORDS = 5


def _ingredient_heading(text: str) -> bool:
    """Whether a line heads a recipe's ingredients: a heading of INGREDIENT_HEADINGS, alone or
    followed by a few words with a figure ("for 4 people", "(serves 4)"), at most
    INGREDIENT_HEADING_MAX_WORDS in all ("What you need to know" heads no ingredients)."""
    words = text.rstrip(" :").lower().split()
    if not words or len(words) > INGREDIENT_HEADING_MAX_WORDS:
        return False
    for size in range(1, min(len(words), 4) + 1):
        if " ".join(words[:size]) in INGREDIENT_HEADINGS:
            return size == len(words) or _has_figure(" ".join(words[size:]))
    return False


def _ingredients(
    texts: list[str], features: list[LineFeatures], classes: list[str], removed: list[bool], first: int, last: int
) -> list[int]:
    """The positions of a recipe's ingredients with their heading (see :func:`_ingredient_heading`):
    at least INGREDIENTS_MIN kept lines below it of at most LIST_ITEM_MAX_WORDS words, or
    INGREDIENT_PLAIN_MAX_WORDS without a figure ("2 uova", "sale e pepe", "For the sauce:"), down
    to the first line of prose (the method), a line that a rule removed, or one with an address;
    in the main text or with at most DATA_BOX_GAP kept lines between them and it. Items without
    figures ("olio extravergine d'oliva") are as much the recipe's as those with them."""
    out: list[int] = []
    headings = [
        p for p, (text, f) in enumerate(zip(texts, features))
        if f.words <= INGREDIENT_HEADING_MAX_WORDS and text.split(None, 1)[0].lower() in _INGREDIENT_FIRST_WORDS
        and not removed[p] and _ingredient_heading(text)
    ]  # fmt: skip
    for heading in headings:
        end = heading + 1
        while end < len(texts) and end - heading <= LIST_MAX_LINES and not removed[end]:
            f, text = features[end], texts[end]
            if f.words > LIST_ITEM_MAX_WORDS or sentence_line(classes[end], f) or has_url(text):
                break
            if f.words > INGREDIENT_PLAIN_MAX_WORDS and not _has_figure(text):
                break  # a teaser below the list ("Easy vegan chilli with smoky black beans")
            end += 1
        if end - heading - 1 >= INGREDIENTS_MIN and _near_main_text(removed, first, last, heading, end):
            out.extend(range(heading, end))
    return out


_RANK_RE = re.compile(r"\d{1,3}[.)]\s+")


def _figure_past_rank(text: str) -> bool:
    """Whether a line reads as a result: a figure besides a leading rank ("1. Wouter Pranger
    1.38.12"; not "1. Man charged after crash"), or without a rank a figure in its last word
    ("Lazio-Bologna 1-1", "Zuschauer 4.811"; not "Council to cut 200 jobs")."""
    found = _RANK_RE.match(text)
    if found:
        return _has_figure(text[found.end() :])
    words = text.split()
    return bool(words) and _has_figure(words[-1])


#: words; the longest ranked line of a run of results below the main text, past the short lines
#: of a run of data ("3. Baptiste Roux (FRA, Bretagne Atlantique) à 14 s").
RANKED_RESULT_MAX_WORDS = 20


def _ranked_result(text: str, f: LineFeatures, cls: str) -> bool:
    """Whether a line reads as a ranked result too long for a run of data: a rank, a figure among
    its last three words, at most RANKED_RESULT_MAX_WORDS words, and no prose ("2. Andrés Quintero
    (COL, Andes Cycling) à 11 s"; not "1. Man charged after crash")."""
    if cls == GOOD or f.terminal or f.words > RANKED_RESULT_MAX_WORDS or not _RANK_RE.match(text):
        return False
    return _has_figure(" ".join(text.split()[-3:]))


def _results_below(
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    removed: list[bool],
    data_run: frozenset[int],
    last: int,
) -> list[int]:
    """The runs of data (see :func:`_data_runs`, or ranked lines, see :func:`_ranked_result`, which
    need a kept heading above them) right below the main text, with at most DATA_BOX_GAP kept
    lines before each (a heading, "Uitslag mannen (60 km)", listed with its run), most of whose
    lines read as results (see :func:`_figure_past_rank`): a race's results, a league table. (A
    numbered "Most read" list holds its ranks alone; headlines hold their figures inside: "House
    prices rise 5% in March".)"""

    def result_line(position: int) -> bool:
        return position in data_run or _ranked_result(texts[position], features[position], classes[position])

    out: list[int] = []
    count = len(texts)
    position, gap = last + 1, []
    while position < count:
        if removed[position]:
            position += 1
            continue
        if not result_line(position):
            f = features[position]
            heading = _heading(texts[position], f) or (classes[position] == SHORT and not f.terminal)
            if len(gap) >= DATA_BOX_GAP or not heading:  # "Le classement de la 3e étape"
                break
            gap.append(position)
            position += 1
            continue
        end = position
        while end < count and not removed[end] and result_line(end):
            end += 1
        if end - position < DATA_RUN_MIN:
            break  # one ranked headline with a figure ("1. Man dies after crash on M62") is no run
        if not gap and any(p not in data_run for p in range(position, end)):
            break  # ranked lines longer than data need their heading: a "Most read" label is the rules'

        if any(has_url(texts[p]) for p in range(position, end)):
            break  # links: "Listen: http://po.st/1"
        if 2 * sum(1 for p in range(position, end) if _figure_past_rank(texts[p])) <= end - position:
            break
        out.extend(gap)
        out.extend(range(position, end))
        position, gap = end, []
    return out


def key_value_line(text: str) -> bool:
    """Whether a line reads as "key: value" (see _KEY_VALUE_RE)."""
    return ":" in text and _KEY_VALUE_RE.match(text) is not None


def _data_value(text: str) -> bool:
    """Whether a "key: value" line holds data: a figure in its value, or a key of FACT_KEYS."""
    key, _, value = text.partition(":")
    return _has_figure(value) or key.strip().lower() in FACT_KEYS


def _data_box(
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    removed: list[bool],
    first: int,
    last: int,
    related_labels: list[bool] | None = None,
) -> list[int]:
    """The positions of the runs of "key: value" lines (see _KEY_VALUE_RE) that start inside the
    main text or below it with at most DATA_BOX_GAP kept lines between, or end right above it with
    at most DATA_BOX_GAP kept lines between (a recipe's times and servings, a review's
    specifications above its introduction): at least DATA_BOX_MIN_LINES kept lines in a row, no
    prose paragraph among them, most with data (a figure in their value, or a key of FACT_KEYS:
    "Árbitro: Yael Falcón Pérez"; see :func:`_data_value`). A match report's line-ups,
    scorers, referee and attendance, a forecast's rainfall totals, a product's specifications, an
    exhibition's practical information. (A site's "Published:", "Updated:" and "Tags:" lines are
    the rules' to remove, and a removed line ends a run; so does a line with a URL: "Listen:
    http://...".)

    Below the main text, a related box (a line of ``related_labels`` and up to
    RELATED_BOX_MAX_LINES kept lines that are no prose: its teasers) between the main text and
    the box does not count in the gap (one such box: a second label ends the search). Up to
    DATA_BOX_GAP headings right above a box below the main text ("FICHA TÉCNICA" and "Palmeiras 2
    x 0 Corinthians"; see :func:`_heading`), of at most BOXED_HEADING_MAX_WORDS words past a
    related box ("La síntesis", "Spielinfo"), are the box's."""

    def data_line(position: int) -> bool:
        text = texts[position]
        return not removed[position] and classes[position] != GOOD and key_value_line(text) and not has_url(text)

    def box(start: int, end: int) -> range:
        if end - start < DATA_BOX_MIN_LINES:
            return range(0)
        data = sum(1 for p in range(start, end) if _data_value(texts[p]))
        return range(start, end) if 2 * data > end - start else range(0)

    out: list[int] = []
    count = len(texts)
    limit, kept = last, 0  # the last position a box may start at
    teasers = -1  # kept lines of a related box's teasers that may still come, or -1 outside one
    boxed = -1  # the related label in the gap, if any (one box at most: a second one ends the search)
    while limit + 1 < count and kept <= DATA_BOX_GAP:
        limit += 1
        if related_labels is not None and related_labels[limit]:
            if boxed >= 0:
                limit -= 1
                break
            boxed, teasers = limit, RELATED_BOX_MAX_LINES
        elif removed[limit]:
            continue
        elif teasers > 0 and not data_line(limit) and not sentence_line(classes[limit], features[limit]):
            teasers -= 1  # a teaser, or the box's heading
        else:
            teasers = -1
            kept += 1
    position = first
    while 0 <= position <= limit:
        end = position
        while end < count and data_line(end):
            end += 1
        found = box(position, end)
        if found and position > last:  # its headings, right above it ("FICHA TÉCNICA", "Palmeiras 2 x 0 Corinthians")
            headings: list[int] = []
            above = nearest_kept(removed, position - 1, -1)
            # (past a related box, of at most two words: its teasers are headline-shaped too)
            most = HEADING_MAX_WORDS if not 0 <= boxed < position else BOXED_HEADING_MAX_WORDS
            while (
                len(headings) < DATA_BOX_GAP and above > max(last, boxed)
                and features[above].words <= most and _heading(texts[above], features[above])
            ):  # fmt: skip
                headings.append(above)
                above = nearest_kept(removed, above - 1, -1)
            out.extend(reversed(headings))
        out.extend(found)
        position = end + 1
    above, kept = first - 1, 0  # the last line of a box right above the main text
    while above >= 0 and not data_line(above) and kept <= DATA_BOX_GAP:
        kept += not removed[above]
        above -= 1
    if above >= 0 and data_line(above) and kept <= DATA_BOX_GAP:
        start = above
        while start > 0 and data_line(start - 1):
            start -= 1
        out[:0] = box(start, above + 1)
    return out
