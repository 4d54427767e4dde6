"""The CLI has one route per concept (issue 21): one reader of event files, one function from
an ``IjaError`` to a Dutch line and an exit code, and ``--json`` written by the codec."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import ija_core as ija
from ija_core.cli import main
from ija_core.cli._fouten import foutregel
from ija_core.cli._invoer import Bestandsfout, OnleesbaarBestand
from ija_core.errors import BronFout, SiteFout, UitmapFout

VOORBEELDEN = Path(__file__).parents[1] / "examples"


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


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    return ija.load_methodiek(entrypoints=False)


def _aangemeld(traject: str = "t1") -> dict[str, Any]:
    return {
        "type": "aangemeld",
        "op": "2024-03-01T09:00:00+01:00",
        "traject": traject,
        "jongere": {"pseudoniem": "J", "geboortedatum": "2007-01-01"},
        "verwijzer": "wijkagent",
    }


def _breekt_regel(pad: Path) -> Path:
    """A traject whose second event breaks ``contact-voor-verdieping``."""
    verdieping = {"type": "fase-gewijzigd", "op": "2024-03-02T09:00:00+01:00", "naar": "verdieping"}
    pad.write_text(json.dumps([_aangemeld(), verdieping]), encoding="utf-8")
    return pad


def _fout(err: str, pad: Path) -> str:
    """The line about ``pad`` on stderr, after ``"ija: PAD: "``."""
    (regel,) = [r for r in err.splitlines() if r.startswith(f"ija: {pad}: ")]
    return regel.removeprefix(f"ija: {pad}: ")


# --- one error, one line, in every command ------------------------------------------------


def test_a_broken_rule_reads_the_same_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], m: ija.Methodiek
) -> None:
    pad = _breekt_regel(tmp_path / "t.json")
    bron = m.regel("contact-voor-verdieping").bron.soort
    verwacht = f"gebeurtenis 2 breekt regel contact-voor-verdieping [bron: {bron}]: "

    code, _, err = run(capsys, "traject", "toets", str(pad))
    assert code == 1
    regel = _fout(err, pad)
    assert regel.startswith(verwacht)

    code, _, err = run(capsys, "signalen", str(pad), str(VOORBEELDEN / "enzo.json"))
    assert code == 1
    assert _fout(err, pad) == regel

    code, _, err = run(capsys, "opslag", "importeer", str(tmp_path / "db.sqlite"), str(pad))
    assert code == 1
    assert _fout(err, pad) == regel

    groep = VOORBEELDEN / "spin-in-het-web-groep.json"
    code, _, err = run(capsys, "groep", "toets", str(groep), str(pad), str(VOORBEELDEN))
    assert _fout(err, pad) == regel


@pytest.mark.parametrize("opdracht", [("traject", "toets"), ("signalen",)])
def test_an_invalid_file_reads_the_same_in_every_command(
    opdracht: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "kapot.json"
    pad.write_text('[{"type": "aangemeld"}]', encoding="utf-8")
    code, _, err = run(capsys, *opdracht, str(pad))
    assert code in (1, 2)  # signalen: one unreadable file among (here: no) others
    assert _fout(err, pad).startswith("ongeldige invoer: $[0].op: verplicht veld ontbreekt")


def test_an_unreadable_file_reads_the_same_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    map_ = tmp_path / "map.json"
    map_.mkdir()
    for opdracht in (("traject", "toets"), ("groep", "toets")):
        code, _, err = run(capsys, *opdracht, str(map_), *(["x"] if opdracht[0] == "groep" else []))
        assert code == 2, err
        assert _fout(err, map_) == "niet te lezen: dat is een map"


def test_a_group_file_is_named_as_a_group_and_a_traject_file_as_a_traject(
    capsys: pytest.CaptureFixture[str],
) -> None:
    groep, traject = VOORBEELDEN / "spin-in-het-web-groep.json", VOORBEELDEN / "enzo.json"
    code, _, err = run(capsys, "traject", "toets", str(groep))
    assert code == 2
    assert _fout(err, groep).startswith("ongeldige invoer: dit is een groep, geen traject")
    code, _, err = run(capsys, "groep", "toets", str(traject), str(VOORBEELDEN))
    assert code == 2
    assert _fout(err, traject).startswith("ongeldige invoer: dit is een traject, geen groep")


@pytest.mark.parametrize(
    ("fout", "regel", "code"),
    [
        (ija.OngeldigeInvoer(["$.a: x", "$.b: y"]), "ongeldige invoer: $.a: x; $.b: y", 2),
        (ija.RegelOvertreding("r", "waarom", index=0), "gebeurtenis 1 breekt regel r: waarom", 1),
        (
            ija.RegelOvertreding("p:r", "waarom", plugin="p"),
            "een gebeurtenis breekt regel p:r (plugin p): waarom",
            1,
        ),
        (ija.PluginFout("kapot", plugin="p"), "pluginfout: kapot", 3),
        (UitmapFout("een bestand"), "--uit: een bestand", 2),
        (BronFout("een link naar buiten"), "--bron: een link naar buiten", 2),
        (SiteFout("mkdocs faalde"), "mkdocs faalde", 1),
        (ija.IjaError("iets\nanders"), "iets\\u000aanders", 2),
        (
            OnleesbaarBestand("a.json", "geen leesrechten"),
            "a.json: niet te lezen: geen leesrechten",
            2,
        ),
        (
            Bestandsfout("a.json", ija.RegelOvertreding("r", "waarom", index=2)),
            "a.json: gebeurtenis 3 breekt regel r: waarom",
            1,
        ),
        (
            Bestandsfout("a\x1b.json", ija.OngeldigeInvoer("$: x")),
            "a\\u001b.json: ongeldige invoer: $: x",
            2,
        ),
    ],
)
def test_one_function_gives_the_line_and_the_exit_code(
    fout: ija.IjaError, regel: str, code: int
) -> None:
    assert foutregel(fout) == (regel, code)


def test_the_line_names_the_bron_of_the_rule_when_it_knows_the_methodiek(
    m: ija.Methodiek,
) -> None:
    fout = ija.RegelOvertreding("fase-volgorde", "waarom", index=0)
    soort = m.regel("fase-volgorde").bron.soort
    assert (
        foutregel(fout, m)[0] == f"gebeurtenis 1 breekt regel fase-volgorde [bron: {soort}]: waarom"
    )


# --- --json through the codec: one record, one shape --------------------------------------


def test_signalen_json_writes_each_outcome_as_the_codec_does(
    capsys: pytest.CaptureFixture[str], m: ija.Methodiek
) -> None:
    code, out, _ = run(
        capsys, "signalen", str(VOORBEELDEN), "--alle", "--json", "--peildatum", "laatste"
    )
    assert code == 0
    data = json.loads(out)
    trajecten = [
        ija.from_json(p.read_bytes(), ija.Traject, methodiek=m)
        for p in sorted(VOORBEELDEN.glob("*.json"))
        if "groep" not in p.name
    ]
    peildatum = date.fromisoformat(data["peildatum"])
    verwacht = {
        json.dumps(ija.unstructure(u, methodiek=m), sort_keys=True)
        for t in trajecten
        for u in ija.normtoets(t, peildatum=peildatum, methodiek=m)
    }
    gekregen = {
        json.dumps({k: v for k, v in u.items() if k != "bron"}, sort_keys=True)
        for u in data["uitkomsten"]
        if not u["norm"].startswith("groep-")
    }
    assert gekregen == verwacht
    for u in data["uitkomsten"]:
        assert u["bron"] == ija.unstructure(m.norm(u["norm"]).bron)


def test_the_same_bron_has_the_same_shape_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], m: ija.Methodiek
) -> None:
    _, out, _ = run(capsys, "normen", "--json")
    normen = {n["id"]: n["bron"] for n in json.loads(out)}
    assert all(b == ija.unstructure(m.norm(i).bron) for i, b in normen.items())
    pad = _breekt_regel(tmp_path / "t.json")
    code, out, _ = run(capsys, "traject", "toets", str(pad), "--json")
    assert code == 1
    assert json.loads(out)["bron"] == ija.unstructure(m.regel("contact-voor-verdieping").bron)


def test_traject_toon_writes_each_event_as_the_event_file_has_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], m: ija.Methodiek
) -> None:
    db = tmp_path / "db.sqlite"
    bron = VOORBEELDEN / "enzo.json"
    assert run(capsys, "opslag", "importeer", str(db), str(bron), "--door", "test")[0] == 0
    t = ija.from_json(bron.read_bytes(), ija.Traject, methodiek=m)
    code, out, _ = run(capsys, "traject", "toon", str(db), t.id, "--json", "--peildatum", "laatste")
    assert code == 0
    data = json.loads(out)
    assert [g["event"] for g in data["gebeurtenissen"]] == json.loads(ija.to_json(t))["events"]
    assert data["aangemeld_op"] == ija.unstructure(t.aangemeld_op)


def test_groep_json_writes_the_groups_events_as_its_file_has_them(
    capsys: pytest.CaptureFixture[str], m: ija.Methodiek
) -> None:
    bestand = VOORBEELDEN / "spin-in-het-web-groep.json"
    code, out, _ = run(capsys, "groep", "toets", str(bestand), str(VOORBEELDEN), "--json")
    assert code == 0
    stand = json.loads(out)
    events = json.loads(ija.to_json(ija.from_json(bestand.read_bytes(), ija.Groep, methodiek=m)))
    events = events["events"] if isinstance(events, dict) else events
    for sleutel, soort in [
        ("plannen", "plan-van-aanpak"),
        ("omgevingsanalyses", "omgevingsanalyse"),
        ("bijeenkomsten", "bijeenkomst"),
        ("meldingen", "groepsmelding"),
    ]:
        assert stand[sleutel] == [e for e in events if e["type"] == soort], sleutel
