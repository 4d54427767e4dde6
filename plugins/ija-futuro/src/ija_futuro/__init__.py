"""ija-futuro: Futuro and its method Intensief Casemanagement as an ija-core plugin.

Contributes the aanbieder ``futuro`` with the method ``futuro:intensief-casemanagement``.
It adds no transition guard and no norm: the public facts give the method's aim (zinvolle
dagbesteding, werk and/or scholing) but no measurable requirement — no termijn, no condition
on a phase change — so any guard or norm would be invented. See the README.

Only the public API of ``ija_core`` is used.
"""

from __future__ import annotations

from ija_core import Aanbieder, Methode, hookimpl

__all__ = ["AANBIEDER", "IJA_HOOK_API", "INTENSIEF_CASEMANAGEMENT"]

IJA_PLUGIN_NAAM = "futuro"
"""The plugin's name, the same whether it is loaded as entry point or passed in directly."""

IJA_HOOK_API = ">=1.0,<2.0"
"""The versions of the ija-core hook API this plugin is written for."""

INTENSIEF_CASEMANAGEMENT = Methode(
    id="futuro:intensief-casemanagement",
    naam="Intensief Casemanagement",
    beschrijving=(
        "Een outreachende werkwijze van Futuro, in gebruik sinds 2006. De casemanager zoekt "
        "de jongere op en werkt aan alle leefgebieden, met als hoofddoel een zinvolle "
        "dagbesteding: werk, scholing of allebei."
    ),
    bronvermelding=(
        "Methodische handreiking Intensieve Jongerenaanpak (wijkteams Rotterdam) noemt de "
        "methode; jaar en doel uit de openbare beschrijving door Futuro"
    ),
)

AANBIEDER = Aanbieder(id="futuro", naam="Futuro", methoden=(INTENSIEF_CASEMANAGEMENT,))


@hookimpl
def ija_aanbieder() -> Aanbieder:
    """Futuro, with Intensief Casemanagement."""
    return AANBIEDER
