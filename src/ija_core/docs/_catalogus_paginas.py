"""Generated pages of the catalogue: instruments, aanbieders and the plugins' own pages."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import attrs

from ija_core.docs._markdown import (
    anker_id,
    code,
    esc,
    href,
    link,
    opsomming,
    pad_aanbieder,
    pad_fase,
    pad_instrument,
    pad_leefgebied,
    pad_plugin_pagina,
    rel,
    tabel,
)
from ija_core.docs._regels import BRONSOORT_LABEL
from ija_core.docs._werkwijze import werkwijze_markdown
from ija_core.docspagina import DocsPagina
from ija_core.methodiek import Methodiek
from ija_core.tools.model import Instrument
from ija_core.tools.results import veldbetekenis

_BRONVOLGORDE = ("handboek", "afgeleid", "extern", "aanbieder", "keuze")
"""The order of placements on an instrument page: the handbook's own first."""

_WEBADRES = re.compile(r"https?://[^\s<>\"'`\\]+")

_SOORT = {
    "interventie": "interventie",
    "methode": "methode",
    "meetinstrument": "meetinstrument",
    "werkvorm": "werkvorm",
    "houding": "houding",
    "training": "training",
    "gemeentelijk-instrumentarium": "gemeentelijk instrumentarium",
}
_ERKENNING = {
    "goed-beschreven": "goed beschreven",
    "goed-onderbouwd": "goed onderbouwd",
    "effectief-eerste-aanwijzingen": "effectief volgens eerste aanwijzingen",
    "effectief-goede-aanwijzingen": "effectief volgens goede aanwijzingen",
    "effectief-sterke-aanwijzingen": "effectief volgens sterke aanwijzingen",
    "niet-erkend": "beoordeeld, niet erkend",
}
_STATUS = {
    "geverifieerd": "nagegaan in een bron",
    "deels-geverifieerd": "deels nagegaan (één secundaire bron)",
    "onbekend": "niet nagegaan",
}


# --- types of result fields, in Dutch --------------------------------------------------------


def _typenaam(tp: Any, genest: list[type[Any]]) -> str:  # noqa: PLR0911  # one return per kind of type
    """A Dutch description of a field type; nested attrs classes are collected in ``genest``."""
    if isinstance(tp, str):
        return code(tp)
    if typing.get_origin(tp) is typing.Annotated:
        soort = next((getattr(x, "naam", None) for x in tp.__metadata__
                      if isinstance(getattr(x, "naam", None), str)), None)
        if soort == "niet-leeg":
            return "tekst (niet leeg)"
        if soort:
            return f"{soort}-id"
        return _typenaam(typing.get_args(tp)[0], genest)
    basis = {str: "tekst", int: "geheel getal", bool: "ja/nee (`true`/`false`)",
             float: "getal", date: "datum (`JJJJ-MM-DD`)",
             datetime: "tijdstip (ISO 8601 met UTC-offset)"}
    if tp in basis:
        return basis[tp]
    if tp is Any:
        return "JSON-waarde"
    if isinstance(tp, type) and attrs.has(tp):
        if tp not in genest:
            genest.append(tp)
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    oorsprong = typing.get_origin(tp)
    args = typing.get_args(tp)
    if oorsprong is typing.Literal:
        return "een van: " + ", ".join(code(a) for a in args)
    if oorsprong in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        tekst = " of ".join(_typenaam(a, genest) for a in rest)
        return f"{tekst} of leeg (`null`)" if len(rest) < len(args) else tekst
    if oorsprong in (tuple, list) and args:
        return f"lijst van {_typenaam(args[0], genest)}"
    if (isinstance(tp, type) and issubclass(tp, dict)) or oorsprong is dict:
        if len(args) == 2:
            return f"tabel van {_typenaam(args[0], genest)} naar {_typenaam(args[1], genest)}"
        return "tabel (JSON-object)"
    return code(getattr(tp, '__name__', str(tp)))


def veldtabel(klasse: type[Any], genest: list[type[Any]]) -> str:
    """A table of the attrs fields of ``klasse``; nested records are added to ``genest``."""
    try:
        hints = typing.get_type_hints(klasse, include_extras=True)
    except Exception:  # noqa: BLE001  # unresolved annotations are shown as written
        hints = {}
    velden = attrs.fields(klasse)
    uitleg = [veldbetekenis(f) for f in velden]
    rijen = []
    for f, (betekenis, grenzen) in zip(velden, uitleg, strict=True):
        tp = hints.get(f.name, f.type)
        verplicht = "ja" if f.default is attrs.NOTHING else "nee"
        rijen.append((
            code(f.name),
            esc(betekenis or ""),
            _typenaam(tp, genest).replace("|", r"\|"),
            esc(grenzen or ""),
            verplicht,
        ))
    if any(b or g for b, g in uitleg):
        return tabel(("Veld", "Betekenis", "Soort waarde", "Grenzen", "Verplicht"), rijen)
    # nothing given for any field: said once, not in every cell
    return tabel(("Veld", "Soort waarde", "Verplicht"), [(r[0], r[2], r[4]) for r in rijen]) + (
        "\nWat deze velden betekenen en welke waarden ze mogen hebben, zegt de klasse niet.\n"
    )


