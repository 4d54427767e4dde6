"""Typed result records: what one use of an instrument records.

An ``instrument-ingezet`` event carries a ``resultaat``; an instrument whose ``resultaat`` is
one of these classes needs one that fits. The records are frozen, keyword-only attrs classes
built from plain types only (``str``, ``int``, ``bool``, ``date``, tuples of nested records,
``Literal`` and ``dict[str, int]``), so the library's one cattrs converter can (un)structure
them. Their JSON field names are their attribute names.

Validators refuse what does not fit and name the field, the expectation and the value, in
Dutch and in attrs' style: ``'score' moet een geheel getal van 0 tot en met 10 zijn (kreeg
11)``. ``True`` is not accepted where a number is expected (in Python it is an ``int``), and a
``datetime`` is not accepted where a date is expected.

Scales that the handbook leaves open (the Bolletjesschema's 1-5 for importance and closeness)
are this project's choice and are documented on the record.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, Literal, NoReturn

from attrs import Attribute, field, frozen, validators

from ija_core._validators import niet_leeg
from ija_core.tools.zrm import ZRM_DOMEIN_IDS, ZRM_NIVEAUS, ZRM_VARIANTEN

__all__ = [
    "BolletjesschemaResultaat",
    "JimResultaat",
    "MindmapResultaat",
    "Persoon",
    "Schaalvraagresultaat",
    "Tak",
    "VijfGResultaat",
    "ZrmResultaat",
]

BETEKENIS = "betekenis"
"""Key of a result field's attrs ``metadata``: what the field means, in Dutch."""
GRENZEN = "grenzen"
"""Key of a result field's attrs ``metadata``: which values it takes, in Dutch."""


def veldbetekenis(veld: Attribute[Any]) -> tuple[str | None, str | None]:
    """The Dutch meaning and bounds of one result field, from its attrs ``metadata``.

    A plugin's result class gives them as ``field(metadata={"betekenis": ..., "grenzen":
    ...})``; ``ija instrument`` and the site show them. What is missing or not a non-blank
    text is None (shown as not given, never guessed).
    """

    def tekst(sleutel: str) -> str | None:
        waarde = veld.metadata.get(sleutel)
        if not isinstance(waarde, str):
            return None
        # one line of plain text: no control characters (a terminal would obey them)
        schoon = "".join(c if unicodedata.category(c) != "Cc" else " " for c in waarde)
        return " ".join(schoon.split()) or None

    return tekst(BETEKENIS), tekst(GRENZEN)



def _uitleg(betekenis: str, grenzen: str) -> dict[str, str]:
    return {BETEKENIS: betekenis, GRENZEN: grenzen}

ZrmVariant = Literal["zrm-2017", "zrm-jongeren"]


# --- validators and converters ------------------------------------------------------------


def _geheel_getal(minimum: int, maximum: int) -> Callable[[Any, Attribute[Any], Any], None]:
    """Validator: a whole number from ``minimum`` to ``maximum`` inclusive; bools refused."""

    def controleer(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not (minimum <= value <= maximum)
        ):
            raise ValueError(
                f"'{attribute.name}' moet een geheel getal van {minimum} tot en met {maximum} "
                f"zijn (kreeg {value!r})"
            )

    return controleer


def _als_tuple(value: Any) -> Any:
    """Turn a list into a tuple; leave anything else for the validator to judge.

    ``tuple("abc")`` would silently split a string into letters, so only lists and tuples are
    converted.
    """
    if isinstance(value, list):
        return tuple(value)
    return value


