"""Tests of symbolic_minima.stirling: exact S(n, k) by both backends and the symbolic StirlingS2."""

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.stirling import StirlingS2, difference_power_sum, flint_available, stirling2

# S(n, k) rows typed from the definition (partitions of an n-set into k blocks).
ROWS = {
    0: [1],
    1: [0, 1],
    2: [0, 1, 1],
    3: [0, 1, 3, 1],
    4: [0, 1, 7, 6, 1],
    5: [0, 1, 15, 25, 10, 1],
    6: [0, 1, 31, 90, 65, 15, 1],
    7: [0, 1, 63, 301, 350, 140, 21, 1],
}
BACKENDS = ["python"] + (["flint"] if flint_available() else [])


def _brute(n, k):
    """Partitions of range(n) into exactly k blocks, by restricted growth strings."""
    from itertools import product

    total = 0
    for word in product(range(k), repeat=n):
        seen = -1
        ok = True
        for v in word:
            if v > seen + 1:
                ok = False
                break
            seen = max(seen, v)
        total += ok and seen == k - 1
    return total


@pytest.mark.parametrize("backend", BACKENDS)
def test_small_rows(backend):
    for n, row in ROWS.items():
        assert [stirling2(n, k, backend=backend) for k in range(n + 1)] == row


@pytest.mark.parametrize("n,k", [(n, k) for n in range(0, 8) for k in range(0, 5)])
def test_brute_force(n, k):
    assert stirling2(n, k, backend="python") == _brute(n, k)


@given(st.integers(0, 300), st.integers(0, 300))
def test_backends_agree_and_recurrence(n, k):
    s = stirling2(n, k, backend="python")
    if flint_available():
        assert s == stirling2(n, k, backend="flint")
    if n >= 1 and k >= 1:
        assert s == k * stirling2(n - 1, k, backend="python") + stirling2(n - 1, k - 1, backend="python")


@given(st.integers(0, 60), st.integers(0, 200), st.integers(0, 3))
def test_difference_power_sum_matches_naive(k, n, a):
    from math import comb

    naive = sum((-1) ** (k - i) * comb(k, i) * (a + i) ** n for i in range(k + 1))
    assert difference_power_sum(k, n, a) == naive


def test_large_python_matches_flint():
    if not flint_available():
        pytest.skip("python-flint not installed")
    assert stirling2(801, 301, backend="python") == stirling2(801, 301, backend="flint")


@pytest.mark.parametrize("bad", [-1, 10**6])
def test_bad_values(bad):
    with pytest.raises(ArgumentValueError, match="n must be"):
        stirling2(bad, 1)


@pytest.mark.parametrize("bad", [2.0, True, "3", None])
def test_bad_types(bad):
    with pytest.raises(ArgumentTypeError, match="k must be"):
        stirling2(3, bad)


@pytest.mark.parametrize("args,exc,name", [((-1, 2), ArgumentValueError, "k"), ((2, -1), ArgumentValueError, "n"),
                                           ((2, 2, 1.5), ArgumentTypeError, "a"), (("2", 2), ArgumentTypeError, "k")])
def test_difference_power_sum_bad_input(args, exc, name):
    with pytest.raises(exc, match=f"^{name} must be"):
        difference_power_sum(*args)


def test_bad_backend():
    with pytest.raises(ArgumentValueError, match="backend"):
        stirling2(3, 2, backend="gmp")


def test_symbolic_function():
    n, k = sympy.symbols("n k", integer=True, nonnegative=True)
    assert StirlingS2(7, 3) == 301
    assert StirlingS2(3, 7) == 0
    assert isinstance(StirlingS2(n, k), StirlingS2)
    with pytest.raises(ArgumentTypeError, match="n must not contain text"):
        StirlingS2("7", 3)  # text is refused, not parsed by sympify
    assert sympy.latex(StirlingS2(n, k)) == r"\left\{ {n \atop k} \right\}"
    assert sympy.latex(StirlingS2(n + 1, 3)) == r"\left\{ {n + 1 \atop 3} \right\}"
    for rule in (sympy.Sum, "sum"):
        expanded = StirlingS2(n, k).rewrite(rule)
        assert isinstance(expanded, sympy.Expr) and expanded.has(sympy.Sum)
        for nn, kk in [(5, 2), (7, 3), (6, 6), (4, 0)]:
            assert expanded.subs({n: nn, k: kk}).doit() == stirling2(nn, kk)
