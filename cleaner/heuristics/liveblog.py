"""A live blog's entry times: the time stamps ("17:41", "9.30 a.m.", "14h32") that head its entries,
which are the blog's text."""

from __future__ import annotations

import re

from .features import LineFeatures

# A time of day alone on a line: "21:15 Uhr", "17:41", "10:58pm", "9.30 a.m.", "14h32", "12:47 CET",
# "13:48 hrs.", "11:30 hs", maybe with the day after it: "8:09 p.m. ET, March 11, 2025", "18:30, 11 de
# marzo", "09:15 11.03.2025".
_TIME_RE = re.compile(
    r"([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])(?: ?uhr| ?h| ?hrs?\.?| ?hs\.?| ?horas)?"
    r"(?: ?([ap])\.? ?m\.?)?(?: (?:[a-z]{2,4}))?"
    r"(?:,? (?:[^\W\d_]{3,9}\.? [0-9]{1,2}(?:, [0-9]{4})?"  # "March 11, 2025"
    r"|[0-9]{1,2}\.?(?: de)? [^\W\d_]{3,9}\.?(?:(?: de)? [0-9]{4})?"  # "11 March 2025", "11 de marzo de 2025"
    r"|[0-9]{1,2}[./-][0-9]{1,2}(?:[./-][0-9]{2,4})?))?",  # "11.03.2025", "11/03"
    re.IGNORECASE,
)
#: characters; the longest line that may hold a time of day with its day ("12:47 a.m. CEST,
#: September 30, 2025" has 35): a quick test before the regex.
TIME_MAX_CHARS = 40
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
    them). A stray time elsewhere (a clock in the page's header) ends a run, not the blog; one
    between two entries, far from both (a clip's length), is passed over (see
    :func:`_longest_ordered_run`). The durations of a list of clips ("01:45", "09:09", "01:52") are in no order; a TV
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
    """``(position, minute of the day)`` of each line that holds a time of day alone, or with its day
    after it (see _TIME_RE)."""
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


def _way(before: int, after: int) -> int | None:
    """The way from one minute of the day to the next: 0 the same minute, 1 later, -1 earlier (round
    the clock, at most ENTRY_MAX_STEP apart), None a jump."""
    step = (after - before) % DAY_MINUTES
    if not step:
        return 0
    if step <= ENTRY_MAX_STEP:
        return 1
    return -1 if step >= DAY_MINUTES - ENTRY_MAX_STEP else None


def _longest_ordered_run(stamps: list[tuple[int, int]]) -> list[int]:
    """The positions of the longest run of consecutive ``(position, minute of the day)`` stamps that
    go one way round the clock (see :func:`entry_times`), with at least one step that is no
    repeat. A stray time between two stamps of a run (a video's length, "01:12", between two
    entries), far from both, is left out of it when the stamp after it goes on the run's way."""
    best: list[int] = []
    run: list[int] = []
    last = 0  # the minute of the run's last stamp
    way = 0  # +1 later, -1 earlier, 0 not known yet
    moved = False
    for k, (position, minute) in enumerate(stamps):
        if not run:
            run, last, way, moved = [position], minute, 0, False
            continue
        here = _way(last, minute)
        if here is not None and not (here and way and here != way):
            run.append(position)
            last, way, moved = minute, way or here, moved or bool(here)
            continue
        # A jump right after the run's last stamp is a stray time when it jumps to the stamp after
        # it too, and that one goes on the run's way.
        if here is None and run[-1] == stamps[k - 1][0] and k + 1 < len(stamps):
            after = _way(last, stamps[k + 1][1])
            if (
                after is not None and not (after and way and after != way)
                and _way(minute, stamps[k + 1][1]) is None
            ):  # fmt: skip
                continue
        if moved and len(run) > len(best):
            best = run
        # A step the wrong way starts a new run at the run's last stamp; a jump, at this one.
        run, way, moved = ([run[-1], position], here, True) if here else ([position], 0, False)
        last = minute
    if moved and len(run) > len(best):
        best = run
    return best
