"""Bad input gives OngeldigeInvoer naming the path, never a raw exception or a rule violation."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

import ija_core as ija

from .hulp import aangemeld, ev, tot_afronding, tot_verdieping


def fouten(m: ija.Methodiek, events: list[Any]) -> tuple[str, ...]:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.Traject.replay(events, methodiek=m)
    return info.value.fouten


def een(m: ija.Methodiek, events: list[Any]) -> str:
    gevonden = fouten(m, events)
    assert len(gevonden) == 1, gevonden
    return gevonden[0]


def test_missing_field(m: ija.Methodiek) -> None:
    contact = ev("contact", 1, met="jongere")
    assert een(m, [aangemeld(), contact]).startswith("$[1].vorm: verplicht veld ontbreekt")


def test_unknown_field(m: ija.Methodiek) -> None:
    assert (
        een(m, [aangemeld(), ev("intake", 1, plaats="kantoor")]) == "$[1]: onbekend veld (plaats)"
    )


@pytest.mark.parametrize(
    ("veld", "waarde", "pad"),
    [
        ("gelukt", "ja", "$[1].gelukt"),
        ("gelukt", 1, "$[1].gelukt"),
        ("kanaal", 12, "$[1].kanaal"),
        ("op", 20250301, "$[1].op"),
    ],
)
def test_wrong_type_is_not_coerced(m: ija.Methodiek, veld: str, waarde: Any, pad: str) -> None:
    poging = ev("contactpoging", 1, kanaal="app", gelukt=True)
    poging[veld] = waarde
    assert een(m, [aangemeld(), poging]).startswith(f"{pad}: ")


def test_unknown_event_type_lists_the_known_types(m: ija.Methodiek) -> None:
    fout = een(m, [aangemeld(), ev("telefoontje", 1)])
    assert fout.startswith("$[1].type: onbekend gebeurtenistype 'telefoontje'")
    assert "contactpoging" in fout
    assert "heropend" in fout


def test_missing_type(m: ija.Methodiek) -> None:
    assert een(m, [aangemeld(), {"op": "2025-03-04T10:00:00+01:00"}]).startswith(
        "$[1].type: verplicht veld ontbreekt"
    )


@pytest.mark.parametrize(
    ("event", "pad", "woord"),
    [
        ({"type": "fase-gewijzigd", "naar": "fase-5"}, "$[1].naar", "onbekende fase"),
        ({"type": "heropend", "naar": "eind", "reden": "x"}, "$[1].naar", "onbekende fase"),
        (
            {"type": "hulpvraag-geopend", "id": "h", "leefgebied": "geld", "omschrijving": "x"},
            "$[1].leefgebied",
            "onbekende leefgebied",
        ),
        ({"type": "contact", "met": "buurvrouw", "vorm": "x"}, "$[1].met", "onbekende rol"),
        ({"type": "plan-ondertekend", "door": ["jongere", "oma"]}, "$[1].door[1]", "onbekende rol"),
        (
            {"type": "instrument-ingezet", "instrument": "tarot", "resultaat": None},
            "$[1].instrument",
            "onbekend instrument",
        ),
        (
            {
                "type": "doel-gesteld",
                "id": "d",
                "leefgebied": "werk",
                "termijn": "middel",
                "omschrijving": "x",
            },
            "$[1].termijn",
            "kort, lang",
        ),
    ],
)
def test_unknown_ids(m: ija.Methodiek, event: dict[str, Any], pad: str, woord: str) -> None:
    fout = een(m, [aangemeld(), {"op": "2025-03-04T10:00:00+01:00", **event}])
    assert fout.startswith(f"{pad}: ")
    assert woord in fout


def test_unknown_aanbieder(m: ija.Methodiek) -> None:
    fout = een(m, [aangemeld(aanbieder="nergens")])
    assert fout.startswith("$[0].aanbieder: onbekende aanbieder 'nergens'")


def test_timestamp_without_offset(m: ija.Methodiek) -> None:
    event = ev("intake", 1)
    event["op"] = "2025-03-04T10:00:00"
    assert "UTC-afwijking" in een(m, [aangemeld(), event])


def test_date_that_does_not_exist(m: ija.Methodiek) -> None:
    fout = een(m, [aangemeld("2014-02-29")])
    assert fout.startswith("$[0].jongere.geboortedatum: die datum bestaat niet")
    event = ev("intake", 1)
    event["op"] = "2025-02-29T10:00:00+01:00"
    assert een(m, [aangemeld(), event]).startswith("$[1].op: dat tijdstip bestaat niet")


def test_every_problem_of_an_event_is_reported_together(m: ija.Methodiek) -> None:
    event = {"type": "contact", "op": "2025-03-04T10:00", "met": "buurvrouw", "vorm": 3, "x": 1}
    gevonden = fouten(m, [aangemeld(), event])
    assert {f.split(":")[0] for f in gevonden} == {"$[1].op", "$[1].met", "$[1].vorm", "$[1]"}


def test_first_event_must_be_aangemeld_and_only_once(m: ija.Methodiek) -> None:
    assert een(m, [ev("intake", 0)]).startswith("$[0].type: een traject begint met 'aangemeld'")
    assert een(m, [aangemeld(), aangemeld(dag=1)]).startswith(
        "$[1].type: dit traject is al aangemeld"
    )
    assert een(m, []).startswith("$: ")


def test_invalid_input_comes_before_rules(m: ija.Methodiek) -> None:
    # earlier than the event before it AND closing an unopened hulpvraag: invalid input wins
    events = [aangemeld(dag=5), ev("hulpvraag-gesloten", 1, id="h9")]
    assert een(m, events).startswith("$[1].id: er staat geen hulpvraag 'h9' open")
    # a second aangemeld on a closed traject is invalid input, not traject-afgesloten
    closed = [aangemeld(), ev("afgesloten", 1, reden="verhuisd")]
    assert een(m, [*closed, aangemeld(dag=2)]).startswith("$[2].type:")


def test_open_and_close_hulpvragen_and_zorgen(m: ija.Methodiek) -> None:
    open_h = ev("hulpvraag-geopend", 1, id="h1", leefgebied="wonen", omschrijving="dak")
    assert een(m, [aangemeld(), open_h, open_h]).startswith("$[2].id: hulpvraag 'h1' staat al open")
    assert een(m, [aangemeld(), ev("zorg-opgeheven", 1, id="z1")]).startswith(
        "$[1].id: er staat geen zorg 'z1' open"
    )
    zorg = ev("zorg-gemeld", 1, id="z1", omschrijving="x")
    assert een(m, [aangemeld(), zorg, zorg]).startswith("$[2].id: zorg 'z1' staat al open")
    # closed ids may be opened again
    t = ija.Traject.replay(
        [
            aangemeld(),
            open_h,
            ev("hulpvraag-gesloten", 2, id="h1"),
            open_h | {"op": ev("x", 3)["op"]},
        ],
        methodiek=m,
    )
    assert [h.open for h in t.hulpvragen] == [False, True]


@pytest.mark.parametrize("reden", ["", "   "])
def test_blank_or_missing_reden_on_afgesloten(m: ija.Methodiek, reden: str) -> None:
    events = [*tot_afronding(), ev("afgesloten", 9, reden=reden)]
    assert een(m, events).startswith("$[9].reden: mag niet leeg zijn")
    del events[-1]["reden"]
    assert een(m, events).startswith("$[9].reden: verplicht veld ontbreekt")


def test_doel_ids(m: ija.Methodiek) -> None:
    doel = ev("doel-gesteld", 3, id="d1", leefgebied="werk", termijn="kort", omschrijving="cv")
    assert een(m, [*tot_verdieping(), doel, doel]).startswith("$[5].id: het plan heeft al een doel")
    assert een(
        m, [*tot_verdieping(), ev("doel-bijgewerkt", 3, id="d9", voortgang="bereikt")]
    ).startswith("$[4].id: het plan heeft geen doel 'd9'")
    assert een(m, [*tot_verdieping(), doel, ev("doel-bijgewerkt", 4, id="d1")]) == (
        "$[5]: geef 'levenscyclus', 'voortgang' of allebei"
    )
    fout = een(m, [*tot_verdieping(), doel, ev("doel-bijgewerkt", 4, id="d1", voortgang="klaar")])
    assert fout.startswith("$[5].voortgang: verwacht een van")


def test_instrument_results(m: ija.Methodiek) -> None:
    schaal = {"onderwerp": "thuis", "score": 11, "betekenis_0": "slecht", "betekenis_10": "goed"}
    fout = een(
        m, [aangemeld(), ev("instrument-ingezet", 1, instrument="schaalvraag", resultaat=schaal)]
    )
    assert fout.startswith("$[1].resultaat.score: ")
    fout = een(
        m, [aangemeld(), ev("instrument-ingezet", 1, instrument="schaalvraag", resultaat=None)]
    )
    assert fout.startswith("$[1].resultaat: instrument 'schaalvraag' vraagt een resultaat")
    fout = een(m, [aangemeld(), ev("instrument-ingezet", 1, instrument="ret", resultaat={"a": 1})])
    assert fout.startswith("$[1].resultaat: instrument 'ret' legt geen resultaat vast")
    zonder = ev("instrument-ingezet", 1, instrument="ret")
    assert een(m, [aangemeld(), zonder]).startswith("$[1].resultaat: verplicht veld ontbreekt")
    schaal["score"] = 7
    t = ija.Traject.replay(
        [aangemeld(), ev("instrument-ingezet", 1, instrument="schaalvraag", resultaat=schaal)],
        methodiek=m,
    )
    resultaat = t.ingezette_instrumenten[0].resultaat
    assert type(resultaat).__name__ == "Schaalvraagresultaat"
    assert resultaat.score == 7


def test_registreer_reports_paths_from_the_root(m: ija.Methodiek) -> None:
    t = ija.Traject.replay([aangemeld()], methodiek=m)
    with pytest.raises(ija.OngeldigeInvoer) as info:
        t.registreer({"type": "contact", "op": "2025-03-04T10:00:00+01:00", "met": 5, "vorm": "x"})
    assert info.value.fouten[0].startswith("$.met: ")
    with pytest.raises(ija.OngeldigeInvoer):
        t.registreer("intake")


def test_event_objects_are_checked_like_json(m: ija.Methodiek) -> None:
    t = ija.Traject.replay([aangemeld()], methodiek=m)
    naief = ija.Contact(op=datetime(2025, 3, 4, 10), met="jongere", vorm="app")
    with pytest.raises(ija.OngeldigeInvoer, match="UTC-afwijking"):
        t.registreer(naief)
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\.met: onbekende rol"):
        t.registreer(ija.Contact(op=t.aangemeld_op, met="oma", vorm="app"))
    verkeerd = ija.Contactpoging(op=t.aangemeld_op, kanaal="app", gelukt="ja")  # type: ignore[arg-type]  # the wrong type is the point
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\.gelukt"):
        t.registreer(verkeerd)
    goed = t.registreer(ija.Contact(op=t.aangemeld_op, met="jongere", vorm="app"))
    assert goed.contacten[0].met == "jongere"


def test_replay_wants_a_list(m: ija.Methodiek) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="lijst"):
        ija.Traject.replay("events", methodiek=m)  # type: ignore[arg-type]  # the wrong type is the point
    assert een(m, [aangemeld(), 42]).startswith("$[1]: verwacht een gebeurtenis")
