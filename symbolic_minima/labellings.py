r"""Lazy, deterministic enumeration of the labellings that index subspaces.

A *labelling* of a width-``m`` student by a width-``r`` network is a tuple
``g`` of ``m`` integers, ``g[j]`` the label of neuron ``j + 1``:

* ``g[j] = i`` with ``1 <= i <= r``: neuron ``j + 1`` replicates neuron ``i``;
* ``g[j] = 0``: a zero-type neuron (outgoing weight 0, incoming vector free);
* ``g[j] = -c`` (``c >= 1``, reading R2 only): neuron
  ``j + 1`` belongs to zero-sum group ``c``, a group of two or more neurons
  sharing one free incoming vector with outgoing weights summing to 0.
  Groups are numbered ``1, 2, ...`` in order of their first neuron, so each
  subspace has exactly one label.  A group of size one is a zero-type neuron
  and is written ``0``, hence every R1 label is also an R2 label.

Counts (checked against :mod:`symbolic_minima.counting` in the tests):

* :func:`global_minimum_labellings` in reading R1: maps
  :math:`[m]\to\{0,\dots,r\}` hitting :math:`1..r`, :math:`T_{R1}(r,m)`;
* in reading R2: :math:`T_{R2}(r,m)=\sum_k\binom mk B_k\,r!\,S(m-k,r)`;
* :func:`critical_labellings`: surjections :math:`[m]\to[r]`, :math:`G(r,m)`.

>>> list(global_minimum_labellings(1, 2))
[(0, 1), (1, 0), (1, 1)]
>>> list(critical_labellings(2, 3))
[(1, 1, 2), (1, 2, 1), (1, 2, 2), (2, 1, 1), (2, 1, 2), (2, 2, 1)]
>>> list(global_minimum_labellings(1, 3, zero_type="R2"))[:4]
[(-1, -1, 1), (0, 0, 1), (-1, 1, -1), (0, 1, 0)]
>>> sum(1 for _ in global_minimum_labellings(2, 4, zero_type="R2"))
62
"""

from __future__ import annotations

from collections.abc import Iterator

from .errors import check_width
from .labels import Label, canonical_groups, covering_words, grouped_labels, set_partitions
from .readings import CRITICAL_READING, DEFAULT_ZERO_TYPE, GLOBAL_MINIMUM, check_rm, get_reading

__all__ = [
    "global_minimum_labellings",
    "critical_labellings",
    "set_partitions",
    "is_global_minimum_labelling",
    "is_critical_labelling",
    "canonical_groups",
]

# kept for the modules and proofs that import them from here
_check_rm = check_rm
_covering_words = covering_words
_grouped = grouped_labels


def global_minimum_labellings(r, m, zero_type: str = DEFAULT_ZERO_TYPE) -> Iterator[Label]:
    r"""Labels of the global-minimum subspaces :math:`\Gamma_g` of width ``m`` over a width-``r`` teacher.

    Lazy and in a fixed order: lexicographic in the R1 pattern (zero-sum
    group members counted as 0), then by set partition of the zero neurons
    (:meth:`~symbolic_minima.readings.Reading.labellings` of the reading).
    """
    r, m = check_rm(r, m)
    return get_reading(zero_type, family=GLOBAL_MINIMUM).labellings(r, m)


def critical_labellings(r, m) -> Iterator[Label]:
    r"""Surjections :math:`g:[m]\to[r]` (labels of :math:`\Gamma^{crit}_g`), lexicographic."""
    return CRITICAL_READING.labellings(r, m)


def is_global_minimum_labelling(g, r, zero_type: str = DEFAULT_ZERO_TYPE) -> bool:
    """Whether ``g`` is a valid canonical label of a global-minimum subspace.

    >>> is_global_minimum_labelling((1, 0, 2), 2)
    True
    >>> is_global_minimum_labelling((1, -1, -1), 1, "R2")
    True
    >>> is_global_minimum_labelling((1, -1), 1, "R2")
    False
    """
    if type(g) is not tuple:
        g = Label(g)
    r = check_width(r, "r", minimum=0)
    return get_reading(zero_type, family=GLOBAL_MINIMUM).is_label(g, r)


def is_critical_labelling(g, r) -> bool:
    """Whether ``g`` is a surjection onto ``1..r``.

    >>> is_critical_labelling((2, 1, 1), 2), is_critical_labelling((0, 1, 2), 2)
    (True, False)
    """
    if type(g) is not tuple:
        g = Label(g)
    r = check_width(r, "r", minimum=0)
    return CRITICAL_READING.is_label(g, r)
