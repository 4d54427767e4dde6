"""Issue 20, site: fase 4's handover route as a picture, and op- and afschalen as two directions
with the overleggen beside them (not as escalation). The browser tests measure text size, phone
fit and the one-sheet handout; these tests check what the pictures say."""

from __future__ import annotations

import html
import re
from pathlib import Path

import attrs
import pytest

import ija_core as ija
from ija_core.docs import _diagrams as diagram
from ija_core.docs import _netwerk_pagina as netwerk
from ija_core.docs import _trainers_paginas as tr
from ija_core.docs._markdown import esc, pad_fase
from ija_core.docs.paginas import genereer_paginas

M = ija.load_methodiek(entrypoints=False)
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
STAPPEN = ("Doorverwijzen", "Overdrachtsgesprek", "Nazorg", "Eindgesprek")


def _tekenen(figuur: str) -> tuple[str, str]:
    """The wide and the narrow drawing of a picture."""
    assert figuur.count("<svg ") == 2
    breed, smal = figuur.split('<svg class="ija-svg ija-svg--smal"')
    assert 'class="ija-svg ija-svg--breed"' in breed
    return breed, smal


def _teksten(svg: str) -> list[str]:
    """Every text of a drawing, in drawing order (tspans joined)."""
    return [html.unescape(re.sub(r"<[^>]+>", " ", t)).strip()
            for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)]


def _alt(svg: str) -> tuple[str, str]:
    titel = re.search(r"<title id=\"([^\"]+)\">([^<]+)</title>", svg)
    uitleg = re.search(r"<desc id=\"([^\"]+)\">([^<]+)</desc>", svg)
    assert titel
    assert uitleg
    assert f'aria-labelledby="{titel.group(1)} {uitleg.group(1)}"' in svg
    assert 'role="img"' in svg
    return html.unescape(titel.group(2)), html.unescape(uitleg.group(2))


def _met_nazorgnorm(m: ija.Methodiek, dagen: int = 42) -> ija.Methodiek:
    """The Methodiek with a norm of the id design.md gives nazorg (the engine adds it later)."""
    basis = m.norm("intake-binnen-6-weken")
    norm = attrs.evolve(basis, id=diagram.NAZORG_NORM, naam="Nazorg na een overdracht",
                        dagen=dagen)
    return attrs.evolve(m, normen=(*m.normen, norm))


# --- fase 4: the handover route -------------------------------------------------------------


@pytest.fixture(scope="module")
def paginas() -> dict[str, str]:
    return dict(genereer_paginas(M).paginas)


def test_fase_4_page_and_handout_show_the_route_and_no_other_fase_does(
    paginas: dict[str, str],
) -> None:
    for f in M.fasen:
        for pad, sleutel in ((pad_fase(f.id), "ija-figuur--overdracht "),
                             (tr.pad_handout(f.id), "ija-figuur--overdracht-kort ")):
            heeft = sleutel in paginas[pad]
            assert heeft == (f.id == "afronding"), pad
            assert paginas[pad].count("ija-figuur--overdracht") == heeft, pad


def test_the_handouts_strip_has_the_same_steps_and_soort_in_little_room() -> None:
    figuur = diagram.overdracht_kort(M)
    breed, smal = _tekenen(figuur)
    teksten = _teksten(breed)
    plek = [teksten.index(s) for s in STAPPEN]
    assert plek == sorted(plek)
    for s in diagram.OVERDRACHTSROUTE:
        assert s.kort in teksten
        assert len(s.kort) <= 22
    assert "handboek: alle vier de stappen" in teksten
    assert breed.count('marker-end="url(#ija-overdracht-kort') == len(STAPPEN) - 1
    assert int(re.search(r'viewBox="0 0 \d+ (\d+)"', breed).group(1)) <= 100  # one A4 sheet
    lang = _tekenen(diagram.overdracht(M))[1].split("</svg>")[0]
    assert smal.split("</svg>")[0] == lang.replace("overdracht-smal", "overdracht-kort-smal")
    assert "keuze" not in figuur
    met = diagram.overdracht_kort(_met_nazorgnorm(M))
    assert " ".join(_teksten(_tekenen(met)[0])).count("binnen 6 weken: keuze van ija-core") == 1
    assert _alt(_tekenen(met)[0])[1] == _alt(_tekenen(diagram.overdracht(_met_nazorgnorm(M)))[0])[1]


def test_the_route_runs_from_referral_to_the_final_talk_in_both_drawings() -> None:
    for svg in _tekenen(diagram.overdracht(M)):
        teksten = _teksten(svg)
        plek = [teksten.index(s) for s in STAPPEN]
        assert plek == sorted(plek), teksten
        assert "bij de organisatie" in teksten
        assert "bij de jongere" in teksten
        # an arrow between each two steps, and the soort of each step said beside it
        assert svg.count('marker-end="url(#ija-overdracht') == len(STAPPEN) - 1
        assert svg.count('class="ija-svg__cel--handboek"') == len(STAPPEN)
        assert teksten.count("handboek") == len(STAPPEN)
        assert any("bereikbaar" in t for t in " ".join(teksten).split(". "))
        # trainer words: no ids, no event types
        for woord in ("overdrachtsgesprek\"", "verwijzing-uitkomst", "nazorg-na-overdracht",
                      "eindgesprek-bij-afsluiten"):
            assert woord not in " ".join(teksten)


