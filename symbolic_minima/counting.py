r"""Exact counts of global-minimum subspaces :math:`T(r, m)` and critical subspaces :math:`G(r, m)`.

This module is the only place that counts.  A count is the number of labels of
a registered :class:`~symbolic_minima.readings.Reading` (its species'
structures), computed by :func:`count_subspaces` through one of the reading's
*count routes* (``method=``):

* ``"species"``: :math:`m![x^m]` of the reading's EGF by power-series
  arithmetic (:meth:`~symbolic_minima.species.Species.count`), always available;
* ``"enumeration"``: counting :meth:`~symbolic_minima.readings.Reading.labellings`
  (guarded: ``m <= MAX_ENUMERATION_WIDTH``), always available;
* fast routes registered on the reading (:attr:`~symbolic_minima.readings.Reading.routes`),
  here for the built-in readings, each *derived* from the reading's species;
  ``"auto"`` lets the reading choose (:attr:`~symbolic_minima.readings.Reading.auto`),
  or takes the species route when it registered none.

So a reading registered from outside the package is counted at once (species
and enumeration routes), and :func:`T` / :func:`G` are :func:`count_subspaces`
for a global-minimum reading and for the critical reading.  The tests compare
every route with every other.

``T(r, m, zero_type="R1")`` (reading R1, singletons; EGF :math:`e^x(e^x-1)^r`):

* ``"stirling"``: :math:`r!\,S(m+1,r+1)` (from :math:`e^x(e^x-1)^r=\frac{1}{r+1}\frac{d}{dx}(e^x-1)^{r+1}`);
* ``"inclusion_exclusion"``: :math:`\sum_{j=0}^r(-1)^j\binom rj(r+1-j)^m` (binomial expansion of the EGF);
* ``"zero_type_sum"``: :math:`\sum_k\binom mk G(r,m-k)` (choose the k zero-type neurons);
* ``"recurrence"``: :math:`T(r,m)=(r+1)T(r,m-1)+r\,T(r-1,m-1)`, :math:`T(0,m)=1`.

``T(r, m, zero_type="R2")`` (reading R2, groups; EGF :math:`(e^x-1)^r e^{e^x-1}`):

* ``"power_sum"``: :math:`\frac{1}{(m-r)!}\sum_{J=0}^{m}V_J\,J^m` (:func:`groups_power_sum`:
  the EGF is :math:`f(e^x-1)` with :math:`f(y)=y^re^y`, truncated at :math:`y^m`);
* ``"stirling"``: :math:`\sum_{k=r}^{m} k^{\underline r} S(m,k)` (partitions of [m] with r marked blocks);
* ``"inclusion_exclusion"``: :math:`\sum_j(-1)^j\binom rj B^{(r-j)}_m` with the r-Bell numbers
  :math:`B^{(a)}_m=\sum_k\binom mk a^{m-k}B_k`;
* ``"zero_type_sum"``: :math:`\sum_k\binom mk B_k\,G(r,m-k)`;
* ``"recurrence"``: :math:`T(r,m)=(r+1)T(r,m-1)+r\,T(r-1,m-1)+T(r+1,m-1)`, :math:`T(0,m)=B_m`
  (from :math:`F_r'=(r+1)F_r+rF_{r-1}+F_{r+1}` for the EGFs :math:`F_r`).

``G(r, m)`` (the critical reading, EGF :math:`(e^x-1)^r`): ``"stirling"`` :math:`r!\,S(m,r)`;
``"inclusion_exclusion"`` :math:`\sum_j(-1)^j\binom rj(r-j)^m`; ``"recurrence"``
:math:`G(r,m)=r\,G(r,m-1)+r\,G(r-1,m-1)`.

Speed (``benchmarks/bench_counting.py``, 2 shared cores): reading R1 and ``G``
take one Stirling number (python-flint) or one alternating sum (pure Python,
:func:`~symbolic_minima.stirling.difference_power_sum`): :math:`T(5000, 10000)`
in ~0.2 s with flint, a few seconds without.  Reading R2 takes :math:`m` big
powers (:func:`groups_power_sum`): :math:`T_{R2}(1000, 2000)` in ~0.04-0.08 s
with flint (about 6 times :math:`T_{R1}` at the same size) and ~0.15-0.4 s in
pure Python.  The ``"stirling"``, ``"zero_type_sum"`` and ``"recurrence"``
routes of R2 need a Stirling row, a column of ``G`` or a triangle
(:math:`O(m^2)` big-integer steps, seconds at this size) and serve as
independent checks.

**Activation classes** (``activation=``, a class name such as ``"odd"`` or an
activation name such as ``"tanh"``; :mod:`symbolic_minima.activation_classes`).
Each class registers its own readings (R1, R2, critical); every one has an EGF
:math:`e^{ax}(e^{cx}-1)^r\exp(\gamma(e^{cx}-1))` (:class:`ExponentialShape`,
:data:`CLASS_SHAPES`), and its routes are the binomial expansions of that EGF:

* ``"inclusion_exclusion"`` (:math:`\gamma=0`): :math:`\sum_j(-1)^j\binom rj(c(r-j)+a)^m`
  (:func:`stepped_power_sum`), e.g. odd R1 :math:`\sum_j(-1)^j\binom rj(2(r-j)+2)^m`;
* ``"stirling"`` (:math:`\gamma=0`): e.g. odd R1 :math:`2^m\,r!\,S(m+1,r+1)`, even critical
  :math:`2^m\,r!\,S(m,r)`, zero-at-origin R1 :math:`r!\,(S(m+2,r+2)-S(m+1,r+2))`;
* ``"power_sum"`` (groups, :math:`\gamma\ne0`): :func:`exponential_power_sum`;
* ``"zero_type_sum"``: the product rule, free neurons times replica blocks;
* ``"recurrence"``: the triangle :math:`T(r,m+1)=(a+rc+\gamma c)T(r,m)+rc\,T(r-1,m)+\gamma c\,T(r+1,m)`
  from the EGF's derivative (also used by :func:`T_table`, :func:`G_table`).

>>> T(2, 4, activation="odd"), T(2, 4, zero_type="R2", activation="odd"), G(2, 4, activation="odd")
(800, 896, 464)

Arguments: ``1 <= r <= m <= MAX_WIDTH`` (= 100,000, from :mod:`symbolic_minima.errors`;
:math:`T(r,m)` has about :math:`m\log_{10}(r+1)` digits, so larger widths
would mean multi-megabyte integers).  ``backend`` (``"auto"|"flint"|"python"``)
is used by the routes that can use python-flint.

Integer counts import neither sympy nor networkx; the closed forms
(:func:`closed_form`, :attr:`Count.closed_form`) import sympy when asked for.

>>> T(3, 5), T(3, 5, zero_type="R2"), G(3, 5)
(390, 450, 150)
>>> [T(3, 5, method=k) for k in METHODS_T[1:]]
[390, 390, 390, 390, 390, 390]
>>> count("T", 2, 4, zero_type="R2")
Count(quantity='T', r=2, m=4, zero_type='groups', value=62, reading='R2')
>>> closed_form("T")
StirlingS2(m + 1, r + 1)*factorial(r)
>>> count_subspaces("R2", 3, 5, method="species"), count_methods("R1")[1:3]
(450, ('stirling', 'inclusion_exclusion'))
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from math import comb, factorial
from typing import TYPE_CHECKING

from .activation_classes import activation_class_names
from .bigint import int_to_str, lifts_int_limit
from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    check_choice,
    check_instance,
    check_int,
    check_sequence,
    check_width,
)
from .progress import progress, progress_enabled
from .readings import (
    CRITICAL,
    CRITICAL_READING,
    DEFAULT_ZERO_TYPE,
    GENERIC,
    GLOBAL_MINIMUM,
    GROUPS,
    SINGLETONS,
    ZERO_TYPES,
    Reading,
    check_rm,
    get_reading,
    registered_readings,
)
from .species import MAX_SERIES_ORDER, NonEmptySet, Set, SetOf
from .stirling import BACKENDS, _resolve_backend, difference_power_sum, flint_available, stirling2

if TYPE_CHECKING:
    import sympy

    from .readings import CountRoute

    #: The symbols of the symbolic closed forms (sympy Symbols, created on first use).
    r_sym: sympy.Symbol
    m_sym: sympy.Symbol

__all__ = [
    "T",
    "G",
    "count_subspaces",
    "count_methods",
    "T_table",
    "G_table",
    "Count",
    "count",
    "closed_form",
    "latex_form",
    "bell_numbers",
    "groups_power_sum",
    "TriangleRoute",
    "ExponentialShape",
    "CLASS_SHAPES",
    "shape_of_roles",
    "attach_shape_routes",
    "exponential_shape",
    "egf_shape",
    "stepped_power_sum",
    "exponential_power_sum",
    "form_value",
    "r_sym",
    "m_sym",
    "METHODS_T",
    "METHODS_G",
    "ALWAYS_AVAILABLE",
    "FORMS",
    "MAX_ENUMERATION_WIDTH",
    "MAX_TRIANGLE_STEPS",
]

#: The routes of ``T`` in the built-in readings (R2 also has ``"power_sum"``; see :func:`count_methods`).
METHODS_T = ("auto", "stirling", "inclusion_exclusion", "zero_type_sum", "recurrence", "species", "enumeration")
#: The routes of ``G``.
METHODS_G = ("auto", "stirling", "inclusion_exclusion", "recurrence", "species", "enumeration")
#: The routes every reading has.
ALWAYS_AVAILABLE = ("species", "enumeration")
#: Forms of :func:`closed_form`.
FORMS = ("stirling", "sum", "egf", "convolution")
#: Largest ``m`` for ``method="enumeration"`` (it lists every labelling).
MAX_ENUMERATION_WIDTH = 10
#: Largest ``max(r) * max(m)`` for the triangle recurrences (tables, ``method="recurrence"``):
#: about a minute of Python big-int steps.
MAX_TRIANGLE_STEPS = 25_000_000

# --------------------------------------------------------------------------- symbols (sympy on demand)

_SYMBOLS: dict = {}


def _symbol(name: str):
    if name not in _SYMBOLS:
        from sympy import Symbol

        _SYMBOLS[name] = Symbol(name, integer=True, positive=True)
    return _SYMBOLS[name]


def __getattr__(name):
    # r_sym, m_sym: the symbols r and m of the closed forms (integer, positive); sympy is imported on first use
    if name in ("r_sym", "m_sym"):
        return _symbol(name[0])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- the dispatcher


def _with_routes(reading: Reading) -> Reading:
    """The reading, with the :class:`ExponentialShape` routes attached if it has none yet and has that shape."""
    if not reading.routes and reading.auto is None:
        attach_shape_routes(reading)
    return reading


def count_methods(reading, activation=None) -> tuple:
    r"""The ``method`` values :func:`count_subspaces` accepts for ``reading`` (of the class ``activation``).

    Parameters
    ----------
    reading : str or Reading
        A registered reading (name or alias, e.g. ``"R2"``) or a
        :class:`~symbolic_minima.readings.Reading`.
    activation : str, optional
        The activation class (class or activation name; ``None``: generic).

    Returns
    -------
    tuple of str
        ``"auto"``, the reading's registered routes in order of preference, then
        :data:`ALWAYS_AVAILABLE`.

    Examples
    --------
    >>> count_methods("R2")
    ('auto', 'power_sum', 'stirling', 'inclusion_exclusion', 'zero_type_sum', 'recurrence', 'species', 'enumeration')
    >>> count_methods("R1", activation="odd")
    ('auto', 'stirling', 'inclusion_exclusion', 'zero_type_sum', 'recurrence', 'species', 'enumeration')
    """
    reading = _with_routes(get_reading(reading, activation))
    return ("auto",) + tuple(name for name in reading.routes if name not in ALWAYS_AVAILABLE) + ALWAYS_AVAILABLE


def _auto_method(reading: Reading, backend: str) -> str:
    """The reading's choice (:attr:`~symbolic_minima.readings.Reading.auto`), else its first route, else the species."""
    if not reading.routes:
        return "species"
    if reading.auto is None:
        return next(iter(reading.routes))
    return check_choice(reading.auto(backend), f"the automatic method of reading {reading.name!r}",
                        count_methods(reading)[1:])


