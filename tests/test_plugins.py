"""The plugin system: discovery, isolation, validation, merging and the hook API."""

from __future__ import annotations

import inspect
import re
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs
import pytest

import ija_core as ija
from ija_core import hookspecs
from ija_core.testing import check_plugin, plugin_manager, registered


@attrs.frozen
class Telling:
    """A tiny typed result for test instruments."""

    aantal: int

    @classmethod
    def voorbeeld(cls) -> Telling:
        return cls(aantal=3)


def instrument(id: str = "test:kaart", **kw: object) -> ija.Instrument:
    velden: dict[str, object] = {
        "id": id,
        "naam": "Gesprekskaart",
        "soort": "werkvorm",
        "samenvatting": "Een kaart om het gesprek te openen.",
        "beschrijving": "De jongere kiest een kaart en vertelt erover.",
        "fasen": ("vertrouwen",),
        "leefgebieden": ("sociaal-netwerk",),
        "aanbieder": "test",
    }
    velden.update(kw)
    return ija.Instrument(**velden)  # type: ignore[arg-type]  # test factory with overrides


def norm(id: str = "test:bel-binnen-2-dagen", **kw: object) -> ija.Norm:
    velden: dict[str, object] = {
        "id": id,
        "naam": "Bellen binnen 2 dagen",
        "uitleg": "Binnen twee dagen na aanmelding is er gebeld.",
        "anker": "aanmelding",
        "dagen": 2,
        "voldaan_door": (ija.Voorwaarde(soort="contactpoging"),),
        "aanbieder": "test",
        "bron": "aanbieder",
    }
    velden.update(kw)
    return ija.Norm(**velden)  # type: ignore[arg-type]  # test factory with overrides


class Plugin:
    """A plugin object with the usual three contributions."""

    IJA_PLUGIN_NAAM = "testplugin"

    def __init__(
        self,
        naam: str = "testplugin",
        instrumenten: Iterable[ija.Instrument] = (),
        aanbieder: str | None = "test",
    ) -> None:
        self.IJA_PLUGIN_NAAM = naam
        self._instrumenten = tuple(instrumenten) or (
            instrument(resultaat=Telling, aanbieder=aanbieder),
        )
        self._aanbieder = aanbieder

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder | None:
        if self._aanbieder is None:
            return None
        return ija.Aanbieder(id=self._aanbieder, naam="Testaanbieder")

    @ija.hookimpl
    def ija_instrumenten(self) -> Iterable[ija.Instrument]:
        return self._instrumenten

    @ija.hookimpl
    def ija_normen(self) -> Iterable[ija.Norm]:
        return (norm(aanbieder=self._aanbieder),)


def test_a_plugin_adds_an_instrument_a_norm_and_an_aanbieder() -> None:
    m = ija.load_methodiek(plugins=[Plugin()], entrypoints=False)
    assert m.instrument("test:kaart").naam == "Gesprekskaart"
    assert m.norm("test:bel-binnen-2-dagen").dagen == 2
    assert m.aanbieder("test").naam == "Testaanbieder"
    assert m.bijgedragen_door("instrument", "test:kaart") == ("testplugin",)
    info = m.plugin("testplugin")
    assert info.status == "loaded"
    assert info.hooks == ("ija_aanbieder", "ija_instrumenten", "ija_normen")
    assert "instrument:test:kaart" in info.contributions
    assert [i.id for i in m.instrumenten_voor(aanbieder="test")] == ["test:kaart"]


def test_the_handbook_plugin_is_always_loaded_as_builtin(m: ija.Methodiek) -> None:
    assert m.plugins[0].name == "handboek"
    assert m.plugins[0].status == "builtin"
    assert m.plugins[0].error is None
    assert m.bijgedragen_door("instrument", "5g-model") == ("handboek",)
    assert {n.id for n in m.normen} >= {
        "intake-binnen-6-weken",
        "plan-binnen-6-weken",
        "fase-streefduur",
        "contact-na-melding-24-uur",
    }


