"""The Exodus plugin: Jouw Kracht, the krachteninventarisatie and its suggested mapping."""

from __future__ import annotations

import attrs
import ija_exodus as plugin
import pytest
from ija_exodus import (
    JOUW_KRACHT_LEEFGEBIEDEN,
    JOUW_KRACHT_NAAR_IJA,
    KrachteninventarisatieResultaat,
    Leefgebiedkrachten,
)

import ija_core as ija
from ija_core.testing import check_plugin, registered


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    """The handbook plus only this plugin, validated by ija_core.testing."""
    return check_plugin(plugin)


def test_plugin_passes_check_plugin_and_declares_hook_api(m: ija.Methodiek) -> None:
    assert m.plugin("exodus").status == "loaded"
    assert m.plugin("exodus").warning is None
    assert plugin.IJA_HOOK_API == ">=1.0,<2.0"


def test_aanbieder_has_jouw_kracht_with_six_principles_and_three_steps(m: ija.Methodiek) -> None:
    exodus = m.aanbieder("exodus")
    assert exodus.naam == "Exodus"
    assert exodus.beschrijving is None  # not in the facts: to be supplied by Exodus
    (methode,) = exodus.methoden
    assert methode.id == "exodus:jouw-kracht"
    assert len(methode.principes) == 6
    assert "Deelnemer is regisseur" in methode.principes
    assert methode.stappen == ("Krachteninventarisatie", "Doelen", "Actieplan")


def test_krachteninventarisatie_is_in_the_catalogue_for_exodus(m: ija.Methodiek) -> None:
    inst = m.instrument("exodus:krachteninventarisatie")
    assert inst.aanbieder == "exodus"
    assert inst.resultaat is KrachteninventarisatieResultaat
    assert inst.plaatsing == "suggestie"
    assert m.instrumenten_voor(aanbieder="exodus") == (inst,)
    assert m.bijgedragen_door("instrument", inst.id) == ("exodus",)


def test_registered_adds_the_plugin_only_inside_the_block() -> None:
    with registered(plugin):
        binnen = ija.load_methodiek(entrypoints=False)
    buiten = ija.load_methodiek(entrypoints=False)
    assert "exodus" in {a.id for a in binnen.aanbieders}
    assert "exodus" not in {a.id for a in buiten.aanbieders}


def test_result_round_trips_through_json(m: ija.Methodiek) -> None:
    voorbeeld = KrachteninventarisatieResultaat.voorbeeld()
    tekst = ija.to_json(voorbeeld, methodiek=m)
    assert ija.from_json(tekst, KrachteninventarisatieResultaat, methodiek=m) == voorbeeld


@pytest.mark.parametrize(
    ("data", "pad", "fragment"),
    [
        (
            {"leefgebieden": [{"leefgebied": "financien", "krachten": ["spaart"]}]},
            "$.leefgebieden",
            "Jouw Kracht-leefgebied",
        ),
        (
            {"leefgebieden": [{"leefgebied": "wonen", "krachten": []}]},
            "$.leefgebieden",
            "minstens één kracht",
        ),
        ({"leefgebieden": []}, "$.leefgebieden", "minstens één leefgebied"),
        (
            {
                "leefgebieden": [
                    {"leefgebied": "wonen", "krachten": ["eigen kamer"]},
                    {"leefgebied": "wonen", "krachten": ["betaalt huur op tijd"]},
                ]
            },
            "$.leefgebieden",
            "twee keer",
        ),
        (
            {"leefgebieden": [{"leefgebied": "wonen", "krachten": "eigen kamer"}]},
            "$.leefgebieden",
            "lijst",
        ),
    ],
)
def test_invalid_results_are_refused_with_a_path(
    m: ija.Methodiek, data: object, pad: str, fragment: str
) -> None:
    import orjson

    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.from_json(orjson.dumps(data), KrachteninventarisatieResultaat, methodiek=m)
    fouten = " | ".join(info.value.fouten)
    assert pad in fouten
    assert fragment in fouten


def test_mapping_covers_the_ten_leefgebieden_and_names_only_ija_leefgebieden(
    m: ija.Methodiek,
) -> None:
    assert len(JOUW_KRACHT_LEEFGEBIEDEN) == 10
    assert set(JOUW_KRACHT_NAAR_IJA) == set(JOUW_KRACHT_LEEFGEBIEDEN)
    ija_ids = [lg.id for lg in m.leefgebieden]
    assert list(plugin.IJA_LEEFGEBIEDEN) == ija_ids
    doelen = {doel for doelen in JOUW_KRACHT_NAAR_IJA.values() for doel in doelen}
    assert doelen <= set(ija_ids)
    # Every IJA leefgebied is reachable from at least one Jouw Kracht leefgebied.
    assert doelen == set(ija_ids)


