"""The jongere's network: betrokkenen, toestemming, JIM, regie, opschaling (design.md)."""

from __future__ import annotations

from typing import Any

import pytest

import ija_core as ija
from ija_core.netwerk import WETTELIJKE_TOESTEMMING
from ija_core.phases.rules import NETWERK_REGELS

from .hulp import aangemeld, ev, tot_verdieping

M = ija.load_methodiek(entrypoints=False)


def traject(*events: dict[str, Any], geboortedatum: str = "2006-05-01") -> ija.Traject:
    return ija.Traject.replay([aangemeld(geboortedatum), *events], methodiek=M)


def erbij(id_: str = "oma", relatie: str = "familie", dag: float = 1) -> dict[str, Any]:
    return ev("betrokkene-toegevoegd", dag, id=id_, relatie=relatie)


def toestemming(b: str, voor: str = "betrekken", dag: float = 1) -> dict[str, Any]:
    return ev("toestemming-gegeven", dag, betrokkene=b, voor=voor)


def contact(b: str, met: str = "netwerk", dag: float = 2) -> dict[str, Any]:
    return ev("contact", dag, met=met, vorm="gesprek", betrokkene=b)


def ongeldig(t: ija.Traject, event: dict[str, Any], pad: str, tekst: str) -> None:
    with pytest.raises(ija.OngeldigeInvoer) as info:
        t.registreer(event)
    assert any(f.startswith(pad) and tekst in f for f in info.value.fouten), info.value.fouten


def geweigerd(t: ija.Traject, event: dict[str, Any], regel: str) -> ija.RegelOvertreding:
    with pytest.raises(ija.RegelOvertreding) as info:
        t.registreer(event)
    assert info.value.regel == regel
    return info.value


# --- definitions ---------------------------------------------------------------------------


def test_relaties_of_the_design_with_their_rol() -> None:
    rollen = {
        "ouder": "netwerk",
        "familie": "netwerk",
        "vriend": "netwerk",
        "sleutelfiguur": "netwerk",
        "school": "wijknetwerk",
        "jongerenwerk": "wijknetwerk",
        "sportvereniging": "wijknetwerk",
        "werkgever": "wijknetwerk",
        "wijkagent": "wijknetwerk",
        "jongerenloket": "wijknetwerk",
        "jeugdreclassering": "zorgpartijen",
        "ggz": "zorgpartijen",
        "jeugd-en-gezinscoach": "coach",
        "wijkteam-ggz": "coach",
    }
    for relatie, rol in rollen.items():
        assert M.relatie(relatie).rol == rol
    ids = [r.id for r in M.relaties]
    assert ids == sorted(ids)
    for r in M.relaties:
        assert r.bron.soort in ("handboek", "afgeleid")
        assert r.naam.strip()
        assert r.bron.toelichting.strip()


def test_opschalingen_of_the_design() -> None:
    soorten = {
        "pga": "drang-en-dwang",
        "wijkveiligheid": "drang-en-dwang",
        "politie": "drang-en-dwang",
        "jongerenloket": "drang-en-dwang",
        "onderwijs": "drang-en-dwang",
        "andere-vorm": "andere-begeleiding",
    }
    for id_, soort in soorten.items():
        assert M.opschaling(id_).soort == soort
        assert M.opschaling(id_).bron.soort == "handboek"
    ids = [o.id for o in M.opschalingen]
    assert ids == sorted(ids)


def test_unknown_relatie_or_opschaling_lists_the_known_ids() -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="wijkagent"):
        M.relatie("buurvrouw")
    with pytest.raises(ija.OngeldigeInvoer, match="pga"):
        M.opschaling("buurtvader")


def test_the_wgbo_bands_are_data_with_an_outside_source() -> None:
    assert [(w.van, w.tot) for w in WETTELIJKE_TOESTEMMING] == [(12, 15), (16, None)]
    for w in WETTELIJKE_TOESTEMMING:
        assert w.bron.soort == "extern"
        assert "WGBO" in w.bron.toelichting


def test_the_network_rules_follow_the_pause_rules_with_their_bron() -> None:
    ids = [r.id for r in M.regels]
    assert ids[15:18] == [
        "betrekken-met-toestemming",
        "delen-met-toestemming",
        "jim-uit-eigen-netwerk",
    ]
    assert [r.bron.soort for r in NETWERK_REGELS] == ["afgeleid", "keuze", "handboek"]
    toelichting = M.regel("betrekken-met-toestemming").bron.toelichting
    assert "12 tot en met 15" in toelichting
    assert "vanaf 16" in toelichting


# --- state ---------------------------------------------------------------------------------


