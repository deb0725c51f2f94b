"""Tests of symbolic_minima.counting: every route agrees, closed forms, tables, Count objects, bad input."""

from math import comb, factorial

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symbolic_minima.counting import (
    METHODS_G,
    METHODS_T,
    G,
    G_table,
    T,
    T_table,
    bell_numbers,
    closed_form,
    count,
    m_sym,
    r_sym,
)
from symbolic_minima.errors import MAX_WIDTH, ArgumentTypeError, ArgumentValueError
from symbolic_minima.stirling import flint_available

BACKENDS = ["python"] + (["flint"] if flint_available() else [])

# SPEC §5 small values (singletons reading) and G, m = r .. r+3
SPEC_T = {1: [1, 3, 7, 15], 2: [2, 12, 50, 180], 3: [6, 60, 390, 2100]}
SPEC_G = {1: [1, 1, 1, 1], 2: [2, 6, 14, 30], 3: [6, 36, 150, 540]}


def test_spec_table():
    for r, values in SPEC_T.items():
        assert [T(r, r + h) for h in range(4)] == values
    for r, values in SPEC_G.items():
        assert [G(r, r + h) for h in range(4)] == values


def test_spec_readings_differ_from_h2():
    assert T(1, 3, zero_type="groups") == 10 and T(1, 3) == 7
    assert T(2, 4, zero_type="groups") == 62 and T(2, 4) == 50
    for r in range(1, 6):
        for h in (0, 1):
            assert T(r, r + h) == T(r, r + h, zero_type="groups")
        assert T(r, r + 2, zero_type="groups") > T(r, r + 2)


@pytest.mark.parametrize("r", range(1, 8))
def test_spec_small_value_formulas(r):
    assert T(1, r) == 2**r - 1
    assert T(r, r) == factorial(r) == G(r, r)
    assert T(r, r + 1) == factorial(r + 1) * (r + 2) // 2
    assert G(r, r + 1) == factorial(r + 1) * r // 2


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("r,m", [(r, m) for m in range(1, 8) for r in range(1, m + 1)])
def test_all_routes_small(zero_type, r, m):
    values = {method: T(r, m, zero_type=zero_type, method=method) for method in METHODS_T}
    assert len(set(values.values())) == 1, values
    g_values = {method: G(r, m, method=method) for method in METHODS_G}
    assert len(set(g_values.values())) == 1, g_values


@given(st.integers(1, 120), st.integers(0, 120), st.sampled_from(["singletons", "groups"]))
def test_routes_agree_random(r, h, zero_type):
    m = r + h
    methods = ["stirling", "inclusion_exclusion", "zero_type_sum", "recurrence"]
    if m <= 30:
        methods.append("species")
    values = set()
    for method in methods:
        for backend in BACKENDS:
            values.add(T(r, m, zero_type=zero_type, method=method, backend=backend))
    assert len(values) == 1
    g = {G(r, m, method=meth, backend=b)
         for meth in ("stirling", "inclusion_exclusion", "recurrence") for b in BACKENDS}
    assert len(g) == 1


@given(st.integers(1, 40), st.integers(0, 40))
def test_spec_relations(r, h):
    m = r + h
    assert T(r, m) == sum(comb(m, k) * G(r, m - k) for k in range(h + 1))
    # routes differ from T/G "auto" (both one Stirling number S(m+1, r+1)), so this can fail
    assert T(r, m, method="recurrence") * (r + 1) == G(r + 1, m + 1, method="inclusion_exclusion")
    bells = bell_numbers(m)
    assert T(r, m, "groups") == sum(comb(m, k) * bells[k] * G(r, m - k) for k in range(h + 1))
    assert T(r, m, "groups") >= T(r, m) >= G(r, m)


def test_tables_match_single_values():
    for zero_type in ("singletons", "groups"):
        table = T_table(range(1, 9), range(1, 12), zero_type=zero_type)
        for (r, m), v in table.items():
            assert v == (T(r, m, zero_type=zero_type, method="stirling") if m >= r else 0)
    gt = G_table([1, 3, 5], [5, 2, 9])
    for (r, m), v in gt.items():
        assert v == (G(r, m) if m >= r else 0)


def test_table_large_row_sample():
    table = T_table(range(1, 301), range(1, 301))
    assert table[(150, 300)] == T(150, 300)
    assert table[(300, 300)] == factorial(300)


@pytest.mark.parametrize("quantity,zero_type", [("T", "singletons"), ("T", "groups"), ("G", None)])
@pytest.mark.parametrize("form", ["stirling", "sum", "convolution"])
def test_closed_forms_evaluate(quantity, zero_type, form):
    if quantity == "G" and form == "convolution":
        with pytest.raises(ArgumentValueError):
            closed_form(quantity, zero_type, form)
        return
    expr = closed_form(quantity, zero_type, form)
    assert expr.free_symbols == {r_sym, m_sym}
    if form == "sum" and zero_type == "groups":
        return  # Dobinski series: checked numerically in test_species
    for r in range(1, 4):
        for m in range(r, r + 4):
            # the recurrence route: T/G "auto" and StirlingS2.doit() share stirling2, so they could not disagree
            exact = T(r, m, zero_type, method="recurrence") if quantity == "T" else G(r, m, method="recurrence")
            assert sympy.Integer(exact) == expr.subs({r_sym: r, m_sym: m}).doit()


