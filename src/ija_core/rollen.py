"""The parties (rollen) for which each fase states what is expected of them."""

from __future__ import annotations

from attrs import field, frozen

from ija_core._validators import niet_leeg, slug, tekst_tuple, teksten


@frozen(kw_only=True)
class Rol:
    """A party around the young person.

    Attributes:
        id: stable slug: ``jongere``, ``netwerk``, ``wijknetwerk``, ``zorgpartijen``, ``coach``.
        naam: the Dutch label.
        beschrijving: who belongs to this rol, in Dutch.
        voorbeelden: examples of people or organisations in this rol.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)
    voorbeelden: tuple[str, ...] = field(default=(), converter=tekst_tuple, validator=teksten)


ROLLEN: tuple[Rol, ...] = (
    Rol(
        id="jongere",
        naam="De jongere",
        beschrijving=(
            "De jongere van 12 tot en met 27 jaar om wie het traject draait. Hij of zij is de "
            "deskundige over en regisseur van het eigen leven; de meesten zijn 18 of ouder."
        ),
    ),
    Rol(
        id="netwerk",
        naam="Ouders en netwerk van de jongere",
        beschrijving=(
            "De ouders en de mensen die de jongere zelf kent. Of zij meedoen, hangt af van de "
            "situatie; uitgangspunt is dat de jongere het wil en dat het traject erbij gebaat is."
        ),
        voorbeelden=(
            "ouders of verzorgers",
            "broers, zussen en andere familie",
            "vrienden",
            "buren",
            "een zelfgekozen mentor (JIM)",
        ),
    ),
    Rol(
        id="wijknetwerk",
        naam="Het professionele wijknetwerk",
        beschrijving=(
            "De partners in de wijk met wie de coach korte lijnen heeft. Zij kunnen een jongere "
            "verwijzen, informatie geven en aan het eind een deel van de steun overnemen."
        ),
        voorbeelden=(
            "wijkagent",
            "jongerenwerk",
            "scholen",
            "CJG",
            "sportverenigingen",
            "Jongerenloket",
            "PGA- en veiligheidsexperts",
            "schoolmaatschappelijk werk",
            "welzijnswerk",
            "ondernemers",
            "bewoners(organisaties)",
        ),
    ),
    Rol(
        id="zorgpartijen",
        naam="Overige (zorg)partijen",
        beschrijving=(
            "Specialistische hulp en justitiële partijen buiten het wijknetwerk, naar wie de "
            "coach toeleidt of met wie hij afspraken maakt."
        ),
        voorbeelden=(
            "GGZ",
            "jeugdreclassering",
            "reclassering",
            "Centraal Onthaal Jongeren",
            "POH-GGZ van de huisarts",
        ),
    ),
    Rol(
        id="coach",
        naam="De intensief jongerencoach",
        beschrijving=(
            "De coach van het wijkteam (hbo-niveau, SKJ-geregistreerd) die de jongere "
            "outreachend begeleidt. Heeft een ouder een eigen hulpvraag, dan trekt de coach op "
            "met een jeugd- en gezinscoach; bij ggz-vragen met de ggz-specialist van het wijkteam."
        ),
        voorbeelden=(
            "intensief jongerencoach",
            "jeugd- en gezinscoach (bij een hulpvraag van ouders)",
            "ggz-specialist van het wijkteam",
        ),
    ),
)
"""The five rollen, in the order the phase tables name them, the coach last."""
