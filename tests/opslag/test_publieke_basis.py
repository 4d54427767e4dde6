"""What the store needs of the engine is public (issue 21): an app that keeps its events itself
uses the same calls (docs/ontwikkelaars/eigen-opslag.md).

The store keeps each event as ``ija.to_json(e, methodiek=m, sort_keys=True)``, reads it back
with ``ija.from_json`` and gives ``db.signalen`` as ``ija.alle_signalen``.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

import pytest

import ija_core as ija
from groep.bouw import aangemeld, ev, jongere, lid, melding, ouder
from ija_core import opslag

T0 = "2025-03-01T10:00:00+01:00"


def _lid_traject(tid: str, *events: dict[str, object]) -> list[dict[str, object]]:
    return [
        ev(
            "aangemeld",
            "2025-02-20T10:00:00+01:00",
            traject=tid,
            jongere={"pseudoniem": f"Één {tid}", "geboortedatum": "2009-05-05"},
            verwijzer="politie",
        ),
        ev("betrokkene-toegevoegd", "2025-02-20T10:00:00+01:00", id="moeder", relatie="ouder"),
        *events,
    ]


def _vul(db: opslag.Opslag, events: list[dict[str, object]]) -> Any:
    x = db.nieuw(events[0], door="coach-17")
    for e in events[1:]:
        x = db.registreer(x.id, e, versie=len(x.events), door="coach-17")
    return x


def _gevuld(doel: str, m: ija.Methodiek) -> opslag.Opslag:
    db = opslag.open(doel, methodiek=m)
    _vul(
        db,
        _lid_traject(
            "t-a", jongere("2025-03-09T09:00:00+01:00"), ouder("2025-03-09T10:00:00+01:00")
        ),
    )
    _vul(db, _lid_traject("t-b", jongere("2025-03-09T09:00:00+01:00")))
    _vul(db, [aangemeld(), lid(T0, "t-a"), lid(T0, "t-b"), melding("2025-03-08T23:00:00+01:00")])
    return db


def _gesorteerd(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    sleutels = [k for k, _ in paren]
    assert sleutels == sorted(sleutels), sleutels
    return dict(paren)


def test_the_store_keeps_the_canonical_json_of_to_json(sqlite_doel: str, m: ija.Methodiek) -> None:
    db = _gevuld(sqlite_doel, m)
    try:
        conn = sqlite3.connect(sqlite_doel)
        rijen = conn.execute(
            "SELECT stroom, volgnummer, event FROM ija_events ORDER BY stroom, volgnummer"
        ).fetchall()
        conn.close()
        assert len(rijen) == 4 + 3 + 4
        for stroom, n, tekst in rijen:
            geheel = db.laad(stroom)
            event = geheel.events[n - 1]
            assert tekst == ija.to_json(event, methodiek=m, sort_keys=True)
            soort = ija.GroepGebeurtenis if isinstance(geheel, ija.Groep) else ija.Gebeurtenis
            assert ija.from_json(tekst, soort, methodiek=m) == event
            # canonical: keys sorted at every level, no spaces, UTF-8 as it is
            json.loads(tekst, object_pairs_hook=_gesorteerd)
            assert tekst == json.dumps(
                json.loads(tekst), sort_keys=True, separators=(",", ":"), ensure_ascii=False
            )
        assert "Één t-a" in rijen[0][2] + rijen[4][2] + rijen[7][2]
        assert db.controleer() == []
    finally:
        db.close()


def test_sort_keys_sorts_every_level_and_leaves_the_default_alone(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(_lid_traject("t-a", jongere("2025-03-09T09:00:00+01:00")), methodiek=m)
    gesorteerd = ija.to_json(t, sort_keys=True)
    json.loads(gesorteerd, object_pairs_hook=_gesorteerd)
    assert json.loads(gesorteerd) == json.loads(ija.to_json(t))
    assert ija.to_json(t) != gesorteerd  # the default keeps the fields' order
    assert ija.from_json(gesorteerd, ija.Traject, methodiek=m) == t
    ingesprongen = ija.to_json(t.events[0], methodiek=m, sort_keys=True, indent=True)
    assert "\n  " in ingesprongen
    json.loads(ingesprongen, object_pairs_hook=_gesorteerd)


def test_alle_signalen_is_what_db_signalen_gives(sqlite_doel: str, m: ija.Methodiek) -> None:
    db = _gevuld(sqlite_doel, m)
    try:
        for peildatum, normen in (
            (date(2025, 3, 12), None),
            (date(2025, 3, 12), ["groep-contact-na-melding-24-uur"]),
            (date(2025, 6, 1), ["groep-contact-na-melding-24-uur", "intake-binnen-6-weken"]),
        ):
            zelf = ija.alle_signalen(
                db.trajecten(), db.groepen(), peildatum=peildatum, methodiek=m, normen=normen
            )
            assert zelf == db.signalen(peildatum=peildatum, normen=normen)
        groep = [
            (u.traject, u.status)
            for u in ija.alle_signalen(
                db.trajecten(), db.groepen(), peildatum=date(2025, 3, 12), methodiek=m
            )
            if u.norm == "groep-contact-na-melding-24-uur"
        ]
        assert groep == [("t-b", "verlopen")]
    finally:
        db.close()


@pytest.mark.parametrize(
    ("trajecten", "groepen", "melding"),
    [
        (5, [], r"trajecten: verwacht een lijst van Trajecten \(kreeg int\)"),
        ([], None, r"groepen: verwacht een lijst van Groepen \(kreeg NoneType\)"),
        ("t-1", [], r"trajecten: verwacht een lijst van Trajecten \(kreeg str\)"),
        ([], [1], r"groepen\[0\]: verwacht een Groep"),
    ],
)
def test_alle_signalen_refuses_what_is_not_a_list(
    m: ija.Methodiek, trajecten: Any, groepen: Any, melding: str
) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match=melding):
        ija.alle_signalen(trajecten, groepen, peildatum=date(2025, 3, 12), methodiek=m)


def test_a_traject_or_a_group_alone_is_not_a_list(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(_lid_traject("t-a"), methodiek=m)
    with pytest.raises(ija.OngeldigeInvoer, match="verwacht een lijst van Trajecten"):
        ija.alle_signalen(t, [], peildatum=date(2025, 3, 12), methodiek=m)
