"""groepstoets and the group norms (design.md, "Groepsaanpak")."""

from __future__ import annotations

from datetime import date

import pytest

import ija_core as ija
from groep.bouw import aangemeld, ev, jongere, lid, melding, ouder, traject

NORM = "groep-contact-na-melding-24-uur"
T0 = "2025-03-01T10:00:00+01:00"
MELDING = "2025-03-08T23:00:00+01:00"  # a Saturday night


def _groep(m: ija.Methodiek, *extra: dict[str, object]) -> ija.Groep:
    return ija.Groep.replay(
        [aangemeld(), lid(T0, "t-a"), lid(T0, "t-b"), melding(MELDING), *extra], methodiek=m
    )


def _toets(
    m: ija.Methodiek, g: ija.Groep, trajecten: list[ija.Traject], peil: date = date(2025, 3, 20)
) -> dict[str, ija.Normuitkomst]:
    return {u.traject: u for u in ija.groepstoets(g, trajecten, peildatum=peil, methodiek=m)}


def test_the_norm_is_listed_with_bron_handboek_and_on_by_default(m: ija.Methodiek) -> None:
    norm = m.norm(NORM)
    assert norm.bron.soort == "handboek"
    assert norm.standaard_aan
    assert norm.uren == 24
    assert norm.ook_relatie == "ouder"
    assert norm.groepsnorm


def test_jongere_and_ouder_within_24_hours_is_gehaald(m: ija.Methodiek) -> None:
    a = traject(m, "t-a", jongere("2025-03-09T11:00:00+01:00"), ouder("2025-03-09T22:59:00+01:00"))
    b = traject(m, "t-b", jongere("2025-03-09T10:00:00+01:00"), ouder("2025-03-09T23:00:00+01:00"))
    u = _toets(m, _groep(m), [a, b])
    assert u["t-a"].status == "gehaald"
    assert u["t-a"].norm == NORM
    assert u["t-a"].deadline == date(2025, 3, 9)
    assert u["t-a"].dagen == (date(2025, 3, 9) - date(2025, 3, 20)).days
    assert u["t-b"].status == "gehaald"  # exactly 24 hours: inclusive


def test_the_later_of_the_two_contacts_counts(m: ija.Methodiek) -> None:
    a = traject(m, "t-a", jongere("2025-03-09T11:00:00+01:00"), ouder("2025-03-10T09:00:00+01:00"))
    b = traject(m, "t-b", ouder("2025-03-09T09:00:00+01:00"), jongere("2025-03-10T09:00:00+01:00"))
    u = _toets(m, _groep(m), [a, b])
    assert u["t-a"].status == "te-laat"
    assert u["t-b"].status == "te-laat"


def test_only_the_jongere_or_only_the_ouder_is_not_enough(m: ija.Methodiek) -> None:
    a = traject(m, "t-a", jongere("2025-03-09T11:00:00+01:00"))
    b = traject(m, "t-b", ouder("2025-03-09T11:00:00+01:00"))
    u = _toets(m, _groep(m), [a, b])
    assert u["t-a"].status == "verlopen"
    assert "relatie ouder" in u["t-a"].uitleg
    assert u["t-b"].status == "verlopen"
    assert "contact met de jongere" in u["t-b"].uitleg


def test_a_successful_contactpoging_counts_for_the_jongere(m: ija.Methodiek) -> None:
    poging = ev("contactpoging", "2025-03-09T08:00:00+01:00", kanaal="app", gelukt=True)
    mislukt = ev("contactpoging", "2025-03-09T08:00:00+01:00", kanaal="app", gelukt=False)
    a = traject(m, "t-a", poging, ouder("2025-03-09T09:00:00+01:00"))
    b = traject(m, "t-b", mislukt, ouder("2025-03-09T09:00:00+01:00"))
    u = _toets(m, _groep(m), [a, b])
    assert u["t-a"].status == "gehaald"
    assert u["t-b"].status == "verlopen"


def test_a_member_without_an_ouder_does_not_meet_it(m: ija.Methodiek) -> None:
    a = traject(
        m,
        "t-a",
        ev("betrokkene-toegevoegd", "2025-02-21T10:00:00+01:00", id="oom", relatie="familie"),
        ev("toestemming-gegeven", "2025-02-21T10:00:00+01:00", betrokkene="oom", voor="betrekken"),
        jongere("2025-03-09T11:00:00+01:00"),
        ouder("2025-03-09T11:00:00+01:00", betrokkene="oom"),
        ouder=False,
    )
    b = traject(m, "t-b", jongere("2025-03-09T11:00:00+01:00"), ouder("2025-03-09T11:00:00+01:00"))
    u = _toets(m, _groep(m), [a, b])
    assert u["t-a"].status == "verlopen"
    assert "geen betrokkene met relatie ouder" in u["t-a"].uitleg
    assert u["t-b"].status == "gehaald"


