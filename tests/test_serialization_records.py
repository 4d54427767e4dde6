"""A record (attrs class) must come from a JSON object: anything else is a Dutch error.

Before, cattrs reached into a number or a list as if it were an object and the report read
``$.resultaat.personen[0]: AttributeError: ...``.
"""

from __future__ import annotations

from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ija_core as ija
from ija_core.serialization import structure
from ija_core.tools.results import BolletjesschemaResultaat, MindmapResultaat, Persoon

OP = "2025-03-03T09:00:00+01:00"
AANGEMELD = {
    "type": "aangemeld",
    "op": OP,
    "traject": "t-1",
    "jongere": {"pseudoniem": "Noor", "geboortedatum": "2006-05-01"},
    "verwijzer": "school",
}

GEEN_OBJECT = [
    (1, "geheel getal 1"),
    (2.5, "getal 2.5"),
    ("Sam", "tekst 'Sam'"),
    (True, "ja/nee-waarde (true/false) True"),
    (None, "null None"),
    ([], "lijst []"),
]


def fouten(data: Any, cls: type[Any], m: ija.Methodiek) -> tuple[str, ...]:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        structure(data, cls, m)
    return info.value.fouten


@pytest.mark.parametrize(("waarde", "beschrijving"), GEEN_OBJECT)
def test_a_nested_record_that_is_not_an_object(
    m: ija.Methodiek, waarde: Any, beschrijving: str
) -> None:
    assert fouten({"personen": [waarde]}, BolletjesschemaResultaat, m) == (
        f"$.personen[0]: verwacht een object (kreeg {beschrijving})",
    )


def test_the_brief_example_word_for_word(m: ija.Methodiek) -> None:
    assert fouten({"personen": [1]}, BolletjesschemaResultaat, m) == (
        "$.personen[0]: verwacht een object (kreeg geheel getal 1)",
    )


def test_every_wrong_item_is_reported_with_its_index(m: ija.Methodiek) -> None:
    goed = {"naam": "Sam", "relatie": "oom", "belang": 4, "nabijheid": 2}
    data = {"centraal_thema": "school", "takken": [{"naam": "vak"}, "wiskunde", 3]}
    assert fouten(data, MindmapResultaat, m) == (
        "$.takken[1]: verwacht een object (kreeg tekst 'wiskunde')",
        "$.takken[2]: verwacht een object (kreeg geheel getal 3)",
    )
    # objects that fit still decode
    resultaat = structure({"personen": [goed]}, BolletjesschemaResultaat, m)
    assert resultaat.personen == (Persoon(naam="Sam", relatie="oom", belang=4, nabijheid=2),)


def test_a_top_level_record_that_is_not_an_object(m: ija.Methodiek) -> None:
    assert fouten([1, 2], Persoon, m) == ("$: verwacht een object (kreeg lijst [1, 2])",)
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.from_json('"Sam"', Persoon, methodiek=m)
    assert info.value.fouten == ("$: verwacht een object (kreeg tekst 'Sam')",)


def test_inside_a_traject_the_path_starts_at_the_event(m: ija.Methodiek) -> None:
    ingezet = {
        "type": "instrument-ingezet",
        "op": OP,
        "instrument": "bolletjesschema",
        "resultaat": {"personen": [1]},
    }
    tekst = orjson.dumps({"formaat": "ija-traject/1", "events": [AANGEMELD, ingezet]})
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.from_json(tekst, ija.Traject, methodiek=m)
    assert info.value.fouten == (
        "$.events[1].resultaat.personen[0]: verwacht een object (kreeg geheel getal 1)",
    )


def test_jongere_that_is_not_an_object(m: ija.Methodiek) -> None:
    tekst = orjson.dumps({"formaat": "ija-traject/1", "events": [{**AANGEMELD, "jongere": 5}]})
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.from_json(tekst, ija.Traject, methodiek=m)
    assert info.value.fouten == ("$.events[0].jongere: verwacht een object (kreeg geheel getal 5)",)


def _resultaattypen(m: ija.Methodiek) -> list[type[Any]]:
    return sorted(
        {i.resultaat for i in m.instrumenten if i.resultaat is not None}, key=lambda c: c.__name__
    )


def _records_in(cls: type[Any]) -> list[tuple[str, Any]]:
    """(field, a wrong value) for every field holding one record or a tuple of records."""
    gevonden: list[tuple[str, Any]] = []
    for a in attrs.fields(attrs.resolve_types(cls)):
        if isinstance(a.type, type) and attrs.has(a.type):
            gevonden.append((a.name, 7))
        elif any(isinstance(x, type) and attrs.has(x) for x in getattr(a.type, "__args__", ())):
            gevonden.append((a.name, [7]))
    return gevonden


def test_every_result_type_of_every_plugin_refuses_a_non_object(m_alle: ija.Methodiek) -> None:
    typen = _resultaattypen(m_alle)
    assert BolletjesschemaResultaat in typen
    for cls in typen:
        for waarde, beschrijving in GEEN_OBJECT:
            assert fouten(waarde, cls, m_alle) == (
                f"$: verwacht een object (kreeg {beschrijving})",
            ), cls
        for naam, fout in _records_in(cls):
            gevonden = fouten({naam: fout}, cls, m_alle)
            assert any(
                f.startswith(f"$.{naam}") and "verwacht een object (kreeg geheel getal 7)" in f
                for f in gevonden
            ), (cls, gevonden)


json_scalair = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
json_waarde = st.recursive(json_scalair, lambda kind: st.lists(kind, max_size=3), max_leaves=5)


HANDBOEK = ija.load_methodiek(entrypoints=False)


@given(waarde=json_waarde)
def test_no_raw_exception_names_for_any_non_object(waarde: Any) -> None:
    gevonden = fouten({"personen": [waarde]}, BolletjesschemaResultaat, HANDBOEK)
    assert len(gevonden) == 1
    assert gevonden[0].startswith("$.personen[0]: verwacht een object (kreeg ")
    assert "Error" not in gevonden[0]
