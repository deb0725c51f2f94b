"""Claims about the counts of the activation classes (issue 9 in symbolic_minima.claims)."""

import importlib
from math import factorial

import pytest
import sympy

from symbolic_minima.claim_language import evaluate, parse_claim
from symbolic_minima.claims import ACTIVATIONS, decide
from symbolic_minima.counting import CLASS_SHAPES, G, T
from symbolic_minima.proving import PROOFS_PACKAGE, proofs_package


@pytest.mark.parametrize("claim, activation, verdict", [
    ("T(1, m) == 4^m - 2^m", "tanh", "proved"),  # (e^{2x} - 1) e^{2x}
    ("T(1, m) == 4^m - 2^m + 1", "odd", "refuted"),
    ("G(1, m) == 3^m - 1", "odd", "proved"),  # (e^{2x} - 1) e^x
    ("T(1, m) == 3^m - 2^m", "exp-minus-one", "proved"),  # (e^x - 1) e^{2x}
    ("G(1, m) == 2^m", "gaussian", "proved"),  # e^{2x} - 1
    ("T(1, m) == 3^m - 1", "even", "proved"),
    ("T(2, m) == 16^m/16", "logcosh", "refuted"),
    ("T(r, m) == 2^m*factorial(r)*stirling2(m+1, r+1)", "odd", "proved"),  # with r = 3 below
])
def test_fixed_r_in_every_class(claim, activation, verdict):
    options = {"r": 3} if "T(r, m)" in claim else {}
    v = decide(claim, activation=activation, **options)
    assert v.verdict == verdict, v.summary()
    assert v.method == "recurrence order (fixed r)"


def test_fixed_r_certificate_names_the_class():
    v = decide("T(1, m) == 4^m - 2^m", activation="tanh")
    cert = v.certificate
    assert cert.activation == "odd" and v.to_json()["certificate"]["activation"] == "odd"
    assert "so T_R1^odd(1, n) = -2**n + 4**n for n >= 1" in cert.bound_derivation
    assert r"T_{\mathrm{R1}}^{\mathrm{odd}}" in v.latex() and "activation odd" in v.summary()


@pytest.mark.parametrize("claim, activation, zero_type, verdict", [
    # the triangle of the EGF's derivative: T(r, m+1) = (2r+2) T(r, m) + 2r T(r-1, m) + T(r+1, m) (odd, R2)
    ("T(2, m+1) == 6*T(2, m) + 4*T(1, m) + T(3, m)", "odd", "groups", "proved"),
    ("T(2, m+1) == 6*T(2, m) + 4*T(1, m) + 2*T(3, m)", "odd", "groups", "refuted"),
    ("T(2, m+1) == 5*T(2, m) + 4*T(1, m) + T(3, m)", "gaussian", "groups", "proved"),  # a = 0 in the even class
    # zero-at-origin R2: (e^x - 1) e^x exp(e^x - 1) = (e^{2x} - e^x) Z: Bell numbers
    ("T(1, m) == bell(m+2) - 2*bell(m+1)", "zero-at-origin", "groups", "proved"),
    ("T(1, m) == bell(m+2) - bell(m+1)", "zero-at-origin", "groups", "refuted"),
])
def test_groups_by_egf_identity(claim, activation, zero_type, verdict):
    v = decide(claim, zero_type=zero_type, activation=activation)
    assert (v.verdict, v.method) == (verdict, "EGF identity (zero-sum groups)"), v.summary()
    if activation in ("odd", "gaussian"):
        assert "exp(exp(2*x)/2 - 1/2)" in v.certificate.theorem  # the class's Z, named in the theorem


def test_bell_numbers_with_a_sign_class_groups_count_are_not_mixed():
    v = decide("T(1, m) == bell(m)", zero_type="groups", activation="odd", search_examples=0)
    assert v.method == "counterexample search" and "two different exponentials" in v.certificate.reason
    assert v.verdict == "refuted"  # by exact evaluation, as in every regime


