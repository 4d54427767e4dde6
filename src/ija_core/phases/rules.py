"""The rules of a traject: one type, ``Regel``, for ija-core's own rules and the plugins' alike.

A rule is data plus one check. The data says which events it looks at (``gebeurtenissen``),
which fasen (``naar``: moves into them; ``van``: while the traject is in them), for which
aanbieder, whether it judges the event's moment (``vraagt_moment``), and where it comes from
(``bron``: the handbook, derived from it, a choice of ija-core, or an aanbieder's plugin). The
check gets the traject's state (``Toestand``) and the event about to be registered
(``Voorstel``) and returns None to allow, or a refusal: an ``Afwijzing`` (a Dutch explanation
and what is missing) or just the Dutch explanation as a string.

``REGELS`` holds the thirteen rules of the design in checking order, ``AANVULLENDE_REGELS`` the
two rules of this library's pause events; ``ALLE_REGELS`` is both. They are *contributed* by
the built-in handbook plugin through the hook ``ija_overgangsregels`` like any plugin's guards,
and land in ``Methodiek.regels``; the traject engine checks what the Methodiek holds, never
these constants. This module knows nothing of the engine: it is a definition, like the fasen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from attrs import field, frozen, validators

from ija_core._instant import AMSTERDAM, moment
from ija_core._validators import niet_leeg, slug, slugs
from ija_core.bron import Bron
from ija_core.doelgroep import leeftijd_op
from ija_core.netwerk import OUDER_ZONDER_TOESTEMMING_TOT, WETTELIJKE_TOESTEMMING
from ija_core.phases.uitstroom import VROEGE_UITSTROOM

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek

__all__ = [
    "AANVULLENDE_REGELS",
    "ALLEEN_MET_BETROKKENE",
    "ALLE_REGELS",
    "NETWERK_REGELS",
    "BINNENKOMENDE_GEBEURTENISSEN",
    "GROEPSREGELS",
    "HEROPENEN_NAAR",
    "REGELS",
    "STATUSSEN",
    "UITGAANDE_GEBEURTENISSEN",
    "VROEGTIJDIGE_AFSLUITREDENEN",
    "Afwijzing",
    "Regel",
    "Regeltoets",
    "Toestand",
    "Voorstel",
    "amsterdamse_dag",
    "fase_index",
    "is_vooruit",
    "is_vroegtijdig",
    "normaliseer_reden",
]


VROEGTIJDIGE_AFSLUITREDENEN: tuple[str, ...] = tuple(u.id for u in VROEGE_UITSTROOM)
"""The ids of the reasons that close a traject from any fase (early exits).

The records, each with its ``Bron``, are ``phases.uitstroom.VROEGE_UITSTROOM``: the handbook
names justice and GGZ interventions; verhuisd, overleden and opgeschaald are ija-core's
practical additions (``keuze``).
"""

HEROPENEN_NAAR: tuple[str, ...] = ("verdieping", "uitvoering")
"""The fasen a closed traject may be reopened to (rule ``heropenen-naar``)."""

BINNENKOMENDE_GEBEURTENISSEN: tuple[str, ...] = ("aangemeld", "fase-gewijzigd", "heropend")
"""Event types that bring a traject into a fase: ``aangemeld`` into the first, the other two
into their ``naar``. A rule's ``naar`` filters on the fase entered."""

UITGAANDE_GEBEURTENISSEN: tuple[str, ...] = ("fase-gewijzigd", "afgesloten")
"""Event types that take a traject out of its current fase."""

GEEN_REACTIE = "geen-reactie"


def amsterdamse_dag(op: datetime) -> date:
    """The Europe/Amsterdam calendar date of an instant (the one day function of ija-core:
    ``ija_core._instant.dag`` on its timestamp)."""
    return date.fromordinal(moment(op)[1])


def amsterdamse_tijd(op: datetime) -> datetime:
    """An instant on the Europe/Amsterdam clock (for showing the time of day; the day itself
    is ``amsterdamse_dag``)."""
    return op.astimezone(AMSTERDAM)


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


def _ids(items: Iterable[str] | str) -> tuple[str, ...]:
    """A tuple of ids; one bare id counts as a tuple of one (not as its letters)."""
    return (items,) if isinstance(items, str) else tuple(items)


