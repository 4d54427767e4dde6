"""The Futuro plugin: Intensief Casemanagement, and deliberately no guard or norm."""

from __future__ import annotations

import ija_futuro as plugin
import pytest

import ija_core as ija
from ija_core.testing import check_plugin


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    """The handbook plus only this plugin, validated by ija_core.testing."""
    return check_plugin(plugin)


def test_plugin_passes_check_plugin_and_declares_hook_api(m: ija.Methodiek) -> None:
    info = m.plugin("futuro")
    assert info.status == "loaded"
    assert info.hook_api == ">=1.0,<2.0"
    assert info.warning is None


def test_intensief_casemanagement_carries_the_known_facts(m: ija.Methodiek) -> None:
    (methode,) = m.aanbieder("futuro").methoden
    assert methode.id == "futuro:intensief-casemanagement"
    assert methode.beschrijving is not None
    for feit in ("2006", "dagbesteding", "werk", "scholing", "alle leefgebieden"):
        assert feit in methode.beschrijving


def test_contributes_only_its_aanbieder(m: ija.Methodiek) -> None:
    # No guard or norm: the facts give an aim, not a measurable requirement (see README).
    assert m.plugin("futuro").contributions == ("aanbieder:futuro",)
    assert m.overgangsregels == ()
    assert not [n for n in m.normen if n.aanbieder == "futuro"]
