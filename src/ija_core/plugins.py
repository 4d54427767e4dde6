"""Assembling the Methodiek: the plugin manager, entry-point discovery and validation.

The handbook's own content is a plugin like any other (``ija_core._handboekplugin``),
registered first and always. Entry points (group ``ija_core``) are loaded one at a time so a
broken plugin is reported by name; each plugin's hook implementations are called separately
so every contribution knows where it came from. Contributions are validated, merged by id
(an equal duplicate is fine, a different one is a conflict naming both plugins) and sorted,
so plugin order never changes the result.
"""

from __future__ import annotations

import contextvars
import inspect
import itertools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata
from types import ModuleType
from typing import Any

import attrs
import pluggy

from ija_core import hookspecs
from ija_core.aanbieders import Aanbieder
from ija_core.bron import Bron
from ija_core.docspagina import DocsPagina, plugin_map
from ija_core.errors import PluginFout
from ija_core.methodiek import Methodiek, PluginInfo
from ija_core.netwerk import Opschaling, Overleg, Relatie
from ija_core.normen.model import OUDE_TOELICHTING, Norm
from ija_core.phases.regels import Overgangsregel
from ija_core.phases.rules import Regel
from ija_core.tools.model import Instrument

ENTRYPOINT_GROUP = "ija_core"
HANDBOEK = "handboek"

# Extra plugins for the current context (``ija_core.testing.registered``).
_extra_plugins: contextvars.ContextVar[tuple[object, ...]] = contextvars.ContextVar(
    "ija_extra_plugins", default=()
)


# Only the hook specifications, so a manager is made quickly: pluggy inspects every
# attribute of what it is given, and the hookspecs module holds its imports too. The
# assembly makes one manager per plugin.
_SPECS = ModuleType("ija_core._hookspecs_only")
for _naam in hookspecs.HOOKS:
    setattr(_SPECS, _naam, getattr(hookspecs, _naam))


