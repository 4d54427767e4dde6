"""The groepsaanpak: a group of jongeren handled together (design.md, "Groepsaanpak").

``events``: the group's event records; ``groep``: ``Groep``, the fold over them;
``json``: the group's JSON envelope. The group norm is evaluated by ``ija.groepstoets``
(``ija_core.normen._group``).

The members load on first use (PEP 562, as ``ija_core`` itself does): importing a low
submodule such as ``ija_core.groep.events`` runs this ``__init__`` first, and it must not
run the top of the package (tests/test_lagen.py counts what Python runs). ``_LEDEN`` names
the members once; the imports under ``TYPE_CHECKING`` give type checkers the same names
(a test holds the two equal).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ija_core._lui import lui_pakket as _lui_pakket

if TYPE_CHECKING:
    from ija_core.groep.events import (  # noqa: I001 - one block, 'as' marks the re-export
        GROEP_EVENT_TYPEN as GROEP_EVENT_TYPEN,
        Bijeenkomst as Bijeenkomst,
        GroepAangemeld as GroepAangemeld,
        GroepAfgesloten as GroepAfgesloten,
        GroepGebeurtenis as GroepGebeurtenis,
        Groepsmelding as Groepsmelding,
        LidToegevoegd as LidToegevoegd,
        LidVerwijderd as LidVerwijderd,
        Omgevingsanalyse as Omgevingsanalyse,
        PlanVanAanpak as PlanVanAanpak,
    )
    from ija_core.groep.groep import (
        Groep as Groep,
        Lidmaatschap as Lidmaatschap,
    )

_LEDEN: dict[str, tuple[str, ...]] = {
    "ija_core.groep.events": (
        "GROEP_EVENT_TYPEN",
        "Bijeenkomst",
        "GroepAangemeld",
        "GroepAfgesloten",
        "GroepGebeurtenis",
        "Groepsmelding",
        "LidToegevoegd",
        "LidVerwijderd",
        "Omgevingsanalyse",
        "PlanVanAanpak",
    ),
    "ija_core.groep.groep": (
        "Groep",
        "Lidmaatschap",
    ),
}
"""Per submodule, the names this package gives (the one list)."""

_WAAR: dict[str, str] = {naam: module for module, namen in _LEDEN.items() for naam in namen}

__all__ = sorted(_WAAR)  # noqa: PLE0605 - derived from _LEDEN


__getattr__, __dir__ = _lui_pakket(__name__, _WAAR, private_submodules=True)
