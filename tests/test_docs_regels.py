"""The site's rule pages read ``m.regels``: every rule with its soort of bron, placed by its own data."""

from __future__ import annotations

import re

import ija_core as ija
from ija_core.docs._markdown import code, esc
from ija_core.docs._regels import BRONSOORT_LABEL, regels_bij_fase
from ija_core.docs.paginas import genereer_paginas


class _Plugin:
    IJA_PLUGIN_NAAM = "proef"

    @ija.hookimpl
    def ija_overgangsregels(self) -> list[ija.Regel]:
        return [
            ija.Regel(
                id="proef:eerst-school",
                naam="Eerst school",
                uitleg="Naar uitvoering pas met een doel op scholing.",
                bron=ija.Bron(soort="aanbieder", toelichting="Afspraak van Proef."),
                toets=lambda _t, _e: None,
                gebeurtenissen=("fase-gewijzigd",),
                naar=("uitvoering",),
            )
        ]


def test_every_rule_is_shown_with_its_soort_and_no_heading_claims_all_for_the_handbook() -> None:
    m = ija.load_methodiek(plugins=[_Plugin()], entrypoints=False)
    paginas = genereer_paginas(m).paginas
    for pad, sleutel in (
        ("overgangen.md", lambda r: f"| {esc(r.naam)} |"),  # trainers: by name, no ids
        ("ontwikkelaars/regels-en-normen.md", lambda r: code(r.id)),
    ):
        tekst = paginas[pad]
        for regel in m.regels:
            rij = next(r for r in tekst.splitlines() if sleutel(regel) in r)
            if regel in m.overgangsregels:
                assert "proef" in rij or pad == "overgangen.md"
            else:
                assert esc(BRONSOORT_LABEL[regel.bron.soort]) in rij, rij
        koppen = re.findall(r"^#+ .*$", tekst, re.M)
        assert not [k for k in koppen if "regels van het handboek" in k.lower()]
    uitvoering = paginas["fasen/uitvoering.md"]  # a trainer page: names, no ids
    assert esc("Eerst school") in uitvoering
    assert "proef:eerst-school" not in uitvoering
    assert esc("keuze van ija-core") in paginas["fasen/verdieping.md"]  # fase-volgorde's soort


def test_fase_pages_place_rules_from_their_own_naar_and_van(m: ija.Methodiek) -> None:
    def ids(fase: str) -> tuple[list[str], list[str]]:
        binnen, verlaten = regels_bij_fase(m, fase)
        return [r.id for r in binnen], [r.id for r in verlaten]

    binnen, verlaten = ids("vertrouwen")
    assert "doelgroep-leeftijd" in binnen
    assert "contact-voor-verdieping" not in binnen
    assert "terugval-met-reden" not in verlaten
    assert "fase-volgorde" in verlaten
    binnen, verlaten = ids("afronding")
    assert "evaluatie-voor-afronding" in binnen
    assert "doelgroep-leeftijd" not in binnen
    assert {"afsluiten-met-hulpvraag", "afsluiten-met-zorg", "terugval-met-reden"} <= set(verlaten)
    assert "afsluiten-met-hulpvraag" not in ids("uitvoering")[1]
    alle = {i for f in m.fasen for kant in ids(f.id) for i in kant}
    assert "chronologie" not in alle  # about every event, shown on the overview pages only
