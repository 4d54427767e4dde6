"""The trainers' page on the jongere's network, toestemming, JIM, regie and opschalen.

Read from the Methodiek (relaties, opschalingen, the network rules) and from the legal basis
of consent (``ija_core.netwerk.WETTELIJKE_TOESTEMMING``), so the page says what the engine
checks. Ids and event types stay in the closed developer box, as on every trainer page.
"""

from __future__ import annotations

import math

from ija_core.bron import Bron
from ija_core.docs._diagrams import SMAL, Smal, _pijlpunt, _tekst, afbreken, figuur
from ija_core.docs._markdown import code, esc, opsomming, tabel
from ija_core.docs._regels import BRONSOORT_LABEL, bronsoort
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
    "andere-begeleiding": "andere vorm van begeleiding",
    "drang-en-dwang": "partner in drang en dwang",
}

_SOORT_KOP = {
    "andere-begeleiding": "Een andere vorm van begeleiding",
    "drang-en-dwang": "Partners in drang en dwang",
}
"""How the picture of op- and afschalen heads each soort of opschaling (others: the slug)."""

AFSCHALEN_VOORBEELDEN = ("buurthuis", "familie", "buren")
"""The relaties the handbook gives as lighter support to scale down to: a volunteer in a
buurthuis (fase 3), the gezin and the buren (the handover to gezin, buren or wijknetwerk)."""


Vak = tuple[float, float, float, float]


def _snijdt_ring(midden: tuple[float, float], vak: Vak, stralen: tuple[int, ...]) -> bool:
    """Whether a ring (a circle around ``midden``) passes through the box ``vak``."""
    cx, cy = midden
    x0, y0, x1, y1 = vak
    dichtst = math.hypot(min(max(cx, x0), x1) - cx, min(max(cy, y0), y1) - cy)
    verst = max(math.hypot(x - cx, y - cy) for x in (x0, x1) for y in (y0, y1))
    return any(dichtst < r < verst for r in stralen)


def _vrij(vak: Vak, bezet: list[Vak], marge: float = 3) -> bool:
    return not any(vak[0] - marge < b[2] and b[0] < vak[2] + marge
                   and vak[1] - marge < b[3] and b[1] < vak[3] + marge for b in bezet)


def _plek(  # noqa: PLR0917  # one search, its inputs
    midden: tuple[float, float], hoek: float, band: tuple[float, float], maat: tuple[float, float],
    stralen: tuple[int, ...], bezet: list[Vak],
) -> tuple[float, float, Vak] | None:
    """Where a dot and its name go: inside the ring ``band`` (inner, outer radius), the spot
    nearest the given angle (then nearest the band's middle) where the dot and the name below
    it cross no ring and touch nothing placed before; None when the band has no room left."""
    cx, cy = midden
    binnen, buiten = band
    breed, hoog = maat
    midden_r = (binnen + buiten) / 2
    stralen_band = sorted(
        (binnen + 8 + 6 * k for k in range(int((buiten - binnen - 16) / 6) + 1)),
        key=lambda r: abs(r - midden_r),
    )
    for stap in range(181):  # 1 degree at a time, both ways
        for teken in (1,) if stap == 0 else (1, -1):
            h = hoek + math.radians(stap) * teken
            for s in stralen_band:
                px, py = cx + s * math.cos(h), cy + s * math.sin(h)
                vak = (px - breed / 2, py - 6, px + breed / 2, py + 6 + hoog)
                if _vrij(vak, bezet) and not _snijdt_ring(midden, vak, stralen):
                    return px, py, vak
    return None


def _korte_naam(naam: str) -> str:
    """The name in the picture: without what is between brackets at its end."""
    return naam.split(" (", maxsplit=1)[0] if naam.endswith(")") and " (" in naam else naam


def _regels(x: float, y: float, regels: list[str]) -> str:
    """A name of one or more lines, centred on ``x``, the first line's baseline at ``y``."""
    if len(regels) == 1:
        return _tekst(x, y, regels[0], "ija-svg__klein")
    delen = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else 17}">{esc(regel)}</tspan>'
        for i, regel in enumerate(regels)
    )
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" class="ija-svg__klein">{delen}</text>'


