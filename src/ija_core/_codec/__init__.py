"""The codec: JSON in and out for one Methodiek, in one place (private).

* ``_strict``: strict hooks for scalars, dates, timestamps and durations; the JSON parser with
  Dutch syntax errors; flattening cattrs' errors into ``path: message`` lines.
* ``_reader``: the generated fast reader of one event class.
* ``_hooks``: the cattrs hooks that need no codec (the event union on ``type``, one event
  class, ids, ``instrument-ingezet``, strict collections and records).
* ``_codec``: ``Codec``, the converters and event readers of one Methodiek, and
  ``codec_voor(m)``, which builds one per Methodiek object and keeps it by identity.

The public facade is ``ija_core.serialization`` (``to_json``/``from_json``); the traject
engine reads its events through ``codec_voor(m).lees_event``.
"""

from ija_core._codec._codec import Codec, codec_voor, controleer_methodiek
from ija_core._codec._strict import (
    JAREN,
    Invoerfout,
    fouten_uit,
    laad_json,
    onveilige_invoer,
    parse_datum,
    parse_tijdstip,
    stroom_events,
    type_naam,
)

__all__ = [
    "JAREN",
    "Codec",
    "Invoerfout",
    "codec_voor",
    "controleer_methodiek",
    "fouten_uit",
    "laad_json",
    "onveilige_invoer",
    "parse_datum",
    "parse_tijdstip",
    "stroom_events",
    "type_naam",
]
