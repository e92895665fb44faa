"""Unit tests of the measurements, line classes, main-text search and the line model."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

import cleaner
from conftest import DOCUMENTS

from cleaner.decide import analyse, apply_rules
from cleaner.heuristics.bylines import names_someone
from cleaner.heuristics.classes import BAD, GOOD, NEAR, SHORT, classify
from cleaner.heuristics.context import max_segment
from cleaner.heuristics.features import measure, words_of
from cleaner.heuristics.scoring import FEATURES, NAMES, LineModel, line_model
from cleaner.heuristics.stoplists import detect_language, stopwords

EN = stopwords("en")
PROSE_DE = (
    "Die Polizei warnt vor einer neuen Betrugsmasche am Telefon, bei der sich die Anrufer als Beamte ausgeben "
    "und von älteren Menschen Geld oder Schmuck verlangen, weil angeblich ein Angehöriger in Not geraten sei."
)
PROSE = (
    "The company, which is expected to lay off thousands of employees beginning this week as it faces "
    "ballooning losses, confirmed on Monday that it had been contacted by the office of the attorney general."
)


def features(text: str, stoplist=EN):
    return measure(text, words_of(text.lower()), stoplist)


def test_measure_counts_words_stopwords_and_punctuation():
    f = features("The cat sat on the mat.")
    assert f.chars == 23 and f.words == 6
    assert f.stop_share == pytest.approx(3 / 6)  # the, on, the
    assert f.terminal and not f.title and not f.bullet


def test_a_quote_closed_the_german_way_ends_a_sentence():
    assert features("Thorup haderte mit dem Elfmeter: „Für mich ist das kein Strafstoß.“").terminal
    assert features("Er sagte: ‚Das war es.‘").terminal
    assert features('He said: "That was it."').terminal and features("He said: “That was it.”").terminal
    assert not features("Der Haken: Methan").terminal
    assert not features("Merz zur Rente: „Wir haben einen fairen Kompromiss gefunden“").terminal  # a teaser


def test_title_shape_needs_capitals_and_no_sentence_end():
    assert features("Most Popular Stories This Week").title
    assert not features("Most popular stories this week.").title
    assert not features("most popular stories this week").title


def test_sentence_case_counts_the_words_after_the_first():
    from cleaner.heuristics.features import sentence_cased

    for text in ("Other business", "Symptoms include:", "So schützen Sie sich bei Unwetter", "In short:"):
        assert sentence_cased(text), text
        assert features(text).title, text  # what the title shape says of these
    # Only words that open with a letter count: signs and figures are none.
    for text in ("Read More", "Related Articles From Money:", "Brigit Katz", "Summary", "Tottenham - Arsenal",
                 "Smith & Wesson", "Top 10"):  # fmt: skip
        assert not sentence_cased(text), text


def test_german_lines_read_as_titles_from_two_thirds_of_their_words_capitalised():
    german = "Ein Anrufer gibt sich als Polizist, Staatsanwalt oder Arzt aus"  # 5 of 10 capitalised
    text = "\n".join([german, "Weitere Artikel", PROSE_DE])
    measured = cleaner.Cleaner().measure(text)
    assert measured.language == "de"
    assert [f.title for f in measured.features[:2]] == [False, True]
    # The same line in an English document takes the title shape (half its words capitalised).
    assert features(german).title


def test_list_items_and_digit_heavy_lines():
    assert features("- first item").bullet
    assert features("2) Second item in the list").bullet
    assert not features("2019 was a year of change.").bullet
    assert features("| 23 | 679 | 0 | 1 | 3 |").digit_heavy


def test_unspaced_scripts_count_characters_as_words():
    f = measure("先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで男性が逮捕された。", [], None)
    assert f.words >= 15
    assert f.stop_share is None and f.terminal


def test_unspaced_scripts_weigh_more_per_character_in_line_length():
    sentence = "まずスタートメニューからプログラムを探し、右クリックします。"  # 30 characters, a full step
    f = measure(sentence, words_of(sentence), None)
    assert f.chars > 2 * len(sentence) and classify(f) == NEAR  # as long as its English translation
    assert measure("Short label", ["short", "label"], None).chars == len("Short label")


def test_a_table_inside_the_article_does_not_split_the_main_text():
    from cleaner.heuristics.context import document_context

    table = ["| Ticker | Security | Last | Change |", "|---|---|---|---|"] + [
        f"| T{i} | COMPANY NUMBER {i} INC. | {100 + i}.50 | -1.{i}0 |" for i in range(6)
    ]
    texts = [PROSE, *table, PROSE.replace("Monday", "Tuesday"), PROSE.replace("Monday", "Friday")]
    measured = [features(text) for text in texts]
    context = document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts))
    assert (context.first, context.last) == (0, len(texts) - 1)


def test_a_list_of_headlines_after_the_article_is_not_main_text():
    from cleaner.heuristics.context import document_context

    headlines = [f"Officials in the county said on day {day} that the road would stay closed" for day in range(8)]
    texts = [PROSE, PROSE.replace("Monday", "Tuesday"), *headlines]
    measured = [features(text) for text in texts]
    classes = [classify(f) for f in measured]
    assert set(classes[2:]) == {NEAR}  # prose-like, but no sentence ends
    context = document_context(texts, measured, classes, [False] * len(texts))
    assert (context.first, context.last) == (0, 1)


def test_prose_between_two_legal_notices_is_not_main_text():
    from cleaner.decide import between_legal_notices
    from cleaner.heuristics.context import document_context
    from cleaner.model import Evidence

    disclaimer = " ".join([PROSE] * 3)  # long prose, as a site's legal footer paragraphs are
    notice = "© 2019 Example Media. All rights reserved."
    texts = [PROSE, PROSE.replace("Monday", "Tuesday"), notice, disclaimer, notice, disclaimer, notice]
    measured = [features(text) for text in texts]
    classes = [classify(f) for f in measured]
    removed = [text == notice for text in texts]  # as the copyright rules remove them
    lines = list(range(len(texts)))

    def drops(rule: str, category: str) -> dict:
        return {i: Evidence("rule", rule, category, 1.0, "") for i in lines if removed[i]}

    legal_prose = between_legal_notices(lines, texts, measured, drops("en.copyright.reserved", "copyright"))
    assert legal_prose == [False, False, False, True, False, True, False]
    context = document_context(texts, measured, classes, removed, legal_prose)
    assert (context.first, context.last) == (0, 1)
    # Lines removed by rules of another category (ad labels between paragraphs), or copyright
    # marks alone (photo credits), leave the prose between them in the main text.
    assert between_legal_notices(lines, texts, measured, drops("en.ads.label", "ads")) is None
    credits = between_legal_notices(lines, texts, measured, drops("common.copyright.symbol-start", "copyright"))
    assert not any(credits)
    context = document_context(texts, measured, classes, removed, credits)
    assert (context.first, context.last) == (0, 5)


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (AP) — Ambassador Gordon Sondland, the most anticipated witness, testified on Wednesday.",
        "BUFFALO, N.Y. — Hours before the two-goal performance on Tuesday, the coach spoke to reporters.",
        "ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a sixth fatality linked to the virus.",
        "SÃO PAULO (Reuters) - Brazil's central bank held its benchmark rate steady on Wednesday, as expected.",
        "BERLIN -- The European Space Agency says putting astronauts to sleep could cut the cost of missions.",
    ],
)
def test_a_dateline_opens_the_story(text):
    from cleaner.heuristics.datelines import is_dateline

    assert is_dateline(text, features(text))


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE — The council has since said that the road will reopen on Friday after the repairs.",
        "ADVERTISEMENT – INKASA INTERIORS",  # no sentence
        "THE POINT -- NOW ON YOUTUBE!",  # too short for a paragraph
        "The mayor - who was re-elected last year - said the road would reopen on Friday after repairs.",
        "Washington — the capital — was quiet on Monday as most offices stayed closed for the holiday.",
    ],
)
def test_labels_and_plain_sentences_are_no_datelines(text):
    from cleaner.heuristics.datelines import is_dateline

    assert not is_dateline(text, features(text))


def test_the_main_text_starts_at_the_dateline():
    """Full-page text: teasers merged with their summaries read as prose above the story, between
    section labels; the story starts at its dateline, and the line model judges what comes before."""
    from cleaner.heuristics.context import document_context
    from cleaner.heuristics.datelines import dateline_positions

    teasers = [
        f"Officials Close County Road {day} The county said on day {day} that the road would stay closed for repairs."
        for day in range(4)
    ]
    story = "WASHINGTON (AP) — The central bank left its main interest rate unchanged on Thursday, officials said."
    texts = [teasers[0], "Local News", teasers[1], teasers[2], "Politics", teasers[3], story, PROSE]
    measured = [features(text) for text in texts]
    assert dateline_positions(texts, measured) == [6]
    datelines = [position == 6 for position in range(len(texts))]
    classes = [GOOD, BAD, GOOD, GOOD, BAD, GOOD, GOOD, GOOD]  # teasers that read as prose, labels
    assert (document_context(texts, measured, classes, [False] * len(texts)).first) == 0  # without datelines
    context = document_context(texts, measured, classes, [False] * len(texts), None, datelines)
    assert (context.first, context.last) == (6, 7)


def test_a_dateline_below_the_storys_own_paragraphs_starts_nothing():
    """A second wire story after the first one's paragraphs, or a sentence that opens with an
    acronym and a dash ("NATO — the alliance ..."): the main text keeps its start."""
    from cleaner.heuristics.context import document_context
    from cleaner.heuristics.datelines import dateline_positions

    paragraphs = [PROSE.replace("Monday", day) for day in DAYS[:4]]
    second = "LONDON (Reuters) - British inflation fell to its lowest level in three years in October, figures showed."
    texts = [*paragraphs, second]
    measured = [features(text) for text in texts]
    assert dateline_positions(texts, measured) == [4]
    datelines = [False] * 4 + [True]
    context = document_context(texts, measured, [GOOD] * 5, [False] * 5, None, datelines)
    assert (context.first, context.last) == (0, 4)


def test_a_dateline_just_above_the_main_text_starts_it(default_cleaner):
    """A short first paragraph that an ad label and a subheading part from the rest: the story
    still starts at its dateline, and its headline above stays."""
    from cleaner.heuristics.context import document_context

    texts = ["Misleading ads will cost firms a million", "MADRID (AP) — Spain's government approved a bill on Tuesday.",
             "Advertisement", "New rules", PROSE, PROSE.replace("Monday", "Tuesday")]  # fmt: skip
    measured = [features(text) for text in texts]
    classes = [BAD, NEAR, BAD, BAD, GOOD, GOOD]
    removed = [False, False, True, False, False, False]
    datelines = [False, True, False, False, False, False]
    assert document_context(texts, measured, classes, removed, None, datelines).first == 1
    assert document_context(texts, measured, classes, removed).first == 4  # without datelines
    # A headline between them: the dateline opens another story (a teaser above this one's headline).
    teaser = [texts[1], "Read more", "Spain's prime minister survives a confidence vote", *texts[4:]]
    context = document_context(teaser, [features(t) for t in teaser], [NEAR, BAD, BAD, GOOD, GOOD],
                               [False, True, False, False, False], None, [True, False, False, False, False])  # fmt: skip
    assert context.first == 3
    # A longer subheading between them, with the story's headline right above the dateline: it moves.
    story = ["Rail strike halts trains", texts[1], "Advertisement", "What passengers need to know about it", *texts[4:]]
    context = document_context(story, [features(t) for t in story], [BAD, NEAR, BAD, BAD, GOOD, GOOD],
                               [False, False, True, False, False, False], None,
                               [False, True, False, False, False, False])  # fmt: skip
    assert context.first == 1
    # A kept line right below the dateline (a teaser's headline under its lead, or the next story's
    # headline): the dateline opens a teaser, whatever sits above it.
    for teaser in (
        ["Also of interest", texts[1], "Fire in the harbour", "Advertisement", *texts[4:]],
        ["Rescue teams search for survivors after the quake", texts[1],
         "Central bank holds rates steady for a fifth month amid cooling inflation", "Tweet", *texts[4:]],
    ):  # fmt: skip
        classes = [BAD, NEAR, BAD, BAD, GOOD, GOOD]
        context = document_context(teaser, [features(t) for t in teaser], classes,
                                   [False, False, False, True, False, False], None,
                                   [False, True, False, False, False, False])  # fmt: skip
        assert context.first == 4, teaser[2]
    # More than DATELINE_GAP kept lines between them: no.
    lines = [*texts[:2], "New rules", "Key points", "By Ana Ruiz", *texts[4:]]
    context = document_context(lines, [features(t) for t in lines], [BAD, NEAR, BAD, BAD, BAD, GOOD, GOOD],
                               [False] * 7, None, [False, True] + [False] * 5)  # fmt: skip
    assert context.first == 5
    text = "\n".join(texts)
    assert default_cleaner.clean(text).splitlines()[:2] == texts[:2]


def test_the_story_after_a_run_of_teasers_keeps_its_lines_and_loses_the_teasers(default_cleaner):
    teasers = [
        f"Officials Close County Road {day} The county said on day {day} that the road would stay closed for repairs."
        for day in range(4)
    ]
    story = [
        "WASHINGTON (AP) — The central bank left its main interest rate unchanged on Thursday, officials said.",
        *(PROSE.replace("Monday", day) for day in DAYS[:3]),
    ]
    text = "\n".join([teasers[0], "Local News", teasers[1], teasers[2], "Politics", teasers[3], *story])
    assert default_cleaner.clean(text) == "\n".join(story)


TOUR_DATES = [f"June {day} -- Arena number {day}, Springfield, IL" for day in range(1, 9)]


def test_a_list_of_data_the_article_introduces_is_listed():
    from cleaner.heuristics.context import document_context

    texts = [PROSE, PROSE.replace("Monday", "Tuesday"), "The band's 2020 tour dates:", *TOUR_DATES, "Most Popular"]
    measured = [features(text) for text in texts]
    removed = [False] * (len(texts) - 1) + [True]  # the last line, as a rule would remove it
    context = document_context(texts, measured, [classify(f) for f in measured], removed)
    # Below the main text, the colon line is the list's too.
    assert context.listed == [False, False, True] + [True] * len(TOUR_DATES) + [False]


def test_a_list_in_the_articles_own_words_needs_no_figures():
    from cleaner.heuristics.context import document_context

    buy = ["You want earbuds that last a full working day", "You have found other buds uncomfortable", "You use an Android phone"]
    skip = ["You need the strongest noise cancelling for flights", "You want to charge on a wireless pad"]
    texts = [PROSE, PROSE.replace("Monday", "Tuesday"), "Should you buy them?", "Buy them if:", *buy, "Don't buy them if:", *skip, "Also consider", "Sonora Pulse 2 review: great sound"]
    measured = [features(text) for text in texts]
    removed = [False] * (len(texts) - 2) + [True, False]  # the related label, as a rule removes it
    listed = document_context(texts, measured, [classify(f) for f in measured], removed).listed
    # One line below the main text, a colon line in sentence case, its items, and the list below it
    # (two items are enough right below a list).
    assert listed == [False, False, False] + [True] * 7 + [False, False]
    # Below the main text, two items of words alone make no list: a newsroom's contact box.
    contact = [PROSE, "Get in touch with our newsroom:", "call us on the news desk", "or send us a message"]
    measured = [features(text) for text in contact]
    assert not any(document_context(contact, measured, [classify(f) for f in measured], [False] * 4).listed)
    # Items of more than WORDED_ITEM_MAX_WORDS words, or with a colon inside, end such a list.
    long_item = "Sigue toda la información de Economía y Negocios en Facebook y X, o en nuestra newsletter semanal"
    for item in (long_item, "Sonora Pulse review: great sound, shaky fit"):
        texts = [PROSE, PROSE.replace("Monday", "Tuesday"), "Buy them if:", *buy, item]
        measured = [features(text) for text in texts]
        listed = document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts)).listed
        assert listed == [False, False, True, True, True, True, False], item


@pytest.mark.parametrize(
    ("opener", "items"),
    [
        ("The band's 2020 tour dates:", ["Here Is How To Retire Early", "How To Invest In Index Funds"]),  # titles, no digits
        ("Dates", TOUR_DATES),  # no colon
        ("Dates:", TOUR_DATES),  # one word: a label, not the text's own words
    ],
)
def test_only_data_after_a_colon_line_of_the_text_is_listed(opener, items):
    from cleaner.heuristics.context import document_context

    texts = [PROSE, PROSE.replace("Monday", "Tuesday"), opener, *items]
    measured = [features(text) for text in texts]
    context = document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts))
    assert not any(context.listed)


def test_an_ad_label_neither_ends_nor_splits_the_main_text(default_cleaner):
    story = [PROSE.replace("Monday", day) for day in DAYS[:4]]
    tail = [
        "What happens next", "The court will sentence the two men in June.", "Call your child on the old number",
        "Ask a question only your child can answer", "Never transfer money under time pressure",
        "Officers said more arrests were likely in the coming weeks.",
    ]  # fmt: skip
    text = "\n".join([*story, "Advertisement", *tail, "Share this article", "Related stories", "Teaser headline"])
    # The short last section below the ad label stays with the article (as a removed line of
    # another kind, the ad label would have cut it off).
    assert default_cleaner.clean(text).splitlines() == [*story, *tail]


def test_a_list_the_article_introduces_neither_ends_nor_splits_the_main_text():
    from cleaner.heuristics.context import document_context
    from cleaner.heuristics.lists import introduced_lists

    items = ["Sudden, watery diarrhoea", "Vomiting", "Leg cramps", "Extreme thirst and sunken eyes"]
    closing = "The council said that the new leaflets would be sent out to every household in the first week of April."
    texts = [PROSE, "Advertisement", "The symptoms usually include:", *items, closing]
    measured = [features(text) for text in texts]
    classes = [classify(f) for f in measured]
    removed = [text == "Advertisement" for text in texts]
    assert introduced_lists(texts, measured, classes, removed) == [(2, 7)]
    context = document_context(texts, measured, classes, removed)
    assert (context.first, context.last) == (0, len(texts) - 1)
    # The text goes on below the list: its colon line and items are the article's, never judged.
    assert context.listed == [False] * 2 + [True] * 5 + [False]
    # Without the colon line, title-cased items (a box of teasers) are a break: the paragraph below
    # is cut off.
    plain = [PROSE, "Advertisement", "Sudden Watery Diarrhoea", "Leg Cramps Explained", "Extreme Thirst Warning", "Sunken Eyes Symptoms", closing]
    measured = [features(text) for text in plain]
    context = document_context(plain, measured, [classify(f) for f in measured], removed[:2] + [False] * 5)
    assert (context.first, context.last) == (0, 0)
    # Two words in sentence case introduce a list too (the title shape takes them for a label).
    symptoms = ["Symptoms include:", "Sudden, watery diarrhoea", "Vomiting", "Leg cramps"]
    measured = [features(text) for text in symptoms]
    assert introduced_lists(symptoms, measured, [classify(f) for f in measured], [False] * 4) == [(0, 4)]
    # A colon line that ends with a lower-case word after names introduces a list; one word does not.
    recommends = ["A Autoridade Nacional de Emergência e Proteção Civil recomenda:", "evitar a orla costeira", "não atravessar zonas inundadas"]
    measured = [features(text) for text in recommends]
    assert introduced_lists(recommends, measured, [classify(f) for f in measured], [False] * 3) == [(0, 3)]
    one_word = ["recommends:", "evitar a orla costeira", "não atravessar zonas inundadas"]
    measured = [features(text) for text in one_word]
    assert introduced_lists(one_word, measured, [classify(f) for f in measured], [False] * 3) == []
    # A title-cased colon line is a related box's label, not the article's words.
    label = ["Related Coverage From Money:", "How to retire early", "How to invest in index funds"]
    measured = [features(text) for text in label]
    assert not introduced_lists(label, measured, [classify(f) for f in measured], [False] * 3)


def test_a_list_under_a_heading_between_paragraphs_is_the_articles():
    from cleaner.heuristics.context import document_context
    from cleaner.heuristics.lists import introduced_lists

    warning = [
        "Typische Warnsignale", "Ein Anrufer gibt sich als Polizist aus", "Es wird eine hohe Geldsumme gefordert",
        "Sie werden unter starken Zeitdruck gesetzt", "So schützen Sie sich", "Sofort auflegen",
    ]  # fmt: skip
    closing = "The council said that the new leaflets would be sent out to every household in the first week of April."
    texts = [PROSE, *warning, "Advertisement", closing]
    removed = [text == "Advertisement" for text in texts]
    measured = [features(text) for text in texts]
    classes = [classify(f) for f in measured]
    assert introduced_lists(texts, measured, classes, removed) == [(1, 7)]
    context = document_context(texts, measured, classes, removed)
    assert (context.first, context.last) == (0, len(texts) - 1)
    assert context.listed[1:7] == [True] * 6  # the heading too
    # Not below a heading without prose on both sides, nor names or title-cased teasers, nor
    # lines with an address.
    staff = ["Editorial", "David Mikkelson", "Doreen Marchionni", "Bond Huberman"]
    teasers = ["More from science", "27 Oddest Medical Case Reports", "10 Strangest Medical Cases", "11 Weird Things People Swallowed"]
    author = ["Biography", "Sarah E. Needleman", "@saraheneedleman", "sarah.needleman@wsj.com"]
    # A heading may be a question.
    question = ["Wat verandert er?", "24 nieuwe bomen", "600 extra fietsenstallingen", "Zitbanken en een drinkwaterfontein"]
    texts = [PROSE, *question, closing]
    measured = [features(text) for text in texts]
    assert introduced_lists(texts, measured, [classify(f) for f in measured], [False] * len(texts)) == [(1, 5)]
    for lines in (staff, teasers, author):
        texts = [PROSE, *lines, closing]
        measured = [features(text) for text in texts]
        assert introduced_lists(texts, measured, [classify(f) for f in measured], [False] * len(texts)) == [], lines
    texts = [*warning, closing]
    measured = [features(text) for text in texts]
    assert introduced_lists(texts, measured, [classify(f) for f in measured], [False] * len(texts)) == []


def test_a_headed_list_may_hold_a_few_longer_items_and_run_to_the_next_section():
    from cleaner.heuristics.lists import introduced_lists

    ingredients = [
        "Ingredients", "125g unsalted butter", "150g light brown soft sugar", "1 large egg, at room temperature",
        "½ tsp flaky sea salt, plus extra to finish", "100g rolled oats", "120g dark chocolate (70%), roughly chopped",
    ]  # fmt: skip
    method = "1. Melt the butter in a small pan over a medium heat, swirling often, until it smells of toffee."
    texts = [PROSE, *ingredients, "Advertisement", "Method", method]
    removed = [text == "Advertisement" for text in texts]
    measured = [features(text) for text in texts]
    # One item of nine words among six; below them, past an ad label, the next section's heading and its text.
    assert introduced_lists(texts, measured, [classify(f) for f in measured], removed) == [(1, 8)]
    # A title-cased box label of three words or more allows no item longer than eight words.
    deck = ["On Our Radar", "Arnold's love child recreates iconic pic", "How Elvis bombed at Opry",
            "'Bachelor' alum Amanda Stanton says parenting makes self-care hard", "Gronk's girlfriend tells all"]  # fmt: skip
    texts = [PROSE, *deck, PROSE.replace("Monday", "Tuesday")]
    measured = [features(text) for text in texts]
    assert introduced_lists(texts, measured, [classify(f) for f in measured], [False] * len(texts)) == []
    # Under a heading of two words, a third of the items may be long; more than a third may not.
    long_item = "Ein Anrufer gibt sich am Telefon als Polizist oder Staatsanwalt aus"
    short_items = ["Sofort auflegen", "Angehörige selbst zurückrufen", "Niemals Geld übergeben"]
    for items, found in (([long_item, *short_items[:2]], True), ([long_item, long_item + " oder Arzt", short_items[0]], False)):
        texts = [PROSE, "Typische Warnsignale", *items, PROSE.replace("Monday", "Tuesday")]
        measured = [features(text) for text in texts]
        lists = introduced_lists(texts, measured, [classify(f) for f in measured], [False] * len(texts))
        assert lists == ([(1, 5)] if found else []), items
    # A question heads an explainer's answers, however long: "What is changing?"
    answers = [
        "Banks must remove mobile numbers that have been inactive for 90 days from UPI",
        "Balance checks will be limited to 50 a day per app",
        "Users will see the verified name of the person they are paying",
    ]
    for heading, found in (("What is changing?", True), ("What is changing", False)):
        texts = [PROSE, heading, *answers, PROSE.replace("Monday", "Tuesday")]
        measured = [features(text) for text in texts]
        lists = introduced_lists(texts, measured, [classify(f) for f in measured], [False] * len(texts))
        assert lists == ([(1, 5)] if found else []), heading
    # Below the list, the next section may open with a sentence that introduces a list of its own.
    symptoms = ["Quais são os sintomas?", "Febre alta, acima de 38,5°C", "Dor de cabeça", "Dor atrás dos olhos", "Cansaço"]
    for below, found in (("Segundo o Ministério da Saúde, é preciso procurar atendimento se surgirem:", True),
                         ("Veja também:", False)):  # fmt: skip
        texts = [PROSE, *symptoms, "Sinais de alerta", below, "Vômitos persistentes", "Tontura ao ficar em pé"]
        measured = [features(text) for text in texts]
        lists = introduced_lists(texts, measured, [classify(f) for f in measured], [False] * len(texts))
        assert any(opener == 1 for opener, _ in lists) == found, below


def test_a_bulleted_list_between_paragraphs_is_the_articles():
    from cleaner.heuristics.context import document_context
    from cleaner.heuristics.lists import introduced_lists

    closing = "The council said that the new leaflets would be sent out to every household in the first week of April."
    ranking = ["1. Deutschland", "2. Österreich", "3. Niederlande", "4. Dänemark"]
    texts = [PROSE, *ranking, closing]
    measured = [features(text) for text in texts]
    classes = [classify(f) for f in measured]
    # A paragraph right above, a paragraph below: the items (title-cased or not) are the article's.
    assert introduced_lists(texts, measured, classes, [False] * len(texts)) == [(0, 5)]
    context = document_context(texts, measured, classes, [False] * len(texts))
    assert (context.first, context.last) == (0, len(texts) - 1)
    assert context.listed[1:5] == [True] * 4
    # Not after a line that a rule removed ("Related:"), nor after a label, nor with no prose below,
    # nor items with an address.
    for lines, removed in (
        ([PROSE, "Related", *ranking, closing], [False, True] + [False] * 5),
        ([PROSE, "More Stories", *ranking, closing], [False] * 7),
        ([PROSE, *ranking], [False] * 5),
        ([PROSE, "• Read it at example.com/news", "• Follow www.example.com", closing], [False] * 4),
    ):
        measured = [features(text) for text in lines]
        assert introduced_lists(lines, measured, [classify(f) for f in measured], removed) == [], lines


def test_results_right_below_the_main_text_are_listed():
    from cleaner.heuristics.context import document_context

    men = ["1. Wouter Pranger 1.38.12", "2. Ruben Hamhuis +0.41", "3. Jelmer de Vries +0.41", "4. Bart Zandbergen +0.42"]
    women = ["1. Sanne Buitenhuis 1.09.55", "2. Merel Kamphuis +0.02", "3. Iris Oosterveld +0.05"]
    story = [PROSE, PROSE.replace("Monday", "Tuesday")]
    texts = [*story, "Uitslag mannen (60 km)", *men, "Uitslag vrouwen (40 km)", *women, "Meest gelezen"]
    removed = [False] * (len(texts) - 1) + [True]
    measured = [features(text) for text in texts]
    listed = document_context(texts, measured, [classify(f) for f in measured], removed).listed
    # Title-cased names with their times are results, not a listicle's teasers; the headings go with them.
    assert listed == [False, False] + [True] * (len(texts) - 3) + [False]
    # Headlines under a heading hold their figures inside, not at their end.
    news = ["Man, 34, charged after crash", "Council to cut 200 jobs", "House prices rise 5% in March"]
    texts = [*story, "Elsewhere", *news]
    measured = [features(text) for text in texts]
    assert not any(document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts)).listed)
    # Ranked lines too long for a run of data, under a heading of six words, are results too.
    stage = [
        "1. Hugo Martel (FRA, Sud Terroir), les 168 km en 4 h 02 min 17 s",
        "2. Andrés Quintero (COL, Andes Cycling) à 14 s",
        "3. Baptiste Roux (FRA, Bretagne Atlantique) à 14 s",
    ]
    texts = [*story, "Le classement de la 3e étape", *stage]
    measured = [features(text) for text in texts]
    listed = document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts)).listed
    assert listed == [False, False, True, True, True, True]
    # Ranked headlines with their figures early on are no results.
    ranked = [
        "1. Council to cut 200 jobs across the city next spring",
        "2. 40 new homes planned for the old depot site in town",
        "3. Man charged after crash on the ring road",
    ]
    texts = [*story, *ranked]
    measured = [features(text) for text in texts]
    assert not any(document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts)).listed)
    # A numbered list of headlines holds its ranks alone.
    teasers = ["1. Man charged after crash", "2. Council cuts bus routes", "3. New bridge opens on Friday"]
    texts = [*story, *teasers]
    measured = [features(text) for text in texts]
    assert not any(document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts)).listed)


def test_results_ranked_in_turn_and_lines_of_figures_are_listed():
    from cleaner.heuristics.context import document_context

    story = [PROSE, PROSE.replace("Monday", "Tuesday")]

    def listed(texts: list[str], labels: set[str] = frozenset()) -> list[str]:
        measured = [features(text) for text in texts]
        removed = [text in labels for text in texts]
        context = document_context(
            texts, measured, [classify(f) for f in measured], removed, related_labels=removed if labels else None
        )
        return [text for text, is_listed in zip(texts, context.listed) if is_listed]

    # Under a heading, ranks in turn make a race's result, whatever its times ("z.t.": same time).
    result = ["1. Lotte Verbeke (Bel) 3u22'41\"", "2. Maren Holtkamp (Dui) z.t.", "3. Eline Verstraete (Bel) z.t.",
              "4. Saskia Dijkhuis (Ned) z.t."]  # fmt: skip
    teaser = "Van der Meiren na valpartij forfait voor openingsweekend"
    assert listed([*story, "Uitslag GP Loppem", *result]) == ["Uitslag GP Loppem", *result]
    # Below a box of teasers, a table is the site's widget.
    table = ["1. Barcelona 64 puntos, 28 partidos", "2. Real Madrid 60 puntos, 28 partidos",
             "3. Atlético de Madrid 56 puntos, 28 partidos"]  # fmt: skip
    assert listed([*story, "Te puede interesar", teaser, "Clasificación LaLiga", *table], {"Te puede interesar"}) == []
    # Lines of two figures or more, under a heading: a match's statistics, a round's results.
    stats = ["Aces: Escobar 2, Lindqvist 7.", "Dobles faltas: Escobar 3, Lindqvist 6.",
             "Puntos ganados con el primer servicio: 68% y 71%."]  # fmt: skip
    assert listed([*story, "Las estadísticas", *stats]) == ["Las estadísticas", *stats]
    # A match's score above the heading of its goals is the box's too.
    goals = ["1:0 Brandt (7:41)", "2:0 Seidl (29:12/PP1)", "2:1 Kovač (29:50)", "2:2 Lindqvist (44:03)"]
    score = "EV Auerbach Falken – Kaltenbrunn Wölfe 2:4 (1:0, 1:1, 0:3)"
    assert listed([*story, score, "Tore:", *goals]) == [score, "Tore:", *goals]
    # A "Most popular" box that numbers its teasers on lines of their own holds no results.
    popular = ["1", "Apple is finally fixing the iPhone's most annoying bug", "2", "The best e-reader to buy right now",
               "3", "Google's Pixel Tablet is $100 off today", "4", "Microsoft confirms new Surface event"]  # fmt: skip
    assert listed([*story, "Most Popular", *popular], {"Most Popular"}) == []


def test_a_reviews_pros_and_cons_next_to_the_main_text_are_listed():
    from cleaner.heuristics.context import document_context

    verdict = ["The Good", "Natural, smooth assistance", "Removable battery", "The bad:", "Heavy", "No integrated lock"]
    story = [PROSE, PROSE.replace("Monday", "Tuesday")]
    footer = ["Most popular", "Man charged with cheating elderly women in $1.2m love scam"]
    for texts, box in (
        ([*story, "Rating: 4/5", *verdict, *footer], range(3, 9)),  # below the last paragraph, past one line
        ([*verdict, *story], range(0, 6)),  # above the review's introduction
        (["Voordelen", "Lichte accu", "Stil", "Nadelen", "Duur", *story], range(0, 5)),
        # below the review's specifications, which are the article's too: they do not part it from the text
        ([*story, "Technische Daten", "Leistung: 107 kW", "Verbrauch: 5,2 l/100 km", "Preis: ab 36.490 Euro",
          "Plus", "Großer Kofferraum", "Minus", "Laut beim Beschleunigen"], range(2, 10)),
        ([*story, "Pro", "einfacher Aufbau ohne Werkzeug", "gute Regelung", "Contra", "Cloud-Konto zwingend"],
         range(2, 7)),
        # a third heading runs on in the box (Ars Technica's "The good", "The bad", "The ugly")
        ([*story, "The good", "Pen feels excellent", "The bad", "Syncing needs a subscription", "The ugly",
          "The folio cover costs $50 extra", *footer], range(2, 8)),
    ):
        removed = [text == "Most popular" for text in texts]
        measured = [features(text) for text in texts]
        listed = document_context(texts, measured, [classify(f) for f in measured], removed).listed
        assert [p for p, is_listed in enumerate(listed) if is_listed] == list(box), texts
    # One side alone, a pair with no items between, a pair far below the main text, or items with
    # an address are no verdict.
    far = ["Most popular", "Read this next", "Sign up", "Listen now"]
    for texts in (
        [*story, "Pros", "Removable battery", "Sturdy rear rack", "Good brakes"],
        [*story, "The Good", "The Bad", "Heavy", "No lock"],
        [*story, *far, *verdict],
        [*story, "Pros", "www.example.com/bikes", "Cons", "Heavy"],
        [*story, "Pro", "57 %", "Contra", "43 %"],  # a poll's results
    ):
        measured = [features(text) for text in texts]
        context = document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts))
        assert not any(context.listed[len(story):]), texts


def test_a_colon_line_right_above_the_main_text_opens_its_summary():
    from cleaner.heuristics.context import document_context

    story = [PROSE, PROSE.replace("Monday", "Tuesday"), PROSE.replace("Monday", "Wednesday")]
    for top, expected in (
        (["In short:"], [True]),  # the summary's label, the points as sentences below it
        (["Share this", "Key points:"], [False, True]),
        (["Key Points From Our Sponsor:"], [False]),  # title-cased: a box's label
        (["What the council decided in its long meeting on Monday:"], [False]),  # a sentence's start, too long
        # Its points above the main text too, sentences in their own words; not teasers' headlines.
        (["Key points:", "An emergency warning is in place for three towns", "More than 30 homes are feared lost"],
         [True, True, True]),
        (["Key points:", "Bushfire Threatens Homes In The West", "More than 30 homes are feared lost"],
         [False, False, False]),
        # Names capitalise a point's words without making it a teaser's title.
        (["Summary", "OPEC+ to raise output by 548,000 bpd in August", "Saudi Arabia raises August crude prices for Asia"],
         [True, True, True]),
    ):
        texts = [*top, *story]
        measured = [features(text) for text in texts]
        context = document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts))
        assert context.first == len(top) and context.listed[: len(top)] == expected, top


def test_an_interviews_questions_and_answers_are_listed(default_cleaner):
    from cleaner.heuristics.context import document_context

    answers = [PROSE.replace("Monday", day) for day in DAYS[:4]]
    questions = ["Why did you leave?", "Do you miss it?", "¿Usa redes sociales?", "What's next?"]
    short = ["No.", "Sí, pero no se lo voy a contar. Da mala suerte."]
    texts = [answers[0], questions[0], answers[1], questions[1], answers[2], questions[2], short[0],
             answers[3], questions[3], short[1]]  # fmt: skip
    measured = [features(text) for text in texts]
    context = document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts))
    # Each question with its answer, short ones too; the last pair right below the main text too.
    assert sorted(context.interview) == [1, 2, 3, 4, 5, 6, 8, 9]
    assert all(context.listed[p] for p in context.interview)
    kept = default_cleaner.clean("\n".join(texts)).splitlines()
    assert kept == texts
    # A kept question lends no evidence of prose to its neighbours: a box's teaser above it goes.
    box = ["MORE FROM ARTS", "Winnipeg Folk Fest reveals first wave of performers"]
    texts = [answers[0], questions[0], answers[1], questions[1], answers[2], *box, questions[3], answers[3]]
    kept = default_cleaner.clean("\n".join(texts)).splitlines()
    assert kept == [text for text in texts if text not in box]
    # The first question may sit right above the main text, its answer opening it (below a
    # caption that a rule removed).
    texts = ["Leyla Aksoy (Photo: T24)", questions[0], answers[0], questions[1], answers[1], questions[2],
             answers[2], questions[3], answers[3]]  # fmt: skip
    measured = [features(text) for text in texts]
    removed = [True] + [False] * (len(texts) - 1)
    context = document_context(texts, measured, [classify(f) for f in measured], removed)
    assert context.first == 2 and 1 in context.interview
    # Two questions make no interview; a question with a teaser's headline below it has no answer.
    texts = [answers[0], questions[0], answers[1], "Related", "Why are cases rising?", "Child dies after catching measles",
             answers[2]]  # fmt: skip
    measured = [features(text) for text in texts]
    context = document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts))
    assert context.interview == frozenset()


def test_site_boxes_shaped_like_the_articles_structures_are_not_listed(default_cleaner):
    from cleaner.heuristics.context import document_context

    story = [PROSE.replace("Monday", day) for day in DAYS[:3]]

    def listed(texts: list[str], related: set[str] = frozenset()) -> list[str]:
        measured = [features(text) for text in texts]
        removed = [text in related for text in texts]
        context = document_context(
            texts, measured, [classify(f) for f in measured], removed, related_labels=removed if related else None
        )
        return [text for text, is_listed in zip(texts, context.listed) if is_listed]

    # A related label's teasers under "What you need to know" are no ingredients; a poll's "For" and
    # "Against" are no pros and cons; a deck of headlines under a box's colon label is no summary.
    assert listed([*story, "What you need to know", "Rail strike dates for May", "Can I get a refund"]) == []
    assert listed([*story, "For", "62% of votes", "Against", "38% of votes"]) == []
    assert listed(["Latest headlines:", "Man charged after crash on ring road", "School closed after boiler fails",
                   *story]) == []  # fmt: skip
    # Ranked headlines with figures right below the text, under no heading of their own, are no results.
    most_read = ["1. Coronation Street actor dies aged 82", "2. Lottery winner from Leeds scoops £4m",
                 "3. House prices rise for third month by 2.1%", "4. Man jailed for 12 years over stabbing"]  # fmt: skip
    assert listed([*story, "Most read", *most_read], {"Most read"}) == []
    # Past a related box, its short teasers are no headings of the facts box below them; past a
    # second box, a site's widget is no box of the article's.
    facts = ["Stadium: Anfield", "Referee: Anthony Taylor", "Attendance: 60,123"]
    teasers = ["Arsenal held at Villa", "Guardiola fumes at officials", "Chelsea sack Pochettino"]
    assert listed([*story, "Related", *teasers, *facts], {"Related"}) == facts
    weather = ["London: 14C, light rain", "Manchester: 12C, cloudy", "Leeds: 11C, showers"]
    boxes = ["Related", teasers[0], teasers[1], "More from Sport", teasers[2], "Arteta hails Saka"]
    assert listed([*story, *boxes, *weather], {"Related", "More from Sport"}) == []


def test_a_recipes_ingredients_under_their_heading_are_listed():
    from cleaner.heuristics.context import document_context

    def listed(texts: list[str], removed: list[bool] | None = None) -> list[int]:
        measured = [features(text) for text in texts]
        removed = removed or [False] * len(texts)
        context = document_context(texts, measured, [classify(f) for f in measured], removed)
        return [p for p, is_listed in enumerate(context.listed) if is_listed]

    story = [PROSE, PROSE.replace("Monday", "Tuesday")]
    items = ["1 rotolo di pasta brisée", "2 uova", "olio extravergine d'oliva", "sale e pepe"]
    method = "Lavate le zucchine, spuntatele e tagliatele a rondelle sottili, poi scaldate l'olio in una padella."
    # Items with and without figures, under a heading with a few words after it, down to the method.
    assert listed([*story, "Ingredienti per 6 persone", *items, method]) == [2, 3, 4, 5, 6]
    # Below the article too, past a line that a rule removed; not far below it, nor past a removed line.
    assert listed([*story, "Advertisement", "Ingredients:", *items], [False, False, True] + [False] * 5) == [3, 4, 5, 6, 7]
    assert listed([*story, "Most read", "Sign up", "Listen now", "Ingredients", *items]) == []
    assert listed([*story, "Zutaten", "2 Eier", "Share", "Mehl"], [False] * 4 + [True, False]) == []
    # A heading that only starts with the word, at length, is a sentence's start, not the heading.
    assert listed([*story, "Ingredients that make a pantry last all winter long", *items]) == []


def test_a_run_of_short_lines_with_figures_neither_ends_nor_splits_the_main_text():
    from cleaner.heuristics.context import document_context
    from cleaner.heuristics.lists import data_runs

    ingredients = ["Ingredients", "150g butter", "1 cup brown sugar", "¼ cup caster sugar", "2 tsp vanilla extract"]
    closing = "Melt the butter in a saucepan over a medium heat, swirling it until it smells nutty and turns golden."
    texts = [PROSE, *ingredients, closing]
    measured = [features(text) for text in texts]
    classes = [classify(f) for f in measured]
    assert data_runs(texts, measured, classes, [False] * len(texts)) == [2, 3, 4, 5]
    context = document_context(texts, measured, classes, [False] * len(texts))
    assert (context.first, context.last) == (0, len(texts) - 1)
    # Two lines are no run; a listicle's teasers open title-cased with their figure; a line that a
    # rule removed ends a run.
    teasers = ["27 Oddest Medical Case Reports", "11 Weird Things People Have Swallowed", "5 Foods To Avoid"]
    for lines, removed in (
        (ingredients[1:3], [False, False]),
        (teasers, [False] * 3),
        (ingredients[1:], [False, True, False, False]),
    ):
        measured = [features(text) for text in lines]
        assert data_runs(lines, measured, [classify(f) for f in measured], removed) == [], lines


MATCH_FACTS = [
    "SC Freiburg: Atubolu - Kübler, Ginter, Lienhart, Günter - Eggestein, Höfler (78. Osterhage) - Doan, Grifo",
    "TSG Hoffenheim: Baumann - Akpoguma, Nsoki, Chaves - Geiger, Bischof, Stach (70. Samassekou) - Kramaric",
    "Tore: 0:1 Kramaric (23.), 1:1 Grifo (58., Foulelfmeter), 2:1 Gregoritsch (66.), 3:1 Grifo (84.)",
    "Gelbe Karten: Eggestein - Akpoguma, Nsoki",
    "Schiedsrichter: Tobias Welz (Wiesbaden)",
    "Zuschauer: 34.700 (ausverkauft)",
]


def test_a_box_of_data_below_the_article_is_listed():
    from cleaner.heuristics.context import document_context

    def listed(texts: list[str], removed: list[bool] | None = None) -> list[bool]:
        measured = [features(text) for text in texts]
        removed = removed or [False] * len(texts)
        return document_context(texts, measured, [classify(f) for f in measured], removed).listed

    story = [PROSE, PROSE.replace("Monday", "Tuesday")]
    # Past a heading (the result), the facts of a match report: most of them hold a figure.
    assert listed([*story, "SC Freiburg - TSG Hoffenheim 3:1 (0:1)", *MATCH_FACTS, "Alle Spiele, alle Tore: DAZN"]) == [
        False, False, False, *[True] * len(MATCH_FACTS), False,
    ]  # fmt: skip
    # Up to two headings right above the box are the box's.
    headed = [*story, "FICHA TÉCNICA", "Palmeiras 2 x 0 Corinthians", *MATCH_FACTS]
    assert listed(headed) == [False, False, *[True] * (len(MATCH_FACTS) + 2)]
    # Lines that rules removed (an ad label, share buttons) do not count towards the gap; a third
    # kept line between the text and the box does.
    facts = [*story, "Advertisement", "Share this article", "SC Freiburg - TSG Hoffenheim 3:1 (0:1)", *MATCH_FACTS]
    assert listed(facts, [False, False, True, True] + [False] * 7)[5:] == [True] * len(MATCH_FACTS)
    farther = [*story, "SC Freiburg", "3:1", "TSG Hoffenheim", *MATCH_FACTS]
    assert not any(listed(farther))
    # French puts a space before the colon.
    french = ["BUTS : Kerbrat (34e), Le Goff (71e).", "AVERTISSEMENTS : Lorient : Abélard (45e).", "Arbitre : M. Delaunay."]
    assert listed([*story, *french]) == [False, False, True, True, True]
    # Two lines are no box; nor are lines without figures, or with a URL, or far below the text.
    assert not any(listed([*story, *MATCH_FACTS[:2]]))
    assert not any(listed([*story, "Tags: Politics", "Topics: Berlin, Bundestag", "Filed under: News"]))
    assert not any(listed([*story, "Listen: http://po.st/1", "Download: http://po.st/2", "iTunes: http://po.st/3"]))
    assert not any(listed([*story, "Most read", "More", "Sport", *MATCH_FACTS])[5:])
    # A line that a rule removed ends the run.
    assert not any(listed([*story, *MATCH_FACTS[:2], "Share: Facebook", *MATCH_FACTS[2:4]], [False] * 4 + [True, False, False]))
    # Right above the text, past at most two kept lines: a recipe's times, a review's specifications.
    times = ["Prep: 15 mins, plus 30 mins chilling", "Cook: 12 mins", "Makes: 16 cookies", "Difficulty: Easy"]
    assert listed(["Brown butter oat cookies", *times, *story]) == [False, *[True] * 4, False, False]
    assert listed([*times, "Key facts", "Introduction", *story])[:4] == [True] * 4
    assert not any(listed([*times, "Key facts", "Introduction", "Overview", *story]))


def test_a_short_heading_above_a_box_of_data_inside_the_article_is_the_boxs():
    from cleaner.heuristics.context import document_context

    def context(texts: list[str]):
        measured = [features(text) for text in texts]
        return document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts))

    story = [PROSE, PROSE.replace("Monday", "Tuesday")]
    after = [PROSE.replace("Monday", "Friday"), PROSE.replace("Monday", "Sunday")]
    # Inside the main text, a heading of one or two words ("IL TABELLINO"), or a result ("PALERMO-BARI
    # 2-1"), right above the box: the box's; it still lends its own score to its neighbours.
    inside = context([*story, "IL TABELLINO", "PALERMO-BARI 2-1", *MATCH_FACTS, *after])
    assert [inside.listed[p] for p in (2, 3)] == [True, True] and inside.not_prose == {2, 3}
    # A longer line there is a teaser's headline, not the box's heading.
    teaser = context([*story, "Cremonese held to a draw by Sampdoria at home", *MATCH_FACTS, *after])
    assert not teaser.listed[2] and not teaser.not_prose
    # Between two paragraphs, a figure anywhere in a "key: value" line makes it data (a road's
    # number); below the text, the value must hold it.
    roads = [
        "Statale 24 del Monginevro: chiusa tra Cesana Torinese e Claviere",
        "Provinciale 23 del Sestriere: aperta, catene obbligatorie",
        "Autostrada A32 Torino-Bardonecchia: catene a bordo obbligatorie",
    ]
    assert context([*story, *roads, *after]).listed[2:5] == [True] * 3
    assert not any(context([*story, *roads]).listed)


def test_a_box_of_facts_under_its_heading_is_listed(conservative_cleaner):
    from cleaner.heuristics.context import document_context

    def listed(texts: list[str]) -> list[int]:
        measured = [features(text) for text in texts]
        context = document_context(texts, measured, [classify(f) for f in measured], [False] * len(texts))
        return [p for p, is_listed in enumerate(context.listed) if is_listed]

    story = [PROSE, PROSE.replace("Monday", "Tuesday")]
    # Line-ups as names under the teams' names, with the formation, the officials, the crowd.
    lineups = [
        "Line-ups", "Stockport", "Formation 4-2-3-1", "Marsh, Quinlan, Pereira, Tolley, Lewis, Brannigan, Ridley.",
        "Substitutes: Doyle, Ashworth, Sidibe.", "Wycombe", "Formation 3-4-3", "Pryce, Gilchrist, Lomax, Tennant, Harker.",
        "Referee: Neil Ashcroft.", "Attendance: 10,412.",
    ]  # fmt: skip
    assert listed([*story, *lineups]) == list(range(2, 12))
    # French facts in sentences, under "La fiche du match"; a heading below the box heads what follows,
    # and a teaser shaped as "key: value" without data ends it.
    fiche = [
        "La fiche du match", "Stade Francis-Le Blé. 14 862 spectateurs. Arbitre : M. Lefèvre.",
        "Buts : Kerouédan (58e, 71e) pour Brest ; Diallo (34e) pour Nantes.", "Corners : 7 – 2",
    ]  # fmt: skip
    assert listed([*story, *fiche, "Mehr Handball", "Champions League: Magdeburg mit Kantersieg"]) == [2, 3, 4, 5]
    # The ground's name, a heading of four words, and the coaches' lines belong to it too.
    ficha = ["Ficha de jogo", "Estádio Municipal de Vilarinho", "Árbitro: Gonçalo Pinheiro (AF Braga)", "Vilarinho",
             "Bernardo Lobo; Vítor Moreira, Zé Tiago, Kelvin, Samuel Fonte", "Treinador: Nuno Leal",
             "Golos: Rúben Caldas (17'), Hugo Baptista (74')"]  # fmt: skip
    assert listed([*story, *ficha]) == list(range(2, 9))
    # No figures (a site's masthead under "Ficha técnica"), or far below the text: no box.
    masthead = ["Ficha técnica", "Diretor: João Vieira", "Editora: Marta Lopes", "Propriedade: Grupo Exemplo"]
    assert listed([*story, *masthead]) == []
    far = ["Most read", "Sport", "Weather", "Latest news"]
    assert listed([*story, *far, *lineups]) == []
    # Above the text, such lines are a scoreboard's tabs.
    assert listed([*lineups, *story]) == []
    # A table's header (headings in a row) or a number alone on its line ends the box.
    table = ["Scottish Championship table", "Pos", "Team", "P", "Pts", "1", "Dunmarch Athletic", "28", "58"]
    assert listed([*story, *lineups, *table]) == list(range(2, 12))
    # The box's heading stays even when a tab of the page repeats it.
    page = "\n".join([*story, *lineups, "Live Text", "Line-ups", "Stats"])
    assert conservative_cleaner.clean(page).splitlines()[:12] == [*story, *lineups]


def test_facts_without_figures_and_a_box_past_a_related_box_are_listed(default_cleaner):
    from cleaner.heuristics.context import document_context

    def listed(texts: list[str], removed: list[bool], related: list[bool] | None = None) -> list[int]:
        measured = [features(text) for text in texts]
        context = document_context(texts, measured, [classify(f) for f in measured], removed, related_labels=related)
        return [p for p, is_listed in enumerate(context.listed) if is_listed]

    story = [PROSE, PROSE.replace("Monday", "Tuesday")]
    # Keys of a box of facts need no figure in their values ("Árbitro", "Estadio", "Dónde").
    facts = [
        "Rosario Central: Matías Ledesma; Nahuel Acosta, Bruno Sartori, Leandro Gaitán",
        "Talleres: Ramiro Olmedo; Diego Benítez, Iván Castro, Facundo Luján",
        "Goles: PT 34m Villalba (T). ST 35m Ibarra (RC) y 42m Lombardi (RC).",
        "Árbitro: Yael Falcón Pérez.",
        "Estadio: Gigante de Arroyito.",
    ]
    plain = [False] * (len(story) + len(facts))
    assert listed([*story, *facts], plain) == [2, 3, 4, 5, 6]
    # A site's "key: value" furniture is no box.
    assert listed([*story, "Autor: Ana Ruiz", "Fuente: EFE", "Foto: Archivo"], [False] * 5) == []
    # A buying guide's picks between its paragraphs ("Best ..." keys) are the article's.
    picks = ["Best overall: Warmrail Deluxe 3-Tier", "Best for small spaces: Hearthline Slimfold",
             "Best budget buy: Kestrel Basics Wing Airer", "Best smart airer: Nimbly Dry Connect"]  # fmt: skip
    texts = [*story, *picks, PROSE.replace("Monday", "Friday")]
    assert listed(texts, [False] * len(texts)) == [2, 3, 4, 5]
    assert listed([*story, "Shop: Argos", "Brand: Warmrail", "Model: Deluxe", story[0]], [False] * 6) == []
    # Past a related box's label and teasers, a box of facts with its heading is the article's.
    teasers = ["River empató en Mendoza y sigue sin ganar de visitante", "Boca confirmó la lesión de su arquero"]
    texts = [*story, "Mirá también", *teasers, "La síntesis", *facts]
    removed = [text == "Mirá también" for text in texts]
    assert listed(texts, removed, removed) == list(range(5, 11))
    assert listed(texts, removed) == []  # (without the related labels, as in the conservative profile)
    # The label then ends nothing: the box stays, the label and its teasers go.
    kept = default_cleaner.clean("\n".join([*story, "Related stories", *teasers, "La síntesis", *facts]))
    assert kept.splitlines() == [*story, "La síntesis", *facts]


def test_a_related_box_between_paragraphs_neither_ends_the_article_nor_stays(default_cleaner):
    from cleaner.heuristics.related_boxes import related_boxes

    story = [PROSE.replace("Monday", day) for day in DAYS[:4]]
    teasers = ["Füchse Berlin bauen Tabellenführung aus", "Nationalmannschaft: Bundestrainer nominiert zwei Neulinge"]
    facts = ["Die Statistik zum Spiel", "Schiedsrichter: Fabian Baumgart / Sascha Wild", "Zuschauer: 4.811", "Zeitstrafen: 3 / 4"]
    closing = [
        "On Sunday the team travels north for the derby, and the coach said his players were ready for it.",
        "The club also said that tickets for the next home game would go on sale on Monday morning.",
    ]
    text = "\n".join([*story, "Related stories", *teasers, *facts, *closing])
    kept = default_cleaner.clean(text).splitlines()
    # The article goes on below the box: its facts and closing paragraphs stay, the label and the
    # teasers go (the heading above the facts is the article's next section, no teaser).
    assert kept == [*story, *facts, *closing]
    # The teasers go as the box's even where the line model would keep them.
    removals = cleaner.clean_and_explain(text, cleaner.CleanerConfig(disable=("line-score",))).removals
    assert {r.text.strip(): r.evidence.name for r in removals} == {
        "Related stories": "en.related.heading", teasers[0]: "related-box", teasers[1]: "related-box",
    }
    # The next section's heading right below the box is a subheading of the article.
    recipes = ["Salted caramel millionaire's shortbread", "Easy one-bowl banana bread", "Lemon and poppy seed drizzle cake"]
    tips = [PROSE.replace("Monday", "Friday"), PROSE.replace("Monday", "Saturday")]
    kept = default_cleaner.clean("\n".join([*story, "You'll also love", *recipes, "Tips", *tips])).splitlines()
    assert kept == [*story, "Tips", *tips]
    # "related-box" switches the box off, its bridging too; the conservative profile finds it too.
    import cleaner.decide as decide_module

    seen = []
    original = decide_module.analyse

    def recording(*args, **kwargs):
        analysis = original(*args, **kwargs)
        seen.append(analysis.context.related_boxes)
        return analysis

    decide_module.analyse = recording
    try:
        seen.clear()
        removals = cleaner.Cleaner(cleaner.CleanerConfig(disable=("related-box",))).clean_and_explain(text).removals
        assert seen and not any(seen) and all(r.evidence.name != "related-box" for r in removals)
        for profile in cleaner.PROFILES:  # (the line model off: it may take a teaser first)
            seen.clear()
            config = cleaner.CleanerConfig(profile=profile, disable=("line-score",))
            removals = cleaner.Cleaner(config).clean_and_explain(text).removals
            assert seen[0] and {r.text.strip() for r in removals if r.evidence.name == "related-box"} == set(teasers)
    finally:
        decide_module.analyse = original
    # A box at the article's end, then a site's one-line footer and its links, is no box of the
    # article's: the footer does not stay.
    footer = "The Daily Example is an independent newspaper founded in 1901 and owned by its readers."
    text = "\n".join([*story, "Related", "Man charged after crash", "Council cuts three bus routes", footer, "Contact us", "Privacy"])
    assert default_cleaner.clean(text).splitlines() == story
    # One line of no prose below the label (a teaser's headline, then its summary) is no box; nor is
    # a label below no prose.
    measured = [features(text) for text in [*story[:1], "Related", "Headline of a teaser", story[1]]]
    classes = [classify(f) for f in measured]
    assert related_boxes(measured, classes, [False, True, False, False], [False, True, False, False]) == []
    measured = [features(text) for text in [*story[:1], "Menu", "Related", *teasers, *story[1:3]]]
    classes = [classify(f) for f in measured]
    removed = [False, False, True, False, False, False, False]
    assert related_boxes(measured, classes, removed, removed) == []
    assert related_boxes(measured[:1] + measured[2:], classes[:1] + classes[2:], removed[1:], removed[1:]) == [(1, 4)]
    # With one sentence below it, the text does not go on: no box.
    assert related_boxes(measured[:1] + measured[2:-1], classes[:1] + classes[2:-1], removed[1:-1], removed[1:-1]) == []


def test_a_related_box_above_the_articles_last_paragraph_loses_its_teasers(default_cleaner):
    """The article goes on with one paragraph below the box, too little to tell it from a footer:
    the main text does not bridge the box, yet its teasers are no article lines."""
    recipe = [
        "Las galletas de mantequilla son probablemente la primera receta de repostería que muchos aprendimos en casa.",
        "La clave está en la temperatura de la mantequilla: si está demasiado fría no se integra con el azúcar.",
        "A diferencia de las cookies americanas, que quedan blandas en el centro, estas son más parecidas a las de Reno.",
        "Elaboración",
        "1. Batir con unas varillas la mantequilla con el azúcar hasta obtener una crema blanquecina, unos tres minutos.",
        "2. Añadir el huevo, la vainilla y la sal, y mezclar hasta que estén bien integrados en la masa.",
        "3. Hornear entre 10 y 12 minutos, hasta que los bordes empiecen a dorarse, y dejar enfriar sobre una rejilla.",
    ]
    teasers = ["Bizcocho de yogur: la receta de siempre que nunca falla",
               "Las mejores pastelerías de Bilbao, según nuestros lectores"]  # fmt: skip
    tip = "Un consejo: la masa se puede congelar ya formada en cilindro hasta tres meses, envuelta en papel film."
    box = ["Newsletter Gastronomía", "Recetas, restaurantes y novedades de la cocina vasca, cada jueves en tu correo.", "Apúntate"]
    result = default_cleaner.clean_and_explain("\n".join([*recipe, "Te puede interesar", *teasers, tip, *box]))
    assert result.text.splitlines() == [*recipe, tip]
    reasons = {r.text.strip(): r.evidence.reason for r in result.removals}
    assert reasons[teasers[1]] == "teaser in a related box inside the article"


def test_a_related_box_right_below_its_label_ends_at_a_blank_line():
    """A box whose teaser follows its label without a blank line ends at one: the article's next
    section below ("Les principales mesures" and its items) is no teaser."""
    lead = (
        "Le gouvernement a présenté jeudi son projet de budget pour 2025, qui prévoit 60 milliards "
        "d'euros d'économies afin de ramener le déficit public à 5 % du PIB."
    )
    section = ["Les principales mesures", "Une contribution exceptionnelle des grandes entreprises", "Le report de l'indexation des retraites"]
    rest = [
        "Ces mesures doivent rapporter près de 20 milliards d'euros dès l'an prochain, selon Bercy. "
        "L'opposition dénonce un « matraquage fiscal ».",
        "Le texte sera examiné à l'Assemblée nationale à partir du 21 octobre, dans un climat politique tendu.",
    ]
    teaser = "Dette publique : la France sous la surveillance des agences de notation"
    text = "\n\n".join([lead, f"Lire aussi\n{teaser}", "\n".join(section), *rest])
    config = cleaner.CleanerConfig(profile="conservative", disable=("line-score",))
    result = cleaner.clean_and_explain(text, config)
    assert [line for line in result.text.splitlines() if line] == [lead, *section, *rest]
    assert {r.text.strip(): r.evidence.name for r in result.removals}[teaser] == "related-box"


def test_a_sign_up_box_is_bridged_only_with_the_article_above_and_below_it():
    from cleaner.heuristics.related_boxes import bridged_signup_box, signup_boxes

    story = [PROSE.replace("Monday", day) for day in DAYS[:4]]
    box = ["Skip past newsletter promotion", "Sign up to Down to Earth", "Free weekly newsletter", "after newsletter promotion"]
    labels = [False, False, True, False, True, True, False, False]

    def found(texts, labels, removed=None, passable=None):
        measured = [features(text) for text in texts]
        classes = [classify(f) for f in measured]
        removed = removed or labels
        boxes = signup_boxes(measured, classes, removed, labels)
        return boxes, [bridged_signup_box(measured, classes, removed, box, passable) for box in boxes]

    # Between paragraphs: one box from its first label to its last, the article going on at 6.
    assert found([*story[:2], *box, *story[2:]], labels) == ([(2, 5)], [6])
    # At the article's end, above one sentence of a site's footer: a box, the article not going on.
    footer = "The Daily Example is an independent newspaper founded in 1901 and owned by its readers."
    assert found([*story, *box, footer], [False] * 4 + labels[2:6] + [False]) == ([(4, 7)], [-1])
    # Below its own blurb, above the article: no article above it to bridge.
    blurb = "Our newsroom brings you its best stories every day."
    texts = ["Le Parisien", blurb, "Sign up to our newsletter", *story]
    assert found(texts, [False, False, True, False, False, False, False]) == ([(2, 2)], [-1])
    # Below no prose (a menu), no box at all; labels three kept lines apart are two boxes.
    assert found(["Menu", *box, *story], [False, True, False, True, True] + [False] * 4)[0] == []
    spread = [*story[:2], box[0], "One", "Two", "Three", box[3], *story[2:]]
    assert found(spread, [False, False, True, False, False, False, True, False, False])[0] == [(2, 2)]
    # Past a related label that rules removed above the box, the lines above are no longer the
    # article's (CNBC: "More In Dubai Airshow", "Got a confidential news tip?", "CNBC Newsletters");
    # an ad label there is passed.
    tip = "Got a confidential news tip? We want to hear from you."
    texts = [*story[:2], "More In Dubai Airshow", tip, *box, *story[2:]]
    labels = [False, False, False, False, True, False, True, True, False, False]
    removed = [False, False, True, *labels[3:]]
    assert found(texts, labels, removed, labels) == ([(4, 7)], [-1])
    assert found(texts, labels, removed, [False, False, True, *labels[3:]]) == ([(4, 7)], [8])


def test_subheadings_of_the_main_text_are_never_judged(default_cleaner):
    paragraphs = [PROSE.replace("Monday", day) for day in DAYS[:4]]
    text = "\n".join([
        paragraphs[0], paragraphs[1], "Advertisement", "Sign up for our newsletter", "What happens next",
        paragraphs[2], "Other business", paragraphs[3],
    ])  # fmt: skip
    kept = default_cleaner.clean(text).splitlines()
    assert "What happens next" in kept and "Other business" in kept
    measured = default_cleaner.measure(text)
    decisions, weak = apply_rules(measured.matches)
    analysis = analyse(
        measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
    )
    assert analysis._subheadings() == [4, 6]
    # One capitalised word is a subheading; title-shaped lines, a word in capitals, a short word,
    # sentences, lines above no prose and one line in capitals alone are not.
    for line, subheading in (
        ("Background", True), ("L'app", True), ("Read More Stories", False), ("TEDMED", False), ("Fazit", True),
        ("Regan", True), ("Art", False), ("The vote was close.", False), ("Brigit Katz", False),
        ("Tottenham - Arsenal", False), ("AUSTRALIA AHEAD", False), ("READ MORE STORIES HERE NOW PLEASE", False),
    ):  # fmt: skip
        other = text.replace("Other business", line)
        measured = default_cleaner.measure(other)
        decisions, weak = apply_rules(measured.matches)
        analysis = analyse(
            measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
        )
        assert (6 in analysis._subheadings()) == subheading, line
    # Two to six words in capitals are subheadings when the text holds two or more, as an agency's
    # story does ("AUSTRALIA AHEAD"); one alone is as often a sponsor's label ("PAID PARTNER CONTENT").
    for pair, found in ((("KAZAKHSTAN WINS AGAIN", "AUSTRALIA AHEAD"), [4, 6]), (("What happens next", "PAID PARTNER CONTENT"), [4])):
        other = text.replace("What happens next", pair[0]).replace("Other business", pair[1])
        measured = default_cleaner.measure(other)
        decisions, weak = apply_rules(measured.matches)
        analysis = analyse(
            measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
        )
        assert analysis._subheadings() == found, pair
    # Past a video player's title between its label and its duration, it is too.
    player = text.replace("Advertisement\nSign up for our newsletter", "Video\nThe moment the bridge reopened to traffic\n01:34")
    measured = default_cleaner.measure(player)
    decisions, weak = apply_rules(measured.matches)
    analysis = analyse(
        measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
    )
    assert 5 in analysis._subheadings()
    assert "What happens next" in default_cleaner.clean(player).splitlines()
    # Below a kept line that is no prose (a box's heading), a short line is no subheading.
    boxed = text.replace("Sign up for our newsletter", "Brainerd Dispatch News Alerts")
    measured = default_cleaner.measure(boxed)
    decisions, weak = apply_rules(measured.matches)
    analysis = analyse(
        measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
    )
    assert 4 not in analysis._subheadings() and 6 in analysis._subheadings()
    # But past a box's title and the lines of the box that the rules removed below it, it is.
    boxed = text.replace(
        "Sign up for our newsletter",
        "Brainerd Dispatch News Alerts\nGet the latest news stories straight to your inbox. Sign up today!\nSign up",
    )
    measured = default_cleaner.measure(boxed)
    decisions, weak = apply_rules(measured.matches)
    assert {measured.nonblank[p] for p in (4, 5)} <= decisions.drop.keys()
    analysis = analyse(
        measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
    )
    assert analysis._subheadings() == [6, 8]
    assert "What happens next" in default_cleaner.clean(boxed).splitlines()
    # Between a list of the article's and its next paragraph, or above such a list, too.
    ingredients = ["Ingredients", "150g butter", "2 large eggs", "½ tsp flaky sea salt, plus extra to finish"]
    steps = ["1. Melt the butter in a small pan over a medium heat, swirling often until it smells nutty.",
             "2. Whisk both sugars into the butter, then beat in the egg and vanilla until glossy."]  # fmt: skip
    recipe = [paragraphs[0], paragraphs[1], *ingredients, "Advertisement", "Method", *steps, paragraphs[2]]
    assert default_cleaner.clean("\n".join(recipe)).splitlines() == [line for line in recipe if line != "Advertisement"]
    # Above a sentence that opens a list with a colon, past a related teaser that a rule removed.
    opened = text.replace(
        "Other business", "RELATED: Council approves its budget for next year\nWhat was proposed"
    ).replace(paragraphs[3], "Under the plan presented to the neighbourhood association in October, the city would have:\n" + paragraphs[3])
    measured = default_cleaner.measure(opened)
    decisions, weak = apply_rules(measured.matches)
    analysis = analyse(
        measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
    )
    assert measured.texts[7] == "What was proposed" and 7 in analysis._subheadings()


def test_tour_dates_after_the_article_stay(default_cleaner):
    text = "\n".join([PROSE, PROSE.replace("Monday", "Tuesday"), "The band's 2020 tour dates:", *TOUR_DATES])
    assert default_cleaner.clean(text) == text


WRAPPED = [
    "The council voted on Tuesday to close the old bridge to",
    "traffic for two years while engineers rebuild its central span, a",
    "spokesman said, adding that buses would be rerouted through the town centre.",
]


def test_the_lines_of_a_wrapped_paragraph_take_its_class():
    from cleaner.heuristics.wrapping import paragraph_classes

    texts = ["Menu", *WRAPPED, "Share"]
    words = [words_of(text.lower()) for text in texts]
    measured = [measure(text, line_words, stopwords("en")) for text, line_words in zip(texts, words)]
    alone = [classify(f) for f in measured]
    assert alone[1:4] != [GOOD] * 3
    assert paragraph_classes(texts, words, measured, alone, stopwords("en")) == [alone[0], GOOD, GOOD, GOOD, alone[4]]


@pytest.mark.parametrize(
    "following",
    [
        "example.com brings you the latest bike reviews, news and events from the world of motorcycling, with "
        "tests of new models and of the kit, and the stories of the people who ride them every day.",
        "iPhone owners can update their phones today, and the company said that the new version of the software "
        "would reach all of the older models within the next two weeks.",
    ],
)
def test_a_domain_or_brand_in_lower_case_starts_no_continuation(following):
    from cleaner.heuristics.wrapping import paragraph_classes

    texts = ["Contact editorial", following]
    words = [words_of(text.lower()) for text in texts]
    measured = [measure(text, line_words, stopwords("en")) for text, line_words in zip(texts, words)]
    alone = [classify(f) for f in measured]
    assert paragraph_classes(texts, words, measured, alone, stopwords("en")) == alone


def test_lower_case_menus_are_not_paragraphs():
    from cleaner.heuristics.wrapping import paragraph_classes

    texts = ["icon bookmark", "icon camera", "icon chevron down", "icon search", "icon share", "icon sign in"] * 4
    words = [words_of(text) for text in texts]
    measured = [measure(text, line_words, stopwords("en")) for text, line_words in zip(texts, words)]
    alone = [classify(f) for f in measured]
    assert paragraph_classes(texts, words, measured, alone, stopwords("en")) == alone


def test_classes():
    assert classify(features(PROSE)) == GOOD
    assert classify(features("A spokeswoman for the company declined to comment on it.")) == NEAR
    assert classify(features("He said no.")) == SHORT
    assert classify(features("Related Articles From Our Network")) == BAD


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Bundesregierung hat am Montag beschlossen, dass die Steuern für alle Bürger erhöht werden.", "de"),
        ("Le gouvernement a décidé que les impôts seront augmentés pour tous les citoyens du pays.", "fr"),
        ("La decisión del gobierno fue tomada después de una larga reunión con los sindicatos.", "es"),
        ("Il governo ha deciso che le tasse saranno aumentate per tutti i cittadini del paese.", "it"),
        ("O governo decidiu que os impostos serão aumentados para todos os cidadãos do país.", "pt"),
        ("De regering heeft besloten dat de belastingen voor alle burgers van het land worden verhoogd.", "nl"),
        (PROSE, "en"),
        ("12 34 56 78", None),
        (  # names and scores: no language; Finnish's noisy stoplist holds many English names
            "\n".join([
                "GIRLS BASKETBALL", "Palm Bay d. Rockledge 70-44", "Rockledge 14 11 6 15 — 44",
                "Palm Bay 18 22 13 17 — 70",
                "Palm Bay (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points. Bozeman 10 points.",
                "Rockledge (0-1): Blakely 15 points. Devoe 2 points. Baker 6 points. Upshaw 3 points.",
                "Heritage d. Titusville 53-9",
                "Heritage (1-0): Armani Sheffield 19 points and 3 steals. Kelli Howard 6 steals.",
            ]),
            None,
        ),
        (  # a recipe page of the development set: Finnish's stoplist ("and", "the", "cup", "green")
            # wins the vote of distinctive stopwords by 31 to 30, English covers more of the words
            "\n".join([
                "Asian Chicken Zoodles [1 cup zucchini noodles (sautéed using nonstick spray), 4 oz. cooked chicken, ½ cup edamame, 1 tsp. sesame oil, 1 tsp. soy sauce, 1 tsp. fresh ginger, 1 Tbsp. green onions, 1 Fresno chile or chili flakes]",
                "Asian Chicken Zoodles [1 cup zucchini noodles (sautéed using nonstick spray), 4 oz. cooked chicken, ½ cup edamame, 1 tsp. sesame oil, 1 tsp. soy sauce, 1 tsp. fresh ginger, 1 Tbsp. green onions, 1 Fresno chile or chili flakes]",
                "Asparagus and Eggs [1 cup asparagus, 2 soft-boiled or poached eggs, ½ cup sweet potato (or 1 slice whole-grain toast), 1 tsp. olive oil for potatoes (or 1 tsp. grass-fed butter for toast)]",
                "Asparagus and Eggs [1 cup asparagus, 2 soft-boiled or poached eggs, ½ cup sweet potato (or 1 slice whole-grain toast), 1 tsp. olive oil for potatoes (or 1 tsp. grass-fed butter for toast]",
                "This meal plan works for both 80 Day Obsession and A Little More Obsessed, so no need to figure out a whole new meal prep when you finish one program and start another.",
                "If you’ve done 80 Day Obsession with Autumn Calabrese, you’ve seen firsthand how her Timed-Nutrition Meal Plan complements the workouts to get you the best results.",
                "A Little More Obsessed follows the same nutrition plan, so you can simply use the Phase 1 calculation from 80 Day Obsession to determine your daily calorie target.",
                "1 scoop Shakeology, 1 cup strawberries, 8 oz. unsweetened almond milk (or 1 tsp. nut butter and 8 oz. water)",
                "Tomato Cucumber Salad (½ cup cherry tomatoes, ½ cup cucumber slices, ¼ cup feta, 1 Tbsp. balsamic vinegar)",
            ]),
            "en",
        ),
        # One short sentence: its one-letter words count towards the minimum, not the vote.
        ("El presidente y la ministra fueron a Madrid y a Sevilla la semana pasada.", "es"),
        (  # a match report whose longest lines are its line-ups: initials are no stopwords
            "\n".join([
                "Kerry: S Ryan; G White, J Foley, T O'Sullivan; P Murphy, G O'Sullivan, M Breen; D O'Connor, J Barry, G O'Sullivan; S O'Shea, D Moynihan, P Clifford; D Clifford, P Geaney.",
                "Dublin: S Cluxton; E Murchan, M Fitzsimons, D Byrne; J Small, B Howard, L O'Dell; B Fenton, T Lahiff; N Scully, C Costello, L Gannon; C O'Callaghan, D Rock, P Mannion.",
                "The Fossa man struck the game's only goal in the 41st minute, flicking a Paudie Clifford delivery past Stephen Cluxton to break Dublin's resistance.",
                "Dublin had led by a point at half-time, 0-10 to 0-9, after a first half in which Con O'Callaghan kicked three fine points from play.",
            ]),
            "en",
        ),
    ],
)
def test_detect_language(text, language):
    assert detect_language([text]) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("国家统计局26日发布数据显示，前10个月全国规模以上工业企业实现利润总额同比增长3.1%，比前9个月加快0.4个百分点。", "zh"),
        ("立法院今天三讀通過修正案，行政院表示將盡快公布施行，並與地方政府協調相關細節。", "zh"),
        # kanji with the kana of its endings and particles
        ("日本銀行は来月の金融政策決定会合で、追加利上げを検討する見通しだ。植田総裁は「データを確認したい」と述べた。", "ja"),
        ("정부는 27일 서울에서 열린 회의에서 내년 예산안을 확정했다고 밝혔다. 기획재정부 관계자는 이같이 말했다.", "ko"),
        # a Chinese text naming a Japanese film in kana stays Chinese
        ("宫崎骏的新片《君たちはどう生きるか》在内地上映后，票房在一周内突破了三亿元，观众反响热烈。", "zh"),
        # an English text quoting a name in Han characters stays English
        ("Chinese leader Xi Jinping (习近平) met the Japanese prime minister in Beijing on Monday, officials said.", "en"),
        # a market report in kanji and figures, its kana a seventh of its letters
        ("東証株価指数終値2850.12、前日比15.33高。東証プライム市場売買代金概算4兆1200億円、売買高概算18億株。"
         "日経平均株価終値3万9250円、前日比412円高。値上がり銘柄数1201、値下がり銘柄数389、変わらず60。", "ja"),
        # Korean with more Hanja than Hangul
        ('政府는 來年度 豫算案을 國會에 提出했다. 總支出은 前年對比 3.2% 增加한 677兆원 規模다. 企劃財政部 長官은 '
         '"財政 健全性을 維持하면서 民生 安定에 注力했다"고 說明했다.', "ko"),
        # Traditional Chinese quoting Japanese titles in book-title marks
        ("宮崎駿新作《君たちはどう生きるか》上映後，記者專訪了日本影評人。記者：您怎麼看《君たちはどう生きるか》這部電影？"
         "影評人：它和《となりのトトロ》《もののけ姫》都不一樣，更像是導演的自傳。", "zh"),
        # a Japanese page heavy with product names
        ("AppleはiPhone 16 Pro MaxやiPad Pro（M4）、MacBook Air（M3, 15-inch）など新製品をWWDC 2024で発表した。"
         "新しいiOS 18ではApple Intelligence、ChatGPT連携、Siriの刷新などが目玉となる。", "ja"),
    ],
)
def test_detect_language_of_unspaced_scripts_by_their_letters(text, language):
    assert detect_language([text]) == language


def test_detection_among_given_languages_with_and_without_a_stoplist():
    """A caller may name languages that jusText has no stoplist for (Korean) beside ones it has:
    the script decides the first, stopwords the others (the vote once asked for a Korean
    stoplist and failed)."""
    german = "Die Stadt hat in den letzten Jahren viele neue Wohnungen gebaut, und die Mieten sind gestiegen."
    korean = "정부는 27일 서울에서 열린 회의에서 내년 예산안을 확정했다고 밝혔다."
    assert detect_language([german], ("ko", "de")) == "de"
    assert detect_language([korean], ("ko", "de")) == "ko"
    assert detect_language([korean], ("de",)) is None


def test_max_segment_finds_the_heaviest_run():
    assert max_segment([-5, 3, 4, -1, 6, -20, 5]) == (1, 4)
    assert max_segment([-1, -2]) == (-1, -1)
    assert max_segment([]) == (-1, -1)


def test_feature_values_list_every_feature_in_order():
    source = Path(__file__).parents[1] / "cleaner" / "heuristics" / "scoring.py"
    names = re.findall(r"^        .*,  # (\w+)$", source.read_text(encoding="utf-8"), re.M)
    assert names == list(NAMES)
    assert set(NAMES) == set(FEATURES)


def test_shipped_model_uses_known_features_only():
    data = json.loads((resources.files("cleaner.heuristics") / "line_model.json").read_text(encoding="utf-8"))
    assert set(data["weights"]) <= set(NAMES)
    assert line_model().weights  # loads


def test_model_score_and_reasons():
    model = LineModel.from_mapping({"very_short": 3.0, "terminal": -2.0}, bias=0.0)
    vector = tuple(1.0 if name == "very_short" else 0.0 for name in NAMES)
    assert model.score(vector) == pytest.approx(1 / (1 + 2.718281828 ** -3), rel=1e-6)
    assert model.top_reasons(vector) == [FEATURES["very_short"]]
    with pytest.raises(ValueError, match="unknown"):
        LineModel.from_mapping({"no_such_feature": 1.0}, 0.0)


@pytest.mark.parametrize("case", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_score_in_context_is_the_score_of_the_vector(case, default_cleaner):
    """The two-step score (line-local sum once, context per pass) is the very float of the vector's."""
    measured = default_cleaner.measure((case / "input.txt").read_text(encoding="utf-8"))
    decisions, weak = apply_rules(measured.matches)
    analysis = analyse(
        measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
    )
    model = line_model()
    score_of = analysis.scorer(model)
    for position in range(len(measured.nonblank)):
        assert score_of(position) == model.score(analysis.vector(position))


