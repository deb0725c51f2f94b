r"""Exact affine subspaces of parameter space and their enumerators.

(See the mathematical reference, 'Global-minimum subspaces' and 'Critical subspaces'.)

:class:`AffineSubspace` is :math:`\{\theta : A\theta = b\}` over an ordered
list of sympy symbols, stored in canonical reduced row echelon form, so
equality and hashing are exact.  The enumerators yield one subspace per
labelling of :mod:`symbolic_minima.labellings`, lazily and in that order,
each carrying its ``label`` and ``kind``:

* :func:`global_minimum_subspaces` — the subspaces :math:`\Gamma_g` of the
  global-minimum manifold :math:`\Theta_{r\to m}`, in any registered
  global-minimum reading (``zero_type``: R1, R2, or a reading registered
  later, see :mod:`symbolic_minima.readings`);
* :func:`critical_subspaces` — the symmetry-induced critical subspaces
  :math:`\Gamma^{crit}_g` of a width-:math:`r` critical point;
* :func:`subspaces_of` — the subspaces of any registered reading.

The equations of a label's subspace are those of its blocks' roles
(:func:`label_rows`, :mod:`symbolic_minima.roles`): each role writes its rows
in reduced row-echelon form, so the canonical system is assembled without
elimination (checked against the generic RREF in the tests).

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
from .exact import exact_value, to_fraction, to_sympy
from .labels import Label, decode_entry
from .linalg import rref, rref_extend
from .network import CriticalPoint, Teacher, TwoLayerNetwork, check_irreducible  # noqa: F401 (CriticalPoint: doctests)
from .readings import (
    CRITICAL,
    CRITICAL_READING,
    DEFAULT_ZERO_TYPE,
    GENERIC,
    GLOBAL_MINIMUM,
    Reading,
    check_rm,
    get_reading,
    reading_for_label,
)
from .roles import SubspaceLayout

__all__ = [
    "AffineSubspace",
    "global_minimum_subspaces",
    "critical_subspaces",
    "global_minimum_subspace",
    "critical_subspace",
    "subspace_of",
    "subspaces_of",
    "label_rows",
    "subspace_layout",
    "network_for",
    "permute_label",
    "label_text",
    "MAX_PARAMETERS",
]

_ZERO = 0

#: Largest number of network parameters :math:`m(d+d_{out})` the enumerators accept: each
#: subspace is a dense exact system of up to that many rows and columns.
MAX_PARAMETERS = 1000


def _fmt_number(x) -> str:
    return str(x)


def _latex_token(entry) -> str:
    # ints and tokens print as themselves, except a free group's g<c>+/- (a sub- and a superscript)
    if isinstance(entry, str) and entry[:1] == "g":
        return f"g_{{{entry[1:-1]}}}^{{{entry[-1]}}}"
    return str(entry)


def label_text(label) -> str:
    """A label for text output: the tuple of ints as Python prints it, or the tokens without quotes.

    >>> label_text((1, 0, 2)), label_text(("+1", "-1", "d"))
    ('(1, 0, 2)', '(+1, -1, d)')
    """
    label = Label(label)
    if any(isinstance(v, str) for v in label):
        return "(" + ", ".join(str(v) for v in label) + ")"
    return str(tuple(label))


class AffineSubspace:
    r"""The affine subspace :math:`\{\theta\in\mathbb R^n : A\theta=b\}` over ordered sympy symbols.

    ``A`` has rational entries; ``b`` rational entries (or, for a symbolic
    teacher, sympy expressions free of the parameters).  The system is
    stored in canonical RREF, so two subspaces are equal (``==``, same hash)
    exactly when they are the same set over the same parameters.  ``label``
    and ``kind`` are metadata, ignored by equality.  ``neurons`` (optional)
    lists, per neuron, the indices of its parameters, which enables
    :meth:`permuted` with a neuron permutation.  ``activation_class``
    (metadata too; the enumerators set it) names the activation class whose
    roles built the subspace, so the certificates of :mod:`symbolic_minima.verify`
    check it under that class's :math:`\sigma`.

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

    __slots__ = ("parameters", "_rows", "_pivots", "label", "kind", "neurons", "activation_class", "_hash", "_index")

    def __init__(self, parameters, A, b, label=None, kind=None, neurons=None, activation_class=None):
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
        aug = [row + [beta if type(beta) is int or type(beta) is Fraction else exact_value(beta)]
               for row, beta in zip(A, b)]
        rows, pivots = rref(aug, ncols=n) if aug else ([], ())
        if len(rows) > len(pivots):
            raise ArgumentValueError("the equations are inconsistent: the affine subspace is empty")
        exact_rows = [tuple(row[:n]) + (exact_value(row[n]),) for row in rows]
        self._init(parameters, tuple(exact_rows), tuple(pivots), label, kind, neurons, activation_class)

    def _init(self, parameters, rows, pivots, label, kind, neurons, activation_class=None):
        self.parameters = parameters
        self._rows = rows
        self._pivots = pivots
        self.label = label
        self.kind = kind
        self.neurons = neurons
        self.activation_class = activation_class
        self._hash = None
        self._index = None

    @classmethod
    def _from_canonical(cls, parameters, rows, pivots, label=None, kind=None, neurons=None, activation_class=None):
        """Trusted constructor: ``rows`` already in canonical RREF (tested against the generic route)."""
        self = object.__new__(cls)
        self._init(parameters, rows, pivots, label, kind, neurons, activation_class)
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
            parts: list[str] = []
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
            lhs = sympy.Add(*[to_sympy(c) * s for c, s in zip(row[:n], self.parameters) if c != 0])
            eqs.append(sympy.Eq(lhs, to_sympy(row[n]), evaluate=False))
        return eqs

    @lifts_int_limit
    def _latex(self, printer=None):
        lat = printer._print if printer is not None else sympy.latex
        n = len(self.parameters)
        if not self._rows:
            return rf"\mathbb{{R}}^{{{n}}}"
        lines = []
        for row in self._rows:
            lhs = sympy.Add(*[to_sympy(c) * s for c, s in zip(row[:n], self.parameters) if c != 0])
            lines.append(f"{lat(lhs)} &= {lat(to_sympy(row[n]))}")
        return r"\left\{\begin{aligned} " + r" \\ ".join(lines) + r" \end{aligned}\right."

    def latex_name(self) -> str:
        r""":math:`\Gamma_g` (or :math:`\Gamma^{crit}_g`) with the label, for display.

        Token labels (activation classes) print their tokens: ``g1+`` as :math:`g_{1}^{+}`.

        >>> S = AffineSubspace(sympy.symbols("x y"), [[1, 0]], [1], label=("+1", "g1-", "d"))
        >>> print(S.latex_name())
        \Gamma_{(+1, g_{1}^{-}, d)}
        """
        if self.label is None:
            return r"\Gamma"
        g = ", ".join(_latex_token(v) for v in self.label)
        sup = r"^{\mathrm{crit}}" if self.kind == CRITICAL else ""
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
        x: list = [None] * n  # every entry is set below: the free coordinates, then the pivot ones
        vals = {}
        for f, c in zip(free, coords):
            c = exact_value(c) if not isinstance(c, float) else c
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
            expr = to_sympy(row[n]) - sympy.Add(
                *[to_sympy(row[f]) * self.parameters[f] for f in range(p + 1, n) if row[f] != 0]
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
                    vals.append(to_sympy(v))
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
            elif sympy.simplify(to_sympy(diff)) != 0:
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
        canonical = tuple(tuple(row[:n]) + (exact_value(row[n]),) for row in rows)
        same = self.activation_class if self.activation_class == other.activation_class else None
        return AffineSubspace._from_canonical(self.parameters, canonical, tuple(pivots), kind="intersection",
                                              neurons=self.neurons, activation_class=same)

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
        out = AffineSubspace(self.parameters, A, b, label=label, kind=self.kind, neurons=self.neurons,
                             activation_class=self.activation_class)
        return out


def permute_label(label, pi) -> Label:
    r"""The label :math:`g\circ\pi^{-1}` (``pi`` one-line, 1-based), zero-sum groups renumbered.

    :meth:`Label.permute <symbolic_minima.labels.Label.permute>` with a 1-based permutation.

    >>> permute_label((1, 0, 2), (2, 3, 1))
    (2, 1, 0)
    >>> permute_label((-1, 1, -1), (3, 1, 2))
    (1, -1, -1)
    """
    label = Label(label)
    pi = check_label(pi, "pi")
    if sorted(pi) != list(range(1, len(label) + 1)):
        raise ArgumentValueError(f"pi must be a permutation of 1..{len(label)} in one-line form, got {pi}")
    return Label(label).permute(p - 1 for p in pi)


@lru_cache(maxsize=256)
def _names(parameters) -> tuple:
    return tuple(str(s) for s in parameters)


# the old private converter names (the converters live in .exact)
_exact = exact_value
_sym = to_sympy
_canon_rhs = exact_value


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
    w_cols = tuple(tuple(j * d + k for k in range(d)) for j in range(m))
    a_cols = tuple(tuple(m * d + j * q + l for l in range(q)) for j in range(m))
    neurons = tuple(w_cols[j] + a_cols[j] for j in range(m))
    return tuple(net.parameters), w_cols, a_cols, neurons


def subspace_layout(teacher: Teacher, m) -> SubspaceLayout:
    r"""The :class:`~symbolic_minima.roles.SubspaceLayout` of width ``m`` around ``teacher``.

    Columns follow :attr:`TwoLayerNetwork.parameters <symbolic_minima.network.TwoLayerNetwork.parameters>`
    (all :math:`w`, neuron-major, then all :math:`a`); the teacher's vectors
    are exact (``Fraction``, or expanded sympy expressions for a symbolic teacher).

    >>> layout = subspace_layout(Teacher([2], ["3/2"]), 2)
    >>> layout.w_cols, layout.a_cols, layout.outgoing
    (((0,), (1,)), ((2,), (3,)), ((Fraction(3, 2),),))
    """
    m = _check_teacher(teacher, m)
    _, w_cols, a_cols, _ = _layout(m, teacher.input_dim, teacher.output_dim)
    return _teacher_layout(teacher, w_cols, a_cols)


def _teacher_layout(teacher, w_cols, a_cols) -> SubspaceLayout:
    incoming = tuple(tuple(exact_value(v) for v in w) for w in teacher.incoming)
    outgoing = tuple(tuple(exact_value(v) for v in teacher.outgoing_tuple(i)) for i in range(1, teacher.width + 1))
    return SubspaceLayout(teacher.input_dim, teacher.output_dim, w_cols, a_cols, incoming, outgoing)


def _check_teacher(teacher, m, cls=Teacher, name="teacher"):
    if not isinstance(teacher, Teacher):
        raise ArgumentTypeError(f"{name} must be a {cls.__name__}, got {type(teacher).__name__}")
    _, m = check_rm(teacher.width, m)
    n = m * (teacher.input_dim + teacher.output_dim)
    if n > MAX_PARAMETERS:
        raise ArgumentValueError(
            f"m * (d + d_out) = {n} parameters exceeds MAX_PARAMETERS = {MAX_PARAMETERS} "
            "(subspaces are stored as dense exact systems)"
        )
    return m


def label_rows(reading: Reading, label, layout: SubspaceLayout, cache: dict | None = None) -> list:
    r"""The equations of the subspace of ``label``: each block's role contributes its rows.

    Rows are sparse, ``(pivot column, {column: coefficient}, right-hand side)``,
    together in reduced row-echelon form up to order (each role writes its
    block's rows so; blocks share no column).  A zero-type neuron (code ``0``)
    is a block of its own; a per-teacher block gets its teacher index, a free
    block ``None`` (:meth:`~symbolic_minima.roles.Role.neuron_rows`,
    :meth:`~symbolic_minima.roles.Role.block_rows`).  ``cache`` (a dict kept
    for one reading and layout) reuses the rows of blocks met before: token
    labels of the activation classes repeat their blocks across thousands of
    labels (the rows are never modified, so sharing them is safe).

    >>> from symbolic_minima.readings import GROUPS
    >>> layout = subspace_layout(Teacher([2], [3]), 3)
    >>> for pivot, coefficients, rhs in sorted(label_rows(GROUPS, Label((-1, 1, -1)), layout)):
    ...     print(pivot, {c: str(v) for c, v in coefficients.items()}, rhs)
    0 {0: '1', 2: '-1'} 0
    1 {1: '1'} 2
    3 {3: '1', 5: '1'} 0
    4 {4: '1'} 3
    """
    label = Label(label)
    rows: list = []
    if label.uses_tokens:  # activation classes: signs and dead/parked markers
        return _token_rows(reading, label, layout, {} if cache is None else cache)
    zeros = label.zero_type_neurons()
    if zeros:
        role = reading.role_of(0, 1)
        for j in zeros:
            rows += role.neuron_rows(j, None, layout)
            rows += role.block_rows([j], None, layout)
    for code, neurons in label.blocks().items():
        role = reading.role_of(code, len(neurons))
        index = code if role.per_teacher else None
        for j in neurons:
            rows += role.neuron_rows(j, index, layout)
        rows += role.block_rows(neurons, index, layout)
    return rows


def _token_rows(reading: Reading, label: Label, layout: SubspaceLayout, cache: dict, dense: int | None = None) -> list:
    """:func:`label_rows` of a token label, block by block through ``cache``.

    ``dense=n``: each row as ``(pivot, full row of n + 1 entries)`` instead (what the canonical
    form stores; computed once per block), integral coefficients as ``int`` (equal and hashing
    equal to the ``Fraction``, and faster to hash)."""
    rows: list = []
    blocks: dict[int, tuple[list, list]] = {}
    for j, token in enumerate(label):
        entry = cache.get(token)
        if entry is None:
            entry = cache[token] = decode_entry(token)
        code, sign, marker = entry
        if code == 0:  # a free singleton (zero-type, dead or parked neuron): a block of its own
            key: tuple = (0, j, marker)
            block = cache.get(key)
            if block is None:
                role = reading.role_of(0, 1, marker)
                block = role.neuron_rows(j, None, layout) + role.block_rows([j], None, layout)
                block = cache[key] = block if dense is None else _dense_rows(block, dense)
            rows += block
        else:
            members = blocks.get(code)
            if members is None:
                blocks[code] = members = ([], [])
            members[0].append(j)
            members[1].append(sign)
    for code, (neurons, signs) in blocks.items():
        key = (code, tuple(neurons), tuple(signs))
        block = cache.get(key)
        if block is None:
            role = reading.role_of(code, len(neurons))
            index = code if role.per_teacher else None
            block = []
            for j, sign in zip(neurons, signs, strict=True):
                block += role.neuron_rows(j, index, layout, sign)
            block += role.block_rows(neurons, index, layout, signs)
            block = cache[key] = block if dense is None else _dense_rows(block, dense)
        rows += block
    return rows


def _dense_rows(sparse, n) -> list:
    """``[(pivot, row)]`` with ``row`` the full tuple of ``n`` coefficients and the right-hand side."""
    out = []
    for pivot, coefs, rhs in sparse:
        row: list = [0] * (n + 1)
        for c, v in coefs.items():
            row[c] = int(v) if type(v) is Fraction and v.denominator == 1 else v
        row[n] = rhs
        out.append((pivot, tuple(row)))
    return out


def _assemble(n, sparse, parameters, label, kind, neurons, activation_class=None):
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
    return AffineSubspace._from_canonical(parameters, tuple(rows), tuple(pivots), label, kind, neurons,
                                          activation_class)


def _check_rational_coefficients(sparse, reading, layout, name):
    # roles may build coefficients from the teacher's values (critical splits with vector outputs:
    # ratios of a*_i); the canonical form needs them rational
    for _, coefs, _ in sparse:
        for v in coefs.values():
            if type(v) is not Fraction and type(v) is not int:
                raise ArgumentValueError(
                    f"the {reading.family} subspaces of reading {reading.name!r} with d_out = {layout.d_out} "
                    f"need a rational {name.replace('_', ' ')} (their equations have coefficients built from it)"
                )


def _first(pair):
    return pair[0]


class _Builder:
    """Builds the subspaces of one reading around one teacher (layout computed once)."""

    def __init__(self, reading: Reading, teacher: Teacher, m: int, name: str):
        self.reading, self.name = reading, name
        self.parameters, w_cols, a_cols, self.neurons = _layout(m, teacher.input_dim, teacher.output_dim)
        self.layout = _teacher_layout(teacher, w_cols, a_cols)
        self.rational = teacher.is_exact_rational
        self.cache: dict = {}

    def __call__(self, label) -> AffineSubspace:
        if self.rational and self.reading.uses_tokens:  # the fast path of the activation classes' labels
            label = Label(label)
            rows = _token_rows(self.reading, label, self.layout, self.cache, len(self.parameters))
            rows.sort(key=_first)
            return AffineSubspace._from_canonical(self.parameters, tuple(row for _, row in rows),
                                                  tuple(pivot for pivot, _ in rows), label, self.reading.family,
                                                  self.neurons, self.reading.activation_class)
        sparse = label_rows(self.reading, label, self.layout, self.cache)
        if not self.rational:
            _check_rational_coefficients(sparse, self.reading, self.layout, self.name)
        return _assemble(len(self.parameters), sparse, self.parameters, Label(label), self.reading.family,
                         self.neurons, self.reading.activation_class)


def _point_name(reading: Reading) -> str:
    return "critical_point" if reading.is_critical else "teacher"


def _class_name(activation) -> str:
    """The activation class name of ``activation`` (a class or activation name; ``None``: generic)."""
    if activation is None:
        return GENERIC
    from .activation_classes import activation_class

    return activation_class(activation).name


def _reading(reading, activation, family=None) -> Reading:
    """The registered reading ``reading`` of ``activation``'s class (a Reading object passes through)."""
    if isinstance(reading, Reading):
        if activation is not None and reading.activation_class != _class_name(activation):
            raise ArgumentValueError(
                f"reading {reading.name!r} belongs to the {reading.activation_class} class, "
                f"not to activation {activation!r}"
            )
        return get_reading(reading, family=family)
    return get_reading(reading, _class_name(activation), family=family)


def _check_for_class(teacher, reading: Reading) -> None:
    # the Teacher constructor checks the generic conditions; the sign classes also need w_i != -w_k
    if reading.activation_class != GENERIC:
        check_irreducible(teacher, reading.activation_class)


def subspace_of(reading, teacher: Teacher, label, activation=None) -> AffineSubspace:
    r"""The subspace of one ``label`` in ``reading`` (a registered reading, its name or alias), around ``teacher``.

    The label is validated by :meth:`Reading.is_label <symbolic_minima.readings.Reading.is_label>`;
    its ``kind`` is the reading's family, its ``activation_class`` the reading's class.
    ``activation`` (a class or activation name) picks the reading of that
    class when ``reading`` is a name; the teacher must then be irreducible for
    the class (:func:`~symbolic_minima.network.check_irreducible`).

    >>> from symbolic_minima.readings import CRITICAL_READING
    >>> S = subspace_of(CRITICAL_READING, CriticalPoint([1], [2]), (1, 1))
    >>> S.kind, S.equations()
    ('critical', ['w_{1,1} = 1', 'w_{2,1} = 1', 'a_{1} + a_{2} = 2'])
    """
    reading = _reading(reading, activation)
    name = _point_name(reading)
    label = tuple(label)
    m = _check_teacher(teacher, len(label), name=name)
    _check_for_class(teacher, reading)
    if not reading.is_label(label, teacher.width):
        where = "" if reading.activation_class == GENERIC else f" of the {reading.activation_class} class"
        raise ArgumentValueError(
            f"label {label_text(label):.200} is not a valid {reading.name} labelling{where} of width {m} "
            f"over r = {teacher.width}"
        )
    return _Builder(reading, teacher, m, name)(label)


def subspaces_of(reading, teacher: Teacher, m, activation=None):
    r"""Lazily yield the subspaces of every label of ``reading`` (any registered reading) of width ``m``.

    One per label of :meth:`Reading.labellings <symbolic_minima.readings.Reading.labellings>`,
    in that order; each subspace's equations are its blocks' role equations
    (:func:`label_rows`), its ``kind`` the reading's family.

    >>> [(S.label, S.dimension) for S in subspaces_of("R1", Teacher([1], [2]), 2)]
    [((0, 1), 1), ((1, 0), 1), ((1, 1), 1)]
    >>> from symbolic_minima.readings import critical_reading
    >>> [label_text(S.label) for S in subspaces_of(critical_reading("odd"), CriticalPoint([1], [2]), 2)]
    ['(p, +1)', '(p, -1)', '(+1, p)', '(-1, p)', '(+1, +1)', '(+1, -1)', '(-1, +1)', '(-1, -1)']
    """
    reading = _reading(reading, activation)
    name = _point_name(reading)
    m = _check_teacher(teacher, m, name=name)
    _check_for_class(teacher, reading)
    return _subspace_gen(reading, teacher, m, name)


def _subspace_gen(reading, teacher, m, name):
    build = _Builder(reading, teacher, m, name)
    for label in reading.labellings(teacher.width, m):
        yield build(label)


def _check_token_label(label, activation) -> None:
    if activation is None and any(isinstance(v, str) for v in label):
        raise ArgumentValueError(
            f"label {label_text(label):.200} is written in tokens (a label of an activation class): "
            "pass activation= (a class name such as 'odd', or an activation name such as 'tanh')"
        )


def global_minimum_subspace(teacher: Teacher, label, zero_type: str | None = None,
                            activation=None) -> AffineSubspace:
    r"""The subspace :math:`\Gamma_g` of one label ``g``.

    (See the mathematical reference, 'Global-minimum subspaces' and 'Activation classes'.)

    ``zero_type`` (any registered global-minimum reading; default: the first
    registered reading with zero-sum groups if the label has some, else R1)
    only validates the label: the equations are those of the label's blocks.
    ``activation`` (a class name such as ``"odd"`` or an activation name such
    as ``"tanh"``; default generic) chooses the class, whose labels are
    tokens (:mod:`symbolic_minima.labels`): ``"+i"``/``"-i"`` a signed replica
    of teacher neuron ``i``, ``"0"`` zero-type, ``"d"`` dead, ``"g<c>+"``/``"g<c>-"``
    a member of free group ``c``.

    >>> t = Teacher([1, 2], [1, 1])
    >>> global_minimum_subspace(t, (-1, 2, -1, 1)).equations()
    ['w_{1,1} - w_{3,1} = 0', 'w_{2,1} = 2', 'w_{4,1} = 1', 'a_{1} + a_{3} = 0', 'a_{2} = 1', 'a_{4} = 1']
    >>> global_minimum_subspace(t, ("+1", "-1", "+2", "d"), activation="tanh").equations()
    ['w_{1,1} = 1', 'w_{2,1} = -1', 'w_{3,1} = 2', 'w_{4,1} = 0', 'a_{1} - a_{2} = 1', 'a_{3} = 1']
    """
    label = Label(label)
    label = tuple(label)
    _check_teacher(teacher, len(label))
    _check_token_label(label, activation)
    cls = _class_name(activation)
    if zero_type is None:
        if cls == GENERIC:
            ints = all(isinstance(v, int) and not isinstance(v, bool) for v in label)
            reading = reading_for_label(label) if ints else get_reading(DEFAULT_ZERO_TYPE)
        else:
            reading = reading_for_label(label, cls)
    else:
        reading = get_reading(zero_type, cls, family=GLOBAL_MINIMUM)
    return subspace_of(reading, teacher, label)


def global_minimum_subspaces(teacher: Teacher, m, zero_type: str = DEFAULT_ZERO_TYPE, activation=None):
    r"""Lazily yield the global-minimum subspaces :math:`\Gamma_g` of width ``m``.

    (See the mathematical reference, 'Global-minimum subspaces'.)

    One per label of
    :func:`~symbolic_minima.labellings.global_minimum_labellings` (same
    order), so there are :math:`T(r,m)` of them in the named reading, any
    registered global-minimum reading: R1, replicas and zero-type neurons
    :math:`a_j=0`; R2, also zero-sum groups (shared free incoming vector,
    outgoing weights summing to 0); a reading registered later, its roles.
    Dimension (scalar output, :math:`k` zero-type singletons, R1):
    :math:`h + k(d-1)`; in general :meth:`Label.dimension
    <symbolic_minima.labels.Label.dimension>`.

    ``activation`` (a class name or an activation name, default generic)
    chooses the activation class (mathematical reference, 'Activation classes'): its roles (signed replicas, dead
    neurons, signed zero-sum groups) write the equations, its labels are
    tokens, and the teacher must be irreducible for it
    (:func:`~symbolic_minima.network.check_irreducible`).

    >>> t = Teacher.default(2, d=2)
    >>> sum(1 for _ in global_minimum_subspaces(t, 4, "R2"))
    62
    >>> [label_text(S.label) for S in global_minimum_subspaces(Teacher([1], [2]), 2, activation="odd")][:4]
    ['(0, +1)', '(d, +1)', '(0, -1)', '(d, -1)']
    """
    m = _check_teacher(teacher, m)
    reading = get_reading(zero_type, _class_name(activation), family=GLOBAL_MINIMUM)
    _check_for_class(teacher, reading)
    return _subspace_gen(reading, teacher, m, "teacher")


def critical_subspace(critical_point: Teacher, label, activation=None) -> AffineSubspace:
    r"""The critical subspace :math:`\Gamma^{crit}_g` of one surjection ``g``.

    (See the mathematical reference, 'Critical subspaces'.)

    Scalar output: :math:`w_j=w_{g(j)}`, :math:`\sum_{g(j)=i}a_j=a_i`.
    Vector output: additionally :math:`a_j\parallel a_{g(j)}`, written as the
    linear equations :math:`a_{i,l_0}a_{j,l}-a_{i,l}a_{j,l_0}=0`
    (:math:`a_{i,l_0}\neq0`), i.e. :math:`a_j=\lambda_j a_{g(j)}` with
    :math:`\sum\lambda_j=1`; dimension :math:`m-r` in both cases
    (:data:`~symbolic_minima.roles.CRITICAL_REPLICA`).

    ``activation`` (class or activation name) chooses the activation class:
    signed splits :math:`w_j=s_jw_i` (sums :math:`\sum s_j\lambda_j=1` in the odd
    class, :math:`\sum\lambda_j=1` in the even ones), parked neurons
    :math:`(w_j,a_j)=(0,0)` (``"p"``; classes ``zero-at-origin`` and ``odd``)
    and dead critical neurons :math:`w_j=0`, :math:`a_j` free (``"d"``; class
    ``even-zero-at-origin``, where :math:`\sigma(0)=\sigma'(0)=0`).

    >>> cp = CriticalPoint([1], [[1, 2]])
    >>> S = critical_subspace(cp, (1, 1))
    >>> S.dimension, S.equations()
    (1, ['w_{1,1} = 1', 'w_{2,1} = 1', 'a_{1,1} + 1/2*a_{2,2} = 1', 'a_{1,2} + a_{2,2} = 2',
         'a_{2,1} - 1/2*a_{2,2} = 0'])
    >>> critical_subspace(CriticalPoint([1], [2]), ("+1", "-1", "p"), activation="odd").equations()
    ['w_{1,1} = 1', 'w_{2,1} = -1', 'w_{3,1} = 0', 'a_{1} - a_{2} = 2', 'a_{3} = 0']
    """
    label = Label(label)
    label = tuple(label)
    _check_token_label(label, activation)
    if activation is not None and _class_name(activation) != GENERIC:
        return subspace_of(get_reading(CRITICAL_READING.name, _class_name(activation), family=CRITICAL),
                           critical_point, label)
    m = _check_teacher(critical_point, len(label), name="critical_point")
    if not CRITICAL_READING.is_label(label, critical_point.width):
        raise ArgumentValueError(f"label {label} is not a surjection onto 1..{critical_point.width}")
    return _critical_one(critical_point, label, m)


def _critical_one(cp, label, m, cache=None, generic=False):
    """One critical subspace; ``generic=True``: vector outputs through the generic RREF (the reference route)."""
    build = _Builder(CRITICAL_READING, cp, m, "critical_point")
    if generic and cp.output_dim > 1:
        if not cp.is_exact_rational:
            _check_rational_coefficients(label_rows(CRITICAL_READING, label, build.layout), CRITICAL_READING,
                                         build.layout, build.name)
        return _critical_vector_generic(build.layout, Label(label), build.parameters, build.neurons)
    return build(label)


def _critical_vector_generic(layout, label, params, neurons):
    """Vector-output critical subspace through the generic RREF (the reference route, written without roles).

    Rows: :math:`w_j=w_{g(j)}`, :math:`\\sum_{g(j)=i}a_j=a_i`, and :math:`a_j\\parallel a_{g(j)}` as
    :math:`a_{i,l_0}a_{j,l}-a_{i,l}a_{j,l_0}=0` with :math:`l_0` the first non-zero coordinate of :math:`a_i`.
    """
    n = len(params)
    inc, out, q = layout.incoming, layout.outgoing, layout.d_out
    A: list = []
    b: list = []

    def row_of(coefs):
        row = [0] * n
        for c, v in coefs.items():
            row[c] = v
        return row

    for j, g in enumerate(label):
        for k, c in enumerate(layout.w_cols[j]):
            A.append(row_of({c: 1}))
            b.append(inc[g - 1][k])
    for g, js in label.blocks().items():
        for l in range(q):
            A.append(row_of({layout.a_cols[j][l]: 1 for j in js}))
            b.append(out[g - 1][l])
    for j, g in enumerate(label):
        a_star = out[g - 1]
        l0 = next(l for l in range(q) if a_star[l] != 0)
        for l in range(q):
            if l != l0:
                A.append(row_of({layout.a_cols[j][l]: a_star[l0], layout.a_cols[j][l0]: -a_star[l]}))
                b.append(0)
    return AffineSubspace(params, A, b, label=label, kind=CRITICAL, neurons=neurons)


def critical_subspaces(critical_point: Teacher, m, activation=None):
    r"""Lazily yield the symmetry-induced critical subspaces :math:`\Gamma^{crit}_g`.

    (See the mathematical reference, 'Critical subspaces'.)

    One per surjection :math:`g:[m]\to[r]` in the order of
    :func:`~symbolic_minima.labellings.critical_labellings`: :math:`G(r,m)`
    subspaces, each of dimension :math:`m-r` (scalar and vector outputs).

    ``activation`` (class or activation name) chooses the activation class
    (see :func:`critical_subspace`); their number is the class's critical
    count, their dimension :math:`m-r` minus the parked neurons (plus
    :math:`d_{out}` per dead critical neuron).

    >>> cp = CriticalPoint([1, -1], [2, 3])
    >>> [(S.label, S.dimension) for S in critical_subspaces(cp, 3)][:2]
    [((1, 1, 2), 1), ((1, 2, 1), 1)]
    >>> sum(1 for _ in critical_subspaces(CriticalPoint([1, 2], [2, 3]), 3, activation="logcosh"))
    72
    """
    if activation is None:
        return subspaces_of(CRITICAL_READING, critical_point, m)
    return subspaces_of(CRITICAL_READING.name, critical_point, m, activation)
