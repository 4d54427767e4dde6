"""Evaluating service norms: ``normtoets`` for one traject, ``signalen`` over a caseload.

The contract is design.md, "Norms". In short, at a peildatum (a day; events on later days are
ignored): one ``Normuitkomst`` per applicable norm with a status ``gehaald``, ``te-laat``,
``open``, ``dreigt`` or ``verlopen``, the deadline day, the days left (``deadline −
peildatum``, negative when over) and a Dutch explanation. ``signalen`` keeps the ``dreigt``
and ``verlopen`` outcomes of the trajecten that are not closed at the peildatum, most urgent
first.

Which norms: by default every norm of the methodiek with ``standaard_aan`` (the four default
norms of the built-in plugin, not all of them the handbook's, and the norms of plugins);
ija-core's local norms
(``eerste-contactpoging``, ``geeft-niet-op``, ``contact-netwerk-na-melding``) only when asked
for with ``normen=``, which takes norm ids or ``Norm`` objects (so a wijkteam can pass
``norm.ingesteld(dagen=10)``).

How: each traject's ``Timeline`` (``ija_core.normen._timeline``) holds the instants the norms
measure as numbers; ``Traject.replay`` fills it while building the traject, any other
``Traject`` gets it on first use. Each norm is compiled once per methodiek into a ``Measure``
(``ija_core.normen._measure``) whose one deadline/pause/status function evaluates it on the
timeline. Evaluating at a peildatum is then integer arithmetic on day ordinals, and
explanations are only written for the outcomes that are returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from attrs import field, frozen, validators

from ija_core.errors import OngeldigeInvoer
from ija_core.methodiek import Methodiek
from ija_core.normen._measure import (
    NORMSTATUS,
    Measure,
    Normstatus,
    Uitkomst,
    compiled_norms,
    default_measures,
)
from ija_core.normen._texts import datum_tekst
from ija_core.normen._timeline import timeline_of
from ija_core.normen.model import Norm
from ija_core.traject.traject import Traject

__all__ = ["Normuitkomst", "normtoets", "signalen"]

_LAATSTE_DAG = date.max.toordinal()


@frozen(kw_only=True)
class Normuitkomst:
    """The outcome of one norm for one traject at a peildatum (compared by value).

    Attributes:
        traject: the traject id.
        norm: the norm id.
        status: ``gehaald`` (met on or before the deadline), ``te-laat`` (met after it),
            ``open`` (unmet, more than 7 days left), ``dreigt`` (unmet, 0 to 7 days left) or
            ``verlopen`` (unmet, the deadline day has passed).
        deadline: the deadline day (Europe/Amsterdam).
        dagen: ``deadline − peildatum`` in days, for every status (negative when over).
        uitleg: why, in Dutch, with the dates involved.
    """

    traject: str
    norm: str
    status: Normstatus = field(validator=validators.in_(NORMSTATUS))
    deadline: date
    dagen: int
    uitleg: str


def _measures(methodiek: Any, normen: Any) -> list[Measure]:
    if not isinstance(methodiek, Methodiek):
        raise OngeldigeInvoer(
            f"methodiek: verwacht een Methodiek (ija.load_methodiek()), "
            f"kreeg {type(methodiek).__name__}"
        )
    if normen is None:
        return default_measures(methodiek)
    if isinstance(normen, str | bytes) or not isinstance(normen, Iterable):
        raise OngeldigeInvoer(
            f"normen: verwacht een lijst van norm-ids of Norm-objecten "
            f"(kreeg {type(normen).__name__})"
        )
    gekozen: list[Norm] = []
    fouten: list[str] = []
    for i, n in enumerate(normen):
        if isinstance(n, Norm):
            gekozen.append(n)
        elif isinstance(n, str):
            try:
                gekozen.append(methodiek.norm(n))
            except OngeldigeInvoer as exc:
                fouten.extend(exc.met_prefix(f"normen[{i}]").fouten)
        else:
            fouten.append(f"normen[{i}]: verwacht een norm-id of Norm (kreeg {type(n).__name__})")
    if fouten:
        raise OngeldigeInvoer(fouten)
    ids = [n.id for n in gekozen]
    dubbel = sorted({i for i in ids if ids.count(i) > 1})
    if dubbel:
        raise OngeldigeInvoer(f"normen: norm {', '.join(dubbel)} staat er meer dan eens in")
    gekozen.sort(key=lambda n: n.id)
    return compiled_norms(methodiek, tuple(gekozen))


def _peildag(peildatum: Any) -> int:
    if isinstance(peildatum, datetime):
        raise OngeldigeInvoer(
            f"peildatum: verwacht een datum (datetime.date), geen tijdstip (kreeg {peildatum!r})"
        )
    if not isinstance(peildatum, date):
        raise OngeldigeInvoer(
            f"peildatum: verwacht een datum (datetime.date), "
            f"kreeg {type(peildatum).__name__}: {peildatum!r:.60}"
        )
    return peildatum.toordinal()


def _geen_traject(pad: str, waarde: Any) -> OngeldigeInvoer:
    return OngeldigeInvoer(
        f"{pad}: verwacht een Traject (ija.Traject.replay of ija.from_json), "
        f"kreeg {type(waarde).__name__}"
    )


def normtoets(
    traject: Traject,
    *,
    peildatum: date,
    methodiek: Methodiek,
    normen: Iterable[Norm | str] | None = None,
) -> list[Normuitkomst]:
    """Evaluate every applicable norm for one traject at ``peildatum``, sorted by norm id.

    A peildatum before the aanmelding gives an empty list. A norm of another aanbieder, or one
    with nothing to measure (no melding for the 24-hour norm), is left out. For a traject
    closed at the peildatum a norm unmet at the closing is ``verlopen`` if its deadline day had
    passed by the closing day, and left out otherwise.

    Args:
        traject: a ``Traject``.
        peildatum: the day to evaluate at (Europe/Amsterdam); events on later days are ignored.
        methodiek: the methodiek (its norms, and the streefduur of each fase).
        normen: norm ids or ``Norm`` objects to evaluate instead of the default set (every
            norm with ``standaard_aan``).

    Raises:
        OngeldigeInvoer: not a ``Traject``, a peildatum that is not a date, a methodiek that
            is not a ``Methodiek``, an unknown norm id, or a deadline after 31 December 9999.
    """
    peildag = _peildag(peildatum)
    measures = _measures(methodiek, normen)
    if traject.__class__ is not Traject and not isinstance(traject, Traject):
        raise _geen_traject("traject", traject)
    tl = timeline_of(traject)
    if peildag < tl.aangemeld.day:
        return []
    closed = tl.afsluitdag(peildag) if tl.afsluitingen else None
    uitkomsten = []
    for measure in measures:
        if measure.aanbieder is not None and measure.aanbieder != tl.aanbieder:
            continue
        outcome = measure.measure(tl, peildag, closed)
        if outcome is not None:
            uitkomsten.append(_uitkomst(tl.traject, measure, outcome, peildag))
    return uitkomsten


def _uitkomst(traject: str, measure: Measure, outcome: Uitkomst, peildag: int) -> Normuitkomst:
    deadline = outcome.deadline
    if deadline > _LAATSTE_DAG:
        raise OngeldigeInvoer(
            f"traject {traject!r}: de deadline van norm {measure.id} valt na "
            f"{datum_tekst(_LAATSTE_DAG)}, de laatste datum die ija-core kan weergeven "
            "(een tijdstip als 9999-12-31 is meestal een 'onbekend'-waarde uit een database)"
        )
    return Normuitkomst(
        traject=traject,
        norm=measure.id,
        status=NORMSTATUS[outcome.code],
        deadline=date.fromordinal(deadline),
        dagen=deadline - peildag,
        uitleg=measure.uitleg(outcome, peildag),
    )


def urgentie(uitkomst: Normuitkomst) -> tuple[int, int, str, str]:
    """The sort key of ``signalen``: verlopen first, fewest days left, traject id, norm id."""
    return (
        0 if uitkomst.status == "verlopen" else 1,
        uitkomst.dagen,
        uitkomst.traject,
        uitkomst.norm,
    )


def signalen(
    trajecten: Iterable[Traject],
    *,
    peildatum: date,
    methodiek: Methodiek,
    normen: Iterable[Norm | str] | None = None,
) -> list[Normuitkomst]:
    """The ``dreigt`` and ``verlopen`` outcomes over many trajecten, most urgent first.

    The order is total and deterministic: ``verlopen`` before ``dreigt``, then the fewest
    days left (the most overdue first), then traject id, then norm id. Trajecten closed at the
    peildatum are skipped; the norms are chosen as in ``normtoets``.

    Raises:
        OngeldigeInvoer: ``trajecten`` is not a collection of ``Traject`` objects, the same
            traject id occurs twice (naming both places, ``$[i]``), or as for ``normtoets``.
    """
    peildag = _peildag(peildatum)
    measures = _measures(methodiek, normen)
    if isinstance(trajecten, str | bytes | Traject) or not isinstance(trajecten, Iterable):
        raise OngeldigeInvoer(
            f"trajecten: verwacht een lijst van Trajecten (kreeg {type(trajecten).__name__})"
        )
    gevonden: list[tuple[int, int, str, str, Measure, Uitkomst]] = []
    voeg_toe = gevonden.append
    plaats: dict[str, int] = {}
    per_aanbieder: dict[str | None, list[tuple[Measure, Any]]] = {}
    eerder = plaats.setdefault
    cls = Traject
    for i, traject in enumerate(trajecten):
        if traject.__class__ is not cls and not isinstance(traject, cls):
            raise _geen_traject(f"$[{i}]", traject)
        tl = timeline_of(traject)
        tid = tl.traject
        j = eerder(tid, i)
        if j != i:
            raise OngeldigeInvoer(
                f"$[{i}]: traject {tid!r} staat twee keer in de lijst, op $[{j}] en op $[{i}] "
                f"(het {j + 1}e en het {i + 1}e traject); elk traject hoort er één keer in"
            )
        if peildag < tl.aangemeld.day or (tl.afsluitingen and tl.afsluitdag(peildag) is not None):
            continue
        aanbieder = tl.aanbieder
        toepasselijk = per_aanbieder.get(aanbieder)
        if toepasselijk is None:
            toepasselijk = per_aanbieder[aanbieder] = [
                (m, m.evaluate) for m in measures if m.aanbieder in (None, aanbieder)
            ]
        for measure, evaluate in toepasselijk:
            outcome = evaluate(tl, peildag, None, True)
            if outcome is not None:
                voeg_toe((outcome.code, outcome.deadline, tid, measure.id, measure, outcome))
    gevonden.sort(key=_sleutel)
    return [_uitkomst(t, measure, outcome, peildag) for _c, _g, t, _n, measure, outcome in gevonden]


def _sleutel(item: Sequence[Any]) -> tuple[int, int, str, str]:
    # status code (verlopen 0 < dreigt 1), deadline (same order as days left), traject, norm
    return item[0], item[1], item[2], item[3]
