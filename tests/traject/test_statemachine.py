"""The phase rules as a state machine: random event sequences, invariants after every step.

Commands register events of every kind (well-formed ones whose acceptance depends on the
state, spoiled ones that are invalid input, and steps that push the traject forward) with
moving time, including equal timestamps and steps back in time. After every step the
invariants of the issue are checked against the traject and against an independent replay of
the accepted events.
"""

# ruff: noqa: PT017 - the machine checks refusals it cannot predict, so it inspects them in except
from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import orjson
from hypothesis import event as hypothesis_event
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

import ija_core as ija
from ija_core.phases.rules import is_vroegtijdig
from strategies import (
    BEDERVINGEN,
    EVENT_SOORTEN_NA_AANMELDING,
    FASE_IDS,
    event_velden_strategy,
    offset_strategy,
    reden_strategy,
    tijdstap_strategy,
)

M = ija.load_methodiek(entrypoints=False)
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
OFFSETS = {"+01:00": timezone(timedelta(hours=1)), "+02:00": timezone(timedelta(hours=2))}


def tijdstip(op: datetime, offset: str) -> str:
    """``op`` written with the given offset (``Z`` for UTC)."""
    if offset == "Z":
        return op.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return op.astimezone(OFFSETS[offset]).isoformat()


def bederf(event: dict[str, Any], hoe: str) -> dict[str, Any]:
    """Make a well-formed event invalid input in the way ``hoe`` names."""
    kapot = dict(event)
    if hoe == "veld-weg":
        del kapot["op"]
    elif hoe == "onbekend-veld":
        kapot["opmerking"] = "extra"
    elif hoe == "verkeerd-type":
        kapot["op"] = 20250301
    elif hoe == "onbekend-type":
        kapot["type"] = "telefoontje"
    elif hoe == "zonder-offset":
        kapot["op"] = kapot["op"][:19]
    elif hoe == "onbestaande-datum":
        kapot["op"] = "2025-02-29T10:00:00+01:00"
    elif hoe == "onbekende-fase":
        kapot = {"type": "fase-gewijzigd", "op": event["op"], "naar": "fase-5"}
    elif hoe == "onbekende-rol":
        kapot = {"type": "contact", "op": event["op"], "met": "buurvrouw", "vorm": "gesprek"}
    elif hoe == "tweede-aangemeld":
        kapot = {
            "type": "aangemeld",
            "op": event["op"],
            "traject": "t2",
            "jongere": {"pseudoniem": "X", "geboortedatum": "2008-01-01"},
            "verwijzer": "school",
        }
    return kapot


