"""Service norms: the ``Norm`` record (definition) and, in ``toets``, their evaluation (engine)."""

from ija_core.normen.model import Norm, Voorwaarde

__all__ = ["Norm", "Voorwaarde"]