def test_contacts_before_the_melding_do_not_count(m: ija.Methodiek) -> None:
    a = traject(m, "t-a", jongere("2025-03-08T22:00:00+01:00"), ouder("2025-03-08T22:30:00+01:00"))
    u = _toets(m, _groep(m), [a, traject(m, "t-b")])
    assert u["t-a"].status == "verlopen"


@pytest.mark.parametrize(
    ("peil", "status"),
    [
        (date(2025, 3, 8), "dreigt"),
        (date(2025, 3, 9), "dreigt"),
        (date(2025, 3, 10), "verlopen"),
    ],
)
def test_statuses_at_a_peildatum(m: ija.Methodiek, peil: date, status: str) -> None:
    u = _toets(m, _groep(m), [traject(m, "t-a"), traject(m, "t-b")], peil)
    assert u["t-a"].status == status
    assert u["t-a"].dagen == (date(2025, 3, 9) - peil).days


def test_events_after_the_peildatum_are_ignored(m: ija.Methodiek) -> None:
    a = traject(m, "t-a", jongere("2025-03-09T11:00:00+01:00"), ouder("2025-03-09T12:00:00+01:00"))
    assert _toets(m, _groep(m), [a, traject(m, "t-b")], date(2025, 3, 8))["t-a"].status == "dreigt"
    assert _toets(m, _groep(m), [a, traject(m, "t-b")], date(2025, 3, 9))["t-a"].status == "gehaald"


def test_a_peildatum_before_the_group_gives_nothing(m: ija.Methodiek) -> None:
    assert _toets(m, _groep(m), [traject(m, "t-a"), traject(m, "t-b")], date(2025, 2, 1)) == {}


def test_the_worst_melding_counts(m: ija.Methodiek) -> None:
    g = _groep(m, melding("2025-03-12T10:00:00+01:00"))
    a = traject(m, "t-a", jongere("2025-03-09T11:00:00+01:00"), ouder("2025-03-09T12:00:00+01:00"))
    u = _toets(m, g, [a, traject(m, "t-b")])
    assert u["t-a"].status == "verlopen"
    assert u["t-a"].deadline == date(2025, 3, 13)


def test_only_members_at_the_melding_are_measured(m: ija.Methodiek) -> None:
    g = _groep(
        m,
        lid("2025-03-10T10:00:00+01:00", "t-c"),
        ev("lid-verwijderd", "2025-03-10T10:00:00+01:00", traject="t-b", reden="verhuisd"),
    )
    trajecten = [traject(m, "t-a"), traject(m, "t-b"), traject(m, "t-c")]
    u = _toets(m, g, trajecten)
    assert set(u) == {"t-a", "t-b"}  # t-c joined later: nothing to measure
    assert [
        x.traject for x in ija.groepstoets(g, trajecten, peildatum=date(2025, 3, 20), methodiek=m)
    ] == ["t-a", "t-b"]


def test_missing_member_trajecten_are_named(m: ija.Methodiek) -> None:
    g = _groep(
        m, ev("lid-verwijderd", "2025-03-10T10:00:00+01:00", traject="t-b", reden="verhuisd")
    )
    with pytest.raises(ija.OngeldigeInvoer) as exc:
        ija.groepstoets(g, [], peildatum=date(2025, 3, 20), methodiek=m)
    assert "t-a" in str(exc.value)
    assert "t-b" in str(exc.value)  # a member at the melding, removed since
    with pytest.raises(ija.OngeldigeInvoer, match="t-b"):
        ija.groepstoets(g, [traject(m, "t-a")], peildatum=date(2025, 3, 20), methodiek=m)


def test_a_current_member_without_melding_must_still_be_passed(m: ija.Methodiek) -> None:
    g = ija.Groep.replay([aangemeld(), lid(T0, "t-a")], methodiek=m)
    with pytest.raises(ija.OngeldigeInvoer, match="t-a"):
        ija.groepstoets(g, [], peildatum=date(2025, 3, 20), methodiek=m)
    assert ija.groepstoets(g, [traject(m, "t-a")], peildatum=date(2025, 3, 20), methodiek=m) == []


@pytest.mark.parametrize(
    ("args", "tekst"),
    [
        ({"groep": "x"}, "Groep"),
        ({"trajecten": "abc"}, "Trajecten"),
        ({"trajecten": [1]}, "Traject"),
        ({"peildatum": "2025-03-20"}, "datum"),
        ({"methodiek": None}, "Methodiek"),
        ({"normen": ["contact-na-melding-24-uur"]}, "geen groepsnorm"),
        ({"normen": ["bestaat-niet"]}, "bestaat-niet"),
    ],
)
def test_bad_arguments(m: ija.Methodiek, args: dict[str, object], tekst: str) -> None:
    kw: dict[str, object] = {
        "groep": _groep(m),
        "trajecten": [traject(m, "t-a"), traject(m, "t-b")],
        "peildatum": date(2025, 3, 20),
        "methodiek": m,
        **args,
    }
    with pytest.raises(ija.OngeldigeInvoer, match=tekst):
        ija.groepstoets(kw.pop("groep"), kw.pop("trajecten"), **kw)  # type: ignore[arg-type]


