r"""symbolic_minima: exact symmetries, critical subspaces and global minima of overparameterized networks.

Re-derives, with exact arithmetic, the results of Şimşek et al. (ICML 2021)
on the loss landscape of overparameterized networks: the :math:`T(r^*, m)`
affine subspaces of global minima, the :math:`G(r, m)` symmetry-induced
critical subspaces, their connectivity, and the deep-network theorem.

Sub-modules: :mod:`~symbolic_minima.counting`, :mod:`~symbolic_minima.species`,
:mod:`~symbolic_minima.network`, :mod:`~symbolic_minima.subspaces`,
:mod:`~symbolic_minima.verify`, :mod:`~symbolic_minima.graph`,
:mod:`~symbolic_minima.strategies` (hypothesis strategies, optional).
"""

from .errors import ArgumentTypeError, ArgumentValueError, SymbolicMinimaError
from .labellings import critical_labellings, global_minimum_labellings
from .readings import ZERO_TYPES

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "ArgumentTypeError",
    "ArgumentValueError",
    "SymbolicMinimaError",
    "ZERO_TYPES",
    "critical_labellings",
    "global_minimum_labellings",
]
