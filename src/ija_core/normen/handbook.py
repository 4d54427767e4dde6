"""The service norms the handbook states, as data.

Sources in the handbook: the wijkteam service norm (intake and a signed ondersteuningsplan
within six weeks; the handbook names no start, counting from the aanmelding is ija-core's
reading), the group approach (contact within one etmaal after a report of nuisance or school
absence, weekends included) and the streefduur of each fase. Each norm's ``bron`` says which
part is the handbook's: of the four default norms, the two six-week norms are ``handboek``,
the 24-hour norm is ``afgeleid`` and the streefduur signal is ``keuze``.

``LOKALE_NORMEN`` are ija-core's defaults, not handbook facts: their termijnen are local
settings with a default (``instelbaar``), and they are off by default
(``standaard_aan=False``), so ``normtoets`` gives the four default outcomes for a plain
traject unless a wijkteam asks for them with ``normen=``.
"""

from __future__ import annotations

from ija_core.bron import Bron
from ija_core.normen.model import Norm, Voorwaarde

JONGERE_BEREIKT: tuple[Voorwaarde, ...] = (
    Voorwaarde(soort="contact", velden=(("met", "jongere"),)),
    Voorwaarde(soort="contactpoging", velden=(("gelukt", True),)),
)
"""What counts as reaching the jongere in the norms that answer a melding or ask for contact:
a contact with the jongere, or a contactpoging that got through."""

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
    bron=Bron(
        soort="handboek",
        toelichting=(
            "Servicenormering van de wijkteams (casus Enzo): de intake en het ondertekende "
            "plan zijn er uiterlijk binnen zes weken. Het handboek zegt niet vanaf wanneer "
            "die weken tellen; dat ze lopen vanaf de aanmelding, is de lezing van ija-core."
        ),
    ),
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
    bron=Bron(
        soort="handboek",
        toelichting=(
            "Servicenormering van de wijkteams (casus Enzo): het ondersteuningsplan is "
            "uiterlijk binnen zes weken gemaakt én ondertekend. Het handboek zegt niet vanaf "
            "wanneer die weken tellen; dat ze lopen vanaf de aanmelding, is de lezing van "
            "ija-core."
        ),
    ),
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
    bron=Bron(
        soort="keuze",
        toelichting=(
            "De streefduren zelf (4, 8, 16 en 3 weken) staan in het handboek, in het overzicht "
            "van de fasen; dat een overschreden streefduur een signaal geeft, is een keuze van "
            "ija-core: het handboek maakt er geen servicenorm van."
        ),
    ),
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
    voldaan_door=JONGERE_BEREIKT,
    pauzeerbaar=False,
    bron=Bron(
        soort="afgeleid",
        toelichting=(
            "Volgt uit de groepsaanpak (casus 'Spin in het web'): daar is er na een melding "
            "van overlast of schoolverzuim binnen een etmaal contact, ook in het weekend. "
            "ija-core maakt er een standaardnorm van voor elke melding in elk traject."
        ),
    ),
)

EERSTE_CONTACTPOGING = Norm(
    id="eerste-contactpoging",
    naam="Eerste contactpoging kort na aanmelding",
    uitleg=(
        "Kort na de aanmelding probeert de coach de jongere te bereiken: een contactpoging "
        "(gelukt of niet), een gesprek of een kennismaking. Standaard binnen 3 kalenderdagen "
        "na de dag van aanmelding; het wijkteam kan die termijn aanpassen."
    ),
    anker="aanmelding",
    dagen=3,
    voldaan_door=(
        Voorwaarde(soort="contactpoging"),
        Voorwaarde(soort="contact", velden=(("met", "jongere"),)),
        Voorwaarde(soort="kennismaking"),
    ),
    pauzeerbaar=False,
    bron=Bron(
        soort="keuze",
        toelichting=(
            "Lokale instelling, geen norm uit het handboek: de termijn van 3 dagen is een "
            "standaardwaarde van ija-core. Het handboek zegt alleen dat de coach zo snel "
            "mogelijk na de aanmelding contact legt, zonder termijn; JOZ (Nieuwe "
            "Perspectieven) noemt voor zijn eigen aanpak 48 uur."
        ),
    ),
    standaard_aan=False,
    instelbaar=("dagen", "voldaan_door"),
)

GEEFT_NIET_OP = Norm(
    id="geeft-niet-op",
    naam="Niet te lang zonder contact met de jongere",
    uitleg=(
        "Zolang het traject loopt, gaat er niet te veel tijd voorbij zonder contact met de "
        "jongere: een gesprek of een gelukte contactpoging. Standaard hoogstens 14 dagen, "
        "gerekend vanaf de aanmelding en daarna vanaf het laatste contact; dagen waarop het "
        "traject opgeschort is tellen niet mee. De coach geeft niet op: nee is geen optie."
    ),
    anker="herhalend",
    dagen=14,
    voldaan_door=JONGERE_BEREIKT,
    pauzeerbaar=True,
    bron=Bron(
        soort="keuze",
        toelichting=(
            "Lokale instelling, geen norm uit het handboek: de 14 dagen zijn een standaardwaarde "
            "van ija-core. Het handboek beschrijft volhouden als houding (de coach blijft "
            "proberen), niet als termijn."
        ),
    ),
    standaard_aan=False,
    instelbaar=("dagen", "voldaan_door", "pauzeerbaar"),
)

