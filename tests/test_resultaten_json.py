"""Every instrument's typed result round-trips through JSON; bad results get path-named errors."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import given

import ija_core as ija
from ija_core.serialization import structure, unstructure
from ija_core.tools.results import Schaalvraagresultaat, ZrmResultaat
from strategies import resultaat_strategy

M = ija.load_methodiek(entrypoints=False)


@given(resultaat_strategy())
def test_every_typed_result_round_trips_through_json(resultaat: Any) -> None:
    tekst = ija.to_json(resultaat, methodiek=M)
    assert ija.from_json(tekst, type(resultaat), methodiek=M) == resultaat


def test_every_attached_result_class_has_a_json_round_trip_strategy() -> None:
    from strategies import resultaat_strategies

    gekoppeld = {i.resultaat for i in M.instrumenten if i.resultaat is not None}
    assert gekoppeld <= set(resultaat_strategies())


def _schaal(**kw: object) -> dict[str, object]:
    return {
        "onderwerp": "Hoe gaat het thuis?",
        "score": 6,
        "betekenis_0": "het kan niet slechter",
        "betekenis_10": "helemaal goed",
    } | kw


@pytest.mark.parametrize(
    ("data", "cls", "pad"),
    [
        (_schaal(score=11), Schaalvraagresultaat, "$.score:"),
        (_schaal(score="6"), Schaalvraagresultaat, "$.score: verwacht een geheel getal"),
        (_schaal(score=True), Schaalvraagresultaat, "$.score: verwacht een geheel getal"),
        ({"variant": "zrm-2017", "scores": {"financien": 0}}, ZrmResultaat, "$.scores"),
        ({"variant": "zrm-2017", "scores": {"geluk": 3}}, ZrmResultaat, "$.scores"),
        ({"variant": "zrm-2017", "scores": {"financien": 6}}, ZrmResultaat, "$.scores"),
        (
            {"variant": "zrm-2030", "scores": {"financien": 3}},
            ZrmResultaat,
            "$.variant: verwacht een van 'zrm-2017', 'zrm-jongeren' (kreeg 'zrm-2030')",
        ),
    ],
)
def test_bad_results_give_path_named_errors(data: dict[str, Any], cls: type[Any], pad: str) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.from_json(orjson.dumps(data), cls, methodiek=M)
    assert any(f.startswith(pad) for f in info.value.fouten), info.value.fouten


def test_zrm_result_json_is_a_plain_mapping_of_domain_to_level() -> None:
    zrm = ZrmResultaat(variant="zrm-jongeren", scores={"financien": 2, "justitie": 4})
    data = unstructure(zrm, M)
    assert data == {"variant": "zrm-jongeren", "scores": {"financien": 2, "justitie": 4}}
    assert structure(data, ZrmResultaat, M) == zrm
