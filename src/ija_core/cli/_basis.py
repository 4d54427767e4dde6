"""Shared CLI plumbing: a Dutch argparse, table output, loading the methodiek for a command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any, NoReturn

from ija_core.methodiek import Methodiek


class Stop(Exception):
    """Leave the command with an exit code (the message is already printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class IjaArgumentParser(argparse.ArgumentParser):
    """argparse with Dutch headings and a one-line Dutch error (exit code 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        vertaald = (
            message.replace("the following arguments are required", "verplicht")
            .replace("unrecognized arguments", "onbekende argumenten")
            .replace("invalid choice", "ongeldige keuze")
            .replace("choose from", "kies uit")
            .replace("expected one argument", "verwacht één waarde")
            .replace("argument ", "argument ")
            .replace("not allowed with argument", "gaat niet samen met")
            .replace("invalid", "ongeldige")
        )
        print(f"{self.prog}: fout: {vertaald} (zie '{self.prog} --help')", file=sys.stderr)
        raise SystemExit(2)


def subcommando(
    sub: Any, naam: str, hulp: str, beschrijving: str | None = None
) -> IjaArgumentParser:
    """Add a sub-command with Dutch help."""
    parser: IjaArgumentParser = sub.add_parser(
        naam, help=hulp, description=beschrijving or hulp, formatter_class=_Formatter
    )
    return parser


def json_optie(parser: argparse.ArgumentParser) -> None:
    """The common ``--json`` switch."""
    parser.add_argument("--json", action="store_true", help="schrijf JSON voor programma's")


def laad(*, strict: bool = False) -> Methodiek:
    """Load the methodiek for a command; failed plugins are named on stderr, not fatal."""
    from ija_core.plugins import load_methodiek

    m = load_methodiek(strict=strict)
    for p in m.plugins:
        if p.status == "failed":
            print(
                f"ija: waarschuwing: plugin {p.name} is niet geladen ({p.error}); "
                f"zie 'ija plugins'",
                file=sys.stderr,
            )
    return m


def tabel(
    rijen: Sequence[Sequence[Any]], koppen: Sequence[str], uit: IO[str] | None = None
) -> None:
    """Print a plain-text table with aligned columns."""
    uit = uit or sys.stdout
    tekst = [[str(c) for c in koppen]] + [["" if c is None else str(c) for c in r] for r in rijen]
    breedte = [max(len(r[i]) for r in tekst) for i in range(len(koppen))]
    for n, rij in enumerate(tekst):
        print("  ".join(c.ljust(breedte[i]) for i, c in enumerate(rij)).rstrip(), file=uit)
        if n == 0:
            print("  ".join("─" * b for b in breedte), file=uit)


def schrijf_json(data: Any) -> None:
    """Print JSON-shaped data, indented, UTF-8."""
    import orjson

    sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")


def weken(duur: Any) -> str:
    """A timedelta in Dutch weeks ("4 weken")."""
    w = duur.days // 7
    return f"{w} {'week' if w == 1 else 'weken'}"
