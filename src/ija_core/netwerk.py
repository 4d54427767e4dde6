"""The jongere's network as data: relaties, opschalingen, overleggen and the legal basis of consent.

A *betrokkene* in a traject is a person or organisation around the jongere, recorded by a
pseudonym id and a *relatie* (``oma`` with relatie ``familie``); never by name. The relatie
says which of the five rollen the betrokkene plays (``netwerk``, ``wijknetwerk``, ...). An
*opschaling* is where the coach moves the jongere when help does not get going: another form
of guidance (``andere-vorm``) or a partner in drang en dwang (``pga``). An *overleg* is a table
in the wijk where partners share what they see on the street (``jeugdhotspotoverleg``): going
there is not an escalation.

Plugins add their own through the hooks ``ija_relaties``, ``ija_opschalingen`` and
``ija_overleggen``. The handbook's own come in through the built-in plugin and land, sorted by
id, in ``Methodiek.relaties``, ``Methodiek.opschalingen`` and ``Methodiek.overleggen``.
"""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen, validators

from ija_core._validators import niet_leeg, slug
from ija_core.bron import Bron

__all__ = [
    "HANDBOEK_OPSCHALINGEN",
    "HANDBOEK_OVERLEGGEN",
    "HANDBOEK_RELATIES",
    "TOESTEMMING_VOOR",
    "WETTELIJKE_TOESTEMMING",
    "Opschaling",
    "Overleg",
    "Relatie",
    "Toestemmingsregel",
    "ToestemmingVoor",
]

ToestemmingVoor = Literal["betrekken", "gegevens-delen"]
"""What a jongere consents to: involving a betrokkene, or sharing information with them."""

TOESTEMMING_VOOR: tuple[str, ...] = ("betrekken", "gegevens-delen")
"""The kinds of toestemming, in this order (``Betrokkene.toestemmingen`` keeps it)."""

_ROLLEN = ("jongere", "netwerk", "wijknetwerk", "zorgpartijen", "coach")


@frozen(kw_only=True)
class Relatie:
    """Who a betrokkene is to the jongere.

    Attributes:
        id: the stable id used in the JSON events (``"ouder"``, ``"exodus:maatje"``).
        naam: a Dutch label.
        rol: the rol id the betrokkene plays (one of the five rollen).
        bron: where the relatie comes from (``ija_core.Bron``); a plugin's are ``aanbieder``.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    rol: str = field(validator=validators.in_(_ROLLEN))
    bron: Bron = field(validator=validators.instance_of(Bron))


@frozen(kw_only=True)
class Opschaling:
    """Where the coach may move a traject when help does not get going (``opgeschaald``).

    The handbook calls it "another form" of guidance, never a heavier or stricter one.

    Attributes:
        id: the stable id used in ``opgeschaald`` (``"pga"``).
        naam: a Dutch label.
        soort: ``drang-en-dwang`` (a partner that can press or compel),
            ``andere-begeleiding`` (another form of guidance) or another slug a plugin
            chooses. A table where partners share what they see is not an opschaling but an
            ``Overleg``.
        bron: where it comes from (``ija_core.Bron``); a plugin's are ``aanbieder``.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    soort: str = field(validator=slug)
    bron: Bron = field(validator=validators.instance_of(Bron))


@frozen(kw_only=True)
class Overleg:
    """A table in the wijk where partners share what they see on the street.

    The coach takes part when needed, to stay in touch with partners who have street
    information; it is not an escalation of a traject (``Opschaling`` is).

    Attributes:
        id: the stable id of the table (``"jeugdhotspotoverleg"``, ``"exodus:buurttafel"``).
        naam: a Dutch label.
        bron: where it comes from (``ija_core.Bron``); a plugin's are ``aanbieder``.
    """

    id: str = field(validator=slug)
    naam: str = field(validator=niet_leeg)
    bron: Bron = field(validator=validators.instance_of(Bron))


@frozen(kw_only=True)
class Toestemmingsregel:
    """What the law says about who consents to help for a young person of an age band.

    Attributes:
        van: youngest age of the band (inclusive).
        tot: oldest age of the band (inclusive), or None for no upper bound.
        wie: who consents, in Dutch.
        bron: the outside source (``extern``).
    """

    van: int = field(validator=validators.instance_of(int))
    tot: int | None = field(validator=validators.optional(validators.instance_of(int)))
    wie: str = field(validator=niet_leeg)
    bron: Bron = field(validator=validators.instance_of(Bron))


