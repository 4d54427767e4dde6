"""The methodiek site: generated pages, the offline build, and ``ija docs``.

Fast tests check the generated Markdown; the ones marked ``slow`` build the whole site with
mkdocs in strict mode (from the installed package alone: no npm, nothing downloaded). Ids of rules, norms
and hooks are read from the code, so the checks grow with the code.
"""

from __future__ import annotations

import html
import html.parser
import math
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ija_core as ija
from ija_core import hookspecs
from ija_core.cli import main
from ija_core.docs import MARKERING, SiteFout, UitmapFout, bouw_site, genereer_paginas
from ija_core.docs._markdown import (
    esc,
    pad_aanbieder,
    pad_fase,
    pad_instrument,
    pad_leefgebied,
    pad_plugin_pagina,
    pad_thema,
)
from ija_core.docs._sanitize import schoon_html
from ija_core.phases import rules
from vijandig import ALLE, PLUGIN_NAAM, VijandigePlugin

# --- a test plugin that contributes one of everything ----------------------------------------


@attrs.frozen(kw_only=True)
class Proefresultaat:
    """What one use of the test instrument records.

    Attributes:
        score: a whole number.
        notitie: free text, optional.
    """

    score: int
    notitie: str | None = None


class Proefplugin:
    """A plugin with an aanbieder, a typed instrument, a norm, a guard and a docs page."""

    IJA_PLUGIN_NAAM = "proeforganisatie"

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder:
        return ija.Aanbieder(
            id="proef",
            naam="Proef Organisatie",
            methoden=(ija.Methode(id="proef:onbeschreven", naam="Onbeschreven methode"),),
        )

    @ija.hookimpl
    def ija_instrumenten(self) -> list[ija.Instrument]:
        return [
            ija.Instrument(
                id="proef:meetlat",
                naam="Proefmeetlat",
                soort="meetinstrument",
                samenvatting="Een instrument dat alleen in de tests bestaat.",
                beschrijving="Meet iets denkbeeldigs op een schaal.",
                fasen=("verdieping",),
                leefgebieden=("werk",),
                aanbieder="proef",
                resultaat=Proefresultaat,
            )
        ]

    @ija.hookimpl
    def ija_normen(self) -> list[ija.Norm]:
        return [
            ija.Norm(
                id="proef:binnen-3-dagen",
                naam="Proefnorm",
                uitleg="Binnen drie dagen na aanmelding een kennismaking.",
                anker="aanmelding",
                dagen=3,
                voldaan_door=(ija.Voorwaarde(soort="kennismaking"),),
                aanbieder="proef",
                bron="aanbieder",
            )
        ]

    @ija.hookimpl
    def ija_overgangsregels(self) -> list[ija.Overgangsregel]:
        return [
            ija.Overgangsregel(
                id="proef:altijd-goed",
                naam="Proefregel",
                uitleg="Een regel die nooit weigert.",
                toets=lambda _t, _naar: None,
                naar=("uitvoering",),
                aanbieder="proef",
            )
        ]

    @ija.hookimpl
    def ija_docs_paginas(self) -> list[ija.DocsPagina]:
        return [ija.DocsPagina(pad="over-proef.md", titel="Over Proef", inhoud="Proeftekst.")]


@pytest.fixture(scope="module")
def mp() -> ija.Methodiek:
    """The handbook plus the test plugin, without installed plugins."""
    return ija.load_methodiek(plugins=[Proefplugin()], entrypoints=False)


def _paden(m: ija.Methodiek) -> list[str]:
    return (
        [pad_fase(f.id) for f in m.fasen]
        + [pad_leefgebied(lg.id) for lg in m.leefgebieden]
        + [pad_thema(t.id) for t in m.themas]
        + [pad_instrument(i.id) for i in m.instrumenten]
        + [pad_aanbieder(a.id) for a in m.aanbieders]
        + [pad_plugin_pagina(p, d.pad) for p, d in m.docs_paginas]
    )


def _ids(m: ija.Methodiek) -> list[str]:
    """Every id the docs must show: rules, plugin guards, norms and hooks."""
    return (
        [r.id for r in rules.ALLE_REGELS]
        + [r.id for r in m.overgangsregels]
        + [n.id for n in m.normen]
        + list(hookspecs.HOOKS)
    )


# --- generated pages (fast) ------------------------------------------------------------------


def _leesbaar(m: ija.Methodiek) -> dict[str, str]:
    """The generated pages with the character references of ``esc`` turned back into text."""
    return {pad: html.unescape(tekst) for pad, tekst in genereer_paginas(m).paginas.items()}


def test_a_page_for_every_fase_leefgebied_thema_instrument_aanbieder_and_plugin_page(
    mp: ija.Methodiek,
) -> None:
    paginas = genereer_paginas(mp).paginas
    assert "instrumenten/proef/meetlat.md" in paginas
    ontbrekend = [p for p in _paden(mp) if p not in paginas]
    assert not ontbrekend


def test_every_rule_norm_and_hook_id_is_in_the_generated_pages(mp: ija.Methodiek) -> None:
    alles = "\n".join(_leesbaar(mp).values())
    ontbrekend = [i for i in _ids(mp) if i not in alles]
    assert not ontbrekend


def test_rules_are_quoted_from_the_engine(mp: ija.Methodiek) -> None:
    """The explanation on the pages is the rule object's own text, not a copy."""
    pagina = _leesbaar(mp)["ontwikkelaars/regels-en-normen.md"]
    for regel in rules.ALLE_REGELS:
        assert " ".join(regel.uitleg.split()) in pagina


def test_fase_page_shows_steps_roles_instruments_and_guarding_rules(mp: ija.Methodiek) -> None:
    pagina = _leesbaar(mp)["fasen/uitvoering.md"]
    fase = mp.fase("uitvoering")
    for stap in fase.stappen:
        assert stap.naam in pagina
    for rv in fase.rolverwachtingen:
        assert mp.rol(rv.rol).naam in pagina
    for instrument in mp.instrumenten_voor(fase="uitvoering"):
        assert instrument.naam in pagina
    plan = next(r for r in rules.ALLE_REGELS if r.id == "plan-voor-uitvoering")
    assert " ".join(plan.uitleg.split()) in pagina  # guards entering uitvoering
    assert "Een regel die nooit weigert." in pagina  # the plugin's guard on uitvoering
    assert "proef:altijd-goed" not in pagina  # ids are for the developer pages
    assert 'aria-labelledby="ija-route-uitvoering-titel' in pagina  # the route, this fase marked
    assert " ".join(plan.uitleg.split()) not in _leesbaar(mp)["fasen/vertrouwen.md"]


def test_home_has_the_timeline_with_streefduur_and_norms(mp: ija.Methodiek) -> None:
    pagina = _leesbaar(mp)["index.md"]
    assert "<svg" in pagina
    assert "mermaid" not in pagina
    for fase in mp.fasen:
        assert f"{fase.nummer}. {fase.naam}" in pagina
    assert [f.streefduur for f in mp.fasen] == [timedelta(weeks=w) for w in (4, 8, 16, 3)]
    assert "Intake binnen 6 weken" in pagina


def test_unknown_facts_are_said_once_not_per_cell(mp: ija.Methodiek) -> None:
    paginas = _leesbaar(mp)
    instrument = paginas["instrumenten/proef/meetlat.md"]
    assert instrument.count("Nog niet bekend:") == 1  # no herkomst, no erkenning: said once
    assert "wie het ontwikkelde" in instrument
    assert not [p for p, t in paginas.items() if "nog aan te vullen" in t.lower()]
    assert "<code>score</code>" in instrument
    assert "geheel getal" in instrument
    assert "proeforganisatie" in instrument  # which plugin supplies it
    aanbieder = paginas["aanbieders/proef.md"]
    assert aanbieder.count("Nog niet beschreven door Proef Organisatie") == 1
    assert "Onbeschreven methode" in aanbieder
    assert "Proefmeetlat" in aanbieder
    assert "Over Proef" in aanbieder


def test_technical_facts_on_instrument_pages_sit_in_a_closed_box(mp: ija.Methodiek) -> None:
    """Ids, plugins and result fields are for developers: inside <details>, never outside."""
    for i in mp.instrumenten:
        pagina = genereer_paginas(mp).paginas[pad_instrument(i.id)]
        buiten, _, binnen = pagina.partition('<details class="ija-techniek"')
        assert binnen, i.id
        if ":" in i.id:  # a plugin id
            assert i.id not in html.unescape(buiten), i.id
        for woord in ("Soort waarde", "plugin", "instrument-ingezet", "<code>"):
            assert woord not in buiten, (i.id, woord)


