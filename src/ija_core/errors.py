"""The one error tree of ija-core.

Every public function raises only these (as httpx draws its tree)::

    IjaError                      base of everything the library raises on purpose
    ├── OngeldigeInvoer           bad input: .fouten lists one Fout (pad, code, melding;
    │                             its str() the line "pad: melding") per problem
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
    "CODES",
    "Fout",
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


CODES = (
    "ontbreekt",
    "onbekend-veld",
    "type",
    "onbekende-waarde",
    "ongeldige-datum",
    "toekomst",
    "geen-json",
    "ongeldig",
)
"""The stable codes of a ``Fout``: a required field is missing; a field is not known; a value
of the wrong JSON type; a value that is not one of the known ids or choices; a date or
timestamp that is malformed, does not exist or lies outside the supported years; an event
from the future (the store's ``toekomst_marge``); text that is not JSON; anything else."""


class Fout(str):
    """One problem of an ``OngeldigeInvoer``: where, what kind, and the Dutch message.

    It *is* its old line of text, ``"pad: melding"`` (a ``str``), so code that joins,
    compares or searches ``fouten`` as text keeps working; equality and hashing are those of
    that line. (A record read from a line without a ``$``-path, ``Fout.uit_regel("...")``,
    keeps that line as its text, with ``pad`` ``$``.) The fields cannot be changed.

    Attributes:
        pad: the JSON path of the problem, 0-based (``$[3].jongere.geboortedatum``); ``$`` when
            it concerns the whole input.
        code: a stable id from ``CODES`` (``ontbreekt``, ``type``, ``onbekende-waarde`` ...)
            for an app to act on without reading the text.
        melding: what is wrong, in Dutch.
    """

    pad: str
    code: str
    melding: str

    def __new__(cls, pad: str, code: str, melding: str, regel: str | None = None) -> Fout:
        if code not in CODES:
            raise ValueError(f"onbekende foutcode {code!r}; bekend zijn: {', '.join(CODES)}")
        if not isinstance(pad, str) or not isinstance(melding, str):
            raise TypeError("pad en melding van een Fout zijn tekst")
        zelf = super().__new__(cls, f"{pad}: {melding}" if regel is None else regel)
        object.__setattr__(zelf, "pad", pad)
        object.__setattr__(zelf, "code", code)
        object.__setattr__(zelf, "melding", melding)
        return zelf

    @classmethod
    def uit_regel(cls, regel: str, code: str = "ongeldig") -> Fout:
        """A record from a ``"pad: melding"`` line (a ``Fout`` is returned as it is). A line
        without a ``$``-path is about the whole input (``pad`` ``$``)."""
        if isinstance(regel, Fout):
            return regel
        regel = str(regel)
        if regel.startswith("$"):
            pad, scheiding, melding = regel.partition(": ")
            if scheiding and " " not in pad:
                return cls(pad, code, melding)
        return cls("$", code, regel, regel)

    def onder(self, prefix: str) -> Fout:
        """The same record with its path moved under ``prefix`` (e.g. ``$[3]``)."""
        regel = str.__str__(self)
        if regel != f"{self.pad}: {self.melding}":  # a line read without a path
            if regel.startswith("$"):  # "$ ..." without ": " (as met_prefix always did)
                return Fout(prefix, self.code, regel[1:].lstrip(), prefix + regel[1:])
            return Fout(prefix, self.code, regel)
        return Fout(prefix + self.pad[1:], self.code, self.melding)

    def als_json(self) -> dict[str, str]:
        """``{"pad": ..., "code": ..., "melding": ...}``, e.g. for a 422 response."""
        return {"pad": self.pad, "code": self.code, "melding": self.melding}

    def __setattr__(self, naam: str, waarde: Any) -> None:
        raise AttributeError(f"een Fout is onveranderlijk ({naam!r})")

    def __delattr__(self, naam: str) -> None:
        raise AttributeError(f"een Fout is onveranderlijk ({naam!r})")

    def __repr__(self) -> str:
        return f"Fout(pad={self.pad!r}, code={self.code!r}, melding={self.melding!r})"

    def __reduce__(self) -> Any:
        return (Fout, (self.pad, self.code, self.melding, str.__str__(self)))


class OngeldigeInvoer(IjaError, ValueError):
    """Input that does not fit the model: a wrong type, a missing or unknown field, an unknown id.

    ``OngeldigeInvoer("tekst")`` and ``OngeldigeInvoer(["pad: melding", ...])`` are read as
    records with code ``ongeldig``; pass ``Fout`` records to give each problem its code.

    Attributes:
        fouten: one ``Fout`` per problem (``pad``, ``code``, ``melding``), each also its line
            of text, e.g. ``"$[3].jongere.geboortedatum: die datum bestaat niet ('2014-02-29')"``.
    """

    def __init__(self, fouten: str | Iterable[str]) -> None:
        items = (fouten,) if isinstance(fouten, str) else tuple(fouten)
        if not items:
            items = ("ongeldige invoer",)
        self.fouten: tuple[Fout, ...] = tuple(Fout.uit_regel(f) for f in items)
        if len(items) == 1:
            message = str(self.fouten[0]) if isinstance(items[0], Fout) else str(items[0])
        else:
            message = f"{len(items)} problemen in de invoer:\n" + "\n".join(
                f"  - {f}" for f in self.fouten
            )
        super().__init__(message)

    def __reduce__(self) -> Any:
        # the records keep their codes; args keeps the message exactly as it was
        return (type(self), (self.fouten,), {"args": self.args})

    def met_prefix(self, prefix: str) -> OngeldigeInvoer:
        """Return the same error with every path moved under ``prefix`` (e.g. ``$[3]``)."""
        return OngeldigeInvoer(fout.onder(prefix) for fout in self.fouten)


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
