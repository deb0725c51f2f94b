"""Counts, closed forms and EGFs of the activation classes (issue 9), checked against enumeration.

Every count route of every class reading is compared with the enumeration of
the reading's labels (``Reading.labellings``) for r <= 3, m <= r + 3, and with
the other routes at larger sizes; the closed forms with the counts; the EGF
shapes the routes are built from with the species' EGFs.
"""

import subprocess
import sys
from fractions import Fraction
from math import comb, factorial

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symbolic_minima.activation_classes import UnsupportedActivationError, activation_class_names
from symbolic_minima.counting import (
    CLASS_SHAPES,
    Count,
    ExponentialShape,
    G,
    G_table,
    T,
    T_table,
    closed_form,
    count,
    count_methods,
    count_subspaces,
    egf_shape,
    exponential_power_sum,
    exponential_shape,
    form_value,
    latex_form,
    m_sym,
    r_sym,
    stepped_power_sum,
)
from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.readings import get_reading, registered_readings
from symbolic_minima.species import EGF_VARIABLE as X
from symbolic_minima.species import closed_form_coefficient, coefficient

CLASSES = ("zero-at-origin", "odd", "even", "even-zero-at-origin")
READINGS = ("singletons", "groups", "critical")
CLASS_READINGS = [(cls, name) for cls in CLASSES for name in READINGS]


def _reading(cls, name):
    return get_reading(name, cls)


def _enumerated(reading, r, m):
    return sum(1 for _ in reading.labellings(r, m))


# ------------------------------------------------------------------ every route against enumeration


@pytest.mark.parametrize("cls, name", CLASS_READINGS)
def test_every_route_equals_the_enumerated_labels(cls, name):
    """Done-when of issue 9: the counts equal the enumerated subspaces for r <= 3, m <= r + 3."""
    reading = _reading(cls, name)
    methods = count_methods(name, activation=cls)
    assert "species" in methods and "enumeration" in methods and len(methods) >= 5  # fast routes registered
    for r in range(1, 4):
        for m in range(r, r + 4):
            expected = _enumerated(reading, r, m)  # the labels one by one (the "enumeration" route itself)
            for method in methods:
                if method == "enumeration":
                    continue
                assert count_subspaces(name, r, m, method=method, activation=cls) == expected, (cls, name, r, m,
                                                                                                 method)


@pytest.mark.parametrize("cls, name", CLASS_READINGS)
def test_routes_agree_at_larger_sizes(cls, name):
    methods = [mt for mt in count_methods(name, activation=cls) if mt not in ("enumeration",)]
    for r, m in ((4, 9), (7, 12), (12, 30), (30, 31)):
        values = {mt: count_subspaces(name, r, m, method=mt, activation=cls) for mt in methods}
        assert len(set(values.values())) == 1, (cls, name, r, m, values)
    big = [mt for mt in methods if mt != "species"]
    values = {mt: count_subspaces(name, 40, 90, method=mt, activation=cls) for mt in big}
    values["python backend"] = count_subspaces(name, 40, 90, backend="python", activation=cls)
    assert len(set(values.values())) == 1, (cls, name, values)


def test_the_check_fails_on_a_wrong_shape():
    """The comparison above can fail: the even class's R1 shape used for the odd class's R1 is caught."""
    odd_r1 = _reading("odd", "singletons")
    wrong = ExponentialShape(1, 2, Fraction(0))
    assert any(wrong.coefficient(r, m) != _enumerated(odd_r1, r, m) for r in range(1, 3) for m in range(r, r + 3))


def test_activation_names_and_class_names_are_interchangeable():
    for name, cls in (("tanh", "odd"), ("erf", "odd"), ("sinh", "odd"), ("gaussian", "even"), ("cosh", "even"),
                      ("logcosh", "even-zero-at-origin"), ("exp-minus-one", "zero-at-origin"), ("exp", "generic")):
        for zero_type in ("R1", "R2"):
            assert T(3, 5, zero_type=zero_type, activation=name) == T(3, 5, zero_type=zero_type, activation=cls)
        assert G(3, 5, activation=name) == G(3, 5, activation=cls)
        assert count("T", 2, 3, activation=name).activation_class == cls
    assert T(3, 5, activation="generic") == T(3, 5) == 390 and G(3, 5, activation=None) == 150


