"""Plugins that lie or break: what would crash later or silently never match is refused early.

Norm lengths, event types and fields in norms, objects that are not plugins, two plugins in
one docs folder, ids with a trailing newline, and hooks that return nonsense. Every refusal
by ``load_methodiek`` is a ``PluginFout`` naming the plugin; with ``strict=False`` the plugin
is left out whole with status ``failed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ija_core as ija
from ija_core import _event_types
from ija_core.docs._markdown import plugin_map as docs_plugin_map
from ija_core.docspagina import plugin_map
from ija_core.normen.model import MAX_DAGEN, MAX_UREN
from ija_core.traject.events import EVENT_TYPEN


def norm(**kw: Any) -> ija.Norm:
    velden: dict[str, Any] = {
        "id": "proef:norm",
        "naam": "Proefnorm",
        "uitleg": "Een norm om te proberen.",
        "anker": "aanmelding",
        "dagen": 2,
        "voldaan_door": (ija.Voorwaarde(soort="intake"),),
    }
    velden.update(kw)
    return ija.Norm(**velden)


# --- norm lengths ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("velden", "fragment"),
    [
        ({"dagen": -1}, "'dagen' moet tussen 0 en 36525"),
        ({"dagen": MAX_DAGEN + 1}, "meer dan 100 jaar"),
        ({"dagen": 10**12}, "meer dan 100 jaar"),
        ({"dagen": True}, "'dagen' moet een geheel getal"),
        ({"dagen": 1.5}, "'dagen' moet een geheel getal"),
        ({"dagen": None, "uren": 0}, "'uren' moet tussen 1 en 876600"),
        ({"dagen": None, "uren": -3}, "'uren' moet tussen 1"),
        ({"dagen": None, "uren": MAX_UREN + 1}, "meer dan 100 jaar"),
        ({"dagen": None, "uren": False}, "'uren' moet een geheel getal"),
        ({"anker": "herhalend", "dagen": 0}, "herhalende norm van 0 dagen"),
    ],
)
def test_absurd_norm_lengths_are_refused(velden: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        norm(**velden)


def test_the_bounds_themselves_are_allowed() -> None:
    assert norm(dagen=0).dagen == 0  # the same day: "contact on the day of the melding"
    assert norm(dagen=MAX_DAGEN).dagen == MAX_DAGEN
    assert norm(dagen=None, uren=1).uren == 1
    assert norm(dagen=None, uren=MAX_UREN).uren == MAX_UREN
    assert norm(anker="herhalend", dagen=1).dagen == 1
    # the longest termijn is still a date far from the end of the calendar
    assert date(2100, 1, 1) + timedelta(days=MAX_DAGEN) < date(9999, 12, 31)
    assert MAX_UREN == MAX_DAGEN * 24


def test_a_local_setting_outside_the_bounds_is_bad_input() -> None:
    n = norm(instelbaar=("dagen",))
    with pytest.raises(ija.OngeldigeInvoer, match="dagen"):
        n.ingesteld(dagen=-1)
    with pytest.raises(ija.OngeldigeInvoer, match="100 jaar"):
        n.ingesteld(dagen=50_000)


# --- event types and fields in norms -------------------------------------------------------------


@pytest.mark.parametrize(
    ("maak", "fragment"),
    [
        (lambda: norm(anker="gebeurtenis", anker_gebeurtenis="meldingen"), "gebeurtenistype"),
        (lambda: ija.Voorwaarde(soort="intakes"), "gebeurtenistype"),
        (lambda: ija.Voorwaarde(soort="contact", velden=(("mat", "jongere"),)), "geen veld 'mat'"),
        (lambda: ija.Voorwaarde(soort="contact", velden=(("op", "x"),)), "geen veld 'op'"),
        (lambda: ija.Voorwaarde(soort="contactpoging", velden=(("gelukt", "ja"),)), "ja/nee"),
        (lambda: ija.Voorwaarde(soort="contactpoging", velden=(("gelukt", 1),)), "ja/nee"),
        (lambda: ija.Voorwaarde(soort="contact", velden=(("met", True),)), "een tekst"),
        (lambda: ija.Voorwaarde(soort="contact", velden=((5, "jongere"),)), "geen veld 5"),
        (
            lambda: ija.Voorwaarde(soort="plan-ondertekend", velden=(("door", "jongere"),)),
            "afgeleid feit",
        ),
        (
            lambda: ija.Voorwaarde(soort="contact", velden=(("met", "jongere"), ("met", "coach"))),
            "twee keer",
        ),
        (lambda: norm(voldaan_door=("intake",)), "Voorwaarde"),
    ],
)
def test_a_norm_that_could_never_match_is_refused(maak: Any, fragment: str) -> None:
    with pytest.raises((ValueError, TypeError), match=fragment):
        maak()


def test_the_handbook_norms_pass_the_checks(m: ija.Methodiek) -> None:
    for n in m.normen:
        assert attrs.evolve(n) == n


def test_what_a_norm_may_match_on_is_read_from_the_event_records() -> None:
    """Each event type is registered once (its record); the norms' view is derived from it."""
    assert _event_types.vergelijkbare_velden("contact") == {
        "met": str,
        "vorm": str,
        "betrokkene": str,
    }
    assert _event_types.vergelijkbare_velden("contactpoging") == {"kanaal": str, "gelukt": bool}
    assert _event_types.vergelijkbare_velden("kennismaking") == {}
    for soort, klasse in EVENT_TYPEN.items():  # a timestamp is never a match field
        velden = _event_types.vergelijkbare_velden(soort)
        assert set(velden) <= {f.name for f in attrs.fields(klasse)} - {"op"}
        assert set(velden.values()) <= {str, bool}
    assert set(_event_types.DERIVED_FACTS) <= set(EVENT_TYPEN)
    ija.Voorwaarde(soort="contactpoging", velden=(("gelukt", True),))
    with pytest.raises(ValueError, match="geen veld 'op'"):
        ija.Voorwaarde(soort="contact", velden=(("op", "2026-01-01"),))
    with pytest.raises(ValueError, match="gebeurtenistype"):
        ija.Voorwaarde(soort="groep-aangemeld")


