"""Aanbieders (the organisations that carry out the IJA) and their own methods."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, optioneel_niet_leeg, slug, tekst_tuple, teksten


@frozen(kw_only=True, init=False)
class Methode:
    """A method of an aanbieder, e.g. Jouw Kracht (Exodus).

    ``beschrijving`` is None when no public description is known: the docs then show that the
    aanbieder still has to supply it, instead of filler text.

    Attributes:
        id: stable slug, namespaced by the aanbieder (``"exodus:jouw-kracht"``).
        naam: the method's name.
        beschrijving: what the method is, in Dutch, or None when unknown.
        principes: its principles, where published.
        stappen: its steps, where published.
        bronvermelding: where the facts come from (a citation), or None. Hook API 1.x
            called it ``bron``; that keyword is still accepted.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str | None = field(default=None, validator=optioneel_niet_leeg)
    principes: tuple[str, ...] = field(default=(), converter=tekst_tuple, validator=teksten)
    stappen: tuple[str, ...] = field(default=(), converter=tekst_tuple, validator=teksten)
    bronvermelding: str | None = field(default=None, validator=optioneel_niet_leeg)

    def __init__(
        self,
        *,
        id: str,  # the field is called id everywhere in ija-core
        naam: str,
        beschrijving: str | None = None,
        principes: Iterable[str] = (),
        stappen: Iterable[str] = (),
        bronvermelding: str | None = None,
        bron: str | None = None,
    ) -> None:
        self.__attrs_init__(
            id=id,
            naam=naam,
            beschrijving=beschrijving,
            principes=principes,
            stappen=stappen,
            bronvermelding=bronvermelding_of_bron(bronvermelding, bron),
        )


def bronvermelding_of_bron(bronvermelding: str | None, bron: str | None) -> str | None:
    """Hook API 1.x: the citation given as ``bron=`` (the old name) or ``bronvermelding=``."""
    if bron is not None and bronvermelding is not None:
        raise TypeError("geef 'bronvermelding' of (de oude naam) 'bron', niet allebei")
    return bronvermelding if bronvermelding is not None else bron


def _methoden(items: Iterable[Methode]) -> tuple[Methode, ...]:
    return tuple(items)


@frozen(kw_only=True)
class Aanbieder:
    """An organisation that carries out the IJA, contributed by its plugin.

    Attributes:
        id: ``exodus``, ``futuro``, ``joz``, ``mee``, ``enver``, ``wmo-radar`` (or a new one).
        naam: the organisation's name.
        beschrijving: who they are, in Dutch, or None when not supplied.
        methoden: the methods the aanbieder brings into the IJA.
        website: the organisation's public site, or None.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str | None = field(default=None, validator=optioneel_niet_leeg)
    methoden: tuple[Methode, ...] = field(
        default=(),
        converter=_methoden,
        validator=validators.deep_iterable(validators.instance_of(Methode)),
    )
    website: str | None = field(default=None, validator=optioneel_niet_leeg)
