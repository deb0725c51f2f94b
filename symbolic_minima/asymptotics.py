r"""Leading terms of :math:`T` and :math:`G`, derived from their generating functions.

Two regimes (symbols :data:`~symbolic_minima.counting.r_sym`,
:data:`~symbolic_minima.counting.m_sym`, :data:`h_sym`):

**Fixed r, m → ∞** (``regime="fixed_r"``).  For an EGF that is a finite sum of
exponentials :math:`\sum_b w_b e^{bx}` the count is :math:`\sum_b w_b b^m`,
dominated by the largest base: :func:`~symbolic_minima.species.closed_form_coefficient`
gives :math:`\sum_{j}(-1)^{r-j}\binom rj (j+a)^m`, whose :math:`j=r` term is
:math:`T_{R1}\sim(r+1)^m` and :math:`G\sim r^m` (relative error
:math:`O(r\,(r/(r+1))^m)`, exponentially small).

Reading R2 has no largest base (the Dobinski series of :math:`e^{e^x-1}`
runs over all :math:`e^{ix}`).  Instead: :math:`\frac{d^r}{dx^r}e^{e^x-1}`
is the EGF of :math:`B_{m+r}`, and expanding it in :math:`y=e^x-1`,

.. math:: \frac{d^r}{dx^r}e^{e^x-1}=\sum_{l=0}^{r}c_{r,l}\,y^l e^{y},\qquad
          c_{r,l}=\sum_k S(r,k)\binom kl,\quad c_{r,r}=1,

so :math:`B_{m+r}=\sum_l c_{r,l}T_{R2}(l,m)` exactly, and since
:math:`T_{R2}(l,m)/T_{R2}(l+1,m)=O(\log m/m)`,
:math:`T_{R2}(r,m)\sim B_{m+r}` (relative error :math:`O(r^2\log m/m)`).

**Fixed h, r → ∞** (``regime="fixed_h"``, :math:`m=r+h`).
:math:`T(r,r+h)/r!` and :math:`G(r,r+h)/r!` are polynomials in :math:`r` of
degree :math:`2h` (:func:`T_polynomial`, :func:`G_polynomial`: derived by
exact interpolation and checked at extra points); their common leading term
comes from the structures whose non-singleton blocks are :math:`h` pairs,
:math:`\binom{r}{2h}(2h-1)!!\sim r^{2h}/(2^h h!)`, so

.. math:: T_{R1}(r,r+h)\sim T_{R2}(r,r+h)\sim G(r,r+h)\sim r!\,\frac{r^{2h}}{2^h\,h!},

and the mild-overparameterization ratio (mathematical reference, 'Mild versus vast overparameterization') is
:math:`G(r^*-1,r^*+h)/T(r^*,r^*+h)\sim r^*/(2(h+1))` (:func:`comparison_asymptotic`).

>>> T_asymptotic()
(r + 1)**m
>>> T_asymptotic("R2")
bell(m + r)
>>> G_asymptotic(regime="fixed_h")
r**(2*h)*factorial(r)/(2**h*factorial(h))
>>> T_polynomial(1)
r**2/2 + 3*r/2 + 1
>>> asymptotic_ratio("T", 3, 60) < 1
True
"""

from __future__ import annotations

from fractions import Fraction
from math import factorial

import sympy
from sympy import Symbol

from .counting import G, T, _stirling_shape, bell_numbers, closed_form, m_sym, r_sym
from .errors import ArgumentValueError, check_choice, check_int
from .readings import DEFAULT_ZERO_TYPE, GLOBAL_MINIMUM, Reading, check_rm, get_reading

__all__ = [
    "h_sym",
    "REGIMES",
    "T_asymptotic",
    "G_asymptotic",
    "T_polynomial",
    "G_polynomial",
    "asymptotic_ratio",
    "comparison_asymptotic",
    "bell_derivative_coefficients",
]

