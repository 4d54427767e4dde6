"""Generated pages about the approach itself: home, fasen, overgangen, leefgebieden, thema's,
kernwaarden and servicenormen. Every text that describes the methodiek comes from the data."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from ija_core.bron import BRONSOORTEN, Bron
from ija_core.docs import _diagrams as diagram
from ija_core.docs._markdown import (
    anker_id,
    code,
    esc,
    link,
    opsomming,
    pad_aanbieder,
    pad_fase,
    pad_instrument,
    pad_leefgebied,
    pad_thema,
    tabel,
    weken,
)
from ija_core.docs._regels import (
    BRONSOORT_LABEL,
    bronsoort,
    heropenen_naar,
    kernregels,
    plugin_van,
    pluginregels,
    regels_bij_fase,
)
from ija_core.docs._regels import vroege_uitstroom as vroege_uitstroom_redenen
from ija_core.methodiek import Methodiek
from ija_core.normen.model import Norm
from ija_core.phases.rules import Regel
from ija_core.tools.model import Instrument


def termijn(norm: Norm) -> str:
    """A norm's termijn in Dutch."""
    if norm.dagen is not None:
        return f"{norm.dagen} dagen"
    if norm.uren is not None:
        return f"{norm.uren} uur (verstreken tijd)"
    if norm.fase is not None:
        return f"de streefduur van fase {code(norm.fase)}"
    return "de streefduur van de huidige fase"


_ANKER = {
    "aanmelding": "de dag van aanmelding",
    "fase-start": "de start van de huidige fase",
    "herhalend": "de aanmelding, en daarna opnieuw na elke keer dat aan de norm is voldaan",
    "groepsmelding": (
        "elke melding over de groep (groepsmelding), voor ieder lid dat op dat moment in de "
        "groep zit; alleen ija.groepstoets meet deze norm"
    ),
    "groepslid": (
        "het toevoegen van een lid aan de groep, en daarna elke volgende periode zolang het "
        "lid in de actieve groep zit; alleen ija.groepstoets meet deze norm"
    ),
}


def anker(norm: Norm) -> str:
    """What starts a norm's clock, in Dutch."""
    if norm.anker == "gebeurtenis":
        return f"elke gebeurtenis {code(norm.anker_gebeurtenis)}"
    if norm.anker == "fase-start" and norm.fase is not None:
        return f"het begin van fase {code(norm.fase)} (de laatste keer dat het traject erin kwam)"
    return _ANKER.get(norm.anker) or code(norm.anker)


def home(m: Methodiek) -> str:
    """The start page: what the IJA is, for whom, the route and the timeline."""
    pad = "index.md"
    dg = m.doelgroep
    totaal = sum((f.streefduur for f in m.fasen), timedelta(0))
    delen = [
        "# De Intensieve Jongerenaanpak\n",
        "De Intensieve Jongerenaanpak (IJA) is de manier waarop de intensief jongerencoaches van "
        "de Rotterdamse wijkteams jongeren begeleiden die dreigen vast te lopen. De coach zoekt "
        "de jongere zelf op, blijft volhouden en werkt samen met het netwerk van de jongere en "
        "de partners in de wijk. Deze site beschrijft de aanpak zoals de software ija-core "
        "hem vastlegt: elke pagina is gemaakt uit dezelfde gegevens die de code gebruikt.\n",
        "## Voor wie\n",
        f"{esc(dg.beschrijving)}\n",
        f"De aanpak is er voor jongeren van **{dg.min_leeftijd} tot en met {dg.max_leeftijd} "
        "jaar**.\n",
        "## De route door de fasen\n",
        f"Een traject doorloopt {len(m.fasen)} fasen, samen zo'n {weken(totaal)} als alles "
        "volgens de streefduur gaat:\n",
    ]
    delen.append(
        "".join(
            f"{f.nummer}. {link(pad, pad_fase(f.id), f.volledige_naam)} — "
            f"{weken(f.streefduur)}: {esc(f.doel)}\n"
            for f in m.fasen
        )
        + "\n"
    )
    delen.append(diagram.faseroute(m, pad))
    delen.append(
        "\nAndere normen lopen vanaf de start van een fase of vanaf een melding; zie "
        f"{link(pad, 'normen.md', 'servicenormen')}. Hoe een traject tussen de fasen mag "
        f"bewegen staat bij {link(pad, 'overgangen.md', 'faseovergangen')}.\n"
    )
    delen.append("## Verder lezen\n")
    delen.append(
        opsomming(
            [
                f"{link(pad, 'kernwaarden.md', 'Kernwaarden en de tien principes')} van de coach",
                f"{link(pad, 'trainers/index.md', 'Voor trainers')}: een lesplan, per fase een "
                "handout op één A4, en de hele methodiek op één pagina om af te drukken",
                f"{link(pad, 'leefgebieden/index.md', 'Leefgebieden')} en "
                f"{link(pad, 'themas/index.md', 'thema’s')}",
                f"{link(pad, 'instrumenten/index.md', 'Instrumentencatalogus')} "
                f"({len(m.instrumenten)} instrumenten)",
                f"{link(pad, 'aanbieders/index.md', 'Aanbieders')} "
                f"({len(m.aanbieders)} met een eigen plugin)",
            ]
        )
    )
    delen.append(
        "\nBouw je zelf software met ija-core of schrijf je een plugin? De technische pagina's "
        f"staan bij {link(pad, 'ontwikkelaars/index.md', 'Voor ontwikkelaars')}.\n"
    )
    return "\n".join(delen)


