"""The traject's JSON format, the handbook cases in examples/, and ``ija traject toets``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

import ija_core as ija
from ija_core.cli import main

from .hulp import aangemeld, ev, tot_uitvoering

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
NAMEN = ["enzo", "tamir", "ricardo", "bob", "spin-in-het-web"]


def lees(m: ija.Methodiek, naam: str) -> ija.Traject:
    return ija.from_json((VOORBEELDEN / f"{naam}.json").read_bytes(), ija.Traject, methodiek=m)


# --- format ----------------------------------------------------------------------------------


def test_to_json_holds_the_format_and_the_events(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(tot_uitvoering(), methodiek=m)
    data = orjson.loads(ija.to_json(t))
    assert list(data) == ["formaat", "events"]
    assert data["formaat"] == "ija-traject/1"
    assert data["events"][0] == tot_uitvoering()[0]
    assert [e["type"] for e in data["events"]] == [e["type"] for e in tot_uitvoering()]


def test_round_trip_of_object_and_bare_array(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(tot_uitvoering(), methodiek=m)
    assert ija.from_json(ija.to_json(t), ija.Traject, methodiek=m) == t
    assert ija.from_json(orjson.dumps(tot_uitvoering()), ija.Traject, methodiek=m) == t


def test_optional_fields_are_left_out_and_resultaat_is_kept(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(
        [aangemeld(), ev("instrument-ingezet", 1, instrument="ret", resultaat=None)], methodiek=m
    )
    data = orjson.loads(ija.to_json(t))
    assert "aanbieder" not in data["events"][0]
    assert data["events"][1] == {
        **ev("instrument-ingezet", 1),
        "instrument": "ret",
        "resultaat": None,
    }


@pytest.mark.parametrize(
    ("tekst", "begin"),
    [
        (b'{"formaat": "ija-traject/9", "events": []}', "$.formaat: onbekend formaat"),
        (b'{"events": []}', "$.formaat: verplicht veld ontbreekt"),
        (b'{"formaat": "ija-traject/1"}', "$.events: verplicht veld ontbreekt"),
        (b'{"formaat": "ija-traject/1", "events": [], "x": 1}', "$: onbekend veld (x)"),
        (b'"traject"', "$: verwacht een traject"),
        (b"[1,", "$: geen geldige JSON"),
    ],
)
def test_bad_traject_json(m: ija.Methodiek, tekst: bytes, begin: str) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.from_json(tekst, ija.Traject, methodiek=m)
    assert info.value.fouten[0].startswith(begin)


def test_paths_and_index_inside_the_object_format(m: ija.Methodiek) -> None:
    events = [aangemeld(), ev("contact", 1, met="jongere", vorm=3)]
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.from_json(
            orjson.dumps({"formaat": "ija-traject/1", "events": events}), ija.Traject, methodiek=m
        )
    assert info.value.fouten == ("$.events[1].vorm: verwacht tekst (kreeg geheel getal 3)",)
    events = [aangemeld(), ev("fase-gewijzigd", 1, naar="uitvoering")]
    with pytest.raises(ija.RegelOvertreding) as regel:
        ija.from_json(
            orjson.dumps({"formaat": "ija-traject/1", "events": events}), ija.Traject, methodiek=m
        )
    assert (regel.value.regel, regel.value.index) == ("fase-volgorde", 1)


def test_single_events_decode_by_type_and_round_trip(m: ija.Methodiek) -> None:
    tekst = orjson.dumps(ev("contact", 1, met="netwerk", vorm="bellen"))
    contact = ija.from_json(tekst, ija.Gebeurtenis, methodiek=m)
    assert isinstance(contact, ija.Contact)
    assert (contact.met, contact.TYPE) == ("netwerk", "contact")
    assert ija.from_json(ija.to_json(contact, methodiek=m), ija.Contact, methodiek=m) == contact
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\.type: verwacht type 'intake'"):
        ija.from_json(tekst, ija.Intake, methodiek=m)


def test_the_old_traject_is_untouched_by_registreer(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(tot_uitvoering(), methodiek=m)
    voor = ija.to_json(t)
    t2 = t.registreer(ev("evaluatie", 9, omschrijving="goed"))
    assert ija.to_json(t) == voor
    assert t2 != t
    assert len(t2.events) == len(t.events) + 1


# --- the handbook cases ----------------------------------------------------------------------


@pytest.mark.parametrize("naam", NAMEN)
def test_each_handbook_case_replays_clean_and_round_trips(m: ija.Methodiek, naam: str) -> None:
    t = lees(m, naam)
    assert t.events
    assert ija.from_json(ija.to_json(t), ija.Traject, methodiek=m) == t
    for e in t.events:
        assert e.op.utcoffset() is not None
        assert 2025 <= e.op.year <= 2026


def test_enzo_intake_falls_after_six_weeks(m: ija.Methodiek) -> None:
    t = lees(m, "enzo")
    assert t.intake_op is not None
    assert (t.intake_op.date() - t.aangemeld_op.date()).days > 42
    uitkomsten = {
        u.norm: u.status for u in ija.normtoets(t, peildatum=date(2026, 2, 3), methodiek=m)
    }
    assert uitkomsten["intake-binnen-6-weken"] == "te-laat"


def test_spin_in_het_web_has_contact_within_24_hours_of_every_melding(m: ija.Methodiek) -> None:
    t = lees(m, "spin-in-het-web")
    assert len(t.meldingen) >= 3
    for melding in t.meldingen:
        assert any(
            c.met == "jongere" and 0 <= (c.op - melding.op).total_seconds() <= 24 * 3600
            for c in t.contacten
        )


# --- the CLI ---------------------------------------------------------------------------------


def test_cli_toets_shows_the_state(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["traject", "toets", str(VOORBEELDEN / "enzo.json"), "--peildatum", "laatste"]) == 0
    uit = capsys.readouterr().out
    assert "Enzo" in uit
    assert "fase 2 Verdieping: 0 van 56 dagen" in uit
    assert "intake: 2025-10-16" in uit
    assert "Vertrouwen  2025-08-04  2025-10-27  84     28          te lang" in uit


def test_cli_toets_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["traject", "toets", str(VOORBEELDEN / "tamir.json"), "--json", "--peildatum", "2025-11-18"]
    )
    assert code == 0
    data: dict[str, Any] = orjson.loads(capsys.readouterr().out)
    assert (data["status"], data["fase"], data["open_hulpvragen"]) == (
        "actief",
        "afronding",
        [],
    )
    assert [p["fase"] for p in data["fasehistorie"]] == [
        "vertrouwen",
        "verdieping",
        "uitvoering",
        "afronding",
    ]


def test_cli_toets_violation_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = tmp_path / "t.json"
    bestand.write_bytes(orjson.dumps([aangemeld(), ev("fase-gewijzigd", 1, naar="verdieping")]))
    assert main(["traject", "toets", str(bestand)]) == 1
    fout = capsys.readouterr().err
    assert "gebeurtenis 2" in fout  # counted from 1 for people; .index stays 0-based
    assert "contact-voor-verdieping" in fout
    assert main(["traject", "toets", str(bestand), "--json"]) == 1
    data = orjson.loads(capsys.readouterr().out)
    assert (data["regel"], data["index"]) == ("contact-voor-verdieping", 1)


def test_cli_toets_bad_input_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = tmp_path / "t.json"
    bestand.write_bytes(orjson.dumps([aangemeld("2014-02-29")]))
    assert main(["traject", "toets", str(bestand)]) == 2
    fout = capsys.readouterr().err
    assert fout.count("\n") == 1
    assert "$[0].jongere.geboortedatum" in fout
    assert main(["traject", "toets", str(tmp_path / "weg.json")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
