"""Generated pages for developers: rule and norm ids, the hook reference and the API reference."""

from __future__ import annotations

import importlib
import inspect
import re
from typing import Any

import ija_core
from ija_core import hookspecs
from ija_core.docs._catalogus_paginas import veldtabel
from ija_core.docs._markdown import code, esc, tabel
from ija_core.docs._methodiek_paginas import anker, termijn
from ija_core.docs._regels import (
    BRONSOORT_LABEL,
    bronsoort,
    kernregels,
    plugin_van,
    pluginregels,
)
from ija_core.methodiek import Methodiek


def regels_en_normen(m: Methodiek) -> str:
    """Every rule id and norm id, with the code's own explanation."""
    delen = [
        "# Regel- en norm-ids\n",
        "Een `RegelOvertreding` noemt in `.regel` een van de regel-ids hieronder; een "
        "`Normuitkomst` noemt in `.norm` een norm-id. De ids zijn stabiel: een app mag erop "
        "vertrouwen. De uitleg is dezelfde tekst die de software toont.\n",
        "## Regels van ija-core\n",
        "In de volgorde waarin `registreer` ze controleert (de eerste die faalt, wordt "
        "gemeld; `kan_naar` noemt ze allemaal). Ze staan in `Methodiek.regels`, met daarachter "
        "de regels uit plugins; de kolom *Bron* is `regel.bron.soort`.\n",
    ]
    hb = kernregels(m)
    delen.append(
        tabel(("Id", "Naam", "Bron", "Uitleg"),
              [(code(r.id), esc(r.naam or "–"), esc(bronsoort(r)), esc(r.uitleg)) for r in hb])
        if hb
        else "*De traject-engine is in deze versie nog niet beschikbaar.*\n"
    )
    delen.append("## Regels uit plugins\n")
    pr = pluginregels(m)
    delen.append(
        tabel(
            ("Id", "Plugin", "Naar fase", "Uitleg"),
            [(code(r.id), esc(plugin_van(m, r) or "–"), esc(", ".join(r.naar) or "elke"),
              esc(r.uitleg))
             for r in pr],
        )
        if pr
        else "*De geïnstalleerde plugins voegen geen regels toe.*\n"
    )
    delen.append("## Servicenormen\n")
    delen.append("De kolom *Bron* is `norm.bron.soort`; `norm.bron.toelichting` zegt waar de "
                 "norm vandaan komt (zie de pagina Servicenormen).\n")
    delen.append(
        tabel(
            ("Id", "Vanaf", "Termijn", "Aanbieder", "Bron", "Uitleg"),
            [(code(n.id), anker(n), termijn(n), code(n.aanbieder) if n.aanbieder else "alle",
              esc(BRONSOORT_LABEL.get(n.bron.soort, n.bron.soort)),
              esc(n.uitleg)) for n in m.normen],
        )
    )
    return "\n".join(delen)


_VERSIE = re.compile(r"^\s*\.\. versionadded::\s*(\S+)\s*$", re.MULTILINE)


def hooks() -> str:
    """The hook reference, from the docstrings of ``ija_core.hookspecs``."""
    delen = [
        "# Hook-referentie\n",
        f"De hook-API heeft versie **{hookspecs.HOOK_API_VERSIE}**. Een plugin is een module "
        "(of object) met functies die gemarkeerd zijn met `@ija_core.hookimpl` en heten zoals "
        "de hooks hieronder. Plugins worden gevonden via de entry-point-groep "
        f"`{hookspecs.PROJECT}`. Elke hook wordt één keer per plugin aangeroepen, bij het "
        "samenstellen van de methodiek, en krijgt geen argumenten.\n",
        "De beschrijvingen hieronder komen rechtstreeks uit de broncode (Engels, zoals alle "
        "docstrings van de Python-API).\n",
        "```python\nfrom ija_core import hookimpl\n\n\n@hookimpl\ndef ija_instrumenten():\n"
        "    return [...]\n```\n",
    ]
    for naam in hookspecs.HOOKS:
        functie = getattr(hookspecs, naam)
        terug = functie.__annotations__.get("return", "None")
        doc = inspect.getdoc(functie) or ""
        versie = _VERSIE.search(doc)
        doc = _VERSIE.sub("", doc).strip()
        delen.append(f"## `{naam}`\n\n```python\ndef {naam}() -> {terug}\n```\n")
        delen.append(doc + "\n")
        if versie:
            delen.append(f"*Sinds hook-API {versie.group(1)}.*\n")
    return "\n".join(delen)


