"""Certificates: they hold on the enumerated subspaces and REJECT deliberately wrong ones."""

import random
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.network import CriticalPoint, Teacher
from symbolic_minima.strategies import teachers, zero_types
from symbolic_minima.subspaces import (
    AffineSubspace,
    critical_subspace,
    critical_subspaces,
    global_minimum_subspace,
    global_minimum_subspaces,
    network_for,
)
from symbolic_minima.verify import (
    Summary,
    certify_completeness,
    certify_criticality,
    certify_function_identity,
    certify_maximality,
    certify_zero_type_noncriticality,
    random_zero_loss_point,
    verify_all,
    which_subspaces,
)


@settings(max_examples=5)
@given(st.sampled_from([(1, 3, 1), (2, 3, 2), (2, 4, 1)]).flatmap(
    lambda t: st.tuples(teachers(r=t[0], d=t[2]), st.just(t[1]), zero_types())))
def test_function_identity_holds_on_every_global_subspace(args):
    teacher, m, zero_type = args
    for s in global_minimum_subspaces(teacher, m, zero_type):
        cert = certify_function_identity(s, teacher)
        assert cert.holds, str(cert)
        assert r"f(x;\theta)" in cert._repr_latex_()


def test_wrong_subspaces_are_rejected_by_function_identity():
    teacher = Teacher([[1, 2], [3, -1]], [2, "1/2"])
    net = network_for(3, 2, 1)
    good = global_minimum_subspace(teacher, (1, 2, 2))
    A, b = good.matrix()
    # wrong outgoing sum for teacher neuron 2
    b_wrong = list(b)
    b_wrong[-1] += 1
    wrong = AffineSubspace(good.parameters, A, b_wrong, label=(1, 2, 2))
    assert not certify_function_identity(wrong, teacher)
    assert certify_function_identity(global_minimum_subspace(teacher, (1, 2, 0)), teacher)
    # a zero-sum group whose weights do not sum to zero
    t1 = Teacher([1], [1])
    g = global_minimum_subspace(t1, (-1, 1, -1))
    A, b = g.matrix()
    idx = [k for k, row in enumerate(A) if row[g.parameters.index(sympy.Symbol("a_{1}", real=True))] != 0][0]
    b[idx] = Fraction(1)  # a_1 + a_3 = 1 instead of 0
    bad = AffineSubspace(g.parameters, A, b)
    cert = certify_function_identity(bad, t1)
    assert not cert.holds and "not identically 0" in cert.statement
    # a replica with the wrong incoming vector
    A, b = global_minimum_subspace(t1, (1, 0, 0)).matrix()
    b[0] = Fraction(2)
    assert not certify_function_identity(AffineSubspace(g.parameters, A, b), t1)
    # the whole space is not a zero-loss set
    assert not certify_function_identity(AffineSubspace(net.parameters, [], []), teacher)


@pytest.mark.parametrize("r, m, d, q", [(1, 2, 1, 1), (1, 3, 2, 1), (2, 3, 1, 1), (2, 4, 1, 1), (1, 3, 1, 2),
                                        (2, 3, 2, 2)])
def test_criticality_holds_on_every_critical_subspace(r, m, d, q):
    cp = CriticalPoint.default(r, d, d_out=q)
    for s in critical_subspaces(cp, m):
        cert = certify_criticality(s, cp)
        assert cert.holds, str(cert)
        assert len(cert.details["multipliers"]) == m * (d + q)


def test_nonparallel_vector_split_fails_criticality():
    cp = CriticalPoint([1, -2], [[1, 2], [3, 1]])
    label = (1, 1, 2)
    parallel = critical_subspace(cp, label)
    assert certify_criticality(parallel, cp).holds
    split = global_minimum_subspace(cp, label)  # a_1 + a_2 = a*_1 with any directions
    assert split.dimension == 2 > parallel.dimension == 1
    assert certify_function_identity(split, cp).holds  # same function ...
    cert = certify_criticality(split, cp)  # ... but not critical
    assert not cert.holds
    assert any("w_{1,1}" in f for f in cert.details["failures"])
    assert r"\neq" in cert._latex()
    # a concrete non-parallel point of the split
    pt = split.point([Fraction(1), Fraction(0)])
    assert not parallel.contains(pt)


