"""``Opslag``: the event store's API over one backend (SQLite or PostgreSQL).

Every write is one transaction that holds the stream's write lock from the first read to the
commit: read the stream row (``versie``), compare with the caller's ``versie``
(``VersieConflict`` when another writer got there first), fold the event onto the traject
(rules checked: a refusal stores nothing), chain its hash, insert the event and move the
stream's ``versie`` on. The folded traject of each stream is kept in memory by its last hash,
so a coach registering event after event does not replay the traject every time; whenever the
database holds something else (another writer, another process), the store replays it from
the database.

The store is the one place in ija-core that reads the clock (``vastgelegd_op``); give
``open(..., klok=...)`` a callable for tests.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

import orjson
from attrs import field, frozen

from ija_core import Gebeurtenis, GroepGebeurtenis, from_json, to_json
from ija_core.errors import (
    BestaatAl,
    Fout,
    IjaError,
    OnbekendeStroom,
    OngeldigeInvoer,
    OpslagFout,
    VersieConflict,
)
from ija_core.opslag._backend import META
from ija_core.opslag._geheim import nieuwe_sleutel, ontsleutel, versleutel
from ija_core.opslag._keten import anker_hash, graf_hash, keten_hash, sleutel_merk

if TYPE_CHECKING:
    from ija_core import Normuitkomst
    from ija_core.groep import Groep
    from ija_core.methodiek import Methodiek
    from ija_core.normen.model import Norm
    from ija_core.opslag._backend import Backend
    from ija_core.traject import Traject

__all__ = [
    "Anker",
    "FeedItem",
    "InDeToekomst",
    "Opslag",
    "Stroominfo",
    "Vastlegging",
    "Verwijdering",
]

Klok = Callable[[], datetime]
ONTHOUDEN = 1024
"""How many folded trajecten a store keeps in memory (the most recently written)."""
STATUSSEN = ("actief", "afgesloten")
GROOT_TRAJECT = 10_000
"""From this many events a fold outside the lock is followed by a full garbage collection."""
TOEKOMST_MARGE = timedelta(hours=1)
"""How far after the store's clock an event's ``op`` may lie (``open(..., toekomst_marge=)``)."""
VOORLADEN = 2
"""How often ``registreer`` folds a stream again outside the write lock when another writer
moved it on in between, before it folds under the lock."""


class InDeToekomst(OngeldigeInvoer):
    """An event whose ``op`` lies more than the store's ``toekomst_marge`` after its clock
    (one mistyped year would otherwise lock the traject for good: ``chronologie`` refuses
    every real event after it).

    Its one record in ``fouten`` has code ``toekomst``; ``pad`` (the JSON path of the
    ``op``, 0-based), ``code`` and ``melding`` are also attributes of the error itself.
    """

    code = "toekomst"

    def __init__(self, pad: str, melding: str) -> None:
        self.pad = pad
        self.melding = melding
        super().__init__([Fout(pad, "toekomst", melding)])

    def __reduce__(self) -> Any:
        return (InDeToekomst, (self.pad, self.melding))


class _Opnieuw(Exception):
    """The kept fold is stale: roll back and fold again outside the lock."""


@frozen(kw_only=True)
class Vastlegging:
    """One stored event with who recorded it and when (``db.geschiedenis``).

    Attributes:
        volgnummer: the event's number in its stream (traject or group), from 1.
        event: the event object (a group's event for a group stream).
        vastgelegd_op: when the store recorded it (UTC, from the store's clock).
        door: who recorded it (the ``door`` of ``nieuw``/``registreer``).
        hash: the event's link in the hash chain (SHA-256, hex).
    """

    volgnummer: int
    event: Gebeurtenis | GroepGebeurtenis
    vastgelegd_op: datetime
    door: str
    hash: str


@frozen(kw_only=True)
class Stroominfo:
    """What the store keeps beside a stream's events (``db.info``), written in the same
    transaction as the event that changes it, and checked against the events by
    ``controleer``.

    Attributes:
        id: the traject or group id.
        soort: ``"traject"`` or ``"groep"``.
        versie: the number of events stored.
        fase: the current fase id (None for a group).
        status: ``"actief"`` or ``"afgesloten"``.
        coach: the current coach's staff id (``t.coach``), or None (always None for a group).
        wijkteam: the wijkteam from ``aangemeld``, or None.
        aanbieder: the aanbieder id from ``aangemeld``, or None.
        aangemeld_op: the ``op`` of the first event.
        laatst_op: the ``op`` of the last event.
    """

    id: str
    soort: Literal["traject", "groep"]
    versie: int
    fase: str | None
    status: str
    coach: str | None
    wijkteam: str | None
    aanbieder: str | None
    aangemeld_op: datetime
    laatst_op: datetime


@frozen(kw_only=True)
class FeedItem:
    """One event in the store's global feed (``db.sinds``).

    Attributes:
        positie: its position in the feed: strictly increasing in commit order, from 1.
        stroom: the traject or group id.
        volgnummer: the event's number in its stream.
        event: the event object; None when the stream was erased (only its place is kept).
        vastgelegd_op: when the store recorded it (UTC).
    """

    positie: int
    stroom: str
    volgnummer: int
    event: Gebeurtenis | GroepGebeurtenis | None
    vastgelegd_op: datetime


@frozen(kw_only=True)
class Anker:
    """The head of the store's chain at one moment (``db.anker()``): keep it outside the
    database; ``db.controleer(anker=a)`` then also finds a cut tail or an older copy put back.

    Attributes:
        positie: which anchor of this store (1, 2, ...).
        hash: a digest over every stream's last link and every tombstone at that moment
            (HMAC-SHA-256 under the store's ``sleutel`` when it has one).
    """

    positie: int
    hash: str


@frozen(kw_only=True)
class Verwijdering:
    """The tombstone of a removed traject (``db.verwijderd()``): only this is kept.

    Attributes:
        id: the traject id (never given out again in this store).
        reden: why it was removed (e.g. an AVG request, the retention period).
        door: who removed it.
        verwijderd_op: when (UTC, from the store's clock).
        aantal: how many events were removed.
        opgeruimd: in the result of ``verwijder``: True when the database files no longer
            hold the erased content (SQLite: WAL checkpointed and cleared; PostgreSQL: the
            key table rewritten), False when another connection kept that from finishing in
            time (the erasure stands; run ``verwijder`` of another id or a checkpoint later).
            None in the list of ``db.verwijderd()``. Not part of equality.
    """

    id: str
    reden: str
    door: str
    verwijderd_op: datetime
    aantal: int
    opgeruimd: bool | None = field(default=None, eq=False)


def _meta(stroom: Any) -> tuple[Any, ...]:
    """What ``ija_stromen`` keeps of a folded stream beside its id, soort, versie and hash:
    (status, fase, coach, wijkteam, aanbieder, aangemeld_op, laatst_op), times as ISO text.
    A group has no fase, coach, wijkteam or aanbieder."""
    eerste, laatste = stroom.events[0].op.isoformat(), stroom.events[-1].op.isoformat()
    if hasattr(stroom, "jongere"):  # a Traject (no import on this hot path)
        return (
            stroom.status, stroom.fase, stroom.coach, stroom.wijkteam, stroom.aanbieder,
            eerste, laatste,
        )  # fmt: skip
    return (stroom.status, None, None, None, None, eerste, laatste)


def meta_van(methodiek: Methodiek) -> Callable[[str, str, list[tuple[Any, Any]]], tuple[Any, ...]]:
    """For the upgrade of an older store: a stream's metadata (``_meta``) from its stored rows
    (text, key), replayed with ``methodiek``; ``OpslagFout`` when it cannot be replayed."""

    def meta(stroom: str, soort: str, rijen: list[tuple[Any, Any]]) -> tuple[Any, ...]:
        data = [_json(t, stroom, k) for t, k in rijen]
        try:
            if soort == "groep":
                from ija_core.groep import Groep

                return _meta(Groep.replay(data, methodiek=methodiek))
            from ija_core.traject import Traject

            return _meta(Traject.replay(data, methodiek=methodiek))
        except IjaError as exc:
            raise OpslagFout(
                f"{stroom!r} is bij het bijwerken van de opslag niet af te spelen met deze "
                f"methodiek: {exc}; er is niets veranderd"
            ) from None

    return meta


def _verwijderd_tekst(traject_id: str, graf: Any) -> str:
    return (
        f"traject {traject_id!r} is verwijderd op {str(graf[2])[:10]} door {graf[1]} "
        f"(reden: {graf[0]}); alleen die aantekening is bewaard"
    )


def _onbekend(traject_id: str, graf: Any) -> OnbekendeStroom:
    """The error for an id the store does not hold: removed (with its tombstone) or unknown."""
    if graf is not None:
        return OnbekendeStroom(_verwijderd_tekst(traject_id, graf), id=traject_id, verwijderd=True)
    return OnbekendeStroom(f"traject {traject_id!r} staat niet in de opslag", id=traject_id)


def _is_groep_aangemeld(event: Any) -> bool:
    """Whether the first event of a new stream starts a group (``groep-aangemeld``)."""
    from ija_core.groep import GroepAangemeld

    if isinstance(event, dict):
        return event.get("type") == GroepAangemeld.TYPE
    return isinstance(event, GroepAangemeld)


def _json(tekst: Any, stroom: str, sleutel: Any = None) -> Any:
    """A stored event's JSON, parsed (decrypted first when the stream has a key);
    ``OpslagFout`` when the row is not readable JSON."""
    if sleutel is not None:
        tekst = ontsleutel(bytes(sleutel), stroom, tekst)
    try:
        return orjson.loads(tekst)
    except (orjson.JSONDecodeError, TypeError):
        raise OpslagFout(
            f"{stroom!r}: een opgeslagen gebeurtenis is geen leesbare JSON (de opslag is "
            "beschadigd; db.controleer() zegt waar)"
        ) from None


def _beschadigd(stroom: str, exc: Exception) -> OpslagFout:
    """The error for a stored row the store cannot read back (a damaged store)."""
    return OpslagFout(
        f"{stroom!r}: de opgeslagen gegevens zijn niet te lezen ({exc}); de opslag is "
        "beschadigd, db.controleer() zegt waar"
    )


def _duur(marge: timedelta) -> str:
    """A margin in Dutch words (``1 uur``, ``90 minuten``, ``2 dagen``)."""
    seconden = int(marge.total_seconds())
    if seconden % 86400 == 0 and seconden:
        n, een, veel = seconden // 86400, "dag", "dagen"
    elif seconden % 3600 == 0 and seconden:
        n, een, veel = seconden // 3600, "uur", "uur"
    elif seconden % 60 == 0:
        n, een, veel = seconden // 60, "minuut", "minuten"
    else:
        n, een, veel = seconden, "seconde", "seconden"
    return f"{n} {een if n == 1 else veel}"


def _tekst(naam: str, waarde: Any) -> str:
    if not isinstance(waarde, str) or not waarde.strip():
        raise OngeldigeInvoer(
            f"{naam}: verwacht een niet-lege tekst (kreeg {type(waarde).__name__} {waarde!r})"
        )
    return waarde


def _versie(waarde: Any) -> int:
    if type(waarde) is not int or waarde < 1:
        raise OngeldigeInvoer(
            "versie: verwacht het aantal gebeurtenissen dat je zag, een geheel getal vanaf 1 "
            f"(kreeg {type(waarde).__name__} {waarde!r})"
        )
    return waarde


class Opslag:
    """An event store of trajecten (see ``ija_core.opslag.open``). Safe to share between
    threads: each thread gets its own database connection."""

    def __init__(
        self,
        backend: Backend,
        methodiek: Methodiek,
        klok: Klok | None,
        sleutel: bytes | None = None,
        toekomst_marge: timedelta = TOEKOMST_MARGE,
    ) -> None:
        self._backend = backend
        self._marge = toekomst_marge
        self._sleutel = sleutel
        self.methodiek = methodiek
        self._klok: Klok | None = klok
        self._cache: OrderedDict[str, tuple[str, Traject | Groep]] = OrderedDict()
        self._cache_slot = threading.Lock()
        self._sql = backend.sql
        try:
            self._merk_controleren()
        except BaseException:
            backend.sluit()
            raise

    def _merk_controleren(self) -> None:
        """A store made with a key opens only with that key, one made without only without."""
        merk = "sha256" if self._sleutel is None else "hmac-sha256:" + sleutel_merk(self._sleutel)
        try:
            rij = self._backend.lees(self._sql["merk"])
            if not rij and not self._backend.alleen_lezen:
                leeg = not self._backend.lees("SELECT 1 FROM ija_events LIMIT 1")
                if not leeg and self._sleutel is not None:
                    raise OpslagFout(
                        "deze opslag is zonder sleutel aangelegd; open hem zonder sleutel"
                    )
                p = self._sql["merk_param"]
                with self._backend.schrijf() as cur:
                    cur.execute(
                        f"INSERT INTO ija_opslag (sleutel, waarde) VALUES ('keten', {p}) "  # noqa: S608
                        "ON CONFLICT (sleutel) DO NOTHING",
                        (merk,),
                    )
                rij = self._backend.lees(self._sql["merk"])
            if not rij:
                return
        except self._backend.fouten as exc:
            raise OpslagFout(f"de opslag is niet te openen ({self._fout(exc)})") from None
        if rij[0][0] != merk:
            if self._sleutel is None:
                raise OpslagFout("deze opslag is met een sleutel aangelegd; open hem met sleutel=")
            if rij[0][0] == "sha256":
                raise OpslagFout("deze opslag is zonder sleutel aangelegd; open hem zonder sleutel")
            raise OpslagFout("dit is niet de sleutel waarmee deze opslag is aangelegd")

    def __repr__(self) -> str:
        return f"<ija_core.opslag.Opslag {self._backend.naam}>"

    # -- the context manager ----------------------------------------------------------------------

    def __enter__(self) -> Opslag:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every connection (of every thread). Closing twice is fine."""
        self._backend.sluit()
        self._cache.clear()

    # -- helpers ------------------------------------------------------------------------------------

    def _nu(self) -> str:
        if self._klok is None:
            return datetime.now(UTC).isoformat()
        moment = self._klok()
        if not isinstance(moment, datetime) or moment.utcoffset() is None:
            raise OngeldigeInvoer(
                f"klok: verwacht een datetime met tijdzone (kreeg {type(moment).__name__} "
                f"{moment!r})"
            )
        return moment.astimezone(UTC).isoformat()

    def _fout(self, exc: Exception) -> OpslagFout:
        return OpslagFout(f"{self._backend.naam}: {str(exc).strip() or type(exc).__name__}")

    def _open(self) -> None:
        if self._backend.gesloten:
            raise OpslagFout("de opslag is gesloten (db.close()); open hem opnieuw")

    def _onbekend(self, cur: Any, traject_id: str) -> OnbekendeStroom:
        cur.execute(self._sql["graf"], (traject_id,))
        return _onbekend(traject_id, cur.fetchone())

    def _niet_verwijderd(self, cur: Any, stroom_id: str) -> None:
        """``BestaatAl`` when ``stroom_id`` was erased: an erased id never comes back."""
        cur.execute(self._sql["graf"], (stroom_id,))
        graf = cur.fetchone()
        if graf is not None:
            raise BestaatAl(_verwijderd_tekst(stroom_id, graf), id=stroom_id)

    @staticmethod
    def _ongelijk(stroom: str, versie: int) -> OpslagFout:
        return OpslagFout(
            f"{stroom!r}: de opgeslagen gebeurtenissen kloppen niet met versie {versie} van de "
            "stroom (gewijzigd buiten de opslag om); er is niets vastgelegd, db.controleer() "
            "zegt waar"
        )

    def _niet_gevonden(self, traject_id: str) -> None:
        rijen = self._lees(self._sql["graf"], (traject_id,))
        raise _onbekend(traject_id, rijen[0] if rijen else None)

    def _replay_stroom(self, stroom_id: str, soort: str, rijen: Sequence[Any]) -> Any:
        """A stream rebuilt from its stored events (rows of text and key): a ``Traject``, or
        a ``Groep``."""
        data = [_json(t, stroom_id, k) for t, k in rijen]
        if soort == "groep":
            return self._replay_groep(stroom_id, data)
        return self._replay_data(stroom_id, data, self.methodiek)

    def _replay_groep(self, groep_id: str, events: list[Any]) -> Groep:
        from ija_core.groep import Groep

        try:
            return Groep.replay(events, methodiek=self.methodiek)
        except IjaError as exc:
            raise OpslagFout(
                f"groep {groep_id!r} in de opslag is niet meer af te spelen met deze "
                f"methodiek: {exc}"
            ) from None

    def _schrijf_events(
        self,
        cur: Any,
        traject_id: str,
        events: Sequence[Any],
        *,
        vanaf: int,
        vorige: str,
        door: str,
        sleutel: bytes | None,
    ) -> str:
        """Insert ``events`` (event objects) as volgnummer ``vanaf``...; the last hash.
        With a stream key the stored text is its ciphertext (the hash covers the plain JSON)."""
        nu = self._nu()
        fout = self._toekomst(events, nu, "$" if len(events) == 1 else None)
        if fout is not None:
            raise fout
        rijen = []
        for n, e in enumerate(events, vanaf):
            tekst = to_json(e, methodiek=self.methodiek, sort_keys=True).encode()
            vorige = keten_hash(
                vorige=vorige, event=tekst, stroom=traject_id, volgnummer=n, door=door,
                vastgelegd_op=nu, sleutel=self._sleutel,
            )  # fmt: skip
            opgeslagen = (
                tekst.decode() if sleutel is None else versleutel(sleutel, traject_id, tekst)
            )
            rijen.append((traject_id, n, e.TYPE, opgeslagen, door, nu, vorige))
        if len(rijen) == 1:
            cur.execute(self._sql["event_erbij"], rijen[0])
        else:
            cur.executemany(self._sql["event_erbij"], rijen)
        self._backend.feed_erbij(cur, [(traject_id, r[1], nu) for r in rijen])
        return vorige

    def _toekomst(self, events: Sequence[Any], nu: str, pad: str | None) -> InDeToekomst | None:
        """The refusal of the first event whose ``op`` lies beyond the store's clock plus its
        margin, or None. ``pad``: the JSON path of one event, or None for a list (``$[i]``)."""
        grens = datetime.fromisoformat(nu) + self._marge
        for i, e in enumerate(events):
            if e.op > grens:
                waar = pad if pad is not None else f"$[{i}]"
                return InDeToekomst(
                    f"{waar}.op",
                    f"{e.op.isoformat()} ligt meer dan {_duur(self._marge)} na de klok van de "
                    f"opslag ({grens - self._marge:%Y-%m-%d %H:%M} UTC); een tikfout in het "
                    "jaar? Er is niets vastgelegd",
                )
        return None

    def _nieuwe_sleutel(self, cur: Any, stroom_id: str) -> bytes | None:
        """A content key for a new stream, stored with it (only where the backend encrypts)."""
        if not self._backend.versleutelt:
            return None
        sleutel = nieuwe_sleutel()
        cur.execute(self._sql["sleutel_erbij"], (stroom_id, sleutel))
        return sleutel

    def _onthoud(self, traject_id: str, laatste_hash: str, t: Traject | Groep) -> None:
        """Remember the fold of a stream by its last hash (the most recent ``ONTHOUDEN``)."""
        with self._cache_slot:
            self._cache[traject_id] = (laatste_hash, t)
            self._cache.move_to_end(traject_id)
            if len(self._cache) > ONTHOUDEN:
                self._cache.popitem(last=False)

    # -- writing ------------------------------------------------------------------------------------

    def nieuw(self, aangemeld: Any, *, door: str) -> Any:
        """Start a traject with its ``aangemeld`` event (a JSON dict or event object), or a
        group stream with a ``groep-aangemeld`` event.

        Returns the traject (or ``Groep``) at version 1. Raises ``OngeldigeInvoer`` when the
        event is invalid or its id is already in the store (or was removed from it),
        ``RegelOvertreding`` when a rule refuses it; nothing is stored then. Traject and group
        ids share one namespace in a store.
        """
        if _is_groep_aangemeld(aangemeld):
            return self.importeer_groep([aangemeld], door=door)
        return self.importeer([aangemeld], door=door)

    def importeer_groep(self, events: Sequence[Any] | Groep, *, door: str) -> Groep:
        """Store a whole group at once: its events from the ``groep-aangemeld`` on, or a
        ``Groep``. Checked as ``Groep.replay`` does; all stored in one transaction, or none.
        The group id must be new to the store (trajecten and groups share one namespace)."""
        from ija_core.groep import Groep

        self._open()
        _tekst("door", door)
        if isinstance(events, Groep):
            g = (
                events
                if events.methodiek is self.methodiek
                else Groep.replay(events.events, methodiek=self.methodiek)
            )
        else:
            if isinstance(events, (str, bytes, dict)) or not isinstance(events, Sequence):
                raise OngeldigeInvoer(
                    f"events: verwacht een lijst gebeurtenissen (kreeg {type(events).__name__})"
                )
            g = Groep.replay(events, methodiek=self.methodiek)
        self._nieuwe_stroom(g.id, "groep", g, door)
        return g

    def _nieuwe_stroom(self, stroom_id: str, soort: str, geheel: Any, door: str) -> None:
        """Store a new stream with all its events in one transaction (id must be new)."""
        wat = "groep" if soort == "groep" else "traject"
        try:
            with self._backend.schrijf() as cur:
                self._backend.slot_op_id(cur, stroom_id)
                cur.execute(self._sql["stroom"], (stroom_id,))
                if cur.fetchone() is not None:
                    raise BestaatAl(
                        f"{wat} {stroom_id!r}: dit id staat al in de opslag; een nieuwe {wat} "
                        "heeft een eigen id (voeg gebeurtenissen toe met db.registreer)",
                        id=stroom_id,
                    )
                self._niet_verwijderd(cur, stroom_id)
                laatste = self._schrijf_events(
                    cur, stroom_id, geheel.events, vanaf=1, vorige="", door=door,
                    sleutel=self._nieuwe_sleutel(cur, stroom_id),
                )  # fmt: skip
                cur.execute(
                    self._sql["nieuwe_stroom"],
                    (stroom_id, soort, len(geheel.events), laatste, *_meta(geheel)),
                )
        except self._backend.fouten as exc:
            if self._backend.is_dubbel(exc):
                raise BestaatAl(
                    f"{wat} {stroom_id!r} staat al in de opslag (zojuist door een andere "
                    "schrijver aangemaakt)",
                    id=stroom_id,
                ) from None
            raise self._fout(exc) from None
        self._onthoud(stroom_id, laatste, geheel)

    def importeer(self, events: Sequence[Any] | Traject, *, door: str) -> Traject:
        """Store a whole traject at once: its events from the ``aangemeld`` on (e.g. a file),
        or a ``Traject`` built with this store's methodiek (its events were checked then).

        Every event is checked as ``Traject.replay`` does; all are stored in one transaction,
        or none. The traject id must be new to the store, as for ``nieuw``.
        """
        from ija_core.traject import Traject

        self._open()
        _tekst("door", door)
        if isinstance(events, Traject) and events.methodiek is self.methodiek:
            t = events
        else:
            if isinstance(events, Traject):
                events = events.events
            if isinstance(events, (str, bytes, dict)) or not isinstance(events, Sequence):
                raise OngeldigeInvoer(
                    f"events: verwacht een lijst gebeurtenissen (kreeg {type(events).__name__})"
                )
            if not events:
                raise OngeldigeInvoer("events: een traject begint met een aangemeld-gebeurtenis")
            t = Traject.replay(events, methodiek=self.methodiek)
        try:
            with self._backend.schrijf() as cur:
                self._backend.slot_op_id(cur, t.id)
                cur.execute(self._sql["stroom"], (t.id,))
                if cur.fetchone() is not None:
                    raise BestaatAl(
                        f"traject {t.id!r} staat al in de opslag; een nieuw traject heeft een "
                        "eigen id (voeg gebeurtenissen toe met db.registreer)",
                        id=t.id,
                    )
                self._niet_verwijderd(cur, t.id)
                laatste = self._schrijf_events(
                    cur, t.id, t.events, vanaf=1, vorige="", door=door,
                    sleutel=self._nieuwe_sleutel(cur, t.id),
                )  # fmt: skip
                cur.execute(
                    self._sql["nieuwe_stroom"], (t.id, "traject", len(t.events), laatste, *_meta(t))
                )
        except self._backend.fouten as exc:
            if self._backend.is_dubbel(exc):
                raise BestaatAl(
                    f"traject {t.id!r} staat al in de opslag (zojuist door een andere schrijver "
                    "aangemaakt)",
                    id=t.id,
                ) from None
            raise self._fout(exc) from None
        self._onthoud(t.id, laatste, t)
        return t

    def importeer_veel(self, trajecten: Sequence[Traject], *, door: str) -> list[str | None]:
        """Store many trajecten (built with this store's methodiek) in one transaction.

        For ``ija opslag importeer``: one commit for a whole batch instead of one per traject.
        A traject whose id is already in the store (or was removed from it, or comes twice in
        the batch) is skipped; the result holds, per traject, None when stored, else why not
        (Dutch). Either every traject not skipped is stored, or (a database error) none.
        """
        self._open()
        _tekst("door", door)
        for t in trajecten:
            if t.methodiek is not self.methodiek:
                raise OngeldigeInvoer(
                    "trajecten: elk traject moet gebouwd zijn met de methodiek van de opslag"
                )
        uitkomst: list[str | None] = []
        gezien: set[str] = set()
        try:
            with self._backend.schrijf() as cur:
                for tid in sorted({t.id for t in trajecten}):  # one order: no deadlock
                    self._backend.slot_op_id(cur, tid)
                for t in trajecten:
                    cur.execute(self._sql["stroom"], (t.id,))
                    bestaat = cur.fetchone() is not None
                    if bestaat or t.id in gezien:
                        uitkomst.append(f"traject {t.id!r} staat al in de opslag")
                        continue
                    cur.execute(self._sql["graf"], (t.id,))
                    graf = cur.fetchone()
                    if graf is not None:
                        uitkomst.append(_verwijderd_tekst(t.id, graf))
                        continue
                    toekomst = self._toekomst(t.events, self._nu(), None)
                    if toekomst is not None:
                        uitkomst.append(f"traject {t.id!r}: {toekomst.fouten[0]}")
                        continue
                    gezien.add(t.id)
                    laatste = self._schrijf_events(
                        cur, t.id, t.events, vanaf=1, vorige="", door=door,
                        sleutel=self._nieuwe_sleutel(cur, t.id),
                    )  # fmt: skip
                    cur.execute(
                        self._sql["nieuwe_stroom"],
                        (t.id, "traject", len(t.events), laatste, *_meta(t)),
                    )
                    uitkomst.append(None)
        except self._backend.fouten as exc:
            raise self._fout(exc) from None
        return uitkomst

    def registreer(self, traject_id: str, event: Any, *, versie: int, door: str) -> Any:
        """Add ``event`` to the traject (or group), if nobody else did something since you
        saw it. For a group stream the event is a group event and a ``Groep`` is returned.

        ``versie`` is the number of events you saw (``len(t.events)``). It is checked before
        anything else about the event: when the store holds more, ``VersieConflict`` and
        nothing is stored. Then the event is checked like ``Traject.registreer`` does
        (``OngeldigeInvoer``, ``RegelOvertreding``: nothing stored), chained and stored in the
        same transaction. Returns the new traject (version ``versie + 1``).

        The traject is folded before the write lock is taken (from one snapshot of its rows)
        and only checked under it: a huge traject does not keep other writers waiting while it
        is replayed. Should another writer move it on in between, the store folds it again
        (and in the end, under the lock).
        """
        self._open()
        _tekst("traject_id", traject_id)
        _versie(versie)
        _tekst("door", door)
        if traject_id not in self._cache:
            self._voorladen(traject_id)
        for poging in range(VOORLADEN):
            uitkomst = self._registreer(traject_id, event, versie, door, onder_slot=poging > 0)
            if uitkomst is not None:
                return uitkomst
            self._voorladen(traject_id)  # moved on since the fold: fold again, unlocked
        uitkomst = self._registreer(traject_id, event, versie, door, onder_slot=True)
        assert uitkomst is not None  # noqa: S101 - onder_slot always gives a result
        return uitkomst

    def _voorladen(self, traject_id: str) -> None:
        """Fold the stream from one snapshot of its rows, outside any write transaction, and
        keep it by its last hash. Anything odd is left to the write path to report."""
        try:
            kop, rijen = self._backend.lees_samen(
                [(self._sql["stroom"], (traject_id,)), (self._sql["events_keten"], (traject_id,))]
            )
        except self._backend.fouten:
            return
        if not kop or kop[0][0] not in ("traject", "groep") or type(kop[0][1]) is not int:
            return
        soort, huidig, laatste = kop[0][0], kop[0][1], kop[0][2]
        if (
            len(rijen) != huidig
            or not rijen
            or rijen[-1][2] != laatste
            or [r[0] for r in rijen] != list(range(1, huidig + 1))
        ):
            return
        try:
            t = self._replay_stroom(traject_id, soort, [(r[1], r[3]) for r in rijen])
        except IjaError:
            return
        del rijen
        if huidig >= GROOT_TRAJECT:
            # the fold made many objects: Python's full garbage collection is due, and would
            # otherwise come during the next allocations, under the write lock (seconds)
            gc.collect()
        self._onthoud(traject_id, laatste, t)

    def _registreer(
        self, traject_id: str, event: Any, versie: int, door: str, *, onder_slot: bool
    ) -> Any:
        """One attempt of ``registreer``; None when the kept fold is not that of the stream's
        last hash and ``onder_slot`` is False (nothing written: fold again outside the lock)."""
        try:
            with self._backend.schrijf() as cur:
                cur.execute(self._sql["stroom_slot"], (traject_id,))
                rij = cur.fetchone()
                if rij is None or rij[0] not in ("traject", "groep"):
                    raise self._onbekend(cur, traject_id)
                huidig, laatste = rij[1], rij[2]
                if type(huidig) is not int or not isinstance(laatste, str):
                    raise _beschadigd(traject_id, ValueError("versie of laatste hash onleesbaar"))
                if huidig != versie:
                    raise VersieConflict(traject_id, verwacht=versie, huidig=huidig)
                bewaard = self._cache.get(traject_id)
                t: Traject | Groep
                if bewaard is not None and bewaard[0] == laatste:
                    # the fold is that of the stream's last hash; the row must still be there
                    if rij[5] != laatste:
                        raise self._ongelijk(traject_id, huidig)
                    t = bewaard[1]
                elif not onder_slot:
                    raise _Opnieuw
                else:
                    cur.execute(self._sql["events_keten"], (traject_id,))
                    rijen = cur.fetchall()
                    if (
                        len(rijen) != huidig
                        or rijen[-1][2] != laatste
                        or [r[0] for r in rijen] != list(range(1, huidig + 1))
                    ):
                        raise self._ongelijk(traject_id, huidig)
                    t = self._replay_stroom(traject_id, rij[0], [(r[1], r[3]) for r in rijen])
                nieuw = t.registreer(event)
                if len(nieuw.events) != huidig + 1:  # the fold and the rows must agree
                    raise self._ongelijk(traject_id, huidig)
                laatste = self._schrijf_events(
                    cur, traject_id, nieuw.events[huidig:], vanaf=huidig + 1, vorige=laatste,
                    door=door, sleutel=None if rij[4] is None else bytes(rij[4]),
                )  # fmt: skip
                # only what an event can change (wijkteam, aanbieder, aangemeld_op cannot)
                status, fase, coach = (
                    nieuw.status,
                    getattr(nieuw, "fase", None),
                    getattr(nieuw, "coach", None),
                )
                laatst_op = nieuw.events[-1].op.isoformat()
                if coach == getattr(t, "coach", None):
                    cur.execute(
                        self._sql["stroom_bij"],
                        (huidig + 1, laatste, status, fase, laatst_op, traject_id),
                    )
                else:  # only then: the coach index is not touched by every other write
                    cur.execute(
                        self._sql["stroom_bij_coach"],
                        (huidig + 1, laatste, status, fase, laatst_op, coach, traject_id),
                    )
        except _Opnieuw:
            return None
        except self._backend.fouten as exc:
            if self._backend.is_dubbel(exc):  # the last line of defence: the primary key
                raise VersieConflict(traject_id, verwacht=versie, huidig=versie + 1) from None
            raise self._fout(exc) from None
        self._onthoud(traject_id, laatste, nieuw)
        return nieuw

    def verwijder(self, traject_id: str, *, reden: str, door: str) -> Verwijdering:
        """Remove a traject's events for good and keep only a tombstone (id, reden, door,
        when, how many events): erasure on request (AVG) or after the retention period.

        The id is never given out again in this store: erasing and creating the same id
        never interleave (SQLite: the write lock; PostgreSQL: a lock on the id). Then what
        the database files still hold of it is scrubbed: SQLite overwrites deleted content
        (``secure_delete``) and clears its WAL (a checkpoint); on PostgreSQL the stream's
        content key is destroyed and the key table rewritten. Returns the tombstone, whose
        ``opgeruimd`` is False when another connection kept that scrubbing from finishing
        within a few seconds (the erasure itself stands; the next one retries).
        """
        self._open()
        _tekst("traject_id", traject_id)
        _tekst("reden", reden)
        _tekst("door", door)
        nu = self._nu()
        try:
            with self._backend.schrijf() as cur:
                self._backend.slot_op_id(cur, traject_id)
                cur.execute(self._sql["stroom_slot"], (traject_id,))
                rij = cur.fetchone()
                if rij is None or rij[0] not in ("traject", "groep"):
                    raise self._onbekend(cur, traject_id)
                aantal = rij[1] if type(rij[1]) is int else -1
                cur.execute(self._sql["weg_events"], (traject_id,))
                cur.execute(self._sql["weg_sleutel"], (traject_id,))
                cur.execute(self._sql["weg_stroom"], (traject_id,))
                graf = (traject_id, rij[0], reden, door, nu, aantal)
                cur.execute(self._sql["grafsteen"], (*graf, graf_hash(graf, self._sleutel)))
        except self._backend.fouten as exc:
            raise self._fout(exc) from None
        with self._cache_slot:
            self._cache.pop(traject_id, None)
        try:
            opgeruimd = self._backend.na_verwijderen()
        except self._backend.fouten:
            opgeruimd = False
        return Verwijdering(
            id=traject_id,
            reden=reden,
            door=door,
            verwijderd_op=datetime.fromisoformat(nu),
            aantal=aantal,
            opgeruimd=opgeruimd,
        )

    # -- reading ------------------------------------------------------------------------------------

    def _lees(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        self._open()
        try:
            return self._backend.lees(sql, params)
        except self._backend.fouten as exc:
            raise self._fout(exc) from None

    def laad(self, traject_id: str) -> Any:
        """The traject as stored now, rebuilt from its events (``Traject.replay``); for a
        group stream the ``Groep`` (``Groep.replay``).

        Raises ``OngeldigeInvoer`` for an unknown (or removed) id.
        """
        _tekst("traject_id", traject_id)
        rijen = self._lees(self._sql["events"], (traject_id,))
        if not rijen:
            self._niet_gevonden(traject_id)
        return self._replay_stroom(traject_id, self._soort(traject_id), rijen)

    def _soort(self, stroom_id: str) -> str:
        rijen = self._lees(self._sql["soort"], (stroom_id,))
        return str(rijen[0][0]) if rijen else "traject"

    def groep_ids(self) -> list[str]:
        """The ids of the stored groups, sorted (``ids()`` lists the trajecten)."""
        return [r[0] for r in self._lees(self._sql["groep_ids"])]

    def groepen(self) -> list[Groep]:
        """Every stored group, rebuilt from its events, in order of id."""
        self._open()
        uit: list[Groep] = []
        huidig: str | None = None
        events: list[Any] = []
        try:
            for stroom, tekst, sleutel in self._backend.lees_rijen(self._sql["alle_groepsevents"]):
                if stroom != huidig:
                    if huidig is not None:
                        uit.append(self._replay_groep(huidig, events))
                    huidig, events = stroom, []
                events.append(_json(tekst, stroom, sleutel))
        except self._backend.fouten as exc:
            raise self._fout(exc) from None
        if huidig is not None:
            uit.append(self._replay_groep(huidig, events))
        return uit

    def ids(
        self,
        status: Literal["actief", "afgesloten"] | None = None,
        *,
        coach: str | None = None,
        wijkteam: str | None = None,
        aanbieder: str | None = None,
        fase: str | None = None,
        na: str | None = None,
        limiet: int | None = None,
    ) -> list[str]:
        """The ids of the stored trajecten, sorted, from the metadata kept with the events.

        Filters combine with AND; a value nobody has (an unknown coach, fase, ...) gives
        ``[]``. Keyset pages: ``na`` is the last id of the previous page (only ids after it),
        ``limiet`` the page size (``None``: all). Groups are listed by ``groep_ids()``.
        """
        if status is not None and status not in STATUSSEN:
            raise OngeldigeInvoer(f"status: verwacht 'actief' of 'afgesloten' (kreeg {status!r})")
        waar = ["soort = 'traject'"]
        params: list[Any] = []
        p = self._sql["merk_param"]
        for naam, waarde in (
            ("status", status), ("coach", coach), ("wijkteam", wijkteam),
            ("aanbieder", aanbieder), ("fase", fase),
        ):  # fmt: skip
            if waarde is not None:
                _tekst(naam, waarde)
                waar.append(f"{naam} = {p}")
                params.append(waarde)
        if na is not None:
            _tekst("na", na)
            waar.append(f"id > {p}")
            params.append(na)
        sql = f"SELECT id FROM ija_stromen WHERE {' AND '.join(waar)} ORDER BY id"  # noqa: S608
        if limiet is not None:
            if type(limiet) is not int or limiet < 1:
                raise OngeldigeInvoer(
                    f"limiet: verwacht een geheel getal vanaf 1 (kreeg {limiet!r})"
                )
            sql += f" LIMIT {p}"
            params.append(limiet)
        return [r[0] for r in self._lees(sql, params)]

    def info(self, stroom_id: str) -> Stroominfo:
        """What the store keeps about a traject or group beside its events (no replay).

        Raises ``OnbekendeStroom`` for an unknown or erased id.
        """
        _tekst("id", stroom_id)
        rijen = self._lees(self._sql["info"], (stroom_id,))
        if not rijen:
            self._niet_gevonden(stroom_id)
        i, soort, versie, fase, status, coach, wijkteam, aanbieder, begin, eind = rijen[0]
        try:
            return Stroominfo(
                id=i, soort=soort, versie=int(versie), fase=fase, status=status, coach=coach,
                wijkteam=wijkteam, aanbieder=aanbieder,
                aangemeld_op=datetime.fromisoformat(begin), laatst_op=datetime.fromisoformat(eind),
            )  # fmt: skip
        except (ValueError, TypeError) as exc:
            raise _beschadigd(stroom_id, exc) from None

    def sinds(self, positie: int = 0, limiet: int = 1000) -> list[FeedItem]:
        """The global feed: up to ``limiet`` stored events after ``positie``, in commit order.

        Ask again with the last ``positie`` you saw: you never miss an event and never see
        one twice, also while other threads, processes or app servers write (an event that
        commits later never gets a lower position than one already visible). An erased
        stream's items keep their place, with ``event`` None.
        """
        if type(positie) is not int or positie < 0:
            raise OngeldigeInvoer(f"positie: verwacht een geheel getal vanaf 0 (kreeg {positie!r})")
        if type(limiet) is not int or limiet < 1:
            raise OngeldigeInvoer(f"limiet: verwacht een geheel getal vanaf 1 (kreeg {limiet!r})")
        uit: list[FeedItem] = []
        for pos, stroom, n, op, tekst, sleutel, soort in self._lees(
            self._sql["sinds"], (positie, limiet)
        ):
            event: Any = None
            try:
                if tekst is not None:
                    klaar = tekst if sleutel is None else ontsleutel(bytes(sleutel), stroom, tekst)
                    event = from_json(
                        klaar, GroepGebeurtenis if soort == "groep" else Gebeurtenis,
                        methodiek=self.methodiek,
                    )
                uit.append(
                    FeedItem(
                        positie=int(pos), stroom=stroom, volgnummer=int(n), event=event,
                        vastgelegd_op=datetime.fromisoformat(op),
                    )
                )  # fmt: skip
            except (IjaError, ValueError, TypeError) as exc:
                if isinstance(exc, OpslagFout):
                    raise
                raise _beschadigd(str(stroom), exc) from None
        return uit

    def groepstoets(self, groep_id: str, *, peildatum: date) -> list[Normuitkomst]:
        """``ija.groepstoets`` of a stored group, its members' trajecten loaded from the
        store; a member whose traject was erased counts as erased.

        Raises ``OnbekendeStroom`` for an unknown id, ``OngeldigeInvoer`` when the id is a
        traject's.
        """
        from ija_core import Groep, groepstoets

        g = self.laad(groep_id)
        if not isinstance(g, Groep):
            raise OngeldigeInvoer(f"{groep_id!r} is een traject, geen groep")
        leden = sorted(set(g.ooit_leden))
        trajecten = []
        verwijderd = []
        for lid in leden:
            try:
                trajecten.append(self.laad(lid))
            except OnbekendeStroom as exc:
                if not exc.verwijderd:
                    raise OngeldigeInvoer(
                        f"groep {groep_id!r}: lid {lid!r} staat niet in de opslag"
                    ) from None
                verwijderd.append(lid)
        return groepstoets(
            g, trajecten, peildatum=peildatum, methodiek=self.methodiek, verwijderd=verwijderd
        )

    def geschiedenis(self, traject_id: str) -> list[Vastlegging]:
        """Every event of the traject with its volgnummer, who recorded it, when and its hash."""
        _tekst("traject_id", traject_id)
        rijen = self._lees(self._sql["geschiedenis"], (traject_id,))
        if not rijen:
            self._niet_gevonden(traject_id)
        soort: type[Any] = GroepGebeurtenis if self._soort(traject_id) == "groep" else Gebeurtenis
        uit: list[Vastlegging] = []
        for n, opgeslagen, op, door, h, sleutel in rijen:
            tekst = opgeslagen if sleutel is None else ontsleutel(bytes(sleutel), traject_id, opgeslagen)
            try:
                event = from_json(tekst, soort, methodiek=self.methodiek)
                moment = datetime.fromisoformat(op)
                if type(n) is not int or not isinstance(door, str) or not isinstance(h, str):
                    raise ValueError("volgnummer, door of hash heeft een verkeerd type")
            except (IjaError, ValueError, TypeError) as exc:
                raise _beschadigd(traject_id, exc) from None
            uit.append(
                Vastlegging(volgnummer=n, event=event, vastgelegd_op=moment, door=door, hash=h)
            )
        return uit

    def verwijderd(self) -> list[Verwijdering]:
        """The tombstones of removed trajecten, by id."""
        uit: list[Verwijdering] = []
        for i, r, d, op, n in self._lees(self._sql["grafstenen"]):
            try:
                uit.append(
                    Verwijdering(
                        id=i, reden=r, door=d, verwijderd_op=datetime.fromisoformat(op),
                        aantal=int(n),
                    )
                )  # fmt: skip
            except (ValueError, TypeError) as exc:
                raise _beschadigd(str(i), exc) from None
        return uit

    def trajecten(self) -> list[Traject]:
        """Every stored traject, rebuilt from its events, in order of id."""

        self._open()
        uit: list[Traject] = []
        m = self.methodiek
        huidig: str | None = None
        events: list[Any] = []
        try:
            for stroom, tekst, sleutel in self._backend.lees_rijen(self._sql["alle_events"]):
                if stroom != huidig:
                    if huidig is not None:
                        uit.append(self._replay_data(huidig, events, m))
                    huidig, events = stroom, []
                events.append(_json(tekst, stroom, sleutel))
        except self._backend.fouten as exc:
            raise self._fout(exc) from None
        if huidig is not None:
            uit.append(self._replay_data(huidig, events, m))
        return uit

    @staticmethod
    def _replay_data(traject_id: str, events: list[Any], m: Methodiek) -> Traject:
        from ija_core.traject import Traject

        try:
            return Traject.replay(events, methodiek=m)
        except IjaError as exc:
            raise OpslagFout(
                f"traject {traject_id!r} in de opslag is niet meer af te spelen met deze "
                f"methodiek: {exc}"
            ) from None

    def signalen(
        self,
        *,
        peildatum: date,
        normen: Iterable[Norm | str] | None = None,
        coach: str | None = None,
        wijkteam: str | None = None,
        aanbieder: str | None = None,
        ids: Iterable[str] | None = None,
    ) -> list[Normuitkomst]:
        """``ija.signalen`` over the stored trajecten, together with the group norms of the
        stored groups (``ija.groepstoets``, its members' trajecten from the store): the
        dreigt/verlopen outcomes at ``peildatum``, most urgent first.

        ``coach``, ``wijkteam``, ``aanbieder`` and ``ids`` (traject ids) choose the trajecten,
        from the metadata kept with the events as ``ids()`` reads it (AND; a value nobody
        has, or an id the store does not hold, gives nothing); only those streams are
        replayed. Closed trajecten are included (a nazorg norm may still run). A group's
        signals (its norms' outcomes for each of its members, chosen or not) are included
        when any of its members, past or present, is chosen; they are measured over all its
        members. Without any of these filters: every traject and
        every group.

        ``normen`` (ids or ``Norm`` objects) may mix traject norms and group norms: each is
        evaluated where it belongs. A member whose traject was erased (``verwijder``) counts as
        erased: the group's other members are measured as before. A group whose member
        traject is not in the store for another reason raises ``OngeldigeInvoer`` naming the
        ids.
        """
        from ija_core import alle_signalen, urgentie

        if coach is None and wijkteam is None and aanbieder is None and ids is None:
            alle_groepen = self.groepen()
            weg = [g.id for g in self.verwijderd()] if alle_groepen else []
            return alle_signalen(
                self.trajecten(),
                alle_groepen,
                peildatum=peildatum,
                methodiek=self.methodiek,
                normen=normen,
                verwijderd=weg,  # an erased member counts as erased, not as missing
            )
        gevraagd: set[str] | None = None
        if ids is not None:
            if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
                raise OngeldigeInvoer(
                    f"ids: verwacht een lijst van traject-ids (kreeg {type(ids).__name__})"
                )
            gevraagd = {_tekst(f"ids[{i}]", x) for i, x in enumerate(ids)}
        if normen is not None:
            normen = list(normen)  # read twice below
        gekozen = [
            i
            for i in self.ids(coach=coach, wijkteam=wijkteam, aanbieder=aanbieder)
            if gevraagd is None or i in gevraagd
        ]
        geladen: dict[str, Traject] = {}
        verwijderd: list[str] = []
        for i in gekozen:
            try:
                geladen[i] = self.laad(i)
            except OnbekendeStroom:  # erased since ids() read it: no longer chosen
                verwijderd.append(i)
        uit = alle_signalen(
            list(geladen.values()), [], peildatum=peildatum, methodiek=self.methodiek,
            normen=normen,
        )  # fmt: skip
        keuze = set(geladen)
        groepen = [g for g in self.groepen() if keuze.intersection(g.ooit_leden)]
        if groepen:
            leden = dict(geladen)
            for g in groepen:
                for lid in g.ooit_leden:
                    if lid in leden or lid in verwijderd:
                        continue
                    try:
                        leden[lid] = self.laad(lid)
                    except OnbekendeStroom as exc:
                        if not exc.verwijderd:
                            raise OngeldigeInvoer(
                                f"groep {g.id!r}: lid {lid!r} staat niet in de opslag"
                            ) from None
                        verwijderd.append(lid)
            groepsnormen = {n.id for n in self.methodiek.normen if n.groepsnorm} | {
                n.id for n in normen or () if not isinstance(n, str) and n.groepsnorm
            }
            van_groepen = alle_signalen(
                list(leden.values()), groepen, peildatum=peildatum,
                methodiek=self.methodiek, normen=normen, verwijderd=verwijderd,
            )  # fmt: skip
            # the groups' outcomes (one per member); the members' own are not asked for
            uit.extend(u for u in van_groepen if u.norm in groepsnormen)
            uit.sort(key=urgentie)
        return uit

    # -- checking -----------------------------------------------------------------------------------

    def anker(self) -> Anker:
        """The head of the store's chain now, for the app to keep outside the database.

        A digest over every stream's last link and every tombstone, read from one snapshot
        (writers are not stopped for it); what it covers is also noted in the store, so that
        ``controleer(anker=a)`` can later check that the store still passes through it.
        """
        self._open()
        try:
            stromen, graven = self._backend.lees_samen(
                [(self._sql["anker_stromen"], ()), (self._sql["anker_graven"], ())]
            )
        except self._backend.fouten as exc:
            raise self._fout(exc) from None
        rijen = sorted(
            [(str(i), int(v), str(h)) for i, v, h in stromen]
            + [(str(i), -1, str(h or "")) for i, h in graven]
        )
        for poging in range(5):
            try:
                with self._backend.schrijf() as cur:
                    cur.execute(self._sql["anker_max"])
                    positie = int(cur.fetchone()[0]) + 1
                    if rijen:
                        cur.executemany(
                            self._sql["anker_erbij"], [(positie, i, v, h) for i, v, h in rijen]
                        )
                    else:  # an empty store: one row marks the anchor
                        cur.execute(self._sql["anker_erbij"], (positie, "", 0, ""))
            except self._backend.fouten as exc:
                if self._backend.is_dubbel(exc) and poging < 4:
                    continue  # another anchor took this position at the same moment
                raise self._fout(exc) from None
            break
        return Anker(positie=positie, hash=anker_hash(positie, rijen, self._sleutel))

    def controleer(self, *, anker: Anker | None = None) -> list[str]:  # noqa: PLR0912, PLR0915
        """Check every hash chain: ``[]`` when all are intact, else one Dutch line per break.

        Finds an event whose text, door, moment or number was changed behind the API, an
        event removed from or added to a chain, a stream whose last hash or versie no
        longer matches its events, metadata beside the events (the ``type`` of a row, the
        ``soort`` and ``status`` of a stream) that no longer match them, and a tombstone
        changed behind the API. With a ``sleutel`` the links are keyed, so rows forged with
        recomputed hashes are found too. With ``anker`` (from ``db.anker()``) it also finds
        a cut tail or an older copy of the store put back.

        Never raises on a damaged store: an unreadable database, row, value of the wrong type
        or missing value is one line of the result too.
        """
        self._open()
        if anker is not None and not isinstance(anker, Anker):
            raise OngeldigeInvoer(
                f"anker: verwacht een Anker van db.anker() (kreeg {type(anker).__name__})"
            )
        try:
            stromen, events, graven, feed = self._backend.lees_samen(
                [
                    (self._sql["stromen_keten"], ()),
                    (self._sql["keten"], ()),
                    (self._sql["graven_keten"], ()),
                    (self._sql["feed_keten"], ()),
                ]
            )
            anker_rijen = (
                self._backend.lees(self._sql["anker_rijen"], (anker.positie,))
                if anker is not None
                else []
            )
        except self._backend.fouten as exc:
            return [f"de opslag is niet te lezen ({self._fout(exc)})"]
        breuken: list[str] = []
        kop: dict[str, tuple[int, str]] = {}
        meta: dict[str, tuple[Any, ...]] = {}
        for rij in stromen:
            sid, v, h = rij[:3]
            meta[sid] = tuple(rij[3:])
            if not isinstance(sid, str) or type(v) is not int or not isinstance(h, str):
                breuken.append(
                    f"stroom {sid!r}: onleesbare rij in ija_stromen (versie {v!r}, "
                    f"laatste hash {h!r})"
                )
                if isinstance(sid, str):
                    kop[sid] = (-1, "")
                continue
            kop[sid] = (v, h)
        nodig = {(str(r[0]), r[1]) for r in anker_rijen if type(r[1]) is int and r[1] > 0}
        gevonden: dict[tuple[str, int], str] = {}
        gezien: dict[str, tuple[int, str]] = {}
        vorige_stroom: Any = None
        vorige, verwacht = "", 1
        data: list[Any] = []

        def stroom_af(stroom: Any) -> None:
            gezien[stroom] = (verwacht - 1, vorige)
            breuken.extend(self._meta_breuken(stroom, meta.get(stroom), data))

        opgeslagen: dict[tuple[Any, Any], Any] = {}
        for stroom, n, tekst, door, op, h, sleutel, soort_event in events:
            opgeslagen[(stroom, n)] = op
            if stroom != vorige_stroom:
                if vorige_stroom is not None:
                    stroom_af(vorige_stroom)
                vorige_stroom, vorige, verwacht, data = stroom, "", 1, []
                if stroom not in kop:
                    breuken.append(
                        f"traject {stroom!r}: gebeurtenissen zonder traject in de opslag"
                    )
            fout, inhoud = None, tekst
            if sleutel is not None and tekst is not None:
                try:
                    inhoud = ontsleutel(bytes(sleutel), str(stroom), tekst)
                except OpslagFout:
                    fout = "niet te ontsleutelen met de sleutel van de stroom"
            fout = fout or _rij_fout(n, inhoud, door, op, h)
            if fout is not None:
                breuken.append(f"traject {stroom!r}: gebeurtenis {n!r}: {fout}")
                vorige = h if isinstance(h, str) else ""
                verwacht = n + 1 if type(n) is int else verwacht + 1
                data.append(None)
                continue
            if n != verwacht:
                breuken.append(
                    f"traject {stroom!r}: gebeurtenis {verwacht} ontbreekt (volgende is {n})"
                )
                verwacht = n
            tekst_b = inhoud.encode() if isinstance(inhoud, str) else bytes(inhoud)
            juist = keten_hash(
                vorige=vorige, event=tekst_b, stroom=str(stroom), volgnummer=n, door=door,
                vastgelegd_op=op, sleutel=self._sleutel,
            )  # fmt: skip
            if juist != h:
                breuken.append(
                    f"traject {stroom!r}: gebeurtenis {n} is gewijzigd buiten de opslag om "
                    "(de hash klopt niet met de inhoud, door, tijdstip of de vorige)"
                )
            event_data = orjson.loads(tekst_b)
            if not isinstance(event_data, dict) or event_data.get("type") != soort_event:
                breuken.append(
                    f"traject {stroom!r}: gebeurtenis {n}: het type in de opslag "
                    f"({soort_event!r}) is niet het type van de gebeurtenis"
                )
            data.append(event_data)
            if (str(stroom), n) in nodig:
                gevonden[(str(stroom), n)] = h
            vorige, verwacht = h, n + 1
        if vorige_stroom is not None:
            stroom_af(vorige_stroom)
        for sid, (versie, laatste) in kop.items():
            if versie < 0:
                continue  # already reported as unreadable
            if sid not in gezien:
                breuken.append(f"traject {sid!r}: alle gebeurtenissen ontbreken")
                continue
            tot, eind = gezien[sid]
            if tot != versie:
                breuken.append(
                    f"traject {sid!r}: de opslag noemt versie {versie}, maar er zijn "
                    f"{tot} gebeurtenissen"
                )
            elif eind != laatste:
                breuken.append(
                    f"traject {sid!r}: de laatste hash van het traject klopt niet met zijn "
                    "laatste gebeurtenis"
                )
        grafhash: dict[str, Any] = {}
        for rij in graven:
            grafhash[str(rij[0])] = rij[6]
            if rij[6] != graf_hash(tuple(rij[:6]), self._sleutel):
                breuken.append(
                    f"verwijderd traject {rij[0]!r}: de aantekening is gewijzigd buiten de "
                    "opslag om (de hash klopt niet)"
                )
        breuken.extend(_feed_breuken(feed, opgeslagen, set(grafhash)))
        if anker is not None:
            breuken.extend(_anker_breuken(anker, anker_rijen, gevonden, grafhash, self._sleutel))
        return breuken

    def _meta_breuken(
        self, stroom: Any, meta: tuple[Any, ...] | None, data: list[Any]
    ) -> list[str]:
        """The stream's soort, status and the rest of its ``info`` as the store keeps them,
        checked against its events (replayed)."""
        if meta is None or not data or any(d is None for d in data):
            return []
        soort = "groep" if isinstance(data[0], dict) and _is_groep_aangemeld(data[0]) else "traject"
        uit = []
        if meta[0] != soort:
            uit.append(
                f"traject {stroom!r}: de soort in de opslag ({meta[0]!r}) klopt niet met de "
                f"eerste gebeurtenis ({soort})"
            )
            return uit
        try:
            juist = _meta(
                self._replay_stroom(str(stroom), soort, [(orjson.dumps(d), None) for d in data])
            )
        except IjaError as exc:
            return [f"traject {stroom!r}: niet af te spelen ({exc})"]
        for naam, bewaard, echt in zip(("status", *META), meta[1:], juist, strict=True):
            if bewaard != echt:
                uit.append(
                    f"traject {stroom!r}: {_META_WOORD[naam]} in de opslag ({bewaard!r}) klopt "
                    f"niet met de gebeurtenissen ({echt!r})"
                )
        return uit


_META_WOORD = {
    "status": "de status",
    "fase": "de fase",
    "coach": "de coach",
    "wijkteam": "het wijkteam",
    "aanbieder": "de aanbieder",
    "aangemeld_op": "het moment van aanmelden",
    "laatst_op": "het moment van de laatste gebeurtenis",
}


def _feed_breuken(
    feed: list[Any], opgeslagen: dict[tuple[Any, Any], Any], verwijderd: set[str]
) -> list[str]:
    """The feed against the events: one row per stored event (same moment), and rows without
    an event only for erased streams."""
    uit: list[str] = []
    gezien: set[tuple[Any, Any]] = set()
    for positie, stroom, n, op in feed:
        sleutel = (stroom, n)
        if sleutel in gezien:
            uit.append(f"feed: gebeurtenis {n!r} van {stroom!r} staat er twee keer in")
            continue
        gezien.add(sleutel)
        if sleutel in opgeslagen:
            if opgeslagen[sleutel] != op:
                uit.append(
                    f"feed: positie {positie!r} ({stroom!r}, {n!r}) heeft een ander tijdstip "
                    "dan de gebeurtenis"
                )
        elif str(stroom) not in verwijderd:
            uit.append(
                f"feed: positie {positie!r} noemt gebeurtenis {n!r} van {stroom!r}, die niet "
                "in de opslag staat"
            )
    for stroom, n in opgeslagen:
        if (stroom, n) not in gezien:
            uit.append(f"feed: gebeurtenis {n!r} van {stroom!r} ontbreekt in de feed")
    return uit


def _anker_breuken(
    anker: Anker,
    rijen: list[Any],
    gevonden: dict[tuple[str, int], str],
    grafhash: dict[str, Any],
    sleutel: bytes | None,
) -> list[str]:
    """Whether the store still passes through ``anker``: one Dutch line per way it does not."""
    if not rijen:
        return [
            f"het anker (positie {anker.positie}) staat niet in deze opslag: een oudere kopie "
            "teruggezet, of de ankers zijn weggehaald"
        ]
    gedekt = [(str(i), v, str(h)) for i, v, h in rijen if i != ""]
    if anker_hash(anker.positie, gedekt, sleutel) != anker.hash:
        return [
            f"het anker (positie {anker.positie}) klopt niet met wat de opslag erover bewaart "
            "(gewijzigd buiten de opslag om)"
        ]
    uit = []
    for i, v, h in gedekt:
        if v < 0:
            if grafhash.get(i) != h:
                uit.append(f"verwijderd traject {i!r}: de aantekening van het anker ontbreekt")
        elif (i, v) in gevonden:
            if gevonden[(i, v)] != h:
                uit.append(f"traject {i!r}: gebeurtenis {v} is niet meer die van het anker")
        elif i not in grafhash:
            uit.append(
                f"traject {i!r}: gebeurtenis {v} uit het anker ontbreekt (ingekort of een "
                "oudere kopie)"
            )
    return uit


def _rij_fout(n: Any, tekst: Any, door: Any, op: Any, h: Any) -> str | None:
    """Why a stored event row cannot be checked (a wrong type, a missing value, JSON that
    cannot be read), or None when it can."""
    if type(n) is not int:
        return f"het volgnummer is geen geheel getal ({n!r})"
    for naam, waarde in (("de gebeurtenis", tekst), ("door", door), ("het tijdstip", op),
                         ("de hash", h)):  # fmt: skip
        if waarde is None:
            return f"{naam} ontbreekt (NULL)"
    if not isinstance(tekst, (str, bytes)):
        return f"de gebeurtenis is geen tekst ({type(tekst).__name__})"
    for naam, waarde in (("door", door), ("het tijdstip", op), ("de hash", h)):
        if not isinstance(waarde, str):
            return f"{naam} is geen tekst ({waarde!r})"
    try:
        orjson.loads(tekst)
    except orjson.JSONDecodeError:
        return "de gebeurtenis is geen leesbare JSON"
    return None
