"""The trainers' pages: lesson plan, handout stamp, glossary, reproducible build, 404 on serve."""

from __future__ import annotations

import filecmp
import html
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import ija_core as ija
from ija_core.docs import _casus_paginas as cas
from ija_core.docs import _lesplan as les
from ija_core.docs import _trainers_paginas as tr
from ija_core.docs import bouw_site, genereer_paginas
from ija_core.docs._glossary import AFKORTINGEN, BEGRIPPEN, begrippen_pagina, sorteersleutel


@pytest.fixture(scope="module")
def m() -> ija.Methodiek:
    return ija.load_methodiek(entrypoints=False)


# --- the lesson plan -------------------------------------------------------------------------


@pytest.mark.parametrize("sessie", les.SESSIES, ids=lambda s: s.id)
def test_the_minutes_of_a_session_add_up_to_its_length(sessie: les.Sessie) -> None:
    assert sum(b.minuten for b in sessie.blokken) == sessie.duur
    assert all(b.minuten > 0 for b in sessie.blokken)


def test_there_is_a_two_hour_session_and_a_half_day() -> None:
    assert [s.duur for s in les.SESSIES] == [120, 210]


def test_every_block_points_at_a_real_handout_casus_and_question(m: ija.Methodiek) -> None:
    casussen = {c.naam for c in cas.CASUSSEN}
    fasen = {f.id for f in m.fasen}
    for s in les.SESSIES:
        for b in s.blokken:
            assert b.handout in fasen | {les.HELE_METHODIEK, None}, b
            assert b.casus in casussen | {None}, b
            if b.vragen:
                assert b.handout in fasen, b
                assert all(1 <= n <= len(tr.reflectievragen(m, b.handout)) for n in b.vragen), b
    gebruikt = {b.handout for s in les.SESSIES for b in s.blokken}
    assert fasen <= gebruikt  # the half-day uses every handout
    assert casussen <= {b.casus for s in les.SESSIES for b in s.blokken}


def test_the_lesson_plan_page_shows_blocks_minutes_werkvormen_material_and_questions(
    m: ija.Methodiek,
) -> None:
    paginas = genereer_paginas(m)
    pagina = html.unescape(paginas.paginas[les.PAD])
    assert pagina.startswith("# Lesplan\n")
    assert "Eigen materiaal van ija-core" in pagina
    assert "Het handboek heeft geen lesplan" in pagina
    for s in les.SESSIES:
        begin = 0
        for b in s.blokken:
            assert (f"| {begin}–{begin + b.minuten}<br>({b.minuten} min) | "
                    f"**{b.titel}**<br>{b.werkvorm} |") in pagina
            begin += b.minuten
    assert "(handout-vertrouwen.md)" in pagina
    assert "(../casussen/enzo.md)" in pagina
    eerste = tr.reflectievragen(m, "vertrouwen")[2].vraag
    assert f"**Vraag 3:** {eerste}" in pagina
    (trainers,) = [i["Voor trainers"] for i in paginas.nav
                   if isinstance(i, dict) and "Voor trainers" in i]
    assert {"Lesplan": les.PAD} in trainers


# --- the stamp on every printed sheet --------------------------------------------------------


def test_the_build_date_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796515200")  # 2026-12-06 00:00 UTC
    stempel = tr.bouwstempel()
    assert stempel.datum == date(2026, 12, 6)
    assert stempel.datum_voluit == "6 december 2026"
    assert stempel.versie == ija.__version__
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773360000")
    assert tr.bouwstempel().datum_voluit == "13 maart 2026"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert tr.bouwstempel().datum == date.today()