def resultaatvelden(klasse: type[Any]) -> str:
    """The fields of a typed result record (and of the records nested in it), as tables."""
    genest: list[type[Any]] = []
    delen = [veldtabel(klasse, genest)]
    gedaan: set[type[Any]] = set()
    while genest:
        sub = genest.pop(0)
        if sub in gedaan or sub is klasse:
            continue
        gedaan.add(sub)
        delen.append(f"\nEen {code(sub.__name__)} bestaat uit:\n{{: #{anker_id(sub.__name__)} }}\n")
        delen.append(veldtabel(sub, genest))
    return "\n".join(delen)


# --- instruments -----------------------------------------------------------------------------


def _bron(m: Methodiek, soort: str, item_id: str) -> str:
    return ", ".join(m.bijgedragen_door(soort, item_id)) or "onbekend"


def _achtergrond(m: Methodiek, pad: str, i: Instrument) -> str:
    """What is known about where an instrument comes from; what is not known is said once."""
    h, e = i.herkomst, i.erkenning
    bekend: list[str] = []
    onbekend: list[str] = []
    if i.doelgroep:
        bekend.append(f"**Voor wie:** {esc(i.doelgroep)}")
    else:
        onbekend.append("voor wie het bedoeld is")
    if h.auteurs or h.jaar:
        wie = esc(", ".join(h.auteurs)) if h.auteurs else "onbekend"
        bekend.append(f"**Ontwikkeld door:** {wie}" + (f" ({h.jaar})" if h.jaar else ""))
    else:
        onbekend.append("wie het ontwikkelde")
    if h.toelichting:
        bekend.append(f"**Herkomst:** {esc(h.toelichting)}")
    if e.niveau:
        bekend.append(
            f"**Erkenning:** {_ERKENNING[e.niveau]}"
            + (f" ({esc(e.databank)}" + (f", {e.jaar})" if e.jaar else ")") if e.databank else "")
            + (f". {esc(e.toelichting)}" if e.toelichting else "")
        )
    else:
        onbekend.append("of het erkend is in een databank van effectieve interventies")
    if i.aanbieder:
        bekend.append(
            f"**Aanbieder:** {link(pad, pad_aanbieder(i.aanbieder), m.aanbieder(i.aanbieder).naam)}"
        )
    bronvermelding = getattr(h, "bronvermelding", None) or getattr(h, "bron", None)
    if bekend and h.status != "onbekend":
        bekend.append(
            f"**Hoe zeker:** {_STATUS[h.status]}" + (f": {esc(bronvermelding)}" if bronvermelding else "")
        )
    tekst = opsomming(bekend)
    if onbekend:
        tekst += (
            ("\n" if tekst else "")
            + "Nog niet bekend: " + "; ".join(onbekend) + ".\n"
        )
    return tekst


