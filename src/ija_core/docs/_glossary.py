"""The glossary of the site: abbreviations and kernbegrippen, in the project's own words.

The abbreviations are also added to every page as Markdown ``abbr`` definitions (by the
mkdocs hook), so a reader sees the meaning when pointing at e.g. PGA anywhere on the site.
Facts come from the handbook and the checked outside facts of the project; where an entry
is general Dutch usage rather than a fact of the handbook, it is a plain explanation only.
"""

from __future__ import annotations

import unicodedata

from ija_core.docs._markdown import esc

AFKORTINGEN: tuple[tuple[str, str, str], ...] = (
    # (afkorting, voluit, uitleg)
    ("IJA", "Intensieve Jongerenaanpak",
     "de outreachende, intensieve begeleiding van risicojongeren van 12 tot en met 27 jaar "
     "door de intensief jongerencoaches van de Rotterdamse wijkteams"),
    ("JIM", "Jouw Ingebrachte Mentor",
     "een volwassene uit het eigen netwerk die de jongere zelf kiest als mentor, naast de "
     "formele hulp"),
    ("PGA", "Persoonsgerichte Aanpak",
     "een aanpak vanuit het Veiligheidshuis; de coach werkt ermee samen in drang en dwang"),
    ("SISA", "de Rotterdamse verwijsindex",
     "een signaleringssysteem waarin een professional alleen vastlegt dát hij bij een jongere "
     "(tot 23 jaar) betrokken is, niet waarom; een melding verdwijnt na hoogstens twee jaar"),
    ("LIRIK", "Licht Instrument Risicotaxatie Kindveiligheid",
     "een controlelijst om risico's voor de veiligheid van een kind in te schatten; een "
     "hulpmiddel bij het nadenken, geen beslisschema"),
    ("LVB", "licht verstandelijke beperking",
     "als de coach dit vermoedt, kan een intelligentieonderzoek helpen om passende steun te "
     "vinden"),
    ("ZRM", "Zelfredzaamheid-Matrix",
     "meet hoe zelfredzaam iemand is: op 13 domeinen een score van 1 (acute problemen) tot 5 "
     "(volledig zelfredzaam)"),
    ("RET", "Rationele Emotieve Therapie",
     "helpt niet-helpende gedachten te vervangen door helpende; uitgewerkt met het 5G-model"),
    ("SCM", "Sociaal Competentiemodel",
     "leert vaardigheden aan en bouwt voort op goed gedrag dat er al is"),
    ("GGZ", "geestelijke gezondheidszorg",
     "hulp bij psychische problemen; in het wijkteam werkt de coach samen met de "
     "ggz-specialist"),
    ("POH-GGZ", "praktijkondersteuner ggz bij de huisarts",
     "voor lichtere psychische klachten"),
    ("CJG", "Centrum voor Jeugd en Gezin", "een partner in het wijknetwerk"),
    ("CJIB", "Centraal Justitieel Incassobureau",
     "int boetes; wie niet betaalt, kan gegijzeld worden (tot zeven dagen vast, en de schuld "
     "blijft)"),
    ("SKJ", "Stichting Kwaliteitsregister Jeugd",
     "het register waarin jeugdprofessionals op hbo-niveau, zoals de coaches, staan; elke vijf "
     "jaar opnieuw"),
    ("AVG", "Algemene verordening gegevensbescherming",
     "de privacywet; de grondslag voor het werk van het wijkteam is zijn publieke taak"),
)

