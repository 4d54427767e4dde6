"""ija-core: the Intensieve Jongerenaanpak (IJA) as typed data, rules and plugins.

Start with ``m = ija_core.load_methodiek()``. Everything a plugin or an embedding app needs
is exported here; sub-modules not re-exported are internal.

The names are loaded on first use (PEP 562), so ``import ija_core`` costs little: a program
that only asks for ``ija_core.IjaError`` never imports cattrs or the engine.
"""

import importlib
import typing

from ija_core.errors import (
    IjaError,
    OngeldigeInvoer,
    PluginFout,
    RegelOvertreding,
    VersieConflict,
)

if typing.TYPE_CHECKING:
    from ija_core.aanbieders import Aanbieder, Methode
    from ija_core.aanpak import (
        Aanpak,
        Coachprofiel,
        Kengetallen,
        Kenmerk,
        Mijlpaal,
        Missie,
        Missiedoel,
        Routestap,
    )
    from ija_core.bron import Bron
    from ija_core.docspagina import DocsPagina
    from ija_core.doelgroep import Doelgroep, leeftijd_op
    from ija_core.groep import (
        Bijeenkomst,
        Groep,
        GroepAangemeld,
        GroepAfgesloten,
        GroepGebeurtenis,
        Groepsmelding,
        Lidmaatschap,
        LidToegevoegd,
        LidVerwijderd,
        Omgevingsanalyse,
        PlanVanAanpak,
    )
    from ija_core.hookspecs import HOOK_API_VERSIE, hookimpl
    from ija_core.kernwaarden import Kernwaarde, Principe
    from ija_core.leefgebieden import Leefgebied
    from ija_core.methodiek import Methodiek, PluginInfo
    from ija_core.netwerk import Opschaling, Relatie, Toestemmingsregel
    from ija_core.normen._evaluation import Normuitkomst, normtoets, signalen
    from ija_core.normen._group import groepstoets
    from ija_core.normen.model import Norm, Voorwaarde
    from ija_core.phases.model import FaseDefinitie, Rolverwachting, Stap
    from ija_core.phases.regels import Overgangsregel
    from ija_core.phases.rules import Afwijzing, Regel, Toestand, Voorstel
    from ija_core.phases.uitstroom import VroegeUitstroom
    from ija_core.plugins import load_methodiek
    from ija_core.rollen import Rol
    from ija_core.serialization import from_json, to_json
    from ija_core.themas import Thema, ThemaKoppeling
    from ija_core.tools.model import Erkenning, Herkomst, Instrument, Instrumentplaatsing
    from ija_core.traject import (
        Aangemeld,
        Afgeschaald,
        Afgesloten,
        Besluit,
        Betrokkene,
        BetrokkeneToegevoegd,
        BetrokkeneVerwijderd,
        CoachGewisseld,
        Contact,
        Contactpoging,
        Doel,
        DoelBijgewerkt,
        DoelGesteld,
        Doorverwezen,
        Evaluatie,
        FaseGewijzigd,
        Faseperiode,
        Gebeurtenis,
        Heropend,
        Hervat,
        Hulpvraag,
        HulpvraagGeopend,
        HulpvraagGesloten,
        InstrumentIngezet,
        Intake,
        JimGekozen,
        Jongere,
        Kennismaking,
        Melding,
        Ondersteuningsplan,
        Ondertekening,
        Opgeschaald,
        Opgeschort,
        Pauze,
        PlanOndertekend,
        RegieBelegd,
        ToestemmingGegeven,
        ToestemmingIngetrokken,
        Traject,
        VerwachtingenUitgesproken,
        Weigering,
        Zorg,
        ZorgGemeld,
        ZorgOpgeheven,
    )

__version__ = "0.1.0"

