"""The Instrument record: one tool, method or intervention in the catalogue."""

from __future__ import annotations

from typing import Any, Literal

import attrs
from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, optioneel_niet_leeg, slug, slugs, tekst_tuple, teksten

Soort = Literal[
    "interventie",
    "methode",
    "meetinstrument",
    "werkvorm",
    "houding",
    "training",
    "gemeentelijk-instrumentarium",
]
SOORTEN: tuple[str, ...] = Soort.__args__  # type: ignore[attr-defined]  # Literal keeps its members here

Status = Literal["geverifieerd", "deels-geverifieerd", "onbekend"]
"""How sure a fact is: verified in a source, from one secondary source, or not found."""

Erkenningsniveau = Literal[
    "goed-beschreven",
    "goed-onderbouwd",
    "effectief-eerste-aanwijzingen",
    "effectief-goede-aanwijzingen",
    "effectief-sterke-aanwijzingen",
    "niet-erkend",
]
ERKENNINGSNIVEAUS: tuple[str, ...] = Erkenningsniveau.__args__  # type: ignore[attr-defined]  # as above

Plaatsing = Literal["handboek", "suggestie"]
"""Where an instrument's fasen and leefgebieden come from: the handbook, or this project."""


@frozen(kw_only=True)
class Herkomst:
    """Where an instrument comes from.

    Attributes:
        auteurs: authors or owning organisation, empty when unknown.
        jaar: year of origin, or None when unknown.
        toelichting: a short Dutch note on the origin, or None.
        status: how sure these facts are.
        bron: the source the facts were checked in, or None.
    """

    auteurs: tuple[str, ...] = field(default=(), converter=tekst_tuple, validator=teksten)
    jaar: int | None = field(
        default=None, validator=validators.optional(validators.instance_of(int))
    )
    toelichting: str | None = field(default=None, validator=optioneel_niet_leeg)
    status: Status = field(default="onbekend", validator=validators.in_(Status.__args__))  # type: ignore[attr-defined]  # Literal members
    bron: str | None = field(default=None, validator=optioneel_niet_leeg)


@frozen(kw_only=True)
class Erkenning:
    """Recognition of an intervention by a Dutch databank (NJi, Movisie, Vilans).

    ``niveau`` None means no recognition was found; the docs then say it is still to be supplied.

    Attributes:
        niveau: the recognition level, or None when unknown.
        databank: which databank or committee, or None.
        jaar: year of the assessment, or None.
        status: how sure these facts are.
        toelichting: a short Dutch note, or None.
    """

    niveau: Erkenningsniveau | None = field(
        default=None, validator=validators.optional(validators.in_(ERKENNINGSNIVEAUS))
    )
    databank: str | None = field(default=None, validator=optioneel_niet_leeg)
    jaar: int | None = field(
        default=None, validator=validators.optional(validators.instance_of(int))
    )
    status: Status = field(default="onbekend", validator=validators.in_(Status.__args__))  # type: ignore[attr-defined]  # Literal members
    toelichting: str | None = field(default=None, validator=optioneel_niet_leeg)


def _resultaattype(_inst: object, _attribute: object, value: Any) -> None:
    if value is not None and not (isinstance(value, type) and attrs.has(value)):
        raise ValueError(f"'resultaat' moet een attrs-klasse zijn of None (kreeg {value!r})")


@frozen(kw_only=True)
class Instrument:
    """A tool, method or intervention the coaches use.

    Attributes:
        id: stable slug; a plugin's ids are namespaced (``"exodus:krachteninventarisatie"``).
        naam: the Dutch name.
        soort: the kind of instrument (see ``SOORTEN``).
        samenvatting: one Dutch sentence.
        beschrijving: a fuller Dutch description.
        fasen: ids of the fasen where it fits.
        leefgebieden: ids of the leefgebieden where it fits.
        plaatsing: whether fasen/leefgebieden come from the handbook or are this project's suggestion.
        onderdelen: the named parts of the instrument (the five G's, the four pillars, ...).
        doelgroep: notes on whom it is for, or None.
        herkomst: origin facts.
        erkenning: databank recognition.
        aanbieder: the aanbieder id that brings it, or None for the handbook's own.
        resultaat: the attrs class that records one use of it, or None when it records nothing.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    soort: Soort = field(validator=validators.in_(SOORTEN))
    samenvatting: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)
    fasen: tuple[str, ...] = field(default=(), converter=tekst_tuple, validator=slugs)
    leefgebieden: tuple[str, ...] = field(default=(), converter=tekst_tuple, validator=slugs)
    plaatsing: Plaatsing = field(
        default="suggestie", validator=validators.in_(("handboek", "suggestie"))
    )
    onderdelen: tuple[str, ...] = field(default=(), converter=tekst_tuple, validator=teksten)
    doelgroep: str | None = field(default=None, validator=optioneel_niet_leeg)
    herkomst: Herkomst = field(factory=Herkomst, validator=validators.instance_of(Herkomst))
    erkenning: Erkenning = field(factory=Erkenning, validator=validators.instance_of(Erkenning))
    aanbieder: str | None = field(default=None, validator=validators.optional(slug))
    resultaat: type[Any] | None = field(default=None, validator=_resultaattype)
