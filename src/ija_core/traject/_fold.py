"""The mutable builder behind ``Traject``: one pass over the events, frozen once at the end.

``_Vouw`` has the attribute names of ``Traject``'s fields (lists instead of tuples; derived
from ``attrs.fields(Traject)``) and the attributes of the rules' ``Toestand``, so a rule reads
the builder as it would read a traject. Each event is checked (state-dependent invalid input,
then the Methodiek's rules, compiled per Methodiek by ``_compiled_rules``) and applied by a
small function per event type.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs
from attrs import NOTHING, evolve
from attrs import fields as attrs_fields

from ija_core.errors import IjaError, OngeldigeInvoer
from ija_core.traject._compiled_rules import compiled_rules, overtreding
from ija_core.traject.events import (
    Aangemeld,
    Contact,
    Contactpoging,
    DoelBijgewerkt,
    DoelGesteld,
    Doorverwezen,
    Evaluatie,
    Gebeurtenis,
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
    Zorg,
)

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek
    from ija_core.traject.traject import Traject


@attrs.frozen
class _Velden:
    """``Traject``'s fields as the builder holds them, read from ``attrs.fields(Traject)``.

    Attributes:
        lijsten: the tuple fields (lists in the builder).
        start: the other fields and their start values (``methodiek`` and ``plan`` apart).
        begin: fills a new builder's ``__dict__`` with them.
        bevries: the frozen ``Traject`` of a builder.

    ``begin`` and ``bevries`` are generated once from the field list (as attrs generates its
    ``__init__``), so the fold pays no loop over the fields per traject.
    """

    lijsten: tuple[str, ...]
    start: dict[str, Any]
    begin: Callable[[dict[str, Any]], None]
    bevries: Callable[[_Vouw], Traject]


@functools.cache
def _velden() -> _Velden:
    from ija_core.traject.traject import Traject

    lijsten: list[str] = []
    start: dict[str, Any] = {}
    for f in attrs_fields(Traject):
        if not f.init or f.name in ("methodiek", "plan"):
            continue
        if str(f.type).startswith("tuple["):
            lijsten.append(f.name)
        else:
            start[f.name] = None if f.default is NOTHING else f.default
    begin = ["def begin(d):", "    d.update(START)"]
    begin += [f"    d[{naam!r}] = []" for naam in lijsten]
    bevries = [
        "def bevries(v):",
        "    d = v.__dict__",
        "    return Traject(",
        "        methodiek=v.methodiek,",
        "        plan=Ondersteuningsplan(doelen=tuple(v.doelen), "
        "ondertekeningen=tuple(v.ondertekeningen), ondertekend_op=v.plan_ondertekend_op),",
    ]
    for naam in start:
        if naam == "status":
            bevries.append("        status='afgesloten' if d['status'] == 'afgesloten' else 'actief',")
        else:
            bevries.append(f"        {naam}=d[{naam!r}],")
    bevries += [f"        {naam}=tuple(d[{naam!r}])," for naam in lijsten]
    bevries.append("    )")
    namen: dict[str, Any] = {
        "START": start,
        "Traject": Traject,
        "Ondersteuningsplan": Ondersteuningsplan,
    }
    bron = "\n".join(begin) + "\n\n" + "\n".join(bevries) + "\n"
    exec(compile(bron, "<ija_core.traject._fold: begin, bevries>", "exec"), namen)  # noqa: S102 - generated from attrs.fields(Traject) only
    return _Velden(
        lijsten=tuple(lijsten), start=start, begin=namen["begin"], bevries=namen["bevries"]
    )


class _Vouw:
    """The mutable builder behind ``Traject``: same attribute names, lists instead of tuples.

    The attributes below are typed for the code that reads them; which ones exist and how
    they start comes from ``attrs.fields(Traject)`` (``_velden``).
    """

    id: str | None
    jongere: Jongere | None
    verwijzer: str | None
    aanbieder: str | None
    wijkteam: str | None
    aangemeld_op: datetime | None
    fase: str
    status: str
    events: list[Gebeurtenis]
    fasehistorie: list[Faseperiode]
    pauzes: list[Pauze]
    hulpvragen: list[Hulpvraag]
    zorgen: list[Zorg]
    kennismaking_op: datetime | None
    verwachtingen_uitgesproken_op: datetime | None
    intake_op: datetime | None
    contactpogingen: list[Contactpoging]
    contacten: list[Contact]
    meldingen: list[Melding]
    evaluaties: list[Evaluatie]
    doorverwijzingen: list[Doorverwezen]
    ingezette_instrumenten: list[InstrumentIngezet]
    geevalueerd_in_uitvoering: bool
    afgesloten_op: datetime | None
    afsluitreden: str | None

    def __init__(self, methodiek: Methodiek) -> None:
        _velden().begin(self.__dict__)
        self.methodiek = methodiek
        self.fase = ""
        self.status = ""
        self.laatste_op: datetime | None = None
        self.doelen: list[Doel] = []
        self.ondertekeningen: list[Ondertekening] = []
        self.plan_ondertekend_op: datetime | None = None
        self.opgeschort = False
        self._regels = compiled_rules(methodiek)
        self._per_status = self._regels.per_status
        self._bevroren: Traject | None = None
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

    @property
    def traject(self) -> Traject:
        """The state so far as a frozen ``Traject`` (made once per state, for plugin rules)."""
        bevroren = self._bevroren
        if bevroren is None or len(bevroren.events) != len(self.events):
            bevroren = self._bevroren = self.bevries()
        return bevroren

    # -- conversion -----------------------------------------------------------------------------

    @classmethod
    def van(cls, t: Traject) -> _Vouw:
        """A builder holding the state of ``t`` (copies, so ``t`` stays untouched)."""
        v = cls(t.methodiek)
        velden = _velden()
        d = v.__dict__
        for naam in velden.start:
            d[naam] = getattr(t, naam)
        for naam in velden.lijsten:
            d[naam] = list(getattr(t, naam))
        v.laatste_op = t.laatste_op
        v.opgeschort = t.opgeschort
        v.doelen = list(t.plan.doelen)
        v.ondertekeningen = list(t.plan.ondertekeningen)
        v.plan_ondertekend_op = t.plan.ondertekend_op
        v._open_hulp = {h.id: i for i, h in enumerate(v.hulpvragen) if h.gesloten_op is None}
        v._open_zorg = {z.id: i for i, z in enumerate(v.zorgen) if z.opgeheven_op is None}
        v._doel_index = {d.id: i for i, d in enumerate(v.doelen)}
        v._getekend = set(t.plan.ondertekend_door)
        v._bevroren = t  # the builder holds exactly the state of t
        return v

    def bevries(self) -> Traject:
        """The immutable ``Traject`` of the current state."""
        if self.jongere is None or self.aangemeld_op is None:
            raise OngeldigeInvoer("$: een traject begint met een 'aangemeld'-gebeurtenis")
        return _velden().bevries(self)

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

    # -- stage 3: rules, and applying -----------------------------------------------------------

    def verwerk(self, e: Gebeurtenis) -> None:
        """Check ``e`` (stages 2 and 3: input, then the rules in checking order) and apply it.

        Raises the first refusal as ``RegelOvertreding``; see ``CompiledRules`` for what a
        plugin's rule may return.
        """
        soort = e.TYPE
        # the rules for this status and type; none before aangemeld (status ""), so that the
        # input checks below also see a first event
        stappen = self._per_status[self.status].get(soort)
        if stappen is None or soort in _MET_INVOERCONTROLE:
            fouten = self.invoerfouten(e)
            if fouten:
                raise OngeldigeInvoer(fouten)
            if stappen is None:
                stappen = self._regels.voor(soort)
        for check in stappen:
            try:
                uitkomst = check(self, e)
            except IjaError:
                raise
            except Exception as exc:
                fout = self._regels.fout(self._regels.regel_van(check), exc)
                if fout is exc:
                    raise
                raise fout from exc
            if uitkomst is not None:
                regels = self._regels
                raise overtreding(regels.weigering(regels.regel_van(check), uitkomst))
        veld = _LIJST_VAN.get(soort)
        if veld is not None:
            self.__dict__[veld].append(e)
        else:
            _TOEPASSINGEN[soort](self, e)
        self.laatste_op = e.op
        self.events.append(e)

    def _sluit_periode(self, op: datetime) -> None:
        if self.fasehistorie and self.fasehistorie[-1].tot is None:
            vorige = self.fasehistorie[-1]
            self.fasehistorie[-1] = Faseperiode(fase=vorige.fase, van=vorige.van, tot=op)

    def _sluit_pauze(self, op: datetime) -> None:
        if self.opgeschort:
            vorige = self.pauzes[-1]
            self.pauzes[-1] = Pauze(van=vorige.van, tot=op, reden=vorige.reden)
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
    h = v.hulpvragen[i]
    v.hulpvragen[i] = Hulpvraag(
        id=h.id, leefgebied=h.leefgebied, omschrijving=h.omschrijving, geopend_op=h.geopend_op,
        gesloten_op=e.op,
    )


def _zorg_gemeld(v: _Vouw, e: Any) -> None:
    v._open_zorg[e.id] = len(v.zorgen)
    v.zorgen.append(Zorg(id=e.id, omschrijving=e.omschrijving, gemeld_op=e.op))


def _zorg_opgeheven(v: _Vouw, e: Any) -> None:
    i = v._open_zorg.pop(e.id)
    z = v.zorgen[i]
    v.zorgen[i] = Zorg(id=z.id, omschrijving=z.omschrijving, gemeld_op=z.gemeld_op, opgeheven_op=e.op)


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