def _leeg(reden: str | None) -> bool:
    return reden is None or not reden.strip()


STATUSSEN: tuple[str, ...] = ("actief", "afgesloten")
"""The statuses of a traject."""


def _statussen(_inst: object, attribute: Any, value: tuple[str, ...]) -> None:
    for status in value:
        if status not in STATUSSEN:
            raise ValueError(
                f"'{attribute.name}' noemt onbekende status {status!r} "
                f"(bekend: {', '.join(STATUSSEN)})"
            )


class Voorstel(Protocol):
    """What a rule judges: the event about to be registered (an ``ija_core.Gebeurtenis``).

    Every event has its ``TYPE`` and its moment ``op``; the other fields depend on the type
    (``naar`` and ``reden`` of ``fase-gewijzigd``, ``jongere`` of ``aangemeld``, ...), so a
    check reads them only for the types in its rule's ``gebeurtenissen``. ``Traject.kan_naar``
    asks about a ``fase-gewijzigd`` at the moment of the traject's last event.
    """

    TYPE: ClassVar[str]

    @property
    def op(self) -> datetime:
        """The moment of the event (timezone-aware)."""


class Toestand(Protocol):
    """The state of a traject as a rule reads it, just before the event is applied."""

    @property
    def methodiek(self) -> Methodiek:
        """The ``Methodiek`` the traject runs under (fasen, rules, norms, plugins)."""

    @property
    def aanbieder(self) -> str | None:
        """The aanbieder id from the aanmelding, or None when none was named."""

    @property
    def fase(self) -> str:
        """The id of the current fase (``"vertrouwen"``, ``"verdieping"``, ...)."""

    @property
    def status(self) -> str:
        """The status: ``"actief"`` or ``"afgesloten"``."""

    @property
    def laatste_op(self) -> datetime | None:
        """The moment of the last registered event, or None before the first."""

    @property
    def kennismaking_op(self) -> datetime | None:
        """The moment of the first ``kennismaking``, or None."""

    @property
    def verwachtingen_uitgesproken_op(self) -> datetime | None:
        """The moment of the first ``verwachtingen-uitgesproken``, or None."""

    @property
    def plan_ondertekend_op(self) -> datetime | None:
        """The moment the plan counts as signed, or None while it is not."""

    @property
    def aantal_doelen(self) -> int:
        """How many goals the plan has."""

    @property
    def ondertekend_door(self) -> frozenset[str]:
        """The roles that have signed the plan (``"jongere"``, ``"coach"``, ...)."""

    @property
    def geevalueerd_in_uitvoering(self) -> bool:
        """Whether an ``evaluatie`` was registered during fase uitvoering."""

    @property
    def open_hulpvraag_ids(self) -> tuple[str, ...]:
        """The ids of the hulpvragen that are open, in the order they were opened."""

    @property
    def open_zorg_ids(self) -> tuple[str, ...]:
        """The ids of the zorgen that are not lifted, in the order they were reported."""

    @property
    def opgeschort(self) -> bool:
        """Whether the traject is suspended (``opgeschort`` without a later ``hervat``)."""

    @property
    def jongere(self) -> Any:
        """The young person (``ija_core.Jongere``: pseudonym and date of birth)."""

    def relatie_van(self, betrokkene: str) -> str | None:
        """The relatie id of a current betrokkene, or None."""

    def toestemming(self, betrokkene: str, voor: str) -> bool:
        """Whether the betrokkene has the toestemming ``voor`` now."""

    @property
    def traject(self) -> Any:
        """The whole state as a frozen ``ija_core.Traject`` (for checks that need more)."""


@frozen(kw_only=True)
class Afwijzing:
    """A rule's refusal of one event: the one type for that meaning.

    A rule's check returns it with ``uitleg`` (and ``ontbreekt``); the engine fills in
    ``regel`` and ``plugin`` when it reports the refusal, in ``Besluit.redenen`` of
    ``Traject.kan_naar``. ``registreer`` raises the refusal as ``RegelOvertreding`` (the
    error, with the same fields and the event's ``index``). ``Weigering`` was the name of the
    reported refusal up to 0.1; it is a deprecated alias of this class.

    Attributes:
        uitleg: why, in Dutch, about this case.
        ontbreekt: what is missing before it would be allowed (Dutch, may be empty).
        regel: the id of the rule that refuses; filled in by the engine (empty in a check's
            own ``Afwijzing``, which need not know its rule's id).
        plugin: the plugin that owns the rule, for a plugin's rule; else None.
    """

    uitleg: str
    ontbreekt: tuple[str, ...] = field(default=(), converter=_teksten)
    regel: str = ""
    plugin: str | None = None


