"""``Methodiek`` and ``Traject`` pickle and unpickle to equal values (multiprocessing, task queues)."""

from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path

import pytest

import ija_core as ija

VOORBEELDEN = sorted(
    p
    for p in (Path(__file__).resolve().parents[1] / "examples").glob("*.json")
    if not p.name.endswith("-groep.json")  # a group file, not a traject
)


def _guard(traject: ija.Traject, naar: str) -> str | None:
    """A module-level hook API 1.0 guard (a function a pickle can refer to)."""
    return None if traject.plan.doelen else f"naar {naar} pas met een doel"


class _Plugin:
    IJA_PLUGIN_NAAM = "bewaar"

    @ija.hookimpl
    def ija_overgangsregels(self) -> list[ija.Overgangsregel]:
        return [
            ija.Overgangsregel(
                id="bewaar:doel-eerst", naam="Doel eerst", uitleg="Eerst een doel.", toets=_guard
            )
        ]


def test_a_methodiek_with_the_six_plugins_pickles_to_an_equal_value(
    m_alle: ija.Methodiek,
) -> None:
    assert len([p for p in m_alle.plugins if p.status == "loaded"]) >= 6
    ija.Traject.replay(json.loads(VOORBEELDEN[0].read_text())["events"], methodiek=m_alle)
    terug = pickle.loads(pickle.dumps(m_alle))  # noqa: S301 - our own bytes
    assert terug == m_alle
    assert terug.regels == m_alle.regels
    assert dict(terug.herkomst) == dict(m_alle.herkomst)
    assert terug.instrument("5g-model") == m_alle.instrument("5g-model")
    assert terug.fasevolgorde == m_alle.fasevolgorde


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.stem)
def test_a_traject_from_the_examples_pickles_to_an_equal_value(
    pad: Path, m_alle: ija.Methodiek
) -> None:
    data = json.loads(pad.read_text())
    t = ija.Traject.replay(data["events"] if isinstance(data, dict) else data, methodiek=m_alle)
    terug = pickle.loads(pickle.dumps(t))  # noqa: S301 - our own bytes
    assert terug == t
    assert terug.events == t.events
    assert ija.to_json(terug) == ija.to_json(t)
    peildatum = date(2025, 11, 3)
    assert ija.normtoets(terug, peildatum=peildatum, methodiek=terug.methodiek) == ija.normtoets(
        t, peildatum=peildatum, methodiek=m_alle
    )


def test_a_group_pickles_to_an_equal_value(m_alle: ija.Methodiek) -> None:
    pad = VOORBEELDEN[0].parent / "spin-in-het-web-groep.json"
    g = ija.from_json(pad.read_bytes(), ija.Groep, methodiek=m_alle)
    terug = pickle.loads(pickle.dumps(g))  # noqa: S301 - our own bytes
    assert terug == g
    assert terug.leden == g.leden
    assert ija.to_json(terug) == ija.to_json(g)
    with pytest.raises(ija.RegelOvertreding):
        terug.registreer({"type": "groepsmelding", "op": "2026-01-01T10:00:00+01:00",
                          "soort": "overlast", "melder": "buurtbewoner"})  # fmt: skip


def test_an_unpickled_traject_still_enforces_its_plugin_guards() -> None:
    m = ija.load_methodiek(plugins=[_Plugin()], entrypoints=False)
    events = [
        {
            "type": "aangemeld",
            "op": "2025-03-03T09:00:00+01:00",
            "traject": "t-1",
            "jongere": {"pseudoniem": "Noor", "geboortedatum": "2006-05-01"},
            "verwijzer": "school",
        },
        {"type": "kennismaking", "op": "2025-03-04T09:00:00+01:00"},
        {"type": "verwachtingen-uitgesproken", "op": "2025-03-04T10:00:00+01:00"},
    ]
    t = pickle.loads(pickle.dumps(ija.Traject.replay(events, methodiek=m)))  # noqa: S301
    assert t.methodiek == m
    with pytest.raises(ija.RegelOvertreding) as info:
        t.registreer({"type": "fase-gewijzigd", "op": "2025-03-05T09:00:00+01:00", "naar": "verdieping"})
    assert (info.value.regel, info.value.plugin) == ("bewaar:doel-eerst", "bewaar")
