"""The four fasen of the handbook as data: steps, target durations, key concepts, rol expectations.

Facts, names and numbers come from the handbook (the phase tables and the phase overview with
the target durations of 4, 8, 16 and 3 weeks, 31 weeks in total). The texts are this project's
own Dutch wording. The handbook's phase tables do not describe every rol in every fase (fase 1
names no other care parties, fase 4 does not name the young person's own network); where that
is so, the expectation says it and rests on the general way of working the handbook describes.
"""

from __future__ import annotations

from datetime import timedelta

from ija_core.phases.model import FaseDefinitie, Rolverwachting, Stap

__all__ = ["FASEN"]

_VERTROUWEN = FaseDefinitie(
    id="vertrouwen",
    nummer=1,
    naam="Vertrouwen",
    volledige_naam="Vertrouwen (of matching)",
    doel=(
        "Zo snel mogelijk na de aanmelding contact maken met de jongere en een vertrouwensband "
        "opbouwen. Jongere en coach leren elkaar kennen en spreken uit wat ze van elkaar mogen "
        "verwachten."
    ),
    streefduur=timedelta(weeks=4),
    stappen=(
        Stap(
            id="aanmelden",
            letter="a",
            naam="Aanmelden",
            beschrijving=(
                "De jongere wordt aangemeld bij de intensief jongerencoach. De verwijzer kan een "
                "partner uit het wijknetwerk zijn, zoals de wijkagent. ija-core laat de "
                "servicenormen van het wijkteam vanaf de aanmelding lopen; het handboek noemt "
                "daar geen begin voor."
            ),
        ),
        Stap(
            id="contact-leggen",
            letter="b",
            naam="Contact leggen",
            beschrijving=(
                "De coach zoekt zo snel mogelijk contact. Reageert de jongere niet, dan probeert "
                "de coach een andere weg: een appje, bellen, langsgaan."
            ),
        ),
        Stap(
            id="kennismaken",
            letter="c",
            naam="Kennismaken",
            beschrijving=(
                "De eerste ontmoeting. Loopt de jongere tegen dringende praktische zaken aan, dan "
                "pakt de coach die meteen op; dat legt de basis voor vertrouwen."
            ),
        ),
        Stap(
            id="verwachtingen-uitspreken",
            letter="d",
            naam="Verwachtingen uitspreken",
            beschrijving=(
                "Jongere en coach zeggen wat ze van elkaar verwachten. De coach is eerlijk over "
                "wat hij wel en niet kan, zodat later niemand teleurgesteld of in het ongewisse is."
            ),
        ),
    ),
    kernbegrippen=(
        "contact maken",
        "actief en aandachtig luisteren",
        "aansluiten",
        "grenzen aanvoelen",
        "prioriteiten en noden herkennen",
        "verwachtingen uitspreken",
    ),
    rolverwachtingen=(
        Rolverwachting(
            rol="jongere",
            verwachtingen=(
                "Er wordt nog weinig van de jongere gevraagd: hij of zij krijgt tijd en ruimte "
                "om de coach te leren kennen.",
                "Weet de jongere nog niet goed wat hij wil of waar hij vastloopt, dan vraagt de "
                "coach door.",
            ),
        ),
        Rolverwachting(
            rol="netwerk",
            verwachtingen=(
                "De meeste jongeren zijn 18 jaar of ouder. De coach bekijkt per situatie of het "
                "helpt om ouders of het eigen netwerk er nu al bij te halen.",
                "Vertrekpunt is de wens van de jongere zelf, en dat het traject ermee opschiet: "
                "een uitgangspunt van het handboek, geen harde voorwaarde.",
                "Spelen er thuis problemen, dan kan het netwerk het kennismaken juist in de weg "
                "zitten.",
            ),
        ),
        Rolverwachting(
            rol="wijknetwerk",
            verwachtingen=(
                "Een partner uit het wijknetwerk kan de verwijzer zijn.",
                "Kent een partner de jongere al langer, dan kan die de coach introduceren en zo "
                "helpen om contact te leggen en vertrouwen te winnen.",
            ),
        ),
        Rolverwachting(
            rol="zorgpartijen",
            verwachtingen=(
                "Het handboek geeft overige (zorg)partijen in deze fase geen eigen taak.",
                "De coach bouwt eerst zelf de vertrouwensband op; of andere specialisten nodig "
                "zijn, wordt pas in de verdieping verkend.",
            ),
        ),
        Rolverwachting(
            rol="coach",
            verwachtingen=(
                "In deze fase is de coach zelf het belangrijkste instrument.",
                "Legt zo snel mogelijk na de aanmelding contact en geeft niet op als de jongere "
                "niet reageert: appen, bellen, langsgaan.",
                "Pakt bij de kennismaking dringende praktische zaken direct op.",
                "Maakt duidelijk wat hij wel en niet kan bieden.",
            ),
        ),
    ),
)

