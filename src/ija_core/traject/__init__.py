"""The traject engine: events in, an immutable ``Traject`` out, the methodiek's rules enforced.

The members load on first use (PEP 562, as ``ija_core`` itself does): importing a low
submodule such as ``ija_core.traject.events`` runs this ``__init__`` first, and it must not
run the top of the package (tests/test_lagen.py counts what Python runs). ``_LEDEN`` names
the members once; the imports under ``TYPE_CHECKING`` give type checkers the same names
(a test holds the two equal).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ija_core._lui import lui_pakket as _lui_pakket

if TYPE_CHECKING:
    from ija_core.traject.events import (  # noqa: I001 - one block, 'as' marks the re-export
        EVENT_TYPEN as EVENT_TYPEN,
        Aangemeld as Aangemeld,
        Afgeschaald as Afgeschaald,
        Afgesloten as Afgesloten,
        BetrokkeneToegevoegd as BetrokkeneToegevoegd,
        BetrokkeneVerwijderd as BetrokkeneVerwijderd,
        CoachGewisseld as CoachGewisseld,
        Contact as Contact,
        Contactpoging as Contactpoging,
        DoelBijgewerkt as DoelBijgewerkt,
        DoelGesteld as DoelGesteld,
        Doorverwezen as Doorverwezen,
        Evaluatie as Evaluatie,
        FaseGewijzigd as FaseGewijzigd,
        Gebeurtenis as Gebeurtenis,
        Heropend as Heropend,
        Hervat as Hervat,
        HulpvraagGeopend as HulpvraagGeopend,
        HulpvraagGesloten as HulpvraagGesloten,
        InstrumentIngezet as InstrumentIngezet,
        Intake as Intake,
        JimGekozen as JimGekozen,
        Jongere as Jongere,
        Kennismaking as Kennismaking,
        Melding as Melding,
        Opgeschaald as Opgeschaald,
        Opgeschort as Opgeschort,
        PlanOndertekend as PlanOndertekend,
        RegieBelegd as RegieBelegd,
        ToestemmingGegeven as ToestemmingGegeven,
        ToestemmingIngetrokken as ToestemmingIngetrokken,
        VerwachtingenUitgesproken as VerwachtingenUitgesproken,
        ZorgGemeld as ZorgGemeld,
        ZorgOpgeheven as ZorgOpgeheven,
    )
    from ija_core.traject.state import (
        Besluit as Besluit,
        Betrokkene as Betrokkene,
        Doel as Doel,
        Faseperiode as Faseperiode,
        Hulpvraag as Hulpvraag,
        Ondersteuningsplan as Ondersteuningsplan,
        Ondertekening as Ondertekening,
        Pauze as Pauze,
        Zorg as Zorg,
    )
    from ija_core.traject.traject import (
        Traject as Traject,
    )
    from ija_core.phases.rules import Afwijzing as _Afwijzing

    Weigering = _Afwijzing  # deprecated alias (_VEROUDERD)

_LEDEN: dict[str, tuple[str, ...]] = {
    "ija_core.traject.events": (
        "EVENT_TYPEN",
        "Aangemeld",
        "Afgeschaald",
        "Afgesloten",
        "BetrokkeneToegevoegd",
        "BetrokkeneVerwijderd",
        "CoachGewisseld",
        "Contact",
        "Contactpoging",
        "DoelBijgewerkt",
        "DoelGesteld",
        "Doorverwezen",
        "Evaluatie",
        "FaseGewijzigd",
        "Gebeurtenis",
        "Heropend",
        "Hervat",
        "HulpvraagGeopend",
        "HulpvraagGesloten",
        "InstrumentIngezet",
        "Intake",
        "JimGekozen",
        "Jongere",
        "Kennismaking",
        "Melding",
        "Opgeschaald",
        "Opgeschort",
        "PlanOndertekend",
        "RegieBelegd",
        "ToestemmingGegeven",
        "ToestemmingIngetrokken",
        "VerwachtingenUitgesproken",
        "ZorgGemeld",
        "ZorgOpgeheven",
    ),
    "ija_core.traject.state": (
        "Besluit",
        "Betrokkene",
        "Doel",
        "Faseperiode",
        "Hulpvraag",
        "Ondersteuningsplan",
        "Ondertekening",
        "Pauze",
        "Zorg",
    ),
    "ija_core.traject.traject": ("Traject",),
}
"""Per submodule, the names this package gives (the one list)."""

_VEROUDERD: dict[str, tuple[str, str]] = {
    "Weigering": ("ija_core.phases.rules", "Afwijzing"),
}
"""Deprecated names: each still works, with a ``DeprecationWarning``, and gives the new one."""

_WAAR: dict[str, str] = {naam: module for module, namen in _LEDEN.items() for naam in namen}

__all__ = sorted(_WAAR)  # noqa: PLE0605 - derived from _LEDEN


__getattr__, __dir__ = _lui_pakket(__name__, _WAAR, verouderd=_VEROUDERD, private_submodules=True)
