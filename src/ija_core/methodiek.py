"""The ``Methodiek``: an immutable snapshot of the handbook plus every loaded plugin."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Literal

from attrs import field, frozen
from attrs import fields as attrs_fields

from ija_core._lookup import zoek
from ija_core.aanbieders import Aanbieder
from ija_core.docspagina import DocsPagina
from ija_core.doelgroep import Doelgroep
from ija_core.groep.events import GROEP_EVENT_TYPEN
from ija_core.kernwaarden import Kernwaarde, Principe
from ija_core.leefgebieden import Leefgebied
from ija_core.netwerk import Opschaling, Overleg, Relatie
from ija_core.normen.model import Norm
from ija_core.phases.model import FaseDefinitie
from ija_core.phases.rules import GROEPSREGELS, Regel
from ija_core.phases.uitstroom import VROEGE_UITSTROOM, VroegeUitstroom
from ija_core.rollen import Rol
from ija_core.themas import Thema
from ija_core.tools.model import Instrument
from ija_core.traject.events import EVENT_TYPEN


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _herkomst(items: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    """A read-only copy: the frozen Methodiek holds no mutable parts."""
    return MappingProxyType({k: tuple(v) for k, v in items.items()})


PluginStatus = Literal["builtin", "loaded", "failed", "disabled"]


@frozen(kw_only=True)
class PluginInfo:
    """What the assembly knows about one plugin.

    Attributes:
        name: the plugin's name (entry-point name, or the name given to a plugin object).
        distribution: the installed distribution that provides it, or None.
        version: that distribution's version, or None.
        status: ``builtin``, ``loaded``, ``failed`` or ``disabled``.
        error: for ``failed``: what went wrong (Dutch), else None.
        hooks: names of the hooks it implements.
        contributions: ids of what it contributed, as ``"soort:id"`` (``"instrument:5g-model"``).
        hook_api: the hook-API versions it declares to support (a specifier), or None.
        warning: a Dutch warning, e.g. when its declared hook-API range excludes this version.
    """

    name: str
    distribution: str | None = None
    version: str | None = None
    status: PluginStatus = "loaded"
    error: str | None = None
    hooks: tuple[str, ...] = field(default=(), converter=_strings)
    contributions: tuple[str, ...] = field(default=(), converter=_strings)
    hook_api: str | None = None
    warning: str | None = None


@frozen(kw_only=True)
class Methodiek:
    """The methodiek as one immutable value: definitions plus plugin contributions.

    Build it with ``ija_core.load_methodiek()``. Fasen are in phase order and leefgebieden in
    handbook order; ``regels`` are in checking order; instrumenten, normen and aanbieders are
    sorted by id, so plugin order never changes the result. Nothing is written into a
    Methodiek after it is built (the engine keeps what it compiles for one elsewhere); it can
    be pickled.

    Attributes:
        fasen: the four phases, in order.
        leefgebieden: the eight life domains, in handbook order.
        rollen: the parties around the young person.
        kernwaarden: the four core values.
        principes: the ten principles of the coach.
        themas: the problem themes.
        doelgroep: the target group (ages 12 to 27).
        instrumenten: every instrument, handbook and plugins, sorted by id.
        normen: every service norm, sorted by id.
        aanbieders: every aanbieder, sorted by id.
        regels: every rule a traject is checked against, in checking order: the built-in
            plugin's (the thirteen of the design, then the pause rules, then the network
            rules), then the plugins' guards sorted by id.
        relaties: who a betrokkene can be to the jongere (with its rol), sorted by id.
        opschalingen: where a coach can scale up to (another form of guidance, drang en
            dwang), sorted by id.
        overleggen: the tables in the wijk where partners share what they see (not an
            escalation), sorted by id.
        docs_paginas: extra site pages from plugins, as ``(plugin, pagina)`` pairs.
        plugins: every plugin seen, with its status.
        herkomst: for each contribution key (``"instrument:5g-model"``, ``"regel:chronologie"``)
            the plugins that gave it (read-only).
        fasevolgorde: fase id → position in ``fasen`` (0 for the first); derived.
    """

    fasen: tuple[FaseDefinitie, ...]
    leefgebieden: tuple[Leefgebied, ...]
    rollen: tuple[Rol, ...]
    kernwaarden: tuple[Kernwaarde, ...]
    principes: tuple[Principe, ...]
    themas: tuple[Thema, ...]
    doelgroep: Doelgroep
    instrumenten: tuple[Instrument, ...] = ()
    normen: tuple[Norm, ...] = ()
    aanbieders: tuple[Aanbieder, ...] = ()
    regels: tuple[Regel, ...] = ()
    relaties: tuple[Relatie, ...] = ()
    opschalingen: tuple[Opschaling, ...] = ()
    overleggen: tuple[Overleg, ...] = ()
    docs_paginas: tuple[tuple[str, DocsPagina], ...] = ()
    plugins: tuple[PluginInfo, ...] = ()
    herkomst: Mapping[str, tuple[str, ...]] = field(
        factory=dict, converter=_herkomst, eq=False, repr=False
    )
    fasevolgorde: Mapping[str, int] = field(init=False, eq=False, repr=False)
    # Lookup by id, built once in __attrs_post_init__ and never changed afterwards. Engine
    # state compiled for a Methodiek (codec, rules, norms) lives in ija_core._per_methodiek.
    _index: Mapping[str, Mapping[str, Any]] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index = {
            naam: MappingProxyType({item.id: item for item in getattr(self, naam)})
            for naam in (
                "fasen",
                "leefgebieden",
                "rollen",
                "themas",
                "instrumenten",
                "normen",
                "aanbieders",
                "kernwaarden",
                "regels",
                "relaties",
                "opschalingen",
                "overleggen",
            )
        }
        object.__setattr__(self, "_index", MappingProxyType(index))
        object.__setattr__(
            self, "fasevolgorde", MappingProxyType({f.id: i for i, f in enumerate(self.fasen)})
        )

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the fields given to ``__init__``; the derived parts are rebuilt on loading."""
        velden = {
            a.name: getattr(self, a.name) for a in attrs_fields(Methodiek) if a.init
        }
        velden["herkomst"] = dict(self.herkomst)
        return (_methodiek_uit, (velden,))

    @property
    def overgangsregels(self) -> tuple[Regel, ...]:
        """The rules plugins contributed (not the built-in ones), sorted by id (hook API 1.x)."""
        ingebouwd = {p.name for p in self.plugins if p.status == "builtin"}
        return tuple(
            r
            for r in self.regels
            if not set(self.bijgedragen_door("regel", r.id)) <= ingebouwd
        )

    @property
    def groepsregels(self) -> tuple[Regel, ...]:
        """The rules a group (``ija.Groep``) is checked against, in checking order:
        ``chronologie`` and ``groep-afgesloten``, each with its ``bron``."""
        return GROEPSREGELS

    @property
    def vroege_uitstroom(self) -> tuple[VroegeUitstroom, ...]:
        """The reasons that close a traject early from any fase, each with its ``bron``.

        The handbook's two (justitie, ggz-opname) first, then ija-core's three additions.
        """
        return VROEGE_UITSTROOM

    @property
    def gebeurtenistypen(self) -> tuple[str, ...]:
        """Every event ``type`` of trajecten, then of groepen, in the engine's order.

        Read from the event records, where each type is registered once (``EVENT_TYPEN``,
        ``GROEP_EVENT_TYPEN``); a type a traject or group does not know is refused.
        """
        return (*EVENT_TYPEN, *GROEP_EVENT_TYPEN)

    def _zoek(self, soort: str, label: str, gezocht: str) -> Any:
        try:
            return self._index[soort][gezocht]
        except (KeyError, TypeError):
            return zoek(getattr(self, soort), gezocht, label)

    def regel(self, regel_id: str) -> Regel:
        """The rule with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Regel = self._zoek("regels", "regel", regel_id)
        return result

    def fase(self, fase_id: str) -> FaseDefinitie:
        """The fase with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: FaseDefinitie = self._zoek("fasen", "fase", fase_id)
        return result

    def leefgebied(self, leefgebied_id: str) -> Leefgebied:
        """The leefgebied with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Leefgebied = self._zoek("leefgebieden", "leefgebied", leefgebied_id)
        return result

    def rol(self, rol_id: str) -> Rol:
        """The rol with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Rol = self._zoek("rollen", "rol", rol_id)
        return result

    def kernwaarde(self, kernwaarde_id: str) -> Kernwaarde:
        """The kernwaarde with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Kernwaarde = self._zoek("kernwaarden", "kernwaarde", kernwaarde_id)
        return result

    def thema(self, thema_id: str) -> Thema:
        """The thema with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Thema = self._zoek("themas", "thema", thema_id)
        return result

    def instrument(self, instrument_id: str) -> Instrument:
        """The instrument with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Instrument = self._zoek("instrumenten", "instrument", instrument_id)
        return result

    def norm(self, norm_id: str) -> Norm:
        """The norm with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Norm = self._zoek("normen", "norm", norm_id)
        return result

    def aanbieder(self, aanbieder_id: str) -> Aanbieder:
        """The aanbieder with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Aanbieder = self._zoek("aanbieders", "aanbieder", aanbieder_id)
        return result

    def relatie(self, relatie_id: str) -> Relatie:
        """The relatie with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Relatie = self._zoek("relaties", "relatie", relatie_id)
        return result

    def opschaling(self, opschaling_id: str) -> Opschaling:
        """The opschaling with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Opschaling = self._zoek("opschalingen", "opschaling", opschaling_id)
        return result

    def overleg(self, overleg_id: str) -> Overleg:
        """The overleg with this id; ``OngeldigeInvoer`` lists the known ids otherwise."""
        result: Overleg = self._zoek("overleggen", "overleg", overleg_id)
        return result

    def plugin(self, name: str) -> PluginInfo:
        """The plugin record with this name; ``OngeldigeInvoer`` lists the known names otherwise."""
        for p in self.plugins:
            if p.name == name:
                return p
        from ija_core.errors import OngeldigeInvoer

        raise OngeldigeInvoer(
            f"$: onbekende plugin {name!r}; bekend zijn: {', '.join(p.name for p in self.plugins)}"
        )

    def instrumenten_voor(
        self,
        *,
        fase: str | None = None,
        leefgebied: str | None = None,
        aanbieder: str | None = None,
    ) -> tuple[Instrument, ...]:
        """The instruments that list the given fase, leefgebied and aanbieder (all that are given).

        Unknown ids raise ``OngeldigeInvoer``: a typo should not look like an empty catalogue.
        """
        if fase is not None:
            self.fase(fase)
        if leefgebied is not None:
            self.leefgebied(leefgebied)
        if aanbieder is not None:
            self.aanbieder(aanbieder)
        return tuple(
            i
            for i in self.instrumenten
            if (fase is None or fase in i.fasen)
            and (leefgebied is None or leefgebied in i.leefgebieden)
            and (aanbieder is None or i.aanbieder == aanbieder)
        )

    def bijgedragen_door(self, soort: str, item_id: str) -> tuple[str, ...]:
        """The plugins that contributed ``soort:item_id`` (e.g. ``"instrument", "5g-model"``).

        Rules are ``"regel"``; ``"overgangsregel"`` (hook API 1.0) is read as ``"regel"``.
        """
        if soort == "overgangsregel":
            soort = "regel"
        return tuple(self.herkomst.get(f"{soort}:{item_id}", ()))


def _methodiek_uit(velden: dict[str, Any]) -> Methodiek:
    """Unpickling: a Methodiek from the fields ``Methodiek.__reduce__`` kept."""
    return Methodiek(**velden)
