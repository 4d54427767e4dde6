"""The JOZ plugin: Nieuwe Perspectieven, Adviseurs van de straat and the 48-hour start norm."""

from __future__ import annotations

import ija_joz as plugin
import pytest

import ija_core as ija
from ija_core.testing import check_plugin


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    """The handbook plus only this plugin, validated by ija_core.testing."""
    return check_plugin(plugin)


def test_plugin_passes_check_plugin_and_declares_hook_api(m: ija.Methodiek) -> None:
    info = m.plugin("joz")
    assert info.status == "loaded"
    assert info.hook_api == ">=1.0,<2.0"
    assert info.warning is None
    assert info.contributions == ("aanbieder:joz", "norm:joz:start-binnen-48-uur")


def test_aanbieder_has_both_methods(m: ija.Methodiek) -> None:
    joz = m.aanbieder("joz")
    assert [methode.id for methode in joz.methoden] == [
        "joz:nieuwe-perspectieven",
        "joz:adviseurs-van-de-straat",
    ]


def test_nieuwe_perspectieven_carries_the_known_facts(m: ija.Methodiek) -> None:
    np = m.aanbieder("joz").methoden[0]
    assert np.beschrijving is not None
    for feit in ("12", "10", "23", "48 uur", "indicatie", "2008"):
        assert feit in np.beschrijving


def test_adviseurs_van_de_straat_is_honestly_unknown(m: ija.Methodiek) -> None:
    adviseurs = m.aanbieder("joz").methoden[1]
    assert adviseurs.naam == "Adviseurs van de straat"
    assert adviseurs.beschrijving is None


def test_norm_is_measured_from_aanmelding_in_48_elapsed_hours(m: ija.Methodiek) -> None:
    norm = m.norm("joz:start-binnen-48-uur")
    assert norm.anker == "aanmelding"
    assert norm.uren == 48
    assert norm.dagen is None
    assert not norm.pauzeerbaar


def test_norm_is_met_by_first_contact_with_the_young_person(m: ija.Methodiek) -> None:
    norm = m.norm("joz:start-binnen-48-uur")
    assert set(norm.voldaan_door) == {
        ija.Voorwaarde(soort="contact", velden=(("met", "jongere"),)),
        ija.Voorwaarde(soort="contactpoging", velden=(("gelukt", True),)),
    }


def test_norm_belongs_to_joz_only(m: ija.Methodiek) -> None:
    norm = m.norm("joz:start-binnen-48-uur")
    assert norm.aanbieder == "joz"
    assert norm.bron.soort == "aanbieder"
    assert m.bijgedragen_door("norm", norm.id) == ("joz",)
