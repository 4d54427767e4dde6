"""The four kernwaarden and the ten principles of the intensief jongerencoach."""

from __future__ import annotations

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, slug, tekst_tuple, teksten


@frozen(kw_only=True)
class Kernwaarde:
    """A core value of the approach.

    Attributes:
        id: ``kracht``, ``bekwaamheid``, ``veiligheid`` or ``samen``.
        naam: the Dutch label.
        beschrijving: what it means in the work, in Dutch.
        onderliggende_waarden: the values that carry it.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    beschrijving: str = field(validator=niet_leeg)
    onderliggende_waarden: tuple[str, ...] = field(converter=tekst_tuple, validator=teksten)


@frozen(kw_only=True)
class Principe:
    """One of the ten principles of the coach ("De intensief jongerencoach ...").

    Attributes:
        nummer: 1 to 10, in handbook order.
        id: a stable slug, e.g. ``"geeft-niet-op"``.
        naam: the principle in a short Dutch sentence.
        uitleg: what it asks of the coach in practice, in Dutch.
    """

    nummer: int = field(
        validator=[validators.instance_of(int), validators.ge(1), validators.le(10)]
    )
    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    uitleg: str = field(validator=niet_leeg)


KERNWAARDEN: tuple[Kernwaarde, ...] = (
    Kernwaarde(
        id="kracht",
        naam="Kracht",
        beschrijving=(
            "Intensief, outreachend en onconventioneel begeleiden, met de kennis van de coach, "
            "van de jongere en van formele en informele netwerkpartners. De coach neemt ruimte "
            "in regels en procedures en kleurt zo nodig buiten de lijntjes, altijd binnen de "
            "(wettelijke) kaders."
        ),
        onderliggende_waarden=(
            "outreachend",
            "onconventioneel",
            "autonomie in gebondenheid",
            "doortastend",
            "vasthoudend",
            "vindingrijk",
            "ondernemend",
        ),
    ),
    Kernwaarde(
        id="bekwaamheid",
        naam="Bekwaamheid",
        beschrijving=(
            "Doelen halen begint bij echt contact tussen coach en jongere, en dat vraagt "
            "vakmanschap. Is er geen klik, dan wordt een andere hulpverlener gezocht. De coach "
            "komt afspraken na, is open over wat hij doet en kijkt naar kansen en talenten in "
            "plaats van naar problemen."
        ),
        onderliggende_waarden=(
            "authentiek contact",
            "vakmanschap",
            "humor",
            "betrouwbaarheid",
            "transparantie",
            "lange adem",
        ),
    ),
    Kernwaarde(
        id="veiligheid",
        naam="Veiligheid",
        beschrijving=(
            "Een vertrouwensrelatie waarin de jongere zich veilig voelt. De coach blijft dichtbij "
            "en houdt zo een signalerende functie. Onder collega's is een veilig werkklimaat "
            "nodig om incidenten en casussen te kunnen bespreken."
        ),
        onderliggende_waarden=(
            "vasthoudendheid",
            "vertrouwensrelatie",
            "signalerende functie",
            "veilig werkklimaat",
        ),
    ),
    Kernwaarde(
        id="samen",
        naam="Samen",
        beschrijving=(
            "De coach laat school, werk, zorg en veiligheid niet langs elkaar heen werken en betrekt het "
            "hele systeem: ouders, gezin, school, leeftijdsgenoten en buurt. In het wijkteam "
            "geldt waar mogelijk: 1 gezin, 1 plan, 1 regisseur."
        ),
        onderliggende_waarden=(
            "de schotten tussen school, werk, zorg en veiligheid doorbreken",
            "het hele systeem betrekken",
            "1 gezin, 1 plan, 1 regisseur",
            "korte lijnen",
        ),
    ),
)
"""The four kernwaarden, in handbook order."""


PRINCIPES: tuple[Principe, ...] = (
    Principe(
        nummer=1,
        id="geeft-niet-op",
        naam="Geeft niet op: nee is geen optie.",
        uitleg=(
            "Reageert de jongere niet of komt hij niet opdagen, dan zoekt de coach een andere "
            "weg: appen, bellen, op huisbezoek, via de wijkagent. Geen reactie is nooit een reden "
            "om te stoppen."
        ),
    ),
    Principe(
        nummer=2,
        id="sluit-aan-bij-leefwereld",
        naam="Zoekt de jongere op in diens eigen wereld, online en op straat.",
        uitleg=(
            "De coach zoekt de jongere op waar die is en spreekt op een professionele manier "
            "zijn taal."
        ),
    ),
    Principe(
        nummer=3,
        id="gaat-door-waar-anderen-stoppen",
        naam="Gaat door waar andere organisaties stoppen.",
        uitleg=(
            "Komt de hulp niet op gang, dan zoekt de coach in het netwerk naar alternatieven, "
            "bijvoorbeeld samenwerking in drang en dwang met PGA, politie, Jongerenloket en "
            "onderwijs."
        ),
    ),
    Principe(
        nummer=4,
        id="recht-op-het-doel-af",
        naam="Gaat recht op het doel af: morgen is te laat.",
        uitleg=(
            "Dringende praktische zaken pakt de coach direct op, vaak al bij de eerste "
            "ontmoeting. Dat laat zien dat hij iets kan betekenen en bouwt vertrouwen."
        ),
    ),
    Principe(
        nummer=5,
        id="laat-zich-niet-afschrikken-door-verzet",
        naam="Laat zich niet afschrikken door verzet van de jongere.",
        uitleg=(
            "Tegenslag en terugval horen bij verandering. De coach stelt duidelijke grenzen "
            "zonder de jongere af te wijzen en helpt hem zijn focus terug te vinden."
        ),
    ),
    Principe(
        nummer=6,
        id="durft-te-confronteren",
        naam="Gaat het schuren niet uit de weg, bij de jongere én bij de bureaucratie.",
        uitleg=(
            "De coach houdt de jongere zijn gedrag voor. Tegenover instanties is hij ongeduldig: "
            "waar een besluit de doelen in de weg zit, organiseert hij duwkracht."
        ),
    ),
    Principe(
        nummer=7,
        id="haalt-over-de-streep",
        naam="Haalt de jongere over de streep.",
        uitleg=(
            "Met kleine stappen die snel te halen zijn, werkt de coach naar de lange "
            "termijn toe. Hij motiveert, geeft een duw in de goede richting en blijft naast de "
            "jongere staan."
        ),
    ),
    Principe(
        nummer=8,
        id="benut-beide-netwerken",
        naam="Benut het netwerk van de jongere en het eigen netwerk.",
        uitleg=(
            "De coach kent de partners in de wijk en weet wie hij moet bellen, en zoekt "
            "tegelijk naar hulpbronnen in gezin en vriendenkring, zoals een zelfgekozen mentor."
        ),
    ),
    Principe(
        nummer=9,
        id="ontdekt-talenten",
        naam="Ontdekt de talenten en competenties van de jongere.",
        uitleg=(
            "De aandacht gaat naar keuzemogelijkheden, ambities en talenten, niet naar (de "
            "oorzaak van) problemen."
        ),
    ),
    Principe(
        nummer=10,
        id="gelooft-in-de-jongere",
        naam=(
            "Blijft in de jongere geloven, ook als die het vertrouwen in zichzelf of in de "
            "wereld kwijt is."
        ),
        uitleg=(
            "Sommige jongeren zijn na een lange reeks teleurstellingen het geloof in een goede "
            "toekomst kwijt, en daarmee ook het vertrouwen in zichzelf of in hun omgeving. De "
            "coach blijft dan in hen geloven en laat dat merken."
        ),
    ),
)
"""The ten principles of the intensief jongerencoach, numbered as in the handbook."""
