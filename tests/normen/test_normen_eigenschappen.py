"""Properties of the norm engine over random trajecten (hypothesis)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import ija_core as ija
from ija_core.normen._texts import AMSTERDAM
from ija_core.normen._timeline import Instant, build_timeline, timeline_of
from normen.bouw import aangemeld, traject

M = ija.load_methodiek(entrypoints=False)
START = datetime(2024, 9, 1, 8, 0, tzinfo=UTC)  # runs across the October clock change
ERG = {"verlopen": 0, "dreigt": 1, "te-laat": 2, "open": 3, "gehaald": 4}
SOORTEN = (
    "poging-mislukt",
    "poging-gelukt",
    "contact-jongere",
    "contact-netwerk",
    "melding",
    "intake",
    "doel",
    "plan-jongere",
    "plan-coach",
    "pauze",
)


def op(minuten: int) -> str:
    return (START + timedelta(minutes=minuten)).isoformat()


def bouw_events(stappen: list[tuple[int, str]], tid: str = "p") -> list[dict[str, Any]]:
    """Turn (minutes since the previous event, kind) steps into valid events."""
    events = [aangemeld(op=op(0), traject=tid)]
    t = 0
    gepauzeerd = intake = gesloten = False
    for gat, soort in stappen:
        t += gat
        moment = op(t)
        if soort == "sluit" and not gesloten:
            events.append({"type": "afgesloten", "op": moment, "reden": "verhuisd"})
            gesloten, gepauzeerd = True, False
        elif soort == "heropen" and gesloten:
            naar = "verdieping" if len(events) % 2 else "uitvoering"
            events.append({"type": "heropend", "op": moment, "naar": naar, "reden": "terug"})
            gesloten = False
        elif gesloten:
            continue
        elif soort in {"poging-mislukt", "poging-gelukt"}:
            e = {"kanaal": "app", "gelukt": soort == "poging-gelukt"}
            events.append({"type": "contactpoging", "op": moment, **e})
        elif soort.startswith("contact-"):
            events.append({"type": "contact", "op": moment, "met": soort[8:], "vorm": "gesprek"})
        elif soort == "melding":
            events.append({"type": "melding", "op": moment, "soort": "overlast", "bron": "politie"})
        elif soort == "intake" and not intake:
            intake = True
            events.append({"type": "intake", "op": moment})
        elif soort == "doel":
            n = len(events)
            events.append(
                {
                    "type": "doel-gesteld",
                    "op": moment,
                    "id": f"d{n}",
                    "leefgebied": "werk",
                    "termijn": "kort",
                    "omschrijving": "doel",
                }
            )
        elif soort.startswith("plan-"):
            events.append({"type": "plan-ondertekend", "op": moment, "door": [soort[5:]]})
        elif soort == "pauze":
            soort_ = "hervat" if gepauzeerd else "opgeschort"
            extra = {} if gepauzeerd else {"reden": "opname"}
            events.append({"type": soort_, "op": moment, **extra})
            gepauzeerd = not gepauzeerd
    return events


stappen_st = st.lists(st.tuples(st.integers(1, 60 * 24 * 9), st.sampled_from(SOORTEN)), max_size=14)
met_sluiten_st = st.lists(
    st.tuples(st.integers(1, 60 * 24 * 9), st.sampled_from((*SOORTEN, "sluit", "heropen"))),
    max_size=16,
)
peildatum_st = st.dates(date(2024, 8, 25), date(2025, 3, 1))


def toets(t: Any, peildatum: date) -> dict[str, ija.Normuitkomst]:
    return {u.norm: u for u in ija.normtoets(t, peildatum=peildatum, methodiek=M)}


@given(stappen_st, peildatum_st, st.integers(0, 200))
def test_moving_the_peildatum_forward_never_turns_verlopen_back(
    stappen: list[tuple[int, str]], p1: date, vooruit: int
) -> None:
    t = traject(*bouw_events(stappen), m=M)
    p2 = p1 + timedelta(days=vooruit)
    eerder, later = toets(t, p1), toets(t, p2)
    for norm, u in eerder.items():
        if u.status == "verlopen":
            assert later[norm].status not in ("open", "dreigt")
            if norm in ("intake-binnen-6-weken", "plan-binnen-6-weken"):
                assert later[norm].deadline == u.deadline
        if u.status in ("gehaald", "te-laat"):
            assert later[norm].status in ("gehaald", "te-laat", "verlopen", "dreigt")
    assert set(eerder) <= set(later)


@given(stappen_st, peildatum_st, st.sampled_from(("contact-jongere", "poging-gelukt", "intake")))
def test_adding_a_satisfying_event_never_adds_a_signal(
    stappen: list[tuple[int, str]], peildatum: date, soort: str
) -> None:
    zonder = bouw_events(stappen)
    met = bouw_events([*stappen, (30, soort)])
    voor = {
        (u.norm, u.status)
        for u in ija.signalen([traject(*zonder, m=M)], peildatum=peildatum, methodiek=M)
    }
    na = {
        (u.norm, u.status)
        for u in ija.signalen([traject(*met, m=M)], peildatum=peildatum, methodiek=M)
    }
    assert {n for n, _ in na} <= {n for n, _ in voor}
    ergst_voor = {n: ERG[s] for n, s in voor}
    for n, s in na:
        assert ERG[s] >= ergst_voor[n]


@given(stappen_st, peildatum_st, st.integers(1, 60 * 24 * 20), st.integers(1, 60 * 24 * 30))
def test_pausing_never_makes_a_pausable_norm_expire_earlier(
    stappen: list[tuple[int, str]], peildatum: date, na: int, duur: int
) -> None:
    basis = [s for s in stappen if s[1] != "pauze"]
    met_pauze = [*basis, (na, "pauze"), (duur, "pauze")]
    zonder = toets(traject(*bouw_events(basis), m=M), peildatum)
    met = toets(traject(*bouw_events(met_pauze), m=M), peildatum)
    assert set(zonder) == set(met)
    for norm, u in zonder.items():
        pauzeerbaar = M.norm(norm).pauzeerbaar
        if pauzeerbaar:
            assert met[norm].deadline >= u.deadline
            assert not (met[norm].status == "verlopen" and u.status != "verlopen")
        else:
            assert met[norm] == u


@given(st.lists(met_sluiten_st, min_size=1, max_size=5), peildatum_st)
def test_signalen_is_the_union_of_normtoets_sorted_by_urgency(
    reeksen: list[list[tuple[int, str]]], peildatum: date
) -> None:
    trajecten = [traject(*bouw_events(s, tid=f"t{i}"), m=M) for i, s in enumerate(reeksen)]
    actief = [t for t in trajecten if gesloten_op(t, peildatum) is None]
    verwacht = [
        u
        for t in actief  # signalen skips trajecten that are closed at the peildatum
        for u in ija.normtoets(t, peildatum=peildatum, methodiek=M)
        if u.status in ("dreigt", "verlopen")
    ]
    verwacht.sort(key=lambda u: (u.status != "verlopen", u.dagen, u.traject, u.norm))
    assert ija.signalen(trajecten, peildatum=peildatum, methodiek=M) == verwacht
    assert ija.signalen(list(reversed(trajecten)), peildatum=peildatum, methodiek=M) == verwacht


@given(stappen_st, peildatum_st)
def test_dagen_is_deadline_minus_peildatum_and_status_fits_it(
    stappen: list[tuple[int, str]], peildatum: date
) -> None:
    for u in toets(traject(*bouw_events(stappen), m=M), peildatum).values():
        assert u.dagen == (u.deadline - peildatum).days
        if u.status == "verlopen":
            assert u.dagen < 0
        elif u.status == "dreigt":
            assert 0 <= u.dagen <= 7
        elif u.status == "open":
            assert u.dagen > 7
        assert u.uitleg


def dag(op: datetime) -> date:
    return op.astimezone(AMSTERDAM).date()


def gesloten_op(t: Any, peildatum: date) -> date | None:
    """The closing day when ``t`` is closed at ``peildatum`` (a model from the events)."""
    gesloten = None
    for e in t.events:
        if dag(e.op) > peildatum:
            break
        if e.TYPE == "afgesloten":
            gesloten = dag(e.op)
        elif e.TYPE == "heropend":
            gesloten = None
    return gesloten


@given(met_sluiten_st)
def test_the_timeline_of_replay_equals_a_model_of_the_events(
    stappen: list[tuple[int, str]],
) -> None:
    """The timeline ``replay`` fills, the one built on first use (a traject without it, as
    after ``attrs.evolve``) and a plain model of the events agree."""
    t = traject(*bouw_events(stappen), m=M)
    zonder = attrs.evolve(t)
    assert zonder == t
    gevuld, lui = timeline_of(t), timeline_of(zonder)
    assert timeline_of(t) is gevuld  # computed once per object
    assert gevuld is not lui
    model = _model(t.events)
    for veld in ("aangemeld", "fasestarts", "afsluitingen", "heropeningen", "pauzes", "plan_signed"):
        assert getattr(gevuld, veld) == getattr(lui, veld) == model[veld], veld
    assert (gevuld.traject, gevuld.aanbieder) == (t.id, t.aanbieder)
    assert build_timeline(t).fasestarts == gevuld.fasestarts


def _moment(op: datetime) -> Instant:
    return Instant(op.timestamp(), dag(op).toordinal())


def _model(events: Any) -> dict[str, Any]:
    """The timeline's fields computed the plain way (``datetime.timestamp``, ``astimezone``)."""
    starts, afsluitingen, heropeningen, pauzes = [], [], [], []
    plan, doel, door = None, False, set()
    for e in events:
        m = _moment(e.op)
        if e.TYPE == "aangemeld":
            starts.append((m.day, m.ts, None))
        elif e.TYPE in ("fase-gewijzigd", "heropend"):
            starts.append((m.day, m.ts, e.naar))
            if e.TYPE == "heropend":
                heropeningen.append(m)
                afsluitingen[-1] = (*afsluitingen[-1][:2], m.day)
        elif e.TYPE == "afgesloten":
            afsluitingen.append((m.day, m.ts, None))
            if pauzes and pauzes[-1][1] is None:
                pauzes[-1] = (pauzes[-1][0], m.day)
        elif e.TYPE == "opgeschort":
            pauzes.append((m.day, None))
        elif e.TYPE == "hervat":
            pauzes[-1] = (pauzes[-1][0], m.day)
        elif e.TYPE in ("doel-gesteld", "plan-ondertekend") and plan is None:
            doel = doel or e.TYPE == "doel-gesteld"
            door |= set(getattr(e, "door", ()))
            if doel and {"jongere", "coach"} <= door:
                plan = m
    return {
        "aangemeld": _moment(events[0].op),
        "fasestarts": tuple(starts),
        "afsluitingen": tuple(afsluitingen),
        "heropeningen": tuple(heropeningen),
        "pauzes": tuple(pauzes),
        "plan_signed": plan,
    }


