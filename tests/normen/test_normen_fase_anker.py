"""``Norm.fase``: anker ``fase-start`` naming a fase ("within N days of entering verdieping").

Chosen and documented on ``Norm``: the clock starts at the most recent entry into the named
fase on or before the peildatum (or the closing day); going back to it or reopening into it
restarts the clock, moving on to a later fase does not stop it, and a traject that never
entered the fase is left out. ``fase=None`` keeps the old meaning (the current fase).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given

import ija_core as ija
from ija_core import Bron, Norm, Voorwaarde, hookimpl
from normen.bouw import aangemeld, ev, traject
from normen.test_normen_eigenschappen import (
    bouw_events,
    dag,
    gesloten_op,
    met_sluiten_st,
    peildatum_st,
)

M = ija.load_methodiek(entrypoints=False)
BRON = Bron(soort="aanbieder", toelichting="Een werkafspraak van de proefplugin.")
EVALUATIE_NA_VERDIEPING = Norm(
    id="proef:evaluatie-na-verdieping",
    naam="Evaluatie binnen 14 dagen na verdieping",
    uitleg="Binnen 14 dagen na het begin van de verdieping is er een evaluatie.",
    anker="fase-start",
    fase="verdieping",
    dagen=14,
    voldaan_door=(Voorwaarde(soort="evaluatie"),),
    bron=BRON,
)

VOOR_VERDIEPING = (
    aangemeld(),
    ev("kennismaking", "2024-03-02T10:00:00+01:00"),
    ev("verwachtingen-uitgesproken", "2024-03-03T10:00:00+01:00"),
)
NAAR_VERDIEPING = ev("fase-gewijzigd", "2024-03-05T10:00:00+01:00", naar="verdieping")


def _uitkomsten(t: Any, peildatum: date, norm: Norm = EVALUATIE_NA_VERDIEPING) -> list[Any]:
    return ija.normtoets(t, peildatum=peildatum, methodiek=M, normen=[norm])


def test_a_traject_that_never_entered_the_fase_is_left_out() -> None:
    t = traject(*VOOR_VERDIEPING, m=M)
    assert _uitkomsten(t, date(2024, 6, 1)) == []


def test_the_clock_starts_when_the_traject_enters_the_fase() -> None:
    t = traject(*VOOR_VERDIEPING, NAAR_VERDIEPING, m=M)
    assert _uitkomsten(t, date(2024, 3, 4)) == []  # not yet in verdieping on that day
    (u,) = _uitkomsten(t, date(2024, 3, 6))
    assert (u.status, u.deadline) == ("open", date(2024, 3, 19))
    assert "Verdieping begon op 5 maart 2024" in u.uitleg
    (u,) = _uitkomsten(t, date(2024, 3, 25))
    assert u.status == "verlopen"


def test_moving_on_to_a_later_fase_does_not_stop_the_clock() -> None:
    t = traject(
        *VOOR_VERDIEPING,
        NAAR_VERDIEPING,
        ev("evaluatie", "2024-03-10T10:00:00+01:00", omschrijving="plan"),
        ev("doel-gesteld", "2024-03-11T10:00:00+01:00", id="d1", leefgebied="werk",
           termijn="kort", omschrijving="werk zoeken"),
        ev("plan-ondertekend", "2024-03-12T10:00:00+01:00", door=["jongere", "coach"]),
        ev("fase-gewijzigd", "2024-03-13T10:00:00+01:00", naar="uitvoering"),
        m=M,
    )
    assert t.fase == "uitvoering"
    (u,) = _uitkomsten(t, date(2024, 4, 1))
    assert (u.status, u.deadline) == ("gehaald", date(2024, 3, 19))
    assert "op 10 maart 2024, op tijd" in u.uitleg


def test_going_back_and_entering_again_restarts_the_clock() -> None:
    t = traject(
        *VOOR_VERDIEPING,
        NAAR_VERDIEPING,
        ev("evaluatie", "2024-03-06T10:00:00+01:00", omschrijving="start"),
        ev("fase-gewijzigd", "2024-03-08T10:00:00+01:00", naar="vertrouwen", reden="contact kwijt"),
        ev("fase-gewijzigd", "2024-03-20T10:00:00+01:00", naar="verdieping"),
        m=M,
    )
    # back in vertrouwen: the last entry (5 March) counts, and it was met on 6 March
    (u,) = _uitkomsten(t, date(2024, 3, 15))
    assert (u.status, u.deadline) == ("gehaald", date(2024, 3, 19))
    # entered again on 20 March: a new clock; the evaluatie of 6 March came before it
    (u,) = _uitkomsten(t, date(2024, 3, 22))
    assert (u.status, u.deadline) == ("open", date(2024, 4, 3))
    assert "Verdieping begon op 20 maart 2024" in u.uitleg


def test_reopening_into_the_fase_restarts_the_clock_and_a_closed_traject_keeps_its_last() -> None:
    gesloten = (
        *VOOR_VERDIEPING,
        NAAR_VERDIEPING,
        ev("afgesloten", "2024-03-10T10:00:00+01:00", reden="verhuisd"),
    )
    t = traject(*gesloten, m=M)
    # closed before the deadline with nothing to show: left out, as for every clock
    assert _uitkomsten(t, date(2024, 6, 1)) == []
    t = traject(
        *gesloten,
        ev("heropend", "2024-05-01T10:00:00+02:00", naar="verdieping", reden="terug"),
        m=M,
    )
    (u,) = _uitkomsten(t, date(2024, 5, 2))
    assert (u.status, u.deadline) == ("open", date(2024, 5, 15))


def test_without_dagen_the_termijn_is_the_streefduur_of_the_named_fase() -> None:
    norm = attrs.evolve(EVALUATIE_NA_VERDIEPING, dagen=None)
    t = traject(*VOOR_VERDIEPING, NAAR_VERDIEPING, m=M)
    (u,) = _uitkomsten(t, date(2024, 3, 6), norm)
    assert u.deadline == date(2024, 3, 5) + M.fase("verdieping").streefduur


def test_fase_belongs_to_anker_fase_start_only() -> None:
    with pytest.raises(ValueError, match="'fase' hoort bij anker 'fase-start'"):
        attrs.evolve(EVALUATIE_NA_VERDIEPING, anker="aanmelding")
    with pytest.raises(ValueError, match="fase"):
        attrs.evolve(EVALUATIE_NA_VERDIEPING, fase="Verdieping!")


class _Plugin:
    IJA_PLUGIN_NAAM = "proef-fase"

    def __init__(self, fase: str) -> None:
        self.fase = fase

    @hookimpl
    def ija_normen(self) -> list[Norm]:
        return [attrs.evolve(EVALUATIE_NA_VERDIEPING, fase=self.fase)]


def test_an_unknown_fase_refuses_the_plugin_by_name() -> None:
    with pytest.raises(ija.PluginFout, match="proef-fase") as fout:
        ija.load_methodiek(plugins=[_Plugin("nazorg")], entrypoints=False)
    assert "onbekende fase 'nazorg'" in str(fout.value)
    m = ija.load_methodiek(plugins=[_Plugin("verdieping")], entrypoints=False)
    assert m.norm("proef:evaluatie-na-verdieping").fase == "verdieping"


# -- properties over random trajecten ---------------------------------------------------------

VERDIEPING_NORM = attrs.evolve(EVALUATIE_NA_VERDIEPING, voldaan_door=(), dagen=30)


@given(met_sluiten_st, peildatum_st)
def test_the_deadline_is_the_last_entry_into_the_fase_plus_the_termijn(
    stappen: list[tuple[int, str]], peildatum: date
) -> None:
    t = traject(*bouw_events(stappen), m=M)
    # the model: the fase periods as the traject records them, the closing from the events
    sluit = gesloten_op(t, peildatum)
    eind = peildatum if sluit is None else sluit
    ingangen = [dag(p.van) for p in t.fasehistorie if p.fase == "verdieping" and dag(p.van) <= eind]
    uitkomsten = _uitkomsten(t, peildatum, VERDIEPING_NORM)
    if not ingangen or peildatum < dag(t.events[0].op):
        assert uitkomsten == []
        return
    verwacht = ingangen[-1] + timedelta(days=30)
    if sluit is not None and verwacht >= sluit:
        assert uitkomsten == []  # closed before an unmet deadline passed
        return
    (u,) = uitkomsten
    assert u.deadline == verwacht


def _fase_op(t: ija.Traject, peildatum: date) -> str:
    """The fase the norms call current on ``peildatum``, by a plain route through the public
    API (the Amsterdam day of each period's start; when closed that day, the fase it closed
    in), for holding the norm timeline's fast answer to it."""

    def dag(moment: datetime) -> date:
        return moment.astimezone(ZoneInfo("Europe/Amsterdam")).date()

    tot = peildatum
    dicht = [dag(e.op) for e in t.events if e.TYPE == "afgesloten" and dag(e.op) <= peildatum]
    if dicht:
        open_weer = [
            dag(e.op) for e in t.events if e.TYPE == "heropend" and dicht[-1] <= dag(e.op) <= peildatum
        ]
        if not open_weer:
            tot = dicht[-1]
    begonnen = [p for p in t.fasehistorie if dag(p.van) <= tot]
    return (begonnen or list(t.fasehistorie))[-1 if begonnen else 0].fase