def api() -> str:
    """The API reference page (rendered by mkdocstrings from the package's docstrings)."""
    return (
        "# API-referentie\n\n"
        "Alles wat `ija_core` exporteert (`ija_core.__all__`). Andere modules zijn intern. "
        "De beschrijvingen komen uit de docstrings van de code en zijn Engels.\n\n"
        "::: ija_core\n"
        "    options:\n"
        "      members:\n"
        + "".join(f"        - {naam}\n" for naam in sorted(ija_core.__all__))
        + "\n## De opslag (`ija_core.opslag`)\n\n"
        "De opslag is een adapter naast de kern: `from ija_core import opslag`. Zie ook de "
        "pagina Opslag. Zijn fouten (`OpslagFout`, `VersieConflict`, `OnbekendeStroom`, "
        "`BestaatAl`) staan hierboven.\n\n"
        "::: ija_core.opslag\n"
        "    options:\n"
        "      members:\n"
        + "".join(f"        - {naam}\n" for naam in sorted(_opslag_namen()))
    )


def _opslag_namen() -> list[str]:
    """The names of ``ija_core.opslag`` (imported here only: the core never imports it)."""
    from ija_core import opslag

    return [naam for naam in opslag.__all__ if naam not in ija_core.__all__]


_GEBEURTENIS = {
    "aangemeld": "De jongere is aangemeld. Altijd de eerste gebeurtenis, en maar één keer.",
    "contactpoging": "De coach probeert de jongere te bereiken, gelukt of niet.",
    "kennismaking": "De eerste echte ontmoeting van coach en jongere.",
    "verwachtingen-uitgesproken": "Coach en jongere hebben hun verwachtingen uitgesproken.",
    "intake": "De intake van het wijkteam heeft plaatsgevonden.",
    "fase-gewijzigd": "Naar een andere fase: één stap vooruit, of terug met een reden.",
    "hulpvraag-geopend": "Een hulpvraag op een leefgebied is vastgelegd.",
    "hulpvraag-gesloten": "Een open hulpvraag is afgerond.",
    "zorg-gemeld": "Er is een zorg over de jongere.",
    "zorg-opgeheven": "Een gemelde zorg is weggenomen.",
    "doel-gesteld": "Een doel voor het ondersteuningsplan, kort of lang.",
    "doel-bijgewerkt": "De stand van een doel is bijgewerkt.",
    "plan-ondertekend": "Het ondersteuningsplan is ondertekend door de genoemde rollen.",
    "instrument-ingezet": (
        "Een instrument is gebruikt. Het `resultaat` heeft de vorm die op de pagina van het "
        "instrument staat, of is `null` voor een instrument zonder getypeerd resultaat."
    ),
    "evaluatie": "Het traject of plan is geëvalueerd.",
    "melding": "Een melding van buiten, zoals overlast of schoolverzuim.",
    "contact": (
        "Contact met iemand rond de jongere; `betrokkene` (optioneel) zegt met wie precies, "
        "en diens rol moet gelijk zijn aan `met`."
    ),
    "doorverwezen": (
        "De jongere is doorverwezen, warm of niet; `betrokkene` (optioneel) noemt naar wie, "
        "en vraagt diens toestemming `gegevens-delen`."
    ),
    "afgesloten": "Het traject is afgesloten, met een reden.",
    "heropend": "Een afgesloten traject gaat weer open.",
    "opgeschort": "Het traject staat tijdelijk stil.",
    "hervat": "Een opgeschort traject loopt weer.",
    "betrokkene-toegevoegd": (
        "Iemand rond de jongere komt in het traject, met een eigen id (een schuilnaam, nooit "
        "een naam) en een relatie-id. `omschrijving` is vrije tekst en mag geen "
        "persoonsgegevens bevatten. Een id is geen rol-id en wordt nooit opnieuw gebruikt."
    ),
    "betrokkene-verwijderd": (
        "Een betrokkene hoort niet meer bij het traject; was die JIM of regiehouder, dan "
        "vervalt dat (de regie gaat terug naar de coach)."
    ),
    "toestemming-gegeven": (
        "De jongere geeft vanaf dit moment toestemming om een betrokkene te betrekken of er "
        "gegevens mee te delen."
    ),
    "toestemming-ingetrokken": (
        "De jongere trekt een lopende toestemming in, vanaf dit moment. Een toestemming "
        "intrekken die niet loopt is ongeldige invoer."
    ),
    "jim-gekozen": (
        "De jongere kiest een betrokkene uit het eigen netwerk als JIM; dat telt als "
        "toestemming `betrekken`."
    ),
    "regie-belegd": "De regie ligt vanaf nu bij `coach` of bij een betrokkene.",
    "opgeschaald": (
        "Het traject is opgeschaald naar een andere vorm van begeleiding of een partner in "
        "drang en dwang (een opschaling-id, geen overleg); het traject loopt door. Eén "
        "opschaling tegelijk."
    ),
    "afgeschaald": "De lopende opschaling is afgesloten.",
    "coach-gewisseld": "Een andere coach neemt het traject over.",
}

