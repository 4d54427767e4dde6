"""The PostgreSQL backend (psycopg 3, the ``postgres`` extra): many coaches, many app servers.

Every write is one transaction (READ COMMITTED) that first reads the stream row with
``SELECT ... FOR UPDATE``: a second writer of the same traject waits for the first, then sees
its ``versie`` and gets ``VersieConflict``. The primary key (stroom, volgnummer) of
``ija_events`` is the last line of defence: should two writers ever give the same number, the
database refuses the second and the store turns that into ``VersieConflict`` too. Writers of
different trajecten do not wait for each other.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
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

__all__ = ["PostgresBackend"]

_SLOT_SCHEMA = 0x494A41  # an advisory lock id ("IJA") held while the tables are created
_SLOT_ID = 0x494A41  # the first key of the per-id locks (pg_advisory_xact_lock(int, int))
WACHT_OPRUIMEN = 5.0
"""Seconds ``verwijder`` waits for the key table's lock before it reports it could not
rewrite it yet (the erasure itself is committed either way)."""


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise OpslagFout(
            "PostgreSQL als opslag vraagt psycopg 3: installeer ija-core[postgres]"
        ) from None
    return psycopg


class PostgresBackend(Backend):
    """The store in a PostgreSQL database (the tables are created when missing)."""

    naam = "PostgreSQL"
    versleutelt = True

    def __init__(
        self,
        dsn: str,
        *,
        graf_hash: Callable[[tuple[Any, ...]], str],
        aanmaken: bool = False,
        alleen_lezen: bool = False,
        meta_van: MetaVan | None = None,
    ) -> None:
        super().__init__()
        self.psycopg = _psycopg()
        self.fouten = (self.psycopg.Error,)
        self.dsn = dsn
        self.alleen_lezen = alleen_lezen
        self.sql = statements("%s", " FOR UPDATE OF s")
        try:
            tabellen = {
                r[0]
                for r in self.lees(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                )
            }
        except self.psycopg.Error as exc:
            self.sluit()
            raise OpslagFout(f"PostgreSQL: {str(exc).strip()}") from None
        if tabellen and "ija_opslag" not in tabellen and not aanmaken:
            self.sluit()
            raise OpslagFout(
                "PostgreSQL: deze database heeft andere tabellen en geen ija-opslag; er is niets "
                "aan veranderd (open met aanmaken=True om de tabellen van de opslag erbij te "
                "zetten)"
            )
        if alleen_lezen:
            return
        if "ija_opslag" in tabellen and self._actueel():
            return  # a store of this schema: opening takes no lock a writer could wait on
        try:
            with self.schrijf() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (_SLOT_SCHEMA,))
                for sql in schema("BYTEA", "BIGINT"):
                    cur.execute(sql)
                cur.execute(
                    "INSERT INTO ija_opslag (sleutel, waarde) VALUES ('schema', %s) "
                    "ON CONFLICT (sleutel) DO NOTHING",
                    (SCHEMA_VERSIE,),
                )
                kolommen = self._kolommen(cur, "ija_verwijderd")
                stroomkolommen = self._kolommen(cur, "ija_stromen")
                cur.execute(self.sql["schema"])
                if cur.fetchone() != (SCHEMA_VERSIE,):
                    opwaarderen(
                        cur,
                        kolommen,
                        stroomkolommen,
                        graf_hash=graf_hash,
                        placeholder="%s",
                        meta_van=meta_van,
                    )
                for sql in INDEXEN:
                    cur.execute(sql)
                cur.execute(
                    "INSERT INTO ija_opslag (sleutel, waarde) SELECT 'positie', "
                    "CAST(COALESCE(MAX(positie), 0) AS TEXT) FROM ija_feed "
                    "ON CONFLICT (sleutel) DO NOTHING"
                )
        except OpslagFout:
            self.sluit()
            raise
        except self.psycopg.Error as exc:
            self.sluit()
            raise OpslagFout(f"PostgreSQL: {str(exc).strip()}") from None

    def _actueel(self) -> bool:
        """Whether the store already has this schema and its feed counter, read without a
        lock: then opening runs no DDL (``CREATE INDEX IF NOT EXISTS`` takes a share lock on
        its table, and opening while writers commit could deadlock on the feed counter)."""
        try:
            rijen = dict(self.lees(
                "SELECT sleutel, waarde FROM ija_opslag WHERE sleutel IN ('schema', 'positie')"
            ))
        except self.psycopg.Error:
            return False
        return rijen.get("schema") == SCHEMA_VERSIE and "positie" in rijen

    @staticmethod
    def _kolommen(cur: Any, tabel: str) -> set[str]:
        cur.execute(
            "SELECT column_name FROM information_schema.columns WHERE "
            "table_schema = current_schema() AND table_name = %s",
            (tabel,),
        )
        return {r[0] for r in cur.fetchall()}

    def verbind(self) -> Any:
        try:
            conn = self.psycopg.connect(self.dsn, autocommit=True)
            if self.alleen_lezen:
                conn.execute("SET default_transaction_read_only = on")
            return conn
        except self.psycopg.Error as exc:
            raise OpslagFout(
                f"kan geen verbinding maken met PostgreSQL: {str(exc).strip()}"
            ) from None

    @contextmanager
    def schrijf(self) -> Iterator[Any]:
        conn = self.verbinding()
        with conn.transaction(), conn.cursor() as cur:
            yield cur

    def lees(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        conn = self.verbinding()
        with conn.cursor() as cur:
            cur.execute(sql, params)
            rijen: list[Any] = cur.fetchall()
            return rijen

    def lees_rijen(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        conn = self.verbinding()
        with conn.cursor() as cur:
            cur.execute(sql, params)
            yield from cur

    def lees_samen(self, vragen: Sequence[tuple[str, Sequence[Any]]]) -> list[list[Any]]:
        conn = self.verbinding()
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            uit = []
            for sql, params in vragen:
                cur.execute(sql, params)
                uit.append(cur.fetchall())
            return uit

    def slot_op_id(self, cur: Any, stroom_id: str) -> None:
        # a transaction-level advisory lock on the id (two-key space: never the schema lock)
        cur.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_SLOT_ID, stroom_id))

    def na_verwijderen(self) -> bool:
        """Rewrite the small key table, so the erased key is not left in a dead row of its
        file (the events stay as ciphertext without a key until autovacuum reuses them)."""
        conn = self.verbinding()
        try:
            conn.execute(f"SET lock_timeout = '{int(WACHT_OPRUIMEN * 1000)}ms'")
            conn.execute("VACUUM FULL ija_sleutels")
        except self.psycopg.Error:
            return False
        finally:
            with contextlib.suppress(self.psycopg.Error):
                conn.execute("RESET lock_timeout")
        return True

    def feed_erbij(self, cur: Any, rijen: Sequence[tuple[str, int, str]]) -> None:
        # One counter row, moved on as the last step before the commit: its row lock is held
        # until the commit, so a transaction that takes positions after another also commits
        # after it, and a reader never sees position n+1 before n is committed (see
        # docs: the feed's order). Writers of different streams wait for each other only here.
        cur.execute(
            "UPDATE ija_opslag SET waarde = CAST(CAST(waarde AS BIGINT) + %s AS TEXT) "
            "WHERE sleutel = 'positie' RETURNING CAST(waarde AS BIGINT)",
            (len(rijen),),
        )
        hoogste = int(cur.fetchone()[0])
        eerste = hoogste - len(rijen) + 1
        cur.executemany(self.sql["feed_erbij"], [(eerste + i, *r) for i, r in enumerate(rijen)])

    def is_dubbel(self, exc: Exception) -> bool:
        return isinstance(exc, self.psycopg.errors.UniqueViolation)
