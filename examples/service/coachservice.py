"""A reference HTTP service for coaches over ``ija_core.opslag`` (Starlette): the recipe an app
team copies. It keeps no table of its own and reads no error text: the store holds who holds
what (``db.info``, ``db.ids``), the feed (``db.sinds``) and the errors say what went wrong.

Endpoints (JSON in, JSON out)::

    POST /trajecten                          body: the aangemeld event        -> 201 + traject
    POST /trajecten/{id}/events?versie=N     body: one event; N = events seen -> 201 + traject
    GET  /trajecten/{id}                     info + events
    GET  /coaches/{coach}/caseload?peildatum=YYYY-MM-DD[&na=ID&limiet=N]
                                             the coach's trajecten with their signals
                                             (``db.signalen(coach=, ids=)``: this page only)
    GET  /feed?positie=P&limiet=N            the global feed from position P

Errors: ``VersieConflict`` and ``BestaatAl`` -> 409, ``OnbekendeStroom`` -> 404,
``RegelOvertreding`` -> 422 with the rule id, other ``OngeldigeInvoer`` -> 422 with its
records (``fouten``: ``pad``, ``code``, ``melding``; code ``toekomst`` for an event from the
future), ``OpslagFout`` -> 503.

Who may call what is left out on purpose (put your own authentication in front); the
``door`` of every write is the ``X-Gebruiker`` header.

Run: ``IJA_OPSLAG=trajecten.db uvicorn coachservice:maak_app --factory``.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

import ija_core as ija
from ija_core import opslag


def _json(data: Any, status: int = 200) -> Response:
    return Response(
        ija.to_json(data) if not isinstance(data, (dict, list)) else orjson.dumps(data),
        status_code=status,
        media_type="application/json",
    )


def _fout(status: int, soort: str, melding: str, **extra: Any) -> Response:
    return _json({"fout": soort, "melding": melding, **extra}, status)


def _naar_http(exc: ija.IjaError) -> Response:
    """The store's errors as HTTP answers, by class (never by message text)."""
    if isinstance(exc, ija.VersieConflict):
        return _fout(409, "versieconflict", str(exc), huidig=exc.huidig)
    if isinstance(exc, ija.BestaatAl):
        return _fout(409, "bestaat-al", str(exc), id=exc.id)
    if isinstance(exc, ija.OnbekendeStroom):
        return _fout(404, "onbekend", str(exc), id=exc.id)
    if isinstance(exc, ija.RegelOvertreding):
        return _fout(422, "regel", exc.uitleg, regel=exc.regel)
    if isinstance(exc, ija.OngeldigeInvoer):  # InDeToekomst too: its record has code toekomst
        return _fout(422, "ongeldig", str(exc), fouten=[f.als_json() for f in exc.fouten])
    return _fout(503, "opslag", str(exc))


def _info(i: opslag.Stroominfo) -> dict[str, Any]:
    return {
        "id": i.id, "soort": i.soort, "versie": i.versie, "fase": i.fase, "status": i.status,
        "coach": i.coach, "wijkteam": i.wijkteam, "aanbieder": i.aanbieder,
        "aangemeld_op": i.aangemeld_op.isoformat(), "laatst_op": i.laatst_op.isoformat(),
    }  # fmt: skip


async def _body(request: Request) -> Any:
    try:
        return orjson.loads(await request.body())
    except orjson.JSONDecodeError as exc:
        raise ija.OngeldigeInvoer(
            [ija.Fout("$", "geen-json", f"geen geldige JSON ({exc})")]
        ) from None


def _geheel(request: Request, naam: str, standaard: int) -> int:
    tekst = request.query_params.get(naam)
    if tekst is None:
        return standaard
    if not tekst.isdigit():
        raise ija.OngeldigeInvoer(
            [ija.Fout(naam, "type", f"verwacht een geheel getal (kreeg {tekst!r})")]
        )
    return int(tekst)


