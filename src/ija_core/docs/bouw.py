"""Building the methodiek site: generated pages + hand-written pages → mkdocs-material, offline.

The build works in a fresh temporary folder: it copies the hand-written pages (the
repository's ``docs/``), writes every generated page next to them, adds the package's own
assets (print stylesheet, catalogue filter, theme override) and the vendored scripts, writes
an ``mkdocs.yml`` and runs mkdocs in strict mode. Nothing generated is written into the
repository; only the finished site lands in the output folder.

After the build the theme's remaining CDN fallbacks (``https://unpkg.com/...``, used only when
a script is missing) are replaced by an empty inline script, so no page can ever reach out.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import frozen

from ija_core.docs import vendor
from ija_core.docs.paginas import Paginas, genereer_paginas
from ija_core.errors import IjaError
from ija_core.methodiek import Methodiek

PAKKETMAP = Path(__file__).resolve().parent
SITE_NAAM = "Intensieve Jongerenaanpak: de methodiek"
_MERMAID_FENCE = "__IJA_MERMAID_FENCE__"
_NIET_KOPIEREN = ("gegenereerd",)  # an old, git-ignored output folder of the docs


class SiteFout(IjaError):
    """The site could not be built; the message (Dutch) says why."""


@frozen
class BouwResultaat:
    """What a build produced.

    Attributes:
        uit: the folder with the built site (open ``index.html``).
        paginas: the number of Markdown pages (generated and hand-written).
        gegenereerd: the number of generated pages.
        seconden: how long the build took.
        waarschuwingen: warnings mkdocs reported (empty for a strict build that succeeded).
    """

    uit: Path
    paginas: int
    gegenereerd: int
    seconden: float
    waarschuwingen: tuple[str, ...]


def standaard_bron() -> Path | None:
    """The hand-written pages: ``docs/`` in the working folder, else in the source checkout."""
    for basis in (Path.cwd(), Path(__file__).resolve().parents[3]):
        kandidaat = basis / "docs"
        if (kandidaat / "plugins-schrijven.md").is_file():
            return kandidaat
    return None


def _config(docs_dir: Path, site_dir: Path, nav: list[Any], *, strict: bool) -> dict[str, Any]:
    src = PAKKETMAP.parent.parent  # the folder that holds the ija_core package
    return {
        "site_name": SITE_NAAM,
        "site_description": "De Intensieve Jongerenaanpak van de Rotterdamse wijkteams, "
        "gegenereerd uit ija-core.",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "strict": strict,
        "use_directory_urls": False,
        "nav": nav,
        "theme": {
            "name": "material",
            "custom_dir": str(PAKKETMAP / "overrides"),
            "language": "nl",
            "font": False,
            "features": ["navigation.tabs", "navigation.sections", "navigation.indexes",
                         "navigation.top", "search.highlight", "toc.follow"],
        },
        "extra": {"polyfills": ["assets/vendor/iframe-worker-shim.js"], "generator": False},
        "extra_css": ["assets/ija/extra.css", "assets/ija/print.css"],
        "extra_javascript": ["assets/ija/catalogus.js"],
        "markdown_extensions": [
            "admonition",
            "attr_list",
            "md_in_html",
            "tables",
            "def_list",
            {"toc": {"permalink": True}},
            {"pymdownx.superfences": {"custom_fences": [
                {"name": "mermaid", "class": "mermaid", "format": _MERMAID_FENCE},
            ]}},
        ],
        "plugins": [
            {"search": {"lang": "nl"}},
            "offline",
            {"mkdocstrings": {"default_handler": "python", "handlers": {"python": {
                "paths": [str(src)],
                "options": {
                    "docstring_style": "google",
                    "show_source": False,
                    "show_root_heading": False,
                    "show_root_toc_entry": False,
                    "heading_level": 2,
                    "members_order": "alphabetical",
                    "show_signature_annotations": True,
                    "separate_signature": True,
                    "merge_init_into_class": True,
                },
            }}}},
        ],
        "validation": {"links": {"anchors": "warn", "unrecognized_links": "warn"}},
    }


def schrijf_config(pad: Path, config: dict[str, Any]) -> None:
    """Write ``mkdocs.yml`` (JSON is YAML; the mermaid fence needs one Python-name tag)."""
    tekst = json.dumps(config, ensure_ascii=False, indent=2).replace(
        json.dumps(_MERMAID_FENCE), "!!python/name:pymdownx.superfences.fence_code_format ''"
    )
    pad.write_text(tekst + "\n", encoding="utf-8")


def _kopieer_handgeschreven(bron: Path | None, docs_dir: Path) -> list[str]:
    if bron is None:
        docs_dir.mkdir(parents=True)
        return []
    if not bron.is_dir():
        raise SiteFout(f"de map met handgeschreven pagina's bestaat niet: {bron}")
    shutil.copytree(bron, docs_dir, ignore=shutil.ignore_patterns(*_NIET_KOPIEREN))
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))


def _schrijf_paginas(paginas: Paginas, docs_dir: Path, handgeschreven: list[str]) -> None:
    dubbel = sorted(set(paginas.paginas) & set(handgeschreven))
    if dubbel:
        raise SiteFout(
            "deze handgeschreven pagina's hebben hetzelfde pad als een gegenereerde pagina: "
            + ", ".join(dubbel)
        )
    for pad, tekst in paginas.paginas.items():
        doel = docs_dir / pad
        doel.parent.mkdir(parents=True, exist_ok=True)
        doel.write_text(tekst, encoding="utf-8")


def _kopieer_assets(docs_dir: Path, vendormap: Path) -> None:
    eigen = docs_dir / "assets" / "ija"
    eigen.mkdir(parents=True, exist_ok=True)
    for naam in ("extra.css", "print.css", "catalogus.js"):
        shutil.copyfile(PAKKETMAP / "assets" / naam, eigen / naam)
    doel = docs_dir / "assets" / "vendor"
    doel.mkdir(parents=True, exist_ok=True)
    for p in vendor.PAKKETTEN:
        shutil.copyfile(vendormap / p.doel, doel / p.doel)


_CDN = re.compile(r"""(["'])https://unpkg\.com/[^"']*\1""")


def _verwijder_cdn_terugval(site_dir: Path) -> int:
    """Replace the theme's CDN fallbacks in its scripts by an empty inline script."""
    vervangen = 0
    for js in (site_dir / "assets" / "javascripts").glob("*.js"):
        tekst = js.read_text(encoding="utf-8")
        nieuw, n = _CDN.subn('"data:text/javascript,"', tekst)
        if n:
            js.write_text(nieuw, encoding="utf-8")
            vervangen += n
    return vervangen


class _Verzamelaar(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.berichten: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.berichten.append(f"{record.levelname.lower()}: {record.getMessage()}")


def _mkdocs_build(config_pad: Path) -> tuple[str, ...]:
    """Run mkdocs on a config file; raise ``SiteFout`` with mkdocs' warnings when it fails."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    try:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException
    except ImportError as fout:
        raise SiteFout(
            f"{fout.name or 'mkdocs'} ontbreekt; installeer de docs-extra: "
            "pip install 'ija-core[docs]'"
        ) from fout

    logger = logging.getLogger("mkdocs")
    verzamelaar = _Verzamelaar()
    oud_propagate = logger.propagate
    logger.addHandler(verzamelaar)
    logger.propagate = False
    try:
        config = load_config(str(config_pad))
        build(config)
    except MkDocsException as fout:
        details = "; ".join(verzamelaar.berichten[:10]) or str(fout)
        raise SiteFout(f"mkdocs kon de site niet bouwen: {details}") from fout
    finally:
        logger.removeHandler(verzamelaar)
        logger.propagate = oud_propagate
    return tuple(verzamelaar.berichten)


def bouw_site(
    uit: Path,
    *,
    methodiek: Methodiek | None = None,
    bron: Path | None = None,
    vendormap: Path | None = None,
    strict: bool = True,
    melding: Callable[[str], None] | None = None,
) -> BouwResultaat:
    """Build the methodiek site into ``uit`` (replaced when it exists).

    Args:
        uit: the output folder.
        methodiek: the Methodiek to document; ``load_methodiek()`` (core + installed plugins)
            when None.
        bron: the folder of hand-written pages; ``standaard_bron()`` when None.
        vendormap: the folder with the vendored scripts; ``vendor.standaardmap()`` when None.
        strict: fail on any mkdocs warning (broken link, unknown anchor, ...).
        melding: called with Dutch progress messages.

    Raises:
        SiteFout: the build failed (the message says why).
        VendorFout: the vendored scripts are missing (run ``make vendor``).
    """
    zeg = melding or (lambda _tekst: None)
    begin = time.perf_counter()
    vendormap = vendormap or vendor.standaardmap()
    vendor.controleer(vendormap)
    if methodiek is None:
        from ija_core.plugins import load_methodiek

        zeg("methodiek laden (handboek en geïnstalleerde plugins)")
        methodiek = load_methodiek()
    bron = bron if bron is not None else standaard_bron()
    with tempfile.TemporaryDirectory(prefix="ija-docs-") as werk:
        werkmap = Path(werk)
        docs_dir = werkmap / "docs"
        handgeschreven = _kopieer_handgeschreven(bron, docs_dir)
        if bron is None:
            zeg("geen map met handgeschreven pagina's gevonden: alleen gegenereerde pagina's")
        paginas = genereer_paginas(methodiek, handgeschreven)
        zeg(f"{len(paginas.paginas)} pagina's gegenereerd, {len(handgeschreven)} handgeschreven")
        _schrijf_paginas(paginas, docs_dir, handgeschreven)
        _kopieer_assets(docs_dir, vendormap)
        site_dir = werkmap / "site"
        config_pad = werkmap / "mkdocs.yml"
        schrijf_config(config_pad, _config(docs_dir, site_dir, paginas.nav, strict=strict))
        zeg("site bouwen met mkdocs" + (" (strikt)" if strict else ""))
        waarschuwingen = _mkdocs_build(config_pad)
        _verwijder_cdn_terugval(site_dir)
        uit = Path(uit)
        if uit.exists():
            if not (uit / "index.html").is_file() and any(uit.iterdir()):
                raise SiteFout(
                    f"{uit} bestaat al en is geen gebouwde site; kies een lege of nieuwe map"
                )
            shutil.rmtree(uit)
        uit.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(site_dir, uit)
    return BouwResultaat(
        uit=uit,
        paginas=len(paginas.paginas) + len(handgeschreven),
        gegenereerd=len(paginas.paginas),
        seconden=time.perf_counter() - begin,
        waarschuwingen=waarschuwingen,
    )
