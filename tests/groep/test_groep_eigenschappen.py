"""Properties of the group (Hypothesis): a state machine of members joining and leaving,
groepsmeldingen and contacts, with the 24-hour norm checked against a simple model; replay is
stepwise registration; the JSON form round-trips."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

import ija_core as ija

M = ija.load_methodiek(entrypoints=False)
START = datetime(2025, 3, 1, 9, tzinfo=UTC)
IDS = ("t-a", "t-b", "t-c", "t-d")
NORM = "groep-contact-na-melding-24-uur"


def _aangemeld(tid: str) -> list[dict[str, Any]]:
    return [
        {"type": "aangemeld", "op": START.isoformat(), "traject": tid,
         "jongere": {"pseudoniem": tid, "geboortedatum": "2010-01-01"}, "verwijzer": "politie"},
    ]  # fmt: skip


def _status_model(  # noqa: PLR0917 - the model's inputs, all needed
    meldingen: list[datetime],
    leden_op: list[tuple[str, datetime, datetime | None]],
    contacten: dict[str, list[tuple[datetime, str]]],
    ouders: set[str],
    tid: str,
    peil: date,
) -> str | None:
    """The 24-hour norm for one member, computed the plain way (all day arithmetic in UTC
    here: every moment is on a whole hour of a day without a clock change in Amsterdam)."""
    uitkomsten = []
    for md in meldingen:
        if not any(
            t == tid and van <= md and (tot is None or md < tot) for t, van, tot in leden_op
        ):
            continue
        if md.date() > peil:
            continue
        grens = md + timedelta(hours=24)

        def eerste(soort: str, md: datetime = md) -> datetime | None:
            kandidaten = [op for op, s in contacten.get(tid, []) if s == soort and op >= md]
            return min(kandidaten) if kandidaten else None

        j, o = eerste("jongere"), eerste("ouder") if tid in ouders else None
        klaar = max(j, o) if j is not None and o is not None else None
        if klaar is not None and klaar.date() > peil:
            klaar = None
        if klaar is not None:
            uitkomsten.append((4 if klaar <= grens else 2, grens.date()))
        else:
            over = (_ams_dag(grens) - peil).days
            uitkomsten.append((0 if over < 0 else 1 if over <= 7 else 3, _ams_dag(grens)))
    if not uitkomsten:
        return None
    code = min(uitkomsten)[0]
    return ("verlopen", "dreigt", "te-laat", "open", "gehaald")[code]


def _ams_dag(op: datetime) -> date:
    from zoneinfo import ZoneInfo

    return op.astimezone(ZoneInfo("Europe/Amsterdam")).date()


class Groepsmachine(RuleBasedStateMachine):
    """Members join and leave, meldingen come in, coaches contact jongeren and parents."""

    @initialize()
    def begin(self) -> None:
        self.nu = START
        self.events: list[dict[str, Any]] = [
            {"type": "groep-aangemeld", "op": START.isoformat(), "groep": "g",
             "verwijzers": ["politie"], "omschrijving": "een groep"},
        ]  # fmt: skip
        self.g = ija.Groep.replay(self.events, methodiek=M)
        self.leden: list[str] = []
        self.perioden: list[tuple[str, datetime, datetime | None]] = []
        self.meldingen: list[datetime] = []
        self.contacten: dict[str, list[tuple[datetime, str]]] = {}
        self.trajecten: dict[str, list[dict[str, Any]]] = {}
        self.ouders: set[str] = set()

    def _stap(self, uren: int) -> str:
        self.nu += timedelta(hours=uren)
        return self.nu.isoformat()

    def _registreer(self, event: dict[str, Any]) -> None:
        self.g = self.g.registreer(event)
        self.events.append(event)

    @rule(tid=st.sampled_from(IDS), uren=st.integers(0, 30), ouder=st.booleans())
    def lid_erbij(self, tid: str, uren: int, ouder: bool) -> None:
        if tid in self.leden:
            try:
                self.g.registreer(
                    {"type": "lid-toegevoegd", "op": self._stap(uren), "traject": tid}
                )
            except ija.OngeldigeInvoer:
                return
            raise AssertionError("twice a member")
        self._registreer({"type": "lid-toegevoegd", "op": self._stap(uren), "traject": tid})
        self.leden.append(tid)
        self.perioden.append((tid, self.nu, None))
        if tid not in self.trajecten:
            self.trajecten[tid] = _aangemeld(tid)
            if ouder:
                self.trajecten[tid].append(
                    {"type": "betrokkene-toegevoegd", "op": START.isoformat(), "id": "ouder",
                     "relatie": "ouder"}
                )  # fmt: skip
                self.ouders.add(tid)

    @precondition(lambda self: bool(self.leden))
    @rule(data=st.data(), uren=st.integers(0, 30))
    def lid_eraf(self, data: st.DataObject, uren: int) -> None:
        tid = data.draw(st.sampled_from(self.leden))
        self._registreer(
            {"type": "lid-verwijderd", "op": self._stap(uren), "traject": tid, "reden": "weg"}
        )
        self.leden.remove(tid)
        i = next(i for i, p in enumerate(self.perioden) if p[0] == tid and p[2] is None)
        self.perioden[i] = (tid, self.perioden[i][1], self.nu)

    @rule(uren=st.integers(0, 30))
    def melding(self, uren: int) -> None:
        self._registreer(
            {"type": "groepsmelding", "op": self._stap(uren), "soort": "overlast", "melder": "x"}
        )
        self.meldingen.append(self.nu)

    @precondition(lambda self: bool(self.trajecten))
    @rule(data=st.data(), uren=st.integers(0, 8), soort=st.sampled_from(["jongere", "ouder"]))
    def contact(self, data: st.DataObject, uren: int, soort: str) -> None:
        tid = data.draw(st.sampled_from(sorted(self.trajecten)))
        if soort == "ouder" and tid not in self.ouders:
            return
        op = self._stap(uren)
        event: dict[str, Any] = {"type": "contact", "op": op, "met": "jongere", "vorm": "x"}
        if soort == "ouder":
            event = {**event, "met": "netwerk", "betrokkene": "ouder"}
        self.trajecten[tid].append(event)
        self.contacten.setdefault(tid, []).append((self.nu, soort))

    @rule(uren=st.integers(1, 30))
    def te_vroeg(self, uren: int) -> None:
        with pytest.raises(ija.RegelOvertreding) as exc:
            self.g.registreer(
                {"type": "groepsmelding", "op": (self.g.laatste_op - timedelta(hours=uren)).isoformat(),
                 "soort": "x", "melder": "y"}
            )  # fmt: skip
        assert exc.value.regel == "chronologie"

    @invariant()
    def leden_klopt(self) -> None:
        assert self.g.leden == tuple(self.leden)
        assert self.g.status == "actief"

    @invariant()
    def replay_is_stapsgewijs(self) -> None:
        assert ija.Groep.replay(self.events, methodiek=M) == self.g
        assert ija.from_json(ija.to_json(self.g), ija.Groep, methodiek=M) == self.g

    @invariant()
    def norm_volgt_het_model(self) -> None:
        trajecten = [ija.Traject.replay(ev, methodiek=M) for ev in self.trajecten.values()]
        for peil in (_ams_dag(self.nu), _ams_dag(self.nu) + timedelta(days=3)):
            uit = {
                u.traject: u.status
                for u in ija.groepstoets(self.g, trajecten, peildatum=peil, methodiek=M)
            }
            for tid in self.trajecten:
                verwacht = _status_model(
                    self.meldingen, self.perioden, self.contacten, self.ouders, tid, peil
                )
                assert uit.get(tid) == verwacht, (tid, peil, uit, verwacht)


Groepsmachine.TestCase.settings = settings(max_examples=25, stateful_step_count=20, deadline=None)
TestGroepsmachine = Groepsmachine.TestCase


@given(
    st.lists(
        st.tuples(st.sampled_from(["lid", "melding", "bijeenkomst"]), st.integers(0, 48)),
        max_size=15,
    )
)
def test_replay_equals_registering_one_by_one(stappen: list[tuple[str, int]]) -> None:
    nu = START
    events: list[dict[str, Any]] = [
        {"type": "groep-aangemeld", "op": nu.isoformat(), "groep": "g", "verwijzers": [],
         "omschrijving": "x"},
    ]  # fmt: skip
    n = 0
    for soort, uren in stappen:
        nu += timedelta(hours=uren)
        if soort == "lid":
            n += 1
            events.append({"type": "lid-toegevoegd", "op": nu.isoformat(), "traject": f"t-{n}"})
        elif soort == "melding":
            events.append(
                {"type": "groepsmelding", "op": nu.isoformat(), "soort": "o", "melder": "m"}
            )
        else:
            events.append({"type": "bijeenkomst", "op": nu.isoformat(), "voor": "ouders",
                           "omschrijving": "x"})  # fmt: skip
    g = ija.Groep.replay(events[:1], methodiek=M)
    for e in events[1:]:
        g = g.registreer(e)
    assert g == ija.Groep.replay(events, methodiek=M)
    assert ija.from_json(ija.to_json(g), ija.Groep, methodiek=M) == g
    assert len(g.leden) == n


class _Kies:
    def __init__(self, waarde: str) -> None:
        self.waarde = waarde

    def draw(self, _strategie: object) -> str:
        return self.waarde


@pytest.mark.parametrize(
    ("ouder", "stappen", "verwacht"),
    [
        (True, [("jongere", 1), ("ouder", 1)], "gehaald"),
        (True, [("jongere", 1), ("ouder", 30)], "te-laat"),
        (True, [("jongere", 1)], "dreigt"),
        (False, [("jongere", 1)], "dreigt"),
        (True, [("ouder", 2), ("jongere", 22)], "gehaald"),
    ],
)
def test_the_machine_and_its_model_on_scripted_runs(
    ouder: bool, stappen: list[tuple[str, int]], verwacht: str
) -> None:
    """The model is exercised on met and late answers too (random runs rarely answer in time)."""
    s = Groepsmachine()
    s.begin()
    s.lid_erbij("t-a", 0, ouder)
    s.melding(1)
    for soort, uren in stappen:
        s.contact(_Kies("t-a"), uren, soort)  # type: ignore[arg-type]
    s.norm_volgt_het_model()
    model = _status_model(s.meldingen, s.perioden, s.contacten, s.ouders, "t-a", _ams_dag(s.nu))
    assert model == verwacht