_VERDIEPING = FaseDefinitie(
    id="verdieping",
    nummer=2,
    naam="Verdieping",
    volledige_naam="Verdieping",
    doel=(
        "De jongere beter leren kennen, de hulpvragen helder krijgen en samen doelen vastleggen "
        "in het ondersteuningsplan. Dat plan groeit mee met wat er verder aan het licht komt."
    ),
    streefduur=timedelta(weeks=8),
    stappen=(
        Stap(
            id="vraagverheldering",
            letter="a",
            naam="Vraagverheldering",
            beschrijving=(
                "Door door te vragen worden leerdoelen en mogelijkheden scherper. Patronen die "
                "zichtbaar worden, houdt de coach de jongere voor. Verheldering stopt niet na "
                "deze fase: ze loopt het hele traject door."
            ),
        ),
        Stap(
            id="ondersteuningsplan",
            letter="b",
            naam="Opstellen ondersteuningsplan",
            beschrijving=(
                "Wat de verheldering oplevert, komt in het ondersteuningsplan: hulpvragen, "
                "doelen, eigen keuzes en mogelijkheden. Nieuwe informatie breidt het plan uit. "
                "Contact krijgen met de jongere kan zelf al een doel in het plan zijn."
            ),
        ),
    ),
    kernbegrippen=(
        "onderzoeken",
        "vraagverheldering",
        "uitproberen",
        "acties uitvoeren",
        "doorvragen",
        "aandacht hebben",
        "luisteren",
        "spiegelen en confronteren",
    ),
    rolverwachtingen=(
        Rolverwachting(
            rol="jongere",
            verwachtingen=(
                "De jongere houdt de regie; de coach nodigt uit en daagt uit om zelf in actie "
                "te komen.",
                "Hij of zij laat zien wat hij nodig heeft en wat hij al kan.",
            ),
        ),
        Rolverwachting(
            rol="netwerk",
            verwachtingen=(
                "Wie in het eigen netwerk steun biedt en waar het wringt, wordt samen uitgezocht.",
                "Als de jongere dat wil, helpt het netwerk mee om de leerdoelen te halen.",
            ),
        ),
        Rolverwachting(
            rol="wijknetwerk",
            verwachtingen=(
                "De coach kan partners uit het wijknetwerk benaderen om meer over de jongere te "
                "weten te komen.",
            ),
        ),
        Rolverwachting(
            rol="zorgpartijen",
            verwachtingen=(
                "De coach verkent of andere specialisten nodig zijn. Zolang er geen formele "
                "indicatie is, is hij terughoudend met het inschakelen van een aanbieder, om de "
                "vertrouwensband niet te schaden.",
                "Tot er een besluit is genomen, houdt de coach de regie over het traject.",
                "Waar nodig maakt de coach werkafspraken met de jeugdreclassering.",
            ),
        ),
        Rolverwachting(
            rol="coach",
            verwachtingen=(
                "Vraagt door tot leerdoelen en mogelijkheden helder zijn.",
                "Houdt de jongere de patronen voor die zichtbaar worden en confronteert waar nodig.",
                "Legt de bevindingen vast in het ondersteuningsplan en vult dat aan zodra er "
                "nieuwe informatie is.",
                "Zorgt dat intake en ondersteuningsplan uiterlijk binnen zes weken gemaakt en "
                "ondertekend zijn (servicenorm van het wijkteam; ija-core telt die weken vanaf "
                "de aanmelding).",
            ),
        ),
    ),
)

