"""Every generated page of the methodiek site, and the site's navigation.

``genereer_paginas(m)`` is a pure function of a ``Methodiek``: it returns the Markdown of
every generated page by site path, so the pages can be tested without building a site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import Any

from attrs import frozen

from ija_core.docs import _casus_paginas as cas
from ija_core.docs import _catalogus_paginas as cat
from ija_core.docs import _groep_pagina as gp
from ija_core.docs import _lesplan as les
from ija_core.docs import _methodiek_paginas as mp
from ija_core.docs import _netwerk_pagina as nw
from ija_core.docs import _ontwikkelaars_paginas as ont
from ija_core.docs import _trainers_paginas as tr
from ija_core.docs._aanpak_pagina import OVER_DE_AANPAK, over_de_aanpak
from ija_core.docs._glossary import begrippen_pagina
from ija_core.docs._groep_casus import groepsdeel
from ija_core.docs._markdown import (
    esc,
    pad_aanbieder,
    pad_fase,
    pad_instrument,
    pad_leefgebied,
    pad_plugin_pagina,
    pad_thema,
)
from ija_core.methodiek import Methodiek

NavItem = str | dict[str, Any]

# Hand-written pages (in the repository's ``docs/``) that have a fixed place in the navigation.
HANDGESCHREVEN_PLAATS: dict[str, str] = {
    "ontwikkelaars/snelstart.md": "Ontwikkelaars",
    "ontwikkelaars/servicenormen.md": "Ontwikkelaars",
    "ontwikkelaars/opslag.md": "Ontwikkelaars",
    "ontwikkelaars/eigen-opslag.md": "Ontwikkelaars",
    "ontwikkelaars/codenamen.md": "Ontwikkelaars",
    "plugins-schrijven.md": "Ontwikkelaars",
}


ONTWIKKELAARS = "ontwikkelaars/index.md"
"""The developers' start page: linked from the home page and the footer, not a tab of the
trainers' navigation."""
_ONTWIKKELAARS_GEGENEREERD: tuple[tuple[str, str, str], ...] = (
    ("ontwikkelaars/gebeurtenissen.md", "Gebeurtenissen",
     "de JSON-gebeurtenissen van een traject en een groep"),
    ("ontwikkelaars/regels-en-normen.md", "Regels en normen",
     "elke regel en servicenorm met zijn id en herkomst"),
    ("ontwikkelaars/hooks.md", "Hooks", "wat een plugin kan bijdragen"),
    ("ontwikkelaars/api.md", "API", "de Python-API van ija-core"),
)
_ONTWIKKELAARS_HANDGESCHREVEN: tuple[tuple[str, str, str], ...] = (
    ("ontwikkelaars/snelstart.md", "Snelstart", "ija-core installeren en een traject volgen"),
    ("ontwikkelaars/servicenormen.md", "Servicenormen in code", "normen toetsen vanuit Python"),
    ("ontwikkelaars/opslag.md", "Opslag", "trajecten bewaren in SQLite of PostgreSQL"),
    ("ontwikkelaars/eigen-opslag.md", "Een eigen opslag",
     "gebeurtenissen bewaren in de database van je eigen applicatie"),
    ("ontwikkelaars/codenamen.md", "Namen in de code", "één naam per begrip in de code"),
    ("plugins-schrijven.md", "Plugins schrijven", "een eigen plugin voor een aanbieder"),
)


def _ontwikkelaars_index(handgeschreven: Iterable[str]) -> str:
    """The developers' start page: every developer page, with one line on what it holds."""
    hand = set(handgeschreven)
    rijen = [r for r in _ONTWIKKELAARS_HANDGESCHREVEN if r[0] in hand]
    rijen += list(_ONTWIKKELAARS_GEGENEREERD)
    return (
        "# Voor ontwikkelaars\n\n"
        "Deze pagina's zijn voor wie ija-core in eigen software gebruikt of een plugin "
        "schrijft. Ze staan niet in het menu voor trainers; deze pagina is te vinden via de "
        "startpagina en onderaan elke pagina.\n\n"
        + "".join(f"- [{titel}]({posixpath.relpath(pad, 'ontwikkelaars')}): {uitleg}\n"
                  for pad, titel, uitleg in rijen)
    )


@frozen
class Paginas:
    """The generated pages and the navigation of a site.

    Attributes:
        paginas: Markdown text by site path (``fasen/verdieping.md``).
        nav: the mkdocs ``nav`` (including the hand-written pages it was given).
    """

    paginas: dict[str, str]
    nav: list[NavItem]


