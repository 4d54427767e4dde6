"""The handbook's rules for a traject, as named objects with ids and a Dutch explanation.

``REGELS`` holds the thirteen rules of the design, in the order in which the traject checks
them: ``registreer`` raises the first that refuses, ``kan_naar`` lists every one that refuses.
``AANVULLENDE_REGELS`` holds the rules of this library's own events (pausing), checked after
them; ``ALLE_REGELS`` is both.

A rule looks at a *proposal* (``Voorstel``: the event type, its moment and the few fields the
rules read) and the traject's current *state* (anything with the attributes of
``Toestand``), and returns None to allow or an ``Afwijzing`` with a Dutch explanation and what
is missing. This module knows nothing of the traject engine: it is a definition, like the
fasen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

from attrs import field, frozen

from ija_core.doelgroep import leeftijd_op

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek

__all__ = [
    "AANVULLENDE_REGELS",
    "ALLE_REGELS",
    "REGELS",
    "VROEGTIJDIGE_AFSLUITREDENEN",
    "Afwijzing",
    "Regel",
    "Toestand",
    "Voorstel",
    "amsterdamse_dag",
    "fase_index",
    "is_vooruit",
    "is_vroegtijdig",
    "normaliseer_reden",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

VROEGTIJDIGE_AFSLUITREDENEN: tuple[str, ...] = (
    "justitie",
    "ggz-opname",
    "verhuisd",
    "overleden",
    "opgeschaald",
)
"""Reasons that close a traject from any fase (early exits).

