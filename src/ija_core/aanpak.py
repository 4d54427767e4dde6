"""The approach as a whole: mission and outcomes, context figures, intensity, the coach's route,
profile, grondhouding and matching.

Facts, names and numbers come from the handbook (the introduction, "missie en visie", the
description of the methodiek, the kernwaarde Bekwaamheid and "profiel en
deskundigheidsbevordering"); every text is this project's own Dutch wording. Each record
carries ``bron``: a ``Bron`` of soort ``handboek`` whose toelichting says where the handbook
states it.

``AANPAK`` holds the handbook's values; nothing here is a rule the engine enforces.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, slug, tekst_tuple, teksten
from ija_core.bron import Bron

__all__ = [
    "AANPAK",
    "Aanpak",
    "Coachprofiel",
    "Kengetallen",
    "Kenmerk",
    "Mijlpaal",
    "Missie",
    "Missiedoel",
    "Routestap",
]

_positief = [validators.instance_of(int), validators.gt(0)]


def _handboek(vindplaats: str) -> Bron:
    """A ``Bron`` of soort ``handboek``; the toelichting says where the handbook states it."""
    return Bron(soort="handboek", toelichting=vindplaats)


def _records(soort: type) -> Any:
    """A validator: a tuple whose items are all instances of ``soort``."""
    return validators.deep_iterable(validators.instance_of(soort), validators.instance_of(tuple))


@frozen(kw_only=True)
class Kenmerk:
    """One characteristic of the approach, in Dutch.

    Attributes:
        id: a stable slug.
        naam: a short Dutch label.
        beschrijving: what it means, in Dutch.
        bron: where the handbook states it (soort ``handboek``).
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)
    bron: Bron = field(validator=validators.instance_of(Bron))


