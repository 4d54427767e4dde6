"""ija-core: the Intensieve Jongerenaanpak (IJA) as typed data, rules and plugins.

Start with ``m = ija_core.load_methodiek()``. Everything a plugin or an embedding app needs
is exported here; sub-modules not re-exported are internal.
"""

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
from ija_core.docspagina import DocsPagina
from ija_core.doelgroep import Doelgroep, leeftijd_op
from ija_core.errors import IjaError, OngeldigeInvoer, PluginFout, RegelOvertreding
from ija_core.hookspecs import HOOK_API_VERSIE, hookimpl
from ija_core.kernwaarden import Kernwaarde, Principe
from ija_core.leefgebieden import Leefgebied
from ija_core.methodiek import Methodiek, PluginInfo
from ija_core.normen.model import Norm, Voorwaarde
from ija_core.normen.toets import Normuitkomst, normtoets, signalen
from ija_core.phases.model import FaseDefinitie, Rolverwachting, Stap
from ija_core.phases.regels import Overgangsregel
from ija_core.plugins import load_methodiek
from ija_core.rollen import Rol
from ija_core.serialization import from_json, to_json
from ija_core.themas import Thema
from ija_core.tools.model import Erkenning, Herkomst, Instrument
from ija_core.traject import (
    Aangemeld,
    Afgesloten,
    Besluit,
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
    Jongere,
    Kennismaking,
    Melding,
    Ondersteuningsplan,
    Ondertekening,
    Opgeschort,
    Pauze,
    PlanOndertekend,
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
    "Afgesloten",
    "Besluit",
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
    "Intake",
    "Jongere",
    "Kengetallen",
    "Kenmerk",
    "Kennismaking",
    "Kernwaarde",
    "Leefgebied",
    "Melding",
    "Methode",
    "Methodiek",
    "Mijlpaal",
    "Missie",
    "Missiedoel",
    "Norm",
    "Normuitkomst",
    "Ondersteuningsplan",
    "Ondertekening",
    "OngeldigeInvoer",
    "Opgeschort",
    "Overgangsregel",
    "Pauze",
    "PlanOndertekend",
    "PluginFout",
    "PluginInfo",
    "Principe",
    "RegelOvertreding",
    "Rol",
    "Rolverwachting",
    "Routestap",
    "Stap",
    "Thema",
    "Traject",
    "VerwachtingenUitgesproken",
    "Voorwaarde",
    "Weigering",
    "Zorg",
    "ZorgGemeld",
    "ZorgOpgeheven",
    "from_json",
    "hookimpl",
    "leeftijd_op",
    "load_methodiek",
    "normtoets",
    "signalen",
    "to_json",
]