def instrument(m: Methodiek, instrument_id: str) -> str:
    """The page of one instrument, for trainers; the technical facts sit in a closed box."""
    i = m.instrument(instrument_id)
    pad = pad_instrument(i.id)
    delen = [
        f"# {esc(i.naam)}\n",
        f"*{esc(_SOORT.get(i.soort, i.soort)).capitalize()}*\n",
        f"{esc(i.samenvatting)}\n",
        f"## Beschrijving\n\n{esc(i.beschrijving)}\n",
    ]
    werkwijze = werkwijze_markdown(i.id)
    if werkwijze:
        delen.append(werkwijze)
    elif i.onderdelen:
        delen.append("## Onderdelen\n")
        delen.append(opsomming(esc(o) for o in i.onderdelen))
    delen.append("## Waar het past\n")
    delen.append(
        "Per fase en leefgebied staat erbij waar die plaatsing vandaan komt: uit het handboek, "
        "afgeleid uit het handboek, een keuze van ija-core, een bron buiten het handboek of "
        "een aanbieder.\n"
    )

    def plekken(soort: str) -> list[str]:
        """One line per distinct bron: the places it covers, then the bron once."""
        groepen: dict[tuple[str, str], list[str]] = {}
        for p in i.plaatsingen:
            if p.soort != soort:
                continue
            naam = (link(pad, pad_fase(p.id), m.fase(p.id).naam) if p.soort == "fase"
                    else link(pad, pad_leefgebied(p.id), m.leefgebied(p.id).naam))
            groepen.setdefault((p.bron.soort, p.bron.toelichting), []).append(naam)
        if soort == "leefgebied":  # every leefgebied under one bron: say so, not all eight
            groepen = {
                k: ([link(pad, "leefgebieden/index.md", f"Alle {len(namen)} leefgebieden")]
                    if len(namen) == len(m.leefgebieden) > 1 else namen)
                for k, namen in groepen.items()
            }
        return [
            f"{', '.join(namen)} *({esc(BRONSOORT_LABEL.get(b, b))}: {esc(t)})*"
            for (b, t), namen in sorted(
                groepen.items(), key=lambda g: _BRONVOLGORDE.index(g[0][0])
                if g[0][0] in _BRONVOLGORDE else len(_BRONVOLGORDE))
        ]

    fasen = plekken("fase")
    leefgebieden = plekken("leefgebied")
    delen.append("**Fasen:**\n\n" + (opsomming(fasen) if fasen else "geen\n"))
    delen.append("**Leefgebieden:**\n\n" + (opsomming(leefgebieden) if leefgebieden else "geen\n"))
    delen.append("## Achtergrond\n")
    delen.append(_achtergrond(m, pad, i))
    delen.append('<details class="ija-techniek" markdown="1">\n'
                 "<summary>Voor ontwikkelaars: id, plugin en wat een inzet vastlegt</summary>\n")
    delen.append(
        opsomming([f"**Id:** {code(i.id)}",
                   f"**Geleverd door plugin:** {esc(_bron(m, 'instrument', i.id))}"])
    )
    if i.resultaat is None:
        delen.append(
            "\nDit instrument legt geen getypeerd resultaat vast: bij de gebeurtenis "
            "`instrument-ingezet` is `resultaat` dan `null`.\n"
        )
    else:
        delen.append(
            f"\nEen inzet van dit instrument (gebeurtenis `instrument-ingezet`) heeft als "
            f"`resultaat` een {code(i.resultaat.__name__)} met deze velden:\n"
        )
        delen.append(resultaatvelden(i.resultaat))
    delen.append("\n</details>\n")
    return "\n".join(delen)


def _data(i: Instrument) -> str:
    return (
        f'data-fasen="{esc(" ".join(i.fasen))}" '
        f'data-leefgebieden="{esc(" ".join(i.leefgebieden))}" '
        f'data-aanbieder="{esc(i.aanbieder or "handboek")}"'
    )


def _per_soort(plekken: Iterable[tuple[str, str]]) -> str:
    """Places grouped by the soort of their bron, in order: ``keuze: Verdieping; afgeleid:
    Uitvoering, Afronding``; "–" for none."""
    groepen: dict[str, list[str]] = {}
    for naam, soort in plekken:
        groepen.setdefault(soort, []).append(naam)
    return "; ".join(f"{soort}: {', '.join(namen)}" for soort, namen in groepen.items()) or "–"


