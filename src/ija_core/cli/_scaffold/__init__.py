"""Scaffolding a new aanbieder plugin (``ija plugin nieuw NAAM``).

The templates live next to this module in ``sjablonen/`` (package data, ``string.Template``
syntax with ``$name`` placeholders). ``maak_plugin`` fills them in and writes a ready-to-install
distribution: ``pyproject.toml`` with the entry point, ``src/<pakket>/__init__.py`` with
hook implementations, one example instrument with a typed result, an example norm and an
example rule (a guard), both with ``bron`` soort ``aanbieder``, ``tests/`` using
``ija_core.testing``, and a Dutch README.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import metadata, resources
from importlib.util import find_spec
from pathlib import Path
from string import Template

from attrs import frozen

from ija_core.errors import OngeldigeInvoer

_NAAM = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MAX_LENGTE = 40
GERESERVEERD = frozenset({"handboek", "ija", "core", "ija-core", "test", "tests"})
"""Names a plugin may not take: the built-in plugin, and names that clash with packages."""


@frozen(kw_only=True)
class Plugingegevens:
    """The names derived from a plugin name ``NAAM``.

    Attributes:
        naam: the plugin name, entry-point name and aanbieder id (``"mijn-org"``).
        distributie: the distribution name (``"ija-mijn-org"``).
        pakket: the import package (``"ija_mijn_org"``).
        titel: a first guess at the organisation's display name (``"Mijn org"``).
    """

    naam: str
    distributie: str
    pakket: str
    titel: str


def controleer_naam(naam: str) -> Plugingegevens:
    """Check a plugin name and derive the distribution, package and display names.

    A leading ``ija-`` is the distribution's prefix, not part of the name: ``ija-foo`` is
    the plugin ``foo`` in the distribution ``ija-foo`` (never ``ija-ija-foo``).

    Raises:
        OngeldigeInvoer: the name is not a lowercase slug starting with a letter, is too long,
            or is reserved.
    """
    gegeven = naam
    if isinstance(naam, str):
        while naam.startswith("ija-"):
            naam = naam.removeprefix("ija-")
    if not isinstance(naam, str) or not _NAAM.fullmatch(naam):
        raise OngeldigeInvoer(
            f"NAAM: {gegeven!r} is geen geldige pluginnaam; gebruik kleine letters, cijfers en "
            "losse streepjes, beginnend met een letter (bv. 'mijn-org'). Deze naam wordt ook "
            "het aanbieder-id."
        )
    if len(naam) > MAX_LENGTE:
        raise OngeldigeInvoer(f"NAAM: {naam!r} is te lang (hooguit {MAX_LENGTE} tekens)")
    if naam in GERESERVEERD:
        raise OngeldigeInvoer(
            f"NAAM: {gegeven!r} is gereserveerd; kies een andere naam "
            f"(niet: {', '.join(sorted(GERESERVEERD))})"
        )
    return Plugingegevens(
        naam=naam,
        distributie=f"ija-{naam}",
        pakket="ija_" + naam.replace("-", "_"),
        titel=naam.replace("-", " ").capitalize(),
    )


def _genormaliseerd(distributie: str) -> str:
    return re.sub(r"[-_.]+", "-", distributie).lower()


def al_geinstalleerd(gegevens: Plugingegevens) -> str | None:
    """Why the names of ``gegevens`` are taken in this Python environment, or None.

    A new plugin must not share its entry-point name, distribution or import package with
    an installed one: installing it would silently replace that plugin.
    """
    for ep in metadata.entry_points(group="ija_core"):
        if ep.name == gegevens.naam:
            herkomst = ep.dist.name if ep.dist is not None else ep.value
            return f"er is al een plugin {gegevens.naam!r} geïnstalleerd (uit {herkomst})"
    for dist in metadata.distributions():
        naam = dist.metadata["Name"]
        if naam and _genormaliseerd(naam) == gegevens.distributie:
            return f"het pakket {naam!r} is al geïnstalleerd"
    try:
        spec = find_spec(gegevens.pakket)
    except (ImportError, ValueError):
        spec = None
    if spec is not None:
        return f"de Python-module {gegevens.pakket!r} bestaat al"
    return None


def _sjabloon(naam: str) -> Template:
    tekst = resources.files(__package__).joinpath("sjablonen", naam).read_text(encoding="utf-8")
    return Template(tekst)


def bestanden(gegevens: Plugingegevens) -> dict[str, str]:
    """The files of a new plugin: relative path → content."""
    from ija_core import __version__

    waarden = {
        "naam": gegevens.naam,
        "distributie": gegevens.distributie,
        "pakket": gegevens.pakket,
        "titel": gegevens.titel,
        "kern_versie": __version__,
    }
    pakket = gegevens.pakket
    return {
        "pyproject.toml": _sjabloon("pyproject.toml.tmpl").substitute(waarden),
        "README.md": _sjabloon("README.md.tmpl").substitute(waarden),
        f"src/{pakket}/__init__.py": _sjabloon("__init__.py.tmpl").substitute(waarden),
        f"src/{pakket}/py.typed": "",
        f"tests/test_{pakket}.py": _sjabloon("test_plugin.py.tmpl").substitute(waarden),
    }


def maak_plugin(naam: str, map_pad: Path, *, bezet: Iterable[str] = ()) -> Path:
    """Write a new plugin distribution into ``map_pad / "ija-<naam>"`` and return that folder.

    Args:
        naam: the plugin name (a leading ``ija-`` is dropped, see ``controleer_naam``).
        map_pad: the folder the new distribution folder goes into.
        bezet: further names that are taken (the CLI passes the loaded plugins and
            aanbieders); installed plugins, distributions and modules are always checked.

    Raises:
        OngeldigeInvoer: the name is invalid or taken, ``map_pad`` is not a folder, or the
            target folder already exists (nothing is overwritten).
    """
    gegevens = controleer_naam(naam)
    waarom = al_geinstalleerd(gegevens)
    if waarom is None and gegevens.naam in set(bezet):
        waarom = f"{gegevens.naam!r} is al de naam van een geladen plugin of aanbieder"
    if waarom is not None:
        raise OngeldigeInvoer(
            f"NAAM: {waarom}; een plugin met deze naam zou die bij installatie vervangen. "
            "Kies een andere naam."
        )
    if not map_pad.is_dir():
        raise OngeldigeInvoer(f"--map: {str(map_pad)!r} is geen bestaande map")
    doel = map_pad / gegevens.distributie
    if doel.exists():
        raise OngeldigeInvoer(
            f"NAAM: de map {str(doel)!r} bestaat al; er wordt niets overschreven. Kies een "
            "andere naam of een andere --map."
        )
    inhoud = bestanden(gegevens)
    doel.mkdir()
    for pad, tekst in inhoud.items():
        bestand = doel / pad
        bestand.parent.mkdir(parents=True, exist_ok=True)
        bestand.write_text(tekst, encoding="utf-8")
    return doel


__all__ = [
    "GERESERVEERD",
    "Plugingegevens",
    "al_geinstalleerd",
    "bestanden",
    "controleer_naam",
    "maak_plugin",
]
