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
import os
import re
from collections.abc import Iterable, Sequence
from importlib import metadata
from types import ModuleType
from typing import Any, cast

import attrs
import pluggy

from ija_core import hookspecs
from ija_core.aanbieders import Aanbieder
from ija_core.docspagina import DocsPagina
from ija_core.errors import PluginFout
from ija_core.methodiek import Methodiek, PluginInfo
from ija_core.normen.model import Norm
from ija_core.phases.regels import Overgangsregel
from ija_core.phases.rules import Regel
from ija_core.tools.model import Instrument

ENTRYPOINT_GROUP = "ija_core"
HANDBOEK = "handboek"

# Extra plugins for the current context (``ija_core.testing.registered``).
_extra_plugins: contextvars.ContextVar[tuple[object, ...]] = contextvars.ContextVar(
    "ija_extra_plugins", default=()
)


def make_plugin_manager() -> pluggy.PluginManager:
    """A fresh plugin manager that knows the ija-core hook API (no plugins registered)."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
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
    naam = getattr(plugin, "IJA_PLUGIN_NAAM", None)
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
    return kandidaten


_VERWACHT: dict[str, tuple[type[Any] | tuple[type[Any], ...], str]] = {
    "ija_instrumenten": (Instrument, "instrument"),
    "ija_normen": (Norm, "norm"),
    # a Regel, or a guard of hook API 1.0 (converted to a Regel once merged)
    "ija_overgangsregels": ((Regel, Overgangsregel), "regel"),
    "ija_docs_paginas": (DocsPagina, "docs-pagina"),
}


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
            try:
                uitkomst = impl.function()
                items = (
                    [uitkomst]
                    if caller.name == "ija_aanbieder"
                    else list(cast("Iterable[Any]", uitkomst or ()))
                )
            except Exception as exc:
                raise _Afgekeurd(
                    f"fout in hook {caller.name}: {type(exc).__name__}: {exc}"
                ) from exc
            if caller.name == "ija_aanbieder":
                items = [i for i in items if i is not None]
                verwacht: tuple[type[Any] | tuple[type[Any], ...], str] = (
                    Aanbieder,
                    "aanbieder",
                )
            else:
                verwacht = _VERWACHT[caller.name]
            soorten = verwacht[0] if isinstance(verwacht[0], tuple) else (verwacht[0],)
            for item in items:
                if not isinstance(item, soorten):
                    raise _Afgekeurd(
                        f"hook {caller.name} gaf {type(item).__name__} {item!r}; "
                        f"verwacht een {' of '.join(t.__name__ for t in soorten)}"
                    )
            k.bijdragen.setdefault(verwacht[1], []).extend(items)
    k.hooks = tuple(sorted(hooks))


class _Afgekeurd(Exception):
    """Internal: a plugin is refused; the message says why (Dutch)."""


def _valideer(
    k: _Kandidaat,
    fasen: set[str],
    leefgebieden: set[str],
    aanbieders: set[str],
) -> None:
    """Check one plugin's contributions against the definitions (ids that must exist, namespaces)."""
    eigen = [a.id for a in k.bijdragen.get("aanbieder", [])]
    builtin = k.status == "builtin"
    for soort in ("instrument", "norm", "regel"):
        for item in k.bijdragen.get(soort, []):
            if not builtin:
                if ":" not in item.id:
                    raise _Afgekeurd(
                        f"{soort} {item.id!r} heeft geen naamruimte; gebruik "
                        f"'{eigen[0] if eigen else 'aanbieder'}:{item.id}'"
                    )
                ruimte = item.id.split(":", 1)[0]
                if eigen and ruimte not in eigen:
                    raise _Afgekeurd(
                        f"{soort} {item.id!r} staat niet in de naamruimte van de plugin "
                        f"({', '.join(eigen)})"
                    )
            if item.aanbieder is not None and item.aanbieder not in aanbieders:
                raise _Afgekeurd(
                    f"{soort} {item.id!r} noemt onbekende aanbieder {item.aanbieder!r} "
                    f"(bekend: {', '.join(sorted(aanbieders)) or 'geen'})"
                )
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


def _sleutel(soort: str, item: Any) -> str:
    return f"{soort}:{item.id}"


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
            under the same id (always).
    """
    from ija_core.doelgroep import DOELGROEP
    from ija_core.kernwaarden import KERNWAARDEN, PRINCIPES
    from ija_core.leefgebieden import LEEFGEBIEDEN
    from ija_core.phases.handbook import FASEN
    from ija_core.rollen import ROLLEN
    from ija_core.themas import THEMAS

    kandidaten = _verzamel(plugins, entrypoints, disabled)
    pm = make_plugin_manager()

    def faal(k: _Kandidaat, bericht: str, oorzaak: BaseException | None = None) -> None:
        if strict or k.status == "builtin":
            raise PluginFout(f"plugin {k.name}: {bericht}", plugin=k.name) from oorzaak
        k.status = "failed"
        k.error = bericht
        k.bijdragen = {}
        k.hooks = ()
        if k.obj is not None and pm.is_registered(k.obj):
            pm.unregister(k.obj)

    for k in kandidaten:
        if k.status == "failed":
            faal(k, k.error or "kon niet geladen worden")
            continue
        if k.status == "disabled" or k.obj is None:
            continue
        eis = getattr(k.obj, "IJA_HOOK_API", None)
        if eis is not None:
            k.hook_api = str(eis)
            try:
                if not _ondersteunt(str(eis), hookspecs.HOOK_API_VERSIE):
                    k.warning = (
                        f"ondersteunt hook-API {eis}, maar deze ija-core heeft "
                        f"{hookspecs.HOOK_API_VERSIE}"
                    )
            except ValueError as exc:
                k.warning = f"IJA_HOOK_API: {exc}"
        try:
            pm.register(k.obj, name=k.name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            faal(k, f"kon niet geregistreerd worden: {exc}", exc)
            continue
        try:
            _roep_hooks(pm, k)
        except _Afgekeurd as exc:
            faal(k, str(exc), exc.__cause__ or exc)

    fasen = {f.id for f in FASEN}
    leefgebieden = {lg.id for lg in LEEFGEBIEDEN}
    actief = [k for k in kandidaten if k.status in ("builtin", "loaded")]
    # Validation can depend on the set of aanbieders; a refused plugin can take its
    # aanbieder with it, so repeat until nothing more is refused.
    while True:
        aanbieders = {a.id for k in actief for a in k.bijdragen.get("aanbieder", [])}
        geweigerd = False
        for k in actief:
            try:
                _valideer(k, fasen, leefgebieden, aanbieders)
            except _Afgekeurd as exc:
                faal(k, str(exc), exc)
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
                if sleutel in bak and bak[sleutel] != item:
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
        (sleutel.split("/", 1)[0], pagina)
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
        instrumenten=gesorteerd("instrument"),
        normen=gesorteerd("norm"),
        aanbieders=gesorteerd("aanbieder"),
        regels=regels(),
        docs_paginas=paginas,
        plugins=tuple(sorted(infos, key=lambda p: (p.status != "builtin", p.name))),
        herkomst={s: tuple(v) for s, v in herkomst.items()},
    )


__all__ = ["ENTRYPOINT_GROUP", "load_methodiek", "make_plugin_manager", "plugin_naam"]