@pytest.mark.parametrize("waarde", ["gisteren", "1.5", "9" * 30])
def test_a_bad_source_date_epoch_is_a_dutch_error(
    monkeypatch: pytest.MonkeyPatch, waarde: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", waarde)
    with pytest.raises(ija.IjaError, match="SOURCE_DATE_EPOCH moet een geheel aantal"):
        tr.bouwstempel()


def test_each_handout_says_version_date_and_handbook_section(m: ija.Methodiek) -> None:
    stempel = tr.Bouwstempel("9.9.9", date(2027, 1, 31))
    paginas = genereer_paginas(m, stempel=stempel).paginas
    for f in m.fasen:
        pagina = html.unescape(paginas[tr.pad_handout(f.id)])
        assert "ija-core 9.9.9 · gemaakt op 31 januari 2027" in pagina
        assert f"De methodiek: de tabel van fase {f.nummer}, {f.volledige_naam}" in pagina
    assert "gemaakt op 31 januari 2027" in paginas[tr.HELE_METHODIEK]


# --- the glossary ----------------------------------------------------------------------------


def test_the_glossary_is_sorted_and_complete() -> None:
    pagina = html.unescape(begrippen_pagina())
    afkortingen, begrippen = pagina.split("## Begrippen\n")
    for deel in (afkortingen, begrippen):
        termen = re.findall(r"\n\n([^\n:][^\n]*)\n:   ", deel)
        assert len(termen) > 5
        assert termen == sorted(termen, key=sorteersleutel), termen
    namen = {b for b, _ in BEGRIPPEN}
    assert {"Dwang", "Duwkracht organiseren", "Jeugdhotspotoverleg",
            "Centraal Onthaal Jongeren", "Actietafel bankslapers"} <= namen
    assert ("SKJ", "Stichting Kwaliteitsregister Jeugd") in {(a, v) for a, v, _ in AFKORTINGEN}
    assert sorteersleutel("Eén gezin") < sorteersleutel("Leefgebied")


# --- the build is reproducible; serve shows the 404 page -------------------------------------


@pytest.mark.slow
def test_a_second_build_gives_the_same_site(
    tmp_path: Path, m: ija.Methodiek, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796515200")
    bouw_site(tmp_path / "a", methodiek=m)
    bouw_site(tmp_path / "b", methodiek=m)
    a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert a == b
    _, anders, fout = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", a, shallow=False)
    assert (anders, fout) == ([], [])
    assert "gemaakt op 6 december 2026" in (
        tmp_path / "a" / "trainers" / "handout-vertrouwen.html").read_text(encoding="utf-8")


def test_the_404_page_gets_a_base_on_a_server_and_none_from_a_folder(tmp_path: Path) -> None:
    from ija_core.docs.bouw import _maak_404_relatief

    (tmp_path / "404.html").write_text(
        '<html><head><meta charset="utf-8"><link href="/assets/a.css"></head><body>'
        '<script id="__config" type="application/json">{"base": "/", "search": '
        '"/assets/s.js"}</script><script src="/assets/b.js"></script></body></html>',
        encoding="utf-8",
    )
    _maak_404_relatief(tmp_path)
    tekst = (tmp_path / "404.html").read_text(encoding="utf-8")
    assert '<link href="assets/a.css">' in tekst
    assert '"base": "."' in tekst
    assert '"search": "assets/s.js"' in tekst
    kop = tekst.index("<head>") + len("<head>")
    assert tekst[kop:].startswith('<script>if(location.protocol!=="file:")')
    assert tekst.index('b.href="/"') < tekst.index("assets/a.css")
    assert tekst.index("j.base=document.baseURI") < tekst.index('src="assets/b.js"')


@pytest.fixture
def built_server() -> Iterator[str]:
    """``ija docs serve`` on a free localhost port (a full build first); stopped after."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        poort = sock.getsockname()[1]
    adres = f"http://127.0.0.1:{poort}/"
    proces = subprocess.Popen(
        [sys.executable, "-m", "ija_core.cli", "docs", "serve", "--poort", str(poort)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    geen_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        einde = time.monotonic() + 120
        while True:
            assert proces.poll() is None, "ija docs serve stopte"
            try:
                with geen_proxy.open(adres + "index.html", timeout=5):
                    break
            except OSError:
                assert time.monotonic() < einde, "ija docs serve antwoordt niet"
                time.sleep(0.5)
        yield adres
    finally:
        proces.send_signal(signal.SIGINT)
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(timeout=10)


@pytest.mark.slow
def test_serve_answers_a_missing_page_with_the_404_page(built_server: str) -> None:
    geen_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with pytest.raises(urllib.error.HTTPError) as fout:
        geen_proxy.open(built_server + "a/b/c/bestaat-niet.html", timeout=10)
    assert fout.value.code == 404
    inhoud = fout.value.read().decode("utf-8")
    assert "Deze pagina bestaat niet" in inhoud
    assert fout.value.headers["Content-Type"] == "text/html; charset=utf-8"
    with pytest.raises(urllib.error.HTTPError) as fout:  # a folder is never listed
        geen_proxy.open(built_server + "assets/", timeout=10)
    assert fout.value.code == 404
    assert "Deze pagina bestaat niet" in fout.value.read().decode("utf-8")


# --- trainer pages in trainers' words ---------------------------------------------------------

_ONTWIKKELAARSWOORDEN = ("groepsbestand", "ija.normtoets", "ija groep", "'geen-reactie'",
                         "in amsterdam", "voorbeeldbestand", "traject-id")


def test_trainer_pages_use_no_developer_words() -> None:
    m = ija.load_methodiek(entrypoints=False)
    fout = []
    for pad, tekst in genereer_paginas(m).paginas.items():
        if pad.startswith(("ontwikkelaars/", "plugins/")):
            continue
        zichtbaar = re.sub(r'<details class="ija-techniek".*?</details>', "", tekst, flags=re.S)
        zichtbaar = html.unescape(zichtbaar)
        fout += [f"{pad}: {w}" for w in _ONTWIKKELAARSWOORDEN if w in zichtbaar.lower()]
        fout += [f"{pad}: `{c}`" for c in re.findall(r"`([^`\n]+)`", zichtbaar)]
    assert not fout


# --- instrument lists: the handbook's first, ours apart, fewer, each reason once ------------


def test_fase_pages_list_the_handbooks_instruments_first_and_ours_apart(m: ija.Methodiek) -> None:
    from ija_core.docs._methodiek_paginas import fase

    for f in m.fasen:
        tekst = fase(m, f.id)
        lijst = tekst.partition("## Instrumenten die bij deze fase passen")[2].partition("\n## ")[0]
        assert lijst.lstrip().startswith("**Het handboek"), f.id
        volle_regels = [r for r in lijst.splitlines() if r.startswith("- ")]
        # at most the handbook's and the ones ija-core first suggests here get a full line
        assert len(volle_regels) <= 10, (f.id, len(volle_regels))
        for i in m.instrumenten_voor(fase=f.id):
            assert f"]({'../instrumenten/' + i.id + '.md'})" in lijst, (f.id, i.id)
            plek = i.plaatsing_in(fase=f.id)
            assert plek is not None
            if plek.bron.soort == "keuze":
                assert html.unescape(lijst).count(plek.bron.toelichting) <= 1, (f.id, i.id)
    uitvoering = fase(m, "uitvoering").partition("## Instrumenten")[2]
    assert uitvoering.index("JIM") < uitvoering.index("Voorstel van ija-core")


def test_an_instrument_page_says_each_reason_once(m: ija.Methodiek) -> None:
    from ija_core.docs._catalogus_paginas import instrument

    for i in m.instrumenten:
        tekst = html.unescape(instrument(m, i.id))
        for p in i.plaatsingen:
            assert tekst.count(p.bron.toelichting) == 1, (i.id, p.bron.toelichting)


def test_the_5g_page_gives_the_handbooks_guiding_questions_in_own_words(
    m: ija.Methodiek,
) -> None:
    from ija_core.docs._catalogus_paginas import instrument
    from ija_core.docs._werkwijze import WERKWIJZEN

    tekst = html.unescape(instrument(m, "5g-model"))
    how_to = tekst.partition("## Zo werk je ermee")[2].partition("## Waar het past")[0]
    for g in ("Gebeurtenis", "Gedachten", "Gevoelens", "Gedrag", "Gevolg"):
        assert re.search(rf"\*\*{g}\*\*: [^\n]+\?", how_to), g
    assert "Naverteld uit het overzicht van tools en interventies" in how_to
    assert "## Onderdelen" not in tekst  # the how-to names the parts already
    ids = {i.id for i in m.instrumenten}
    assert set(WERKWIJZEN) <= ids


def test_the_new_trainer_texts_copy_no_seven_words_from_the_handbook(m: ija.Methodiek) -> None:
    from ija_core.docs._werkwijze import WERKWIJZEN

    seed = Path(__file__).resolve().parents[2] / "shared" / "seed"  # shared/ beside the checkout
    if not seed.is_dir():
        pytest.skip(f"de handboektekst staat niet in {seed}")

    def woorden(tekst: str) -> list[str]:
        return re.findall(r"[a-zà-ÿ0-9]+", tekst.lower())

    handboek = woorden(" ".join(f.read_text(encoding="utf-8") for f in seed.glob("*.txt")))
    zevens = {tuple(handboek[i:i + 7]) for i in range(len(handboek) - 6)}
    paginas = genereer_paginas(m).paginas
    teksten = {
        "lesplan": paginas[les.PAD],
        "begrippen": begrippen_pagina(),
        **{f"werkwijze {k}": " ".join([w.inleiding, *(" ".join(s) for s in w.stappen)])
           for k, w in WERKWIJZEN.items()},
        **{f.id: paginas[tr.pad_handout(f.id)].partition("<p class=")[2].partition("</p>")[0]
           for f in m.fasen},
    }
    for naam, tekst in teksten.items():
        w = woorden(html.unescape(re.sub(r"\]\([^)]*\)", " ", tekst)))
        overlap = [" ".join(w[i:i + 7]) for i in range(len(w) - 6) if tuple(w[i:i + 7]) in zevens]
        assert not overlap, (naam, overlap)
