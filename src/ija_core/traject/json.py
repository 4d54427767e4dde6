"""The JSON form of a traject: ``{"formaat": "ija-traject/1", "events": [...]}``.

* an **event** is an object with ``"type"`` and the fields of its class (``ija.from_json(text,
  ija.Gebeurtenis, methodiek=m)`` picks the class from ``type``; a concrete class also accepts
  its own ``type``). Optional fields that are None are left out on output; ``resultaat`` of
  ``instrument-ingezet`` is always written (``null`` for an instrument without a result).
* a **traject** is ``{"formaat": "ija-traject/1", "events": [...]}``: the state is rebuilt by
  replaying the events, so ``from_json(to_json(t)) == t``. On input a bare array of events is
  accepted too. Paths in errors are ``$.events[3]...`` (object) or ``$[3]...`` (array).

Events are read and written by the codec of the traject's Methodiek (``ija_core._codec``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ija_core._codec import codec_voor, stroom_events
from ija_core.traject.traject import Traject, _replay

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek

__all__ = ["FORMAAT", "traject_data", "traject_uit_data"]

FORMAAT = "ija-traject/1"
"""The value of ``"formaat"`` in a traject's JSON."""


def traject_uit_data(value: Any, methodiek: Methodiek) -> Traject:
    """Replay a traject from its parsed JSON (the object form or a bare list of events)."""
    if (
        value.__class__ is dict
        and len(value) == 2
        and "events" in value
        and value.get("formaat") == FORMAAT
    ):  # the common case: exactly the two keys of the format, checked in full below otherwise
        return _replay(value["events"], methodiek, "$.events")
    events, pad = stroom_events(value, FORMAAT, "een traject")
    return _replay(events, methodiek, pad)


def traject_data(t: Traject) -> dict[str, Any]:
    """A traject as data for orjson (its events; datetimes left as objects)."""
    encoders = codec_voor(t.methodiek).encoders()
    return {"formaat": FORMAAT, "events": [encoders[e.__class__](e) for e in t.events]}
