"""The hash chain of a stream: canonical JSON and SHA-256, nothing else (no database here).

Each stored event gets ``hash = sha256(canonical JSON of {door, event, stroom, vastgelegd_op,
volgnummer, vorige})`` in lowercase hex, where ``event`` is the event's own canonical JSON
(the text that is stored), ``vorige`` the hash of the event before it (``""`` for the first)
and ``vastgelegd_op`` the UTC moment of recording as ISO text. Canonical JSON: keys sorted,
no spaces, UTF-8, as orjson writes with ``OPT_SORT_KEYS``. The document is assembled from
those pieces directly, in the sorted key order, so checking a chain never parses an event.
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

__all__ = ["canoniek", "keten_hash"]

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
) -> str:
    """The hash of one stored event (see the module docstring); ``event`` is canonical JSON."""
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
    return hashlib.sha256(document).hexdigest()