@frozen(kw_only=True)
class Missiedoel:
    """One outcome the mission aims for.

    Attributes:
        id: a stable slug.
        naam: a short Dutch label.
        beschrijving: the outcome, in Dutch.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)


@frozen(kw_only=True)
class Missie:
    """What the approach is for.

    Attributes:
        beschrijving: the mission in Dutch.
        uitkomsten: what the traject leads to (home, housing, school or work, friends).
        vaardigheden: what the coach pays attention to in the jongere (self-control, ...).
        doel: what ownership of one's own choices is meant to prevent, in Dutch.
        bron: where the handbook states it (soort ``handboek``).
    """

    beschrijving: str = field(validator=niet_leeg)
    uitkomsten: tuple[Missiedoel, ...] = field(validator=_records(Missiedoel))
    vaardigheden: tuple[str, ...] = field(converter=tekst_tuple, validator=teksten)
    doel: str = field(validator=niet_leeg)
    bron: Bron = field(validator=validators.instance_of(Bron))


@frozen(kw_only=True)
class Mijlpaal:
    """A step in the history of the approach.

    Attributes:
        jaar: the year.
        omschrijving: what happened, in Dutch.
    """

    jaar: int = field(validator=_positief)
    omschrijving: str = field(validator=niet_leeg)


@frozen(kw_only=True)
class Kengetallen:
    """The context figures the handbook gives for Rotterdam.

    Attributes:
        jongeren: young people aged 12 to 27 in Rotterdam.
        risicojongeren: of whom risicojongeren.
        fte: fte of intensief jongerencoaches (besides the pilot).
        wijkteams: the number of wijkteams the coaches work in.
        uitgevoerd_sinds: since when the aanbieders below carry out the coaching.
        aanbieders: the organisations that carry it out, by name.
        pilot: the pilot besides the fte, in Dutch.
        geschiedenis: how the approach came about, oldest first.
        bron: where the handbook states it (soort ``handboek``).
    """

    jongeren: int = field(validator=_positief)
    risicojongeren: int = field(validator=_positief)
    fte: int = field(validator=_positief)
    wijkteams: int = field(validator=_positief)
    uitgevoerd_sinds: date = field(validator=validators.instance_of(date))
    aanbieders: tuple[str, ...] = field(converter=tekst_tuple, validator=teksten)
    pilot: str = field(validator=niet_leeg)
    geschiedenis: tuple[Mijlpaal, ...] = field(validator=_records(Mijlpaal))
    bron: Bron = field(validator=validators.instance_of(Bron))


@frozen(kw_only=True)
class Routestap:
    """One stage of the route a jongere goes with the coach, from close by to at a distance.

    Attributes:
        nummer: 1, 2, 3 in order.
        id: a stable slug.
        naam: a short Dutch label.
        beschrijving: the stage, in Dutch.
    """

    nummer: int = field(validator=_positief)
    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)


@frozen(kw_only=True)
class Coachprofiel:
    """Who the intensief jongerencoach is: training, registration, knowledge, attitude.

    Attributes:
        opleiding: the level of education (``"hbo"``).
        registratie: the professional register (``"SKJ"``).
        kennis: what the coach knows about, in Dutch.
        bijscholing: how the coach keeps learning, in Dutch.
        grondhouding: the basic attitude, as a list of Dutch terms.
        bron: where the handbook states it (soort ``handboek``).
    """

    opleiding: str = field(validator=niet_leeg)
    registratie: str = field(validator=niet_leeg)
    kennis: tuple[str, ...] = field(converter=tekst_tuple, validator=teksten)
    bijscholing: str = field(validator=niet_leeg)
    grondhouding: tuple[str, ...] = field(converter=tekst_tuple, validator=teksten)
    bron: Bron = field(validator=validators.instance_of(Bron))


@frozen(kw_only=True)
class Aanpak:
    """The approach as a whole.

    Attributes:
        missie: mission and outcomes.
        kengetallen: the context figures.
        intensiteit: what makes a traject intensive.
        route: the stages from close by to at a distance, in order.
        route_bron: where the handbook describes the route (soort ``handboek``).
        coach: the coach's profile and grondhouding.
        matching: how coach, jongere and wijk are matched.
    """

    missie: Missie = field(validator=validators.instance_of(Missie))
    kengetallen: Kengetallen = field(validator=validators.instance_of(Kengetallen))
    intensiteit: Kenmerk = field(validator=validators.instance_of(Kenmerk))
    route: tuple[Routestap, ...] = field(validator=_records(Routestap))
    route_bron: Bron = field(validator=validators.instance_of(Bron))
    coach: Coachprofiel = field(validator=validators.instance_of(Coachprofiel))
    matching: tuple[Kenmerk, ...] = field(validator=_records(Kenmerk))


AANPAK = Aanpak(
    missie=Missie(
        beschrijving=(
            "De intensief jongerencoaches van de Rotterdamse wijkteams begeleiden jongeren van "
            "12 tot en met 27 jaar bij wie het zicht op een goede toekomst aan het wegvallen is. "
            "Het doel is dat zij hun leven weer op orde krijgen en zelf keuzes leren maken die "
            "goed uitpakken, voor henzelf en voor hun omgeving."
        ),
        uitkomsten=(
            Missiedoel(
                id="contact-met-ouders",
                naam="Helpend contact met ouders",
                beschrijving="Een band met ouders of verzorgers die de jongere verder helpt.",
            ),
            Missiedoel(
                id="zelfstandig-wonen",
                naam="Zelfstandig wonen",
                beschrijving="Een eigen, zelfstandige woonplek.",
            ),
            Missiedoel(
                id="werk-of-opleiding",
                naam="Werk of opleiding",
                beschrijving="Werk hebben, of (weer) naar school of een opleiding gaan.",
            ),
            Missiedoel(
                id="positieve-vrienden",
                naam="Vrienden met een goede invloed",
                beschrijving=(
                    "Een vriendenkring die de jongere inspireert en een positieve invloed heeft."
                ),
            ),
        ),
        vaardigheden=("zelfcontrole", "probleemoplossende vaardigheden"),
        doel=(
            "Doordat de jongere eigenaar wordt van zijn keuzes, wil de aanpak antisociaal, "
            "ongewenst, overlastgevend en crimineel gedrag voorkomen."
        ),
        bron=_handboek("Handboek, inleiding: missie en visie."),
    ),
    kengetallen=Kengetallen(
        jongeren=125_500,
        risicojongeren=7_000,
        fte=31,
        wijkteams=43,
        uitgevoerd_sinds=date(2018, 1, 1),
        aanbieders=("Exodus", "Futuro", "Stichting JOZ", "Mee", "Enver", "wmo radar"),
        pilot="Naast de 31 fte loopt een pilot nazorg na detentie, ook verdeeld over de wijkteams.",
        geschiedenis=(
            Mijlpaal(
                jaar=2015,
                omschrijving=(
                    "Intensief Casemanagement, Nieuwe Perspectieven en Nieuwe Perspectieven bij "
                    "Terugkeer gaan in opdracht van de gemeente als basishulp over naar de "
                    "wijkteams."
                ),
            ),
            Mijlpaal(
                jaar=2016,
                omschrijving=(
                    "De organisaties achter ICM en Nieuwe Perspectieven schrijven samen een notitie "
                    "over het specialisme Intensieve Jongerenaanpak in de Rotterdamse wijkteams."
                ),
            ),
            Mijlpaal(
                jaar=2018,
                omschrijving=(
                    "Vanaf 1 januari voeren zes aanbieders de inzet van de jongerencoaches in de "
                    "wijkteams uit."
                ),
            ),
        ),
        bron=_handboek("Handboek, inleiding: de cijfers over Rotterdam en hoe de aanpak ontstond."),
    ),
    intensiteit=Kenmerk(
        id="inspanning",
        naam="Intensief door inspanning",
        beschrijving=(
            "Hoe intensief een traject is, meet je niet af aan het aantal contacten, maar aan "
            "wat de coach erin steekt en wat de jongere zelf investeert."
        ),
        bron=_handboek("Handboek, de methodiek: waar de intensiteit van een traject in zit."),
    ),
    route=(
        Routestap(
            nummer=1,
            id="aan-de-hand",
            naam="Aan de hand meenemen",
            beschrijving=(
                "In het begin neemt de coach de jongere bij wijze van spreken bij de hand."
            ),
        ),
        Routestap(
            nummer=2,
            id="inzicht",
            naam="Inzicht in eigen gedrag",
            beschrijving=(
                "De jongere leert zien hoe hij zich gedraagt en wat dat doet met hemzelf en met "
                "anderen."
            ),
        ),
        Routestap(
            nummer=3,
            id="zelfstandig",
            naam="Zelfstandig, met de coach op afstand",
            beschrijving=(
                "De jongere handelt zelf en de coach is achterwacht. Van intensieve begeleiding "
                "gaat het naar steun op de achtergrond; de coach draagt over aan gezin, buren "
                "of wijknetwerk."
            ),
        ),
    ),
    route_bron=_handboek(
        "Handboek, de methodiek: hoe de begeleiding van dichtbij naar afstand gaat."
    ),
    coach=Coachprofiel(
        opleiding="hbo",
        registratie="SKJ",
        kennis=(
            "jeugd met problemen",
            "opgroeiproblematiek",
            "de ketens van jeugdzorg, justitie en onderwijs",
        ),
        bijscholing="Volgt ieder jaar scholing of training en houdt nieuwe trends bij.",
        grondhouding=(
            "zoekt contact, ook met het gezin",
            "sluit aan bij de leefwereld van jongeren",
            "durft te confronteren",
            "activerend",
            "flexibel",
            "volhardend",
            "geen 9-tot-5-mentaliteit",
        ),
        bron=_handboek(
            "Handboek, profiel en deskundigheidsbevordering; de jaarlijkse scholing staat bij "
            "de kernwaarde Bekwaamheid."
        ),
    ),
    matching=(
        Kenmerk(
            id="geen-klik-andere-coach",
            naam="Geen klik, andere coach",
            beschrijving=(
                "Slaat de vonk tussen coach en jongere niet over, dan wordt een andere "
                "hulpverlener gezocht: de vertrouwensrelatie bepaalt grotendeels of de steun "
                "werkt."
            ),
            bron=_handboek("Handboek, kernwaarde Bekwaamheid."),
        ),
        Kenmerk(
            id="match-met-de-wijk",
            naam="Match met de wijk",
            beschrijving=(
                "Bij het inzetten van coaches kijkt men welke diversiteit de wijk en het "
                "wijkteam nodig hebben, bijvoorbeeld een coach die de Bulgaarse cultuur kent in "
                "Delfshaven."
            ),
            bron=_handboek("Handboek, profiel en deskundigheidsbevordering: match met de wijk."),
        ),
    ),
)
"""The approach as the handbook describes it."""
