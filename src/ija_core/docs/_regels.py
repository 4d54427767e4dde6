"""The rules as the docs show them: read from ``Methodiek.regels``, the objects the engine checks.

The docs quote each rule's own ``naam``, ``uitleg`` and ``bron``, and place it on the fase
pages from its own data: a rule about events that bring a traject into a fase
(``aangemeld``, ``fase-gewijzigd``, ``heropend``) guards *entering* the fasen in its ``naar``;
a rule about events that take it out (``fase-gewijzigd``, ``afgesloten``) guards *leaving*
the fasen in its ``van``. A rule without either (and with event types named) concerns every
fase; a rule about every event (``chronologie``) is shown on the overview pages only.
"""

from __future__ import annotations

from ija_core.methodiek import Methodiek
from ija_core.phases import rules
from ija_core.phases.rules import Regel

BRONSOORT_LABEL: dict[str, str] = {
    "handboek": "handboek",
    "afgeleid": "afgeleid uit het handboek",
    "keuze": "keuze van ija-core",
    "extern": "externe bron",
    "aanbieder": "aanbieder",
}
"""How the docs name each ``Bron.soort`` next to a rule."""

PLAATSING_LABEL: dict[str, str] = {
    "handboek": "het handboek plaatst het hier",
    "afgeleid": "afgeleid uit wat het handboek zegt",
    "keuze": "suggestie van ija-core (het handboek zegt het niet)",
    "aanbieder": "plaatsing van een aanbieder",
    "extern": "uit een bron buiten het handboek",
}
"""How every picture, list and handout names the ``Bron.soort`` of an instrument's placement:
one entry per soort, so no two kinds are ever drawn as one."""

STATUS_WOORD: dict[str, str] = {
    "gehaald": "gehaald",
    "te-laat": "te laat gehaald",
    "verlopen": "verlopen",
    "dreigt": "dreigt te verlopen",
    "open": "loopt nog",
}
"""A norm status as a word in trainers' prose (the id ``te-laat`` is for developers)."""


def kernregels(m: Methodiek) -> tuple[Regel, ...]:
    """The rules ija-core itself brings (its built-in plugin), in checking order.

    Not all of them are the handbook's: each rule's ``bron`` says where it comes from.
    """
    van_plugins = set(m.overgangsregels)
    return tuple(r for r in m.regels if r not in van_plugins)


def pluginregels(m: Methodiek) -> tuple[Regel, ...]:
    """The rules plugins add (``ija_overgangsregels``), in checking order (by id)."""
    return m.overgangsregels


def plugin_van(m: Methodiek, regel: Regel) -> str | None:
    """The plugin(s) that contributed a plugin's rule, or None for a built-in rule."""
    ingebouwd = {p.name for p in m.plugins if p.status == "builtin"}
    namen = [n for n in m.bijgedragen_door("regel", regel.id) if n not in ingebouwd]
    return ", ".join(namen) or None


def bronsoort(regel: Regel) -> str:
    """The kind of source of a rule, as the docs name it (``keuze van ija-core``)."""
    return BRONSOORT_LABEL.get(regel.bron.soort, regel.bron.soort)


def vroege_uitstroom() -> tuple[str, ...]:
    """The reasons that close a traject early from any fase, as the engine lists them."""
    return tuple(rules.VROEGTIJDIGE_AFSLUITREDENEN)


def heropenen_naar() -> tuple[str, ...]:
    """The fasen a closed traject may be reopened to (rule ``heropenen-naar``)."""
    return rules.HEROPENEN_NAAR


def _binnenkomen(m: Methodiek, regel: Regel, fase_id: str) -> bool:
    soorten = set(regel.gebeurtenissen) & set(rules.BINNENKOMENDE_GEBEURTENISSEN)
    if not soorten:
        return False
    if regel.naar:
        return fase_id in regel.naar
    if regel.van:  # about where the traject comes from, not where it goes
        return False
    if soorten == {"aangemeld"}:
        return bool(m.fasen) and fase_id == m.fasen[0].id
    return True


def _verlaten(regel: Regel, fase_id: str) -> bool:
    if not set(regel.gebeurtenissen) & set(rules.UITGAANDE_GEBEURTENISSEN):
        return False
    if regel.van:
        return fase_id in regel.van
    return not regel.naar


def regels_bij_fase(m: Methodiek, fase_id: str) -> tuple[tuple[Regel, ...], tuple[Regel, ...]]:
    """The rules that guard entering and leaving a fase: ``(binnenkomen, verlaten)``."""
    binnen = tuple(r for r in m.regels if _binnenkomen(m, r, fase_id))
    verlaten = tuple(r for r in m.regels if _verlaten(r, fase_id))
    return binnen, verlaten
