"""The mutable builder behind ``Traject``: one pass over the events, frozen once at the end.

``_Vouw`` has the attribute names of ``Traject``'s fields (lists instead of tuples; derived
from ``attrs.fields(Traject)``) and the attributes of the rules' ``Toestand``, so a rule reads
the builder as it would read a traject. Each event is checked (state-dependent invalid input,
then the Methodiek's rules, compiled per Methodiek by ``_compiled_rules``) and applied by a
small function per event type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs
from attrs import NOTHING, evolve
from attrs import fields as attrs_fields

from ija_core.errors import Fout, IjaError, OngeldigeInvoer, RegelOvertreding
from ija_core.netwerk import TOESTEMMING_VOOR
from ija_core.traject._compiled_rules import compiled_rules, overtreding
from ija_core.traject.events import (
    Aangemeld,
    Contact,
    Contactpoging,
    Doorverwezen,
    Evaluatie,
    Gebeurtenis,
    InstrumentIngezet,
    Jongere,
    Melding,
    Opgeschort,
    PlanOndertekend,
)
from ija_core.traject.state import (
    Betrokkene,
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
    from ija_core.traject.traject import Traject  # only named in types: the fold sits below it


def vouw_stroom(
    events: Any,
    pad: str,
    *,
    lezers: Callable[[], Mapping[str, Callable[[dict[str, Any]], Any]]],
    lees: Callable[[Any], Any],
    verwerk: Callable[[Any], None],
    wat: str,
    begin: str,
) -> None:
    """Fold a list of events, one by one, into a builder: the one loop behind
    ``Traject.replay`` and ``Groep.replay``.

    Each event is read by the codec's fast reader of its type (``lezers()``: type → reader,
    asked once the list is known to be one) when it is a plain dict (the
    common case, and most of the cost of a replay); anything else, and anything the fast
    reader refuses, by ``lees``, which reads it in full or explains. Invalid input is
    reported under ``{pad}[i]``; a refusal carries the index ``i`` of its event.

    Args:
        wat: the word for the list in a message (``gebeurtenissen``).
        begin: the message for an empty list (what the stream starts with).
    """
    if not isinstance(events, list | tuple):
        raise OngeldigeInvoer(
            [Fout(pad, "type", f"verwacht een lijst van {wat} (kreeg {type(events).__name__})")]
        )
    if not events:
        raise OngeldigeInvoer(f"{pad}: {begin}")
    snel = lezers()
    i = 0
    try:
        for i, data in enumerate(events):  # noqa: B007 - i names the event in an error
            e = None
            if data.__class__ is dict:
                try:
                    e = snel[data["type"]](data)
                except Exception:  # noqa: BLE001 - read again by lees, which explains
                    e = None
            verwerk(lees(data) if e is None else e)
    except OngeldigeInvoer as exc:
        raise exc.met_prefix(f"{pad}[{i}]") from None
    except RegelOvertreding as exc:
        raise exc.bij_index(i) from None


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


_VELDEN: dict[type, _Velden] = {}


def _velden(klasse: type[Traject]) -> _Velden:
    """The fields of ``klasse`` (``Traject``, which hands itself to the builder: the fold sits
    below it in the engine and never imports it); generated once per class."""
    gevonden = _VELDEN.get(klasse)
    if gevonden is None:
        gevonden = _VELDEN[klasse] = _maak_velden(klasse)
    return gevonden


def _maak_velden(klasse: type[Traject]) -> _Velden:
    lijsten: list[str] = []
    start: dict[str, Any] = {}
    for f in attrs_fields(klasse):
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
        "Traject": klasse,
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
    they start comes from ``attrs.fields(Traject)`` (``_velden``); ``Traject`` hands its class
    to the builder (``_Vouw(m, Traject)``), so this module never imports it.
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
    betrokkenen: list[Betrokkene]
    verwijderde_betrokkenen: list[str]
    jim: str | None
    regie: str
    opschaling: Any
    coachwissels: int
    coach: str | None

    def __init__(self, methodiek: Methodiek, klasse: type[Traject]) -> None:
        self._velden = velden = _velden(klasse)
        velden.begin(self.__dict__)
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
        self._betrokkene_index: dict[str, int] = {}

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

    def relatie_van(self, betrokkene: str) -> str | None:
        i = self._betrokkene_index.get(betrokkene)
        return None if i is None else self.betrokkenen[i].relatie

    def toestemming(self, betrokkene: str, voor: str) -> bool:
        i = self._betrokkene_index.get(betrokkene)
        return i is not None and voor in self.betrokkenen[i].toestemmingen

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
        v = cls(t.methodiek, type(t))
        velden = v._velden
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
        if t.betrokkenen:
            v._betrokkene_index = {b.id: i for i, b in enumerate(t.betrokkenen)}
        v._bevroren = t  # the builder holds exactly the state of t
        return v

    def bevries(self) -> Traject:
        """The immutable ``Traject`` of the current state."""
        if self.jongere is None or self.aangemeld_op is None:
            raise OngeldigeInvoer("$: een traject begint met een 'aangemeld'-gebeurtenis")
        return self._velden.bevries(self)

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
        controle = _VERWERKING[soort].controle if soort in _VERWERKING else None
        if controle is not None:
            controle(self, e, fouten)
        return fouten

    # -- invalid input of the network events ----------------------------------------------------

    def _betrokkene_fout(self, pad: str, b: str) -> str | None:
        """Why ``b`` is not a current betrokkene (path ``pad``), or None when it is."""
        if b in self._betrokkene_index:
            return None
        if b in self.verwijderde_betrokkenen:
            return f"{pad}: betrokkene {b!r} is verwijderd uit dit traject"
        return Fout(
            pad,
            "onbekende-waarde",
            f"onbekende betrokkene {b!r}"
            + _bekend("; bekend zijn", self._betrokkene_index, scheiding=""),
        )

    def _rol_van(self, b: str) -> str:
        return self.methodiek.relatie(self.betrokkenen[self._betrokkene_index[b]].relatie).rol

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
        verwerking = _VERWERKING.get(soort)
        if verwerking is None:
            raise OngeldigeInvoer(f"$.type: {soort!r} is geen gebeurtenistype van een traject")
        if (stappen is None or verwerking.controle is not None) and not (
            verwerking.alleen_met_betrokkene and stappen is not None and e.betrokkene is None  # type: ignore[attr-defined]  # contact, doorverwezen
        ):
            fouten = self.invoerfouten(e)
            if fouten:
                raise OngeldigeInvoer(fouten)
            if verwerking.alleen_met_betrokkene and stappen is not None:
                stappen = self._regels.met_betrokkene[self.status][soort]
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
                raise overtreding(regels.afwijzing(regels.regel_van(check), uitkomst))
        toepassen = verwerking.toepassen
        if toepassen is None:
            self.__dict__[verwerking.lijst].append(e)
        else:
            toepassen(self, e)
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


def _toegevoegd_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if e.id in v._betrokkene_index:
        fouten.append(f"$.id: betrokkene {e.id!r} is al toegevoegd")
    elif e.id in v.verwijderde_betrokkenen:
        fouten.append(
            f"$.id: betrokkene {e.id!r} is eerder verwijderd; een id wordt niet opnieuw gebruikt"
        )
    if e.id in v.methodiek._index["rollen"]:
        fouten.append(
            f"$.id: {e.id!r} is de naam van een rol; kies een ander id voor de betrokkene"
        )


def _betrokkene_veld(veld: str) -> Callable[[_Vouw, Any, list[str]], None]:
    def controle(v: _Vouw, e: Any, fouten: list[str]) -> None:
        fout = v._betrokkene_fout(f"$.{veld}", getattr(e, veld))
        if fout is not None:
            fouten.append(fout)

    return controle


def _ingetrokken_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    fout = v._betrokkene_fout("$.betrokkene", e.betrokkene)
    if fout is not None:
        fouten.append(fout)
    elif not v.toestemming(e.betrokkene, e.voor):
        fouten.append(
            f"$.voor: er is geen toestemming {e.voor!r} voor betrokkene {e.betrokkene!r} "
            "om in te trekken"
        )


def _regie_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if e.bij != "coach":
        fout = v._betrokkene_fout("$.bij", e.bij)
        if fout is not None:
            fouten.append(fout + " (of 'coach')")


def _opgeschaald_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if v.opschaling is not None:
        fouten.append(
            f"$: het traject is al opgeschaald naar {v.opschaling.naar!r}; schaal eerst af"
        )


def _afgeschaald_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if v.opschaling is None:
        fouten.append("$: het traject is niet opgeschaald, dus er valt niets af te schalen")


def _contact_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    b = e.betrokkene
    if b is None:
        return
    fout = v._betrokkene_fout("$.betrokkene", b)
    if fout is not None:
        fouten.append(fout)
        return
    if e.TYPE == "contact":
        rol = v._rol_van(b)
        if rol != e.met:
            fouten.append(
                f"$.met: betrokkene {b!r} heeft rol {rol!r}, niet {e.met!r}"
            )


def _plan_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    rollen = v.methodiek._index["rollen"]
    for i, wie in enumerate(e.door):
        if wie in rollen:
            continue
        if wie in v.verwijderde_betrokkenen:
            fouten.append(f"$.door[{i}]: betrokkene {wie!r} is verwijderd uit dit traject")
        elif wie not in v._betrokkene_index:
            fouten.append(
                f"$.door[{i}]: onbekende rol of betrokkene {wie!r}; bekend zijn: "
                + ", ".join((*rollen, *v._betrokkene_index))
            )


def _bekend(label: str, ids: Iterable[str], scheiding: str = ";") -> str:
    lijst = ", ".join(ids)
    return f"{scheiding}{label}: {lijst}" if lijst else ""


# --- how each event changes the state ---------------------------------------------------------


def _aangemeld(v: _Vouw, e: Any) -> None:
    assert isinstance(e, Aangemeld)  # noqa: S101 - dispatch by TYPE guarantees it; narrows for mypy
    v.id, v.jongere, v.verwijzer = e.traject, e.jongere, e.verwijzer
    v.aanbieder, v.wijkteam, v.aangemeld_op = e.aanbieder, e.wijkteam, e.op
    v.coach = e.coach
    v.fase = v.methodiek.fasen[0].id
    v.status = "actief"
    v.fasehistorie.append(Faseperiode(fase=v.fase, van=e.op))


def _eerste(attribuut: str) -> Callable[[_Vouw, Any], None]:
    def toepassen(v: _Vouw, e: Any) -> None:
        if getattr(v, attribuut) is None:
            setattr(v, attribuut, e.op)

    return toepassen


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


def _betrokkene_toegevoegd(v: _Vouw, e: Any) -> None:
    v._betrokkene_index[e.id] = len(v.betrokkenen)
    v.betrokkenen.append(
        Betrokkene(id=e.id, relatie=e.relatie, toegevoegd_op=e.op, omschrijving=e.omschrijving)
    )


def _betrokkene_verwijderd(v: _Vouw, e: Any) -> None:
    i = v._betrokkene_index.pop(e.id)
    del v.betrokkenen[i]
    for b, j in v._betrokkene_index.items():
        if j > i:
            v._betrokkene_index[b] = j - 1
    v.verwijderde_betrokkenen.append(e.id)
    if v.jim == e.id:
        v.jim = None
    if v.regie == e.id:
        v.regie = "coach"


def _zet_toestemming(v: _Vouw, betrokkene: str, voor: str, *, actief: bool) -> None:
    i = v._betrokkene_index[betrokkene]
    b = v.betrokkenen[i]
    huidig = set(b.toestemmingen)
    if actief:
        huidig.add(voor)
    else:
        huidig.discard(voor)
    v.betrokkenen[i] = evolve(b, toestemmingen=[s for s in TOESTEMMING_VOOR if s in huidig])


def _toestemming_gegeven(v: _Vouw, e: Any) -> None:
    _zet_toestemming(v, e.betrokkene, e.voor, actief=True)


def _toestemming_ingetrokken(v: _Vouw, e: Any) -> None:
    _zet_toestemming(v, e.betrokkene, e.voor, actief=False)
    if e.voor == "betrekken" and v.jim == e.betrokkene:
        v.jim = None  # a JIM the jongere no longer wants involved is no JIM


def _jim_gekozen(v: _Vouw, e: Any) -> None:
    v.jim = e.betrokkene
    _zet_toestemming(v, e.betrokkene, "betrekken", actief=True)


def _regie_belegd(v: _Vouw, e: Any) -> None:
    v.regie = e.bij


def _opgeschaald(v: _Vouw, e: Any) -> None:
    v.opschaling = e


def _afgeschaald(v: _Vouw, e: Any) -> None:
    v.opschaling = None


def _coach_gewisseld(v: _Vouw, e: Any) -> None:
    v.coachwissels += 1
    v.coach = e.coach


# --- state-dependent input checks of single event types -----------------------------------------


def _hulpvraag_geopend_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if e.id in v._open_hulp:
        fouten.append(f"$.id: hulpvraag {e.id!r} staat al open")


def _hulpvraag_gesloten_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if e.id not in v._open_hulp:
        fouten.append(
            f"$.id: er staat geen hulpvraag {e.id!r} open" + _bekend(" open zijn", v._open_hulp)
        )


def _zorg_gemeld_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if e.id in v._open_zorg:
        fouten.append(f"$.id: zorg {e.id!r} staat al open")


def _zorg_opgeheven_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if e.id not in v._open_zorg:
        fouten.append(
            f"$.id: er staat geen zorg {e.id!r} open" + _bekend(" open zijn", v._open_zorg)
        )


def _doel_gesteld_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if e.id in v._doel_index:
        fouten.append(f"$.id: het plan heeft al een doel {e.id!r}")


def _doel_bijgewerkt_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if e.id not in v._doel_index:
        fouten.append(
            f"$.id: het plan heeft geen doel {e.id!r}" + _bekend(" bekend zijn", v._doel_index)
        )
    if e.levenscyclus is None and e.voortgang is None:
        fouten.append("$: geef 'levenscyclus', 'voortgang' of allebei")


def _ondertekend_fouten(v: _Vouw, e: Any, fouten: list[str]) -> None:
    if not e.door:
        fouten.append("$.door: noem minstens één rol die tekent")
    _plan_fouten(v, e, fouten)


def _geen_verdere(v: _Vouw, e: Any, fouten: list[str]) -> None:
    """``aangemeld``: only the checks of a first event (``_Vouw.invoerfouten``)."""


# --- each event type registered once -----------------------------------------------------------


@attrs.frozen
class _Verwerking:
    """How the fold handles one event type, in one place: its input checks that depend on the
    state and how it changes the state. (Its fields and their checks are its record in
    ``ija_core.traject.events``; its rules are the Methodiek's, compiled per type.)

    Attributes:
        toepassen: how an accepted event changes the builder (None: see ``lijst``).
        lijst: the builder list an accepted event is only appended to (without ``toepassen``).
        controle: the state-dependent input checks (adds ``$``-path messages to a list), or
            None when there are none beyond those of a first event.
        alleen_met_betrokkene: the checks, and the rules of ``ALLEEN_MET_BETROKKENE``, apply
            only when the event names a betrokkene (``contact``, ``doorverwezen``).
    """

    toepassen: Callable[[_Vouw, Any], None] | None = None
    lijst: str = ""
    controle: Callable[[_Vouw, Any, list[str]], None] | None = None
    alleen_met_betrokkene: bool = False

    def __attrs_post_init__(self) -> None:
        if (self.toepassen is None) == (not self.lijst):
            raise TypeError("geef 'toepassen' of 'lijst', precies één van beide")


_VERWERKING: dict[str, _Verwerking] = {
    "aangemeld": _Verwerking(toepassen=_aangemeld, controle=_geen_verdere),
    "contactpoging": _Verwerking(lijst="contactpogingen"),
    "kennismaking": _Verwerking(toepassen=_eerste("kennismaking_op")),
    "verwachtingen-uitgesproken": _Verwerking(toepassen=_eerste("verwachtingen_uitgesproken_op")),
    "intake": _Verwerking(toepassen=_eerste("intake_op")),
    "fase-gewijzigd": _Verwerking(toepassen=_fase_gewijzigd),
    "hulpvraag-geopend": _Verwerking(
        toepassen=_hulpvraag_geopend, controle=_hulpvraag_geopend_fouten
    ),
    "hulpvraag-gesloten": _Verwerking(
        toepassen=_hulpvraag_gesloten, controle=_hulpvraag_gesloten_fouten
    ),
    "zorg-gemeld": _Verwerking(toepassen=_zorg_gemeld, controle=_zorg_gemeld_fouten),
    "zorg-opgeheven": _Verwerking(toepassen=_zorg_opgeheven, controle=_zorg_opgeheven_fouten),
    "doel-gesteld": _Verwerking(toepassen=_doel_gesteld, controle=_doel_gesteld_fouten),
    "doel-bijgewerkt": _Verwerking(toepassen=_doel_bijgewerkt, controle=_doel_bijgewerkt_fouten),
    "plan-ondertekend": _Verwerking(toepassen=_plan_ondertekend, controle=_ondertekend_fouten),
    "instrument-ingezet": _Verwerking(lijst="ingezette_instrumenten"),
    "evaluatie": _Verwerking(toepassen=_evaluatie),
    "melding": _Verwerking(lijst="meldingen"),
    "contact": _Verwerking(
        lijst="contacten", controle=_contact_fouten, alleen_met_betrokkene=True
    ),
    "doorverwezen": _Verwerking(
        lijst="doorverwijzingen", controle=_contact_fouten, alleen_met_betrokkene=True
    ),
    "afgesloten": _Verwerking(toepassen=_afgesloten),
    "heropend": _Verwerking(toepassen=_heropend),
    "opgeschort": _Verwerking(toepassen=_opgeschort),
    "hervat": _Verwerking(toepassen=_hervat),
    "betrokkene-toegevoegd": _Verwerking(
        toepassen=_betrokkene_toegevoegd, controle=_toegevoegd_fouten
    ),
    "betrokkene-verwijderd": _Verwerking(
        toepassen=_betrokkene_verwijderd, controle=_betrokkene_veld("id")
    ),
    "toestemming-gegeven": _Verwerking(
        toepassen=_toestemming_gegeven, controle=_betrokkene_veld("betrokkene")
    ),
    "toestemming-ingetrokken": _Verwerking(
        toepassen=_toestemming_ingetrokken, controle=_ingetrokken_fouten
    ),
    "jim-gekozen": _Verwerking(toepassen=_jim_gekozen, controle=_betrokkene_veld("betrokkene")),
    "regie-belegd": _Verwerking(toepassen=_regie_belegd, controle=_regie_fouten),
    "opgeschaald": _Verwerking(toepassen=_opgeschaald, controle=_opgeschaald_fouten),
    "afgeschaald": _Verwerking(toepassen=_afgeschaald, controle=_afgeschaald_fouten),
    "coach-gewisseld": _Verwerking(toepassen=_coach_gewisseld),
}
"""Every event type of a traject and how the fold handles it (one entry per type, in the order
of ``EVENT_TYPEN``; a test holds the two equal)."""
