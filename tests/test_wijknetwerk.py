"""Issue 20, definitions: the wijknetwerk partners, opschalingen without the two tables, and the
overleggen (``m.overleggen``, hook ``ija_overleggen``), each with its bron (design.md, "Netwerk")."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pytest

import ija_core as ija
from ija_core import hookspecs
from ija_core.netwerk import HANDBOEK_OPSCHALINGEN, HANDBOEK_OVERLEGGEN, HANDBOEK_RELATIES

M = ija.load_methodiek(entrypoints=False)
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"  # shared/ beside the checkout

# relatie id → (rol, a word or phrase of the handbook that names the partner)
PARTNERS = {
    "cjg": ("wijknetwerk", "het CJG"),
    "schoolmaatschappelijk-werk": ("wijknetwerk", "schoolmaatschappelijk werk"),
    "welzijnswerk": ("wijknetwerk", "welzijnswerk"),
    "buurthuis": ("wijknetwerk", "vrijwilliger in een buurthuis"),
    "ondernemer": ("wijknetwerk", "ondernemers"),
    "bewonersorganisatie": ("wijknetwerk", "bewoners(organisaties)"),
    "handhaving": ("wijknetwerk", "politie en handhaving"),
    "pga": ("wijknetwerk", "PGA-medewerkers"),
    "wijkveiligheid": ("wijknetwerk", "experts wijkveiligheid"),
    "centraal-onthaal-jongeren": ("zorgpartijen", "centraal onthaal jongeren"),
    "kredietbank": ("zorgpartijen", "Aanmelding kredietbank"),
    "bewindvoering": ("zorgpartijen", "Aanmelden bewindvoering"),
    "poh": ("zorgpartijen", "toeleiding naar POH"),
    "buren": ("netwerk", "het gezin, de buren of het wijknetwerk"),
}


def _handboek() -> str:
    if not SEED.is_dir():
        pytest.skip(f"de handboektekst staat niet in {SEED}")
    return " ".join(f.read_text(encoding="utf-8") for f in SEED.glob("*.txt"))


def _ev(soort: str, dag: int, **velden: Any) -> dict[str, Any]:
    return {"type": soort, "op": f"2026-01-{5 + dag:02d}T09:00:00+01:00", **velden}


def _aangemeld() -> dict[str, Any]:
    return _ev("aangemeld", 0, traject="t-1", verwijzer="school",
               jongere={"pseudoniem": "Sam", "geboortedatum": "2004-03-01"})


def _woorden(tekst: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9]+", tekst.lower())


# --- relaties --------------------------------------------------------------------------------


@pytest.mark.parametrize("relatie", sorted(PARTNERS))
def test_each_wijknetwerk_partner_has_its_rol_and_a_handbook_bron(relatie: str) -> None:
    rol, _ = PARTNERS[relatie]
    r = M.relatie(relatie)
    assert r.rol == rol
    assert r.bron.soort == "handboek"
    assert r.naam.strip()
    # the toelichting says where: a section of the handbook, in own words
    assert re.search(r"profiel|fase 3|kernwaarde samen|thema|methodiek|casus", r.bron.toelichting)


@pytest.mark.parametrize("relatie", sorted(PARTNERS))
def test_the_handbook_really_names_each_partner(relatie: str) -> None:
    """A relatie is only ``handboek`` where the handbook text names it (hyphenation of the PDF
    and case aside)."""
    tekst = " ".join(_handboek().replace("-\n", "").split()).lower()
    assert PARTNERS[relatie][1].lower() in tekst, relatie


def test_the_relaties_still_include_the_earlier_ones_and_stay_sorted() -> None:
    ids = [r.id for r in M.relaties]
    assert ids == sorted(ids)
    assert {"ouder", "familie", "vriend", "sleutelfiguur", "school", "jongerenwerk",
            "sportvereniging", "werkgever", "wijkagent", "jongerenloket", "jeugdreclassering",
            "ggz", "jeugd-en-gezinscoach", "wijkteam-ggz", *PARTNERS} == set(ids)
    assert len(ids) == len(HANDBOEK_RELATIES)


def test_a_bron_that_reads_into_the_handbook_says_so() -> None:
    """Where ija-core places or spells out a partner itself, the toelichting says it is ija-core's."""
    for relatie in ("kredietbank", "bewindvoering", "poh", "buren", "buurthuis"):
        assert "ija-core" in M.relatie(relatie).bron.toelichting, relatie


def test_no_bron_copies_seven_words_from_the_handbook() -> None:
    handboek = _woorden(_handboek())
    zevens = {tuple(handboek[i:i + 7]) for i in range(len(handboek) - 6)}
    for item in (*M.relaties, *M.opschalingen, *M.overleggen):
        w = _woorden(item.bron.toelichting)
        overlap = [" ".join(w[i:i + 7]) for i in range(len(w) - 6) if tuple(w[i:i + 7]) in zevens]
        assert not overlap, (item.id, overlap)


