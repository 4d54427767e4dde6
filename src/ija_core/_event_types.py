"""What a norm may say about events, derived from the event records (nothing kept by hand).

Each event type is registered once, by its record: ``ija_core.traject.events`` (and
``ija_core.groep.events`` for a group) holds its class with its JSON ``type``, its fields and
their checks, and ``EVENT_TYPEN`` lists them in the engine's order. The records are plain
data (attrs and the standard library, no engine), so the definitions read them here: a
``Norm`` names event types (its ``anker_gebeurtenis`` and the ``soort`` of each
``Voorwaarde``) and the fields to match on.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Mapping
from types import MappingProxyType, NoneType, UnionType
from typing import Any

import attrs

from ija_core.traject.events import EVENT_TYPEN

DERIVED_FACTS: tuple[str, ...] = ("plan-ondertekend",)
"""Condition kinds that mean a derived fact rather than the raw event (they take no fields)."""


def _veldsoort(hint: Any) -> type | None:
    """The scalar type a condition can compare a field with (str or bool), else None."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) is typing.Annotated:
        return _veldsoort(args[0])
    if typing.get_origin(hint) in (typing.Union, UnionType):
        soorten = {_veldsoort(a) for a in args if a is not NoneType}
        return soorten.pop() if len(soorten) == 1 else None
    if typing.get_origin(hint) is typing.Literal:
        return str if all(isinstance(a, str) for a in args) else None
    return hint if hint in (str, bool) else None


@functools.cache
def vergelijkbare_velden(soort: str) -> Mapping[str, type]:
    """The fields of event type ``soort`` a norm condition may match on, with their type.

    Only text and yes/no fields: a condition compares a field with ``==``, and a timestamp, a
    list or a nested record never equals a plain value (so ``op`` is never one). Read from
    the record's type hints on first use (``KeyError`` for an unknown ``soort``).
    """
    klasse = EVENT_TYPEN[soort]
    hints = typing.get_type_hints(klasse, include_extras=True)
    velden = {f.name: _veldsoort(hints[f.name]) for f in attrs.fields(klasse)}
    return MappingProxyType({naam: s for naam, s in velden.items() if s is not None})
