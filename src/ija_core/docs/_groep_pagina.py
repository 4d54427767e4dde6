"""The trainers' page on the groepsaanpak: a group of jongeren handled together.

Read from the Methodiek (the group rules with their bron, the group norms) so the page says
what the engine checks; the picture shows the group, its partners and the 24-hour answer to a
melding. Ids and event types stay in the closed developer box, as on every trainer page.
"""

from __future__ import annotations

from ija_core.docs._diagrams import Smal, _tekst, figuur
from ija_core.docs._markdown import code, esc, link, opsomming
from ija_core.docs._regels import BRONSOORT_LABEL, bronsoort
from ija_core.methodiek import Methodiek

PAD = "trainers/groepsaanpak.md"
"""Where the page lives in the site."""

CASUS = "casussen/spin-in-het-web.md"
"""The page of the group casus, which shows the whole group (``_groep_casus.py``)."""

GROEPSNORMEN = ("groep-contact-na-melding-24-uur", "groep-contact-per-week")
"""The group norms this page explains."""

_PARTNERS = (
    "Politie (pga-expert)",
    "Directie Veiligheid",
    "Jongerenwerk",
    "Scholen",
    "Sportclubs",
    "Sleutelfiguren",
    "Werk en stage",
    "Gemeente",
)
"""The partners the picture places around the group (the handbook's group case names them)."""


_OM_DE_GROEP = ("Ouders", "Buurtbewoners")
"""Besides the partners, the people the coach also meets in the group case (own evenings)."""


def _knoop(x: float, y: float, maat: tuple[int, int], tekst: str) -> str:
    b, h = maat
    return (f'<rect x="{x - b / 2:.1f}" y="{y - h / 2:.1f}" width="{b}" height="{h}" rx="6" '
            'class="ija-svg__knoop"/>' + _tekst(x, y + 5, tekst, "ija-svg__klein"))


def _groepsknoop(x: float, y: float) -> list[str]:
    uit = [f'<rect x="{x - 110:.1f}" y="{y - 30:.1f}" width="220" height="60" rx="10" '
           'class="ija-svg__midden"/>', _tekst(x, y - 6, "De groep: 6 jongeren", "ija-svg__kop")]
    uit += [f'<circle cx="{x - 55 + 22 * i:.1f}" cy="{y + 15:.1f}" r="7" fill="#5c6bc0"/>'
            for i in range(6)]
    return uit


def _coach(x: float, y: float) -> list[str]:
    return [f'<rect x="{x - 95:.1f}" y="{y - 25:.1f}" width="190" height="50" rx="25" '
            'class="ija-svg__coach"/>',
            _tekst(x, y - 3, "De coach", "ija-svg__kop"),
            _tekst(x, y + 15, "de spin in het web", "ija-svg__klein")]


def _etmaal_breed(y: int) -> list[str]:
    x0, x1 = 60, 600
    delen = [
        _tekst(x0, y - 40, "Na elke melding over de groep, ook in het weekend:", "ija-svg__kop",
               anker="start"),
        f'<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="#37474f" stroke-width="2"/>',
        f'<circle cx="{x0}" cy="{y}" r="7" fill="#e53935"/>',
        _tekst(x0, y + 26, "melding", "ija-svg__klein"),
        f'<line x1="{x1}" y1="{y - 14}" x2="{x1}" y2="{y + 14}" stroke="#37474f" stroke-width="2"/>',
        _tekst(x1 - 30, y + 30, "24 uur later", "ija-svg__klein"),
    ]
    for x, label in ((250, "contact met de jongere"), (420, "contact met een ouder")):
        delen.append(f'<circle cx="{x}" cy="{y}" r="7" fill="#43a047"/>')
        delen.append(_tekst(x, y - 14, label, "ija-svg__klein"))
    delen.append(_tekst(x0, y + 62, "Voor ieder lid apart: pas als beide er zijn, is de "
                        "melding beantwoord.", "ija-svg__klein", anker="start"))
    return delen


