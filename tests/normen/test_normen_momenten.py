"""The instants ``Traject.replay`` stores for the norm engine: private, derived, invisible.

They are not state: equality, hashing, repr and JSON ignore them, ``attrs.evolve`` and
``registreer`` leave them out (the engine then converts the datetimes itself), and the norm
outcomes are the same either way.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

import ija_core as ija
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


def test_replay_and_from_json_store_them(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(EVENTS, methodiek=m)
    assert t._normmomenten is not None
    aanmelding = t._normmomenten[0]
    assert aanmelding == (t.aangemeld_op.timestamp(), date(2024, 3, 1).toordinal())
    # one closing (2 April) reopened on 20 April
    assert [s[0] for s in t._normmomenten[2]] == [date(2024, 4, 2).toordinal()]
    assert t._normmomenten[2][0][2] == date(2024, 4, 20).toordinal()
    geladen = ija.from_json(ija.to_json(t), ija.Traject, methodiek=m)
    assert geladen._normmomenten == t._normmomenten


def test_they_are_not_state(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(EVENTS, methodiek=m)
    kopie = attrs.evolve(t)
    assert kopie._normmomenten is None
    assert kopie == t
    assert hash(kopie) == hash(t)
    assert repr(kopie) == repr(t)
    assert "_normmomenten" not in repr(t)
    assert ija.to_json(kopie) == ija.to_json(t)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t._normmomenten = None  # type: ignore[misc]  # the point: frozen like the rest


def test_registreer_leaves_them_out_with_the_same_outcomes(m: ija.Methodiek) -> None:
    opgespeeld = ija.Traject.replay(EVENTS, methodiek=m)
    stap = ija.Traject.replay(EVENTS[:1], methodiek=m)
    for event in EVENTS[1:]:
        stap = stap.registreer(event)
    assert stap._normmomenten is None
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
