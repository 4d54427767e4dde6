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
from ija_core.traject.events import EVENT_TYPEN


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


# --- traject events (ija_core.traject) ---------------------------------------------------------
# Small id pools, so that random sequences both open and close the same hulpvraag, zorg or doel.

HULPVRAAG_IDS = ("h1", "h2")
ZORG_IDS = ("z1", "z2")
DOEL_IDS = ("d1", "d2", "d3")
FASE_IDS = ("vertrouwen", "verdieping", "uitvoering", "afronding")
AFSLUITREDENEN = (
    "doelen bereikt",
    "justitie",
    "ggz-opname",
    "verhuisd",
    "overleden",
    "opgeschaald",
    "geen-reactie",
    "Geen reactie",
)


def tijdstap_strategy() -> st.SearchStrategy[int]:
    """Minutes from the last event: mostly forward, sometimes equal, sometimes back in time."""
    return st.sampled_from((0, 0, 1, 30, 60 * 5, 60 * 24, 60 * 24 * 3, 60 * 24 * 20, -1, -60 * 24))


def offset_strategy() -> st.SearchStrategy[str]:
    """How a timestamp is written: Amsterdam winter or summer offset, or UTC."""
    return st.sampled_from(("+01:00", "+02:00", "Z"))


def reden_strategy() -> st.SearchStrategy[str | None]:
    """A reason for going back or reopening: none, blank, or a real one."""
    return st.sampled_from((None, "", "   ", "terugval na verhuizing", "nieuwe hulpvraag"))