def test_a_traject_twice_is_refused(m: ija.Methodiek) -> None:
    a = traject(m, "t-a")
    with pytest.raises(ija.OngeldigeInvoer, match="twee keer"):
        ija.groepstoets(_groep(m), [a, a], peildatum=date(2025, 3, 20), methodiek=m)


def test_normtoets_and_signalen_leave_the_group_norm_out(m: ija.Methodiek) -> None:
    t = traject(m, "t-a", ev("melding", MELDING, soort="overlast", bron="politie"))
    ids = {u.norm for u in ija.normtoets(t, peildatum=date(2025, 3, 20), methodiek=m)}
    assert NORM not in ids
    assert "contact-na-melding-24-uur" in ids
    assert NORM in {n.id for n in m.normen}
    assert ija.normtoets(t, peildatum=date(2025, 3, 20), methodiek=m, normen=[NORM]) == []
    assert all(u.norm != NORM for u in ija.signalen([t], peildatum=date(2025, 3, 20), methodiek=m))


def test_a_closed_member_traject_follows_the_closing_rules(m: ija.Methodiek) -> None:
    dicht = ev("afgesloten", "2025-03-09T08:00:00+01:00", reden="verhuisd")
    a = traject(m, "t-a", dicht)
    u = _toets(m, _groep(m), [a, traject(m, "t-b")])
    assert "t-a" not in u  # closed before the deadline day had passed: left out
    assert u["t-b"].status == "verlopen"


# -- the opt-in weekly intensity --------------------------------------------------------


WEEK = "groep-contact-per-week"


def test_the_weekly_norm_is_afgeleid_and_off_by_default(m: ija.Methodiek) -> None:
    norm = m.norm(WEEK)
    assert norm.bron.soort == "afgeleid"
    assert not norm.standaard_aan
    assert (norm.dagen, norm.aantal) == (7, 3)
    a = traject(m, "t-a")
    assert WEEK not in {
        u.norm
        for u in ija.groepstoets(
            _groep(m), [a, traject(m, "t-b")], peildatum=date(2025, 4, 1), methodiek=m
        )
    }


def _drie_per_week(start_dag: int, weken: int) -> list[dict[str, object]]:
    return [
        jongere(f"2025-03-{start_dag + 7 * w + d:02d}T12:00:00+01:00")
        for w in range(weken)
        for d in (0, 2, 4)
    ]


def test_three_contacts_every_week(m: ija.Methodiek) -> None:
    g = ija.Groep.replay([aangemeld(), lid(T0, "t-a"), lid(T0, "t-b")], methodiek=m)
    a = traject(m, "t-a", *_drie_per_week(1, 3))
    b = traject(m, "t-b", *_drie_per_week(1, 1), jongere("2025-03-09T12:00:00+01:00"))
    u = {
        x.traject: x
        for x in ija.groepstoets(g, [a, b], peildatum=date(2025, 3, 21), methodiek=m, normen=[WEEK])
    }
    assert u["t-a"].status == "gehaald"
    assert u["t-b"].status == "verlopen"  # the second week had one contact
    assert u["t-b"].deadline == date(2025, 3, 15)


def test_a_closed_group_stops_the_weekly_clock(m: ija.Methodiek) -> None:
    g = ija.Groep.replay(
        [
            aangemeld(),
            lid(T0, "t-a"),
            ev("groep-afgesloten", "2025-03-10T10:00:00+01:00", reden="overlast gestopt"),
        ],
        methodiek=m,
    )
    a = traject(m, "t-a", *_drie_per_week(1, 1))
    u = ija.groepstoets(g, [a], peildatum=date(2025, 5, 1), methodiek=m, normen=[WEEK])
    assert [x.status for x in u] == ["gehaald"]  # the cut-off second week is left out


def test_the_weekly_norm_can_be_set_locally(m: ija.Methodiek) -> None:
    g = ija.Groep.replay([aangemeld(), lid(T0, "t-a")], methodiek=m)
    a = traject(m, "t-a", jongere("2025-03-02T12:00:00+01:00"))
    norm = m.norm(WEEK).ingesteld(aantal=1)
    u = ija.groepstoets(g, [a], peildatum=date(2025, 3, 7), methodiek=m, normen=[norm])
    assert [x.status for x in u] == ["gehaald"]
    with pytest.raises(ija.OngeldigeInvoer):
        m.norm(WEEK).ingesteld(aantal=0)
