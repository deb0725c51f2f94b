"""Certificates for the activation classes (issue 9, SPEC §6): they hold on every class's subspaces and
REJECT deliberately wrong ones (a wrong sign in a sum, a dead neuron where sigma(0) != 0, ...)."""

import random
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic_minima.activation_classes import activation_class
from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.labels import Label
from symbolic_minima.network import CriticalPoint, Teacher, TwoLayerNetwork, check_irreducible
from symbolic_minima.readings import CRITICAL, GLOBAL_MINIMUM, get_reading
from symbolic_minima.strategies import teachers
from symbolic_minima.subspaces import (
    AffineSubspace,
    critical_subspace,
    critical_subspaces,
    global_minimum_subspace,
    global_minimum_subspaces,
    subspaces_of,
)
from symbolic_minima.verify import (
    Summary,
    certify_completeness,
    certify_criticality,
    certify_dead_noncriticality,
    certify_function_identity,
    certify_maximality,
    certify_origin_noncriticality,
    certify_zero_type_noncriticality,
    noncritical_reading,
    random_zero_loss_point,
    verify_all,
    which_subspaces,
)

CLASSES = ("zero-at-origin", "odd", "even", "even-zero-at-origin")
ALL_CLASSES = ("generic", *CLASSES)


def _irreducible(teacher, cls):
    try:
        check_irreducible(teacher, cls)
    except ArgumentValueError:
        return False
    return True


def _replace_rhs(subspace, k, value):
    A, b = subspace.matrix()
    b = list(b)
    b[k] = value
    return AffineSubspace(subspace.parameters, A, b, label=subspace.label, activation_class=subspace.activation_class)


# ---------------------------------------------------------------- function identity


@settings(max_examples=12)
@given(st.sampled_from(CLASSES), st.sampled_from(["R1", "R2"]), st.data())
def test_function_identity_on_every_subspace_of_every_class(cls, zero_type, data):
    r, m, d = data.draw(st.sampled_from([(1, 3, 1), (2, 3, 2), (1, 2, 2)]))
    teacher = data.draw(teachers(r=r, d=d, max_numerator=5).filter(lambda t: _irreducible(t, cls)))
    subspaces = list(global_minimum_subspaces(teacher, m, zero_type, activation=cls))
    for s in subspaces:
        cert = certify_function_identity(s, teacher)  # the subspace's own class
        assert cert.holds, str(cert)
        assert cert.details["activation_class"] == cls and f"of the {cls} class" in cert.statement


def test_function_identity_uses_the_class_rules_and_rejects_wrong_signs():
    t = Teacher([[1, 2]], [3])
    odd = global_minimum_subspace(t, ("+1", "-1"), activation="odd")  # a_1 - a_2 = 3
    even = global_minimum_subspace(t, ("+1", "-1"), activation="even")  # a_1 + a_2 = 3
    assert certify_function_identity(odd, t).holds and certify_function_identity(even, t).holds
    # a wrong sign in the sum: the even subspace checked with an odd sigma, and the reverse
    assert not certify_function_identity(even, t, activation="odd").holds
    assert not certify_function_identity(odd, t, activation="even").holds
    assert not certify_function_identity(odd, t, activation="generic").holds  # sigma(-v) unrelated to sigma(v)
    # a wrong sign in the sum, written by hand (right class)
    A, b = odd.matrix()
    wrong = AffineSubspace(odd.parameters, [row[:] for row in A[:-1]] + [[0, 0, 0, 0, 1, 1]], b,
                           label=odd.label, activation_class="odd")
    cert = certify_function_identity(wrong, t)
    assert not cert.holds and "sigma_odd" in str(cert.details["difference"])
    # a dead neuron (w = 0, a free) has zero loss only where sigma(0) = 0
    dead = global_minimum_subspace(t, ("+1", "d"), activation="odd")
    for cls in ("zero-at-origin", "odd", "even-zero-at-origin"):
        assert certify_function_identity(dead, t, activation=cls).holds
    for cls in ("generic", "even"):
        cert = certify_function_identity(dead, t, activation=cls)
        assert not cert.holds and "(0)" in str(cert.details["difference"])
    # a signed zero-sum group of the odd class is not a zero-loss set in the even class
    group = global_minimum_subspace(t, ("g1+", "+1", "g1-"), "R2", activation="odd")
    assert certify_function_identity(group, t).holds
    assert not certify_function_identity(group, t, activation="even").holds


