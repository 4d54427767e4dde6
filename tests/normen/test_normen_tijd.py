"""The fast Amsterdam day of an instant agrees with zoneinfo, across clock changes and history."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from ija_core.normen._texts import dag, datum_tekst, moment_tekst

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@given(st.integers(-2_500_000_000, 4_200_000_000))  # 1890 to 2103
def test_dag_equals_the_zoneinfo_date(ts: int) -> None:
    assert dag(ts) == datetime.fromtimestamp(ts, AMSTERDAM).toordinal()
    assert dag(ts + 0.5) == datetime.fromtimestamp(ts + 0.5, AMSTERDAM).toordinal()


def test_dag_around_midnight_and_the_october_change() -> None:
    # 22:30 UTC on 26 October 2024 is 00:30 on 27 October in Amsterdam (summer time, +2)
    assert (
        dag(datetime(2024, 10, 26, 22, 30, tzinfo=UTC).timestamp())
        == datetime(2024, 10, 27).toordinal()
    )
    # 23:30 UTC on 27 October 2024 is 00:30 on 28 October (winter time, +1)
    assert (
        dag(datetime(2024, 10, 27, 23, 30, tzinfo=UTC).timestamp())
        == datetime(2024, 10, 28).toordinal()
    )
    assert (
        dag(datetime(2024, 10, 27, 22, 59, tzinfo=UTC).timestamp())
        == datetime(2024, 10, 27).toordinal()
    )


def test_dutch_dates() -> None:
    assert datum_tekst(datetime(2024, 3, 14).toordinal()) == "14 maart 2024"
    ts = datetime(2024, 10, 27, 20, 0, tzinfo=UTC).timestamp()
    assert moment_tekst(ts) == "27 oktober 2024 om 21:00"


@given(
    st.datetimes(
        min_value=datetime(1900, 1, 1),
        max_value=datetime(2200, 1, 1),
        timezones=st.sampled_from([UTC, AMSTERDAM, ZoneInfo("America/Lima"), ZoneInfo("Asia/Tokyo")]),
    )
)
def test_the_one_amsterdam_day_function_equals_zoneinfo(op: datetime) -> None:
    """``amsterdamse_dag`` (the rules, ``Traject``, the CLI and the site) is ``_instant.dag``."""
    from ija_core.phases.rules import amsterdamse_dag

    assert amsterdamse_dag(op) == op.astimezone(AMSTERDAM).date()
