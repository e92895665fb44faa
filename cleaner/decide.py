"""Turn rule matches and line measurements into removal decisions, with context.

1. Rules: a decisive rule match (weight 1) removes its line, or trims its tail. A line that
   restates the document in one line (see :func:`heuristics.repetition.restated`) goes too.
2. Analysis: the main text is located (see :mod:`heuristics.context`); a label that ends the
   article marks the tail: a comment label, a rights notice or a disclaimer after enough prose
   and after the main text's start, a related or newsletter label or a bare copyright mark after
   its end (each a line shaped as a label or notice, unless it sits near the main text's end),
   and failing those, the document's headline repeated after the main text with a list below it
   (latest posts).
3. Heuristics: every line that is not prose inside the main text gets a boilerplate score from
   the line model (:mod:`heuristics.scoring`), blended with its neighbours' scores; at or above
   the profile's threshold it goes.
   The document's own headline (the longest line shaped as one among the HEADLINE_WINDOW lines
   above the main text, nearer lines weighing more, and one with a standfirst below it more;
   see :func:`~heuristics.headline.headline_shaped`) is never
   scored away, nor a standfirst right below it, nor a live blog's entry times and the first line
   of each entry (see :func:`heuristics.liveblog.entry_times`), nor the lines of the article's
   lists and boxes of data (``DocumentContext.listed``: a list that a line ending with a colon
   introduces, a numbered list that runs on past the main text, a box of "key: value" lines, a
   run of results below the text), nor a short closing sentence that only rule-removed lines
   part from the main text.
4. Context: everything after a comment-section label that ends the article goes as one block
   (``tail-block``); a short line between two removed lines goes too (``wedged``), and so does a
   longer one that is no long prose (nor a sentence of BOX_PITCH_MAX_WORDS words) between two
   lines of one box (newsletter, paywall, cookies) that two different rules removed, and the name
   and blurb between the removed lines of a sign-up box (see :func:`signup_box_lines`), and any
   line between two legal notices (see :func:`between_legal_notices`). The teasers of a related
   box that the main text bridges or holds go (``related-box``, see :func:`_box_teasers` and
   :func:`_inner_boxes`). Other
   stories' excerpts cut short with an ellipsis go (``excerpts``, see :mod:`heuristics.excerpts`),
   and so do their headlines in capitals (``capitals``), a photo's caption with its credit in
   capitals (``caption``, see :mod:`heuristics.capitals`) and a bare link to the page itself
   (``own-link``, see :func:`heuristics.repetition.own_links`), each judged among the lines kept
   so far in each pass.
5. Fixed point: steps 2-4 run again on the lines kept so far, as a second cleaning of the output
   would, until a pass sees only lines that stay (at most MAX_PASSES passes).
6. Budget: heuristics never empty a document, nor take more than HEURISTIC_SENTENCE_BUDGET of
   the words of its sentence lines (a comment section after its label does not count: an open
   thread can outweigh the post). If they would, they remove nothing: only the rules act.

Every decision carries an :class:`~cleaner.model.Evidence`; nothing is removed without one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate, compress
from typing import NamedTuple

from .config import CleanerConfig
from .heuristics.about_boxes import about_boxes
from .heuristics.bylines import names_someone
from .heuristics.capitals import CAPTIONS_MAX, caption_shaped, credited_caption, shouted_headlines
from .heuristics.classes import GOOD, NEAR, STOP_SHARE_HIGH, sentence_line
from .heuristics.context import DocumentContext, document_context
from .heuristics.data_boxes import DATA_BOX_GAP
from .heuristics.datelines import dateline_positions
from .heuristics.excerpts import EXCERPT_GAP, cut_short, excerpt_runs, may_hold_runs
from .heuristics.features import LineFeatures, measure_shape, sentence_cased
from .heuristics.headline import find_headline, headline_shaped
from .heuristics.lists import nearest_kept
from .heuristics.liveblog import ENTRY_TIMES_MIN, entry_times, time_lines
from .heuristics.related_boxes import RELATED_BOX_MAX_LINES, RELATED_BOX_SCAN_LINES
from .heuristics.repetition import echoes, own_links, restated, title_lines
from .heuristics.scoring import LineModel, context_values, line_model, local_values
from .heuristics.structures import verdict_side
from .heuristics.view import LineView
from .model import Evidence
from .rules.matcher import RuleMatch
from .rules.schema import Rule

#: Boilerplate score at or above which a line goes, per profile (the line's probability from the
#: line model blended with its neighbours', see NEIGHBOUR_WEIGHT). Calibrated on the development
#: set with benchmarks/quality.py over 0.5-0.9: ``default`` gives the best F1 on the recall and
#: ptags views together; ``conservative`` keeps recall on the recall view above 0.97.
SCORE_THRESHOLDS = {"default": 0.65, "conservative": 0.9}
#: share of a line's final score that comes from its neighbours' scores (mean of the lines just
#: above and below; rule-removed lines count 1, prose of the main text 0): boilerplate comes in
#: blocks. Calibrated with SCORE_THRESHOLDS (0, 0.2, 0.35, 0.5 tried).
NEIGHBOUR_WEIGHT = 0.35
#: what the document's headline (never scored) counts for as the neighbour below of the line right
#: above it: a section label or a byline sits there, and the headline is no evidence that it is
#: prose (as 0 it kept "LOCAL", "Courts", "Opinion" above headlines in the conservative profile;
#: 1 cost headlines in the next passes). Tried 0, 0.5, 1 on the development set and on realistic
#: documents: 0.5 lost no article line.
HEADER_SCORE_ABOVE = 0.5
#: share of the words of sentence lines (lines that end with sentence punctuation) that the
#: heuristics may remove from one document. The largest share on the development set is 0.88
#: (a ptags view made mostly of teasers); a document of short sentences around one paragraph
#: would otherwise lose nearly all of them. The lines of a comment section that a rule's label
#: opens after the main text has begun (``tail-block``) are not counted: a short post with a long
#: thread of comments is common, and the label is evidence of its own.
HEURISTIC_SENTENCE_BUDGET = 0.9
#: passes over the kept lines before the decision stands (each pass sees what the previous kept).
#: With 10, three development documents were still losing a line per pass at the limit; with 20,
#: none (benchmarks/idempotence.py).
MAX_PASSES = 20
#: words; the longest line that context alone (wedged between removed lines) may remove.
WEDGED_MAX_WORDS = 12
#: words; a line ending a sentence with at least this many words is not ambiguous: context alone
#: never removes it.
WEDGED_SENTENCE_MIN_WORDS = 4
#: categories of boxes: a line that is no long prose (not ``good``), between two lines that two
#: different rules of one of these categories removed, belongs to the box (the pitch of a
#: newsletter box between its heading and its form). Ad labels, credits (and the copyright marks
#: of photo credits) and related links are left out: they sit between paragraphs of the article;
#: so is one promo repeated (the same rule above and below).
BOX_CATEGORIES = frozenset({"newsletter", "paywall", "cookies"})
#: words; a sentence of prose this long between two lines of one box is the article's, not the
#: box's pitch ("Get the day's big stories and the fun stuff you love, like mock drafts, picks and
#: power rankings." has 18).
BOX_PITCH_MAX_WORDS = 20
#: categories of the lines that rules removed which may sit between the article's paragraphs around
#: a sign-up box (see :func:`~heuristics.related_boxes.bridged_signup_box`): another box's lines
#: and ads; a menu's or a related box's label ends the article's lines there.
PASSABLE_CATEGORIES = BOX_CATEGORIES | {"ads"}
#: words; a line that only a copyright-mark rule removed is a legal notice (see
#: :func:`_legal_notice`) from this length on, or with a year; shorter ones ("© Getty Images")
#: are photo credits, which sit between the article's paragraphs.
LEGAL_NOTICE_MIN_WORDS = 6
#: rules that remove a line for its copyright mark alone (photo credits carry the mark too).
COPYRIGHT_MARK_RULES = ("common.copyright.symbol-start", "common.copyright.symbol-year")
_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}")
#: categories whose label lines end the article: what follows them is their section. A related or
#: newsletter label or a copyright mark inside the main text (a "Don't miss" box, a sign-up box or
#: a photo credit between paragraphs) or above it (a "Latest" tab of the page's menu) ends
#: nothing; a rights notice inside it does (a teaser deck after the site's notice reads as prose
#: and extends the main text). A newsletter box below the article: benchmarks/quality.py,
#: conservative ptags 0.841 -> 0.843, recall-view precision 0.956 -> 0.957, no page worse.
TERMINATOR_CATEGORIES = frozenset({"comments", "related", "copyright", "newsletter"})
#: share of the main text's sentences above a related label that the sentences below it may reach
#: for the label to end the article (see :func:`_article_ended`). Calibrated with
#: benchmarks/quality.py over 0.25-1 and without: 0.5 changes three development pages (fulltext
#: conservative F1 0.873 -> 0.874); counting teaser headlines as prose (0.5 or 1) cost ptags
#: conservative precision 0.797 -> 0.794.
RELATED_SENTENCES_AFTER = 0.5
#: share of the main text's prose above a line that the prose below it may reach for a rule that
#: acts at the article's end only (``where = "end"``) to remove it. 0 would ask for nothing below;
#: tried 0 and 0.25 (benchmarks/quality.py).
END_RULE_PROSE_AFTER = 0.25
#: words; the longest line that may end the article as a label or notice anywhere after the main
#: text's start (a sentence of the article that quotes a moderation policy or a disclaimer is
#: longer, or is long prose); a longer one ends it only near the main text's end (see
#: :func:`_near_main_end`).
TERMINATOR_MAX_WORDS = 25
#: words of prose (good and near lines) of the main text that must precede a terminator for it to
#: end the article (counted from the main text's start: a consent dialog's paragraphs above a
#: comment counter under the byline, "Reageer", end no article; held-out-11's full-page text); a
#: comment label or a rights notice must also come after the main text's start (a comment form
#: above the article in full-page text ends nothing), a related label or a copyright mark after its
#: end (see :func:`_earliest_end`). Calibrated with
#: benchmarks/quality.py over 20-100 (100 before; 60 and 40 gave the same figures, 20 less).
TAIL_MIN_PROSE_BEFORE = 60


@dataclass
class Decisions:
    """Per-line outcome: ``drop[i]`` removes line i, ``trim[i] = (cut, evidence)`` cuts its tail."""

    drop: dict[int, Evidence] = field(default_factory=dict)
    trim: dict[int, tuple[int, Evidence]] = field(default_factory=dict)


@dataclass
class Analysis:
    """Everything the heuristics know about one document's non-blank lines (by position)."""

    lines: list[int]  # line index of each position
    texts: list[str]  # stripped text
    features: list[LineFeatures]
    classes: list[str]
    removed: list[bool]  # removed by a decisive rule
    weak: list[bool]  # flagged by a weak rule
    context: DocumentContext
    terminator: int  # position of the label that ends the article, or -1
    comments: int  # position of the comment-section label that ends the article, or -1
    headline: int  # position of the document's own headline, or -1
    standfirst: int  # position of the headline's standfirst (the line right below it), or -1
    entry_times: frozenset[int]  # positions of a live blog's entry times (see context.entry_times)
    legal_prose: list[bool] | None  # between two legal notices (see between_legal_notices)
    closing: int  # position of the article's closing sentence (see closing_sentence), or -1
    # (label, listed) of the related labels below the main text that a box of the article's lists
    # follows, at ``listed`` (see _listed_below): the label ends nothing, its teasers go.
    boxes_before_lists: tuple[tuple[int, int], ...] = ()
    related_labels: tuple[int, ...] = ()  # positions of the labels of related boxes (see _inner_boxes)
    # Kept across the passes of one decision, by line index: the line-local feature values
    # (measured once per line) and their weighted sums under the decision's model.
    local: dict[int, tuple[float, ...]] = field(default_factory=dict)
    local_sums: dict[int, float] = field(default_factory=dict)

    def local_values(self, position: int) -> tuple[float, ...]:
        """The line's values of the features of the line alone (its shape is measured here)."""
        index = self.lines[position]
        values = self.local.get(index)
        if values is None:
            shape = measure_shape(self.texts[position])
            values = self.local[index] = local_values(self.features[position], shape, self.classes[position])
        return values

    def vector(self, position: int) -> tuple[float, ...]:
        """The line's feature values, in the order of :data:`~heuristics.scoring.NAMES`."""
        return self.local_values(position) + context_values(
            position, self.features, self.classes, self.context, self.removed, self.weak, self.terminator
        )

    def scorer(self, model: LineModel) -> Callable[[int], float]:
        """A function that gives ``model``'s score of the line at a position, as
        ``model.score(self.vector(position))`` would, faster."""
        in_context = model.context_scorer(
            self.features, self.classes, self.context, self.removed, self.weak, self.terminator
        )

        def score(position: int) -> float:
            index = self.lines[position]
            local = self.local_sums.get(index)
            if local is None:
                local = self.local_sums[index] = model.local_sum(self.local_values(position))
            return in_context(local, position)

        return score

    def protected(self) -> set[int]:
        """Positions the heuristics never remove: the document's headline and standfirst, and a
        live blog's entry times with the first line of each entry (its headline or first
        paragraph: without it, a stamp heads nothing, and a second cleaning would find no blog)."""
        return ({self.headline, self.standfirst} - {-1}) | self.entry_times | {p + 1 for p in self.entry_times}

    def candidates(self) -> list[bool]:
        """Whether the line model may judge each line.

        Prose inside the main text (a ``good`` line, or a ``near`` one that ends a sentence) and
        the lines the context lists (see :attr:`~heuristics.context.DocumentContext.listed`: the
        items of a list of data that the main text introduces, "Tour dates:" and the dates; a
        list that the main text introduces and goes on after, with its heading; a numbered list
        that runs on past it; a box of data) are exempt, unless they follow the label that ends
        the article (a comment section, a related-stories block) or repeat another line of the
        document (a box's own heading may: a tab of the page repeats "Line-ups"); so are a short
        closing sentence that only rule-removed lines part from the main text
        (:meth:`_closing_sentence`) and the main text's subheadings (:meth:`_subheadings`).
        """
        context, terminator = self.context, self.terminator
        first, last, listed, repeated = context.first, context.last, context.listed, context.repeated
        not_prose = context.not_prose  # (a box of facts: its heading may repeat a tab's label, "Line-ups")
        out = [
            not (listed[position] or (first <= position <= last and sentence_line(cls, f)))
            or 0 <= terminator < position
            or (repeated[position] and position not in not_prose)
            for position, (cls, f) in enumerate(zip(self.classes, self.features))
        ]
        closing = self._closing_sentence()
        if closing >= 0:
            out[closing] = False
        for position in self._subheadings():
            out[position] = False
        return out

    def _subheadings(self) -> list[int]:
        """The positions of the main text's subheadings: a line inside the main text, before any
        label that ends the article, that no rule flagged and no other line repeats, ending no
        sentence (a question or a colon may end it: "What happens next?", "In short:"), of two to
        SUBHEADING_MAX_WORDS words in sentence case (see :func:`~heuristics.features.sentence_cased`)
        or in capitals (see :func:`_capitals_heading`; two or more such), or one capitalised word of
        letters, not in capitals ("Background", "Staugefahr"; see :func:`_one_word_heading`); right
        above a line of prose, of prose that opens a list with a colon, or of the article's lists
        and boxes (see :attr:`~heuristics.context.DocumentContext.listed`: "Method" between the
        ingredients and the steps), and below one, maybe past lines that rules removed (an ad label,
        a sign-up box and its title if the rules left it) or a related box that the main text bridges (see
        :func:`~heuristics.context.document_context`). Page chrome inside an article is
        title-shaped ("Read More", "Related Articles", "ADVERTISEMENT") or the rules'."""
        context, classes, features, texts, removed = self.context, self.classes, self.features, self.texts, self.removed
        out = []
        end = context.last if self.terminator < 0 else min(context.last, self.terminator)
        boxed = {p: label for label, stop in context.related_boxes for p in range(label + 1, stop)}  # line -> label
        boxed.update((p, label) for label, stop in context.signup_boxes for p in range(label + 1, stop + 1))
        listed = context.listed
        capitals = []  # subheadings in capitals count only two or more together
        for position in range(context.first + 1, end):
            f = features[position]
            text = texts[position]
            if (
                f.words > SUBHEADING_MAX_WORDS or removed[position] or self.weak[position]
                or context.repeated[position] or sentence_line(classes[position], f)
                or (f.terminal and not text.endswith("?"))
            ):  # fmt: skip
                continue
            in_capitals = _capitals_heading(text, f)
            if not (in_capitals or sentence_cased(text) or _one_word_heading(text)):
                continue
            # The section's text follows its subheading right away; the lines above may hold an ad
            # or a sign-up box. (Looking past removed lines below too kept "Passer la publicité"
            # and a video's "Bekijk de samenvatting" above an ad or a player.)
            above, below = nearest_kept(removed, position - 1, -1), position + 1
            if above in boxed:  # a related or sign-up box above: the paragraph above it
                above = nearest_kept(removed, boxed[above] - 1, -1)
            elif 0 <= above < position - 1 and (
                features[above].title  # a sign-up box's kept title
                # or a video player's title between its label and its duration ("Vidéo", "Les treize
                # desserts de Noël expliqués en une minute", "01:34")
                or (above > 0 and removed[above - 1] and not sentence_line(classes[above], features[above]))
            ):
                above = nearest_kept(removed, above - 1, -1)  # over the lines that rules removed
            if (
                context.first <= above and not removed[below]
                and (sentence_line(classes[above], features[above]) or listed[above])
                and (
                    sentence_line(classes[below], features[below]) or listed[below]
                    or _opens_list(texts[below], classes[below])
                )
            ):  # fmt: skip
                (capitals if in_capitals else out).append(position)
        return sorted(out + capitals) if len(capitals) >= CAPITALS_HEADINGS_MIN else out

    def _closing_sentence(self) -> int:
        """The position of the article's closing sentence (see :func:`closing_sentence`) when no
        label that ends the article comes before it, or -1."""
        return -1 if 0 <= self.terminator < self.closing else self.closing


