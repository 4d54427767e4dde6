"""ija-exodus: Exodus and its method Jouw Kracht as an ija-core plugin.

Contributes the aanbieder ``exodus`` with the method ``exodus:jouw-kracht`` (six
krachtprincipes; steps krachteninventarisatie → doelen → actieplan) and the instrument
``exodus:krachteninventarisatie``, whose typed result records the young person's strengths
per Jouw Kracht leefgebied.

Jouw Kracht has ten leefgebieden of its own; the IJA has eight. ``JOUW_KRACHT_NAAR_IJA``
maps the first onto the second. That mapping is **this project's suggestion**, not
something Exodus or the handbook publishes; ``KrachteninventarisatieResultaat.
per_ija_leefgebied()`` uses it to show an inventory per IJA leefgebied.

Only the public API of ``ija_core`` is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from attrs import Attribute, field, frozen

from ija_core import (
    Aanbieder,
    DocsPagina,
    Herkomst,
    Instrument,
    Methode,
    hookimpl,
)

__all__ = [
    "AANBIEDER",
    "IJA_HOOK_API",
    "IJA_LEEFGEBIEDEN",
    "JOUW_KRACHT",
    "JOUW_KRACHT_LEEFGEBIEDEN",
    "JOUW_KRACHT_NAAR_IJA",
    "KRACHTENINVENTARISATIE",
    "KrachteninventarisatieResultaat",
    "Leefgebiedkrachten",
]

IJA_PLUGIN_NAAM = "exodus"
"""The plugin's name, the same whether it is loaded as entry point or passed in directly."""

IJA_HOOK_API = ">=1.0,<2.0"
"""The versions of the ija-core hook API this plugin is written for."""

JOUW_KRACHT_LEEFGEBIEDEN: Mapping[str, str] = MappingProxyType(
    {
        "wonen": "Wonen",
        "geld-inkomen": "Geld & inkomen",
        "werk-leren": "Werk & leren",
        "vrije-tijd": "Vrije tijd",
        "familie-vrienden-bekenden": "Familie, vrienden en bekenden",
        "ex-partner": "(Ex-)partner",
        "kinderen-opvoeding": "Kinderen & opvoeding",
        "zingeving": "Zingeving",
        "gezondheid-zelfzorg": "Gezondheid & zelfzorg",
        "veiligheid": "Veiligheid",
    }
)
"""The ten leefgebieden of Jouw Kracht: id → Dutch label, in Jouw Kracht's own order."""

IJA_LEEFGEBIEDEN: tuple[str, ...] = (
    "scholing",
    "financien",
    "wonen",
    "werk",
    "justitie",
    "gezondheid",
    "vrije-tijd",
    "sociaal-netwerk",
)
"""The eight IJA leefgebied ids in handbook order (part of ija-core's public contract)."""

JOUW_KRACHT_NAAR_IJA: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "wonen": ("wonen",),
        "geld-inkomen": ("financien",),
        "werk-leren": ("werk", "scholing"),
        "vrije-tijd": ("vrije-tijd",),
        "familie-vrienden-bekenden": ("sociaal-netwerk",),
        "ex-partner": ("sociaal-netwerk",),
        "kinderen-opvoeding": ("sociaal-netwerk",),
        "zingeving": (),
        "gezondheid-zelfzorg": ("gezondheid",),
        "veiligheid": ("justitie",),
    }
)
"""This project's suggestion (not Exodus's): Jouw Kracht leefgebied → IJA leefgebied ids.

Choices worth knowing: "werk & leren" counts for both werk and scholing; partner, children
and upbringing count as sociaal netwerk (the IJA's domain for parents, family and other
important people); "veiligheid" is placed under justitie, the nearest IJA domain, although
it is broader; "zingeving" has no IJA counterpart and maps to nothing, so its strengths are
shown apart (``KrachteninventarisatieResultaat.zonder_ija_leefgebied``).
"""

MAPPING_TOELICHTING = (
    "De indeling van de tien Jouw Kracht-leefgebieden op de acht IJA-leefgebieden is een "
    "voorstel van ija-core, niet van Exodus of het handboek. 'Werk & leren' telt voor werk én "
    "scholing; (ex-)partner en kinderen & opvoeding vallen onder sociaal netwerk; veiligheid "
    "staat bij justitie, het dichtstbijzijnde IJA-leefgebied, al is het begrip breder; "
    "zingeving heeft geen IJA-tegenhanger en wordt apart getoond."
)


# --- validators ---------------------------------------------------------------------------


def _als_tuple(value: Any) -> Any:
    """Turn a list into a tuple; anything else is left for the validator (a str is not split)."""
    return tuple(value) if isinstance(value, list) else value


