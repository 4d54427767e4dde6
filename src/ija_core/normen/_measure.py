"""A ``Norm`` compiled for evaluation on a ``Timeline``: one ``Measure`` per norm (internal).

``Measure.measure(timeline, peildag, closed)`` gives the raw ``Uitkomst`` of the norm for one
traject at one peildatum (or None when the norm has nothing to measure), with integer day
ordinals throughout; ``Measure.uitleg`` turns an outcome into the Dutch explanation, which
``signalen`` only asks for the outcomes it keeps.

Every anchor comes down to one function, ``assess``: from a start instant, a termijn (days or
hours) and the pauzes, the deadline; from the moment the norm was met (or not), the status.

Semantics (design.md, "Norms"): a deadline is a day; a norm met on or before its deadline day
is ``gehaald`` (for an hours termijn: within that many hours of elapsed time), later
``te-laat``; unmet it is ``open`` more than 7 days before the deadline, ``dreigt`` 0 to 7
days before it and ``verlopen`` after it. For a pausable norm every day between
``opgeschort`` and ``hervat`` (a running pause: up to the peildatum) that falls after the
anchor pushes the deadline back one day. For a traject closed at the peildatum the state at
the closing counts: an unmet norm is ``verlopen`` when its deadline day had passed by the
closing day and left out otherwise.

Deadlines are day ordinals and may lie past ``date.max`` (an aanmelding in December 9999 plus
42 days): the arithmetic is on integers, and turning a day into a ``date`` or a text is left
to the caller (``ija_core.normen._evaluation``), which reports such a deadline as invalid input.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, NamedTuple

from ija_core._per_methodiek import state
from ija_core.normen._texts import dag, dagen_tekst, datum_tekst, moment_tekst
from ija_core.normen._timeline import Instant, Matcher, Pauzedagen, Timeline, timeline_of
from ija_core.normen.model import Norm, Voorwaarde
from ija_core.traject.traject import na_replay

Normstatus = Literal["gehaald", "te-laat", "open", "dreigt", "verlopen"]
"""The status of a norm at a peildatum (not the status of a traject: ``actief``/``afgesloten``)."""

VERLOPEN, DREIGT, TE_LAAT, OPEN, GEHAALD = 0, 1, 2, 3, 4
"""Norm status codes, worst first: the lowest code is the worst outcome."""

NORMSTATUS: tuple[Normstatus, ...] = ("verlopen", "dreigt", "te-laat", "open", "gehaald")
"""The ``Normstatus`` of each code."""

_MISSING: Any = object()

_new: Any = tuple.__new__
"""Builds a named tuple from a tuple in C (calling the class runs Python code)."""

DREIGT_BINNEN = 7
"""An unmet norm ``dreigt`` from this many days before its deadline day up to that day."""

_SECONDEN_PER_DAG = 86_400


class Uitkomst(NamedTuple):
    """The raw outcome of one norm for one traject at a peildatum.

    Attributes:
        code: the norm status code (``VERLOPEN`` … ``GEHAALD``).
        deadline: the deadline day (an ordinal; may lie past ``date.max``).
        start: the instant the clock started (aanmelding, fase start, anchor event, restart).
        fase: for ``fase-start``, the fase; for ``herhalend``, ``"aanmelding"`` or
            ``"heropend"`` when the clock restarted on one of those; else None.
        termijn: the termijn in days (``aanmelding`` and ``fase-start``), else None.
        paused: the paused days that pushed the deadline back.
        met: the moment the norm was met, or None.
        deadline_ts: the deadline as a timestamp for an hours termijn, else None.
        closed: the closing day when the traject is closed at the peildatum, else None.
    """

    code: int
    deadline: int
    start: Instant
    fase: str | None
    termijn: int | None
    paused: int
    met: Instant | None
    deadline_ts: float | None
    closed: int | None


def paused_days(pauzes: Sequence[Pauzedagen], van: int, tot: int) -> int:
    """The paused days between day ``van`` and day ``tot`` (a running pause runs up to ``tot``)."""
    totaal = 0
    for p_van, p_tot in pauzes:
        if p_van >= tot:
            break
        eind = tot if p_tot is None or p_tot > tot else p_tot
        begin = max(p_van, van)
        if eind > begin:
            totaal += eind - begin
    return totaal


def _unmet(deadline: int, peildag: int) -> int:
    over = deadline - peildag
    if over < 0:
        return VERLOPEN
    return DREIGT if over <= DREIGT_BINNEN else OPEN


def assess(  # noqa: PLR0917 - the hot path: positional arguments are the cheapest
    start_ts: float,
    start_day: int,
    days: int | None,
    hours: int | None,
    pauzes: Sequence[Pauzedagen] | None,
    met: Instant | None,
    peildag: int,
    closed: int | None,
    signals_only: bool = False,
) -> tuple[int, int, float | None, int] | None:
    """The deadline, pause and status of one clock: ``(code, deadline day, deadline ts, paused)``.

    The clock starts at ``start_ts`` (on day ``start_day``) and runs ``days`` calendar days (from its day) or ``hours``
    of elapsed time; every paused day after its start (up to the day it was met, else the
    closing day or the peildatum) pushes the deadline back a day. ``met`` is the moment the
    norm was met, or None; a moment after ``peildag`` does not count. None when the traject
    closed (``closed``) before an unmet deadline had passed, and with ``signals_only`` for
    anything that is not ``dreigt`` or ``verlopen``.
    """
    if met is not None:
        if met.day > peildag:
            met = None
        elif signals_only:
            return None
    deadline_ts: float | None
    if hours is not None:
        deadline_ts = start_ts + hours * 3600
        deadline = dag(deadline_ts)
    else:
        deadline_ts, deadline = None, start_day + (days or 0)
    paused = 0
    if pauzes:
        tot = met.day if met is not None else (closed or peildag)
        paused = paused_days(pauzes, start_day, tot)
        if paused:
            deadline += paused
            if deadline_ts is not None:
                deadline_ts += paused * _SECONDEN_PER_DAG
    if met is not None:
        on_time = met.ts <= deadline_ts if deadline_ts is not None else met.day <= deadline
        return (GEHAALD if on_time else TE_LAAT), deadline, deadline_ts, paused
    if closed is not None and deadline >= closed:
        return None
    over = deadline - peildag
    code = VERLOPEN if over < 0 else DREIGT if over <= DREIGT_BINNEN else OPEN
    if signals_only and code > DREIGT:
        return None
    return code, deadline, deadline_ts, paused


_SOORT_LABEL = {
    "intake": "intake",
    "plan-ondertekend": "ondertekend ondersteuningsplan",
    "contactpoging": "contactpoging",
    "contact": "contact",
    "kennismaking": "kennismaking",
    "verwachtingen-uitgesproken": "uitgesproken verwachtingen",
    "evaluatie": "evaluatie",
    "doorverwezen": "doorverwijzing",
    "melding": "melding",
}


def voorwaarde_tekst(voorwaarde: Voorwaarde) -> str:
    """A Dutch description of one way to meet a norm (``"contact met de jongere"``)."""
    label = _SOORT_LABEL.get(voorwaarde.soort, f"'{voorwaarde.soort}'")
    delen = [label]
    for veld, waarde in voorwaarde.velden:
        if veld == "met" and isinstance(waarde, str):
            delen.append(
                f"met {'de ' if waarde == 'jongere' else 'het ' if waarde == 'netwerk' else ''}{waarde}"
            )
        elif veld == "gelukt" and waarde is True:
            delen[0] = f"gelukte {label}"
        elif veld == "gelukt" and waarde is False:
            delen[0] = f"mislukte {label}"
        else:
            delen.append(f"({veld}: {waarde})")
    return " ".join(delen)


def _duur_tekst(dagen: int) -> str:
    if dagen % 7 == 0:
        weken = dagen // 7
        return "1 week" if weken == 1 else f"{weken} weken"
    return dagen_tekst(dagen)


def _day_of(instant: Instant) -> int:
    return instant.day


class Measure:
    """A norm compiled for evaluation (internal; build with ``compile_norms``).

    Attributes:
        norm: the norm.
        id: the norm id.
        aanbieder: only trajecten of this aanbieder, or None for all.
        matcher: the norm's ``voldaan_door``, compiled.
        evaluate: ``measure`` for this norm's anchor.
    """

    __slots__ = (
        "_anker",
        "_anker_gebeurtenis",
        "_conditions",
        "_dagen",
        "_eerste_fase",
        "_fase",
        "_fasenamen",
        "_key",
        "_pauzeerbaar",
        "_streefduur",
        "_termijnen",
        "_uren",
        "_wat",
        "aanbieder",
        "evaluate",
        "id",
        "matcher",
        "norm",
        "prepares",
    )

    def __init__(
        self, norm: Norm, streefduur: dict[str, int], fasenamen: dict[str, str], eerste_fase: str
    ) -> None:
        self.norm = norm
        self.id = norm.id
        self.aanbieder = norm.aanbieder
        self.matcher = Matcher.of(norm.voldaan_door)
        self._anker = norm.anker
        self._anker_gebeurtenis = norm.anker_gebeurtenis or ""
        self._dagen = norm.dagen
        self._uren = norm.uren
        self._pauzeerbaar = norm.pauzeerbaar
        self._streefduur = streefduur
        self._fasenamen = fasenamen
        self._eerste_fase = eerste_fase
        self._fase = norm.fase  # fase-start: the named fase, or None for the current one
        self._wat = " of ".join(voorwaarde_tekst(v) for v in norm.voldaan_door) or "-"
        self._conditions = bool(norm.voldaan_door)
        self.prepares = not norm.groepsnorm and (
            bool(self.matcher.items) or norm.anker == "gebeurtenis"
        )
        """Whether ``prepare`` finds anything for this norm."""
        # the termijn per fase (None: the first fase, which the aanmelding starts)
        self._termijnen: dict[str | None, int] = {
            f: norm.dagen if norm.dagen is not None else streefduur[f or eerste_fase]
            for f in (None, *streefduur)
        }
        # where a timeline remembers the moments this norm asks for
        self._key: object = (
            self.matcher.answers_key(self._anker_gebeurtenis)
            if norm.anker == "gebeurtenis"
            else self.matcher.first_key
            if norm.anker == "aanmelding" and self._conditions
            else None
        )
        self.evaluate: Callable[[Timeline, int, int | None, bool], Uitkomst | None] = {
            "aanmelding": self._from_aanmelding,
            "fase-start": self._from_fase_start,
            "gebeurtenis": self._per_anchor,
            "herhalend": self._recurring,
            # a group norm has nothing to measure in one traject: ``groepstoets`` measures it
            "groepsmelding": _nothing,
            "groepslid": _nothing,
        }[norm.anker]
        """``measure`` for this norm's anchor (chosen once)."""

    def prepare(self, tl: Timeline) -> None:
        """Find, once, the moments that meet this norm in ``tl`` (the timeline remembers them).

        Done for the methodiek's default norms of every replayed traject while its events are
        still warm, so that a first ``signalen`` over a fresh caseload only does arithmetic.
        """
        anker = self._anker
        if anker == "gebeurtenis":
            tl.answers(self._anker_gebeurtenis, self.matcher)
        elif anker == "aanmelding":
            if self.matcher.conditions:
                tl.first(self.matcher)
        elif self.matcher.conditions:
            tl.moments(self.matcher)

    # -- evaluation at a peildatum --------------------------------------------------------

    def measure(
        self, tl: Timeline, peildag: int, closed: int | None, signals_only: bool = False
    ) -> Uitkomst | None:
        """The raw outcome at ``peildag`` (closed on day ``closed``, or None when active).

        With ``signals_only`` (for ``signalen``) only a ``dreigt`` or ``verlopen`` outcome is
        built; anything else gives None.
        """
        return self.evaluate(tl, peildag, closed, signals_only)

    def _from_aanmelding(
        self, tl: Timeline, peildag: int, closed: int | None, signals_only: bool = False
    ) -> Uitkomst | None:
        met = tl.memo.get(self._key, _MISSING)  # remembered at replay for the default norms
        if met is _MISSING:
            met = tl.first(self.matcher) if self._conditions else None
        if met is not None and met.day > peildag:
            met = None
        elif met is not None and signals_only:
            return None  # met: gehaald or te-laat, never a signal
        start = tl.aangemeld
        uitkomst = assess(
            start.ts,
            start.day,
            self._dagen,
            self._uren,
            tl.pauzes if self._pauzeerbaar else None,
            met,
            peildag,
            closed,
            signals_only,
        )
        if uitkomst is None:
            return None
        code, deadline, deadline_ts, paused = uitkomst
        outcome: Uitkomst = _new(
            Uitkomst, (code, deadline, start, None, self._dagen, paused, met, deadline_ts, closed)
        )
        return outcome

    def _from_fase_start(
        self, tl: Timeline, peildag: int, closed: int | None, signals_only: bool = False
    ) -> Uitkomst | None:
        if self._fase is not None:
            # the most recent entry into the named fase up to the peildatum (or the closing
            # day); a traject that never entered it has nothing to measure
            eind = peildag if closed is None else closed
            for start in reversed(tl.fasestarts):
                if start.day <= eind and (start.fase or self._eerste_fase) == self._fase:
                    s_dag, s_ts, fase = start
                    break
            else:
                return None
        else:
            s_dag, s_ts, fase = tl.fasestarts[-1]
            if closed is not None or s_dag > peildag:
                s_dag, s_ts, fase = tl.fasestart_op(peildag if closed is None else closed)
        termijn = self._termijnen[fase]  # fase None: the first fase
        met = tl.first_at_or_after(self.matcher, s_ts) if self._conditions else None
        uitkomst = assess(
            s_ts,
            s_dag,
            termijn,
            self._uren,
            tl.pauzes if self._pauzeerbaar else None,
            met,
            peildag,
            closed,
            signals_only,
        )
        if uitkomst is None:
            return None
        code, deadline, deadline_ts, paused = uitkomst
        if met is not None and met.day > peildag:
            met = None
        start = _new(Instant, (s_ts, s_dag))
        fase = fase or self._eerste_fase
        outcome: Uitkomst = _new(
            Uitkomst, (code, deadline, start, fase, termijn, paused, met, deadline_ts, closed)
        )
        return outcome

    def _recurring(
        self, tl: Timeline, peildag: int, closed: int | None, signals_only: bool = False
    ) -> Uitkomst | None:
        # the clock restarts at the aanmelding, every reopening and every moment that meets it
        restarts = [tl.aangemeld, *tl.heropeningen, *tl.moments(self.matcher)]
        restarts.sort()
        eind = peildag if closed is None else closed
        start = restarts[bisect_right(restarts, eind, key=_day_of) - 1]
        fase = (
            "aanmelding"
            if start == tl.aangemeld
            else ("heropend" if start in tl.heropeningen else None)
        )
        pauzes = tl.pauzes if self._pauzeerbaar else None
        termijn = self._dagen
        uitkomst = assess(
            start.ts, start.day, termijn, self._uren, pauzes, None, peildag, closed, signals_only
        )
        if uitkomst is None:
            return None
        code, deadline, _ts, paused = uitkomst
        outcome: Uitkomst = _new(
            Uitkomst, (code, deadline, start, fase, termijn, paused, None, None, closed)
        )
        return outcome

    def _per_anchor(
        self, tl: Timeline, peildag: int, closed: int | None, signals_only: bool = False
    ) -> Uitkomst | None:
        """The worst outcome over the anchor events (verlopen > dreigt > te-laat > open >
        gehaald; among equals the earliest deadline)."""
        worst: Uitkomst | None = None
        dagen, uren = self._dagen, self._uren
        pauzes = tl.pauzes if self._pauzeerbaar else None
        answers = tl.memo.get(self._key)
        if answers is None:
            answers = tl.answers(self._anker_gebeurtenis, self.matcher)
        for anchor, antwoord in answers:
            a_ts, a_day = anchor
            if a_day > peildag:
                break
            met = antwoord
            if met is not None:
                if met.day > peildag:
                    met = None
                elif signals_only:
                    continue  # met: gehaald or te-laat, never a signal
            uitkomst = assess(a_ts, a_day, dagen, uren, pauzes, met, peildag, closed, signals_only)
            if uitkomst is None:
                continue
            code, deadline, deadline_ts, paused = uitkomst
            if (
                worst is None
                or code < worst.code
                or (code == worst.code and deadline < worst.deadline)
            ):
                worst = _new(
                    Uitkomst, (code, deadline, anchor, None, None, paused, met, deadline_ts, closed)
                )
        return worst

    # -- explanation ------------------------------------------------------------------------

    def uitleg(self, uitkomst: Uitkomst, peildag: int) -> str:
        """The Dutch explanation of a raw outcome."""
        code, grens, start, fase, termijn, pauze, gehaald, grens_ts, gesloten = uitkomst
        anker = self._anker
        if anker == "aanmelding":
            begin = f"Aangemeld op {datum_tekst(start.day)}"
        elif anker == "fase-start":
            naam = self._fasenamen.get(fase or "", fase)
            if self._uren is not None:
                duur = f"termijn {self._uren} uur"
            elif self._dagen is None:
                duur = f"streefduur {_duur_tekst(termijn or 0)}"
            else:
                duur = f"termijn {_duur_tekst(termijn or 0)}"
            begin = f"Fase {naam} begon op {datum_tekst(start.day)} ({duur})"
        elif anker == "gebeurtenis":
            soort = self._anker_gebeurtenis
            begin = f"{_SOORT_LABEL.get(soort, soort).capitalize()} op {moment_tekst(start.ts)}"
        elif fase == "aanmelding":
            begin = f"Sinds de aanmelding op {datum_tekst(start.day)} nog geen {self._wat}"
        elif fase == "heropend":
            begin = f"Sinds de heropening op {datum_tekst(start.day)} nog geen {self._wat}"
        else:
            begin = f"Laatste {self._wat} op {datum_tekst(start.day)}"
        grens_tekst = moment_tekst(grens_ts) if grens_ts is not None else datum_tekst(grens)
        tot = "tot" if grens_ts is not None else "tot en met"
        woord = (
            "de streefduur"
            if anker == "fase-start" and self._dagen is None and self._uren is None
            else "de termijn"
        )
        if pauze:
            woord += f" (verlengd met {dagen_tekst(pauze)} opschorting)"
        if code in (GEHAALD, TE_LAAT):
            assert gehaald is not None  # noqa: S101 - met outcomes carry their moment (for mypy)
            wanneer = moment_tekst(gehaald.ts) if grens_ts is not None else datum_tekst(gehaald.day)
            if code == GEHAALD:
                return f"{begin}; {self._wat} op {wanneer}, op tijd ({woord} liep {tot} {grens_tekst})."
            if grens_ts is not None:
                uren = int((gehaald.ts - grens_ts) // 3600)
                na = f"{uren} uur" if uren >= 1 else "minder dan een uur"
            else:
                na = dagen_tekst(gehaald.day - grens)
            return f"{begin}; {self._wat} op {wanneer}, {na} na {woord} van {grens_tekst}."
        nog_geen = "" if anker in ("herhalend", "fase-start") else f" nog geen {self._wat}:"
        over = grens - peildag
        if code == VERLOPEN:
            zin = f"{begin};{nog_geen} {woord} liep af op {grens_tekst}, {dagen_tekst(-over)} geleden."
        elif code == DREIGT:
            wanneer = "vandaag" if over == 0 else f"over {dagen_tekst(over)}"
            zin = f"{begin};{nog_geen} {woord} loopt af op {grens_tekst} ({wanneer})."
        else:
            zin = f"{begin};{nog_geen} {woord} loopt {tot} {grens_tekst}, nog {dagen_tekst(over)}."
        if gesloten is not None:
            zin += f" Het traject is afgesloten op {datum_tekst(gesloten)}."
        return zin


def _nothing(
    _tl: Timeline, _peildag: int, _closed: int | None, _signals_only: bool = False
) -> Uitkomst | None:
    """The outcome of a group norm on one traject alone: nothing to measure."""
    return None


def compile_norms(normen: Iterable[Norm], methodiek: Any) -> list[Measure]:
    """Compile norms against the fasen of ``methodiek`` (for the streefduur of each fase)."""
    streefduur = {f.id: f.streefduur.days for f in methodiek.fasen}
    fasenamen = {f.id: f.naam for f in methodiek.fasen}
    eerste = methodiek.fasen[0].id
    return [Measure(n, streefduur, fasenamen, eerste) for n in normen]


def compiled_norms(methodiek: Any, normen: tuple[Norm, ...]) -> list[Measure]:
    """``compile_norms``, remembered per methodiek object and tuple of norms."""
    varianten = state(methodiek).normvarianten
    found = varianten.get(normen)
    if found is None:
        if len(varianten) > 64:  # a long-running app with many variants: start afresh
            varianten.clear()
        found = varianten[normen] = compile_norms(normen, methodiek)
    return found


def default_measures(methodiek: Any) -> list[Measure]:
    """The compiled norms ``normtoets`` and ``signalen`` evaluate by default (``standaard_aan``,
    group norms left out), in the methodiek's order; remembered per methodiek object."""
    s = state(methodiek)
    found = s.standaardnormen
    if found is None:
        found = s.standaardnormen = compile_norms(
            tuple(n for n in methodiek.normen if n.standaard_aan and not n.groepsnorm), methodiek
        )
    return found


def default_group_measures(methodiek: Any) -> list[Measure]:
    """The compiled group norms ``groepstoets`` evaluates by default (``standaard_aan``);
    remembered per methodiek object. (``default_measures`` leaves them out: a group norm has
    nothing to measure in one traject.)"""
    s = state(methodiek)
    found = s.groepsnormen
    if found is None:
        found = s.groepsnormen = compile_norms(
            tuple(n for n in methodiek.normen if n.standaard_aan and n.groepsnorm), methodiek
        )
    return found


def _prepare(traject: Any) -> None:
    """Find the default norms' moments of a freshly replayed traject (``na_replay``)."""
    tl = timeline_of(traject)
    for measure in default_measures(traject.methodiek):
        if measure.prepares:
            measure.prepare(tl)


na_replay(_prepare)
