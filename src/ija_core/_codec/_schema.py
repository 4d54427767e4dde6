"""The JSON Schema (Draft 2020-12) of one event, derived from the event records.

Nothing here is written per event: every subschema is read from the same attrs records and
type hints the codec reads (``EVENT_TYPEN``, ``GROEP_EVENT_TYPEN``, the instruments' result
classes), and the ids come from the Methodiek the schema is built for.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from datetime import date, datetime
from types import NoneType, UnionType
from typing import Any

import attrs

from ija_core._codec._codec import _ID_SOORTEN, controleer_methodiek
from ija_core._codec._strict import JAREN
from ija_core._validators import niet_leeg as _niet_leeg_validator
from ija_core.groep.events import GROEP_EVENT_TYPEN
from ija_core.methodiek import Methodiek
from ija_core.tools.results import veldbetekenis
from ija_core.traject.events import EVENT_TYPEN, InstrumentIngezet, NietLeeg

__all__ = ["json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# ECMA-262 and Python's re both read these. '[0-9]', not '\d' (Python's '\d' takes other
# digits too); '(?![\s\S])' instead of '$' (Python's '$' also matches before a final newline).
_EINDE = r"(?![\s\S])"
_JAAR = r"(?!0000|0001|9999)[0-9]{4}" if JAREN == (2, 9998) else r"[0-9]{4}"
TIJDSTIP_PATROON = (
    rf"^{_JAAR}-[0-9]{{2}}-[0-9]{{2}}[T ][0-9]{{2}}:[0-9]{{2}}(:[0-9]{{2}}(\.[0-9]{{1,6}})?)?"
    rf"(Z|[+-][0-9]{{2}}:[0-9]{{2}}){_EINDE}"
)
"""A timestamp with a UTC offset, as the codec reads it (``T`` or a space, seconds optional)."""
DATUM_PATROON = rf"^{_JAAR}-[0-9]{{2}}-[0-9]{{2}}{_EINDE}"
NIET_LEEG_PATROON = r"\S"
"""At least one character that is not whitespace."""

_TIJDSTIP: dict[str, Any] = {"type": "string", "pattern": TIJDSTIP_PATROON}
_DATUM: dict[str, Any] = {"type": "string", "format": "date", "pattern": DATUM_PATROON}
_NIET_LEEG: dict[str, Any] = {"type": "string", "pattern": NIET_LEEG_PATROON}
_SCALAIR: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    datetime: _TIJDSTIP,
    date: _DATUM,
}


class _NietUitTeDrukken(Exception):
    """A field type this module has no JSON Schema for."""


class _Bouwer:
    """Turns type hints into subschemas, with the ids of one Methodiek."""

    def __init__(self, m: Methodiek) -> None:
        self.ids: dict[Any, list[str]] = {
            alias: [x.id for x in getattr(m, attr)] for alias, _, attr in _ID_SOORTEN
        }
        self._bezig: set[type[Any]] = set()

    def veld(self, hint: Any) -> dict[str, Any]:
        """The subschema of one field's type hint."""
        for alias, ids in self.ids.items():
            if hint == alias:
                return {"type": "string", "enum": list(ids)}
        if hint == NietLeeg:
            return dict(_NIET_LEEG)
        if hint is Any:
            return {}
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin is typing.Annotated:
            return self.veld(args[0])
        if origin in (typing.Union, UnionType):
            keuzes = [a for a in args if a is not NoneType]
            delen = [self.veld(a) for a in keuzes]
            if NoneType in args:
                delen.append({"type": "null"})
            return delen[0] if len(delen) == 1 else {"anyOf": delen}
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.veld(args[0])}
        if origin in (dict, Mapping):
            return {"type": "object", "additionalProperties": self.veld(args[1])}
        if hint in _SCALAIR:
            return dict(_SCALAIR[hint])
        if isinstance(hint, type) and attrs.has(hint):
            return self.record(hint)
        raise _NietUitTeDrukken(hint)

    def record(self, cls: type[Any], *, soort: str | None = None) -> dict[str, Any]:
        """An attrs record as a closed object; ``soort`` adds the event's ``type`` key.

        An event record (``soort`` given) must consist of types this module knows (else
        ``_NietUitTeDrukken``: a new kind of field must be added here). A result class (a
        plugin's) may use others: such a field takes any JSON value here, and the codec
        judges it.
        """
        if cls in self._bezig:  # a record inside itself: not unfolded (any value there)
            raise _NietUitTeDrukken(cls)
        self._bezig.add(cls)
        try:
            return self._record(cls, soort)
        finally:
            self._bezig.discard(cls)

    def _record(self, cls: type[Any], soort: str | None) -> dict[str, Any]:
        try:
            hints = typing.get_type_hints(cls, include_extras=True)
        except Exception as exc:  # a plugin's hint that names what is not there
            raise _NietUitTeDrukken(cls) from exc
        eigenschappen: dict[str, Any] = {}
        verplicht: list[str] = []
        if soort is not None:
            eigenschappen["type"] = {"const": soort}
            verplicht.append("type")
        for a in attrs.fields(cls):
            try:
                schema = self.veld(hints[a.name])
            except _NietUitTeDrukken:
                if soort is not None:
                    raise
                schema = {}
            if a.validator is _niet_leeg_validator and schema.get("type") == "string":
                schema["pattern"] = NIET_LEEG_PATROON
            betekenis, grenzen = veldbetekenis(a)
            if betekenis is not None:
                schema["title"] = betekenis
            if grenzen is not None:
                schema["description"] = grenzen
            eigenschappen[a.name] = schema
            if a.default is attrs.NOTHING:
                verplicht.append(a.name)
        return {
            "type": "object",
            "properties": eigenschappen,
            "required": verplicht,
            "additionalProperties": False,
        }

    def resultaat(self, cls: type[Any]) -> dict[str, Any]:
        """A result class as a closed object, or any object when its hints cannot be read."""
        try:
            return self.record(cls)
        except _NietUitTeDrukken:
            return {"type": "object"}

    def instrument_ingezet(self, m: Methodiek) -> dict[str, Any]:
        """``instrument-ingezet``: the ``resultaat`` follows the instrument's result class."""
        schema = self.record(InstrumentIngezet, soort=InstrumentIngezet.TYPE)
        schema["properties"]["instrument"] = {
            "type": "string",
            "enum": [i.id for i in m.instrumenten],
        }
        schema["properties"]["resultaat"] = {}
        schema["required"] = ["type", "op", "instrument", "resultaat"]  # resultaat: null if none
        schema["allOf"] = [
            {
                "if": {"properties": {"instrument": {"const": i.id}}, "required": ["instrument"]},
                "then": {
                    "properties": {
                        "resultaat": {"type": "null"}
                        if i.resultaat is None
                        else self.resultaat(i.resultaat)
                    }
                },
            }
            for i in m.instrumenten
        ]
        return schema


