"""The :class:`Cleaner`: compiles rule packs once, then runs the stages on each document.

Stages: split lines → detect language → match rules → measure and classify lines → decide
(rules, context, line scores) → reassemble the text and its removal trail.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import compress
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from .config import CleanerConfig, check_disabled
from .decide import apply_rules, decide
from .errors import ConfigError, InputError, RulePackError, TimeLimitError
from .heuristics.classes import classify
from .heuristics.features import (
    NOUN_CAPITALISING,
    NOUN_CAPITALS_TITLE_SHARE,
    TITLE_MIN_CAPITAL_SHARE,
    LineFeatures,
    measure,
    words_of,
)
from .heuristics.scripts import SCRIPT_LANGUAGES
from .heuristics.stoplists import LANGUAGES, detect_language, stopwords
from .heuristics.wrapping import may_be_wrapped, paragraph_classes, wrapped_paragraphs
from .lynx import has_dump_links, read_dump
from .markdown import (
    MarkdownLine,
    has_markdown,
    link_heavy,
    read_markdown,
    setext_headings,
)
from .model import CleanedText
from .reassemble import apply_removals, removals_for
from .rules import Rule, RulePack, builtin_packs, load_rule_pack
from .rules.matcher import Matcher, RuleMatch
from .segment import Lines, lower_case, split_lines

if TYPE_CHECKING:
    from .html import HtmlCleaned


#: languages whose rule packs also apply to each other's documents: Danish and Norwegian Bokmål
#: write their page furniture alike ("Del", "Annonse"/"Annonce", "Les også"/"Læs også"), and their
#: stoplists tell a short text of one from the other poorly (a Norwegian tip-off line reads as
#: Danish); Russian and Ukrainian sites run editions in both, and their labels share words
#: ("Реклама", "Теги"). Hindi sites print much of their furniture in English ("Link Copied",
#: "Next Article", "Published by: ..."), which English rules find without a hit on Hindi prose.
KINDRED_LANGUAGES = {"da": ("nb",), "nb": ("da",), "ru": ("uk",), "uk": ("ru",), "hi": ("en",)}


def rule_languages(language: str) -> tuple[str, ...]:
    """The rule packs' languages that apply to a document in ``language``: its own, its kindred
    languages' (see :data:`KINDRED_LANGUAGES`) and ``common``."""
    return ("common", language, *KINDRED_LANGUAGES.get(language, ()))


def _credit_order(matches: list[RuleMatch], language: str | None) -> list[RuleMatch]:
    """``matches`` in the order that credits a line's removal to one rule when several match it
    (the first decisive match of a line is its evidence): by line, whole-line matches before
    trims, then the rules of the document's language (and its kindred ones), the common ones, the
    English ones (the web's common tongue: "Advertisement" on a page whose language is unknown is
    credited to the English rule rather than to an Arabic pack that lists it too), then the
    others by id. Which lines go hardly depends on it (only through the category of a line's first
    weak match): every output of the development and layouts sets is the same in either order."""
    own = rule_languages(language)[1:] if language is not None else ()
    rank = {"common": 1, "en": 2, **dict.fromkeys(own, 0)}
    return sorted(matches, key=lambda m: (m.line, m.trim_from is not None, rank.get(m.rule.language, 3), m.rule.id))


class Measured(NamedTuple):
    """A document after every stage but the decision: what :func:`decide` works from."""

    lines: Lines
    nonblank: list[int]  # indexes of the lines the heuristics see: not blank, no image alone, no
    # heading's underline, no wrapped paragraph's line after its first
    texts: list[str]  # their stripped text (of a line whose tail a rule cuts off: the part that stays)
    features: list[LineFeatures]
    classes: list[str]
    matches: list[RuleMatch]
    language: str | None
    #: the lines of each hard-wrapped paragraph, and each heading with its underline, by the first
    #: line (the one ``nonblank`` holds): they go or stay together
    members: Mapping[int, tuple[int, ...]] = MappingProxyType({})


