"""The trainer page "Over de aanpak": ``ija_core.aanpak`` with, for each part, where the
handbook says it (its ``bron``)."""

from __future__ import annotations

from ija_core.aanpak import AANPAK, Aanpak
from ija_core.bron import Bron
from ija_core.docs._markdown import esc, opsomming, tabel

OVER_DE_AANPAK = "trainers/over-de-aanpak.md"


def _bron(bron: Bron) -> str:
    """A line naming the bron of a section, so a trainer sees it is the handbook's."""
    soort = "uit het handboek" if bron.soort == "handboek" else f"bron: {bron.soort}"
    return f"*Bron ({soort}): {esc(bron.toelichting)}*\n"


def over_de_aanpak(aanpak: Aanpak = AANPAK) -> str:
    """The mission and its outcomes, the context figures and history, intensity, the coach's
    route and profile, and matching, each section with its bron."""
    missie, cijfers, coach = aanpak.missie, aanpak.kengetallen, aanpak.coach
    bronnen = [missie.bron, cijfers.bron, aanpak.intensiteit.bron, aanpak.route_bron, coach.bron,
               *(k.bron for k in aanpak.matching)]
    herkomst = (
        "De inhoud van elk deel komt uit het handboek; de woorden, de koppen en de indeling "
        "zijn van ija-core. Onder elk deel staat waar het handboek het zegt."
        if all(b.soort == "handboek" for b in bronnen)
        else "De woorden, de koppen en de indeling zijn van ija-core; onder elk deel staat "
        "waar de inhoud vandaan komt."
    )
    delen = [
        "# Over de aanpak\n",
        f"Waar de Intensieve Jongerenaanpak voor staat. {herkomst}\n",
        "## Missie\n",
        f"{esc(missie.beschrijving)}\n",
        "Waar een traject naartoe werkt:\n",
        opsomming(f"**{esc(u.naam)}**: {esc(u.beschrijving)}" for u in missie.uitkomsten),
        "De coach let daarbij op "
        + " en ".join(esc(v) for v in missie.vaardigheden)
        + f". {esc(missie.doel)}\n",
        _bron(missie.bron),
        "## Rotterdam in cijfers\n",
        tabel(
            ("Wat", "Aantal"),
            [
                ("Jongeren van 12 tot en met 27 jaar", f"{cijfers.jongeren:,}".replace(",", ".")),
                (
                    "Van wie risicojongeren",
                    f"ongeveer {cijfers.risicojongeren:,}".replace(",", "."),
                ),
                ("Fte intensief jongerencoaches", str(cijfers.fte)),
                ("Wijkteams", str(cijfers.wijkteams)),
            ],
        ),
        f"{esc(cijfers.pilot)} Sinds {cijfers.uitgevoerd_sinds.day} januari "
        f"{cijfers.uitgevoerd_sinds.year} voeren deze aanbieders het uit: "
        + ", ".join(esc(a) for a in cijfers.aanbieders)
        + ".\n",
        "Hoe de aanpak ontstond:\n",
        opsomming(f"**{m.jaar}**: {esc(m.omschrijving)}" for m in cijfers.geschiedenis),
        _bron(cijfers.bron),
        f"## {esc(aanpak.intensiteit.naam)}\n",
        f"{esc(aanpak.intensiteit.beschrijving)}\n",
        _bron(aanpak.intensiteit.bron),
        "## De route met de coach\n",
        opsomming(f"**{s.nummer}. {esc(s.naam)}**: {esc(s.beschrijving)}" for s in aanpak.route),
        _bron(aanpak.route_bron),
        "## De coach\n",
        f"Opleiding: {esc(coach.opleiding)}; geregistreerd in het {esc(coach.registratie)}. "
        f"Kennis van: {', '.join(esc(k) for k in coach.kennis)}. {esc(coach.bijscholing)}\n",
        "Grondhouding:\n",
        opsomming(esc(g) for g in coach.grondhouding),
        _bron(coach.bron),
        "## Matching\n",
    ]
    for k in aanpak.matching:
        delen.append(f"**{esc(k.naam)}**: {esc(k.beschrijving)}\n")
        delen.append(_bron(k.bron))
    return "\n".join(delen)
