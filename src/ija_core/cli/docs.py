"""``ija docs build`` and ``ija docs serve``: the methodiek site.

Exit codes: 0 fine; 1 the site could not be built or served (the reason on stderr, in Dutch);
2 bad arguments, among them an output folder that cannot be used (a file, a symbolic link, a
path under a file, a folder with files no earlier build made): nothing is written or removed;
and a ``--bron`` folder with a symbolic link that leads out of it (or a pipe or device).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from ija_core.cli._basis import subcommando
from ija_core.cli._fouten import meld
from ija_core.errors import IjaError


def register(sub: Any) -> None:
    """Add ``ija docs`` with its sub-commands."""
    docs = subcommando(
        sub, "docs", "bouw of bekijk de methodiek-site",
        "De methodiek-site: pagina's per fase, leefgebied, thema, instrument en aanbieder, "
        "gemaakt uit dezelfde gegevens als de code. De site werkt zonder internet.",
    )
    acties = docs.add_subparsers(dest="docs_actie", metavar="ACTIE", title="acties")
    acties.required = True

    p = subcommando(acties, "build", "bouw de site in een map (standaard site/)")
    p.add_argument("--uit", type=Path, default=Path("site"), metavar="MAP",
                   help="waar de site komt (standaard: site/); alleen een lege map of een eerder "
                        "gebouwde site wordt gebruikt, en dan vervangen")
    _gemeenschappelijk(p)
    p.set_defaults(uitvoeren=build)

    p = subcommando(acties, "serve", "bouw de site en bekijk hem in de browser")
    p.add_argument("--adres", default="127.0.0.1", help="adres om op te luisteren (standaard 127.0.0.1)")
    p.add_argument("--poort", type=_poort, default=8000, help="poort (standaard 8000)")
    _gemeenschappelijk(p)
    p.set_defaults(uitvoeren=serve)



def _poort(tekst: str) -> int:
    try:
        waarde = int(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen poortnummer: {tekst!r}") from None
    if not 1 <= waarde <= 65535:
        raise argparse.ArgumentTypeError(f"poort moet tussen 1 en 65535 liggen (kreeg {waarde})")
    return waarde


def _gemeenschappelijk(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bron", type=Path, default=None, metavar="MAP",
                   help="map met eigen handgeschreven pagina's (standaard: die van het pakket); "
                        "een symbolische koppeling naar buiten de map wordt geweigerd")
    p.add_argument("--niet-strikt", action="store_true",
                   help="bouw ook als mkdocs waarschuwt (bv. een kapotte link in een plugin-pagina)")


def _meld(tekst: str) -> None:
    print(f"==> {tekst}", file=sys.stderr)


def _bouw(args: argparse.Namespace, uit: Path) -> Any:
    """Build the site; returns the result, or an exit code after printing why it failed."""
    from ija_core.docs import bouw_site, controleer_bron, controleer_uit

    try:
        controleer_uit(uit)
    except IjaError as fout:
        return meld(fout)  # "--uit: ...", exit 2
    if args.bron is not None and not args.bron.is_dir():
        print(f"ija: de map met handgeschreven pagina's bestaat niet: {args.bron}", file=sys.stderr)
        return 1
    try:
        if args.bron is not None:
            controleer_bron(args.bron)
        return bouw_site(
            uit, bron=args.bron, strict=not args.niet_strikt, melding=_meld
        )
    except IjaError as fout:  # a bad --uit or --bron folder (2), a failed build (1): foutregel
        return meld(fout)


def build(args: argparse.Namespace) -> int:
    """Build the site into ``--uit``."""
    resultaat = _bouw(args, args.uit)
    if isinstance(resultaat, int):
        return resultaat
    for w in resultaat.waarschuwingen:
        print(f"ija: mkdocs {w}", file=sys.stderr)
    index = resultaat.uit / "index.html"
    print(
        f"Klaar in {resultaat.seconden:.1f} s: {resultaat.paginas} pagina's in {resultaat.uit}/.\n"
        f"Open {index} in een browser; de site werkt ook zonder internet."
    )
    return 0


def serve(args: argparse.Namespace) -> int:
    """Build the site into a temporary folder and serve it until Ctrl-C."""
    import functools
    import http.server

    with tempfile.TemporaryDirectory(prefix="ija-site-") as tmp:
        resultaat = _bouw(args, Path(tmp) / "site")
        if isinstance(resultaat, int):
            return resultaat
        sitemap: Path = resultaat.uit

        class _Stil(http.server.SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # signature of the stdlib
                """Keep the terminal quiet: one line per request is noise here."""

            def list_directory(self, path: Any) -> None:  # signature of the stdlib
                """No folder listings: a folder without index.html is a missing page."""
                self.send_error(404)

            def send_error(
                self, code: int, message: str | None = None, explain: str | None = None
            ) -> None:
                """A missing page gets the site's own 404 page, as on a web server."""
                if code == 404:
                    try:
                        inhoud = (sitemap / "404.html").read_bytes()
                    except OSError:
                        inhoud = None
                    if inhoud is not None:
                        self.send_response(404, message)
                        self.send_header("Content-Type", "text/html; charset=utf-8")
                        self.send_header("Content-Length", str(len(inhoud)))
                        self.send_header("Connection", "close")
                        self.end_headers()
                        if self.command != "HEAD":
                            self.wfile.write(inhoud)
                        return
                super().send_error(code, message, explain)

        handler = functools.partial(_Stil, directory=str(sitemap))
        try:
            server = http.server.ThreadingHTTPServer((args.adres, args.poort), handler)
        except OSError as fout:
            print(f"ija: kan niet luisteren op {args.adres}:{args.poort}: {fout.strerror}",
                  file=sys.stderr)
            return 1
        with server:
            print(f"De site draait op http://{args.adres}:{args.poort}/ (stoppen: Ctrl-C)")
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                print("\nGestopt.")
    return 0

