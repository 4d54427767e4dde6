"""Strict reading of JSON values: the hooks for scalars, dates and durations, the JSON parser,
and the flattening of cattrs' error trees into Dutch ``path: message`` lines.

Nothing here knows a Methodiek or an event; the codec (``ija_core._codec._codec``) builds its
converters from these pieces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal, get_args, get_origin

import attrs
import orjson

from ija_core.errors import Fout, OngeldigeInvoer

__all__ = [
    "JAREN",
    "SCHEIDINGSTEKENS_25",
    "Invoerfout",
    "fouten_uit",
    "laad_json",
    "losse_surrogaat",
    "onveilige_invoer",
    "parse_datum",
    "parse_tijdstip",
    "stroom_events",
    "type_naam",
]

# fullmatch and re.ASCII: '$' would accept a trailing newline and '\d' Arabic-Indic digits.
_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIJDSTIP = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})", re.ASCII
)
_ZONDER_AFWIJKING = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", re.ASCII)
SCHEIDINGSTEKENS_25 = frozenset(("--T::+:", "--T::-:", "-- ::+:", "-- ::-:"))
"""``value[4::3]`` of a 25-character timestamp in the pattern: the separators at positions 4,
7, 10, 13, 16, 19 and 22 of ``JJJJ-MM-DDTuu:mm:ss+01:00`` (``T`` or a space between date and
time). With these in place ``datetime.fromisoformat`` accepts only what ``_TIJDSTIP`` does."""
_DUUR = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", re.ASCII)

JAREN = (2, 9998)
"""The supported years of dates and timestamps, inclusive. Years 1 and 9999 (often sentinel
values in databases, such as ``9999-12-31``) are refused as invalid input: one day on either
side would leave the range Python's ``datetime`` can hold, when converting to UTC or to
Amsterdam time, and when counting days from them."""
_BEREIK = f"de jaren {JAREN[0]:04d} tot en met {JAREN[1]}"


class Invoerfout(ValueError):
    """A strict-hook refusal whose message is already Dutch and complete; ``code`` is the
    ``Fout`` code it is reported with (``type``, ``ongeldige-datum`` ...)."""

    def __init__(self, bericht: str, code: str = "ongeldig") -> None:
        super().__init__(bericht)
        self.code = code


_TYPE_NAMEN: dict[type[Any], str] = {
    str: "tekst",
    int: "geheel getal",
    float: "getal",
    bool: "ja/nee-waarde (true/false)",
    list: "lijst",
    tuple: "lijst",
    dict: "object",
    type(None): "null",
}


def type_naam(value: Any) -> str:
    """The Dutch name of a JSON value's type (``tekst``, ``lijst`` ...) for messages."""
    return _TYPE_NAMEN.get(type(value), type(value).__name__)


def strikte_str(value: Any, _: Any) -> str:
    """A ``str`` field takes only text (no ``12`` for ``"12"``), valid Unicode."""
    if not isinstance(value, str):
        raise Invoerfout(f"verwacht tekst (kreeg {type_naam(value)} {value!r})", "type")
    if not value.isascii():
        fout = _tekstfout(value)
        if fout is not None:
            raise Invoerfout(fout)
    return value


def losse_surrogaat(s: str) -> bool:
    """Whether ``s`` holds a lone surrogate (not valid Unicode; JSON text cannot carry it)."""
    return not s.isascii() and _tekstfout(s) is not None


def strikte_int(value: Any, _: Any) -> int:
    """An ``int`` field takes only whole numbers (no bools, no ``3.7``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invoerfout(f"verwacht een geheel getal (kreeg {type_naam(value)} {value!r})", "type")
    return value


def strikte_float(value: Any, _: Any) -> float:
    """A ``float`` field takes numbers, not bools."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invoerfout(f"verwacht een getal (kreeg {type_naam(value)} {value!r})", "type")
    return float(value)


def strikte_bool(value: Any, _: Any) -> bool:
    """A ``bool`` field takes only ``true``/``false`` (no ``"ja"``)."""
    if not isinstance(value, bool):
        raise Invoerfout(f"verwacht true of false (kreeg {type_naam(value)} {value!r})", "type")
    return value


