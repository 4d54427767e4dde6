"""The handbook's own instrument catalogue, plus the municipal instruments the coaches know.

``HANDBOEK_INSTRUMENTEN`` holds the 17 tools and interventions the handbook lists, in the
handbook's order, followed by four instruments of the municipal toolkit it names (LIRIK,
the Meldcode huiselijk geweld en kindermishandeling, SISA and the veiligheidsprotocol of the
municipality of Rotterdam) and by the one method the coaches developed themselves that the
handbook names outside its overview (Mentoring "Elke jongere telt"; JIM, the other one, is in
the overview). The ZRM belongs to both the overview and the toolkit and appears once, as
``zrm``. They are contributed through the same hook as any plugin
(``ija_core._handboekplugin``) and carry ``aanbieder=None``.

**Where an instrument fits.** The handbook rarely says in which fase or for which leefgebied
an instrument is used. It does give two reuse rules: fase 3 (uitvoering) applies the
instruments of fases 1 and 2 as needed, and when new help questions come up in afronding the
instruments of fases 2 and 3 are used again. So every list of fasen here obeys:

- ``vertrouwen`` or ``verdieping`` listed ⇒ ``uitvoering`` listed;
- ``verdieping`` or ``uitvoering`` listed ⇒ ``afronding`` listed.

Only JIM is placed by the handbook as a whole (it is discussed in fase 3, within the young
person's own network; afronding follows from the reuse rule, so that placement is
``afgeleid``): it has ``plaatsing="handboek"``. A few single placements of other instruments
come from the handbook too (``_UIT_HET_HANDBOEK``: the bolletjesschema maps the network,
Mobility Mentoring targets financial problems, and fase 3 names network analyses and
dilemmas); every other placement is this project's suggestion (``keuze``), and the docs
say so. In fase 1 the handbook calls the coach the main instrument, so only attitudes and
conversation methods (and the municipal safety instruments) are suggested there.

**Origins and recognition** follow ``facts.md``: facts verified in a source have status
``"geverifieerd"``, facts from one secondary source ``"deels-geverifieerd"``, and what was not
found stays empty with status ``"onbekend"``. Where ``facts.md`` gives an origin fact for a
municipal instrument without a verification mark (the Meldcode's afwegingskader, SISA as the
Rotterdam form of the Verwijsindex), it is recorded as ``"deels-geverifieerd"``. For LIRIK
``facts.md`` says only what it is (a checklist, not a decision scheme), not who made it or
when: its herkomst stays empty with status ``"onbekend"``.

All Dutch texts are written for ija-core; no sentences are copied from the handbook.
"""

from __future__ import annotations

import attrs

from ija_core.bron import Bron
from ija_core.tools.model import Erkenning, Herkomst, Instrument, Instrumentplaatsing
from ija_core.tools.results import (
    BolletjesschemaResultaat,
    JimResultaat,
    MindmapResultaat,
    Schaalvraagresultaat,
    VijfGResultaat,
    ZrmResultaat,
)
from ija_core.tools.zrm import ZRM_DOMEINEN

__all__ = [
    "EIGEN_WERKWIJZE_IDS",
    "GEMEENTELIJKE_INSTRUMENT_IDS",
    "HANDBOEK_INSTRUMENTEN",
    "HANDBOEK_INSTRUMENT_IDS",
]

_ALLE_FASEN = ("vertrouwen", "verdieping", "uitvoering", "afronding")
_VANAF_VERDIEPING = ("verdieping", "uitvoering", "afronding")
_VANAF_UITVOERING = ("uitvoering", "afronding")

_ALLE_LEEFGEBIEDEN = (
    "scholing",
    "financien",
    "wonen",
    "werk",
    "justitie",
    "gezondheid",
    "vrije-tijd",
    "sociaal-netwerk",
)

_GEEN_ERKENNING_GEVONDEN = Erkenning()
"""facts.md: for most instruments no recognition was found; it is still to be supplied."""

HANDBOEK_INSTRUMENT_IDS: tuple[str, ...] = (
    "jim",
    "gentle-teaching",
    "ret",
    "5g-model",
    "sociaal-competentiemodel",
    "sturen-op-zelfsturing",
    "motiverende-gespreksvoering",
    "oplossingsgericht-werken",
    "bolletjesschema",
    "mobility-mentoring",
    "cultuursensitief-werken",
    "moreel-redeneren",
    "mijn-pad",
    "mindmap",
    "zrm",
    "provocatieve-technieken",
    "schaalvraag",
)
"""The 17 tools and interventions of the handbook's overview, in its order."""

GEMEENTELIJKE_INSTRUMENT_IDS: tuple[str, ...] = (
    "lirik",
    "meldcode-huiselijk-geweld",
    "sisa",
    "veiligheidsprotocol",
)
"""Municipal instruments the handbook says the coaches know (besides the ZRM)."""

EIGEN_WERKWIJZE_IDS: tuple[str, ...] = ("mentoring-elke-jongere-telt",)
"""Methods the coaches developed themselves that the handbook names outside its overview."""


