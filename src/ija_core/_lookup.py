"""Lookup by id with an error that lists the known ids."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from ija_core.errors import OngeldigeInvoer


class _HeeftId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HeeftId)


def zoek(items: Iterable[T], gezocht: str, soort: str) -> T:
    """Return the item whose ``id`` is ``gezocht`` or raise ``OngeldigeInvoer`` naming the known ids."""
    bekend = []
    for item in items:
        if item.id == gezocht:
            return item
        bekend.append(item.id)
    raise OngeldigeInvoer(
        f"$: onbekende {soort} {gezocht!r}; bekend zijn: {', '.join(bekend) or '(geen)'}"
    )