def parse_datum(value: Any, _: Any = None) -> date:
    """Parse a ``YYYY-MM-DD`` date that must exist (``2014-02-29`` does not) and lie in
    ``JAREN``."""
    if not isinstance(value, str) or not _DATUM.fullmatch(value):
        raise Invoerfout(
            f"verwacht een datum als 'JJJJ-MM-DD' (kreeg {value!r})",
            "ongeldige-datum" if isinstance(value, str) else "type",
        )
    try:
        d = date.fromisoformat(value)
    except ValueError:
        raise Invoerfout(f"die datum bestaat niet ({value!r})", "ongeldige-datum") from None
    if not JAREN[0] <= d.year <= JAREN[1]:
        raise Invoerfout(
            f"datum buiten het ondersteunde bereik, {_BEREIK} (kreeg {value!r})", "ongeldige-datum"
        )
    return d


def parse_tijdstip(value: Any, _: Any = None) -> datetime:
    """Parse an ISO 8601 timestamp that must carry a UTC offset, must exist and must lie in
    ``JAREN`` (its own year and its UTC year)."""
    if value.__class__ is str and len(value) == 25 and value[4::3] in SCHEIDINGSTEKENS_25:
        # Fast path for the common 'JJJJ-MM-DDTuu:mm:ss+01:00': with these separators in
        # place, fromisoformat accepts exactly what the pattern below accepts.
        try:
            t = datetime.fromisoformat(value)
        except ValueError:
            pass  # the full check below gives the message
        else:
            if JAREN[0] < t.year < JAREN[1]:  # a year inside: no offset reaches the edge
                return t
    if not isinstance(value, str) or not _TIJDSTIP.fullmatch(value):
        if isinstance(value, str) and _ZONDER_AFWIJKING.match(value):
            raise Invoerfout(
                f"tijdstip zonder UTC-afwijking; schrijf bv. '{value}+01:00' of '{value}Z' "
                f"(kreeg {value!r})",
                "ongeldige-datum",
            )
        raise Invoerfout(
            f"verwacht een tijdstip als 'JJJJ-MM-DDTuu:mm:ss+01:00' (kreeg {value!r})",
            "ongeldige-datum" if isinstance(value, str) else "type",
        )
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        raise Invoerfout(f"dat tijdstip bestaat niet ({value!r})", "ongeldige-datum") from None
    try:
        utc_jaar = t.astimezone(UTC).year
    except OverflowError:
        utc_jaar = 0
    if not (JAREN[0] <= t.year <= JAREN[1] and JAREN[0] <= utc_jaar <= JAREN[1]):
        raise Invoerfout(
            f"tijdstip buiten het ondersteunde bereik, {_BEREIK} (kreeg {value!r})",
            "ongeldige-datum",
        )
    return t


def tijdstip_uit(value: datetime) -> str:
    """A timestamp as ISO 8601 text (what orjson writes for a datetime, too)."""
    return value.isoformat()


def duur_uit(value: timedelta) -> str:
    """A duration as ISO 8601 (``P28D``, ``PT24H``)."""
    seconden = int(value.total_seconds())
    dagen, rest = divmod(seconden, 86400)
    uren, rest = divmod(rest, 3600)
    minuten, sec = divmod(rest, 60)
    tijd = "".join(f"{n}{e}" for n, e in ((uren, "H"), (minuten, "M"), (sec, "S")) if n)
    return "P" + (f"{dagen}D" if dagen or not tijd else "") + (f"T{tijd}" if tijd else "")


def duur_in(value: Any, _: Any) -> timedelta:
    """Parse an ISO 8601 duration of days, hours, minutes and seconds."""
    m = _DUUR.fullmatch(value) if isinstance(value, str) else None
    if not m or value in ("P", "PT"):
        raise Invoerfout(f"verwacht een duur als 'P28D' of 'PT24H' (kreeg {value!r})")
    d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    try:
        return timedelta(days=d, hours=h, minutes=mi, seconds=s)
    except OverflowError:
        raise Invoerfout(f"die duur is te lang (kreeg {value!r})") from None


def is_record(t: Any) -> bool:
    """Whether ``t`` is an attrs class (or a generic one)."""
    return attrs.has(t) or attrs.has(get_origin(t))


def is_literal(t: Any) -> bool:
    """Whether ``t`` is a ``Literal[...]``."""
    return get_origin(t) is Literal


def strikte_literal(t: Any) -> Callable[[Any, Any], Any]:
    """A hook that takes exactly one of the literal's values (same type, no coercion)."""
    toegestaan = get_args(t)

    def structure(value: Any, _: Any) -> Any:
        for keuze in toegestaan:
            if value == keuze and type(value) is type(keuze):
                return value
        opties = ", ".join(repr(k) for k in toegestaan)
        raise Invoerfout(f"verwacht een van {opties} (kreeg {value!r})", "onbekende-waarde")

    return structure


