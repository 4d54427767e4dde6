"""The group part of a casus page: the whole group of a group casus (Spin in het web).

A casus is a group casus when ``examples/<naam>-groep.json`` exists: the group file, with the
members' trajecten in ``examples/<naam>*.json``. The page then shows the group as a group: who
asked, the plan and the partners, every member (one lane each in one picture, and in words),
the meldingen with the 24-hour answer per member, the meetings, the member who left the group
when the coach escalated, and the closing. Everything is replayed from the files; the norm
outcomes come from ``ija.groepstoets`` (per melding: the group replayed with that one melding),
never written in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ija_core import Normuitkomst, groepstoets
from ija_core.docs import _casus_paginas as cas
from ija_core.docs import _diagrams as diagram
from ija_core.docs._groep_pagina import PAD as GROEPSAANPAK
from ija_core.docs._markdown import esc, link, tabel
from ija_core.doelgroep import leeftijd_op
from ija_core.groep import Groep
from ija_core.methodiek import Methodiek
from ija_core.phases.rules import amsterdamse_tijd
from ija_core.serialization import from_json
from ija_core.traject import Traject

_DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_VOOR = {"ouders": "de ouders", "buurtbewoners": "de buurt", "jongeren": "de jongeren"}
"""Who a meeting was for, in words (an unknown kind by its name)."""


def lees_groep(m: Methodiek, naam: str) -> tuple[Groep, list[Traject]] | None:
    """The group of casus ``naam`` and its members' trajecten (in the group's order), or None."""
    map_ = cas.voorbeelden_map()
    bestand = map_ / f"{naam}-groep.json"
    if not bestand.is_file():
        return None
    groep: Groep = from_json(bestand.read_bytes(), Groep, methodiek=m)
    per_id: dict[str, Traject] = {}
    for pad in sorted(map_.glob(f"{naam}*.json")):
        if pad == bestand:
            continue
        t: Traject = from_json(pad.read_bytes(), Traject, methodiek=m)
        per_id[t.id] = t
    return groep, [per_id[i] for i in groep.ooit_leden if i in per_id]


def _moment(op: Any) -> str:
    lokaal = amsterdamse_tijd(op)
    return f"{_DAGEN[lokaal.weekday()]} {cas.datum(lokaal.date())} om {lokaal:%H:%M}"


def groep_inhoud(e: Any, namen: dict[str, str]) -> str:
    """One group event in words; a member is named by the pseudonym in their traject."""
    soort = getattr(e, "TYPE", type(e).__name__)
    wie = namen.get(str(getattr(e, "traject", "")), str(getattr(e, "traject", "")))
    if soort == "groep-aangemeld":
        return f"Groep aangemeld door {', '.join(e.verwijzers)}: {e.omschrijving}"
    if soort == "lid-toegevoegd":
        return f"{wie} hoort bij de groep"
    if soort == "lid-verwijderd":
        return f"{wie} verlaat de groep: {e.reden}"
    if soort == "plan-van-aanpak":
        return f"Plan van aanpak met {', '.join(e.partners)}: {e.omschrijving}"
    if soort == "omgevingsanalyse":
        return f"Omgevingsanalyse met {', '.join(e.met)}: {e.omschrijving}"
    if soort == "groepsmelding":
        return f"Melding over de groep ({e.soort}), gemeld door {e.melder}"
    if soort == "bijeenkomst":
        return f"Bijeenkomst voor {_VOOR.get(e.voor, e.voor)}: {e.omschrijving}"
    if soort == "groep-afgesloten":
        return f"Groep afgesloten: {e.reden}"
    return str(soort)


def _peildag(groep: Groep, leden: Sequence[Traject]) -> date:
    """The day of the last event of the group and its members (as ``ija groep toets`` does)."""
    return max(cas.dag(x) for x in [groep.laatste_op, *(t.laatste_op for t in leden)])


def _per_melding(
    m: Methodiek, groep: Groep, leden: Sequence[Traject], peil: date
) -> list[tuple[Any, list[Normuitkomst]]]:
    """For each melding, ``groepstoets`` on the group replayed with that melding alone."""
    uit = []
    for melding in groep.meldingen:
        events = [e for e in groep.events
                  if getattr(e, "TYPE", "") != "groepsmelding" or e is melding]
        alleen = Groep.replay(events, methodiek=m)
        uit.append((melding, groepstoets(alleen, leden, peildatum=peil, methodiek=m)))
    return uit


def groepsplaatje(m: Methodiek, groep: Groep, leden: Sequence[Traject], naam: str) -> str:
    """One picture: the group's own events on the first lane, then one lane per member."""
    namen = {t.id: t.jongere.pseudoniem for t in leden}
    peil = _peildag(groep, leden)
    start = min([cas.dag(groep.aangemeld_op), *(cas.dag(t.aangemeld_op) for t in leden)])

    def klasse(e: Any) -> str:
        soort = getattr(e, "TYPE", "")
        if soort in ("groepsmelding", "lid-verwijderd"):
            return "ija-svg__gebeurtenis ija-svg__gebeurtenis--signaal"
        if soort == "bijeenkomst":
            return "ija-svg__gebeurtenis ija-svg__gebeurtenis--bijeenkomst"
        return "ija-svg__gebeurtenis"

    groepsrij = cas.Rij("De groep", tuple(
        cas.Stip(cas.dag(e.op), klasse(e), groep_inhoud(e, namen)) for e in groep.events
        if getattr(e, "TYPE", "") != "lid-toegevoegd"
    ))
    rijen = [groepsrij, *(
        cas.Rij(t.jongere.pseudoniem, tuple(cas._stip(e, m, t) for e in t.events)) for t in leden
    )]
    meldingen = [cas.dag(x.op) for x in groep.meldingen]
    breed, bw, bh = cas.teken_tijdlijn(start, peil, peil, rijen, lijnen=meldingen)
    smal, sw, sh = cas.teken_tijdlijn(start, peil, peil, rijen, lijnen=meldingen, smal=True)
    alt = (
        f"De groep en haar {len(leden)} leden op één tijdlijn, van {cas.datum(start)} tot "
        f"{cas.datum(peil)}. Op de bovenste rij wat de groep als geheel overkwam: "
        f"{len(groep.meldingen)} meldingen, {len(groep.bijeenkomsten)} bijeenkomsten, het plan "
        "van aanpak, de omgevingsanalyse"
        + (", het vertrek van een lid" if any(lm.tot for lm in groep.lidmaatschappen) else "")
        + (" en het afsluiten" if groep.afgesloten_op else "")
        + ". Daaronder per lid een rij met alles wat in zijn traject gebeurde: "
        + ", ".join(f"{t.jongere.pseudoniem} ({len(t.events)} gebeurtenissen)" for t in leden)
        + ". Alles staat ook in woorden onder het plaatje."
    )
    return diagram.figuur(
        f"groep-{naam}", "Tijdlijn van de hele groep", alt, bw, bh, breed,
        bijschrift=esc(
            "Bovenaan de groep als geheel, daaronder elk lid op een eigen rij. Een rode stip "
            "is een melding, een opschaling of het vertrek van een lid; een oranje stip een "
            "bijeenkomst; een open rondje een poging tot contact die niet lukte. De rode "
            "stippellijnen lopen vanaf elke melding over alle rijen, zodat je ziet wie er "
            "daarna snel gesproken werd. Stippen van dezelfde dag staan onder elkaar."
        ),
        smal=diagram.Smal(sw, sh, smal),
    )


