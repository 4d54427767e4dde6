"""Group streams in the store (design.md, "Opslag" and "Groepsaanpak"), on both backends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

import ija_core as ija
from groep.bouw import aangemeld, ev, jongere, lid, melding, ouder
from ija_core import opslag

Open = Callable[..., opslag.Opslag]

T0 = "2025-03-01T10:00:00+01:00"


def _lid_traject(tid: str, *events: dict[str, object]) -> list[dict[str, object]]:
    return [
        ev(
            "aangemeld",
            "2025-02-20T10:00:00+01:00",
            traject=tid,
            jongere={"pseudoniem": tid, "geboortedatum": "2009-05-05"},
            verwijzer="politie",
        ),
        ev("betrokkene-toegevoegd", "2025-02-20T10:00:00+01:00", id="moeder", relatie="ouder"),
        *events,
    ]


def _vul(db: opslag.Opslag, events: list[dict[str, object]], door: str = "coach-17") -> object:
    x = db.nieuw(events[0], door=door)
    for e in events[1:]:
        x = db.registreer(x.id, e, versie=len(x.events), door=door)  # type: ignore[attr-defined]
    return x


def test_a_group_stream_round_trips(open_db: Open, m: ija.Methodiek) -> None:
    db = open_db()
    events = [aangemeld(), lid(T0, "t-a"), lid(T0, "t-b"), melding("2025-03-08T23:00:00+01:00")]
    g = db.nieuw(events[0], door="coach-17")
    assert isinstance(g, ija.Groep)
    assert (g.id, len(g.events)) == ("g-1", 1)
    for i, e in enumerate(events[1:], 1):
        g = db.registreer("g-1", e, versie=i, door="coach-9")
    assert g == ija.Groep.replay(events, methodiek=m)
    assert db.laad("g-1") == g
    assert open_db().laad("g-1") == g
    geschiedenis = db.geschiedenis("g-1")
    assert [v.volgnummer for v in geschiedenis] == [1, 2, 3, 4]
    assert [v.door for v in geschiedenis] == ["coach-17", "coach-9", "coach-9", "coach-9"]
    assert [v.event for v in geschiedenis] == list(g.events)
    assert db.controleer() == []
    assert db.groep_ids() == ["g-1"]
    assert db.ids() == []  # ids() lists trajecten
    assert db.groepen() == [g]


def test_a_group_refuses_what_a_group_refuses_and_stores_nothing(open_db: Open) -> None:
    db = open_db()
    _vul(db, [aangemeld(), lid(T0, "t-a")])
    with pytest.raises(ija.OngeldigeInvoer, match="al lid"):
        db.registreer("g-1", lid(T0, "t-a"), versie=2, door="c")
    with pytest.raises(ija.RegelOvertreding) as exc:
        db.registreer("g-1", lid("2025-02-01T10:00:00+01:00", "t-b"), versie=2, door="c")
    assert exc.value.regel == "chronologie"
    with pytest.raises(ija.OngeldigeInvoer, match="onbekend gebeurtenistype"):
        db.registreer("g-1", ev("kennismaking", "2025-03-02T10:00:00+01:00"), versie=2, door="c")
    with pytest.raises(ija.VersieConflict):
        db.registreer("g-1", melding("2025-03-02T10:00:00+01:00"), versie=1, door="c")
    assert len(db.laad("g-1").events) == 2
    with pytest.raises(ija.OngeldigeInvoer, match="staat al in de opslag"):
        db.nieuw(aangemeld(), door="c")


def test_group_and_traject_ids_share_one_namespace(open_db: Open) -> None:
    db = open_db()
    db.nieuw(_lid_traject("x-1")[0], door="c")
    with pytest.raises(ija.OngeldigeInvoer, match="staat al in de opslag"):
        db.nieuw(aangemeld(groep="x-1"), door="c")


def test_signalen_include_the_group_norm(open_db: Open) -> None:
    db = open_db()
    _vul(
        db,
        _lid_traject(
            "t-a", jongere("2025-03-09T09:00:00+01:00"), ouder("2025-03-09T10:00:00+01:00")
        ),
    )
    _vul(db, _lid_traject("t-b", jongere("2025-03-09T09:00:00+01:00")))
    _vul(db, [aangemeld(), lid(T0, "t-a"), lid(T0, "t-b"), melding("2025-03-08T23:00:00+01:00")])
    signalen = db.signalen(peildatum=date(2025, 3, 12))
    groep = [(u.traject, u.status) for u in signalen if u.norm == "groep-contact-na-melding-24-uur"]
    assert groep == [("t-b", "verlopen")]
    assert ija.signalen(db.trajecten(), peildatum=date(2025, 3, 12), methodiek=db.methodiek) == [
        u for u in signalen if u.norm != "groep-contact-na-melding-24-uur"
    ]
    alleen = db.signalen(peildatum=date(2025, 3, 12), normen=["groep-contact-na-melding-24-uur"])
    assert [(u.traject, u.norm) for u in alleen] == [("t-b", "groep-contact-na-melding-24-uur")]


def test_signalen_name_a_member_missing_from_the_store(open_db: Open) -> None:
    db = open_db()
    _vul(db, [aangemeld(), lid(T0, "t-weg")])
    with pytest.raises(ija.OngeldigeInvoer, match="t-weg"):
        db.signalen(peildatum=date(2025, 3, 12))


def test_tampering_with_a_group_event_is_found(sqlite_doel: str, m: ija.Methodiek) -> None:
    import sqlite3

    with opslag.open(sqlite_doel, methodiek=m) as db:
        _vul(db, [aangemeld(), lid(T0, "t-a")])
    with sqlite3.connect(sqlite_doel) as conn:
        conn.execute("UPDATE ija_events SET event = replace(event, 't-a', 't-z')")
    with opslag.open(sqlite_doel, methodiek=m) as db:
        breuken = db.controleer()
    assert len(breuken) == 1
    assert "'g-1'" in breuken[0]


def test_a_group_can_be_removed_with_a_tombstone(open_db: Open) -> None:
    db = open_db()
    _vul(db, [aangemeld(), lid(T0, "t-a")])
    weg = db.verwijder("g-1", reden="bewaartermijn", door="fg")
    assert weg.aantal == 2
    with pytest.raises(ija.OngeldigeInvoer, match="verwijderd"):
        db.laad("g-1")
    assert db.groep_ids() == []


def test_a_group_keeps_working_after_a_member_is_erased(open_db: Open) -> None:
    """design.md: the erased member counts as erased; db.signalen does not fail."""
    db = open_db()
    _vul(db, _lid_traject("t-a", jongere("2025-03-09T09:00:00+01:00")))
    _vul(db, _lid_traject("t-b", jongere("2025-03-09T09:00:00+01:00")))
    _vul(db, [aangemeld(), lid(T0, "t-a"), lid(T0, "t-b"), melding("2025-03-08T23:00:00+01:00")])
    voor = db.signalen(peildatum=date(2025, 3, 12), normen=["groep-contact-na-melding-24-uur"])
    assert sorted(u.traject for u in voor) == ["t-a", "t-b"]
    db.verwijder("t-a", reden="AVG-verzoek", door="fg")
    na = db.signalen(peildatum=date(2025, 3, 12), normen=["groep-contact-na-melding-24-uur"])
    assert [u.traject for u in na] == ["t-b"]  # the other member is measured as before
    assert db.laad("g-1").id == "g-1"
    assert db.controleer() == []
