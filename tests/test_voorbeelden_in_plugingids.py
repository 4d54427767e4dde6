"""The Python samples of the plugin guide ("Een plugin schrijven") are one working plugin.

Every ```python block of the guide, in order, is code of the one example plugin
``ija_mijnorganisatie`` (its ``__init__.py``), except the blocks with a ``def test_``:
those are its test file, run in one namespace in order. The module is built from the samples, checked with
``ija_core.testing.check_plugin`` (strict: every contribution valid), and every ``test_*``
function of the test samples runs. So a sample that calls something that does not exist, a
hook that returns something ija-core refuses, or a rule whose check fails, fails here.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

import ija_core as ija
from ija_core.testing import check_plugin

ROOT = Path(__file__).resolve().parents[1]
GIDS = next(
    pad
    for pad in (
        ROOT / "docs" / "plugins-schrijven.md",  # the hand-written pages at the top (issue 19)
        ROOT / "src" / "ija_core" / "docs" / "handgeschreven" / "plugins-schrijven.md",
    )
    if pad.is_file()
)
BLOK = re.compile(r"```python\n(.*?)```", re.S)
PAKKET = "ija_mijnorganisatie"


def _blokken() -> tuple[list[str], list[str]]:
    blokken = BLOK.findall(GIDS.read_text(encoding="utf-8"))
    tests = [b for b in blokken if re.search(r"^def test_", b, re.M)]
    return [b for b in blokken if b not in tests], tests


@pytest.fixture
def plugin() -> Iterator[types.ModuleType]:
    code, _ = _blokken()
    module = types.ModuleType(PAKKET)
    module.__file__ = str(GIDS)
    sys.modules[PAKKET] = module
    try:
        for blok in code:
            exec(compile(blok, str(GIDS), "exec"), module.__dict__)  # noqa: S102 - our own docs
        yield module
    finally:
        sys.modules.pop(PAKKET, None)


def test_the_guide_has_plugin_code_and_tests() -> None:
    code, tests = _blokken()
    assert len(code) >= 4
    assert tests


def test_the_samples_make_a_valid_plugin(plugin: types.ModuleType) -> None:
    m = check_plugin(plugin)
    assert m.plugin("mijnorganisatie").status == "loaded"
    for hook in ("ija_aanbieder", "ija_instrumenten", "ija_normen", "ija_overgangsregels"):
        assert hasattr(plugin, hook), hook


def test_the_guides_own_tests_pass(plugin: types.ModuleType) -> None:
    _, tests = _blokken()
    namespace: dict[str, object] = {}
    for blok in tests:
        exec(compile(blok, str(GIDS), "exec"), namespace)  # noqa: S102 - our own docs
    assert f"import {PAKKET}" in tests[0]
    gedraaid = [naam for naam in namespace if naam.startswith("test_")]
    for naam in gedraaid:
        functie = namespace[naam]
        assert callable(functie)
        functie()
    assert len(gedraaid) >= 3


def test_the_rule_sample_refuses_and_allows_as_the_guide_says(plugin: types.ModuleType) -> None:
    """The guard of the guide, asked about real trajecten of the aanbieder."""
    with ija.testing.registered(plugin):
        m = ija.load_methodiek(entrypoints=False)
    regels = [r for r in m.regels if r.id.startswith("mijnorganisatie:")]
    assert regels
    assert all(r.bron.soort == "aanbieder" for r in regels)
