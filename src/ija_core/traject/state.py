"""The records a ``Traject`` holds besides its events: periods, hulpvragen, zorgen, the plan.

All are frozen attrs values; the traject replaces them (never changes them) as events come in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from attrs import field, frozen

from ija_core.phases.rules import Afwijzing
from ija_core.traject.events import Levenscyclus, Termijn, Voortgang

__all__ = [
    "Besluit",
    "Betrokkene",
    "Doel",
    "Faseperiode",
    "Hulpvraag",
    "Ondersteuningsplan",
    "Ondertekening",
    "Pauze",
    "Zorg",
]


def _teksten(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _afwijzingen(items: Iterable[Afwijzing]) -> tuple[Afwijzing, ...]:
    return tuple(items)


@frozen(kw_only=True)
class Betrokkene:
    """Someone around the jongere in a traject, by pseudonym id and relatie (never a name).

    Attributes:
        id: the betrokkene's id within the traject (``"oma"``).
        relatie: the relatie id (``"familie"``); ``Methodiek.relatie(relatie).rol`` is the rol.
        toestemmingen: the active toestemmingen of the jongere for this betrokkene, in the
            order ``betrekken``, ``gegevens-delen`` (``jim-gekozen`` gives ``betrekken``).
        toegevoegd_op: the moment of ``betrokkene-toegevoegd``.
        omschrijving: the free text of ``betrokkene-toegevoegd``, or None.
    """

    id: str
    relatie: str
    toestemmingen: tuple[str, ...] = field(default=(), converter=_teksten)
    toegevoegd_op: datetime
    omschrijving: str | None = None


@frozen(kw_only=True)
class Faseperiode:
    """A stretch of time the traject spent in one fase.

    Periods are ordered; each starts where the one before it ended, except after a
    ``heropend``: the time the traject was closed lies between the two.

    Attributes:
        fase: the fase id.
        van: when it started.
        tot: when it ended, or None for the current fase of an active traject.
    """

    fase: str
    van: datetime
    tot: datetime | None = None


@frozen(kw_only=True)
class Pauze:
    """A period in which the traject was paused (``opgeschort`` … ``hervat``).

    Attributes:
        van: the moment of ``opgeschort``.
        tot: the moment of ``hervat`` (or of closing), or None while paused.
        reden: why it was paused.
    """

    van: datetime
    tot: datetime | None
    reden: str


@frozen(kw_only=True)
class Hulpvraag:
    """A help question of the young person.

    Attributes:
        id: its id within the traject.
        leefgebied: the leefgebied id.
        omschrijving: the question.
        geopend_op: when it was opened.
        gesloten_op: when it was closed, or None while open.
    """

    id: str
    leefgebied: str
    omschrijving: str
    geopend_op: datetime
    gesloten_op: datetime | None = None

    @property
    def open(self) -> bool:
        """Whether the question is still open."""
        return self.gesloten_op is None


@frozen(kw_only=True)
class Zorg:
    """A concern about the young person.

    Attributes:
        id: its id within the traject.
        omschrijving: the concern.
        gemeld_op: when it was recorded.
        opgeheven_op: when it was lifted, or None while it stands.
    """

    id: str
    omschrijving: str
    gemeld_op: datetime
    opgeheven_op: datetime | None = None

    @property
    def open(self) -> bool:
        """Whether the concern still stands."""
        return self.opgeheven_op is None


@frozen(kw_only=True)
class Doel:
    """A doel of the ondersteuningsplan, with a two-axis status as in FHIR Goal.

    Attributes:
        id: its id within the traject.
        leefgebied: the leefgebied id.
        termijn: ``kort`` or ``lang``.
        omschrijving: the goal.
        gesteld_op: when it was set.
        levenscyclus: where it is in its life (starts ``actief``).
        voortgang: how far it is reached (starts ``bezig``).
        bijgewerkt_op: the last ``doel-bijgewerkt``, or None.
    """

    id: str
    leefgebied: str
    termijn: Termijn
    omschrijving: str
    gesteld_op: datetime
    levenscyclus: Levenscyclus = "actief"
    voortgang: Voortgang = "bezig"
    bijgewerkt_op: datetime | None = None


@frozen(kw_only=True)
class Ondertekening:
    """One signing of the plan.

    Attributes:
        op: when.
        door: the rol ids that signed.
    """

    op: datetime
    door: tuple[str, ...]


@frozen(kw_only=True)
class Ondersteuningsplan:
    """The support plan: doelen per leefgebied and its signatures.

    Attributes:
        doelen: every doel, in the order they were set.
        ondertekeningen: every signing, in order.
        ondertekend_op: the moment the plan counts as signed (a doel exists and ``jongere``
            and ``coach`` have signed, in any number of signings), or None.
    """

    doelen: tuple[Doel, ...] = ()
    ondertekeningen: tuple[Ondertekening, ...] = ()
    ondertekend_op: datetime | None = None

    @property
    def ondertekend_door(self) -> frozenset[str]:
        """Every rol that has signed so far."""
        return frozenset(r for o in self.ondertekeningen for r in o.door)

    def doelen_per_leefgebied(self) -> dict[str, tuple[Doel, ...]]:
        """The doelen grouped by leefgebied id, in the order they were set."""
        groepen: dict[str, list[Doel]] = {}
        for doel in self.doelen:
            groepen.setdefault(doel.leefgebied, []).append(doel)
        return {k: tuple(v) for k, v in groepen.items()}

    def doel(self, doel_id: str) -> Doel | None:
        """The doel with this id, or None."""
        for d in self.doelen:
            if d.id == doel_id:
                return d
        return None


@frozen(kw_only=True)
class Besluit:
    """The answer of ``Traject.kan_naar``: allowed or not, and every reason why not.

    Attributes:
        naar: the fase asked about.
        toegestaan: True when no rule refuses.
        redenen: every refusal (an ``Afwijzing`` with its ``regel`` and ``plugin`` filled
            in), in rule order (handbook rules first, then plugin guards).
    """

    naar: str
    toegestaan: bool
    redenen: tuple[Afwijzing, ...] = field(default=(), converter=_afwijzingen)

    def __bool__(self) -> bool:
        return self.toegestaan