@pytest.mark.parametrize("name", ["softplus", "silu", "gelu", "sigmoid", "relu"])
def test_refused_activations_raise_with_the_reason(name):
    for call in (lambda: T(2, 4, activation=name), lambda: G(2, 4, activation=name),
                 lambda: count("T", 2, 4, activation=name), lambda: closed_form("T", activation=name)):
        with pytest.raises(UnsupportedActivationError, match=f"activation '{name}' is refused"):
            call()
    with pytest.raises(ArgumentValueError, match="activation must be one of"):
        T(2, 4, activation="tanhh")


def test_sanity_values():
    assert T(1, 2, activation="odd") == 4**2 - 2**2 == 12  # the brief's sanity check
    assert T(2, 4, activation="odd") == 800 and T(2, 4, zero_type="groups", activation="odd") == 896
    assert G(2, 4, activation="odd") == 464 and G(2, 3, activation="gaussian") == 48
    assert T(1, 3, activation="exp-minus-one") == 19 and T(1, 3, zero_type="R2", activation="exp-minus-one") == 22
    # the even-zero-at-origin class has the odd class's EGFs, hence counts (its roles differ)
    for zero_type in ("R1", "R2"):
        assert T(3, 6, zero_type, activation="logcosh") == T(3, 6, zero_type, activation="tanh")
    # the zero-at-origin class's critical count is the generic R1 count (EGF e^x (e^x - 1)^r)
    assert all(G(r, m, activation="zero-at-origin") == T(r, m) for r in range(1, 5) for m in range(r, r + 4))


def test_width_r_has_r_factorial_times_2_to_the_r_points_in_the_sign_classes():
    """T(r, r): one signed replica per teacher neuron: r! 2^r points (sign classes), r! (zero-at-origin)."""
    for r in range(1, 9):
        for cls in CLASSES:
            signs = 2**r if cls != "zero-at-origin" else 1
            for zero_type in ("R1", "R2"):
                assert T(r, r, zero_type, activation=cls) == factorial(r) * signs
            assert G(r, r, activation=cls) == factorial(r) * signs


# ------------------------------------------------------------------ shapes = species


@pytest.mark.parametrize("key", sorted(CLASS_SHAPES))
def test_class_shapes_are_the_species_egfs(key):
    cls, name = key
    shape = CLASS_SHAPES[key]
    r = sympy.Symbol("r", integer=True, positive=True)
    egf = get_reading(name, cls).species(r).egf()
    built = (sympy.exp(shape.a * X) * (sympy.exp(shape.c * X) - 1) ** r
             * sympy.exp(sympy.Rational(shape.gamma.numerator, shape.gamma.denominator) * (sympy.exp(shape.c * X) - 1)))
    assert sympy.simplify(built - egf) == 0
    assert egf_shape(egf) == shape == exponential_shape(name, cls)
    assert exponential_shape("R1", "tanh") == CLASS_SHAPES[("odd", "singletons")]


def test_shapes_derived_from_the_roles_are_the_published_table():
    # the table the routes used before shapes were derived from roles (issue 8): a regression pin
    table = {"generic": ((1, 1, 0), (0, 1, 1), (0, 1, 0)), "zero-at-origin": ((2, 1, 0), (1, 1, 1), (1, 1, 0)),
             "odd": ((2, 2, 0), (1, 2, Fraction(1, 2)), (1, 2, 0)),
             "even": ((1, 2, 0), (0, 2, Fraction(1, 2)), (0, 2, 0)),
             "even-zero-at-origin": ((2, 2, 0), (1, 2, Fraction(1, 2)), (1, 2, 0))}
    for cls, shapes in table.items():
        for name, (a, c, gamma) in zip(READINGS, shapes, strict=True):
            assert CLASS_SHAPES[(cls, name)] == ExponentialShape(a, c, Fraction(gamma))


