"""The rules of a Methodiek compiled for the fold, kept by the engine outside the frozen value.

``compiled_rules(m)`` reads ``m.regels`` once and groups them per event type, in checking
order, so the fold asks each event only the rules that look at it. The result is kept per
Methodiek *by identity* (a dict of ``id(m)`` → weak reference and value, cleaned up when the
Methodiek goes away): a cache keyed by the value would hash the whole Methodiek per lookup,
and the Methodiek itself is never written to.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ija_core.errors import IjaError, PluginFout, RegelOvertreding
from ija_core.phases.rules import (
    BINNENKOMENDE_GEBEURTENISSEN,
    STATUSSEN,
    Afwijzing,
    Regel,
    Toestand,
    Voorstel,
)
from ija_core.traject.events import EVENT_TYPEN
from ija_core.traject.state import Weigering

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek

Stap = tuple[Regel, bool, Callable[[Any, Any], Any]]
"""A rule, whether it has filters beyond its event types (``naar``, ``van``, ``status``,
``aanbieder``), and
its check (taken out once, so the fold does not look it up per event)."""


class CompiledRules:
    """The rules of one Methodiek, grouped for the fold.

    Attributes:
        per_type: per event type, the rules that look at it, in checking order.
        per_status: the same per traject status, without the rules of other statuses (the
            fold's table; empty for status ``""``, before aangemeld).
        vraag: the rules ``kan_naar`` asks about a ``fase-gewijzigd`` (those that judge the
            event's moment left out).
        plugin_van: rule id → the plugin that contributed it (None for the built-in rules).
        eerste_fase: the fase ``aangemeld`` brings a traject into.
    """

    __slots__ = ("eerste_fase", "per_status", "per_type", "plugin_van", "vraag")

    def __init__(self, m: Methodiek) -> None:
        ingebouwd = {p.name for p in m.plugins if p.status == "builtin"}
        self.plugin_van: dict[str, str | None] = {}
        for r in m.regels:
            namen = [n for n in m.bijgedragen_door("regel", r.id) if n not in ingebouwd]
            self.plugin_van[r.id] = namen[0] if namen else None
        stappen: list[Stap] = [
            (r, bool(r.naar or r.van or r.status or r.aanbieder is not None), r.toets) for r in m.regels
        ]
        soorten = {*EVENT_TYPEN, *(s for r in m.regels for s in r.gebeurtenissen)}
        self.per_type: dict[str, tuple[Stap, ...]] = {
            soort: tuple(s for s in stappen if s[0].geldt_voor(soort)) for soort in soorten
        }
        self.per_status: dict[str, dict[str, tuple[Stap, ...]]] = {
            status: {
                soort: tuple(s for s in rij if not s[0].status or status in s[0].status)
                for soort, rij in self.per_type.items()
            }
            for status in STATUSSEN
        }
        self.per_status[""] = {}  # before aangemeld: the fold asks ``voor`` after its input checks
        self.vraag: tuple[Stap, ...] = tuple(
            s for s in self.per_type["fase-gewijzigd"] if not s[0].vraagt_moment
        )
        self.eerste_fase: str | None = m.fasen[0].id if m.fasen else None

    def voor(self, soort: str) -> tuple[Stap, ...]:
        """The rules that look at events of this type."""
        stappen = self.per_type.get(soort)
        if stappen is None:  # a type no rule names: only the rules about every event
            stappen = tuple(
                s for s in self.per_type.get("aangemeld", ()) if not s[0].gebeurtenissen
            )
        return stappen

    def geldt(self, regel: Regel, t: Toestand, e: Voorstel) -> bool:
        """Whether a rule with filters is asked about ``e`` on ``t`` (``naar``, ``van``, aanbieder)."""
        if regel.status and t.status not in regel.status:
            return False
        if regel.aanbieder is not None and regel.aanbieder != t.aanbieder:
            return False
        if regel.van and t.fase not in regel.van:
            return False
        if regel.naar:
            soort = e.TYPE
            if soort not in BINNENKOMENDE_GEBEURTENISSEN:
                return False
            doel = self.eerste_fase if soort == "aangemeld" else getattr(e, "naar", None)
            return doel in regel.naar
        return True

    def fout(self, regel: Regel, exc: Exception) -> Exception:
        """What to raise when a rule's check raised ``exc``: ``PluginFout`` for a plugin's rule.

        A built-in rule that raises is a bug of ija-core: ``exc`` itself, unchanged.
        """
        plugin = self.plugin_van.get(regel.id)
        if plugin is None:
            return exc
        return PluginFout(
            f"de regel {regel.id!r} van plugin {plugin} gaf een fout: "
            f"{type(exc).__name__}: {exc}",
            plugin=plugin,
            id=regel.id,
        )

    def weigering(self, regel: Regel, uitkomst: Any) -> Weigering:
        """A refusal as a ``Weigering``; ``PluginFout`` when it is neither text nor ``Afwijzing``."""
        plugin = self.plugin_van.get(regel.id)
        if isinstance(uitkomst, Afwijzing) and isinstance(uitkomst.uitleg, str) and uitkomst.uitleg.strip():
            return Weigering(
                regel=regel.id, uitleg=uitkomst.uitleg, ontbreekt=uitkomst.ontbreekt, plugin=plugin
            )
        if isinstance(uitkomst, str) and uitkomst.strip():
            return Weigering(regel=regel.id, uitleg=uitkomst, plugin=plugin)
        wie = f"plugin {plugin}" if plugin else "ija-core"
        raise PluginFout(
            f"de regel {regel.id!r} van {wie} gaf {uitkomst!r} terug; een regel geeft None "
            f"(toegestaan), een Afwijzing of een niet-lege Nederlandse tekst (de reden)",
            plugin=plugin or "handboek",
            id=regel.id,
        )

    def weigeringen(self, t: Toestand, e: Voorstel) -> Iterator[Weigering]:
        """Every refusal of the rules ``kan_naar`` asks about ``e`` (a ``fase-gewijzigd``)."""
        for regel, beperkt, toets in self.vraag:
            if beperkt and not self.geldt(regel, t, e):
                continue
            try:
                uitkomst = toets(t, e)
            except IjaError:
                raise
            except Exception as exc:
                fout = self.fout(regel, exc)
                if fout is exc:
                    raise
                raise fout from exc
            if uitkomst is not None:
                yield self.weigering(regel, uitkomst)


def overtreding(w: Weigering) -> RegelOvertreding:
    """The ``RegelOvertreding`` that ``registreer`` raises for a refusal."""
    return RegelOvertreding(w.regel, w.uitleg, ontbreekt=w.ontbreekt, plugin=w.plugin)


_per_methodiek: dict[int, tuple[weakref.ref[Any], CompiledRules]] = {}
_slot = threading.Lock()


def compiled_rules(m: Methodiek) -> CompiledRules:
    """The compiled rules of ``m``, built on first use and kept while ``m`` lives."""
    sleutel = id(m)
    gevonden = _per_methodiek.get(sleutel)
    if gevonden is not None and gevonden[0]() is m:
        return gevonden[1]
    regels = CompiledRules(m)

    def weg(ref: weakref.ref[Any], sleutel: int = sleutel) -> None:
        with _slot:
            huidig = _per_methodiek.get(sleutel)
            if huidig is not None and huidig[0] is ref:
                del _per_methodiek[sleutel]

    with _slot:
        _per_methodiek[sleutel] = (weakref.ref(m, weg), regels)
    return regels
