"""What each field of a typed result means and which values it takes (issue 19).

Every field of the built-in result records carries a Dutch ``betekenis`` and ``grenzen`` in
its attrs metadata; ``ija instrument`` and the instrument pages show them, and a plugin's
field without them is shown as not given, never guessed.
"""

from __future__ import annotations

import json

import attrs
import pytest

from ija_core.cli import main
from ija_core.docs._catalogus_paginas import resultaatvelden
from ija_core.tools import results
from ija_core.tools.results import veldbetekenis
from ija_core.tools.zrm import ZRM_NIVEAUS

KLASSEN = [getattr(results, n) for n in results.__all__]


@pytest.mark.parametrize("klasse", KLASSEN, ids=lambda k: k.__name__)
def test_every_built_in_result_field_says_what_it_means_and_its_bounds(klasse: type) -> None:
    for veld in attrs.fields(klasse):
        betekenis, grenzen = veldbetekenis(veld)
        assert betekenis, f"{klasse.__name__}.{veld.name}"
        assert grenzen, f"{klasse.__name__}.{veld.name}"


def _grenzen(klasse: type, veld: str) -> str:
    grenzen = veldbetekenis(attrs.fields_dict(klasse)[veld])[1]
    assert grenzen is not None
    return grenzen


def test_the_stated_bounds_are_the_ones_the_validators_keep() -> None:
    """The text and the validator agree: the ends named are accepted, one past them refused."""
    schaal = {"onderwerp": "thuis", "betekenis_0": "slecht", "betekenis_10": "goed"}
    assert "van 0 tot en met 10" in _grenzen(results.Schaalvraagresultaat, "score")
    for score in (0, 10):
        results.Schaalvraagresultaat(score=score, **schaal)
    for score in (-1, 11):
        with pytest.raises(ValueError, match="score"):
            results.Schaalvraagresultaat(score=score, **schaal)
    zrm = _grenzen(results.ZrmResultaat, "scores")
    assert f"1 ({ZRM_NIVEAUS[1]}) tot en met 5 ({ZRM_NIVEAUS[5]})" in zrm
    assert min(ZRM_NIVEAUS) == 1
    assert max(ZRM_NIVEAUS) == 5
    persoon = {"naam": "Sam", "relatie": "oom"}
    for veld in ("belang", "nabijheid"):
        assert "van 1 " in _grenzen(results.Persoon, veld)
        assert "keuze van ija-core" in _grenzen(results.Persoon, veld)  # not the handbook's
        results.Persoon(**persoon, **{"belang": 3, "nabijheid": 3, veld: 5})
        with pytest.raises(ValueError, match=veld):
            results.Persoon(**persoon, **{"belang": 3, "nabijheid": 3, veld: 6})
    assert "minstens één" in _grenzen(results.MindmapResultaat, "takken")
    with pytest.raises(ValueError, match="takken"):
        results.MindmapResultaat(centraal_thema="school", takken=())


def test_ija_instrument_shows_meaning_and_bounds_of_nested_fields_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["instrument", "bolletjesschema"]) == 0
    uit = capsys.readouterr().out
    assert "een Persoon bestaat uit:" in uit
    for veld in attrs.fields(results.Persoon):
        betekenis, grenzen = veldbetekenis(veld)
        assert f"betekenis: {betekenis}" in uit
        assert f"grenzen:   {grenzen}" in uit
    assert main(["instrument", "--json", "bolletjesschema"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["resultaatvelden"][0]["betekenis"] == "de mensen die de jongere noemt"
    belang = next(v for v in data["resultaatklassen"]["Persoon"] if v["naam"] == "belang")
    assert belang["grenzen"] == _grenzen(results.Persoon, "belang")


def test_a_result_without_any_meanings_says_so_once() -> None:
    @attrs.frozen(kw_only=True)
    class Kaal:
        a: str
        b: int

    tekst = resultaatvelden(Kaal)
    assert "Betekenis" not in tekst
    assert tekst.count("zegt de klasse niet") == 1


def test_the_instrument_page_shows_meaning_and_bounds() -> None:
    tekst = resultaatvelden(results.ZrmResultaat)
    assert "| Veld | Betekenis | Soort waarde | Grenzen | Verplicht |" in tekst
    assert "acute problematiek" in tekst
    assert "volledig zelfredzaam" in tekst


@attrs.frozen(kw_only=True)
class _PluginResultaat:
    zonder: str
    vijandig: int = attrs.field(
        default=1,
        metadata={
            "betekenis": "kleur\x1b[31m <script>alert(1)</script>\nregel",
            "grenzen": 5,  # not a text: not shown
        },
    )


def test_a_plugins_field_without_them_is_not_guessed_and_hostile_text_stays_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    zonder, vijandig = attrs.fields(_PluginResultaat)
    assert veldbetekenis(zonder) == (None, None)
    betekenis, grenzen = veldbetekenis(vijandig)
    assert grenzen is None
    assert betekenis is not None
    assert "\x1b" not in betekenis
    assert "\n" not in betekenis
    tekst = resultaatvelden(_PluginResultaat)
    assert "<script>" not in tekst
    assert "| <code>zonder</code> | – | tekst | – | ja |" in tekst  # empty cells, no guess

    from ija_core.cli import catalogus

    catalogus._print_velden(_PluginResultaat)
    uit = capsys.readouterr().out
    assert "betekenis: niet opgegeven" in uit
    assert "\x1b" not in uit