_GROEPKOP: dict[str, str] = {
    "handboek": "Het handboek plaatst hier:",
    "afgeleid": "Afgeleid uit wat het handboek zegt (niet met zoveel woorden):",
    "extern": "Uit een bron buiten het handboek:",
    "aanbieder": "Door een aanbieder hier geplaatst:",
}
"""The heading of each group of an instrument list, per soort of placement (``keuze`` last,
with its own sentence)."""


def _plaatsbron(
    i: Instrument, fase: str | None, leefgebieden: Iterable[str]
) -> Bron | None:
    """The ``Bron`` of an instrument's placement here: in the fase, or in one of the
    leefgebieden (the one closest to the handbook when there are several)."""
    plekken = [i.plaatsing_in(fase=fase)] if fase is not None else [
        i.plaatsing_in(leefgebied=lg) for lg in leefgebieden
    ]
    bronnen = [p.bron for p in plekken if p is not None]
    volgorde = ("handboek", "afgeleid", "extern", "aanbieder", "keuze")
    return min(bronnen, key=lambda b: volgorde.index(b.soort), default=None)


def _instrumentlijst(
    pad: str,
    instrumenten: Iterable[Instrument],
    *,
    fase: str | None = None,
    leefgebieden: Iterable[str] = (),
) -> str:
    """The instruments placed here, grouped by the soort of that placement's bron: the
    handbook's, derived from it, an outside source's, an aanbieder's, and (marked once)
    ija-core's own suggestions."""
    lijst = list(instrumenten)
    if not lijst:
        return "*Nog geen instrumenten toegewezen.*\n"
    leefgebieden = tuple(leefgebieden)
    groepen: dict[str, list[str]] = {s: [] for s in BRONSOORTEN}
    for i in lijst:
        bron = _plaatsbron(i, fase, leefgebieden)
        soort = bron.soort if bron is not None else "keuze"
        regel = f"{link(pad, pad_instrument(i.id), i.naam)} — {esc(i.samenvatting)}"
        if soort in ("afgeleid", "extern") and bron is not None:
            regel += f" *({esc(bron.toelichting)})*"
        groepen[soort if soort in groepen else "aanbieder"].append(regel)
    delen = []
    for groep, kop in _GROEPKOP.items():
        if groepen[groep]:
            delen.append(f"{kop}\n\n" + opsomming(groepen[groep]))
    if groepen["keuze"]:
        delen.append(
            ("Daarnaast, als suggestie van ija-core (het handboek noemt deze plaats niet):"
             if any(groepen[s] for s in _GROEPKOP) else
             "Het handboek noemt hier geen instrumenten. Als suggestie van ija-core passen:")
            + "\n\n" + opsomming(groepen["keuze"])
        )
    return "\n".join(delen)