_UITVOERING = FaseDefinitie(
    id="uitvoering",
    nummer=3,
    naam="Uitvoering",
    volledige_naam="Uitvoering en zelfstandigheid",
    doel=(
        "Voortbouwend op de verdieping werken aan gedragsverandering en zelfinzicht, zodat de "
        "jongere steeds meer zelf doet en de coach een stap terug kan zetten."
    ),
    streefduur=timedelta(weeks=16),
    stappen=(
        Stap(
            id="onderzoeken-uitproberen",
            letter="a",
            naam="Onderzoeken en uitproberen",
            beschrijving=(
                "De jongere oefent met nieuw gedrag: dilemma's uittekenen, voor- en nadelen van "
                "keuzes afwegen, organisaties bezoeken, bellen, op tijd komen, solliciteren. De "
                "coach spiegelt en geeft feedback."
            ),
        ),
        Stap(
            id="afstand-nemen",
            letter="b",
            naam="Afstand nemen",
            beschrijving=(
                "De jongere voert steeds meer zelf uit en de coach wordt achterwacht. Waar het "
                "past, koppelt de coach de jongere aan het eigen netwerk of het wijknetwerk."
            ),
        ),
        Stap(
            id="evalueren",
            letter="c",
            naam="Evalueren",
            beschrijving=(
                "Op basis van wat ze meemaakten en zagen, bekijken coach en jongere wat werkt "
                "en wat niet. Waar nodig wordt het ondersteuningsplan bijgesteld of volgt een "
                "verwijzing naar passende hulp."
            ),
        ),
    ),
    kernbegrippen=("gedragsverandering", "zelfinzicht", "zelfstandigheid verhogen"),
    rolverwachtingen=(
        Rolverwachting(
            rol="jongere",
            verwachtingen=(
                "Uitgangspunt is dat de jongere de acties (steeds meer) zelf uitvoert.",
                "Hij of zij oefent met situaties als bellen, op tijd komen en solliciteren.",
            ),
        ),
        Rolverwachting(
            rol="netwerk",
            verwachtingen=(
                "Duidelijk wordt wie in het netwerk een blijvend positieve invloed heeft; die "
                "rol wordt versterkt en aangemoedigd.",
                "Waar relaties te verbeteren of te herstellen zijn, komt dat op maat in het "
                "ondersteuningsplan.",
                "Het etiket JIM kan veel druk leggen op iemand uit het netwerk; de coach "
                "gebruikt het alleen als het het doel dient.",
            ),
        ),
        Rolverwachting(
            rol="wijknetwerk",
            verwachtingen=(
                "Coach en wijknetwerk werken samen om de jongere te steunen.",
                "Past het bij de doelen, dan schaalt de coach af door de jongere te koppelen aan "
                "iemand in de wijk, zoals een vrijwilliger van het buurthuis.",
            ),
        ),
        Rolverwachting(
            rol="zorgpartijen",
            verwachtingen=(
                "De coach verwijst door naar passende hulp, zoals een intelligentietest bij een "
                "vermoeden van LVB.",
                "Beslist een partij na een verwijzing anders (bijvoorbeeld centraal onthaal), "
                "dan gaat de coach duwkracht organiseren om de doelen van de hulpvraag toch te "
                "halen.",
            ),
        ),
        Rolverwachting(
            rol="coach",
            verwachtingen=(
                "Zet in op gedragsverandering en zelfinzicht, zodat de jongere zelfstandiger "
                "wordt.",
                "Spiegelt gedrag, geeft feedback en bespreekt voorbeelden uit de praktijk na.",
                "Stemt af op wat de jongere aankan: is op tijd komen lastig, dan stuurt hij "
                "vooraf een appje of verschuift hij het tijdstip.",
                "Gebruikt waar nodig opnieuw instrumenten uit de eerste twee fasen, afgestemd op "
                "de jongere, en past het ondersteuningsplan aan waar nodig.",
            ),
        ),
    ),
)