The handbook names justice and GGZ interventions; verhuisd, overleden and opgeschaald are
practical additions of the design.
"""

GEEN_REACTIE = "geen-reactie"


def amsterdamse_dag(op: datetime) -> date:
    """The Europe/Amsterdam calendar date of an instant."""
    return op.astimezone(AMSTERDAM).date()


_TUSSENRUIMTE = re.compile(r"[\s_]+")


def normaliseer_reden(reden: str | None) -> str:
    """A reason as a comparable slug: trimmed, lowercase, spaces and underscores as ``-``.

    ``" GGZ opname "`` becomes ``"ggz-opname"``; None and blank become ``""`` (no reason).
    """
    if not reden:
        return ""
    return _TUSSENRUIMTE.sub("-", reden.strip().lower())


def is_vroegtijdig(reden: str | None) -> bool:
    """Whether a closing reason is an early exit (see ``VROEGTIJDIGE_AFSLUITREDENEN``)."""
    return normaliseer_reden(reden) in VROEGTIJDIGE_AFSLUITREDENEN


def _teksten(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _leeg(reden: str | None) -> bool:
    return reden is None or not reden.strip()


@frozen(kw_only=True)
class Voorstel:
    """What the rules look at of an event (or of a question like ``kan_naar``).

    Attributes:
        type: the event type (``"fase-gewijzigd"``, ``"afgesloten"``, ...).
        op: its moment, or None for a question without a moment (chronologie is skipped).
        naar: the target fase of ``fase-gewijzigd`` and ``heropend``.
        reden: the reason of ``fase-gewijzigd``, ``heropend`` and ``afgesloten``.
        geboortedatum: the young person's date of birth, for ``aangemeld``.
    """

    type: str
    op: datetime | None = None
    naar: str | None = None
    reden: str | None = None
    geboortedatum: date | None = None


class Toestand(Protocol):
    """The state of a traject as the rules read it (a ``Traject`` has all of these)."""

    @property
    def methodiek(self) -> Methodiek: ...

    @property
    def fase(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def laatste_op(self) -> datetime | None: ...

    @property
    def kennismaking_op(self) -> datetime | None: ...

    @property
    def verwachtingen_uitgesproken_op(self) -> datetime | None: ...

    @property
    def plan_ondertekend_op(self) -> datetime | None: ...

    @property
    def aantal_doelen(self) -> int: ...

    @property
    def ondertekend_door(self) -> frozenset[str]: ...

    @property
    def geevalueerd_in_uitvoering(self) -> bool: ...

    @property
    def open_hulpvraag_ids(self) -> tuple[str, ...]: ...

    @property
    def open_zorg_ids(self) -> tuple[str, ...]: ...

    @property
    def opgeschort(self) -> bool: ...


@frozen(kw_only=True)
class Afwijzing:
    """A rule's refusal.

    Attributes:
        uitleg: why, in Dutch, about this case.
        ontbreekt: what is missing before it would be allowed (Dutch, may be empty).
    """

    uitleg: str
    ontbreekt: tuple[str, ...] = field(default=(), converter=_teksten)


Toets = Callable[["Toestand", Voorstel], "Afwijzing | None"]


@frozen(kw_only=True)
class Regel:
    """A rule of the methodiek that the traject enforces.

    Attributes:
        id: the stable rule id (``"plan-voor-uitvoering"``), as in ``RegelOvertreding.regel``.
        naam: a short Dutch label.
        uitleg: what the rule asks, in Dutch (for docs and help).
        gebeurtenissen: the event types it looks at; empty means every event.
        toets: the check; None allows, an ``Afwijzing`` refuses.
    """

    id: str
    naam: str
    uitleg: str
    gebeurtenissen: tuple[str, ...] = field(default=(), converter=_teksten)
    toets: Toets = field(eq=False, repr=False)

    def geldt_voor(self, event_type: str) -> bool:
        """Whether this rule looks at events of this type."""
        return not self.gebeurtenissen or event_type in self.gebeurtenissen


# --- helpers on fasen ------------------------------------------------------------------------


def fase_index(m: Methodiek) -> dict[str, int]:
    """Fase id → position (0 for vertrouwen), cached on the methodiek."""
    index: dict[str, int] | None = m._cache.get("fase-index")
    if index is None:
        index = {f.id: i for i, f in enumerate(m.fasen)}
        m._cache["fase-index"] = index
    return index


def is_vooruit(t: Toestand, naar: str | None) -> bool:
    """Whether moving from the current fase to ``naar`` is a forward move."""
    index = fase_index(t.methodiek)
    return naar is not None and index.get(naar, -1) > index.get(t.fase, -1)


def _fasenaam(m: Methodiek, fase_id: str) -> str:
    for f in m.fasen:
        if f.id == fase_id:
            return f.naam.lower()
    return fase_id


# --- the checks ------------------------------------------------------------------------------


def _doelgroep_leeftijd(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if v.geboortedatum is None or v.op is None:
        return None
    dag = amsterdamse_dag(v.op)
    leeftijd = leeftijd_op(v.geboortedatum, dag)
    doelgroep = t.methodiek.doelgroep
    if doelgroep.past(leeftijd):
        return None
    return Afwijzing(
        uitleg=(
            f"de jongere is op de dag van aanmelding ({dag.isoformat()}) {leeftijd} jaar; "
            f"de aanpak is er voor jongeren van {doelgroep.min_leeftijd} tot en met "
            f"{doelgroep.max_leeftijd} jaar"
        )
    )


def _chronologie(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if v.op is None or t.laatste_op is None or v.op >= t.laatste_op:
        return None
    return Afwijzing(
        uitleg=(
            f"deze gebeurtenis ({v.op.isoformat()}) ligt vóór de vorige "
            f"({t.laatste_op.isoformat()}); gebeurtenissen komen in volgorde van tijd"
        )
    )


def _traject_afgesloten(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if t.status != "afgesloten" or v.type == "heropend":
        return None
    return Afwijzing(
        uitleg=(f"het traject is afgesloten; '{v.type}' kan pas weer na een 'heropend'"),
        ontbreekt=("heropend",),
    )


def _heropenen_naar(t: Toestand, v: Voorstel) -> Afwijzing | None:
    problemen: list[str] = []
    ontbreekt: list[str] = []
    if t.status != "afgesloten":
        problemen.append("alleen een afgesloten traject kan heropend worden")
    if v.naar not in ("verdieping", "uitvoering"):
        problemen.append(
            f"heropenen kan naar verdieping of uitvoering, niet naar {v.naar or '(geen fase)'}"
        )
    if _leeg(v.reden):
        problemen.append("heropenen vraagt een reden")
        ontbreekt.append("reden")
    if not problemen:
        return None
    return Afwijzing(uitleg="; ".join(problemen), ontbreekt=ontbreekt)


def _fase_volgorde(t: Toestand, v: Voorstel) -> Afwijzing | None:
    index = fase_index(t.methodiek)
    m = t.methodiek
    if v.naar == t.fase:
        return Afwijzing(uitleg=f"het traject is al in fase {_fasenaam(m, t.fase)}")
    van, naar = index.get(t.fase, -1), index.get(v.naar or "", -1)
    if naar > van + 1:
        overgeslagen = ", ".join(_fasenaam(m, f.id) for f in m.fasen[van + 1 : naar])
        return Afwijzing(
            uitleg=(
                f"vooruit gaat één fase tegelijk: van {_fasenaam(m, t.fase)} naar "
                f"{_fasenaam(m, v.naar or '')} slaat {overgeslagen} over"
            ),
            ontbreekt=tuple(f"fase {_fasenaam(m, f.id)}" for f in m.fasen[van + 1 : naar]),
        )
    return None


def _terugval_met_reden(t: Toestand, v: Voorstel) -> Afwijzing | None:
    index = fase_index(t.methodiek)
    if index.get(v.naar or "", -1) >= index.get(t.fase, -1) or not _leeg(v.reden):
        return None
    return Afwijzing(
        uitleg=(
            f"terug naar fase {_fasenaam(t.methodiek, v.naar or '')} kan, maar alleen met een reden"
        ),
        ontbreekt=("reden",),
    )


def _contact_voor_verdieping(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if v.naar != "verdieping" or not is_vooruit(t, v.naar):
        return None
    ontbreekt = []
    if t.kennismaking_op is None:
        ontbreekt.append("kennismaking")
    if t.verwachtingen_uitgesproken_op is None:
        ontbreekt.append("verwachtingen-uitgesproken")
    if not ontbreekt:
        return None
    return Afwijzing(
        uitleg=(
            "naar verdieping pas na kennismaking en het uitspreken van verwachtingen; nog niet "
            "geregistreerd: " + ", ".join(ontbreekt)
        ),
        ontbreekt=ontbreekt,
    )


def _plan_voor_uitvoering(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if v.naar != "uitvoering" or not is_vooruit(t, v.naar) or t.plan_ondertekend_op is not None:
        return None
    ontbreekt = []
    if t.aantal_doelen == 0:
        ontbreekt.append("ondersteuningsplan heeft nog geen doel")
    ontbreekt.extend(
        f"ondersteuningsplan niet ondertekend door de {rol}"
        for rol in ("jongere", "coach")
        if rol not in t.ondertekend_door
    )
    return Afwijzing(
        uitleg=(
            "naar uitvoering pas met een ondertekend ondersteuningsplan: " + "; ".join(ontbreekt)
        ),
        ontbreekt=ontbreekt,
    )


def _evaluatie_voor_afronding(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if v.naar != "afronding" or not is_vooruit(t, v.naar) or t.geevalueerd_in_uitvoering:
        return None
    return Afwijzing(
        uitleg="naar afronding pas nadat er in de uitvoering een evaluatie is geweest",
        ontbreekt=("evaluatie tijdens uitvoering",),
    )


def _geen_reactie_geen_reden(_t: Toestand, v: Voorstel) -> Afwijzing | None:
    if normaliseer_reden(v.reden) != GEEN_REACTIE:
        return None
    return Afwijzing(
        uitleg=(
            "geen reactie van de jongere is geen reden om af te sluiten: de coach geeft niet "
            "op en zoekt een andere weg (nee is geen optie)"
        )
    )


def _afsluiten_vanuit_afronding(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if t.fase == "afronding" or is_vroegtijdig(v.reden):
        return None
    return Afwijzing(
        uitleg=(
            f"afsluiten vanuit fase {_fasenaam(t.methodiek, t.fase)} kan alleen bij een "
            f"vroegtijdig einde ({', '.join(VROEGTIJDIGE_AFSLUITREDENEN)}); gewoon afsluiten "
            f"gebeurt vanuit afronding"
        ),
        ontbreekt=("fase afronding",),
    )


def _afsluiten_met_hulpvraag(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if is_vroegtijdig(v.reden) or not t.open_hulpvraag_ids:
        return None
    ids = ", ".join(t.open_hulpvraag_ids)
    return Afwijzing(
        uitleg=f"zolang er een hulpvraag open staat wordt het traject niet afgesloten (open: {ids})",
        ontbreekt=tuple(f"hulpvraag {i} gesloten" for i in t.open_hulpvraag_ids),
    )


def _afsluiten_met_zorg(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if is_vroegtijdig(v.reden) or not t.open_zorg_ids:
        return None
    ids = ", ".join(t.open_zorg_ids)
    return Afwijzing(
        uitleg=(
            f"er is nog een zorg (open: {ids}); dan blijft de coach de jongere monitoren in "
            f"plaats van af te sluiten"
        ),
        ontbreekt=tuple(f"zorg {i} opgeheven" for i in t.open_zorg_ids),
    )


def _opschorten_niet_dubbel(t: Toestand, _v: Voorstel) -> Afwijzing | None:
    if not t.opgeschort:
        return None
    return Afwijzing(uitleg="het traject is al opgeschort; hervat het eerst")


def _hervatten_na_opschorting(t: Toestand, _v: Voorstel) -> Afwijzing | None:
    if t.opgeschort:
        return None
    return Afwijzing(
        uitleg="het traject is niet opgeschort, dus er valt niets te hervatten",
        ontbreekt=("opgeschort",),
    )


_FASE = ("fase-gewijzigd",)
_AFSLUITEN = ("afgesloten",)

REGELS: tuple[Regel, ...] = (
    Regel(
        id="doelgroep-leeftijd",
        naam="Leeftijd bij aanmelding",
        uitleg=(
            "Op de dag van aanmelding is de jongere minstens 12 en hoogstens 27 jaar oud. De "
            "leeftijd telt in hele jaren volgens de kalender; de dag is die in Amsterdam."
        ),
        gebeurtenissen=("aangemeld",),
        toets=_doelgroep_leeftijd,
    ),
    Regel(
        id="chronologie",
        naam="Volgorde in de tijd",
        uitleg=(
            "Een gebeurtenis ligt nooit vóór de gebeurtenis die eraan voorafgaat. Twee "
            "gebeurtenissen op hetzelfde moment mogen wel."
        ),
        toets=_chronologie,
    ),
    Regel(
        id="traject-afgesloten",
        naam="Afgesloten traject",
        uitleg=("Een afgesloten traject neemt geen gebeurtenissen meer aan, behalve 'heropend'."),
        toets=_traject_afgesloten,
    ),
    Regel(
        id="heropenen-naar",
        naam="Heropenen",
        uitleg=(
            "Alleen een afgesloten traject gaat weer open, met een reden, en dan in "
            "verdieping of uitvoering. Die fase begint op het moment van heropenen; de "
            "toegangsregels van de fasen gelden daarbij niet."
        ),
        gebeurtenissen=("heropend",),
        toets=_heropenen_naar,
    ),
    Regel(
        id="fase-volgorde",
        naam="Fasevolgorde",
        uitleg=(
            "Vooruit gaat het traject één fase tegelijk; een wissel naar de fase waarin het "
            "al zit bestaat niet."
        ),
        gebeurtenissen=_FASE,
        toets=_fase_volgorde,
    ),
    Regel(
        id="terugval-met-reden",
        naam="Terug met reden",
        uitleg=(
            "Terug naar een eerdere fase mag altijd (ook meer dan één stap), maar altijd met "
            "een reden. Een lege reden telt niet."
        ),
        gebeurtenissen=_FASE,
        toets=_terugval_met_reden,
    ),
    Regel(
        id="contact-voor-verdieping",
        naam="Eerst contact",
        uitleg=(
            "Naar verdieping pas als de kennismaking er is geweest en coach en jongere hun "
            "verwachtingen hebben uitgesproken."
        ),
        gebeurtenissen=_FASE,
        toets=_contact_voor_verdieping,
    ),
    Regel(
        id="plan-voor-uitvoering",
        naam="Eerst een ondertekend plan",
        uitleg=(
            "Naar uitvoering pas als het ondersteuningsplan telt als ondertekend: het heeft "
            "minstens één doel en de jongere en de coach hebben getekend. Een plan dat al "
            "ondertekend was blijft dat, ook na een stap terug."
        ),
        gebeurtenissen=_FASE,
        toets=_plan_voor_uitvoering,
    ),
    Regel(
        id="evaluatie-voor-afronding",
        naam="Eerst evalueren",
        uitleg=(
            "Naar afronding pas als er een evaluatie is geweest terwijl het traject in "
            "uitvoering was (in welke periode van uitvoering dan ook)."
        ),
        gebeurtenissen=_FASE,
        toets=_evaluatie_voor_afronding,
    ),
    Regel(
        id="geen-reactie-geen-reden",
        naam="Nee is geen optie",
        uitleg=(
            "Dat de jongere niet reageert ('geen-reactie') is nooit een reden om af te "
            "sluiten: de coach blijft het proberen, via andere kanalen."
        ),
        gebeurtenissen=_AFSLUITEN,
        toets=_geen_reactie_geen_reden,
    ),
    Regel(
        id="afsluiten-vanuit-afronding",
        naam="Afsluiten vanuit afronding",
        uitleg=(
            "Gewoon afsluiten gebeurt vanuit afronding. Vanuit een andere fase alleen bij een "
            "vroegtijdig einde: justitie, ggz-opname, verhuisd, overleden of opgeschaald."
        ),
        gebeurtenissen=_AFSLUITEN,
        toets=_afsluiten_vanuit_afronding,
    ),
    Regel(
        id="afsluiten-met-hulpvraag",
        naam="Geen afsluiting met open hulpvraag",
        uitleg=(
            "Zolang er een hulpvraag open staat, sluit de coach het traject niet gewoon af. "
            "Een vroegtijdig einde valt hierbuiten."
        ),
        gebeurtenissen=_AFSLUITEN,
        toets=_afsluiten_met_hulpvraag,
    ),
    Regel(
        id="afsluiten-met-zorg",
        naam="Geen afsluiting met open zorg",
        uitleg=(
            "Is er geen hulpvraag meer maar wel een zorg, dan wordt het traject niet "
            "afgesloten maar gemonitord. Een vroegtijdig einde valt hierbuiten."
        ),
        gebeurtenissen=_AFSLUITEN,
        toets=_afsluiten_met_zorg,
    ),
)
"""The handbook's rules, in the order ``registreer`` checks them."""

AANVULLENDE_REGELS: tuple[Regel, ...] = (
    Regel(
        id="opschorten-niet-dubbel",
        naam="Eén opschorting tegelijk",
        uitleg=(
            "Een traject dat al is opgeschort kan niet nog eens worden opgeschort; eerst "
            "komt 'hervat'."
        ),
        gebeurtenissen=("opgeschort",),
        toets=_opschorten_niet_dubbel,
    ),
    Regel(
        id="hervatten-na-opschorting",
        naam="Hervatten na opschorting",
        uitleg="'hervat' kan alleen als het traject is opgeschort.",
        gebeurtenissen=("hervat",),
        toets=_hervatten_na_opschorting,
    ),
)
"""Rules of this library's own events (pausing), checked after ``REGELS``."""

ALLE_REGELS: tuple[Regel, ...] = REGELS + AANVULLENDE_REGELS
"""Every rule the traject checks, in order."""
