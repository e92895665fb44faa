"""The document's own headline and standfirst: the headline is never scored away, nor the
standfirst right below (or above) it.

The headline is the line shaped as one (see :func:`headline_shaped`) with the most weight among
the main text's first line and the HEADLINE_WINDOW lines above it: its words, up to
HEADLINE_FULL_WORDS, less HEADLINE_DISTANCE_COST per line of distance, HEADLINE_STANDFIRST_BONUS
more with a standfirst right below it; farther up, to HEADLINE_FAR_WINDOW lines, only with a
standfirst below it, or when no line nearer qualifies (FAR_HEADLINE_MIN_WEIGHT). A line of two
sentences (see :func:`two_sentence_headline`) is the headline right above a standfirst that the
search found, or when no line within the window is shaped as a headline: the nearest with a
standfirst right below it before a far line without one, the nearest at all after it. A Markdown
heading of level 1 or 2 weighs more (MARKDOWN_HEADING_BONUS).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .bylines import weak_byline
from .classes import GOOD, NEAR
from .context import DocumentContext
from .features import LineFeatures, has_url

#: lines; the document's own headline may sit this far above the main text's first line and stay
#: (a byline, a date, share buttons, a standfirst and a caption sit between them on most pages).
#: On the development set's full-page text, 153 of 173 headlines (the page's <h1> or og:title)
#: lie within 12 lines; 16 and 20 take in more teasers than headlines.
HEADLINE_WINDOW = 12
#: lines; farther up, to this many lines above the main text, a candidate counts only with a
#: standfirst sentence right below it (a review's headline above its byline, buy buttons, photo,
#: credit and a box of pros and cons).
HEADLINE_FAR_WINDOW = 24
#: the least weight (see HEADLINE_FULL_WORDS) of a candidate that far up without a standfirst below
#: it, which is the headline only when no other line qualifies: a headline above a long gallery or
#: share bar ("Halden Tourer e-Hybrid im Test: Sparsamer Kombi ohne Stecker", 22 lines up).
FAR_HEADLINE_MIN_WEIGHT = 4
#: words; the shortest standfirst without a full stop that lets a headline count that far up.
STANDFIRST_UNPUNCTUATED_MIN_WORDS = 15
#: words; a candidate's weight is its word count up to this many, less HEADLINE_DISTANCE_COST per
#: line between it and the main text: the headline is the longest title-shaped line near the text
#: (a teaser headline higher up, or a long line of share buttons, weighs less). Calibrated on the
#: development set's fulltext and ptags views against the pages' own headlines (<h1>, og:title):
#: the plain longest line picked 234 headlines and 113 other lines, this 246 and 101.
HEADLINE_FULL_WORDS = 12
HEADLINE_DISTANCE_COST = 0.25
#: words; what a candidate gains with a standfirst right below it, above the main text: a headline
#: and its standfirst outweigh a caption without a credit that sits nearer the story. Tried 1 to
#: 4: from 3 on, the default profile lost the headline of 24 rather than 37 of the 219 documents
#: written to real layouts (the development set's headlines kept: unchanged; fulltext default F1
#: 0.919 -> 0.920). A candidate beyond HEADLINE_WINDOW gains it too when the standfirst is a
#: sentence of prose (``good``): a headline and standfirst 14 lines up, past a byline and a video
#: player, outweigh the player's "Up next" teaser nearer the story (held-out-17: headlines lost
#: 4 -> 2). (With any standfirst, a list of teasers far up won over the headline on two
#: development pages.)
HEADLINE_STANDFIRST_BONUS = 3
#: words; a headline-shaped line right above the headline found is the headline, and the line
#: found its standfirst, from this many words on (a section label above a headline, "U.S. news",
#: is shorter). Its length does not matter: a standfirst without a full stop can be the shorter.
STANDFIRST_HEADLINE_MIN_WORDS = 4
#: words; the shortest sentence right below the headline that is its standfirst ("Districts
#: adopting it are saving a little money and losing a lot of learning."); a shorter line there is a
#: byline or a label. On documents written to real sites' layouts the default profile lost such
#: standfirsts in 10 of 40 held-out documents; protecting them cost fulltext default recall
#: 0.9546 -> 0.9541 on the development set (its gold leaves standfirsts out).
STANDFIRST_MIN_WORDS = 6
#: lines; how many lines that credits rules removed may part the headline from its standfirst (a
#: photo's caption and credit between them, as Clarín prints them: without them the standfirst,
#: between a removed caption and a removed byline, was scored away; held-out-4). Not any removed
#: lines: a sign-up box's labels below a teaser made its pitch a standfirst.
STANDFIRST_PAST_REMOVED = 2
#: words; what a Markdown heading of level 1 ("# ...") or 2 gains as a candidate (a heading may
#: be a headline of two sentences, too): a page's headline is its first- or second-level heading,
#: but so are a site's name above it and a box's heading ("# Key points"), so the heading weighs
#: with the rest rather than deciding alone. Level 1 outweighs a caption with a line below it
#: shaped as a standfirst, nearer the story (held-out-10's BFM page).
MARKDOWN_HEADING_BONUS = {1: 6, 2: 4}
#: words; the document's headline (no sentence punctuation) has between these many words.
HEADLINE_WORDS = (3, 25)
#: words; a longer line is a candidate too, up to this many, with a standfirst right below it
#: (above the main text or opening it, see :func:`standfirst_below`): a tabloid's headline runs
#: long ("Grandad's 'bonkers' 300,000-bulb Christmas lights display 'can be seen from Blackpool
#: Tower' – and he swears the bill isn't as bad as you'd think", 28 words; held-out-19). Without
#: the standfirst (HEADLINE_WORDS up to 30 for every candidate), the main text's first paragraph,
#: left without its full stop, took the headline's place on three development pages.
LONG_HEADLINE_MAX_WORDS = 40

_SENTENCE_ENDS = tuple(".,;:…。．｡।۔")
# A sentence's end inside the line: a full stop after a lower-case word of three letters or more,
# then a capital ("a big win. He didn't get it"): a caption or a standfirst cut short, not a
# headline ("Gov. Newsom signs ...", "FC St. Pauli", "Arsenal vs. Chelsea", "EE. UU.", "DIRECT.
# Guerre en Ukraine" and "iPad Air? Our verdict" are headlines).
_INNER_SENTENCE_END = re.compile(r"(?<![^\W\d_])[^\W\d_]{3,}\. +(?:[^\W\d_]|[(“\"‘'«])")
_CLOSING_MARKS = "\"”“’‘'»)"


def inner_sentence_end(text: str) -> bool:
    """Whether a sentence ends inside ``text`` (see _INNER_SENTENCE_END); a bracket after the full
    stop that closes the line ends one after a capitalised word too: a caption's credit, "... on
    Tuesday. (Alberta Wildfire)" (not "Northwind Robotics Inc. (NASDAQ: NWRB) Reports ...")."""
    line = text.rstrip()
    return any(
        (found.group()[0].islower() and not found.group()[-1].islower())
        or (found.group()[-1] == "(" and line.endswith(")") and line.find("(", found.end()) < 0)
        for found in _INNER_SENTENCE_END.finditer(text)
    )


