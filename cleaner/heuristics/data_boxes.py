"""Boxes of data around the article: "key: value" facts (a match's line-ups and referee, a product's
specifications, a recipe's times) and runs of results below the main text (a race, a league
table)."""

from __future__ import annotations

import re

from .classes import GOOD, SHORT, sentence_line
from .features import NUMBERED_RE, LineFeatures, has_url
from .lists import (
    DATA_LINE_MAX_WORDS,
    DATA_RUN_MIN,
    HEADING_MAX_WORDS,
    LIST_MAX_LINES,
    has_figure,
    list_heading,
    nearest_kept,
)
from .related_boxes import RELATED_BOX_MAX_LINES
from .view import LineView
from .wordlists import heading_key, word_list

# A line of data as "key: value": a key of one to four words that starts with a letter, a colon, a
# value ("Newcastle: 90–140mm", "Wattage: 1,750", "Zuschauer: 34.700 (ausverkauft)", "Referee:
# Anthony Taylor"; French puts a space before the colon: "BUTS : Kerbrat (34e)").
_KEY_VALUE_RE = re.compile(r"[^\W\d_][^\s:,]*(?: [^\s:,]+){0,3}\s?: \S")
#: lines; the fewest "key: value" lines in a row that make a box of data (see :func:`data_box`).
DATA_BOX_MIN_LINES = 3
#: kept lines; how many may sit between the main text's end and a box of data (a heading such as
#: the match's result, "SC Freiburg - TSG Hoffenheim 3:1 (0:1)"; lines that rules removed, an ad
#: label or share buttons, do not count).
DATA_BOX_GAP = 2
#: keys of "key: value" lines whose values need hold no figure to count as data (fact_keys.txt:
#: "Referee", "Árbitro", "Wo", "Horario", "Serves"; lower case).
_FACT_KEY_ENTRIES = word_list("fact_keys.txt")
FACT_KEYS = frozenset(key for key in _FACT_KEY_ENTRIES if not key.endswith("*"))
#: how such keys start, from the entries that end with "*" ("best ": a buying guide's "Best overall").
FACT_KEY_STARTS = tuple(key[:-1] for key in _FACT_KEY_ENTRIES if key.endswith("*"))
#: words; the longest heading of a box of data below a related box (see :func:`data_box`): the
#: box's teasers above it are headline-shaped too, and mostly longer ("Chelsea sack Pochettino").
BOXED_HEADING_MAX_WORDS = 2


def near_main_text(
    removed: list[bool], first: int, last: int, start: int, end: int, listed: list[bool] | None = None
) -> bool:
    """Whether the lines from ``start`` to ``end`` (excluded) reach into the main text, or at most
    DATA_BOX_GAP kept lines part them from it (lines of ``listed``, the article's other lists and
    boxes, do not count: a review's pros and cons below its specifications)."""
    if start <= last and end > first:
        return True
    gap = range(last + 1, start) if start > last else range(end, first)
    kept = 0
    for position in gap:  # (stops once the gap is too wide: linear in the document)
        kept += not removed[position] and not (listed is not None and listed[position])
        if kept > DATA_BOX_GAP:
            return False
    return True


_RANK_RE = re.compile(r"\d{1,3}[.)]\s+")


def _figure_past_rank(text: str) -> bool:
    """Whether a line reads as a result: a figure besides a leading rank ("1. Wouter Pranger
    1.38.12"; not "1. Man charged after crash"), or without a rank a figure in its last word
    ("Lazio-Bologna 1-1", "Zuschauer 4.811"; not "Council to cut 200 jobs")."""
    found = _RANK_RE.match(text)
    if found:
        return has_figure(text[found.end() :])
    words = text.split()
    return bool(words) and has_figure(words[-1])


#: words; the longest ranked line of a run of results below the main text, past the short lines
#: of a run of data ("3. Baptiste Roux (FRA, Bretagne Atlantique) à 14 s").
RANKED_RESULT_MAX_WORDS = 20


