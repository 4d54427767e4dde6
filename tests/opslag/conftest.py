"""The store's suite runs against both backends: SQLite in ``tmp_path`` and a real PostgreSQL
server that this conftest starts once per session in a temporary folder (no TCP: a Unix
socket in that folder), stopped with ``-m immediate`` at the end.

As root, ``initdb`` and ``pg_ctl`` run through ``runuser -u postgres`` in a folder made with
``tempfile.mkdtemp()`` and handed to the ``postgres`` user (``initdb`` refuses root, and
pytest's own temporary tree is root-only). The PostgreSQL tests are skipped, with a message
saying what to install, only when the server binaries are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import ija_core as ija
from ija_core import opslag

POORT = "54329"


def _pg_bin() -> Path | None:
    """The folder of ``pg_ctl`` and ``initdb``: Debian's /usr/lib/postgresql/N/bin (newest)."""
    kandidaten = (
        sorted(
            Path("/usr/lib/postgresql").glob("*/bin"),
            key=lambda p: int(p.parent.name),
            reverse=True,
        )
        if Path("/usr/lib/postgresql").is_dir()
        else []
    )
    for map_ in kandidaten:
        if (map_ / "pg_ctl").exists() and (map_ / "initdb").exists():
            return map_
    gevonden = shutil.which("pg_ctl")
    return Path(gevonden).parent if gevonden and shutil.which("initdb") else None


@pytest.fixture(scope="session")
def postgres_dsn() -> Iterator[str]:
    """A private PostgreSQL server for this session: its ``postgresql://`` address."""
    pg = _pg_bin()
    if pg is None:
        pytest.skip(
            "PostgreSQL ontbreekt (geen initdb/pg_ctl): installeer het Debian-pakket "
            "'postgresql' (.ci/run doet dat) om de opslag ook op PostgreSQL te testen"
        )
    map_ = Path(tempfile.mkdtemp(prefix="ija-pg-"))
    als: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(map_, user="postgres", group="postgres")
        als = ["runuser", "-u", "postgres", "--"]
    data = map_ / "data"
    subprocess.run(
        [*als, str(pg / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-N"],
        check=True,
        capture_output=True,
    )
    opties = f"-k {map_} -p {POORT} -c listen_addresses=''"
    subprocess.run(
        [*als, str(pg / "pg_ctl"), "-D", str(data), "-w", "-l", str(map_ / "log"), "-o", opties,
         "start"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    try:
        yield f"postgresql://postgres@/postgres?host={map_}&port={POORT}"
    finally:
        subprocess.run(
            [*als, str(pg / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(map_, ignore_errors=True)


def _leeg(dsn: str) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            "DROP TABLE IF EXISTS ija_events, ija_stromen, ija_verwijderd, ija_opslag, "
            "ija_sleutels, ija_ankers, ija_feed"
        )


@pytest.fixture(params=["sqlite", "postgres"])
def doel(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh, empty store lives: an SQLite file, or the PostgreSQL server emptied."""
    if request.param == "sqlite":
        return str(tmp_path / "opslag.db")
    dsn: str = request.getfixturevalue("postgres_dsn")
    _leeg(dsn)
    return dsn


@pytest.fixture
def sqlite_doel(tmp_path: Path) -> str:
    """A fresh SQLite store file (tests that need a file: tamper with it, kill its writer)."""
    return str(tmp_path / "opslag.db")


class Klok:
    """A test clock: starts at a fixed moment and moves one second per reading."""

    def __init__(self) -> None:
        from datetime import UTC, datetime

        self.nu = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> object:
        from datetime import timedelta

        moment = self.nu
        self.nu += timedelta(seconds=1)
        return moment


@pytest.fixture
def open_db(doel: str, m: ija.Methodiek) -> Iterator[Callable[..., opslag.Opslag]]:
    """Open the test's store (more than once if asked); every opened store is closed after."""
    geopend: list[opslag.Opslag] = []

    def open_(**kw: object) -> opslag.Opslag:
        kw.setdefault("klok", Klok())
        db = opslag.open(doel, methodiek=m, **kw)  # type: ignore[arg-type]
        geopend.append(db)
        return db

    yield open_
    for db in geopend:
        db.close()
