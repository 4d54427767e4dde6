"""The rules of a Methodiek compiled for the fold, kept by the engine outside the frozen value.

``compiled_rules(m)`` reads ``m.regels`` once and groups them per event type, in checking
order, so the fold asks each event only the rules that look at it. The result is kept per
Methodiek *by identity* (a dict of ``id(m)`` → weak reference and value, cleaned up when the
Methodiek goes away): a cache keyed by the value would hash the whole Methodiek per lookup,
and the Methodiek itself is never written to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ija_core._per_methodiek import state
from ija_core.errors import IjaError, PluginFout, RegelOvertreding
from ija_core.phases.rules import (
    ALLEEN_MET_BETROKKENE,
    BINNENKOMENDE_GEBEURTENISSEN,
    STATUSSEN,
    Afwijzing,
    Regel,
    Toestand,
    Voorstel,
)
from ija_core.traject.events import EVENT_TYPEN

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek

Check = Callable[[Any, Any], Any]
"""What the fold calls for one rule: the rule's own check, or for a rule with filters
(``naar``, ``van``, ``status``, ``aanbieder``) a wrapper that applies them first."""


class CompiledRules:
    """The rules of one Methodiek, grouped for the fold: the one route a rule is applied by.

    Built for the traject's rules (``compiled_rules``: ``m.regels``) and for the group's
    (``ija_core.groep.groep``: ``m.groepsregels``); both get the same filters (``naar``,
    ``van``, ``status``, ``aanbieder``), the same refusals and the same ``PluginFout`` for a
    plugin's rule that raises or returns something else than a refusal.

    The tables hold *checks* (callables), one per rule and never shared between two rules,
    so the fold calls them without unpacking anything; ``regel_van`` finds the rule behind a
    check when it refuses or raises.

    Attributes:
        per_type: per event type, the checks of the rules that look at it, in checking order.
        per_status: the same per traject status, without the rules of other statuses (the
            fold's table; empty for status ``""``, before aangemeld; see ``met_betrokkene``).
        vraag: the checks ``kan_naar`` asks about a ``fase-gewijzigd`` (rules that judge the
            event's moment left out).
        met_betrokkene: per status, the checks for a ``contact`` or ``doorverwezen`` that names
            a betrokkene; ``per_status`` holds them without the rules of
            ``ALLEEN_MET_BETROKKENE`` (which allow every one that names none).
        plugin_van: rule id → the plugin that contributed it (None for the built-in rules).
        eerste_fase: the fase ``aangemeld`` brings a traject into.
    """

    __slots__ = (
        "_regels",
        "eerste_fase",
        "met_betrokkene",
        "per_status",
        "per_type",
        "plugin_van",
        "vraag",
    )

    def __init__(
        self,
        m: Methodiek,
        regels: tuple[Regel, ...] | None = None,
        typen: Iterable[str] = EVENT_TYPEN,
    ) -> None:
        if regels is None:
            regels = m.regels
        ingebouwd = {p.name for p in m.plugins if p.status == "builtin"}
        self.plugin_van: dict[str, str | None] = {}
        for r in regels:
            namen = [n for n in m.bijgedragen_door("regel", r.id) if n not in ingebouwd]
            self.plugin_van[r.id] = namen[0] if namen else None
        self.eerste_fase: str | None = m.fasen[0].id if m.fasen else None
        self._regels: dict[int, Regel] = {}
        checks = [(r, self._check(r)) for r in regels]
        soorten = {*typen, *(s for r in regels for s in r.gebeurtenissen)}
        self.per_type: dict[str, tuple[Check, ...]] = {
            soort: tuple(c for r, c in checks if r.geldt_voor(soort)) for soort in soorten
        }
        self.per_status: dict[str, dict[str, tuple[Check, ...]]] = {
            status: {
                soort: tuple(
                    c for r, c in checks if r.geldt_voor(soort) and status in (r.status or (status,))
                )
                for soort in soorten
            }
            for status in STATUSSEN
        }
        self.per_status[""] = {}  # before aangemeld: the fold asks ``voor`` after its input checks
        # ``per_status`` asks a contact or doorverwezen only the rules that judge more than
        # the betrokkene it names (the fold's common case); one that names a betrokkene gets
        # every rule, from ``met_betrokkene``
        overslaan = {
            id(c)
            for r, c in checks
            if r.id in ALLEEN_MET_BETROKKENE and self.plugin_van.get(r.id) is None
        }
        self.met_betrokkene: dict[str, dict[str, tuple[Check, ...]]] = {}
        for status, tabel in self.per_status.items():
            self.met_betrokkene[status] = {}
            for soort in ("contact", "doorverwezen"):
                if soort in tabel:
                    self.met_betrokkene[status][soort] = tabel[soort]
                    tabel[soort] = tuple(c for c in tabel[soort] if id(c) not in overslaan)
        self.vraag: tuple[Check, ...] = tuple(
            c for r, c in checks if r.geldt_voor("fase-gewijzigd") and not r.vraagt_moment
        )

    def _check(self, regel: Regel) -> Check:
        """The check the tables hold for ``regel`` (unique to it; filters applied first)."""
        toets = regel.toets
        if regel.naar or regel.van or regel.status or regel.aanbieder is not None:
            geldt = self.geldt

            def gefilterd(t: Toestand, e: Voorstel) -> Any:
                return toets(t, e) if geldt(regel, t, e) else None

            check: Check = gefilterd
        elif id(toets) in self._regels:  # one function behind two rules: tell them apart

            def apart(t: Toestand, e: Voorstel) -> Any:
                return toets(t, e)

            check = apart
        else:
            check = toets
        self._regels[id(check)] = regel
        return check

    def regel_van(self, check: Check) -> Regel:
        """The rule behind a check of the tables."""
        return self._regels[id(check)]

    def voor(self, soort: str) -> tuple[Check, ...]:
        """The checks of the rules that look at events of this type."""
        checks = self.per_type.get(soort)
        if checks is None:  # a type no rule names: only the rules about every event
            checks = tuple(
                c for c in self.per_type.get("aangemeld", ()) if not self.regel_van(c).gebeurtenissen
            )
        return checks

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

    def afwijzing(self, regel: Regel, uitkomst: Any) -> Afwijzing:
        """A check's refusal as an ``Afwijzing`` of ``regel`` (its ``regel`` and ``plugin``
        filled in); ``PluginFout`` when it is neither text nor ``Afwijzing``."""
        plugin = self.plugin_van.get(regel.id)
        if isinstance(uitkomst, Afwijzing) and _tekst(uitkomst.uitleg):
            return Afwijzing(
                regel=regel.id, uitleg=uitkomst.uitleg, ontbreekt=uitkomst.ontbreekt, plugin=plugin
            )
        if _tekst(uitkomst):
            return Afwijzing(regel=regel.id, uitleg=uitkomst, plugin=plugin)
        wie = f"plugin {plugin}" if plugin else "ija-core"
        raise PluginFout(
            f"de regel {regel.id!r} van {wie} gaf {uitkomst!r} terug; een regel geeft None "
            f"(toegestaan), een Afwijzing of een niet-lege Nederlandse tekst (de reden)",
            plugin=plugin or "handboek",
            id=regel.id,
        )

    def afwijzingen(
        self, t: Toestand, e: Voorstel, checks: Iterable[Check] | None = None
    ) -> Iterator[Afwijzing]:
        """Every refusal of ``checks`` (by default the rules ``kan_naar`` asks about a
        ``fase-gewijzigd``) about ``e`` on ``t``, in checking order.

        A built-in rule that raises lets its error through (a bug of ija-core); a plugin's
        rule that raises, or returns something else than a refusal, gives ``PluginFout``.
        The fold has this loop inline (it is most of a replay); the state machine test
        (``kan_naar_klopt_met_registreer``) holds the two equal.
        """
        for check in self.vraag if checks is None else checks:
            try:
                uitkomst = check(t, e)
            except IjaError:
                raise
            except Exception as exc:
                fout = self.fout(self.regel_van(check), exc)
                if fout is exc:
                    raise
                raise fout from exc
            if uitkomst is not None:
                yield self.afwijzing(self.regel_van(check), uitkomst)


def _tekst(waarde: Any) -> bool:
    return isinstance(waarde, str) and bool(waarde.strip())


def overtreding(a: Afwijzing) -> RegelOvertreding:
    """The ``RegelOvertreding`` that ``registreer`` raises for a refusal (from ``afwijzing``)."""
    return RegelOvertreding(a.regel, a.uitleg, ontbreekt=a.ontbreekt, plugin=a.plugin)


def compiled_rules(m: Methodiek) -> CompiledRules:
    """The compiled rules of ``m``, built on first use and kept while ``m`` lives."""
    s = state(m)
    regels = s.regels
    if regels is None:
        regels = s.regels = CompiledRules(m)
    return regels

