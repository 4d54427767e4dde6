"""The public API surface: exports, layering, what `import ija_core` costs."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

import ija_core

STUB = Path(ija_core.__file__).with_suffix(".pyi")


def stub_tekst() -> str:
    """``__init__.pyi``, generated from ``ija_core._PUBLIEK`` (the one list of public names)."""
    regels = [
        '"""Type information of ``ija_core``: generated from ``_PUBLIEK`` in ``__init__.py`` by',
        "``python tests/test_api.py``; do not edit (tests/test_api.py checks it is up to date).",
        '"""',
        "",
    ]
    for module in sorted(ija_core._PUBLIEK):
        # in the order ruff's isort keeps: CONSTANTS, Classes, functions, each case-blind
        namen = sorted(
            ija_core._PUBLIEK[module],
            key=lambda n: (0 if n.isupper() else 1 if n[0].isupper() else 2, n.lower()),
        )
        regels += [f"from {module} import {naam} as {naam}" for naam in namen]
    # deprecated names: an alias for type checkers (not in __all__; a warning at run time)
    regels += ["", *(f"{oud} = {nieuw}" for oud, nieuw in sorted(ija_core._VEROUDERD.items()))]
    regels += ["", "__version__: str", "__all__ = ["]
    regels += [f'    "{naam}",' for naam in ija_core.__all__]
    regels += ["]", "", "def __getattr__(naam: str) -> object: ...", ""]
    return "\n".join(regels)


def test_the_type_stub_is_generated_from_the_one_list() -> None:
    """Type checkers read ``__init__.pyi``; it lists exactly the names of ``_PUBLIEK``."""
    assert STUB.read_text(encoding="utf-8") == stub_tekst(), (
        "src/ija_core/__init__.pyi is verouderd: draai `python tests/test_api.py`"
    )


def test_all_is_sorted_and_equals_the_public_names() -> None:
    assert ija_core.__all__ == sorted(ija_core.__all__)
    # names load on first use (PEP 562): dir() lists them, getattr() loads each
    publiek = {
        naam
        for naam in dir(ija_core)
        if not naam.startswith("_")
        and not isinstance(getattr(ija_core, naam), types.ModuleType)
    }
    assert set(ija_core.__all__) == publiek
    # once loaded, the module's own namespace holds exactly these public names
    geladen = {
        naam
        for naam, waarde in vars(ija_core).items()
        if not naam.startswith("_") and not isinstance(waarde, types.ModuleType)
    }
    assert geladen == set(ija_core.__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="geen_naam"):
        ija_core.geen_naam  # noqa: B018 - the attribute access is the test
    assert hasattr(ija_core, "traject")  # a sub-module loads on first use too


def test_import_is_cheap_until_a_name_is_used() -> None:
    code = (
        "import sys, ija_core\n"
        "zwaar = sorted(m for m in sys.modules if m.split('.')[0] in ('cattrs', 'pluggy') "
        "or m.startswith(('ija_core.traject', 'ija_core.normen', 'ija_core._codec')))\n"
        "print(','.join(zwaar))\n"
        "ija_core.Traject\n"
        "print('ija_core.traject' in sys.modules)\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.split("\n")[:2] == ["", "True"]


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


if __name__ == "__main__":
    STUB.write_text(stub_tekst(), encoding="utf-8")
    print(f"{STUB} geschreven")


def test_a_deprecated_name_warns_and_gives_the_new_one() -> None:
    """``ija.Weigering`` (now ``Afwijzing``) still works, with a ``DeprecationWarning``."""
    import warnings

    import ija_core.traject

    for oud, nieuw in ija_core._VEROUDERD.items():
        assert oud not in ija_core.__all__
        with pytest.warns(DeprecationWarning, match=nieuw):
            assert getattr(ija_core, oud) is getattr(ija_core, nieuw)
    with pytest.warns(DeprecationWarning, match="Afwijzing"):
        assert ija_core.traject.Weigering is ija_core.Afwijzing
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ija_core.Afwijzing(uitleg="nee").regel == ""
