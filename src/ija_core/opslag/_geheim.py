"""Per-stream content keys ("crypto-shredding"): on PostgreSQL each stream's events are stored
as AES-256-GCM ciphertext under a key of that stream alone (``ija_sleutels``); erasing the
stream deletes its key, so dead rows left in the events table's files can no longer be read.

A stored value is ``"ija-aesgcm1:" + base64(nonce (12 bytes) + ciphertext + tag)``; the
stream id is the associated data, so a row copied into another stream does not decrypt.
The hash chain covers the plain canonical JSON, not the ciphertext.
"""

from __future__ import annotations

import base64
import os
from typing import Any

from ija_core.errors import OpslagFout

__all__ = ["VOORVOEGSEL", "nieuwe_sleutel", "ontsleutel", "versleutel"]

VOORVOEGSEL = "ija-aesgcm1:"


def _aesgcm(sleutel: bytes) -> Any:
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError:
        raise OpslagFout(
            "PostgreSQL als opslag vraagt het pakket cryptography: installeer ija-core[postgres]"
        ) from None
    return AESGCM(sleutel)


def nieuwe_sleutel() -> bytes:
    """A fresh random 256-bit key."""
    return os.urandom(32)


def versleutel(sleutel: bytes, stroom: str, tekst: bytes) -> str:
    """``tekst`` encrypted under the stream's key, as stored text."""
    nonce = os.urandom(12)
    geheim = _aesgcm(sleutel).encrypt(nonce, tekst, stroom.encode())
    return VOORVOEGSEL + base64.b64encode(nonce + geheim).decode()


def ontsleutel(sleutel: bytes, stroom: str, opgeslagen: str) -> bytes:
    """The plain text of a stored value; ``OpslagFout`` when it cannot be decrypted."""
    from cryptography.exceptions import InvalidTag

    if not isinstance(opgeslagen, str) or not opgeslagen.startswith(VOORVOEGSEL):
        raise OpslagFout(
            f"{stroom!r}: een gebeurtenis is niet versleuteld opgeslagen terwijl de stroom een "
            "sleutel heeft (de opslag is beschadigd; db.controleer() zegt waar)"
        )
    try:
        ruw = base64.b64decode(opgeslagen[len(VOORVOEGSEL) :], validate=True)
        return bytes(_aesgcm(bytes(sleutel)).decrypt(ruw[:12], ruw[12:], stroom.encode()))
    except (ValueError, InvalidTag):
        raise OpslagFout(
            f"{stroom!r}: een versleutelde gebeurtenis is niet te ontsleutelen (de opslag is "
            "beschadigd; db.controleer() zegt waar)"
        ) from None