def _opens_list(text: str, cls: str) -> bool:
    """Whether a ``near`` line opens a list with a colon ("Under the plan, the city would have:"; a
    ``good`` one is a sentence line already)."""
    return cls == NEAR and text.endswith(":")


def closing_sentence(
    context: DocumentContext, texts: list[str], removed: list[bool], features: list[LineFeatures]
) -> int:
    """The position of a sentence that only lines removed by rules, and a sign-up box's lines that
    the rules left between its labels (see :func:`signup_box_lines`), part from the end of the main
    text ("The warning covers the coast." after an ad label or a sign-up box), or -1.

    When it is too short to count as prose, the main text stops before the removed lines; yet it
    reads as the article's last sentence: it ends a sentence, has at least
    WEDGED_SENTENCE_MIN_WORDS words, stopwords as prose has them, no label shape, and is no date
    stamp (opening with a figure, digit-heavy: "17 luglio 2025 (modifica il 17 luglio 2025 |
    08:12)"; "The plant will open in 2026." is a sentence).
    """
    if context.first < 0:
        return -1
    position = context.last + 1
    boxed = signup_box_lines(context, features)
    while position < len(removed) and (removed[position] or position in boxed):
        position += 1
    if position == context.last + 1 or position == len(removed):
        return -1
    f = features[position]
    stamp = f.digit_heavy and texts[position][:1].isdigit()
    sentence = f.terminal and f.words >= WEDGED_SENTENCE_MIN_WORDS and not (f.title or f.bullet or stamp)
    if sentence and not context.repeated[position] and (f.stop_share is None or f.stop_share >= STOP_SHARE_HIGH):
        return position
    return -1


