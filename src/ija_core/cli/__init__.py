"""The ``ija`` command line: Dutch help, tables for people, ``--json`` for machines.

Exit codes: 0 fine; 1 a rule violation, or a file among several that cannot be read (see
each command); 2 bad arguments or bad input, also when there is nothing to read at all; 3 a
plugin error (``ija plugins`` with a plugin that failed to load). Errors are one Dutch line
on stderr, never a traceback: ``_fouten.foutregel`` turns every ``IjaError`` into that line
and its exit code, for every command (a file's error names the file).

Event files are read by one module, ``_invoer`` (which files a path names, their bytes, the
``Traject`` or ``Groep`` they hold). ``--json`` is written by the library's codec
(``ija.unstructure``). The CLI imports of ``ija_core`` only what a plugin or an embedding app
may import: the public API and public sub-modules (``tests/test_lagen.py`` checks it).

Everything printed goes through ``VeiligeStroom``: control characters in ids, pseudonyms,
plugin texts or error messages are shown as ``\\uXXXX``, never acted on by the terminal.

Each command group lives in its own module with a ``register(subparsers)`` function; add new
modules to ``COMMANDOS``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from ija_core.cli._basis import IjaArgumentParser, Stop, veilige_stroom
from ija_core.cli._fouten import meld
from ija_core.cli._invoer import OMGEVING, STANDAARD_MB
from ija_core.errors import IjaError

COMMANDOS: tuple[str, ...] = (
    "ija_core.cli.definities",
    "ija_core.cli.catalogus",
    "ija_core.cli.docs",
    "ija_core.cli.plugin",
    "ija_core.cli.traject",
    "ija_core.cli.groep",
    "ija_core.cli.signalen",
    "ija_core.cli.opslag",
)


def maak_parser() -> IjaArgumentParser:
    """The full argument parser with every command registered."""
    from ija_core import __version__

    parser = IjaArgumentParser(
        prog="ija",
        description=(
            "ija: de Intensieve Jongerenaanpak als software. Bekijk fasen, leefgebieden, "
            "instrumenten en plugins, toets trajecten en bouw de methodiek-site."
        ),
        epilog=(
            "Exitcodes: 0 in orde; 1 een regelovertreding, of een onleesbaar bestand tussen "
            "andere; 2 ongeldige argumenten of invoer (ook: niets te lezen); 3 een pluginfout.\n"
            f"Invoerbestanden: alleen gewone bestanden, elk tot {STANDAARD_MB} MB (andere "
            f"grens: {OMGEVING}=aantal megabytes).\n"
            "Meer over een commando: ija COMMANDO --help"
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"ija-core {__version__}",
        help="toon het versienummer en stop",
    )
    sub = parser.add_subparsers(dest="commando", metavar="COMMANDO", title="commando's")
    sub.required = True
    for naam in COMMANDOS:
        importlib.import_module(naam).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``ija`` command; returns the exit code."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = veilige_stroom(stdout), veilige_stroom(stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _main(argv: Sequence[str] | None) -> int:
    parser = maak_parser()
    try:
        args = parser.parse_args(argv)
        code: int = args.uitvoeren(args)
    except Stop as stop:
        return stop.code
    except IjaError as exc:  # one line and one exit code per kind of error: _fouten.foutregel
        return meld(exc)
    except KeyboardInterrupt:
        print("ija: afgebroken", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`
        return 0
    return code


if __name__ == "__main__":
    raise SystemExit(main())
