"""Engine state compiled for one Methodiek, kept beside it and never inside it.

A ``Methodiek`` is a frozen value; the engine compiles things for it (the codec's readers,
the rules in checking order, the norms' measures) that are costly to build and cheap to keep.
They live here, in one table keyed by the *identity* of the Methodiek object (hashing a large
frozen value on every lookup would cost more than the lookup saves), with a weak reference
that drops the entry when the Methodiek is garbage collected. What is stored must not hold the
Methodiek itself, or it would never be collected.

::

    codec = compiled(m, "codec", Codec)   # built once per Methodiek object, then remembered
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["aantal", "compiled", "state"]

T = TypeVar("T")

_STATE: dict[int, tuple[weakref.ref[Any], dict[str, Any]]] = {}
# No lock: each dict operation is atomic; two threads compiling for the same Methodiek at once
# only do the work twice. A lock here could deadlock when the garbage collector runs the
# clean-up callback while this thread holds it.


def state(m: object) -> dict[str, Any]:
    """The engine's table of compiled things for the Methodiek object ``m``."""
    sleutel = id(m)
    gevonden = _STATE.get(sleutel)
    if gevonden is not None and gevonden[0]() is m:
        return gevonden[1]
    tabel: dict[str, Any] = {}

    def weg(ref: weakref.ref[Any], sleutel: int = sleutel) -> None:
        huidig = _STATE.get(sleutel)
        if huidig is not None and huidig[0] is ref:
            _STATE.pop(sleutel, None)

    _STATE[sleutel] = (weakref.ref(m, weg), tabel)
    return tabel


def compiled(m: object, naam: str, bouw: Callable[[Any], T]) -> T:
    """``bouw(m)``, built once per Methodiek object under ``naam`` and then remembered."""
    tabel = state(m)
    try:
        return tabel[naam]  # type: ignore[no-any-return]  # stored by this function as T
    except KeyError:
        waarde = tabel[naam] = bouw(m)
        return waarde


def aantal() -> int:
    """How many Methodiek objects have engine state (for tests: entries go with their owner)."""
    return len(_STATE)
