"""Building the methodiek site: generated pages + hand-written pages → mkdocs-material, offline.

Everything the build needs ships in the package (``pip install 'ija-core[docs]'`` is enough;
no npm, no clone, no download at build time). The build works in a fresh temporary folder:
it copies the hand-written pages (the repository's ``docs/``, shipped in the wheel as
``handgeschreven/`` in this package), writes every
generated page next to them, adds the package's own assets (print stylesheet, catalogue
filter, the small worker shim that lets search run from ``file://``, theme override), writes
an ``mkdocs.yml`` and runs mkdocs in strict mode. Diagrams are inline SVG drawn in Python
(``_diagrammen``): no script is needed to see them. Only the finished site lands in the
output folder (see ``bouw_site`` for how it replaces an earlier one).

After the build the theme's remaining CDN fallbacks (``https://unpkg.com/...``, e.g. for
mermaid, which this site does not use) are replaced by an empty inline script, so no page can
ever reach out.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import frozen

from ija_core.docs.paginas import Paginas, genereer_paginas
from ija_core.errors import BronFout, SiteFout, UitmapFout  # defined in the one error tree
from ija_core.methodiek import Methodiek

PAKKETMAP = Path(__file__).resolve().parent
HANDGESCHREVEN = PAKKETMAP / "handgeschreven"
"""The hand-written pages in an installed wheel (hatch ``force-include`` of the repository's
``docs/``); a checkout has them in ``docs/`` at the top of the repository."""
SITE_NAAM = "Intensieve Jongerenaanpak: de methodiek"
_NIET_KOPIEREN = ("__pycache__",)
_ASSETS = ("extra.css", "print.css", "catalogus.js", "iframe-worker-shim.js")


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


def standaard_bron() -> Path:
    """The hand-written pages: ``handgeschreven/`` in an installed wheel, ``docs/`` in a checkout."""
    if HANDGESCHREVEN.is_dir():
        return HANDGESCHREVEN
    return PAKKETMAP.parents[2] / "docs"


def _voettekst() -> str:
    """The footer: which ija-core made the site, and where the methodiek comes from."""
    from importlib import metadata

    try:
        versie = metadata.version("ija-core")
    except metadata.PackageNotFoundError:
        versie = "onbekende versie"
    return (
        f"Gemaakt met ija-core {versie}. De methodiek komt uit het handboek Intensieve "
        "Jongerenaanpak van de Rotterdamse wijkteams; keuzes van ija-core zelf staan er als "
        "zodanig bij."
    )


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
        "copyright": _voettekst(),
        "nav": nav,
        "theme": {
            "name": "material",
            "custom_dir": str(PAKKETMAP / "overrides"),
            "language": "nl",
            "font": False,
            "features": ["navigation.tabs", "navigation.sections", "navigation.indexes",
                         "navigation.top", "navigation.footer", "search.highlight",
                         "toc.follow"],
        },
        # The offline plugin only fetches its own shim when no polyfill with this name is listed.
        "extra": {"polyfills": ["assets/ija/iframe-worker-shim.js"], "generator": False},
        "extra_css": ["assets/ija/extra.css", "assets/ija/print.css"],
        "extra_javascript": ["assets/ija/catalogus.js"],
        "hooks": [str(PAKKETMAP / "_mkdocs_hooks.py")],
        "markdown_extensions": [
            "abbr",
            "admonition",
            "attr_list",
            "md_in_html",
            "tables",
            "def_list",
            {"toc": {"permalink": True}},
            "pymdownx.superfences",
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
    """Write ``mkdocs.yml`` (JSON is YAML, and needs no escaping rules of its own)."""
    pad.write_text(json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def controleer_bron(bron: Path) -> None:
    """Check the folder of hand-written pages before anything is copied from it.

    Copying follows symbolic links, so a link in the folder would publish whatever it points
    to (``~/.ssh``, another jongere's file). Refused, with ``BronFout`` (Dutch): a link that
    leads out of the folder or nowhere, a link to a folder that holds the link itself (the
    copy would never end), and anything that is not a file or a folder (a pipe would make
    the copy wait forever, a device would be read without end).
    """
    if not bron.is_dir():
        raise SiteFout(f"de map met handgeschreven pagina's bestaat niet: {bron}")
    basis = bron.resolve()
    for wortel, mappen, bestanden in os.walk(bron):
        for naam in (*mappen, *bestanden):
            pad = Path(wortel) / naam
            if pad.is_symlink():
                doel = pad.resolve()
                if not doel.exists():
                    raise BronFout(f"{pad} is een symbolische koppeling naar iets dat niet "
                                   "bestaat; haal hem weg of vervang hem door het bestand")
                if not doel.is_relative_to(basis):
                    raise BronFout(f"{pad} is een symbolische koppeling naar {doel}, buiten "
                                   f"{bron}; alleen wat in de map staat wordt gepubliceerd")
                if doel.is_dir() and pad.parent.resolve().is_relative_to(doel):
                    raise BronFout(f"{pad} is een symbolische koppeling naar een map waar hij "
                                   "zelf in staat; het kopiëren zou nooit eindigen")
            if not (pad.is_dir() or pad.is_file()):
                raise BronFout(f"{pad} is geen gewoon bestand of map (een pijp, apparaat of "
                               "socket); haal het uit de map met pagina's")


def _kopieer_handgeschreven(bron: Path | None, docs_dir: Path) -> list[str]:
    if bron is None:
        docs_dir.mkdir(parents=True)
        return []
    controleer_bron(bron)
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


def _kopieer_assets(docs_dir: Path) -> None:
    eigen = docs_dir / "assets" / "ija"
    eigen.mkdir(parents=True, exist_ok=True)
    for naam in _ASSETS:
        shutil.copyfile(PAKKETMAP / "assets" / naam, eigen / naam)


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


_WORTELLINK = re.compile(r"""(\s(?:href|src)="|"search":\s*")/(?!/)""")
_WORTELBASIS = re.compile(r'"base":\s*"/"')
_KOP = re.compile(r"<head>")
_CONFIG_EINDE = re.compile(r'(<script id="__config" type="application/json">.*?</script>)', re.S)
_BASIS_KOP = (
    "<head><script>if(location.protocol!==\"file:\"){var b=document.createElement(\"base\");"
    "b.href=\"/\";document.head.appendChild(b)}</script>"
)
_BASIS_CONFIG = (
    "<script>if(location.protocol!==\"file:\"){var c=document.getElementById(\"__config\"),"
    "j=JSON.parse(c.textContent);j.base=document.baseURI;c.textContent=JSON.stringify(j)}"
    "</script>"
)


def _maak_404_relatief(site_dir: Path) -> int:
    """Make the 404 page work both opened from ``file://`` and served at any depth.

    mkdocs writes the 404 page with links from the root of a web server (``/assets/...``),
    because a server shows it for a missing page at any depth. Opened from a folder those
    lead nowhere; the page lies at the top of the site, so the same links without the
    leading slash are right there. On a web server a small inline script at the top of the
    head then adds ``<base href="/">``, so the relative links resolve from the server's root
    whatever the missing address was, and a second one gives the theme the same base (for
    search and navigation). Returns how many links were changed.
    """
    pad = site_dir / "404.html"
    if not pad.is_file():
        return 0
    tekst = pad.read_text(encoding="utf-8")
    tekst, n = _WORTELLINK.subn(r"\1", tekst)
    tekst, b = _WORTELBASIS.subn('"base": "."', tekst)
    tekst = _KOP.sub(lambda _m: _BASIS_KOP, tekst, count=1)
    tekst = _CONFIG_EINDE.sub(lambda m: m.group(1) + _BASIS_CONFIG, tekst, count=1)
    pad.write_text(tekst, encoding="utf-8")
    return n + b


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
    strict: bool = True,
    melding: Callable[[str], None] | None = None,
) -> BouwResultaat:
    """Build the methodiek site into ``uit``.

    ``uit`` may be missing, an empty folder, or a site an earlier build wrote (it holds the
    marker file ``MARKERING`` listing what that build made). The new site is built in a fresh
    folder next to ``uit`` and swapped in only when the build succeeded; of the old site only
    the files its marker lists *and* that lie inside it are removed (``_ruim_op``): a marker
    naming ``/elders`` or ``../naast`` or a path through a symbolic link removes nothing
    there. Anything else is refused before building.

    Args:
        uit: the output folder.
        methodiek: the Methodiek to document; ``load_methodiek()`` (core + installed plugins)
            when None.
        bron: the folder of hand-written pages; ``standaard_bron()`` (the pages that ship
            with the package, or ``docs/`` in a checkout) when None.
        strict: fail on any mkdocs warning (broken link, unknown anchor, ...).
        melding: called with Dutch progress messages.

    Raises:
        UitmapFout: ``uit`` is a file, a symbolic link, lies under a file, or is a folder
            with files no earlier build made (nothing is written or removed).
        BronFout: ``bron`` holds a symbolic link out of it, or a pipe or device
            (``controleer_bron``).
        SiteFout: the build failed (the message says why).
    """
    zeg = melding or (lambda _tekst: None)
    begin = time.perf_counter()
    uit = Path(os.path.abspath(uit))
    controleer_uit(uit)
    if methodiek is None:
        from ija_core.plugins import load_methodiek

        zeg("methodiek laden (handboek en geïnstalleerde plugins)")
        methodiek = load_methodiek()
    bron = bron if bron is not None else standaard_bron()
    with tempfile.TemporaryDirectory(prefix="ija-docs-") as werk:
        werkmap = Path(werk)
        docs_dir = werkmap / "docs"
        handgeschreven = _kopieer_handgeschreven(bron, docs_dir)
        paginas = genereer_paginas(methodiek, handgeschreven)
        zeg(f"{len(paginas.paginas)} pagina's gegenereerd, {len(handgeschreven)} handgeschreven")
        _schrijf_paginas(paginas, docs_dir, handgeschreven)
        _kopieer_assets(docs_dir)
        site_dir = werkmap / "site"
        config_pad = werkmap / "mkdocs.yml"
        schrijf_config(config_pad, _config(docs_dir, site_dir, paginas.nav, strict=strict))
        zeg("site bouwen met mkdocs" + (" (strikt)" if strict else ""))
        waarschuwingen = _mkdocs_build(config_pad)
        _verwijder_cdn_terugval(site_dir)
        _maak_404_relatief(site_dir)
        achtergelaten = _plaats(site_dir, uit)
        if achtergelaten is not None:
            zeg(f"de oude site staat nog in {achtergelaten}: er kwamen tijdens het bouwen "
                "bestanden bij die de bouw niet maakte")
    return BouwResultaat(
        uit=uit,
        paginas=len(paginas.paginas) + len(handgeschreven),
        gegenereerd=len(paginas.paginas),
        seconden=time.perf_counter() - begin,
        waarschuwingen=waarschuwingen,
    )


# --- the output folder: check, swap in, clean up only what a build made ---------------------

MARKERING = ".ija-site.json"
"""The marker file a build writes at the top of the site: which files that build made."""


_MARKERING_MAX = 16 * 1024 * 1024
"""A marker larger than this (a site lists a few hundred files: kilobytes) is no marker."""


def _bestaat(pad: Path) -> bool:
    return pad.is_symlink() or pad.exists()


def _markering(map_: Path) -> set[str] | None:
    """The files an earlier build made in ``map_``, from its marker; None without a marker."""
    pad = map_ / MARKERING
    if pad.is_symlink() or not pad.is_file() or pad.stat().st_size > _MARKERING_MAX:
        return None
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("gemaakt_door") != "ija-core":
        return None
    bestanden = data.get("bestanden")
    if not isinstance(bestanden, list):
        return None
    return {b for b in bestanden if isinstance(b, str) and _binnen(b)}


def _binnen(rel: str) -> bool:
    """Whether a path from a marker names something inside the site folder, by its text:
    relative, POSIX, no empty, ``.`` or ``..`` part (``/etc/x``, ``../naast`` are not)."""
    delen = rel.split("/")
    return bool(rel) and "\x00" not in rel and "\\" not in rel and all(
        d not in ("", ".", "..") for d in delen
    )


def _inhoud(map_: Path) -> list[str]:
    """Every file, symlink and folder below ``map_``, as relative POSIX paths (folders end in /)."""
    gevonden = []
    for wortel, mappen, bestanden in os.walk(map_):
        basis = Path(wortel).relative_to(map_)
        for naam in mappen:
            pad = Path(wortel) / naam
            rel = (basis / naam).as_posix()
            gevonden.append(rel if pad.is_symlink() else rel + "/")
        gevonden += [(basis / naam).as_posix() for naam in bestanden]
    return gevonden


def controleer_uit(uit: Path) -> None:
    """Check that a site may be written to ``uit``; raise ``UitmapFout`` (Dutch) when not.

    Allowed: a path that does not exist yet (its parents are created), an empty folder, or a
    folder that holds exactly what an earlier build made (its marker file lists it).
    """
    uit = Path(os.path.abspath(uit))
    for ouder in uit.parents:
        if _bestaat(ouder):
            if not ouder.is_dir():
                raise UitmapFout(f"{uit} ligt onder {ouder}, en dat is een bestand, geen map")
            break
    if uit.is_symlink():
        raise UitmapFout(
            f"{uit} is een symbolische koppeling; geef de map zelf op, of een nieuwe map"
        )
    if not uit.exists():
        return
    if not uit.is_dir():
        raise UitmapFout(f"{uit} is een bestand; kies een lege of nieuwe map voor de site")
    try:
        inhoud = _inhoud(uit)
    except OSError as fout:
        raise UitmapFout(f"{uit} is niet te lezen: {fout.strerror}") from None
    if not inhoud:
        return
    gemaakt = _markering(uit)
    if gemaakt is None:
        raise UitmapFout(
            f"{uit} bestaat al en is geen gebouwde site; kies een lege of nieuwe map "
            "(er wordt niets weggegooid)"
        )
    vreemd = sorted(
        p for p in inhoud
        if p != MARKERING and not p.endswith("/") and p not in gemaakt
    )
    if vreemd:
        raise UitmapFout(
            f"{uit} bevat bestanden die de vorige bouw niet maakte ({', '.join(vreemd[:3])}"
            + (f" en nog {len(vreemd) - 3}" if len(vreemd) > 3 else "")
            + "); kies een andere map of haal ze er eerst zelf uit"
        )


def _umask() -> int:
    huidig = os.umask(0o022)
    os.umask(huidig)
    return huidig


def _plaats(site_dir: Path, uit: Path) -> Path | None:
    """Swap the built site in at ``uit``; returns the old site's folder when it had to stay."""
    controleer_uit(uit)  # again: the folder may have changed while mkdocs ran
    try:
        uit.parent.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        raise UitmapFout(f"kan de map {uit.parent} niet maken: {fout.strerror}") from None
    nieuw = Path(tempfile.mkdtemp(prefix=f".{uit.name}.nieuw-", dir=uit.parent))
    try:
        os.chmod(nieuw, 0o777 & ~_umask())
        shutil.copytree(site_dir, nieuw, dirs_exist_ok=True)
        bestanden = sorted(p for p in _inhoud(nieuw) if not p.endswith("/"))
        (nieuw / MARKERING).write_text(
            json.dumps({"gemaakt_door": "ija-core", "bestanden": bestanden}, indent=0) + "\n",
            encoding="utf-8",
        )
        if not _bestaat(uit):
            os.rename(nieuw, uit)
            return None
        if not any(uit.iterdir()):  # an empty folder stays itself (it may be a mount or the cwd)
            for kind in nieuw.iterdir():
                os.rename(kind, uit / kind.name)
            nieuw.rmdir()
            return None
        gemaakt = _markering(uit) or set()
        oud = Path(tempfile.mkdtemp(prefix=f".{uit.name}.oud-", dir=uit.parent))
        os.rmdir(oud)
        os.rename(uit, oud)
        try:
            os.rename(nieuw, uit)
        except BaseException:
            os.rename(oud, uit)  # put the old site back where it was
            raise
    except OSError as fout:
        shutil.rmtree(nieuw, ignore_errors=True)
        raise UitmapFout(f"kan de site niet in {uit} zetten: {fout.strerror or fout}") from None
    except BaseException:
        shutil.rmtree(nieuw, ignore_errors=True)
        raise
    return _ruim_op(oud, gemaakt | {MARKERING})


def _ruim_op(oud: Path, gemaakt: set[str]) -> Path | None:
    """Remove the files an earlier build made, then its empty folders; keep anything else.

    The marker's list is not trusted to point anywhere: a file is removed only when the walk
    through ``oud`` meets it (so it lies inside, reached without following any symbolic
    link) *and* the marker lists it. A listed symbolic link is removed itself, never what it
    points to. Where the system allows, every removal goes through the handle of the folder
    that was walked (``os.fwalk``), so a folder swapped for a link meanwhile changes nothing.
    """
    if hasattr(os, "fwalk"):
        for wortel, mappen, bestanden, fd in os.fwalk(oud, topdown=False):
            basis = Path(wortel).relative_to(oud)
            for naam in (*bestanden, *mappen):
                try:
                    modus = os.stat(naam, dir_fd=fd, follow_symlinks=False).st_mode
                except FileNotFoundError:
                    continue  # gone meanwhile
                if naam in bestanden or stat.S_ISLNK(modus):
                    if (basis / naam).as_posix() in gemaakt:
                        with contextlib.suppress(FileNotFoundError):
                            os.unlink(naam, dir_fd=fd)
                else:
                    with contextlib.suppress(OSError):  # not empty: not all of it was made
                        os.rmdir(naam, dir_fd=fd)
    else:  # pragma: no cover - systems without fwalk (Windows)
        for wortel, mappen, bestanden in os.walk(oud, topdown=False):
            basis = Path(wortel).relative_to(oud)
            for naam in (*bestanden, *mappen):
                pad = Path(wortel) / naam
                if (naam in bestanden or pad.is_symlink()):
                    if (basis / naam).as_posix() in gemaakt:
                        pad.unlink()
                else:
                    with contextlib.suppress(OSError):
                        pad.rmdir()
    with contextlib.suppress(OSError):
        os.rmdir(oud)
    return oud if _bestaat(oud) else None
