"""Provenance (design.md, "Provenance"): every carrier has a ``Bron``, and the anchors hold."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import attrs
import pytest

import ija_core as ija
from ija_core.aanbieders import Methode
from ija_core.bron import BRONSOORTEN
from ija_core.cli import main
from ija_core.phases.rules import VROEGTIJDIGE_AFSLUITREDENEN, is_vroegtijdig
from ija_core.tools.model import Herkomst


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    return ija.load_methodiek()


def _dragers(m: ija.Methodiek) -> Iterable[tuple[str, object]]:
    """Every carrier of a Bron the Methodiek holds, named for the failure message."""
    for r in m.regels:
        yield f"regel {r.id}", r.bron
    for n in m.normen:
        yield f"norm {n.id}", n.bron
    for f in m.fasen:
        yield f"streefduur van {f.id}", f.streefduur_bron
    for u in m.vroege_uitstroom:
        yield f"vroege uitstroom {u.id}", u.bron
    for i in m.instrumenten:
        for p in i.plaatsingen:
            yield f"instrument {i.id} in {p.soort} {p.id}", p.bron
    for t in m.themas:
        for k in t.koppelingen:
            yield f"thema {t.id} bij {k.leefgebied}", k.bron
    for r in m.relaties:
        yield f"relatie {r.id}", r.bron
    for o in m.opschalingen:
        yield f"opschaling {o.id}", o.bron
    for r in m.groepsregels:
        yield f"groepsregel {r.id}", r.bron


def test_every_carrier_has_a_bron_with_a_toelichting(m: ija.Methodiek) -> None:
    dragers = list(_dragers(m))
    assert len(dragers) > 100
    for naam, bron in dragers:
        assert isinstance(bron, ija.Bron), naam
        assert bron.soort in BRONSOORTEN, naam
        assert bron.toelichting.strip(), naam


def test_the_anchors_of_the_design(m: ija.Methodiek) -> None:
    assert m.regel("doelgroep-leeftijd").bron.soort == "handboek"
    assert m.regel("chronologie").bron.soort != "handboek"
    assert m.regel("fase-volgorde").bron.soort != "handboek"
    assert m.norm("intake-binnen-6-weken").bron.soort == "handboek"
    assert m.norm("plan-binnen-6-weken").bron.soort == "handboek"
    assert m.norm("contact-na-melding-24-uur").bron.soort == "afgeleid"
    assert m.norm("contact-na-melding-24-uur").standaard_aan is True
    streef = m.norm("fase-streefduur").bron
    assert streef.soort == "keuze"
    assert "handboek" in streef.toelichting  # the figures are the handbook's, the signal is not


def test_the_local_norms_are_keuze_never_handboek(m: ija.Methodiek) -> None:
    for nid in ("eerste-contactpoging", "geeft-niet-op", "contact-netwerk-na-melding"):
        assert m.norm(nid).bron.soort == "keuze"


def test_a_plugins_norms_are_aanbieder(m: ija.Methodiek) -> None:
    eigen = [n for n in m.normen if ":" in n.id]
    assert eigen  # the JOZ plugin brings one
    for n in eigen:
        assert n.bron.soort == "aanbieder"


def test_early_exits_as_data_keep_the_engines_ids(m: ija.Methodiek) -> None:
    assert tuple(u.id for u in m.vroege_uitstroom) == VROEGTIJDIGE_AFSLUITREDENEN
    assert VROEGTIJDIGE_AFSLUITREDENEN == (
        "justitie", "ggz-opname", "verhuisd", "overleden", "opgeschaald"
    )
    soorten = {u.id: u.bron.soort for u in m.vroege_uitstroom}
    assert soorten == {
        "justitie": "handboek",
        "ggz-opname": "handboek",
        "verhuisd": "keuze",
        "overleden": "keuze",
        "opgeschaald": "keuze",
    }
    assert all(is_vroegtijdig(u.id) for u in m.vroege_uitstroom)


def test_jims_placements_are_the_handbooks_the_rest_suggestions(m: ija.Methodiek) -> None:
    jim = m.instrument("jim")
    assert jim.plaatsing_in(fase="uitvoering").bron.soort == "handboek"  # type: ignore[union-attr]
    assert jim.plaatsing_in(fase="afronding").bron.soort == "afgeleid"  # type: ignore[union-attr]
    assert jim.plaatsing_in(leefgebied="sociaal-netwerk").bron.soort == "handboek"  # type: ignore[union-attr]
    assert jim.plaatsing_in(fase="vertrouwen") is None
    uit_het_handboek = {  # placements the handbook makes or that follow from it (issue 19)
        ("bolletjesschema", "sociaal-netwerk"): "handboek",
        ("bolletjesschema", "uitvoering"): "afgeleid",
        ("bolletjesschema", "afronding"): "afgeleid",
        ("moreel-redeneren", "uitvoering"): "afgeleid",
        ("moreel-redeneren", "afronding"): "afgeleid",
        ("mobility-mentoring", "financien"): "handboek",
    }
    for i in m.instrumenten:
        if i.aanbieder is None and i.id != "jim":
            for p in i.plaatsingen:
                assert p.bron.soort == uit_het_handboek.get((i.id, p.id), "keuze"), (i.id, p.id)
        assert [p.id for p in i.plaatsingen if p.soort == "fase"] == list(i.fasen)
        assert [p.id for p in i.plaatsingen if p.soort == "leefgebied"] == list(i.leefgebieden)


def test_a_hook_api_1_instrument_gets_aanbieder_placements_naming_the_plugin() -> None:
    class Wijk:
        IJA_PLUGIN_NAAM = "wijk-noord"

        @ija.hookimpl
        def ija_instrumenten(self) -> list[ija.Instrument]:
            return [
                ija.Instrument(
                    id="noord:kaart",
                    naam="Kaart",
                    soort="werkvorm",
                    samenvatting="Een kaart.",
                    beschrijving="Een kaart van de wijk.",
                    fasen=("verdieping",),
                    leefgebieden=("wonen",),
                )
            ]

    m = ija.load_methodiek(plugins=[Wijk()], entrypoints=False)
    plaatsingen = m.instrument("noord:kaart").plaatsingen
    assert [(p.soort, p.id) for p in plaatsingen] == [("fase", "verdieping"), ("leefgebied", "wonen")]
    for p in plaatsingen:
        assert p.bron.soort == "aanbieder"
        assert "wijk-noord" in p.bron.toelichting
    assert m.instrumenten_voor(fase="verdieping", leefgebied="wonen")


def test_placements_that_disagree_with_fasen_are_refused() -> None:
    bron = ija.Bron(soort="keuze", toelichting="Omdat het past.")
    velden = {"id": "x", "naam": "X", "soort": "werkvorm", "samenvatting": "X.", "beschrijving": "X."}
    plek = ija.Instrumentplaatsing(soort="fase", id="verdieping", bron=bron)
    with pytest.raises(ValueError, match="plaatsingen"):
        ija.Instrument(**velden, fasen=("uitvoering",), plaatsingen=(plek,))  # type: ignore[arg-type]
    alleen = ija.Instrument(**velden, plaatsingen=(plek,))  # type: ignore[arg-type]
    assert alleen.fasen == ("verdieping",)


def test_every_thema_link_says_why(m: ija.Methodiek) -> None:
    # The justitie thema's own actions name income, address, work, daytime activity and
    # schooling: those links are the handbook's (issue 19); the rest say why ija-core chose.
    uit_het_handboek = {"financien", "wonen", "werk", "scholing", "vrije-tijd"}
    for t in m.themas:
        assert tuple(k.leefgebied for k in t.koppelingen) == t.leefgebieden
        for k in t.koppelingen:
            if t.id == "justitie" and k.leefgebied in uit_het_handboek:
                assert k.bron.soort == "handboek", k.leefgebied
                assert "structuur" in k.bron.toelichting
            elif t.id == "justitie" and k.leefgebied == "justitie":
                assert k.bron.soort == "afgeleid"
            else:
                assert k.bron.soort == "keuze", (t.id, k.leefgebied)
                assert "omdat" in k.bron.toelichting
    with pytest.raises(ValueError, match="koppelingen"):
        attrs.evolve(m.thema("ggz"), leefgebieden=("wonen",))


def test_citations_are_bronvermelding_and_the_old_keyword_still_works() -> None:
    assert Herkomst(bron="x.nl") == Herkomst(bronvermelding="x.nl")
    assert Herkomst(bron="x.nl").bronvermelding == "x.nl"
    assert Methode(id="a:b", naam="B", bron="boek").bronvermelding == "boek"
    with pytest.raises(TypeError, match="niet allebei"):
        Herkomst(bron="a", bronvermelding="b")
    assert "bron" not in {f.name for f in attrs.fields(Herkomst)}
    assert "bron" not in {f.name for f in attrs.fields(Methode)}


def test_definitions_json_uses_bronvermelding(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["instrument", "zrm", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["herkomst"]["bronvermelding"] == "zelfredzaamheidmatrix.nl"
    assert "bron" not in data["herkomst"]
    assert data["plaatsingen"][0]["bron"]["soort"] == "keuze"


def test_cli_normen_shows_the_soort(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normen"]) == 0
    regels = {r.split()[0]: r for r in capsys.readouterr().out.splitlines() if r.strip()}
    assert " afgeleid " in regels["contact-na-melding-24-uur"]
    assert " handboek " in regels["intake-binnen-6-weken"]
    assert " keuze " in regels["fase-streefduur"]


def test_cli_toets_names_the_soort_of_a_refused_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = [
        {"type": "aangemeld", "op": "2024-01-08T09:00:00+01:00", "traject": "t",
         "jongere": {"pseudoniem": "A", "geboortedatum": "2004-01-01"}, "verwijzer": "school"},
        {"type": "fase-gewijzigd", "op": "2024-01-09T09:00:00+01:00", "naar": "uitvoering"},
    ]
    pad = tmp_path / "t.json"
    pad.write_text(json.dumps(events))
    assert main(["traject", "toets", str(pad)]) == 1
    assert "breekt regel fase-volgorde [bron: keuze]" in capsys.readouterr().err
    assert main(["traject", "toets", str(pad), "--json"]) == 1
    uit = json.loads(capsys.readouterr().out)
    assert uit["regel"] == "fase-volgorde"
    assert uit["bron"]["soort"] == ija.load_methodiek().regel("fase-volgorde").bron.soort
    assert uit["bron"]["toelichting"]


def test_cli_signalen_json_carries_each_norms_bron(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = [
        {"type": "aangemeld", "op": "2024-01-08T09:00:00+01:00", "traject": "t",
         "jongere": {"pseudoniem": "A", "geboortedatum": "2004-01-01"}, "verwijzer": "school"},
    ]
    (tmp_path / "t.json").write_text(json.dumps(events))
    assert main(["signalen", str(tmp_path), "--peildatum", "2024-02-15", "--alle", "--json"]) == 0
    uitkomsten = json.loads(capsys.readouterr().out)["uitkomsten"]
    soorten = {u["norm"]: u["bron"]["soort"] for u in uitkomsten}
    assert soorten["intake-binnen-6-weken"] == "handboek"
    assert soorten["fase-streefduur"] == "keuze"
    assert main(["signalen", str(tmp_path), "--peildatum", "2024-02-15", "--alle"]) == 0
    tekst = capsys.readouterr().out
    assert any("intake-binnen-6-weken" in r and "handboek" in r for r in tekst.splitlines())


# --- the site -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def paginas(m: ija.Methodiek) -> dict[str, str]:
    from ija_core.docs.paginas import genereer_paginas

    return genereer_paginas(m).paginas


def _sectie(tekst: str, kop: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    niveau = kop.split(" ", maxsplit=1)[0]
    na = tekst.partition(kop + "\n")[2]
    einde = [i for i in (na.find("\n" + "#" * n + " ") for n in range(1, len(niveau) + 1)) if i >= 0]
    return na[: min(einde)] if einde else na


def test_the_rules_page_separates_the_handbook_from_ija_cores_choices(
    m: ija.Methodiek, paginas: dict[str, str]
) -> None:
    tekst = paginas["overgangen.md"]
    handboek = _sectie(tekst, "### Wat het handboek zegt")
    keuze = _sectie(tekst, "### Keuzes van ija-core")
    assert handboek
    assert keuze
    from ija_core.docs._markdown import esc

    for r in m.regels:
        if r.id in {x.id for x in m.overgangsregels}:
            continue
        regel = f"**{esc(r.naam or r.id)}**: {esc(r.bron.toelichting)}"
        assert (regel in handboek) == (r.bron.soort == "handboek"), r.id
        assert (regel in keuze) == (r.bron.soort == "keuze"), r.id
    uitstroom = _sectie(tekst, "### Vroege uitstroom")
    for u in m.vroege_uitstroom:
        assert esc(u.bron.toelichting) in uitstroom


def test_no_page_calls_all_rules_the_handbooks(paginas: dict[str, str]) -> None:
    for pad, tekst in paginas.items():
        assert "regels van het handboek" not in tekst.lower(), pad


def test_every_norm_shows_its_soort_and_toelichting(
    m: ija.Methodiek, paginas: dict[str, str]
) -> None:
    from ija_core.docs._markdown import esc
    from ija_core.docs._regels import BRONSOORT_LABEL

    normen = paginas["normen.md"]
    for n in m.normen:
        stuk = normen.partition(f"## {esc(n.naam)} ")[2]
        bronregel = next(r for r in stuk.splitlines() if "**Bron:**" in r)
        assert BRONSOORT_LABEL[n.bron.soort] in bronregel, n.id
        assert esc(n.bron.toelichting)[:40] in stuk, n.id
    ontwikkelaars = paginas["ontwikkelaars/regels-en-normen.md"]
    streef = next(r for r in ontwikkelaars.splitlines() if "<code>fase-streefduur</code>" in r)
    assert "keuze van ija-core" in streef
    assert "handboek" not in streef.split("|")[5]


def test_placement_lists_follow_each_placements_bron(
    m: ija.Methodiek, paginas: dict[str, str]
) -> None:
    from ija_core.docs._markdown import esc

    uitvoering = paginas["fasen/uitvoering.md"].partition("## Instrumenten die bij deze fase passen")[2]
    hand, _, suggestie = uitvoering.partition("**Voorstel van ija-core")
    assert hand.lstrip().startswith("**Het handboek")
    assert f"[{esc(m.instrument('jim').naam)}]" in hand
    assert "[5G-model]" in suggestie  # suggested in fase 2, still usable: "uit eerdere fasen"
    assert "[5G-model]" not in hand
    afronding = paginas["fasen/afronding.md"].partition("**Uit eerdere fasen")[0]
    # JIM in afronding follows a reuse rule: listed as derived, not as the handbook's own
    hand, _, afgeleid = afronding.partition("Afgeleid uit wat het handboek zegt")
    assert f"[{esc(m.instrument('jim').naam)}]" in afgeleid
    assert f"[{esc(m.instrument('jim').naam)}]" not in hand


def test_thema_pages_say_why_each_leefgebied_is_linked(
    m: ija.Methodiek, paginas: dict[str, str]
) -> None:
    from ija_core.docs._markdown import esc, pad_thema

    for t in m.themas:
        tekst = paginas[pad_thema(t.id)]
        for k in t.koppelingen:
            assert esc(k.bron.toelichting) in tekst


def test_the_aanpak_page_shows_the_handbook_content_with_its_bron(
    paginas: dict[str, str],
) -> None:
    from ija_core.aanpak import AANPAK
    from ija_core.docs._markdown import esc

    tekst = paginas["trainers/over-de-aanpak.md"]
    for bron in (AANPAK.missie.bron, AANPAK.kengetallen.bron, AANPAK.intensiteit.bron,
                 AANPAK.route_bron, AANPAK.coach.bron, *(k.bron for k in AANPAK.matching)):
        assert f"uit het handboek): {esc(bron.toelichting)}" in tekst
    for u in AANPAK.missie.uitkomsten:
        assert esc(u.naam) in tekst
    assert "125.500" in tekst
    assert "43" in tekst
    assert [esc(s.naam) in tekst for s in AANPAK.route] == [True, True, True]
    assert "over-de-aanpak" in paginas["trainers/index.md"]


def test_the_streefduur_figures_are_the_handbooks_the_signal_is_a_choice(m: ija.Methodiek) -> None:
    assert [f.streefduur.days // 7 for f in m.fasen] == [4, 8, 16, 3]
    for f in m.fasen:
        assert f.streefduur_bron.soort == "handboek"
    assert m.norm("fase-streefduur").bron.soort == "keuze"


def test_cli_instrument_shows_each_placements_soort(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["instrument", "jim"]) == 0
    uit = capsys.readouterr().out
    assert "uitvoering [handboek], afronding [afgeleid]" in uit
    assert "sociaal-netwerk [handboek]" in uit
