"""The one way the CLI reads an input file: only a regular file, and only up to a limit.

Every command that reads event files (``ija traject toets``, ``ija groep toets``,
``ija signalen``, ``ija opslag importeer``) reads them through ``lees_invoer``. A path that
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
import os
import stat
from pathlib import Path

from ija_core.errors import OngeldigeInvoer

STANDAARD_MB = 64
"""The default size limit of one input file, in megabytes (MB = 1024 × 1024 bytes)."""
OMGEVING = "IJA_MAX_BESTAND_MB"
"""The environment variable that sets another limit (a whole number of megabytes, 1 or more)."""
_MB = 1024 * 1024


class OnleesbaarBestand(OngeldigeInvoer):
    """An input file the CLI will not read; ``reden`` says why (Dutch, without the path)."""

    def __init__(self, pad: Path | str, reden: str) -> None:
        super().__init__(f"kan {pad} niet lezen: {reden}")
        self.pad = str(pad)
        self.reden = reden


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