def count_subspaces(reading, r, m, method: str = "auto", backend: str = "auto", activation=None) -> int:
    r"""The number of labels (subspaces) of width ``m`` over a width-``r`` network in ``reading``.

    Parameters
    ----------
    reading : str or Reading
        A :class:`~symbolic_minima.readings.Reading` or the name or alias of a
        registered one (any family: global-minimum readings give :math:`T`,
        the critical reading :math:`G`).
    r, m : int
        Widths, :math:`1\le r\le m\le` ``MAX_WIDTH``.
    method : str
        One of :func:`count_methods` (``"auto"``: the reading's choice
        :attr:`~symbolic_minima.readings.Reading.auto`, else its first
        registered route, else ``"species"``).
    backend : {"auto", "flint", "python"}
        For the routes that can use python-flint.
    activation : str, optional
        The activation class (a class name or an activation name, see
        :mod:`symbolic_minima.activation_classes`; ``None``: generic) whose
        readings ``reading`` names.

    Returns
    -------
    int
        The exact count (a Python int of any size).

    Raises
    ------
    ArgumentValueError, ArgumentTypeError
        A width out of range or not an int, an unknown reading or method.

    Examples
    --------
    >>> count_subspaces("R1", 3, 5), count_subspaces(CRITICAL_READING, 3, 5, method="enumeration")
    (390, 150)
    >>> count_subspaces("R1", 1, 2, activation="tanh")
    12
    >>> count_subspaces("R1", 3, 5, method="power_sum")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: method must be one of 'auto', 'stirling', ...; got 'power_sum'
    """
    reading = _with_routes(get_reading(reading, activation))
    r, m = check_rm(r, m)
    method = check_choice(method, "method", count_methods(reading))
    backend = check_choice(backend, "backend", BACKENDS)
    estimate = _budget_key(reading)
    if estimate is not None and method in _ESTIMATED_METHODS:  # refuse what would take hours (#14)
        quantity, zero_type, base, name = estimate
        priced = _auto_method(reading, backend) if method == "auto" and name is not None else method
        _budget().count_estimate(quantity, r, m, zero_type, priced, backend, base=base, name=name).check()
    if method == "auto":
        method = _auto_method(reading, backend)
    if method == "species":
        return _species(reading, r, m)
    if method == "enumeration":
        return _enumerate(reading, r, m)
    return int(reading.routes[method](r, m, backend))


def _species(reading: Reading, r: int, m: int) -> int:
    if m > MAX_SERIES_ORDER:
        raise ArgumentValueError(f"m must be an integer <= {MAX_SERIES_ORDER} for method='species', got {m}")
    return reading.species(r).count(m)


def _enumerate(reading: Reading, r: int, m: int) -> int:
    if m > MAX_ENUMERATION_WIDTH:
        raise ArgumentValueError(
            f"m must be an integer <= {MAX_ENUMERATION_WIDTH} for method='enumeration', got {m}"
        )
    labellings = reading.labellings(r, m)
    if progress_enabled():  # only then: the bar costs time per labelling
        # the bar's total (its percentage only) by the reading's own route; the count is the enumeration's own
        total = count_subspaces(reading, r, m)
        what = "surjections" if reading.is_critical else f"{reading.short_name} labellings"
        labellings = progress(labellings, total=total, desc=f"enumerating {what} r={r} m={m}")
    return sum(1 for _ in labellings)


def T(r, m, zero_type: str = DEFAULT_ZERO_TYPE, method: str = "auto", backend: str = "auto",
      activation=None) -> int:
    r"""Number :math:`T(r, m)` of global-minimum affine subspaces, in the named reading.

    Parameters
    ----------
    r : int or sympy expression
        Teacher width, :math:`1\le r\le m`.
    m : int or sympy expression
        Student width, :math:`m\le` ``MAX_WIDTH`` (= 100,000).
    zero_type : str
        A registered global-minimum reading, name or alias: ``"R1"`` (default,
        :data:`~symbolic_minima.readings.SINGLETONS`) or ``"R2"`` (:data:`~symbolic_minima.readings.GROUPS`).
    method : str
        One of :func:`count_methods` of the reading (:data:`METHODS_T` for the
        built-in readings, see the module docstring); ``"auto"`` by default.
    backend : {"auto", "flint", "python"}
        For the routes that can use python-flint.
    activation : str, optional
        The activation class, by class name (``"odd"``) or activation name
        (``"tanh"``); ``None`` is ``"generic"``.

    Returns
    -------
    int or sympy expression
        The exact count as a Python int when both widths are integers; when
        one is symbolic, the unevaluated sympy function
        (:class:`~symbolic_minima.functions.TSingletons`,
        :class:`~symbolic_minima.functions.TGroups`, ...), which evaluates on
        integers and rewrites to its sum or Stirling form.

    Raises
    ------
    ArgumentValueError
        A width out of range (:math:`m<r`, ...), an unknown reading or method.
    ArgumentTypeError
        A width that is not an integer (a float, a bool, text).
    UnsupportedActivationError
        A refused activation (``"softplus"``, ...).

    Examples
    --------
    >>> T(1, 3), T(1, 3, zero_type="R2"), T(2, 3, method="recurrence")
    (7, 10, 12)
    >>> T(2, 4, activation="odd"), T(2, 4, activation="tanh", zero_type="R2")
    (800, 896)
    >>> T(2, 4, activation="odd", method="species")
    800
    >>> T(3, 2)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: m must be an integer >= r = 3, got 2
    >>> import sympy
    >>> r, m = sympy.symbols("r m", integer=True, positive=True)
    >>> T(r, m, zero_type="R2"), T(r, m).rewrite(sympy.Sum).subs({r: 3, m: 5}).doit()
    (T_R2(r, m), 390)
    """
    if _is_symbolic(r) or _is_symbolic(m):  # sympy arguments: the unevaluated function (functions.py)
        from .functions import symbolic_count

        return symbolic_count("T", r, m, zero_type, activation or GENERIC, method=method)
    r, m = check_rm(r, m)
    reading = get_reading(zero_type, activation, family=GLOBAL_MINIMUM)
    return count_subspaces(reading, r, m, method, backend)


def G(r, m, method: str = "auto", backend: str = "auto", activation=None) -> int:
    r"""Number :math:`G(r, m)=r!\,S(m,r)` of symmetry-induced critical subspaces (surjections :math:`[m]\to[r]`).

    The count of the critical reading (:data:`~symbolic_minima.readings.CRITICAL_READING`)
    of the activation class ``activation`` (``None``: generic; e.g. ``"odd"``:
    :math:`\sum_j(-1)^j\binom rj(2(r-j)+1)^m`, signed replicas and parked neurons).

    Parameters
    ----------
    r : int or sympy expression
        Width of the narrower critical point, :math:`1\le r\le m`.
    m : int or sympy expression
        Student width, :math:`m\le` ``MAX_WIDTH``.
    method : str
        One of :data:`METHODS_G` (``"auto"`` by default).
    backend : {"auto", "flint", "python"}
        For the routes that can use python-flint.
    activation : str, optional
        The activation class (class or activation name; ``None``: generic).

    Returns
    -------
    int or sympy expression
        The exact count (Python int), or the unevaluated
        :class:`~symbolic_minima.functions.GCritical` when an argument is symbolic.

    Examples
    --------
    >>> G(3, 5), G(2, 4, method="inclusion_exclusion"), G(3, 3, method="species")
    (150, 14, 6)
    >>> G(2, 4, activation="odd"), G(2, 4, activation="gaussian")
    (464, 224)
    >>> import sympy
    >>> G(sympy.Symbol("r"), 5)
    G(r, 5)
    """
    if _is_symbolic(r) or _is_symbolic(m):  # sympy arguments: the unevaluated function (functions.py)
        from .functions import symbolic_count

        return symbolic_count("G", r, m, activation_class=activation or GENERIC, method=method)
    return count_subspaces(_critical_reading(activation), r, m, method, backend)


def _is_symbolic(value) -> bool:
    """Whether ``value`` is a sympy object other than an integer (sympy is never imported here)."""
    sympy = sys.modules.get("sympy")
    return sympy is not None and isinstance(value, sympy.Basic) and not value.is_Integer


def _critical_reading(activation) -> Reading:
    """The critical reading of the activation class ``activation`` (``None``: the generic one)."""
    if activation is None:
        return CRITICAL_READING
    return get_reading(CRITICAL_READING.name, activation, family=CRITICAL)


# --------------------------------------------------------------------------- the routes of the built-in readings


def _budget():
    from . import budget  # the cost model (imported late: it is optional for the counts themselves)

    return budget