def make_plugin_manager() -> pluggy.PluginManager:
    """A fresh plugin manager that knows the ija-core hook API (no plugins registered)."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(_SPECS)
    return pm


@attrs.define
class _Kandidaat:
    name: str
    obj: object | None
    distribution: str | None
    version: str | None
    status: str
    error: str | None = None
    hooks: tuple[str, ...] = ()
    hook_api: str | None = None
    warning: str | None = None
    bijdragen: dict[str, list[Any]] = attrs.field(factory=dict)


def plugin_naam(plugin: object) -> str:
    """The name a plugin object is known by: ``IJA_PLUGIN_NAAM``, else its module or class name."""
    try:
        naam = getattr(plugin, "IJA_PLUGIN_NAAM", None)
    except Exception:  # noqa: BLE001 - a hostile __getattr__ must not break the assembly
        naam = None
    if isinstance(naam, str) and naam:
        return naam
    if isinstance(plugin, ModuleType):
        return plugin.__name__
    if isinstance(plugin, type):
        return plugin.__name__
    return type(plugin).__name__


def _lijst(waarde: str | None) -> list[str] | None:
    if waarde is None:
        return None
    return [d.strip() for d in waarde.split(",") if d.strip()]


def _ondersteunt(specificatie: str, versie: str) -> bool:
    """Whether ``versie`` ("1.0") satisfies a simple specifier like ``">=1.0,<2.0"``."""

    def tup(v: str) -> tuple[int, ...]:
        return tuple(int(x) for x in v.split("."))

    huidig = tup(versie)
    for deel in specificatie.split(","):
        m = re.fullmatch(r"\s*(>=|<=|==|!=|>|<)\s*(\d+(?:\.\d+)*)\s*", deel)
        if not m:
            raise ValueError(f"onleesbare versie-eis {deel.strip()!r}")
        op, v = m.group(1), tup(m.group(2))
        lengte = max(len(v), len(huidig))
        a = huidig + (0,) * (lengte - len(huidig))
        b = v + (0,) * (lengte - len(v))
        ok = {
            ">=": a >= b,
            "<=": a <= b,
            "==": a == b,
            "!=": a != b,
            ">": a > b,
            "<": a < b,
        }[op]
        if not ok:
            return False
    return True


def _verzamel(
    plugins: Iterable[object], entrypoints: bool, disabled: Sequence[str] | None
) -> list[_Kandidaat]:
    from ija_core import _handboekplugin

    uit = set(disabled or ()) | set(_lijst(os.environ.get("IJA_DISABLED_PLUGINS")) or ())
    alleen = _lijst(os.environ.get("IJA_LOAD_PLUGINS"))
    try:
        eigen_versie: str | None = metadata.version("ija-core")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        eigen_versie = None
    kandidaten = [_Kandidaat(HANDBOEK, _handboekplugin, "ija-core", eigen_versie, "builtin")]
    for obj in (*plugins, *_extra_plugins.get()):
        if not _is_plugin_object(obj):
            naam = _naam_van_geen_plugin(obj)
            if not any(k.name == naam and k.status == "failed" for k in kandidaten):
                kandidaten.append(
                    _Kandidaat(naam, None, None, None, "failed", error=_geen_plugin(obj))
                )
            continue
        naam = plugin_naam(obj)
        if naam in uit:
            kandidaten.append(_Kandidaat(naam, None, None, None, "disabled"))
        else:
            kandidaten.append(_Kandidaat(naam, obj, None, None, "loaded"))
    if entrypoints:
        gezien: set[str] = set()
        for ep in sorted(metadata.entry_points(group=ENTRYPOINT_GROUP), key=lambda e: e.name):
            if ep.name in gezien:
                continue
            gezien.add(ep.name)
            dist = ep.dist.name if ep.dist is not None else None
            versie = ep.dist.version if ep.dist is not None else None
            if ep.name in uit or (alleen is not None and ep.name not in alleen):
                kandidaten.append(_Kandidaat(ep.name, None, dist, versie, "disabled"))
                continue
            try:
                obj = ep.load()
            except Exception as exc:  # noqa: BLE001 - any import error of a plugin is reported by name
                kandidaten.append(
                    _Kandidaat(
                        ep.name,
                        None,
                        dist,
                        versie,
                        "failed",
                        error=f"kon niet geladen worden ({ep.value}): {type(exc).__name__}: {exc}",
                    )
                )
                continue
            if not _is_plugin_object(obj):
                kandidaten.append(
                    _Kandidaat(
                        ep.name, None, dist, versie, "failed", error=_geen_plugin(obj, ep.value)
                    )
                )
                continue
            eerder = next((k for k in kandidaten if k.obj is obj), None)
            if eerder is not None:
                # The same plugin was also passed in `plugins=`: load it once, keep the
                # installed name and version.
                eerder.name, eerder.distribution, eerder.version = ep.name, dist, versie
                continue
            kandidaten.append(_Kandidaat(ep.name, obj, dist, versie, "loaded"))
    namen = [k.name for k in kandidaten if k.status != "disabled"]
    dubbel = sorted({n for n in namen if namen.count(n) > 1})
    if dubbel:
        raise PluginFout(
            f"twee plugins heten {dubbel[0]!r}; geef er een een andere naam (IJA_PLUGIN_NAAM)",
            plugin=dubbel[0],
        )
    mappen: dict[str, list[str]] = {}
    for k in kandidaten:
        if k.status in ("builtin", "loaded"):
            mappen.setdefault(plugin_map(k.name), []).append(k.name)
    for map_, zelfde in sorted(mappen.items()):
        if len(zelfde) > 1:
            a, b = sorted(zelfde)[:2]
            raise PluginFout(
                f"plugins {a} en {b} krijgen in de site dezelfde map 'plugins/{map_}/'; "
                "geef er een een andere naam (IJA_PLUGIN_NAAM)",
                plugin=b,
                plugins=(a, b),
            )
    return kandidaten


def _is_plugin_object(obj: object) -> bool:
    """Whether ``obj`` can be a plugin: a module, a class, or an instance of a class of its own.

    ``None``, numbers, strings, lists and the other built-in values are not plugins; a
    string is most likely an entry-point name given where a plugin object is expected.
    """
    if isinstance(obj, (ModuleType, type)):
        return True
    return type(obj).__module__ != "builtins"


def _naam_van_geen_plugin(obj: object) -> str:
    """The name a non-plugin in ``plugins=`` is reported under: its (shortened) repr."""
    try:
        tekst = repr(obj)
    except Exception:  # noqa: BLE001 - a value whose repr fails is still reported
        tekst = f"<{type(obj).__name__}>"
    return tekst if len(tekst) <= 60 else tekst[:57] + "..."


def _geen_plugin(obj: object, entrypoint: str | None = None) -> str:
    if entrypoint is not None:
        return (
            f"de entry point ({entrypoint}) wijst naar een {type(obj).__name__}, geen plugin: "
            "laat hem wijzen naar een module, klasse of object met @ija_core.hookimpl-functies"
        )
    uitleg = (
        "; een geïnstalleerde plugin laad je via zijn entry point (entrypoints=True), "
        "niet met zijn naam"
        if isinstance(obj, str)
        else ""
    )
    return (
        f"is geen plugin maar een {type(obj).__name__}: plugins=[...] verwacht modules, "
        f"klassen of objecten met @ija_core.hookimpl-functies{uitleg}"
    )


_VERWACHT: dict[str, tuple[type[Any] | tuple[type[Any], ...], str]] = {
    "ija_instrumenten": (Instrument, "instrument"),
    "ija_normen": (Norm, "norm"),
    # a Regel, or a guard of hook API 1.0 (converted to a Regel once merged)
    "ija_overgangsregels": ((Regel, Overgangsregel), "regel"),
    "ija_docs_paginas": (DocsPagina, "docs-pagina"),
    "ija_relaties": (Relatie, "relatie"),
    "ija_opschalingen": (Opschaling, "opschaling"),
    "ija_overleggen": (Overleg, "overleg"),
}


MAX_BIJDRAGEN = 10_000
"""The most items one hook of one plugin may return (guards against an endless generator)."""

# What a plugin may raise while it is imported or called: anything but a Ctrl-C.
_PLUGINFOUTEN = (Exception, SystemExit)


def _roep_hooks(pm: pluggy.PluginManager, k: _Kandidaat) -> None:
    """Call each hook implementation of one plugin and keep its contributions (type-checked)."""
    hooks = []
    for caller in pm.get_hookcallers(k.obj) or ():
        for impl in caller.get_hookimpls():
            if impl.plugin is not k.obj:
                continue
            if not caller.has_spec():
                raise _Afgekeurd(
                    f"implementeert een onbekende hook {caller.name!r} "
                    f"(bekende hooks: {', '.join(hookspecs.HOOKS)})"
                )
            if impl.hookwrapper or impl.wrapper:
                raise _Afgekeurd(f"hook {caller.name} mag geen wrapper zijn")
            hooks.append(caller.name)
            if caller.name == "ija_aanbieder":
                verwacht: tuple[type[Any] | tuple[type[Any], ...], str] = (Aanbieder, "aanbieder")
            else:
                verwacht = _VERWACHT[caller.name]
            try:
                uitkomst = impl.function()
                items = _items(caller.name, uitkomst, verwacht[0])
            except _Afgekeurd:
                raise
            except _PLUGINFOUTEN as exc:
                raise _Afgekeurd(
                    f"fout in hook {caller.name}: {type(exc).__name__}: {exc}"
                ) from exc
            k.bijdragen.setdefault(verwacht[1], []).extend(
                _gecontroleerd(caller.name, item, verwacht) for item in items
            )
    k.hooks = tuple(sorted(hooks))
    if not k.hooks:
        raise _Afgekeurd(
            "implementeert geen enkele hook; een plugin heeft functies met @ija_core.hookimpl "
            f"({', '.join(hookspecs.HOOKS)})"
        )


def _namen(soorten: tuple[type[Any], ...]) -> str:
    return " of ".join(t.__name__ for t in soorten)


def _items(hook: str, uitkomst: object, soort: type[Any] | tuple[type[Any], ...]) -> list[Any]:
    """The items a hook returned, as a list (at most ``MAX_BIJDRAGEN``)."""
    if hook == "ija_aanbieder":
        return [] if uitkomst is None else [uitkomst]
    if uitkomst is None:
        return []
    soorten = soort if isinstance(soort, tuple) else (soort,)
    if isinstance(uitkomst, (str, bytes, bytearray, Mapping, *soorten)):
        raise _Afgekeurd(
            f"hook {hook} gaf één {type(uitkomst).__name__} terug; verwacht een lijst van "
            f"{_namen(soorten)}"
        )
    if not isinstance(uitkomst, Iterable):
        raise _Afgekeurd(
            f"hook {hook} gaf {type(uitkomst).__name__} terug; verwacht een lijst van "
            f"{_namen(soorten)}"
        )
    items = list(itertools.islice(uitkomst, MAX_BIJDRAGEN + 1))
    if len(items) > MAX_BIJDRAGEN:
        raise _Afgekeurd(f"hook {hook} gaf meer dan {MAX_BIJDRAGEN} bijdragen")
    return items


def _gecontroleerd(
    hook: str, item: Any, verwacht: tuple[type[Any] | tuple[type[Any], ...], str]
) -> Any:
    """``item`` if it is a valid, immutable value of exactly an expected class."""
    klassen, soort = verwacht
    soorten = klassen if isinstance(klassen, tuple) else (klassen,)
    if type(item) not in soorten:
        raise _Afgekeurd(
            f"hook {hook} gaf {type(item).__name__} {_kort(item)}; verwacht een {_namen(soorten)}"
        )
    try:
        # Build it again through its constructor: converters, validators and checks run,
        # also for a value that was put together around them.
        opnieuw = attrs.evolve(item)
        gelijk = opnieuw == item
        hash(opnieuw)
    except _PLUGINFOUTEN as exc:
        raise _Afgekeurd(f"ongeldige {soort} {_kort(item)}: {type(exc).__name__}: {exc}") from exc
    if not gelijk:
        raise _Afgekeurd(
            f"{soort} {_kort(item)} is niet geldig: opnieuw gemaakt met dezelfde velden is het "
            "een andere waarde; maak bijdragen met de constructor"
        )
    toets = getattr(opnieuw, "toets", None)
    if toets is not None:
        _controleer_toets(soort, opnieuw.id, toets)
    return opnieuw


def _controleer_toets(soort: str, item_id: str, toets: Any) -> None:
    """A guard is called as ``toets(traject, naar_fase_id)``: refuse one that cannot be."""
    try:
        handtekening = inspect.signature(toets)
    except _PLUGINFOUTEN:
        return  # no signature to check (some built-ins); the call itself will tell
    try:
        handtekening.bind(None, "fase")
    except TypeError:
        raise _Afgekeurd(
            f"{soort} {item_id!r}: 'toets' moet aan te roepen zijn als toets(traject, naar) "
            f"(heeft {handtekening})"
        ) from None


def _kort(item: object) -> str:
    try:
        tekst = repr(item)
    except _PLUGINFOUTEN:
        tekst = f"<{type(item).__name__}>"
    return tekst if len(tekst) <= 80 else tekst[:77] + "..."


class _Afgekeurd(Exception):
    """Internal: a plugin is refused; the message says why (Dutch)."""


_MET_ID = ("instrument", "norm", "regel", "relatie", "opschaling", "overleg")
"""The kinds of contribution whose ids are namespaced and that may credit an aanbieder."""


def _valideer(
    k: _Kandidaat,
    fasen: set[str],
    leefgebieden: set[str],
    eigenaars: Mapping[str, frozenset[str]],
) -> None:
    """Check one plugin's contributions against the definitions and the namespaces.

    ``eigenaars`` maps every registered aanbieder id (a namespace) to the plugin that owns it.
    A plugin with an aanbieder uses that aanbieder's namespace and credits that aanbieder; a
    plugin without one uses a namespace no aanbieder owns and credits no aanbieder. Ids
    without a namespace belong to the handbook.
    """
    eigen = [a.id for a in k.bijdragen.get("aanbieder", [])]
    builtin = k.status == "builtin"
    for aanbieder_id in eigen:
        if not builtin and ":" in aanbieder_id:
            raise _Afgekeurd(
                f"aanbieder-id {aanbieder_id!r} mag geen dubbele punt bevatten: het id is zelf "
                "de naamruimte"
            )
    for soort in _MET_ID:
        items = k.bijdragen.get(soort, [])
        for item in items:
            if builtin:
                if (
                    getattr(item, "aanbieder", None) is not None
                    and item.aanbieder not in eigenaars
                ):
                    raise _Afgekeurd(f"{soort} {item.id!r} noemt onbekende aanbieder")
                continue
            _valideer_naamruimte(soort, item, eigen, eigenaars, k.name)
    for aanbieder in k.bijdragen.get("aanbieder", []):
        for methode in aanbieder.methoden:
            if not methode.id.startswith(f"{aanbieder.id}:"):
                raise _Afgekeurd(
                    f"methode {methode.id!r} van aanbieder {aanbieder.id} staat niet in diens "
                    f"naamruimte; gebruik '{aanbieder.id}:{methode.id.split(':')[-1]}'"
                )
    for instrument in k.bijdragen.get("instrument", []):
        for f in instrument.fasen:
            if f not in fasen:
                raise _Afgekeurd(
                    f"instrument {instrument.id!r} noemt onbekende fase {f!r} "
                    f"(bekend: {', '.join(sorted(fasen))})"
                )
        for lg in instrument.leefgebieden:
            if lg not in leefgebieden:
                raise _Afgekeurd(
                    f"instrument {instrument.id!r} noemt onbekend leefgebied {lg!r} "
                    f"(bekend: {', '.join(sorted(leefgebieden))})"
                )
    if not builtin:
        _valideer_netwerk(k)
    _valideer_normfasen(k, fasen)
    for regel in k.bijdragen.get("regel", []):
        for f in (*regel.naar, *getattr(regel, "van", ())):
            if f not in fasen:
                raise _Afgekeurd(
                    f"regel {regel.id!r} noemt onbekende fase {f!r} "
                    f"(bekend: {', '.join(sorted(fasen))})"
                )
        if not builtin and isinstance(regel, Regel) and regel.bron.soort != "aanbieder":
            raise _Afgekeurd(
                f"regel {regel.id!r} heeft bron {regel.bron.soort!r}; de regels van een plugin "
                f"hebben bron 'aanbieder' (de toelichting noemt de plugin of organisatie)"
            )


def _valideer_normfasen(k: _Kandidaat, fasen: set[str]) -> None:
    """A norm that names a fase (``Norm.fase``, anker ``fase-start``) names a known one."""
    for norm in k.bijdragen.get("norm", []):
        if norm.fase is not None and norm.fase not in fasen:
            raise _Afgekeurd(
                f"norm {norm.id!r} noemt onbekende fase {norm.fase!r} "
                f"(bekend: {', '.join(sorted(fasen))})"
            )


def _norm_van_aanbieder(norm: Norm, plugins: Sequence[str]) -> Norm:
    """A plugin's norm has a ``Bron`` of soort ``aanbieder`` that names the plugin.

    Only the handbook plugin speaks for the handbook: a plugin's norm that says ``handboek``,
    ``keuze`` (hook API 1.x: ``lokaal``) or anything else, or that left ``bron`` at its
    default, is recorded as the aanbieder's, keeping what the plugin said in the toelichting.
    """
    wie = ("plugin " if len(plugins) == 1 else "plugins ") + " en ".join(plugins)
    wie += f" (aanbieder {norm.aanbieder})" if norm.aanbieder else ""
    bron = norm.bron
    if bron.soort == "aanbieder" and bron.toelichting != OUDE_TOELICHTING["aanbieder"]:
        return norm
    if bron.soort == "aanbieder" or bron.toelichting in OUDE_TOELICHTING.values():
        toelichting = f"Een norm van {wie}."
    else:
        toelichting = (
            f"Een norm van {wie}; de plugin noemt als bron '{bron.soort}': {bron.toelichting}"
        )
    return attrs.evolve(norm, bron=Bron(soort="aanbieder", toelichting=toelichting))


def _instrument_van_aanbieder(instrument: Instrument, plugins: Sequence[str]) -> Instrument:
    """A plugin's instrument: every placement has a ``Bron`` of soort ``aanbieder``.

    Hook API 1.x plugins give only ``fasen`` and ``leefgebieden``; their placements (and any a
    plugin marks otherwise) are recorded as the aanbieder's, naming the plugin.
    """
    if all(p.bron.soort == "aanbieder" for p in instrument.plaatsingen):
        return instrument
    wie = ("plugin " if len(plugins) == 1 else "plugins ") + " en ".join(plugins)
    wie += f" (aanbieder {instrument.aanbieder})" if instrument.aanbieder else ""
    bron = Bron(soort="aanbieder", toelichting=f"Een plaatsing van {wie}.")
    return attrs.evolve(
        instrument,
        plaatsingen=tuple(
            p if p.bron.soort == "aanbieder" else attrs.evolve(p, bron=bron)
            for p in instrument.plaatsingen
        ),
    )


def _valideer_netwerk(k: _Kandidaat) -> None:
    """A plugin's relaties, opschalingen and overleggen have bron ``aanbieder`` (the rol is
    checked by ``Relatie`` itself, the namespace with the other contributions)."""
    for soort in ("relatie", "opschaling", "overleg"):
        for item in k.bijdragen.get(soort, []):
            if item.bron.soort != "aanbieder":
                raise _Afgekeurd(
                    f"{soort} {item.id!r} heeft bron {item.bron.soort!r}; wat een plugin "
                    "bijdraagt heeft bron 'aanbieder' (de toelichting noemt de plugin of "
                    "organisatie)"
                )


def _valideer_naamruimte(
    soort: str, item: Any, eigen: list[str], eigenaars: Mapping[str, frozenset[str]], plugin: str
) -> None:
    """The namespace and the credited aanbieder of one contribution of a (non-builtin) plugin."""
    if ":" not in item.id:
        raise _Afgekeurd(
            f"{soort} {item.id!r} heeft geen naamruimte (ids zonder naamruimte zijn van het "
            f"handboek); gebruik '{eigen[0] if eigen else 'naamruimte'}:{item.id}'"
        )
    ruimte = item.id.split(":", 1)[0]
    if eigen:
        if ruimte != eigen[0]:
            raise _Afgekeurd(
                f"{soort} {item.id!r} staat niet in de naamruimte van de plugin ({eigen[0]}); "
                f"gebruik '{eigen[0]}:{item.id.split(':', 1)[1]}'"
            )
        if getattr(item, "aanbieder", None) not in (None, eigen[0]):
            raise _Afgekeurd(
                f"{soort} {item.id!r} noemt aanbieder {item.aanbieder!r}, maar de plugin "
                f"spreekt namens aanbieder {eigen[0]!r}; zet aanbieder={eigen[0]!r} (of laat "
                "het leeg)"
            )
        return
    eigenaar = eigenaars.get(ruimte)
    if eigenaar is not None and plugin not in eigenaar:
        raise _Afgekeurd(
            f"{soort} {item.id!r} staat in de naamruimte {ruimte!r}, en die hoort bij de "
            f"aanbieder van plugin {', '.join(sorted(eigenaar))}; kies een eigen naamruimte"
        )
    if getattr(item, "aanbieder", None) is not None:
        raise _Afgekeurd(
            f"{soort} {item.id!r} noemt aanbieder {item.aanbieder!r}, maar de plugin levert "
            "geen aanbieder; alleen de plugin van een aanbieder mag die noemen "
            "(laat 'aanbieder' leeg)"
        )


def _gelijk(a: Any, b: Any) -> bool:
    """``a == b``, where a comparison that fails counts as different (a conflict)."""
    try:
        return bool(a == b)
    except _PLUGINFOUTEN:
        return False


def _lees_hook_api(k: _Kandidaat) -> None:
    """Read the plugin's ``IJA_HOOK_API`` into ``k`` (a warning when it excludes this version)."""
    try:
        eis = getattr(k.obj, "IJA_HOOK_API", None)
    except _PLUGINFOUTEN as exc:
        raise _Afgekeurd(f"IJA_HOOK_API niet te lezen: {type(exc).__name__}: {exc}") from exc
    if eis is None:
        return
    k.hook_api = eis if isinstance(eis, str) else _kort(eis)
    try:
        if not isinstance(eis, str):
            raise ValueError(f"verwacht een tekst zoals '>=1.0,<2.0' (kreeg {_kort(eis)})")
        if not _ondersteunt(eis, hookspecs.HOOK_API_VERSIE):
            k.warning = (
                f"ondersteunt hook-API {eis}, maar deze ija-core heeft {hookspecs.HOOK_API_VERSIE}"
            )
    except ValueError as exc:
        k.warning = f"IJA_HOOK_API: {exc}"