class Cleaner:
    """A reusable cleaner: build it once (rule packs are compiled here), call it per document.

    >>> cleaner = Cleaner()
    >>> cleaner.clean("Markets rose on Monday after the central bank held its rates, traders said.\\n"
    ...               "- Advertisement -\\n"
    ...               "Shares of exporters led the gains as the currency weakened against the dollar.")
    'Markets rose on Monday after the central bank held its rates, traders said.\\nShares of exporters led the gains as the currency weakened against the dollar.'
    """

    def __init__(self, config: CleanerConfig | None = None):
        if config is not None and not isinstance(config, CleanerConfig):
            raise ConfigError(
                f"Cleaner takes a CleanerConfig, not {type(config).__name__}; "
                "build one with CleanerConfig(profile=..., languages=..., ...)"
            )
        self.config = config or CleanerConfig()
        given = self.config.languages
        languages = frozenset(code for language in given for code in rule_languages(language)) or None
        packs = builtin_packs(languages) if self.config.builtin_rules else []
        user_packs = [load_rule_pack(name) for name in self.config.rule_packs]
        for pack in user_packs:
            if not any(pack is other for other in packs):  # a built-in pack named again
                packs.append(pack)
        self.packs = tuple(packs)
        if self.config.disable:
            check_disabled(self.config, {rule.id for pack in [*builtin_packs(), *user_packs] for rule in pack.rules})
        _check_unique_ids(self.packs)
        every_rule = [rule for pack in packs for rule in pack.rules]
        self.rules: list[Rule] = [rule for rule in every_rule if not self.config.disables(rule.id, rule.category)]
        # The matchers compile every rule of the packs and skip the disabled ones' matches, so that a
        # configuration's automata are those of any other with the same packs (see Matcher).
        self._every_rule = every_rule
        self._disabled = frozenset(rule.id for rule in every_rule) - {rule.id for rule in self.rules}
        self._matcher: Matcher | None = None  # every rule's, built on first need (see matcher)
        self._matchers: dict[str, Matcher] = {}  # by document language, see _language_matcher
        self._fixed_language = given[0] if len(given) == 1 else None
        self._candidate_languages = given or (*LANGUAGES, *SCRIPT_LANGUAGES)

    @property
    def matcher(self) -> Matcher:
        """The matcher of every rule, for documents whose language is unknown or whose lines may be
        hard-wrapped (see :meth:`_measure`). Built on first use: the packs of every language make
        the largest automaton, which a corpus in one language may never need."""
        if self._matcher is None:
            self._matcher = Matcher(self._every_rule, self.config.engine, skip=self._disabled)
        return self._matcher

    def precompile(self) -> int:
        """Build now the pattern automata that documents would build on their first need: those of
        each document language (the configured ones, or every language it can detect) and those of
        every rule. With Hyperscan they are loaded from the cache folder or compiled into it (see
        :func:`.rules.matcher.cache_folder`), so that later processes (the workers of a corpus run,
        the containers of an image built after it) start warm. Returns the number of languages."""
        for language in self._candidate_languages:
            self._language_matcher(language)
        self.matcher  # noqa: B018 -- the property builds it
        return len(self._candidate_languages)

    def clean(self, text: str) -> str:
        """The text with its boilerplate removed."""
        return self.clean_and_explain(text, reasons=False).text

    def clean_and_explain(self, text: str, *, reasons: bool = True) -> CleanedText:
        """The cleaned text and the trail of removals (span, text, evidence) that produced it.

        ``reasons=False`` is faster and leaves ``evidence.reason`` empty for the removals of the
        line model (``heuristic:line-score``); everything else is the same.
        """
        deadline = time.monotonic() + self.config.time_limit if self.config.time_limit else None
        measured = self.measure(text)
        if not measured.nonblank and not measured.matches:
            return CleanedText(text=text)  # empty or blank: nothing to remove
        _check(deadline)
        decisions = decide(
            measured.nonblank,
            measured.texts,
            measured.features,
            measured.classes,
            measured.matches,
            self.config,
            reasons,
            measured.language,
        )
        _check(deadline)
        for first, joined in measured.members.items():  # a wrapped paragraph goes as a whole
            evidence = decisions.drop.get(first)
            if evidence is not None:
                decisions.drop.update(dict.fromkeys(joined, evidence))
        removals = removals_for(measured.lines, decisions)
        return CleanedText(apply_removals(text, removals), tuple(removals), measured.language)

    def measure(self, text: str) -> Measured:
        """Run every stage before the decision (used by :meth:`clean_and_explain` and for calibration)."""
        if not isinstance(text, str):
            raise InputError(
                f"cleaning takes str, not {type(text).__name__}; decode bytes first "
                "(e.g. data.decode('utf-8')) or use clean_html() for HTML pages"
            )
        return self._measure(text, narrow=True)

    def _language_matcher(self, language: str) -> Matcher:
        """The matcher of the rules that apply to documents in ``language`` (see :func:`rule_languages`),
        built on first use."""
        matcher = self._matchers.get(language)
        if matcher is None:
            applicable = rule_languages(language)
            rules = [rule for rule in self._every_rule if rule.language in applicable]
            matcher = Matcher(rules, self.config.engine, skip=self._disabled)
            self._matchers[language] = matcher
        return matcher

    def _measure(self, text: str, narrow: bool) -> Measured:
        """:meth:`measure`; ``narrow``: when the document's language is known, it is plain text
        (no Markdown, no page dump) and its lines are not hard-wrapped, only the rules of that
        language run (the others' matches would be dropped: a fifth of the matching time on
        English pages). Lines that may be wrapped need every language's matches (a label of any
        language joins no paragraph): then all the rules run."""
        lines = split_lines(text)
        stripped = list(map(str.strip, lines.texts))
        # Lines with Markdown syntax, or a page dump's numbered links, are measured as read (a link
        # as its text ...); a line of images (or of links without text) reads as no text, and the
        # heuristics see it as a blank line.
        dump = has_dump_links(text)
        markdown = not dump and has_markdown(text)
        reader = read_dump if dump else read_markdown
        reads = _reads(stripped, reader) if dump or markdown else {}
        # A heading over an underline ("=====") is one line, its underline a member that follows it.
        underlined = setext_headings(stripped) if markdown else {}
        for index, level in underlined.items():
            read = reads[index] if index in reads else read_markdown(stripped[index])
            reads[index] = read._replace(heading=level)
        underlines = {index + 1 for index in underlined}
        nonblank = [
            i
            for i in compress(range(len(stripped)), stripped)
            if (i not in reads or reads[i].text) and i not in underlines
        ]
        if not nonblank and not reads:
            return Measured(lines, [], [], [], [], [], None)
        texts = [reads[i].text if i in reads else stripped[i] for i in nonblank]
        lowered, plain = _lower_lines(text, lines)
        words = [words_of(lower_case(texts[p]) if i in reads else lowered[i]) for p, i in enumerate(nonblank)]
        language = self._fixed_language or detect_language(
            texts, self._candidate_languages, words if plain and not reads else None
        )
        # A rule applies to non-blank lines of documents in its pack's language ("common": any);
        # when the language is unknown, every rule applies.
        narrow = narrow and language is not None and not reads and not may_be_wrapped(texts)
        matcher = self._language_matcher(language) if narrow and language is not None else self.matcher
        matches = [m for m in matcher.match(lowered) if stripped[m.line]]
        if reads:
            matches = _with_read_matches(matches, self.matcher, reads, len(lowered))
        if underlines:  # (an underline goes with its heading, whatever a rule says of it alone)
            matches = [m for m in matches if m.line not in underlines]
        # (a label that a rule of any language knows, or a heading, is no part of a wrapped paragraph)
        labelled = {m.line for m in matches} | underlined.keys() | underlines
        # ... unless it continues a sentence: a rule's partial match ("... west of" / "Thunder Bay,
        # Ont. Photo by David Jackson/The"), or a sentence's tail that a label's rule matches
        # ("... watch the" / "video.", "... on" / "Facebook."): see wrapped_paragraphs.
        continuing = {
            m.line for m in matches
            if m.rule.mode != "line" or stripped[m.line].endswith((".", "!", "?"))
        }  # fmt: skip
        if matches and language is not None:
            applicable = rule_languages(language)
            matches = [m for m in matches if m.rule.language in applicable]
        # A line whose tail a rule cuts off is measured as it will stay, as a second cleaning sees it.
        cuts = apply_rules(matches)[0].trim if matches else {}
        if cuts:
            position_of = {index: position for position, index in enumerate(nonblank)}
            for index, (cut, _) in cuts.items():
                if index not in position_of:
                    continue
                position = position_of[index]
                texts[position] = lines.texts[index][:cut].strip()
                words[position] = words_of(lowered[index][:cut])
                if index in reads:  # (a heading over an underline stays one)
                    reads[index] = reader(texts[position])._replace(heading=reads[index].heading)
                    texts[position] = reads[index].text or texts[position]
                    words[position] = words_of(lower_case(texts[position]))
            # ... and the rules judge what stays of it ("[IMG][+234 chars]" leaves an image mark).
            kept_parts = {index: lines.texts[index][:cut] for index, (cut, _) in cuts.items() if cut}
            matches = self._with_whole_matches(matches, kept_parts, language)
        # A paragraph hard-wrapped across lines is measured and decided as one line, its first.
        members: Mapping[int, tuple[int, ...]] = MappingProxyType({index: (index, index + 1) for index in underlined})
        if may_be_wrapped(texts):
            if narrow:  # the tails that rules cut off made the lines look wrapped: every rule is needed
                return self._measure(text, narrow=False)
            runs = wrapped_paragraphs(
                lines.texts, {i for i in nonblank if i not in labelled or i in continuing}, continuing
            )
            if runs:
                nonblank, texts, words, joined = _joined(runs, nonblank, texts, words)
                members = MappingProxyType({**members, **joined})
                images = {}
                if dump or markdown:  # a link or bold text may run across the lines: the paragraph is read whole
                    images = _read_joined(joined, nonblank, texts, words, stripped, reads, reader)
                # A rule's match on a line of a paragraph gives way to the rules' matches on the
                # whole paragraph (a caption's credit on its second line, "Photo by Jane Doe/The"; an
                # image whose text wraps, on its syntax); a trim of its last line stays (its tail is
                # the paragraph's).
                position_of = {index: position for position, index in enumerate(nonblank)}
                whole = {index: texts[position_of[index]] for index in joined if index in position_of}
                whole.update(images)
                inside = {i for members_ in joined.values() for i in members_}
                last = {members_[-1] for members_ in joined.values()}
                matches = [m for m in matches if m.line not in inside or (m.trim_from is not None and m.line in last)]
                matches = self._with_whole_matches(matches, whole, language)
        stoplist = stopwords(language) if language in LANGUAGES else None
        share = NOUN_CAPITALS_TITLE_SHARE if language in NOUN_CAPITALISING else TITLE_MIN_CAPITAL_SHARE
        features = [measure(line, line_words, stoplist, share) for line, line_words in zip(texts, words)]
        if reads:
            _mark_markdown(features, nonblank, reads)
        classes = paragraph_classes(texts, words, features, [classify(f) for f in features], stoplist)
        return Measured(lines, nonblank, texts, features, classes, _credit_order(matches, language), language, members)

    def _with_whole_matches(
        self, matches: list[RuleMatch], joined: dict[int, str], language: str | None
    ) -> list[RuleMatch]:
        """``matches`` with the whole-line matches of the rules on each text of ``joined`` (a line's
        text as it will be read, by its index: a wrapped paragraph's joined lines, what a trim
        leaves of a line): of the document's language's rules and the common ones, or of every
        rule when the language is unknown (as for lines)."""
        indexes = list(joined)
        extra = [
            m._replace(line=indexes[m.line])
            for m in self.matcher.match([lower_case(joined[index]) for index in indexes])
            if m.trim_from is None and (language is None or m.rule.language in rule_languages(language))
        ]
        return sorted([*matches, *extra], key=lambda m: (m.line, m.trim_from is not None, m.rule.id))

    def clean_html(self, html: str | bytes, url: str | None = None) -> str:
        """The cleaned main text of an HTML page (see :meth:`clean_html_and_explain`)."""
        from .html import clean_html

        return clean_html(self, html, url)

    def clean_html_and_explain(self, html: str | bytes, url: str | None = None) -> HtmlCleaned:
        """Markup tokens, then trafilatura, then the line pass; removals are spans of ``result.extracted``."""
        from .html import clean_html_and_explain

        return clean_html_and_explain(self, html, url)

    def clean_many(self, texts: Iterable[str]) -> Iterator[str]:
        """Clean a stream of texts lazily, in order."""
        for text in texts:
            yield self.clean(text)


