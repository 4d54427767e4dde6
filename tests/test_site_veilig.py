"""The built site read the way a browser reads it: every page through an HTML5 parser.

A site is built with the hostile plugin (``tests/vijandig.py``) and every ``.html`` file is
parsed with ``html5lib`` (the WHATWG parsing algorithm, as browsers implement it). The tree
may hold no script element whose text or address came from the plugin, no event-handler
attribute, no ``javascript:`` address and nothing that embeds another document. A regular
expression over the HTML cannot decide this: ``</title>`` ends the title element wherever it
stands, while ``onerror=`` inside an escaped attribute value is harmless text.

The same parser reads the titles and texts of the search index, which the theme's search
inserts into the page as HTML; and the plugin's names must read as exactly what the plugin
wrote, in ``<title>``, the navigation, the footer and the search results.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest

import ija_core as ija

html5lib = pytest.importorskip("html5lib")

MERKEN = ("__ija_xss", "gehackt")
"""Every payload of the hostile plugin carries one of these."""
URL_ATTRIBUTEN = frozenset({"href", "src", "action", "formaction", "xlink:href", "data",
                            "poster", "background", "srcdoc", "ping", "cite", "srcset"})
INSLUITEND = frozenset({"iframe", "frame", "frameset", "object", "embed", "base", "applet"})
THEMA_JS_LINK = "javascript:void(0)"  # the theme's own search-share button
_SCHEMA_RUIS = re.compile(r"[\x00-\x20]")  # browsers drop these from a URL's scheme


def _naam(tag: str) -> str:
    """An element's or attribute's local name, with ``xlink:`` kept for ``xlink:href``."""
    if tag.startswith("{http://www.w3.org/1999/xlink}"):
        return "xlink:" + tag.rpartition("}")[2]
    return tag.rpartition("}")[2].lower()


def _tekst(el: Element) -> str:
    return "".join(el.itertext())


def gevaren(wortel: Element) -> list[str]:
    """Everything in a parsed tree that could run script or embed a document."""
    gevonden = []
    for el in wortel.iter():
        if not isinstance(el.tag, str):
            continue  # a comment
        tag = _naam(el.tag)
        if tag == "script":
            bron = el.get("src", "") + _tekst(el)
            if any(m in bron for m in MERKEN):
                gevonden.append(f"<script> uit de plugin: {bron[:80]!r}")
        if tag in INSLUITEND:
            gevonden.append(f"<{tag}>")
        if tag == "meta" and el.get("http-equiv", "").lower() == "refresh":
            gevonden.append("<meta http-equiv=refresh>")
        for sleutel, waarde in el.attrib.items():
            attr = _naam(sleutel)
            if attr.startswith("on"):
                gevonden.append(f"<{tag} {attr}={waarde[:60]!r}>")
            if attr in URL_ATTRIBUTEN:
                adres = _SCHEMA_RUIS.sub("", waarde).lower()
                if adres.startswith(("javascript:", "vbscript:", "data:text/html")) and (
                    waarde != THEMA_JS_LINK
                ):
                    gevonden.append(f"<{tag} {attr}={waarde[:60]!r}>")
    return gevonden


def parse(html: str) -> Element:
    return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)


def fragment(html: str) -> Element:
    """An HTML fragment as ``innerHTML`` would parse it (inside a ``<div>``)."""
    wortel = Element("div")
    wortel.append(html5lib.parseFragment(html, container="div", treebuilder="etree",
                                         namespaceHTMLElements=False))
    return wortel


def _zoek(wortel: Element, tag: str, **attrs: str) -> Iterator[Element]:
    for el in wortel.iter():
        if isinstance(el.tag, str) and _naam(el.tag) == tag and all(
            el.get(k.rstrip("_")) == v for k, v in attrs.items()
        ):
            yield el


def _html_titels(wortel: Element) -> list[Element]:
    """The HTML ``<title>`` elements (not the ``<title>`` of an inline SVG picture)."""
    return [e for e in wortel.iter() if e.tag == "title"]


def _klassen(el: Element) -> set[str]:
    return set(el.get("class", "").split())


def _gewoon(tekst: str) -> str:
    return " ".join(tekst.split())


# --- the parser test itself can fail ---------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<title>Kwaad </title><script>window.__ija_xss=20</script> x</title>",
        "<textarea></textarea><img src=x onerror=window.__ija_xss=21></textarea>",
        "<p><svg onload=window.__ija_xss=22></svg></p>",
        '<a href=" java\tscript:window.__ija_xss=23">x</a>',
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        '<form><button formaction="JAVASCRIPT:x">x</button></form>',
        '<iframe src="about:blank"></iframe>',
    ],
)
def test_the_check_finds_what_a_browser_would_run(html: str) -> None:
    assert gevaren(parse(html))


@pytest.mark.parametrize(
    "html",
    [
        "<title>Kwaad &lt;/title&gt;&lt;script&gt;window.__ija_xss=20&lt;/script&gt;</title>",
        '<a title="x onerror=window.__ija_xss=2 javascript:x" href="a.html">onload=</a>',
        '<p data-x="&lt;script&gt;window.__ija_xss=1&lt;/script&gt;">&lt;svg onload=x&gt;</p>',
        '<a href="javascript:void(0)">zoeken delen</a><script src="bundle.js"></script>',
    ],
)
def test_the_check_leaves_harmless_text_alone(html: str) -> None:
    """Text that only looks like markup (in an attribute, escaped in a title) is no danger."""
    assert gevaren(parse(html)) == []


# --- the hostile site ------------------------------------------------------------------------


def test_a_plugin_name_with_a_slash_keeps_its_pages() -> None:
    """The pages are attributed to the whole plugin name, not to what stands before a '/'."""
    from vijandig import PLUGIN_NAAM, VijandigePlugin

    assert "/" in PLUGIN_NAAM
    m = ija.load_methodiek(plugins=[VijandigePlugin()], entrypoints=False)
    assert [p for p, _d in m.docs_paginas] == [PLUGIN_NAAM]


@pytest.fixture(scope="module")
def vijandige_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ija.Methodiek]:
    pytest.importorskip("mkdocs")
    from ija_core.docs import bouw_site
    from vijandig import VijandigePlugin

    m = ija.load_methodiek(plugins=[VijandigePlugin()], entrypoints=False)
    uit = tmp_path_factory.mktemp("html5") / "site"
    bouw_site(uit, methodiek=m)
    return uit, m


@pytest.mark.slow
def test_every_built_page_parses_without_anything_that_runs(
    vijandige_site: tuple[Path, ija.Methodiek],
) -> None:
    uit, _m = vijandige_site
    paginas = sorted(uit.rglob("*.html"))
    assert len(paginas) > 50
    fouten = {}
    for pad in paginas:
        wortel = parse(pad.read_text(encoding="utf-8"))
        gevonden = gevaren(wortel)
        titels = _html_titels(wortel)
        if len(titels) != 1:
            gevonden.append(f"{len(titels)} <title>-elementen")
        if gevonden:
            fouten[pad.relative_to(uit).as_posix()] = gevonden
    assert fouten == {}


@pytest.mark.slow
def test_the_search_index_holds_only_text(vijandige_site: tuple[Path, ija.Methodiek]) -> None:
    """The theme's search shows titles and texts with ``innerHTML``: they must be text."""
    from vijandig import NAAM

    uit, _m = vijandige_site
    index = json.loads((uit / "search" / "search_index.json").read_text(encoding="utf-8"))
    fouten = [(doc["location"], veld) for doc in index["docs"] for veld in ("title", "text")
              if gevaren(fragment(doc[veld] or ""))]
    assert fouten == []
    titels = {doc["location"]: _gewoon(_tekst(fragment(doc["title"]))) for doc in index["docs"]}
    assert titels["aanbieders/boos.html"].endswith(NAAM)
    assert titels["instrumenten/boos/meter.html"].endswith(NAAM)