def bell_numbers(n: int) -> list:
    r"""``[B_0, ..., B_n]`` (set partitions), by the Bell triangle.

    Parameters
    ----------
    n : int
        The last index, :math:`0\le n\le` ``MAX_WIDTH``.

    Returns
    -------
    list of int
        The Bell numbers :math:`B_0,\dots,B_n`.

    Examples
    --------
    >>> bell_numbers(6)
    [1, 1, 2, 5, 15, 52, 203]
    """
    n = check_width(n, "n", minimum=0)
    bells = [1]
    row = [1]
    for _ in range(n):
        new = [row[-1]]
        for v in row:
            new.append(new[-1] + v)
        row = new
        bells.append(row[0])
    return bells


def _stirling_row(m: int) -> list:
    """``[S(m, 0), ..., S(m, m)]`` by the triangle (one pass, no Stirling number per k)."""
    row = [1]  # n = 0
    for n in progress(range(1, m + 1), total=m, desc="Stirling triangle"):
        new = [0] * (n + 1)
        for k in range(1, n + 1):
            new[k] = k * (row[k] if k < n else 0) + row[k - 1]
        row = new
    return row


def _g_column(r: int, m: int) -> list:
    r"""``[G(r, 0), ..., G(r, m)]`` for fixed r, from :math:`\sum_n S(n,r)x^n=x^r/\prod_{j\le r}(1-jx)`."""
    n_free = m - r
    column = [1] + [0] * n_free  # S(r + i, r), i = 0..m-r: the series 1 / prod (1 - j x)
    for j in progress(range(1, r + 1), total=r, desc=f"G({r}, n) column"):
        for i in range(1, n_free + 1):
            column[i] += j * column[i - 1]
    fr = factorial(r)
    return [0] * r + [fr * s for s in column]


