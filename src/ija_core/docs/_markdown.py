"""Small Markdown helpers for the generated pages: paths, relative links, tables, escaping.

Everything a plugin (or the handbook data) gives is data: it reaches a page only through
``esc`` (or ``code``/``link``, which use it), never as Markdown or HTML.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable, Sequence
from datetime import timedelta


def pad_fase(fase_id: str) -> str:
    """Site path of a fase page."""
    return f"fasen/{fase_id}.md"


def pad_leefgebied(leefgebied_id: str) -> str:
    """Site path of a leefgebied page."""
    return f"leefgebieden/{leefgebied_id}.md"


def pad_thema(thema_id: str) -> str:
    """Site path of a thema page."""
    return f"themas/{thema_id}.md"


def pad_instrument(instrument_id: str) -> str:
    """Site path of an instrument page; a namespaced id gets its own folder (``exodus/x.md``)."""
    return f"instrumenten/{instrument_id.replace(':', '/')}.md"


def pad_aanbieder(aanbieder_id: str) -> str:
    """Site path of an aanbieder page."""
    return f"aanbieders/{aanbieder_id}.md"


def plugin_map(plugin_naam: str) -> str:
    """A folder name for a plugin's own pages (its name, reduced to safe characters)."""
    schoon = re.sub(r"[^a-z0-9_-]+", "-", plugin_naam.lower()).strip("-")
    return schoon or "plugin"


def pad_plugin_pagina(plugin_naam: str, pad: str) -> str:
    """Site path of a page a plugin contributes through ``ija_docs_paginas``."""
    return f"plugins/{plugin_map(plugin_naam)}/{pad}"


def rel(van: str, naar: str) -> str:
    """The relative link from page ``van`` to page ``naar`` (both site paths)."""
    return posixpath.relpath(naar, posixpath.dirname(van) or ".")


def link(van: str, naar: str, tekst: str) -> str:
    """A Markdown link from page ``van`` to page ``naar`` (the text escaped, the path quoted)."""
    return f"[{esc(tekst)}]({urllib.parse.quote(rel(van, naar), safe='/.-_~#')})"


def href(van: str, naar: str) -> str:
    """For raw HTML (which mkdocs leaves alone): the built address of page ``naar`` from ``van``.

    ``naar`` is a site path (``fasen/x.md``), optionally with ``#anker``; the result is the
    relative ``.html`` address, quoted and escaped for an HTML attribute.
    """
    doel, _, anker = naar.partition("#")
    adres = posixpath.splitext(rel(van, doel))[0] + ".html" + (f"#{anker}" if anker else "")
    return esc(urllib.parse.quote(adres, safe="/.-_~#"))


# Characters that mean something to Markdown, its extensions (attr_list ``{: ...}``, abbr
# ``*[...]``, md_in_html, tables) or HTML, wherever they stand ...
_ALTIJD = frozenset("&<>\"'\\`*_{}[]()!|")
# ... and characters that only mean something at the start of a line (headings, lists, quotes,
# admonitions ``!!!``, fences ``~~~``, definition lists ``:``, mkdocstrings ``:::``, snippets).
_BEGIN = frozenset("#+-.=~:>%@$^")


def esc(tekst: object) -> str:
    """Text from the data, made into literal text for Markdown *and* HTML.

    The one escaping function of the generated pages: every character Markdown, its
    extensions or HTML could read as syntax becomes a numeric character reference
    (``{`` → ``&#123;``), which Markdown passes through untouched and a browser shows as the
    character itself. The result is safe in running text, headings, list items, table cells,
    link texts, raw HTML element content and quoted HTML attribute values. Whitespace runs
    (newlines included) become one space; control characters are dropped (Python-Markdown
    uses some of them as internal placeholders).
    """
    schoon = " ".join(
        "".join(c for c in str(tekst) if c in "\t\n\r" or unicodedata.category(c) != "Cc").split()
    )
    uit = []
    for n, c in enumerate(schoon):
        if c in _ALTIJD or (c in _BEGIN and (n == 0 or schoon[:n].isdigit())):
            uit.append(f"&#{ord(c)};")
        else:
            uit.append(c)
    return "".join(uit)


def code(tekst: object) -> str:
    """An id or other literal in code type (``<code>``), escaped with ``esc``."""
    return f"<code>{esc(tekst)}</code>"


def anker_id(tekst: str) -> str:
    """An HTML id for a heading made from an id: only ``a-z``, ``0-9`` and ``-`` remain."""
    return re.sub(r"[^a-z0-9-]+", "", tekst.lower()) or "x"


def tabel(koppen: Sequence[str], rijen: Iterable[Sequence[str]]) -> str:
    """A Markdown table; cells are used as given (escape them with ``esc`` first)."""
    regels = ["| " + " | ".join(koppen) + " |", "|" + "|".join("---" for _ in koppen) + "|"]
    regels += ["| " + " | ".join(c.replace("\n", " ") or "–" for c in rij) + " |" for rij in rijen]
    return "\n".join(regels) + "\n"


def opsomming(items: Iterable[str]) -> str:
    """A Markdown bullet list (items already escaped), or an empty string."""
    regels = [f"- {i}" for i in items]
    return "\n".join(regels) + "\n" if regels else ""


def weken(duur: timedelta) -> str:
    """A duration in Dutch weeks, or days when it is not a whole number of weeks."""
    if duur.days % 7 == 0:
        w = duur.days // 7
        return f"{w} {'week' if w == 1 else 'weken'}"
    return f"{duur.days} {'dag' if duur.days == 1 else 'dagen'}"
