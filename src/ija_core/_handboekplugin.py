"""The handbook's own contributions, registered through the same hooks as any plugin.

As pytest and Datasette do with their built-ins: the catalogue, the norms and the traject's
rules are not special-cased in the assembly; this module is always registered first, as
``handboek``. (Not everything it contributes is the handbook's: each rule's and norm's
``bron`` says where it comes from.)
"""

from __future__ import annotations

from collections.abc import Iterable

from ija_core.hookspecs import hookimpl
from ija_core.netwerk import (
    HANDBOEK_OPSCHALINGEN,
    HANDBOEK_OVERLEGGEN,
    HANDBOEK_RELATIES,
    Opschaling,
    Overleg,
    Relatie,
)
from ija_core.normen.handbook import GROEPSNORMEN, HANDBOEK_NORMEN, LOKALE_NORMEN
from ija_core.normen.model import Norm
from ija_core.phases.rules import ALLE_REGELS, Regel
from ija_core.tools.catalogue import HANDBOEK_INSTRUMENTEN
from ija_core.tools.model import Instrument

IJA_PLUGIN_NAAM = "handboek"


@hookimpl
def ija_instrumenten() -> Iterable[Instrument]:
    """The instruments the handbook names, plus the municipal ones the coaches use."""
    return HANDBOEK_INSTRUMENTEN


@hookimpl
def ija_normen() -> Iterable[Norm]:
    """The default norms and ija-core's local ones; each norm's bron says whose it is."""
    return HANDBOEK_NORMEN + LOKALE_NORMEN + GROEPSNORMEN


@hookimpl
def ija_overgangsregels() -> Iterable[Regel]:
    """The rules every traject is checked against, in checking order (order is meaning)."""
    return ALLE_REGELS


@hookimpl
def ija_relaties() -> Iterable[Relatie]:
    """Who a betrokkene can be to the jongere, as the handbook names the parties."""
    return HANDBOEK_RELATIES


@hookimpl
def ija_opschalingen() -> Iterable[Opschaling]:
    """Where the handbook has the coach scale up to: another form of guidance, drang en dwang."""
    return HANDBOEK_OPSCHALINGEN


@hookimpl
def ija_overleggen() -> Iterable[Overleg]:
    """The tables in the wijk where partners share what they see on the street."""
    return HANDBOEK_OVERLEGGEN