def _eigenaars(actief: Iterable[_Kandidaat]) -> dict[str, frozenset[str]]:
    """Every registered aanbieder id (a namespace) with the plugins that register it.

    As for every contribution, equal aanbieders from two plugins merge (both plugins then
    speak for it); different values under one id are a conflict, which always raises.
    """
    eigenaars: dict[str, frozenset[str]] = {}
    gezien: dict[str, tuple[str, Any]] = {}
    for k in actief:
        for a in k.bijdragen.get("aanbieder", []):
            if a.id in gezien and not _gelijk(gezien[a.id][1], a):
                eerste = gezien[a.id][0]
                raise PluginFout(
                    f"plugins {eerste} en {k.name} leveren allebei aanbieder {a.id!r}, met "
                    "verschillende gegevens",
                    plugin=k.name,
                    plugins=(eerste, k.name),
                    id=a.id,
                )
            gezien.setdefault(a.id, (k.name, a))
            eigenaars[a.id] = eigenaars.get(a.id, frozenset()) | {k.name}
    return eigenaars


def _argumenten(
    plugins: object, entrypoints: object, strict: object, disabled: object
) -> tuple[tuple[object, ...], bool, tuple[str, ...]]:
    """Check the arguments of ``load_methodiek``; ``OngeldigeInvoer`` names the wrong one."""
    from ija_core.errors import OngeldigeInvoer

    fouten = []
    for naam, waarde in (("entrypoints", entrypoints), ("strict", strict)):
        if not isinstance(waarde, bool):
            fouten.append(f"{naam}: verwacht True of False (kreeg {_kort(waarde)})")
    lijst: tuple[object, ...] = ()
    if isinstance(plugins, (str, bytes, Mapping)) or not isinstance(plugins, Iterable):
        fouten.append(
            f"plugins: verwacht een lijst van plugin-objecten, bv. plugins=[mijn_plugin] "
            f"(kreeg {_kort(plugins)})"
        )
    else:
        try:
            lijst = tuple(plugins)
        except _PLUGINFOUTEN as exc:
            fouten.append(f"plugins: niet te doorlopen: {type(exc).__name__}: {exc}")
    uit: tuple[str, ...] = ()
    if disabled is not None:
        if isinstance(disabled, (str, bytes, Mapping)) or not isinstance(disabled, Iterable):
            fouten.append(
                f"disabled: verwacht een lijst van pluginnamen, bv. disabled=['exodus'] "
                f"(kreeg {_kort(disabled)})"
            )
        else:
            try:
                uit = tuple(disabled)
            except _PLUGINFOUTEN as exc:
                fouten.append(f"disabled: niet te doorlopen: {type(exc).__name__}: {exc}")
            fouten += [
                f"disabled: verwacht pluginnamen als tekst (kreeg {_kort(n)})"
                for n in uit
                if not isinstance(n, str)
            ]
    if fouten:
        raise OngeldigeInvoer(fouten)
    return lijst, bool(entrypoints), uit


