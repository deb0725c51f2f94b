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

from math import factorial

import sympy
from sympy import Function, Integer, Sum, binomial, factorial as sym_factorial

from .errors import MAX_WIDTH, ArgumentValueError, check_choice, check_int

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


def _smallest_odd_prime_factors(limit: int) -> list:
    """``spf[q]`` = smallest prime factor of odd ``q <= limit`` (even entries unused)."""
    spf = list(range(limit + 1))
    p = 3
    while p * p <= limit:
        if spf[p] == p:
            for multiple in range(p * p, limit + 1, 2 * p):
                if spf[multiple] == multiple:
                    spf[multiple] = p
        p += 2
    return spf


def difference_power_sum(k: int, n: int, a: int = 0) -> int:
    r"""Exact :math:`\Delta^k[x^n](a)=\sum_{i=0}^{k}(-1)^{k-i}\binom{k}{i}(a+i)^n` for ints ``k, n, a >= 0``.

    This is :math:`k!\,S(n,k)` for ``a = 0`` (surjections, ``G``) and
    :math:`k!\,S(n+1,k+1)` for ``a = 1`` (``T`` in reading R1).

    Pure Python, but much faster than the naive loop: the bases
    :math:`b = a + i` are split as :math:`b = 2^e q` with :math:`q` odd, so
    :math:`b^n = q^n \cdot 2^{en}` costs a shift; the partial sums of each
    :math:`e` class are combined by shifts at the end.  Odd powers
    :math:`q^n` are computed once, for primes by ``pow`` and for composites
    as products of two stored powers (smallest-prime-factor sieve).

    >>> difference_power_sum(3, 5), difference_power_sum(3, 5, 1)
    (150, 390)
    """
    if n == 0:
        return 1 if k == 0 else 0
    top = a + k
    spf = _smallest_odd_prime_factors(top)
    odd_powers = {1: 1}
    partial: dict = {}
    coefficient = 1  # binomial(k, i)
    for i in range(k + 1):
        if i:
            coefficient = coefficient * (k - i + 1) // i
        base = a + i
        if base == 0:
            continue  # 0**n == 0 for n >= 1
        e = (base & -base).bit_length() - 1
        q = base >> e
        power = odd_powers.get(q)
        if power is None:
            p = spf[q]
            power = pow(q, n) if p == q else odd_powers[p] * odd_powers[q // p]
            odd_powers[q] = power
        term = coefficient * power
        partial[e] = partial.get(e, 0) + (-term if (k - i) & 1 else term)
    return sum(value << (e * n) for e, value in partial.items())


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

    @classmethod
    def eval(cls, n, k):
        if n.is_Integer and k.is_Integer:
            if n < 0 or k < 0:
                return Integer(0)
            return Integer(stirling2(int(n), int(k)))
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