def _tuple_van(
    soort: type, omschrijving: str, *, minstens_een: str | None = None
) -> Callable[[Any, Attribute[Any], Any], None]:
    """Validator: a tuple whose items are all instances of ``soort`` (strings: non-blank).

    ``minstens_een`` names one item (``"tak"``) when the tuple may not be empty.
    """

    def controleer(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise ValueError(
                f"'{attribute.name}' moet een lijst van {omschrijving} zijn (kreeg {value!r})"
            )
        if minstens_een and not value:
            raise ValueError(
                f"'{attribute.name}' moet minstens één {minstens_een} bevatten (kreeg {value!r})"
            )
        for index, item in enumerate(value):
            goed = isinstance(item, soort)
            if goed and soort is str:
                goed = bool(item.strip())
            if not goed:
                raise ValueError(
                    f"'{attribute.name}' moet een lijst van {omschrijving} zijn "
                    f"(kreeg {item!r} op plaats {index})"
                )

    return controleer


def _alleen_een_datum(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    """Validator: a calendar date; a datetime (a subclass of date) is refused."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError(f"'{attribute.name}' moet een datum zijn (kreeg {value!r})")


# --- Schaalvraag -----------------------------------------------------------------------------


@frozen(kw_only=True)
class Schaalvraagresultaat:
    """One scaling question (Signs of Safety): a score from 0 to 10 on one topic.

    What 0 and 10 mean is defined per question, so both ends are stored with the score;
    without them the number cannot be read back later.

    Attributes:
        onderwerp: what the young person rated, e.g. ``"hoe het thuis gaat"``.
        score: the whole number the young person chose, 0 to 10.
        betekenis_0: what 0 means for this question.
        betekenis_10: what 10 means for this question.
    """

    onderwerp: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "waar de jongere een cijfer aan gaf, bv. 'hoe het thuis gaat'",
            "niet leeg",
        ),
    )
    score: int = field(
        validator=_geheel_getal(0, 10),
        metadata=_uitleg(
            "het cijfer dat de jongere koos",
            "geheel getal van 0 tot en met 10; wat 0 en 10 hier betekenen staat in betekenis_0 en betekenis_10",
        ),
    )
    betekenis_0: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "wat 0 bij deze vraag betekent",
            "niet leeg",
        ),
    )
    betekenis_10: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "wat 10 bij deze vraag betekent",
            "niet leeg",
        ),
    )


# --- 5G-model --------------------------------------------------------------------------------


@frozen(kw_only=True)
class VijfGResultaat:
    """One situation analysed with the 5G-model.

    Attributes:
        gebeurtenis: what happened, where, with whom.
        gedachten: what went through the young person's mind.
        gevoelens: which feelings and emotions came up.
        gedrag: what the young person did, how they reacted.
        gevolg: what followed from that behaviour.
    """

    gebeurtenis: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "wat er gebeurde, waar en met wie",
            "niet leeg",
        ),
    )
    gedachten: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "wat er op dat moment door de jongere heen ging",
            "niet leeg",
        ),
    )
    gevoelens: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "welke gevoelens en emoties er opkwamen",
            "niet leeg",
        ),
    )
    gedrag: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "wat de jongere deed, hoe hij of zij reageerde",
            "niet leeg",
        ),
    )
    gevolg: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "wat dat gedrag opleverde of teweegbracht",
            "niet leeg",
        ),
    )


# --- Zelfredzaamheid-Matrix ------------------------------------------------------------------


class _Scores(dict[str, int]):
    """A read-only dict of ZRM scores, so that a frozen ``ZrmResultaat`` is a true value.

    It compares and serialises as an ordinary dict (JSON libraries see a dict), is hashable,
    and keeps the domains in the matrix's own order.
    """

    __slots__ = ()

    def _alleen_lezen(self, *_args: Any, **_kwargs: Any) -> NoReturn:
        raise TypeError(
            "'scores' van een ZrmResultaat kan niet worden gewijzigd; "
            "maak een nieuw resultaat met attrs.evolve"
        )

    __setitem__ = _alleen_lezen
    __delitem__ = _alleen_lezen
    __ior__ = _alleen_lezen
    clear = _alleen_lezen
    pop = _alleen_lezen
    popitem = _alleen_lezen
    setdefault = _alleen_lezen
    update = _alleen_lezen

    def __hash__(self) -> int:  # type: ignore[override]  # dict is unhashable; this one is not
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[type[_Scores], tuple[dict[str, int]]]:
        # Pickle and copy.deepcopy would otherwise fill an empty instance via __setitem__.
        return (type(self), (dict(self),))


def _volgorde(domein: Any) -> tuple[int, str]:
    try:
        return (ZRM_DOMEIN_IDS.index(domein), "")
    except ValueError:
        return (len(ZRM_DOMEIN_IDS), repr(domein))


def _als_scores(value: Any) -> Any:
    """Copy a mapping into a read-only ``_Scores`` in domain order; leave anything else."""
    if isinstance(value, Mapping):
        return _Scores(sorted(value.items(), key=lambda item: _volgorde(item[0])))
    return value


def _zrm_scores(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    naam = attribute.name
    if not isinstance(value, dict):
        raise ValueError(
            f"'{naam}' moet een object zijn van ZRM-domein naar niveau 1 tot en met 5 "
            f"(kreeg {value!r})"
        )
    if not value:
        raise ValueError(
            f"'{naam}' moet minstens één ZRM-domein met een niveau bevatten (kreeg {value!r})"
        )
    for domein, niveau in value.items():
        if domein not in ZRM_DOMEIN_IDS:
            raise ValueError(
                f"'{naam}' bevat een onbekend ZRM-domein {domein!r}; bekend zijn: "
                f"{', '.join(ZRM_DOMEIN_IDS)}"
            )
        if isinstance(niveau, bool) or not isinstance(niveau, int) or niveau not in ZRM_NIVEAUS:
            raise ValueError(
                f"'{naam}' moet per ZRM-domein een geheel getal van 1 tot en met 5 hebben "
                f"(kreeg {niveau!r} voor {domein!r})"
            )


@frozen(kw_only=True)
class ZrmResultaat:
    """One measurement with the Zelfredzaamheid-Matrix.

    A measurement may cover some of the 13 domains (a partial measurement), never none. Each
    score is an ordinal level from 1 (acute problematiek) to 5 (volledig zelfredzaam); see
    ``ija_core.tools.zrm.ZRM_NIVEAUS``. Do not average scores across domains: the scale is
    ordinal. Progress needs at least two measurements; a score describes the current
    situation (information older than 30 days is not used).

    ``scores`` is stored as a read-only dict in the matrix's domain order.

    Attributes:
        variant: ``"zrm-2017"`` (adults) or ``"zrm-jongeren"`` (12 to 18 years).
        scores: ZRM domain id (see ``ZRM_DOMEIN_IDS``) → level 1 to 5.
    """

    variant: ZrmVariant = field(
        validator=validators.in_(ZRM_VARIANTEN),
        metadata=_uitleg(
            "welke matrix is gebruikt: de ZRM 2017 (volwassenen) of de ZRM-Jongeren (12 tot en met 18 jaar)",
            "zrm-2017 of zrm-jongeren",
        ),
    )
    scores: dict[str, int] = field(
        converter=_als_scores, validator=_zrm_scores,
        metadata=_uitleg(
            "per gemeten domein het niveau van zelfredzaamheid nu (informatie ouder dan 30 dagen telt niet mee)",
            "minstens één van de 13 ZRM-domeinen; per domein een geheel getal van 1 (acute problematiek) tot en met 5 (volledig zelfredzaam); een rangorde, dus niet middelen over domeinen",
        ),
    )


# --- Bolletjesschema -------------------------------------------------------------------------


@frozen(kw_only=True)
class Persoon:
    """One person the young person names in the Bolletjesschema.

    The handbook says only that the schema records how important each person is and how
    close they are. The two 1-5 scales are this project's choice:

    - ``belang``: 1 hardly important to the young person … 5 very important;
    - ``nabijheid``: 1 far away (little contact) … 5 very close.

    Attributes:
        naam: a first name or pseudonym, never a full name (data minimisation).
        relatie: how the person relates to the young person, e.g. ``"oom"``, ``"trainer"``.
        belang: how important the person is, 1 to 5.
        nabijheid: how close the person stands, 1 to 5.
    """

    naam: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "voornaam of schuilnaam van iemand die de jongere noemt, nooit een volledige naam",
            "niet leeg",
        ),
    )
    relatie: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "wat die persoon voor de jongere is, bv. 'oom' of 'trainer'",
            "niet leeg",
        ),
    )
    belang: int = field(
        validator=_geheel_getal(1, 5),
        metadata=_uitleg(
            "hoe belangrijk die persoon voor de jongere is",
            "geheel getal van 1 (nauwelijks belangrijk) tot en met 5 (heel belangrijk); deze schaal is een keuze van ija-core, het handboek noemt er geen",
        ),
    )
    nabijheid: int = field(
        validator=_geheel_getal(1, 5),
        metadata=_uitleg(
            "hoe dichtbij die persoon staat",
            "geheel getal van 1 (ver weg, weinig contact) tot en met 5 (heel dichtbij); deze schaal is een keuze van ija-core, het handboek noemt er geen",
        ),
    )


@frozen(kw_only=True)
class BolletjesschemaResultaat:
    """The network map drawn with the young person.

    An empty ``personen`` is allowed: that the young person named nobody is itself a finding.

    Attributes:
        personen: the people the young person named.
    """

    personen: tuple[Persoon, ...] = field(
        converter=_als_tuple, validator=_tuple_van(Persoon, "personen"),
        metadata=_uitleg(
            "de mensen die de jongere noemt",
            "mag leeg zijn: dat de jongere niemand noemt, is ook een uitkomst",
        ),
    )


# --- Mindmap ---------------------------------------------------------------------------------


@frozen(kw_only=True)
class Tak:
    """One branch of a mindmap.

    Attributes:
        naam: the branch's label.
        onderdelen: the items hung on it (may be empty).
    """

    naam: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "het label van de tak",
            "niet leeg",
        ),
    )
    onderdelen: tuple[str, ...] = field(
        default=(), converter=_als_tuple, validator=_tuple_van(str, "niet-lege teksten"),
        metadata=_uitleg(
            "wat aan de tak hangt",
            "lijst van niet-lege teksten; mag leeg zijn",
        ),
    )


@frozen(kw_only=True)
class MindmapResultaat:
    """A mindmap: a central theme with at least one branch.

    Attributes:
        centraal_thema: the theme in the middle.
        takken: the branches around it, at least one.
    """

    centraal_thema: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "het thema in het midden van de mindmap",
            "niet leeg",
        ),
    )
    takken: tuple[Tak, ...] = field(
        converter=_als_tuple, validator=_tuple_van(Tak, "takken", minstens_een="tak"),
        metadata=_uitleg(
            "de takken rond het thema",
            "minstens één tak",
        ),
    )


# --- JIM -------------------------------------------------------------------------------------


def _door_jongere_gekozen(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    if value is not True:
        raise ValueError(
            f"'{attribute.name}' moet true zijn: bij JIM kiest de jongere zelf de mentor "
            f"(kreeg {value!r})"
        )


@frozen(kw_only=True)
class JimResultaat:
    """A JIM (Jouw Ingebrachte Mentor): an adult from the young person's own network.

    The principle of JIM is that the young person chooses the mentor; a mentor chosen by
    someone else is refused, so ``gekozen_door_jongere`` must be ``True``. It is kept as a
    field so the record says so explicitly.

    Attributes:
        mentor: the mentor's first name or pseudonym.
        relatie: how the mentor relates to the young person, e.g. ``"tante"``, ``"buurman"``.
        gekozen_door_jongere: whether the young person chose this mentor; must be ``True``.
        startdatum: the day the mentor started in that role.
    """

    mentor: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "voornaam of schuilnaam van de mentor",
            "niet leeg",
        ),
    )
    relatie: str = field(
        validator=niet_leeg,
        metadata=_uitleg(
            "wat de mentor voor de jongere is, bv. 'tante' of 'buurman'",
            "niet leeg",
        ),
    )
    gekozen_door_jongere: bool = field(
        validator=_door_jongere_gekozen,
        metadata=_uitleg(
            "of de jongere deze mentor zelf koos",
            "moet true zijn: bij JIM kiest de jongere zelf de mentor",
        ),
    )
    startdatum: date = field(
        validator=_alleen_een_datum,
        metadata=_uitleg(
            "de dag waarop de mentor in die rol begon",
            "een datum, geen tijdstip",
        ),
    )
