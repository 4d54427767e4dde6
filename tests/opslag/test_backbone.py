"""The store as an app's backbone (design.md, "The store as an app's backbone"): errors an app
maps to HTTP without reading text, events from the future, metadata, the feed. Both backends."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

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


# -- info and ids -------------------------------------------------------------------------------


def _groep(gid: str = "g-1", dag: float = 2) -> dict[str, object]:
    from traject.hulp import op

    return {
        "type": "groep-aangemeld", "op": op(dag), "groep": gid, "verwijzers": ["wijkagent"],
        "omschrijving": "jongeren bij het winkelcentrum",
    }  # fmt: skip


def test_info_is_kept_with_every_event(open_db: Open) -> None:
    db = open_db()
    db.nieuw(_aangemeld("t-1", coach="coach-1", wijkteam="feijenoord"), door="c")
    i = db.info("t-1")
    assert i == opslag.Stroominfo(
        id="t-1", soort="traject", versie=1, fase="vertrouwen", status="actief",
        coach="coach-1", wijkteam="feijenoord", aanbieder=None,
        aangemeld_op=datetime.fromisoformat(aangemeld()["op"]),
        laatst_op=datetime.fromisoformat(aangemeld()["op"]),
    )  # fmt: skip
    t = _vul_verder(db, tot_verdieping()[1:])
    t = db.registreer(
        "t-1", ev("coach-gewisseld", 3, reden="ziek", coach="coach-2"), versie=4, door="c"
    )
    i = db.info("t-1")
    assert (i.versie, i.fase, i.coach, i.laatst_op) == (5, "verdieping", "coach-2", t.events[-1].op)
    db.registreer("t-1", ev("coach-gewisseld", 4, reden="weg"), versie=5, door="c")
    assert db.info("t-1").coach is None  # the new coach is not known to the store
    db.registreer("t-1", ev("afgesloten", 5, reden="verhuisd"), versie=6, door="c")
    assert db.info("t-1").status == "afgesloten"
    db.nieuw(_groep(), door="c")
    g = db.info("g-1")
    assert (g.soort, g.fase, g.coach, g.status, g.versie) == ("groep", None, None, "actief", 1)
    with pytest.raises(ija.OnbekendeStroom):
        db.info("t-9")
    db.verwijder("t-1", reden="avg", door="fg")
    with pytest.raises(ija.OnbekendeStroom):
        db.info("t-1")
    assert db.controleer() == []


def _vul_verder(
    db: opslag.Opslag, events: list[dict[str, object]], tid: str = "t-1"
) -> ija.Traject:
    t = db.laad(tid)
    for e in events:
        t = db.registreer(tid, e, versie=len(t.events), door="c")
    return t


def test_ids_filters_and_keyset_pages(open_db: Open) -> None:
    db = open_db()
    for n in range(1, 8):
        db.nieuw(
            _aangemeld(
                f"t-{n:02}", coach=f"coach-{n % 2}", wijkteam="noord" if n < 5 else "zuid"
            ),
            door="c",
        )  # fmt: skip
    _vul_verder(db, tot_verdieping()[1:], "t-01")
    db.registreer("t-02", ev("afgesloten", 1, reden="verhuisd"), versie=1, door="c")
    db.nieuw(_groep(), door="c")
    assert db.ids() == [f"t-{n:02}" for n in range(1, 8)]  # groups are not trajecten
    assert db.ids(coach="coach-1") == ["t-01", "t-03", "t-05", "t-07"]
    assert db.ids(coach="coach-1", wijkteam="noord") == ["t-01", "t-03"]
    assert db.ids(aanbieder="exodus") == []  # this methodiek has no aanbieders
    assert db.ids(fase="verdieping") == ["t-01"]
    assert db.ids(status="afgesloten") == ["t-02"]
    assert db.ids("actief", wijkteam="noord") == ["t-01", "t-03", "t-04"]
    for onbekend in ({"coach": "niemand"}, {"fase": "bestaat-niet"}, {"wijkteam": "maan"}):
        assert db.ids(**onbekend) == []  # type: ignore[arg-type]
    pagina, na, paginas = [], None, []
    while True:
        pagina = db.ids(wijkteam="noord", na=na, limiet=2)
        if not pagina:
            break
        paginas.append(pagina)
        na = pagina[-1]
    assert paginas == [["t-01", "t-02"], ["t-03", "t-04"]]
    for fout in ({"limiet": 0}, {"limiet": "2"}, {"coach": ""}, {"na": 3}):
        with pytest.raises(ija.OngeldigeInvoer):
            db.ids(**fout)  # type: ignore[arg-type]
    # an id with quotes or SQL in it is a value, not SQL
    assert db.ids(coach="x' OR '1'='1") == []


@pytest.mark.parametrize(
    ("sql", "gevonden"),
    [
        ("UPDATE ija_stromen SET coach = 'coach-9' WHERE id = 't-1'", "de coach in de opslag"),
        ("UPDATE ija_stromen SET wijkteam = NULL WHERE id = 't-1'", "het wijkteam in de opslag"),
        ("UPDATE ija_stromen SET fase = 'afronding' WHERE id = 't-1'", "de fase in de opslag"),
        ("DELETE FROM ija_feed WHERE positie = 2", "ontbreekt in de feed"),
        ("UPDATE ija_feed SET stroom = 't-9' WHERE positie = 1", "die niet in de opslag staat"),
        (
            "UPDATE ija_feed SET vastgelegd_op = '2020-01-01T00:00:00+00:00' WHERE positie = 1",
            "ander tijdstip",
        ),
    ],
)
def test_controleer_covers_the_metadata_and_the_feed(
    open_db: Open, doel: str, sql: str, gevonden: str
) -> None:
    from opslag.hulp import sql_op

    db = open_db()
    db.nieuw(_aangemeld("t-1", coach="coach-1", wijkteam="noord"), door="c")
    _vul_verder(db, tot_verdieping()[1:])
    assert db.controleer() == []
    sql_op(doel, sql)
    breuken = db.controleer()
    assert breuken
    assert any(gevonden in b for b in breuken), breuken


# -- the feed -------------------------------------------------------------------------------------


def test_sinds_in_commit_order_with_erased_items_without_content(open_db: Open) -> None:
    db = open_db()
    assert db.sinds() == []
    db.nieuw(_aangemeld("t-1"), door="c")
    db.importeer([_aangemeld("t-2"), ev("kennismaking", 1)], door="c")
    db.registreer("t-1", ev("kennismaking", 1), versie=1, door="c")
    db.nieuw(_groep(), door="c")
    feed = db.sinds()
    assert [(f.positie, f.stroom, f.volgnummer) for f in feed] == [
        (1, "t-1", 1), (2, "t-2", 1), (3, "t-2", 2), (4, "t-1", 2), (5, "g-1", 1)
    ]  # fmt: skip
    assert feed[2].event == db.laad("t-2").events[1]
    assert isinstance(feed[4].event, ija.GroepAangemeld)
    assert [f.vastgelegd_op for f in feed] == sorted(f.vastgelegd_op for f in feed)
    assert [f.positie for f in db.sinds(positie=2, limiet=2)] == [3, 4]
    db.verwijder("t-2", reden="avg", door="fg")
    na = db.sinds()
    assert [(f.positie, f.stroom) for f in na] == [(f.positie, f.stroom) for f in feed]
    assert [f.event is None for f in na] == [False, True, True, False, False]
    db.registreer("t-1", ev("verwachtingen-uitgesproken", 1), versie=2, door="c")
    assert [f.positie for f in db.sinds(5)] == [6]
    assert db.controleer() == []
    for fout in ({"positie": -1}, {"limiet": 0}, {"positie": "0"}):
        with pytest.raises(ija.OngeldigeInvoer):
            db.sinds(**fout)  # type: ignore[arg-type]


def test_a_reader_tailing_eight_writers_misses_nothing_and_sees_nothing_twice(
    doel: str, m: ija.Methodiek, tmp_path: Path
) -> None:
    """Four threads and four processes write their own trajecten while a reader follows the
    feed from the last position it saw: every event exactly once, positions increasing."""
    import subprocess
    import sys
    import threading
    import time

    from opslag.schrijver import schrijf_eigen

    n = 15
    start = tmp_path / "start"
    schrijver = Path(__file__).with_name("schrijver.py")
    db = opslag.open(doel, methodiek=m)
    try:
        processen = [
            subprocess.Popen(
                [sys.executable, str(schrijver), "feed", doel, str(start), f"p-{i}", str(n)],
                stdout=subprocess.PIPE,
                text=True,
            )
            for i in range(4)
        ]
        fouten: list[BaseException] = []

        def draad(tid: str) -> None:
            while not start.exists():
                time.sleep(0.001)
            try:
                schrijf_eigen(db, tid, n)
            except BaseException as exc:  # noqa: BLE001 - reported by the test
                fouten.append(exc)

        draden = [threading.Thread(target=draad, args=(f"d-{i}",)) for i in range(4)]
        for d in draden:
            d.start()
        lezer = opslag.open(doel, methodiek=m)
        gezien: list[opslag.FeedItem] = []
        start.touch()
        totaal = 8 * (n + 1)
        while len(gezien) < totaal:
            nieuw = lezer.sinds(gezien[-1].positie if gezien else 0, limiet=7)
            gezien.extend(nieuw)
            if not nieuw:
                time.sleep(0.005)
            if (
                not nieuw
                and all(p.poll() is not None for p in processen)
                and not any(d.is_alive() for d in draden)
            ):
                break
        for d in draden:
            d.join()
        uitvoer = [p.communicate(timeout=120)[0] for p in processen]  # closes their pipes
        for p, uit in zip(processen, uitvoer, strict=True):
            assert p.returncode == 0, uit
            assert uit.strip() == "klaar"
        assert not fouten
        gezien.extend(lezer.sinds(gezien[-1].positie))
        posities = [f.positie for f in gezien]
        assert posities == sorted(set(posities))  # increasing: nothing seen twice
        sleutels = [(f.stroom, f.volgnummer) for f in gezien]
        assert len(sleutels) == len(set(sleutels)) == totaal  # every event, once
        # what the reader saw, in its order, is the feed read again afterwards: no gap was
        # filled in behind it (an event committed later never got a lower position)
        assert [(f.positie, f.stroom, f.volgnummer) for f in lezer.sinds(0, limiet=10_000)] == [
            (f.positie, f.stroom, f.volgnummer) for f in gezien
        ]
        per_stroom: dict[str, list[int]] = {}
        for s, v in sleutels:
            per_stroom.setdefault(s, []).append(v)
        assert all(v == list(range(1, n + 2)) for v in per_stroom.values())
        lezer.close()
    finally:
        db.close()


# -- groepstoets ------------------------------------------------------------------------------------


def test_groepstoets_from_the_store_with_an_erased_member(open_db: Open, m: ija.Methodiek) -> None:
    from traject.hulp import op

    db = open_db()
    db.nieuw(_aangemeld("t-1"), door="c")
    db.nieuw(_aangemeld("t-2"), door="c")
    events = [
        _groep(dag=1),
        {"type": "lid-toegevoegd", "op": op(1), "traject": "t-1"},
        {"type": "lid-toegevoegd", "op": op(1), "traject": "t-2"},
        {"type": "groepsmelding", "op": op(2), "soort": "overlast", "melder": "wijkagent"},
    ]
    db.importeer_groep(events, door="c")
    peildatum = datetime.fromisoformat(op(5)).date()
    g = ija.Groep.replay(events, methodiek=m)
    verwacht = ija.groepstoets(
        g, [db.laad("t-1"), db.laad("t-2")], peildatum=peildatum, methodiek=m
    )
    assert db.groepstoets("g-1", peildatum=peildatum) == verwacht
    assert {u.traject for u in verwacht} == {"t-1", "t-2"}
    db.verwijder("t-2", reden="avg", door="fg")
    na = db.groepstoets("g-1", peildatum=peildatum)
    assert na == ija.groepstoets(
        g, [db.laad("t-1")], peildatum=peildatum, methodiek=m, verwijderd=["t-2"]
    )
    with pytest.raises(ija.OnbekendeStroom):
        db.groepstoets("g-9", peildatum=peildatum)
    with pytest.raises(ija.OngeldigeInvoer, match="geen groep"):
        db.groepstoets("t-1", peildatum=peildatum)
