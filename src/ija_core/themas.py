"""Problem themes (thema's) and what the coach does about each."""

from __future__ import annotations

from attrs import field, frozen

from ija_core._validators import niet_leeg, slug, slugs, tekst_tuple, teksten


@frozen(kw_only=True)
class Thema:
    """A recurring problem theme.

    Attributes:
        id: ``schulden``, ``huisvesting``, ``justitie``, ``ggz``, ``jonge-moeders``, ``overlast``.
        naam: the Dutch label.
        beschrijving: the theme in Dutch.
        acties: what the coach does, in Dutch.
        leefgebieden: ids of the leefgebieden the theme touches (this project's reading:
            the handbook does not link thema's to leefgebieden; the site says so).
        partners: organisations and people the coach works with on this theme.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)
    acties: tuple[str, ...] = field(converter=tekst_tuple, validator=teksten)
    leefgebieden: tuple[str, ...] = field(converter=tekst_tuple, validator=slugs)
    partners: tuple[str, ...] = field(default=(), converter=tekst_tuple, validator=teksten)


# Which leefgebieden a thema touches is this project's reading of the handbook's actions; the
# handbook lists the actions per thema but does not link thema's to leefgebieden itself.
THEMAS: tuple[Thema, ...] = (
    Thema(
        id="schulden",
        naam="Schuldenproblematiek",
        beschrijving=(
            "Schulden horen bij de problemen die het handboek bij risicojongeren noemt. De coach "
            "brengt ze samen met de jongere in beeld en schakelt de kredietbank of een "
            "bewindvoerder in."
        ),
        acties=(
            "Aanmelden bij de kredietbank.",
            "De schulden zichtbaar maken, bijvoorbeeld door samen de post door te nemen.",
            "Bewindvoering aanvragen.",
        ),
        leefgebieden=("financien",),
        partners=("kredietbank", "bewindvoerder"),
    ),
    Thema(
        id="huisvesting",
        naam="Huisvesting",
        beschrijving=(
            "Geen eigen of vaste woonplek, zoals bij bankslapers die bij anderen op de bank "
            "slapen. Aan het woningtekort zelf kan de coach weinig doen."
        ),
        acties=(
            "De jongere coachen bij het vinden van een eigen woning.",
            "Een briefadres aanvragen.",
            "Toeleiden naar een traject begeleid wonen.",
            "Bij bankslapers: een Wmo-arrangement voor ambulante begeleiding inzetten.",
            "Bij bankslapers: de actietafel bankslapers inschakelen.",
        ),
        leefgebieden=("wonen",),
        partners=("Jongerenloket", "Centraal Onthaal Jongeren", "actietafel bankslapers"),
    ),
    Thema(
        id="justitie",
        naam="Jongeren met justitieachtergrond of -contacten",
        beschrijving=(
            "Jongeren die met politie of justitie in aanraking zijn gekomen of uit detentie "
            "komen. Structuur in het dagelijks leven helpt herhaling te voorkomen."
        ),
        acties=(
            "Bemiddelen in het contact met de reclassering.",
            "Structuur aanbrengen: inkomen, adres, werk, dagbesteding en scholing.",
            "Samen met de jongere een plan tegen recidive opstellen.",
            "Gijzeling wegens onbetaalde CJIB-boetes voorkomen.",
            "Waar het kan voorkomen dat de jongere opnieuw de gevangenis in moet.",
        ),
        leefgebieden=("justitie", "financien", "wonen", "werk", "scholing", "vrije-tijd"),
        partners=("reclassering", "jeugdreclassering", "CJIB", "wijkagent"),
    ),
    Thema(
        id="ggz",
        naam="GGZ-problematiek",
        beschrijving=(
            "Psychische klachten, ook als er (nog) geen diagnose is, zoals een depressie. De "
            "coach pakt dit op samen met de ggz-specialist van het wijkteam."
        ),
        acties=(
            "Toeleiden naar specialistische hulp.",
            "Aandacht hebben voor klachten die nog niet zijn vastgesteld, zoals depressie.",
            "Bij lichte problematiek: toeleiden naar de POH-GGZ van de huisarts.",
        ),
        leefgebieden=("gezondheid",),
        partners=("ggz-specialist van het wijkteam", "specialistische GGZ", "POH-GGZ"),
    ),
    Thema(
        id="jonge-moeders",
        naam="Jonge moeders",
        beschrijving=(
            "Jonge moeders die steun nodig hebben bij de opvoeding en bij de praktische kant "
            "van hun leven."
        ),
        acties=(
            "Opvoedondersteuning, samen met de jeugd- en gezinscoach van het wijkteam.",
            "De jongerencoach pakt de praktische kant voor de moeder op.",
        ),
        leefgebieden=("sociaal-netwerk", "financien"),
        partners=("jeugd- en gezinscoach",),
    ),
    Thema(
        id="overlast",
        naam="Overlastgevende jongeren",
        beschrijving=(
            "Jongeren die, vaak in een groep, overlast veroorzaken op straat of in de buurt."
        ),
        acties=(
            "Zorgen voor dagbesteding.",
            "Terugleiden naar school.",
            "Zo nodig een jeugd- en gezinscoach inzetten als ouders weinig grip op de jongere "
            "hebben.",
            "In een groepsaanpak: na een melding van overlast of schoolverzuim binnen een "
            "etmaal contact met de jongeren en hun ouders, ook in het weekend.",
        ),
        leefgebieden=("vrije-tijd", "scholing", "justitie", "sociaal-netwerk"),
        partners=(
            "wijkagent",
            "jongerenwerk",
            "scholen",
            "jeugd- en gezinscoach",
            "jeugdoverlast-expert van directie Veiligheid",
            "PGA-expert van de politie",
        ),
    ),
)
"""The six problem themes of the handbook and what the coach does about each."""