def test_closed_form_egf_is_species():
    x = sympy.Symbol("x")
    assert closed_form("T", form="egf") == sympy.exp(x) * (sympy.exp(x) - 1) ** r_sym
    assert closed_form("G", form="egf") == (sympy.exp(x) - 1) ** r_sym


def test_count_object():
    c = count("T", 3, 5, zero_type="groups")
    assert (c.value, c.reading, c.zero_type) == (450, "R2", "groups")
    assert c.to_json() == {"quantity": "T", "r": 3, "m": 5, "zero_type": "groups", "value": 450}
    g = count("G", 3, 5)
    assert g.to_json() == {"quantity": "G", "r": 3, "m": 5, "value": 150}
    assert g.reading is None
    tex = sympy.latex(c)
    assert r"T_{\mathrm{R2}}" in tex and "450" in tex
    assert c._repr_latex_().startswith("$")
    assert r"= 3! \left\{ {6 \atop 4} \right\} = 390" in sympy.latex(count("T", 3, 5))
    assert str(count("T", 1, 2)) == "3"
    with pytest.raises(ArgumentValueError):
        count("G", 2, 3, zero_type="groups")
    with pytest.raises(ArgumentValueError):
        count("H", 2, 3)


@pytest.mark.parametrize("fn", [T, G])
@pytest.mark.parametrize(
    "r,m,exc,name",
    [
        (0, 3, ArgumentValueError, "r"),
        (-1, 3, ArgumentValueError, "r"),
        (3, 2, ArgumentValueError, "m"),
        (1, MAX_WIDTH + 1, ArgumentValueError, "m"),
        (2.0, 3, ArgumentTypeError, "r"),
        (True, 3, ArgumentTypeError, "r"),
        (2, "3", ArgumentTypeError, "m"),
        (2, None, ArgumentTypeError, "m"),
    ],
)
def test_bad_input(fn, r, m, exc, name):
    with pytest.raises(exc, match=f"^{name} must be"):
        fn(r, m)


def test_bad_options():
    with pytest.raises(ArgumentValueError, match="zero_type"):
        T(2, 3, zero_type="pairs")
    with pytest.raises(ArgumentValueError, match="method"):
        T(2, 3, method="magic")
    with pytest.raises(ArgumentValueError, match="m must be"):
        T(2, 30, method="enumeration")
    with pytest.raises(ArgumentValueError, match="form"):
        closed_form("T", form="latex")
    from symbolic_minima.counting import latex_form

    with pytest.raises(ArgumentTypeError, match="expr must be"):
        latex_form("r!")


def test_big_count_digits():
    from math import log10

    from symbolic_minima.bigint import int_to_str

    v = T(2000, 4000)
    assert v == T(2000, 4000, method="inclusion_exclusion", backend="python")
    digits = int_to_str(v)
    assert len(digits) > 4300
    assert abs(len(digits) - v.bit_length() * log10(2)) < 2


def test_without_flint(monkeypatch):
    """The package works with python-flint missing: auto falls back to pure Python."""
    import sys

    import symbolic_minima.stirling as stirling_module

    monkeypatch.setitem(sys.modules, "flint", None)  # makes `import flint` raise ImportError
    assert not stirling_module.flint_available()
    assert T(30, 70) == T(30, 70, method="recurrence")
    assert G(30, 70) == G(30, 70, method="recurrence")
    assert T(5, 12, zero_type="groups") == T(5, 12, zero_type="groups", method="recurrence")
    assert stirling_module.stirling2(50, 20) == stirling_module.stirling2(50, 20, backend="python")
    with pytest.raises(ArgumentValueError, match="python-flint"):
        stirling_module.stirling2(5, 2, backend="flint")


def test_triangle_rows_cut_and_guard():
    from symbolic_minima.counting import MAX_TRIANGLE_STEPS

    table = T_table([1, 2], range(25, 31), zero_type="groups")
    for (r, m), v in table.items():
        assert v == T(r, m, zero_type="groups", method="zero_type_sum")
    assert T(3, 40, zero_type="groups", method="recurrence") == T(3, 40, zero_type="groups")
    side = int(MAX_TRIANGLE_STEPS**0.5) + 10
    with pytest.raises(ArgumentValueError, match="triangle"):
        T_table([side], [side])
    with pytest.raises(ArgumentValueError, match="triangle"):
        G(side, side, method="recurrence")
    with pytest.raises(ArgumentValueError, match="triangle"):
        T(10, side, zero_type="groups", method="recurrence")
    with pytest.raises(ArgumentValueError):
        T_table([], [3])