def _ranked_result(text: str, f: LineFeatures, cls: str) -> bool:
    """Whether a line reads as a ranked result too long for a run of data: a rank, a figure among
    its last three words, at most RANKED_RESULT_MAX_WORDS words, and no prose ("2. Andrés Quintero
    (COL, Andes Cycling) à 11 s"; not "1. Man charged after crash")."""
    if cls == GOOD or f.terminal or f.words > RANKED_RESULT_MAX_WORDS or not _RANK_RE.match(text):
        return False
    return has_figure(" ".join(text.split()[-3:]))


#: words; the longest line of a run of results that holds two figures or more and no rank ("Aces:
#: Escobar 2, Lindqvist 7.", "M. Zielinska (POL, 14) a K. Brooks (USA): 7-5, 6-4").
FIGURES_LINE_MAX_WORDS = 15
_FIGURES_RE = re.compile(r"\d+")


def _figures_line(text: str, f: LineFeatures, cls: str) -> bool:
    """Whether a line reads as a result or a statistic: at most FIGURES_LINE_MAX_WORDS words, no
    prose (``good``), and two figures or more besides a leading rank (a numbered teaser holds one:
    "2. Man, 34, charged after crash")."""
    if cls == GOOD or f.words > FIGURES_LINE_MAX_WORDS:
        return False
    rank = _RANK_RE.match(text)
    return len(_FIGURES_RE.findall(text, rank.end() if rank else 0)) >= 2


def _ranked_in_turn(texts: list[str], start: int, end: int) -> bool:
    """Whether the lines from ``start`` to ``end`` (excluded) open with the ranks 1, 2, 3 ... in
    turn (a race's result, "2. Maren Holtkamp (Dui) z.t.", whose times are "same time")."""
    for rank, position in enumerate(range(start, end), 1):
        found = NUMBERED_RE.match(texts[position])
        if found is None or int(found.group(1)) != rank:
            return False
    return True


def results_below(view: LineView, data_run: frozenset[int]) -> list[int]:
    """The runs of data (see :func:`~heuristics.lists.data_runs`; or ranked lines, see
    :func:`_ranked_result`, or lines of figures, see :func:`_figures_line`, which need a kept
    heading above them) right below the main text, with at most DATA_BOX_GAP kept lines before each
    (a heading, "Uitslag mannen (60 km)", listed with its run), most of whose lines read as results
    (see :func:`_figure_past_rank`; a line or two of them shorter than a run count as its headings,
    a match's score above "Tore:"), or, under a heading, ranked 1, 2, 3 ... in turn in lines of at
    most DATA_LINE_MAX_WORDS words (see :func:`_ranked_in_turn`): a race's results, a league table,
    a match's statistics. (A numbered "Most read" list holds its ranks alone; headlines hold their
    figures inside: "House prices rise 5% in March".) A box of teasers between the main text and a
    run ends the search (its teasers are no headings): a standings table or a market ticker below
    one is the site's widget ("Te puede interesar", two teasers, "Clasificación LaLiga", "1.
    Barcelona 64 puntos")."""
    texts, features, classes, removed, last = view.texts, view.features, view.classes, view.removed, view.last

    def result_line(position: int) -> bool:
        text, f, cls = texts[position], features[position], classes[position]
        if text.isdigit() and len(text) <= 2:
            return False  # a rank alone on its line marks a teaser of a "Most popular" box
        return position in data_run or _ranked_result(text, f, cls) or _figures_line(text, f, cls)

    out: list[int] = []
    count = len(texts)
    position, gap = last + 1, []
    while position < count:
        if removed[position]:
            position += 1
            continue
        if not result_line(position):
            f = features[position]
            heading = list_heading(texts[position], f) or (classes[position] == SHORT and not f.terminal)
            if len(gap) >= DATA_BOX_GAP or not heading:  # "Le classement de la 3e étape"
                break
            gap.append(position)
            position += 1
            continue
        end = position
        while end < count and not removed[end] and result_line(end):
            end += 1
        if end - position < DATA_RUN_MIN:
            few = range(position, end)  # a match's score above its facts' heading ("... 2:4 (1:0, 1:1, 0:3)")
            if len(gap) + len(few) <= DATA_BOX_GAP and all(_figure_past_rank(texts[p]) for p in few):
                gap.extend(few)
                position = end
                continue
            break  # one ranked headline with a figure ("1. Man dies after crash on M62") is no run
        if not gap and any(p not in data_run for p in range(position, end)):
            break  # ranked lines longer than data need their heading: a "Most read" label is the rules'

        if any(has_url(texts[p]) for p in range(position, end)):
            break  # links: "Listen: http://po.st/1"
        results = sum(1 for p in range(position, end) if _figure_past_rank(texts[p]))
        brief = all(features[p].words <= DATA_LINE_MAX_WORDS for p in range(position, end))  # (not headlines)
        if 2 * results <= end - position and not (gap and brief and _ranked_in_turn(texts, position, end)):
            break
        out.extend(gap)
        out.extend(range(position, end))
        position, gap = end, []
    return out


