"""Type information of ``ija_core``: generated from ``_PUBLIEK`` in ``__init__.py`` by
``python tests/test_api.py``; do not edit (tests/test_api.py checks it is up to date).
"""

from ija_core._codec._schema import json_schema as json_schema
from ija_core.aanbieders import Aanbieder as Aanbieder
from ija_core.aanbieders import Methode as Methode
from ija_core.aanpak import Aanpak as Aanpak
from ija_core.aanpak import Coachprofiel as Coachprofiel
from ija_core.aanpak import Kengetallen as Kengetallen
from ija_core.aanpak import Kenmerk as Kenmerk
from ija_core.aanpak import Mijlpaal as Mijlpaal
from ija_core.aanpak import Missie as Missie
from ija_core.aanpak import Missiedoel as Missiedoel
from ija_core.aanpak import Routestap as Routestap
from ija_core.bron import Bron as Bron
from ija_core.docspagina import DocsPagina as DocsPagina
from ija_core.doelgroep import Doelgroep as Doelgroep
from ija_core.doelgroep import leeftijd_op as leeftijd_op
from ija_core.errors import BestaatAl as BestaatAl
from ija_core.errors import Fout as Fout
from ija_core.errors import IjaError as IjaError
from ija_core.errors import OnbekendeStroom as OnbekendeStroom
from ija_core.errors import OngeldigeInvoer as OngeldigeInvoer
from ija_core.errors import PluginFout as PluginFout
from ija_core.errors import RegelOvertreding as RegelOvertreding
from ija_core.errors import VersieConflict as VersieConflict
from ija_core.groep import Bijeenkomst as Bijeenkomst
from ija_core.groep import Groep as Groep
from ija_core.groep import GroepAangemeld as GroepAangemeld
from ija_core.groep import GroepAfgesloten as GroepAfgesloten
from ija_core.groep import GroepGebeurtenis as GroepGebeurtenis
from ija_core.groep import Groepsmelding as Groepsmelding
from ija_core.groep import Lidmaatschap as Lidmaatschap
from ija_core.groep import LidToegevoegd as LidToegevoegd
from ija_core.groep import LidVerwijderd as LidVerwijderd
from ija_core.groep import Omgevingsanalyse as Omgevingsanalyse
from ija_core.groep import PlanVanAanpak as PlanVanAanpak
from ija_core.hookspecs import HOOK_API_VERSIE as HOOK_API_VERSIE
from ija_core.hookspecs import hookimpl as hookimpl
from ija_core.kernwaarden import Kernwaarde as Kernwaarde
from ija_core.kernwaarden import Principe as Principe
from ija_core.leefgebieden import Leefgebied as Leefgebied
from ija_core.methodiek import Methodiek as Methodiek
from ija_core.methodiek import PluginInfo as PluginInfo
from ija_core.netwerk import Opschaling as Opschaling
from ija_core.netwerk import Overleg as Overleg
from ija_core.netwerk import Relatie as Relatie
from ija_core.netwerk import Toestemmingsregel as Toestemmingsregel
from ija_core.normen._evaluation import Normuitkomst as Normuitkomst
from ija_core.normen._evaluation import normtoets as normtoets
from ija_core.normen._evaluation import signalen as signalen
from ija_core.normen._evaluation import urgentie as urgentie
from ija_core.normen._group import alle_signalen as alle_signalen
from ija_core.normen._group import groepssignalen as groepssignalen
from ija_core.normen._group import groepstoets as groepstoets
from ija_core.normen.model import Norm as Norm
from ija_core.normen.model import Voorwaarde as Voorwaarde
from ija_core.phases.model import FaseDefinitie as FaseDefinitie
from ija_core.phases.model import Rolverwachting as Rolverwachting
from ija_core.phases.model import Stap as Stap
from ija_core.phases.regels import Overgangsregel as Overgangsregel
from ija_core.phases.rules import Afwijzing as Afwijzing
from ija_core.phases.rules import Regel as Regel
from ija_core.phases.rules import Toestand as Toestand
from ija_core.phases.rules import Voorstel as Voorstel
from ija_core.phases.rules import amsterdamse_dag as amsterdamse_dag
from ija_core.phases.uitstroom import VroegeUitstroom as VroegeUitstroom
from ija_core.plugins import load_methodiek as load_methodiek
from ija_core.rollen import Rol as Rol
from ija_core.serialization import from_json as from_json
from ija_core.serialization import to_json as to_json
from ija_core.serialization import unstructure as unstructure
from ija_core.themas import Thema as Thema
from ija_core.themas import ThemaKoppeling as ThemaKoppeling
from ija_core.tools.model import Erkenning as Erkenning
from ija_core.tools.model import Herkomst as Herkomst
from ija_core.tools.model import Instrument as Instrument
from ija_core.tools.model import Instrumentplaatsing as Instrumentplaatsing
from ija_core.traject import Aangemeld as Aangemeld
from ija_core.traject import Afgeschaald as Afgeschaald
from ija_core.traject import Afgesloten as Afgesloten
from ija_core.traject import Besluit as Besluit
from ija_core.traject import Betrokkene as Betrokkene
from ija_core.traject import BetrokkeneToegevoegd as BetrokkeneToegevoegd
from ija_core.traject import BetrokkeneVerwijderd as BetrokkeneVerwijderd
from ija_core.traject import CoachGewisseld as CoachGewisseld
from ija_core.traject import Contact as Contact
from ija_core.traject import Contactpoging as Contactpoging
from ija_core.traject import Doel as Doel
from ija_core.traject import DoelBijgewerkt as DoelBijgewerkt
from ija_core.traject import DoelGesteld as DoelGesteld
from ija_core.traject import Doorverwezen as Doorverwezen
from ija_core.traject import Evaluatie as Evaluatie
from ija_core.traject import FaseGewijzigd as FaseGewijzigd
from ija_core.traject import Faseperiode as Faseperiode
from ija_core.traject import Gebeurtenis as Gebeurtenis
from ija_core.traject import Heropend as Heropend
from ija_core.traject import Hervat as Hervat
from ija_core.traject import Hulpvraag as Hulpvraag
from ija_core.traject import HulpvraagGeopend as HulpvraagGeopend
from ija_core.traject import HulpvraagGesloten as HulpvraagGesloten
from ija_core.traject import InstrumentIngezet as InstrumentIngezet
from ija_core.traject import Intake as Intake
from ija_core.traject import JimGekozen as JimGekozen
from ija_core.traject import Jongere as Jongere
from ija_core.traject import Kennismaking as Kennismaking
from ija_core.traject import Melding as Melding
from ija_core.traject import Ondersteuningsplan as Ondersteuningsplan
from ija_core.traject import Ondertekening as Ondertekening
from ija_core.traject import Opgeschaald as Opgeschaald
from ija_core.traject import Opgeschort as Opgeschort
from ija_core.traject import Pauze as Pauze
from ija_core.traject import PlanOndertekend as PlanOndertekend
from ija_core.traject import RegieBelegd as RegieBelegd
from ija_core.traject import ToestemmingGegeven as ToestemmingGegeven
from ija_core.traject import ToestemmingIngetrokken as ToestemmingIngetrokken
from ija_core.traject import Traject as Traject
from ija_core.traject import VerwachtingenUitgesproken as VerwachtingenUitgesproken
from ija_core.traject import Zorg as Zorg
from ija_core.traject import ZorgGemeld as ZorgGemeld
from ija_core.traject import ZorgOpgeheven as ZorgOpgeheven

Weigering = Afwijzing

__version__: str
__all__ = [
    "Aanbieder",
    "Aangemeld",
    "Aanpak",
    "Afgeschaald",
    "Afgesloten",
    "Afwijzing",
    "Besluit",
    "BestaatAl",
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
    "Fout",
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
    "OnbekendeStroom",
    "Ondersteuningsplan",
    "Ondertekening",
    "OngeldigeInvoer",
    "Opgeschaald",
    "Opgeschort",
    "Opschaling",
    "Overgangsregel",
    "Overleg",
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
    "Zorg",
    "ZorgGemeld",
    "ZorgOpgeheven",
    "alle_signalen",
    "amsterdamse_dag",
    "from_json",
    "groepssignalen",
    "groepstoets",
    "hookimpl",
    "json_schema",
    "leeftijd_op",
    "load_methodiek",
    "normtoets",
    "signalen",
    "to_json",
    "unstructure",
    "urgentie",
]

def __getattr__(naam: str) -> object: ...
