"""``ija groep toets GROEP.json MAP``: a group, its members' trajecten and the group norms.

Reads the group file (JSON: a list of group events or ``{"formaat": "ija-groep/1", "events":
[...]}``) and the members' traject files (a folder, or files, as ``ija signalen`` reads them;
group files among them are skipped), and shows on ``--peildatum``: the group (verwijzers,
status), its members with the fase and status of their own traject, the partners of the plan
van aanpak, the omgevingsanalyse, the meetings, the meldingen and, per member, the group norms
(``ija.groepstoets``; ``--lokaal`` adds the opt-in weekly contact norm).

Exit codes as every command (README): 0 the group replays (signals are no failure); 1 an event
of the group breaks a rule, or a traject file among the members cannot be read; 2 the group
file cannot be read or is invalid, or a member's traject is missing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ija_core.cli._basis import (
    aantal,
    als_json,
    json_optie,
    laad,
    peildag,
    peildatum_optie,
    schrijf_json,
    subcommando,
    tabel,
)
from ija_core.cli._fouten import meld
from ija_core.errors import OngeldigeInvoer, RegelOvertreding

if TYPE_CHECKING:  # the engine is imported by the command itself: 'ija --help' stays light
    from datetime import date

    from ija_core import Groep, Methodiek, Normuitkomst, Traject


def register(sub: Any) -> None:
    """Add ``ija groep`` with its sub-command ``toets``."""
    p = subcommando(sub, "groep", "groepen van jongeren (groepsaanpak) toetsen")
    groep_sub = p.add_subparsers(dest="groep_commando", metavar="COMMANDO", title="commando's")
    groep_sub.required = True
    t = subcommando(
        groep_sub,
        "toets",
        "speel een groep af en toon leden, partners, bijeenkomsten en de groepsnormen per lid",
        "Speelt de gebeurtenissen van een groep af (JSON: een lijst van groepsgebeurtenissen "
        "of {'formaat': 'ija-groep/1', 'events': [...]}) en leest de trajecten van de leden "
        "uit MAP (of uit de genoemde bestanden). Toont op de peildatum de groep, elk lid met "
        "de fase en status van zijn eigen traject, de partners van het plan van aanpak, de "
        "omgevingsanalyse, de bijeenkomsten, de meldingen en per lid de groepsnorm: contact "
        "met de jongere én een ouder binnen 24 uur na elke groepsmelding. Breekt een "
        "gebeurtenis van de groep een regel, dan exitcode 1; een onleesbaar of ongeldig "
        "groepsbestand of een ontbrekend traject van een lid geeft exitcode 2.",
    )
    t.add_argument("bestand", metavar="GROEP.json", help="het bestand met de groepsgebeurtenissen")
    t.add_argument(
        "paden",
        nargs="+",
        metavar="MAP",
        help="een map (of bestanden) met de trajecten van de leden",
    )
    peildatum_optie(
        t,
        "toets op deze dag: JJJJ-MM-DD, 'vandaag' (standaard) of 'laatste' (de dag van de "
        "laatste gebeurtenis van de groep en haar leden); latere gebeurtenissen tellen niet mee",
    )
    t.add_argument(
        "--lokaal",
        action="store_true",
        help="toets ook de lokale groepsnorm (minstens drie contacten per week met elk lid)",
    )
    json_optie(t)
    t.set_defaults(uitvoeren=toets)


def _tot(t: Traject, dag: date) -> Traject:
    """The traject as it stood at the end of ``dag`` (events on later days left out)."""
    from ija_core import Traject, amsterdamse_dag

    events = [e for e in t.events if amsterdamse_dag(e.op) <= dag]
    if len(events) == len(t.events):
        return t
    return Traject.replay(events, methodiek=t.methodiek)


def toets(args: argparse.Namespace) -> int:
    """Replay the group, read the members' trajecten, print the group and its norms."""
    from ija_core import Groep, amsterdamse_dag, groepstoets
    from ija_core.cli._fouten import Bestandsfout
    from ija_core.cli._invoer import bestanden, dubbele_trajecten, lees_alles, lees_groep
    from ija_core.cli.traject import overtreding_json

    m = laad()
    pad = Path(args.bestand)
    try:
        geheel = lees_groep(pad, m)
    except Bestandsfout as exc:
        if args.json and isinstance(exc.oorzaak, RegelOvertreding):
            schrijf_json(overtreding_json(pad, exc.oorzaak, m), m)
            return 1
        return meld(exc, m)
    eigen = pad.resolve()
    leden = [b for b in bestanden(args.paden) if b.resolve() != eigen]
    gelezen, _, fouten = lees_alles(leden, m)  # other group files among them: skipped
    dubbele_trajecten(gelezen)
    trajecten = [t for _, t in gelezen]
    per_id = {t.id: t for t in trajecten}
    dag = peildag(
        args.peildatum,
        lambda: max(
            amsterdamse_dag(op)
            for op in [
                geheel.laatste_op,
                *(per_id[i].laatste_op for i in geheel.ooit_leden if i in per_id),
            ]
        ),
    )
    events = [e for e in geheel.events if amsterdamse_dag(e.op) <= dag]
    if not events:
        raise OngeldigeInvoer(
            f"--peildatum: {dag.isoformat()} ligt vóór de aanmelding van de groep "
            f"({amsterdamse_dag(geheel.aangemeld_op).isoformat()})"
        )
    g = geheel if len(events) == len(geheel.events) else Groep.replay(events, methodiek=m)
    normen = [n for n in m.normen if n.groepsnorm] if args.lokaal else None
    uitkomsten = groepstoets(g, trajecten, peildatum=dag, methodiek=m, normen=normen)
    rijen = [_lid(g, per_id.get(tid), tid, dag) for tid in g.ooit_leden]
    stand = _stand(g, dag, rijen, uitkomsten, m)
    stand["gebeurtenissen_na_peildatum"] = len(geheel.events) - len(events)
    if args.json:
        schrijf_json({"bestand": str(pad), "toegestaan": True, **stand}, m)
    else:
        _toon(g, als_json(stand, m))
    return 1 if fouten else 0