def key_value_line(text: str) -> bool:
    """Whether a line reads as "key: value" (see _KEY_VALUE_RE)."""
    return ":" in text and _KEY_VALUE_RE.match(text) is not None


def _data_value(text: str) -> bool:
    """Whether a "key: value" line holds data: a figure in its value, or a key of FACT_KEYS or
    starting as FACT_KEY_STARTS say."""
    key, _, value = text.partition(":")
    key = key.strip().lower()
    return has_figure(value) or key in FACT_KEYS or key.startswith(FACT_KEY_STARTS)


def data_box(view: LineView, related_labels: list[bool] | None = None) -> tuple[list[int], list[int]]:
    """The positions of the runs of "key: value" lines (see _KEY_VALUE_RE) that start inside the
    main text or below it with at most DATA_BOX_GAP kept lines between, or end right above it with
    at most DATA_BOX_GAP kept lines between (a recipe's times and servings, a review's
    specifications above its introduction): at least DATA_BOX_MIN_LINES kept lines in a row, no
    prose paragraph among them, most with data (a figure in their value, or a key of FACT_KEYS:
    "Árbitro: Yael Falcón Pérez"; see :func:`_data_value`; between two paragraphs, a figure
    anywhere: "Statale 24 del Monginevro: chiusa"). A match report's line-ups, scorers,
    referee and attendance, a forecast's rainfall totals, a product's specifications, an
    exhibition's practical information. (A site's "Published:", "Updated:" and "Tags:" lines are the
    rules' to remove, and a removed line ends a run; so does a line with a URL: "Listen:
    http://...".)

    Below the main text, a related box (a line of ``related_labels`` and up to RELATED_BOX_MAX_LINES
    kept lines that are no prose: its teasers) between the main text and the box does not count in
    the gap (one such box: a second label ends the search). Up to DATA_BOX_GAP headings right above
    a box below the main text ("FICHA TÉCNICA" and "Palmeiras 2 x 0 Corinthians"; see
    :func:`~heuristics.lists.list_heading`), of at most BOXED_HEADING_MAX_WORDS words past a related
    box ("La síntesis", "Spielinfo") or inside the main text ("Ficha técnica", "IL TABELLINO"; or a
    result there, "PALERMO-BARI 2-1", see :func:`_figure_past_rank`), are the box's.

    Returns the box's positions, and apart those of its headings inside the main text: such a
    heading still lends its own score to its neighbours (a teaser above it is no prose)."""
    texts, features, classes, removed, first, last = view

    def data_line(position: int) -> bool:
        text = texts[position]
        return not removed[position] and classes[position] != GOOD and key_value_line(text) and not has_url(text)

    def box(start: int, end: int) -> range:
        if end - start < DATA_BOX_MIN_LINES:
            return range(0)
        if start <= last and end <= last:  # between paragraphs: a figure anywhere ("Statale 24 del Monginevro: chiusa")
            data = sum(1 for p in range(start, end) if _data_value(texts[p]) or has_figure(texts[p]))
        else:
            data = sum(1 for p in range(start, end) if _data_value(texts[p]))
        return range(start, end) if 2 * data > end - start else range(0)

    out: list[int] = []
    inner_headings: list[int] = []
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
        if found and related_labels is not None and position > 0 and related_labels[position - 1]:
            found = range(0)  # a box of teasers under its label ("Auch interessant", "WM 2026: Nagelsmann ...")
        if found:  # its headings, right above it ("FICHA TÉCNICA", "Palmeiras 2 x 0 Corinthians")
            headings: list[int] = []
            above = nearest_kept(removed, position - 1, -1)
            # (inside the main text or past a related box, of at most two words, or a result: a
            # teaser's headline is shaped as a heading too)
            inside = position <= last
            most = HEADING_MAX_WORDS if not (inside or 0 <= boxed < position) else BOXED_HEADING_MAX_WORDS
            while (
                len(headings) < DATA_BOX_GAP and above > (first if inside else max(last, boxed))
                and (features[above].words <= most or (inside and _figure_past_rank(texts[above])))
                and list_heading(texts[above], features[above])
            ):  # fmt: skip
                headings.append(above)
                above = nearest_kept(removed, above - 1, -1)
            out.extend(reversed(headings))
            if inside:
                inner_headings.extend(headings)
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
    return out, inner_headings


