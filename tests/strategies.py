"""Shared hypothesis strategies for ija-core's records.

A plain module of functions named ``<class>_strategy()`` (the class name in snake case), so
any test can ``from strategies import ...``. Built with ``st.builds``: ``st.from_type``
ignores attrs validators and would produce invalid records.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ija_core.tools.results import (
    BolletjesschemaResultaat,
    JimResultaat,
    MindmapResultaat,
    Persoon,
    Schaalvraagresultaat,
    Tak,
    VijfGResultaat,
    ZrmResultaat,
)
from ija_core.tools.zrm import ZRM_DOMEIN_IDS, ZRM_VARIANTEN


def tekst_strategy(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank text, as every required Dutch text field demands."""
    return st.text(min_size=1, max_size=max_size).filter(lambda s: bool(s.strip()))


# --- instrument results (ija_core.tools.results) ---------------------------------------------


def schaalvraagresultaat_strategy() -> st.SearchStrategy[Schaalvraagresultaat]:
    """Any valid scaling-question result (score 0-10, both ends described)."""
    return st.builds(
        Schaalvraagresultaat,
        onderwerp=tekst_strategy(),
        score=st.integers(min_value=0, max_value=10),
        betekenis_0=tekst_strategy(),
        betekenis_10=tekst_strategy(),
    )


def vijf_g_resultaat_strategy() -> st.SearchStrategy[VijfGResultaat]:
    """Any valid 5G-model result."""
    return st.builds(
        VijfGResultaat,
        gebeurtenis=tekst_strategy(),
        gedachten=tekst_strategy(),
        gevoelens=tekst_strategy(),
        gedrag=tekst_strategy(),
        gevolg=tekst_strategy(),
    )


def zrm_resultaat_strategy() -> st.SearchStrategy[ZrmResultaat]:
    """Any valid ZRM measurement: 1 to 13 known domains, each with a level 1-5."""
    return st.builds(
        ZrmResultaat,
        variant=st.sampled_from(ZRM_VARIANTEN),
        scores=st.dictionaries(
            st.sampled_from(ZRM_DOMEIN_IDS),
            st.integers(min_value=1, max_value=5),
            min_size=1,
        ),
    )


def persoon_strategy() -> st.SearchStrategy[Persoon]:
    """Any valid person in a Bolletjesschema."""
    return st.builds(
        Persoon,
        naam=tekst_strategy(20),
        relatie=tekst_strategy(20),
        belang=st.integers(min_value=1, max_value=5),
        nabijheid=st.integers(min_value=1, max_value=5),
    )


def bolletjesschema_resultaat_strategy() -> st.SearchStrategy[BolletjesschemaResultaat]:
    """Any valid Bolletjesschema (possibly with nobody in it)."""
    return st.builds(
        BolletjesschemaResultaat,
        personen=st.lists(persoon_strategy(), max_size=6).map(tuple),
    )


def tak_strategy() -> st.SearchStrategy[Tak]:
    """Any valid mindmap branch."""
    return st.builds(
        Tak,
        naam=tekst_strategy(20),
        onderdelen=st.lists(tekst_strategy(20), max_size=4).map(tuple),
    )


def mindmap_resultaat_strategy() -> st.SearchStrategy[MindmapResultaat]:
    """Any valid mindmap: a central theme and at least one branch."""
    return st.builds(
        MindmapResultaat,
        centraal_thema=tekst_strategy(),
        takken=st.lists(tak_strategy(), min_size=1, max_size=5).map(tuple),
    )


def jim_resultaat_strategy() -> st.SearchStrategy[JimResultaat]:
    """Any valid JIM: always chosen by the young person."""
    return st.builds(
        JimResultaat,
        mentor=tekst_strategy(20),
        relatie=tekst_strategy(20),
        gekozen_door_jongere=st.just(True),
        startdatum=st.dates(),
    )


def resultaat_strategies() -> dict[type[Any], st.SearchStrategy[Any]]:
    """Every typed instrument result class with its strategy (for round-trip properties)."""
    return {
        Schaalvraagresultaat: schaalvraagresultaat_strategy(),
        VijfGResultaat: vijf_g_resultaat_strategy(),
        ZrmResultaat: zrm_resultaat_strategy(),
        BolletjesschemaResultaat: bolletjesschema_resultaat_strategy(),
        MindmapResultaat: mindmap_resultaat_strategy(),
        JimResultaat: jim_resultaat_strategy(),
    }


def resultaat_strategy() -> st.SearchStrategy[Any]:
    """Any valid typed instrument result, of any result class."""
    return st.one_of(*resultaat_strategies().values())