def test_the_methodiek_lists_every_event_type_in_the_engines_order(m: ija.Methodiek) -> None:
    """``m.gebeurtenistypen``: trajecten, then groepen; each accepted by its fold, no other."""
    typen = m.gebeurtenistypen
    assert (typen[0], typen[-1]) == ("aangemeld", "groep-afgesloten")
    assert len(set(typen)) == len(typen)
    assert {"coach-gewisseld", "groep-aangemeld", "lid-toegevoegd"} <= set(typen)
    assert typen == (*EVENT_TYPEN, *ija.groep.GROEP_EVENT_TYPEN)
    for soort in typen:  # the codec knows every listed type, as a traject's or a group's
        doel = ija.Gebeurtenis if soort in EVENT_TYPEN else ija.GroepGebeurtenis
        with pytest.raises(ija.OngeldigeInvoer) as fout:
            ija.from_json(f'{{"type": "{soort}"}}', doel, methodiek=m)
        assert "onbekend" not in str(fout.value).lower()


class Normplugin:
    IJA_PLUGIN_NAAM = "normplugin"

    def __init__(self, maak: Any) -> None:
        self._maak = maak

    @ija.hookimpl
    def ija_normen(self) -> Iterable[ija.Norm]:
        return [self._maak()]


def _omzeild(**velden: Any) -> ija.Norm:
    """A norm with values put in around its validators (as a careless or hostile plugin can)."""
    n = norm()
    for naam, waarde in velden.items():
        object.__setattr__(n, naam, waarde)
    return n


