"""Cleaning what plugins write as Markdown: after rendering, only harmless HTML remains.

A plugin's own pages (``ija_docs_paginas``) are Markdown the plugin wrote, so they may hold raw
HTML, attribute lists (``{: onmouseover=...}``) or ``javascript:`` links. The site renders them
with the same Markdown extensions as every page and then runs the HTML through ``nh3`` (the
Python binding of the Rust sanitiser ammonia): only the elements Markdown itself produces stay,
with a few plain attributes, links only to ``http``, ``https``, ``mailto`` or relative
addresses, images only from the site itself. Headings in the table of contents become plain
text. Everything else the plugin gives (names, descriptions) is escaped with ``esc`` instead.
"""

from __future__ import annotations

import re

import nh3

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre",
    "s", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
})
ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title", "class"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    "*": {"id", "class"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
_CLASS = re.compile(r"[A-Za-z0-9_ -]*")
_BUITEN = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|\\)")


def _filter(tag: str, attribuut: str, waarde: str) -> str | None:
    """Drop ids that could clash with the theme's (``__search``), odd classes, outside images."""
    if attribuut == "id":
        return waarde if _ID.fullmatch(waarde) else None
    if attribuut == "class":
        return waarde if _CLASS.fullmatch(waarde) else None
    if tag == "img" and attribuut == "src" and _BUITEN.match(waarde):
        return None  # an image from another host would be a request leaving the machine
    return waarde


def schoon_html(html: str) -> str:
    """The rendered HTML of a plugin page with everything that could run or load removed."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes=ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_filter,
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def schoon_tekst(html: str) -> str:
    """A heading as safe HTML text: every tag removed, the characters escaped."""
    return nh3.clean(html, tags=set(), attributes={})
