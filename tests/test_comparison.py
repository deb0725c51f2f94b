"""Mild vs vast overparameterization: exact ratios and crossovers, both readings."""

from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import given

from symbolic_minima.comparison import COMPARISONS, compare, crossover, crossovers, format_ratio
from symbolic_minima.counting import G, T
from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.strategies import widths


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@given(rm=widths(min_r=2, max_r=12, max_h=15))  # 2 <= r* <= 12, 0 <= h <= 15
def test_rows_are_exact_ratios(zero_type, rm):
    r_star, m = rm
    h = m - r_star
    row = compare(r_star, [h], zero_type)[0]
    t = T(r_star, m, zero_type=zero_type, method="stirling")
    g = [G(r, m, method="inclusion_exclusion") for r in range(1, r_star)]
    assert row.T == t and row.m == m and row.zero_type == zero_type
    assert row.reading == ("R1" if zero_type == "singletons" else "R2")
    assert row.previous == Fraction(g[-1], t)
    assert row.sum == Fraction(sum(g), t)
    assert row.max == Fraction(max(g), t) and g[row.argmax - 1] == max(g)
    assert row.previous <= row.max <= row.sum


def test_mild_dominates_vast_does_not():
    """SPEC §5: critical subspaces dominate for small h and are dominated for h >> r*."""
    for r_star in (5, 10, 20):
        for zero_type in ("singletons", "groups"):
            first, last = compare(r_star, [0, 10 * r_star], zero_type)
            for name in COMPARISONS:
                assert first.ratio(name) > 1 > last.ratio(name)


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("r_star", [3, 6, 10, 15])
def test_ratios_decrease_and_crossover(zero_type, r_star):
    rows = compare(r_star, range(0, 4 * r_star), zero_type)
    for name in COMPARISONS:
        values = [row.ratio(name) for row in rows]
        assert all(a >= b for a, b in pairwise(values[1:])), name  # non-increasing from h = 1
        h = crossover(r_star, name, zero_type)
        assert h == next(i for i, v in enumerate(values) if v < 1)
        assert all(v < 1 for v in values[h:])


def test_readings_and_crossover_values():
    # worked by hand: r* = 3, h = 0: G(2, 3) = 6 = T(3, 3), ratio exactly 1 (not below)
    assert compare(3, [0])[0].previous == 1
    assert crossover(3, "previous") == 1
    # r* = 2: G(1, 2) / T(2, 2) = 1/2 already
    assert compare(2, [0])[0].previous == Fraction(1, 2) and crossover(2, "sum") == 0
    # groups reading has more global minima from h = 2 on, so its ratios are smaller there
    for h in (2, 5, 9):
        r1, r2 = compare(8, [h], "singletons")[0], compare(8, [h], "groups")[0]
        assert r2.sum < r1.sum
    assert crossovers(10) == {"previous": 2, "sum": 4, "max": 2}
    assert crossovers(10, "groups") == {"previous": 2, "sum": 3, "max": 2}
    assert crossover(40, "sum", h_max=1) is None


def test_row_json_and_format():
    row = compare(10, [0])[0]
    data = row.to_json()
    assert data["previous"] == "9/2" and data["previous_approx"] == "4.5"
    assert data["reading"] == "R1" and data["T"] == 3628800
    assert format_ratio(Fraction(0)) == "0"
    assert format_ratio(Fraction(1, 10**60)) == "1.00000e-60"


@pytest.mark.parametrize(
    "call,exc",
    [
        (lambda: compare(1, [0]), ArgumentValueError),
        (lambda: compare(0, [0]), ArgumentValueError),
        (lambda: compare(2.5, [0]), ArgumentTypeError),
        (lambda: compare(3, [-1]), ArgumentValueError),
        (lambda: compare(3, []), ArgumentValueError),
        (lambda: compare(3, [1], "pairs"), ArgumentValueError),
        (lambda: crossover(3, "min"), ArgumentValueError),
        (lambda: crossover(3, "sum", h_max=-2), ArgumentValueError),
        (lambda: format_ratio("9/2"), ArgumentTypeError),  # text is refused, not parsed
        (lambda: format_ratio(Fraction(9, 2), digits=0), ArgumentValueError),
    ],
)
def test_bad_input(call, exc):
    with pytest.raises(exc):
        call()


def test_documented_crossovers():
    """The crossover values quoted in the comparison module's docstring."""
    documented = {
        10: ((2, 4, 2), (2, 3, 2)),
        20: ((5, 8, 5), (5, 8, 5)),
        40: ((10, 18, 12), (10, 17, 11)),
    }
    for r_star, (r1, r2) in documented.items():
        assert tuple(crossovers(r_star).values()) == r1
        assert tuple(crossovers(r_star, "groups").values()) == r2


def test_row_latex():
    import sympy

    tex = sympy.latex(compare(3, [1])[0])
    assert r"\frac{G(2, 4)}{T_{\mathrm{R1}}(3, 4)} = \frac{7}{30}" in tex
    big = compare(5, [400], "groups")[0]._repr_latex_()
    assert big.startswith("$") and r"\times 10^{" in big and "R2" in big
