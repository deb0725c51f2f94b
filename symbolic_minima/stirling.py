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
the brace notation is the one of *Concrete Mathematics*).  It lives in
:mod:`symbolic_minima._stirling_symbolic` and is imported, with sympy, on first
use: the integer functions here need no sympy.

>>> stirling2(5, 2), stirling2(10, 3, backend="python")
(15, 9330)
>>> from sympy import Symbol, latex
>>> from symbolic_minima.stirling import StirlingS2
>>> n, k = Symbol("n"), Symbol("k")
>>> StirlingS2(5, 2)
15
>>> latex(StirlingS2(n, k))
'\\left\\{ {n \\atop k} \\right\\}'
"""

from __future__ import annotations

from math import factorial, prod
from typing import TYPE_CHECKING

from .errors import (
    MAX_WIDTH,
    ArgumentValueError,
    check_choice,
    check_int,
)

if TYPE_CHECKING:
    from ._stirling_symbolic import StirlingS2

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
#: :func:`difference_power_sum` takes the plain alternating sum for ``k <= _PLAIN_SUM_TERMS`` or powers
#: :math:`(a+k)^n` of fewer than ``_PLAIN_SUM_BITS`` bits: below these sizes the plain loop is the
#: faster one (CPU time, best of 5, 1 <= k <= n <= 10,000: the crossover lies between 7,000 and
#: 10,500 bits whatever k; ``benchmarks/bench_counting.py``, group "alternating sum").
_PLAIN_SUM_TERMS = 32
_PLAIN_SUM_BITS = 11_000


def _plain_sum(k: int, n: int, a: int) -> int:
    """The plain alternating sum (its own function: no closure cells slow its loop down)."""
    total = 0
    binom = 1
    for i in range(k + 1):
        if i:
            binom = binom * (k - i + 1) // i
        term = binom * (a + i) ** n
        total += -term if (k - i) & 1 else term
    return total


def difference_power_sum(k: int, n: int, a: int = 0) -> int:
    r"""Exact :math:`\Delta^k[x^n](a)=\sum_{i=0}^{k}(-1)^{k-i}\binom{k}{i}(a+i)^n` for ints ``k, n, a >= 0``.

    This is :math:`k!\,S(n,k)` for ``a = 0`` (surjections, ``G``) and
    :math:`k!\,S(n+1,k+1)` for ``a = 1`` (``T`` in reading R1).

    Pure Python, never slower than the plain alternating sum and up to
    several times faster for big powers (measured in
    ``benchmarks/bench_counting.py``).  Small sums (``k <= 32`` or powers below
    11,000 bits) are summed plainly; ``k > n`` gives 0 (a ``k``-th difference of
    a polynomial of degree ``n``).  Otherwise the cost of the plain loop is one
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
    if not (type(k) is int and type(n) is int and type(a) is int and 0 <= k <= MAX_N and 0 <= n <= MAX_N
            and 0 <= a <= MAX_N):
        # (the fast test above spares small sums the cost of three checks)
        k, n = check_int(k, "k", minimum=0, maximum=MAX_N), check_int(n, "n", minimum=0, maximum=MAX_N)
        a = check_int(a, "a", minimum=0, maximum=MAX_N)
    if n == 0:
        return 1 if k == 0 else 0
    if k > n:
        return 0
    if k <= _PLAIN_SUM_TERMS or n * (a + k).bit_length() < _PLAIN_SUM_BITS:
        return _plain_sum(k, n, a)

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


def __getattr__(name):
    # StirlingS2 is a sympy Function: imported (with sympy) on first use only, so that
    # integer counts need no sympy
    if name == "StirlingS2":
        from ._stirling_symbolic import StirlingS2

        return StirlingS2
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