def test_a_new_partner_can_be_a_betrokkene_and_consent_to_share_runs_for_it() -> None:
    """Before issue 20 a kredietbank could not be a betrokkene, so delen-met-toestemming never
    ran for it."""
    t = ija.Traject.replay(
        [_aangemeld(),
         _ev("betrokkene-toegevoegd", 1, id="kb", relatie="kredietbank"),
         _ev("betrokkene-toegevoegd", 1, id="buurman", relatie="buren")],
        methodiek=M,
    )
    assert [(b.id, b.relatie) for b in t.betrokkenen] == [("kb", "kredietbank"),
                                                          ("buurman", "buren")]
    verwijzing = _ev("doorverwezen", 2, naar="kredietbank", warm=True, betrokkene="kb")
    with pytest.raises(ija.RegelOvertreding) as info:
        t.registreer(verwijzing)
    assert info.value.regel == "delen-met-toestemming"
    t = t.registreer(_ev("toestemming-gegeven", 2, betrokkene="kb", voor="gegevens-delen"))
    assert len(t.registreer(verwijzing).doorverwijzingen) == 1


# --- opschalingen and overleggen ---------------------------------------------------------------


def test_the_two_tables_are_overleggen_not_opschalingen() -> None:
    assert {o.id for o in M.opschalingen} == {
        "pga", "wijkveiligheid", "politie", "jongerenloket", "onderwijs", "andere-vorm"}
    assert {o.soort for o in M.opschalingen} == {"drang-en-dwang", "andere-begeleiding"}
    assert [o.id for o in M.overleggen] == ["jeugdhotspotoverleg", "overlastoverleg"]
    for tafel in ("jeugdhotspotoverleg", "overlastoverleg"):
        with pytest.raises(ija.OngeldigeInvoer, match="andere-vorm"):
            M.opschaling(tafel)
        overleg = M.overleg(tafel)
        assert overleg.bron.soort == "handboek"
        assert "geen opschaling" in overleg.bron.toelichting
        assert M.bijgedragen_door("overleg", tafel) == ("handboek",)
    for o in M.opschalingen:
        assert o.bron.soort == "handboek"
    assert M.opschaling("andere-vorm").soort == "andere-begeleiding"
    assert M.overleggen == HANDBOEK_OVERLEGGEN
    assert len(HANDBOEK_OPSCHALINGEN) == len(M.opschalingen)


def test_an_unknown_overleg_lists_the_known_ids() -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="jeugdhotspotoverleg, overlastoverleg"):
        M.overleg("buurttafel")


def test_escalating_to_a_table_is_refused_and_stores_nothing() -> None:
    t = ija.Traject.replay([_aangemeld()], methodiek=M)
    with pytest.raises(ija.OngeldigeInvoer) as info:
        t.registreer(_ev("opgeschaald", 2, naar="overlastoverleg", reden="overlast in de straat"))
    assert any(f.startswith("$.naar") for f in info.value.fouten), info.value.fouten
    assert len(t.events) == 1
    assert t.opschaling is None


def test_the_methodiek_with_overleggen_pickles() -> None:
    terug = pickle.loads(pickle.dumps(M))  # noqa: S301  # our own bytes
    assert terug.overleggen == M.overleggen
    assert terug.overleg("overlastoverleg") == M.overleg("overlastoverleg")


# --- the hook ija_overleggen ------------------------------------------------------------------

EIGEN = ija.Bron(soort="aanbieder", toelichting="Bijgedragen door de buurtplugin.")


class Tafels:
    """A plugin that adds overleggen (and optionally an aanbieder)."""

    def __init__(self, naam: str, *tafels: Any, aanbieder: ija.Aanbieder | None = None) -> None:
        self.IJA_PLUGIN_NAAM = naam
        self.tafels = list(tafels)
        self.aanbieder = aanbieder

    @ija.hookimpl
    def ija_overleggen(self) -> list[Any]:
        return self.tafels

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder | None:
        return self.aanbieder


def test_hook_api_is_1_5_with_the_new_hook() -> None:
    assert hookspecs.HOOK_API_VERSIE == "1.5"
    assert "ija_overleggen" in hookspecs.HOOKS
    assert list(hookspecs.HOOKS) == sorted(hookspecs.HOOKS)
    gids = (Path(__file__).resolve().parents[1] / "docs" / "plugins-schrijven.md").read_text(
        encoding="utf-8")
    assert "\n| 1.5 | de hook `ija_overleggen`" in gids
    assert "| `ija_overleggen() -> Iterable[Overleg]` (vanaf 1.5) |" in gids


