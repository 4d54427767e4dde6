"""The group (design.md, "Groepsaanpak"): events, state, invalid input, rules, JSON."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

import ija_core as ija
from groep.bouw import aangemeld, ev, lid, melding

T0 = "2025-03-01T10:00:00+01:00"


def _groep(m: ija.Methodiek) -> ija.Groep:
    return ija.Groep.replay(
        [
            aangemeld(),
            lid(T0, "t-a"),
            lid(T0, "t-b"),
            ev(
                "plan-van-aanpak",
                "2025-03-03T10:00:00+01:00",
                partners=["politie", "jongerenwerk"],
                omschrijving="Samen met de partners.",
            ),
            ev(
                "omgevingsanalyse",
                "2025-03-05T10:00:00+01:00",
                met=["school", "sportvereniging"],
                omschrijving="Wie kent de jongeren?",
            ),
            melding("2025-03-08T23:00:00+01:00"),
            ev("bijeenkomst", "2025-03-10T19:30:00+01:00", voor="ouders", omschrijving="Avond."),
            lid("2025-03-11T10:00:00+01:00", "t-c"),
            ev("lid-verwijderd", "2025-03-12T10:00:00+01:00", traject="t-a", reden="verhuisd"),
        ],
        methodiek=m,
    )


def test_the_state_of_a_group(m: ija.Methodiek) -> None:
    g = _groep(m)
    assert g.id == "g-1"
    assert g.status == "actief"
    assert g.leden == ("t-b", "t-c")
    assert g.ooit_leden == ("t-a", "t-b", "t-c")
    assert g.verwijzers == ("jeugdoverlast-expert", "pga-expert")
    assert g.partners == ("politie", "jongerenwerk")
    assert [b.voor for b in g.bijeenkomsten] == ["ouders"]
    assert [x.melder for x in g.meldingen] == ["buurtbewoner"]
    assert g.leden_op(datetime(2025, 3, 9, tzinfo=UTC)) == ("t-a", "t-b")
    assert isinstance(g.events[0], ija.GroepAangemeld)
    assert len(g.events) == 9


def test_a_member_removed_and_added_again_is_listed_in_order_of_adding(
    m: ija.Methodiek,
) -> None:
    g = _groep(m).registreer(lid("2025-03-13T10:00:00+01:00", "t-a"))
    assert g.leden == ("t-b", "t-c", "t-a")
    assert [lm.traject for lm in g.lidmaatschappen] == ["t-a", "t-b", "t-c", "t-a"]


def test_registreer_leaves_the_group_as_it_was(m: ija.Methodiek) -> None:
    g = _groep(m)
    g2 = g.registreer(ev("groep-afgesloten", "2025-06-01T10:00:00+02:00", reden="rustig"))
    assert g.status == "actief"
    assert g2.status == "afgesloten"
    assert g2.afsluitreden == "rustig"
    assert g2 != g


def test_replay_is_registering_step_by_step(m: ija.Methodiek) -> None:
    g = _groep(m)
    stap = ija.Groep.replay([ija.to_json(g.events[0]) and g.events[0]], methodiek=m)
    for e in g.events[1:]:
        stap = stap.registreer(e)
    assert stap == g


@pytest.mark.parametrize("vorm", ["object", "lijst"])
def test_json_round_trip(m: ija.Methodiek, vorm: str) -> None:
    import json

    g = _groep(m)
    tekst = ija.to_json(g)
    data = json.loads(tekst)
    assert data["formaat"] == "ija-groep/1"
    assert data["events"][0]["type"] == "groep-aangemeld"
    if vorm == "lijst":
        tekst = json.dumps(data["events"])
    assert ija.from_json(tekst, ija.Groep, methodiek=m) == g
    assert ija.from_json(tekst.encode(), ija.Groep, methodiek=m) == g


def test_a_group_event_round_trips_on_its_own(m: ija.Methodiek) -> None:
    e = ija.Groepsmelding(
        op=datetime(2025, 3, 8, 22, tzinfo=UTC), soort="overlast", melder="politie"
    )
    tekst = ija.to_json(e)
    assert '"melder":"politie"' in tekst
    assert ija.from_json(tekst, ija.Groepsmelding, methodiek=m) == e
    assert ija.from_json(tekst, ija.GroepGebeurtenis, methodiek=m) == e


def test_group_rules_are_listed_with_their_bron(m: ija.Methodiek) -> None:
    assert [r.id for r in m.groepsregels] == ["chronologie", "groep-afgesloten"]
    for r in m.groepsregels:
        assert r.bron.soort != "handboek"
        assert r.bron.toelichting.strip()
    assert m.groepsregels[0] == m.regel("chronologie")
    assert "groep-afgesloten" not in [r.id for r in m.regels]


def test_chronologie(m: ija.Methodiek) -> None:
    with pytest.raises(ija.RegelOvertreding) as exc:
        ija.Groep.replay([aangemeld(), lid("2025-02-28T10:00:00+01:00", "t-a")], methodiek=m)
    assert exc.value.regel == "chronologie"
    assert exc.value.index == 1
    # the same moment is fine
    assert ija.Groep.replay([aangemeld(), lid(T0, "t-a")], methodiek=m).leden == ("t-a",)


@pytest.mark.parametrize(
    "event",
    [
        lid("2025-06-02T10:00:00+02:00", "t-x"),
        melding("2025-06-02T10:00:00+02:00"),
        ev("groep-afgesloten", "2025-06-02T10:00:00+02:00", reden="nog eens"),
        ev("bijeenkomst", "2025-06-02T10:00:00+02:00", voor="jongeren", omschrijving="x"),
    ],
)
def test_nothing_after_groep_afgesloten(m: ija.Methodiek, event: dict[str, object]) -> None:
    g = _groep(m).registreer(ev("groep-afgesloten", "2025-06-01T10:00:00+02:00", reden="rust"))
    with pytest.raises(ija.RegelOvertreding) as exc:
        g.registreer(event)
    assert exc.value.regel == "groep-afgesloten"


def test_an_earlier_event_after_closing_breaks_chronologie_first(m: ija.Methodiek) -> None:
    g = _groep(m).registreer(ev("groep-afgesloten", "2025-06-01T10:00:00+02:00", reden="rust"))
    with pytest.raises(ija.RegelOvertreding) as exc:
        g.registreer(melding("2025-05-01T10:00:00+02:00"))
    assert exc.value.regel == "chronologie"


@pytest.mark.parametrize(
    ("events", "pad", "tekst"),
    [
        ([lid(T0, "t-a")], "$[0].type", "groep-aangemeld"),
        ([aangemeld(), aangemeld()], "$[1].type", "één keer"),
        ([aangemeld(), lid(T0, "t-a"), lid(T0, "t-a")], "$[2].traject", "al lid"),
        (
            [aangemeld(), ev("lid-verwijderd", T0, traject="t-z", reden="x")],
            "$[1].traject",
            "geen lid",
        ),
        ([aangemeld(), ev("lid-verwijderd", T0, traject="t-a", reden=" ")], "$[1].reden", ""),
        ([aangemeld(), ev("groep-afgesloten", T0, reden="")], "$[1].reden", ""),
        ([aangemeld(), ev("bijeenkomst", T0, voor="leraren", omschrijving="x")], "$[1].voor", ""),
        ([aangemeld(), ev("contact", T0, met="jongere", vorm="x")], "$[1].type", "onbekend"),
        ([aangemeld(), ev("groepsmelding", T0, soort="overlast")], "$[1].melder", ""),
        (
            [aangemeld(), ev("groepsmelding", T0, soort="overlast", melder="x", bron="y")],
            "$[1]",
            "",
        ),
        ([aangemeld(), lid("2025-03-01T10:00:00", "t-a")], "$[1].op", ""),
        ([aangemeld(), lid(T0, 12)], "$[1].traject", ""),
        (
            [{**aangemeld(), "verwijzers": "politie"}],
            "$[0].verwijzers",
            "",
        ),
        ([], "$", "groep-aangemeld"),
    ],
)
def test_invalid_input(
    m: ija.Methodiek, events: list[dict[str, object]], pad: str, tekst: str
) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as exc:
        ija.Groep.replay(events, methodiek=m)
    assert any(f.startswith(pad) for f in exc.value.fouten), exc.value.fouten
    assert tekst in str(exc.value)


def test_a_traject_refuses_group_events_and_a_group_traject_events(m: ija.Methodiek) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="onbekend gebeurtenistype 'groep-aangemeld'"):
        ija.Traject.replay([aangemeld()], methodiek=m)
    with pytest.raises(ija.OngeldigeInvoer, match="onbekend gebeurtenistype 'aangemeld'"):
        ija.Groep.replay(
            [
                ev(
                    "aangemeld",
                    T0,
                    traject="t",
                    jongere={"pseudoniem": "x", "geboortedatum": "2009-01-01"},
                    verwijzer="x",
                )
            ],
            methodiek=m,
        )


def test_the_envelope_is_checked(m: ija.Methodiek) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as exc:
        ija.from_json('{"formaat": "ija-traject/1", "events": []}', ija.Groep, methodiek=m)
    assert "ija-groep/1" in str(exc.value)
    with pytest.raises(ija.OngeldigeInvoer):
        ija.from_json('{"events": [], "x": 1}', ija.Groep, methodiek=m)
    with pytest.raises(ija.OngeldigeInvoer):
        ija.from_json("[]", ija.Groep)  # no methodiek


def test_a_group_event_object_is_checked_through_its_json(m: ija.Methodiek) -> None:
    g = _groep(m)
    op = g.laatste_op + timedelta(hours=1)
    with pytest.raises(ija.OngeldigeInvoer, match="melder"):
        g.registreer(ija.Groepsmelding(op=op, soort="overlast", melder=" "))
    g2 = g.registreer(ija.Groepsmelding(op=op, soort="overlast", melder="politie"))
    assert g2.meldingen[-1].melder == "politie"
    # a field that is no JSON value is invalid input, as for a traject's event object
    with pytest.raises(ija.OngeldigeInvoer, match=r"\$\.melder: Groepsmelding\.melder"):
        g.registreer(ija.Groepsmelding(op=op, soort="overlast", melder=object()))  # type: ignore[arg-type]


def _met_groepsregel(monkeypatch: pytest.MonkeyPatch, regel: ija.Regel) -> ija.Methodiek:
    """A fresh methodiek with one extra group rule (the group rules are ija-core's own
    today; the engine compiles them once per Methodiek object)."""
    from ija_core.phases.rules import GROEPSREGELS

    monkeypatch.setattr(ija.Methodiek, "groepsregels", property(lambda _: (*GROEPSREGELS, regel)))
    return ija.load_methodiek(entrypoints=False)


def _regel(**kw: object) -> ija.Regel:
    return ija.Regel(
        id="test-groepsregel",
        naam="Test",
        uitleg="Een regel voor deze test.",
        bron=ija.Bron(soort="keuze", toelichting="Alleen voor deze test."),
        **kw,  # type: ignore[arg-type]
    )


def test_group_rules_take_the_traject_route_filters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A group rule filtered on a fase, an aanbieder or a fase entered does not apply to a
    group (a group has none); unfiltered it refuses, with what is missing."""
    weiger = lambda t, e: ija.Afwijzing(uitleg="nee", ontbreekt=("iets",))  # noqa: E731
    for filters in ({"van": ("intake",)}, {"naar": ("verdieping",)}, {"aanbieder": "x"}):
        with monkeypatch.context() as mp:
            _groep(_met_groepsregel(mp, _regel(toets=weiger, **filters)))  # does not apply
    m = _met_groepsregel(monkeypatch, _regel(toets=weiger))
    with pytest.raises(ija.RegelOvertreding) as info:
        _groep(m)
    assert (info.value.regel, info.value.ontbreekt, info.value.index) == (
        "test-groepsregel", ("iets",), 0
    )


def test_a_group_rule_that_returns_nonsense_is_a_plugin_fout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    m = _met_groepsregel(monkeypatch, _regel(toets=lambda t, e: 42))
    with pytest.raises(ija.PluginFout, match="test-groepsregel"):
        _groep(m)
