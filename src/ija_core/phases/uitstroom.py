"""Early exits as data: the reasons that close a traject from any fase, each with its ``Bron``.

The handbook says a coach rarely says goodbye to a jongere, except when justice or the GGZ
steps in; ija-core adds three practical reasons of its own. The engine checks the ids (see
``phases.rules.VROEGTIJDIGE_AFSLUITREDENEN``); the docs and the CLI show the records.
"""

from __future__ import annotations

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, slug
from ija_core.bron import Bron

__all__ = ["VROEGE_UITSTROOM", "VroegeUitstroom"]


@frozen(kw_only=True)
class VroegeUitstroom:
    """A reason that closes a traject early, from any fase (an ``afgesloten`` ``reden``).

    Attributes:
        id: the reason as it is written in the ``afgesloten`` event (``"justitie"``).
        naam: a short Dutch label.
        uitleg: when the reason applies, in Dutch.
        bron: where the reason comes from.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    uitleg: str = field(validator=niet_leeg)
    bron: Bron = field(validator=validators.instance_of(Bron))


_AFSCHEID = (
    "Volgens het handboek nemen de coaches door hun werkhouding zelden afscheid van een "
    "jongere; justitie of de GGZ die tussenbeide komt, noemt het als uitzondering "
    "(grondhouding van de coaches)."
)

VROEGE_UITSTROOM: tuple[VroegeUitstroom, ...] = (
    VroegeUitstroom(
        id="justitie",
        naam="Justitie",
        uitleg="Justitie komt tussenbeide, bijvoorbeeld met detentie.",
        bron=Bron(soort="handboek", toelichting=_AFSCHEID),
    ),
    VroegeUitstroom(
        id="ggz-opname",
        naam="Opname in de GGZ",
        uitleg="De GGZ komt tussenbeide, bijvoorbeeld met een opname.",
        bron=Bron(soort="handboek", toelichting=_AFSCHEID),
    ),
    VroegeUitstroom(
        id="verhuisd",
        naam="Verhuisd",
        uitleg="De jongere woont niet meer in het gebied van het wijkteam.",
        bron=Bron(
            soort="keuze",
            toelichting=(
                "Het handboek noemt verhuizen niet als reden om af te sluiten; ija-core voegt "
                "het toe, omdat een wijkteam een jongere buiten zijn wijk niet kan blijven "
                "coachen."
            ),
        ),
    ),
    VroegeUitstroom(
        id="overleden",
        naam="Overleden",
        uitleg="De jongere is overleden.",
        bron=Bron(
            soort="keuze",
            toelichting=(
                "Het handboek noemt deze reden niet; ija-core voegt haar toe, omdat een "
                "traject anders alleen via de afronding kan sluiten."
            ),
        ),
    ),
    VroegeUitstroom(
        id="opgeschaald",
        naam="Opgeschaald",
        uitleg="De begeleiding is overgegaan naar een andere vorm (bijvoorbeeld drang of dwang).",
        bron=Bron(
            soort="keuze",
            toelichting=(
                "Het handboek beschrijft opschalen naar een andere vorm van begeleiding als "
                "afspraken niet worden nagekomen, maar niet als reden om het traject te "
                "sluiten; ija-core laat het toe als vroegtijdig einde."
            ),
        ),
    ),
)
"""The early exits, in the order the docs list them: the handbook's two, then ija-core's three."""
