r"""Neuron roles: what one block of student neurons may be.

A *label* (:class:`~symbolic_minima.labels.Label`) splits the ``m`` student
neurons into blocks; each block plays one *role*.  A role alone determines

* its **species factor**: the species of one block (:meth:`Role.block_species`)
  and how many blocks the role has (:attr:`Role.per_teacher`: exactly one per
  teacher neuron, or any number), hence its factor of the EGF;
* its **equations**: the rows it adds to the exact linear system of the
  subspace (:meth:`Role.neuron_rows`, :meth:`Role.block_rows`), in reduced
  row-echelon form up to order;
* its **dimension**: :meth:`Role.dimension` of the block's factor of the subspace;
* what it **pins** in the intersection test (:meth:`Role.pins`): the teacher
  neuron its incoming vector is fixed to (``None``: a free vector) and a sign,
  so that sign-flipped roles fit the same test;
* its **code** in a label (:meth:`Role.code`): teacher index ``i >= 1`` for
  per-teacher roles, ``0`` for a free block of size one, ``-c`` for free
  block number ``c`` (numbered by first neuron) of size two or more.

The roles of the generic activation (the specification's global minima and
critical points):

==================  ===============  =================================================  ==================================
role                blocks           equations                                          dimension (size :math:`s`)
==================  ===============  =================================================  ==================================
:data:`REPLICA`     one per teacher  :math:`w_j=w^*_i`, :math:`\sum_j a_j=a^*_i`         :math:`(s-1)d_{out}`
:data:`ZERO_TYPE`   any, size 1      :math:`a_j=0`, :math:`w_j` free                    :math:`d`
:data:`ZERO_SUM`    any, size >= 2   shared free :math:`w`, :math:`\sum_j a_j=0`         :math:`d+(s-1)d_{out}`
:data:`CRITICAL_REPLICA` one per teacher  :math:`w_j=w_i`, :math:`a_j=\lambda_j a_i`, :math:`\sum\lambda_j=1` :math:`s-1`
==================  ===============  =================================================  ==================================

>>> REPLICA.block_species().egf(), ZERO_TYPE.block_species().egf()
(exp(x) - 1, x)
>>> ZERO_SUM.dimension(3, d=2, d_out=1), REPLICA.code(2), ZERO_SUM.code(1)
(4, 2, -1)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .errors import ArgumentValueError, check_int
from .species import NonEmptySet, SizedSet, Species

__all__ = [
    "Role",
    "SubspaceLayout",
    "Replica",
    "ZeroTypeNeuron",
    "ZeroSumGroup",
    "CriticalReplica",
    "REPLICA",
    "ZERO_TYPE",
    "ZERO_SUM",
    "CRITICAL_REPLICA",
]

_ONE = Fraction(1)
_MINUS_ONE = Fraction(-1)
_ZERO = Fraction(0)


@dataclass(frozen=True)
class SubspaceLayout:
    """Where the parameters of a width-``m`` network sit in a subspace's column order.

    ``w_cols[j][k]`` is the column of :math:`w_{j+1,k+1}`, ``a_cols[j][l]``
    that of :math:`a_{j+1,l+1}`; ``incoming[i-1]`` and ``outgoing[i-1]`` are the
    exact (``Fraction``) vectors of teacher neuron ``i``.
    """

    d: int
    d_out: int
    w_cols: tuple
    a_cols: tuple
    incoming: tuple
    outgoing: tuple


class Role:
    """Base class of neuron roles (see the module docstring).

    Subclasses set :attr:`name`, :attr:`per_teacher`, :attr:`min_size`,
    :attr:`max_size` and implement :meth:`neuron_rows`, :meth:`block_rows`
    and :meth:`dimension`.
    """

    #: Short name, used in descriptions and label types.
    name: str = "role"
    #: ``True``: exactly one block per teacher neuron ``i = 1..r``; ``False``: any number of blocks.
    per_teacher: bool = False
    #: Smallest and largest block size (``None``: unbounded).
    min_size: int = 1
    max_size: int | None = None
    #: Sign of the block's incoming vector relative to the pinned teacher vector (signed roles: ``-1``).
    sign: int = 1

    def block_species(self) -> Species:
        r"""The species of one block: a set of neurons of an allowed size."""
        if self.min_size == 1 and self.max_size is None:
            return NonEmptySet()
        return SizedSet(self.min_size, self.max_size)

    def allows_size(self, size: int) -> bool:
        """Whether a block of ``size`` neurons may play this role."""
        return size >= self.min_size and (self.max_size is None or size <= self.max_size)

    def code(self, index: int) -> int:
        """The label entry of the block's neurons: teacher ``index`` or free-block number ``index``."""
        index = check_int(index, "index", minimum=1)
        if self.per_teacher:
            return index
        return 0 if self.max_size == 1 else -index

    def pins(self, index: int | None) -> tuple:
        """``(teacher index or None, sign)``: the teacher vector the block's incoming vector is fixed to."""
        return (index, self.sign) if self.per_teacher else (None, 1)

    def neuron_rows(self, j: int, index: int | None, layout: SubspaceLayout) -> list:
        """Rows ``(pivot column, {column: coefficient}, right-hand side)`` for neuron ``j`` alone."""
        raise NotImplementedError

    def block_rows(self, neurons: list, index: int | None, layout: SubspaceLayout) -> list:
        """Rows for the whole block (e.g. the sum of its outgoing weights)."""
        raise NotImplementedError

    def dimension(self, size: int, d: int = 1, d_out: int = 1) -> int:
        """Dimension of the block's factor of the subspace."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Replica(Role):
    r"""Replicas of teacher neuron :math:`i`: :math:`w_j=w^*_i` for every member, :math:`\sum_j a_j=a^*_i`."""

    name = "replica"
    per_teacher = True

    def neuron_rows(self, j, index, layout):
        wv = layout.incoming[index - 1]
        if self.sign != 1:  # (a product per coordinate would double the cost of enumerating subspaces)
            wv = [-v for v in wv]
        return [(c, {c: _ONE}, wv[k]) for k, c in enumerate(layout.w_cols[j])]

    def block_rows(self, neurons, index, layout):
        rhs = layout.outgoing[index - 1]
        first = neurons[0]
        return [
            (layout.a_cols[first][l], {layout.a_cols[j][l]: _ONE for j in neurons}, rhs[l])
            for l in range(layout.d_out)
        ]

    def dimension(self, size, d=1, d_out=1):
        return (size - 1) * d_out


class ZeroTypeNeuron(Role):
    r"""A zero-type neuron: :math:`a_j=0`, incoming vector :math:`w_j` free (a free block of size one)."""

    name = "zero-type"
    max_size = 1

    def neuron_rows(self, j, index, layout):
        return [(c, {c: _ONE}, _ZERO) for c in layout.a_cols[j]]

    def block_rows(self, neurons, index, layout):
        return []

    def dimension(self, size, d=1, d_out=1):
        return d


class ZeroSumGroup(Role):
    r"""A zero-sum group: two or more neurons sharing one free incoming vector, :math:`\sum_j a_j=0`."""

    name = "zero-sum group"
    min_size = 2

    def __init__(self, min_size: int = 2, max_size: int | None = None):
        if min_size < 2 or (max_size is not None and max_size < min_size):
            raise ArgumentValueError(f"a zero-sum group has 2 <= min_size <= max_size, got {min_size}, {max_size}")
        self.min_size, self.max_size = min_size, max_size

    def neuron_rows(self, j, index, layout):
        return []

    def block_rows(self, neurons, index, layout):
        last = neurons[-1]
        rows = [
            (c, {c: _ONE, layout.w_cols[last][k]: _MINUS_ONE}, _ZERO)
            for j in neurons[:-1]
            for k, c in enumerate(layout.w_cols[j])
        ]
        first = neurons[0]
        rows += [
            (layout.a_cols[first][l], {layout.a_cols[j][l]: _ONE for j in neurons}, _ZERO)
            for l in range(layout.d_out)
        ]
        return rows

    def dimension(self, size, d=1, d_out=1):
        return d + (size - 1) * d_out

    def __repr__(self) -> str:
        return f"ZeroSumGroup(min_size={self.min_size}, max_size={self.max_size})"


class CriticalReplica(Replica):
    r"""Split of neuron :math:`i` of a width-``r`` critical point: :math:`w_j=w_i`, :math:`a_j=\lambda_j a_i`,
    :math:`\sum_j\lambda_j=1` (the symmetry-induced subspace; scalar outputs: :math:`\sum_j a_j=a_i`)."""

    name = "critical replica"

    def block_rows(self, neurons, index, layout):
        if layout.d_out == 1:
            return super().block_rows(neurons, index, layout)
        # a_j = lambda_j a*_i, written as a canonical RREF: lz = last non-zero coordinate of a*_i;
        # free: a_{j,lz} for j != first; rows a_{j,l} - (a*_l / a*_lz) a_{j,lz} = 0 (j != first, l != lz),
        # a_{first,l} + sum_{j != first} (a*_l / a*_lz) a_{j,lz} = a*_l.
        a_star = layout.outgoing[index - 1]
        q = layout.d_out
        lz = max(l for l in range(q) if a_star[l] != 0)
        ratios = [a_star[l] / a_star[lz] for l in range(q)]
        first, rest = neurons[0], neurons[1:]
        rows = []
        for l in range(q):
            coefs = {layout.a_cols[first][l]: _ONE}
            for j in rest:
                if ratios[l] != 0:
                    coefs[layout.a_cols[j][lz]] = ratios[l]
            rows.append((layout.a_cols[first][l], coefs, a_star[l]))
        for j in rest:
            for l in range(q):
                if l != lz:
                    coefs = {layout.a_cols[j][l]: _ONE}
                    if ratios[l] != 0:
                        coefs[layout.a_cols[j][lz]] = -ratios[l]
                    rows.append((layout.a_cols[j][l], coefs, _ZERO))
        return rows

    def dimension(self, size, d=1, d_out=1):
        return size - 1


#: The replicas of teacher neuron i (generic activation, global minima).
REPLICA = Replica()
#: A zero-type neuron (a free block of size one).
ZERO_TYPE = ZeroTypeNeuron()
#: A zero-sum group of any size >= 2.
ZERO_SUM = ZeroSumGroup()
#: A split of neuron i of a width-r critical point.
CRITICAL_REPLICA = CriticalReplica()
