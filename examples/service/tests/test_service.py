"""The reference service end to end (Starlette's TestClient: no network, no server)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="de referentieservice vraagt starlette (make install)")
pytest.importorskip("httpx2", reason="de test van de referentieservice vraagt httpx2")

from coachservice import maak_app
from starlette.testclient import TestClient

import ija_core as ija
from ija_core import opslag


def _aangemeld(tid: str, coach: str) -> dict[str, Any]:
    return {
        "type": "aangemeld", "op": "2025-03-03T09:00:00+01:00", "traject": tid,
        "jongere": {"pseudoniem": "Noor", "geboortedatum": "2006-05-01"},
        "verwijzer": "school", "wijkteam": "feijenoord", "coach": coach,
    }  # fmt: skip


def _contact(minuut: int) -> dict[str, Any]:
    return {
        "type": "contact", "op": f"2025-03-04T09:{minuut:02}:00+01:00", "met": "jongere",
        "vorm": "gesprek",
    }  # fmt: skip


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    m = ija.load_methodiek(entrypoints=False)
    with opslag.open(tmp_path / "s.db", methodiek=m) as db, TestClient(maak_app(db)) as c:
        yield c


def test_create_append_show(client: TestClient) -> None:
    r = client.post("/trajecten", json=_aangemeld("t-1", "coach-17"), headers={"X-Gebruiker": "c"})
    assert r.status_code == 201
    assert r.json()["events"][0]["traject"] == "t-1"
    r = client.post(
        "/trajecten/t-1/events?versie=1",
        json={"type": "kennismaking", "op": "2025-03-04T10:00:00+01:00"},
    )
    assert r.status_code == 201
    r = client.get("/trajecten/t-1")
    assert r.status_code == 200
    body = r.json()
    assert body["info"]["coach"] == "coach-17"
    assert body["info"]["versie"] == 2
    assert len(body["traject"]["events"]) == 2


def test_errors_by_class_not_by_text(client: TestClient) -> None:
    assert client.post("/trajecten", json=_aangemeld("t-1", "c1")).status_code == 201
    r = client.post("/trajecten", json=_aangemeld("t-1", "c1"))
    assert (r.status_code, r.json()["fout"]) == (409, "bestaat-al")
    assert client.get("/trajecten/t-9").status_code == 404
    assert client.post("/trajecten/t-9/events?versie=1", json=_contact(1)).status_code == 404
    r = client.post("/trajecten/t-1/events?versie=3", json=_contact(1))
    assert (r.status_code, r.json()["huidig"]) == (409, 1)
    r = client.post("/trajecten/t-1/events?versie=1", json={"type": "contact"})
    assert (r.status_code, r.json()["fout"]) == (422, "ongeldig")
    fouten = r.json()["fouten"]
    assert {(f["pad"], f["code"]) for f in fouten} >= {("$.op", "ontbreekt")}
    assert all(set(f) == {"pad", "code", "melding"} and f["melding"] for f in fouten)
    r = client.post("/trajecten/t-1/events?versie=1", json={**_contact(1), "vorm": 3})
    assert [(f["pad"], f["code"]) for f in r.json()["fouten"]] == [("$.vorm", "type")]
    toekomst = {**_contact(1), "op": "2052-03-04T09:00:00+01:00"}
    r = client.post("/trajecten/t-1/events?versie=1", json=toekomst)
    assert r.status_code == 422
    assert [(f["pad"], f["code"]) for f in r.json()["fouten"]] == [("$.op", "toekomst")]
    r = client.post(
        "/trajecten/t-1/events?versie=1",
        json={"type": "fase-gewijzigd", "op": "2025-03-04T09:00:00+01:00", "naar": "uitvoering"},
    )
    assert r.status_code == 422
    assert r.json()["fout"] == "regel"
    r = client.post("/trajecten", content=b"{niet json")
    assert (r.status_code, r.json()["fouten"][0]["code"]) == (422, "geen-json")
    assert client.get("/feed?positie=-1").status_code == 422


def test_caseload_with_signals_and_the_feed(client: TestClient) -> None:
    for n, coach in enumerate(["coach-1", "coach-2", "coach-1"], 1):
        client.post("/trajecten", json=_aangemeld(f"t-{n}", coach))
    r = client.get("/coaches/coach-1/caseload?peildatum=2025-06-01")
    assert r.status_code == 200
    body = r.json()
    assert [t["id"] for t in body["trajecten"]] == ["t-1", "t-3"]
    assert all(t["signalen"] for t in body["trajecten"])  # three months in vertrouwen
    assert {s["traject"] for t in body["trajecten"] for s in t["signalen"]} == {"t-1", "t-3"}
    r = client.get("/coaches/coach-1/caseload?peildatum=2025-06-01&limiet=1")
    assert [t["id"] for t in r.json()["trajecten"]] == ["t-1"]
    r = client.get("/coaches/coach-1/caseload?peildatum=2025-06-01&limiet=1&na=t-1")
    assert [t["id"] for t in r.json()["trajecten"]] == ["t-3"]
    assert client.get("/coaches/niemand/caseload?peildatum=2025-06-01").json()["trajecten"] == []
    assert client.get("/coaches/coach-1/caseload?peildatum=gisteren").status_code == 422
    feed = client.get("/feed?positie=0&limiet=2").json()
    assert [(f["positie"], f["stroom"]) for f in feed] == [(1, "t-1"), (2, "t-2")]
    assert [f["positie"] for f in client.get("/feed?positie=2").json()] == [3]


def test_eight_racing_writers_one_winner(client: TestClient) -> None:
    client.post("/trajecten", json=_aangemeld("t-1", "c1"))
    codes: list[int] = []
    slot = threading.Barrier(8)

    def schrijf(i: int) -> None:
        slot.wait()
        codes.append(client.post("/trajecten/t-1/events?versie=1", json=_contact(i)).status_code)

    draden = [threading.Thread(target=schrijf, args=(i,)) for i in range(8)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert sorted(codes) == [201] + [409] * 7