def test_suggestions_are_marked_once_per_page_and_kept_apart(mp: ija.Methodiek) -> None:
    paginas = _leesbaar(mp)
    for pad, tekst in paginas.items():
        assert tekst.count("(suggestie)") == 0, pad
    leefgebied = paginas["leefgebieden/sociaal-netwerk.md"]
    hand, _, suggestie = leefgebied.partition("als suggestie van ija-core")
    assert "Het handboek plaatst hier:" in hand
    jim = mp.instrument("jim")
    assert jim.plaatsing == "handboek"
    assert jim.naam in hand
    assert jim.naam not in suggestie
    assert leefgebied.count("als suggestie van ija-core") == 1


def test_suggested_placement_is_marked_as_such(mp: ija.Methodiek) -> None:
    gesuggereerd = [i for i in mp.instrumenten if i.plaatsing == "suggestie"]
    assert gesuggereerd, "the handbook catalogue has suggested placements"
    pagina = _leesbaar(mp)[pad_instrument(gesuggereerd[0].id)]
    waar = pagina.partition("## Waar het past")[2].partition("## Achtergrond")[0]
    plek = gesuggereerd[0].plaatsingen[0]
    assert plek.bron.soort == "keuze"
    assert f"keuze van ija-core: {plek.bron.toelichting}" in waar
    assert "handboek:" not in waar


def test_catalogue_rows_carry_the_filter_data(mp: ija.Methodiek) -> None:
    pagina = genereer_paginas(mp).paginas["instrumenten/index.md"]
    rijen = re.findall(r"<tr data-fasen=\"([^\"]*)\"", pagina)
    assert len(rijen) == len(mp.instrumenten)
    assert 'data-aanbieder="proef"' in pagina


def test_plugin_pages_and_hand_written_pages_are_in_the_navigation(mp: ija.Methodiek) -> None:
    nav = genereer_paginas(mp, ["plugins-schrijven.md", "extra/notitie.md"]).nav

    def alle(items: Iterable[object]) -> Iterable[str]:
        for item in items:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                for waarde in item.values():
                    yield from alle([waarde] if isinstance(waarde, str) else waarde)

    paden = set(alle(nav))
    assert {"extra/notitie.md", "plugins/proeforganisatie/over-proef.md"} <= paden
    assert set(_paden(mp)) <= paden


def test_glossary_explains_the_abbreviations_and_every_page_gets_them(mp: ija.Methodiek) -> None:
    from ija_core.docs._glossary import AFKORTINGEN, abbr_definities

    paginas = _leesbaar(mp)
    begrippen = paginas["begrippen.md"]
    for afkorting in ("PGA", "SISA", "LIRIK", "JIM", "LVB", "ZRM"):
        assert any(a == afkorting for a, _, _ in AFKORTINGEN)
        assert f"\n{afkorting}\n:   **" in begrippen
    assert "*[LIRIK]: Licht Instrument Risicotaxatie Kindveiligheid" in abbr_definities()


def test_developer_pages_are_reachable_but_not_a_tab_of_the_trainers_navigation(
    mp: ija.Methodiek,
) -> None:
    """No "Ontwikkelaars" tab: the developers' start page is linked from the home page, and
    lists the plugin guide and every generated developer page."""
    paginas = genereer_paginas(mp, ["plugins-schrijven.md", "ontwikkelaars/snelstart.md"])
    boven = [next(iter(item)) if isinstance(item, dict) else item for item in paginas.nav]
    assert boven[:3] == ["Start", "Methodiek", "Voor trainers"]
    assert not any("ontwikkel" in str(b).lower() for b in boven)
    assert "ontwikkelaars/" not in repr(paginas.nav)
    assert "plugins-schrijven.md" not in repr(paginas.nav)
    assert "(ontwikkelaars/index.md)" in paginas.paginas["index.md"]
    index = paginas.paginas["ontwikkelaars/index.md"]
    for doel in ("../plugins-schrijven.md", "snelstart.md", "api.md", "hooks.md",
                 "gebeurtenissen.md", "regels-en-normen.md"):
        assert f"]({doel})" in index


# --- trainer pages speak to trainers -------------------------------------------------------

_PLAATSHOUDERS = ("nog aan te vullen", "todo", "(suggestie)", "tbd", "lorem")


def _voor_trainers(pad: str) -> bool:
    return not pad.startswith(("ontwikkelaars/", "plugins/"))


def test_trainer_pages_show_no_ids_event_types_or_placeholders() -> None:
    """Outside the closed 'Voor ontwikkelaars' boxes: no code, ids, or placeholder text."""
    m = ija.load_methodiek(plugins=[Proefplugin(), *_bundled_plugins()], entrypoints=False)
    ids = sorted(
        {r.id for r in rules.ALLE_REGELS} | {r.id for r in m.overgangsregels}
        | {n.id for n in m.normen} | {i.id for i in m.instrumenten if ":" in i.id},
        key=len, reverse=True,
    )
    soorten = {v.soort for n in m.normen for v in n.voldaan_door if "-" in v.soort}
    fout = []
    for pad, tekst in genereer_paginas(m).paginas.items():
        if not _voor_trainers(pad):
            continue
        zichtbaar = re.sub(r'<details class="ija-techniek".*?</details>', "", tekst, flags=re.S)
        leesbaar = html.unescape(zichtbaar)
        fout += [f"{pad}: <code>" for _ in range(1) if "<code>" in zichtbaar]
        fout += [f"{pad}: {w}" for w in _PLAATSHOUDERS if w in leesbaar.lower()]
        fout += [f"{pad}: {i}" for i in ids
                 if re.search(rf"(?<![\w/#-]){re.escape(i)}(?![\w-])", leesbaar)]
        fout += [f"{pad}: {s}" for s in soorten if f"`{s}`" in leesbaar]
    assert not fout


def test_norms_page_in_words_with_the_technical_facts_in_a_closed_box(mp: ija.Methodiek) -> None:
    pagina = genereer_paginas(mp).paginas["normen.md"]
    norm = next(n for n in mp.normen if n.id == "contact-na-melding-24-uur")
    blok = pagina.partition(norm.naam + " {")[2].partition("</details>")[0]
    zichtbaar, _, techniek = blok.partition('<details class="ija-techniek"')
    assert "elke melding" in zichtbaar
    assert "contactpoging gelukt" in zichtbaar
    assert "<code>" not in zichtbaar
    assert f"<code>{norm.id}</code>" in html.unescape(techniek)
    assert "<code>contactpoging</code>" in techniek


def test_aanbieder_page_keeps_plugin_and_ids_in_the_box() -> None:
    m = ija.load_methodiek(plugins=_bundled_plugins(), entrypoints=False)
    pagina = html.unescape(genereer_paginas(m).paginas["aanbieders/joz.md"])
    zichtbaar, _, techniek = pagina.partition('<details class="ija-techniek"')
    assert "Hulp start binnen 48 uur" in zichtbaar
    assert "joz:start-binnen-48-uur" not in zichtbaar
    assert "<code>joz:start-binnen-48-uur</code>" in techniek
    assert "Geleverd door plugin" in techniek


# --- for trainers: handouts and the whole methodiek ------------------------------------------


def test_a_handout_per_fase_with_doel_steps_roles_kernbegrippen_and_questions(
    mp: ija.Methodiek,
) -> None:
    from ija_core.docs._trainers_paginas import EIGEN_MATERIAAL, pad_handout, reflectievragen

    paginas = _leesbaar(mp)
    nav = genereer_paginas(mp).nav
    trainers = next(i["Voor trainers"] for i in nav if isinstance(i, dict) and "Voor trainers" in i)
    for f in mp.fasen:
        pad = pad_handout(f.id)
        assert {f"Handout fase {f.nummer}: {f.naam}": pad} in trainers
        pagina = paginas[pad]
        assert " ".join(f.doel.split()) in pagina
        for stap in f.stappen:
            assert stap.naam in pagina
        for k in f.kernbegrippen:
            assert k in pagina
        for rv in f.rolverwachtingen:
            assert mp.rol(rv.rol).naam in pagina
            for verwachting in rv.verwachtingen:
                assert " ".join(verwachting.split()) in pagina
        vragen = reflectievragen(mp, f.id)
        assert len(vragen) >= 3
        for v in vragen:
            assert v.vraag in pagina
        assert pagina.count(EIGEN_MATERIAAL) == 1  # said once: they are not the handbook's
        assert f'aria-labelledby="ija-route-{f.id}-titel' in pagina  # this fase highlighted
        assert "<code>" not in pagina  # no ids on a trainer page
        assert "{: .ija-alleen-scherm }" in pagina  # the print hint is not printed


