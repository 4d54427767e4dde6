"""The store's API, one suite over both backends (design.md, "Opslag")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

import ija_core as ija
from ija_core import opslag
from traject.hulp import aangemeld, ev, tot_uitvoering, tot_verdieping

Open = Callable[..., opslag.Opslag]


def _vul(db: opslag.Opslag, events: list[dict[str, object]], door: str = "coach-17") -> ija.Traject:
    t = db.nieuw(events[0], door=door)
    for e in events[1:]:
        t = db.registreer(t.id, e, versie=len(t.events), door=door)
    return t


def test_nieuw_registreer_laad_round_trip(open_db: Open, m: ija.Methodiek) -> None:
    db = open_db()
    t = db.nieuw(aangemeld(), door="coach-17")
    assert (t.id, len(t.events)) == ("t-1", 1)
    t = db.registreer("t-1", ev("kennismaking", 1), versie=1, door="coach-17")
    assert len(t.events) == 2
    for i, e in enumerate(tot_uitvoering()[2:], 2):
        t = db.registreer("t-1", e, versie=i, door="coach-9")
    assert t.fase == "uitvoering"
    assert t == ija.Traject.replay(tot_uitvoering(), methodiek=m)
    assert db.laad("t-1") == t
    # another store object on the same database sees the same traject
    assert open_db().laad("t-1") == t


def test_geschiedenis_says_who_when_and_chains_hashes(open_db: Open, m: ija.Methodiek) -> None:
    db = open_db()
    _vul(db, tot_verdieping()[:2], door="coach-17")
    db.registreer("t-1", tot_verdieping()[2], versie=2, door="coach-9")
    g = db.geschiedenis("t-1")
    assert [v.volgnummer for v in g] == [1, 2, 3]
    assert [v.door for v in g] == ["coach-17", "coach-17", "coach-9"]
    # the test clock: one second per reading, one reading per write
    assert [v.vastgelegd_op for v in g] == [
        datetime(2026, 1, 5, 9, 0, s, tzinfo=UTC) for s in (0, 1, 2)
    ]
    assert [v.event for v in g] == list(
        ija.Traject.replay(tot_verdieping()[:3], methodiek=m).events
    )
    assert len({v.hash for v in g}) == 3
    assert all(len(v.hash) == 64 for v in g)
    with pytest.raises(AttributeError):
        g[0].door = "iemand"  # type: ignore[misc]  # frozen records


def test_ids_sorted_and_by_status(open_db: Open) -> None:
    db = open_db()
    for tid in ("t-3", "t-1", "t-2"):
        db.nieuw({**aangemeld(), "traject": tid}, door="c")
    db.registreer("t-2", ev("afgesloten", 1, reden="verhuisd"), versie=1, door="c")
    assert db.ids() == ["t-1", "t-2", "t-3"]
    assert db.ids(status="actief") == ["t-1", "t-3"]
    assert db.ids(status="afgesloten") == ["t-2"]
    with pytest.raises(ija.OngeldigeInvoer, match="status"):
        db.ids(status="open")  # type: ignore[arg-type]


def test_versie_conflict_stores_nothing(open_db: Open) -> None:
    db = open_db()
    _vul(db, tot_verdieping()[:2])
    with pytest.raises(ija.VersieConflict) as info:
        db.registreer("t-1", ev("verwachtingen-uitgesproken", 1), versie=1, door="c")
    assert (info.value.verwacht, info.value.huidig, info.value.traject) == (1, 2, "t-1")
    assert isinstance(info.value, ija.IjaError)
    assert opslag.VersieConflict is ija.VersieConflict
    assert len(db.laad("t-1").events) == 2


def test_versie_is_checked_before_the_event(open_db: Open) -> None:
    db = open_db()
    _vul(db, tot_verdieping()[:2])
    with pytest.raises(ija.VersieConflict):
        db.registreer("t-1", {"type": "bestaat-niet"}, versie=5, door="c")


@pytest.mark.parametrize("versie", [0, -1, "1", 1.0, True, None])
def test_bad_versie_is_bad_input(open_db: Open, versie: object) -> None:
    db = open_db()
    db.nieuw(aangemeld(), door="c")
    with pytest.raises(ija.OngeldigeInvoer, match="versie"):
        db.registreer("t-1", ev("kennismaking", 1), versie=versie, door="c")  # type: ignore[arg-type]


def test_refused_events_store_nothing(open_db: Open) -> None:
    db = open_db()
    _vul(db, tot_verdieping()[:1])
    voor = db.geschiedenis("t-1")
    with pytest.raises(ija.RegelOvertreding) as info:  # straight to verdieping: no kennismaking
        db.registreer("t-1", ev("fase-gewijzigd", 1, naar="verdieping"), versie=1, door="c")
    assert info.value.regel == "contact-voor-verdieping"
    with pytest.raises(ija.OngeldigeInvoer):
        db.registreer("t-1", ev("contactpoging", 1, kanaal="app", gelukt="ja"), versie=1, door="c")
    with pytest.raises(ija.OngeldigeInvoer):
        db.registreer("t-1", aangemeld(dag=1), versie=1, door="c")
    assert db.geschiedenis("t-1") == voor
    assert db.controleer() == []
    # and the next good event gets volgnummer 2
    db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
    assert [v.volgnummer for v in db.geschiedenis("t-1")] == [1, 2]


def test_refused_nieuw_stores_nothing(open_db: Open) -> None:
    db = open_db()
    with pytest.raises(ija.RegelOvertreding, match="doelgroep-leeftijd"):
        db.nieuw(aangemeld(geboortedatum="1980-01-01"), door="c")
    with pytest.raises(ija.OngeldigeInvoer):
        db.nieuw(ev("kennismaking", 0), door="c")
    assert db.ids() == []


def test_unknown_id_and_existing_id(open_db: Open) -> None:
    db = open_db()
    db.nieuw(aangemeld(), door="c")
    for doe in (
        lambda: db.laad("t-9"),
        lambda: db.geschiedenis("t-9"),
        lambda: db.registreer("t-9", ev("kennismaking", 1), versie=1, door="c"),
        lambda: db.verwijder("t-9", reden="avg", door="c"),
    ):
        with pytest.raises(ija.OngeldigeInvoer, match=r"t-9.*niet in de opslag"):
            doe()
    with pytest.raises(ija.OngeldigeInvoer, match="staat al in de opslag"):
        db.nieuw(aangemeld(), door="c")
    assert len(db.laad("t-1").events) == 1


def test_door_must_be_given(open_db: Open) -> None:
    db = open_db()
    with pytest.raises(ija.OngeldigeInvoer, match="door"):
        db.nieuw(aangemeld(), door=" ")
    assert db.ids() == []


def test_verwijder_keeps_only_a_tombstone(open_db: Open) -> None:
    db = open_db()
    _vul(db, tot_verdieping())
    db.nieuw({**aangemeld(), "traject": "t-2"}, door="c")
    graf = db.verwijder("t-1", reden="AVG-verzoek van de jongere", door="fg-1")
    assert (graf.id, graf.reden, graf.door, graf.aantal) == (
        "t-1", "AVG-verzoek van de jongere", "fg-1", 4
    )  # fmt: skip
    assert db.verwijderd() == [graf]
    assert db.ids() == ["t-2"]
    assert db.controleer() == []
    with pytest.raises(ija.OngeldigeInvoer, match=r"verwijderd.*AVG-verzoek"):
        db.laad("t-1")
    with pytest.raises(ija.OngeldigeInvoer, match="verwijderd"):
        db.nieuw(aangemeld(), door="c")  # the id is never given out again
    with pytest.raises(ija.OngeldigeInvoer, match="reden"):
        db.verwijder("t-2", reden="", door="c")


def test_signalen_as_ija_signalen(open_db: Open, m: ija.Methodiek) -> None:
    db = open_db()
    trajecten = []
    for i in range(5):
        events = [{**aangemeld(dag=i), "traject": f"t-{i}"}, ev("kennismaking", i + 1)]
        trajecten.append(_vul(db, events))
    peildatum = date(2025, 4, 10)
    verwacht = ija.signalen(trajecten, peildatum=peildatum, methodiek=m)
    assert verwacht  # intake and plan deadlines have passed: there is something to compare
    assert db.signalen(peildatum=peildatum) == verwacht


def test_importeer_stores_a_whole_traject(open_db: Open, m: ija.Methodiek) -> None:
    db = open_db()
    t = db.importeer(tot_uitvoering(), door="import")
    assert db.laad("t-1") == t == ija.Traject.replay(tot_uitvoering(), methodiek=m)
    assert [v.volgnummer for v in db.geschiedenis("t-1")] == list(range(1, 8))
    assert db.controleer() == []
    slecht = [*tot_verdieping(), ev("fase-gewijzigd", 3, naar="afronding")]
    with pytest.raises(ija.RegelOvertreding):
        db.importeer(
            [{**e, "traject": "t-2"} if e["type"] == "aangemeld" else e for e in slecht], door="i"
        )
    assert db.ids() == ["t-1"]


def test_close_and_context_manager(doel: str, m: ija.Methodiek) -> None:
    with opslag.open(doel, methodiek=m) as db:
        db.nieuw(aangemeld(), door="c")
    with pytest.raises(opslag.OpslagFout, match="gesloten"):
        db.laad("t-1")
    db.close()  # twice is fine
    with opslag.open(doel, methodiek=m) as db2:
        assert db2.ids() == ["t-1"]


def test_registreer_after_another_store_wrote(open_db: Open) -> None:
    """The in-memory fold is never trusted when the database moved on."""
    a, b = open_db(), open_db()
    _vul(a, tot_verdieping()[:2])
    b.registreer("t-1", ev("verwachtingen-uitgesproken", 1), versie=2, door="b")
    t = a.registreer("t-1", ev("fase-gewijzigd", 2, naar="verdieping"), versie=3, door="a")
    assert t.fase == "verdieping"
    assert len(t.events) == 4


def test_each_event_is_stored_as_readable_json(sqlite_doel: str, m: ija.Methodiek) -> None:
    import json
    import sqlite3

    with opslag.open(sqlite_doel, methodiek=m) as db:
        db.nieuw(aangemeld(), door="c")
    with sqlite3.connect(sqlite_doel) as conn:
        (tekst,) = conn.execute("SELECT event FROM ija_events").fetchone()
    assert json.loads(tekst)["jongere"] == {"pseudoniem": "Noor", "geboortedatum": "2006-05-01"}


def test_open_refuses_what_is_no_store(tmp_path: object, m: ija.Methodiek) -> None:
    from pathlib import Path

    map_ = Path(str(tmp_path))
    geen = map_ / "geen.db"
    geen.write_text("dit is geen database\n" * 100)
    with pytest.raises(opslag.OpslagFout, match="geen SQLite-database"):
        opslag.open(geen, methodiek=m)
    with pytest.raises(opslag.OpslagFout, match="bestaat niet"):
        opslag.open(map_ / "nergens" / "x.db", methodiek=m)
    with pytest.raises(ija.OngeldigeInvoer, match="methodiek"):
        opslag.open(map_ / "x.db", methodiek=None)  # type: ignore[arg-type]
    with pytest.raises(opslag.OpslagFout, match="PostgreSQL"):
        opslag.open("postgresql://niemand@/db?host=/nergens&port=1", methodiek=m)


def test_the_core_never_imports_the_store() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ija_core as ija\n"
        "m = ija.load_methodiek(entrypoints=False)\n"
        "ija.Traject; ija.signalen; ija.to_json\n"
        "print(any(k.startswith('ija_core.opslag') for k in sys.modules))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "False"


def test_importeer_veel_skips_what_is_there_and_stores_the_rest(
    open_db: Open, m: ija.Methodiek
) -> None:
    db = open_db()
    db.nieuw({**aangemeld(), "traject": "t-oud"}, door="c")
    db.nieuw({**aangemeld(), "traject": "t-weg"}, door="c")
    db.verwijder("t-weg", reden="bewaartermijn verlopen", door="c")

    def traject(tid: str) -> ija.Traject:
        return ija.Traject.replay([{**aangemeld(), "traject": tid}, ev("intake", 1)], methodiek=m)

    uit = db.importeer_veel(
        [traject("t-a"), traject("t-oud"), traject("t-weg"), traject("t-a"), traject("t-b")],
        door="import",
    )
    assert uit[0] is None
    assert uit[1] is not None
    assert "staat al in de opslag" in uit[1]
    assert uit[2] is not None
    assert "verwijderd" in uit[2]
    assert uit[3] is not None
    assert uit[4] is None
    assert db.ids() == ["t-a", "t-b", "t-oud"]
    assert db.laad("t-b") == traject("t-b")
    assert db.controleer() == []
    ander = ija.load_methodiek(entrypoints=False)
    with pytest.raises(ija.OngeldigeInvoer, match="methodiek"):
        db.importeer_veel([ija.Traject.replay([aangemeld()], methodiek=ander)], door="i")


def test_network_events_round_trip_through_the_store(open_db: Open, m: ija.Methodiek) -> None:
    events = [
        *tot_verdieping(),
        ev("betrokkene-toegevoegd", 3, id="oma", relatie="familie", omschrijving="van vaderskant"),
        ev("betrokkene-toegevoegd", 3, id="jgc", relatie="jeugd-en-gezinscoach"),
        ev("toestemming-gegeven", 3, betrokkene="oma", voor="gegevens-delen"),
        ev("jim-gekozen", 3, betrokkene="oma"),
        ev("contact", 4, met="netwerk", vorm="gesprek", betrokkene="oma"),
        ev("regie-belegd", 4, bij="jgc"),
        ev("opgeschaald", 5, naar="pga", reden="afspraken niet nagekomen"),
        ev("toestemming-ingetrokken", 6, betrokkene="oma", voor="gegevens-delen"),
        ev("coach-gewisseld", 6, reden="verlof"),
    ]
    db = open_db()
    t = _vul(db, events)
    assert t == ija.Traject.replay(events, methodiek=m)
    geladen = open_db().laad("t-1")
    assert geladen == t
    assert (geladen.jim, geladen.regie, geladen.coachwissels) == ("oma", "jgc", 1)
    assert geladen.opschaling is not None
    assert geladen.opschaling.naar == "pga"
    assert [v.event for v in db.geschiedenis("t-1")] == list(t.events)
    assert db.controleer() == []
    # a refused network event stores nothing
    with pytest.raises(ija.RegelOvertreding):
        db.registreer("t-1", ev("jim-gekozen", 7, betrokkene="jgc"), versie=len(events), door="c")
    assert len(db.laad("t-1").events) == len(events)
