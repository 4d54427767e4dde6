"""Evaluating service norms: ``normtoets`` for one traject, ``signalen`` over a caseload.

The contract is design.md, "Norms". In short, at a peildatum (a day; events on later days are
ignored): one ``Normuitkomst`` per applicable norm with a status ``gehaald``, ``te-laat``,
``open``, ``dreigt`` or ``verlopen``, the deadline day, the days left (``deadline −
peildatum``, negative when over) and a Dutch explanation. ``signalen`` keeps the ``dreigt``
and ``verlopen`` outcomes of the trajecten that are not closed at the peildatum, most urgent
first.

Which norms: by default every norm of the methodiek with ``standaard_aan`` (the four handbook
norms and the norms of plugins); the local practice norms of the handbook plugin
(``eerste-contactpoging``, ``geeft-niet-op``, ``contact-netwerk-na-melding``) only when asked
for with ``normen=``, which takes norm ids or ``Norm`` objects (so a wijkteam can pass
``norm.ingesteld(dagen=10)``).

Speed: converting an instant to a timestamp and an Amsterdam day is the main cost, so the
facts a traject's norms need are converted lazily, only as far as a norm asks for them, and
remembered per traject object (see ``ija_core.normen.feiten``); ``signalen`` skips a closed
traject on its closing moment alone. A ``Traject`` built by ``replay`` already holds the
instants the default norms need as numbers (meldingen and their first answer included), so
``signalen`` measures those norms on them directly (``Meetlat.meet_opgeslagen``), without
gathering facts. Evaluating at a peildatum is then integer arithmetic on
day ordinals, and explanations are only written for the outcomes that are returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from attrs import field, frozen, validators

from ija_core.errors import OngeldigeInvoer
from ija_core.methodiek import Methodiek
from ija_core.normen._tijd import dag, tijdstip
from ija_core.normen.feiten import Feiten, feiten_van, onthoud, onthouden
from ija_core.normen.meetlat import DREIGT, STATUS, Meetlat, compileer
from ija_core.normen.model import Norm
from ija_core.traject.traject import Traject

__all__ = ["Normuitkomst", "normtoets", "signalen"]

_STATUSSEN = ("gehaald", "te-laat", "open", "dreigt", "verlopen")


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
    status: str = field(validator=validators.in_(_STATUSSEN))
    deadline: date
    dagen: int
    uitleg: str


def _meetlatten(methodiek: Methodiek, normen: Iterable[Norm | str] | None) -> list[Meetlat]:
    if normen is None:
        gekozen = [n for n in methodiek.normen if n.standaard_aan]
    else:
        gekozen = []
        for n in normen:
            if isinstance(n, Norm):
                gekozen.append(n)
            elif isinstance(n, str):
                gekozen.append(methodiek.norm(n))
            else:
                raise OngeldigeInvoer(f"normen: verwacht een norm-id of Norm (kreeg {n!r})")
        ids = [n.id for n in gekozen]
        dubbel = sorted({i for i in ids if ids.count(i) > 1})
        if dubbel:
            raise OngeldigeInvoer(f"normen: norm {', '.join(dubbel)} staat er meer dan eens in")
        gekozen.sort(key=lambda n: n.id)
    return _gecompileerd(methodiek, tuple(gekozen))


_COMPILATIES: dict[tuple[int, tuple[Norm, ...]], tuple[Methodiek, list[Meetlat]]] = {}


def _gecompileerd(methodiek: Methodiek, normen: tuple[Norm, ...]) -> list[Meetlat]:
    """Compiled norms, reused between calls so per-traject facts per norm stay cached."""
    sleutel = (id(methodiek), normen)
    gevonden = _COMPILATIES.get(sleutel)
    if gevonden is not None and gevonden[0] is methodiek:
        return gevonden[1]
    if len(_COMPILATIES) > 64:  # a long-running app with many variants: start afresh
        _COMPILATIES.clear()
    meetlatten = compileer(normen, methodiek)
    _COMPILATIES[sleutel] = (methodiek, meetlatten)
    return meetlatten


def _peildag(peildatum: Any) -> int:
    if not isinstance(peildatum, date) or hasattr(peildatum, "hour"):
        raise OngeldigeInvoer(
            f"peildatum: verwacht een datum (datetime.date), geen tijdstip (kreeg {peildatum!r})"
        )
    return peildatum.toordinal()


def _feiten(traject: Any, verzamel: Callable[[Any], Feiten] = feiten_van) -> Feiten:
    try:
        return verzamel(traject)
    except (AttributeError, IndexError, TypeError) as exc:
        raise OngeldigeInvoer(
            f"traject: verwacht een Traject met gebeurtenissen (kreeg {type(traject).__name__}: {exc})"
        ) from exc


def normtoets(
    traject: Any,
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
        OngeldigeInvoer: a peildatum that is not a date, an unknown norm id, or not a traject.
    """
    peildag = _peildag(peildatum)
    meetlatten = _meetlatten(methodiek, normen)
    feiten = _feiten(traject)
    if peildag < feiten.aangemeld[1]:
        return []
    gesloten = feiten.gesloten_op(peildag)
    uitkomsten = []
    for meetlat in meetlatten:
        if meetlat.aanbieder is not None and meetlat.aanbieder != feiten.aanbieder:
            continue
        ruw = meetlat.meet(feiten, peildag, gesloten)
        if ruw is not None:
            uitkomsten.append(_uitkomst(feiten.traject, meetlat, ruw, peildag))
    return uitkomsten