def _fase_instrumentlijst(m: Methodiek, pad: str, fase_id: str) -> str:
    """The instruments of one fase in three parts, the handbook's first.

    1. What the handbook places here, then what follows from its words, an outside source's
       and an aanbieder's placements, each under the heading of its soort (``_GROEPKOP``).
    2. What ija-core suggests first in this fase, each with its summary; the reason, which
       the data give per placement, is said once per distinct reason, not once per line.
    3. What stays usable from earlier fasen as ija-core's suggestion: one line of names (the
       instruments' pages say why), so the list does not grow with every fase.
    """
    f = m.fase(fase_id)
    eerder = {e.id for e in m.fasen if e.nummer < f.nummer}
    groepen: dict[str, list[str]] = {s: [] for s in _GROEPKOP}
    nieuw: dict[str, list[str]] = {}
    doorgeschoven: list[str] = []
    for i in m.instrumenten_voor(fase=f.id):
        plek = i.plaatsing_in(fase=f.id)
        bron = plek.bron if plek is not None else None
        soort = bron.soort if bron is not None else "keuze"
        naam = link(pad, pad_instrument(i.id), i.naam)
        if soort != "keuze":
            regel = f"{naam} — {esc(i.samenvatting)}"
            if bron is not None and soort != "handboek":
                regel += f" *({esc(bron.toelichting)})*"
            groepen[soort if soort in groepen else "aanbieder"].append(regel)
        elif set(i.fasen) & eerder:
            doorgeschoven.append(naam)
        else:
            nieuw.setdefault(bron.toelichting if bron is not None else "", []).append(
                f"{naam} — {esc(i.samenvatting)}")
    delen = []
    if not groepen["handboek"]:
        delen.append("**Het handboek noemt bij deze fase geen instrument.**\n")
    for groep, kop in _GROEPKOP.items():
        if groepen[groep]:
            delen.append(f"**{kop}**\n\n" + opsomming(groepen[groep]))
    for uitleg, regels in nieuw.items():
        kop = "**Voorstel van ija-core voor deze fase**"
        delen.append(f"{kop}" + (f" *({esc(uitleg)})*" if uitleg else "") + "\n\n"
                     + opsomming(regels))
    if doorgeschoven:
        delen.append(
            f"**Uit eerdere fasen, blijft bruikbaar als voorstel van ija-core** "
            f"({len(doorgeschoven)}): " + ", ".join(doorgeschoven)
            + ". Waarom elk instrument hier past, staat op zijn eigen pagina.\n"
        )
    return "\n".join(delen)


def _regellijst(m: Methodiek, regels: Iterable[Regel]) -> str:
    """Rules for trainers: name, explanation and where each comes from; ids are on the
    developer pages."""
    items = []
    for r in regels:
        plugin = plugin_van(m, r)
        naam = f"**{esc(r.naam)}**: " if r.naam else ""
        herkomst = esc(bronsoort(r)) + (f", van de plugin {esc(plugin)}" if plugin else "")
        items.append(f"{naam}{esc(r.uitleg)} *({herkomst})*")
    return opsomming(items) if items else "*Geen regels.*\n"


def fase(m: Methodiek, fase_id: str) -> str:
    """The page of one fase."""
    f = m.fase(fase_id)
    pad = pad_fase(f.id)
    delen = [
        f"# Fase {f.nummer}: {esc(f.volledige_naam)}\n",
        f"**Streefduur:** {weken(f.streefduur)} (de gemarkeerde balk hieronder; "
        f"{esc(BRONSOORT_LABEL.get(f.streefduur_bron.soort, f.streefduur_bron.soort))}: "
        f"{esc(f.streefduur_bron.toelichting)})\n",
        diagram.faseroute(m, pad, actief=f.id),
        f"## Doel\n\n{esc(f.doel)}\n",
        "## Stappen\n",
    ]
    delen.extend(f"### {s.letter}. {esc(s.naam)}\n\n{esc(s.beschrijving)}\n" for s in f.stappen)
    if f.id == diagram.AFRONDING:
        delen.append(
            "### De overdracht in beeld\n\nEen overdracht is warm: de coach draagt de jongere "
            "persoonlijk over, houdt een gesprek met wie het overneemt, en vraagt daarna bij "
            "die partij én bij de jongere zelf na of het goed gaat. Het traject sluit af met een "
            "eindgesprek. Bij elke stap staat waar hij vandaan komt.\n"
        )
        delen.append(diagram.overdracht(m))
    delen.append("## Kernbegrippen\n")
    delen.append(opsomming(esc(k) for k in f.kernbegrippen) or "*Geen kernbegrippen.*\n")
    delen.append("## Wat van wie wordt verwacht\n")
    rijen = []
    for rv in f.rolverwachtingen:
        try:
            rolnaam = m.rol(rv.rol).naam
        except Exception:  # noqa: BLE001  # a rol unknown to the Methodiek is shown by its id
            rolnaam = rv.rol
        rijen.append((esc(rolnaam), "<br>".join(f"• {esc(v)}" for v in rv.verwachtingen)))
    delen.append(tabel(("Rol", "Verwachting"), rijen) if rijen else "*Niets vastgelegd.*\n")
    delen.append("## Instrumenten die bij deze fase passen\n")
    delen.append(_fase_instrumentlijst(m, pad, f.id))
    binnen, verlaten = regels_bij_fase(m, f.id)
    delen.append("## Regels bij het binnenkomen van deze fase\n")
    delen.append(_regellijst(m, binnen))
    delen.append("## Regels bij het verlaten van deze fase\n")
    delen.append(_regellijst(m, verlaten))
    delen.append(
        f"\nAlle overgangen in één schema: {link(pad, 'overgangen.md', 'faseovergangen')}.\n"
    )
    return "\n".join(delen)