@pytest.mark.parametrize(
    ("maak", "fragment"),
    [
        (lambda: norm(dagen=-5), "fout in hook ija_normen: ValueError"),
        (lambda: norm(anker="gebeurtenis", anker_gebeurtenis="x"), "gebeurtenistype"),
        (lambda: _omzeild(dagen=-5), "ongeldige norm"),
        (lambda: _omzeild(uren=10**9, dagen=None), "100 jaar"),
        (lambda: _omzeild(anker="gebeurtenis", anker_gebeurtenis="bestaat-niet"), "gebeurtenistype"),
        (lambda: _omzeild(voldaan_door=[ija.Voorwaarde(soort="intake")]), "niet geldig"),
        (lambda: _omzeild(voldaan_door=("intake",)), "Voorwaarde"),
    ],
)
def test_a_plugin_with_a_broken_norm_is_refused_by_name(maak: Any, fragment: str) -> None:
    with pytest.raises(ija.PluginFout, match=fragment) as info:
        ija.load_methodiek(plugins=[Normplugin(maak)], entrypoints=False)
    assert info.value.plugin == "normplugin"
    m = ija.load_methodiek(plugins=[Normplugin(maak)], entrypoints=False, strict=False)
    assert m.plugin("normplugin").status == "failed"
    assert "proef:norm" not in {n.id for n in m.normen}


# --- what is not a plugin -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "naam", "fragment"),
    [
        (None, "None", "geen plugin maar een NoneType"),
        (5, "5", "geen plugin maar een int"),
        ("exodus", "'exodus'", "via zijn entry point"),
        ([], "[]", "geen plugin maar een list"),
        (len, "<built-in function len>", "geen plugin"),
        (object(), None, "geen plugin maar een object"),
    ],
)
def test_something_that_is_not_a_plugin_is_refused_by_name(
    waarde: object, naam: str | None, fragment: str
) -> None:
    with pytest.raises(ija.PluginFout, match=fragment) as info:
        ija.load_methodiek(plugins=[waarde], entrypoints=False)
    if naam is not None:
        assert info.value.plugin == naam
    m = ija.load_methodiek(plugins=[waarde, waarde], entrypoints=False, strict=False)
    (mislukt,) = [p for p in m.plugins if p.status == "failed"]
    assert mislukt.name == info.value.plugin
    assert fragment in (mislukt.error or "")


class ZonderHooks:
    IJA_PLUGIN_NAAM = "zonder-hooks"

    def ija_instrumenten(self) -> list[ija.Instrument]:  # no @hookimpl: never called
        return []


def test_a_plugin_without_any_hook_is_refused() -> None:
    with pytest.raises(ija.PluginFout, match="geen enkele hook") as info:
        ija.load_methodiek(plugins=[ZonderHooks()], entrypoints=False)
    assert info.value.plugin == "zonder-hooks"


# --- docs folders ---------------------------------------------------------------------------------


class Pagina:
    def __init__(self, naam: str) -> None:
        self.IJA_PLUGIN_NAAM = naam

    @ija.hookimpl
    def ija_docs_paginas(self) -> list[ija.DocsPagina]:
        return [ija.DocsPagina(pad="over.md", titel=f"Over {self.IJA_PLUGIN_NAAM}", inhoud="x")]


@pytest.mark.parametrize(("a", "b"), [("mijn-org", "Mijn Org"), ("proef", "proef!"), ("a.b", "a-b")])
def test_two_plugins_with_one_docs_folder_are_refused(a: str, b: str) -> None:
    assert plugin_map(a) == plugin_map(b)
    for strict in (True, False):
        with pytest.raises(ija.PluginFout, match="dezelfde map") as info:
            ija.load_methodiek(plugins=[Pagina(b), Pagina(a)], entrypoints=False, strict=strict)
        assert set(info.value.plugins) == {a, b}


def test_plugins_in_different_folders_keep_their_own_pages() -> None:
    m = ija.load_methodiek(plugins=[Pagina("een"), Pagina("twee")], entrypoints=False)
    assert [n for n, _ in m.docs_paginas] == ["een", "twee"]


@given(st.text(max_size=30))
def test_the_assembly_uses_the_docs_generators_folder_name(naam: str) -> None:
    assert plugin_map(naam) == docs_plugin_map(naam)


# --- ids and names: a trailing newline is not part of a valid id ---------------------------------


