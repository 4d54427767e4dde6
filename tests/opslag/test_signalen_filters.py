"""``db.signalen(..., coach=, wijkteam=, aanbieder=, ids=)``: the signals of a chosen set of
trajecten equal ``ija.signalen`` over those trajecten replayed; a group's signals come along
when one of its members is chosen. Both backends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

import ija_core as ija
from groep.bouw import aangemeld as groep_aangemeld
from groep.bouw import jongere, lid, melding
from ija_core import opslag
from traject.hulp import aangemeld, ev

Open = Callable[..., opslag.Opslag]
PEILDATUM = date(2025, 4, 10)
GROEPSNORM = "groep-contact-na-melding-24-uur"


def _vul(db: opslag.Opslag, events: list[dict[str, object]]) -> object:
    x = db.nieuw(events[0], door="c")
    for e in events[1:]:
        x = db.registreer(x.id, e, versie=len(x.events), door="c")  # type: ignore[attr-defined]
    return x


def _caseload(db: opslag.Opslag) -> None:
    for n in range(8):
        start = {
            **aangemeld(dag=n),
            "traject": f"t-{n}",
            "coach": f"coach-{n % 3}",
            "wijkteam": "noord" if n < 5 else "zuid",
        }
        events = [start, ev("kennismaking", n + 1)]
        if n == 4:
            events.append(ev("afgesloten", n + 2, reden="verhuisd"))
        _vul(db, events)


def _verwacht(db: opslag.Opslag, ids: list[str]) -> list[ija.Normuitkomst]:
    trajecten = [db.laad(i) for i in ids]
    return ija.signalen(trajecten, peildatum=PEILDATUM, methodiek=db.methodiek)


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        ({"coach": "coach-1"}, ["t-1", "t-4", "t-7"]),
        ({"wijkteam": "zuid"}, ["t-5", "t-6", "t-7"]),
        ({"coach": "coach-1", "wijkteam": "noord"}, ["t-1", "t-4"]),
        ({"ids": ["t-2", "t-6", "t-99"]}, ["t-2", "t-6"]),
        ({"ids": ["t-2", "t-6"], "wijkteam": "zuid"}, ["t-6"]),
        ({"ids": []}, []),
        ({"coach": "niemand"}, []),
        ({"wijkteam": "maan"}, []),
        ({"aanbieder": "exodus"}, []),  # nobody has this aanbieder
    ],
)
def test_filtered_signalen_equal_ija_signalen_over_the_chosen_trajecten(
    open_db: Open, filters: dict[str, object], ids: list[str]
) -> None:
    db = open_db()
    _caseload(db)
    assert db.ids(**{k: v for k, v in filters.items() if k != "ids"}) or "ids" in filters or not ids
    gevonden = db.signalen(peildatum=PEILDATUM, **filters)  # type: ignore[arg-type]
    assert gevonden == _verwacht(db, ids)
    if ids:
        assert gevonden  # deadlines have passed: there is something to compare
        assert {u.traject for u in gevonden} <= set(ids)


def test_a_closed_traject_is_chosen_too_and_normen_still_narrow(open_db: Open) -> None:
    db = open_db()
    _caseload(db)
    assert db.info("t-4").status == "afgesloten"
    normen = [db.signalen(peildatum=PEILDATUM, ids=["t-1"])[0].norm]
    gevonden = db.signalen(peildatum=PEILDATUM, ids=["t-4", "t-1"], normen=normen)
    verwacht = ija.signalen(
        [db.laad("t-1"), db.laad("t-4")], peildatum=PEILDATUM, methodiek=db.methodiek, normen=normen
    )
    assert gevonden == verwacht
    assert gevonden
    assert {u.norm for u in gevonden} == set(normen)
    # no filter: every traject, as before
    assert db.signalen(peildatum=PEILDATUM) == ija.signalen(
        db.trajecten(), peildatum=PEILDATUM, methodiek=db.methodiek
    )


def test_bad_filter_values_are_refused(open_db: Open) -> None:
    db = open_db()
    _caseload(db)
    for fout in ({"ids": "t-1"}, {"ids": [3]}, {"ids": [""]}, {"coach": ""}, {"wijkteam": 5}):
        with pytest.raises(ija.OngeldigeInvoer):
            db.signalen(peildatum=PEILDATUM, **fout)  # type: ignore[arg-type]
    assert db.signalen(peildatum=PEILDATUM, coach="x' OR '1'='1") == []


def _groep(db: opslag.Opslag) -> None:
    def lid_traject(tid: str, coach: str) -> list[dict[str, object]]:
        return [
            ev(
                "aangemeld", -10, traject=tid, coach=coach,
                jongere={"pseudoniem": tid, "geboortedatum": "2009-05-05"}, verwijzer="politie",
            ),
            ev("betrokkene-toegevoegd", -10, id="moeder", relatie="ouder"),
            jongere("2025-03-09T09:00:00+01:00"),
        ]  # fmt: skip

    _vul(db, lid_traject("t-a", "coach-a"))
    _vul(db, lid_traject("t-b", "coach-b"))
    _vul(db, lid_traject("t-c", "coach-c"))  # in no group
    t0 = "2025-03-01T10:00:00+01:00"
    _vul(
        db,
        [groep_aangemeld(), lid(t0, "t-a"), lid(t0, "t-b"), melding("2025-03-08T23:00:00+01:00")],
    )


def test_a_groups_signals_come_with_any_chosen_member(open_db: Open) -> None:
    db = open_db()
    _groep(db)
    peildatum = date(2025, 3, 12)
    alles = db.signalen(peildatum=peildatum)
    groep = [u for u in alles if u.norm == GROEPSNORM]
    assert groep  # the group norm has something to say
    for coach, leden in (("coach-a", ["t-a"]), ("coach-b", ["t-b"])):
        gevonden = db.signalen(peildatum=peildatum, coach=coach)
        eigen = ija.signalen(
            [db.laad(i) for i in leden], peildatum=peildatum, methodiek=db.methodiek
        )
        assert [u for u in gevonden if u.norm != GROEPSNORM] == eigen
        # the whole group's outcomes, for every member, as db.signalen() gives them
        assert sorted(u.traject for u in gevonden if u.norm == GROEPSNORM) == sorted(
            u.traject for u in groep
        )
        assert gevonden == sorted(gevonden, key=ija.urgentie)
    buiten = db.signalen(peildatum=peildatum, coach="coach-c")
    assert all(u.norm != GROEPSNORM for u in buiten)
    assert buiten == ija.signalen([db.laad("t-c")], peildatum=peildatum, methodiek=db.methodiek)
    alleen = db.signalen(peildatum=peildatum, ids=["t-a"], normen=[GROEPSNORM])
    assert alleen == [u for u in alles if u.norm == GROEPSNORM]
    db.verwijder("t-a", reden="AVG-verzoek", door="fg")  # an erased member counts as erased
    na = db.signalen(peildatum=peildatum, coach="coach-b", normen=[GROEPSNORM])
    assert [u.traject for u in na] == [u.traject for u in groep if u.traject != "t-a"]
