"""Each rule of the methodiek, shown firing on a small traject; and kan_naar, and plugin guards."""

from __future__ import annotations

from typing import Any

import pytest

import ija_core as ija
from ija_core.phases.rules import AANVULLENDE_REGELS, ALLE_REGELS, NETWERK_REGELS, REGELS

from .hulp import aangemeld, ev, tot_afronding, tot_uitvoering, tot_verdieping

ONTWERP_IDS = [
    "doelgroep-leeftijd",
    "chronologie",
    "traject-afgesloten",
    "heropenen-naar",
    "fase-volgorde",
    "terugval-met-reden",
    "contact-voor-verdieping",
    "plan-voor-uitvoering",
    "evaluatie-voor-afronding",
    "geen-reactie-geen-reden",
    "afsluiten-vanuit-afronding",
    "afsluiten-met-hulpvraag",
    "afsluiten-met-zorg",
]


def weigering(m: ija.Methodiek, events: list[dict[str, Any]]) -> ija.RegelOvertreding:
    """Replay ``events`` and return the violation (the test fails when there is none)."""
    with pytest.raises(ija.RegelOvertreding) as info:
        ija.Traject.replay(events, methodiek=m)
    return info.value


def test_the_rules_have_the_ids_of_the_design_in_order() -> None:
    assert [r.id for r in REGELS] == ONTWERP_IDS
    assert [r.id for r in AANVULLENDE_REGELS] == [
        "opschorten-niet-dubbel",
        "hervatten-na-opschorting",
    ]
    assert [r.id for r in NETWERK_REGELS] == [
        "betrekken-met-toestemming",
        "delen-met-toestemming",
        "jim-uit-eigen-netwerk",
    ]
    assert ALLE_REGELS == REGELS + AANVULLENDE_REGELS + NETWERK_REGELS
    for regel in ALLE_REGELS:
        assert regel.uitleg.strip()
        assert regel.naam.strip()


@pytest.mark.parametrize(
    ("geboortedatum", "toegestaan"),
    [
        ("2013-03-03", True),  # 12 on the day of aanmelding
        ("2013-03-04", False),  # 12 only tomorrow
        ("1997-03-04", True),  # 27, 28 tomorrow
        ("1997-03-03", False),  # 28 today
    ],
)
def test_doelgroep_leeftijd(m: ija.Methodiek, geboortedatum: str, toegestaan: bool) -> None:
    events = [aangemeld(geboortedatum)]
    if toegestaan:
        assert ija.Traject.replay(events, methodiek=m).jongere.pseudoniem == "Noor"
    else:
        fout = weigering(m, events)
        assert fout.regel == "doelgroep-leeftijd"
        assert fout.index == 0


def test_doelgroep_leeftijd_counts_the_amsterdam_day(m: ija.Methodiek) -> None:
    # 23:30 UTC on 2 March is already 3 March in Amsterdam: the 12th birthday counts.
    event = aangemeld("2013-03-03")
    event["op"] = "2025-03-02T23:30:00Z"
    assert ija.Traject.replay([event], methodiek=m).status == "actief"


def test_doelgroep_leeftijd_born_on_29_february(m: ija.Methodiek) -> None:
    event = aangemeld("1996-02-29")
    event["op"] = "2024-02-28T12:00:00+01:00"  # still 27
    assert ija.Traject.replay([event], methodiek=m).status == "actief"
    event["op"] = "2024-02-29T12:00:00+01:00"  # 28 today
    assert weigering(m, [event]).regel == "doelgroep-leeftijd"


def test_chronologie(m: ija.Methodiek) -> None:
    fout = weigering(
        m,
        [
            aangemeld(),
            ev("contact", 2, met="jongere", vorm="app"),
            ev("contact", 1, met="jongere", vorm="app"),
        ],
    )
    assert (fout.regel, fout.index) == ("chronologie", 2)


def test_equal_timestamps_are_allowed(m: ija.Methodiek) -> None:
    t = ija.Traject.replay([aangemeld(), ev("kennismaking", 0), ev("intake", 0)], methodiek=m)
    assert len(t.events) == 3


