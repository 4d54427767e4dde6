"""Finding the answer to each melding is linear in the events, and right (against a model).

Replay used to look, for every melding, at every later event until one answered it: with
32,000 unanswered meldingen that is half a billion looks (25 s). The timeline now looks at
each event a bounded number of times. Counted, not timed: how often a contactpoging's
``gelukt`` is read, and how many event types are scanned, while a traject with ``n``
meldingen (each followed by a failed, or a successful, contactpoging) is replayed and
measured.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given

import ija_core as ija
from ija_core.normen import _timeline
from ija_core.normen._timeline import Matcher, timeline_of
from ija_core.traject.events import Contactpoging
from normen.bouw import aangemeld, ev
from normen.test_normen_eigenschappen import bouw_events, gelijktijdig_st

M = ija.load_methodiek(entrypoints=False)
START = datetime(2024, 3, 1, 9, tzinfo=UTC)


class _Teller:
    """A data descriptor around a slot that counts how often it is read."""

    def __init__(self, slot: Any) -> None:
        self.slot = slot
        self.gelezen = 0

    def __get__(self, obj: Any, cls: Any = None) -> Any:
        if obj is None:
            return self
        self.gelezen += 1
        return self.slot.__get__(obj, cls)

    def __set__(self, obj: Any, waarde: Any) -> None:
        self.slot.__set__(obj, waarde)


class _Typen(tuple):  # type: ignore[type-arg]  # a tuple of str that counts its scans
    gescand = 0

    def index(self, waarde: Any, start: Any = 0, stop: Any = None) -> int:
        eind = len(self) if stop is None else min(stop, len(self))
        try:
            gevonden = super().index(waarde, start, eind)
        except ValueError:
            _Typen.gescand += max(eind - start, 0)
            raise
        _Typen.gescand += gevonden - start + 1
        return gevonden


def _meldingen(n: int, beantwoord: bool) -> list[dict[str, Any]]:
    events = [aangemeld(op=START.isoformat())]
    for i in range(n):
        op = START + timedelta(minutes=10 * i + 1)
        events.append(ev("melding", op.isoformat(), soort="overlast", bron="politie"))
        op += timedelta(minutes=5)
        events.append(ev("contactpoging", op.isoformat(), kanaal="app", gelukt=beantwoord))
    return events


def _lezingen(monkeypatch: pytest.MonkeyPatch, n: int, beantwoord: bool) -> tuple[int, int]:
    """How often ``gelukt`` is read and how many event types are scanned."""
    teller = _Teller(Contactpoging.__dict__["gelukt"])
    origineel = _timeline.Timeline.types

    def typen(self: Any) -> Any:
        return _Typen(origineel.fget(self))  # type: ignore[attr-defined]

    _Typen.gescand = 0
    with monkeypatch.context() as mp:
        mp.setattr(Contactpoging, "gelukt", teller)
        mp.setattr(_timeline.Timeline, "types", property(typen))
        t = ija.Traject.replay(_meldingen(n, beantwoord), methodiek=M)
        ija.normtoets(t, peildatum=(START + timedelta(days=3)).date(), methodiek=M)
        ija.signalen([t], peildatum=(START + timedelta(days=3)).date(), methodiek=M)
    return teller.gelezen, _Typen.gescand


@pytest.mark.parametrize("beantwoord", [False, True], ids=["unanswered", "answered"])
def test_meldingen_are_matched_in_linear_time(
    monkeypatch: pytest.MonkeyPatch, beantwoord: bool
) -> None:
    (klein, k_scans), (groot, g_scans) = (
        _lezingen(monkeypatch, 100, beantwoord),
        _lezingen(monkeypatch, 400, beantwoord),
    )
    assert klein >= 100  # every contactpoging is looked at
    # four times the meldingen, about four times the looks (quadratic: sixteen times)
    assert groot <= 4.5 * klein, (klein, groot)
    assert groot <= 3 * 400
    assert k_scans >= 200
    assert g_scans <= 4.5 * k_scans, (k_scans, g_scans)


def _model(t: Any, matcher: Matcher) -> list[tuple[float, float | None]]:
    """Per melding: its timestamp and that of the first event meeting ``matcher`` at or after
    it (None: none), by looking at every event (quadratic, plain)."""
    uit = []
    for melding in t.events:
        if melding.TYPE != "melding":
            continue
        ts = melding.op.timestamp()
        antwoorden = [e.op.timestamp() for e in t.events if matcher.meets(e)]
        later = [a for a in antwoorden if a >= ts]
        uit.append((ts, min(later) if later else None))
    return uit


@given(gelijktijdig_st)
def test_the_answers_equal_a_plain_model(stappen: list[tuple[int, str]]) -> None:
    t = ija.Traject.replay(bouw_events(stappen), methodiek=M)
    for norm in ("contact-na-melding-24-uur", "contact-netwerk-na-melding"):
        matcher = Matcher.of(M.norm(norm).voldaan_door)
        antwoorden = timeline_of(t).answers("melding", matcher)
        gevonden = [(a.anchor.ts, None if a.met is None else a.met.ts) for a in antwoorden]
        assert gevonden == _model(t, matcher)
