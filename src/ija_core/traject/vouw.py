"""The mutable builder behind ``Traject``: one pass over the events, frozen once at the end.

``_Vouw`` has the attribute names of ``Traject`` (lists instead of tuples) and the attributes
of the rules' ``Toestand``, so the rules read a builder and a frozen traject alike. Each
event is checked (state-dependent invalid input, then the rules, then the plugin guards)
and applied by a small function per event type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from attrs import evolve

from ija_core.errors import IjaError, OngeldigeInvoer, PluginFout, RegelOvertreding
from ija_core.phases.rules import ALLE_REGELS, Regel, Voorstel, is_vooruit
from ija_core.traject.events import (
    EVENT_TYPEN,
    Aangemeld,
    Afgesloten,
    Contact,
    Contactpoging,
    DoelBijgewerkt,
    DoelGesteld,
    Doorverwezen,
    Evaluatie,
    FaseGewijzigd,
    Gebeurtenis,
    Heropend,
    HulpvraagGeopend,
    HulpvraagGesloten,
    InstrumentIngezet,
    Jongere,
    Melding,
    Opgeschort,
    PlanOndertekend,
    ZorgGemeld,
    ZorgOpgeheven,
)
from ija_core.traject.state import (
    Doel,
    Faseperiode,
    Hulpvraag,
    Ondersteuningsplan,
    Ondertekening,
    Pauze,
    Weigering,
    Zorg,
)

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek
    from ija_core.traject.traject import Traject


_REGELS_PER_TYPE: dict[str, tuple[Regel, ...]] = {}


def _regels_voor(event_type: str) -> tuple[Regel, ...]:
    regels = _REGELS_PER_TYPE.get(event_type)
    if regels is None:
        regels = tuple(r for r in ALLE_REGELS if r.geldt_voor(event_type))
        _REGELS_PER_TYPE[event_type] = regels
    return regels


def _plugin_van(m: Methodiek, regel_id: str) -> str:
    namen = m.bijgedragen_door("overgangsregel", regel_id)
    return namen[0] if namen else "onbekende plugin"


class _Vouw:
    """The mutable builder behind ``Traject``: same attribute names, lists instead of tuples."""

    def __init__(self, methodiek: Methodiek) -> None:
        self.methodiek = methodiek
        self.id = ""
        self.jongere: Jongere | None = None
        self.verwijzer = ""
        self.aanbieder: str | None = None
        self.wijkteam: str | None = None
        self.aangemeld_op: datetime | None = None
        self.fase = ""
        self.status = ""
        self.laatste_op: datetime | None = None
        self.events: list[Gebeurtenis] = []
        self.fasehistorie: list[Faseperiode] = []
        self.pauzes: list[Pauze] = []
        self.hulpvragen: list[Hulpvraag] = []
        self.zorgen: list[Zorg] = []
        self.doelen: list[Doel] = []
        self.ondertekeningen: list[Ondertekening] = []
        self.plan_ondertekend_op: datetime | None = None
        self.kennismaking_op: datetime | None = None
        self.verwachtingen_uitgesproken_op: datetime | None = None
        self.intake_op: datetime | None = None
        self.contactpogingen: list[Contactpoging] = []
        self.contacten: list[Contact] = []
        self.meldingen: list[Melding] = []
        self.evaluaties: list[Evaluatie] = []
        self.doorverwijzingen: list[Doorverwezen] = []
        self.ingezette_instrumenten: list[InstrumentIngezet] = []
        self.geevalueerd_in_uitvoering = False
        self.afgesloten_op: datetime | None = None
        self.afsluitreden: str | None = None
        self.opgeschort = False
        self._open_hulp: dict[str, int] = {}
        self._open_zorg: dict[str, int] = {}
        self._doel_index: dict[str, int] = {}
        self._getekend: set[str] = set()

    # -- the Toestand protocol of the rules ---------------------------------------------------

    @property
    def aantal_doelen(self) -> int:
        return len(self.doelen)

    @property
    def ondertekend_door(self) -> frozenset[str]:
        return frozenset(self._getekend)

    @property
    def open_hulpvraag_ids(self) -> tuple[str, ...]:
        return tuple(self._open_hulp)

    @property
    def open_zorg_ids(self) -> tuple[str, ...]:
        return tuple(self._open_zorg)

    # -- conversion -----------------------------------------------------------------------------

    @classmethod
    def van(cls, t: Traject) -> _Vouw:
        """A builder holding the state of ``t`` (copies, so ``t`` stays untouched)."""
        v = cls(t.methodiek)
        for naam in _SCALAIRE_VELDEN:
            setattr(v, naam, getattr(t, naam))
        for naam in _LIJST_VELDEN:
            setattr(v, naam, list(getattr(t, naam)))
        v.laatste_op = t.laatste_op
        v.doelen = list(t.plan.doelen)
        v.ondertekeningen = list(t.plan.ondertekeningen)
        v.plan_ondertekend_op = t.plan.ondertekend_op
        v._open_hulp = {h.id: i for i, h in enumerate(v.hulpvragen) if h.gesloten_op is None}
        v._open_zorg = {z.id: i for i, z in enumerate(v.zorgen) if z.opgeheven_op is None}
        v._doel_index = {d.id: i for i, d in enumerate(v.doelen)}
        v._getekend = set(t.plan.ondertekend_door)
        return v

    def bevries(self) -> Traject:
        """The immutable ``Traject`` of the current state."""
        from ija_core.traject.traject import Traject

        if self.jongere is None or self.aangemeld_op is None:
            raise OngeldigeInvoer("$: een traject begint met een 'aangemeld'-gebeurtenis")
        return Traject(
            methodiek=self.methodiek,
            id=self.id,
            jongere=self.jongere,
            verwijzer=self.verwijzer,
            aanbieder=self.aanbieder,
            wijkteam=self.wijkteam,
            aangemeld_op=self.aangemeld_op,
            fase=self.fase,
            status="afgesloten" if self.status == "afgesloten" else "actief",
            events=tuple(self.events),
            fasehistorie=tuple(self.fasehistorie),
            pauzes=tuple(self.pauzes),
            hulpvragen=tuple(self.hulpvragen),
            zorgen=tuple(self.zorgen),
            plan=Ondersteuningsplan(
                doelen=tuple(self.doelen),
                ondertekeningen=tuple(self.ondertekeningen),
                ondertekend_op=self.plan_ondertekend_op,
            ),
            kennismaking_op=self.kennismaking_op,
            verwachtingen_uitgesproken_op=self.verwachtingen_uitgesproken_op,
            intake_op=self.intake_op,
            contactpogingen=tuple(self.contactpogingen),
            contacten=tuple(self.contacten),
            meldingen=tuple(self.meldingen),
            evaluaties=tuple(self.evaluaties),
            doorverwijzingen=tuple(self.doorverwijzingen),
            ingezette_instrumenten=tuple(self.ingezette_instrumenten),
            geevalueerd_in_uitvoering=self.geevalueerd_in_uitvoering,
            afgesloten_op=self.afgesloten_op,
            afsluitreden=self.afsluitreden,
        )

    # -- stage 2: invalid input that depends on the state -------------------------------------

    def invoerfouten(self, e: Gebeurtenis) -> list[str]:
        """Problems of ``e`` that make it invalid input given the state (``$``-paths)."""
        soort = e.TYPE
        if not self.events:
            if soort != "aangemeld":
                return [f"$.type: een traject begint met 'aangemeld' (kreeg {soort!r})"]
            return []
        if soort == "aangemeld":
            return ["$.type: dit traject is al aangemeld; 'aangemeld' komt maar één keer voor"]
        fouten: list[str] = []
        if isinstance(e, HulpvraagGeopend) and e.id in self._open_hulp:
            fouten.append(f"$.id: hulpvraag {e.id!r} staat al open")
        elif isinstance(e, HulpvraagGesloten) and e.id not in self._open_hulp:
            fouten.append(
                f"$.id: er staat geen hulpvraag {e.id!r} open"
                + _bekend(" open zijn", self._open_hulp)
            )
        elif isinstance(e, ZorgGemeld) and e.id in self._open_zorg:
            fouten.append(f"$.id: zorg {e.id!r} staat al open")
        elif isinstance(e, ZorgOpgeheven) and e.id not in self._open_zorg:
            fouten.append(
                f"$.id: er staat geen zorg {e.id!r} open" + _bekend(" open zijn", self._open_zorg)
            )
        elif isinstance(e, DoelGesteld) and e.id in self._doel_index:
            fouten.append(f"$.id: het plan heeft al een doel {e.id!r}")
        elif isinstance(e, PlanOndertekend) and not e.door:
            fouten.append("$.door: noem minstens één rol die tekent")
        elif isinstance(e, DoelBijgewerkt):
            if e.id not in self._doel_index:
                fouten.append(
                    f"$.id: het plan heeft geen doel {e.id!r}"
                    + _bekend(" bekend zijn", self._doel_index)
                )
            if e.levenscyclus is None and e.voortgang is None:
                fouten.append("$: geef 'levenscyclus', 'voortgang' of allebei")
        return fouten

    # -- stage 3: rules -----------------------------------------------------------------------

    def voorstel(self, e: Gebeurtenis) -> Voorstel:
        """What the rules see of ``e``."""
        if isinstance(e, FaseGewijzigd | Heropend):
            return Voorstel(type=e.TYPE, op=e.op, naar=e.naar, reden=e.reden)
        if isinstance(e, Afgesloten):
            return Voorstel(type=e.TYPE, op=e.op, reden=e.reden)
        if isinstance(e, Aangemeld):
            return Voorstel(type=e.TYPE, op=e.op, geboortedatum=e.jongere.geboortedatum)
        return Voorstel(type=e.TYPE, op=e.op)

    def toets(self, e: Gebeurtenis) -> None:
        """Raise the first rule that refuses ``e``; then the plugin guards."""
        v = self.voorstel(e)
        for regel in _regels_voor(v.type):
            afwijzing = regel.toets(self, v)
            if afwijzing is not None:
                raise RegelOvertreding(regel.id, afwijzing.uitleg, ontbreekt=afwijzing.ontbreekt)
        if v.type == "fase-gewijzigd" and self.methodiek.overgangsregels:
            weigering = next(iter(self.plugin_weigeringen(v.naar or "")), None)
            if weigering is not None:
                raise RegelOvertreding(
                    weigering.regel,
                    weigering.uitleg,
                    ontbreekt=weigering.ontbreekt,
                    plugin=weigering.plugin,
                )

    def plugin_weigeringen(self, naar: str) -> Iterable[Weigering]:
        """The refusals of the plugins' guards for a forward move to ``naar`` (lazily)."""
        if not is_vooruit(self, naar):
            return
        bevroren: Traject | None = None
        m = self.methodiek
        for guard in m.overgangsregels:
            if guard.naar and naar not in guard.naar:
                continue
            if guard.aanbieder is not None and guard.aanbieder != self.aanbieder:
                continue
            if bevroren is None:
                bevroren = self.bevries()
            plugin = _plugin_van(m, guard.id)
            try:
                reden = guard.toets(bevroren, naar)
            except IjaError:
                raise
            except Exception as exc:  # a plugin's bug is reported as the plugin's fault
                raise PluginFout(
                    f"de overgangsregel {guard.id!r} van plugin {plugin} gaf een fout: "
                    f"{type(exc).__name__}: {exc}",
                    plugin=plugin,
                    id=guard.id,
                ) from exc
            if reden is not None:
                yield Weigering(regel=guard.id, uitleg=str(reden), plugin=plugin)

    # -- applying -----------------------------------------------------------------------------

    def verwerk(self, e: Gebeurtenis) -> None:
        """Check ``e`` (stages 2 and 3) and apply it."""
        soort = e.TYPE
        op = e.op
        laatste = self.laatste_op
        # The common case, in short: an event without input checks that only chronologie and
        # traject-afgesloten look at, on an active traject (so after aangemeld), not earlier
        # than the event before it. Both rules pass, so the rule objects need not be asked.
        if (
            soort in _GEWOON
            and self.status == "actief"
            and laatste is not None
            and not op < laatste
        ):
            veld = _LIJST_VAN.get(soort)
            if veld is not None:
                getattr(self, veld).append(e)
            else:
                _TOEPASSINGEN[soort](self, e)
            self.laatste_op = op
            self.events.append(e)
            return
        if soort in _MET_INVOERCONTROLE or not self.events:
            fouten = self.invoerfouten(e)
            if fouten:
                raise OngeldigeInvoer(fouten)
        # Most events only meet chronologie and traject-afgesloten; when both clearly pass,
        # the rule objects need not be asked. Anything else goes through every rule.
        if (
            soort not in _ALLEEN_ALGEMENE_REGELS
            or self.status == "afgesloten"
            or (self.laatste_op is not None and e.op < self.laatste_op)
        ):
            self.toets(e)
        self.pas_toe(e)

    def pas_toe(self, e: Gebeurtenis) -> None:
        """Apply an accepted event to the state."""
        _TOEPASSINGEN[e.TYPE](self, e)
        self.laatste_op = e.op
        self.events.append(e)

    def _sluit_periode(self, op: datetime) -> None:
        if self.fasehistorie and self.fasehistorie[-1].tot is None:
            self.fasehistorie[-1] = evolve(self.fasehistorie[-1], tot=op)

    def _sluit_pauze(self, op: datetime) -> None:
        if self.opgeschort:
            self.pauzes[-1] = evolve(self.pauzes[-1], tot=op)
            self.opgeschort = False

    def _misschien_ondertekend(self, op: datetime) -> None:
        if (
            self.plan_ondertekend_op is None
            and self.doelen
            and "jongere" in self._getekend
            and "coach" in self._getekend
        ):
            self.plan_ondertekend_op = op


