"""The trainers' page on the groepsaanpak: a group of jongeren handled together.

Read from the Methodiek (the group rules with their bron, the group norms) so the page says
what the engine checks; the picture shows the group, its partners and the 24-hour answer to a
melding. Ids and event types stay in the closed developer box, as on every trainer page.
"""

from __future__ import annotations

import math

from ija_core.docs._diagrams import _tekst, figuur
from ija_core.docs._markdown import code, esc, opsomming
from ija_core.docs._regels import BRONSOORT_LABEL, bronsoort
from ija_core.methodiek import Methodiek

PAD = "trainers/groepsaanpak.md"
"""Where the page lives in the site."""

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


def groepsplaat() -> str:
    """The group of six in the middle, the partners around it, and the 24-hour answer below."""
    # the partners on an ellipse, wider than high, so that neighbouring boxes never touch
    cx, cy, r_leden, rx_partners, ry_partners = 330, 215, 48, 215, 165
    delen = [
        f'<ellipse cx="{cx}" cy="{cy}" rx="{rx_partners}" ry="{ry_partners}" fill="none" '
        'stroke="#90a4ae" stroke-width="1.5" stroke-dasharray="4 4"/>',
        f'<circle cx="{cx}" cy="{cy}" r="82" class="ija-svg__midden"/>',
        _tekst(cx, cy - 62, "De groep", "ija-svg__kop"),
    ]
    for i in range(6):
        hoek = 2 * math.pi * i / 6 - math.pi / 2
        px, py = cx + r_leden * math.cos(hoek), cy + 8 + r_leden * math.sin(hoek)
        delen.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="11" fill="#5c6bc0"/>')
    delen.append(_tekst(cx, cy + 12, "6 jongeren", "ija-svg__klein"))
    for i, naam in enumerate(_PARTNERS):
        hoek = 2 * math.pi * i / len(_PARTNERS) - math.pi / 2 + math.pi / len(_PARTNERS)
        px, py = cx + rx_partners * math.cos(hoek), cy + ry_partners * math.sin(hoek)
        delen.append(
            f'<rect x="{px - 62:.1f}" y="{py - 14:.1f}" width="124" height="28" rx="6" '
            'fill="#eceff1" stroke="#90a4ae"/>'
        )
        delen.append(_tekst(px, py + 5, naam, "ija-svg__klein"))
    # the 24-hour answer to a melding
    y, x0, x1 = 450, 60, 600
    delen += [
        _tekst(
            x0,
            y - 40,
            "Na elke melding over de groep, ook in het weekend:",
            "ija-svg__kop",
            anker="start",
        ),
        f'<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="#37474f" stroke-width="2"/>',
        f'<circle cx="{x0}" cy="{y}" r="7" fill="#e53935"/>',
        _tekst(x0, y + 26, "melding", "ija-svg__klein"),
        f'<line x1="{x1}" y1="{y - 14}" x2="{x1}" y2="{y + 14}" stroke="#37474f" stroke-width="2"/>',
        _tekst(x1, y + 30, "24 uur later", "ija-svg__klein"),
    ]
    for x, label, kleur in (
        (250, "contact met de jongere", "#43a047"),
        (400, "contact met een ouder", "#43a047"),
    ):
        delen.append(f'<circle cx="{x}" cy="{y}" r="7" fill="{kleur}"/>')
        delen.append(_tekst(x, y - 14, label, "ija-svg__klein"))
    delen.append(
        _tekst(
            x0,
            y + 62,
            "Voor ieder lid apart: pas als beide er zijn, is de melding beantwoord.",
            "ija-svg__klein",
            anker="start",
        )
    )
    beschrijving = (
        "In het midden de groep van zes jongeren; in een kring daaromheen de partners: "
        + ", ".join(p.lower() for p in _PARTNERS)
        + ". Daaronder een tijdlijn: na een melding over de groep volgen binnen 24 uur, ook in "
        "het weekend, een contact met de jongere en een contact met een ouder, voor ieder lid "
        "apart."
    )
    return figuur("groep", "De groepsaanpak", beschrijving, 660, 530, delen)


def groepsaanpak(m: Methodiek) -> str:
    """The page: what the group case shows, how ija-core records it, the rules and norms."""
    normen = [m.norm(n) for n in GROEPSNORMEN if n in {x.id for x in m.normen}]
    delen = [
        "# De groepsaanpak\n",
        "Soms draait het niet om één jongere maar om een groepje uit dezelfde straat of "
        "buurt dat samen voor last zorgt. Het handboek beschrijft zo’n geval in de casus "
        "‘Spin in het web’. Deze pagina vat samen wat daar gebeurde, in onze eigen woorden, "
        "en laat zien hoe ija-core een groep bijhoudt.\n",
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
        "Voorbeeld: de casus Spin in het web is vastgelegd als een groep van zes, met de "
        "groep zelf en het traject van elk lid; ija-core laat daarvan de groep, de fase van "
        "elk lid, de partners, de bijeenkomsten en de norm per lid zien.\n",
        '<details class="ija-techniek" markdown="1">\n'
        "<summary>Voor ontwikkelaars: ids en gebeurtenissen</summary>\n\n"
        + opsomming(f"{code(n.id)}: {esc(n.naam)}" for n in normen)
        + opsomming(f"{code(r.id)}: {esc(r.naam)}" for r in m.groepsregels)
        + "\nDe gebeurtenissen van een groep staan bij ‘Gebeurtenissen in JSON’ in het deel "
        "voor ontwikkelaars (onder ‘Groepen’); de norm meet `ija.groepstoets`.\n\n</details>\n",
    ]
    return "\n".join(delen)
