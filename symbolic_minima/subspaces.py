r"""Exact affine subspaces of parameter space and the enumerators of SPEC §2–3.

:class:`AffineSubspace` is :math:`\{\theta : A\theta = b\}` over an ordered
list of sympy symbols, stored in canonical reduced row echelon form, so
equality and hashing are exact.  The enumerators yield one subspace per
labelling of :mod:`symbolic_minima.labellings`, lazily and in that order,
each carrying its ``label`` and ``kind``:

* :func:`global_minimum_subspaces` — the subspaces :math:`\Gamma_g` of the
  global-minimum manifold :math:`\Theta_{r\to m}`, for either reading
  (``zero_type="singletons"`` = R1, ``"groups"`` = R2);
* :func:`critical_subspaces` — the symmetry-induced critical subspaces
  :math:`\Gamma^{crit}_g` of a width-:math:`r` critical point.

Permutations act on neurons by :math:`(P_\pi\theta)_{\pi(j)} = \theta_j`
(neuron :math:`j` moves to position :math:`\pi(j)`); with this convention
:math:`P_\pi\Gamma_g=\Gamma_{g\circ\pi^{-1}}` (tested).  A permutation is
given in one-line notation, ``pi[j-1]`` :math:`=\pi(j)`.

>>> from symbolic_minima.network import Teacher
>>> t = Teacher([2], [3])
>>> for s in global_minimum_subspaces(t, 2):
...     print(s.label, s.dimension, s.equations())
(0, 1) 1 ['w_{2,1} = 2', 'a_{1} = 0', 'a_{2} = 3']
(1, 0) 1 ['w_{1,1} = 2', 'a_{1} = 3', 'a_{2} = 0']
(1, 1) 1 ['w_{1,1} = 2', 'w_{2,1} = 2', 'a_{1} + a_{2} = 3']
>>> s = next(global_minimum_subspaces(t, 2))
>>> s.permuted((2, 1)).label
(1, 0)
>>> s.permuted((2, 1)) == list(global_minimum_subspaces(t, 2))[1]
True
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import sympy

from .bigint import lifts_int_limit
from .errors import ArgumentTypeError, ArgumentValueError, check_int, check_label, check_sequence, check_width
from .labellings import (
    canonical_groups,
    critical_labellings,
    global_minimum_labellings,
    is_critical_labelling,
    is_global_minimum_labelling,
)
from .linalg import rref, rref_extend, to_fraction, to_sympy
from .network import CriticalPoint, Teacher, TwoLayerNetwork
from .readings import check_zero_type

__all__ = [
    "AffineSubspace",
    "global_minimum_subspaces",
    "critical_subspaces",
    "global_minimum_subspace",
    "critical_subspace",
    "network_for",
    "permute_label",
    "MAX_PARAMETERS",
]

_ZERO = 0

#: Largest number of network parameters :math:`m(d+d_{out})` the enumerators accept: each
#: subspace is a dense exact system of up to that many rows and columns.
MAX_PARAMETERS = 1000


def _exact(value):
    """Fraction for a rational, else a sympy expression (symbolic right-hand sides)."""
    try:
        return to_fraction(value)
    except ArgumentTypeError:
        if isinstance(value, sympy.Basic):
            return sympy.expand(value)
        raise


def _fmt_number(x) -> str:
    return str(x)


class AffineSubspace:
    r"""The affine subspace :math:`\{\theta\in\mathbb R^n : A\theta=b\}` over ordered sympy symbols.

    ``A`` has rational entries; ``b`` rational entries (or, for a symbolic
    teacher, sympy expressions free of the parameters).  The system is
    stored in canonical RREF, so two subspaces are equal (``==``, same hash)
    exactly when they are the same set over the same parameters.  ``label``
    and ``kind`` are metadata, ignored by equality.  ``neurons`` (optional)
    lists, per neuron, the indices of its parameters, which enables
    :meth:`permuted` with a neuron permutation.

    An inconsistent system (empty set) raises ``ArgumentValueError``.

    >>> x, y, z = sympy.symbols("x y z")
    >>> S = AffineSubspace([x, y, z], [[1, 1, 0], [2, 2, 1]], [1, 3])
    >>> S.equations(), S.dimension
    (['x + y = 1', 'z = 1'], 1)
    >>> S == AffineSubspace([x, y, z], [[1, 1, 1]], [2]).intersection(AffineSubspace([x, y, z], [[0, 0, 1]], [1]))
    True
    >>> S.base_point(), S.direction_basis()
    ((Fraction(1, 1), Fraction(0, 1), Fraction(1, 1)), [(Fraction(-1, 1), Fraction(1, 1), Fraction(0, 1))])
    >>> S.parametrization()
    {x: 1 - y, y: y, z: 1}
    >>> S.contains([3, -2, 1]), {x: 0, y: 0, z: 1} in S
    (True, False)
    >>> print(sympy.latex(S))
    \left\{\begin{aligned} x + y &= 1 \\ z &= 1 \end{aligned}\right.
    """

    __slots__ = ("parameters", "_rows", "_pivots", "label", "kind", "neurons", "_hash", "_index")

    def __init__(self, parameters, A, b, label=None, kind=None, neurons=None):
        parameters = tuple(check_sequence(parameters, "parameters"))
        A = [check_sequence(row, "row of A") for row in check_sequence(A, "A")]
        b = check_sequence(b, "b")
        if len(set(parameters)) != len(parameters):
            raise ArgumentValueError("parameters must be distinct symbols")
        n = len(parameters)
        A = [list(row) for row in A]
        b = list(b)
        if len(A) != len(b):
            raise ArgumentValueError(f"A has {len(A)} rows but b has {len(b)} entries")
        for i, row in enumerate(A):
            if len(row) != n:
                raise ArgumentValueError(f"row {i} of A has {len(row)} entries, expected {n} (one per parameter)")
        aug = [row + [beta if type(beta) is int or type(beta) is Fraction else _exact(beta)]
               for row, beta in zip(A, b)]
        rows, pivots = rref(aug, ncols=n) if aug else ([], ())
        if len(rows) > len(pivots):
            raise ArgumentValueError("the equations are inconsistent: the affine subspace is empty")
        rows = [tuple(row[:n]) + (_canon_rhs(row[n]),) for row in rows]
        self._init(parameters, tuple(rows), tuple(pivots), label, kind, neurons)

    def _init(self, parameters, rows, pivots, label, kind, neurons):
        self.parameters = parameters
        self._rows = rows
        self._pivots = pivots
        self.label = label
        self.kind = kind
        self.neurons = neurons
        self._hash = None
        self._index = None

    @classmethod
    def _from_canonical(cls, parameters, rows, pivots, label=None, kind=None, neurons=None):
        """Trusted constructor: ``rows`` already in canonical RREF (tested against the generic route)."""
        self = object.__new__(cls)
        self._init(parameters, rows, pivots, label, kind, neurons)
        return self

    # -- basic data ------------------------------------------------------
    @property
    def ambient_dimension(self) -> int:
        return len(self.parameters)

    @property
    def rank(self) -> int:
        return len(self._pivots)

    @property
    def dimension(self) -> int:
        return len(self.parameters) - len(self._pivots)

    @property
    def pivots(self) -> tuple:
        """Indices of the pivot (dependent) parameters."""
        return self._pivots

    def free_parameters(self) -> tuple:
        """The parameters that stay free in :meth:`parametrization` (non-pivot columns)."""
        piv = set(self._pivots)
        return tuple(s for i, s in enumerate(self.parameters) if i not in piv)

    def matrix(self) -> tuple[list[list[Fraction]], list]:
        """The canonical system ``(A, b)`` (RREF, one row per pivot)."""
        n = len(self.parameters)
        return [list(row[:n]) for row in self._rows], [row[n] for row in self._rows]

    def _key(self):
        return (self.parameters, self._rows)

    def __eq__(self, other):
        if not isinstance(other, AffineSubspace):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(self._key())
        return self._hash

    @lifts_int_limit
    def __repr__(self):
        extra = "" if self.label is None else f", label={self.label!r}"
        return f"AffineSubspace(dimension={self.dimension}, equations={self.equations()!r}{extra})"

    # -- equations -------------------------------------------------------
    @lifts_int_limit
    def equations(self) -> list[str]:
        """The canonical equations as strings such as ``'a_{1} + a_{2} = 3/2'``."""
        n = len(self.parameters)
        names = _names(self.parameters)
        out = []
        for row in self._rows:
            parts = []
            for j in range(n):
                c = row[j]
                if not c:
                    continue
                if c == 1:
                    parts.append(f"+ {names[j]}" if parts else names[j])
                elif c == -1:
                    parts.append(f"- {names[j]}" if parts else f"-{names[j]}")
                elif c < 0:
                    parts.append(f"- {-c}*{names[j]}" if parts else f"-{-c}*{names[j]}")
                else:
                    parts.append(f"+ {c}*{names[j]}" if parts else f"{c}*{names[j]}")
            out.append(f"{' '.join(parts)} = {row[n]}")
        return out

    def sympy_equations(self) -> list:
        """The canonical equations as ``sympy.Eq`` objects."""
        n = len(self.parameters)
        eqs = []
        for row in self._rows:
            lhs = sympy.Add(*[_sym(c) * s for c, s in zip(row[:n], self.parameters) if c != 0])
            eqs.append(sympy.Eq(lhs, _sym(row[n]), evaluate=False))
        return eqs

    @lifts_int_limit
    def _latex(self, printer=None):
        lat = printer._print if printer is not None else sympy.latex
        n = len(self.parameters)
        if not self._rows:
            return rf"\mathbb{{R}}^{{{n}}}"
        lines = []
        for row in self._rows:
            lhs = sympy.Add(*[_sym(c) * s for c, s in zip(row[:n], self.parameters) if c != 0])
            lines.append(f"{lat(lhs)} &= {lat(_sym(row[n]))}")
        return r"\left\{\begin{aligned} " + r" \\ ".join(lines) + r" \end{aligned}\right."

    def latex_name(self) -> str:
        """:math:`\\Gamma_g` (or :math:`\\Gamma^{crit}_g`) with the label, for display."""
        if self.label is None:
            return r"\Gamma"
        g = ", ".join(str(v) for v in self.label)
        sup = r"^{\mathrm{crit}}" if self.kind == "critical" else ""
        return rf"\Gamma{sup}_{{({g})}}"

    def _repr_latex_(self):
        return f"$${self.latex_name()} :\\ {self._latex()}$$"

    @lifts_int_limit
    def to_json(self) -> dict:
        """A JSON-ready dict: ``label``, ``kind``, ``dimension``, ``equations``, ``parameters``."""
        return {
            "label": None if self.label is None else list(self.label),
            "kind": self.kind,
            "dimension": self.dimension,
            "equations": self.equations(),
            "parameters": [str(s) for s in self.parameters],
        }

    # -- points ----------------------------------------------------------
    def base_point(self) -> tuple:
        """The point with every free parameter 0 (a tuple of ``Fraction``)."""
        n = len(self.parameters)
        x = [Fraction(0)] * n
        for row, p in zip(self._rows, self._pivots):
            x[p] = row[n]
        return tuple(x)

    def direction_basis(self) -> list[tuple]:
        """A basis of the direction space, one vector per free parameter (in parameter order)."""
        n = len(self.parameters)
        piv = set(self._pivots)
        basis = []
        for f in range(n):
            if f in piv:
                continue
            v = [Fraction(0)] * n
            v[f] = Fraction(1)
            for row, p in zip(self._rows, self._pivots):
                if row[f] != 0:
                    v[p] = -row[f]
            basis.append(tuple(v))
        return basis

    def point(self, coords) -> tuple:
        """``base_point() + sum(c_i * direction_basis()[i])``: the point whose free parameters are ``coords``."""
        coords = list(coords)
        if len(coords) != self.dimension:
            raise ArgumentValueError(f"coords must have {self.dimension} entries (the dimension), got {len(coords)}")
        n = len(self.parameters)
        piv = set(self._pivots)
        free = [f for f in range(n) if f not in piv]
        x = [None] * n
        vals = {}
        for f, c in zip(free, coords):
            c = _exact(c) if not isinstance(c, float) else c
            vals[f] = c
            x[f] = c
        for row, p in zip(self._rows, self._pivots):
            v = row[n]
            for f, c in vals.items():
                if row[f] != 0:
                    v = v - row[f] * c
            x[p] = v
        return tuple(x)

    def parametrization(self) -> dict:
        """``{parameter: expression}`` in the free parameters (themselves symbols), e.g. ``a_1 -> 3 - a_2``."""
        n = len(self.parameters)
        out = {s: s for s in self.parameters}
        for row, p in zip(self._rows, self._pivots):
            expr = _sym(row[n]) - sympy.Add(
                *[_sym(row[f]) * self.parameters[f] for f in range(p + 1, n) if row[f] != 0]
            )
            out[self.parameters[p]] = expr
        return out

    def _vector(self, point) -> list:
        if isinstance(point, dict):
            missing = [s for s in self.parameters if s not in point]
            if missing:
                raise ArgumentValueError(f"point lacks values for {', '.join(map(str, missing[:3]))}")
            return [point[s] for s in self.parameters]
        values = list(point)
        if len(values) != len(self.parameters):
            raise ArgumentValueError(f"point must have {len(self.parameters)} entries, got {len(values)}")
        return values

    def contains(self, point) -> bool:
        """Whether ``point`` (a dict ``Symbol -> value`` or a sequence) satisfies the equations exactly.

        Exact values (int, Fraction, sympy) are compared exactly; sympy
        expressions are simplified.
        """
        values = self._vector(point)
        n = len(values)
        try:
            vals = [to_fraction(v) for v in values]
            exact = True
        except ArgumentTypeError:
            vals = []
            for v in values:
                if isinstance(v, (Fraction, int)) and not isinstance(v, bool):
                    vals.append(_sym(v))
                elif isinstance(v, sympy.Basic):
                    vals.append(v)
                else:
                    raise ArgumentTypeError(
                        f"point entries must be exact (int, Fraction, sympy), got {type(v).__name__} {v!r}"
                    ) from None
            exact = False
        for row in self._rows:
            lhs = sum((row[j] * vals[j] for j in range(n) if row[j] != 0), _ZERO)
            diff = lhs - row[n]
            if exact and isinstance(diff, Fraction | int):
                if diff != 0:
                    return False
            elif sympy.simplify(_sym(diff)) != 0:
                return False
        return True

    def __contains__(self, point) -> bool:
        """``point in S`` is :meth:`contains`."""
        return self.contains(point)

    def contains_direction(self, v) -> bool:
        """Whether the vector ``v`` lies in the direction space (``A v = 0``)."""
        n = len(self.parameters)
        for row in self._rows:
            if sum((row[j] * v[j] for j in range(n) if row[j] != 0 and v[j] != 0), _ZERO) != 0:
                return False
        return True

    def is_subset_of(self, other: AffineSubspace) -> bool:
        """Whether ``self`` is contained in ``other`` (same parameters)."""
        self._check_same(other)
        if self.dimension > other.dimension:
            return False
        if not other.contains(self.base_point()):
            return False
        return all(other.contains_direction(v) for v in self.direction_basis())

    __le__ = is_subset_of

    def _check_same(self, other):
        if not isinstance(other, AffineSubspace):
            raise ArgumentTypeError(f"expected an AffineSubspace, got {type(other).__name__}")
        if other.parameters != self.parameters:
            raise ArgumentValueError("the subspaces live over different parameter lists")

    def intersection(self, other: AffineSubspace):
        """The intersection as an :class:`AffineSubspace`, or ``None`` if it is empty."""
        self._check_same(other)
        n = len(self.parameters)
        if self._symbolic_rhs() or other._symbolic_rhs():
            rows, pivots = rref([list(r) for r in self._rows] + [list(r) for r in other._rows], ncols=n)
        else:
            big, small = (self, other) if len(self._rows) >= len(other._rows) else (other, self)
            rows, pivots = rref_extend(big._rows, big._pivots, small._rows, ncols=n)
        if len(rows) > len(pivots):
            return None
        rows = tuple(tuple(row[:n]) + (_canon_rhs(row[n]),) for row in rows)
        return AffineSubspace._from_canonical(self.parameters, rows, tuple(pivots), kind="intersection",
                                              neurons=self.neurons)

    def _symbolic_rhs(self) -> bool:
        n = len(self.parameters)
        return any(not isinstance(row[n], (Fraction, int)) for row in self._rows)

    def intersects(self, other: AffineSubspace) -> bool:
        return self.intersection(other) is not None

    # -- symmetry --------------------------------------------------------
    def permuted(self, pi) -> AffineSubspace:
        r"""The image :math:`P_\pi S` under a permutation.

        ``pi`` is either a neuron permutation in one-line notation
        (``pi[j-1]`` :math:`=\pi(j)`, 1-based; needs :attr:`neurons`), moving
        neuron :math:`j` to position :math:`\pi(j)`, or a dict
        ``Symbol -> Symbol`` permuting the parameters (the value of
        parameter ``s`` moves to ``pi[s]``).  A label :math:`g` becomes
        :math:`g\circ\pi^{-1}` (zero-sum groups renumbered canonically).
        """
        n = len(self.parameters)
        label = self.label
        if isinstance(pi, dict):
            index = {s: i for i, s in enumerate(self.parameters)}
            dest = list(range(n))
            for s, t in pi.items():
                if s not in index or t not in index:
                    raise ArgumentValueError(f"permutation maps {s} to {t}, not both parameters")
                dest[index[s]] = index[t]
            if sorted(dest) != list(range(n)):
                raise ArgumentValueError("the parameter map is not a permutation")
            label = None
        else:
            pi = tuple(pi)
            if self.neurons is None:
                raise ArgumentValueError("a neuron permutation needs a subspace with neuron structure")
            m = len(self.neurons)
            if sorted(pi) != list(range(1, m + 1)):
                raise ArgumentValueError(f"pi must be a permutation of 1..{m} in one-line notation, got {pi}")
            dest = list(range(n))
            for j in range(m):
                for src, dst in zip(self.neurons[j], self.neurons[pi[j] - 1]):
                    dest[src] = dst
            if label is not None:
                label = permute_label(label, pi)
        A = []
        b = []
        for row in self._rows:
            new = [0] * n
            for c in range(n):
                if row[c] != 0:
                    new[dest[c]] = row[c]
            A.append(new)
            b.append(row[n])
        out = AffineSubspace(self.parameters, A, b, label=label, kind=self.kind, neurons=self.neurons)
        return out


def permute_label(label, pi) -> tuple:
    r"""The label :math:`g\circ\pi^{-1}` (``pi`` one-line, 1-based), zero-sum groups renumbered.

    >>> permute_label((1, 0, 2), (2, 3, 1))
    (2, 1, 0)
    >>> permute_label((-1, 1, -1), (3, 1, 2))
    (1, -1, -1)
    """
    label = check_label(label)
    pi = check_label(pi, "pi")
    if sorted(pi) != list(range(1, len(label) + 1)):
        raise ArgumentValueError(f"pi must be a permutation of 1..{len(label)} in one-line form, got {pi}")
    new = [None] * len(label)
    for j, p in enumerate(pi):
        new[p - 1] = label[j]
    return canonical_groups(new)


@lru_cache(maxsize=256)
def _names(parameters) -> tuple:
    return tuple(str(s) for s in parameters)


_sym = to_sympy


def _canon_rhs(x):
    if isinstance(x, Fraction):
        return x
    if isinstance(x, int):
        return Fraction(x)
    x = sympy.expand(x)
    if x.is_Rational:
        return Fraction(int(x.p), int(x.q))
    return x


# ---------------------------------------------------------------------------
# Enumerators


def network_for(m: int, d: int = 1, d_out: int = 1) -> TwoLayerNetwork:
    """The (cached) symbolic width-``m`` network whose parameters the subspaces use."""
    return _network_for(check_width(m, "m"), check_int(d, "d", 1, 1000), check_int(d_out, "d_out", 1, 1000))


@lru_cache(maxsize=64)
def _network_for(m: int, d: int, d_out: int) -> TwoLayerNetwork:
    return TwoLayerNetwork(m, d, d_out)


@lru_cache(maxsize=64)
def _layout(m: int, d: int, q: int):
    net = network_for(m, d, q)
    w_cols = [[(j * d + k) for k in range(d)] for j in range(m)]
    a_cols = [[(m * d + j * q + l) for l in range(q)] for j in range(m)]
    neurons = tuple(tuple(w_cols[j] + a_cols[j]) for j in range(m))
    return tuple(net.parameters), w_cols, a_cols, neurons


def _check_teacher(teacher, m, cls=Teacher, name="teacher"):
    if not isinstance(teacher, Teacher):
        raise ArgumentTypeError(f"{name} must be a {cls.__name__}, got {type(teacher).__name__}")
    m = check_width(m, "m")
    if m < teacher.width:
        raise ArgumentValueError(f"m must be an integer >= r = {teacher.width}, got {m}")
    n = m * (teacher.input_dim + teacher.output_dim)
    if n > MAX_PARAMETERS:
        raise ArgumentValueError(
            f"m * (d + d_out) = {n} parameters exceeds MAX_PARAMETERS = {MAX_PARAMETERS} "
            "(subspaces are stored as dense exact systems)"
        )
    return m


def _assemble(n, sparse, parameters, label, kind, neurons):
    """Dense canonical rows from ``[(pivot, {col: coef}, rhs)]`` (already RREF up to order)."""
    sparse.sort(key=lambda t: t[0])
    rows = []
    pivots = []
    zeros = [0] * (n + 1)
    for pivot, coefs, rhs in sparse:
        row = zeros[:]
        for c, v in coefs.items():
            row[c] = v
        row[n] = rhs
        rows.append(tuple(row))
        pivots.append(pivot)
    return AffineSubspace._from_canonical(parameters, tuple(rows), tuple(pivots), label, kind, neurons)


_ONE = Fraction(1)
_MINUS_ONE = Fraction(-1)
_FZERO = Fraction(0)


def _teacher_values(teacher):
    inc = [[_exact(v) for v in w] for w in teacher.incoming]
    out = [[_exact(v) for v in teacher.outgoing_tuple(i)] for i in range(1, teacher.width + 1)]
    return inc, out


def _global_rows(inc, out, label, m, d, q, w_cols, a_cols):
    """Sparse RREF rows of Γ_g (SPEC §2, both readings)."""
    sparse = []
    members: dict[int, list[int]] = {}
    for j, g in enumerate(label):
        if g != 0:
            members.setdefault(g, []).append(j)
    for j, g in enumerate(label):
        if g >= 1:
            wv = inc[g - 1]
            for k in range(d):
                c = w_cols[j][k]
                sparse.append((c, {c: _ONE}, wv[k]))
        elif g == 0:
            for l in range(q):
                c = a_cols[j][l]
                sparse.append((c, {c: _ONE}, _FZERO))
    for g, js in members.items():
        first = js[0]
        if g < 0:
            last = js[-1]
            for j in js[:-1]:
                for k in range(d):
                    c = w_cols[j][k]
                    sparse.append((c, {c: _ONE, w_cols[last][k]: _MINUS_ONE}, _FZERO))
            rhs = [_FZERO] * q
        else:
            rhs = out[g - 1]
        for l in range(q):
            coefs = {a_cols[j][l]: _ONE for j in js}
            sparse.append((a_cols[first][l], coefs, rhs[l]))
    return sparse


def global_minimum_subspace(teacher: Teacher, label, zero_type: str | None = None) -> AffineSubspace:
    r"""The subspace :math:`\Gamma_g` of one label ``g`` (SPEC §2).

    ``zero_type`` (default: ``"groups"`` if the label has zero-sum groups,
    else ``"singletons"``) only validates the label.

    >>> t = Teacher([1, 2], [1, 1])
    >>> global_minimum_subspace(t, (-1, 2, -1, 1)).equations()
    ['w_{1,1} - w_{3,1} = 0', 'w_{2,1} = 2', 'w_{4,1} = 1', 'a_{1} + a_{3} = 0', 'a_{2} = 1', 'a_{4} = 1']
    """
    label = check_label(label)
    label = tuple(label)
    m = _check_teacher(teacher, len(label))
    if zero_type is None:
        zero_type = "groups" if any(isinstance(v, int) and v < 0 for v in label) else "singletons"
    zero_type = check_zero_type(zero_type)
    if not is_global_minimum_labelling(label, teacher.width, zero_type):
        raise ArgumentValueError(
            f"label {label} is not a valid {zero_type} labelling of width {m} over r = {teacher.width}"
        )
    d, q = teacher.input_dim, teacher.output_dim
    params, w_cols, a_cols, neurons = _layout(m, d, q)
    inc, out = _teacher_values(teacher)
    sparse = _global_rows(inc, out, label, m, d, q, w_cols, a_cols)
    return _assemble(len(params), sparse, params, label, "global_minimum", neurons)


def global_minimum_subspaces(teacher: Teacher, m, zero_type: str = "singletons"):
    r"""Lazily yield the global-minimum subspaces :math:`\Gamma_g` of width ``m`` (SPEC §2).

    One per label of
    :func:`~symbolic_minima.labellings.global_minimum_labellings` (same
    order), so there are :math:`T(r,m)` of them in the named reading:
    ``"singletons"`` (R1): replicas and zero-type neurons :math:`a_j=0`;
    ``"groups"`` (R2): also zero-sum groups (shared free incoming vector,
    outgoing weights summing to 0).  Dimension (scalar output, :math:`k`
    zero-type singletons, R1): :math:`h + k(d-1)`.

    >>> t = Teacher.default(2, d=2)
    >>> sum(1 for _ in global_minimum_subspaces(t, 4, "groups"))
    62
    """
    m = _check_teacher(teacher, m)
    zero_type = check_zero_type(zero_type)
    return _global_gen(teacher, m, zero_type)


def _global_gen(teacher, m, zero_type):
    d, q = teacher.input_dim, teacher.output_dim
    params, w_cols, a_cols, neurons = _layout(m, d, q)
    n = len(params)
    inc, out = _teacher_values(teacher)
    for label in global_minimum_labellings(teacher.width, m, zero_type):
        sparse = _global_rows(inc, out, label, m, d, q, w_cols, a_cols)
        yield _assemble(n, sparse, params, label, "global_minimum", neurons)


def critical_subspace(critical_point: Teacher, label) -> AffineSubspace:
    r"""The critical subspace :math:`\Gamma^{crit}_g` of one surjection ``g`` (SPEC §3).

    Scalar output: :math:`w_j=w_{g(j)}`, :math:`\sum_{g(j)=i}a_j=a_i`.
    Vector output: additionally :math:`a_j\parallel a_{g(j)}`, written as the
    linear equations :math:`a_{i,l_0}a_{j,l}-a_{i,l}a_{j,l_0}=0`
    (:math:`a_{i,l_0}\neq0`), i.e. :math:`a_j=\lambda_j a_{g(j)}` with
    :math:`\sum\lambda_j=1`; dimension :math:`m-r` in both cases.

    >>> cp = CriticalPoint([1], [[1, 2]])
    >>> S = critical_subspace(cp, (1, 1))
    >>> S.dimension, S.equations()
    (1, ['w_{1,1} = 1', 'w_{2,1} = 1', 'a_{1,1} + 1/2*a_{2,2} = 1', 'a_{1,2} + a_{2,2} = 2', 'a_{2,1} - 1/2*a_{2,2} = 0'])
    """
    label = check_label(label)
    label = tuple(label)
    m = _check_teacher(critical_point, len(label), name="critical_point")
    if not is_critical_labelling(label, critical_point.width):
        raise ArgumentValueError(f"label {label} is not a surjection onto 1..{critical_point.width}")
    return _critical_one(critical_point, label, m)


def _critical_one(cp, label, m, cache=None, generic=False):
    d, q = cp.input_dim, cp.output_dim
    params, w_cols, a_cols, neurons = _layout(m, d, q) if cache is None else cache
    inc, out = _teacher_values(cp)
    if q == 1:
        sparse = _global_rows(inc, out, label, m, d, q, w_cols, a_cols)
        return _assemble(len(params), sparse, params, label, "critical", neurons)
    for a_star in out:
        if not all(isinstance(v, Fraction) for v in a_star):
            raise ArgumentValueError("critical subspaces with vector outputs need a rational critical point")
    if generic:
        return _critical_vector_generic(inc, out, label, params, w_cols, a_cols, neurons, d, q)
    # canonical RREF written down directly (tested against the generic route):
    # group i = {j1 < ... < js}, lz = last non-zero coordinate of a*_i; free: a_{j,lz} for j != j1;
    # rows  a_{j,l} - (a*_l / a*_lz) a_{j,lz} = 0  (j != j1, l != lz)
    #       a_{j1,l} + sum_{j != j1} (a*_l / a*_lz) a_{j,lz} = a*_l
    sparse = []
    members: dict[int, list[int]] = {}
    for j, g in enumerate(label):
        members.setdefault(g, []).append(j)
        for k in range(d):
            c = w_cols[j][k]
            sparse.append((c, {c: _ONE}, inc[g - 1][k]))
    for g, js in members.items():
        a_star = out[g - 1]
        lz = max(l for l in range(q) if a_star[l] != 0)
        ratios = [a_star[l] / a_star[lz] for l in range(q)]
        first = js[0]
        for l in range(q):
            coefs = {a_cols[first][l]: _ONE}
            for j in js[1:]:
                if ratios[l] != 0:
                    coefs[a_cols[j][lz]] = ratios[l]
            sparse.append((a_cols[first][l], coefs, a_star[l]))
        for j in js[1:]:
            for l in range(q):
                if l != lz:
                    coefs = {a_cols[j][l]: _ONE}
                    if ratios[l] != 0:
                        coefs[a_cols[j][lz]] = -ratios[l]
                    sparse.append((a_cols[j][l], coefs, _FZERO))
    return _assemble(len(params), sparse, params, label, "critical", neurons)


def _critical_vector_generic(inc, out, label, params, w_cols, a_cols, neurons, d, q):
    """Vector-output critical subspace through the generic RREF (the reference route)."""
    m = len(label)
    sparse = _global_rows(inc, out, label, m, d, q, w_cols, a_cols)
    n = len(params)
    A = []
    b = []
    for _, coefs, rhs in sparse:
        row = [0] * n
        for c, v in coefs.items():
            row[c] = v
        A.append(row)
        b.append(rhs)
    for j, g in enumerate(label):
        a_star = out[g - 1]
        l0 = next(l for l in range(q) if a_star[l] != 0)
        for l in range(q):
            if l != l0:
                row = [0] * n
                row[a_cols[j][l]] = a_star[l0]
                row[a_cols[j][l0]] = -a_star[l]
                A.append(row)
                b.append(0)
    return AffineSubspace(params, A, b, label=label, kind="critical", neurons=neurons)


def critical_subspaces(critical_point: Teacher, m):
    r"""Lazily yield the symmetry-induced critical subspaces :math:`\Gamma^{crit}_g` (SPEC §3).

    One per surjection :math:`g:[m]\to[r]` in the order of
    :func:`~symbolic_minima.labellings.critical_labellings`: :math:`G(r,m)`
    subspaces, each of dimension :math:`m-r` (scalar and vector outputs).

    >>> cp = CriticalPoint([1, -1], [2, 3])
    >>> [(S.label, S.dimension) for S in critical_subspaces(cp, 3)][:2]
    [((1, 1, 2), 1), ((1, 2, 1), 1)]
    """
    m = _check_teacher(critical_point, m, name="critical_point")
    return _critical_gen(critical_point, m)


def _critical_gen(cp, m):
    cache = _layout(m, cp.input_dim, cp.output_dim)
    for label in critical_labellings(cp.width, m):
        yield _critical_one(cp, label, m, cache)
