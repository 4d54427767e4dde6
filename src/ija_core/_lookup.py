"""Lookup by id with an error that lists the known ids."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from ija_core.errors import Fout, OngeldigeInvoer


class _HeeftId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HeeftId)

_HET_WOORDEN = frozenset({"instrument", "leefgebied", "thema", "ZRM-domein", "domein", "veld"})
"""Kinds that take the article 'het' in Dutch: "onbekend instrument", not "onbekende"."""


def onbekend(soort: str) -> str:
    """``"onbekende fase"``, ``"onbekend instrument"``: the adjective inflected for ``soort``.

    ``soort`` may carry a tail (``"stap van fase vertrouwen"``); its first word decides.
    """
    woord = soort.split(" ", 1)[0]
    return f"onbekend {soort}" if woord in _HET_WOORDEN else f"onbekende {soort}"


def zoek(items: Iterable[T], gezocht: str, soort: str) -> T:
    """Return the item whose ``id`` is ``gezocht`` or raise ``OngeldigeInvoer`` naming the known ids."""
    bekend = []
    for item in items:
        if item.id == gezocht:
            return item
        bekend.append(item.id)
    raise OngeldigeInvoer(
        [
            Fout(
                "$",
                "onbekende-waarde",
                f"{onbekend(soort)} {gezocht!r}; bekend zijn: {', '.join(bekend) or '(geen)'}",
            )
        ]
    )