def test_traject_afgesloten(m: ija.Methodiek) -> None:
    events = [
        aangemeld(),
        ev("afgesloten", 1, reden="verhuisd"),
        ev("contact", 2, met="jongere", vorm="app"),
    ]
    fout = weigering(m, events)
    assert (fout.regel, fout.index) == ("traject-afgesloten", 2)


@pytest.mark.parametrize(
    "heropend",
    [
        {"naar": "verdieping", "reden": "nieuwe hulpvraag"},  # not closed
        {"naar": "vertrouwen", "reden": "opnieuw beginnen"},
        {"naar": "afronding", "reden": "nazorg"},
        {"naar": "uitvoering"},
        {"naar": "uitvoering", "reden": "  "},
    ],
)
def test_heropenen_naar(m: ija.Methodiek, heropend: dict[str, Any]) -> None:
    closed = [aangemeld(), ev("afgesloten", 1, reden="justitie")]
    events = [aangemeld()] if heropend.get("naar") == "verdieping" else closed
    fout = weigering(m, [*events, ev("heropend", 2, **heropend)])
    assert fout.regel == "heropenen-naar"


def test_heropend_starts_the_phase_at_its_moment_without_entry_rules(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(
        [
            aangemeld(),
            ev("afgesloten", 1, reden="ggz-opname"),
            ev("heropend", 9, naar="uitvoering", reden="terug uit de kliniek"),
        ],
        methodiek=m,
    )
    assert (t.fase, t.status, t.afgesloten_op) == ("uitvoering", "actief", None)
    assert t.fasehistorie[-1].van == t.events[-1].op
    assert t.fasehistorie[-2].tot == t.events[1].op


@pytest.mark.parametrize(
    ("voor", "naar"),
    [(tot_verdieping, "verdieping"), (tot_verdieping, "afronding"), (tot_verdieping, "uitvoering")],
)
def test_fase_volgorde(m: ija.Methodiek, voor: Any, naar: str) -> None:
    if naar == "uitvoering":  # vertrouwen → uitvoering skips verdieping
        events = [aangemeld(), ev("fase-gewijzigd", 1, naar="uitvoering")]
    else:
        events = [*voor(), ev("fase-gewijzigd", 9, naar=naar)]
    assert weigering(m, events).regel == "fase-volgorde"


@pytest.mark.parametrize("reden", [None, "", "   "])
def test_terugval_met_reden(m: ija.Methodiek, reden: str | None) -> None:
    terug = ev("fase-gewijzigd", 9, naar="vertrouwen")
    if reden is not None:
        terug["reden"] = reden
    assert weigering(m, [*tot_uitvoering(), terug]).regel == "terugval-met-reden"
    terug["reden"] = "contact verloren"
    assert ija.Traject.replay([*tot_uitvoering(), terug], methodiek=m).fase == "vertrouwen"


def test_contact_voor_verdieping(m: ija.Methodiek) -> None:
    fout = weigering(
        m, [aangemeld(), ev("kennismaking", 1), ev("fase-gewijzigd", 2, naar="verdieping")]
    )
    assert fout.regel == "contact-voor-verdieping"
    assert fout.ontbreekt == ("verwachtingen-uitgesproken",)


def test_plan_voor_uitvoering(m: ija.Methodiek) -> None:
    events = [
        *tot_verdieping(),
        ev("doel-gesteld", 3, id="d1", leefgebied="werk", termijn="kort", omschrijving="cv"),
        ev("plan-ondertekend", 3, door=["coach"]),
        ev("fase-gewijzigd", 4, naar="uitvoering"),
    ]
    fout = weigering(m, events)
    assert fout.regel == "plan-voor-uitvoering"
    assert fout.ontbreekt == ("ondersteuningsplan niet ondertekend door de jongere",)


def test_plan_counts_from_the_moment_both_signed_and_a_doel_exists(m: ija.Methodiek) -> None:
    events = [
        *tot_verdieping(),
        ev("plan-ondertekend", 3, door=["jongere"]),
        ev("plan-ondertekend", 4, door=["coach", "netwerk"]),
    ]
    t = ija.Traject.replay(events, methodiek=m)
    assert t.plan_ondertekend_op is None  # no doel yet
    assert t.kan_naar("uitvoering").redenen[0].ontbreekt == (
        "ondersteuningsplan heeft nog geen doel",
    )
    t = t.registreer(
        ev("doel-gesteld", 5, id="d1", leefgebied="werk", termijn="lang", omschrijving="baan")
    )
    assert t.plan_ondertekend_op == t.events[-1].op
    assert t.kan_naar("uitvoering").toegestaan


def test_a_plan_signed_before_going_back_still_counts(m: ija.Methodiek) -> None:
    events = [
        *tot_uitvoering(),
        ev("fase-gewijzigd", 5, naar="verdieping", reden="nieuwe hulpvraag"),
        ev("fase-gewijzigd", 6, naar="uitvoering"),
    ]
    assert ija.Traject.replay(events, methodiek=m).fase == "uitvoering"


def test_evaluatie_voor_afronding(m: ija.Methodiek) -> None:
    # an evaluatie in verdieping does not count
    events = [*tot_verdieping(), ev("evaluatie", 2.5, omschrijving="vroeg")]
    events += [*tot_uitvoering()[4:], ev("fase-gewijzigd", 9, naar="afronding")]
    assert weigering(m, events).regel == "evaluatie-voor-afronding"


def test_evaluatie_in_an_earlier_period_of_uitvoering_counts(m: ija.Methodiek) -> None:
    events = [
        *tot_uitvoering(),
        ev("evaluatie", 5, omschrijving="tussenstand"),
        ev("fase-gewijzigd", 6, naar="verdieping", reden="plan bijstellen"),
        ev("fase-gewijzigd", 7, naar="uitvoering"),
        ev("fase-gewijzigd", 8, naar="afronding"),
    ]
    assert ija.Traject.replay(events, methodiek=m).fase == "afronding"


@pytest.mark.parametrize("reden", ["geen-reactie", "Geen reactie", " geen_reactie "])
def test_geen_reactie_geen_reden(m: ija.Methodiek, reden: str) -> None:
    fout = weigering(m, [*tot_afronding(), ev("afgesloten", 9, reden=reden)])
    assert fout.regel == "geen-reactie-geen-reden"


def test_afsluiten_vanuit_afronding(m: ija.Methodiek) -> None:
    fout = weigering(m, [*tot_uitvoering(), ev("afgesloten", 9, reden="doelen bereikt")])
    assert fout.regel == "afsluiten-vanuit-afronding"


@pytest.mark.parametrize(
    "reden", ["justitie", "ggz-opname", "verhuisd", "overleden", "opgeschaald"]
)
def test_early_exits_close_from_any_phase_and_with_open_questions(
    m: ija.Methodiek, reden: str
) -> None:
    events = [
        aangemeld(),
        ev("hulpvraag-geopend", 1, id="h1", leefgebied="wonen", omschrijving="dak"),
        ev("zorg-gemeld", 1, id="z1", omschrijving="zorg"),
        ev("afgesloten", 2, reden=reden),
    ]
    t = ija.Traject.replay(events, methodiek=m)
    assert (t.status, t.fase, t.afsluitreden) == ("afgesloten", "vertrouwen", reden)
    assert t.fasehistorie[-1].tot == t.afgesloten_op


def test_afsluiten_met_hulpvraag(m: ija.Methodiek) -> None:
    events = [
        *tot_afronding(),
        ev("hulpvraag-geopend", 7, id="h1", leefgebied="wonen", omschrijving="dak"),
        ev("afgesloten", 8, reden="doelen bereikt"),
    ]
    fout = weigering(m, events)
    assert fout.regel == "afsluiten-met-hulpvraag"
    assert fout.ontbreekt == ("hulpvraag h1 gesloten",)


def test_afsluiten_met_zorg(m: ija.Methodiek) -> None:
    events = [
        *tot_afronding(),
        ev("zorg-gemeld", 7, id="z1", omschrijving="geldzorgen"),
        ev("afgesloten", 8, reden="doelen bereikt"),
    ]
    assert weigering(m, events).regel == "afsluiten-met-zorg"
    events.insert(-1, ev("zorg-opgeheven", 7.5, id="z1"))
    assert ija.Traject.replay(events, methodiek=m).status == "afgesloten"


def test_opschorten_niet_dubbel_and_hervatten(m: ija.Methodiek) -> None:
    events = [aangemeld(), ev("opgeschort", 1, reden="in het buitenland")]
    t = ija.Traject.replay(events, methodiek=m)
    assert t.opgeschort
    assert weigering(m, [*events, ev("opgeschort", 2, reden="nog steeds")]).regel == (
        "opschorten-niet-dubbel"
    )
    t = t.registreer(ev("hervat", 5))
    assert not t.opgeschort
    assert (t.pauzes[0].van, t.pauzes[0].tot) == (t.events[1].op, t.events[2].op)
    assert weigering(m, [aangemeld(), ev("hervat", 1)]).regel == "hervatten-na-opschorting"


def test_kan_naar_lists_every_failing_rule(m: ija.Methodiek) -> None:
    t = ija.Traject.replay([aangemeld()], methodiek=m)
    besluit = t.kan_naar("uitvoering")
    assert not besluit.toegestaan
    assert [w.regel for w in besluit.redenen] == ["fase-volgorde", "plan-voor-uitvoering"]
    assert "ondersteuningsplan niet ondertekend door de jongere" in besluit.redenen[1].ontbreekt
    assert t.kan_naar("verdieping").redenen[0].ontbreekt == (
        "kennismaking",
        "verwachtingen-uitgesproken",
    )


def test_kan_naar_back_needs_only_a_reason(m: ija.Methodiek) -> None:
    t = ija.Traject.replay(tot_uitvoering(), methodiek=m)
    assert [w.regel for w in t.kan_naar("vertrouwen").redenen] == ["terugval-met-reden"]
    assert t.kan_naar("vertrouwen", reden="contact kwijt").toegestaan
    assert [w.regel for w in t.kan_naar("uitvoering").redenen] == ["fase-volgorde"]


def test_kan_naar_on_a_closed_traject_and_unknown_fase(m: ija.Methodiek) -> None:
    t = ija.Traject.replay([aangemeld(), ev("afgesloten", 1, reden="verhuisd")], methodiek=m)
    assert t.kan_naar("verdieping").redenen[0].regel == "traject-afgesloten"
    with pytest.raises(ija.OngeldigeInvoer, match="vertrouwen"):
        t.kan_naar("fase-5")


class _Dagbesteding:
    """A plugin with a guard on entering afronding, only for its own aanbieder."""

    IJA_PLUGIN_NAAM = "testaanbieder"

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder:
        return ija.Aanbieder(id="testaanbieder", naam="Testaanbieder")

    @ija.hookimpl
    def ija_overgangsregels(self) -> list[ija.Overgangsregel]:
        def toets(traject: ija.Traject, naar: str) -> str | None:
            heeft = any(d.leefgebied == "vrije-tijd" for d in traject.plan.doelen)
            return None if heeft else "het plan heeft nog geen doel voor dagbesteding"

        return [
            ija.Overgangsregel(
                id="testaanbieder:dagbesteding",
                naam="Dagbesteding",
                uitleg="Naar afronding pas met een doel voor dagbesteding.",
                toets=toets,
                naar=("afronding",),
                aanbieder="testaanbieder",
            )
        ]


def test_plugin_guard_refuses_after_the_handbook_rules_and_names_the_plugin() -> None:
    m = ija.load_methodiek(plugins=[_Dagbesteding()], entrypoints=False)
    if True:
        events = [dict(e) for e in tot_afronding()]
        events[0]["aanbieder"] = "testaanbieder"
        fout = weigering(m, events)
        assert fout.regel == "testaanbieder:dagbesteding"
        assert fout.plugin is not None
        assert fout.index == len(events) - 1
        t = ija.Traject.replay(events[:-1], methodiek=m)
        besluit = t.kan_naar("afronding")
        assert [(w.regel, w.plugin) for w in besluit.redenen] == [
            ("testaanbieder:dagbesteding", fout.plugin)
        ]
        # a traject of another aanbieder is not guarded
        zonder = [dict(e) for e in tot_afronding()]
        assert ija.Traject.replay(zonder, methodiek=m).fase == "afronding"
