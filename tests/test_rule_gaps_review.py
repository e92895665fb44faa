"""Credits with accented names, and prompts whose wording sits next to article sentences, through
the whole cleaner and both pattern engines."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.rules import builtin_packs
from cleaner.rules.matcher import Matcher

ENGINES = ["hyperscan", "re"]

PROSE = {
    "es": (
        "El Congreso aprobó este jueves la reforma de la ley de vivienda con el apoyo de los socios del Gobierno.",
        "La norma limita las subidas del alquiler en las zonas tensionadas y amplía las ayudas a los jóvenes.",
    ),
    "pt": (
        "O Parlamento aprovou nesta quinta-feira a reforma da lei da habitação com os votos da maioria.",
        "A norma limita os aumentos das rendas nas zonas de maior procura e alarga os apoios aos jovens.",
    ),
    "fr": (
        "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine devant les députés.",
        "Le texte prévoit des économies importantes dans plusieurs ministères, selon le document consulté.",
    ),
}


def _engine(engine: str) -> None:
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")


def _removed(text: str, engine: str, profile: str, language: str) -> dict[str, str]:
    config = cleaner.CleanerConfig(engine=engine, profile=profile, languages=(language,))
    result = cleaner.clean_and_explain(text, config)
    return {removal.text.strip(): removal.evidence.code for removal in result.removals}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("language", "credit"),
    [
        ("es", "Javier Martínez / EFE"),
        ("es", "EFE/Biel Aliño"),
        ("pt", "JOSÉ SENA GOULÃO/LUSA"),
        ("fr", "STÉPHANE DE SAKUTIN / AFP"),
    ],
)
def test_a_credit_with_an_accented_name_is_removed_by_both_engines(engine, language, credit):
    _engine(engine)
    first, second = PROSE[language]
    text = f"{first}\n{credit}\n{second}\n"
    for profile in cleaner.PROFILES:
        assert _removed(text, engine, profile, language).get(credit) == "rule:common.credits.agency"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_caption_ending_in_an_accented_agency_credit_is_removed(engine):
    _engine(engine)
    first, second = PROSE["es"]
    caption = "Varios vehículos arrastrados por el agua en Chiva. EFE/Biel Aliño"
    removed = _removed(f"{first}\n{caption}\n{second}\n", engine, "conservative", "es")
    assert removed.get(caption) == "rule:common.credits.agency-paren"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Readers can subscribe for free to the council's newsletter, the mayor said."),
        ("en", "The clinic is staffed by a nurse and a physician assistant (PA)."),
        ("en", "Follow the money on WhatsApp groups, investigators told the court."),
        ("de", "Kunden können das Gerät 30 Tage kostenlos testen, sagte der Händler."),
        ("de", "Jeden Morgen fand sie in ihrem Postfach neue Drohungen."),
        ("nl", "Een abonnement kost vanaf €5 per maand, zei de directeur."),
        ("fr", "Nous et nos partenaires européens avons décidé d'agir, a déclaré le ministre."),
        ("es", "La plataforma permite que cada suscriptor acceda a todo el contenido desde dos dispositivos."),
    ],
)
def test_an_article_sentence_with_a_prompt_s_words_is_no_rule_hit(engine, language, line):
    _engine(engine)
    rules = [rule for pack in builtin_packs(frozenset({language})) for rule in pack.rules]
    matcher = Matcher(rules, engine)
    assert [m.rule.id for m in matcher.match([line.lower()]) if m.rule.weight == 1.0] == []