@pytest.mark.parametrize("staart", ["\n", "\r\n", " ", "\t"])
@pytest.mark.parametrize("waarde", ["jim", "exodus:jouw-kracht"])
def test_a_slug_or_namespaced_id_with_trailing_whitespace_is_refused(
    waarde: str, staart: str
) -> None:
    ija.Methode(id=waarde, naam="Methode")
    with pytest.raises(ValueError, match="'id' moet een id"):
        ija.Methode(id=waarde + staart, naam="Methode")
    with pytest.raises(ValueError, match="'fasen' moet een id"):
        ija.Instrument(
            id="x",
            naam="X",
            soort="werkvorm",
            samenvatting="x",
            beschrijving="x",
            fasen=("vertrouwen" + staart,),
        )


def test_a_docs_path_with_a_trailing_newline_is_refused() -> None:
    ija.DocsPagina(pad="over/proef.md", titel="Proef", inhoud="x")
    with pytest.raises(ValueError, match="'pad'"):
        ija.DocsPagina(pad="over/proef.md\n", titel="Proef", inhoud="x")


@attrs.frozen
class Tijden:
    datum: date
    tijdstip: datetime
    duur: timedelta


@pytest.mark.parametrize(
    ("veld", "goed"),
    [("datum", "2024-03-01"), ("tijdstip", "2024-03-01T10:00:00+01:00"), ("duur", "P3D")],
)
def test_json_dates_times_and_durations_with_a_trailing_newline_are_refused(
    veld: str, goed: str
) -> None:
    waarden = {"datum": "2024-03-01", "tijdstip": "2024-03-01T10:00:00+01:00", "duur": "PT1H"}
    ija.from_json(ija.to_json(waarden), Tijden)
    for fout in (goed + "\n", goed.replace("3", "\u0663")):  # U+0663: an Arabic-Indic 3
        waarden[veld] = fout
        with pytest.raises(ija.OngeldigeInvoer, match=veld):
            ija.from_json(ija.to_json(waarden), Tijden)


def test_a_scaffold_name_with_a_trailing_newline_is_refused() -> None:
    from ija_core.cli._scaffold import controleer_naam

    assert controleer_naam("mijn-org").pakket == "ija_mijn_org"
    with pytest.raises(ija.OngeldigeInvoer, match="geen geldige pluginnaam"):
        controleer_naam("mijn-org\n")


# --- hooks that return nonsense: fuzzed ------------------------------------------------------------

_INSTRUMENT = ija.Instrument(
    id="fuzz:kaart", naam="Kaart", soort="werkvorm", samenvatting="x", beschrijving="x"
)


class _Boos:
    """An object whose every dunder raises."""

    def __iter__(self) -> Iterator[Any]:
        raise RuntimeError("iter")

    def __bool__(self) -> bool:
        raise RuntimeError("bool")

    def __repr__(self) -> str:  # hypothesis prints it when an example fails
        return "_Boos()"

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    __hash__ = None  # type: ignore[assignment]  # deliberately unhashable


class _OnleesbaarIter(_Boos):
    """Iterating fails, and so does its repr."""

    def __repr__(self) -> str:
        raise RuntimeError("repr")


def _halverwege_kapot() -> Iterator[Any]:
    yield _INSTRUMENT
    raise ValueError("halverwege")


def _eindeloos() -> Iterator[Any]:
    while True:
        yield _INSTRUMENT


def _subklasse() -> Any:
    @attrs.frozen(kw_only=True)
    class Nep(ija.Instrument):
        pass

    return Nep(id="fuzz:nep", naam="Nep", soort="werkvorm", samenvatting="x", beschrijving="x")


def _omzeild_instrument(**velden: Any) -> ija.Instrument:
    i = attrs.evolve(_INSTRUMENT)
    for naam, waarde in velden.items():
        object.__setattr__(i, naam, waarde)
    return i


_ATOMEN: list[Any] = [
    None,
    0,
    5,
    -1.5,
    "tekst",
    b"bytes",
    True,
    {"id": "fuzz:x"},
    _INSTRUMENT,
    ija.Aanbieder(id="fuzz", naam="Fuzz"),
    ija.Methode(id="fuzz:m", naam="M"),
    object(),
    _Boos(),
    _subklasse(),
    _omzeild_instrument(id="fuzz:x\n"),
    _omzeild_instrument(fasen=["vertrouwen"]),
    _omzeild_instrument(fasen=(["lijst"],)),
    _omzeild_instrument(naam=_Boos()),
    _omzeild_instrument(leefgebieden=("nergens",)),
    ija.Norm(id="fuzz:n", naam="N", uitleg="u", anker="aanmelding", dagen=1),
]