def signup_box_lines(context: DocumentContext, features: list[LineFeatures]) -> set[int]:
    """The positions of the lines that the rules left between a sign-up box's first and last
    removed lines (see :func:`~heuristics.related_boxes.signup_boxes`): its name, an unpunctuated
    blurb; not a sentence nor a list item (between one promo repeated, "Sign up for our
    newsletter", they are the article's: "He denied the charges.", "- Bus fares frozen")."""
    return {
        position
        for first, last in context.signup_boxes
        for position in range(first + 1, last)
        if not (features[position].terminal or features[position].bullet)
    }


def rule_evidence(match: RuleMatch) -> Evidence:
    rule = match.rule
    return Evidence("rule", rule.id, rule.category, rule.weight, rule.reason)


def apply_rules(matches: list[RuleMatch]) -> tuple[Decisions, dict[int, RuleMatch]]:
    """Decisions of the decisive rules, and the weak matches by line. The matches of rules that
    apply in one place only (``where = "end"`` or ``"below-start"``) wait for the main text
    (:func:`_placed_rules`)."""
    out = Decisions()
    weak: dict[int, RuleMatch] = {}
    for match in matches:  # disabled rules are not compiled in the first place (Cleaner)
        rule = match.rule
        if rule.where != "anywhere":
            continue
        if rule.weight < 1.0:
            weak.setdefault(match.line, match)
        elif match.trim_from is None:
            out.drop.setdefault(match.line, rule_evidence(match))
            out.trim.pop(match.line, None)
        elif match.line not in out.drop:
            old = out.trim.get(match.line)
            if old is None or match.trim_from < old[0]:
                out.trim[match.line] = (match.trim_from, rule_evidence(match))
    return out, weak