def fasen_index(m: Methodiek) -> str:
    """The overview of the fasen."""
    pad = "fasen/index.md"
    rijen = [
        (str(f.nummer), link(pad, pad_fase(f.id), f.volledige_naam), weken(f.streefduur),
         ", ".join(esc(s.naam) for s in f.stappen))
        for f in m.fasen
    ]
    return (
        "# Fasen\n\nEen traject loopt door vier fasen. Elke fase heeft een streefduur: een "
        "richtlijn, geen harde grens. Per fase staat wat het doel is, welke stappen erbij horen "
        "en wat van de jongere, het netwerk, de wijk, de zorgpartijen en de coach wordt "
        "verwacht.\n\n" + tabel(("Nr.", "Fase", "Streefduur", "Stappen"), rijen)
        + "\n" + diagram.faseroute(m, pad)
    )


def overgangen(m: Methodiek) -> str:
    """The diagram of allowed phase transitions and every rule behind it."""
    redenen = vroege_uitstroom_redenen()
    uitstroom = (
        "Vroege uitstroom: " + ", ".join(esc(r.replace("-", " ")) for r in redenen) + "."
        if redenen
        else ""
    )
    pad = "overgangen.md"
    delen = [
        "# Faseovergangen\n",
        "Een traject gaat steeds één fase vooruit. Terug naar een eerdere fase mag altijd, "
        "maar alleen met een reden. Afsluiten gebeurt normaal vanuit de afronding; bij vroege "
        "uitstroom kan het vanuit elke fase. Een afgesloten traject kan worden heropend naar "
        "de verdieping of de uitvoering.\n",
        diagram.overgangen(m, pad, redenen, heropenen_naar()),
        f"\n{uitstroom}\n",
        "## De regels van de traject-engine\n",
        "De software controleert bij elke gebeurtenis deze regels, in deze volgorde. De "
        "uitleg is dezelfde tekst die een gebruiker ziet als een regel een stap weigert. De "
        "kolom *Bron* zegt waar een regel vandaan komt: uit het handboek, afgeleid uit het "
        "handboek, of een keuze van ija-core.\n",
    ]
    hb = kernregels(m)
    delen.append(
        tabel(("Regel", "Bron", "Uitleg"),
              [(esc(r.naam or "–"), esc(bronsoort(r)), esc(r.uitleg)) for r in hb])
        if hb
        else "*De regels van de traject-engine zijn nog niet beschikbaar in deze versie.*\n"
    )
    delen.append(_herkomst_van_regels(m, hb))
    pr = pluginregels(m)
    if pr:
        delen.append("## Extra regels van aanbieders\n")
        delen.append(
            "Deze regels komen uit plugins van aanbieders. Ze gelden na de regels hierboven, "
            "bij elke stap vooruit naar de genoemde fasen.\n"
        )
        delen.append(
            tabel(
                ("Regel", "Naar", "Uitleg"),
                [
                    (esc(r.naam or "–"),
                     ", ".join(link(pad, pad_fase(n), m.fase(n).naam) for n in r.naar)
                     or "elke fase", esc(r.uitleg))
                    for r in pr
                ],
            )
        )
    delen.append(
        '<details class="ija-techniek" markdown="1">\n'
        "<summary>Voor ontwikkelaars: de ids van de regels</summary>\n\n"
        + opsomming(f"{code(r.id)}: {esc(r.naam or r.uitleg)}"
                    + (f" (plugin {esc(plugin_van(m, r))})" if plugin_van(m, r) else "")
                    for r in (*hb, *pr))
        + "\nMeer bij "
        + link(pad, "ontwikkelaars/regels-en-normen.md", "Regels en normen")
        + (" en de redenen voor vroege uitstroom: " + ", ".join(code(r) for r in redenen)
           if redenen else "")
        + ".\n\n</details>\n"
    )
    return "\n".join(delen)


