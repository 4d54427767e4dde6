"""The `ija` command off the happy path: nothing to read, duplicates, hostile text, dates.

Each test here failed on the CLI before issue 10 was worked on.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ija_core as ija
from ija_core.cli import main
from ija_core.testing import registered

VOORBEELDEN = Path(__file__).parents[1] / "examples"
ESC = "\x1b"
STUURTEKENS = (ESC, "\r", "\u202e", "\x9b", "\x07", "\u2066")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    uit = capsys.readouterr()
    assert "Traceback" not in uit.err
    return code, uit.out, uit.err


@pytest.fixture(autouse=True)
def _geen_geinstalleerde_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IJA_LOAD_PLUGINS", "")


def aangemeld(traject: str = "t1", pseudoniem: str = "J", op: str = "2024-03-01") -> Any:
    return {
        "type": "aangemeld",
        "op": f"{op}T09:00:00+01:00",
        "traject": traject,
        "jongere": {"pseudoniem": pseudoniem, "geboortedatum": "2007-01-01"},
        "verwijzer": "wijkagent",
    }


def schrijf(pad: Path, *events: Any) -> Path:
    pad.write_text(json.dumps({"formaat": "ija-traject/1", "events": list(events)}))
    return pad


def een_regel(err: str) -> str:
    regels = err.strip().splitlines()
    assert len(regels) == 1, err
    return regels[0]


# --- reading nothing is not "all clear" ----------------------------------------------------


def test_an_empty_folder_reads_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "signalen", str(tmp_path), "--peildatum", "2024-04-13")
    assert code == 2
    assert out == ""
    assert "niets gelezen" in een_regel(err)
    assert "Geen signalen" not in out + err


def test_a_folder_without_event_files_reads_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notities.txt").write_text("geen gebeurtenissen")
    (tmp_path / "sub").mkdir()
    code, out, err = run(capsys, "signalen", str(tmp_path), "--json")
    assert (code, out) == (2, "")
    assert "geen gebeurtenissenbestand (*.json)" in een_regel(err)


def test_only_unreadable_files_exit_1_without_a_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.json").write_text("{niet json")
    (tmp_path / "b.json").write_text("[]")
    for uitvoer in ((), ("--json",), ("--csv",)):
        code, out, err = run(capsys, "signalen", str(tmp_path), *uitvoer)
        assert code == 1
        assert out == ""
        regels = err.strip().splitlines()
        assert len(regels) == 3
        assert "a.json" in regels[0]
        assert "b.json" in regels[1]
        assert regels[2] == (
            "ija: niets gelezen: geen van de 2 bestanden is te lezen; er is niets getoetst"
        )


def test_one_unreadable_file_is_named_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bestand = tmp_path / "a.json"
    bestand.write_text("")
    code, out, err = run(capsys, "signalen", str(bestand))
    assert (code, out) == (1, "")
    assert err.strip().splitlines()[-1] == (
        "ija: niets gelezen: het enige bestand is niet te lezen; er is niets getoetst"
    )


def test_a_missing_path_is_bad_input_even_next_to_a_good_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    goed = schrijf(tmp_path / "goed.json", aangemeld())
    code, out, err = run(capsys, "signalen", str(goed), str(tmp_path / "nergens"))
    assert (code, out) == (2, "")
    assert "PAD" in een_regel(err)
    assert "nergens" in err
    assert "bestaat niet" in err


# --- the same traject twice ----------------------------------------------------------------


def test_the_same_traject_id_in_two_files_is_refused_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schrijf(tmp_path / "een.json", aangemeld("t-7"))
    (tmp_path / "kopie").mkdir()
    schrijf(tmp_path / "kopie" / "twee.json", aangemeld("t-7", op="2024-03-02"))
    schrijf(tmp_path / "ander.json", aangemeld("t-8"))
    for uitvoer in ((), ("--alle",), ("--json",)):
        code, out, err = run(
            capsys, "signalen", str(tmp_path), "--peildatum", "2024-04-13", *uitvoer
        )
        assert (code, out) == (2, "")
        regel = een_regel(err)
        assert "'t-7'" in regel
        assert "een.json" in regel
        assert "twee.json" in regel


def test_the_same_file_named_twice_counts_once(capsys: pytest.CaptureFixture[str]) -> None:
    enzo = str(VOORBEELDEN / "enzo.json")
    code, out, _ = run(
        capsys, "signalen", str(VOORBEELDEN), enzo, "--json", "--peildatum", "2025-11-03"
    )
    assert code == 0
    data = json.loads(out)
    assert data["trajecten"] + data["groepen"] == len(list(VOORBEELDEN.glob("*.json")))
    assert data["groepen"] == 1


# --- text from input or plugins is shown, never acted on ------------------------------------


@pytest.mark.parametrize("teken", STUURTEKENS)
def test_veilig_escapes_every_control_character(teken: str) -> None:
    from ija_core.cli._basis import veilig

    assert teken not in veilig(f"a{teken}b")
    assert f"\\u{ord(teken):04x}" in veilig(f"a{teken}b")
    assert veilig("Zoë\tJ-17\n") == "Zoë\tJ-17\n"
    assert veilig("a\nb", regels=True) == "a\\u000ab"


def _vijandig() -> str:
    return f"J{ESC}[2J{ESC}]8;;http://x{ESC}\\\r\u202eevil\x9b31m"


def test_table_output_escapes_ids_and_pseudonyms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schrijf(tmp_path / "t.json", aangemeld(_vijandig(), pseudoniem=_vijandig()))
    for args in (
        ("signalen", str(tmp_path), "--peildatum", "2024-06-01"),
        ("traject", "toets", str(tmp_path / "t.json"), "--peildatum", "2024-06-01"),
    ):
        code, out, err = run(capsys, *args)
        assert code == 0, err
        for teken in STUURTEKENS:
            assert teken not in out + err
        assert "J\\u001b[2J" in out


def test_error_lines_escape_what_the_user_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "instrument", f"x{ESC}[31m\nnep-regel\r\u202e")
    assert (code, out) == (2, "")
    regel = een_regel(err)
    assert not any(teken in regel for teken in STUURTEKENS)
    schrijf(tmp_path / "goed.json", aangemeld())
    (tmp_path / f"a{ESC}[2J\u202e.json").write_text("{kapot")
    code, _, err = run(capsys, "signalen", str(tmp_path), "--peildatum", "2024-03-02")
    assert code == 1
    assert not any(teken in err for teken in STUURTEKENS)
    assert "a\\u001b[2J\\u202e.json: " in err


def test_json_output_stays_valid_and_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schrijf(tmp_path / "t.json", aangemeld(_vijandig()))
    code, out, _ = run(capsys, "signalen", str(tmp_path), "--peildatum", "2024-06-01", "--json")
    assert code == 0
    for teken in STUURTEKENS:
        assert teken not in out
    assert {u["traject"] for u in json.loads(out)["uitkomsten"]} == {_vijandig()}


@pytest.mark.parametrize("begin", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_start_a_formula_are_neutralised(
    begin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    traject = f'{begin}HYPERLINK("http://x";"klik")'
    schrijf(tmp_path / "t.json", aangemeld(traject))
    code, out, _ = run(capsys, "signalen", str(tmp_path), "--peildatum", "2024-06-01", "--csv")
    assert code == 0
    rijen = list(csv.reader(io.StringIO(out)))
    assert len(rijen) > 1
    for rij in rijen[1:]:
        assert rij[0].startswith("'")
        assert rij[4].lstrip("-").isdigit()  # days stay numbers, also when negative
        assert int(rij[4]) < 0


def test_csv_cel_keeps_numbers_and_plain_text() -> None:
    from ija_core.cli._basis import csv_cel

    assert csv_cel(-3) == -3
    assert csv_cel("t-1") == "t-1"
    assert csv_cel("-1+1") == "'-1+1"


# --- one --peildatum for both commands -----------------------------------------------------


def test_toets_shows_the_state_at_a_past_date(capsys: pytest.CaptureFixture[str]) -> None:
    enzo = str(VOORBEELDEN / "enzo.json")
    code, out, err = run(capsys, "traject", "toets", enzo, "--peildatum", "2025-10-20", "--json")
    assert code == 0, err
    stand = json.loads(out)
    assert stand["fase"] == "vertrouwen"  # verdieping only began on 27 october 2025
    assert stand["peildatum"] == "2025-10-20"
    assert stand["dagen_in_fase"] == 77
    assert stand["gebeurtenissen_na_peildatum"] == 4
    assert stand["aantal_gebeurtenissen"] == 27
    assert [p["fase"] for p in stand["fasehistorie"]] == ["vertrouwen"]
    assert stand["betrokkenen"] == [
        {"id": "wijkagent", "relatie": "wijkagent", "rol": "wijknetwerk", "toestemmingen": []},
        {"id": "moeder", "relatie": "ouder", "rol": "netwerk", "toestemmingen": ["betrekken"]},
    ]
    assert (stand["jim"], stand["regie"], stand["opschaling"]) == (None, "coach", None)
    assert stand["coachwissels"] == 0
    code, out, _ = run(capsys, "traject", "toets", enzo, "--peildatum", "2025-10-20")
    assert code == 0
    assert "fase 1 Vertrouwen (of matching): 77 van 28 dagen" in out
    assert "Na de peildatum: 4 gebeurtenissen" in out
    assert "  - moeder (ouder, rol netwerk); toestemming: betrekken" in out
    assert "JIM: geen; regie: de coach" in out


def test_toets_shows_jim_regie_and_opschaling(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    events = [
        {
            "type": "aangemeld",
            "op": "2025-03-03T09:00:00+01:00",
            "traject": "t-1",
            "jongere": {"pseudoniem": "Noor", "geboortedatum": "2006-05-01"},
            "verwijzer": "school",
        },
        {"type": "betrokkene-toegevoegd", "op": "2025-03-04T09:00:00+01:00", "id": "oma", "relatie": "familie"},
        {"type": "betrokkene-toegevoegd", "op": "2025-03-04T09:00:00+01:00", "id": "jgc", "relatie": "jeugd-en-gezinscoach"},
        {"type": "jim-gekozen", "op": "2025-03-05T09:00:00+01:00", "betrokkene": "oma"},
        {"type": "regie-belegd", "op": "2025-03-05T09:00:00+01:00", "bij": "jgc"},
        {"type": "opgeschaald", "op": "2025-03-06T09:00:00+01:00", "naar": "pga", "reden": "afspraken niet nagekomen"},
    ]
    bestand = tmp_path / "netwerk.json"
    bestand.write_text(json.dumps(events), encoding="utf-8")
    code, out, err = run(capsys, "traject", "toets", str(bestand))
    assert code == 0, err
    assert "  - oma (familie, rol netwerk); toestemming: betrekken · JIM" in out
    assert "  - jgc (jeugd- en gezinscoach, rol coach); toestemming: geen · heeft de regie" in out
    assert "JIM: oma; regie: jgc" in out
    assert "Opgeschaald naar PGA-medewerkers op 2025-03-06 (reden: afspraken niet nagekomen)" in out
    code, out, _ = run(capsys, "traject", "toets", str(bestand), "--json")
    stand = json.loads(out)
    assert stand["opschaling"] == {
        "naar": "pga",
        "op": "2025-03-06T09:00:00+01:00",
        "reden": "afspraken niet nagekomen",
    }
    assert (stand["jim"], stand["regie"]) == ("oma", "jgc")


def test_toets_agrees_with_normtoets_on_what_a_past_date_sees(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from datetime import date

    m = ija.load_methodiek(entrypoints=False)
    t = ija.from_json((VOORBEELDEN / "enzo.json").read_bytes(), ija.Traject, methodiek=m)
    dag = date(2025, 10, 16)  # the intake happens on this day
    code, out, _ = run(
        capsys,
        "traject",
        "toets",
        str(VOORBEELDEN / "enzo.json"),
        "--peildatum",
        dag.isoformat(),
        "--json",
    )
    assert code == 0
    stand = json.loads(out)
    uitkomst = {u.norm: u for u in ija.normtoets(t, peildatum=dag, methodiek=m)}
    assert uitkomst["intake-binnen-6-weken"].status in ("gehaald", "te-laat")  # the same day counts
    assert stand["intake_op"] is not None
    assert stand["fase"] == "vertrouwen"


def test_toets_before_the_aanmelding_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "traject", "toets", str(VOORBEELDEN / "enzo.json"), "--peildatum", "2025-08-03"
    )
    assert (code, out) == (2, "")
    assert "vóór de aanmelding" in een_regel(err)


def test_signalen_before_every_aanmelding_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    for extra in ((), ("--alle",)):
        code, out, err = run(
            capsys, "signalen", str(VOORBEELDEN), "--peildatum", "2015-11-03", *extra
        )
        assert (code, out) == (2, "")
        assert "--peildatum: 2015-11-03 ligt vóór de eerste aanmelding" in een_regel(err)


def test_signalen_says_how_many_were_not_yet_aangemeld(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "signalen", str(VOORBEELDEN), "--peildatum", "2025-04-01")
    assert code == 0
    eerste = out.splitlines()[0]
    assert eerste.startswith("Servicenormen op 1 april 2025 — 10 trajecten, waarvan ")
    assert eerste.endswith(" pas na de peildatum aangemeld; 1 groep")


def test_signalen_accepts_laatste_and_vandaag(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "signalen", str(VOORBEELDEN), "--peildatum", "laatste", "--json")
    assert code == 0, err
    assert json.loads(out)["peildatum"] == "2026-01-06"  # spin-in-het-web's last contact
    code, out, err = run(capsys, "signalen", str(VOORBEELDEN), "--peildatum", "vandaag", "--json")
    assert code == 0, err
    code, out, _ = run(
        capsys, "traject", "toets", str(VOORBEELDEN / "enzo.json"), "--peildatum", "vandaag"
    )
    assert code == 0


@pytest.mark.parametrize("commando", [("signalen", "examples"), ("traject", "toets", "x.json")])
@pytest.mark.parametrize("waarde", ["2024-02-30", "morgen", "3-11-2025", ""])
def test_a_bad_peildatum_names_the_option(
    commando: tuple[str, ...], waarde: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *commando, "--peildatum", waarde)
    assert (code, out) == (2, "")
    assert "--peildatum" in een_regel(err)
    assert "$" not in err


# --- messages ------------------------------------------------------------------------------


def test_one_traject_is_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schrijf(tmp_path / "t.json", aangemeld())
    code, out, _ = run(capsys, "signalen", str(tmp_path), "--peildatum", "2024-03-02")
    assert code == 0
    assert "— 1 traject\n" in out
    _, out, _ = run(capsys, "instrumenten", "--fase", "afronding")
    assert "instrument(en)" not in out


@pytest.mark.parametrize(
    ("optie", "waarde", "soort"),
    [
        ("--fase", "fase-9", "onbekende fase"),
        ("--leefgebied", "geld", "onbekend leefgebied"),
        ("--aanbieder", "nergens", "onbekende aanbieder"),
    ],
)
def test_option_errors_name_the_option_not_a_json_path(
    optie: str, waarde: str, soort: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "instrumenten", optie, waarde)
    assert (code, out) == (2, "")
    assert een_regel(err).startswith(f"ija: ongeldige invoer: {optie}: {soort} '{waarde}'")
    assert "$" not in err


def test_a_rule_violation_counts_events_from_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bestand = schrijf(
        tmp_path / "t.json",
        aangemeld(),
        {"type": "fase-gewijzigd", "op": "2024-03-02T09:00:00+01:00", "naar": "verdieping"},
    )
    code, _, err = run(capsys, "traject", "toets", str(bestand))
    assert code == 1
    assert "gebeurtenis 2 breekt regel contact-voor-verdieping" in een_regel(err)
    code, _, err = run(capsys, "signalen", str(tmp_path), "--peildatum", "2024-04-01")
    assert code == 1
    assert "t.json: gebeurtenis 2 breekt regel contact-voor-verdieping" in err


# --- plugins -------------------------------------------------------------------------------


class _KapottePlugin:
    IJA_PLUGIN_NAAM = "kapot"

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder:
        raise RuntimeError("stuk")


def test_plugins_exits_3_when_a_plugin_failed(capsys: pytest.CaptureFixture[str]) -> None:
    with registered(_KapottePlugin()):
        code, out, err = run(capsys, "plugins")
        assert code == 3
        assert "kapot: MISLUKT" in out
        assert "kapot" in err
        code, out, _ = run(capsys, "plugins", "--json")
        assert code == 3
        assert {p["name"]: p["status"] for p in json.loads(out)}["kapot"] == "failed"
    code, _, _ = run(capsys, "plugins")
    assert code == 0


# --- properties of the one escaping helper -------------------------------------------------


@given(st.text())
def test_veilig_leaves_no_control_character_and_keeps_json_exact(tekst: str) -> None:
    from ija_core.cli._basis import veilig

    uit = veilig(tekst, regels=True)
    assert all(
        unicodedata.category(c) not in ("Cc",) and c not in "\u202a\u202b\u202c\u202d\u202e"
        for c in uit
    )
    als_json = json.dumps(tekst, ensure_ascii=False)
    assert json.loads(veilig(als_json)) == tekst
    if not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in tekst):
        assert veilig(tekst, regels=True) == tekst


@given(st.text())
def test_csv_cel_never_starts_a_formula(tekst: str) -> None:
    from ija_core.cli._basis import csv_cel

    cel = csv_cel(tekst)
    assert isinstance(cel, str)
    assert not cel.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cel.removeprefix("'") == tekst or cel == tekst


def test_a_terminal_without_utf8_gets_escapes_not_a_traceback() -> None:
    import subprocess
    import sys

    uit = subprocess.run(
        [sys.executable, "-m", "ija_core.cli", "fasen"],
        capture_output=True,
        env={"PYTHONIOENCODING": "cp1252", "IJA_LOAD_PLUGINS": "", "PATH": ""},
        check=False,
    )
    assert uit.returncode == 0, uit.stderr
    assert b"Traceback" not in uit.stderr
    regels = uit.stdout.decode("cp1252").splitlines()
    assert regels[1].startswith("--  ----------")  # the table rule in characters cp1252 has
    assert "vertrouwen" in regels[2]
