"""Engine state compiled for one Methodiek, kept beside it and never inside it.

A ``Methodiek`` is a frozen value; the engine compiles things for it (the codec's readers,
the rules in checking order, the norms' measures) that are costly to build and cheap to keep.
They live here, in one ``Motorstaat`` per Methodiek object (a typed record with one slot per
compiled thing), in a table keyed by the *identity* of the Methodiek object (hashing a large
frozen value on every lookup would cost more than the lookup saves), with a weak reference
that drops the entry when the Methodiek is garbage collected. What is stored must not hold the
Methodiek itself, or it would never be collected.

::

    s = state(m)                      # the Motorstaat of this Methodiek object
    codec = s.codec
    if codec is None:
        codec = s.codec = Codec(m)    # built once per Methodiek object, then remembered
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the engine's layers above this one: named in types only
    from ija_core._codec._codec import Codec
    from ija_core.normen._measure import Measure
    from ija_core.normen.model import Norm
    from ija_core.traject._compiled_rules import CompiledRules

__all__ = ["Motorstaat", "aantal", "state"]


class Motorstaat:
    """What the engine compiled for one Methodiek object; None until first use.

    Attributes:
        codec: the JSON codec (``ija_core._codec``).
        regels: the traject's rules in checking order, per event type and status.
        groepsregels: the group's rules, compiled the same way.
        standaardnormen: the measures ``normtoets`` and ``signalen`` evaluate by default.
        groepsnormen: the measures ``groepstoets`` evaluates by default.
        normvarianten: measures per chosen tuple of norms (bounded by its user).
    """

    __slots__ = (
        "codec",
        "groepsnormen",
        "groepsregels",
        "normvarianten",
        "regels",
        "standaardnormen",
    )

    def __init__(self) -> None:
        self.codec: Codec | None = None
        self.regels: CompiledRules | None = None
        self.groepsregels: CompiledRules | None = None
        self.standaardnormen: list[Measure] | None = None
        self.groepsnormen: list[Measure] | None = None
        self.normvarianten: dict[tuple[Norm, ...], list[Measure]] = {}


_STATE: dict[int, tuple[weakref.ref[Any], Motorstaat]] = {}
# No lock: each dict operation is atomic; two threads compiling for the same Methodiek at once
# only do the work twice. A lock here could deadlock when the garbage collector runs the
# clean-up callback while this thread holds it.


def state(m: object) -> Motorstaat:
    """The engine's compiled state for the Methodiek object ``m``."""
    sleutel = id(m)
    gevonden = _STATE.get(sleutel)
    if gevonden is not None and gevonden[0]() is m:
        return gevonden[1]
    staat = Motorstaat()

    def weg(ref: weakref.ref[Any], sleutel: int = sleutel) -> None:
        huidig = _STATE.get(sleutel)
        if huidig is not None and huidig[0] is ref:
            _STATE.pop(sleutel, None)

    _STATE[sleutel] = (weakref.ref(m, weg), staat)
    return staat


def aantal() -> int:
    """How many Methodiek objects have engine state (for tests: entries go with their owner)."""
    return len(_STATE)
