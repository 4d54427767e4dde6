"""What starting costs: ``import ija_core`` and ``ija --help``, beside a bare interpreter.

Each case is a fresh interpreter (``python -c ...``), timed from start to exit; the cases take
turns round after round (so a busy machine slows them alike) and the median of the rounds is
reported, with the difference to a bare interpreter:

* a bare interpreter (``pass``);
* the dependencies alone: ``import attrs, cattrs, pluggy, orjson``;
* ``import ija_core`` (public names load on first use, PEP 562);
* ``import ija_core; ija_core.Traject`` (the first use of the engine);
* ``import ija_core; ija_core.load_methodiek(entrypoints=False)``;
* ``ija --help`` (``python -m ija_core.cli --help``).

Goal of the engine issue: ``import ija_core`` and ``ija --help`` at most 70 ms above a bare
interpreter. The script exits 1 when ``import ija_core`` misses it; ``ija --help`` is
reported beside it (the command modules of the CLI decide what it imports).

Before the codec rewrite (commit 20cd3dd), measured the same way in one run beside the new
code (medians of 21 rounds, a busy 2-core machine): ``import ija_core`` +196 ms (new: +17 ms),
``import ija_core; ija_core.Traject`` +232 ms (new: +79 ms), ``ija --help`` +233 ms (new:
+175 ms); the dependencies alone +61 ms. Everything was imported eagerly then, and the JSON
module generated its encoders at import time.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RONDES = 15
DOEL_MS = 70.0
VOOR_MS = 196.0
"""``import ija_core`` above a bare interpreter at commit 20cd3dd (see above)."""

GEVALLEN: tuple[tuple[str, list[str]], ...] = (
    ("kale interpreter", ["-c", "pass"]),
    ("attrs + cattrs + pluggy + orjson", ["-c", "import attrs, cattrs, pluggy, orjson"]),
    ("import ija_core", ["-c", "import ija_core"]),
    ("import ija_core; ija_core.Traject", ["-c", "import ija_core; ija_core.Traject"]),
    (
        "import ija_core; load_methodiek(entrypoints=False)",
        ["-c", "import ija_core; ija_core.load_methodiek(entrypoints=False)"],
    ),
    ("ija --help", ["-m", "ija_core.cli", "--help"]),
)


def main() -> int:
    """Print the medians; exit 1 when ``import ija_core`` misses its goal."""
    tijden: dict[str, list[float]] = {naam: [] for naam, _ in GEVALLEN}
    for _naam, args in GEVALLEN:  # warm up: .pyc files written, disk cache filled
        subprocess.run([sys.executable, *args], check=True, capture_output=True)  # noqa: S603 - our own interpreter
    for _ in range(RONDES):
        for naam, args in GEVALLEN:
            start = time.perf_counter()
            subprocess.run([sys.executable, *args], check=True, capture_output=True)  # noqa: S603 - as above
            tijden[naam].append((time.perf_counter() - start) * 1000)
    mediaan = {naam: statistics.median(t) for naam, t in tijden.items()}
    kaal = mediaan["kale interpreter"]
    print(f"Opstarttijd (ms, mediaan van {RONDES} rondes om beurten)")
    for naam, _ in GEVALLEN:
        boven = "" if naam == "kale interpreter" else f"   +{mediaan[naam] - kaal:6.1f} boven kaal"
        print(f"{naam:<52} {mediaan[naam]:7.1f}{boven}")
    ija = mediaan["import ija_core"] - kaal
    hulp = mediaan["ija --help"] - kaal
    print(
        f"\nimport ija_core: +{ija:.1f} ms (doel ≤ {DOEL_MS:.0f} ms; voor de codec-herbouw "
        f"+{VOOR_MS:.0f} ms): {'gehaald' if ija <= DOEL_MS else 'NIET gehaald'}"
    )
    print(
        f"ija --help: +{hulp:.1f} ms (doel ≤ {DOEL_MS:.0f} ms): "
        f"{'gehaald' if hulp <= DOEL_MS else 'niet gehaald (de CLI-modules importeren de engine)'}"
    )
    return 0 if ija <= DOEL_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
