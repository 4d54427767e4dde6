"""``ija signalen PATH...`` (norm signals over event files) and ``ija normen`` (the norms).

``ija signalen`` reads event files (a file, or every ``*.json`` in a folder and its
sub-folders), replays each traject and prints the ``dreigt`` and ``verlopen`` outcomes at the
peildatum, grouped by status; ``--alle`` prints every outcome (also ``gehaald``, ``te-laat``
and ``open``). ``--json`` and ``--csv`` are for programs. A file that cannot be read or
replayed is named on stderr and the others are still counted; the exit code is 1 then,
else 0 (signals themselves are not a failure of the command).
"""

from __future__ import annotations

import argparse
import csv
import gc
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ija_core.cli._basis import json_optie, laad, schrijf_json, subcommando, tabel
from ija_core.errors import IjaError
from ija_core.methodiek import Methodiek
from ija_core.normen._tijd import AMSTERDAM, datum_tekst
from ija_core.normen.model import Norm
from ija_core.normen.toets import Normuitkomst, normtoets, signalen, urgentie
from ija_core.serialization import from_json, parse_datum

VOLGORDE = ("verlopen", "dreigt", "te-laat", "open", "gehaald")
KOPPEN = {
    "verlopen": "Verlopen",
    "dreigt": "Dreigt (7 dagen of minder)",
    "te-laat": "Te laat gehaald",
    "open": "Open",
    "gehaald": "Gehaald",
}
VOORTGANG_VANAF = 200
"""From this many files a progress line is shown on stderr (when stderr is a terminal)."""


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
        "gemeld en de rest wordt gewoon geteld; de exitcode is dan 1.",
    )
    p.add_argument("paden", nargs="+", metavar="PAD", help="een gebeurtenissenbestand of een map")
    p.add_argument(
        "--peildatum",
        metavar="JJJJ-MM-DD",
        help="de dag waarop getoetst wordt (standaard: vandaag)",
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


def _bestanden(paden: Sequence[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    bestanden: list[Path] = []
    fouten: list[tuple[str, str]] = []
    for naam in paden:
        pad = Path(naam)
        if pad.is_dir():
            bestanden.extend(sorted(p for p in pad.rglob("*.json") if p.is_file()))
        elif pad.is_file():
            bestanden.append(pad)
        else:
            fouten.append((naam, "bestaat niet"))
    return bestanden, fouten


@contextmanager
def _zonder_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a command reads and evaluates its files.

    A command reads its files once and keeps every traject until it ends; the collector would
    only walk the growing heap again and again (a full pass costs about a tenth of a second
    per few thousand trajecten) without finding anything to free. A process-wide choice that
    fits a command line run; the library itself never touches the collector.
    """
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


def _lees(bestanden: Sequence[Path], m: Methodiek) -> tuple[list[Any], list[tuple[str, str]]]:
    from ija_core.traject import Traject

    trajecten: list[Any] = []
    fouten: list[tuple[str, str]] = []
    voortgang = len(bestanden) >= VOORTGANG_VANAF and sys.stderr.isatty()
    stap = max(1, len(bestanden) // 100)
    for i, pad in enumerate(bestanden, 1):
        try:
            trajecten.append(from_json(pad.read_bytes(), Traject, methodiek=m))
        except OSError as exc:
            fouten.append((str(pad), f"niet te lezen ({exc.strerror or type(exc).__name__})"))
        except IjaError as exc:
            fouten.append((str(pad), str(exc).replace("\n", " ")))
        if voortgang and (i % stap == 0 or i == len(bestanden)):
            print(f"\rija: {i}/{len(bestanden)} bestanden gelezen", end="", file=sys.stderr)
    if voortgang:
        print(file=sys.stderr)
    return trajecten, fouten


def _peildatum(tekst: str | None) -> date:
    if tekst is None:  # the CLI is the one place that reads the clock
        return datetime.now(AMSTERDAM).date()
    try:
        return parse_datum(tekst)
    except ValueError as exc:
        from ija_core.errors import OngeldigeInvoer

        raise OngeldigeInvoer(f"--peildatum: {exc}") from exc


def _als_dict(u: Normuitkomst) -> dict[str, Any]:
    return {
        "traject": u.traject,
        "norm": u.norm,
        "status": u.status,
        "deadline": u.deadline.isoformat(),
        "dagen": u.dagen,
        "uitleg": u.uitleg,
    }


def toon_signalen(args: argparse.Namespace) -> int:
    """Read the files, compute the signals (or every outcome) and print them."""
    peildatum = _peildatum(args.peildatum)
    m = laad()
    normen: list[Norm] | None = list(m.normen) if args.lokaal else None
    bestanden, fouten = _bestanden(args.paden)
    uitkomsten: list[Normuitkomst]
    with _zonder_gc():
        trajecten, leesfouten = _lees(bestanden, m)
        if args.alle:
            uitkomsten = [
                u
                for t in trajecten
                for u in normtoets(t, peildatum=peildatum, methodiek=m, normen=normen)
            ]
            uitkomsten.sort(key=lambda u: (VOLGORDE.index(u.status), *urgentie(u)[1:]))
        else:
            uitkomsten = signalen(trajecten, peildatum=peildatum, methodiek=m, normen=normen)
    fouten += leesfouten
    for naam, fout in fouten:
        print(f"ija: {naam}: {fout}", file=sys.stderr)
    if args.json:
        schrijf_json(
            {
                "peildatum": peildatum.isoformat(),
                "trajecten": len(trajecten),
                "uitkomsten": [_als_dict(u) for u in uitkomsten],
                "fouten": [{"bestand": n, "fout": f} for n, f in fouten],
            }
        )
    elif args.csv:
        schrijver = csv.writer(sys.stdout, lineterminator="\n")
        schrijver.writerow(["traject", "norm", "status", "deadline", "dagen", "uitleg"])
        schrijver.writerows(list(_als_dict(u).values()) for u in uitkomsten)
    else:
        _toon_tabel(uitkomsten, peildatum, len(trajecten), alle=args.alle)
    return 1 if fouten else 0


def _toon_tabel(
    uitkomsten: Iterable[Normuitkomst], peildatum: date, aantal: int, *, alle: bool
) -> None:
    per_status: dict[str, list[Normuitkomst]] = {s: [] for s in VOLGORDE}
    for u in uitkomsten:
        per_status[u.status].append(u)
    wat = "normuitkomsten" if alle else "signalen"
    print(f"Servicenormen op {datum_tekst(peildatum.toordinal())} — {aantal} trajecten")
    if not any(per_status.values()):
        print(f"\nGeen {wat}: geen enkele norm dreigt of is verlopen.")
        return
    for status in VOLGORDE:
        rijen = per_status[status]
        if not rijen:
            continue
        print(f"\n{KOPPEN[status]} ({len(rijen)})")
        tabel(
            [(u.traject, u.norm, u.deadline.isoformat(), u.dagen, u.uitleg) for u in rijen],
            ("traject", "norm", "deadline", "dagen", "uitleg"),
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
        "fase-start": "vanaf de start van de fase",
        "gebeurtenis": f"na elke {norm.anker_gebeurtenis}",
        "herhalend": "na het laatste contact",
    }[norm.anker]
    return duur if norm.anker == "fase-start" and norm.dagen is None else f"{duur} {vanaf}"


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
            ]
        )
        return 0
    tabel(
        [
            (
                n.id,
                n.naam,
                termijn_tekst(n),
                "ja" if n.pauzeerbaar else "nee",
                n.bron,
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
