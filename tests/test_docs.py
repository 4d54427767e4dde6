"""The methodiek site: generated pages, the offline build, and ``ija docs``.

Fast tests check the generated Markdown; the ones marked ``slow`` build the whole site with
mkdocs in strict mode (that needs the vendored scripts: ``make vendor``). Ids of rules, norms
and hooks are read from the code, so the checks grow with the code.
"""

from __future__ import annotations

import html.parser
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

import attrs
import pytest

import ija_core as ija
from ija_core import hookspecs
from ija_core.cli import main
from ija_core.docs import SiteFout, VendorFout, bouw_site, genereer_paginas
from ija_core.docs._markdown import (
    pad_aanbieder,
    pad_fase,
    pad_instrument,
    pad_leefgebied,
    pad_plugin_pagina,
    pad_thema,
)
from ija_core.phases import rules

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


def test_a_page_for_every_fase_leefgebied_thema_instrument_aanbieder_and_plugin_page(
    mp: ija.Methodiek,
) -> None:
    paginas = genereer_paginas(mp).paginas
    assert "instrumenten/proef/meetlat.md" in paginas
    ontbrekend = [p for p in _paden(mp) if p not in paginas]
    assert not ontbrekend


def test_every_rule_norm_and_hook_id_is_in_the_generated_pages(mp: ija.Methodiek) -> None:
    alles = "\n".join(genereer_paginas(mp).paginas.values())
    ontbrekend = [i for i in _ids(mp) if i not in alles]
    assert not ontbrekend


def test_rules_are_quoted_from_the_engine(mp: ija.Methodiek) -> None:
    """The explanation on the pages is the rule object's own text, not a copy."""
    pagina = genereer_paginas(mp).paginas["ontwikkelaars/regels-en-normen.md"]
    for regel in rules.ALLE_REGELS:
        assert " ".join(regel.uitleg.split()).replace("'", "'") in pagina.replace("\\", "")


def test_fase_page_shows_steps_roles_instruments_and_guarding_rules(mp: ija.Methodiek) -> None:
    pagina = genereer_paginas(mp).paginas["fasen/uitvoering.md"]
    fase = mp.fase("uitvoering")
    for stap in fase.stappen:
        assert stap.naam in pagina
    for rv in fase.rolverwachtingen:
        assert mp.rol(rv.rol).naam in pagina
    for instrument in mp.instrumenten_voor(fase="uitvoering"):
        assert instrument.naam in pagina
    assert "`plan-voor-uitvoering`" in pagina  # guards entering uitvoering
    assert "`proef:altijd-goed`" in pagina  # the plugin's guard on uitvoering
    assert "```mermaid" in pagina
    assert "`plan-voor-uitvoering`" not in genereer_paginas(mp).paginas["fasen/vertrouwen.md"]


def test_home_has_the_timeline_with_streefduur_and_norms(mp: ija.Methodiek) -> None:
    pagina = genereer_paginas(mp).paginas["index.md"]
    assert "gantt" in pagina
    for fase in mp.fasen:
        assert f"{fase.streefduur.days}d" in pagina
    assert [f.streefduur for f in mp.fasen] == [timedelta(weeks=w) for w in (4, 8, 16, 3)]
    assert "Intake binnen 6 weken" in pagina


def test_unknown_facts_say_they_are_still_to_be_supplied(mp: ija.Methodiek) -> None:
    paginas = genereer_paginas(mp).paginas
    instrument = paginas["instrumenten/proef/meetlat.md"]
    assert "nog aan te vullen" in instrument  # no herkomst, no erkenning
    assert "`score`" in instrument
    assert "geheel getal" in instrument
    assert "proeforganisatie" in instrument  # which plugin supplies it
    aanbieder = paginas["aanbieders/proef.md"]
    assert "Aan te vullen door Proef Organisatie" in aanbieder
    assert "Proefmeetlat" in aanbieder
    assert "Over Proef" in aanbieder


def test_suggested_placement_is_marked_as_such(mp: ija.Methodiek) -> None:
    gesuggereerd = [i for i in mp.instrumenten if i.plaatsing == "suggestie"]
    assert gesuggereerd, "the handbook catalogue has suggested placements"
    pagina = genereer_paginas(mp).paginas[pad_instrument(gesuggereerd[0].id)]
    assert "suggestie van dit project" in pagina


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
    assert {"plugins-schrijven.md", "extra/notitie.md", "plugins/proeforganisatie/over-proef.md"} <= paden
    assert set(_paden(mp)) <= paden


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
    try:
        resultaat = bouw_site(uit, methodiek=m, strict=True)
    except VendorFout as fout:
        if os.environ.get("CI", "").lower() == "true":
            raise
        pytest.skip(str(fout))
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
    # The vendored local copies are what the pages use instead.
    fase = (uit / "fasen" / "verdieping.html").read_text(encoding="utf-8")
    assert "assets/vendor/mermaid.min.js" in fase
    assert "assets/vendor/iframe-worker-shim.js" in fase


# --- build errors and the CLI ----------------------------------------------------------------


def test_missing_vendored_assets_give_a_clear_dutch_error(tmp_path: Path) -> None:
    with pytest.raises(VendorFout, match="make vendor"):
        bouw_site(tmp_path / "site", vendormap=tmp_path / "leeg")


@pytest.mark.slow
def test_a_hand_written_page_cannot_replace_a_generated_one(tmp_path: Path) -> None:
    bron = tmp_path / "docs"
    (bron / "fasen").mkdir(parents=True)
    (bron / "fasen" / "verdieping.md").write_text("# Eigen versie\n", encoding="utf-8")
    try:
        with pytest.raises(SiteFout, match=r"fasen/verdieping\.md"):
            bouw_site(tmp_path / "site", methodiek=ija.load_methodiek(entrypoints=False), bron=bron)
    except VendorFout as fout:  # pragma: no cover - only without `make vendor`
        pytest.skip(str(fout))


def test_output_folder_that_is_not_a_site_is_left_alone(tmp_path: Path) -> None:
    uit = tmp_path / "mijn-map"
    uit.mkdir()
    (uit / "belangrijk.txt").write_text("niet weggooien", encoding="utf-8")
    try:
        with pytest.raises(SiteFout, match="geen gebouwde site"):
            bouw_site(uit, methodiek=ija.load_methodiek(entrypoints=False))
    except VendorFout as fout:  # pragma: no cover - only without `make vendor`
        pytest.skip(str(fout))
    assert (uit / "belangrijk.txt").read_text(encoding="utf-8") == "niet weggooien"


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


def test_cli_build_without_vendored_assets_says_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["docs", "build", "--uit", str(tmp_path / "s"), "--vendor", str(tmp_path / "leeg")])
    assert code == 1
    assert "make vendor" in capsys.readouterr().err


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
    if code == 1 and "make vendor" in uit.err and os.environ.get("CI", "").lower() != "true":
        pytest.skip("de offline bestanden ontbreken: make vendor")
    assert code == 0, uit.err
    assert "index.html" in uit.out
    assert (tmp_path / "site" / "index.html").is_file()


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
