"""What the store needs from a database: the schema, the statements, and transactions.

Two backends implement it: ``_sqlite`` (the standard library) and ``_postgres`` (psycopg 3).
Each thread gets its own connection; ``schrijf()`` is one write transaction that already
holds the stream's write lock when the store reads the stream row (SQLite: ``BEGIN
IMMEDIATE``, the database's write lock; PostgreSQL: ``SELECT ... FOR UPDATE`` on the row).

The schema (table names start with ``ija_`` so the tables can live in an app's own database)::

    ija_opslag     (sleutel PK, waarde)              schema version
    ija_stromen    (id PK, soort, versie, laatste_hash, status, fase, coach, wijkteam,
                    aanbieder, aangemeld_op, laatst_op)
                   soort: 'traject' or 'groep'; the rest is ``db.info``, written in the same
                   transaction as the event that changes it (``controleer`` replays to check it)
    ija_feed       (positie PK, stroom, volgnummer, vastgelegd_op)   the global feed
                   (``db.sinds``): one row per event, numbered in commit order; kept after
                   erasure (without content: the event row is gone)
    ija_events     (stroom, volgnummer, type, event, door, vastgelegd_op, hash)
                   PRIMARY KEY (stroom, volgnummer): the last line of defence against two
                   writers giving the same number; ``event`` is the event's canonical JSON text
    ija_verwijderd (id PK, soort, reden, door, verwijderd_op, aantal, hash)   the tombstones,
                   each with its own link (plain or keyed, as the events)
    ija_ankers     (positie, stroom, versie, hash)  what each anchor (``db.anker()``) covered
    ija_sleutels   (stroom PK, sleutel)             per-stream content keys (PostgreSQL):
                   ``event`` is then AES-GCM ciphertext; erasure deletes the key
                   ("crypto-shredding"). A stream without a key row is stored as plain JSON.
"""

from __future__ import annotations

import contextlib
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

__all__ = [
    "INDEXEN",
    "META",
    "SCHEMA",
    "SCHEMA_VERSIE",
    "Backend",
    "MetaVan",
    "opwaarderen",
    "schema",
    "statements",
]

MetaVan = Callable[[str, str, list[tuple[Any, Any]]], tuple[Any, ...]]
"""What the store gives a backend to fill the metadata of an older store: (stream id, soort,
rows of (stored text, key)) -> (status, fase, coach, wijkteam, aanbieder, aangemeld_op,
laatst_op)."""

SCHEMA_VERSIE = "3"
"""1: the first schema; 2: tombstones get a ``hash`` link, ``ija_sleutels`` and ``ija_ankers``;
3: the streams' metadata (``db.info``, ``db.ids`` filters) and the feed ``ija_feed``."""

META = ("fase", "coach", "wijkteam", "aanbieder", "aangemeld_op", "laatst_op")
"""The metadata columns of ``ija_stromen`` beside ``status`` (schema 3)."""