def _reads(stripped: list[str], reader: Callable[[str], MarkdownLine]) -> dict[int, MarkdownLine]:
    """The lines (by index) whose reading (``reader``: :func:`~cleaner.markdown.read_markdown` or
    :func:`~cleaner.lynx.read_dump`) differs from the line (``stripped``: the lines stripped)."""
    reads = {}
    for index, line in enumerate(stripped):
        if line:
            read = reader(line)
            if not read.text and "[" not in line:
                continue  # syntax alone but no image nor link ("##"): measured as it is
            if read.text != line:
                reads[index] = read
    return reads


def _joined(
    runs: list[tuple[int, int]], nonblank: list[int], texts: list[str], words: list[list[str]]
) -> tuple[list[int], list[str], list[list[str]], Mapping[int, tuple[int, ...]]]:
    """``nonblank``, ``texts`` and ``words`` with each run of lines (``(first, last)`` indexes) as one
    line, its first, holding the run's text; and the lines of each run by its first."""
    position_of = {index: position for position, index in enumerate(nonblank)}
    members = {first: tuple(range(first, last + 1)) for first, last in runs}
    inside = {index for first, last in runs for index in range(first + 1, last + 1)}
    for first, last in runs:
        spans = range(position_of[first], position_of[last] + 1)
        texts[position_of[first]] = " ".join(texts[p] for p in spans)
        words[position_of[first]] = [word for p in spans for word in words[p]]
    keep = [position for position, index in enumerate(nonblank) if index not in inside]
    return [nonblank[p] for p in keep], [texts[p] for p in keep], [words[p] for p in keep], members


