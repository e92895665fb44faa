"""Which lines belong to a list or box of the article's (:func:`listed_lines`): colon lists in and
below the main text, an interview's questions and answers, a summary above the text, a review's
pros and cons, a recipe's ingredients, and the lists and boxes of :mod:`.lists` and
:mod:`.data_boxes`. Such lines read as no prose, yet are the article's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .classes import GOOD, sentence_line
from .data_boxes import data_box, facts_box, near_main_text, results_below
from .features import LineFeatures, has_url
from .lists import (
    LIST_ITEM_MAX_WORDS,
    LIST_MAX_LINES,
    capitalised_after_first,
    colon_opener,
    has_figure,
    nearest_kept,
    worded_item,
)
from .view import LineView
from .wordlists import heading_key, word_list

_DIGIT_RE = re.compile(r"\d")


#: lines; how many lines may sit between the main text's last line and a list's colon line (the
#: question of a review's closing section, "Should you buy the Sonora Pulse 3?", above "Buy them
#: if:").
LISTED_OPENER_AFTER = 1


#: items; the fewest of a list of words alone below the main text that is not right below another.
WORDED_BELOW_MIN_ITEMS = 3


def listed_lines(
    view: LineView,
    continued: Sequence[int] = (),
    lists: Sequence[tuple[int, int]] = (),
    data_run: frozenset[int] = frozenset(),
    related_labels: list[bool] | None = None,
) -> tuple[list[bool], list[int]]:
    """Whether each line belongs to a list or a box of data of the article's, and the positions of
    those that are still no evidence of prose to their neighbours: the headings of boxes of data
    inside the main text (see :func:`~heuristics.data_boxes.data_box`) and of boxes of facts (see
    :func:`~heuristics.data_boxes.facts_box`).

    The list opens after a kept line of two words or more that ends with a colon ("Tour dates:",
    "Here are the results:") and is in the main text (``first`` to ``last``) or below it with at
    most LISTED_OPENER_AFTER lines between, or right below such a list ("Buy them if:", then "Don't
    buy them if:"); below the main text the colon line is listed too. Its items start like a list
    item or hold a digit (dates, scores, amounts), or, below a colon line in the article's own words
    (see :func:`~heuristics.lists.colon_opener`), are short lines that read as no headline (see
    :func:`~heuristics.lists.worded_item`; below the main text, at least WORDED_BELOW_MIN_ITEMS of
    them unless right below another list); it ends at the first line that does not, or is prose, is
    removed by a rule, or ends with a colon itself. Runs of results right below the main text are
    listed too (see :func:`~heuristics.data_boxes.results_below`), and so are a review's pros and
    cons and a recipe's ingredients in or next to it (see :func:`verdict_box` and
    :func:`ingredient_lines`). The items of a list that the main text introduces and goes on after
    (``lists``, see :func:`~heuristics.lists.introduced_lists`: "Symptoms include:", "a high
    temperature", "sneezing", then the next paragraph), of a numbered list that runs on past the
    main text (``continued``, see :func:`~heuristics.lists.numbered_continuation`) and of a box of
    data (see :func:`~heuristics.data_boxes.data_box`) are listed too."""
    texts, features, classes, removed, first, last = view
    count = len(texts)
    listed = [False] * count
    if first < 0:
        return listed, []
    opener, limit = first, min(last + 1 + LISTED_OPENER_AFTER, count - 1)  # the last line a list may open at
    chained = -1  # the colon line right below the last list found
    while opener <= limit:
        text = texts[opener]
        if not text.endswith(":") or removed[opener] or " " not in text:
            opener += 1
            continue
        worded = colon_opener(text)  # the article's own words: its items need no figure
        position, data = opener + 1, 0
        while position < min(count, opener + 1 + LIST_MAX_LINES):
            item = texts[position]
            if removed[position] or classes[position] == GOOD or item.endswith(":"):
                break
            f = features[position]
            if f.bullet or _DIGIT_RE.search(item):
                data += 1
            elif not (worded and worded_item(item, f)):
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
    boxed, headings = data_box(view, related_labels)
    for position in boxed:
        listed[position] = True
    facts = facts_box(view)
    for box in facts:
        listed[box.start : box.stop] = [True] * len(box)
    for position in results_below(view, data_run):
        listed[position] = True
    for position in verdict_box(view, listed):
        listed[position] = True
    for position in ingredient_lines(view, listed):
        listed[position] = True
    for position in summary_above(view):
        listed[position] = True
    return listed, [*headings, *(box.start for box in facts)]


#: questions; the fewest in the main text, each with its answer below, that make it an interview.
INTERVIEW_MIN_QUESTIONS = 3
#: words; the longest question of an interview.
QUESTION_MAX_WORDS = 30


def _question(text: str, f: LineFeatures) -> bool:
    """Whether a line is a question of an interview: it ends with a question mark (a closing quote
    or bracket after it allowed) and has at most QUESTION_MAX_WORDS words."""
    return f.words <= QUESTION_MAX_WORDS and text.rstrip("\"”’'»)").endswith(("?", "？"))


def interview_lines(view: LineView) -> list[int]:
    """The positions of an interview's questions and answers: when at least
    INTERVIEW_MIN_QUESTIONS questions (see :func:`_question`) in the main text each have an answer
    right below them (the next kept line, a sentence, no question itself; a teaser's question
    headline has another headline below it), every question there and its answer (the last
    answer, or the last question and its answer, may sit right below the main text): "¿Usa redes
    sociales?", "No." The first question may sit right above the main text too, its answer opening
    it (below a caption that a rule removed). A short question or a one-word answer reads as no
    prose, yet is the article's."""
    texts, features, removed, first, last = view.texts, view.features, view.removed, view.first, view.last
    pairs = []
    below = nearest_kept(removed, last + 1, 1)  # the last question may sit right below the main text
    above = nearest_kept(removed, first - 1, -1) if first > 0 else -1  # ... and the first right above it
    stop = (below if below >= 0 else last) + 1
    for position in range(above if above >= 0 else first, stop):
        if removed[position] or not _question(texts[position], features[position]):
            continue
        answer = nearest_kept(removed, position + 1, 1)
        if answer < 0 or not features[answer].terminal or _question(texts[answer], features[answer]):
            continue
        if (answer <= last or answer == below or position == below) and (position >= first or answer == first):
            pairs.append((position, answer))
    if sum(1 for question, _ in pairs if first <= question <= last) < INTERVIEW_MIN_QUESTIONS:
        return []
    return [position for pair in pairs for position in pair]


#: lines; the most points of a summary above the main text (see :func:`summary_above`).
SUMMARY_MAX_POINTS = 6


#: labels of an article's summary (lower case, no colon; see summary_headings.txt).
SUMMARY_HEADINGS = frozenset(word_list("summary_headings.txt"))


def summary_above(view: LineView) -> list[int]:
    """The positions of the article's summary right above the main text: a label of
    SUMMARY_HEADINGS ("In short:", "Key points", "Das Wichtigste in Kürze"), then up to
    SUMMARY_MAX_POINTS kept lines down to the main text that read as no headline of a teaser (at
    most LIST_ITEM_MAX_WORDS words, at most half of the words after the first capitalised, no colon
    inside, no address: the points are sentences, names aside: "Saudi Arabia raises August crude
    prices for Asia"), or none. (A label of a site's box, "Latest headlines:", heads teasers.)"""
    texts, features, removed, first = view.texts, view.features, view.removed, view.first
    points: list[int] = []
    position = nearest_kept(removed, first - 1, -1)
    while position >= 0 and len(points) <= SUMMARY_MAX_POINTS:
        text, f = texts[position], features[position]
        if heading_key(text) in SUMMARY_HEADINGS:
            return [position, *reversed(points)]
        if (
            f.words > LIST_ITEM_MAX_WORDS or ":" in text or has_url(text) or capitalised_after_first(text)
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


def verdict_side(text: str) -> str:
    """ "+" or "-" when a line is a heading of a review's good or bad points, else ""."""
    return VERDICT_HEADINGS.get(heading_key(text), "")


def verdict_box(view: LineView, listed: list[bool] | None = None) -> list[int]:
    """The positions of a review's pros and cons: a heading of one side (see VERDICT_HEADINGS)
    over 1 to VERDICT_MAX_ITEMS items, then a heading of the other side over 1 to
    VERDICT_MAX_ITEMS items of its own (and more headings of either side over their own items), the
    items short lines (at most VERDICT_ITEM_MAX_WORDS
    words) with no address and no colon, in the main text or with at most DATA_BOX_GAP kept lines
    between the box and it (above the review's introduction, or below its last paragraph). One
    heading alone ("Pros") may be a site's box or a word of the article; the pair of them over
    short items is the verdict, even when a rule removed a heading (CNET's "Like"). (Words that
    also head a poll's options, "For" and "Against", are in no side's list; a line without a
    letter is no item: "Pro", "57 %", "Contra", "43 %" are a poll's results.)"""
    texts, features, removed, first, last = view.texts, view.features, view.removed, view.first, view.last

    def items(start: int) -> int:  # the end of the run of items from ``start``
        end = start
        while end < len(texts) and end - start < VERDICT_MAX_ITEMS and not removed[end]:
            text = texts[end]
            if (
                features[end].words > VERDICT_ITEM_MAX_WORDS or ":" in text or verdict_side(text)
                or not any(char.isalpha() for char in text)
            ):  # fmt: skip
                break  # (a teaser below the box: "Kindle Paperwhite review: still the best")
            if has_url(text):
                return start
            end += 1
        return end

    out: list[int] = []
    # (a heading that a rule removed counts: CNET's "Like" reads as a share button; see
    # cleaner.decide, which gives it back to the box)
    headings = [p for p, text in enumerate(texts) if verdict_side(text)]
    position = 0
    for heading in headings:  # (most documents have none: one pass over the short lines)
        if heading < position:
            continue  # inside the box found before
        position = heading
        side = verdict_side(texts[position])
        middle = items(position + 1)
        other = verdict_side(texts[middle]) if middle < len(texts) else ""
        if middle == position + 1 or other in ("", side):
            continue
        end = items(middle + 1)
        # More headings with their items run on in the box: Ars Technica's "The good", "The bad",
        # "The ugly".
        while end > middle + 1 and end < len(texts) and verdict_side(texts[end]):
            further = items(end + 1)
            if further == end + 1:
                break
            end = further
        if end > middle + 1 and near_main_text(removed, first, last, position, end, listed):
            out.extend(range(position, end))
        position = end
    return out


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
            return size == len(words) or has_figure(" ".join(words[size:]))
    return False


def ingredient_lines(view: LineView, listed: list[bool] | None = None) -> list[int]:
    """The positions of a recipe's ingredients with their heading (see :func:`_ingredient_heading`):
    at least INGREDIENTS_MIN kept lines below it of at most LIST_ITEM_MAX_WORDS words, or
    INGREDIENT_PLAIN_MAX_WORDS without a figure ("2 uova", "sale e pepe", "For the sauce:"), down
    to the first line of prose (the method), a line that a rule removed, or one with an address;
    in the main text or with at most DATA_BOX_GAP kept lines between them and it. Items without
    figures ("olio extravergine d'oliva") are as much the recipe's as those with them."""
    texts, features, classes, removed, first, last = view
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
            if f.words > INGREDIENT_PLAIN_MAX_WORDS and not has_figure(text):
                break  # a teaser below the list ("Easy vegan chilli with smoky black beans")
            end += 1
        if end - heading - 1 >= INGREDIENTS_MIN and near_main_text(removed, first, last, heading, end, listed):
            out.extend(range(heading, end))
    return out
