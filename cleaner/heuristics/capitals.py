"""Headlines in capitals inside a story: links to other stories that some sites print in upper
case between the paragraphs ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"). An
article's own subheadings in capitals are short ("WHAT YOU NEED TO MAKE JAM", "WHO IS THE
FRONT-RUNNER?"), and its prose is not written so."""

from __future__ import annotations

from .features import LineFeatures, count_letters

#: words; the fewest that a line in capitals must have to be read as a headline. On the
#: development set the articles' subheadings in capitals have 3-7 words, the teasers 6-17.
SHOUTED_MIN_WORDS = 8
#: upper-case letters / letters at or above which a line is in capitals ("AMAs" in one is fine).
SHOUTED_UPPER_SHARE = 0.9
#: the largest share of a document's lines of SHOUTED_MIN_WORDS words or more that may be in
#: capitals: beyond it the document itself is written so (an old wire feed, a notice).
SHOUTED_MAX_SHARE = 1 / 3


def shouted(text: str, f: LineFeatures) -> bool:
    """Whether the line is a headline in capitals: SHOUTED_MIN_WORDS words or more, no sentence
    end, no list item or table row, not mostly digits, and SHOUTED_UPPER_SHARE of its letters in
    upper case."""
    if f.words < SHOUTED_MIN_WORDS or f.terminal or f.bullet or f.digit_heavy:
        return False
    letters, upper = count_letters(text)
    return letters > 0 and upper >= SHOUTED_UPPER_SHARE * letters


def shouted_headlines(texts: list[str], features: list[LineFeatures]) -> list[int]:
    """Positions of the headlines in capitals (see :func:`shouted`), unless they are more than
    SHOUTED_MAX_SHARE of the document's lines of SHOUTED_MIN_WORDS words or more."""
    long = [position for position, f in enumerate(features) if f.words >= SHOUTED_MIN_WORDS]
    out = [position for position in long if shouted(texts[position], features[position])]
    return out if len(out) <= SHOUTED_MAX_SHARE * len(long) else []
