"""The ``Groep``: a group of jongeren handled together, an immutable fold over its own events.

A group is its own event stream beside the trajecten of its members (design.md,
"Groepsaanpak"); members are trajecten by id, and a member's own traject goes on as usual.
Each event goes through the same three stages as a traject's:

1. **decoding** by the Methodiek's codec (its second event table, ``GROEP_EVENT_TYPEN``):
   every type, field and id problem of the event is reported together as ``OngeldigeInvoer``;
2. **state checks** that are still invalid input: the first event is ``groep-aangemeld`` and
   there is only one; a member is not added twice; only a member can be removed;
3. **rules**: ``methodiek.groepsregels`` in checking order (``chronologie``,
   ``groep-afgesloten``); the first refusal raises ``RegelOvertreding``.

``Groep.replay`` folds a whole list; ``registreer`` one event on a frozen group; both use the
same builder, so replaying is registering step by step.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, cast

from attrs import field, frozen

from ija_core._per_methodiek import state
from ija_core.errors import OngeldigeInvoer
from ija_core.groep.events import (
    GROEP_EVENT_TYPEN,
    Bijeenkomst,
    GroepAangemeld,
    GroepAfgesloten,
    GroepGebeurtenis,
    Groepsmelding,
    LidToegevoegd,
    LidVerwijderd,
    Omgevingsanalyse,
    PlanVanAanpak,
)
from ija_core.traject._compiled_rules import CompiledRules, overtreding
from ija_core.traject._fold import vouw_stroom

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek
    from ija_core.phases.rules import Toestand

__all__ = ["Groep", "Lidmaatschap"]

Groepstatus = Literal["actief", "afgesloten"]


@frozen(kw_only=True)
class Lidmaatschap:
    """One period a traject was a member of the group.

    Attributes:
        traject: the member's traject id.
        van: when the member was added.
        tot: when the member was removed, or None while still a member.
        reden: why the member was removed, or None.
    """

    traject: str
    van: datetime
    tot: datetime | None = None
    reden: str | None = None

    def lid_op(self, op: datetime) -> bool:
        """Whether the traject was a member at moment ``op`` (from ``van``, up to ``tot``)."""
        return self.van <= op and (self.tot is None or op < self.tot)


@frozen(kw_only=True)
class Groep:
    """A group of jongeren handled together: the fold of its events, immutable.

    Build one with ``Groep.replay(events, methodiek=m)`` or ``ija.from_json(text, ija.Groep,
    methodiek=m)``; add an event with ``g.registreer(event)``, which returns a new group (or
    raises) and leaves ``g`` as it was. Two groups are equal when their state and events are
    equal (the methodiek is not compared).

    Attributes:
        methodiek: the methodiek whose codec and group rules this group follows.
        id: the group id from ``groep-aangemeld``.
        verwijzers: who asked for the group approach.
        omschrijving: what the group is, from ``groep-aangemeld``.
        aangemeld_op: the moment of ``groep-aangemeld``.
        status: ``actief`` or ``afgesloten``.
        events: every accepted event, in order: the audit trail.
        lidmaatschappen: every membership period, in order of adding (a member removed and
            added again has two).
        plannen: every ``plan-van-aanpak``.
        omgevingsanalyses: every ``omgevingsanalyse``.
        meldingen: every ``groepsmelding``.
        bijeenkomsten: every ``bijeenkomst``.
        afgesloten_op: the moment of closing, or None.
        afsluitreden: the reason of closing, or None.
    """

    methodiek: Methodiek = field(eq=False, repr=False)
    id: str
    verwijzers: tuple[str, ...]
    omschrijving: str
    aangemeld_op: datetime
    status: Groepstatus
    events: tuple[GroepGebeurtenis, ...] = field(repr=False)
    lidmaatschappen: tuple[Lidmaatschap, ...] = ()
    plannen: tuple[PlanVanAanpak, ...] = field(default=(), repr=False)
    omgevingsanalyses: tuple[Omgevingsanalyse, ...] = field(default=(), repr=False)
    meldingen: tuple[Groepsmelding, ...] = field(default=(), repr=False)
    bijeenkomsten: tuple[Bijeenkomst, ...] = field(default=(), repr=False)
    afgesloten_op: datetime | None = None
    afsluitreden: str | None = None

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def replay(cls, events: Sequence[Any], *, methodiek: Methodiek) -> Groep:
        """Build a group from its events (JSON dicts or group event objects), in order.

        Raises:
            OngeldigeInvoer: an event is invalid input; paths start with its index
                (``$[3].traject``).
            RegelOvertreding: an event breaks a group rule; ``.index`` says which event.
        """
        return replay_groep(events, methodiek, "$")

    def registreer(self, event: Any) -> Groep:
        """Return a new group with ``event`` (a JSON dict or a group event object) added.

        ``self`` is never changed.

        Raises:
            OngeldigeInvoer: the event is invalid input (paths start at ``$``).
            RegelOvertreding: a group rule refuses the event.
        """
        from ija_core._codec import codec_voor  # the codec imports this package's events

        e = codec_voor(self.methodiek).lees_groep_event(event)
        bouwer = _Bouwer.van(self)
        bouwer.verwerk(e)
        return bouwer.bevries()

    # -- derived state --------------------------------------------------------------------------

    @property
    def leden(self) -> tuple[str, ...]:
        """The traject ids of the current members, in order of adding."""
        return tuple(lm.traject for lm in self.lidmaatschappen if lm.tot is None)

    @property
    def laatste_op(self) -> datetime:
        """The moment of the last event."""
        return self.events[-1].op

    def leden_op(self, op: datetime) -> tuple[str, ...]:
        """The traject ids of the members at moment ``op``, in order of adding (no doubles)."""
        gezien: dict[str, None] = {}
        for lm in self.lidmaatschappen:
            if lm.lid_op(op):
                gezien[lm.traject] = None
        return tuple(gezien)

    @property
    def ooit_leden(self) -> tuple[str, ...]:
        """Every traject id that was ever a member, in order of first adding."""
        return tuple(dict.fromkeys(lm.traject for lm in self.lidmaatschappen))

    @property
    def partners(self) -> tuple[str, ...]:
        """The partners of every ``plan-van-aanpak`` so far, in order, without doubles."""
        return tuple(dict.fromkeys(p for plan in self.plannen for p in plan.partners))


def _groepsregels(m: Methodiek) -> CompiledRules:
    """The group rules compiled as the traject's are (``CompiledRules``), over the group's
    event types; once per Methodiek object."""
    s = state(m)
    regels = s.groepsregels
    if regels is None:
        regels = s.groepsregels = CompiledRules(m, m.groepsregels, GROEP_EVENT_TYPEN)
    return regels


class _Bouwer:
    """The mutable builder behind ``replay`` and ``registreer`` (frozen once at the end)."""

    def __init__(self, methodiek: Methodiek) -> None:
        self.methodiek = methodiek
        self.regels = _groepsregels(methodiek)
        self.events: list[GroepGebeurtenis] = []
        self.aangemeld: GroepAangemeld | None = None
        self.status: Groepstatus = "actief"
        self.lidmaatschappen: list[Lidmaatschap] = []
        self.plannen: list[PlanVanAanpak] = []
        self.analyses: list[Omgevingsanalyse] = []
        self.meldingen: list[Groepsmelding] = []
        self.bijeenkomsten: list[Bijeenkomst] = []
        self.afgesloten_op: datetime | None = None
        self.afsluitreden: str | None = None

    @classmethod
    def van(cls, g: Groep) -> _Bouwer:
        b = cls(g.methodiek)
        b.events = list(g.events)
        b.aangemeld = cast("GroepAangemeld", g.events[0])
        b.status = g.status
        b.lidmaatschappen = list(g.lidmaatschappen)
        b.plannen = list(g.plannen)
        b.analyses = list(g.omgevingsanalyses)
        b.meldingen = list(g.meldingen)
        b.bijeenkomsten = list(g.bijeenkomsten)
        b.afgesloten_op = g.afgesloten_op
        b.afsluitreden = g.afsluitreden
        return b

    # the group read as the rules' Toestand: the group rules read these two only
    @property
    def laatste_op(self) -> datetime | None:
        return self.events[-1].op if self.events else None

    def _lid(self, traject: str) -> int | None:
        for i, lm in enumerate(self.lidmaatschappen):
            if lm.traject == traject and lm.tot is None:
                return i
        return None

    def _invoer(self, e: GroepGebeurtenis) -> None:
        """The state checks that are invalid input (never a rule)."""
        if self.aangemeld is None:
            if not isinstance(e, GroepAangemeld):
                raise OngeldigeInvoer(
                    f"$.type: een groep begint met een 'groep-aangemeld'-gebeurtenis "
                    f"(kreeg {e.TYPE!r})"
                )
            return
        if isinstance(e, GroepAangemeld):
            raise OngeldigeInvoer(
                f"$.type: de groep is al aangemeld (als {self.aangemeld.groep!r}); "
                "'groep-aangemeld' kan maar één keer"
            )
        if isinstance(e, LidToegevoegd) and self._lid(e.traject) is not None:
            raise OngeldigeInvoer(f"$.traject: traject {e.traject!r} is al lid van de groep")
        if isinstance(e, LidVerwijderd) and self._lid(e.traject) is None:
            leden = ", ".join(lm.traject for lm in self.lidmaatschappen if lm.tot is None)
            raise OngeldigeInvoer(
                f"$.traject: traject {e.traject!r} is geen lid van de groep; leden zijn: "
                f"{leden or '(geen)'}"
            )

    # a group is in no fase and has no aanbieder: a rule filtered on either does not apply
    fase: str | None = None
    aanbieder: str | None = None

    def _regels(self, e: GroepGebeurtenis) -> None:
        """The group rules, by the traject's route (``CompiledRules``): the same filters,
        refusals and ``PluginFout``; the first refusal raises."""
        regels = self.regels
        checks = regels.per_status[self.status].get(e.TYPE)
        if checks is None:
            checks = regels.voor(e.TYPE)
        for afwijzing in regels.afwijzingen(cast("Toestand", self), e, checks):
            raise overtreding(afwijzing)

    def verwerk(self, e: GroepGebeurtenis) -> None:
        self._invoer(e)
        self._regels(e)
        if isinstance(e, GroepAangemeld):
            self.aangemeld = e
        elif isinstance(e, LidToegevoegd):
            self.lidmaatschappen.append(Lidmaatschap(traject=e.traject, van=e.op))
        elif isinstance(e, LidVerwijderd):
            i = self._lid(e.traject)
            assert i is not None  # noqa: S101 - checked in _invoer (for mypy)
            lm = self.lidmaatschappen[i]
            self.lidmaatschappen[i] = Lidmaatschap(
                traject=lm.traject, van=lm.van, tot=e.op, reden=e.reden
            )
        elif isinstance(e, PlanVanAanpak):
            self.plannen.append(e)
        elif isinstance(e, Omgevingsanalyse):
            self.analyses.append(e)
        elif isinstance(e, Groepsmelding):
            self.meldingen.append(e)
        elif isinstance(e, Bijeenkomst):
            self.bijeenkomsten.append(e)
        elif isinstance(e, GroepAfgesloten):
            self.status = "afgesloten"
            self.afgesloten_op = e.op
            self.afsluitreden = e.reden
        self.events.append(e)

    def bevries(self) -> Groep:
        a = self.aangemeld
        assert a is not None  # noqa: S101 - a group has its first event (for mypy)
        return Groep(
            methodiek=self.methodiek,
            id=a.groep,
            verwijzers=a.verwijzers,
            omschrijving=a.omschrijving,
            aangemeld_op=a.op,
            status=self.status,
            events=tuple(self.events),
            lidmaatschappen=tuple(self.lidmaatschappen),
            plannen=tuple(self.plannen),
            omgevingsanalyses=tuple(self.analyses),
            meldingen=tuple(self.meldingen),
            bijeenkomsten=tuple(self.bijeenkomsten),
            afgesloten_op=self.afgesloten_op,
            afsluitreden=self.afsluitreden,
        )


def replay_groep(events: Any, m: Methodiek, pad: str) -> Groep:
    """Fold ``events`` into a group; invalid input is reported under ``{pad}[i]``."""
    from ija_core._codec import codec_voor, controleer_methodiek

    if m is None:
        controleer_methodiek(m)  # raises: a group needs its methodiek
    codec = codec_voor(m)
    bouwer = _Bouwer(m)
    vouw_stroom(
        events,
        pad,
        lezers=codec.groepslezers,
        lees=codec.lees_groep_event,
        verwerk=bouwer.verwerk,
        wat="groepsgebeurtenissen",
        begin="een groep begint met een 'groep-aangemeld'-gebeurtenis",
    )
    return bouwer.bevries()
