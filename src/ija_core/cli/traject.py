"""``ija traject toets FILE.json``: replay an event file and show the traject, or what breaks.

Exit codes: 0 the events replay without violation; 1 an event breaks a rule (the rule and
the event number, counted from 1, are shown); 2 the file cannot be read or is invalid input.

The whole file is always checked; the state shown is the one at ``--peildatum`` (the same
forms as ``ija signalen``: a date, ``vandaag`` by default, ``laatste``): only the events up
to and including that day (Europe/Amsterdam) are replayed for it, as ``ija.normtoets``
ignores events on later days.
"""

from __future__ import annotations

import argparse
from datetime import date
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
from ija_core.cli._fouten import meld, regelbron
from ija_core.errors import OngeldigeInvoer, RegelOvertreding

if TYPE_CHECKING:  # the engine is imported by the command itself: 'ija --help' stays light
    from ija_core import Methodiek, Traject


def register(sub: Any) -> None:
    """Add ``ija traject`` with its sub-command ``toets``."""
    p = subcommando(sub, "traject", "trajecten toetsen aan de regels van de methodiek")
    traject_sub = p.add_subparsers(dest="traject_commando", metavar="COMMANDO", title="commando's")
    traject_sub.required = True
    t = subcommando(
        traject_sub,
        "toets",
        "speel een gebeurtenissenbestand af en toon de stand van het traject",
        "Speelt de gebeurtenissen van een traject af (JSON: een lijst van gebeurtenissen of "
        "{'formaat': 'ija-traject/1', 'events': [...]}) en toont de fase, de dagen in die fase "
        "tegenover de streefduur, de open hulpvragen en de stand van het plan op de "
        "peildatum. Breekt een gebeurtenis een regel, dan volgen de regel en het nummer van "
        "de gebeurtenis, geteld vanaf 1 (exitcode 1); onleesbare of ongeldige invoer geeft "
        "exitcode 2.",
    )
    t.add_argument("bestand", metavar="BESTAND.json", help="het bestand met gebeurtenissen")
    peildatum_optie(
        t,
        "toon de stand op deze dag: JJJJ-MM-DD, 'vandaag' (standaard) of 'laatste' (de dag van "
        "de laatste gebeurtenis); gebeurtenissen op latere dagen tellen niet mee (het hele "
        "bestand wordt wel getoetst)",
    )
    json_optie(t)
    t.set_defaults(uitvoeren=toets)
    o = subcommando(
        traject_sub,
        "toon",
        "toon een traject uit de opslag: wie wat wanneer vastlegde, en de stand",
        "Toont de gebeurtenissen van een traject uit de opslag (een SQLite-bestand of een "
        "postgresql://-adres) met wie ze vastlegde en wanneer (UTC), en daarna de stand op "
        "de peildatum zoals 'ija traject toets' die toont. Een onbekend traject-id geeft "
        "exitcode 2.",
    )
    o.add_argument("db", metavar="DB", help="de opslag: een SQLite-bestand of een postgresql://-adres")
    o.add_argument("id", metavar="ID", help="het traject-id")
    peildatum_optie(
        o,
        "toon de stand op deze dag: JJJJ-MM-DD, 'vandaag' (standaard) of 'laatste' (de dag van "
        "de laatste gebeurtenis)",
    )
    json_optie(o)
    o.set_defaults(uitvoeren=toon)


def overtreding_json(pad: Path, exc: RegelOvertreding, m: Methodiek) -> dict[str, Any]:
    """What ``--json`` says when an event of the file breaks a rule (the rule's ``Bron`` in
    its one JSON shape); ``ija groep toets`` says it the same way."""
    return {
        "bestand": str(pad),
        "toegestaan": False,
        "regel": exc.regel,
        "plugin": exc.plugin,
        "index": exc.index,
        "uitleg": exc.uitleg,
        "ontbreekt": list(exc.ontbreekt),
        "bron": regelbron(m, exc.regel),
    }


def toets(args: argparse.Namespace) -> int:
    """Replay the file and print the state (exit 0), the violation (1) or the input error (2)."""
    from ija_core.cli._fouten import Bestandsfout
    from ija_core.cli._invoer import lees_traject

    pad = Path(args.bestand)
    m = laad()
    try:
        geheel = lees_traject(pad, m)
    except Bestandsfout as exc:
        if args.json and isinstance(exc.oorzaak, RegelOvertreding):
            schrijf_json(overtreding_json(pad, exc.oorzaak, m), m)
            return 1
        return meld(exc, m)
    t, stand = _op_peildatum(geheel, args.peildatum, m)
    if args.json:
        schrijf_json({"bestand": str(pad), "toegestaan": True, **stand}, m)
        return 0
    _toon(t, als_json(stand, m))
    return 0


