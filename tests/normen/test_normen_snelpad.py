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
from ija_core.normen.feiten import bouw_feiten, bouw_feiten_uit_events
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
def test_a_traject_and_its_bare_events_give_the_same_outcomes(
    m: ija.Methodiek, peildatum: date
) -> None:
    t = _gevarieerd(m)
    los = _Los(id=t.id, events=t.events)
    assert ija.normtoets(t, peildatum=peildatum, methodiek=m, normen=ALLE_NORMEN) == (
        ija.normtoets(los, peildatum=peildatum, methodiek=m, normen=ALLE_NORMEN)
    )
    assert ija.signalen([t], peildatum=peildatum, methodiek=m, normen=ALLE_NORMEN) == (
        ija.signalen([los], peildatum=peildatum, methodiek=m, normen=ALLE_NORMEN)
    )


def test_lazy_facts_equal_the_facts_of_one_pass(m: ija.Methodiek) -> None:
    t = _gevarieerd(m)
    # the lazy path is a Traject without the instants replay stores (as after attrs.evolve)
    lui, alles = bouw_feiten(attrs.evolve(t)), bouw_feiten_uit_events(t)
    opgeslagen = bouw_feiten(t)
    assert lui._momenten is None
    assert opgeslagen._momenten is not None
    # ask the lazy one for the current fase start first, before the full list exists
    assert lui.fasestart(date(2024, 6, 1).toordinal()) == alles.fasestarts[-1]
    assert lui.fasestart(date(2024, 3, 25).toordinal()) == alles.fasestarts[1]
    for veld in ("fasestarts", "sluitingen", "heropeningen", "plan", "pauzes"):
        assert getattr(lui, veld) == getattr(alles, veld), veld
    assert [len(lui.sluitingen), len(lui.heropeningen)] == [1, 1]
    for soort in ("intake", "kennismaking", "verwachtingen-uitgesproken", "contactpoging"):
        assert lui.eerste(soort) == alles.eerste(soort), soort
        assert opgeslagen.eerste(soort) == alles.eerste(soort), soort
    # the stored instants: tuples instead of lists, the same values
    for veld in ("fasestarts", "sluitingen", "heropeningen", "pauzes"):
        assert [list(x) for x in getattr(opgeslagen, veld)] == [
            list(x) for x in getattr(alles, veld)
        ], veld
    assert opgeslagen.plan == alles.plan
    assert opgeslagen.aangemeld == alles.aangemeld
    assert opgeslagen.fasestart(date(2024, 3, 25).toordinal()) == alles.fasestarts[1]
    assert lui.eerste("contactpoging", (("gelukt", True),)) == alles.eerste(
        "contactpoging", (("gelukt", True),)
    )


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


def test_the_stored_answers_of_meldingen_equal_the_ones_the_engine_finds(
    m: ija.Methodiek,
) -> None:
    from ija_core.normen.meetlat import MELDING, compileer

    t = _gevarieerd(m)
    [meetlat] = compileer([m.norm("contact-na-melding-24-uur")], m)
    assert meetlat.opgeslagen == MELDING
    opgeslagen = t._normmomenten[7]  # type: ignore[index]  # set by replay
    assert len(opgeslagen) == 4
    # the last melding has no answer; the third is answered by the contact of 25 March
    assert opgeslagen[3][2:] == (None, None)
    assert opgeslagen[2][3] == date(2024, 3, 25).toordinal()
    assert meetlat._opgeslagen_ankers(opgeslagen) == meetlat._ankers(bouw_feiten(attrs.evolve(t)))


def test_a_contact_listed_before_a_melding_at_the_same_instant_is_stored_as_its_answer(
    m: ija.Methodiek,
) -> None:
    t = traject(
        aangemeld(),
        contact("2024-03-02T10:00:00+01:00"),
        melding("2024-03-02T09:00:00+00:00"),
        m=m,
    )
    [(ts, d, antwoord_ts, antwoord_dag)] = t._normmomenten[7]  # type: ignore[index]  # by replay
    assert (antwoord_ts, antwoord_dag) == (ts, d)
