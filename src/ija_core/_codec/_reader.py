"""Fast readers of events: one generated function per event class, per codec (methodiek).

The cattrs converter decodes an event through one hook call per field and builds it with
keyword arguments. For the common case (valid input) that is most of the cost of reading a
traject, so this module writes, once per methodiek, a straight-line function per event class
that checks every field inline with exactly the strictness of the converter's hooks (no
coercion, unknown keys refused, ids checked against the methodiek, timestamps and dates
through the same parsers) and builds the frozen event.

A reader never explains: any problem makes it raise, and the caller decodes the event again
with the detailed converter, which reports every problem as ``path: message`` (and which also
accepts the rare valid input that the reader is too strict for, such as a ``str`` subclass).
So the reader may refuse more than the converter, never less.

Building: when an event class has no attrs validators, converters or ``__attrs_pre_init__`` /
``__attrs_post_init__`` (its ``__init__`` then only stores each argument in its slot), the
reader stores the values through the slot descriptors directly, which is what that
``__init__`` does, without the keyword-argument call. A class with any of those is built by
calling it, so its checks always run.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import (
    Annotated,
    Any,
    Literal,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

import attrs

from ija_core._codec._strict import (
    JAREN,
    SCHEIDINGSTEKENS_25,
    losse_surrogaat,
    parse_datum,
    parse_tijdstip,
)
from ija_core.traject.events import NietLeeg, Tekstsoort

__all__ = ["Afwijking", "Lezer", "bouw_lezer", "snel_te_bouwen"]

Lezer = Callable[[dict[str, Any]], Any]
"""Reads one JSON object (a ``dict``) into an instance, or raises (any exception)."""


class Afwijking(Exception):
    """The fast reader gives up on this input; decode it again with detailed validation."""


class NietOndersteund(Exception):
    """A field type the generator does not handle; the class keeps the cattrs route."""


_ONTBREEKT = object()


def snel_te_bouwen(cls: type[Any]) -> bool:
    """Whether ``cls.__init__`` only stores its arguments (so slots may be set directly).

    True for an attrs class with slots whose fields are all in ``__init__`` and have no
    validator, no converter, and no pre- or post-init hook.
    """
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        return False
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return False
    for a in attrs.fields(cls):
        if not a.init or a.validator is not None or a.converter is not None:
            return False
        if not isinstance(getattr(cls, a.name, None), types.MemberDescriptorType):
            return False
    return True


class _Generator:
    """Writes the source of the readers; the values they use live in one namespace."""

    def __init__(self, ids: Mapping[str, frozenset[str]]) -> None:
        self.ids = ids
        self.ns: dict[str, Any] = {
            "_A": Afwijking,
            "_M": _ONTBREEKT,
            "_tijd": parse_tijdstip,
            "_iso": datetime.fromisoformat,
            "_TV": SCHEIDINGSTEKENS_25,
            "_datum": parse_datum,
            "_new": object.__new__,
            "_S": losse_surrogaat,
            "_J0": JAREN[0],
            "_J1": JAREN[1],
        }
        self._teller = 0
        self._genest: dict[type[Any], str] = {}

    def naam(self, waarde: Any, hint: str) -> str:
        """Put ``waarde`` in the namespace under a fresh name."""
        self._teller += 1
        naam = f"_{hint}_{self._teller}"
        self.ns[naam] = waarde
        return naam

    # -- one field --------------------------------------------------------------------------

    def controle(self, t: Any, var: str) -> str | None:
        """A condition that is true when ``var`` does not fit ``t``; None if ``t`` converts."""
        if t is str:
            return f"{var}.__class__ is not str or not {var}.isascii() and _S({var})"
        if t is bool:
            return f"{var}.__class__ is not bool"
        if t is int:
            return f"{var}.__class__ is not int"
        if t == NietLeeg:
            return (
                f"{var}.__class__ is not str or not {var} or {var}.isspace() "
                f"or not {var}.isascii() and _S({var})"
            )
        if get_origin(t) is Annotated:
            basis, *extra = get_args(t)
            soort = next((x for x in extra if isinstance(x, Tekstsoort)), None)
            if basis is str and soort is not None and soort.naam in self.ids:
                ids = self.naam(self.ids[soort.naam], "ids")
                return f"{var}.__class__ is not str or {var} not in {ids}"
            raise NietOndersteund(repr(t))
        if get_origin(t) is Literal:
            waarden = get_args(t)
            if not all(w.__class__ is str for w in waarden):
                raise NietOndersteund(repr(t))
            keuzes = self.naam(frozenset(waarden), "keuzes")
            return f"{var}.__class__ is not str or {var} not in {keuzes}"
        return None

    def regels(self, t: Any, var: str) -> list[str]:
        """Lines that check ``var`` against ``t`` and convert it in place, or raise."""
        conditie = self.controle(t, var)
        if conditie is not None:
            return [f"if {conditie}: raise _A"]
        if t is datetime:
            # parse_tijdstip's fast path, inline; anything else goes through it in full
            return [
                f"if {var}.__class__ is str and len({var}) == 25 and {var}[4::3] in _TV:",
                f"    _t = _iso({var})",
                f"    {var} = _t if _J0 < _t.year < _J1 else _tijd({var})",
                "else:",
                f"    {var} = _tijd({var})",
            ]
        if t is date:
            return [f"{var} = _datum({var})"]
        origin, args = get_origin(t), get_args(t)
        if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
            binnen = args[0] if args[1] is type(None) else args[1]
            return [f"if {var} is not None:", *("    " + r for r in self.regels(binnen, var))]
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            element = self.controle(args[0], "_x")
            if element is None:
                raise NietOndersteund(repr(t))
            return [
                f"if {var}.__class__ is not list and {var}.__class__ is not tuple: raise _A",
                f"for _x in {var}:",
                f"    if {element}: raise _A",
                f"{var} = tuple({var})",
            ]
        if isinstance(t, type) and attrs.has(t):
            return [f"{var} = {self.genest(t)}({var})"]
        raise NietOndersteund(repr(t))

    # -- one class --------------------------------------------------------------------------

    def genest(self, cls: type[Any]) -> str:
        """The name of the reader of a nested record (e.g. ``Jongere``)."""
        if cls not in self._genest:
            naam = self.naam(None, f"lees_{cls.__name__}")
            self._genest[cls] = naam
            self.ns[naam] = self.functie(cls, met_type=False)
        return self._genest[cls]

    def functie(self, cls: type[Any], *, met_type: bool) -> Lezer:
        """Generate and compile the reader of ``cls``.

        ``met_type``: the object carries a ``"type"`` key, already checked by the caller.
        """
        hints = get_type_hints(cls, include_extras=True)
        velden = attrs.fields(cls)
        vast = int(met_type) + sum(1 for a in velden if a.default is attrs.NOTHING)
        heeft_optioneel = any(a.default is not attrs.NOTHING for a in velden)
        body = [] if met_type else ["if d.__class__ is not dict: raise _A"]
        if not heeft_optioneel:
            body.append(f"if len(d) != {vast}: raise _A")
        for a in velden:
            if a.default is attrs.NOTHING:
                var = f"v_{a.name}"
                body.append(f"{var} = d[{a.name!r}]")
                body.extend(self.regels(hints[a.name], var))
        if heeft_optioneel:
            # every required key was read above, so a dict of exactly that many keys holds no
            # optional one: the defaults, without looking them up (the common case)
            alleen_standaard: list[str] = []
            opzoeken = [f"n = {vast}"]
            for a in velden:
                if a.default is attrs.NOTHING:
                    continue
                if isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]  # attrs.Factory is a class at runtime
                    raise NietOndersteund(f"{cls.__name__}.{a.name}: factory default")
                var = f"v_{a.name}"
                standaard = self.naam(a.default, "standaard")
                alleen_standaard.append(f"{var} = {'None' if a.default is None else standaard}")
                opzoeken += [
                    f"{var} = d.get({a.name!r}, _M)",
                    f"if {var} is _M: {var} = {standaard}",
                    "else:",
                    "    n += 1",
                    *("    " + r for r in self.regels(hints[a.name], var)),
                ]
            opzoeken.append("if len(d) != n: raise _A")
            body += [
                f"if len(d) == {vast}:",
                *("    " + r for r in alleen_standaard),
                "else:",
                *("    " + r for r in opzoeken),
            ]
        klasse = self.naam(cls, "cls")
        if snel_te_bouwen(cls):
            body.append(f"o = _new({klasse})")
            for a in velden:
                zet = self.naam(getattr(cls, a.name).__set__, f"zet_{a.name}")
                body.append(f"{zet}(o, v_{a.name})")
            body.append("return o")
        else:
            argumenten = ", ".join(f"{a.name}=v_{a.name}" for a in velden)
            body.append(f"return {klasse}({argumenten})")
        naam = f"lees_{cls.__name__}"
        bron = f"def {naam}(d):\n" + "".join(f"    {regel}\n" for regel in body)
        code = compile(bron, f"<ija-core snelle lezer {cls.__module__}.{cls.__qualname__}>", "exec")
        exec(code, self.ns)  # noqa: S102 - our own generated source, as cattrs and attrs do
        functie: Lezer = self.ns.pop(naam)
        return functie


def bouw_lezer(
    cls: type[Any], ids: Mapping[str, frozenset[str]], *, met_type: bool = True
) -> Lezer | None:
    """The generated fast reader of ``cls``, or None when a field type is not supported (the
    caller then keeps the cattrs route for that class).

    ``ids``: per ``Tekstsoort`` name (``"fase"``, ``"rol"`` ...) the ids the methodiek knows.
    """
    try:
        return _Generator(ids).functie(cls, met_type=met_type)
    except NietOndersteund:
        return None
