"""Evaluating the group norms: ``groepstoets`` (design.md, "Groepsaanpak").

A group norm is measured per member, on the member's own traject, from anchors that lie in
the group's event stream:

* ``groepsmelding`` (``groep-contact-na-melding-24-uur``): every ``groepsmelding`` starts a
  clock for each traject that is a member at that moment. The norm is met at the later of
  two moments in the member's traject, both at or after the melding: the first event that
  meets ``voldaan_door`` (a contact with the jongere or a successful contactpoging) and, with
  ``ook_relatie``, the first ``contact`` with a betrokkene of that relatie (the parents). A
  member without such a betrokkene does not meet it. The worst outcome over the meldingen
  counts (verlopen > dreigt > te-laat > open > gehaald; among equals the earliest deadline).
* ``groepslid`` (the opt-in ``groep-contact-per-week``): from the moment a member is added,
  consecutive periods of ``dagen`` days (elapsed time) while the member stays in an active
  group; each period needs ``aantal`` matching events of the member's traject. A period that
  ends after the member left or the group closed counts only when met or already overdue.

Both come down to the one deadline/status function of the norm engine, ``assess``
(``ija_core.normen._measure``), on the member's ``Timeline`` (``first_at_or_after`` and
``moments``), so the statuses are those of every other norm.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import date
from typing import Any

from ija_core._instant import moment
from ija_core.errors import OngeldigeInvoer
from ija_core.groep.groep import Groep
from ija_core.methodiek import Methodiek
from ija_core.normen._evaluation import Normuitkomst, _measures, _peildag, signalen, urgentie
from ija_core.normen._measure import (
    DREIGT,
    GEHAALD,
    NORMSTATUS,
    TE_LAAT,
    VERLOPEN,
    Measure,
    assess,
    default_group_measures,
    voorwaarde_tekst,
)
from ija_core.normen._texts import dag, dagen_tekst, datum_tekst, moment_tekst
from ija_core.normen._timeline import Instant, Matcher, Timeline, timeline_of
from ija_core.normen.model import Norm, Voorwaarde
from ija_core.traject.events import BetrokkeneToegevoegd
from ija_core.traject.traject import Traject

__all__ = ["alle_signalen", "groepssignalen", "groepstoets"]

_LAATSTE_DAG = date.max.toordinal()


def _trajecten(groep: Groep, trajecten: Any, verwijderd: Iterable[str] = ()) -> dict[str, Traject]:
    """The member trajecten by id; refuses anything else, doubles, and missing members (but
    for the ``verwijderd`` ones: erased from a store, they count as erased, not missing)."""
    if isinstance(trajecten, str | bytes | Traject) or not isinstance(trajecten, Iterable):
        raise OngeldigeInvoer(
            f"trajecten: verwacht een lijst van Trajecten (kreeg {type(trajecten).__name__})"
        )
    per_id: dict[str, Traject] = {}
    for i, t in enumerate(trajecten):
        if not isinstance(t, Traject):
            raise OngeldigeInvoer(
                f"trajecten[{i}]: verwacht een Traject (ija.Traject.replay of ija.from_json), "
                f"kreeg {type(t).__name__}"
            )
        if t.id in per_id:
            raise OngeldigeInvoer(
                f"trajecten[{i}]: traject {t.id!r} staat twee keer in de lijst; elk traject "
                "hoort er één keer in"
            )
        per_id[t.id] = t
    nodig = dict.fromkeys(groep.leden)
    for melding in groep.meldingen:
        nodig.update(dict.fromkeys(groep.leden_op(melding.op)))
    weg = set(verwijderd)
    ontbreekt = [tid for tid in nodig if tid not in per_id and tid not in weg]
    if ontbreekt:
        raise OngeldigeInvoer(
            f"trajecten: het traject ontbreekt van {'lid' if len(ontbreekt) == 1 else 'leden'} "
            f"{', '.join(ontbreekt)} van groep {groep.id!r}; geef de trajecten van alle "
            "(huidige en vroegere) leden mee"
        )
    return per_id


def _relatie_matcher(t: Traject, relatie: str) -> Matcher | None:
    """A ``contact`` with any betrokkene (ever) of this relatie in ``t``, or None without one."""
    ids = [e.id for e in t.events if isinstance(e, BetrokkeneToegevoegd) and e.relatie == relatie]
    if not ids:
        return None
    return Matcher.of(
        Voorwaarde(soort="contact", velden=(("betrokkene", bid),)) for bid in dict.fromkeys(ids)
    )


def _beter(code: int, deadline: int, worst: tuple[Any, ...] | None) -> bool:
    return worst is None or code < worst[0] or (code == worst[0] and deadline < worst[1])


def _wat(measure: Measure) -> str:
    return " of ".join(voorwaarde_tekst(v) for v in measure.norm.voldaan_door)


def _per_melding(  # noqa: PLR0917 - one member's inputs, all needed
    groep: Groep, measure: Measure, t: Traject, tl: Timeline, peildag: int, closed: int | None
) -> tuple[int, int, str] | None:
    """The worst outcome over the groepsmeldingen for one member, with its explanation."""
    norm = measure.norm
    uren, dagen = norm.uren, norm.dagen
    relatie = _relatie_matcher(t, norm.ook_relatie) if norm.ook_relatie else None
    worst: tuple[Any, ...] | None = None
    for melding in groep.meldingen:
        if t.id not in groep.leden_op(melding.op):
            continue
        a_ts, a_day = moment(melding.op)
        if a_day > peildag:
            break
        jongere = tl.first_at_or_after(measure.matcher, a_ts)
        ouder: Instant | None = None
        if norm.ook_relatie is not None:
            ouder = tl.first_at_or_after(relatie, a_ts) if relatie is not None else None
            met = None if jongere is None or ouder is None else max(jongere, ouder)
        else:
            met = jongere
        uitkomst = assess(a_ts, a_day, dagen, uren, None, met, peildag, closed)
        if uitkomst is None:
            continue
        code, deadline, deadline_ts, _ = uitkomst
        if _beter(code, deadline, worst):
            worst = (code, deadline, melding, met, deadline_ts, jongere, ouder, relatie)
    if worst is None:
        return None
    code, deadline, melding, met, deadline_ts, jongere, ouder, relatie = worst
    begin = f"Groepsmelding ({melding.soort}, door {melding.melder}) op {moment_tekst(moment(melding.op)[0])}"
    grens = moment_tekst(deadline_ts) if deadline_ts is not None else datum_tekst(deadline)
    wat = _wat(measure)
    if norm.ook_relatie is not None:
        wat = f"{wat}, én contact met een betrokkene met relatie {norm.ook_relatie}"
    if code in (GEHAALD, TE_LAAT):
        wanneer = moment_tekst(met.ts)
        if code == GEHAALD:
            return code, deadline, f"{begin}; {wat}: rond op {wanneer}, op tijd (tot {grens})."
        return code, deadline, f"{begin}; {wat}: rond op {wanneer}, na de termijn van {grens}."
    ontbreekt = []
    if jongere is None or jongere.day > peildag:
        ontbreekt.append(_wat(measure))
    if norm.ook_relatie is not None:
        if relatie is None:
            ontbreekt.append(
                f"contact met een ouder (het traject heeft geen betrokkene met relatie "
                f"{norm.ook_relatie})"
            )
        elif ouder is None or ouder.day > peildag:
            ontbreekt.append(f"contact met een betrokkene met relatie {norm.ook_relatie}")
    nog = f"nog geen {' en geen '.join(ontbreekt)}" if ontbreekt else "nog niet op tijd rond"
    over = deadline - peildag
    if code == VERLOPEN:
        return (
            code,
            deadline,
            f"{begin}; {nog}: de termijn liep af op {grens}, {dagen_tekst(-over)} geleden.",
        )
    if code == DREIGT:
        wanneer = "vandaag" if over == 0 else f"over {dagen_tekst(over)}"
        return code, deadline, f"{begin}; {nog}: de termijn loopt af op {grens} ({wanneer})."
    return code, deadline, f"{begin}; {nog}: de termijn loopt tot {grens}, nog {dagen_tekst(over)}."


def _per_week(
    groep: Groep, measure: Measure, tl: Timeline, tid: str, peildag: int
) -> tuple[int, int, str] | None:
    """The worst period of a ``groepslid`` norm for one member, with its explanation."""
    norm = measure.norm
    lengte = (norm.dagen * 24 if norm.dagen is not None else norm.uren or 0) * 3600
    nodig = norm.aantal
    alle = [m.ts for m in tl.moments(measure.matcher) if m.day <= peildag]
    eind_groep = moment(groep.afgesloten_op)[0] if groep.afgesloten_op is not None else None
    worst: tuple[Any, ...] | None = None
    for lm in groep.lidmaatschappen:
        if lm.traject != tid:
            continue
        eind = moment(lm.tot)[0] if lm.tot is not None else None
        if eind_groep is not None and (eind is None or eind_groep < eind):
            eind = eind_groep
        start = moment(lm.van)[0]
        while eind is None or start < eind:
            start_day = dag(start)
            if start_day > peildag:
                break
            closed = dag(eind) if eind is not None and start + lengte > eind else None
            i = bisect_left(alle, start)
            binnen = [ts for ts in alle[i:] if ts <= start + lengte]
            met = None
            if len(binnen) >= nodig:
                ts = binnen[nodig - 1]
                met = Instant(ts, dag(ts))
            elif closed is None and len(alle) - i >= nodig:
                ts = alle[i + nodig - 1]  # met, but after the period
                met = Instant(ts, dag(ts))
            uitkomst = assess(start, start_day, None, lengte // 3600, None, met, peildag, closed)
            if uitkomst is not None:
                code, deadline, deadline_ts, _ = uitkomst
                if _beter(code, deadline, worst):
                    worst = (code, deadline, start, deadline_ts, len(binnen))
            start += lengte
    if worst is None:
        return None
    code, deadline, start, deadline_ts, aantal = worst
    begin = (
        f"Periode van {moment_tekst(start)} tot {moment_tekst(deadline_ts)}: "
        f"{aantal} keer {_wat(measure)} (nodig: {nodig})"
    )
    if code == GEHAALD:
        return code, deadline, f"{begin}; gehaald."
    if code == TE_LAAT:
        return code, deadline, f"{begin}; het {nodig}e contact kwam pas na de periode."
    over = deadline - peildag
    if code == VERLOPEN:
        return code, deadline, f"{begin}; de periode liep af {dagen_tekst(-over)} geleden."
    return code, deadline, f"{begin}; de periode loopt nog {dagen_tekst(over)}."


def groepstoets(
    groep: Groep,
    trajecten: Iterable[Traject],
    *,
    peildatum: date,
    methodiek: Methodiek,
    normen: Iterable[Norm | str] | None = None,
    verwijderd: Iterable[str] = (),
) -> list[Normuitkomst]:
    """Evaluate the group norms for every member of ``groep`` at ``peildatum``.

    One ``Normuitkomst`` per group norm and member with something to measure (``traject`` is
    the member's traject id), sorted by norm id and then by the order the members were added.
    By default every group norm with ``standaard_aan`` (``groep-contact-na-melding-24-uur``);
    ``normen=`` takes group norm ids or ``Norm`` objects instead (the opt-in
    ``groep-contact-per-week``, or a variant made with ``Norm.ingesteld``). A peildatum before
    the group's aanmelding gives no outcomes; events on later days are ignored.

    Raises:
        OngeldigeInvoer: not a ``Groep``; ``trajecten`` is not a list of ``Traject`` objects,
            names a traject twice, or lacks the traject of a current member or of a member at
            any groepsmelding (the message names the ids); a norm that is not a group norm; as
            for ``normtoets`` otherwise.
    """
    peildag = _peildag(peildatum)
    measures = _measures(methodiek, normen)
    if not isinstance(groep, Groep):
        raise OngeldigeInvoer(
            f"groep: verwacht een Groep (ija.Groep.replay of ija.from_json), "
            f"kreeg {type(groep).__name__}"
        )
    if normen is None:
        measures = default_group_measures(methodiek)
    else:
        geen = [ms.id for ms in measures if not ms.norm.groepsnorm]
        if geen:
            raise OngeldigeInvoer(
                f"normen: {', '.join(geen)} is geen groepsnorm; groepstoets meet alleen "
                "groepsnormen (en normtoets de normen van één traject)"
            )
    per_id = _trajecten(groep, trajecten, verwijderd)
    if peildag < moment(groep.aangemeld_op)[1]:
        return []
    uitkomsten: list[Normuitkomst] = []
    groep_dicht = moment(groep.afgesloten_op)[1] if groep.afgesloten_op is not None else None
    for measure in measures:
        for tid in groep.ooit_leden:
            t = per_id.get(tid)
            if t is None:
                continue  # a former member without a melding: nothing to measure
            tl = timeline_of(t)
            if measure.norm.anker == "groepsmelding":
                closed = tl.afsluitdag(peildag) if tl.afsluitingen else None
                if groep_dicht is not None and groep_dicht <= peildag:
                    closed = groep_dicht if closed is None else min(closed, groep_dicht)
                gevonden = _per_melding(groep, measure, t, tl, peildag, closed)
            else:
                gevonden = _per_week(groep, measure, tl, tid, peildag)
            if gevonden is None:
                continue
            code, deadline, uitleg = gevonden
            if deadline > _LAATSTE_DAG:
                raise OngeldigeInvoer(
                    f"groep {groep.id!r}: de deadline van norm {measure.id} valt na "
                    f"{datum_tekst(_LAATSTE_DAG)}"
                )
            uitkomsten.append(
                Normuitkomst(
                    traject=tid,
                    norm=measure.id,
                    status=NORMSTATUS[code],
                    deadline=date.fromordinal(deadline),
                    dagen=deadline - peildag,
                    uitleg=uitleg,
                )
            )
    return uitkomsten


def groepssignalen(
    groepen: Iterable[Groep],
    trajecten: Iterable[Traject],
    *,
    peildatum: date,
    methodiek: Methodiek,
    normen: Iterable[Norm | str] | None = None,
    verwijderd: Iterable[str] = (),
) -> list[Normuitkomst]:
    """The ``dreigt`` and ``verlopen`` outcomes of the group norms over many groups, most
    urgent first (the order of ``signalen``).

    As ``signalen`` skips closed trajecten, a group closed at the peildatum is skipped, and so
    is a member whose own traject is closed at the peildatum. Each group needs the trajecten
    of its members among ``trajecten`` (``OngeldigeInvoer`` naming the group and the ids).
    """
    peildag = _peildag(peildatum)
    alle = list(trajecten)
    weg = tuple(verwijderd)
    per_id = {t.id: t for t in alle if isinstance(t, Traject)}
    uit: list[Normuitkomst] = []
    gezien: set[str] = set()
    for i, g in enumerate(groepen):
        if not isinstance(g, Groep):
            raise OngeldigeInvoer(
                f"groepen[{i}]: verwacht een Groep, kreeg {type(g).__name__}"
            )
        if g.id in gezien:
            raise OngeldigeInvoer(f"groepen[{i}]: groep {g.id!r} staat twee keer in de lijst")
        gezien.add(g.id)
        if g.afgesloten_op is not None and moment(g.afgesloten_op)[1] <= peildag:
            continue
        for u in groepstoets(
            g, alle, peildatum=peildatum, methodiek=methodiek, normen=normen, verwijderd=weg
        ):
            if u.status not in ("dreigt", "verlopen"):
                continue
            tl = timeline_of(per_id[u.traject])
            if tl.afsluitingen and tl.afsluitdag(peildag) is not None:
                continue
            uit.append(u)
    uit.sort(key=urgentie)
    return uit


def alle_signalen(
    trajecten: Iterable[Traject],
    groepen: Iterable[Groep],
    *,
    peildatum: date,
    methodiek: Methodiek,
    normen: Iterable[Norm | str] | None = None,
    verwijderd: Iterable[str] = (),
) -> list[Normuitkomst]:
    """``signalen`` over the trajecten together with ``groepssignalen`` over the groups, most
    urgent first (the order of ``signalen``): what ``db.signalen`` of ``ija_core.opslag``
    gives, for an app that keeps its trajecten and groups itself.

    ``normen`` (ids or ``Norm`` objects) may mix traject norms and group norms: each is
    evaluated where it belongs (``ija.signalen`` stays about trajecten). Each group needs the
    trajecten of its members among ``trajecten``; ``verwijderd`` names erased trajecten, which
    count as erased members (the group's other members are measured as before).

    Raises:
        OngeldigeInvoer: as for ``signalen`` and ``groepstoets`` (an unknown norm, a member's
            traject missing, naming the group and the ids).
    """
    for naam, waarde, soort in (
        ("trajecten", trajecten, "Trajecten"),
        ("groepen", groepen, "Groepen"),
    ):
        if isinstance(waarde, str | bytes | Traject | Groep) or not isinstance(waarde, Iterable):
            raise OngeldigeInvoer(
                f"{naam}: verwacht een lijst van {soort} (kreeg {type(waarde).__name__})"
            )
    lijst = list(trajecten)
    groepen = list(groepen)
    traject_normen: list[Norm] | None = None
    groep_normen: list[Norm] | None = None
    if normen is not None:
        gekozen = [ms.norm for ms in _measures(methodiek, normen)]
        traject_normen = [n for n in gekozen if not n.groepsnorm]
        groep_normen = [n for n in gekozen if n.groepsnorm]
    uit = signalen(lijst, peildatum=peildatum, methodiek=methodiek, normen=traject_normen)
    if groepen:
        uit.extend(
            groepssignalen(
                groepen,
                lijst,
                peildatum=peildatum,
                methodiek=methodiek,
                normen=groep_normen,
                verwijderd=verwijderd,
            )
        )
        uit.sort(key=urgentie)
    return uit