def test_home_leads_trainers_to_their_section_and_every_picture_has_a_narrow_drawing(
    mp: ija.Methodiek,
) -> None:
    paginas = genereer_paginas(mp).paginas
    assert "](trainers/index.md)" in paginas["index.md"]
    for pad, tekst in paginas.items():  # every picture: a wide and a narrow drawing, both labelled
        figuren = re.findall(r"<figure class=\"([^\"]+)\">(.*?)</figure>", tekst, re.S)
        for klasse, inhoud in figuren:
            assert "ija-figuur--twee" in klasse, (pad, klasse)
            assert inhoud.count('<svg class="ija-svg ija-svg--breed"') == 1, (pad, klasse)
            assert inhoud.count('<svg class="ija-svg ija-svg--smal"') == 1, (pad, klasse)
            smal = re.search(r'<svg class="ija-svg ija-svg--smal" viewBox="0 0 (\d+) ', inhoud)
            assert smal, (pad, klasse)
            assert int(smal.group(1)) <= 358, (pad, klasse)  # fits a 390 px phone
            ids = re.findall(r'aria-labelledby="([^"]+)"', inhoud)
            assert len({i for s in ids for i in s.split()}) == 4, (pad, ids)
    css = (Path(ija.__file__).parent / "docs" / "assets" / "extra.css").read_text(encoding="utf-8")
    assert re.search(r"@container \(max-width: 639px\) \{\s*\.md-typeset \.ija-figuur--twee "
                     r"\.ija-svg--breed \{\s*display: none", css)
    assert "min-width" not in css.split("/* Pictures")[1].split("/* Trainers")[0]


def test_the_narrow_matrix_repeats_the_legend_of_the_wide_one(mp: ija.Methodiek) -> None:
    from ija_core.docs import _diagrams

    figuur = _diagrams.matrix(mp, "instrumenten/per-fase.md")
    breed, smal = figuur.split('<svg class="ija-svg ija-svg--smal"')

    def woorden(svg: str, x: str) -> str:
        return " ".join(re.findall(rf'<text x="{x}[^>]*>([^<]*)</text>', svg))

    legenda = woorden(breed, "32.0")
    assert legenda
    assert " ".join(woorden(smal, "32").split()) == " ".join(legenda.split())
    assert smal.count("ija-svg__cel--") == breed.count("ija-svg__cel--")


def test_every_reflection_question_points_at_a_real_principle_and_kernwaarde(
    mp: ija.Methodiek,
) -> None:
    from ija_core.docs._trainers_paginas import REFLECTIEVRAGEN, reflectievragen

    assert set(REFLECTIEVRAGEN) == {f.id for f in mp.fasen}
    for fase_id, vragen in REFLECTIEVRAGEN.items():
        assert reflectievragen(mp, fase_id) == list(vragen)  # none dropped as unknown
        assert all(v.principes or v.kernwaarden for v in vragen)
    pagina = _leesbaar(mp)["trainers/handout-uitvoering.md"]
    principe = next(p for p in mp.principes if p.nummer == 5)
    assert f'principe 5<span class="ija-alleen-scherm"> ({principe.naam.rstrip(".")})' in pagina
    assert "[kernwaarde Veiligheid](../kernwaarden.md#veiligheid)" in pagina


def test_a_question_about_a_missing_principle_is_left_out() -> None:
    from ija_core.docs import _trainers_paginas as tr

    m = ija.load_methodiek(entrypoints=False)
    vragen = tr.REFLECTIEVRAGEN["vertrouwen"]
    anders = {**tr.REFLECTIEVRAGEN, "vertrouwen": (*vragen, tr.Reflectievraag("?", (99,), ()))}
    oud = tr.REFLECTIEVRAGEN
    try:
        tr.REFLECTIEVRAGEN = anders
        assert tr.reflectievragen(m, "vertrouwen") == list(vragen)
    finally:
        tr.REFLECTIEVRAGEN = oud


def test_the_whole_methodiek_on_one_page(mp: ija.Methodiek) -> None:
    from ija_core.docs._trainers_paginas import HELE_METHODIEK

    pagina = _leesbaar(mp)[HELE_METHODIEK]
    for f in mp.fasen:
        assert f"Fase {f.nummer}: {f.volledige_naam} {{ .ija-nieuw-blad }}" in pagina
        assert " ".join(f.doel.split()) in pagina
    for groep in (mp.leefgebieden, mp.themas, mp.kernwaarden, mp.instrumenten):
        for item in groep:
            assert item.naam in pagina, item.naam
    for p in mp.principes:
        assert p.naam in pagina
    for n in mp.normen:
        assert (n.naam in pagina) == (n.aanbieder is None)  # the handbook's norms
    assert "<code>" not in pagina
    assert "(suggestie)" not in pagina
    gesuggereerd = next(i for i in mp.instrumenten if i.plaatsing == "suggestie")
    rij = next(r for r in pagina.splitlines() if f"[{gesuggereerd.naam}](" in r)
    for p in gesuggereerd.plaatsingen:  # each fase names the soort of its placement
        if p.soort == "fase":
            assert f"{mp.fase(p.id).naam} *({p.bron.soort})*" in rij.split(" | ")[1]


def test_print_css_starts_sections_on_a_new_sheet_and_hides_screen_hints() -> None:
    from ija_core.docs.bouw import PAKKETMAP

    css = (PAKKETMAP / "assets" / "print.css").read_text(encoding="utf-8")
    druk = css.partition("@media print")[2]
    assert re.search(r"h2\.ija-nieuw-blad \{[^}]*break-before: page", druk)
    assert re.search(r"\.ija-alleen-scherm,[^{]*\{[^}]*display: none", druk)
    assert re.search(r"\.ija-blok \{[^}]*break-inside: avoid", druk)


def test_print_is_a4() -> None:
    from ija_core.docs.bouw import PAKKETMAP

    assert "size: A4" in (PAKKETMAP / "assets" / "print.css").read_text(encoding="utf-8")


# --- the built site (slow) -------------------------------------------------------------------


def _bundled_plugins() -> list[object]:
    """The plugins in this repository (plugins/*), imported from their source folders."""
    import importlib
    import tomllib

    modules: list[object] = []
    for pyproject in sorted(Path(__file__).parents[1].glob("plugins/*/pyproject.toml")):
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        for doel in data.get("project", {}).get("entry-points", {}).get("ija_core", {}).values():
            src = str(pyproject.parent / "src")
            if src not in sys.path:
                sys.path.insert(0, src)
            modules.append(importlib.import_module(doel.split(":")[0]))
    return modules


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ija.Methodiek]:
    """The site built strictly from the handbook, the bundled plugins and the test plugin."""
    m = ija.load_methodiek(plugins=[Proefplugin(), *_bundled_plugins()], entrypoints=False)
    uit = tmp_path_factory.mktemp("docs") / "site"
    resultaat = bouw_site(uit, methodiek=m, strict=True)
    assert resultaat.waarschuwingen == ()
    return uit, m


@pytest.mark.slow
def test_every_page_is_built(site: tuple[Path, ija.Methodiek]) -> None:
    uit, m = site
    ontbrekend = [p for p in _paden(m) if not (uit / p.replace(".md", ".html")).is_file()]
    assert not ontbrekend
    assert (uit / "plugins-schrijven.html").is_file()
    assert (uit / "ontwikkelaars" / "snelstart.html").is_file()
    assert (uit / "search" / "search_index.js").is_file()  # offline search


@pytest.mark.slow
def test_abbreviations_explained_on_pages_and_developer_pages_weigh_less_in_search(
    site: tuple[Path, ija.Methodiek],
) -> None:
    import json

    uit, _ = site
    fase = (uit / "fasen" / "uitvoering.html").read_text(encoding="utf-8")
    assert '<abbr title="licht verstandelijke beperking">LVB</abbr>' in fase
    assert f"Gemaakt met ija-core {ija.__version__}" in fase or "Gemaakt met ija-core" in fase
    assert "md-footer__link--prev" in fase  # previous/next links
    assert "md-footer__link--next" in fase
    index = json.loads((uit / "search" / "search_index.json").read_text(encoding="utf-8"))
    gewicht = {d["location"].split("#")[0]: d.get("boost", 1) for d in index["docs"]}
    assert gewicht["ontwikkelaars/snelstart.html"] < 1
    assert gewicht["plugins-schrijven.html"] < 1
    assert gewicht["fasen/verdieping.html"] == 1


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        for naam, waarde in attrs_:
            if naam in {"href", "src"} and waarde:
                self.urls.append(waarde)


