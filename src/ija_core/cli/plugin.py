"""``ija plugin nieuw NAAM``: scaffold a new aanbieder plugin from the templates in ija_core."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ija_core.cli._basis import subcommando


def register(sub: Any) -> None:
    """Add the ``plugin`` command group."""
    groep = subcommando(
        sub,
        "plugin",
        "een eigen plugin maken",
        "Hulpmiddelen voor aanbieders die een eigen plugin schrijven.",
    )
    acties = groep.add_subparsers(dest="plugincommando", metavar="ACTIE", title="acties")
    acties.required = True
    p = subcommando(
        acties,
        "nieuw",
        "maak een nieuw pluginpakket met een voorbeeldinstrument, -norm, -regel en tests",
        "Maakt de map ija-NAAM met pyproject.toml (met de entry point), een hooks-module met "
        "één voorbeeldinstrument met getypeerd resultaat, een voorbeeldnorm en een voorbeeldregel "
        "(bron 'aanbieder'), tests met ija_core.testing en een README. Een bestaande map wordt nooit overschreven, en een naam die al van een "
        "geïnstalleerde plugin, een pakket of een aanbieder is, wordt geweigerd (exitcode 2): "
        "de nieuwe plugin zou die bij installatie vervangen.",
    )
    p.add_argument(
        "naam",
        metavar="NAAM",
        help=(
            "pluginnaam en aanbieder-id: kleine letters, cijfers, streepjes (bv. mijn-org; "
            "'ija-mijn-org' mag ook en wordt 'mijn-org')"
        ),
    )
    p.add_argument(
        "--map",
        type=Path,
        default=Path(),
        help="de map waarin ija-NAAM komt (standaard: de huidige map)",
    )
    p.set_defaults(uitvoeren=nieuw)


def nieuw(args: argparse.Namespace) -> int:
    """Write the plugin folder and print the next steps (in Dutch)."""
    from ija_core import load_methodiek
    from ija_core.cli._scaffold import controleer_naam, maak_plugin

    gegevens = controleer_naam(args.naam)
    m = load_methodiek(strict=False)
    bezet = {p.name for p in m.plugins} | {a.id for a in m.aanbieders}
    doel = maak_plugin(gegevens.naam, args.map, bezet=bezet)
    print(f"Plugin {gegevens.distributie} gemaakt in {doel}")
    print("\nInhoud:")
    for bestand in sorted(p for p in doel.rglob("*") if p.is_file()):
        print(f"  {bestand.relative_to(doel).as_posix()}")
    print(
        "\nVolgende stappen (in de Python-omgeving waarin ija-core al geïnstalleerd is):\n"
        f"  1. cd {doel}\n"
        "  2. pip install -e '.[test]'      (installeert de plugin en zijn entry point)\n"
        "  3. pytest; ruff check .; mypy    (tests, stijl en types, zoals pyproject.toml ze instelt)\n"
        f"  4. ija plugins                   ('{gegevens.naam}' hoort er als 'loaded' te staan)\n"
        f"  5. Pas src/{gegevens.pakket}/__init__.py aan: de naam van de aanbieder, de\n"
        "     methoden, het voorbeeldinstrument, de voorbeeldnorm en de voorbeeldregel (dat\n"
        "     zijn voorbeelden, geen afspraken). Laat onbekende gegevens op None staan.\n"
        "ija-core staat niet op PyPI: installeer hem eerst uit de broncode of een wheel\n"
        "(zie de README van de plugin). Meer uitleg: 'Een plugin schrijven' in de\n"
        "documentatie van ija-core."
    )
    return 0
