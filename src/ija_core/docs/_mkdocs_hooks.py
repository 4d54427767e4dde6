"""mkdocs hooks of the methodiek site (mkdocs loads this file by path; see ``bouw._config``).

Every page gets the glossary's abbreviations as ``abbr`` definitions; developer pages get a
lower search weight.

Pages under ``plugins/`` are written by plugins: their rendered HTML and their table of
contents are cleaned with ``nh3`` before the theme, the search index or anything else sees
them. Every other page is generated from data escaped with ``esc`` or hand-written here.

Titles and labels reach the theme as HTML, escaped exactly once (``on_config`` and
``on_page_context``). mkdocs treats a page, section or link title as HTML (the theme writes
``{{ page.title }}`` as it is), but the theme also writes ``{{ title | e }}`` in
``aria-label`` attributes, which escaped the escaped text a second time (a screen reader read
``&#123;``). Every title is therefore reduced to its text, escaped once (quotes too, so it
is safe in an attribute) and marked as HTML (``markupsafe.Markup``), so ``| e`` leaves it
alone; the front-matter fields the theme prints (``title``, ``description``, ...)
and the site's name, description and footer are text, so they are escaped once and marked
the same way. The theme's ``<title>`` element used ``page.title | striptags``, which
*unescapes* what it strips and so wrote a plugin's ``</title><script>`` into the page as
markup; ``overrides/main.html`` escapes it again after stripping.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

from ija_core.docs._glossary import abbr_definities
from ija_core.docs._sanitize import schoon_html, schoon_tekst

PLUGIN_PAGINAS = "plugins/"
ONTWIKKELAARS = ("ontwikkelaars/", "plugins-schrijven.md")
ONTWIKKELAARS_BOOST = 0.3
"""Developer pages weigh less in search, so a trainer's search finds the trainer pages first."""


def _alle(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        yield item
        yield from _alle(getattr(item, "children", None) or ())


_CONFIG_TEKST = ("site_name", "site_description", "site_author", "copyright")
"""Config values the theme prints as HTML but that are text here: escaped once."""
_META_TEKST = ("title", "description", "author", "subtitle")
"""Front-matter fields the theme prints (``<title>``, ``<meta>``, header, nav): text."""


def _tekst_als_html(waarde: Any) -> Any:
    """Text, escaped once and marked as HTML; a value already marked stays as it is."""
    if isinstance(waarde, str) and not isinstance(waarde, Markup):
        return escape(waarde)
    return waarde


def _html(waarde: Any) -> Any:
    """A title mkdocs holds as HTML, as the text it shows, escaped once and marked as HTML.

    mkdocs' titles are HTML text (``&#123;``, ``&lt;``) but may hold a bare ``"``, which is
    fine between tags and not inside an attribute; so the title is reduced to its text and
    escaped again completely (quotes included). ``| e`` then leaves it alone.
    """
    if isinstance(waarde, str) and not isinstance(waarde, Markup):
        # Markup only to read the text: striptags returns plain, unescaped text.
        return escape(Markup(waarde).striptags())  # noqa: S704
    return waarde


def on_config(config: Any, **_kwargs: Any) -> Any:
    """Escape the site's name, description and footer text once."""
    for sleutel in _CONFIG_TEKST:
        if config.get(sleutel) is not None:
            config[sleutel] = _tekst_als_html(config[sleutel])
    return config


def _markeer_meta(item: Any) -> None:
    meta = getattr(item, "meta", None)
    if isinstance(meta, dict):
        for sleutel in _META_TEKST:
            if sleutel in meta:
                meta[sleutel] = _tekst_als_html(meta[sleutel])


def _markeer(item: Any) -> None:
    _markeer_meta(item)
    titel = getattr(item, "title", None)
    if isinstance(titel, str) and not isinstance(titel, Markup):
        item.title = _html(titel)


def on_page_context(context: Any, page: Any, config: Any, nav: Any, **_kwargs: Any) -> Any:
    """Before a page is rendered: every title it can show (its own, the navigation's, the
    footer's previous and next) and its front-matter text, escaped exactly once."""
    for item in _alle(nav.items if nav is not None else ()):
        _markeer(item)
    _markeer(page)
    return context


def on_page_markdown(markdown: str, page: Any, **_kwargs: Any) -> str:
    """Escape the front-matter text (before search or theme see it); rank developer pages
    lower in search; explain the abbreviations on every page."""
    _markeer_meta(page)
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
