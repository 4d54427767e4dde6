"""Issue 19, faithfulness: labels that claim too little or too much, pictures and lists that
draw every soort of placement as the data has it, and texts that harden the handbook."""

from __future__ import annotations

import html
import html.parser
import re
from pathlib import Path

import attrs
import pytest

import ija_core as ija
from ija_core.aanpak import AANPAK
from ija_core.bron import BRONSOORTEN
from ija_core.docs import _casus_paginas as cas
from ija_core.docs import _diagrams, genereer_paginas
from ija_core.docs._aanpak_pagina import over_de_aanpak
from ija_core.docs._markdown import esc, pad_fase
from ija_core.docs._regels import PLAATSING_LABEL, STATUS_WOORD
from ija_core.docs._trainers_paginas import hele_methodiek

SRC = Path(ija.__file__).parent


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    return ija.load_methodiek()  # with the installed plugins: aanbieder placements too


@pytest.fixture(scope="module")
def paginas(m: ija.Methodiek) -> dict[str, str]:
    return genereer_paginas(m).paginas


def _bronnen(m: ija.Methodiek) -> list[tuple[str, ija.Bron]]:
    uit: list[tuple[str, ija.Bron]] = []
    uit += [(f"regel {r.id}", r.bron) for r in (*m.regels, *m.groepsregels)]
    uit += [(f"norm {n.id}", n.bron) for n in m.normen]
    uit += [(f"relatie {r.id}", r.bron) for r in m.relaties]
    uit += [(f"opschaling {o.id}", o.bron) for o in m.opschalingen]
    uit += [(f"uitstroom {u.id}", u.bron) for u in m.vroege_uitstroom]
    uit += [(f"thema {t.id}/{k.leefgebied}", k.bron) for t in m.themas for k in t.koppelingen]
    uit += [(f"instrument {i.id}/{p.id}", p.bron) for i in m.instrumenten for p in i.plaatsingen]
    return uit


# --- labels -----------------------------------------------------------------------------------


def test_the_network_the_handbook_names_is_handboek(m: ija.Methodiek) -> None:
    # vriendenkring, gezin, sleutelfiguren, werk- en stageplaatsen
    for rel, woord in [("vriend", "vriendenkring"), ("familie", "gezin"),
                       ("sleutelfiguur", "sleutelfiguren"), ("werkgever", "stageplaatsen")]:
        bron = m.relatie(rel).bron
        assert bron.soort == "handboek", rel
        assert woord in bron.toelichting, rel


def test_wijknetwerk_relaties_cite_the_list_where_it_really_is(m: ija.Methodiek) -> None:
    # The partners are listed where the handbook describes the coaches' roots in the wijk.
    # jongerenwerk is not in that list; buurthuis comes from fase 3's rol section and
    # handhaving from the overleggen (kernwaarde samen), and they say so.
    assert "fase 3" in m.relatie("buurthuis").bron.toelichting
    assert "kernwaarde samen" in m.relatie("handhaving").bron.toelichting
    for r in m.relaties:
        if r.rol != "wijknetwerk" or r.id in ("werkgever", "jongerenwerk", "buurthuis",
                                                "handhaving"):
            continue
        assert "verankering in het wijknetwerk" in r.bron.toelichting, r.id
        assert "bij de rollen" not in r.bron.toelichting, r.id
    jongerenwerk = m.relatie("jongerenwerk").bron.toelichting
    assert "niet in de opsomming" in jongerenwerk
    assert "casussen" in jongerenwerk


