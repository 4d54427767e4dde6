"""Many writers at once, a writer killed mid-write, and rows edited behind the API."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import ija_core as ija
from ija_core import opslag
from traject.hulp import aangemeld, ev

Open = Callable[..., opslag.Opslag]
SCHRIJVER = Path(__file__).with_name("schrijver.py")
DRADEN = 16


def _contact(n: int) -> dict[str, object]:
    return ev("contact", 1 + n / 1440, met="jongere", vorm="gesprek")


def test_threads_with_the_same_versie_exactly_one_wins(open_db: Open) -> None:
    gedeeld = open_db()
    gedeeld.nieuw(aangemeld(), door="c")
    eigen = [open_db() for _ in range(DRADEN // 2)]
    slagboom = threading.Barrier(DRADEN)
    uitslag: list[str] = []
    slot = threading.Lock()

    def schrijf(i: int) -> None:
        db = gedeeld if i % 2 else eigen[i // 2]  # one shared store and stores of their own
        slagboom.wait()
        try:
            db.registreer("t-1", _contact(i), versie=1, door=f"draad-{i}")
            wat = "gewonnen"
        except ija.VersieConflict as exc:
            wat = f"conflict {exc.verwacht}->{exc.huidig}"
        with slot:
            uitslag.append(wat)

    draden = [threading.Thread(target=schrijf, args=(i,)) for i in range(DRADEN)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert sorted(uitslag) == ["conflict 1->2"] * (DRADEN - 1) + ["gewonnen"]
    g = gedeeld.geschiedenis("t-1")
    assert [v.volgnummer for v in g] == [1, 2]
    assert gedeeld.controleer() == []


def test_threads_appending_in_turn_lose_nothing(open_db: Open) -> None:
    """Each thread retries on VersieConflict: every event lands exactly once."""
    db = open_db()
    db.nieuw(aangemeld(), door="c")
    per_draad = 5
    klaar: list[int] = []

    def schrijf(i: int) -> None:
        for k in range(per_draad):
            while True:
                t = db.laad("t-1")
                n = len(t.events)
                try:
                    db.registreer("t-1", _contact(n), versie=n, door=f"draad-{i}-{k}")
                    break
                except ija.VersieConflict:
                    continue
        klaar.append(i)

    draden = [threading.Thread(target=schrijf, args=(i,)) for i in range(8)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert len(klaar) == 8
    g = db.geschiedenis("t-1")
    assert [v.volgnummer for v in g] == list(range(1, 2 + 8 * per_draad))
    assert sorted(v.door for v in g[1:]) == sorted(
        f"draad-{i}-{k}" for i in range(8) for k in range(per_draad)
    )
    assert db.controleer() == []


def test_two_processes_with_the_same_versie_exactly_one_wins(
    open_db: Open, doel: str, tmp_path: Path
) -> None:
    db = open_db()
    db.nieuw(aangemeld(), door="c")
    start = tmp_path / "start"
    for ronde in range(1, 4):
        processen = [
            subprocess.Popen(
                [sys.executable, str(SCHRIJVER), "race", doel, str(start), str(ronde)],
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        time.sleep(1.0)  # both processes import ija-core and open the store
        start.touch()
        uit = sorted(p.communicate(timeout=60)[0].strip() for p in processen)
        start.unlink()
        assert all(p.returncode == 0 for p in processen)
        assert uit == [f"conflict {ronde + 1}", "gewonnen"]
    assert [v.volgnummer for v in db.geschiedenis("t-1")] == [1, 2, 3, 4]
    assert db.controleer() == []


@pytest.mark.parametrize("ronde", range(3))
def test_kill_9_during_writes_loses_no_acknowledged_event(
    sqlite_doel: str, m: ija.Methodiek, ronde: int
) -> None:
    with opslag.open(sqlite_doel, methodiek=m) as db:
        db.nieuw(aangemeld(), door="c")
    schrijver = subprocess.Popen(
        [sys.executable, str(SCHRIJVER), "lus", sqlite_doel], stdout=subprocess.PIPE, text=True
    )
    assert schrijver.stdout is not None
    bevestigd = 0
    grens = 30 + 20 * ronde  # kill at a different moment each round
    for regel in schrijver.stdout:
        bevestigd = int(regel)
        if bevestigd >= grens:
            break
    schrijver.send_signal(signal.SIGKILL)
    schrijver.wait()
    for regel in schrijver.stdout:  # what it acknowledged while we were deciding to kill it
        bevestigd = int(regel)
    schrijver.stdout.close()
    assert bevestigd >= grens
    with opslag.open(sqlite_doel, methodiek=m) as db:
        assert db.controleer() == []
        t = db.laad("t-1")
        # every acknowledged event is there; perhaps one more that was committed when killed
        assert bevestigd <= len(t.events) <= bevestigd + 1
        assert [v.volgnummer for v in db.geschiedenis("t-1")] == list(range(1, len(t.events) + 1))
        # and the store goes on where it stopped
        db.registreer("t-1", _contact(10_000), versie=len(t.events), door="na")
        assert db.controleer() == []


def _met_sqlite(pad: str, sql: str, *params: object) -> None:
    with sqlite3.connect(pad) as conn:
        conn.execute(sql, params)


@pytest.mark.parametrize(
    ("sql", "gevonden"),
    [
        (
            "UPDATE ija_events SET event = replace(event, 'Noor', 'Anna') WHERE stroom = 't-1' "
            "AND volgnummer = 1",
            "gebeurtenis 1 is gewijzigd",
        ),
        (
            "UPDATE ija_events SET door = 'x' WHERE stroom = 't-1' AND volgnummer = 2",
            "gebeurtenis 2 is gewijzigd",
        ),
        (
            "UPDATE ija_events SET vastgelegd_op = '2020-01-01T00:00:00+00:00' WHERE stroom = 't-1' "
            "AND volgnummer = 3",
            "gebeurtenis 3 is gewijzigd",
        ),
        (
            "DELETE FROM ija_events WHERE stroom = 't-1' AND volgnummer = 2",
            "gebeurtenis 2 ontbreekt",
        ),
        (
            "DELETE FROM ija_events WHERE stroom = 't-1' AND volgnummer = 3",
            "versie 3, maar er zijn 2",
        ),
        ("UPDATE ija_stromen SET versie = 2 WHERE id = 't-1'", "versie 2, maar er zijn 3"),
        ("DELETE FROM ija_events WHERE stroom = 't-1'", "alle gebeurtenissen ontbreken"),
        (
            "UPDATE ija_events SET volgnummer = 9 WHERE stroom = 't-1' AND volgnummer = 3",
            "gebeurtenis 3 ontbreekt",
        ),
    ],
)
def test_controleer_finds_rows_edited_behind_the_api(
    sqlite_doel: str, m: ija.Methodiek, sql: str, gevonden: str
) -> None:
    with opslag.open(sqlite_doel, methodiek=m) as db:
        db.nieuw(aangemeld(), door="c")
        db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
        db.registreer("t-1", ev("verwachtingen-uitgesproken", 1), versie=2, door="c")
        db.nieuw({**aangemeld(), "traject": "t-2"}, door="c")
        assert db.controleer() == []
        _met_sqlite(sqlite_doel, sql)
        breuken = db.controleer()
    assert breuken
    assert all("'t-1'" in b for b in breuken)  # t-2 is intact
    assert any(gevonden in b for b in breuken), breuken


def test_controleer_finds_an_edit_on_postgres(open_db: Open, doel: str) -> None:
    db = open_db()
    db.nieuw(aangemeld(), door="c")
    db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
    assert db.controleer() == []
    if doel.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(doel, autocommit=True) as conn:
            conn.execute("UPDATE ija_events SET door = 'iemand' WHERE volgnummer = 2")
    else:
        _met_sqlite(doel, "UPDATE ija_events SET door = 'iemand' WHERE volgnummer = 2")
    assert db.controleer() == [
        "traject 't-1': gebeurtenis 2 is gewijzigd buiten de opslag om (de hash klopt niet met "
        "de inhoud, door, tijdstip of de vorige)"
    ]


def test_the_unique_key_is_the_last_line_of_defence(open_db: Open, doel: str) -> None:
    """Should a number ever be taken without the stream knowing it, the database refuses the
    second event with that number and the store says VersieConflict (nothing stored)."""
    db = open_db()
    db.nieuw(aangemeld(), door="c")
    rij = (
        "INSERT INTO ija_events (stroom, volgnummer, type, event, door, vastgelegd_op, hash) "
        "VALUES ('t-1', 2, 'contact', '{}', 'x', '2026-01-01T00:00:00+00:00', 'x')"
    )
    if doel.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(doel, autocommit=True) as conn:
            conn.execute(rij)
    else:
        _met_sqlite(doel, rij)
    with pytest.raises(ija.VersieConflict) as info:
        db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
    assert (info.value.verwacht, info.value.huidig) == (1, 2)
    breuken = db.controleer()  # the row put in behind the API is found too
    assert "traject 't-1': de opslag noemt versie 1, maar er zijn 2 gebeurtenissen" in breuken


def test_a_cold_registreer_folds_the_traject_outside_the_write_lock(
    open_db: Open, monkeypatch: pytest.MonkeyPatch
) -> None:
    """design.md: the state is loaded before the write lock is taken (and checked under
    it), so a huge traject does not keep other writers waiting while it is replayed."""
    from contextlib import contextmanager

    schrijver = open_db()
    t = schrijver.nieuw(aangemeld(), door="c")
    for n in range(1, 30):
        t = schrijver.registreer("t-1", _contact(n), versie=len(t.events), door="c")
    db = open_db()  # a cold store: nothing folded yet
    onder_slot: list[str] = []
    echt = db._backend.schrijf

    @contextmanager
    def schrijf():  # type: ignore[no-untyped-def]
        with echt() as cur:
            yield _Spion(cur, onder_slot)

    monkeypatch.setattr(db._backend, "schrijf", schrijf)
    t = db.registreer("t-1", _contact(100), versie=30, door="c")
    assert len(t.events) == 31
    assert onder_slot  # it did write under the lock
    assert not [s for s in onder_slot if "SELECT e.volgnummer, e.event" in s], onder_slot
    # another writer moves the traject on between the fold and the lock: folded again
    schrijver.registreer("t-1", _contact(101), versie=31, door="c")
    onder_slot.clear()
    t = db.registreer("t-1", _contact(102), versie=32, door="c")
    assert len(t.events) == 33
    assert not [s for s in onder_slot if "SELECT e.volgnummer, e.event" in s], onder_slot
    assert db.controleer() == []


class _Spion:
    """A cursor that notes every statement it runs."""

    def __init__(self, cur: object, log: list[str]) -> None:
        self._cur, self._log = cur, log

    def execute(self, sql: str, *args: object) -> object:
        self._log.append(sql)
        return self._cur.execute(sql, *args)  # type: ignore[attr-defined]

    def __getattr__(self, naam: str) -> object:
        return getattr(self._cur, naam)