def test_function_identity_with_concrete_activations():
    t = Teacher([1, 2], [1, -1])
    for cls, concrete in [("odd", sympy.tanh), ("even", sympy.cosh), ("even-zero-at-origin",
                                                                       lambda u: sympy.log(sympy.cosh(u)))]:
        for s in list(global_minimum_subspaces(t, 3, "R2", activation=cls))[::5]:
            assert certify_function_identity(s, t, activation=concrete).holds
    flipped = global_minimum_subspace(t, ("-1", "+2", "0"), activation="odd")
    assert not certify_function_identity(flipped, t, activation=sympy.exp).holds  # exp is not odd
    with pytest.raises(ArgumentTypeError):
        certify_criticality(flipped, CriticalPoint.from_teacher(t), activation=sympy.tanh)


# ---------------------------------------------------------------- criticality


@pytest.mark.parametrize("cls", ALL_CLASSES)
@pytest.mark.parametrize("r, m, d, q", [(1, 3, 1, 1), (2, 3, 1, 1), (1, 3, 2, 2), (2, 3, 1, 2)])
def test_criticality_holds_on_every_critical_subspace(cls, r, m, d, q):
    cp = CriticalPoint([[(-1) ** i * (i + k) for k in range(d)] for i in range(1, r + 1)],
                       [[i + l for l in range(q)] if q > 1 else i + 1 for i in range(1, r + 1)])
    subs = list(critical_subspaces(cp, m, activation=cls))
    assert len(subs) == get_reading("critical", cls).species(r).count(m)
    for s in subs[:: max(1, len(subs) // 25)]:
        cert = certify_criticality(s, cp)
        assert cert.holds, str(cert)
        assert len(cert.details["multipliers"]) == m * (d + q)


def test_criticality_multipliers_carry_the_signs():
    cp = CriticalPoint([2], [3])
    a = {j: sympy.Symbol(f"a_{{{j}}}", real=True) for j in (1, 2)}
    w = {j: sympy.Symbol(f"w_{{{j},1}}", real=True) for j in (1, 2)}
    odd = certify_criticality(critical_subspace(cp, ("+1", "-1"), activation="odd"), cp)
    even = certify_criticality(critical_subspace(cp, ("+1", "-1"), activation="even"), cp)
    assert odd.holds and even.holds
    # odd sigma: dl/da_2 = e sigma(-w x) = -e sigma(w x); sigma' even: dl/dw_2 = (a_2 / a*) dl_r/dw
    assert odd.details["multipliers"][a[2]] == -1 and odd.details["multipliers"][w[2]] == a[2] / 3
    # even sigma: dl/da_2 = +e sigma(w x); sigma' odd: dl/dw_2 = -(a_2 / a*) dl_r/dw
    assert even.details["multipliers"][a[2]] == 1 and even.details["multipliers"][w[2]] == -a[2] / 3


def test_wrong_critical_subspaces_are_rejected():
    cp = CriticalPoint([1, 2], [3, -1])
    good = critical_subspace(cp, ("+1", "-1", "+2"), activation="odd")
    assert certify_criticality(good, cp).holds
    for k in range(len(good.matrix()[1])):  # shift one incoming coordinate or the outgoing sum
        wrong = _replace_rhs(good, k, good.matrix()[1][k] + 1)
        assert not certify_criticality(wrong, cp).holds, good.equations()[k]
    # a wrong sign in the sum (plain sum in the odd class): the residual is not the width-r residual
    plain = critical_subspace(cp, ("+1", "-1", "+2"), activation="even")
    cert = certify_criticality(plain, cp, activation="odd")
    assert not cert.holds and "residual" in cert.statement
    # the same subspace under a wrong label (neuron 2 credited to teacher neuron 2) is rejected
    assert not certify_criticality(good, cp, label=("+1", "-2", "+2")).holds


@pytest.mark.parametrize("cls, dead_is_critical", [("zero-at-origin", False), ("odd", False),
                                                   ("even-zero-at-origin", True)])
def test_free_neurons_in_the_criticality_certificate(cls, dead_is_critical):
    """Parked neurons are critical where sigma(0) = 0; dead neurons only where also sigma'(0) = 0."""
    cp = CriticalPoint([1], [2])
    parked = [s for s in subspaces_of(noncritical_reading(cls, "origin"), cp, 2) if "p" in s.label]
    assert len(parked) == 2 * (2 if activation_class(cls).signs else 1)
    for s in parked:
        assert certify_criticality(s, cp).holds
    dead = [s for s in subspaces_of(noncritical_reading(cls, "dead"), cp, 2) if "d" in s.label]
    assert dead
    for s in dead:
        cert = certify_criticality(s, cp)
        assert cert.holds == dead_is_critical, str(cert)
        if not dead_is_critical:
            assert "does not vanish identically" in cert.statement and "w_{" in cert.statement


def test_zero_type_and_origin_neurons_fail_criticality():
    cp = CriticalPoint([1], [2])
    zero = global_minimum_subspace(cp, ("+1", "0"), activation="odd")
    assert not certify_criticality(zero, cp).holds
    origin = next(iter(subspaces_of(noncritical_reading("even", "origin"), cp, 2)))
    cert = certify_criticality(origin, cp)
    assert not cert.holds and "sigma_even(0)" in cert.statement


# ---------------------------------------------------------------- negative certificates


@pytest.mark.parametrize("cls", ALL_CLASSES)
def test_negative_certificates_follow_the_class(cls):
    cp = CriticalPoint([1, -2], [2, 1]) if cls == "generic" or activation_class(cls).signs is None else \
        CriticalPoint([1, 2], [2, 1])
    info = activation_class(cls)
    for s in subspaces_of(noncritical_reading(cls, "dead"), cp, 3):
        if "d" in s.label:
            # dead neuron, a_j free: shown not critical where sigma(0) = 0 and sigma'(0) != 0; where
            # sigma(0) != 0 it is not even on the width-r function (the certificate says the residual differs)
            cert = certify_dead_noncriticality(s, cp)
            assert cert.holds == (cls in ("zero-at-origin", "odd"))
            if not info.zero_at_origin:
                assert "residual" in cert.statement
    for s in subspaces_of(noncritical_reading(cls, "origin"), cp, 3):
        if "p" in s.label:
            assert certify_origin_noncriticality(s, cp).holds == (not info.zero_at_origin)
    for s in global_minimum_subspaces(cp, 3, activation=None if cls == "generic" else cls):
        if Label(s.label).zero_type_neurons():
            assert certify_zero_type_noncriticality(s, cp).holds


def test_negative_certificates_show_their_terms():
    cp = CriticalPoint([1], [2])
    s = global_minimum_subspace(cp, ("+1", "d"), activation="odd")
    cert = certify_dead_noncriticality(s, cp)
    x1 = sympy.Symbol("x_{1}", real=True)
    p, term = cert.details["witnesses"][2]
    assert str(p) == "w_{2,1}" and term.has(x1) and "sigma_odd'(0)" in str(term)
    assert r"\text{ (not inherited)}" in cert._latex()
    # explicit neurons, and nothing to show
    assert certify_dead_noncriticality(s, cp, neurons=[2]).holds
    assert certify_dead_noncriticality(global_minimum_subspace(cp, ("+1", "0"), activation="odd"), cp).statement \
        .startswith("no dead neuron")
    # the zero-type term under the odd class
    zero = certify_zero_type_noncriticality(global_minimum_subspace(cp, ("-1", "0"), activation="odd"), cp)
    assert zero.holds and "sigma_odd(w_{2,1}*x_{1})" in str(zero.details["terms"])
    with pytest.raises(ArgumentValueError, match="kind must be"):
        noncritical_reading("odd", "zero")


# ---------------------------------------------------------------- maximality


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("family", ["R1", "R2", "critical"])
def test_maximality_equals_all_pairs_brute_force(cls, family):
    """No subspace contains another (certificate and an all-pairs is_subset_of search agree), and an
    injected intersection is caught."""
    if family == "critical":
        subs = list(critical_subspaces(CriticalPoint([1, 2], [1, 2]), 3, activation=cls))
    else:
        subs = list(global_minimum_subspaces(Teacher([1, 2], [1, 2]), 3, family, activation=cls))
    cert = certify_maximality(subs)
    brute = {(s.label, u.label) for s in subs for u in subs if s is not u and s.is_subset_of(u)}
    assert cert.holds and not brute and not cert.details["inclusions"]
    meets = [a.intersection(b) for k, a in enumerate(subs) for b in subs[k + 1:] if a.intersects(b)]
    if meets:
        extra = meets[len(meets) // 2]
        extra.label = ("inter",)
        family_plus = subs + [extra]
        cert = certify_maximality(family_plus)
        brute = {(s.label, u.label) for s in family_plus for u in family_plus
                 if s is not u and s.dimension < u.dimension and s.is_subset_of(u)}
        assert not cert.holds and set(cert.details["inclusions"]) == brute != set()


# ---------------------------------------------------------------- completeness


@settings(max_examples=10)
@given(st.sampled_from(CLASSES), st.sampled_from(["R1", "R2"]), st.data(), st.integers(0, 10**6))
def test_completeness_for_every_class(cls, zero_type, data, seed):
    r, m, d = data.draw(st.sampled_from([(1, 3, 1), (2, 4, 1), (1, 4, 2)]))
    teacher = data.draw(teachers(r=r, d=d, max_numerator=5).filter(lambda t: _irreducible(t, cls)))
    cert = certify_completeness(teacher, m, zero_type, samples=6, seed=seed, activation=cls)
    assert cert.holds, str(cert)
    assert len(cert.details["points"]) == 6
    for pt, labels in cert.details["points"]:
        for label in labels:
            assert global_minimum_subspace(teacher, label, zero_type, activation=cls).contains(pt)


@pytest.mark.parametrize("cls", CLASSES)
def test_random_points_have_the_class_structure(cls):
    """The class's points are drawn with signs, dead neurons and groups (so completeness is not vacuous)."""
    t = Teacher([1, 2], [1, -1])
    rng = random.Random(1)
    info = activation_class(cls)
    tokens = set()
    net = TwoLayerNetwork(4, activation=cls)
    subs = list(global_minimum_subspaces(t, 4, "R2", activation=cls))
    for k in range(40):
        pt = random_zero_loss_point(t, 4, "R2", rng, activation=cls)
        assert sympy.expand(net.function(pt) - t.function(cls)) == 0
        labels = [s.label for s in subs if s.contains(pt)]
        assert labels
        if k == 0:
            assert labels == which_subspaces(pt, t, 4, "R2", activation=cls)
        tokens |= {v for label in labels for v in label}
    assert any(v.startswith("g") for v in tokens)
    assert ("-1" in tokens or "-2" in tokens) == (info.signs is not None)
    assert ("d" in tokens) == info.zero_at_origin
    if info.signs is not None:
        assert "g1-" in tokens or "g2-" in tokens


@pytest.mark.parametrize("cls", CLASSES)
def test_points_off_the_structure_are_missing(cls):
    t = Teacher([1], [1])
    # points with zero-sum groups (R2 conditions) lie in no R1 subspace of the class
    r1 = list(global_minimum_subspaces(t, 3, "R1", activation=cls))
    cert = certify_completeness(t, 3, "R2", samples=40, seed=2, subspaces=r1, activation=cls)
    assert not cert.holds and cert.details["missing"]
    assert certify_completeness(t, 3, "R2", samples=40, seed=2, activation=cls).holds
    # the class's zero-loss points are missing from the generic subspaces where the class adds symmetries
    generic = list(global_minimum_subspaces(t, 3, "R2"))
    cert = certify_completeness(t, 3, "R2", samples=40, seed=3, subspaces=generic, activation=cls)
    assert not cert.holds


def test_points_with_the_wrong_weighting_have_loss_and_lie_nowhere():
    t = Teacher([2], [3])
    # odd weighting in the even class: w = (2, -2), a_1 - a_2 = 3
    pt = (2, -2, 5, 2)
    even = TwoLayerNetwork(2, activation="even")
    assert sympy.expand(even.function(pt) - t.function("even")) != 0
    assert which_subspaces(pt, t, 2, "R2", activation="even") == []
    assert which_subspaces(pt, t, 2, "R2", activation="odd") == [("+1", "-1")]
    # a dead neuron with a != 0 in the even class (sigma(0) != 0): not zero loss, in no subspace
    dead = (2, 0, 3, 1)
    assert sympy.expand(even.function(dead) - t.function("even")) != 0
    assert which_subspaces(dead, t, 2, "R2", activation="even") == []
    assert which_subspaces(dead, t, 2, "R1", activation="even-zero-at-origin") == [("+1", "d")]


def test_completeness_rejects_a_shrunken_family():
    t = Teacher([1], [1])
    subs = list(global_minimum_subspaces(t, 2, "R1", activation="odd"))
    by = {tuple(s.label): s for s in subs}
    small = by[("+1", "-1")].intersection(by[("+1", "0")])
    assert small is not None and certify_function_identity(small, t, activation="odd").holds
    shrunk = [s for s in subs if tuple(s.label) != ("+1", "-1")] + [small]
    cert = certify_completeness(t, 2, "R1", samples=60, seed=0, subspaces=shrunk, activation="odd")
    assert not cert.holds and all(by[("+1", "-1")].contains(pt) for pt in cert.details["missing"])


# ---------------------------------------------------------------- verify_all


@pytest.mark.parametrize("cls", CLASSES)
def test_verify_all_for_every_class(cls):
    t = Teacher([1, 2], [1, -1])
    for family, zero_type in [(GLOBAL_MINIMUM, "R1"), (GLOBAL_MINIMUM, "R2"), (CRITICAL, "R1")]:
        summary = Summary()
        names = []
        for cert in verify_all(t, 3, family, zero_type, samples=4, activation=cls):
            summary.add(cert)
            names.append(cert.name)
        assert summary.ok, str(summary)
        if family == CRITICAL:
            count = get_reading("critical", cls).species(2).count(3)
            assert summary.held["criticality"] == count
            info = activation_class(cls)
            dead = info.zero_at_origin and cls != "even-zero-at-origin"
            assert ("dead_noncriticality" in names) == dead
            assert ("origin_noncriticality" in names) == (not info.zero_at_origin)
        else:
            assert summary.held["function_identity"] == get_reading(zero_type, cls).species(2).count(3)


def test_verify_all_generic_is_unchanged_and_validates():
    t = Teacher.default(1)
    names = [c.name for c in verify_all(t, 2, CRITICAL)]
    assert names == [c.name for c in verify_all(t, 2, CRITICAL, activation="generic")]
    assert names == ["criticality", "zero_type_noncriticality", "zero_type_noncriticality", "maximality"]
    with pytest.raises(ArgumentValueError, match="must not be opposite"):
        list(verify_all(Teacher([1, -1], [1, 1]), 2, activation="tanh"))
    with pytest.raises(ArgumentValueError, match="refused"):
        list(verify_all(t, 2, activation="gelu"))
    limited = [c.name for c in verify_all(Teacher([1], [1]), 3, CRITICAL, activation="odd", limit=2)]
    assert limited.count("criticality") == 2 and limited.count("dead_noncriticality") == 2


def test_random_zero_loss_point_validation():
    with pytest.raises(ArgumentValueError, match="opposite"):
        random_zero_loss_point(Teacher([1, -1], [1, 1]), 3, activation="even")
    pt = random_zero_loss_point(Teacher([1, -1], [1, 1]), 3, rng=random.Random(0), activation="exp-minus-one")
    assert all(isinstance(v, Fraction) for v in pt)