def test_placements_the_handbook_makes_are_not_keuze(m: ija.Methodiek) -> None:
    def soort(instrument: str, **waar: str) -> str:
        p = m.instrument(instrument).plaatsing_in(**waar)
        assert p is not None, (instrument, waar)
        return p.bron.soort

    assert soort("bolletjesschema", leefgebied="sociaal-netwerk") == "handboek"
    assert soort("mobility-mentoring", leefgebied="financien") == "handboek"
    # fase 3 names network analyses and drawing dilemmas, not the instruments: derived
    assert soort("bolletjesschema", fase="uitvoering") == "afgeleid"
    assert soort("moreel-redeneren", fase="uitvoering") == "afgeleid"
    assert soort("jim", fase="afronding") == "afgeleid"
    justitie = {k.leefgebied: k.bron.soort for k in m.thema("justitie").koppelingen}
    for lg in ("wonen", "werk", "scholing", "vrije-tijd", "financien"):
        assert justitie[lg] == "handboek", lg


def test_six_week_norms_say_the_start_is_ija_cores_reading(
    m: ija.Methodiek, paginas: dict[str, str]
) -> None:
    for norm in ("intake-binnen-6-weken", "plan-binnen-6-weken"):
        bron = m.norm(norm).bron
        assert bron.soort == "handboek"
        assert "lezing van ija-core" in bron.toelichting
        assert "aanmelding" in bron.toelichting
        assert esc(bron.toelichting) in paginas["normen.md"]
    assert "lezing van ija-core" in _diagrams.faseroute(m, "fasen/vertrouwen.md")


def test_closing_with_a_zorg_is_derived_from_monitoring_carefully(m: ija.Methodiek) -> None:
    regel = m.regel("afsluiten-met-zorg")
    assert regel.bron.soort == "afgeleid"
    assert "zorgvuldig" in regel.bron.toelichting
    assert "zegt niet dat" in regel.bron.toelichting
    assert "handboek" not in regel.uitleg  # the refusal never words it as the handbook's


def test_consent_rule_names_itself_a_hardening_of_a_starting_point(m: ija.Methodiek) -> None:
    toelichting = m.regel("betrekken-met-toestemming").bron.toelichting
    assert "uitgangspunt" in toelichting
    assert "aanscherping van ija-core" in toelichting


_EIGEN_LABEL = re.compile(
    r"^\s*(een )?(keuze|suggestie|koppeling|praktische toevoeging) van ija-core|^\s*afgeleid uit",
    re.IGNORECASE,
)


def test_no_toelichting_repeats_the_label_the_docs_put_before_it(m: ija.Methodiek) -> None:
    # The docs write "(keuze van ija-core: <toelichting>)": a toelichting that starts with
    # its own soort reads as a doubled label.
    for naam, bron in _bronnen(m):
        assert not _EIGEN_LABEL.search(bron.toelichting), (naam, bron.toelichting)


# --- pictures, lists and handouts draw each placement as its soort ---------------------------


class _Cellen(html.parser.HTMLParser):
    """The (aria-label, class) of each linked cell and the classes of the legend's boxes."""

    def __init__(self) -> None:
        super().__init__()
        self.label: str | None = None
        self.cellen: dict[str, str] = {}
        self.legenda: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a":
            self.label = a.get("aria-label")
        elif tag == "rect" and "ija-svg__cel--" in (a.get("class") or ""):
            if self.label is None:
                self.legenda.append(a["class"] or "")
            else:
                self.cellen[self.label] = a["class"] or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.label = None