_MET_INVOERCONTROLE = frozenset(
    (
        "aangemeld",
        "hulpvraag-geopend",
        "hulpvraag-gesloten",
        "zorg-gemeld",
        "zorg-opgeheven",
        "doel-gesteld",
        "doel-bijgewerkt",
        "plan-ondertekend",
    )
)
"""Event types with further input checks (besides the first event)."""

_ALLEEN_ALGEMENE_REGELS = frozenset(
    soort
    for soort in EVENT_TYPEN
    if soort != "fase-gewijzigd"  # plugin guards
    and tuple(r.id for r in _regels_voor(soort)) == ("chronologie", "traject-afgesloten")
)
"""Event types that only ``chronologie`` and ``traject-afgesloten`` look at."""


_GEWOON = _ALLEEN_ALGEMENE_REGELS - _MET_INVOERCONTROLE
"""Event types that need neither input checks nor rules beyond the two general ones."""


def _bekend(label: str, ids: Iterable[str]) -> str:
    lijst = ", ".join(ids)
    return f";{label}: {lijst}" if lijst else ""


# --- how each event changes the state ---------------------------------------------------------


def _aangemeld(v: _Vouw, e: Any) -> None:
    assert isinstance(e, Aangemeld)  # noqa: S101 - dispatch by TYPE guarantees it; narrows for mypy
    v.id, v.jongere, v.verwijzer = e.traject, e.jongere, e.verwijzer
    v.aanbieder, v.wijkteam, v.aangemeld_op = e.aanbieder, e.wijkteam, e.op
    v.fase = v.methodiek.fasen[0].id
    v.status = "actief"
    v.fasehistorie.append(Faseperiode(fase=v.fase, van=e.op))


