"""Problem themes (thema's) and what the coach does about each."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, slug, slugs, tekst_tuple, teksten
from ija_core.bron import Bron


@frozen(kw_only=True)
class ThemaKoppeling:
    """The link between a thema and one leefgebied it touches, with where the link comes from.

    Attributes:
        leefgebied: the leefgebied id.
        bron: where the link comes from: ``handboek`` where the handbook's own list of actions
            for the thema names the leefgebied (the justitie thema's structure of income,
            address, work, daytime activity and schooling), ``afgeleid`` or ``keuze``
            otherwise, with a toelichting that says why.
    """

    leefgebied: str = field(validator=slug)
    bron: Bron = field(validator=validators.instance_of(Bron))


def _koppelingen(items: Iterable[ThemaKoppeling]) -> tuple[ThemaKoppeling, ...]:
    return tuple(items)


@frozen(kw_only=True)
class Thema:
    """A recurring problem theme.

    Attributes:
        id: ``schulden``, ``huisvesting``, ``justitie``, ``ggz``, ``jonge-moeders``, ``overlast``.
        naam: the Dutch label.
        beschrijving: the theme in Dutch.
        acties: what the coach does, in Dutch.
        leefgebieden: ids of the leefgebieden the theme touches (mostly this project's
            reading; each link's ``bron`` in ``koppelingen`` says which).
        partners: organisations and people the coach works with on this theme.
        koppelingen: one ``ThemaKoppeling`` per id in ``leefgebieden``, in the same order,
            each with its ``bron``. Left out, every link gets a ``keuze`` bron saying that
            the handbook does not make it.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)
    acties: tuple[str, ...] = field(converter=tekst_tuple, validator=teksten)
    leefgebieden: tuple[str, ...] = field(converter=tekst_tuple, validator=slugs)
    partners: tuple[str, ...] = field(default=(), converter=tekst_tuple, validator=teksten)
    koppelingen: tuple[ThemaKoppeling, ...] = field(
        default=(),
        converter=_koppelingen,
        validator=validators.deep_iterable(validators.instance_of(ThemaKoppeling)),
    )

    def __attrs_post_init__(self) -> None:
        if not self.koppelingen:
            standaard = Bron(
                soort="keuze",
                toelichting=(
                    f"Het handboek koppelt het thema {self.naam} niet zelf aan leefgebieden; "
                    "ija-core legt deze koppeling."
                ),
            )
            koppelingen = tuple(
                ThemaKoppeling(leefgebied=lg, bron=standaard) for lg in self.leefgebieden
            )
            object.__setattr__(self, "koppelingen", koppelingen)
        elif tuple(k.leefgebied for k in self.koppelingen) != self.leefgebieden:
            raise ValueError(
                f"thema {self.id}: 'koppelingen' noemt de leefgebieden "
                f"{[k.leefgebied for k in self.koppelingen]}, 'leefgebieden' {list(self.leefgebieden)}"
            )


def _gekozen(thema: str, waarom: dict[str, str | Bron]) -> dict[str, Any]:
    """``leefgebieden`` and ``koppelingen`` of a built-in thema, each link with its bron.

    A reason (str) makes the link a ``keuze`` that says why; a ``Bron`` is used as given
    (for the links the handbook's own list of actions for the thema makes).
    """
    return {
        "leefgebieden": tuple(waarom),
        "koppelingen": tuple(
            ThemaKoppeling(
                leefgebied=lg,
                bron=reden
                if isinstance(reden, Bron)
                else Bron(
                    soort="keuze",
                    toelichting=(
                        f"Het handboek koppelt {thema} niet aan dit leefgebied; ija-core doet "
                        f"het omdat {reden}."
                    ),
                ),
            )
            for lg, reden in waarom.items()
        ),
    }


def _justitie_structuur(wat: str) -> Bron:
    return Bron(
        soort="handboek",
        toelichting=(
            "Het handboek noemt bij het thema justitieachtergrond als actie dat de coach zorgt "
            f"voor structuur, en noemt daarin {wat}."
        ),
    )


# Which leefgebieden a thema touches is mostly this project's reading of the handbook's actions:
# the handbook lists the actions per thema but draws no link to leefgebieden, except where an
# action names the area itself (the justitie thema's structure); each link's bron says which.
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
        **_gekozen(
            "schulden", {"financien": "elke actie bij dit thema over geld en schulden gaat"}
        ),
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
        **_gekozen(
            "huisvesting",
            {"wonen": "de acties een woning, een briefadres of begeleid wonen zoeken"},
        ),
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
        **_gekozen(
            "een justitieachtergrond",
            {
                "justitie": Bron(
                    soort="afgeleid",
                    toelichting=(
                        "Het thema gaat over jongeren met contacten met justitie en "
                        "reclassering; het handboek legt de koppeling met het leefgebied "
                        "Justitie niet zelf, maar thema en leefgebied dragen dezelfde naam."
                    ),
                ),
                "financien": _justitie_structuur(
                    "inkomen (en bij de acties ook het voorkomen van gijzeling om CJIB-boetes)"
                ),
                "wonen": _justitie_structuur("een adres"),
                "werk": _justitie_structuur("werk"),
                "scholing": _justitie_structuur("scholing"),
                "vrije-tijd": _justitie_structuur(
                    "dagbesteding, die ija-core bij het leefgebied vrije tijd zet"
                ),
            },
        ),
        partners=("reclassering", "jeugdreclassering", "CJIB", "wijkagent"),
    ),
    Thema(
        id="ggz",
        naam="GGZ-problematiek",
        beschrijving=(
            "Psychische klachten, ook als er (nog) geen diagnose is, zoals een depressie. De "
            "coach werkt hierin samen met de ggz-specialist die in het wijkteam zit."
        ),
        acties=(
            "Toeleiden naar specialistische hulp.",
            "Aandacht hebben voor klachten die nog niet zijn vastgesteld, zoals depressie.",
            "Bij lichte problematiek: toeleiden naar de POH-GGZ van de huisarts.",
        ),
        **_gekozen("GGZ-problematiek", {"gezondheid": "psychische klachten bij gezondheid horen"}),
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
        **_gekozen(
            "jonge moeders",
            {
                "sociaal-netwerk": "de opvoedsteun het gezin rond de moeder betreft",
                "financien": "de praktische kant waar de coach bij helpt vaak om geld en regelzaken draait",
            },
        ),
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
        **_gekozen(
            "overlast",
            {
                "vrije-tijd": "dagbesteding de eerste actie bij dit thema is",
                "scholing": "teruggaan naar school een actie is",
                "justitie": "overlast politie en veiligheidspartners bij de jongere brengt",
                "sociaal-netwerk": "de groep en de ouders in de aanpak meedoen",
            },
        ),
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