_SOORT_KOP: dict[str, tuple[str, str]] = {
    "handboek": ("Wat het handboek zegt",
                 "Deze regels staan zo in het handboek; de toelichting zegt waar."),
    "afgeleid": ("Afgeleid uit het handboek",
                 "Het handboek zegt dit niet met zoveel woorden; ija-core leidt het af uit wat "
                 "het wel zegt. De toelichting noemt waaruit en hoe."),
    "keuze": ("Keuzes van ija-core",
              "Het handboek maakt deze keuze niet. ija-core maakt haar zodat de software "
              "eenduidig kan toetsen; de toelichting zegt waarom."),
    "extern": ("Uit een andere bron",
               "Deze regels komen uit een bron buiten het handboek, bijvoorbeeld de wet."),
    "aanbieder": ("Van een aanbieder", "Deze regels komen uit de plugin van een aanbieder."),
}
"""Per soort of bron: the heading and the opening sentence of its section on the rules page."""


def _herkomst_van_regels(m: Methodiek, regels: Iterable[Regel]) -> str:
    """What the handbook says and what ija-core chose: one short section per soort of bron,
    each rule with its toelichting, then the reasons for an early exit."""
    regels = tuple(regels)
    delen = ["## Wat het handboek zegt en wat ija-core koos\n",
             "Niet elke regel hierboven komt uit het handboek. Per soort bron:\n"]
    for soort in BRONSOORTEN:
        van_soort = [r for r in regels if r.bron.soort == soort]
        if not van_soort:
            continue
        kop, inleiding = _SOORT_KOP[soort]
        delen.append(f"### {kop}\n\n{inleiding}\n")
        delen.append(opsomming(
            f"**{esc(r.naam or r.id)}**: {esc(r.bron.toelichting)}" for r in van_soort))
    delen.append("### Vroege uitstroom\n")
    delen.append(
        "Een traject kan vanuit elke fase sluiten om een van deze redenen:\n\n"
        + opsomming(
            f"**{esc(u.naam)}** ({esc(BRONSOORT_LABEL.get(u.bron.soort, u.bron.soort))}): "
            f"{esc(u.uitleg)} {esc(u.bron.toelichting)}"
            for u in m.vroege_uitstroom
        )
    )
    return "\n".join(delen)


def leefgebied(m: Methodiek, leefgebied_id: str) -> str:
    """The page of one leefgebied."""
    lg = m.leefgebied(leefgebied_id)
    pad = pad_leefgebied(lg.id)
    themas = [t for t in m.themas if lg.id in t.leefgebieden]
    delen = [
        f"# {esc(lg.naam)}\n",
        f"{esc(lg.beschrijving)}\n",
        "## Instrumenten voor dit leefgebied\n",
        _instrumentlijst(pad, m.instrumenten_voor(leefgebied=lg.id), leefgebieden=(lg.id,)),
        "## Thema’s die dit leefgebied raken\n",
        opsomming(link(pad, pad_thema(t.id), t.naam) for t in themas) or "*Geen.*\n",
    ]
    return "\n".join(delen)


def leefgebieden_index(m: Methodiek) -> str:
    """The overview of the leefgebieden."""
    pad = "leefgebieden/index.md"
    return (
        "# Leefgebieden\n\nSamen met de jongere brengt de coach in kaart hoe het gaat op acht "
        "leefgebieden. Daar komen de hulpvragen en doelen van het ondersteuningsplan uit "
        "voort.\n\n" + diagram.leefgebieden(m, pad) + "\n"
        + tabel(
            ("Leefgebied", "Omschrijving", "Instrumenten"),
            [
                (link(pad, pad_leefgebied(lg.id), lg.naam), esc(lg.beschrijving),
                 str(len(m.instrumenten_voor(leefgebied=lg.id))))
                for lg in m.leefgebieden
            ],
        )
    )