BEGRIPPEN: tuple[tuple[str, str], ...] = (
    ("Actietafel bankslapers", "een overleg over jongeren zonder eigen woonplek die bij "
     "anderen slapen; het handboek noemt het naast de Wmo-begeleiding als weg die de coach "
     "voor een bankslaper kan inzetten"),
    ("Bankslaper", "een jongere zonder eigen woonplek die bij anderen op de bank slaapt"),
    ("Briefadres", "een postadres voor wie geen vast woonadres heeft"),
    ("Centraal Onthaal Jongeren", "het Rotterdamse loket voor jongeren zonder dak of vaste "
     "woonplek; de coach volgt wat daar met de aanvraag van de jongere gebeurt, en "
     "organiseert duwkracht als het loket anders beslist dan het doel vraagt"),
    ("Drang", "aandringen om mee te werken zonder dat een rechter iets heeft opgelegd: de "
     "jongere kan nog nee zeggen, maar merkt dat weigeren gevolgen kan hebben"),
    ("Drang en dwang", "samenwerking met partners die druk kunnen zetten, zoals de "
     "Persoonsgerichte Aanpak, politie, Jongerenloket en onderwijs; de coach zoekt die "
     "als de hulp niet op gang komt"),
    ("Duwkracht organiseren", "als een instantie anders beslist dan nodig is voor het doel "
     "van de jongere, zoekt de coach partners en argumenten om het besluit toch in beweging "
     "te krijgen; de coach is dan geduldig met de jongere en ongeduldig met instanties"),
    ("Dwang", "een maatregel die een rechter of justitie oplegt, zoals jeugdreclassering; "
     "meewerken is dan niet vrijblijvend"),
    ("Eén gezin, één plan, één regisseur", "het werkprincipe in het wijkteam: één plan voor "
     "het hele gezin, met één persoon die de regie houdt"),
    ("Jeugdhotspotoverleg", "een overleg over jongeren en overlast in de wijk, waar partners "
     "met zicht op de straat, zoals jongerenwerk, politie en handhaving, vertellen wat ze "
     "zien; de coach schuift aan als dat nodig is"),
    ("Leefgebied", "een deel van het leven dat de coach met de jongere bekijkt, zoals wonen "
     "of financiën; er zijn er acht"),
    ("Ondersteuningsplan", "het plan met de doelen van de jongere; het groeit mee en moet "
     "binnen zes weken ondertekend zijn (ija-core telt die weken vanaf de aanmelding)"),
    ("Opschalen", "overgaan naar een andere vorm van begeleiding, bijvoorbeeld samen met een "
     "partner in drang en dwang, als de hulp niet op gang komt of afspraken niet worden "
     "nagekomen"),
    ("Regisseur", "wie de regie heeft; het doel is dat de jongere regisseur van het eigen "
     "leven wordt"),
    ("Servicenorm", "een termijn waarbinnen iets moet zijn gebeurd, zoals de intake binnen "
     "zes weken"),
    ("Streefduur", "hoe lang een fase ongeveer duurt: een richtlijn, geen harde grens"),
    ("Vroege uitstroom", "een traject dat eindigt buiten de afronding om, bijvoorbeeld door "
     "detentie of een opname"),
    ("Warme overdracht", "overdragen aan een andere partij en nagaan bij de jongere en de "
     "organisatie of het goed loopt: een zachte landing"),
    ("Wijknetwerk", "de professionals en vrijwilligers in de wijk: wijkagent, jongerenwerk, "
     "school, Jongerenloket en anderen"),
)


def abbr_definities() -> str:
    """Markdown ``abbr`` definitions of every abbreviation (appended to each page)."""
    return "\n" + "".join(f"*[{a}]: {voluit}\n" for a, voluit, _ in AFKORTINGEN)


def sorteersleutel(woord: str) -> str:
    """How the glossary sorts: alphabetically, ignoring case and accents (Eén under E)."""
    zonder = unicodedata.normalize("NFKD", woord)
    return "".join(c for c in zonder if not unicodedata.combining(c)).casefold()


def begrippen_pagina() -> str:
    """The glossary page."""
    delen = [
        "# Begrippen en afkortingen\n",
        "Wie met de muis op een afkorting op deze site wijst, ziet wat ze betekent. Hier staan "
        "ze allemaal, met de begrippen die in de aanpak steeds terugkomen.\n",
        "## Afkortingen\n",
    ]
    delen.extend(f"{esc(a)}\n:   **{esc(voluit)}**: {esc(uitleg)}.\n" for a, voluit, uitleg in
                 sorted(AFKORTINGEN, key=lambda r: sorteersleutel(r[0])))
    delen.append("## Begrippen\n")
    delen.extend(f"{esc(b)}\n:   {esc(uitleg)}.\n" for b, uitleg in
                 sorted(BEGRIPPEN, key=lambda r: sorteersleutel(r[0])))
    return "\n".join(delen)