_WGBO = (
    "WGBO, Burgerlijk Wetboek boek 7 artikel 447 en 450, en Jeugdwet artikel 7.3.4 en 7.3.5"
)

WETTELIJKE_TOESTEMMING: tuple[Toestemmingsregel, ...] = (
    Toestemmingsregel(
        van=12,
        tot=15,
        wie="de jongere en de ouders met gezag samen",
        bron=Bron(
            soort="extern",
            toelichting=(
                f"{_WGBO}: van 12 tot en met 15 jaar stemmen de jongere en de ouders met "
                "gezag allebei in met hulp."
            ),
        ),
    ),
    Toestemmingsregel(
        van=16,
        tot=None,
        wie="de jongere alleen",
        bron=Bron(
            soort="extern",
            toelichting=(
                f"{_WGBO}: vanaf 16 jaar beslist de jongere zelf; ouders horen er alleen "
                "over als de jongere dat goedvindt."
            ),
        ),
    ),
)
"""The WGBO age bands of consent that the rule ``betrekken-met-toestemming`` builds on
(the target group starts at 12, so the band under 12 is left out)."""

OUDER_ZONDER_TOESTEMMING_TOT = 16
"""Below this age (on the day of the event) a parent may be involved without the jongere's
own toestemming ``betrekken``: the first band of ``WETTELIJKE_TOESTEMMING`` ends at 15."""


def _handboek(toelichting: str) -> Bron:
    return Bron(soort="handboek", toelichting=toelichting)


_NETWERK = _handboek(
    "Het handboek zet in elke fase de ouders en het eigen netwerk van de jongere bij de "
    "rollen om de jongere heen (het kopje over ouders en netwerk)."
)
_WIJKNETWERK = _handboek(
    "Het handboek noemt deze partij in de opsomming van wie de coaches in de wijk kennen, "
    "onder de sterke verankering in het wijknetwerk (hoofdstuk profiel)."
)

