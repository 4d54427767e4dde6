"""Assembling the Methodiek and looking things up: what an embedding app pays at start-up."""

from __future__ import annotations

import time

import ija_core as ija


def _meet(label: str, functie: object, keer: int) -> float:
    start = time.perf_counter()
    for _ in range(keer):
        functie()  # type: ignore[operator]  # any zero-argument callable
    per = (time.perf_counter() - start) / keer
    print(f"{label:<55} {per * 1e6:10.1f} µs")
    return per


def main() -> int:
    """Print the figures; exit 1 when assembly with every plugin takes over 50 ms."""
    _meet("load_methodiek(entrypoints=False)", lambda: ija.load_methodiek(entrypoints=False), 50)
    per = _meet("load_methodiek() met alle geïnstalleerde plugins", ija.load_methodiek, 50)
    m = ija.load_methodiek()
    _meet("m.instrument('5g-model')", lambda: m.instrument("5g-model"), 100_000)
    _meet(
        "m.instrumenten_voor(fase='verdieping', leefgebied='financien')",
        lambda: m.instrumenten_voor(fase="verdieping", leefgebied="financien"),
        20_000,
    )
    doel = 0.050
    print(f"doel: load_methodiek() < {doel * 1000:.0f} ms — {'gehaald' if per < doel else 'NIET gehaald'}")
    return 0 if per < doel else 1


if __name__ == "__main__":
    raise SystemExit(main())
