"""The timeline of one traject: every instant the norms measure, as numbers (internal).

``timeline_of(traject)`` gives a ``Timeline``: the aanmelding, the start of every fase period,
the afsluitingen and heropeningen, the pauzes, the moment the plan counts as signed, and, on demand,
the moments of the events that meet a norm's ``voldaan_door`` (a ``Matcher``). None of it
depends on the peildatum, so it is computed once per ``Traject`` object, on first use, and
kept beside the traject (``_TIMELINES``, weakly keyed by identity), never inside it: the
``Traject`` and the fold below the norm evaluation do not know it exists. The state *at* a peildatum is derived
from the timeline by ignoring everything on later days (``ija_core.normen._measure``).

Instants are ``Instant(ts, day)``: a POSIX timestamp (elapsed time is measured in UTC) and the
Europe/Amsterdam day as a date ordinal (so "deadline − peildatum" is integer subtraction);
see ``ija_core._instant``.

The events are in time order (the ``chronologie`` rule guarantees it for a ``Traject``), so
the first event that meets a norm at or after an instant is found by position: matching
events are located once per ``Matcher`` by their type (a C-level search in the tuple of event
types), and the anchors of a norm (every ``melding``, say) are paired with their first answer
in one merge over both position lists: linear in the number of events.

For the group approach (design.md, "Groepsaanpak") a norm over a group asks each member's
timeline ``first_at_or_after(matcher, ts)``: the first moment at or after a groepsmelding that
meets a condition (a contact with the jongere, a contact with an ouder).
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from ija_core._instant import moment

if TYPE_CHECKING:
    from ija_core.normen.model import Voorwaarde
    from ija_core.traject.traject import Traject

__all__ = [
    "Answer",
    "Afsluiting",
    "Fasestart",
    "Instant",
    "Matcher",
    "Pauzedagen",
    "Timeline",
    "build_timeline",
    "timeline_of",
]


class Instant(NamedTuple):
    """A moment as numbers: POSIX timestamp and Europe/Amsterdam day ordinal."""

    ts: float
    day: int


class Fasestart(NamedTuple):
    """The start of a fase period: its day, its timestamp, its fase (None: the first fase)."""

    day: int
    ts: float
    fase: str | None


class Afsluiting(NamedTuple):
    """A closing: its day, its timestamp, and the day it was reopened (None: still closed)."""

    day: int
    ts: float
    reopened: int | None


class Pauzedagen(NamedTuple):
    """A pause (``opgeschort`` … ``hervat`` or closing) in days; ``end`` None while paused."""

    start: int
    end: int | None


class Answer(NamedTuple):
    """An anchor event (e.g. a melding) and the first moment that meets the norm, or None."""

    anchor: Instant
    met: Instant | None


_PLAN = "plan-ondertekend"
"""The derived fact a ``Voorwaarde`` may name: the moment the plan counts as signed."""

_TYPE = attrgetter("TYPE")


class Matcher:
    """A norm's ``voldaan_door`` compiled: which events meet it (interned by its conditions).

    Attributes:
        conditions: the ``Voorwaarde`` records it was made from.
        options: per event type, the sets of ``(field, value)`` pairs; any one set will do.
        plan: whether the derived fact ``plan-ondertekend`` meets it.
    """

    __slots__ = (
        "_answer_keys",
        "conditions",
        "first_key",
        "items",
        "moments_key",
        "options",
        "plan",
    )

    def __init__(self, conditions: tuple[Voorwaarde, ...]) -> None:
        self.conditions = conditions
        options: dict[str, list[tuple[tuple[str, Any], ...]]] = {}
        for voorwaarde in conditions:
            if voorwaarde.soort != _PLAN:
                options.setdefault(voorwaarde.soort, []).append(voorwaarde.velden)
        self.options = {soort: tuple(sets) for soort, sets in options.items()}
        # per event type: its field sets, and whether any event of the type will do
        self.items = tuple((soort, sets, () in sets) for soort, sets in self.options.items())
        self.plan = any(v.soort == _PLAN for v in conditions)
        # the keys of what a timeline remembers for this matcher
        self.first_key = object()
        self.moments_key = object()
        self._answer_keys: dict[str, object] = {}

    @classmethod
    def of(cls, conditions: Iterable[Voorwaarde]) -> Matcher:
        """The matcher of these conditions (one object per distinct set of conditions)."""
        key = tuple(conditions)
        found = _INTERNED.get(key)
        if found is None:
            if len(_INTERNED) > 256:  # many local variants in a long-running app
                _INTERNED.clear()
            found = _INTERNED[key] = cls(key)
        return found

    def answers_key(self, anchor: str) -> object:
        """The key of the answers to the events of type ``anchor`` in a timeline's memory."""
        key = self._answer_keys.get(anchor)
        if key is None:
            key = self._answer_keys[anchor] = object()
        return key

    def meets(self, event: Any) -> bool:
        """Whether ``event`` meets one of the conditions (``plan-ondertekend`` aside)."""
        sets = self.options.get(event.TYPE)
        return sets is not None and _meets(event, sets)