def test_a_related_label_above_the_article_ends_nothing(default_cleaner):
    """A "Latest" label in the menu above the article does not mark the article as its tail,
    however many words of headlines the menu has before it."""
    menu = [
        f"Officials in the county said on day {day} that the road would stay closed for repairs" for day in range(12)
    ]
    body = [PROSE.replace("Monday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday")]
    sections = ["World", "Politics", "Business", "Sports", "Science", "Health", "Travel", "Style", "Opinion"] * 4
    text = "\n".join([*menu, *sections, "Latest", *body, "Most Popular", "Teaser headline number one"])
    measured = default_cleaner.measure(text)
    decisions, weak = apply_rules(measured.matches)
    analysis = analyse(
        measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
    )
    assert measured.texts.index("Latest") in decisions.drop  # the rule removes the label itself
    assert analysis.context.prose_before[len(menu)] >= 100
    assert analysis.context.first == measured.texts.index(body[0])
    assert analysis.terminator == measured.texts.index("Most Popular")
    assert all(line in default_cleaner.clean(text) for line in body)


def test_a_line_between_two_rule_lines_of_one_box_belongs_to_the_box(conservative_cleaner):
    """The pitch of a newsletter box, between its heading and its form, goes with them; an
    article paragraph between two ad labels stays."""
    body = [PROSE.replace("Monday", day) for day in ("Monday", "Tuesday", "Wednesday")]
    pitch = "Get the day's big stories and the fun stuff you love, like mock drafts, picks and power rankings."
    boxed = "\n".join([*body, "Pick Six Newsletter", pitch, "Thanks for signing up!", body[0].replace("Monday", "Friday")])
    result = conservative_cleaner.clean_and_explain(boxed)
    assert [(r.text.strip(), r.evidence.code) for r in result.removals][1] == (pitch, "context:wedged")
    assert pitch not in result.text

    between_ads = "\n".join([body[0], "Advertisement", body[1], "Advertisement", body[2]])
    assert conservative_cleaner.clean(between_ads) == "\n".join(body)
    # A sentence of twenty words or more between an inline promo and a box is the article's.
    sentence = (
        "Fruits, vegetables, legumes and whole grains are just a few of the fiber-rich foods that can "
        "keep your gut healthy, the study found."
    )
    promos = "\n".join([*body[:2], "Sign up for our daily briefing", sentence, "Newsletter", "Enter your email address", body[2]])
    assert conservative_cleaner.clean(promos) == "\n".join([*body[:2], sentence, body[2]])


