"""The JSON form of a group: ``{"formaat": "ija-groep/1", "events": [...]}``.

As for a traject (``ija_core.traject.json``): the state is rebuilt by replaying the events, so
``from_json(to_json(g), ija.Groep, methodiek=m) == g``; on input a bare array of group events
is accepted too. Paths in errors are ``$.events[3]...`` (object) or ``$[3]...`` (array).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ija_core._codec import codec_voor, type_naam
from ija_core.errors import OngeldigeInvoer
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
    if isinstance(value, list):
        return replay_groep(value, methodiek, "$")
    if value.__class__ is not dict:
        raise OngeldigeInvoer(
            f"$: verwacht een groep: een object met 'formaat' en 'events', of een lijst "
            f"van groepsgebeurtenissen (kreeg {type_naam(value)})"
        )
    fouten = []
    extra = sorted(str(k) for k in value if k not in ("formaat", "events"))
    if extra:
        fouten.append(f"$: onbekend veld ({', '.join(extra)})")
    if "formaat" not in value:
        fouten.append(f"$.formaat: verplicht veld ontbreekt (verwacht {FORMAAT!r})")
    elif value["formaat"] != FORMAAT:
        fouten.append(
            f"$.formaat: onbekend formaat {value['formaat']!r}; deze versie leest {FORMAAT!r}"
        )
    if "events" not in value:
        fouten.append("$.events: verplicht veld ontbreekt")
    if fouten:
        raise OngeldigeInvoer(fouten)
    return replay_groep(value["events"], methodiek, "$.events")


def groep_data(g: Groep) -> dict[str, Any]:
    """A group as data for orjson (its events; datetimes left as objects)."""
    encoders = codec_voor(g.methodiek).encoders()
    return {"formaat": FORMAAT, "events": [encoders[e.__class__](e) for e in g.events]}
