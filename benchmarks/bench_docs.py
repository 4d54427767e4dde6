"""Building the methodiek site with every bundled plugin (goal: under 15 seconds).

The timing covers what ``ija docs build`` does: loading the methodiek, generating the pages,
running mkdocs strictly (with the API reference) and copying the site. The bundled plugins
(``plugins/*``) are used whether or not they are installed: installed ones come in through
their entry points, the others are imported from their source folders.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import ija_core as ija
from ija_core.docs import bouw_site

DOEL_SECONDEN = 15.0
KEER = 3
REPO = Path(__file__).resolve().parents[1]


def bundled_plugins() -> list[object]:
    """The plugin modules of ``plugins/*``, imported from their ``src`` folders when needed."""
    modules: list[object] = []
    for pyproject in sorted(REPO.glob("plugins/*/pyproject.toml")):
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        for doel in data.get("project", {}).get("entry-points", {}).get("ija_core", {}).values():
            src = str(pyproject.parent / "src")
            if src not in sys.path:
                sys.path.append(src)
            modules.append(importlib.import_module(doel.split(":")[0]))
    return modules


def main() -> int:
    """Build the site a few times; print the figures; exit 1 when the goal is missed."""
    plugins = bundled_plugins()
    tijden = []
    with tempfile.TemporaryDirectory(prefix="ija-bench-docs-") as tmp:
        for n in range(KEER):
            start = time.perf_counter()
            m = ija.load_methodiek(plugins=plugins)
            resultaat = bouw_site(Path(tmp) / f"site{n}", methodiek=m)
            tijden.append(time.perf_counter() - start)
    geladen = [p.name for p in m.plugins if p.status in ("loaded", "builtin")]
    print(f"plugins: {', '.join(geladen)}")
    print(f"pagina's: {resultaat.paginas} ({resultaat.gegenereerd} gegenereerd)")
    print(f"site bouwen (strikt, met API-referentie), {KEER}x: "
          f"min {min(tijden):.2f} s, mediaan {statistics.median(tijden):.2f} s")
    gehaald = max(tijden) < DOEL_SECONDEN
    print(f"doel: < {DOEL_SECONDEN:.0f} s — {'gehaald' if gehaald else 'NIET gehaald'}")
    return 0 if gehaald else 1


if __name__ == "__main__":
    raise SystemExit(main())
