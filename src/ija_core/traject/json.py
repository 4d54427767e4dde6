"""JSON for events and trajecten, plugged into the one converter of ``ija_core.serialization``.

Formats:

* an **event** is an object with ``"type"`` and the fields of its class (``ija.from_json(text,
  ija.Gebeurtenis, methodiek=m)`` picks the class from ``type``; a concrete class also accepts
  its own ``type``). Optional fields that are None are left out on output; ``resultaat`` of
  ``instrument-ingezet`` is always written (``null`` for an instrument without a result).
* a **traject** is ``{"formaat": "ija-traject/1", "events": [...]}``: the state is rebuilt by
  replaying the events, so ``from_json(to_json(t)) == t``. On input a bare array of events is
  accepted too. Paths in errors are ``$.events[3]...`` (object) or ``$[3]...`` (array).

Decoding is tuned as ``serialization`` describes: a fast path without detailed validation;
only when that fails is the event decoded again with the detailed converter, to report every
problem as ``path: message``. On the fast path each event type has a reader generated once
per methodiek (``ija_core.traject._snellezer``) that checks the fields inline with the
converter's strictness instead of calling a cattrs hook per field. Ids (fase, leefgebied, rol, aanbieder, instrument)
are checked against the methodiek inside the converter, so they are reported together with
type errors. The converter for ``methodiek=None`` uses ``load_methodiek()`` (the handbook and
every installed plugin), loaded once, on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import attrs
import cattrs
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.preconf.orjson import make_converter

from ija_core.errors import OngeldigeInvoer
from ija_core.serialization import (
    _Invoerfout,
    _type_naam,
    converter_voor,
    fouten_uit,
    parse_tijdstip,
    registreer_configuratie,
    registreer_ruwe_encoder,
)
from ija_core.traject._snellezer import Afwijking, Lezer, bouw_lezer
from ija_core.traject.events import (
    EVENT_TYPEN,
    AanbiederId,
    FaseId,
    Gebeurtenis,
    InstrumentIngezet,
    Jongere,
    LeefgebiedId,
    Levenscyclus,
    NietLeeg,
    RolId,
    Termijn,
    Voortgang,
)
from ija_core.traject.traject import Traject, _replay

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek

__all__ = ["FORMAAT", "event_lezer", "event_uit_data", "event_uit_object"]

FORMAAT = "ija-traject/1"
"""The value of ``"formaat"`` in a traject's JSON."""

_BEKENDE_TYPEN = ", ".join(EVENT_TYPEN)
_STANDAARD: list[Methodiek] = []


def _standaard_methodiek() -> Methodiek:
    if not _STANDAARD:
        from ija_core.plugins import load_methodiek

        _STANDAARD.append(load_methodiek())
    return _STANDAARD[0]


class _Bron:
    """The methodiek a converter checks ids against (the default one is loaded lazily)."""

    def __init__(self, methodiek: Methodiek | None) -> None:
        self._m = methodiek

    @property
    def m(self) -> Methodiek:
        if self._m is None:
            self._m = _standaard_methodiek()
        return self._m


def _geen_object(value: Any) -> str:
    return f"verwacht een object (kreeg {_type_naam(value)} {value!r})"


def _id_hook(bron: _Bron, soort: str, index: str) -> Callable[[Any, Any], str]:
    cache: list[dict[str, Any]] = []

    def structure(value: Any, _: Any) -> str:
        if not cache:
            cache.append(bron.m._index[index])
        ids = cache[0]
        if value.__class__ is str and value in ids:
            return str(value)
        if not isinstance(value, str):
            raise _Invoerfout(f"verwacht tekst (kreeg {_type_naam(value)} {value!r})")
        raise _Invoerfout(f"onbekende {soort} {value!r}; bekend zijn: {', '.join(ids) or '(geen)'}")

    return structure


def _niet_leeg(value: Any, _: Any) -> str:
    if value.__class__ is str and value.strip():
        return str(value)
    if isinstance(value, str):
        raise _Invoerfout(f"mag niet leeg zijn (kreeg {value!r})")
    raise _Invoerfout(f"verwacht tekst (kreeg {_type_naam(value)} {value!r})")


def _literal_hook(waarden: tuple[str, ...]) -> Callable[[Any, Any], str]:
    def structure(value: Any, _: Any) -> str:
        if value.__class__ is str and value in waarden:
            return str(value)
        raise _Invoerfout(f"verwacht een van: {', '.join(waarden)} (kreeg {value!r})")

    return structure


