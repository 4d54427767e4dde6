"""Generated pages for developers: rule and norm ids, the hook reference and the API reference."""

from __future__ import annotations

import inspect
import re

import ija_core
from ija_core import hookspecs
from ija_core.docs._markdown import esc, tabel
from ija_core.docs._methodiek_paginas import anker, termijn
from ija_core.docs._regels import handboekregels, pluginregels
from ija_core.methodiek import Methodiek


def regels_en_normen(m: Methodiek) -> str:
    """Every rule id and norm id, with the code's own explanation."""
    delen = [
        "# Regel- en norm-ids\n",
        "Een `RegelOvertreding` noemt in `.regel` een van de regel-ids hieronder; een "
        "`Normuitkomst` noemt in `.norm` een norm-id. De ids zijn stabiel: een app mag erop "
        "vertrouwen. De uitleg is dezelfde tekst die de software toont.\n",
        "## Regels van het handboek\n",
        "In de volgorde waarin `registreer` ze controleert (de eerste die faalt, wordt "
        "gemeld; `kan_naar` noemt ze allemaal).\n",
    ]
    hb = handboekregels()
    delen.append(
        tabel(("Id", "Uitleg"), [(f"`{r.id}`", esc(r.uitleg)) for r in hb])
        if hb
        else "*De traject-engine is in deze versie nog niet beschikbaar.*\n"
    )
    delen.append("## Regels uit plugins\n")
    pr = pluginregels(m)
    delen.append(
        tabel(
            ("Id", "Plugin", "Naar fase", "Uitleg"),
            [(f"`{r.id}`", esc(r.plugin or "–"), ", ".join(r.naar) or "elke", esc(r.uitleg))
             for r in pr],
        )
        if pr
        else "*De geïnstalleerde plugins voegen geen regels toe.*\n"
    )
    delen.append("## Servicenormen\n")
    delen.append(
        tabel(
            ("Id", "Vanaf", "Termijn", "Aanbieder", "Uitleg"),
            [(f"`{n.id}`", anker(n), termijn(n), f"`{n.aanbieder}`" if n.aanbieder else "alle",
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
    )