@given(met_sluiten_st, peildatum_st)
def test_closed_trajecten_only_keep_met_or_overdue_norms(
    stappen: list[tuple[int, str]], peildatum: date
) -> None:
    t = traject(*bouw_events(stappen), m=M)
    gesloten = gesloten_op(t, peildatum)
    for u in toets(t, peildatum).values():
        if gesloten is not None:
            assert u.status in ("gehaald", "te-laat", "verlopen")
            if u.status == "verlopen":
                assert u.deadline < gesloten


# gaps of 0 minutes: events at the same instant (a contact listed before its melding answers it)
gelijktijdig_st = st.lists(
    st.tuples(
        st.sampled_from((0, 0, 60 * 24)) | st.integers(0, 60 * 24 * 3),  # 24 h: the edge
        st.sampled_from((*SOORTEN, "sluit", "heropen")),
    ),
    max_size=16,
)
_VARIANTEN = (
    None,  # the default norms: signalen measures them on the stored instants alone
    (
        "contact-na-melding-24-uur",
        "fase-streefduur",
        "intake-binnen-6-weken",
        "plan-binnen-6-weken",
        # the 24-hour norm with another termijn and a pausable fase norm with a fixed one
        attrs.evolve(M.norm("contact-na-melding-24-uur"), id="melding-48", uren=48),
        attrs.evolve(M.norm("fase-streefduur"), id="fase-10", dagen=10),
        attrs.evolve(M.norm("intake-binnen-6-weken"), id="intake-pauze", pauzeerbaar=True),
    ),
    ("contact-na-melding-24-uur", "geeft-niet-op"),  # a norm not measured on stored instants
)