def _met_type(
    cls: type[Gebeurtenis], gen: Callable[[Any, Any], Any], detailed: bool
) -> Callable[[Any, Any], Any]:
    """Structure hook of one event class: accepts (and checks) its own ``type`` key."""
    soort = cls.TYPE

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ is not dict:
            raise _Invoerfout(_geen_object(value))
        if "type" in value:
            if value["type"] != soort:
                bericht = f"verwacht type {soort!r} (kreeg {value['type']!r})"
                if detailed:
                    raise OngeldigeInvoer(f"$.type: {bericht}")
                raise _Invoerfout(bericht)
            value = {k: v for k, v in value.items() if k != "type"}
        return gen(value, cls)

    return structure


_INSTRUMENT_VELDEN = frozenset(("op", "instrument", "resultaat"))


def _instrument_hook(
    conv: cattrs.Converter, bron: _Bron, detailed: bool
) -> Callable[[Any, Any], InstrumentIngezet]:
    """``instrument-ingezet``: the ``resultaat`` is structured into the instrument's class."""

    def structure(value: Any, _: Any) -> InstrumentIngezet:
        if value.__class__ is not dict:
            raise _Invoerfout(_geen_object(value))
        fouten: list[str] = []
        if "type" in value and value["type"] != InstrumentIngezet.TYPE:
            fouten.append(f"$.type: verwacht type 'instrument-ingezet' (kreeg {value['type']!r})")
        extra = sorted(k for k in value if k not in _INSTRUMENT_VELDEN and k != "type")
        if extra:
            fouten.append(f"$: onbekend veld ({', '.join(extra)})")
        op = None
        if "op" not in value:
            fouten.append("$.op: verplicht veld ontbreekt")
        else:
            try:
                op = parse_tijdstip(value["op"])
            except _Invoerfout as exc:
                fouten.append(f"$.op: {exc}")
        instrument = None
        instrument_id = value.get("instrument")
        if "instrument" not in value:
            fouten.append("$.instrument: verplicht veld ontbreekt")
        elif not isinstance(instrument_id, str):
            fouten.append(
                f"$.instrument: verwacht tekst (kreeg {_type_naam(instrument_id)} "
                f"{instrument_id!r})"
            )
        else:
            ids = bron.m._index["instrumenten"]
            instrument = ids.get(instrument_id)
            if instrument is None:
                fouten.append(
                    f"$.instrument: onbekend instrument {instrument_id!r}; bekend zijn: "
                    f"{', '.join(ids)}"
                )
        resultaat = None
        if "resultaat" not in value:
            fouten.append(
                "$.resultaat: verplicht veld ontbreekt (geef null bij een instrument zonder "
                "resultaat)"
            )
        elif instrument is not None:
            data = value["resultaat"]
            klasse = instrument.resultaat
            if klasse is None and data is not None:
                fouten.append(
                    f"$.resultaat: instrument {instrument_id!r} legt geen resultaat vast; geef null"
                )
            elif klasse is not None and data is None:
                fouten.append(
                    f"$.resultaat: instrument {instrument_id!r} vraagt een resultaat "
                    f"({klasse.__name__})"
                )
            elif klasse is not None and not isinstance(data, dict):
                fouten.append(f"$.resultaat: {_geen_object(data)}")
            elif klasse is not None:
                try:
                    resultaat = conv.structure(data, klasse)
                except Exception as exc:
                    if not detailed:
                        raise
                    fouten.extend(fouten_uit(exc, "$.resultaat"))
        if fouten:
            if detailed:
                raise OngeldigeInvoer(fouten)
            raise _Invoerfout(fouten[0])
        # no fouten means both were read:
        assert op is not None  # noqa: S101 - narrows for mypy
        assert isinstance(instrument_id, str)  # noqa: S101 - narrows for mypy
        return InstrumentIngezet(op=op, instrument=instrument_id, resultaat=resultaat)

    return structure


def _instrument_uit(conv: cattrs.Converter) -> Callable[[InstrumentIngezet], dict[str, Any]]:
    def unstructure(e: InstrumentIngezet) -> dict[str, Any]:
        r = e.resultaat
        return {
            "type": InstrumentIngezet.TYPE,
            "op": conv.unstructure(e.op),
            "instrument": e.instrument,
            "resultaat": None if r is None else conv.unstructure(r, r.__class__),
        }

    return unstructure