__all__ = [
    "Aanbieder",
    "Aangemeld",
    "Aanpak",
    "Afgeschaald",
    "Afgesloten",
    "Afwijzing",
    "Besluit",
    "Betrokkene",
    "BetrokkeneToegevoegd",
    "BetrokkeneVerwijderd",
    "Bijeenkomst",
    "Bron",
    "CoachGewisseld",
    "Coachprofiel",
    "Contact",
    "Contactpoging",
    "DocsPagina",
    "Doel",
    "DoelBijgewerkt",
    "DoelGesteld",
    "Doelgroep",
    "Doorverwezen",
    "Erkenning",
    "Evaluatie",
    "FaseDefinitie",
    "FaseGewijzigd",
    "Faseperiode",
    "Gebeurtenis",
    "Groep",
    "GroepAangemeld",
    "GroepAfgesloten",
    "GroepGebeurtenis",
    "Groepsmelding",
    "HOOK_API_VERSIE",
    "Herkomst",
    "Heropend",
    "Hervat",
    "Hulpvraag",
    "HulpvraagGeopend",
    "HulpvraagGesloten",
    "IjaError",
    "Instrument",
    "InstrumentIngezet",
    "Instrumentplaatsing",
    "Intake",
    "JimGekozen",
    "Jongere",
    "Kengetallen",
    "Kenmerk",
    "Kennismaking",
    "Kernwaarde",
    "Leefgebied",
    "LidToegevoegd",
    "LidVerwijderd",
    "Lidmaatschap",
    "Melding",
    "Methode",
    "Methodiek",
    "Mijlpaal",
    "Missie",
    "Missiedoel",
    "Norm",
    "Normuitkomst",
    "Omgevingsanalyse",
    "Ondersteuningsplan",
    "Ondertekening",
    "OngeldigeInvoer",
    "Opgeschaald",
    "Opgeschort",
    "Opschaling",
    "Overgangsregel",
    "Pauze",
    "PlanOndertekend",
    "PlanVanAanpak",
    "PluginFout",
    "PluginInfo",
    "Principe",
    "Regel",
    "RegelOvertreding",
    "RegieBelegd",
    "Relatie",
    "Rol",
    "Rolverwachting",
    "Routestap",
    "Stap",
    "Thema",
    "ThemaKoppeling",
    "Toestand",
    "ToestemmingGegeven",
    "ToestemmingIngetrokken",
    "Toestemmingsregel",
    "Traject",
    "VersieConflict",
    "VerwachtingenUitgesproken",
    "Voorstel",
    "Voorwaarde",
    "VroegeUitstroom",
    "Weigering",
    "Zorg",
    "ZorgGemeld",
    "ZorgOpgeheven",
    "from_json",
    "groepstoets",
    "hookimpl",
    "leeftijd_op",
    "load_methodiek",
    "normtoets",
    "signalen",
    "to_json",
]