Regeltoets = Callable[[Toestand, Voorstel], "Afwijzing | str | None"]
"""A rule's check: None allows; an ``Afwijzing`` or a non-blank Dutch string refuses."""


@frozen(kw_only=True)
class Regel:
    """A rule the traject enforces: one of ija-core's own or a plugin's guard.

    ``Methodiek.regels`` lists every rule in checking order; ``registreer`` raises the first
    that refuses, ``kan_naar`` lists every one that refuses.

    Attributes:
        id: the stable rule id (``"plan-voor-uitvoering"``, ``"futuro:dagbesteding"``), as in
            ``RegelOvertreding.regel``.
        naam: a short Dutch label.
        uitleg: what the rule asks, in Dutch (for docs and help).
        bron: where the rule comes from (``ija_core.Bron``); a plugin's rules are
            ``aanbieder``.
        toets: the check (see ``Regeltoets``).
        gebeurtenissen: the event types it is asked about; empty means every event.
        naar: when given, it is asked only about events that bring the traject into one of
            these fasen (``aangemeld`` into the first fase, ``fase-gewijzigd`` and
            ``heropend`` into their ``naar``); the docs show it on those fase pages.
        van: when given, it is asked only while the traject is in one of these fasen.
        aanbieder: when given, it is asked only for trajecten of this aanbieder.
        status: when given, it is asked only while the traject has one of these statuses
            (``actief``, ``afgesloten``).
        vraagt_moment: it judges the moment of the event (as ``chronologie`` does);
            ``kan_naar``, a question without a moment of its own, leaves it out.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    uitleg: str = field(validator=niet_leeg)
    bron: Bron = field(validator=validators.instance_of(Bron))
    toets: Regeltoets = field(validator=validators.is_callable(), repr=False)
    gebeurtenissen: tuple[str, ...] = field(default=(), converter=_ids, validator=slugs)
    naar: tuple[str, ...] = field(default=(), converter=_ids, validator=slugs)
    van: tuple[str, ...] = field(default=(), converter=_ids, validator=slugs)
    aanbieder: str | None = field(default=None, validator=validators.optional(slug))
    status: tuple[str, ...] = field(default=(), converter=_ids, validator=_statussen)
    vraagt_moment: bool = field(default=False, validator=validators.instance_of(bool))

    def geldt_voor(self, event_type: str) -> bool:
        """Whether this rule looks at events of this type."""
        return not self.gebeurtenissen or event_type in self.gebeurtenissen


# --- helpers on fasen ------------------------------------------------------------------------


def fase_index(m: Methodiek) -> Mapping[str, int]:
    """Fase id → position in ``m.fasen`` (0 for vertrouwen)."""
    return m.fasevolgorde


def is_vooruit(t: Toestand, naar: str | None) -> bool:
    """Whether moving from the current fase to ``naar`` is a forward move."""
    index = t.methodiek.fasevolgorde
    return naar is not None and index.get(naar, -1) > index.get(t.fase, -1)


def _fasenaam(m: Methodiek, fase_id: str) -> str:
    for f in m.fasen:
        if f.id == fase_id:
            return f.naam.lower()
    return fase_id


def _naar(v: Voorstel) -> str | None:
    naar: str | None = getattr(v, "naar", None)
    return naar


def _reden(v: Voorstel) -> str | None:
    reden: str | None = getattr(v, "reden", None)
    return reden


# --- the checks ------------------------------------------------------------------------------


def _doelgroep_leeftijd(t: Toestand, v: Voorstel) -> Afwijzing | None:
    jongere = getattr(v, "jongere", None)
    if jongere is None:
        return None
    dag = amsterdamse_dag(v.op)
    leeftijd = leeftijd_op(jongere.geboortedatum, dag)
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
    laatste = t.laatste_op
    if laatste is None or not v.op < laatste:
        return None
    return Afwijzing(
        uitleg=(
            f"deze gebeurtenis ({v.op.isoformat()}) ligt vóór de vorige "
            f"({laatste.isoformat()}); gebeurtenissen komen in volgorde van tijd"
        )
    )


def _traject_afgesloten(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if t.status != "afgesloten" or v.TYPE == "heropend":
        return None
    return Afwijzing(
        uitleg=(f"het traject is afgesloten; '{v.TYPE}' kan pas weer na een 'heropend'"),
        ontbreekt=("heropend",),
    )


def _heropenen_naar(t: Toestand, v: Voorstel) -> Afwijzing | None:
    problemen: list[str] = []
    ontbreekt: list[str] = []
    naar = _naar(v)
    if t.status != "afgesloten":
        problemen.append("alleen een afgesloten traject kan heropend worden")
    if naar not in HEROPENEN_NAAR:
        problemen.append(
            f"heropenen kan naar {' of '.join(HEROPENEN_NAAR)}, niet naar {naar or '(geen fase)'}"
        )
    if _leeg(_reden(v)):
        problemen.append("heropenen vraagt een reden")
        ontbreekt.append("reden")
    if not problemen:
        return None
    return Afwijzing(uitleg="; ".join(problemen), ontbreekt=ontbreekt)


def _fase_volgorde(t: Toestand, v: Voorstel) -> Afwijzing | None:
    m = t.methodiek
    index = m.fasevolgorde
    doel = _naar(v) or ""
    if doel == t.fase:
        return Afwijzing(uitleg=f"het traject is al in fase {_fasenaam(m, t.fase)}")
    van, naar = index.get(t.fase, -1), index.get(doel, -1)
    if naar > van + 1:
        overgeslagen = ", ".join(_fasenaam(m, f.id) for f in m.fasen[van + 1 : naar])
        return Afwijzing(
            uitleg=(
                f"vooruit gaat één fase tegelijk: van {_fasenaam(m, t.fase)} naar "
                f"{_fasenaam(m, doel)} slaat {overgeslagen} over"
            ),
            ontbreekt=tuple(f"fase {_fasenaam(m, f.id)}" for f in m.fasen[van + 1 : naar]),
        )
    return None


def _terugval_met_reden(t: Toestand, v: Voorstel) -> Afwijzing | None:
    index = t.methodiek.fasevolgorde
    doel = _naar(v) or ""
    if index.get(doel, -1) >= index.get(t.fase, -1) or not _leeg(_reden(v)):
        return None
    return Afwijzing(
        uitleg=f"terug naar fase {_fasenaam(t.methodiek, doel)} kan, maar alleen met een reden",
        ontbreekt=("reden",),
    )


def _contact_voor_verdieping(t: Toestand, v: Voorstel) -> Afwijzing | None:
    naar = _naar(v)
    if naar != "verdieping" or not is_vooruit(t, naar):
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
    naar = _naar(v)
    if naar != "uitvoering" or not is_vooruit(t, naar) or t.plan_ondertekend_op is not None:
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
    naar = _naar(v)
    if naar != "afronding" or not is_vooruit(t, naar) or t.geevalueerd_in_uitvoering:
        return None
    return Afwijzing(
        uitleg="naar afronding pas nadat er in de uitvoering een evaluatie is geweest",
        ontbreekt=("evaluatie tijdens uitvoering",),
    )


def _geen_reactie_geen_reden(_t: Toestand, v: Voorstel) -> Afwijzing | None:
    if normaliseer_reden(_reden(v)) != GEEN_REACTIE:
        return None
    return Afwijzing(
        uitleg=(
            "geen reactie van de jongere is geen reden om af te sluiten: de coach geeft niet "
            "op en zoekt een andere weg (nee is geen optie)"
        )
    )


def _afsluiten_vanuit_afronding(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if t.fase == "afronding" or is_vroegtijdig(_reden(v)):
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
    if is_vroegtijdig(_reden(v)) or not t.open_hulpvraag_ids:
        return None
    ids = ", ".join(t.open_hulpvraag_ids)
    return Afwijzing(
        uitleg=f"zolang er een hulpvraag open staat wordt het traject niet afgesloten (open: {ids})",
        ontbreekt=tuple(f"hulpvraag {i} gesloten" for i in t.open_hulpvraag_ids),
    )


def _afsluiten_met_zorg(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if is_vroegtijdig(_reden(v)) or not t.open_zorg_ids:
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


def _genoemde_netwerkbetrokkenen(t: Toestand, v: Voorstel) -> list[tuple[str, str]]:
    """The betrokkenen of rol ``netwerk`` that a contact or plan-ondertekend names, with relatie."""
    if v.TYPE == "contact":
        genoemd: tuple[str, ...] = (getattr(v, "betrokkene", None) or "",)
    else:
        genoemd = getattr(v, "door", ())
    m = t.methodiek
    uitkomst = []
    for b in genoemd:
        relatie = t.relatie_van(b) if b else None
        if relatie is None:
            continue
        if m.relatie(relatie).rol == "netwerk":
            uitkomst.append((b, relatie))
    return uitkomst


_GEEN = object()


def _betrekken_met_toestemming(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if getattr(v, "betrokkene", _GEEN) is None:  # a contact without betrokkene (the common case)
        return None
    zonder: list[str] = []
    for b, relatie in _genoemde_netwerkbetrokkenen(t, v):
        if t.toestemming(b, "betrekken"):
            continue
        if relatie == "ouder":
            leeftijd = leeftijd_op(t.jongere.geboortedatum, amsterdamse_dag(v.op))
            if leeftijd < OUDER_ZONDER_TOESTEMMING_TOT:
                continue
        zonder.append(b)
    if not zonder:
        return None
    namen = ", ".join(f"'{b}'" for b in zonder)
    return Afwijzing(
        uitleg=f"geen toestemming van de jongere om {namen} te betrekken",
        ontbreekt=tuple(f"toestemming betrekken van {b}" for b in zonder),
    )


def _delen_met_toestemming(t: Toestand, v: Voorstel) -> Afwijzing | None:
    b: str | None = getattr(v, "betrokkene", None)
    if b is None or t.toestemming(b, "gegevens-delen"):
        return None
    return Afwijzing(
        uitleg=(
            f"geen toestemming van de jongere om gegevens te delen met '{b}'; een "
            f"doorverwijzing naar '{b}' deelt gegevens"
        ),
        ontbreekt=(f"toestemming gegevens-delen van {b}",),
    )


def _jim_uit_eigen_netwerk(t: Toestand, v: Voorstel) -> Afwijzing | None:
    b: str = getattr(v, "betrokkene", "")
    relatie = t.relatie_van(b)
    rol = None if relatie is None else t.methodiek.relatie(relatie).rol
    if rol == "netwerk":
        return None
    return Afwijzing(
        uitleg=(
            f"'{b}' (relatie {relatie}, rol {rol}) komt niet uit het eigen netwerk van de "
            "jongere; een JIM is iemand uit dat netwerk die de jongere zelf kiest"
        ),
        ontbreekt=("een betrokkene met rol netwerk",),
    )


_FASE = ("fase-gewijzigd",)
_AFSLUITEN = ("afgesloten",)

REGELS: tuple[Regel, ...] = (
    Regel(
        id="doelgroep-leeftijd",
        naam="Leeftijd bij aanmelding",
        uitleg=(
            "Op de dag van aanmelding is de jongere minstens 12 en hoogstens 27 jaar oud. De "
            "leeftijd telt in hele jaren, op de kalenderdag zoals die in Nederland is."
        ),
        bron=Bron(
            soort="handboek",
            toelichting=(
                "Het handboek noemt de doelgroep in zijn inleiding: Rotterdamse jongeren van 12 "
                "tot en met 27 jaar. Dat de leeftijd telt op de dag van aanmelding, kiest "
                "ija-core."
            ),
        ),
        gebeurtenissen=("aangemeld",),
        naar=("vertrouwen",),
        toets=_doelgroep_leeftijd,
    ),
    Regel(
        id="chronologie",
        naam="Volgorde in de tijd",
        uitleg=(
            "Een gebeurtenis ligt nooit vóór de gebeurtenis die eraan voorafgaat. Twee "
            "gebeurtenissen op hetzelfde moment mogen wel."
        ),
        bron=Bron(
            soort="keuze",
            toelichting=(
                "Een traject is een tijdlijn van gebeurtenissen, en "
                "alleen als die in volgorde van tijd binnenkomen kloppen de fasen en de "
                "servicenormen. Het handboek zegt hier niets over."
            ),
        ),
        vraagt_moment=True,
        toets=_chronologie,
    ),
    Regel(
        id="traject-afgesloten",
        naam="Afgesloten traject",
        uitleg="Een afgesloten traject neemt geen gebeurtenissen meer aan, behalve 'heropend'.",
        status=("afgesloten",),
        bron=Bron(
            soort="keuze",
            toelichting=(
                "Wat na het afsluiten gebeurt, hoort in een heropend "
                "traject, zodat het dossier van een afgesloten traject dicht blijft."
            ),
        ),
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
        bron=Bron(
            soort="afgeleid",
            toelichting=(
                "Volgt uit de afronding in het handboek: komen er later nieuwe hulpvragen, "
                "dan loopt de coach een deel van het traject opnieuw door met de instrumenten "
                "van fase 2 en 3. Dat er een reden bij hoort, kiest ija-core."
            ),
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
        bron=Bron(
            soort="keuze",
            toelichting=(
                "Het handboek beschrijft vier fasen die op elkaar "
                "voortbouwen, maar verbiedt nergens er een over te slaan. ija-core laat een "
                "traject vooruit één fase tegelijk gaan, zodat elke fase een eigen begin en "
                "streefduur heeft."
            ),
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
        bron=Bron(
            soort="keuze",
            toelichting=(
                "Dat een traject terug kan, volgt uit het handboek "
                "(bij nieuwe hulpvragen wordt een stuk opnieuw doorlopen); de verplichte reden "
                "is er zodat het dossier laat zien waarom."
            ),
        ),
        gebeurtenissen=_FASE,
        van=("verdieping", "uitvoering", "afronding"),
        toets=_terugval_met_reden,
    ),
    Regel(
        id="contact-voor-verdieping",
        naam="Eerst contact",
        uitleg=(
            "Naar verdieping pas als de kennismaking er is geweest en coach en jongere hun "
            "verwachtingen hebben uitgesproken."
        ),
        bron=Bron(
            soort="afgeleid",
            toelichting=(
                "Volgt uit fase 1 van het handboek, die eindigt met kennismaken en het "
                "uitspreken van verwachtingen over en weer; ija-core maakt van die stappen een "
                "voorwaarde voor de verdieping."
            ),
        ),
        gebeurtenissen=_FASE,
        naar=("verdieping",),
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
        bron=Bron(
            soort="afgeleid",
            toelichting=(
                "Volgt uit fase 2 van het handboek, waarin het ondersteuningsplan wordt "
                "opgesteld, en uit de servicenorm dat het plan ondertekend wordt; dat de "
                "uitvoering pas begint met een getekend plan met een doel, kiest ija-core."
            ),
        ),
        gebeurtenissen=_FASE,
        naar=("uitvoering",),
        toets=_plan_voor_uitvoering,
    ),
    Regel(
        id="evaluatie-voor-afronding",
        naam="Eerst evalueren",
        uitleg=(
            "Naar afronding pas als er een evaluatie is geweest terwijl het traject in "
            "uitvoering was (in welke periode van uitvoering dan ook)."
        ),
        bron=Bron(
            soort="afgeleid",
            toelichting=(
                "Volgt uit de stappen van fase 3 in het handboek, waarvan evalueren de "
                "laatste is; ija-core vraagt daarom een evaluatie in de uitvoering voordat "
                "de afronding begint."
            ),
        ),
        gebeurtenissen=_FASE,
        naar=("afronding",),
        toets=_evaluatie_voor_afronding,
    ),
    Regel(
        id="geen-reactie-geen-reden",
        naam="Nee is geen optie",
        uitleg=(
            "Dat de jongere niet reageert is nooit een reden om af te "
            "sluiten: de coach blijft het proberen, via andere kanalen."
        ),
        bron=Bron(
            soort="afgeleid",
            toelichting=(
                "Volgt uit het eerste principe van de coach ('nee is geen optie') en uit "
                "fase 1, waar de coach bij uitblijvende reactie andere wegen zoekt; ija-core "
                "maakt daarvan dat niet reageren nooit de reden van afsluiten is."
            ),
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
        bron=Bron(
            soort="afgeleid",
            toelichting=(
                "Volgt uit fase 4 van het handboek, waarin het afscheid valt, en uit de "
                "grondhouding van de coaches: door hun werkwijze komt afscheid van een jongere "
                "zelden voor, tenzij justitie of de GGZ tussenkomt. Verhuisd, overleden en "
                "opgeschaald voegt ija-core toe."
            ),
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
        bron=Bron(
            soort="handboek",
            toelichting=(
                "Het handboek zegt het bij monitoring en nazorg in fase 4: met een hulpvraag "
                "wordt de casus niet afgerond. Dat een vroegtijdig einde erbuiten valt, kiest "
                "ija-core."
            ),
        ),
        gebeurtenissen=_AFSLUITEN,
        van=("afronding",),
        toets=_afsluiten_met_hulpvraag,
    ),
    Regel(
        id="afsluiten-met-zorg",
        naam="Geen afsluiting met open zorg",
        uitleg=(
            "Is er geen hulpvraag meer maar wel een zorg, dan sluit ija-core het traject niet "
            "gewoon af: het blijft open, zodat het volgen van de jongere zichtbaar blijft. "
            "Een vroegtijdig einde valt hierbuiten."
        ),
        bron=Bron(
            soort="afgeleid",
            toelichting=(
                "Het handboek zegt bij monitoring en nazorg in fase 4 dat de coach een casus "
                "zonder hulpvraag maar met zorgen zorgvuldig blijft volgen; het zegt niet dat "
                "die casus niet mag sluiten. ija-core maakt daarvan dat het traject open "
                "blijft zolang een zorg open staat, zodat dat volgen in het dossier te zien "
                "is; dat een vroegtijdig einde erbuiten valt, kiest ija-core ook."
            ),
        ),
        gebeurtenissen=_AFSLUITEN,
        van=("afronding",),
        toets=_afsluiten_met_zorg,
    ),
)
"""The thirteen rules of the design, in the order ``registreer`` checks them."""

AANVULLENDE_REGELS: tuple[Regel, ...] = (
    Regel(
        id="opschorten-niet-dubbel",
        naam="Eén opschorting tegelijk",
        uitleg=(
            "Een traject dat al is opgeschort kan niet nog eens worden opgeschort; eerst "
            "komt 'hervat'."
        ),
        bron=Bron(
            soort="keuze",
            toelichting=(
                "ija-core voegt opschorten zelf toe: een pauze loopt tot "
                "'hervat', zodat de servicenormen de gepauzeerde dagen precies kunnen tellen."
            ),
        ),
        gebeurtenissen=("opgeschort",),
        toets=_opschorten_niet_dubbel,
    ),
    Regel(
        id="hervatten-na-opschorting",
        naam="Hervatten na opschorting",
        uitleg="'hervat' kan alleen als het traject is opgeschort.",
        bron=Bron(
            soort="keuze",
            toelichting=(
                "ija-core voegt opschorten zelf toe: hervatten sluit een "
                "lopende pauze af en heeft zonder pauze geen betekenis."
            ),
        ),
        gebeurtenissen=("hervat",),
        toets=_hervatten_na_opschorting,
    ),
)
"""Rules of this library's own events (pausing), checked after ``REGELS``."""