def instrumenten_index(m: Methodiek) -> str:
    """The catalogue: a filterable overview table of every instrument."""
    pad = "instrumenten/index.md"

    def keuzes(naam: str, label: str, opties: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in opties)
        return (
            f'<label>{label} <select data-filter="{naam}">'
            f'<option value="">alle</option>{opts}</select></label>'
        )

    aanbieders = [("handboek", "handboek")] + [(a.id, a.naam) for a in m.aanbieders]
    filter_html = (
        '<div class="ija-filter" markdown="0">'
        + keuzes("fasen", "Fase", [(f.id, f.naam) for f in m.fasen])
        + keuzes("leefgebieden", "Leefgebied", [(lg.id, lg.naam) for lg in m.leefgebieden])
        + keuzes("aanbieder", "Aanbieder", aanbieders)
        + '<span class="ija-filter__telling" aria-live="polite"></span></div>'
    )
    rijen = []
    for i in m.instrumenten:  # each placement with the soort of its bron, as in the data
        fasen = _per_soort((m.fase(p.id).naam, p.bron.soort)
                           for p in i.plaatsingen if p.soort == "fase")
        lp = [p for p in i.plaatsingen if p.soort == "leefgebied"]
        leefgebieden = (
            _per_soort([("alle", lp[0].bron.soort)])
            if set(i.leefgebieden) >= {lg.id for lg in m.leefgebieden}
            and len({p.bron.soort for p in lp}) == 1
            else _per_soort((m.leefgebied(p.id).naam, p.bron.soort) for p in lp)
        )
        aanbieder = m.aanbieder(i.aanbieder).naam if i.aanbieder else "handboek"
        rijen.append(
            f"<tr {_data(i)}>"
            f'<td><a href="{href(pad, pad_instrument(i.id))}">{esc(i.naam)}</a></td>'
            f"<td>{esc(_SOORT.get(i.soort, i.soort))}</td>"
            f"<td>{esc(fasen)}</td><td>{esc(leefgebieden)}</td>"
            f"<td>{esc(aanbieder)}</td></tr>"
        )
    tabel_html = (
        '<div class="ija-catalogus" markdown="0"><div class="md-typeset__table"><table>\n<thead><tr><th>Instrument</th><th>Soort</th>'
        "<th>Fasen</th><th>Leefgebieden</th><th>Aanbieder</th></tr></thead>\n<tbody>\n"
        + "\n".join(rijen)
        + "\n</tbody>\n</table></div></div>\n"
    )
    return (
        "# Instrumentencatalogus\n\n"
        f"De catalogus telt {len(m.instrumenten)} instrumenten: die uit het handboek en die "
        "welke aanbieders via hun plugin toevoegen. Kies hieronder een fase, leefgebied of "
        "aanbieder om de lijst te beperken. Fasen en leefgebieden staan gegroepeerd naar waar "
        "die plaatsing vandaan komt: handboek, afgeleid (uit het handboek), keuze (van "
        "ija-core), extern of aanbieder; de pagina van het instrument zegt waarom.\n\n"
        + filter_html
        + "\n\n"
        + tabel_html
    )


def per_fase(m: Methodiek) -> str:
    """The instrument × fase matrix: where the handbook places an instrument, where we suggest."""
    from ija_core.docs import _diagrams

    pad = "instrumenten/per-fase.md"
    return (
        "# Instrumenten per fase\n\n"
        "Welk instrument past in welke fase? Elk vak laat zien waar die plaatsing vandaan "
        "komt, zoals de legenda boven het schema uitlegt: het handboek zelf, afgeleid uit wat "
        "het handboek zegt, een suggestie van ija-core, of een aanbieder. Klik op een naam of "
        f"een vak voor de pagina van het instrument, met de toelichting per plaatsing. De hele lijst, met filters, staat in de "
        f"{link(pad, 'instrumenten/index.md', 'instrumentencatalogus')}.\n\n"
        + _diagrams.matrix(m, pad)
    )


# --- aanbieders and plugins ------------------------------------------------------------------


def aanbieder(m: Methodiek, aanbieder_id: str) -> str:
    """The page of one aanbieder: who they are, their methods and their contributions."""
    a = m.aanbieder(aanbieder_id)
    pad = pad_aanbieder(a.id)
    ontbreekt: list[str] = [] if a.beschrijving else ["wie de aanbieder is"]
    delen = [f"# {esc(a.naam)}\n"] + ([esc(a.beschrijving) + "\n"] if a.beschrijving else [])
    if a.website:
        if _WEBADRES.fullmatch(a.website):
            delen.append(f'Website: <a href="{esc(a.website)}">{esc(a.website)}</a>\n')
        else:  # not an http(s) address: shown, never linked
            delen.append(f"Website: {esc(a.website)}\n")
    plugins = m.bijgedragen_door("aanbieder", a.id)
    if a.methoden:
        delen.append("## Methoden\n")
    else:
        ontbreekt.append("welke eigen methoden de aanbieder meebrengt")
    for mt in a.methoden:
        delen.append(f"### {esc(mt.naam)}\n")
        if mt.beschrijving:
            delen.append(esc(mt.beschrijving) + "\n")
        else:
            ontbreekt.append(f"een beschrijving van {esc(mt.naam)}")
        if mt.principes:
            delen.append("**Principes:**\n\n" + opsomming(esc(p) for p in mt.principes))
        if mt.stappen:
            delen.append(
                "**Stappen:**\n\n" + "".join(f"{n}. {esc(s)}\n" for n, s in enumerate(mt.stappen, 1))
            )
        bronvermelding = getattr(mt, "bronvermelding", None) or getattr(mt, "bron", None)
        if bronvermelding:
            delen.append(f"Bron: {esc(bronvermelding)}\n")
    delen.append("## Instrumenten\n")
    eigen = m.instrumenten_voor(aanbieder=a.id)
    delen.append(
        opsomming(f"{link(pad, pad_instrument(i.id), i.naam)} — {esc(i.samenvatting)}" for i in eigen)
        or "*Geen eigen instrumenten.*\n"
    )
    normen = [n for n in m.normen if n.aanbieder == a.id]
    if normen:
        delen.append("## Eigen servicenormen\n")
        delen.append(
            opsomming(f"[{esc(n.naam)}]({rel(pad, 'normen.md')}#{anker_id(n.id)})" for n in normen)
        )
    regels = [r for r in m.overgangsregels if r.aanbieder == a.id
              or (set(m.bijgedragen_door("overgangsregel", r.id)) & set(plugins))]
    if regels:
        delen.append("## Eigen regels bij faseovergangen\n")
        delen.append(opsomming(
            (f"**{esc(r.naam)}**: " if getattr(r, "naam", None) else "") + esc(r.uitleg)
            for r in regels
        ))
    paginas = [(p, d) for p, d in m.docs_paginas if p in plugins]
    if paginas:
        delen.append("## Meer van deze aanbieder\n")
        delen.append(
            opsomming(link(pad, pad_plugin_pagina(p, d.pad), d.titel) for p, d in paginas)
        )
    if ontbreekt:
        delen.append(
            f"\n*Nog niet beschreven door {esc(a.naam)}: " + "; ".join(ontbreekt) + ".*\n"
        )
    techniek = (
        [f"**Id:** {code(a.id)}", f"**Geleverd door plugin:** {esc(', '.join(plugins) or 'onbekend')}"]
        + [f"**Norm:** {code(n.id)} ({esc(n.naam)})" for n in normen]
        + [f"**Regel:** {code(r.id)}" for r in regels]
    )
    delen.append('<details class="ija-techniek" markdown="1">\n'
                 "<summary>Voor ontwikkelaars: ids en plugin</summary>\n\n"
                 + opsomming(techniek) + "\n</details>\n")
    return "\n".join(delen)