HANDBOEK_RELATIES: tuple[Relatie, ...] = (
    Relatie(id="ouder", naam="Ouder", rol="netwerk", bron=_NETWERK),
    Relatie(
        id="familie",
        naam="Familie",
        rol="netwerk",
        bron=_handboek(
            "Het handboek noemt het gezin als deel van het systeem dat wordt betrokken "
            "(kernwaarde samen) en als plek waar de coach hulpbronnen zoekt; ija-core rekent "
            "ook familie buiten het gezin (zoals een oma) hiertoe."
        ),
    ),
    Relatie(
        id="vriend",
        naam="Vriend of vriendin",
        rol="netwerk",
        bron=_handboek(
            "Het handboek noemt de vriendenkring: in de missie als positieve invloed en bij de "
            "werkwijze als plek waar de coach hulpbronnen zoekt."
        ),
    ),
    Relatie(
        id="sleutelfiguur",
        naam="Sleutelfiguur",
        rol="netwerk",
        bron=_handboek(
            "Het handboek noemt sleutelfiguren bij de sociale omgevingsanalyse in de casus "
            "'Spin in het web', en belangrijke personen uit het leven van de jongere die "
            "mentor kunnen zijn (kernwaarde samen)."
        ),
    ),
    Relatie(id="school", naam="School", rol="wijknetwerk", bron=_WIJKNETWERK),
    Relatie(
        id="jongerenwerk",
        naam="Jongerenwerk",
        rol="wijknetwerk",
        bron=_handboek(
            "Het handboek noemt het jongerenwerk niet in de opsomming van het wijknetwerk, "
            "wel in de casussen 'Spin in het web' en Enzo, en het stedelijk jongerenwerk bij "
            "de overleggen waar partners vertellen wat ze op straat zien."
        ),
    ),
    Relatie(id="sportvereniging", naam="Sportvereniging", rol="wijknetwerk", bron=_WIJKNETWERK),
    Relatie(
        id="werkgever",
        naam="Werkgever",
        rol="wijknetwerk",
        bron=_handboek(
            "Het handboek noemt werk- en stageplaatsen bij de sociale omgevingsanalyse in de "
            "casus 'Spin in het web', en ondernemers in de opsomming van het wijknetwerk."
        ),
    ),
    Relatie(id="wijkagent", naam="Wijkagent", rol="wijknetwerk", bron=_WIJKNETWERK),
    Relatie(id="jongerenloket", naam="Jongerenloket", rol="wijknetwerk", bron=_WIJKNETWERK),
    Relatie(
        id="jeugdreclassering",
        naam="Jeugdreclassering",
        rol="zorgpartijen",
        bron=_handboek(
            "Het handboek noemt jeugdreclassering bij de overige (zorg)partijen in fase 2 "
            "(werkafspraken maken), en in de casus Bob."
        ),
    ),
    Relatie(
        id="ggz",
        naam="GGZ",
        rol="zorgpartijen",
        bron=_handboek(
            "Het handboek noemt de GGZ-keten bij de relaties van de coaches in wijknetwerk en "
            "gemeente, en bij het thema GGZ-problematiek de toeleiding naar specialistische hulp."
        ),
    ),
    Relatie(
        id="jeugd-en-gezinscoach",
        naam="Jeugd- en gezinscoach",
        rol="coach",
        bron=_handboek(
            "Het handboek noemt de jeugd- en gezinscoach van het wijkteam naast de "
            "jongerencoach als ouders hulpvragen hebben (kernwaarde samen), bij de thema's "
            "jonge moeders en overlast, en in de casus Bob."
        ),
    ),
    Relatie(
        id="wijkteam-ggz",
        naam="GGZ-specialist of psycholoog van het wijkteam",
        rol="coach",
        bron=_handboek(
            "Het handboek noemt de ggz-specialist van het wijkteam bij het thema "
            "GGZ-problematiek, en in de casus Tamir de psycholoog van het wijkteam."
        ),
    ),
    # the wijknetwerk partners of the handbook (issue 20): fase 4 hands over to them
    Relatie(id="cjg", naam="CJG (Centrum voor Jeugd en Gezin)", rol="wijknetwerk",
            bron=_WIJKNETWERK),
    Relatie(id="schoolmaatschappelijk-werk", naam="Schoolmaatschappelijk werk",
            rol="wijknetwerk", bron=_WIJKNETWERK),
    Relatie(id="welzijnswerk", naam="Welzijnswerk", rol="wijknetwerk", bron=_WIJKNETWERK),
    Relatie(
        id="buurthuis",
        naam="Buurthuis (vrijwilliger of medewerker)",
        rol="wijknetwerk",
        bron=_handboek(
            "Het handboek geeft in fase 3, bij het professionele wijknetwerk, de vrijwilliger "
            "in een buurthuis als voorbeeld van lichtere steun waaraan de coach de jongere kan "
            "koppelen als hij afschaalt naar het wijknetwerk; ija-core rekent een medewerker "
            "van het buurthuis er ook toe."
        ),
    ),
    Relatie(id="ondernemer", naam="Ondernemer", rol="wijknetwerk", bron=_WIJKNETWERK),
    Relatie(
        id="bewonersorganisatie",
        naam="Bewonersorganisatie",
        rol="wijknetwerk",
        bron=_handboek(
            "Het handboek noemt bewoners en hun organisaties in de opsomming van wie de "
            "coaches in de wijk kennen, onder de sterke verankering in het wijknetwerk "
            "(hoofdstuk profiel)."
        ),
    ),
    Relatie(
        id="handhaving",
        naam="Handhaving",
        rol="wijknetwerk",
        bron=_handboek(
            "Het handboek noemt handhaving, naast het stedelijk jongerenwerk en de politie, "
            "bij de partners die weten wat er op straat speelt en dat in de wijkoverleggen "
            "met de coaches delen (kernwaarde samen)."
        ),
    ),
    Relatie(
        id="pga",
        naam="PGA-medewerker",
        rol="wijknetwerk",
        bron=_handboek(
            "Het handboek noemt PGA-experts in de opsomming van wie de coaches in de wijk "
            "kennen, onder de sterke verankering in het wijknetwerk (hoofdstuk profiel), "
            "PGA-medewerkers bij de samenwerking in drang en dwang (kernwaarde "
            "samen) en in de casus Spin in het web een PGA-expert van de politie. Dat PGA voor "
            "de persoonsgerichte aanpak staat, zegt het handboek niet zelf."
        ),
    ),
    Relatie(
        id="wijkveiligheid",
        naam="Expert wijkveiligheid",
        rol="wijknetwerk",
        bron=_handboek(
            "Het handboek noemt veiligheidsexperts in de opsomming van wie de coaches in de "
            "wijk kennen, onder de sterke verankering in het wijknetwerk (hoofdstuk profiel), "
            "experts wijkveiligheid bij de samenwerking in drang en dwang "
            "(kernwaarde samen) en de expert jeugdoverlast van de directie veiligheid in de casus "
            "Spin in het web."
        ),
    ),
    Relatie(
        id="centraal-onthaal-jongeren",
        naam="Centraal Onthaal Jongeren",
        rol="zorgpartijen",
        bron=_handboek(
            "Het handboek noemt Centraal Onthaal in fase 3, bij de overige (zorg)partijen, als "
            "voorbeeld van een verwijzing waarover anders kan worden beslist, en in de casus "
            "Ricardo, waar de coach het traject daar blijft volgen."
        ),
    ),
    Relatie(
        id="kredietbank",
        naam="Kredietbank",
        rol="zorgpartijen",
        bron=_handboek(
            "Het handboek noemt bij het thema schuldenproblematiek het aanmelden bij de "
            "kredietbank; dat ija-core haar bij de (zorg)partijen zet, is een indeling van "
            "ija-core."
        ),
    ),
    Relatie(
        id="bewindvoering",
        naam="Bewindvoering",
        rol="zorgpartijen",
        bron=_handboek(
            "Het handboek noemt bij het thema schuldenproblematiek het aanmelden voor "
            "bewindvoering; dat ija-core die bij de (zorg)partijen zet, is een indeling van "
            "ija-core."
        ),
    ),
    Relatie(
        id="poh",
        naam="Praktijkondersteuner (POH)",
        rol="zorgpartijen",
        bron=_handboek(
            "Het handboek noemt bij het thema GGZ-problematiek de POH, naar wie de coach een "
            "jongere met lichte klachten leidt. Het handboek gebruikt alleen de afkorting; "
            "dat het om de praktijkondersteuner bij de huisarts gaat, is de lezing van ija-core."
        ),
    ),
    Relatie(
        id="buren",
        naam="Buren",
        rol="netwerk",
        bron=_handboek(
            "Het handboek beschrijft in de methodiek dat de coach de begeleiding op den duur "
            "overdraagt aan gezin, buren of wijknetwerk. Omdat het de buren daar apart van "
            "het wijknetwerk noemt, rekent ija-core ze tot het eigen netwerk."
        ),
    ),
)
"""The handbook's relaties (sorted by id once in the Methodiek)."""

