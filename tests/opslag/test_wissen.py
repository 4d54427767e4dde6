"""Erasure (design.md, "The store under damage, tampering and erasure"): atomic against
creating the same id (several processes racing), and the erased content gone from the files
the store controls: SQLite's database file and WAL, PostgreSQL's table files (dead rows too:
each stream's content is encrypted under its own key, destroyed on erasure)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import ija_core as ija
from ija_core import opslag
from ija_core.opslag import _sqlite
from traject.hulp import aangemeld, ev, tot_verdieping

Open = Callable[..., opslag.Opslag]
SCHRIJVER = Path(__file__).with_name("schrijver.py")
GEHEIM = "Zwaluwstaart"  # the pseudonym of the traject that is erased
BLIJFT = "Kwikstaartje"  # the pseudonym of a traject that stays


def _vul(db: opslag.Opslag) -> None:
    """t-1 (to be erased, with a long history) and t-2 (stays)."""
    events = [
        {**aangemeld(), "jongere": {"pseudoniem": GEHEIM, "geboortedatum": "2006-05-01"}},
        *tot_verdieping()[1:],
    ]
    t = db.nieuw(events[0], door="c")
    for e in events[1:]:
        t = db.registreer("t-1", e, versie=len(t.events), door="c")
    for i in range(30):
        t = db.registreer(
            "t-1",
            ev("contact", 40 + i, met="jongere", vorm=f"gesprek met {GEHEIM} {i}"),
            versie=len(t.events),
            door="c",
        )
    db.nieuw(
        {
            **aangemeld(),
            "traject": "t-2",
            "jongere": {"pseudoniem": BLIJFT, "geboortedatum": "2006-05-01"},
        },
        door="c",
    )


def _bestanden(pad: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (pad, Path(f"{pad}-wal")) if p.exists())


def test_sqlite_erasure_leaves_nothing_in_the_file_or_its_wal(
    sqlite_doel: str, m: ija.Methodiek
) -> None:
    pad = Path(sqlite_doel)
    with opslag.open(pad, methodiek=m) as db:
        _vul(db)
        assert GEHEIM.encode() in _bestanden(pad)  # the test can see it before
        graf = db.verwijder("t-1", reden="AVG-verzoek", door="fg-1")
        assert graf.opgeruimd is True
        ruw = _bestanden(pad)
        assert GEHEIM.encode() not in ruw
        assert BLIJFT.encode() in ruw  # what stays is still there
        assert db.laad("t-2").jongere.pseudoniem == BLIJFT
        assert db.controleer() == []
    assert GEHEIM.encode() not in _bestanden(pad)


def test_sqlite_a_reader_keeps_the_wal_and_the_result_says_so(
    sqlite_doel: str, m: ija.Methodiek, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_sqlite, "WACHT_OPRUIMEN", 0.2)
    pad = Path(sqlite_doel)
    with opslag.open(pad, methodiek=m) as db:
        _vul(db)
        lezer = sqlite3.connect(pad, isolation_level=None)
        lezer.execute("BEGIN")
        lezer.execute("SELECT count(*) FROM ija_events").fetchone()  # holds a snapshot
        graf = db.verwijder("t-1", reden="AVG-verzoek", door="fg-1")
        assert graf.opgeruimd is False  # the erasure stands, the WAL could not be cleared yet
        with pytest.raises(ija.OngeldigeInvoer, match="verwijderd"):
            db.laad("t-1")
        lezer.rollback()
        lezer.close()
        # the next erasure clears the WAL (with its copies of t-1) too
        assert db.verwijder("t-2", reden="bewaartermijn", door="fg-1").opgeruimd is True
        assert GEHEIM.encode() not in _bestanden(pad)


def _data_map(dsn: str) -> Path:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute("SHOW data_directory").fetchone()
        assert row is not None
        conn.execute("CHECKPOINT")
        return Path(row[0])


def _tabelbestanden(dsn: str) -> bytes:
    """Every table and index file of the server's databases (after a CHECKPOINT), not its WAL."""
    basis = _data_map(dsn) / "base"
    return b"".join(p.read_bytes() for p in basis.rglob("*") if p.is_file())


