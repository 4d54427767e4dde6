"""The codec: built per Methodiek when first asked, kept by identity, never inside the value."""

from __future__ import annotations

import gc
import subprocess
import sys

import attrs
import orjson
import pytest

import ija_core as ija
from ija_core import _per_methodiek
from ija_core._codec import codec_voor


def test_one_codec_per_methodiek_object_built_on_first_use() -> None:
    m = ija.load_methodiek(entrypoints=False)
    n = ija.load_methodiek(entrypoints=False)
    assert m == n
    assert codec_voor(m) is codec_voor(m)
    assert codec_voor(n) is not codec_voor(m)  # by identity: a value is never hashed


def test_the_codec_lives_as_long_as_its_methodiek() -> None:
    m = ija.load_methodiek(entrypoints=False)
    codec_voor(m).lezers()
    sleutel = id(m)
    assert _per_methodiek.state(m).codec is codec_voor(m)
    del m
    gc.collect()
    assert sleutel not in _per_methodiek._STATE


def test_the_methodiek_is_not_written_to() -> None:
    m = ija.load_methodiek(entrypoints=False)
    voor = {a.name: getattr(m, a.name) for a in attrs.fields(type(m))}
    kopie = {k: (dict(v) if isinstance(v, dict) else v) for k, v in voor.items()}
    t = ija.Traject.replay(
        [
            {
                "type": "aangemeld",
                "op": "2025-03-03T09:00:00+01:00",
                "traject": "t",
                "jongere": {"pseudoniem": "N", "geboortedatum": "2006-05-01"},
                "verwijzer": "school",
            }
        ],
        methodiek=m,
    )
    ija.from_json(ija.to_json(t), ija.Traject, methodiek=m)
    na = {a.name: getattr(m, a.name) for a in attrs.fields(type(m))}
    assert {k: (dict(v) if isinstance(v, dict) else v) for k, v in na.items()} == kopie


def test_a_codec_reads_the_ids_of_its_own_methodiek() -> None:
    m = ija.load_methodiek(entrypoints=False)
    kleiner = attrs.evolve(m, rollen=tuple(r for r in m.rollen if r.id != "netwerk"))
    contact = orjson.dumps(
        {"type": "contact", "op": "2025-03-03T09:00:00+01:00", "met": "netwerk", "vorm": "app"}
    )
    assert ija.from_json(contact, ija.Gebeurtenis, methodiek=m).met == "netwerk"  # type: ignore[attr-defined]  # a Contact
    with pytest.raises(ija.OngeldigeInvoer, match=r"^\$\.met: onbekende rol 'netwerk'"):
        ija.from_json(contact, ija.Gebeurtenis, methodiek=kleiner)


def test_importing_the_facade_builds_nothing_and_loads_no_cattrs() -> None:
    code = (
        "import sys\n"
        "import ija_core.serialization\n"
        "from ija_core import _per_methodiek\n"
        "print(_per_methodiek.aantal(), 'cattrs' in sys.modules)\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.split() == ["0", "False"]


def test_one_encoder_for_events_to_json_and_unstructure_agree() -> None:
    from ija_core.serialization import unstructure

    m = ija.load_methodiek(entrypoints=False)
    op = ija.Traject.replay(
        [
            {
                "type": "aangemeld",
                "op": "2025-03-03T09:00:00+01:00",
                "traject": "t",
                "jongere": {"pseudoniem": "N", "geboortedatum": "2006-05-01"},
                "verwijzer": "school",
            }
        ],
        methodiek=m,
    ).events[0]
    for e in (op, ija.Contact(op=op.op, met="jongere", vorm="app")):
        assert orjson.loads(ija.to_json(e)) == unstructure(e, m)
    with pytest.raises(ija.OngeldigeInvoer, match="geen gebeurtenistype"):
        ija.to_json(ija.Gebeurtenis(op=op.op))