_INTERNED: dict[tuple[Voorwaarde, ...], Matcher] = {}

_MISSING: Any = object()

_new: Any = tuple.__new__
"""Builds a named tuple from a tuple in C (``Instant(*t)`` runs Python code per call)."""


def _meets(event: Any, sets: Sequence[tuple[tuple[str, Any], ...]]) -> bool:
    for velden in sets:
        for veld, waarde in velden:
            if getattr(event, veld, None) != waarde:
                break
        else:
            return True
    return False


class Timeline:
    """Every instant of one traject that a norm measures (internal to the norm engine).

    Attributes:
        traject: the traject id.
        aanbieder: the aanbieder id from the aanmelding, or None.
        aangemeld: the aanmelding.
        fasestarts: per fase period in order, its ``Fasestart`` (the aanmelding starts the
            first, with fase None).
        afsluitingen: per closing, a ``Afsluiting`` (afsluitingen are the gaps in ``fasehistorie``).
        heropeningen: the ``heropend`` instants, in order.
        pauzes: per pause, a ``Pauzedagen`` in days.
        plan_signed: the moment the plan counts as signed (design.md), or None.
        events: the traject's events, in time order.
        memo: what the queries below found, per query key (``Matcher.first_key``, ...):
            computed once per timeline, for every norm that asks the same question.
    """

    __slots__ = (
        "_types",
        "aanbieder",
        "aangemeld",
        "afsluitingen",
        "events",
        "fasestarts",
        "heropeningen",
        "memo",
        "pauzes",
        "plan_signed",
        "traject",
    )

    def __init__(
        self,
        *,
        traject: str,
        aanbieder: str | None,
        aangemeld: Instant,
        fasestarts: tuple[Fasestart, ...],
        afsluitingen: tuple[Afsluiting, ...],
        heropeningen: tuple[Instant, ...],
        pauzes: tuple[Pauzedagen, ...],
        plan_signed: Instant | None,
        events: tuple[Any, ...],
    ) -> None:
        self.traject = traject
        self.aanbieder = aanbieder
        self.aangemeld = aangemeld
        self.fasestarts = fasestarts
        self.afsluitingen = afsluitingen
        self.heropeningen = heropeningen
        self.pauzes = pauzes
        self.plan_signed = plan_signed
        self.events = events
        self._types: tuple[str, ...] | None = None
        self.memo: dict[object, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        # what was found is keyed by objects of this process: a copy starts afresh
        return {naam: getattr(self, naam) for naam in _STATE}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for naam in _STATE:
            object.__setattr__(self, naam, state[naam])
        self._types = None
        self.memo = {}

    # -- structure ------------------------------------------------------------------------------

    def afsluitdag(self, day: int) -> int | None:
        """The closing day when the traject is closed on ``day``, else None."""
        for closing in reversed(self.afsluitingen):
            if closing.day <= day:
                reopened = closing.reopened
                return closing.day if reopened is None or reopened > day else None
        return None

    def fasestart_op(self, day: int) -> Fasestart:
        """The start of the last fase period that began on or before ``day`` (else the first)."""
        starts = self.fasestarts
        for start in reversed(starts):
            if start.day <= day:
                return start
        return starts[0]

    # -- events that meet a norm ----------------------------------------------------------------

    @property
    def types(self) -> tuple[str, ...]:
        """The type of every event, in order (built on first use)."""
        types = self._types
        if types is None:
            types = self._types = tuple(map(_TYPE, self.events))
        return types

    def positions(self, soort: str) -> list[int]:
        """The positions of the events of type ``soort``, in order."""
        types = self.types
        if soort not in types:
            return []
        return list(compress(range(len(types)), map(soort.__eq__, types)))

    def _next(self, soort: str, sets: Any, any_will_do: bool, start: int) -> int:
        """The position of the first event of type ``soort`` from ``start`` on that has one of
        the field ``sets`` (any will do: ``any_will_do``), or ``len(events)``."""
        types, events = self.types, self.events
        index = types.index
        j = start
        while True:
            try:
                j = index(soort, j)
            except ValueError:
                return len(types)
            if any_will_do or _meets(events[j], sets):
                return j
            j += 1

    def first(self, matcher: Matcher) -> Instant | None:
        """The first moment that meets ``matcher`` (the signed plan included), or None."""
        plan = self.plan_signed if matcher.plan else None
        if not matcher.items:
            return plan  # nothing to look for among the events
        cache = self.memo
        found: Instant | None = cache.get(matcher.first_key, _MISSING)
        if found is not _MISSING:
            return found
        events, types = self.events, self.types
        n = p = len(events)
        for soort, sets, any_will_do in matcher.items:
            if soort in types:
                q = self._next(soort, sets, any_will_do, 0)
                p = min(p, q)
        found = _new(Instant, moment(events[p].op)) if p < n else None
        if plan is not None and (found is None or plan < found):
            found = plan
        cache[matcher.first_key] = found
        return found

    def moments(self, matcher: Matcher) -> tuple[Instant, ...]:
        """Every moment that meets ``matcher``, in time order (remembered)."""
        cache = self.memo
        found: tuple[Instant, ...] | None = cache.get(matcher.moments_key)
        if found is None:
            events = self.events
            posities: list[int] = []
            for soort, sets, any_will_do in matcher.items:
                posities.extend(
                    p for p in self.positions(soort) if any_will_do or _meets(events[p], sets)
                )
            if len(matcher.items) > 1:
                posities.sort()
            alle = [_new(Instant, moment(events[p].op)) for p in posities]
            if matcher.plan and self.plan_signed is not None:
                alle.append(self.plan_signed)
                alle.sort()
            found = cache[matcher.moments_key] = tuple(alle)
        return found

    def first_at_or_after(self, matcher: Matcher, ts: float) -> Instant | None:
        """The first moment at or after timestamp ``ts`` that meets ``matcher``, or None.

        For anchors outside this traject too (a groepsmelding, for each member of a group).
        """
        alle = self.moments(matcher)
        i = bisect_left(alle, (ts, -(2**62)))
        return alle[i] if i < len(alle) else None

    def answers(self, anchor: str, matcher: Matcher) -> tuple[Answer, ...]:
        """Per event of type ``anchor`` in order: its instant and the first moment meeting
        ``matcher`` at or after it (remembered).

        That is the first matching event listed from the anchor on, unless a matching event
        listed before the anchor has the very same instant (then the anchor's own instant);
        the signed plan counts when ``matcher`` names it. Linear in the number of events:
        per event type of ``matcher``, the next matching position found is kept and searched
        again only for an anchor after it (so each search starts past the last one), and the
        look back over events at the same instant stops at the anchor before it, whose look
        back it reuses.
        """
        key = matcher._answer_keys.get(anchor) or matcher.answers_key(anchor)
        cache = self.memo
        found: tuple[Answer, ...] | None = cache.get(key)
        if found is not None:
            return found
        events = self.events
        n = len(events)
        plan = self.plan_signed if matcher.plan else None
        meets = matcher.meets
        out: list[Answer] = []
        items = matcher.items
        # per event type of the matcher: the first matching position at or after the last
        # search start (n: none left); -1 before the first search
        volgende = [-1] * len(items)
        vorige = -1  # the previous anchor's position
        for p in self.positions(anchor):
            op = events[p].op
            at: Instant = _new(Instant, moment(op))
            # a matching event listed before the anchor at the same instant; the look back
            # stops at the previous anchor, whose own answer then tells (it is at this instant
            # exactly when its answer is its own instant and it has this instant)
            raak = False
            k = p - 1
            while k > vorige and events[k].op == op:
                if meets(events[k]):
                    raak = True
                    break
                k -= 1
            else:
                if k == vorige >= 0 and events[vorige].op == op:
                    raak = out[-1].met == out[-1].anchor or meets(events[vorige])
            met: Instant | None = None
            if raak:
                met = at
            elif items:
                best = n
                for i, (soort, sets, any_will_do) in enumerate(items):
                    q = volgende[i]
                    if q < p:
                        q = volgende[i] = self._next(soort, sets, any_will_do, p)
                    best = min(best, q)
                if best < n:
                    met = _new(Instant, moment(events[best].op))
            if plan is not None and plan.ts >= at.ts and (met is None or plan < met):
                met = plan
            out.append(_new(Answer, (at, met)))
            vorige = p
        found = cache[key] = tuple(out)
        return found


_STATE = (
    "traject",
    "aanbieder",
    "aangemeld",
    "fasestarts",
    "afsluitingen",
    "heropeningen",
    "pauzes",
    "plan_signed",
    "events",
)


def _instant(op: Any) -> Instant:
    instant: Instant = _new(Instant, moment(op))
    return instant


def build_timeline(traject: Traject) -> Timeline:
    """The timeline of ``traject``, from its fold (fase periods, pauzes, plan) and events."""
    historie = traject.fasehistorie
    starts: list[Fasestart] = []
    afsluitingen: list[Afsluiting] = []
    heropeningen: list[Instant] = []
    last = len(historie) - 1
    closed = False
    for i, periode in enumerate(historie):
        ts, d = moment(periode.van)
        starts.append(_new(Fasestart, (d, ts, periode.fase if i else None)))
        if closed:
            afsluitingen[-1] = afsluitingen[-1]._replace(reopened=d)
            heropeningen.append(_new(Instant, (ts, d)))
            closed = False
        tot = periode.tot
        if tot is not None:
            if i < last:
                volgende = historie[i + 1].van
                if volgende is tot or volgende == tot:
                    continue  # the next period starts where this one ends: no closing
            end, d = moment(tot)
            afsluitingen.append(_new(Afsluiting, (d, end, None)))
            closed = True
    plan = traject.plan.ondertekend_op
    return Timeline(
        traject=str(traject.id),
        aanbieder=traject.aanbieder,
        aangemeld=_new(Instant, (starts[0][1], starts[0][0])),
        fasestarts=tuple(starts),
        afsluitingen=tuple(afsluitingen),
        heropeningen=tuple(heropeningen),
        pauzes=tuple(
            _new(Pauzedagen, (moment(p.van)[1], None if p.tot is None else moment(p.tot)[1]))
            for p in traject.pauzes
        )
        if traject.pauzes
        else (),
        plan_signed=None if plan is None else _instant(plan),
        events=traject.events,
    )


class _Ref(weakref.ref):  # type: ignore[type-arg]  # weakref.ref[Traject], with its key
    """A weak reference to a traject that knows its key in ``_TIMELINES`` (one shared clean-up
    function instead of a closure per traject: a large caseload holds many of these)."""

    __slots__ = ("sleutel",)

    sleutel: int


def _weg(ref: _Ref) -> None:
    huidig = _TIMELINES.get(ref.sleutel)
    if huidig is not None and huidig[0] is ref:
        del _TIMELINES[ref.sleutel]


_TIMELINES: dict[int, tuple[_Ref, Timeline]] = {}
"""Each live ``Traject`` object's timeline, kept beside the traject and never inside it (as
``ija_core._per_methodiek`` keeps the engine's state beside a Methodiek): keyed by the
object's identity (hashing a traject's whole state per lookup would cost more than the lookup
saves), with a weak reference that drops the entry when the traject is collected. The
timeline holds the traject's events, never the traject. No lock: each dict operation is
atomic; two threads building the same timeline at once only do the work twice."""


def timeline_of(traject: Traject) -> Timeline:
    """The timeline of ``traject``: built on first use, then remembered while the object lives."""
    sleutel = id(traject)
    gevonden = _TIMELINES.get(sleutel)
    if gevonden is not None and gevonden[0]() is traject:
        return gevonden[1]
    tl = build_timeline(traject)
    ref = _Ref(traject, _weg)
    ref.sleutel = sleutel
    _TIMELINES[sleutel] = (ref, tl)
    return tl


def remembered(traject: Traject) -> Timeline | None:
    """The timeline remembered for this traject object, or None (for tests)."""
    gevonden = _TIMELINES.get(id(traject))
    return gevonden[1] if gevonden is not None and gevonden[0]() is traject else None