class _Doorloopbaar:
    """An iterable that is neither a list nor a tuple (and can be iterated again)."""

    def __init__(self, items: list[Any]) -> None:
        self._items = items

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __repr__(self) -> str:
        return f"_Doorloopbaar({self._items!r})"


_uitkomst = st.recursive(
    st.sampled_from(_ATOMEN),
    lambda binnen: st.one_of(
        st.lists(binnen, max_size=4),
        st.lists(binnen, max_size=4).map(tuple),
        st.lists(binnen, max_size=4).map(_Doorloopbaar),
        st.dictionaries(st.text(max_size=3), binnen, max_size=2),
    ),
    max_leaves=6,
)

_HOOKS = ("ija_aanbieder", "ija_instrumenten", "ija_normen", "ija_overgangsregels", "ija_docs_paginas")


def _plugin(hook: str, maak: Any) -> object:
    class Fuzz:
        IJA_PLUGIN_NAAM = "fuzz"

    setattr(Fuzz, hook, staticmethod(ija.hookimpl(maak, specname=hook)))
    return Fuzz()


def _laad_zonder_andere_fouten(plugin: object) -> None:
    for strict in (True, False):
        fout: ija.PluginFout | None = None
        try:
            m = ija.load_methodiek(plugins=[plugin], entrypoints=False, strict=strict)
        except ija.PluginFout as exc:
            fout = exc
        if fout is not None:
            assert fout.plugin == "fuzz"
            assert strict
            continue
        info = m.plugin("fuzz")
        assert info.status in ("loaded", "failed")
        if info.status == "failed":
            assert info.error
            assert info.contributions == ()


@given(st.sampled_from(_HOOKS), _uitkomst)
def test_whatever_a_hook_returns_only_a_plugin_error_comes_out(hook: str, uitkomst: Any) -> None:
    _laad_zonder_andere_fouten(_plugin(hook, lambda: uitkomst))


@pytest.mark.parametrize("hook", _HOOKS)
@pytest.mark.parametrize(
    ("maak", "fragment"),
    [
        (_halverwege_kapot, "halverwege"),
        (_eindeloos, "meer dan 10000"),
        (lambda: "ija_instrumenten", "gaf één str"),
        (lambda: 5, "gaf int"),
        (lambda: iter([_Boos()]), "verwacht een"),
        (_OnleesbaarIter, "fout in hook"),
        (lambda: [_subklasse()], "verwacht een"),
        (lambda: (_ for _ in ()).throw(SystemExit(3)), "SystemExit"),
    ],
)
def test_a_hook_that_breaks_is_refused_by_name(hook: str, maak: Any, fragment: str) -> None:
    if hook == "ija_aanbieder" and fragment != "SystemExit":
        fragment = "verwacht een Aanbieder"  # it returns one value: anything else is refused
    with pytest.raises(ija.PluginFout, match=fragment) as info:
        ija.load_methodiek(plugins=[_plugin(hook, maak)], entrypoints=False)
    assert info.value.plugin == "fuzz"
    m = ija.load_methodiek(plugins=[_plugin(hook, maak)], entrypoints=False, strict=False)
    assert m.plugin("fuzz").status == "failed"


class BozePlugin:
    """A plugin object whose attribute access itself fails."""

    def __getattr__(self, naam: str) -> Any:
        raise RuntimeError(f"geen {naam}")


class VreemdeApi:
    IJA_PLUGIN_NAAM = "vreemde-api"
    IJA_HOOK_API = 1.0

    @ija.hookimpl
    def ija_aanbieder(self) -> None:
        return None


def test_hostile_plugin_objects_give_plugin_errors() -> None:
    with pytest.raises(ija.PluginFout):
        ija.load_methodiek(plugins=[BozePlugin()], entrypoints=False)
    m = ija.load_methodiek(plugins=[BozePlugin()], entrypoints=False, strict=False)
    assert m.plugin("BozePlugin").status == "failed"
    m = ija.load_methodiek(plugins=[VreemdeApi()], entrypoints=False)
    assert "verwacht een tekst" in (m.plugin("vreemde-api").warning or "")


