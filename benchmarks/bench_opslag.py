"""Benchmark of the event store (``ija_core.opslag``) beside the ``eventsourcing`` library.

Side by side in one run, the two taking turns round after round (a busy machine slows both):

* ``db.registreer``: events per second, one transaction per event as a coach registers them
  (rules checked, hash chained), against eventsourcing 9 on SQLite, one ``app.save`` per event
  (an aggregate whose events carry the same JSON dicts). **Same durability on both sides:
  SQLite WAL with ``synchronous=FULL``** (eventsourcing's default, which ija-core sets
  explicitly): every commit is synced to disk. Measured on a tmpfs (``/dev/shm``), where a sync
  costs nothing, so the figures compare the software; and once on the disk, where both are
  bound by the disk's sync time. Goal: ≥ 1.5× eventsourcing's events/s (tmpfs).
* ``db.laad`` of a 15-event traject (replayed, rules checked) against eventsourcing's
  ``repository.get`` of a 15-event aggregate. Goal: ≤ 0.5× its time.
* Importing the 7,000-traject synthetic caseload (``synthetisch.py``, files on disk) with
  ``ija opslag importeer`` into SQLite on disk: events per second. Goal: ≥ 20,000/s.
* ``ija signalen --opslag DB`` against ``ija signalen MAP`` over the same 7,000 files (each in
  a fresh process; ``db.signalen`` alone beside it). Goal: within 2×.
* PostgreSQL (a private server started here, default settings: fsync on): 8 threads appending
  to 8 different trajecten (events/s; one thread beside it), and 8 threads sharing 2 trajecten,
  retrying on ``VersieConflict`` (the conflict rate: conflicts per attempt). Reported only.

* One very large traject (``GROOT`` events; the issue speaks of a million, scaled down so the
  run takes minutes on a shared machine) registered to by a store that has not folded it yet,
  while 4 other writers register on their own small trajecten (SQLite on tmpfs): the longest
  and the median wait of those writers during it, with the fold outside the write lock (now)
  and inside it (as before). Reported only.

Exit code 1 when a goal is missed (``benchmarks/run.py`` reports it).
"""

from __future__ import annotations

import contextlib
import io
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import ija_core as ija
from ija_core import opslag

sys.path.insert(0, str(Path(__file__).parent))
import _postgres  # a private PostgreSQL server, next to this script
import synthetisch  # the generator lives next to this script

PEILDATUM = date(2025, 6, 1)
RONDES = 3
TRAJECTEN = 60  # x 15 events per round and side
LENGTE = 15
BESTANDEN = 7_000
DOEL_REGISTREER = 1.5
DOEL_LAAD = 0.5
DOEL_IMPORT = 20_000
DOEL_SIGNALEN = 2.0
SNEL = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108 - a tmpfs on purpose


# -- eventsourcing, the reference -------------------------------------------------------------


