"""The events of a traject: one frozen attrs class per JSON ``type``.

A traject is the fold of these events (see ``ija_core.traject.traject``). Each class carries
its JSON tag as the class attribute ``TYPE`` and its attribute names equal the JSON keys, so
``Contact(op=..., met="jongere", vorm="huisbezoek")`` is ``{"type": "contact", "op": ...,
"met": "jongere", "vorm": "huisbezoek"}``.

The events listed in the design are kept exactly. This module adds three that a real traject
needs:

* ``opgeschort`` ``{"type", "op", "reden"}`` and ``hervat`` ``{"type", "op"}``: the traject is
  paused (e.g. the young person is abroad or admitted) and resumed; pausable norms move their
  deadline by the paused days. Rules ``opschorten-niet-dubbel`` and
  ``hervatten-na-opschorting``.
* ``doel-bijgewerkt`` ``{"type", "op", "id", "levenscyclus"?, "voortgang"?}``: the status of a
  doel of the ondersteuningsplan on two axes, as FHIR Goal does (``lifecycleStatus`` and
  ``achievementStatus``). At least one of the two is given.

Field types carry *what* a string is (an id of a fase, a leefgebied, a rol ...) with
``Annotated`` markers. The JSON converter checks those ids against the methodiek, so an unknown
id is invalid input with a path, reported together with every other problem of the event.
Validation happens when an event is decoded from JSON; an event object built in Python is
passed through its JSON form by the traject before it is accepted, so both are held to the
same checks.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Literal

from attrs import field, frozen

__all__ = [
    "AanbiederId",
    "Aangemeld",
    "Afgeschaald",
    "Afgesloten",
    "BetrokkeneToegevoegd",
    "BetrokkeneVerwijderd",
    "CoachGewisseld",
    "Contact",
    "Contactpoging",
    "DoelBijgewerkt",
    "DoelGesteld",
    "Doorverwezen",
    "EVENT_TYPEN",
    "Evaluatie",
    "FaseGewijzigd",
    "FaseId",
    "Gebeurtenis",
    "Heropend",
    "Hervat",
    "HulpvraagGeopend",
    "HulpvraagGesloten",
    "InstrumentIngezet",
    "Intake",
    "JimGekozen",
    "Jongere",
    "Kennismaking",
    "LEVENSCYCLI",
    "LeefgebiedId",
    "Levenscyclus",
    "Melding",
    "NietLeeg",
    "Opgeschaald",
    "Opgeschort",
    "OpschalingId",
    "PlanOndertekend",
    "RegieBelegd",
    "RelatieId",
    "RolId",
    "Tekstsoort",
    "Termijn",
    "ToestemmingGegeven",
    "ToestemmingIngetrokken",
    "ToestemmingVoor",
    "VOORTGANGEN",
    "VerwachtingenUitgesproken",
    "Voortgang",
    "ZorgGemeld",
    "ZorgOpgeheven",
]


def _als_tuple(value: Any) -> Any:
    """Turn a list into a tuple; anything else is left for the JSON checks to refuse."""
    return tuple(value) if isinstance(value, list) else value


@frozen
class Tekstsoort:
    """Marker inside ``Annotated``: which kind of id (or constraint) a string field holds.

    (Named apart from ``tools.model.Soort``, the kind of an instrument.)
    """

    naam: str


FaseId = Annotated[str, Tekstsoort("fase")]
"""A fase id of the methodiek (``"verdieping"``)."""
LeefgebiedId = Annotated[str, Tekstsoort("leefgebied")]
"""A leefgebied id of the methodiek (``"financien"``)."""
RolId = Annotated[str, Tekstsoort("rol")]
"""A rol id of the methodiek (``"jongere"``, ``"coach"``)."""
AanbiederId = Annotated[str, Tekstsoort("aanbieder")]
"""An aanbieder id of the methodiek (``"exodus"``)."""
NietLeeg = Annotated[str, Tekstsoort("niet-leeg")]
"""A string that must not be blank (ids and required reasons)."""
RelatieId = Annotated[str, Tekstsoort("relatie")]
"""A relatie id of the methodiek (``"ouder"``, ``"wijkagent"``)."""
OpschalingId = Annotated[str, Tekstsoort("opschaling")]
"""An opschaling (partner or table of drang en dwang) id of the methodiek (``"pga"``)."""

ToestemmingVoor = Literal["betrekken", "gegevens-delen"]
"""What a toestemming is for: involving a betrokkene, or sharing information with them."""

Termijn = Literal["kort", "lang"]
"""Short- or long-term doel of the ondersteuningsplan."""

Levenscyclus = Literal["voorgesteld", "actief", "gepauzeerd", "afgerond", "geannuleerd"]
"""Where a doel is in its life (FHIR Goal ``lifecycleStatus``, a Dutch subset)."""
LEVENSCYCLI: tuple[str, ...] = Levenscyclus.__args__  # type: ignore[attr-defined]  # Literal keeps its members here

Voortgang = Literal[
    "bezig",
    "verbetert",
    "verslechtert",
    "geen-verandering",
    "bereikt",
    "behouden",
    "niet-bereikt",
    "geen-vooruitgang",
    "niet-haalbaar",
]
"""How far a doel is reached (FHIR Goal ``achievementStatus``, in Dutch)."""
VOORTGANGEN: tuple[str, ...] = Voortgang.__args__  # type: ignore[attr-defined]  # as above


@frozen(kw_only=True)
class Jongere:
    """The young person, by pseudonym: the library keeps no names.

    Attributes:
        pseudoniem: how the traject refers to the young person.
        geboortedatum: the date of birth (the age at aanmelding must be 12 to 27).
    """

    pseudoniem: NietLeeg
    geboortedatum: date


@frozen(kw_only=True)
class Gebeurtenis:
    """Base of every event: something that happened at moment ``op`` (with a UTC offset).

    Decode any event with ``ija.from_json(text, ija.Gebeurtenis, methodiek=m)``; the ``type``
    key picks the class.

    Attributes:
        op: when it happened; an aware datetime.
    """

    TYPE: ClassVar[str] = ""
    op: datetime


@frozen(kw_only=True)
class Aangemeld(Gebeurtenis):
    """The young person is referred; always the first event, and only once.

    Attributes:
        traject: the traject's id, chosen by the embedding app.
        jongere: who the traject is for.
        verwijzer: who referred (e.g. ``"wijkagent"``, ``"school"``).
        aanbieder: the aanbieder that carries out the traject, or None.
        wijkteam: the wijkteam, or None.
        aanleiding: what led to the aanmelding (e.g. a nuisance report before the traject),
            or None.
        coach: the coach's pseudonymous staff id, or None.
    """

    TYPE: ClassVar[str] = "aangemeld"
    traject: NietLeeg
    jongere: Jongere
    verwijzer: str
    aanbieder: AanbiederId | None = None
    wijkteam: str | None = None
    aanleiding: str | None = None
    coach: str | None = None


@frozen(kw_only=True)
class Contactpoging(Gebeurtenis):
    """An attempt to reach the young person.

    Attributes:
        kanaal: how (``app``, ``telefoon``, ``huisbezoek``, ``straat``, ``via-netwerk``, ...).
        gelukt: whether contact was made.
    """

    TYPE: ClassVar[str] = "contactpoging"
    kanaal: str
    gelukt: bool


@frozen(kw_only=True)
class Kennismaking(Gebeurtenis):
    """The first real meeting of coach and young person."""

    TYPE: ClassVar[str] = "kennismaking"


@frozen(kw_only=True)
class VerwachtingenUitgesproken(Gebeurtenis):
    """Coach and young person have said what they expect of each other."""

    TYPE: ClassVar[str] = "verwachtingen-uitgesproken"


@frozen(kw_only=True)
class Intake(Gebeurtenis):
    """The intake of the wijkteam took place (service norm: within 6 weeks)."""

    TYPE: ClassVar[str] = "intake"


@frozen(kw_only=True)
class FaseGewijzigd(Gebeurtenis):
    """The traject moves to another fase: one step forward, or back with a reason.

    Attributes:
        naar: the fase id.
        reden: why; required when going back (blank counts as none).
    """

    TYPE: ClassVar[str] = "fase-gewijzigd"
    naar: FaseId
    reden: str | None = None


@frozen(kw_only=True)
class HulpvraagGeopend(Gebeurtenis):
    """A help question of the young person is opened.

    Attributes:
        id: the hulpvraag's id within the traject (may be reused after it is closed).
        leefgebied: the leefgebied it belongs to.
        omschrijving: the question, in the words of the coach.
    """

    TYPE: ClassVar[str] = "hulpvraag-geopend"
    id: NietLeeg
    leefgebied: LeefgebiedId
    omschrijving: str


@frozen(kw_only=True)
class HulpvraagGesloten(Gebeurtenis):
    """An open help question is closed (answered, handed over or no longer relevant).

    Attributes:
        id: the id of an open hulpvraag.
    """

    TYPE: ClassVar[str] = "hulpvraag-gesloten"
    id: NietLeeg


@frozen(kw_only=True)
class ZorgGemeld(Gebeurtenis):
    """A concern (zorg) about the young person is recorded.

    Attributes:
        id: the zorg's id within the traject.
        omschrijving: the concern.
    """

    TYPE: ClassVar[str] = "zorg-gemeld"
    id: NietLeeg
    omschrijving: str


@frozen(kw_only=True)
class ZorgOpgeheven(Gebeurtenis):
    """A concern is lifted.

    Attributes:
        id: the id of an open zorg.
    """

    TYPE: ClassVar[str] = "zorg-opgeheven"
    id: NietLeeg


@frozen(kw_only=True)
class DoelGesteld(Gebeurtenis):
    """A doel is added to the ondersteuningsplan (status: ``actief``, ``bezig``).

    Attributes:
        id: the doel's id within the traject (unique).
        leefgebied: the leefgebied it belongs to.
        termijn: ``kort`` or ``lang``.
        omschrijving: the goal.
    """

    TYPE: ClassVar[str] = "doel-gesteld"
    id: NietLeeg
    leefgebied: LeefgebiedId
    termijn: Termijn
    omschrijving: str


@frozen(kw_only=True)
class DoelBijgewerkt(Gebeurtenis):
    """The status of a doel changes on one or both axes (an addition of this library).

    Attributes:
        id: the id of a doel of the plan.
        levenscyclus: the new lifecycle status, or None to keep it.
        voortgang: the new achievement status, or None to keep it.
    """

    TYPE: ClassVar[str] = "doel-bijgewerkt"
    id: NietLeeg
    levenscyclus: Levenscyclus | None = None
    voortgang: Voortgang | None = None


@frozen(kw_only=True)
class PlanOndertekend(Gebeurtenis):
    """Parties sign the ondersteuningsplan.

    The plan counts as signed from the first moment at which it has a doel and the
    signatures so far together include ``jongere`` and ``coach``.

    Attributes:
        door: who signs (at least one): rol ids, and ids of betrokkenen in the traject.
    """

    TYPE: ClassVar[str] = "plan-ondertekend"
    door: tuple[NietLeeg, ...] = field(converter=_als_tuple)


@frozen(kw_only=True)
class InstrumentIngezet(Gebeurtenis):
    """An instrument was used, with its typed result.

    Attributes:
        instrument: the instrument id.
        resultaat: an instance of the instrument's ``resultaat`` class, or None for an
            instrument that records no result.
    """

    TYPE: ClassVar[str] = "instrument-ingezet"
    instrument: str
    resultaat: Any = None


@frozen(kw_only=True)
class Evaluatie(Gebeurtenis):
    """An evaluation of the plan with the young person.

    Attributes:
        omschrijving: what came out of it.
    """

    TYPE: ClassVar[str] = "evaluatie"
    omschrijving: str


@frozen(kw_only=True)
class Melding(Gebeurtenis):
    """A report about the young person (e.g. overlast, schoolverzuim).

    The default norm ``contact-na-melding-24-uur`` asks for contact within 24 hours of it;
    that norm is derived from the handbook's group approach (bron ``afgeleid``), not a rule the
    handbook sets for every melding.

    Attributes:
        soort: what kind (``overlast``, ``schoolverzuim``, ...).
        bron: who reported (``politie``, ``school``, ...).
    """

    TYPE: ClassVar[str] = "melding"
    soort: str
    bron: str


@frozen(kw_only=True)
class Contact(Gebeurtenis):
    """Contact of the coach with someone around the young person, or the young person.

    Attributes:
        met: the rol id (``jongere``, ``netwerk``, ``wijknetwerk``, ``zorgpartijen``).
        vorm: how (``gesprek``, ``huisbezoek``, ``app``, ...).
        betrokkene: who exactly: the id of a betrokkene of the traject whose relatie has the
            rol ``met``, or None.
    """

    TYPE: ClassVar[str] = "contact"
    met: RolId
    vorm: str
    betrokkene: NietLeeg | None = None


@frozen(kw_only=True)
class Doorverwezen(Gebeurtenis):
    """The young person is referred or handed over elsewhere.

    Attributes:
        naar: to whom (an organisation or service, free text).
        warm: whether it was a warm handover.
        betrokkene: the betrokkene of the traject it went to, or None.
    """

    TYPE: ClassVar[str] = "doorverwezen"
    naar: str
    warm: bool
    betrokkene: NietLeeg | None = None


@frozen(kw_only=True)
class Afgesloten(Gebeurtenis):
    """The traject is closed.

    Attributes:
        reden: why; never blank. Early exits (``justitie``, ``ggz-opname``, ``verhuisd``,
            ``overleden``, ``opgeschaald``) close from any fase; ``geen-reactie`` is never a
            reason.
    """

    TYPE: ClassVar[str] = "afgesloten"
    reden: NietLeeg


@frozen(kw_only=True)
class Heropend(Gebeurtenis):
    """A closed traject is opened again, in verdieping or uitvoering.

    Attributes:
        naar: the fase id it restarts in.
        reden: why (required by rule ``heropenen-naar``; blank counts as none).
    """

    TYPE: ClassVar[str] = "heropend"
    naar: FaseId
    reden: str | None = None


@frozen(kw_only=True)
class Opgeschort(Gebeurtenis):
    """The traject is paused (an addition of this library).

    Attributes:
        reden: why; never blank.
    """

    TYPE: ClassVar[str] = "opgeschort"
    reden: NietLeeg


@frozen(kw_only=True)
class Hervat(Gebeurtenis):
    """A paused traject resumes (an addition of this library)."""

    TYPE: ClassVar[str] = "hervat"


@frozen(kw_only=True)
class BetrokkeneToegevoegd(Gebeurtenis):
    """Someone around the jongere is added to the traject, by pseudonym and relatie.

    Attributes:
        id: the betrokkene's id within the traject (a pseudonym such as ``"oma"``; never a
            name); not a rol id, and never used before in this traject.
        relatie: the relatie id (``"familie"``); its rol is the betrokkene's rol.
        omschrijving: free text, or None. It must not hold personal data (no names,
            addresses or phone numbers): the event log is kept as a record.
    """

    TYPE: ClassVar[str] = "betrokkene-toegevoegd"
    id: NietLeeg
    relatie: RelatieId
    omschrijving: str | None = None


@frozen(kw_only=True)
class BetrokkeneVerwijderd(Gebeurtenis):
    """A betrokkene is no longer part of the traject; the id is not used again.

    Attributes:
        id: the id of a current betrokkene.
    """

    TYPE: ClassVar[str] = "betrokkene-verwijderd"
    id: NietLeeg


@frozen(kw_only=True)
class ToestemmingGegeven(Gebeurtenis):
    """The jongere consents, from this moment, to involving a betrokkene or sharing with them.

    Attributes:
        betrokkene: the id of a current betrokkene.
        voor: ``betrekken`` or ``gegevens-delen``.
    """

    TYPE: ClassVar[str] = "toestemming-gegeven"
    betrokkene: NietLeeg
    voor: ToestemmingVoor


@frozen(kw_only=True)
class ToestemmingIngetrokken(Gebeurtenis):
    """The jongere withdraws an active toestemming, from this moment on.

    Attributes:
        betrokkene: the id of a current betrokkene with this toestemming active.
        voor: ``betrekken`` or ``gegevens-delen``.
    """

    TYPE: ClassVar[str] = "toestemming-ingetrokken"
    betrokkene: NietLeeg
    voor: ToestemmingVoor


@frozen(kw_only=True)
class JimGekozen(Gebeurtenis):
    """The jongere chooses a betrokkene as JIM mentor (counts as toestemming ``betrekken``).

    Attributes:
        betrokkene: the id of a current betrokkene (rule ``jim-uit-eigen-netwerk``: of rol
            ``netwerk``).
    """

    TYPE: ClassVar[str] = "jim-gekozen"
    betrokkene: NietLeeg


@frozen(kw_only=True)
class RegieBelegd(Gebeurtenis):
    """Who holds regie over the help (1 gezin, 1 plan, 1 regisseur).

    Attributes:
        bij: ``"coach"`` or the id of a current betrokkene (e.g. the jeugd- en gezinscoach).
        reden: why, or None.
    """

    TYPE: ClassVar[str] = "regie-belegd"
    bij: NietLeeg
    reden: str | None = None


@frozen(kw_only=True)
class Opgeschaald(Gebeurtenis):
    """The traject is escalated to a partner or table of drang en dwang; it goes on meanwhile.

    Attributes:
        naar: the opschaling id (``"pga"``, ``"jeugdhotspotoverleg"``).
        reden: why; never blank.
    """

    TYPE: ClassVar[str] = "opgeschaald"
    naar: OpschalingId
    reden: NietLeeg


@frozen(kw_only=True)
class Afgeschaald(Gebeurtenis):
    """The active opschaling ends.

    Attributes:
        reden: why; never blank.
    """

    TYPE: ClassVar[str] = "afgeschaald"
    reden: NietLeeg


@frozen(kw_only=True)
class CoachGewisseld(Gebeurtenis):
    """Another coach takes over the traject.

    Attributes:
        reden: why; never blank.
        coach: the new coach's pseudonymous staff id, or None (not known to the store).
    """

    TYPE: ClassVar[str] = "coach-gewisseld"
    reden: NietLeeg
    coach: str | None = None


EVENT_TYPEN: dict[str, type[Gebeurtenis]] = {
    cls.TYPE: cls
    for cls in (
        Aangemeld,
        Contactpoging,
        Kennismaking,
        VerwachtingenUitgesproken,
        Intake,
        FaseGewijzigd,
        HulpvraagGeopend,
        HulpvraagGesloten,
        ZorgGemeld,
        ZorgOpgeheven,
        DoelGesteld,
        DoelBijgewerkt,
        PlanOndertekend,
        InstrumentIngezet,
        Evaluatie,
        Melding,
        Contact,
        Doorverwezen,
        Afgesloten,
        Heropend,
        Opgeschort,
        Hervat,
        BetrokkeneToegevoegd,
        BetrokkeneVerwijderd,
        ToestemmingGegeven,
        ToestemmingIngetrokken,
        JimGekozen,
        RegieBelegd,
        Opgeschaald,
        Afgeschaald,
        CoachGewisseld,
    )
}
"""Every event class by its JSON ``type``, in the order of the design plus the additions."""
