"""A ``Norm`` compiled for evaluation: one ``Meetlat`` per norm, anchored by its ``anker``.

``Meetlat.meet(feiten, peildag, gesloten)`` gives the raw outcome of the norm for one traject
at one peildatum as a tuple ``(code, deadline day, detail)`` (or None when the norm has
nothing to measure), with integer day ordinals throughout; ``Meetlat.uitleg`` turns such a
raw outcome into the Dutch explanation. ``signalen`` only asks for an explanation for the
outcomes it keeps.

Semantics (design.md, "Norms"): a deadline is a day; a norm met on or before its deadline day
is ``gehaald`` (for an hours termijn: within that many hours of elapsed time), later
``te-laat``; unmet it is ``open`` more than 7 days before the deadline, ``dreigt`` 0 to 7
days before it and ``verlopen`` after it. For a pausable norm every day between
``opgeschort`` and ``hervat`` (a running pause: up to the peildatum) that falls after the
anchor pushes the deadline back one day. For a traject closed at the peildatum the state at
the closing counts: an unmet norm is ``verlopen`` when its deadline day had passed by the
closing day and left out otherwise.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import Any

from ija_core.normen._tijd import dag, dagen_tekst, datum_tekst, moment_tekst, tijdstip
from ija_core.normen.feiten import Feiten, Moment, moment_van, voldoet
from ija_core.normen.model import Norm, Voorwaarde
from ija_core.traject.vouw import ANTWOORD_OP_MELDING

VERLOPEN, DREIGT, TE_LAAT, OPEN, GEHAALD = 0, 1, 2, 3, 4
"""Status codes, worst first: the lowest code is the worst outcome."""

STATUS = ("verlopen", "dreigt", "te-laat", "open", "gehaald")
DREIGT_BINNEN = 7
"""An unmet norm ``dreigt`` from this many days before its deadline day up to that day."""

Uitkomst = tuple[int, int, Any]
"""A raw outcome: ``(status code, deadline day ordinal, detail for the explanation)``."""

# How a norm can be measured on the instants ``Traject.replay`` stores (``_normmomenten``,
# see ``_Vouw.normmomenten``), without gathering ``Feiten``: not at all, or by its kind.
NIET_OPGESLAGEN, EERSTE_INTAKE, PLAN, FASE, MELDING = 0, 1, 2, 3, 4
_INTAKE_MOMENT, _PLAN_MOMENT, _MELDINGEN = 5, 4, 7
"""Where ``_Vouw.normmomenten`` keeps the first intake, the plan and the meldingen."""

_ANTWOORD_EISEN = {soort: ((eis,),) for soort, eis in ANTWOORD_OP_MELDING.items()}

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


_TYPE = attrgetter("TYPE")


def _TIJDSTIP(event: Any) -> float:  # noqa: N802 - a constant-like key function
    return tijdstip(event.op)


def _past(event: Any, opties: tuple[tuple[tuple[str, Any], ...], ...]) -> bool:
    """Whether ``event`` has all the field values of at least one of ``opties``."""
    for velden in opties:
        for veld, waarde in velden:
            if getattr(event, veld, None) != waarde:
                break
        else:
            return True
    return False


def _dag_van(moment: Moment) -> int:
    return moment[1]


def _ongehaald(deadline: int, peildag: int) -> int:
    over = deadline - peildag
    if over < 0:
        return VERLOPEN
    return DREIGT if over <= DREIGT_BINNEN else OPEN


def gepauzeerd(pauzes: Sequence[Sequence[int | None]], van: int, tot: int) -> int:
    """The paused days between day ``van`` and day ``tot`` (a running pause runs up to ``tot``)."""
    totaal = 0
    for p_van, p_tot in pauzes:
        assert p_van is not None  # noqa: S101 - a pause always has a start day (for mypy)
        if p_van >= tot:
            break
        eind = tot if p_tot is None or p_tot > tot else p_tot
        begin = max(p_van, van)
        if eind > begin:
            totaal += eind - begin
    return totaal


class Meetlat:
    """A norm compiled for fast evaluation (internal; build with ``compileer``).

    Attributes:
        norm: the norm.
        id: the norm id.
        aanbieder: only trajecten of this aanbieder, or None for all.
    """

    __slots__ = (
        "_anker",
        "_dagen",
        "_eerste_fase",
        "_eis_per_soort",
        "_eisen",
        "_fasenamen",
        "_pauzeerbaar",
        "_plan_telt",
        "_streefduur",
        "_uren",
        "_voorwaarden",
        "_wat",
        "aanbieder",
        "id",
        "norm",
        "opgeslagen",
    )

    def __init__(
        self, norm: Norm, streefduur: dict[str, int], fasenamen: dict[str, str], eerste_fase: str
    ) -> None:
        self.norm = norm
        self.id = norm.id
        self.aanbieder = norm.aanbieder
        self._anker = norm.anker
        self._dagen = norm.dagen
        self._uren = norm.uren
        self._pauzeerbaar = norm.pauzeerbaar
        self._voorwaarden = norm.voldaan_door
        self._streefduur = streefduur
        self._fasenamen = fasenamen
        self._eerste_fase = eerste_fase
        # per event type, the sets of field values that meet the norm (any one will do)
        eisen: dict[str, list[tuple[tuple[str, Any], ...]]] = {}
        for voorwaarde in norm.voldaan_door:
            if voorwaarde.soort != "plan-ondertekend":
                eisen.setdefault(voorwaarde.soort, []).append(voorwaarde.velden)
        self._eisen = [(soort, tuple(opties)) for soort, opties in eisen.items()]
        self._eis_per_soort = dict(self._eisen)
        self._plan_telt = any(v.soort == "plan-ondertekend" for v in norm.voldaan_door)
        self._wat = " of ".join(voorwaarde_tekst(v) for v in norm.voldaan_door) or "-"
        self.opgeslagen = self._soort_opgeslagen()
        """How this norm is measured on stored instants (``meet_opgeslagen``), or 0: not."""

    def _soort_opgeslagen(self) -> int:
        norm = self.norm
        soorten = [(v.soort, v.velden) for v in norm.voldaan_door]
        if norm.anker == "aanmelding" and norm.uren is None:
            if soorten == [("intake", ())]:
                return EERSTE_INTAKE
            if soorten == [("plan-ondertekend", ())]:
                return PLAN
        if norm.anker == "fase-start" and not soorten and norm.uren is None:
            return FASE
        if (
            norm.anker == "gebeurtenis"
            and norm.anker_gebeurtenis == "melding"
            and not self._plan_telt
            and self._eis_per_soort == _ANTWOORD_EISEN
        ):
            return MELDING
        return NIET_OPGESLAGEN

    # -- facts per traject ------------------------------------------------------------------

    def _momenten(self, feiten: Feiten) -> list[Moment]:
        """Every moment that meets the norm, in time order."""
        momenten: list[Moment] = []
        for voorwaarde in self._voorwaarden:
            soort = voorwaarde.soort
            if soort == "plan-ondertekend":
                if feiten.plan is not None:
                    momenten.append(feiten.plan)
                continue
            velden = voorwaarde.velden
            for event in feiten.events(soort):
                if not velden or voldoet(event, velden):
                    ts = tijdstip(event.op)
                    momenten.append((ts, dag(ts)))
        if len(self._voorwaarden) > 1:
            momenten.sort()
        return momenten

    def _eerste(self, feiten: Feiten) -> list[Moment]:
        """The first moment that meets the norm (as a list of at most one)."""
        eerste: Moment | None = None
        for voorwaarde in self._voorwaarden:
            moment = feiten.eerste(voorwaarde.soort, voorwaarde.velden)
            if moment is not None and (eerste is None or moment < eerste):
                eerste = moment
        return [] if eerste is None else [eerste]

    def _feiten(self, feiten: Feiten) -> Any:
        gevonden = feiten.per_norm.get(self)
        if gevonden is None:
            gevonden = self._verzamel(feiten)
            feiten.per_norm[self] = gevonden
        return gevonden

    def _verzamel(self, feiten: Feiten) -> Any:
        anker = self._anker
        if anker == "gebeurtenis":
            momenten = feiten._momenten
            if momenten is not None and self.opgeslagen == MELDING:
                return self._opgeslagen_ankers(momenten[_MELDINGEN])
            if not feiten.events(self.norm.anker_gebeurtenis or ""):
                return ()  # nothing to measure: no momenten needed
            return self._ankers(feiten)
        if anker == "herhalend":
            herstart = [feiten.aangemeld, *feiten.heropeningen, *self._momenten(feiten)]
            herstart.sort()
            return herstart
        # anchored on the aanmelding only the first moment counts; on a fase start, the first
        # one after the start of the fase at the peildatum
        if anker == "aanmelding":
            return self._eerste(feiten)
        return self._momenten(feiten)

    def _opgeslagen_ankers(self, meldingen: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """``_ankers`` from the meldingen and their answers stored by ``replay``."""
        ankers = []
        uren = self._uren
        for ts, d, a_ts, a_dag in meldingen:
            if uren is not None:
                grens_ts: float | None = ts + uren * 3600
                grens = dag(grens_ts)  # type: ignore[arg-type]  # set just above
            else:
                grens_ts, grens = None, d + (self._dagen or 0)
            ankers.append((ts, d, grens, grens_ts, None if a_ts is None else (a_ts, a_dag)))
        return ankers

    def _ankers(self, feiten: Feiten) -> list[tuple[Any, ...]]:
        """Per anchor event: (ts, day, deadline day, deadline ts or None, met moment or None).

        The met moment is the first one that meets the norm at or after the anchor's instant.
        The events are in time order, so that is the first matching event listed from the
        anchor on, unless a matching event listed just before it has the very same instant
        (then the anchor's own instant). Positions are found by type in a list of the event
        types, so only the anchors and the moments that meet them are converted.
        """
        alle = feiten.alle
        typen = list(map(_TYPE, alle))
        soort = self.norm.anker_gebeurtenis or ""
        eisen = self._eisen
        eis_per_soort = self._eis_per_soort
        vast = feiten.vaste_offsets
        plan = feiten.plan if self._plan_telt else None
        uren = self._uren
        ankers = []
        pos = -1
        for _ in range(len(feiten.events(soort))):
            pos = typen.index(soort, pos + 1)
            op = alle[pos].op
            ts, d = moment_van(op)
            grens_ts: float | None = None
            if uren is not None:
                grens_ts = ts + uren * 3600
                grens = dag(grens_ts)
            else:
                grens = d + (self._dagen or 0)
            gehaald: Moment | None = None
            # a matching event listed before the anchor, at the same instant
            k = pos - 1
            while k >= 0 and (alle[k].op == op if vast else _TIJDSTIP(alle[k]) == ts):
                opties = eis_per_soort.get(typen[k])
                if opties is not None and _past(alle[k], opties):
                    gehaald = (ts, d)
                    break
                k -= 1
            if gehaald is None:
                eerste = len(alle)  # the position of the first matching event from the anchor on
                for eis_soort, opties in eisen:
                    j = pos
                    while j < eerste:
                        try:
                            j = typen.index(eis_soort, j, eerste)
                        except ValueError:
                            break
                        if _past(alle[j], opties):
                            eerste = j
                            break
                        j += 1
                if eerste < len(alle):
                    gehaald = moment_van(alle[eerste].op)
            if plan is not None and plan[0] >= ts and (gehaald is None or plan < gehaald):
                gehaald = plan
            ankers.append((ts, d, grens, grens_ts, gehaald))
        return ankers

    # -- evaluation at a peildatum --------------------------------------------------------

    def meet(self, feiten: Feiten, peildag: int, gesloten: int | None) -> Uitkomst | None:
        """The raw outcome at ``peildag`` (closed at day ``gesloten``, or None when active)."""
        anker = self._anker
        if anker == "gebeurtenis":
            return self._meet_gebeurtenis(feiten, peildag, gesloten)
        eind = peildag if gesloten is None else gesloten
        if anker == "aanmelding":
            start: Moment = feiten.aangemeld
            termijn = self._dagen
            fase = None
        elif anker == "fase-start":
            s_dag, s_ts, fase = feiten.fasestart(eind)
            start = (s_ts, s_dag)
            fase = fase or self._eerste_fase
            termijn = self._dagen if self._dagen is not None else self._streefduur[fase]
        else:
            herstart = self._feiten(feiten)
            # the last restart on or before `eind` (days ascend with the timestamps)
            i = bisect_right(herstart, eind, key=_dag_van)
            return self._meet_lopend(feiten, herstart[i - 1], peildag, gesloten, eind)
        momenten = self._feiten(feiten) if self._voorwaarden else ()
        gehaald: Moment | None = None
        if momenten:
            j = bisect_left(momenten, (start[0], -1)) if anker == "fase-start" else 0
            if j < len(momenten) and momenten[j][1] <= peildag:
                gehaald = momenten[j]
        grens_ts: float | None = None
        if self._uren is not None:
            grens_uur = start[0] + self._uren * 3600
            grens_ts, grens = grens_uur, dag(grens_uur)
        else:
            grens = start[1] + (termijn or 0)
        pauze = 0
        if self._pauzeerbaar and feiten.pauzes:
            pauze = gepauzeerd(feiten.pauzes, start[1], gehaald[1] if gehaald else eind)
            grens += pauze
            if grens_ts is not None:
                grens_ts += pauze * 86400
        detail = (start, fase, termijn, pauze, gehaald, grens_ts, gesloten)
        if gehaald is not None:
            op_tijd = gehaald[0] <= grens_ts if grens_ts is not None else gehaald[1] <= grens
            return (GEHAALD if op_tijd else TE_LAAT), grens, detail
        if gesloten is not None and grens >= gesloten:
            return None
        return _ongehaald(grens, peildag), grens, detail

    def _meet_lopend(
        self, feiten: Feiten, start: Moment, peildag: int, gesloten: int | None, eind: int
    ) -> Uitkomst | None:
        if self._uren is not None:
            grens = dag(start[0] + self._uren * 3600)
        else:
            grens = start[1] + (self._dagen or 0)
        pauze = 0
        if self._pauzeerbaar and feiten.pauzes:
            pauze = gepauzeerd(feiten.pauzes, start[1], eind)
            grens += pauze
        if gesloten is not None and grens >= gesloten:
            return None
        herstart = (
            "aanmelding"
            if start == feiten.aangemeld
            else ("heropend" if start in feiten.heropeningen else None)
        )
        detail = (start, herstart, self._dagen, pauze, None, None, gesloten)
        return _ongehaald(grens, peildag), grens, detail

    def _meet_gebeurtenis(
        self, feiten: Feiten, peildag: int, gesloten: int | None
    ) -> Uitkomst | None:
        slechtste: Uitkomst | None = None
        pauzes = feiten.pauzes if self._pauzeerbaar else None
        for anker in self._feiten(feiten):
            a_ts, a_dag, grens, grens_ts, gehaald = anker
            if a_dag > peildag:
                break
            if gehaald is not None and gehaald[1] > peildag:
                gehaald = None
            pauze = 0
            if pauzes:
                pauze = gepauzeerd(pauzes, a_dag, gehaald[1] if gehaald else (gesloten or peildag))
                grens += pauze
                if grens_ts is not None:
                    grens_ts += pauze * 86400
            if gehaald is not None:
                op_tijd = gehaald[0] <= grens_ts if grens_ts is not None else gehaald[1] <= grens
                code = GEHAALD if op_tijd else TE_LAAT
            elif gesloten is not None and grens >= gesloten:
                continue
            else:
                code = _ongehaald(grens, peildag)
            if (
                slechtste is None
                or code < slechtste[0]
                or (code == slechtste[0] and grens < slechtste[1])
            ):
                slechtste = (
                    code,
                    grens,
                    ((a_ts, a_dag), None, None, pauze, gehaald, grens_ts, gesloten),
                )
        return slechtste

    def meet_opgeslagen(self, momenten: tuple[Any, ...], peildag: int) -> Uitkomst | None:
        """The raw outcome at ``peildag`` when it is ``dreigt`` or ``verlopen``, else None.

        For ``signalen`` on a traject that is active at ``peildag`` (on or after its
        aanmelding), measured on the instants ``replay`` stored (``_normmomenten``) with the
        same arithmetic as ``meet``; only for a norm whose ``opgeslagen`` is not 0. Nothing is
        built for a norm that gives no signal.
        """
        soort = self.opgeslagen
        if soort == MELDING:
            return self._meldingsignaal(momenten, peildag)
        fase = None
        termijn: int | None
        if soort == FASE:
            starts = momenten[1]
            gekozen = starts[0]
            for start in reversed(starts):
                if start[0] <= peildag:
                    gekozen = start
                    break
            s_dag, s_ts, fase = gekozen
            fase = fase or self._eerste_fase
            termijn = self._dagen if self._dagen is not None else self._streefduur[fase]
            begin: Moment = (s_ts, s_dag)
        else:
            eerste = momenten[_INTAKE_MOMENT if soort == EERSTE_INTAKE else _PLAN_MOMENT]
            if eerste is not None and eerste[1] <= peildag:
                return None  # met: gehaald or te-laat
            begin = momenten[0]
            termijn = self._dagen
        grens = begin[1] + (termijn or 0)
        pauze = 0
        if self._pauzeerbaar and momenten[6]:
            pauze = gepauzeerd(momenten[6], begin[1], peildag)
            grens += pauze
        code = _ongehaald(grens, peildag)
        if code > DREIGT:
            return None
        return code, grens, (begin, fase, termijn, pauze, None, None, None)

    def _meldingsignaal(self, momenten: tuple[Any, ...], peildag: int) -> Uitkomst | None:
        # ``_meet_gebeurtenis`` for an active traject, keeping only unmet meldingen: a met one
        # is gehaald or te-laat, never worse than an unmet dreigt or verlopen one
        slechtste: Uitkomst | None = None
        pauzes = momenten[6] if self._pauzeerbaar else None
        uren = self._uren
        for ts, d, _a_ts, a_dag in momenten[_MELDINGEN]:
            if d > peildag:
                break
            if a_dag is not None and a_dag <= peildag:
                continue
            if uren is not None:
                grens_ts: float | None = ts + uren * 3600
                grens = dag(grens_ts)  # type: ignore[arg-type]  # set just above
            else:
                grens_ts, grens = None, d + (self._dagen or 0)
            pauze = 0
            if pauzes:
                pauze = gepauzeerd(pauzes, d, peildag)
                grens += pauze
                if grens_ts is not None:
                    grens_ts += pauze * 86400
            code = _ongehaald(grens, peildag)
            if code > DREIGT:
                continue
            if (
                slechtste is None
                or code < slechtste[0]
                or (code == slechtste[0] and grens < slechtste[1])
            ):
                slechtste = (code, grens, ((ts, d), None, None, pauze, None, grens_ts, None))
        return slechtste

    # -- explanation ------------------------------------------------------------------------

    def uitleg(self, uitkomst: Uitkomst, peildag: int) -> str:
        """The Dutch explanation of a raw outcome."""
        code, grens, detail = uitkomst
        start, fase, termijn, pauze, gehaald, grens_ts, gesloten = detail
        anker = self._anker
        if anker == "aanmelding":
            begin = f"Aangemeld op {datum_tekst(start[1])}"
        elif anker == "fase-start":
            naam = self._fasenamen.get(fase, fase)
            if self._uren is not None:
                duur = f"termijn {self._uren} uur"
            elif self._dagen is None:
                duur = f"streefduur {_duur_tekst(termijn)}"
            else:
                duur = f"termijn {_duur_tekst(termijn)}"
            begin = f"Fase {naam} begon op {datum_tekst(start[1])} ({duur})"
        elif anker == "gebeurtenis":
            soort = self.norm.anker_gebeurtenis or ""
            begin = f"{_SOORT_LABEL.get(soort, soort).capitalize()} op {moment_tekst(start[0])}"
        elif fase == "aanmelding":
            begin = f"Sinds de aanmelding op {datum_tekst(start[1])} nog geen {self._wat}"
        elif fase == "heropend":
            begin = f"Sinds de heropening op {datum_tekst(start[1])} nog geen {self._wat}"
        else:
            begin = f"Laatste {self._wat} op {datum_tekst(start[1])}"
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
            wanneer = moment_tekst(gehaald[0]) if grens_ts is not None else datum_tekst(gehaald[1])
            if code == GEHAALD:
                return f"{begin}; {self._wat} op {wanneer}, op tijd ({woord} liep {tot} {grens_tekst})."
            if grens_ts is not None:
                uren = int((gehaald[0] - grens_ts) // 3600)
                na = f"{uren} uur" if uren >= 1 else "minder dan een uur"
            else:
                na = dagen_tekst(gehaald[1] - grens)
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


def compileer(normen: Iterable[Norm], methodiek: Any) -> list[Meetlat]:
    """Compile norms against the fasen of ``methodiek`` (for the streefduur of each fase)."""
    streefduur = {f.id: f.streefduur.days for f in methodiek.fasen}
    fasenamen = {f.id: f.naam for f in methodiek.fasen}
    eerste = methodiek.fasen[0].id
    return [Meetlat(n, streefduur, fasenamen, eerste) for n in normen]