def test_zero_type_neurons_are_not_critical():
    cp = CriticalPoint([1, 2], [1, -1])
    s = global_minimum_subspace(cp, (1, 0, 2))
    assert not certify_criticality(s, cp).holds
    cert = certify_zero_type_noncriticality(s, cp)
    assert cert.holds
    a2 = sympy.Symbol("a_{2}", real=True)
    w2 = sympy.Symbol("w_{2,1}", real=True)
    x = sympy.Symbol("x_{1}", real=True)
    e = sympy.Function("e")(x)
    assert cert.details["terms"][a2] == e * sympy.Function("sigma")(w2 * x)
    # no zero-type neuron: nothing to show
    no_zero = certify_zero_type_noncriticality(global_minimum_subspace(cp, (1, 2, 2)), cp)
    assert no_zero.statement == "no zero-type neuron"


def test_maximality_holds_and_detects_inclusions():
    t = Teacher.default(2, 2)
    subs = list(global_minimum_subspaces(t, 4, "groups"))
    assert certify_maximality(subs).holds
    pairs = [(a, b) for a in subs[:20] for b in subs[:20] if a is not b and a.intersection(b) is not None]
    a, b = pairs[0]
    smaller = a.intersection(b)
    smaller.label = ("inter",)
    cert = certify_maximality(subs + [smaller])
    assert not cert.holds and cert.details["inclusions"]
    assert not certify_maximality(subs + [subs[3]]).holds  # a duplicate


@settings(max_examples=8)
@given(st.sampled_from([(1, 3, 1), (2, 4, 1), (1, 4, 2)]).flatmap(
    lambda t: st.tuples(teachers(r=t[0], d=t[2]), st.just(t[1]))), st.integers(0, 10**6))
def test_completeness_groups_reading(args, seed):
    teacher, m = args
    cert = certify_completeness(teacher, m, "groups", samples=6, seed=seed)
    assert cert.holds, str(cert)
    assert len(cert.details["points"]) == 6  # the loop below is not vacuous
    for pt, labels in cert.details["points"]:
        for label in labels:
            assert global_minimum_subspace(teacher, label).contains(pt)


def test_group_points_are_missing_from_the_singletons_reading():
    t = Teacher([1], [1])
    r1 = list(global_minimum_subspaces(t, 3, "singletons"))
    rng = random.Random(5)
    net = network_for(3)
    found_group_point = False
    for _ in range(40):
        pt = random_zero_loss_point(t, 3, "groups", rng)
        assert sympy.expand(net.function(pt) - t.function()) == 0
        labels = which_subspaces(pt, t, 3, "groups")
        assert labels
        if all(v <= 0 for v in labels[0]) or any(v < 0 for v in labels[0]):
            if not any(s.contains(pt) for s in r1):
                found_group_point = True
    assert found_group_point
    cert = certify_completeness(t, 3, "groups", samples=30, seed=1, subspaces=r1)
    assert not cert.holds and cert.details["missing"]


def test_which_subspaces_names_the_label():
    t = Teacher.default(2)
    s = global_minimum_subspace(t, (1, -1, 2, -1))
    assert s.dimension == 2
    pt = s.point([Fraction(7, 3), Fraction(-1, 2)])
    assert (1, -1, 2, -1) in which_subspaces(pt, t, 4, "groups")
    assert which_subspaces(pt, t, 4, "singletons") == []


def test_verify_all_summary():
    t = Teacher.default(2)
    summary = Summary()
    for cert in verify_all(t, 3, "global", "groups", samples=3):
        summary.add(cert)
    assert summary.ok and summary.held["function_identity"] == 12  # R1 = R2 for m <= r + 1
    s2 = Summary()
    for cert in verify_all(t, 3, "critical"):
        s2.add(cert)
    assert s2.ok and s2.held["criticality"] == 6 and s2.held["zero_type_noncriticality"] == 6
    assert "ALL HOLD" in str(s2)


def test_wrong_critical_subspaces_are_rejected():
    cp = CriticalPoint([1, 2], [3, -1])
    good = critical_subspace(cp, (1, 2, 1))
    A, b = good.matrix()
    for k in range(len(b)):
        b_wrong = list(b)
        b_wrong[k] += 1  # shift one incoming coordinate or one outgoing sum
        wrong = AffineSubspace(good.parameters, A, b_wrong, label=(1, 2, 1))
        cert = certify_criticality(wrong, cp)
        assert not cert.holds, (k, good.equations()[k])
        assert "residual" in cert.statement or "multiple" in cert.statement
    # the right subspace under a wrong label (neurons credited to the other teacher neuron) is rejected
    assert certify_criticality(good, cp, label=(1, 2, 1)).holds
    for wrong_label in [(2, 1, 2), (1, 2, 2), (2, 2, 1)]:
        cert = certify_criticality(good, cp, label=wrong_label)
        assert not cert.holds and "multiple" in cert.statement, wrong_label


