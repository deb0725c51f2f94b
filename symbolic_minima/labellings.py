r"""Lazy, deterministic enumeration of the labellings that index subspaces.

A *labelling* of a width-``m`` student by a width-``r`` network is a tuple
``g`` of ``m`` integers, ``g[j]`` the label of neuron ``j + 1``:

* ``g[j] = i`` with ``1 <= i <= r``: neuron ``j + 1`` replicates neuron ``i``;
* ``g[j] = 0``: a zero-type neuron (outgoing weight 0, incoming vector free);
* ``g[j] = -c`` (``c >= 1``, reading ``zero_type="groups"`` only): neuron
  ``j + 1`` belongs to zero-sum group ``c``, a group of two or more neurons
  sharing one free incoming vector with outgoing weights summing to 0.
  Groups are numbered ``1, 2, ...`` in order of their first neuron, so each
  subspace has exactly one label.  A group of size one is a zero-type neuron
  and is written ``0``, hence every R1 label is also an R2 label.

Counts (checked against :mod:`symbolic_minima.counting` in the tests):

* :func:`global_minimum_labellings` with ``"singletons"``: maps
  :math:`[m]\to\{0,\dots,r\}` hitting :math:`1..r`, :math:`T_{R1}(r,m)`;
* with ``"groups"``: :math:`T_{R2}(r,m)=\sum_k\binom mk B_k\,r!\,S(m-k,r)`;
* :func:`critical_labellings`: surjections :math:`[m]\to[r]`, :math:`G(r,m)`.

>>> list(global_minimum_labellings(1, 2))
[(0, 1), (1, 0), (1, 1)]
>>> list(critical_labellings(2, 3))
[(1, 1, 2), (1, 2, 1), (1, 2, 2), (2, 1, 1), (2, 1, 2), (2, 2, 1)]
>>> list(global_minimum_labellings(1, 3, zero_type="groups"))[:4]
[(-1, -1, 1), (0, 0, 1), (-1, 1, -1), (0, 1, 0)]
>>> sum(1 for _ in global_minimum_labellings(2, 4, zero_type="groups"))
62
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from .errors import ArgumentValueError, check_label, check_width
from .readings import check_zero_type

__all__ = [
    "global_minimum_labellings",
    "critical_labellings",
    "set_partitions",
    "is_global_minimum_labelling",
    "is_critical_labelling",
    "canonical_groups",
]

Labelling = tuple


def _check_rm(r, m) -> tuple[int, int]:
    r = check_width(r, "r")
    m = check_width(m, "m")
    if m < r:
        raise ArgumentValueError(f"m must be an integer >= r = {r}, got {m}")
    return r, m


def _covering_words(r: int, m: int, low: int) -> Iterator[tuple]:
    """Words of length ``m`` over ``low..r`` using every letter ``1..r``, in lexicographic order.

    Backtracking with the exact pruning "letters still missing <= positions
    left", so every branch explored ends in at least one word.
    """
    if m < r:
        return
    word = [0] * m
    counts = [0] * (r + 1)
    missing = r
    i = 0
    v = low
    while True:
        if i == m:
            yield tuple(word)
        else:
            rest = m - i - 1
            while v <= r:
                new_missing = missing - 1 if (v >= 1 and counts[v] == 0) else missing
                if new_missing <= rest:
                    break
                v += 1
            if v <= r:  # place v at position i and descend
                word[i] = v
                if v >= 1:
                    counts[v] += 1
                missing = new_missing
                i += 1
                v = low
                continue
        # backtrack: undo position i - 1 and try its next letter
        if i == 0:
            return
        i -= 1
        old = word[i]
        if old >= 1:
            counts[old] -= 1
            if counts[old] == 0:
                missing += 1
        v = old + 1


def set_partitions(k: int) -> Iterator[tuple]:
    """Restricted growth strings of length ``k``: the set partitions of ``k`` items.

    ``s[i]`` is the block (``0, 1, ...``) of item ``i``; there are Bell(k).

    >>> list(set_partitions(3))
    [(0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (0, 1, 2)]
    """
    k = check_width(k, "k", minimum=0)
    if k == 0:
        yield ()
        return
    s = [0] * k
    while True:
        yield tuple(s)
        # next restricted growth string: rightmost position that can grow
        i = k - 1
        while i > 0:
            if s[i] <= max(s[:i]):
                s[i] += 1
                for t in range(i + 1, k):
                    s[t] = 0
                break
            i -= 1
        else:
            return


@lru_cache(maxsize=16)
def _partitions_with_sizes(k: int) -> tuple:
    # (restricted growth string, block sizes) for every set partition of k items;
    # cached because every R1 word with k zero neurons needs the same list.
    out = []
    for blocks in set_partitions(k):
        sizes: dict[int, int] = {}
        for b in blocks:
            sizes[b] = sizes.get(b, 0) + 1
        out.append((blocks, sizes))
    return tuple(out)


def _grouped(word: tuple) -> Iterator[tuple]:
    zeros = [j for j, v in enumerate(word) if v == 0]
    if len(zeros) > 12:  # Bell(13) = 27,644,437 partitions: do not cache, stream
        parts = ((b, {c: b.count(c) for c in set(b)}) for b in set_partitions(len(zeros)))
    else:
        parts = _partitions_with_sizes(len(zeros))
    for blocks, sizes in parts:
        label = list(word)
        ids: dict[int, int] = {}
        for j, b in zip(zeros, blocks):
            if sizes[b] == 1:
                label[j] = 0
            else:
                if b not in ids:
                    ids[b] = len(ids) + 1
                label[j] = -ids[b]
        yield tuple(label)


def global_minimum_labellings(r, m, zero_type: str = "singletons") -> Iterator[tuple]:
    r"""Labels of the global-minimum subspaces :math:`\Gamma_g` of width ``m`` over a width-``r`` teacher.

    Lazy and in a fixed order: lexicographic in the R1 pattern (zero-sum
    group members counted as 0), then by set partition of the zero neurons.
    """
    r, m = _check_rm(r, m)
    zero_type = check_zero_type(zero_type)
    words = _covering_words(r, m, 0)
    if zero_type == "singletons":
        return words
    return (label for word in words for label in _grouped(word))


def critical_labellings(r, m) -> Iterator[tuple]:
    r"""Surjections :math:`g:[m]\to[r]` (labels of :math:`\Gamma^{crit}_g`), lexicographic."""
    r, m = _check_rm(r, m)
    return _covering_words(r, m, 1)


def canonical_groups(g) -> tuple:
    """Renumber zero-sum group ids of ``g`` in order of first appearance.

    >>> canonical_groups((-2, 1, -1, -2, -1))
    (-1, 1, -2, -1, -2)
    """
    g = check_label(g, "g")
    ids: dict[int, int] = {}
    out = []
    for v in g:
        if v < 0:
            if v not in ids:
                ids[v] = -(len(ids) + 1)
            out.append(ids[v])
        else:
            out.append(v)
    return tuple(out)


def is_global_minimum_labelling(g, r, zero_type: str = "singletons") -> bool:
    """Whether ``g`` is a valid canonical label of a global-minimum subspace.

    >>> is_global_minimum_labelling((1, 0, 2), 2)
    True
    >>> is_global_minimum_labelling((1, -1, -1), 1, "groups")
    True
    >>> is_global_minimum_labelling((1, -1), 1, "groups")
    False
    """
    g = check_label(g, "g") if type(g) is not tuple else g
    r = check_width(r, "r", minimum=0)
    zero_type = check_zero_type(zero_type)
    g = tuple(g)
    if any(isinstance(v, bool) or not isinstance(v, int) for v in g):
        return False
    if set(range(1, r + 1)) - set(g) or any(v > r for v in g):
        return False
    negatives = [v for v in g if v < 0]
    if zero_type == "singletons":
        return not negatives
    if canonical_groups(g) != g:
        return False
    return all(negatives.count(v) >= 2 for v in set(negatives))


def is_critical_labelling(g, r) -> bool:
    """Whether ``g`` is a surjection onto ``1..r``.

    >>> is_critical_labelling((2, 1, 1), 2), is_critical_labelling((0, 1, 2), 2)
    (True, False)
    """
    g = check_label(g, "g") if type(g) is not tuple else g
    r = check_width(r, "r", minimum=0)
    g = tuple(g)
    return set(g) == set(range(1, r + 1))