#: headings of a box of facts (lower case, no colon; see facts_headings.txt): "Line-ups", "La fiche
#: du match", "Ficha técnica", "Specifications".
FACTS_HEADINGS = frozenset(word_list("facts_headings.txt"))
#: lines; the fewest lines under such a heading that make its box, and the fewest of them that hold
#: data (a figure, or a key of FACT_KEYS: "Formation 4-2-3-1", "Referee: Neil Ashcroft.").
FACTS_MIN_LINES = 2
FACTS_MIN_DATA = 1
#: lines; this many headings in a row inside a box of facts are a table's header or a bar of tabs,
#: which end it ("Scottish Championship table", "Pos", "Team", "P", "Pts").
FACTS_HEADINGS_IN_A_ROW = 3
#: commas; a line with this many or more is a list of names (a team's line-up).
NAMES_MIN_COMMAS = 3


def _facts_line(text: str, f: LineFeatures) -> bool:
    """Whether a line may belong to a box of facts under its heading: it holds a figure, reads as
    "key: value" with data (see :func:`_data_value`; "Champions League: Magdeburg mit Kantersieg"
    is a teaser), lists names ("Marsh, Quinlan, Pereira, Tolley, ..."), or is a heading (see
    :func:`_facts_heading`: a team's name above its line-up, "Les statistiques")."""
    return (
        has_figure(text) or (key_value_line(text) and _data_value(text)) or text.count(",") >= NAMES_MIN_COMMAS
        or _facts_heading(text, f)
    )  # fmt: skip


#: words; the longest heading inside a box of facts (a team's name, the ground: "Estádio Municipal
#: de Vilarinho").
FACTS_HEADING_MAX_WORDS = 4


def _facts_heading(text: str, f: LineFeatures) -> bool:
    """Whether a line of a box of facts is a heading in it: at most FACTS_HEADING_MAX_WORDS words,
    no figure, no sentence end."""
    return f.words <= FACTS_HEADING_MAX_WORDS and not f.terminal and not has_figure(text)


