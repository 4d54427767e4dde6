"""The Zelfredzaamheid-Matrix (ZRM): its 13 domains, its 5 levels, and a crosswalk.

The ZRM is owned by GGD Amsterdam (zelfredzaamheidmatrix.nl). A professional scores each of
13 domains on an ordinal scale from 1 (acute problematiek) to 5 (volledig zelfredzaam); the
scale is ordinal, so scores are whole numbers and are never averaged across domains. The
ZRM 2017 is used for adults, the ZRM-Jongeren (2020) for young people of 12 to 18; both use
the same domains and levels.

Only the domain names and the level labels are shipped here. The official texts of the matrix
cells are copyrighted and are deliberately left out; a coach scores with the official matrix.

The crosswalk between the ZRM domains and the eight IJA leefgebieden
(``LEEFGEBIED_NAAR_ZRM``) is **not official**: neither GGD Amsterdam nor the handbook define
one. It is this project's suggestion, marked as such by ``CROSSWALK_IS_OFFICIEEL = False``
and ``CROSSWALK_TOELICHTING``. Three ZRM domains (Basale ADL, Instrumentele ADL and
Maatschappelijke participatie) have no leefgebied in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import field, frozen

from ija_core._lookup import zoek
from ija_core._validators import niet_leeg, slug


@frozen(kw_only=True)
class ZrmDomein:
    """One domain of the Zelfredzaamheid-Matrix.

    Attributes:
        id: stable slug used as key in a ``ZrmResultaat``, e.g. ``"werk-opleiding"``.
        naam: the Dutch professional name, e.g. ``"Werk & opleiding"``.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)


ZRM_DOMEINEN: tuple[ZrmDomein, ...] = (
    ZrmDomein(id="financien", naam="Financiën"),
    ZrmDomein(id="werk-opleiding", naam="Werk & opleiding"),
    ZrmDomein(id="tijdsbesteding", naam="Tijdsbesteding"),
    ZrmDomein(id="huisvesting", naam="Huisvesting"),
    ZrmDomein(id="huiselijke-relaties", naam="Huiselijke relaties"),
    ZrmDomein(id="geestelijke-gezondheid", naam="Geestelijke gezondheid"),
    ZrmDomein(id="lichamelijke-gezondheid", naam="Lichamelijke gezondheid"),
    ZrmDomein(id="middelengebruik", naam="Middelengebruik"),
    ZrmDomein(id="basale-adl", naam="Basale ADL"),
    ZrmDomein(id="instrumentele-adl", naam="Instrumentele ADL"),
    ZrmDomein(id="sociaal-netwerk", naam="Sociaal netwerk"),
    ZrmDomein(id="maatschappelijke-participatie", naam="Maatschappelijke participatie"),
    ZrmDomein(id="justitie", naam="Justitie"),
)
"""The 13 ZRM domains in the matrix's own order."""

ZRM_DOMEIN_IDS: tuple[str, ...] = tuple(d.id for d in ZRM_DOMEINEN)
"""The ids of ``ZRM_DOMEINEN``, in the same order."""

ZRM_NIVEAUS: Mapping[int, str] = MappingProxyType(
    {
        1: "acute problematiek",
        2: "niet zelfredzaam",
        3: "beperkt zelfredzaam",
        4: "voldoende zelfredzaam",
        5: "volledig zelfredzaam",
    }
)
"""The five ordinal levels of the ZRM, from 1 (lowest) to 5 (highest), with their labels."""

ZRM_VARIANTEN: tuple[str, ...] = ("zrm-2017", "zrm-jongeren")
"""ZRM 2017 (adults) and ZRM-Jongeren (12 to 18 years, 2020): same domains and levels."""

CROSSWALK_IS_OFFICIEEL = False
"""The leefgebied crosswalk below is this project's suggestion, not an official mapping."""

CROSSWALK_TOELICHTING = (
    "Deze koppeling tussen de leefgebieden van de Intensieve Jongerenaanpak en de domeinen "
    "van de Zelfredzaamheid-Matrix is geen officiële koppeling: GGD Amsterdam en het "
    "handboek geven er geen. Het is een voorstel van ija-core. De domeinen Basale ADL, "
    "Instrumentele ADL en Maatschappelijke participatie horen bij geen enkel leefgebied."
)
"""Dutch note to show wherever the crosswalk is shown (docs, CLI)."""

LEEFGEBIED_NAAR_ZRM: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "scholing": ("werk-opleiding",),
        "financien": ("financien",),
        "wonen": ("huisvesting",),
        "werk": ("werk-opleiding",),
        "justitie": ("justitie",),
        "gezondheid": (
            "geestelijke-gezondheid",
            "lichamelijke-gezondheid",
            "middelengebruik",
        ),
        "vrije-tijd": ("tijdsbesteding",),
        "sociaal-netwerk": ("sociaal-netwerk", "huiselijke-relaties"),
    }
)
"""UNOFFICIAL crosswalk (this project's suggestion): leefgebied id → ZRM domain ids."""


def zrm_domein(domein_id: str) -> ZrmDomein:
    """Return the ZRM domain with this id.

    Raises:
        OngeldigeInvoer: when the id is not one of the 13 domains; the message lists them.
    """
    return zoek(ZRM_DOMEINEN, domein_id, "ZRM-domein")


def leefgebieden_voor_zrm_domein(domein_id: str) -> tuple[str, ...]:
    """Return the leefgebied ids that the (unofficial) crosswalk links to a ZRM domain.

    The answer is empty for the three domains without a leefgebied.

    Raises:
        OngeldigeInvoer: when the id is not one of the 13 domains.
    """
    zrm_domein(domein_id)
    return tuple(
        leefgebied for leefgebied, domeinen in LEEFGEBIED_NAAR_ZRM.items() if domein_id in domeinen
    )
