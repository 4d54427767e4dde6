"""The parties (rollen) for which each fase states what is expected of them."""

from __future__ import annotations

from attrs import field, frozen

from ija_core._validators import niet_leeg, slug, teksten


@frozen(kw_only=True)
class Rol:
    """A party around the young person.

    Attributes:
        id: stable slug: ``jongere``, ``netwerk``, ``wijknetwerk``, ``zorgpartijen``, ``coach``.
        naam: the Dutch label.
        beschrijving: who belongs to this rol, in Dutch.
        voorbeelden: examples of people or organisations in this rol.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)
    voorbeelden: tuple[str, ...] = field(default=(), converter=tuple, validator=teksten)
