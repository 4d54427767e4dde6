"""Extra pages a plugin adds to the generated methodiek site."""

from __future__ import annotations

import re

from attrs import field, frozen

from ija_core._validators import niet_leeg

_PAD = re.compile(r"[a-z0-9][a-z0-9_/-]*\.md")


def plugin_map(plugin_naam: str) -> str:
    """The folder of a plugin's own pages in the site (its name, reduced to safe characters).

    Two plugins whose names reduce to the same folder are refused when the methodiek is
    assembled, so one plugin's pages can never land among another's.
    """
    schoon = re.sub(r"[^a-z0-9_-]+", "-", plugin_naam.lower()).strip("-")
    return schoon or "plugin"


def _pad(_inst: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not _PAD.fullmatch(value) or ".." in value:
        raise ValueError(
            f"'pad' moet een relatief pad naar een .md-bestand zijn, bv. 'exodus/jouw-kracht.md' "
            f"(kreeg {value!r})"
        )


@frozen(kw_only=True)
class DocsPagina:
    """A Markdown page a plugin contributes; it lands under ``plugins/<plugin>/<pad>`` in the site.

    Attributes:
        pad: relative path of the page, ending in ``.md``.
        titel: the page title.
        inhoud: the Markdown body (Dutch).
    """

    pad: str = field(validator=_pad)
    titel: str = field(validator=niet_leeg)
    inhoud: str = field(validator=niet_leeg)

    @property
    def id(self) -> str:
        """Pages are identified by their path."""
        return self.pad
