"""Activation classes in the network layer: named activations, the undefined sigma of each class,
irreducibility for a class (issue 9, SPEC §6)."""

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic_minima.activation_classes import ACTIVATION_NAMES, UnsupportedActivationError, activation_class
from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.network import (
    ACTIVATIONS,
    CLASS_SIGMAS,
    ClassSigma,
    CriticalPoint,
    EvenSigma,
    EvenZeroAtOriginSigma,
    OddSigma,
    Teacher,
    TwoLayerNetwork,
    ZeroAtOriginSigma,
    activation_function,
    check_irreducible,
    class_sigma,
    generic_sigma,
)
from symbolic_minima.strategies import exact_rationals, teachers

z = sympy.Symbol("z", real=True)
SIGN_CLASSES = ("odd", "even", "even-zero-at-origin")


# ---------------------------------------------------------------- the named activations


def test_every_activation_name_of_a_class_has_a_sympy_form():
    assert set(ACTIVATION_NAMES) <= set(ACTIVATIONS)
    for name in ("tanh", "sigmoid", "softplus", "erf", "sigmoid4+softplus"):  # the ones that were there
        assert name in ACTIVATIONS


@pytest.mark.parametrize("name", sorted(ACTIVATION_NAMES))
def test_each_named_activation_obeys_its_class(name):
    """Independent of the class machinery: the concrete formula has the parity and value at 0 its class says,
    and no parity its class does not say."""
    f = ACTIVATIONS[name]
    cls = activation_class(name)
    odd_part = sympy.simplify(f(z) + f(-z))
    even_part = sympy.simplify(f(z) - f(-z))
    if cls.signs == "odd":
        assert odd_part == 0 and even_part != 0
    elif cls.signs == "plain":
        assert even_part == 0 and odd_part != 0
    else:
        assert odd_part != 0 and even_part != 0
    assert (sympy.simplify(f(sympy.Integer(0))) == 0) == cls.zero_at_origin


def test_refused_activations_have_sympy_forms_but_no_class():
    for name in ("softplus", "sigmoid"):
        assert name in ACTIVATIONS
        with pytest.raises(UnsupportedActivationError, match="refused"):
            activation_class(name)


# ---------------------------------------------------------------- the undefined sigma of each class

SYMBOLS = sympy.symbols("p q s t", real=True)


@st.composite
def linear_forms(draw):
    """A non-zero linear form in a few symbols with rational coefficients, sometimes written factored."""
    coefficients = draw(st.lists(exact_rationals(), min_size=len(SYMBOLS), max_size=len(SYMBOLS)))
    form = sum(c * s for c, s in zip(coefficients, SYMBOLS, strict=True))
    if form == 0:
        form = SYMBOLS[0]
    if draw(st.booleans()):  # factored: c * (p - q) + ..., the shape a parametrization produces
        form = draw(exact_rationals(nonzero=True)) * (form - SYMBOLS[1]) + SYMBOLS[1] * draw(exact_rationals())
        form = form if sympy.expand(form) != 0 else SYMBOLS[0]
    return form


@settings(max_examples=40)
@given(linear_forms())
def test_class_sigma_rules_on_linear_forms(form):
    neg = -form
    factored_neg = sympy.Mul(-1, form, evaluate=False)
    # odd: sigma(-v) = -sigma(v), whatever way -v is written
    assert OddSigma(form) + OddSigma(neg) == 0
    assert OddSigma(form) + OddSigma(factored_neg) == 0
    assert sympy.expand(OddSigma(form) - OddSigma(sympy.expand(form))) == 0
    # even: sigma(-v) = sigma(v)
    for cls in (EvenSigma, EvenZeroAtOriginSigma):
        assert cls(form) - cls(neg) == 0
    # no parity: nothing cancels
    assert ZeroAtOriginSigma(form) + ZeroAtOriginSigma(neg) != 0
    assert ZeroAtOriginSigma(form) - ZeroAtOriginSigma(neg) != 0
    assert generic_sigma(form) - generic_sigma(neg) != 0
    # different arguments stay different (the rules add nothing else)
    other = form + SYMBOLS[2]
    assert OddSigma(form) != OddSigma(other) and OddSigma(form) != -OddSigma(other)


def test_class_sigma_values_at_zero_and_derivatives():
    u, x = sympy.symbols("u x", real=True)
    zero = sympy.Integer(0)
    assert OddSigma(zero) == 0 and ZeroAtOriginSigma(zero) == 0 and EvenZeroAtOriginSigma(zero) == 0
    assert EvenSigma(zero) != 0  # sigma(0) != 0 is not a rule, so it stays symbolic
    assert generic_sigma(zero) != 0
    primes = {cls: sympy.diff(cls(u * x), u) / x for cls in (OddSigma, EvenSigma, EvenZeroAtOriginSigma,
                                                               ZeroAtOriginSigma)}
    for prime in primes.values():
        assert prime.has(ClassSigma) and not prime.has(sympy.Derivative)
    at = {cls: (prime.subs(u, 0), prime.subs(u, -u) - prime, prime.subs(u, -u) + prime)
          for cls, prime in primes.items()}
    # odd sigma: sigma' even, sigma'(0) free
    assert at[OddSigma][0] != 0 and at[OddSigma][1] == 0 and at[OddSigma][2] != 0
    # even sigma: sigma' odd, so sigma'(0) = 0
    for cls in (EvenSigma, EvenZeroAtOriginSigma):
        assert at[cls][0] == 0 and at[cls][2] == 0 and at[cls][1] != 0
    # sigma(0) = 0 alone says nothing about sigma'
    assert at[ZeroAtOriginSigma][0] != 0 and at[ZeroAtOriginSigma][1] != 0 and at[ZeroAtOriginSigma][2] != 0


