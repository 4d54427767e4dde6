"""The cattrs hooks of the codec that need no codec: strict collections and records, the
event union on ``type``, one event class with its ``type`` key, ids, ``instrument-ingezet``.

Each raises ``Invoerfout`` (a Dutch message for the field at hand) or, where it reports
several problems at once, ``OngeldigeInvoer`` with paths from ``$``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ija_core._codec._reader import Afwijking, Lezer
from ija_core._codec._strict import Invoerfout, fouten_uit, parse_tijdstip, strikte_str, type_naam
from ija_core.errors import Fout, OngeldigeInvoer
from ija_core.groep.events import GROEP_EVENT_TYPEN
from ija_core.traject.events import EVENT_TYPEN, InstrumentIngezet

if TYPE_CHECKING:
    import cattrs

    from ija_core.tools.model import Instrument

BEKENDE_TYPEN = ", ".join(EVENT_TYPEN)
BEKENDE_GROEPSTYPEN = ", ".join(GROEP_EVENT_TYPEN)
INSTRUMENT_VELDEN = frozenset(("type", "op", "instrument", "resultaat"))
ZONDER_METHODIEK = (
    "een gebeurtenis lezen vraagt een methodiek (de ids van fasen, rollen, instrumenten ...); "
    "geef methodiek=ija.load_methodiek()"
)


def geen_object(value: Any) -> str:
    return f"verwacht een object (kreeg {type_naam(value)} {value!r})"


def onbekend_type(value: Any, bekend: str = BEKENDE_TYPEN) -> OngeldigeInvoer:
    """An unknown, missing or non-text ``type``; ``bekend`` lists the known types."""
    if not isinstance(value, dict):
        return OngeldigeInvoer(
            [
                Fout(
                    "$",
                    "type",
                    f"verwacht een gebeurtenis: een object met 'type' (kreeg {type_naam(value)} "
                    f"{value!r})",
                )
            ]
        )
    if "type" not in value:
        return OngeldigeInvoer(
            [Fout("$.type", "ontbreekt", f"verplicht veld ontbreekt; bekende typen: {bekend}")]
        )
    if not isinstance(value["type"], str):
        return OngeldigeInvoer(
            [
                Fout(
                    "$.type",
                    "type",
                    f"verwacht tekst (kreeg {type_naam(value['type'])} {value['type']!r}); "
                    f"bekende typen: {bekend}",
                )
            ]
        )
    return OngeldigeInvoer(
        [
            Fout(
                "$.type",
                "onbekende-waarde",
                f"onbekend gebeurtenistype {value['type']!r}; bekende typen: {bekend}",
            )
        ]
    )


def id_hook(
    soort: str, ids: frozenset[str], volgorde: tuple[str, ...], *, met_methodiek: bool
) -> Callable[[Any, Any], str]:
    """An id of ``soort`` (fase, rol ...): text, and one of ``ids``."""

    def structure(value: Any, _: Any) -> str:
        if value.__class__ is str and value in ids:
            return str(value)
        if not isinstance(value, str):
            raise Invoerfout(f"verwacht tekst (kreeg {type_naam(value)} {value!r})", "type")
        if not met_methodiek:
            raise Invoerfout(ZONDER_METHODIEK)
        raise Invoerfout(
            f"onbekende {soort} {value!r}; bekend zijn: {', '.join(volgorde) or '(geen)'}",
            "onbekende-waarde",
        )

    return structure


def instrument_hook(
    conv: cattrs.Converter, instrumenten: Mapping[str, Instrument], *, detailed: bool
) -> Callable[[Any, Any], InstrumentIngezet]:
    """``instrument-ingezet``: the ``resultaat`` is structured into the instrument's class."""

    def structure(value: Any, _: Any) -> InstrumentIngezet:
        if value.__class__ is not dict:
            raise Invoerfout(geen_object(value), "type")
        fouten: list[Fout] = []
        if "type" in value and value["type"] != InstrumentIngezet.TYPE:
            fouten.append(
                Fout(
                    "$.type",
                    "onbekende-waarde",
                    f"verwacht type 'instrument-ingezet' (kreeg {value['type']!r})",
                )
            )
        extra = sorted(str(k) for k in value if k not in INSTRUMENT_VELDEN)
        if extra:
            fouten.append(Fout("$", "onbekend-veld", f"onbekend veld ({', '.join(extra)})"))
        op = None
        if "op" not in value:
            fouten.append(Fout("$.op", "ontbreekt", "verplicht veld ontbreekt"))
        else:
            try:
                op = parse_tijdstip(value["op"])
            except Invoerfout as exc:
                fouten.append(Fout("$.op", exc.code, str(exc)))
        instrument = None
        instrument_id = value.get("instrument")
        if "instrument" not in value:
            fouten.append(Fout("$.instrument", "ontbreekt", "verplicht veld ontbreekt"))
        elif not isinstance(instrument_id, str):
            fouten.append(
                Fout(
                    "$.instrument",
                    "type",
                    f"verwacht tekst (kreeg {type_naam(instrument_id)} {instrument_id!r})",
                )
            )
        else:
            instrument = instrumenten.get(instrument_id)
            if instrument is None:
                fouten.append(
                    Fout(
                        "$.instrument",
                        "onbekende-waarde",
                        f"onbekend instrument {instrument_id!r}; bekend zijn: "
                        f"{', '.join(instrumenten)}",
                    )
                )
        resultaat = None
        if "resultaat" not in value:
            fouten.append(
                Fout(
                    "$.resultaat",
                    "ontbreekt",
                    "verplicht veld ontbreekt (geef null bij een instrument zonder resultaat)",
                )
            )
        elif instrument is not None:
            data = value["resultaat"]
            klasse = instrument.resultaat
            if klasse is None and data is not None:
                fouten.append(
                    Fout(
                        "$.resultaat",
                        "ongeldig",
                        f"instrument {instrument_id!r} legt geen resultaat vast; geef null",
                    )
                )
            elif klasse is not None and data is None:
                fouten.append(
                    Fout(
                        "$.resultaat",
                        "ontbreekt",
                        f"instrument {instrument_id!r} vraagt een resultaat ({klasse.__name__})",
                    )
                )
            elif klasse is not None and not isinstance(data, dict):
                fouten.append(Fout("$.resultaat", "type", geen_object(data)))
            elif klasse is not None:
                try:
                    resultaat = conv.structure(data, klasse)
                except Exception as exc:
                    if not detailed:
                        raise
                    fouten.extend(fouten_uit(exc, "$.resultaat"))
        if fouten:
            if detailed:
                raise OngeldigeInvoer(fouten)
            raise Invoerfout(fouten[0], fouten[0].code)
        # no fouten means both were read:
        assert op is not None  # noqa: S101 - narrows for mypy
        assert isinstance(instrument_id, str)  # noqa: S101 - narrows for mypy
        return InstrumentIngezet(op=op, instrument=instrument_id, resultaat=resultaat)

    return structure