_WAAR: dict[str, str] = {
    "Aanbieder": "ija_core.aanbieders",
    "Aangemeld": "ija_core.traject",
    "Aanpak": "ija_core.aanpak",
    "Afgeschaald": "ija_core.traject",
    "Afgesloten": "ija_core.traject",
    "Afwijzing": "ija_core.phases.rules",
    "Besluit": "ija_core.traject",
    "Betrokkene": "ija_core.traject",
    "BetrokkeneToegevoegd": "ija_core.traject",
    "BetrokkeneVerwijderd": "ija_core.traject",
    "Bron": "ija_core.bron",
    "CoachGewisseld": "ija_core.traject",
    "Coachprofiel": "ija_core.aanpak",
    "Contact": "ija_core.traject",
    "Contactpoging": "ija_core.traject",
    "DocsPagina": "ija_core.docspagina",
    "Doel": "ija_core.traject",
    "DoelBijgewerkt": "ija_core.traject",
    "DoelGesteld": "ija_core.traject",
    "Doelgroep": "ija_core.doelgroep",
    "Doorverwezen": "ija_core.traject",
    "Erkenning": "ija_core.tools.model",
    "Evaluatie": "ija_core.traject",
    "FaseDefinitie": "ija_core.phases.model",
    "FaseGewijzigd": "ija_core.traject",
    "Faseperiode": "ija_core.traject",
    "Gebeurtenis": "ija_core.traject",
    "HOOK_API_VERSIE": "ija_core.hookspecs",
    "Herkomst": "ija_core.tools.model",
    "Heropend": "ija_core.traject",
    "Hervat": "ija_core.traject",
    "Hulpvraag": "ija_core.traject",
    "HulpvraagGeopend": "ija_core.traject",
    "HulpvraagGesloten": "ija_core.traject",
    "Instrument": "ija_core.tools.model",
    "Instrumentplaatsing": "ija_core.tools.model",
    "InstrumentIngezet": "ija_core.traject",
    "Intake": "ija_core.traject",
    "JimGekozen": "ija_core.traject",
    "Jongere": "ija_core.traject",
    "Kengetallen": "ija_core.aanpak",
    "Kenmerk": "ija_core.aanpak",
    "Kennismaking": "ija_core.traject",
    "Kernwaarde": "ija_core.kernwaarden",
    "Leefgebied": "ija_core.leefgebieden",
    "Melding": "ija_core.traject",
    "Methode": "ija_core.aanbieders",
    "Methodiek": "ija_core.methodiek",
    "Mijlpaal": "ija_core.aanpak",
    "Missie": "ija_core.aanpak",
    "Missiedoel": "ija_core.aanpak",
    "Norm": "ija_core.normen.model",
    "Normuitkomst": "ija_core.normen._evaluation",
    "Ondersteuningsplan": "ija_core.traject",
    "Ondertekening": "ija_core.traject",
    "Opgeschaald": "ija_core.traject",
    "Opgeschort": "ija_core.traject",
    "Opschaling": "ija_core.netwerk",
    "Overgangsregel": "ija_core.phases.regels",
    "Pauze": "ija_core.traject",
    "PlanOndertekend": "ija_core.traject",
    "PluginInfo": "ija_core.methodiek",
    "Principe": "ija_core.kernwaarden",
    "Regel": "ija_core.phases.rules",
    "RegieBelegd": "ija_core.traject",
    "Relatie": "ija_core.netwerk",
    "Rol": "ija_core.rollen",
    "Rolverwachting": "ija_core.phases.model",
    "Routestap": "ija_core.aanpak",
    "Stap": "ija_core.phases.model",
    "Thema": "ija_core.themas",
    "ThemaKoppeling": "ija_core.themas",
    "Toestand": "ija_core.phases.rules",
    "ToestemmingGegeven": "ija_core.traject",
    "ToestemmingIngetrokken": "ija_core.traject",
    "Toestemmingsregel": "ija_core.netwerk",
    "Traject": "ija_core.traject",
    "VerwachtingenUitgesproken": "ija_core.traject",
    "Voorstel": "ija_core.phases.rules",
    "Voorwaarde": "ija_core.normen.model",
    "VroegeUitstroom": "ija_core.phases.uitstroom",
    "Weigering": "ija_core.traject",
    "Zorg": "ija_core.traject",
    "ZorgGemeld": "ija_core.traject",
    "ZorgOpgeheven": "ija_core.traject",
    "from_json": "ija_core.serialization",
    "hookimpl": "ija_core.hookspecs",
    "leeftijd_op": "ija_core.doelgroep",
    "load_methodiek": "ija_core.plugins",
    "normtoets": "ija_core.normen._evaluation",
    "signalen": "ija_core.normen._evaluation",
    "to_json": "ija_core.serialization",
    "Bijeenkomst": "ija_core.groep",
    "Groep": "ija_core.groep",
    "GroepAangemeld": "ija_core.groep",
    "GroepAfgesloten": "ija_core.groep",
    "GroepGebeurtenis": "ija_core.groep",
    "Groepsmelding": "ija_core.groep",
    "LidToegevoegd": "ija_core.groep",
    "LidVerwijderd": "ija_core.groep",
    "Lidmaatschap": "ija_core.groep",
    "Omgevingsanalyse": "ija_core.groep",
    "PlanVanAanpak": "ija_core.groep",
    "groepstoets": "ija_core.normen._group",
}
"""Where each lazily loaded public name lives."""

_BEDRADING: dict[str, str] = {"ija_core.traject": "ija_core.normen._measure"}
"""Wiring at the top of the engine: loading a module of the left through the facade also loads
the one on the right. The norm evaluation registers itself with ``Traject.replay``
(``ija_core.traject.traject.na_replay``) to find its moments of each replayed traject while
the events are warm; the traject below never imports it."""


def __getattr__(naam: str) -> object:
    """Load a public name (or a sub-module such as ``ija_core.traject``) on first use."""
    module = _WAAR.get(naam)
    if module is not None:
        waarde: object = getattr(importlib.import_module(module), naam)
        if module in _BEDRADING:
            importlib.import_module(_BEDRADING[module])
        globals()[naam] = waarde
        return waarde
    if not naam.startswith("_"):
        try:
            return importlib.import_module(f"{__name__}.{naam}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{naam}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
