"""A seeded generator of synthetic trajecten with the shapes of real ones (no real data).

Each traject starts with an aanmelding somewhere in the ``dagen_terug`` days before the
peildatum and follows the phases as far as its random "tempo" carries it before the
peildatum: contact attempts (many fail at first), kennismaking and verwachtingen, intake
(usually in time, sometimes late, sometimes not yet), doelen and a signed plan, weekly contact,
meldingen of overlast or schoolverzuim (mostly answered within a day), an evaluatie, and for
some a regular closing from afronding or an early exit. Some trajecten are paused for a while
(detention, admission). Every traject obeys the phase rules, so ``Traject.replay`` accepts it.

Events are JSON dicts (timestamps with the Europe/Amsterdam offset of that moment).
"""

from __future__ import annotations

import contextlib
import random
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
KANALEN = ("app", "telefoon", "huisbezoek", "straat", "via-netwerk")
LEEFGEBIEDEN = ("scholing", "financien", "wonen", "werk", "justitie", "gezondheid")


class _Klaar(Exception):
    """The peildatum is reached: the traject ends here."""


class _Klok:
    """Moves forward through time; never backwards, so events stay in order."""

    def __init__(self, rng: random.Random, start: datetime, einde: datetime) -> None:
        self.rng = rng
        self.nu = start
        self.einde = einde

    def later(self, min_uren: float, max_uren: float) -> datetime:
        stap = timedelta(hours=self.rng.uniform(min_uren, max_uren))
        volgende = self.nu + stap
        # keep working hours-ish: between 8:00 and 22:00 Amsterdam time
        lokaal = volgende.astimezone(AMSTERDAM)
        if lokaal.hour < 8:
            volgende = lokaal.replace(hour=8 + self.rng.randrange(4)).astimezone(AMSTERDAM)
        elif lokaal.hour >= 22:
            volgende = (lokaal + timedelta(hours=11)).astimezone(AMSTERDAM)
        if volgende > self.einde:
            raise _Klaar
        self.nu = volgende
        return volgende


def _op(moment: datetime) -> str:
    return moment.astimezone(AMSTERDAM).isoformat()


def traject(
    rng: random.Random, nummer: int, peildatum: date, dagen_terug: int = 420
) -> list[dict[str, Any]]:
    """The events of one synthetic traject, all on or before ``peildatum``."""
    einde = datetime.combine(peildatum, time(21, 0), AMSTERDAM)
    start = einde - timedelta(days=rng.uniform(0, dagen_terug))
    start = start.replace(hour=9 + rng.randrange(8), minute=rng.randrange(60))
    tid = f"syn-{nummer:06d}"
    leeftijd = rng.randint(13, 26)
    geboren = date(start.year - leeftijd, rng.randint(1, 12), rng.randint(1, 28))
    events: list[dict[str, Any]] = [
        {
            "type": "aangemeld",
            "op": _op(start),
            "traject": tid,
            "jongere": {"pseudoniem": f"J{nummer}", "geboortedatum": geboren.isoformat()},
            "verwijzer": rng.choice(("wijkagent", "school", "huisarts", "ouders", "jongerenwerk")),
        }
    ]
    klok = _Klok(rng, start, einde)
    tempo = rng.uniform(0.5, 2.0)  # >1: a slow traject (missed appointments, like Enzo)
    with contextlib.suppress(_Klaar):
        _verloop(rng, klok, tempo, events)
    return events


def _verloop(rng: random.Random, klok: _Klok, tempo: float, events: list[dict[str, Any]]) -> None:
    """Append events phase by phase until the clock passes the peildatum (``_Klaar``)."""

    def voeg(type_: str, min_u: float, max_u: float, **velden: Any) -> None:
        moment = klok.later(min_u * tempo, max_u * tempo)
        events.append({"type": type_, "op": _op(moment), **velden})

    def melding() -> None:
        voeg("melding", 2, 48, soort=rng.choice(("overlast", "schoolverzuim")), bron="politie")
        if rng.random() < 0.85:
            voeg("contact", 0.2 / tempo, 20 / tempo, met="jongere", vorm="straat")
        else:
            voeg("contactpoging", 10, 60, kanaal=rng.choice(KANALEN), gelukt=rng.random() < 0.7)

    def contacten(aantal: int, tussen: float) -> None:
        for _ in range(aantal):
            if rng.random() < 0.08:
                melding()
            met = rng.choice(("jongere", "jongere", "netwerk"))
            voeg("contact", tussen * 0.5, tussen * 1.5, met=met, vorm="gesprek")

    # fase 1: vertrouwen (often several failed attempts first)
    for _ in range(rng.randint(1, 5)):
        voeg("contactpoging", 4, 60, kanaal=rng.choice(KANALEN), gelukt=rng.random() < 0.4)
    voeg("contactpoging", 4, 48, kanaal=rng.choice(KANALEN), gelukt=True)
    voeg("kennismaking", 24, 120)
    voeg("verwachtingen-uitgesproken", 24, 200)
    if rng.random() < 0.06:  # paused for a while: detention, admission, abroad
        voeg("opgeschort", 24, 100, reden=rng.choice(("detentie", "opname", "buitenland")))
        voeg("hervat", 24 * 7, 24 * 60)
    voeg("fase-gewijzigd", 24, 200, naar="verdieping")
    # fase 2: verdieping
    voeg("intake", 24, 24 * 14)
    hulpvragen = []
    for i in range(rng.randint(1, 3)):
        lg = rng.choice(LEEFGEBIEDEN)
        voeg("hulpvraag-geopend", 1, 72, id=f"h{i}", leefgebied=lg, omschrijving="hulpvraag")
        hulpvragen.append(f"h{i}")
        termijn = rng.choice(("kort", "lang"))
        voeg("doel-gesteld", 1, 72, id=f"d{i}", leefgebied=lg, termijn=termijn, omschrijving="doel")
    contacten(rng.randint(1, 4), 100)
    voeg("plan-ondertekend", 24, 24 * 10, door=["jongere", "coach"])
    voeg("fase-gewijzigd", 24, 24 * 7, naar="uitvoering")
    # fase 3: uitvoering
    instrument = rng.choice(("motiverende-gespreksvoering", "oplossingsgericht-werken", "mijn-pad"))
    voeg("instrument-ingezet", 24, 24 * 7, instrument=instrument, resultaat=None)
    contacten(rng.randint(4, 16), 24 * 7)
    voeg("evaluatie", 24, 24 * 7, omschrijving="evaluatie met de jongere")
    if rng.random() < 0.2:  # early exit from uitvoering
        voeg("afgesloten", 24, 24 * 14, reden=rng.choice(("verhuisd", "justitie", "ggz-opname")))
        return
    for h in hulpvragen:
        voeg("hulpvraag-gesloten", 24, 24 * 10, id=h)
    voeg("fase-gewijzigd", 24, 24 * 14, naar="afronding")
    # fase 4: afronding
    voeg("doorverwezen", 24, 24 * 7, naar="jongerenwerk", warm=True)
    contacten(rng.randint(1, 3), 24 * 5)
    voeg("afgesloten", 24, 24 * 10, reden="doelen-bereikt")


def trajecten(aantal: int, peildatum: date, seed: int = 20240501) -> list[list[dict[str, Any]]]:
    """``aantal`` synthetic trajecten (lists of JSON event dicts), the same for the same seed."""
    rng = random.Random(seed)
    return [traject(rng, i, peildatum) for i in range(aantal)]