def standfirst_below(
    position: int, texts: list[str], classes: list[str], features: list[LineFeatures], removed: list[bool], first: int
) -> bool:
    """Whether a standfirst sits right below ``position``, above the main text or opening it (at
    ``first``): a line of prose (``good`` or ``near``) of STANDFIRST_MIN_WORDS words or more that
    ends a sentence, or of STANDFIRST_UNPUNCTUATED_MIN_WORDS without (many sites leave the full
    stop out; a teaser's headline below another is shorter), and holds no address (a link to
    the page is no standfirst)."""
    below = position + 1
    if below > first or removed[below] or classes[below] not in (GOOD, NEAR):
        return False
    f = features[below]
    return f.words >= (STANDFIRST_MIN_WORDS if f.terminal else STANDFIRST_UNPUNCTUATED_MIN_WORDS) and not has_url(
        texts[below]
    )


def prose_standfirst_below(
    position: int, classes: list[str], features: list[LineFeatures], removed: list[bool], first: int
) -> bool:
    """Whether a sentence of prose (``good``, ending a sentence) sits right below ``position``,
    above the main text's first line ``first``."""
    below = position + 1
    return below < first and not removed[below] and classes[below] == GOOD and features[below].terminal


def headline_shaped(text: str, f: LineFeatures, highest: int = HEADLINE_WORDS[1]) -> bool:
    """Whether a line may be a headline: HEADLINE_WORDS words (or up to ``highest``), no figures
    table, and no sentence end (a question or an exclamation is fine: "Transfer deadline day
    LIVE!")."""
    lowest = HEADLINE_WORDS[0]
    if not lowest <= f.words <= highest or f.digit_heavy or text.rstrip(_CLOSING_MARKS).endswith(_SENTENCE_ENDS):
        return False
    return not (has_url(text) or inner_sentence_end(text))


#: words; the longest headline of two sentences ("Brentmoor sacked their manager. Now what?").
TWO_SENTENCE_HEADLINE_MAX_WORDS = 20