def thema(m: Methodiek, thema_id: str) -> str:
    """The page of one thema, with its acties and the instruments of its leefgebieden."""
    t = m.thema(thema_id)
    pad = pad_thema(t.id)
    delen = [f"# {esc(t.naam)}\n", f"{esc(t.beschrijving)}\n", "## Wat de coach doet\n"]
    delen.append(opsomming(esc(a) for a in t.acties) or "*Geen acties vastgelegd.*\n")
    delen.append("## Leefgebieden\n")
    delen.append(
        "*Het handboek koppelt de thema's meestal niet zelf aan leefgebieden: bij elke "
        "koppeling hieronder staat waar ze vandaan komt.*\n"
    )
    delen.append(
        opsomming(
            f"{link(pad, pad_leefgebied(k.leefgebied), m.leefgebied(k.leefgebied).naam)} "
            f"*({esc(BRONSOORT_LABEL.get(k.bron.soort, k.bron.soort))}: "
            f"{esc(k.bron.toelichting)})*"
            for k in t.koppelingen
        )
        or "*Geen.*\n"
    )
    if t.partners:
        delen.append("## Samenwerkingspartners\n")
        delen.append(opsomming(esc(p) for p in t.partners))
    delen.append("## Instrumenten\n")
    delen.append(
        "Instrumenten die passen bij de leefgebieden van dit thema:\n"
    )
    gezien: dict[str, Instrument] = {}
    for lg in t.leefgebieden:
        for i in m.instrumenten_voor(leefgebied=lg):
            gezien.setdefault(i.id, i)
    delen.append(_instrumentlijst(pad, gezien.values(), leefgebieden=t.leefgebieden))
    return "\n".join(delen)


def themas_index(m: Methodiek) -> str:
    """The overview of the thema's."""
    pad = "themas/index.md"
    return (
        "# Thema’s\n\nSommige problemen komen bij deze jongeren vaak terug. Per thema staat wat "
        "de coach doet en met wie hij samenwerkt.\n\n"
        + tabel(
            ("Thema", "Leefgebieden"),
            [
                (link(pad, pad_thema(t.id), t.naam),
                 ", ".join(link(pad, pad_leefgebied(lg), m.leefgebied(lg).naam)
                           for lg in t.leefgebieden))
                for t in m.themas
            ],
        )
    )


def kernwaarden(m: Methodiek) -> str:
    """The kernwaarden and the ten principles."""
    delen = [
        "# Kernwaarden en principes\n",
        "Vier kernwaarden dragen de aanpak. Elke kernwaarde rust op een aantal onderliggende "
        "waarden.\n",
    ]
    for k in m.kernwaarden:
        delen.append(f"## {esc(k.naam)}\n\n{esc(k.beschrijving)}\n")
        if k.onderliggende_waarden:
            delen.append("Onderliggende waarden: " + ", ".join(esc(w) for w in k.onderliggende_waarden) + ".\n")
    delen.append(f"## De {len(m.principes)} principes van de coach\n")
    delen.append(
        "".join(
            f"{p.nummer}. **{esc(p.naam)}** — {esc(p.uitleg)}\n"
            for p in sorted(m.principes, key=lambda p: p.nummer)
        )
    )
    return "\n".join(delen)




def _gebeurtenis_leesbaar(soort: str, velden: Iterable[tuple[str, object]] = ()) -> str:
    """An event type in words for trainers: ``contactpoging`` with gelukt=True → "contactpoging gelukt"."""
    delen = [soort.replace("-", " ")]
    for k, w in velden:
        if w is True:
            delen.append(k)
        elif w is False:
            delen.append(f"niet {k}")
        else:
            delen.append(f"{k} {w}")
    return esc(" ".join(delen))


def anker_leesbaar(norm: Norm) -> str:
    """What starts a norm's clock, in words for trainers (no event type codes)."""
    if norm.anker == "gebeurtenis":
        return f"elke {_gebeurtenis_leesbaar(norm.anker_gebeurtenis or 'gebeurtenis')}"
    return _ANKER.get(norm.anker) or esc(norm.anker)


