"""``ija opslag importeer/controleer``, ``ija traject toon DB ID``, ``ija signalen --opslag``."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ija_core.cli import main

ROOT = Path(__file__).resolve().parents[2]
VOORBEELDEN = ROOT / "examples"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    uit = capsys.readouterr()
    return code, uit.out, uit.err


@pytest.fixture(autouse=True)
def _geen_geinstalleerde_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IJA_LOAD_PLUGINS", "")


def test_signalen_from_the_store_equal_signalen_from_the_files(
    capsys: pytest.CaptureFixture[str], doel: str
) -> None:
    code, out, err = run(capsys, "opslag", "importeer", doel, str(VOORBEELDEN), "--door", "demo")
    assert code == 0, err
    assert "10 trajecten en 1 groep met" in out
    for extra in ([], ["--alle"], ["--alle", "--json"], ["--csv"]):
        _, uit_bestanden, _ = run(
            capsys, "signalen", str(VOORBEELDEN), "--peildatum", "2025-11-03", *extra
        )
        code, uit_opslag, err = run(
            capsys, "signalen", "--opslag", doel, "--peildatum", "2025-11-03", *extra
        )
        assert code == 0, err
        assert uit_opslag == uit_bestanden
    assert "verlopen" in uit_bestanden  # there is something to compare
    code, out, _ = run(capsys, "opslag", "controleer", doel)
    assert code == 0
    assert "In orde" in out


def test_importeer_names_and_skips_a_bad_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    map_ = tmp_path / "in"
    map_.mkdir()
    (map_ / "a-goed.json").write_bytes((VOORBEELDEN / "enzo.json").read_bytes())
    (map_ / "b-kapot.json").write_text("{niet json")
    (map_ / "c-goed.json").write_bytes((VOORBEELDEN / "bob.json").read_bytes())
    db = str(tmp_path / "t.db")
    code, out, err = run(capsys, "opslag", "importeer", db, str(map_))
    assert code == 1
    assert "b-kapot.json" in err
    assert "2 trajecten" in out
    assert "1 bestand overgeslagen" in out
    # again: both trajecten are already there, each file is named
    code, out, err = run(capsys, "opslag", "importeer", db, str(map_ / "a-goed.json"))
    assert code == 1
    assert "a-goed.json" in err
    assert "staat al in de opslag" in err
    code, out, err = run(capsys, "opslag", "importeer", db, str(tmp_path / "leeg-niets"))
    assert code == 2
    assert "bestaat niet" in err


def test_importeer_shows_progress_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    map_ = tmp_path / "veel"
    map_.mkdir()
    basis = json.loads((VOORBEELDEN / "enzo.json").read_text())
    events = basis["events"] if isinstance(basis, dict) else basis
    for i in range(100):
        kopie = [dict(e) for e in events]
        kopie[0]["traject"] = f"t-{i:03d}"
        (map_ / f"t-{i:03d}.json").write_text(json.dumps(kopie))
    code, out, err = run(capsys, "opslag", "importeer", str(tmp_path / "t.db"), str(map_))
    assert code == 0, err
    assert "ija: 50/100 bestanden verwerkt" in err
    assert "ija: 100/100 bestanden verwerkt" in err
    assert "100 trajecten" in out


def test_traject_toon_shows_who_and_when_and_the_state(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "t.db")
    run(capsys, "opslag", "importeer", db, str(VOORBEELDEN / "bob.json"), "--door", "coach-17")
    code, out, err = run(capsys, "traject", "toon", db, "ija-2025-0009", "--peildatum", "laatste")
    assert code == 0, err
    assert "vastgelegd (UTC)" in out
    assert "coach-17" in out
    assert "Status: actief" in out  # Bob is still in uitvoering in the handbook's story
    assert "Uitvoering" in out
    code, out, _ = run(capsys, "traject", "toon", db, "ija-2025-0009", "--json")
    data = json.loads(out)
    assert data["gebeurtenissen"][0]["door"] == "coach-17"
    assert data["gebeurtenissen"][0]["event"]["type"] == "aangemeld"
    assert data["status"] == "actief"
    code, _, err = run(capsys, "traject", "toon", db, "t-onbekend")
    assert code == 2
    assert "staat niet in de opslag" in err


def test_reading_commands_never_create_a_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "nergens.db"
    for args in (
        ["opslag", "controleer", str(db)],
        ["traject", "toon", str(db), "t-1"],
        ["signalen", "--opslag", str(db)],
    ):
        code, _, err = run(capsys, *args)
        assert code == 2
        assert "bestaat niet" in err
    assert not db.exists()
    code, _, err = run(capsys, "signalen", str(VOORBEELDEN), "--opslag", str(db))
    assert code == 2
    assert "niet allebei" in err
    code, _, err = run(capsys, "signalen")
    assert code == 2


def test_controleer_reports_a_break_with_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "t.db"
    run(capsys, "opslag", "importeer", str(db), str(VOORBEELDEN))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE ija_events SET door = 'iemand' WHERE volgnummer = 3")
    code, out, err = run(capsys, "opslag", "controleer", str(db))
    assert code == 1
    stromen = len(list(VOORBEELDEN.glob("*.json")))  # every traject and group has 3+ events
    assert out.count("gebeurtenis 3 is gewijzigd") == stromen
    assert f"{stromen} breuken" in err


def test_help_does_not_load_the_store() -> None:
    code = (
        "import sys\n"
        "from ija_core.cli import maak_parser\n"
        "maak_parser()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('ija_core.opslag', 'psycopg'))))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "[]"


def test_controleer_with_a_key_file_and_an_anchor(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import ija_core as ija
    from ija_core import opslag

    db = tmp_path / "t.db"
    sleutel = tmp_path / "sleutel"
    sleutel.write_bytes(b"een geheime sleutel van de app\n")
    m = ija.load_methodiek(entrypoints=False)
    with opslag.open(db, methodiek=m, sleutel=b"een geheime sleutel van de app") as s:
        s.importeer(json.loads((VOORBEELDEN / "bob.json").read_text())["events"], door="c")
        a = s.anker()
    code, out, _ = run(capsys, "opslag", "controleer", str(db), "--sleutel-bestand", str(sleutel),
                       "--anker", f"{a.positie}:{a.hash}")  # fmt: skip
    assert (code, out.startswith("In orde")) == (0, True)
    code, _, err = run(capsys, "opslag", "controleer", str(db))  # no key: one Dutch line
    assert code == 2
    assert "sleutel" in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "opslag", "controleer", str(db), "--sleutel-bestand", str(sleutel),
                       "--anker", f"{a.positie + 1}:{a.hash}")  # fmt: skip
    assert code == 1
    assert "staat niet in deze opslag" in out
    code, _, err = run(capsys, "opslag", "controleer", str(db), "--anker", "kapot")
    assert code == 2
    assert "POSITIE:HASH" in err


def test_controleer_reports_on_a_damaged_store_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "t.db"
    run(capsys, "opslag", "importeer", str(db), str(VOORBEELDEN))
    conn = sqlite3.connect(db)
    conn.execute("UPDATE ija_events SET event = '{kapot' WHERE volgnummer = 2")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "opslag", "controleer", str(db))
    assert code == 1
    assert "de gebeurtenis is geen leesbare JSON" in out
    assert "Traceback" not in err