def _onbekend_type(value: Any) -> OngeldigeInvoer:
    if value.__class__ is not dict:
        return OngeldigeInvoer(
            f"$: verwacht een gebeurtenis: een object met 'type' (kreeg {_type_naam(value)} "
            f"{value!r})"
        )
    if "type" not in value:
        return OngeldigeInvoer(f"$.type: verplicht veld ontbreekt; bekende typen: {_BEKENDE_TYPEN}")
    if not isinstance(value["type"], str):
        return OngeldigeInvoer(
            f"$.type: verwacht tekst (kreeg {_type_naam(value['type'])} {value['type']!r}); "
            f"bekende typen: {_BEKENDE_TYPEN}"
        )
    return OngeldigeInvoer(
        f"$.type: onbekend gebeurtenistype {value['type']!r}; bekende typen: {_BEKENDE_TYPEN}"
    )


def _union_hook(hooks: dict[str, Callable[[Any, Any], Any]]) -> Callable[[Any, Any], Any]:
    """The tagged union on ``type``: an unknown or missing tag is invalid input naming ``$.type``."""

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ is not dict:
            raise _onbekend_type(value)
        tag: Any = value.get("type")
        hook = hooks.get(tag) if tag.__class__ is str else None
        if hook is None:
            raise _onbekend_type(value)
        return hook(value, None)

    return structure


class _SnelleUnie:
    """The fast converter's union on ``type``: a generated reader per event class.

    The readers (see ``ija_core.traject._snellezer``) are built on first use, when the
    methodiek's ids are known. A class the generator does not handle keeps the cattrs route:
    its generated structure function, after a check for unknown keys. Any problem raises; the
    caller decodes again with the detailed converter for the report.
    """

    def __init__(self, conv: cattrs.Converter, bron: _Bron) -> None:
        self._conv = conv
        self._bron = bron
        self._lezers: dict[str, Lezer] | None = None

    def lezers(self) -> dict[str, Lezer]:
        """Event type → reader of a JSON object with that ``type``."""
        if self._lezers is None:
            self._lezers = self._bouw()
        return self._lezers

    def _bouw(self) -> dict[str, Lezer]:
        m = self._bron.m
        tabel: dict[str, Lezer] = {}
        for soort, cls in EVENT_TYPEN.items():
            if cls is InstrumentIngezet:
                tabel[soort] = _als_lezer(_instrument_hook(self._conv, self._bron, False))
                continue
            lezer = bouw_lezer(cls, m)
            tabel[soort] = lezer if lezer is not None else _cattrs_lezer(self._conv, cls)
        return tabel

    def structure(self, value: Any, _: Any) -> Any:
        """The structure hook (a bound method: cheaper to call than ``__call__``)."""
        if value.__class__ is not dict:
            raise _onbekend_type(value)
        tag: Any = value.get("type")
        lezers = self._lezers or self.lezers()
        lezer = lezers.get(tag) if tag.__class__ is str else None
        if lezer is None:
            raise _onbekend_type(value)
        return lezer(value)


def _als_lezer(hook: Callable[[Any, Any], Any]) -> Lezer:
    def lees(value: dict[str, Any]) -> Any:
        return hook(value, None)

    return lees


def _cattrs_lezer(conv: cattrs.Converter, cls: type[Any]) -> Lezer:
    """The cattrs route of one event class: unknown keys checked without copying the event."""
    toegestaan = frozenset(("type", *(a.name for a in attrs.fields(cls))))
    gen = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=False)

    def lees(value: dict[str, Any]) -> Any:
        if not value.keys() <= toegestaan:
            raise Afwijking("onbekend veld")  # the detailed retry names the field
        return gen(value, cls)

    return lees