def groups_power_sum(r, m, backend: str = "auto") -> int:
    r"""Exact :math:`T_{R2}(r,m)` as one weighted power sum: :math:`m` big powers, no Stirling numbers.

    With :math:`y=e^x-1` the EGF of reading R2 is :math:`f(y)=y^re^y`; since
    :math:`y^n=x^n+\dots`, only :math:`f_m(y)=\sum_{n=r}^{m}y^n/(n-r)!` reaches
    :math:`x^m`.  Expanding :math:`f_m(e^x-1)=\sum_{J=0}^{m}w_Je^{Jx}` gives

    .. math:: T_{R2}(r,m)=\sum_{J=0}^{m}w_J\,J^m=\frac{1}{N!}\sum_{J=0}^{m}V_J\,J^m,\qquad N=m-r,

    with the integers :math:`V_J=N!\,w_J`.  The polynomial :math:`h(z)=f_m(z-1)`
    satisfies :math:`(z-1)h'=(r+z-1)h-(z-1)^{m+1}/N!` (from
    :math:`e_N'=e_N-y^N/N!` for the truncated exponential), hence

    .. math:: (J+1)V_{J+1}=(J-r+1)V_J-V_{J-1}+(-1)^{m+1-J}\binom{m+1}{J},\qquad
              V_0=(-1)^r\,d_N,\ V_{-1}=0,

    :math:`d_N` the number of derangements of :math:`N` objects.  The powers are
    grouped by odd part (:math:`J^m=u^m2^{em}`), so only odd bases are raised
    to the :math:`m`-th power.

    Parameters
    ----------
    r, m : int
        Widths, :math:`1\le r\le m\le` ``MAX_WIDTH``.
    backend : {"auto", "flint", "python"}
        ``"flint"`` (or ``"auto"`` with python-flint installed) does the big
        products with python-flint.

    Returns
    -------
    int
        :math:`T_{R2}(r, m)`.

    Examples
    --------
    >>> groups_power_sum(3, 5), groups_power_sum(1, 3, backend="python")
    (450, 10)
    """
    r, m = check_rm(r, m)
    backend = _resolve_backend(backend)
    n_free = m - r
    derangements = 1
    for n in range(1, n_free + 1):
        derangements = n * derangements + (-1 if n & 1 else 1)
    weights = []
    previous, current = 0, -derangements if r & 1 else derangements
    binomial = 1  # C(m + 1, J)
    sign = -1 if (m + 1) & 1 else 1  # (-1)^(m + 1 - J)
    for J in range(m + 1):
        weights.append(current)
        previous, current = current, ((J - r + 1) * current - previous + sign * binomial) // (J + 1)
        binomial = binomial * (m + 1 - J) // (J + 1)
        sign = -sign
    if backend == "flint":
        import flint

        big: Callable = flint.fmpz
    else:
        big = int
    total = big(0)
    for u in progress(range(1, m + 1, 2), total=(m + 1) // 2, desc=f"T_R2({r}, {m}): powers"):  # J^m = u^m << em
        grouped = big(0)
        J, shift = u, 0
        while J <= m:
            if weights[J]:
                grouped += big(weights[J]) << shift
            J, shift = 2 * J, shift + m
        if grouped:
            total += grouped * big(u) ** m
    return int(total) // factorial(n_free)


class TriangleRoute:
    r"""A count route by a triangle recurrence; its rows also give whole tables (:func:`T_table`, :func:`G_table`).

    Parameters
    ----------
    rows : callable
        ``rows(m_max, r_max, keep)`` returns ``{m: [count(0, m), ..., count(min(m, r_max), m)]}``
        for the ``m`` in ``keep``.
    steps : callable
        ``steps(m_max, r_max)``: the number of big-integer steps ``rows`` takes
        (refused above :data:`MAX_TRIANGLE_STEPS`).
    description : str
        The recurrence in words (its ``repr``).

    Examples
    --------
    >>> route = count_methods("R1")[4], SINGLETONS.routes["recurrence"]
    >>> route[0], route[1](2, 4), route[1].rows(4, 2, {4})
    ('recurrence', 50, {4: [1, 15, 50]})
    """

    def __init__(self, rows: Callable, steps: Callable, description: str = ""):
        self._rows, self.steps, self.description = rows, steps, description

    def rows(self, m_max: int, r_max: int, keep) -> dict:
        steps = self.steps(m_max, r_max)
        if steps > MAX_TRIANGLE_STEPS:
            raise ArgumentValueError(
                f"m must be smaller: the triangle recurrence would take {steps} steps "
                f"(limit {MAX_TRIANGLE_STEPS}); use T/G with method='auto' for single values"
            )
        return self._rows(m_max, r_max, keep)

    def __call__(self, r: int, m: int, backend: str = "auto") -> int:
        return self.rows(m, r, {m})[m][r]

    def __repr__(self) -> str:
        return f"TriangleRoute({self.description!r})"


def _g_rows(m_max: int, r_max: int, keep) -> dict:
    """``{m: [G(0, m), ..., G(min(m, r_max), m)]}`` (only two rows live at a time)."""
    prev = [1]
    out = {0: prev} if 0 in keep else {}
    for m in progress(range(1, m_max + 1), total=m_max, desc="G triangle"):
        top = min(m, r_max)
        new = [0] * (top + 1)
        for r in range(1, top + 1):
            new[r] = r * ((prev[r] if r < len(prev) else 0) + prev[r - 1])
        if m in keep:
            out[m] = new
        prev = new
    return out


def _t_singletons_rows(m_max: int, r_max: int, keep) -> dict:
    """R1: ``T(r, m) = (r+1) T(r, m-1) + r T(r-1, m-1)``, ``T(0, m) = 1``."""
    prev = [1]
    out = {0: prev} if 0 in keep else {}
    for m in progress(range(1, m_max + 1), total=m_max, desc="T triangle"):
        top = min(m, r_max)
        new = [1] + [0] * top
        for r in range(1, top + 1):
            new[r] = (r + 1) * (prev[r] if r < len(prev) else 0) + r * prev[r - 1]
        if m in keep:
            out[m] = new
        prev = new
    return out


def _t_groups_rows(m_max: int, r_max: int, keep) -> dict:
    """R2: ``T(r, m) = (r+1) T(r, m-1) + r T(r-1, m-1) + T(r+1, m-1)``, ``T(0, m) = B_m``."""
    # T(r+1, m-1) is needed: row m is needed up to r_max + (m_max - m).
    prev = [1]
    out = {0: prev} if 0 in keep else {}
    bells = bell_numbers(m_max)
    for m in progress(range(1, m_max + 1), total=m_max, desc="T triangle (R2)"):
        top = min(m, r_max + m_max - m)
        new = [bells[m]] + [0] * top
        for r in range(1, top + 1):
            same = prev[r] if r < len(prev) else 0
            up = prev[r + 1] if r + 1 < len(prev) else 0
            new[r] = (r + 1) * same + r * prev[r - 1] + up
        if m in keep:
            out[m] = new[: r_max + 1]
        prev = new
    return out


def _rectangle(m_max: int, r_max: int) -> int:
    return m_max * r_max


def _square(m_max: int, r_max: int) -> int:
    return m_max * m_max


def _singletons_zero_type_sum(r: int, m: int, backend: str) -> int:
    g = _g_column(r, m)
    return sum(comb(m, k) * g[m - k] for k in range(m - r + 1))


def _groups_stirling(r: int, m: int, backend: str) -> int:
    row = _stirling_row(m)
    falling = factorial(r)  # k^(r falling) for k = r
    total = 0
    for k in range(r, m + 1):
        if k > r:
            falling = falling * k // (k - r)
        total += falling * row[k]
    return total


def _groups_inclusion_exclusion(r: int, m: int, backend: str) -> int:
    bells = bell_numbers(m)
    total = 0
    for j in range(r + 1):
        a = r - j
        r_bell = sum(comb(m, k) * a ** (m - k) * bells[k] for k in range(m + 1))
        total += (-1) ** j * comb(r, j) * r_bell
    return total


def _groups_zero_type_sum(r: int, m: int, backend: str) -> int:
    bells = bell_numbers(m - r)
    g = _g_column(r, m)
    return sum(comb(m, k) * bells[k] * g[m - k] for k in range(m - r + 1))


def _stirling_or_sum(backend: str) -> str:
    """``auto`` of R1 and G: one Stirling number with python-flint, else the alternating power sum."""
    return "stirling" if flint_available() and backend != "python" else "inclusion_exclusion"


def _register_routes() -> None:
    """Attach the derived fast routes to the built-in readings (order: preference)."""
    SINGLETONS.routes.update({
        "stirling": lambda r, m, backend: factorial(r) * stirling2(m + 1, r + 1, backend=backend),
        "inclusion_exclusion": lambda r, m, backend: difference_power_sum(r, m, 1),
        "zero_type_sum": _singletons_zero_type_sum,
        "recurrence": TriangleRoute(_t_singletons_rows, _rectangle, "T(r,m) = (r+1)T(r,m-1) + rT(r-1,m-1)"),
    })
    SINGLETONS.auto = _stirling_or_sum
    GROUPS.routes.update({
        "power_sum": groups_power_sum,
        "stirling": _groups_stirling,
        "inclusion_exclusion": _groups_inclusion_exclusion,
        "zero_type_sum": _groups_zero_type_sum,
        "recurrence": TriangleRoute(_t_groups_rows, _square, "T(r,m) = (r+1)T(r,m-1) + rT(r-1,m-1) + T(r+1,m-1)"),
    })
    GROUPS.auto = lambda backend: "power_sum"
    CRITICAL_READING.routes.update({
        "stirling": lambda r, m, backend: factorial(r) * stirling2(m, r, backend=backend),
        "inclusion_exclusion": lambda r, m, backend: difference_power_sum(r, m, 0),
        "recurrence": TriangleRoute(_g_rows, _rectangle, "G(r,m) = rG(r,m-1) + rG(r-1,m-1)"),
    })
    CRITICAL_READING.auto = _stirling_or_sum


_register_routes()


# --------------------------------------------------------------------------- the routes of the activation classes


@dataclass(frozen=True)
class ExponentialShape:
    r"""The EGF :math:`e^{ax}\,(e^{cx}-1)^r\,\exp\!\big(\gamma\,(e^{cx}-1)\big)` of a reading, by its three numbers.

    Every registered reading of every activation class has this shape
    (:data:`CLASS_SHAPES`; the tests and the class proofs check each entry
    against the reading's species): :math:`c=1` for replica blocks
    :math:`e^x-1`, :math:`c=2` for signed replica blocks :math:`e^{2x}-1`;
    :math:`e^{ax}` collects the single free neurons (zero-type :math:`e^x`,
    dead :math:`e^x`, parked :math:`e^x`); :math:`\gamma\ne0` the free groups
    (:math:`e^{e^x-1}`, or :math:`e^{(e^{2x}-1)/2}` for signed groups up to a
    global flip, whose singletons are the zero-type neurons).  The count
    routes below are the binomial expansions of this EGF.

    Parameters
    ----------
    a : int
        The exponent of :math:`e^{ax}` (single free neurons).
    c : int
        The replica factor :math:`e^{cx}-1` (1, or 2 for signed replicas).
    gamma : Fraction
        The free groups' factor :math:`\exp(\gamma(e^{cx}-1))` (0: none).

    Examples
    --------
    >>> ExponentialShape(2, 2, Fraction(0)).coefficient(1, 2)
    12
    """

    a: int
    c: int
    gamma: Fraction

    def coefficient(self, r: int, m: int) -> int:
        r""":math:`m!\,[x^m]` by binomial expansion (routes ``"inclusion_exclusion"``, ``"power_sum"``)."""
        if self.gamma:
            return exponential_power_sum(r, m, self.a, self.c, self.gamma)
        return stepped_power_sum(r, m, self.a, self.c)


def _block_generating_terms(role) -> tuple | None:
    r"""``(linear, gamma, c)`` with one block's EGF :math:`\text{linear}\cdot x+\gamma\,(e^{cx}-1-cx)`, or ``None``.

    Read off the role's attributes: a signed block of size :math:`k` has
    :math:`2^k` sign patterns (:math:`2^{k-1}` up to a global flip), an
    unsigned one a single pattern; a role either takes single neurons only
    or every size from its smallest on.
    """
    c = 2 if role.signed else 1
    weight = Fraction(1, 2) if role.up_to_flip else Fraction(1)
    if role.min_size == 1 and role.max_size == 1:
        return (weight * c, Fraction(0), c)
    if role.max_size is not None or role.min_size not in (1, 2):
        return None
    # sizes >= 2: weight (e^{cx} - 1 - cx); from size 1 on it also has the linear term weight * c x
    return (weight * c if role.min_size == 1 else Fraction(0), weight, c)


def shape_of_roles(reading) -> ExponentialShape | None:
    r"""The :class:`ExponentialShape` of a reading, derived from its roles alone (``None``: not of that shape).

    The replica role gives :math:`(e^{cx}-1)^r` (:math:`c = 2` for signed
    replicas); each free role gives a term of the free blocks' EGF
    :math:`B(x)` (:func:`_block_generating_terms`), and the free neurons
    contribute :math:`\exp B(x)`.  The reading has the shape when
    :math:`B(x) = ax + \gamma(e^{cx}-1)` with an integer :math:`a \ge 0` and the
    replicas' :math:`c`.

    Parameters
    ----------
    reading : Reading
        Any reading, registered or not.

    Returns
    -------
    ExponentialShape or None
        ``None`` when a role's blocks are bounded in size, or signed and
        unsigned groups mix two bases :math:`c`.

    Examples
    --------
    >>> from symbolic_minima.readings import GROUPS, get_reading
    >>> shape_of_roles(GROUPS), shape_of_roles(get_reading("R2", "odd"))
    (ExponentialShape(a=0, c=1, gamma=Fraction(1, 1)), ExponentialShape(a=1, c=2, gamma=Fraction(1, 2)))
    """
    check_instance(reading, Reading, "reading")
    replica = reading.replica
    if replica.min_size != 1 or replica.max_size is not None or replica.up_to_flip:
        return None
    c = 2 if replica.signed else 1
    linear, gamma = Fraction(0), Fraction(0)
    for role in reading.free_roles:
        terms = _block_generating_terms(role)
        if terms is None:
            return None
        role_linear, role_gamma, role_c = terms
        if role_gamma and role_c != c:
            return None
        linear += role_linear - role_gamma * role_c  # weight (e^{cx}-1-cx): the -cx moves into the linear part
        gamma += role_gamma
    if linear.denominator != 1 or linear < 0:
        return None
    return ExponentialShape(int(linear), c, gamma)


def _registered_shapes() -> dict:
    shapes = {}
    for cls in activation_class_names():
        for reading in registered_readings(None, cls):
            shape = shape_of_roles(reading)
            if shape is not None:
                shapes[(reading.activation_class, reading.name)] = shape
    return shapes


#: ``(activation class, reading name) -> ExponentialShape`` of every reading registered when the package
#: loads, derived from the roles (:func:`shape_of_roles`; the class proofs check each against the species).
CLASS_SHAPES = _registered_shapes()


def exponential_shape(reading, activation=None) -> ExponentialShape | None:
    """The :class:`ExponentialShape` of a registered reading's EGF (``None``: not of that shape).

    Parameters
    ----------
    reading : str or Reading
        A registered reading, name or alias.
    activation : str, optional
        Its activation class (class or activation name; ``None``: generic).

    Returns
    -------
    ExponentialShape or None
        Derived from the reading's roles (:func:`shape_of_roles`).

    Examples
    --------
    >>> exponential_shape("R2", "odd")
    ExponentialShape(a=1, c=2, gamma=Fraction(1, 2))
    """
    return shape_of_roles(get_reading(reading, activation))


def stepped_power_sum(r: int, m: int, a: int = 0, c: int = 1) -> int:
    r"""Exact :math:`\sum_{i=0}^{r}(-1)^{r-i}\binom ri(a+ci)^m = m!\,[x^m]\,e^{ax}(e^{cx}-1)^r`.

    For ``c`` dividing ``a`` this is :math:`c^m` times
    :func:`~symbolic_minima.stirling.difference_power_sum` (its fast
    grouping of the powers); otherwise (``a = 1, c = 2``: the odd bases of the
    sign classes) the plain alternating sum.

    Parameters
    ----------
    r, m : int
        Widths.
    a, c : int
        The EGF's :math:`e^{ax}` and :math:`e^{cx}-1`.

    Returns
    -------
    int

    Examples
    --------
    >>> stepped_power_sum(1, 2, 2, 2), stepped_power_sum(2, 4, 1, 2), stepped_power_sum(3, 5, 1, 1)
    (12, 464, 390)
    """
    r, m = check_int(r, "r", minimum=0), check_int(m, "m", minimum=0)
    a, c = check_int(a, "a"), check_int(c, "c", minimum=1)
    if a % c == 0:
        return c**m * difference_power_sum(r, m, a // c)
    total = 0
    binom = 1
    for i in range(r + 1):
        if i:
            binom = binom * (r - i + 1) // i
        term = binom * (a + c * i) ** m
        total += -term if (r - i) & 1 else term
    return total


def exponential_power_sum(r: int, m: int, a: int = 0, c: int = 1, gamma=Fraction(1), backend: str = "auto") -> int:
    r"""Exact :math:`m!\,[x^m]\,e^{ax}(e^{cx}-1)^r\exp(\gamma(e^{cx}-1))` as one weighted power sum.

    The generalisation of :func:`groups_power_sum` (``a = 0, c = 1, gamma = 1``)
    to the groups readings of the activation classes.  With :math:`y=e^{cx}-1`
    the EGF is :math:`e^{ax}f(y)`, :math:`f(y)=y^re^{\gamma y}`, and only
    :math:`f_m(y)=\sum_{k=0}^{N}\gamma^ky^{r+k}/k!` (:math:`N=m-r`) reaches
    :math:`x^m`.  Writing :math:`f_m(z-1)=\sum_J w_Jz^J`,

    .. math:: m!\,[x^m] = \sum_{J=0}^{m} w_J\,(a+cJ)^m .

    With :math:`\gamma=p/q` the integers :math:`V_J=N!\,q^N w_J` satisfy (from
    :math:`y f_m'=(r+\gamma y)f_m-\gamma^{N+1}y^{m+1}/N!`)

    .. math:: q(J+1)V_{J+1}=(q(J-r)+p)V_J-pV_{J-1}+p^{N+1}(-1)^{m+1-J}\binom{m+1}{J},

    :math:`V_{-1}=0`, :math:`V_0=(-1)^r\sum_{k\le N}\frac{N!}{k!}(-p)^kq^{N-k}`.
    Powers are grouped by odd part of the base, as in :func:`groups_power_sum`.

    Parameters
    ----------
    r, m : int
        Widths, :math:`1\le r\le m\le` ``MAX_WIDTH``.
    a, c : int
        The EGF's :math:`e^{ax}` and :math:`e^{cx}-1`.
    gamma : Fraction
        The groups' factor :math:`\exp(\gamma(e^{cx}-1))`.
    backend : {"auto", "flint", "python"}
        For the big products.

    Returns
    -------
    int

    Raises
    ------
    ArgumentValueError
        The coefficient is not an integer (no count has this EGF).

    Examples
    --------
    >>> exponential_power_sum(2, 4, 0, 1, Fraction(1)), exponential_power_sum(2, 4, 1, 2, Fraction(1, 2))
    (62, 896)
    """
    r, m = check_rm(r, m)
    backend = _resolve_backend(backend)
    gamma = Fraction(gamma)
    p, q = gamma.numerator, gamma.denominator
    n_free = m - r
    start = 0
    power_p, power_q = 1, q**n_free
    ratio = factorial(n_free)  # N!/k!
    for k in range(n_free + 1):
        if k:
            ratio //= k
            power_p *= -p
            power_q //= q
        start += ratio * power_p * power_q
    weights = []
    previous, current = 0, -start if r & 1 else start
    binomial = 1  # C(m + 1, J)
    sign = -1 if (m + 1) & 1 else 1  # (-1)^(m + 1 - J)
    top = p ** (n_free + 1)
    for J in range(m + 1):
        weights.append(current)
        numerator = (q * (J - r) + p) * current - p * previous + sign * top * binomial
        previous, current = current, numerator // (q * (J + 1))
        binomial = binomial * (m + 1 - J) // (J + 1)
        sign = -sign
    big: Callable = int
    if backend == "flint":
        import flint

        big = flint.fmpz
    grouped: dict = {}
    for J, weight in enumerate(weights):
        base = a + c * J
        if not weight or base == 0:  # 0^m = 0 (m >= 1)
            continue
        shift = (base & -base).bit_length() - 1
        odd = base >> shift
        grouped[odd] = grouped.get(odd, 0) + (weight << (shift * m))
    total = big(0)
    for odd, weight in grouped.items():
        if weight:
            total += big(weight) * big(odd) ** m
    value, remainder = divmod(int(total), factorial(n_free) * q**n_free)
    if remainder:
        raise ArgumentValueError(f"m! [x^m] of e^({a}x) (e^({c}x)-1)^{r} exp({gamma}(e^({c}x)-1)) at m = {m} is not "
                                 "an integer (no count has this EGF)")
    return value


def _free_counts(shape: ExponentialShape, n: int) -> list:
    r"""``[F_0, ..., F_n]``, :math:`F_k=k!\,[x^k]\,e^{ax}\exp(\gamma(e^{cx}-1))`: structures on ``k`` free neurons.

    :math:`E=\exp(\gamma(e^{cx}-1))` has :math:`E'=\gamma c\,e^{cx}E`, so
    :math:`E_{k+1}=\gamma c\sum_i\binom ki c^{k-i}E_i`; then :math:`F=e^{ax}E`
    by the product rule.
    """
    groups = [Fraction(1)] + [Fraction(0)] * n
    if shape.gamma:
        rows = [1]
        for k in range(n):
            groups[k + 1] = shape.gamma * shape.c * sum(
                rows[i] * shape.c ** (k - i) * groups[i] for i in range(k + 1))
            rows = [1] + [rows[i - 1] + rows[i] for i in range(1, k + 1)] + [1]
    out = []
    row = [1]
    for k in range(n + 1):
        if k:
            row = [1] + [row[i - 1] + row[i] for i in range(1, k)] + [1]
        value = sum(row[i] * shape.a ** (k - i) * groups[i] for i in range(k + 1))
        if value.denominator != 1:  # pragma: no cover - an integer count by construction
            raise AssertionError(f"non-integer free count {value}")
        out.append(int(value))
    return out


def _class_zero_type_sum(shape: ExponentialShape) -> CountRoute:
    r"""The product rule: :math:`\sum_k\binom mk F_k\,c^{m-k}\,r!\,S(m-k,r)` (free neurons times replica blocks)."""

    def route(r: int, m: int, backend: str) -> int:
        free = _free_counts(shape, m - r)
        g = _g_column(r, m)
        return sum(comb(m, k) * free[k] * shape.c ** (m - k) * g[m - k] for k in range(m - r + 1))

    return route


def _class_stirling(shape: ExponentialShape) -> CountRoute | None:
    r"""Stirling-number forms of the EGFs without free groups (:math:`\gamma=0`), or ``None``.

    With :math:`u=e^x-1` and :math:`(e^x-1)^k/k!=\sum_nS(n,k)x^n/n!`:
    :math:`e^xu^r=\frac{d}{dx}\frac{u^{r+1}}{r+1}` gives :math:`r!\,S(m+1,r+1)`;
    :math:`e^{2x}u^r/r!=\frac{d^2}{dx^2}\frac{u^{r+2}}{(r+2)!}-\frac{d}{dx}\frac{u^{r+2}}{(r+2)!}`
    gives :math:`r!\,(S(m+2,r+2)-S(m+1,r+2))`; the sign classes' :math:`e^{2x}-1`
    at :math:`x` is :math:`e^t-1` at :math:`t=2x` (a factor :math:`2^m`) when
    :math:`a` is even, and for :math:`a=1`,
    :math:`e^x(e^{2x}-1)^r=e^xu^r(u+2)^r=\sum_k\binom rk2^{r-k}e^xu^{r+k}` gives
    :math:`\sum_k\binom rk2^{r-k}(r+k)!\,S(m+1,r+k+1)`.
    """
    if shape.gamma:
        return None
    a, c = shape.a, shape.c

    def unit(r: int, m: int, a_: int, backend: str) -> int:  # m! [x^m] e^{a_ x} (e^x - 1)^r
        if a_ == 0:
            return factorial(r) * stirling2(m, r, backend=backend)
        if a_ == 1:
            return factorial(r) * stirling2(m + 1, r + 1, backend=backend)
        return factorial(r) * (stirling2(m + 2, r + 2, backend=backend) - stirling2(m + 1, r + 2, backend=backend))

    if c == 1 and a in (0, 1, 2):
        return lambda r, m, backend: unit(r, m, a, backend)
    if c == 2 and a in (0, 2):
        return lambda r, m, backend: 2**m * unit(r, m, a // 2, backend)
    if c == 2 and a == 1:
        def half(r: int, m: int, backend: str) -> int:
            return sum(comb(r, k) * 2 ** (r - k) * factorial(r + k) * stirling2(m + 1, r + k + 1, backend=backend)
                       for k in range(min(r, m) + 1))

        return half
    return None  # pragma: no cover - every registered shape has a form above


def _shape_rows(shape: ExponentialShape) -> Callable:
    r"""The triangle of a shape: :math:`T(r,m+1)=(a+rc+\gamma c)T(r,m)+rc\,T(r-1,m)+\gamma c\,T(r+1,m)`.

    From :math:`F_r=e^{ax}u^re^{\gamma u}`, :math:`u=e^{cx}-1`, :math:`u'=c(u+1)`:
    :math:`F_r'=(a+rc+\gamma c)F_r+rc\,F_{r-1}+\gamma c\,F_{r+1}`; the row
    :math:`T(0,m)=F_m` (:func:`_free_counts`) starts it.  (For the generic shapes
    these are the recurrences of R1, R2 and ``G`` above.)
    """
    a, c, gamma = shape.a, shape.c, shape.gamma
    if (gamma * c).denominator != 1:  # pragma: no cover - every registered shape has gamma c in {0, 1}
        raise ArgumentValueError("the triangle needs gamma * c to be an integer")
    up = int(gamma * c)

    def rows(m_max: int, r_max: int, keep) -> dict:
        free = _free_counts(shape, m_max)
        prev = [free[0]]
        out = {0: prev} if 0 in keep else {}
        for m in progress(range(1, m_max + 1), total=m_max, desc="T triangle (class)"):
            top = min(m, r_max + (m_max - m if up else 0))
            new = [free[m]] + [0] * top
            for r in range(1, top + 1):
                same = prev[r] if r < len(prev) else 0
                above = prev[r + 1] if up and r + 1 < len(prev) else 0
                new[r] = (a + r * c + up) * same + r * c * prev[r - 1] + up * above
            if m in keep:
                out[m] = new[: r_max + 1]
            prev = new
        return out

    return rows


def _class_auto(shape: ExponentialShape) -> Callable[[str], str]:
    """One Stirling number with python-flint where the shape has one, else the binomial expansion."""
    single = not shape.gamma and ((shape.c == 1 and shape.a <= 1) or (shape.c == 2 and shape.a in (0, 2)))

    def auto(backend: str) -> str:
        if shape.gamma:
            return "power_sum"
        return "stirling" if single and flint_available() and backend != "python" else "inclusion_exclusion"

    return auto


def attach_shape_routes(reading: Reading) -> bool:
    """Attach the routes of :class:`ExponentialShape` to a reading whose roles have that shape.

    Called for every registered reading of a non-generic class when the
    package loads; a reading registered later gets them on its first count
    (:func:`count_subspaces`).

    Parameters
    ----------
    reading : Reading
        The reading whose :attr:`~symbolic_minima.readings.Reading.routes` and
        :attr:`~symbolic_minima.readings.Reading.auto` are set.

    Returns
    -------
    bool
        Whether the reading has the shape (otherwise nothing is attached).

    Examples
    --------
    >>> from symbolic_minima.readings import Reading, GLOBAL_MINIMUM
    >>> from symbolic_minima.roles import DEAD, REPLICA, ZERO_TYPE
    >>> toy = Reading("toy", "Rtoy", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, DEAD))
    >>> attach_shape_routes(toy), toy.routes["inclusion_exclusion"](1, 2, "python")
    (True, 5)
    """
    shape = shape_of_roles(reading)
    if shape is None:
        return False
    routes: dict = {}
    if shape.gamma:
        routes["power_sum"] = lambda r, m, backend: exponential_power_sum(r, m, shape.a, shape.c, shape.gamma, backend)
    else:
        stirling_route = _class_stirling(shape)
        if stirling_route is not None:
            routes["stirling"] = stirling_route
        routes["inclusion_exclusion"] = lambda r, m, backend: stepped_power_sum(r, m, shape.a, shape.c)
    routes["zero_type_sum"] = _class_zero_type_sum(shape)
    routes["recurrence"] = TriangleRoute(
        _shape_rows(shape), _square if shape.gamma else _rectangle,
        f"T(r,m+1) = ({shape.a}+{shape.c}r+{shape.gamma * shape.c})T(r,m) + {shape.c}r T(r-1,m)"
        + (f" + {shape.gamma * shape.c} T(r+1,m)" if shape.gamma else ""))
    reading.routes.update(routes)
    reading.auto = _class_auto(shape)
    return True


def _register_class_routes() -> None:
    """Attach the shape routes to the registered readings of the non-generic classes."""
    for cls in activation_class_names():
        if cls == GENERIC:
            continue  # the built-in readings have their own routes (above)
        for reading in registered_readings(None, cls):
            attach_shape_routes(reading)


_register_class_routes()


# --------------------------------------------------------------------------- tables


def _table_args(r_values, m_values):
    r_list = [check_width(r, "r") for r in check_sequence(r_values, "r_values")]
    m_list = [check_width(m, "m") for m in check_sequence(m_values, "m_values")]
    if not r_list or not m_list:
        raise ArgumentValueError("r_values and m_values must be non-empty")
    return r_list, m_list


#: The methods the cost model (:func:`symbolic_minima.budget.count_estimate`) prices.
_ESTIMATED_METHODS = ("auto", "power_sum", "stirling", "inclusion_exclusion", "zero_type_sum", "recurrence",
                      "species", "enumeration")


def _budget_key(reading: Reading):
    """``(quantity, zero_type, base, class)`` the cost model prices a reading as; ``None``: not priced.

    The generic built-in readings are priced as themselves; a reading with an
    :class:`ExponentialShape` (every activation class's) as R2 when it has free
    groups, else as R1, with values :math:`c^m` times larger.
    """
    if reading.activation_class == GENERIC:
        if reading is CRITICAL_READING or reading.name == CRITICAL_READING.name:
            return ("G", None, 1, None)
        if reading.name in ZERO_TYPES:  # the generic R1 and R2
            return ("T", reading.name, 1, None)
    shape = shape_of_roles(reading)
    if shape is None:
        return None
    name = f"T_{reading.short_name}" + ("" if reading.activation_class == GENERIC else f"[{reading.activation_class}]")
    return ("T", GROUPS.name if shape.gamma else SINGLETONS.name, shape.c, name)


def _table(reading: Reading, r_values, m_values) -> dict:
    r_list, m_list = _table_args(r_values, m_values)
    estimate = _budget_key(reading)
    if estimate is not None:
        _budget().table_estimate(estimate[0], r_list, m_list, estimate[1], base=estimate[2]).check()
    triangle = next((route for route in reading.routes.values() if isinstance(route, TriangleRoute)), None)
    if triangle is None:  # a reading without a triangle: one count per cell
        return {(r, m): (count_subspaces(reading, r, m) if m >= r else 0) for r in r_list for m in m_list}
    rows = triangle.rows(max(m_list), max(r_list), set(m_list))
    return {(r, m): (rows[m][r] if r < len(rows[m]) else 0) for r in r_list for m in m_list}


def T_table(r_values, m_values, zero_type: str = DEFAULT_ZERO_TYPE, activation=None) -> dict:
    r"""``{(r, m): T(r, m)}`` for all pairs, by the reading's triangle recurrence (Python ints).

    A reading without a triangle route is counted cell by cell.

    Parameters
    ----------
    r_values, m_values : iterable of int
        The widths (e.g. ``range(1, 5)``); each in ``[1, MAX_WIDTH]``.
    zero_type : str
        A registered global-minimum reading, name or alias (default R1).
    activation : str, optional
        The activation class (its triangle from the EGF, :func:`_shape_rows`).

    Returns
    -------
    dict
        ``{(r, m): count}``; entries with ``m < r`` are ``0`` (no labelling
        uses all r teacher labels).

    Raises
    ------
    ArgumentTypeError
        ``r_values`` or ``m_values`` is not an iterable of integers (e.g. a single int).

    Examples
    --------
    >>> T_table(range(1, 3), range(1, 4))
    {(1, 1): 1, (1, 2): 3, (1, 3): 7, (2, 1): 0, (2, 2): 2, (2, 3): 12}
    >>> T_table([1], [1, 2, 3], activation="odd")
    {(1, 1): 2, (1, 2): 12, (1, 3): 56}
    >>> T_table([2], [3], zero_type="R2")
    {(2, 3): 12}
    >>> T_table(3, 5)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: r_values must be ...
    """
    reading = get_reading(zero_type, activation, family=GLOBAL_MINIMUM)
    return _table(reading, r_values, m_values)


def G_table(r_values, m_values, activation=None) -> dict:
    r"""``{(r, m): G(r, m)}`` for all pairs, by the triangle recurrence; ``0`` where ``m < r``.

    Parameters
    ----------
    r_values, m_values : iterable of int
        The widths; each in ``[1, MAX_WIDTH]``.
    activation : str, optional
        The activation class (class or activation name; ``None``: generic).

    Returns
    -------
    dict
        ``{(r, m): G(r, m)}``.

    Examples
    --------
    >>> G_table([2], [2, 3, 4, 5])
    {(2, 2): 2, (2, 3): 6, (2, 4): 14, (2, 5): 30}
    """
    return _table(_critical_reading(activation), r_values, m_values)


# --------------------------------------------------------------------------- closed forms

# The Stirling shapes of an EGF (replica factor e^x - 1 per teacher neuron), decided by the species:
_SURJECTIONS = "(e^x-1)^r"  # no free neurons: r! S(m, r)
_SHIFTED = "e^x (e^x-1)^r"  # single free neurons: r! S(m+1, r+1)
_MARKED_BLOCKS = "(e^x-1)^r exp(e^x-1)"  # free neurons in blocks of any size: sum_k k^(r) S(m, k)


def _stirling_shape(reading: Reading) -> str | None:
    """Which Stirling form the reading's species has (``None``: none derived here)."""
    if reading.replica.block_species() != NonEmptySet():
        return None
    free = reading.free_species()
    if free is None:
        return _SURJECTIONS
    if free == Set():
        return _SHIFTED
    if free == SetOf(NonEmptySet()):
        return _MARKED_BLOCKS
    return None


def _quantity(quantity) -> str:
    return check_choice(quantity, "quantity", ("T", "G"))


def _reading_of(quantity: str, zero_type, activation=None) -> Reading:
    if quantity == "G":
        if zero_type is not None:
            raise ArgumentValueError("zero_type applies to T only; G has no reading")
        return _critical_reading(activation)
    return get_reading(zero_type or DEFAULT_ZERO_TYPE, activation, family=GLOBAL_MINIMUM)


def closed_form(quantity: str, zero_type: str | None = None, form: str = "stirling", activation=None):
    r"""The derived closed form of ``T`` (in reading ``zero_type``) or ``G`` in :data:`r_sym`, :data:`m_sym`.

    Every form is derived from the reading's species
    (:meth:`~symbolic_minima.readings.Reading.species` at :math:`r` symbolic).
    ``form``:

    * ``"egf"``: the species' EGF in :data:`~symbolic_minima.species.EGF_VARIABLE`;
    * ``"sum"``: :func:`~symbolic_minima.species.closed_form_coefficient` of the EGF
      (binomial expansion; Dobinski series for reading R2);
    * ``"stirling"``: via :math:`(e^x-1)^k/k!=\sum_n S(n,k)x^n/n!`, for the
      species whose replica factor is :math:`e^x-1`: no free neurons, :math:`r!\,S(m,r)`;
      single free neurons (EGF checked to equal :math:`\frac{1}{r+1}\frac{d}{dx}(e^x-1)^{r+1}`),
      :math:`r!\,S(m+1,r+1)`; free blocks of any size (R2), :math:`\sum_{k}k^{\underline r}S(m,k)`;
    * ``"convolution"``: the product rule for EGFs,
      :math:`\sum_k\binom mk Z_k\,r!\,S(m-k,r)` with :math:`Z_k=1` (R1) or :math:`B_k` (R2).

    Readings of other shapes have the ``"egf"`` form (and ``"sum"`` where
    :func:`~symbolic_minima.species.closed_form_coefficient` applies).

    ``activation`` (a class or activation name; ``None``: generic) takes the
    readings of that activation class.  Their EGFs
    :math:`e^{ax}(e^{cx}-1)^r\exp(\gamma(e^{cx}-1))` (read off the species'
    EGF) have ``"egf"`` and ``"sum"`` forms, ``"stirling"`` forms (all but the
    groups reading of the odd and even-zero-at-origin classes, see
    :func:`_class_stirling`) and, with free neurons, ``"convolution"`` forms
    :math:`\sum_k\binom mk F_k\,c^{m-k}\,r!\,S(m-k,r)`.

    Parameters
    ----------
    quantity : {"T", "G"}
        Which count.
    zero_type : str, optional
        The reading of ``T`` (name or alias; default R1); ``None`` for ``G``.
    form : {"stirling", "sum", "egf", "convolution"}
        Which form (see above).
    activation : str, optional
        The activation class (class or activation name; ``None``: generic).

    Returns
    -------
    sympy.Expr
        The form in :data:`r_sym`, :data:`m_sym` (for ``"egf"``, in
        :data:`~symbolic_minima.species.EGF_VARIABLE`).  For the same form
        as a function of any arguments see
        :meth:`symbolic_minima.functions.SubspaceCount.closed_form`.

    Examples
    --------
    >>> closed_form("G")
    StirlingS2(m, r)*factorial(r)
    >>> closed_form("T", "R2", "egf")
    (exp(x) - 1)**r*exp(exp(x) - 1)
    >>> closed_form("T", form="sum")
    Sum((-1)**(-j + r)*(j + 1)**m*binomial(r, j), (j, 0, r))
    >>> closed_form("T", form="egf", activation="odd")
    (exp(2*x) - 1)**r*exp(2*x)
    >>> closed_form("T", activation="tanh")
    2**m*StirlingS2(m + 1, r + 1)*factorial(r)
    >>> closed_form("G", form="sum", activation="odd")
    Sum((-1)**(-j + r)*(2*j + 1)**m*binomial(r, j), (j, 0, r))
    """
    quantity = _quantity(quantity)
    form = check_choice(form, "form", FORMS)
    reading = _reading_of(quantity, zero_type, activation)
    return _closed_form(reading, form)


def _closed_form(reading: Reading, form: str):
    import sympy

    from .species import EGF_VARIABLE, closed_form_coefficient
    from .stirling import StirlingS2

    r, m, x = _symbol("r"), _symbol("m"), EGF_VARIABLE
    egf = reading.species(r).egf()
    if form == "egf":
        return egf
    if form == "sum":
        return closed_form_coefficient(egf, m)
    if reading.activation_class != GENERIC:
        return _class_closed_form(reading, form, egf)
    if form == "convolution" and reading.is_critical:
        raise ArgumentValueError("form 'convolution' applies to T only")
    shape = _stirling_shape(reading)
    if shape is None:
        raise ArgumentValueError(
            f"form {form!r} is derived for readings whose free neurons are single or in blocks of any size; "
            f"reading {reading.name!r} has form 'egf' (and 'sum' where its EGF allows)"
        )
    k = sympy.Symbol("k", integer=True, nonnegative=True)
    if form == "convolution":
        if shape == _SURJECTIONS:
            raise ArgumentValueError(f"form 'convolution' needs free neurons; reading {reading.name!r} has none")
        zk = 1 if shape == _SHIFTED else sympy.bell(k)  # k! [x^k] of the free neurons' EGF: e^x or e^(e^x-1)
        return sympy.Sum(sympy.binomial(m, k) * zk * sympy.factorial(r) * StirlingS2(m - k, r), (k, 0, m - r))
    # form == "stirling"
    if shape == _SURJECTIONS:
        return sympy.factorial(r) * StirlingS2(m, r)
    if shape == _SHIFTED:
        derivative = sympy.diff((sympy.exp(x) - 1) ** (r + 1), x) / (r + 1)
        if sympy.simplify(derivative - egf) != 0:  # pragma: no cover - a failed derivation
            raise AssertionError("e^x (e^x-1)^r != d/dx (e^x-1)^(r+1) / (r+1)")
        # m! [x^m] F'(x) = (m+1)! [x^(m+1)] F(x) and (e^x-1)^(r+1) = (r+1)! sum S(n, r+1) x^n/n!
        return sympy.factorial(r) * StirlingS2(m + 1, r + 1)  # (r+1)!/(r+1) = r!
    return sympy.Sum(sympy.ff(k, r) * StirlingS2(m, k), (k, r, m))


def egf_shape(egf) -> ExponentialShape | None:
    r"""Read :math:`(a, c, \gamma)` off an EGF :math:`e^{ax}(e^{cx}-1)^r\exp(\gamma(e^{cx}-1))` (sympy), or ``None``.

    Parameters
    ----------
    egf : sympy expression
        An EGF in :data:`~symbolic_minima.species.EGF_VARIABLE` (text is refused at any depth).

    Returns
    -------
    ExponentialShape or None

    Examples
    --------
    >>> egf_shape(closed_form("T", "R2", "egf", activation="odd"))
    ExponentialShape(a=1, c=2, gamma=Fraction(1, 2))
    """
    import sympy

    from .errors import as_expression
    from .species import _split_factors

    egf = as_expression(egf, "egf")
    try:
        constant, a, powers, c0, beta, d = _split_factors(egf)
    except ArgumentValueError:
        return None
    if constant != 1 or len(powers) != 1 or not a.is_Integer or not powers[0][0].is_Integer:
        return None
    c = int(powers[0][0])
    if beta != 0 and (d != c or sympy.simplify(c0 + beta) != 0 or not beta.is_Rational):
        return None
    if beta == 0 and c0 != 0:
        return None
    return ExponentialShape(int(a), c, Fraction(int(beta.p), int(beta.q)) if beta != 0 else Fraction(0))


def form_value(expr, r: int, m: int) -> int:
    r"""The exact value of a closed form (from :func:`closed_form`) at integers ``r, m``.

    Finite sums are expanded from the outermost index inwards, so nested sums
    whose inner range depends on an outer index evaluate too (sympy's ``doit``
    leaves some of them unevaluated); an infinite sum is refused.

    Parameters
    ----------
    expr : sympy expression
        A closed form in :data:`r_sym`, :data:`m_sym`.
    r, m : int
        Where to evaluate it.

    Returns
    -------
    int

    Raises
    ------
    ArgumentValueError
        An infinite or non-integer sum.

    Examples
    --------
    >>> form_value(closed_form("T", "R2", "convolution", activation="odd"), 2, 4)
    896
    """
    import sympy

    from .errors import as_expression

    r_, m_ = check_rm(r, m)
    expr = as_expression(expr, "expr")
    value = _expand_sums(expr.xreplace({_symbol("r"): r_, _symbol("m"): m_}))
    value = sympy.nsimplify(value) if not value.is_Rational else value
    if not value.is_Integer:
        raise ArgumentValueError(f"the form has no integer value at r={r_}, m={m_}: {value}")
    return int(value)


def _expand_sums(expr):
    import sympy

    if isinstance(expr, sympy.Sum):
        function, limits = expr.function, list(expr.limits)
        index, low, high = limits[-1]
        inner = sympy.Sum(function, *limits[:-1]) if len(limits) > 1 else function
        low, high = _expand_sums(low), _expand_sums(high)
        if not (low.is_Integer and high.is_Integer):
            raise ArgumentValueError(f"cannot evaluate the sum over {index} from {low} to {high}")
        return sympy.Add(*[_expand_sums(inner.xreplace({index: v})) for v in range(int(low), int(high) + 1)])
    if not expr.args:
        return expr
    return expr.func(*[_expand_sums(a) for a in expr.args]).doit()


def _class_closed_form(reading: Reading, form: str, egf):
    """The ``"stirling"`` and ``"convolution"`` forms of a reading of an activation class (from its EGF's shape)."""
    import sympy

    from .stirling import StirlingS2

    r, m = _symbol("r"), _symbol("m")
    k = sympy.Symbol("k", integer=True, nonnegative=True)
    i = sympy.Symbol("i", integer=True, nonnegative=True)
    shape = egf_shape(egf)
    if shape is None:  # pragma: no cover - every class reading has the shape
        raise ArgumentValueError(f"reading {reading.name!r} has form 'egf' (and 'sum' where its EGF allows)")
    a, c, gamma = shape.a, shape.c, shape.gamma
    fr = sympy.factorial(r)
    if form == "convolution":
        if not reading.free_roles:
            raise ArgumentValueError(f"form 'convolution' needs free neurons; reading {reading.name!r} of class "
                                     f"{reading.activation_class!r} has none")
        if not gamma:
            free = sympy.Integer(a) ** k
        elif c == 1:
            free = sympy.bell(k + a) if a <= 1 else None
        else:  # i! [x^i] exp((e^{2x}-1)/2) = 2^i sum_l S(i, l) 2^{-l}, a Touchard (Bell) polynomial at 1/2
            half = sympy.Rational(1, 2)
            free = (2**k * sympy.bell(k, half) if a == 0
                    else sympy.Sum(sympy.binomial(k, i) * 2**i * sympy.bell(i, half), (i, 0, k)) if a == 1 else None)
        if free is None:  # pragma: no cover - no registered shape
            raise ArgumentValueError(f"form 'convolution' is not derived for reading {reading.name!r}")
        weight = sympy.powsimp(free * sympy.Integer(c) ** (m - k))
        return sympy.Sum(sympy.binomial(m, k) * weight * fr * StirlingS2(m - k, r), (k, 0, m - r))
    # form == "stirling" ("convolution" handled above, "egf"/"sum" by the caller)
    def unit(shift):  # m! [x^m] e^{shift x} (e^x - 1)^r
        if shift == 0:
            return fr * StirlingS2(m, r)
        if shift == 1:
            return fr * StirlingS2(m + 1, r + 1)
        return fr * (StirlingS2(m + 2, r + 2) - StirlingS2(m + 1, r + 2))

    if not gamma and c == 1 and a in (0, 1, 2):
        return unit(a)
    if not gamma and c == 2 and a in (0, 2):
        return 2**m * unit(a // 2)
    if not gamma and c == 2 and a == 1:
        return sympy.Sum(sympy.binomial(r, k) * 2 ** (r - k) * sympy.factorial(r + k) * StirlingS2(m + 1, r + k + 1),
                         (k, 0, r))
    if gamma == 1 and c == 1 and a in (0, 1):
        return sympy.Sum(sympy.ff(k, r) * (k - r + 1) ** a * StirlingS2(m, k), (k, r, m))
    if gamma == Fraction(1, 2) and c == 2 and a == 0:
        return sympy.Sum(sympy.ff(k, r) * 2 ** (m + r - k) * StirlingS2(m, k), (k, r, m))
    raise ArgumentValueError(
        f"form 'stirling' is not derived for reading {reading.name!r} of class {reading.activation_class!r} "
        f"(EGF {egf}); it has the forms 'egf', 'sum' and 'convolution'"
    )


def latex_form(expr, stirling_macro: str | None = None) -> str:
    r"""LaTeX of a closed form, in a readable term order (:math:`r!\left\{ {m+1 \atop r+1} \right\}`).

    Factorials first (the printer's ``order="none"``), positive terms before
    negative ones (:math:`(-1)^{r-j}`, not :math:`(-1)^{-j+r}`), and falling
    factorials as :math:`k^{\underline{r}}` (not the ambiguous :math:`(k)_r`).

    Parameters
    ----------
    expr : sympy.Expr
        A closed form (from :func:`closed_form`).
    stirling_macro : str, optional
        How Stirling numbers of the second kind print: a LaTeX macro of two
        arguments (e.g. ``"\\stirlingII"``, defined by the caller's preamble),
        ``"genfrac"`` (amsmath's ``\genfrac``, no macro and no warning), or
        the default :math:`\left\{ {n \atop k} \right\}` (no macro; amsmath
        warns about ``\atop``).

    Returns
    -------
    str
        LaTeX (math mode).

    Examples
    --------
    >>> latex_form(closed_form("G"))
    'r! \\left\\{ {m \\atop r} \\right\\}'
    >>> latex_form(closed_form("T", form="sum"))
    '\\sum_{j=0}^{r} \\left(-1\\right)^{r - j} \\left(j + 1\\right)^{m} {\\binom{r}{j}}'
    >>> latex_form(closed_form("T", "R2"), stirling_macro="\\stirlingII")
    '\\sum_{k=r}^{m} k^{\\underline{r}} \\stirlingII{m}{k}'
    """
    import sympy

    if not isinstance(expr, sympy.Basic):
        raise ArgumentTypeError(
            f"expr must be a sympy expression (from closed_form), got {type(expr).__name__} {expr!r}"
        )
    if stirling_macro not in (None, "genfrac") and (not isinstance(stirling_macro, str)
                                                   or not stirling_macro.startswith("\\")
                                                   or not stirling_macro[1:].isalpha()):
        raise ArgumentValueError(f"stirling_macro must be 'genfrac' or a LaTeX macro name such as '\\stirlingII', "
                                 f"got {stirling_macro!r:.40}")
    if expr.has(sympy.exp) or expr.has(sympy.E):
        return _readable_printer(None, stirling_macro).doprint(expr)
    return _readable_printer("none", stirling_macro).doprint(expr)


def _readable_printer(order, stirling_macro):
    r"""A sympy LaTeX printer with positive terms first and falling factorials as :math:`k^{\underline r}`."""
    from sympy.printing.latex import LatexPrinter
    from sympy.printing.precedence import PRECEDENCE

    class ReadableLatexPrinter(LatexPrinter):
        def _print_Add(self, expr, order=None):
            # sympy's own term order, then the negative terms after the positive ones: r - j, m - k
            terms = list(expr.as_ordered_terms())
            terms = [t for t in terms if not t.could_extract_minus_sign()] + [
                t for t in terms if t.could_extract_minus_sign()]
            tex = ""
            for i, term in enumerate(terms):
                if i and term.could_extract_minus_sign():
                    tex += " - "
                    term = -term
                elif i:
                    tex += " + "
                term_tex = self._print(term)
                if self._needs_add_brackets(term):
                    term_tex = r"\left(%s\right)" % term_tex
                tex += term_tex
            return tex

        def _print_Mul(self, expr):
            # e^{-1} times a series (Dobinski's formula) reads better than a fraction over e
            import sympy

            def negative_e_power(factor) -> bool:  # e^q with q a negative rational: exp(-1), exp(-1/2)
                return (isinstance(factor, sympy.exp) and factor.args[0].is_Rational and factor.args[0] < 0) or (
                    factor.is_Pow and factor.base == sympy.E and factor.exp.is_Rational and factor.exp < 0)

            powers = [factor for factor in expr.args if negative_e_power(factor)]
            if len(powers) == 1 and len(expr.args) > 1:
                rest = sympy.Mul(*[factor for factor in expr.args if factor is not powers[0]])
                sign = ""
                if rest.could_extract_minus_sign():
                    sign, rest = "- ", -rest
                body = self._print(rest) if isinstance(rest, sympy.Sum) else self.parenthesize(rest, PRECEDENCE["Mul"])
                exponent = powers[0].args[0] if isinstance(powers[0], sympy.exp) else powers[0].exp
                return sign + r"e^{%s} " % self._print(exponent) + body
            return super()._print_Mul(expr)

        def _print_FallingFactorial(self, expr, exp=None):
            base, k = expr.args
            tex = r"%s^{\underline{%s}}" % (self.parenthesize(base, PRECEDENCE["Func"]), self._print(k))
            return tex if exp is None else r"\left(%s\right)^{%s}" % (tex, exp)

        def _stirling_latex(self, n, k, exp=None):
            # called by StirlingS2._latex: its arguments in this printer's term order
            if stirling_macro == "genfrac":
                tex = r"\genfrac{\{}{\}}{0pt}{}{%s}{%s}" % (self._print(n), self._print(k))
            elif stirling_macro is not None:
                tex = r"%s{%s}{%s}" % (stirling_macro, self._print(n), self._print(k))
            else:
                tex = r"\left\{ {%s \atop %s} \right\}" % (self._print(n), self._print(k))
            return tex if exp is None else r"%s^{%s}" % (tex, exp)

    return ReadableLatexPrinter({"order": order} if order else {})


# --------------------------------------------------------------------------- Count objects


class _DerivedOnDemand:
    """A dataclass field whose value, when not given, is derived on first access (sympy imported then)."""

    def __init__(self, name: str):
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return None  # the field's default
        value = obj.__dict__.get(self.private)
        if value is None:
            value = obj._derive_closed_form()
            obj.__dict__[self.private] = value
        return value

    def __set__(self, obj, value):
        # the dataclass passes the field's default (this descriptor) when no value is given
        obj.__dict__[self.private] = None if isinstance(value, _DerivedOnDemand) else value


@dataclass(frozen=True)
class Count:
    r"""An exact count with the reading it uses.

    Parameters
    ----------
    quantity : {"T", "G"}
        Which count.
    r, m : int
        The widths.
    zero_type : str or None
        The reading's name (``T``); ``None`` for ``G``.
    value : int
        The exact count.
    reading : str or None
        The reading's short name (``"R1"``, ``"R2"``); ``None`` for ``G``.
    closed_form : sympy.Expr, optional
        The symbolic Stirling form in :data:`r_sym`, :data:`m_sym` (derived,
        with sympy, on first access; for a reading without a Stirling form,
        its ``"sum"`` form or ``None``).
    activation_class : str
        The activation class whose reading was counted (one of
        :func:`~symbolic_minima.activation_classes.activation_class_names`;
        shown by ``repr`` and :meth:`to_json` only when it is not ``"generic"``).

    Examples
    --------
    >>> c = count("T", 2, 4, zero_type="R2")
    >>> c.value, str(c), c.instantiated_latex()
    (62, '62', '\\sum_{k=2}^{4} k^{\\underline{2}} \\left\\{ {4 \\atop k} \\right\\}')
    """

    quantity: str
    r: int
    m: int
    zero_type: str | None
    value: int
    reading: str | None = None
    closed_form: object = field(default=_DerivedOnDemand("closed_form"), repr=False, compare=False)
    activation_class: str = GENERIC

    @lifts_int_limit  # the value may have more than 4,300 digits
    def __repr__(self) -> str:
        text = (f"Count(quantity={self.quantity!r}, r={self.r!r}, m={self.m!r}, zero_type={self.zero_type!r}, "
                f"value={self.value!r}, reading={self.reading!r}")
        if self.activation_class != GENERIC:
            text += f", activation_class={self.activation_class!r}"
        return text + ")"

    def _reading(self) -> Reading:
        return _reading_of(self.quantity, self.zero_type, self.activation_class)

    def _derive_closed_form(self):
        reading = self._reading()
        if reading.activation_class == GENERIC and _stirling_shape(reading) is not None:
            return _closed_form(reading, "stirling")
        if reading.activation_class != GENERIC:
            try:
                return _closed_form(reading, "stirling")
            except ArgumentValueError:
                pass
        try:
            return _closed_form(reading, "sum")
        except ArgumentValueError:
            return None

    def to_json(self, activation_class: bool = False) -> dict:
        """``{"quantity", "r", "m", ["zero_type",] "value"[, "activation_class"]}`` (value a full-size int).

        Exactly the keys of the ``count --json`` contract; ``zero_type`` (T only)
        names the reading; ``activation_class`` is added when the class is not
        generic, or when asked (``activation_class=True``, as ``--activation`` does).
        """
        out = {"quantity": self.quantity, "r": self.r, "m": self.m}
        if self.quantity == "T":
            out["zero_type"] = self.zero_type
        out["value"] = self.value
        if activation_class or self.activation_class != GENERIC:
            out["activation_class"] = self.activation_class
        return out

    def symbol_latex(self) -> str:
        name = r"T_{\mathrm{%s}}" % self.reading if self.quantity == "T" else "G"
        if self.activation_class != GENERIC:
            name += r"^{\mathrm{%s}}" % self.activation_class
        return name

    def instantiated_latex(self, stirling_macro: str | None = None) -> str:
        """The Stirling form at this ``r, m``, e.g. ``3! \\left\\{ {6 \\atop 4} \\right\\}``.

        For a reading without a Stirling form: :math:`m!\\,[x^m]` of its EGF at this ``r``.
        ``stirling_macro``: as in :func:`latex_form`.
        """
        r, m = self.r, self.m

        def brace(top, bottom):
            if stirling_macro is not None:
                return f"{stirling_macro}{{{top}}}{{{bottom}}}"
            return r"\left\{ {" + str(top) + r" \atop " + str(bottom) + r"} \right\}"

        reading = self._reading()
        shape = _stirling_shape(reading) if reading.activation_class == GENERIC else None
        if shape == _SURJECTIONS:
            return f"{r}! " + brace(m, r)
        if shape == _SHIFTED:
            return f"{r}! " + brace(m + 1, r + 1)
        if shape == _MARKED_BLOCKS:
            return r"\sum_{k=%d}^{%d} k^{\underline{%d}} " % (r, m, r) + brace(m, "k")
        return self._coefficient_latex(reading.species(r).egf(), str(m))

    @staticmethod
    def _coefficient_latex(egf, m: str) -> str:
        import sympy

        return r"%s!\,[x^{%s}]\,%s" % (m, m, sympy.latex(egf))

    def _latex(self, printer=None) -> str:
        name = self.symbol_latex()
        closed = self.closed_form
        if closed is None:
            form = self._coefficient_latex(_closed_form(self._reading(), "egf"), "m")
        else:
            form = latex_form(closed)
        return (
            rf"{name}(r, m) = {form}, \qquad {name}({self.r}, {self.m}) = {self.instantiated_latex()}"
            rf" = {int_to_str(self.value)}"
        )

    def _repr_latex_(self) -> str:
        return f"${self._latex()}$"

    def __str__(self) -> str:
        return int_to_str(self.value)


def count(quantity, r, m, zero_type: str | None = None, method: str = "auto", activation=None) -> Count:
    r"""A :class:`Count` of ``T`` (``zero_type`` default: :data:`~symbolic_minima.readings.DEFAULT_ZERO_TYPE`) or ``G``.

    Parameters
    ----------
    quantity : {"T", "G"}
        Which count.
    r, m : int
        The widths, :math:`1\le r\le m\le` ``MAX_WIDTH``.
    zero_type : str, optional
        The reading of ``T`` (name or alias); must be ``None`` for ``G``.
    method : str
        A route of :func:`count_methods` (default ``"auto"``).
    activation : str, optional
        A class name or an activation name (``None``: generic); the
        :class:`Count` carries the class's name.

    Returns
    -------
    Count
        The value with its reading; prints as the full integer, in LaTeX as
        the closed form and its value.

    Examples
    --------
    >>> c = count("T", 3, 5)
    >>> c.value, c.reading, c.to_json()
    (390, 'R1', {'quantity': 'T', 'r': 3, 'm': 5, 'zero_type': 'singletons', 'value': 390})
    >>> count("G", 3, 5).to_json()
    {'quantity': 'G', 'r': 3, 'm': 5, 'value': 150}
    >>> count("T", 2, 4, activation="tanh")
    Count(quantity='T', r=2, m=4, zero_type='singletons', value=800, reading='R1', activation_class='odd')
    >>> count("G", 2, 4, activation="odd").to_json()
    {'quantity': 'G', 'r': 2, 'm': 4, 'value': 464, 'activation_class': 'odd'}
    """
    quantity = _quantity(quantity)
    if quantity == "T":
        reading = get_reading(zero_type or DEFAULT_ZERO_TYPE, activation, family=GLOBAL_MINIMUM)
        value = count_subspaces(reading, r, m, method)
        return Count("T", int(r), int(m), reading.name, value, reading.short_name,
                     activation_class=reading.activation_class)
    if zero_type is not None:
        raise ArgumentValueError("zero_type applies to T only; G has no reading")
    reading = _critical_reading(activation)
    value = count_subspaces(reading, r, m, method)
    return Count("G", int(r), int(m), None, value, None, activation_class=reading.activation_class)
