"""The Enver plugin: the aanbieder and its method, whose description is unknown."""

from __future__ import annotations

import ija_enver as plugin
import pytest

import ija_core as ija
from ija_core.testing import check_plugin


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    """The handbook plus only this plugin, validated by ija_core.testing."""
    return check_plugin(plugin)


def test_plugin_passes_check_plugin_and_declares_hook_api(m: ija.Methodiek) -> None:
    info = m.plugin("enver")
    assert info.status == "loaded"
    assert info.hook_api == ">=1.0,<2.0"
    assert info.contributions == ("aanbieder:enver",)


def test_method_is_named_but_not_described(m: ija.Methodiek) -> None:
    aanbieder = m.aanbieder("enver")
    assert aanbieder.naam == "Enver"
    assert aanbieder.beschrijving is None
    (methode,) = aanbieder.methoden
    assert methode.id == "enver:kernpunt"
    assert methode.beschrijving is None
    assert methode.bronvermelding is not None
