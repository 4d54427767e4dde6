"""JSON in and out: the one place that owns the cattrs converter.

A converter is built per ``Methodiek`` (after its plugins are loaded, so plugin result types
are known) and cached on it. Input is strict: no silent coercion (``"ja"`` is not a bool,
``12`` is not a string), unknown keys are refused, dates must exist and timestamps must carry
a UTC offset. Decoding runs a fast converter first; only when that fails is the input decoded
again with detailed validation, to report every problem as ``path: message``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args, get_origin

import attrs
import cattrs
import orjson
from cattrs.cols import homogenous_tuple_structure_factory, mapping_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.preconf.orjson import make_converter

from ija_core.errors import IjaError, OngeldigeInvoer

if TYPE_CHECKING:
    from ija_core.methodiek import Methodiek

T = TypeVar("T")

_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIJDSTIP = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})", re.ASCII
)
SCHEIDINGSTEKENS_25 = frozenset(("--T::+:", "--T::-:", "-- ::+:", "-- ::-:"))
"""``value[4::3]`` of a 25-character timestamp in the pattern: the separators at positions 4,
7, 10, 13, 16, 19 and 22 of ``JJJJ-MM-DDTuu:mm:ss+01:00`` (``T`` or a space between date and
time). With these in place ``datetime.fromisoformat`` accepts only what ``_TIJDSTIP`` does."""
_DUUR = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", re.ASCII)


class _Invoerfout(ValueError):
    """A strict-hook refusal whose message is already Dutch and complete."""


def _type_naam(value: Any) -> str:
    return {
        str: "tekst",
        int: "geheel getal",
        float: "getal",
        bool: "ja/nee-waarde (true/false)",
        list: "lijst",
        dict: "object",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise _Invoerfout(f"verwacht tekst (kreeg {_type_naam(value)} {value!r})")
    return value


def _int(value: Any, _: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invoerfout(f"verwacht een geheel getal (kreeg {_type_naam(value)} {value!r})")
    return value


def _float(value: Any, _: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invoerfout(f"verwacht een getal (kreeg {_type_naam(value)} {value!r})")
    return float(value)


def _bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invoerfout(f"verwacht true of false (kreeg {_type_naam(value)} {value!r})")
    return value


def parse_datum(value: Any, _: Any = None) -> date:
    """Parse a ``YYYY-MM-DD`` date that must exist (``2014-02-29`` does not)."""
    if not isinstance(value, str) or not _DATUM.fullmatch(value):
        raise _Invoerfout(f"verwacht een datum als 'JJJJ-MM-DD' (kreeg {value!r})")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Invoerfout(f"die datum bestaat niet ({value!r})") from None


def parse_tijdstip(value: Any, _: Any = None) -> datetime:
    """Parse an ISO 8601 timestamp that must carry a UTC offset and must exist."""
    if value.__class__ is str and len(value) == 25 and value[4::3] in SCHEIDINGSTEKENS_25:
        # Fast path for the common 'JJJJ-MM-DDTuu:mm:ss+01:00': with these separators in
        # place, fromisoformat accepts exactly what the pattern below accepts.
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass  # the full check below gives the message
    if not isinstance(value, str) or not _TIJDSTIP.fullmatch(value):
        if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", value):
            raise _Invoerfout(
                f"tijdstip zonder UTC-afwijking; schrijf bv. '{value}+01:00' of '{value}Z' "
                f"(kreeg {value!r})"
            )
        raise _Invoerfout(
            f"verwacht een tijdstip als 'JJJJ-MM-DDTuu:mm:ss+01:00' (kreeg {value!r})"
        )
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise _Invoerfout(f"dat tijdstip bestaat niet ({value!r})") from None


def _tijdstip_uit(value: datetime) -> str:
    return value.isoformat()


def _duur_uit(value: timedelta) -> str:
    seconden = int(value.total_seconds())
    dagen, rest = divmod(seconden, 86400)
    uren, rest = divmod(rest, 3600)
    minuten, sec = divmod(rest, 60)
    tijd = "".join(f"{n}{e}" for n, e in ((uren, "H"), (minuten, "M"), (sec, "S")) if n)
    return "P" + (f"{dagen}D" if dagen or not tijd else "") + (f"T{tijd}" if tijd else "")


def _duur_in(value: Any, _: Any) -> timedelta:
    m = _DUUR.fullmatch(value) if isinstance(value, str) else None
    if not m or value in ("P", "PT"):
        raise _Invoerfout(f"verwacht een duur als 'P28D' of 'PT24H' (kreeg {value!r})")
    d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    return timedelta(days=d, hours=h, minutes=mi, seconds=s)


def _type_naam_van(cls: type[Any]) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _strikte_reeks(converter: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(t: Any) -> Any:
        basis = homogenous_tuple_structure_factory(t, converter)

        def structure(value: Any, typ: Any) -> Any:
            if not isinstance(value, list | tuple):
                raise _Invoerfout(f"verwacht een lijst (kreeg {_type_naam(value)} {value!r})")
            return basis(value, typ)

        return structure

    return factory


def _strikte_mapping(converter: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(t: Any) -> Any:
        basis = mapping_structure_factory(t, converter)

        def structure(value: Any, typ: Any) -> Any:
            if not isinstance(value, dict):
                raise _Invoerfout(f"verwacht een object (kreeg {_type_naam(value)} {value!r})")
            return basis(value, typ)

        return structure

    return factory


def _is_record(t: Any) -> bool:
    return attrs.has(t) or attrs.has(get_origin(t))


def _strikt_record(converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Records (attrs classes) come from a JSON object; anything else is refused in Dutch.

    Without this check cattrs reaches into a number or a list as if it were an object and
    fails with a raw ``AttributeError``/``TypeError``.
    """

    def factory(t: Any) -> Any:
        basis = converter.gen_structure_attrs_fromdict(t)

        def structure(value: Any, typ: Any) -> Any:
            if not isinstance(value, dict):
                raise _Invoerfout(f"verwacht een object (kreeg {_type_naam(value)} {value!r})")
            return basis(value, typ)

        return structure

    return factory