def analyse(
    lines: list[int],
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    matches: list[RuleMatch],
    rule_decisions: Decisions,
    weak: dict[int, RuleMatch],
    local: dict[int, tuple[float, ...]] | None = None,
    local_sums: dict[int, float] | None = None,
    datelines: frozenset[int] | None = None,
    stamps: frozenset[int] | None = None,
    related_boxes: bool = True,
) -> Analysis:
    """What the heuristics know about the lines (``datelines``: the line indexes that open with a
    news dateline, ``stamps`` those of a live blog's entry times; both found here when not
    given). ``related_boxes``: whether a box of teasers between two paragraphs is bridged by the
    main text (see :func:`~heuristics.context.document_context`; its teasers then go as the box's,
    see :func:`_box_teasers`). In both profiles: against the default profile alone, on the
    documents written to real layouts the conservative profile kept 1,476 -> 1,314 boilerplate
    lines and lost 40 -> 34 article lines, and its development-set F1 rose (ptags 0.856 -> 0.857,
    fulltext 0.891 -> 0.892)."""
    drop = rule_decisions.drop
    removed = [index in drop for index in lines]
    legal_prose = between_legal_notices(lines, texts, features, drop)
    if datelines is None:
        datelines = frozenset(lines[p] for p in dateline_positions(texts, features))
    dated = [index in datelines for index in lines] if datelines else None
    # A related box's label stands alone on its line ("You'll also love"); a prompt with its teaser
    # ("Also Read | ...") is a box of one line. An ad label alone on its line ("Advertisement",
    # "Anzeige") sits between an article's paragraphs.
    labels = _label_lines(lines, matches, drop, "related") if related_boxes else None
    ads = _label_lines(lines, matches, drop, "ads")
    # So does a media player's label ("Video", "Now playing", "01:49 Min."): a player sits between an
    # article's paragraphs as an ad does. (Not a credit that a copyright rule removed, "© Reuters":
    # a rights line ends an article as often.)
    media = _label_lines(lines, matches, drop, "credits")
    if media is not None:
        media = [
            found and f.words <= MEDIA_LABEL_MAX_WORDS and drop[index].category == "credits"
            for found, f, index in zip(media, features, lines)
        ]  # fmt: skip
        ads = media if ads is None else [ad or label for ad, label in zip(ads, media)]
    # The lines that newsletter rules removed (a sign-up box's labels, pitch and form), and those
    # that rules of a box's category or ad rules removed (a box's consent line, an ad label): the
    # article's lines around a sign-up box may hold the latter (see document_context).
    rule_categories = [
        drop[index].category if index in drop and drop[index].source == "rule" else "" for index in lines
    ]  # fmt: skip
    signups = [category == "newsletter" for category in rule_categories]
    passable = [category in PASSABLE_CATEGORIES for category in rule_categories]
    if stamps is None:
        entry_positions = frozenset(entry_times(texts, features))
    else:
        entry_positions = frozenset(position for position, index in enumerate(lines) if stamps and index in stamps)
    context = document_context(
        texts, features, classes, removed, legal_prose, dated, labels, ads, entry_positions, signups, passable
    )  # fmt: skip
    if not any(context.first <= position <= context.last for position in entry_positions):
        entry_positions = frozenset()  # stamped teasers beside the article ("Latest news"), a TV guide: no blog
    position_of = {index: position for position, index in enumerate(lines)}
    # The article's end, counting a closing sentence below lines that the rules removed: a sign-up
    # box or a photo credit above it sits inside the article and ends nothing. (A related label
    # above one sentence is a teaser's: it still ends the article.)
    closing = closing_sentence(context, texts, removed, features)
    closing_end = max(context.last, closing)
    terminator = comments = -1
    held_open: list[tuple[int, int]] = []
    related = any(match.rule.category == "related" for match in matches)
    sentences_before = _sentences_before(classes, features) if related else []
    for match in matches:
        rule = match.rule
        position = position_of.get(match.line, -1)
        if position < 0:
            continue  # a line the heuristics do not see (a Markdown image, an underline)
        if (
            rule.category in TERMINATOR_CATEGORIES
            and removed[position]
            and (rule.mode == "line" or rule.category in ("comments", "copyright"))
            and (_label_shaped(classes[position], features[position]) or _near_main_end(context, position))
            and context.prose_before[position] - context.prose_before[max(context.first, 0)] >= TAIL_MIN_PROSE_BEFORE
            and position > _earliest_end(rule, context, closing_end)
            and (rule.category != "related" or _article_ended(context, position, sentences_before))
        ):
            listed = _listed_below(context, removed, position) if rule.category == "related" else -1
            if listed >= 0:
                held_open.append((position, listed))
                continue
            if terminator < 0:
                terminator = position
            if rule.category == "comments":
                comments = position
                break
    flagged = [position_of[i] for i, match in weak.items() if match.rule.category == "metadata" and i in position_of]
    credits = [category == "credits" for category in rule_categories]
    headline, standfirst = find_headline(texts, features, classes, removed, context, flagged, credits)
    if headline >= 0 and terminator < 0:  # the headline again after the article: a list of posts
        title = texts[headline]
        repeat = next((p for p in range(context.last + 1, len(texts)) if texts[p] == title), -1)
        if repeat >= 0 and _list_follows(features, repeat):
            terminator = repeat
    return Analysis(
        lines, texts, features, classes, removed, [index in weak for index in lines], context, terminator, comments,
        headline, standfirst, entry_positions, legal_prose, closing, tuple(held_open),
        tuple(compress(range(len(lines)), labels)) if labels else (),
        {} if local is None else local, {} if local_sums is None else local_sums,
    )  # fmt: skip




def _label_lines(
    lines: list[int], matches: list[RuleMatch], drop: dict[int, Evidence], category: str
) -> list[bool] | None:
    """Which of ``lines`` a whole-line rule of ``category`` matched and the rules removed, or None
    when there is none."""
    found = {m.line for m in matches if m.rule.category == category and m.rule.mode == "line"}
    return [index in found and index in drop for index in lines] if found else None


#: words; the longest line that a whole-line credits rule removed that counts neither way in the
#: main-text sum, as an ad label does: a media player's label or duration ("Video", "Now playing",
#: "01:49 Min."), not a caption with its credit. On benchmarks/inserted_boxes.py, a video player
#: (title, duration, "Now playing") cost 111 -> 64 (conservative) and 153 -> 84 (default) article
#: lines instead of cutting a short tail off the main text; on the documents written to real
#: layouts, 6 and 4 more boilerplate lines stayed over the 21 older sets, and held-out-20 kept a
#: live blog's summary above a player (lost 1 -> 0 and 6 -> 2). (All credits labels, whatever
#: their length, were tried before: they kept 9 and 6 more lines and gave back none. A credit that
#: a copyright rule removed, "© Reuters", is no such label: counted so, it no longer ended an
#: article above a sign-up box on the generated documents of a review.)
MEDIA_LABEL_MAX_WORDS = 4


#: words; the longest line that may be a subheading of the main text (see Analysis._subheadings).
SUBHEADING_MAX_WORDS = 6


#: letters; the shortest one-word subheading.
ONE_WORD_HEADING_MIN_LETTERS = 4


def _one_word_heading(text: str) -> bool:
    """Whether a line is one capitalised word of ONE_WORD_HEADING_MIN_LETTERS letters or more (an
    apostrophe or a hyphen inside: "L'app"), not all in capitals."""
    letters = text.replace("'", "").replace("’", "").replace("-", "")
    return (
        len(letters) >= ONE_WORD_HEADING_MIN_LETTERS and letters.isalpha() and text[0].isupper()
        and not text.isupper()
    )  # fmt: skip


def _capitals_heading(text: str, f: LineFeatures) -> bool:
    """Whether a line may be a subheading in capitals of two words or more ("AUSTRALIA AHEAD",
    "TOYOTA RAV4 PRIME", as news agencies write them)."""
    return f.words >= 2 and text.isupper()


#: lines; the fewest subheadings in capitals that the main text must hold for them to count (an
#: agency's story has several; one line in capitals between paragraphs is as often a sponsor's or
#: an app's label, "PAID PARTNER CONTENT", "DOWNLOAD OUR APP NOW").
CAPITALS_HEADINGS_MIN = 2


#: lines; how many lines below a repeated headline show whether a list of posts follows it.
LIST_LOOKAHEAD = 6


def _list_follows(features: list[LineFeatures], position: int) -> bool:
    """Whether a list follows a position: two lines or more, at least half of the next
    LIST_LOOKAHEAD of them no sentence (headlines, bylines, dates), as a list of posts has them; a
    correction note or a paragraph below a repeated headline is no list."""
    below = features[position + 1 : position + 1 + LIST_LOOKAHEAD]
    sentences = sum(f.terminal and f.words >= WEDGED_SENTENCE_MIN_WORDS for f in below)
    return len(below) >= 2 and 2 * sentences <= len(below)


def _label_shaped(cls: str, f: LineFeatures) -> bool:
    """Whether a line reads as a label or a notice, not as a paragraph (that may quote one)."""
    return cls != GOOD and f.words <= TERMINATOR_MAX_WORDS


def _sentences_before(classes: list[str], features: list[LineFeatures]) -> list[int]:
    """Words of sentence lines (see :func:`~heuristics.classes.sentence_line`) strictly before
    each position, and in all at the end (one item more than there are lines)."""
    return list(accumulate(
        (f.words if sentence_line(cls, f) else 0 for cls, f in zip(classes, features)), initial=0
    ))  # fmt: skip


def _article_ended(context: DocumentContext, position: int, sentences_before: list[int]) -> bool:
    """Whether the sentences below a related label add up to at most RELATED_SENTENCES_AFTER of
    the main text's sentences above it (``sentences_before``: see :func:`_sentences_before`): a box
    of teasers inside an article that the main text search cut short (a ranking, a live blog, a
    match report with its line-ups) has the rest of the article below it."""
    below = sentences_before[-1] - sentences_before[position + 1]
    return below <= RELATED_SENTENCES_AFTER * (sentences_before[position] - sentences_before[context.first])