def _lid(g: Groep, t: Traject | None, tid: str, dag: date) -> dict[str, Any]:
    perioden = [lm for lm in g.lidmaatschappen if lm.traject == tid]
    laatste = perioden[-1]
    rij: dict[str, Any] = {
        "traject": tid,
        "lid": laatste.tot is None,
        "lid_sinds": perioden[0].van,
        "verwijderd_op": laatste.tot,
        "reden": laatste.reden,
        "jongere": None,
        "fase": None,
        "status": None,
        "ouder": None,
        "opschaling": None,
    }
    if t is not None:
        nu = _tot(t, dag)
        rij.update(
            jongere=nu.jongere.pseudoniem,
            fase=nu.fase,
            status=nu.status,
            ouder=any(b.relatie == "ouder" for b in nu.betrokkenen),
            opschaling=nu.opschaling.naar if nu.opschaling else None,
        )
    return rij


def _stand(
    g: Groep, dag: date, leden: list[dict[str, Any]], uitkomsten: list[Normuitkomst], m: Methodiek
) -> dict[str, Any]:
    """The group at the peildatum: a dict of values and records (the group's events in their
    one JSON shape, the outcomes as ``ija signalen`` writes them), written by the codec."""
    from ija_core.cli.signalen import uitkomst_json

    return {
        "groep": g.id,
        "status": g.status,
        "peildatum": dag,
        "aangemeld_op": g.aangemeld_op,
        "verwijzers": list(g.verwijzers),
        "omschrijving": g.omschrijving,
        "afgesloten_op": g.afgesloten_op,
        "afsluitreden": g.afsluitreden,
        "leden": leden,
        "partners": list(g.partners),
        "plannen": list(g.plannen),
        "omgevingsanalyses": list(g.omgevingsanalyses),
        "bijeenkomsten": list(g.bijeenkomsten),
        "meldingen": list(g.meldingen),
        "normen": [uitkomst_json(u, m) for u in uitkomsten],
    }


def _toon(g: Groep, stand: dict[str, Any]) -> None:
    print(f"Groep {g.id} — {g.omschrijving}")
    if g.status == "afgesloten":
        print(f"Status: afgesloten op {stand['afgesloten_op'][:10]} (reden: {g.afsluitreden})")
    else:
        print(f"Status: actief (peildatum {stand['peildatum']})")
    print(f"Aangemeld: {stand['aangemeld_op'][:10]} door {', '.join(g.verwijzers) or '-'}")
    print(f"\nLeden ({len(g.leden)} nu, {len(stand['leden'])} in totaal)")
    tabel(
        [
            (
                r["traject"],
                r["jongere"] or "(traject ontbreekt)",
                r["fase"] or "-",
                (r["status"] or "-")
                + (f", opgeschaald ({r['opschaling']})" if r.get("opschaling") else ""),
                "ja" if r["ouder"] else "nee" if r["ouder"] is not None else "-",
                r["lid_sinds"][:10],
                "lid" if r["lid"] else f"vertrokken {r['verwijderd_op'][:10]} ({r['reden']})",
            )
            for r in stand["leden"]
        ],
        ("traject", "jongere", "fase", "status", "ouder", "lid sinds", "nu"),
    )
    print(f"\nPartners (plan van aanpak): {', '.join(g.partners) or 'nog geen plan van aanpak'}")
    for a in g.omgevingsanalyses:
        print(f"Omgevingsanalyse {a.op.isoformat()[:10]} met: {', '.join(a.met)}")
    if g.bijeenkomsten:
        print(f"\nBijeenkomsten ({len(g.bijeenkomsten)})")
        tabel(
            [
                (b.op.isoformat()[:16].replace("T", " "), b.voor, b.omschrijving)
                for b in g.bijeenkomsten
            ],
            ("wanneer", "voor", "omschrijving"),
        )
    if g.meldingen:
        print(f"\nMeldingen ({len(g.meldingen)})")
        tabel(
            [(x.op.isoformat()[:16].replace("T", " "), x.soort, x.melder) for x in g.meldingen],
            ("wanneer", "soort", "melder"),
        )
    print(f"\nGroepsnormen per lid op {stand['peildatum']}")
    if not stand["normen"]:
        print("Geen uitkomsten: er is (nog) niets te meten (geen groepsmelding).")
    else:
        tabel(
            [
                (n["traject"], n["norm"], n["status"], n["deadline"], n["dagen"], n["uitleg"])
                for n in stand["normen"]
            ],
            ("traject", "norm", "status", "deadline", "dagen", "uitleg"),
        )
    later = stand["gebeurtenissen_na_peildatum"]
    if later:
        print(
            f"\nNa de peildatum: {aantal(later, 'gebeurtenis', 'gebeurtenissen')} van de groep "
            "(getoetst, maar niet meegeteld in deze stand)"
        )