@pytest.mark.parametrize("profile", ["default", "conservative"])
def test_a_teaser_line_between_paragraphs_of_a_short_article_splits_nothing(profile):
    paragraphs = [
        "The city council voted on Tuesday to approve a new budget that raises spending on schools and road repairs.",
        "Council members said the plan would be paid for by a small increase in property taxes from January.",
        "Residents who spoke at the meeting were divided, with some praising the investment and others wary of costs.",
    ]
    text = "\n\n".join([*paragraphs[:2], "Read more: New parking fees in the city centre", paragraphs[2]])
    assert cleaner.clean(text, cleaner.CleanerConfig(profile=profile)) == "\n\n".join(paragraphs)


@pytest.mark.parametrize("profile", ["default", "conservative"])
def test_a_short_closing_sentence_after_an_ad_label_stays(profile):
    paragraphs = [
        "The weather service issued a storm warning on Tuesday for the region, saying winds could reach 120 km/h.",
        "Schools will stay closed on Wednesday, and officials urged residents to avoid travel unless necessary.",
    ]
    closing = "The warning covers the coast and the hills."
    text = "\n\n".join([*paragraphs, "- Advertisement -", closing])
    assert cleaner.clean(text, cleaner.CleanerConfig(profile=profile)) == "\n\n".join([*paragraphs, closing])
    # A label after the ad stays a candidate of the line model: it is no sentence.
    worker = cleaner.Cleaner(cleaner.CleanerConfig(profile=profile))
    for last, exempt in ((closing, True), ("Celebrity gossip roundup", False)):
        measured = worker.measure(text.replace(closing, last))
        decisions, weak = apply_rules(measured.matches)
        analysis = analyse(
            measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
        )
        assert analysis.candidates()[-1] is not exempt