def _listed_below(context: DocumentContext, removed: list[bool], position: int) -> int:
    """The position of the first line of the article's lists or boxes of data (see
    :attr:`~heuristics.context.DocumentContext.listed`) within RELATED_BOX_MAX_LINES + DATA_BOX_GAP
    kept lines below a related label (and RELATED_BOX_SCAN_LINES lines in all), or -1: the box's
    teasers sit between the article and its box of facts ("Spielinfo", "Datos prácticos"), which
    the label does not end."""
    kept = 0
    for below in range(position + 1, min(len(removed), position + 1 + RELATED_BOX_SCAN_LINES)):
        if context.listed[below]:
            return below
        kept += not removed[below]
        if kept > RELATED_BOX_MAX_LINES + DATA_BOX_GAP:
            break
    return -1


def _near_main_end(context: DocumentContext, position: int) -> bool:
    """Whether the main text's prose below a position is at most END_RULE_PROSE_AFTER of its prose
    above it (a site's long legal footer paragraphs, at the end of what reads as main text)."""
    prose_before, first, last = context.prose_before, context.first, context.last
    end = prose_before[last + 1] if last + 1 < len(prose_before) else context.prose_total
    below = end - (prose_before[position + 1] if position + 1 < len(prose_before) else context.prose_total)
    return below <= END_RULE_PROSE_AFTER * (prose_before[position] - prose_before[first])


def _earliest_end(rule: Rule, context: DocumentContext, closing_end: int) -> int:
    """The position that a terminator label must come after to end the article. A comment label, a
    rights notice or a disclaimer ends it wherever it follows the main text's start; a related
    label ends it only after the main text (a "Don't miss" box sits between paragraphs), and a
    newsletter label or a copyright mark (photo credits carry one) only after the article's closing
    sentence too (``closing_end``: a sign-up box can sit above it)."""
    if rule.category == "related":
        return context.last
    if rule.category == "newsletter" or rule.id in COPYRIGHT_MARK_RULES:
        return closing_end
    return context.first


def decide(
    lines: list[int],
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    matches: list[RuleMatch],
    config: CleanerConfig,
    reasons: bool = True,
    language: str | None = None,
) -> Decisions:
    """Decide which lines (``lines`` are the indexes of the non-blank ones) to drop or trim.

    ``reasons=False`` leaves the one-line reason of a line-score removal empty (naming the
    features that pushed its score up costs about a tenth of the cleaning time). ``language`` is
    the document's (None: unknown), for the words that open a profile's heading (see
    :mod:`~heuristics.about_boxes`).

    The first pass sees every line; each further pass sees only the lines kept so far, as a
    second cleaning of the output would, until a pass sees no line that goes, neither one that
    the rules removed nor one that the pass removed (at most :data:`MAX_PASSES`). So cleaning a
    cleaned text again changes nothing, unless the budget guard undid the heuristics' removals
    on one of the two cleanings.
    """
    out, weak = apply_rules(matches)
    if not lines:
        return out
    # The rules' removals of lines that the heuristics do not see (Markdown images) are final.
    visible = set(lines)
    matches = [m for m in matches if m.line in visible]
    rule_trims = dict(out.trim)
    if not config.disables("restated"):
        for position in restated(texts, features):
            _drop_whole(out, lines[position], "restated", "repeats other lines of the document in one line")
        # (a media label or a caption: a breadcrumb that ends with the headline is no box of it)
        by_rules = [index in out.drop and out.drop[index].source == "rule" and out.drop[index].category == "credits"
                    for index in lines]  # fmt: skip
        if any(by_rules):
            for position, _ in echoes(texts, features, by_rules):
                _drop_whole(out, lines[position], "restated", ECHO_REASON, "credits", 0.8)
    bylines: frozenset[int] = frozenset()
    if weak and not config.disables("byline"):
        bylines = frozenset(lines[p] for p in _bylines(lines, texts, weak))
    positions = list(range(len(lines)))
    model = line_model()
    local: dict[int, tuple[float, ...]] = {}
    local_sums: dict[int, float] = {}
    datelines = frozenset(lines[p] for p in dateline_positions(texts, features))
    held: dict[int, Evidence] = {}  # entry times whose metadata rule removal is held back
    timed = len(time_lines(texts)) >= ENTRY_TIMES_MIN  # else no pass can find a live blog
    captions = frozenset() if config.disables("caption") else frozenset(
        lines[p] for p in positions if texts[p][-1:].isupper() and credited_caption(texts[p], features[p])
    )
    excerpts = not config.disables("excerpts") and may_hold_runs(texts)
    for _ in range(MAX_PASSES):
        sub_lines = [lines[p] for p in positions]
        sub_texts, sub_features = [texts[p] for p in positions], [features[p] for p in positions]
        stamps = frozenset(sub_lines[p] for p in entry_times(sub_texts, sub_features)) if timed else frozenset()
        _hold_entry_times(stamps, out, held)
        # The signals that weigh a line against the others are judged among the lines kept so
        # far, as a second cleaning sees them: the page's title, its own link, headlines in
        # capitals, runs of excerpts (a run may form as lines between cut ones go) and captions.
        open_positions = [p for p in positions if lines[p] not in out.drop]
        open_texts = [texts[q] for q in open_positions]
        if not config.disables("title"):
            for p in title_lines(open_texts):
                _drop_whole(out, lines[open_positions[p]], "title", TITLE_REASON)
        if not config.disables("own-link"):
            for p in own_links(open_texts):
                _drop_whole(out, lines[open_positions[p]], "own-link", OWN_LINK_REASON)
        open_features = [features[q] for q in open_positions]
        if excerpts:
            open_classes = [classes[q] for q in open_positions]
            for run in excerpt_runs(open_texts, open_features):
                if not _trails_off(run, open_texts, open_features, open_classes):
                    for p in run:
                        _drop_whole(out, lines[open_positions[p]], "excerpts", EXCERPTS_REASON, "related", 0.8)
        open_captions = captions.intersection(lines[p] for p in open_positions) if captions else captions
        marks = Marks(
            frozenset() if config.disables("capitals") else frozenset(
                lines[open_positions[p]] for p in shouted_headlines(open_texts, open_features)
            ),
            open_captions if len(open_captions) <= CAPTIONS_MAX else frozenset(),  # more: a listing
            bylines,
        )  # fmt: skip
        if len(positions) == len(lines):
            sub_matches = matches
        else:  # later passes: only the weak and placed matches of kept lines are left to see
            kept = set(sub_lines)
            sub_matches = [m for m in matches if m.line in kept and (m.line in weak or m.rule.where != "anywhere")]
        _one_pass(
            sub_lines, sub_texts, sub_features, [classes[p] for p in positions], sub_matches, weak, config, out,
            model, local, local_sums, reasons, datelines, stamps, language, marks,
        )  # fmt: skip
        kept_positions = [p for p in positions if lines[p] not in out.drop]
        if len(kept_positions) == len(positions) or not kept_positions:
            break  # this pass saw exactly the lines that stay: a second cleaning would too
        positions = kept_positions
    if _over_budget(lines, features, out):
        for index in lines:  # what only the heuristics would remove stays; the rules' trims hold
            if index in out.drop and out.drop[index].source != "rule":
                del out.drop[index]
                if index in rule_trims:
                    out.trim[index] = rule_trims[index]
    return out


TITLE_REASON = "the page's title: the headline with the site's name"
ECHO_REASON = "repeats part of a line next to it that a rule removed: that box's title or caption"
CAPITALS_REASON = "a long line in capitals with no sentence end: another story's headline"
CAPTION_REASON = "a photo's caption, its credit in capitals at the end"
SIGNUP_BOX_REASON = "inside a sign-up box, between two of its lines that the rules removed"
EXCERPTS_REASON = "cut short with an ellipsis, in a run of such lines: teasers of other stories"
OWN_LINK_REASON = "a link to the page itself: its address spells the headline"
BYLINE_REASON = "a byline that names someone: capitalised words after its first word"


