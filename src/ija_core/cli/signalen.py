"""``ija signalen PATH...`` (norm signals over event files) and ``ija normen`` (the norms).

``ija signalen`` reads event files (a file, or every ``*.json`` in a folder and its
sub-folders), replays each traject and prints the ``dreigt`` and ``verlopen`` outcomes at the
peildatum, grouped by status. A file whose first event is ``groep-aangemeld`` is a group
(``ija.Groep``): its group norms are measured on the members' trajecten read beside it
(``ija.groepstoets``) and their outcomes are listed with the others; ``--alle`` prints every outcome (also ``gehaald``, ``te-laat``
and ``open``). ``--json`` and ``--csv`` are for programs (CSV cells that would start a
spreadsheet formula get a leading ``'``). A file that cannot be read or replayed is named on
stderr and the others are still counted; the exit code is 1 then, else 0 (signals
themselves are not a failure of the command).

Reading nothing is never "all clear": a path that does not exist, or no event file at all
(an empty folder, a folder without ``*.json``), is bad input (exit 2); files of which none
can be read give exit 1 and no table. The same traject id in two files is refused (exit 2)
naming the id and both files, before any norm is measured.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ija_core.cli._basis import (
    Stop,
    aantal,
    als_json,
    csv_cel,
    datum_tekst,
    json_optie,
    laad,
    peildag,
    peildatum_optie,
    schrijf_json,
    subcommando,
    tabel,
)
from ija_core.cli._invoer import (
    bestanden,
    dubbele_groepen,
    dubbele_trajecten,
    lees_alles,
    zonder_gc,
)
from ija_core.errors import OngeldigeInvoer

if TYPE_CHECKING:  # the engine is imported by the commands that use it: 'ija --help' stays light
    from ija_core import Bron, Groep, Methodiek, Norm, Normuitkomst

VOLGORDE = ("verlopen", "dreigt", "te-laat", "open", "gehaald")
KOPPEN = {
    "verlopen": "Verlopen",
    "dreigt": "Dreigt (7 dagen of minder)",
    "te-laat": "Te laat gehaald",
    "open": "Open",
    "gehaald": "Gehaald",
}


def register(sub: Any) -> None:
    """Add ``ija signalen`` and ``ija normen``."""
    p = subcommando(
        sub,
        "signalen",
        "welke trajecten dreigen een servicenorm te missen of hebben dat al gedaan",
        "Leest gebeurtenissenbestanden (een bestand, of alle *.json in een map en de mappen "
        "daaronder), speelt elk traject af en toont per status de normen die dreigen "
        "(7 dagen of minder over) of verlopen zijn op de peildatum. Afgesloten trajecten "
        "tellen niet mee. Een bestand dat niet te lezen of af te spelen is, wordt bij naam "
        "gemeld en de rest wordt gewoon geteld; de exitcode is dan 1. Niets gelezen is "
        "geen 'alles in orde': een pad dat niet bestaat of geen enkel gebeurtenissenbestand "
        "geeft exitcode 2, bestanden waarvan er geen te lezen is exitcode 1. Hetzelfde "
        "traject-id in twee bestanden wordt geweigerd (exitcode 2).",
    )
    p.add_argument("paden", nargs="*", metavar="PAD", help="een gebeurtenissenbestand of een map")
    p.add_argument(
        "--opslag",
        metavar="DB",
        default=None,
        help="lees de trajecten uit de opslag (een SQLite-bestand of een postgresql://-adres) "
        "in plaats van uit bestanden",
    )
    peildatum_optie(
        p,
        "de dag waarop getoetst wordt: JJJJ-MM-DD, 'vandaag' (standaard) of 'laatste' (de dag "
        "van de laatste gebeurtenis in alle gelezen bestanden); gebeurtenissen op latere "
        "dagen tellen niet mee",
    )
    p.add_argument(
        "--alle",
        action="store_true",
        help="toon alle normuitkomsten (ook gehaald, te laat en open), ook van afgesloten trajecten",
    )
    p.add_argument(
        "--lokaal",
        action="store_true",
        help="toets ook de lokale normen (eerste contactpoging, geeft niet op, contact met het netwerk)",
    )
    uitvoer = p.add_mutually_exclusive_group()
    uitvoer.add_argument("--json", action="store_true", help="schrijf JSON voor programma's")
    uitvoer.add_argument("--csv", action="store_true", help="schrijf CSV (één regel per uitkomst)")
    p.set_defaults(uitvoeren=toon_signalen)

    p = subcommando(sub, "normen", "de servicenormen: termijn, pauzeerbaar, bron en aanbieder")
    json_optie(p)
    p.set_defaults(uitvoeren=toon_normen)


def _groepsuitkomsten(
    groepen: Sequence[tuple[str, Groep]],
    trajecten: Sequence[Any],
    peildatum: date,
    m: Methodiek,
    normen: list[Norm] | None,
    *,
    alle: bool,
) -> tuple[list[Normuitkomst], list[tuple[str, str]]]:
    """The group norms' outcomes (every one with ``alle``, else the signals) of each group;
    a group whose member trajecten are missing is named as an error (with its file or id)."""
    from ija_core import groepssignalen, groepstoets

    groepsnormen = None if normen is None else [n for n in normen if n.groepsnorm]
    uit: list[Normuitkomst] = []
    fouten: list[tuple[str, str]] = []
    for naam, g in groepen:
        try:
            if alle:
                uit.extend(
                    groepstoets(g, trajecten, peildatum=peildatum, methodiek=m, normen=groepsnormen)
                )
            else:
                uit.extend(
                    groepssignalen(
                        [g], trajecten, peildatum=peildatum, methodiek=m, normen=groepsnormen
                    )
                )
        except OngeldigeInvoer as exc:
            fouten.append((naam, "; ".join(exc.fouten)))
    return uit, fouten


def uitkomst_json(u: Normuitkomst, m: Methodiek) -> dict[str, Any]:
    """A ``Normuitkomst`` in its one JSON shape (the codec's), with the ``bron`` of its norm
    (also a record in its one shape; None for a norm the Methodiek does not list). Every
    command that writes outcomes writes them with this."""
    data: dict[str, Any] = als_json(u, m)
    data["bron"] = als_json(_normbron(m, u.norm), m)
    return data


def _normbron(m: Methodiek, norm_id: str) -> Bron | None:
    """The ``Bron`` of a norm by id (None for a norm the Methodiek does not list)."""
    for n in m.normen:
        if n.id == norm_id:
            return n.bron
    return None


def toon_signalen(args: argparse.Namespace) -> int:
    """Read the files (or the store), compute the signals (or every outcome) and print them."""
    from ija_core import normtoets, signalen, urgentie

    if args.opslag is not None and args.paden:
        raise OngeldigeInvoer("geef PAD of --opslag DB, niet allebei")
    if args.opslag is None and not args.paden:
        raise OngeldigeInvoer("verplicht: PAD (een bestand of map) of --opslag DB")
    paden = bestanden(args.paden) if args.paden else []
    m = laad()
    normen: list[Norm] | None = list(m.normen) if args.lokaal else None
    uitkomsten: list[Normuitkomst]
    groepen: list[tuple[str, Groep]] = []
    with zonder_gc():
        if args.opslag is not None:
            from ija_core.cli.opslag import open_opslag

            with open_opslag(args.opslag, m) as db:
                trajecten = db.trajecten()
                groepen = [(f"groep {g.id!r} in de opslag", g) for g in db.groepen()]
            fouten: list[tuple[str, str]] = []
            if not trajecten:
                raise OngeldigeInvoer(
                    f"niets gelezen: de opslag {args.opslag} heeft geen trajecten; er is niets "
                    "getoetst"
                )
        else:
            gelezen, groepsbestanden, fouten = lees_alles(paden, m)
            trajecten = [t for _, t in gelezen]
            groepen = [(str(pad), g) for pad, g in groepsbestanden]
            if not trajecten:
                welke = (
                    "het enige bestand is niet"
                    if len(paden) == 1
                    else f"geen van de {len(paden)} bestanden is"
                )
                print(
                    f"ija: niets gelezen: {welke} te lezen; er is niets getoetst", file=sys.stderr
                )
                raise Stop(1)
            dubbele_trajecten(gelezen)
            dubbele_groepen(groepsbestanden)
        from ija_core import amsterdamse_dag

        peildatum = peildag(
            args.peildatum,
            lambda: max(
                amsterdamse_dag(op)
                for op in [*(t.laatste_op for t in trajecten), *(g.laatste_op for _, g in groepen)]
            ),
        )
        eerste = min(amsterdamse_dag(t.aangemeld_op) for t in trajecten)
        if peildatum < eerste:
            raise OngeldigeInvoer(
                f"--peildatum: {peildatum.isoformat()} ligt vóór de eerste aanmelding "
                f"({eerste.isoformat()}); op die dag was er nog geen traject om te toetsen"
            )
        if args.alle:
            uitkomsten = [
                u
                for t in trajecten
                for u in normtoets(t, peildatum=peildatum, methodiek=m, normen=normen)
            ]
            uitkomsten.sort(key=lambda u: (VOLGORDE.index(u.status), *urgentie(u)[1:]))
        else:
            uitkomsten = signalen(trajecten, peildatum=peildatum, methodiek=m, normen=normen)
        if groepen:
            erbij, groepsfouten = _groepsuitkomsten(
                groepen, trajecten, peildatum, m, normen, alle=args.alle
            )
            for naam, fout in groepsfouten:
                print(f"ija: {naam}: {fout}", file=sys.stderr)
            fouten = [*fouten, *groepsfouten]
            uitkomsten.extend(erbij)
            if args.alle:
                uitkomsten.sort(key=lambda u: (VOLGORDE.index(u.status), *urgentie(u)[1:]))
            else:
                uitkomsten.sort(key=urgentie)
    if args.json:
        schrijf_json(
            {
                "peildatum": peildatum,
                "trajecten": len(trajecten),
                "groepen": len(groepen),
                "uitkomsten": [uitkomst_json(u, m) for u in uitkomsten],
                "fouten": [{"bestand": n, "fout": f} for n, f in fouten],
            },
            m,
        )
    elif args.csv:
        schrijver = csv.writer(sys.stdout, lineterminator="\n")
        schrijver.writerow(["traject", "norm", "status", "deadline", "dagen", "uitleg"])
        for u in uitkomsten:
            rij = als_json(u, m)  # the columns of the record, as --json writes them
            schrijver.writerow([csv_cel(c) for c in rij.values()])
    else:
        later = sum(1 for t in trajecten if amsterdamse_dag(t.aangemeld_op) > peildatum)
        _toon_tabel(
            uitkomsten,
            peildatum,
            len(trajecten),
            later,
            alle=args.alle,
            methodiek=m,
            groepen=len(groepen),
        )
    return 1 if fouten else 0


def _toon_tabel(
    uitkomsten: Iterable[Normuitkomst],
    peildatum: date,
    getal: int,
    later: int,
    *,
    alle: bool,
    methodiek: Methodiek,
    groepen: int = 0,
) -> None:
    per_status: dict[str, list[Normuitkomst]] = {s: [] for s in VOLGORDE}
    for u in uitkomsten:
        per_status[u.status].append(u)
    print(
        f"Servicenormen op {datum_tekst(peildatum)} — "
        f"{aantal(getal, 'traject', 'trajecten')}"
        + (f", waarvan {later} pas na de peildatum aangemeld" if later else "")
        + (f"; {aantal(groepen, 'groep', 'groepen')}" if groepen else "")
    )
    if not any(per_status.values()):
        if alle:
            print("\nGeen normuitkomsten: geen enkele norm geldt voor deze trajecten.")
        else:
            print("\nGeen signalen: geen enkele norm dreigt of is verlopen.")
        return
    for status in VOLGORDE:
        rijen = per_status[status]
        if not rijen:
            continue
        print(f"\n{KOPPEN[status]} ({len(rijen)})")
        tabel(
            [
                (
                    u.traject,
                    u.norm,
                    (b.soort if (b := _normbron(methodiek, u.norm)) else "-"),
                    u.deadline.isoformat(),
                    u.dagen,
                    u.uitleg,
                )
                for u in rijen
            ],
            ("traject", "norm", "bron", "deadline", "dagen", "uitleg"),
        )


def termijn_tekst(norm: Norm) -> str:
    """The termijn of a norm in Dutch, with what starts it ("42 dagen na de aanmelding")."""
    if norm.uren is not None:
        duur = f"{norm.uren} uur"
    elif norm.dagen is not None:
        duur = f"{norm.dagen} {'dag' if norm.dagen == 1 else 'dagen'}"
    else:
        duur = "streefduur van de fase"
    vanaf = {
        "aanmelding": "na de aanmelding",
        "fase-start": (
            "vanaf de start van de fase" if norm.fase is None else f"na het begin van {norm.fase}"
        ),
        "gebeurtenis": f"na elke {norm.anker_gebeurtenis}",
        "herhalend": "na het laatste contact",
        "groepsmelding": "na elke groepsmelding, per lid",
        "groepslid": f"per periode ({norm.aantal} keer), voor elk groepslid",
    }[norm.anker]
    if norm.anker == "fase-start" and norm.dagen is None and norm.uren is None:
        return duur if norm.fase is None else f"streefduur van {norm.fase}"
    return f"{duur} {vanaf}"


def toon_normen(args: argparse.Namespace) -> int:
    """List the norms of the methodiek."""
    m = laad()
    if args.json:
        schrijf_json(
            [
                {
                    "id": n.id,
                    "naam": n.naam,
                    "termijn": termijn_tekst(n),
                    "anker": n.anker,
                    "fase": n.fase,
                    "dagen": n.dagen,
                    "uren": n.uren,
                    "pauzeerbaar": n.pauzeerbaar,
                    "bron": n.bron,
                    "aanbieder": n.aanbieder,
                    "standaard_aan": n.standaard_aan,
                    "instelbaar": list(n.instelbaar),
                    "uitleg": n.uitleg,
                }
                for n in m.normen
            ],
            m,
        )
        return 0
    tabel(
        [
            (
                n.id,
                n.naam,
                termijn_tekst(n),
                "ja" if n.pauzeerbaar else "nee",
                n.bron.soort,
                n.aanbieder or "alle",
                "aan" if n.standaard_aan else "uit (--lokaal)",
            )
            for n in m.normen
        ],
        ("id", "naam", "termijn", "pauzeerbaar", "bron", "aanbieder", "standaard"),
    )
    print(
        "\nLokale normen zijn instellingen met een standaardwaarde, geen feiten uit het "
        "handboek; 'ija signalen --lokaal' toetst ze mee."
    )
    return 0
