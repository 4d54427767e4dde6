"""The one way the CLI says an error: ``foutregel`` turns every ``IjaError`` into one Dutch
line and an exit code, for every command; ``meld`` prints it on stderr.

Errors about an input file name the file: ``OnleesbaarBestand`` (the file cannot be read)
and ``Bestandsfout`` (the library refused what the file holds), both raised by ``_invoer``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ija_core.cli._basis import veilig
from ija_core.errors import IjaError, OngeldigeInvoer

if TYPE_CHECKING:
    from ija_core import Bron, Methodiek
    from ija_core.errors import RegelOvertreding


class OnleesbaarBestand(OngeldigeInvoer):
    """An input file the CLI will not read; ``reden`` says why (Dutch, without the path)."""

    def __init__(self, pad: Path | str, reden: str) -> None:
        super().__init__(f"kan {pad} niet lezen: {reden}")
        self.pad = str(pad)
        self.reden = reden


class Bestandsfout(IjaError):
    """The library refused what one input file holds: ``oorzaak`` (the ``OngeldigeInvoer`` or
    ``RegelOvertreding``) in the file ``pad``. The exit code is that of ``oorzaak``."""

    def __init__(self, pad: Path | str, oorzaak: IjaError) -> None:
        super().__init__(f"{pad}: {oorzaak}")
        self.pad = str(pad)
        self.oorzaak = oorzaak


def regelbron(m: Methodiek | None, regel_id: str) -> Bron | None:
    """The ``Bron`` of the rule a refusal names (None without a Methodiek, or for a rule id
    the Methodiek lacks)."""
    if m is None:
        return None
    for regel in m.regels:
        if regel.id == regel_id:
            return regel.bron
    return None


def overtreding_tekst(exc: RegelOvertreding, m: Methodiek | None = None) -> str:
    """``"gebeurtenis 3 breekt regel R (plugin P) [bron: handboek]: uitleg"``: the one way the
    CLI says that an event breaks a rule (the event counted from 1, as people count)."""
    waar = f"gebeurtenis {exc.index + 1}" if exc.index is not None else "een gebeurtenis"
    wie = f" (plugin {exc.plugin})" if exc.plugin else ""
    bron = regelbron(m, exc.regel)
    soort = f" [bron: {bron.soort}]" if bron is not None else ""
    return f"{waar} breekt regel {exc.regel}{wie}{soort}: {exc.uitleg}"


def foutregel(exc: IjaError, m: Methodiek | None = None) -> tuple[str, int]:
    """The one Dutch line (without ``"ija: "``) and the exit code for an ``IjaError``.

    Every command says its errors through this function (``meld`` prints the line):

    * a file that cannot be read (``OnleesbaarBestand``): ``"PAD: niet te lezen: reden"``, 2;
    * what a file holds refused (``Bestandsfout``): ``"PAD: "`` and the line of its cause;
    * a rule broken (``RegelOvertreding``): ``overtreding_tekst``, with the rule's bron when
      ``m`` is given, 1;
    * bad input (``OngeldigeInvoer``): ``"ongeldige invoer: "`` and its problems joined
      with ``"; "``, 2;
    * a plugin error (``PluginFout``): ``"pluginfout: ..."``, 3;
    * the site (``SiteFout``): a bad ``--uit`` or ``--bron`` folder named by its option, 2;
      a build that failed, its message, 1;
    * any other ``IjaError``: its message, 2.

    Newlines and control characters in the message are escaped: one error is one line.
    """
    from ija_core.errors import (
        BronFout,
        OngeldigeInvoer,
        PluginFout,
        RegelOvertreding,
        SiteFout,
        UitmapFout,
    )

    if isinstance(exc, OnleesbaarBestand):
        return veilig(f"{exc.pad}: niet te lezen: {exc.reden}", regels=True), 2
    if isinstance(exc, Bestandsfout):
        tekst, code = foutregel(exc.oorzaak, m)
        return f"{veilig(exc.pad, regels=True)}: {tekst}", code
    if isinstance(exc, RegelOvertreding):
        return veilig(overtreding_tekst(exc, m), regels=True), 1
    if isinstance(exc, OngeldigeInvoer):
        return "ongeldige invoer: " + veilig("; ".join(exc.fouten), regels=True), 2
    if isinstance(exc, PluginFout):
        return "pluginfout: " + veilig(str(exc), regels=True), 3
    if isinstance(exc, UitmapFout | BronFout):
        optie = "--uit" if isinstance(exc, UitmapFout) else "--bron"
        return f"{optie}: " + veilig(str(exc), regels=True), 2
    if isinstance(exc, SiteFout):
        return veilig(str(exc), regels=True), 1
    return veilig(str(exc), regels=True), 2


def meld(exc: IjaError, m: Methodiek | None = None) -> int:
    """Print ``foutregel(exc)`` on stderr as ``"ija: ..."`` and return its exit code."""
    tekst, code = foutregel(exc, m)
    print(f"ija: {tekst}", file=sys.stderr)
    return code