_STATEMENTS: dict[str, str] = {
    "stroom": (  # with the key and the hash of the row the stream's versie names
        "SELECT s.soort, s.versie, s.laatste_hash, s.status, k.sleutel, h.hash "
        "FROM ija_stromen s LEFT JOIN ija_sleutels k ON k.stroom = s.id "
        "LEFT JOIN ija_events h ON h.stroom = s.id AND h.volgnummer = s.versie WHERE s.id = ?"
    ),
    "graf": "SELECT reden, door, verwijderd_op FROM ija_verwijderd WHERE id = ?",
    "nieuwe_stroom": (
        "INSERT INTO ija_stromen (id, soort, versie, laatste_hash, status, fase, coach, "
        "wijkteam, aanbieder, aangemeld_op, laatst_op) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "stroom_bij": (
        "UPDATE ija_stromen SET versie = ?, laatste_hash = ?, status = ?, fase = ?, "
        "laatst_op = ? WHERE id = ?"
    ),
    "stroom_bij_coach": (
        "UPDATE ija_stromen SET versie = ?, laatste_hash = ?, status = ?, fase = ?, "
        "laatst_op = ?, coach = ? WHERE id = ?"
    ),
    "info": (
        "SELECT id, soort, versie, fase, status, coach, wijkteam, aanbieder, aangemeld_op, "
        "laatst_op FROM ija_stromen WHERE id = ?"
    ),
    "feed_erbij": (
        "INSERT INTO ija_feed (positie, stroom, volgnummer, vastgelegd_op) VALUES (?, ?, ?, ?)"
    ),
    "sinds": (
        "SELECT f.positie, f.stroom, f.volgnummer, f.vastgelegd_op, e.event, k.sleutel, s.soort "
        "FROM ija_feed f LEFT JOIN ija_events e ON e.stroom = f.stroom AND "
        "e.volgnummer = f.volgnummer LEFT JOIN ija_sleutels k ON k.stroom = f.stroom "
        "LEFT JOIN ija_stromen s ON s.id = f.stroom WHERE f.positie > ? "
        "ORDER BY f.positie LIMIT ?"
    ),
    "feed_keten": "SELECT positie, stroom, volgnummer, vastgelegd_op FROM ija_feed ORDER BY positie",
    "event_erbij": (
        "INSERT INTO ija_events (stroom, volgnummer, type, event, door, vastgelegd_op, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"
    ),
    "events": (
        "SELECT e.event, k.sleutel FROM ija_events e LEFT JOIN ija_sleutels k "
        "ON k.stroom = e.stroom WHERE e.stroom = ? ORDER BY e.volgnummer"
    ),
    "events_keten": (
        "SELECT e.volgnummer, e.event, e.hash, k.sleutel FROM ija_events e LEFT JOIN "
        "ija_sleutels k ON k.stroom = e.stroom WHERE e.stroom = ? ORDER BY e.volgnummer"
    ),
    "geschiedenis": (
        "SELECT e.volgnummer, e.event, e.vastgelegd_op, e.door, e.hash, k.sleutel "
        "FROM ija_events e LEFT JOIN ija_sleutels k ON k.stroom = e.stroom "
        "WHERE e.stroom = ? ORDER BY e.volgnummer"
    ),
    "alle_events": (
        "SELECT e.stroom, e.event, k.sleutel FROM ija_events e JOIN ija_stromen s "
        "ON s.id = e.stroom LEFT JOIN ija_sleutels k ON k.stroom = e.stroom "
        "WHERE s.soort = 'traject' ORDER BY e.stroom, e.volgnummer"
    ),
    "alle_groepsevents": (
        "SELECT e.stroom, e.event, k.sleutel FROM ija_events e JOIN ija_stromen s "
        "ON s.id = e.stroom LEFT JOIN ija_sleutels k ON k.stroom = e.stroom "
        "WHERE s.soort = 'groep' ORDER BY e.stroom, e.volgnummer"
    ),
    "soort": "SELECT soort FROM ija_stromen WHERE id = ?",
    "keten": (
        "SELECT e.stroom, e.volgnummer, e.event, e.door, e.vastgelegd_op, e.hash, k.sleutel, "
        "e.type FROM ija_events e LEFT JOIN ija_sleutels k ON k.stroom = e.stroom "
        "ORDER BY e.stroom, e.volgnummer"
    ),
    "stromen_keten": (
        "SELECT id, versie, laatste_hash, soort, status, fase, coach, wijkteam, aanbieder, "
        "aangemeld_op, laatst_op FROM ija_stromen ORDER BY id"
    ),
    "ids": "SELECT id FROM ija_stromen WHERE soort = 'traject' ORDER BY id",
    "ids_status": "SELECT id FROM ija_stromen WHERE soort = 'traject' AND status = ? ORDER BY id",
    "groep_ids": "SELECT id FROM ija_stromen WHERE soort = 'groep' ORDER BY id",
    "weg_events": "DELETE FROM ija_events WHERE stroom = ?",
    "weg_stroom": "DELETE FROM ija_stromen WHERE id = ?",
    "weg_sleutel": "DELETE FROM ija_sleutels WHERE stroom = ?",
    "sleutel_erbij": "INSERT INTO ija_sleutels (stroom, sleutel) VALUES (?, ?)",
    "grafsteen": (
        "INSERT INTO ija_verwijderd (id, soort, reden, door, verwijderd_op, aantal, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"
    ),
    "grafstenen": "SELECT id, reden, door, verwijderd_op, aantal FROM ija_verwijderd ORDER BY id",
    "graven_keten": (
        "SELECT id, soort, reden, door, verwijderd_op, aantal, hash FROM ija_verwijderd ORDER BY id"
    ),
    "anker_stromen": "SELECT id, versie, laatste_hash FROM ija_stromen ORDER BY id",
    "anker_graven": "SELECT id, hash FROM ija_verwijderd ORDER BY id",
    "anker_max": "SELECT COALESCE(MAX(positie), 0) FROM ija_ankers",
    "anker_erbij": "INSERT INTO ija_ankers (positie, stroom, versie, hash) VALUES (?, ?, ?, ?)",
    "anker_rijen": "SELECT stroom, versie, hash FROM ija_ankers WHERE positie = ? ORDER BY stroom",
    "merk": "SELECT waarde FROM ija_opslag WHERE sleutel = 'keten'",
    "schema": "SELECT waarde FROM ija_opslag WHERE sleutel = 'schema'",
}

