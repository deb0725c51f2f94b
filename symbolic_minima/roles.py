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

:data:`REPLICA`
    one block per teacher neuron; :math:`w_j=w^*_i`, :math:`\sum_j a_j=a^*_i`;
    dimension :math:`(s-1)d_{out}` for a block of size :math:`s`.
:data:`ZERO_TYPE`
    any number of blocks of size 1; :math:`a_j=0`, :math:`w_j` free; dimension :math:`d`.
:data:`ZERO_SUM`
    any number of blocks of size :math:`\ge 2`; a shared free :math:`w`,
    :math:`\sum_j a_j=0`; dimension :math:`d+(s-1)d_{out}`.
:data:`CRITICAL_REPLICA`
    one block per neuron of a width-``r`` critical point; :math:`w_j=w_i`,
    :math:`a_j=\lambda_j a_i`, :math:`\sum\lambda_j=1`; dimension :math:`s-1`.

The activation classes (:mod:`symbolic_minima.activation_classes`) add signed
replicas, signed zero-sum groups (signs up to a global flip), dead neurons
(:math:`w_j=0`, :math:`a_j` free) and parked neurons (:math:`(w_j,a_j)=(0,0)`).

>>> REPLICA.block_species().egf(), ZERO_TYPE.block_species().egf()
(exp(x) - 1, x)
>>> ZERO_SUM.dimension(3, d=2, d_out=1), REPLICA.code(2), ZERO_SUM.code(1)
(4, 2, -1)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .errors import ArgumentValueError, check_int
from .species import NonEmptySet, SignedSet, SizedSet, Species

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
    "SignedReplica",
    "SignedCriticalReplica",
    "SignedZeroSumGroup",
    "DeadNeuron",
    "ParkedNeuron",
    "SIGNED_REPLICA_ODD",
    "SIGNED_REPLICA_PLAIN",
    "SIGNED_CRITICAL_REPLICA_ODD",
    "SIGNED_CRITICAL_REPLICA_PLAIN",
    "SIGNED_ZERO_SUM_ODD",
    "SIGNED_ZERO_SUM_PLAIN",
    "DEAD",
    "PARKED",
]

_ONE = Fraction(1)
_MINUS_ONE = Fraction(-1)
_ZERO = Fraction(0)


