"""The event store: trajecten kept safe while several coaches work on them (an adapter).

```python
from ija_core import opslag
with opslag.open("trajecten.db", methodiek=m) as db:          # SQLite, created when missing
    t = db.nieuw(aangemeld_event, door="coach-17")              # version 1
    t = db.registreer(t.id, event, versie=len(t.events), door="coach-17")
```

* ``open("pad/naar/bestand.db")``: SQLite (standard library, WAL, ``synchronous=FULL``);
  ``open("postgresql://...")``: PostgreSQL (psycopg 3, the ``postgres`` extra).
* ``versie`` is optimistic concurrency: ``VersieConflict`` when another writer got there
  first, and nothing stored. A refused event (``RegelOvertreding``, ``OngeldigeInvoer``)
  stores nothing; a stored event is never changed.
* Each event is stored as its canonical JSON text, chained by SHA-256 per traject
  (``_keten``); ``db.controleer()`` finds any edit made behind the API.
* ``db.verwijder(id, reden=, door=)`` removes a traject's events and keeps a tombstone; the
  erased content is scrubbed from the files (see ``Opslag.verwijder``).
* ``open(..., sleutel=b"...")``: every chain link an HMAC under the app's key; ``db.anker()``
  gives an anchor to keep elsewhere, ``db.controleer(anker=a)`` also finds a cut tail or an
  older copy put back. ``alleen_lezen=True`` for read-only media or a damaged file.

An app's backbone: ``db.info(id)`` (``Stroominfo``: fase, status, coach, wijkteam, ... kept
in the event's own transaction), ``db.ids(coach=, wijkteam=, aanbieder=, fase=, status=,
na=, limiet=)`` (keyset pages), ``db.sinds(positie, limiet)`` (the global feed in commit
order, ``FeedItem``), ``db.groepstoets(gid, peildatum=)``. ``OnbekendeStroom`` (404) and
``BestaatAl`` (409) are ``OngeldigeInvoer`` subclasses; ``open(..., toekomst_marge=)``
refuses events from the future (``InDeToekomst``).

Streams carry a ``soort``: a traject, or a group (``nieuw`` with a ``groep-aangemeld``
event; ``registreer``, ``laad``, ``geschiedenis``, ``verwijder`` and ``controleer`` work on
it the same way, ``db.groep_ids()`` and ``db.groepen()`` list the groups). Traject and group
ids share one namespace. ``db.signalen`` includes the group norms of every stored group
(``ija.groepstoets``, its members' trajecten from the store).

The core never imports this package; it imports the core.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from ija_core.errors import BestaatAl, OnbekendeStroom, OngeldigeInvoer, OpslagFout, VersieConflict
from ija_core.methodiek import Methodiek
from ija_core.opslag._keten import graf_hash
from ija_core.opslag._opslag import (
    TOEKOMST_MARGE,
    Anker,
    FeedItem,
    InDeToekomst,
    Klok,
    Opslag,
    Stroominfo,
    Vastlegging,
    Verwijdering,
    meta_van,
)

__all__ = [
    "Anker",
    "BestaatAl",
    "FeedItem",
    "InDeToekomst",
    "OnbekendeStroom",
    "Opslag",
    "OpslagFout",
    "Stroominfo",
    "Vastlegging",
    "VersieConflict",
    "Verwijdering",
    "open",
]

_POSTGRES = ("postgresql://", "postgres://")


def open(
    doel: str | os.PathLike[str],
    *,
    methodiek: Methodiek,
    klok: Klok | None = None,
    sleutel: bytes | None = None,
    alleen_lezen: bool = False,
    aanmaken: bool = False,
    toekomst_marge: timedelta = TOEKOMST_MARGE,
) -> Opslag:
    """Open (or create) an event store.

    Args:
        doel: a file path for SQLite (created when missing; its folder must exist), or a
            ``postgresql://`` address for PostgreSQL (the tables are created when missing).
        methodiek: the methodiek whose rules and ids the trajecten follow.
        klok: returns "now" as an aware datetime; the store's only clock (default: the
            system clock in UTC). Give one in tests.
        sleutel: a secret key (bytes, at least 16; kept outside the database by the app):
            every link of the hash chain is then HMAC-SHA-256 under it, so rows forged with
            recomputed plain hashes fail ``controleer()``. Give the same key every time; a
            store made with a key refuses to open without it, and the other way round.
        alleen_lezen: open for reading only (read-only media, a damaged file for
            ``controleer``); nothing in the database is changed, every write is ``OpslagFout``.
        aanmaken: put the store's tables into a database that already holds other tables
            (an app's own database); without it such a database is refused, unchanged.
        toekomst_marge: how far after the store's clock an event's ``op`` may lie (default
            one hour); a later one is refused (``InDeToekomst``, an ``OngeldigeInvoer`` with
            ``code == "toekomst"``) and nothing is stored: a mistyped year (2052) would
            otherwise make ``chronologie`` refuse every real event of that traject for good.

    Raises:
        OngeldigeInvoer: a bad argument.
        OpslagFout: the database cannot be opened (not an SQLite file, no server, no psycopg).
    """
    if not isinstance(methodiek, Methodiek):
        raise OngeldigeInvoer(
            "methodiek: verwacht een Methodiek, bv. ija.load_methodiek() (kreeg "
            f"{type(methodiek).__name__})"
        )
    m = methodiek
    if klok is not None and not callable(klok):
        raise OngeldigeInvoer(f"klok: verwacht een functie die 'nu' geeft (kreeg {klok!r})")
    if sleutel is not None and (not isinstance(sleutel, bytes) or len(sleutel) < 16):
        raise OngeldigeInvoer(
            "sleutel: verwacht geheime bytes, minstens 16 (bv. secrets.token_bytes(32)), "
            f"kreeg {type(sleutel).__name__}"
        )
    if not isinstance(toekomst_marge, timedelta) or toekomst_marge < timedelta(0):
        raise OngeldigeInvoer(
            f"toekomst_marge: verwacht een timedelta van 0 of meer (kreeg {toekomst_marge!r})"
        )
    for naam, waarde in (("alleen_lezen", alleen_lezen), ("aanmaken", aanmaken)):
        if not isinstance(waarde, bool):
            raise OngeldigeInvoer(f"{naam}: verwacht True of False (kreeg {waarde!r})")

    def graf(rij: tuple[object, ...]) -> str:
        return graf_hash(rij, sleutel)

    opties = {
        "graf_hash": graf,
        "aanmaken": aanmaken,
        "alleen_lezen": alleen_lezen,
        "meta_van": meta_van(m),
    }
    if isinstance(doel, str) and doel.startswith(_POSTGRES):
        from ija_core.opslag._postgres import PostgresBackend

        return Opslag(PostgresBackend(doel, **opties), m, klok, sleutel, toekomst_marge)  # type: ignore[arg-type]
    if not isinstance(doel, (str, os.PathLike)) or not str(doel).strip():
        raise OngeldigeInvoer(
            f"doel: verwacht een bestandspad of een postgresql://-adres (kreeg {doel!r})"
        )
    pad = Path(doel)
    if str(doel) == ":memory:":
        raise OngeldigeInvoer(
            "doel: ':memory:' kan niet: elke thread krijgt een eigen verbinding; gebruik een "
            "bestand (bv. in een tijdelijke map)"
        )
    if alleen_lezen and not pad.is_file():
        raise OpslagFout(f"{pad}: dat bestand bestaat niet (alleen_lezen maakt niets aan)")
    if not pad.parent.is_dir():
        raise OpslagFout(f"{pad}: de map {pad.parent} bestaat niet")
    if pad.is_dir():
        raise OpslagFout(f"{pad}: dat is een map, geen databasebestand")
    from ija_core.opslag._sqlite import SQLiteBackend

    return Opslag(SQLiteBackend(pad, **opties), m, klok, sleutel, toekomst_marge)  # type: ignore[arg-type]
