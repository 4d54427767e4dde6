"""Short builders of event dicts for the traject tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

START = datetime.fromisoformat("2025-03-03T09:00:00+01:00")


def op(dagen: float = 0) -> str:
    """The start moment plus ``dagen`` days, as an ISO timestamp with offset."""
    return (START + timedelta(days=dagen)).isoformat()


def ev(soort: str, dag: float, **velden: Any) -> dict[str, Any]:
    """An event dict of type ``soort`` on day ``dag`` after the start."""
    return {"type": soort, "op": op(dag), **velden}


def aangemeld(geboortedatum: str = "2006-05-01", dag: float = 0, **extra: Any) -> dict[str, Any]:
    """The first event of a traject (an 18-year-old by default)."""
    return ev(
        "aangemeld",
        dag,
        traject="t-1",
        jongere={"pseudoniem": "Noor", "geboortedatum": geboortedatum},
        verwijzer="school",
        **extra,
    )


def tot_verdieping() -> list[dict[str, Any]]:
    """A traject that has just entered verdieping."""
    return [
        aangemeld(),
        ev("kennismaking", 1),
        ev("verwachtingen-uitgesproken", 1),
        ev("fase-gewijzigd", 2, naar="verdieping"),
    ]


def tot_uitvoering() -> list[dict[str, Any]]:
    """A traject that has just entered uitvoering with a signed plan."""
    return [
        *tot_verdieping(),
        ev("doel-gesteld", 3, id="d1", leefgebied="werk", termijn="kort", omschrijving="cv"),
        ev("plan-ondertekend", 3, door=["jongere", "coach"]),
        ev("fase-gewijzigd", 4, naar="uitvoering"),
    ]


def tot_afronding() -> list[dict[str, Any]]:
    """A traject that has just entered afronding."""
    return [
        *tot_uitvoering(),
        ev("evaluatie", 5, omschrijving="gaat goed"),
        ev("fase-gewijzigd", 6, naar="afronding"),
    ]
