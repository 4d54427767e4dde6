"""The hash chain of a stream: canonical JSON and SHA-256, nothing else (no database here).

With a key (``opslag.open(..., sleutel=...)``) every link is HMAC-SHA-256 under that key
instead of a plain SHA-256, so a forger who recomputes the chain without the key is caught.
Tombstones have a link of their own (``graf_hash``), and an anchor (``anker_hash``) is a
digest over every stream's head and every tombstone at one moment.

Each stored event gets ``hash = sha256(canonical JSON of {door, event, stroom, vastgelegd_op,
volgnummer, vorige})`` in lowercase hex, where ``event`` is the event's own canonical JSON
(the text that is stored), ``vorige`` the hash of the event before it (``""`` for the first)
and ``vastgelegd_op`` the UTC moment of recording as ISO text. Canonical JSON: keys sorted,
no spaces, UTF-8, as orjson writes with ``OPT_SORT_KEYS``. The document is assembled from
those pieces directly, in the sorted key order, so checking a chain never parses an event.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import orjson

__all__ = ["anker_hash", "canoniek", "graf_hash", "keten_hash", "sleutel_merk"]

_SORTEER = orjson.OPT_SORT_KEYS


def canoniek(data: Any) -> bytes:
    """``data`` as canonical JSON: sorted keys, no spaces, UTF-8."""
    return orjson.dumps(data, option=_SORTEER)


def keten_hash(
    *,
    vorige: str,
    event: bytes,
    stroom: str,
    volgnummer: int,
    door: str,
    vastgelegd_op: str,
    sleutel: bytes | None = None,
) -> str:
    """The hash of one stored event (see the module docstring); ``event`` is canonical JSON.
    With ``sleutel``: HMAC-SHA-256 under that key."""
    document = b"".join(
        (
            b'{"door":',
            orjson.dumps(door),
            b',"event":',
            event,
            b',"stroom":',
            orjson.dumps(stroom),
            b',"vastgelegd_op":',
            orjson.dumps(vastgelegd_op),
            b',"volgnummer":',
            str(volgnummer).encode(),
            b',"vorige":',
            orjson.dumps(vorige),
            b"}",
        )
    )
    return _digest(document, sleutel)


def _digest(document: bytes, sleutel: bytes | None) -> str:
    if sleutel is None:
        return hashlib.sha256(document).hexdigest()
    return hmac.new(sleutel, document, hashlib.sha256).hexdigest()


def graf_hash(rij: tuple[Any, ...], sleutel: bytes | None) -> str:
    """The link of a tombstone: over (id, soort, reden, door, verwijderd_op, aantal)."""
    return _digest(b"ija-graf:" + canoniek(list(rij)), sleutel)


def anker_hash(positie: int, rijen: list[tuple[str, int, str]], sleutel: bytes | None) -> str:
    """An anchor: a digest over (stream or tombstone id, versie (-1 for a tombstone), hash)
    of every stream and tombstone, in order of id, and the anchor's position."""
    return _digest(b"ija-anker:" + canoniek([positie, [list(r) for r in rijen]]), sleutel)


def sleutel_merk(sleutel: bytes) -> str:
    """What the store keeps to recognise its key (never the key): an HMAC of a fixed text."""
    return hmac.new(sleutel, b"ija-core opslag sleutel", hashlib.sha256).hexdigest()