def _bylines(lines: list[int], texts: list[str], weak: dict[int, RuleMatch]) -> list[int]:
    """The positions of the lines that a weak byline rule (``<lang>.metadata.byline...``, a whole
    line) flagged and that name someone (see :func:`~heuristics.bylines.names_someone`): "By
    Marisol Vega", "Par Julien Roussel", "Door Joris van Veen", wherever they sit (a live blog's
    entries have one each; a byline between the standfirst and the first paragraph sits inside
    the main text). "By the numbers" or "Par ici la sortie" stay evidence only."""
    out = []
    for index, match in weak.items():
        rule = match.rule
        byline_rule = ".byline" in rule.id or "-byline" in rule.id
        if rule.category != "metadata" or rule.mode != "line" or not byline_rule:
            continue
        position = bisect_left(lines, index)  # (``lines`` is sorted)
        if position < len(lines) and lines[position] == index and names_someone(texts[position]):
            out.append(position)
    return out


class Marks(NamedTuple):
    """Lines that a pass removes unless protected (see :func:`_marked_lines`), by their indexes."""

    shouted: frozenset[int]  # headlines in capitals (see :func:`~heuristics.capitals.shouted_headlines`)
    captions: frozenset[int]  # captions with their credit (see :func:`~heuristics.capitals.credited_caption`)
    bylines: frozenset[int] = frozenset()  # bylines that name someone (see :func:`_bylines`)


def _trails_off(run: list[int], texts: list[str], features: list[LineFeatures], classes: list[str]) -> bool:
    """Whether a run of excerpts (positions among ``texts``) is the article's own prose trailing off
    ("... o barulho das ondas...", a ruling quoted with "[…]"): its lines follow one another, each
    reads as prose, and a sentence of prose that is not cut short follows within EXCERPT_GAP lines.
    A list of teasers has their headlines between its excerpts, or ends the page, or runs into more."""
    if run[-1] - run[0] + 1 != len(run) or not all(classes[p] in (GOOD, NEAR) for p in run):
        return False
    end = run[-1]
    return any(
        sentence_line(classes[p], features[p]) and not cut_short(texts[p], features[p])
        for p in range(end + 1, min(end + 1 + EXCERPT_GAP, len(texts)))
    )


def _drop_whole(
    out: Decisions, index: int, name: str, reason: str, category: str = "metadata", score: float = 0.9
) -> None:
    """Drop line ``index`` for a context signal (``name``; a metadata line unless ``category``
    says otherwise), unless it goes already."""
    if index not in out.drop:
        out.drop[index] = Evidence("context", name, category, score, reason)
        out.trim.pop(index, None)


def _give_back_verdict_headings(lines: list[int], texts: list[str], analysis: Analysis, out: Decisions) -> None:
    """A heading of a review's pros and cons that a rule removed as a label alone (CNET's "Like"
    reads as a share button) is the box's, when the context lists the box (see
    :func:`~heuristics.structures.verdict_box`): the rule's removal is undone, so that the later
    passes, and a second cleaning, see the box whole."""
    listed, removed = analysis.context.listed, analysis.removed
    for position, index in enumerate(lines):
        if removed[position] and listed[position] and verdict_side(texts[position]):
            evidence = out.drop.get(index)
            if evidence is not None and evidence.source == "rule":
                del out.drop[index]


def _hold_entry_times(stamps: frozenset[int], out: Decisions, held: dict[int, Evidence]) -> None:
    """A live blog's entry times (``stamps``, line indexes found among the lines a pass sees) are
    part of it: a metadata rule's removal of one is held back, and comes back when a later pass,
    seeing fewer lines, finds no blog there any more (as a second cleaning of the output would)."""
    for index in stamps:
        evidence = out.drop.get(index)
        if evidence is not None and evidence.source == "rule" and evidence.category == "metadata":
            held[index] = out.drop.pop(index)
    for index in [index for index in held if index not in stamps]:
        out.drop[index] = held.pop(index)


def _over_budget(lines: list[int], features: list[LineFeatures], out: Decisions) -> bool:
    """Whether the heuristics would empty the document, or take most of its sentences."""
    if all(index in out.drop for index in lines):
        return any(evidence.source != "rule" for evidence in out.drop.values())
    sentences = removed = 0
    for index, f in zip(lines, features):
        if f.terminal:
            sentences += f.words
            evidence = out.drop.get(index)
            if evidence is not None and evidence.source != "rule" and evidence.name != "tail-block":
                removed += f.words
    return removed > HEURISTIC_SENTENCE_BUDGET * sentences


def _one_pass(
    lines: list[int],
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    matches: list[RuleMatch],
    weak: dict[int, RuleMatch],
    config: CleanerConfig,
    out: Decisions,
    model: LineModel,
    local: dict[int, tuple[float, ...]],
    local_sums: dict[int, float],
    reasons: bool,
    datelines: frozenset[int],
    stamps: frozenset[int],
    language: str | None,
    marks: Marks,
) -> None:
    analysis = analyse(
        lines, texts, features, classes, matches, out, weak, local, local_sums, datelines, stamps,
        related_boxes=not config.disables("related-box"),
    )  # fmt: skip
    protected = analysis.protected()
    _give_back_verdict_headings(lines, texts, analysis, out)
    if analysis.comments >= 0 and not config.disables("tail-block"):
        # A comment section runs to the end: it goes as one block. (Related and copyright labels
        # were tried too: they cost recall or gained nothing on the development set.)
        label = out.drop[lines[analysis.comments]]
        for index in lines[analysis.comments + 1 :]:
            if index not in out.drop:
                out.drop[index] = Evidence(
                    "context", "tail-block", "comments", 0.9,
                    f"in the comment section that {label.code} opens after the article",
                )  # fmt: skip
                out.trim.pop(index, None)
    # Without a main text (no run of prose at all) there is nothing to judge lines against.
    if analysis.context.first >= 0 and not config.disables("line-score"):
        threshold = config.score_threshold or SCORE_THRESHOLDS[config.profile]
        scores = [1.0 if index in out.drop else 0.0 for index in lines]
        judged = []
        score_of = analysis.scorer(model)
        drop = out.drop
        lenders = analysis.context.interview | analysis.context.not_prose
        for position, (index, candidate) in enumerate(zip(lines, analysis.candidates())):
            if not candidate or index in drop:
                if position in lenders and index not in drop:  # kept, yet no evidence of prose to its
                    scores[position] = score_of(position)  # neighbours ("Related", a teaser, "Why?")
                continue
            if position in protected:
                if position == analysis.standfirst:  # its own score is its neighbours' evidence
                    scores[position] = score_of(position)
                continue
            judged.append(position)
            scores[position] = score_of(position)
        last = len(lines) - 1
        headline = analysis.headline  # the standfirst, if any, is right below it
        for position in judged:
            below = HEADER_SCORE_ABOVE if position + 1 == headline else scores[min(position + 1, last)]
            around = (scores[max(position - 1, 0)] + below) / 2
            score = (1 - NEIGHBOUR_WEIGHT) * scores[position] + NEIGHBOUR_WEIGHT * around
            if score >= threshold:
                index = lines[position]
                reason = ""
                if reasons:  # the vector, for the explanation, only for the lines that go
                    reason = ", ".join(model.top_reasons(analysis.vector(position))) or "low prose signals"
                category = weak[index].rule.category if index in weak else "low-content"
                out.drop[index] = Evidence("heuristic", "line-score", category, round(score, 3), reason)
                out.trim.pop(index, None)
    if analysis.context.first >= 0 and not config.disables("link-line"):
        _link_lines(lines, features, analysis.context, protected, out)
    if analysis.context.first >= 0:
        _placed_rules(lines, features, classes, matches, analysis.context, out)
    if analysis.context.first >= 0 and not config.disables("about-box"):
        _about_boxes(lines, texts, features, classes, analysis, protected, out, language)
    if not config.disables("related-box"):
        teasers = [
            (position, "teaser in a related box between the article's paragraphs")
            for label, end in analysis.context.related_boxes
            for position in _box_teasers(lines, texts, features, analysis.removed, analysis.context, label, end)
        ]
        teasers += [
            (position, "teaser in a related box inside the article")
            for label, end in _inner_boxes(analysis)
            for position in _box_teasers(lines, texts, features, analysis.removed, analysis.context, label, end)
        ]
        teasers += [
            (position, "teaser in a related box above the article's box of facts")
            for label, listed in analysis.boxes_before_lists
            for position in range(label + 1, listed)
            if not analysis.removed[position] and headline_shaped(texts[position], features[position])
        ]
        for position, reason in teasers:
            if position not in protected:
                _drop_whole(out, lines[position], "related-box", reason, "related", 0.8)
    _marked_lines(lines, analysis, protected, marks, out)
    if not config.disables("caption"):
        _captions_above_credits(lines, texts, features, protected, out)
    if not config.disables("wedged"):
        _wedged(lines, features, classes, out, protected, analysis.legal_prose)
        for position in sorted(signup_box_lines(analysis.context, features) - protected):
            _drop_whole(out, lines[position], "wedged", SIGNUP_BOX_REASON, "newsletter", 0.8)


