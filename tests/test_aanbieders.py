"""The six aanbieder plugins under plugins/, installed as entry points (``make install``)."""

from __future__ import annotations

import importlib
import json
from datetime import date
from types import ModuleType

import pytest

import ija_core as ija
from ija_core.cli import main
from ija_core.testing import check_plugin, registered

PLUGINS: dict[str, str] = {
    "enver": "ija_enver",
    "exodus": "ija_exodus",
    "futuro": "ija_futuro",
    "joz": "ija_joz",
    "mee": "ija_mee",
    "wmo-radar": "ija_wmo_radar",
}
"""Plugin (= entry point = aanbieder id) → module."""


def _module(naam: str) -> ModuleType:
    return importlib.import_module(PLUGINS[naam])


def _tabel(uit: str) -> dict[str, list[str]]:
    """The rows of the table that ``ija plugins`` prints first, by plugin name."""
    tabel = uit.split("\n\n", 1)[0].splitlines()[2:]
    return {rij.split()[0]: rij.split() for rij in tabel}


def _alle_bijdragen(m: ija.Methodiek) -> set[tuple[str, str]]:
    """Every (plugin, contribution) pair of the loaded plugins."""
    return {(p.name, c) for p in m.plugins for c in p.contributions}


@pytest.fixture(scope="module")
def m_alle() -> ija.Methodiek:
    return ija.load_methodiek()


def test_the_six_plugins_are_installed_and_loaded(m_alle: ija.Methodiek) -> None:
    status = {p.name: p.status for p in m_alle.plugins}
    for naam in PLUGINS:
        assert status.get(naam) == "loaded", f"plugin {naam} niet geladen (make install?)"
        info = m_alle.plugin(naam)
        assert info.distribution == f"ija-{naam}"
        assert info.hook_api == ">=1.0,<2.0"
        assert info.warning is None
    assert {a.id for a in m_alle.aanbieders} >= set(PLUGINS)


def test_each_plugin_contributes_its_own_aanbieder(m_alle: ija.Methodiek) -> None:
    for naam in PLUGINS:
        assert f"aanbieder:{naam}" in m_alle.plugin(naam).contributions
        assert m_alle.bijgedragen_door("aanbieder", naam) == (naam,)


@pytest.mark.parametrize("naam", sorted(PLUGINS))
def test_each_plugin_passes_check_plugin(naam: str) -> None:
    m = check_plugin(_module(naam))
    assert m.plugin(naam).status == "loaded"
    assert m.aanbieder(naam).id == naam


def test_cli_plugins_lists_the_six_as_loaded_with_contributions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plugins"]) == 0
    uit = capsys.readouterr().out
    rijen = _tabel(uit)
    for naam in PLUGINS:
        assert rijen[naam][2] == "loaded"
    assert "exodus draagt bij: aanbieder:exodus" in uit
    assert "instrument:exodus:krachteninventarisatie" in uit
    assert "norm:joz:start-binnen-48-uur" in uit


def test_cli_plugins_json_gives_status_and_contributions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plugins", "--json"]) == 0
    data = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert data["joz"]["status"] == "loaded"
    assert data["joz"]["contributions"] == ["aanbieder:joz", "norm:joz:start-binnen-48-uur"]
    assert data["mee"]["contributions"] == ["aanbieder:mee"]


def test_cli_instrumenten_for_exodus_shows_the_krachteninventarisatie(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["instrumenten", "--aanbieder", "exodus"]) == 0
    uit = capsys.readouterr().out
    assert "exodus:krachteninventarisatie" in uit
    assert "1 instrument. Details" in uit  # singular: not "1 instrument(en)"


def test_cli_instrument_shows_the_typed_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["instrument", "exodus:krachteninventarisatie"]) == 0
    uit = capsys.readouterr().out
    assert "KrachteninventarisatieResultaat" in uit
    assert "verdieping [aanbieder]" in uit  # the placement is the aanbieder's, not ija-core's


@pytest.mark.parametrize("naam", sorted(PLUGINS))
def test_disabling_one_plugin_removes_exactly_its_contributions(
    naam: str, m_alle: ija.Methodiek
) -> None:
    zonder = ija.load_methodiek(disabled=[naam])
    assert zonder.plugin(naam).status == "disabled"
    assert zonder.plugin(naam).contributions == ()
    weg = _alle_bijdragen(m_alle) - _alle_bijdragen(zonder)
    assert weg == {(naam, c) for c in m_alle.plugin(naam).contributions}
    assert _alle_bijdragen(zonder) <= _alle_bijdragen(m_alle)
    # Nothing else breaks: the other plugins still load, the handbook is untouched.
    for ander in set(PLUGINS) - {naam}:
        assert zonder.plugin(ander).status == "loaded"
    assert naam not in {a.id for a in zonder.aanbieders}
    assert [i.id for i in zonder.instrumenten if i.aanbieder is None] == [
        i.id for i in m_alle.instrumenten if i.aanbieder is None
    ]
    assert all(n.aanbieder != naam for n in zonder.normen)
    assert all(i.aanbieder != naam for i in zonder.instrumenten)


def test_disabled_by_environment_variable_in_the_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IJA_DISABLED_PLUGINS", "exodus")
    assert main(["plugins"]) == 0
    uit = capsys.readouterr().out
    assert _tabel(uit)["exodus"][2] == "disabled"
    assert "instrument:exodus:krachteninventarisatie" not in uit
    assert main(["instrumenten", "--aanbieder", "joz"]) == 0
    capsys.readouterr()
    # An aanbieder that is gone is an unknown id, reported as bad input (exit code 2).
    assert main(["instrumenten", "--aanbieder", "exodus"]) == 2
    assert "exodus" in capsys.readouterr().err


