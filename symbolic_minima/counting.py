r"""Exact counts of global-minimum subspaces :math:`T(r, m)` and critical subspaces :math:`G(r, m)`.

Every count is *derived* from the species of :mod:`symbolic_minima.species`
and computed by several independent routes (``method=``), which the tests
compare:

``T(r, m, zero_type="singletons")`` (reading R1, EGF :math:`e^x(e^x-1)^r`):

* ``"stirling"``: :math:`r!\,S(m+1,r+1)` (from :math:`e^x(e^x-1)^r=\frac{1}{r+1}\frac{d}{dx}(e^x-1)^{r+1}`);
* ``"inclusion_exclusion"``: :math:`\sum_{j=0}^r(-1)^j\binom rj(r+1-j)^m` (binomial expansion of the EGF);
* ``"zero_type_sum"``: :math:`\sum_k\binom mk G(r,m-k)` (choose the k zero-type neurons);
* ``"recurrence"``: :math:`T(r,m)=(r+1)T(r,m-1)+r\,T(r-1,m-1)`, :math:`T(0,m)=1`;
* ``"species"``: :math:`m![x^m]` of the EGF by power-series arithmetic;
* ``"enumeration"``: counting :func:`~symbolic_minima.labellings.global_minimum_labellings` (guarded).

``T(r, m, zero_type="groups")`` (reading R2, EGF :math:`(e^x-1)^r e^{e^x-1}`):

* ``"stirling"``: :math:`\sum_{k=r}^{m} k^{\underline r} S(m,k)` (partitions of [m] with r marked blocks);
* ``"inclusion_exclusion"``: :math:`\sum_j(-1)^j\binom rj B^{(r-j)}_m` with the r-Bell numbers
  :math:`B^{(a)}_m=\sum_k\binom mk a^{m-k}B_k`;
* ``"zero_type_sum"``: :math:`\sum_k\binom mk B_k\,G(r,m-k)`;
* ``"recurrence"``: :math:`T(r,m)=(r+1)T(r,m-1)+r\,T(r-1,m-1)+T(r+1,m-1)`, :math:`T(0,m)=B_m`
  (from :math:`F_r'=(r+1)F_r+rF_{r-1}+F_{r+1}` for the EGFs :math:`F_r`);
* ``"species"``, ``"enumeration"`` as above.

``G(r, m)`` (EGF :math:`(e^x-1)^r`): ``"stirling"`` :math:`r!\,S(m,r)`;
``"inclusion_exclusion"`` :math:`\sum_j(-1)^j\binom rj(r-j)^m`; ``"recurrence"``
:math:`G(r,m)=r\,G(r,m-1)+r\,G(r-1,m-1)`; ``"species"``; ``"enumeration"``.

Speed: reading R1 and ``G`` take one Stirling number (python-flint) or one
alternating sum (pure Python): :math:`T(5000, 10000)` in ~0.2 s with flint, a
few seconds without.  Reading R2 has no single-Stirling form; its routes
need a whole row :math:`S(m,\cdot)` or column :math:`G(r,\cdot)`, i.e. about
``m`` Stirling numbers, so :math:`T_{R2}(1000, 2000)` takes seconds (a progress
bar shows on a terminal) and widths in the tens of thousands are impractical.

Arguments: ``1 <= r <= m <= MAX_WIDTH`` (= 100,000, from :mod:`symbolic_minima.errors`;
:math:`T(r,m)` has about :math:`m\log_{10}(r+1)` digits, so larger widths
would mean multi-megabyte integers).  ``"auto"`` picks the fastest route:
python-flint's Stirling numbers when installed, otherwise the pure-Python
inclusion–exclusion sum of :func:`~symbolic_minima.stirling.difference_power_sum`.

>>> T(3, 5), T(3, 5, zero_type="groups"), G(3, 5)
(390, 450, 150)
>>> [T(3, 5, method=k) for k in METHODS_T[1:]]
[390, 390, 390, 390, 390, 390]
>>> count("T", 2, 4, zero_type="groups")
Count(quantity='T', r=2, m=4, zero_type='groups', value=62, reading='R2')
>>> closed_form("T")
StirlingS2(m + 1, r + 1)*factorial(r)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import comb, factorial

import sympy
from sympy import Symbol

from .bigint import int_to_str, lifts_int_limit
from .errors import ArgumentTypeError, ArgumentValueError, check_choice, check_sequence, check_width
from .labellings import _check_rm, critical_labellings, global_minimum_labellings
from .progress import progress, progress_enabled
from .readings import DEFAULT_ZERO_TYPE, check_zero_type, reading_name
from .species import (
    EGF_VARIABLE,
    MAX_SERIES_ORDER,
    closed_form_coefficient,
    critical_species,
    global_minimum_species,
)
from .stirling import StirlingS2, difference_power_sum, flint_available, stirling2

__all__ = [
    "T",
    "G",
    "T_table",
    "G_table",
    "Count",
    "count",
    "closed_form",
    "latex_form",
    "bell_numbers",
    "r_sym",
    "m_sym",
    "METHODS_T",
    "METHODS_G",
    "FORMS",
    "MAX_ENUMERATION_WIDTH",
    "MAX_TRIANGLE_STEPS",
]

#: The symbols of the symbolic closed forms.
r_sym = Symbol("r", integer=True, positive=True)
m_sym = Symbol("m", integer=True, positive=True)

METHODS_T = ("auto", "stirling", "inclusion_exclusion", "zero_type_sum", "recurrence", "species", "enumeration")
METHODS_G = ("auto", "stirling", "inclusion_exclusion", "recurrence", "species", "enumeration")
#: Forms of :func:`closed_form`.
FORMS = ("stirling", "sum", "egf", "convolution")
#: Largest ``m`` for ``method="enumeration"`` (it lists every labelling).
MAX_ENUMERATION_WIDTH = 10


def _budget():
    from . import budget  # the cost model (imported late: it is optional for the counts themselves)

    return budget


def bell_numbers(n: int) -> list:
    """``[B_0, ..., B_n]`` (set partitions), by the Bell triangle.

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


