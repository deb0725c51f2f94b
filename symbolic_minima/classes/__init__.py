"""One module per activation class; importing this package registers them all.

Each module defines its :class:`~symbolic_minima.activation_classes.ActivationClass`
and registers its three readings (singletons, groups, critical) built from
the roles of :mod:`symbolic_minima.roles`.  A new class is one new module
here plus its proof in ``proofs/`` (see CONTRIBUTING.md).
"""

from . import even, even_zero_at_origin, generic, odd, zero_at_origin

__all__ = ["generic", "zero_at_origin", "odd", "even", "even_zero_at_origin"]
