"""The transition rules as the docs show them: the handbook's rules and the plugins' guards.

The handbook's rules are read from ``ija_core.phases.rules`` (the objects the traject engine
enforces, each with an ``id`` and a Dutch ``uitleg``), so the docs quote the code's own text.
Which fase a rule guards is a presentation matter of the docs (``_BINNENKOMEN`` and
``_VERLATEN``, after the rule table of the design). A rule the docs do not place on a fase
page is still listed on the overview pages.
"""

from __future__ import annotations

import attrs

from ija_core.methodiek import Methodiek
from ija_core.phases import rules


@attrs.frozen
class Regel:
    """One rule as the docs show it.

    Attributes:
        id: the rule id (``plan-voor-uitvoering``, ``futuro:dagbesteding-in-plan``).
        naam: a short label, or None.
        uitleg: the rule's own Dutch explanation.
        plugin: the plugin that adds it, or None for the handbook's rules.
        naar: fase ids it guards when entering them (empty: every forward change).
        aanbieder: for a plugin guard limited to one aanbieder's trajecten, its id.
    """

    id: str
    naam: str | None
    uitleg: str
    plugin: str | None = None
    naar: tuple[str, ...] = ()
    aanbieder: str | None = None


def handboekregels() -> tuple[Regel, ...]:
    """Every rule the traject engine checks, in its order, with the engine's own texts."""
    return tuple(
        Regel(id=r.id, naam=r.naam, uitleg=r.uitleg) for r in rules.ALLE_REGELS
    )


def pluginregels(m: Methodiek) -> tuple[Regel, ...]:
    """The extra guards plugins add through ``ija_overgangsregels``."""
    return tuple(
        Regel(
            id=r.id,
            naam=r.naam,
            uitleg=r.uitleg,
            plugin=", ".join(m.bijgedragen_door("overgangsregel", r.id)) or None,
            naar=r.naar,
            aanbieder=r.aanbieder,
        )
        for r in m.overgangsregels
    )


def vroege_uitstroom() -> tuple[str, ...]:
    """The reasons that close a traject early from any fase, as the engine lists them."""
    return tuple(rules.VROEGTIJDIGE_AFSLUITREDENEN)


def heropenen_naar() -> tuple[str, ...]:
    """The fasen a closed traject may be reopened to (rule ``heropenen-naar``)."""
    return _BINNENKOMEN["heropenen-naar"]


# Which fasen a handbook rule guards, for the fase pages. ``*`` stands for every fase.
_BINNENKOMEN: dict[str, tuple[str, ...]] = {
    "doelgroep-leeftijd": ("vertrouwen",),
    "fase-volgorde": ("verdieping", "uitvoering", "afronding"),
    "contact-voor-verdieping": ("verdieping",),
    "plan-voor-uitvoering": ("uitvoering",),
    "evaluatie-voor-afronding": ("afronding",),
    "heropenen-naar": ("verdieping", "uitvoering"),
}
_VERLATEN: dict[str, tuple[str, ...]] = {
    "fase-volgorde": ("vertrouwen", "verdieping", "uitvoering"),
    "terugval-met-reden": ("verdieping", "uitvoering", "afronding"),
    "evaluatie-voor-afronding": ("uitvoering",),
    "geen-reactie-geen-reden": ("*",),
    "afsluiten-vanuit-afronding": ("*",),
    "afsluiten-met-hulpvraag": ("afronding",),
    "afsluiten-met-zorg": ("afronding",),
}


def regels_bij_fase(m: Methodiek, fase_id: str) -> tuple[tuple[Regel, ...], tuple[Regel, ...]]:
    """The rules that guard entering and leaving a fase: ``(binnenkomen, verlaten)``."""
    binnen: list[Regel] = []
    verlaten: list[Regel] = []
    eerste = m.fasen[0].id if m.fasen else None
    for regel in handboekregels():
        if fase_id in _BINNENKOMEN.get(regel.id, ()):
            binnen.append(regel)
        van = _VERLATEN.get(regel.id, ())
        if fase_id in van or "*" in van:
            verlaten.append(regel)
    binnen.extend(
        regel
        for regel in pluginregels(m)
        if (regel.naar and fase_id in regel.naar) or (not regel.naar and fase_id != eerste)
    )
    return tuple(binnen), tuple(verlaten)
