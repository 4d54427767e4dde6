"""Days and instants for the norm engine: fast Europe/Amsterdam days, Dutch date labels.

The conversions themselves live in ``ija_core._instant`` (shared with ``Traject.replay``)
and are re-exported here.

A *day* is the Europe/Amsterdam calendar date of an instant (design.md, "Time"); instants are
POSIX timestamps and days are date ordinals (see ``ija_core._instant``).
"""

from __future__ import annotations

from datetime import date, datetime

from ija_core._instant import AMSTERDAM, dag, moment, tijdstip

__all__ = [
    "AMSTERDAM",
    "MAANDEN",
    "dag",
    "dagen_tekst",
    "datum_tekst",
    "moment",
    "moment_tekst",
    "tijdstip",
]

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


_EERSTE, _LAATSTE = date.min.toordinal(), date.max.toordinal()


def datum_tekst(ordinal: int) -> str:
    """A day ordinal in Dutch: ``"14 maart 2024"`` (outside the calendar of ``date``:
    ``"na 31 december 9999"``, ``"vóór 1 januari 1"``)."""
    if ordinal > _LAATSTE:
        return f"na {datum_tekst(_LAATSTE)}"
    if ordinal < _EERSTE:
        return f"vóór {datum_tekst(_EERSTE)}"
    d = date.fromordinal(ordinal)
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def moment_tekst(ts: float) -> str:
    """An instant as Amsterdam wall-clock time in Dutch: ``"14 maart 2024 om 09:30"``."""
    try:
        lokaal = datetime.fromtimestamp(ts, AMSTERDAM)
    except (OverflowError, ValueError, OSError):  # outside years 1 to 9999
        return datum_tekst(dag(ts))
    return f"{datum_tekst(lokaal.toordinal())} om {lokaal:%H:%M}"


def dagen_tekst(n: int) -> str:
    """``"1 dag"``, ``"3 dagen"``."""
    return f"{n} dag" if n == 1 else f"{n} dagen"
