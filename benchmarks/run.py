"""Run every benchmark script in this folder (``bench_*.py``) and report their figures.

``make bench`` calls this. Each script prints its own figures; this runner adds a header,
the wall time of each script, and exits non-zero when a script fails or misses its goal
(a script signals a missed goal with exit code 1).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    """Run the benchmark scripts one by one."""
    hier = Path(__file__).parent
    scripts = sorted(hier.glob("bench_*.py"))
    if not scripts:
        print("geen benchmarks gevonden")
        return 1
    mislukt = []
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(script)])  # noqa: S603 - our own scripts
        print(f"--- {script.name}: {time.perf_counter() - start:.1f} s, exitcode {code}")
        if code != 0:
            mislukt.append(script.name)
    if mislukt:
        print(f"\nniet gehaald of mislukt: {', '.join(mislukt)}")
        return 1
    print("\nalle benchmarks gehaald")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