def test_a_reading_registered_later_gets_the_shape_routes():
    from symbolic_minima.counting import shape_of_roles
    from symbolic_minima.readings import GLOBAL_MINIMUM, Reading, register_reading, unregister_reading
    from symbolic_minima.roles import DEAD, REPLICA, SIGNED_REPLICA_ODD, ZERO_TYPE, ZeroSumGroup

    # replicas, zero-type and dead neurons: EGF e^{2x}(e^x-1)^r, as the zero-at-origin R1 but generic-registered
    late = register_reading(Reading("late", "Rlate", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, DEAD)))
    pairs = register_reading(Reading("pairs2", "Rp2", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2))))
    try:
        assert shape_of_roles(late) == ExponentialShape(2, 1, Fraction(0))
        assert shape_of_roles(pairs) is None  # exp(x + x^2/2) is not of the shape
        assert "inclusion_exclusion" in count_methods(late) and "recurrence" in count_methods(late)
        assert count_methods(pairs) == ("auto", "species", "enumeration")
        for r, m in [(1, 3), (2, 4), (3, 5)]:
            values = {method: count_subspaces(late, r, m, method=method) for method in count_methods(late)}
            assert set(values.values()) == {_enumerated(late, r, m)}, values
    finally:
        unregister_reading("late")
        unregister_reading("pairs2")
    # a signed replica with unsigned groups mixes c = 2 and c = 1: no shape
    mixed = Reading("mixed", "Rm", GLOBAL_MINIMUM, SIGNED_REPLICA_ODD, (ZERO_TYPE, ZeroSumGroup()), "odd")
    assert shape_of_roles(mixed) is None


def test_every_registered_class_reading_has_a_shape():
    for cls in activation_class_names():
        for reading in registered_readings(None, cls):
            assert (cls, reading.name) in CLASS_SHAPES


def test_egf_shape_refuses_other_egfs():
    assert egf_shape(sympy.exp(X) * (sympy.exp(X) - 1) ** 2 * (sympy.exp(2 * X) - 1)) is None
    assert egf_shape(sympy.exp(sympy.exp(X))) is None  # exp(e^x) is not exp(gamma (e^x - 1))
    assert egf_shape(2 * (sympy.exp(X) - 1)) is None


@given(a=st.integers(0, 3), c=st.integers(1, 3), gamma=st.sampled_from([Fraction(0), Fraction(1), Fraction(1, 2),
                                                                       Fraction(2, 3), Fraction(3)]),
       r=st.integers(1, 4), h=st.integers(0, 5))
def test_power_sums_equal_the_series_coefficient(a, c, gamma, r, h):
    """The binomial-expansion routes of any shape against the truncated power series of its EGF."""
    m = r + h
    g = sympy.Rational(gamma.numerator, gamma.denominator)
    egf = sympy.exp(a * X) * (sympy.exp(c * X) - 1) ** r * sympy.exp(g * (sympy.exp(c * X) - 1))
    expected = coefficient(egf, m)
    if not expected.is_Integer:  # not a count: refused, never rounded
        with pytest.raises(ArgumentValueError, match="not an integer"):
            exponential_power_sum(r, m, a, c, gamma)
        return
    assert ExponentialShape(a, c, gamma).coefficient(r, m) == expected
    assert exponential_power_sum(r, m, a, c, gamma, backend="python") == expected
    if not gamma:
        assert stepped_power_sum(r, m, a, c) == expected


def test_stepped_power_sum_is_the_alternating_sum():
    for r in range(1, 5):
        for m in range(r, r + 5):
            for a, c in ((0, 2), (1, 2), (2, 2), (3, 2), (1, 3)):
                plain = sum((-1) ** (r - i) * comb(r, i) * (a + c * i) ** m for i in range(r + 1))
                assert stepped_power_sum(r, m, a, c) == plain


# ------------------------------------------------------------------ closed forms


@pytest.mark.parametrize("cls", CLASSES)
def test_closed_forms_equal_the_counts(cls):
    for quantity, zero_type in (("T", "R1"), ("T", "R2"), ("G", None)):
        forms = {}
        for form in ("sum", "stirling", "convolution"):
            try:
                forms[form] = closed_form(quantity, zero_type, form, activation=cls)
            except ArgumentValueError:
                continue
        assert "sum" in forms
        assert len(forms) >= 2 or (cls, quantity) == ("even", "G")  # even critical: no free neurons
        for r in range(1, 4):
            for m in range(r, r + 4):
                want = T(r, m, zero_type, activation=cls) if quantity == "T" else G(r, m, activation=cls)
                for form, expr in forms.items():
                    if expr.has(sympy.oo):  # the Dobinski series: checked numerically (50 digits), small cases
                        if r + m > 5:
                            continue
                        value = sympy.N(expr.subs({r_sym: r, m_sym: m}), 50)
                        assert abs(value - want) < sympy.Float("1e-30"), (cls, quantity, zero_type, form, r, m)
                    else:
                        assert form_value(expr, r, m) == want, (cls, quantity, zero_type, form, r, m)