def test_different_values_under_one_id_raise_naming_both_plugins() -> None:
    # two plugins without an aanbieder may share a namespace no aanbieder owns
    a = Plugin("plugin-a", aanbieder=None)
    b = Plugin(
        "plugin-b", aanbieder=None, instrumenten=[instrument(naam="Een andere kaart", aanbieder=None)]
    )
    with pytest.raises(ija.PluginFout) as info:
        ija.load_methodiek(plugins=[a, b], entrypoints=False)
    assert set(info.value.plugins) == {"plugin-a", "plugin-b"}
    assert info.value.id == "test:kaart"
    assert "plugin-a" in str(info.value)
    assert "plugin-b" in str(info.value)
    # a conflict raises in lenient mode too: dropping one side would depend on plugin order
    with pytest.raises(ija.PluginFout):
        ija.load_methodiek(plugins=[b, a], entrypoints=False, strict=False)


def test_an_equal_duplicate_merges_into_one() -> None:
    a, b = Plugin("plugin-a", aanbieder=None), Plugin("plugin-b", aanbieder=None)
    m = ija.load_methodiek(plugins=[a, b], entrypoints=False)
    assert [i.id for i in m.instrumenten].count("test:kaart") == 1
    assert m.bijgedragen_door("instrument", "test:kaart") == ("plugin-a", "plugin-b")


def test_plugin_order_never_changes_the_result() -> None:
    a = Plugin("plugin-a", aanbieder=None, instrumenten=[instrument("test:a", aanbieder=None)])
    b = Plugin("plugin-b", aanbieder=None, instrumenten=[instrument("test:b", aanbieder=None)])
    een = ija.load_methodiek(plugins=[a, b], entrypoints=False)
    twee = ija.load_methodiek(plugins=[b, a], entrypoints=False)
    assert een == twee
    assert [i.id for i in een.instrumenten] == sorted(i.id for i in een.instrumenten)


class Kapot:
    IJA_PLUGIN_NAAM = "kapot"

    @ija.hookimpl
    def ija_instrumenten(self) -> Iterable[ija.Instrument]:
        raise RuntimeError("database niet bereikbaar")


def test_a_plugin_raising_in_a_hook_is_named_and_left_out_whole_in_lenient_mode() -> None:
    with pytest.raises(ija.PluginFout) as info:
        ija.load_methodiek(plugins=[Kapot()], entrypoints=False)
    assert info.value.plugin == "kapot"
    assert "kapot" in str(info.value)
    assert "database niet bereikbaar" in str(info.value)

    m = ija.load_methodiek(plugins=[Kapot(), Plugin()], entrypoints=False, strict=False)
    kapot = m.plugin("kapot")
    assert kapot.status == "failed"
    assert kapot.error is not None
    assert "database niet bereikbaar" in kapot.error
    assert kapot.contributions == ()
    assert m.plugin("testplugin").status == "loaded"


class HalfKapot(Plugin):
    """Contributes an aanbieder fine, then fails: nothing of it may remain."""

    @ija.hookimpl
    def ija_normen(self) -> Iterable[ija.Norm]:
        raise ValueError("kapot")


def test_a_failing_plugin_is_never_half_loaded() -> None:
    m = ija.load_methodiek(plugins=[HalfKapot("half")], entrypoints=False, strict=False)
    assert m.plugin("half").status == "failed"
    assert "test" not in {a.id for a in m.aanbieders}
    assert "test:kaart" not in {i.id for i in m.instrumenten}


class Verschreven:
    IJA_PLUGIN_NAAM = "verschreven"

    @ija.hookimpl
    def ija_instrumenen(self) -> Iterable[ija.Instrument]:
        return ()


def test_a_misspelt_hook_fails_loudly() -> None:
    with pytest.raises(ija.PluginFout, match="ija_instrumenen"):
        ija.load_methodiek(plugins=[Verschreven()], entrypoints=False)


class VerkeerdeArgumenten:
    IJA_PLUGIN_NAAM = "argumenten"

    @ija.hookimpl
    def ija_normen(self, traject: object) -> Iterable[ija.Norm]:
        return ()


