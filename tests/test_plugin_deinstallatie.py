"""Uninstalling one aanbieder plugin removes exactly its contributions, and nothing else breaks.

Installs ija-core and the six bundled plugins into a fresh virtual environment (packages come
from PyPI or pip's cache), records what `ija` shows, uninstalls one plugin with pip, and
compares.
"""

from __future__ import annotations

import json
import os
import subprocess
import venv
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = sorted(p for p in (ROOT / "plugins").iterdir() if (p / "pyproject.toml").is_file())


def _run(*args: str | Path, env: dict[str, str] | None = None) -> str:
    uit = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=600, check=False, env=env
    )
    assert uit.returncode == 0, f"{args}: {uit.stdout}\n{uit.stderr}"
    return uit.stdout


def _bijdragen(bin_: Path, env: dict[str, str]) -> dict[str, Any]:
    plugins = json.loads(_run(bin_ / "ija", "plugins", "--json", env=env))
    instrumenten = json.loads(_run(bin_ / "ija", "instrumenten", "--json", env=env))
    normen = json.loads(_run(bin_ / "ija", "normen", "--json", env=env))
    return {
        "plugins": {p["name"]: p for p in plugins},
        "instrumenten": {i["id"] for i in instrumenten},
        "normen": {n["id"] for n in normen},
    }


@pytest.mark.slow
def test_uninstalling_joz_removes_exactly_its_contributions(tmp_path: Path) -> None:
    omgeving = tmp_path / "venv"
    venv.create(omgeving, with_pip=True)
    bin_ = omgeving / "bin"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("IJA_", "VIRTUAL_ENV"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    _run(bin_ / "python", "-m", "pip", "install", "--quiet", ROOT, *PLUGINS, env=env)

    voor = _bijdragen(bin_, env)
    assert {n for n, p in voor["plugins"].items() if p["status"] == "loaded"} == {
        "enver",
        "exodus",
        "futuro",
        "joz",
        "mee",
        "wmo-radar",
    }
    joz = voor["plugins"]["joz"]["contributions"]
    assert "norm:joz:start-binnen-48-uur" in joz

    _run(bin_ / "python", "-m", "pip", "uninstall", "--quiet", "--yes", "ija-joz", env=env)
    na = _bijdragen(bin_, env)

    assert "joz" not in na["plugins"]
    assert set(voor["plugins"]) - set(na["plugins"]) == {"joz"}
    for naam, info in na["plugins"].items():
        assert info["status"] == voor["plugins"][naam]["status"]
        assert info["contributions"] == voor["plugins"][naam]["contributions"]
    weg_normen = voor["normen"] - na["normen"]
    assert weg_normen == {c.removeprefix("norm:") for c in joz if c.startswith("norm:")}
    assert voor["instrumenten"] - na["instrumenten"] == {
        c.removeprefix("instrument:") for c in joz if c.startswith("instrument:")
    }
    assert na["normen"] <= voor["normen"]
    # the rest of the tool still works without it
    _run(bin_ / "ija", "overzicht", env=env)
    _run(
        bin_ / "ija",
        "traject",
        "toets",
        ROOT / "examples" / "enzo.json",
        "--peildatum",
        "laatste",
        env=env,
    )


def test_the_six_bundled_plugins_are_found() -> None:
    assert [p.name for p in PLUGINS] == [
        "ija-enver",
        "ija-exodus",
        "ija-futuro",
        "ija-joz",
        "ija-mee",
        "ija-wmo-radar",
    ]