CONTACT_NETWERK_NA_MELDING = Norm(
    id="contact-netwerk-na-melding",
    naam="Contact met het netwerk binnen 24 uur na een melding",
    uitleg=(
        "Na elke melding is er binnen 24 uur ook contact met het netwerk van de jongere "
        "(bijvoorbeeld de ouders). Weekenden en de klokwisseling tellen mee: het gaat om "
        "verstreken uren."
    ),
    anker="gebeurtenis",
    anker_gebeurtenis="melding",
    uren=24,
    voldaan_door=(Voorwaarde(soort="contact", velden=(("met", "netwerk"),)),),
    pauzeerbaar=False,
    bron=Bron(
        soort="keuze",
        toelichting=(
            "Lokale instelling: in de groepsaanpak van het handboek worden ook de ouders binnen "
            "een etmaal benaderd; of een wijkteam dat voor elk traject eist, kiest het zelf."
        ),
    ),
    standaard_aan=False,
    instelbaar=("uren",),
)

GROEP_CONTACT_NA_MELDING_24_UUR = Norm(
    id="groep-contact-na-melding-24-uur",
    naam="Contact met jongere en ouders binnen 24 uur na een groepsmelding",
    uitleg=(
        "Na elke melding over een groep (bijvoorbeeld overlast of schoolverzuim) is er voor "
        "ieder lid dat op dat moment in de groep zit binnen 24 uur contact met de jongere zelf "
        "(een gesprek of een gelukte contactpoging) én met een ouder, vastgelegd in het "
        "traject van dat lid. Een lid zonder ouder als betrokkene haalt de norm niet. "
        "Weekenden en de klokwisseling tellen mee: het gaat om 24 verstreken uren. Alleen "
        "ija.groepstoets meet deze norm, per lid."
    ),
    anker="groepsmelding",
    uren=24,
    voldaan_door=JONGERE_BEREIKT,
    ook_relatie="ouder",
    pauzeerbaar=False,
    bron=Bron(
        soort="handboek",
        toelichting=(
            "Casus 'Spin in het web': bij een melding over de groep werd binnen een etmaal, "
            "ook in het weekend, contact gezocht met de jongeren en met hun ouders."
        ),
    ),
)

GROEP_CONTACT_PER_WEEK = Norm(
    id="groep-contact-per-week",
    naam="Minstens drie contacten per week met elk groepslid",
    uitleg=(
        "Zolang de groepsaanpak loopt, heeft de coach met ieder lid minstens 3 keer per week "
        "contact (een gesprek of een gelukte contactpoging), gerekend in weken vanaf de dag "
        "dat het lid aan de groep werd toegevoegd. Een week die eindigt nadat het lid de groep "
        "verliet of de groep werd afgesloten telt niet. Het wijkteam kan het aantal en de "
        "lengte van de periode aanpassen."
    ),
    anker="groepslid",
    dagen=7,
    aantal=3,
    voldaan_door=JONGERE_BEREIKT,
    pauzeerbaar=False,
    bron=Bron(
        soort="afgeleid",
        toelichting=(
            "Volgt uit de casus 'Spin in het web', waar de contacten met jongeren, gezinnen "
            "en partners drie tot vijf keer per week plaatsvonden; ija-core maakt van de "
            "ondergrens een lokale norm per lid, standaard uit."
        ),
    ),
    standaard_aan=False,
    instelbaar=("dagen", "aantal", "voldaan_door"),
)

LOKALE_NORMEN: tuple[Norm, ...] = (
    CONTACT_NETWERK_NA_MELDING,
    EERSTE_CONTACTPOGING,
    GEEFT_NIET_OP,
)

GROEPSNORMEN: tuple[Norm, ...] = (
    GROEP_CONTACT_NA_MELDING_24_UUR,
    GROEP_CONTACT_PER_WEEK,
)
"""The group norms (evaluated per member by ``ija.groepstoets`` only): the handbook's 24-hour
response to a groepsmelding (on by default) and the opt-in weekly intensity (``afgeleid``)."""

HANDBOEK_NORMEN: tuple[Norm, ...] = (
    CONTACT_NA_MELDING_24_UUR,
    FASE_STREEFDUUR,
    INTAKE_BINNEN_6_WEKEN,
    PLAN_BINNEN_6_WEKEN,
)
"""The four default norms the built-in plugin brings. Not all four are the handbook's: the
six-week norms are ``handboek``, the 24-hour norm ``afgeleid``, the streefduur signal
``keuze`` (each ``bron`` says why)."""
