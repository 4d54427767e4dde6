"""The site: the trainers' page on the groepsaanpak and the group events for developers."""

from __future__ import annotations

import html

import ija_core as ija
from ija_core.docs.paginas import genereer_paginas


def test_the_groepsaanpak_page_for_trainers() -> None:
    from ija_core.docs._groep_pagina import PAD

    m = ija.load_methodiek(entrypoints=False)
    paginas = genereer_paginas(m)
    pagina = paginas.paginas[PAD]
    assert 'role="img" aria-labelledby="ija-groep-titel ija-groep-uitleg"' in pagina
    assert '<title id="ija-groep-titel">De groepsaanpak</title>' in pagina
    uitleg = html.unescape(
        pagina.partition('<desc id="ija-groep-uitleg">')[2].partition("</desc>")[0]
    )
    for woord in ("zes jongeren", "jongerenwerk", "24 uur", "ouder", "weekend"):
        assert woord in uitleg
    zichtbaar = html.unescape(pagina.partition('<details class="ija-techniek"')[0])
    for n in ("groep-contact-na-melding-24-uur", "groep-contact-per-week"):
        norm = m.norm(n)
        assert f"**{norm.naam}**" in zichtbaar
        assert norm.bron.toelichting in zichtbaar
        assert norm.id not in zichtbaar  # ids stay in the developer box
    assert "handboek:" in zichtbaar or "uit het handboek" in zichtbaar
    assert "Standaard uit" in zichtbaar  # the weekly norm is opt-in
    for r in m.groepsregels:
        assert f"**{r.naam}**" in zichtbaar
    trainers = next(
        i["Voor trainers"] for i in paginas.nav if isinstance(i, dict) and "Voor trainers" in i
    )
    assert {"De groepsaanpak": PAD} in trainers


def test_the_event_page_describes_the_group_events() -> None:
    pagina = genereer_paginas(ija.load_methodiek(entrypoints=False)).paginas[
        "ontwikkelaars/gebeurtenissen.md"
    ]
    assert "## Groepen: de gebeurtenissen van een groep" in pagina
    assert "ija-groep/1" in pagina
    for soort in ija.groep.GROEP_EVENT_TYPEN:
        assert f"### `{soort}` {{ #{soort} }}" in pagina
    assert "<code>melder</code>" in pagina