#: ``h = m - r`` in the fixed-h regime.
h_sym = Symbol("h", integer=True, nonnegative=True)
REGIMES = ("fixed_r", "fixed_h")
#: Largest ``h`` for the exact polynomials (interpolation at 2h + 3 points).
MAX_POLYNOMIAL_H = 60


def _dominant_exponential(sum_form):
    """The largest-base term of a binomial-expansion closed form (its ``j = r`` summand)."""
    if not isinstance(sum_form, sympy.Sum):
        raise ArgumentValueError("expected a finite sum of exponential terms")
    (j, lo, hi), = sum_form.limits
    return sympy.simplify(sum_form.function.subs(j, hi))


def _fixed_h_leading(quantity):
    # r! * r^(2h) / (2^h h!): h disjoint pairs among the ~r blocks dominate
    return sympy.factorial(r_sym) * r_sym ** (2 * h_sym) / (2**h_sym * sympy.factorial(h_sym))


def T_asymptotic(zero_type: str = DEFAULT_ZERO_TYPE, regime: str = "fixed_r"):
    r"""Leading term of :math:`T(r, m)` in the named reading and regime (sympy expression).

    ``fixed_r``: for a reading without zero-sum groups the largest exponential
    of the binomial expansion of its EGF (R1: :math:`(r+1)^m`); for free blocks
    of any size (R2) :math:`B_{m+r}`; ``fixed_h``: :math:`r!\,r^{2h}/(2^h h!)`
    in ``r_sym``, ``h_sym``.
    """
    reading = get_reading(zero_type, family=GLOBAL_MINIMUM)
    regime = check_choice(regime, "regime", REGIMES)
    if regime == "fixed_h":
        return _fixed_h_leading("T")
    if _bell_leading(reading):
        return sympy.bell(m_sym + r_sym)
    return _dominant_exponential(closed_form("T", reading.name, "sum"))


def _bell_leading(reading: Reading) -> bool:
    """Whether the fixed-r leading term is :math:`B_{m+r}` (free blocks of any size), derived above."""
    if not reading.has_groups:
        return False
    if _stirling_shape(reading) is None:
        raise ArgumentValueError(f"no fixed-r leading term is derived for reading {reading.name!r}")
    return True


def G_asymptotic(regime: str = "fixed_r"):
    r"""Leading term of :math:`G(r, m)`: :math:`r^m` (fixed r) or :math:`r!\,r^{2h}/(2^h h!)` (fixed h)."""
    regime = check_choice(regime, "regime", REGIMES)
    if regime == "fixed_h":
        return _fixed_h_leading("G")
    return _dominant_exponential(closed_form("G", None, "sum"))


def bell_derivative_coefficients(r) -> list:
    r"""``[c_{r,0}, ..., c_{r,r}]`` with :math:`\frac{d^r}{dx^r}e^{e^x-1}=\sum_l c_{r,l}(e^x-1)^l e^{e^x-1}`.

    :math:`c_{r,l}=\sum_k S(r,k)\binom kl`; so :math:`B_{m+r}=\sum_l c_{r,l}\,T_{R2}(l,m)`.

    >>> bell_derivative_coefficients(2)
    [2, 3, 1]
    """
    from math import comb

    from .stirling import stirling2

    r = check_int(r, "r", minimum=0, maximum=1000)
    return [sum(stirling2(r, k) * comb(k, l) for k in range(r + 1)) for l in range(r + 1)]


def _polynomial(values_at, h: int, degree: int):
    points = [(rr, values_at(rr)) for rr in range(1, degree + 2)]
    poly = sympy.expand(sympy.interpolate([(sympy.Integer(a), sympy.Integer(b)) for a, b in points], r_sym))
    for rr in (degree + 2, degree + 7):  # derive, then check
        if poly.subs(r_sym, rr) != values_at(rr):  # pragma: no cover - would be a wrong derivation
            raise AssertionError(f"interpolated polynomial fails at r = {rr}")
    return poly


