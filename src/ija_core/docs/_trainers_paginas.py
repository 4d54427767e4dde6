"""Pages for trainers: one printable A4 handout per fase, and the whole methodiek on one page.

The handouts take doel, stappen, kernbegrippen and rolverwachtingen from the data. The
reflection questions are this project's own teaching material (not the handbook's); each one
names the principles and kernwaarden it practises, and the page says once where they come
from. A question that names a principle or kernwaarde the Methodiek does not have is left
out, so the handout never points at something that is not on the site.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

from attrs import frozen

from ija_core.bron import BRONSOORTEN
from ija_core.docs import _diagrams as diagram
from ija_core.docs._markdown import (
    esc,
    link,
    opsomming,
    pad_fase,
    pad_instrument,
    pad_leefgebied,
    pad_thema,
    tabel,
    weken,
)
from ija_core.docs._regels import BRONSOORT_LABEL, PLAATSING_LABEL
from ija_core.errors import IjaError
from ija_core.methodiek import Methodiek

TRAINERS = "trainers/index.md"
HELE_METHODIEK = "trainers/hele-methodiek.md"


def pad_handout(fase_id: str) -> str:
    """Site path of the handout of one fase."""
    return f"trainers/handout-{fase_id}.md"


_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december")


@frozen
class Bouwstempel:
    """What every handout says about the copy a trainer holds: which ija-core, made when.

    Attributes:
        versie: the version of ija-core that built the site.
        datum: the build date: from ``SOURCE_DATE_EPOCH`` when set (so a second build of the
            same sources gives the same site), else today.
    """

    versie: str
    datum: date

    @property
    def datum_voluit(self) -> str:
        """The date written out in Dutch: ``6 december 2026``."""
        return f"{self.datum.day} {_MAANDEN[self.datum.month - 1]} {self.datum.year}"


def bouwstempel() -> Bouwstempel:
    """The stamp of this build: the installed ija-core version and the build date.

    Raises:
        IjaError: ``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds.
    """
    from importlib import metadata

    try:
        versie = metadata.version("ija-core")
    except metadata.PackageNotFoundError:
        versie = "onbekende versie"
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return Bouwstempel(versie, date.today())
    try:
        datum = datetime.fromtimestamp(int(epoch), tz=UTC).date()
    except (ValueError, OverflowError, OSError):
        raise IjaError(
            f"SOURCE_DATE_EPOCH moet een geheel aantal seconden sinds 1970 zijn (kreeg {epoch!r})"
        ) from None
    return Bouwstempel(versie, datum)


HANDBOEK_FASE = "handboek, De methodiek: de tabel van fase {nummer}, {naam}"
"""Where in the handbook a fase handout comes from (the handbook has no page numbers in the text
this project was given, so the section is named)."""


@frozen
class Reflectievraag:
    """A question for a training group, tied to the principles and kernwaarden it practises.

    Attributes:
        vraag: the question (Dutch, this project's own words).
        principes: the numbers of the principles of the coach it practises.
        kernwaarden: the ids of the kernwaarden it practises.
    """

    vraag: str
    principes: tuple[int, ...]
    kernwaarden: tuple[str, ...]


R = Reflectievraag
REFLECTIEVRAGEN: dict[str, tuple[Reflectievraag, ...]] = {
    "vertrouwen": (
        R("De jongere komt voor de derde keer niet op de afspraak. Welke andere wegen probeer "
          "je nog, en wat zou voor jou een reden zijn om te stoppen?", (1,), ("kracht",)),
        R("Wat kun je al bij de eerste ontmoeting praktisch regelen, zodat de jongere merkt dat "
          "je iets voor hem of haar betekent?", (4,), ("bekwaamheid",)),
        R("Je zoekt de jongere op in diens eigen wereld, ook online. Hoe spreek je zijn of haar "
          "taal zonder je professionele rol los te laten?", (2,), ("bekwaamheid",)),
        R("Welke verwachtingen spreek je uit over wat jij wel en niet doet? Hoe zorg je dat je "
          "die afspraken ook nakomt?", (), ("bekwaamheid", "veiligheid")),
        R("Wanneer haal je ouders of het eigen netwerk er al bij, en wanneer wacht je daar "
          "bewust nog mee?", (8,), ("samen",)),
    ),
    "verdieping": (
        R("Jij ziet al wat er moet gebeuren. Hoe houd je toch de regie bij de jongere?",
          (7,), ("kracht",)),
        R("Het gesprek gaat vooral over wat er misgaat. Met welke vragen breng je talenten en "
          "ambities in beeld?", (9,), ("bekwaamheid",)),
        R("Wanneer spiegel of confronteer je, en hoe doe je dat zonder de vertrouwensband te "
          "beschadigen?", (6,), ("veiligheid",)),
        R("Welke kleine stap, snel te halen, zet je als eerste in het ondersteuningsplan, en "
          "waarom juist die?", (7,), ("kracht",)),
        R("Een specialist erbij halen kan de jonge vertrouwensband onder druk zetten. Hoe weeg "
          "je dat af, en met wie overleg je?", (3,), ("samen", "veiligheid")),
    ),
    "uitvoering": (
        R("De jongere valt terug in oud gedrag. Wat zeg je, en hoe houd je een grens zonder de "
          "jongere af te wijzen?", (5,), ("veiligheid",)),
        R("Een instantie neemt een besluit dat het doel van de jongere blokkeert. Hoe "
          "organiseer je duwkracht, en bij wie?", (6, 3), ("kracht",)),
        R("Wie in het netwerk heeft een blijvend goede invloed op de jongere, en hoe versterk "
          "je die rol?", (8,), ("samen",)),
        R("Hoe neem je stap voor stap afstand, zodat de jongere steeds meer zelf doet?",
          (7,), ("kracht",)),
        R("Hoe laat je merken dat je in de jongere blijft geloven als het tegenzit?",
          (10,), ("bekwaamheid",)),
    ),
    "afronding": (
        R("Wat maakt een overdracht warm? Wat moet de nieuwe hulpverlener weten voordat jij "
          "loslaat?", (8,), ("samen",)),
        R("Waaraan merk je dat de jongere zacht is geland, en wanneer is monitoren genoeg?",
          (10,), ("veiligheid",)),
        R("Hoe sta je met de jongere stil bij wat hij of zij heeft bereikt, zodat de eigen "
          "talenten zichtbaar blijven?", (9,), ("kracht",)),
        R("Wat spreek je af over je bereikbaarheid na het afsluiten, en hoe blijf je daarin "
          "betrouwbaar?", (), ("bekwaamheid",)),
        R("Het traject stopt eerder dan gepland. Wat heb je geprobeerd, wat had je anders "
          "kunnen doen, en wat neem je mee naar een volgende jongere?", (1,), ("bekwaamheid",)),
    ),
}
"""The reflection questions per fase id: this project's own material, not the handbook's."""

EIGEN_MATERIAAL = (
    "De reflectievragen zijn eigen lesmateriaal van ija-core, geen tekst uit het handboek. "
    "Bij elke vraag staat welk principe van de coach en welke kernwaarde ermee geoefend worden."
)


def reflectievragen(m: Methodiek, fase_id: str) -> list[Reflectievraag]:
    """The questions for ``fase_id`` whose principles and kernwaarden all exist in ``m``."""
    principes = {p.nummer for p in m.principes}
    kernwaarden = {k.id for k in m.kernwaarden}
    return [
        v for v in REFLECTIEVRAGEN.get(fase_id, ())
        if set(v.principes) <= principes and set(v.kernwaarden) <= kernwaarden
    ]


def _verwijzing(m: Methodiek, pad: str, v: Reflectievraag) -> str:
    namen = {p.nummer: p.naam for p in m.principes}
    kw = {k.id: k.naam for k in m.kernwaarden}
    delen = [f'principe {n}<span class="ija-alleen-scherm"> ({esc(namen[n].rstrip("."))})'
             "</span>" for n in v.principes]
    delen += [
        link(pad, f"kernwaarden.md#{k}", f"kernwaarde {kw[k]}") for k in v.kernwaarden
    ]
    return "; ".join(delen)


def _rolnaam(m: Methodiek, rol: str) -> str:
    try:
        return m.rol(rol).naam
    except Exception:  # noqa: BLE001  # a rol unknown to the Methodiek is shown by its id
        return rol


def _rollen(m: Methodiek, fase_id: str) -> str:
    f = m.fase(fase_id)
    rijen = [
        (esc(_rolnaam(m, rv.rol)), "<br>".join(f"• {esc(v)}" for v in rv.verwachtingen))
        for rv in f.rolverwachtingen
    ]
    return tabel(("Wie", "Wat er wordt verwacht"), rijen) if rijen else ""


def _rollen_kort(m: Methodiek, fase_id: str) -> str:
    """The rolverwachtingen as a short list (a table is too wide for half a sheet)."""
    f = m.fase(fase_id)
    return opsomming(
        f"**{esc(_rolnaam(m, rv.rol))}:** " + " ".join(esc(v) for v in rv.verwachtingen)
        for rv in f.rolverwachtingen
    )


def stempel_regel(stempel: Bouwstempel, herkomst: str, *, handout: bool = False) -> str:
    """The line on a printed sheet that says which ija-core made it, when, and from where."""
    klasse = "ija-stempel" + (" ija-stempel--handout" if handout else "")
    return (
        f'<p class="{klasse}">ija-core {esc(stempel.versie)} · gemaakt op '
        f"{stempel.datum_voluit} · vertelt na: {esc(herkomst)}.</p>\n"
    )


def handout(m: Methodiek, fase_id: str, stempel: Bouwstempel | None = None) -> str:
    """The handout of one fase, one A4 sheet: doel, stappen, rollen, kernbegrippen, vragen."""
    f = m.fase(fase_id)
    pad = pad_handout(f.id)
    stempel = stempel or bouwstempel()
    delen = [
        f"# Fase {f.nummer}: {esc(f.volledige_naam)}\n",
        "Deze handout past op één A4: druk hem af met Ctrl+P (of Cmd+P). Navigatie, zoeken en "
        "knoppen vallen dan weg. Alles over deze fase staat op de pagina "
        f"{link(pad, pad_fase(f.id), f.volledige_naam)}.\n{{: .ija-alleen-scherm }}\n",
        stempel_regel(stempel, HANDBOEK_FASE.format(nummer=f.nummer, naam=f.volledige_naam)
                      + " (reflectievragen: eigen materiaal)", handout=True),
        f"**Streefduur:** {weken(f.streefduur)}, een richtlijn, geen harde grens. In de route "
        "hieronder is deze fase gemarkeerd.\n",
        diagram.faseroute(m, pad, actief=f.id),
        *([diagram.overdracht_kort(m)] if f.id == diagram.AFRONDING else []),
        '<div class="ija-handout" markdown="1">\n',
        f"## Doel\n\n{esc(f.doel)}\n",
        "## Stappen\n",
        "".join(f"{n}. **{esc(s.naam)}** — {esc(s.beschrijving)}\n"
                for n, s in enumerate(f.stappen, 1)),
    ]
    if f.kernbegrippen:
        delen.append("## Kernbegrippen\n\n" + ", ".join(esc(k) for k in f.kernbegrippen) + ".\n")
    if f.rolverwachtingen:
        delen.append("## Wat van wie wordt verwacht\n")
        delen.append(_rollen_kort(m, f.id))
    vragen = reflectievragen(m, f.id)
    if vragen:
        delen.append("## Reflectievragen\n")
        delen.append(f"*{EIGEN_MATERIAAL}*\n{{: .ija-alleen-scherm }}\n")
        delen.append("".join(
            f"{n}. {esc(v.vraag)} "
            f'<span class="ija-oefent">Oefent: {_verwijzing(m, pad, v)}</span>\n'
            for n, v in enumerate(vragen, 1)
        ))
    delen.append("\n</div>\n")
    return "\n".join(delen)


def trainers_index(m: Methodiek) -> str:
    """The start of the trainers' section: the handouts and the print page."""
    pad = TRAINERS
    return "\n".join([
        "# Voor trainers\n",
        "Materiaal om mee les te geven over de Intensieve Jongerenaanpak. Elke pagina hier "
        "drukt af zonder navigatie, zoekveld of knoppen; een handout past op één A4, met "
        "de versie, de datum en het deel van het handboek erop.\n",
        "## Lesplan\n",
        f"{link(pad, 'trainers/lesplan.md', 'Lesplan')}: een sessie van twee uur en een dagdeel, "
        "blok voor blok met de minuten, de werkvorm, de handout en de casus, en de vragen die "
        "je stelt. Eigen materiaal van ija-core: het handboek heeft geen lesplan.\n",
        "## Over de aanpak\n",
        f"{link(pad, 'trainers/over-de-aanpak.md', 'Over de aanpak')}: de missie en waar een traject "
        "naartoe werkt, Rotterdam in cijfers, de route met de coach, wie de coach is en hoe "
        "coach en jongere bij elkaar komen, met bij elk deel de vindplaats in het handboek.\n",
        "## Een handout per fase\n",
        "Per fase één blad: het doel, de stappen, wat van de jongere, het netwerk, de wijk, de "
        "zorgpartijen en de coach wordt verwacht, de kernbegrippen en vragen om samen over na "
        "te denken.\n",
        opsomming(link(pad, pad_handout(f.id), f"Fase {f.nummer}: {f.volledige_naam}")
                  for f in m.fasen),
        "## Het netwerk van de jongere en toestemming\n",
        f"{link(pad, 'trainers/netwerk.md', 'Het netwerk en toestemming')}: wie er om de jongere heen "
        "staan, wanneer de jongere toestemming geeft om iemand te betrekken, JIM, regie, en "
        "opschalen naar partners in drang en dwang.\n",
        "## Casussen\n",
        f"{link(pad, 'casussen/index.md', 'Vijf casussen uit het handboek')}, elk als "
        "voorbeeldtraject: het verhaal, een tijdlijn met de fasen en de servicenormen, en "
        "gespreksvragen.\n",
        "## De hele methodiek op één pagina\n",
        f"{link(pad, HELE_METHODIEK, 'De hele methodiek')}: kernwaarden, principes, fasen, "
        "servicenormen, leefgebieden, thema’s en de instrumenten achter elkaar, om in één keer "
        "af te drukken of als PDF te bewaren.\n",
        "## Begrippen\n",
        f"De afkortingen en kernbegrippen staan in de {link(pad, 'begrippen.md', 'begrippenlijst')}; "
        "op elke pagina verschijnt de uitleg van een afkorting als je er met de muis op wijst.\n",
    ])


def _nieuwe_pagina(kop: str) -> str:
    """A level-2 heading that starts a new sheet in print."""
    return f"## {kop} {{ .ija-nieuw-blad }}\n"


def hele_methodiek(m: Methodiek, stempel: Bouwstempel | None = None) -> str:
    """Everything a trainer teaches, on one long page that prints section by section."""
    pad = HELE_METHODIEK
    stempel = stempel or bouwstempel()
    totaal = sum((f.streefduur for f in m.fasen), timedelta(0))
    dg = m.doelgroep
    delen = [
        "# De hele methodiek\n",
        "Deze pagina zet de hele methodiek achter elkaar, om af te drukken (Ctrl+P) of als PDF "
        "te bewaren. Elk onderdeel begint op een nieuw blad. Details staan op de losse "
        "pagina's van de site.\n{: .ija-alleen-scherm }\n",
        stempel_regel(stempel, "het handboek, deel De methodiek (kernwaarden, principes van de "
                      "coach, de vier fasen), de servicenorm van het wijkteam, de leefgebieden, "
                      "de thema’s en het overzicht van tools en interventies"),
        f"**Voor wie:** {esc(dg.beschrijving)}\n",
        f"Een traject doorloopt {len(m.fasen)} fasen, samen zo'n {weken(totaal)} als alles "
        "volgens de streefduur gaat.\n",
        diagram.faseroute(m, pad),
        "## Kernwaarden\n",  # on the first sheet, below the route: no half-empty first page
    ]
    delen.extend(
        f"**{esc(k.naam)}.** {esc(k.beschrijving)}"
        + (" *Onderliggende waarden:* " + ", ".join(esc(w) for w in k.onderliggende_waarden) + "."
           if k.onderliggende_waarden else "")
        + "\n"
        for k in m.kernwaarden
    )
    delen.append(f"## De {len(m.principes)} principes van de coach\n")
    delen.append("".join(
        f"{p.nummer}. **{esc(p.naam)}** {esc(p.uitleg)}\n"
        for p in sorted(m.principes, key=lambda p: p.nummer)
    ))
    for f in m.fasen:
        delen.append(_nieuwe_pagina(f"Fase {f.nummer}: {esc(f.volledige_naam)}"))
        delen.append(f"**Streefduur:** {weken(f.streefduur)}. **Doel:** {esc(f.doel)}\n")
        delen.append("### Stappen\n")
        delen.append("".join(f"{n}. **{esc(s.naam)}** — {esc(s.beschrijving)}\n"
                             for n, s in enumerate(f.stappen, 1)))
        if f.kernbegrippen:
            delen.append("**Kernbegrippen:** " + ", ".join(esc(k) for k in f.kernbegrippen) + ".\n")
        rollen = _rollen(m, f.id)
        if rollen:
            delen.append("### Wat van wie wordt verwacht\n")
            delen.append(rollen)
    delen.append(_nieuwe_pagina("Servicenormen"))
    delen.append(
        "Een servicenorm is een termijn waarbinnen iets moet zijn gebeurd. De details staan bij "
        f"de {link(pad, 'normen.md', 'servicenormen')}.\n"
    )
    delen.append(opsomming(
        f"**{esc(n.naam)}** *({esc(BRONSOORT_LABEL.get(n.bron.soort, n.bron.soort))})* — "
        f"{esc(n.uitleg)}"
        for n in m.normen if n.aanbieder is None
    ))
    delen.append(_nieuwe_pagina("Leefgebieden"))
    delen.append(opsomming(
        f"**{link(pad, pad_leefgebied(lg.id), lg.naam)}** — {esc(lg.beschrijving)}"
        for lg in m.leefgebieden
    ))
    delen.append(_nieuwe_pagina("Thema’s"))
    for t in m.themas:
        delen.append(f"### {link(pad, pad_thema(t.id), t.naam)}\n\n{esc(t.beschrijving)}\n")
        if t.acties:
            delen.append("Wat de coach doet:\n\n" + opsomming(esc(a) for a in t.acties))
        if t.partners:
            delen.append("Samen met: " + ", ".join(esc(p) for p in t.partners) + ".\n")
    delen.append(_nieuwe_pagina("Instrumenten"))
    soorten = [s for s in BRONSOORTEN
               if any(p.bron.soort == s for i in m.instrumenten for p in i.plaatsingen
                      if p.soort == "fase")]
    delen.append(
        "Per instrument de fasen waarin het past, en bij elke fase tussen haakjes waar die "
        "plaatsing vandaan komt: "
        + "; ".join(f"*{s}*: {esc(PLAATSING_LABEL[s])}" for s in soorten)
        + ".\n"
    )
    delen.append(tabel(
        ("Instrument", "Fasen", "Samenvatting"),
        [
            (link(pad, pad_instrument(i.id), i.naam),
             ", ".join(
                 f"{esc(m.fase(p.id).naam)} *({esc(p.bron.soort)})*"
                 for p in i.plaatsingen if p.soort == "fase"
             ) or "–",
             esc(i.samenvatting))
            for i in m.instrumenten
        ],
    ))
    return "\n".join(delen)