FIRE = [
    "Firefighters battled a large blaze at a warehouse in the east of the city on Tuesday night, forcing the "
    "evacuation of dozens of nearby homes.",
    "The fire broke out shortly after 9pm and spread quickly through the building, which stored furniture and "
    "paint, according to the fire service.",
    "No one was injured, but residents were told to keep their windows closed because of the thick smoke drifting "
    "over the neighbourhood.",
]


@pytest.mark.parametrize("profile", ["default", "conservative"])
@pytest.mark.parametrize(
    "between",
    [
        ("© Getty Images", "© AFP"),
        ("Sign up for our newsletter", "Sign up for our newsletter"),
        ("© 2019 Getty Images", "© 2019 AFP"),
    ],
    ids=["photo-credits", "one-promo-twice", "dated-photo-credits"],
)
def test_paragraphs_between_credits_or_a_repeated_promo_stay(between, profile):
    text = "\n\n".join([FIRE[0], between[0], FIRE[1], between[1], FIRE[2]])
    assert cleaner.clean(text, cleaner.CleanerConfig(profile=profile)) == "\n\n".join(FIRE)


def test_a_legal_footer_with_prose_between_its_notices_does_not_outweigh_a_short_article(default_cleaner):
    disclaimer = (
        "Consult your physician and follow all safety instructions before beginning any exercise program or "
        "using any supplement or meal replacement product, especially if you have any unique medical "
        "conditions or needs, as the results you see will vary with the effort you put in over the months."
    )
    footer = [
        "© 2019 Example Fitness, LLC. All rights reserved. Example Fitness is the owner of its trademarks.",
        disclaimer,
        "*These statements have not been evaluated by the Food and Drug Administration.",
        disclaimer.replace("months", "weeks"),
        "© 2019 Example Fitness, LLC. All rights reserved.",
    ]
    text = "\n".join([FIRE[0], FIRE[1], *footer])
    measured = default_cleaner.measure(text)
    decisions, weak = apply_rules(measured.matches)
    analysis = analyse(
        measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
    )
    assert (analysis.context.first, analysis.context.last) == (0, 1)
    assert default_cleaner.clean(text).startswith("\n".join(FIRE[:2]) + "\n")