def toon(args: argparse.Namespace) -> int:
    """Show a stored traject: its events with who recorded them and when, then its state."""
    from ija_core.cli.opslag import open_opslag

    m = laad()
    with open_opslag(args.db, m) as db:
        geschiedenis = db.geschiedenis(args.id)
        geheel = db.laad(args.id)
    t, stand = _op_peildatum(geheel, args.peildatum, m)
    if args.json:
        schrijf_json(
            {
                "traject": args.id,
                "gebeurtenissen": [
                    {
                        "volgnummer": v.volgnummer,
                        "vastgelegd_op": v.vastgelegd_op,
                        "door": v.door,
                        "hash": v.hash,
                        "event": v.event,
                    }
                    for v in geschiedenis
                ],
                **stand,
            },
            m,
        )
        return 0
    print(f"Gebeurtenissen van {args.id} in de opslag ({len(geschiedenis)})")
    tabel(
        [
            (
                v.volgnummer,
                v.event.TYPE,
                v.event.op.isoformat(),
                v.vastgelegd_op.strftime("%Y-%m-%d %H:%M:%S"),
                v.door,
            )
            for v in geschiedenis
        ],
        ("nr", "gebeurtenis", "op", "vastgelegd (UTC)", "door"),
    )
    print()
    _toon(t, als_json(stand, m))
    return 0


def _op_peildatum(
    geheel: Traject, peildatum: Any, m: Methodiek
) -> tuple[Traject, dict[str, Any]]:
    """The traject as it was on the peildatum (events on later days left out) with its state.

    Raises:
        OngeldigeInvoer: the peildatum lies before the aanmelding (no traject yet).
    """
    from ija_core import Traject, amsterdamse_dag

    dag = peildag(peildatum, lambda: amsterdamse_dag(geheel.laatste_op))
    events = [e for e in geheel.events if amsterdamse_dag(e.op) <= dag]
    if not events:
        raise OngeldigeInvoer(
            f"--peildatum: {dag.isoformat()} ligt vóór de aanmelding "
            f"({amsterdamse_dag(geheel.aangemeld_op).isoformat()}); toen was er nog geen traject"
        )
    later = len(geheel.events) - len(events)
    t = geheel if not later else Traject.replay(events, methodiek=m)
    stand = _stand(t, dag)
    stand["gebeurtenissen_na_peildatum"] = later
    return t, stand


def _tot_dag(t: Traject, tot: Any, peildatum: date) -> date:
    from ija_core import amsterdamse_dag

    if tot is not None:
        return amsterdamse_dag(tot)
    if t.afgesloten_op is not None:
        return amsterdamse_dag(t.afgesloten_op)
    return peildatum


def _stand(t: Traject, peildatum: date) -> dict[str, Any]:
    """The state of the traject: a dict of values (timestamps as ``datetime``), written as
    JSON by ``schrijf_json``/``als_json`` (the codec), never formatted here by hand."""
    from ija_core import amsterdamse_dag

    m = t.methodiek
    perioden = []
    for p in t.fasehistorie:
        van = amsterdamse_dag(p.van)
        tot = _tot_dag(t, p.tot, peildatum)
        streef = m.fase(p.fase).streefduur.days
        perioden.append(
            {
                "fase": p.fase,
                "van": p.van,
                "tot": p.tot,
                "dagen": (tot - van).days,
                "streefduur_dagen": streef,
            }
        )
    huidig = perioden[-1]
    plan = t.plan
    return {
        "traject": t.id,
        "jongere": t.jongere.pseudoniem,
        "aanbieder": t.aanbieder,
        "wijkteam": t.wijkteam,
        "status": t.status,
        "fase": t.fase,
        "peildatum": peildatum,
        "dagen_in_fase": huidig["dagen"],
        "streefduur_dagen": huidig["streefduur_dagen"],
        "opgeschort": t.opgeschort,
        "aangemeld_op": t.aangemeld_op,
        "intake_op": t.intake_op,
        "afgesloten_op": t.afgesloten_op,
        "afsluitreden": t.afsluitreden,
        "plan": {
            "ondertekend_op": plan.ondertekend_op,
            "ondertekend_door": sorted(plan.ondertekend_door),
            "doelen": [
                {
                    "id": d.id,
                    "leefgebied": d.leefgebied,
                    "termijn": d.termijn,
                    "levenscyclus": d.levenscyclus,
                    "voortgang": d.voortgang,
                }
                for d in plan.doelen
            ],
        },
        "open_hulpvragen": [
            {"id": h.id, "leefgebied": h.leefgebied, "omschrijving": h.omschrijving}
            for h in t.open_hulpvragen
        ],
        "open_zorgen": [{"id": z.id, "omschrijving": z.omschrijving} for z in t.open_zorgen],
        "fasehistorie": perioden,
        "aantal_gebeurtenissen": len(t.events),
        "betrokkenen": [
            {
                "id": b.id,
                "relatie": b.relatie,
                "rol": m.relatie(b.relatie).rol,
                "toestemmingen": list(b.toestemmingen),
            }
            for b in t.betrokkenen
        ],
        "jim": t.jim,
        "regie": t.regie,
        "opschaling": (
            None
            if t.opschaling is None
            else {
                "naar": t.opschaling.naar,
                "op": t.opschaling.op,
                "reden": t.opschaling.reden,
            }
        ),
        "coachwissels": t.coachwissels,
    }