def event_velden_strategy(soort: str) -> st.SearchStrategy[dict[str, Any]]:
    """The fields (without ``type`` and ``op``) of a well-typed event of this kind.

    The values come from the pools above, so whether the event is *accepted* depends on the
    traject's state (open ids, phase, plan); its input is always valid.
    """
    tekst = st.sampled_from(("gesprek", "huisbezoek", "app", "overlast", "school"))
    bouwers: dict[str, st.SearchStrategy[dict[str, Any]]] = {
        "contactpoging": st.fixed_dictionaries(
            {"kanaal": st.sampled_from(("app", "telefoon", "huisbezoek")), "gelukt": st.booleans()}
        ),
        "kennismaking": st.just({}),
        "verwachtingen-uitgesproken": st.just({}),
        "intake": st.just({}),
        "fase-gewijzigd": st.fixed_dictionaries(
            {"naar": st.sampled_from(FASE_IDS)}, optional={"reden": reden_strategy()}
        ),
        "hulpvraag-geopend": st.fixed_dictionaries(
            {
                "id": st.sampled_from(HULPVRAAG_IDS),
                "leefgebied": st.sampled_from(("financien", "wonen", "scholing")),
                "omschrijving": tekst,
            }
        ),
        "hulpvraag-gesloten": st.fixed_dictionaries({"id": st.sampled_from(HULPVRAAG_IDS)}),
        "zorg-gemeld": st.fixed_dictionaries(
            {"id": st.sampled_from(ZORG_IDS), "omschrijving": tekst}
        ),
        "zorg-opgeheven": st.fixed_dictionaries({"id": st.sampled_from(ZORG_IDS)}),
        "doel-gesteld": st.fixed_dictionaries(
            {
                "id": st.sampled_from(DOEL_IDS),
                "leefgebied": st.sampled_from(("werk", "wonen")),
                "termijn": st.sampled_from(("kort", "lang")),
                "omschrijving": tekst,
            }
        ),
        "doel-bijgewerkt": st.fixed_dictionaries(
            {"id": st.sampled_from(DOEL_IDS)},
            optional={
                "levenscyclus": st.sampled_from(("actief", "afgerond")),
                "voortgang": st.sampled_from(("bezig", "bereikt")),
            },
        ),
        "plan-ondertekend": st.fixed_dictionaries(
            {
                "door": st.lists(
                    st.sampled_from(("jongere", "coach", "netwerk", *BETROKKENE_IDS[:2])),
                    min_size=1,
                    max_size=3,
                )
            }
        ),
        "instrument-ingezet": st.one_of(
            st.just({"instrument": "ret", "resultaat": None}),
            schaalvraagresultaat_strategy().map(
                lambda r: {
                    "instrument": "schaalvraag",
                    "resultaat": {
                        "onderwerp": r.onderwerp,
                        "score": r.score,
                        "betekenis_0": r.betekenis_0,
                        "betekenis_10": r.betekenis_10,
                    },
                }
            ),
        ),
        "evaluatie": st.fixed_dictionaries({"omschrijving": tekst}),
        "melding": st.fixed_dictionaries({"soort": tekst, "bron": tekst}),
        "contact": st.fixed_dictionaries(
            {"met": st.sampled_from(("jongere", "netwerk", "wijknetwerk")), "vorm": tekst},
            optional={"betrokkene": st.sampled_from(BETROKKENE_IDS)},
        ),
        "doorverwezen": st.fixed_dictionaries(
            {"naar": tekst, "warm": st.booleans()},
            optional={"betrokkene": st.sampled_from(BETROKKENE_IDS)},
        ),
        "afgesloten": st.fixed_dictionaries({"reden": st.sampled_from(AFSLUITREDENEN)}),
        "heropend": st.fixed_dictionaries(
            {"naar": st.sampled_from(FASE_IDS)}, optional={"reden": reden_strategy()}
        ),
        "opgeschort": st.fixed_dictionaries({"reden": st.just("tijdelijk in het buitenland")}),
        "hervat": st.just({}),
        "betrokkene-toegevoegd": st.fixed_dictionaries(
            {"id": st.sampled_from(BETROKKENE_IDS), "relatie": st.sampled_from(RELATIE_IDS)},
            optional={"omschrijving": tekst},
        ),
        "betrokkene-verwijderd": st.fixed_dictionaries({"id": st.sampled_from(BETROKKENE_IDS)}),
        "toestemming-gegeven": st.fixed_dictionaries(
            {"betrokkene": st.sampled_from(BETROKKENE_IDS), "voor": st.sampled_from(VOOR)}
        ),
        "toestemming-ingetrokken": st.fixed_dictionaries(
            {"betrokkene": st.sampled_from(BETROKKENE_IDS), "voor": st.sampled_from(VOOR)}
        ),
        "jim-gekozen": st.fixed_dictionaries({"betrokkene": st.sampled_from(BETROKKENE_IDS)}),
        "regie-belegd": st.fixed_dictionaries(
            {"bij": st.sampled_from(("coach", *BETROKKENE_IDS))},
            optional={"reden": tekst},
        ),
        "opgeschaald": st.fixed_dictionaries(
            {"naar": st.sampled_from(("pga", "andere-vorm")), "reden": tekst}
        ),
        "afgeschaald": st.fixed_dictionaries({"reden": tekst}),
        "coach-gewisseld": st.fixed_dictionaries(
            {"reden": tekst}, optional={"coach": st.sampled_from(("coach-2", "coach-3"))}
        ),
    }
    return bouwers[soort]


BETROKKENE_IDS = ("moeder", "oma", "vriend-1", "agent", "jgc")
"""Betrokkene ids the strategies draw from (whether one is current depends on the state)."""
RELATIE_IDS = ("ouder", "familie", "vriend", "wijkagent", "jeugd-en-gezinscoach", "ggz")
"""Relaties the strategies draw from: three of rol netwerk, three of other rollen."""
VOOR = ("betrekken", "gegevens-delen")


EVENT_SOORTEN_NA_AANMELDING = tuple(t for t in EVENT_TYPEN if t != "aangemeld")
"""Every event type that may follow ``aangemeld``."""

BEDERVINGEN = (
    "veld-weg",
    "onbekend-veld",
    "verkeerd-type",
    "onbekend-type",
    "zonder-offset",
    "onbestaande-datum",
    "onbekende-fase",
    "onbekende-rol",
    "tweede-aangemeld",
)
"""Ways the state machine spoils an event so that it is invalid input."""