@pytest.mark.parametrize("profile", ["default", "conservative"])
def test_a_disclaimer_between_a_copyright_line_and_a_rights_notice_goes(profile):
    disclaimer = (
        "The material on this site is provided for general information only and does not constitute "
        "legal, financial or professional advice of any kind, and you should seek advice before acting on it."
    )
    text = "\n\n".join([*FIRE, "© 2019 Foo Media.", disclaimer, "All rights reserved."])
    assert cleaner.clean(text, cleaner.CleanerConfig(profile=profile)) == "\n\n".join(FIRE) + "\n"


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # 7 x 34 words


def test_a_line_that_restates_the_article_is_found():
    """Page metadata (a description, structured data) repeats the article as one long line."""
    from cleaner.heuristics.repetition import restated

    paragraphs = [PROSE.replace("Monday", day) for day in DAYS]
    texts = ["Menu", *paragraphs, "Related stories", " ".join(paragraphs)]
    assert restated(texts, [features(text) for text in texts]) == [len(texts) - 1]
    # A long paragraph that quotes one short line of the page restates nothing.
    quoting = " ".join([PROSE.replace("Monday", "in May")] * 7 + ["Related stories"])
    texts = [*paragraphs, "Related stories", quoting]
    assert restated(texts, [features(text) for text in texts]) == []


