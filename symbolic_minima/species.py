r"""A small layer of labelled combinatorial species and their generating functions.

A labelled species assigns to every finite label set the structures built on
it; its exponential generating function (EGF) is
:math:`A(x)=\sum_m a_m x^m/m!`, :math:`a_m` the number of structures on
:math:`m` labels.  The constructions here are the ones the neuron roles of the
specification need:

* :class:`Set`: one structure (the label set itself) on every label set; EGF :math:`e^x`.
* :class:`NonEmptySet`: the label set if it is non-empty; EGF :math:`e^x-1`.
* :class:`Product` ``A * B``: split the labels in two, an A-structure on one part and a
  B-structure on the other; EGF :math:`A(x)B(x)`.
* :class:`Union` ``A + B``: an A-structure or a B-structure (tagged); EGF :math:`A(x)+B(x)`.
* :class:`Power` ``(A, r)``: split the labels into r ordered parts, an A-structure on each;
  EGF :math:`A(x)^r` (``r`` may be a sympy Symbol).
* :class:`SetOf` ``(A)``: a set partition of the labels, an A-structure on each block;
  EGF :math:`e^{A(x)}` (needs :math:`A(0)=0`).

The neuron roles (SPEC §2–3) are species: the zero-type neurons form a SET,
the replicas of one teacher neuron a non-empty SET, and (reading R2) the
zero-type neurons split into zero-sum groups, a SET of non-empty SETs.  So

* global minima, R1: :math:`E \cdot E_{\ge1}^r`, EGF :math:`e^x(e^x-1)^r`;
* global minima, R2: :math:`E_{\ge1}^r \cdot E(E_{\ge1})`, EGF
  :math:`(e^x-1)^r e^{e^x-1}`;
* symmetry-induced critical subspaces: :math:`E_{\ge1}^r`, EGF :math:`(e^x-1)^r`.

Every species also enumerates its structures by brute force
(:meth:`Species.structures`), independently of the EGF, so the tests can check
``len(list(A.structures(range(m)))) == A.count(m)``.

Coefficients: :func:`coefficient` computes :math:`m!\,[x^m]A(x)` exactly
by truncated power-series arithmetic on the EGF expression (integer
"EGF-count" sequences with binomial convolution); :func:`closed_form_coefficient`
gives a closed form for symbolic :math:`m` by expanding the EGF into
exponentials :math:`e^{bx}` (binomial theorem on :math:`(e^x-1)^r`, and a
Dobinski-type series for :math:`e^{e^x-1}`).

>>> x = EGF_VARIABLE
>>> global_minimum_species(3).egf()
(exp(x) - 1)**3*exp(x)
>>> global_minimum_species(3).count(5), critical_species(3).count(5)
(390, 150)
>>> global_minimum_species(3, zero_type="groups").count(5)
450
>>> from sympy import Symbol
>>> r, m = Symbol("r", integer=True, nonnegative=True), Symbol("m", integer=True, nonnegative=True)
>>> critical_species(r).egf()
(exp(x) - 1)**r
>>> closed_form_coefficient(critical_species(r).egf(), m)
Sum((-1)**(-j + r)*j**m*binomial(r, j), (j, 0, r))
>>> len(list(global_minimum_species(2).structures(range(4))))
50
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from itertools import combinations

import sympy
from sympy import Add, Integer, Mul, Pow, Rational, Symbol, exp, oo

from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    as_expression,
    check_int,
    check_width,
    shorten,
)
from .readings import check_zero_type

__all__ = [
    "EGF_VARIABLE",
    "Species",
    "Set",
    "NonEmptySet",
    "Product",
    "Union",
    "Power",
    "SetOf",
    "zero_type_neurons",
    "replica_group",
    "zero_sum_groups",
    "global_minimum_species",
    "critical_species",
    "coefficient",
    "closed_form_coefficient",
    "structure_to_labelling",
    "MAX_SERIES_ORDER",
    "MAX_ENUMERATION_LABELS",
]

#: The variable of every exponential generating function.
EGF_VARIABLE = Symbol("x")

#: Largest ``m`` for :func:`coefficient` (truncated series cost ``O(m^2 log r)`` big-int steps; m = 400 takes ~3 s).
MAX_SERIES_ORDER = 1000
#: Largest label set :meth:`Species.structures` accepts (the enumeration is exponential).
MAX_ENUMERATION_LABELS = 12


def _labels(labels) -> tuple:
    labels = tuple(labels)
    if len(labels) > MAX_ENUMERATION_LABELS:
        raise ArgumentValueError(
            f"labels must have at most {MAX_ENUMERATION_LABELS} elements for brute-force "
            f"enumeration, got {len(labels)}"
        )
    if len(set(labels)) != len(labels):
        raise ArgumentValueError("labels must be distinct")
    return labels


def _splits(labels: tuple) -> Iterator[tuple]:
    """All ordered pairs (left, right) of complementary sub-tuples of ``labels``."""
    n = len(labels)
    for size in range(n + 1):
        for chosen in combinations(range(n), size):
            chosen_set = set(chosen)
            yield (
                tuple(labels[i] for i in chosen),
                tuple(labels[i] for i in range(n) if i not in chosen_set),
            )


class Species:
    """Base class of labelled species (see the module docstring)."""

    #: Optional role name used when printing (e.g. ``"Z"`` for zero-type neurons).
    name: str | None = None

    def egf(self) -> sympy.Expr:
        """The exponential generating function, a sympy expression in :data:`EGF_VARIABLE`."""
        raise NotImplementedError

    def structures(self, labels) -> Iterator:
        """Brute-force enumeration of the structures on ``labels`` (hashable values)."""
        raise NotImplementedError

    def parameters(self) -> set:
        """The free sympy symbols (other than x) of the EGF."""
        return self.egf().free_symbols - {EGF_VARIABLE}

    def subs(self, **values) -> Species:
        """A copy with symbolic parameters replaced by integers, e.g. ``Power(A, r).subs(r=3)``."""
        return self

    def count(self, m) -> int:
        r"""The number :math:`m!\,[x^m]A(x)` of structures on ``m`` labels (exact int)."""
        m = check_int(m, "m", minimum=0, maximum=MAX_SERIES_ORDER)
        if self.parameters():
            names = ", ".join(sorted(str(s) for s in self.parameters()))
            raise ArgumentValueError(f"count needs numeric parameters; substitute {names} first (.subs)")
        return int(coefficient(self.egf(), m))

    def __mul__(self, other):
        if not isinstance(other, Species):
            return NotImplemented
        return Product(self, other)

    def __pow__(self, r):
        return Power(self, r)

    def __add__(self, other):
        if not isinstance(other, Species):
            return NotImplemented
        return Union(self, other)

    def _notation(self) -> str:
        raise NotImplementedError

    def _tex(self) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self._notation()

    def __repr__(self) -> str:
        return self._notation()

    def __eq__(self, other):
        return type(self) is type(other) and self._key() == other._key()

    def __hash__(self):
        return hash((type(self).__name__, self._key()))

    def _key(self):
        return ()

    def _latex(self, printer=None):
        return self._tex()

    def _repr_latex_(self):
        return f"${self._tex()} \\;\\leftrightarrow\\; {sympy.latex(self.egf())}$"


class Set(Species):
    r"""The species :math:`E` of sets: exactly one structure (the set itself) on every label set.

    >>> Set().egf(), sorted(Set().structures((1, 2)))
    (exp(x), [frozenset({1, 2})])
    """

    def __init__(self, name: str | None = None):
        self.name = name

    def egf(self):
        return exp(EGF_VARIABLE)

    def structures(self, labels):
        yield frozenset(_labels(labels))

    def _notation(self):
        return "SET"

    def _tex(self):
        return r"\mathrm{SET}"


class NonEmptySet(Species):
    r"""The species :math:`E_{\ge 1}` of non-empty sets.

    >>> NonEmptySet().egf(), list(NonEmptySet().structures(()))
    (exp(x) - 1, [])
    """

    def __init__(self, name: str | None = None):
        self.name = name

    def egf(self):
        return exp(EGF_VARIABLE) - 1

    def structures(self, labels):
        labels = _labels(labels)
        if labels:
            yield frozenset(labels)

    def _notation(self):
        return "SET_{>=1}"

    def _tex(self):
        return r"\mathrm{SET}_{\geq 1}"


class Product(Species):
    r"""Labelled product :math:`A\cdot B`: split the labels in two, an A-structure on one part, a B on the other.

    Structures are pairs ``(a, b)``.

    >>> (Set() * NonEmptySet()).egf()
    (exp(x) - 1)*exp(x)
    """

    def __init__(self, first: Species, second: Species, name: str | None = None):
        if not isinstance(first, Species) or not isinstance(second, Species):
            raise ArgumentTypeError("Product needs two Species")
        self.first, self.second, self.name = first, second, name

    def _key(self):
        return (self.first, self.second)

    def egf(self):
        return self.first.egf() * self.second.egf()

    def subs(self, **values):
        return Product(self.first.subs(**values), self.second.subs(**values), self.name)

    def structures(self, labels):
        labels = _labels(labels)
        for left, right in _splits(labels):
            for a in self.first.structures(left):
                for b in self.second.structures(right):
                    yield (a, b)

    def _notation(self):
        return f"({self.first} * {self.second})"

    def _tex(self):
        return rf"{self.first._tex()} \cdot {self.second._tex()}"


class Union(Species):
    r"""Disjoint union :math:`A + B`: an A-structure or a B-structure on the labels.

    Structures are ``("left", a)`` or ``("right", b)``, so a structure of both
    kinds is counted twice (as the EGF :math:`A(x)+B(x)` says).  Useful for the
    activation-dependent neuron classes of the later literature (SPEC §6).

    >>> (NonEmptySet() + Set()).egf(), (NonEmptySet() + Set()).count(3)
    (2*exp(x) - 1, 2)
    """

    def __init__(self, first: Species, second: Species, name: str | None = None):
        if not isinstance(first, Species) or not isinstance(second, Species):
            raise ArgumentTypeError("Union needs two Species")
        self.first, self.second, self.name = first, second, name

    def _key(self):
        return (self.first, self.second)

    def egf(self):
        return self.first.egf() + self.second.egf()

    def subs(self, **values):
        return Union(self.first.subs(**values), self.second.subs(**values), self.name)

    def structures(self, labels):
        labels = _labels(labels)
        for a in self.first.structures(labels):
            yield ("left", a)
        for b in self.second.structures(labels):
            yield ("right", b)

    def _notation(self):
        return f"({self.first} + {self.second})"

    def _tex(self):
        return rf"\left({self.first._tex()} + {self.second._tex()}\right)"


class Power(Species):
    r"""Sequence of ``r`` labelled blocks :math:`A^r = A\cdot A\cdots A` (r factors, ordered).

    ``r`` is a non-negative int or a sympy Symbol (then the EGF stays symbolic:
    :math:`A(x)^r`); enumeration and counting need an int (use :meth:`subs`).
    Structures are ``r``-tuples of A-structures.

    >>> from sympy import Symbol
    >>> r = Symbol("r")
    >>> Power(NonEmptySet(), r).egf(), Power(NonEmptySet(), r).subs(r=2).count(3)
    ((exp(x) - 1)**r, 6)
    """

    def __init__(self, block: Species, r, name: str | None = None):
        if not isinstance(block, Species):
            raise ArgumentTypeError("Power needs a Species as its block")
        if isinstance(r, sympy.Symbol):
            self.r = r
        else:
            self.r = check_int(r, "r", minimum=0)
        self.block, self.name = block, name

    def _key(self):
        return (self.block, self.r)

    def egf(self):
        return self.block.egf() ** self.r

    def subs(self, **values):
        r = self.r
        if isinstance(r, sympy.Symbol) and r.name in values:
            r = values[r.name]
        return Power(self.block.subs(**values), r, self.name)

    def structures(self, labels):
        labels = _labels(labels)
        if isinstance(self.r, sympy.Symbol):
            raise ArgumentValueError(f"structures needs an integer {self.r}; use .subs({self.r}=...)")
        yield from self._sequences(labels, self.r)

    def _sequences(self, labels, r):
        if r == 0:
            if not labels:
                yield ()
            return
        for left, right in _splits(labels):
            for a in self.block.structures(left):
                for rest in self._sequences(right, r - 1):
                    yield (a,) + rest

    def _notation(self):
        return f"{self.block}^{self.r}"

    def _tex(self):
        return rf"\left({self.block._tex()}\right)^{{{sympy.latex(self.r)}}}"


class SetOf(Species):
    r"""Composition :math:`E\circ A`: a set partition of the labels with an A-structure on each block.

    ``A`` must have no structure on the empty set (:math:`A(0)=0`).
    Structures are frozensets of A-structures.

    >>> SetOf(NonEmptySet()).egf()
    exp(exp(x) - 1)
    >>> [SetOf(NonEmptySet()).count(n) for n in range(6)]  # Bell numbers
    [1, 1, 2, 5, 15, 52]
    """

    def __init__(self, block: Species, name: str | None = None):
        if not isinstance(block, Species):
            raise ArgumentTypeError("SetOf needs a Species as its block")
        if block.egf().subs(EGF_VARIABLE, 0) != 0:
            raise ArgumentValueError("SetOf(A) needs A to have no structure on the empty set")
        self.block, self.name = block, name

    def _key(self):
        return (self.block,)

    def egf(self):
        return exp(self.block.egf())

    def subs(self, **values):
        return SetOf(self.block.subs(**values), self.name)

    def structures(self, labels):
        labels = _labels(labels)
        yield from self._partitions(labels)

    def _partitions(self, labels):
        if not labels:
            yield frozenset()
            return
        first, rest = labels[0], labels[1:]
        # the block containing the first label: first + any subset of the rest
        for others, remaining in _splits(rest):
            block = (first,) + others
            for a in self.block.structures(block):
                for tail in self._partitions(remaining):
                    yield frozenset({a}) | tail

    def _notation(self):
        return f"SET({self.block})"

    def _tex(self):
        return rf"\mathrm{{SET}}\left({self.block._tex()}\right)"


# --------------------------------------------------------------------------- neuron roles


def zero_type_neurons() -> Species:
    """Zero-type neurons (reading R1): any SET of neurons, EGF :math:`e^x`."""
    return Set(name="zero-type neurons")


def replica_group() -> Species:
    """The replicas of one teacher neuron: a non-empty SET, EGF :math:`e^x-1`."""
    return NonEmptySet(name="replica group")


def zero_sum_groups() -> Species:
    r"""Zero-type neurons in reading R2: a SET of non-empty SETs (groups of size 1 are
    zero-type neurons, larger ones zero-sum groups), EGF :math:`e^{e^x-1}`."""
    return SetOf(NonEmptySet(), name="zero-sum groups")


def _check_r(r):
    if isinstance(r, sympy.Symbol):
        return r
    return check_width(r, "r")


def critical_species(r) -> Species:
    r"""Symmetry-induced critical subspaces (SPEC §3): r ordered non-empty replica groups, :math:`(e^x-1)^r`."""
    return Power(replica_group(), _check_r(r), name="critical subspaces")


def global_minimum_species(r, zero_type: str = "singletons") -> Species:
    r"""Global-minimum subspaces (SPEC §2) of a width-``r`` teacher, in the named reading.

    ``"singletons"`` (R1): zero-type neurons times r replica groups,
    :math:`e^x(e^x-1)^r`; ``"groups"`` (R2): r replica groups times zero-sum
    groups, :math:`(e^x-1)^r e^{e^x-1}`.

    >>> global_minimum_species(2, "groups").egf()
    (exp(x) - 1)**2*exp(exp(x) - 1)
    """
    zero_type = check_zero_type(zero_type)
    replicas = Power(replica_group(), _check_r(r), name="replica groups")
    if zero_type == "singletons":
        return Product(zero_type_neurons(), replicas, name="global minima (R1)")
    return Product(replicas, zero_sum_groups(), name="global minima (R2)")


def structure_to_labelling(structure, m: int, zero_type: str = "singletons") -> tuple:
    """Turn a structure of :func:`global_minimum_species` (labels ``0..m-1``) into a labelling.

    The labelling follows :mod:`symbolic_minima.labellings` (``i`` replica of
    teacher neuron ``i``, ``0`` zero-type neuron, ``-c`` zero-sum group ``c``
    numbered by first neuron).  Structures of :func:`critical_species` (a tuple
    of blocks) are accepted with ``zero_type=None``.

    >>> structure_to_labelling((frozenset({1}), (frozenset({0, 2}),)), 3)
    (1, 0, 1)
    """
    m = check_int(m, "m", minimum=0, maximum=MAX_ENUMERATION_LABELS * 1000)
    try:
        return _structure_to_labelling(structure, m, zero_type)
    except (TypeError, ValueError, IndexError, KeyError):
        raise ArgumentValueError(
            f"structure is not a structure of the species of this reading on labels 0..{m - 1}: {shorten(structure)}"
        ) from None


def _structure_to_labelling(structure, m, zero_type):
    label = [None] * m
    if zero_type is None:
        blocks, zeros = structure, None
    elif check_zero_type(zero_type) == "singletons":
        zeros, blocks = structure
    else:
        blocks, zeros = structure
    for i, block in enumerate(blocks, start=1):
        for j in block:
            label[j] = i
    if zero_type == "singletons":
        for j in zeros:
            label[j] = 0
    elif zero_type == "groups":
        groups = sorted((sorted(g) for g in zeros), key=lambda g: g[0])
        number = 0
        for g in groups:
            if len(g) == 1:
                label[g[0]] = 0
            else:
                number += 1
                for j in g:
                    label[j] = -number
    return tuple(label)


# --------------------------------------------------------------------------- coefficients


def _binomial_rows(order: int) -> list:
    rows = [[1]]
    for n in range(1, order + 1):
        prev = rows[-1]
        rows.append([1] + [prev[k - 1] + prev[k] for k in range(1, n)] + [1])
    return rows


class _Series:
    """Truncated EGF-count sequences: entry n is n! [x^n] of the function (int or Fraction)."""

    def __init__(self, order: int):
        self.order = order
        self.binomials = _binomial_rows(order)

    def const(self, c):
        return [c] + [0] * self.order

    def x(self):
        return [0, 1] + [0] * (self.order - 1) if self.order >= 1 else [0]

    def add(self, a, b):
        return [u + v for u, v in zip(a, b)]

    def mul(self, a, b):
        rows = self.binomials
        out = []
        for n in range(self.order + 1):
            row = rows[n]
            out.append(sum(row[k] * a[k] * b[n - k] for k in range(n + 1) if a[k] and b[n - k]))
        return out

    def power(self, a, e: int):
        result = self.const(1)
        base = a
        while e:
            if e & 1:
                result = self.mul(result, base)
            e >>= 1
            if e:
                base = self.mul(base, base)
        return result

    def exp(self, a):
        if a[0] != 0:
            raise ArgumentValueError(
                "coefficient: exp(g) needs g(0) = 0 for exact rational coefficients"
            )
        # B = exp(A), B' = A' B  =>  b_n = sum_{k=1}^{n} C(n-1, k-1) a_k b_{n-k}
        rows = self.binomials
        b = [1] + [0] * self.order
        for n in range(1, self.order + 1):
            row = rows[n - 1]
            b[n] = sum(row[k - 1] * a[k] * b[n - k] for k in range(1, n + 1) if a[k])
        return b

    def of(self, expr):
        if expr == EGF_VARIABLE:
            return self.x()
        if expr.is_Rational:
            value = Fraction(int(expr.p), int(expr.q))
            return self.const(int(value) if value.denominator == 1 else value)
        if isinstance(expr, Add):
            out = self.const(0)
            for term in expr.args:
                out = self.add(out, self.of(term))
            return out
        if isinstance(expr, Mul):
            out = self.const(1)
            for factor in expr.args:
                out = self.mul(out, self.of(factor))
            return out
        if isinstance(expr, Pow):
            base, e = expr.args
            if base is sympy.E:
                return self.exp(self.of(e))
            if e.is_Integer and e >= 0:
                return self.power(self.of(base), int(e))
        if isinstance(expr, sympy.exp):
            return self.exp(self.of(expr.args[0]))
        raise ArgumentValueError(
            f"coefficient: unsupported EGF term {expr} (needs numeric parameters and "
            "sums/products/integer powers/exp of x)"
        )


def _expression(value, name: str = "expression"):
    """``value`` as a sympy object; text at any depth is refused (see :func:`~symbolic_minima.errors.as_expression`)."""
    return as_expression(value, name)


def coefficient(egf, m) -> sympy.Integer:
    r"""Exact :math:`m!\,[x^m]` of the EGF expression ``egf`` (numeric ``m``, numeric parameters).

    Computed by truncated power-series arithmetic on integer "EGF-count"
    sequences (binomial convolution for products, :math:`B'=A'B` for
    :math:`B=e^A`), independently of the closed forms.

    >>> x = EGF_VARIABLE
    >>> coefficient(sympy.exp(x) * (sympy.exp(x) - 1) ** 3, 5)
    390
    >>> coefficient(sympy.exp(sympy.exp(x) - 1), 10)
    115975
    """
    m = check_int(m, "m", minimum=0, maximum=MAX_SERIES_ORDER)
    egf = _expression(egf, "egf")
    if egf.free_symbols - {EGF_VARIABLE}:
        raise ArgumentValueError(
            "coefficient needs numeric parameters; free symbols: "
            + ", ".join(sorted(map(str, egf.free_symbols - {EGF_VARIABLE})))
        )
    value = _Series(m).of(egf)[m]
    return Rational(value.numerator, value.denominator) if isinstance(value, Fraction) else Integer(value)


# ---- closed forms for symbolic m: expansion into exponentials e^{b x}


def _split_factors(egf):
    """Split ``egf`` into (constant, a, list of (exponent r of (e^x-1)), c0, beta) where
    egf = constant * e^{a x} * prod (e^x-1)^{r} * exp(c0 + beta e^x)."""
    x = EGF_VARIABLE
    constant, a, c0, beta = Integer(1), Integer(0), Integer(0), Integer(0)
    powers = []
    for factor in Mul.make_args(egf):
        if not factor.has(x):
            constant *= factor
            continue
        if isinstance(factor, sympy.exp) or (isinstance(factor, Pow) and factor.base is sympy.E):
            arg = sympy.expand(factor.exp if isinstance(factor, Pow) else factor.args[0])
            arg = arg.subs(exp(x), Symbol("_y"))
            y = Symbol("_y")
            poly = sympy.Poly(arg, x, y)
            if poly.total_degree() > 1:
                raise ArgumentValueError(f"closed_form_coefficient: unsupported factor {factor}")
            a += poly.coeff_monomial(x)
            beta += poly.coeff_monomial(y)
            c0 += poly.coeff_monomial(1)
            continue
        base, e = (factor.base, factor.exp) if isinstance(factor, Pow) else (factor, Integer(1))
        if sympy.simplify(base - (exp(x) - 1)) == 0 and not e.has(x):
            powers.append(e)
            continue
        raise ArgumentValueError(f"closed_form_coefficient: unsupported factor {factor}")
    return constant, a, powers, c0, beta


def closed_form_coefficient(egf, m):
    r"""Closed form of :math:`m!\,[x^m]` ``egf`` for a symbolic (or numeric) ``m``.

    Supports EGFs of the form
    :math:`C\,e^{ax}(e^x-1)^{r}\,e^{c_0+\beta e^x}` (``r`` an int or Symbol),
    which covers every neuron-role species here.  The binomial theorem gives
    :math:`e^{ax}(e^x-1)^r=\sum_{j=0}^r(-1)^{r-j}\binom rj e^{(a+j)x}`, whose
    coefficient is :math:`\sum_j(-1)^{r-j}\binom rj (a+j)^m`; a factor
    :math:`e^{\beta e^x}=\sum_{i\ge0}\beta^i e^{ix}/i!` adds the Dobinski-type
    series :math:`\sum_{i\ge0}\beta^i/i!\,(\cdots)` (for :math:`e^{e^x-1}`:
    :math:`\frac1e\sum_{i\ge 0}\frac{1}{i!}\sum_j(-1)^{r-j}\binom rj(i+j)^m`).

    >>> x = EGF_VARIABLE
    >>> closed_form_coefficient(sympy.exp(x) * (sympy.exp(x) - 1) ** 2, 4)
    50
    >>> closed_form_coefficient(sympy.exp(sympy.exp(x) - 1), Symbol("m"))
    exp(-1)*Sum(i**m/factorial(i), (i, 0, oo))
    """
    egf = _expression(egf, "egf")
    m_expr = _expression(m, "m")
    if not isinstance(m_expr, sympy.Expr) or (m_expr.is_Number and not m_expr.is_Integer):
        raise ArgumentTypeError(f"m must be an integer or a symbolic integer, got {type(m).__name__}")
    constant, a, powers, c0, beta = _split_factors(egf)
    taken = {str(sym) for sym in egf.free_symbols | m_expr.free_symbols}
    j, i = (
        Symbol(name, integer=True, nonnegative=True)
        if name not in taken
        else sympy.Dummy(name, integer=True, nonnegative=True)
        for name in ("j", "i")
    )
    if len(powers) > 1:
        total = sum(powers, Integer(0))
        powers = [total]
    shift = a
    if powers:
        r = powers[0]
        summand = (-1) ** (r - j) * sympy.binomial(r, j)
        shift = a + j
    else:
        r = None
        summand = Integer(1)
    if beta != 0:
        inner = summand * (shift + i) ** m
        if r is not None:
            inner = sympy.Sum(inner, (j, 0, r))
        body = sympy.Sum(beta**i / sympy.factorial(i) * inner, (i, 0, oo))
    else:
        body = summand * shift**m
        if r is not None:
            body = sympy.Sum(body, (j, 0, r))
    result = constant * exp(c0) * body
    if isinstance(m, int) or (hasattr(m, "is_Integer") and m.is_Integer):
        if beta == 0 and (r is None or getattr(r, "is_Integer", False)):
            return result.doit()
    return result