_GROEPSGEBEURTENIS: dict[str, str] = {
    "groep-aangemeld": (
        "De groep wordt aangemeld: altijd de eerste gebeurtenis van een groep, één keer, met "
        "het groep-id, wie de aanpak vroegen en wat de groep is."
    ),
    "lid-toegevoegd": (
        "Een jongere wordt lid, met het id van zijn eigen traject. Een lid dat al lid is "
        "nogmaals toevoegen is ongeldige invoer."
    ),
    "lid-verwijderd": (
        "Een lid verlaat de groep, met een reden; zijn eigen traject loopt gewoon door. Alleen "
        "een lid kan verwijderd worden."
    ),
    "plan-van-aanpak": "Het plan van aanpak voor de groep, met de partners die meedoen.",
    "omgevingsanalyse": "De sociale omgevingsanalyse: met wie, en wat eruit kwam.",
    "groepsmelding": (
        "Een melding over de groep (bv. overlast), met wie meldde (`melder`). Start voor elk "
        "lid op dat moment de norm `groep-contact-na-melding-24-uur`."
    ),
    "bijeenkomst": "Een bijeenkomst voor `ouders`, `buurtbewoners` of `jongeren`.",
    "groep-afgesloten": (
        "De groepsaanpak stopt, met een reden; daarna neemt de groep niets meer aan (regel "
        "`groep-afgesloten`)."
    ),
}


def _gebeurtenistypen() -> dict[str, Any]:
    try:
        module = importlib.import_module("ija_core.traject.events")
    except ImportError:
        return {}
    typen = getattr(module, "EVENT_TYPEN", {})
    return dict(typen) if isinstance(typen, dict) else {}


def _groepstypen() -> dict[str, Any]:
    try:
        module = importlib.import_module("ija_core.groep.events")
    except ImportError:
        return {}
    typen = getattr(module, "GROEP_EVENT_TYPEN", {})
    return dict(typen) if isinstance(typen, dict) else {}


def _groepsgebeurtenissen() -> list[str]:
    """The section on a group's own event stream (design.md, "Groepsaanpak")."""
    typen = _groepstypen()
    if not typen:
        return []
    delen = [
        "## Groepen: de gebeurtenissen van een groep { #groepen }\n",
        "Een groep jongeren die samen wordt aangepakt (de groepsaanpak) heeft een eigen rij "
        "gebeurtenissen naast de trajecten van de leden. Een lid is een traject, aangeduid met "
        "zijn traject-id; het eigen traject van een lid loopt gewoon door. Een groepsbestand "
        "is een lijst groepsgebeurtenissen of `{\"formaat\": \"ija-groep/1\", \"events\": "
        "[...]}`; de eerste gebeurtenis is altijd `groep-aangemeld`. Lees het met "
        "`ija.from_json(tekst, ija.Groep, methodiek=m)` of `ija.Groep.replay(events, "
        "methodiek=m)`. Een gebeurtenis van een traject is in een groep een onbekend type, en "
        "andersom.\n",
        "Regels van een groep (`m.groepsregels`): `chronologie` (geen gebeurtenis vóór de "
        "vorige) en `groep-afgesloten` (niets meer na het afsluiten). De norm "
        "`groep-contact-na-melding-24-uur` meet `ija.groepstoets(groep, trajecten, "
        "peildatum=..., methodiek=m)`: per groepsmelding en per lid op dat moment binnen 24 "
        "uur contact met de jongere én met een betrokkene met relatie `ouder` in het traject "
        "van het lid.\n",
        "```json\n"
        '{"formaat": "ija-groep/1", "events": [\n'
        '  {"type": "groep-aangemeld", "op": "2025-09-15T09:00:00+02:00", "groep": "g-1",\n'
        '   "verwijzers": ["jeugdoverlast-expert"], "omschrijving": "zes jongeren, één plein"},\n'
        '  {"type": "lid-toegevoegd", "op": "2025-09-15T09:00:00+02:00", "traject": "t-001"},\n'
        '  {"type": "groepsmelding", "op": "2025-09-20T01:15:00+02:00", "soort": "overlast",\n'
        '   "melder": "politie"}\n]}\n```\n',
        tabel(
            ("Type", "Betekenis"),
            [(f"[`{t}`](#{t})", esc(_GROEPSGEBEURTENIS.get(t, "–"))) for t in typen],
        ),
    ]
    for t, klasse in typen.items():
        delen.append(f"### `{t}` {{ #{t} }}\n")
        if t in _GROEPSGEBEURTENIS:
            delen.append(esc(_GROEPSGEBEURTENIS[t]) + "\n")
        genest: list[type[Any]] = []
        delen.append(
            "| Veld | Soort waarde | Verplicht |\n|---|---|---|\n"
            "| `type` | " + f"`\"{t}\"`" + " | ja |\n"
            + veldtabel(klasse, genest).split("\n", 2)[2]
        )
    return delen


