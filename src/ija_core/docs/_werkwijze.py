"""How a coach works with an instrument, where the handbook's overview says how: own words.

The handbook's overview of tools and interventions gives, for some instruments, the steps,
questions, techniques or pillars the coach works with (the five G's with a question each,
the five techniques of motivational interviewing, ...). The instrument page retells them
here in this project's own words, and says that it retells the handbook. Instruments for
which the overview gives no such how-to have no entry: nothing is added that the handbook
does not say.
"""

from __future__ import annotations

from attrs import frozen

from ija_core.docs._markdown import esc


@frozen
class Werkwijze:
    """The how-to of one instrument, retold from the handbook.

    Attributes:
        inleiding: one sentence on how the coach uses it.
        stappen: the steps, questions or parts, each as ``(name, what to do or ask)``.
    """

    inleiding: str
    stappen: tuple[tuple[str, str], ...]


WERKWIJZEN: dict[str, Werkwijze] = {
    "5g-model": Werkwijze(
        "Neem samen één lastig moment en loop de vijf G's na, met bij elke G een vraag aan de "
        "jongere. Zo ziet de jongere zelf welk patroon er in zijn reactie zit.",
        (
            ("Gebeurtenis", "Wat gebeurde er precies? Waar was je, en wie waren erbij?"),
            ("Gedachten", "Wat schoot er door je heen? Wat zei je in jezelf, wat vond je "
             "ervan?"),
            ("Gevoelens", "Welke emoties kwamen er bij je op?"),
            ("Gedrag", "Wat heb je toen gedaan of gezegd, hoe reageerde je?"),
            ("Gevolg", "Wat kwam er van jouw reactie, voor jou en voor de anderen?"),
        ),
    ),
    "ret": Werkwijze(
        "Samen zoeken naar gedachten die niet kloppen of niet helpen, en naar gedachten die "
        "er beter voor in de plaats passen.",
        (
            ("Opsporen", "welke gedachte zat achter het gevoel, en klopt die wel?"),
            ("Vervangen", "welke gedachte past beter bij wat er echt gebeurde?"),
            ("Uitwerken", "loop een echt voorbeeld van de jongere na met het 5G-model"),
        ),
    ),
    "sociaal-competentiemodel": Werkwijze(
        "Begin bij wat al lukt, en bouw daarop verder.",
        (
            ("Zien wat goed gaat", "kijk eerst naar wat de jongere nu al goed doet"),
            ("Vaardigheden", "leer van daaruit nieuwe vaardigheden aan, zodat de jongere meer "
             "mogelijkheden krijgt"),
        ),
    ),
    "moreel-redeneren": Werkwijze(
        "Met dilemma's leert de jongere ook de kant van de ander mee te wegen.",
        (
            ("Dilemma", "leg de jongere een moreel dilemma voor"),
            ("Doorvragen", "vraag door op zijn redenering, tot ook wat de ander nodig heeft "
             "meetelt"),
        ),
    ),
    "cultuursensitief-werken": Werkwijze(
        "Een manier van kijken die in elk contact meegaat.",
        (
            ("Bij jezelf", "wees je bewust van wat je eigen achtergrond meebrengt"),
            ("Bij de jongere", "houd rekening met de culturele kant van de jongere"),
            ("In elke stap", "van de eerste kennismaking tot en met de begeleiding"),
        ),
    ),
    "motiverende-gespreksvoering": Werkwijze(
        "Geen preek, maar vijf technieken waarmee de jongere zelf redenen vindt om iets "
        "anders te gaan doen.",
        (
            ("Open vragen", "vraag zo dat er meer past dan ja of nee"),
            ("Reflectief luisteren", "zeg terug wat je hoort, ook wat eronder ligt"),
            ("Bevestigen", "benoem wat de jongere al goed doet of wil"),
            ("Samenvatten", "zet af en toe op een rij wat er gezegd is"),
            ("Verandertaal uitlokken", "help de jongere uit te spreken waarom en hoe hij "
             "wil veranderen"),
        ),
    ),
    "sturen-op-zelfsturing": Werkwijze(
        "De training geeft de coach vijf houvasten om de jongere vanuit diens eigen kracht "
        "te begeleiden.",
        (
            ("Motivatie", "begin bij wat de jongere zelf drijft"),
            ("Doelen", "praat over waar de jongere heen wil, niet over wat in de weg zit"),
            ("Leren", "vertrouw op wat de jongere onderweg leert; stuur niet op de ‘goede’ "
             "uitkomst"),
            ("Eigen kring", "haal voor het doel eerst de mensen om de jongere heen erbij, "
             "niet eerst professionals"),
            ("Vragen", "begeleid door te vragen, niet door te oordelen, te adviseren of te "
             "overtuigen"),
        ),
    ),
    "gentle-teaching": Werkwijze(
        "De band tussen coach en jongere rust op vier pijlers; de coach werkt eraan dat de "
        "jongere ze ervaart.",
        (
            ("Veilig", "de jongere voelt zich bij jou op zijn gemak"),
            ("Geliefd", "de jongere merkt dat jij om hem geeft"),
            ("Liefdevol", "de jongere durft zelf warmte te tonen"),
            ("Verbonden", "de jongere voelt zich met jou en anderen verbonden"),
        ),
    ),
    "oplossingsgericht-werken": Werkwijze(
        "Met vragen in een vaste opbouw helpt de coach de jongere om:",
        (
            ("Het probleem", "zelf te zeggen wat het probleem is, en er anders naar te "
             "leren kijken"),
            ("Hulpbronnen", "te zien wat hem helpt, in zichzelf en om zich heen"),
            ("Doelen", "concreet en precies te maken waar hij heen wil"),
            ("Hoop", "weer vertrouwen te krijgen dat het beter kan"),
            ("Stappen", "stappen te zetten die hij zelf bedacht"),
            ("Loslaten", "zelf te bepalen wanneer hij het zonder hulp kan"),
        ),
    ),
    "bolletjesschema": Werkwijze(
        "Teken samen met de jongere op een groot vel wie er in zijn leven zijn.",
        (
            ("Personen", "elk bolletje is iemand die de jongere kent"),
            ("Belang", "bespreek hoeveel die persoon voor de jongere betekent"),
            ("Nabijheid", "zet wie dichtbij staat dicht bij de jongere op het vel"),
        ),
    ),
    "provocatieve-technieken": Werkwijze(
        "De coach daagt uit vanuit een houding met drie kanten.",
        (
            ("Warmte", "zorgt dat je de jongere echt wilt bereiken"),
            ("Humor", "relativeert en houdt de jongere betrokken"),
            ("Uitdaging", "legt de verantwoordelijkheid bij de jongere zelf"),
        ),
    ),
    "schaalvraag": Werkwijze(
        "Een oplossingsgerichte vraag die over elk onderwerp kan gaan.",
        (
            ("Cijfer", "de jongere geeft de situatie van nu een cijfer van 0 tot 10"),
            ("Gesprek", "praat vanuit dat cijfer verder over het onderwerp"),
        ),
    ),
    "mindmap": Werkwijze(
        "Zet één thema in het midden en laat de jongere er takken aan tekenen.",
        (
            ("Centraal thema", "waar het gesprek over gaat, in het midden"),
            ("Takken", "begrippen, woorden, verbanden of plaatjes die de jongere erbij "
             "bedenkt; zo wordt zichtbaar wat de jongere weet en wil, voor hem en voor jou"),
        ),
    ),
    "jim": Werkwijze(
        "De jongere kiest zelf; de coach helpt die keuze een plek te geven.",
        (
            ("Kiezen", "de jongere zoekt in de eigen kring iemand die hij vertrouwt"),
            ("Plek geven", "die mentor krijgt een rol naast de hulpverlening, ook voor het "
             "gezin"),
            ("Blijven", "de hulp stopt ooit, de mentor uit het netwerk kan blijven"),
        ),
    ),
}
"""How-tos per instrument id, only where the handbook's overview describes one."""


def werkwijze_markdown(instrument_id: str) -> str:
    """The section 'Zo werk je ermee' of an instrument page, or '' when there is none."""
    w = WERKWIJZEN.get(instrument_id)
    if w is None:
        return ""
    regels = "".join(f"{n}. **{esc(naam)}**: {esc(wat)}\n"
                     for n, (naam, wat) in enumerate(w.stappen, 1))
    return (
        "## Zo werk je ermee\n\n"
        f"{esc(w.inleiding)}\n\n{regels}\n"
        "*Naverteld uit het overzicht van tools en interventies in het handboek, in eigen "
        "woorden van ija-core.*\n"
    )
