"""The lesson plan for trainers: a two-hour session and a half-day, block by block.

The handbook has no lesson plan: everything here is this project's own teaching material,
and the page says so. Each block names its minutes, its werkvorm, the handout and the casus
it uses, and the reflection questions it asks (taken from the handouts by number, so a
question shown here is always the one on the handout). The minutes of the blocks add up to
the length of the session (a test checks it).
"""

from __future__ import annotations

from attrs import frozen

from ija_core.docs import _casus_paginas as cas
from ija_core.docs import _trainers_paginas as tr
from ija_core.docs._markdown import esc, link, tabel
from ija_core.methodiek import Methodiek

PAD = "trainers/lesplan.md"

HELE_METHODIEK = "hele-methodiek"
"""A ``handout`` value that means the whole-methodiek page instead of one fase's handout."""


@frozen
class Blok:
    """One block of a session.

    Attributes:
        titel: what the block is about.
        minuten: how long it takes.
        werkvorm: how the group works (plenair, tweetallen, rollenspel, ...).
        opdracht: what the trainer and the group do, in a few sentences.
        handout: the fase id of the handout used, ``HELE_METHODIEK``, or None.
        casus: the name of the casus used (``enzo``), or None.
        vragen: the numbers of the handout's reflection questions asked in this block.
    """

    titel: str
    minuten: int
    werkvorm: str
    opdracht: str
    handout: str | None = None
    casus: str | None = None
    vragen: tuple[int, ...] = ()


@frozen
class Sessie:
    """A session: its name, its length in minutes and its blocks (in order)."""

    id: str
    naam: str
    duur: int
    voor_wie: str
    blokken: tuple[Blok, ...]


B = Blok
TWEE_UUR = Sessie(
    "twee-uur", "Een sessie van twee uur", 120,
    "Voor een team dat de aanpak in één bijeenkomst leert kennen: de route, het eerste "
    "contact, de plek van het netwerk en de overdracht.",
    (
        B("Welkom en verwachtingen", 10, "kringgesprek",
          "Iedereen noemt een jongere (zonder naam) bij wie het contact moeizaam liep. De "
          "trainer schrijft de knelpunten op een flap; aan het eind komen ze terug."),
        B("De route in vier fasen", 15, "korte uitleg met plaat",
          "De trainer loopt de fasenroute langs: wat er in elke fase gebeurt, de streefduur "
          "als richtlijn, en dat de coach zelf het belangrijkste instrument is.",
          handout=HELE_METHODIEK),
        B("Vertrouwen winnen", 25, "casus in tweetallen",
          "Lees samen het verhaal van Enzo. In tweetallen: wat deed de coach om contact te "
          "houden, en wat zou jij nog proberen? Daarna vijf minuten plenair.",
          handout="vertrouwen", casus="enzo", vragen=(1, 3)),
        B("Het plan en het netwerk", 30, "rollenspel in drietallen",
          "Eén speelt de coach, één Bob, één kijkt mee. De coach brengt met Bob in beeld wat "
          "hij wil en wie om hem heen staan. Na tien minuten wisselen; de waarnemer geeft "
          "terugkoppeling met de handout erbij.",
          handout="verdieping", casus="bob", vragen=(1, 2)),
        B("Pauze", 10, "pauze", "Even niets."),
        B("Warme overdracht", 20, "casusbespreking in groepjes",
          "Ricardo werkt en woont; de coach bouwt af. Elk groepje schrijft op wat de volgende "
          "hulpverlener moet weten en wat de coach na het afsluiten nog doet.",
          handout="afronding", casus="ricardo", vragen=(1, 4)),
        B("Afsluiting", 10, "rondje",
          "Terug naar de flap van het begin: welk knelpunt ziet iedereen nu anders? Ieder "
          "noemt één ding dat hij of zij de komende week uitprobeert."),
    ),
)

