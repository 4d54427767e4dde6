"""The Casussen section for trainers: one page per handbook casus, from ``examples/*.json``.

Each page tells the casus briefly in this project's own words, says once what is invented
(the casus's line in the examples' README), draws a timeline of the replayed traject against
the fasen with the norm outcomes marked, shows what ``ija.normtoets`` says at key moments, and
asks discussion questions (this project's own material, like the handouts' reflection
questions). Nothing on a page is hard-coded about the outcome: the dates, fasen and norm
statuses all come from replaying the example file with the ``Methodiek``.

The example files ship with the wheel as ``ija_core/_voorbeelden/`` (hatch ``force-include``
of the repository's ``examples/``); in a checkout the repository's ``examples/`` is read.
Event types the page does not know (later additions such as network events) are drawn and
listed generically, by type name and time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from attrs import frozen

from ija_core.docs import _diagrams as diagram
from ija_core.docs._markdown import esc, link, opsomming, pad_fase, tabel
from ija_core.docs._regels import STATUS_WOORD
from ija_core.docs._trainers_paginas import TRAINERS, Reflectievraag, _verwijzing
from ija_core.methodiek import Methodiek
from ija_core.normen._evaluation import Normuitkomst, normtoets
from ija_core.phases.rules import amsterdamse_dag
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
        "spin-in-het-web", "Spin in het web: één jongere uit een overlastgevende groep",
        "Een groep van zes in één buurt; hier het traject van één lid, Jayden.",
        (
            "In een buurt groeit de overlast van een groep jongeren. In opdracht van de "
            "burgemeester vragen twee deskundigen, een van de directie veiligheid en een van "
            "de politie, de coach erbij. De groep telt zes jongeren.",
            "De coach maakt met partners en jongerenwerk een aanpak, benadert jongeren en "
            "ouders apart en samen, en houdt de regie. Komt er een melding, dan is er binnen "
            "een etmaal contact, ook in het weekend.",
            "Deze pagina volgt één lid van de groep. Na enkele maanden is de overlast in de "
            "buurt voorbij; de meeste jongeren hebben school én iets zinnigs in hun vrije tijd.",
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


def beschrijving(e: Any) -> str:
    """A short Dutch description of one event; an unknown type is named by its type."""
    soort = _type(e)
    tekst = _LABEL.get(soort, soort)
    if soort == "contactpoging":
        tekst += f" ({getattr(e, 'kanaal', '')}, {'gelukt' if getattr(e, 'gelukt', False) else 'geen contact'})"
    elif soort == "contact":
        tekst += f" met {getattr(e, 'met', '')}"
    elif soort == "betrokkene-toegevoegd" and (relatie := str(getattr(e, "relatie", None) or "")):
        tekst += f" ({relatie})"
    elif soort == "fase-gewijzigd":
        tekst = f"naar fase {getattr(e, 'naar', '')}"
        if reden := str(getattr(e, "reden", None) or ""):
            tekst += f" ({reden})"
    return tekst


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


def tijdlijn(  # one picture, drawn top to bottom
    m: Methodiek, t: Traject, uitkomsten: Sequence[Normuitkomst], naam: str, titel: str
) -> str:
    """The casus's events against its fasen, with each norm's deadline and status marked."""
    start = dag(t.aangemeld_op)
    eind = max([peildatum(t), *(u.deadline for u in uitkomsten)])
    totaal = max((eind - start).days + 3, 14)
    lw, breedte = 130, 530
    schaal = breedte / totaal

    def x(d: date) -> float:
        return lw + (d - start).days * schaal

    fasenaam = {f.id: f"{f.nummer}. {f.naam}" for f in m.fasen}
    delen: list[str] = []
    # fasen band
    y0 = 24
    delen.append(diagram._tekst(8, y0 + 20, "Fase", "ija-svg__kop", "start"))
    for p in t.fasehistorie:
        van = dag(p.van)
        tot = dag(p.tot) if p.tot is not None else peildatum(t)
        w = max((tot - van).days * schaal, 3)
        nu = p.tot is None
        klasse = "ija-svg__fase" + (" ija-svg__fase--actief" if nu else "")
        delen.append(f'<rect x="{x(van):.1f}" y="{y0}" width="{w:.1f}" height="30" rx="3" '
                     f'class="{klasse}"><title>{esc(fasenaam.get(p.fase, p.fase))}: '
                     f'{esc(datum(van))} tot {esc(datum(tot))}</title></rect>')
        label = fasenaam.get(p.fase, p.fase).split(" ")[0] if w < 110 else fasenaam.get(p.fase, p.fase)
        if w >= 22:
            delen.append(diagram._tekst(x(van) + 5, y0 + 20, label, "ija-svg__klein", "start"))
        elif nu:  # a fase just entered: its full name beside the band, so the move shows
            naast = x(van) + w + 4 + 7 * len(fasenaam.get(p.fase, p.fase)) <= lw + breedte + 20
            delen.append(diagram._tekst(x(van) + w + 4 if naast else x(van) - 4, y0 + 20,
                                        fasenaam.get(p.fase, p.fase), "ija-svg__klein",
                                        "start" if naast else "end"))
    # event rows
    rij_y = y0 + 44
    rh = 30
    rijen = [naam_ for naam_, _ in _RIJEN] + ["Overig"]
    gebruikt = sorted({_rij(_type(e)) for e in t.events})
    for n, ri in enumerate(gebruikt):
        y = rij_y + n * rh
        delen.append(diagram._tekst(8, y + 19, rijen[ri], "ija-svg__kop", "start"))
        delen.append(f'<line x1="{lw}" y1="{y + 15}" x2="{lw + breedte}" y2="{y + 15}" '
                     'class="ija-svg__raster"/>')
        for e in t.events:
            if _rij(_type(e)) != ri:
                continue
            ex = x(dag(e.op))
            hol = _type(e) == "contactpoging" and not getattr(e, "gelukt", True)
            klasse = "ija-svg__gebeurtenis" + (" ija-svg__gebeurtenis--mislukt" if hol else "")
            delen.append(f'<circle cx="{ex:.1f}" cy="{y + 15}" r="5" class="{klasse}">'
                         f'<title>{esc(datum(dag(e.op)))}: {esc(beschrijving(e))}</title></circle>')
    # axis
    as_y = rij_y + len(gebruikt) * rh + 6
    delen.append(f'<line x1="{lw}" y1="{as_y}" x2="{lw + breedte}" y2="{as_y}" class="ija-svg__as"/>')
    stap = 7 * max(1, -(-totaal // (7 * 8)))
    for d in range(0, totaal + 1, stap):
        xx = lw + d * schaal
        delen.append(f'<line x1="{xx:.1f}" y1="{y0}" x2="{xx:.1f}" y2="{as_y + 4}" '
                     'class="ija-svg__raster"/>')
        dd = start + timedelta(days=d)
        delen.append(diagram._tekst(xx, as_y + 18, f"wk {d // 7}", "ija-svg__klein"))
        delen.append(diagram._tekst(xx, as_y + 33, f"{dd.day} {_MAANDEN[dd.month - 1]}",
                                    "ija-svg__klein"))
    # peildatum
    px = x(peildatum(t))
    delen.append(f'<line x1="{px:.1f}" y1="{y0 - 6}" x2="{px:.1f}" y2="{as_y}" '
                 'class="ija-svg__peil"/>')
    delen.append(diagram._tekst(px, y0 - 8 if y0 > 12 else 10, "peildatum", "ija-svg__klein"))
    # norms, one per line
    normnaam = {n.id: n.naam for n in m.normen}
    termijn = {n.id: n.dagen for n in m.normen}
    fasestart = {n.id for n in m.normen if n.anker == "fase-start"}
    ny = as_y + 60
    rh_norm = 42
    if uitkomsten:
        delen.append(diagram._tekst(8, ny + 14, "Normen", "ija-svg__kop", "start"))
    for i, u in enumerate(uitkomsten):
        y = ny + i * rh_norm
        delen.append(
            f'<text x="{lw}" y="{y}" text-anchor="start" class="ija-svg__klein">'
            f"{esc(normnaam.get(u.norm, u.norm))} (termijn {esc(datum(u.deadline))}): "
            f'<tspan class="ija-svg__kop">{esc(STATUS_WOORD.get(u.status, u.status))}</tspan></text>'
        )
        dx = x(u.deadline)
        lijn_y = y + 14
        klasse = _STATUS_KLASSE.get(u.status, "ija-svg__uitkomst--open")
        if u.norm in fasestart:  # the clock starts with the current fase
            begin = x(dag(t.fasehistorie[-1].van))
        else:
            begin = max(lw, dx - (termijn.get(u.norm) or 1) * schaal)
        delen.append(f'<line x1="{begin:.1f}" y1="{lijn_y}" x2="{dx:.1f}" y2="{lijn_y}" '
                     'class="ija-svg__termijn"/>')
        delen.append(f'<rect x="{dx - 6:.1f}" y="{lijn_y - 6}" width="12" height="12" '
                     f'class="ija-svg__uitkomst {klasse}"/>')
    hoogte = ny + len(uitkomsten) * rh_norm + 4
    tekst_alt = (
        f"Tijdlijn van de casus, van de aanmelding op {datum(start)} tot de peildatum "
        f"{datum(peildatum(t))}. Fasen: "
        + "; ".join(
            f"{fasenaam.get(p.fase, p.fase)} vanaf {datum(dag(p.van))}" for p in t.fasehistorie
        )
        + f". {len(t.events)} gebeurtenissen. Normen op de peildatum: "
        + "; ".join(f"{normnaam.get(u.norm, u.norm)}: {STATUS_WOORD.get(u.status, u.status)} "
                    f"(termijn {datum(u.deadline)})"
                    for u in uitkomsten)
        + "."
    )
    return diagram.figuur(
        f"casus-{naam}", f"Tijdlijn: {titel}", tekst_alt, lw + breedte + 20, hoogte, delen,
        bijschrift=(
            "Bovenaan de fasen; daaronder elke gebeurtenis als stip (open stip: contactpoging "
            "zonder contact; wijs een stip aan voor datum en soort). Onderaan per norm de "
            "termijn en de uitkomst op de peildatum."
        ),
    )


# --- pages ------------------------------------------------------------------------------------


def _normtabel(m: Methodiek, uitkomsten: Sequence[Normuitkomst]) -> str:
    normnaam = {n.id: n.naam for n in m.normen}
    if not uitkomsten:
        return "Op dit moment is er nog geen norm te meten.\n"
    return tabel(
        ["Norm", "Uitkomst", "Termijn", "Waarom"],
        [[esc(normnaam.get(u.norm, u.norm)), esc(STATUS_WOORD.get(u.status, u.status)),
          esc(datum(u.deadline)),
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


def casus_pagina(m: Methodiek, c: Casus) -> str:
    """The page of one casus."""
    pad = pad_casus(c.naam)
    t = lees_casus(m, c.naam)
    peil = peildatum(t)
    uitkomsten = normtoets(t, peildatum=peil, methodiek=m)
    delen = [f"# {esc(c.titel)}\n"]
    delen.extend(f"{esc(alinea)}\n" for alinea in c.verhaal)
    uitleg = verzonnen(c.naam)
    if uitleg:
        delen.append(f"!!! note \"Wat is verzonnen\"\n    {_met_code(uitleg)}\n")
    fasenaam = {f.id: f"fase {f.nummer}, {f.naam}" for f in m.fasen}
    delen.append("## Het traject in een plaatje\n")
    delen.append(
        f"Aangemeld op {esc(datum(dag(t.aangemeld_op)))} (verwijzer: {esc(t.verwijzer)}); "
        f"nu in {link(pad, pad_fase(t.fase), fasenaam.get(t.fase, t.fase))}. "
        f"De peildatum is de dag van de laatste gebeurtenis, {esc(datum(peil))}.\n"
    )
    delen.append(tijdlijn(m, t, uitkomsten, c.naam, c.titel.split(":")[0]))
    delen.append("## Wat de regels en normen zeggen\n")
    delen.append(
        "Zo toetst ija-core dit voorbeeldtraject op een paar momenten; zie ook "
        f"{link(pad, 'normen.md', 'de servicenormen')}.\n"
    )
    for titel, moment in momenten(m, t):
        delen.append(f"### {esc(titel)}: {esc(datum(moment))}\n")
        delen.append(_normtabel(m, normtoets(t, peildatum=moment, methodiek=m)))
    delen.append("## Gebeurtenissen\n")
    delen.append('<details markdown="1">\n<summary>Alle gebeurtenissen op volgorde</summary>\n')
    delen.extend(
        f"- {esc(datum(dag(e.op)))}: {esc(beschrijving(e))}"
        + (f" — {esc(str(getattr(e, 'vorm', '')))}" if getattr(e, "vorm", "") else "")
        for e in t.events
    )
    delen.append("\n</details>\n")
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
