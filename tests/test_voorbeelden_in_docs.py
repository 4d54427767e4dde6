"""The Python examples in the README and the developers' quick start (and own store) actually run.

Every ```python block of a page runs in one namespace, in order. A line of the form
``expression   # literal`` is also checked: the expression must equal the literal.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGINAS = [
    ROOT / "README.md",
    ROOT / "docs" / "ontwikkelaars" / "snelstart.md",
    ROOT / "docs" / "ontwikkelaars" / "eigen-opslag.md",
]
BLOK = re.compile(r"```python\n(.*?)```", re.S)
VERWACHTING = re.compile(r"^(?P<expr>[^#=\s][^#]*?)\s+#\s*(?P<lit>.+?)\s*$")


def _controles(code: str) -> list[tuple[str, object]]:
    controles = []
    for regel in code.splitlines():
        m = VERWACHTING.match(regel)
        if not m:
            continue
        try:
            ast.parse(m["expr"], mode="eval")
            verwacht = ast.literal_eval(m["lit"].split(":")[0].strip())
        except (SyntaxError, ValueError):
            continue
        controles.append((m["expr"], verwacht))
    return controles


@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: p.name)
def test_python_examples_run_and_show_what_they_promise(pagina: Path) -> None:
    blokken = BLOK.findall(pagina.read_text(encoding="utf-8"))
    assert blokken, f"{pagina.name} heeft geen Python-voorbeelden"
    namespace: dict[str, object] = {}
    gecontroleerd = 0
    for blok in blokken:
        exec(compile(blok, str(pagina), "exec"), namespace)  # noqa: S102 - running our own docs is the point
        for expr, verwacht in _controles(blok):
            assert eval(expr, namespace) == verwacht, f"{pagina.name}: {expr}"  # noqa: S307 - idem
            gecontroleerd += 1
    assert gecontroleerd > 0