_CONTACT = frozenset({"contact", "contactpoging"})


def _lid_in_woorden(m: Methodiek, t: Traject, start: date) -> str:
    """One member: the steps of the traject in a table, the contacts counted by kind."""
    delen = [f"#### {esc(t.jongere.pseudoniem)} ({leeftijd_op(t.jongere.geboortedatum, start)} jaar)\n"]
    delen.append(tabel(["Datum", "Wat er gebeurde"], [
        [esc(f"{cas.datum(cas.dag(e.op))}, {amsterdamse_tijd(e.op):%H:%M}"),
         esc(cas.inhoud(m, t, e))] for e in t.events if getattr(e, "TYPE", "") not in _CONTACT
    ]))
    soorten: dict[str, list[date]] = {}
    for e in t.events:
        if getattr(e, "TYPE", "") in _CONTACT:
            soorten.setdefault(cas.inhoud(m, t, e), []).append(cas.dag(e.op))
    if soorten:
        delen.append(f"Contacten en pogingen daartoe: {sum(map(len, soorten.values()))}.\n")
        delen.append(tabel(["Met wie en hoe", "Aantal", "Wanneer"], [
            [esc(soort), str(len(dagen)),
             esc(cas.datum(dagen[0]) if len(dagen) == 1
                 else f"{cas.datum(dagen[0])} tot {cas.datum(dagen[-1])}")]
            for soort, dagen in soorten.items()
        ]))
    return "\n".join(delen)


