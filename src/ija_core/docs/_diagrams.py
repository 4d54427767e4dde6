"""The site's pictures, drawn in Python as inline SVG from the same data as the pages.

No script is needed to see them, they print as they show, and each has a ``<title>`` and a
``<desc>`` (referenced by ``aria-labelledby``) as its text alternative. Every text in a
picture goes through ``esc``; links inside a picture point at the built ``.html`` pages
(raw HTML is not rewritten by mkdocs). Sizes are in CSS pixels at 100 % zoom: a picture is at
most about 690 px wide, so its 13-14 px text stays that size on a desktop. Each picture also
has a narrow drawing (about 350 px wide, the same content stacked) for a phone: ``extra.css``
shows it when the figure's own box is narrower than the wide drawing needs (a container query),
so nothing scrolls sideways and no text shrinks below 12 px. Paper shows the wide drawing.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from datetime import timedelta

from attrs import frozen

from ija_core.docs._markdown import esc, pad_fase, pad_instrument, pad_leefgebied, weken
from ija_core.docs._markdown import href as _html
from ija_core.methodiek import Methodiek
from ija_core.normen.model import Norm
from ija_core.tools.model import Instrument


@frozen
class Smal:
    """The narrow drawing of a picture (for a phone): its size and its parts."""

    breedte: int
    hoogte: int
    inhoud: Sequence[str]


SMAL = 350
"""The width of a narrow drawing: fits a 390 px phone at 100 % (its content box is ~358 px)."""


def _svg(sleutel: str, titel: str, beschrijving: str, maat: tuple[int, int], *,
         inhoud: Iterable[str], soort: str) -> list[str]:
    t, d = f"ija-{sleutel}{soort}-titel", f"ija-{sleutel}{soort}-uitleg"
    breedte, hoogte = maat
    klasse = "ija-svg" + (" ija-svg--smal" if soort else " ija-svg--breed")
    return [
        f'<svg class="{klasse}" viewBox="0 0 {breedte} {hoogte}" '
        f'width="{breedte}" height="{hoogte}" role="img" aria-labelledby="{t} {d}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{t}">{esc(titel)}</title>',
        f'<desc id="{d}">{esc(beschrijving)}</desc>',
        *inhoud,
        "</svg>",
    ]


def figuur(  # noqa: PLR0917  # one picture's parts, always given in this order
    sleutel: str,
    titel: str,
    beschrijving: str,
    breedte: int,
    hoogte: int,
    inhoud: Iterable[str],
    bijschrift: str = "",
    smal: Smal | None = None,
) -> str:
    """One picture as a raw HTML block: ``<figure>`` with an SVG and an optional caption.

    With ``smal``, the figure holds two drawings of the same picture, and the CSS shows the
    narrow one only where the wide one does not fit (``extra.css``, a container query).
    """
    klasse = f"ija-figuur ija-figuur--{sleutel}" + (" ija-figuur--twee" if smal else "")
    regels = [
        f'<figure class="{klasse}">',
        '<div class="ija-figuur__kader">',
        *_svg(sleutel, titel, beschrijving, (breedte, hoogte), inhoud=inhoud, soort=""),
        *(_svg(sleutel, titel, beschrijving, (smal.breedte, smal.hoogte), inhoud=smal.inhoud,
               soort="-smal")
          if smal else []),
        "</div>",
    ]
    if bijschrift:
        regels.append(f"<figcaption>{bijschrift}</figcaption>")
    regels.append("</figure>")
    return "\n".join(r for r in regels if r.strip()) + "\n"


def _tekst(x: float, y: float, tekst: str, klasse: str = "", anker: str = "middle") -> str:
    k = f' class="{klasse}"' if klasse else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anker}"{k}>{esc(tekst)}</text>'


def _link(href: str, *inhoud: str, label: str = "") -> str:
    aria = f' aria-label="{esc(label)}"' if label else ""
    return f'<a href="{href}"{aria}>' + "".join(inhoud) + "</a>"


def _pijlpunt(sleutel: str) -> str:
    return (
        f'<defs><marker id="ija-{sleutel}-punt" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0 0 L10 5 L0 10 z" class="ija-svg__punt"/></marker></defs>'
    )


# --- the route through the fasen, with streefduur and the norms counted from aanmelding -----


def aanmeldnormen(m: Methodiek) -> list[Norm]:
    """The default norms with a fixed term counted from the day of aanmelding."""
    return [
        n for n in m.normen
        if n.anker == "aanmelding" and n.aanbieder is None and n.standaard_aan
        and n.dagen is not None
    ]


def faseroute(m: Methodiek, van: str, actief: str | None = None) -> str:
    """The fasen one under the other on a week axis (bar = streefduur), with the 6-week norms."""
    totaal = sum((f.streefduur for f in m.fasen), timedelta(0)).days or 1
    lw, breedte, rh, top = 250, 410, 40, 24
    schaal = breedte / totaal
    delen = []
    dag = 0
    for i, f in enumerate(m.fasen):
        y = top + i * rh
        x = lw + dag * schaal
        w = f.streefduur.days * schaal
        klasse = "ija-svg__fase" + (" ija-svg__fase--actief" if f.id == actief else "")
        delen.append(_link(
            _html(van, pad_fase(f.id)),
            _tekst(10, y + 25, f"{f.nummer}. {f.naam}", "ija-svg__kop", "start"),
            f'<rect x="{x:.1f}" y="{y + 6}" width="{w:.1f}" height="{rh - 12}" rx="4" '
            f'class="{klasse}"/>',
            label=f"Fase {f.nummer}: {f.naam}, streefduur {weken(f.streefduur)}",
        ))
        delen.append(_tekst(lw - 12, y + 25, weken(f.streefduur), "ija-svg__klein", "end"))
        dag += f.streefduur.days
    as_y = top + len(m.fasen) * rh + 8
    delen.append(f'<line x1="{lw}" y1="{as_y}" x2="{lw + breedte}" y2="{as_y}" class="ija-svg__as"/>')
    grenzen = [0, *itertools.accumulate(f.streefduur.days for f in m.fasen)]
    for dag in grenzen:
        x = lw + dag * schaal
        delen.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{as_y + 5}" '
                     'class="ija-svg__raster"/>')
        delen.append(_tekst(x, as_y + 20, f"wk {dag // 7}" if dag % 7 == 0 else f"dag {dag}",
                            "ija-svg__klein"))
    normen = aanmeldnormen(m)
    groepen: dict[int, list[Norm]] = {}
    for n in normen:
        groepen.setdefault(n.dagen or 0, []).append(n)
    y = as_y + 46
    for dagen, groep in sorted(groepen.items()):
        x = lw + min(dagen, totaal) * schaal
        delen.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{as_y}" class="ija-svg__norm"/>')
        delen.append(_tekst(x, top - 4, weken(timedelta(days=dagen)), "ija-svg__normtekst"))
        for n in sorted(groep, key=lambda n: n.id):
            delen.append(f'<line x1="10" y1="{y - 5}" x2="34" y2="{y - 5}" class="ija-svg__norm"/>')
            delen.append(_tekst(42, y, f"{n.naam} (uiterlijk dag {dagen} na de aanmelding)",
                                "ija-svg__normtekst", "start"))
            y += 22
    beschrijving = (
        "Een traject doorloopt " + ", ".join(
            f"fase {f.nummer} {f.naam} (streefduur {weken(f.streefduur)})" for f in m.fasen)
        + f", samen {weken(timedelta(days=totaal))}. "
        + " ".join(f"Servicenorm: {n.naam}, {n.dagen} dagen na de aanmelding." for n in normen)
    )
    return figuur(
        "route" + (f"-{actief}" if actief else ""),
        "De route door de fasen met hun streefduur en de servicenormen vanaf de aanmelding",
        beschrijving, lw + breedte + 20, int(y), delen,
        "Elke balk is zo lang als de streefduur van de fase; de fasen volgen elkaar op vanaf de "
        "aanmelding (week 0). De rode lijnen zijn de servicenormen die vanaf de aanmelding "
        "tellen (het handboek noemt voor zijn zes weken geen begin; de aanmelding is de "
        "lezing van ija-core). De streefduur is een richtlijn, geen harde grens.",
        smal=_faseroute_smal(m, van, actief, groepen),
    )


def _zonder_botsing(xs: Sequence[float], ruimte: float = 44) -> list[int]:
    """Which axis labels to write (indexes): left to right, the last always, none closer
    than ``ruimte`` to another."""
    gekozen: list[int] = []
    for i, x in enumerate(xs):
        if not gekozen or x - xs[gekozen[-1]] >= ruimte:
            gekozen.append(i)
        elif i == len(xs) - 1:
            gekozen[-1] = i
    return gekozen


def _faseroute_smal(
    m: Methodiek, van: str, actief: str | None, groepen: dict[int, list[Norm]]
) -> Smal:
    """The route for a phone: each fase's name above its bar, the norms in two lines each."""
    totaal = sum((f.streefduur for f in m.fasen), timedelta(0)).days or 1
    lw, breedte, rh, top = 12, SMAL - 28, 50, 30
    schaal = breedte / totaal
    delen: list[str] = []
    dag = 0
    for i, f in enumerate(m.fasen):
        y = top + i * rh
        x = lw + dag * schaal
        klasse = "ija-svg__fase" + (" ija-svg__fase--actief" if f.id == actief else "")
        delen.append(_link(
            _html(van, pad_fase(f.id)),
            _tekst(lw, y + 14, f"{f.nummer}. {f.naam}", "ija-svg__kop", "start"),
            f'<rect x="{x:.1f}" y="{y + 20}" width="{f.streefduur.days * schaal:.1f}" '
            f'height="22" rx="4" class="{klasse}"/>',
            label=f"Fase {f.nummer}: {f.naam}, streefduur {weken(f.streefduur)}",
        ))
        delen.append(_tekst(lw + breedte, y + 14, weken(f.streefduur), "ija-svg__klein", "end"))
        dag += f.streefduur.days
    as_y = top + len(m.fasen) * rh + 4
    delen.append(f'<line x1="{lw}" y1="{as_y}" x2="{lw + breedte}" y2="{as_y}" class="ija-svg__as"/>')
    grenzen = [0, *itertools.accumulate(f.streefduur.days for f in m.fasen)]
    xs = [lw + d * schaal for d in grenzen]
    # vertical lines only beside the bars, never through a fase's name above its bar
    stukken = [(top + i * rh + 17, top + i * rh + 45) for i in range(len(m.fasen))]
    stukken[-1] = (stukken[-1][0], as_y)

    def verticaal(x: float, klasse: str) -> list[str]:
        return [f'<line x1="{x:.1f}" y1="{a}" x2="{x:.1f}" y2="{b}" class="{klasse}"/>'
                for a, b in stukken]

    onder = [lijn for x in xs for lijn in verticaal(x, "ija-svg__raster")]
    for i in _zonder_botsing(xs):
        d = grenzen[i]
        anker = "start" if i == 0 else "end" if i == len(xs) - 1 else "middle"
        delen.append(_tekst(xs[i], as_y + 20, f"wk {d // 7}" if d % 7 == 0 else f"dag {d}",
                            "ija-svg__klein", anker))
    y = as_y + 48
    for dagen, groep in sorted(groepen.items()):
        x = lw + min(dagen, totaal) * schaal
        onder += verticaal(x, "ija-svg__norm")
        delen.append(_tekst(x, top - 8, weken(timedelta(days=dagen)), "ija-svg__normtekst"))
        for n in sorted(groep, key=lambda n: n.id):
            delen.append(f'<line x1="{lw}" y1="{y - 5}" x2="{lw + 24}" y2="{y - 5}" class="ija-svg__norm"/>')
            for regel in afbreken(n.naam, 36):
                delen.append(_tekst(lw + 32, y, regel, "ija-svg__normtekst", "start"))
                y += 18
            delen.append(_tekst(lw + 32, y, f"uiterlijk dag {dagen} na de aanmelding",
                                "ija-svg__klein", "start"))
            y += 26
    return Smal(SMAL, int(y - 10), onder + delen)


