"""``ija.json_schema(m)``: the JSON Schema of one event, checked with the ``jsonschema`` library.

The schema must be valid Draft 2020-12, accept every event the library accepts (the casussen
in ``examples/`` and every event of a generated traject that ``Traject.replay`` takes), and
refuse the plain mistakes a frontend can catch before it sends anything.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

import ija_core as ija
from strategies import (
    EVENT_SOORTEN_NA_AANMELDING,
    event_velden_strategy,
    offset_strategy,
    resultaat_strategies,
)

VOORBEELDEN = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.json"))


@pytest.fixture(scope="module")
def validator(m: ija.Methodiek) -> Draft202012Validator:
    return Draft202012Validator(ija.json_schema(m), format_checker=FormatChecker())


def _fouten(validator: Draft202012Validator, event: Any) -> list[str]:
    return [f"{list(f.absolute_path)}: {f.message}" for f in validator.iter_errors(event)]


def test_the_schema_is_valid_draft_2020_12_and_plain_json(m: ija.Methodiek) -> None:
    schema = ija.json_schema(m)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert json.loads(json.dumps(schema)) == schema
    assert list(schema["$defs"]) == list(m.gebeurtenistypen)
    assert schema["properties"]["type"]["enum"] == list(m.gebeurtenistypen)
    for soort, sub in schema["$defs"].items():
        assert sub["additionalProperties"] is False, soort
        assert sub["properties"]["type"] == {"const": soort}
        assert {"type", "op"} <= set(sub["required"])


def test_a_fresh_schema_per_call(m: ija.Methodiek) -> None:
    schema = ija.json_schema(m)
    schema["$defs"].clear()
    assert ija.json_schema(m)["$defs"]


def test_json_schema_wants_a_methodiek() -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="methodiek"):
        ija.json_schema("handboek")  # type: ignore[arg-type]


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_every_example_event_validates(
    pad: Path, m: ija.Methodiek, validator: Draft202012Validator
) -> None:
    events = json.loads(pad.read_text(encoding="utf-8"))["events"]
    assert events
    for i, event in enumerate(events):
        assert _fouten(validator, event) == [], (pad.name, i)


def test_both_traject_and_group_examples_are_covered() -> None:
    formaten = {json.loads(p.read_text(encoding="utf-8"))["formaat"] for p in VOORBEELDEN}
    assert formaten == {"ija-traject/1", "ija-groep/1"}


START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
OFFSETS = {"+01:00": timezone(timedelta(hours=1)), "+02:00": timezone(timedelta(hours=2))}


def _tijdstip(op: datetime, offset: str) -> str:
    if offset == "Z":
        return op.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return op.astimezone(OFFSETS[offset]).isoformat()


@st.composite
def _reeks(draw: st.DrawFn) -> list[dict[str, Any]]:
    aangemeld: dict[str, Any] = {
        "type": "aangemeld",
        "op": _tijdstip(START, draw(offset_strategy())),
        "traject": "schema-1",
        "jongere": {"pseudoniem": "Sam", "geboortedatum": "2007-01-15"},
        "verwijzer": "wijkagent",
    }
    aangemeld.update(
        draw(
            st.dictionaries(
                st.sampled_from(("aanbieder", "wijkteam", "aanleiding", "coach")),
                # no aanbieders without plugins: an aanbieder is refused by both
                st.sampled_from(("exodus", None)),
                max_size=2,
            )
        )
    )
    events = [aangemeld]
    op = START
    for _ in range(draw(st.integers(min_value=0, max_value=25))):
        soort = draw(st.sampled_from(EVENT_SOORTEN_NA_AANMELDING))
        op += timedelta(minutes=draw(st.sampled_from((0, 30, 60 * 24, 60 * 24 * 9))))
        velden = draw(event_velden_strategy(soort))
        events.append({"type": soort, "op": _tijdstip(op, draw(offset_strategy())), **velden})
    return events


@given(events=_reeks())
def test_every_event_replay_accepts_validates(events: list[dict[str, Any]]) -> None:
    m = ija.load_methodiek(entrypoints=False)  # cached; the fixture is not for @given
    validator = _validator(m)
    try:
        t = ija.Traject.replay(events[:1], methodiek=m)
    except ija.OngeldigeInvoer:
        assert _fouten(validator, events[0])  # refused by both (an unknown aanbieder)
        return
    geaccepteerd = [events[0]]
    for event in events[1:]:
        try:
            t = t.registreer(event)
        except ija.IjaError:
            continue
        geaccepteerd.append(event)
    ija.Traject.replay(geaccepteerd, methodiek=m)  # the library's judgement on the whole
    for event in geaccepteerd:
        assert _fouten(validator, event) == [], event


_VALIDATORS: list[tuple[ija.Methodiek, Draft202012Validator]] = []
"""Validators by Methodiek identity (each kept with its Methodiek, so an id is never reused)."""


def _validator(m: ija.Methodiek) -> Draft202012Validator:
    for bekend, validator in _VALIDATORS:
        if bekend is m:
            return validator
    validator = Draft202012Validator(ija.json_schema(m), format_checker=FormatChecker())
    _VALIDATORS.append((m, validator))
    return validator


GOED: dict[str, Any] = {
    "type": "contactpoging",
    "op": "2025-03-03T10:00:00+01:00",
    "kanaal": "app",
    "gelukt": True,
}
AANGEMELD: dict[str, Any] = {
    "type": "aangemeld",
    "op": "2025-03-03T09:00:00+01:00",
    "traject": "t-1",
    "jongere": {"pseudoniem": "Sam", "geboortedatum": "2007-01-15"},
    "verwijzer": "school",
}


def _met(basis: dict[str, Any], **wijziging: Any) -> dict[str, Any]:
    event = copy.deepcopy(basis)
    for veld, waarde in wijziging.items():
        if waarde is _WEG:
            del event[veld]
        else:
            event[veld] = waarde
    return event


_WEG = object()

FOUT: dict[str, dict[str, Any]] = {
    "verplicht-veld-weg": _met(GOED, gelukt=_WEG),
    "op-weg": _met(GOED, op=_WEG),
    "type-weg": _met(GOED, type=_WEG),
    "onbekend-veld": _met(GOED, extra="x"),
    "ja-voor-bool": _met(GOED, gelukt="ja"),
    "getal-voor-tekst": _met(GOED, kanaal=12),
    "onbekend-type": _met(GOED, type="contactpoging-2"),
    "onbekende-fase": {"type": "fase-gewijzigd", "op": GOED["op"], "naar": "fase-5"},
    "onbekende-rol": {"type": "contact", "op": GOED["op"], "met": "buurman", "vorm": "app"},
    "onbekende-relatie": {
        "type": "betrokkene-toegevoegd",
        "op": GOED["op"],
        "id": "oma",
        "relatie": "onbekend",
    },
    "onbekend-leefgebied": {
        "type": "hulpvraag-geopend",
        "op": GOED["op"],
        "id": "h1",
        "leefgebied": "ruimtevaart",
        "omschrijving": "x",
    },
    "onbekende-opschaling": {"type": "opgeschaald", "op": GOED["op"], "naar": "x", "reden": "r"},
    "onbekende-aanbieder": _met(AANGEMELD, aanbieder="acme"),
    "lege-reden": {"type": "afgesloten", "op": GOED["op"], "reden": "   "},
    "tijdstip-zonder-offset": _met(GOED, op="2025-03-03T10:00:00"),
    "tijdstip-met-regeleinde": _met(GOED, op="2025-03-03T10:00:00+01:00\n"),
    "tijdstip-andere-cijfers": _met(GOED, op="٢٠٢٥-03-03T10:00:00+01:00"),
    "jaar-9999": _met(GOED, op="9999-03-03T10:00:00+01:00"),
    "datum-als-tijdstip": _met(
        AANGEMELD, jongere={"pseudoniem": "Sam", "geboortedatum": "2007-01-15T00:00:00Z"}
    ),
    "onbestaande-datum": _met(
        AANGEMELD, jongere={"pseudoniem": "Sam", "geboortedatum": "2007-02-30"}
    ),
    "onbekend-veld-genest": _met(
        AANGEMELD, jongere={"pseudoniem": "Sam", "geboortedatum": "2007-01-15", "naam": "x"}
    ),
    "onbekende-literal": {
        "type": "toestemming-gegeven",
        "op": GOED["op"],
        "betrokkene": "oma",
        "voor": "alles",
    },
    "onbekend-instrument": {
        "type": "instrument-ingezet",
        "op": GOED["op"],
        "instrument": "tarot",
        "resultaat": None,
    },
    "resultaat-bij-instrument-zonder": {
        "type": "instrument-ingezet",
        "op": GOED["op"],
        "instrument": "ret",
        "resultaat": {"x": 1},
    },
    "geen-resultaat-bij-schaalvraag": {
        "type": "instrument-ingezet",
        "op": GOED["op"],
        "instrument": "schaalvraag",
        "resultaat": None,
    },
    "verkeerd-resultaat": {
        "type": "instrument-ingezet",
        "op": GOED["op"],
        "instrument": "schaalvraag",
        "resultaat": {"onderwerp": "thuis", "score": "7", "betekenis_0": "a", "betekenis_10": "b"},
    },
    "resultaat-weg": {"type": "instrument-ingezet", "op": GOED["op"], "instrument": "ret"},
    "groepslid-zonder-traject": {"type": "lid-toegevoegd", "op": GOED["op"]},
    "geen-object": ["contactpoging"],
}


def test_the_good_events_validate(m: ija.Methodiek, validator: Draft202012Validator) -> None:
    for event in (GOED, AANGEMELD):
        assert _fouten(validator, event) == []
        ija.Traject.replay([AANGEMELD, GOED], methodiek=m)


@pytest.mark.parametrize("naam", sorted(FOUT))
def test_a_spoiled_event_does_not_validate_and_the_codec_refuses_it_too(
    naam: str, m: ija.Methodiek, validator: Draft202012Validator
) -> None:
    event = FOUT[naam]
    assert _fouten(validator, event), naam
    groep = isinstance(event, dict) and event.get("type") == "lid-toegevoegd"
    soort = ija.GroepGebeurtenis if groep else ija.Gebeurtenis
    with pytest.raises(ija.OngeldigeInvoer):
        ija.from_json(json.dumps(event), soort, methodiek=m)


def test_optional_fields_may_be_left_out_or_null(validator: Draft202012Validator) -> None:
    assert _fouten(validator, _met(AANGEMELD, aanbieder=None, coach=None)) == []
    assert _fouten(validator, _met(AANGEMELD, wijkteam="noord", coach="c-1")) == []
    assert _fouten(validator, {"type": "hervat", "op": "2025-03-03T10:00Z"}) == []


def test_a_plugins_instrument_is_in_its_methodieks_schema_only(m: ija.Methodiek) -> None:
    ija_exodus = pytest.importorskip("ija_exodus")
    met = ija.load_methodiek(plugins=[ija_exodus], entrypoints=False)
    ids = ija.json_schema(met)["$defs"]["instrument-ingezet"]["properties"]["instrument"]["enum"]
    assert "exodus:krachteninventarisatie" in ids
    assert ids == [i.id for i in met.instrumenten]
    zonder = ija.json_schema(m)["$defs"]["instrument-ingezet"]["properties"]["instrument"]["enum"]
    assert "exodus:krachteninventarisatie" not in zonder
    event = {
        "type": "instrument-ingezet",
        "op": "2025-03-03T10:00:00+01:00",
        "instrument": "exodus:krachteninventarisatie",
        "resultaat": None,
    }
    assert _fouten(_validator(met), event)  # this instrument records a result
    assert _fouten(_validator(m), event)  # and without the plugin it is unknown


def test_ids_come_from_the_methodiek(m: ija.Methodiek) -> None:
    defs = ija.json_schema(m)["$defs"]
    assert defs["fase-gewijzigd"]["properties"]["naar"]["enum"] == [f.id for f in m.fasen]
    assert defs["betrokkene-toegevoegd"]["properties"]["relatie"]["enum"] == [
        r.id for r in m.relaties
    ]
    assert defs["opgeschaald"]["properties"]["naar"]["enum"] == [o.id for o in m.opschalingen]
    assert defs["contact"]["properties"]["met"]["enum"] == [r.id for r in m.rollen]


@given(data=st.data())
def test_every_result_of_every_handbook_instrument_validates(data: st.DataObject) -> None:
    m = ija.load_methodiek(entrypoints=False)
    strategieen = resultaat_strategies()
    instrument = data.draw(st.sampled_from([i for i in m.instrumenten if i.resultaat]))
    resultaat = data.draw(strategieen[instrument.resultaat])
    e = ija.InstrumentIngezet(op=START, instrument=instrument.id, resultaat=resultaat)
    event = json.loads(ija.to_json(e, methodiek=m))
    ija.from_json(json.dumps(event), ija.Gebeurtenis, methodiek=m)  # the codec takes it
    assert _fouten(_validator(m), event) == []
    anders = [i for i in m.instrumenten if i.resultaat and i.resultaat is not instrument.resultaat]
    if anders:  # the same result under another instrument does not fit its class
        assert _fouten(_validator(m), {**event, "instrument": anders[0].id})


@attrs.frozen(kw_only=True)
class _Kaart:
    """A plugin's result with a field type the schema has no form for (a list)."""

    aantal: int
    woorden: list[str]