dichtbij_st = st.integers(-2, 45).map(lambda d: START.date() + timedelta(days=d))
"""A peildatum among the events (a melding that day, its answer the next)."""


@given(
    st.lists(gelijktijdig_st, min_size=1, max_size=4),
    dichtbij_st | peildatum_st,
    st.sampled_from(_VARIANTEN),
)
def test_stored_instants_give_the_outcomes_of_converting_the_events(
    reeksen: list[list[tuple[int, str]]], peildatum: date, normen: Any
) -> None:
    """``replay`` stores the instants (meldingen and their first answer included); a traject
    without them (``attrs.evolve``) and the bare events give the same signalen and toets."""
    trajecten = [traject(*bouw_events(s, tid=f"t{i}"), m=M) for i, s in enumerate(reeksen)]
    zonder = [attrs.evolve(t) for t in trajecten]
    verwacht = ija.signalen(zonder, peildatum=peildatum, methodiek=M, normen=normen)
    assert ija.signalen(trajecten, peildatum=peildatum, methodiek=M, normen=normen) == verwacht
    for t, z in zip(trajecten, zonder, strict=True):
        assert ija.normtoets(t, peildatum=peildatum, methodiek=M, normen=normen) == (
            ija.normtoets(z, peildatum=peildatum, methodiek=M, normen=normen)
        )