@pytest.mark.slow
def test_the_404_page_works_from_a_folder(site: tuple[Path, ija.Methodiek]) -> None:
    """Every link of 404.html is relative and leads to a file of the site (file:// works)."""
    uit, _ = site
    tekst = (uit / "404.html").read_text(encoding="utf-8")
    assert "Deze pagina bestaat niet" in tekst  # Dutch, like the rest of the site
    assert '"base": "."' in tekst  # search finds its index next to the page
    assert re.search(r'"search": "assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"', tekst)
    lezer = _Links()
    lezer.feed(tekst)
    lokaal = [u for u in lezer.urls if not u.startswith(("http://", "https://", "#", "data:"))]
    assert any(u.startswith("assets/") for u in lokaal)
    assert not [u for u in lokaal if u.startswith("/")]
    kapot = [u for u in lokaal if not (uit / u.split("#")[0].split("?")[0]).is_file()]
    assert not kapot


def test_the_404_fix_makes_root_links_relative_and_leaves_others(tmp_path: Path) -> None:
    from ija_core.docs.bouw import _maak_404_relatief

    (tmp_path / "404.html").write_text(
        '<link href="/assets/a.css"> <script src="/assets/b.js"></script> '
        '<a href="//elders.example/x">x</a> <a href="https://example.org/">y</a> '
        '{"base": "/", "search": "/assets/w.js"}',
        encoding="utf-8",
    )
    assert _maak_404_relatief(tmp_path) == 4
    tekst = (tmp_path / "404.html").read_text(encoding="utf-8")
    assert 'href="assets/a.css"' in tekst
    assert 'src="assets/b.js"' in tekst
    assert 'href="//elders.example/x"' in tekst
    assert '"base": "."' in tekst
    assert '"search": "assets/w.js"' in tekst
    assert _maak_404_relatief(tmp_path / "leeg") == 0


@pytest.mark.slow
def test_pages_have_previous_and_next_links(site: tuple[Path, ija.Methodiek]) -> None:
    uit, m = site
    eerste = m.fasen[0]
    handout = (uit / "trainers" / f"handout-{eerste.id}.html").read_text(encoding="utf-8")
    assert "md-footer__link--prev" in handout
    volgende = re.search(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"',
                         handout)
    assert volgende is not None
    assert volgende.group(1) == f"handout-{m.fasen[1].id}.html"


@pytest.mark.slow
def test_every_rule_norm_and_hook_id_appears_in_the_built_site(
    site: tuple[Path, ija.Methodiek],
) -> None:
    uit, m = site
    tekst = "\n".join(p.read_text(encoding="utf-8") for p in uit.rglob("*.html"))
    ontbrekend = [i for i in _ids(m) if i not in tekst]
    assert not ontbrekend


@pytest.mark.slow
def test_api_reference_documents_the_public_names(site: tuple[Path, ija.Methodiek]) -> None:
    uit, _ = site
    api = (uit / "ontwikkelaars" / "api.html").read_text(encoding="utf-8")
    for naam in ("load_methodiek", "Methodiek", "Instrument", "RegelOvertreding"):
        assert f'id="ija_core.{naam}"' in api
    for naam in ("open", "Opslag", "Stroominfo", "FeedItem", "InDeToekomst"):
        assert f'id="ija_core.opslag.{naam}"' in api


@pytest.mark.slow
def test_api_reference_lists_every_public_member_of_toestand(
    site: tuple[Path, ija.Methodiek],
) -> None:
    """A rule's check reads a Toestand: the reference shows all of it, not only what has a
    docstring by accident (mkdocstrings drops members without one)."""
    uit, _ = site
    api = (uit / "ontwikkelaars" / "api.html").read_text(encoding="utf-8")
    leden = sorted(n for n in vars(ija.Toestand) if not n.startswith("_"))
    assert len(leden) >= 18
    assert [n for n in leden if f'id="ija_core.Toestand.{n}"' not in api] == []


@pytest.mark.slow
def test_every_page_links_the_print_stylesheet(site: tuple[Path, ija.Methodiek]) -> None:
    uit, _ = site
    zonder = [
        p for p in uit.rglob("*.html")
        if "assets/ija/print.css" not in p.read_text(encoding="utf-8")
    ]
    assert not zonder
    assert "@media print" in (uit / "assets" / "ija" / "print.css").read_text(encoding="utf-8")


# --- no asset from an outside host -----------------------------------------------------------

_BUITEN = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
_CDN_HOSTS = (
    "unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com", "fonts.googleapis.com",
    "fonts.gstatic.com", "ajax.googleapis.com", "code.jquery.com", "esm.sh", "cdn.skypack.dev",
    "polyfill.io", "kroki.io", "use.fontawesome.com",
)
_ASSET_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "embed": ("src",), "object": ("data",), "track": ("src",), "input": ("src",),
}
_LINK_RELS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "prefetch",
              "preconnect", "dns-prefetch", "manifest", "apple-touch-icon", "mask-icon"}


class _Assets(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs_}
        if tag == "link" and _LINK_RELS & set(a.get("rel", "").lower().split()):
            self.urls.append(a.get("href", ""))
        for naam in _ASSET_ATTRS.get(tag, ()):
            if naam == "srcset":
                self.urls += [d.strip().split(" ")[0] for d in a.get(naam, "").split(",") if d.strip()]
            elif naam in a:
                self.urls.append(a[naam])
        if "style" in a:
            self.urls += _css_urls(a["style"])


def _css_urls(css: str) -> list[str]:
    return re.findall(r"url\(\s*['\"]?([^'\")\s]+)", css) + re.findall(
        r"@import\s+['\"]([^'\"]+)", css
    )


_JS_LADEN = re.compile(
    r"""(?:importScripts|import|fetch|\.src\s*=|setAttribute\(\s*["']src["']\s*,)\s*\(?\s*"""
    r"""["'`]((?:https?:)?//[^"'`]+)""",
)


def buitenassets(uit: Path) -> list[str]:
    """Every asset in the built site that would be fetched from another host."""
    gevonden: list[str] = []
    for pad in uit.rglob("*"):
        if pad.suffix == ".html":
            parser = _Assets()
            tekst = pad.read_text(encoding="utf-8")
            parser.feed(tekst)
            parser.urls += [u for s in re.findall(r"<style[^>]*>(.*?)</style>", tekst, re.S)
                            for u in _css_urls(s)]
            gevonden += [f"{pad.relative_to(uit)}: {u}" for u in parser.urls if _BUITEN.match(u)]
        elif pad.suffix == ".css":
            tekst = pad.read_text(encoding="utf-8")
            gevonden += [f"{pad.relative_to(uit)}: {u}" for u in _css_urls(tekst) if _BUITEN.match(u)]
        elif pad.suffix == ".js":
            tekst = pad.read_text(encoding="utf-8")
            gevonden += [f"{pad.relative_to(uit)}: {u}" for u in _JS_LADEN.findall(tekst)]
            gevonden += [
                f"{pad.relative_to(uit)}: {host}"
                for host in _CDN_HOSTS
                if re.search(rf"(?:https?:)?//{re.escape(host)}", tekst)
            ]
    return gevonden


def test_the_asset_check_catches_outside_assets(tmp_path: Path) -> None:
    """The checker itself: it finds CDN scripts, fonts, iframes and CSS imports, not links."""
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<iframe src="//example.org/x"></iframe><img srcset="lokaal.png 1x, https://x.nl/b.png 2x">'
        '<a href="https://www.movisie.nl/">bron</a><script src="assets/lokaal.js"></script>',
        encoding="utf-8",
    )
    (tmp_path / "b.css").write_text("@import 'https://x.nl/y.css'; a{background:url(c.png)}",
                                    encoding="utf-8")
    (tmp_path / "c.js").write_text('var s="https://unpkg.com/mermaid@11/dist/mermaid.min.js";'
                                   'importScripts("https://x.nl/w.js");', encoding="utf-8")
    gevonden = buitenassets(tmp_path)
    assert len(gevonden) == 6, gevonden
    assert not any("movisie" in g or "lokaal" in g for g in gevonden)


@pytest.mark.slow
def test_no_asset_comes_from_an_outside_host(site: tuple[Path, ija.Methodiek]) -> None:
    uit, _ = site
    assert buitenassets(uit) == []
    # The shim the project wrote itself is what the offline plugin uses instead of its CDN copy.
    fase = (uit / "fasen" / "verdieping.html").read_text(encoding="utf-8")
    assert "assets/ija/iframe-worker-shim.js" in fase
    assert "mermaid" not in fase


# --- build errors and the CLI ----------------------------------------------------------------


@pytest.mark.slow
def test_a_hand_written_page_cannot_replace_a_generated_one(tmp_path: Path) -> None:
    bron = tmp_path / "docs"
    (bron / "fasen").mkdir(parents=True)
    (bron / "fasen" / "verdieping.md").write_text("# Eigen versie\n", encoding="utf-8")
    with pytest.raises(SiteFout, match=r"fasen/verdieping\.md"):
        bouw_site(tmp_path / "site", methodiek=ija.load_methodiek(entrypoints=False), bron=bron)


