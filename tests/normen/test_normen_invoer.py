"""What ``normtoets`` and ``signalen`` do with input off the happy path: only ``OngeldigeInvoer``.

Not a Traject, a list of something else, the same traject twice, a peildatum that is a
datetime or a text, unknown norm ids, no methodiek, and dates at the edges of the calendar
(sentinel timestamps like 9999-12-31 are common in real databases).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ija_core as ija
from ija_core import _instant
from ija_core.normen._texts import dag, datum_tekst, moment_tekst
from normen.bouw import aangemeld, ev, traject

M = ija.load_methodiek(entrypoints=False)
P = date(2024, 4, 1)
T = traject(aangemeld(), m=M)


@pytest.mark.parametrize("waarde", [None, 5, "t1", b"t1", T])
def test_signalen_wants_a_collection_of_trajecten(waarde: Any) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match=r"^trajecten: verwacht een lijst van Trajecten"):
        ija.signalen(waarde, peildatum=P, methodiek=M)


@pytest.mark.parametrize("waarde", [5, None, "t1", {"id": "t1", "events": []}])
def test_signalen_names_the_place_of_what_is_not_a_traject(waarde: Any) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as exc:
        ija.signalen([T, waarde], peildatum=P, methodiek=M)
    assert exc.value.fouten == (
        f"$[1]: verwacht een Traject (ija.Traject.replay of ija.from_json), "
        f"kreeg {type(waarde).__name__}",
    )


@pytest.mark.parametrize("waarde", [None, "x", 5, {"id": "t1", "events": []}])
def test_normtoets_wants_a_traject(waarde: Any) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match=r"^traject: verwacht een Traject"):
        ija.normtoets(waarde, peildatum=P, methodiek=M)


@pytest.mark.parametrize("kopie", [False, True], ids=["same-object", "equal-copy"])
def test_the_same_traject_twice_is_refused_naming_both_places(kopie: bool) -> None:
    t = traject(aangemeld(traject="dubbel"), m=M)
    ander = traject(aangemeld(traject="ander"), m=M)
    tweede = attrs.evolve(t) if kopie else t
    with pytest.raises(ija.OngeldigeInvoer) as exc:
        ija.signalen([t, ander, tweede], peildatum=P, methodiek=M)
    [fout] = exc.value.fouten
    assert fout.startswith("$[2]: traject 'dubbel' staat twee keer in de lijst, op $[0] en op $[2]")
    # before the fix every outcome was counted twice
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\[0\] en op \$\[1\]"):
        ija.signalen([t, t], peildatum=P, methodiek=M)
    signalen = ija.signalen([t, ander], peildatum=P, methodiek=M)
    assert sorted((u.traject, u.norm) for u in signalen) == [
        ("ander", "fase-streefduur"),
        ("dubbel", "fase-streefduur"),
    ]


@pytest.mark.parametrize(
    ("peildatum", "tekst"),
    [
        (datetime(2024, 4, 1, 12, tzinfo=UTC), "geen tijdstip"),
        ("2024-04-01", "kreeg str: '2024-04-01'"),
        (None, "kreeg NoneType"),
        (738_000, "kreeg int"),
    ],
)
def test_a_peildatum_must_be_a_date(peildatum: Any, tekst: str) -> None:
    for functie in (
        lambda: ija.normtoets(T, peildatum=peildatum, methodiek=M),
        lambda: ija.signalen([T], peildatum=peildatum, methodiek=M),
    ):
        with pytest.raises(ija.OngeldigeInvoer, match=r"^peildatum: verwacht een datum") as exc:
            functie()
        assert tekst in exc.value.fouten[0]


@pytest.mark.parametrize("methodiek", [None, "handboek", object()])
def test_the_methodiek_must_be_a_methodiek(methodiek: Any) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match=r"^methodiek: verwacht een Methodiek"):
        ija.signalen([T], peildatum=P, methodiek=methodiek)
    with pytest.raises(ija.OngeldigeInvoer, match=r"^methodiek: verwacht een Methodiek"):
        ija.normtoets(T, peildatum=P, methodiek=methodiek)


def test_unknown_norms_are_listed_with_their_place() -> None:
    with pytest.raises(ija.OngeldigeInvoer) as exc:
        ija.normtoets(
            T, peildatum=P, methodiek=M, normen=["fase-streefduur", "bestaat-niet", 5, None]
        )
    fouten = exc.value.fouten
    assert fouten[0].startswith("normen[1]")
    assert "bestaat-niet" in fouten[0]
    assert fouten[1:] == (
        "normen[2]: verwacht een norm-id of Norm (kreeg int)",
        "normen[3]: verwacht een norm-id of Norm (kreeg NoneType)",
    )


@pytest.mark.parametrize("normen", ["fase-streefduur", 5, object()])
def test_normen_must_be_a_collection(normen: Any) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match=r"^normen: verwacht een lijst van norm-ids"):
        ija.signalen([T], peildatum=P, methodiek=M, normen=normen)


# -- the edges of the calendar ------------------------------------------------------------


def _laat(*extra: dict[str, Any]) -> Any:
    """A traject near the end of the supported years (the codec refuses 9999 and later)."""
    return traject(
        aangemeld(
            op="9998-12-20T10:00:00+01:00",
            jongere={"pseudoniem": "J", "geboortedatum": "9985-01-01"},
        ),
        *extra,
        m=M,
    )


def test_a_deadline_after_the_year_9999_is_invalid_input_not_an_overflow() -> None:
    t = _laat()
    lang = attrs.evolve(M.norm("intake-binnen-6-weken"), dagen=36_525)  # 100 years: the bound
    with pytest.raises(ija.OngeldigeInvoer) as exc:
        ija.normtoets(t, peildatum=date(9998, 12, 25), methodiek=M, normen=[lang])
    assert "valt na 31 december 9999" in exc.value.fouten[0]
    assert "traject 't1'" in exc.value.fouten[0]
    # the default norms have deadlines inside the calendar: no refusal
    assert ija.normtoets(t, peildatum=date(9998, 12, 25), methodiek=M)


def test_a_24_hour_norm_whose_deadline_falls_after_the_year_9999_is_invalid_input() -> None:
    t = _laat(ev("melding", "9998-12-31T12:00:00+01:00", soort="overlast", bron="politie"))
    lang = attrs.evolve(M.norm("contact-na-melding-24-uur"), uren=876_600)
    with pytest.raises(ija.OngeldigeInvoer, match="contact-na-melding-24-uur valt na"):
        ija.normtoets(t, peildatum=date(9998, 12, 31), methodiek=M, normen=[lang])
    # a hundred years from the deadline there is nothing to signal, and nothing to refuse
    assert ija.signalen([t], peildatum=date(9998, 12, 31), methodiek=M, normen=[lang]) == []


def test_days_and_texts_outside_the_calendar_do_not_raise() -> None:
    laatste, eerste = date.max.toordinal(), date.min.toordinal()
    na_9999 = datetime(9999, 12, 31, 12, tzinfo=UTC).timestamp() + 86_400
    voor_1 = datetime(1, 1, 1, tzinfo=UTC).timestamp() - 3_600
    assert dag(na_9999) == laatste + 1
    assert dag(voor_1) == eerste - 1
    assert datum_tekst(laatste + 1) == "na 31 december 9999"
    assert datum_tekst(eerste - 1) == "vóór 1 januari 1"
    assert moment_tekst(na_9999) == "na 31 december 9999"
    assert moment_tekst(voor_1) == "vóór 1 januari 1"
    assert dag(datetime(9999, 12, 31, 22, 59, tzinfo=UTC).timestamp()) == laatste


def test_the_day_per_hour_cache_stays_bounded() -> None:
    """Each UTC hour seen used to stay in memory for good: 200,000 distinct hours (23
    years of events) now keep at most 65,536 entries, and the days stay right."""
    begin = datetime(1990, 1, 1, tzinfo=UTC).timestamp()
    for uur in range(200_000):
        dag(begin + uur * 3600)
    assert len(_instant._DAG_PER_UUR) <= 1 << 16
    ts = begin + 199_999 * 3600
    assert dag(ts) == datetime.fromtimestamp(ts, _instant.AMSTERDAM).toordinal()
    ts = begin + 5 * 3600
    assert dag(ts) == datetime.fromtimestamp(ts, _instant.AMSTERDAM).toordinal()


# -- fuzzing the arguments ----------------------------------------------------------------

_WAARDEN = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.binary(max_size=4),
    st.dates(),
    st.datetimes(),
    st.just(T),
    st.just(M),
    st.just(M.normen[0]),
    st.builds(object),
)
_LIJSTEN = st.lists(_WAARDEN, max_size=4) | st.tuples(_WAARDEN) | st.sets(st.text(max_size=6))
_ARGUMENT = _WAARDEN | _LIJSTEN | st.dictionaries(st.text(max_size=4), _WAARDEN, max_size=2)


@given(
    traject=_ARGUMENT | st.just(T),
    peildatum=_ARGUMENT | st.dates(),
    methodiek=_ARGUMENT | st.just(M),
    normen=st.none() | _ARGUMENT | st.lists(st.sampled_from([n.id for n in M.normen])),
)
def test_the_norm_functions_raise_only_ongeldige_invoer(
    traject: Any, peildatum: Any, methodiek: Any, normen: Any
) -> None:
    for functie in (ija.normtoets, ija.signalen):
        fout: ija.OngeldigeInvoer | None = None
        try:
            uitkomst = functie(traject, peildatum=peildatum, methodiek=methodiek, normen=normen)
        except ija.OngeldigeInvoer as exc:
            fout = exc
        if fout is not None:
            assert fout.fouten
            assert all(isinstance(f, str) and f for f in fout.fouten)
        else:
            assert isinstance(uitkomst, list)
            assert all(isinstance(u, ija.Normuitkomst) for u in uitkomst)
