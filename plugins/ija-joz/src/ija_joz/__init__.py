"""ija-joz: Stichting JOZ, its methods and its 48-hour start norm as an ija-core plugin.

Contributes the aanbieder ``joz`` with two methods, ``joz:nieuwe-perspectieven`` and
``joz:adviseurs-van-de-straat`` (no public description found: ``beschrijving`` is None), and
the service norm ``joz:start-binnen-48-uur``: within 48 hours of the aanmelding there is a
first contact with the young person (a ``contact`` with ``met="jongere"`` or a successful
``contactpoging``). The norm applies only to trajecten whose ``aangemeld`` event names
``"aanbieder": "joz"``.

Only the public API of ``ija_core`` is used.
"""

from __future__ import annotations

from collections.abc import Iterable

from ija_core import Aanbieder, Bron, Methode, Norm, Voorwaarde, hookimpl

__all__ = [
    "AANBIEDER",
    "ADVISEURS_VAN_DE_STRAAT",
    "IJA_HOOK_API",
    "NIEUWE_PERSPECTIEVEN",
    "START_BINNEN_48_UUR",
]

IJA_PLUGIN_NAAM = "joz"
"""The plugin's name, the same whether it is loaded as entry point or passed in directly."""

IJA_HOOK_API = ">=1.0,<2.0"
"""The versions of the ija-core hook API this plugin is written for."""

_HANDREIKING = "Methodische handreiking Intensieve Jongerenaanpak (wijkteams Rotterdam)"

NIEUWE_PERSPECTIEVEN = Methode(
    id="joz:nieuwe-perspectieven",
    naam="Nieuwe Perspectieven",
    beschrijving=(
        "Hulp voor jongeren van 12 (soms al vanaf 10) tot 23 jaar die lichte delicten plegen "
        "of overlast geven en op meer leefgebieden tegelijk problemen hebben. De hulp begint "
        "binnen 48 uur na de aanmelding en er is geen indicatie voor nodig. De variant Nieuwe "
        "Perspectieven bij Terugkeer duurt een jaar, verdeeld over vier fasen van drie "
        "maanden, en is in 2008 erkend door de erkenningscommissie van justitie; voor Nieuwe "
        "Perspectieven zelf is geen erkenning gevonden. Hoe JOZ de methode in Rotterdam "
        "uitvoert, heeft JOZ nog niet beschreven."
    ),
    bronvermelding=(
        f"{_HANDREIKING} noemt de methode; doelgroep, 48-uurstermijn, de variant bij "
        "Terugkeer en de erkenning (2008) uit openbare beschrijvingen van de methode"
    ),
)

ADVISEURS_VAN_DE_STRAAT = Methode(
    id="joz:adviseurs-van-de-straat",
    naam="Adviseurs van de straat",
    beschrijving=None,
    bronvermelding=f"{_HANDREIKING} noemt de methode",
)
"""Named by the handbook; what it is is unknown (to be supplied by JOZ)."""

AANBIEDER = Aanbieder(
    id="joz",
    naam="Stichting JOZ",
    methoden=(NIEUWE_PERSPECTIEVEN, ADVISEURS_VAN_DE_STRAAT),
)

START_BINNEN_48_UUR = Norm(
    id="joz:start-binnen-48-uur",
    naam="Hulp start binnen 48 uur",
    uitleg=(
        "Binnen 48 uur na de aanmelding is er een eerste contact met de jongere: een gesprek "
        "met de jongere of een gelukte contactpoging. Het gaat om 48 verstreken uren; "
        "weekenden tellen mee. Geldt alleen voor trajecten die JOZ uitvoert."
    ),
    anker="aanmelding",
    uren=48,
    voldaan_door=(
        Voorwaarde(soort="contact", velden=(("met", "jongere"),)),
        Voorwaarde(soort="contactpoging", velden=(("gelukt", True),)),
    ),
    pauzeerbaar=False,
    aanbieder="joz",
    bron=Bron(
        soort="aanbieder",
        toelichting=(
            "Uit Nieuwe Perspectieven van JOZ: de hulp begint binnen 48 uur na de aanmelding. "
            "Dat het eerste contact met de jongere als start van de hulp telt, en dat de "
            "termijn in verstreken uren loopt (ook in het weekend), is de invulling van ija-core."
        ),
    ),
)


@hookimpl
def ija_aanbieder() -> Aanbieder:
    """Stichting JOZ, with Nieuwe Perspectieven and Adviseurs van de straat."""
    return AANBIEDER


@hookimpl
def ija_normen() -> Iterable[Norm]:
    """The 48-hour start norm of Nieuwe Perspectieven, for JOZ's own trajecten."""
    return (START_BINNEN_48_UUR,)
