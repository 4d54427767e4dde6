"""The groepsaanpak: a group of jongeren handled together (design.md, "Groepsaanpak").

``events``: the group's event records; ``groep``: ``Groep``, the fold over them;
``json``: the group's JSON envelope. The group norm is evaluated by ``ija.groepstoets``
(``ija_core.normen._group``).
"""

from ija_core.groep.events import (
    GROEP_EVENT_TYPEN,
    Bijeenkomst,
    GroepAangemeld,
    GroepAfgesloten,
    GroepGebeurtenis,
    Groepsmelding,
    LidToegevoegd,
    LidVerwijderd,
    Omgevingsanalyse,
    PlanVanAanpak,
)
from ija_core.groep.groep import Groep, Lidmaatschap

__all__ = [
    "GROEP_EVENT_TYPEN",
    "Bijeenkomst",
    "Groep",
    "GroepAangemeld",
    "GroepAfgesloten",
    "GroepGebeurtenis",
    "Groepsmelding",
    "LidToegevoegd",
    "LidVerwijderd",
    "Lidmaatschap",
    "Omgevingsanalyse",
    "PlanVanAanpak",
]
