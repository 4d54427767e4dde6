"""The public API surface: exports, layering, what `import ija_core` costs."""

from __future__ import annotations

import subprocess
import sys
import types

import ija_core


def test_all_is_sorted_and_equals_the_public_names() -> None:
    assert ija_core.__all__ == sorted(ija_core.__all__)
    publiek = {
        naam
        for naam, waarde in vars(ija_core).items()
        if not naam.startswith("_") and not isinstance(waarde, types.ModuleType)
    }
    assert set(ija_core.__all__) == publiek


def test_contract_names_are_exported() -> None:
    for naam in (
        "load_methodiek",
        "to_json",
        "from_json",
        "hookimpl",
        "IjaError",
        "OngeldigeInvoer",
        "RegelOvertreding",
        "PluginFout",
        "Instrument",
        "Norm",
        "Aanbieder",
        "FaseDefinitie",
    ):
        assert naam in ija_core.__all__


def test_import_loads_no_cli_docs_or_pydantic_modules() -> None:
    code = (
        "import sys, ija_core\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('argparse', 'mkdocs', 'material', 'mkdocstrings', 'pydantic', 'hypothesis') "
        "or m.startswith(('ija_core.cli', 'ija_core.docs.')) or m == 'ija_core.docs')\n"
        "print(','.join(bad))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == ""


def test_errors_form_one_tree() -> None:
    for fout in (ija_core.OngeldigeInvoer, ija_core.RegelOvertreding, ija_core.PluginFout):
        assert issubclass(fout, ija_core.IjaError)
    e = ija_core.OngeldigeInvoer(["$.a: fout", "$.b: ook fout"])
    assert e.fouten == ("$.a: fout", "$.b: ook fout")
    assert e.met_prefix("$[3]").fouten == ("$[3].a: fout", "$[3].b: ook fout")
    r = ija_core.RegelOvertreding("chronologie", "te vroeg").bij_index(4)
    assert (r.regel, r.uitleg, r.index) == ("chronologie", "te vroeg", 4)