def test_postgres_erasure_leaves_nothing_readable_in_the_table_files(
    postgres_dsn: str, m: ija.Methodiek
) -> None:
    import psycopg

    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute(
            "DROP TABLE IF EXISTS ija_events, ija_stromen, ija_verwijderd, ija_opslag, "
            "ija_sleutels, ija_ankers, ija_feed"
        )
        conn.execute("ALTER SYSTEM SET autovacuum = off")  # keep the dead rows for the test
        conn.execute("SELECT pg_reload_conf()")
    try:
        with opslag.open(postgres_dsn, methodiek=m) as db:
            _vul(db)
            with psycopg.connect(postgres_dsn, autocommit=True) as conn:
                sleutel = conn.execute(
                    "SELECT sleutel FROM ija_sleutels WHERE stroom = 't-1'"
                ).fetchone()
                (aantal,) = conn.execute(  # type: ignore[misc]
                    "SELECT count(*) FROM ija_events WHERE stroom = 't-1'"
                ).fetchone()
            assert sleutel is not None
            assert aantal > 30
            ruw = _tabelbestanden(postgres_dsn)
            # content is ciphertext at rest; the key is in the key table's file
            assert GEHEIM.encode() not in ruw
            assert bytes(sleutel[0]) in ruw
            graf = db.verwijder("t-1", reden="AVG-verzoek", door="fg-1")
            assert graf.opgeruimd is True
            ruw = _tabelbestanden(postgres_dsn)
            assert GEHEIM.encode() not in ruw
            assert bytes(sleutel[0]) not in ruw  # no dead row of the key table keeps it
            assert db.laad("t-2").jongere.pseudoniem == BLIJFT
            assert db.controleer() == []
            assert db.signalen(peildatum=date(2025, 9, 1)) is not None
    finally:
        with psycopg.connect(postgres_dsn, autocommit=True) as conn:
            conn.execute("ALTER SYSTEM RESET autovacuum")
            conn.execute("SELECT pg_reload_conf()")


PROCESSEN = 6
IDS = 120


def test_processes_racing_create_and_erase_never_bring_an_id_back(
    doel: str, tmp_path: Path
) -> None:
    """Six processes create and erase the same ids at random; afterwards no erased id has a
    stream or an event, and every tombstoned id stays erased (design.md: atomic erasure)."""
    start = tmp_path / "start"
    with opslag.open(doel, methodiek=ija.load_methodiek(entrypoints=False)):
        pass  # the tables exist before the race
    procs = [
        subprocess.Popen(
            [sys.executable, str(SCHRIJVER), "wis", doel, str(start), str(seed), str(IDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in range(PROCESSEN)
    ]
    time.sleep(1.0)  # every process imported and connected
    start.touch()
    for p in procs:
        uit, fout = p.communicate(timeout=300)
        assert p.returncode == 0, fout
        assert uit.strip() == "klaar"
    with opslag.open(doel, methodiek=ija.load_methodiek(entrypoints=False)) as db:
        gewist = {g.id for g in db.verwijderd()}
        assert gewist  # the race did erase something
        assert not gewist & set(db.ids())
        assert db.controleer() == []
        for tid in gewist:
            with pytest.raises(ija.OngeldigeInvoer, match="verwijderd"):
                db.laad(tid)


def test_a_slow_create_and_a_quick_create_and_erase_of_the_same_id(
    open_db: Open, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window of the race made wide: one store's ``nieuw`` has passed its checks and
    waits before inserting, while another store creates and erases the same id. The slow
    one must not bring the id back (the lock on the id, or SQLite's write lock)."""
    import threading

    traag, snel = open_db(), open_db()
    gecontroleerd = threading.Event()
    origineel = traag._nieuwe_sleutel  # called right after the checks, before any insert

    def langzaam(*args: object) -> bytes | None:
        gecontroleerd.set()
        time.sleep(1.0)
        return origineel(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(traag, "_nieuwe_sleutel", langzaam)
    uitkomst: list[object] = []

    def maak() -> None:
        try:
            uitkomst.append(traag.nieuw(aangemeld(), door="traag"))
        except ija.IjaError as exc:
            uitkomst.append(exc)

    draad = threading.Thread(target=maak)
    draad.start()
    assert gecontroleerd.wait(10)
    try:
        snel.nieuw(aangemeld(), door="snel")
        snel.verwijder("t-1", reden="AVG-verzoek", door="fg-1")
    except ija.OngeldigeInvoer:
        pass  # waited for the slow one: its traject was there, then erased
    draad.join()
    # either way: t-1 ends erased or present, never both, and an erased id stays erased
    gewist = {g.id for g in snel.verwijderd()}
    assert not (gewist & set(snel.ids())), (gewist, snel.ids(), uitkomst)
    assert snel.controleer() == []
