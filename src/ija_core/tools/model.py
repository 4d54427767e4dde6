"""The Instrument record: one tool, method or intervention in the catalogue."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs
from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, optioneel_niet_leeg, slug, slugs, tekst_tuple, teksten
from ija_core.aanbieders import bronvermelding_of_bron
from ija_core.bron import Bron

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
"""Where an instrument's fasen and leefgebieden come from as a whole: the handbook, or this
project. Each single placement carries its own ``Bron`` (``Instrumentplaatsing``)."""

Plaatsingssoort = Literal["fase", "leefgebied"]


@frozen(kw_only=True)
class Instrumentplaatsing:
    """One place where an instrument fits: a fase or a leefgebied, with where that comes from.

    Attributes:
        soort: ``fase`` or ``leefgebied``.
        id: the fase or leefgebied id.
        bron: where the placement comes from: ``handboek`` where the handbook puts the
            instrument there, ``afgeleid`` where it follows from what the handbook says (e.g.
            its reuse of instruments in later fasen), ``keuze`` for ija-core's suggestions,
            ``aanbieder`` for a plugin's.
    """

    soort: Plaatsingssoort = field(validator=validators.in_(("fase", "leefgebied")))
    id: str = field(validator=slug)
    bron: Bron = field(validator=validators.instance_of(Bron))


def _plaatsingen(items: Any) -> tuple[Instrumentplaatsing, ...]:
    return tuple(items)


@frozen(kw_only=True, init=False)
class Herkomst:
    """Where an instrument comes from.

    Attributes:
        auteurs: authors or owning organisation, empty when unknown.
        jaar: year of origin, or None when unknown.
        toelichting: a short Dutch note on the origin, or None.
        status: how sure these facts are.
        bronvermelding: the source the facts were checked in (a citation), or None. Hook API
            1.x called it ``bron``; that keyword is still accepted.
    """

    auteurs: tuple[str, ...] = field(default=(), converter=tekst_tuple, validator=teksten)
    jaar: int | None = field(
        default=None, validator=validators.optional(validators.instance_of(int))
    )
    toelichting: str | None = field(default=None, validator=optioneel_niet_leeg)
    status: Status = field(default="onbekend", validator=validators.in_(Status.__args__))  # type: ignore[attr-defined]  # Literal members
    bronvermelding: str | None = field(default=None, validator=optioneel_niet_leeg)

    def __init__(
        self,
        *,
        auteurs: Iterable[str] = (),
        jaar: int | None = None,
        toelichting: str | None = None,
        status: Status = "onbekend",
        bronvermelding: str | None = None,
        bron: str | None = None,
    ) -> None:
        self.__attrs_init__(
            auteurs=auteurs,
            jaar=jaar,
            toelichting=toelichting,
            status=status,
            bronvermelding=bronvermelding_of_bron(bronvermelding, bron),
        )


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
        plaatsing: whether fasen/leefgebieden come from the handbook or are this project's
            suggestion, for the instrument as a whole (hook API 1.x); see ``plaatsingen``.
        plaatsingen: one ``Instrumentplaatsing`` per fase and per leefgebied (fasen first, in
            the order of ``fasen`` and ``leefgebieden``), each with its own ``bron``. Left out,
            they are made from ``fasen`` and ``leefgebieden``: soort ``aanbieder`` for an
            aanbieder's instrument, otherwise ``keuze`` (a plugin's are recorded as
            ``aanbieder`` when the Methodiek is assembled). Given without ``fasen`` and
            ``leefgebieden``, those are read from them.
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
    plaatsingen: tuple[Instrumentplaatsing, ...] = field(
        default=(),
        converter=_plaatsingen,
        validator=validators.deep_iterable(validators.instance_of(Instrumentplaatsing)),
    )

    def __attrs_post_init__(self) -> None:
        if not self.plaatsingen:
            bron = (
                Bron(
                    soort="aanbieder",
                    toelichting=f"Een plaatsing van aanbieder {self.aanbieder}.",
                )
                if self.aanbieder is not None
                else Bron(
                    soort="keuze",
                    toelichting=(
                        "Het handboek zegt niet waar dit instrument past; ija-core "
                        "stelt deze plek voor."
                    ),
                )
            )
            object.__setattr__(
                self,
                "plaatsingen",
                tuple(Instrumentplaatsing(soort="fase", id=f, bron=bron) for f in self.fasen)
                + tuple(
                    Instrumentplaatsing(soort="leefgebied", id=lg, bron=bron)
                    for lg in self.leefgebieden
                ),
            )
            return
        fasen = tuple(p.id for p in self.plaatsingen if p.soort == "fase")
        leefgebieden = tuple(p.id for p in self.plaatsingen if p.soort == "leefgebied")
        if not self.fasen and not self.leefgebieden:
            object.__setattr__(self, "fasen", fasen)
            object.__setattr__(self, "leefgebieden", leefgebieden)
        elif (fasen, leefgebieden) != (self.fasen, self.leefgebieden):
            raise ValueError(
                f"instrument {self.id}: 'plaatsingen' noemen fasen {list(fasen)} en leefgebieden "
                f"{list(leefgebieden)}, maar 'fasen' is {list(self.fasen)} en 'leefgebieden' "
                f"{list(self.leefgebieden)}"
            )
        rangorde = [(p.soort, p.id) for p in self.plaatsingen]
        if len(set(rangorde)) != len(rangorde):
            raise ValueError(f"instrument {self.id}: 'plaatsingen' noemen een plek twee keer")

    def plaatsing_in(
        self, *, fase: str | None = None, leefgebied: str | None = None
    ) -> Instrumentplaatsing | None:
        """The placement of this instrument in the given fase or leefgebied, or None."""
        soort, gezocht = ("fase", fase) if fase is not None else ("leefgebied", leefgebied)
        for p in self.plaatsingen:
            if (p.soort, p.id) == (soort, gezocht):
                return p
        return None