def is_homogene_tuple(t: Any) -> bool:
    """Whether ``t`` is ``tuple[X, ...]``."""
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def is_mapping(t: Any) -> bool:
    """Whether ``t`` is a ``dict[...]`` or ``Mapping[...]``."""
    return get_origin(t) in (dict, Mapping)


# --- where the error lines come from ---------------------------------------------------------


def _pad_en_bericht(exc: BaseException, pad: str) -> list[Fout]:
    from cattrs.errors import ForbiddenExtraKeysError

    if isinstance(exc, Invoerfout):
        return [Fout(pad, exc.code, str(exc))]
    if isinstance(exc, ForbiddenExtraKeysError):
        velden = ", ".join(sorted(str(v) for v in exc.extra_fields))
        return [Fout(pad, "onbekend-veld", f"onbekend veld ({velden})")]
    if isinstance(exc, KeyError):
        return [Fout(pad, "ontbreekt", "verplicht veld ontbreekt")]
    if isinstance(exc, OngeldigeInvoer):
        return [f.onder(pad) for f in exc.fouten]
    if isinstance(exc, ValueError | TypeError):
        bericht = str(exc)
        veld = re.match(r"^'(\w+)'", bericht)
        if veld and not pad.endswith(f".{veld.group(1)}"):
            pad = f"{pad}.{veld.group(1)}"
        return [Fout(pad, "ongeldig", bericht)]
    return [Fout(pad, "ongeldig", f"{type(exc).__name__}: {exc}")]


def fouten_uit(exc: BaseException, pad: str = "$") -> list[Fout]:
    """Flatten a cattrs error tree into ``Fout`` records (``path: message`` lines, Dutch),
    each with the code of its kind of error."""
    from cattrs.errors import ClassValidationError, IterableValidationError

    if isinstance(exc, ClassValidationError | IterableValidationError):
        regels: list[Fout] = []
        gegroepeerd, zonder = exc.group_exceptions()
        for sub, noot in gegroepeerd:
            naam = getattr(noot, "name", None)
            index = getattr(noot, "index", None)
            if naam is not None:
                subpad = f"{pad}.{naam}" if isinstance(naam, str) else f"{pad}[{naam!r}]"
            elif index is not None:
                subpad = f"{pad}[{index}]"
            else:
                subpad = pad
            regels.extend(fouten_uit(sub, subpad))
        for sub in zonder:
            regels.extend(fouten_uit(sub, pad))
        return regels
    if isinstance(exc, ExceptionGroup):
        return [regel for sub in exc.exceptions for regel in fouten_uit(sub, pad)]
    return _pad_en_bericht(exc, pad)


# --- what cattrs cannot be trusted with ------------------------------------------------------


def _sleutel(k: Any) -> str:
    return f".{k}" if isinstance(k, str) and re.fullmatch(r"\w+", k) else f"[{k!r}]"


def _tekstfout(s: str) -> str | None:
    if s.isascii():
        return None
    try:
        s.encode("utf-8")
    except UnicodeEncodeError as exc:
        return (
            f"tekst met een losse surrogaat ({s[exc.start]!r} op positie {exc.start + 1}); "
            f"dat is geen geldige Unicode-tekst"
        )
    return None


def onveilige_invoer(data: Any, pad: str = "$", diepte: int = 0) -> list[Fout]:
    """Problems in Python-built input that JSON text cannot carry: a key that is not text,
    a lone surrogate in a string (``to_json`` could not write it back), nesting deeper than
    JSON allows. JSON parsed by orjson never has them, so only Python input is checked.
    """
    if diepte > 200:
        return [Fout(pad, "ongeldig", "te diep genest")]
    if isinstance(data, str):
        fout = _tekstfout(data)
        return [] if fout is None else [Fout(pad, "ongeldig", fout)]
    fouten: list[Fout] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if not isinstance(k, str):
                fouten.append(Fout(pad, "type", f"veldnaam {k!r} is geen tekst ({type_naam(k)})"))
                continue
            fout = _tekstfout(k)
            if fout is not None:
                fouten.append(Fout(pad, "ongeldig", f"veldnaam {k!r}: {fout}"))
                continue
            fouten.extend(onveilige_invoer(v, pad + _sleutel(k), diepte + 1))
    elif isinstance(data, list | tuple):
        for i, v in enumerate(data):
            fouten.extend(onveilige_invoer(v, f"{pad}[{i}]", diepte + 1))
    return fouten