class TrajectMachine(RuleBasedStateMachine):
    """Drives one traject with random commands and checks the invariants after each."""

    def __init__(self) -> None:
        super().__init__()
        self.t: ija.Traject | None = None
        self.geaccepteerd: list[dict[str, Any]] = []
        self.nu = START

    # -- helpers --------------------------------------------------------------------------------

    @property
    def traject(self) -> ija.Traject:
        assert self.t is not None
        return self.t

    def probeer(self, event: dict[str, Any], *, als_object: bool = False) -> ija.Traject | None:
        """Register ``event``; on refusal check the old traject is untouched. Returns the new one."""
        oud = self.traject
        voor_json = ija.to_json(oud)
        invoer: Any = event
        if als_object:
            try:
                invoer = ija.from_json(orjson.dumps(event), ija.Gebeurtenis, methodiek=M)
            except ija.OngeldigeInvoer:
                invoer = event
        try:
            nieuw = oud.registreer(invoer)
        except ija.RegelOvertreding as exc:
            assert exc.regel in {r.id for r in ija_rules()}, exc.regel
            if datetime.fromisoformat(event["op"]) < oud.laatste_op:
                assert exc.regel == "chronologie", exc
            assert ija.to_json(oud) == voor_json
            return None
        except ija.OngeldigeInvoer as exc:
            assert exc.fouten
            assert all(f.startswith("$") for f in exc.fouten), exc.fouten
            assert ija.to_json(oud) == voor_json
            return None
        assert ija.to_json(oud) == voor_json, "registreer changed the old traject"
        assert len(nieuw.events) == len(oud.events) + 1
        self.controleer_overgang(oud, nieuw)
        self.t = nieuw
        event_type = nieuw.events[-1].TYPE
        hypothesis_event(f"geaccepteerd: {event_type} (fase {nieuw.fase}, {nieuw.status})")
        self.geaccepteerd.append(event)
        self.nu = max(self.nu, datetime.fromisoformat(event["op"]))
        return nieuw

    def controleer_overgang(self, oud: ija.Traject, nieuw: ija.Traject) -> None:
        """What an accepted event may never have done."""
        e = nieuw.events[-1]
        if oud.status == "afgesloten":
            assert isinstance(e, ija.Heropend), "a closed traject accepted more than heropend"
        if isinstance(e, ija.FaseGewijzigd) and e.naar == "uitvoering":
            assert oud.plan_ondertekend_op is not None or oud.fase == "afronding", (
                "entered uitvoering without a signed plan"
            )
        for b in _genoemd_uit_netwerk(oud, e):
            toegestaan = oud.toestemming(b.id, "betrekken") or (
                b.relatie == "ouder" and ija.leeftijd_op(oud.jongere.geboortedatum, _dag(e.op)) < 16
            )
            assert toegestaan, f"{e.TYPE} with {b.id!r} accepted without toestemming betrekken"
        if isinstance(e, ija.Doorverwezen) and e.betrokkene is not None:
            assert oud.toestemming(e.betrokkene, "gegevens-delen"), "shared without toestemming"
        if isinstance(e, ija.JimGekozen):
            assert M.relatie(oud.betrokkene(e.betrokkene).relatie).rol == "netwerk"
        if isinstance(e, ija.ToestemmingIngetrokken):
            assert not nieuw.toestemming(e.betrokkene, e.voor), "withdrawal did not take effect"
        if isinstance(e, ija.Afgesloten) and not is_vroegtijdig(e.reden):
            assert oud.fase == "afronding"
            assert not oud.open_hulpvragen, "closed regularly with an open hulpvraag"
            assert not oud.open_zorgen, "closed regularly with an open zorg"

    def op(self, stap: int, offset: str) -> str:
        return tijdstip(self.nu + timedelta(minutes=stap), offset)

    # -- commands -------------------------------------------------------------------------------

    @initialize(
        leeftijd=st.integers(min_value=8, max_value=30),
        offset=offset_strategy(),
        coach=st.sampled_from((None, "coach-1")),
    )
    def aanmelden(self, leeftijd: int, offset: str, coach: str | None) -> None:
        geboren = f"{2025 - leeftijd}-01-15"
        event = {
            "type": "aangemeld",
            "op": tijdstip(START, offset),
            "traject": "sm-1",
            "jongere": {"pseudoniem": "Sam", "geboortedatum": geboren},
            "verwijzer": "wijkagent",
        }
        if coach is not None:
            event["coach"] = coach
        try:
            self.t = ija.Traject.replay([event], methodiek=M)
        except ija.RegelOvertreding as exc:
            assert exc.regel == "doelgroep-leeftijd"
            assert exc.index == 0
            assert not 12 <= leeftijd <= 27
            event["jongere"] = {"pseudoniem": "Sam", "geboortedatum": "2007-01-15"}
            self.t = ija.Traject.replay([event], methodiek=M)
        else:
            assert 12 <= leeftijd <= 27
        self.geaccepteerd = [event]

    @rule(
        data=st.data(), stap=tijdstap_strategy(), offset=offset_strategy(), als_object=st.booleans()
    )
    def willekeurige_gebeurtenis(
        self, data: st.DataObject, stap: int, offset: str, als_object: bool
    ) -> None:
        soort = data.draw(st.sampled_from(EVENT_SOORTEN_NA_AANMELDING))
        velden = data.draw(event_velden_strategy(soort))
        self.probeer({"type": soort, "op": self.op(stap, offset), **velden}, als_object=als_object)

    @rule(
        stap=st.sampled_from((0, 60, 60 * 24 * 2)),
        offset=offset_strategy(),
        keuze=st.integers(min_value=0, max_value=9),
    )
    def vooruit(self, stap: int, offset: str, keuze: int) -> None:
        """A step that pushes the traject towards its end (accepted often, not always)."""
        t = self.traject
        op = self.op(stap, offset)
        volgende = {
            "vertrouwen": "verdieping",
            "verdieping": "uitvoering",
            "uitvoering": "afronding",
        }.get(t.fase)
        stappen: list[dict[str, Any]] = [
            {"type": "kennismaking", "op": op},
            {"type": "verwachtingen-uitgesproken", "op": op},
            {
                "type": "doel-gesteld",
                "op": op,
                "id": f"d{len(t.plan.doelen) + 1}",
                "leefgebied": "werk",
                "termijn": "kort",
                "omschrijving": "werk vinden",
            },
            {"type": "plan-ondertekend", "op": op, "door": ["jongere", "coach"]},
            {"type": "evaluatie", "op": op, "omschrijving": "tussenstand"},
            {"type": "afgesloten", "op": op, "reden": "doelen bereikt"},
        ]
        if volgende:
            stappen.append({"type": "fase-gewijzigd", "op": op, "naar": volgende})
        if t.open_hulpvragen:
            stappen.append({"type": "hulpvraag-gesloten", "op": op, "id": t.open_hulpvragen[0].id})
        if t.open_zorgen:
            stappen.append({"type": "zorg-opgeheven", "op": op, "id": t.open_zorgen[0].id})
        if t.status == "afgesloten":
            stappen.append({"type": "heropend", "op": op, "naar": "uitvoering", "reden": "terug"})
        if keuze < 7:  # mostly the step the methodiek asks for next
            stappen = [self.nodig(t, op, stappen)]
        self.probeer(stappen[keuze % len(stappen)])

    @staticmethod
    def nodig(t: ija.Traject, op: str, stappen: list[dict[str, Any]]) -> dict[str, Any]:
        """The event that brings ``t`` one step closer to a regular close."""
        per_type = {s["type"]: s for s in stappen}
        if t.status == "afgesloten":
            return per_type["heropend"]
        for voorwaarde, soort in (
            (t.kennismaking_op is None, "kennismaking"),
            (t.verwachtingen_uitgesproken_op is None, "verwachtingen-uitgesproken"),
            (t.fase == "verdieping" and not t.plan.doelen, "doel-gesteld"),
            (t.fase == "verdieping" and t.plan_ondertekend_op is None, "plan-ondertekend"),
            (t.fase == "uitvoering" and not t.geevalueerd_in_uitvoering, "evaluatie"),
            (t.fase == "afronding" and bool(t.open_hulpvragen), "hulpvraag-gesloten"),
            (t.fase == "afronding" and bool(t.open_zorgen), "zorg-opgeheven"),
            (t.fase == "afronding", "afgesloten"),
        ):
            if voorwaarde:
                return per_type[soort]
        return per_type["fase-gewijzigd"]

    @rule(naar=st.sampled_from(FASE_IDS), reden=reden_strategy(), offset=offset_strategy())
    def terug(self, naar: str, reden: str | None, offset: str) -> None:
        event: dict[str, Any] = {"type": "fase-gewijzigd", "op": self.op(1, offset), "naar": naar}
        if reden is not None:
            event["reden"] = reden
        self.probeer(event)

    @rule(hoe=st.sampled_from(BEDERVINGEN), stap=tijdstap_strategy(), offset=offset_strategy())
    def ongeldige_invoer(self, hoe: str, stap: int, offset: str) -> None:
        oud = self.traject
        event = bederf(
            {"type": "contact", "op": self.op(stap, offset), "met": "jongere", "vorm": "gesprek"},
            hoe,
        )
        try:
            oud.registreer(event)
        except ija.OngeldigeInvoer as exc:
            assert all(f.startswith("$") for f in exc.fouten)
        else:
            raise AssertionError(f"invalid input accepted ({hoe}): {event}")

    @rule(naar=st.sampled_from(FASE_IDS), reden=reden_strategy())
    def kan_naar_klopt_met_registreer(self, naar: str, reden: str | None) -> None:
        """kan_naar allows exactly what registreer (at the last moment) accepts."""
        t = self.traject
        besluit = t.kan_naar(naar, reden=reden)
        event: dict[str, Any] = {
            "type": "fase-gewijzigd",
            "op": t.laatste_op.isoformat(),
            "naar": naar,
        }
        if reden is not None:
            event["reden"] = reden
        try:
            t.registreer(event)
        except ija.RegelOvertreding as exc:
            assert not besluit.toegestaan
            assert besluit.redenen[0].regel == exc.regel
            assert len({w.regel for w in besluit.redenen}) == len(besluit.redenen)
        else:
            assert besluit.toegestaan, besluit

    @precondition(lambda self: self.t is not None and self.t.status == "afgesloten")
    @rule(soort=st.sampled_from(EVENT_SOORTEN_NA_AANMELDING), data=st.data())
    def afgesloten_neemt_alleen_heropend(self, soort: str, data: st.DataObject) -> None:
        t = self.traject
        velden = data.draw(event_velden_strategy(soort))
        event = {"type": soort, "op": t.laatste_op.isoformat(), **velden}
        try:
            nieuw = t.registreer(event)
        except ija.RegelOvertreding as exc:
            if soort != "heropend":
                assert exc.regel == "traject-afgesloten"
        except ija.OngeldigeInvoer:
            pass  # e.g. closing a hulpvraag that is not open: invalid input comes first
        else:
            assert soort == "heropend"
            assert nieuw.status == "actief"

    # -- invariants -----------------------------------------------------------------------------

    @invariant()
    def fase_is_een_van_de_vier(self) -> None:
        if self.t is not None:
            assert self.t.fase in FASE_IDS
            assert all(p.fase in FASE_IDS for p in self.t.fasehistorie)

    @invariant()
    def vouw_gelijk_aan_stap_voor_stap(self) -> None:
        if self.t is not None:
            assert ija.Traject.replay(self.geaccepteerd, methodiek=M) == self.t

    @invariant()
    def json_heen_en_terug(self) -> None:
        if self.t is not None:
            tekst = ija.to_json(self.t)
            assert ija.from_json(tekst, ija.Traject, methodiek=M) == self.t
            kaal = orjson.dumps(orjson.loads(tekst)["events"])
            assert ija.from_json(kaal, ija.Traject, methodiek=M) == self.t

    @invariant()
    def perioden_aaneengesloten_en_geordend(self) -> None:
        if self.t is None:
            return
        t = self.t
        perioden = t.fasehistorie
        heropend_op = {e.op for e in t.events if isinstance(e, ija.Heropend)}
        for vorige, volgende in itertools.pairwise(perioden):
            assert vorige.tot is not None
            assert vorige.van <= vorige.tot <= volgende.van
            if vorige.tot != volgende.van:
                assert volgende.van in heropend_op, "gap between periods without heropend"
        laatste = perioden[-1]
        assert (laatste.tot is None) == (t.status == "actief")
        assert t.fase == laatste.fase
        assert perioden[0].van == t.aangemeld_op

    @invariant()
    def uitvoering_alleen_met_plan(self) -> None:
        """Every forward step into uitvoering happened with a signed plan.

        ``heropend`` to uitvoering is exempt (the entry rules do not apply to it), and so is
        going back from afronding.
        """
        if self.t is None:
            return
        t = self.t
        fase = "vertrouwen"
        for e in t.events:
            if isinstance(e, ija.FaseGewijzigd):
                if e.naar == "uitvoering" and fase == "verdieping":
                    assert t.plan_ondertekend_op is not None
                    assert t.plan_ondertekend_op <= e.op
                fase = e.naar
            elif isinstance(e, ija.Heropend):
                fase = e.naar

    @invariant()
    def netwerk_klopt(self) -> None:
        if self.t is None:
            return
        t = self.t
        ids = [b.id for b in t.betrokkenen]
        assert len(ids) == len(set(ids))
        assert not set(ids) & set(t.verwijderde_betrokkenen)
        assert not set(ids) & {r.id for r in M.rollen}
        assert t.jim is None or t.jim in ids
        assert t.jim is None or t.toestemming(t.jim, "betrekken")
        assert t.regie == "coach" or t.regie in ids
        for b in t.betrokkenen:
            assert set(b.toestemmingen) <= {"betrekken", "gegevens-delen"}
        aantal_op = sum(isinstance(e, ija.Opgeschaald) for e in t.events)
        aantal_af = sum(isinstance(e, ija.Afgeschaald) for e in t.events)
        assert aantal_op - aantal_af == (t.opschaling is not None)
        assert t.coachwissels == sum(isinstance(e, ija.CoachGewisseld) for e in t.events)
        wissels = [e.coach for e in t.events if isinstance(e, ija.CoachGewisseld)]
        eerste = t.events[0]
        assert isinstance(eerste, ija.Aangemeld)
        assert t.coach == (wissels[-1] if wissels else eerste.coach)

    @invariant()
    def pauzes_geordend(self) -> None:
        if self.t is None:
            return
        for p in self.t.pauzes:
            assert p.tot is None or p.van <= p.tot
        assert self.t.opgeschort == (bool(self.t.pauzes) and self.t.pauzes[-1].tot is None)


def _dag(op: datetime) -> Any:
    from ija_core.phases.rules import amsterdamse_dag

    return amsterdamse_dag(op)


def _genoemd_uit_netwerk(t: ija.Traject, e: Any) -> list[ija.Betrokkene]:
    """The betrokkenen of rol netwerk a contact or plan-ondertekend names (state before ``e``)."""
    if isinstance(e, ija.Contact):
        ids: tuple[str, ...] = (e.betrokkene,) if e.betrokkene is not None else ()
    elif isinstance(e, ija.PlanOndertekend):
        ids = e.door
    else:
        return []
    return [
        b for b in t.betrokkenen if b.id in ids and M.relatie(b.relatie).rol == "netwerk"
    ]


def ija_rules() -> tuple[Any, ...]:
    from ija_core.phases.rules import ALLE_REGELS

    return ALLE_REGELS


TestTrajectMachine = TrajectMachine.TestCase
