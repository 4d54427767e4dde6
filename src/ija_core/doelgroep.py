"""The target group of the approach: young people aged 12 to 27."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg


@frozen(kw_only=True)
class Doelgroep:
    """Who the approach is for.

    Attributes:
        min_leeftijd: youngest age at aanmelding, inclusive (12).
        max_leeftijd: oldest age at aanmelding, inclusive (27).
        beschrijving: the target group in Dutch.
    """

    min_leeftijd: int = field(validator=validators.instance_of(int))
    max_leeftijd: int = field(validator=validators.instance_of(int))
    beschrijving: str = field(validator=niet_leeg)

    def past(self, leeftijd: int) -> bool:
        """Whether an age in whole years falls inside the target group."""
        return self.min_leeftijd <= leeftijd <= self.max_leeftijd


def leeftijd_op(geboortedatum: date, dag: date) -> int:
    """Age in whole years on ``dag``, counted by calendar date.

    Someone born on 29 February becomes a year older on 1 March in years without that day.
    """
    jaren = dag.year - geboortedatum.year
    if (dag.month, dag.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren


DOELGROEP = Doelgroep(
    min_leeftijd=12,
    max_leeftijd=27,
    beschrijving=(
        "Rotterdamse risicojongeren van 12 tot en met 27 jaar die hun toekomstperspectief "
        "dreigen te verliezen en voor wie reguliere hulp niet genoeg is: ze komen vaak in "
        "aanraking met de politie, zijn agressief, hebben schulden of een verslaving. Van de "
        "ongeveer 125.500 jongeren in die leeftijd zijn er zo'n 7.000 risicojongeren. ija-core "
        "telt de leeftijd op de dag van aanmelding."
    ),
)
"""The target group: ages 12 to 27 inclusive, counted on the day of aanmelding."""
