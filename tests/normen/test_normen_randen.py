"""Each norm at its edges: deadline day, the day after, exactly 24 h, DST, pauses, closing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import pytest

import ija_core as ija
from normen.bouw import aangemeld, ev, traject

KM = ev("kennismaking", "2024-03-04T10:00:00+01:00")
VW = ev("verwachtingen-uitgesproken", "2024-03-05T10:00:00+01:00")


def uitkomsten(t: Any, peildatum: date, m: ija.Methodiek, **kw: Any) -> dict[str, ija.Normuitkomst]:
    return {u.norm: u for u in ija.normtoets(t, peildatum=peildatum, methodiek=m, **kw)}


def status(t: Any, peildatum: date, m: ija.Methodiek, norm: str) -> tuple[str, int] | None:
    u = uitkomsten(t, peildatum, m).get(norm)
    return None if u is None else (u.status, u.dagen)


# -- intake and plan: aanmelding day + 42 ---------------------------------------------------


@pytest.mark.parametrize(
    ("intake_op", "verwacht"),
    [
        ("2024-04-12T23:59:00+02:00", "gehaald"),  # the deadline day itself, late evening
        ("2024-04-13T00:01:00+02:00", "te-laat"),  # one minute into the day after
    ],
)
def test_intake_on_the_deadline_day_is_in_time_the_day_after_is_late(
    m: ija.Methodiek, intake_op: str, verwacht: str
) -> None:
    t = traject(aangemeld(), KM, VW, ev("intake", intake_op), m=m)
    u = uitkomsten(t, date(2024, 4, 20), m)["intake-binnen-6-weken"]
    assert u.status == verwacht
    assert u.deadline == date(2024, 4, 12)  # 1 March + 42 days
    assert u.dagen == -8


@pytest.mark.parametrize(
    ("peildatum", "verwacht"),
    [
        (date(2024, 3, 1), ("open", 42)),
        (date(2024, 4, 4), ("open", 8)),
        (date(2024, 4, 5), ("dreigt", 7)),
        (date(2024, 4, 12), ("dreigt", 0)),
        (date(2024, 4, 13), ("verlopen", -1)),
    ],
)
def test_unmet_intake_runs_open_dreigt_verlopen(
    m: ija.Methodiek, peildatum: date, verwacht: tuple[str, int]
) -> None:
    t = traject(aangemeld(), m=m)
    assert status(t, peildatum, m, "intake-binnen-6-weken") == verwacht
    assert status(t, peildatum, m, "plan-binnen-6-weken") == verwacht


def test_the_aanmelding_day_is_an_amsterdam_day(m: ija.Methodiek) -> None:
    # 23:30 UTC on 29 February is 00:30 on 1 March in Amsterdam
    t = traject(aangemeld(op="2024-02-29T23:30:00+00:00"), m=m)
    assert uitkomsten(t, date(2024, 3, 1), m)["intake-binnen-6-weken"].deadline == date(2024, 4, 12)


def test_events_after_the_peildatum_are_ignored(m: ija.Methodiek) -> None:
    t = traject(aangemeld(), KM, VW, ev("intake", "2024-04-14T10:00:00+02:00"), m=m)
    assert status(t, date(2024, 4, 13), m, "intake-binnen-6-weken") == ("verlopen", -1)
    assert status(t, date(2024, 4, 14), m, "intake-binnen-6-weken") == ("te-laat", -2)


def test_enzo_intake_after_six_weeks_is_te_laat_with_dates_in_the_uitleg(m: ija.Methodiek) -> None:
    t = traject(aangemeld(), KM, VW, ev("intake", "2024-04-15T10:00:00+02:00"), m=m)
    u = uitkomsten(t, date(2024, 5, 1), m)["intake-binnen-6-weken"]
    assert u.status == "te-laat"
    assert "15 april 2024" in u.uitleg
    assert "3 dagen na de termijn van 12 april 2024" in u.uitleg


def test_plan_counts_when_doel_and_both_signatures_are_there(m: ija.Methodiek) -> None:
    t = traject(
        aangemeld(),
        KM,
        VW,
        ev("plan-ondertekend", "2024-03-06T10:00:00+01:00", door=["coach"]),
        ev(
            "doel-gesteld",
            "2024-03-08T10:00:00+01:00",
            id="d1",
            leefgebied="werk",
            termijn="kort",
            omschrijving="werk zoeken",
        ),
        ev("plan-ondertekend", "2024-04-13T10:00:00+02:00", door=["jongere"]),
        m=m,
    )
    # signed only when the jongere adds a signature, on the day after the deadline
    assert status(t, date(2024, 4, 12), m, "plan-binnen-6-weken") == ("dreigt", 0)
    assert status(t, date(2024, 4, 13), m, "plan-binnen-6-weken") == ("te-laat", -1)


def test_a_peildatum_before_the_aanmelding_gives_no_outcomes(m: ija.Methodiek) -> None:
    t = traject(aangemeld(), m=m)
    assert ija.normtoets(t, peildatum=date(2024, 2, 29), methodiek=m) == []
    assert ija.signalen([t], peildatum=date(2024, 2, 29), methodiek=m) == []


# -- contact within 24 hours of a melding ---------------------------------------------------

ZATERDAG = "2024-03-02T10:00:00+01:00"  # a Saturday


def melding(op: str = ZATERDAG) -> dict[str, Any]:
    return ev("melding", op, soort="overlast", bron="politie")


def contact(op: str, met: str = "jongere") -> dict[str, Any]:
    return ev("contact", op, met=met, vorm="straat")


@pytest.mark.parametrize(
    ("contact_op", "verwacht"),
    [
        ("2024-03-03T10:00:00+01:00", "gehaald"),  # Sunday, exactly 24 hours later
        ("2024-03-03T10:01:00+01:00", "te-laat"),  # one minute later
        ("2024-03-02T10:00:00+01:00", "gehaald"),  # the same moment
    ],
)
def test_contact_after_a_saturday_melding_counts_weekend_hours(
    m: ija.Methodiek, contact_op: str, verwacht: str
) -> None:
    t = traject(aangemeld(), melding(), contact(contact_op), m=m)
    u = uitkomsten(t, date(2024, 3, 10), m)["contact-na-melding-24-uur"]
    assert (u.status, u.deadline, u.dagen) == (verwacht, date(2024, 3, 3), -7)


def test_a_successful_contactpoging_meets_the_melding_norm_a_failed_one_does_not(
    m: ija.Methodiek,
) -> None:
    mislukt = ev("contactpoging", "2024-03-02T12:00:00+01:00", kanaal="app", gelukt=False)
    gelukt = ev("contactpoging", "2024-03-03T09:00:00+01:00", kanaal="telefoon", gelukt=True)
    t = traject(aangemeld(), melding(), mislukt, m=m)
    assert status(t, date(2024, 3, 3), m, "contact-na-melding-24-uur") == ("dreigt", 0)
    assert status(t, date(2024, 3, 4), m, "contact-na-melding-24-uur") == ("verlopen", -1)
    t = traject(aangemeld(), melding(), mislukt, gelukt, m=m)
    assert status(t, date(2024, 3, 4), m, "contact-na-melding-24-uur") == ("gehaald", -1)


def test_contact_with_the_network_does_not_meet_the_jongere_norm(m: ija.Methodiek) -> None:
    t = traject(aangemeld(), melding(), contact("2024-03-02T11:00:00+01:00", met="netwerk"), m=m)
    assert status(t, date(2024, 3, 4), m, "contact-na-melding-24-uur") == ("verlopen", -1)


@pytest.mark.parametrize(
    ("contact_op", "verwacht"),
    [
        # 22:00 summer time + 24 h elapsed = 21:00 winter time the next day
        ("2024-10-27T21:00:00+01:00", "gehaald"),
        ("2024-10-27T22:00:00+01:00", "te-laat"),  # same wall-clock time: 25 hours later
    ],
)
def test_24_hours_across_the_october_clock_change_are_elapsed_hours(
    m: ija.Methodiek, contact_op: str, verwacht: str
) -> None:
    t = traject(
        aangemeld(op="2024-10-01T09:00:00+02:00"),
        melding("2024-10-26T22:00:00+02:00"),
        contact(contact_op),
        m=m,
    )
    u = uitkomsten(t, date(2024, 10, 28), m)["contact-na-melding-24-uur"]
    assert (u.status, u.deadline) == (verwacht, date(2024, 10, 27))


def test_without_a_melding_the_24_hour_norm_is_left_out(m: ija.Methodiek) -> None:
    t = traject(aangemeld(), m=m)
    assert set(uitkomsten(t, date(2024, 3, 5), m)) == {
        "fase-streefduur",
        "intake-binnen-6-weken",
        "plan-binnen-6-weken",
    }


def test_the_worst_melding_counts(m: ija.Methodiek) -> None:
    t = traject(
        aangemeld(),
        melding("2024-03-02T10:00:00+01:00"),
        contact("2024-03-02T12:00:00+01:00"),  # gehaald
        melding("2024-03-05T10:00:00+01:00"),
        contact("2024-03-07T10:00:00+01:00"),  # te-laat
        melding("2024-03-09T10:00:00+01:00"),  # unanswered: dreigt on 10 March
        m=m,
    )
    assert status(t, date(2024, 3, 8), m, "contact-na-melding-24-uur") == ("te-laat", -2)
    assert status(t, date(2024, 3, 10), m, "contact-na-melding-24-uur") == ("dreigt", 0)
    assert status(t, date(2024, 3, 11), m, "contact-na-melding-24-uur") == ("verlopen", -1)


# -- fase-streefduur and pauses ------------------------------------------------------------


def test_fase_streefduur_runs_from_the_start_day_of_the_current_fase(m: ija.Methodiek) -> None:
    t = traject(
        aangemeld(),
        KM,
        VW,
        ev("fase-gewijzigd", "2024-03-10T10:00:00+01:00", naar="verdieping"),
        m=m,
    )
    assert status(t, date(2024, 3, 9), m, "fase-streefduur") == ("open", 20)  # vertrouwen: 4 weken
    u = uitkomsten(t, date(2024, 3, 10), m)["fase-streefduur"]
    assert (u.status, u.deadline) == ("open", date(2024, 5, 5))  # verdieping: 8 weken
    assert "Verdieping" in u.uitleg


def pauze_traject(m: ija.Methodiek, *extra: dict[str, Any]) -> Any:
    return traject(
        aangemeld(),
        ev("opgeschort", "2024-03-20T10:00:00+01:00", reden="detentie"),
        *extra,
        m=m,
    )


def test_a_running_pause_stops_the_clock_of_fase_streefduur_not_of_intake(
    m: ija.Methodiek,
) -> None:
    t = pauze_traject(m)
    # without the pause the deadline is 29 March; paused since 20 March: 9 days stay left
    for peildatum in (date(2024, 3, 25), date(2024, 4, 1), date(2024, 5, 1)):
        assert status(t, peildatum, m, "fase-streefduur")[1] == 9  # type: ignore[index]
    assert status(t, date(2024, 4, 13), m, "intake-binnen-6-weken") == ("verlopen", -1)


def test_a_pause_spanning_the_deadline_pushes_it_back_by_the_paused_days(
    m: ija.Methodiek,
) -> None:
    t = pauze_traject(m, ev("hervat", "2024-04-05T10:00:00+02:00"))
    u = uitkomsten(t, date(2024, 4, 10), m)["fase-streefduur"]
    assert (u.status, u.deadline, u.dagen) == ("dreigt", date(2024, 4, 14), 4)  # 29 March + 16
    assert "16 dagen" in u.uitleg
    assert status(t, date(2024, 4, 15), m, "fase-streefduur") == ("verlopen", -1)
    assert uitkomsten(t, date(2024, 4, 15), m)["intake-binnen-6-weken"].deadline == date(
        2024, 4, 12
    )


# -- closing and reopening -------------------------------------------------------------------


def vroeg_gesloten(m: ija.Methodiek, sluit: str, *extra: dict[str, Any]) -> Any:
    return traject(aangemeld(), ev("afgesloten", sluit, reden="verhuisd"), *extra, m=m)


def test_after_closing_unmet_norms_not_yet_due_are_left_out(m: ija.Methodiek) -> None:
    t = vroeg_gesloten(m, "2024-03-20T10:00:00+01:00")
    assert ija.normtoets(t, peildatum=date(2024, 6, 1), methodiek=m) == []


def test_after_closing_unmet_norms_whose_deadline_had_passed_are_verlopen(
    m: ija.Methodiek,
) -> None:
    t = vroeg_gesloten(m, "2024-04-20T10:00:00+02:00")
    u = uitkomsten(t, date(2024, 6, 1), m)
    assert {n: (x.status, x.deadline) for n, x in u.items()} == {
        "fase-streefduur": ("verlopen", date(2024, 3, 29)),
        "intake-binnen-6-weken": ("verlopen", date(2024, 4, 12)),
        "plan-binnen-6-weken": ("verlopen", date(2024, 4, 12)),
    }
    assert u["intake-binnen-6-weken"].dagen == (date(2024, 4, 12) - date(2024, 6, 1)).days
    assert "afgesloten op 20 april 2024" in u["intake-binnen-6-weken"].uitleg
    # a closed traject gives no signals
    assert ija.signalen([t], peildatum=date(2024, 6, 1), methodiek=m) == []


def test_a_deadline_on_the_closing_day_itself_had_not_passed(m: ija.Methodiek) -> None:
    t = vroeg_gesloten(m, "2024-04-12T16:00:00+02:00")
    assert set(uitkomsten(t, date(2024, 6, 1), m)) == {"fase-streefduur"}


def test_heropend_keeps_intake_and_plan_anchored_on_the_aanmelding(m: ija.Methodiek) -> None:
    t = vroeg_gesloten(
        m,
        "2024-03-20T10:00:00+01:00",
        ev("heropend", "2024-05-01T10:00:00+02:00", naar="verdieping", reden="nieuwe vraag"),
    )
    assert ija.normtoets(t, peildatum=date(2024, 4, 30), methodiek=m) == []  # still closed
    u = uitkomsten(t, date(2024, 5, 2), m)
    assert (u["intake-binnen-6-weken"].status, u["intake-binnen-6-weken"].deadline) == (
        "verlopen",
        date(2024, 4, 12),
    )
    assert u["fase-streefduur"].deadline == date(2024, 6, 26)  # 1 May + 8 weeks
    assert [s.norm for s in ija.signalen([t], peildatum=date(2024, 5, 2), methodiek=m)] == [
        "intake-binnen-6-weken",
        "plan-binnen-6-weken",
    ]


# -- signalen order --------------------------------------------------------------------------


def ids(items: Iterable[ija.Normuitkomst]) -> list[tuple[str, str, str]]:
    return [(u.status, u.traject, u.norm) for u in items]


def test_signalen_most_urgent_first_with_a_total_order(m: ija.Methodiek) -> None:
    a = traject(aangemeld(traject="a"), m=m)
    b = traject(aangemeld(op="2024-03-05T09:00:00+01:00", traject="b"), m=m)
    c = traject(aangemeld(op="2024-02-20T09:00:00+01:00", traject="c"), m=m)
    uit = ija.signalen([b, c, a], peildatum=date(2024, 4, 5), methodiek=m)
    assert ids(uit) == [
        ("verlopen", "c", "fase-streefduur"),
        ("verlopen", "a", "fase-streefduur"),
        ("verlopen", "b", "fase-streefduur"),  # -3 days, like c's two below: by traject id
        ("verlopen", "c", "intake-binnen-6-weken"),
        ("verlopen", "c", "plan-binnen-6-weken"),
        ("dreigt", "a", "intake-binnen-6-weken"),
        ("dreigt", "a", "plan-binnen-6-weken"),
    ]
    assert ija.signalen([a, b, c], peildatum=date(2024, 4, 5), methodiek=m) == uit
    assert [u.dagen for u in uit] == [-17, -7, -3, -3, -3, 7, 7]
