"""A writer process for the concurrency and crash tests (run as a script, not collected).

``python schrijver.py race DOEL START VERSIE``: wait until the file START exists, then try to
register one contact on traject ``t-1`` with ``versie``; print ``gewonnen`` or
``conflict HUIDIG``.

``python schrijver.py wis DOEL START SEED N``: wait for START, then for ids ``w-0`` ...
``w-{N-1}`` in turn try to create the traject or erase it, as chance (SEED) has it;
print ``klaar`` (the library's own errors are expected; anything else fails the process).

``python schrijver.py feed DOEL START ID N``: wait for START, then create traject ID and
register N contacts on it, one transaction each; print ``klaar``.

``python schrijver.py lus DOEL``: register contacts on ``t-1`` one after another, forever;
after each acknowledged write print its volgnummer (the test kills this process).
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import ija_core as ija
from ija_core import opslag

START = datetime.fromisoformat("2025-03-03T09:00:00+01:00")


def contact(n: int) -> dict[str, object]:
    """The n-th contact (a minute apart, so the chronologie rule holds)."""
    return {
        "type": "contact",
        "op": (START + timedelta(days=1, minutes=n)).isoformat(),
        "met": "jongere",
        "vorm": "gesprek",
    }


def _wis(db: opslag.Opslag, start: Path, seed: int, n: int) -> int:
    import random

    kans = random.Random(seed)  # noqa: S311 - the order of a test, not a secret
    ids = [f"w-{i}" for i in range(n)]  # the same order in every process: they collide
    while not start.exists():
        time.sleep(0.001)
    for tid in ids:
        try:
            if kans.random() < 0.5:
                db.nieuw({**AANGEMELD, "traject": tid}, door="proces")
            else:
                db.verwijder(tid, reden="AVG-verzoek", door="proces")
        except ija.OngeldigeInvoer:
            pass  # there already, erased, or not there yet: all expected in this race
    print("klaar", flush=True)
    return 0


def schrijf_eigen(db: opslag.Opslag, tid: str, n: int) -> None:
    """Create traject ``tid`` and register ``n`` contacts on it, one transaction each."""
    db.nieuw({**AANGEMELD, "traject": tid}, door=tid)
    for i in range(1, n + 1):
        db.registreer(tid, contact(i), versie=i, door=tid)


AANGEMELD = {
    "type": "aangemeld",
    "op": START.isoformat(),
    "jongere": {"pseudoniem": "Zwaluwstaart", "geboortedatum": "2006-05-01"},
    "verwijzer": "school",
}


def main() -> int:
    soort, doel = sys.argv[1], sys.argv[2]
    m = ija.load_methodiek(entrypoints=False)
    with opslag.open(doel, methodiek=m) as db:
        if soort == "race":
            start, versie = Path(sys.argv[3]), int(sys.argv[4])
            while not start.exists():
                time.sleep(0.001)
            try:
                db.registreer("t-1", contact(versie), versie=versie, door=f"proces-{versie}")
            except ija.VersieConflict as exc:
                print(f"conflict {exc.huidig}", flush=True)
            else:
                print("gewonnen", flush=True)
            return 0
        if soort == "feed":
            start, tid, n = Path(sys.argv[3]), sys.argv[4], int(sys.argv[5])
            while not start.exists():
                time.sleep(0.001)
            schrijf_eigen(db, tid, n)
            print("klaar", flush=True)
            return 0
        if soort == "wis":
            return _wis(db, Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
        versie = len(db.laad("t-1").events)
        while True:
            db.registreer("t-1", contact(versie), versie=versie, door="lus")
            versie += 1
            print(versie, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