@pytest.mark.parametrize("name", sorted(ACTIVATION_NAMES))
def test_concrete_activation_is_an_instance_of_its_class_sigma(name):
    """Replacing the class's sigma by the concrete activation turns the class network into the concrete one:
    an identity proved with the class's sigma holds for the activation."""
    cls = activation_class(name).name
    net_class = TwoLayerNetwork(3, 2, activation=cls)
    net_concrete = TwoLayerNetwork(3, 2, activation=name)
    point = [1, -2, -1, 2, 0, 0, 3, "1/2", -1]
    f_class = net_class.function(point)
    sigma = class_sigma(cls)
    concrete = ACTIVATIONS[name]
    replaced = f_class.replace(sigma, lambda arg: concrete(arg)) if sigma is not generic_sigma else f_class.replace(
        generic_sigma, lambda arg: concrete(arg))
    assert sympy.simplify(replaced - net_concrete.function(point)) == 0


def test_class_sigma_refuses_text_and_prints():
    for cls in (OddSigma, EvenSigma, ZeroAtOriginSigma, EvenZeroAtOriginSigma):
        with pytest.raises(ArgumentTypeError, match="text"):
            cls("x")
        with pytest.raises(ArgumentTypeError, match="text"):
            cls(["__import__('os')"])
    u = sympy.Symbol("u")
    assert str(OddSigma(u)) == "sigma_odd(u)"
    assert sympy.latex(OddSigma(u) ** 2) == r"\sigma_{\mathrm{odd}}{\left(u \right)}^{2}"
    assert sympy.latex(sympy.diff(EvenSigma(u), u)) == r"\sigma_{\mathrm{even}}'{\left(u \right)}"


def test_class_sigma_and_activation_function_resolve_names():
    assert class_sigma(None) is generic_sigma and class_sigma("generic") is generic_sigma
    assert class_sigma("tanh") is OddSigma and class_sigma("erf") is OddSigma
    assert class_sigma("gaussian") is EvenSigma and class_sigma("logcosh") is EvenZeroAtOriginSigma
    assert class_sigma("exp-minus-one") is ZeroAtOriginSigma
    assert set(CLASS_SIGMAS) == {"generic", "zero-at-origin", "odd", "even", "even-zero-at-origin"}
    with pytest.raises(UnsupportedActivationError):
        class_sigma("relu")
    with pytest.raises(ArgumentValueError):
        class_sigma("nonsense")
    for name, sigma in CLASS_SIGMAS.items():
        assert activation_function(name) is sigma
    assert activation_function(OddSigma) is OddSigma
    assert activation_function("tanh")(z) == sympy.tanh(z)  # activation names stay concrete
    with pytest.raises(ArgumentValueError, match="class name"):
        activation_function("nonsense")


# ---------------------------------------------------------------- irreducibility for a class


def _opposite_pair(teacher) -> bool:
    ws = [tuple(teacher.incoming[i]) for i in range(teacher.width)]
    return any(tuple(-v for v in a) == b for k, a in enumerate(ws) for b in ws[k + 1:])


@settings(max_examples=30)
@given(teachers(max_r=3, d=1, max_numerator=3, max_denominator=1))
def test_check_irreducible_refuses_exactly_the_opposite_pairs(teacher):
    for name in ("generic", "exp", "zero-at-origin", "exp-minus-one"):
        assert check_irreducible(teacher, name) is teacher  # no signs: opposite vectors are different classes
    for name in (*SIGN_CLASSES, "tanh", "gaussian", "logcosh"):
        if _opposite_pair(teacher):
            with pytest.raises(ArgumentValueError, match="must not be opposite"):
                check_irreducible(teacher, name)
        else:
            assert check_irreducible(teacher, name) is teacher


def test_check_irreducible_messages_and_symbols():
    t = Teacher([[1, 2], [3, 1], [-1, -2]], [1, 2, 3])
    with pytest.raises(ArgumentValueError, match=r"w_1 and w_3 .* odd class.*w_3 = -w_1 = \(-1, -2\)"):
        check_irreducible(t, "odd")
    with pytest.raises(ArgumentValueError, match="critical point incoming vectors w_1 and w_2"):
        check_irreducible(CriticalPoint([2, -2], [1, 1]), "even")
    u = sympy.Symbol("u")
    with pytest.raises(ArgumentValueError, match="opposite"):
        check_irreducible(Teacher([[u], [-u]], [1, 1]), "logcosh")
    assert check_irreducible(Teacher([[u], [2 * u]], [1, 1]), "logcosh")
    with pytest.raises(ArgumentTypeError, match="Teacher"):
        check_irreducible([[1]], "odd")
    with pytest.raises(UnsupportedActivationError):
        check_irreducible(Teacher([1], [1]), "silu")
