"""The facts of one traject that the norms need, gathered lazily and only as far as needed.

``feiten_van(traject)`` returns a ``Feiten``: the aanmelding, the starts of every fase period,
pauses, closings, the moment the plan counts as signed, and (on demand) the events of a type.
None of it depends on the peildatum, so it is computed once per traject object and remembered
while that object lives (a traject is immutable: ``registreer`` returns a new one). The state
*at* a peildatum is derived from these facts by ignoring everything on later days.

Converting an instant (``datetime.timestamp`` and the Amsterdam day) is the main cost of the
norm engine, so a ``Feiten`` converts a moment only when a norm asks for it: a closed traject
that ``signalen`` skips needs its closing day and nothing else; the fase-streefduur needs the
start of the current fase, not of every earlier one.

Three ways to gather them, with the same result (tests hold them together):

* from a ``Traject`` built by ``replay`` (or ``from_json``): it stores these instants as
  numbers when it is built (``_normmomenten``, see ``_Vouw.normmomenten``; the meldingen with
  their first answer included), so nothing is converted here except the events of norms that
  are not on by default (``signalen`` does not even gather these facts for such a traject when
  every norm it measures can use the stored instants: ``Meetlat.meet_opgeslagen``);
* from another ``Traject`` (after ``registreer`` or ``attrs.evolve``): its fold already holds the fase periods, pauses, the plan moment, the
  first intake (kennismaking, verwachtingen) and the events grouped by kind (``meldingen``,
  ``contacten``, ...), so only those few moments are converted. Closings are the gaps in
  ``fasehistorie`` (a period that ends without the next one starting at that moment), as
  ``Faseperiode`` documents.
* from the events alone (any object with ``id`` and ``events``: frozen event objects with a
  class attribute ``TYPE`` and the JSON keys of design.md as attributes), in one pass.

Both assume what the ``chronologie`` rule guarantees for a traject: every event is at the
same instant as or later than the one before it.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from ija_core.normen._tijd import _DAG_PER_UUR, dag, tijdstip
from ija_core.traject.traject import Traject

Moment = tuple[float, int]
"""An instant as ``(POSIX timestamp, Amsterdam day ordinal)``."""

_STRUCTUUR = frozenset(
    {
        "aangemeld",
        "fase-gewijzigd",
        "heropend",
        "afgesloten",
        "opgeschort",
        "hervat",
        "doel-gesteld",
        "plan-ondertekend",
    }
)

_PLAN_ONDERTEKENAARS = frozenset({"jongere", "coach"})

# What the facts read of a Traject's fold, in one C-level call per traject.
_FOLD_VELDEN = (
    "fasehistorie",
    "plan.ondertekend_op",
    "meldingen",
    "contacten",
    "contactpogingen",
    "evaluaties",
    "doorverwijzingen",
    "ingezette_instrumenten",
    "intake_op",
    "kennismaking_op",
    "verwachtingen_uitgesproken_op",
)
_LEES_FOLD = attrgetter(*_FOLD_VELDEN)
_HISTORIE, _PLAN = 0, 1

_GROEPEN = {
    "melding": _FOLD_VELDEN.index("meldingen"),
    "contact": _FOLD_VELDEN.index("contacten"),
    "contactpoging": _FOLD_VELDEN.index("contactpogingen"),
    "evaluatie": _FOLD_VELDEN.index("evaluaties"),
    "doorverwezen": _FOLD_VELDEN.index("doorverwijzingen"),
    "instrument-ingezet": _FOLD_VELDEN.index("ingezette_instrumenten"),
}
"""Event types a ``Traject`` keeps grouped: where the group is in the fold tuple."""

_EERSTE = {
    "intake": _FOLD_VELDEN.index("intake_op"),
    "kennismaking": _FOLD_VELDEN.index("kennismaking_op"),
    "verwachtingen-uitgesproken": _FOLD_VELDEN.index("verwachtingen_uitgesproken_op"),
}
"""Event types whose first moment a ``Traject`` keeps: where it is in the fold tuple."""

_EERSTE_MOMENT = {"intake": 5}
"""Where ``_Vouw.normmomenten`` keeps the first moment of these event types."""

_NOG_NIET: Any = object()
"""Marks a lazily computed fact that has not been computed yet."""


def moment_van(op: Any, _per_uur: dict[int, int] = _DAG_PER_UUR) -> Moment:
    """The ``Moment`` of an aware datetime."""
    ts = tijdstip(op)
    d = _per_uur.get(int(ts // 3600))  # ``dag`` inline for the common case
    return ts, dag(ts) if d is None else d


def voldoet(event: Any, velden: Sequence[tuple[str, Any]]) -> bool:
    """Whether ``event`` has every ``(field, value)`` of ``velden``."""
    return all(getattr(event, veld, None) == waarde for veld, waarde in velden)


class Feiten:
    """Peildatum-independent facts of one traject (internal to the norm engine).

    Attributes:
        traject: the traject id.
        aanbieder: the aanbieder id from the aanmelding, or None.
        aangemeld: the aanmelding moment.
        alle: every event of the traject, in order.
        vaste_offsets: whether the events' datetimes all have a fixed UTC offset (those of a
            ``Traject`` do: they are decoded from ISO strings), so that comparing two of them
            compares the instants without converting them.
        fasestarts: ``(day, timestamp, fase)`` per fase period in order; ``fase`` None is the
            first fase (the aanmelding starts it).
        pauzes: ``[from day, until day or None]`` per pause (``opgeschort`` → ``hervat``);
            a closing ends a running pause.
        sluitingen: ``[closing day, closing timestamp, reopening day or None]`` per closing.
        heropeningen: the ``heropend`` moments.
        plan: the moment the plan counts as signed (design.md), or None.
        per_soort: the events by type gathered so far, in order (see ``events``).
        per_norm: facts per compiled norm, filled by the norm engine on first use.
    """

    __slots__ = (
        "_fold",
        "_heropeningen",
        "_huidige_start",
        "_momenten",
        "_plan",
        "_ref",
        "_sluitingen",
        "_starts",
        "aanbieder",
        "aangemeld",
        "alle",
        "pauzes",
        "per_norm",
        "per_soort",
        "traject",
        "vaste_offsets",
    )

    def __init__(
        self,
        traject: str,
        aanbieder: str | None,
        aangemeld: Moment,
        alle: Sequence[Any],
        fold: tuple[Any, ...] | None = None,
    ) -> None:
        # the traject's events and (from a Traject) parts of its fold; never the traject
        # itself, which the cache holds only weakly (a strong reference here would keep every
        # traject alive)
        self.alle = alle
        self._fold = fold
        self._ref: weakref.ref[Any] | None = None
        self.traject = traject
        self.aanbieder = aanbieder
        self.aangemeld = aangemeld
        # a Traject's instants are decoded from ISO strings with a fixed UTC offset, so they
        # compare as instants; other objects may carry zones with ambiguous wall-clock times
        self.vaste_offsets = fold is not None
        # few allocations per traject: most have no pause, closing or reopening, and every
        # container allocated here counts towards Python's full garbage collections
        self.pauzes: Sequence[Sequence[int | None]] = ()
        self.per_soort: dict[str, Sequence[Any]] = {}
        self.per_norm: dict[object, Any] = {}
        self._starts: Sequence[tuple[int, float, str | None]] | None = None
        self._huidige_start: tuple[int, float, str | None] | None = None
        self._sluitingen: Sequence[list[Any]] = _NOG_NIET
        self._heropeningen: Sequence[Moment] = ()
        self._plan: Moment | None = _NOG_NIET
        self._momenten: tuple[Any, ...] | None = None

    # -- the fase periods ---------------------------------------------------------------------

    @property
    def fasestarts(self) -> Sequence[tuple[int, float, str | None]]:
        """``(day, timestamp, fase)`` per fase period, in order (converted on first use)."""
        starts = self._starts
        if starts is None:
            historie = self._fold[_HISTORIE]  # type: ignore[index]  # set for a fold
            starts = []
            for i, periode in enumerate(historie):
                ts, d = moment_van(periode.van)
                starts.append((d, ts, periode.fase if i else None))
            self._starts = starts
        return starts

    def fasestart(self, eind: int) -> tuple[int, float, str | None]:
        """The start of the last fase period that began on or before day ``eind``.

        The first period when none did (a peildatum before the aanmelding is never asked).
        """
        starts = self._starts
        if starts is None:
            # from a fold: usually the current period is the one, so convert only that one
            huidige = self._huidige_start
            if huidige is None:
                historie = self._fold[_HISTORIE]  # type: ignore[index]  # set for a fold
                laatste = len(historie) - 1
                ts, d = moment_van(historie[laatste].van)
                huidige = (d, ts, historie[laatste].fase if laatste else None)
                self._huidige_start = huidige
            if huidige[0] <= eind:
                return huidige
            starts = self.fasestarts
        for start in reversed(starts):
            if start[0] <= eind:
                return start
        return starts[0]

    @property
    def sluitingen(self) -> Sequence[list[Any]]:
        """``[closing day, closing timestamp, reopening day or None]`` per closing."""
        if self._sluitingen is _NOG_NIET:
            self._bouw_sluitingen()
        return self._sluitingen

    @property
    def heropeningen(self) -> Sequence[Moment]:
        """The reopening moments, in order."""
        if self._sluitingen is _NOG_NIET:
            self._bouw_sluitingen()
        return self._heropeningen

    def _bouw_sluitingen(self) -> None:
        historie = self._fold[_HISTORIE]  # type: ignore[index]  # set for a fold
        sluitingen: list[list[Any]] = []
        heropeningen: list[Moment] = []
        laatste = len(historie) - 1
        vorige_gesloten = False
        for i, periode in enumerate(historie):
            if vorige_gesloten:
                heropend = moment_van(periode.van)
                sluitingen[-1][2] = heropend[1]
                heropeningen.append(heropend)
                vorige_gesloten = False
            tot = periode.tot
            if tot is not None:
                if i < laatste:
                    volgende = historie[i + 1].van
                    if volgende is tot or volgende == tot:
                        continue  # the next period starts where this one ends: no closing
                eind, d = moment_van(tot)
                sluitingen.append([d, eind, None])
                vorige_gesloten = True
        if sluitingen:
            self._sluitingen, self._heropeningen = sluitingen, heropeningen
        else:
            self._sluitingen = ()

    def gesloten_op(self, peildag: int) -> int | None:
        """The closing day when the traject is closed at ``peildag``, else None."""
        for sluiting in reversed(self.sluitingen):
            if sluiting[0] <= peildag:
                heropend = sluiting[2]
                return sluiting[0] if heropend is None or heropend > peildag else None
        return None

    # -- the plan and other moments -----------------------------------------------------------

    @property
    def plan(self) -> Moment | None:
        """The moment the plan counts as signed (design.md), or None."""
        plan = self._plan
        if plan is _NOG_NIET:
            op = self._fold[_PLAN]  # type: ignore[index]  # set for a fold
            plan = None if op is None else moment_van(op)
            self._plan = plan
        return plan

    def events(self, soort: str) -> Sequence[Any]:
        """The events of type ``soort``, in order (gathered on first use)."""
        gevonden = self.per_soort.get(soort)
        if gevonden is None:
            fold = self._fold
            i = None if fold is None else _GROEPEN.get(soort)
            gevonden = (
                [e for e in self.alle if soort == e.TYPE] if i is None else fold[i]  # type: ignore[index]  # fold is set when i is
            )
            self.per_soort[soort] = gevonden
        return gevonden

    def eerste(self, soort: str, velden: Sequence[tuple[str, Any]] = ()) -> Moment | None:
        """The moment of the first event of type ``soort`` with ``velden``, or None.

        ``plan-ondertekend`` is the derived fact: the moment the plan counts as signed.
        """
        if soort == "plan-ondertekend":
            return self.plan
        fold = self._fold
        if fold is not None and not velden:
            i = _EERSTE.get(soort)
            if i is not None:
                momenten = self._momenten
                j = _EERSTE_MOMENT.get(soort)
                if momenten is not None and j is not None:
                    gevonden: Moment | None = momenten[j]
                    return gevonden
                op = fold[i]
                return None if op is None else moment_van(op)
        for event in self.events(soort):
            if not velden or voldoet(event, velden):
                return moment_van(event.op)
        return None


def bouw_feiten(traject: Any) -> Feiten:
    """Gather the facts of ``traject`` (no caching): from its fold when it has one.

    Only the aanmelding is converted here; the rest is converted when first asked for.
    """
    if getattr(traject, "fasehistorie", None) is None:
        return bouw_feiten_uit_events(traject)
    fold = _LEES_FOLD(traject)
    momenten = traject._normmomenten if traject.__class__ is Traject else None
    if momenten is not None:
        # converted when the traject was built (see ``_Vouw.normmomenten``)
        feiten = Feiten(str(traject.id), traject.aanbieder, momenten[0], traject.events, fold)
        feiten._momenten = momenten
        feiten._starts = momenten[1]
        feiten._sluitingen = momenten[2]
        feiten._heropeningen = momenten[3]
        feiten._plan = momenten[4]
        if momenten[6]:
            feiten.pauzes = momenten[6]
        return feiten
    feiten = Feiten(
        str(traject.id),
        traject.aanbieder,
        moment_van(traject.aangemeld_op),
        traject.events,
        fold,
    )
    if traject.pauzes:
        feiten.pauzes = [
            [moment_van(p.van)[1], None if p.tot is None else moment_van(p.tot)[1]]
            for p in traject.pauzes
        ]
    return feiten


def bouw_feiten_uit_events(traject: Any) -> Feiten:
    """Gather the facts of any object with ``id`` and ``events`` in one pass over the events."""
    events = traject.events
    eerste = events[0]
    aangemeld = moment_van(eerste.op)
    feiten = Feiten(str(traject.id), getattr(eerste, "aanbieder", None), aangemeld, events)
    per_soort: dict[str, list[Any]] = {}
    starts: list[tuple[int, float, str | None]] = []
    pauzes: list[list[int | None]] = []
    sluitingen: list[list[Any]] = []
    heropeningen: list[Moment] = []
    plan: Moment | None = None
    doel_gesteld = False
    ondertekend: set[str] = set()
    for event in events:
        soort = event.TYPE
        lijst = per_soort.get(soort)
        if lijst is None:
            per_soort[soort] = [event]
        else:
            lijst.append(event)
        if soort not in _STRUCTUUR:
            continue
        if soort == "aangemeld":
            starts.append((aangemeld[1], aangemeld[0], None))
        elif soort in ("fase-gewijzigd", "heropend"):
            ts, d = moment_van(event.op)
            starts.append((d, ts, event.naar))
            if soort == "heropend":
                heropeningen.append((ts, d))
                if sluitingen and sluitingen[-1][2] is None:
                    sluitingen[-1][2] = d
        elif soort == "afgesloten":
            ts, d = moment_van(event.op)
            sluitingen.append([d, ts, None])
            if pauzes and pauzes[-1][1] is None:
                pauzes[-1][1] = d
        elif soort == "opgeschort":
            if not pauzes or pauzes[-1][1] is not None:
                pauzes.append([moment_van(event.op)[1], None])
        elif soort == "hervat":
            if pauzes and pauzes[-1][1] is None:
                pauzes[-1][1] = moment_van(event.op)[1]
        elif plan is None:
            if soort == "doel-gesteld":
                doel_gesteld = True
            else:
                ondertekend.update(event.door)
            if doel_gesteld and ondertekend >= _PLAN_ONDERTEKENAARS:
                plan = moment_van(event.op)
    feiten.per_soort.update(per_soort)
    feiten._starts = starts
    feiten._plan = plan
    if pauzes:
        feiten.pauzes = pauzes
    feiten._sluitingen, feiten._heropeningen = (
        (sluitingen, heropeningen) if sluitingen else ((), ())
    )
    return feiten


_CACHE: dict[int, Feiten] = {}


class _Ref(weakref.ref):  # type: ignore[type-arg]  # weakref.ref is generic only for mypy
    """A weak reference that knows its cache key (one object per traject, no closure)."""

    __slots__ = ("sleutel",)
    sleutel: int


def _vergeet(ref: _Ref, cache: dict[int, Feiten] = _CACHE) -> None:
    # the cache is bound as a default: at interpreter exit the module global may be gone
    gevonden = cache.get(ref.sleutel)
    if gevonden is not None and gevonden._ref is ref:
        del cache[ref.sleutel]


def onthouden(traject: Any) -> Feiten | None:
    """The remembered facts of ``traject`` (this very object), or None."""
    gevonden = _CACHE.get(id(traject))
    if gevonden is not None and gevonden._ref is not None and gevonden._ref() is traject:
        return gevonden
    return None


def feiten_van(traject: Any) -> Feiten:
    """The facts of ``traject``, computed once per traject object and remembered while it lives."""
    gevonden = onthouden(traject)
    if gevonden is not None:
        return gevonden
    return onthoud(traject)


def onthoud(traject: Any) -> Feiten:
    """Compute the facts of ``traject`` and remember them while the object lives."""
    sleutel = id(traject)
    feiten = bouw_feiten(traject)
    try:
        ref = _Ref(traject, _vergeet)
    except TypeError:  # an object without weak-reference support is simply not remembered
        return feiten
    ref.sleutel = sleutel
    feiten._ref = ref
    _CACHE[sleutel] = feiten
    return feiten
