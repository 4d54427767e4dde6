"""The hook API: the contract between ija-core and the aanbieders' plugins.

A plugin is a module or object with functions marked ``@ija_core.hookimpl`` whose names are
the hook names below. Plugins are found through the entry-point group ``ija_core`` (or passed
to ``load_methodiek(plugins=[...])``). Every hook takes no arguments and is called **once per
plugin** while the ``Methodiek`` is assembled, never per traject; each plugin's
implementation is called separately, so a failing plugin is reported by name and every
contribution knows which plugin gave it. Hook wrappers are not allowed. Call order never
changes the result: contributions are merged and sorted by id.

The hook API has a version, ``HOOK_API_VERSIE``. A plugin may declare the versions it
supports in a module attribute ``IJA_HOOK_API`` (e.g. ``">=1.0,<2.0"``); ``ija plugins``
warns when the running version is outside that range.
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from ija_core.aanbieders import Aanbieder
from ija_core.docspagina import DocsPagina
from ija_core.netwerk import Opschaling, Overleg, Relatie
from ija_core.normen.model import Norm
from ija_core.phases.regels import Overgangsregel
from ija_core.phases.rules import Regel
from ija_core.tools.model import Instrument

PROJECT = "ija_core"
HOOK_API_VERSIE = "1.5"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def ija_aanbieder() -> Aanbieder | None:
    """Return the aanbieder this plugin speaks for, or None.

    Fires once, when the Methodiek is assembled. The aanbieder's id namespaces the plugin's
    other contributions (``"exodus:krachteninventarisatie"``).

    .. versionadded:: 1.0
    """


@hookspec
def ija_instrumenten() -> Iterable[Instrument]:  # type: ignore[empty-body]  # a hookspec has no body
    """Return the instruments this plugin adds to the catalogue.

    Fires once, when the Methodiek is assembled. Ids of plugins other than the handbook are
    namespaced (``"aanbieder:naam"``); every fase and leefgebied id an instrument lists must
    exist; ``resultaat`` (optional) is an attrs class that records one use and must
    round-trip through JSON. The same id from two plugins must be the same value. Each fase
    and leefgebied becomes a placement (``Instrument.plaatsingen``) with a ``Bron`` of soort
    ``aanbieder`` naming the plugin; a plugin may give ``plaatsingen`` itself.

    .. versionadded:: 1.0
    .. versionchanged:: 1.1
       ``plaatsingen``: a ``Bron`` per fase and leefgebied.
    """


@hookspec
def ija_normen() -> Iterable[Norm]:  # type: ignore[empty-body]  # a hookspec has no body
    """Return the service norms this plugin adds.

    Fires once, when the Methodiek is assembled. A norm with ``aanbieder`` set applies only
    to trajecten of that aanbieder. Ids of plugins are namespaced (``"joz:start-binnen-48-uur"``).
    A plugin's norm is recorded with a ``Bron`` of soort ``aanbieder``; a plain-string
    ``bron`` (hook API 1.0: ``"aanbieder"``, ``"lokaal"``, ``"handboek"``) with an optional
    ``toelichting`` is still accepted and converted.

    .. versionadded:: 1.0
    .. versionchanged:: 1.1
       ``Norm.bron`` is a ``Bron``.
    .. versionchanged:: 1.4
       ``Norm.fase`` names the fase of anker ``fase-start`` (an unknown fase refuses the
       plugin).
    """


@hookspec
def ija_overgangsregels() -> Iterable[Regel | Overgangsregel]:  # type: ignore[empty-body]  # a hookspec has no body
    """Return the rules this plugin adds to every traject (``ija_core.Regel``).

    Fires once, when the Methodiek is assembled. The rules land in ``Methodiek.regels`` after
    the built-in ones (which come in through this same hook), sorted by id; the traject
    engine then checks each rule on the events it looks at (``gebeurtenissen``, ``naar``,
    ``van``, ``aanbieder``). A refusal raises ``RegelOvertreding`` with the rule's id and
    names the plugin; a check that raises, or returns anything but None, an ``Afwijzing``
    or a non-blank string, raises ``PluginFout`` naming the plugin. A plugin's rule ids are
    namespaced and its rules have bron ``aanbieder``.

    .. versionadded:: 1.0
       returning ``Overgangsregel`` guards on forward ``fase-gewijzigd`` events.
    .. versionchanged:: 1.1
       returns ``Regel`` objects; ``Overgangsregel`` is deprecated but still accepted (it is
       converted to a ``Regel`` about forward moves into its ``naar`` fasen, bron
       ``aanbieder``).
    """


@hookspec
def ija_docs_paginas() -> Iterable[DocsPagina]:  # type: ignore[empty-body]  # a hookspec has no body
    """Return extra Markdown pages for the generated methodiek site.

    Fires once, when the Methodiek is assembled (and so when the site is built). Pages land
    under ``plugins/<plugin-naam>/`` in the site.

    .. versionadded:: 1.0
    """


@hookspec
def ija_relaties() -> Iterable[Relatie]:  # type: ignore[empty-body]  # a hookspec has no body
    """Return the relaties this plugin adds (who a betrokkene can be to the jongere).

    Fires once, when the Methodiek is assembled. Ids are namespaced as for instruments
    (``"exodus:maatje"``); ``rol`` is one of the five rollen; ``bron`` has soort
    ``aanbieder``. The same id from two plugins must be the same value.

    .. versionadded:: 1.2
    """


@hookspec
def ija_opschalingen() -> Iterable[Opschaling]:  # type: ignore[empty-body]  # a hookspec has no body
    """Return where this plugin lets a coach scale up to (``opgeschaald``).

    Fires once, when the Methodiek is assembled. An opschaling is another form of guidance
    or a partner in drang en dwang (``soort``); a table where partners share what they see
    is an ``Overleg`` (``ija_overleggen``), not an opschaling. Ids are namespaced as for
    instruments; ``bron`` has soort ``aanbieder``. The same id from two plugins must be the
    same value.

    .. versionadded:: 1.2
    .. versionchanged:: 1.5
       the handbook's two tables (``jeugdhotspotoverleg``, ``overlastoverleg``) moved to
       ``ija_overleggen``.
    """


@hookspec
def ija_overleggen() -> Iterable[Overleg]:  # type: ignore[empty-body]  # a hookspec has no body
    """Return the tables in the wijk this plugin adds, where partners share what they see.

    Fires once, when the Methodiek is assembled. The tables land in
    ``Methodiek.overleggen``, sorted by id; going to one is not an escalation. Ids are
    namespaced as for instruments (``"exodus:buurttafel"``); ``bron`` has soort
    ``aanbieder``. The same id from two plugins must be the same value.

    .. versionadded:: 1.5
    """


HOOKS: tuple[str, ...] = (
    "ija_aanbieder",
    "ija_docs_paginas",
    "ija_instrumenten",
    "ija_normen",
    "ija_opschalingen",
    "ija_overgangsregels",
    "ija_overleggen",
    "ija_relaties",
)
"""Names of every hook in this API, sorted."""
