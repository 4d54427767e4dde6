"""``ija instrumenten``, ``ija instrument ID``, ``ija plugins``: the catalogue and its sources."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ija_core.cli._basis import (
    aantal,
    als_json,
    json_optie,
    laad,
    schrijf_json,
    subcommando,
    tabel,
    voor_optie,
)


def register(sub: Any) -> None:
    """Add the catalogue commands."""
    p = subcommando(sub, "instrumenten", "de instrumentencatalogus, te filteren")
    p.add_argument("--fase", help="alleen instrumenten die bij deze fase passen (id)")
    p.add_argument("--leefgebied", help="alleen instrumenten voor dit leefgebied (id)")
    p.add_argument("--aanbieder", help="alleen instrumenten van deze aanbieder (id)")
    json_optie(p)
    p.set_defaults(uitvoeren=instrumenten)

    p = subcommando(sub, "instrument", "alle gegevens van één instrument")
    p.add_argument("id", metavar="ID", help="het id van het instrument, bv. 5g-model")
    json_optie(p)
    p.set_defaults(uitvoeren=instrument)

    p = subcommando(
        sub,
        "plugins",
        "de geladen plugins, hun status en bijdragen",
        "Toont elke plugin met versie, status, hooks en bijdragen. Exitcode 3 als een plugin "
        "niet geladen kon worden (status failed), anders 0.",
    )
    json_optie(p)
    p.set_defaults(uitvoeren=plugins)


def instrumenten(args: argparse.Namespace) -> int:
    """List the instruments that fit the filters."""
    m = laad()
    for optie, zoek, waarde in (
        ("--fase", m.fase, args.fase),
        ("--leefgebied", m.leefgebied, args.leefgebied),
        ("--aanbieder", m.aanbieder, args.aanbieder),
    ):
        if waarde is not None:
            voor_optie(optie, zoek, waarde)
    gevonden = m.instrumenten_voor(
        fase=args.fase, leefgebied=args.leefgebied, aanbieder=args.aanbieder
    )
    if args.json:
        schrijf_json(gevonden, m)
        return 0
    if not gevonden:
        print("Geen instrumenten gevonden met deze filters.")
        return 0
    tabel(
        [
            (
                i.id,
                i.naam,
                i.soort,
                ", ".join(i.fasen) or "-",
                ", ".join(m.bijgedragen_door("instrument", i.id)),
            )
            for i in gevonden
        ],
        ("id", "naam", "soort", "fasen", "bron"),
    )
    print(f"\n{aantal(len(gevonden), 'instrument', 'instrumenten')}. Details: ija instrument ID")
    return 0


def _onbekend(waarde: object) -> str:
    return "nog aan te vullen" if waarde in (None, (), "") else str(waarde)


def _betekenis_json(veld: Any) -> dict[str, str | None]:
    from ija_core.tools.results import veldbetekenis

    betekenis, grenzen = veldbetekenis(veld)
    return {"betekenis": betekenis, "grenzen": grenzen}


def _geneste_klassen(klasse: type[Any]) -> list[type[Any]]:
    """The attrs classes used inside the fields of ``klasse`` (lists of them too), in order."""
    import typing

    import attrs

    gevonden: list[type[Any]] = []
    te_doen = [klasse]
    while te_doen:
        huidig = te_doen.pop(0)
        try:
            hints = typing.get_type_hints(huidig)
        except Exception:  # noqa: BLE001 - unresolved annotations: no nested classes shown
            hints = {}
        for f in attrs.fields(huidig):
            soorten = [hints.get(f.name, f.type)]
            while soorten:
                tp = soorten.pop()
                if isinstance(tp, type) and attrs.has(tp):
                    if tp is not klasse and tp not in gevonden:
                        gevonden.append(tp)
                        te_doen.append(tp)
                else:
                    soorten.extend(a for a in typing.get_args(tp) if a is not Ellipsis)
    return gevonden


def _print_velden(klasse: type[Any], inspringen: str = "  ") -> None:
    """One line per field: name, type, and below it its meaning and bounds (or that they are
    not given)."""
    import attrs

    from ija_core.tools.results import veldbetekenis

    for f in attrs.fields(klasse):
        typ = getattr(f.type, "__name__", None) or str(f.type)
        print(f"{inspringen}{f.name}: {typ}")
        betekenis, grenzen = veldbetekenis(f)
        print(f"{inspringen}    betekenis: {betekenis or 'niet opgegeven'}")
        print(f"{inspringen}    grenzen:   {grenzen or 'niet opgegeven'}")


def instrument(args: argparse.Namespace) -> int:
    """Show one instrument with all its facts and result fields."""
    import attrs

    m = laad()
    i = voor_optie("ID", m.instrument, args.id)
    if args.json:
        data = als_json(i, m)
        data["bijgedragen_door"] = list(m.bijgedragen_door("instrument", i.id))
        if i.resultaat is not None:
            data["resultaatvelden"] = [
                {"naam": f.name, "type": str(f.type), **_betekenis_json(f)}
                for f in attrs.fields(i.resultaat)
            ]
            genest = _geneste_klassen(i.resultaat)
            if genest:
                data["resultaatklassen"] = {
                    k.__name__: [
                        {"naam": f.name, "type": str(f.type), **_betekenis_json(f)}
                        for f in attrs.fields(k)
                    ]
                    for k in genest
                }
        schrijf_json(data)
        return 0
    print(f"{i.naam}  ({i.id})")
    print(f"soort: {i.soort}")
    print(f"\n{i.samenvatting}\n\n{i.beschrijving}\n")
    if i.onderdelen:
        print("onderdelen:")
        for o in i.onderdelen:
            print(f"  - {o}")
    for soort, label in (("fase", "fasen:       "), ("leefgebied", "leefgebieden:")):
        plekken = [f"{p.id} [{p.bron.soort}]" for p in i.plaatsingen if p.soort == soort]
        print(f"{label} {', '.join(plekken) or '-'}")
    print(f"doelgroep:    {_onbekend(i.doelgroep)}")
    h = i.herkomst
    print(
        f"herkomst:     {_onbekend(', '.join(h.auteurs))}"
        f"{f' ({h.jaar})' if h.jaar else ''} [{h.status}]"
    )
    e = i.erkenning
    erkenning = (
        f"{e.niveau} ({e.databank or 'databank onbekend'}, {e.jaar or 'jaar onbekend'})"
        if e.niveau
        else "nog aan te vullen"
    )
    print(f"erkenning:    {erkenning} [{e.status}]")
    print(
        f"bron:         {', '.join(m.bijgedragen_door('instrument', i.id))}"
        f"{f' (aanbieder {i.aanbieder})' if i.aanbieder else ''}"
    )
    if i.resultaat is not None:
        print(f"\nresultaat ({i.resultaat.__name__}):")
        _print_velden(i.resultaat)
        for klasse in _geneste_klassen(i.resultaat):
            print(f"\n  een {klasse.__name__} bestaat uit:")
            _print_velden(klasse, "    ")
    else:
        print("\nresultaat: legt geen getypeerd resultaat vast (resultaat: null)")
    return 0


def plugins(args: argparse.Namespace) -> int:
    """List every plugin with status, version, hooks and contributions; 3 if one failed."""
    from ija_core import load_methodiek

    m = load_methodiek(strict=False)
    mislukt = [p.name for p in m.plugins if p.status == "failed"]
    code = 3 if mislukt else 0
    if args.json:
        schrijf_json(m.plugins, m)
        return code
    tabel(
        [
            (
                p.name,
                p.version or "-",
                p.status,
                ", ".join(h.removeprefix("ija_") for h in p.hooks) or "-",
                len(p.contributions),
            )
            for p in m.plugins
        ],
        ("plugin", "versie", "status", "hooks", "bijdragen"),
    )
    for p in m.plugins:
        if p.status == "failed":
            print(f"\n{p.name}: MISLUKT — {p.error}")
        if p.warning:
            print(f"\n{p.name}: waarschuwing — {p.warning}")
        if p.contributions and p.status == "loaded":
            print(f"\n{p.name} draagt bij: {', '.join(p.contributions)}")
    if mislukt:
        print(
            f"ija: {aantal(len(mislukt), 'plugin', 'plugins')} niet geladen: "
            f"{', '.join(mislukt)} (exitcode 3)",
            file=sys.stderr,
        )
    return code