def test_a_good_plugin_adds_a_table_in_its_namespace() -> None:
    tafel = ija.Overleg(id="buurt:buurttafel", naam="Buurttafel Noord", bron=EIGEN)
    m = ija.load_methodiek(plugins=[Tafels("buurt", tafel)], entrypoints=False)
    assert [o.id for o in m.overleggen] == ["buurt:buurttafel", "jeugdhotspotoverleg",
                                            "overlastoverleg"]
    assert m.overleg("buurt:buurttafel") == tafel
    assert m.bijgedragen_door("overleg", "buurt:buurttafel") == ("buurt",)
    info = m.plugin("buurt")
    assert info.status == "loaded"
    assert "overleg:buurt:buurttafel" in info.contributions
    assert info.hooks == ("ija_aanbieder", "ija_overleggen")
    # with an aanbieder: in the aanbieder's namespace
    a = ija.Aanbieder(id="wijkorg", naam="Wijkorganisatie")
    m = ija.load_methodiek(
        plugins=[Tafels("wijkorg", ija.Overleg(id="wijkorg:tafel", naam="Tafel", bron=EIGEN),
                        aanbieder=a)],
        entrypoints=False,
    )
    assert m.overleg("wijkorg:tafel").naam == "Tafel"
    # the same table from two plugins, equal: one
    m = ija.load_methodiek(plugins=[Tafels("een", tafel), Tafels("twee", tafel)],
                           entrypoints=False)
    assert m.bijgedragen_door("overleg", "buurt:buurttafel") == ("een", "twee")


@pytest.mark.parametrize(
    ("bijdrage", "reden"),
    [
        (ija.Overleg(id="buurttafel", naam="Buurttafel", bron=EIGEN), "naamruimte"),
        (ija.Overleg(id="jeugdhotspotoverleg", naam="Eigen versie", bron=EIGEN), "naamruimte"),
        (ija.Overleg(id="buurt:tafel", naam="Tafel",
                     bron=ija.Bron(soort="handboek", toelichting="Staat in het handboek.")),
         "bron 'handboek'"),
        (ija.Opschaling(id="buurt:tafel", naam="Tafel", soort="overleg", bron=EIGEN),
         "verwacht een Overleg"),
        ("buurt:tafel", "verwacht een Overleg"),
    ],
)
def test_a_bad_plugin_is_refused_naming_the_plugin(bijdrage: Any, reden: str) -> None:
    plugin = Tafels("slechte-buurt", bijdrage)
    with pytest.raises(ija.PluginFout) as info:
        ija.load_methodiek(plugins=[plugin], entrypoints=False)
    assert info.value.plugin == "slechte-buurt"
    assert "slechte-buurt" in str(info.value)
    assert reden in str(info.value)
    # not strict: the plugin is left out whole, listed as failed with its reason
    m = ija.load_methodiek(plugins=[plugin], entrypoints=False, strict=False)
    assert m.plugin("slechte-buurt").status == "failed"
    assert reden in (m.plugin("slechte-buurt").error or "")
    assert [o.id for o in m.overleggen] == ["jeugdhotspotoverleg", "overlastoverleg"]


def test_a_plugin_may_not_use_the_namespace_of_another_aanbieder() -> None:
    eigenaar = Tafels("exodus-plugin", aanbieder=ija.Aanbieder(id="exodus", naam="Exodus"))
    indringer = Tafels("indringer", ija.Overleg(id="exodus:tafel", naam="Tafel", bron=EIGEN))
    with pytest.raises(ija.PluginFout, match="indringer") as info:
        ija.load_methodiek(plugins=[eigenaar, indringer], entrypoints=False)
    assert "naamruimte" in str(info.value)


def test_two_plugins_with_different_tables_under_one_id_conflict() -> None:
    een = Tafels("een", ija.Overleg(id="buurt:tafel", naam="Tafel", bron=EIGEN))
    twee = Tafels("twee", ija.Overleg(id="buurt:tafel", naam="Andere tafel", bron=EIGEN))
    for strict in (True, False):
        with pytest.raises(ija.PluginFout) as info:
            ija.load_methodiek(plugins=[een, twee], entrypoints=False, strict=strict)
        assert set(info.value.plugins) == {"een", "twee"}
        assert info.value.id == "buurt:tafel"


def test_a_hook_that_raises_is_reported_by_plugin_name() -> None:
    class Stuk:
        IJA_PLUGIN_NAAM = "stukke-tafel"

        @ija.hookimpl
        def ija_overleggen(self) -> list[ija.Overleg]:
            raise RuntimeError("database weg")

    with pytest.raises(ija.PluginFout, match=r"stukke-tafel.*ija_overleggen.*database weg"):
        ija.load_methodiek(plugins=[Stuk()], entrypoints=False)
