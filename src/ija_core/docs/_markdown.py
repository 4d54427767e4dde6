"""Small Markdown helpers for the generated pages: paths, relative links, tables, escaping."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Sequence
from datetime import timedelta

ONBEKEND = "nog aan te vullen"
"""What a page shows where a fact is unknown (None in the data)."""


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
    """A Markdown link from page ``van`` to page ``naar``."""
    return f"[{esc(tekst)}]({rel(van, naar)})"


_SPECIAAL = re.compile(r"([\\`*_\[\]<>|])")


def esc(tekst: str) -> str:
    """Escape text so Markdown shows it literally (also safe inside a table cell)."""
    return _SPECIAAL.sub(r"\\\1", " ".join(tekst.split()))


def html_esc(tekst: str) -> str:
    """Escape text for raw HTML."""
    return html.escape(" ".join(tekst.split()), quote=True)


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


def of_onbekend(waarde: object) -> str:
    """The value as escaped text, or *nog aan te vullen* when it is unknown."""
    if waarde is None or waarde in ((), ""):
        return f"*{ONBEKEND}*"
    if isinstance(waarde, tuple):
        return esc(", ".join(str(w) for w in waarde))
    return esc(str(waarde))


def mermaid(code: str) -> str:
    """A fenced mermaid diagram."""
    return f"```mermaid\n{code.strip()}\n```\n"


def mermaid_tekst(tekst: str) -> str:
    """Text made safe for a quoted mermaid label."""
    return tekst.replace('"', "'").replace("\n", " ")
