"""The events of a group (``Groep``): one frozen attrs class per JSON ``type``.

A group is its own event stream beside the trajecten of its members (design.md,
"Groepsaanpak"). Like the traject's events (``ija_core.traject.events``), each class carries
its JSON tag as ``TYPE`` and its attribute names equal the JSON keys. The codec
(``ija_core._codec``) reads and writes them with the same strict checks, from its second
event table ``GROEP_EVENT_TYPEN``; a group event is never accepted by a traject and the other
way round.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Literal

from attrs import field, frozen

from ija_core.traject.events import NietLeeg

__all__ = [
    "Bijeenkomst",
    "BijeenkomstVoor",
    "GROEP_EVENT_TYPEN",
    "GroepAangemeld",
    "GroepAfgesloten",
    "GroepGebeurtenis",
    "Groepsmelding",
    "LidToegevoegd",
    "LidVerwijderd",
    "Omgevingsanalyse",
    "PlanVanAanpak",
]


def _als_tuple(value: Any) -> Any:
    """Turn a list into a tuple; anything else is left for the JSON checks to refuse."""
    return tuple(value) if isinstance(value, list) else value


BijeenkomstVoor = Literal["ouders", "buurtbewoners", "jongeren"]
"""Who a group meeting is for."""


@frozen(kw_only=True)
class GroepGebeurtenis:
    """Base of every group event: something that happened to the group at moment ``op``.

    Attributes:
        op: when it happened; an aware datetime.
    """

    TYPE: ClassVar[str] = ""
    op: datetime


@frozen(kw_only=True)
class GroepAangemeld(GroepGebeurtenis):
    """The group is referred; always the first event, and only once.

    Attributes:
        groep: the group's id, chosen by the embedding app.
        verwijzers: who asked for the approach (e.g. the jeugdoverlast-expert, the pga-expert).
        omschrijving: what the group is and what the concern is.
    """

    TYPE: ClassVar[str] = "groep-aangemeld"
    groep: NietLeeg
    verwijzers: tuple[NietLeeg, ...] = field(converter=_als_tuple)
    omschrijving: str


@frozen(kw_only=True)
class LidToegevoegd(GroepGebeurtenis):
    """A jongere joins the group, by the id of their own traject.

    Attributes:
        traject: the member's traject id.
    """

    TYPE: ClassVar[str] = "lid-toegevoegd"
    traject: NietLeeg


@frozen(kw_only=True)
class LidVerwijderd(GroepGebeurtenis):
    """A member leaves the group (their own traject goes on as usual).

    Attributes:
        traject: the member's traject id.
        reden: why; never blank.
    """

    TYPE: ClassVar[str] = "lid-verwijderd"
    traject: NietLeeg
    reden: NietLeeg


@frozen(kw_only=True)
class PlanVanAanpak(GroepGebeurtenis):
    """The plan van aanpak for the group, made with partners.

    Attributes:
        partners: the partners who take part (free text: police, school, jongerenwerk, ...).
        omschrijving: what the plan says.
    """

    TYPE: ClassVar[str] = "plan-van-aanpak"
    partners: tuple[NietLeeg, ...] = field(converter=_als_tuple)
    omschrijving: str


@frozen(kw_only=True)
class Omgevingsanalyse(GroepGebeurtenis):
    """The social environment analysis of the group.

    Attributes:
        met: who was consulted (schools, youth and neighbourhood work, sports clubs, ...).
        omschrijving: what it found.
    """

    TYPE: ClassVar[str] = "omgevingsanalyse"
    met: tuple[NietLeeg, ...] = field(converter=_als_tuple)
    omschrijving: str


@frozen(kw_only=True)
class Groepsmelding(GroepGebeurtenis):
    """A report about the group (e.g. nuisance); starts the 24-hour norm for every member.

    Attributes:
        soort: what kind of report (``overlast``, ...).
        melder: who reported (a resident, the police, ...).
    """

    TYPE: ClassVar[str] = "groepsmelding"
    soort: NietLeeg
    melder: NietLeeg


@frozen(kw_only=True)
class Bijeenkomst(GroepGebeurtenis):
    """A meeting organised around the group.

    Attributes:
        voor: who it is for: ``ouders``, ``buurtbewoners`` or ``jongeren``.
        omschrijving: what it was about.
    """

    TYPE: ClassVar[str] = "bijeenkomst"
    voor: BijeenkomstVoor
    omschrijving: str


@frozen(kw_only=True)
class GroepAfgesloten(GroepGebeurtenis):
    """The group approach ends; nothing is accepted after it.

    Attributes:
        reden: why; never blank.
    """

    TYPE: ClassVar[str] = "groep-afgesloten"
    reden: NietLeeg


GROEP_EVENT_TYPEN: dict[str, type[GroepGebeurtenis]] = {
    cls.TYPE: cls
    for cls in (
        GroepAangemeld,
        LidToegevoegd,
        LidVerwijderd,
        PlanVanAanpak,
        Omgevingsanalyse,
        Groepsmelding,
        Bijeenkomst,
        GroepAfgesloten,
    )
}
"""Every group event class by its JSON ``type``, in the order of the design."""
