"""Strict JSON in and out for the definitions, with path-named Dutch errors."""

from __future__ import annotations

from datetime import timedelta

import attrs
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ija_core as ija
from ija_core.serialization import structure, unstructure

METHODIEK = ija.load_methodiek(entrypoints=False)

DEFINITIES = [
    *METHODIEK.fasen,
    *METHODIEK.leefgebieden,
    *METHODIEK.rollen,
    *METHODIEK.kernwaarden,
    *METHODIEK.principes,
    *METHODIEK.themas,
    METHODIEK.doelgroep,
    *METHODIEK.instrumenten,
    *METHODIEK.normen,
]


@pytest.mark.parametrize(
    "obj", DEFINITIES, ids=lambda o: f"{type(o).__name__}:{getattr(o, 'id', '')}"
)
def test_every_definition_round_trips_through_json(obj: object) -> None:
    tekst = ija.to_json(obj)
    assert ija.from_json(tekst, type(obj), methodiek=METHODIEK) == obj


def test_a_fase_in_json_uses_ids_and_iso_durations() -> None:
    data = orjson.loads(ija.to_json(METHODIEK.fase("uitvoering")))
    assert data["id"] == "uitvoering"
    assert data["streefduur"] == "P112D"
    assert [s["id"] for s in data["stappen"]] == [
        "onderzoeken-uitproberen",
        "afstand-nemen",
        "evalueren",
    ]


def test_instrument_result_types_are_named_in_json() -> None:
    data = orjson.loads(ija.to_json(METHODIEK.instrument("schaalvraag")))
    assert data["resultaat"].endswith(":Schaalvraagresultaat")
    data["resultaat"] = "os:system"
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\.resultaat: onbekend resultaattype"):
        structure(data, ija.Instrument, METHODIEK)


def _leefgebied() -> dict[str, object]:
    return {"id": "financien", "naam": "Financiën", "beschrijving": "Geld."}


@pytest.mark.parametrize(
    ("wijziging", "fout"),
    [
        ({"naam": 12}, "$.naam: verwacht tekst"),
        ({"extra": 1}, "$: onbekend veld (extra)"),
        ({"id": None}, "$.id: verwacht tekst"),
        ({"id": "Financiën"}, "$.id: 'id' moet een id in kleine letters"),
        ({"naam": "  "}, "$.naam: 'naam' moet een niet-lege tekst zijn"),
    ],
)
def test_bad_input_names_the_path(wijziging: dict[str, object], fout: str) -> None:
    data = _leefgebied() | wijziging
    with pytest.raises(ija.OngeldigeInvoer) as info:
        structure(data, ija.Leefgebied)
    assert any(f.startswith(fout) for f in info.value.fouten), info.value.fouten


def test_a_missing_field_is_reported() -> None:
    data = _leefgebied()
    del data["beschrijving"]
    with pytest.raises(ija.OngeldigeInvoer) as info:
        structure(data, ija.Leefgebied)
    assert info.value.fouten == ("$.beschrijving: verplicht veld ontbreekt",)


def test_every_problem_is_listed_at_once() -> None:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        structure({"id": 3, "naam": True}, ija.Leefgebied)
    assert len(info.value.fouten) == 3


def test_no_silent_coercion_of_bools_ints_and_lists() -> None:
    norm = unstructure(METHODIEK.norm("fase-streefduur"))
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\.pauzeerbaar: verwacht true of false"):
        structure(norm | {"pauzeerbaar": "ja"}, ija.Norm)
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\.dagen: verwacht een geheel getal"):
        structure(norm | {"dagen": 3.7}, ija.Norm)
    thema = unstructure(METHODIEK.thema("schulden"))
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\.acties: verwacht een lijst"):
        structure(thema | {"acties": "bellen"}, ija.Thema)


def test_nested_paths_and_list_indices() -> None:
    fase = unstructure(METHODIEK.fase("vertrouwen"))
    fase["stappen"][2]["naam"] = 5
    with pytest.raises(ija.OngeldigeInvoer) as info:
        structure(fase, ija.FaseDefinitie)
    assert info.value.fouten == ("$.stappen[2].naam: verwacht tekst (kreeg geheel getal 5)",)


def test_not_json_at_all() -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="geen geldige JSON"):
        ija.from_json("{kapot", ija.Leefgebied)


@pytest.mark.parametrize(
    ("tekst", "duur"),
    [
        ("P28D", timedelta(weeks=4)),
        ("PT24H", timedelta(hours=24)),
        ("P1DT2H30M", timedelta(days=1, hours=2, minutes=30)),
    ],
)
def test_durations_are_iso_8601(tekst: str, duur: timedelta) -> None:
    data = unstructure(METHODIEK.fase("vertrouwen")) | {"streefduur": tekst}
    assert structure(data, ija.FaseDefinitie).streefduur == duur


@given(
    st.builds(
        ija.Leefgebied,
        id=st.from_regex(r"[a-z]{1,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True),
        naam=st.text(min_size=1).filter(str.strip),
        beschrijving=st.text(min_size=1).filter(str.strip),
    )
)
def test_leefgebied_round_trip_property(lg: ija.Leefgebied) -> None:
    assert ija.from_json(ija.to_json(lg), ija.Leefgebied) == lg


@given(
    st.builds(
        ija.Herkomst,
        auteurs=st.lists(st.text(min_size=1).filter(str.strip), max_size=3),
        jaar=st.none() | st.integers(1900, 2100),
        toelichting=st.none() | st.text(min_size=1).filter(str.strip),
        status=st.sampled_from(["geverifieerd", "deels-geverifieerd", "onbekend"]),
    )
)
def test_herkomst_round_trip_property(h: ija.Herkomst) -> None:
    assert ija.from_json(ija.to_json(h), ija.Herkomst) == h


@given(fase=st.sampled_from(METHODIEK.fasen), weken=st.integers(1, 60))
def test_fase_round_trip_property(fase: ija.FaseDefinitie, weken: int) -> None:
    variant = attrs.evolve(fase, streefduur=timedelta(weeks=weken))
    assert ija.from_json(ija.to_json(variant), ija.FaseDefinitie) == variant
