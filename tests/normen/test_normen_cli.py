"""``ija signalen`` and ``ija normen``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ija_core.cli import main
from normen.bouw import aangemeld, ev

VOORBEELDEN = Path(__file__).parents[2] / "examples"


def schrijf(pad: Path, *events: dict[str, object]) -> Path:
    pad.write_text(json.dumps({"formaat": "ija-traject/1", "events": list(events)}))
    return pad


@pytest.fixture
def map_(tmp_path: Path) -> Path:
    schrijf(tmp_path / "a.json", aangemeld(traject="a"))
    sub = tmp_path / "sub"
    sub.mkdir()
    schrijf(
        sub / "b.json",
        aangemeld(traject="b"),
        ev("melding", "2024-03-02T10:00:00+01:00", soort="overlast", bron="politie"),
    )
    return tmp_path


def test_signalen_json_over_a_folder(map_: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["signalen", str(map_), "--peildatum", "2024-04-13", "--json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert uit["peildatum"] == "2024-04-13"
    assert uit["trajecten"] == 2
    assert uit["fouten"] == []
    assert {(u["traject"], u["norm"], u["status"]) for u in uit["uitkomsten"]} == {
        (t, n, "verlopen")
        for t in "ab"
        for n in ("fase-streefduur", "intake-binnen-6-weken", "plan-binnen-6-weken")
    } | {("b", "contact-na-melding-24-uur", "verlopen")}
    assert uit["uitkomsten"][0]["deadline"] == "2024-03-03"  # the most overdue first


def test_a_broken_file_is_named_and_the_rest_still_counted(
    map_: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (map_ / "kapot.json").write_text("{niet json")
    schrijf(map_ / "regel.json", aangemeld(traject="r"), ev("intake", "2024-02-01T10:00:00+01:00"))
    assert main(["signalen", str(map_), "--peildatum", "2024-04-13", "--csv"]) == 1
    uit = capsys.readouterr()
    assert "kapot.json" in uit.err
    assert "regel.json" in uit.err  # an event before the one before it: chronologie
    rijen = list(csv.reader(io.StringIO(uit.out)))
    assert rijen[0] == ["traject", "norm", "status", "deadline", "dagen", "uitleg"]
    assert {r[0] for r in rijen[1:]} == {"a", "b"}


def test_a_missing_path_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["signalen", str(tmp_path / "nergens.json"), "--peildatum", "2024-04-13"]) == 2
    assert "nergens.json" in capsys.readouterr().err


def test_table_groups_by_status_and_enzo_is_te_laat(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["signalen", str(VOORBEELDEN), "--peildatum", "2025-11-03", "--alle"]) == 0
    uit = capsys.readouterr().out
    assert "Te laat gehaald" in uit
    regel = next(r for r in uit.splitlines() if "intake-binnen-6-weken" in r and "2025-09-15" in r)
    assert regel.startswith("ija-2025-0412")  # Enzo: the norm exceeded by far, as the story says
    assert "31 dagen na de termijn van 15 september 2025" in regel


def test_a_bad_peildatum_is_invalid_input(capsys: pytest.CaptureFixture[str], map_: Path) -> None:
    with pytest.raises(SystemExit) as stop:  # argparse refuses it, naming the option
        main(["signalen", str(map_), "--peildatum", "2024-02-30"])
    assert stop.value.code == 2
    assert "--peildatum: die datum bestaat niet" in capsys.readouterr().err


def test_normen_lists_handbook_and_local_norms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normen", "--json"]) == 0
    normen = {n["id"]: n for n in json.loads(capsys.readouterr().out)}
    assert normen["intake-binnen-6-weken"]["termijn"] == "42 dagen na de aanmelding"
    assert normen["fase-streefduur"]["pauzeerbaar"] is True
    assert normen["geeft-niet-op"]["bron"]["soort"] == "keuze"
    assert normen["intake-binnen-6-weken"]["bron"]["soort"] == "handboek"
    assert "Servicenormering" in normen["intake-binnen-6-weken"]["bron"]["toelichting"]
    assert normen["geeft-niet-op"]["standaard_aan"] is False
    assert main(["normen"]) == 0
    assert "uit (--lokaal)" in capsys.readouterr().out
