"""The fast POSIX timestamp of the norm engine is exactly ``datetime.timestamp()``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from ija_core.normen._texts import tijdstip

_OFFSETS = st.builds(
    timedelta,
    minutes=st.integers(-23 * 60, 23 * 60),
    seconds=st.sampled_from([0, 0, 0, 7]),
    microseconds=st.sampled_from([0, 0, 0, 0, 250]),
)
_ZONES = st.one_of(
    _OFFSETS.map(timezone),
    st.just(UTC),
    st.just(ZoneInfo("Europe/Amsterdam")),
)


@given(
    st.datetimes(min_value=datetime(1800, 1, 1), max_value=datetime(2200, 1, 1)),
    _ZONES,
    st.booleans(),
)
def test_tijdstip_is_timestamp(wand: datetime, zone: timezone | ZoneInfo, fold: bool) -> None:
    moment = wand.replace(tzinfo=zone, fold=int(fold))
    verwacht = moment.timestamp()
    gekregen = tijdstip(moment)
    assert gekregen == verwacht
    assert type(gekregen) is float
    # a second time, now with the offset remembered for this zone
    assert tijdstip(moment) == verwacht


def test_tijdstip_of_parsed_timestamps_in_both_amsterdam_offsets() -> None:
    for tekst in (
        "2024-03-31T01:59:59+01:00",
        "2024-03-31T03:00:00+02:00",
        "2024-10-27T02:30:00+02:00",
        "2024-10-27T02:30:00+01:00",
        "2025-06-01T00:00:00Z",
        "2025-06-01T12:34:56.789012-05:30",
    ):
        moment = datetime.fromisoformat(tekst)
        assert tijdstip(moment) == moment.timestamp(), tekst
    # two equal zones (separate objects) share the remembered offset
    a = datetime.fromisoformat("2024-01-01T10:00:00+01:00")
    b = datetime.fromisoformat("2024-01-01T10:00:00+01:00")
    assert a.tzinfo is not b.tzinfo
    assert tijdstip(a) == tijdstip(b) == a.timestamp()