def groepsdeel(m: Methodiek, naam: str, pad: str) -> str | None:
    """The group sections of the page of casus ``naam``, or None when it is no group casus."""
    gelezen = lees_groep(m, naam)
    if gelezen is None:
        return None
    groep, leden = gelezen
    namen = {t.id: t.jongere.pseudoniem for t in leden}
    peil = _peildag(groep, leden)
    start = cas.dag(groep.aangemeld_op)
    normnaam = {n.id: n.naam for n in m.normen}
    delen = ["## De groep\n"]
    delen.append(
        f"Op {esc(cas.datum(start))} vragen {esc(' en '.join(groep.verwijzers))} om de "
        f"groepsaanpak. {esc(groep.omschrijving)} De groep telt {len(leden)} jongeren. Hoe "
        f"de groepsaanpak werkt, staat op {link(pad, GROEPSAANPAK, 'De groepsaanpak')}.\n"
    )
    delen.extend(f"**Plan van aanpak** ({esc(cas.datum(cas.dag(p.op)))}), met "
                 f"{esc(', '.join(p.partners))}. {esc(p.omschrijving)}\n" for p in groep.plannen)
    delen.extend(f"**Omgevingsanalyse** ({esc(cas.datum(cas.dag(a.op)))}), met "
                 f"{esc(', '.join(a.met))}. {esc(a.omschrijving)}\n"
                 for a in groep.omgevingsanalyses)
    delen.append(groepsplaatje(m, groep, leden, naam))
    # the members
    delen.append("### Wie er in de groep zitten\n")
    rijen = []
    for t in leden:
        perioden = [lm for lm in groep.lidmaatschappen if lm.traject == t.id]
        lid = "; ".join(
            f"van {cas.datum(cas.dag(lm.van))}"
            + (f" tot {cas.datum(cas.dag(lm.tot))} ({lm.reden})" if lm.tot else "")
            for lm in perioden
        )
        betrokken = ", ".join(cas._naam(m.relatie, b.relatie).lower() for b in t.betrokkenen)
        fase = m.fase(t.fase)
        rijen.append([
            esc(t.jongere.pseudoniem),
            str(leeftijd_op(t.jongere.geboortedatum, start)),
            esc(betrokken or "niemand"),
            esc(f"{fase.nummer}, {fase.naam}"),
            esc(lid),
        ])
    delen.append(tabel(["Jongere", "Leeftijd", "Betrokken", f"Fase op {cas.datum(peil)}",
                        "In de groep"], rijen))
    # the meldingen and the 24-hour norm per member
    delen.append("### Meldingen en het antwoord binnen een etmaal\n")
    delen.append(
        "Na elke melding over de groep spreekt de coach binnen 24 uur elk lid én een ouder, "
        "ook in het weekend. ija-core meet dat per lid, in het traject van dat lid; hieronder "
        "per melding wat eruit komt.\n"
    )
    for melding, uitkomsten in _per_melding(m, groep, leden, peil):
        delen.append(f"#### Melding op {esc(_moment(melding.op))}\n")
        delen.append(f"Soort: {esc(melding.soort)}; gemeld door {esc(melding.melder)}.\n")
        if not uitkomsten:
            delen.append("Bij deze melding valt niets te meten.\n")
            continue
        for norm in dict.fromkeys(u.norm for u in uitkomsten):
            delen.append(f"*{esc(normnaam.get(norm, norm))}:*\n")
            delen.append(tabel(
                ["Jongere", "Uitkomst", "Waarom"],
                [[esc(namen.get(u.traject or "", u.traject or "")), esc(cas.status_label(u.status)),
                  esc(u.uitleg)] for u in uitkomsten if u.norm == norm],
            ))
    # the meetings
    if groep.bijeenkomsten:
        delen.append("### Bijeenkomsten\n")
        delen.append(tabel(
            ["Wanneer", "Voor wie", "Waarover"],
            [[esc(_moment(b.op)), esc(_VOOR.get(b.voor, b.voor)), esc(b.omschrijving)]
             for b in groep.bijeenkomsten],
        ))
    # who left the group, and the escalation in their own traject
    weg = [lm for lm in groep.lidmaatschappen if lm.tot is not None]
    if weg:
        delen.append("### Wie de groep verliet\n")
        per_id = {t.id: t for t in leden}
        for lm in weg:
            if lm.tot is None:
                continue
            traject = per_id.get(lm.traject)
            wie = namen.get(lm.traject, lm.traject)
            regel = (f"**{esc(wie)}** verlaat de groep op {esc(cas.datum(cas.dag(lm.tot)))}: "
                     f"{esc(lm.reden or '')}")
            if traject is not None:
                opschaling = [e for e in traject.events if getattr(e, "TYPE", "") == "opgeschaald"]
                regel += "".join(
                    f" In het eigen traject van {esc(wie)}, op {esc(cas.datum(cas.dag(e.op)))}: "
                    f"{esc(cas.inhoud(m, traject, e).rstrip('.'))}." for e in opschaling
                )
                regel += (" Dat traject loopt door, buiten de groep."
                          if traject.status != "afgesloten" else "")
            delen.append(regel + "\n")
    if groep.afgesloten_op is not None:
        delen.append(f"De groep is afgesloten op {esc(cas.datum(cas.dag(groep.afgesloten_op)))}: "
                     f"{esc(groep.afsluitreden or '')}\n")
    # every member in words
    delen.append("### Wat er met elk lid gebeurde\n")
    delen.append(
        "Per lid de stappen van zijn traject, en de contacten geteld naar met wie en hoe; het "
        "lid dat deze pagina volgt, staat verderop met al zijn gebeurtenissen, zijn eigen "
        "tijdlijn en zijn normen.\n"
    )
    pad_gevolgd = cas.voorbeelden_map() / f"{naam}.json"
    gevolgd = (from_json(pad_gevolgd.read_bytes(), Traject, methodiek=m).id
               if pad_gevolgd.is_file() else None)
    delen.extend(_lid_in_woorden(m, t, start) for t in leden if t.id != gevolgd)
    delen.append("### Wat de groep zelf vastlegde\n")
    delen.append(tabel(["Wanneer", "Wat er gebeurde"], [
        [esc(_moment(e.op)), esc(groep_inhoud(e, namen))] for e in groep.events
    ]))
    return "\n".join(delen)