def test_maximality_inclusions_equal_brute_force():
    """The filtered pair search finds exactly the inclusions of an all-pairs ``is_subset_of`` search."""
    t = Teacher.default(2)
    subs = list(global_minimum_subspaces(t, 3, "groups"))
    extra = []
    for a, b in [(a, b) for k, a in enumerate(subs) for b in subs[k + 1:] if a.intersects(b)][::5]:
        inter = a.intersection(b)
        inter.label = ("inter",) + a.label + b.label
        extra.append(inter)
    assert len(extra) >= 3
    family = subs + extra
    cert = certify_maximality(family)
    brute = {(s.label, u.label) for s in family for u in family
             if s is not u and s.dimension < u.dimension and s.is_subset_of(u)}
    assert brute and set(cert.details["inclusions"]) == brute and not cert.holds


def test_completeness_rejects_a_shrunken_subspace():
    """Replacing Gamma_(1,1) by a proper subset (its meet with Gamma_(1,0)) still passes function identity,
    but completeness finds the replica points it lost."""
    t = Teacher([1], [1])
    subs = list(global_minimum_subspaces(t, 2, "singletons"))
    by = {s.label: s for s in subs}
    small = by[(1, 1)].intersection(by[(1, 0)])
    assert small.dimension < by[(1, 1)].dimension and certify_function_identity(small, t).holds
    shrunk = [by[(0, 1)], by[(1, 0)], small]
    assert certify_completeness(t, 2, "singletons", samples=20, seed=0).holds
    cert = certify_completeness(t, 2, "singletons", samples=20, seed=0, subspaces=shrunk)
    assert not cert.holds and cert.details["missing"]
    assert all(by[(1, 1)].contains(pt) for pt in cert.details["missing"])


# ---------------------------------------------------------------- a reading registered from outside


@pytest.fixture
def pairs_reading():
    """The toy reading "pairs": replicas, zero-type neurons and zero-sum groups of exactly two neurons."""
    from symbolic_minima.readings import GLOBAL_MINIMUM, Reading, register_reading, unregister_reading
    from symbolic_minima.roles import REPLICA, ZERO_TYPE, ZeroSumGroup

    reading = register_reading(Reading("pairs", "Rp", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2)),
                                       description="zero-sum groups of exactly two neurons"))
    try:
        yield reading
    finally:
        unregister_reading("pairs")


def test_registered_reading_certificates(pairs_reading):
    from symbolic_minima.labels import Label
    from symbolic_minima.readings import GLOBAL_MINIMUM

    t = Teacher([1], [1])
    rng = random.Random(7)
    sizes = set()
    for _ in range(40):
        pt = random_zero_loss_point(t, 4, "pairs", rng)
        labels = which_subspaces(pt, t, 4, "pairs")
        assert labels  # every point the reading's roles allow lies in one of its subspaces
        sizes |= {s for label in labels for s in Label(label).type().zero_sum_groups}
    assert sizes == {2}  # pairs were drawn, and nothing larger
    summary = Summary()
    for cert in verify_all(t, 4, GLOBAL_MINIMUM, "pairs", samples=5):
        summary.add(cert)
    assert summary.ok and summary.held["function_identity"] == len(list(pairs_reading.labellings(1, 4)))
    # points with a zero-sum group of three (R2) are missing from the pairs subspaces
    pairs_subs = list(global_minimum_subspaces(t, 4, "pairs"))
    cert = certify_completeness(t, 4, "groups", samples=40, seed=3, subspaces=pairs_subs)
    assert not cert.holds and cert.details["missing"]
    assert certify_completeness(t, 4, "pairs", samples=40, seed=3).holds


def test_verify_all_families():
    from symbolic_minima.readings import CRITICAL, GLOBAL_MINIMUM

    t = Teacher.default(1)
    by_constant = [str(c) for c in verify_all(t, 2, GLOBAL_MINIMUM, samples=2)]
    assert by_constant == [str(c) for c in verify_all(t, 2, "global", samples=2)]
    assert [c.name for c in verify_all(t, 2, CRITICAL)] == ["criticality", "zero_type_noncriticality",
                                                              "zero_type_noncriticality", "maximality"]
    with pytest.raises(ArgumentValueError, match="family must be"):
        list(verify_all(t, 2, "local"))
    with pytest.raises(ArgumentTypeError, match="family must be"):
        list(verify_all(t, 2, 1))
    with pytest.raises(ArgumentValueError, match="zero_type"):
        list(verify_all(t, 2, zero_type="nonsense"))
