"""``ija plugin nieuw``: the scaffold for a new aanbieder plugin."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from ija_core.cli import main
from ija_core.cli._scaffold import controleer_naam, maak_plugin
from ija_core.errors import OngeldigeInvoer


def test_cli_scaffolds_a_complete_plugin_and_prints_next_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plugin", "nieuw", "mijn-org", "--map", str(tmp_path)]) == 0
    uit = capsys.readouterr().out
    doel = tmp_path / "ija-mijn-org"
    assert sorted(p.relative_to(doel).as_posix() for p in doel.rglob("*") if p.is_file()) == [
        "README.md",
        "pyproject.toml",
        "src/ija_mijn_org/__init__.py",
        "src/ija_mijn_org/py.typed",
        "tests/test_ija_mijn_org.py",
    ]
    assert "Volgende stappen" in uit
    assert "pip install -e" in uit
    assert "ija plugins" in uit


def test_pyproject_declares_the_entry_point_and_depends_on_ija_core(tmp_path: Path) -> None:
    doel = maak_plugin("mijn-org", tmp_path)
    pyproject = tomllib.loads((doel / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    assert project["name"] == "ija-mijn-org"
    assert project["entry-points"]["ija_core"] == {"mijn-org": "ija_mijn_org"}
    assert any(d.startswith("ija-core") for d in project["dependencies"])
    test_extra = {re.split(r"[<>=!~ ]", d)[0] for d in project["optional-dependencies"]["test"]}
    assert test_extra == {"pytest", "ruff", "mypy"}  # what its own pyproject configures
    assert {"ruff", "mypy"} <= set(pyproject["tool"])
    assert pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == [
        "src/ija_mijn_org"
    ]


def test_generated_modules_are_valid_python_without_leftover_placeholders(tmp_path: Path) -> None:
    doel = maak_plugin("mijn-org", tmp_path)
    for bestand in doel.rglob("*"):
        if bestand.is_file():
            tekst = bestand.read_text(encoding="utf-8")
            assert "$" not in tekst, bestand  # every template placeholder was filled in
            if bestand.suffix == ".py":
                compile(tekst, str(bestand), "exec")
    hooks = (doel / "src/ija_mijn_org/__init__.py").read_text(encoding="utf-8")
    assert 'IJA_HOOK_API = ">=1.0,<2.0"' in hooks
    assert 'id="mijn-org:voorbeeld-instrument"' in hooks
    assert "def voorbeeld(cls)" in hooks
    assert 'id="mijn-org:kennismaking-binnen-14-dagen"' in hooks
    assert 'id="mijn-org:doel-voor-afronding"' in hooks
    assert 'soort="aanbieder"' in hooks


@pytest.mark.parametrize(
    "naam", ["Mijn-Org", "mijn_org", "-org", "org-", "mijn--org", "1org", "", "a" * 41, "m ij"]
)
def test_invalid_names_are_refused(naam: str, tmp_path: Path) -> None:
    with pytest.raises(OngeldigeInvoer, match="NAAM"):
        maak_plugin(naam, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_reserved_name_is_refused() -> None:
    with pytest.raises(OngeldigeInvoer, match="gereserveerd"):
        controleer_naam("handboek")


def test_names_are_derived_from_the_slug() -> None:
    g = controleer_naam("wmo-radar2")
    assert (g.naam, g.distributie, g.pakket) == ("wmo-radar2", "ija-wmo-radar2", "ija_wmo_radar2")


def test_an_existing_folder_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bestaand = tmp_path / "ija-mijn-org"
    bestaand.mkdir()
    (bestaand / "eigen.txt").write_text("van mij", encoding="utf-8")
    assert main(["plugin", "nieuw", "mijn-org", "--map", str(tmp_path)]) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert [p.name for p in bestaand.iterdir()] == ["eigen.txt"]


def test_map_must_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugin", "nieuw", "mijn-org", "--map", str(tmp_path / "nergens")]) == 2
    assert "geen bestaande map" in capsys.readouterr().err


@pytest.mark.slow
def test_scaffold_installs_and_its_own_tests_lint_and_types_pass(tmp_path: Path) -> None:
    """Build and install the generated plugin into a temporary target, then run what its own
    pyproject configures: its tests (pytest), ``ruff check .`` and ``mypy`` (strict).

    The package is installed (not put on the path as source), so the test also proves that
    the entry point works: ija-core finds the plugin without being told about it.
    """
    doel = maak_plugin("proef-org", tmp_path)
    extra = tomllib.loads((doel / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]["test"]
    assert {re.split(r"[<>=!~ ]", d)[0] for d in extra} >= {"pytest", "ruff", "mypy"}
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(doel),
        ],
        check=True,
        timeout=180,
    )
    assert (site / "ija_proef_org" / "__init__.py").is_file()
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("IJA_DISABLED_PLUGINS", None)
    env.pop("IJA_LOAD_PLUGINS", None)

    def draai(*commando: str) -> str:
        uitkomst = subprocess.run(
            [sys.executable, "-m", *commando],
            cwd=doel,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
        return uitkomst.stdout

    tests = draai("pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly")
    gehaald = re.search(r"\b(\d+) passed\b", tests)
    assert gehaald, tests
    assert int(gehaald[1]) >= 6, tests  # instrument, norm and rule are tested
    assert "failed" not in tests
    draai("ruff", "check", "--no-cache", ".")
    draai("mypy", "--cache-dir", str(tmp_path / "mypy-cache"))
    lijst = draai("ija_core.cli", "plugins", "--json")
    assert '"name": "proef-org"' in lijst
    assert '"status": "loaded"' in lijst


@pytest.mark.parametrize("naam", ["exodus", "ija-exodus", "joz", "wmo-radar"])
def test_an_installed_plugin_name_is_refused(
    naam: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Installing a scaffold named like an installed plugin would silently replace it."""
    assert main(["plugin", "nieuw", naam, "--map", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "al" in err
    assert "geïnstalleerd" in err
    assert "vervangen" in err
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OngeldigeInvoer, match="geïnstalleerd"):
        maak_plugin(naam, tmp_path)


def test_an_importable_module_name_is_taken() -> None:
    from ija_core.cli._scaffold import Plugingegevens, al_geinstalleerd

    vrij = Plugingegevens(naam="kern-x", distributie="ija-kern-x", pakket="ija_kern_x", titel="x")
    assert al_geinstalleerd(vrij) is None
    bezet = Plugingegevens(naam="kern-x", distributie="ija-kern-x", pakket="ija_core", titel="x")
    assert al_geinstalleerd(bezet) == "de Python-module 'ija_core' bestaat al"


def test_a_loaded_plugin_or_aanbieder_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import ija_core as ija
    from ija_core.testing import registered

    class Geregistreerd:
        IJA_PLUGIN_NAAM = "buurtwerk"

        @ija.hookimpl
        def ija_aanbieder(self) -> ija.Aanbieder:
            return ija.Aanbieder(id="buurtwerk", naam="Buurtwerk")

    with registered(Geregistreerd()):
        assert main(["plugin", "nieuw", "buurtwerk", "--map", str(tmp_path)]) == 2
    assert "geladen plugin of aanbieder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_leading_ija_is_the_distribution_prefix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plugin", "nieuw", "ija-mijn-org", "--map", str(tmp_path)]) == 0
    assert "Plugin ija-mijn-org gemaakt" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["ija-mijn-org"]
    g = controleer_naam("ija-mijn-org")
    assert (g.naam, g.distributie, g.pakket) == ("mijn-org", "ija-mijn-org", "ija_mijn_org")
    with pytest.raises(OngeldigeInvoer, match="gereserveerd"):
        controleer_naam("ija-core")
    with pytest.raises(OngeldigeInvoer, match="NAAM"):
        controleer_naam("mijn-org\n")


def test_the_scaffold_does_not_send_people_to_pypi(tmp_path: Path) -> None:
    doel = maak_plugin("mijn-org", tmp_path)
    readme = (doel / "README.md").read_text(encoding="utf-8")
    assert "pypi.org" not in readme
    assert "staat niet op PyPI" in readme
    assert readme.index("pip install /pad/naar/ija-core") < readme.index("pip install -e '.[test]'")