def test_per_ija_leefgebied_regroups_in_handbook_order_without_duplicates() -> None:
    resultaat = KrachteninventarisatieResultaat(
        leefgebieden=[
            Leefgebiedkrachten(leefgebied="ex-partner", krachten=["steunt hem bij afspraken"]),
            Leefgebiedkrachten(leefgebied="geld-inkomen", krachten=["houdt zijn uitgaven bij"]),
            Leefgebiedkrachten(
                leefgebied="familie-vrienden-bekenden",
                krachten=["steunt hem bij afspraken", "oom met een eigen bedrijf"],
            ),
            Leefgebiedkrachten(leefgebied="werk-leren", krachten=["haalde zijn rijbewijs"]),
        ]
    )
    per_ija = resultaat.per_ija_leefgebied()
    assert list(per_ija) == ["scholing", "financien", "werk", "sociaal-netwerk"]
    assert per_ija["sociaal-netwerk"] == ("steunt hem bij afspraken", "oom met een eigen bedrijf")
    assert per_ija["werk"] == per_ija["scholing"] == ("haalde zijn rijbewijs",)
    assert resultaat.zonder_ija_leefgebied() == {}


def test_zingeving_is_shown_apart_not_dropped() -> None:
    resultaat = KrachteninventarisatieResultaat.voorbeeld()
    assert resultaat.zonder_ija_leefgebied() == {
        "zingeving": ("wil een voorbeeld zijn voor zijn broer",)
    }
    alle = {k for krachten in resultaat.per_ija_leefgebied().values() for k in krachten}
    assert "wil een voorbeeld zijn voor zijn broer" not in alle


def test_krachten_op_one_leefgebied() -> None:
    resultaat = KrachteninventarisatieResultaat.voorbeeld()
    assert resultaat.krachten_op("zingeving") == ("wil een voorbeeld zijn voor zijn broer",)
    assert resultaat.krachten_op("wonen") == ()
    with pytest.raises(ValueError, match="onbekend Jouw Kracht-leefgebied"):
        resultaat.krachten_op("financien")


def test_result_is_an_immutable_value() -> None:
    resultaat = KrachteninventarisatieResultaat.voorbeeld()
    assert resultaat == KrachteninventarisatieResultaat.voorbeeld()
    assert hash(resultaat) == hash(KrachteninventarisatieResultaat.voorbeeld())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        resultaat.leefgebieden = ()  # type: ignore[misc]  # the point: frozen refuses this


def test_docs_page_marks_the_mapping_as_a_suggestion(m: ija.Methodiek) -> None:
    paginas = [p for naam, p in m.docs_paginas if naam == "exodus"]
    assert [p.pad for p in paginas] == ["jouw-kracht-leefgebieden.md"]
    inhoud = paginas[0].inhoud
    assert "voorstel van ija-core" in inhoud.lower()
    for label in JOUW_KRACHT_LEEFGEBIEDEN.values():
        assert label in inhoud


def _aangemeld() -> dict[str, object]:
    return {
        "type": "aangemeld",
        "op": "2024-03-01T09:00:00+01:00",
        "traject": "t-exodus",
        "jongere": {"pseudoniem": "J", "geboortedatum": "2007-01-01"},
        "verwijzer": "wijkagent",
        "aanbieder": "exodus",
    }


def _ingezet(resultaat: object) -> dict[str, object]:
    return {
        "type": "instrument-ingezet",
        "op": "2024-03-05T09:00:00+01:00",
        "instrument": "exodus:krachteninventarisatie",
        "resultaat": resultaat,
    }


def test_a_traject_records_an_inventory_and_round_trips(m: ija.Methodiek) -> None:
    data = {"leefgebieden": [{"leefgebied": "wonen", "krachten": ["houdt zijn kamer netjes"]}]}
    t = ija.Traject.replay([_aangemeld(), _ingezet(data)], methodiek=m)
    ingezet = t.events[-1]
    assert isinstance(ingezet, ija.InstrumentIngezet)
    resultaat = ingezet.resultaat
    assert isinstance(resultaat, KrachteninventarisatieResultaat)
    assert resultaat.per_ija_leefgebied() == {"wonen": ("houdt zijn kamer netjes",)}
    assert ija.from_json(ija.to_json(t), ija.Traject, methodiek=m) == t


def test_a_traject_refuses_an_inventory_that_does_not_fit(m: ija.Methodiek) -> None:
    data = {"leefgebieden": [{"leefgebied": "financien", "krachten": ["spaart"]}]}
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.Traject.replay([_aangemeld(), _ingezet(data)], methodiek=m)
    assert info.value.fouten[0].startswith("$[1].resultaat.leefgebieden[0].leefgebied:")
