"""``ija groep toets`` and group files in ``ija signalen`` (exit codes as in the README)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ija_core.cli import main

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
GROEP = VOORBEELDEN / "spin-in-het-web-groep.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    uit = capsys.readouterr()
    assert "Traceback" not in uit.err
    return code, uit.out, uit.err


def test_groep_toets_shows_members_partners_meetings_and_the_norm(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "groep", "toets", str(GROEP), str(VOORBEELDEN), "--peildatum", "2025-12-16"
    )
    assert code == 0, err
    assert "Groep groep-2025-07" in out
    for tekst in (
        "Jayden",
        "Dani",
        "opgeschaald (andere-vorm)",
        "jongerenwerk",
        "buurtbewoners",
        "sportverenigingen",
        "groep-contact-na-melding-24-uur",
    ):
        assert tekst in out, tekst


def test_groep_toets_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "groep", "toets", str(GROEP), str(VOORBEELDEN), "--peildatum", "2025-12-16",
        "--json", "--lokaal",
    )  # fmt: skip
    assert code == 0, err
    stand = json.loads(out)
    assert stand["groep"] == "groep-2025-07"
    assert stand["status"] == "afgesloten"
    assert len(stand["leden"]) == 6
    assert [r["lid"] for r in stand["leden"]].count(False) == 1
    assert {r["fase"] for r in stand["leden"]} <= {"verdieping", "uitvoering"}
    assert {b["voor"] for b in stand["bijeenkomsten"]} == {"ouders", "buurtbewoners", "jongeren"}
    normen = {n["norm"] for n in stand["normen"]}
    assert normen == {"groep-contact-na-melding-24-uur", "groep-contact-per-week"}
    assert all(
        n["bron"]["soort"] == "handboek"
        for n in stand["normen"]
        if n["norm"] == "groep-contact-na-melding-24-uur"
    )


def test_groep_toets_at_an_earlier_peildatum_ignores_later_events(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys, "groep", "toets", str(GROEP), str(VOORBEELDEN), "--peildatum", "2025-10-25",
        "--json",
    )  # fmt: skip
    assert code == 0
    stand = json.loads(out)
    assert stand["status"] == "actief"
    assert {n["status"] for n in stand["normen"]} == {"gehaald", "dreigt"}  # answered or not yet
    assert stand["gebeurtenissen_na_peildatum"] > 0


def test_a_missing_member_traject_is_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(VOORBEELDEN / "enzo.json", tmp_path)
    code, _, err = run(
        capsys, "groep", "toets", str(GROEP), str(tmp_path), "--peildatum", "laatste"
    )
    assert code == 2
    assert "ija-2025-0433" in err


def test_a_rule_broken_in_the_group_file_is_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(GROEP.read_text(encoding="utf-8"))
    data["events"].append(
        {"type": "bijeenkomst", "op": "2026-01-10T19:00:00+01:00", "voor": "ouders",
         "omschrijving": "na het afsluiten"}
    )  # fmt: skip
    pad = tmp_path / "groep.json"
    pad.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "groep", "toets", str(pad), str(VOORBEELDEN))
    assert code == 1
    assert "groep-afgesloten" in err
    assert f"gebeurtenis {len(data['events'])}" in err


def test_traject_and_groep_files_point_to_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "traject", "toets", str(GROEP))
    assert code == 2
    assert "ija groep toets" in err
    code, _, err = run(capsys, "groep", "toets", str(VOORBEELDEN / "enzo.json"), str(VOORBEELDEN))
    assert code == 2
    assert "ija traject toets" in err


def test_signalen_include_the_group_and_name_a_group_without_its_members(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "signalen", str(VOORBEELDEN), "--peildatum", "2025-10-25", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    groep = [u for u in data["uitkomsten"] if u["norm"] == "groep-contact-na-melding-24-uur"]
    assert {u["status"] for u in groep} == {"dreigt"}  # the members not yet answered that day
    assert {u["traject"] for u in groep} <= {
        json.loads(p.read_text(encoding="utf-8"))["events"][0].get("traject")
        for p in VOORBEELDEN.glob("spin-in-het-web*.json")
    }
    shutil.copy(GROEP, tmp_path)
    shutil.copy(VOORBEELDEN / "enzo.json", tmp_path)
    code, _, err = run(capsys, "signalen", str(tmp_path), "--peildatum", "2025-11-03")
    assert code == 1
    assert "spin-in-het-web-groep.json" in err
    assert "ija-2025-0433" in err
