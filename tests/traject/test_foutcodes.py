"""``OngeldigeInvoer.fouten``: records with ``pad``, ``code`` and ``melding`` that are still
their old ``"pad: melding"`` line of text."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import ija_core as ija
from ija_core.errors import CODES

from .hulp import aangemeld, ev


def records(m: ija.Methodiek, events: Any) -> list[tuple[str, str]]:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.Traject.replay(events, methodiek=m)
    return [(f.pad, f.code) for f in info.value.fouten]


OP = "2025-03-04T10:00:00+01:00"


@pytest.mark.parametrize(
    ("events", "verwacht"),
    [
        ([aangemeld(), ev("contact", 1, met="jongere")], [("$[1].vorm", "ontbreekt")]),
        ([aangemeld(), {"op": OP}], [("$[1].type", "ontbreekt")]),
        ([aangemeld(), ev("intake", 1, plaats="kantoor")], [("$[1]", "onbekend-veld")]),
        ([aangemeld(), ev("contact", 1, met="jongere", vorm=3)], [("$[1].vorm", "type")]),
        ([aangemeld(), {"type": 7, "op": OP}], [("$[1].type", "type")]),
        ([aangemeld(), 5], [("$[1]", "type")]),
        ({"events": 1}, [("$", "type")]),
        ([aangemeld(), {"type": "zzz", "op": OP}], [("$[1].type", "onbekende-waarde")]),
        (
            [aangemeld(), ev("contact", 1, met="buurvrouw", vorm="x")],
            [("$[1].met", "onbekende-waarde")],
        ),
        (
            [aangemeld(), ev("fase-gewijzigd", 1, naar="fase-5")],
            [("$[1].naar", "onbekende-waarde")],
        ),
        ([aangemeld(aanbieder="nergens")], [("$[0].aanbieder", "onbekende-waarde")]),
        (
            [aangemeld(), ev("instrument-ingezet", 1, instrument="tarot", resultaat=None)],
            [("$[1].instrument", "onbekende-waarde")],
        ),
        ([aangemeld("2014-02-29")], [("$[0].jongere.geboortedatum", "ongeldige-datum")]),
        ([aangemeld("1 mei 2006")], [("$[0].jongere.geboortedatum", "ongeldige-datum")]),
        (
            [aangemeld(), {**ev("intake", 1), "op": "2025-03-04T10:00"}],
            [("$[1].op", "ongeldige-datum")],
        ),
        ([aangemeld(), {**ev("intake", 1), "op": 20250304}], [("$[1].op", "type")]),
        ([ev("intake", 0)], [("$[0].type", "ongeldig")]),  # a state problem: the general code
    ],
)
def test_each_kind_of_bad_input_has_its_code(
    m: ija.Methodiek, events: Any, verwacht: list[tuple[str, str]]
) -> None:
    assert records(m, events) == verwacht


def test_several_problems_keep_their_own_codes(m: ija.Methodiek) -> None:
    event = {"type": "contact", "op": "2025-03-04T10:00", "met": "buurvrouw", "vorm": 3, "x": 1}
    assert set(records(m, [aangemeld(), event])) == {
        ("$[1].op", "ongeldige-datum"),
        ("$[1].met", "onbekende-waarde"),
        ("$[1].vorm", "type"),
        ("$[1]", "onbekend-veld"),
    }


def test_from_json_reports_codes_for_the_envelope_and_bad_text(m: ija.Methodiek) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.from_json("{niet json", ija.Traject, methodiek=m)
    assert [(f.pad, f.code) for f in info.value.fouten] == [("$", "geen-json")]
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.from_json('{"formaat": "x", "extra": 1}', ija.Traject, methodiek=m)
    assert {(f.pad, f.code) for f in info.value.fouten} == {
        ("$", "onbekend-veld"),
        ("$.formaat", "onbekende-waarde"),
        ("$.events", "ontbreekt"),
    }


def test_a_record_is_its_old_line_of_text(m: ija.Methodiek) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.Traject.replay([aangemeld(), ev("contact", 1, met="jongere", vorm=3)], methodiek=m)
    (fout,) = info.value.fouten
    assert isinstance(fout, ija.Fout)
    assert isinstance(fout, str)
    assert fout == "$[1].vorm: verwacht tekst (kreeg geheel getal 3)"
    assert str(fout) == f"{fout.pad}: {fout.melding}"
    assert "; ".join(info.value.fouten) == str(fout)
    assert fout.als_json() == {"pad": "$[1].vorm", "code": "type", "melding": fout.melding}
    with pytest.raises(AttributeError):
        fout.code = "ongeldig"  # type: ignore[misc]


def test_plain_text_is_still_accepted_with_the_general_code() -> None:
    e = ija.OngeldigeInvoer(["$.a: fout", "$.b.c: ook fout"])
    assert [(f.pad, f.code, f.melding) for f in e.fouten] == [
        ("$.a", "ongeldig", "fout"),
        ("$.b.c", "ongeldig", "ook fout"),
    ]
    los = ija.OngeldigeInvoer("iets zonder pad")
    assert (los.fouten[0].pad, str(los.fouten[0]), str(los)) == (
        "$",
        "iets zonder pad",
        "iets zonder pad",
    )
    verplaatst = ija.OngeldigeInvoer(
        [ija.Fout("$.x", "type", "m"), "los", "$ zonder dubbele punt"]
    ).met_prefix("$[3]")
    assert [(f.pad, f.code, str(f)) for f in verplaatst.fouten] == [
        ("$[3].x", "type", "$[3].x: m"),
        ("$[3]", "ongeldig", "$[3]: los"),
        ("$[3]", "ongeldig", "$[3] zonder dubbele punt"),
    ]


def test_an_unknown_code_is_refused() -> None:
    with pytest.raises(ValueError, match="foutcode"):
        ija.Fout("$", "oeps", "m")
    assert "toekomst" in CODES


def test_the_error_and_its_records_survive_pickling(m: ija.Methodiek) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.Traject.replay([aangemeld(), ev("contact", 1, met="buurvrouw", vorm=3)], methodiek=m)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        fout = pickle.loads(pickle.dumps(info.value.fouten[0], protocol))  # noqa: S301
        assert (type(fout), fout.als_json()) == (ija.Fout, info.value.fouten[0].als_json())
    terug = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own bytes
    assert type(terug) is ija.OngeldigeInvoer
    assert str(terug) == str(info.value)
    assert [f.als_json() for f in terug.fouten] == [f.als_json() for f in info.value.fouten]
    los = pickle.loads(pickle.dumps(ija.OngeldigeInvoer("iets zonder pad")))  # noqa: S301
    assert (str(los), los.fouten) == ("iets zonder pad", ("iets zonder pad",))
    s = pickle.loads(pickle.dumps(ija.OnbekendeStroom("weg", id="t-9")))  # noqa: S301
    assert (s.id, s.fouten[0].code) == ("t-9", "ongeldig")
