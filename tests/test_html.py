"""The HTML path: markup tokens, encoding, extraction on real pages, robustness, evidence."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import Cleaner, CleanerConfig, CleanerError, InputError, RulePackError, TimeLimitError, apply_removals
from cleaner.html import HtmlCleaned, clean_html, clean_html_and_explain, text_pass_config
from cleaner.html.chunks import sibling_chunks
from cleaner.html.embeds import keep_embedded_posts
from cleaner.html.encoding import decode_html
from cleaner.html.extract import drop_title_lines, drop_url_lines, page_urls, title_forms
from cleaner.html.markup import load_markup_tokens, parse_markup_tokens, split_words

FIXTURES = Path(__file__).parent / "fixtures" / "html"


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def page(prefix: str) -> str:
    (path,) = FIXTURES.glob(f"{prefix}*.html.gz")
    return gzip.decompress(path.read_bytes()).decode("utf-8")


ARTICLE = (
    "<html><head><title>Rates held</title></head><body>"
    "<nav class='menu'><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<article><h1>Rates held</h1>"
    + "".join(
        f"<p>Paragraph {i}: the central bank held its main rate on Monday, and traders said the decision "
        f"had been widely expected after weeks of careful signalling by officials in the capital.</p>"
        for i in range(8)
    )
    + "<div class='newsletter-signup'><p>Sign up for our daily newsletter and get the news first in your inbox.</p></div>"
    "<div class='ad-slot'><p>Advertisement for the best mortgage deals in town today only.</p></div>"
    "</article></body></html>"
)


# ----------------------------------------------------------------------------- token matching


@pytest.mark.parametrize(
    ("value", "category"),
    [
        ("ad-slot", "ads"),
        ("adSlot", "ads"),
        ("top_ad", "ads"),
        ("col-4 ad", "ads"),
        ("newsletter-signup", "newsletter"),
        ("c-share-bar", "share"),
        ("related-posts widget", "related"),
        ("cookie-banner", "cookies"),
        ("comments-area", "comments"),
    ],
)
def test_tokens_match_on_word_boundaries(value: str, category: str) -> None:
    found = load_markup_tokens().match(value)
    assert found is not None and found[1].name == category


@pytest.mark.parametrize(
    "value", ["add-to-cart", "adult", "header-shadow", "shadow", "download", "loaded", "headline", "article-body", ""]
)
def test_tokens_do_not_match_inside_words(value: str) -> None:
    assert load_markup_tokens().match(value) is None


def test_split_words() -> None:
    assert split_words("adSlot top_ad  header:main.x") == ["ad", "slot", "top", "ad", "header", "main", "x"]


def test_token_file_is_validated() -> None:
    with pytest.raises(RulePackError, match="category"):
        parse_markup_tokens('version = 1\n[categories.nonsense]\nreason = "x"\ntokens = ["a"]\n', "t.toml")
    with pytest.raises(RulePackError, match="tokens"):
        parse_markup_tokens('version = 1\n[categories.ads]\nreason = "x"\ntokens = ["Ad Slot"]\n', "t.toml")
    with pytest.raises(RulePackError, match="version"):
        parse_markup_tokens('[categories.ads]\nreason = "x"\ntokens = ["ad"]\n', "t.toml")
    tokens = parse_markup_tokens(
        'version = 1\n[categories.ads]\nreason = "x"\ntokens = ["ad"]\nexclude = ["article"]\n', "t.toml"
    )
    assert tokens.match("ad-box") and tokens.match("ad-article") is None


# ----------------------------------------------------------------------------- encoding


def test_encoding_bom_meta_utf8_fallback() -> None:
    text = "<html><body><p>Café crème à la française</p></body></html>"
    assert decode_html(text) == (text, "str")
    assert decode_html(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8")
    assert decode_html(b"\xff\xfe" + text.encode("utf-16-le"))[0] == text
    declared = f'<meta charset="windows-1252">{text}'
    assert decode_html(declared.encode("cp1252")) == (declared, "cp1252")
    declared = f'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">{text}'
    assert decode_html(declared.encode("iso-8859-15"))[0] == declared
    assert decode_html(text.encode("utf-8")) == (text, "utf-8")


def test_wrong_declared_charset() -> None:
    text = "<meta charset='iso-8859-1'><p>naïve résumé — “quoted”</p>"
    assert decode_html(text.encode("utf-8"))[0] == text  # valid UTF-8 wins over a single-byte declaration
    text = "<meta charset='utf-8'><p>naïve résumé</p>"
    decoded, encoding = decode_html(text.encode("cp1252"))  # declared UTF-8, really cp1252
    assert "r" in decoded and encoding != "utf-8"


def test_wrong_input_type(cleaner: Cleaner) -> None:
    for bad in (None, 42, ["<p>x</p>"]):
        with pytest.raises(InputError):
            clean_html(cleaner, bad)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- real pages


@pytest.mark.parametrize(
    ("prefix", "url", "keep", "drop"),
    [
        (
            "1ace8c85",
            "https://techcrunch.com/2019/11/18/new-york-state-attorney-general-reportedly-investigating-wework/",
            ["WeWork is reportedly being investigated by the New York State Attorney General",
             "including layoffs at Meetup, which it acquired for $200 million in 2017."],
            [],
        ),
        (
            "08f79376",
            "https://www.cbssports.com/nfl/news/browns-player-on-mason-rudolphs-role-in-fight-with-myles-garrett-he-asked-for-it/",
            ["The Steelers spent Monday trying to distance themselves from Thursday night's fight",
             "our focus has got to be on Cincinnati right now."],
            ["Gronk, Serena perform with Laker Girls", "Pick Six Newsletter", "Parlay Challenge"],
        ),
        (
            "5a822960",
            "https://www.nbcnews.com/news/world/house-hitler-was-born-will-become-police-station-austria-says-n1086531",
            ["The house where Adolf Hitler was born will be turned into a police station",
             "there was little resistance to Hitler's rule."],
            ["Get breaking news alerts and special reports", "FacebookTwitterEmail"],
        ),
        (  # the body is split into sibling chunks between ads; the extractor alone keeps the first
            "d48aeb9c",
            "https://www.wired.com/story/instagram-business-accounts-analytics/",
            ["Instagram began testing hiding public like counts globally on Thursday",
             "I learned that over a dozen people tapped on the profile of a coworker",
             "Maybe Instagram likes it that way."],
            ["Instagram Is Making It Easier to See Who's Stalking You"],
        ),
        (  # embedded tweets are quotations of the story; the author's contact line is not
            "3f65af7b",
            "https://www.nj.com/entertainment/2019/11/florida-man-exists-south-dakota-hold-my-beer-meth-were-on-it.html",
            ["Remember New Jersey’s epic quest to find a state slogan?",
             "Yes this is real and yes the state spent nearly half a million dollars on it",
             "we should not forget the state’s failed “Don’t Jerk and Drive” campaign from 2014."],
            ["Have a tip?", "may be reached at"],
        ),
    ],
)
def test_real_pages(cleaner: Cleaner, prefix: str, url: str, keep: list[str], drop: list[str]) -> None:
    result = clean_html_and_explain(cleaner, page(prefix), url)
    for snippet in keep:
        assert snippet in result.text
    for snippet in drop:
        assert snippet not in result.text
    assert apply_removals(result.extracted, result.removals) == result.text


def test_markup_evidence_in_trail(cleaner: Cleaner) -> None:
    result = clean_html_and_explain(cleaner, page("5a822960"))
    categories = {m.category for m in result.markup_removals}
    assert {"share", "newsletter"} <= categories
    newsletter = next(m for m in result.markup_removals if m.category == "newsletter")
    assert newsletter.selector.startswith("class:") and "newsletter" in newsletter.selector
    assert newsletter.token == "newsletter" and len(newsletter.text) <= 200
    data = result.to_dict()
    assert data["markup_removals"][0]["source"] == "markup"
    assert data["markup_removals"][0]["code"].startswith("markup:")


def test_synthetic_article(cleaner: Cleaner) -> None:
    result = clean_html_and_explain(cleaner, ARTICLE.encode("utf-8"))
    assert isinstance(result, HtmlCleaned) and result.encoding == "utf-8"
    assert "Paragraph 0:" in result.text and "Paragraph 7:" in result.text
    assert "newsletter" not in result.text and "mortgage" not in result.text
    selectors = {m.selector for m in result.markup_removals}
    assert {"class:newsletter-signup", "class:ad-slot"} <= selectors
    assert result.as_cleaned_text().text == result.text


def test_guard_keeps_element_with_most_text(cleaner: Cleaner) -> None:
    body = "".join(f"<p>Sentence {i} of the story about the harbour, told at a length that reads as prose.</p>" for i in range(10))
    html = f"<html><body><div class='ad-wrapper'>{body}</div><div class='ad'><p>Buy now.</p></div></body></html>"
    result = clean_html_and_explain(cleaner, html)
    assert "Sentence 9 of the story" in result.text
    assert [m.selector for m in result.markup_removals if m.token == "ad"] == ["class:ad"]


def _split_article(second_chunk: str, first_chunk: str = "") -> str:
    first = "".join(f"<p>Part one, paragraph {i}: the harbour authority approved the new quay on Monday after "
                    f"a long public consultation with the fishing fleet.</p>" for i in range(4))
    return (
        "<html><head><title>Harbour quay approved | The Coast Gazette</title></head><body><main>"
        "<h1>Harbour quay approved</h1>"
        + (f"<div class='body-chunk'>{first_chunk}</div>" if first_chunk else "")
        + f"<div class='body-chunk'>{first}</div><div class='promo'><p>Try our app.</p></div>"
        f"<div class='body-chunk'>{second_chunk}</div>"
        "</main></body></html>"
    )


def _chunks_beside_part_one(html: str) -> tuple[list[str], list[str]]:
    import lxml.html

    tree = lxml.html.fromstring(html)
    extracted = "\n".join(" ".join(p.text_content().split()) for p in tree.iter("p") if "Part one" in p.text_content())
    return sibling_chunks(tree, extracted)


_LONG_PART = "".join(f"<p>Part two, paragraph {i}: construction starts in spring and the fleet will move to "
                     f"the old pier for the two years that the works are expected to take.</p>" for i in range(6))


def test_sibling_chunks_of_a_split_body_are_added() -> None:
    before, after = _chunks_beside_part_one(_split_article(_LONG_PART))
    assert before == [] and len(after) == 6 and after[0].startswith("Part two, paragraph 0:")
    before, after = _chunks_beside_part_one(_split_article(_LONG_PART, first_chunk=_LONG_PART.replace("two", "zero")))
    assert len(before) == 6 and before[0].startswith("Part zero, paragraph 0:") and len(after) == 6


def test_chunk_blocks_skip_figures_and_nested_blocks() -> None:
    figure = "<figure><p>Photo: the old pier at dawn, taken from the harbour wall by a staff photographer.</p></figure>"
    quote = "<blockquote><p>We waited years for this quay, said the harbour master.</p></blockquote>"
    before, after = _chunks_beside_part_one(_split_article(_LONG_PART + figure + quote))
    assert not any("Photo:" in block for block in after)
    assert after[-1] == "We waited years for this quay, said the harbour master."  # the quotation once, not twice


def test_siblings_that_are_not_article_body_are_not_added() -> None:
    short = "<p>About the Coast Gazette: news since 1901, in print and online.</p>"
    links = "<ul>" + "".join(f"<li>Subscribe to our print edition and get offer number {i} for the whole family</li>"
                             for i in range(20)) + "</ul>"
    next_story = "<h1>Another story</h1><p>" + "The next article on the page, loaded below. " * 40 + "</p>"
    for chunk in (short, links, next_story):
        assert _chunks_beside_part_one(_split_article(chunk)) == ([], [])
    one = _split_article("").split("<div class='body-chunk'>")[1].split("</div>")[0]
    stories = f"<html><body><article class='story'>{one}</article><article class='story'>{_LONG_PART}</article></body></html>"
    assert _chunks_beside_part_one(stories) == ([], [])  # the next story, in the same kind of container


def test_embedded_posts_become_quotations() -> None:
    import lxml.html

    html = (
        "<html><body><article><p>The minister replied on social media within the hour.</p>"
        "<div class='social-media-embed'><div class='embed-inner'><blockquote class='twitter-tweet'>"
        "<p>We will publish the full report on Friday.</p>&mdash; The Minister (@minister)</blockquote></div></div>"
        "<p>The report was published on Friday.</p></article></body></html>"
    )
    tree = lxml.html.fromstring(html)
    assert keep_embedded_posts(tree, load_markup_tokens().embeds) == 1
    (quote,) = tree.iter("blockquote")
    assert quote.get("class") is None and quote.getparent().tag == "article"
    assert not [e for e in tree.iter("div")]
    assert keep_embedded_posts(lxml.html.fromstring(html), frozenset()) == 0
    captioned = html.replace("</blockquote></div>", "</blockquote><p>Embedded from Twitter.</p></div>")
    tree = lxml.html.fromstring(captioned)
    keep_embedded_posts(tree, load_markup_tokens().embeds)
    (quote,) = tree.iter("blockquote")
    assert quote.getparent().get("class") == "embed-inner"  # a wrapper with text of its own stays


def test_lines_that_are_the_pages_own_address_are_dropped() -> None:
    import lxml.html

    tree = lxml.html.fromstring(
        "<html><head><link rel='canonical' href='https://example.com/news/cat-found/'>"
        "<meta property='og:url' content='https://example.com/amp/cat-found'></head><body></body></html>"
    )
    urls = page_urls(tree, "https://example.com/news/cat-found?ref=rss")
    text = "https://example.com/news/cat-found\nThe cat was found.\nSee https://example.com/news/cat-found for photos.\n"
    kept, removals = drop_url_lines(text, urls)
    assert kept == "The cat was found.\nSee https://example.com/news/cat-found for photos.\n"
    assert [r.selector for r in removals] == ["url:repeated-line"]
    assert drop_url_lines("https://example.com/other-story\n", urls) == ("https://example.com/other-story\n", [])


def test_title_forms_and_repeated_title_lines() -> None:
    assert title_forms("Opinion | Is Football Violence a Crime?") == {
        ("opinion", "is", "football", "violence", "a", "crime"), ("is", "football", "violence", "a", "crime")}
    assert title_forms("Harbour quay approved today - The Coast Gazette News") == {
        ("harbour", "quay", "approved", "today", "the", "coast", "gazette", "news"),
        ("harbour", "quay", "approved", "today")}  # the site name alone is not the headline
    assert title_forms("Quay - News") == set()  # too short to recognise anywhere but on the first line
    text = "https://example.com/story\nCat found in New Mexico after going missing\nThe cat was found.\n"
    kept, removals = drop_title_lines(text, "Cat found in New Mexico after going missing - Example News")
    assert kept == "https://example.com/story\nThe cat was found.\n"
    assert [r.selector for r in removals] == ["title:repeated-line"]
    kept, removals = drop_title_lines("Cat found\nThe cat was found.", "Cat found in New Mexico")
    assert kept == "Cat found\nThe cat was found." and not removals  # a two-word prefix is not the title
    kept, removals = drop_title_lines("Cat found in New Mexico\nThe cat was found.", "Cat found in New Mexico")
    assert kept == "The cat was found." and removals[0].selector == "title:first-line"


def test_markup_pass_can_be_disabled() -> None:
    result = clean_html_and_explain(Cleaner(CleanerConfig(disable=frozenset({"markup"}))), ARTICLE)
    assert not [m for m in result.markup_removals if m.selector.startswith("class:")]


def test_text_pass_config() -> None:
    assert text_pass_config(CleanerConfig()).profile == "conservative"
    assert text_pass_config(CleanerConfig(score_threshold=0.7)).score_threshold == 0.7


# ----------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("html", ["", "   \n", b"", "<html></html>", "<html><body><nav>Home</nav></body></html>"])
def test_empty_and_no_article(cleaner: Cleaner, html: str | bytes) -> None:
    result = clean_html_and_explain(cleaner, html)
    assert isinstance(result.text, str) and len(result.text) < 20


def test_garbage_bytes(cleaner: Cleaner) -> None:
    import random

    data = bytes(random.Random(7).getrandbits(8) for _ in range(200_000))
    result = clean_html_and_explain(cleaner, data)
    assert isinstance(result.text, str)


def test_deep_nesting(cleaner: Cleaner) -> None:
    html = "<html><body>" + "<div>" * 10_000 + "<p>Deep text at the bottom of the tree.</p>" + "</div>" * 10_000 + "</body></html>"
    try:
        result = clean_html_and_explain(cleaner, html)
    except CleanerError:
        return
    assert isinstance(result.text, str)


def test_large_page(cleaner: Cleaner) -> None:
    paragraphs = "".join(
        f"<p>On day {i} the river rose through the night and the town prepared sandbags at dawn, "
        f"volunteers said, while officials counted {i * 7} homes under water in the low streets.</p>\n"
        for i in range(30_000)
    )
    html = "<html><body><article>" + paragraphs + "</article></body></html>"  # about 5.5 MB
    result = clean_html_and_explain(cleaner, html)
    assert result.text.count("the river rose through the night") > 25_000


def test_time_limit(cleaner: Cleaner) -> None:
    limited = Cleaner(CleanerConfig(time_limit=0.001))
    paragraph = "<p>" + "Words of a long article about the weather and the harvest. " * 10 + "</p>"
    with pytest.raises(TimeLimitError):
        clean_html_and_explain(limited, "<html><body>" + paragraph * 3000 + "</body></html>")


def test_import_stays_light() -> None:
    code = "import sys, cleaner; print(any(m in sys.modules for m in ('trafilatura', 'bs4', 'lxml')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
