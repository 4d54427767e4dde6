"""The store as an app's backbone (design.md, "The store as an app's backbone"): errors an app
maps to HTTP without reading text, events from the future, metadata, the feed. Both backends."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

import ija_core as ija
from ija_core import opslag
from traject.hulp import aangemeld, ev, tot_verdieping

Open = Callable[..., opslag.Opslag]


def _aangemeld(traject: str, **extra: object) -> dict[str, object]:
    return {**aangemeld(**extra), "traject": traject}


def _vul(db: opslag.Opslag, events: list[dict[str, object]], door: str = "coach-17") -> ija.Traject:
    t = db.nieuw(events[0], door=door)
    for e in events[1:]:
        t = db.registreer(t.id, e, versie=len(t.events), door=door)
    return t


# -- errors -------------------------------------------------------------------------------------


def test_onbekende_stroom_and_bestaat_al_are_ongeldige_invoer(open_db: Open) -> None:
    assert issubclass(ija.OnbekendeStroom, ija.OngeldigeInvoer)
    assert issubclass(ija.BestaatAl, ija.OngeldigeInvoer)
    assert opslag.OnbekendeStroom is ija.OnbekendeStroom
    assert opslag.BestaatAl is ija.BestaatAl
    db = open_db()
    for doe in (
        lambda: db.laad("t-9"),
        lambda: db.geschiedenis("t-9"),
        lambda: db.registreer("t-9", ev("kennismaking", 1), versie=1, door="c"),
        lambda: db.verwijder("t-9", reden="avg", door="fg"),
    ):
        with pytest.raises(ija.OnbekendeStroom) as info:
            doe()
        assert (info.value.id, info.value.verwijderd) == ("t-9", False)
    db.nieuw(aangemeld(), door="c")
    with pytest.raises(ija.BestaatAl) as dubbel:
        db.nieuw(aangemeld(), door="c")
    assert dubbel.value.id == "t-1"
    with pytest.raises(ija.BestaatAl):
        db.importeer(tot_verdieping(), door="c")
    db.verwijder("t-1", reden="avg-verzoek", door="fg")
    with pytest.raises(ija.OnbekendeStroom) as weg:
        db.laad("t-1")
    assert weg.value.verwijderd is True
    assert "verwijderd" in str(weg.value)
    with pytest.raises(ija.BestaatAl, match="verwijderd"):  # an erased id never comes back
        db.nieuw(aangemeld(), door="c")
    # the errors survive a trip to another process (pickle), attributes included
    kopie = pickle.loads(pickle.dumps(weg.value))  # noqa: S301 - our own object
    assert (type(kopie), kopie.id, kopie.verwijderd, str(kopie)) == (
        ija.OnbekendeStroom,
        "t-1",
        True,
        str(weg.value),
    )
    kopie2 = pickle.loads(pickle.dumps(dubbel.value))  # noqa: S301
    assert (type(kopie2), kopie2.id) == (ija.BestaatAl, "t-1")


def test_a_bad_event_is_plain_ongeldige_invoer(open_db: Open) -> None:
    db = open_db()
    db.nieuw(aangemeld(), door="c")
    with pytest.raises(ija.OngeldigeInvoer) as info:
        db.registreer("t-1", {"type": "kennismaking"}, versie=1, door="c")
    assert not isinstance(info.value, (ija.OnbekendeStroom, ija.BestaatAl, opslag.InDeToekomst))


# -- toekomst_marge -------------------------------------------------------------------------------

NU = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)


def test_an_event_from_the_future_is_refused_and_nothing_stored(open_db: Open) -> None:
    db = open_db(klok=lambda: NU)
    db.nieuw(aangemeld(), door="c")
    toekomst = ev("kennismaking", 1)
    toekomst["op"] = "2052-03-04T12:00:00+01:00"  # a mistyped year
    with pytest.raises(opslag.InDeToekomst) as info:
        db.registreer("t-1", toekomst, versie=1, door="c")
    fout = info.value
    assert isinstance(fout, ija.OngeldigeInvoer)
    assert (fout.pad, fout.code) == ("$.op", "toekomst")
    assert fout.fouten == (f"$.op: {fout.melding}",)
    assert "2052" in fout.melding
    assert len(db.geschiedenis("t-1")) == 1
    # the real event after it is still accepted: the traject is not locked
    t = db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
    assert len(t.events) == 2
    assert pickle.loads(pickle.dumps(fout)).code == "toekomst"  # noqa: S301


def test_toekomst_marge_edges(open_db: Open) -> None:
    db = open_db(klok=lambda: NU, toekomst_marge=timedelta(minutes=30))
    binnen = aangemeld()
    binnen["op"] = (NU + timedelta(minutes=30)).isoformat()  # exactly the margin: accepted
    db.nieuw(binnen, door="c")
    buiten = aangemeld()
    buiten["traject"] = "t-2"
    buiten["op"] = (NU + timedelta(minutes=30, seconds=1)).isoformat()
    with pytest.raises(opslag.InDeToekomst, match="30 minuten"):
        db.nieuw(buiten, door="c")
    with pytest.raises(opslag.InDeToekomst) as info:
        db.importeer(
            [_aangemeld("t-3"), {**ev("kennismaking", 1), "op": "2052-01-01T00:00:00Z"}], door="c"
        )
    assert info.value.pad == "$[1].op"
    assert db.ids() == ["t-1"]
    veel = [
        ija.Traject.replay([_aangemeld("t-4")], methodiek=db.methodiek),
        ija.Traject.replay([buiten], methodiek=db.methodiek),
    ]
    uit = db.importeer_veel(veel, door="c")
    assert uit[0] is None
    assert uit[1] is not None
    assert "t-2" in uit[1]
    assert "$[0].op" in uit[1]
    assert db.ids() == ["t-1", "t-4"]


def test_toekomst_marge_argument_checked(doel: str, m: ija.Methodiek) -> None:
    for fout in (-timedelta(seconds=1), 3600, None):
        with pytest.raises(ija.OngeldigeInvoer, match="toekomst_marge"):
            opslag.open(doel, methodiek=m, toekomst_marge=fout)  # type: ignore[arg-type]
