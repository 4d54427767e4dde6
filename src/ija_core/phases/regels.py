"""``Overgangsregel``: the guard type of hook API 1.0, kept working as a thin adapter to ``Regel``.

Deprecated since hook API 1.1: a plugin now returns ``ija_core.Regel`` objects from
``ija_overgangsregels``. A 1.0 guard is data plus one function: given the traject and the
target fase, it returns None to allow, or a Dutch reason to refuse. The assembly converts it
with ``als_regel``: a ``Regel`` about forward ``fase-gewijzigd`` events into the guard's
``naar`` fasen (every fase after the first when empty), with bron ``aanbieder``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, slug, tekst_tuple
from ija_core.bron import Bron
from ija_core.phases.rules import Regel, Toestand, Voorstel, is_vooruit

Overgangstoets = Callable[[Any, str], "str | None"]
"""``toets(traject, naar_fase_id) -> None | reden``; the traject is an ``ija_core.Traject``."""


@frozen(kw_only=True)
class Overgangsregel:
    """An extra guard on forward phase changes, contributed by a plugin (hook API 1.0).

    Deprecated since hook API 1.1: return an ``ija_core.Regel`` instead. Still accepted
    from ``ija_overgangsregels``; the assembly turns it into a ``Regel`` (``als_regel``).

    Attributes:
        id: namespaced rule id, e.g. ``"futuro:dagbesteding-in-plan"``.
        naam: short Dutch label.
        uitleg: what the rule asks, in Dutch (shown in docs and in refusals).
        toets: the check; returns None to allow or a Dutch reason to refuse.
        naar: the fase ids it guards (entering them); empty means every forward change.
        aanbieder: when set, the guard applies only to trajecten of this aanbieder.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    uitleg: str = field(validator=niet_leeg)
    toets: Overgangstoets = field(validator=validators.is_callable())
    naar: tuple[str, ...] = field(default=(), converter=tekst_tuple)
    aanbieder: str | None = field(default=None, validator=validators.optional(slug))

    def als_regel(self, plugin: str, fasen: tuple[str, ...]) -> Regel:
        """This guard as a ``Regel`` of ``plugin``; ``fasen`` are the Methodiek's fase ids."""
        wie = f"plugin {plugin}" + (f" (aanbieder {self.aanbieder})" if self.aanbieder else "")
        return Regel(
            id=self.id,
            naam=self.naam,
            uitleg=self.uitleg,
            bron=Bron(soort="aanbieder", toelichting=f"Een extra regel van {wie}."),
            toets=_Overgangscheck(overgangsregel=self),
            gebeurtenissen=("fase-gewijzigd",),
            naar=self.naar or fasen[1:],
            aanbieder=self.aanbieder,
        )


@frozen
class _Overgangscheck:
    """The check of a converted ``Overgangsregel``: forward moves only, on the frozen traject.

    A value (not a closure), so a ``Methodiek`` holding it can be pickled and compared.
    """

    overgangsregel: Overgangsregel

    def __call__(self, t: Toestand, v: Voorstel) -> str | None:
        naar: str | None = getattr(v, "naar", None)
        if naar is None or not is_vooruit(t, naar):
            return None
        reden: str | None = self.overgangsregel.toets(t.traject, naar)
        return reden
