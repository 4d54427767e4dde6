"""The Norm record: a service norm as data, so a plugin can add one without touching the core.

A norm is *anchored* on a moment of the traject (the aanmelding, the start of the current
fase, each event of a kind such as a ``melding``, or - for a recurring norm - the latest event
that meets it), has a *termijn* (whole days, counted as Europe/Amsterdam calendar days, or
hours of elapsed time), and is *met* by the first later event that matches one of its
``voldaan_door`` conditions (or by a derived fact such as ``plan-ondertekend``). How the
engine evaluates it lives in ``ija_core.normen._evaluation``.

Local settings: a norm lists in ``instelbaar`` which of its fields a wijkteam may change; the
value in the data is the documented default. ``norm.ingesteld(dagen=5)`` makes the variant,
and ``normtoets(..., normen=[...])`` evaluates it. A norm with ``standaard_aan=False`` (the
local practice norms) is only evaluated when it is passed in ``normen=``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from attrs import evolve, field, frozen, validators

from ija_core._event_types import DERIVED_FACTS, vergelijkbare_velden
from ija_core._validators import niet_leeg, optioneel_niet_leeg, slug, tekst_tuple
from ija_core.bron import Bron
from ija_core.traject.events import EVENT_TYPEN

Anker = Literal[
    "aanmelding", "fase-start", "gebeurtenis", "herhalend", "groepsmelding", "groepslid"
]

GROEPSANKERS: tuple[str, ...] = ("groepsmelding", "groepslid")
"""The anchors of a group norm: evaluated per member by ``ija.groepstoets`` only."""

INSTELBARE_VELDEN: tuple[str, ...] = ("dagen", "uren", "voldaan_door", "pauzeerbaar", "aantal")
"""The fields of a ``Norm`` a wijkteam setting may change (through ``Norm.ingesteld``)."""
OUDE_BRONNEN: dict[str, str] = {"handboek": "handboek", "lokaal": "keuze", "aanbieder": "aanbieder"}
"""Hook API 1.x: the plain strings a ``Norm.bron`` could be, and the ``Bron.soort`` each becomes.

``lokaal`` (a local setting with a default) becomes ``keuze``: the handbook does not set it."""

OUDE_TOELICHTING: dict[str, str] = {
    "handboek": "Volgens de norm zelf uit het handboek; een vindplaats is niet opgegeven.",
    "keuze": "Een lokale instelling met een standaardwaarde; het handboek legt haar niet vast.",
    "aanbieder": "De eigen norm van een aanbieder.",
}


class _BronUitTekst(Bron):
    """Internal marker: a ``Bron`` converted from a hook API 1.x string, toelichting still open."""


_STANDAARD_BRON: Bron = _BronUitTekst(soort="handboek", toelichting=OUDE_TOELICHTING["handboek"])
"""Hook API 1.x: a norm without ``bron`` was the handbook's (a plugin's becomes ``aanbieder``)."""


def _naar_bron(value: Bron | str) -> Bron:
    """Accept a ``Bron``, or (hook API 1.x) one of the strings of ``OUDE_BRONNEN``."""
    if isinstance(value, Bron):
        return value
    if isinstance(value, str) and value in OUDE_BRONNEN:
        soort = OUDE_BRONNEN[value]
        return _BronUitTekst(soort=soort, toelichting=OUDE_TOELICHTING[soort])  # type: ignore[arg-type]  # a key of OUDE_BRONNEN maps to a Bronsoort
    raise ValueError(
        f"'bron' moet een Bron zijn of een van {', '.join(OUDE_BRONNEN)} (kreeg {value!r})"
    )

MAX_DAGEN = 36_525
"""The longest termijn in days a norm may have: 100 years (of 365.25 days).

