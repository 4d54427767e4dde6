"""Helpers for plugin authors' tests.

```python
from ija_core.testing import check_plugin, registered

import ija_mijnorganisatie as plugin


def test_plugin_is_valid():
    m = check_plugin(plugin)          # raises PluginFout with the reason when it is not
    assert m.instrument("mijnorg:gesprekskaart")


def test_with_the_plugin_loaded():
    with registered(plugin):
        m = ija_core.load_methodiek(entrypoints=False)   # includes the plugin
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import attrs
import pluggy

from ija_core.errors import IjaError, PluginFout
from ija_core.methodiek import Methodiek
from ija_core.plugins import _extra_plugins, load_methodiek, make_plugin_manager, plugin_naam
from ija_core.serialization import structure, unstructure

__all__ = ["check_plugin", "plugin_manager", "registered"]


def plugin_manager() -> pluggy.PluginManager:
    """A fresh pluggy manager with the ija-core hook API and no plugins registered."""
    return make_plugin_manager()


@contextmanager
def registered(*plugins: object) -> Iterator[None]:
    """Within the block, every ``load_methodiek()`` call also loads ``plugins``.

    The registration is local to the current context (thread or task) and undone on exit.
    """
    token = _extra_plugins.set((*_extra_plugins.get(), *plugins))
    try:
        yield
    finally:
        _extra_plugins.reset(token)


def check_plugin(plugin: object, *, voorbeelden: Mapping[str, Any] | None = None) -> Methodiek:
    """Validate a plugin's contributions and round-trip its result types through JSON.

    Loads the handbook plus only this plugin (strict), so any invalid contribution, hook
    error or conflict with the handbook raises ``PluginFout``. For every instrument of the
    plugin with a typed result, an example result is encoded to JSON data and decoded again
    and must come back equal. Examples come from ``voorbeelden`` (instrument id → result
    instance) or from a ``voorbeeld()`` classmethod on the result class.

    Returns:
        The assembled Methodiek, for further assertions.

    Raises:
        PluginFout: the plugin is invalid, its ``voorbeeld()`` fails, or a result type does
            not round-trip (whatever the plugin's own code raises on the way).
        OngeldigeInvoer: ``voorbeelden`` is not a mapping.
    """
    naam = plugin_naam(plugin)
    if voorbeelden is not None and not isinstance(voorbeelden, Mapping):
        from ija_core.errors import OngeldigeInvoer

        raise OngeldigeInvoer(
            f"voorbeelden: verwacht een dict van instrument-id naar resultaat "
            f"(kreeg {type(voorbeelden).__name__})"
        )
    m = load_methodiek(plugins=[plugin], entrypoints=False, strict=True)
    voorbeelden = dict(voorbeelden or {})
    eigen = [i for i in m.instrumenten if naam in m.bijgedragen_door("instrument", i.id)]
    for instrument in eigen:
        if instrument.resultaat is None:
            continue
        voorbeeld = voorbeelden.get(instrument.id)
        maker = getattr(instrument.resultaat, "voorbeeld", None)
        if voorbeeld is None and callable(maker):
            try:
                voorbeeld = maker()
            except Exception as exc:
                raise PluginFout(
                    f"plugin {naam}: {instrument.resultaat.__name__}.voorbeeld() geeft een fout: "
                    f"{type(exc).__name__}: {exc}",
                    plugin=naam,
                    id=instrument.id,
                ) from exc
        if voorbeeld is None:
            raise PluginFout(
                f"plugin {naam}: instrument {instrument.id} heeft een resultaattype "
                f"({instrument.resultaat.__name__}) maar geen voorbeeld om te toetsen; geef de "
                "klasse een classmethod voorbeeld() of geef voorbeelden={id: resultaat}",
                plugin=naam,
                id=instrument.id,
            )
        if not isinstance(voorbeeld, instrument.resultaat):
            raise PluginFout(
                f"plugin {naam}: het voorbeeld voor {instrument.id} is geen "
                f"{instrument.resultaat.__name__}",
                plugin=naam,
                id=instrument.id,
            )
        try:
            attrs.validate(voorbeeld)
            terug = structure(unstructure(voorbeeld, m), instrument.resultaat, m)
            gelijk = bool(terug == voorbeeld)
        except Exception as exc:
            uitleg = str(exc) if isinstance(exc, IjaError) else f"{type(exc).__name__}: {exc}"
            raise PluginFout(
                f"plugin {naam}: resultaat van {instrument.id} gaat niet heen en terug "
                f"door JSON: {uitleg}",
                plugin=naam,
                id=instrument.id,
            ) from exc
        if not gelijk:
            raise PluginFout(
                f"plugin {naam}: resultaat van {instrument.id} komt anders terug uit JSON "
                f"({terug!r} in plaats van {voorbeeld!r})",
                plugin=naam,
                id=instrument.id,
            )
    return m
