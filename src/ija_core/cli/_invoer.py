"""The one way the CLI reads event files: which files a path names, their bytes, and the
``Traject`` or ``Groep`` each holds, with the file named in every error.

Every command that reads event files (``ija traject toets``, ``ija groep toets``,
``ija signalen``, ``ija opslag importeer``) goes through this module: ``bestanden`` turns the
paths of the command line into files, ``lees_traject``/``lees_groep`` read one file of a
known kind, ``lees_elk`` reads many (a traject or a group each, an error per file that
fails), and ``lees_alles`` does that for a command with a progress line, saying each failed
file on stderr. Decoding goes through the public JSON route (``ija_core.serialization``);
errors are ``Bestandsfout`` (the file and the library's error), which ``_fouten.foutregel``
turns into one Dutch line.

Reading is safe by construction (``lees_invoer``): only a regular file, and only up to a
limit. A path that
is a device (``/dev/zero`` never ends), a named pipe (a FIFO waits forever for a writer),
a socket or a folder is refused before anything is read; so is a file larger than the limit,
which is checked on the open file and enforced while reading (a file that grows while it is
read is stopped at the limit too), so memory stays bounded.

The limit is ``STANDAARD_MB`` megabytes (64 MB: far above any traject or group, whose event
files are kilobytes; the five casussen together are under 100 kB). Set the environment
variable ``IJA_MAX_BESTAND_MB`` to another whole number of megabytes to change it.
"""

from __future__ import annotations

import contextlib
import gc
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ija_core.cli._basis import ruw, veilig
from ija_core.cli._fouten import Bestandsfout, OnleesbaarBestand, foutregel, meld
from ija_core.errors import IjaError, OngeldigeInvoer

if TYPE_CHECKING:  # the engine is imported when a file is read: 'ija --help' stays light
    from ija_core import Groep, Methodiek, Traject

T = TypeVar("T")

STANDAARD_MB = 64
"""The default size limit of one input file, in megabytes (MB = 1024 × 1024 bytes)."""
OMGEVING = "IJA_MAX_BESTAND_MB"
"""The environment variable that sets another limit (a whole number of megabytes, 1 or more)."""
_MB = 1024 * 1024
VOORTGANG_VANAF = 200
"""From this many files ``lees_alles`` shows a progress line on stderr (on a terminal)."""

__all__ = [  # OnleesbaarBestand and Bestandsfout live in _fouten; read from here as before
    "OMGEVING",
    "STANDAARD_MB",
    "VOORTGANG_VANAF",
    "Bestandsfout",
    "OnleesbaarBestand",
    "bestanden",
    "controleer_soort",
    "dubbele_groepen",
    "dubbele_trajecten",
    "grens",
    "lees_alles",
    "lees_bestand",
    "lees_elk",
    "lees_groep",
    "lees_invoer",
    "lees_traject",
    "zonder_gc",
]


def grens() -> int:
    """The size limit in bytes: ``IJA_MAX_BESTAND_MB`` megabytes, else ``STANDAARD_MB``.

    Raises:
        OngeldigeInvoer: the variable is set to something else than a whole number >= 1.
    """
    waarde = os.environ.get(OMGEVING, "").strip()
    if not waarde:
        return STANDAARD_MB * _MB
    try:
        mb = int(waarde)
    except ValueError:
        mb = 0
    if mb < 1:
        raise OngeldigeInvoer(
            f"{OMGEVING} moet een geheel aantal megabytes zijn, 1 of meer (kreeg {waarde!r})"
        )
    return mb * _MB


def _soort(modus: int) -> str | None:
    """What a non-regular file is, in Dutch; None for a regular file."""
    if stat.S_ISREG(modus):
        return None
    if stat.S_ISDIR(modus):
        return "dat is een map"
    if stat.S_ISFIFO(modus):
        return "dat is een pijp (FIFO), geen gewoon bestand"
    if stat.S_ISCHR(modus) or stat.S_ISBLK(modus):
        return "dat is een apparaat, geen gewoon bestand"
    if stat.S_ISSOCK(modus):
        return "dat is een socket, geen gewoon bestand"
    return "dat is geen gewoon bestand"


