"""Provenance: where a statement about the method comes from (``Bron``).

Trainers teach from this library, so it must never pass off its own choices as the
handbook's. Every definition that states something about the method carries a ``Bron``: the
handbook says it, it is derived from what the handbook says, it is a choice of ija-core, it
comes from an outside source, or an aanbieder's plugin contributed it.
"""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen

from ija_core._validators import niet_leeg

__all__ = ["BRONSOORTEN", "Bron", "Bronsoort"]

Bronsoort = Literal["handboek", "afgeleid", "keuze", "extern", "aanbieder"]

BRONSOORTEN: tuple[Bronsoort, ...] = ("handboek", "afgeleid", "keuze", "extern", "aanbieder")
"""The kinds of source, in the order the docs explain them."""


def _bronsoort(_inst: object, attribute: object, value: object) -> None:
    if value not in BRONSOORTEN:
        raise ValueError(
            f"'soort' moet een van {', '.join(BRONSOORTEN)} zijn (kreeg {value!r})"
        )


@frozen(kw_only=True)
class Bron:
    """Where a rule, norm or other statement about the method comes from.

    Attributes:
        soort: ``handboek`` (the handbook states it), ``afgeleid`` (derived from what the
            handbook states), ``keuze`` (a choice of ija-core the handbook does not make),
            ``extern`` (an outside source: a law, a databank, the instrument's owner) or
            ``aanbieder`` (contributed by an aanbieder's plugin).
        toelichting: one Dutch sentence: where the handbook says it, from what it is derived
            and how, why ija-core chose it, which outside source, or which plugin.
    """

    soort: Bronsoort = field(validator=_bronsoort)
    toelichting: str = field(validator=niet_leeg)