def test_every_restating_line_among_the_longest_is_found():
    from cleaner.heuristics.repetition import restated

    paragraphs = [PROSE.replace("Monday", day) for day in DAYS]
    whole = " ".join(paragraphs)
    texts = [*paragraphs, whole, "Related stories", whole + " More."]
    assert restated(texts, [features(text) for text in texts]) == [7, 9]


def test_the_restating_line_goes_and_the_articles_lines_stay():
    paragraphs = [PROSE.replace("Monday", day) for day in DAYS]
    text = "\n".join([*paragraphs, " ".join(paragraphs)])
    for profile in cleaner.PROFILES:
        result = cleaner.clean_and_explain(text, cleaner.CleanerConfig(profile=profile))
        assert result.text == "\n".join(paragraphs) + "\n"
        assert [r.evidence.code for r in result.removals] == ["context:restated"]
    kept = cleaner.clean(text, cleaner.CleanerConfig(disable=frozenset({"restated"})))
    assert kept == text


def test_a_line_that_repeats_part_of_a_removed_line_next_to_it_is_that_boxs():
    from cleaner.heuristics.repetition import echoes

    title = "Water main break leaves hundreds in Dartmouth without water"
    texts = [PROSE, f"Click to play video: '{title}'", "2:04", title, PROSE.replace("Monday", "Tuesday")]
    measured = [features(text) for text in texts]
    assert echoes(texts, measured, [False, True, True, False, False]) == [(3, 1)]
    # Three lines away, too short, or next to no line that a rule removed: no echo.
    far = [*texts[:3], "Video", *texts[3:]]
    assert echoes(far, [features(text) for text in far], [False, True, True, True, False, False]) == []
    short = ["Click to play video: 'Storm'", "Storm"]
    assert echoes(short, [features(text) for text in short], [True, False]) == []
    assert echoes(texts, measured, [False] * 5) == []
    for profile in cleaner.PROFILES:
        result = cleaner.clean_and_explain("\n".join(texts), cleaner.CleanerConfig(profile=profile))
        assert result.text.splitlines() == [texts[0], texts[4]]
        assert {r.text.strip(): r.evidence.code for r in result.removals}[title] == "context:restated"
        # A headline above a player that repeats it is no echo of it.
        page = [title, "By Rebecca Lau Global News", f"Click to play video: '{title}'", "2:04",
                *[PROSE.replace("Monday", day) for day in DAYS[:4]]]  # fmt: skip
        assert cleaner.clean("\n".join(page), cleaner.CleanerConfig(profile=profile)).splitlines()[0] == title
        # A breadcrumb that ends with the headline is no box of it: the headline stays.
        crumbs = [title, f"News » Nova Scotia » {title}", *[PROSE.replace("Monday", day) for day in DAYS[:3]]]
        result = cleaner.clean_and_explain("\n".join(crumbs), cleaner.CleanerConfig(profile=profile))
        assert title in result.text.splitlines() and crumbs[1] not in result.text.splitlines()