@attrs.frozen(kw_only=True)
class _Boom:
    """A plugin's result that holds itself (a tree)."""

    naam: str
    takken: tuple[_Boom, ...] = ()


class _KaartPlugin:
    IJA_PLUGIN_NAAM = "schematest"

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder:
        return ija.Aanbieder(id="schematest", naam="Schematest")

    @ija.hookimpl
    def ija_instrumenten(self) -> tuple[ija.Instrument, ...]:
        return (
            ija.Instrument(
                id="schematest:kaart",
                naam="Kaart",
                soort="werkvorm",
                samenvatting="Een kaart.",
                beschrijving="De jongere kiest een kaart.",
                fasen=("vertrouwen",),
                leefgebieden=("sociaal-netwerk",),
                aanbieder="schematest",
                resultaat=_Kaart,
            ),
            ija.Instrument(
                id="schematest:boom",
                naam="Boom",
                soort="werkvorm",
                samenvatting="Een boom.",
                beschrijving="De jongere tekent een boom.",
                fasen=("vertrouwen",),
                leefgebieden=("sociaal-netwerk",),
                aanbieder="schematest",
                resultaat=_Boom,
            ),
        )


def test_a_plugins_result_class_and_aanbieder_are_in_the_schema() -> None:
    m = ija.load_methodiek(plugins=[_KaartPlugin()], entrypoints=False)
    schema = ija.json_schema(m)
    Draft202012Validator.check_schema(schema)
    defs = schema["$defs"]
    assert "schematest" in defs["aangemeld"]["properties"]["aanbieder"]["anyOf"][0]["enum"]
    event = {
        "type": "instrument-ingezet",
        "op": "2025-03-03T10:00:00+01:00",
        "instrument": "schematest:kaart",
        "resultaat": {"aantal": 2, "woorden": ["ja"]},
    }
    ija.from_json(json.dumps(event), ija.Gebeurtenis, methodiek=m)
    validator = _validator(m)
    assert _fouten(validator, event) == []
    assert _fouten(validator, {**event, "resultaat": {"aantal": "2", "woorden": []}})
    assert _fouten(validator, {**event, "resultaat": {"aantal": 2}})  # woorden is required
    assert _fouten(validator, {**event, "resultaat": None})
    boom = {
        **event,
        "instrument": "schematest:boom",
        "resultaat": {"naam": "stam", "takken": [{"naam": "tak", "takken": []}]},
    }
    ija.from_json(json.dumps(boom), ija.Gebeurtenis, methodiek=m)
    assert _fouten(validator, boom) == []
    assert _fouten(validator, {**boom, "resultaat": {"naam": 1}})