def _toon_netwerk(t: Traject, stand: dict[str, Any]) -> None:
    """Betrokkenen with their toestemmingen, JIM, regie, opschaling and coach changes."""
    m = t.methodiek
    if t.betrokkenen:
        print("Betrokkenen:")
        for b in t.betrokkenen:
            relatie = m.relatie(b.relatie)
            toestemming = ", ".join(b.toestemmingen) if b.toestemmingen else "geen"
            extra = " · JIM" if t.jim == b.id else ""
            extra += " · heeft de regie" if t.regie == b.id else ""
            print(
                f"  - {b.id} ({relatie.naam.lower()}, rol {relatie.rol}); "
                f"toestemming: {toestemming}{extra}"
            )
    else:
        print("Betrokkenen: geen")
    print(f"JIM: {t.jim or 'geen'}; regie: {'de coach' if t.regie == 'coach' else t.regie}")
    if t.opschaling is not None:
        partner = m.opschaling(t.opschaling.naar)
        print(
            f"Opgeschaald naar {partner.naam} op {stand['opschaling']['op'][:10]} "
            f"(reden: {t.opschaling.reden})"
        )
    if t.coachwissels:
        print(f"Coach gewisseld: {aantal(t.coachwissels, 'keer', 'keer')}")


def _toon(t: Traject, stand: dict[str, Any]) -> None:
    m = t.methodiek
    fase = m.fase(t.fase)
    kop = f"Traject {t.id} — {t.jongere.pseudoniem}"
    if t.wijkteam:
        kop += f", wijkteam {t.wijkteam}"
    print(kop)
    if t.status == "afgesloten":
        print(
            f"Status: afgesloten op {stand['afgesloten_op'][:10]} vanuit fase "
            f"{fase.naam.lower()} (reden: {t.afsluitreden})"
        )
    else:
        over = stand["dagen_in_fase"] - stand["streefduur_dagen"]
        oordeel = (
            f"{aantal(over, 'dag', 'dagen')} over de streefduur"
            if over > 0
            else "binnen de streefduur"
        )
        pauze = " · opgeschort" if t.opgeschort else ""
        print(
            f"Status: actief{pauze} · fase {fase.nummer} {fase.volledige_naam}: "
            f"{stand['dagen_in_fase']} van {stand['streefduur_dagen']} dagen "
            f"(peildatum {stand['peildatum']}, {oordeel})"
        )
    print(
        f"Aangemeld: {stand['aangemeld_op'][:10]} door {t.verwijzer}; intake: "
        f"{stand['intake_op'][:10] if stand['intake_op'] else 'nog niet'}"
    )
    plan = t.plan
    if plan.ondertekend_op is not None:
        planregel = f"ondertekend op {stand['plan']['ondertekend_op'][:10]}"
    else:
        ontbreekt = [r for r in ("jongere", "coach") if r not in plan.ondertekend_door]
        planregel = "nog niet ondertekend"
        if ontbreekt:
            planregel += " (handtekening ontbreekt van: " + ", ".join(ontbreekt) + ")"
        if not plan.doelen:
            planregel += " (nog geen doel)"
    bereikt = sum(1 for d in plan.doelen if d.voortgang == "bereikt")
    print(
        f"Ondersteuningsplan: {planregel}; {aantal(len(plan.doelen), 'doel', 'doelen')}, "
        f"waarvan {bereikt} bereikt"
    )
    if t.open_hulpvragen:
        print("Open hulpvragen:")
        for h in t.open_hulpvragen:
            print(f"  - {h.id} ({m.leefgebied(h.leefgebied).naam}): {h.omschrijving}")
    else:
        print("Open hulpvragen: geen")
    if t.open_zorgen:
        print("Open zorgen: " + "; ".join(f"{z.id}: {z.omschrijving}" for z in t.open_zorgen))
    _toon_netwerk(t, stand)
    later = stand["gebeurtenissen_na_peildatum"]
    if later:
        print(
            f"Na de peildatum: {aantal(later, 'gebeurtenis', 'gebeurtenissen')} "
            "(getoetst, maar niet meegeteld in deze stand)"
        )
    print()
    tabel(
        [
            (
                m.fase(p["fase"]).naam,
                p["van"][:10],
                p["tot"][:10] if p["tot"] else ("(afgesloten)" if t.afgesloten_op else "nu"),
                p["dagen"],
                p["streefduur_dagen"],
                "te lang" if p["dagen"] > p["streefduur_dagen"] else "",
            )
            for p in stand["fasehistorie"]
        ],
        ("fase", "van", "tot", "dagen", "streefduur", "oordeel"),
    )
