"""``ija opslag importeer DB PAD...`` and ``ija opslag controleer DB``: the event store.

``DB`` is an SQLite file or a ``postgresql://`` address (the ``postgres`` extra).
``importeer`` reads event files (a file, or every ``*.json`` in a folder and its
sub-folders) into the store, one transaction per traject, with progress on stderr; a file
that cannot be read or replayed, or whose traject is already in the store, is named and
skipped and the others are imported (``PER_TRANSACTIE`` trajecten per transaction) (exit code 1 then, else 0; nothing to read at all: 2).
``controleer`` checks every hash chain: exit code 0 when all are intact, 1 with one line per
break otherwise.

The store is opened only inside the commands, so ``ija --help`` does not load it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ija_core.cli._basis import aantal, ruw, subcommando

if TYPE_CHECKING:
    from ija_core import Methodiek, Traject
    from ija_core.opslag import Opslag

PER_TRANSACTIE = 200
"""Trajecten stored per transaction by ``importeer`` (one commit, so one disk sync, each)."""
DB_HULP = "de opslag: een SQLite-bestand of een postgresql://-adres"


def register(sub: Any) -> None:
    """Add ``ija opslag`` with ``importeer`` and ``controleer``."""
    p = subcommando(
        sub,
        "opslag",
        "de gebeurtenissenopslag: bestanden importeren, hashketens controleren",
        "De opslag bewaart de gebeurtenissen van trajecten in SQLite (één bestand) of "
        "PostgreSQL, met per traject een hashketen. Bekijk een opgeslagen traject met "
        "'ija traject toon DB ID' en de signalen met 'ija signalen --opslag DB'.",
    )
    opslag_sub = p.add_subparsers(dest="opslag_commando", metavar="COMMANDO", title="commando's")
    opslag_sub.required = True
    i = subcommando(
        opslag_sub,
        "importeer",
        "gebeurtenissenbestanden in de opslag zetten",
        "Leest gebeurtenissenbestanden (een bestand, of alle *.json in een map en de mappen "
        "daaronder), speelt elk traject af en zet het in de opslag (een SQLite-bestand wordt "
        "aangemaakt als het nog niet bestaat). Een bestand dat niet te lezen of af te spelen "
        "is, of waarvan het traject al in de opslag staat, wordt bij naam gemeld en "
        "overgeslagen; de rest wordt geïmporteerd (exitcode 1). Geen enkel bestand: exitcode 2.",
    )
    i.add_argument("db", metavar="DB", help=DB_HULP)
    i.add_argument("paden", nargs="+", metavar="PAD", help="een gebeurtenissenbestand of een map")
    i.add_argument(
        "--door",
        default=None,
        help="wie de gebeurtenissen vastlegt (standaard: de gebruikersnaam)",
    )
    i.set_defaults(uitvoeren=importeer)
    c = subcommando(
        opslag_sub,
        "controleer",
        "controleer de hashketen van elk traject",
        "Rekent de hashketen van elk traject na. Exitcode 0 als alles klopt; anders één "
        "regel per breuk (een gebeurtenis die buiten de opslag om is gewijzigd, toegevoegd "
        "of verwijderd) en exitcode 1.",
    )
    c.add_argument("db", metavar="DB", help=DB_HULP)
    c.add_argument(
        "--sleutel-bestand",
        metavar="PAD",
        default=None,
        help="bestand met de sleutel van de opslag (als die met een sleutel is aangelegd)",
    )
    c.add_argument(
        "--anker",
        metavar="POSITIE:HASH",
        default=None,
        help="een anker van db.anker(): controleer ook dat de opslag daar nog doorheen loopt",
    )
    c.set_defaults(uitvoeren=controleer)


def open_opslag(
    db: str,
    m: Methodiek,
    *,
    aanmaken: bool = False,
    sleutel: bytes | None = None,
    alleen_lezen: bool = False,
) -> Opslag:
    """Open the store ``db``; an SQLite file that does not exist is bad input unless
    ``aanmaken`` (reading commands never create an empty store by accident)."""
    from ija_core import opslag
    from ija_core.cli._invoer import controleer_soort
    from ija_core.errors import OngeldigeInvoer

    postgres = db.startswith(("postgresql://", "postgres://"))
    if not postgres and not aanmaken and not Path(db).is_file():
        raise OngeldigeInvoer(f"DB {db!r} bestaat niet (of is geen bestand)")
    if not postgres:
        controleer_soort(Path(db))  # SQLite would wait forever on a pipe
    return opslag.open(db, methodiek=m, sleutel=sleutel, alleen_lezen=alleen_lezen)


def _sleutel(pad: str | None) -> bytes | None:
    """The store's key from a file (a regular file of at most 4 KiB; one trailing newline is
    not part of the key)."""
    from ija_core.errors import OngeldigeInvoer

    if pad is None:
        return None
    bestand = Path(pad)
    if not bestand.is_file() or bestand.stat().st_size > 4096:
        raise OngeldigeInvoer(
            f"--sleutel-bestand {pad!r}: verwacht een gewoon bestand van hooguit 4 KiB"
        )
    sleutel = bestand.read_bytes()
    return sleutel[:-1] if sleutel.endswith(b"\n") else sleutel


def _anker(tekst: str | None) -> Any:
    from ija_core.errors import OngeldigeInvoer
    from ija_core.opslag import Anker

    if tekst is None:
        return None
    positie, _, hash_ = tekst.partition(":")
    if not positie.isdigit() or len(hash_) != 64:
        raise OngeldigeInvoer(
            f"--anker {tekst!r}: verwacht POSITIE:HASH zoals db.anker() ze geeft (64 tekens)"
        )
    return Anker(positie=int(positie), hash=hash_)


def importeer(args: argparse.Namespace) -> int:
    """Import the files; name and skip the ones that fail."""
    from ija_core import Groep, OngeldigeInvoer
    from ija_core.cli._basis import laad
    from ija_core.cli._fouten import Bestandsfout, meld
    from ija_core.cli._invoer import bestanden, lees_elk, zonder_gc
    from ija_core.errors import IjaError

    paden = bestanden(args.paden)
    door = args.door if args.door is not None else getpass.getuser()
    if not door.strip():
        raise OngeldigeInvoer("--door: verwacht een niet-lege naam")
    m = laad()
    fouten = 0
    trajecten = events = 0
    terminal = sys.stderr.isatty()
    voortgang = terminal or len(paden) >= 100
    stap = max(1, len(paden) // (100 if terminal else 10))
    start = time.perf_counter()
    wachtrij: list[tuple[Path, Traject]] = []
    groepen: list[tuple[Path, Groep]] = []

    def sla_op(db: Opslag) -> None:
        nonlocal fouten, trajecten, events
        uitkomst = db.importeer_veel([t for _, t in wachtrij], door=door)
        for (pad, t), fout in zip(wachtrij, uitkomst, strict=True):
            if fout is None:
                trajecten += 1
                events += len(t.events)
            else:
                fouten += 1
                meld(Bestandsfout(pad, IjaError(fout)), m)
        wachtrij.clear()

    with open_opslag(args.db, m, aanmaken=True) as db, zonder_gc():
        for n, (pad, gelezen) in enumerate(lees_elk(paden, m), 1):
            if isinstance(gelezen, IjaError):
                fouten += 1
                meld(gelezen, m)
            elif isinstance(gelezen, Groep):
                groepen.append((pad, gelezen))
            else:
                wachtrij.append((pad, gelezen))
            if len(wachtrij) >= PER_TRANSACTIE:
                sla_op(db)
            if voortgang and (n % stap == 0 or n == len(paden)):
                regel = f"ija: {n}/{len(paden)} bestanden verwerkt"
                if terminal:
                    ruw(sys.stderr).write("\r" + regel)
                else:
                    print(regel, file=sys.stderr)
        if wachtrij:
            sla_op(db)
        opgeslagen_groepen = 0
        for pad, g in groepen:
            try:
                db.importeer_groep(g, door=door)
                opgeslagen_groepen += 1
                events += len(g.events)
            except OngeldigeInvoer as exc:
                fouten += 1
                meld(Bestandsfout(pad, exc), m)
    if terminal:
        print(file=sys.stderr)
    duur = time.perf_counter() - start
    print(
        f"{aantal(trajecten, 'traject', 'trajecten')}"
        + (f" en {aantal(opgeslagen_groepen, 'groep', 'groepen')}" if opgeslagen_groepen else "")
        + " met "
        f"{aantal(events, 'gebeurtenis', 'gebeurtenissen')} geïmporteerd in {args.db} "
        f"({duur:.1f} s)"
        + (f"; {aantal(fouten, 'bestand', 'bestanden')} overgeslagen" if fouten else "")
    )
    return 1 if fouten else 0


def controleer(args: argparse.Namespace) -> int:
    """Check every hash chain."""
    from ija_core.cli._basis import laad

    sleutel, anker = _sleutel(args.sleutel_bestand), _anker(args.anker)
    # read-only: a damaged file or one on read-only media can still be reported on
    with open_opslag(args.db, laad(), sleutel=sleutel, alleen_lezen=True) as db:
        breuken = db.controleer(anker=anker)
        if breuken:
            ids, groep_ids = [], []
        else:
            ids, groep_ids = db.ids(), db.groep_ids()
    if breuken:
        for b in breuken:
            print(b)
        print(
            f"\n{aantal(len(breuken), 'breuk', 'breuken')} in de hashketens: iets is buiten de "
            "opslag om gewijzigd",
            file=sys.stderr,
        )
        return 1
    print(
        f"In orde: de hashketen van elk traject{' en elke groep' if groep_ids else ''} klopt "
        f"({aantal(len(ids), 'traject', 'trajecten')}"
        + (f", {aantal(len(groep_ids), 'groep', 'groepen')}" if groep_ids else "")
        + ")."
    )
    return 0