def test_closed_form_egfs_and_sums():
    egf = closed_form("T", form="egf", activation="odd")
    assert sympy.simplify(egf - (sympy.exp(2 * X) - 1) ** r_sym * sympy.exp(2 * X)) == 0
    assert latex_form(egf) == r"\left(e^{2 x} - 1\right)^{r} e^{2 x}"
    groups = closed_form("T", "R2", "egf", activation="odd")
    assert sympy.simplify(groups - (sympy.exp(2 * X) - 1) ** r_sym
                          * sympy.exp((sympy.exp(2 * X) - 1) / 2) * sympy.exp(X)) == 0
    from symbolic_minima.stirling import StirlingS2

    even = closed_form("G", form="stirling", activation="even")
    assert even == 2**m_sym * sympy.factorial(r_sym) * StirlingS2(m_sym, r_sym)
    assert even == closed_form("G", form="stirling", activation="gaussian")
    assert str(closed_form("T", form="stirling", activation="tanh")) == "2**m*StirlingS2(m + 1, r + 1)*factorial(r)"
    assert "exp(-1/2)" in str(closed_form("T", "R2", "sum", activation="odd"))
    with pytest.raises(ArgumentValueError, match="form 'stirling' is not derived"):
        closed_form("T", "R2", "stirling", activation="odd")
    with pytest.raises(ArgumentValueError, match="needs free neurons"):
        closed_form("G", form="convolution", activation="even")


def test_closed_form_coefficient_handles_the_class_egfs():
    m = sympy.Symbol("m", integer=True, nonnegative=True)
    r = sympy.Symbol("r", integer=True, nonnegative=True)
    e2 = sympy.exp(2 * X)
    assert closed_form_coefficient(e2 * (e2 - 1), 2) == 12
    assert closed_form_coefficient(e2, m) == 2**m
    # exp((e^{2x}-1)/2): a Dobinski-type series
    dobinski = closed_form_coefficient(sympy.exp((e2 - 1) / 2), m)
    assert dobinski.has(sympy.oo) and dobinski.has(sympy.exp(-sympy.Rational(1, 2)))
    for n in range(6):
        assert abs(sympy.N(dobinski.subs(m, n), 40) - coefficient(sympy.exp((e2 - 1) / 2), n)) < 1e-25
    # a product with e^x and a symbolic r
    form = closed_form_coefficient((e2 - 1) ** r * sympy.exp(X), m)
    assert form == sympy.Sum((-1) ** (r - sympy.Symbol("j", integer=True, nonnegative=True))
                             * (2 * sympy.Symbol("j", integer=True, nonnegative=True) + 1) ** m
                             * sympy.binomial(r, sympy.Symbol("j", integer=True, nonnegative=True)),
                             (sympy.Symbol("j", integer=True, nonnegative=True), 0, r))
    with pytest.raises(ArgumentValueError, match="different rates"):
        closed_form_coefficient((sympy.exp(X) - 1) * (e2 - 1), m)
    with pytest.raises(ArgumentValueError, match="unsupported factor"):
        closed_form_coefficient(sympy.exp(sympy.exp(X) + sympy.exp(2 * X)), m)


def test_form_value_refuses_infinite_sums():
    with pytest.raises(ArgumentValueError, match="cannot evaluate"):
        form_value(closed_form("T", "R2", "sum", activation="odd"), 1, 2)


# ------------------------------------------------------------------ Count objects and tables


def test_count_carries_the_class_and_json_adds_it_only_when_not_generic_or_asked():
    c = count("T", 2, 4, activation="odd")
    assert c.activation_class == "odd" and c.value == 800 and c.reading == "R1"
    assert c.to_json() == {"quantity": "T", "r": 2, "m": 4, "zero_type": "singletons", "value": 800,
                           "activation_class": "odd"}
    generic = count("T", 2, 4)
    assert generic.activation_class == "generic" and "activation_class" not in generic.to_json()
    assert generic.to_json(activation_class=True)["activation_class"] == "generic"
    assert "activation_class" not in repr(generic) and "activation_class='odd'" in repr(c)
    assert Count("T", 2, 4, "singletons", 50, "R1") == generic  # the positional fields are unchanged
    g = count("G", 2, 4, activation="tanh")
    assert g.value == 464 and g.to_json()["activation_class"] == "odd" and g.zero_type is None