# --- JSON text ------------------------------------------------------------------------------

_JSON_FOUTEN: tuple[tuple[str, str], ...] = (
    ("zero-length", "het document is leeg"),
    ("input data is empty", "het document is leeg"),
    ("unexpected end of data", "de tekst houdt midden in een waarde op"),
    ("trailing comma", "komma na het laatste element"),
    ("expected ',' or ']'", "verwacht ',' of ']'"),
    ("expected ',' or '}'", "verwacht ',' of '}'"),
    ("expected ':' after key", "verwacht ':' na de veldnaam"),
    ("expected a string key", "verwacht een veldnaam tussen dubbele aanhalingstekens"),
    ("expected a JSON value", "verwacht een JSON-waarde"),
    ("content after document", "nog tekst na het einde van het document"),
    ("invalid literal", "onbekend woord (bedoeld: true, false of null?)"),
    ("not valid UTF-8", "geen geldige UTF-8-tekst"),
    ("surrogate", "ongeldige surrogaat in een \\u-escape"),
    ("invalid escaped sequence", "ongeldige escape (\\) in een tekst"),
    ("control character", "stuurteken (zoals een regeleinde) in een tekst"),
    ("leading zero", "getal met een voorloopnul"),
    ("no digit", "onvolledig getal"),
    ("infinity", "getal te groot"),
    ("depth limit", "te diep genest"),
    ("byte order mark", "byte-volgordemarkering (BOM) op een onverwachte plaats"),
)


def _json_bericht(msg: str) -> str:
    for engels, nederlands in _JSON_FOUTEN:
        if engels in msg:
            return nederlands
    return "onverwacht teken"


_BOM = "\ufeff"
_BOM_BYTES = b"\xef\xbb\xbf"


def laad_json(text: Any) -> Any:
    """Parse JSON text (``str`` or UTF-8 ``bytes``; a leading BOM is skipped).

    A syntax error becomes ``OngeldigeInvoer`` in Dutch, naming line and column.
    """
    if isinstance(text, str):
        if text.startswith(_BOM):
            text = text[1:]
    elif isinstance(text, bytes | bytearray | memoryview):
        if bytes(text[:3]) == _BOM_BYTES:
            text = bytes(text[3:])
    else:
        raise OngeldigeInvoer(
            [Fout("$", "type", f"verwacht JSON-tekst (kreeg {type(text).__name__})")]
        )
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        bericht = f"geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): "
        raise OngeldigeInvoer([Fout("$", "geen-json", bericht + _json_bericht(exc.msg))]) from None


def stroom_events(value: Any, formaat: str, wat: str) -> tuple[Any, str]:
    """The events of a stream file and the JSON path they stand at.

    A stream (a traject, a group) is written as ``{"formaat": formaat, "events": [...]}`` and
    may be read as a bare list of events. Anything else raises ``OngeldigeInvoer`` listing
    every problem of the envelope; ``wat`` names the stream in the message (``"een traject"``).
    """
    from ija_core.errors import OngeldigeInvoer

    if isinstance(value, list):
        return value, "$"
    if value.__class__ is not dict:
        raise OngeldigeInvoer(
            [
                Fout(
                    "$",
                    "type",
                    f"verwacht {wat}: een object met 'formaat' en 'events', of een lijst van "
                    f"gebeurtenissen (kreeg {type_naam(value)})",
                )
            ]
        )
    fouten = []
    extra = sorted(str(k) for k in value if k not in ("formaat", "events"))
    if extra:
        fouten.append(Fout("$", "onbekend-veld", f"onbekend veld ({', '.join(extra)})"))
    if "formaat" not in value:
        fouten.append(
            Fout("$.formaat", "ontbreekt", f"verplicht veld ontbreekt (verwacht {formaat!r})")
        )
    elif value["formaat"] != formaat:
        fouten.append(
            Fout(
                "$.formaat",
                "onbekende-waarde",
                f"onbekend formaat {value['formaat']!r}; deze versie leest {formaat!r}",
            )
        )
    if "events" not in value:
        fouten.append(Fout("$.events", "ontbreekt", "verplicht veld ontbreekt"))
    if fouten:
        raise OngeldigeInvoer(fouten)
    return value["events"], "$.events"
