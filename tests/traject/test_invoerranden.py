"""Input at the edges: whatever comes in, only the library's own errors come out, in Dutch.

Each case here escaped as a raw Python exception (or English text) before the codec was
rebuilt: non-text keys, lone surrogates, sentinel dates in year 9999, wrong-typed arguments,
orjson's syntax messages, a BOM, and event numbers counted from 0 in text for people.
"""

# ruff: noqa: PT017 - the fuzz test inspects whichever error comes
from __future__ import annotations

import re
from typing import Any

import orjson
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import ija_core as ija

from .hulp import aangemeld, ev

M = ija.load_methodiek(entrypoints=False)
ENGELS = re.compile(
    r"\b(unexpected|expected|Input is|empty|data|character|invalid|after|Error|Exception)\b"
)


def _contacten(n: int) -> list[dict[str, Any]]:
    return [aangemeld()] + [ev("contact", i + 1, met="jongere", vorm="app") for i in range(n)]


# --- keys that are not text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "pad"),
    [
        ({**ev("contact", 1, met="jongere", vorm="app"), 1: "x"}, "$[1]"),
        ({**ev("contact", 1, met="jongere", vorm="app"), ("a",): "x"}, "$[1]"),
        ({**ev("instrument-ingezet", 1, instrument="ret", resultaat=None), 2: 3}, "$[1]"),
    ],
)
def test_a_key_that_is_not_text_is_invalid_input_with_a_path(event: Any, pad: str) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.Traject.replay([aangemeld(), event], methodiek=M)
    assert info.value.fouten[0].startswith(f"{pad}: veldnaam")
    assert "geen tekst" in info.value.fouten[0]


def test_a_key_that_is_not_text_in_a_nested_object() -> None:
    eerste = aangemeld()
    eerste["jongere"] = {**eerste["jongere"], 5: "x"}
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.Traject.replay([eerste], methodiek=M)
    assert info.value.fouten == ("$[0].jongere: veldnaam 5 is geen tekst (geheel getal)",)


# --- lone surrogates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "event",
    [
        ev("contact", 1, met="jongere", vorm="a\ud800"),
        {**ev("melding", 1, bron="\udc00"), "soort": "overlast"},
        ev("afgesloten", 1, reden="x\ud83d"),
        ev("hulpvraag-geopend", 1, id="h\ud800", leefgebied="wonen", omschrijving="o"),
    ],
)
def test_a_lone_surrogate_is_refused_on_the_way_in(event: dict[str, Any]) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.Traject.replay([aangemeld(), event], methodiek=M)
    assert info.value.fouten[0].startswith("$[1].")
    assert "losse surrogaat" in info.value.fouten[0]
    t = ija.Traject.replay([aangemeld()], methodiek=M)
    with pytest.raises(ija.OngeldigeInvoer, match="losse surrogaat"):
        t.registreer(event)


def test_a_lone_surrogate_in_an_event_object_or_a_pseudonym() -> None:
    eerste = aangemeld()
    eerste["jongere"] = {**eerste["jongere"], "pseudoniem": "N\ud800"}
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\[0\]\.jongere\.pseudoniem: .*surrogaat"):
        ija.Traject.replay([eerste], methodiek=M)
    t = ija.Traject.replay([aangemeld()], methodiek=M)
    contact = ija.Contact(op=t.aangemeld_op, met="jongere", vorm="\ud800")
    with pytest.raises(ija.OngeldigeInvoer, match="surrogaat"):
        t.registreer(contact)


def test_valid_unicode_beyond_ascii_is_kept_and_written() -> None:
    t = ija.Traject.replay(
        [aangemeld(), ev("contact", 1, met="jongere", vorm="gesprek 👍 é ñ")], methodiek=M
    )
    assert ija.from_json(ija.to_json(t), ija.Traject, methodiek=M) == t