def test_without_a_nazorg_norm_the_route_claims_no_termijn() -> None:
    figuur = diagram.overdracht(M)
    assert diagram.nazorgtermijn(M) is None
    assert "keuze" not in figuur
    assert "weken" not in figuur


def test_the_six_weeks_are_marked_as_ija_cores_choice() -> None:
    m = _met_nazorgnorm(M)
    figuur = diagram.overdracht(m)
    for svg in _tekenen(figuur):
        assert svg.count('class="ija-svg__cel--keuze"') == 1
        tekst = " ".join(_teksten(svg))
        assert "binnen 6 weken" in tekst
        assert "keuze van ija-core" in tekst
        _, uitleg = _alt(svg)
        assert "binnen 6 weken" in uitleg
        assert "keuze van ija-core" in uitleg
    assert "6 weken voor de nazorg is een keuze van ija-core" in html.unescape(figuur)
    # the termijn follows the norm: another number, another text
    assert "binnen 3 weken" in diagram.overdracht(_met_nazorgnorm(M, 21))


def test_the_route_has_a_text_alternative_naming_every_step() -> None:
    for svg in _tekenen(diagram.overdracht(M)):
        titel, uitleg = _alt(svg)
        assert titel == "De warme overdracht in fase 4"
        for s in diagram.OVERDRACHTSROUTE:
            assert f"{s.naam}: {s.wat}" in uitleg
            assert "handboek" in uitleg
        assert "bij de organisatie en bij de jongere" in uitleg
        # no text smaller than the site's 13 px class; the narrow drawing fits a phone
        assert "font-size" not in svg
    _, smal = _tekenen(diagram.overdracht(M))
    assert int(re.search(r'viewBox="0 0 (\d+) ', smal).group(1)) <= 358


# --- the netwerk page: op- and afschalen, the overleggen beside them ------------------------


def _vakken(svg: str) -> dict[str, list[str]]:
    """The texts of each box of the op/afschalen picture, by the box's class."""
    uit: dict[str, list[str]] = {}
    huidige = None
    for deel in re.findall(r'<rect [^>]*class="([^"]+)"/>|<text[^>]*>(.*?)</text>|<(line|ellipse) ',
                           svg, re.S):
        klasse, tekst, anders = deel
        if anders:  # a box's texts follow its rect, up to the next line or shape
            huidige = None
        elif klasse:
            huidige = klasse
            uit[huidige] = []
        elif huidige is not None:
            uit[huidige].append(html.unescape(re.sub(r"<[^>]+>", "", tekst)))
    return uit


def test_opschalen_and_afschalen_are_two_directions_with_the_overleggen_apart() -> None:
    for svg in _tekenen(netwerk.op_en_afschalen(M)):
        vakken = _vakken(svg)
        op = " ".join(vakken["ija-svg__schaal-op"])
        af = " ".join(vakken["ija-svg__schaal-af"])
        naast = " ".join(vakken["ija-svg__overleg"])
        assert op.startswith("Opschalen")
        assert af.startswith("Afschalen")
        for o in M.opschalingen:  # every opschaling, in words, in the opschalen box only
            assert netwerk._in_zin(o.naam) in op or o.naam in op, o.id
            assert o.naam not in naast
        for o in M.overleggen:  # the tables beside, never in a direction's box
            assert o.naam in naast
            assert o.naam not in op
            assert o.naam not in af
        for relatie in ("buurthuis", "familie", "buren"):
            assert M.relatie(relatie).naam in af
        assert "drang en dwang" in op
        assert "andere vorm" in op.lower()
        # two arrows (up and down); the line to the overleggen has no arrowhead
        assert svg.count('marker-end="url(#ija-schaal') == 2
        titel, uitleg = _alt(svg)
        assert "Opschalen" in titel
        assert "overleggen" in titel
        assert "geen richting" in uitleg
        for o in (*M.opschalingen, *M.overleggen):
            assert o.naam.lower() in uitleg.lower(), o.id
        assert "zwaar" not in " ".join(_teksten(svg)) + uitleg
        assert "streng" not in " ".join(_teksten(svg)) + uitleg


def test_the_netwerk_page_shows_the_picture_and_both_tables(paginas: dict[str, str]) -> None:
    pagina = paginas[netwerk.PAD]
    deel = pagina.split("## Opschalen en afschalen")[1].split("## De regels")[0]
    assert "ija-figuur--schalen" in deel
    assert "\n| Waarheen | Soort | Bron |" in deel
    assert "\n| Overleg | Bron |" in deel
    tabel_op = deel.split("| Waarheen |")[1].split("| Overleg |")[0]
    for o in M.overleggen:
        assert o.naam not in tabel_op  # the tables are no escalation target
        assert f"| {o.naam} | *handboek*: " in deel
    for o in M.opschalingen:
        assert f"| {o.naam} | " in tabel_op
    assert "geen opschaling" in deel
    # the soort of every relatie's bron next to it
    for r in M.relaties:
        assert f"| {esc(r.naam)} | " in pagina
    assert pagina.count("| *handboek*: ") >= len(M.relaties) + len(M.opschalingen)