class Overgang:
    IJA_PLUGIN_NAAM = "overgang"

    def __init__(self, toets: Any) -> None:
        self._toets = toets

    @ija.hookimpl
    def ija_overgangsregels(self) -> list[ija.Overgangsregel]:
        return [
            ija.Overgangsregel(id="overgang:regel", naam="Regel", uitleg="Uitleg.", toets=self._toets)
        ]


@pytest.mark.parametrize(
    "toets", [lambda: None, lambda traject: None, lambda a, b, c: None, lambda *, traject, naar: None]
)
def test_a_guard_that_cannot_be_called_with_traject_and_fase_is_refused(toets: Any) -> None:
    with pytest.raises(ija.PluginFout, match=r"toets\(traject, naar\)"):
        ija.load_methodiek(plugins=[Overgang(toets)], entrypoints=False)


@pytest.mark.parametrize("toets", [lambda t, naar: None, lambda *a: None, lambda t, naar, x=1: None])
def test_a_guard_with_a_fitting_signature_is_accepted(toets: Any) -> None:
    m = ija.load_methodiek(plugins=[Overgang(toets)], entrypoints=False)
    assert m.plugin("overgang").status == "loaded"


@pytest.mark.parametrize(
    ("argumenten", "fragment"),
    [
        ({"plugins": None}, "plugins: verwacht een lijst"),
        ({"plugins": 5}, "plugins: verwacht een lijst"),
        ({"plugins": "exodus"}, "plugins: verwacht een lijst"),
        ({"disabled": "exodus"}, "disabled: verwacht een lijst"),
        ({"disabled": [5]}, "disabled: verwacht pluginnamen"),
        ({"strict": "ja"}, "strict: verwacht True of False"),
        ({"entrypoints": 0}, "entrypoints: verwacht True of False"),
        ({"plugins": (1 / 0 for _ in [1])}, "plugins: niet te doorlopen: ZeroDivisionError"),
    ],
)
def test_arguments_of_the_wrong_kind_are_bad_input(argumenten: dict[str, Any], fragment: str) -> None:
    argumenten.setdefault("entrypoints", False)
    with pytest.raises(ija.OngeldigeInvoer, match=fragment):
        ija.load_methodiek(**argumenten)


# --- check_plugin: whatever the plugin's own result code does, a PluginFout comes out -------------


@attrs.frozen
class VoorbeeldFaalt:
    aantal: int

    @classmethod
    def voorbeeld(cls) -> VoorbeeldFaalt:
        raise KeyError("geen voorbeeld")


def _valideer_boos(_inst: object, _attr: object, _waarde: object) -> None:
    raise RuntimeError("validator kapot")


@attrs.frozen
class ValidatorFaalt:
    aantal: int = attrs.field(validator=_valideer_boos)

    @classmethod
    def voorbeeld(cls) -> ValidatorFaalt:
        v = object.__new__(cls)
        object.__setattr__(v, "aantal", 1)
        return v


@attrs.frozen(eq=False)
class VergelijkenFaalt:
    aantal: int

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq kapot")

    __hash__ = object.__hash__

    @classmethod
    def voorbeeld(cls) -> VergelijkenFaalt:
        return cls(aantal=1)


class MetResultaat:
    IJA_PLUGIN_NAAM = "met-resultaat"

    def __init__(self, resultaat: type) -> None:
        self._resultaat = resultaat

    @ija.hookimpl
    def ija_instrumenten(self) -> list[ija.Instrument]:
        return [attrs.evolve(_INSTRUMENT, id="met-resultaat:kaart", resultaat=self._resultaat)]