def netwerkcirkels(m: Methodiek) -> str:
    """The jongere's network as rings around the jongere (a bolletjesschema-like picture).

    The inner ring holds the relaties of rol ``netwerk``, then the wijknetwerk, then the
    zorgpartijen; the wijkteam colleagues beside the coach (rol ``coach``) stand apart. Names
    that do not fit in their ring (many plugin relaties) are listed below the picture's rings.
    """
    cx, cy = 345, 340
    stralen = (138, 244, 334)
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
    niet_geplaatst: list[str] = []
    for (rol, label), r, binnen in zip(_KRINGEN, stralen, (34, *stralen), strict=False):
        relaties = [x for x in m.relaties if x.rol == rol]
        onderdelen.append(f"{label}: " + ", ".join(x.naam.lower() for x in relaties))
        delen.append(_tekst(cx, cy - r + 17, label, "ija-svg__kop"))
        n = len(relaties) or 1
        namen = [afbreken(_korte_naam(x.naam), 16) for x in relaties]
        # the widest names first (they need the most room), each near its own angle
        volgorde = sorted(range(len(relaties)),
                          key=lambda i: -max(len(regel) for regel in namen[i]) * len(namen[i]))
        for i in volgorde:
            x, regels = relaties[i], namen[i]
            hoek = -math.pi / 2 + math.pi / (2 * n) + 2 * math.pi * (i + 0.5) / n
            breed = 7 * max(len(regel) for regel in regels) + 8
            hoog = 17 * len(regels)
            plek = _plek((cx, cy), hoek, (binnen, r), (breed, hoog), stralen, bezet)
            if plek is None:
                niet_geplaatst.append(x.naam)
                continue
            px, py, vak = plek
            bezet.append(vak)
            delen.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="#5c6bc0"/>')
            # a plate in the page colour behind the name, so nothing runs through it
            delen.append(f'<rect x="{px - breed / 2:.1f}" y="{py + 5:.1f}" width="{breed}" '
                         f'height="{hoog}" rx="4" class="ija-svg__labelvlak"/>')
            delen.append(_regels(px, py + 17, regels))
    y = cy + stralen[-1] + 30
    if niet_geplaatst:
        for regel in afbreken("Ook in het netwerk: " + ", ".join(niet_geplaatst), 80):
            delen.append(_tekst(20, y, regel, "ija-svg__klein", anker="start"))
            y += 20
        y += 10
    naast = [x for x in m.relaties if x.rol == "coach"]
    delen.append(_tekst(20, y, "Naast de coach, in het wijkteam:", "ija-svg__kop", anker="start"))
    for i, x in enumerate(naast):
        delen.append(_tekst(20, y + 22 + 20 * i, "• " + x.naam, "ija-svg__klein", anker="start"))
    beschrijving = (
        "Kringen rond de jongere, van dichtbij naar verder weg. "
        + "; ".join(onderdelen)
        + ". Naast de coach, in het wijkteam: "
        + ", ".join(x.naam.lower() for x in naast)
        + "."
    )
    hoogte = int(y + 12 + 20 * len(naast))
    return figuur("netwerk", "Het netwerk rond de jongere", beschrijving, 2 * cx, hoogte, delen,
                  smal=_netwerk_smal(m))


def _netwerk_smal(m: Methodiek) -> Smal:
    """The rings for a phone: the jongere on top, each ring a band below it (nearest first),
    its relaties in two columns (a long name takes a whole line); the wijkteam colleagues
    beside the coach last."""
    delen = [f'<ellipse cx="{SMAL / 2}" cy="34" rx="70" ry="24" class="ija-svg__midden"/>',
             _tekst(SMAL / 2, 39, "De jongere", "ija-svg__kop")]
    y = 74
    for diepte, (rol, label) in enumerate(_KRINGEN):
        inspring = 6 * diepte
        plekken: list[tuple[float, int, str]] = []  # x, row, name
        rij, kolom = 0, 0
        for x in (x for x in m.relaties if x.rol == rol):
            naam = _korte_naam(x.naam)
            lang = 7 * len(naam) + 40 > SMAL / 2 - inspring
            if kolom == 1 and lang:
                rij, kolom = rij + 1, 0
            plekken.append((24 + inspring if kolom == 0 else SMAL / 2 + 8, rij, naam))
            if lang or kolom == 1:
                rij, kolom = rij + 1, 0
            else:
                kolom = 1
        rijen = rij + (1 if kolom else 0)
        hoogte = 40 + 24 * rijen
        delen.append(f'<rect x="{4 + inspring}" y="{y}" width="{SMAL - 8 - 2 * inspring}" '
                     f'height="{hoogte}" rx="14" fill="none" stroke="#90a4ae" stroke-width="1.5"/>')
        delen.append(_tekst(SMAL / 2, y + 22, label, "ija-svg__kop"))
        for px, r, naam in plekken:
            py = y + 46 + 24 * r
            delen.append(f'<circle cx="{px:.1f}" cy="{py - 5}" r="5" fill="#5c6bc0"/>')
            delen.append(_tekst(px + 10, py, naam, "ija-svg__klein", anker="start"))
        y += hoogte + 10
    naast = [x for x in m.relaties if x.rol == "coach"]
    delen.append(_tekst(12, y + 18, "Naast de coach, in het wijkteam:", "ija-svg__kop", anker="start"))
    for i, x in enumerate(naast):
        delen.append(_tekst(12, y + 40 + 20 * i, "• " + x.naam, "ija-svg__klein", anker="start"))
    return Smal(SMAL, int(y + 40 + 20 * len(naast)), delen)


