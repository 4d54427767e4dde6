"""Problem themes (thema's) and what the coach does about each."""

from __future__ import annotations

from attrs import field, frozen

from ija_core._validators import niet_leeg, slug, slugs, teksten


@frozen(kw_only=True)
class Thema:
    """A recurring problem theme.

    Attributes:
        id: ``schulden``, ``huisvesting``, ``justitie``, ``ggz``, ``jonge-moeders``, ``overlast``.
        naam: the Dutch label.
        beschrijving: the theme in Dutch.
        acties: what the coach does, in Dutch.
        leefgebieden: ids of the leefgebieden the theme touches.
        partners: organisations and people the coach works with on this theme.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)
    acties: tuple[str, ...] = field(converter=tuple, validator=teksten)
    leefgebieden: tuple[str, ...] = field(converter=tuple, validator=slugs)
    partners: tuple[str, ...] = field(default=(), converter=tuple, validator=teksten)
