r"""Stirling numbers of the second kind, exact and symbolic.

:math:`S(n, k)` counts the partitions of an :math:`n`-set into :math:`k`
non-empty blocks,

.. math::

    S(n,k) = \frac{1}{k!}\sum_{j=0}^{k} (-1)^{j}\binom{k}{j}(k-j)^{n}.

:func:`stirling2` computes it exactly (python-flint's ``fmpz.stirling_s2``
when installed, else a pure-Python evaluation of the alternating sum, see
:func:`difference_power_sum`).  :class:`StirlingS2` is the unevaluated sympy
function used in the symbolic closed forms; it prints in LaTeX with the
Karamata--Knuth brace notation :math:`\left\{ {n \atop k} \right\}` (chosen
over :math:`S(n,k)` because "S" is overloaded in papers on loss landscapes and
the brace notation is the one of *Concrete Mathematics*).

>>> stirling2(5, 2), stirling2(10, 3, backend="python")
(15, 9330)
>>> from sympy import Symbol, latex
>>> n, k = Symbol("n"), Symbol("k")
>>> StirlingS2(5, 2)
15
>>> latex(StirlingS2(n, k))
'\\left\\{ {n \\atop k} \\right\\}'
"""

from __future__ import annotations

import numbers
from math import factorial, prod

import sympy
from sympy import Function, Integer, Sum, binomial
from sympy import factorial as sym_factorial

from .bigint import allow_printing
from .errors import (
    MAX_WIDTH,
    ArgumentTypeError,
    ArgumentValueError,
    check_choice,
    check_int,
    refuse_text,
    shorten,
)

__all__ = ["stirling2", "StirlingS2", "difference_power_sum", "BACKENDS", "flint_available"]

#: Accepted values of every ``backend`` argument.
BACKENDS = ("auto", "flint", "python")

#: Largest ``n`` accepted by :func:`stirling2` (``T(r, m)`` needs ``S(m+1, r+1)``).
MAX_N = MAX_WIDTH + 1


def flint_available() -> bool:
    """Whether python-flint can be imported (the fast backend)."""
    try:
        import flint  # noqa: F401
    except ImportError:
        return False
    return True


def _resolve_backend(backend) -> str:
    backend = check_choice(backend, "backend", BACKENDS)
    if backend == "auto":
        return "flint" if flint_available() else "python"
    if backend == "flint" and not flint_available():
        raise ArgumentValueError("backend 'flint' needs python-flint (pip install python-flint)")
    return backend


#: Odd primes whose powers are factored out of the bases in :func:`difference_power_sum`.
_SMOOTH_PRIMES = (3, 5, 7)
#: Memory budget (bits) of the cache of big powers in :func:`difference_power_sum`.
_CACHE_BITS = 2**31


def difference_power_sum(k: int, n: int, a: int = 0) -> int:
    r"""Exact :math:`\Delta^k[x^n](a)=\sum_{i=0}^{k}(-1)^{k-i}\binom{k}{i}(a+i)^n` for ints ``k, n, a >= 0``.

    This is :math:`k!\,S(n,k)` for ``a = 0`` (surjections, ``G``) and
    :math:`k!\,S(n+1,k+1)` for ``a = 1`` (``T`` in reading R1).

    Pure Python, several times faster than the naive loop (measured in
    ``benchmarks/bench_counting.py``).  The cost of the naive loop is one
    big ``pow`` and one multiplication by a thousands-of-bits binomial per
    term; here

    * every base is split as :math:`a+i = 2^e\,s\,u` with :math:`s` a product of
      3, 5, 7 and :math:`u` coprime to 210, so :math:`(a+i)^n = s^n u^n \ll en`;
      the terms are grouped by :math:`s`, each group's sum is multiplied by
      :math:`s^n` once, and :math:`u^n` is cached: only about 23% of the bases
      need a big ``pow``;
    * within a group the binomial weights are applied by *binary splitting*
      (ranges kept as :math:`(P, Q, R)`, merged by :math:`R=R_1Q_2+P_1R_2`,
      with :math:`P/Q` the ratio :math:`c_i/c_j` of consecutive weights),
      so the big powers are multiplied only by small products; all groups
      share the denominator :math:`k!`, divided out once at the end.

    (Building composite powers from prime powers does not pay in CPython:
    a product of two big powers costs as much as one ``pow``.)

    >>> difference_power_sum(3, 5), difference_power_sum(3, 5, 1)
    (150, 390)
    >>> difference_power_sum(0, 0), difference_power_sum(2, 0)
    (1, 0)
    """
    k, n = check_int(k, "k", minimum=0, maximum=MAX_N), check_int(n, "n", minimum=0, maximum=MAX_N)
    a = check_int(a, "a", minimum=0, maximum=MAX_N)
    if n == 0:
        return 1 if k == 0 else 0
    if k <= 32:
        total = 0
        binom = 1
        for i in range(k + 1):
            if i:
                binom = binom * (k - i + 1) // i
            term = binom * (a + i) ** n
            total += -term if (k - i) & 1 else term
        return total

    groups: dict = {}
    for i in range(k + 1):
        base = a + i
        if base == 0:
            continue
        e = (base & -base).bit_length() - 1
        u = base >> e
        smooth = 1
        for p in _SMOOTH_PRIMES:
            while u % p == 0:
                u //= p
                smooth *= p
        groups.setdefault(smooth, []).append((i, e, u))

    cache: dict = {}
    cache_limit = (a + k) // 2  # larger u occur once
    cached_bits = 0

    def u_power(u):
        nonlocal cached_bits
        value = cache.get(u)
        if value is None:
            value = pow(u, n)
            if u <= cache_limit and cached_bits < _CACHE_BITS:
                cache[u] = value
                cached_bits += value.bit_length()
        return value

    def split(members, previous, lo, hi):
        # (P, Q, R): P/Q = c_last/c_(index before lo), R/Q = sum of (c_i/c_(before lo)) x_i
        if hi - lo == 1:
            i, e, u = members[lo]
            j = previous[lo]
            # c_i/c_j = (-1)^(i-j) (k-j)(k-j-1)...(k-i+1) / ((j+1)...i)
            p = prod(range(k - i + 1, k - j + 1))
            q = prod(range(j + 1, i + 1))
            if (i - j) & 1:
                p = -p
            return p, q, p * (u_power(u) << (e * n))
        mid = (lo + hi) // 2
        p1, q1, r1 = split(members, previous, lo, mid)
        p2, q2, r2 = split(members, previous, mid, hi)
        return p1 * p2, q1 * q2, r1 * q2 + p1 * r2

    numerator = 0  # of the total over k!
    for smooth, members in groups.items():
        previous = [0] + [member[0] for member in members[:-1]]
        # weights relative to c_0 = (-1)^k; Q = (i_last)!, brought to k!
        _, _, r = split(members, previous, 0, len(members))
        r *= prod(range(members[-1][0] + 1, k + 1))
        if k & 1:
            r = -r
        numerator += r * pow(smooth, n) if smooth > 1 else r
    return numerator // factorial(k)