_AFRONDING = FaseDefinitie(
    id="afronding",
    nummer=4,
    naam="Afronding",
    volledige_naam="Afronding",
    doel=(
        "De begeleiding zorgvuldig overdragen, aan het wijknetwerk of aan een andere "
        "(zorg)partij, en blijven volgen zolang dat nodig is. Een open hulpvraag betekent: nog niet afronden."
    ),
    streefduur=timedelta(weeks=3),
    stappen=(
        Stap(
            id="doorverwijzen",
            letter="a",
            naam="Doorverwijzen / toeleiden naar",
            beschrijving=(
                "Een warme overdracht naar het wijknetwerk of naar een andere (zorg)partij. De coach "
                "gaat bij de organisatie en bij de jongere na of de jongere zacht landt. Soms is "
                "loslaten beter, zodat de jongere zich aan de nieuwe plek kan hechten."
            ),
        ),
        Stap(
            id="monitoren-nazorg",
            letter="b",
            naam="Monitoren / nazorg",
            beschrijving=(
                "Een afsluitend gesprek en afscheid; zo nodig een overdrachtsgesprek. De coach "
                "blijft bereikbaar. Is er nog een hulpvraag, dan blijft de casus open; zijn er "
                "alleen nog zorgen, dan volgt de coach de jongere nauwlettend."
            ),
        ),
    ),
    kernbegrippen=("overdragen", "monitoren", "nazorg"),
    rolverwachtingen=(
        Rolverwachting(
            rol="jongere",
            verwachtingen=(
                "De coach blijft bereikbaar voor de jongere als er opnieuw een hulpvraag opkomt.",
                "Is meer afstand beter voor de jongere, dan durft de coach los te laten.",
            ),
        ),
        Rolverwachting(
            rol="netwerk",
            verwachtingen=(
                "Het handboek noemt het eigen netwerk in deze fase niet apart.",
                "De begeleiding gaat van de coach over naar familie, mensen uit de buurt of het "
                "wijknetwerk; mensen uit het netwerk blijven een steun na de afronding.",
                "Een mentor uit het eigen netwerk (JIM) is, anders dan professionele hulp, niet "
                "aan een termijn gebonden.",
            ),
        ),
        Rolverwachting(
            rol="wijknetwerk",
            verwachtingen=(
                "Bij een overdracht aan het wijknetwerk voert de coach een overdrachtsgesprek.",
                "Daarna blijft de coach volgen of het goed loopt en of alle hulpvragen worden "
                "opgepakt.",
            ),
        ),
        Rolverwachting(
            rol="zorgpartijen",
            verwachtingen=(
                "Bij een doorverwijzing naar een (zorg)partij zorgt de coach voor een warme "
                "overdracht met een overdrachtsgesprek.",
                "De coach blijft volgen of het traject daar goed loopt en of het voor de jongere "
                "genoeg is.",
            ),
        ),
        Rolverwachting(
            rol="coach",
            verwachtingen=(
                "Regelt een warme overdracht en gaat na of de jongere zacht landt.",
                "Voert een eindgesprek, neemt afscheid, bewaart de contactgegevens en blijft "
                "bereikbaar.",
                "Rondt niet af zolang er een hulpvraag is; zijn er alleen nog zorgen, dan "
                "monitort hij zorgvuldig.",
                "Komen er nieuwe hulpvragen, dan verwijst hij door of doorloopt hij een deel van "
                "het traject opnieuw met instrumenten uit fase 2 en 3.",
            ),
        ),
    ),
)

FASEN: tuple[FaseDefinitie, ...] = (_VERTROUWEN, _VERDIEPING, _UITVOERING, _AFRONDING)
"""The four phases of a traject, in order (31 weeks of streefduur in total)."""