def _eerste(attribuut: str) -> Callable[[_Vouw, Any], None]:
    def toepassen(v: _Vouw, e: Any) -> None:
        if getattr(v, attribuut) is None:
            setattr(v, attribuut, e.op)

    return toepassen


def _lijst(attribuut: str) -> Callable[[_Vouw, Any], None]:
    def toepassen(v: _Vouw, e: Any) -> None:
        getattr(v, attribuut).append(e)

    return toepassen


def _melding(v: _Vouw, e: Any) -> None:
    v.meldingen.append(e)


def _fase_gewijzigd(v: _Vouw, e: Any) -> None:
    v._sluit_periode(e.op)
    v.fase = e.naar
    v.fasehistorie.append(Faseperiode(fase=e.naar, van=e.op))


def _hulpvraag_geopend(v: _Vouw, e: Any) -> None:
    v._open_hulp[e.id] = len(v.hulpvragen)
    v.hulpvragen.append(
        Hulpvraag(id=e.id, leefgebied=e.leefgebied, omschrijving=e.omschrijving, geopend_op=e.op)
    )


def _hulpvraag_gesloten(v: _Vouw, e: Any) -> None:
    i = v._open_hulp.pop(e.id)
    v.hulpvragen[i] = evolve(v.hulpvragen[i], gesloten_op=e.op)