def test_the_headline_repeated_after_the_main_text_ends_the_article(default_cleaner):
    """A list of the site's latest posts repeats the story's own headline: the list starts there."""
    title = "Council approves new flood defences after two years of talks"
    article = [PROSE.replace("Monday", day) for day in DAYS[:3]]
    posts = ["Ferry services cut as the harbour silts up again this winter", "by Anna Lee"]

    def terminator(lines):
        measured = default_cleaner.measure("\n".join(lines))
        decisions, weak = apply_rules(measured.matches)
        return analyse(
            measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
        ).terminator

    assert terminator([title, *article, title, *posts]) == 4
    # Above the main text's end (a share widget under the headline), the repeat ends nothing; nor
    # does it when no list follows (a correction note below the repeated headline).
    assert terminator([title, title, *article, *posts]) == -1
    correction = "Correction: An earlier version of this story misstated the share of the budget for schools."
    share = ["Share on Facebook", "Share on Twitter"]
    assert terminator([title, *article, *share, title, correction]) == -1
    assert terminator([title, *article, *share, title, *posts]) == 6


def _terminator(cleaner_, lines):
    measured = cleaner_.measure("\n".join(lines))
    decisions, weak = apply_rules(measured.matches)
    return analyse(
        measured.nonblank, measured.texts, measured.features, measured.classes, measured.matches, decisions, weak
    ).terminator


ROUND_UP = """Premier League round-up: Arsenal go top as City slip at Villa
By Mark Jones
Arsenal moved to the top of the Premier League table on Saturday after a late winner at Brentford, while Manchester City's unbeaten run ended with a 1-0 defeat at Aston Villa.
Liverpool were held at home by Brighton, and Tottenham's slump continued with a fourth defeat in five matches, leaving the manager under growing pressure before the international break.
Here is how every match unfolded.
Brentford 0-1 Arsenal
Kai Havertz headed in Bukayo Saka's cross in the 89th minute to settle a scrappy game. Brentford had two efforts ruled out for offside in the first half.
Aston Villa 1-0 Manchester City
Leon Bailey's deflected shot in the 74th minute was enough for Villa, who dominated for long spells. City managed just two shots on target.
Liverpool 2-2 Brighton
Mohamed Salah scored twice, but Brighton came from behind both times, with Pascal Gross equalising from a free-kick in stoppage time.
Tottenham 1-2 Wolves
Wolves scored twice in injury time to stun Tottenham, who had led through Son Heung-min since the first half."""

FAQ = """Energy bill support: what you need to know about the new grant
Millions of households in England will be able to apply for a one-off grant of up to 500 pounds to help with energy bills from next month, the government announced on Tuesday.
Ministers said the grant would be paid directly into bank accounts within six weeks of a successful application, and that councils would be given extra funding to process claims.
Advertisement
Who is eligible for the new grant
Households with an income below 31,000 pounds that do not pay an energy supplier directly can apply. Pensioners are automatically eligible.
How to apply for the money
Applications open on 1 October through the council website. You will need a recent bill or tenancy agreement and your bank details.
When will the money arrive
Payments will be made within six weeks of a successful claim, and most households should receive the money before Christmas.
What if I am refused
You can ask your council to review the decision within 28 days. Charities can help you prepare an appeal."""


@pytest.mark.parametrize("text", [ROUND_UP, FAQ], ids=["round-up", "faq"])
def test_an_article_told_in_short_sections_keeps_every_section(default_cleaner, text):
    """Sections of a subheading and one short paragraph have the shape of a deck of teasers (a
    headline and its summary, again and again), which is why no such deck ends an article."""
    assert _terminator(default_cleaner, text.splitlines()) == -1
    kept = default_cleaner.clean(text)
    assert all(line in kept for line in text.splitlines()[4:] if line != "Advertisement")
    # Below a longer article too.
    lines = text.splitlines()
    longer = [lines[0], *(PROSE.replace("Monday", day) for day in DAYS[:5]), *lines[3:]]
    assert _terminator(default_cleaner, longer) == -1


def test_a_numbered_list_runs_on_past_the_main_text():
    from cleaner.heuristics.lists import numbered_continuation as numbered
    from cleaner.heuristics.view import LineView

    def numbered_continuation(texts, classes, removed, first, last):
        features = [measure(text, words_of(text.lower()), None) for text in texts]
        return numbered(LineView(texts, features, classes, removed, first, last))

    texts = ["Intro paragraph", "1. Spain", "Sun and sea.", "2. Italy", "Lakes.", "Ad", "3. Turkey", "4. Austria"]
    classes = [GOOD, BAD, NEAR, BAD, NEAR, BAD, BAD, BAD]
    removed = [False, False, False, False, False, True, False, False]
    # Two items inside the main text (positions 0-4): the list goes on with 3 and 4 below the ad.
    assert numbered_continuation(texts, classes, removed, 0, 4) == [1, 3, 6, 7]
    # A countdown counts down; a number out of turn ends the list.
    down = ["Intro", "10. Oslo", "9. Rome", "8. Lima", "6. Kyiv", "7. Riga"]
    assert numbered_continuation(down, [GOOD] + [BAD] * 5, [False] * 6, 0, 2) == [1, 2, 3]
    # A list that starts again after the article's own ("Most read": 1., 2., ...) is no continuation.
    again = ["Intro", "2. Rome", "1. Oslo", "Close.", "Most read", "1. Storm", "2. Vote", "3. Cup"]
    assert numbered_continuation(again, [GOOD, BAD, BAD, NEAR, BAD, BAD, BAD, BAD], [False] * 8, 0, 3) == []
    # Only one item inside, nothing after: no list to continue.
    assert numbered_continuation(texts[:3], classes[:3], removed[:3], 0, 2) == []
    # A numbered list that starts after the main text needs a line of prose under an item: a
    # "Most read" list of headlines has none.
    most_read = ["Intro", "Most read", "1. Storm hits coast", "2. Council votes", "3. Team wins cup"]
    assert numbered_continuation(most_read, [GOOD] + [BAD] * 4, [False, True, False, False, False], 0, 0) == []
    described = ["Intro", "1. Storm", "The coast was hit.", "2. Vote", "3. Cup"]
    assert numbered_continuation(described, [GOOD, BAD, NEAR, BAD, BAD], [False] * 5, 0, 0) == [1, 3, 4]


