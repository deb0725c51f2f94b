"""The exact-number boundary (symbolic_minima.exact): what each converter accepts, refuses, and by which type."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symbolic_minima import exact
from symbolic_minima.errors import (
    ArgumentTypeError,
    ArgumentValueError,
    InvalidNumberError,
    NumberTooLargeError,
)
from symbolic_minima.exact import (
    exact_value,
    input_fraction,
    input_sympy,
    parse_rational,
    to_fraction,
    to_sympy,
)

TEXT_AT_DEPTH = ["1/2", ("1",), [["x"]], {"k": 1}, {1: b"2"}, (1, (2, ["__import__('os')"]))]


@given(st.fractions())
def test_rationals_round_trip(q):
    assert to_fraction(q) == q == to_fraction(to_sympy(q)) == exact_value(to_sympy(q))
    assert parse_rational(str(q)) == q == input_fraction(str(q)) == to_fraction(input_sympy(str(q)))
    assert type(exact_value(to_sympy(q))) is Fraction


@pytest.mark.parametrize("text, value", [("3/2", Fraction(3, 2)), (" -4 ", Fraction(-4)), ("0.25", Fraction(1, 4)),
                                         ("1e-3", Fraction(1, 1000)), ("1E3", Fraction(1000)),
                                         ("1e1000", Fraction(10**1000))])
def test_parse_rational(text, value):
    assert parse_rational(text) == value


@pytest.mark.parametrize("text", ["1e1001", "1e-999999999", "1" * 10_001])
def test_number_bombs_are_told_apart_by_type(text):
    with pytest.raises(NumberTooLargeError, match="exceeds"):
        parse_rational(text)


@pytest.mark.parametrize("text", ["x", "1/0", "1ex", "", "2**10", "(1)", "1e"])
def test_bad_number_text_is_an_invalid_number(text):
    with pytest.raises(InvalidNumberError) as info:
        parse_rational(text)
    assert not isinstance(info.value, NumberTooLargeError)
    assert isinstance(info.value, ArgumentValueError) and isinstance(info.value, ValueError)


@pytest.mark.parametrize("value", TEXT_AT_DEPTH)
@pytest.mark.parametrize("convert", [to_sympy, to_fraction, exact_value, input_sympy])
def test_text_is_refused_at_any_depth(convert, value):
    if isinstance(value, str) and convert is input_sympy:
        assert convert(value) == sympy.Rational(1, 2)  # top-level number text is read by parse_rational, not sympy
        return
    with pytest.raises(ArgumentTypeError):
        convert(value)


@pytest.mark.parametrize("value", [0.5, sympy.Float(0.5), True])
def test_floats_and_bools_are_refused(value):
    for convert in (to_fraction, input_sympy, lambda v: input_fraction(v, "w")):
        with pytest.raises(ArgumentTypeError):
            convert(value)


def test_exact_value_keeps_symbols_and_canonicalises_rationals():
    u = sympy.Symbol("u")
    assert exact_value((u + 1) ** 2) == u**2 + 2 * u + 1
    assert exact_value((u + 1) ** 2 - u**2 - 2 * u) == 1 and type(exact_value(u - u + 3)) is Fraction
    assert exact_value(7) == Fraction(7) and type(exact_value(7)) is Fraction


@pytest.mark.parametrize("text", ["3/2", "-0.5", "x", "1/0", "1e999999999", "1" * 10_001])
def test_input_fraction_says_what_the_deep_network_says(text):
    """input_fraction is a drop-in for deep._exact (same value, same error type and text)."""
    from symbolic_minima import deep

    def outcome(f):
        try:
            return ("ok", f(text, "W^(1)[1][1]"))
        except Exception as exc:  # noqa: BLE001 - comparing outcomes
            return (type(exc), str(exc))

    assert outcome(input_fraction) == outcome(deep._exact)


def test_old_names_still_import():
    from symbolic_minima import linalg, network, paths, subspaces

    assert linalg.to_fraction is to_fraction and linalg.to_sympy is to_sympy
    assert network.parse_rational is parse_rational and network.MAX_EXPONENT == exact.MAX_EXPONENT
    assert subspaces._exact is exact_value and subspaces._sym is to_sympy and paths._sym is to_sympy
