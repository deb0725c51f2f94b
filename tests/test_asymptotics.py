"""Asymptotics: derived leading terms, and the exact ratios converging to 1."""

from fractions import Fraction
from itertools import pairwise
from math import factorial

import pytest
import sympy

from symbolic_minima.asymptotics import (
    G_asymptotic,
    G_polynomial,
    T_asymptotic,
    T_polynomial,
    asymptotic_ratio,
    bell_derivative_coefficients,
    comparison_asymptotic,
    h_sym,
)
from symbolic_minima.comparison import compare
from symbolic_minima.counting import G, T, bell_numbers, m_sym, r_sym
from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.species import EGF_VARIABLE as x


def test_leading_terms():
    assert T_asymptotic() == (r_sym + 1) ** m_sym
    assert G_asymptotic() == r_sym**m_sym
    assert T_asymptotic("groups") == sympy.bell(m_sym + r_sym)
    lead = sympy.factorial(r_sym) * r_sym ** (2 * h_sym) / (2**h_sym * sympy.factorial(h_sym))
    for expr in (T_asymptotic(regime="fixed_h"), T_asymptotic("groups", "fixed_h"), G_asymptotic("fixed_h")):
        assert sympy.simplify(expr - lead) == 0


def _converges(ratios, tol):
    errors = [abs(1 - q) for q in ratios]
    return all(a > b for a, b in pairwise(errors)) and errors[-1] < tol


@pytest.mark.parametrize("r", [1, 2, 5])
def test_fixed_r_singletons_and_G(r):
    ms = [4 * r, 16 * r, 64 * r, 256 * r]
    assert _converges([asymptotic_ratio("T", r, m) for m in ms], 1e-6)
    if r >= 2:
        assert _converges([asymptotic_ratio("G", r, m) for m in ms], 1e-6)
    # next term of the binomial expansion: 1 - ratio ~ r (r/(r+1))^m
    m = 64 * r
    gap = 1 - asymptotic_ratio("T", r, m)
    assert abs(gap / (r * Fraction(r, r + 1) ** m) - 1) < Fraction(1, 10)


@pytest.mark.parametrize("r", [1, 2, 4])
def test_fixed_r_groups_bell_shift(r):
    ratios = [asymptotic_ratio("T", r, m, "groups") for m in (10, 40, 160, 640)]
    assert all(0 < q < 1 for q in ratios)
    assert _converges(ratios, 0.1)
    # the exact identity behind it: B_{m+r} = sum_l c_{r,l} T_R2(l, m)
    c = bell_derivative_coefficients(r)
    assert c[-1] == 1
    for m in range(r, r + 8):
        bells = bell_numbers(m + r)
        lower = [bells[m]] + [T(l, m, "groups") if m >= l else 0 for l in range(1, r + 1)]
        assert bells[m + r] == sum(cl * t for cl, t in zip(c, lower, strict=True))


@pytest.mark.parametrize("r", [1, 2, 3, 4])
def test_bell_derivative_coefficients_symbolically(r):
    y = sympy.exp(x) - 1
    lhs = sympy.diff(sympy.exp(y), x, r)
    rhs = sum(cl * y**l * sympy.exp(y) for l, cl in enumerate(bell_derivative_coefficients(r)))
    assert sympy.simplify(lhs - rhs) == 0


@pytest.mark.parametrize("h", range(0, 5))
def test_fixed_h_polynomials(h):
    polys = [T_polynomial(h), T_polynomial(h, "groups"), G_polynomial(h)]
    exact = [
        lambda r: T(r, r + h),
        lambda r: T(r, r + h, zero_type="groups"),
        lambda r: G(r, r + h),
    ]
    for poly, value in zip(polys, exact, strict=True):
        p = sympy.Poly(poly, r_sym)
        assert p.degree() == 2 * h
        assert p.LC() == sympy.Rational(1, 2**h * factorial(h))
        for r in (25, 60):  # far beyond the interpolation points
            assert p.eval(r) * factorial(r) == value(r)


def test_fixed_h_ratio_converges():
    for h in (1, 2, 3):
        for zero_type in ("singletons", "groups"):
            ratios = [asymptotic_ratio("T", r, r + h, zero_type, "fixed_h") for r in (10, 60, 360)]
            assert _converges(ratios, 0.05)
        assert _converges([asymptotic_ratio("G", r, r + h, regime="fixed_h") for r in (10, 60, 360)], 0.05)


def test_comparison_asymptotic():
    lead = comparison_asymptotic()
    assert sympy.simplify(lead - r_sym / (2 * (h_sym + 1))) == 0
    for h in (0, 1, 2):
        for zero_type in ("singletons", "groups"):
            ratios = []
            for r_star in (20, 80, 320):
                row = compare(r_star, [h], zero_type)[0]
                scale = Fraction(2 * (h + 1), r_star)
                ratios.append(row.previous * scale)
                assert row.max * scale >= row.previous * scale
            assert _converges(ratios, 0.05)


def test_bad_input():
    with pytest.raises(ArgumentValueError):
        T_asymptotic(regime="fixed_m")
    with pytest.raises(ArgumentValueError):
        asymptotic_ratio("G", 3, 5, zero_type="groups")
    with pytest.raises(ArgumentValueError):
        asymptotic_ratio("T", 5, 3)
    with pytest.raises(ArgumentValueError):
        T_polynomial(-1)
    with pytest.raises(ArgumentValueError):
        comparison_asymptotic("min")