# --- the output folder: never remove what the build did not make ----------------------------


def _m0() -> ija.Methodiek:
    return ija.load_methodiek(entrypoints=False)


def _oude_site(map_: Path, bestanden: dict[str, str]) -> None:
    """A folder as an earlier build leaves it: the files and the marker that lists them."""
    import json

    map_.mkdir(parents=True, exist_ok=True)
    for rel, tekst in bestanden.items():
        (map_ / rel).parent.mkdir(parents=True, exist_ok=True)
        (map_ / rel).write_text(tekst, encoding="utf-8")
    (map_ / MARKERING).write_text(
        json.dumps({"gemaakt_door": "ija-core", "bestanden": sorted(bestanden)}), encoding="utf-8"
    )


def test_output_folder_that_is_not_a_site_is_left_alone(tmp_path: Path) -> None:
    """A folder with an index.html but no marker is somebody's folder: refused, untouched."""
    uit = tmp_path / "mijn-map"
    uit.mkdir()
    (uit / "index.html").write_text("mijn eigen pagina", encoding="utf-8")
    (uit / "belangrijk.txt").write_text("niet weggooien", encoding="utf-8")
    with pytest.raises(UitmapFout, match="geen gebouwde site"):
        bouw_site(uit, methodiek=_m0())
    assert sorted(p.name for p in uit.iterdir()) == ["belangrijk.txt", "index.html"]
    assert (uit / "belangrijk.txt").read_text(encoding="utf-8") == "niet weggooien"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mijn-map"]  # no temporary left


def test_a_file_added_to_an_earlier_site_is_not_removed(tmp_path: Path) -> None:
    uit = tmp_path / "site"
    _oude_site(uit, {"index.html": "oud", "fasen/a.html": "oud"})
    (uit / "fasen" / "aantekeningen.txt").write_text("van mij", encoding="utf-8")
    with pytest.raises(UitmapFout, match=r"fasen/aantekeningen\.txt"):
        bouw_site(uit, methodiek=_m0())
    assert (uit / "fasen" / "aantekeningen.txt").read_text(encoding="utf-8") == "van mij"


@pytest.mark.parametrize("soort", ["bestand", "koppeling", "onder-bestand", "koppeling-naar-site"])
def test_unusable_output_paths_are_refused_before_building(tmp_path: Path, soort: str) -> None:
    bestand = tmp_path / "notities.txt"
    bestand.write_text("van mij", encoding="utf-8")
    echte_site = tmp_path / "echt"
    _oude_site(echte_site, {"index.html": "oud"})
    uit = {
        "bestand": bestand,
        "koppeling": tmp_path / "link",
        "onder-bestand": bestand / "site",
        "koppeling-naar-site": tmp_path / "link-site",
    }[soort]
    if soort == "koppeling":
        uit.symlink_to(tmp_path / "ergens")
    if soort == "koppeling-naar-site":
        uit.symlink_to(echte_site)
    voor = sorted(str(p) for p in tmp_path.rglob("*"))
    with pytest.raises(UitmapFout):
        bouw_site(uit, methodiek=_m0())
    assert sorted(str(p) for p in tmp_path.rglob("*")) == voor
    assert bestand.read_text(encoding="utf-8") == "van mij"


@pytest.mark.parametrize("soort", ["bestand", "koppeling", "onder-bestand", "vreemde-map"])
def test_cli_unusable_output_path_exits_2_with_one_dutch_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], soort: str
) -> None:
    bestand = tmp_path / "notities.txt"
    bestand.write_text("van mij", encoding="utf-8")
    vreemd = tmp_path / "vreemd"
    vreemd.mkdir()
    (vreemd / "x.txt").write_text("x", encoding="utf-8")
    uit = {"bestand": bestand, "koppeling": tmp_path / "link", "onder-bestand": bestand / "a" / "b",
           "vreemde-map": vreemd}[soort]
    if soort == "koppeling":
        uit.symlink_to(vreemd)
    code = main(["docs", "build", "--uit", str(uit)])
    fout = capsys.readouterr().err.strip()
    assert code == 2
    assert len(fout.splitlines()) == 1, fout
    assert fout.startswith("ija: --uit: ")
    assert "Traceback" not in fout
    assert bestand.read_text(encoding="utf-8") == "van mij"
    assert (vreemd / "x.txt").is_file()


def test_the_swap_replaces_only_what_the_earlier_build_made(tmp_path: Path) -> None:
    """Unit test of the swap: the old site goes, files next to it stay, a marker is written."""
    import json

    from ija_core.docs.bouw import _plaats

    uit = tmp_path / "site"
    _oude_site(uit, {"index.html": "oud", "weg/oud.html": "oud"})
    (tmp_path / "naast-de-site.txt").write_text("van mij", encoding="utf-8")
    nieuw = tmp_path / "gebouwd"
    (nieuw / "fasen").mkdir(parents=True)
    (nieuw / "index.html").write_text("nieuw", encoding="utf-8")
    (nieuw / "fasen" / "a.html").write_text("nieuw", encoding="utf-8")
    assert _plaats(nieuw, uit) is None
    assert (uit / "index.html").read_text(encoding="utf-8") == "nieuw"
    assert not (uit / "weg").exists()
    assert json.loads((uit / MARKERING).read_text(encoding="utf-8"))["bestanden"] == [
        "fasen/a.html", "index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gebouwd", "naast-de-site.txt", "site"]
    masker = os.umask(0o022)
    os.umask(masker)
    assert uit.stat().st_mode & 0o777 == 0o777 & ~masker  # not mkdtemp's private 0700


def test_an_empty_folder_is_filled_in_place(tmp_path: Path) -> None:
    from ija_core.docs.bouw import _plaats

    uit = tmp_path / "leeg"
    uit.mkdir()
    inode = uit.stat().st_ino
    nieuw = tmp_path / "gebouwd"
    nieuw.mkdir()
    (nieuw / "index.html").write_text("nieuw", encoding="utf-8")
    assert _plaats(nieuw, uit) is None
    assert uit.stat().st_ino == inode
    assert sorted(p.name for p in uit.iterdir()) == [MARKERING, "index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gebouwd", "leeg"]


def test_the_swap_keeps_what_appeared_in_the_old_site_meanwhile(tmp_path: Path) -> None:
    """A file that shows up in the old site after the check is kept, in the old folder."""
    from ija_core.docs import bouw

    uit = tmp_path / "site"
    _oude_site(uit, {"index.html": "oud"})
    nieuw = tmp_path / "gebouwd"
    nieuw.mkdir()
    (nieuw / "index.html").write_text("nieuw", encoding="utf-8")
    origineel = bouw.controleer_uit

    def en_dan_een_bestand(pad: Path) -> None:
        origineel(pad)
        (uit / "laat.txt").write_text("van mij", encoding="utf-8")

    with pytest.MonkeyPatch.context() as mp_:
        mp_.setattr(bouw, "controleer_uit", en_dan_een_bestand)
        oud = bouw._plaats(nieuw, uit)
    assert oud is not None
    assert (oud / "laat.txt").read_text(encoding="utf-8") == "van mij"
    assert sorted(p.name for p in oud.iterdir()) == ["laat.txt"]
    assert (uit / "index.html").read_text(encoding="utf-8") == "nieuw"


@pytest.mark.parametrize(
    "argv",
    [["docs"], ["docs", "bouw"], ["docs", "build", "--onbekend"], ["docs", "serve", "--poort", "x"],
     ["docs", "serve", "--poort", "70000"]],
)
def test_cli_bad_arguments_exit_2_with_one_dutch_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    fout = capsys.readouterr().err.strip()
    assert len(fout.splitlines()) == 1
    assert "fout:" in fout


def test_cli_build_with_a_missing_source_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["docs", "build", "--uit", str(tmp_path / "s"), "--bron", str(tmp_path / "nergens")])
    assert code == 1
    assert "bestaat niet" in capsys.readouterr().err


@pytest.mark.slow
def test_cli_build_reports_where_to_open_the_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IJA_DISABLED_PLUGINS", "")
    code = main(["docs", "build", "--uit", str(tmp_path / "site")])
    uit = capsys.readouterr()
    assert code == 0, uit.err
    assert "index.html" in uit.out
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / MARKERING).is_file()
    # A second build replaces the first; a file beside the site is not touched.
    (tmp_path / "naast.txt").write_text("van mij", encoding="utf-8")
    (tmp_path / "site" / "index.html").write_text("oud", encoding="utf-8")
    assert main(["docs", "build", "--uit", str(tmp_path / "site")]) == 0
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") != "oud"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["naast.txt", "site"]


