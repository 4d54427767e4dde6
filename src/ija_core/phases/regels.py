"""Transition guards that plugins add through ``ija_overgangsregels``.

The handbook's own rules live in ``ija_core.phases.rules`` (used by the traject engine). A
plugin guard is data plus one function: given the traject and the target fase, it returns
None to allow, or a Dutch reason to refuse. Its refusal raises ``RegelOvertreding`` with the
guard's id and names the plugin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, slug, tekst_tuple

Toets = Callable[[Any, str], "str | None"]
"""``toets(traject, naar_fase_id) -> None | reden``; the traject is an ``ija_core.Traject``."""


@frozen(kw_only=True)
class Overgangsregel:
    """An extra guard on forward phase changes, contributed by a plugin.

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
    toets: Toets = field(validator=validators.is_callable())
    naar: tuple[str, ...] = field(default=(), converter=tekst_tuple)
    aanbieder: str | None = field(default=None, validator=validators.optional(slug))