def _te_groot(grootte: int, limiet: int) -> str:
    over = f"{grootte / _MB:.1f} MB" if grootte else "meer"
    return (
        f"het bestand is te groot ({over}; de grens is {limiet // _MB} MB, "
        f"in te stellen met {OMGEVING})"
    )


def controleer_soort(pad: Path) -> None:
    """Refuse a path that exists but is no regular file or folder (a device, pipe, socket).

    For arguments that may name a folder: checked before reading, without opening (opening a
    pipe would wait for a writer). Symbolic links are followed, as reading would.

    Raises:
        OnleesbaarBestand: a device, pipe or socket.
    """
    try:
        modus = pad.stat().st_mode
    except OSError:
        return  # missing or unreadable: the caller's own message says so
    if not stat.S_ISDIR(modus) and (reden := _soort(modus)) is not None:
        raise OnleesbaarBestand(pad, reden)


def lees_invoer(pad: Path, limiet: int | None = None) -> bytes:
    """The bytes of one input file; only a regular file of at most ``limiet`` bytes.

    ``limiet`` defaults to ``grens()``. The path is checked before it is opened; the file is
    opened without waiting (a pipe swapped in meanwhile does not block the open) and without
    becoming a controlling terminal, checked again on the open handle (so a path swapped
    meanwhile changes nothing), and read at most one byte past the limit.

    Raises:
        OnleesbaarBestand: missing, no permission, a folder, device, pipe or socket, or larger
            than the limit (the message says which, in Dutch).
    """
    limiet = grens() if limiet is None else limiet
    with contextlib.suppress(OSError):  # missing or no permission: the open below says so
        reden = _soort(os.stat(pad).st_mode)
        if reden is not None:  # said before opening: a socket cannot even be opened
            raise OnleesbaarBestand(pad, reden)
    vlaggen = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(pad, vlaggen | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise OnleesbaarBestand(pad, "het bestand bestaat niet") from None
    except IsADirectoryError:
        raise OnleesbaarBestand(pad, "dat is een map") from None
    except PermissionError:
        raise OnleesbaarBestand(pad, "geen leesrechten") from None
    except OSError as exc:
        raise OnleesbaarBestand(pad, exc.strerror or type(exc).__name__) from None
    with os.fdopen(fd, "rb") as bestand:
        info = os.fstat(fd)
        reden = _soort(info.st_mode)
        if reden is not None:
            raise OnleesbaarBestand(pad, reden)
        if info.st_size > limiet:
            raise OnleesbaarBestand(pad, _te_groot(info.st_size, limiet))
        try:
            data = bestand.read(limiet + 1)
        except OSError as exc:
            raise OnleesbaarBestand(pad, exc.strerror or type(exc).__name__) from None
    if len(data) > limiet:
        raise OnleesbaarBestand(pad, _te_groot(0, limiet))
    return data


def _data(pad: Path) -> object:
    """The JSON data of one event file (read by ``lees_invoer``, parsed strictly)."""
    from ija_core.serialization import laad_json

    tekst = lees_invoer(pad)
    try:
        return laad_json(tekst)
    except OngeldigeInvoer as exc:
        raise Bestandsfout(pad, exc) from None


def _is_groep(data: object) -> bool:
    """Whether event data is a group: ``{"formaat": "ija-groep/1", ...}`` or a list whose
    first event is ``groep-aangemeld`` (as ``ija.from_json`` tells them apart)."""
    from ija_core.serialization import is_groep_data

    return is_groep_data(data)


def _uit(pad: Path, data: object, soort: type[T], m: Methodiek) -> T:
    """``data`` built into ``soort`` (a ``Traject`` or ``Groep``: the events replayed)."""
    from ija_core.serialization import structure

    try:
        return structure(data, soort, m)
    except IjaError as exc:  # invalid events, or an event that breaks a rule
        raise Bestandsfout(pad, exc) from None


def lees_bestand(pad: Path, m: Methodiek) -> Traject | Groep:
    """One event file as a ``Traject``, or as a ``Groep`` when it holds a group.

    Raises:
        OnleesbaarBestand: the file cannot be read (``lees_invoer``).
        Bestandsfout: not JSON, invalid events, or an event breaks a rule.
    """
    from ija_core import Groep, Traject

    data = _data(pad)
    if _is_groep(data):
        return _uit(pad, data, Groep, m)
    return _uit(pad, data, Traject, m)


def lees_traject(pad: Path, m: Methodiek) -> Traject:
    """One event file that must hold a traject (a group file is named as such)."""
    from ija_core import Traject

    data = _data(pad)
    if _is_groep(data):
        raise Bestandsfout(
            pad,
            OngeldigeInvoer(
                "dit is een groep, geen traject (de eerste gebeurtenis is 'groep-aangemeld'); "
                f"toets een groep met: ija groep toets {pad} MAP"
            ),
        )
    return _uit(pad, data, Traject, m)


def lees_groep(pad: Path, m: Methodiek) -> Groep:
    """One event file that must hold a group (a traject file is named as such)."""
    from ija_core import Groep

    data = _data(pad)
    if not _is_groep(data):
        raise Bestandsfout(
            pad,
            OngeldigeInvoer(
                "dit is een traject, geen groep (de eerste gebeurtenis is geen "
                "'groep-aangemeld'); toets een traject met: ija traject toets BESTAND"
            ),
        )
    return _uit(pad, data, Groep, m)


def lees_elk(
    paden: Sequence[Path], m: Methodiek
) -> Iterator[tuple[Path, Traject | Groep | IjaError]]:
    """Read every file in turn: per file its ``Traject`` or ``Groep``, or the error that
    names it (``OnleesbaarBestand`` or ``Bestandsfout``); one bad file never stops the rest."""
    for pad in paden:
        gelezen: Traject | Groep | IjaError
        try:
            gelezen = lees_bestand(pad, m)
        except (OnleesbaarBestand, Bestandsfout) as exc:
            gelezen = exc
        except IjaError as exc:  # e.g. a bad IJA_MAX_BESTAND_MB: still named with the file
            gelezen = Bestandsfout(pad, exc)
        except OSError as exc:  # a file that vanished or failed between listing and reading
            gelezen = OnleesbaarBestand(pad, exc.strerror or type(exc).__name__)
        yield pad, gelezen


def lees_alles(
    bestanden: Sequence[Path], m: Methodiek
) -> tuple[list[tuple[Path, Traject]], list[tuple[Path, Groep]], list[tuple[str, str]]]:
    """Read and replay every file (``_invoer.lees_elk``), with a progress line on a terminal:
    the trajecten and the groups with their file, and per file that failed its error line
    (``foutregel``, without the file), each already said on stderr."""
    from ija_core import Groep

    trajecten: list[tuple[Path, Traject]] = []
    groepen: list[tuple[Path, Groep]] = []
    fouten: list[tuple[str, str]] = []
    voortgang = len(bestanden) >= VOORTGANG_VANAF and sys.stderr.isatty()
    stap = max(1, len(bestanden) // 100)
    for i, (pad, gelezen) in enumerate(lees_elk(bestanden, m), 1):
        if isinstance(gelezen, IjaError):
            meld(gelezen, m)
            tekst = foutregel(gelezen, m)[0]
            fouten.append((str(pad), tekst.removeprefix(f"{veilig(pad, regels=True)}: ")))
        elif isinstance(gelezen, Groep):
            groepen.append((pad, gelezen))
        else:
            trajecten.append((pad, gelezen))
        if voortgang and (i % stap == 0 or i == len(bestanden)):
            ruw(sys.stderr).write(f"\rija: {i}/{len(bestanden)} bestanden gelezen")
    if voortgang:
        print(file=sys.stderr)
    return trajecten, groepen, fouten


def dubbele_trajecten(trajecten: Sequence[tuple[Path, Traject]]) -> None:
    """Refuse the same traject id in two files, naming the id and the files."""
    dubbele(
        "traject",
        trajecten,
        hint="elk traject hoort in één bestand, anders telt elke uitkomst dubbel",
    )


def dubbele_groepen(groepen: Sequence[tuple[Path, Groep]]) -> None:
    """Refuse the same group id in two files, naming the id and the files."""
    dubbele("groep", groepen, hint="elke groep hoort in één bestand")


def bestanden(paden: Sequence[str]) -> list[Path]:
    """The event files the paths name, each once; a path that does not exist is bad input,
    and so is one that names a device, pipe or socket (``controleer_soort``: never opened).

    A file named twice (a folder and a file in it, or two overlapping folders) is read once:
    with more than one path, files are compared by their path under the resolved folder or
    file that was given (one ``resolve`` per argument, not per file). A symlinked copy still
    counts as another file, and then shows up as a duplicate traject id.

    Raises:
        OngeldigeInvoer: a path that does not exist, a device or pipe, or no ``*.json`` at all.
    """
    grens()  # a bad IJA_MAX_BESTAND_MB is said once, before any file is read
    gevonden: list[tuple[Path, list[Path]]] = []
    for naam in paden:
        pad = Path(naam)
        if pad.is_dir():
            gevonden.append((pad, sorted(p for p in pad.rglob("*.json") if p.is_file())))
        elif pad.exists():
            controleer_soort(pad)  # a device or pipe named here: bad input, never read
            gevonden.append((pad, [pad]))
        else:
            raise OngeldigeInvoer(f"PAD {naam!r} bestaat niet")
    if len(gevonden) == 1:  # one folder or file: every path is already there once
        uit = gevonden[0][1]
    else:
        uit = []
        gezien: set[Path] = set()
        for pad, binnen in gevonden:
            basis = pad.resolve()
            for bestand in binnen:
                sleutel = basis / bestand.relative_to(pad) if bestand is not pad else basis
                if sleutel not in gezien:
                    gezien.add(sleutel)
                    uit.append(bestand)
    if not uit:
        waar = ", ".join(repr(p) for p in paden)
        raise OngeldigeInvoer(
            f"niets gelezen: geen gebeurtenissenbestand (*.json) in {waar}; er is niets getoetst"
        )
    return uit


def dubbele(soort: str, gelezen: Sequence[tuple[Path, Traject | Groep]], *, hint: str) -> None:
    """Refuse the same traject (or group) id in two files, naming the id and the files.

    Raises:
        OngeldigeInvoer: ``"traject 'x' staat in 2 bestanden: 'a.json' en 'b.json'; ..."``.
    """
    waar: dict[str, list[Path]] = {}
    for pad, w in gelezen:
        waar.setdefault(w.id, []).append(pad)
    dubbel = {wid: paden for wid, paden in waar.items() if len(paden) > 1}
    if not dubbel:
        return
    wid, paden = next(iter(dubbel.items()))
    plaatsen = " en ".join(repr(str(p)) for p in paden)
    meer = len(dubbel) - 1
    nog = (
        f" (en nog {meer} {'ander' if meer == 1 else 'andere'} {soort}-id"
        f"{'' if meer == 1 else 's'} dubbel)"
        if meer
        else ""
    )
    raise OngeldigeInvoer(
        f"{soort} {wid!r} staat in {len(paden)} bestanden: {plaatsen}; {hint}{nog}"
    )


@contextlib.contextmanager
def zonder_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a command reads and evaluates its files.

    A command reads its files once and keeps every traject until it ends; the collector would
    only walk the growing heap again and again (a full pass costs about a tenth of a second
    per few thousand trajecten) without finding anything to free. A process-wide choice that
    fits a command line run; the library itself never touches the collector.
    """
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()
