"""Shared test set-up: hypothesis profiles and a loaded Methodiek.

``HYPOTHESIS_PROFILE=ci`` (set by ``make test`` when ``CI`` is set) runs many more examples.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import ija_core as ija

settings.register_profile("default", max_examples=50, deadline=None)
settings.register_profile(
    "ci",
    max_examples=400,
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def m() -> ija.Methodiek:
    """The handbook methodiek without installed plugins (tests stay independent of plugins/)."""
    return ija.load_methodiek(entrypoints=False)


@pytest.fixture(scope="session")
def m_alle() -> ija.Methodiek:
    """The methodiek with every installed plugin."""
    return ija.load_methodiek()