SCHEMA: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS ija_opslag (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS ija_stromen ("
    " id TEXT PRIMARY KEY,"
    " soort TEXT NOT NULL CHECK (soort IN ('traject', 'groep')),"
    " versie INTEGER NOT NULL CHECK (versie >= 1),"
    " laatste_hash TEXT NOT NULL,"
    " status TEXT NOT NULL{META})",
    "CREATE TABLE IF NOT EXISTS ija_events ("
    " stroom TEXT NOT NULL,"
    " volgnummer INTEGER NOT NULL CHECK (volgnummer >= 1),"
    " type TEXT NOT NULL,"
    " event TEXT NOT NULL,"
    " door TEXT NOT NULL,"
    " vastgelegd_op TEXT NOT NULL,"
    " hash TEXT NOT NULL,"
    " PRIMARY KEY (stroom, volgnummer))",
    "CREATE TABLE IF NOT EXISTS ija_verwijderd ("
    " id TEXT PRIMARY KEY,"
    " soort TEXT NOT NULL,"
    " reden TEXT NOT NULL,"
    " door TEXT NOT NULL,"
    " verwijderd_op TEXT NOT NULL,"
    " aantal INTEGER NOT NULL,"
    " hash TEXT)",
    "CREATE TABLE IF NOT EXISTS ija_ankers ("
    " positie INTEGER NOT NULL,"
    " stroom TEXT NOT NULL,"
    " versie INTEGER NOT NULL,"
    " hash TEXT NOT NULL,"
    " PRIMARY KEY (positie, stroom))",
    "CREATE TABLE IF NOT EXISTS ija_sleutels (stroom TEXT PRIMARY KEY, sleutel {BYTES} NOT NULL)",
    "CREATE TABLE IF NOT EXISTS ija_feed ("
    " positie {POSITIE} PRIMARY KEY,"
    " stroom TEXT NOT NULL,"
    " volgnummer INTEGER NOT NULL,"
    " vastgelegd_op TEXT NOT NULL)",
)

_META_KOLOMMEN = (
    ", fase TEXT, coach TEXT, wijkteam TEXT, aanbieder TEXT, aangemeld_op TEXT, laatst_op TEXT"
)

INDEXEN: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS ija_stromen_coach ON ija_stromen (coach, id)",
    "CREATE INDEX IF NOT EXISTS ija_stromen_wijkteam ON ija_stromen (wijkteam, id)",
    "CREATE INDEX IF NOT EXISTS ija_stromen_aanbieder ON ija_stromen (aanbieder, id)",
)
"""Made after ``opwaarderen`` (an older store gets the columns first)."""


def statements(placeholder: str, slot: str) -> dict[str, str]:
    """Every statement with ``?`` replaced by the driver's placeholder; ``stroom_slot`` is
    the stream row read with ``slot`` appended (``" FOR UPDATE"`` or ``""``)."""
    sql = {k: v.replace("?", placeholder) for k, v in _STATEMENTS.items()}
    sql["stroom_slot"] = sql["stroom"] + slot
    sql["merk_param"] = placeholder
    return sql


def opwaarderen(
    cur: Any,
    kolommen: set[str],
    stroomkolommen: set[str],
    *,
    graf_hash: Any,
    placeholder: str,
    meta_van: MetaVan | None,
) -> None:
    """Bring a store of an earlier schema to the current one, in the caller's transaction
    (the new tables are made by SCHEMA, the indexes by INDEXEN after this).

    1 -> 2: the tombstones get their ``hash`` column, filled for the rows already there (only
    now, once: a later NULL is damage that ``controleer`` names).
    2 -> 3: the streams get their metadata columns, filled by replaying each stream
    (``meta_van``), and every stored event gets its row in the feed, in the order the events
    were recorded (``vastgelegd_op``, then stream and volgnummer).
    """
    p = placeholder
    if "hash" not in kolommen:
        cur.execute("ALTER TABLE ija_verwijderd ADD COLUMN hash TEXT")
        cur.execute(
            "SELECT id, soort, reden, door, verwijderd_op, aantal FROM ija_verwijderd ORDER BY id"
        )
        for rij in cur.fetchall():
            cur.execute(
                f"UPDATE ija_verwijderd SET hash = {p} WHERE id = {p}",  # noqa: S608
                (graf_hash(tuple(rij)), rij[0]),
            )
    if "coach" not in stroomkolommen:
        for kolom in META:
            cur.execute(f"ALTER TABLE ija_stromen ADD COLUMN {kolom} TEXT")
        if meta_van is None:  # pragma: no cover - the store always gives it
            raise RuntimeError("opwaarderen naar schema 3 vraagt meta_van")
        cur.execute(
            "SELECT e.stroom, s.soort, e.event, k.sleutel FROM ija_events e JOIN ija_stromen s "
            "ON s.id = e.stroom LEFT JOIN ija_sleutels k ON k.stroom = e.stroom "
            "ORDER BY e.stroom, e.volgnummer"
        )
        per_stroom: dict[str, tuple[str, list[tuple[Any, Any]]]] = {}
        for stroom, soort, tekst, sleutel in cur.fetchall():
            per_stroom.setdefault(stroom, (soort, []))[1].append((tekst, sleutel))
        zet = ", ".join(f"{k} = {p}" for k in ("status", *META))
        for stroom, (soort, rijen) in per_stroom.items():
            cur.execute(
                f"UPDATE ija_stromen SET {zet} WHERE id = {p}",  # noqa: S608
                (*meta_van(stroom, soort, rijen), stroom),
            )
        cur.execute(
            "SELECT stroom, volgnummer, vastgelegd_op FROM ija_events "
            "ORDER BY vastgelegd_op, stroom, volgnummer"
        )
        rijen_feed = [(n, *r) for n, r in enumerate(cur.fetchall(), 1)]
        if rijen_feed:
            cur.executemany(
                f"INSERT INTO ija_feed (positie, stroom, volgnummer, vastgelegd_op) "  # noqa: S608
                f"VALUES ({p}, {p}, {p}, {p})",
                rijen_feed,
            )
    cur.execute(
        f"UPDATE ija_opslag SET waarde = {p} WHERE sleutel = 'schema'",  # noqa: S608
        (SCHEMA_VERSIE,),
    )