def test_a_hook_asking_for_arguments_the_spec_lacks_fails() -> None:
    with pytest.raises(ija.PluginFout, match="argumenten"):
        ija.load_methodiek(plugins=[VerkeerdeArgumenten()], entrypoints=False)


class VerkeerdType:
    IJA_PLUGIN_NAAM = "verkeerd-type"

    @ija.hookimpl
    def ija_instrumenten(self) -> Iterable[object]:
        return [{"id": "x:y"}]


def test_a_contribution_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(ija.PluginFout, match="verwacht een Instrument"):
        ija.load_methodiek(plugins=[VerkeerdType()], entrypoints=False)


class MethodeZonderNaamruimte(Plugin):
    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder:
        return ija.Aanbieder(
            id="test", naam="Test", methoden=[ija.Methode(id="aanpak", naam="Aanpak")]
        )


@pytest.mark.parametrize(
    ("plugin", "fragment"),
    [
        (Plugin(instrumenten=[instrument(fasen=("nazorg",))]), "onbekende fase 'nazorg'"),
        (Plugin(instrumenten=[instrument(leefgebieden=("geld",))]), "onbekend leefgebied 'geld'"),
        (Plugin(instrumenten=[instrument(id="kaart")]), "geen naamruimte"),
        (Plugin(instrumenten=[instrument(id="ander:kaart")]), "niet in de naamruimte"),
        (Plugin(instrumenten=[instrument(aanbieder="onbekend")]), "spreekt namens aanbieder 'test'"),
        (MethodeZonderNaamruimte(), "methode 'aanpak' van aanbieder test"),
        # a plugin with an aanbieder credits that aanbieder in everything it gives
        # a plugin without an aanbieder credits none (not even a real one)
        (
            Plugin(aanbieder=None, instrumenten=[instrument(aanbieder="test")]),
            "levert geen aanbieder",
        ),
        (
            Plugin(aanbieder=None, instrumenten=[instrument(id="kaart", aanbieder=None)]),
            "geen naamruimte",
        ),
    ],
)
def test_invalid_contributions_are_refused_with_the_reason(plugin: Plugin, fragment: str) -> None:
    with pytest.raises(ija.PluginFout, match=fragment):
        ija.load_methodiek(plugins=[plugin], entrypoints=False)
    m = ija.load_methodiek(plugins=[plugin], entrypoints=False, strict=False)
    assert m.plugin("testplugin").status == "failed"
    assert fragment in (m.plugin("testplugin").error or "")


def test_disabled_plugins_are_listed_but_not_loaded() -> None:
    m = ija.load_methodiek(plugins=[Plugin()], entrypoints=False, disabled=["testplugin"])
    assert m.plugin("testplugin").status == "disabled"
    assert "test:kaart" not in {i.id for i in m.instrumenten}


def test_hook_api_range_outside_this_version_gives_a_warning() -> None:
    class Oud(Plugin):
        IJA_HOOK_API = ">=2.0"

    m = ija.load_methodiek(plugins=[Oud("oud")], entrypoints=False)
    warning = m.plugin("oud").warning
    assert warning is not None
    assert ija.HOOK_API_VERSIE in warning
    m = ija.load_methodiek(plugins=[Plugin()], entrypoints=False)
    assert m.plugin("testplugin").warning is None


def test_unknown_ids_raise_ongeldige_invoer_listing_the_known_ids(m: ija.Methodiek) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="vertrouwen") as info:
        m.fase("x")
    assert "verdieping" in str(info.value)
    with pytest.raises(ija.OngeldigeInvoer, match="5g-model"):
        m.instrument("x")
    with pytest.raises(ija.OngeldigeInvoer):
        m.instrumenten_voor(fase="zomer")


def test_registered_adds_a_plugin_for_one_block_only() -> None:
    with registered(Plugin()):
        assert "test:kaart" in {i.id for i in ija.load_methodiek(entrypoints=False).instrumenten}
    assert "test:kaart" not in {i.id for i in ija.load_methodiek(entrypoints=False).instrumenten}


