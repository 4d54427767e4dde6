"""The trainers' page on the jongere's network, toestemming, JIM, regie and opschalen.

Read from the Methodiek (relaties, opschalingen, the network rules) and from the legal basis
of consent (``ija_core.netwerk.WETTELIJKE_TOESTEMMING``), so the page says what the engine
checks. Ids and event types stay in the closed developer box, as on every trainer page.
"""

from __future__ import annotations

import math

from ija_core.docs._diagrams import SMAL, Smal, _tekst, figuur
from ija_core.docs._markdown import code, esc, opsomming, tabel
from ija_core.docs._regels import bronsoort
from ija_core.methodiek import Methodiek
from ija_core.netwerk import WETTELIJKE_TOESTEMMING

PAD = "trainers/netwerk.md"
"""Where the page lives in the site."""

NETWERKREGELS = ("betrekken-met-toestemming", "delen-met-toestemming", "jim-uit-eigen-netwerk")
"""The rules this page explains, in checking order."""

_KRINGEN = (
    ("netwerk", "Eigen netwerk"),
    ("wijknetwerk", "Wijknetwerk"),
    ("zorgpartijen", "Zorgpartijen"),
)
"""The rings of the picture, from the jongere outwards: rol and label."""

_SOORT_LABEL = {
    "drang-en-dwang": "partner in drang en dwang",
    "overleg": "overleg in de wijk",
}


Vak = tuple[float, float, float, float]


def _snijdt_ring(midden: tuple[float, float], vak: Vak, stralen: tuple[int, ...]) -> bool:
    """Whether a ring (a circle around ``midden``) passes through the box ``vak``."""
    cx, cy = midden
    x0, y0, x1, y1 = vak
    dichtst = math.hypot(min(max(cx, x0), x1) - cx, min(max(cy, y0), y1) - cy)
    verst = max(math.hypot(x - cx, y - cy) for x in (x0, x1) for y in (y0, y1))
    return any(dichtst < r < verst for r in stralen)


def _plek(  # noqa: PLR0917  # one search, its inputs
    midden: tuple[float, float], hoek: float, straal: float, breed: float,
    stralen: tuple[int, ...], bezet: list[Vak],
) -> tuple[float, float, Vak]:
    """Where a dot and its name go: the nearest angle and radius to the given ones where the
    dot and the name below it cross no ring and touch nothing placed before."""
    cx, cy = midden
    kandidaten = [(hoek + 0.06 * k * teken, straal + dr)
                  for k in range(14) for teken in ((1,) if k == 0 else (1, -1))
                  for dr in (0, -8, 8, -16, 16)]
    for h, s in kandidaten:
        px, py = cx + s * math.cos(h), cy + s * math.sin(h)
        vak = (px - breed / 2, py - 6, px + breed / 2, py + 23)
        vrij = not any(vak[0] < b[2] and b[0] < vak[2] and vak[1] < b[3] and b[1] < vak[3]
                       for b in bezet)
        if vrij and not _snijdt_ring(midden, vak, stralen):
            return px, py, vak
    px, py = cx + straal * math.cos(hoek), cy + straal * math.sin(hoek)
    return px, py, (px - breed / 2, py - 6, px + breed / 2, py + 23)


def netwerkcirkels(m: Methodiek) -> str:
    """The jongere's network as rings around the jongere (a bolletjesschema-like picture).

    The inner ring holds the relaties of rol ``netwerk``, then the wijknetwerk, then the
    zorgpartijen; the wijkteam colleagues beside the coach (rol ``coach``) stand apart.
    """
    cx, cy = 330, 300
    stralen = (125, 200, 272)
    delen = [
        f'<circle cx="{cx}" cy="{cy}" r="{r}" class="ija-svg__ring{"" if i else " ija-svg__ring--binnen"}" '
        'fill="none" stroke="#90a4ae" stroke-width="1.5"/>'
        for i, r in reversed(list(enumerate(stralen)))
    ]
    delen += [
        f'<ellipse cx="{cx}" cy="{cy}" rx="52" ry="30" class="ija-svg__midden"/>',
        _tekst(cx, cy + 5, "De jongere", "ija-svg__kop"),
    ]
    onderdelen = []
    bezet = [(cx - 56.0, cy - 34.0, cx + 56.0, cy + 34.0)]  # the jongere in the middle
    for (_, label), r in zip(_KRINGEN, stralen, strict=False):
        half = 4 * len(label) + 6
        bezet.append((cx - half, cy - r + 3, cx + half, cy - r + 22))
    for (rol, label), r, binnen in zip(_KRINGEN, stralen, (60, *stralen), strict=False):
        relaties = [x for x in m.relaties if x.rol == rol]
        onderdelen.append(f"{label}: " + ", ".join(x.naam.lower() for x in relaties))
        midden = (r + binnen) / 2 if rol != "netwerk" else (r + 55) / 2
        delen.append(_tekst(cx, cy - r + 17, label, "ija-svg__kop"))
        n = len(relaties) or 1
        for i, x in enumerate(relaties):
            hoek = -math.pi / 2 + math.pi / (2 * n) + 2 * math.pi * (i + 0.5) / n
            breed = 7 * len(x.naam) + 8
            px, py, vak = _plek((cx, cy), hoek, midden, breed, stralen, bezet)
            bezet.append(vak)
            delen.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="#5c6bc0"/>')
            # a plate in the page colour behind the name: where no free spot was found, a ring
            # is interrupted by it instead of running through the name
            delen.append(f'<rect x="{px - breed / 2:.1f}" y="{py + 5:.1f}" width="{breed}" '
                         'height="17" rx="4" class="ija-svg__labelvlak"/>')
            delen.append(_tekst(px, py + 17, x.naam, "ija-svg__klein"))
    naast = [x for x in m.relaties if x.rol == "coach"]
    delen.append(_tekst(65, 600, "Naast de coach, in het wijkteam:", "ija-svg__kop", anker="start"))
    for i, x in enumerate(naast):
        delen.append(_tekst(65, 622 + 20 * i, "• " + x.naam, "ija-svg__klein", anker="start"))
    beschrijving = (
        "Kringen rond de jongere, van dichtbij naar verder weg. "
        + "; ".join(onderdelen)
        + ". Naast de coach, in het wijkteam: "
        + ", ".join(x.naam.lower() for x in naast)
        + "."
    )
    hoogte = 612 + 20 * len(naast)
    return figuur("netwerk", "Het netwerk rond de jongere", beschrijving, 660, hoogte, delen,
                  smal=_netwerk_smal(m))