def json_schema(methodiek: Methodiek) -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of one event of ``methodiek``, chosen by ``"type"``.

    One subschema per event type of trajecten and groepen (``methodiek.gebeurtenistypen``, in
    that order, under ``$defs``), read from the same event records and type hints the codec
    reads: ids that refer to the Methodiek (fasen, leefgebieden, rollen, aanbieders, relaties,
    opschalingen, instruments; plugin contributions included) as ``enum``, timestamps as
    text with a UTC offset (``pattern``), dates as ``format: date``, every object closed
    (``additionalProperties: false``), required and optional fields as the codec has them,
    and for ``instrument-ingezet`` the ``resultaat`` of that instrument's result class (or
    ``null``). The result is a fresh dict of JSON values (``json.dumps`` writes it).

    The schema is a first gate for a frontend or another language; the library stays the
    judge. What it cannot say, and ``Traject.replay``/``from_json`` still refuse:

    * that a date or timestamp exists (``2014-02-29``; ``format: date`` says it only to a
      validator that checks formats) and that a timestamp's UTC year lies in 0002–9998;
    * that a whole number is written without a fraction (JSON Schema counts ``1.0`` as an
      ``integer``; the codec refuses it) and that text is valid Unicode (no lone surrogate);
    * the checks of result classes beyond their types (ranges such as 0–10, ZRM domains,
      ``gekozen_door_jongere`` true): each field's meaning and bounds are its ``title`` and
      ``description``; a field of a plugin's result class whose type has no JSON Schema form
      here (a ``list``, an ``Enum`` ..., or a record inside itself) takes any value;
    * every rule across events: order in time, the fase steps, ids of hulpvragen, doelen and
      betrokkenen that must exist (or be new) in the traject, ``aangemeld`` first, the age
      at aanmelding, a group's members; and which stream an event belongs to (the schema
      takes a traject's and a group's events alike; a traject refuses a group's and back).

    Its patterns are ECMA-262 that Python's ``re`` reads the same way, except that "not
    blank" (``\\S``) counts a few rare characters as whitespace differently (JavaScript
    counts U+FEFF, Python counts U+001C–U+001F).

    Raises:
        OngeldigeInvoer: ``methodiek`` is not a ``Methodiek``.
    """
    m = controleer_methodiek(methodiek)
    bouwer = _Bouwer(m)
    defs: dict[str, Any] = {}
    for soort in m.gebeurtenistypen:
        cls = EVENT_TYPEN.get(soort) or GROEP_EVENT_TYPEN[soort]
        defs[soort] = (
            bouwer.instrument_ingezet(m)
            if cls is InstrumentIngezet
            else bouwer.record(cls, soort=soort)
        )
    return {
        "$schema": DIALECT,
        "title": "Gebeurtenis",
        "description": (
            "Eén gebeurtenis van een traject of een groep, gekozen met 'type'. Een eerste "
            "controle; ija-core beslist (regels tussen gebeurtenissen staan hier niet in)."
        ),
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"enum": list(m.gebeurtenistypen)}},
        "allOf": [
            {
                "if": {"properties": {"type": {"const": soort}}, "required": ["type"]},
                "then": {"$ref": f"#/$defs/{soort}"},
            }
            for soort in m.gebeurtenistypen
        ],
        "$defs": defs,
    }