_JIM = Instrument(
    id="jim",
    naam="JIM (Jouw Ingebrachte Mentor)",
    soort="methode",
    samenvatting=(
        "De jongere kiest zelf een volwassene uit de eigen kring als mentor, die een plek "
        "krijgt naast de professionele hulp."
    ),
    beschrijving=(
        "Bij JIM zoekt de jongere in het eigen netwerk iemand die hij of zij vertrouwt. Die "
        "mentor krijgt een erkende rol naast de formele hulpverlening en kan ook "
        "voor het gezin veel betekenen. Omdat de jongere de mentor zelf kiest, wordt de hulp "
        "beter aanvaard en helpt dat vaak bij het halen van de doelen. Professionele hulp "
        "stopt na verloop van tijd; de band met de mentor hoeft dat niet. Het handboek merkt "
        "op dat het etiket 'JIM' zwaar kan drukken op een contact uit het netwerk: gebruik de "
        "term alleen als het doel ermee gediend is."
    ),
    fasen=_VANAF_UITVOERING,
    leefgebieden=("sociaal-netwerk",),
    plaatsing="handboek",
    onderdelen=(
        "een mentor die de jongere zelf kiest",
        "uit het eigen netwerk van de jongere",
        "een plek naast de formele hulpverlening",
        "niet aan de duur van de hulp gebonden",
    ),
    doelgroep="jongeren van 12 tot 23 jaar",
    herkomst=Herkomst(
        auteurs=("Levi van Dam",),
        jaar=2013,
        toelichting="Professionals worden in de aanpak getraind.",
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
    resultaat=JimResultaat,
)

_GENTLE_TEACHING = Instrument(
    id="gentle-teaching",
    naam="Gentle teaching",
    soort="methode",
    samenvatting=(
        "Begeleiding die draait om een veilige, gelijkwaardige en wederkerige band met de "
        "ander ('companionship')."
    ),
    beschrijving=(
        "Gentle teaching is bedoeld voor mensen met een verstandelijke beperking die ook "
        "zwaar probleemgedrag laten zien. Het vertrekpunt is dat ieder mens wil leven in verbinding met "
        "anderen, in een relatie die gelijkwaardig is en van twee kanten komt, en zich thuis "
        "wil voelen in een zorgzame gemeenschap waaraan hij zelf iets kan bijdragen. Wie dat "
        "weinig heeft meegemaakt, moet leren zich ervoor open te stellen. De band met de "
        "begeleider rust op vier pijlers: je veilig voelen bij de ander, je door de ander "
        "geliefd voelen, zelf liefde voelen en tonen voor de ander, en je met de ander "
        "verbonden voelen."
    ),
    fasen=_ALLE_FASEN,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    onderdelen=("veilig", "geliefd", "liefdevol", "verbonden"),
    doelgroep="mensen met een verstandelijke beperking die ook ernstig probleemgedrag laten zien",
    herkomst=Herkomst(
        auteurs=("John J. McGee",),
        toelichting="Ontstaan in de jaren tachtig.",
        status="geverifieerd",
    ),
    erkenning=Erkenning(
        niveau="goed-onderbouwd",
        databank="erkenningscommissie gehandicaptenzorg",
        jaar=2016,
        status="geverifieerd",
    ),
)

_RET = Instrument(
    id="ret",
    naam="Rationele Emotieve Therapie (RET)",
    soort="methode",
    samenvatting=(
        "Ongezonde, irrationele denkpatronen opsporen en vervangen door gedachten die beter "
        "bij de werkelijkheid passen."
    ),
    beschrijving=(
        "RET richt zich op gedachten die niet kloppen of te stellig zijn. De coach spoort ze "
        "samen met de jongere op en zet ze om in gedachten die realistischer zijn, zodat "
        "gevoel en verstand weer in evenwicht komen en de jongere zichzelf en zijn omgeving "
        "nuchterder bekijkt. De methode gaat terug op het ABC-schema van Albert Ellis; in de "
        "Intensieve Jongerenaanpak wordt ze uitgewerkt met het 5G-model."
    ),
    fasen=_VANAF_VERDIEPING,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    herkomst=Herkomst(
        auteurs=("Albert Ellis",),
        toelichting="Gebouwd op het ABC-schema van Ellis.",
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_VIJF_G = Instrument(
    id="5g-model",
    naam="5G-model",
    soort="werkvorm",
    samenvatting=(
        "Een lastige situatie ontleden in gebeurtenis, gedachten, gevoelens, gedrag en gevolg, "
        "zodat patronen zichtbaar worden."
    ),
    beschrijving=(
        "Met het 5G-model loopt de coach met de jongere een moeilijk moment stap voor stap na: "
        "wat er gebeurde en met wie, wat er door zijn hoofd ging, wat hij voelde, wat hij "
        "deed en wat dat opleverde. Zo ziet de jongere hoe hij met lastige situaties omgaat, "
        "en komen patronen en gedrag dat hem niet helpt aan het licht. Het model is de "
        "Nederlandse vorm van het ABC-schema uit de RET en is een coachingsinstrument, geen "
        "therapie."
    ),
    fasen=_VANAF_VERDIEPING,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    onderdelen=("Gebeurtenis", "Gedachten", "Gevoelens", "Gedrag", "Gevolg"),
    herkomst=Herkomst(
        toelichting="De Nederlandse weergave van het ABC-schema van Albert Ellis (RET).",
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
    resultaat=VijfGResultaat,
)

_SCM = Instrument(
    id="sociaal-competentiemodel",
    naam="Sociaal Competentiemodel (SCM)",
    soort="methode",
    samenvatting=("Vaardigheden aanleren door verder te bouwen op wat de jongere nu al goed doet."),
    beschrijving=(
        "Het Sociaal Competentiemodel leert mensen vaardigheden, zodat ze meer mogelijkheden "
        "krijgen en weer mee kunnen doen in de samenleving. Het begint bij wat al goed gaat: "
        "het positieve gedrag dat de jongere nu al vertoont. Het model kijkt naar de balans "
        "tussen de ontwikkelingstaken waar iemand voor staat en de vaardigheden die hij heeft "
        "om ze aan te kunnen. Het is oorspronkelijk gemaakt voor jongeren die met justitie in "
        "aanraking kwamen en wordt ook gebruikt bij jongeren met een licht verstandelijke "
        "beperking (LVB)."
    ),
    fasen=_VANAF_UITVOERING,
    leefgebieden=("scholing", "werk", "justitie", "sociaal-netwerk"),
    onderdelen=("ontwikkelingstaken", "vaardigheden"),
    doelgroep=(
        "oorspronkelijk delinquente jongeren; ook jongeren met een licht verstandelijke beperking"
    ),
    herkomst=Herkomst(
        auteurs=("Slot", "Spanjaard"),
        jaar=1999,
        toelichting="Herzien in 2009.",
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_STUREN_OP_ZELFSTURING = Instrument(
    id="sturen-op-zelfsturing",
    naam="Sturen op zelfsturing",
    soort="training",
    samenvatting=(
        "Training waarin coaches leren de jongere te begeleiden vanuit diens eigen kracht."
    ),
    beschrijving=(
        "In de training Sturen op zelfsturing leren jongerencoaches de regie bij de jongere te "
        "laten. Er zijn vijf principes: aansluiten bij wat de jongere zelf drijft; werken aan "
        "doelen in plaats van blijven hangen in problemen en beperkingen; vertrouwen op het "
        "leerproces van de jongere in plaats van een 'goede' uitkomst na te streven, wat zijn "
        "vertrouwen in eigen kunnen laat groeien; bij het halen van een doel het eigen netwerk "
        "van de jongere inschakelen en niet het professionele; en begeleiden met vragen, niet "
        "met oordelen, adviezen of overtuigen."
    ),
    fasen=_ALLE_FASEN,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    onderdelen=(
        "aansluiten bij de motivatie van de jongere",
        "richten op doelen, niet op problemen",
        "sturen op het leerproces, niet op het juiste eindresultaat",
        "het eigen sociale netwerk betrekken, niet het professionele",
        "begeleiden met vragen in plaats van met oordelen, adviezen of overtuigen",
    ),
    herkomst=Herkomst(
        auteurs=("Gejo Duinkerken",),
        toelichting=(
            "Bureau Radar. De vijf principes staan hier zoals het handboek ze noemt; buiten "
            "het handboek zijn ze maar deels nagetrokken."
        ),
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_MOTIVERENDE_GESPREKSVOERING = Instrument(
    id="motiverende-gespreksvoering",
    naam="Motiverende gespreksvoering",
    soort="methode",
    samenvatting=(
        "Gesprekstechnieken die de eigen motivatie van de jongere om te veranderen naar boven "
        "halen."
    ),
    beschrijving=(
        "Bij motiverende gespreksvoering vertelt de coach de jongere niet wat hij moet doen, "
        "maar helpt hij hem zelf redenen te vinden om een andere kant op te gaan. Verandering "
        "die uit de jongere zelf komt, is makkelijker op gang te brengen. De coach gebruikt "
        "vijf technieken: open vragen stellen, reflectief luisteren, bevestigen, samenvatten "
        "en verandertaal uitlokken. De eerste vier heten samen ook wel ORBS."
    ),
    fasen=_ALLE_FASEN,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    onderdelen=(
        "open vragen stellen",
        "reflectief luisteren",
        "bevestigen",
        "samenvatten",
        "verandertaal uitlokken",
    ),
    herkomst=Herkomst(auteurs=("Miller", "Rollnick"), jaar=1991, status="geverifieerd"),
    erkenning=Erkenning(
        databank="Movisie Databank Effectieve Sociale Interventies",
        status="deels-geverifieerd",
        toelichting="Beschreven in de databank; een erkenningsniveau is niet gevonden.",
    ),
)

_OPLOSSINGSGERICHT_WERKEN = Instrument(
    id="oplossingsgericht-werken",
    naam="Oplossingsgericht werken",
    soort="methode",
    samenvatting=(
        "Met gestructureerde vragen de jongere zelf oplossingen, doelen en stappen laten vinden."
    ),
    beschrijving=(
        "Oplossingsgericht werken is bedoeld voor wie zijn problemen niet meer alleen of met "
        "hulp van de eigen omgeving aankan. Met gerichte, gestructureerde vragen helpt de "
        "coach de jongere zijn probleem te benoemen en er anders naar te kijken, te zien welke "
        "hulpbronnen hij in zichzelf en om zich heen heeft, zijn doelen concreet en precies te "
        "maken, weer hoop en vertrouwen te krijgen, zelf bedachte stappen te zetten en zelf "
        "in te schatten wanneer hij het zonder hulpverlener redt. Bekende technieken zijn de "
        "wondervraag, schaalvragen, het zoeken naar uitzonderingen en complimenten."
    ),
    fasen=_VANAF_VERDIEPING,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    onderdelen=("wondervraag", "schaalvragen", "uitzonderingen", "complimenten"),
    herkomst=Herkomst(
        auteurs=("De Shazer", "Kim Berg"),
        toelichting="Ontwikkeld in Milwaukee.",
        status="geverifieerd",
    ),
    erkenning=Erkenning(
        niveau="effectief-eerste-aanwijzingen",
        jaar=2017,
        status="geverifieerd",
        toelichting="Erkend als 'Oplossingsgericht werken in het sociaal werk'.",
    ),
)

_BOLLETJESSCHEMA = Instrument(
    id="bolletjesschema",
    naam="Bolletjesschema",
    soort="werkvorm",
    samenvatting=(
        "Samen met de jongere het netwerk tekenen: wie ken je, hoe belangrijk is die persoon "
        "en hoe dichtbij staat hij?"
    ),
    beschrijving=(
        "Op een groot vel papier zet de coach met de jongere een bolletje voor ieder die de "
        "jongere kent. Per persoon bespreken ze hoe belangrijk die is en hoe dicht hij bij de "
        "jongere staat. Zo wordt zichtbaar waar in het netwerk steun zit en waar het "
        "kwetsbaar is. In ija-core legt een resultaat per persoon het belang en de nabijheid "
        "vast op een schaal van 1 tot 5; die schaal is een keuze van dit project, niet van het "
        "handboek."
    ),
    fasen=_VANAF_VERDIEPING,
    leefgebieden=("sociaal-netwerk",),
    onderdelen=("personen", "belang", "nabijheid"),
    herkomst=Herkomst(),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
    resultaat=BolletjesschemaResultaat,
)

_MOBILITY_MENTORING = Instrument(
    id="mobility-mentoring",
    naam="Mobility Mentoring®",
    soort="methode",
    samenvatting=(
        "Financiële en sociale problemen in samenhang aanpakken, op weg naar een economisch "
        "zelfredzaam leven."
    ),
    beschrijving=(
        "Mobility Mentoring® gaat ervan uit dat langdurige stress, bijvoorbeeld door armoede "
        "en schulden, het vermogen om problemen op te lossen en gericht aan doelen te werken "
        "verlamt. Daarom pakt de aanpak geldzaken en sociale problemen niet los van elkaar "
        "aan maar als geheel, met een economisch zelfstandig bestaan als doel."
    ),
    fasen=_VANAF_VERDIEPING,
    leefgebieden=("financien", "wonen", "werk"),
    herkomst=Herkomst(
        auteurs=("EMPath",),
        toelichting=(
            "Ontwikkeld in Boston; in Nederland in gebruik sinds 2017. Mobility Mentoring is "
            "een geregistreerd merk."
        ),
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_CULTUURSENSITIEF_WERKEN = Instrument(
    id="cultuursensitief-werken",
    naam="Cultuursensitief werken",
    soort="houding",
    samenvatting=(
        "Oog hebben voor culturele aspecten, bij de jongere en bij jezelf, in elke stap van de "
        "begeleiding."
    ),
    beschrijving=(
        "Cultuursensitief werken is een professionele houding. De coach is zich bewust van "
        "wat cultureel bepaald is in zijn eigen kijk en in die van de jongere, en houdt daar "
        "rekening mee bij intake, diagnostiek, bejegening, begeleiding en behandeling. Voor "
        "een organisatie betekent het dat diensten, werkwijzen en regels uitgaan van "
        "diversiteit. Het is geen afgebakende interventie met een vast protocol."
    ),
    fasen=_ALLE_FASEN,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    herkomst=Herkomst(
        toelichting="Een professionele houding, geen uitgewerkte interventie.",
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_MOREEL_REDENEREN = Instrument(
    id="moreel-redeneren",
    naam="Moreel redeneren",
    soort="werkvorm",
    samenvatting=(
        "Met morele dilemma's de jongere leren minder vanuit zichzelf en meer vanuit "
        "wederkerigheid te denken."
    ),
    beschrijving=(
        "De coach legt de jongere morele dilemma's voor en vraagt door op zijn afwegingen. "
        "Zo leert de jongere minder egocentrisch te redeneren en meer uit te gaan van "
        "wederkerigheid: wat hij anderen gunt en wat hij van hen mag verwachten."
    ),
    fasen=_VANAF_UITVOERING,
    leefgebieden=("justitie", "sociaal-netwerk"),
    onderdelen=("morele dilemma's",),
    herkomst=Herkomst(
        toelichting=(
            "Bouwt voort op het werk van Kohlberg; in het Nederlandse jeugdstrafrecht is het "
            "een onderdeel van EQUIP. Welke training de IJA-coaches hiervoor volgen, is nog "
            "niet bekend."
        ),
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_MIJN_PAD = Instrument(
    id="mijn-pad",
    naam="Mijn Pad",
    soort="meetinstrument",
    samenvatting=(
        "Werkboek en app waarmee de jongere keuzes maakt over zijn toekomst en stap voor stap "
        "zijn eigen weg volgt."
    ),
    beschrijving=(
        "Mijn Pad helpt jongeren keuzes te maken over hun leven en hun toekomst, en daarna "
        "stap voor stap hun eigen koers te vinden en vast te houden. Het bestaat uit een "
        "werkboek en een app die van de jongere zelf zijn. Het eindigt in een overzicht van "
        "scores, dat de basis legt voor een actieplan."
    ),
    fasen=_VANAF_VERDIEPING,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    onderdelen=("werkboek", "app", "scoreoverzicht", "actieplan"),
    doelgroep="jongeren vanaf 16 jaar; er is ook een versie voor 18 tot 27 jaar",
    herkomst=Herkomst(
        auteurs=("Kenniscentrum Zorginnovatie, Hogeschool Rotterdam",),
        jaar=2013,
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_MINDMAP = Instrument(
    id="mindmap",
    naam="Mindmap",
    soort="werkvorm",
    samenvatting="Een schema van begrippen, teksten en verbanden rond één centraal thema.",
    beschrijving=(
        "Een mindmap zet rond een thema in het midden takken met begrippen, korte teksten, "
        "verbanden of plaatjes. Zo haalt de coach op een eenvoudige manier informatie bij de "
        "jongere op en maakt hij die overzichtelijk, voor de jongere zelf en voor de coach."
    ),
    fasen=_VANAF_VERDIEPING,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    onderdelen=("centraal thema", "takken"),
    herkomst=Herkomst(
        auteurs=("Tony Buzan",),
        toelichting="Ontstaan in de jaren zeventig.",
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
    resultaat=MindmapResultaat,
)

_ZRM = Instrument(
    id="zrm",
    naam="Zelfredzaamheid-Matrix (ZRM)",
    soort="meetinstrument",
    samenvatting=(
        "Meet op 13 domeinen hoe zelfredzaam iemand nu is, met een niveau van 1 tot en met 5."
    ),
    beschrijving=(
        "Met de Zelfredzaamheid-Matrix schat een getrainde professional op 13 domeinen in hoe "
        "zelfredzaam iemand op dit moment is, van 1 (acute problematiek) tot 5 (volledig "
        "zelfredzaam). Een score beschrijft de huidige situatie: informatie van meer dan 30 "
        "dagen oud telt niet mee. Vooruitgang is pas te zien na minstens twee metingen, en "
        "een doel kan worden vastgelegd als de score die een latere meting moet halen. De "
        "schaal is ordinaal: reken geen gemiddelde over domeinen uit. Voor volwassenen is er "
        "de ZRM 2017, voor jongeren van 12 tot 18 jaar de ZRM-Jongeren; beide gebruiken "
        "dezelfde domeinen en niveaus. De ZRM hoort ook bij het gemeentelijk instrumentarium "
        "dat de coaches kennen. ija-core bevat alleen de namen van de domeinen en niveaus: de "
        "teksten in de matrix zelf zijn auteursrechtelijk beschermd. De koppeling met de "
        "leefgebieden is een voorstel van ija-core, geen officiële koppeling."
    ),
    fasen=_VANAF_VERDIEPING,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    onderdelen=tuple(domein.naam for domein in ZRM_DOMEINEN),
    doelgroep="ZRM 2017 voor volwassenen; ZRM-Jongeren voor jongeren van 12 tot 18 jaar",
    herkomst=Herkomst(
        auteurs=("GGD Amsterdam",),
        jaar=2017,
        toelichting="GGD Amsterdam is eigenaar van de matrix; de ZRM-Jongeren kwam uit in 2020.",
        status="geverifieerd",
        bronvermelding="zelfredzaamheidmatrix.nl",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
    resultaat=ZrmResultaat,
)

_PROVOCATIEVE_TECHNIEKEN = Instrument(
    id="provocatieve-technieken",
    naam="Provocatieve technieken",
    soort="methode",
    samenvatting=(
        "Provocatief coachen: met warmte, humor en uitdaging de jongere zelf "
        "verantwoordelijkheid laten nemen."
    ),
    beschrijving=(
        "Provocatief coachen gaat uit van de gedachte dat je iemand soms even pijn moet doen "
        "om grotere pijn te voorkomen: boos worden omdat je om iemand geeft. De coach werkt "
        "vanuit drie grondhoudingen. Warmte maakt dat hij blijft investeren om de jongere te "
        "bereiken, humor helpt relativeren en schept betrokkenheid, en uitdaging zet de "
        "jongere ertoe aan zelf verantwoordelijkheid te nemen."
    ),
    fasen=_VANAF_VERDIEPING,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    onderdelen=("warmte", "humor", "uitdaging"),
    herkomst=Herkomst(
        auteurs=("Frank Farrelly",),
        toelichting="Ontstaan in de jaren zestig.",
        status="geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_SCHAALVRAAG = Instrument(
    id="schaalvraag",
    naam="Schaalvraag (Signs of Safety)",
    soort="werkvorm",
    samenvatting=(
        "De jongere geeft de huidige situatie een cijfer van 0 tot 10; dat cijfer opent het "
        "gesprek."
    ),
    beschrijving=(
        "De schaalvraag is een oplossingsgericht hulpmiddel om met de jongere over allerlei "
        "onderwerpen te praten. De jongere kiest een cijfer van 0 tot 10 dat uitdrukt hoe hij "
        "de situatie nu waardeert, en dat cijfer is het vertrekpunt van het gesprek. Wat 0 en "
        "10 betekenen, verschilt per vraag; daarom legt ija-core bij elke score ook de "
        "betekenis van beide uitersten vast."
    ),
    fasen=_VANAF_VERDIEPING,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    onderdelen=("onderwerp", "cijfer van 0 tot 10", "betekenis van 0 en van 10"),
    herkomst=Herkomst(
        auteurs=("Turnell", "Edwards"),
        toelichting="Afkomstig uit Signs of Safety, ontwikkeld in de jaren negentig.",
        status="geverifieerd",
    ),
    erkenning=Erkenning(
        niveau="goed-onderbouwd",
        jaar=2017,
        status="geverifieerd",
        toelichting="De erkenning geldt Signs of Safety, de aanpak waaruit de schaalvraag komt.",
    ),
    resultaat=Schaalvraagresultaat,
)

_LIRIK = Instrument(
    id="lirik",
    naam="LIRIK (Licht Instrument Risicotaxatie Kindveiligheid)",
    soort="gemeentelijk-instrumentarium",
    samenvatting="Een checklist om risico's voor de veiligheid van een kind in te schatten.",
    beschrijving=(
        "LIRIK is een lichte checklist waarmee een professional de risico's voor de "
        "veiligheid van een kind op een rij zet. Het helpt bij het inschatten, maar is geen "
        "beslisschema: de afweging maakt de professional zelf. De coaches van de Intensieve "
        "Jongerenaanpak kennen het als onderdeel van het Rotterdamse instrumentarium."
    ),
    fasen=_ALLE_FASEN,
    leefgebieden=("sociaal-netwerk",),
    herkomst=Herkomst(),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_MELDCODE = Instrument(
    id="meldcode-huiselijk-geweld",
    naam="Meldcode huiselijk geweld en kindermishandeling",
    soort="gemeentelijk-instrumentarium",
    samenvatting=(
        "Vijf stappen voor wie signalen ziet van huiselijk geweld of kindermishandeling."
    ),
    beschrijving=(
        "De meldcode zet in vijf stappen uiteen wat een professional doet bij een vermoeden "
        "van huiselijk geweld of kindermishandeling: de signalen vastleggen, overleggen met "
        "een collega en zo nodig met Veilig Thuis, in gesprek gaan met de betrokkene of "
        "betrokkenen, het geweld of de mishandeling wegen met het afwegingskader, en beslissen "
        "of hij hulp organiseert, een melding doet bij Veilig Thuis, of allebei. Sinds 2019 "
        "is het afwegingskader verplicht. Het handboek noemt dit de Meldcode HG."
    ),
    fasen=_ALLE_FASEN,
    leefgebieden=("gezondheid", "sociaal-netwerk"),
    onderdelen=(
        "signalen in kaart brengen",
        "collegiale consultatie, zo nodig ook met Veilig Thuis",
        "gesprek met de betrokkene(n)",
        "wegen met het afwegingskader",
        "beslissen: hulp organiseren en/of melden bij Veilig Thuis",
    ),
    herkomst=Herkomst(
        toelichting="Sinds 2019 is het afwegingskader in de meldcode verplicht.",
        status="deels-geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_SISA = Instrument(
    id="sisa",
    naam="SISA (verwijsindex)",
    soort="gemeentelijk-instrumentarium",
    samenvatting=(
        "De Rotterdamse verwijsindex: legt vast dat een professional bij een jongere betrokken is."
    ),
    beschrijving=(
        "SISA is de Rotterdamse vorm van de Verwijsindex risicojongeren. Een professional "
        "meldt er dat hij bij een jongere tot 23 jaar betrokken is; niet waarom en niet wat "
        "hij doet. Zo komen signalen van verschillende professionals over dezelfde jongere "
        "samen. Een melding wordt na hoogstens twee jaar verwijderd."
    ),
    fasen=_ALLE_FASEN,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    doelgroep="jongeren tot 23 jaar",
    herkomst=Herkomst(
        toelichting="De Rotterdamse uitvoering van de landelijke Verwijsindex risicojongeren.",
        status="deels-geverifieerd",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_VEILIGHEIDSPROTOCOL = Instrument(
    id="veiligheidsprotocol",
    naam="Veiligheidsprotocol van de gemeente Rotterdam",
    soort="gemeentelijk-instrumentarium",
    samenvatting="Het veiligheidsprotocol van de gemeente Rotterdam, dat de coaches kennen.",
    beschrijving=(
        "Het handboek rekent het veiligheidsprotocol van de gemeente Rotterdam tot het "
        "gemeentelijk instrumentarium waarmee de jongerencoaches ervaring hebben, naast LIRIK, "
        "de ZRM, de Meldcode HG en SISA. Die kennis helpt hen vanaf de start snel te schakelen "
        "en te weten bij welke partijen ze kunnen op- of afschalen. Wat het protocol precies "
        "voorschrijft, beschrijft het handboek niet en is hier niet nagetrokken. De plaatsing "
        "volgt die van de andere gemeentelijke instrumenten en is een suggestie."
    ),
    fasen=_ALLE_FASEN,
    leefgebieden=_ALLE_LEEFGEBIEDEN,
    herkomst=Herkomst(
        toelichting="De gemeente Rotterdam; verder is over de herkomst niets gevonden.",
        status="onbekend",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_MENTORING = Instrument(
    id="mentoring-elke-jongere-telt",
    naam='Mentoring "Elke jongere telt"',
    soort="methode",
    samenvatting=(
        "Een mentoringaanpak die de intensief jongerencoaches volgens het handboek zelf "
        "ontwikkelden."
    ),
    beschrijving=(
        'Het handboek noemt Mentoring "Elke jongere telt" naast de JIM-methodiek als werkwijze '
        "die de coaches zelf ontwikkelen en invoeren, maar beschrijft niet hoe ze werkt. Ook "
        "buiten het handboek is geen openbare beschrijving gevonden. Een gelijknamig Rotterdams "
        "programma voor risicojongeren (zo noemt één openbare bron het) is iets anders. Waar de aanpak past, is een suggestie van "
        "ija-core naar het voorbeeld van JIM, de andere mentorwerkwijze."
    ),
    fasen=_VANAF_UITVOERING,
    leefgebieden=("sociaal-netwerk",),
    herkomst=Herkomst(
        toelichting="Volgens het handboek ontwikkeld door de intensief jongerencoaches zelf.",
        status="onbekend",
    ),
    erkenning=_GEEN_ERKENNING_GEVONDEN,
)

_FASE_KEUZE: dict[str, str] = {
    "vertrouwen": (
        "In fase 1 is volgens het handboek de coach zelf het belangrijkste instrument; "
        "daarom stelt ija-core hier alleen houdingen, gespreksmethoden en de gemeentelijke "
        "veiligheidsinstrumenten voor."
    ),
    "verdieping": (
        "Het handboek zegt niet in welke fase dit instrument past; ija-core stelt het voor "
        "in de verdieping, waar de vraag wordt verhelderd en het plan gemaakt."
    ),
    "uitvoering": (
        "Het handboek zegt niet in welke fase dit instrument past; ija-core stelt het voor "
        "in de uitvoering, waar de jongere oefent met gedrag en zelfstandigheid."
    ),
    "afronding": (
        "Het handboek zegt niet in welke fase dit instrument past; ija-core stelt het voor "
        "in de afronding, waar wordt overgedragen en gevolgd."
    ),
}
_HERGEBRUIK: dict[str, str] = {
    "uitvoering": (
        "Volgt uit de plaatsing die ija-core in een eerdere fase koos: volgens het handboek "
        "zet fase 3 de instrumenten van fase 1 en 2 op maat opnieuw in."
    ),
    "afronding": (
        "Volgt uit de plaatsing die ija-core in een eerdere fase koos: volgens het handboek "
        "komen bij nieuwe hulpvragen in de afronding de instrumenten van fase 2 en 3 terug."
    ),
}
_HERGEBRUIK_HANDBOEK: dict[str, str] = {
    "uitvoering": (
        "Volgt uit de regel van het handboek dat fase 3 de instrumenten van fase 1 en 2 op "
        "maat opnieuw inzet, en uit de plaatsing in een eerdere fase die op het handboek rust."
    ),
    "afronding": (
        "Volgt uit de regel van het handboek dat bij nieuwe hulpvragen in de afronding de "
        "instrumenten van fase 2 en 3 terugkomen, en uit de plaatsing in fase 3 die op het "
        "handboek rust."
    ),
}
_ALLE_LEEFGEBIEDEN_KEUZE = (
    "Het handboek koppelt dit instrument niet aan een leefgebied; ija-core zet het bij elk "
    "leefgebied, omdat het niet over één onderwerp gaat."
)
_LEEFGEBIED_KEUZE = (
    "Het handboek koppelt dit instrument niet aan een leefgebied; ija-core kiest de "
    "leefgebieden waar het instrument over gaat."
)

_UIT_HET_HANDBOEK: dict[tuple[str, str], Bron] = {
    ("bolletjesschema", "sociaal-netwerk"): Bron(
        soort="handboek",
        toelichting=(
            "Het handboek beschrijft het bolletjesschema als het samen met de jongere in "
            "kaart brengen van het netwerk om hem heen (overzicht van tools en interventies)."
        ),
    ),
    ("bolletjesschema", "uitvoering"): Bron(
        soort="afgeleid",
        toelichting=(
            "Het handboek noemt in fase 3 netwerkanalyses bij de oefeningen om doelen te "
            "halen en patronen te zien; het bolletjesschema is het instrument uit het "
            "handboek dat het netwerk in kaart brengt. Dat het hier om dit instrument gaat, "
            "leidt ija-core af."
        ),
    ),
    ("moreel-redeneren", "uitvoering"): Bron(
        soort="afgeleid",
        toelichting=(
            "Het handboek noemt in fase 3 het uittekenen van dilemma's bij de oefeningen om "
            "doelen te halen en patronen te zien; moreel redeneren werkt met dilemma's. Dat "
            "het hier om dit instrument gaat, leidt ija-core af."
        ),
    ),
    ("mobility-mentoring", "financien"): Bron(
        soort="handboek",
        toelichting=(
            "Volgens het handboek helpt Mobility Mentoring bij financiële problemen, met een "
            "economisch zelfredzaam leven als doel (overzicht van tools en interventies)."
        ),
    ),
}
"""Placements of otherwise suggested instruments that the handbook makes, or that follow from
what it says (the rest of such an instrument's placements stay ``keuze``)."""


def _gesuggereerd(instrument: Instrument) -> Instrument:
    """The instrument with a bron on each of its fasen and leefgebieden, saying why.

    A placement listed in ``_UIT_HET_HANDBOEK`` takes that bron. A later fase reached through
    the handbook's reuse rule from such a placement is ``afgeleid``; from a chosen placement it
    stays ``keuze``. Every other placement is ``keuze``.
    """
    plaatsingen = []
    uit_handboek: set[str] = set()
    for f in instrument.fasen:
        eerder = _ALLE_FASEN[: _ALLE_FASEN.index(f)]
        eigen = _UIT_HET_HANDBOEK.get((instrument.id, f))
        if eigen is not None:
            bron = eigen
            uit_handboek.add(f)
        elif f in _HERGEBRUIK and any(e in uit_handboek for e in eerder):
            bron = Bron(soort="afgeleid", toelichting=_HERGEBRUIK_HANDBOEK[f])
            uit_handboek.add(f)
        elif f in _HERGEBRUIK and any(e in instrument.fasen for e in eerder):
            bron = Bron(soort="keuze", toelichting=_HERGEBRUIK[f])
        else:
            bron = Bron(soort="keuze", toelichting=_FASE_KEUZE[f])
        plaatsingen.append(Instrumentplaatsing(soort="fase", id=f, bron=bron))
    overal = instrument.leefgebieden == _ALLE_LEEFGEBIEDEN
    for lg in instrument.leefgebieden:
        bron = _UIT_HET_HANDBOEK.get((instrument.id, lg)) or Bron(
            soort="keuze", toelichting=_ALLE_LEEFGEBIEDEN_KEUZE if overal else _LEEFGEBIED_KEUZE
        )
        plaatsingen.append(Instrumentplaatsing(soort="leefgebied", id=lg, bron=bron))
    return attrs.evolve(instrument, plaatsingen=tuple(plaatsingen))


_JIM = attrs.evolve(
    _JIM,
    plaatsingen=(
        Instrumentplaatsing(
            soort="fase",
            id="uitvoering",
            bron=Bron(
                soort="handboek",
                toelichting=(
                    "Het handboek bespreekt JIM in fase 3, bij de rol van ouders en netwerk: "
                    "wie in het netwerk blijvend positief is, wordt versterkt."
                ),
            ),
        ),
        Instrumentplaatsing(
            soort="fase",
            id="afronding",
            bron=Bron(soort="afgeleid", toelichting=_HERGEBRUIK_HANDBOEK["afronding"]),
        ),
        Instrumentplaatsing(
            soort="leefgebied",
            id="sociaal-netwerk",
            bron=Bron(
                soort="handboek",
                toelichting=(
                    "Volgens het handboek kiest de jongere de mentor uit het eigen netwerk "
                    "(methodiekbeschrijving van JIM)."
                ),
            ),
        ),
    ),
)

HANDBOEK_INSTRUMENTEN: tuple[Instrument, ...] = (
    _JIM,
    _GENTLE_TEACHING,
    _RET,
    _VIJF_G,
    _SCM,
    _STUREN_OP_ZELFSTURING,
    _MOTIVERENDE_GESPREKSVOERING,
    _OPLOSSINGSGERICHT_WERKEN,
    _BOLLETJESSCHEMA,
    _MOBILITY_MENTORING,
    _CULTUURSENSITIEF_WERKEN,
    _MOREEL_REDENEREN,
    _MIJN_PAD,
    _MINDMAP,
    _ZRM,
    _PROVOCATIEVE_TECHNIEKEN,
    _SCHAALVRAAG,
    _LIRIK,
    _MELDCODE,
    _SISA,
    _VEILIGHEIDSPROTOCOL,
    _MENTORING,
)
HANDBOEK_INSTRUMENTEN = tuple(
    i if i.plaatsing == "handboek" else _gesuggereerd(i) for i in HANDBOEK_INSTRUMENTEN
)
"""Every instrument the handbook contributes: its 17 tools, the 4 municipal ones, then the
coaches' own method that the overview leaves out."""
