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
import gc
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ija_core.cli._basis import (
    Stop,
    aantal,
    csv_cel,
    json_optie,
    laad,
    peildag,
    peildatum_optie,
    ruw,
    schrijf_json,
    subcommando,
    tabel,
)
from ija_core.cli._invoer import OnleesbaarBestand, controleer_soort, grens, lees_invoer
from ija_core.errors import IjaError, OngeldigeInvoer, RegelOvertreding

if TYPE_CHECKING:  # the engine is imported by the commands that use it: 'ija --help' stays light
    from ija_core.bron import Bron
    from ija_core.groep import Groep
    from ija_core.methodiek import Methodiek
    from ija_core.normen._evaluation import Normuitkomst
    from ija_core.normen.model import Norm

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


def _bestanden(paden: Sequence[str]) -> list[Path]:
    """The event files the paths name, each once; a path that does not exist is bad input,
    and so is one that names a device, pipe or socket (``controleer_soort``: never opened).

    A file named twice (a folder and a file in it, or two overlapping folders) is read once:
    with more than one path, files are compared by their path under the resolved folder or
    file that was given (one ``resolve`` per argument, not per file). A symlinked copy still
    counts as another file, and then shows up as a duplicate traject id.
    """
    grens()  # a bad IJA_MAX_BESTAND_MB is said once, before any file is read
    gevonden: list[tuple[Path, list[Path]]] = []
    for naam in paden:
        pad = Path(naam)
        if pad.is_dir():
            gevonden.append((pad, sorted(p for p in pad.rglob("*.json") if p.is_file())))
        elif pad.exists():
            controleer_soort(pad)  # a device or pipe named here: bad input, never read
            gevonden.append((pad, [pad]))
        else:
            raise OngeldigeInvoer(f"PAD {naam!r} bestaat niet")
    if len(gevonden) == 1:  # one folder or file: every path is already there once
        bestanden = gevonden[0][1]
    else:
        bestanden = []
        gezien: set[Path] = set()
        for pad, binnen in gevonden:
            basis = pad.resolve()
            for bestand in binnen:
                sleutel = basis / bestand.relative_to(pad) if bestand is not pad else basis
                if sleutel not in gezien:
                    gezien.add(sleutel)
                    bestanden.append(bestand)
    if not bestanden:
        waar = ", ".join(repr(p) for p in paden)
        raise OngeldigeInvoer(
            f"niets gelezen: geen gebeurtenissenbestand (*.json) in {waar}; er is niets getoetst"
        )
    return bestanden


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


def lees_bestand(tekst: bytes, m: Methodiek) -> Any:
    """One event file as a ``Traject``, or as a ``Groep`` when its first event is
    ``groep-aangemeld`` (or it says ``"formaat": "ija-groep/1"``)."""
    from ija_core._codec import laad_json
    from ija_core.groep.json import groep_uit_data, is_groep_data
    from ija_core.traject.json import traject_uit_data

    data = laad_json(tekst)
    if is_groep_data(data):
        return groep_uit_data(data, m)
    return traject_uit_data(data, m)