def _soort_kop(soort: str) -> str:
    return _SOORT_KOP.get(soort, soort.replace("-", " ").capitalize())


def _opschaalgroepen(m: Methodiek) -> list[tuple[str, list[str]]]:
    """The opschalingen per soort (the handbook's ``andere-begeleiding`` first): heading, names."""
    soorten = sorted({o.soort for o in m.opschalingen},
                     key=lambda s: (s != "andere-begeleiding", s != "drang-en-dwang", s))
    return [(_soort_kop(s), [o.naam for o in m.opschalingen if o.soort == s]) for s in soorten]


def _afschaalnamen(m: Methodiek) -> list[str]:
    bekend = {x.id: x for x in m.relaties}
    return [bekend[r].naam for r in AFSCHALEN_VOORBEELDEN if r in bekend]


def _blok(x: float, y: float, breedte: float, kop: str, regels: list[tuple[str, str]], *,
          klasse: str) -> tuple[list[str], float]:
    """A box with a bold heading and lines (text, css class) below it; returns its parts and
    its height."""
    hoogte = 40 + 20 * len(regels)
    delen = [f'<rect x="{x}" y="{y}" width="{breedte}" height="{hoogte}" rx="10" class="{klasse}"/>',
             _tekst(x + 14, y + 25, kop, "ija-svg__kop", anker="start")]
    for i, (tekst, k) in enumerate(regels):  # a line that starts with spaces is indented
        inspring = 11 if tekst.startswith(" ") else 0
        delen.append(_tekst(x + 14 + inspring, y + 48 + 20 * i, tekst.strip(), k, anker="start"))
    return delen, hoogte


def _in_zin(naam: str) -> str:
    """A name inside a sentence: a lower-case first letter, except for an abbreviation (PGA)."""
    return naam if naam[1:2].isupper() else naam[:1].lower() + naam[1:]


def _op_regels(m: Methodiek, tekens: int) -> list[tuple[str, str]]:
    """Each soort of opschaling as a bullet: its one name, or its heading and its names."""
    regels: list[tuple[str, str]] = []
    for kop, namen in _opschaalgroepen(m):
        tekst = namen[0] if len(namen) == 1 else f"{kop}: " + ", ".join(map(_in_zin, namen))
        for i, r in enumerate(afbreken(tekst, tekens)):
            regels.append(("• " + r if i == 0 else "  " + r, "ija-svg__klein"))
    return regels


def _af_regels(m: Methodiek, tekens: int) -> list[tuple[str, str]]:
    regels = [(r, "ija-svg__klein") for r in afbreken(
        "Lichtere steun dichtbij, uit het eigen netwerk of het wijknetwerk, bijvoorbeeld:",
        tekens)]
    return regels + [("• " + naam, "ija-svg__klein") for naam in _afschaalnamen(m)]


def _overleg_regels(m: Methodiek, tekens: int) -> list[tuple[str, str]]:
    regels = [("• " + r if i == 0 else "  " + r, "ija-svg__klein")
              for o in m.overleggen for i, r in enumerate(afbreken(o.naam, tekens - 2))]
    return regels + [(r, "ija-svg__klein") for r in afbreken(
        "Partners vertellen daar wat ze op straat zien. De coach schuift aan waar het "
        "nodig is; de jongere gaat er niet naartoe.", tekens)]


