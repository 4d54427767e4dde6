"""Opening a store (design.md, "The store under damage, tampering and erasure"): read-only,
another application's database left untouched unless asked, a store of the previous schema
upgraded on open."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ija_core as ija
from ija_core import opslag
from opslag.hulp import sql_op
from traject.hulp import aangemeld, ev

Open = Callable[..., opslag.Opslag]


def _vingerafdruk(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def test_alleen_lezen_reads_and_refuses_every_write(open_db: Open, doel: str) -> None:
    db = open_db()
    db.nieuw(aangemeld(), door="c")
    db.close()
    pad = Path(doel)
    voor = None if doel.startswith("postgresql") else _vingerafdruk(pad)
    lezer = open_db(alleen_lezen=True)
    assert lezer.laad("t-1").id == "t-1"
    assert lezer.controleer() == []
    for schrijf in (
        lambda: lezer.registreer("t-1", ev("kennismaking", 1), versie=1, door="c"),
        lambda: lezer.nieuw({**aangemeld(), "traject": "t-2"}, door="c"),
        lambda: lezer.verwijder("t-1", reden="AVG", door="fg"),
        lezer.anker,
    ):
        with pytest.raises(opslag.OpslagFout):
            schrijf()
    lezer.close()
    if voor is not None:
        assert _vingerafdruk(pad) == voor
    assert open_db().ids() == ["t-1"]


def test_alleen_lezen_lets_controleer_report_on_a_damaged_file(
    sqlite_doel: str, m: ija.Methodiek
) -> None:
    with opslag.open(sqlite_doel, methodiek=m) as db:
        db.nieuw(aangemeld(), door="c")
        db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
    sql_op(sqlite_doel, "UPDATE ija_events SET event = '{kapot' WHERE volgnummer = 2")
    voor = _vingerafdruk(Path(sqlite_doel))
    with opslag.open(sqlite_doel, methodiek=m, alleen_lezen=True) as db:
        assert db.controleer() == [
            "traject 't-1': gebeurtenis 2: de gebeurtenis is geen leesbare JSON"
        ]
        with pytest.raises(opslag.OpslagFout):
            db.laad("t-1")
    assert _vingerafdruk(Path(sqlite_doel)) == voor
    with pytest.raises(opslag.OpslagFout, match="bestaat niet"):
        opslag.open(Path(sqlite_doel).with_name("nergens.db"), methodiek=m, alleen_lezen=True)


def test_another_applications_sqlite_file_is_refused_untouched(
    tmp_path: Path, m: ija.Methodiek
) -> None:
    pad = tmp_path / "app.db"
    conn = sqlite3.connect(pad)
    conn.execute("CREATE TABLE klanten (id INTEGER PRIMARY KEY, naam TEXT)")
    conn.execute("INSERT INTO klanten (naam) VALUES ('bakker')")
    conn.commit()
    conn.close()
    voor = _vingerafdruk(pad)
    with pytest.raises(opslag.OpslagFout, match="andere tabellen"):
        opslag.open(pad, methodiek=m)
    assert _vingerafdruk(pad) == voor
    conn = sqlite3.connect(pad)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL
    conn.close()
    with opslag.open(pad, methodiek=m, aanmaken=True) as db:  # the app asks for the tables
        db.nieuw(aangemeld(), door="c")
    with opslag.open(pad, methodiek=m) as db:  # from now on it is a store
        assert db.ids() == ["t-1"]
    conn = sqlite3.connect(pad)
    assert conn.execute("SELECT naam FROM klanten").fetchall() == [("bakker",)]
    conn.close()


def test_another_applications_postgres_database_is_refused_untouched(
    postgres_dsn: str, doel: str, m: ija.Methodiek
) -> None:
    if not doel.startswith("postgresql"):
        pytest.skip("PostgreSQL only (SQLite has its own test)")
    sql_op(doel, "DROP TABLE IF EXISTS klanten", "CREATE TABLE klanten (id INT, naam TEXT)")
    try:
        with pytest.raises(opslag.OpslagFout, match="andere tabellen"):
            opslag.open(doel, methodiek=m)
        import psycopg

        with psycopg.connect(doel, autocommit=True) as conn:
            rij = conn.execute("SELECT to_regclass('ija_opslag')").fetchone()
            assert rij is not None
            assert rij[0] is None  # nothing created
        with opslag.open(doel, methodiek=m, aanmaken=True) as db:
            db.nieuw(aangemeld(), door="c")
            assert db.ids() == ["t-1"]
    finally:
        sql_op(doel, "DROP TABLE IF EXISTS klanten")


# The schema of version 1 (ija-core before the tombstones got their own link), as it was.
SCHEMA_1 = (
    "CREATE TABLE ija_opslag (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL)",
    "CREATE TABLE ija_stromen (id TEXT PRIMARY KEY, soort TEXT NOT NULL CHECK (soort IN "
    "('traject', 'groep')), versie INTEGER NOT NULL CHECK (versie >= 1), laatste_hash TEXT NOT "
    "NULL, status TEXT NOT NULL)",
    "CREATE TABLE ija_events (stroom TEXT NOT NULL, volgnummer INTEGER NOT NULL CHECK "
    "(volgnummer >= 1), type TEXT NOT NULL, event TEXT NOT NULL, door TEXT NOT NULL, "
    "vastgelegd_op TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (stroom, volgnummer)) "
    "WITHOUT ROWID",
    "CREATE TABLE ija_verwijderd (id TEXT PRIMARY KEY, soort TEXT NOT NULL, reden TEXT NOT "
    "NULL, door TEXT NOT NULL, verwijderd_op TEXT NOT NULL, aantal INTEGER NOT NULL)",
    "INSERT INTO ija_opslag (sleutel, waarde) VALUES ('schema', '1')",
)


def test_a_store_of_the_previous_schema_is_upgraded_once(tmp_path: Path, m: ija.Methodiek) -> None:
    # the rows of a version-1 store: the chain of events is the same (SHA-256) in both
    bron = tmp_path / "bron.db"
    with opslag.open(bron, methodiek=m) as db:
        db.nieuw(aangemeld(), door="c")
        db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
        db.nieuw({**aangemeld(), "traject": "t-2"}, door="c")
        db.verwijder("t-2", reden="AVG-verzoek", door="fg")
    oud = tmp_path / "oud.db"
    conn = sqlite3.connect(oud, isolation_level=None)
    for sql in SCHEMA_1:
        conn.execute(sql)
    conn.execute(f"ATTACH DATABASE '{bron}' AS bron")
    conn.execute("INSERT INTO ija_events SELECT * FROM bron.ija_events")
    conn.execute(
        "INSERT INTO ija_stromen SELECT id, soort, versie, laatste_hash, status "
        "FROM bron.ija_stromen"
    )
    conn.execute(
        "INSERT INTO ija_verwijderd SELECT id, soort, reden, door, verwijderd_op, aantal "
        "FROM bron.ija_verwijderd"
    )
    conn.execute("DETACH DATABASE bron")
    conn.close()
    with opslag.open(oud, methodiek=m) as db:
        assert db.controleer() == []
        assert db.laad("t-1").id == "t-1"
        assert [g.id for g in db.verwijderd()] == ["t-2"]
        db.registreer("t-1", ev("verwachtingen-uitgesproken", 1), versie=2, door="c")
        a = db.anker()
    conn = sqlite3.connect(oud)
    assert conn.execute("SELECT waarde FROM ija_opslag WHERE sleutel = 'schema'").fetchone() == (
        "3",
    )
    (graf,) = conn.execute("SELECT hash FROM ija_verwijderd").fetchone()
    conn.close()
    assert graf
    with opslag.open(oud, methodiek=m) as db:  # a second open changes nothing more
        assert db.controleer(anker=a) == []
    conn = sqlite3.connect(oud)
    assert conn.execute("SELECT hash FROM ija_verwijderd").fetchone() == (graf,)
    conn.close()


def test_a_postgres_store_of_the_previous_schema_is_upgraded(
    postgres_dsn: str, tmp_path: Path, m: ija.Methodiek
) -> None:
    import psycopg

    bron = tmp_path / "bron.db"
    with opslag.open(bron, methodiek=m) as db:
        db.nieuw(aangemeld(), door="c")
        db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
        db.nieuw({**aangemeld(), "traject": "t-2"}, door="c")
        db.verwijder("t-2", reden="AVG-verzoek", door="fg")
    conn = sqlite3.connect(bron)
    events = conn.execute("SELECT * FROM ija_events").fetchall()
    stromen = conn.execute(
        "SELECT id, soort, versie, laatste_hash, status FROM ija_stromen"
    ).fetchall()
    graven = conn.execute(
        "SELECT id, soort, reden, door, verwijderd_op, aantal FROM ija_verwijderd"
    ).fetchall()
    conn.close()
    with psycopg.connect(postgres_dsn, autocommit=True) as pg:
        pg.execute(
            "DROP TABLE IF EXISTS ija_events, ija_stromen, ija_verwijderd, ija_opslag, "
            "ija_sleutels, ija_ankers, ija_feed"
        )
        for sql in SCHEMA_1:
            pg.execute(sql.replace(" WITHOUT ROWID", ""))  # type: ignore[arg-type]
        with pg.cursor() as cur:
            cur.executemany("INSERT INTO ija_events VALUES (%s, %s, %s, %s, %s, %s, %s)", events)
            cur.executemany("INSERT INTO ija_stromen VALUES (%s, %s, %s, %s, %s)", stromen)
            cur.executemany("INSERT INTO ija_verwijderd VALUES (%s, %s, %s, %s, %s, %s)", graven)
    with opslag.open(postgres_dsn, methodiek=m) as db:
        assert db.controleer() == []
        assert db.laad("t-1").id == "t-1"  # stored as plain JSON (no key): still read
        db.registreer("t-1", ev("verwachtingen-uitgesproken", 1), versie=2, door="c")
        db.nieuw({**aangemeld(), "traject": "t-3"}, door="c")  # a new stream gets a key
        assert db.controleer() == []
        assert [g.id for g in db.verwijderd()] == ["t-2"]
    with psycopg.connect(postgres_dsn, autocommit=True) as pg:
        rij = pg.execute("SELECT waarde FROM ija_opslag WHERE sleutel = 'schema'").fetchone()
        assert rij == ("3",)


# The schema of version 2 (before the streams' metadata and the feed), as it was.
SCHEMA_2 = (
    *SCHEMA_1[:3],
    "CREATE TABLE ija_verwijderd (id TEXT PRIMARY KEY, soort TEXT NOT NULL, reden TEXT NOT "
    "NULL, door TEXT NOT NULL, verwijderd_op TEXT NOT NULL, aantal INTEGER NOT NULL, hash TEXT)",
    "CREATE TABLE ija_ankers (positie INTEGER NOT NULL, stroom TEXT NOT NULL, versie INTEGER "
    "NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (positie, stroom))",
    "CREATE TABLE ija_sleutels (stroom TEXT PRIMARY KEY, sleutel {BYTES} NOT NULL)",
    "INSERT INTO ija_opslag (sleutel, waarde) VALUES ('schema', '2')",
)


def _bron_schema_2(pad: Path, m: ija.Methodiek) -> tuple[list[Any], ...]:
    """Rows of a store with a traject whose coach changed, a group and an erased traject."""
    from traject.hulp import op

    with opslag.open(pad, methodiek=m) as db:
        db.nieuw({**aangemeld(), "coach": "coach-1", "wijkteam": "feijenoord"}, door="c")
        db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
        db.registreer(
            "t-1", ev("coach-gewisseld", 2, reden="verhuisd", coach="coach-2"), versie=2, door="c"
        )
        db.nieuw({**aangemeld(), "traject": "t-2"}, door="c")
        db.nieuw(
            {"type": "groep-aangemeld", "op": op(3), "groep": "g-1", "verwijzers": ["school"],
             "omschrijving": "groep"},
            door="c",
        )  # fmt: skip
        db.verwijder("t-2", reden="AVG-verzoek", door="fg")
    conn = sqlite3.connect(pad)
    try:
        return (
            conn.execute(
                "SELECT stroom, volgnummer, type, event, door, vastgelegd_op, hash FROM ija_events"
            ).fetchall(),
            conn.execute("SELECT id, soort, versie, laatste_hash, status FROM ija_stromen").fetchall(),
            conn.execute("SELECT * FROM ija_verwijderd").fetchall(),
        )
    finally:
        conn.close()


def _na_opwaarderen(db: opslag.Opslag) -> None:
    assert db.controleer() == []
    i = db.info("t-1")
    assert (i.coach, i.wijkteam, i.versie, i.fase, i.status) == (
        "coach-2", "feijenoord", 3, "vertrouwen", "actief"
    )
    assert db.info("g-1").soort == "groep"
    assert db.ids(coach="coach-2") == ["t-1"]
    feed = db.sinds()
    # in the order they were recorded; an erased stream erased before the upgrade has no place
    assert [(f.stroom, f.volgnummer) for f in feed] == [
        ("t-1", 1), ("t-1", 2), ("t-1", 3), ("g-1", 1)
    ]
    assert [f.positie for f in feed] == [1, 2, 3, 4]
    assert feed[1].event == db.laad("t-1").events[1]
    t = db.registreer("t-1", ev("verwachtingen-uitgesproken", 3), versie=3, door="c")
    assert [(f.positie, f.stroom) for f in db.sinds(4)] == [(5, "t-1")]
    assert db.info("t-1").versie == len(t.events)


def test_a_store_of_schema_2_is_upgraded_once_in_one_transaction(
    tmp_path: Path, m: ija.Methodiek
) -> None:
    events, stromen, graven = _bron_schema_2(tmp_path / "bron.db", m)
    oud = tmp_path / "oud.db"
    conn = sqlite3.connect(oud, isolation_level=None)
    for sql in SCHEMA_2:
        conn.execute(sql.replace("{BYTES}", "BLOB"))
    conn.executemany("INSERT INTO ija_events VALUES (?, ?, ?, ?, ?, ?, ?)", events)
    conn.executemany("INSERT INTO ija_stromen VALUES (?, ?, ?, ?, ?)", stromen)
    conn.executemany("INSERT INTO ija_verwijderd VALUES (?, ?, ?, ?, ?, ?, ?)", graven)
    conn.close()
    # a methodiek that cannot replay the store: the upgrade fails and changes nothing
    kopie = tmp_path / "kapot.db"
    kopie.write_bytes(oud.read_bytes())
    conn = sqlite3.connect(kopie, isolation_level=None)
    conn.execute("UPDATE ija_events SET event = '{}' WHERE stroom = 't-1' AND volgnummer = 2")
    conn.close()
    with pytest.raises(opslag.OpslagFout, match="niet af te spelen"):
        opslag.open(kopie, methodiek=m)
    conn = sqlite3.connect(kopie)
    assert conn.execute("SELECT waarde FROM ija_opslag WHERE sleutel = 'schema'").fetchone() == (
        "2",
    )
    assert "coach" not in {r[1] for r in conn.execute("PRAGMA table_info(ija_stromen)")}
    conn.close()
    with opslag.open(oud, methodiek=m) as db:
        _na_opwaarderen(db)
    with opslag.open(oud, methodiek=m) as db:  # a second open changes nothing
        assert db.controleer() == []
        assert len(db.sinds()) == 5


def test_a_postgres_store_of_schema_2_is_upgraded(
    postgres_dsn: str, tmp_path: Path, m: ija.Methodiek
) -> None:
    import psycopg

    events, stromen, graven = _bron_schema_2(tmp_path / "bron.db", m)
    with psycopg.connect(postgres_dsn, autocommit=True) as pg:
        pg.execute(
            "DROP TABLE IF EXISTS ija_events, ija_stromen, ija_verwijderd, ija_opslag, "
            "ija_sleutels, ija_ankers, ija_feed"
        )
        for sql in SCHEMA_2:
            pg.execute(sql.replace(" WITHOUT ROWID", "").replace("{BYTES}", "BYTEA"))  # type: ignore[arg-type]
        with pg.cursor() as cur:
            cur.executemany("INSERT INTO ija_events VALUES (%s, %s, %s, %s, %s, %s, %s)", events)
            cur.executemany("INSERT INTO ija_stromen VALUES (%s, %s, %s, %s, %s)", stromen)
            cur.executemany(
                "INSERT INTO ija_verwijderd VALUES (%s, %s, %s, %s, %s, %s, %s)", graven
            )
    with opslag.open(postgres_dsn, methodiek=m) as db:
        _na_opwaarderen(db)
    with psycopg.connect(postgres_dsn, autocommit=True) as pg:
        assert pg.execute("SELECT waarde FROM ija_opslag WHERE sleutel = 'schema'").fetchone() == (
            "3",
        )
