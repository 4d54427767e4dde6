"""Handbook content added as data (issue 12): the approach as a whole and two instruments.

Every figure and name checked here is the handbook's; the texts are the project's own words.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import ija_core as ija
from ija_core import aanpak
from ija_core.aanpak import AANPAK
from ija_core.doelgroep import DOELGROEP
from ija_core.tools import catalogue
from ija_core.tools.catalogue import GEMEENTELIJKE_INSTRUMENT_IDS, HANDBOEK_INSTRUMENTEN

CATALOGUS = {i.id: i for i in HANDBOEK_INSTRUMENTEN}


def test_context_figures_are_the_handbooks() -> None:
    k = AANPAK.kengetallen
    assert (k.jongeren, k.risicojongeren, k.fte, k.wijkteams) == (125_500, 7_000, 31, 43)
    assert k.uitgevoerd_sinds == date(2018, 1, 1)
    assert k.aanbieders == ("Exodus", "Futuro", "Stichting JOZ", "Mee", "Enver", "wmo radar")
    assert "nazorg na detentie" in k.pilot
    assert [m.jaar for m in k.geschiedenis] == [2015, 2016, 2018]
    # the target group's text gives the same figures
    assert "125.500" in DOELGROEP.beschrijving
    assert "7.000 risicojongeren" in DOELGROEP.beschrijving


def test_mission_outcomes_and_what_the_coach_pays_attention_to() -> None:
    m = AANPAK.missie
    assert [u.id for u in m.uitkomsten] == [
        "contact-met-ouders",
        "zelfstandig-wonen",
        "werk-of-opleiding",
        "positieve-vrienden",
    ]
    assert m.vaardigheden == ("zelfcontrole", "probleemoplossende vaardigheden")
    for gedrag in ("antisociaal", "overlastgevend", "crimineel"):
        assert gedrag in m.doel


def test_intensity_is_effort_not_a_count_of_contacts() -> None:
    tekst = AANPAK.intensiteit.beschrijving
    assert "niet af aan het aantal contacten" in tekst
    assert "coach" in tekst
    assert "jongere" in tekst


def test_the_route_goes_from_close_by_to_at_a_distance() -> None:
    assert [(s.nummer, s.id) for s in AANPAK.route] == [
        (1, "aan-de-hand"),
        (2, "inzicht"),
        (3, "zelfstandig"),
    ]
    assert "achterwacht" in AANPAK.route[-1].beschrijving


def test_coach_profile_grondhouding_and_matching() -> None:
    c = AANPAK.coach
    assert (c.opleiding, c.registratie) == ("hbo", "SKJ")
    assert "geen 9-tot-5-mentaliteit" in c.grondhouding
    assert "durft te confronteren" in c.grondhouding
    assert [k.id for k in AANPAK.matching] == ["geen-klik-andere-coach", "match-met-de-wijk"]
    klik = AANPAK.matching[0].beschrijving
    assert "andere hulpverlener" in klik


def test_every_item_says_where_the_handbook_states_it() -> None:
    bronnen = [
        AANPAK.missie.bron,
        AANPAK.kengetallen.bron,
        AANPAK.intensiteit.bron,
        AANPAK.route_bron,
        AANPAK.coach.bron,
        *(k.bron for k in AANPAK.matching),
    ]
    assert all(b.soort == "handboek" for b in bronnen)
    assert all(b.toelichting.startswith("Handboek, ") for b in bronnen)


def test_the_records_refuse_bad_values() -> None:
    with pytest.raises(ValueError, match="fte"):
        attrs.evolve(AANPAK.kengetallen, fte=0)
    with pytest.raises(TypeError, match="uitkomsten"):
        attrs.evolve(AANPAK.missie, uitkomsten=("werk",))
    with pytest.raises(ValueError, match="id"):
        attrs.evolve(AANPAK.intensiteit, id="Geen Slug")
    with pytest.raises(TypeError, match="bron"):
        attrs.evolve(AANPAK.coach, bron="Handboek, ergens.")


def test_the_aanpak_records_are_exported() -> None:
    for naam in aanpak.__all__:
        if naam != "AANPAK":
            assert getattr(ija, naam) is getattr(aanpak, naam)


# --- instruments ----------------------------------------------------------------------------


def test_mentoring_elke_jongere_telt_is_in_the_catalogue_with_unknown_facts(
    m: ija.Methodiek,
) -> None:
    i = m.instrument("mentoring-elke-jongere-telt")
    assert i.soort == "methode"
    assert i.plaatsing == "suggestie"
    assert (i.herkomst.status, i.herkomst.auteurs, i.herkomst.jaar) == ("onbekend", (), None)
    assert i.erkenning.niveau is None
    assert i.doelgroep is None
    assert "suggestie" in i.beschrijving


def test_the_municipal_veiligheidsprotocol_is_in_the_toolkit(m: ija.Methodiek) -> None:
    i = m.instrument("veiligheidsprotocol")
    assert i.soort == "gemeentelijk-instrumentarium"
    assert "veiligheidsprotocol" in GEMEENTELIJKE_INSTRUMENT_IDS
    assert i.herkomst.status == "onbekend"
    assert "Rotterdam" in i.naam


def test_municipal_origins_agree_with_facts_md_and_the_module() -> None:
    status = {id: CATALOGUS[id].herkomst.status for id in GEMEENTELIJKE_INSTRUMENT_IDS}
    assert status == {
        "lirik": "onbekend",
        "meldcode-huiselijk-geweld": "deels-geverifieerd",
        "sisa": "deels-geverifieerd",
        "veiligheidsprotocol": "onbekend",
    }
    doc = " ".join((catalogue.__doc__ or "").split())
    assert "For LIRIK" in doc
    assert 'its herkomst stays empty with status ``"onbekend"``' in doc
