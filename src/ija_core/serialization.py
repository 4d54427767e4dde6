"""JSON in and out: ``to_json`` and ``from_json``, the library's public facade over the codec.

The converters are built per ``Methodiek`` by the codec (``ija_core._codec``), after its
plugins are loaded, so plugin result types are known; nothing is registered at import time
and decoding never looks for installed plugins. Input is strict: no silent coercion (``"ja"``
is not a bool, ``12`` is not a string), unknown keys are refused, dates must exist,
timestamps must carry a UTC offset, and both must lie in the years 0002–9998. Every problem
is reported as ``OngeldigeInvoer`` with ``path: message`` lines in Dutch.

Reading events and trajecten needs the Methodiek whose ids and rules they follow
(``methodiek=m``). Definitions (instruments, norms, results of the handbook's instruments)
can be read without one: they then know the handbook's result types only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

import orjson

from ija_core._codec import (
    Invoerfout,
    codec_voor,
    controleer_methodiek,
    fouten_uit,
    laad_json,
    parse_datum,
    parse_tijdstip,
)
from ija_core.errors import OngeldigeInvoer
from ija_core.groep.events import GroepGebeurtenis
from ija_core.groep.groep import Groep
from ija_core.groep.json import groep_data, groep_uit_data, is_groep_data
from ija_core.traject.events import Gebeurtenis
from ija_core.traject.json import traject_data, traject_uit_data
from ija_core.traject.traject import Traject

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek

__all__ = [
    "Invoerfout",
    "fouten_uit",
    "from_json",
    "is_groep_data",
    "laad_json",
    "parse_datum",
    "parse_tijdstip",
    "structure",
    "to_json",
    "unstructure",
]

T = TypeVar("T")


def _methodiek_of_none(methodiek: Any) -> Methodiek | None:
    return None if methodiek is None else controleer_methodiek(methodiek)


def _controleer_klasse(cls: Any) -> None:
    if not isinstance(cls, type):
        raise OngeldigeInvoer(
            f"cls: verwacht een klasse van de bibliotheek, bv. ija.Traject (kreeg "
            f"{type(cls).__name__} {cls!r})"
        )


def structure(data: Any, cls: type[T], methodiek: Methodiek | None = None) -> T:
    """Build ``cls`` from JSON-shaped data, strictly; raises ``OngeldigeInvoer`` with paths."""
    _controleer_klasse(cls)
    if cls in (Traject, Groep) or issubclass(cls, Gebeurtenis | GroepGebeurtenis):
        m = controleer_methodiek(methodiek)
        if cls is Traject:
            result: Any = traject_uit_data(data, m)
            return result  # type: ignore[no-any-return]  # cls is Traject here
        if cls is Groep:
            return cast("T", groep_uit_data(data, m))
    return codec_voor(_methodiek_of_none(methodiek)).structure(data, cls)


def unstructure(obj: Any, methodiek: Methodiek | None = None) -> Any:
    """Turn a value of the library into JSON-shaped data (dicts, lists, strings, numbers).

    The data ``to_json`` writes, before it becomes text: a record (a ``Bron``, a
    ``Normuitkomst``, an event, a definition) in its one JSON shape, dates and timestamps as
    ISO text (``"2025-03-14"``, ``"2025-03-14T09:30:00+01:00"``). Dicts, lists and tuples are
    followed, so a program (or ``ija ... --json``) can put records inside its own dicts and
    write them the library's way. Events need the ``methodiek`` whose plugin types they
    carry. A ``Traject`` or ``Groep`` is refused here: ``to_json`` writes it (its events).

    Raises:
        OngeldigeInvoer: ``obj`` holds a value that JSON cannot hold.
    """
    codec = codec_voor(_methodiek_of_none(methodiek))
    try:
        return codec.unstructure(obj)
    except OngeldigeInvoer:
        raise
    except Exception:  # noqa: BLE001 - a value the codec cannot write
        raise OngeldigeInvoer(f"$: {type(obj).__name__} is niet als JSON te schrijven") from None


def to_json(
    obj: Any, *, methodiek: Methodiek | None = None, indent: bool = False, sort_keys: bool = False
) -> str:
    """Encode a definition, event or traject as JSON text.

    A ``Traject`` or ``Groep`` is encoded with its events (the format holds the events; the
    state is rebuilt by replaying them).

    ``sort_keys=True`` (without ``indent``) gives the *canonical* JSON: keys sorted at every
    level, no spaces, timestamps and dates as ``isoformat()`` writes them. It is the text
    ``ija_core.opslag`` stores and hashes for an event (give the ``methodiek``), so a store of
    an app's own that keeps the same text can check its chain the same way.

    Raises:
        OngeldigeInvoer: ``obj`` is not a value of the library that JSON can hold.
    """
    if obj.__class__ is Traject:
        data = traject_data(obj)
    elif obj.__class__ is Groep:
        data = groep_data(obj)
    elif isinstance(obj, Gebeurtenis | GroepGebeurtenis):
        data = codec_voor(_methodiek_of_none(methodiek)).event_data(obj)
    else:
        data = unstructure(obj, methodiek)
    try:
        opties = (orjson.OPT_INDENT_2 if indent else 0) | (orjson.OPT_SORT_KEYS if sort_keys else 0)
        return orjson.dumps(data, option=opties).decode()
    except orjson.JSONEncodeError as exc:
        raise OngeldigeInvoer(f"$: {_schrijffout(obj, str(exc))}") from None


def _schrijffout(obj: Any, bericht: str) -> str:
    """What orjson could not write, in Dutch."""
    wat = f"{type(obj).__name__} is niet als JSON te schrijven"
    if "surrogates" in bericht:
        return f"{wat}: tekst met een losse surrogaat (geen geldige Unicode)"
    if "not JSON serializable: " in bericht:
        return f"{wat}: bevat een waarde van type {bericht.rsplit(': ', 1)[-1]}"
    if "Integer exceeds" in bericht:
        return f"{wat}: een geheel getal groter dan 64 bits"
    if "Recursion limit" in bericht:
        return f"{wat}: te diep genest"
    return wat


def from_json(text: str | bytes, cls: type[T], *, methodiek: Methodiek | None = None) -> T:
    """Decode JSON text (``str`` or UTF-8 ``bytes``, a BOM is skipped) into ``cls``.

    ``cls`` is a definition, an event class (of a traject or a group), ``Traject`` or
    ``Groep``; events, trajecten and groups need the ``methodiek`` whose ids and rules they
    follow.

    Raises:
        OngeldigeInvoer: the text is not JSON, or does not fit ``cls``, or ``methodiek`` is
            missing for an event or traject; ``.fouten`` lists every problem as
            ``path: message``.
        RegelOvertreding: for a ``Traject`` or ``Groep``, when its events break a rule of the
            methodiek.
    """
    if cls is Traject:
        m = controleer_methodiek(methodiek)
        result: Any = traject_uit_data(laad_json(text), m)
        return result  # type: ignore[no-any-return]  # cls is Traject here
    if cls is Groep:
        m = controleer_methodiek(methodiek)
        return cast("T", groep_uit_data(laad_json(text), m))
    _controleer_klasse(cls)
    if issubclass(cls, Gebeurtenis | GroepGebeurtenis):
        controleer_methodiek(methodiek)
    else:
        _methodiek_of_none(methodiek)
    return structure(laad_json(text), cls, methodiek)