def afbreken(tekst: str, tekens: int) -> list[str]:
    """``tekst`` in lines of at most about ``tekens`` characters, broken between words."""
    regels: list[str] = []
    for woord in tekst.split():
        if regels and len(regels[-1]) + 1 + len(woord) <= tekens:
            regels[-1] += " " + woord
        else:
            regels.append(woord)
    return regels or [""]


# --- the transitions --------------------------------------------------------------------------


def overgangen(m: Methodiek, van: str, vroeg: Sequence[str], heropenen: Sequence[str]) -> str:
    """Forward one step, back with a reason, early exits, closing and reopening, drawn simply."""
    fasen = list(m.fasen)
    bw, gap, x0 = 112, 30, 124
    xs = [x0 + i * (bw + gap) for i in range(len(fasen))]
    midden = {f.id: x + bw / 2 for f, x in zip(fasen, xs, strict=True)}
    ry, rh = 110, 50  # the row of fasen
    eind_x = xs[-1] if xs else x0
    delen = [_pijlpunt("ov")]
    p = 'marker-end="url(#ija-ov-punt)"'
    # aanmelding → first fase
    delen.append('<ellipse cx="56" cy="135" rx="50" ry="22" class="ija-svg__start"/>')
    delen.append(_tekst(56, 140, "Aanmelding"))
    if xs:
        delen.append(f'<line x1="106" y1="135" x2="{xs[0] - 3}" y2="135" class="ija-svg__vooruit" {p}/>')
    for f, x in zip(fasen, xs, strict=True):
        delen.append(_link(
            _html(van, pad_fase(f.id)),
            f'<rect x="{x}" y="{ry}" width="{bw}" height="{rh}" rx="6" class="ija-svg__fase"/>',
            _tekst(x + bw / 2, ry + 30, f"{f.nummer}. {f.naam}", "ija-svg__kop"),
            label=f"Fase {f.nummer}: {f.naam}",
        ))
    for a, b in itertools.pairwise(xs):
        delen.append(f'<line x1="{a + bw}" y1="135" x2="{b - 3}" y2="135" class="ija-svg__vooruit" {p}/>')
    # back, with a reason: one line above the row, from the last fase to every earlier one
    if len(xs) > 1:
        boven = 62
        delen.append(
            f'<path d="M{midden[fasen[-1].id]:.0f} {ry} V{boven} H{midden[fasen[0].id]:.0f} '
            f'V{ry - 3}" class="ija-svg__terug" {p}/>'
        )
        delen.extend(
            f'<line x1="{midden[f.id]:.0f}" y1="{boven}" x2="{midden[f.id]:.0f}" y2="{ry - 3}" '
            f'class="ija-svg__terug" {p}/>'
            for f in fasen[1:-1]
        )
        delen.append(_tekst(x0, boven - 10, "terug naar een eerdere fase: mag altijd, met een reden",
                            "ija-svg__terugtekst", "start"))
    # closing: from the last fase down; early exits from every fase along one line
    ay = 262
    delen.append(f'<rect x="{eind_x}" y="{ay - 25}" width="{bw}" height="50" rx="25" class="ija-svg__einde"/>')
    delen.append(_tekst(eind_x + bw / 2, ay + 5, "Afgesloten", "ija-svg__kop"))
    if fasen:
        delen.append(f'<line x1="{midden[fasen[-1].id]:.0f}" y1="{ry + rh}" '
                     f'x2="{midden[fasen[-1].id]:.0f}" y2="{ay - 28}" class="ija-svg__vooruit" {p}/>')
        delen.append(_tekst(midden[fasen[-1].id] + 8, 205, "afsluiten", "", "start"))
    if vroeg and len(fasen) > 1:
        delen.extend(
            f'<line x1="{midden[f.id] - 20:.0f}" y1="{ry + rh}" x2="{midden[f.id] - 20:.0f}" '
            f'y2="{ay}" class="ija-svg__vroeg"/>'
            for f in fasen[:-1]
        )
        delen.append(f'<line x1="{midden[fasen[0].id] - 20:.0f}" y1="{ay}" x2="{eind_x - 3}" '
                     f'y2="{ay}" class="ija-svg__vroeg" {p}/>')
        delen.append(_tekst(midden[fasen[0].id] - 14, ay - 8, "vroege uitstroom",
                            "ija-svg__vroegtekst", "start"))
    # reopening: from Afgesloten back to the fasen the rule allows
    doelen = [midden[f] for f in heropenen if f in midden]
    if doelen:
        onder = 318
        delen.append(
            f'<path d="M{eind_x + bw / 2:.0f} {ay + 25} V{onder} H{min(doelen) + 20:.0f} '
            f'V{ry + rh + 3}" class="ija-svg__heropen" {p}/>'
        )
        delen.extend(
            f'<line x1="{x + 20:.0f}" y1="{onder}" x2="{x + 20:.0f}" y2="{ry + rh + 3}" '
            f'class="ija-svg__heropen" {p}/>'
            for x in doelen if x != min(doelen)
        )
        delen.append(_tekst(min(doelen) + 28, onder + 20, "heropenen, met een reden",
                            "ija-svg__heropentekst", "start"))
    breedte = (xs[-1] + bw + 10) if xs else 400
    beschrijving = (
        "Na de aanmelding begint het traject in " + (fasen[0].naam if fasen else "de eerste fase")
        + ". Vooruit gaat het steeds één fase tegelijk: "
        + " → ".join(f.naam for f in fasen) + ". Terug naar een eerdere fase mag altijd, "
        "maar alleen met een reden. Afsluiten gaat normaal vanuit "
        + (fasen[-1].naam if fasen else "de laatste fase") + "; bij vroege uitstroom ("
        + ", ".join(vroeg) + ") kan het vanuit elke fase. Een afgesloten traject kan met een "
        "reden worden heropend naar " + " of ".join(m.fase(f).naam for f in heropenen if f in midden)
        + "."
    )
    return figuur(
        "overgangen", "Hoe een traject tussen de fasen beweegt", beschrijving, int(breedte), 350,
        delen,
        "Doorgetrokken: de gewone route. Boven: terug, altijd met een reden. Gestippeld: vroege "
        "uitstroom (" + ", ".join(esc(r) for r in vroeg) + "). Onder: heropenen.",
        smal=_overgangen_smal(m, van, vroeg, heropenen),
    )