@given(met_sluiten_st, peildatum_st)
def test_naming_the_current_fase_measures_what_fase_none_measures(
    stappen: list[tuple[int, str]], peildatum: date
) -> None:
    """``fase=None`` is the current fase: naming that same fase changes nothing."""
    t = traject(*bouw_events(stappen), m=M)
    zonder = attrs.evolve(VERDIEPING_NORM, fase=None, voldaan_door=(Voorwaarde(soort="evaluatie"),))
    uit_zonder = _uitkomsten(t, peildatum, zonder)
    if not uit_zonder:
        return
    huidig = _fase_op(t, peildatum)
    met = _uitkomsten(t, peildatum, attrs.evolve(zonder, fase=huidig))
    assert [attrs.evolve(u, uitleg="") for u in met] == [
        attrs.evolve(u, uitleg="") for u in uit_zonder
    ]
    assert met[0].uitleg == uit_zonder[0].uitleg


def test_ija_normen_and_the_site_say_which_fase_starts_the_clock() -> None:
    from ija_core.cli.signalen import termijn_tekst
    from ija_core.docs._methodiek_paginas import anker, termijn

    assert termijn_tekst(EVALUATIE_NA_VERDIEPING) == "14 dagen na het begin van verdieping"
    zonder_dagen = attrs.evolve(EVALUATIE_NA_VERDIEPING, dagen=None)
    assert termijn_tekst(zonder_dagen) == "streefduur van verdieping"
    assert "<code>verdieping</code>" in anker(EVALUATIE_NA_VERDIEPING)
    assert "<code>verdieping</code>" in termijn(zonder_dagen)
    huidig = attrs.evolve(zonder_dagen, fase=None)
    assert termijn_tekst(huidig) == "streefduur van de fase"
    assert anker(huidig) == "de start van de huidige fase"