def _is_literal(t: Any) -> bool:
    return get_origin(t) is Literal


def _strikte_literal(t: Any) -> Callable[[Any, Any], Any]:
    toegestaan = get_args(t)

    def structure(value: Any, _: Any) -> Any:
        for keuze in toegestaan:
            if value == keuze and type(value) is type(keuze):
                return value
        opties = ", ".join(repr(k) for k in toegestaan)
        raise _Invoerfout(f"verwacht een van {opties} (kreeg {value!r})")

    return structure


def _is_homogene_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_mapping(t: Any) -> bool:
    return get_origin(t) in (dict, Mapping)


def _resultaattypen(methodiek: Methodiek | None) -> dict[str, type[Any]]:
    if methodiek is not None:
        instrumenten = methodiek.instrumenten
    else:
        from ija_core.tools.catalogue import HANDBOEK_INSTRUMENTEN

        instrumenten = HANDBOEK_INSTRUMENTEN
    return {_type_naam_van(i.resultaat): i.resultaat for i in instrumenten if i.resultaat}


def bouw_converter(
    methodiek: Methodiek | None = None, *, detailed: bool = False
) -> cattrs.Converter:
    """Build a strict JSON converter that knows the methodiek's plugin types.

    ``detailed=True`` gives slower decoding that reports every problem with its path.
    """
    conv = make_converter(forbid_extra_keys=True, detailed_validation=detailed)
    conv.register_structure_hook(str, _str)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(float, _float)
    conv.register_structure_hook(bool, _bool)
    conv.register_structure_hook(date, parse_datum)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(datetime, parse_tijdstip)
    conv.register_unstructure_hook(datetime, _tijdstip_uit)
    conv.register_structure_hook(timedelta, _duur_in)
    conv.register_unstructure_hook(timedelta, _duur_uit)
    conv.register_structure_hook_factory(_is_record, _strikt_record(conv))
    conv.register_structure_hook_factory(_is_literal, _strikte_literal)
    conv.register_structure_hook_factory(_is_homogene_tuple, _strikte_reeks(conv))
    conv.register_structure_hook_factory(_is_mapping, _strikte_mapping(conv))

    typen = _resultaattypen(methodiek)

    def resultaattype_in(value: Any, _: Any) -> type[Any] | None:
        if value is None:
            return None
        if not isinstance(value, str) or value not in typen:
            raise _Invoerfout(
                f"onbekend resultaattype {value!r}; bekend zijn: {', '.join(sorted(typen))}"
            )
        return typen[value]

    def resultaattype_uit(value: type[Any] | None) -> str | None:
        return None if value is None else _type_naam_van(value)

    conv.register_structure_hook(type[Any] | None, resultaattype_in)
    conv.register_unstructure_hook(type[Any] | None, resultaattype_uit)
    _configureer_extra(conv, methodiek, detailed=detailed)
    return conv


_EXTRA: list[Callable[[cattrs.Converter, Any, bool], None]] = []


def registreer_configuratie(functie: Callable[[cattrs.Converter, Any, bool], None]) -> None:
    """Let an engine module add hooks (e.g. the traject's event union) to every new converter."""
    if functie not in _EXTRA:
        _EXTRA.append(functie)


def _configureer_extra(conv: cattrs.Converter, methodiek: Any, *, detailed: bool) -> None:
    for functie in _EXTRA:
        functie(conv, methodiek, detailed)


_standaard: dict[tuple[bool, int], cattrs.Converter] = {}