def test_a_trajectory_of_a_disabled_aanbieder_can_still_use_the_others(
    m_alle: ija.Methodiek,
) -> None:
    zonder = ija.load_methodiek(disabled=["joz"])
    assert "joz:start-binnen-48-uur" not in {n.id for n in zonder.normen}
    assert zonder.instrument("exodus:krachteninventarisatie") == m_alle.instrument(
        "exodus:krachteninventarisatie"
    )


# --- the JOZ 48-hour norm on real trajecten ------------------------------------------------

AANMELDING = "2024-03-01T09:00:00+01:00"  # a Friday: the 48 hours run through the weekend


def _traject(
    m: ija.Methodiek, traject_id: str, aanbieder: str, *latere: dict[str, object]
) -> ija.Traject:
    aangemeld = {
        "type": "aangemeld",
        "op": AANMELDING,
        "traject": traject_id,
        "jongere": {"pseudoniem": "J", "geboortedatum": "2007-01-01"},
        "verwijzer": "wijkagent",
        "aanbieder": aanbieder,
    }
    return ija.Traject.replay([aangemeld, *latere], methodiek=m)


def _contact(op: str) -> dict[str, object]:
    return {"type": "contact", "op": op, "met": "jongere", "vorm": "huisbezoek"}


def _uitkomst(uitkomsten: list[ija.Normuitkomst], norm: str) -> ija.Normuitkomst | None:
    return next((u for u in uitkomsten if u.norm == norm), None)


def test_joz_traject_without_contact_after_48_hours_shows_the_signal(
    m_alle: ija.Methodiek,
) -> None:
    joz = _traject(m_alle, "joz-1", "joz")
    exodus = _traject(m_alle, "exodus-1", "exodus")
    peildatum = date(2024, 3, 4)
    gevonden = ija.signalen([joz, exodus], peildatum=peildatum, methodiek=m_alle)
    signalen_48 = [s for s in gevonden if s.norm == "joz:start-binnen-48-uur"]
    assert [(s.traject, s.status) for s in signalen_48] == [("joz-1", "verlopen")]
    assert signalen_48[0].deadline == date(2024, 3, 3)
    assert signalen_48[0].dagen == -1
    # The Exodus traject gets the handbook's norms, never JOZ's.
    assert (
        _uitkomst(
            ija.normtoets(exodus, peildatum=peildatum, methodiek=m_alle), "joz:start-binnen-48-uur"
        )
        is None
    )


def test_joz_traject_whose_first_contact_came_after_48_hours_is_te_laat(
    m_alle: ija.Methodiek,
) -> None:
    laat = _contact("2024-03-04T10:00:00+01:00")
    joz = _traject(m_alle, "joz-2", "joz", laat)
    exodus = _traject(m_alle, "exodus-2", "exodus", laat)
    peildatum = date(2024, 3, 5)
    uitkomst = _uitkomst(
        ija.normtoets(joz, peildatum=peildatum, methodiek=m_alle), "joz:start-binnen-48-uur"
    )
    assert uitkomst is not None
    assert uitkomst.status == "te-laat"
    assert (
        _uitkomst(
            ija.normtoets(exodus, peildatum=peildatum, methodiek=m_alle), "joz:start-binnen-48-uur"
        )
        is None
    )


@pytest.mark.parametrize(
    ("eerste", "status"),
    [
        (_contact("2024-03-03T08:59:00+01:00"), "gehaald"),
        (
            {
                "type": "contactpoging",
                "op": "2024-03-02T12:00:00+01:00",
                "kanaal": "app",
                "gelukt": True,
            },
            "gehaald",
        ),
        (_contact("2024-03-03T09:01:00+01:00"), "te-laat"),
    ],
)
def test_joz_48_hours_are_elapsed_hours_from_the_aanmelding(
    m_alle: ija.Methodiek, eerste: dict[str, object], status: str
) -> None:
    joz = _traject(m_alle, "joz-3", "joz", eerste)
    uitkomst = _uitkomst(
        ija.normtoets(joz, peildatum=date(2024, 3, 10), methodiek=m_alle),
        "joz:start-binnen-48-uur",
    )
    assert uitkomst is not None
    assert uitkomst.status == status


def test_failed_contactpoging_or_contact_with_network_does_not_count(
    m_alle: ija.Methodiek,
) -> None:
    joz = _traject(
        m_alle,
        "joz-4",
        "joz",
        {
            "type": "contactpoging",
            "op": "2024-03-01T10:00:00+01:00",
            "kanaal": "telefoon",
            "gelukt": False,
        },
        {
            "type": "contact",
            "op": "2024-03-01T11:00:00+01:00",
            "met": "netwerk",
            "vorm": "telefoon",
        },
    )
    uitkomst = _uitkomst(
        ija.normtoets(joz, peildatum=date(2024, 3, 4), methodiek=m_alle),
        "joz:start-binnen-48-uur",
    )
    assert uitkomst is not None
    assert uitkomst.status == "verlopen"


class _OudePlugin:
    """A plugin written for a future hook API that this ija-core does not have."""

    IJA_PLUGIN_NAAM = "toekomst"
    IJA_HOOK_API = ">=2.0,<3.0"

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder:
        return ija.Aanbieder(id="toekomst", naam="Toekomst")


def test_cli_plugins_warns_when_a_plugin_needs_another_hook_api(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with registered(_OudePlugin()):
        assert main(["plugins"]) == 0
    uit = capsys.readouterr().out
    assert _tabel(uit)["toekomst"][2] == "loaded"
    assert "toekomst: waarschuwing — ondersteunt hook-API >=2.0,<3.0" in uit
    assert ija.HOOK_API_VERSIE in uit
    for naam in PLUGINS:  # the six declare a range that includes this version
        assert f"{naam}: waarschuwing" not in uit
