"""The service norms the handbook states, as data.

Sources in the handbook: the wijkteam service norm (intake and a signed ondersteuningsplan
within six weeks of the aanmelding), the group approach (contact within one etmaal after a
report of nuisance or school absence, weekends included) and the streefduur of each fase.
"""

from __future__ import annotations

from ija_core.normen.model import Norm, Voorwaarde

INTAKE_BINNEN_6_WEKEN = Norm(
    id="intake-binnen-6-weken",
    naam="Intake binnen 6 weken",
    uitleg=(
        "Uiterlijk 42 dagen na de dag van aanmelding heeft de intake plaatsgevonden. "
        "De termijn loopt door als het traject is opgeschort of heropend."
    ),
    anker="aanmelding",
    dagen=42,
    voldaan_door=(Voorwaarde(soort="intake"),),
    pauzeerbaar=False,
    bron="handboek",
    toelichting="Servicenorm van de wijkteams: intake en plan binnen zes weken na aanmelding.",
)

PLAN_BINNEN_6_WEKEN = Norm(
    id="plan-binnen-6-weken",
    naam="Ondersteuningsplan ondertekend binnen 6 weken",
    uitleg=(
        "Uiterlijk 42 dagen na de dag van aanmelding is er een ondersteuningsplan met minstens "
        "één doel, ondertekend door de jongere en de coach."
    ),
    anker="aanmelding",
    dagen=42,
    voldaan_door=(Voorwaarde(soort="plan-ondertekend"),),
    pauzeerbaar=False,
    bron="handboek",
    toelichting="Servicenorm van de wijkteams: intake en plan binnen zes weken na aanmelding.",
)

FASE_STREEFDUUR = Norm(
    id="fase-streefduur",
    naam="Streefduur van de fase",
    uitleg=(
        "Een fase duurt niet langer dan zijn streefduur (4, 8, 16 of 3 weken), gerekend vanaf "
        "de dag waarop de fase begon; dagen waarop het traject opgeschort was tellen niet mee. "
        "Deze norm wordt nooit 'gehaald': hij loopt zolang de fase duurt."
    ),
    anker="fase-start",
    voldaan_door=(),
    pauzeerbaar=True,
    bron="handboek",
    toelichting="De streefduur per fase uit het handboek.",
)

CONTACT_NA_MELDING_24_UUR = Norm(
    id="contact-na-melding-24-uur",
    naam="Contact binnen 24 uur na een melding",
    uitleg=(
        "Na elke melding (bijvoorbeeld overlast of schoolverzuim) is er binnen 24 uur contact "
        "met de jongere: een gesprek of een gelukte contactpoging. Weekenden en de wisseling "
        "van zomer- naar wintertijd tellen gewoon mee: het gaat om 24 verstreken uren."
    ),
    anker="gebeurtenis",
    anker_gebeurtenis="melding",
    uren=24,
    voldaan_door=(
        Voorwaarde(soort="contact", velden=(("met", "jongere"),)),
        Voorwaarde(soort="contactpoging", velden=(("gelukt", True),)),
    ),
    pauzeerbaar=False,
    bron="handboek",
    toelichting="Uit de groepsaanpak ('spin in het web'): contact binnen één etmaal.",
)

HANDBOEK_NORMEN: tuple[Norm, ...] = (
    CONTACT_NA_MELDING_24_UUR,
    FASE_STREEFDUUR,
    INTAKE_BINNEN_6_WEKEN,
    PLAN_BINNEN_6_WEKEN,
)