def converter_voor(methodiek: Methodiek | None, *, detailed: bool = False) -> cattrs.Converter:
    """The cached converter of a methodiek (or of the bare handbook when None)."""
    sleutel = (detailed, len(_EXTRA))
    cache: dict[Any, Any] = _standaard if methodiek is None else methodiek._cache
    if sleutel not in cache:
        cache[sleutel] = bouw_converter(methodiek, detailed=detailed)
    conv: cattrs.Converter = cache[sleutel]
    return conv


def _pad_en_bericht(exc: BaseException, pad: str) -> str:
    if isinstance(exc, _Invoerfout):
        return f"{pad}: {exc}"
    if isinstance(exc, ForbiddenExtraKeysError):
        velden = ", ".join(sorted(exc.extra_fields))
        return f"{pad}: onbekend veld ({velden})"
    if isinstance(exc, KeyError):
        return f"{pad}: verplicht veld ontbreekt"
    if isinstance(exc, OngeldigeInvoer):
        return "; ".join(f.replace("$", pad, 1) if f.startswith("$") else f for f in exc.fouten)
    if isinstance(exc, ValueError | TypeError):
        bericht = str(exc)
        veld = re.match(r"^'(\w+)'", bericht)
        if veld and not pad.endswith(f".{veld.group(1)}"):
            pad = f"{pad}.{veld.group(1)}"
        return f"{pad}: {bericht}"
    return f"{pad}: {type(exc).__name__}: {exc}"


def fouten_uit(exc: BaseException, pad: str = "$") -> list[str]:
    """Flatten a cattrs error tree into ``path: message`` lines (Dutch)."""
    if isinstance(exc, ClassValidationError | IterableValidationError):
        regels: list[str] = []
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
    return [_pad_en_bericht(exc, pad)]


def structure(data: Any, cls: type[T], methodiek: Methodiek | None = None) -> T:
    """Build ``cls`` from JSON-shaped data, strictly; raises ``OngeldigeInvoer`` with paths."""
    try:
        result: T = converter_voor(methodiek).structure(data, cls)
        return result
    except IjaError:
        raise
    except Exception:  # noqa: BLE001, S110 - re-run below with detailed validation for the report
        pass
    try:
        result = converter_voor(methodiek, detailed=True).structure(data, cls)
    except OngeldigeInvoer:
        raise
    except Exception as exc:  # noqa: BLE001 - turned into the library's own error with paths
        raise OngeldigeInvoer(fouten_uit(exc)) from None
    return result


def unstructure(obj: Any, methodiek: Methodiek | None = None) -> Any:
    """Turn a value of the library into JSON-shaped data (dicts, lists, strings, numbers)."""
    return converter_voor(methodiek).unstructure(obj)


def to_json(obj: Any, *, methodiek: Methodiek | None = None, indent: bool = False) -> str:
    """Encode a definition, event or traject as JSON text.

    A ``Traject`` is encoded with its events (the format holds the events; the state is
    rebuilt by replaying them).
    """
    eigen = getattr(obj, "methodiek", None)
    m = methodiek if methodiek is not None else eigen if _is_methodiek(eigen) else None
    ruw = _RUWE_ENCODERS.get(type(obj))
    data = ruw(obj, m) if ruw is not None else unstructure(obj, m)
    optie = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(data, option=optie).decode()


_RUWE_ENCODERS: dict[type[Any], Callable[[Any, Any], Any]] = {}


def registreer_ruwe_encoder(cls: type[Any], functie: Callable[[Any, Any], Any]) -> None:
    """Let an engine module give ``to_json`` a faster encoder for one exact type.

    ``functie(obj, methodiek)`` returns data for orjson in which datetimes and dates may be
    left as objects: orjson writes them exactly as ``isoformat()`` does (the traject's
    events use this; ``unstructure`` itself stays JSON-shaped).
    """
    _RUWE_ENCODERS[cls] = functie


def _is_methodiek(obj: Any) -> bool:
    from ija_core.methodiek import Methodiek

    return isinstance(obj, Methodiek)


def laad_json(text: str | bytes) -> Any:
    """Parse JSON text; a syntax error becomes ``OngeldigeInvoer`` naming line and column."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise OngeldigeInvoer(
            f"$: geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}"
        ) from None
    except TypeError:
        raise OngeldigeInvoer(f"$: verwacht JSON-tekst (kreeg {type(text).__name__})") from None


def from_json(text: str | bytes, cls: type[T], *, methodiek: Methodiek | None = None) -> T:
    """Decode JSON text into ``cls`` (a definition, event or ``Traject``).

    Raises:
        OngeldigeInvoer: the text is not JSON, or does not fit ``cls``; ``.fouten`` lists
            every problem as ``path: message``.
        RegelOvertreding: for a ``Traject``, when its events break a rule of the methodiek.
    """
    return structure(laad_json(text), cls, methodiek)