def genereer_paginas(
    m: Methodiek, handgeschreven: Iterable[str] = (), stempel: tr.Bouwstempel | None = None
) -> Paginas:
    """Generate every page of the site from ``m``; ``handgeschreven`` lists the other pages.

    ``stempel`` (version and build date on the printable sheets) is ``tr.bouwstempel()`` when
    None: the installed version, and the date from ``SOURCE_DATE_EPOCH`` or today.
    """
    handgeschreven = sorted(handgeschreven)
    stempel = stempel or tr.bouwstempel()
    p: dict[str, str] = {
        "index.md": mp.home(m),
        "kernwaarden.md": mp.kernwaarden(m),
        "overgangen.md": mp.overgangen(m),
        "normen.md": mp.normen(m),
        "begrippen.md": begrippen_pagina(),
        "fasen/index.md": mp.fasen_index(m),
        "leefgebieden/index.md": mp.leefgebieden_index(m),
        "themas/index.md": mp.themas_index(m),
        "instrumenten/index.md": cat.instrumenten_index(m),
        "instrumenten/per-fase.md": cat.per_fase(m),
        "aanbieders/index.md": cat.aanbieders_index(
            m, gids="plugins-schrijven.md" in handgeschreven
        ),
        tr.TRAINERS: tr.trainers_index(m),
        les.PAD: les.lesplan(m),
        tr.HELE_METHODIEK: tr.hele_methodiek(m, stempel),
        OVER_DE_AANPAK: over_de_aanpak(),
        nw.PAD: nw.netwerk(m),
        gp.PAD: gp.groepsaanpak(m),
        cas.CASUSSEN_INDEX: cas.casussen_index(),
        "ontwikkelaars/regels-en-normen.md": ont.regels_en_normen(m),
        "ontwikkelaars/gebeurtenissen.md": ont.gebeurtenissen(),
        "ontwikkelaars/hooks.md": ont.hooks(),
        "ontwikkelaars/api.md": ont.api(),
    }
    p[ONTWIKKELAARS] = _ontwikkelaars_index(handgeschreven)
    for c in cas.CASUSSEN:
        p[cas.pad_casus(c.naam)] = cas.casus_pagina(
            m, c, groep=groepsdeel(m, c.naam, cas.pad_casus(c.naam)))
    for f in m.fasen:
        p[pad_fase(f.id)] = mp.fase(m, f.id)
        p[tr.pad_handout(f.id)] = tr.handout(m, f.id, stempel)
    for lg in m.leefgebieden:
        p[pad_leefgebied(lg.id)] = mp.leefgebied(m, lg.id)
    for t in m.themas:
        p[pad_thema(t.id)] = mp.thema(m, t.id)
    for i in m.instrumenten:
        p[pad_instrument(i.id)] = cat.instrument(m, i.id)
    for a in m.aanbieders:
        p[pad_aanbieder(a.id)] = cat.aanbieder(m, a.id)
    for plugin, pagina in m.docs_paginas:
        p[pad_plugin_pagina(plugin, pagina.pad)] = cat.plugin_pagina(plugin, pagina)
    return Paginas(paginas=p, nav=_nav(m, p, handgeschreven))


def _nav(m: Methodiek, p: dict[str, str], handgeschreven: list[str]) -> list[NavItem]:
    hand = set(handgeschreven)

    def geplaatst(sectie: str) -> list[NavItem]:
        return [pad for pad, s in HANDGESCHREVEN_PLAATS.items() if s == sectie and pad in hand]

    plugin_paginas: dict[str, list[NavItem]] = {}
    for plugin, pagina in m.docs_paginas:
        plugin_paginas.setdefault(esc(plugin), []).append(
            {esc(pagina.titel): pad_plugin_pagina(plugin, pagina.pad)}
        )
    nav: list[NavItem] = [
        {"Start": "index.md"},
        {
            "Methodiek": [
                "kernwaarden.md",
                {"Fasen": ["fasen/index.md"] + [pad_fase(f.id) for f in m.fasen]},
                "overgangen.md",
                "normen.md",
                "begrippen.md",
            ]
        },
        {
            "Voor trainers": [tr.TRAINERS, {"Lesplan": les.PAD},
                              {"Over de aanpak": OVER_DE_AANPAK}]
            + [{f"Handout fase {f.nummer}: {esc(f.naam)}": tr.pad_handout(f.id)} for f in m.fasen]
            + [{"Het netwerk en toestemming": nw.PAD}]
            + [{"De groepsaanpak": gp.PAD}]
            + [{"De hele methodiek": tr.HELE_METHODIEK}]
        },
        {
            "Casussen": [cas.CASUSSEN_INDEX]
            + [{esc(c.titel.split(":")[0]): cas.pad_casus(c.naam)} for c in cas.CASUSSEN]
        },
        {"Leefgebieden": ["leefgebieden/index.md"] + [pad_leefgebied(lg.id) for lg in m.leefgebieden]},
        {"Thema’s": ["themas/index.md"] + [pad_thema(t.id) for t in m.themas]},
        {"Instrumenten": ["instrumenten/index.md", "instrumenten/per-fase.md"] + [pad_instrument(i.id) for i in m.instrumenten]},
        {
            "Aanbieders": ["aanbieders/index.md"]
            + geplaatst("Aanbieders")
            + [pad_aanbieder(a.id) for a in m.aanbieders]
            + ([{"Pagina’s van plugins": [{naam: ps} for naam, ps in plugin_paginas.items()]}]
               if plugin_paginas else [])
        },
    ]
    overig = [h for h in handgeschreven if h not in HANDGESCHREVEN_PLAATS and h not in p]
    if overig:
        nav.append({"Meer": list(overig)})
    return nav
