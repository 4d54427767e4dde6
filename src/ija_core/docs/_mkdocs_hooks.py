"""mkdocs hooks of the methodiek site (mkdocs loads this file by path; see ``bouw._config``).

Every page gets the glossary's abbreviations as ``abbr`` definitions; developer pages get a
lower search weight.

Pages under ``plugins/`` are written by plugins: their rendered HTML and their table of
contents are cleaned with ``nh3`` before the theme, the search index or anything else sees
them. Every other page is generated from data escaped with ``esc`` or hand-written here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ija_core.docs._glossary import abbr_definities
from ija_core.docs._sanitize import schoon_html, schoon_tekst

PLUGIN_PAGINAS = "plugins/"
ONTWIKKELAARS = ("ontwikkelaars/", "plugins-schrijven.md")
ONTWIKKELAARS_BOOST = 0.3
"""Developer pages weigh less in search, so a trainer's search finds the trainer pages first."""


def _alle(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        yield item
        yield from _alle(getattr(item, "children", ()))


def on_page_markdown(markdown: str, page: Any, **_kwargs: Any) -> str:
    """Rank developer pages lower in search; explain the abbreviations on every page."""
    if page.file.src_uri.startswith(ONTWIKKELAARS):
        page.meta.setdefault("search", {}).setdefault("boost", ONTWIKKELAARS_BOOST)
    return markdown + abbr_definities()


def on_page_content(html: str, page: Any, **_kwargs: Any) -> str:
    """Clean the HTML and the table of contents of a plugin's page."""
    if not page.file.src_uri.startswith(PLUGIN_PAGINAS):
        return html
    for item in _alle(page.toc or ()):
        item.title = schoon_tekst(item.title)
    return schoon_html(html)