_BANDEN = "; ".join(
    f"{w.van} tot en met {w.tot} jaar: {w.wie}" if w.tot is not None else f"vanaf {w.van} jaar: {w.wie}"
    for w in WETTELIJKE_TOESTEMMING
)

NETWERK_REGELS: tuple[Regel, ...] = (
    Regel(
        id="betrekken-met-toestemming",
        naam="Netwerk betrekken met toestemming",
        uitleg=(
            "Een contact met iemand uit het eigen netwerk van de jongere, of diens handtekening "
            "onder het plan, kan alleen als de jongere toestemming heeft gegeven om die persoon "
            "te betrekken (of hem of haar als JIM heeft gekozen). Een ouder mag zonder die "
            "toestemming betrokken worden zolang de jongere op die dag jonger is dan 16."
        ),
        bron=Bron(
            soort="afgeleid",
            toelichting=(
                "Het handboek noemt het in fase 1 een uitgangspunt dat ouders of het eigen "
                "netwerk erbij komen als de jongere dat zelf wil en het traject erbij gebaat "
                "is. Dat van dat uitgangspunt een harde regel wordt (geen contact of "
                "handtekening zonder toestemming), is de aanscherping van ija-core. De "
                "leeftijdsgrens volgt de WGBO ("
                + _BANDEN
                + ")."
            ),
        ),
        gebeurtenissen=("contact", "plan-ondertekend"),
        toets=_betrekken_met_toestemming,
    ),
    Regel(
        id="delen-met-toestemming",
        naam="Gegevens delen met toestemming",
        uitleg=(
            "Een doorverwijzing naar een betrokkene deelt gegevens van de jongere; dat kan "
            "alleen als de jongere toestemming heeft gegeven om gegevens met die betrokkene "
            "te delen."
        ),
        bron=Bron(
            soort="keuze",
            toelichting=(
                "Naar het beroepsgeheim: een coach deelt gegevens van "
                "een jongere met een derde met diens toestemming, behalve waar de wet iets "
                "anders toestaat of vraagt (zoals de Meldcode). Het eigen werk van het "
                "wijkteam rust op zijn publieke taak, niet op toestemming; ija-core kan die "
                "uitzonderingen niet zien en vraagt dus altijd toestemming."
            ),
        ),
        gebeurtenissen=("doorverwezen",),
        toets=_delen_met_toestemming,
    ),
    Regel(
        id="jim-uit-eigen-netwerk",
        naam="JIM uit het eigen netwerk",
        uitleg=(
            "Een JIM (Jouw Ingebrachte Mentor) is iemand uit het eigen netwerk van de "
            "jongere: familie, een vriend, een sleutelfiguur. Een professional kan geen "
            "JIM zijn."
        ),
        bron=Bron(
            soort="handboek",
            toelichting=(
                "Het handboek beschrijft JIM als een vertrouwd persoon uit het eigen netwerk "
                "die de jongere zelf kiest en die naast de formele hulp een plek krijgt."
            ),
        ),
        gebeurtenissen=("jim-gekozen",),
        toets=_jim_uit_eigen_netwerk,
    ),
)
"""The rules of the network events, checked after the pause rules."""