def test_a_plugins_overleg_and_opschaling_show_on_the_page() -> None:
    bron = ija.Bron(soort="aanbieder", toelichting="Van de plugin buurt.")

    class Buurt:
        IJA_PLUGIN_NAAM = "buurt"

        @ija.hookimpl
        def ija_overleggen(self) -> list[ija.Overleg]:
            return [ija.Overleg(id="buurt:tafel", naam="Buurttafel Noord", bron=bron),
                    ija.Overleg(id="buurt:lang", naam="Overleg van alle partners in de "
                                "buurt over wat er op straat gebeurt", bron=bron)]

        @ija.hookimpl
        def ija_opschalingen(self) -> list[ija.Opschaling]:
            return [ija.Opschaling(id="buurt:time-out", naam="Time-outplek", soort="time-out",
                                   bron=bron)]

    m = ija.load_methodiek(plugins=[Buurt()], entrypoints=False)
    figuur = netwerk.op_en_afschalen(m)
    for svg in _tekenen(figuur):
        vakken = _vakken(svg)
        assert "Buurttafel Noord" in " ".join(vakken["ija-svg__overleg"])
        # a long name is wrapped inside its box (about 7 px a character at 13 px)
        rand = re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*'
                         r'class="ija-svg__overleg"', svg)
        assert rand
        ruimte = float(rand.group(2)) - 14
        for regel in vakken["ija-svg__overleg"][1:]:
            assert 7 * len(regel) <= ruimte + 7, regel
        assert "Time-outplek" in " ".join(vakken["ija-svg__schaal-op"])
    pagina = netwerk.netwerk(m)
    assert "| Buurttafel Noord | *aanbieder*: Van de plugin buurt. |" in pagina
    assert "| Time-outplek | time-out | *aanbieder*: Van de plugin buurt. |" in pagina


def test_relaties_that_do_not_fit_a_ring_are_listed_below_it_never_lost() -> None:
    bron = ija.Bron(soort="aanbieder", toelichting="Van de plugin veel.")

    class Veel:
        IJA_PLUGIN_NAAM = "veel"

        @ija.hookimpl
        def ija_relaties(self) -> list[ija.Relatie]:
            return [ija.Relatie(id=f"veel:partij-{i}", naam=f"Buurtpartij nummer {i}",
                                rol="wijknetwerk", bron=bron) for i in range(40)]

    m = ija.load_methodiek(plugins=[Veel()], entrypoints=False)
    breed, smal = _tekenen(netwerk.netwerkcirkels(m))
    tekst = " ".join(_teksten(breed))
    assert "Ook in het netwerk:" in tekst
    for r in m.relaties:
        naam = netwerk._korte_naam(r.naam)
        assert naam in tekst or " ".join(naam.split()) in " ".join(tekst.split()), r.id
        assert naam in " ".join(_teksten(smal)), r.id
    vakken = [tuple(map(float, v)) for v in re.findall(
        r'<rect x="([\d.-]+)" y="([\d.-]+)" width="(\d+)" height="(\d+)" rx="4" '
        r'class="ija-svg__labelvlak"/>', breed)]
    for i, (x1, y1, w1, h1) in enumerate(vakken):
        for x2, y2, w2, h2 in vakken[i + 1:]:
            assert not (x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1)


# --- own words -------------------------------------------------------------------------------


def test_the_new_texts_copy_no_seven_words_from_the_handbook(paginas: dict[str, str]) -> None:
    if not SEED.is_dir():
        pytest.skip(f"de handboektekst staat niet in {SEED}")

    def woorden(tekst: str) -> list[str]:
        return re.findall(r"[a-zà-ÿ0-9]+", tekst.lower())

    handboek = woorden(" ".join(f.read_text(encoding="utf-8") for f in SEED.glob("*.txt")))
    zevens = {tuple(handboek[i:i + 7]) for i in range(len(handboek) - 6)}
    fase4 = paginas[pad_fase("afronding")]
    teksten = {
        "netwerkpagina": paginas[netwerk.PAD],
        "overdracht in beeld": fase4.split("### De overdracht in beeld")[1].split("## Kern")[0],
        "overdracht met termijn": diagram.overdracht(_met_nazorgnorm(M)),
    }
    for naam, tekst in teksten.items():
        w = woorden(html.unescape(re.sub(r"<[^>]+>|\]\([^)]*\)", " ", tekst)))
        overlap = [" ".join(w[i:i + 7]) for i in range(len(w) - 6) if tuple(w[i:i + 7]) in zevens]
        assert not overlap, (naam, overlap)
