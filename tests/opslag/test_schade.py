"""A damaged store (design.md, "The store under damage, tampering and erasure"): every call
raises the library's own ``OpslagFout``, never a driver's or parser's exception; ``controleer``
never raises and names each damaged row; ``registreer`` never confirms an event it did not
store. Rows are damaged behind the API with raw SQL, on both backends."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import ija_core as ija
from ija_core import opslag
from opslag.hulp import sql_op
from traject.hulp import aangemeld, ev

Open = Callable[..., opslag.Opslag]


def drie(db: opslag.Opslag) -> ija.Traject:
    """Traject t-1 with three events (and t-2 with one, intact)."""
    t = db.nieuw(aangemeld(), door="c")
    t = db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
    t = db.registreer("t-1", ev("verwachtingen-uitgesproken", 1), versie=2, door="c")
    db.nieuw({**aangemeld(), "traject": "t-2"}, door="c")
    return t


def zonder_not_null(doel: str) -> None:
    """Drop the NOT NULL constraints of ija_events (a store damaged beyond its schema)."""
    if doel.startswith("postgresql://"):
        sql_op(
            doel,
            *(
                f"ALTER TABLE ija_events ALTER COLUMN {k} DROP NOT NULL"
                for k in ("event", "door", "vastgelegd_op", "hash")
            ),
        )
        return
    sql_op(
        doel,
        "ALTER TABLE ija_events RENAME TO oud",
        "CREATE TABLE ija_events (stroom, volgnummer, type, event, door, vastgelegd_op, hash)",
        "INSERT INTO ija_events SELECT * FROM oud",
        "DROP TABLE oud",
    )


def elke_lezing_is_opslagfout(db: opslag.Opslag) -> None:
    for lees in (
        lambda: db.laad("t-1"),
        lambda: db.geschiedenis("t-1"),
        lambda: db.signalen(peildatum=date(2025, 6, 1)),
        db.trajecten,
    ):
        with pytest.raises(opslag.OpslagFout, match=r"beschadigd|klopt niet|niet te lezen"):
            lees()


def test_unreadable_json_is_opslagfout_and_one_line_of_controleer(open_db: Open, doel: str) -> None:
    drie(open_db())
    sql_op(doel, "UPDATE ija_events SET event = '{kapot' WHERE stroom = 't-1' AND volgnummer = 2")
    db = open_db()  # a cold store: registreer replays from the rows
    elke_lezing_is_opslagfout(db)
    # (on PostgreSQL the row should have been ciphertext under the stream's key)
    with pytest.raises(opslag.OpslagFout, match=r"geen leesbare JSON|niet versleuteld"):
        db.registreer("t-1", ev("fase-gewijzigd", 2, naar="verdieping"), versie=3, door="c")
    breuken = db.controleer()
    pg = doel.startswith("postgresql")
    melding = "niet te ontsleutelen" if pg else "de gebeurtenis is geen leesbare JSON"
    assert any(f"gebeurtenis 2: {melding}" in b for b in breuken), breuken
    assert all("'t-1'" in b for b in breuken)
    assert db.laad("t-2").id == "t-2"  # the intact traject still reads


@pytest.mark.parametrize(
    ("kolom", "melding"),
    [
        ("event", "de gebeurtenis ontbreekt (NULL)"),
        ("door", "door ontbreekt (NULL)"),
        ("vastgelegd_op", "het tijdstip ontbreekt (NULL)"),
        ("hash", "de hash ontbreekt (NULL)"),
    ],
)
def test_nulls_are_named_never_raised(open_db: Open, doel: str, kolom: str, melding: str) -> None:
    drie(open_db())
    zonder_not_null(doel)
    sql_op(doel, f"UPDATE ija_events SET {kolom} = NULL WHERE stroom = 't-1' AND volgnummer = 2")  # noqa: S608
    db = open_db()
    breuken = db.controleer()
    assert f"traject 't-1': gebeurtenis 2: {melding}" in breuken
    with pytest.raises(opslag.OpslagFout):
        db.geschiedenis("t-1")
    if kolom == "event":  # registreer replays the events (it does not check the chain)
        with pytest.raises(opslag.OpslagFout):
            db.registreer("t-1", ev("fase-gewijzigd", 2, naar="verdieping"), versie=3, door="c")


def test_a_text_volgnummer_and_a_bad_moment(open_db: Open, doel: str) -> None:
    drie(open_db())
    if doel.startswith("postgresql://"):
        sql_op(
            doel,
            "ALTER TABLE ija_events DROP CONSTRAINT ija_events_volgnummer_check",
            "ALTER TABLE ija_events ALTER COLUMN volgnummer TYPE TEXT",
        )
    sql_op(
        doel,
        "UPDATE ija_events SET volgnummer = 'drie' WHERE stroom = 't-1' AND volgnummer = '3'",
        "UPDATE ija_events SET vastgelegd_op = 'gisteren' WHERE stroom = 't-2'",
    )
    db = open_db()
    breuken = db.controleer()
    assert "traject 't-1': gebeurtenis 'drie': het volgnummer is geen geheel getal ('drie')" in (
        breuken
    )
    with pytest.raises(opslag.OpslagFout, match="beschadigd"):
        db.geschiedenis("t-1")
    with pytest.raises(opslag.OpslagFout, match="beschadigd"):
        db.geschiedenis("t-2")  # fromisoformat's ValueError, as the library's error


def test_a_text_versie_in_the_stream_row(sqlite_doel: str, m: ija.Methodiek) -> None:
    with opslag.open(sqlite_doel, methodiek=m) as db:
        drie(db)
    sql_op(sqlite_doel, "UPDATE ija_stromen SET versie = 'drie' WHERE id = 't-1'")
    with opslag.open(sqlite_doel, methodiek=m) as db:
        assert any("onleesbare rij in ija_stromen" in b for b in db.controleer())
        with pytest.raises(opslag.OpslagFout, match="beschadigd"):
            db.registreer("t-1", ev("fase-gewijzigd", 2, naar="verdieping"), versie=3, door="c")


@pytest.mark.parametrize(("weg", "koud"), [(3, True), (3, False), (2, True)])
def test_registreer_never_confirms_what_it_did_not_store(
    open_db: Open, doel: str, koud: bool, weg: int
) -> None:
    """A row deleted behind the API: the stream row still says versie 3. Whether the store
    has the fold in memory (warm: it checks the row it extends) or replays (cold: it checks
    every row), it refuses and stores nothing."""
    warm = open_db()
    drie(warm)
    sql_op(doel, f"DELETE FROM ija_events WHERE stroom = 't-1' AND volgnummer = {weg}")  # noqa: S608
    db = open_db() if koud else warm
    with pytest.raises(opslag.OpslagFout, match="kloppen niet met versie 3"):
        db.registreer("t-1", ev("fase-gewijzigd", 2, naar="verdieping"), versie=3, door="c")
    rijen = open_db().controleer()
    assert "traject 't-1': de opslag noemt versie 3, maar er zijn 2 gebeurtenissen" in rijen or (
        any("ontbreekt" in r for r in rijen)
    )
    # nothing was written: still two rows of t-1
    assert len(db.controleer()) == len(rijen)


def test_a_corrupt_sqlite_file_gives_opslagfout(tmp_path: Path, m: ija.Methodiek) -> None:
    pad = tmp_path / "opslag.db"
    with opslag.open(pad, methodiek=m) as db:
        for i in range(40):
            db.nieuw({**aangemeld(), "traject": f"t-{i}"}, door="c")
    with sqlite3.connect(pad) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(pad.read_bytes())
    # damage every page after the first (the schema page stays readable)
    for begin in range(4096, len(data), 4096):
        data[begin : begin + 64] = b"\xff" * 64
    pad.write_bytes(bytes(data))
    try:
        db = opslag.open(pad, methodiek=m)
    except opslag.OpslagFout:
        pass
    else:
        with db:
            elke_lezing_is_opslagfout(db)
            assert db.controleer()  # says something, raises nothing
    # a damaged header: not a database at all
    data[0:16] = b"geen database!!\x00"
    pad.write_bytes(bytes(data))
    with pytest.raises(opslag.OpslagFout, match="geen SQLite-database"):
        opslag.open(pad, methodiek=m)