def _marked_lines(lines: list[int], analysis: Analysis, protected: set[int], marks: Marks, out: Decisions) -> None:
    """Remove the lines that :class:`Marks` holds, unless protected (the page's own headline in
    capitals stays): headlines in capitals; captions, but on the main text's last line or the one
    below it, where a wire's name closes an article; bylines. (They go after the line model has
    scored the pass: a byline kept until then is no removed neighbour of the lines above it, which
    are the article's head: a standfirst's second point, a fact-check's verdict.)"""
    if not (marks.shouted or marks.captions or marks.bylines):
        return
    context = analysis.context
    position_of = {index: position for position, index in enumerate(lines)}
    for index in marks.bylines:
        if index in position_of and position_of[index] not in protected:
            _drop_whole(out, index, "byline", BYLINE_REASON, "metadata", 0.9)
    for index in marks.shouted:
        if index in position_of and position_of[index] not in protected:
            _drop_whole(out, index, "capitals", CAPITALS_REASON, "related", 0.8)
    if marks.captions and context.first >= 0:
        # Not the main text's last line nor the one below it: a wire's name closes an article so.
        closing = (context.last, context.last + 1)
        for index in marks.captions:
            position = position_of.get(index, -1)
            if position >= 0 and position not in closing and position not in protected:
                _drop_whole(out, index, "caption", CAPTION_REASON, "credits", 0.8)


CREDITED_BELOW_REASON = "a photo's caption: one sentence between a removed line and its credit below"
#: categories of the removed line above a caption whose credit a rule removed below it (see
#: :func:`_captions_above_credits`). With any removed line above it: on the documents written to
#: real layouts, a paragraph below "Continue reading" and a Japanese standfirst below a button
#: that the line model removed went too.
CAPTION_ABOVE_CATEGORIES = frozenset({"share", "credits", "metadata"})


def _captions_above_credits(
    lines: list[int], texts: list[str], features: list[LineFeatures], protected: set[int], out: Decisions
) -> None:
    """Remove the captions whose credit a credits rule removed on the line below ("Das Kalb steht
    ... im Elefantenstall." above "Foto: Kölner Zoo / Jens Hartwig"): a line shaped as a caption
    (see :func:`~heuristics.capitals.caption_shaped`), not protected, below a line removed as a
    share button, a media label or metadata (CAPTION_ABOVE_CATEGORIES: a picture sits below
    them; an ad label or a "Continue reading" button sits between two paragraphs, and a paragraph
    of one sentence may sit above the next picture's credit)."""
    drop = out.drop
    for position in range(1, len(lines) - 1):
        index, above, below = lines[position], lines[position - 1], lines[position + 1]
        if index in drop or below not in drop or above not in drop or position in protected:
            continue
        credit, over = drop[below], drop[above]
        if credit.source != "rule" or credit.category != "credits" or over.category not in CAPTION_ABOVE_CATEGORIES:
            continue
        if caption_shaped(texts[position], features[position]):
            _drop_whole(out, index, "caption", CREDITED_BELOW_REASON, "credits", 0.8)


def _link_lines(
    lines: list[int], features: list[LineFeatures], context: DocumentContext, protected: set[int], out: Decisions
) -> None:
    """Remove the lines of links (see :attr:`LineFeatures.linked`) outside the main text: menus,
    teasers, rows of share buttons, tag clouds. Inside it, a line of links is judged as any other
    (a list of the article's sources, a link to the full report)."""
    for position in (*range(context.first), *range(context.last + 1, len(lines))):
        index = lines[position]
        if features[position].linked and position not in protected and index not in out.drop:
            out.drop[index] = Evidence(
                "heuristic", "link-line", "navigation", 0.95, "a line of links outside the main text"
            )
            out.trim.pop(index, None)


def _box_teasers(
    lines: list[int],
    texts: list[str],
    features: list[LineFeatures],
    removed: list[bool],
    context: DocumentContext,
    label: int,
    end: int,
) -> list[int]:
    """The teasers of a related box that the main text bridges or holds (its label at ``label``, the
    article's next paragraph at ``end``): the kept lines below the label shaped as headlines (see
    :func:`~heuristics.headline.headline_shaped`), up to the first that is not, that is ``listed``
    (a box of data, see :func:`~heuristics.context.document_context`), that a listed line follows,
    or that reads as a section's heading (see :func:`_section_heading`) above the next paragraph,
    a line ending with a colon or, as a Markdown heading, a list item (the heading of the
    article's next section: "Die Statistik zum Spiel" above the match facts, "Tips voor minder
    klachten"); and when the first teaser follows the label without a blank line (``lines`` are
    the positions' line indexes), up to the first that a blank line parts from the one above. An
    interview's question below the box is no such heading, nor a line above a box's own heading
    (see :attr:`~heuristics.context.DocumentContext.not_prose`): the teaser above it goes."""
    listed, interview, headings = context.listed, context.interview, context.not_prose
    kept = [position for position in range(label + 1, end) if not removed[position]]
    # A box whose first teaser follows its label without a blank line ends at a blank line: what
    # comes after one is the article's next section ("Les principales mesures" and its items).
    tight = bool(kept) and lines[kept[0]] == lines[kept[0] - 1] + 1
    teasers = []
    for number, position in enumerate(kept):
        if tight and number and lines[position] > lines[position - 1] + 1:  # (a blank line right above)
            break
        following = kept[number + 1] if number + 1 < len(kept) else end
        if listed[position] or not headline_shaped(texts[position], features[position]):
            break
        # The next paragraph, a list's introduction ("Vandewalle raadt aan om:"), or below a
        # Markdown heading a list's first item (a plain line's dash opens a quote as often: "–
        # Dårlig timing").
        section = following == end or (
            following < end and not features[position].bullet
            and (texts[following].endswith(":") or (features[position].heading > 0 and features[following].bullet))
        )  # fmt: skip
        if following not in interview and (
            (section and _section_heading(texts[position], features[position]))
            or (listed[following] and following not in headings)
        ):
            break
        teasers.append(position)
    return teasers