def _configureer(conv: cattrs.Converter, methodiek: Methodiek | None, detailed: bool) -> None:
    """Add the event union, id checks and the Traject hooks to a new converter."""
    bron = _Bron(methodiek)
    for alias, soort, index in (
        (FaseId, "fase", "fasen"),
        (LeefgebiedId, "leefgebied", "leefgebieden"),
        (RolId, "rol", "rollen"),
        (AanbiederId, "aanbieder", "aanbieders"),
    ):
        conv.register_structure_hook_func(
            lambda t, a=alias: t == a,  # type: ignore[misc]  # default binds the loop value
            _id_hook(bron, soort, index),
        )
    conv.register_structure_hook_func(lambda t: t == NietLeeg, _niet_leeg)
    for literal in (Termijn, Levenscyclus, Voortgang):
        conv.register_structure_hook_func(
            lambda t, lit=literal: t == lit,  # type: ignore[misc]  # default binds the loop value
            _literal_hook(literal.__args__),  # type: ignore[attr-defined]  # Literal members
        )

    jongere = make_dict_structure_fn(
        Jongere, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
    )

    def jongere_in(value: Any, _: Any) -> Jongere:
        if value.__class__ is not dict:
            raise _Invoerfout(_geen_object(value))
        result: Jongere = jongere(value, Jongere)
        return result

    conv.register_structure_hook(Jongere, jongere_in)

    in_hooks: dict[str, Callable[[Any, Any], Any]] = {}
    uit_hooks: dict[type[Any], Callable[[Any], Any]] = {}
    for soort, cls in EVENT_TYPEN.items():
        if cls is InstrumentIngezet:
            hook: Callable[[Any, Any], Any] = _instrument_hook(conv, bron, detailed)
            uit: Callable[[Any], Any] = _instrument_uit(conv)
        else:
            gen = make_dict_structure_fn(
                cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
            )
            hook = _met_type(cls, gen, detailed)
            velden = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
            uit = _uit_met_type(soort, velden)
        conv.register_structure_hook(cls, hook)
        conv.register_unstructure_hook(cls, uit)
        in_hooks[soort] = hook
        uit_hooks[cls] = uit

    union: Callable[[Any, Any], Any] = (
        _union_hook(in_hooks) if detailed else _SnelleUnie(conv, bron).structure
    )
    conv.register_structure_hook_func(lambda t: t is Gebeurtenis, union)
    conv.register_unstructure_hook_func(
        lambda t: t is Gebeurtenis, lambda e: uit_hooks[e.__class__](e)
    )

    def traject_in(value: Any, _: Any) -> Traject:
        if isinstance(value, list):
            return _replay(value, bron.m, "$")
        if value.__class__ is not dict:
            raise OngeldigeInvoer(
                f"$: verwacht een traject: een object met 'formaat' en 'events', of een lijst "
                f"van gebeurtenissen (kreeg {_type_naam(value)})"
            )
        fouten = []
        extra = sorted(k for k in value if k not in ("formaat", "events"))
        if extra:
            fouten.append(f"$: onbekend veld ({', '.join(extra)})")
        if "formaat" not in value:
            fouten.append(f"$.formaat: verplicht veld ontbreekt (verwacht {FORMAAT!r})")
        elif value["formaat"] != FORMAAT:
            fouten.append(
                f"$.formaat: onbekend formaat {value['formaat']!r}; deze versie leest {FORMAAT!r}"
            )
        if "events" not in value:
            fouten.append("$.events: verplicht veld ontbreekt")
        if fouten:
            raise OngeldigeInvoer(fouten)
        return _replay(value["events"], bron.m, "$.events")

    def traject_uit(t: Traject) -> dict[str, Any]:
        return {"formaat": FORMAAT, "events": [uit_hooks[e.__class__](e) for e in t.events]}

    # Predicates, not class hooks: a class hook would resolve Traject's annotations, and
    # ``Methodiek`` is only imported for type checking there.
    conv.register_structure_hook_func(lambda t: t is Traject, traject_in)
    conv.register_unstructure_hook_func(lambda t: t is Traject, traject_uit)


def _uit_met_type(soort: str, velden: Callable[[Any], dict[str, Any]]) -> Callable[[Any], Any]:
    def unstructure(e: Any) -> dict[str, Any]:
        return {"type": soort, **velden(e)}

    return unstructure


registreer_configuratie(_configureer)


# --- fast encoding for to_json -------------------------------------------------------------------


def _ruwe_encoders() -> dict[type[Any], Callable[[Any, Any], Any]]:
    """Per event class: data for orjson with datetimes and dates left as objects.

    orjson writes them exactly as ``isoformat()`` does, about ten times faster; the output of
    ``to_json`` is the same as through ``unstructure``.
    """
    ruw = make_converter()
    ruw.register_unstructure_hook(datetime, identity)
    ruw.register_unstructure_hook(date, identity)
    encoders: dict[type[Any], Callable[[Any, Any], Any]] = {}
    for soort, cls in EVENT_TYPEN.items():
        if cls is InstrumentIngezet:
            encoders[cls] = _instrument_ruw
        else:
            velden = make_dict_unstructure_fn(cls, ruw, _cattrs_omit_if_default=True)
            encoders[cls] = _ruw_met_type(soort, velden)
    return encoders


