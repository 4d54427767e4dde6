"""The JSON form of a group: ``{"formaat": "ija-groep/1", "events": [...]}``.

As for a traject (``ija_core.traject.json``): the state is rebuilt by replaying the events, so
``from_json(to_json(g), ija.Groep, methodiek=m) == g``; on input a bare array of group events
is accepted too. Paths in errors are ``$.events[3]...`` (object) or ``$[3]...`` (array).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ija_core._codec import codec_voor, stroom_events
from ija_core.groep.groep import Groep, replay_groep

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek

__all__ = ["FORMAAT", "groep_data", "groep_uit_data", "is_groep_data"]

FORMAAT = "ija-groep/1"
"""The value of ``"formaat"`` in a group's JSON."""


def is_groep_data(value: Any) -> bool:
    """Whether parsed JSON looks like a group: its first event is ``groep-aangemeld`` (or it
    says ``"formaat": "ija-groep/1"``). Used to tell group files from traject files."""
    if isinstance(value, dict):
        if value.get("formaat") == FORMAAT:
            return True
        value = value.get("events")
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0].get("type") == "groep-aangemeld"
    return False


def groep_uit_data(value: Any, methodiek: Methodiek) -> Groep:
    """Replay a group from its parsed JSON (the object form or a bare list of events)."""
    events, pad = stroom_events(value, FORMAAT, "een groep")
    return replay_groep(events, methodiek, pad)


def groep_data(g: Groep) -> dict[str, Any]:
    """A group as data for orjson (its events; datetimes left as objects)."""
    encoders = codec_voor(g.methodiek).encoders()
    return {"formaat": FORMAAT, "events": [encoders[e.__class__](e) for e in g.events]}