_DRANG = _handboek(
    "Het handboek noemt deze partij bij de samenwerking in drang en dwang die de coach "
    "zoekt als de hulp niet genoeg op gang komt (kernwaarde samen)."
)

HANDBOEK_OPSCHALINGEN: tuple[Opschaling, ...] = (
    Opschaling(id="pga", naam="PGA-medewerkers", soort="drang-en-dwang", bron=_DRANG),
    Opschaling(
        id="wijkveiligheid", naam="Experts wijkveiligheid", soort="drang-en-dwang", bron=_DRANG
    ),
    Opschaling(id="politie", naam="Politie", soort="drang-en-dwang", bron=_DRANG),
    Opschaling(id="jongerenloket", naam="Jongerenloket", soort="drang-en-dwang", bron=_DRANG),
    Opschaling(id="onderwijs", naam="Onderwijs", soort="drang-en-dwang", bron=_DRANG),
    Opschaling(
        id="andere-vorm",
        naam="Andere vorm van begeleiding",
        soort="andere-begeleiding",
        bron=_handboek(
            "In de casus Spin in het web gaat een groepslid dat zich niet aan afspraken hield "
            "over naar een andere vorm van begeleiding; welke vorm dat is, zegt het handboek niet."
        ),
    ),
)
"""Where the handbook has the coach scale up to: another form of guidance, or a partner in
drang en dwang. The two street-information tables are ``HANDBOEK_OVERLEGGEN``, not here."""

_OVERLEG = _handboek(
    "Het handboek noemt dit overleg bij de kernwaarde samen: de coach doet er zo nodig aan "
    "mee om dichter bij partners te staan die weten wat er op straat speelt, zoals het "
    "stedelijk jongerenwerk, de politie en handhaving, en die partners vertellen daar wat ze "
    "zien. Het is geen opschaling."
)

HANDBOEK_OVERLEGGEN: tuple[Overleg, ...] = (
    Overleg(id="jeugdhotspotoverleg", naam="Jeugdhotspotoverleg", bron=_OVERLEG),
    Overleg(id="overlastoverleg", naam="Overlastoverleg", bron=_OVERLEG),
)
"""The tables in the wijk the handbook names, where partners share what they see."""