def _etmaal_smal(y: int) -> list[str]:
    x, y1 = 40, y + 170
    delen = [
        _tekst(12, y - 34, "Na elke melding over de groep,", "ija-svg__kop", anker="start"),
        _tekst(12, y - 14, "ook in het weekend:", "ija-svg__kop", anker="start"),
        f'<line x1="{x}" y1="{y}" x2="{x}" y2="{y1}" stroke="#37474f" stroke-width="2"/>',
        f'<circle cx="{x}" cy="{y}" r="7" fill="#e53935"/>',
        _tekst(x + 18, y + 5, "melding", "ija-svg__klein", anker="start"),
        f'<line x1="{x - 14}" y1="{y1}" x2="{x + 14}" y2="{y1}" stroke="#37474f" stroke-width="2"/>',
        _tekst(x + 18, y1 + 5, "24 uur later", "ija-svg__klein", anker="start"),
    ]
    for yy, label in ((y + 60, "contact met de jongere"), (y + 110, "contact met een ouder")):
        delen.append(f'<circle cx="{x}" cy="{yy}" r="7" fill="#43a047"/>')
        delen.append(_tekst(x + 18, yy + 5, label, "ija-svg__klein", anker="start"))
    for i, regel in enumerate(("Voor ieder lid apart: pas als beide", "er zijn, is de melding "
                               "beantwoord.")):
        delen.append(_tekst(12, y1 + 40 + 18 * i, regel, "ija-svg__klein", anker="start"))
    return delen