def test_the_instrument_fase_picture_draws_each_placement_as_its_soort(m: ija.Methodiek) -> None:
    figuur = _diagrams.matrix(m, "instrumenten/per-fase.md")
    breed, smal = figuur.split("</svg>")[:2]  # the wide drawing and the narrow one for phones
    svg = breed + "</svg>"
    lezer = _Cellen()
    lezer.feed(svg)
    smal_lezer = _Cellen()
    smal_lezer.feed(smal + "</svg>")
    getekend = set()
    for i in m.instrumenten:
        for p in i.plaatsingen:
            if p.soort != "fase":
                continue
            label = f"{i.naam} in {m.fase(p.id).naam}: {PLAATSING_LABEL[p.bron.soort]}"
            assert lezer.cellen.get(label) == f"ija-svg__cel--{p.bron.soort}", label
            getekend.add(p.bron.soort)
    assert {"handboek", "afgeleid", "keuze", "aanbieder"} <= getekend  # exodus's instrument
    assert lezer.legenda == [f"ija-svg__cel--{s}" for s in BRONSOORTEN if s in getekend]
    assert smal_lezer.legenda == lezer.legenda  # the phone's drawing has the same kinds
    assert len(lezer.cellen) == sum(len(i.fasen) for i in m.instrumenten)
    beschrijving = html.unescape(svg.split("<desc", 1)[1].split("</desc>", 1)[0])
    assert f"{m.instrument('jim').naam}: Uitvoering ({PLAATSING_LABEL['handboek']}), " \
           f"Afronding ({PLAATSING_LABEL['afgeleid']})" in beschrijving


def test_every_soort_has_its_own_label_and_style() -> None:
    assert set(PLAATSING_LABEL) == set(BRONSOORTEN)
    assert len(set(PLAATSING_LABEL.values())) == len(BRONSOORTEN)
    css = (SRC / "docs" / "assets" / "extra.css").read_text(encoding="utf-8")
    for soort in BRONSOORTEN:
        assert f".ija-svg__cel--{soort}" in css, soort


def test_fase_lists_put_each_instrument_under_the_heading_of_its_soort(
    m: ija.Methodiek, paginas: dict[str, str]
) -> None:
    koppen = {
        "Het handboek plaatst hier:": "handboek",
        "Afgeleid uit wat het handboek zegt": "afgeleid",
        "Uit een bron buiten het handboek:": "extern",
        "Door een aanbieder hier geplaatst:": "aanbieder",
        "Voorstel van ija-core": "keuze",
    }
    for f in m.fasen:
        tekst = paginas[pad_fase(f.id)]
        lijst = tekst.split("## Instrumenten", 1)[1].split("\n## ", 1)[0]
        onder: dict[str, str] = {}
        soort = None
        for regel in lijst.splitlines():
            soort = next((s for k, s in koppen.items() if k.lower() in regel.lower()), soort)
            if regel.startswith("- [") and soort is not None:
                onder[regel[3:].split("](", 1)[0]] = soort
            elif regel.startswith("**Uit eerdere fasen"):  # one line of names: ija-core's
                for naam in regel.split("[")[1:]:
                    onder[naam.split("](", 1)[0]] = "keuze"
        for i in m.instrumenten_voor(fase=f.id):
            p = i.plaatsing_in(fase=f.id)
            assert p is not None
            assert onder.get(esc(i.naam)) == p.bron.soort, (f.id, i.id)


def test_the_print_page_names_the_soort_of_every_fase_placement(m: ija.Methodiek) -> None:
    pagina = hele_methodiek(m)
    for i in m.instrumenten:
        rij = next(r for r in pagina.splitlines() if f"[{esc(i.naam)}](" in r)
        fasen = rij.split(" | ")[1]
        for p in i.plaatsingen:
            if p.soort == "fase":
                assert f"{esc(m.fase(p.id).naam)} *({p.bron.soort})*" in fasen, (i.id, p.id)
    assert "\\*" not in pagina  # no asterisk that lumps several soorten together


# --- texts -------------------------------------------------------------------------------------

_VERBODEN = [
    (re.compile(r"\b(streng|zwaar)ere?\b", re.IGNORECASE), "the handbook says 'een andere vorm'"),
    (re.compile(r"\bletterlijk", re.IGNORECASE), "the handbook's 'aan de hand' is figurative"),
    (re.compile(r"\b(twee|drie|vier|alle) normen uit (het handboek|de praktijk)", re.IGNORECASE),
     "not all default norms are the handbook's, and the local ones are ija-core's"),
    (re.compile(r"alles op deze pagina komt uit het handboek", re.IGNORECASE),
     "the pages also carry ija-core's words"),
    (re.compile(r"noemt het zelden", re.IGNORECASE), "the handbook says farewells are rare"),
    (re.compile(r"(van ija-core|uit het handboek|handboek|aanbieder|externe bron)\W{0,3}:\s*"
                r"(een keuze van|een suggestie van|afgeleid uit|een praktische toevoeging)",
                re.IGNORECASE), "a doubled label"),
]