A longer termijn is a mistake (a typo, or hours given as days), and near the end of the
calendar a deadline could not be represented as a date at all."""
MAX_UREN = MAX_DAGEN * 24
"""The longest termijn in hours a norm may have: the same 100 years."""


def _velden(
    items: Iterable[tuple[str, str | bool | int]],
) -> tuple[tuple[str, str | bool | int], ...]:
    return tuple((k, v) for k, v in items)


def _gebeurtenistype(_inst: Any, attribute: Any, value: Any) -> None:
    """Require the id of an event type (``melding``, ``contact``, ...)."""
    if value not in EVENT_TYPEN:
        raise ValueError(
            f"'{attribute.name}' moet een gebeurtenistype zijn (kreeg {value!r}; "
            f"bekend: {', '.join(EVENT_TYPEN)})"
        )


def _termijn(maximum: int, minimum: int) -> Any:
    """A validator for an optional whole number of days or hours within bounds."""

    def valideer(_inst: Any, attribute: Any, value: Any) -> None:
        if value is None:
            return
        if type(value) is not int:  # bool is an int too, and True days is a typo
            raise ValueError(f"'{attribute.name}' moet een geheel getal zijn (kreeg {value!r})")
        if not minimum <= value <= maximum:
            raise ValueError(
                f"'{attribute.name}' moet tussen {minimum} en {maximum} liggen "
                f"(kreeg {value}); een termijn van meer dan 100 jaar is geen servicenorm"
            )

    return valideer


@frozen(kw_only=True)
class Voorwaarde:
    """One way a norm can be met.

    ``soort`` is an event type (``"intake"``, ``"contact"``, ...) or a derived fact
    (``"plan-ondertekend"``). ``velden`` are ``(field, value)`` pairs the event must have,
    e.g. ``(("met", "jongere"),)`` or ``(("gelukt", True),)``. An unknown event type, a
    field the event does not have, a value of the wrong type or fields on a derived fact
    raise ``ValueError``: such a condition would silently never be met.

    Attributes:
        soort: event type or derived fact.
        velden: required field values.
    """

    soort: str = field(validator=[slug, _gebeurtenistype])
    velden: tuple[tuple[str, str | bool | int], ...] = field(default=(), converter=_velden)

    def __attrs_post_init__(self) -> None:
        if self.soort in DERIVED_FACTS and self.velden:
            raise ValueError(
                f"voorwaarde {self.soort!r} is een afgeleid feit en kent geen 'velden' "
                f"(kreeg {self.velden!r})"
            )
        toegestaan = vergelijkbare_velden(self.soort)
        namen = [veld for veld, _ in self.velden]
        if len(set(namen)) != len(namen):
            raise ValueError(f"'velden' noemt een veld twee keer (kreeg {self.velden!r})")
        for veld, waarde in self.velden:
            soort = toegestaan.get(veld) if isinstance(veld, str) else None
            if soort is None:
                raise ValueError(
                    f"een {self.soort!r}-gebeurtenis heeft geen veld {veld!r} om op te "
                    f"vergelijken (wel: {', '.join(toegestaan) or 'geen'})"
                )
            if type(waarde) is not soort:
                verwacht = "ja/nee (True of False)" if soort is bool else "een tekst"
                raise ValueError(
                    f"veld {veld!r} van een {self.soort!r}-gebeurtenis is {verwacht}; "
                    f"een voorwaarde met {waarde!r} zou nooit kloppen"
                )


def _aantal(_inst: Any, attribute: Any, value: Any) -> None:
    if type(value) is not int or not 1 <= value <= MAX_AANTAL:
        raise ValueError(
            f"'{attribute.name}' moet een geheel getal van 1 tot en met {MAX_AANTAL} zijn "
            f"(kreeg {value!r})"
        )


MAX_AANTAL = 100
"""The most matching events a ``groepslid`` norm may ask for in one period."""


def _voorwaarden(items: Iterable[Voorwaarde]) -> tuple[Voorwaarde, ...]:
    return tuple(items)


@frozen(kw_only=True)
class Norm:
    """A service norm.

    Attributes:
        id: stable slug; a plugin's ids are namespaced (``"joz:start-binnen-48-uur"``).
        naam: short Dutch label.
        uitleg: what the norm asks, in Dutch.
        anker: what starts the clock: ``aanmelding``, ``fase-start``, ``gebeurtenis`` or
            ``herhalend`` (the aanmelding, and again every event that matches
            ``voldaan_door``: "no more than N days without ..."; never "gehaald"). Two
            anchors make a *group norm*, evaluated per member by ``ija.groepstoets`` only
            (``normtoets`` leaves it out): ``groepsmelding`` (every ``groepsmelding`` of the
            group starts a clock for each member at that moment) and ``groepslid`` (while a
            member of an active group, every period of ``dagen`` from the adding needs
            ``aantal`` events that match ``voldaan_door`` in the member's traject).
        anker_gebeurtenis: for ``anker="gebeurtenis"``: the event type (e.g. ``"melding"``);
            every such event starts its own clock.
        dagen: the termijn in whole calendar days (0 = the same day, up to ``MAX_DAGEN``;
            at least 1 for ``herhalend``), or None.
        uren: the termijn in hours of elapsed time (1 up to ``MAX_UREN``), or None.
            With neither set, the termijn is the streefduur of the current fase.
        voldaan_door: the conditions that meet the norm; empty means it is never "met"
            (it only runs out, like the fase streefduur).
        pauzeerbaar: whether days between ``opgeschort`` and ``hervat`` push the deadline back.
        aanbieder: the aanbieder whose trajecten it applies to, or None for all.
        bron: where the norm comes from, a ``Bron`` (``handboek`` where the handbook states
            it, ``afgeleid`` where it follows from it, ``keuze`` for ija-core's own such as
            the streefduur signal and the local norms, a plugin's ``aanbieder``).
            Hook API 1.x: a plain string ``handboek``, ``lokaal`` or ``aanbieder`` is still
            accepted and becomes a ``Bron`` (``lokaal`` becomes ``keuze``) whose toelichting is
            ``toelichting`` when given.
        toelichting: hook API 1.x: a Dutch note that goes with a plain-string ``bron``, or None.
            With a ``Bron``, the note belongs in ``bron.toelichting``.
        ook_relatie: for ``groepsmelding``: besides one of ``voldaan_door``, the member's
            traject also needs a ``contact`` with a betrokkene of this relatie (``"ouder"``)
            within the termijn; a member without such a betrokkene does not meet it. None for
            no such demand.
        aantal: for ``groepslid``: how many matching events each period needs (default 1).
        standaard_aan: whether ``normtoets`` and ``signalen`` evaluate it when no ``normen=``
            are passed. ija-core's local norms are off by default.
        instelbaar: the fields a wijkteam may change (see ``INSTELBARE_VELDEN``); their
            values in this record are the defaults.
        fase: for ``fase-start`` only (hook API 1.4): the fase whose start starts the clock
            (``"verdieping"``: "within N days of entering verdieping"). None keeps the
            meaning of before: the current fase. The clock starts at the most recent entry
            into that fase on or before the peildatum (the closing day of a closed
            traject): going back to it or reopening into it restarts the clock, and a
            later fase does not stop it. A traject that never entered the fase by then is
            left out (nothing to measure). Without ``dagen`` or ``uren``, the termijn is
            the streefduur of that fase. The methodiek must know the fase (checked when it
            is assembled).
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    uitleg: str = field(validator=niet_leeg)
    anker: Anker = field(
        validator=validators.in_(
            ("aanmelding", "fase-start", "gebeurtenis", "herhalend", *GROEPSANKERS)
        )
    )
    anker_gebeurtenis: str | None = field(
        default=None, validator=validators.optional((slug, _gebeurtenistype))
    )
    dagen: int | None = field(default=None, validator=_termijn(MAX_DAGEN, 0))
    uren: int | None = field(default=None, validator=_termijn(MAX_UREN, 1))
    voldaan_door: tuple[Voorwaarde, ...] = field(
        default=(),
        converter=_voorwaarden,
        validator=validators.deep_iterable(validators.instance_of(Voorwaarde)),
    )
    pauzeerbaar: bool = field(default=False, validator=validators.instance_of(bool))
    aanbieder: str | None = field(default=None, validator=validators.optional(slug))
    bron: Bron = field(
        default=_STANDAARD_BRON, converter=_naar_bron, validator=validators.instance_of(Bron)
    )
    toelichting: str | None = field(default=None, validator=optioneel_niet_leeg)
    ook_relatie: str | None = field(default=None, validator=validators.optional(slug))
    aantal: int = field(default=1, validator=_aantal)
    standaard_aan: bool = field(default=True, validator=validators.instance_of(bool))
    instelbaar: tuple[str, ...] = field(default=(), converter=tekst_tuple)
    fase: str | None = field(default=None, validator=validators.optional(slug))

    def __attrs_post_init__(self) -> None:
        if isinstance(self.bron, _BronUitTekst):
            # Hook API 1.x: the plain string's Bron takes the separate toelichting when given.
            bron = Bron(soort=self.bron.soort, toelichting=self.toelichting or self.bron.toelichting)
            object.__setattr__(self, "bron", bron)
        for naam in self.instelbaar:
            if naam not in INSTELBARE_VELDEN:
                raise ValueError(
                    f"norm {self.id}: 'instelbaar' kent {naam!r} niet "
                    f"(kies uit {', '.join(INSTELBARE_VELDEN)})"
                )
        if self.anker == "herhalend" and (
            not self.voldaan_door or (self.dagen is None and self.uren is None)
        ):
            raise ValueError(
                f"norm {self.id}: een herhalende norm heeft 'voldaan_door' en 'dagen' of 'uren' nodig"
            )
        if self.anker == "herhalend" and self.dagen == 0:
            raise ValueError(
                f"norm {self.id}: een herhalende norm van 0 dagen loopt elke dag af; "
                "geef minstens 1 dag (of 'uren')"
            )
        if self.dagen is not None and self.uren is not None:
            raise ValueError(f"norm {self.id}: geef 'dagen' of 'uren', niet allebei")
        if self.anker in GROEPSANKERS and (
            not self.voldaan_door or (self.dagen is None and self.uren is None)
        ):
            raise ValueError(
                f"norm {self.id}: een groepsnorm heeft 'voldaan_door' en 'dagen' of 'uren' nodig"
            )
        if self.ook_relatie is not None and self.anker != "groepsmelding":
            raise ValueError(f"norm {self.id}: 'ook_relatie' hoort bij anker 'groepsmelding'")
        if self.aantal != 1 and self.anker != "groepslid":
            raise ValueError(f"norm {self.id}: 'aantal' hoort bij anker 'groepslid'")
        if self.fase is not None and self.anker != "fase-start":
            raise ValueError(f"norm {self.id}: 'fase' hoort bij anker 'fase-start'")
        if (self.anker == "gebeurtenis") != (self.anker_gebeurtenis is not None):
            raise ValueError(
                f"norm {self.id}: 'anker_gebeurtenis' hoort bij anker 'gebeurtenis' en alleen daar"
            )

    @property
    def groepsnorm(self) -> bool:
        """Whether this is a group norm (evaluated by ``ija.groepstoets`` only)."""
        return self.anker in GROEPSANKERS

    def ingesteld(self, **waarden: Any) -> Norm:
        """A variant of this norm with local settings, e.g. ``norm.ingesteld(dagen=5)``.

        Only the fields listed in ``instelbaar`` may change; anything else raises
        ``OngeldigeInvoer`` naming the field and the fields that may change.
        """
        from ija_core.errors import OngeldigeInvoer

        verboden = sorted(set(waarden) - set(self.instelbaar))
        if verboden:
            toegestaan = ", ".join(self.instelbaar) or "geen"
            raise OngeldigeInvoer(
                [
                    f"{naam}: norm {self.id} laat dit niet instellen (instelbaar: {toegestaan})"
                    for naam in verboden
                ]
            )
        try:
            return evolve(self, **waarden)
        except (TypeError, ValueError) as exc:
            raise OngeldigeInvoer([f"{self.id}: {exc}"]) from exc
