"""Building trajecten for the norm tests from short event dicts.

``traject(...)`` replays the events through ``ija.Traject.replay`` when the traject engine is
available, so every test traject obeys the phase rules; until then a minimal stand-in with
the same attributes (``id``, ``events``) is used.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

import ija_core as ija
from ija_core.traject.events import EVENT_TYPEN

AANMELDING = "2024-03-01T09:00:00+01:00"


def aangemeld(op: str = AANMELDING, traject: str = "t1", **extra: Any) -> dict[str, Any]:
    """An ``aangemeld`` event of a 17-year-old."""
    return {
        "type": "aangemeld",
        "op": op,
        "traject": traject,
        "jongere": {"pseudoniem": "J", "geboortedatum": "2007-01-01"},
        "verwijzer": "wijkagent",
        **extra,
    }


def ev(type_: str, op: str, **velden: Any) -> dict[str, Any]:
    """Any event as a JSON dict."""
    return {"type": type_, "op": op, **velden}


@attrs.frozen
class _Traject:
    id: str
    events: tuple[Any, ...]


def _object(data: dict[str, Any]) -> Any:
    velden = {k: v for k, v in data.items() if k != "type"}
    velden["op"] = datetime.fromisoformat(velden["op"])
    if data["type"] == "aangemeld":
        from datetime import date

        from ija_core.traject.events import Jongere

        j = velden["jongere"]
        velden["jongere"] = Jongere(
            pseudoniem=j["pseudoniem"], geboortedatum=date.fromisoformat(j["geboortedatum"])
        )
    return EVENT_TYPEN[data["type"]](**velden)


def traject(*events: dict[str, Any], m: ija.Methodiek | None = None) -> Any:
    """A traject from event dicts (the first must be ``aangemeld``)."""
    replay = getattr(getattr(ija, "Traject", None), "replay", None)
    if replay is not None:
        return replay(list(events), methodiek=m or ija.load_methodiek(entrypoints=False))
    objecten = tuple(_object(e) for e in events)
    return _Traject(id=objecten[0].traject, events=objecten)
