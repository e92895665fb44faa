"""The profile under an "About ..." heading at the article's end (heuristics/about_boxes.py)."""

from __future__ import annotations

import pytest

import cleaner
from cleaner import CleanerConfig
from cleaner.heuristics.about_boxes import about_name

RELEASE = [
    "Harvest Lane Markets adds refill stations to 40 stores",
    "Shoppers will be able to refill detergent, olive oil and rice in their own containers from next month.",
    "NAPERVILLE, Ill., March 12, 2025 /PRNewswire/ -- Harvest Lane Markets said on Wednesday that it will install "
    "refill stations for dry goods and household products in 40 of its stores across Illinois and Indiana by June.",
    "The stations, built by a supplier in Ohio, weigh each container before and after it is filled, and the price "
    "is charged by weight at the till, which the company says will cut packaging waste by about 60 tonnes a year.",
    "\"Our customers have asked for this for years, and the technology is finally cheap enough to put in every "
    "store,\" said Maria Delgado, the chain's head of sustainability, in a statement on Wednesday morning.",
    "The company plans to extend the programme to its remaining stores next year if the first months go well, and "
    "it will publish the amount of packaging saved in its annual report.",
]
BLURB = (
    "Founded in 1958 as a single produce stand in Naperville, Illinois, Harvest Lane Markets is a family-owned "
    "grocery chain with 112 stores and 9,000 employees in the Midwest."
)


@pytest.mark.parametrize(
    ("heading", "language", "name"),
    [
        ("About Harvest Lane Markets", "en", "Harvest Lane Markets"),
        ("About Harvest Lane Markets", None, "Harvest Lane Markets"),
        ("Über die Bio-Backhaus Lungau GmbH", "de", "Bio-Backhaus Lungau GmbH"),
        ("À propos d’Ascom", "fr", "Ascom"),
        ("À propos de Verdalis", "fr", "Verdalis"),
        ("Sobre a Bauducco", "pt", "Bauducco"),
        ("ABOUT ACME INC.", "en", "ACME INC."),
        ("About Brigit Katz:", "en", "Brigit Katz"),
        ("About The Stadium", "en", "Stadium"),  # (the paragraph below must name it capitalised)
        ("About the study", "en", None),  # a subheading: no name
        ("About two thirds of the money went to roads", "en", None),
        ("Over 30% larger display", "en", None),
        ("Über Nacht", "de", None),  # one German word: a noun
        ("Über die Bio-Backhaus Lungau GmbH", "en", None),  # another language's word
    ],
)
def test_about_name(heading, language, name):
    assert about_name(heading, language) == name


@pytest.mark.parametrize("profile", cleaner.PROFILES)
def test_a_company_profile_at_the_releases_end_goes(profile):
    text = "\n".join([*RELEASE, "About Harvest Lane Markets", BLURB, "Media contact:", "Jenna Moe, press@harvestlane.com"])
    result = cleaner.clean_and_explain(text, CleanerConfig(profile=profile))
    assert result.text.splitlines()[: len(RELEASE)] == RELEASE
    assert "About Harvest Lane Markets" not in result.text and BLURB not in result.text
    codes = [r.evidence.code for r in result.removals]
    assert codes[:2] == ["context:about-box", "context:about-box"]
    # The heuristic can be switched off: the profile stays (the contact goes by its rule).
    kept = cleaner.clean(text, CleanerConfig(profile=profile, disable=("about-box",)))
    assert kept.splitlines()[len(RELEASE) : len(RELEASE) + 2] == ["About Harvest Lane Markets", BLURB]


def test_a_heading_whose_paragraph_names_something_else_stays():
    """"About the study" is a subheading, and so is a name the line below does not repeat."""
    for heading in ("About the study", "About Harvest Lane Markets"):
        paragraph = "Researchers followed 2,000 shoppers for a year and found that most of them used the stations twice a month."
        text = "\n".join([*RELEASE, heading, paragraph])
        assert cleaner.clean(text) == text


def test_a_profile_with_the_article_going_on_below_it_stays():
    """Above most of the article, the heading and its paragraph are the article's (a profile of
    the company the story is about, before the story goes on)."""
    more = [
        "The first stations opened in Naperville and Aurora in January, where the chain tested them for three months "
        "with a group of 500 regular customers before deciding to go ahead.",
        "Most of those customers said they would use the stations every week, although many asked for more "
        "products, such as pasta, coffee and dishwasher tablets, to be added.",
        "Environmental groups in Illinois welcomed the plan but said that larger chains would have to follow before "
        "the amount of plastic packaging in the state fell noticeably.",
    ]
    text = "\n".join([RELEASE[0], RELEASE[1], "About Harvest Lane Markets", BLURB, *RELEASE[2:], *more])
    assert cleaner.clean(text) == text


@pytest.mark.parametrize(
    ("heading", "paragraph", "language"),
    [
        ("Over the Years", "Over the years, more than 12,000 women passed through the shelter she ran.", "en"),
        ("About The Stadium", "The stadium will seat 40,000 people and open in 2027, the council said.", "en"),
        ("About Art", "Ellis started painting at 60, after she retired from the hospital in 1998.", "en"),
        ("Über Nacht", "Über Nacht hatte der Sturm das Dach des Rathauses abgedeckt, berichtet die Feuerwehr.", "de"),
        ("Over Budget", "Over Budget was the name the staff gave the project, she said.", "en"),  # Dutch only
    ],
)
def test_a_subheading_is_no_profiles_heading(heading, paragraph, language):
    """Only the document language's word opens a heading, the name capitalised as in the heading
    and as whole words, two words at least in German."""
    from cleaner.heuristics.about_boxes import about_boxes, about_name
    from cleaner.heuristics.classes import GOOD
    from cleaner.heuristics.view import LineView

    name = about_name(heading, language)
    if name is None:
        return
    texts = [RELEASE[2], heading, paragraph]
    features = [measure_line(t) for t in texts]
    view = LineView(texts, features, [GOOD, "short", GOOD], [False, False, False], 0, 2)
    assert about_boxes(view, language) == []


def measure_line(text):
    from cleaner.heuristics.features import measure, words_of
    from cleaner.heuristics.stoplists import stopwords

    return measure(text, words_of(text.lower()), stopwords("en"))


def test_a_heading_with_a_ticker_and_a_name_with_a_figure():
    assert about_name("About Acme Corp. (NASDAQ: ACME)", "en") == "Acme Corp."
    assert about_name("About 3M", "en") == "3M"
    assert about_name("About 3 things", "en") is None
    assert about_name("Om Nato", "sv") == "Nato" and about_name("Om Nato", "en") is None