def schema(bytes_type: str, positie_type: str) -> tuple[str, ...]:
    """The schema's statements in a dialect (``BLOB`` or ``BYTEA`` for the keys; ``INTEGER``
    (SQLite's rowid) or ``BIGINT`` for the feed's positions)."""
    return tuple(
        s.replace("{BYTES}", bytes_type)
        .replace("{POSITIE}", positie_type)
        .replace("{META}", _META_KOLOMMEN)
        for s in SCHEMA
    )


class Backend(ABC):
    """One database behind the store: a connection per thread, write transactions, reads."""

    naam: str
    """Shown in messages: ``SQLite`` or ``PostgreSQL``."""
    fouten: tuple[type[Exception], ...]
    """The driver's own errors (turned into ``OpslagFout`` by the store)."""
    sql: dict[str, str]
    """The statements of ``_STATEMENTS`` in this driver's dialect."""
    alleen_lezen: bool = False
    """Opened with ``alleen_lezen=True``: every write fails (``OpslagFout``)."""
    versleutelt: bool = False
    """Whether new streams get a content key (``ija_sleutels``): erasure by destroying it."""

    def __init__(self) -> None:
        self._lokaal = threading.local()
        self._alle: list[Any] = []
        self._slot = threading.Lock()
        self.gesloten = False

    def verbinding(self) -> Any:
        """This thread's connection (made on first use)."""
        conn = getattr(self._lokaal, "conn", None)
        if conn is None:
            conn = self.verbind()
            with self._slot:
                self._alle.append(conn)
            self._lokaal.conn = conn
        return conn

    @abstractmethod
    def verbind(self) -> Any:
        """A new connection, configured."""

    @abstractmethod
    def schrijf(self) -> AbstractContextManager[Any]:
        """One write transaction: a cursor; commits on leaving, rolls back on an exception.

        The store reads the stream row first with ``sql["stroom_slot"]``, which holds the
        stream's write lock until the transaction ends.
        """

    @abstractmethod
    def lees(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The rows of one query, outside any write transaction."""

    @abstractmethod
    def lees_rijen(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        """The rows of one query one by one (a big result is never one list of tuples)."""

    @abstractmethod
    def lees_samen(self, vragen: Sequence[tuple[str, Sequence[Any]]]) -> list[list[Any]]:
        """The rows of several queries, read from one snapshot of the database."""

    @abstractmethod
    def feed_erbij(self, cur: Any, rijen: Sequence[tuple[str, int, str]]) -> None:
        """Give the events of this write transaction (stream, volgnummer, vastgelegd_op) their
        feed positions, higher than every position a reader can already see or will see
        committed before this transaction (see the backends for how)."""

    def slot_op_id(self, cur: Any, stroom_id: str) -> None:  # noqa: B027 - optional hook
        """Hold a lock on this id until the transaction ends, so that creating and erasing
        the same id never interleave (SQLite: the database's write lock already does)."""

    @abstractmethod
    def na_verwijderen(self) -> bool:
        """After an erasure's commit: scrub what the database files still hold of it (within a
        bounded wait). True when done, False when another connection kept it from finishing."""

    @abstractmethod
    def is_dubbel(self, exc: Exception) -> bool:
        """Whether ``exc`` is a unique-constraint violation."""

    def sluit(self) -> None:
        """Close every connection of every thread."""
        with self._slot:
            alle, self._alle = self._alle, []
            self.gesloten = True
        for conn in alle:
            with contextlib.suppress(*self.fouten):  # close what can be closed
                conn.close()