def test_the_last_item_of_a_list_that_runs_on_keeps_its_paragraphs_past_a_price_line():
    from cleaner.heuristics.lists import item_end

    # "5. Best oven style", "$399.95 at Williams Sonoma", its paragraph, "How we tested", a
    # paragraph, "Read our full review", then a related box that a rule removed.
    classes = [BAD, BAD, NEAR, SHORT, GOOD, BAD, BAD]
    sentence = features("It bakes, toasts and roasts better than any other appliance we tested this year.")
    lines = [features("x")] * 2 + [sentence, features("How we tested"), features(PROSE), features("y"), features("z")]
    removed = [False] * 6 + [True]
    assert item_end(classes, lines, removed, 0) == 4
    # Three lines that are no prose in a row end it; so does a line that a rule removed.
    assert item_end([BAD, BAD, BAD, BAD, GOOD], [features("x")] * 4 + [features(PROSE)], [False] * 5, 0) == 0
    assert item_end([BAD, BAD, GOOD], [features("x"), features("x"), features(PROSE)], [False, True, False], 0) == 0
    # A teaser's headline between two summaries is no price line: a deck below the list is not its end.
    deck = [features("x"), features("Council approves new flood defences after two years"), features(PROSE)]
    assert item_end([BAD, NEAR, GOOD], deck, [False] * 3, 0) == 0


def test_entry_times_are_the_ordered_time_stamps_of_a_live_blog():
    from cleaner.heuristics.liveblog import entry_times

    def times(texts: list[str]) -> list[int]:
        return entry_times(texts, [measure(text, words_of(text.lower()), None) for text in texts])

    entry = "Police closed the streets around the market as the water rose."
    blog = ["Live", "21:15 Uhr", "Fish market flooded", entry, "20:48 Uhr", entry, "19:30 Uhr", entry]
    assert times(blog) == [1, 4, 6]
    # Past midnight, newest first, two entries in one minute, and with am/pm.
    assert times(["00:41", entry, "00:12", entry, "00:12", entry, "23:58", entry]) == [0, 2, 4, 6]
    assert times(["10:58pm", entry, "10:41pm", entry, "9:52pm", entry]) == [0, 2, 4]
    # Video durations jump about; two stamps are too few; a stamp needs an entry below it.
    assert times(["1:41", entry, "18:08", entry, "10:18", entry, "5:56", entry]) == []
    assert times(["21:15", entry, "20:48", entry]) == []
    assert times(["21:15", entry, "20:48", entry, "19:30"]) == []
    # A TV guide lists titles, not entries; a programme that the article introduces counts.
    guide = ["20:15", "Tatort: Der Elefant im Raum", "21:45", "Caren Miosga", "22:45", "Tagesthemen"]
    assert times(["Heute im TV", *guide]) == []
    assert times(["The programme for Saturday is:", *guide]) == [1, 3, 5]
    # A stamp may carry its day after the time.
    dated = ["8:09 p.m. ET, March 11, 2025", entry, "7:48 p.m. ET, March 11, 2025", entry, "6:55 p.m. ET, Mar. 11", entry]
    assert times(dated) == [0, 2, 4]
    assert times(["18:30, 11 de marzo", entry, "17:05, 11 de marzo de 2025", entry, "16:40 11.03.2025", entry]) == [0, 2, 4]
    assert times(["18:30 on the night of the storm", entry, "17:05 Tuesday", entry, "16:00 and later", entry]) == []
    # Mexican and Argentine sites' hours: "13:48 hrs.", "11:30 hs".
    assert times(["13:48 hrs.", entry, "12:55 hrs.", entry, "11:30 hs", entry]) == [0, 2, 4]
    # A video's length between two entries is a stray time: the blog goes on past it; two lengths
    # close to each other are no stray, and make no blog of their own with a later entry.
    assert times(["09:15", entry, "Video", "01:12", "Así se vio la nieve", "08:20", entry, "07:10", entry]) == [0, 5, 7]
    assert times(["09:15", entry, "01:12", "Clip", "01:40", "Clip", "08:20", entry, "07:10", entry]) == []
    assert times(["13:48 horas", entry, "12:55 horas", entry, "11:30 horas", entry]) == [0, 2, 4]


def test_headline_shape():
    from cleaner.heuristics.headline import headline_shaped

    def shaped(text: str) -> bool:
        return headline_shaped(text, measure(text, words_of(text.lower()), None))

    for text in ("Gov. Newsom signs first-in-nation AI safety law", "Should you buy the iPad Air? Our verdict",
                 "Transfer deadline day LIVE!", 'Hitzeforscherin: „Unsere Städte sind nicht gebaut“'):  # fmt: skip
        assert shaped(text), text
    for text in ("Trump asked voters for a big win. He didn't get it", 'He said the vote was "fair."',
                 "Read the full report at https://example.com/report", "Council approves new flood defences.",
                 "Updated 14:32 GMT, 12/03/2024", "Two words",
                 "A wildfire burns on the outskirts of Fort McMurray on Tuesday. (Alberta Wildfire)"):  # fmt: skip
        assert not shaped(text), text
    assert shaped("Northwind Robotics Inc. (NASDAQ: NWRB) Reports Record Third Quarter Revenue")


CONSENT_ABOVE_A_COMMENT_COUNTER = [
    "The Ledger",
    "News",
    "Sport",
    (
        "We and our partners store and/or access information on a device, such as cookies, and process personal "
        "data, such as unique identifiers and standard information sent by a device for personalised advertising "
        "and content, advertising and content measurement, audience research and services development."
    ),
    (
        "With your permission we and our partners may use precise geolocation data and identification through "
        "device scanning. You may click to consent to our and our partners processing as described above."
    ),
    "Accept",
    "Council approves three new bus lanes for the town centre",
    (
        "The lanes will cut journey times by up to ten minutes at peak hours, the council says, but the traders "
        "on Bridge Road fear that they will lose their customers to the retail park."
    ),
    "Published: 14 March 2025",
    "Share",
    "Comments",
]
COUNTER_ARTICLE = [
    (
        "The city council has approved plans for three new bus lanes in the centre, in a vote that followed "
        "months of debate between traders and cycling groups on how the streets should be shared."
    ),
    (
        "Work on the first lane is due to start in June and the council expects all three to be open by the end "
        "of next year, a spokeswoman said on Tuesday, adding that buses would be rerouted meanwhile."
    ),
]


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_a_comment_counter_under_the_byline_ends_no_article_below_a_consent_dialog(profile):
    """Full-page text: the consent dialog's paragraphs (which the rules remove) are no article
    prose above the comment counter; only the main text's prose counts (TAIL_MIN_PROSE_BEFORE)."""
    text = "\n".join([*CONSENT_ABOVE_A_COMMENT_COUNTER, *COUNTER_ARTICLE])
    out = cleaner.clean(text, cleaner.CleanerConfig(profile=profile))
    assert all(paragraph in out for paragraph in COUNTER_ARTICLE)
    assert "Comments" not in out.split("\n") and "We and our partners" not in out


def test_the_pages_title_above_its_headline_is_found():
    from cleaner.heuristics.repetition import title_lines

    headline = "Metrolink fares to go up in March but daily cap frozen"
    assert title_lines([f"{headline} - Manchester Evening News", "Skip to main content", headline]) == [0]
    assert title_lines(["Dak van sporthal ingestort | Gouda | AD.nl", "Gouda", "Dak van sporthal ingestort"]) == [0]
    # Not the title: no other line is its head, the tail is too long for a site's name, or it is
    # too far down the page.
    assert title_lines([f"{headline} - Manchester Evening News", "Skip to main content"]) == []
    assert title_lines([f"{headline} - and what it means for the commuters who ride it", headline]) == []
    assert title_lines(["Menu", "Search", "Sign in", f"{headline} | MEN", headline]) == []
    # A headline with a dash is no title: its end is no site's name, or its start no headline.
    assert title_lines(["Brexit - what happens next", "The talks resume on Monday.", "Brexit"]) == []
    assert title_lines(["Budget 2025 - Winners and losers", "Budget 2025"]) == []
    assert title_lines(["Election 2024 | Live results", "Election 2024"]) == []
    assert title_lines(["Ukraine war latest - Zelensky visits Washington", "Ukraine war latest"]) == []
    assert title_lines(["Council votes to close library - Corriere della Sera", "Council votes to close library"]) == [0]
    assert title_lines(["Council votes to close library" + " |" * 200, "Council votes to close library"]) == []


def test_the_pages_title_goes_and_its_headline_stays():
    headline = "Council approves three new bus lanes for the town centre"
    text = "\n".join([f"{headline} | The Ledger", "News", headline, *COUNTER_ARTICLE])
    result = cleaner.clean_and_explain(text, cleaner.CleanerConfig(profile="conservative"))
    assert result.text.split("\n")[0] != f"{headline} | The Ledger" and headline in result.text.split("\n")
    assert {r.evidence.code for r in result.removals if "|" in r.text} == {"context:title"}
    kept = cleaner.clean(text, cleaner.CleanerConfig(profile="conservative", disable=("title",)))
    assert f"{headline} | The Ledger" in kept.split("\n")


def test_the_pages_title_is_looked_for_among_the_lines_kept_so_far():
    """Page chrome that the rules remove above the title does not push it out of reach, so a
    second cleaning finds what the first did."""
    headline = "Council approves three new bus lanes for the town centre"
    text = "\n".join(["Skip to main content", "Menu", "Search", f"{headline} - Springfield Herald", headline,
                      *COUNTER_ARTICLE])  # fmt: skip
    for profile in cleaner.PROFILES:
        config = cleaner.CleanerConfig(profile=profile)
        once = cleaner.clean(text, config)
        assert f"{headline} - Springfield Herald" not in once and headline in once.split("\n")
        assert cleaner.clean(once, config) == once


def test_a_reviews_like_and_dont_like_box_keeps_the_heading_a_share_rule_knows():
    """CNET's verdict box opens with "Like", which reads as a share button alone: the box gives it
    back, and a second cleaning sees the box whole too."""
    box = [
        "Like", "Excellent mopping on tile and hardwood", "Quiet enough to run during a video call",
        "Don't like", "Room-by-room scheduling requires a paid plan", "Struggles with thick rugs",
    ]
    text = "\n".join(["Lumora S8 Max review: a brilliant mop with an app that wants your money", *box,
                      *COUNTER_ARTICLE])  # fmt: skip
    for profile in cleaner.PROFILES:
        config = cleaner.CleanerConfig(profile=profile)
        once = cleaner.clean(text, config)
        assert all(line in once.split("\n") for line in box)
        assert cleaner.clean(once, config) == once
    assert cleaner.clean("Share\nLike\nTweet\n" + "\n".join(COUNTER_ARTICLE)).split("\n") == COUNTER_ARTICLE


def test_a_sentence_thin_in_stopwords_neither_extends_nor_breaks_the_main_text():
    """A sentence of names ("bad" for its stopword share) between an article's first paragraph and
    the rest leaves the first paragraph in the main text (NAMED_SENTENCE_MIN_WORDS)."""
    from cleaner.heuristics.context import neutral_line

    def measured(text):
        return measure(text, words_of(text.lower()), stopwords("en"))

    named = "Acme Corp boss Jane Doe confirmed the closure, says NRK Vestland."
    f = measured(named)
    assert classify(f) == BAD and neutral_line(named, BAD, f)
    assert not neutral_line(named, BAD, f._replace(words=7))  # shorter: a line of names
    unended = "Acme Corp boss Jane Doe confirmed the closure, says NRK Vestland"
    assert not neutral_line(unended, classify(measured(unended)), measured(unended))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # vowel signs and viramas are no word breaks ("मुश्ताक" once read as four words)
        ("सैयद मुश्ताक अली ट्रॉफी", ["सैयद", "मुश्ताक", "अली", "ट्रॉफी"]),
        ("شَارِكْ الخبر", ["شَارِكْ", "الخبر"]),  # Arabic with its short vowels
        ("e\u0301te\u0301 a\u0300 paris", ["e\u0301te\u0301", "a\u0300", "paris"]),  # decomposed accents
        ("love \u2764\ufe0f it", ["love", "it"]),  # an emoji's variation selector makes no word
    ],
)
def test_words_hold_their_combining_marks(text, words):
    assert words_of(text) == words


@pytest.mark.parametrize(
    ("text", "terminal"),
    [
        ("मध्य प्रदेश ने राजस्थान को 6 विकेट से हराया।", True),  # danda
        ("هل تنجح الخطة الجديدة؟", True),
        ("这家店已经营业了三十年。", True),
        ("「きょうから営業を始めます。」", True),  # a quoted sentence
        ("首相「増税はしない」", False),  # a headline ending with a quote
        ("सैयद मुश्ताक अली ट्रॉफी: मध्य प्रदेश ने राजस्थान को हराया", False),
    ],
)
def test_sentence_ends_of_other_scripts(text, terminal):
    assert measure(text, words_of(text.lower()), None).terminal is terminal


def test_figures_weigh_less_in_a_line_of_unspaced_script():
    """A Japanese headline with "100" and "4" in it is no line of figures (its 28 characters
    count as 65: a digit share of 6%, not 14%)."""
    text = "創業100年の金沢の写真館、4代目が撮り続ける家族の記念日"
    assert not measure(text, words_of(text), None).digit_heavy
    assert measure("2025/11/27 15:00", words_of("2025/11/27 15:00"), None).digit_heavy


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("By Marisol Vega", True),
        ("Par Julien Roussel", True),
        ("Door Joris van Veen", True),
        ("Por Ana de la Cruz", True),
        ("By Jane van", False),  # a particle ends no name
        ("**Door Joris van Veen**", True),
        ("By Dana Whitfield November 27, 2025", True),
        ("By Oliver Pennington, News Reporter", True),
        ("By Jane Doe and Mark Lee", True),
        ("Von Anna Berger und Tim Kohl", True),
        ("By the numbers", False),
        ("Par ici la sortie", False),
        ("Von Rekord zu Rekord", False),
        ("Author Cormac McCarthy Has Died", False),
        ("By", False),
        ("Por qué sube el dólar", False),
        ("Von der Leyen", False),
    ],
)
def test_a_byline_names_someone_in_capitalised_words(line, named):
    assert names_someone(line) is named