def _inner_boxes(analysis: Analysis) -> list[tuple[int, int]]:
    """The related boxes inside the main text that it does not bridge (see
    :attr:`~heuristics.context.DocumentContext.related_boxes`; the article may end a paragraph or
    two below one, too few to tell it from a footer), as ``(label, end)``: a related label below a
    line of prose, then one to RELATED_BOX_MAX_LINES kept lines that are no prose, then a line of
    prose of the main text at ``end``, within RELATED_BOX_SCAN_LINES lines of the label. Their
    teasers go as a bridged box's do. (One teaser is enough here, where a bridged box needs
    RELATED_BOX_MIN_LINES: "Read more" and one headline is a common box. Asking two kept 31 and 12
    more boilerplate lines on the layouts sets and gave back no article line; the price is a
    subheading of seven words or more right below such a label, taken for its teaser.)"""
    context, removed, classes, features = analysis.context, analysis.removed, analysis.classes, analysis.features
    bridged = {label for label, _ in context.related_boxes}
    out = []
    for label in analysis.related_labels:
        if label in bridged or not context.first < label < context.last:
            continue
        above = nearest_kept(removed, label - 1, -1)
        if above < 0 or not sentence_line(classes[above], features[above]):
            continue
        kept = 0
        for position in range(label + 1, min(label + RELATED_BOX_SCAN_LINES, context.last) + 1):
            if removed[position]:
                continue
            if sentence_line(classes[position], features[position]):
                if kept:
                    out.append((label, position))
                break
            kept += 1
            if kept > RELATED_BOX_MAX_LINES:
                break
    return out


def _section_heading(text: str, f: LineFeatures) -> bool:
    """Whether a line right above the article's next paragraph, below a related box's teasers, may
    be that section's heading rather than the box's last teaser: a Markdown heading, a question
    ("¿Y si el retraso es por mal tiempo o huelga?"), or at most SUBHEADING_MAX_WORDS words (a
    teaser's headline runs longer: "Police appeal for witnesses after late-night crash"). Against
    any line there: on the documents written to real layouts, boilerplate kept 401 -> 383 and
    article lines lost 135 -> 136 (default profile: a plain subheading of seven words below a box);
    benchmarks/inserted_boxes.py, related box: teaser lines kept 715 -> 195 of 2658, article lines
    lost 99 -> 105 of 18719; development set fulltext F1 0.9285 -> 0.9290."""
    return f.heading > 0 or text.endswith("?") or f.words <= SUBHEADING_MAX_WORDS


def _about_boxes(
    lines: list[int],
    texts: list[str],
    features: list[LineFeatures],
    classes: list[str],
    analysis: Analysis,
    protected: set[int],
    out: Decisions,
    language: str | None,
) -> None:
    """Remove a profile under an "About ..." heading (see :mod:`~heuristics.about_boxes`) at the
    article's end: the prose of the main text below it is at most END_RULE_PROSE_AFTER of the main
    text's prose above it, as for an end-only rule, and its own prose is no more than that above
    it (a press release's company blurb, an author's profile)."""
    context = analysis.context
    first, last, prose_before = context.first, context.last, context.prose_before
    view = LineView(texts, features, classes, analysis.removed, first, last)
    for heading, end in about_boxes(view, language):
        if any(position in protected for position in range(heading, end)):
            continue
        above = prose_before[heading] - prose_before[first]
        box = sum(features[p].words for p in range(heading, end) if sentence_line(classes[p], features[p]))
        below = sum(
            features[p].words
            for p in range(end, last + 1)
            if lines[p] not in out.drop and sentence_line(classes[p], features[p])
        )
        if box > above or below > END_RULE_PROSE_AFTER * above:
            continue
        reason = f"in the profile under {texts[heading]!r} at the article's end"
        for position in range(heading, end):
            _drop_whole(out, lines[position], "about-box", reason, "credits", 0.85)


def _placed_rules(
    lines: list[int],
    features: list[LineFeatures],
    classes: list[str],
    matches: list[RuleMatch],
    context: DocumentContext,
    out: Decisions,
) -> None:
    """Apply the rules that act in one place only, below the main text's start:
    - ``where = "end"`` (an author's bio): a line goes when the prose of the main text that stays
      below it (``good`` lines, and ``near`` ones that end a sentence) is at most
      END_RULE_PROSE_AFTER of the main text's prose above it (in full-page text, teaser summaries
      and a site's blurb can follow the bio inside the main text);
    - ``where = "below-start"`` (a video's title between paragraphs): a line goes when any of the
      main text's prose is above it.
    Lines are seen from the bottom up, so a bio's heading above it ("About the author") goes too."""
    placed = {m.line: m for m in reversed(matches) if m.rule.where != "anywhere" and m.line not in out.drop}
    if not placed:
        return
    prose_before, first = context.prose_before, context.first
    after = 0  # prose words of the main text below the position, among the lines that stay
    for position in range(len(lines) - 1, first - 1, -1):
        index = lines[position]
        if index in out.drop:
            continue
        match = placed.get(index)
        above = prose_before[position] - prose_before[first]
        if match is not None and (
            after <= END_RULE_PROSE_AFTER * above if match.rule.where == "end" else above > 0
        ):
            out.drop[index] = rule_evidence(match)
            out.trim.pop(index, None)
            continue
        cls, f = classes[position], features[position]
        if position <= context.last and sentence_line(cls, f):
            after += f.words


def _legal_level(evidence: Evidence | None, text: str, words: int) -> int:
    """2 for a line that a copyright rule other than a mark rule removed (a rights notice, a
    disclaimer), 1 for a dated or long line that a mark rule removed ("© 2019 Foo Media."), 0
    otherwise (a photo credit such as "© Getty Images", or a line no copyright rule removed)."""
    if evidence is None or evidence.category != "copyright" or evidence.source != "rule":
        return 0
    if evidence.name not in COPYRIGHT_MARK_RULES:
        return 2
    return int(words >= LEGAL_NOTICE_MIN_WORDS or _YEAR_RE.search(text) is not None)


def between_legal_notices(
    lines: list[int], texts: list[str], features: list[LineFeatures], drop: dict[int, Evidence]
) -> list[bool] | None:
    """Which kept lines sit between two legal notices, at least one of them a rights notice or
    disclaimer (two copyright marks around a paragraph are photo credits); None when no copyright
    rule removed anything."""
    if not any(evidence.category == "copyright" for evidence in drop.values()):
        return None
    level = [_legal_level(drop.get(index), text, f.words) for index, text, f in zip(lines, texts, features)]
    return [
        0 < position < len(lines) - 1 and lines[position] not in drop
        and level[position - 1] > 0 and level[position + 1] > 0 and 2 in (level[position - 1], level[position + 1])
        for position in range(len(lines))
    ]  # fmt: skip


def _in_box(above: Evidence, below: Evidence) -> bool:
    """Whether two removed lines are matches of two rules of one box category (see BOX_CATEGORIES)."""
    return (
        above.source == below.source == "rule"
        and above.name != below.name
        and above.category == below.category in BOX_CATEGORIES
    )


def _wedged(
    lines: list[int],
    features: list[LineFeatures],
    classes: list[str],
    out: Decisions,
    protected: set[int],
    legal_prose: list[bool] | None,
) -> None:
    for position in range(1, len(lines) - 1):
        index = lines[position]
        f = features[position]
        sentence = f.terminal and f.words >= WEDGED_SENTENCE_MIN_WORDS
        if position in protected or index in out.drop:
            continue
        above, below = lines[position - 1], lines[position + 1]
        boxed = (
            classes[position] != GOOD and not (sentence_line(classes[position], f) and f.words >= BOX_PITCH_MAX_WORDS)
            and above in out.drop and below in out.drop
        )  # fmt: skip
        if legal_prose is not None and legal_prose[position]:
            out.drop[index] = Evidence("context", "wedged", "copyright", 0.8, "between two legal notices")
            out.trim.pop(index, None)
            continue
        if boxed and _in_box(out.drop[above], out.drop[below]):
            out.drop[index] = Evidence(
                "context", "wedged", out.drop[above].category, 0.8,
                f"between two {out.drop[above].category} lines that the rules removed",
            )  # fmt: skip
            out.trim.pop(index, None)
            continue
        if f.words > WEDGED_MAX_WORDS or sentence or classes[position] in (GOOD, NEAR):
            continue
        if above in out.drop and below in out.drop:
            out.drop[index] = Evidence(
                "context", "wedged", out.drop[above].category, 0.7, "short line between two removed lines"
            )
            out.trim.pop(index, None)