# --- years 1 and 9999 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "op",
    [
        "9999-12-31T23:00-05:00",
        "9999-12-31T23:00:00+01:00",
        "9998-12-31T23:00:00-05:00",  # its UTC instant is in 9999
        "0001-01-01T00:00:00+00:00",
        "0002-01-01T00:30:00+01:00",  # its UTC instant is in year 1
    ],
)
def test_a_timestamp_at_the_edge_of_time_is_invalid_input(op: str) -> None:
    eerste = {**aangemeld(), "op": op}
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.Traject.replay([eerste], methodiek=M)
    assert info.value.fouten == (
        f"$[0].op: tijdstip buiten het ondersteunde bereik, de jaren 0002 tot en met 9998 "
        f"(kreeg {op!r})",
    )
    tekst = orjson.dumps([eerste])
    with pytest.raises(ija.OngeldigeInvoer, match="ondersteunde bereik"):
        ija.from_json(tekst, ija.Traject, methodiek=M)


def test_a_sentinel_date_of_birth_is_invalid_input() -> None:
    eerste = aangemeld()
    eerste["jongere"] = {**eerste["jongere"], "geboortedatum": "9999-12-31"}
    with pytest.raises(ija.OngeldigeInvoer, match=r"geboortedatum: datum buiten het onder"):
        ija.Traject.replay([eerste], methodiek=M)


def test_the_last_supported_year_still_works() -> None:
    eerste = {
        **aangemeld(),
        "op": "9998-06-01T10:00:00+02:00",
        "jongere": {"pseudoniem": "Ver", "geboortedatum": "9980-01-01"},
    }
    t = ija.Traject.replay(
        [eerste, {**ev("kennismaking", 0), "op": "9998-12-31T23:59:00+00:00"}], methodiek=M
    )
    assert ija.from_json(ija.to_json(t), ija.Traject, methodiek=M) == t


# --- wrong-typed arguments -------------------------------------------------------------------


def test_methodiek_none_or_wrong_is_invalid_input() -> None:
    tekst = orjson.dumps([aangemeld()])
    for slecht in (None, "handboek", 5, object()):
        with pytest.raises(ija.OngeldigeInvoer, match=r"^methodiek: verwacht een Methodiek"):
            ija.Traject.replay([aangemeld()], methodiek=slecht)  # type: ignore[arg-type]
        with pytest.raises(ija.OngeldigeInvoer, match=r"^methodiek: verwacht een Methodiek"):
            ija.from_json(tekst, ija.Traject, methodiek=slecht)  # type: ignore[arg-type]
        with pytest.raises(ija.OngeldigeInvoer, match=r"^methodiek: verwacht een Methodiek"):
            ija.from_json(orjson.dumps(aangemeld()), ija.Gebeurtenis, methodiek=slecht)  # type: ignore[arg-type]


def test_from_json_without_methodiek_never_looks_for_plugins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.metadata

    def geen_zoektocht(**_: Any) -> Any:
        raise AssertionError("entry points looked up while decoding")

    monkeypatch.setattr(importlib.metadata, "entry_points", geen_zoektocht)
    with pytest.raises(ija.OngeldigeInvoer, match="methodiek"):
        ija.from_json(orjson.dumps([aangemeld()]), ija.Traject)
    # definitions need no methodiek
    ret = M.instrument("ret")
    assert ija.from_json(ija.to_json(ret), ija.Instrument) == ret


@pytest.mark.parametrize(
    "obj", [object(), complex(1, 2), [object()], {"a": object()}, {"a": "\ud800"}]
)
def test_to_json_of_something_it_cannot_write_is_invalid_input(obj: Any) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match=r"^\$: .* is niet als JSON te schrijven") as info:
        ija.to_json(obj)
    assert not ENGELS.search(str(info.value)), info.value


def test_to_json_says_what_it_could_not_write() -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="losse surrogaat"):
        ija.to_json({"a": "\ud800"})
    with pytest.raises(ija.OngeldigeInvoer, match="groter dan 64 bits"):
        ija.to_json([2**70])
    with pytest.raises(ija.OngeldigeInvoer, match="waarde van type complex"):
        ija.to_json([1j])