def test_state_of_betrokkenen_jim_regie_opschaling() -> None:
    t = traject(
        erbij("oma"),
        erbij("jgc", "jeugd-en-gezinscoach"),
        toestemming("oma", "gegevens-delen"),
        ev("jim-gekozen", 2, betrokkene="oma"),
        ev("regie-belegd", 2, bij="jgc", reden="1 gezin, 1 plan, 1 regisseur"),
        ev("opgeschaald", 3, naar="pga", reden="afspraken niet nagekomen"),
        ev("coach-gewisseld", 3, reden="ziekte"),
    )
    assert [b.id for b in t.betrokkenen] == ["oma", "jgc"]
    assert t.betrokkene("oma").relatie == "familie"
    assert t.betrokkene("oma").toestemmingen == ("betrekken", "gegevens-delen")
    assert t.toestemming("oma", "betrekken")  # the JIM choice counts as toestemming
    assert not t.toestemming("jgc", "betrekken")
    assert t.jim == "oma"
    assert t.regie == "jgc"
    assert t.opschaling is not None
    assert t.opschaling.naar == "pga"
    assert t.coachwissels == 1
    t = t.registreer(ev("afgeschaald", 4, reden="weer in gesprek"))
    assert t.opschaling is None
    t = t.registreer(ev("betrokkene-verwijderd", 5, id="oma"))
    t = t.registreer(ev("betrokkene-verwijderd", 5, id="jgc"))
    assert t.jim is None
    assert t.regie == "coach"
    assert t.betrokkenen == ()


def test_regie_starts_with_the_coach_and_the_traject_goes_on_while_opgeschaald() -> None:
    t = ija.Traject.replay(tot_verdieping(), methodiek=M)
    assert t.regie == "coach"
    assert t.jim is None
    assert t.opschaling is None
    assert t.coachwissels == 0
    t = t.registreer(ev("opgeschaald", 3, naar="pga", reden="overlast"))
    t = t.registreer(
        ev("doel-gesteld", 4, id="d1", leefgebied="werk", termijn="kort", omschrijving="cv")
    )
    t = t.registreer(ev("afgesloten", 5, reden="opgeschaald"))
    assert t.status == "afgesloten"


def test_withdrawal_takes_effect_from_its_moment() -> None:
    t = traject(erbij("oma"), toestemming("oma"), contact("oma", dag=2))
    t = t.registreer(ev("toestemming-ingetrokken", 3, betrokkene="oma", voor="betrekken"))
    assert not t.toestemming("oma", "betrekken")
    assert len(t.contacten) == 1  # the contact before the withdrawal stays accepted
    geweigerd(t, contact("oma", dag=3), "betrekken-met-toestemming")


def test_withdrawing_betrekken_from_the_jim_ends_the_jim() -> None:
    t = traject(erbij("oma"), ev("jim-gekozen", 2, betrokkene="oma"))
    t = t.registreer(ev("toestemming-ingetrokken", 3, betrokkene="oma", voor="betrekken"))
    assert t.jim is None


def test_network_events_round_trip_through_json_and_replay() -> None:
    t = traject(
        ev("betrokkene-toegevoegd", 1, id="oma", relatie="familie", omschrijving="van moeders kant"),
        erbij("school-1", "school"),
        toestemming("oma"),
        toestemming("school-1", "gegevens-delen"),
        contact("oma"),
        ev("contact", 2, met="jongere", vorm="app"),
        ev("doorverwezen", 3, naar="school", warm=True, betrokkene="school-1"),
        ev("plan-ondertekend", 3, door=["jongere", "oma"]),
        ev("opgeschaald", 3, naar="politie", reden="geweld"),
    )
    tekst = ija.to_json(t)
    assert '"betrokkene":null' not in tekst.replace(" ", "")  # optional fields left out
    assert ija.from_json(tekst, ija.Traject, methodiek=M) == t
    assert ija.Traject.replay(list(t.events), methodiek=M) == t


# --- invalid input -------------------------------------------------------------------------


def test_unknown_relatie_is_invalid_input() -> None:
    ongeldig(traject(), erbij("x", "buurvrouw"), "$.relatie", "onbekende relatie")


def test_unknown_partner_is_invalid_input() -> None:
    ongeldig(traject(), ev("opgeschaald", 1, naar="buurtvader", reden="x"), "$.naar", "onbekende")


@pytest.mark.parametrize(
    "event",
    [
        ev("betrokkene-verwijderd", 2, id="opa"),
        ev("toestemming-gegeven", 2, betrokkene="opa", voor="betrekken"),
        ev("jim-gekozen", 2, betrokkene="opa"),
        ev("regie-belegd", 2, bij="opa"),
        ev("contact", 2, met="netwerk", vorm="app", betrokkene="opa"),
        ev("doorverwezen", 2, naar="ggz", warm=True, betrokkene="opa"),
        ev("plan-ondertekend", 2, door=["jongere", "opa"]),
    ],
)
def test_a_betrokkene_used_before_it_is_added_is_invalid_input(event: dict[str, Any]) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="'opa'"):
        traject(erbij("oma")).registreer(event)


