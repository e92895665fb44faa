"""Lines that capitals give away: headlines of other stories that some sites print in upper case
between the paragraphs ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"; an article's own
subheadings in capitals are short, "WHAT YOU NEED TO MAKE JAM", "WHO IS THE FRONT-RUNNER?", and its
prose is not written so), and a photo's caption closed by its credit in capitals ("Vecinos
caminan por una calle anegada en Algemesí. EFE")."""

from __future__ import annotations

import re

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
    end, no list item or table row (nor cells split by tabs or bars), not mostly digits, no
    lower-case letter in its last 16 characters and SHOUTED_UPPER_SHARE of its letters in upper
    case."""
    # The closing characters first: a C-level test that spares counting most lines' letters.
    if f.words < SHOUTED_MIN_WORDS or f.terminal or f.bullet or f.digit_heavy or not text[-16:].isupper():
        return False
    if "\t" in text or " | " in text:
        return False
    letters, upper = count_letters(text)
    return letters > 0 and upper >= SHOUTED_UPPER_SHARE * letters


def shouted_headlines(texts: list[str], features: list[LineFeatures]) -> list[int]:
    """Positions of the headlines in capitals (see :func:`shouted`) but those right below a line
    that ends with a colon (what a sign or a clause read: "The placard read:"), unless they are
    more than SHOUTED_MAX_SHARE of the document's lines of SHOUTED_MIN_WORDS words or more."""
    out = [
        position
        for position, f in enumerate(features)
        if f.words >= SHOUTED_MIN_WORDS and not f.terminal and shouted(texts[position], f)
        and not (position > 0 and texts[position - 1].endswith(":"))
    ]
    if not out:
        return out
    long = sum(1 for f in features if f.words >= SHOUTED_MIN_WORDS)
    return out if len(out) <= SHOUTED_MAX_SHARE * long else []


#: words; the longest line read as a photo's caption with its credit (see :func:`credited_caption`):
#: a paragraph that a wire's name closes ("... to sneak into the US. PTI") is the article's.
CAPTION_MAX_WORDS = 30
#: The credit: one to four words in capitals after the caption's last sentence ("... service.
#: ALAMY", "... Carlos III. MIKEL ARANA", "... Algemesí. EFE").
_CREDIT_TAIL = re.compile(r"[.)»”\"] +([^\W\d_]+(?:[ .'’-][^\W\d_]+){0,3})\s*$")
#: A sentence's end inside a line: a paragraph, not a caption of one sentence.
_SENTENCE_BREAK = re.compile(r"[.!?] +[^\W\d_]")
#: The same in Chinese and Japanese, whose sentences are not parted by a space.
_CJK_STOP = re.compile(r"[。！？]")
#: letters; the fewest upper-case letters in a credit.
CREDIT_MIN_LETTERS = 3
#: Indian news wires whose name closes the paragraphs of the stories that sites run from them
#: ("... the ministry said in a statement. PTI"): such a line is a paragraph, never a caption.
PARAGRAPH_WIRES = frozenset({"PTI", "IANS", "ANI", "UNI"})
#: captions with their credit; a document with more is a listing (a TV guide's picks, each closed
#: by its channel), not a story with a picture or two.
CAPTIONS_MAX = 2
#: words; the longest caption whose credit stands on the line below it (see :func:`caption_shaped`):
#: such captions on the documents written to real layouts have 3 to 19 words; a paragraph of one
#: sentence between share buttons and the next picture's credit had 26 (generated documents).
CAPTION_ABOVE_MAX_WORDS = 20
#: A caption shows, it reports no speech: a line that says who said or told something is a
#: paragraph that a wire's name closes ("... officials told reporters in New Delhi on Monday. PTI").
_REPORTED = re.compile(r"\b(?:said|says|told|tells|according to)\b", re.IGNORECASE)


def credited_caption(text: str, f: LineFeatures) -> bool:
    """Whether the line is a photo's caption with its credit in capitals after it: at most
    CAPTION_MAX_WORDS words, one sentence in mixed case, then one to four words in capitals
    (CREDIT_MIN_LETTERS letters or more) that end the line ("Varela celebra el 2-1 en El Molinón.
    LALIGA"; not a wire of PARAGRAPH_WIRES), and no speech reported in it (English's "said", "told", "according to": a wire's
    name closes a paragraph so, "... officials told reporters on Monday. PTI"). A wire's name
    closes an article's last paragraph so too ("... into the US. PTI"): the caller spares that one,
    and a document with more than CAPTIONS_MAX (a listing)."""
    tail = text.rstrip()
    if f.words > CAPTION_MAX_WORDS or f.terminal or not tail[-1:].isupper():
        return False
    match = _CREDIT_TAIL.search(text)
    if match is None:
        return False
    credit, caption = match.group(1), text[: match.start() + 1]
    if credit.upper() != credit or sum(map(str.isupper, credit)) < CREDIT_MIN_LETTERS or credit in PARAGRAPH_WIRES:
        return False
    # One sentence, not in capitals itself ("VOLKSWAGEN ID. SPACE VIZZION CONCEPT"), no speech.
    return (
        caption.upper() != caption
        and not _SENTENCE_BREAK.search(caption[:-1])
        and not _REPORTED.search(caption)
    )


def caption_shaped(text: str, f: LineFeatures) -> bool:
    """Whether a line reads as a photo's caption whose credit stands on the line below (see
    :func:`cleaner.decide._captions_above_credits`): at most CAPTION_ABOVE_MAX_WORDS words, one sentence
    that ends the line (or none), no question, no colon at its end, no speech reported in it ("...,
    police said.": a paragraph)."""
    if f.words > CAPTION_ABOVE_MAX_WORDS or f.bullet:
        return False
    line = text.rstrip()
    return (
        not line.endswith(("?", ":", "?»", "?”", '?"'))
        and not _SENTENCE_BREAK.search(line[:-1])
        and not _CJK_STOP.search(line[:-1])
        and not _REPORTED.search(line)
    )
