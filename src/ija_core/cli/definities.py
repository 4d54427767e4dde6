"""``ija overzicht``, ``ija fasen``, ``ija leefgebieden``, ``ija themas``: the methodiek itself."""

from __future__ import annotations

import argparse
from typing import Any

from ija_core.cli._basis import json_optie, laad, schrijf_json, subcommando, tabel, weken


def register(sub: Any) -> None:
    """Add the definition commands."""
    p = subcommando(sub, "overzicht", "overzicht van de hele methodiek")
    p.set_defaults(uitvoeren=overzicht)

    p = subcommando(sub, "fasen", "de vier fasen met stappen en streefduur")
    json_optie(p)
    p.set_defaults(uitvoeren=fasen)

    p = subcommando(sub, "leefgebieden", "de acht leefgebieden")
    json_optie(p)
    p.set_defaults(uitvoeren=leefgebieden)

    p = subcommando(sub, "themas", "de thema's met acties, leefgebieden en partners")
    json_optie(p)
    p.set_defaults(uitvoeren=themas)


def overzicht(_args: argparse.Namespace) -> int:
    """Print phases, steps and durations, leefgebieden and counts of everything."""
    m = laad()
    totaal = sum(f.streefduur.days for f in m.fasen) // 7
    print("Intensieve Jongerenaanpak — overzicht van de methodiek")
    print(
        f"Doelgroep: jongeren van {m.doelgroep.min_leeftijd} tot en met "
        f"{m.doelgroep.max_leeftijd} jaar. Streefduur van een traject: {totaal} weken.\n"
    )
    for f in m.fasen:
        print(f"Fase {f.nummer}  {f.volledige_naam}  ({weken(f.streefduur)})")
        for s in f.stappen:
            print(f"    {s.letter}. {s.naam}")
    print("\nLeefgebieden: " + ", ".join(lg.naam for lg in m.leefgebieden))
    print("Kernwaarden:  " + ", ".join(k.naam for k in m.kernwaarden))
    print("Thema's:      " + ", ".join(t.naam for t in m.themas))
    print()
    tabel(
        [
            ("fasen", len(m.fasen)),
            ("stappen", sum(len(f.stappen) for f in m.fasen)),
            ("leefgebieden", len(m.leefgebieden)),
            ("rollen", len(m.rollen)),
            ("kernwaarden", len(m.kernwaarden)),
            ("principes", len(m.principes)),
            ("thema's", len(m.themas)),
            ("instrumenten", len(m.instrumenten)),
            ("normen", len(m.normen)),
            ("aanbieders", len(m.aanbieders)),
            ("plugins", sum(1 for p in m.plugins if p.status in ("builtin", "loaded"))),
        ],
        ("onderdeel", "aantal"),
    )
    return 0


def fasen(args: argparse.Namespace) -> int:
    """List the phases."""
    m = laad()
    if args.json:
        schrijf_json(m.fasen, m)
        return 0
    tabel(
        [
            (
                f.nummer,
                f.id,
                f.volledige_naam,
                weken(f.streefduur),
                ", ".join(s.id for s in f.stappen),
            )
            for f in m.fasen
        ],
        ("nr", "id", "fase", "streefduur", "stappen"),
    )
    return 0


def leefgebieden(args: argparse.Namespace) -> int:
    """List the leefgebieden."""
    m = laad()
    if args.json:
        schrijf_json(m.leefgebieden, m)
        return 0
    tabel(
        [(lg.id, lg.naam, lg.beschrijving) for lg in m.leefgebieden], ("id", "naam", "omschrijving")
    )
    return 0


def themas(args: argparse.Namespace) -> int:
    """List the themes."""
    m = laad()
    if args.json:
        schrijf_json(m.themas, m)
        return 0
    tabel(
        [(t.id, t.naam, ", ".join(t.leefgebieden), len(t.acties)) for t in m.themas],
        ("id", "thema", "leefgebieden", "acties"),
    )
    return 0