def _ruw_met_type(soort: str, velden: Callable[[Any], dict[str, Any]]) -> Callable[[Any, Any], Any]:
    def encode(e: Any, _m: Any) -> dict[str, Any]:
        return {"type": soort, **velden(e)}

    return encode


def _instrument_ruw(e: InstrumentIngezet, m: Any) -> dict[str, Any]:
    r = e.resultaat
    return {
        "type": InstrumentIngezet.TYPE,
        "op": e.op,
        "instrument": e.instrument,
        "resultaat": None if r is None else converter_voor(m).unstructure(r, r.__class__),
    }


_RUW = _ruwe_encoders()


def _traject_ruw(t: Traject, _m: Any) -> dict[str, Any]:
    m = t.methodiek
    return {"formaat": FORMAAT, "events": [_RUW[e.__class__](e, m) for e in t.events]}


registreer_ruwe_encoder(Traject, _traject_ruw)
for _cls, _encoder in _RUW.items():
    registreer_ruwe_encoder(_cls, _encoder)


# --- reading one event -------------------------------------------------------------------------


def event_uit_data(data: Any, methodiek: Methodiek, pad: str = "$") -> Gebeurtenis:
    """Decode one event from JSON-shaped data; invalid input is reported under ``pad``."""
    try:
        e: Gebeurtenis = converter_voor(methodiek).structure(data, Gebeurtenis)
        return e
    except OngeldigeInvoer as exc:
        raise exc.met_prefix(pad) from None
    except Exception:  # noqa: BLE001, S110 - decoded again below with detailed validation
        pass
    return _gedetailleerd(data, methodiek, pad)


def _gedetailleerd(data: Any, methodiek: Methodiek, pad: str) -> Gebeurtenis:
    """Decode with detailed validation: every problem as ``path: message``."""
    try:
        e: Gebeurtenis = converter_voor(methodiek, detailed=True).structure(data, Gebeurtenis)
    except OngeldigeInvoer as exc:
        raise exc.met_prefix(pad) from None
    except Exception as exc:  # noqa: BLE001 - turned into the library's own error with paths
        raise OngeldigeInvoer(fouten_uit(exc, pad)) from None
    return e


def event_uit_object(e: Gebeurtenis, methodiek: Methodiek, pad: str = "$") -> Gebeurtenis:
    """Check an event object built in Python by passing it through its JSON form."""
    conv = converter_voor(methodiek)
    try:
        data = conv.unstructure(e, e.__class__)
    except Exception as exc:  # noqa: BLE001 - a value of the wrong type; reported as invalid input
        raise OngeldigeInvoer(
            f"{pad}: {type(e).__name__} bevat een waarde van het verkeerde type "
            f"({type(exc).__name__}: {exc})"
        ) from None
    return event_uit_data(data, methodiek, pad)


def event_lezer(methodiek: Methodiek) -> Callable[[Any], Gebeurtenis]:
    """A fast reader of events (dicts or objects) for this methodiek, cached on it.

    A dict goes straight to the generated reader of its ``type``; only when that refuses is
    it decoded again with detailed validation, for the report (or for the rare valid input the
    reader is stricter about, such as a ``str`` subclass).
    """
    lezer: Callable[[Any], Gebeurtenis] | None = methodiek._cache.get("event-lezer")
    if lezer is not None:
        return lezer
    unie = getattr(converter_voor(methodiek).get_structure_hook(Gebeurtenis), "__self__", None)
    lezers = unie.lezers() if isinstance(unie, _SnelleUnie) else {}

    def lees(data: Any) -> Gebeurtenis:
        if data.__class__ is dict:
            tag = data.get("type")
            snel = lezers.get(tag) if tag.__class__ is str else None
            if snel is not None:
                try:
                    e: Gebeurtenis = snel(data)
                    return e
                except OngeldigeInvoer:
                    raise
                except Exception:  # noqa: BLE001, S110 - decoded again with detailed validation
                    pass
            return _gedetailleerd(data, methodiek, "$")
        if isinstance(data, dict):
            return lees(dict(data))
        if isinstance(data, Gebeurtenis):
            return event_uit_object(data, methodiek)
        raise OngeldigeInvoer(
            f"$: verwacht een gebeurtenis: een object met 'type' of een Gebeurtenis "
            f"(kreeg {_type_naam(data)})"
        )

    methodiek._cache["event-lezer"] = lees
    return lees
