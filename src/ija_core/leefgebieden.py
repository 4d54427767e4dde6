"""The eight leefgebieden (life domains) the coach reviews with the young person."""

from __future__ import annotations

from attrs import field, frozen

from ija_core._validators import niet_leeg, slug


@frozen(kw_only=True)
class Leefgebied:
    """One life domain of the young person.

    Attributes:
        id: stable slug used in JSON, e.g. ``"financien"``.
        naam: the Dutch label, e.g. ``"Financiën"``.
        beschrijving: what the domain covers, in Dutch.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)
