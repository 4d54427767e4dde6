"""One rule type: ``Regel`` with ``Bron``, in ``m.regels``, checked by the engine from the Methodiek."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import attrs
import pytest

import ija_core as ija
from ija_core import _per_methodiek
from ija_core.traject._compiled_rules import compiled_rules

from .hulp import aangemeld, ev, tot_afronding, tot_uitvoering, tot_verdieping
from .test_regels import ONTWERP_IDS

PAUZEREGELS = ["opschorten-niet-dubbel", "hervatten-na-opschorting"]
NETWERKREGELS = ["betrekken-met-toestemming", "delen-met-toestemming", "jim-uit-eigen-netwerk"]


def _bron() -> ija.Bron:
    return ija.Bron(soort="aanbieder", toelichting="Een regel van de testplugin.")


class _Plugin:
    """A plugin with rules of both kinds: a new ``Regel`` and a hook API 1.0 guard."""

    IJA_PLUGIN_NAAM = "proef"

    def __init__(self, *regels: Any) -> None:
        self.regels = regels

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder:
        return ija.Aanbieder(id="proef", naam="Proef")

    @ija.hookimpl
    def ija_overgangsregels(self) -> list[Any]:
        return list(self.regels)


def _weiger(_t: ija.Toestand, _e: ija.Voorstel) -> str:
    return "de proef weigert altijd"


def _regel(**velden: Any) -> ija.Regel:
    standaard: dict[str, Any] = {
        "id": "proef:altijd-nee",
        "naam": "Altijd nee",
        "uitleg": "Weigert elke stap vooruit.",
        "bron": _bron(),
        "toets": _weiger,
        "gebeurtenissen": ("fase-gewijzigd",),
    }
    return ija.Regel(**{**standaard, **velden})


def _oud(toets: Any, **velden: Any) -> ija.Overgangsregel:
    return ija.Overgangsregel(
        id=velden.pop("id", "proef:oud"),
        naam="Oude regel",
        uitleg="Een regel volgens hook-API 1.0.",
        toets=toets,
        **velden,
    )


def _weigering(m: ija.Methodiek, events: list[dict[str, Any]]) -> ija.RegelOvertreding:
    with pytest.raises(ija.RegelOvertreding) as info:
        ija.Traject.replay(events, methodiek=m)
    return info.value


# --- Bron ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("soort", "toelichting", "fout"),
    [("handbook", "Staat erin.", "soort"), ("keuze", "  ", "toelichting"), ("keuze", 5, "toelichting")],
)
def test_bron_is_validated(soort: Any, toelichting: Any, fout: str) -> None:
    with pytest.raises(ValueError, match=fout):
        ija.Bron(soort=soort, toelichting=toelichting)


# --- m.regels --------------------------------------------------------------------------------


def test_m_regels_is_the_design_table_then_the_pause_rules_then_plugin_guards_by_id() -> None:
    plugin = _Plugin(
        _regel(id="proef:z-laatste"), _oud(lambda _t, _n: None, id="proef:m-midden"), _regel(id="proef:a-eerste")
    )
    m = ija.load_methodiek(plugins=[plugin], entrypoints=False)
    assert [r.id for r in m.regels] == [
        *ONTWERP_IDS,
        *PAUZEREGELS,
        *NETWERKREGELS,
        "proef:a-eerste",
        "proef:m-midden",
        "proef:z-laatste",
    ]
    assert [r.id for r in m.overgangsregels] == ["proef:a-eerste", "proef:m-midden", "proef:z-laatste"]
    assert all(isinstance(r, ija.Regel) for r in m.regels)
    assert m.regel("chronologie").id == "chronologie"
    with pytest.raises(ija.OngeldigeInvoer, match="fase-volgorde"):
        m.regel("bestaat-niet")


def test_every_rule_has_a_bron_and_the_anchors_hold(m: ija.Methodiek) -> None:
    for regel in m.regels:
        assert regel.bron.soort in ("handboek", "afgeleid", "keuze", "extern")
        assert regel.bron.toelichting.strip()
    assert m.regel("doelgroep-leeftijd").bron.soort == "handboek"
    assert m.regel("chronologie").bron.soort != "handboek"
    assert m.regel("fase-volgorde").bron.soort != "handboek"
    assert m.overgangsregels == ()


def test_a_plugins_guards_are_aanbieder_and_name_the_plugin() -> None:
    m = ija.load_methodiek(plugins=[_Plugin(_regel(), _oud(lambda _t, _n: None))], entrypoints=False)
    for regel in m.overgangsregels:
        assert regel.bron.soort == "aanbieder"
    assert "proef" in m.regel("proef:oud").bron.toelichting
    assert m.plugin("proef").contributions == (
        "aanbieder:proef",
        "regel:proef:altijd-nee",
        "regel:proef:oud",
    )


def test_a_plugin_rule_claiming_the_handbook_is_refused() -> None:
    regel = _regel(bron=ija.Bron(soort="handboek", toelichting="Zegt het handboek."))
    with pytest.raises(ija.PluginFout, match="bron") as info:
        ija.load_methodiek(plugins=[_Plugin(regel)], entrypoints=False)
    assert info.value.plugin == "proef"


def test_the_engine_checks_the_rules_the_methodiek_holds(m: ija.Methodiek) -> None:
    """Not a module constant: a Methodiek without chronologie accepts events out of order."""
    events = [aangemeld(), ev("kennismaking", 2), ev("intake", 1)]
    assert _weigering(m, events).regel == "chronologie"
    zonder = attrs.evolve(m, regels=tuple(r for r in m.regels if r.id != "chronologie"))
    assert len(ija.Traject.replay(events, methodiek=zonder).events) == 3


# --- plugin rules in the engine --------------------------------------------------------------


def test_a_new_style_rule_refuses_after_the_built_in_rules_and_names_the_plugin() -> None:
    def dagbesteding(t: ija.Toestand, e: ija.Voorstel) -> ija.Afwijzing | None:
        if any(d.leefgebied == "vrije-tijd" for d in t.traject.plan.doelen):
            return None
        return ija.Afwijzing(uitleg="nog geen doel voor dagbesteding", ontbreekt=("doel vrije tijd",))

    regel = _regel(id="proef:dagbesteding", toets=dagbesteding, naar=("afronding",), aanbieder="proef")
    m = ija.load_methodiek(plugins=[_Plugin(regel)], entrypoints=False)
    events = [dict(e) for e in tot_afronding()]
    events[0]["aanbieder"] = "proef"
    fout = _weigering(m, events)
    assert (fout.regel, fout.plugin, fout.ontbreekt) == ("proef:dagbesteding", "proef", ("doel vrije tijd",))
    t = ija.Traject.replay(events[:-1], methodiek=m)
    assert [(w.regel, w.plugin) for w in t.kan_naar("afronding").redenen] == [("proef:dagbesteding", "proef")]
    # one refusal type: what the check returned, with its rule and plugin filled in
    assert t.kan_naar("afronding").redenen == (
        ija.Afwijzing(
            uitleg="nog geen doel voor dagbesteding",
            ontbreekt=("doel vrije tijd",),
            regel="proef:dagbesteding",
            plugin="proef",
        ),
    )
    # naar: entering verdieping and uitvoering are not its business; aanbieder: others neither
    assert ija.Traject.replay(events[:-1], methodiek=m).fase == "uitvoering"
    assert ija.Traject.replay(tot_afronding(), methodiek=m).fase == "afronding"


def test_van_and_status_filter_where_a_rule_is_asked() -> None:
    regel = _regel(gebeurtenissen=("contact",), van=("verdieping",))
    m = ija.load_methodiek(plugins=[_Plugin(regel)], entrypoints=False)
    contact = ev("contact", 10, met="jongere", vorm="gesprek")
    ija.Traject.replay([aangemeld(), ev("contact", 1, met="jongere", vorm="app")], methodiek=m)
    assert _weigering(m, [*tot_verdieping(), contact]).regel == "proef:altijd-nee"
    na = [*tot_uitvoering(), contact]
    assert ija.Traject.replay(na, methodiek=m).fase == "uitvoering"
    gesloten = _regel(gebeurtenissen=("heropend",), status=("actief",))
    m2 = ija.load_methodiek(plugins=[_Plugin(gesloten)], entrypoints=False)
    dicht = [aangemeld(), ev("afgesloten", 1, reden="verhuisd"), ev("heropend", 2, naar="verdieping", reden="terug")]
    assert ija.Traject.replay(dicht, methodiek=m2).status == "actief"


def test_kan_naar_leaves_out_the_rules_that_judge_the_moment(m: ija.Methodiek) -> None:
    assert m.regel("chronologie").vraagt_moment
    assert [r.id for r in m.regels if r.vraagt_moment] == ["chronologie"]
    regel = _regel(vraagt_moment=True)
    mp = ija.load_methodiek(plugins=[_Plugin(regel)], entrypoints=False)
    t = ija.Traject.replay(tot_verdieping()[:-1], methodiek=mp)
    assert t.kan_naar("verdieping").toegestaan
    assert _weigering(mp, tot_verdieping()).regel == "proef:altijd-nee"


@pytest.mark.parametrize(
    "uitkomst", [False, 0, "", "   ", {"reden": "x"}, True, ija.Afwijzing(uitleg=" ")]
)
@pytest.mark.parametrize("oud", [True, False])
def test_a_guard_returning_something_else_than_none_or_text_is_the_plugins_fault(
    uitkomst: Any, oud: bool
) -> None:
    regel = _oud(lambda _t, _n: uitkomst) if oud else _regel(toets=lambda _t, _e: uitkomst)
    m = ija.load_methodiek(plugins=[_Plugin(regel)], entrypoints=False)
    with pytest.raises(ija.PluginFout, match="proef") as info:
        ija.Traject.replay(tot_verdieping(), methodiek=m)
    assert info.value.plugin == "proef"
    t = ija.Traject.replay(tot_verdieping()[:-1], methodiek=m)
    with pytest.raises(ija.PluginFout, match="proef"):
        t.kan_naar("verdieping")
    with pytest.raises(ija.PluginFout, match="proef"):
        t.registreer(tot_verdieping()[-1])


@pytest.mark.parametrize("oud", [True, False])
def test_a_guard_that_raises_is_the_plugins_fault(oud: bool) -> None:
    def kapot(*_args: Any) -> None:
        raise KeyError("doelen")

    regel = _oud(kapot) if oud else _regel(toets=kapot)
    m = ija.load_methodiek(plugins=[_Plugin(regel)], entrypoints=False)
    with pytest.raises(ija.PluginFout, match="KeyError") as info:
        ija.Traject.replay(tot_verdieping(), methodiek=m)
    assert (info.value.plugin, info.value.id) == ("proef", regel.id)


def test_a_hook_api_1_0_guard_still_works_as_before() -> None:
    gezien: list[tuple[str, str]] = []

    def toets(traject: ija.Traject, naar: str) -> str | None:
        gezien.append((traject.fase, naar))
        return None if traject.plan.doelen else "eerst een doel"

    m = ija.load_methodiek(plugins=[_Plugin(_oud(toets, naar=("uitvoering",)))], entrypoints=False)
    regel = m.regel("proef:oud")
    assert (regel.gebeurtenissen, regel.naar) == (("fase-gewijzigd",), ("uitvoering",))
    ija.Traject.replay(tot_uitvoering(), methodiek=m)
    assert gezien == [("verdieping", "uitvoering")]  # forward into its fase only
    overal = ija.load_methodiek(plugins=[_Plugin(_oud(toets))], entrypoints=False)
    assert overal.regel("proef:oud").naar == ("verdieping", "uitvoering", "afronding")


# --- engine state outside the Methodiek --------------------------------------------------------


def test_compiled_rules_are_kept_by_identity_and_dropped_with_the_methodiek() -> None:
    m = ija.load_methodiek(entrypoints=False)
    index_voor = {k: dict(v) for k, v in m._index.items()}
    ija.Traject.replay(tot_uitvoering(), methodiek=m).kan_naar("afronding")
    assert compiled_rules(m) is compiled_rules(m)
    assert {k: dict(v) for k, v in m._index.items()} == index_voor
    sleutel = id(m)
    assert _per_methodiek.state(m).regels is compiled_rules(m)
    ref = weakref.ref(m)
    del m
    gc.collect()
    assert ref() is None
    assert sleutel not in _per_methodiek._STATE


def test_the_methodiek_holds_no_mutable_mapping(m: ija.Methodiek) -> None:
    with pytest.raises(TypeError):
        m.herkomst["instrument:nieuw"] = ("iemand",)  # type: ignore[index]  # read-only on purpose
    with pytest.raises(TypeError):
        m.fasevolgorde["nieuw"] = 9  # type: ignore[index]  # read-only on purpose
    assert m.bijgedragen_door("regel", "chronologie") == ("handboek",)


@pytest.mark.parametrize(
    ("fase", "reden", "fragment"),
    [(["x"], None, "onbekende fase"), (None, None, "onbekende fase"), ("vertrouwen", 5, "reden")],
)
def test_kan_naar_refuses_bad_arguments_as_invalid_input(
    m: ija.Methodiek, fase: Any, reden: Any, fragment: str
) -> None:
    t = ija.Traject.replay(tot_verdieping(), methodiek=m)
    with pytest.raises(ija.OngeldigeInvoer, match=fragment):
        t.kan_naar(fase, reden=reden)