def test_result_fields_carry_their_meaning_and_bounds(m: ija.Methodiek) -> None:
    defs = ija.json_schema(m)["$defs"]
    sub = defs["instrument-ingezet"]["allOf"]
    schaal = next(d for d in sub if d["if"]["properties"]["instrument"]["const"] == "schaalvraag")
    score = schaal["then"]["properties"]["resultaat"]["properties"]["score"]
    assert score["type"] == "integer"
    assert "0 tot en met 10" in score["description"]
    assert score["title"]


def _voorbeeld_events() -> list[dict[str, Any]]:
    return [e for p in VOORBEELDEN for e in json.loads(p.read_text(encoding="utf-8"))["events"]]


WAARDEN = (
    None,
    "",
    "   ",
    "x",
    "verdieping",
    "jongere",
    "familie",
    "pga",
    "ret",
    "financien",
    "kort",
    "actief",
    12,
    -1,
    1.5,
    True,
    False,
    [],
    ["x"],
    [" "],
    [12],
    {},
    {"x": 1},
    "2025-01-01",
    "2025-01-01T10:00+01:00",
    "2025-01-01T10:00:00",
)
"""Values a mutation puts in a field: none of them a date that does not exist or a ``1.0``,
which the schema cannot tell from valid ones (see ``json_schema``'s docstring)."""