@pytest.mark.parametrize("tekst", [5, None, ["[]"], object()])
def test_from_json_of_something_that_is_not_text(tekst: Any) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match=r"^\$: verwacht JSON-tekst"):
        ija.from_json(tekst, ija.Traject, methodiek=M)


@pytest.mark.parametrize("cls", ["Traject", None, 5, ija.Traject.replay])
def test_from_json_into_something_that_is_not_a_class(cls: Any) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match=r"^cls: verwacht een klasse"):
        ija.from_json("[]", cls, methodiek=M)


@pytest.mark.parametrize("events", [5, None, "aangemeld", {"type": "aangemeld"}, iter([])])
def test_replay_of_something_that_is_not_a_list(events: Any) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match=r"^\$: verwacht een lijst"):
        ija.Traject.replay(events, methodiek=M)


@pytest.mark.parametrize("event", [5, None, "contact", ["contact"], object()])
def test_registreer_of_something_that_is_not_an_event(event: Any) -> None:
    t = ija.Traject.replay([aangemeld()], methodiek=M)
    with pytest.raises(ija.OngeldigeInvoer, match=r"^\$: verwacht een gebeurtenis"):
        t.registreer(event)


# --- JSON syntax, in Dutch -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "regel", "kolom", "bericht"),
    [
        ("", 1, 1, "het document is leeg"),
        ("   ", 1, 1, "het document is leeg"),
        ("[", 1, 2, "de tekst houdt midden in een waarde op"),
        ('{"formaat": "ija-traject/1",\n "events": [}', 2, 13, "verwacht een JSON-waarde"),
        ("[1 2]", 1, 4, "verwacht ',' of ']'"),
        ('{"a" 1}', 1, 6, "verwacht ':' na de veldnaam"),
        ("[1,]", 1, 3, "komma na het laatste element"),
        ("[] x", 1, 4, "nog tekst na het einde van het document"),
        ("tru", 1, 4, "de tekst houdt midden in een waarde op"),
        ("nope", 1, 1, "onbekend woord"),
        ("x", 1, 1, "verwacht een JSON-waarde"),
        ('"\\ud800"', 1, 2, "ongeldige surrogaat"),
        ('"a\nb"', 1, 3, "stuurteken"),
        ("01", 1, 1, "voorloopnul"),
        ("1e999", 1, 1, "getal te groot"),
        ("[" * 2000, 1, 1026, "te diep genest"),
    ],
)
def test_json_syntax_errors_are_dutch_with_line_and_column(
    tekst: str, regel: int, kolom: int, bericht: str
) -> None:
    for invoer in (tekst, tekst.encode()):
        with pytest.raises(ija.OngeldigeInvoer) as info:
            ija.from_json(invoer, ija.Traject, methodiek=M)
        (fout,) = info.value.fouten
        assert fout.startswith(f"$: geen geldige JSON (regel {regel}, kolom {kolom}): ")
        assert bericht in fout
        assert not ENGELS.search(fout), fout


def test_bytes_that_are_not_utf8_are_dutch() -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="geen geldige UTF-8-tekst"):
        ija.from_json(b'["\xff"]', ija.Traject, methodiek=M)


# --- a byte order mark -----------------------------------------------------------------------


def test_text_and_bytes_with_a_bom_are_read() -> None:
    t = ija.Traject.replay(_contacten(2), methodiek=M)
    tekst = ija.to_json(t)
    assert ija.from_json("\ufeff" + tekst, ija.Traject, methodiek=M) == t
    assert ija.from_json(b"\xef\xbb\xbf" + tekst.encode(), ija.Traject, methodiek=M) == t
    assert ija.from_json(bytearray(b"\xef\xbb\xbf" + tekst.encode()), ija.Traject, methodiek=M) == t


def test_a_bom_in_the_middle_is_still_an_error() -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="geen geldige JSON"):
        ija.from_json("[\ufeff]", ija.Traject, methodiek=M)


# --- event numbers for people ----------------------------------------------------------------