_PLUGINSTATUS = {
    "builtin": "ingebouwd",
    "loaded": "geladen",
    "failed": "mislukt",
    "disabled": "uitgeschakeld",
}


def aanbieders_index(m: Methodiek, *, gids: bool = True) -> str:
    """The overview of the aanbieders and of every plugin the site was built with.

    ``gids``: whether the hand-written plugin guide (``plugins-schrijven.md``) is in the site.
    """
    pad = "aanbieders/index.md"
    delen = [
        "# Aanbieders\n",
        "De IJA wordt uitgevoerd door meerdere aanbieders. Elke aanbieder brengt eigen "
        "methoden mee en kan via een plugin instrumenten, normen, regels en pagina's "
        "toevoegen."
        + (f" Hoe dat werkt staat in {link(pad, 'plugins-schrijven.md', 'Een plugin schrijven')}."
           if gids else "")
        + "\n",
    ]
    delen.append(
        tabel(
            ("Aanbieder", "Methoden", "Instrumenten"),
            [
                (link(pad, pad_aanbieder(a.id), a.naam),
                 ", ".join(esc(mt.naam) for mt in a.methoden) or "–",
                 str(len(m.instrumenten_voor(aanbieder=a.id))))
                for a in m.aanbieders
            ],
        )
        if m.aanbieders
        else "*Er is geen plugin van een aanbieder geïnstalleerd.*\n"
    )
    delen.append('\n<details class="ija-techniek" markdown="1">\n'
                 "<summary>Voor ontwikkelaars: de plugins in deze site</summary>\n")
    delen.append(
        tabel(
            ("Plugin", "Pakket", "Versie", "Status", "Bijdragen"),
            [
                (esc(p.name), esc(p.distribution or "–"), esc(p.version or "–"),
                 _PLUGINSTATUS.get(p.status, p.status) + (f": {esc(p.error)}" if p.error else ""),
                 str(len(p.contributions)))
                for p in m.plugins
            ],
        )
        + "\n</details>\n"
    )
    return "\n".join(delen)


def plugin_pagina(plugin: str, pagina: DocsPagina) -> str:
    """A page a plugin contributes, headed by its ``titel`` (a first ``# ...`` line gives way).

    The body is the plugin's own Markdown; the build cleans its rendered HTML with ``nh3``
    (``_sanitize``), because only there do raw HTML and attribute lists become visible.
    """
    inhoud = pagina.inhoud.strip()
    if inhoud.startswith("# "):
        inhoud = inhoud.partition("\n")[2].strip()
    return (
        f"# {esc(pagina.titel)}\n\n{inhoud}\n\n---\n\n"
        f"*Deze pagina komt uit de plugin {esc(plugin)}.*\n"
    )