@pytest.mark.parametrize("claim, activation, verdict", [
    ("T(r, r) == 2^r*factorial(r)", "odd", "proved"),  # the isolated minima
    ("T(r, r) == factorial(r)", "exp-minus-one", "proved"),
    ("T(r, r+1) == 2^r*factorial(r+1)*(r+2)", "tanh", "proved"),
    ("T(r, r+1) == 2^r*factorial(r+1)*(r+3)", "tanh", "refuted"),
    ("G(r, r+1) == 2^(r+1)*factorial(r)*binomial(r+1, 2)", "gaussian", "proved"),
    ("T(r, r+2) == 2^r*factorial(r+2)*(r+3)*(3*r+4)/6", "odd", "proved"),
    ("T(r, m) == 2^m*factorial(r)*stirling2(m+1, r+1)", "odd", "proved"),  # with h = 3 below
])
def test_fixed_h_in_the_classes(claim, activation, verdict):
    options = {"h": 3} if "T(r, m)" in claim else {}
    v = decide(claim, activation=activation, **options)
    assert v.verdict == verdict, v.summary()
    assert v.method == "polynomial degree (fixed h)"
    if activation not in ("generic", "exp"):
        assert "prove class_" in v.certificate.theorem


def test_fixed_h_degree_bound_is_the_class_lemma():
    """T(r, r+h)/(c^r r!) is a polynomial of degree <= 2h in every class and reading (checked on data)."""
    r = sympy.Symbol("r")
    for (cls, reading), shape in CLASS_SHAPES.items():
        for h in range(4):
            points = list(range(1, 2 * h + 4))
            if reading == "critical":
                values = [G(n, n + h, activation=cls) for n in points]
            else:
                values = [T(n, n + h, zero_type=reading, activation=cls) for n in points]
            ys = [sympy.Rational(v, shape.c**n * factorial(n)) for n, v in zip(points, values, strict=True)]
            poly = sympy.interpolate(list(zip(points[:-1], ys[:-1], strict=True)), r)
            assert sympy.degree(poly, r) <= 2 * h
            assert poly.subs(r, points[-1]) == ys[-1]  # one more point than the degree needs


def test_the_degree_lemma_is_proved_by_the_class_proofs():
    proofs_package()
    K = importlib.import_module(f"{PROOFS_PACKAGE}._class_common")
    for (cls, reading), shape in CLASS_SHAPES.items():
        P = K.degree_polynomial(shape, 2)
        for n in range(1, 6):
            value = T(n, n + 2, zero_type=reading, activation=cls) if reading != "critical" else G(n, n + 2,
                                                                                                   activation=cls)
            assert shape.c**n * factorial(n + 2) * P.subs(K.C.r, n) == value


def test_different_exponential_weights_are_out_of_scope_but_refuted_by_evaluation():
    v = decide("G(r, r+1) == factorial(r)*binomial(r+1, 2)", activation="even")
    assert v.verdict == "refuted" and "different powers of r! (or of b^r)" in v.certificate.reason


def test_activations_option():
    assert ACTIVATIONS == ("generic", "zero-at-origin", "odd", "even", "even-zero-at-origin")
    assert decide("T(1, m) == 2^m - 1", activation="exp").certificate.activation == "generic"
    with pytest.raises(ValueError, match="refused"):
        decide("T(1, m) == 2^m - 1", activation="gelu")


def test_evaluate_takes_the_activation():
    claim = parse_claim("T(1, m) + G(1, m) == 0")
    assert claim.evaluate({"m": 2}, activation="tanh") == (12 + 8, 0)
    assert evaluate(claim.lhs, {"m": 2}, "groups", activation="odd") == T(1, 2, "groups", activation="odd") + 8
    assert evaluate(claim.lhs, {"m": 2}) == 3 + 1
    assert claim.latex(activation="odd").startswith(r"G^{\mathrm{odd}}\left(1, m\right) + T^{\mathrm{odd}}")