def T_polynomial(h, zero_type: str = DEFAULT_ZERO_TYPE):
    r"""The exact polynomial :math:`P_h(r)=T(r,r+h)/r!` (degree :math:`2h`, valid for all :math:`r\ge1`).

    >>> T_polynomial(2, "R2")
    r**4/8 + 11*r**3/12 + 23*r**2/8 + 49*r/12 + 2
    """
    h = check_int(h, "h", minimum=0, maximum=MAX_POLYNOMIAL_H)
    name = get_reading(zero_type, family=GLOBAL_MINIMUM).name
    return _polynomial(lambda rr: T(rr, rr + h, zero_type=name) // factorial(rr), h, 2 * h)


def G_polynomial(h):
    r"""The exact polynomial :math:`G(r,r+h)/r!=S(r+h,r)` in :math:`r` (degree :math:`2h`).

    >>> G_polynomial(1)
    r**2/2 + r/2
    """
    h = check_int(h, "h", minimum=0, maximum=MAX_POLYNOMIAL_H)
    return _polynomial(lambda rr: G(rr, rr + h) // factorial(rr), h, 2 * h)


def asymptotic_ratio(quantity, r, m, zero_type=None, regime: str = "fixed_r") -> Fraction:
    r"""Exact ``value / leading term`` as a :class:`~fractions.Fraction`; tends to 1 in the regime.

    >>> asymptotic_ratio("G", 2, 40)
    Fraction(549755813887, 549755813888)
    """
    quantity = check_choice(quantity, "quantity", ("T", "G"))
    regime = check_choice(regime, "regime", REGIMES)
    r, m = check_rm(r, m)
    reading = None
    if quantity == "T":
        reading = get_reading(zero_type or DEFAULT_ZERO_TYPE, family=GLOBAL_MINIMUM)
        exact = T(r, m, zero_type=reading.name)
    else:
        if zero_type is not None:
            raise ArgumentValueError("zero_type applies to T only; G has no reading")
        exact = G(r, m)
    if regime == "fixed_h":
        h = m - r
        # r! r^(2h) / (2^h h!)
        return Fraction(exact * 2**h * factorial(h), factorial(r) * r ** (2 * h))
    if reading is None:
        return Fraction(exact, r**m)
    if _bell_leading(reading):
        return Fraction(exact, bell_numbers(m + r)[-1])
    leading = T_asymptotic(reading.name).subs({r_sym: r, m_sym: m}, simultaneous=True)
    return Fraction(exact, int(leading))


def comparison_asymptotic(comparison: str = "previous"):
    r"""Leading term of the mild/vast ratios for fixed :math:`h`, :math:`r^*\to\infty`: :math:`r^*/(2(h+1))`.

    (See the mathematical reference, 'Mild versus vast overparameterization'.)

    Derived from the fixed-h leading terms:
    :math:`G(r-1,(r-1)+(h+1))/T(r,r+h)\sim \frac{(r-1)!\,(r-1)^{2h+2}/(2^{h+1}(h+1)!)}{r!\,r^{2h}/(2^hh!)}`.
    The same for ``"sum"`` and ``"max"`` (their other terms are :math:`O(1/r^*)` smaller),
    and for both readings (same fixed-h leading term).

    >>> comparison_asymptotic()
    r/(2*(h + 1))
    """
    check_choice(comparison, "comparison", ("previous", "sum", "max"))
    lead = _fixed_h_leading("G")
    g_prev = lead.subs({r_sym: r_sym - 1, h_sym: h_sym + 1}, simultaneous=True)
    ratio = sympy.combsimp(g_prev / _fixed_h_leading("T"))
    # (r-1)^(2h+2)/r^(2h+1) -> r as r -> oo
    leading = sympy.limit(ratio / r_sym, r_sym, sympy.oo) * r_sym
    return sympy.simplify(leading)
