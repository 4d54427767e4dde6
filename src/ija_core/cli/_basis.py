"""Shared CLI plumbing: a Dutch argparse, table output, loading the methodiek for a command.

Also the one place where text that came from input or plugins is made safe to print
(``veilig``, ``VeiligeStroom``, ``csv_cel``), the one parser of ``--peildatum``
(``peildatum_optie``), Dutch singular/plural (``aantal``) and the one JSON writer
(``schrijf_json``, through the codec). Errors are said by ``_fouten``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import IO, TYPE_CHECKING, Any, Literal, NoReturn, TextIO, TypeVar, cast

if TYPE_CHECKING:
    from ija_core import Methodiek

T = TypeVar("T")

_STUURTEKENS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""Characters a terminal acts on instead of showing: C0 controls except tab and newline (so
also ESC and carriage return), DEL, C1 controls, the bidirectional marks, embeddings,
overrides and isolates, and the Unicode line and paragraph separators."""
_STUURTEKENS_EN_REGELS = re.compile(_STUURTEKENS.pattern[:-1] + "\\n\\t]")


def _ontsnap(gevonden: re.Match[str]) -> str:
    return f"\\u{ord(gevonden.group()):04x}"


def veilig(tekst: object, *, regels: bool = False) -> str:
    """``str(tekst)`` with every control character shown as ``\\uXXXX`` instead of acted on.

    With ``regels=True`` newlines and tabs are escaped too (for one cell or one line). The
    ``\\uXXXX`` form keeps JSON output valid JSON with the same value.
    """
    patroon = _STUURTEKENS_EN_REGELS if regels else _STUURTEKENS
    return patroon.sub(_ontsnap, str(tekst))


class VeiligeStroom:
    """A text stream that escapes control characters (``veilig``) in all that is written.

    ``ija`` wraps stdout and stderr in it for the whole command, so every line it prints,
    whatever part of the input or of a plugin it shows, reaches the terminal as text; a
    character the terminal's encoding lacks is written as ``\\xNN``/``\\uXXXX`` instead of
    failing. Only ``ruw`` writes unchanged (the progress line's carriage return).
    """

    def __init__(self, stroom: TextIO) -> None:
        self.ruw = stroom

    def write(self, tekst: str) -> int:
        veilige = veilig(tekst)
        try:
            self.ruw.write(veilige)
        except UnicodeEncodeError:  # a terminal without e.g. "ë" or "─" (cp1252, ascii)
            codering = getattr(self.ruw, "encoding", None) or "ascii"
            self.ruw.write(veilige.encode(codering, "backslashreplace").decode(codering))
        return len(tekst)

    def __getattr__(self, naam: str) -> Any:
        return getattr(self.ruw, naam)


def veilige_stroom(stroom: TextIO) -> TextIO:
    """Wrap ``stroom`` in a ``VeiligeStroom`` (once)."""
    if isinstance(stroom, VeiligeStroom):
        return stroom
    return cast(TextIO, VeiligeStroom(stroom))


def ruw(stroom: TextIO) -> TextIO:
    """The stream under a ``VeiligeStroom`` (for the CLI's own control characters)."""
    return stroom.ruw if isinstance(stroom, VeiligeStroom) else stroom


_FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def csv_cel(waarde: object) -> object:
    """A CSV cell that a spreadsheet shows as text: ``'`` before a text that starts a formula.

    Numbers stay numbers (``-3`` days is no formula); texts that start with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return get a leading apostrophe.
    """
    if isinstance(waarde, str) and waarde.startswith(_FORMULE_BEGIN):
        return "'" + waarde
    return waarde


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """``"1 traject"``, ``"2 trajecten"``, ``"0 trajecten"``."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


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
    from ija_core import load_methodiek

    m = load_methodiek(strict=strict)
    for p in m.plugins:
        if p.status == "failed":
            print(
                f"ija: waarschuwing: plugin {p.name} is niet geladen ({p.error}); "
                f"zie 'ija plugins'",
                file=sys.stderr,
            )
    return m


def voor_optie(optie: str, zoek: Callable[[str], T], waarde: str) -> T:
    """Look ``waarde`` up for a command-line option; an unknown id names the option, not ``$``.

    Raises:
        OngeldigeInvoer: ``"--fase: onbekende fase 'x'; bekend zijn: ..."``.
    """
    from ija_core.errors import OngeldigeInvoer

    try:
        return zoek(waarde)
    except OngeldigeInvoer as exc:
        raise exc.met_prefix(optie) from None


def _kan_schrijven(uit: IO[str], tekst: str) -> bool:
    codering = getattr(uit, "encoding", None) or "utf-8"
    try:
        tekst.encode(codering)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def tabel(
    rijen: Sequence[Sequence[Any]], koppen: Sequence[str], uit: IO[str] | None = None
) -> None:
    """Print a plain-text table with aligned columns."""
    uit = uit or sys.stdout
    tekst = [[str(c) for c in koppen]] + [
        ["" if c is None else veilig(c, regels=True) for c in r] for r in rijen
    ]
    breedte = [max(len(r[i]) for r in tekst) for i in range(len(koppen))]
    streep = "─" if _kan_schrijven(uit, "─") else "-"
    for n, rij in enumerate(tekst):
        print("  ".join(c.ljust(breedte[i]) for i, c in enumerate(rij)).rstrip(), file=uit)
        if n == 0:
            print("  ".join(streep * b for b in breedte), file=uit)


def als_json(data: Any, m: Methodiek | None = None) -> Any:
    """``data`` as JSON-shaped values through the library's codec (``ija.unstructure``):
    records (a ``Bron``, a ``Normuitkomst``, an event) in the one shape they have everywhere,
    dates and timestamps as ISO text, inside dicts and lists the CLI builds around them."""
    from ija_core import unstructure

    return unstructure(data, m)


def schrijf_json(data: Any, m: Methodiek | None = None) -> None:
    """Print ``data`` as JSON, indented, UTF-8, after ``als_json`` (records, dates and
    timestamps written by the codec, never by hand)."""
    import orjson

    tekst = orjson.dumps(als_json(data, m), option=orjson.OPT_INDENT_2).decode()
    sys.stdout.write(tekst + "\n")


_MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def datum_tekst(dag: date) -> str:
    """A day in Dutch as the norms' ``uitleg`` writes it: ``"14 maart 2024"``."""
    return f"{dag.day} {_MAANDEN[dag.month - 1]} {dag.year}"


def weken(duur: Any) -> str:
    """A timedelta in Dutch weeks ("4 weken")."""
    return aantal(duur.days // 7, "week", "weken")


LAATSTE: Literal["laatste"] = "laatste"
Peildatum = date | Literal["laatste"]
"""What ``--peildatum`` says: a day, or ``"laatste"`` (the day of the last event)."""
PEILDATUM_HULP = (
    "de dag waarop getoetst wordt: JJJJ-MM-DD, 'vandaag' (standaard) of 'laatste' (de dag "
    "van de laatste gebeurtenis); gebeurtenissen op latere dagen tellen niet mee"
)
_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def vandaag() -> date:
    """Today in Europe/Amsterdam: the CLI is the one place that reads the clock."""
    from ija_core import amsterdamse_dag

    return amsterdamse_dag(datetime.now(UTC))


def lees_peildatum(tekst: str) -> Peildatum:
    """Parse a ``--peildatum`` value: ``JJJJ-MM-DD``, ``vandaag``/``today`` or ``laatste``.

    Raises:
        argparse.ArgumentTypeError: anything else, in Dutch (argparse names the option).
    """
    woord = tekst.strip().lower()
    if woord in ("vandaag", "today"):
        return vandaag()
    if woord in (LAATSTE, "last"):
        return LAATSTE
    if not _DATUM.fullmatch(woord):
        raise argparse.ArgumentTypeError(
            f"verwacht JJJJ-MM-DD, 'vandaag' of 'laatste' (kreeg {veilig(repr(tekst))})"
        )
    try:
        return date.fromisoformat(woord)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"die datum bestaat niet ({veilig(repr(tekst))})"
        ) from None


def peildatum_optie(parser: argparse.ArgumentParser, hulp: str = PEILDATUM_HULP) -> None:
    """Add ``--peildatum`` (the same forms for every command; default: today)."""
    parser.add_argument(
        "--peildatum",
        type=lees_peildatum,
        default=None,
        metavar="DATUM",
        help=hulp,
    )


def peildag(keuze: Peildatum | None, laatste: Callable[[], date]) -> date:
    """The day a ``--peildatum`` stands for; ``laatste()`` gives the day of the last event."""
    if keuze is None:
        return vandaag()
    if isinstance(keuze, date):
        return keuze
    return laatste()