DAGDEEL = Sessie(
    "dagdeel", "Een dagdeel (drieënhalf uur)", 210,
    "Voor coaches die met de aanpak gaan werken: alle vier fasen, de kernwaarden, duwkracht "
    "organiseren en de aanpak van een groep.",
    (
        B("Welkom en verwachtingen", 15, "kringgesprek",
          "Iedereen vertelt wat hij of zij al doet met jongeren van 12 tot 27 en wat hij of zij "
          "vandaag wil leren. De trainer noteert de vragen."),
        B("Kernwaarden en principes", 20, "stellingen (lopen naar eens of oneens)",
          "De trainer leest stellingen voor, zoals ‘een coach die drie keer voor een dichte "
          "deur staat, mag stoppen’. De groep kiest een kant en praat erover aan de hand van "
          "de kernwaarden en de principes van de coach.",
          handout=HELE_METHODIEK),
        B("Fase 1: vertrouwen winnen", 25, "casus in tweetallen",
          "Enzo: wat deed de coach om het contact niet te verliezen, en wat vind jij van de "
          "overschreden termijn voor intake en plan?",
          handout="vertrouwen", casus="enzo", vragen=(1, 2, 5)),
        B("Fase 2: de vraag achter de vraag", 25, "rollenspel in drietallen",
          "Het eerste gesprek met Bob over wat hij wil en waar hij goed in is. De waarnemer "
          "let op wie de regie heeft.",
          handout="verdieping", casus="bob", vragen=(1, 2, 3)),
        B("Pauze", 15, "pauze", "Koffie."),
        B("Fase 3: oefenen en duwkracht", 35, "vissenkom",
          "Vier deelnemers bespreken in het midden wat de coach voor Tamir regelt en wat "
          "ze doen als een instantie nee zegt; de rest kijkt toe en mag na tien minuten "
          "inwisselen.",
          handout="uitvoering", casus="tamir", vragen=(1, 2, 4)),
        B("Een groep in de wijk", 35, "casusbespreking in groepjes",
          "Spin in het web: elk groepje neemt een ander lid van de groep en zoekt uit wie "
          "er na een melding contact opneemt en binnen welke tijd. Daarna plenair: wat doet "
          "de coach als regisseur van de hele groep?",
          casus="spin-in-het-web"),
        B("Fase 4: warme overdracht", 25, "casusbespreking in groepjes",
          "Ricardo: wat moet de volgende hulpverlener weten, en wanneer laat de coach los?",
          handout="afronding", casus="ricardo", vragen=(1, 2, 4)),
        B("Afsluiting", 15, "rondje",
          "De vragen van het begin komen terug. Ieder noemt één ding dat hij of zij morgen "
          "anders doet."),
    ),
)

SESSIES: tuple[Sessie, ...] = (TWEE_UUR, DAGDEEL)

EIGEN_MATERIAAL = (
    "Dit lesplan is eigen lesmateriaal van ija-core. Het handboek heeft geen lesplan: de "
    "indeling, de tijden, de werkvormen en de vragen zijn voorstellen, geen voorschrift. "
    "Pas ze aan aan je groep."
)


def _materiaal(m: Methodiek, b: Blok) -> str:
    delen = []
    if b.handout == HELE_METHODIEK:
        delen.append(link(PAD, tr.HELE_METHODIEK, "De hele methodiek"))
    elif b.handout is not None:
        f = m.fase(b.handout)
        delen.append(link(PAD, tr.pad_handout(f.id), f"handout fase {f.nummer}"))
    if b.casus is not None:
        c = next(c for c in cas.CASUSSEN if c.naam == b.casus)
        delen.append(link(PAD, cas.pad_casus(c.naam), f"casus {c.titel.split(':')[0]}"))
    return ", ".join(delen) or "–"


def _vragen(m: Methodiek, b: Blok) -> list[str]:
    if b.handout is None or b.handout == HELE_METHODIEK or not b.vragen:
        return []
    lijst = tr.reflectievragen(m, b.handout)
    return [f"- **Vraag {n}:** {esc(lijst[n - 1].vraag)}" for n in b.vragen
            if 0 < n <= len(lijst)]


def _sessie(m: Methodiek, s: Sessie) -> str:
    delen = [
        f"## {esc(s.naam)} {{ #{s.id} }}\n",
        f"{esc(s.voor_wie)} Samen {s.duur} minuten.\n",
    ]
    begin = 0
    rijen = []
    for b in s.blokken:
        rijen.append((f"{begin}–{begin + b.minuten}<br>({b.minuten} min)",
                      f"**{esc(b.titel)}**<br>{esc(b.werkvorm)}", _materiaal(m, b)))
        begin += b.minuten
    delen.append(tabel(("Minuut", "Blok en werkvorm", "Handout en casus"), rijen))
    inhoud = [b for b in s.blokken if b.werkvorm != "pauze"]
    for n, b in enumerate(inhoud, 1):
        delen.append(f"### {n}. {esc(b.titel)} ({b.minuten} minuten)\n")
        delen.append(f"*Werkvorm: {esc(b.werkvorm)}.* {esc(b.opdracht)}\n")
        if b.handout is not None or b.casus is not None:
            delen.append(f"Materiaal: {_materiaal(m, b)}.\n")
        vragen = _vragen(m, b)
        if vragen:
            delen.append("Reflectievragen van de handout:\n\n" + "\n".join(vragen) + "\n")
        elif b.casus is not None:
            delen.append("Vragen: de gespreksvragen op de casuspagina.\n")
    return "\n".join(delen)


def lesplan(m: Methodiek) -> str:
    """The lesson plan page: both sessions, with their blocks, material and questions."""
    delen = [
        "# Lesplan\n",
        f"!!! note \"Eigen materiaal van ija-core\"\n    {EIGEN_MATERIAAL}\n",
        "Twee draaiboeken: " + ", ".join(
            f"[{esc(s.naam.lower())}](#{s.id}) ({s.duur} minuten)" for s in SESSIES
        ) + ". Per blok staan de minuten, de werkvorm, de handout en de casus, en welke "
        "reflectievragen je stelt. Druk de handouts vooraf af: één A4 per deelnemer per fase.\n",
    ]
    delen.extend(_sessie(m, s) for s in SESSIES)
    return "\n".join(delen)
