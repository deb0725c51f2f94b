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

The neuron roles (mathematical reference, 'Global-minimum subspaces' and 'Critical subspaces') are species:
the zero-type neurons form a SET,
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

>>> from symbolic_minima.species import EGF_VARIABLE as x
>>> global_minimum_species(3).egf()
(exp(x) - 1)**3*exp(x)
>>> global_minimum_species(3).count(5), critical_species(3).count(5)
(390, 150)
>>> global_minimum_species(3, zero_type="R2").count(5)
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

import sys
from collections.abc import Iterator
from fractions import Fraction
from itertools import combinations
from typing import TYPE_CHECKING, Any

from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    as_expression,
    check_int,
    check_width,
    shorten,
)

if TYPE_CHECKING:
    import sympy

    #: The variable of every exponential generating function.
    EGF_VARIABLE: sympy.Symbol

__all__ = [
    "EGF_VARIABLE",
    "Species",
    "Set",
    "NonEmptySet",
    "SizedSet",
    "SignedSet",
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

# sympy is imported only where an EGF is built (it takes about a second to import):
# counting by a registered route, enumeration and the species' structures need no sympy.
_EGF_VARIABLE: list = []


def _x():
    """The variable :data:`EGF_VARIABLE` (created, and sympy imported, on first use)."""
    if not _EGF_VARIABLE:
        from sympy import Symbol

        _EGF_VARIABLE.append(Symbol("x"))
    return _EGF_VARIABLE[0]


def __getattr__(name):
    # EGF_VARIABLE: the variable of every exponential generating function, the sympy Symbol ``x``
    if name == "EGF_VARIABLE":
        return _x()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _is_symbol(value) -> bool:
    """Whether ``value`` is a sympy Symbol (without importing sympy: no Symbol exists before it is imported)."""
    sympy = sys.modules.get("sympy")
    return sympy is not None and isinstance(value, sympy.Symbol)

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
        return self.egf().free_symbols - {_x()}

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
        import sympy

        return f"${self._tex()} \\;\\leftrightarrow\\; {sympy.latex(self.egf())}$"


class Set(Species):
    r"""The species :math:`E` of sets: exactly one structure (the set itself) on every label set.

    >>> Set().egf(), sorted(Set().structures((1, 2)))
    (exp(x), [frozenset({1, 2})])
    """

    def __init__(self, name: str | None = None):
        self.name = name

    def egf(self):
        from sympy import exp

        return exp(_x())

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
        from sympy import exp

        return exp(_x()) - 1

    def structures(self, labels):
        labels = _labels(labels)
        if labels:
            yield frozenset(labels)

    def _notation(self):
        return "SET_{>=1}"

    def _tex(self):
        return r"\mathrm{SET}_{\geq 1}"


class SizedSet(Species):
    r"""Sets whose size lies in ``[low, high]`` (``high=None``: unbounded); ``low >= 1``.

    EGF :math:`\sum_{n=low}^{high}x^n/n!`, or :math:`e^x-\sum_{n<low}x^n/n!` when unbounded.

    >>> SizedSet(1, 1).egf(), SizedSet(2, 3).egf(), SizedSet(2).egf()
    (x, x**3/6 + x**2/2, -x + exp(x) - 1)
    """

    def __init__(self, low: int = 1, high: int | None = None, name: str | None = None):
        self.low = check_int(low, "low", minimum=1)
        self.high = None if high is None else check_int(high, "high", minimum=self.low)
        self.name = name

    def _key(self):
        return (self.low, self.high)

    def egf(self):
        import sympy
        from sympy import Integer, exp

        x = _x()
        if self.high is None:
            return exp(x) - sum((x**n / sympy.factorial(n) for n in range(self.low)), Integer(0))
        return sum((x**n / sympy.factorial(n) for n in range(self.low, self.high + 1)), Integer(0))

    def structures(self, labels):
        labels = _labels(labels)
        if self.low <= len(labels) and (self.high is None or len(labels) <= self.high):
            yield frozenset(labels)

    def _notation(self):
        return f"SET_{{{self.low}..{'' if self.high is None else self.high}}}"

    def _tex(self):
        top = r"\infty" if self.high is None else str(self.high)
        return rf"\mathrm{{SET}}_{{[{self.low},{top}]}}"


class SignedSet(Species):
    r"""Sets of size in ``[low, high]`` whose elements each carry a sign :math:`\pm1`.

    ``up_to_flip=True``: sign patterns are identified with their global flip
    (the first element's sign is ``+1``), :math:`2^{n-1}` structures on
    ``n`` labels; otherwise :math:`2^n`.  Structures are frozensets of
    ``(label, sign)`` pairs.

    >>> SignedSet(1).egf(), SignedSet(1, up_to_flip=True).egf()
    (exp(2*x) - 1, exp(2*x)/2 - 1/2)
    >>> [SignedSet(2, up_to_flip=True).count(n) for n in range(5)]
    [0, 0, 2, 4, 8]
    """

    def __init__(self, low: int = 1, high: int | None = None, up_to_flip: bool = False, name: str | None = None):
        self.low = check_int(low, "low", minimum=1)
        self.high = None if high is None else check_int(high, "high", minimum=self.low)
        self.up_to_flip, self.name = bool(up_to_flip), name

    def _key(self):
        return (self.low, self.high, self.up_to_flip)

    def egf(self):
        import sympy
        from sympy import Integer, Rational, exp

        x = _x()
        scale = Rational(1, 2) if self.up_to_flip else Integer(1)
        if self.high is None:
            full = exp(2 * x) - sum(((2 * x) ** n / sympy.factorial(n) for n in range(self.low)), Integer(0))
        else:
            full = sum(((2 * x) ** n / sympy.factorial(n) for n in range(self.low, self.high + 1)), Integer(0))
        return sympy.expand(scale * full) if self.up_to_flip else full

    def structures(self, labels):
        labels = _labels(labels)
        n = len(labels)
        if n < self.low or (self.high is not None and n > self.high):
            return
        for pattern in range(2 ** (n - 1) if self.up_to_flip else 2**n):
            signs = [(-1 if pattern >> k & 1 else 1) for k in range(n)]
            if self.up_to_flip:  # the first label's sign is +1
                signs = [1] + [(-1 if pattern >> k & 1 else 1) for k in range(n - 1)]
            yield frozenset(zip(labels, signs))

    def _notation(self):
        flip = "/flip" if self.up_to_flip else ""
        return f"SIGNED_SET_{{{self.low}..{'' if self.high is None else self.high}}}{flip}"

    def _tex(self):
        top = r"\infty" if self.high is None else str(self.high)
        flip = r"/\pm" if self.up_to_flip else ""
        return rf"\mathrm{{SET}}^{{\pm{flip}}}_{{[{self.low},{top}]}}"


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
    activation-dependent neuron classes of the later literature (mathematical reference, 'Activation classes').

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
        if _is_symbol(r):
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
        if _is_symbol(r) and r.name in values:
            r = values[r.name]
        return Power(self.block.subs(**values), r, self.name)

    def structures(self, labels):
        labels = _labels(labels)
        if _is_symbol(self.r):
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
        import sympy

        return rf"\left({self.block._tex()}\right)^{{{sympy.latex(self.r)}}}"


def _has_empty_structure(species: Species) -> bool:
    """Whether ``species`` has a structure on the empty set (:math:`A(0)\\ne0`), by enumeration when possible."""
    try:
        return any(True for _ in species.structures(()))
    except ArgumentValueError:  # a symbolic exponent: ask the EGF
        return species.egf().subs(_x(), 0) != 0


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
        if _has_empty_structure(block):
            raise ArgumentValueError("SetOf(A) needs A to have no structure on the empty set")
        self.block, self.name = block, name

    def _key(self):
        return (self.block,)

    def egf(self):
        from sympy import exp

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
    if _is_symbol(r):
        return r
    return check_width(r, "r")


def critical_species(r) -> Species:
    r"""Symmetry-induced critical subspaces: r ordered non-empty replica groups, :math:`(e^x-1)^r`.

    (See the mathematical reference, 'Critical subspaces'.)

    The species of the registered critical reading (:mod:`symbolic_minima.readings`).
    """
    from .readings import CRITICAL_READING

    return CRITICAL_READING.species(_check_r(r))


class _DefaultReading:
    """The default of ``zero_type`` here: :data:`~symbolic_minima.readings.DEFAULT_ZERO_TYPE`.

    (The registry of readings is built from these species, so its constants
    cannot be imported when this module is defined; the default is looked up
    at call time and prints as its name.)
    """

    def __repr__(self) -> str:
        return "DEFAULT_ZERO_TYPE"


_DEFAULT_READING: Any = _DefaultReading()


def _global_reading(zero_type):
    from .readings import DEFAULT_ZERO_TYPE, GLOBAL_MINIMUM, get_reading

    return get_reading(DEFAULT_ZERO_TYPE if zero_type is _DEFAULT_READING else zero_type, family=GLOBAL_MINIMUM)


def global_minimum_species(r, zero_type: str = _DEFAULT_READING) -> Species:
    r"""Global-minimum subspaces of a width-``r`` teacher, in the named reading.

    (See the mathematical reference, 'Global-minimum subspaces'.)

    ``zero_type``: a registered global-minimum reading (default
    :data:`~symbolic_minima.readings.DEFAULT_ZERO_TYPE`, R1).  The product of the reading's role
    factors (:meth:`~symbolic_minima.readings.Reading.species`):
    R1, zero-type neurons times r replica groups, :math:`e^x(e^x-1)^r`; R2, r replica
    groups times zero-sum groups, :math:`(e^x-1)^r e^{e^x-1}`.

    >>> global_minimum_species(2, "R2").egf()
    (exp(x) - 1)**2*exp(exp(x) - 1)
    """
    return _global_reading(zero_type).species(_check_r(r))


def structure_to_labelling(structure, m: int, zero_type: str | None = _DEFAULT_READING) -> tuple:
    """Turn a structure of :func:`global_minimum_species` (labels ``0..m-1``) into a labelling.

    The labelling follows :mod:`symbolic_minima.labels` (``i`` replica of
    teacher neuron ``i``, ``0`` zero-type neuron, ``-c`` zero-sum group ``c``
    numbered by first neuron).  ``zero_type``: the reading of the structure
    (default :data:`~symbolic_minima.readings.DEFAULT_ZERO_TYPE`); structures of
    :func:`critical_species` (a tuple of blocks) are accepted with ``zero_type=None``.

    >>> structure_to_labelling((frozenset({1}), (frozenset({0, 2}),)), 3)
    (1, 0, 1)
    """
    from .readings import CRITICAL_READING

    m = check_int(m, "m", minimum=0, maximum=MAX_ENUMERATION_LABELS * 1000)
    reading = CRITICAL_READING if zero_type is None else _global_reading(zero_type)
    try:
        return reading.structure_to_label(structure, m)
    except ArgumentValueError:
        raise
    except (TypeError, ValueError, IndexError, KeyError):
        raise ArgumentValueError(
            f"structure is not a structure of the species of this reading on labels 0..{m - 1}: {shorten(structure)}"
        ) from None


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
        return [u + v for u, v in zip(a, b, strict=True)]

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
        import sympy
        from sympy import Add, Mul, Pow

        if expr == _x():
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

    >>> import sympy
    >>> from symbolic_minima.species import EGF_VARIABLE as x
    >>> coefficient(sympy.exp(x) * (sympy.exp(x) - 1) ** 3, 5)
    390
    >>> coefficient(sympy.exp(sympy.exp(x) - 1), 10)
    115975
    """
    from sympy import Integer, Rational

    m = check_int(m, "m", minimum=0, maximum=MAX_SERIES_ORDER)
    egf = _expression(egf, "egf")
    x = _x()
    if egf.free_symbols - {x}:
        raise ArgumentValueError(
            "coefficient needs numeric parameters; free symbols: "
            + ", ".join(sorted(map(str, egf.free_symbols - {x})))
        )
    value = _Series(m).of(egf)[m]
    return Rational(value.numerator, value.denominator) if isinstance(value, Fraction) else Integer(value)


# ---- closed forms for symbolic m: expansion into exponentials e^{b x}


def _positive_rate(expr, x):
    """``c`` (a positive rational) when ``expr`` is ``e^{c x}``, else ``None``."""
    import sympy

    if isinstance(expr, sympy.exp) or (isinstance(expr, sympy.Pow) and expr.base is sympy.E):
        arg = expr.exp if isinstance(expr, sympy.Pow) else expr.args[0]
        rate = sympy.simplify(arg / x)
        if rate.is_Rational and rate > 0:
            return rate
    return None


def _split_exponent(arg, x, factor):
    """``(c0, a, beta, d)`` with ``arg == c0 + a x + beta e^{d x}`` (``beta = 0``: no such term)."""
    import sympy
    from sympy import Integer

    c0, a, beta, d = Integer(0), Integer(0), Integer(0), None
    for term in sympy.Add.make_args(sympy.expand(arg)):
        if not term.has(x):
            c0 += term
            continue
        ratio = sympy.simplify(term / x)
        if not ratio.has(x):
            a += ratio
            continue
        coefficient, rest = term.as_independent(x, as_Add=False)
        rate = _positive_rate(rest, x)
        if rate is None or (d is not None and rate != d):
            raise ArgumentValueError(f"closed_form_coefficient: unsupported factor {factor}")
        beta, d = beta + coefficient, rate
    return c0, a, beta, d


def _split_factors(egf):
    r"""Split ``egf`` into ``(constant, a, powers, c0, beta, d)`` with
    ``egf = constant * e^{a x} * prod_{(c, r) in powers} (e^{c x}-1)^{r} * exp(c0 + beta e^{d x})``."""
    import sympy
    from sympy import Integer, Mul, Pow

    x = _x()
    constant, a, c0, beta, d = Integer(1), Integer(0), Integer(0), Integer(0), None
    powers = []
    for factor in Mul.make_args(egf):
        if not factor.has(x):
            constant *= factor
            continue
        if isinstance(factor, sympy.exp) or (isinstance(factor, Pow) and factor.base is sympy.E):
            arg = factor.exp if isinstance(factor, Pow) else factor.args[0]
            f_c0, f_a, f_beta, f_d = _split_exponent(arg, x, factor)
            if f_beta != 0 and d is not None and f_d != d:
                raise ArgumentValueError(f"closed_form_coefficient: unsupported factor {factor}")
            c0, a, beta = c0 + f_c0, a + f_a, beta + f_beta
            if f_beta != 0:
                d = f_d
            continue
        base, e = (factor.base, factor.exp) if isinstance(factor, Pow) else (factor, Integer(1))
        rate = _positive_rate(sympy.expand(base + 1), x)
        if rate is not None and not e.has(x):
            powers.append((rate, e))
            continue
        raise ArgumentValueError(f"closed_form_coefficient: unsupported factor {factor}")
    if len({rate for rate, _ in powers}) > 1:
        raise ArgumentValueError("closed_form_coefficient: factors (e^{cx}-1) with different rates c are not supported")
    return constant, a, powers, c0, beta, (Integer(1) if d is None else d)


def closed_form_coefficient(egf, m):
    r"""Closed form of :math:`m!\,[x^m]` ``egf`` for a symbolic (or numeric) ``m``.

    Supports EGFs of the form
    :math:`C\,e^{ax}(e^{cx}-1)^{r}\,e^{c_0+\beta e^{dx}}` (``r`` an int or
    Symbol; ``a`` rational, ``c, d`` positive rationals), which covers every
    neuron-role species here, the activation classes included (their sign
    classes give :math:`e^{2x}-1` and :math:`e^{(e^{2x}-1)/2}`).  The binomial
    theorem gives :math:`e^{ax}(e^{cx}-1)^r=\sum_{j=0}^r(-1)^{r-j}\binom rj e^{(a+cj)x}`,
    whose coefficient is :math:`\sum_j(-1)^{r-j}\binom rj (a+cj)^m`; a factor
    :math:`e^{\beta e^{dx}}=\sum_{i\ge0}\beta^i e^{idx}/i!` adds the Dobinski-type
    series :math:`\sum_{i\ge0}\beta^i/i!\,(\cdots)` (for :math:`e^{e^x-1}`:
    :math:`\frac1e\sum_{i\ge 0}\frac{1}{i!}\sum_j(-1)^{r-j}\binom rj(i+j)^m`).

    >>> import sympy
    >>> from sympy import Symbol
    >>> from symbolic_minima.species import EGF_VARIABLE as x
    >>> closed_form_coefficient(sympy.exp(x) * (sympy.exp(x) - 1) ** 2, 4)
    50
    >>> closed_form_coefficient(sympy.exp(sympy.exp(x) - 1), Symbol("m"))
    exp(-1)*Sum(i**m/factorial(i), (i, 0, oo))
    >>> closed_form_coefficient(sympy.exp(2 * x) * (sympy.exp(2 * x) - 1), 2)
    12
    >>> closed_form_coefficient(sympy.exp((sympy.exp(2 * x) - 1) / 2), Symbol("m"))
    exp(-1/2)*Sum((2*i)**m/(2**i*factorial(i)), (i, 0, oo))
    """
    import sympy
    from sympy import Integer, Symbol, exp, oo

    egf = _expression(egf, "egf")
    m_expr = _expression(m, "m")
    if not isinstance(m_expr, sympy.Expr) or (m_expr.is_Number and not m_expr.is_Integer):
        raise ArgumentTypeError(f"m must be an integer or a symbolic integer, got {type(m).__name__}")
    constant, a, powers, c0, beta, d = _split_factors(egf)
    taken = {str(sym) for sym in egf.free_symbols | m_expr.free_symbols}
    j, i = (
        Symbol(name, integer=True, nonnegative=True)
        if name not in taken
        else sympy.Dummy(name, integer=True, nonnegative=True)
        for name in ("j", "i")
    )
    shift = a
    if powers:
        rate = powers[0][0]
        r = sum((e for _, e in powers), Integer(0))
        summand = (-1) ** (r - j) * sympy.binomial(r, j)
        shift = a + rate * j
    else:
        r = None
        summand = Integer(1)
    if beta != 0:
        inner = summand * (shift + d * i) ** m
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