def _read_joined(
    members: Mapping[int, tuple[int, ...]],
    nonblank: list[int],
    texts: list[str],
    words: list[list[str]],
    stripped: list[str],
    reads: dict[int, MarkdownLine],
    reader: Callable[[str], MarkdownLine],
) -> dict[int, str]:
    """Read each wrapped paragraph of Markdown or of a page dump whole (see ``members``) with
    ``reader``: its text, words and reading are updated in place. Returns the paragraphs that read
    as no text (an image whose text wraps), their joined lines by first line."""
    images = {}
    for position, index in enumerate(nonblank):
        if index in members:
            joined = " ".join(stripped[i] for i in members[index])
            read = reader(joined)
            if not read.text:
                images[index] = joined
                continue
            reads[index] = read  # (its link text counts whole, not its first line's alone)
            if read.text != texts[position]:
                texts[position] = read.text
                words[position] = words_of(lower_case(read.text))
    return images


def _mark_markdown(features: list[LineFeatures], nonblank: list[int], reads: dict[int, MarkdownLine]) -> None:
    """Mark the Markdown headings and the lines of links among ``features`` (in place): a heading
    is no line of links ("# [Headline](https://...)"), a sentence only when it is nearly all link
    (see :data:`~cleaner.markdown.LINK_SENTENCE_SHARE`)."""
    for position, index in enumerate(nonblank):
        read = reads.get(index)
        if read is not None and (read.heading or read.link_chars):
            f = features[position]
            linked = not read.heading and link_heavy(read, sentence=f.terminal)
            features[position] = f._replace(linked=linked, heading=read.heading)