def _verwacht(m: ija.Methodiek) -> dict[str, str]:
    """Page → the name it is about, exactly as the plugin wrote it."""
    from ija_core.docs._markdown import pad_plugin_pagina
    from vijandig import PLUGIN_NAAM

    aanbieder = m.aanbieder("boos")
    (docs,) = [d for p, d in m.docs_paginas if p == PLUGIN_NAAM]
    plugin_pad = pad_plugin_pagina(PLUGIN_NAAM, docs.pad).replace(".md", ".html")
    return {
        "aanbieders/boos.html": aanbieder.naam,
        "instrumenten/boos/meter.html": m.instrument("boos:meter").naam,
        plugin_pad: docs.titel,
    }


@pytest.mark.slow
def test_names_read_exactly_as_written_in_title_nav_and_footer(
    vijandige_site: tuple[Path, ija.Methodiek],
) -> None:
    """No markup from the name, and no character escaped twice (``&#123;`` for ``{``)."""
    from ija_core.docs.bouw import SITE_NAAM
    from vijandig import NAAM, PLUGIN_NAAM

    uit, m = vijandige_site
    verwacht = _verwacht(m)
    for pad, naam in verwacht.items():
        assert NAAM in naam
        wortel = parse((uit / pad).read_text(encoding="utf-8"))
        (titel,) = _html_titels(wortel)
        assert _tekst(titel) == f"{_gewoon(naam)} - {SITE_NAAM}", pad
        (kop,) = list(_zoek(wortel, "h1"))
        assert _gewoon(_tekst(kop)).removesuffix("¶").rstrip() == _gewoon(naam), pad
        kop_header = [e for e in wortel.iter()
                      if isinstance(e.tag, str) and "md-header__topic" in _klassen(e)]
        assert _gewoon(naam) in [_gewoon(_tekst(e)) for e in kop_header], pad
    # Every link to these pages (navigation, tabs, footer) reads the name, also its aria-label.
    gezien: dict[str, int] = dict.fromkeys(verwacht, 0)
    for bestand in uit.rglob("*.html"):
        wortel = parse(bestand.read_text(encoding="utf-8"))
        for a in _zoek(wortel, "a"):
            doel = (bestand.parent / a.get("href", "#").partition("#")[0]).resolve()
            pad = doel.relative_to(uit.resolve()).as_posix() if doel.is_relative_to(
                uit.resolve()) else ""
            if pad not in verwacht or not (
                {"md-nav__link", "md-footer__link"} & _klassen(a)
            ) or a.get("href", "").partition("#")[2]:
                continue
            naam = _gewoon(verwacht[pad])
            if "md-footer__link" in _klassen(a):
                richting = "Vorige" if "md-footer__link--prev" in _klassen(a) else "Volgende"
                assert a.get("aria-label") == f"{richting}: {naam}", bestand
                (tekst,) = [e for e in a.iter() if "md-ellipsis" in _klassen(e)]
                assert _gewoon(_tekst(tekst)) == naam, bestand
            else:
                assert naam in _gewoon(_tekst(a)), bestand
            gezien[pad] += 1
    assert all(n > 0 for n in gezien.values()), gezien
    # The plugin's own name heads its section of the navigation, as text.
    index = parse((uit / "index.html").read_text(encoding="utf-8"))
    labels = [_gewoon(_tekst(e)) for e in _zoek(index, "label")]
    assert _gewoon(PLUGIN_NAAM) in labels


