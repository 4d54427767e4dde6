"""ija-enver: Enver and its method Kernpunt as an ija-core plugin.

The handbook names Kernpunt as Enver's contribution to the IJA; no public description of it
was found, so its ``beschrijving`` is None and the docs show that Enver still has to supply
it.

Only the public API of ``ija_core`` is used.
"""

from __future__ import annotations

from ija_core import Aanbieder, Methode, hookimpl

__all__ = ["AANBIEDER", "IJA_HOOK_API", "KERNPUNT"]

IJA_PLUGIN_NAAM = "enver"
"""The plugin's name, the same whether it is loaded as entry point or passed in directly."""

IJA_HOOK_API = ">=1.0,<2.0"
"""The versions of the ija-core hook API this plugin is written for."""

KERNPUNT = Methode(
    id="enver:kernpunt",
    naam="Kernpunt",
    beschrijving=None,
    bronvermelding="Methodische handreiking Intensieve Jongerenaanpak (wijkteams Rotterdam) noemt de methode",
)
"""Kernpunt: named by the handbook; what it is is unknown (to be supplied by Enver)."""

AANBIEDER = Aanbieder(id="enver", naam="Enver", methoden=(KERNPUNT,))


@hookimpl
def ija_aanbieder() -> Aanbieder:
    """Enver, with Kernpunt."""
    return AANBIEDER
