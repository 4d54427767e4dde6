"""A chain that resists forgery (design.md, "The store under damage, tampering and erasure"):
a forger who builds a consistent store of his own (plain hashes freshly computed) and copies
its rows over the real one is caught by a key; a cut tail or an older copy put back only by
an anchor. The metadata beside the events (type, soort, status) and the tombstones are
covered too."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ija_core as ija
from ija_core import opslag
from opslag.hulp import sql_op
from traject.hulp import aangemeld, ev, tot_verdieping

Open = Callable[..., opslag.Opslag]
SLEUTEL = b"geheim van de app, niet in de db"


def _geschiedenis(pseudoniem: str = "Noor", extra: int = 0) -> list[dict[str, Any]]:
    events = [
        {**aangemeld(), "jongere": {"pseudoniem": pseudoniem, "geboortedatum": "2006-05-01"}},
        *tot_verdieping()[1:],
    ]
    events += [ev("contact", 40 + i, met="jongere", vorm="gesprek") for i in range(extra)]
    return events


def _vul(db: opslag.Opslag, events: list[dict[str, Any]]) -> None:
    t = db.nieuw(events[0], door="c")
    for e in events[1:]:
        t = db.registreer(t.id, e, versie=len(t.events), door="c")
    db.nieuw({**aangemeld(), "traject": "t-2"}, door="c")


def _vervals(tmp_path: Path, m: ija.Methodiek, events: list[dict[str, Any]]) -> Path:
    """A consistent forged store: the forger's own (keyless) store with his history of t-1,
    built with the same clock as the real one."""
    from opslag.conftest import Klok

    pad = tmp_path / "vervalst.db"
    with opslag.open(pad, methodiek=m, klok=Klok()) as db:
        _vul(db, events)
        assert db.controleer() == []
    return pad


def _kopieer(van: Path, doel: str, stroom: str = "t-1") -> None:
    """Copy the forged store's rows of ``stroom`` over the real store's (raw SQL)."""
    with sqlite3.connect(van) as conn:
        events = conn.execute(
            "SELECT stroom, volgnummer, type, event, door, vastgelegd_op, hash FROM ija_events "
            "WHERE stroom = ?",
            (stroom,),
        ).fetchall()
        kop = conn.execute(
            "SELECT id, soort, versie, laatste_hash, status, fase, coach, wijkteam, aanbieder, "
            "aangemeld_op, laatst_op FROM ija_stromen WHERE id = ?",
            (stroom,),
        ).fetchone()
        feed = conn.execute(
            "SELECT positie, stroom, volgnummer, vastgelegd_op FROM ija_feed WHERE stroom = ?",
            (stroom,),
        ).fetchall()

    def lijst(w: Any) -> str:
        return (
            "("
            + ", ".join("NULL" if x is None else "'" + str(x).replace("'", "''") + "'" for x in w)
            + ")"
        )

    sql_op(
        doel,
        f"DELETE FROM ija_events WHERE stroom = '{stroom}'",  # noqa: S608
        f"DELETE FROM ija_sleutels WHERE stroom = '{stroom}'",  # noqa: S608
        f"DELETE FROM ija_stromen WHERE id = '{stroom}'",  # noqa: S608
        *(
            "INSERT INTO ija_events (stroom, volgnummer, type, event, door, vastgelegd_op, hash) "  # noqa: S608
            f"VALUES {lijst(e)}"
            for e in events
        ),
        f"DELETE FROM ija_feed WHERE stroom = '{stroom}'",  # noqa: S608
        "INSERT INTO ija_stromen (id, soort, versie, laatste_hash, status, fase, coach, wijkteam, "  # noqa: S608
        f"aanbieder, aangemeld_op, laatst_op) VALUES {lijst(kop)}",
        *(
            "INSERT INTO ija_feed (positie, stroom, volgnummer, vastgelegd_op) "  # noqa: S608
            f"SELECT COALESCE(MAX(positie), 0) + 1, {lijst(f[1:])[1:-1]} FROM ija_feed"
            for f in feed
        ),
    )


@pytest.mark.parametrize(
    ("wat", "vervalst"),
    [
        ("een bewerkte eerste gebeurtenis", _geschiedenis(pseudoniem="Iemand anders")),
        ("een toegevoegde gebeurtenis", _geschiedenis(extra=1)),
    ],
)
def test_a_forged_consistent_copy_fails_with_a_key(  # noqa: PLR0917 - fixtures and params
    open_db: Open, doel: str, tmp_path: Path, m: ija.Methodiek, wat: str, vervalst: Any
) -> None:
    echt = open_db(sleutel=SLEUTEL)
    _vul(echt, _geschiedenis())
    assert echt.controleer() == []
    _kopieer(_vervals(tmp_path, m, vervalst), doel)
    breuken = open_db(sleutel=SLEUTEL).controleer()
    assert any("'t-1'" in b and "gewijzigd buiten de opslag om" in b for b in breuken), wat
    assert all("'t-2'" not in b for b in breuken)


def test_without_key_the_same_forgery_passes_but_not_the_anchor(
    open_db: Open, doel: str, tmp_path: Path, m: ija.Methodiek
) -> None:
    """The limit of a plain chain, and what an anchor adds."""
    echt = open_db()
    _vul(echt, _geschiedenis())
    a = echt.anker()
    assert echt.controleer(anker=a) == []
    _kopieer(_vervals(tmp_path, m, _geschiedenis(pseudoniem="Iemand anders")), doel)
    db = open_db()
    assert db.controleer() == []  # plain hashes, freshly computed: consistent
    assert db.laad("t-1").jongere.pseudoniem == "Iemand anders"
    assert db.controleer(anker=a) == ["traject 't-1': gebeurtenis 4 is niet meer die van het anker"]


def test_a_cut_tail_passes_the_key_but_not_the_anchor(
    open_db: Open, doel: str, tmp_path: Path, m: ija.Methodiek
) -> None:
    echt = open_db(sleutel=SLEUTEL)
    _vul(echt, _geschiedenis(extra=3))
    a = echt.anker()
    geschiedenis = echt.geschiedenis("t-1")
    # cut the last two events and make the stream row agree: a keyed chain's prefix is valid
    sql_op(
        doel,
        "DELETE FROM ija_events WHERE stroom = 't-1' AND volgnummer > 5",
        f"UPDATE ija_stromen SET versie = 5, laatste_hash = '{geschiedenis[4].hash}', "  # noqa: S608
        f"laatst_op = '{geschiedenis[4].event.op.isoformat()}' WHERE id = 't-1'",
        "DELETE FROM ija_feed WHERE stroom = 't-1' AND volgnummer > 5",
    )
    db = open_db(sleutel=SLEUTEL)
    assert db.controleer() == []
    assert db.controleer(anker=a) == [
        "traject 't-1': gebeurtenis 7 uit het anker ontbreekt (ingekort of een oudere kopie)"
    ]


def test_an_older_copy_put_back_fails_the_anchor(sqlite_doel: str, m: ija.Methodiek) -> None:
    pad = Path(sqlite_doel)
    with opslag.open(pad, methodiek=m, sleutel=SLEUTEL) as db:
        _vul(db, _geschiedenis())
        oud = pad.with_suffix(".oud")
        db.anker()  # an older anchor is in the copy too
        conn = sqlite3.connect(pad)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        shutil.copy(pad, oud)
        db.registreer("t-2", ev("kennismaking", 1), versie=1, door="c")
        a = db.anker()
        assert db.controleer(anker=a) == []
    shutil.copy(oud, pad)  # the file only, as a backup is put back
    for rest in (Path(f"{pad}-wal"), Path(f"{pad}-shm")):
        rest.unlink(missing_ok=True)
    with opslag.open(pad, methodiek=m, sleutel=SLEUTEL) as db:
        assert db.controleer() == []  # the old copy is consistent in itself
        assert db.controleer(anker=a) == [
            f"het anker (positie {a.positie}) staat niet in deze opslag: een oudere kopie "
            "teruggezet, of de ankers zijn weggehaald"
        ]


@pytest.mark.parametrize(
    ("sql", "gevonden"),
    [
        (
            "UPDATE ija_stromen SET status = 'afgesloten' WHERE id = 't-1'",
            "traject 't-1': de status in de opslag ('afgesloten') klopt niet met de "
            "gebeurtenissen ('actief')",
        ),
        (
            "UPDATE ija_stromen SET soort = 'groep' WHERE id = 't-1'",
            "traject 't-1': de soort in de opslag ('groep') klopt niet met de eerste "
            "gebeurtenis (traject)",
        ),
        (
            "UPDATE ija_events SET type = 'afgesloten' WHERE stroom = 't-1' AND volgnummer = 2",
            "traject 't-1': gebeurtenis 2: het type in de opslag ('afgesloten') is niet het "
            "type van de gebeurtenis",
        ),
        (
            "UPDATE ija_verwijderd SET reden = 'bewaartermijn' WHERE id = 't-3'",
            "verwijderd traject 't-3': de aantekening is gewijzigd buiten de opslag om (de hash "
            "klopt niet)",
        ),
    ],
)
def test_metadata_and_tombstones_are_in_the_chain(
    open_db: Open, doel: str, sql: str, gevonden: str
) -> None:
    db = open_db(sleutel=SLEUTEL)
    _vul(db, _geschiedenis())
    db.nieuw({**aangemeld(), "traject": "t-3"}, door="c")
    db.verwijder("t-3", reden="AVG-verzoek", door="fg")
    assert db.controleer() == []
    assert db.ids(status="actief") == ["t-1", "t-2"]
    sql_op(doel, sql)
    assert db.controleer() == [gevonden]


def test_a_deleted_tombstone_fails_the_anchor(open_db: Open, doel: str) -> None:
    db = open_db()
    _vul(db, _geschiedenis())
    db.verwijder("t-2", reden="AVG-verzoek", door="fg")
    a = db.anker()
    sql_op(doel, "DELETE FROM ija_verwijderd WHERE id = 't-2'")
    breuken = db.controleer(anker=a)
    assert "verwijderd traject 't-2': de aantekening van het anker ontbreekt" in breuken
    # the feed still holds the erased stream's places: it too says something is missing
    assert [b for b in breuken if b.startswith("feed:")] == [
        "feed: positie 5 noemt gebeurtenis 1 van 't-2', die niet in de opslag staat"
    ]


def test_an_erasure_after_the_anchor_is_no_break(open_db: Open) -> None:
    db = open_db(sleutel=SLEUTEL)
    _vul(db, _geschiedenis())
    a = db.anker()
    db.verwijder("t-1", reden="AVG-verzoek", door="fg")
    db.registreer("t-2", ev("kennismaking", 1), versie=1, door="c")
    assert db.controleer(anker=a) == []
    assert db.anker().positie == a.positie + 1


def test_the_key_must_match_the_store(open_db: Open) -> None:
    _vul(open_db(sleutel=SLEUTEL), _geschiedenis())
    with pytest.raises(opslag.OpslagFout, match="niet de sleutel"):
        open_db(sleutel=b"een andere sleutel van de app")
    with pytest.raises(opslag.OpslagFout, match="met een sleutel aangelegd"):
        open_db()
    with pytest.raises(ija.OngeldigeInvoer, match="sleutel"):
        open_db(sleutel="tekst")
    with pytest.raises(ija.OngeldigeInvoer, match="anker"):
        open_db(sleutel=SLEUTEL).controleer(anker="abc")  # type: ignore[arg-type]