def _stirling_row(m: int, backend: str) -> list:
    """``[S(m, 0), ..., S(m, m)]``."""
    if backend == "flint" or (backend == "auto" and flint_available()):
        ks = progress(range(m + 1), total=m + 1, desc=f"S({m}, k)")
        return [stirling2(m, k, backend="flint") for k in ks]
    row = [1]  # n = 0
    for n in progress(range(1, m + 1), total=m, desc="Stirling triangle"):
        new = [0] * (n + 1)
        for k in range(1, n + 1):
            new[k] = k * (row[k] if k < n else 0) + row[k - 1]
        row = new
    return row


def _g_column(r: int, m: int, backend: str) -> list:
    """``[G(r, 0), ..., G(r, m)]`` for fixed r."""
    fr = factorial(r)
    ns = progress(range(m + 1), total=m + 1, desc=f"G({r}, n)")
    return [fr * stirling2(n, r, backend=backend) for n in ns]


def _enumerate(r, m, zero_type):
    if m > MAX_ENUMERATION_WIDTH:
        raise ArgumentValueError(
            f"m must be an integer <= {MAX_ENUMERATION_WIDTH} for method='enumeration', got {m}"
        )
    labellings = critical_labellings(r, m) if zero_type is None else global_minimum_labellings(r, m, zero_type)
    if progress_enabled():  # only then: the bar costs time per labelling
        # the bar's total (its percentage only) by inclusion-exclusion; the count is the enumeration's own
        total = difference_power_sum(r, m, 0) if zero_type is None else T(r, m, zero_type, "inclusion_exclusion")
        what = "surjections" if zero_type is None else f"{reading_name(zero_type)} labellings"
        labellings = progress(labellings, total=total, desc=f"enumerating {what} r={r} m={m}")
    return sum(1 for _ in labellings)


def _species(r, m, zero_type):
    if m > MAX_SERIES_ORDER:
        raise ArgumentValueError(f"m must be an integer <= {MAX_SERIES_ORDER} for method='species', got {m}")
    s = critical_species(r) if zero_type is None else global_minimum_species(r, zero_type)
    return s.count(m)


