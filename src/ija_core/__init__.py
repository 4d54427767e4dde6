"""ija-core: the Intensieve Jongerenaanpak (IJA) as typed data, rules and plugins.

Start with ``m = ija_core.load_methodiek()``. Everything a plugin or an embedding app needs
is exported here; sub-modules not re-exported are internal.

The names are loaded on first use (PEP 562), so ``import ija_core`` costs little: a program
that only asks for ``ija_core.IjaError`` never imports cattrs or the engine.

The public names are written once, in ``_PUBLIEK`` (per module, the names it gives the API).
``__all__`` and the loader are derived from it; type checkers read ``__init__.pyi`` beside
this file, which is generated from it (``python tests/test_api.py`` writes it again;
``tests/test_api.py`` fails when it is out of date).
"""

from ija_core._lui import lui_pakket as _lui_pakket

__version__ = "0.1.0"

_PUBLIEK: dict[str, tuple[str, ...]] = {
    "ija_core._codec._schema": ("json_schema",),
    "ija_core.aanbieders": ("Aanbieder", "Methode"),
    "ija_core.aanpak": (
        "Aanpak",
        "Coachprofiel",
        "Kengetallen",
        "Kenmerk",
        "Mijlpaal",
        "Missie",
        "Missiedoel",
        "Routestap",
    ),
    "ija_core.bron": ("Bron",),
    "ija_core.docspagina": ("DocsPagina",),
    "ija_core.doelgroep": ("Doelgroep", "leeftijd_op"),
    "ija_core.errors": (
        "BestaatAl",
        "Fout",
        "IjaError",
        "OnbekendeStroom",
        "OngeldigeInvoer",
        "PluginFout",
        "RegelOvertreding",
        "VersieConflict",
    ),
    "ija_core.groep": (
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
    ),
    "ija_core.hookspecs": ("HOOK_API_VERSIE", "hookimpl"),
    "ija_core.kernwaarden": ("Kernwaarde", "Principe"),
    "ija_core.leefgebieden": ("Leefgebied",),
    "ija_core.methodiek": ("Methodiek", "PluginInfo"),
    "ija_core.netwerk": ("Opschaling", "Overleg", "Relatie", "Toestemmingsregel"),
    "ija_core.normen._evaluation": ("Normuitkomst", "normtoets", "signalen", "urgentie"),
    "ija_core.normen._group": ("alle_signalen", "groepssignalen", "groepstoets"),
    "ija_core.normen.model": ("Norm", "Voorwaarde"),
    "ija_core.phases.model": ("FaseDefinitie", "Rolverwachting", "Stap"),
    "ija_core.phases.regels": ("Overgangsregel",),
    "ija_core.phases.rules": ("Afwijzing", "Regel", "Toestand", "Voorstel", "amsterdamse_dag"),
    "ija_core.phases.uitstroom": ("VroegeUitstroom",),
    "ija_core.plugins": ("load_methodiek",),
    "ija_core.rollen": ("Rol",),
    "ija_core.serialization": ("from_json", "to_json", "unstructure"),
    "ija_core.themas": ("Thema", "ThemaKoppeling"),
    "ija_core.tools.model": ("Erkenning", "Herkomst", "Instrument", "Instrumentplaatsing"),
    "ija_core.traject": (
        "Aangemeld",
        "Afgeschaald",
        "Afgesloten",
        "Besluit",
        "Betrokkene",
        "BetrokkeneToegevoegd",
        "BetrokkeneVerwijderd",
        "CoachGewisseld",
        "Contact",
        "Contactpoging",
        "Doel",
        "DoelBijgewerkt",
        "DoelGesteld",
        "Doorverwezen",
        "Evaluatie",
        "FaseGewijzigd",
        "Faseperiode",
        "Gebeurtenis",
        "Heropend",
        "Hervat",
        "Hulpvraag",
        "HulpvraagGeopend",
        "HulpvraagGesloten",
        "InstrumentIngezet",
        "Intake",
        "JimGekozen",
        "Jongere",
        "Kennismaking",
        "Melding",
        "Ondersteuningsplan",
        "Ondertekening",
        "Opgeschaald",
        "Opgeschort",
        "Pauze",
        "PlanOndertekend",
        "RegieBelegd",
        "ToestemmingGegeven",
        "ToestemmingIngetrokken",
        "Traject",
        "VerwachtingenUitgesproken",
        "Zorg",
        "ZorgGemeld",
        "ZorgOpgeheven",
    ),
}
"""The public API: per module of ija_core, the names it gives ``ija_core`` (the one list)."""

_WAAR: dict[str, str] = {naam: module for module, namen in _PUBLIEK.items() for naam in namen}
"""Where each lazily loaded public name lives."""

__all__ = sorted(_WAAR)  # noqa: PLE0605 - derived from _PUBLIEK; the stub holds it literally

_VEROUDERD: dict[str, str] = {"Weigering": "Afwijzing"}
"""Deprecated public names and the name that replaces each: they still work, with a
``DeprecationWarning`` (CHANGELOG says since when). Not in ``__all__``."""

_BEDRADING: dict[str, str] = {"ija_core.traject": "ija_core.normen._measure"}
"""Wiring at the top of the engine: loading a module of the left through the facade also loads
the one on the right. The norm evaluation registers itself with ``Traject.replay``
(``ija_core.traject.traject.na_replay``) to find its moments of each replayed traject while
the events are warm; the traject below never imports it."""


__getattr__, __dir__ = _lui_pakket(
    __name__,
    _WAAR,
    verouderd={oud: (_WAAR[nieuw], nieuw) for oud, nieuw in _VEROUDERD.items()},
    bedrading=_BEDRADING,
)
