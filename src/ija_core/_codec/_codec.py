"""The codec of one Methodiek: its strict cattrs converters and its event readers.

``codec_voor(m)`` gives the ``Codec`` of a Methodiek, built on first use and kept in this
module keyed by the Methodiek's identity (never inside the frozen value, never hashing it):
an entry lives as long as its Methodiek. A codec keeps no reference to the Methodiek itself,
only what it derived from it: the ids of fasen, leefgebieden, rollen and aanbieders, and the
instruments with their result classes. Nothing is registered at import time and nothing here
loads plugins: a codec knows exactly the Methodiek it was built from.

Decoding runs a fast route first; only when that refuses is the input decoded again with
detailed validation, which reports every problem as ``path: message``:

* the fast route of an event is a reader generated per event class (``_reader``), falling
  back to cattrs' generated function for a class the generator does not handle;
* the detailed route is a cattrs converter with ``detailed_validation=True``.

``codec_voor(None)`` is the codec of the handbook's definitions: it reads and writes
definitions (instruments, norms, results of the handbook's instruments) and writes events,
but reading an event needs a Methodiek (its ids) and raises ``OngeldigeInvoer`` saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs
import orjson

from ija_core._codec._hooks import (
    BEKENDE_GROEPSTYPEN,
    ZONDER_METHODIEK,
    als_lezer,
    cattrs_lezer,
    geen_object,
    id_hook,
    instrument_hook,
    literal_hook,
    met_type,
    met_type_uit,
    niet_leeg,
    onbekend_type,
    strikt_record,
    strikte_mapping,
    strikte_reeks,
    union_hook,
)
from ija_core._codec._reader import Lezer, bouw_lezer
from ija_core._codec._strict import (
    Invoerfout,
    duur_in,
    duur_uit,
    fouten_uit,
    is_homogene_tuple,
    is_literal,
    is_mapping,
    is_record,
    onveilige_invoer,
    parse_datum,
    parse_tijdstip,
    strikte_bool,
    strikte_float,
    strikte_int,
    strikte_literal,
    strikte_str,
    tijdstip_uit,
    type_naam,
)
from ija_core._per_methodiek import state
from ija_core.errors import Fout, OngeldigeInvoer
from ija_core.groep.events import GROEP_EVENT_TYPEN, BijeenkomstVoor, GroepGebeurtenis
from ija_core.methodiek import Methodiek
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
    OpschalingId,
    RelatieId,
    RolId,
    Termijn,
    ToestemmingVoor,
    Voortgang,
)

if TYPE_CHECKING:
    import cattrs

    from ija_core.tools.model import Instrument

__all__ = ["Codec", "codec_voor", "controleer_methodiek"]

T = TypeVar("T")

_ID_SOORTEN: tuple[tuple[Any, str, str], ...] = (
    (FaseId, "fase", "fasen"),
    (LeefgebiedId, "leefgebied", "leefgebieden"),
    (RolId, "rol", "rollen"),
    (AanbiederId, "aanbieder", "aanbieders"),
    (RelatieId, "relatie", "relaties"),
    (OpschalingId, "opschaling", "opschalingen"),
)
"""(field type, ``Tekstsoort`` name and word in messages, the Methodiek's attribute)."""


@attrs.frozen
class _Stroom:
    """One kind of event stream the codec reads: a traject's or a group's.

    Attributes:
        naam: the word for one event in messages (and the key of its reader table).
        typen: the event table, type → record class.
        basis: the base class of its events.
    """

    naam: str
    typen: Mapping[str, type[Any]]
    basis: type[Any]


_TRAJECT = _Stroom(naam="gebeurtenis", typen=EVENT_TYPEN, basis=Gebeurtenis)
_GROEP = _Stroom(naam="groepsgebeurtenis", typen=GROEP_EVENT_TYPEN, basis=GroepGebeurtenis)


def _type_id(cls: type[Any]) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


class Codec:
    """The converters and event readers of one Methodiek (see the module docstring).

    Build it through ``codec_voor``; everything is built lazily, on first use.
    """

    def __init__(self, methodiek: Methodiek | None) -> None:
        self.met_methodiek = methodiek is not None
        if methodiek is not None:
            self.ids: dict[str, frozenset[str]] = {
                soort: frozenset(x.id for x in getattr(methodiek, attr))
                for _, soort, attr in _ID_SOORTEN
            }
            self._volgorde: dict[str, tuple[str, ...]] = {
                soort: tuple(x.id for x in getattr(methodiek, attr))
                for _, soort, attr in _ID_SOORTEN
            }
            instrumenten: tuple[Instrument, ...] = methodiek.instrumenten
        else:
            from ija_core.tools.catalogue import HANDBOEK_INSTRUMENTEN

            self.ids = {soort: frozenset() for _, soort, _ in _ID_SOORTEN}
            self._volgorde = {soort: () for _, soort, _ in _ID_SOORTEN}
            instrumenten = tuple(HANDBOEK_INSTRUMENTEN)
        self.instrumenten: dict[str, Instrument] = {i.id: i for i in instrumenten}
        self._resultaattypen = {
            _type_id(i.resultaat): i.resultaat for i in instrumenten if i.resultaat
        }
        self._snel: cattrs.Converter | None = None
        self._detail: cattrs.Converter | None = None
        self._tabellen: dict[str, dict[str, Lezer]] = {}  # per _Stroom.naam: type → reader
        self._encoders: dict[type[Any], Callable[[Any], dict[str, Any]]] | None = None

    # -- the converters -------------------------------------------------------------------------

    @property
    def snel(self) -> cattrs.Converter:
        """The fast converter (no detailed validation; any problem raises)."""
        if self._snel is None:
            self._snel = self._bouw_converter(detailed=False)
        return self._snel

    @property
    def gedetailleerd(self) -> cattrs.Converter:
        """The converter with detailed validation, for the error report."""
        if self._detail is None:
            self._detail = self._bouw_converter(detailed=True)
        return self._detail

    def structure(self, data: Any, cls: type[T]) -> T:
        """Build ``cls`` from JSON-shaped data, strictly; raises ``OngeldigeInvoer`` with paths."""
        try:
            result: T = self.snel.structure(data, cls)
            return result
        except OngeldigeInvoer:
            raise
        except Exception:  # noqa: BLE001, S110 - decoded again below for the report
            pass
        return self._in_detail(data, cls)

    def _in_detail(self, data: Any, cls: type[T]) -> T:
        """Decode ``data`` again with detailed validation, for input the fast route refused:
        the result, or ``OngeldigeInvoer`` with every problem and its path."""
        fouten = onveilige_invoer(data)
        if fouten:
            raise OngeldigeInvoer(fouten)
        try:
            result: T = self.gedetailleerd.structure(data, cls)
        except OngeldigeInvoer:
            raise
        except Exception as exc:  # noqa: BLE001 - turned into the library's own error with paths
            raise OngeldigeInvoer(fouten_uit(exc)) from None
        return result

    def unstructure(self, obj: Any, cls: Any = None) -> Any:
        """``obj`` as JSON-shaped data (dicts, lists, strings, numbers)."""
        return self.snel.unstructure(obj, cls)

    # -- events -----------------------------------------------------------------------------------

    def lees_event(self, data: Any) -> Gebeurtenis:
        """Read one event: a JSON dict, or an event object checked through its JSON form.

        Invalid input raises ``OngeldigeInvoer`` with paths from ``$`` (the event).
        """
        e: Gebeurtenis = self._lees(_TRAJECT, data)
        return e

    def lees_groep_event(self, data: Any) -> GroepGebeurtenis:
        """Read one group event, as ``lees_event`` reads a traject's (the group's own event
        table, ``GROEP_EVENT_TYPEN``)."""
        e: GroepGebeurtenis = self._lees(_GROEP, data)
        return e

    def lezers(self) -> dict[str, Lezer]:
        """Event type → the fast reader of a JSON object with that ``type``."""
        return self._lezers_van(_TRAJECT)

    def groepslezers(self) -> dict[str, Lezer]:
        """Group event type → the fast reader of a JSON object with that ``type``."""
        return self._lezers_van(_GROEP)

    def _lees(self, stroom: _Stroom, data: Any) -> Any:
        """One event of ``stroom`` (a traject's or a group's): the fast reader of its type for
        a plain dict, else (or when the fast reader refuses) the detailed decode, which reads
        it in full or reports every problem with its path."""
        if data.__class__ is dict:
            tag = data.get("type")
            lezers = self._tabellen.get(stroom.naam)
            if lezers is None:
                lezers = self._lezers_van(stroom)
            snel = lezers.get(tag) if tag.__class__ is str else None
            if snel is not None:
                try:
                    return snel(data)
                except OngeldigeInvoer:
                    raise
                except Exception:  # noqa: BLE001, S110 - decoded again with detailed validation
                    pass
            return self._in_detail(data, stroom.basis)
        if isinstance(data, dict):
            return self._lees(stroom, dict(data))
        if isinstance(data, stroom.basis):
            return self._lees(stroom, self._json_van_object(data))
        raise OngeldigeInvoer(
            [
                Fout(
                    "$",
                    "type",
                    f"verwacht een {stroom.naam}: een object met 'type' of een "
                    f"{stroom.basis.__name__} (kreeg {type_naam(data)})",
                )
            ]
        )

    def _lezers_van(self, stroom: _Stroom) -> dict[str, Lezer]:
        """Event type → fast reader, for the event table of ``stroom`` (built once)."""
        tabel = self._tabellen.get(stroom.naam)
        if tabel is None:
            if not self.met_methodiek:
                raise OngeldigeInvoer(f"$: {ZONDER_METHODIEK}")
            conv = self.snel
            tabel = {}
            for soort, cls in stroom.typen.items():
                if cls is InstrumentIngezet:
                    tabel[soort] = als_lezer(
                        instrument_hook(conv, self.instrumenten, detailed=False)
                    )
                    continue
                lezer = bouw_lezer(cls, self.ids)
                tabel[soort] = lezer if lezer is not None else cattrs_lezer(conv, cls)
            self._tabellen[stroom.naam] = tabel
        return tabel

    def _json_van_object(self, e: Gebeurtenis | GroepGebeurtenis) -> dict[str, Any]:
        """An event object built in Python as the JSON it stands for (checked as JSON is)."""
        data = self.event_data(e)
        fouten = onveilige_invoer(data)
        if fouten:
            raise OngeldigeInvoer(fouten)
        try:
            tekst = orjson.dumps(data)
        except orjson.JSONEncodeError:
            fouten = [
                Fout(
                    f"$.{veld}",
                    "type",
                    f"{type(e).__name__}.{veld} is geen waarde voor JSON "
                    f"(kreeg {type(waarde).__name__})",
                )
                for veld, waarde in data.items()
                if not _naar_json(waarde)
            ]
            raise OngeldigeInvoer(fouten) from None
        result: dict[str, Any] = orjson.loads(tekst)
        return result

    def event_data(self, e: Gebeurtenis | GroepGebeurtenis) -> dict[str, Any]:
        """An event as data for orjson, datetimes and dates left as objects (orjson writes
        them exactly as ``isoformat()`` does, about ten times faster).

        The one encoder of events: ``to_json`` writes this, and the JSON-shaped form
        (``event_json``, ``unstructure``) is this as orjson writes and reads it.
        """
        encode = self.encoders().get(e.__class__)
        if encode is None:
            raise OngeldigeInvoer(
                f"$: {type(e).__name__} is geen gebeurtenistype; bekende typen: "
                f"{', '.join(c.__name__ for c in self.encoders())}"
            )
        return encode(e)

    def event_json(self, e: Gebeurtenis | GroepGebeurtenis) -> dict[str, Any]:
        """An event as JSON-shaped data (timestamps and dates as ISO text)."""
        data: dict[str, Any] = orjson.loads(orjson.dumps(self.event_data(e)))
        return data

    def encoders(self) -> dict[type[Any], Callable[[Any], dict[str, Any]]]:
        """Event class → its encoder (see ``event_data``), built on first use."""
        if self._encoders is not None:
            return self._encoders
        from cattrs.fns import identity
        from cattrs.gen import make_dict_unstructure_fn
        from cattrs.preconf.orjson import make_converter

        ruw = make_converter()
        ruw.register_unstructure_hook(datetime, identity)
        ruw.register_unstructure_hook(date, identity)
        conv = self.snel
        encoders: dict[type[Any], Callable[[Any], dict[str, Any]]] = {}
        for soort, cls in EVENT_TYPEN.items():
            if cls is InstrumentIngezet:

                def instrument(e: InstrumentIngezet) -> dict[str, Any]:
                    r = e.resultaat
                    return {
                        "type": InstrumentIngezet.TYPE,
                        "op": e.op,
                        "instrument": e.instrument,
                        "resultaat": None if r is None else conv.unstructure(r, r.__class__),
                    }

                encoders[cls] = instrument
            else:
                velden = make_dict_unstructure_fn(cls, ruw, _cattrs_omit_if_default=True)
                encoders[cls] = met_type_uit(soort, velden)
        for soort, groepsklasse in GROEP_EVENT_TYPEN.items():
            groepsvelden: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
                cast("type[Any]", groepsklasse), ruw, _cattrs_omit_if_default=True
            )
            encoders[groepsklasse] = met_type_uit(soort, groepsvelden)
        self._encoders = encoders
        return encoders

    # -- building a converter -----------------------------------------------------------------------

    def _bouw_converter(self, *, detailed: bool) -> cattrs.Converter:
        from cattrs.gen import make_dict_structure_fn
        from cattrs.preconf.orjson import make_converter

        conv = make_converter(forbid_extra_keys=True, detailed_validation=detailed)
        conv.register_structure_hook(str, strikte_str)
        conv.register_structure_hook(int, strikte_int)
        conv.register_structure_hook(float, strikte_float)
        conv.register_structure_hook(bool, strikte_bool)
        conv.register_structure_hook(date, parse_datum)
        conv.register_unstructure_hook(date, date.isoformat)
        conv.register_structure_hook(datetime, parse_tijdstip)
        conv.register_unstructure_hook(datetime, tijdstip_uit)
        conv.register_structure_hook(timedelta, duur_in)
        conv.register_unstructure_hook(timedelta, duur_uit)
        conv.register_structure_hook_factory(is_record, strikt_record(conv))
        conv.register_structure_hook_factory(is_literal, strikte_literal)
        conv.register_structure_hook_factory(is_homogene_tuple, strikte_reeks(conv))
        conv.register_structure_hook_factory(is_mapping, strikte_mapping(conv))
        typen = self._resultaattypen

        def resultaattype_in(value: Any, _: Any) -> type[Any] | None:
            if value is None:
                return None
            if not isinstance(value, str) or value not in typen:
                raise Invoerfout(
                    f"onbekend resultaattype {value!r}; bekend zijn: {', '.join(sorted(typen))}"
                )
            return typen[value]

        def resultaattype_uit(value: type[Any] | None) -> str | None:
            return None if value is None else _type_id(value)

        conv.register_structure_hook(type[Any] | None, resultaattype_in)
        conv.register_unstructure_hook(type[Any] | None, resultaattype_uit)

        # the event fields: ids checked against the methodiek, non-blank text, literals
        for alias, soort, _ in _ID_SOORTEN:
            conv.register_structure_hook_func(
                lambda t, a=alias: t == a,  # type: ignore[misc]  # default binds the loop value
                id_hook(
                    soort, self.ids[soort], self._volgorde[soort], met_methodiek=self.met_methodiek
                ),
            )
        conv.register_structure_hook_func(lambda t: t == NietLeeg, niet_leeg)
        for literal in (Termijn, Levenscyclus, Voortgang, ToestemmingVoor, BijeenkomstVoor):
            conv.register_structure_hook_func(
                lambda t, lit=literal: t == lit,  # type: ignore[misc]  # default binds the loop value
                literal_hook(literal.__args__),  # type: ignore[attr-defined]  # Literal members
            )
        jongere = make_dict_structure_fn(
            Jongere, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
        )

        def jongere_in(value: Any, _: Any) -> Jongere:
            if value.__class__ is not dict:
                raise Invoerfout(geen_object(value))
            result: Jongere = jongere(value, Jongere)
            return result

        conv.register_structure_hook(Jongere, jongere_in)

        in_hooks: dict[str, Callable[[Any, Any], Any]] = {}
        for soort, cls in EVENT_TYPEN.items():
            if cls is InstrumentIngezet:
                hook: Callable[[Any, Any], Any] = instrument_hook(
                    conv, self.instrumenten, detailed=detailed
                )
            else:
                gen = make_dict_structure_fn(
                    cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
                )
                hook = met_type(cls, gen, detailed=detailed)
            conv.register_structure_hook(cls, hook)
            in_hooks[soort] = hook

        if detailed:
            union: Callable[[Any, Any], Any] = union_hook(in_hooks)
        else:

            def union(value: Any, _: Any) -> Any:
                if value.__class__ is not dict:
                    raise onbekend_type(value)
                tag: Any = value.get("type")
                lezer = self.lezers().get(tag) if tag.__class__ is str else None
                if lezer is None:
                    raise onbekend_type(value)
                return lezer(value)

        conv.register_structure_hook_func(lambda t: t is Gebeurtenis, union)
        # the second event table: a group's events, with their own union on ``type``
        groeps_hooks: dict[str, Callable[[Any, Any], Any]] = {}
        for soort, groepsklasse in GROEP_EVENT_TYPEN.items():
            groeps_gen: Callable[[Any, Any], Any] = make_dict_structure_fn(
                cast("type[Any]", groepsklasse),
                conv,
                _cattrs_forbid_extra_keys=True,
                _cattrs_detailed_validation=detailed,
            )
            groeps_hook = met_type(groepsklasse, groeps_gen, detailed=detailed)
            conv.register_structure_hook(groepsklasse, groeps_hook)
            groeps_hooks[soort] = groeps_hook
        conv.register_structure_hook_func(
            lambda t: t is GroepGebeurtenis, union_hook(groeps_hooks, BEKENDE_GROEPSTYPEN)
        )
        # events are written by the one encoder, ``event_data``
        conv.register_unstructure_hook_func(
            lambda t: isinstance(t, type) and issubclass(t, Gebeurtenis | GroepGebeurtenis),
            self.event_json,
        )
        return conv


def _naar_json(waarde: Any) -> bool:
    try:
        orjson.dumps(waarde)
    except orjson.JSONEncodeError:
        return False
    return True


# --- one codec per Methodiek, by identity ------------------------------------------------------

_ZONDER: list[Codec] = []


def controleer_methodiek(methodiek: Any, naam: str = "methodiek") -> Methodiek:
    """``methodiek`` itself when it is a ``Methodiek``; else ``OngeldigeInvoer`` naming the
    argument."""
    if not isinstance(methodiek, Methodiek):
        raise OngeldigeInvoer(
            f"{naam}: verwacht een Methodiek, bv. ija.load_methodiek() (kreeg "
            f"{type(methodiek).__name__})"
        )
    return methodiek


def codec_voor(methodiek: Methodiek | None) -> Codec:
    """The codec of ``methodiek`` (built once per Methodiek object), or of the handbook's
    definitions for None. Anything else raises ``OngeldigeInvoer``."""
    if methodiek is None:
        if not _ZONDER:
            _ZONDER.append(Codec(None))
        return _ZONDER[0]
    s = state(controleer_methodiek(methodiek))
    codec = s.codec
    if codec is None:
        codec = s.codec = Codec(methodiek)
    return codec