@pytest.mark.parametrize(
    "event",
    [
        ev("toestemming-gegeven", 3, betrokkene="oma", voor="betrekken"),
        contact("oma", dag=3),
        ev("jim-gekozen", 3, betrokkene="oma"),
        ev("betrokkene-verwijderd", 3, id="oma"),
    ],
)
def test_a_betrokkene_used_after_it_is_removed_is_invalid_input(event: dict[str, Any]) -> None:
    t = traject(erbij("oma"), ev("betrokkene-verwijderd", 2, id="oma"))
    with pytest.raises(ija.OngeldigeInvoer, match="verwijderd"):
        t.registreer(event)


def test_adding_a_betrokkene_twice_is_invalid_input() -> None:
    ongeldig(traject(erbij("oma")), erbij("oma", dag=2), "$.id", "al toegevoegd")


def test_a_removed_id_is_not_reused() -> None:
    t = traject(erbij("oma"), ev("betrokkene-verwijderd", 2, id="oma"))
    ongeldig(t, erbij("oma", dag=3), "$.id", "niet opnieuw gebruikt")


@pytest.mark.parametrize("rol", ["jongere", "netwerk", "coach"])
def test_a_betrokkene_id_equal_to_a_rol_id_is_invalid_input(rol: str) -> None:
    ongeldig(traject(), erbij(rol), "$.id", "rol")


def test_a_contact_whose_betrokkene_has_another_rol_is_invalid_input() -> None:
    t = traject(erbij("agent", "wijkagent"))
    ongeldig(t, contact("agent", met="netwerk"), "$.met", "'wijknetwerk'")
    assert len(t.registreer(contact("agent", met="wijknetwerk")).contacten) == 1


def test_afgeschaald_without_an_active_opschaling_is_invalid_input() -> None:
    ongeldig(traject(), ev("afgeschaald", 1, reden="klaar"), "$", "niet opgeschaald")


def test_opgeschaald_while_one_is_active_is_invalid_input() -> None:
    t = traject(ev("opgeschaald", 1, naar="pga", reden="x"))
    ongeldig(t, ev("opgeschaald", 2, naar="politie", reden="y"), "$", "al opgeschaald")


@pytest.mark.parametrize("soort", ["opgeschaald", "afgeschaald", "coach-gewisseld"])
@pytest.mark.parametrize("reden", ["", "   ", None])
def test_a_blank_reden_is_invalid_input(soort: str, reden: str | None) -> None:
    t = traject(ev("opgeschaald", 1, naar="pga", reden="x")) if soort == "afgeschaald" else traject()
    event = ev(soort, 2, reden=reden)
    if soort == "opgeschaald":
        event["naar"] = "politie"
    if reden is None:
        del event["reden"]
    with pytest.raises(ija.OngeldigeInvoer) as info:
        t.registreer(event)
    assert any(f.startswith("$.reden") for f in info.value.fouten)


def test_withdrawing_a_toestemming_that_is_not_active_is_invalid_input() -> None:
    t = traject(erbij("oma"), toestemming("oma", "gegevens-delen"))
    ongeldig(
        t, ev("toestemming-ingetrokken", 2, betrokkene="oma", voor="betrekken"), "$.voor", "geen"
    )


def test_an_unknown_toestemming_voor_is_invalid_input() -> None:
    ongeldig(traject(erbij("oma")), toestemming("oma", "bellen"), "$.voor", "")


def test_invalid_input_comes_before_any_rule() -> None:
    # chronologie would refuse (day 0.5 < day 1), but the unknown betrokkene is reported first
    t = traject(erbij("oma", dag=1))
    with pytest.raises(ija.OngeldigeInvoer):
        t.registreer(contact("opa", dag=0.5))


# --- rules ---------------------------------------------------------------------------------


def test_betrekken_needs_toestemming_and_names_the_betrokkene() -> None:
    t = traject(erbij("oma"))
    fout = geweigerd(t, contact("oma"), "betrekken-met-toestemming")
    assert fout.uitleg == "geen toestemming van de jongere om 'oma' te betrekken"
    assert len(t.registreer(toestemming("oma", dag=2)).registreer(contact("oma")).contacten) == 1


def test_betrekken_also_guards_signing_the_plan() -> None:
    t = traject(erbij("oma"))
    geweigerd(t, ev("plan-ondertekend", 2, door=["jongere", "oma"]), "betrekken-met-toestemming")
    t = t.registreer(toestemming("oma", dag=2))
    assert "oma" in t.registreer(ev("plan-ondertekend", 2, door=["jongere", "oma"])).ondertekend_door