def _netwerk_smal(m: Methodiek) -> Smal:
    """The rings for a phone: the jongere on top, each ring a band below it (nearest first),
    its relaties in two columns; the wijkteam colleagues beside the coach last."""
    delen = [f'<ellipse cx="{SMAL / 2}" cy="34" rx="70" ry="24" class="ija-svg__midden"/>',
             _tekst(SMAL / 2, 39, "De jongere", "ija-svg__kop")]
    y = 74
    for diepte, (rol, label) in enumerate(_KRINGEN):
        relaties = [x for x in m.relaties if x.rol == rol]
        rijen = -(-len(relaties) // 2)
        hoogte = 40 + 24 * rijen
        inspring = 6 * diepte
        delen.append(f'<rect x="{4 + inspring}" y="{y}" width="{SMAL - 8 - 2 * inspring}" '
                     f'height="{hoogte}" rx="14" fill="none" stroke="#90a4ae" stroke-width="1.5"/>')
        delen.append(_tekst(SMAL / 2, y + 22, label, "ija-svg__kop"))
        for i, x in enumerate(relaties):
            px, py = (24 if i % 2 == 0 else SMAL / 2 + 8), y + 46 + 24 * (i // 2)
            delen.append(f'<circle cx="{px:.1f}" cy="{py - 5}" r="5" fill="#5c6bc0"/>')
            delen.append(_tekst(px + 10, py, x.naam, "ija-svg__klein", anker="start"))
        y += hoogte + 10
    naast = [x for x in m.relaties if x.rol == "coach"]
    delen.append(_tekst(12, y + 18, "Naast de coach, in het wijkteam:", "ija-svg__kop", anker="start"))
    for i, x in enumerate(naast):
        delen.append(_tekst(12, y + 40 + 20 * i, "• " + x.naam, "ija-svg__klein", anker="start"))
    return Smal(SMAL, int(y + 40 + 20 * len(naast)), delen)


def _leeftijden() -> str:
    regels = []
    for w in WETTELIJKE_TOESTEMMING:
        band = f"{w.van} tot en met {w.tot} jaar" if w.tot is not None else f"Vanaf {w.van} jaar"
        regels.append(f"{band.capitalize()}: {esc(w.wie)}.")
    return opsomming(regels)


def netwerk(m: Methodiek) -> str:
    """The page: who is around the jongere, consent, JIM, regie, opschalen; the rules and bron."""
    regels = [m.regel(r) for r in NETWERKREGELS if r in {x.id for x in m.regels}]
    bron_wet = WETTELIJKE_TOESTEMMING[0].bron.toelichting.split(":")[0]
    delen = [
        "# Het netwerk van de jongere en toestemming\n",
        "Een jongerencoach werkt niet alleen met de jongere, maar ook met de mensen om de "
        "jongere heen: ouders en familie, vrienden, iemand uit de buurt die de jongere "
        "vertrouwt, de school, het jongerenwerk, de wijkagent, en soms hulpverleners van "
        "buiten de wijk. Deze pagina laat zien hoe ija-core dat netwerk bijhoudt, wanneer de "
        "jongere toestemming moet geven, en wat er gebeurt als de coach opschaalt.\n",
        netwerkcirkels(m),
        "## Wie er betrokken is\n",
        "Iemand uit het netwerk wordt in een traject een *betrokkene*. Van een betrokkene "
        "legt de coach twee dingen vast: een eigen korte aanduiding (bijvoorbeeld ‘oma’ of "
        "‘agent-noord’) en de relatie tot de jongere. Nooit een naam, adres of "
        "telefoonnummer: het dossier is een blijvend verslag, en namen horen in het "
        "systeem van de organisatie, niet in de gebeurtenissen. Een vrije omschrijving mag, "
        "maar ook daarin geen persoonsgegevens.\n",
        "De relaties en in welke kring ze horen:\n",
        tabel(
            ("Relatie", "Kring", "Bron"),
            [
                (esc(x.naam), esc(m.rol(x.rol).naam), esc(x.bron.toelichting))
                for x in m.relaties
            ],
        ),
        "## Toestemming\n",
        "Het uitgangspunt van het handboek is dat de coach ouders en netwerk betrekt als de "
        "jongere dat wil en als het de aanpak helpt. ija-core maakt van dat uitgangspunt een "
        "harde regel, en kent twee soorten toestemming van de jongere, per betrokkene:\n",
        opsomming(
            [
                "**betrekken**: de coach mag contact hebben met deze persoon over de jongere, "
                "en de persoon mag het plan mee ondertekenen;",
                "**gegevens delen**: de coach mag gegevens van de jongere met deze persoon of "
                "organisatie delen, bijvoorbeeld bij een doorverwijzing.",
            ]
        ),
        "Een jongere kan toestemming op elk moment weer intrekken. Dat geldt vanaf dat "
        "moment: wat eerder met toestemming gebeurde, blijft in het dossier staan; wat daarna "
        "komt, vraagt opnieuw toestemming.\n",
        f"Wat de wet zegt over toestemming van jongeren ({esc(bron_wet)}):\n",
        _leeftijden(),
        "Daarom mag de coach een ouder van een jongere onder de 16 betrekken zonder aparte "
        "toestemming van de jongere. Vanaf de 16e verjaardag beslist de jongere zelf. De "
        "leeftijd telt op de kalenderdag van het contact. De meeste jongeren in de aanpak zijn "
        "18 of ouder.\n",
        "## JIM: een mentor uit het eigen netwerk\n",
        "Bij JIM (Jouw Ingebrachte Mentor) kiest de jongere zelf een vertrouwd persoon uit het "
        "eigen netwerk, die een plek krijgt naast de hulpverlening. Een JIM komt dus altijd "
        "uit de binnenste kring: een professional kan geen JIM zijn. Als de jongere iemand als "
        "JIM kiest, telt dat als toestemming om die persoon te betrekken.\n",
        "## Regie: één gezin, één plan, één regisseur\n",
        "Aan het begin ligt de regie bij de coach. Soms ligt die beter bij iemand anders, "
        "bijvoorbeeld de jeugd- en gezinscoach die het hele gezin begeleidt. Dat wordt "
        "vastgelegd, met een reden. Verdwijnt die persoon uit het traject, dan gaat de regie "
        "terug naar de coach.\n",
        "## Opschalen en afschalen\n",
        "Komt de hulp niet genoeg op gang, dan zoekt de coach volgens het handboek andere "
        "wegen in het netwerk, zoals samenwerken met partners in drang en dwang; in de "
        "groepsaanpak wordt bij afspraken die niet worden nagekomen opgeschaald naar een "
        "andere vorm van begeleiding. Het handboek noemt in dezelfde passage de overleggen "
        "in de wijk waar de coach zo nodig aan meedoet; dat ija-core ook zo'n overleg als "
        "opschaling vastlegt, is een keuze van ija-core. Het traject loopt intussen gewoon "
        "door; afschalen sluit de opschaling af. Er loopt steeds hoogstens één opschaling "
        "tegelijk.\n",
        tabel(
            ("Partner of overleg", "Soort", "Bron"),
            [
                (esc(o.naam), esc(_SOORT_LABEL.get(o.soort, o.soort)), esc(o.bron.toelichting))
                for o in m.opschalingen
            ],
        ),
        "## De regels die de software controleert\n",
        "Bij elke regel staat waar hij vandaan komt: uit het handboek, afgeleid uit het "
        "handboek, of een keuze van ija-core.\n",
        opsomming(
            f"**{esc(r.naam)}**: {esc(r.uitleg)} *({esc(bronsoort(r))}: "
            f"{esc(r.bron.toelichting)})*"
            for r in regels
        ),
        "## Hoe toestemming wordt bewaard\n",
        "Elke toestemming, en elke intrekking, is een gebeurtenis met een tijdstip in het "
        "dossier van het traject. Dat dossier wordt nooit overschreven: het is zelf het "
        "bewijs van wie wanneer toestemming gaf en wanneer die weer is ingetrokken.\n",
        '<details class="ija-techniek" markdown="1">\n'
        "<summary>Voor ontwikkelaars: ids en gebeurtenissen</summary>\n\n"
        + opsomming(f"{code(r.id)}: {esc(r.naam)}" for r in regels)
        + "\nRelaties: "
        + ", ".join(code(x.id) for x in m.relaties)
        + ". Opschalingen: "
        + ", ".join(code(o.id) for o in m.opschalingen)
        + ". De gebeurtenissen staan bij ‘Gebeurtenissen in JSON’ in het deel voor "
        "ontwikkelaars.\n\n</details>\n",
    ]
    return "\n".join(delen)
