"""The handbook's definitions (fasen, leefgebieden, rollen, kernwaarden, thema's, doelgroep).

Checked against the handbook (via ``methodiek.md``) and the public contract in ``design.md``:
ids and their order, the steps, the target durations, and that every text a trainer reads is
present. The data is imported from its modules directly, not through ``load_methodiek``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Protocol

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ija_core._validators import SLUG
from ija_core.doelgroep import DOELGROEP, Doelgroep, leeftijd_op
from ija_core.errors import OngeldigeInvoer
from ija_core.kernwaarden import KERNWAARDEN, PRINCIPES
from ija_core.leefgebieden import LEEFGEBIEDEN
from ija_core.phases.handbook import FASEN
from ija_core.phases.model import FaseDefinitie
from ija_core.rollen import ROLLEN
from ija_core.themas import THEMAS, Thema

ROL_IDS = ["jongere", "netwerk", "wijknetwerk", "zorgpartijen", "coach"]
LEEFGEBIED_IDS = [
    "scholing",
    "financien",
    "wonen",
    "werk",
    "justitie",
    "gezondheid",
    "vrije-tijd",
    "sociaal-netwerk",
]
STAPPEN = {
    "vertrouwen": ["aanmelden", "contact-leggen", "kennismaken", "verwachtingen-uitspreken"],
    "verdieping": ["vraagverheldering", "ondersteuningsplan"],
    "uitvoering": ["onderzoeken-uitproberen", "afstand-nemen", "evalueren"],
    "afronding": ["doorverwijzen", "monitoren-nazorg"],
}


class _MetId(Protocol):
    @property
    def id(self) -> str: ...


ALLE_COLLECTIES: dict[str, tuple[_MetId, ...]] = {
    "fasen": FASEN,
    "leefgebieden": LEEFGEBIEDEN,
    "rollen": ROLLEN,
    "kernwaarden": KERNWAARDEN,
    "principes": PRINCIPES,
    "themas": THEMAS,
}


def _records(obj: object) -> Iterator[object]:
    """Every attrs instance in ``obj``, walking into fields and tuples."""
    cls = type(obj)
    if attrs.has(cls):
        yield obj
        for f in attrs.fields(cls):
            yield from _records(getattr(obj, f.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from _records(item)


def _teksten(obj: object) -> Iterator[tuple[str, str]]:
    """Every ``(where, text)`` string held by the records in ``obj``."""
    for rec in _records(obj):
        cls = type(rec)
        assert attrs.has(cls)
        for f in attrs.fields(cls):
            value = getattr(rec, f.name)
            values = value if isinstance(value, tuple) else (value,)
            for v in values:
                if isinstance(v, str):
                    yield f"{type(rec).__name__}.{f.name}", v


# --- fasen -------------------------------------------------------------------------------------


def test_fasen_hebben_de_ids_nummers_en_namen_uit_het_handboek() -> None:
    assert [f.id for f in FASEN] == ["vertrouwen", "verdieping", "uitvoering", "afronding"]
    assert [f.nummer for f in FASEN] == [1, 2, 3, 4]
    assert [f.naam for f in FASEN] == ["Vertrouwen", "Verdieping", "Uitvoering", "Afronding"]
    assert [f.volledige_naam for f in FASEN] == [
        "Vertrouwen (of matching)",
        "Verdieping",
        "Uitvoering en zelfstandigheid",
        "Afronding",
    ]


def test_streefduren_zijn_4_8_16_3_weken_en_samen_31() -> None:
    assert [f.streefduur for f in FASEN] == [timedelta(weeks=w) for w in (4, 8, 16, 3)]
    assert sum((f.streefduur for f in FASEN), timedelta()) == timedelta(weeks=31)


@pytest.mark.parametrize("fase", FASEN, ids=lambda f: f.id)
def test_stappen_per_fase_hebben_de_afgesproken_ids_en_letters(fase: FaseDefinitie) -> None:
    assert [s.id for s in fase.stappen] == STAPPEN[fase.id]
    assert [s.letter for s in fase.stappen] == list("abcd"[: len(fase.stappen)])
    for stap in fase.stappen:
        assert fase.stap(stap.id) is stap


def test_elf_stappen_met_unieke_ids_in_de_hele_methodiek() -> None:
    ids = [s.id for f in FASEN for s in f.stappen]
    assert len(ids) == 11
    assert len(set(ids)) == 11


def test_onbekende_stap_noemt_de_bekende_ids() -> None:
    with pytest.raises(OngeldigeInvoer, match="contact-leggen"):
        FASEN[0].stap("intake")


def test_kernbegrippen_volgen_het_handboek() -> None:
    kern = {f.id: f.kernbegrippen for f in FASEN}
    assert kern["vertrouwen"] == (
        "contact maken",
        "actief en aandachtig luisteren",
        "aansluiten",
        "grenzen aanvoelen",
        "prioriteiten en noden herkennen",
        "verwachtingen uitspreken",
    )
    assert "vraagverheldering" in kern["verdieping"]
    assert "spiegelen en confronteren" in kern["verdieping"]
    assert len(kern["verdieping"]) == 8
    assert kern["uitvoering"] == ("gedragsverandering", "zelfinzicht", "zelfstandigheid verhogen")
    assert kern["afronding"] == ("overdragen", "monitoren", "nazorg")


@pytest.mark.parametrize("fase", FASEN, ids=lambda f: f.id)
def test_elke_fase_zegt_iets_over_alle_vijf_rollen(fase: FaseDefinitie) -> None:
    assert [rv.rol for rv in fase.rolverwachtingen] == ROL_IDS
    for rol in ROL_IDS:
        rv = fase.verwachting(rol)
        assert rv is not None
        assert rv.verwachtingen, f"{fase.id}/{rol} heeft geen verwachtingen"
        assert all(v.strip() for v in rv.verwachtingen)
    assert fase.verwachting("onbekend") is None


def test_rolverwachtingen_dragen_de_feiten_per_fase() -> None:
    """A few handbook facts that must survive any rewording of the texts."""

    def tekst(fase: int, rol: str) -> str:
        rv = FASEN[fase - 1].verwachting(rol)
        assert rv is not None
        return " ".join(rv.verwachtingen).lower()

    assert "instrument" in tekst(1, "coach")  # fase 1: the coach is the instrument
    assert "verwijzer" in tekst(1, "wijknetwerk")
    assert "18" in tekst(1, "netwerk")  # most young people are 18+
    assert "regie" in tekst(2, "jongere")
    assert "jeugdreclassering" in tekst(2, "zorgpartijen")
    assert "indicatie" in tekst(2, "zorgpartijen")
    assert "zes weken" in tekst(2, "coach")  # service norm for intake and plan
    assert "zelf" in tekst(3, "jongere")
    assert "jim" in tekst(3, "netwerk")
    assert "duwkracht" in tekst(3, "zorgpartijen")
    assert "bereikbaar" in tekst(4, "jongere")
    assert "overdrachtsgesprek" in tekst(4, "wijknetwerk")
    assert "hulpvraag" in tekst(4, "coach")


def test_rolverwachtingen_zeggen_niet_meer_dan_het_handboek() -> None:
    """Starting points stay starting points; "can" stays "can" (issue 12)."""

    def tekst(fase: int, rol: str) -> str:
        rv = FASEN[fase - 1].verwachting(rol)
        assert rv is not None
        return " ".join(rv.verwachtingen).lower()

    netwerk = tekst(1, "netwerk")
    assert "uitgangspunt" in netwerk
    assert "alleen als" not in netwerk
    assert "kan de verwijzer zijn" in tekst(1, "wijknetwerk")
    assert "vaak" not in tekst(1, "wijknetwerk")
    aanmelden = FASEN[0].stappen[0].beschrijving.lower()
    assert "vaak" not in aanmelden
    assert "kan" in aanmelden
    zorgpartijen = tekst(2, "zorgpartijen")
    assert "terughoudend" in zorgpartijen
    assert "pas erbij als" not in zorgpartijen
    assert "fase 2 en 3" in tekst(4, "coach")


def test_afronding_sluit_niet_af_met_open_hulpvraag() -> None:
    stap = FASEN[3].stap("monitoren-nazorg")
    assert "hulpvraag" in stap.beschrijving
    assert "zorgen" in stap.beschrijving
    assert "warme overdracht" in FASEN[3].stap("doorverwijzen").beschrijving.lower()


# --- leefgebieden, rollen ------------------------------------------------------------------------


def test_leefgebieden_in_handboekvolgorde_met_labels() -> None:
    assert [lg.id for lg in LEEFGEBIEDEN] == LEEFGEBIED_IDS
    assert [lg.naam for lg in LEEFGEBIEDEN] == [
        "Scholing",
        "Financiën",
        "Wonen",
        "Werk",
        "Justitie",
        "Gezondheid",
        "Vrije tijd",
        "Sociaal netwerk",
    ]


def test_rollen_in_volgorde_met_voorbeelden_uit_het_handboek() -> None:
    assert [r.id for r in ROLLEN] == ROL_IDS
    rollen = {r.id: r for r in ROLLEN}
    for partner in ("wijkagent", "jongerenwerk", "CJG", "Jongerenloket", "welzijnswerk"):
        assert partner in rollen["wijknetwerk"].voorbeelden
    for partij in ("GGZ", "jeugdreclassering", "reclassering"):
        assert partij in rollen["zorgpartijen"].voorbeelden
    assert any("JIM" in v for v in rollen["netwerk"].voorbeelden)
    assert any("jeugd- en gezinscoach" in v for v in rollen["coach"].voorbeelden)


# --- kernwaarden, principes ----------------------------------------------------------------------


def test_vier_kernwaarden_met_onderliggende_waarden() -> None:
    assert [k.id for k in KERNWAARDEN] == ["kracht", "bekwaamheid", "veiligheid", "samen"]
    for k in KERNWAARDEN:
        assert k.onderliggende_waarden, k.id
    kracht = KERNWAARDEN[0].onderliggende_waarden
    assert {"outreachend", "onconventioneel", "autonomie in gebondenheid"} <= set(kracht)
    assert "1 gezin, 1 plan, 1 regisseur" in KERNWAARDEN[3].onderliggende_waarden


def test_tien_principes_genummerd_1_tot_en_met_10() -> None:
    assert len(PRINCIPES) == 10
    assert [p.nummer for p in PRINCIPES] == list(range(1, 11))
    assert PRINCIPES[0].id == "geeft-niet-op"
    assert PRINCIPES[1].id == "sluit-aan-bij-leefwereld"
    assert "nee is geen optie" in PRINCIPES[0].naam
    assert "morgen is te laat" in PRINCIPES[3].naam
    # principle 10 keeps its meaning: also when the jongere lost trust in self or world
    assert "vertrouwen in zichzelf" in PRINCIPES[9].naam
    assert "wereld" in PRINCIPES[9].naam


# --- thema's ---------------------------------------------------------------------------------------


def test_themas_hebben_de_afgesproken_ids() -> None:
    assert [t.id for t in THEMAS] == [
        "schulden",
        "huisvesting",
        "justitie",
        "ggz",
        "jonge-moeders",
        "overlast",
    ]


@pytest.mark.parametrize("thema", THEMAS, ids=lambda t: t.id)
def test_thema_verwijst_alleen_naar_bestaande_leefgebieden(thema: Thema) -> None:
    assert thema.leefgebieden
    assert set(thema.leefgebieden) <= set(LEEFGEBIED_IDS)
    assert thema.acties


def test_thema_acties_dragen_de_feiten_uit_het_handboek() -> None:
    themas = {t.id: " ".join(t.acties).lower() for t in THEMAS}
    assert "kredietbank" in themas["schulden"]
    assert "bewindvoering" in themas["schulden"]
    # the handbook gives no premise of its own for debts (geldstress is Mobility Mentoring's)
    schulden = next(t for t in THEMAS if t.id == "schulden")
    assert "stress" not in schulden.beschrijving.lower()
    assert "briefadres" in themas["huisvesting"]
    assert "wmo" in themas["huisvesting"]
    assert "cjib" in themas["justitie"]
    assert "recidive" in themas["justitie"]
    assert "poh-ggz" in themas["ggz"]
    assert "jeugd- en gezinscoach" in themas["jonge-moeders"]
    assert "school" in themas["overlast"]


# --- over alle definities heen ---------------------------------------------------------------------


@pytest.mark.parametrize("naam", ALLE_COLLECTIES)
def test_ids_zijn_uniek_en_slugs(naam: str) -> None:
    ids = [item.id for item in ALLE_COLLECTIES[naam]]
    assert len(ids) == len(set(ids)), naam
    assert all(SLUG.match(i) for i in ids), ids


def test_elke_tekst_is_niet_leeg() -> None:
    teksten = list(_teksten(tuple(ALLE_COLLECTIES.values())))
    teksten += list(_teksten(DOELGROEP))
    assert len(teksten) > 200  # the walk really reaches the nested records
    leeg = [waar for waar, tekst in teksten if not tekst.strip()]
    assert leeg == []


def test_elk_record_heeft_een_naam_en_beschrijving() -> None:
    for rec in _records(tuple(ALLE_COLLECTIES.values())):
        for veld in ("naam", "beschrijving", "doel", "uitleg"):
            if hasattr(rec, veld):
                assert getattr(rec, veld).strip(), f"{type(rec).__name__}.{veld}"


def test_definities_zijn_onveranderlijk() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        FASEN[0].naam = "Iets anders"  # type: ignore[misc]  # proving the write is refused
    assert isinstance(FASEN[0].stappen, tuple)
    assert isinstance(THEMAS[0].acties, tuple)


# --- doelgroep en leeftijd ---------------------------------------------------------------------------


def test_doelgroep_is_12_tot_en_met_27() -> None:
    assert DOELGROEP.min_leeftijd == 12
    assert DOELGROEP.max_leeftijd == 27
    assert "12" in DOELGROEP.beschrijving
    assert "27" in DOELGROEP.beschrijving


@pytest.mark.parametrize(
    ("leeftijd", "past"),
    [(0, False), (11, False), (12, True), (20, True), (27, True), (28, False)],
)
def test_doelgroep_past_met_grenzen_inclusief(leeftijd: int, past: bool) -> None:
    assert DOELGROEP.past(leeftijd) is past


def test_doelgroep_past_volgt_de_eigen_grenzen() -> None:
    smal = Doelgroep(min_leeftijd=16, max_leeftijd=18, beschrijving="Alleen 16 tot en met 18.")
    assert [a for a in range(10, 25) if smal.past(a)] == [16, 17, 18]


@pytest.mark.parametrize(
    ("geboren", "dag", "leeftijd"),
    [
        (date(2006, 5, 10), date(2018, 5, 9), 11),  # the day before the 12th birthday
        (date(2006, 5, 10), date(2018, 5, 10), 12),  # on the birthday
        (date(2006, 5, 10), date(2018, 5, 11), 12),
        (date(1990, 12, 31), date(2018, 1, 1), 27),
        (date(1990, 1, 1), date(2017, 12, 31), 27),  # last day before turning 28
        (date(1990, 1, 1), date(2018, 1, 1), 28),
        (date(2000, 2, 29), date(2001, 2, 28), 0),  # no 29 February in 2001 ...
        (date(2000, 2, 29), date(2001, 3, 1), 1),  # ... so a year older on 1 March
        (date(2000, 2, 29), date(2003, 2, 28), 2),
        (date(2000, 2, 29), date(2004, 2, 28), 3),  # leap year: the day itself counts
        (date(2000, 2, 29), date(2004, 2, 29), 4),
        (date(2000, 2, 29), date(2004, 3, 1), 4),
        (date(2010, 3, 1), date(2012, 2, 29), 1),  # born 1 March, checked on 29 February
    ],
)
def test_leeftijd_op_telt_hele_jaren_op_kalenderdatum(
    geboren: date, dag: date, leeftijd: int
) -> None:
    assert leeftijd_op(geboren, dag) == leeftijd


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)))
def test_leeftijd_op_de_geboortedag_is_nul(geboren: date) -> None:
    assert leeftijd_op(geboren, geboren) == 0


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=60),
)
def test_leeftijd_op_verjaardag_is_precies_het_aantal_jaren(geboren: date, jaren: int) -> None:
    try:
        verjaardag = geboren.replace(year=geboren.year + jaren)
    except ValueError:  # 29 February in a year without it: the birthday is 1 March
        verjaardag = date(geboren.year + jaren, 3, 1)
    assert leeftijd_op(geboren, verjaardag) == jaren
    assert leeftijd_op(geboren, verjaardag - timedelta(days=1)) == jaren - 1


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=40 * 366),
    st.integers(min_value=0, max_value=400),
)
def test_leeftijd_op_neemt_nooit_af(geboren: date, na: int, later: int) -> None:
    dag = geboren + timedelta(days=na)
    assert leeftijd_op(geboren, dag) <= leeftijd_op(geboren, dag + timedelta(days=later))


# --- samenhang met de assembly -----------------------------------------------------------------------


def test_load_methodiek_geeft_dezelfde_fasen() -> None:
    from ija_core import load_methodiek

    m = load_methodiek(entrypoints=False)
    assert m.fasen == FASEN
    assert m.leefgebieden == LEEFGEBIEDEN
    assert m.rollen == ROLLEN
    assert m.themas == THEMAS
    assert m.principes == PRINCIPES
    assert m.doelgroep == DOELGROEP