@given(data=st.data())
def test_the_schema_and_the_codec_agree_on_one_event(data: st.DataObject) -> None:
    """Schema accepts ⇔ the codec reads the event, for mutations of the example events."""
    m = ija.load_methodiek(entrypoints=False)
    event = copy.deepcopy(data.draw(st.sampled_from(_voorbeeld_events())))
    if event.get("aanbieder") is not None:
        del event["aanbieder"]  # the examples' aanbieders are plugins' (not loaded here)
    velden = sorted(event)
    for _ in range(data.draw(st.integers(min_value=0, max_value=2))):
        wat = data.draw(st.sampled_from(("weg", "waarde", "extra")))
        veld = data.draw(st.sampled_from(velden))
        if wat == "weg":
            event.pop(veld, None)
        elif wat == "waarde":
            event[veld] = data.draw(st.sampled_from(WAARDEN))
        else:
            event[data.draw(st.sampled_from(("extra", "id", "naar", "reden", "coach")))] = (
                data.draw(st.sampled_from(WAARDEN))
            )
    codec = False
    for soort in (ija.Gebeurtenis, ija.GroepGebeurtenis):  # the schema is of either
        try:
            ija.from_json(json.dumps(event), soort, methodiek=m)
        except ija.OngeldigeInvoer:
            continue
        codec = True
    schema = not _fouten(_validator(m), event)
    assert schema == codec, (event, _fouten(_validator(m), event))