@dataclass(frozen=True)
class SubspaceLayout:
    r"""Where the parameters of a width-``m`` network sit in a subspace's column order.

    Parameters
    ----------
    d, d_out : int
        Input and output dimensions.
    w_cols : tuple of tuple of int
        ``w_cols[j][k]`` is the column of :math:`w_{j+1,k+1}`.
    a_cols : tuple of tuple of int
        ``a_cols[j][l]`` is the column of :math:`a_{j+1,l+1}`.
    incoming, outgoing : tuple of tuple of Fraction
        ``incoming[i-1]`` and ``outgoing[i-1]`` are the exact vectors of teacher neuron ``i``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> layout = SubspaceLayout(1, 1, ((0,), (1,)), ((2,), (3,)), ((Fraction(1),),), ((Fraction(2),),))
    >>> REPLICA.neuron_rows(0, 1, layout), REPLICA.block_rows([0, 1], 1, layout)
    ([(0, {0: Fraction(1, 1)}, Fraction(1, 1))], [(2, {2: Fraction(1, 1), 3: Fraction(1, 1)}, Fraction(2, 1))])
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
    and :meth:`dimension`.  A role takes no constructor arguments unless a
    subclass says otherwise.

    Examples
    --------
    >>> [(role.name, role.per_teacher, role.min_size, role.max_size) for role in (REPLICA, ZERO_TYPE, ZERO_SUM)]
    [('replica', True, 1, None), ('zero-type', False, 1, 1), ('zero-sum group', False, 2, None)]
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
    #: ``None`` (unsigned), ``"odd"`` (each neuron carries a sign :math:`s_j`; sums weigh
    #: :math:`s_j a_j`) or ``"plain"`` (signs on the incoming vectors only; plain sums :math:`\sum a_j`).
    signed: str | None = None
    #: Signs of a free block are identified up to a global flip (its shared vector is free).
    up_to_flip: bool = False
    #: Label token of a free singleton role other than the zero-type neuron (``"d"`` dead, ``"p"`` parked).
    marker: str | None = None
    #: Whether the block's incoming vector is pinned to 0 (dead and parked neurons).
    pins_zero: bool = False

    def block_species(self) -> Species:
        r"""The species of one block: a set of neurons of an allowed size (with signs for signed roles)."""
        if self.signed:
            return SignedSet(self.min_size, self.max_size, up_to_flip=self.up_to_flip)
        if self.min_size == 1 and self.max_size is None:
            return NonEmptySet()
        return SizedSet(self.min_size, self.max_size)

    def weight(self, sign: int) -> int:
        """The coefficient of :math:`a_j` in the block's sum for a neuron of ``sign`` (odd roles: the sign)."""
        return sign if self.signed == "odd" else 1

    def token(self, index: int, sign: int = 1) -> str:
        """The label token of a neuron in block ``index`` with ``sign`` (labels of non-generic classes)."""
        if self.marker is not None:
            return self.marker
        if self.per_teacher:
            return (("+" if sign > 0 else "-") + str(index)) if self.signed else str(index)
        if self.max_size == 1:
            return "0"
        return f"g{index}" + ("+" if sign > 0 else "-")

    def allows_size(self, size: int) -> bool:
        """Whether a block of ``size`` neurons may play this role."""
        return size >= self.min_size and (self.max_size is None or size <= self.max_size)

    def code(self, index: int) -> int:
        """The label entry of the block's neurons: teacher ``index`` or free-block number ``index``."""
        index = check_int(index, "index", minimum=1)
        if self.per_teacher:
            return index
        return 0 if self.max_size == 1 else -index

    def pins(self, index: int | None, sign: int = 1) -> tuple:
        """``(teacher index or None, sign)``: the teacher vector the block's incoming vector is fixed to.

        Dead and parked neurons pin their vector to 0: ``(0, 1)``.
        """
        if self.pins_zero:
            return (0, 1)
        return (index, self.sign * sign) if self.per_teacher else (None, 1)

    def neuron_rows(self, j: int, index: int | None, layout: SubspaceLayout, sign: int = 1) -> list:
        """Rows ``(pivot column, {column: coefficient}, right-hand side)`` for neuron ``j`` alone."""
        raise NotImplementedError

    def block_rows(self, neurons: list, index: int | None, layout: SubspaceLayout, signs=None) -> list:
        """Rows for the whole block (e.g. the sum of its outgoing weights).

        ``signs[k]`` is the sign of neuron ``neurons[k]`` (``None``: all ``+1``).
        """
        raise NotImplementedError

    def dimension(self, size: int, d: int = 1, d_out: int = 1) -> int:
        """Dimension of the block's factor of the subspace."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Replica(Role):
    r"""Replicas of teacher neuron :math:`i`: :math:`w_j=w^*_i` for every member, :math:`\sum_j a_j=a^*_i`.

    One block per teacher neuron; a block of :math:`s` neurons has dimension :math:`(s-1)d_{out}`.

    Examples
    --------
    >>> REPLICA.code(2), REPLICA.dimension(3, d=2, d_out=2), REPLICA.pins(2)
    (2, 4, (2, 1))
    """

    name = "replica"
    per_teacher = True

    def neuron_rows(self, j, index, layout, sign=1):
        wv = layout.incoming[index - 1]
        if self.sign * sign != 1:  # (a product per coordinate would double the cost of enumerating subspaces)
            wv = [-v for v in wv]
        return [(c, {c: _ONE}, wv[k]) for k, c in enumerate(layout.w_cols[j])]

    def block_rows(self, neurons, index, layout, signs=None):
        rhs = layout.outgoing[index - 1]
        first = neurons[0]
        if signs is None or self.signed != "odd":  # plain sums (the fast, common case)
            return [
                (layout.a_cols[first][l], {layout.a_cols[j][l]: _ONE for j in neurons}, rhs[l])
                for l in range(layout.d_out)
            ]
        weights = _weights(self, neurons, signs)
        return [
            (layout.a_cols[first][l],
             {layout.a_cols[j][l]: Fraction(c, weights[0]) for j, c in zip(neurons, weights, strict=True)},
             rhs[l] / weights[0])
            for l in range(layout.d_out)
        ]

    def dimension(self, size, d=1, d_out=1):
        return (size - 1) * d_out


class ZeroTypeNeuron(Role):
    r"""A zero-type neuron: :math:`a_j=0`, incoming vector :math:`w_j` free (a free block of size one).

    Examples
    --------
    >>> ZERO_TYPE.code(1), ZERO_TYPE.dimension(1, d=3), ZERO_TYPE.pins(None)
    (0, 3, (None, 1))
    """

    name = "zero-type"
    max_size = 1

    def neuron_rows(self, j, index, layout, sign=1):
        return [(c, {c: _ONE}, _ZERO) for c in layout.a_cols[j]]

    def block_rows(self, neurons, index, layout, signs=None):
        return []

    def dimension(self, size, d=1, d_out=1):
        return d


class ZeroSumGroup(Role):
    r"""A zero-sum group: two or more neurons sharing one free incoming vector, :math:`\sum_j a_j=0`.

    Parameters
    ----------
    min_size : int
        Smallest group size (at least 2).
    max_size : int or None
        Largest group size (``None``: unbounded).

    Examples
    --------
    >>> ZERO_SUM.code(1), ZERO_SUM.dimension(3, d=2), ZeroSumGroup(2, 2).allows_size(3)
    (-1, 4, False)
    """

    name = "zero-sum group"
    min_size = 2

    def __init__(self, min_size: int = 2, max_size: int | None = None):
        if min_size < 2 or (max_size is not None and max_size < min_size):
            raise ArgumentValueError(f"a zero-sum group has 2 <= min_size <= max_size, got {min_size}, {max_size}")
        self.min_size, self.max_size = min_size, max_size

    def neuron_rows(self, j, index, layout, sign=1):
        return []

    def block_rows(self, neurons, index, layout, signs=None):
        signs = [1] * len(neurons) if signs is None else list(signs)
        last, s_last = neurons[-1], signs[-1]
        # w_j = s_j u and w_last = s_last u, so w_j - s_j s_last w_last = 0
        rows = [
            (c, {c: _ONE, layout.w_cols[last][k]: Fraction(-s * s_last)}, _ZERO)
            for j, s in zip(neurons[:-1], signs[:-1], strict=False)
            for k, c in enumerate(layout.w_cols[j])
        ]
        weights = _weights(self, neurons, signs)
        first = neurons[0]
        rows += [
            (layout.a_cols[first][l],
             {layout.a_cols[j][l]: Fraction(c, weights[0]) for j, c in zip(neurons, weights, strict=True)},
             _ZERO)
            for l in range(layout.d_out)
        ]
        return rows

    def dimension(self, size, d=1, d_out=1):
        return d + (size - 1) * d_out

    def __repr__(self) -> str:
        return f"ZeroSumGroup(min_size={self.min_size}, max_size={self.max_size})"


class CriticalReplica(Replica):
    r"""Split of neuron :math:`i` of a width-``r`` critical point: :math:`w_j=w_i`, :math:`a_j=\lambda_j a_i`,
    :math:`\sum_j\lambda_j=1` (the symmetry-induced subspace; scalar outputs: :math:`\sum_j a_j=a_i`).

    Examples
    --------
    >>> CRITICAL_REPLICA.dimension(3, d=2, d_out=4), CRITICAL_REPLICA.per_teacher
    (2, True)
    """

    name = "critical replica"

    def block_rows(self, neurons, index, layout, signs=None):
        if layout.d_out == 1:
            return super().block_rows(neurons, index, layout, signs)
        # a_j = lambda_j a*_i, written as a canonical RREF: lz = last non-zero coordinate of a*_i;
        # free: a_{j,lz} for j != first; rows a_{j,l} - (a*_l / a*_lz) a_{j,lz} = 0 (j != first, l != lz),
        # a_{first,l} + sum_{j != first} (a*_l / a*_lz) a_{j,lz} = a*_l.
        # With sum weights c_j (signs for odd roles): sum c_j lambda_j = 1, so
        # a_{first,l} + sum_{j != first} (c_j / c_first) ratio_l a_{j,lz} = a*_l / c_first.
        a_star = layout.outgoing[index - 1]
        q = layout.d_out
        lz = max(l for l in range(q) if a_star[l] != 0)
        ratios = [a_star[l] / a_star[lz] for l in range(q)]
        weights = _weights(self, neurons, signs)
        first, rest = neurons[0], neurons[1:]
        rows = []
        for l in range(q):
            coefs = {layout.a_cols[first][l]: _ONE}
            for j, c in zip(rest, weights[1:], strict=False):
                if ratios[l] != 0:
                    coefs[layout.a_cols[j][lz]] = ratios[l] * Fraction(c, weights[0])
            rows.append((layout.a_cols[first][l], coefs, a_star[l] / weights[0]))
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


def _weights(role: Role, neurons, signs) -> list:
    signs = [1] * len(neurons) if signs is None else list(signs)
    return [role.weight(s) for s in signs]


class SignedReplica(Replica):
    r"""Signed replicas of teacher neuron :math:`i` (sign classes): :math:`w_j=s_jw^*_i`.

    :math:`2^s` sign patterns for a block of size :math:`s`.

    Parameters
    ----------
    signed : {"odd", "plain"}
        ``"odd"`` (odd :math:`\sigma`): :math:`\sum_j s_ja_j=a^*_i`; ``"plain"``
        (even :math:`\sigma`): :math:`\sum_j a_j=a^*_i`.

    Examples
    --------
    >>> SIGNED_REPLICA_ODD.token(2, -1), SIGNED_REPLICA_ODD.weight(-1), SIGNED_REPLICA_PLAIN.weight(-1)
    ('-2', -1, 1)
    """

    name = "signed replica"

    def __init__(self, signed: str = "odd"):
        if signed not in ("odd", "plain"):
            raise ArgumentValueError(f"signed must be 'odd' or 'plain', got {signed!r}")
        self.signed = signed

    def __repr__(self) -> str:
        return f"SignedReplica({self.signed!r})"


class SignedCriticalReplica(CriticalReplica):
    r"""Signed split of neuron :math:`i` of a width-``r`` critical point: :math:`w_j=s_jw_i`,
    :math:`a_j=\lambda_ja_i` with :math:`\sum_j s_j\lambda_j=1` (odd) or :math:`\sum_j\lambda_j=1` (plain).

    Parameters
    ----------
    signed : {"odd", "plain"}
        Odd or even activations.

    Examples
    --------
    >>> SIGNED_CRITICAL_REPLICA_ODD, SIGNED_CRITICAL_REPLICA_ODD.dimension(2)
    (SignedCriticalReplica('odd'), 1)
    """

    name = "signed critical replica"

    def __init__(self, signed: str = "odd"):
        if signed not in ("odd", "plain"):
            raise ArgumentValueError(f"signed must be 'odd' or 'plain', got {signed!r}")
        self.signed = signed

    def __repr__(self) -> str:
        return f"SignedCriticalReplica({self.signed!r})"


class SignedZeroSumGroup(ZeroSumGroup):
    r"""A signed zero-sum group (sign classes): :math:`w_j=s_ju` with :math:`u` free, and
    :math:`\sum_j s_ja_j=0` (odd) or :math:`\sum_j a_j=0` (plain); signs up to a global flip
    (:math:`2^{s-1}` patterns).

    Parameters
    ----------
    signed : {"odd", "plain"}
        Odd or even activations.
    min_size : int
        Smallest group size (at least 2).
    max_size : int or None
        Largest group size (``None``: unbounded).

    Examples
    --------
    >>> SIGNED_ZERO_SUM_ODD.token(1, -1), SIGNED_ZERO_SUM_ODD.up_to_flip
    ('g1-', True)
    """

    name = "signed zero-sum group"
    up_to_flip = True

    def __init__(self, signed: str = "odd", min_size: int = 2, max_size: int | None = None):
        if signed not in ("odd", "plain"):
            raise ArgumentValueError(f"signed must be 'odd' or 'plain', got {signed!r}")
        if min_size < 2 or (max_size is not None and max_size < min_size):
            raise ArgumentValueError(f"a zero-sum group has 2 <= min_size <= max_size, got {min_size}, {max_size}")
        self.signed, self.min_size, self.max_size = signed, min_size, max_size

    def __repr__(self) -> str:
        return f"SignedZeroSumGroup({self.signed!r}, min_size={self.min_size}, max_size={self.max_size})"


class DeadNeuron(Role):
    r"""A dead neuron (:math:`\sigma(0)=0`): :math:`w_j=0`, outgoing weight :math:`a_j` free; label token ``d``.

    Examples
    --------
    >>> DEAD.token(0), DEAD.pins(None), DEAD.dimension(1, d=3, d_out=2)
    ('d', (0, 1), 2)
    """

    name = "dead"
    max_size = 1
    marker = "d"
    pins_zero = True

    def neuron_rows(self, j, index, layout, sign=1):
        return [(c, {c: _ONE}, _ZERO) for c in layout.w_cols[j]]

    def block_rows(self, neurons, index, layout, signs=None):
        return []

    def dimension(self, size, d=1, d_out=1):
        return d_out


class ParkedNeuron(Role):
    r"""A parked neuron of a critical point (:math:`\sigma(0)=0`): :math:`(w_j,a_j)=(0,0)`, a point; token ``p``.

    Critical because :math:`\partial L/\partial a_j=\sigma(0)E[e]=0` and
    :math:`\partial L/\partial w_j=a_j\sigma'(0)E[ex]=0` at :math:`a_j=0`.

    Examples
    --------
    >>> PARKED.token(0), PARKED.dimension(1, d=3, d_out=2)
    ('p', 0)
    """

    name = "parked"
    max_size = 1
    marker = "p"
    pins_zero = True

    def neuron_rows(self, j, index, layout, sign=1):
        return [(c, {c: _ONE}, _ZERO) for c in (*layout.w_cols[j], *layout.a_cols[j])]

    def block_rows(self, neurons, index, layout, signs=None):
        return []

    def dimension(self, size, d=1, d_out=1):
        return 0


#: The replicas of teacher neuron i (generic activation, global minima).
REPLICA = Replica()
#: A zero-type neuron (a free block of size one).
ZERO_TYPE = ZeroTypeNeuron()
#: A zero-sum group of any size >= 2.
ZERO_SUM = ZeroSumGroup()
#: A split of neuron i of a width-r critical point.
CRITICAL_REPLICA = CriticalReplica()
#: Signed replicas, odd and even activations.
SIGNED_REPLICA_ODD = SignedReplica("odd")
SIGNED_REPLICA_PLAIN = SignedReplica("plain")
#: Signed splits of a critical point's neurons, odd and even activations.
SIGNED_CRITICAL_REPLICA_ODD = SignedCriticalReplica("odd")
SIGNED_CRITICAL_REPLICA_PLAIN = SignedCriticalReplica("plain")
#: Signed zero-sum groups (size >= 2), odd and even activations.
SIGNED_ZERO_SUM_ODD = SignedZeroSumGroup("odd")
SIGNED_ZERO_SUM_PLAIN = SignedZeroSumGroup("plain")
#: A dead neuron (w = 0, a free) and a parked neuron ((w, a) = (0, 0)).
DEAD = DeadNeuron()
PARKED = ParkedNeuron()
