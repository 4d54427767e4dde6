"""Builders for group tests: a group's events and member trajecten, as JSON dicts."""

from __future__ import annotations

from typing import Any

import ija_core as ija


def ev(type_: str, op: str, /, **velden: Any) -> dict[str, Any]:
    return {"type": type_, "op": op, **velden}


def aangemeld(op: str = "2025-03-01T10:00:00+01:00", groep: str = "g-1") -> dict[str, Any]:
    return ev(
        "groep-aangemeld",
        op,
        groep=groep,
        verwijzers=["jeugdoverlast-expert", "pga-expert"],
        omschrijving="Zes jongeren uit één buurt; overlast op het plein.",
    )


def lid(op: str, traject: str) -> dict[str, Any]:
    return ev("lid-toegevoegd", op, traject=traject)


def melding(op: str, soort: str = "overlast", melder: str = "buurtbewoner") -> dict[str, Any]:
    return ev("groepsmelding", op, soort=soort, melder=melder)


def traject(
    m: ija.Methodiek,
    tid: str,
    *events: dict[str, Any],
    ouder: bool = True,
    aangemeld_op: str = "2025-02-20T10:00:00+01:00",
) -> ija.Traject:
    """A member's traject: aangemeld, optionally a mother as betrokkene (relatie ouder), then
    ``events``."""
    lijst = [
        ev(
            "aangemeld",
            aangemeld_op,
            traject=tid,
            jongere={"pseudoniem": tid, "geboortedatum": "2009-05-05"},
            verwijzer="politie",
        )
    ]
    if ouder:
        lijst.append(ev("betrokkene-toegevoegd", aangemeld_op, id="moeder", relatie="ouder"))
    lijst.extend(events)
    return ija.Traject.replay(lijst, methodiek=m)


def jongere(op: str) -> dict[str, Any]:
    return ev("contact", op, met="jongere", vorm="huisbezoek")


def ouder(op: str, betrokkene: str = "moeder") -> dict[str, Any]:
    return ev("contact", op, met="netwerk", vorm="telefoon", betrokkene=betrokkene)
