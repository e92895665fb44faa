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


NEIGHBOURS = {
    "en": (
        "The council approved the budget on Tuesday after a long debate in the chamber.",
        "The new measures will take effect next month, officials said in a statement.",
    ),
    "de": (
        "Der Bundestag hat am Donnerstag den Haushalt für das kommende Jahr beschlossen.",
        "Die Opposition kritisierte die Pläne als unzureichend und kündigte Widerstand an.",
    ),
    "it": (
        "Il governo ha approvato giovedì la legge di bilancio dopo un lungo dibattito in aula.",
        "Le nuove misure entreranno in vigore il mese prossimo, ha detto il ministro.",
    ),
    "nl": (
        "Het kabinet heeft dinsdag de begroting voor volgend jaar gepresenteerd in de Tweede Kamer.",
        "De oppositie noemde de plannen onvoldoende en kondigde verzet aan in het debat.",
    ),
    **PROSE,
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Sign up for the council's roadworks email alerts, Mr Duncan told residents worried about disruption."),
        ("en", "Join the union's WhatsApp channel, organisers told striking workers on Monday."),
        ("en", "Posted in Afghanistan"),
        ("en", "Physician associate (PA)"),
        ("de", "Kritik von Fans und Vereinsführung"),
        ("de", "Bericht von Amnesty International"),
        ("de", "Interview von Lanz sorgt für Ärger"),
        ("de", "Wer ein Abo abschließt, kann das Angebot weiterhin 30 Tage kostenlos testen, danach kostet es 9,99 Euro im Monat."),
        ("de", "Die dritte Staffel geht nur mit RTL+ weiter, im Free-TV ist sie nicht zu sehen."),
        ("es", "El acuerdo fue anunciado primero en el canal de WhatsApp de la Casa Rosada, que difundió el texto completo."),
        ("es", "El padrón actualizado el lunes 4 de marzo por la Secretaría de Minería incluye 38 proyectos."),
        ("es", "Más noticias de la guerra"),
        (
            "fr",
            "« Avec votre accord, nous et nos partenaires utilisons des cookies », pouvait-on lire sur le bandeau du site, selon la CNIL.",
        ),
        ("fr", "Il reste 30 % à découvrir, selon les chercheurs, dans les archives du musée."),
        ("it", "Tasso di occupazione: 61,9% (fonte Istat)"),
        ("nl", "Meer berichten over intimidatie"),
        ("nl", "Foto van de dag"),
        ("nl", "Het persbericht is verzonden door de advocaat van de verdachte, zei de politie."),
        ("pt", "Os ministros repetiram a mesma tese: o conteúdo é de responsabilidade do usuário que o publica."),
        ("pt", "Fotografia como memória"),
        ("pt", "Mais do que um arquivo"),
        ("pt", "Participe do canal do sindicato no WhatsApp, dizia a mensagem enviada aos associados."),
    ],
)
def test_an_article_line_shaped_like_a_label_or_a_prompt_is_removed_by_no_rule(engine, language, line):
    _engine(engine)
    first, second = NEIGHBOURS[language]
    text = f"{first}\n{line}\n{second}\n{first}\n"
    for profile in cleaner.PROFILES:
        removed = _removed(text, engine, profile, language)
        assert [code for text, code in removed.items() if code.startswith("rule:") and line in text] == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("language", "line", "code"),
    [
        ("en", "The WeWork logo is displayed outside of a co-working space in New York.Reuters", "common.credits.agency-paren"),
        (
            "en",
            "Traders work on the floor at the New York Stock Exchange in New York, U.S., November 18, 2019. REUTERS/Brendan McDermid",
            "common.credits.agency-paren",
        ),
        ("en", "Residents queue outside the polling station in Leeds (PA Wire)", "common.credits.agency-paren"),
        ("de", "Eine Kritik von Peter Kümmel", "de.metadata.byline"),
        ("es", "Madrid Actualizado Domingo, 17 marzo 2024 - 23:08", "es.metadata.prefix"),
        ("pt", "📲 Participe do canal do g1 SP no WhatsApp", "pt.newsletter.signup"),
    ],
)
def test_the_boilerplate_a_tightened_pattern_was_written_for_is_still_removed(engine, language, line, code):
    _engine(engine)
    first, second = NEIGHBOURS[language]
    text = f"{first}\n{first}\n{line}\n{second}\n{first}\n"
    removed = _removed(text, engine, "conservative", language)
    assert removed.get(line) == f"rule:{code}"
