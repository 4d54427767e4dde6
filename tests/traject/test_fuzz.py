"""Whatever an event looks like, registreer raises only the library's own errors."""

# ruff: noqa: PT017 - any outcome is fine here; the test inspects whichever error comes
from __future__ import annotations

import re
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

import ija_core as ija

from .hulp import aangemeld

RAUWE_FOUT = re.compile(r"\b[A-Za-z]*(Error|Exception): ")
M = ija.load_methodiek(entrypoints=False)
T = ija.Traject.replay([aangemeld()], methodiek=M)

json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda kinderen: (
        st.lists(kinderen, max_size=3) | st.dictionaries(st.text(max_size=12), kinderen, max_size=4)
    ),
    max_leaves=12,
)
sleutels = st.sampled_from(
    (
        "type",
        "op",
        "id",
        "naar",
        "reden",
        "met",
        "vorm",
        "door",
        "instrument",
        "resultaat",
        "leefgebied",
        "omschrijving",
        "termijn",
        "jongere",
        "traject",
        "verwijzer",
    )
)
types = st.sampled_from((*ija.traject.EVENT_TYPEN, "x")) | json_waarden
met_type = st.builds(
    lambda soort, rest: {**rest, "type": soort},
    types,
    st.dictionaries(sleutels, json_waarden | st.just({"pseudoniem": "a"}), max_size=6),
)
events = (
    met_type
    | st.fixed_dictionaries(
        {
            "type": types,
            "op": st.sampled_from(("2025-03-04T10:00:00+01:00", "gisteren")) | json_waarden,
        },
        optional=dict.fromkeys(
            ("id", "naar", "reden", "met", "vorm", "door", "resultaat"), json_waarden
        ),
    )
    | st.dictionaries(sleutels, json_waarden, max_size=6)
    | json_waarden
)


@given(events)
@example({"type": {"Error": None}})  # the word in the input, echoed: not a raw error
def test_registreer_raises_only_library_errors(event: Any) -> None:
    try:
        nieuw = T.registreer(event)
    except ija.OngeldigeInvoer as exc:
        assert exc.fouten
        assert all(f.startswith("$") for f in exc.fouten), exc.fouten
        # no raw Python errors ("TypeError: ..."); the input itself is echoed in messages and
        # may contain the word, as in {"type": {"Error": null}}
        assert not any(RAUWE_FOUT.search(f) for f in exc.fouten), exc.fouten
    except ija.RegelOvertreding as exc:
        assert exc.regel
    else:
        assert len(nieuw.events) == 2