def _overgangen_smal(m: Methodiek, van: str, vroeg: Sequence[str], heropenen: Sequence[str]) -> Smal:
    """The transitions for a phone: the fasen top to bottom; back on the left, early exits and
    reopening on the right; what each line means in a legend below."""
    fasen = list(m.fasen)
    x0, bw, bh, stap, top = 70, 150, 44, 78, 84
    midden_x = x0 + bw / 2
    ys = [top + i * stap for i in range(len(fasen))]
    p = 'marker-end="url(#ija-ov-smal-punt)"'
    delen = [_pijlpunt("ov-smal"),
             f'<ellipse cx="{midden_x}" cy="28" rx="58" ry="20" class="ija-svg__start"/>',
             _tekst(midden_x, 33, "Aanmelding")]
    if ys:
        delen.append(f'<line x1="{midden_x}" y1="48" x2="{midden_x}" y2="{ys[0] - 3}" '
                     f'class="ija-svg__vooruit" {p}/>')
    for a, b in itertools.pairwise(ys):
        delen.append(f'<line x1="{midden_x}" y1="{a + bh}" x2="{midden_x}" y2="{b - 3}" '
                     f'class="ija-svg__vooruit" {p}/>')
    eind_y = (ys[-1] if ys else top) + stap + 10
    if len(ys) > 1:  # back: from the last fase, along the left, to every earlier fase
        links = 30
        delen.append(f'<path d="M{x0} {ys[-1] + bh / 2} H{links} V{ys[0] + bh / 2} H{x0 - 3}" '
                     f'class="ija-svg__terug" {p}/>')
        delen.extend(f'<line x1="{links}" y1="{y + bh / 2}" x2="{x0 - 3}" y2="{y + bh / 2}" '
                     f'class="ija-svg__terug" {p}/>' for y in ys[1:-1])
    if vroeg and len(ys) > 1:  # early exits: from every earlier fase, along the right
        rechts = x0 + bw + 40
        delen.extend(f'<line x1="{x0 + bw}" y1="{y + 14}" x2="{rechts}" y2="{y + 14}" '
                     'class="ija-svg__vroeg"/>' for y in ys[:-1])
        delen.append(f'<path d="M{rechts} {ys[0] + 14} V{eind_y + 14} H{x0 + bw + 3}" '
                     f'class="ija-svg__vroeg" {p}/>')
    doelen = [ys[i] for i, f in enumerate(fasen) if f.id in heropenen]
    if doelen:  # reopening: from Afgesloten, further right, up to the fasen it may go to
        verder = x0 + bw + 80
        delen.append(f'<path d="M{x0 + bw} {eind_y + 34} H{verder} V{min(doelen) + 32} '
                     f'H{x0 + bw + 3}" class="ija-svg__heropen" {p}/>')
        delen.extend(f'<line x1="{verder}" y1="{y + 32}" x2="{x0 + bw + 3}" y2="{y + 32}" '
                     f'class="ija-svg__heropen" {p}/>' for y in doelen if y != min(doelen))
    for f, y in zip(fasen, ys, strict=True):
        delen.append(_link(
            _html(van, pad_fase(f.id)),
            f'<rect x="{x0}" y="{y}" width="{bw}" height="{bh}" rx="6" class="ija-svg__fase"/>',
            _tekst(midden_x, y + 27, f"{f.nummer}. {f.naam}", "ija-svg__kop"),
            label=f"Fase {f.nummer}: {f.naam}",
        ))
    if ys:
        delen.append(f'<line x1="{midden_x}" y1="{ys[-1] + bh}" x2="{midden_x}" y2="{eind_y - 3}" '
                     f'class="ija-svg__vooruit" {p}/>')
        delen.append(_tekst(midden_x + 8, ys[-1] + bh + 22, "afsluiten", "", "start"))
    delen.append(f'<rect x="{x0}" y="{eind_y}" width="{bw}" height="48" rx="24" class="ija-svg__einde"/>')
    delen.append(_tekst(midden_x, eind_y + 29, "Afgesloten", "ija-svg__kop"))
    y = eind_y + 84
    for klasse, tekst in (("ija-svg__vooruit", "vooruit, één fase tegelijk"),
                          ("ija-svg__terug", "terug: mag altijd, met een reden"),
                          ("ija-svg__vroeg", "vroege uitstroom, uit elke fase"),
                          ("ija-svg__heropen", "heropenen, met een reden")):
        if (klasse == "ija-svg__vroeg" and not vroeg) or (klasse == "ija-svg__heropen" and not doelen):
            continue
        delen.append(f'<line x1="12" y1="{y - 5}" x2="48" y2="{y - 5}" class="{klasse}"/>')
        delen.append(_tekst(58, y, tekst, "ija-svg__klein", "start"))
        y += 24
    return Smal(SMAL, y - 8, delen)