def test_count_latex_names_the_class():
    c = count("T", 1, 2, activation="odd")
    tex = sympy.latex(c)
    assert tex.startswith(r"T_{\mathrm{R1}}^{\mathrm{odd}}(r, m) = 2^{m}") and tex.endswith("= 12")
    groups = count("T", 1, 2, zero_type="R2", activation="odd")
    assert "[x^{2}]" in sympy.latex(groups) and sympy.latex(groups).endswith("= 12")  # a group needs 2 free neurons
    assert sympy.latex(count("T", 3, 5)) == (r"T_{\mathrm{R1}}(r, m) = r! \left\{ {m + 1 \atop r + 1} \right\}, "
                                             r"\qquad T_{\mathrm{R1}}(3, 5) = 3! \left\{ {6 \atop 4} \right\} = 390")


def test_tables_of_the_classes():
    table = T_table(range(1, 4), range(1, 6), activation="odd")
    assert table[(2, 4)] == 800 and table[(3, 2)] == 0
    assert table == {(r, m): (T(r, m, activation="odd") if m >= r else 0) for r in range(1, 4) for m in range(1, 6)}
    assert G_table([2], [3, 4], activation="even") == {(2, 3): 48, (2, 4): 224}


def test_integer_class_counts_import_no_sympy():
    code = ("import sys; from symbolic_minima import counting as c; "
            "v = (c.T(5, 9, activation='tanh'), c.T(5, 9, zero_type='R2', activation='odd'), "
            "c.G(5, 9, activation='gaussian'), c.count('T', 3, 4, activation='logcosh').value); "
            "print(v, 'sympy' in sys.modules)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().endswith("False")


@pytest.mark.parametrize("cls", CLASSES)
def test_species_structures_map_one_to_one_onto_the_labels_with_several_groups(cls):
    """Regression: two free groups of a token reading got the same group number (r = 1, m = 5 has two pairs)."""
    reading = _reading(cls, "groups")
    for r, m in ((1, 5), (1, 4), (2, 5)):
        images = [tuple(reading.structure_to_label(s, m)) for s in reading.species(r).structures(tuple(range(m)))]
        assert len(images) == len(set(images)) and set(images) == {tuple(g) for g in reading.labellings(r, m)}


# ------------------------------------------------------------------ asymptotics


@pytest.mark.parametrize("cls", CLASSES)
def test_class_asymptotics_tend_to_one(cls):
    from symbolic_minima.asymptotics import G_asymptotic, T_asymptotic, asymptotic_ratio

    for quantity, zero_type in (("T", "R1"), ("G", None)) + ((("T", "R2"),) if cls == "zero-at-origin" else ()):
        near = asymptotic_ratio(quantity, 3, 200, zero_type, activation=cls)
        far = asymptotic_ratio(quantity, 3, 400, zero_type, activation=cls)
        assert abs(far - 1) < abs(near - 1) or far == 1
        assert abs(far - 1) < Fraction(1, 10)
    for quantity, zero_type in (("T", "R1"), ("T", "R2"), ("G", None)):
        near = asymptotic_ratio(quantity, 200, 202, zero_type, regime="fixed_h", activation=cls)
        far = asymptotic_ratio(quantity, 800, 802, zero_type, regime="fixed_h", activation=cls)
        assert abs(far - 1) < abs(near - 1) < Fraction(1, 10)
    assert T_asymptotic("R1", activation=cls).has(sympy.Symbol("m", integer=True, positive=True))
    assert G_asymptotic("fixed_h", activation=cls).has(sympy.factorial(r_sym))
    if cls != "zero-at-origin":
        with pytest.raises(ArgumentValueError, match="no fixed-r leading term"):
            T_asymptotic("R2", activation=cls)


def test_class_polynomials_are_the_counts():
    from symbolic_minima.asymptotics import G_polynomial, T_polynomial

    for cls in CLASSES:
        c = 1 if cls == "zero-at-origin" else 2
        p = T_polynomial(2, "R2", activation=cls)
        q = G_polynomial(2, activation=cls)
        assert sympy.degree(p, r_sym) <= 4 and sympy.degree(q, r_sym) <= 4
        for n in (1, 5, 9):
            assert p.subs(r_sym, n) * c**n * factorial(n) == T(n, n + 2, "R2", activation=cls)
            assert q.subs(r_sym, n) * c**n * factorial(n) == G(n, n + 2, activation=cls)


def test_closed_form_helpers_refuse_text():
    from symbolic_minima.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError, match="must not contain text"):
        form_value("2**m", 1, 2)
    with pytest.raises(ArgumentTypeError, match="must not contain text"):
        egf_shape("exp(x)")