def T(r, m, zero_type: str = DEFAULT_ZERO_TYPE, method: str = "auto", backend: str = "auto") -> int:
    r"""Number :math:`T(r, m)` of global-minimum affine subspaces, in the named reading.

    ``zero_type``: ``"singletons"`` (R1) or ``"groups"`` (R2); ``method``: one of
    :data:`METHODS_T` (module docstring); ``backend`` (``"auto"|"flint"|"python"``)
    is used by the Stirling routes.

    >>> T(1, 3), T(1, 3, zero_type="groups"), T(2, 3, method="recurrence")
    (7, 10, 12)
    >>> T(3, 2)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: m must be an integer >= r = 3, got 2
    """
    r, m = _check_rm(r, m)
    zero_type = check_zero_type(zero_type)
    method = check_choice(method, "method", METHODS_T)
    _budget().count_estimate("T", r, m, zero_type, method, backend).check()  # refuse what would take hours
    if method == "auto":
        if zero_type == "singletons":
            method = "stirling" if flint_available() and backend != "python" else "inclusion_exclusion"
        else:
            method = "stirling"
    if method == "species":
        return _species(r, m, zero_type)
    if method == "enumeration":
        return _enumerate(r, m, zero_type)
    if method == "recurrence":
        return _t_rows(m, r, zero_type, {m})[m][r]
    if zero_type == "singletons":
        if method == "stirling":
            return factorial(r) * stirling2(m + 1, r + 1, backend=backend)
        if method == "inclusion_exclusion":
            return difference_power_sum(r, m, 1)
        # zero_type_sum
        g = _g_column(r, m, backend)
        return sum(comb(m, k) * g[m - k] for k in range(m - r + 1))
    if method == "stirling":
        row = _stirling_row(m, backend)
        falling = 1  # k^(r falling) for k = r: r!
        falling = factorial(r)
        total = 0
        for k in range(r, m + 1):
            if k > r:
                falling = falling * k // (k - r)
            total += falling * row[k]
        return total
    bells = bell_numbers(m)
    if method == "inclusion_exclusion":
        total = 0
        for j in range(r + 1):
            a = r - j
            r_bell = sum(comb(m, k) * a ** (m - k) * bells[k] for k in range(m + 1))
            total += (-1) ** j * comb(r, j) * r_bell
        return total
    g = _g_column(r, m, backend)
    return sum(comb(m, k) * bells[k] * g[m - k] for k in range(m - r + 1))


def G(r, m, method: str = "auto", backend: str = "auto") -> int:
    r"""Number :math:`G(r, m)=r!\,S(m,r)` of symmetry-induced critical subspaces (surjections :math:`[m]\to[r]`).

    >>> G(3, 5), G(2, 4, method="inclusion_exclusion"), G(3, 3, method="species")
    (150, 14, 6)
    """
    r, m = _check_rm(r, m)
    method = check_choice(method, "method", METHODS_G)
    _budget().count_estimate("G", r, m, None, method, backend).check()
    if method == "auto":
        method = "stirling" if flint_available() and backend != "python" else "inclusion_exclusion"
    if method == "stirling":
        return factorial(r) * stirling2(m, r, backend=backend)
    if method == "inclusion_exclusion":
        return difference_power_sum(r, m, 0)
    if method == "recurrence":
        return _g_rows(m, r, {m})[m][r]
    if method == "species":
        return _species(r, m, None)
    return _enumerate(r, m, None)


# --------------------------------------------------------------------------- triangles


#: Largest ``max(r) * max(m)`` for the triangle recurrences (tables, ``method="recurrence"``):
#: about a minute of Python big-int steps.
MAX_TRIANGLE_STEPS = 25_000_000


def _check_steps(m_max: int, r_max: int, zero_type=None) -> None:
    steps = m_max * (m_max if zero_type == "groups" else r_max)
    if steps > MAX_TRIANGLE_STEPS:
        raise ArgumentValueError(
            f"m must be smaller: the triangle recurrence would take {steps} steps "
            f"(limit {MAX_TRIANGLE_STEPS}); use T/G with method='auto' for single values"
        )


def _g_rows(m_max: int, r_max: int, keep):
    """``{m: [G(0, m), ..., G(min(m, r_max), m)]}`` for ``m`` in ``keep`` (only two rows live at a time)."""
    _check_steps(m_max, r_max)
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


def _t_rows(m_max: int, r_max: int, zero_type: str, keep):
    """``{m: [T(0, m), ..., T(min(m, r_max), m)]}`` (reading ``zero_type``) for ``m`` in ``keep``."""
    _check_steps(m_max, r_max, zero_type)
    prev = [1]
    out = {0: prev} if 0 in keep else {}
    if zero_type == "singletons":
        for m in progress(range(1, m_max + 1), total=m_max, desc="T triangle"):
            top = min(m, r_max)
            new = [1] + [0] * top
            for r in range(1, top + 1):
                new[r] = (r + 1) * (prev[r] if r < len(prev) else 0) + r * prev[r - 1]
            if m in keep:
                out[m] = new
            prev = new
        return out
    # R2 needs T(r+1, m-1): row m is needed up to r_max + (m_max - m).
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


def _table_args(r_values, m_values):
    r_list = [check_width(r, "r") for r in check_sequence(r_values, "r_values")]
    m_list = [check_width(m, "m") for m in check_sequence(m_values, "m_values")]
    if not r_list or not m_list:
        raise ArgumentValueError("r_values and m_values must be non-empty")
    return r_list, m_list