@pytest.mark.slow
def test_front_matter_text_is_text_too(tmp_path: Path) -> None:
    """A hand-written page's front-matter title and description go into <title>, the header
    and a <meta> attribute: they are text, escaped once."""
    pytest.importorskip("mkdocs")
    from ija_core.docs import bouw_site

    bron = tmp_path / "bron"
    bron.mkdir()
    kwaad = "Eigen </title><script>window.__ija_xss=30</script> {x} & &amp;"
    omschrijving = '"><script>window.__ija_xss=31</script>'
    (bron / "eigen.md").write_text(
        f"---\ntitle: {json.dumps(kwaad)}\ndescription: {json.dumps(omschrijving)}\n---\n\n"
        "Gewone tekst.\n",
        encoding="utf-8",
    )
    citaat = 'Een "titel" met \'quotes\' & zo'
    (bron / "fijn.md").write_text(f"# {citaat}\n\nTekst.\n", encoding="utf-8")
    uit = tmp_path / "site"
    bouw_site(uit, methodiek=ija.load_methodiek(entrypoints=False), bron=bron)
    wortel = parse((uit / "eigen.html").read_text(encoding="utf-8"))
    assert gevaren(wortel) == []
    (titel,) = _html_titels(wortel)
    assert _tekst(titel).startswith(kwaad + " - ")
    (meta,) = _zoek(wortel, "meta", name="description")
    assert meta.get("content") == omschrijving
    index = json.loads((uit / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d for d in index["docs"] if gevaren(fragment(d["title"] or ""))] == []
    (eigen,) = [d for d in index["docs"] if d["location"] == "eigen.html"]
    assert _tekst(fragment(eigen["title"])) == kwaad
    # A heading with quotes is a title too: in the footer's aria-label it stays one value.
    labels = [a.get("aria-label") for a in _zoek(wortel, "a")
              if "md-footer__link" in _klassen(a) and a.get("href") == "fijn.html"]
    assert labels == [f"Volgende: {citaat}"]
    assert not [a for a in _zoek(wortel, "a") if "titel" in a.attrib or "met" in a.attrib]


# --- the build removes only what it made, inside its own folder ------------------------------


def _alles(map_: Path, behalve: Path | None = None) -> dict[str, str]:
    """Every path below ``map_`` (not below ``behalve``) with its content or link target."""
    uit = {}
    for pad in sorted(map_.rglob("*")):
        if behalve is not None and (pad == behalve or behalve in pad.parents):
            continue
        if pad.is_symlink():
            uit[str(pad)] = "-> " + os.readlink(pad)
        elif pad.is_file():
            uit[str(pad)] = pad.read_text(encoding="utf-8")
        else:
            uit[str(pad)] = "/"
    return uit


@pytest.mark.parametrize(
    ("rel", "binnen"),
    [("index.html", True), ("fasen/a.html", True), ("/etc/passwd", False), ("../naast", False),
     ("a/../../naast", False), ("a//b", False), ("./index.html", False), ("", False),
     ("..\\naast", False), ("a/..", False)],
)
def test_a_marker_path_counts_only_when_it_names_something_inside(rel: str, binnen: bool) -> None:
    from ija_core.docs.bouw import _binnen

    assert _binnen(rel) is binnen


def _vijandige_oude_site(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An old site whose marker lists files elsewhere, beside it and behind links."""
    elders = tmp_path / "elders"
    (elders / "map").mkdir(parents=True)
    (elders / "bewaar.txt").write_text("van iemand anders", encoding="utf-8")
    (elders / "map" / "ook.txt").write_text("ook van iemand anders", encoding="utf-8")
    (tmp_path / "naast.txt").write_text("naast de site", encoding="utf-8")
    uit = tmp_path / "site"
    (uit / "fasen").mkdir(parents=True)
    (uit / "index.html").write_text("oud", encoding="utf-8")
    (uit / "fasen" / "a.html").write_text("oud", encoding="utf-8")
    (uit / "koppeling").symlink_to(elders / "map")  # a folder link out of the site
    (uit / "fasen" / "b.html").symlink_to(elders / "bewaar.txt")  # a file link out
    marker = {
        "gemaakt_door": "ija-core",
        "bestanden": [
            "index.html", "fasen/a.html", "fasen/b.html", "koppeling",
            str(elders / "bewaar.txt"), "../naast.txt", "fasen/../../naast.txt",
            "koppeling/ook.txt", "./index.html", "../elders/bewaar.txt",
        ],
    }
    (uit / MARKERING).write_text(json.dumps(marker), encoding="utf-8")
    return uit, _alles(tmp_path, behalve=uit)


MARKERING = ".ija-site.json"


def test_a_crafted_marker_removes_nothing_outside_the_site(tmp_path: Path) -> None:
    """Absolute paths, ``..`` and paths through a link in the marker remove nothing there;
    the links themselves (listed, inside the site) go, what they point to stays."""
    from ija_core.docs import bouw

    assert bouw.MARKERING == MARKERING
    uit, _buiten = _vijandige_oude_site(tmp_path)
    nieuw = tmp_path / "gebouwd"
    nieuw.mkdir()
    (nieuw / "index.html").write_text("nieuw", encoding="utf-8")
    buiten = _alles(tmp_path, behalve=uit)
    assert bouw._plaats(nieuw, uit) is None
    assert _alles(tmp_path, behalve=uit) == buiten
    assert (tmp_path / "elders" / "bewaar.txt").read_text(encoding="utf-8") == "van iemand anders"
    assert (tmp_path / "elders" / "map" / "ook.txt").is_file()
    assert (tmp_path / "naast.txt").is_file()
    assert sorted(p.name for p in uit.iterdir()) == [MARKERING, "index.html"]


@pytest.mark.slow
def test_cli_build_over_a_crafted_marker_removes_nothing_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As ``make demo`` would run it over a committed ``site/`` with such a marker."""
    from ija_core.cli import main

    monkeypatch.setenv("IJA_DISABLED_PLUGINS", "")
    uit, buiten = _vijandige_oude_site(tmp_path)
    assert main(["docs", "build", "--uit", str(uit)]) == 0
    assert _alles(tmp_path, behalve=uit) == buiten
    assert (uit / "fasen").is_dir()
    assert not (uit / "koppeling").exists()


# --- --bron: only what is in the folder is published ----------------------------------------


def _bron(tmp_path: Path, soort: str) -> Path:
    bron = tmp_path / "bron"
    (bron / "sub").mkdir(parents=True)
    (bron / "eigen.md").write_text("# Eigen\n\nTekst.\n", encoding="utf-8")
    geheim = tmp_path / "geheim"
    geheim.mkdir()
    (geheim / "dossier.md").write_text("# Dossier van een jongere\n", encoding="utf-8")
    if soort == "bestand-buiten":
        (bron / "sub" / "dossier.md").symlink_to(geheim / "dossier.md")
    elif soort == "map-buiten":
        (bron / "sub" / "alles").symlink_to(geheim)
    elif soort == "relatief-buiten":
        (bron / "sub" / "terug.md").symlink_to(Path("..") / ".." / "geheim" / "dossier.md")
    elif soort == "nergens":
        (bron / "weg.md").symlink_to(tmp_path / "bestaat-niet.md")
    elif soort == "lus":
        (bron / "sub" / "lus").symlink_to(bron)
    elif soort == "pijp":
        os.mkfifo(bron / "sub" / "pijp.md")
    elif soort == "binnen":
        (bron / "sub" / "ook-eigen.md").symlink_to(bron / "eigen.md")
    return bron


@pytest.mark.parametrize(
    "soort", ["bestand-buiten", "map-buiten", "relatief-buiten", "nergens", "lus", "pijp"]
)
def test_cli_refuses_a_source_folder_with_a_link_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], soort: str
) -> None:
    from ija_core.cli import main

    bron = _bron(tmp_path, soort)
    uit = tmp_path / "site"
    code = main(["docs", "build", "--uit", str(uit), "--bron", str(bron)])
    fout = capsys.readouterr().err.strip()
    assert code == 2
    assert len(fout.splitlines()) == 1, fout
    assert fout.startswith("ija: --bron: ")
    assert not uit.exists()


@pytest.mark.parametrize("soort", ["bestand-buiten", "map-buiten", "pijp"])
def test_the_library_refuses_it_too_before_writing_anything(tmp_path: Path, soort: str) -> None:
    from ija_core.docs import BronFout, bouw_site

    bron = _bron(tmp_path, soort)
    with pytest.raises(BronFout):
        bouw_site(tmp_path / "site", methodiek=ija.load_methodiek(entrypoints=False), bron=bron)
    assert not (tmp_path / "site").exists()


def test_a_link_that_stays_inside_the_source_folder_is_fine(tmp_path: Path) -> None:
    from ija_core.docs import controleer_bron

    controleer_bron(_bron(tmp_path, "binnen"))