def groepsplaat() -> str:
    """The coach in the middle of the web: the group, the parents, the buurt and the partners
    around, each linked to the coach; below, the 24-hour answer to a melding."""
    rondom = (*_OM_DE_GROEP, *_PARTNERS)
    # the wide drawing: the group on top, the coach in the middle, the others in a horseshoe
    cx, cy = 330, 200
    plekken = [(85, 120), (85, 200), (575, 120), (575, 200), (110, 360), (250, 360), (410, 360),
               (85, 280), (550, 360), (575, 280)]
    breed: list[str] = [f'<line x1="{cx}" y1="{cy}" x2="{x}" y2="{y}" class="ija-svg__draad"/>'
                        for x, y in [(cx, 50), *plekken]]
    breed += _groepsknoop(cx, 50)
    breed += [_knoop(x, y, (140 if x in (85, 575) else 130, 30), naam)
              for (x, y), naam in zip(plekken, rondom, strict=True)]
    breed += _coach(cx, cy)
    breed += _etmaal_breed(470)
    # the narrow drawing: the group, the coach, then the others in two columns on one line
    sx, rijen = 175, -(-len(rondom) // 2)
    bus_eind = 220 + 44 * (rijen - 1)
    smal: list[str] = [
        f'<line x1="{sx}" y1="50" x2="{sx}" y2="{bus_eind}" class="ija-svg__draad"/>',
        *_groepsknoop(sx, 42), *_coach(sx, 130),
    ]
    for i, naam in enumerate(rondom):
        x, y = (90 if i % 2 == 0 else 260), 220 + 44 * (i // 2)
        smal.append(f'<line x1="{x}" y1="{y}" x2="{sx}" y2="{y}" class="ija-svg__draad"/>')
        smal.append(_knoop(x, y, (156, 32), naam))
    smal += _etmaal_smal(bus_eind + 90)
    beschrijving = (
        "In het midden de coach, de spin in het web. Met de coach verbonden: de groep van zes "
        "jongeren, " + ", ".join(p.lower() for p in rondom)
        + ". Daaronder een tijdlijn: na een melding over de groep volgen binnen 24 uur, ook in "
        "het weekend, een contact met de jongere en een contact met een ouder, voor ieder lid "
        "apart."
    )
    return figuur("groep", "De groepsaanpak", beschrijving, 660, 550, breed,
                  smal=Smal(350, bus_eind + 90 + 170 + 70, smal))


def groepsaanpak(m: Methodiek) -> str:
    """The page: what the group case shows, how ija-core records it, the rules and norms."""
    normen = [m.norm(n) for n in GROEPSNORMEN if n in {x.id for x in m.normen}]
    delen = [
        "# De groepsaanpak\n",
        "Soms draait het niet om één jongere maar om een groepje uit dezelfde straat of "
        "buurt dat samen voor last zorgt. Het handboek beschrijft zo’n geval in de casus "
        "‘Spin in het web’. Deze pagina vat samen wat daar gebeurde, in onze eigen woorden, "
        "en laat zien hoe ija-core een groep bijhoudt. De hele groep, met elk lid, de "
        f"meldingen en de bijeenkomsten, staat bij de casus {link(PAD, CASUS, 'Spin in het web')}.\n",
        groepsplaat(),
        "## Wat de casus laat zien\n",
        opsomming(
            [
                "**Wie vraagt erom.** Niet de jongeren zelf: namens de burgemeester vragen de "
                "gemeente (haar expert jeugdoverlast) en de politie (haar pga-expert) de "
                "coach om hulp.",
                "**Eerst een plan, samen.** De coach maakt met die partners en het "
                "jongerenwerk één plan van aanpak voor de hele groep en voert het ook samen "
                "met hen uit.",
                "**De omgeving in kaart.** Met de jongeren erbij brengt de coach hun wereld in "
                "beeld: scholen, jongeren- en buurtwerk, sportclubs, mensen met gezag in de "
                "buurt, werk- en stageplekken. Ook gemeente en politie doen mee.",
                "**Apart én samen.** Elke jongere en elk gezin krijgt eigen aandacht, en de "
                "groep wordt ook als geheel aangesproken.",
                "**Ouders en buurt erbij.** Er zijn avonden voor ouders (over opvoeden) en "
                "voor de buurtbewoners.",
                "**Snel reageren.** Komt er een melding over de groep binnen, bijvoorbeeld "
                "overlast of spijbelen, dan spreekt de coach binnen een etmaal de jongeren "
                "én hun ouders, ook op zaterdag of zondag.",
                "**Heel intensief.** Drie tot vijf keer per week contact met jongeren, "
                "gezinnen en partners, en als het moet vaker op één dag.",
                "**Grenzen.** Wie afspraken niet nakomt, gaat naar een andere vorm van "
                "begeleiding (opschalen).",
                "**Resultaat.** Na drie maanden was het rustig in de buurt; bijna alle jongeren "
                "gingen naar school of een opleiding en hadden sport of een bijbaan.",
            ]
        ),
        "De coach is daarbij de spin in het web: degene die alles bij elkaar houdt.\n",
        "## Hoe ija-core een groep bijhoudt\n",
        "Een groep krijgt een eigen dossier naast de trajecten van de jongeren. In dat "
        "groepsdossier staan de aanmelding van de groep en wie erom vroeg, wie er lid is (en "
        "wanneer iemand de groep verlaat, met een reden), het plan van aanpak met de "
        "partners, de omgevingsanalyse, de bijeenkomsten en de meldingen over de groep. Wat "
        "de coach met één jongere doet (gesprekken, het ondersteuningsplan, een opschaling) "
        "blijft in diens eigen traject staan; een jongere die de groep verlaat, houdt zijn "
        "traject gewoon.\n",
        "Ouders zijn in het traject van een jongere een betrokkene met de relatie ‘ouder’. "
        "In ija-core geeft een jongere van 16 jaar of ouder zelf toestemming om ouders te "
        "betrekken (zie de pagina over het netwerk).\n",
        "## De normen van de groep\n",
        "Deze normen worden per lid gemeten, in het traject van dat lid:\n",
        opsomming(
            f"**{esc(n.naam)}** — {esc(n.uitleg)} "
            f"*({esc(BRONSOORT_LABEL.get(n.bron.soort, n.bron.soort))}: "
            f"{esc(n.bron.toelichting)})*"
            + ("" if n.standaard_aan else " Standaard uit: een wijkteam zet hem zelf aan.")
            for n in normen
        ),
        "## De regels van een groep\n",
        opsomming(
            f"**{esc(r.naam)}**: {esc(r.uitleg)} *({esc(bronsoort(r))}: {esc(r.bron.toelichting)})*"
            for r in m.groepsregels
        ),
        "Voorbeeld: de casus "
        f"{link(PAD, CASUS, 'Spin in het web')} laat een groep van zes zien, met de fase "
        "van elk lid, de partners, de bijeenkomsten en per melding de uitkomst van de norm "
        "voor elk lid.\n",
        '<details class="ija-techniek" markdown="1">\n'
        "<summary>Voor ontwikkelaars: ids en gebeurtenissen</summary>\n\n"
        + opsomming(f"{code(n.id)}: {esc(n.naam)}" for n in normen)
        + opsomming(f"{code(r.id)}: {esc(r.naam)}" for r in m.groepsregels)
        + "\nDe gebeurtenissen van een groep staan bij ‘Gebeurtenissen in JSON’ in het deel "
        "voor ontwikkelaars (onder ‘Groepen’); de norm meet `ija.groepstoets`.\n\n</details>\n",
    ]
    return "\n".join(delen)