def _zorg_gemeld(v: _Vouw, e: Any) -> None:
    v._open_zorg[e.id] = len(v.zorgen)
    v.zorgen.append(Zorg(id=e.id, omschrijving=e.omschrijving, gemeld_op=e.op))


def _zorg_opgeheven(v: _Vouw, e: Any) -> None:
    i = v._open_zorg.pop(e.id)
    v.zorgen[i] = evolve(v.zorgen[i], opgeheven_op=e.op)


def _doel_gesteld(v: _Vouw, e: Any) -> None:
    v._doel_index[e.id] = len(v.doelen)
    v.doelen.append(
        Doel(
            id=e.id,
            leefgebied=e.leefgebied,
            termijn=e.termijn,
            omschrijving=e.omschrijving,
            gesteld_op=e.op,
        )
    )
    v._misschien_ondertekend(e.op)


def _doel_bijgewerkt(v: _Vouw, e: Any) -> None:
    i = v._doel_index[e.id]
    doel = v.doelen[i]
    v.doelen[i] = evolve(
        doel,
        levenscyclus=e.levenscyclus or doel.levenscyclus,
        voortgang=e.voortgang or doel.voortgang,
        bijgewerkt_op=e.op,
    )


def _plan_ondertekend(v: _Vouw, e: Any) -> None:
    assert isinstance(e, PlanOndertekend)  # noqa: S101 - dispatch by TYPE guarantees it
    v.ondertekeningen.append(Ondertekening(op=e.op, door=e.door))
    v._getekend.update(e.door)
    v._misschien_ondertekend(e.op)