def test_a_violation_counts_events_from_one_in_its_message() -> None:
    events = [aangemeld(), ev("fase-gewijzigd", 1, naar="verdieping")]
    with pytest.raises(ija.RegelOvertreding) as info:
        ija.Traject.replay(events, methodiek=M)
    assert info.value.index == 1
    assert str(info.value).startswith("gebeurtenis 2: regel contact-voor-verdieping")


def test_invalid_input_keeps_zero_based_json_paths() -> None:
    events = [aangemeld(), ev("contact", 1, met="oma", vorm="app")]
    with pytest.raises(ija.OngeldigeInvoer) as info:
        ija.Traject.replay(events, methodiek=M)
    assert info.value.fouten[0].startswith("$[1].met: onbekende rol 'oma'")


# --- fuzz: anything at all ---------------------------------------------------------------------

sleutels = st.one_of(
    st.sampled_from(("type", "op", "met", "vorm", "jongere", "reden", "naar", "id")),
    st.text(max_size=4),
    st.integers(-2, 2),
    st.none(),
)
tekst = st.text(max_size=6) | st.sampled_from(("a\ud800", "\udfff", "\ufeff", "é"))
tijdstippen = st.sampled_from(
    (
        "2025-03-04T10:00:00+01:00",
        "9999-12-31T23:00-05:00",
        "0001-01-01T00:00:00Z",
        "9998-12-31T23:59:59-14:00",
        "0002-01-01T00:00:00+14:00",
    )
)
waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | tekst | tijdstippen,
    lambda kind: st.lists(kind, max_size=3) | st.dictionaries(sleutels, kind, max_size=3),
    max_leaves=8,
)
soorten = st.sampled_from((*ija.traject.EVENT_TYPEN, "x"))
events = st.builds(
    lambda soort, op, rest: {**rest, "type": soort, "op": op},
    soorten,
    tijdstippen | waarden,
    st.dictionaries(sleutels, waarden, max_size=5),
)


@given(st.lists(events | waarden, min_size=1, max_size=4), st.booleans())
@example([{**aangemeld(), "op": "9999-12-31T23:00-05:00"}], True)
@example([aangemeld(), {**ev("contact", 1, met="jongere", vorm="x"), 1: "y"}], False)
@example([aangemeld(), ev("contact", 1, met="jongere", vorm="\ud800")], True)
def test_replay_of_anything_raises_only_library_errors(
    lijst: list[Any], eerst_aangemeld: bool
) -> None:
    if eerst_aangemeld:
        lijst = [aangemeld(), *lijst]
    try:
        t = ija.Traject.replay(lijst, methodiek=M)
    except ija.IjaError as exc:
        assert str(exc)
        if isinstance(exc, ija.OngeldigeInvoer):
            assert all(re.match(r"^\$", f) for f in exc.fouten), exc.fouten
        return
    # whatever was accepted can be written and read back
    assert ija.from_json(ija.to_json(t), ija.Traject, methodiek=M) == t


@given(st.binary(max_size=40) | st.text(max_size=40))
@example(b"\xef\xbb\xbf")
@example("\ufeff[")
def test_from_json_of_any_text_raises_only_library_errors(tekst: bytes | str) -> None:
    try:
        ija.from_json(tekst, ija.Traject, methodiek=M)
    except ija.OngeldigeInvoer as exc:
        assert not ENGELS.search(str(exc).split("(kreeg")[0]), exc.fouten
    except ija.IjaError:
        pass


def test_an_event_object_holding_something_json_cannot_hold() -> None:
    t = ija.Traject.replay([aangemeld()], methodiek=M)
    contact = ija.Contact(op=t.aangemeld_op, met="jongere", vorm=object())  # type: ignore[arg-type]
    with pytest.raises(ija.OngeldigeInvoer) as info:
        t.registreer(contact)
    assert info.value.fouten == ("$.vorm: Contact.vorm is geen waarde voor JSON (kreeg object)",)
    with pytest.raises(ija.OngeldigeInvoer, match=r"^\$\[1\]\.vorm: "):
        ija.Traject.replay([aangemeld(), contact], methodiek=M)
