"""A hostile plugin for the site tests: every text it gives is an attempt to run script.

Each payload that would run sets ``window.__ija_xss`` (to a number saying which one) or
changes ``document.title``; the tests check that none did and that the text still shows.
"""

from __future__ import annotations

import ija_core as ija

SCRIPT = "<script>window.__ija_xss=1;document.title='gehackt'</script>"
IMG = "<img src=x onerror=\"window.__ija_xss=2\">"
ATTR = "{: onmouseover=\"window.__ija_xss=3\" onclick=\"window.__ija_xss=3\" }"
JS_LINK = "[klik hier](javascript:window.__ija_xss=4)"
TITEL_LINK = "[met titel](https://example.org/ \"x\\\" onmouseover=\\\"window.__ija_xss=5\")"
SVG = "<svg onload=\"window.__ija_xss=6\"></svg>"
ABBR = "*[IJA]: <img src=x onerror=window.__ija_xss=7>"
ALLE = (SCRIPT, IMG, ATTR, JS_LINK, TITEL_LINK, SVG, ABBR)

# Payloads aimed at the places the theme writes a name: ``<title>`` (raw after ``striptags``),
# a ``<textarea>``, an attribute value; plus characters that must show exactly as written.
TITEL = "Kwaad </title><script>window.__ija_xss=20</script>"
TEXTAREA = "</textarea><img src=x onerror=window.__ija_xss=21>"
SVG_NAAM = "<svg onload=window.__ija_xss=22>"
JS_NAAM = "javascript:window.__ija_xss=23"
TEKENS = "{x} & y &amp; &#123; &lt;z&gt;"
NAAM = f"{TITEL} {TEXTAREA} {SVG_NAAM} {JS_NAAM} {TEKENS}"
"""Given as the name of the aanbieder, its methode, the instrument, the norm, the rule, the
plugin's page and the plugin itself: it must read as exactly this text wherever it shows."""

PLUGIN_NAAM = f"boos<img src=x onerror=window.__ija_xss=8> {NAAM}"

# Text fragments that must still be visible as text on the pages where they were given.
ZICHTBAAR = ("window.__ija_xss=1", "onerror=", "onmouseover=", "javascript:window.__ija_xss=4")


def _tekst(n: int) -> str:
    return f"Tekst {n}: " + " ".join(ALLE)


class VijandigePlugin:
    """Names, descriptions and a docs page full of payloads."""

    IJA_PLUGIN_NAAM = PLUGIN_NAAM

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder:
        return ija.Aanbieder(
            id="boos",
            naam=f"Boos {ATTR} {IMG} {NAAM}",
            beschrijving=_tekst(1),
            website="javascript:window.__ija_xss=10",
            methoden=(ija.Methode(id="boos:methode", naam=f"# Methode {SCRIPT} {NAAM}",
                                  beschrijving=f"!!! danger \"{IMG}\"\n    {SCRIPT}"),),
        )

    @ija.hookimpl
    def ija_instrumenten(self) -> list[ija.Instrument]:
        return [
            ija.Instrument(
                id="boos:meter",
                naam=f"Meter {ATTR} {NAAM}",
                soort="meetinstrument",
                samenvatting=f"- {IMG} {SCRIPT}",
                beschrijving=f"1. {JS_LINK}\n\n::: ija_core\n\n{TITEL_LINK} {SVG}",
                fasen=("verdieping",),
                leefgebieden=("werk",),
                aanbieder="boos",
            )
        ]

    @ija.hookimpl
    def ija_normen(self) -> list[ija.Norm]:
        return [
            ija.Norm(
                id="boos:norm",
                naam=f"Norm {SCRIPT} {NAAM}",
                uitleg=_tekst(2),
                anker="aanmelding",
                dagen=10,
                voldaan_door=(ija.Voorwaarde(soort="kennismaking"),),
                aanbieder="boos",
                bron="aanbieder",
            )
        ]

    @ija.hookimpl
    def ija_overgangsregels(self) -> list[ija.Overgangsregel]:
        return [
            ija.Overgangsregel(
                id="boos:regel",
                naam=f"Regel {IMG} {NAAM}",
                uitleg=_tekst(3),
                toets=lambda _t, _naar: None,
                naar=("uitvoering",),
            )
        ]

    @ija.hookimpl
    def ija_docs_paginas(self) -> list[ija.DocsPagina]:
        return [
            ija.DocsPagina(
                pad="boos.md",
                titel=f"Pagina {SCRIPT} {IMG} {NAAM}",
                inhoud=(
                    f"# Eigen kop {SCRIPT}\n\n"
                    f"## Kop {IMG} {{: onmouseover=\"window.__ija_xss=11\" }}\n\n"
                    f"Gewone tekst met **nadruk**.\n{{: onclick=\"window.__ija_xss=12\" }}\n\n"
                    f"{SCRIPT}\n\n{IMG}\n\n{SVG}\n\n{JS_LINK}\n\n{TITEL_LINK}\n\n"
                    "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19pamFfeHNzPTEzPC9zY3JpcHQ+)\n\n"
                    "<a href=\"javascript:window.__ija_xss=14\">a-tag</a>\n\n"
                    "<div markdown=\"1\" onmouseover=\"window.__ija_xss=15\">in een div</div>\n\n"
                    "<iframe src=\"javascript:parent.__ija_xss=16\"></iframe>\n\n"
                    "![plaatje](https://example.org/volg.png)\n\n"
                    "<style>body{display:none}</style>\n\n"
                    f"{ABBR}\n\nIJA staat hier.\n"
                ),
            )
        ]
