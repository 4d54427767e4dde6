"""The Mee plugin: the aanbieder, with no method and no description (none are known)."""

from __future__ import annotations

import ija_mee as plugin
import pytest

import ija_core as ija
from ija_core.testing import check_plugin


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    """The handbook plus only this plugin, validated by ija_core.testing."""
    return check_plugin(plugin)


def test_plugin_passes_check_plugin_and_declares_hook_api(m: ija.Methodiek) -> None:
    info = m.plugin("mee")
    assert info.status == "loaded"
    assert info.hook_api == ">=1.0,<2.0"
    assert info.contributions == ("aanbieder:mee",)


def test_nothing_is_invented(m: ija.Methodiek) -> None:
    aanbieder = m.aanbieder("mee")
    assert aanbieder.naam == "Mee"
    assert aanbieder.beschrijving is None
    assert aanbieder.methoden == ()
