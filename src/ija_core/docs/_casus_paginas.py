"""The Casussen section for trainers: one page per handbook casus, from ``examples/*.json``.

Each page tells the casus briefly in this project's own words, says once what is invented
(the casus's line in the examples' README), draws a timeline of the replayed traject against
the fasen with the norm outcomes marked (a wide and a narrow drawing; marks of one day spread
out), says in words per fase what happened (``inhoud``: goals, referrals, instruments, who a
contact was with), shows what ``ija.normtoets`` says at key moments, and asks discussion
questions (this project's own material, like the handouts' reflection
questions). Nothing on a page is hard-coded about the outcome: the dates, fasen and norm
statuses all come from replaying the example file with the ``Methodiek``.

The example files ship with the wheel as ``ija_core/_voorbeelden/`` (hatch ``force-include``
of the repository's ``examples/``); in a checkout the repository's ``examples/`` is read.
Event types the page does not know (later additions) are drawn and listed generically, by
type name and time. A group casus (``examples/<naam>-groep.json``) first shows the whole
group (``_groep_casus.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from attrs import frozen

from ija_core import Normuitkomst, normtoets
from ija_core.docs import _diagrams as diagram
from ija_core.docs._markdown import esc, link, opsomming, pad_fase, tabel
from ija_core.docs._regels import STATUS_WOORD
from ija_core.docs._trainers_paginas import TRAINERS, Reflectievraag, _verwijzing
from ija_core.methodiek import Methodiek
from ija_core.phases.rules import amsterdamse_dag, amsterdamse_tijd
from ija_core.serialization import from_json
from ija_core.traject import Traject

CASUSSEN_INDEX = "casussen/index.md"
_MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def pad_casus(naam: str) -> str:
    """Site path of the page of one casus (``naam`` is the example file's stem)."""
    return f"casussen/{naam}.md"


def voorbeelden_map() -> Path:
    """The folder with the example trajecten: packaged in a wheel, ``examples/`` in a checkout."""
    pakket = Path(__file__).resolve().parents[1]
    verpakt = pakket / "_voorbeelden"
    if (verpakt / "README.md").is_file():
        return verpakt
    return pakket.parents[1] / "examples"


R = Reflectievraag


@frozen
class Casus:
    """One handbook casus as the site tells it.

    Attributes:
        naam: the example file's stem (``enzo``).
        titel: the page title.
        kern: one line for the index.
        verhaal: the story, short, in this project's own words (paragraphs).
        vragen: discussion questions, tied to principles and kernwaarden.
    """

    naam: str
    titel: str
    kern: str
    verhaal: tuple[str, ...]
    vragen: tuple[Reflectievraag, ...]


CASUSSEN: tuple[Casus, ...] = (
    Casus(
        "enzo", "Enzo: volhouden als het contact steeds wegvalt",
        "Een twintigjarige zonder school of werk; na één goed gesprek volgen weken van stilte.",
        (
            "Een wijkagent neemt de coach mee naar Enzo, die twintig is en overdag niets om "
            "handen heeft. Het eerste bezoek loopt goed: ze leren elkaar kennen, zeggen wat ze "
            "van elkaar mogen verwachten, en Enzo lijkt ervoor te voelen.",
            "Dan verdwijnt hij uit beeld. Afspraken laat hij schieten, appjes en telefoontjes "
            "blijven onbeantwoord. De coach gaat langs, spreekt hem desnoods aan in zijn kamer, "
            "regelt via de wijkagent een nieuwe afspraak, treft twee keer een dichte deur en "
            "vraagt het jongerenwerk wat zij van hem weten.",
            "Pas na ongeveer anderhalve maand is er een intake. Ook daarna mist Enzo een "
            "afspraak; weer gaat de coach naar hem toe, en dan zegt hij ja tegen begeleiding. "
            "Daar houdt het verhaal op: er is nog geen plan.",
        ),
        (
            R("Hoeveel pogingen zijn genoeg? Waar ligt voor jou de grens tussen vasthouden en "
              "opdringen?", (1, 5), ("kracht",)),
            R("De normen voor intake en plan zijn hier ruim overschreden. Is dat een fout van "
              "de coach, of de prijs van volhouden? Wat zeg je daarover tegen je teamleider?",
              (1,), ("bekwaamheid",)),
            R("De wijkagent opent de deur, het jongerenwerk weet iets. Wie in de wijk zou jij "
              "nog inschakelen, en wat vraag je dan?", (8,), ("samen",)),
        ),
    ),
    Casus(
        "spin-in-het-web", "Spin in het web: een groep van zes die de buurt last bezorgt",
        "Zes jongeren uit één buurt; de coach houdt jongeren, ouders, buurt en partners bij elkaar.",
        (
            "In een buurt groeit de overlast van een groep jongeren. In opdracht van de "
            "burgemeester vragen twee deskundigen, een van de directie veiligheid en een van "
            "de politie, de coach erbij. De groep telt zes jongeren.",
            "De coach maakt met partners en jongerenwerk een aanpak, benadert jongeren en "
            "ouders apart en samen, en houdt de regie. Komt er een melding, dan is er binnen "
            "een etmaal contact, ook in het weekend.",
            "Deze pagina toont eerst de hele groep: wie erbij hoort, de meldingen en wat de "
            "coach daarna deed, de avonden met ouders, buurt en jongeren, en het lid dat de "
            "groep moest verlaten. Daarna volgt ze één lid van dichtbij. Na enkele maanden is "
            "de overlast in de buurt voorbij; de meeste jongeren hebben school én iets zinnigs "
            "in hun vrije tijd.",
        ),
        (
            R("Je bent regisseur voor een hele groep en voor elk lid apart. Hoe houd je "
              "oog voor de ene jongere als de groep aandacht vraagt?", (8,), ("samen",)),
            R("Na een melding is er binnen een etmaal contact, ook op zaterdag. Wat vraagt "
              "dat van jou en je team, en wat levert het op?", (4,), ("kracht",)),
            R("Wat doe je met een jongere die zijn afspraken niet nakomt terwijl de rest van "
              "de groep wel meedoet?", (5, 6), ("veiligheid",)),
        ),
    ),
    Casus(
        "tamir", "Tamir: opnieuw beginnen na detentie in het buitenland",
        "Na een half jaar vast in België geen nazorg en geen thuis; wel een coach en een psycholoog.",
        (
            "Tamir is 22 en zat een half jaar vast in België. Omdat dat in het buitenland was, "
            "is er geen nazorg na detentie, en bij zijn ouders kan hij niet meer terecht.",
            "Van meet af aan werkt de psycholoog van het wijkteam met hem aan de klachten die "
            "de detentie achterliet. De coach zorgt voor een postadres, brengt met hem zijn "
            "schulden in kaart en meldt hem aan voor een horecatraject.",
            "Nu heeft Tamir een dak boven zijn hoofd en iets zinnigs te doen, en de nazorg "
            "loopt nog.",
        ),
        (
            R("Voor Tamir is er geen regeling. Hoe ga jij verder waar andere organisaties "
              "ophouden?", (3,), ("kracht",)),
            R("De psycholoog van het wijkteam zit er vanaf dag één bij. Hoe verdeel je het "
              "werk, en hoe houdt Tamir het overzicht?", (8,), ("samen",)),
            R("Tamir noemt zijn coach ‘een coach plus’. Wat maakt dat iemand zich echt "
              "gezien voelt in plaats van gelezen als dossier?", (10,), ("bekwaamheid",)),
        ),
    ),
    Casus(
        "bob", "Bob: eigen coach naast de coach van het gezin",
        "Zestien, geen school, jeugdreclassering; naast de coach van het gezin krijgt Bob een eigen coach.",
        (
            "Bob is 16. Zijn moeder, broertje en zusje krijgen al hulp van een jeugd- en "
            "gezinscoach, maar Bob voelt zich in de korte gesprekken niet gehoord. Hij gaat niet "
            "naar school en heeft een toezicht van de jeugdreclassering.",
            "Hij krijgt een eigen intensief jongerencoach. Volgens de hulpverleners om hem "
            "heen is Bob sindsdien beter te bereiken. Hij doet mee aan onderzoek, werkt met "
            "de coach aan een cv en oefent gesprekken.",
            "Bob kiest een school die bij hem past en vindt een bijbaan.",
        ),
        (
            R("Eén gezin, één plan, één regisseur, en toch twee coaches. Hoe spreek je af wie "
              "wat doet?", (8,), ("samen",)),
            R("Bob voelde zich afgescheept. Wat doe jij in het eerste gesprek anders, zodat hij "
              "merkt dat je tijd voor hem hebt?", (2,), ("bekwaamheid",)),
            R("Welke talenten van Bob zie je terug in zijn keuze voor school en werk, en hoe "
              "maak je die voor hem zichtbaar?", (9,), ("kracht",)),
        ),
    ),
    Casus(
        "ricardo", "Ricardo: van bankslaper naar de spoelkeuken",
        "Geen adres, geen inkomen, overlast op straat; via de wijkagent komt een coach langs.",
        (
            "Ricardo (21) slaapt bij anderen op de bank, heeft geen inkomen, geen "
            "zorgverzekering en niets te doen. Na overlast praat de wijkagent met hem, merkt dat "
            "hij hulp afhoudt en vraagt hem een coach te spreken.",
            "De coach staat onverwacht bij hem op de stoep en praat eerst over van alles en "
            "nog wat. Pas daarna komt de situatie op tafel. Ricardo wil wel; de coach maakt "
            "meteen een afspraak bij het Jongerenloket.",
            "Samen regelen ze een postadres, een plek om te wonen en een uitkering, en ze "
            "zetten de schulden op een rij. Ricardo werkt nu in een restaurantkeuken; de coach "
            "houdt vinger aan de pols.",
        ),
        (
            R("De coach begint met een praatje over niets. Waarom werkt dat, en wanneer "
              "breng je het echte onderwerp ter sprake?", (2,), ("bekwaamheid",)),
            R("Morgen is te laat: de coach plant direct een afspraak. Welke zaken regel jij "
              "meteen, nog vóór er een plan is?", (4,), ("kracht",)),
            R("Wanneer neem je afstand, en hoe houd je dan toch zicht op de uitkering en de "
              "schulden?", (7,), ("veiligheid",)),
        ),
    ),
)
HANDBOEKVOLGORDE: tuple[str, ...] = ("spin-in-het-web", "enzo", "tamir", "ricardo", "bob")
"""The order in which the handbook tells the five stories."""
CASUSSEN = tuple(sorted(CASUSSEN, key=lambda c: HANDBOEKVOLGORDE.index(c.naam)))
"""The five casussen in the handbook's order; the questions are this project's own material."""

EIGEN_MATERIAAL = (
    "De verhalen in deze casussen zijn in eigen woorden naverteld; de gespreksvragen zijn eigen "
    "lesmateriaal van ija-core, geen tekst uit het handboek. Bij elke vraag staat welk principe "
    "van de coach en welke kernwaarde ermee geoefend worden."
)

# --- reading the examples ---------------------------------------------------------------------


def lees_casus(m: Methodiek, naam: str) -> Traject:
    """The replayed traject of the example ``naam`` (``enzo``)."""
    data = (voorbeelden_map() / f"{naam}.json").read_bytes()
    traject: Traject = from_json(data, Traject, methodiek=m)
    return traject


def verzonnen(naam: str) -> str:
    """The README's line saying what is invented in ``naam``'s example, without the file name."""
    readme = (voorbeelden_map() / "README.md").read_text(encoding="utf-8")
    for regel in readme.splitlines():
        kop = f"- `{naam}.json`"
        if regel.startswith(kop):
            rest = regel[len(kop):].lstrip(" —-").strip()
            return rest[:1].upper() + rest[1:]
    return ""


def dag(moment: datetime) -> date:
    """The Amsterdam day of ``moment``."""
    return amsterdamse_dag(moment)


def datum(d: date) -> str:
    """A short Dutch date: ``3 sep 2025``."""
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


def peildatum(t: Traject) -> date:
    """The page's peildatum: the day of the traject's last event."""
    return dag(t.events[-1].op)


def momenten(m: Methodiek, t: Traject) -> list[tuple[str, date]]:
    """The key moments shown on a page: the 6-week deadline day and the last event's day."""
    start = dag(t.aangemeld_op)
    termijnen = sorted({n.dagen for n in diagram.aanmeldnormen(m) if n.dagen is not None})
    uit: list[tuple[str, date]] = []
    for d in termijnen:
        moment = start + timedelta(days=d)
        if moment < peildatum(t):
            uit.append((f"Op de termijn van {d // 7 if d % 7 == 0 else d} "
                        f"{'weken' if d % 7 == 0 else 'dagen'} na aanmelding", moment))
    uit.append(("Bij de laatste gebeurtenis (de peildatum van deze pagina)", peildatum(t)))
    return uit


# --- describing events ----------------------------------------------------------------------

_LABEL: dict[str, str] = {
    "aangemeld": "aanmelding",
    "contactpoging": "contactpoging",
    "contact": "contact",
    "kennismaking": "kennismaking",
    "verwachtingen-uitgesproken": "verwachtingen uitgesproken",
    "intake": "intake",
    "fase-gewijzigd": "naar een andere fase",
    "plan-ondertekend": "plan ondertekend",
    "evaluatie": "evaluatie",
    "melding": "melding",
    "doorverwezen": "doorverwezen",
    "hulpvraag-geopend": "hulpvraag geopend",
    "hulpvraag-gesloten": "hulpvraag gesloten",
    "doel-gesteld": "doel gesteld",
    "doel-bijgewerkt": "doel bijgewerkt",
    "instrument-ingezet": "instrument ingezet",
    "betrokkene-toegevoegd": "betrokkene toegevoegd",
    "betrokkene-verwijderd": "betrokkene niet meer betrokken",
    "toestemming-gegeven": "toestemming gegeven",
    "toestemming-ingetrokken": "toestemming ingetrokken",
    "jim-gekozen": "JIM gekozen",
    "regie-belegd": "regie belegd",
    "opgeschaald": "opgeschaald",
    "afgeschaald": "afgeschaald",
    "coach-gewisseld": "andere coach",
}

# The rows of the timeline: which event types go on which row (others go on "Overig").
_RIJEN: tuple[tuple[str, frozenset[str]], ...] = (
    ("Contact", frozenset({"contactpoging", "contact"})),
    ("Stappen", frozenset({"aangemeld", "kennismaking", "verwachtingen-uitgesproken", "intake",
                           "plan-ondertekend", "evaluatie", "fase-gewijzigd"})),
    ("Meldingen", frozenset({"melding"})),
    ("Netwerk", frozenset({"betrokkene-toegevoegd", "betrokkene-verwijderd",
                           "toestemming-gegeven", "toestemming-ingetrokken", "jim-gekozen",
                           "regie-belegd", "opgeschaald", "afgeschaald", "coach-gewisseld"})),
    ("Plan en hulp", frozenset({"hulpvraag-geopend", "hulpvraag-gesloten", "doel-gesteld",
                                "doel-bijgewerkt", "doorverwezen", "instrument-ingezet"})),
)


def _type(e: Any) -> str:
    return str(getattr(e, "TYPE", type(e).__name__))


def status_label(status: str) -> str:
    """The trainers' words for a norm status (an unknown status by its id)."""
    return STATUS_WOORD.get(status, status)


def _naam(zoek: Any, sleutel: object) -> str:
    """The name of a definition (``m.relatie``), or the id itself when it is unknown."""
    try:
        return str(zoek(str(sleutel)).naam)
    except Exception:  # noqa: BLE001  # an unknown id is shown as it is
        return str(sleutel)


def inhoud(m: Methodiek, t: Traject, e: Any) -> str:  # noqa: PLR0911, PLR0912  # one sentence per type
    """What happened in one event, in a sentence a trainer reads (an unknown type: its name).

    Names come from the Methodiek (relatie, leefgebied, instrument, opschaling); free text
    (the form of a contact, a goal, a reason) is shown as the example file says it.
    """
    soort = _type(e)
    alle: list[Any] = list(t.events)
    relatie = {x.id: x.relatie for x in alle if _type(x) == "betrokkene-toegevoegd"}
    omschrijvingen = {(_type(x).split("-")[0], x.id): x.omschrijving for x in alle
                      if _type(x) in ("hulpvraag-geopend", "doel-gesteld", "zorg-gemeld")}

    def wie(betrokkene: object) -> str:
        r = relatie.get(str(betrokkene))
        return f"de {_naam(m.relatie, r).lower()}" if r else str(betrokkene)

    def reden(tekst: str) -> str:
        r = getattr(e, "reden", None)
        return f"{tekst}: {r}" if r else tekst

    a = getattr
    if soort == "aangemeld":
        tekst = f"Aangemeld door {a(e, 'verwijzer', '')}"
        return tekst + (f". Aanleiding: {e.aanleiding}" if a(e, "aanleiding", None) else "")
    if soort == "contactpoging":
        return (f"Poging tot contact ({a(e, 'kanaal', '')}): "
                + ("gelukt" if a(e, "gelukt", False) else "geen contact"))
    if soort == "contact":
        met = wie(e.betrokkene) if a(e, "betrokkene", None) else _naam(m.rol, a(e, "met", "")).lower()
        return f"Contact met {met}: {a(e, 'vorm', '')}"
    if soort == "fase-gewijzigd":
        return reden(f"Naar fase {_fase(m, a(e, 'naar', ''))}")
    if soort in ("heropend",):
        return reden(f"Heropend in fase {_fase(m, a(e, 'naar', ''))}")
    if soort in ("hulpvraag-geopend", "doel-gesteld"):
        wat = "Hulpvraag" if soort == "hulpvraag-geopend" else "Doel"
        termijn = {"kort": ", korte termijn", "lang": ", lange termijn"}.get(a(e, "termijn", ""), "")
        return f"{wat} ({_naam(m.leefgebied, a(e, 'leefgebied', ''))}{termijn}): {a(e, 'omschrijving', '')}"
    if soort in ("hulpvraag-gesloten", "doel-bijgewerkt", "zorg-opgeheven"):
        sleutel = {"hulpvraag-gesloten": "hulpvraag", "doel-bijgewerkt": "doel",
                   "zorg-opgeheven": "zorg"}[soort]
        oms = omschrijvingen.get((sleutel, a(e, "id", "")), a(e, "id", ""))
        if soort == "doel-bijgewerkt":
            stand = ", ".join(str(x) for x in (a(e, "voortgang", None), a(e, "levenscyclus", None))
                              if x)
            return f"Doel bijgewerkt ({stand}): {oms}"
        return f"{'Hulpvraag gesloten' if sleutel == 'hulpvraag' else 'Zorg opgeheven'}: {oms}"
    if soort == "zorg-gemeld":
        return f"Zorg gemeld: {a(e, 'omschrijving', '')}"
    if soort == "plan-ondertekend":
        door = [_naam(m.rol, x).lower() if x != "jongere" else "de jongere" for x in a(e, "door", ())]
        return "Plan ondertekend" + (f" door {', '.join(door)}" if door else "")
    if soort == "instrument-ingezet":
        return f"Instrument ingezet: {_naam(m.instrument, a(e, 'instrument', ''))}"
    if soort == "evaluatie":
        return f"Evaluatie: {a(e, 'omschrijving', '')}"
    if soort == "melding":
        return f"Melding ({a(e, 'soort', '')}) van {a(e, 'bron', '')}"
    if soort == "doorverwezen":
        hoe = "warme overdracht" if a(e, "warm", False) else "zonder warme overdracht"
        return f"Doorverwezen naar {a(e, 'naar', '')} ({hoe})"
    if soort == "betrokkene-toegevoegd":
        oms = a(e, "omschrijving", None)
        return f"Betrokken: {_naam(m.relatie, a(e, 'relatie', '')).lower()}" + (f" ({oms})" if oms else "")
    if soort == "betrokkene-verwijderd":
        return f"Niet meer betrokken: {wie(a(e, 'id', ''))}"
    if soort in ("toestemming-gegeven", "toestemming-ingetrokken"):
        werk = "geeft toestemming" if soort == "toestemming-gegeven" else "trekt de toestemming in"
        if a(e, "voor", "") == "betrekken":
            return f"De jongere {werk} om {wie(a(e, 'betrokkene', ''))} te betrekken"
        return f"De jongere {werk} om gegevens te delen met {wie(a(e, 'betrokkene', ''))}"
    if soort == "jim-gekozen":
        return f"JIM gekozen: {wie(a(e, 'betrokkene', ''))}"
    if soort == "regie-belegd":
        return reden(f"Regie bij {wie(a(e, 'bij', ''))}")
    if soort == "opgeschaald":
        return reden(f"Opgeschaald naar {_naam(m.opschaling, a(e, 'naar', ''))}")
    if soort == "afgeschaald":
        return reden("Afgeschaald")
    if soort in ("afgesloten", "opgeschort", "coach-gewisseld"):
        return reden({"afgesloten": "Afgesloten", "opgeschort": "Opgeschort",
                      "coach-gewisseld": "Andere coach"}[soort])
    if soort == "hervat":
        return "Hervat"
    label = _LABEL.get(soort)
    return label[:1].upper() + label[1:] if label else soort


def _fase(m: Methodiek, fase: str) -> str:
    try:
        f = m.fase(fase)
    except Exception:  # noqa: BLE001  # an unknown fase is shown by its id
        return fase
    return f"{f.nummer}, {f.naam}"


def _rij(soort: str) -> int:
    for i, (_, typen) in enumerate(_RIJEN):
        if soort in typen:
            return i
    return len(_RIJEN)


# --- the timeline picture ---------------------------------------------------------------------

_STATUS_KLASSE = {
    "gehaald": "ija-svg__uitkomst--gehaald",
    "te-laat": "ija-svg__uitkomst--te-laat",
    "verlopen": "ija-svg__uitkomst--verlopen",
    "dreigt": "ija-svg__uitkomst--dreigt",
    "open": "ija-svg__uitkomst--open",
}

STIP = 11
"""Two marks on one row stand at least this far apart (px): marks of one day never stack."""


@frozen
class Stip:
    """One mark on a row of a timeline: its day, its CSS class and its hover text."""

    dag: date
    klasse: str
    titel: str


@frozen
class Rij:
    """One row of a timeline: its label and its marks."""

    label: str
    stippen: tuple[Stip, ...]


@frozen
class Balk:
    """A bar on the top band (a fase): from, to, label, short label, and whether it is current."""

    van: date
    tot: date
    label: str
    kort: str
    actief: bool


@frozen
class Termijn:
    """One norm under the timeline: its text, its clock (from, deadline) and its status."""

    tekst: str
    van: date
    tot: date
    status: str


def spreid(xs: Sequence[float], afstand: float = STIP) -> list[int]:
    """The sub-line of each mark (in the order given, sorted by x): marks closer than
    ``afstand`` go to the next free sub-line, so marks of one day stand apart."""
    laatste: list[float] = []
    uit: list[int] = []
    for x in xs:
        for k, lx in enumerate(laatste):
            if x - lx >= afstand:
                laatste[k] = x
                uit.append(k)
                break
        else:
            laatste.append(x)
            uit.append(len(laatste) - 1)
    return uit


def teken_tijdlijn(  # one drawing, in two widths
    start: date,
    eind: date,
    peil: date,
    rijen: Sequence[Rij],
    *,
    balken: Sequence[Balk] = (),
    balklabel: str = "Fase",
    termijnen: Sequence[Termijn] = (),
    lijnen: Sequence[date] = (),
    smal: bool = False,
) -> tuple[list[str], int, int]:
    """Rows of marks on a day axis; the wide drawing puts labels left of the rows, the narrow
    one above them. Returns the parts, the width and the height."""
    totaal = max((eind - start).days + 3, 14)
    lw, breedte = (12, diagram.SMAL - 24) if smal else (130, 530)
    schaal = breedte / totaal
    kop = 18 if smal else 0  # a row label above the row in the narrow drawing

    def x(d: date) -> float:
        return lw + (d - start).days * schaal

    delen: list[str] = []
    onder: list[str] = []  # lines, drawn first: every label and mark is drawn over them
    y = 26
    if balken:
        if smal:
            delen.append(diagram._tekst(lw, y + 12, balklabel, "ija-svg__kop", "start"))
        else:
            delen.append(diagram._tekst(8, y + 20, balklabel, "ija-svg__kop", "start"))
        yb = y + kop
        for b in balken:
            w = max((b.tot - b.van).days * schaal, 3)
            klasse = "ija-svg__fase" + (" ija-svg__fase--actief" if b.actief else "")
            delen.append(f'<rect x="{x(b.van):.1f}" y="{yb}" width="{w:.1f}" height="30" rx="3" '
                         f'class="{klasse}"><title>{esc(b.label)}: {esc(datum(b.van))} tot '
                         f'{esc(datum(b.tot))}</title></rect>')
            label = b.label if w >= 8 * len(b.label) + 10 else b.kort
            if w >= 8 * len(label) + 6:
                delen.append(diagram._tekst(x(b.van) + 4, yb + 20, label, "ija-svg__klein", "start"))
            elif b.actief:  # a fase just entered: its name beside the sliver, so the move shows
                past = x(b.van) + w + 4 + 8 * len(b.label) <= lw + breedte
                delen.append(diagram._tekst(x(b.van) + w + 4 if past else x(b.van) - 4, yb + 20,
                                            b.label, "ija-svg__klein", "start" if past else "end"))
        y = yb + 40
    top = y
    for r in rijen:
        xs = sorted(((x(s.dag), s) for s in r.stippen), key=lambda p: p[0])
        lagen = spreid([p for p, _ in xs])
        n = max(lagen, default=0) + 1
        hoogte = 30 + 12 * (n - 1)
        if smal:
            delen.append(diagram._tekst(lw, y + 13, r.label, "ija-svg__kop", "start"))
        else:
            delen.append(diagram._tekst(8, y + 19, r.label, "ija-svg__kop", "start"))
        lijn = y + kop + 15
        onder.append(f'<line x1="{lw}" y1="{lijn}" x2="{lw + breedte}" y2="{lijn}" '
                     'class="ija-svg__raster"/>')
        for (ex, s), laag in zip(xs, lagen, strict=True):
            delen.append(f'<circle cx="{ex:.1f}" cy="{lijn + 12 * laag}" r="5" class="{s.klasse}">'
                         f"<title>{esc(datum(s.dag))}: {esc(s.titel)}</title></circle>")
        y += kop + hoogte
    as_y = y + 6
    delen.append(f'<line x1="{lw}" y1="{as_y}" x2="{lw + breedte}" y2="{as_y}" class="ija-svg__as"/>')
    stap = 7 * max(1, -(-totaal // (7 * (4 if smal else 8))))
    for d in range(0, totaal + 1, stap):
        xx = lw + d * schaal
        onder.append(f'<line x1="{xx:.1f}" y1="{top - (40 if balken else 0)}" x2="{xx:.1f}" '
                     f'y2="{as_y + 4}" class="ija-svg__raster"/>')
        dd = start + timedelta(days=d)
        anker = "start" if d == 0 and smal else "middle"
        delen.append(diagram._tekst(xx, as_y + 18, f"wk {d // 7}", "ija-svg__klein", anker))
        delen.append(diagram._tekst(xx, as_y + 34, f"{dd.day} {_MAANDEN[dd.month - 1]}",
                                    "ija-svg__klein", anker))
    onder.extend(f'<line x1="{x(d):.1f}" y1="{top}" x2="{x(d):.1f}" y2="{as_y}" '
                 'class="ija-svg__meldlijn"/>' for d in lijnen)
    px = x(peil)
    onder.append(f'<line x1="{px:.1f}" y1="{18}" x2="{px:.1f}" y2="{as_y}" class="ija-svg__peil"/>')
    delen.append(diagram._tekst(min(px, lw + breedte - 34), 14, "peildatum", "ija-svg__klein"))
    y = as_y + 62
    if termijnen:
        delen.append(diagram._tekst(8 if not smal else lw, y - 12 if smal else y + 14, "Normen",
                                    "ija-svg__kop", "start"))
        y += 10 if smal else 0
    for tm in termijnen:
        klasse = _STATUS_KLASSE.get(tm.status, "ija-svg__uitkomst--open")
        woorden = f"termijn {datum(tm.tot)}: "
        if smal:
            delen.append(diagram._tekst(lw, y, tm.tekst, "ija-svg__klein", "start"))
            y += 17
            regel = woorden
        else:
            regel = f"{tm.tekst} ({woorden[:-2]}): "
        delen.append(f'<text x="{lw}" y="{y}" text-anchor="start" class="ija-svg__klein">'
                     f'{esc(regel)} <tspan class="ija-svg__kop">{esc(status_label(tm.status))}'
                     "</tspan></text>")
        lijn_y = y + 14
        begin, dx = max(lw, x(tm.van)), x(tm.tot)
        delen.append(f'<line x1="{begin:.1f}" y1="{lijn_y}" x2="{dx:.1f}" y2="{lijn_y}" '
                     'class="ija-svg__termijn"/>')
        delen.append(f'<rect x="{dx - 6:.1f}" y="{lijn_y - 6}" width="12" height="12" '
                     f'class="ija-svg__uitkomst {klasse}"/>')
        y += 42
    return onder + delen, lw + breedte + (12 if smal else 20), int(y - 16 if termijnen else as_y + 42)


def _stip(e: Any, m: Methodiek, t: Traject) -> Stip:
    soort = _type(e)
    klasse = "ija-svg__gebeurtenis"
    if soort == "contactpoging" and not getattr(e, "gelukt", True):
        klasse += " ija-svg__gebeurtenis--mislukt"
    elif soort in ("opgeschaald", "melding"):
        klasse += " ija-svg__gebeurtenis--signaal"
    return Stip(dag(e.op), klasse, inhoud(m, t, e))


LEGENDA = (
    "Zo lees je de tijdlijn: bovenaan de fasen, van links (de aanmelding) naar rechts. Elke "
    "stip is iets wat gebeurde, op de rij van zijn soort; stippen van dezelfde dag staan "
    "naast of onder elkaar. Een open rondje is een poging tot contact die niet lukte, een "
    "rode stip een melding of een opschaling. De gestreepte lijn is de peildatum. Onderaan "
    "per servicenorm een grijze lijn van het begin tot de termijn, met een vierkantje in de "
    "kleur van de uitkomst; de uitkomst staat er ook in woorden bij. Wat er precies gebeurde, "
    "staat onder het plaatje per fase."
)


def tijdlijn(  # one picture, drawn top to bottom
    m: Methodiek, t: Traject, uitkomsten: Sequence[Normuitkomst], naam: str, titel: str
) -> str:
    """The casus's events against its fasen, with each norm's deadline and status marked."""
    start = dag(t.aangemeld_op)
    peil = peildatum(t)
    eind = max([peil, *(u.deadline for u in uitkomsten)])
    fasenaam = {f.id: f"{f.nummer}. {f.naam}" for f in m.fasen}
    balken = [
        Balk(dag(p.van), dag(p.tot) if p.tot is not None else peil,
             fasenaam.get(p.fase, p.fase), fasenaam.get(p.fase, p.fase).split(" ")[0],
             p.tot is None)
        for p in t.fasehistorie
    ]
    namen = [n for n, _ in _RIJEN] + ["Overig"]
    gebruikt = sorted({_rij(_type(e)) for e in t.events})
    rijen = [Rij(namen[ri], tuple(_stip(e, m, t) for e in t.events if _rij(_type(e)) == ri))
             for ri in gebruikt]
    normnaam = {n.id: n.naam for n in m.normen}
    termijn = {n.id: n.dagen for n in m.normen}
    fasestart = {n.id for n in m.normen if n.anker == "fase-start"}
    termijnen = [
        Termijn(normnaam.get(u.norm, u.norm),
                dag(t.fasehistorie[-1].van) if u.norm in fasestart
                else u.deadline - timedelta(days=termijn.get(u.norm) or 1),
                u.deadline, u.status)
        for u in uitkomsten
    ]
    breed, bw, bh = teken_tijdlijn(start, eind, peil, rijen, balken=balken, termijnen=termijnen)
    smal, sw, sh = teken_tijdlijn(start, eind, peil, rijen, balken=balken, termijnen=termijnen,
                                  smal=True)
    tekst_alt = (
        f"Tijdlijn van de casus, van de aanmelding op {datum(start)} tot de peildatum "
        f"{datum(peil)}. Fasen: "
        + "; ".join(
            f"{fasenaam.get(p.fase, p.fase)} vanaf {datum(dag(p.van))}" for p in t.fasehistorie
        )
        + f". {len(t.events)} gebeurtenissen, per fase beschreven onder het plaatje. Normen op "
        "de peildatum: "
        + "; ".join(f"{normnaam.get(u.norm, u.norm)} {status_label(u.status)} "
                    f"(termijn {datum(u.deadline)})" for u in uitkomsten)
        + "."
    )
    return diagram.figuur(
        f"casus-{naam}", f"Tijdlijn: {titel}", tekst_alt, bw, bh, breed,
        bijschrift=esc(LEGENDA), smal=diagram.Smal(sw, sh, smal),
    )


def per_fase(m: Methodiek, t: Traject) -> str:
    """What happened, in words: one table per fase (date, what), in the order of the file."""
    fasenaam = {f.id: f"Fase {f.nummer}, {f.naam}" for f in m.fasen}
    delen: list[str] = []
    perioden = list(t.fasehistorie)
    for i, p in enumerate(perioden):
        volgende = perioden[i + 1].van if i + 1 < len(perioden) else None
        events = [e for e in t.events
                  if (i == 0 or e.op >= p.van) and (volgende is None or e.op < volgende)]
        if not events:
            continue
        tot = f" tot {esc(datum(dag(volgende)))}" if volgende is not None else ""
        delen.append(f"### {esc(fasenaam.get(p.fase, p.fase))} (vanaf {esc(datum(dag(p.van)))}"
                     f"{tot})\n")
        delen.append(tabel(["Datum", "Wat er gebeurde"],
                           [[esc(f"{datum(dag(e.op))}, {amsterdamse_tijd(e.op):%H:%M}"),
                             esc(inhoud(m, t, e))] for e in events]))
    return "\n".join(delen)


# --- pages ------------------------------------------------------------------------------------


def _normtabel(m: Methodiek, uitkomsten: Sequence[Normuitkomst]) -> str:
    normnaam = {n.id: n.naam for n in m.normen}
    if not uitkomsten:
        return "Op dit moment is er nog geen norm te meten.\n"
    return tabel(
        ["Norm", "Uitkomst", "Termijn", "Waarom"],
        [[esc(normnaam.get(u.norm, u.norm)), esc(status_label(u.status)), esc(datum(u.deadline)),
          esc(u.uitleg)] for u in uitkomsten],
    )


def _met_code(tekst: str) -> str:
    """README text, escaped, its `code` spans shown as plain words."""
    delen = tekst.split("`")
    if len(delen) % 2 == 0:  # an unpaired backtick: all of it is plain text
        return esc(tekst)

    def tekstdeel(d: str) -> str:  # esc trims; keep the spaces around a code span
        kern = d.strip()
        return d[: len(d) - len(d.lstrip())] + esc(kern) + d[len(d.rstrip()):] if kern else d

    # Trainers read this: a code span (a relatie or an event type) shows as a plain word.
    return "".join(tekstdeel(d) for d in delen)


def casus_pagina(m: Methodiek, c: Casus, groep: str | None = None) -> str:
    """The page of one casus; ``groep`` is the part about its whole group (``_groep_casus``), if
    it has one."""
    pad = pad_casus(c.naam)
    t = lees_casus(m, c.naam)
    peil = peildatum(t)
    uitkomsten = normtoets(t, peildatum=peil, methodiek=m)
    delen = [f"# {esc(c.titel)}\n"]
    delen.extend(f"{esc(alinea)}\n" for alinea in c.verhaal)
    uitleg = verzonnen(c.naam)
    anderen = [verzonnen(f.stem) for f in sorted(voorbeelden_map().glob(f"{c.naam}-*.json"),
                                                key=lambda f: (not f.stem.endswith("-groep"), f.stem))]
    if uitleg and any(anderen):
        delen.append("!!! note \"Wat is verzonnen\"\n"
                     + "".join(f"    - {_met_code(u)}\n" for u in [uitleg, *anderen] if u))
    elif uitleg:
        delen.append(f"!!! note \"Wat is verzonnen\"\n    {_met_code(uitleg)}\n")
    fasenaam = {f.id: f"fase {f.nummer}, {f.naam}" for f in m.fasen}
    wie = f" bij {esc(t.jongere.pseudoniem)}" if groep is not None else ""
    if groep is None:
        delen.append("## Het traject in een plaatje\n")
    else:
        delen.append(groep)
        delen.append(f"## Eén lid gevolgd: {esc(t.jongere.pseudoniem)}\n")
    delen.append(
        f"Aangemeld op {esc(datum(dag(t.aangemeld_op)))} (verwijzer: {esc(t.verwijzer)}); "
        f"nu in {link(pad, pad_fase(t.fase), fasenaam.get(t.fase, t.fase))}. "
        f"De peildatum is de dag van de laatste gebeurtenis, {esc(datum(peil))}.\n"
    )
    delen.append(tijdlijn(m, t, uitkomsten, c.naam, t.jongere.pseudoniem))
    delen.append(f"## Wat de regels en normen zeggen{wie}\n")
    delen.append(
        "Zo toetst ija-core dit voorbeeldtraject op een paar momenten; zie ook "
        f"{link(pad, 'normen.md', 'de servicenormen')}.\n"
    )
    for titel, moment in momenten(m, t):
        delen.append(f"### {esc(titel)}: {esc(datum(moment))}\n")
        delen.append(_normtabel(m, normtoets(t, peildatum=moment, methodiek=m)))
    delen.append(f"## Wat er gebeurde{wie}, per fase\n")
    delen.append("Alles wat in dit voorbeeld gebeurde, in woorden, zodat het ook op papier en op een "
                 "telefoon te lezen is.\n")
    delen.append(per_fase(m, t))
    delen.append("## Gespreksvragen\n")
    delen.append(f"{esc(EIGEN_MATERIAAL)}\n")
    delen.append(opsomming(
        f"{esc(v.vraag)} *({_verwijzing(m, pad, v)})*" for v in c.vragen
    ))
    delen.append(f"Terug naar {link(pad, CASUSSEN_INDEX, 'alle casussen')} of "
                 f"{link(pad, TRAINERS, 'Voor trainers')}.\n")
    return "\n".join(delen)


def casussen_index() -> str:
    """The index of the Casussen section: the five casussen with one line each."""
    pad = CASUSSEN_INDEX
    return "\n".join([
        "# Casussen\n",
        "Vijf verhalen uit het handboek, in de volgorde waarin het handboek ze vertelt, elk "
        "als voorbeeldtraject dat ija-core afspeelt: de "
        "gebeurtenissen tegen de fasen, en wat de normen op belangrijke momenten zeggen. "
        "Geschikt om in een training samen door te lopen.\n",
        opsomming(f"{link(pad, pad_casus(c.naam), c.titel)} — {esc(c.kern)}" for c in CASUSSEN),
        f"{esc(EIGEN_MATERIAAL)}\n",
    ])