def facts_box(view: LineView) -> list[range]:
    """The boxes of facts under a heading of FACTS_HEADINGS ("Line-ups", "La fiche du match", "Ficha
    técnica"), the heading with them: the kept lines below it that may belong to such a box (see
    :func:`_facts_line`), down to a line of prose (``good``), one that a rule removed, one with an
    address, or one that may not (and short of the headings right above that line, which head what
    follows); at least FACTS_MIN_LINES of them, of which FACTS_MIN_DATA hold data (see
    :func:`_data_value`, or a figure anywhere) and at most half of them headings (a site's masthead
    is names and roles: "Diretor", "João Silva", "Redação"); a heading inside it over a table ends
    it (see :func:`_table_below`: the standings, a deals widget); in the main text or below it with
    at most DATA_BOX_GAP kept lines between the box and it (see :func:`near_main_text`; above it,
    such lines are a scoreboard's tabs: "Final", "78", "Box Score"). A match report's line-ups
    written as names under the teams' names, its scorers in a sentence ("Stade Francis-Le Blé. 14
    862 spectateurs. Arbitre : M. Lefèvre."), its statistics, which the "key: value" boxes of
    :func:`data_box` miss."""
    texts, features, classes, removed, first, last = view
    out: list[range] = []
    count = len(texts)
    headings = [
        p for p, text in enumerate(texts)
        if not removed[p] and heading_key(text) in FACTS_HEADINGS
    ]  # fmt: skip
    for heading in headings:
        end = heading + 1
        in_a_row = 0  # headings in a row just above ``end``
        while end < count and end - heading <= LIST_MAX_LINES and not removed[end] and classes[end] != GOOD:
            text = texts[end]
            if has_url(text) or not _facts_line(text, features[end]) or (text.isdigit() and len(text) <= 3):
                break  # (a number alone on its line is a table's cell)
            if _facts_heading(text, features[end]):
                if _table_below(texts, removed, end + 1):
                    break  # a widget's heading over its table ("Bundesliga-Tabelle", "1. Bayern München 33")
                in_a_row += 1
                if in_a_row == FACTS_HEADINGS_IN_A_ROW:
                    end -= in_a_row - 1  # a table's header or a bar of tabs ("Pos", "Team", "P", "Pts")
                    break
            else:
                in_a_row = 0
            end += 1
        while end > heading + 1 and _facts_heading(texts[end - 1], features[end - 1]):
            end -= 1  # a heading below the box heads what follows it ("Mehr Handball")
        items = range(heading + 1, end)
        data = sum(1 for p in items if has_figure(texts[p]) or _data_value(texts[p]))
        headings_inside = sum(1 for p in items if _facts_heading(texts[p], features[p]))
        if (
            len(items) >= FACTS_MIN_LINES and data >= FACTS_MIN_DATA and 2 * headings_inside <= len(items)
            and heading > first and near_main_text(removed, first, last, heading, end)
        ):  # fmt: skip
            out.append(range(heading, end))
    return out


#: lines; a run of this many lines that pair a name with a figure, with no colon and no list of
#: names ("Ajax 62", "£399 at Amazon", "Lewandowski 22 goles"), is a table: a widget's, when a heading
#: inside a box of facts opens it.
TABLE_MIN_ROWS = 3
#: lines; how far below such a heading the table's rows are looked for, removed lines included.
TABLE_SCAN_LINES = 12


def _table_below(texts: list[str], removed: list[bool], start: int) -> bool:
    """Whether TABLE_MIN_ROWS kept lines from ``start`` on each hold a figure, no colon and fewer
    than NAMES_MIN_COMMAS commas: a standings table, a ticker, a list of prices or of top scorers."""
    rows = 0
    for position in range(start, min(len(texts), start + TABLE_SCAN_LINES)):  # (a bounded look: linear)
        if removed[position]:
            continue
        text = texts[position]
        if not has_figure(text) or ":" in text or text.count(",") >= NAMES_MIN_COMMAS:
            return False
        rows += 1
        if rows >= TABLE_MIN_ROWS:
            return True
    return False
