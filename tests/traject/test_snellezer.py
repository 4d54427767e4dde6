"""The generated fast readers: never more lenient than the detailed converter, same values.

The fast reader of an event class may only *refuse* earlier (the detailed converter then
decodes the event again and explains); whatever it accepts must be exactly what the detailed
converter builds from the same JSON.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

import attrs
import pytest
from attrs import field, frozen, validators
from hypothesis import given
from hypothesis import strategies as st

import ija_core as ija
from ija_core._codec import JAREN, Invoerfout, codec_voor, parse_tijdstip
from ija_core._codec._reader import bouw_lezer, snel_te_bouwen
from ija_core._codec._strict import _TIJDSTIP
from ija_core.traject.events import EVENT_TYPEN, Gebeurtenis, Jongere, PlanOndertekend
from strategies import event_velden_strategy

M = ija.load_methodiek(entrypoints=False)
CODEC = codec_voor(M)
LEZERS = CODEC.lezers()
GEDETAILLEERD = CODEC.gedetailleerd

TIJDSTIPPEN = (
    "2025-03-03T10:00:00+01:00",
    "2025-06-03T10:00:00+02:00",
    "2025-03-03T09:00:00Z",
    "2025-03-03 10:00:00+01:00",
    "2025-03-03T10:00+01:00",
    "2025-03-03T10:00:00.25+01:00",
    "2025-03-03T10:00:00",
    "2025-02-29T10:00:00+01:00",
    "2025-03-03T24:00:00+01:00",
    "2025-W10-1T10:00:00+01:00",
    "20250303T100000+0100",
    "9999-12-31T23:00:00-05:00",
    "9998-12-31T23:00:00-05:00",
    "0001-01-01T00:00:00+00:00",
    "0002-01-01T00:30:00+01:00",
)
BIJNA_GOED: tuple[Any, ...] = (
    "",
    " ",
    "ja",
    "onbekend",
    "jongere",
    "verdieping",
    "financien",
    "kort",
    "actief",
    "2014-02-29",
    "2006-05-01",
    "9999-12-31",
    "0001-01-01",
    "a\ud800b",
    "\udc00",
    "Noör",
    12,
    0,
    1.0,
    True,
    False,
    None,
    [],
    ["jongere"],
    ["jongere", "oma"],
    ("coach",),
    {},
    {"pseudoniem": "Noor", "geboortedatum": "2006-05-01"},
    {"pseudoniem": " ", "geboortedatum": "2006-05-01"},
    {"pseudoniem": "Noor", "geboortedatum": "2006-02-30"},
    {"pseudoniem": "Noor", "geboortedatum": "2006-05-01", "naam": "x"},
    {"pseudoniem": "\ud800", "geboortedatum": "2006-05-01"},
    {"pseudoniem": "Noor", "geboortedatum": "9999-12-31"},
    *TIJDSTIPPEN,
)
json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda kind: (
        st.lists(kind, max_size=3) | st.dictionaries(st.text(max_size=5), kind, max_size=3)
    ),
    max_leaves=6,
)
waarden = st.sampled_from(BIJNA_GOED) | json_waarden


def aangemeld_velden() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "traject": st.sampled_from(("t-1", "bench")),
            "jongere": st.just({"pseudoniem": "Noor", "geboortedatum": "2006-05-01"}),
            "verwijzer": st.sampled_from(("school", "")),
        },
        optional={
            "aanbieder": st.sampled_from((None, "exodus", "futuro")),
            "wijkteam": st.sampled_from((None, "Noord")),
        },
    )


def velden(soort: str) -> st.SearchStrategy[dict[str, Any]]:
    return aangemeld_velden() if soort == "aangemeld" else event_velden_strategy(soort)


def uitkomst(functie: Any, data: dict[str, Any]) -> tuple[bool, Any]:
    try:
        return True, functie(data)
    except ija.OngeldigeInvoer:
        return False, None
    except Exception:  # noqa: BLE001 - any refusal counts the same here
        return False, None


def zelfde(a: Any, b: Any) -> bool:
    """Equal, of the same class, and every field of the same class (a tuple is no list)."""
    if type(a) is not type(b) or a != b:
        return False
    if attrs.has(type(a)):
        return all(zelfde(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    return True


@given(data=st.data())
def test_the_fast_reader_agrees_with_the_detailed_converter(data: st.DataObject) -> None:
    soort = data.draw(st.sampled_from(list(EVENT_TYPEN)), label="soort")
    event: dict[str, Any] = {
        "type": soort,
        "op": data.draw(st.sampled_from(TIJDSTIPPEN), label="op"),
        **data.draw(velden(soort), label="velden"),
    }
    bederving = data.draw(st.sampled_from(("geen", "weg", "extra", "waarde")), label="bederving")
    sleutels = sorted(k for k in event if k != "type")
    if bederving == "weg" and sleutels:
        del event[data.draw(st.sampled_from(sleutels), label="weg")]
    elif bederving == "extra":
        event[data.draw(st.sampled_from(("plaats", "id", "naar", "reden", "door")))] = data.draw(
            waarden, label="extra"
        )
    elif bederving == "waarde" and sleutels:
        event[data.draw(st.sampled_from(sleutels), label="veld")] = data.draw(waarden)
    snel_ok, snel = uitkomst(LEZERS[soort], dict(event))
    detail_ok, detail = uitkomst(lambda d: GEDETAILLEERD.structure(d, Gebeurtenis), dict(event))
    # JSON input: both accept or both refuse, and what they build is the same
    assert snel_ok == detail_ok, (event, snel, detail)
    if snel_ok:
        assert zelfde(snel, detail), (snel, detail)


OP = TIJDSTIPPEN[0]
VOORBEELDEN: dict[str, dict[str, Any]] = {
    "aangemeld": {
        "traject": "t-1",
        "jongere": {"pseudoniem": "Noor", "geboortedatum": "2006-05-01"},
        "verwijzer": "school",
        "aanbieder": "exodus",
        "wijkteam": "Noord",
    },
    "contactpoging": {"kanaal": "app", "gelukt": False},
    "kennismaking": {},
    "verwachtingen-uitgesproken": {},
    "intake": {},
    "fase-gewijzigd": {"naar": "verdieping", "reden": "terug"},
    "hulpvraag-geopend": {"id": "h1", "leefgebied": "wonen", "omschrijving": "adres"},
    "hulpvraag-gesloten": {"id": "h1"},
    "zorg-gemeld": {"id": "z1", "omschrijving": "schulden"},
    "zorg-opgeheven": {"id": "z1"},
    "doel-gesteld": {"id": "d1", "leefgebied": "werk", "termijn": "kort", "omschrijving": "cv"},
    "doel-bijgewerkt": {"id": "d1", "levenscyclus": "actief", "voortgang": "bereikt"},
    "plan-ondertekend": {"door": ["jongere", "coach"]},
    "instrument-ingezet": {"instrument": "ret", "resultaat": None},
    "evaluatie": {"omschrijving": "loopt"},
    "melding": {"soort": "overlast", "bron": "politie"},
    "contact": {"met": "netwerk", "vorm": "gesprek", "betrokkene": "oma"},
    "doorverwezen": {"naar": "wijknetwerk", "warm": True, "betrokkene": "school-1"},
    "afgesloten": {"reden": "justitie"},
    "heropend": {"naar": "uitvoering", "reden": "nieuwe hulpvraag"},
    "opgeschort": {"reden": "buitenland"},
    "hervat": {},
    "betrokkene-toegevoegd": {"id": "oma", "relatie": "familie", "omschrijving": "van vaderskant"},
    "betrokkene-verwijderd": {"id": "oma"},
    "toestemming-gegeven": {"betrokkene": "oma", "voor": "betrekken"},
    "toestemming-ingetrokken": {"betrokkene": "oma", "voor": "gegevens-delen"},
    "jim-gekozen": {"betrokkene": "oma"},
    "regie-belegd": {"bij": "jgc", "reden": "1 gezin, 1 plan"},
    "opgeschaald": {"naar": "pga", "reden": "afspraken niet nagekomen"},
    "afgeschaald": {"reden": "weer in gesprek"},
    "coach-gewisseld": {"reden": "verhuisd naar ander wijkteam"},
}


def test_every_field_of_every_event_against_near_misses() -> None:
    """Exhaustively: each field of each type replaced by each near miss, dropped, or doubled."""
    assert set(VOORBEELDEN) == set(EVENT_TYPEN)
    vergeleken = 0
    for soort, velden_ in VOORBEELDEN.items():
        basis = {"type": soort, "op": OP, **velden_}
        varianten: list[dict[str, Any]] = [basis, {**basis, "plaats": "kantoor"}]
        for sleutel in basis:
            if sleutel != "type":
                varianten.append({k: v for k, v in basis.items() if k != sleutel})
                varianten.extend({**basis, sleutel: waarde} for waarde in BIJNA_GOED)
        for event in varianten:
            snel_ok, snel = uitkomst(LEZERS[soort], dict(event))
            detail_ok, detail = uitkomst(
                lambda d: GEDETAILLEERD.structure(d, Gebeurtenis), dict(event)
            )
            assert snel_ok == detail_ok, (event, snel, detail)
            assert not snel_ok or zelfde(snel, detail), (snel, detail)
            vergeleken += 1
    assert vergeleken > 2000


def test_every_event_type_has_a_generated_reader_except_instrument_ingezet() -> None:
    for soort, cls in EVENT_TYPEN.items():
        gegenereerd = bouw_lezer(cls, CODEC.ids) is not None
        assert gegenereerd == (soort != "instrument-ingezet"), soort


def test_slots_are_set_directly_only_when_init_just_stores() -> None:
    assert snel_te_bouwen(Jongere)
    assert not snel_te_bouwen(PlanOndertekend)  # its converter must run
    for soort, cls in EVENT_TYPEN.items():
        if soort != "plan-ondertekend":
            assert snel_te_bouwen(cls), soort


@frozen(kw_only=True)
class _MetValidator:
    n: int = field(validator=validators.ge(0))
    wanneer: date


@frozen(kw_only=True)
class _MetPostInit:
    tekst: str

    def __attrs_post_init__(self) -> None:
        if self.tekst == "fout":
            raise ValueError("post-init weigert")


@attrs.define(frozen=True, slots=False)
class _ZonderSlots:
    tekst: str


def test_validators_and_post_init_still_run() -> None:
    assert not snel_te_bouwen(_MetValidator)
    lezer = bouw_lezer(_MetValidator, CODEC.ids, met_type=False)
    assert lezer is not None
    assert lezer({"n": 1, "wanneer": "2024-02-29"}) == _MetValidator(n=1, wanneer=date(2024, 2, 29))
    with pytest.raises(ValueError, match="'n' must be >= 0"):
        lezer({"n": -1, "wanneer": "2024-02-29"})
    assert not snel_te_bouwen(_MetPostInit)
    post = bouw_lezer(_MetPostInit, CODEC.ids, met_type=False)
    assert post is not None
    with pytest.raises(ValueError, match="post-init"):
        post({"tekst": "fout"})
    assert not snel_te_bouwen(_ZonderSlots)
    zonder_slots = bouw_lezer(_ZonderSlots, CODEC.ids, met_type=False)
    assert zonder_slots is not None
    assert zonder_slots({"tekst": "a"}) == _ZonderSlots(tekst="a")


def test_an_unsupported_field_type_keeps_the_cattrs_route() -> None:
    @frozen
    class _MetDict:
        scores: dict[str, int]

    assert bouw_lezer(_MetDict, CODEC.ids, met_type=False) is None


def test_events_from_the_fast_reader_are_frozen_values() -> None:
    contact = LEZERS["contact"](
        {"type": "contact", "op": TIJDSTIPPEN[0], "met": "jongere", "vorm": "app"}
    )
    gewoon = ija.Contact(op=datetime.fromisoformat(TIJDSTIPPEN[0]), met="jongere", vorm="app")
    assert contact == gewoon
    assert hash(contact) == hash(gewoon)
    assert repr(contact) == repr(gewoon)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        contact.vorm = "brief"


_SCHEIDING = "0123456789-+:TZ W.,"


def referentie(tekst: str) -> datetime | None:
    """What the full check (pattern, then fromisoformat) makes of a timestamp."""
    if not _TIJDSTIP.match(tekst):
        return None
    try:
        t = datetime.fromisoformat(tekst)
    except ValueError:
        return None
    try:
        utc_jaar = t.astimezone(UTC).year
    except OverflowError:
        return None
    return t if JAREN[0] <= t.year <= JAREN[1] and JAREN[0] <= utc_jaar <= JAREN[1] else None


@given(
    st.lists(st.tuples(st.integers(0, 24), st.sampled_from(_SCHEIDING)), max_size=3).map(
        lambda wijzigingen: "".join(
            dict(wijzigingen).get(i, c) for i, c in enumerate("2025-03-03T10:00:00+01:00")
        )
    )
    | st.text(alphabet=_SCHEIDING, min_size=25, max_size=25)
)
def test_the_timestamp_fast_path_accepts_exactly_what_the_full_check_does(tekst: str) -> None:
    try:
        gelezen: datetime | None = parse_tijdstip(tekst)
    except Invoerfout:
        gelezen = None
    verwacht = referentie(tekst)
    assert gelezen == verwacht
    if gelezen is not None:
        assert gelezen.utcoffset() == verwacht.utcoffset()  # type: ignore[union-attr]  # equal, so not None
        assert re.fullmatch(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d.*", tekst)
