"""The event types of a traject as plain data, for the definitions and the assembly layer.

A ``Norm`` names event types (its ``anker_gebeurtenis`` and the ``soort`` of each
``Voorwaarde``) and fields to match on. The event classes themselves belong to the traject
engine (``ija_core.traject.events``), which the definitions must not import, so the ids and
the fields a norm may match on are listed here; a test checks that they equal the engine's.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

EVENT_TYPES: tuple[str, ...] = (
    "aangemeld",
    "contactpoging",
    "kennismaking",
    "verwachtingen-uitgesproken",
    "intake",
    "fase-gewijzigd",
    "hulpvraag-geopend",
    "hulpvraag-gesloten",
    "zorg-gemeld",
    "zorg-opgeheven",
    "doel-gesteld",
    "doel-bijgewerkt",
    "plan-ondertekend",
    "instrument-ingezet",
    "evaluatie",
    "melding",
    "contact",
    "doorverwezen",
    "afgesloten",
    "heropend",
    "opgeschort",
    "hervat",
    "betrokkene-toegevoegd",
    "betrokkene-verwijderd",
    "toestemming-gegeven",
    "toestemming-ingetrokken",
    "jim-gekozen",
    "regie-belegd",
    "opgeschaald",
    "afgeschaald",
    "coach-gewisseld",
)
"""Every event ``type`` of the JSON format, in the engine's order."""

DERIVED_FACTS: tuple[str, ...] = ("plan-ondertekend",)
"""Condition kinds that mean a derived fact rather than the raw event (they take no fields)."""

MATCH_FIELDS: Mapping[str, Mapping[str, type]] = MappingProxyType(
    {
        "aangemeld": MappingProxyType(
            {
                "traject": str,
                "verwijzer": str,
                "aanbieder": str,
                "wijkteam": str,
                "aanleiding": str,
            }
        ),
        "contactpoging": MappingProxyType({"kanaal": str, "gelukt": bool}),
        "kennismaking": MappingProxyType({}),
        "verwachtingen-uitgesproken": MappingProxyType({}),
        "intake": MappingProxyType({}),
        "fase-gewijzigd": MappingProxyType({"naar": str, "reden": str}),
        "hulpvraag-geopend": MappingProxyType({"id": str, "leefgebied": str, "omschrijving": str}),
        "hulpvraag-gesloten": MappingProxyType({"id": str}),
        "zorg-gemeld": MappingProxyType({"id": str, "omschrijving": str}),
        "zorg-opgeheven": MappingProxyType({"id": str}),
        "doel-gesteld": MappingProxyType(
            {"id": str, "leefgebied": str, "termijn": str, "omschrijving": str}
        ),
        "doel-bijgewerkt": MappingProxyType({"id": str, "levenscyclus": str, "voortgang": str}),
        "plan-ondertekend": MappingProxyType({}),
        "instrument-ingezet": MappingProxyType({"instrument": str}),
        "evaluatie": MappingProxyType({"omschrijving": str}),
        "melding": MappingProxyType({"soort": str, "bron": str}),
        "contact": MappingProxyType({"met": str, "vorm": str, "betrokkene": str}),
        "doorverwezen": MappingProxyType({"naar": str, "warm": bool, "betrokkene": str}),
        "afgesloten": MappingProxyType({"reden": str}),
        "heropend": MappingProxyType({"naar": str, "reden": str}),
        "opgeschort": MappingProxyType({"reden": str}),
        "hervat": MappingProxyType({}),
        "betrokkene-toegevoegd": MappingProxyType(
            {"id": str, "relatie": str, "omschrijving": str}
        ),
        "betrokkene-verwijderd": MappingProxyType({"id": str}),
        "toestemming-gegeven": MappingProxyType({"betrokkene": str, "voor": str}),
        "toestemming-ingetrokken": MappingProxyType({"betrokkene": str, "voor": str}),
        "jim-gekozen": MappingProxyType({"betrokkene": str}),
        "regie-belegd": MappingProxyType({"bij": str, "reden": str}),
        "opgeschaald": MappingProxyType({"naar": str, "reden": str}),
        "afgeschaald": MappingProxyType({"reden": str}),
        "coach-gewisseld": MappingProxyType({"reden": str}),
    }
)
"""Per event type, the fields a norm condition may match on and the type of their value.

Only text and yes/no fields: a condition compares a field with ``==``, and a timestamp, a
list or a nested record never equals a plain value. ``op`` is therefore not listed.
"""