def test_import_ija_core_does_not_load_the_docs_adapter() -> None:
    code = (
        "import sys, ija_core; "
        "bad = [n for n in sys.modules if n == 'ija_core.docs' "
        "or n.startswith(('ija_core.docs.', 'mkdocs', 'material'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proces = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert proces.returncode == 0, proces.stdout + proces.stderr


def test_thema_pages_say_the_leefgebied_links_are_a_suggestion() -> None:
    from ija_core.docs._methodiek_paginas import thema

    m = ija.load_methodiek(entrypoints=False)
    assert "suggestie van ija-core" in thema(m, "schulden")


# --- hostile text from plugins stays text ----------------------------------------------------

_EXTENSIES = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "def_list", "toc",
              "pymdownx.superfences"]


class _Html(html.parser.HTMLParser):
    """Tags, attributes and visible text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.tekst: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs_]

    def handle_data(self, data: str) -> None:
        self.tekst.append(data)


def _html(markdown_tekst: str) -> _Html:
    import markdown

    parser = _Html()
    parser.feed(markdown.markdown(markdown_tekst, extensions=_EXTENSIES))
    parser.close()
    return parser


def _gevaarlijk(p: _Html) -> list[str]:
    gevonden = [f"<{t}>" for t in p.tags if t in {"script", "iframe", "style", "object",
                                                    "embed", "form", "img", "abbr"}]
    gevonden += [f"{t} {k}={v!r}" for t, k, v in p.attrs if k.startswith("on") or k == "style"]
    gevonden += [
        f"{t} {k}={v!r}" for t, k, v in p.attrs
        if k in {"href", "src"} and v.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
    ]
    return gevonden


@given(st.lists(st.characters(blacklist_categories=("Cs",)) | st.sampled_from(
    [*list("&<>\"'\\`*_{}[]()!|#+-.=~:>%@$^ \n\t"), "{: ", "*[", "!!! ", "::: ", "1. ", "```", "&amp;", "<b>", "[x](y)", "\x02", "    "]
)).map("".join))
def test_esc_text_renders_as_exactly_that_text(tekst: str) -> None:
    """Whatever the text, Markdown + HTML show it literally: one paragraph, nothing else."""
    import unicodedata

    verwacht = " ".join(
        "".join(c for c in tekst if c in "\t\n\r" or unicodedata.category(c) != "Cc").split()
    )
    p = _html(esc(tekst))
    assert "".join(p.tekst).strip() == verwacht
    assert p.tags == (["p"] if verwacht else [])
    assert not p.attrs


def test_esc_output_is_safe_in_an_html_attribute() -> None:
    parser = _Html()
    parser.feed(f'<td data-x="{esc(chr(34) + " onmouseover=x " + chr(39))}">x</td>')
    assert parser.attrs == [("td", "data-x", "\" onmouseover=x '")]


@pytest.fixture(scope="module")
def vijandig() -> ija.Methodiek:
    return ija.load_methodiek(plugins=[VijandigePlugin()], entrypoints=False)


def test_no_generated_page_turns_plugin_text_into_markup(vijandig: ija.Methodiek) -> None:
    """Names, descriptions, rules and norms of a hostile plugin render as text on every page."""
    paginas = genereer_paginas(vijandig).paginas
    for pad, tekst in paginas.items():
        if pad.startswith("plugins/"):
            continue
        p = _html(tekst)
        assert not _gevaarlijk(p), pad
    aanbieder = _html(paginas["aanbieders/boos.md"])
    zichtbaar = "".join(aanbieder.tekst)
    for payload in ALLE:
        assert " ".join(payload.split()) in zichtbaar  # shown, as text
    assert "javascript:window.__ija_xss=10" in zichtbaar  # the website, not linked
    assert not [a for a in aanbieder.attrs
                if a[1] == "href" and a[2].strip().lower().startswith("javascript")]
    instrument = _html(paginas["instrumenten/boos/meter.md"])
    assert instrument.tags.count("h1") == 1
    assert "ija_core" in "".join(instrument.tekst)  # '::: ija_core' stayed text


def test_plugin_pages_are_cleaned_of_script_and_attributes(vijandig: ija.Methodiek) -> None:
    import markdown

    paginas = genereer_paginas(vijandig).paginas
    (pad,) = [p for p in paginas if p.startswith("plugins/")]
    ruw = markdown.markdown(paginas[pad], extensions=_EXTENSIES)
    ruw_p = _Html()
    ruw_p.feed(ruw)
    assert _gevaarlijk(ruw_p), "the hostile page should need cleaning"
    p = _Html()
    p.feed(schoon_html(ruw))
    gevonden = [g for g in _gevaarlijk(p) if not g.startswith(("<img>", "<abbr>"))]
    assert not gevonden
    srcs = [v for t, k, v in p.attrs if t == "img" and k == "src"]
    assert not [s for s in srcs if "example.org" in s]  # the outside image is not loaded
    tekst = "".join(p.tekst)
    assert "Gewone tekst met" in tekst
    assert "nadruk" in tekst
    assert p.tags.count("h1") == 1  # the plugin's own first heading gave way to its titel


def test_plugin_names_in_the_navigation_are_escaped(vijandig: ija.Methodiek) -> None:
    nav = genereer_paginas(vijandig).nav
    tekst = repr(nav)
    assert PLUGIN_NAAM not in tekst
    assert "<" not in tekst
    assert esc(PLUGIN_NAAM) in tekst


# --- from the wheel alone --------------------------------------------------------------------


@pytest.mark.slow
def test_the_wheel_with_the_docs_extra_builds_the_whole_site_without_npm(tmp_path: Path) -> None:
    """A fresh venv with only ``pip install 'ija_core-*.whl[docs]'`` builds the full site in a
    folder outside the checkout: the hand-written pages ship in the wheel, nothing is fetched
    at build time and no page loads anything from another host."""
    repo = Path(__file__).resolve().parents[1]
    pip_omgeving = {k: v for k, v in os.environ.items() if not k.startswith(("IJA_", "PYTHON"))}
    wielen = tmp_path / "wielen"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wielen),
                    str(repo)], check=True, capture_output=True, env=pip_omgeving)
    (wiel,) = wielen.glob("ija_core-*.whl")
    with zipfile.ZipFile(wiel) as z:  # the casussen ship as the very files of examples/
        verpakt = {n.removeprefix("ija_core/_voorbeelden/"): z.read(n) for n in z.namelist()
                   if n.startswith("ija_core/_voorbeelden/")}
    assert {n: v for n, v in verpakt.items() if "/" not in n} == {
        f.name: f.read_bytes() for f in (repo / "examples").iterdir() if f.is_file()
    }
    # the hand-written pages ship as the very files of the repository's docs/
    with zipfile.ZipFile(wiel) as z:
        hand = {n.removeprefix("ija_core/docs/handgeschreven/"): z.read(n) for n in z.namelist()
                if n.startswith("ija_core/docs/handgeschreven/")}
    bestanden = subprocess.run(["git", "ls-files", "docs"], cwd=repo, capture_output=True,
                               text=True, check=True).stdout.split()
    assert len(bestanden) >= 4
    assert hand == {
        pad.removeprefix("docs/"): (repo / pad).read_bytes() for pad in bestanden
    }
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    installatie = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", f"{wiel}[docs]"],
        capture_output=True, text=True, check=False, env=pip_omgeving,
    )
    assert installatie.returncode == 0, installatie.stderr[-2000:]
    assert not (venv / "bin" / "npm").exists()
    ergens = tmp_path / "ergens-anders"
    ergens.mkdir()
    bouw = subprocess.run(
        [str(venv / "bin" / "ija"), "docs", "build", "--uit", "site"],
        cwd=ergens, capture_output=True, text=True, check=False,
        env={**pip_omgeving, "PATH": f"{venv / 'bin'}:/usr/bin:/bin"},
    )
    assert bouw.returncode == 0, bouw.stderr[-3000:]
    uit = ergens / "site"
    for pad in ("index.html", "plugins-schrijven.html", "ontwikkelaars/snelstart.html",
                "ontwikkelaars/servicenormen.html", "ontwikkelaars/api.html", "overgangen.html",
                "instrumenten/per-fase.html", "instrumenten/bolletjesschema.html",
                "search/search_index.js", "assets/ija/iframe-worker-shim.js", "404.html"):
        assert (uit / pad).is_file(), pad
    assert 'id="ija_core.load_methodiek"' in (uit / "ontwikkelaars" / "api.html").read_text(
        encoding="utf-8")
    assert "<svg" in (uit / "index.html").read_text(encoding="utf-8")
    assert (uit / "trainers" / "handout-vertrouwen.html").is_file()
    assert (uit / "trainers" / "hele-methodiek.html").is_file()
    for naam in ("enzo", "spin-in-het-web", "tamir", "bob", "ricardo"):
        casus = (uit / "casussen" / f"{naam}.html").read_text(encoding="utf-8")
        assert 'aria-labelledby="ija-casus-' in casus, naam
    assert "Deze pagina bestaat niet" in (uit / "404.html").read_text(encoding="utf-8")
    assert buitenassets(uit) == []
    assert sorted(p.name for p in ergens.iterdir()) == ["site"]


def test_the_network_page_for_trainers() -> None:
    from ija_core.docs._netwerk_pagina import PAD

    m = ija.load_methodiek(entrypoints=False)
    paginas = genereer_paginas(m)
    pagina = paginas.paginas[PAD]
    # the picture: inline SVG with a text alternative naming the rings and the relaties
    assert 'role="img" aria-labelledby="ija-netwerk-titel ija-netwerk-uitleg"' in pagina
    assert '<title id="ija-netwerk-titel">Het netwerk rond de jongere</title>' in pagina
    uitleg = pagina.partition('<desc id="ija-netwerk-uitleg">')[2].partition("</desc>")[0]
    for woord in ("Eigen netwerk", "Wijknetwerk", "Zorgpartijen", "wijkagent", "jeugd- en gezinscoach"):
        assert woord in html.unescape(uitleg)
    zichtbaar = html.unescape(pagina.partition('<details class="ija-techniek"')[0])
    for o in m.opschalingen:
        assert o.naam in zichtbaar
    for regel in ("betrekken-met-toestemming", "delen-met-toestemming", "jim-uit-eigen-netwerk"):
        r = m.regel(regel)
        assert f"**{r.naam}**" in zichtbaar
        assert r.id not in zichtbaar
    assert "12 tot en met 15 jaar: de jongere en de ouders met gezag samen" in zichtbaar
    assert "Vanaf 16 jaar: de jongere alleen" in zichtbaar
    assert "geen persoonsgegevens" in zichtbaar
    trainers = next(i["Voor trainers"] for i in paginas.nav if isinstance(i, dict) and "Voor trainers" in i)
    assert {"Het netwerk en toestemming": PAD} in trainers


def test_the_event_page_describes_the_network_events_and_privacy() -> None:
    pagina = genereer_paginas(ija.load_methodiek(entrypoints=False)).paginas[
        "ontwikkelaars/gebeurtenissen.md"
    ]
    for soort in ("betrokkene-toegevoegd", "toestemming-ingetrokken", "jim-gekozen", "opgeschaald"):
        assert f"## `{soort}` {{ #{soort} }}" in pagina
    assert "## Privacy, toestemming en intrekking" in pagina
    assert "geen persoonsgegevens" in pagina


# --- the Casussen section (examples/ replayed) -----------------------------------------------

from ija_core.docs import _casus_paginas as cas  # noqa: E402

VOORBEELDEN = Path(__file__).resolve().parents[1] / "examples"


def test_every_example_casus_has_a_page_and_a_line_on_the_index(m: ija.Methodiek) -> None:
    p = genereer_paginas(m).paginas
    # the group file and the other five members belong to the casus Spin in het web
    namen = sorted(
        f.stem for f in VOORBEELDEN.glob("*.json") if not f.stem.startswith("spin-in-het-web-")
    )
    assert sorted(c.naam for c in cas.CASUSSEN) == namen
    index = p[cas.CASUSSEN_INDEX]
    for naam in namen:
        assert cas.pad_casus(naam) in p
        assert f"]({naam}.md)" in index
    assert "](../casussen/index.md)" in p["trainers/index.md"]
    nav = genereer_paginas(m).nav
    secties = [next(iter(n)) for n in nav if isinstance(n, dict)]
    assert secties.index("Casussen") == secties.index("Voor trainers") + 1


def test_in_a_checkout_the_examples_are_read_from_the_repository() -> None:
    assert cas.voorbeelden_map() == VOORBEELDEN


def test_in_a_checkout_the_hand_written_pages_are_the_top_level_docs_folder() -> None:
    from ija_core.docs import bouw

    docs = Path(__file__).resolve().parents[1] / "docs"
    assert bouw.standaard_bron() == docs
    assert not bouw.HANDGESCHREVEN.exists()  # no second copy inside the package's sources
    for pagina in ("plugins-schrijven.md", "ontwikkelaars/snelstart.md",
                   "ontwikkelaars/servicenormen.md", "ontwikkelaars/opslag.md"):
        assert (docs / pagina).is_file(), pagina


@pytest.mark.parametrize("naam", ["enzo", "spin-in-het-web", "tamir", "bob", "ricardo"])
def test_casus_page_shows_the_outcomes_normtoets_gives(m: ija.Methodiek, naam: str) -> None:
    tekst = genereer_paginas(m).paginas[cas.pad_casus(naam)]
    t = ija.from_json((VOORBEELDEN / f"{naam}.json").read_bytes(), ija.Traject, methodiek=m)
    laatste = cas.dag(t.events[-1].op)
    uitkomsten = ija.normtoets(t, peildatum=laatste, methodiek=m)
    assert uitkomsten
    namen = {n.id: n.naam for n in m.normen}
    rijen = [r for r in tekst.splitlines() if r.startswith("| ")]
    for u in uitkomsten:
        woord = esc(cas.status_label(u.status))
        rij = f"| {esc(namen[u.norm])} | {woord} | {esc(cas.datum(u.deadline))} |"
        assert any(r.startswith(rij) for r in rijen), (u, rijen)
        # the picture marks the same outcome, in words (wide and narrow drawing)
        termijn = f"termijn {cas.datum(u.deadline)}"
        assert f'{esc(f"({termijn}):")} <tspan class="ija-svg__kop">{woord}<' in tekst
        assert f'>{esc(f"{termijn}:")} <tspan class="ija-svg__kop">{woord}<' in tekst
    assert "`te-laat`" not in tekst  # no status ids for trainers
    assert "`gehaald`" not in tekst
    assert "Wat is verzonnen" in tekst


def test_enzo_intake_is_late_at_the_last_event(m: ija.Methodiek) -> None:
    # The handbook: the intake came after about 1.5 months. Computed, never written in.
    tekst = genereer_paginas(m).paginas[cas.pad_casus("enzo")]
    assert "| Intake binnen 6 weken | te laat gehaald |" in tekst


def test_casus_picture_has_a_text_alternative_naming_each_norm(m: ija.Methodiek) -> None:
    for c in cas.CASUSSEN:
        tekst = genereer_paginas(m).paginas[cas.pad_casus(c.naam)]
        svg = re.search(r"<svg[^>]*aria-labelledby=\"(ija-casus-[^\"]+)\"", tekst)
        assert svg, c.naam
        titel, uitleg = svg.group(1).split()
        assert re.search(rf'<title id="{titel}">Tijdlijn: [^<]+</title>', tekst)
        alt = re.search(rf'<desc id="{uitleg}">([^<]+)</desc>', tekst)
        assert alt, c.naam
        assert "peildatum" in alt.group(1), c.naam


def test_an_unknown_event_type_is_drawn_and_listed_by_its_name(m: ija.Methodiek) -> None:
    t = cas.lees_casus(m, "enzo")

    @attrs.frozen
    class Onbekend:
        op: object
        TYPE = "iets-nieuws"

    extra = Onbekend(op=t.events[-1].op)
    t2 = attrs.evolve(t, events=(*t.events, extra))
    assert cas.inhoud(m, t2, extra) == "iets-nieuws"
    svg = cas.tijdlijn(m, t2, [], "enzo", "Enzo")
    assert "Overig" in svg
    assert ": iets-nieuws</title>" in svg


def test_network_events_get_their_own_row(m: ija.Methodiek) -> None:
    t = cas.lees_casus(m, "bob")
    assert "betrokkene-toegevoegd" in [e.TYPE for e in t.events]
    svg = cas.tijdlijn(m, t, [], "bob", "Bob")
    assert ">Netwerk</text>" in svg
    naam = m.relatie("jeugd-en-gezinscoach").naam.lower()
    assert f"Betrokken: {naam} (" in html.unescape(svg)


def test_casus_stories_do_not_copy_seven_words_from_the_handbook() -> None:
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed"  # shared/ beside the checkout
    if not seed.is_dir():
        pytest.skip(f"de handboektekst staat niet in {seed}")

    def woorden(tekst: str) -> list[str]:
        return re.findall(r"[a-zà-ÿ0-9]+", tekst.lower())
    handboek = woorden(" ".join(f.read_text(encoding="utf-8") for f in seed.glob("*.txt")))
    zevens = {tuple(handboek[i:i + 7]) for i in range(len(handboek) - 6)}
    for c in cas.CASUSSEN:
        w = woorden(" ".join([*c.verhaal, c.kern, *(v.vraag for v in c.vragen)]))
        overlap = [" ".join(w[i:i + 7]) for i in range(len(w) - 6) if tuple(w[i:i + 7]) in zevens]
        assert not overlap, (c.naam, overlap)


def test_readme_code_spans_show_as_plain_words_and_the_rest_is_escaped() -> None:
    assert cas._met_code("staat als `contact` met <b>") == "staat als contact met &#60;b&#62;"
    assert cas._met_code("als `<i>x</i>` hier") == "als &#60;i&#62;x&#60;/i&#62; hier"
    assert "`" not in cas._met_code("een losse ` backtick")


# --- what happened, in words; marks of one day spread out (issue 24) --------------------------


def test_bob_page_says_in_words_what_happened_per_fase(m: ija.Methodiek) -> None:
    """Goals, the referral, the instrument and who a contact was with: in text, per fase."""
    tekst = html.unescape(genereer_paginas(m).paginas[cas.pad_casus("bob")])
    t = cas.lees_casus(m, "bob")
    woorden = tekst.split("## Wat er gebeurde, per fase")[1].split("## Gespreksvragen")[0]
    for f in {p.fase for p in t.fasehistorie}:
        assert f"### Fase {m.fase(f).nummer}, {m.fase(f).naam} (vanaf" in woorden
    for e in t.events:  # every free text of the file, and every instrument by its name
        for veld in ("omschrijving", "vorm", "reden"):  # free text, shown as the file says it
            waarde = getattr(e, veld, None)
            if isinstance(waarde, str):
                assert waarde in woorden, (e.TYPE, waarde)
        if e.TYPE == "doorverwezen":
            assert f"Doorverwezen naar {e.naar} (" in woorden
        if e.TYPE == "instrument-ingezet":
            assert f"Instrument ingezet: {m.instrument(e.instrument).naam}" in woorden
        if e.TYPE == "contact" and e.betrokkene:
            relatie = next(x.relatie for x in t.events
                           if x.TYPE == "betrokkene-toegevoegd" and x.id == e.betrokkene)
            assert f"Contact met de {m.relatie(relatie).naam.lower()}: {e.vorm}" in woorden
    assert "<details" not in woorden  # printed as shown, nothing folded away
    assert cas.LEGENDA in tekst  # the legend in words


def test_marks_of_one_day_stand_apart() -> None:
    assert cas.spreid([10.0, 10.0, 10.0, 30.0, 31.0]) == [0, 1, 2, 0, 1]
    assert cas.spreid([]) == []


@pytest.mark.parametrize("naam", [c.naam for c in cas.CASUSSEN])
def test_no_two_marks_of_a_timeline_overlap(m: ija.Methodiek, naam: str) -> None:
    tekst = genereer_paginas(m).paginas[cas.pad_casus(naam)]
    for svg in re.findall(r"<svg.*?</svg>", tekst, re.S):
        stippen = [(float(x), float(y)) for x, y in
                   re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="5"', svg)]
        for i, (x1, y1) in enumerate(stippen):
            for x2, y2 in stippen[i + 1:]:
                assert (x1 - x2) ** 2 + (y1 - y2) ** 2 >= 10 ** 2, (naam, x1, y1, x2, y2)


# --- the group casus as a group (issue 24) -----------------------------------------------------

from ija_core.docs import _groep_casus as gc  # noqa: E402
from ija_core.docs import _groep_pagina as gp  # noqa: E402


def test_the_group_casus_shows_every_member_meeting_melding_and_who_left(m: ija.Methodiek) -> None:
    paginas = genereer_paginas(m).paginas
    tekst = html.unescape(paginas[cas.pad_casus("spin-in-het-web")])
    groep = ija.from_json((VOORBEELDEN / "spin-in-het-web-groep.json").read_bytes(), ija.Groep,
                          methodiek=m)
    leden = [ija.from_json(f.read_bytes(), ija.Traject, methodiek=m)
             for f in sorted(VOORBEELDEN.glob("spin-in-het-web*.json")) if "groep" not in f.stem]
    per_id = {t.id: t for t in leden}
    assert sorted(groep.ooit_leden) == sorted(per_id)
    for tid in groep.ooit_leden:  # every member: in the table and on a lane of the picture
        naam = per_id[tid].jongere.pseudoniem
        assert f"\n| {naam} | " in tekst, naam
        assert f'class="ija-svg__kop">{naam}</text>' in tekst, naam
    for b in groep.bijeenkomsten:
        assert b.omschrijving in tekst
    weg = [lm for lm in groep.lidmaatschappen if lm.tot is not None]
    assert weg
    for lm in weg:
        assert f"**{per_id[lm.traject].jongere.pseudoniem}** verlaat de groep" in tekst
        assert lm.reden in tekst
    # per melding, per member: what groepstoets says with that melding alone
    peil = max(cas.dag(x) for x in [groep.laatste_op, *(t.laatste_op for t in leden)])
    assert groep.meldingen
    for melding in groep.meldingen:
        deel = tekst.split(f"#### Melding op {gc._moment(melding.op)}")[1].split("####")[0]
        alleen = ija.Groep.replay(
            [e for e in groep.events if e.TYPE != "groepsmelding" or e is melding], methodiek=m)
        uitkomsten = ija.groepstoets(alleen, leden, peildatum=peil, methodiek=m)
        assert uitkomsten
        for u in uitkomsten:
            rij = f"| {per_id[u.traject].jongere.pseudoniem} | {cas.status_label(u.status)} | "
            assert rij + u.uitleg in deel, rij
        # a member who had left by then is not measured for this melding
        for tid in set(groep.ooit_leden) - set(groep.leden_op(melding.op)):
            assert f"\n| {per_id[tid].jongere.pseudoniem} | " not in deel, tid
        dag = gc._DAGEN[rules.amsterdamse_tijd(melding.op).weekday()]
        assert f"#### Melding op {dag} " in tekst  # the day of the week, written out (weekend!)


def test_group_casus_and_group_approach_link_to_each_other(m: ija.Methodiek) -> None:
    paginas = genereer_paginas(m).paginas
    assert "](../trainers/groepsaanpak.md)" in paginas[cas.pad_casus("spin-in-het-web")]
    assert "](../casussen/spin-in-het-web.md)" in paginas[gp.PAD]


def test_the_group_picture_has_the_coach_the_parents_and_the_buurt() -> None:
    plaat = gp.groepsplaat()
    for wie in ("De coach", "de spin in het web", "Ouders", "Buurtbewoners", "De groep: 6 jongeren",
                *gp._PARTNERS):
        assert plaat.count(f">{esc(wie)}</text>") == 2, wie  # in the wide and the narrow drawing
    assert "coach" in re.search(r"<desc [^>]*>([^<]+)</desc>", plaat).group(1)


def test_a_casus_without_a_group_file_has_no_group_part(m: ija.Methodiek) -> None:
    assert gc.groepsdeel(m, "bob", cas.pad_casus("bob")) is None


def test_no_ring_of_the_network_picture_runs_through_a_name(m: ija.Methodiek) -> None:
    """Issue 24: ring lines crossed 'Jeugdreclassering' and 'Jongerenwerk'. Measured on the
    drawing: no ring passes through the box of a name (plate and text) or its dot."""
    from ija_core.docs import _netwerk_pagina

    breed = _netwerk_pagina.netwerkcirkels(m).split("ija-svg--smal")[0]
    cx, cy = (int(v) for v in re.search(r'<circle cx="(\d+)" cy="(\d+)" r="\d+"', breed).groups())
    ringen = [int(r) for r in re.findall(rf'<circle cx="{cx}" cy="{cy}" r="(\d+)"', breed)]
    assert len(ringen) == 3
    namen = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="5"[^>]*/>\s*<rect x="([\d.-]+)" '
                       r'y="([\d.-]+)" width="(\d+)" height="(\d+)"[^>]*/>\s*<text[^>]*>(.+?)</text>',
                       breed)
    # every relatie of a ring has a dot and a name in it (issue 20: 26 of them)
    assert len(namen) == len([x for x in m.relaties if x.rol != "coach"])
    vakken = []
    for px, py, x, y, w, h, naam in namen:
        vak = (min(float(x), float(px) - 5), float(py) - 5, max(float(x) + int(w), float(px) + 5),
               float(y) + int(h))
        dichtst = math.hypot(min(max(cx, vak[0]), vak[2]) - cx, min(max(cy, vak[1]), vak[3]) - cy)
        verst = max(math.hypot(a - cx, b - cy) for a in (vak[0], vak[2]) for b in (vak[1], vak[3]))
        assert not [r for r in ringen if dichtst < r < verst], naam
        vakken.append((vak, naam))
    for i, (a, naam_a) in enumerate(vakken):  # and no two names touch
        for b, naam_b in vakken[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (naam_a, naam_b)