def _uitkomst(traject: str, meetlat: Meetlat, ruw: Any, peildag: int) -> Normuitkomst:
    code, grens, _detail = ruw
    return Normuitkomst(
        traject=traject,
        norm=meetlat.id,
        status=STATUS[code],
        deadline=date.fromordinal(grens),
        dagen=grens - peildag,
        uitleg=meetlat.uitleg(ruw, peildag),
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
    trajecten: Iterable[Any],
    *,
    peildatum: date,
    methodiek: Methodiek,
    normen: Iterable[Norm | str] | None = None,
) -> list[Normuitkomst]:
    """The ``dreigt`` and ``verlopen`` outcomes over many trajecten, most urgent first.

    The order is total and deterministic: ``verlopen`` before ``dreigt``, then the fewest
    days left (the most overdue first), then traject id, then norm id. Trajecten closed at the
    peildatum are skipped; the norms are chosen as in ``normtoets``.
    """
    peildag = _peildag(peildatum)
    meetlatten = _meetlatten(methodiek, normen)
    gevonden: list[tuple[int, int, str, str, Meetlat, Any]] = []
    voeg_toe = gevonden.append
    # every norm measurable on the instants replay stores: no facts gathered for a Traject
    # that has them (the first call over freshly replayed trajecten, and every later one)
    opgeslagen = all(meetlat.opgeslagen for meetlat in meetlatten)
    for traject in trajecten:
        if opgeslagen and traject.__class__ is Traject:
            momenten = traject._normmomenten
            if momenten is not None:
                if peildag < momenten[0][1] or (momenten[2] and _gesloten(momenten[2], peildag)):
                    continue
                aanbieder = traject.aanbieder
                for meetlat in meetlatten:
                    if meetlat.aanbieder is not None and meetlat.aanbieder != aanbieder:
                        continue
                    ruw = meetlat.meet_opgeslagen(momenten, peildag)
                    if ruw is not None:
                        voeg_toe((ruw[0], ruw[1], str(traject.id), meetlat.id, meetlat, ruw))
                continue
        feiten = onthouden(traject)
        if feiten is None:
            # A Traject that is closed now and was closed on or before the peildatum is closed
            # at the peildatum: skipped on its closing moment alone, without gathering facts.
            if traject.__class__ is Traject and traject.status == "afgesloten":
                momenten = traject._normmomenten
                if momenten is not None:
                    # the current closing is the last one, stored as a day when built
                    if momenten[2][-1][0] <= peildag:
                        continue
                else:
                    sluiting = traject.afgesloten_op
                    if sluiting is not None and dag(tijdstip(sluiting)) <= peildag:
                        continue
            feiten = _feiten(traject, onthoud)
        if peildag < feiten.aangemeld[1] or (
            feiten.sluitingen and feiten.gesloten_op(peildag) is not None
        ):
            continue
        for meetlat in meetlatten:
            if meetlat.aanbieder is not None and meetlat.aanbieder != feiten.aanbieder:
                continue
            ruw = meetlat.meet(feiten, peildag, None)
            if ruw is not None and ruw[0] <= DREIGT:
                voeg_toe((ruw[0], ruw[1], feiten.traject, meetlat.id, meetlat, ruw))
    gevonden.sort(key=_sleutel)
    return [_uitkomst(t, meetlat, ruw, peildag) for _c, _g, t, _n, meetlat, ruw in gevonden]


def _gesloten(sluitingen: Sequence[Sequence[Any]], peildag: int) -> bool:
    """Whether a traject with these stored closings is closed at ``peildag``.

    ``sluitingen``: ``(closing day, closing timestamp, reopening day or None)`` per closing,
    as ``Feiten.gesloten_op`` reads them.
    """
    for sluiting in reversed(sluitingen):
        if sluiting[0] <= peildag:
            heropend = sluiting[2]
            return heropend is None or heropend > peildag
    return False


def _sleutel(item: Sequence[Any]) -> tuple[int, int, str, str]:
    # status code (verlopen 0 < dreigt 1), deadline (same order as days left), traject, norm
    return item[0], item[1], item[2], item[3]
