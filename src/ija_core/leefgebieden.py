"""The eight leefgebieden (life domains) the coach reviews with the young person."""

from __future__ import annotations

from attrs import field, frozen

from ija_core._validators import niet_leeg, slug


@frozen(kw_only=True)
class Leefgebied:
    """One life domain of the young person.

    Attributes:
        id: stable slug used in JSON, e.g. ``"financien"``.
        naam: the Dutch label, e.g. ``"Financiën"``.
        beschrijving: what the domain covers, in Dutch.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)


LEEFGEBIEDEN: tuple[Leefgebied, ...] = (
    Leefgebied(
        id="scholing",
        naam="Scholing",
        beschrijving=(
            "Onderwijs en opleiding: naar school gaan, verzuim, en een school of opleiding kiezen "
            "die past en die afmaken."
        ),
    ),
    Leefgebied(
        id="financien",
        naam="Financiën",
        beschrijving=(
            "Inkomen of uitkering, zorgverzekering en schulden: overzicht krijgen en grip houden "
            "op geld."
        ),
    ),
    Leefgebied(
        id="wonen",
        naam="Wonen",
        beschrijving=(
            "Een vaste plek om te wonen of een postadres; van thuis of op de bank bij anderen "
            "naar begeleid of zelfstandig wonen."
        ),
    ),
    Leefgebied(
        id="werk",
        naam="Werk",
        beschrijving=(
            "Een baan, bijbaan of stage: een cv maken, solliciteren en het werk volhouden."
        ),
    ),
    Leefgebied(
        id="justitie",
        naam="Justitie",
        beschrijving=(
            "Contacten met politie, justitie en (jeugd)reclassering: boetes, straffen en "
            "detentie, en het voorkomen van nieuwe delicten."
        ),
    ),
    Leefgebied(
        id="gezondheid",
        naam="Gezondheid",
        beschrijving=(
            "Lichamelijke en psychische gezondheid, middelengebruik en verslaving, en de weg "
            "naar passende (ggz-)hulp."
        ),
    ),
    Leefgebied(
        id="vrije-tijd",
        naam="Vrije tijd",
        beschrijving=(
            "Hoe de jongere zijn dagen vult: dagbesteding, sport, hobby's en de tijd die hij op "
            "straat doorbrengt."
        ),
    ),
    Leefgebied(
        id="sociaal-netwerk",
        naam="Sociaal netwerk",
        beschrijving=(
            "Ouders, gezin, familie, vrienden en andere belangrijke mensen: wie steunt de jongere "
            "en wie trekt hem juist de verkeerde kant op."
        ),
    ),
)
"""The eight leefgebieden the coach goes through with the young person, in handbook order."""