def load_methodiek(
    *,
    plugins: Iterable[object] = (),
    entrypoints: bool = True,
    strict: bool = True,
    disabled: Sequence[str] | None = None,
) -> Methodiek:
    """Assemble the Methodiek: the handbook plugin, the given plugins and installed entry points.

    Args:
        plugins: extra plugin objects (modules or instances) to load.
        entrypoints: also load plugins installed in the entry-point group ``ija_core``
            (filtered by the environment variables ``IJA_LOAD_PLUGINS=a,b`` — empty means
            none — and ``IJA_DISABLED_PLUGINS=x,y``).
        strict: when True a failing plugin raises ``PluginFout``; when False it is left out
            whole and listed in ``m.plugins`` with status ``failed`` and its error.
        disabled: plugin names not to load (listed as ``disabled``).

    Raises:
        PluginFout: a plugin failed (strict mode) or two plugins contribute different values
            under the same id, register the same aanbieder or share a docs folder (always).
        OngeldigeInvoer: an argument of the wrong kind (``plugins="exodus"``,
            ``disabled="exodus"``, ``strict="ja"``).
    """
    from ija_core.doelgroep import DOELGROEP
    from ija_core.kernwaarden import KERNWAARDEN, PRINCIPES
    from ija_core.leefgebieden import LEEFGEBIEDEN
    from ija_core.phases.handbook import FASEN
    from ija_core.rollen import ROLLEN
    from ija_core.themas import THEMAS

    kandidaten = _verzamel(*_argumenten(plugins, entrypoints, strict, disabled))

    def faal(k: _Kandidaat, bericht: str, oorzaak: BaseException | None = None) -> None:
        if strict or k.status == "builtin":
            raise PluginFout(f"plugin {k.name}: {bericht}", plugin=k.name) from oorzaak
        k.status = "failed"
        k.error = bericht
        k.bijdragen = {}
        k.hooks = ()

    for k in kandidaten:
        if k.status == "failed":
            faal(k, k.error or "kon niet geladen worden")
            continue
        if k.status == "disabled" or k.obj is None:
            continue
        try:
            _lees_hook_api(k)
        except _Afgekeurd as exc:
            faal(k, str(exc), exc.__cause__ or exc)
            continue
        # Each plugin gets a manager of its own: a plugin object that misbehaves when it is
        # compared or hashed cannot then disturb the registration of another.
        pm = make_plugin_manager()
        try:
            pm.register(k.obj, name=k.name)
        except _PLUGINFOUTEN as exc:
            faal(k, f"kon niet geregistreerd worden: {type(exc).__name__}: {exc}", exc)
            continue
        try:
            _roep_hooks(pm, k)
        except _Afgekeurd as exc:
            faal(k, str(exc), exc.__cause__ or exc)
        except _PLUGINFOUTEN as exc:
            faal(k, f"kon niet aangeroepen worden: {type(exc).__name__}: {exc}", exc)

    fasen = {f.id for f in FASEN}
    leefgebieden = {lg.id for lg in LEEFGEBIEDEN}
    actief = [k for k in kandidaten if k.status in ("builtin", "loaded")]
    # Validation can depend on the set of aanbieders; a refused plugin can take its
    # aanbieder with it, so repeat until nothing more is refused.
    while True:
        eigenaars = _eigenaars(actief)
        geweigerd = False
        for k in actief:
            try:
                _valideer(k, fasen, leefgebieden, eigenaars)
            except _Afgekeurd as exc:
                faal(k, str(exc), exc)
                geweigerd = True
            except Exception as exc:  # noqa: BLE001 - a contribution that breaks a check
                faal(k, f"ongeldige bijdrage: {type(exc).__name__}: {exc}", exc)
                geweigerd = True
        actief = [k for k in actief if k.status in ("builtin", "loaded")]
        if not geweigerd:
            break

    samen: dict[str, dict[str, Any]] = {}
    herkomst: dict[str, list[str]] = {}
    for k in sorted(actief, key=lambda k: (k.status != "builtin", k.name)):
        for soort, items in k.bijdragen.items():
            bak = samen.setdefault(soort, {})
            for item in items:
                sleutel = item.id if soort != "docs-pagina" else f"{k.name}/{item.pad}"
                if sleutel in bak and not _gelijk(bak[sleutel], item):
                    eerste = herkomst[f"{soort}:{sleutel}"][0]
                    raise PluginFout(
                        f"plugins {eerste} en {k.name} leveren allebei {soort} {sleutel!r}, "
                        f"maar niet hetzelfde; hernoem er een of laat ze gelijk zijn",
                        plugin=k.name,
                        plugins=(eerste, k.name),
                        id=sleutel,
                    )
                bak[sleutel] = item
                lijst = herkomst.setdefault(f"{soort}:{sleutel}", [])
                if k.name not in lijst:
                    lijst.append(k.name)

    def gesorteerd(soort: str) -> tuple[Any, ...]:
        return tuple(v for _, v in sorted(samen.get(soort, {}).items()))

    def regels() -> tuple[Regel, ...]:
        """Checking order: the built-in rules as given (order is meaning), then the rest by id."""
        fase_ids = tuple(f.id for f in FASEN)
        eigen: list[Regel] = []
        overig: list[Regel] = []
        for sleutel, item in samen.get("regel", {}).items():
            bijdragers = herkomst[f"regel:{sleutel}"]
            regel = item.als_regel(bijdragers[0], fase_ids) if isinstance(item, Overgangsregel) else item
            (eigen if bijdragers[0] == HANDBOEK else overig).append(regel)
        return (*eigen, *sorted(overig, key=lambda r: r.id))

    infos = []
    for k in kandidaten:
        bijdragen = sorted(
            f"{soort}:{item.id}" for soort, items in k.bijdragen.items() for item in items
        )
        infos.append(
            PluginInfo(
                name=k.name,
                distribution=k.distribution,
                version=k.version,
                status=k.status,  # type: ignore[arg-type]  # one of the four statuses by construction
                error=k.error,
                hooks=k.hooks,
                contributions=tuple(bijdragen),
                hook_api=k.hook_api,
                warning=k.warning,
            )
        )
    paginas = tuple(
        (sleutel[: -len(pagina.pad) - 1], pagina)  # "plugin/pad"; either may hold a "/"
        for sleutel, pagina in sorted(samen.get("docs-pagina", {}).items())
    )
    return Methodiek(
        fasen=FASEN,
        leefgebieden=LEEFGEBIEDEN,
        rollen=ROLLEN,
        kernwaarden=KERNWAARDEN,
        principes=PRINCIPES,
        themas=THEMAS,
        doelgroep=DOELGROEP,
        instrumenten=tuple(
            i if herkomst[f"instrument:{i.id}"][0] == HANDBOEK
            else _instrument_van_aanbieder(i, herkomst[f"instrument:{i.id}"])
            for i in gesorteerd("instrument")
        ),
        normen=tuple(
            n if herkomst[f"norm:{n.id}"][0] == HANDBOEK
            else _norm_van_aanbieder(n, herkomst[f"norm:{n.id}"])
            for n in gesorteerd("norm")
        ),
        aanbieders=gesorteerd("aanbieder"),
        regels=regels(),
        relaties=gesorteerd("relatie"),
        opschalingen=gesorteerd("opschaling"),
        overleggen=gesorteerd("overleg"),
        docs_paginas=paginas,
        plugins=tuple(sorted(infos, key=lambda p: (p.status != "builtin", p.name))),
        herkomst={s: tuple(v) for s, v in herkomst.items()},
    )


__all__ = ["ENTRYPOINT_GROUP", "load_methodiek", "make_plugin_manager", "plugin_naam"]