ALLEEN_MET_BETROKKENE: frozenset[str] = frozenset(
    ("betrekken-met-toestemming", "delen-met-toestemming")
)
"""Rules that allow every ``contact`` and ``doorverwezen`` that names no betrokkene: the
traject engine does not ask them about those events (most events of a traject)."""

ALLE_REGELS: tuple[Regel, ...] = REGELS + AANVULLENDE_REGELS + NETWERK_REGELS
"""The rules the built-in handbook plugin contributes, in checking order."""


def _groep_afgesloten(t: Toestand, v: Voorstel) -> Afwijzing | None:
    if t.status != "afgesloten":
        return None
    return Afwijzing(
        uitleg=(
            f"de groepsaanpak is afgesloten; een '{v.TYPE}' kan niet meer worden vastgelegd "
            "(begin zo nodig een nieuwe groep)"
        )
    )


GROEPSREGELS: tuple[Regel, ...] = (
    next(r for r in REGELS if r.id == "chronologie"),
    Regel(
        id="groep-afgesloten",
        naam="Afgesloten groep",
        uitleg="Na 'groep-afgesloten' neemt een groep geen gebeurtenissen meer aan.",
        status=("afgesloten",),
        bron=Bron(
            soort="keuze",
            toelichting=(
                "Wat na het afsluiten van een groepsaanpak gebeurt, "
                "hoort in een nieuwe groep, zodat het dossier van de afgesloten groep dicht "
                "blijft. Het handboek kent geen heropenen van een groep."
            ),
        ),
        toets=_groep_afgesloten,
    ),
)
"""The rules a group (``ija_core.Groep``) is checked against, in checking order: the same
``chronologie`` as a traject's, then ``groep-afgesloten``. A group rule reads only
``laatste_op`` and ``status`` of its ``Toestand``."""
