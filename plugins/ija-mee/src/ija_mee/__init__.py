"""ija-mee: Mee as an aanbieder of the Intensieve Jongerenaanpak, as an ija-core plugin.

The handbook lists Mee among the six aanbieders that carry out the IJA, but names no method
of its own, and no public description of one was found. So the plugin contributes the
aanbieder with no methods and no description: the docs show that Mee still has to supply
them, instead of filler text.

Only the public API of ``ija_core`` is used.
"""

from __future__ import annotations

from ija_core import Aanbieder, hookimpl

__all__ = ["AANBIEDER", "IJA_HOOK_API"]

IJA_PLUGIN_NAAM = "mee"
"""The plugin's name, the same whether it is loaded as entry point or passed in directly."""

IJA_HOOK_API = ">=1.0,<2.0"
"""The versions of the ija-core hook API this plugin is written for."""

AANBIEDER = Aanbieder(id="mee", naam="Mee", beschrijving=None, methoden=())
"""Mee; description and methods unknown (to be supplied by Mee)."""


@hookimpl
def ija_aanbieder() -> Aanbieder:
    """Mee, without methods of its own (none are named)."""
    return AANBIEDER