def op_en_afschalen(m: Methodiek) -> str:
    """Op- and afschalen as two directions from the jongere and the coach (up: another form of
    guidance or drang en dwang; down: lighter support in the wijknetwerk), with the overleggen
    beside them: a source of information, not a direction."""
    p = 'marker-end="url(#ija-schaal-punt)"'
    links, breed_links = 16, 430
    op, op_h = _blok(links, 34, breed_links, "Opschalen: naar een andere vorm",
                     _op_regels(m, 58), klasse="ija-svg__schaal-op")
    midden_y = 34 + op_h + 78
    mx = links + breed_links / 2
    af, af_h = _blok(links, midden_y + 78, breed_links, "Afschalen: naar lichtere steun",
                     _af_regels(m, 58), klasse="ija-svg__schaal-af")
    rechts = links + breed_links + 30
    naast, naast_h = _blok(rechts, midden_y - 70, 690 - rechts - 8, "Ernaast: overleggen",
                           _overleg_regels(m, 25), klasse="ija-svg__overleg")
    delen = [_pijlpunt("schaal"), *op, *af, *naast]
    delen += [
        f'<line x1="{mx}" y1="{midden_y - 32}" x2="{mx}" y2="{34 + op_h + 3}" '
        f'class="ija-svg__vooruit" {p}/>',
        _tekst(mx + 10, midden_y - 46, "opschalen", "ija-svg__klein", anker="start"),
        f'<line x1="{mx}" y1="{midden_y + 32}" x2="{mx}" y2="{midden_y + 75}" '
        f'class="ija-svg__vooruit" {p}/>',
        _tekst(mx + 10, midden_y + 58, "afschalen", "ija-svg__klein", anker="start"),
        f'<line x1="{mx + 110}" y1="{midden_y}" x2="{rechts - 2}" y2="{midden_y}" '
        'class="ija-svg__vroeg"/>',
        _tekst((mx + 110 + rechts) / 2, midden_y - 8, "informatie", "ija-svg__klein"),
        f'<ellipse cx="{mx}" cy="{midden_y}" rx="110" ry="30" class="ija-svg__midden"/>',
        _tekst(mx, midden_y + 5, "De jongere en de coach", "ija-svg__kop"),
        _tekst(links, 20, "Het handboek: de coach weet naar wie op- en afgeschaald kan worden.",
               "ija-svg__klein", anker="start"),
    ]
    hoogte = int(max(midden_y + 78 + af_h, midden_y - 70 + naast_h) + 10)
    return figuur("schalen", "Opschalen en afschalen, met de overleggen ernaast",
                  _schalen_beschrijving(m), 690, hoogte, delen, smal=_schalen_smal(m))


def _schalen_smal(m: Methodiek) -> Smal:
    """Op- and afschalen for a phone: opschalen above the jongere and the coach, afschalen
    below, the overleggen last, apart."""
    p = 'marker-end="url(#ija-schaal-smal-punt)"'
    breedte = SMAL - 12
    op, op_h = _blok(6, 10, breedte, "Opschalen: naar een andere vorm", _op_regels(m, 44),
                     klasse="ija-svg__schaal-op")
    midden_y = 10 + op_h + 70
    mx = SMAL / 2
    af, af_h = _blok(6, midden_y + 70, breedte, "Afschalen: naar lichtere steun",
                     _af_regels(m, 44), klasse="ija-svg__schaal-af")
    naast_y = midden_y + 70 + af_h + 24
    naast, naast_h = _blok(6, naast_y, breedte, "Ernaast: overleggen (geen richting)",
                           _overleg_regels(m, 44), klasse="ija-svg__overleg")
    delen = [_pijlpunt("schaal-smal"), *op, *af, *naast,
             f'<line x1="{mx}" y1="{midden_y - 28}" x2="{mx}" y2="{10 + op_h + 3}" '
             f'class="ija-svg__vooruit" {p}/>',
             _tekst(mx + 10, midden_y - 40, "opschalen", "ija-svg__klein", anker="start"),
             f'<line x1="{mx}" y1="{midden_y + 28}" x2="{mx}" y2="{midden_y + 67}" '
             f'class="ija-svg__vooruit" {p}/>',
             _tekst(mx + 10, midden_y + 52, "afschalen", "ija-svg__klein", anker="start"),
             f'<ellipse cx="{mx}" cy="{midden_y}" rx="110" ry="26" class="ija-svg__midden"/>',
             _tekst(mx, midden_y + 5, "De jongere en de coach", "ija-svg__kop")]
    return Smal(SMAL, int(naast_y + naast_h + 8), delen)