def _lees(
    bestanden: Sequence[Path], m: Methodiek, groepen: list[tuple[Path, Groep]] | None = None
) -> tuple[list[Any], list[Path], list[tuple[str, str]]]:
    """Read and replay every file: the trajecten, the file of each, and the files that failed.

    Group files go to ``groepen`` (with their file) when a list is given, else they are
    named as files that are not a traject.
    """
    from ija_core.groep import Groep

    trajecten: list[Any] = []
    gelezen: list[Path] = []
    fouten: list[tuple[str, str]] = []
    voortgang = len(bestanden) >= VOORTGANG_VANAF and sys.stderr.isatty()
    stap = max(1, len(bestanden) // 100)
    for i, pad in enumerate(bestanden, 1):
        try:
            gelezen_als = lees_bestand(lees_invoer(pad), m)
            if isinstance(gelezen_als, Groep):
                if groepen is None:
                    fouten.append((str(pad), "een groep, geen traject"))
                else:
                    groepen.append((pad, gelezen_als))
            else:
                trajecten.append(gelezen_als)
                gelezen.append(pad)
        except OSError as exc:
            fouten.append((str(pad), f"niet te lezen ({exc.strerror or type(exc).__name__})"))
        except OnleesbaarBestand as exc:
            fouten.append((str(pad), f"niet te lezen: {exc.reden}"))
        except RegelOvertreding as exc:
            waar = f"gebeurtenis {exc.index + 1}" if exc.index is not None else "een gebeurtenis"
            wie = f" (plugin {exc.plugin})" if exc.plugin else ""
            fouten.append((str(pad), f"{waar} breekt regel {exc.regel}{wie}: {exc.uitleg}"))
        except OngeldigeInvoer as exc:
            fouten.append((str(pad), "; ".join(exc.fouten)))
        except IjaError as exc:
            fouten.append((str(pad), str(exc)))
        if voortgang and (i % stap == 0 or i == len(bestanden)):
            ruw(sys.stderr).write(f"\rija: {i}/{len(bestanden)} bestanden gelezen")
    if voortgang:
        print(file=sys.stderr)
    return trajecten, gelezen, fouten


def _dubbele(trajecten: Sequence[Any], gelezen: Sequence[Path]) -> None:
    """Refuse the same traject id in two files, naming the id and the files."""
    waar: dict[str, list[Path]] = {}
    for t, pad in zip(trajecten, gelezen, strict=True):
        waar.setdefault(t.id, []).append(pad)
    dubbel = {tid: paden for tid, paden in waar.items() if len(paden) > 1}
    if not dubbel:
        return
    tid, paden = next(iter(dubbel.items()))
    plaatsen = " en ".join(repr(str(p)) for p in paden)
    meer = len(dubbel) - 1
    nog = (
        f" (en nog {aantal(meer, 'ander traject-id', 'andere traject-ids')} dubbel)" if meer else ""
    )
    raise OngeldigeInvoer(
        f"traject {tid!r} staat in {len(paden)} bestanden: {plaatsen}; elk traject hoort in "
        f"één bestand, anders telt elke uitkomst dubbel{nog}"
    )


def dubbele_groepen(groepen: Sequence[tuple[Path, Groep]]) -> None:
    """Refuse the same group id in two files, naming the id and the files."""
    waar: dict[str, list[Path]] = {}
    for pad, g in groepen:
        waar.setdefault(g.id, []).append(pad)
    for gid, paden in waar.items():
        if len(paden) > 1:
            plaatsen = " en ".join(repr(str(p)) for p in paden)
            raise OngeldigeInvoer(
                f"groep {gid!r} staat in {len(paden)} bestanden: {plaatsen}; elke groep hoort "
                "in één bestand"
            )


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
    from ija_core.normen._group import groepssignalen, groepstoets

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


def _als_dict(u: Normuitkomst, m: Methodiek) -> dict[str, Any]:
    bron = _normbron(m, u.norm)
    return {
        "traject": u.traject,
        "norm": u.norm,
        "status": u.status,
        "deadline": u.deadline.isoformat(),
        "dagen": u.dagen,
        "uitleg": u.uitleg,
        "bron": {"soort": bron.soort, "toelichting": bron.toelichting} if bron else None,
    }


def _normbron(m: Methodiek, norm_id: str) -> Bron | None:
    """The ``Bron`` of a norm by id (None for a norm the Methodiek does not list)."""
    for n in m.normen:
        if n.id == norm_id:
            return n.bron
    return None


def toon_signalen(args: argparse.Namespace) -> int:
    """Read the files (or the store), compute the signals (or every outcome) and print them."""
    from ija_core.normen._evaluation import normtoets, signalen, urgentie

    if args.opslag is not None and args.paden:
        raise OngeldigeInvoer("geef PAD of --opslag DB, niet allebei")
    if args.opslag is None and not args.paden:
        raise OngeldigeInvoer("verplicht: PAD (een bestand of map) of --opslag DB")
    bestanden = _bestanden(args.paden) if args.paden else []
    m = laad()
    normen: list[Norm] | None = list(m.normen) if args.lokaal else None
    uitkomsten: list[Normuitkomst]
    groepen: list[tuple[str, Groep]] = []
    with _zonder_gc():
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
            groepsbestanden: list[tuple[Path, Groep]] = []
            trajecten, gelezen, fouten = _lees(bestanden, m, groepsbestanden)
            groepen = [(str(pad), g) for pad, g in groepsbestanden]
            for naam, fout in fouten:
                print(f"ija: {naam}: {fout}", file=sys.stderr)
            if not trajecten:
                welke = (
                    "het enige bestand is niet"
                    if len(bestanden) == 1
                    else f"geen van de {len(bestanden)} bestanden is"
                )
                print(
                    f"ija: niets gelezen: {welke} te lezen; er is niets getoetst", file=sys.stderr
                )
                raise Stop(1)
            _dubbele(trajecten, gelezen)
            dubbele_groepen(groepsbestanden)
        from ija_core.phases.rules import amsterdamse_dag

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
                "peildatum": peildatum.isoformat(),
                "trajecten": len(trajecten),
                "groepen": len(groepen),
                "uitkomsten": [_als_dict(u, m) for u in uitkomsten],
                "fouten": [{"bestand": n, "fout": f} for n, f in fouten],
            }
        )
    elif args.csv:
        schrijver = csv.writer(sys.stdout, lineterminator="\n")
        schrijver.writerow(["traject", "norm", "status", "deadline", "dagen", "uitleg"])
        for u in uitkomsten:
            rij = _als_dict(u, m)
            del rij["bron"]  # the CSV columns stay as they were; --json carries the bron
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
    from ija_core.normen._texts import datum_tekst

    per_status: dict[str, list[Normuitkomst]] = {s: [] for s in VOLGORDE}
    for u in uitkomsten:
        per_status[u.status].append(u)
    print(
        f"Servicenormen op {datum_tekst(peildatum.toordinal())} — "
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
                    "bron": {"soort": n.bron.soort, "toelichting": n.bron.toelichting},
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
