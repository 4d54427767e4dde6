"""The instrument catalogue, the ZRM data and the typed instrument results."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, date, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ija_core as ija
from ija_core.tools import zrm
from ija_core.tools.catalogue import (
    EIGEN_WERKWIJZE_IDS,
    GEMEENTELIJKE_INSTRUMENT_IDS,
    HANDBOEK_INSTRUMENT_IDS,
    HANDBOEK_INSTRUMENTEN,
)
from ija_core.tools.model import Instrument
from ija_core.tools.results import (
    BolletjesschemaResultaat,
    JimResultaat,
    MindmapResultaat,
    Persoon,
    Schaalvraagresultaat,
    Tak,
    VijfGResultaat,
    ZrmResultaat,
)
from strategies import persoon_strategy, resultaat_strategies, resultaat_strategy, tak_strategy

FASE_IDS = ("vertrouwen", "verdieping", "uitvoering", "afronding")
LEEFGEBIED_IDS = (
    "scholing",
    "financien",
    "wonen",
    "werk",
    "justitie",
    "gezondheid",
    "vrije-tijd",
    "sociaal-netwerk",
)
HANDBOEK_IDS = (
    "jim",
    "gentle-teaching",
    "ret",
    "5g-model",
    "sociaal-competentiemodel",
    "sturen-op-zelfsturing",
    "motiverende-gespreksvoering",
    "oplossingsgericht-werken",
    "bolletjesschema",
    "mobility-mentoring",
    "cultuursensitief-werken",
    "moreel-redeneren",
    "mijn-pad",
    "mindmap",
    "zrm",
    "provocatieve-technieken",
    "schaalvraag",
)
GEMEENTELIJK_IDS = ("lirik", "meldcode-huiselijk-geweld", "sisa", "veiligheidsprotocol")
EIGEN_IDS = ("mentoring-elke-jongere-telt",)

CATALOGUS = {instrument.id: instrument for instrument in HANDBOEK_INSTRUMENTEN}


def instrument(id: str) -> Instrument:
    return CATALOGUS[id]


# --- the catalogue -------------------------------------------------------------------------


def test_catalogue_holds_the_17_handbook_ids_the_4_municipal_ones_and_mentoring() -> None:
    assert set(CATALOGUS) == set(HANDBOEK_IDS) | set(GEMEENTELIJK_IDS) | set(EIGEN_IDS)
    assert HANDBOEK_INSTRUMENT_IDS == HANDBOEK_IDS
    assert GEMEENTELIJKE_INSTRUMENT_IDS == GEMEENTELIJK_IDS
    assert EIGEN_WERKWIJZE_IDS == EIGEN_IDS


def test_instrument_ids_are_unique() -> None:
    ids = [i.id for i in HANDBOEK_INSTRUMENTEN]
    assert len(ids) == len(set(ids)) == 22


def test_municipal_instruments_have_their_own_soort_and_handbook_ones_do_not() -> None:
    for id in GEMEENTELIJK_IDS:
        assert instrument(id).soort == "gemeentelijk-instrumentarium"
    for id in HANDBOEK_IDS:
        assert instrument(id).soort != "gemeentelijk-instrumentarium", id


def test_every_fase_and_leefgebied_id_used_exists() -> None:
    for i in HANDBOEK_INSTRUMENTEN:
        assert set(i.fasen) <= set(FASE_IDS), i.id
        assert set(i.leefgebieden) <= set(LEEFGEBIED_IDS), i.id
        assert i.fasen, f"{i.id} past in geen enkele fase"
        assert i.leefgebieden, f"{i.id} past bij geen enkel leefgebied"


def test_fase_and_leefgebied_ids_match_the_assembled_methodiek(m: ija.Methodiek) -> None:
    assert tuple(f.id for f in m.fasen) == FASE_IDS
    assert tuple(lg.id for lg in m.leefgebieden) == LEEFGEBIED_IDS


def test_fasen_are_listed_in_phase_order() -> None:
    for i in HANDBOEK_INSTRUMENTEN:
        assert list(i.fasen) == sorted(i.fasen, key=FASE_IDS.index), i.id


def test_fasen_follow_the_handbooks_reuse_rules() -> None:
    """Fase 3 reuses the instruments of fases 1 and 2; afronding those of fases 2 and 3."""
    for i in HANDBOEK_INSTRUMENTEN:
        if {"vertrouwen", "verdieping"} & set(i.fasen):
            assert "uitvoering" in i.fasen, i.id
        if {"verdieping", "uitvoering"} & set(i.fasen):
            assert "afronding" in i.fasen, i.id


def test_only_jim_is_placed_by_the_handbook_itself() -> None:
    geplaatst = {i.id for i in HANDBOEK_INSTRUMENTEN if i.plaatsing == "handboek"}
    assert geplaatst == {"jim"}
    assert instrument("jim").fasen == ("uitvoering", "afronding")
    assert instrument("jim").leefgebieden == ("sociaal-netwerk",)


def test_handbook_instruments_belong_to_no_aanbieder() -> None:
    assert all(i.aanbieder is None for i in HANDBOEK_INSTRUMENTEN)


def test_typed_results_are_attached_to_exactly_six_instruments() -> None:
    met_resultaat = {i.id: i.resultaat for i in HANDBOEK_INSTRUMENTEN if i.resultaat}
    assert met_resultaat == {
        "schaalvraag": Schaalvraagresultaat,
        "5g-model": VijfGResultaat,
        "zrm": ZrmResultaat,
        "bolletjesschema": BolletjesschemaResultaat,
        "mindmap": MindmapResultaat,
        "jim": JimResultaat,
    }


def test_the_assembled_methodiek_serves_the_catalogue(m: ija.Methodiek) -> None:
    assert m.instrument("5g-model") == instrument("5g-model")
    assert {i.id for i in m.instrumenten} >= set(HANDBOEK_IDS) | set(GEMEENTELIJK_IDS)
    in_vertrouwen = {i.id for i in m.instrumenten_voor(fase="vertrouwen")}
    assert "motiverende-gespreksvoering" in in_vertrouwen
    assert "zrm" not in in_vertrouwen


# --- named parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("id", "onderdelen"),
    [
        ("5g-model", ("Gebeurtenis", "Gedachten", "Gevoelens", "Gedrag", "Gevolg")),
        ("gentle-teaching", ("veilig", "geliefd", "liefdevol", "verbonden")),
        (
            "motiverende-gespreksvoering",
            (
                "open vragen stellen",
                "reflectief luisteren",
                "bevestigen",
                "samenvatten",
                "verandertaal uitlokken",
            ),
        ),
        ("provocatieve-technieken", ("warmte", "humor", "uitdaging")),
        (
            "oplossingsgericht-werken",
            ("wondervraag", "schaalvragen", "uitzonderingen", "complimenten"),
        ),
        ("sociaal-competentiemodel", ("ontwikkelingstaken", "vaardigheden")),
        ("mijn-pad", ("werkboek", "app", "scoreoverzicht", "actieplan")),
    ],
)
def test_named_parts(id: str, onderdelen: tuple[str, ...]) -> None:
    assert instrument(id).onderdelen == onderdelen


def test_five_principles_of_sturen_op_zelfsturing_and_five_steps_of_the_meldcode() -> None:
    assert len(instrument("sturen-op-zelfsturing").onderdelen) == 5
    stappen = instrument("meldcode-huiselijk-geweld").onderdelen
    assert len(stappen) == 5
    assert stappen[0] == "signalen in kaart brengen"
    assert "afwegingskader" in stappen[3]
    assert "Veilig Thuis" in stappen[4]


def test_zrm_lists_its_13_domains_as_parts() -> None:
    assert instrument("zrm").onderdelen == tuple(d.naam for d in zrm.ZRM_DOMEINEN)


# --- origins and recognition per facts.md ----------------------------------------------------


@pytest.mark.parametrize(
    ("id", "auteurs", "jaar"),
    [
        ("jim", ("Levi van Dam",), 2013),
        ("gentle-teaching", ("John J. McGee",), None),
        ("ret", ("Albert Ellis",), None),
        ("sociaal-competentiemodel", ("Slot", "Spanjaard"), 1999),
        ("sturen-op-zelfsturing", ("Gejo Duinkerken",), None),
        ("motiverende-gespreksvoering", ("Miller", "Rollnick"), 1991),
        ("oplossingsgericht-werken", ("De Shazer", "Kim Berg"), None),
        ("mobility-mentoring", ("EMPath",), None),
        ("mijn-pad", ("Kenniscentrum Zorginnovatie, Hogeschool Rotterdam",), 2013),
        ("mindmap", ("Tony Buzan",), None),
        ("zrm", ("GGD Amsterdam",), 2017),
        ("provocatieve-technieken", ("Frank Farrelly",), None),
        ("schaalvraag", ("Turnell", "Edwards"), None),
    ],
)
def test_verified_origins(id: str, auteurs: tuple[str, ...], jaar: int | None) -> None:
    herkomst = instrument(id).herkomst
    assert herkomst.status == "geverifieerd"
    assert herkomst.auteurs == auteurs
    assert herkomst.jaar == jaar


def test_verified_origin_notes() -> None:
    assert "2009" in (instrument("sociaal-competentiemodel").herkomst.toelichting or "")
    assert "Bureau Radar" in (instrument("sturen-op-zelfsturing").herkomst.toelichting or "")
    assert "Milwaukee" in (instrument("oplossingsgericht-werken").herkomst.toelichting or "")
    assert "2017" in (instrument("mobility-mentoring").herkomst.toelichting or "")
    assert "EQUIP" in (instrument("moreel-redeneren").herkomst.toelichting or "")
    assert "Signs of Safety" in (instrument("schaalvraag").herkomst.toelichting or "")
    assert instrument("zrm").herkomst.bronvermelding == "zelfredzaamheidmatrix.nl"
    assert instrument("jim").doelgroep == "jongeren van 12 tot 23 jaar"


@pytest.mark.parametrize(
    ("id", "niveau", "jaar"),
    [
        ("oplossingsgericht-werken", "effectief-eerste-aanwijzingen", 2017),
        ("schaalvraag", "goed-onderbouwd", 2017),
        ("gentle-teaching", "goed-onderbouwd", 2016),
    ],
)
def test_verified_recognitions(id: str, niveau: str, jaar: int) -> None:
    erkenning = instrument(id).erkenning
    assert (erkenning.niveau, erkenning.jaar, erkenning.status) == (niveau, jaar, "geverifieerd")


def test_motiverende_gespreksvoering_is_described_but_its_level_is_unknown() -> None:
    erkenning = instrument("motiverende-gespreksvoering").erkenning
    assert erkenning.status == "deels-geverifieerd"
    assert erkenning.niveau is None
    assert erkenning.databank is not None
    assert "Movisie" in erkenning.databank


def test_no_recognition_is_claimed_where_none_was_found() -> None:
    erkend = {"oplossingsgericht-werken", "schaalvraag", "gentle-teaching"}
    for i in HANDBOEK_INSTRUMENTEN:
        if i.id in erkend:
            continue
        assert i.erkenning.niveau is None, i.id
        assert i.erkenning.jaar is None, i.id
        if i.id != "motiverende-gespreksvoering":
            assert i.erkenning.status == "onbekend", i.id


@pytest.mark.parametrize("id", ["bolletjesschema", "lirik"])
def test_unknown_origins_stay_unknown(id: str) -> None:
    herkomst = instrument(id).herkomst
    assert herkomst.status == "onbekend"
    assert herkomst.auteurs == ()
    assert herkomst.jaar is None
    assert herkomst.bronvermelding is None


def test_unknown_facts_never_carry_content() -> None:
    for i in HANDBOEK_INSTRUMENTEN:
        if i.herkomst.status == "onbekend":
            assert (i.herkomst.auteurs, i.herkomst.jaar, i.herkomst.bronvermelding) == ((), None, None)
        if i.erkenning.niveau is not None:
            assert i.erkenning.status == "geverifieerd", i.id


# --- ZRM data ----------------------------------------------------------------------------------


def test_zrm_has_the_13_domains_of_facts_md_in_order() -> None:
    assert zrm.ZRM_DOMEIN_IDS == (
        "financien",
        "werk-opleiding",
        "tijdsbesteding",
        "huisvesting",
        "huiselijke-relaties",
        "geestelijke-gezondheid",
        "lichamelijke-gezondheid",
        "middelengebruik",
        "basale-adl",
        "instrumentele-adl",
        "sociaal-netwerk",
        "maatschappelijke-participatie",
        "justitie",
    )
    assert zrm.zrm_domein("werk-opleiding").naam == "Werk & opleiding"
    assert zrm.zrm_domein("basale-adl").naam == "Basale ADL"


def test_zrm_levels_1_to_5() -> None:
    assert dict(zrm.ZRM_NIVEAUS) == {
        1: "acute problematiek",
        2: "niet zelfredzaam",
        3: "beperkt zelfredzaam",
        4: "voldoende zelfredzaam",
        5: "volledig zelfredzaam",
    }
    with pytest.raises(TypeError):
        zrm.ZRM_NIVEAUS[6] = "x"  # type: ignore[index]  # proving the mapping is read-only


def test_unknown_zrm_domain_lookup_names_the_known_ones() -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="financien") as info:
        zrm.zrm_domein("wonen")
    assert "wonen" in str(info.value)


def test_crosswalk_is_marked_unofficial_and_covers_the_8_leefgebieden() -> None:
    assert zrm.CROSSWALK_IS_OFFICIEEL is False
    assert "geen officiële" in zrm.CROSSWALK_TOELICHTING
    assert "unofficial" in (zrm.__doc__ or "").lower() or "not official" in (zrm.__doc__ or "")
    assert tuple(zrm.LEEFGEBIED_NAAR_ZRM) == LEEFGEBIED_IDS
    gekoppeld = {d for domeinen in zrm.LEEFGEBIED_NAAR_ZRM.values() for d in domeinen}
    assert gekoppeld <= set(zrm.ZRM_DOMEIN_IDS)
    assert set(zrm.ZRM_DOMEIN_IDS) - gekoppeld == {
        "basale-adl",
        "instrumentele-adl",
        "maatschappelijke-participatie",
    }


def test_crosswalk_per_domain() -> None:
    assert zrm.leefgebieden_voor_zrm_domein("werk-opleiding") == ("scholing", "werk")
    assert zrm.leefgebieden_voor_zrm_domein("middelengebruik") == ("gezondheid",)
    assert zrm.leefgebieden_voor_zrm_domein("huiselijke-relaties") == ("sociaal-netwerk",)
    assert zrm.leefgebieden_voor_zrm_domein("basale-adl") == ()


# --- typed results: valid ones -------------------------------------------------------------------


def test_valid_results_construct() -> None:
    s = Schaalvraagresultaat(
        onderwerp="hoe het thuis gaat",
        score=4,
        betekenis_0="ik wil er weg",
        betekenis_10="alles gaat goed",
    )
    assert s.score == 4
    assert (
        VijfGResultaat(
            gebeurtenis="ruzie op school",
            gedachten="ze moeten mij hebben",
            gevoelens="boos",
            gedrag="weggelopen",
            gevolg="geschorst",
        ).gevolg
        == "geschorst"
    )
    b = BolletjesschemaResultaat(
        personen=[Persoon(naam="Sanne", relatie="zus", belang=5, nabijheid=4)]
    )
    assert isinstance(b.personen, tuple)
    assert BolletjesschemaResultaat(personen=()).personen == ()
    mm = MindmapResultaat(
        centraal_thema="werk", takken=[Tak(naam="wensen", onderdelen=["koken", "buiten"])]
    )
    assert mm.takken[0].onderdelen == ("koken", "buiten")
    j = JimResultaat(
        mentor="Ahmed", relatie="oom", gekozen_door_jongere=True, startdatum=date(2024, 3, 1)
    )
    assert j.gekozen_door_jongere is True
    z = ZrmResultaat(variant="zrm-jongeren", scores={"justitie": 2, "financien": 1})
    assert z.scores == {"financien": 1, "justitie": 2}


@pytest.mark.parametrize("score", [0, 10])
def test_schaalvraag_score_bounds_are_inclusive(score: int) -> None:
    s = Schaalvraagresultaat(onderwerp="school", score=score, betekenis_0="a", betekenis_10="b")
    assert s.score == score


def test_zrm_scores_are_read_only_hashable_and_in_domain_order() -> None:
    z = ZrmResultaat(variant="zrm-2017", scores={"justitie": 3, "financien": 2, "huisvesting": 4})
    assert list(z.scores) == ["financien", "huisvesting", "justitie"]
    with pytest.raises(TypeError, match=r"attrs\.evolve"):
        z.scores["financien"] = 5
    with pytest.raises(TypeError):
        z.scores.update({"financien": 5})
    assert z.scores["financien"] == 2
    assert hash(z) == hash(ZrmResultaat(variant="zrm-2017", scores=dict(z.scores)))
    assert pickle.loads(pickle.dumps(z)) == z  # noqa: S301  # our own bytes, made just above
    assert copy.deepcopy(z) == z
    changed = attrs.evolve(z, scores={**z.scores, "financien": 5})
    assert changed.scores["financien"] == 5
    assert z.scores["financien"] == 2


def test_zrm_copies_the_callers_dict() -> None:
    scores = {"financien": 2}
    z = ZrmResultaat(variant="zrm-2017", scores=scores)
    scores["financien"] = 5
    assert z.scores == {"financien": 2}


# --- typed results: invalid ones name the field ---------------------------------------------------


def _schaalvraag(**kwargs: Any) -> Schaalvraagresultaat:
    velden: dict[str, Any] = {
        "onderwerp": "school",
        "score": 5,
        "betekenis_0": "a",
        "betekenis_10": "b",
    }
    return Schaalvraagresultaat(**{**velden, **kwargs})


@pytest.mark.parametrize("score", [11, -1, True, False, 5.0, "5", None])
def test_schaalvraag_refuses_a_bad_score(score: Any) -> None:
    with pytest.raises(
        ValueError, match=r"'score' moet een geheel getal van 0 tot en met 10"
    ) as info:
        _schaalvraag(score=score)
    assert f"(kreeg {score!r})" in str(info.value)


@pytest.mark.parametrize("veld", ["onderwerp", "betekenis_0", "betekenis_10"])
def test_schaalvraag_refuses_blank_texts(veld: str) -> None:
    with pytest.raises(ValueError, match=f"'{veld}' moet een niet-lege tekst zijn"):
        _schaalvraag(**{veld: "  "})


@pytest.mark.parametrize("veld", ["gebeurtenis", "gedachten", "gevoelens", "gedrag", "gevolg"])
def test_vijf_g_refuses_an_empty_g(veld: str) -> None:
    velden = dict.fromkeys(("gebeurtenis", "gedachten", "gevoelens", "gedrag", "gevolg"), "x")
    with pytest.raises(ValueError, match=f"'{veld}'"):
        VijfGResultaat(**{**velden, veld: ""})


@pytest.mark.parametrize(
    ("scores", "verwacht"),
    [
        (
            {"financien": 0},
            r"'scores' moet per ZRM-domein een geheel getal van 1 tot en met 5.*kreeg 0 voor 'financien'",
        ),
        ({"financien": 6}, r"'scores' .*kreeg 6 voor 'financien'"),
        ({"financien": True}, r"'scores' .*kreeg True voor 'financien'"),
        ({"financien": 2.0}, r"'scores' .*kreeg 2.0 voor 'financien'"),
        ({"wonen": 3}, r"'scores' bevat een onbekend ZRM-domein 'wonen'"),
        ({}, r"'scores' moet minstens één ZRM-domein"),
        ([("financien", 3)], r"'scores' moet een object zijn"),
    ],
)
def test_zrm_refuses_bad_scores(scores: Any, verwacht: str) -> None:
    with pytest.raises(ValueError, match=verwacht):
        ZrmResultaat(variant="zrm-2017", scores=scores)


def test_zrm_refuses_an_unknown_variant() -> None:
    with pytest.raises(ValueError, match="'variant'"):
        ZrmResultaat(variant="zrm-2014", scores={"financien": 3})  # type: ignore[arg-type]  # the point of the test


@pytest.mark.parametrize("waarde", [False, "ja", 1, None])
def test_jim_refuses_a_mentor_not_chosen_by_the_young_person(waarde: Any) -> None:
    with pytest.raises(ValueError, match="'gekozen_door_jongere' moet true zijn") as info:
        JimResultaat(
            mentor="Ahmed", relatie="oom", gekozen_door_jongere=waarde, startdatum=date(2024, 1, 1)
        )
    assert "kiest de jongere zelf" in str(info.value)


@pytest.mark.parametrize("startdatum", [datetime(2024, 1, 1, tzinfo=UTC), "2024-01-01", None])
def test_jim_refuses_a_start_that_is_not_a_date(startdatum: Any) -> None:
    with pytest.raises(ValueError, match="'startdatum' moet een datum zijn"):
        JimResultaat(
            mentor="Ahmed", relatie="oom", gekozen_door_jongere=True, startdatum=startdatum
        )


@pytest.mark.parametrize(
    ("veld", "waarde"), [("belang", 0), ("belang", 6), ("nabijheid", True), ("nabijheid", "3")]
)
def test_persoon_refuses_scores_outside_1_to_5(veld: str, waarde: Any) -> None:
    velden: dict[str, Any] = {"naam": "Sanne", "relatie": "zus", "belang": 3, "nabijheid": 3}
    with pytest.raises(ValueError, match=f"'{veld}' moet een geheel getal van 1 tot en met 5"):
        Persoon(**{**velden, veld: waarde})


def test_bolletjesschema_refuses_what_is_not_a_person() -> None:
    with pytest.raises(ValueError, match="'personen' moet een lijst van personen zijn"):
        BolletjesschemaResultaat(personen=[{"naam": "Sanne"}])
    with pytest.raises(ValueError, match="'personen'"):
        BolletjesschemaResultaat(personen="Sanne")


def test_mindmap_needs_a_branch_and_texts() -> None:
    with pytest.raises(ValueError, match="'takken' moet minstens één tak bevatten"):
        MindmapResultaat(centraal_thema="werk", takken=())
    with pytest.raises(ValueError, match="'centraal_thema'"):
        MindmapResultaat(centraal_thema="", takken=[Tak(naam="a")])
    with pytest.raises(ValueError, match="'onderdelen' moet een lijst van niet-lege teksten"):
        Tak(naam="a", onderdelen="koken")
    with pytest.raises(ValueError, match=r"'onderdelen'.*op plaats 1"):
        Tak(naam="a", onderdelen=["koken", " "])


# --- properties ----------------------------------------------------------------------------------


_ONGELDIG = (object(), None, "", " ", 1.5, ["lijst"])
"""Values no field of a result record takes: each is refused in some field by its validator."""


@given(resultaat_strategy(), st.sampled_from(_ONGELDIG), st.data())
def test_every_field_of_a_result_refuses_a_value_of_the_wrong_kind(
    resultaat: Any, waarde: object, data: st.DataObject
) -> None:
    # A valid result with one field swapped for a wrong value must be refused, naming the
    # field: a field without a working validator would let it through.
    veld = data.draw(st.sampled_from([f.name for f in attrs.fields(type(resultaat))]))
    with pytest.raises((ValueError, TypeError), match=veld):
        attrs.evolve(resultaat, **{veld: waarde})


@given(
    persoon_strategy(),
    tak_strategy(),
    st.sampled_from(["belang", "nabijheid"]),
    st.integers().filter(lambda n: not 1 <= n <= 5) | st.booleans(),
    st.text(alphabet=" \t\n", max_size=3),
)
def test_nested_records_refuse_values_just_outside_their_rules(
    persoon: Persoon, tak: Tak, schaal: str, score: int, leeg: str
) -> None:
    with pytest.raises(ValueError, match=schaal):
        attrs.evolve(persoon, **{schaal: score})
    with pytest.raises(ValueError, match="naam"):
        attrs.evolve(persoon, naam=leeg)
    with pytest.raises(ValueError, match="naam"):
        attrs.evolve(tak, naam=leeg)
    with pytest.raises(ValueError, match="onderdelen"):
        attrs.evolve(tak, onderdelen=(*tak.onderdelen, leeg))


def test_there_is_a_strategy_for_every_attached_result_class() -> None:
    attached = {i.resultaat for i in HANDBOEK_INSTRUMENTEN if i.resultaat is not None}
    assert attached == set(resultaat_strategies())
