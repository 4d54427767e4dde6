"""The facts of one traject that the norms need, gathered in one pass over its events.

``feiten_van(traject)`` returns a ``Feiten``: the aanmelding, the starts of every fase period,
pauses, closings, the moment the plan counts as signed, and (on demand) the events of a type.
None of it depends on the peildatum, so it is computed once per traject object and remembered
while that object lives (a traject is immutable: ``registreer`` returns a new one). The state
*at* a peildatum is derived from these facts by ignoring everything on later days.

Two ways to gather them, with the same result (a test holds them together):

* from a ``Traject``: its fold already holds the fase periods, pauses, the plan moment and the
  events grouped by kind (``meldingen``, ``contacten``, ...), so only those few moments are
  converted. Closings are the gaps in ``fasehistorie`` (a period that ends without the next one
  starting at that moment), as ``Faseperiode`` documents.
* from the events alone (any object with ``id`` and ``events``: frozen event objects with a
  class attribute ``TYPE`` and the JSON keys of design.md as attributes), in one pass.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any

from ija_core.normen._tijd import dag

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

_GROEPEN = {
    "melding": "meldingen",
    "contact": "contacten",
    "contactpoging": "contactpogingen",
    "evaluatie": "evaluaties",
    "doorverwezen": "doorverwijzingen",
    "instrument-ingezet": "ingezette_instrumenten",
}
"""Event types a ``Traject`` already keeps grouped, with the attribute that holds them."""


class Feiten:
    """Peildatum-independent facts of one traject (internal to the norm engine).

    Attributes:
        traject: the traject id.
        aanbieder: the aanbieder id from the aanmelding, or None.
        aangemeld: the aanmelding moment.
        fasestarts: ``(day, timestamp, fase)`` per fase period in order; ``fase`` None is the
            first fase (the aanmelding starts it).
        pauzes: ``[from day, until day or None]`` per pause (``opgeschort`` → ``hervat``);
            a closing ends a running pause.
        sluitingen: ``[closing day, closing timestamp, reopening day or None]`` per closing.
        heropeningen: the ``heropend`` moments.
        plan: the moment the plan counts as signed (design.md), or None.
        per_soort: the events by type, in order.
        per_norm: facts per compiled norm, filled by the norm engine on first use.
    """

    __slots__ = (
        "_alle",
        "_ref",
        "aanbieder",
        "aangemeld",
        "fasestarts",
        "heropeningen",
        "pauzes",
        "per_norm",
        "per_soort",
        "plan",
        "sluitingen",
        "traject",
    )

    def __init__(
        self,
        traject: str,
        aanbieder: str | None,
        aangemeld: Moment,
        alle: tuple[Any, ...] | None = None,
    ) -> None:
        # the traject's events, scanned on demand; never the traject itself, which the cache
        # holds only weakly (a strong reference here would keep every traject alive)
        self._alle = alle
        self._ref: weakref.ref[Any] | None = None
        self.traject = traject
        self.aanbieder = aanbieder
        self.aangemeld = aangemeld
        # few allocations per traject: most have no pause, closing or reopening, and every
        # container allocated here counts towards Python's full garbage collections
        self.fasestarts: list[tuple[int, float, str | None]] = []
        self.pauzes: Sequence[Sequence[int | None]] = ()
        self.sluitingen: Sequence[Sequence[Any]] = ()
        self.heropeningen: Sequence[Moment] = ()
        self.plan: Moment | None = None
        self.per_soort: dict[str, list[Any] | tuple[Any, ...]] = {}
        self.per_norm: dict[object, Any] = {}

    def events(self, soort: str) -> list[Any] | tuple[Any, ...]:
        """The events of type ``soort``, in order (gathered on first use)."""
        gevonden = self.per_soort.get(soort)
        if gevonden is None:
            alle = self._alle
            gevonden = () if alle is None else [e for e in alle if soort == e.TYPE]
            self.per_soort[soort] = gevonden
        return gevonden

    def gesloten_op(self, peildag: int) -> int | None:
        """The closing day when the traject is closed at ``peildag``, else None."""
        for sluiting in reversed(self.sluitingen):
            if sluiting[0] <= peildag:
                heropend = sluiting[2]
                return sluiting[0] if heropend is None or heropend > peildag else None
        return None


def _moment(event: Any) -> Moment:
    ts: float = event.op.timestamp()
    return ts, dag(ts)


def bouw_feiten(traject: Any) -> Feiten:
    """Gather the facts of ``traject`` (no caching): from its fold when it has one."""
    historie = getattr(traject, "fasehistorie", None)
    if historie is None:
        return bouw_feiten_uit_events(traject)
    van = traject.aangemeld_op.timestamp()
    feiten = Feiten(str(traject.id), traject.aanbieder, (van, dag(van)), traject.events)
    for soort, veld in _GROEPEN.items():
        groep = getattr(traject, veld, None)
        if groep is not None:
            feiten.per_soort[soort] = groep
    starts = feiten.fasestarts
    sluitingen: list[list[Any]] = []
    heropeningen: list[Moment] = []
    laatste = len(historie) - 1
    for i, periode in enumerate(historie):
        ts = periode.van.timestamp()
        d = dag(ts)
        starts.append((d, ts, periode.fase if i else None))
        if i and sluitingen and sluitingen[-1][2] is None:
            sluitingen[-1][2] = d  # reopened
            heropeningen.append((ts, d))
        tot = periode.tot
        if tot is not None and (i == laatste or historie[i + 1].van != tot):
            eind = tot.timestamp()
            sluitingen.append([dag(eind), eind, None])
    if sluitingen:
        feiten.sluitingen, feiten.heropeningen = sluitingen, heropeningen
    if traject.pauzes:
        feiten.pauzes = [
            [_moment_van(p.van)[1], None if p.tot is None else _moment_van(p.tot)[1]]
            for p in traject.pauzes
        ]
    plan = traject.plan_ondertekend_op
    if plan is not None:
        feiten.plan = _moment_van(plan)
    return feiten


def _moment_van(moment: Any) -> Moment:
    ts: float = moment.timestamp()
    return ts, dag(ts)


def bouw_feiten_uit_events(traject: Any) -> Feiten:
    """Gather the facts of any object with ``id`` and ``events`` in one pass over the events."""
    events = traject.events
    eerste = events[0]
    aangemeld = _moment(eerste)
    feiten = Feiten(str(traject.id), getattr(eerste, "aanbieder", None), aangemeld)
    per_soort: dict[str, list[Any]] = {}
    pauzes: list[list[int | None]] = []
    sluitingen: list[list[Any]] = []
    heropeningen: list[Moment] = []
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
            feiten.fasestarts.append((aangemeld[1], aangemeld[0], None))
        elif soort in ("fase-gewijzigd", "heropend"):
            ts, d = _moment(event)
            feiten.fasestarts.append((d, ts, event.naar))
            if soort == "heropend":
                heropeningen.append((ts, d))
                if sluitingen and sluitingen[-1][2] is None:
                    sluitingen[-1][2] = d
        elif soort == "afgesloten":
            ts, d = _moment(event)
            sluitingen.append([d, ts, None])
            if pauzes and pauzes[-1][1] is None:
                pauzes[-1][1] = d
        elif soort == "opgeschort":
            if not pauzes or pauzes[-1][1] is not None:
                pauzes.append([_moment(event)[1], None])
        elif soort == "hervat":
            if pauzes and pauzes[-1][1] is None:
                pauzes[-1][1] = _moment(event)[1]
        elif feiten.plan is None:
            if soort == "doel-gesteld":
                doel_gesteld = True
            else:
                ondertekend.update(event.door)
            if doel_gesteld and ondertekend >= _PLAN_ONDERTEKENAARS:
                feiten.plan = _moment(event)
    feiten.per_soort.update(per_soort)
    if pauzes:
        feiten.pauzes = pauzes
    if sluitingen:
        feiten.sluitingen, feiten.heropeningen = sluitingen, heropeningen
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


def feiten_van(traject: Any) -> Feiten:
    """The facts of ``traject``, computed once per traject object and remembered while it lives."""
    sleutel = id(traject)
    gevonden = _CACHE.get(sleutel)
    if gevonden is not None and gevonden._ref is not None and gevonden._ref() is traject:
        return gevonden
    feiten = bouw_feiten(traject)
    try:
        ref = _Ref(traject, _vergeet)
    except TypeError:  # an object without weak-reference support is simply not remembered
        return feiten
    ref.sleutel = sleutel
    feiten._ref = ref
    _CACHE[sleutel] = feiten
    return feiten
