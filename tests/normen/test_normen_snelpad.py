"""The lazy fast paths of the norm engine give the same outcomes as the plain definitions.

The engine converts only the moments a norm asks for, finds the contact after a melding by
its position in the event list, and lets ``signalen`` skip a closed traject on its closing
moment alone. These tests pin the edges of those shortcuts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

import ija_core as ija
from ija_core.normen._timeline import Instant, Matcher, timeline_of
from normen.bouw import aangemeld, ev, traject

ALLE_NORMEN = (
    "contact-na-melding-24-uur",
    "contact-netwerk-na-melding",
    "eerste-contactpoging",
    "fase-streefduur",
    "geeft-niet-op",
    "intake-binnen-6-weken",
    "plan-binnen-6-weken",
)


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    return ija.load_methodiek(entrypoints=False)


@attrs.frozen
class _Los:
    """Not a Traject: only an id and events (the engine gathers the facts from the events)."""

    id: str
    events: tuple[Any, ...]


def melding(op: str) -> dict[str, Any]:
    return ev("melding", op, soort="overlast", bron="politie")


def contact(op: str, met: str = "jongere") -> dict[str, Any]:
    return ev("contact", op, met=met, vorm="straat")


@pytest.mark.parametrize(
    ("contact_op", "melding_op", "status"),
    [
        # the same instant written with two offsets; the contact comes first in the list
        ("2024-03-02T10:00:00+01:00", "2024-03-02T09:00:00+00:00", "gehaald"),
        # a contact one minute before the melding does not answer it
        ("2024-03-02T09:59:00+01:00", "2024-03-02T10:00:00+01:00", "verlopen"),
    ],
    ids=["same-instant-listed-before", "earlier-contact"],
)
def test_a_contact_listed_before_the_melding_counts_only_at_the_same_instant(
    m: ija.Methodiek, contact_op: str, melding_op: str, status: str
) -> None:
    t = traject(aangemeld(), contact(contact_op), melding(melding_op), m=m)
    [u] = [
        u
        for u in ija.normtoets(t, peildatum=date(2024, 3, 5), methodiek=m)
        if u.norm == "contact-na-melding-24-uur"
    ]
    assert u.status == status


def _gevarieerd(m: ija.Methodiek) -> Any:
    """A traject with meldingen, contacts, a pause, a closing and a reopening."""
    return traject(
        aangemeld(),
        ev("contactpoging", "2024-03-02T10:00:00+01:00", kanaal="app", gelukt=False),
        melding("2024-03-03T20:00:00+01:00"),
        contact("2024-03-04T08:00:00+01:00", met="netwerk"),
        ev("contactpoging", "2024-03-04T19:00:00+01:00", kanaal="app", gelukt=True),
        melding("2024-03-05T12:00:00+01:00"),
        ev("kennismaking", "2024-03-06T10:00:00+01:00"),
        ev("verwachtingen-uitgesproken", "2024-03-07T10:00:00+01:00"),
        ev("opgeschort", "2024-03-08T10:00:00+01:00", reden="opname"),
        ev("hervat", "2024-03-20T10:00:00+01:00"),
        ev("fase-gewijzigd", "2024-03-21T10:00:00+01:00", naar="verdieping"),
        ev("intake", "2024-03-22T10:00:00+01:00"),
        melding("2024-03-23T10:00:00+01:00"),
        contact("2024-03-25T10:00:00+01:00"),
        ev("afgesloten", "2024-03-26T10:00:00+01:00", reden="verhuisd"),
        ev("heropend", "2024-04-10T10:00:00+02:00", naar="verdieping", reden="terug"),
        melding("2024-04-11T10:00:00+02:00"),
        m=m,
    )


@pytest.mark.parametrize(
    "peildatum",
    [date(2024, 3, d) for d in (1, 3, 4, 6, 15, 24, 27)]
    + [date(2024, 4, d) for d in (1, 10, 11, 12, 13, 30)]
    + [date(2024, 6, 1)],
)
def test_a_traject_built_any_way_gives_the_same_outcomes(m: ija.Methodiek, peildatum: date) -> None:
    """Replayed (its timeline filled by replay), copied with ``attrs.evolve`` and built event
    by event with ``registreer`` (timeline built on first use): the same outcomes."""
    t = _gevarieerd(m)
    kopie = attrs.evolve(t)
    stap = ija.Traject.replay(t.events[:1], methodiek=m)
    for event in t.events[1:]:
        stap = stap.registreer(event)
    for ander in (kopie, stap):
        assert ija.normtoets(t, peildatum=peildatum, methodiek=m, normen=ALLE_NORMEN) == (
            ija.normtoets(ander, peildatum=peildatum, methodiek=m, normen=ALLE_NORMEN)
        )
        assert ija.signalen([t], peildatum=peildatum, methodiek=m, normen=ALLE_NORMEN) == (
            ija.signalen([ander], peildatum=peildatum, methodiek=m, normen=ALLE_NORMEN)
        )


def test_an_object_with_id_and_events_is_not_a_traject(m: ija.Methodiek) -> None:
    t = _gevarieerd(m)
    los = _Los(id=t.id, events=tuple(reversed(t.events)))  # out of order: once answered wrongly
    with pytest.raises(ija.OngeldigeInvoer, match="verwacht een Traject"):
        ija.normtoets(los, peildatum=date(2024, 4, 1), methodiek=m)
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\[1\]: verwacht een Traject"):
        ija.signalen([t, los], peildatum=date(2024, 4, 1), methodiek=m)


def test_the_timeline_holds_the_closings_and_fase_starts(m: ija.Methodiek) -> None:
    tl = timeline_of(_gevarieerd(m))
    assert [c.day for c in tl.afsluitingen] == [date(2024, 3, 26).toordinal()]
    assert tl.afsluitingen[0].reopened == date(2024, 4, 10).toordinal()
    assert [r.day for r in tl.heropeningen] == [date(2024, 4, 10).toordinal()]
    assert [s.fase for s in tl.fasestarts] == [None, "verdieping", "verdieping"]
    assert tl.fasestart_op(date(2024, 3, 25).toordinal()) == tl.fasestarts[1]
    assert tl.fasestart_op(date(2024, 6, 1).toordinal()) == tl.fasestarts[-1]
    assert tl.pauzes == ((date(2024, 3, 8).toordinal(), date(2024, 3, 20).toordinal()),)
    assert tl.afsluitdag(date(2024, 3, 26).toordinal()) == date(2024, 3, 26).toordinal()
    assert tl.afsluitdag(date(2024, 4, 10).toordinal()) is None


def test_signalen_skips_a_closed_traject_only_from_its_closing_day(m: ija.Methodiek) -> None:
    t = traject(
        aangemeld(),
        ev("afgesloten", "2024-04-20T23:30:00+00:00", reden="verhuisd"),  # 21 April in Amsterdam
        m=m,
    )
    # the deadlines of intake and plan (12 April) had passed: verlopen while still open
    assert {u.norm for u in ija.signalen([t], peildatum=date(2024, 4, 20), methodiek=m)} >= {
        "intake-binnen-6-weken",
        "plan-binnen-6-weken",
    }
    assert ija.signalen([t], peildatum=date(2024, 4, 21), methodiek=m) == []


def test_the_answers_to_meldingen_follow_the_norms_own_conditions(m: ija.Methodiek) -> None:
    tl = timeline_of(_gevarieerd(m))
    norm = m.norm("contact-na-melding-24-uur")
    antwoorden = tl.answers("melding", Matcher.of(norm.voldaan_door))
    assert len(antwoorden) == 4
    # the first is answered by the successful contactpoging of 4 March (the contact with the
    # netwerk before it does not count); the third by the contact of 25 March; the last not
    assert antwoorden[0].met is not None
    assert antwoorden[0].met.day == date(2024, 3, 4).toordinal()
    assert antwoorden[2].met is not None
    assert antwoorden[2].met.day == date(2024, 3, 25).toordinal()
    assert antwoorden[3].met is None
    # the netwerk norm's own condition: the contact with the netwerk answers the first
    netwerk = tl.answers("melding", Matcher.of(m.norm("contact-netwerk-na-melding").voldaan_door))
    assert netwerk[0].met is not None
    assert netwerk[0].met.day == date(2024, 3, 4).toordinal()
    assert [a.met for a in netwerk[1:]] == [None, None, None]
    # the same conditions, the same question: one Matcher, remembered once
    assert Matcher.of(norm.voldaan_door) is Matcher.of(tuple(norm.voldaan_door))
    assert tl.answers("melding", Matcher.of(norm.voldaan_door)) is antwoorden


def test_a_contact_listed_before_a_melding_at_the_same_instant_answers_it(
    m: ija.Methodiek,
) -> None:
    t = traject(
        aangemeld(),
        contact("2024-03-02T10:00:00+01:00"),
        melding("2024-03-02T09:00:00+00:00"),
        melding("2024-03-02T09:00:00+00:00"),
        m=m,
    )
    matcher = Matcher.of(m.norm("contact-na-melding-24-uur").voldaan_door)
    antwoorden = timeline_of(t).answers("melding", matcher)
    assert [a.met for a in antwoorden] == [a.anchor for a in antwoorden]
    assert antwoorden[0].anchor == Instant(t.events[1].op.timestamp(), date(2024, 3, 2).toordinal())


def test_an_anchor_outside_the_traject_is_measured_with_the_same_function(
    m: ija.Methodiek,
) -> None:
    """The shape a group norm builds on: a groepsmelding is an instant outside the member's
    traject; the member's timeline gives the first contact at or after it, and ``assess``
    the deadline and status, as for a melding inside the traject."""
    from ija_core.normen._measure import GEHAALD, VERLOPEN, assess
    from ija_core.normen._timeline import Instant
    from ija_core.normen.model import Voorwaarde

    t = _gevarieerd(m)
    tl = timeline_of(t)
    jongere = Matcher.of(m.norm("contact-na-melding-24-uur").voldaan_door)
    ouder = Matcher.of((Voorwaarde(soort="contact", velden=(("met", "netwerk"),)),))
    groepsmelding = datetime_ts("2024-03-03T20:00:00+01:00")
    eerst = tl.first_at_or_after(jongere, groepsmelding)
    assert eerst is not None
    assert eerst.day == date(2024, 3, 4).toordinal()
    netwerk = tl.first_at_or_after(ouder, groepsmelding)
    assert netwerk is not None
    assert netwerk.ts < eerst.ts
    # both are needed: the later of the two counts
    beide = max(eerst, netwerk)
    dag = date(2024, 3, 3).toordinal()
    peildag = date(2024, 3, 10).toordinal()
    uitkomst = assess(groepsmelding, dag, None, 24, None, beide, peildag, None)
    assert uitkomst is not None
    assert uitkomst[0] == GEHAALD
    assert tl.first_at_or_after(ouder, datetime_ts("2024-03-05T00:00:00+01:00")) is None
    uitkomst = assess(groepsmelding, dag, None, 24, None, None, peildag, None)
    assert uitkomst is not None
    assert uitkomst[0] == VERLOPEN
    assert uitkomst[1] == date(2024, 3, 4).toordinal()
    assert isinstance(eerst, Instant)


def datetime_ts(tekst: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(tekst).timestamp()
