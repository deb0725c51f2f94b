"""Exact Fraction linear algebra, checked against sympy.Matrix (an independent implementation)."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.linalg import mat_vec, nullspace, rank, rref, rref_extend, solve, to_fraction

small = st.integers(-3, 3).map(Fraction) | st.builds(Fraction, st.integers(-5, 5), st.integers(1, 4))
sparse_entry = st.sampled_from([Fraction(0)] * 6 + [Fraction(1), Fraction(-1), Fraction(3, 2)])


@st.composite
def matrices(draw, max_rows=5, max_cols=5):
    r = draw(st.integers(1, max_rows))
    c = draw(st.integers(1, max_cols))
    entries = draw(st.sampled_from([small, sparse_entry]))  # dense (integer route) or sparse route
    return [[draw(entries) for _ in range(c)] for _ in range(r)]


def _sym(rows):
    return sympy.Matrix([[sympy.Rational(x.numerator, x.denominator) for x in row] for row in rows])


@given(matrices())
def test_rref_matches_sympy(rows):
    reduced, pivots = rref(rows)
    ref, ref_piv = _sym(rows).rref()
    assert pivots == tuple(ref_piv)
    assert _sym(reduced) == ref[: len(pivots), :] if pivots else reduced == []
    assert rank(rows) == _sym(rows).rank()


@given(matrices())
def test_nullspace_is_a_basis_of_the_kernel(rows):
    n = len(rows[0])
    basis = nullspace(rows, n)
    assert len(basis) == n - _sym(rows).rank()
    for v in basis:
        assert all(x == 0 for x in mat_vec(rows, v))
    if basis:
        assert _sym(basis).rank() == len(basis)


@given(matrices(), st.lists(small, min_size=5, max_size=5))
def test_solve_agrees_with_consistency(rows, rhs):
    b = rhs[: len(rows)]
    x = solve(rows, b)
    aug = [row + [beta] for row, beta in zip(rows, b, strict=True)]
    consistent = _sym(aug).rank() == _sym(rows).rank()
    assert (x is not None) == consistent
    if x is not None:
        assert mat_vec(rows, x) == b


def test_rref_inconsistent_row_and_symbolic_rhs():
    rows, piv = rref([[1, 1, 2], [1, 1, 3]], ncols=2)
    assert piv == (0,) and rows[1] == [0, 0, 1]
    u = sympy.Symbol("u")
    rows, piv = rref([[2, 0, u], [0, 1, 1]], ncols=2)
    assert piv == (0, 1) and sympy.simplify(rows[0][2] - u / 2) == 0


def test_bad_input():
    with pytest.raises(ArgumentTypeError):
        to_fraction(0.5)
    with pytest.raises(ArgumentValueError):
        rref([[1, 2], [1]])
    with pytest.raises(ArgumentValueError):
        solve([[1, 2]], [1, 2])


@given(matrices(max_rows=4, max_cols=5), matrices(max_rows=4, max_cols=5))
def test_rref_extend_equals_rref_of_the_stack(first, second):
    width = min(len(first[0]), len(second[0]))
    first = [row[:width] for row in first]
    second = [row[:width] for row in second]
    for ncols in sorted({width, max(width - 1, 1), max(width - 2, 1)}):
        reduced, pivots = rref(first, ncols=ncols)
        if len(reduced) > len(pivots):
            continue  # rref_extend starts from a consistent reduced system
        assert rref_extend(reduced, pivots, second, ncols=ncols) == rref(first + second, ncols=ncols)