def strikte_reeks(converter: cattrs.Converter) -> Callable[[Any], Any]:
    from cattrs.cols import homogenous_tuple_structure_factory

    def factory(t: Any) -> Any:
        basis = homogenous_tuple_structure_factory(t, converter)

        def structure(value: Any, typ: Any) -> Any:
            if not isinstance(value, list | tuple):
                raise Invoerfout(f"verwacht een lijst (kreeg {type_naam(value)} {value!r})", "type")
            return basis(value, typ)

        return structure

    return factory


def strikte_mapping(converter: cattrs.Converter) -> Callable[[Any], Any]:
    from cattrs.cols import mapping_structure_factory

    def factory(t: Any) -> Any:
        basis = mapping_structure_factory(t, converter)

        def structure(value: Any, typ: Any) -> Any:
            if not isinstance(value, dict):
                raise Invoerfout(
                    f"verwacht een object (kreeg {type_naam(value)} {value!r})", "type"
                )
            return basis(value, typ)

        return structure

    return factory


def strikt_record(converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Records (attrs classes) come from a JSON object; anything else is refused in Dutch.

    Without this check cattrs reaches into a number or a list as if it were an object and
    fails with a raw ``AttributeError``/``TypeError``.
    """

    def factory(t: Any) -> Any:
        basis = converter.gen_structure_attrs_fromdict(t)

        def structure(value: Any, typ: Any) -> Any:
            if not isinstance(value, dict):
                raise Invoerfout(geen_object(value), "type")
            return basis(value, typ)

        return structure

    return factory


def niet_leeg(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise Invoerfout(f"verwacht tekst (kreeg {type_naam(value)} {value!r})", "type")
    if not value.strip():
        raise Invoerfout(f"mag niet leeg zijn (kreeg {value!r})")
    return str(strikte_str(value, _))  # refuses a lone surrogate


def literal_hook(waarden: tuple[str, ...]) -> Callable[[Any, Any], str]:
    def structure(value: Any, _: Any) -> str:
        if value.__class__ is str and value in waarden:
            return str(value)
        raise Invoerfout(
            f"verwacht een van: {', '.join(waarden)} (kreeg {value!r})", "onbekende-waarde"
        )

    return structure


def met_type(
    cls: type[Any], gen: Callable[[Any, Any], Any], *, detailed: bool
) -> Callable[[Any, Any], Any]:
    """Structure hook of one event class: accepts (and checks) its own ``type`` key."""
    soort = cls.TYPE

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ is not dict:
            raise Invoerfout(geen_object(value), "type")
        if "type" in value:
            if value["type"] != soort:
                bericht = f"verwacht type {soort!r} (kreeg {value['type']!r})"
                if detailed:
                    raise OngeldigeInvoer([Fout("$.type", "onbekende-waarde", bericht)])
                raise Invoerfout(bericht, "onbekende-waarde")
            value = {k: v for k, v in value.items() if k != "type"}
        return gen(value, cls)

    return structure


def met_type_uit(soort: str, velden: Callable[[Any], dict[str, Any]]) -> Callable[[Any], Any]:
    def unstructure(e: Any) -> dict[str, Any]:
        return {"type": soort, **velden(e)}

    return unstructure


def union_hook(
    hooks: dict[str, Callable[[Any, Any], Any]], bekend: str = BEKENDE_TYPEN
) -> Callable[[Any, Any], Any]:
    """The tagged union on ``type``: an unknown or missing tag is invalid input naming ``$.type``
    (``bekend`` lists the known types: a traject's, or a group's)."""

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ is not dict:
            raise onbekend_type(value, bekend)
        tag: Any = value.get("type")
        hook = hooks.get(tag) if tag.__class__ is str else None
        if hook is None:
            raise onbekend_type(value, bekend)
        return hook(value, None)

    return structure


def als_lezer(hook: Callable[[Any, Any], Any]) -> Lezer:
    def lees(value: dict[str, Any]) -> Any:
        return hook(value, None)

    return lees


def cattrs_lezer(conv: cattrs.Converter, cls: type[Any]) -> Lezer:
    """The cattrs route of one event class: unknown keys checked without copying the event."""
    from cattrs.gen import make_dict_structure_fn

    toegestaan = frozenset(("type", *(a.name for a in attrs.fields(cls))))
    gen = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=False)

    def lees(value: dict[str, Any]) -> Any:
        if not value.keys() <= toegestaan:
            raise Afwijking("onbekend veld")  # the detailed retry names the field
        return gen(value, cls)

    return lees
