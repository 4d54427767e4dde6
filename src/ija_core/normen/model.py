"""The Norm record: a service norm as data, so a plugin can add one without touching the core.

A norm is *anchored* on a moment of the traject (the aanmelding, the start of the current
fase, or each event of a kind such as a ``melding``), has a *termijn* (whole days, counted as
Europe/Amsterdam calendar days, or hours of elapsed time), and is *met* by the first later
event that matches one of its ``voldaan_door`` conditions (or by a derived fact such as
``plan-ondertekend``). How the engine evaluates it lives in ``ija_core.normen.toets``.
"""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, optioneel_niet_leeg, slug

Anker = Literal["aanmelding", "fase-start", "gebeurtenis"]
Bron = Literal["handboek", "lokaal", "aanbieder"]


@frozen(kw_only=True)
class Voorwaarde:
    """One way a norm can be met.

    ``soort`` is an event type (``"intake"``, ``"contact"``, ...) or a derived fact
    (``"plan-ondertekend"``). ``velden`` are ``(field, value)`` pairs the event must have,
    e.g. ``(("met", "jongere"),)`` or ``(("gelukt", True),)``.

    Attributes:
        soort: event type or derived fact.
        velden: required field values.
    """

    soort: str = field(validator=slug)
    velden: tuple[tuple[str, str | bool | int], ...] = field(default=(), converter=tuple)


@frozen(kw_only=True)
class Norm:
    """A service norm.

    Attributes:
        id: stable slug; a plugin's ids are namespaced (``"joz:start-binnen-48-uur"``).
        naam: short Dutch label.
        uitleg: what the norm asks, in Dutch.
        anker: what starts the clock: ``aanmelding``, ``fase-start`` or ``gebeurtenis``.
        anker_gebeurtenis: for ``anker="gebeurtenis"``: the event type (e.g. ``"melding"``);
            every such event starts its own clock.
        dagen: the termijn in whole calendar days, or None.
        uren: the termijn in hours of elapsed time, or None.
            With neither set, the termijn is the streefduur of the current fase.
        voldaan_door: the conditions that meet the norm; empty means it is never "met"
            (it only runs out, like the fase streefduur).
        pauzeerbaar: whether days between ``opgeschort`` and ``hervat`` push the deadline back.
        aanbieder: the aanbieder whose trajecten it applies to, or None for all.
        bron: ``handboek`` (a fact of the handbook), ``lokaal`` (a local setting with a default
            a wijkteam may change) or ``aanbieder`` (an aanbieder's own norm).
        toelichting: where the norm comes from or how to set it, in Dutch, or None.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    uitleg: str = field(validator=niet_leeg)
    anker: Anker = field(validator=validators.in_(("aanmelding", "fase-start", "gebeurtenis")))
    anker_gebeurtenis: str | None = field(default=None, validator=validators.optional(slug))
    dagen: int | None = field(
        default=None,
        validator=validators.optional([validators.instance_of(int), validators.ge(0)]),
    )
    uren: int | None = field(
        default=None,
        validator=validators.optional([validators.instance_of(int), validators.gt(0)]),
    )
    voldaan_door: tuple[Voorwaarde, ...] = field(default=(), converter=tuple)
    pauzeerbaar: bool = field(default=False, validator=validators.instance_of(bool))
    aanbieder: str | None = field(default=None, validator=validators.optional(slug))
    bron: Bron = field(
        default="handboek", validator=validators.in_(("handboek", "lokaal", "aanbieder"))
    )
    toelichting: str | None = field(default=None, validator=optioneel_niet_leeg)

    def __attrs_post_init__(self) -> None:
        if self.dagen is not None and self.uren is not None:
            raise ValueError(f"norm {self.id}: geef 'dagen' of 'uren', niet allebei")
        if (self.anker == "gebeurtenis") != (self.anker_gebeurtenis is not None):
            raise ValueError(
                f"norm {self.id}: 'anker_gebeurtenis' hoort bij anker 'gebeurtenis' en alleen daar"
            )