def T_table(r_values, m_values, zero_type: str = DEFAULT_ZERO_TYPE) -> dict:
    r"""``{(r, m): T(r, m)}`` for all pairs, by the triangle recurrence (Python ints).

    Entries with ``m < r`` are ``0`` (no labelling uses all r teacher labels).

    >>> T_table(range(1, 3), range(1, 4))
    {(1, 1): 1, (1, 2): 3, (1, 3): 7, (2, 1): 0, (2, 2): 2, (2, 3): 12}
    """
    zero_type = check_zero_type(zero_type)
    r_list, m_list = _table_args(r_values, m_values)
    _budget().table_estimate("T", r_list, m_list, zero_type).check()
    rows = _t_rows(max(m_list), max(r_list), zero_type, set(m_list))
    return {(r, m): (rows[m][r] if r < len(rows[m]) else 0) for r in r_list for m in m_list}


def G_table(r_values, m_values) -> dict:
    r"""``{(r, m): G(r, m)}`` for all pairs, by the triangle recurrence; ``0`` where ``m < r``.

    >>> G_table([2], [2, 3, 4, 5])
    {(2, 2): 2, (2, 3): 6, (2, 4): 14, (2, 5): 30}
    """
    r_list, m_list = _table_args(r_values, m_values)
    _budget().table_estimate("G", r_list, m_list, None).check()
    rows = _g_rows(max(m_list), max(r_list), set(m_list))
    return {(r, m): (rows[m][r] if r < len(rows[m]) else 0) for r in r_list for m in m_list}


# --------------------------------------------------------------------------- closed forms


def _quantity(quantity) -> str:
    return check_choice(quantity, "quantity", ("T", "G"))


def closed_form(quantity: str, zero_type: str | None = None, form: str = "stirling"):
    r"""The derived closed form of ``T`` (in reading ``zero_type``) or ``G`` in the symbols :data:`r_sym`, :data:`m_sym`.

    ``form``:

    * ``"egf"``: the species' EGF in :data:`~symbolic_minima.species.EGF_VARIABLE`;
    * ``"sum"``: :func:`~symbolic_minima.species.closed_form_coefficient` of the EGF
      (binomial expansion; Dobinski series for reading R2);
    * ``"stirling"``: via :math:`(e^x-1)^k/k!=\sum_n S(n,k)x^n/n!`; for R1 the EGF is
      checked to equal :math:`\frac{1}{r+1}\frac{d}{dx}(e^x-1)^{r+1}`, giving
      :math:`r!\,S(m+1,r+1)`; for R2, :math:`\sum_{k}k^{\underline r}S(m,k)`;
    * ``"convolution"``: the product rule for EGFs,
      :math:`\sum_k\binom mk Z_k\,r!\,S(m-k,r)` with :math:`Z_k=1` (R1) or :math:`B_k` (R2).

    >>> closed_form("G")
    StirlingS2(m, r)*factorial(r)
    >>> closed_form("T", "groups", "egf")
    (exp(x) - 1)**r*exp(exp(x) - 1)
    >>> closed_form("T", form="sum")
    Sum((-1)**(-j + r)*(j + 1)**m*binomial(r, j), (j, 0, r))
    """
    quantity = _quantity(quantity)
    form = check_choice(form, "form", FORMS)
    if quantity == "G":
        if zero_type is not None:
            raise ArgumentValueError("zero_type applies to T only; G has no reading")
        species = critical_species(r_sym)
    else:
        zero_type = check_zero_type(zero_type or DEFAULT_ZERO_TYPE)
        species = global_minimum_species(r_sym, zero_type)
    egf = species.egf()
    r, m, x = r_sym, m_sym, EGF_VARIABLE
    if form == "egf":
        return egf
    if form == "sum":
        return closed_form_coefficient(egf, m)
    k = Symbol("k", integer=True, nonnegative=True)
    if form == "convolution":
        if quantity == "G":
            raise ArgumentValueError("form 'convolution' applies to T only")
        zk = 1 if zero_type == "singletons" else sympy.bell(k)
        return sympy.Sum(sympy.binomial(m, k) * zk * sympy.factorial(r) * StirlingS2(m - k, r), (k, 0, m - r))
    # form == "stirling"
    if quantity == "G":
        return sympy.factorial(r) * StirlingS2(m, r)
    if zero_type == "singletons":
        derivative = sympy.diff((sympy.exp(x) - 1) ** (r + 1), x) / (r + 1)
        if sympy.simplify(derivative - egf) != 0:  # pragma: no cover - a failed derivation
            raise AssertionError("e^x (e^x-1)^r != d/dx (e^x-1)^(r+1) / (r+1)")
        # m! [x^m] F'(x) = (m+1)! [x^(m+1)] F(x) and (e^x-1)^(r+1) = (r+1)! sum S(n, r+1) x^n/n!
        return sympy.factorial(r) * StirlingS2(m + 1, r + 1)  # (r+1)!/(r+1) = r!
    return sympy.Sum(sympy.ff(k, r) * StirlingS2(m, k), (k, r, m))


