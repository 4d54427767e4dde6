"""The API reference shows every public member of every exported class.

mkdocstrings (through griffe) leaves out a member without a docstring; a property of a
``Protocol`` such as ``Toestand`` then silently disappears from the reference that plugin
authors read. Here griffe reads the source as the site build does, and every public member of
a class in ``ija_core.__all__`` must carry a docstring (an attrs field through the
``Attributes:`` section of its class).
"""

from __future__ import annotations

import inspect
from pathlib import Path

import griffe
import pytest

import ija_core

SRC = Path(ija_core.__file__).resolve().parents[1]
UITGEZONDERD = {"TYPE"}
"""An event class's JSON type: listed per event on the page of the gebeurtenissen."""
KLASSEN = sorted(n for n in ija_core.__all__ if inspect.isclass(getattr(ija_core, n)))


@pytest.fixture(scope="module")
def pakket() -> griffe.Module:
    return griffe.load(
        "ija_core", search_paths=[str(SRC)], docstring_parser="google", resolve_aliases=True
    )


def _zonder_docstring(klasse: griffe.Class) -> list[str]:
    ontbreekt = []
    gedocumenteerd: set[str] = set()
    if klasse.docstring is not None:
        for sectie in klasse.docstring.parsed:
            if sectie.kind is griffe.DocstringSectionKind.attributes:
                gedocumenteerd |= {a.name for a in sectie.value}
    for naam, lid in klasse.members.items():
        if naam.startswith("_") or naam in gedocumenteerd or naam in UITGEZONDERD:
            continue
        if lid.docstring is None or not lid.docstring.value.strip():
            ontbreekt.append(naam)
    return ontbreekt


@pytest.mark.parametrize("naam", KLASSEN)
def test_every_public_member_of_an_exported_class_has_a_docstring(
    pakket: griffe.Module, naam: str
) -> None:
    doel = pakket[naam]
    klasse = doel.final_target if isinstance(doel, griffe.Alias) else doel
    assert isinstance(klasse, griffe.Class)
    assert _zonder_docstring(klasse) == []


def test_toestand_documents_all_it_offers_a_rule(pakket: griffe.Module) -> None:
    """The members a rule's check may read, one by one (the protocol's own list)."""
    toestand = pakket["Toestand"].final_target
    publiek = {n for n in vars(ija_core.Toestand) if not n.startswith("_")}
    assert len(publiek) >= 18
    assert publiek <= set(toestand.members)
    assert _zonder_docstring(toestand) == []