def stirling2(n, k, backend: str = "auto") -> int:
    r"""Exact Stirling number of the second kind :math:`S(n, k)` as a Python ``int``.

    ``n, k`` are integers with ``0 <= n <= MAX_WIDTH + 1`` and ``k >= 0``
    (``S(n, k) = 0`` for ``k > n``).  ``backend``: ``"flint"`` (python-flint,
    imported here), ``"python"`` (:func:`difference_power_sum`), or
    ``"auto"`` (flint when installed).

    >>> [stirling2(4, k) for k in range(5)]
    [0, 1, 7, 6, 1]
    >>> stirling2(0, 0), stirling2(3, 5, backend="python")
    (1, 0)
    >>> stirling2(-1, 0)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: n must be an integer in [0, 100001], got -1
    """
    n = check_int(n, "n", minimum=0, maximum=MAX_N)
    k = check_int(k, "k", minimum=0, maximum=MAX_N)
    backend = _resolve_backend(backend)
    if k > n:
        return 0
    if k == 0:
        return 1 if n == 0 else 0
    if backend == "flint":
        import flint

        return int(flint.fmpz.stirling_s2(n, k))
    return difference_power_sum(k, n, 0) // factorial(k)


def _check_argument(value, name: str) -> None:
    """An argument of :class:`StirlingS2`: an integer, or a sympy expression that is not a non-integer number."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, sympy.Basic)):
        raise ArgumentTypeError(
            f"{name} must be an integer or a sympy expression, got {type(value).__name__} {shorten(value)}"
        )
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr) or value.has(sympy.Float) or (value.is_Number and not value.is_Integer):
            raise ArgumentTypeError(f"{name} must be an integer or a symbolic integer expression, got {shorten(value)}")


class StirlingS2(Function):
    r"""Unevaluated Stirling number of the second kind :math:`\left\{ {n \atop k} \right\}`.

    Evaluates to an ``Integer`` when both arguments are integers (0 when
    ``k > n`` or an argument is negative); stays symbolic otherwise.
    ``.rewrite(Sum)`` (or ``.rewrite("sum")``) gives the explicit sum
    :math:`\frac{1}{k!}\sum_{j=0}^{k}(-1)^j\binom kj (k-j)^n`.

    >>> from sympy import Symbol, Sum
    >>> n, k = Symbol("n", integer=True), Symbol("k", integer=True)
    >>> StirlingS2(n, k).rewrite(Sum)
    Sum((-1)**_j*(-_j + k)**n*binomial(k, _j), (_j, 0, k))/factorial(k)
    >>> StirlingS2(n, 2).rewrite(Sum).subs(n, 5).doit()
    15
    >>> StirlingS2(7, 3)
    301
    """

    nargs = 2

    def __new__(cls, *args, **kwargs):
        # sympy would sympify (parse) text arguments: refuse them before it can
        # (at any depth: sympy parses strings inside lists, tuples and dicts too)
        if len(args) != 2 or kwargs.keys() - {"evaluate"}:
            raise ArgumentTypeError(f"StirlingS2 takes two arguments n and k, got {len(args)}")
        for name, value in zip(("n", "k"), args):
            refuse_text(value, name)
            _check_argument(value, name)
        return super().__new__(cls, *args, **kwargs)

    @classmethod
    def eval(cls, n, k):
        if n.is_Integer and k.is_Integer:
            if n < 0 or k < 0:
                return Integer(0)
            value = stirling2(int(n), int(k))
            allow_printing(value)  # a bare sympy Integer: sympy prints it, past Python's 4,300-digit limit
            return Integer(value)
        return None

    def _eval_rewrite_as_Sum(self, n, k, **kwargs):
        j = sympy.Dummy("j", integer=True, nonnegative=True)
        return Sum((-1) ** j * binomial(k, j) * (k - j) ** n, (j, 0, k)) / sym_factorial(k)

    _eval_rewrite_as_sum = _eval_rewrite_as_Sum

    def _latex(self, printer, exp=None):
        n, k = (sympy.latex(a) for a in self.args)  # natural order even under order='none'
        tex = r"\left\{ {%s \atop %s} \right\}" % (n, k)
        return tex if exp is None else r"%s^{%s}" % (tex, exp)

    def _eval_is_integer(self):
        return True

    def _eval_is_nonnegative(self):
        return True