@pytest.mark.parametrize(
    ("resultaat", "fragment"),
    [
        (VoorbeeldFaalt, "voorbeeld\\(\\) geeft een fout: KeyError"),
        (ValidatorFaalt, "RuntimeError: validator kapot"),
        (VergelijkenFaalt, "RuntimeError: eq kapot"),
    ],
)
def test_check_plugin_turns_failures_of_the_plugins_result_code_into_plugin_errors(
    resultaat: type, fragment: str
) -> None:
    from ija_core.testing import check_plugin

    with pytest.raises(ija.PluginFout, match=fragment) as info:
        check_plugin(MetResultaat(resultaat))
    assert info.value.plugin == "met-resultaat"
    with pytest.raises(ija.OngeldigeInvoer, match="voorbeelden"):
        check_plugin(MetResultaat(resultaat), voorbeelden=[1])  # type: ignore[arg-type]  # wrong on purpose


class _BozeMeta(type):
    def __eq__(cls, other: object) -> bool:
        raise RuntimeError("meta eq")

    def __hash__(cls) -> int:
        raise RuntimeError("meta hash")


class BozeKlasse(metaclass=_BozeMeta):
    """A plugin class that cannot be compared or hashed, with a hook that fails."""

    IJA_PLUGIN_NAAM = "boze-klasse"

    @staticmethod
    @ija.hookimpl
    def ija_instrumenten() -> list[ija.Instrument]:
        raise RuntimeError("kapot")


class OnvergelijkbaarObject:
    IJA_PLUGIN_NAAM = "onvergelijkbaar"

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    def __hash__(self) -> int:
        raise RuntimeError("hash")

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder:
        return ija.Aanbieder(id="onvergelijkbaar", naam="Onvergelijkbaar")


def test_plugins_that_cannot_be_compared_or_hashed_do_not_disturb_the_others() -> None:
    goed = Pagina("goed")
    m = ija.load_methodiek(
        plugins=[BozeKlasse, OnvergelijkbaarObject(), goed], entrypoints=False, strict=False
    )
    assert m.plugin("goed").status == "loaded"
    assert m.plugin("boze-klasse").status == "failed"
    assert m.plugin("onvergelijkbaar").status in ("loaded", "failed")
    with pytest.raises(ija.PluginFout) as info:
        ija.load_methodiek(plugins=[goed, BozeKlasse], entrypoints=False)
    assert info.value.plugin == "boze-klasse"


def _fuzzplugin(naam: str, hook: str, uitkomst: Any) -> object:
    klasse = type("Fuzz", (), {"IJA_PLUGIN_NAAM": naam})
    setattr(klasse, hook, staticmethod(ija.hookimpl(lambda: uitkomst, specname=hook)))
    return klasse()


_EERLIJK: list[Any] = [
    [ija.Aanbieder(id="a", naam="A")],
    [ija.Aanbieder(id="exodus", naam="Exodus")],
    [attrs.evolve(_INSTRUMENT, id="a:kaart", aanbieder="a")],
    [attrs.evolve(_INSTRUMENT, id="vrij:kaart")],
    [attrs.evolve(_INSTRUMENT, id="vrij:kaart", naam="Andere kaart")],
    [ija.DocsPagina(pad="p.md", titel="P", inhoud="x")],
]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_HOOKS),
            st.one_of(st.sampled_from(_EERLIJK), _uitkomst),
        ),
        min_size=1,
        max_size=4,
    ),
    st.randoms(use_true_random=False),
)
def test_a_mix_of_plugins_gives_a_plugin_error_or_the_same_methodiek_in_any_order(
    bijdragen: list[tuple[str, Any]], rnd: Any
) -> None:
    plugins = [_fuzzplugin(f"p{i}", hook, u) for i, (hook, u) in enumerate(bijdragen)]
    uitkomsten = []
    for volgorde in (plugins, rnd.sample(plugins, len(plugins))):
        try:
            uitkomsten.append(
                ija.load_methodiek(plugins=volgorde, entrypoints=False, strict=False)
            )
        except ija.PluginFout as exc:
            uitkomsten.append(frozenset(exc.plugins))
    een, twee = uitkomsten
    if isinstance(een, ija.Methodiek) and isinstance(twee, ija.Methodiek):
        assert een == twee
        for p in een.plugins:
            assert p.status in ("builtin", "loaded", "failed")
            assert (p.status == "failed") == (p.error is not None)
    else:
        # a conflict always raises, whatever the order (the pair named may differ)
        assert not isinstance(een, ija.Methodiek)
        assert not isinstance(twee, ija.Methodiek)