# --- the eight leefgebieden -------------------------------------------------------------------


def leefgebieden(m: Methodiek, van: str) -> str:
    """The leefgebieden around the young person, each a link with its number of instruments."""
    import math

    n = len(m.leefgebieden) or 1
    cx, cy, rx, ry = 340, 215, 250, 160
    tw, th = 160, 58
    delen = [
        f'<ellipse cx="{cx}" cy="{cy}" rx="78" ry="40" class="ija-svg__midden"/>',
        _tekst(cx, cy + 5, "De jongere", "ija-svg__kop"),
    ]
    for i, lg in enumerate(m.leefgebieden):
        hoek = -math.pi / 2 + 2 * math.pi * i / n
        x, y = cx + rx * math.cos(hoek), cy + ry * math.sin(hoek)
        # the spoke stops at the tile's edge: never under its labels
        x1, y1 = cx + 78 * math.cos(hoek), cy + 40 * math.sin(hoek)
        lengte = math.hypot(x - x1, y - y1) or 1
        ux, uy = (x - x1) / lengte, (y - y1) / lengte
        rand = min(tw / 2 / abs(ux) if ux else math.inf, th / 2 / abs(uy) if uy else math.inf)
        delen.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x - ux * rand:.1f}" '
                     f'y2="{y - uy * rand:.1f}" class="ija-svg__spaak"/>')
        instrumenten = m.instrumenten_voor(leefgebied=lg.id)
        aantal = f"{len(instrumenten)} instrument{'en' if len(instrumenten) != 1 else ''}"
        delen.append(_link(
            _html(van, pad_leefgebied(lg.id)),
            f'<rect x="{x - tw / 2:.1f}" y="{y - th / 2:.1f}" width="{tw}" height="{th}" rx="8" '
            'class="ija-svg__tegel"/>',
            _tekst(x, y - 4, lg.naam, "ija-svg__kop"),
            _tekst(x, y + 17, aantal, "ija-svg__klein"),
            label=f"{lg.naam}: {aantal}",
        ))
    beschrijving = (
        f"De {len(m.leefgebieden)} leefgebieden rond de jongere: "
        + ", ".join(lg.naam for lg in m.leefgebieden)
        + ". Bij elk staat hoeveel instrumenten erbij passen."
    )
    # for a phone: the jongere on top, the leefgebieden in two columns on one line
    sx, sb, sh = SMAL / 2, 158, 54
    rijen = -(-len(m.leefgebieden) // 2)
    onderste = 120 + (sh + 14) * (rijen - 1)
    smal = [f'<line x1="{sx}" y1="60" x2="{sx}" y2="{onderste}" class="ija-svg__spaak"/>',
            f'<ellipse cx="{sx}" cy="40" rx="78" ry="28" class="ija-svg__midden"/>',
            _tekst(sx, 45, "De jongere", "ija-svg__kop")]
    for i, lg in enumerate(m.leefgebieden):
        x, y = (sx - 6 - sb / 2) if i % 2 == 0 else (sx + 6 + sb / 2), 120 + (sh + 14) * (i // 2)
        instrumenten = m.instrumenten_voor(leefgebied=lg.id)
        aantal = f"{len(instrumenten)} instrument{'en' if len(instrumenten) != 1 else ''}"
        smal.append(_link(
            _html(van, pad_leefgebied(lg.id)),
            f'<rect x="{x - sb / 2:.1f}" y="{y - sh / 2:.1f}" width="{sb}" height="{sh}" rx="8" '
            'class="ija-svg__tegel"/>',
            _tekst(x, y - 4, lg.naam, "ija-svg__kop"),
            _tekst(x, y + 16, aantal, "ija-svg__klein"),
            label=f"{lg.naam}: {aantal}",
        ))
    return figuur("leefgebieden", f"De {len(m.leefgebieden)} leefgebieden", beschrijving, 680,
                  430, delen, smal=Smal(int(SMAL), int(onderste + sh / 2 + 8), smal))


# --- instruments per fase ----------------------------------------------------------------------


def matrix(m: Methodiek, van: str, instrumenten: Sequence[Instrument] | None = None) -> str:
    """Instruments (rows) × fasen (columns): each placement drawn as the soort of its bron."""
    from ija_core.bron import BRONSOORTEN
    from ija_core.docs._regels import PLAATSING_LABEL

    rijen = list(m.instrumenten if instrumenten is None else instrumenten)
    fasen = list(m.fasen)
    soorten = [s for s in BRONSOORTEN
               if any(p.bron.soort == s for i in rijen for p in i.plaatsingen if p.soort == "fase")]
    lw, cw, rh = 280, 98, 28
    top = 38 + 24 * len(soorten)
    breedte, hoogte = lw + cw * len(fasen) + 10, top + rh * len(rijen) + 12
    delen = []
    for n, soort in enumerate(soorten):  # the legend: one line per kind the picture draws
        delen.append(f'<rect x="10" y="{10 + 24 * n}" width="16" height="16" rx="3" '
                     f'class="ija-svg__cel--{soort}"/>')
        delen.append(_tekst(32, 23 + 24 * n, PLAATSING_LABEL[soort], "ija-svg__klein", "start"))
    for j, f in enumerate(fasen):
        x = lw + j * cw + cw / 2
        delen.append(_link(_html(van, pad_fase(f.id)),
                           _tekst(x, top - 10, f"{f.nummer}. {f.naam}", "ija-svg__kop"),
                           label=f"Fase {f.nummer}: {f.naam}"))
    for i, ins in enumerate(rijen):
        y = top + i * rh
        if i % 2 == 0:
            delen.append(f'<rect x="4" y="{y}" width="{breedte - 8}" height="{rh}" class="ija-svg__streep"/>')
        pagina = pad_instrument(ins.id)
        naam = ins.naam if len(ins.naam) <= 38 else ins.naam[:36] + "…"
        delen.append(_link(_html(van, pagina), _tekst(12, y + 19, naam, "", "start"),
                           label=ins.naam))
        for j, f in enumerate(fasen):
            plek = ins.plaatsing_in(fase=f.id)
            if plek is None:
                continue
            soort = plek.bron.soort
            x = lw + j * cw + cw / 2
            delen.append(_link(
                _html(van, pagina + "#waar-het-past"),
                f'<rect x="{x - 9:.0f}" y="{y + 5}" width="18" height="18" rx="3" '
                f'class="ija-svg__cel--{soort}"/>',
                label=f"{ins.naam} in {f.naam}: {PLAATSING_LABEL.get(soort, soort)}",
            ))
    beschrijving = "Welke instrumenten passen in welke fase. " + " ".join(
        f"{ins.naam}: "
        + (", ".join(
            f"{m.fase(p.id).naam} ({PLAATSING_LABEL.get(p.bron.soort, p.bron.soort)})"
            for p in ins.plaatsingen if p.soort == "fase"
        ) or "geen fase") + "."
        for ins in rijen
    )
    return figuur("matrix", "Instrumenten per fase", beschrijving, breedte, hoogte, delen,
                  smal=_matrix_smal(m, van, rijen, delen))


def _matrix_smal(m: Methodiek, van: str, rijen: Sequence[Instrument], breed: Sequence[str]) -> Smal:
    """The matrix for a phone: each instrument's name on its own line, its cells below it in
    four narrow columns headed by the fase's number; the legend of the wide drawing, wrapped."""
    import re

    fasen = list(m.fasen)
    delen: list[str] = []
    # the legend: the wide drawing's own marks (at x=10) and texts (at x=32), wrapped, so that
    # the legend is written once
    y = 12
    for deel in breed:
        if deel.startswith("<rect") and 'x="10"' in deel:
            delen.append(re.sub(r'y="\d+(\.\d+)?"', f'y="{y}"', deel, count=1))
        elif deel.startswith("<text") and 'x="32.0"' in deel:
            regels = afbreken(re.sub(r"<[^>]+>", "", deel), 38)  # already escaped text
            for k, regel in enumerate(regels):
                delen.append(f'<text x="32" y="{y + 13 + 17 * k}" text-anchor="start" '
                             f'class="ija-svg__klein">{regel}</text>')
            y += 17 * len(regels) + 8
    cw, lw = 50, SMAL - 10 - 50 * len(fasen)
    top = y + 30
    for j, f in enumerate(fasen):
        x = lw + j * cw + cw / 2
        delen.append(_link(_html(van, pad_fase(f.id)), _tekst(x, top - 8, str(f.nummer), "ija-svg__kop"),
                           label=f"Fase {f.nummer}: {f.naam}"))
    sleutel = ", ".join(f"{f.nummer} = {f.naam}" for f in fasen)
    delen.append(_tekst(12, top - 8, "Fase:", "ija-svg__kop", "start"))
    rh = 46
    for i, ins in enumerate(rijen):
        y = top + i * rh
        if i % 2 == 0:
            delen.append(f'<rect x="4" y="{y}" width="{SMAL - 8}" height="{rh}" class="ija-svg__streep"/>')
        pagina = pad_instrument(ins.id)
        naam = ins.naam if len(ins.naam) <= 40 else ins.naam[:38] + "…"
        delen.append(_link(_html(van, pagina), _tekst(12, y + 17, naam, "", "start"), label=ins.naam))
        for j, f in enumerate(fasen):
            x = lw + j * cw + cw / 2
            delen.append(f'<line x1="{x - 9:.0f}" y1="{y + 33}" x2="{x + 9:.0f}" y2="{y + 33}" '
                         'class="ija-svg__raster"/>')
            plek = ins.plaatsing_in(fase=f.id)
            if plek is None:
                continue
            soort = "handboek" if plek.bron.soort in ("handboek", "afgeleid") else "suggestie"
            delen.append(_link(
                _html(van, pagina + "#waar-het-past"),
                f'<rect x="{x - 8:.0f}" y="{y + 24}" width="16" height="16" rx="3" '
                f'class="ija-svg__cel--{soort}"/>',
                label=f"{ins.naam} in {f.naam}",
            ))
    y = top + rh * len(rijen) + 20
    for k, deel in enumerate(re.findall(r".{1,44}(?:,\s|$)", sleutel + " ")):
        delen.append(_tekst(12, y + 17 * k, deel.strip(), "ija-svg__klein", "start"))
    return Smal(int(SMAL), y + 17 * len(re.findall(r".{1,44}(?:,\s|$)", sleutel + " ")), delen)


# --- fase 4: the handover route ----------------------------------------------------------------

AFRONDING = "afronding"
"""The fase whose page and handout show the handover route."""

NAZORG_NORM = "nazorg-na-overdracht"
"""The norm whose termijn the picture shows at nazorg, when the Methodiek has it (design.md)."""


@frozen
class Overdrachtstap:
    """One step of the handover route in fase 4, as the picture shows it.

    Attributes:
        naam: the step's name (a heading in the picture).
        wat: what happens, in a few words (this project's own).
        waar: where the handbook says it (for the text alternative).
        kort: what happens in at most 22 characters (the handout's compact drawing).
        met: for nazorg: with whom the coach checks, each a small box; else empty.
    """

    naam: str
    wat: str
    waar: str
    kort: str
    met: tuple[str, ...] = ()


OVERDRACHTSROUTE: tuple[Overdrachtstap, ...] = (
    Overdrachtstap("Doorverwijzen", "naar een partij in het wijknetwerk of een (zorg)partij",
                   "fase 4, de eerste stap", "naar een andere partij"),
    Overdrachtstap("Overdrachtsgesprek", "met de partij die de begeleiding overneemt",
                   "fase 4, bij monitoring en nazorg en bij de rol van het wijknetwerk",
                   "met wie het overneemt"),
    Overdrachtstap("Nazorg", "navragen hoe het gaat",
                   "fase 4, bij doorverwijzen: de coach checkt bij beide of de jongere zacht landt",
                   "organisatie én jongere", met=("de organisatie", "de jongere")),
    Overdrachtstap("Eindgesprek", "het traject afronden en afscheid nemen",
                   "fase 4, bij monitoring en nazorg", "afronden en afscheid"),
)
"""The handover route of fase 4 in the order the picture draws it. Every step is the
handbook's (each says where); a termijn for nazorg is not: that is ``NAZORG_NORM``, a choice
of ija-core."""


def nazorgtermijn(m: Methodiek) -> Norm | None:
    """The norm that gives nazorg a termijn, when this Methodiek has it (with ``dagen``)."""
    norm = next((n for n in m.normen if n.id == NAZORG_NORM), None)
    return norm if norm is not None and norm.dagen is not None else None


def _soortmerk(x: float, y: float, soort: str, tekst: str) -> list[str]:
    """A small square in the look of a bron soort (as in the matrix) and its words."""
    return [f'<rect x="{x:.1f}" y="{y - 11:.1f}" width="12" height="12" rx="2" '
            f'class="ija-svg__cel--{soort}"/>',
            _tekst(x + 18, y, tekst, "ija-svg__klein", "start")]


def _termijntekst(norm: Norm | None) -> str:
    if norm is None or norm.dagen is None:
        return ""
    return f"binnen {weken(timedelta(days=norm.dagen))}: keuze van ija-core"


def overdracht(m: Methodiek) -> str:
    """Fase 4's handover route: doorverwijzen → overdrachtsgesprek → nazorg (with the
    organisation and with the jongere) → eindgesprek, each marked as the handbook's; the
    termijn of nazorg, when ija-core measures one, marked as ija-core's choice."""
    from ija_core.docs._regels import BRONSOORT_LABEL

    norm = nazorgtermijn(m)
    stappen = OVERDRACHTSROUTE
    bw, gap, top = 156, 22, 34
    # as high as the fullest step: heading, its lines, and the small boxes of nazorg
    bh = max(46 + 18 * len(afbreken(s.wat, 22)) + (8 + 27 * len(s.met) if s.met else 0)
             for s in stappen) + 4
    p = 'marker-end="url(#ija-overdracht-punt)"'
    delen = [_pijlpunt("overdracht"),
             _tekst(0, 16, "Zo draagt de coach de jongere warm over (fase 4):", "ija-svg__kop",
                    "start")]
    for i, s in enumerate(stappen):
        x = i * (bw + gap)
        delen.append(f'<rect x="{x + 1}" y="{top}" width="{bw - 2}" height="{bh}" rx="8" '
                     'class="ija-svg__fase"/>')
        delen.append(_tekst(x + bw / 2, top + 24, s.naam, "ija-svg__klein ija-svg__kop"))
        y = top + 46
        for regel in afbreken(s.wat, 22):
            delen.append(_tekst(x + bw / 2, y, regel, "ija-svg__klein"))
            y += 18
        y += 8 if s.met else 0
        for wie in s.met:  # nazorg: a small box per party the coach checks with
            delen.append(f'<rect x="{x + 10}" y="{y - 13}" width="{bw - 20}" height="22" rx="4" '
                         'class="ija-svg__tegel"/>')
            delen.append(_tekst(x + bw / 2, y + 3, "bij " + wie, "ija-svg__klein"))
            y += 27
        if i + 1 < len(stappen):
            delen.append(f'<line x1="{x + bw}" y1="{top + bh / 2}" x2="{x + bw + gap - 2}" '
                         f'y2="{top + bh / 2}" class="ija-svg__vooruit" {p}/>')
        delen += _soortmerk(x + 6, top + bh + 22, "handboek", BRONSOORT_LABEL["handboek"])
    onder = top + bh + 22
    if norm is not None:
        x = 2 * (bw + gap)
        onder += 22
        delen += _soortmerk(x + 6, onder, "keuze", f"binnen {weken(timedelta(days=norm.dagen or 0))}:")
        onder += 18
        delen.append(_tekst(x + 24, onder, BRONSOORT_LABEL["keuze"], "ija-svg__klein", "start"))
    onder += 30
    delen.append(_tekst(0, onder, "Daarna blijft de coach bereikbaar als er een nieuwe hulpvraag "
                        "komt (handboek).", "ija-svg__klein", "start"))
    breedte = len(stappen) * bw + (len(stappen) - 1) * gap
    return figuur(
        "overdracht", "De warme overdracht in fase 4", _overdracht_beschrijving(m, norm),
        breedte, int(onder + 10), delen,
        "Alle stappen komen uit fase 4 van het handboek"
        + (f"; de termijn van {esc(weken(timedelta(days=norm.dagen or 0)))} voor de nazorg is "
           "een keuze van ija-core (het handboek noemt geen termijn)" if norm else "")
        + ". Het handboek zegt ook dat de coach soms beter loslaat, zodat de jongere zich aan "
        "de nieuwe plek kan hechten.",
        smal=_overdracht_smal(norm),
    )


def overdracht_kort(m: Methodiek) -> str:
    """The handover route in one low strip, for the fase 4 handout (which has to stay one A4
    sheet): the soort of the steps on top, the four steps in a row with a few words each, then
    staying reachable."""
    from ija_core.docs._regels import BRONSOORT_LABEL

    norm = nazorgtermijn(m)
    stappen = OVERDRACHTSROUTE
    bw, gap, top, bh = 156, 22, 24, 48
    p = 'marker-end="url(#ija-overdracht-kort-punt)"'
    delen = [_pijlpunt("overdracht-kort"),
             *_soortmerk(2, 14, "handboek", f"{BRONSOORT_LABEL['handboek']}: alle vier de stappen")]
    if norm is not None:  # above nazorg
        delen += _soortmerk(2 * (bw + gap) + 2, 14, "keuze", _termijntekst(norm))
    for i, s in enumerate(stappen):
        x = i * (bw + gap)
        delen.append(f'<rect x="{x + 1}" y="{top}" width="{bw - 2}" height="{bh}" rx="8" '
                     'class="ija-svg__fase"/>')
        delen.append(_tekst(x + bw / 2, top + 19, s.naam, "ija-svg__klein ija-svg__kop"))
        delen.append(_tekst(x + bw / 2, top + 37, s.kort, "ija-svg__klein"))
        if i + 1 < len(stappen):
            delen.append(f'<line x1="{x + bw}" y1="{top + bh / 2}" x2="{x + bw + gap - 2}" '
                         f'y2="{top + bh / 2}" class="ija-svg__vooruit" {p}/>')
    y = top + bh + 20
    delen.append(_tekst(0, y, "Daarna blijft de coach bereikbaar voor een nieuwe hulpvraag "
                        "(handboek).", "ija-svg__klein", "start"))
    breedte = len(stappen) * bw + (len(stappen) - 1) * gap
    return figuur("overdracht-kort", "De warme overdracht in fase 4",
                  _overdracht_beschrijving(m, norm), breedte, y + 6, delen,
                  smal=_overdracht_smal(norm, "overdracht-kort-smal"))


def _overdracht_smal(norm: Norm | None, sleutel: str = "overdracht-smal") -> Smal:
    """The handover route for a phone: the steps one under the other."""
    from ija_core.docs._regels import BRONSOORT_LABEL

    p = f'marker-end="url(#ija-{sleutel}-punt)"'
    x, bw = 6, SMAL - 12
    delen = [_pijlpunt(sleutel)]
    y = 10
    for i, s in enumerate(OVERDRACHTSROUTE):
        regels = afbreken(s.wat, 40)
        hoogte = 40 + 18 * len(regels) + (6 + 27 * len(s.met) if s.met else 0)
        if s.met and norm is not None:
            hoogte += 22
        delen.append(f'<rect x="{x}" y="{y}" width="{bw}" height="{hoogte}" rx="8" '
                     'class="ija-svg__fase"/>')
        delen.append(_tekst(x + 12, y + 22, s.naam, "ija-svg__kop", "start"))
        delen += _soortmerk(x + bw - 96, y + 21, "handboek", BRONSOORT_LABEL["handboek"])
        r = y + 42
        for regel in regels:
            delen.append(_tekst(x + 12, r, regel, "ija-svg__klein", "start"))
            r += 18
        r += 6 if s.met else 0
        for wie in s.met:
            delen.append(f'<rect x="{x + 12}" y="{r - 13}" width="{bw - 24}" height="22" rx="4" '
                         'class="ija-svg__tegel"/>')
            delen.append(_tekst(x + 20, r + 3, "bij " + wie, "ija-svg__klein", "start"))
            r += 27
        if s.met and norm is not None:
            delen += _soortmerk(x + 12, r + 2, "keuze", _termijntekst(norm))
        y += hoogte
        if i + 1 < len(OVERDRACHTSROUTE):
            delen.append(f'<line x1="{SMAL / 2}" y1="{y}" x2="{SMAL / 2}" y2="{y + 19}" '
                         f'class="ija-svg__vooruit" {p}/>')
            y += 22
    y += 26
    for regel in afbreken("Daarna blijft de coach bereikbaar als er een nieuwe hulpvraag "
                          "komt (handboek).", 46):
        delen.append(_tekst(x, y, regel, "ija-svg__klein", "start"))
        y += 18
    return Smal(SMAL, int(y), delen)


def _overdracht_beschrijving(m: Methodiek, norm: Norm | None) -> str:
    delen = []
    for s in OVERDRACHTSROUTE:
        met = (" " + " en ".join("bij " + w for w in s.met)) if s.met else ""
        delen.append(f"{s.naam}: {s.wat}{met} (handboek, {s.waar})")
    termijn = _termijntekst(norm)
    return (
        "De warme overdracht in fase 4, stap voor stap. " + "; dan ".join(delen) + "."
        + (f" De nazorg gebeurt {termijn.replace(': ', '; dat is een ')}." if termijn else "")
        + " Daarna blijft de coach bereikbaar als er een nieuwe hulpvraag komt."
    )
