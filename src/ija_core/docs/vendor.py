"""Vendoring the browser assets the offline site needs, from the npm registry, at install time.

The site must work without a network, so the two scripts the theme would otherwise fetch from
a CDN are fetched once, with ``npm pack`` (pinned versions, checked by npm against the
registry's integrity hash), into a git-ignored folder (``.vendor/`` in the repository):

- ``mermaid.min.js`` from the npm package ``mermaid`` (``dist/mermaid.min.js``): draws the
  diagrams;
- ``iframe-worker-shim.js`` from ``iframe-worker`` (``shim/index.js``): lets the search run
  from ``file://``; mkdocs-material's ``offline`` plugin uses a local polyfill whose name
  contains ``iframe-worker`` instead of its CDN default.

Run ``ija docs vendor [--map MAP]`` (``make vendor``). Building the site never
downloads anything; it only reads this folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from attrs import frozen

from ija_core.errors import IjaError


class VendorFout(IjaError):
    """The vendored assets are missing or could not be fetched (message in Dutch)."""


@frozen
class Pakket:
    """One file taken from one pinned npm package.

    Attributes:
        naam: the npm package name.
        versie: the exact version.
        bestand: the path of the file inside the package tarball.
        doel: the file name in the vendor folder.
    """

    naam: str
    versie: str
    bestand: str
    doel: str


PAKKETTEN: tuple[Pakket, ...] = (
    # mkdocs-material 9.x is built against mermaid 11; keep the major version.
    Pakket("mermaid", "11.17.2", "package/dist/mermaid.min.js", "mermaid.min.js"),
    Pakket("iframe-worker", "1.0.4", "package/shim/index.js", "iframe-worker-shim.js"),
)

OMGEVINGSVARIABELE = "IJA_DOCS_VENDOR"
"""Environment variable that points at a vendor folder elsewhere."""


def _bronmap() -> Path | None:
    """The repository root when ija-core runs from a source checkout (editable install)."""
    kandidaat = Path(__file__).resolve().parents[3]
    return kandidaat if (kandidaat / "pyproject.toml").is_file() else None


def standaardmap() -> Path:
    """Where the vendored assets live: ``$IJA_DOCS_VENDOR``, else ``.vendor/`` of the checkout."""
    if os.environ.get(OMGEVINGSVARIABELE):
        return Path(os.environ[OMGEVINGSVARIABELE])
    if (Path.cwd() / ".vendor").is_dir():
        return Path.cwd() / ".vendor"
    bron = _bronmap()
    return (bron if bron is not None else Path.cwd()) / ".vendor"


def _versies() -> str:
    return "".join(f"{p.naam}@{p.versie} {p.bestand} -> {p.doel}\n" for p in PAKKETTEN)


def ontbrekend(map_: Path) -> list[str]:
    """The vendored files missing from ``map_`` (all of them when their versions are outdated)."""
    versies = map_ / "VERSIES.txt"
    if versies.is_file() and versies.read_text(encoding="utf-8") != _versies():
        return [p.doel for p in PAKKETTEN]
    return [p.doel for p in PAKKETTEN if not (map_ / p.doel).is_file()]


def controleer(map_: Path) -> None:
    """Raise ``VendorFout`` with a Dutch how-to when a vendored file is missing."""
    weg = ontbrekend(map_)
    if weg:
        raise VendorFout(
            f"de offline bestanden voor de site ontbreken in {map_} ({', '.join(weg)}); haal ze "
            "één keer op met 'make vendor' (daarvoor is npm nodig) of zet "
            f"{OMGEVINGSVARIABELE} op een map die ze bevat"
        )


def haal_op(map_: Path, *, npm: str | None = None) -> list[Path]:
    """Fetch every pinned package with ``npm pack`` and put its file in ``map_``."""
    npm = npm or shutil.which("npm")
    if npm is None:
        raise VendorFout(
            "npm is niet gevonden: installeer Node.js met npm (bv. 'apt-get install npm') en "
            "probeer opnieuw; de site kan zonder deze bestanden niet offline werken"
        )
    map_.mkdir(parents=True, exist_ok=True)
    geschreven = []
    with tempfile.TemporaryDirectory(prefix="ija-vendor-") as tmp:
        for p in PAKKETTEN:
            spec = f"{p.naam}@{p.versie}"
            print(f"==> {spec} ophalen met npm pack", file=sys.stderr)
            proces = subprocess.run(  # noqa: S603  # fixed arguments, npm from PATH
                [npm, "pack", spec, "--silent", "--pack-destination", tmp],
                capture_output=True, text=True, check=False,
            )
            if proces.returncode != 0:
                raise VendorFout(
                    f"npm pack {spec} is mislukt: {proces.stderr.strip().splitlines()[-1:]}"
                )
            tarball = Path(tmp) / proces.stdout.strip().splitlines()[-1]
            with tarfile.open(tarball) as tar:
                lid = tar.extractfile(p.bestand)
                if lid is None:
                    raise VendorFout(f"{p.bestand} ontbreekt in het npm-pakket {spec}")
                doel = map_ / p.doel
                doel.write_bytes(lid.read())
            geschreven.append(doel)
    (map_ / "VERSIES.txt").write_text(_versies(), encoding="utf-8")
    return geschreven
