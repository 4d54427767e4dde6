"""The ``Traject``: an immutable fold over its events, guarded by the methodiek's rules.

Each event goes through three stages, always in this order:

1. **decoding** (JSON dict, or an event object passed through its JSON form): every type,
   field and id problem of the event is reported together as ``OngeldigeInvoer``;
2. **state checks** that are still invalid input: the first event is ``aangemeld`` and there
   is only one, a hulpvraag/zorg that is closed must be open and one that is opened must not
   be, a doel id is new (``doel-gesteld``) or known (``doel-bijgewerkt``);
3. **rules**: ``methodiek.regels`` in checking order (ija-core's own, then the plugins'
   guards), each asked only about the events it looks at; the first refusal raises
   ``RegelOvertreding``.

Only then is the event applied. ``Traject.replay`` folds a whole list in one pass (O(n)) with
a mutable builder that is frozen once at the end; ``registreer`` uses the same builder for one
event, so both paths share every line of rule and state code.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, cast

import attrs
from attrs import field, frozen

from ija_core.errors import OngeldigeInvoer
from ija_core.phases.rules import Toestand, amsterdamse_dag
from ija_core.traject._compiled_rules import compiled_rules
from ija_core.traject._fold import _Vouw, vouw_stroom
from ija_core.traject.events import (
    Contact,
    Contactpoging,
    Doorverwezen,
    Evaluatie,
    FaseGewijzigd,
    Gebeurtenis,
    InstrumentIngezet,
    Jongere,
    Melding,
    Opgeschaald,
)
from ija_core.traject.state import (
    Besluit,
    Betrokkene,
    Faseperiode,
    Hulpvraag,
    Ondersteuningsplan,
    Pauze,
    Zorg,
)

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek

__all__ = ["Traject"]

Status = Literal["actief", "afgesloten"]


def _lees_event(m: Methodiek, data: Any) -> Gebeurtenis:
    """Decode one event (dict, or an event object checked through its JSON form)."""
    from ija_core._codec import codec_voor  # the codec imports the event records of this package

    return codec_voor(m).lees_event(data)


@frozen(kw_only=True)
class Traject:
    """A young person's traject: the fold of its events, immutable.

    Build one with ``Traject.replay(events, methodiek=m)`` or ``ija.from_json(text,
    ija.Traject, methodiek=m)``; add an event with ``t.registreer(event)``, which returns a new
    traject (or raises) and leaves ``t`` as it was. Two trajecten are equal when their state
    and events are equal (the methodiek is not compared).

    Attributes:
        methodiek: the methodiek whose rules and ids this traject follows.
        id: the traject id from ``aangemeld``.
        jongere: the young person (pseudonym and date of birth).
        verwijzer: who referred.
        aanbieder: the aanbieder id, or None.
        wijkteam: the wijkteam, or None.
        aangemeld_op: the moment of ``aangemeld``.
        fase: the current fase id (after closing: the fase it was closed from).
        status: ``actief`` or ``afgesloten``.
        events: every accepted event, in order: the audit trail.
        fasehistorie: the fase periods, in order; the last has ``tot`` None while active.
        pauzes: the periods the traject was paused (``opgeschort`` … ``hervat``).
        hulpvragen: every hulpvraag, open and closed, in order of opening.
        zorgen: every zorg, open and lifted, in order.
        plan: the ondersteuningsplan (doelen, signatures, when it counts as signed).
        kennismaking_op: the first ``kennismaking``, or None.
        verwachtingen_uitgesproken_op: the first ``verwachtingen-uitgesproken``, or None.
        intake_op: the first ``intake``, or None.
        contactpogingen: every ``contactpoging``.
        contacten: every ``contact``.
        meldingen: every ``melding``.
        evaluaties: every ``evaluatie``.
        doorverwijzingen: every ``doorverwezen``.
        ingezette_instrumenten: every ``instrument-ingezet``, with its typed ``resultaat``.
        geevalueerd_in_uitvoering: whether an ``evaluatie`` happened while in uitvoering.
        afgesloten_op: the moment of closing while closed, else None.
        afsluitreden: the reason of closing while closed, else None.
        betrokkenen: the current betrokkenen, in order of adding (removed ones left out).
        verwijderde_betrokkenen: ids of removed betrokkenen (never used again).
        jim: the id of the betrokkene the jongere chose as JIM, or None.
        regie: who holds regie: ``"coach"`` (from the aanmelding) or a betrokkene id.
        opschaling: the active ``opgeschaald`` event, or None.
        coachwissels: how many times the coach changed (``coach-gewisseld``).
        coach: the current coach's staff id: from ``aangemeld``, replaced by each
            ``coach-gewisseld`` (None when never given, or when the last change named none).
    """

    methodiek: Methodiek = field(eq=False, repr=False)
    id: str
    jongere: Jongere
    verwijzer: str
    aanbieder: str | None
    wijkteam: str | None
    aangemeld_op: datetime
    fase: str
    status: Status
    events: tuple[Gebeurtenis, ...] = field(repr=False)
    fasehistorie: tuple[Faseperiode, ...]
    pauzes: tuple[Pauze, ...] = ()
    hulpvragen: tuple[Hulpvraag, ...] = ()
    zorgen: tuple[Zorg, ...] = ()
    plan: Ondersteuningsplan = field(factory=Ondersteuningsplan)
    kennismaking_op: datetime | None = None
    verwachtingen_uitgesproken_op: datetime | None = None
    intake_op: datetime | None = None
    contactpogingen: tuple[Contactpoging, ...] = field(default=(), repr=False)
    contacten: tuple[Contact, ...] = field(default=(), repr=False)
    meldingen: tuple[Melding, ...] = field(default=(), repr=False)
    evaluaties: tuple[Evaluatie, ...] = field(default=(), repr=False)
    doorverwijzingen: tuple[Doorverwezen, ...] = field(default=(), repr=False)
    ingezette_instrumenten: tuple[InstrumentIngezet, ...] = field(default=(), repr=False)
    geevalueerd_in_uitvoering: bool = False
    afgesloten_op: datetime | None = None
    afsluitreden: str | None = None
    betrokkenen: tuple[Betrokkene, ...] = ()
    verwijderde_betrokkenen: tuple[str, ...] = field(default=(), repr=False)
    jim: str | None = None
    regie: str = "coach"
    opschaling: Opgeschaald | None = None
    coachwissels: int = 0
    coach: str | None = None

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def replay(cls, events: Sequence[Any], *, methodiek: Methodiek) -> Traject:
        """Build a traject from its events (JSON dicts or event objects), in order.

        Raises:
            OngeldigeInvoer: an event is invalid input; paths start with its index
                (``$[3].jongere.geboortedatum``).
            RegelOvertreding: an event breaks a rule; ``.index`` says which event.
        """
        return _replay(events, methodiek, "$")

    def registreer(self, event: Any) -> Traject:
        """Return a new traject with ``event`` (a JSON dict or an event object) added.

        ``self`` is never changed.

        Raises:
            OngeldigeInvoer: the event is invalid input (paths start at ``$``).
            RegelOvertreding: a rule refuses the event.
        """
        e = _lees_event(self.methodiek, event)
        vouw = _Vouw.van(self)
        vouw.verwerk(e)
        return vouw.bevries()

    def kan_naar(self, fase: str, reden: str | None = None) -> Besluit:
        """Whether a ``fase-gewijzigd`` to ``fase`` (with ``reden``) would be accepted now.

        Asks every rule of the Methodiek that looks at a ``fase-gewijzigd`` at the moment of
        the last event, and lists every refusal in checking order (ija-core's rules, then the
        plugins' guards). Rules that judge the event's moment (``chronologie``) are left out: a
        question has no moment of its own. Raises ``OngeldigeInvoer`` for an unknown fase id
        or a reason that is not text.
        """
        m = self.methodiek
        if not isinstance(fase, str) or fase not in m.fasevolgorde:
            m.fase(fase)  # raises OngeldigeInvoer listing the known ids
        if reden is not None and not isinstance(reden, str):
            raise OngeldigeInvoer(
                f"reden: verwacht een tekst of None (kreeg {type(reden).__name__})"
            )
        vraag = FaseGewijzigd(op=self.laatste_op, naar=fase, reden=reden)
        toestand = cast("Toestand", _AlsToestand(self))
        redenen = tuple(compiled_rules(m).afwijzingen(toestand, vraag))
        return Besluit(naar=fase, toegestaan=not redenen, redenen=redenen)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the fields given to ``__init__`` (a stable form: old pickles name ``_traject_uit``)."""
        return (_traject_uit, ({a.name: getattr(self, a.name) for a in _INIT_VELDEN()},))

    # -- derived state --------------------------------------------------------------------------

    @property
    def laatste_op(self) -> datetime:
        """The moment of the last event."""
        return self.events[-1].op

    @property
    def plan_ondertekend_op(self) -> datetime | None:
        """The moment the plan counts as signed (see ``Ondersteuningsplan``), or None."""
        return self.plan.ondertekend_op

    @property
    def opgeschort(self) -> bool:
        """Whether the traject is paused now."""
        return bool(self.pauzes) and self.pauzes[-1].tot is None

    @property
    def open_hulpvragen(self) -> tuple[Hulpvraag, ...]:
        """The hulpvragen that are still open."""
        return tuple(h for h in self.hulpvragen if h.gesloten_op is None)

    @property
    def open_zorgen(self) -> tuple[Zorg, ...]:
        """The zorgen that still stand."""
        return tuple(z for z in self.zorgen if z.opgeheven_op is None)

    @property
    def open_hulpvraag_ids(self) -> tuple[str, ...]:
        """Ids of the open hulpvragen."""
        return tuple(h.id for h in self.open_hulpvragen)

    @property
    def open_zorg_ids(self) -> tuple[str, ...]:
        """Ids of the open zorgen."""
        return tuple(z.id for z in self.open_zorgen)

    @property
    def aantal_doelen(self) -> int:
        """How many doelen the plan has."""
        return len(self.plan.doelen)

    @property
    def ondertekend_door(self) -> frozenset[str]:
        """Every rol that has signed the plan so far."""
        return self.plan.ondertekend_door

    def betrokkene(self, betrokkene_id: str) -> Betrokkene:
        """The current betrokkene with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        for b in self.betrokkenen:
            if b.id == betrokkene_id:
                return b
        bekend = ", ".join(b.id for b in self.betrokkenen) or "(geen)"
        raise OngeldigeInvoer(
            f"$: onbekende betrokkene {betrokkene_id!r}; bekend zijn: {bekend}"
        )

    def relatie_van(self, betrokkene: str) -> str | None:
        """The relatie id of a current betrokkene, or None when there is none with this id."""
        for b in self.betrokkenen:
            if b.id == betrokkene:
                return b.relatie
        return None

    def toestemming(self, betrokkene: str, voor: str) -> bool:
        """Whether the jongere's toestemming ``voor`` (``betrekken``, ``gegevens-delen``) for
        this betrokkene is active now. False for an id that is not a current betrokkene."""
        for b in self.betrokkenen:
            if b.id == betrokkene:
                return voor in b.toestemmingen
        return False

    @property
    def huidige_periode(self) -> Faseperiode:
        """The last fase period (the current one while active)."""
        return self.fasehistorie[-1]

    def dagen_in_fase(self, peildatum: date) -> int:
        """Whole Amsterdam days from the start of the last fase period to ``peildatum``."""
        return (peildatum - amsterdamse_dag(self.fasehistorie[-1].van)).days


class _AlsToestand:
    """A frozen traject read as the rules' ``Toestand``: its own attributes, and itself as ``traject``.

    Each attribute is read from the traject once and then kept (rules read some several times).
    """

    def __init__(self, traject: Traject) -> None:
        self.traject = traject

    def __getattr__(self, naam: str) -> Any:
        waarde = getattr(self.traject, naam)
        self.__dict__[naam] = waarde
        return waarde


def _replay(events: Any, m: Methodiek, pad: str) -> Traject:
    """Fold ``events``; invalid input is reported under ``{pad}[i]``."""
    from ija_core._codec import codec_voor, controleer_methodiek  # as in _lees_event

    if m is None:
        controleer_methodiek(m)  # raises: a traject needs its methodiek
    codec = codec_voor(m)  # refuses anything else that is not a Methodiek
    vouw = _Vouw(m, Traject)
    vouw_stroom(
        events,
        pad,
        lezers=codec.lezers,
        lees=codec.lees_event,
        verwerk=vouw.verwerk,
        wat="gebeurtenissen",
        begin="een traject begint met een 'aangemeld'-gebeurtenis",
    )
    t = vouw.bevries()
    for functie in _NA_REPLAY:
        functie(t)
    return t


_NA_REPLAY: list[Callable[[Traject], object]] = []


def na_replay(functie: Callable[[Traject], object]) -> None:
    """Call ``functie`` with every traject ``replay`` builds, while its events are still warm.

    A layer above the traject (the norm evaluation) registers here to derive its own facts of
    a fresh traject: over a large caseload that costs far less now than later, one cold
    traject at a time. This module knows nothing of what is registered; what is derived must
    be kept beside the traject, never inside it, and must never change what the traject is.
    """
    if functie not in _NA_REPLAY:
        _NA_REPLAY.append(functie)


@functools.cache
def _INIT_VELDEN() -> tuple[attrs.Attribute[Any], ...]:  # noqa: N802 - a constant, made once
    return tuple(a for a in attrs.fields(Traject) if a.init)


def _traject_uit(velden: dict[str, Any]) -> Traject:
    """Unpickling: a Traject from the fields ``Traject.__reduce__`` kept."""
    return Traject(**velden)