def _handgeschreven() -> dict[str, str]:
    wortels = [SRC / "docs" / "handgeschreven", SRC.parent.parent / "docs"]
    return {
        str(p): p.read_text(encoding="utf-8")
        for w in wortels if w.is_dir() for p in sorted(w.rglob("*.md"))
    }


def test_no_page_hardens_or_misreads_the_handbook(paginas: dict[str, str]) -> None:
    for pad, tekst in {**paginas, **_handgeschreven()}.items():
        for patroon, waarom in _VERBODEN:
            gevonden = patroon.search(html.unescape(tekst))
            assert gevonden is None, (pad, gevonden.group(0) if gevonden else "", waarom)


def test_no_docstring_or_data_text_hardens_escalation() -> None:
    patroon = re.compile(r"(strengere|zwaardere|stricter|heavier|harsher) (vorm|form)",
                         re.IGNORECASE)
    for p in sorted(SRC.rglob("*.py")):
        gevonden = patroon.search(p.read_text(encoding="utf-8"))
        assert gevonden is None, (p, gevonden.group(0) if gevonden else "")


def test_trainer_pages_write_statuses_as_words(paginas: dict[str, str]) -> None:
    for pad, tekst in paginas.items():
        if pad.startswith(("ontwikkelaars/", "plugins")):
            continue
        leesbaar = re.sub(r'<details class="ija-techniek".*?</details>', "", tekst, flags=re.S)
        assert re.search(r"(?<![\w-])te-laat\b", leesbaar) is None, pad
    assert STATUS_WOORD["te-laat"] == "te laat gehaald"


def test_casussen_are_listed_in_the_handbooks_order(paginas: dict[str, str]) -> None:
    handboek = ["spin-in-het-web", "enzo", "tamir", "ricardo", "bob"]  # the handbook's order
    assert [c.naam for c in cas.CASUSSEN] == handboek
    index = paginas[cas.CASUSSEN_INDEX]
    plekken = [index.index(f"({Path(cas.pad_casus(n)).name})") for n in handboek]
    assert plekken == sorted(plekken)
    assert "volgorde waarin het handboek" in index


def test_about_page_claims_only_what_its_bronnen_say() -> None:
    assert "Onder elk deel staat waar het handboek het zegt" in over_de_aanpak(AANPAK)
    keuze = attrs.evolve(AANPAK, route_bron=ija.Bron(soort="keuze", toelichting="Eigen route."))
    tekst = over_de_aanpak(keuze)
    assert "De inhoud van elk deel komt uit het handboek" not in tekst
    assert "waar de inhoud vandaan komt" in tekst


def test_the_catalogue_names_the_soort_of_every_placement(m: ija.Methodiek) -> None:
    from ija_core.docs._catalogus_paginas import instrumenten_index

    pagina = html.unescape(instrumenten_index(m))
    for i in m.instrumenten:
        rij = next(r for r in pagina.splitlines() if f">{i.naam}</a></td>" in r)
        fasen, leefgebieden = re.findall(r"<td>([^<]*)</td>", rij)[1:3]
        for p in i.plaatsingen:
            cel = fasen if p.soort == "fase" else leefgebieden
            naam = m.fase(p.id).naam if p.soort == "fase" else m.leefgebied(p.id).naam
            groep = next(g for g in cel.split("; ") if g.startswith(f"{p.bron.soort}: "))
            namen = groep.split(": ", 1)[1].split(", ")
            assert naam in namen or namen == ["alle"], (i.id, p.id, cel)
