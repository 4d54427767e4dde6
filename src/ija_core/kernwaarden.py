"""The four kernwaarden and the ten principles of the intensief jongerencoach."""

from __future__ import annotations

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, slug, teksten


@frozen(kw_only=True)
class Kernwaarde:
    """A core value of the approach.

    Attributes:
        id: ``kracht``, ``bekwaamheid``, ``veiligheid`` or ``samen``.
        naam: the Dutch label.
        beschrijving: what it means in the work, in Dutch.
        onderliggende_waarden: the values that carry it.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)
    onderliggende_waarden: tuple[str, ...] = field(converter=tuple, validator=teksten)


@frozen(kw_only=True)
class Principe:
    """One of the ten principles of the coach ("De intensief jongerencoach ...").

    Attributes:
        nummer: 1 to 10, in handbook order.
        id: a stable slug, e.g. ``"geeft-niet-op"``.
        naam: the principle in a short Dutch sentence.
        uitleg: what it asks of the coach in practice, in Dutch.
    """

    nummer: int = field(
        validator=[validators.instance_of(int), validators.ge(1), validators.le(10)]
    )
    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    uitleg: str = field(validator=niet_leeg)