def _evaluatie(v: _Vouw, e: Any) -> None:
    v.evaluaties.append(e)
    if v.fase == "uitvoering":
        v.geevalueerd_in_uitvoering = True


def _afgesloten(v: _Vouw, e: Any) -> None:
    v._sluit_periode(e.op)
    v._sluit_pauze(e.op)
    v.status = "afgesloten"
    v.afgesloten_op = e.op
    v.afsluitreden = e.reden


def _heropend(v: _Vouw, e: Any) -> None:
    v.status = "actief"
    v.afgesloten_op = None
    v.afsluitreden = None
    v.fase = e.naar
    v.fasehistorie.append(Faseperiode(fase=e.naar, van=e.op))


def _opgeschort(v: _Vouw, e: Any) -> None:
    assert isinstance(e, Opgeschort)  # noqa: S101 - dispatch by TYPE guarantees it
    v.pauzes.append(Pauze(van=e.op, tot=None, reden=e.reden))
    v.opgeschort = True


def _hervat(v: _Vouw, e: Any) -> None:
    v._sluit_pauze(e.op)


_TOEPASSINGEN: dict[str, Callable[[_Vouw, Any], None]] = {
    "aangemeld": _aangemeld,
    "kennismaking": _eerste("kennismaking_op"),
    "verwachtingen-uitgesproken": _eerste("verwachtingen_uitgesproken_op"),
    "intake": _eerste("intake_op"),
    "fase-gewijzigd": _fase_gewijzigd,
    "hulpvraag-geopend": _hulpvraag_geopend,
    "hulpvraag-gesloten": _hulpvraag_gesloten,
    "zorg-gemeld": _zorg_gemeld,
    "zorg-opgeheven": _zorg_opgeheven,
    "doel-gesteld": _doel_gesteld,
    "doel-bijgewerkt": _doel_bijgewerkt,
    "plan-ondertekend": _plan_ondertekend,
    "evaluatie": _evaluatie,
    "afgesloten": _afgesloten,
    "heropend": _heropend,
    "opgeschort": _opgeschort,
    "hervat": _hervat,
    "melding": _melding,
}

_LIJST_VAN: dict[str, str] = {
    "contactpoging": "contactpogingen",
    "instrument-ingezet": "ingezette_instrumenten",
    "contact": "contacten",
    "doorverwezen": "doorverwijzingen",
}
"""Event types whose only change is being added to a list: the list's attribute."""
for _soort, _veld in _LIJST_VAN.items():
    _TOEPASSINGEN[_soort] = _lijst(_veld)

_SCALAIRE_VELDEN = (
    "id",
    "jongere",
    "verwijzer",
    "aanbieder",
    "wijkteam",
    "aangemeld_op",
    "fase",
    "status",
    "kennismaking_op",
    "verwachtingen_uitgesproken_op",
    "intake_op",
    "geevalueerd_in_uitvoering",
    "afgesloten_op",
    "afsluitreden",
    "opgeschort",
)
_LIJST_VELDEN = (
    "events",
    "fasehistorie",
    "pauzes",
    "hulpvragen",
    "zorgen",
    "contactpogingen",
    "contacten",
    "meldingen",
    "evaluaties",
    "doorverwijzingen",
    "ingezette_instrumenten",
)
