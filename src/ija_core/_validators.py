"""Small attrs validators shared by the definition records (messages name field, expectation, value)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PLUGIN_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*")


def slug(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a lowercase slug, optionally namespaced ``aanbieder:naam``."""
    if not isinstance(value, str) or not (SLUG.fullmatch(value) or PLUGIN_ID.fullmatch(value)):
        raise ValueError(
            f"'{attribute.name}' moet een id in kleine letters zijn zoals 'verdieping' of "
            f"'exodus:krachteninventarisatie' (kreeg {value!r})"
        )


def niet_leeg(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a non-blank string."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"'{attribute.name}' moet een niet-lege tekst zijn (kreeg {value!r})")


def optioneel_niet_leeg(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Allow None (unknown), else require a non-blank string."""
    if value is not None:
        niet_leeg(inst, attribute, value)


def slugs(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a tuple of slugs without duplicates."""
    for item in value:
        slug(inst, attribute, item)
    if len(set(value)) != len(value):
        raise ValueError(f"'{attribute.name}' bevat een id twee keer (kreeg {value!r})")


def teksten(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a tuple of non-blank strings."""
    for item in value:
        niet_leeg(inst, attribute, item)


def tekst_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """Converter to a tuple of strings.

    A concretely typed converter: with the bare ``tuple`` as converter, mypy's attrs plugin
    types the ``__init__`` argument as an unsolved ``Iterable[_T_co]`` and rejects every call.
    """
    return tuple(value)
