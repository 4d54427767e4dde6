"""ija-wmo-radar: wmo radar and its method WIE-focus as an ija-core plugin.

The handbook names the WIE-focus as wmo radar's contribution to the IJA; no public
description of it was found, so its ``beschrijving`` is None and the docs show that wmo radar
still has to supply it.

Only the public API of ``ija_core`` is used.
"""

from __future__ import annotations

from ija_core import Aanbieder, Methode, hookimpl

__all__ = ["AANBIEDER", "IJA_HOOK_API", "WIE_FOCUS"]

IJA_PLUGIN_NAAM = "wmo-radar"
"""The plugin's name, the same whether it is loaded as entry point or passed in directly."""

IJA_HOOK_API = ">=1.0,<2.0"
"""The versions of the ija-core hook API this plugin is written for."""

WIE_FOCUS = Methode(
    id="wmo-radar:wie-focus",
    naam="WIE-focus",
    beschrijving=None,
    bronvermelding="Methodische handreiking Intensieve Jongerenaanpak (wijkteams Rotterdam) noemt de methode",
)
"""The WIE-focus: named by the handbook; what it is is unknown (to be supplied by wmo radar)."""

AANBIEDER = Aanbieder(id="wmo-radar", naam="wmo radar", methoden=(WIE_FOCUS,))


@hookimpl
def ija_aanbieder() -> Aanbieder:
    """wmo radar, with the WIE-focus."""
    return AANBIEDER
