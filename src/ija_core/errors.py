"""The one error tree of ija-core.

Every public function raises only these (as httpx draws its tree)::

    IjaError                      base of everything the library raises on purpose
    ├── OngeldigeInvoer           bad input: .fouten lists "path: message" per problem
    │   ├── OnbekendeStroom       the event store holds no stream with that id (HTTP 404)
    │   └── BestaatAl             the event store already holds (or held) that id (HTTP 409)
    ├── RegelOvertreding          a methodiek rule refuses: .regel (rule id), .uitleg (Dutch),
    │                             .ontbreekt (what is missing), .index (which event, on replay)
    ├── PluginFout                a plugin failed or conflicts: .plugin, .plugins, .id
    ├── VersieConflict            the event store: another writer got there first;
    │                             .traject, .verwacht (the caller's versie), .huidig (the store's)
    ├── OpslagFout                the event store's database cannot be opened or used
    └── SiteFout                  the methodiek site could not be built (``ija_core.docs``)
        └── UitmapFout            the site's output folder cannot be used

Messages are Dutch, because a coach or a developer's end user may read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

__all__ = [
    "BestaatAl",
    "BronFout",
    "IjaError",
    "OnbekendeStroom",
    "OngeldigeInvoer",
    "OpslagFout",
    "PluginFout",
    "RegelOvertreding",
    "SiteFout",
    "UitmapFout",
    "VersieConflict",
]


class IjaError(Exception):
    """Base class of every error ija-core raises on purpose."""


class OngeldigeInvoer(IjaError, ValueError):
    """Input that does not fit the model: a wrong type, a missing or unknown field, an unknown id.

    Attributes:
        fouten: one ``"path: message"`` line per problem, e.g.
            ``"$[3].jongere.geboortedatum: geen geldige datum (kreeg '2014-02-29')"``.
    """

    def __init__(self, fouten: str | Iterable[str]) -> None:
        items = (fouten,) if isinstance(fouten, str) else tuple(fouten)
        if not items:
            items = ("ongeldige invoer",)
        self.fouten: tuple[str, ...] = items
        if len(items) == 1:
            message = items[0]
        else:
            message = f"{len(items)} problemen in de invoer:\n" + "\n".join(
                f"  - {f}" for f in items
            )
        super().__init__(message)

    def met_prefix(self, prefix: str) -> OngeldigeInvoer:
        """Return the same error with every path moved under ``prefix`` (e.g. ``$[3]``)."""
        return OngeldigeInvoer(
            prefix + fout[1:] if fout.startswith("$") else f"{prefix}: {fout}"
            for fout in self.fouten
        )


class OnbekendeStroom(OngeldigeInvoer):
    """The event store holds no traject or group with this id (never stored, or erased:
    the message says which). An app answers it with 404 without reading the text.

    Attributes:
        id: the id that was asked for.
        verwijderd: True when the id was erased (``db.verwijder``) and only its tombstone is kept.
    """

    def __init__(self, bericht: str, *, id: str, verwijderd: bool = False) -> None:
        self.id = id
        self.verwijderd = verwijderd
        super().__init__(bericht)

    def __reduce__(self) -> Any:
        return (partial(OnbekendeStroom, id=self.id, verwijderd=self.verwijderd), self.fouten)


class BestaatAl(OngeldigeInvoer):
    """A new stream (``db.nieuw``, ``db.importeer``) with an id the store already holds or
    once held (an erased id is never given out again). An app answers it with 409.

    Attributes:
        id: the id that is taken.
    """

    def __init__(self, bericht: str, *, id: str) -> None:
        self.id = id
        super().__init__(bericht)

    def __reduce__(self) -> Any:
        return (partial(BestaatAl, id=self.id), self.fouten)


class RegelOvertreding(IjaError):
    """A rule of the methodiek refuses an event.

    Attributes:
        regel: the rule id, e.g. ``"plan-voor-uitvoering"`` (plugin rules are namespaced).
        uitleg: why, in Dutch.
        ontbreekt: what is missing before the event would be allowed (Dutch, may be empty).
        index: position of the refused event when raised from ``Traject.replay`` (0-based, as
            JSON paths are), else None. The message counts events from 1, for people:
            ``index=3`` reads "gebeurtenis 4".
        plugin: the plugin that owns the rule, for rules contributed by a plugin.
    """

    def __init__(
        self,
        regel: str,
        uitleg: str,
        *,
        ontbreekt: Sequence[str] = (),
        index: int | None = None,
        plugin: str | None = None,
    ) -> None:
        self.regel = regel
        self.uitleg = uitleg
        self.ontbreekt: tuple[str, ...] = tuple(ontbreekt)
        self.index = index
        self.plugin = plugin
        where = f"gebeurtenis {index + 1}: " if index is not None else ""
        who = f" (plugin {plugin})" if plugin else ""
        super().__init__(f"{where}regel {regel}{who}: {uitleg}")

    def bij_index(self, index: int) -> RegelOvertreding:
        """Return the same violation marked with the index of the refused event."""
        return RegelOvertreding(
            self.regel, self.uitleg, ontbreekt=self.ontbreekt, index=index, plugin=self.plugin
        )


class PluginFout(IjaError):
    """A plugin could not be loaded, raised in a hook, contributed something invalid, or conflicts.

    Attributes:
        plugin: the plugin at fault (for a conflict: the second one).
        plugins: every plugin involved (two for a conflict).
        id: the contested or invalid id, where there is one.
    """

    def __init__(
        self,
        bericht: str,
        *,
        plugin: str,
        plugins: Sequence[str] = (),
        id: str | None = None,
    ) -> None:
        self.plugin = plugin
        self.plugins: tuple[str, ...] = tuple(plugins) or (plugin,)
        self.id = id
        super().__init__(bericht)


class VersieConflict(IjaError):
    """Optimistic concurrency in the event store (``ija_core.opslag``): the caller saw
    ``verwacht`` events, but another writer got there first and the store holds ``huidig``.

    Nothing was stored. Load the traject again (``db.laad``), look at what changed and decide
    whether the event still makes sense.

    Attributes:
        traject: the id of the traject (or group) the event was meant for.
        verwacht: the ``versie`` the caller gave (the number of events it saw).
        huidig: the number of events the store holds now.
    """

    def __init__(self, traject: str, *, verwacht: int, huidig: int) -> None:
        self.traject = traject
        self.verwacht = verwacht
        self.huidig = huidig
        super().__init__(
            f"versieconflict bij traject {traject!r}: je zag versie {verwacht}, maar de "
            f"opslag heeft versie {huidig} (iemand anders legde intussen iets vast); er is "
            "niets opgeslagen: laad het traject opnieuw en kijk of de gebeurtenis nog klopt"
        )


class OpslagFout(IjaError):
    """The event store's database cannot be opened or used: a file that is no SQLite
    database, a server that cannot be reached, a disk that is full, a store that is closed.

    Nothing of the failed write was stored (each write is one transaction).
    """


class SiteFout(IjaError):
    """The site could not be built; the message (Dutch) says why.

    Raised by ``ija_core.docs`` (and importable from there, as before).
    """


class UitmapFout(SiteFout):
    """The output folder cannot be used (a file, a symlink, under a file, or not a site)."""


class BronFout(SiteFout):
    """The folder of hand-written pages holds something the site must not publish (a link
    out of the folder, a pipe or a device)."""