def normen(m: Methodiek) -> str:
    """The service norms for trainers; ids and event types sit in a closed box per norm."""
    pad = "normen.md"
    delen = [
        "# Servicenormen\n",
        "Een servicenorm is een termijn waarbinnen iets moet zijn gebeurd. De software toetst "
        "elke norm op een peildatum en geeft per traject een status:\n",
        tabel(
            ("Status", "Betekenis"),
            [
                ("**gehaald**", "op tijd voldaan"),
                ("**te laat**", "voldaan, maar na de termijn"),
                ("**open**", "nog niet voldaan, meer dan 7 dagen over"),
                ("**dreigt**", "nog niet voldaan, 0 tot 7 dagen over"),
                ("**verlopen**", "nog niet voldaan en de termijn is voorbij"),
            ],
        ),
        "\nDagen tellen als kalenderdagen in Nederlandse tijd; een termijn in uren telt de "
        "werkelijk verstreken tijd, weekenden en de wisseling van zomer- en wintertijd "
        "inbegrepen.\n",
        "## Overzicht\n",
        tabel(
            ("Norm", "Bron", "Vanaf", "Termijn", "Geldt voor"),
            [
                (f"[{esc(n.naam)}](#{anker_id(n.id)})",
                 esc(BRONSOORT_LABEL.get(n.bron.soort, n.bron.soort)),
                 anker_leesbaar(n), termijn(n),
                 link(pad, pad_aanbieder(n.aanbieder), m.aanbieder(n.aanbieder).naam)
                 if n.aanbieder else "alle trajecten")
                for n in m.normen
            ],
        ),
    ]
    for n in m.normen:
        delen.append(f"## {esc(n.naam)} {{ #{anker_id(n.id)} }}\n")
        delen.append(f"{esc(n.uitleg)}\n")
        voldaan = [_gebeurtenis_leesbaar(v.soort, v.velden) for v in n.voldaan_door]
        delen.append(
            opsomming(
                [
                    f"**Telt vanaf:** {anker_leesbaar(n)}",
                    f"**Termijn:** {termijn(n)}",
                    "**Voldaan door:** " + (" of ".join(voldaan) if voldaan
                                            else "niets: deze norm kan alleen verlopen"),
                    f"**Schuift op als het traject even stilligt (opgeschort):** "
                    f"{'ja' if n.pauzeerbaar else 'nee'}",
                    f"**Bron:** {esc(BRONSOORT_LABEL.get(n.bron.soort, n.bron.soort))}: "
                    f"{esc(n.bron.toelichting)}",
                    "**Standaard getoetst:** "
                    + ("ja" if getattr(n, "standaard_aan", True)
                       else "nee, alleen als een wijkteam hem aanzet"),
                ]
                + ([f"**Een wijkteam kan aanpassen:** {_instelbaar_leesbaar(instelbaar)}"]
                   if (instelbaar := getattr(n, "instelbaar", ())) else [])
            )
        )
        delen.append(_norm_techniek(n))
    return "\n".join(delen)


_INSTELBAAR = {
    "dagen": "de termijn",
    "uren": "de termijn",
    "voldaan_door": "wat als voldaan telt",
    "pauzeerbaar": "of de norm opschuift bij opschorten",
}


def _instelbaar_leesbaar(velden: Iterable[str]) -> str:
    namen = dict.fromkeys(_INSTELBAAR.get(v, v.replace("_", " ")) for v in velden)
    return esc(", ".join(namen))


def _norm_techniek(n: Norm) -> str:
    """The developer facts of a norm, in a closed box: id, event types, settings."""
    voldaan = [
        code(v.soort)
        + (" met " + ", ".join(f"{esc(k)} = {code(w)}" for k, w in v.velden) if v.velden else "")
        for v in n.voldaan_door
    ]
    instelbaar = getattr(n, "instelbaar", ())
    return (
        '<details class="ija-techniek" markdown="1">\n'
        "<summary>Voor ontwikkelaars: id en gebeurtenissen</summary>\n\n"
        + opsomming(
            [f"**Id:** {code(n.id)}", f"**Anker:** {anker(n)}",
             "**Voldaan door gebeurtenis:** " + (" of ".join(voldaan) or "geen")]
            + ([f"**In te stellen:** {', '.join(code(i) for i in instelbaar)}"]
               if instelbaar else [])
        )
        + "\n</details>\n"
    )