def maak_app(db: opslag.Opslag | None = None) -> Starlette:
    """The service over ``db`` (default: the store named by ``IJA_OPSLAG``, opened here and
    closed when the app stops)."""

    @asynccontextmanager
    async def levensloop(app: Starlette) -> AsyncIterator[None]:
        nonlocal db
        eigen = db is None
        if db is None:
            db = opslag.open(os.environ["IJA_OPSLAG"], methodiek=ija.load_methodiek())
        app.state.db = db
        yield
        if eigen:
            db.close()

    def handler(werk: Any) -> Any:
        async def endpoint(request: Request) -> Response:
            try:
                antwoord: Response = await werk(request, request.app.state.db)
            except ija.IjaError as exc:
                return _naar_http(exc)
            return antwoord

        return endpoint

    async def nieuw(request: Request, db: opslag.Opslag) -> Response:
        event = await _body(request)
        door = request.headers.get("x-gebruiker", "onbekend")
        t = await run_in_threadpool(db.nieuw, event, door=door)
        return _json(t, 201)

    async def registreer(request: Request, db: opslag.Opslag) -> Response:
        versie = request.query_params.get("versie")
        if versie is None or not versie.isdigit():
            raise ija.OngeldigeInvoer(
                "versie: geef ?versie=N, het aantal gebeurtenissen dat je zag"
            )
        event = await _body(request)
        door = request.headers.get("x-gebruiker", "onbekend")
        t = await run_in_threadpool(
            db.registreer, request.path_params["id"], event, versie=int(versie), door=door
        )
        return _json(t, 201)

    async def toon(request: Request, db: opslag.Opslag) -> Response:
        tid = request.path_params["id"]
        info = await run_in_threadpool(db.info, tid)
        t = await run_in_threadpool(db.laad, tid)
        events = orjson.loads(ija.to_json(t))
        return _json({"info": _info(info), "traject": events})

    async def caseload(request: Request, db: opslag.Opslag) -> Response:
        coach = request.path_params["coach"]
        try:
            peildatum = date.fromisoformat(request.query_params.get("peildatum", ""))
        except ValueError:
            raise ija.OngeldigeInvoer("peildatum: verwacht JJJJ-MM-DD") from None
        ids = await run_in_threadpool(
            db.ids,
            coach=coach,
            na=request.query_params.get("na"),
            limiet=_geheel(request, "limiet", 50),
        )
        # one call: the store replays only this page's trajecten (and their groups)
        signalen = await run_in_threadpool(
            lambda: db.signalen(peildatum=peildatum, coach=coach, ids=ids)
        )
        per_traject: dict[str, list[Any]] = {tid: [] for tid in ids}
        anderen = []  # a group norm's outcomes for members outside this page
        for s in signalen:
            doel = per_traject.get(s.traject, anderen)
            doel.append(orjson.loads(ija.to_json(s)))
        uit = []
        for tid in ids:
            info = await run_in_threadpool(db.info, tid)
            uit.append({**_info(info), "signalen": per_traject[tid]})
        return _json(
            {
                "coach": coach,
                "trajecten": uit,
                "groepssignalen": anderen,
                "volgende": ids[-1] if ids else None,
            }
        )

    async def feed(request: Request, db: opslag.Opslag) -> Response:
        items = await run_in_threadpool(
            db.sinds, _geheel(request, "positie", 0), _geheel(request, "limiet", 100)
        )
        return _json(
            [
                {
                    "positie": f.positie, "stroom": f.stroom, "volgnummer": f.volgnummer,
                    "vastgelegd_op": f.vastgelegd_op.isoformat(),
                    "event": None if f.event is None else orjson.loads(ija.to_json(f.event)),
                }
                for f in items
            ]
        )  # fmt: skip

    return Starlette(
        routes=[
            Route("/trajecten", handler(nieuw), methods=["POST"]),
            Route("/trajecten/{id}/events", handler(registreer), methods=["POST"]),
            Route("/trajecten/{id}", handler(toon), methods=["GET"]),
            Route("/coaches/{coach}/caseload", handler(caseload), methods=["GET"]),
            Route("/feed", handler(feed), methods=["GET"]),
        ],
        lifespan=levensloop,
    )
