"""Instants as numbers: POSIX timestamps and Europe/Amsterdam day ordinals (internal).

A *day* is the Europe/Amsterdam calendar date of an instant (design.md, "Time"). Instants are
handled as POSIX timestamps (seconds since the epoch, UTC), so elapsed time is always measured
in UTC and a clock change never shortens or lengthens a 24-hour termijn. Days are handled as
proleptic Gregorian ordinals (``date.toordinal()``), so "deadline − peildatum" is integer
subtraction.

``datetime.timestamp`` of an aware datetime costs about a microsecond in CPython (it builds
timedeltas and calls the tzinfo); ``tijdstip`` computes the same value from the wall-clock
fields and the UTC offset, which is remembered per fixed-offset ``timezone`` (every parsed
timestamp has its own, equal, tzinfo object), in about a quarter of that.

Converting a timestamp to an Amsterdam day through ``zoneinfo`` costs about a microsecond.
Since 1940 every Amsterdam UTC offset is a whole number of hours, so the day only depends on
the UTC hour: the result of ``zoneinfo`` is remembered per UTC hour (a few thousand entries
per year of events; at most ``_UREN_MAX``, then it starts afresh, so a long-running process
that sees instants spread over centuries keeps a bounded cache).

Instants outside what ``datetime`` can show in Amsterdam (before 1 January of year 1 or after
31 December 9999, local time; a 24-hour deadline after a sentinel timestamp lands there) get
a day ordinal all the same, by fixed-offset arithmetic: 0 or less before year 1, more than
``date.max.toordinal()`` after 9999. Callers that turn a day into a ``date`` check the range.

Used by the norm engine (``ija_core.normen``), whose timeline of a traject ``Traject.replay``
fills when it builds one; it sits below both and imports only the standard library.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# About a week after 1940-05-16, when Amsterdam's last offset that was not a whole number of
# hours (+00:20) ended; earlier instants are converted directly and never cached.
_HELE_UREN_VANAF = -934_000_000.0

_DAG_PER_UUR: dict[int, int] = {}

_UREN_MAX = 1 << 16
"""At most this many UTC hours (about 7.5 years) are remembered in ``_DAG_PER_UUR``."""

_LMT_AMSTERDAM = 1172
"""Amsterdam's local mean time offset (+00:19:32) in seconds, which zoneinfo uses before 1835."""

_EPOCH_ORDINAL = 719_163
"""``date(1970, 1, 1).toordinal()``."""

_OFFSET: dict[Any, int] = {}
"""UTC offset in whole seconds per fixed-offset ``timezone`` (equal zones share an entry)."""


def dag(ts: float) -> int:
    """The Europe/Amsterdam day (as a date ordinal) of a POSIX timestamp."""
    uur = int(ts // 3600)
    gevonden = _DAG_PER_UUR.get(uur)
    if gevonden is not None:
        return gevonden
    if ts < _HELE_UREN_VANAF:
        try:
            return datetime.fromtimestamp(ts, AMSTERDAM).toordinal()
        except (OverflowError, ValueError, OSError):
            return _EPOCH_ORDINAL + int((ts + _LMT_AMSTERDAM) // 86400)  # before year 1
    try:
        berekend = datetime.fromtimestamp(uur * 3600, AMSTERDAM).toordinal()
    except (OverflowError, ValueError, OSError):
        # after 9999 (local): December and January are winter time, +01:00
        return _EPOCH_ORDINAL + int((ts + 3600) // 86400)
    if len(_DAG_PER_UUR) >= _UREN_MAX:
        _DAG_PER_UUR.clear()
    _DAG_PER_UUR[uur] = berekend
    return berekend


def tijdstip(
    moment: datetime, _offset: dict[Any, int] = _OFFSET, _vast: type[timezone] = timezone
) -> float:
    """The POSIX timestamp of an aware datetime (elapsed-time arithmetic happens in UTC).

    Exactly ``moment.timestamp()``; for a fixed-offset ``timezone`` it is computed from the
    day ordinal, the wall-clock fields and the remembered offset (a zone whose offset
    depends on the moment, such as a ``ZoneInfo``, takes ``timestamp()``).
    """
    tz = moment.tzinfo
    if tz.__class__ is not _vast:
        return moment.timestamp()
    offset = _offset.get(tz)
    if offset is None:
        delta = tz.utcoffset(None)
        if delta.microseconds:
            return moment.timestamp()  # a sub-second offset: rare, not remembered
        offset = delta.days * 86400 + delta.seconds
        _offset[tz] = offset
    seconden = (
        (moment.toordinal() - _EPOCH_ORDINAL) * 86400
        + moment.hour * 3600
        + moment.minute * 60
        + moment.second
        - offset
    )
    micro = moment.microsecond
    # timestamp() divides the whole microseconds by 10**6: the same correctly rounded float
    return (seconden * 1_000_000 + micro) / 1_000_000 if micro else float(seconden)


def moment(op: datetime, _per_uur: dict[int, int] = _DAG_PER_UUR) -> tuple[float, int]:
    """``(POSIX timestamp, Amsterdam day ordinal)`` of an aware datetime."""
    ts = tijdstip(op)
    d = _per_uur.get(int(ts // 3600))  # ``dag`` inline for the common case
    return ts, dag(ts) if d is None else d