def latex_form(expr) -> str:
    r"""LaTeX of a closed form with factorials first (:math:`r!\left\{ {m+1 \atop r+1} \right\}`).

    >>> latex_form(closed_form("G"))
    'r! \\left\\{ {m \\atop r} \\right\\}'
    """
    if not isinstance(expr, sympy.Basic):
        raise ArgumentTypeError(f"expr must be a sympy expression (from closed_form), got {type(expr).__name__} {expr!r}")
    if expr.has(sympy.exp) or expr.has(sympy.E):
        return sympy.latex(expr)
    return sympy.latex(expr, order="none")


# --------------------------------------------------------------------------- Count objects


@dataclass(frozen=True)
class Count:
    """An exact count with the reading it uses.

    ``quantity`` is ``"T"`` or ``"G"``; ``zero_type`` and ``reading`` are
    ``None`` for ``G``; ``closed_form`` is the symbolic Stirling form in
    :data:`r_sym`, :data:`m_sym`.
    """

    quantity: str
    r: int
    m: int
    zero_type: str | None
    value: int
    reading: str | None = None
    closed_form: object = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict:
        """``{"quantity", "r", "m", ["zero_type",] "value"}`` (value a full-size int).

        Exactly the keys of the ``count --json`` contract; ``zero_type`` (T only)
        names the reading.
        """
        out = {"quantity": self.quantity, "r": self.r, "m": self.m}
        if self.quantity == "T":
            out["zero_type"] = self.zero_type
        out["value"] = self.value
        return out

    def symbol_latex(self) -> str:
        if self.quantity == "T":
            return r"T_{\mathrm{%s}}" % self.reading
        return "G"

    def instantiated_latex(self) -> str:
        """The Stirling form at this ``r, m``, e.g. ``3! \\left\\{ {6 \\atop 4} \\right\\}``."""
        r, m = self.r, self.m

        def brace(top, bottom):
            return r"\left\{ {" + str(top) + r" \atop " + str(bottom) + r"} \right\}"

        if self.quantity == "G":
            return f"{r}! " + brace(m, r)
        if self.zero_type == "singletons":
            return f"{r}! " + brace(m + 1, r + 1)
        return r"\sum_{k=%d}^{%d} {\left(k\right)}_{%d} " % (r, m, r) + brace(m, "k")

    def _latex(self, printer=None) -> str:
        name = self.symbol_latex()
        form = latex_form(self.closed_form)
        return (
            rf"{name}(r, m) = {form}, \qquad {name}({self.r}, {self.m}) = {self.instantiated_latex()}"
            rf" = {int_to_str(self.value)}"
        )

    def _repr_latex_(self) -> str:
        return f"${self._latex()}$"

    def __str__(self) -> str:
        return int_to_str(self.value)


Count.__repr__ = lifts_int_limit(Count.__repr__)  # the value may have more than 4,300 digits


def count(quantity, r, m, zero_type: str | None = None, method: str = "auto") -> Count:
    """A :class:`Count` of ``T`` (``zero_type`` default ``"singletons"``) or ``G``.

    >>> c = count("T", 3, 5)
    >>> c.value, c.reading, c.to_json()
    (390, 'R1', {'quantity': 'T', 'r': 3, 'm': 5, 'zero_type': 'singletons', 'value': 390})
    >>> count("G", 3, 5).to_json()
    {'quantity': 'G', 'r': 3, 'm': 5, 'value': 150}
    """
    quantity = _quantity(quantity)
    if quantity == "T":
        zero_type = check_zero_type(zero_type or DEFAULT_ZERO_TYPE)
        value = T(r, m, zero_type=zero_type, method=method)
        return Count("T", int(r), int(m), zero_type, value, reading_name(zero_type), closed_form("T", zero_type))
    if zero_type is not None:
        raise ArgumentValueError("zero_type applies to T only; G has no reading")
    value = G(r, m, method=method)
    return Count("G", int(r), int(m), None, value, None, closed_form("G"))