def _schalen_beschrijving(m: Methodiek) -> str:
    groepen = "; ".join(f"{kop.lower()}: {', '.join(namen)}" for kop, namen in _opschaalgroepen(m))
    voorbeelden = ", ".join(n.lower() for n in _afschaalnamen(m))
    return (
        "Twee richtingen vanuit de jongere en de coach. Opschalen, naar een andere vorm: "
        f"{groepen}. Afschalen, naar lichtere steun dichtbij in het eigen netwerk of het "
        f"wijknetwerk{', bijvoorbeeld ' + voorbeelden if voorbeelden else ''}. Ernaast, en "
        "geen richting: de overleggen in de wijk ("
        + ", ".join(o.naam.lower() for o in m.overleggen)
        + "), waar partners vertellen wat ze op straat zien."
    )


def _bron(bron: Bron) -> str:
    """A bron in a table cell: its soort in words, then where."""
    return f"*{esc(BRONSOORT_LABEL.get(bron.soort, bron.soort))}*: {esc(bron.toelichting)}"


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
        "jongere toestemming moet geven, en hoe de coach op- en afschaalt.\n",
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
                (esc(x.naam), esc(m.rol(x.rol).naam), _bron(x.bron))
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
        "Volgens het handboek weet een coach naar welke partijen hij of zij kan opschalen en "
        "afschalen. Dat zijn twee richtingen, geen trap op en af:\n",
        opsomming(
            [
                "**Opschalen**: komt de hulp niet genoeg op gang, of houdt de jongere zich "
                "niet aan afspraken, dan gaat de jongere naar een andere vorm van begeleiding. "
                "Het handboek spreekt van een *andere* vorm, en zegt niet welke. Loopt de hulp vast, dan zoekt de coach ook samenwerking in drang "
                "en dwang, met partners als de politie of de persoonsgerichte aanpak; dat "
                "ija-core zo'n samenwerking als opschaling vastlegt, is de lezing van ija-core.",
                "**Afschalen**: gaat het beter, dan koppelt de coach de jongere aan lichtere "
                "steun dichtbij, zoals een vrijwilliger in het buurthuis, het gezin of de "
                "buren. Zo nemen het eigen netwerk en het wijknetwerk het stap voor stap over.",
            ]
        ),
        "Los daarvan schuift de coach waar nodig aan bij overleggen in de wijk, zoals het "
        "jeugdhotspotoverleg en het overlastoverleg. Daar vertellen partners die de straat "
        "kennen (het stedelijk jongerenwerk, de politie, handhaving) wat ze zien. Zo'n "
        "overleg is een bron van informatie en geen opschaling: de jongere gaat er niet "
        "naartoe.\n",
        op_en_afschalen(m),
        "Wat ija-core op dit moment vastlegt: een opschaling, met een reden (er loopt "
        "hoogstens één tegelijk en het traject gaat intussen gewoon door), en het afschalen "
        "dat die opschaling beëindigt. Afschalen naar iemand uit het netwerk en meedoen aan "
        "een overleg kan ija-core nog niet als eigen gebeurtenis vastleggen.\n",
        "Waarheen de coach kan opschalen:\n",
        tabel(
            ("Waarheen", "Soort", "Bron"),
            [
                (esc(o.naam), esc(_SOORT_LABEL.get(o.soort, o.soort)),
                 _bron(o.bron))
                for o in m.opschalingen
            ],
        ),
        "De overleggen in de wijk:\n",
        tabel(
            ("Overleg", "Bron"),
            [(esc(o.naam), _bron(o.bron)) for o in m.overleggen],
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
        + ". Overleggen (`m.overleggen`, geen opschaling): "
        + ", ".join(code(o.id) for o in m.overleggen)
        + ". De gebeurtenissen staan bij ‘Gebeurtenissen in JSON’ in het deel voor "
        "ontwikkelaars.\n\n</details>\n",
    ]
    return "\n".join(delen)