def two_sentence_headline(text: str, f: LineFeatures) -> bool:
    """Whether a line may be a headline of two sentences: HEADLINE_WORDS words, at most
    TWO_SENTENCE_HEADLINE_MAX_WORDS, no figures table, no address, a sentence's end inside it (see
    :func:`inner_sentence_end`), and no comma, semicolon or colon at its end ("The city closed my
    streetcar stop and told me in a newsletter. That's not consultation", "Keep the late-night
    bus. It's the cheapest public safety program we have."). Captions and standfirsts cut short
    are shaped so too: such a line is the headline only right above a line shaped as a
    standfirst that the search found, or when no line is shaped as a headline (see
    :func:`find_headline`)."""
    lowest, _ = HEADLINE_WORDS
    if not lowest <= f.words <= TWO_SENTENCE_HEADLINE_MAX_WORDS or f.digit_heavy or has_url(text):
        return False
    return not text.rstrip(_CLOSING_MARKS).endswith((",", ";", ":")) and inner_sentence_end(text)


def find_headline(
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    removed: list[bool],
    context: DocumentContext,
    flagged_metadata: Collection[int] = (),
    credits: list[bool] | None = None,
) -> tuple[int, int]:
    """The positions of the document's headline and of its standfirst, each -1 when there is none
    (see the module's description). ``flagged_metadata`` holds the positions of the lines that a
    weak metadata rule flagged (a byline among them is no headline, see :func:`weak_byline`);
    ``credits`` marks the lines that credits rules removed (a photo's caption and credit may part
    the headline from its standfirst, see STANDFIRST_PAST_REMOVED)."""
    headline = -1
    first = context.first
    if first >= 0:
        best = far_best = float("-inf")
        far_headline = -1
        for position in range(max(first - HEADLINE_FAR_WINDOW, 0), first + 1):  # top first: ties go down
            f = features[position]
            if (
                removed[position] or position in context.data_run or context.listed[position]
                or not (
                    headline_shaped(texts[position], f)
                    or (f.heading and two_sentence_headline(texts[position], f))
                    or (
                        f.words > HEADLINE_WORDS[1] and headline_shaped(texts[position], f, LONG_HEADLINE_MAX_WORDS)
                        and standfirst_below(position, texts, classes, features, removed, first)
                    )
                )
                or (position in flagged_metadata and weak_byline(texts[position]))
            ):  # fmt: skip
                # (a recipe's ingredient, "20 cl de crème liquide entière", a point of a summary or a
                # review's pros and cons above the text are no headline)
                continue
            far = first - position > HEADLINE_WINDOW
            weight = min(f.words, HEADLINE_FULL_WORDS) - HEADLINE_DISTANCE_COST * (first - position)
            weight += MARKDOWN_HEADING_BONUS.get(f.heading, 0)
            # A standfirst above the story (a far candidate always has lines below it)
            standfirst = position + 1 < first and standfirst_below(position, texts, classes, features, removed, first)
            if far and not standfirst:
                if weight > far_best:  # only if no line qualifies (see below)
                    far_headline, far_best = position, weight
                continue
            # Farther up, only one of prose counts (the next teaser of a list of them reads as a
            # standfirst too).
            if standfirst and (not far or prose_standfirst_below(position, classes, features, removed, first)):
                weight += HEADLINE_STANDFIRST_BONUS
            if weight >= best:
                headline, best = position, weight
        if headline < 0:  # a headline of two sentences, the nearest within the window
            window = range(first, max(first - HEADLINE_WINDOW, 0) - 1, -1)
            shaped = [
                p for p in window
                if not removed[p] and not context.listed[p] and two_sentence_headline(texts[p], features[p])
            ]  # fmt: skip
            # ... with a standfirst right below it, before a far line without one; else after it
            headline = next((p for p in shaped if standfirst_below(p, texts, classes, features, removed, first)), -1)
            if headline < 0 and far_best >= FAR_HEADLINE_MIN_WEIGHT:
                headline = far_headline
            if headline < 0 and shaped:
                headline = shaped[0]
    standfirst = -1
    # A headline right above: this is its standfirst; unless a standfirst of prose sits right below
    # this one, which makes the line above a kicker ("2. Handball-Bundesliga, 24. Spieltag").
    if headline > 0 and not removed[headline - 1]:
        above = headline - 1
        found = features[headline]
        least = STANDFIRST_MIN_WORDS if found.terminal else STANDFIRST_UNPUNCTUATED_MIN_WORDS
        standfirst_shaped = found.words >= least
        if (
            (
                headline_shaped(texts[above], features[above])
                # (above a line shaped as a standfirst only: a banner or a caption above a headline is none)
                or (standfirst_shaped and two_sentence_headline(texts[above], features[above]))
            )
            and STANDFIRST_HEADLINE_MIN_WORDS <= features[above].words
            and not prose_standfirst_below(headline, classes, features, removed, first)
        ):
            headline, standfirst = above, headline
    # Else a standfirst right below the headline, above the story or opening it, past a caption or
    # a credit that the rules removed.
    if standfirst < 0 <= headline:
        below = headline + 1
        while credits is not None and below < first and credits[below] and below - headline <= STANDFIRST_PAST_REMOVED:
            below += 1
        if standfirst_below(below - 1, texts, classes, features, removed, first):
            standfirst = below
    return headline, standfirst
