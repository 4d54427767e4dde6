"""A writer process for the concurrency and crash tests (run as a script, not collected).

``python schrijver.py race DOEL START VERSIE``: wait until the file START exists, then try to
register one contact on traject ``t-1`` with ``versie``; print ``gewonnen`` or
``conflict HUIDIG``.

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
        versie = len(db.laad("t-1").events)
        while True:
            db.registreer("t-1", contact(versie), versie=versie, door="lus")
            versie += 1
            print(versie, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
