"""Which norms apply: handbook by default, local norms opt-in, settings, plugin and aanbieder norms."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs
import pytest

import ija_core as ija
from ija_core.normen.handbook import HANDBOEK_NORMEN, LOKALE_NORMEN
from normen.bouw import aangemeld, ev, traject

HANDBOEK_IDS = {
    "intake-binnen-6-weken",
    "plan-binnen-6-weken",
    "fase-streefduur",
    "contact-na-melding-24-uur",
}


def met_melding(m: ija.Methodiek, tid: str = "t1", **kw: object) -> object:
    return traject(
        aangemeld(traject=tid, **kw),
        ev("melding", "2024-03-02T10:00:00+01:00", soort="overlast", bron="school"),
        m=m,
    )


def test_by_default_exactly_the_four_handbook_norms_apply(m: ija.Methodiek) -> None:
    uit = ija.normtoets(met_melding(m), peildatum=date(2024, 3, 10), methodiek=m)
    assert {u.norm for u in uit} == HANDBOEK_IDS
    assert [u.norm for u in uit] == sorted(u.norm for u in uit)


def test_local_norms_are_data_marked_local_and_off_by_default(m: ija.Methodiek) -> None:
    assert {n.id for n in HANDBOEK_NORMEN} == HANDBOEK_IDS
    for n in LOKALE_NORMEN:
        assert n.bron.soort == "keuze"  # hook API 1.x called this "lokaal"
        assert n.standaard_aan is False
        assert n.instelbaar
        assert "Lokale instelling" in n.bron.toelichting
        assert m.norm(n.id) == n
    for n in HANDBOEK_NORMEN:
        assert n.bron.soort != "aanbieder"
        assert n.standaard_aan is True


def test_local_norms_apply_when_asked_for(m: ija.Methodiek) -> None:
    t = met_melding(m)
    uit = ija.normtoets(
        t,
        peildatum=date(2024, 3, 10),
        methodiek=m,
        normen=["geeft-niet-op", "eerste-contactpoging", "contact-netwerk-na-melding"],
    )
    assert [(u.norm, u.status, u.deadline) for u in uit] == [
        ("contact-netwerk-na-melding", "verlopen", date(2024, 3, 3)),
        ("eerste-contactpoging", "verlopen", date(2024, 3, 4)),  # 1 March + 3 days
        ("geeft-niet-op", "dreigt", date(2024, 3, 15)),  # 1 March + 14 days
    ]


def test_geeft_niet_op_restarts_at_every_contact_and_pauses(m: ija.Methodiek) -> None:
    t = traject(
        aangemeld(),
        ev("contactpoging", "2024-03-05T10:00:00+01:00", kanaal="app", gelukt=False),
        ev("contact", "2024-03-10T10:00:00+01:00", met="jongere", vorm="gesprek"),
        ev("opgeschort", "2024-03-20T10:00:00+01:00", reden="opname"),
        ev("hervat", "2024-03-30T10:00:00+01:00"),
        m=m,
    )

    def uitkomst(peildatum: date) -> tuple[str, date]:
        (u,) = ija.normtoets(t, peildatum=peildatum, methodiek=m, normen=["geeft-niet-op"])
        return u.status, u.deadline

    assert uitkomst(date(2024, 3, 9)) == ("dreigt", date(2024, 3, 15))
    assert uitkomst(date(2024, 3, 12)) == ("open", date(2024, 3, 24))  # 10 March + 14
    assert uitkomst(date(2024, 4, 2)) == ("dreigt", date(2024, 4, 3))  # + 10 paused days


def test_a_wijkteam_sets_a_local_termijn(m: ija.Methodiek) -> None:
    kort = m.norm("eerste-contactpoging").ingesteld(dagen=1)
    assert kort.dagen == 1
    assert kort.id == "eerste-contactpoging"
    (u,) = ija.normtoets(
        traject(aangemeld(), m=m), peildatum=date(2024, 3, 2), methodiek=m, normen=[kort]
    )
    assert (u.status, u.deadline, u.dagen) == ("dreigt", date(2024, 3, 2), 0)


def test_only_instelbaar_fields_may_be_set(m: ija.Methodiek) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="anker"):
        m.norm("eerste-contactpoging").ingesteld(anker="fase-start")
    with pytest.raises(ija.OngeldigeInvoer, match="dagen"):
        m.norm("intake-binnen-6-weken").ingesteld(dagen=50)  # a handbook fact
    with pytest.raises(ija.OngeldigeInvoer):
        m.norm("geeft-niet-op").ingesteld(dagen=-1)


def test_an_unknown_norm_id_lists_the_known_ones(m: ija.Methodiek) -> None:
    with pytest.raises(ija.OngeldigeInvoer, match="geeft-niet-op"):
        ija.normtoets(
            traject(aangemeld(), m=m), peildatum=date(2024, 3, 2), methodiek=m, normen=["x"]
        )


def test_a_peildatum_must_be_a_date(m: ija.Methodiek) -> None:
    from datetime import datetime

    with pytest.raises(ija.OngeldigeInvoer, match="peildatum"):
        ija.normtoets(traject(aangemeld(), m=m), peildatum=datetime(2024, 3, 2), methodiek=m)


def test_normuitkomst_is_frozen_and_compared_by_value() -> None:
    velden = {
        "traject": "t",
        "norm": "n",
        "status": "open",
        "deadline": date(2024, 1, 1),
        "dagen": 3,
        "uitleg": "x",
    }
    a = ija.Normuitkomst(**velden)  # type: ignore[arg-type]
    assert a == ija.Normuitkomst(**velden)  # type: ignore[arg-type]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.status = "gehaald"  # type: ignore[misc]
    with pytest.raises(ValueError, match="status"):
        attrs.evolve(a, status="bijna")


class Aanbiederplugin:
    """A plugin with its own aanbieder and a norm that applies only to its trajecten."""

    @ija.hookimpl
    def ija_aanbieder(self) -> ija.Aanbieder:
        return ija.Aanbieder(id="proef", naam="Proefaanbieder")

    @ija.hookimpl
    def ija_normen(self) -> Iterable[ija.Norm]:
        return (
            ija.Norm(
                id="proef:start-binnen-2-dagen",
                naam="Start binnen 2 dagen",
                uitleg="Binnen twee dagen na de aanmelding is er een kennismaking.",
                anker="aanmelding",
                dagen=2,
                voldaan_door=(ija.Voorwaarde(soort="kennismaking"),),
                aanbieder="proef",
                bron="aanbieder",
            ),
        )


def test_a_plugin_norm_applies_only_to_its_aanbieder(m: ija.Methodiek) -> None:
    mp = ija.load_methodiek(plugins=[Aanbiederplugin()], entrypoints=False)
    eigen = traject(
        aangemeld(traject="eigen", aanbieder="proef"),
        ev("kennismaking", "2024-03-04T10:00:00+01:00"),
        m=mp,
    )
    ander = traject(aangemeld(traject="ander"), m=mp)
    assert "proef:start-binnen-2-dagen" in {
        u.norm for u in ija.normtoets(eigen, peildatum=date(2024, 3, 5), methodiek=mp)
    }
    (u,) = [
        u
        for u in ija.normtoets(eigen, peildatum=date(2024, 3, 5), methodiek=mp)
        if u.norm.startswith("proef:")
    ]
    assert (u.status, u.deadline) == ("te-laat", date(2024, 3, 3))
    assert "proef:start-binnen-2-dagen" not in {
        u.norm for u in ija.normtoets(ander, peildatum=date(2024, 3, 5), methodiek=mp)
    }


def test_remembered_facts_do_not_keep_a_traject_alive(m: ija.Methodiek) -> None:
    import gc
    import weakref

    t = met_melding(m, tid="kort-leven")
    ija.signalen([t], peildatum=date(2024, 3, 10), methodiek=m)
    ref = weakref.ref(t)
    del t
    gc.collect()
    assert ref() is None


def test_the_joz_plugin_norm_counts_48_elapsed_hours(m_alle: ija.Methodiek) -> None:
    if "joz:start-binnen-48-uur" not in {n.id for n in m_alle.normen}:
        pytest.skip("the ija-joz plugin is not installed")
    t = traject(
        aangemeld(traject="j", aanbieder="joz"),
        ev("contact", "2024-03-03T09:00:00+01:00", met="jongere", vorm="gesprek"),
        m=m_alle,
    )
    u = {x.norm: x for x in ija.normtoets(t, peildatum=date(2024, 3, 4), methodiek=m_alle)}
    assert (u["joz:start-binnen-48-uur"].status, u["joz:start-binnen-48-uur"].deadline) == (
        "gehaald",
        date(2024, 3, 3),
    )
    laat = traject(
        aangemeld(traject="k", aanbieder="joz"),
        ev("contact", "2024-03-03T09:01:00+01:00", met="jongere", vorm="gesprek"),
        m=m_alle,
    )
    assert {
        x.norm: x.status for x in ija.normtoets(laat, peildatum=date(2024, 3, 4), methodiek=m_alle)
    }["joz:start-binnen-48-uur"] == "te-laat"