def _es_app(pad: Path) -> Any:
    from eventsourcing.application import Application

    return Application(
        env={"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(pad)}
    )


def _dossier() -> Any:
    from eventsourcing.domain import Aggregate, event

    class Dossier(Aggregate):  # type: ignore[misc]
        """A traject as an eventsourcing aggregate: the same JSON dicts as its events."""

        @event("Aangemeld")
        def __init__(self, data: dict[str, Any]) -> None:
            self.events = [data]

        @event("Geregistreerd")
        def registreer(self, data: dict[str, Any]) -> None:
            self.events.append(data)

    return Dossier


DOSSIER = _dossier()


def _es_registreer(map_: Path, reeksen: list[list[dict[str, Any]]]) -> tuple[float, Any, Any]:
    app = _es_app(map_ / "es.db")
    start = time.perf_counter()
    for reeks in reeksen:
        d = DOSSIER(reeks[0])
        app.save(d)
        for e in reeks[1:]:
            d.registreer(e)
            app.save(d)
    return time.perf_counter() - start, app, d.id


def _ija_registreer(
    map_: Path, reeksen: list[list[dict[str, Any]]], m: ija.Methodiek
) -> tuple[float, opslag.Opslag, str]:
    db = opslag.open(map_ / "ija.db", methodiek=m)
    start = time.perf_counter()
    for reeks in reeksen:
        t = db.nieuw(reeks[0], door="coach")
        for n, e in enumerate(reeks[1:], 1):
            t = db.registreer(t.id, e, versie=n, door="coach")
    return time.perf_counter() - start, db, t.id


def _per_keer(functie: Callable[[], object], keer: int) -> float:
    start = time.perf_counter()
    for _ in range(keer):
        functie()
    return (time.perf_counter() - start) / keer


def _sync_stand(pad: Path) -> str:
    import sqlite3

    with contextlib.closing(sqlite3.connect(pad)) as conn:
        modus = conn.execute("PRAGMA journal_mode").fetchone()[0]
        sync = conn.execute("PRAGMA synchronous").fetchone()[0]
    return f"{modus}, synchronous={ {0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA'}[sync] }"


def registreer_en_laad(m: ija.Methodiek) -> tuple[bool, bool]:
    """The side-by-side figures of registreer and laad; (goal met, goal met)."""
    alle = synthetisch.trajecten(2_000, PEILDATUM)
    reeksen = [r[:LENGTE] for r in alle if len(r) >= LENGTE][: TRAJECTEN * (RONDES + 1)]
    events = TRAJECTEN * LENGTE
    ija_s: list[float] = []
    es_s: list[float] = []
    ija_laad: list[float] = []
    es_laad: list[float] = []
    with tempfile.TemporaryDirectory(dir=SNEL) as tmp:  # warm up both: code paths, caches
        _, app, _ = _es_registreer(Path(tmp), reeksen[-5:])
        _, db, _ = _ija_registreer(Path(tmp), reeksen[-5:], m)
        db.close()
        app.close()
    for ronde in range(RONDES):
        deel = reeksen[ronde * TRAJECTEN : (ronde + 1) * TRAJECTEN]
        with tempfile.TemporaryDirectory(dir=SNEL) as tmp:
            map_ = Path(tmp)
            tijd_es, app, es_id = _es_registreer(map_, deel)
            tijd_ija, db, ija_id = _ija_registreer(map_, deel, m)
            if ronde == 0:
                stand_es = _sync_stand(map_ / "es.db")
                stand_ija = _sync_stand(map_ / "ija.db")
            es_s.append(events / tijd_es)
            ija_s.append(events / tijd_ija)
            assert len(db.laad(ija_id).events) == LENGTE
            assert len(app.repository.get(es_id).events) == LENGTE
            for _ in range(3):
                es_laad.append(_per_keer(partial(app.repository.get, es_id), 300))
                ija_laad.append(_per_keer(partial(db.laad, ija_id), 300))
            db.close()
            app.close()
    es_mid, ija_mid = statistics.median(es_s), statistics.median(ija_s)
    print(
        f"db.registreer, één transactie per gebeurtenis ({TRAJECTEN} trajecten x {LENGTE} "
        f"gebeurtenissen per ronde, {RONDES} rondes om beurten na een opwarmronde, op tmpfs "
        f"{SNEL})"
    )
    print(f"  SQLite-instelling: ija-core {stand_ija}; eventsourcing {stand_es}")
    print(
        f"  ija-core:      {ija_mid:8,.0f} gebeurtenissen/s  (rondes: "
        f"{', '.join(f'{x:,.0f}' for x in ija_s)})"
    )
    print(
        f"  eventsourcing: {es_mid:8,.0f} gebeurtenissen/s  (rondes: "
        f"{', '.join(f'{x:,.0f}' for x in es_s)})"
    )
    verhouding = ija_mid / es_mid
    registreer_ok = verhouding >= DOEL_REGISTREER
    print(
        f"  verhouding {verhouding:.2f}x  doel ≥ {DOEL_REGISTREER}x: "
        f"{'gehaald' if registreer_ok else 'NIET gehaald'}"
    )
    # where a registreer goes: the fold (Traject.registreer) and the rest (SQL, hash, JSON)
    t = ija.Traject.replay(reeksen[-1][:1], methodiek=m)
    start = time.perf_counter()
    for e in reeksen[-1][1:]:
        t = t.registreer(e)
    vouw = (time.perf_counter() - start) / (LENGTE - 1)
    print(
        f"  (waarvan de regels en de vouw, Traject.registreer alleen: {vouw * 1e6:.0f} µs; "
        f"een registreer van ija-core in totaal: {1e6 / ija_mid:.0f} µs; een save van "
        f"eventsourcing: {1e6 / es_mid:.0f} µs)"
    )
    with tempfile.TemporaryDirectory() as tmp:  # the disk: every commit waits for its sync
        map_ = Path(tmp)
        deel = reeksen[-20:]
        tijd_es, app, _ = _es_registreer(map_, deel)
        tijd_ija, db, _ = _ija_registreer(map_, deel, m)
        db.close()
        app.close()
    n = len(deel) * LENGTE
    print(
        f"  op de schijf ({tempfile.gettempdir()}, {n} gebeurtenissen, zelfde instelling): "
        f"ija-core {n / tijd_ija:,.0f}/s, eventsourcing {n / tijd_es:,.0f}/s (beide wachten "
        "op de sync van de schijf)"
    )
    es_l, ija_l = statistics.median(es_laad), statistics.median(ija_laad)
    laad_ok = ija_l / es_l <= DOEL_LAAD
    print(
        f"\ndb.laad van een traject met {LENGTE} gebeurtenissen (mediaan van {len(ija_laad)}x300)"
    )
    print(f"  ija-core (afspelen met alle regels): {ija_l * 1e6:6.0f} µs")
    print(f"  eventsourcing repository.get:        {es_l * 1e6:6.0f} µs")
    print(
        f"  verhouding {ija_l / es_l:.2f}x  doel ≤ {DOEL_LAAD}x: "
        f"{'gehaald' if laad_ok else 'NIET gehaald'}"
    )
    return registreer_ok, laad_ok


# -- the caseload: import and signalen, each measured in a fresh process ------------------------


def _in_proces(*args: str) -> float:
    klaar = subprocess.run(  # noqa: S603 - this script itself
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    return float(klaar.stdout.strip().rpartition("TIJD ")[2])


def _tijd_cli(args: list[str]) -> None:
    from ija_core.cli import main as ija_main

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = ija_main(args)
    tijd = time.perf_counter() - start
    assert code == 0, (args, code)
    print(f"TIJD {tijd:.4f}")


def _tijd_bibliotheek(db_pad: str) -> None:
    m = ija.load_methodiek()
    start = time.perf_counter()
    with opslag.open(db_pad, methodiek=m) as db:
        db.signalen(peildatum=PEILDATUM)
    print(f"TIJD {time.perf_counter() - start:.4f}")


def caseload() -> tuple[bool, bool]:
    """Import 7,000 files and compare the signals from the store and from the files."""
    reeksen = synthetisch.trajecten(BESTANDEN, PEILDATUM)
    events = sum(len(r) for r in reeksen)
    with tempfile.TemporaryDirectory(prefix="ija-bench-") as tmp:
        map_ = Path(tmp) / "bestanden"
        map_.mkdir()
        for i, reeks in enumerate(reeksen):
            (map_ / f"{i:05d}.json").write_text(
                json.dumps({"formaat": "ija-traject/1", "events": reeks})
            )
        db = str(Path(tmp) / "caseload.db")
        importeer = _in_proces("--tijd", "opslag", "importeer", db, str(map_), "--door", "bench")
        piek = PEILDATUM.isoformat()
        bestanden, uit_opslag, bibliotheek = [], [], []
        for _ in range(3):
            bestanden.append(
                _in_proces("--tijd", "signalen", str(map_), "--peildatum", piek, "--json")
            )
            uit_opslag.append(
                _in_proces("--tijd", "signalen", "--opslag", db, "--peildatum", piek, "--json")
            )
            bibliotheek.append(_in_proces("--bibliotheek", db))
        grootte = sum(p.stat().st_size for p in Path(tmp).glob("caseload.db*"))
    snelheid = events / importeer
    import_ok = snelheid >= DOEL_IMPORT
    print(
        f"\nImporteren: {BESTANDEN:,} trajecten ({events:,} gebeurtenissen, bestanden op de "
        f"schijf) met 'ija opslag importeer' in SQLite op de schijf"
    )
    print(
        f"  {importeer:.2f} s = {snelheid:,.0f} gebeurtenissen/s (lezen, afspelen met alle "
        f"regels, hashketen, 200 trajecten per transactie); database "
        f"{grootte / 1e6:.0f} MB   doel ≥ {DOEL_IMPORT:,}/s: "
        f"{'gehaald' if import_ok else 'NIET gehaald'}"
    )
    b, o, lib = (
        statistics.median(bestanden),
        statistics.median(uit_opslag),
        statistics.median(bibliotheek),
    )
    signalen_ok = o / b <= DOEL_SIGNALEN
    print(
        f"\nSignalen over dezelfde {BESTANDEN:,} trajecten (mediaan van 3, elk in een vers proces)"
    )
    print(f"  ija signalen MAP --json:             {b:.2f} s")
    print(f"  ija signalen --opslag DB --json:     {o:.2f} s")
    print(f"  db.signalen (bibliotheek, incl. open): {lib:.2f} s")
    print(
        f"  verhouding opslag/bestanden {o / b:.2f}x  doel ≤ {DOEL_SIGNALEN}x: "
        f"{'gehaald' if signalen_ok else 'NIET gehaald'}"
    )
    return import_ok, signalen_ok


# -- PostgreSQL: 8 threads ------------------------------------------------------------------------

_AANGEMELD = {
    "type": "aangemeld",
    "op": "2025-03-03T09:00:00+01:00",
    "jongere": {"pseudoniem": "P", "geboortedatum": "2006-05-01"},
    "verwijzer": "school",
}
_CONTACT = {
    "type": "contact",
    "op": "2025-03-04T10:00:00+01:00",
    "met": "jongere",
    "vorm": "gesprek",
}


def _draden(aantal: int, werk: Callable[[int], None]) -> float:
    draden = [threading.Thread(target=werk, args=(i,)) for i in range(aantal)]
    start = time.perf_counter()
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return time.perf_counter() - start


def postgres(m: ija.Methodiek) -> None:
    """8 threads on PostgreSQL: different trajecten, and shared ones."""
    with _postgres.server() as dsn:
        if dsn is None:
            print("\nPostgreSQL: overgeslagen (geen initdb/pg_ctl; installeer 'postgresql')")
            return
        per_draad = 100
        with opslag.open(dsn, methodiek=m) as db:
            for i in range(9):
                db.nieuw({**_AANGEMELD, "traject": f"eigen-{i}"}, door="bench")

            def eigen(i: int) -> None:
                for n in range(1, per_draad + 1):
                    db.registreer(f"eigen-{i}", _CONTACT, versie=n, door=f"draad-{i}")

            een = _draden(1, lambda _: eigen(8))
            acht = _draden(8, eigen)
            for i in range(2):
                db.nieuw({**_AANGEMELD, "traject": f"gedeeld-{i}"}, door="bench")
            pogingen = [0] * 8
            conflicten = [0] * 8
            gelukt_per_draad = 25

            def gedeeld(i: int) -> None:
                tid = f"gedeeld-{i % 2}"
                versie = len(db.laad(tid).events)
                gelukt = 0
                while gelukt < gelukt_per_draad:
                    pogingen[i] += 1
                    try:
                        versie = len(
                            db.registreer(tid, _CONTACT, versie=versie, door=f"d{i}").events
                        )
                        gelukt += 1
                    except ija.VersieConflict as exc:
                        conflicten[i] += 1
                        versie = exc.huidig

            gedeeld_tijd = _draden(8, gedeeld)
            totaal = sum(len(db.laad(f"gedeeld-{i}").events) - 1 for i in range(2))
            assert totaal == 8 * gelukt_per_draad
            assert db.controleer() == []
        print(
            "\nPostgreSQL (eigen server, standaardinstellingen: fsync aan, synchronous_commit aan)"
        )
        print(f"  1 draad, 1 traject:               {per_draad / een:8,.0f} gebeurtenissen/s")
        print(f"  8 draden, elk een eigen traject:  {8 * per_draad / acht:8,.0f} gebeurtenissen/s")
        rate = sum(conflicten) / sum(pogingen)
        print(
            f"  8 draden op 2 gedeelde trajecten: {totaal / gedeeld_tijd:8,.0f} gebeurtenissen/s "
            f"opgeslagen; {sum(conflicten)} VersieConflicts op {sum(pogingen)} pogingen = "
            f"{rate:.0%} (elk conflict opnieuw geprobeerd met de nieuwe versie; niets dubbel "
            "of kwijt)"
        )


GROOT = 200_000
SCHRIJVERS = 4


def groot_traject(m: ija.Methodiek, groot: int = GROOT) -> None:
    """Writers' latency while a cold registreer on one very large traject folds it."""
    with tempfile.TemporaryDirectory(dir=SNEL) as tmp:
        pad = Path(tmp) / "groot.db"
        begin = time.perf_counter()
        with opslag.open(pad, methodiek=m) as db:
            t = ija.Traject.replay(
                [{**_AANGEMELD, "traject": "groot"}] + [_CONTACT] * groot, methodiek=m
            )
            db.importeer(t, door="bench")
            for i in range(SCHRIJVERS):
                db.nieuw({**_AANGEMELD, "traject": f"klein-{i}"}, door="bench")
        opbouw = time.perf_counter() - begin
        print(
            f"\nEén traject met {groot:,} gebeurtenissen (opgebouwd in {opbouw:.0f} s), koud "
            f"geregistreerd terwijl {SCHRIJVERS} andere schrijvers op eigen trajecten schrijven "
            "(SQLite, tmpfs)"
        )
        for naam, onder_slot in (
            ("vouwen vóór het slot (nu)", False),
            ("vouwen onder het slot (zoals eerst)", True),
        ):
            # the large registreer in its own process (its replay must not hold this one's GIL)
            groot_proces = subprocess.Popen(  # noqa: S603 - this script itself
                [sys.executable, __file__, "--groot", str(pad), "slot" if onder_slot else "nu"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert groot_proces.stdin is not None
            assert groot_proces.stdout is not None
            assert groot_proces.stdout.readline().strip() == "klaar"
            wachten: list[tuple[float, float]] = []
            klaar = threading.Event()

            def schrijf(
                i: int, klaar: threading.Event = klaar, wachten: list[tuple[float, float]] = wachten
            ) -> None:
                with opslag.open(pad, methodiek=m) as eigen:
                    versie = len(eigen.laad(f"klein-{i}").events)
                    while not klaar.is_set():
                        start = time.perf_counter()
                        eigen.registreer(f"klein-{i}", _CONTACT, versie=versie, door="w")
                        wachten.append((start, time.perf_counter() - start))
                        versie += 1

            draden = [threading.Thread(target=schrijf, args=(i,)) for i in range(SCHRIJVERS)]
            for d in draden:
                d.start()
            time.sleep(0.5)
            begin = time.perf_counter()
            groot_proces.stdin.write("start\n")
            groot_proces.stdin.flush()
            duur = float(groot_proces.stdout.readline())
            groot_proces.wait()
            klaar.set()
            for d in draden:
                d.join()
            # every write that overlapped the large one (also one that began just before it)
            binnen = sorted(d for t, d in wachten if t <= begin + duur and t + d >= begin)
            p99 = binnen[int(len(binnen) * 0.99)] if binnen else float("nan")
            print(
                f"  {naam}: de grote registreer {duur:.1f} s; de andere schrijvers legden in die "
                f"tijd {len(binnen) / duur:,.0f} gebeurtenissen/s vast (99% binnen "
                f"{p99 * 1000:,.0f} ms, de langste {max(binnen, default=0) * 1000:,.0f} ms)"
            )


def _groot(pad: str, wijze: str) -> None:
    """The large registreer of ``groot_traject`` (run as its own process)."""
    m = ija.load_methodiek(entrypoints=False)
    with opslag.open(pad, methodiek=m) as koud:
        versie = _versie_van(koud, "groot")
        print("klaar", flush=True)
        sys.stdin.readline()
        start = time.perf_counter()
        if wijze == "slot":  # the former way: one attempt that folds under the lock
            koud._registreer("groot", _CONTACT, versie, "bench", onder_slot=True)
        else:
            koud.registreer("groot", _CONTACT, versie=versie, door="bench")
        print(time.perf_counter() - start, flush=True)


def _versie_van(db: opslag.Opslag, tid: str) -> int:
    """The stream's versie as stored (without folding it)."""
    return int(db._backend.lees(db._sql["stroom"], (tid,))[0][1])


def main() -> int:
    """Print every figure; 1 when a goal is missed."""
    m = ija.load_methodiek(entrypoints=False)
    groot_traject(m)
    registreer_ok, laad_ok = registreer_en_laad(m)
    import_ok, signalen_ok = caseload()
    postgres(m)
    return 0 if registreer_ok and laad_ok and import_ok and signalen_ok else 1


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--tijd":
        _tijd_cli(sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "--groot":
        _groot(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "--bibliotheek":
        _tijd_bibliotheek(sys.argv[2])
    else:
        raise SystemExit(main())
