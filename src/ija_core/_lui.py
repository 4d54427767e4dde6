"""A package that loads its public names on first use (PEP 562), written once.

``ija_core``, ``ija_core.traject`` and ``ija_core.groep`` each list their names once (which
module gives which name) and hand that table here; ``lui_pakket`` gives back the package's
``__getattr__`` and ``__dir__``. A name is imported the first time it is asked for and then
kept in the package, so the next access is a plain lookup. Standard library only: this sits
below every layer.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Callable, Mapping

__all__ = ["lui_pakket"]


def lui_pakket(
    pakket: str,
    waar: Mapping[str, str],
    *,
    verouderd: Mapping[str, tuple[str, str]] | None = None,
    bedrading: Mapping[str, str] | None = None,
    private_submodules: bool = False,
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for the package ``pakket`` (already in ``sys.modules``).

    Args:
        waar: per public name, the module that defines it.
        verouderd: deprecated names: ``{old: (module, new)}``; the old name still works, with a
            ``DeprecationWarning`` that names ``ija_core.<new>``.
        bedrading: loading a name from the module on the left also imports the module on the
            right (``ija_core``: the norm evaluation registers itself with ``Traject.replay``).
        private_submodules: whether an attribute ``_x`` may load the submodule ``pakket._x``
            (``ija_core`` itself loads only public submodules such as ``ija_core.traject``).
    """
    namen = vars(sys.modules[pakket])
    verouderd = verouderd or {}
    bedrading = bedrading or {}

    def __getattr__(naam: str) -> object:  # noqa: N807 - the module hook of PEP 562
        module = waar.get(naam)
        if module is not None:
            waarde: object = getattr(importlib.import_module(module), naam)
            if module in bedrading:
                importlib.import_module(bedrading[module])
            namen[naam] = waarde
            return waarde
        if naam in verouderd:
            module, nieuw = verouderd[naam]
            warnings.warn(
                f"{pakket}.{naam} is verouderd: gebruik ija_core.{nieuw}",
                DeprecationWarning,
                stacklevel=2,
            )
            return getattr(importlib.import_module(module), nieuw)
        if not naam.startswith("__" if private_submodules else "_"):
            try:
                return importlib.import_module(f"{pakket}.{naam}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{pakket}.{naam}":
                    raise
        raise AttributeError(f"module {pakket!r} has no attribute {naam!r}")

    def __dir__() -> list[str]:  # noqa: N807 - the module hook of PEP 562
        return sorted(set(namen) | set(waar))

    return __getattr__, __dir__