def test_betrekken_does_not_ask_for_other_rollen() -> None:
    t = traject(erbij("agent", "wijkagent"), erbij("jgc", "jeugd-en-gezinscoach"))
    t = t.registreer(contact("agent", met="wijknetwerk")).registreer(contact("jgc", met="coach"))
    assert len(t.contacten) == 2


@pytest.mark.parametrize(
    ("dag", "toegestaan"),
    [
        (0.5, True),  # 2025-03-03 +0.5: the day before the 16th birthday, 15 years old
        (1, False),  # 2025-03-04 09:00 Amsterdam: the 16th birthday
    ],
)
def test_a_parent_may_be_involved_without_toestemming_until_the_16th_birthday(
    dag: float, toegestaan: bool
) -> None:
    t = traject(erbij("moeder", "ouder", dag=0.1), geboortedatum="2009-03-04")
    event = contact("moeder", dag=dag)
    if toegestaan:
        assert len(t.registreer(event).contacten) == 1
    else:
        geweigerd(t, event, "betrekken-met-toestemming")


def test_the_parent_exception_counts_the_amsterdam_day() -> None:
    # 2025-03-03T23:30Z is 2025-03-04 00:30 in Amsterdam: already 16 there
    t = traject(erbij("moeder", "ouder", dag=0.1), geboortedatum="2009-03-04")
    event = {
        "type": "contact",
        "op": "2025-03-03T23:30:00Z",
        "met": "netwerk",
        "vorm": "app",
        "betrokkene": "moeder",
    }
    geweigerd(t, event, "betrekken-met-toestemming")


def test_the_parent_exception_is_for_parents_only() -> None:
    t = traject(erbij("oma", "familie", dag=0.1), geboortedatum="2011-01-01")  # 14
    geweigerd(t, contact("oma"), "betrekken-met-toestemming")


def test_delen_needs_toestemming_gegevens_delen() -> None:
    t = traject(erbij("school-1", "school"), toestemming("school-1", "betrekken"))
    event = ev("doorverwezen", 2, naar="school", warm=True, betrokkene="school-1")
    fout = geweigerd(t, event, "delen-met-toestemming")
    assert "'school-1'" in fout.uitleg
    assert "gegevens te delen" in fout.uitleg
    t = t.registreer(toestemming("school-1", "gegevens-delen", dag=2))
    assert len(t.registreer(event).doorverwijzingen) == 1
    assert len(t.registreer(ev("doorverwezen", 2, naar="ggz", warm=False)).doorverwijzingen) == 1


def test_jim_only_from_the_own_network() -> None:
    t = traject(erbij("agent", "wijkagent"), erbij("tante", "familie"))
    fout = geweigerd(t, ev("jim-gekozen", 2, betrokkene="agent"), "jim-uit-eigen-netwerk")
    assert "'agent'" in fout.uitleg
    assert t.registreer(ev("jim-gekozen", 2, betrokkene="tante")).jim == "tante"


def test_network_rules_come_after_the_table_rules() -> None:
    # a contact before the previous event breaks chronologie first
    t = traject(erbij("oma", dag=3))
    geweigerd(t, contact("oma", dag=2), "chronologie")


def test_a_plugin_relatie_needs_a_namespace_and_bron_aanbieder() -> None:
    class Plugin:
        IJA_PLUGIN_NAAM = "buurt"

        def __init__(self, relatie: ija.Relatie) -> None:
            self.relatie = relatie

        @ija.hookimpl
        def ija_relaties(self) -> list[ija.Relatie]:
            return [self.relatie]

    bron = ija.Bron(soort="aanbieder", toelichting="Van de plugin buurt.")
    goed = ija.Relatie(id="buurt:buurvrouw", naam="Buurvrouw", rol="netwerk", bron=bron)
    m = ija.load_methodiek(plugins=[Plugin(goed)], entrypoints=False)
    assert m.relatie("buurt:buurvrouw") == goed
    t = ija.Traject.replay(
        [aangemeld(), ev("betrokkene-toegevoegd", 1, id="bv", relatie="buurt:buurvrouw")],
        methodiek=m,
    )
    assert t.betrokkenen[0].relatie == "buurt:buurvrouw"
    with pytest.raises(ija.PluginFout, match="naamruimte"):
        ija.load_methodiek(
            plugins=[Plugin(ija.Relatie(id="buurvrouw", naam="B", rol="netwerk", bron=bron))],
            entrypoints=False,
        )
    handboek = ija.Bron(soort="handboek", toelichting="Zou het handboek zijn.")
    with pytest.raises(ija.PluginFout, match="aanbieder"):
        ija.load_methodiek(
            plugins=[Plugin(ija.Relatie(id="buurt:bv", naam="B", rol="netwerk", bron=handboek))],
            entrypoints=False,
        )
    with pytest.raises(ValueError, match="rol"):
        ija.Relatie(id="buurt:x", naam="X", rol="buren", bron=bron)
