"""The `ija` command as a user meets it: Dutch output, --json, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ija_core.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's --help / --version / usage errors
        code = int(exc.code or 0)
    uit = capsys.readouterr()
    return code, uit.out, uit.err


@pytest.fixture(autouse=True)
def _geen_geinstalleerde_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IJA_LOAD_PLUGINS", "")


def test_overzicht_shows_phases_steps_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "overzicht")
    assert code == 0, err
    assert "Fase 3  Uitvoering en zelfstandigheid  (16 weken)" in out
    assert "31 weken" in out
    assert "verwachtingen uitspreken" in out.lower()
    assert "instrumenten" in out


def test_fasen_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "fasen")
    assert code == 0
    assert "vertrouwen" in out
    assert "4 weken" in out
    code, out, _ = run(capsys, "fasen", "--json")
    assert code == 0
    data = json.loads(out)
    assert [f["id"] for f in data] == ["vertrouwen", "verdieping", "uitvoering", "afronding"]


def test_leefgebieden_and_themas_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "leefgebieden", "--json")
    assert [lg["id"] for lg in json.loads(out)][:2] == ["scholing", "financien"]
    _, out, _ = run(capsys, "themas", "--json")
    assert {t["id"] for t in json.loads(out)} == {
        "schulden",
        "huisvesting",
        "justitie",
        "ggz",
        "jonge-moeders",
        "overlast",
    }


def test_instrumenten_filters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "instrumenten", "--json")
    assert code == 0
    alle = {i["id"] for i in json.loads(out)}
    assert {"5g-model", "zrm", "schaalvraag"} <= alle
    _, out, _ = run(capsys, "instrumenten", "--fase", "verdieping", "--json")
    assert {i["id"] for i in json.loads(out)} < alle


def test_instrument_details_include_result_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "instrument", "schaalvraag")
    assert code == 0
    assert "score" in out
    assert "resultaat" in out


def test_unknown_id_is_one_dutch_line_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "instrument", "bestaat-niet")
    assert code == 2
    assert out == ""
    assert "ID: onbekend instrument 'bestaat-niet'" in err
    assert "$:" not in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_bad_arguments_exit_2_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "fasen", "--onzin")
    assert code == 2
    assert "onbekende argumenten" in err
    code, _, err = run(capsys)
    assert code == 2
    assert "verplicht" in err


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "gebruik: ija" in out
    assert "commando's" in out
    assert "toon deze hulp" in out
    assert "Exitcodes: 0 in orde" in out


def test_plugins_lists_the_handbook(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins", "--json")
    assert code == 0
    data = json.loads(out)
    assert data[0]["name"] == "handboek"
    assert data[0]["status"] == "builtin"


def test_console_script_version() -> None:
    uit = subprocess.run(
        [sys.executable, "-m", "ija_core.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert uit.returncode == 0
    assert uit.stdout.startswith("ija-core ")


def test_ija_help_imports_no_engine_attrs_or_cattrs() -> None:
    """Building the parser (what ``ija --help`` does) loads no engine: the help stays fast."""
    code = (
        "import sys, ija_core.cli as c; c.maak_parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('attr', 'attrs', 'cattrs', "
        "'pluggy', 'orjson') or m.startswith(('ija_core.traject', 'ija_core.normen', "
        "'ija_core._codec', 'ija_core.methodiek'))))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "[]", uit.stdout
