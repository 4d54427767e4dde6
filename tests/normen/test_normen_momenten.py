"""The norm timeline of a traject: derived, kept beside the traject, invisible.

The norm evaluation keeps it per ``Traject`` object, beside the object (never inside it:
``Traject`` does not know it exists): made for every traject ``replay`` builds (the norm
evaluation registers with ``na_replay``), and on first use for any other. It is not state: equality,
hashing, repr and JSON know nothing of it, and the norm outcomes are the same for a traject
built by ``replay`` and one built event by event.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

import ija_core as ija
from ija_core.normen import _timeline
from ija_core.normen._timeline import remembered, timeline_of
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


def test_replay_makes_it_and_it_is_kept_per_object(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(EVENTS, methodiek=m)
    tl = remembered(t)
    assert tl is not None
    assert tl.memo  # the default norms' moments, found while the events were warm
    assert timeline_of(t) is tl
    assert remembered(t) is tl
    assert tl.aangemeld == (t.aangemeld_op.timestamp(), date(2024, 3, 1).toordinal())
    # one closing (2 April) reopened on 20 April
    assert [c.day for c in tl.afsluitingen] == [date(2024, 4, 2).toordinal()]
    assert tl.afsluitingen[0].reopened == date(2024, 4, 20).toordinal()
    geladen = ija.from_json(ija.to_json(t), ija.Traject, methodiek=m)
    assert timeline_of(geladen).afsluitingen == tl.afsluitingen


def test_it_goes_with_its_traject(m: ija.Methodiek) -> None:
    """Kept beside the traject, weakly: a collected traject takes its timeline with it."""
    import gc

    t = ija.Traject.replay(EVENTS, methodiek=m)
    timeline_of(t)
    voor = len(_timeline._TIMELINES)
    del t
    gc.collect()
    assert len(_timeline._TIMELINES) == voor - 1


def test_it_is_not_state(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(EVENTS, methodiek=m)
    kopie = attrs.evolve(t)
    timeline_of(t)
    assert remembered(kopie) is None
    assert kopie == t
    assert hash(kopie) == hash(t)
    assert repr(kopie) == repr(t)
    assert "timeline" not in repr(t).lower()
    assert ija.to_json(kopie) == ija.to_json(t)
    assert timeline_of(kopie) is not timeline_of(t)  # built on first use for the copy
    assert not any("timeline" in a.name for a in attrs.fields(ija.Traject))


def test_registreer_and_replay_give_the_same_outcomes(m: ija.Methodiek) -> None:
    opgespeeld = ija.Traject.replay(EVENTS, methodiek=m)
    stap = ija.Traject.replay(EVENTS[:1], methodiek=m)
    for event in EVENTS[1:]:
        stap = stap.registreer(event)
    assert remembered(stap) is None
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
    for veld in ("traject", "aangemeld", "fasestarts", "afsluitingen", "heropeningen", "pauzes"):
        assert getattr(kopie, veld) == getattr(tl, veld), veld
    assert kopie.events == tl.events
    assert kopie.memo == {}