def _with_read_matches(
    matches: list[RuleMatch], matcher: Matcher, reads: dict[int, MarkdownLine], count: int
) -> list[RuleMatch]:
    """``matches`` (of the lines as they are) with the whole-line matches of the lines' readings
    ("* [Share on Facebook](https://...)" reads "* Share on Facebook") that no rule removes whole
    already. A trim is matched on the line as it is only (its offset must fall in the line)."""
    read_lines = [""] * count
    for index, read in reads.items():
        read_lines[index] = lower_case(read.text)
    whole = {m.line for m in matches if m.trim_from is None}
    extra = [m for m in matcher.match(read_lines) if m.trim_from is None and m.line not in whole and read_lines[m.line]]
    if not extra:
        return matches
    return sorted([*matches, *extra], key=lambda m: (m.line, m.trim_from is not None, m.rule.id))


def _check_unique_ids(packs: tuple[RulePack, ...]) -> None:
    """Raise :class:`RulePackError` when two packs (or one pack given twice) hold the same rule id:
    removals are told apart by rule id, and ``disable`` would switch off both."""
    seen: dict[str, str] = {}  # a pack holds each id once (checked at load)
    for pack in packs:
        for rule in pack.rules:
            if rule.id in seen:
                raise RulePackError(pack.source, f"rule id already used by {seen[rule.id]}", rule_id=rule.id, field="id")
        seen.update((rule.id, pack.source) for rule in pack.rules)


def _lower_lines(text: str, lines: Lines) -> tuple[list[str], bool]:
    """The lines lower-cased (see :func:`~segment.lower_case`), and whether that is plain ``str.lower``."""
    lowered = list(map(str.lower, lines.texts))
    # No character lower-cases to none, so the lengths add up only if none lower-cases to several.
    if sum(map(len, lowered)) == len(text) - (len(lowered) - 1) and "ı" not in text:
        return lowered, True
    return [lower_case(line) for line in lines.texts], False


def _check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise TimeLimitError("the document took longer than the configured time_limit")