def _jouw_kracht_leefgebied(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    if value not in JOUW_KRACHT_LEEFGEBIEDEN:
        raise ValueError(
            f"'{attribute.name}' moet een Jouw Kracht-leefgebied zijn "
            f"({', '.join(JOUW_KRACHT_LEEFGEBIEDEN)}) (kreeg {value!r})"
        )


def _krachten(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not value:
        raise ValueError(
            f"'{attribute.name}' moet een lijst met minstens één kracht zijn (kreeg {value!r}); "
            "laat een leefgebied zonder krachten weg"
        )
    for index, kracht in enumerate(value):
        if not isinstance(kracht, str) or not kracht.strip():
            raise ValueError(
                f"'{attribute.name}' moet een lijst van niet-lege teksten zijn "
                f"(kreeg {kracht!r} op plaats {index})"
            )


def _inventarisatie(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not value:
        raise ValueError(
            f"'{attribute.name}' moet een lijst met minstens één leefgebied met krachten zijn "
            f"(kreeg {value!r})"
        )
    gezien: set[str] = set()
    for index, item in enumerate(value):
        if not isinstance(item, Leefgebiedkrachten):
            raise ValueError(
                f"'{attribute.name}' moet een lijst van Leefgebiedkrachten zijn "
                f"(kreeg {item!r} op plaats {index})"
            )
        if item.leefgebied in gezien:
            raise ValueError(
                f"'{attribute.name}' noemt leefgebied {item.leefgebied!r} twee keer; "
                "zet alle krachten van een leefgebied bij elkaar"
            )
        gezien.add(item.leefgebied)


# --- the typed result ---------------------------------------------------------------------


@frozen(kw_only=True)
class Leefgebiedkrachten:
    """The strengths found on one Jouw Kracht leefgebied.

    Attributes:
        leefgebied: the Jouw Kracht leefgebied id (see ``JOUW_KRACHT_LEEFGEBIEDEN``).
        krachten: what the young person has or can do there, in their own words; at least one.
    """

    # A plain ``str`` rather than a ``Literal`` of the ten ids: a wrong id is then refused by
    # our own validator, with a Dutch message listing the ten ids.
    leefgebied: str = field(
        validator=_jouw_kracht_leefgebied,
        metadata={
            "betekenis": "het leefgebied van Jouw Kracht waarop de krachten gevonden zijn",
            "grenzen": "een van de tien leefgebied-ids van Jouw Kracht",
        },
    )
    krachten: tuple[str, ...] = field(
        converter=_als_tuple,
        validator=_krachten,
        metadata={
            "betekenis": "wat de jongere daar heeft of kan, in eigen woorden",
            "grenzen": "minstens één niet-lege tekst",
        },
    )


@frozen(kw_only=True)
class KrachteninventarisatieResultaat:
    """One krachteninventarisatie: the strengths per Jouw Kracht leefgebied.

    Only leefgebieden where strengths were found are listed, each once.

    Attributes:
        leefgebieden: the leefgebieden with their strengths, at least one.
    """

    leefgebieden: tuple[Leefgebiedkrachten, ...] = field(
        converter=_als_tuple,
        validator=_inventarisatie,
        metadata={
            "betekenis": "de leefgebieden waarop krachten gevonden zijn, met die krachten",
            "grenzen": "minstens één leefgebied, elk leefgebied hooguit één keer",
        },
    )

    def krachten_op(self, leefgebied: str) -> tuple[str, ...]:
        """The strengths recorded on one Jouw Kracht leefgebied (empty when none)."""
        if leefgebied not in JOUW_KRACHT_LEEFGEBIEDEN:
            raise ValueError(
                f"onbekend Jouw Kracht-leefgebied {leefgebied!r}; bekend zijn: "
                f"{', '.join(JOUW_KRACHT_LEEFGEBIEDEN)}"
            )
        for item in self.leefgebieden:
            if item.leefgebied == leefgebied:
                return item.krachten
        return ()

    def per_ija_leefgebied(self) -> dict[str, tuple[str, ...]]:
        """The strengths regrouped per IJA leefgebied, using ``JOUW_KRACHT_NAAR_IJA``.

        Keys are IJA leefgebied ids in handbook order, only those with strengths; a strength
        that reaches one IJA leefgebied through two Jouw Kracht leefgebieden is listed once.
        Strengths on leefgebieden without an IJA counterpart (zingeving) are not included:
        see ``zonder_ija_leefgebied``. The mapping is this project's suggestion.
        """
        verzameld: dict[str, list[str]] = {lg: [] for lg in IJA_LEEFGEBIEDEN}
        for item in self.leefgebieden:
            for ija_id in JOUW_KRACHT_NAAR_IJA[item.leefgebied]:
                lijst = verzameld[ija_id]
                lijst.extend(k for k in item.krachten if k not in lijst)
        return {lg: tuple(krachten) for lg, krachten in verzameld.items() if krachten}

    def zonder_ija_leefgebied(self) -> dict[str, tuple[str, ...]]:
        """The strengths on Jouw Kracht leefgebieden that map to no IJA leefgebied."""
        return {
            item.leefgebied: item.krachten
            for item in self.leefgebieden
            if not JOUW_KRACHT_NAAR_IJA[item.leefgebied]
        }

    @classmethod
    def voorbeeld(cls) -> KrachteninventarisatieResultaat:
        """An example inventory (used by ``ija_core.testing.check_plugin`` and the docs)."""
        return cls(
            leefgebieden=(
                Leefgebiedkrachten(
                    leefgebied="werk-leren",
                    krachten=("werkt hard als het om iets gaat dat hij leuk vindt",),
                ),
                Leefgebiedkrachten(
                    leefgebied="familie-vrienden-bekenden",
                    krachten=("goede band met zijn oma", "een vriend die hem aanspoort"),
                ),
                Leefgebiedkrachten(
                    leefgebied="zingeving", krachten=("wil een voorbeeld zijn voor zijn broer",)
                ),
            )
        )


# --- the contributions --------------------------------------------------------------------

BRON = (
    "Methodische handreiking Intensieve Jongerenaanpak (wijkteams Rotterdam) noemt de methode; "
    "principes, stappen en leefgebieden uit de openbare beschrijving van Jouw Kracht door Exodus"
)

JOUW_KRACHT = Methode(
    id="exodus:jouw-kracht",
    naam="Jouw Kracht",
    beschrijving=(
        "De werkwijze van Exodus die begint bij wat iemand al kan en heeft. Eerst worden samen "
        "de krachten op tien leefgebieden in kaart gebracht; op die basis kiest de deelnemer "
        "zelf zijn doelen en maakt hij een actieplan. De deelnemer houdt de regie, de "
        "werkrelatie staat centraal, en de eigen omgeving en de gemeenschap worden als "
        "hulpbron benut."
    ),
    principes=(
        "Herstelvermogen",
        "Focus op krachten",
        "Deelnemer is regisseur",
        "Werkrelatie essentieel",
        "Werken in de eigen omgeving",
        "Gemeenschap als hulpbron",
    ),
    stappen=("Krachteninventarisatie", "Doelen", "Actieplan"),
    bronvermelding=BRON,
)

AANBIEDER = Aanbieder(id="exodus", naam="Exodus", methoden=(JOUW_KRACHT,))

KRACHTENINVENTARISATIE = Instrument(
    id="exodus:krachteninventarisatie",
    naam="Krachteninventarisatie (Jouw Kracht)",
    soort="werkvorm",
    samenvatting=(
        "De eerste stap van Jouw Kracht: per leefgebied vastleggen wat goed gaat en waar de "
        "jongere op kan bouwen."
    ),
    beschrijving=(
        "Coach en jongere lopen de tien leefgebieden van Jouw Kracht langs en schrijven per "
        "leefgebied de krachten op: wat de jongere kan, heeft en wil, en wie om hem heen "
        "steunt. De inventarisatie is het vertrekpunt voor de doelen en het actieplan. "
        "Leefgebieden zonder gevonden krachten blijven leeg. ija-core toont het resultaat ook "
        "per IJA-leefgebied; die indeling is een voorstel van ija-core, niet van Exodus."
    ),
    fasen=("verdieping",),
    leefgebieden=IJA_LEEFGEBIEDEN,
    plaatsing="suggestie",
    onderdelen=tuple(JOUW_KRACHT_LEEFGEBIEDEN.values()),
    herkomst=Herkomst(
        auteurs=("Exodus",),
        toelichting="Onderdeel van de methode Jouw Kracht van Exodus.",
        status="geverifieerd",
        bronvermelding=BRON,
    ),
    aanbieder="exodus",
    resultaat=KrachteninventarisatieResultaat,
)


def _mappingpagina() -> DocsPagina:
    regels = [
        "# Jouw Kracht en de IJA-leefgebieden",
        "",
        "Jouw Kracht van Exodus werkt met tien leefgebieden, de Intensieve Jongerenaanpak met "
        "acht. De tabel laat zien hoe ija-core een krachteninventarisatie per IJA-leefgebied "
        "toont.",
        "",
        '!!! note "Voorstel van ija-core"',
        f"    {MAPPING_TOELICHTING}",
        "",
        "| Jouw Kracht-leefgebied | IJA-leefgebied(en) |",
        "|---|---|",
    ]
    for jk_id, label in JOUW_KRACHT_LEEFGEBIEDEN.items():
        doel = ", ".join(f"`{i}`" for i in JOUW_KRACHT_NAAR_IJA[jk_id]) or "geen (apart getoond)"
        regels.append(f"| {label} (`{jk_id}`) | {doel} |")
    return DocsPagina(
        pad="jouw-kracht-leefgebieden.md",
        titel="Jouw Kracht en de IJA-leefgebieden",
        inhoud="\n".join(regels) + "\n",
    )


@hookimpl
def ija_aanbieder() -> Aanbieder:
    """Exodus, with Jouw Kracht."""
    return AANBIEDER


@hookimpl
def ija_instrumenten() -> Iterable[Instrument]:
    """The krachteninventarisatie of Jouw Kracht."""
    return (KRACHTENINVENTARISATIE,)


@hookimpl
def ija_docs_paginas() -> Iterable[DocsPagina]:
    """One page: the suggested mapping of Jouw Kracht's leefgebieden onto the IJA's."""
    return (_mappingpagina(),)
