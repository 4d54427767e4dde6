"""The shape of a fase: steps, target duration, key concepts and what each rol is expected to do."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, slug, tekst_tuple, teksten
from ija_core.bron import Bron


@frozen(kw_only=True)
class Stap:
    """A sub-step of a fase, e.g. ``contact-leggen`` in fase 1.

    Attributes:
        id: stable slug.
        letter: the handbook's letter for the step (``"a"``, ``"b"``, ...).
        naam: the Dutch label.
        beschrijving: what happens in this step, in Dutch.
    """

    id: str = field(validator=slug)
    letter: str = field(validator=niet_leeg)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)


@frozen(kw_only=True)
class Rolverwachting:
    """What a fase expects of one rol.

    Attributes:
        rol: the rol id (``jongere``, ``netwerk``, ``wijknetwerk``, ``zorgpartijen``, ``coach``).
        verwachtingen: the expectations, each a short Dutch sentence.
    """

    rol: str = field(validator=slug)
    verwachtingen: tuple[str, ...] = field(converter=tekst_tuple, validator=teksten)


def _stappen(value: Iterable[Stap]) -> tuple[Stap, ...]:
    return tuple(value)


def _rolverwachtingen(value: Iterable[Rolverwachting]) -> tuple[Rolverwachting, ...]:
    return tuple(value)


def _positieve_duur(_inst: object, attribute: object, value: timedelta) -> None:
    if not isinstance(value, timedelta) or value <= timedelta(0):
        raise ValueError(f"'streefduur' moet een positieve duur zijn (kreeg {value!r})")


@frozen(kw_only=True)
class FaseDefinitie:
    """One of the four phases of a traject.

    Attributes:
        id: ``vertrouwen``, ``verdieping``, ``uitvoering`` or ``afronding``.
        nummer: 1 to 4.
        naam: the short Dutch label (``"Verdieping"``).
        volledige_naam: the full handbook name (``"Uitvoering en zelfstandigheid"``).
        doel: what the phase is for, in Dutch.
        streefduur: the target duration.
        stappen: the sub-steps in order.
        kernbegrippen: key concepts of the phase.
        rolverwachtingen: what each rol is expected to do in this phase.
        streefduur_bron: where the streefduur comes from (the handbook's overview of the
            fasen). Treating it as a signal is the norm ``fase-streefduur``, with its own bron.
    """

    id: str = field(validator=slug)
    nummer: int = field(validator=[validators.instance_of(int), validators.ge(1)])
    naam: str = field(validator=niet_leeg)
    volledige_naam: str = field(validator=niet_leeg)
    doel: str = field(validator=niet_leeg)
    streefduur: timedelta = field(validator=_positieve_duur)
    stappen: tuple[Stap, ...] = field(converter=_stappen)
    kernbegrippen: tuple[str, ...] = field(converter=tekst_tuple, validator=teksten)
    rolverwachtingen: tuple[Rolverwachting, ...] = field(converter=_rolverwachtingen)
    streefduur_bron: Bron = field(
        default=Bron(
            soort="handboek",
            toelichting=(
                "Het overzicht van de vier fasen in het handboek geeft elke fase een duur: "
                "4, 8, 16 en 3 weken."
            ),
        ),
        validator=validators.instance_of(Bron),
    )

    def stap(self, stap_id: str) -> Stap:
        """The step with this id; raises ``OngeldigeInvoer`` listing the known ids."""
        from ija_core._lookup import zoek

        return zoek(self.stappen, stap_id, f"stap van fase {self.id}")

    def verwachting(self, rol: str) -> Rolverwachting | None:
        """What this phase expects of ``rol``, or None when it states nothing."""
        for rv in self.rolverwachtingen:
            if rv.rol == rol:
                return rv
        return None