def gebeurtenissen() -> str:
    """The JSON event format, from the event classes of the traject engine (and a group's)."""
    delen = [
        "# Gebeurtenissen in JSON\n",
        "Een traject is een rij gebeurtenissen. Elke gebeurtenis is een JSON-object met een "
        "`type` en een tijdstip `op` (ISO 8601 met UTC-offset, bv. "
        "`2024-03-04T09:30:00+01:00`). De andere velden hangen af van het type. Onbekende "
        "velden, een ontbrekend verplicht veld of een verkeerde soort waarde (`\"ja\"` is geen "
        "`true`, `12` is geen tekst) geven `OngeldigeInvoer` met het pad naar het veld.\n",
        "Een veld dat een *id* is (fase-id, leefgebied-id, rol-id, aanbieder-id, relatie-id, "
        "opschaling-id) moet bestaan in de methodiek; zie de lijsten bij Methodiek, "
        "Leefgebieden en Aanbieders, en `m.relaties` en `m.opschalingen`.\n",
        "## Privacy, toestemming en intrekking\n",
        "Gebeurtenissen dragen schuilnamen en relaties, nooit namen: een jongere heet naar "
        "zijn `pseudoniem`, een betrokkene naar een id dat het traject zelf kiest (`oma`, "
        "`agent-noord`) met een relatie-id (`familie`, `wijkagent`). Vrije tekstvelden "
        "(`omschrijving`, `vorm`, `reden`) mogen geen persoonsgegevens bevatten: geen namen, "
        "adressen, telefoonnummers of BSN. Wie een betrokkene is, hoort in het systeem van de "
        "organisatie, gekoppeld aan het id.\n",
        "Toestemming wordt niet als vinkje bijgehouden maar als gebeurtenis: "
        "`toestemming-gegeven` en `toestemming-ingetrokken`, elk met zijn tijdstip. De rij "
        "gebeurtenissen is zelf het verslag: `t.toestemming(betrokkene, voor)` zegt of een "
        "toestemming nu loopt, en de gebeurtenissen zeggen sinds wanneer en tot wanneer. Een "
        "intrekking geldt vanaf haar moment; eerdere contacten blijven geldig. Een opslag "
        "(`ija_core.opslag`) bewaart gebeurtenissen alleen erbij en nooit anders, met een "
        "hashketen, zodat dat verslag niet ongemerkt verandert.\n",
        "```json\n"
        '[\n  {"type": "aangemeld", "op": "2024-03-04T09:30:00+01:00", "traject": "t-001",\n'
        '   "jongere": {"pseudoniem": "J-17", "geboortedatum": "2006-05-12"},\n'
        '   "verwijzer": "wijkagent"},\n'
        '  {"type": "contactpoging", "op": "2024-03-04T15:00:00+01:00", "kanaal": "app",\n'
        '   "gelukt": false}\n]\n```\n',
    ]
    typen = _gebeurtenistypen()
    if not typen:
        delen.append("*De gebeurtenissen van de traject-engine zijn in deze versie nog niet "
                     "beschikbaar.*\n")
        return "\n".join(delen)
    delen.append(tabel(("Type", "Betekenis"),
                       [(f"[`{t}`](#{t})", esc(_GEBEURTENIS.get(t, "–"))) for t in typen]))
    gedaan: set[type[Any]] = set()  # a nested record is described once, where it first appears
    for t, klasse in typen.items():
        delen.append(f"## `{t}` {{ #{t} }}\n")
        if t in _GEBEURTENIS:
            delen.append(esc(_GEBEURTENIS[t]) + "\n")
        genest: list[type[Any]] = []
        delen.append("| Veld | Soort waarde | Verplicht |\n|---|---|---|\n"
                     "| `type` | " + f"`\"{t}\"`" + " | ja |\n"
                     + veldtabel(klasse, genest).split("\n", 2)[2])
        while genest:
            sub = genest.pop(0)
            if sub in gedaan:
                continue
            gedaan.add(sub)
            delen.append(f"\n#### {sub.__name__} {{ #{sub.__name__.lower()} }}\n")
            delen.append(veldtabel(sub, genest))
    delen.extend(_groepsgebeurtenissen())
    return "\n".join(delen)
