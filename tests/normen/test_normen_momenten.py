"""The norm timeline ``Traject.replay`` fills: private, derived, invisible.

It is not state: equality, hashing, repr and JSON ignore it, ``attrs.evolve`` and
``registreer`` start without it (the engine builds it on first use), and the norm outcomes
are the same either way.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

import ija_core as ija
from ija_core.normen._timeline import timeline_of
from normen.bouw import aangemeld, ev

EVENTS: list[dict[str, Any]] = [
    aangemeld(),
    ev("kennismaking", "2024-03-02T10:00:00+01:00"),
    ev("verwachtingen-uitgesproken", "2024-03-03T10:00:00+01:00"),
    ev("melding", "2024-03-09T23:30:00+01:00", soort="overlast", bron="politie"),
    ev("fase-gewijzigd", "2024-03-10T10:00:00+01:00", naar="verdieping"),
    ev("intake", "2024-03-30T10:00:00+01:00"),  # the night before the clock change
    ev("afgesloten", "2024-04-02T12:00:00+02:00", reden="verhuisd"),
    ev("heropend", "2024-04-20T09:00:00+02:00", naar="verdieping", reden="terug"),
    ev("contact", "2024-04-21T09:00:00+02:00", met="jongere", vorm="gesprek"),
]


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    return ija.load_methodiek(entrypoints=False)


def test_replay_and_from_json_fill_it(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(EVENTS, methodiek=m)
    tl = t._timeline
    assert tl is not None
    assert timeline_of(t) is tl
    assert tl.aangemeld == (t.aangemeld_op.timestamp(), date(2024, 3, 1).toordinal())
    # one closing (2 April) reopened on 20 April
    assert [c.day for c in tl.closings] == [date(2024, 4, 2).toordinal()]
    assert tl.closings[0].reopened == date(2024, 4, 20).toordinal()
    geladen = ija.from_json(ija.to_json(t), ija.Traject, methodiek=m)
    assert geladen._timeline is not None
    assert geladen._timeline.closings == tl.closings


def test_they_are_not_state(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(EVENTS, methodiek=m)
    kopie = attrs.evolve(t)
    assert kopie._timeline is None
    assert kopie == t
    assert hash(kopie) == hash(t)
    assert repr(kopie) == repr(t)
    assert "_timeline" not in repr(t)
    assert ija.to_json(kopie) == ija.to_json(t)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t._timeline = None  # type: ignore[misc]  # the point: frozen like the rest


def test_registreer_leaves_them_out_with_the_same_outcomes(m: ija.Methodiek) -> None:
    opgespeeld = ija.Traject.replay(EVENTS, methodiek=m)
    stap = ija.Traject.replay(EVENTS[:1], methodiek=m)
    for event in EVENTS[1:]:
        stap = stap.registreer(event)
    assert stap._timeline is None
    assert stap == opgespeeld
    normen = [n.id for n in m.normen]
    for dag in range(1, 60):
        peildatum = date.fromordinal(date(2024, 3, 1).toordinal() + dag)
        assert ija.normtoets(
            stap, peildatum=peildatum, methodiek=m, normen=normen
        ) == ija.normtoets(opgespeeld, peildatum=peildatum, methodiek=m, normen=normen)
        assert ija.signalen([stap], peildatum=peildatum, methodiek=m) == ija.signalen(
            [opgespeeld], peildatum=peildatum, methodiek=m
        )


def test_a_timeline_pickles_without_what_it_found(m: ija.Methodiek) -> None:
    import pickle

    tl = timeline_of(ija.Traject.replay(EVENTS, methodiek=m))
    assert tl.memo  # replay found the moments the default norms ask for
    kopie = pickle.loads(pickle.dumps(tl))  # noqa: S301 - our own bytes
    for veld in ("traject", "aangemeld", "fase_starts", "closings", "reopenings", "pauses"):
        assert getattr(kopie, veld) == getattr(tl, veld), veld
    assert kopie.events == tl.events
    assert kopie.memo == {}
