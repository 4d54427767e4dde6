"""The builder behind ``Traject`` takes its fields from ``attrs.fields(Traject)``."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import ija_core as ija
from ija_core.traject._fold import _velden, _Vouw

VOORBEELDEN = sorted(
    p
    for p in (Path(__file__).resolve().parents[2] / "examples").glob("*.json")
    if not p.name.endswith("-groep.json")  # a group file, not a traject
)


def test_the_builder_holds_every_init_field_of_traject() -> None:
    velden = _velden(ija.Traject)
    init = {a.name for a in attrs.fields(ija.Traject) if a.init} - {"methodiek", "plan"}
    assert set(velden.lijsten) | set(velden.start) == init
    # the types the builder declares for mypy cover the same fields (so they cannot drift)
    assert init <= set(_Vouw.__annotations__)


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.stem)
def test_a_traject_survives_the_builder_and_registreer_equals_replay(
    pad: Path, m_alle: ija.Methodiek
) -> None:
    data = json.loads(pad.read_text())
    events = data["events"] if isinstance(data, dict) else data
    t = ija.Traject.replay(events, methodiek=m_alle)
    assert _Vouw.van(t).bevries() == t
    stap_voor_stap = ija.Traject.replay(events[:1], methodiek=m_alle)
    for event in events[1:]:
        stap_voor_stap = stap_voor_stap.registreer(event)
    assert stap_voor_stap == t


def test_every_event_type_is_registered_once_with_the_fold() -> None:
    """One registration per event type (its checks and how it changes the state), in the order
    of the event records; the rules' and the codec's tables come from the same list."""
    from ija_core.traject._fold import _VERWERKING
    from ija_core.traject.events import EVENT_TYPEN

    assert list(_VERWERKING) == list(EVENT_TYPEN)