def test_check_plugin_round_trips_result_types() -> None:
    m = check_plugin(Plugin())
    assert m.instrument("test:kaart").resultaat is Telling

    @attrs.frozen
    class ZonderVoorbeeld:
        aantal: int

    with pytest.raises(ija.PluginFout, match="voorbeeld"):
        check_plugin(Plugin(instrumenten=[instrument(resultaat=ZonderVoorbeeld)]))


def test_plugin_manager_is_fresh() -> None:
    pm = plugin_manager()
    assert pm.get_plugins() == set()
    assert sorted(n for n in dir(pm.hook) if n.startswith("ija_")) == list(hookspecs.HOOKS)


# --- entry points: a tiny distribution "installed" on sys.path --------------------------------


def _installeer(tmp_path: Path, naam: str, code: str) -> None:
    (tmp_path / f"{naam}.py").write_text(textwrap.dedent(code), encoding="utf-8")
    info = tmp_path / f"{naam}-0.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {naam}\nVersion: 0.3\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[ija_core]\n{naam.removeprefix('ija_')} = {naam}\n", encoding="utf-8"
    )


@pytest.fixture
def entrypoint_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    _installeer(
        tmp_path,
        "ija_proef",
        """
        import ija_core as ija

        @ija.hookimpl
        def ija_aanbieder():
            return ija.Aanbieder(id="proef", naam="Proef")
        """,
    )
    _installeer(tmp_path, "ija_stuk", "raise ImportError('module ontbreekt')\n")
    _installeer(tmp_path, "ija_leeg", "NIETS = None\n")
    (tmp_path / "ija_leeg-0.3.dist-info" / "entry_points.txt").write_text(
        "[ija_core]\nleeg = ija_leeg:NIETS\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("IJA_LOAD_PLUGINS", raising=False)
    monkeypatch.delenv("IJA_DISABLED_PLUGINS", raising=False)
    yield tmp_path
    for module in ("ija_proef", "ija_stuk", "ija_leeg"):
        sys.modules.pop(module, None)


def test_an_installed_entry_point_plugin_is_discovered(entrypoint_plugin: Path) -> None:
    m = ija.load_methodiek(strict=False)
    proef = m.plugin("proef")
    assert proef.status == "loaded"
    assert proef.distribution == "ija_proef"
    assert proef.version == "0.3"
    assert m.aanbieder("proef").naam == "Proef"
    stuk = m.plugin("stuk")
    assert stuk.status == "failed"
    assert "module ontbreekt" in (stuk.error or "")
    leeg = m.plugin("leeg")
    assert leeg.status == "failed"
    assert "wijst naar een NoneType, geen plugin" in (leeg.error or "")
    with pytest.raises(ija.PluginFout, match="leeg"):
        ija.load_methodiek()  # entry points load in name order: leeg, proef, stuk
    with pytest.raises(ija.PluginFout, match="stuk"):
        ija.load_methodiek(disabled=["leeg"])


def test_environment_switches_select_entry_point_plugins(
    entrypoint_plugin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IJA_DISABLED_PLUGINS", "stuk,leeg")
    m = ija.load_methodiek()
    assert m.plugin("stuk").status == "disabled"
    assert m.plugin("proef").status == "loaded"

    monkeypatch.delenv("IJA_DISABLED_PLUGINS")
    monkeypatch.setenv("IJA_LOAD_PLUGINS", "")
    m = ija.load_methodiek()
    assert {p.status for p in m.plugins if p.name != "handboek"} == {"disabled"}
    assert "proef" not in {a.id for a in m.aanbieders}


# --- meta: every hook is documented and exercised ----------------------------------------------


@pytest.mark.parametrize("hook", hookspecs.HOOKS)
def test_every_hookspec_is_documented(hook: str) -> None:
    spec = getattr(hookspecs, hook)
    doc = inspect.getdoc(spec) or ""
    assert "Fires" in doc
    assert ".. versionadded::" in doc
    assert inspect.signature(spec).return_annotation != inspect.Signature.empty


def _plugin_met_hook(hook: str) -> object:
    class EenHook:
        IJA_PLUGIN_NAAM = f"alleen-{hook.removeprefix('ija_').replace('_', '-')}"

    waarden: dict[str, object] = {
        "ija_aanbieder": ija.Aanbieder(id="test", naam="Test"),
        "ija_instrumenten": [instrument(aanbieder=None)],
        "ija_normen": [norm(aanbieder=None)],
        "ija_overgangsregels": [
            ija.Overgangsregel(
                id="test:altijd-goed",
                naam="Altijd goed",
                uitleg="Laat alles door.",
                toets=lambda _traject, _naar: None,
            )
        ],
        "ija_docs_paginas": [ija.DocsPagina(pad="uitleg.md", titel="Uitleg", inhoud="Tekst.")],
        "ija_relaties": [
            ija.Relatie(
                id="test:buurvrouw",
                naam="Buurvrouw",
                rol="netwerk",
                bron=ija.Bron(soort="aanbieder", toelichting="Bijgedragen door de testplugin."),
            )
        ],
        "ija_opschalingen": [
            ija.Opschaling(
                id="test:zorgtafel",
                naam="Zorgtafel",
                soort="andere-begeleiding",
                bron=ija.Bron(soort="aanbieder", toelichting="Bijgedragen door de testplugin."),
            )
        ],
        "ija_overleggen": [
            ija.Overleg(
                id="test:buurttafel",
                naam="Buurttafel",
                bron=ija.Bron(soort="aanbieder", toelichting="Bijgedragen door de testplugin."),
            )
        ],
    }

    def impl() -> object:
        return waarden[hook]

    setattr(EenHook, hook, staticmethod(ija.hookimpl(impl, specname=hook)))
    return EenHook()


@pytest.mark.parametrize("hook", hookspecs.HOOKS)
def test_every_hook_contributes_to_the_methodiek(hook: str) -> None:
    plugin = _plugin_met_hook(hook)
    m = ija.load_methodiek(plugins=[plugin], entrypoints=False)
    naam = plugin.IJA_PLUGIN_NAAM  # type: ignore[attr-defined]  # set on the class above
    assert m.plugin(naam).hooks == (hook,)
    gevonden = {
        "ija_aanbieder": lambda: m.aanbieder("test"),
        "ija_instrumenten": lambda: m.instrument("test:kaart"),
        "ija_normen": lambda: m.norm("test:bel-binnen-2-dagen"),
        "ija_overgangsregels": lambda: next(
            r for r in m.overgangsregels if r.id == "test:altijd-goed"
        ),
        "ija_docs_paginas": lambda: next(p for n, p in m.docs_paginas if n == naam),
        "ija_relaties": lambda: m.relatie("test:buurvrouw"),
        "ija_opschalingen": lambda: m.opschaling("test:zorgtafel"),
        "ija_overleggen": lambda: m.overleg("test:buurttafel"),
    }[hook]()
    assert gevonden is not None


def test_a_plugin_passed_and_installed_is_loaded_once(entrypoint_plugin: Path) -> None:
    import ija_proef  # type: ignore[import-not-found]  # made by the fixture

    m = ija.load_methodiek(plugins=[ija_proef], disabled=["stuk", "leeg"])
    namen = [p.name for p in m.plugins]
    assert namen.count("proef") == 1
    assert "ija_proef" not in namen
    assert m.plugin("proef").status == "loaded"
    assert m.plugin("proef").version == "0.3"


# --- namespaces: a plugin may only use its own namespace and credit its own aanbieder -----------

BUNDELD = ("ija_enver", "ija_exodus", "ija_futuro", "ija_joz", "ija_mee", "ija_wmo_radar")


def test_the_six_bundled_plugins_load_together() -> None:
    import importlib

    modules = [importlib.import_module(naam) for naam in BUNDELD]
    m = ija.load_methodiek(plugins=modules, entrypoints=False)
    assert {p.name: p.status for p in m.plugins if p.name != "handboek"} == {
        "enver": "loaded",
        "exodus": "loaded",
        "futuro": "loaded",
        "joz": "loaded",
        "mee": "loaded",
        "wmo-radar": "loaded",
    }
    # every namespaced contribution sits in its plugin's namespace and credits its aanbieder
    for soort, items in (("instrument", m.instrumenten), ("norm", m.normen)):
        for item in items:
            if ":" in item.id:
                assert item.aanbieder == item.id.split(":")[0]
                (plugin,) = m.bijgedragen_door(soort, item.id)
                assert m.aanbieder(item.aanbieder) in m.aanbieders
                assert plugin != "handboek"


def _bijdrage(soort: str, id: str, aanbieder: str | None) -> object:
    if soort == "instrument":
        return instrument(id, aanbieder=aanbieder)
    if soort == "norm":
        return norm(id, aanbieder=aanbieder)
    return ija.Overgangsregel(
        id=id,
        naam="Altijd nee",
        uitleg="Weigert elke overgang.",
        toets=lambda _traject, _naar: "nee",
        aanbieder=aanbieder,
    )


class Dief:
    """A plugin that contributes one item of one kind, with or without an aanbieder of its own."""

    def __init__(self, soort: str, item: object, aanbieder: object = None) -> None:
        self.IJA_PLUGIN_NAAM = "dief"
        self._soort = soort
        self._item = item
        self._aanbieder = aanbieder

    @ija.hookimpl
    def ija_aanbieder(self) -> object:
        return self._aanbieder

    @ija.hookimpl
    def ija_instrumenten(self) -> Iterable[object]:
        return [self._item] if self._soort == "instrument" else []

    @ija.hookimpl
    def ija_normen(self) -> Iterable[object]:
        return [self._item] if self._soort == "norm" else []

    @ija.hookimpl
    def ija_overgangsregels(self) -> Iterable[object]:
        return [self._item] if self._soort == "overgangsregel" else []


SOORTEN = ("instrument", "norm", "overgangsregel")
NEP = ija.Aanbieder(id="nep", naam="Nep")


@pytest.mark.parametrize("soort", SOORTEN)
@pytest.mark.parametrize(
    ("id", "aanbieder", "eigen", "fragment"),
    [
        # no aanbieder of its own: may not credit Exodus, nor use Exodus's namespace
        ("exodus:nep", "exodus", None, "hoort bij de aanbieder van plugin exodus"),
        ("exodus:nep", None, None, "hoort bij de aanbieder van plugin exodus"),
        ("gemeente:nep", "exodus", None, "levert geen aanbieder"),
        # an aanbieder of its own: may not step into Exodus's namespace or credit Exodus
        ("exodus:nep", "exodus", NEP, "niet in de naamruimte van de plugin (nep)"),
        ("nep:iets", "exodus", NEP, "spreekt namens aanbieder 'nep'"),
        # un-namespaced ids belong to the handbook
        ("iets", None, None, "geen naamruimte"),
        ("iets", "nep", NEP, "geen naamruimte"),
    ],
)
def test_a_plugin_cannot_speak_for_another_aanbieder(
    soort: str, id: str, aanbieder: str | None, eigen: ija.Aanbieder | None, fragment: str
) -> None:
    import ija_exodus  # type: ignore[import-untyped]  # a bundled plugin

    dief = Dief(soort, _bijdrage(soort, id, aanbieder), eigen)
    with pytest.raises(ija.PluginFout, match=re.escape(fragment)) as info:
        ija.load_methodiek(plugins=[ija_exodus, dief], entrypoints=False)
    assert info.value.plugin == "dief"
    m = ija.load_methodiek(plugins=[dief, ija_exodus], entrypoints=False, strict=False)
    assert m.plugin("dief").status == "failed"
    assert fragment in (m.plugin("dief").error or "")
    assert m.plugin("exodus").status == "loaded"
    assert m.instrument("exodus:krachteninventarisatie").aanbieder == "exodus"


@pytest.mark.parametrize("soort", SOORTEN)
def test_a_plugin_without_aanbieder_may_use_a_namespace_nobody_owns(soort: str) -> None:
    import ija_exodus

    m = ija.load_methodiek(
        plugins=[ija_exodus, Dief(soort, _bijdrage(soort, "gemeente:iets", None))],
        entrypoints=False,
    )
    assert m.plugin("dief").status == "loaded"
    assert m.bijgedragen_door(soort, "gemeente:iets") == ("dief",)


def test_an_aanbieder_from_two_plugins_merges_when_equal_and_conflicts_otherwise() -> None:
    """design.md: equal objects under one id merge, different ones always raise."""
    import ija_exodus

    kopie = Dief("instrument", _bijdrage("instrument", "exodus:nep", "exodus"), ija_exodus.AANBIEDER)
    m = ija.load_methodiek(plugins=[kopie, ija_exodus], entrypoints=False)
    assert [a.id for a in m.aanbieders].count("exodus") == 1
    assert m.instrument("exodus:nep").aanbieder == "exodus"

    anders = attrs.evolve(ija_exodus.AANBIEDER, naam="Niet Exodus")
    dief = Dief("instrument", _bijdrage("instrument", "exodus:nep", "exodus"), anders)
    for strict in (True, False):
        with pytest.raises(ija.PluginFout, match="allebei aanbieder 'exodus'") as info:
            ija.load_methodiek(plugins=[dief, ija_exodus], entrypoints=False, strict=strict)
        assert set(info.value.plugins) == {"dief", "exodus"}
        assert info.value.id == "exodus"


def test_a_plugin_norm_is_the_aanbieders_never_the_handbooks() -> None:
    """Whatever bron a plugin's norm gives (or none), it ends up soort 'aanbieder' naming the plugin."""
    for eigen, aanbieder in ((NEP, "nep"), (None, None)):
        for bron in ("handboek", "lokaal", ija.Bron(soort="keuze", toelichting="Onze keus.")):
            dief = Dief("norm", norm("nep:x", aanbieder=aanbieder, bron=bron), eigen)
            gekregen = ija.load_methodiek(plugins=[dief], entrypoints=False).norm("nep:x").bron
            assert gekregen.soort == "aanbieder"
            assert "plugin dief" in gekregen.toelichting
        zonder = {k: v for k, v in attrs.asdict(norm("nep:x"), recurse=False).items() if k != "bron"}
        dief = Dief("norm", ija.Norm(**{**zonder, "aanbieder": aanbieder}), eigen)
        gekregen = ija.load_methodiek(plugins=[dief], entrypoints=False).norm("nep:x").bron
        assert gekregen == ija.Bron(
            soort="aanbieder",
            toelichting="Een norm van plugin dief" + (" (aanbieder nep)." if aanbieder else "."),
        )


def test_a_plugin_norm_with_a_plain_string_bron_keeps_its_toelichting_hook_api_1() -> None:
    """Hook API 1.x: ``Norm(bron="aanbieder", toelichting=...)`` becomes a Bron with that toelichting."""
    n = norm("nep:x", bron="aanbieder", toelichting="Afspraak van Nep.")
    assert n.bron == ija.Bron(soort="aanbieder", toelichting="Afspraak van Nep.")
    assert norm("nep:x", bron="lokaal").bron.soort == "keuze"
    dief = Dief("norm", norm("nep:x", aanbieder="nep", bron="aanbieder", toelichting="Afspraak van Nep."), NEP)
    assert ija.load_methodiek(plugins=[dief], entrypoints=False).norm("nep:x").bron == n.bron
    with pytest.raises(ValueError, match="bron"):
        norm("nep:x", bron="landelijk")


def test_a_contribution_of_an_aanbieder_plugin_may_leave_aanbieder_empty() -> None:
    dief = Dief("instrument", _bijdrage("instrument", "nep:x", None), NEP)
    assert ija.load_methodiek(plugins=[dief], entrypoints=False).instrument("nep:x").aanbieder is None


def test_an_aanbieder_id_is_not_itself_namespaced() -> None:
    dief = Dief("instrument", None, ija.Aanbieder(id="nep:nep", naam="Nep"))
    dief._soort = "geen"
    with pytest.raises(ija.PluginFout, match="mag geen dubbele punt"):
        ija.load_methodiek(plugins=[dief], entrypoints=False)
