"""The methodiek site: mkdocs-material pages generated from a ``Methodiek`` (an adapter).

``bouw_site(uit)`` builds the whole site offline-ready; ``genereer_paginas(m)`` gives the
generated Markdown pages without building. ``import ija_core`` never imports this package:
it needs the ``docs`` extra (mkdocs, mkdocs-material, mkdocstrings, nh3), nothing else.
"""

from ija_core.docs.bouw import (
    MARKERING,
    BouwResultaat,
    bouw_site,
    controleer_bron,
    controleer_uit,
    standaard_bron,
)
from ija_core.docs.paginas import Paginas, genereer_paginas
from ija_core.errors import BronFout, SiteFout, UitmapFout

__all__ = [
    "BouwResultaat",
    "BronFout",
    "MARKERING",
    "Paginas",
    "SiteFout",
    "UitmapFout",
    "bouw_site",
    "controleer_bron",
    "controleer_uit",
    "genereer_paginas",
    "standaard_bron",
]
