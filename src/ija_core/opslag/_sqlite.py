"""The SQLite backend (standard library ``sqlite3``): one file, nothing to install.

WAL journal (readers never wait for the writer), ``synchronous=FULL`` (a committed event is
on disk before ``registreer`` returns, also after a power cut), and ``BEGIN IMMEDIATE`` for
every write: the database's write lock is taken before the stream row is read, so the check
of ``versie`` and the insert are one transaction that no other writer (thread or process)
can interleave. A writer that finds the lock taken waits up to ``WACHTTIJD`` seconds.
"""

from __future__ import annotations

import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ija_core.errors import OpslagFout
from ija_core.opslag._backend import (
    INDEXEN,
    SCHEMA_VERSIE,
    Backend,
    MetaVan,
    opwaarderen,
    schema,
    statements,
)

__all__ = ["SQLiteBackend"]

WACHTTIJD = 60.0
"""Seconds a writer waits for another writer's transaction before giving up."""
WACHT_OPRUIMEN = 5.0
"""Seconds ``verwijder`` waits for readers to let go of the WAL before it reports it could not
clear it yet (the erasure itself is committed either way)."""


class SQLiteBackend(Backend):
    """The store in one SQLite file (created when missing)."""

    naam = "SQLite"
    fouten = (sqlite3.Error,)

    def __init__(
        self,
        pad: Path,
        *,
        graf_hash: Callable[[tuple[Any, ...]], str],
        aanmaken: bool = False,
        alleen_lezen: bool = False,
        meta_van: MetaVan | None = None,
    ) -> None:
        super().__init__()
        self.pad = pad
        self.alleen_lezen = alleen_lezen
        self.sql = statements("?", "")
        try:
            conn = self.verbinding()
            tabellen = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if tabellen and "ija_opslag" not in tabellen and not aanmaken:
                raise OpslagFout(
                    f"{pad}: deze database heeft andere tabellen en geen ija-opslag; er is niets "
                    "aan veranderd (open met aanmaken=True om de tabellen van de opslag erbij "
                    "te zetten)"
                )
            if alleen_lezen:
                return
            modus = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(modus).lower() != "wal":
                raise OpslagFout(
                    f"{pad}: SQLite kan hier geen WAL-journaal gebruiken (kreeg {modus})"
                )
            with self.schrijf() as cur:
                for sql in schema("BLOB", "INTEGER"):
                    # events are read by (stroom, volgnummer): keep them clustered on that key
                    cur.execute(sql + (" WITHOUT ROWID" if "ija_events" in sql else ""))
                cur.execute(
                    "INSERT OR IGNORE INTO ija_opslag (sleutel, waarde) VALUES ('schema', ?)",
                    (SCHEMA_VERSIE,),
                )
                kolommen = {r[1] for r in cur.execute("PRAGMA table_info(ija_verwijderd)")}
                stroomkolommen = {r[1] for r in cur.execute("PRAGMA table_info(ija_stromen)")}
                if cur.execute(self.sql["schema"]).fetchone() != (SCHEMA_VERSIE,):
                    opwaarderen(
                        cur,
                        kolommen,
                        stroomkolommen,
                        graf_hash=graf_hash,
                        placeholder="?",
                        meta_van=meta_van,
                    )
                for sql in INDEXEN:
                    cur.execute(sql)
                # the feed row of every event is written by SQLite itself, in the same
                # statement (one round trip less per event than a second INSERT)
                cur.execute(
                    "CREATE TRIGGER IF NOT EXISTS ija_feed_erbij AFTER INSERT ON ija_events "
                    "BEGIN INSERT INTO ija_feed (stroom, volgnummer, vastgelegd_op) "
                    "VALUES (NEW.stroom, NEW.volgnummer, NEW.vastgelegd_op); END"
                )
        except OpslagFout:
            self.sluit()
            raise
        except sqlite3.Error as exc:
            self.sluit()
            raise OpslagFout(f"{pad}: geen SQLite-database die ija kan openen ({exc})") from None

    def verbind(self) -> sqlite3.Connection:
        if self.alleen_lezen:
            return self._verbind_lezen()
        conn = sqlite3.connect(
            self.pad, isolation_level=None, check_same_thread=False, timeout=WACHTTIJD
        )
        conn.execute("PRAGMA synchronous=FULL")
        # deleted content is overwritten with zeros (erasure), whatever SQLite was built with
        conn.execute("PRAGMA secure_delete=ON")
        return conn

    def _verbind_lezen(self) -> sqlite3.Connection:
        """A read-only connection; on read-only media (where SQLite cannot make the WAL's
        shared-memory file) one that treats the file as unchangeable."""
        uri = "file:" + urllib.parse.quote(str(self.pad.resolve()))
        conn = sqlite3.connect(
            uri + "?mode=ro", uri=True, isolation_level=None, check_same_thread=False,
            timeout=WACHTTIJD,
        )  # fmt: skip
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            conn = sqlite3.connect(
                uri + "?immutable=1", uri=True, isolation_level=None, check_same_thread=False
            )
        return conn

    @contextmanager
    def schrijf(self) -> Iterator[sqlite3.Cursor]:
        conn: sqlite3.Connection = self.verbinding()
        cur = conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def lees(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        conn: sqlite3.Connection = self.verbinding()
        return conn.execute(sql, params).fetchall()

    def lees_rijen(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        conn: sqlite3.Connection = self.verbinding()
        yield from conn.execute(sql, params)

    def lees_samen(self, vragen: Sequence[tuple[str, Sequence[Any]]]) -> list[list[Any]]:
        conn: sqlite3.Connection = self.verbinding()
        conn.execute("BEGIN")
        try:
            return [conn.execute(sql, params).fetchall() for sql, params in vragen]
        finally:
            conn.rollback()

    def na_verwijderen(self) -> bool:
        """Checkpoint the WAL into the (scrubbed) database file and truncate it, waiting at
        most ``WACHT_OPRUIMEN`` seconds for readers; False when a reader kept it."""
        conn: sqlite3.Connection = self.verbinding()
        conn.execute(f"PRAGMA busy_timeout={int(WACHT_OPRUIMEN * 1000)}")
        try:
            bezet, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error:
            return False
        finally:
            conn.execute(f"PRAGMA busy_timeout={int(WACHTTIJD * 1000)}")
        return bool(bezet == 0)

    def feed_erbij(self, cur: Any, rijen: Sequence[tuple[str, int, str]]) -> None:
        """Nothing to do: the trigger ``ija_feed_erbij`` wrote the rows with the events.
        ``positie`` is the rowid, one more than the highest, given under the database's
        write lock (BEGIN IMMEDIATE): positions follow the order of the commits."""

    def is_dubbel(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.IntegrityError) and "UNIQUE" in str(exc)
