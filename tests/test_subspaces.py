"""Exact affine subspaces and the global-minimum / critical enumerators (SPEC §2-3)."""

import random
from fractions import Fraction
from math import comb, factorial

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.labellings import critical_labellings, global_minimum_labellings
from symbolic_minima.network import CriticalPoint, Teacher
from symbolic_minima.strategies import critical_points, labellings, teachers
from symbolic_minima.subspaces import (
    AffineSubspace,
    critical_subspace,
    critical_subspaces,
    global_minimum_subspace,
    global_minimum_subspaces,
    network_for,
    permute_label,
)


# ---------------------------------------------------------------- expected counts
def _stirling2(n, k):
    return sum((-1) ** j * comb(k, j) * (k - j) ** n for j in range(k + 1)) // factorial(k)


def _bell(n):
    return sum(_stirling2(n, k) for k in range(n + 1))


def expected_T(r, m, zero_type):
    try:
        from symbolic_minima.counting import T
    except ImportError:  # counting not landed: independent closed forms of SPEC §2
        if zero_type == "singletons":
            return factorial(r) * _stirling2(m + 1, r + 1)
        return sum(comb(m, k) * _bell(k) * factorial(r) * _stirling2(m - k, r) for k in range(m - r + 1))
    return T(r, m, zero_type=zero_type)


def expected_G(r, m):
    try:
        from symbolic_minima.counting import G
    except ImportError:
        return factorial(r) * _stirling2(m, r)
    return G(r, m)


RM = [(r, m) for r in (1, 2, 3) for m in range(r, r + 4)]


def _dim_formula(label, r, d, q):
    """Independent dimension count: free coordinates per neuron role."""
    k = label.count(0)
    groups = {}
    for v in label:
        if v != 0:
            groups[v] = groups.get(v, 0) + 1
    dim = k * d
    for v, s in groups.items():
        dim += (s - 1) * q + (d if v < 0 else 0)
    return dim


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("r, m", RM)
def test_enumeration_count_equals_T(r, m, d, zero_type):
    @settings(max_examples=2)
    @given(teachers(r=r, d=d))
    def check(teacher):
        subs = list(global_minimum_subspaces(teacher, m, zero_type))
        assert len(subs) == expected_T(r, m, zero_type)
        assert len(set(subs)) == len(subs)  # exact equality: all distinct
        assert [s.label for s in subs] == list(global_minimum_labellings(r, m, zero_type))
        h = m - r
        for s in subs:
            k = s.label.count(0)
            if zero_type == "singletons":
                assert s.dimension == h + k * (d - 1)
            assert s.dimension == _dim_formula(s.label, r, d, 1) >= h

    check()


@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("r, m", RM)
def test_critical_count_equals_G(r, m, d):
    @settings(max_examples=2)
    @given(critical_points(r=r, d=d))
    def check(cp):
        subs = list(critical_subspaces(cp, m))
        assert len(subs) == expected_G(r, m) == len(set(subs))
        assert all(s.dimension == m - r and s.kind == "critical" for s in subs)

    check()


@pytest.mark.parametrize("r, m, d, q", [(1, 3, 1, 2), (2, 4, 2, 2), (2, 3, 1, 3)])
def test_vector_output_dimensions(r, m, d, q):
    teacher = Teacher.default(r, d, d_out=q)
    for s in global_minimum_subspaces(teacher, m):
        k = s.label.count(0)
        assert s.dimension == k * d + (m - r - k) * q == _dim_formula(s.label, r, d, q)
    cp = CriticalPoint.default(r, d, d_out=q)
    crit = list(critical_subspaces(cp, m))
    assert len(crit) == expected_G(r, m)
    for s in crit:
        assert s.dimension == m - r
        # points are a_j = lambda_j a_{g(j)}: check parallel at random points
        rng = random.Random(1)
        net = network_for(m, d, q)
        pt = s.point([Fraction(rng.randint(-9, 9), rng.randint(1, 5)) for _ in range(s.dimension)])
        for j, g in enumerate(s.label, 1):
            a = [pt[net.index(sym)] for sym in net.outgoing_tuple(j)]
            a_star = cp.outgoing[g - 1]
            assert sympy.Matrix([a, list(a_star)]).rank() <= 1


@given(teachers(r=2, d=2), labellings(2, 4, "groups"))
def test_fast_canonical_form_equals_generic_rref(teacher, label):
    s = global_minimum_subspace(teacher, label)
    A, b = s.matrix()
    # shuffle and scale the rows, rebuild through the generic constructor
    rows = [(row, beta) for row, beta in zip(A, b, strict=True)]
    random.Random(0).shuffle(rows)
    A2 = [[2 * x for x in row] for row, _ in rows] + [[x + y for x, y in zip(rows[0][0], rows[-1][0], strict=True)]]
    b2 = [2 * beta for _, beta in rows] + [rows[0][1] + rows[-1][1]]
    generic = AffineSubspace(s.parameters, A2, b2)
    assert generic == s and hash(generic) == hash(s)
    assert generic._rows == s._rows and generic.pivots == s.pivots


@given(teachers(r=2), labellings(2, 4, "groups"))
def test_points_of_a_subspace_compute_the_teacher(teacher, label):
    """Every point of Gamma_g has the teacher's function (independent of verify.py)."""
    s = global_minimum_subspace(teacher, label)
    net = network_for(4, 1, 1)
    rng = random.Random(2)
    pt = s.point([Fraction(rng.randint(-9, 9), rng.randint(1, 3)) for _ in range(s.dimension)])
    assert s.contains(pt)
    assert sympy.expand(net.function(pt) - teacher.function()) == 0


def _permute_point(pt, pi, net):
    new = list(pt)
    for j in range(1, net.width + 1):
        for src, dst in zip(net.neuron_parameters(j), net.neuron_parameters(pi[j - 1]), strict=True):
            new[net.index(dst)] = pt[net.index(src)]
    return new


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
def test_permutation_convention(zero_type):
    """P_pi Gamma_g = Gamma_{g o pi^-1}, with (P_pi theta)_{pi(j)} = theta_j."""
    teacher = Teacher.default(2, d=2)
    m = 4
    subs = {s.label: s for s in global_minimum_subspaces(teacher, m, zero_type)}
    net = network_for(m, 2, 1)
    rng = random.Random(3)
    for pi in [(2, 1, 3, 4), (2, 3, 4, 1), (4, 3, 1, 2)]:
        inv = [0] * m
        for j, p in enumerate(pi, 1):
            inv[p - 1] = j
        for label, s in list(subs.items())[::7]:
            image = s.permuted(pi)
            composed = tuple(label[inv[j] - 1] for j in range(m))  # g(pi^-1(j))
            from symbolic_minima.labellings import canonical_groups
            assert image.label == canonical_groups(composed) == permute_label(label, pi)
            assert image == subs[image.label]
            pt = s.point([rng.randint(-5, 5) for _ in range(s.dimension)])
            assert image.contains(_permute_point(pt, pi, net))
    # the other convention is really different: (1 2 3 4) -> (2 3 4 1) is not an involution
    s = subs[(1, 2, 0, 0)] if zero_type == "singletons" else subs[(1, 2, -1, -1)]
    assert s.permuted((2, 3, 4, 1)).label != permute_label(s.label, (4, 1, 2, 3))
    # ... and on points: a permuted point of Gamma_g lies in Gamma_{g o pi^-1}, NOT in Gamma_{g o pi}
    pi = (2, 3, 4, 1)
    pt = _permute_point(s.point([rng.randint(1, 5) for _ in range(s.dimension)]), pi, net)
    right = tuple(s.label[pi.index(j + 1)] for j in range(m))  # g(pi^-1(j)), independent of permute_label
    wrong = tuple(s.label[pi[j] - 1] for j in range(m))  # g(pi(j))
    from symbolic_minima.labellings import canonical_groups
    assert subs[canonical_groups(right)].contains(pt)
    assert canonical_groups(wrong) != canonical_groups(right)
    assert not subs[canonical_groups(wrong)].contains(pt)


def test_intersection_and_containment():
    teacher = Teacher([1], [2])
    a, b, c = global_minimum_subspaces(teacher, 2)  # (0,1), (1,0), (1,1)
    inter = a.intersection(c)
    assert inter is not None and inter.dimension == 0
    assert inter.base_point() == (1, 1, 0, 2)
    ab = a.intersection(b)
    assert ab is None  # a_1 = 0 and a_1 = 2
    assert inter.is_subset_of(a) and inter.is_subset_of(c) and not a.is_subset_of(c)
    assert inter == AffineSubspace(a.parameters, [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], [1, 1, 0, 2])


def test_parametrization_and_latex():
    s = global_minimum_subspace(Teacher([1, 2], ["3/2", 1]), (1, 1, 2))
    par = s.parametrization()
    a1, a2 = sympy.Symbol("a_{1}", real=True), sympy.Symbol("a_{2}", real=True)
    assert par[a1] == sympy.Rational(3, 2) - a2 and par[a2] == a2
    tex = sympy.latex(s)
    assert r"\begin{aligned}" in tex and r"\frac{3}{2}" in tex
    assert s._repr_latex_().startswith("$$\\Gamma_{(1, 1, 2)}")
    assert s.to_json()["equations"] == s.equations()


def test_symbolic_teacher_subspaces():
    u = sympy.Symbol("u")
    t = Teacher([[u], [1]], [1, u])
    subs = list(global_minimum_subspaces(t, 3))
    assert len(subs) == expected_T(2, 3, "singletons")
    s = subs[-1]
    assert any("u" in e for e in s.equations())


def test_nonparallel_split_is_not_in_the_critical_subspace():
    cp = CriticalPoint([1], [[1, 2]])
    s = critical_subspace(cp, (1, 1))
    # parameters of network_for(2, 1, 2): w_{1,1}, w_{2,1}, a_{1,1}, a_{1,2}, a_{2,1}, a_{2,2}
    ok = [1, 1, Fraction(1, 3), Fraction(2, 3), Fraction(2, 3), Fraction(4, 3)]
    bad = [1, 1, 1, 0, 0, 2]  # sums to (1, 2) but neither half is parallel to (1, 2)
    assert s.contains(ok) and not s.contains(bad)
    g = global_minimum_subspace(Teacher([1], [[1, 2]]), (1, 1))
    assert g.contains(bad) and g.dimension == 2 and s.dimension == 1


def test_bad_input():
    t = Teacher.default(2)
    with pytest.raises(ArgumentValueError, match="m must be"):
        list(global_minimum_subspaces(t, 1))
    with pytest.raises(ArgumentValueError, match="zero_type"):
        global_minimum_subspaces(t, 3, "pairs")
    with pytest.raises(ArgumentTypeError):
        global_minimum_subspaces("teacher", 3)
    with pytest.raises(ArgumentValueError, match="not a valid"):
        global_minimum_subspace(t, (1, 1, 1))
    with pytest.raises(ArgumentValueError, match="surjection"):
        critical_subspace(CriticalPoint.default(2), (1, 0, 2))
    x, y = sympy.symbols("x y")
    with pytest.raises(ArgumentValueError, match="inconsistent"):
        AffineSubspace([x, y], [[1, 1], [2, 2]], [1, 3])
    s = AffineSubspace([x, y], [[1, 1]], [1])
    with pytest.raises(ArgumentValueError):
        s.permuted((2, 1))  # no neuron structure
    assert s.permuted({x: y, y: x}) == s
    with pytest.raises(ArgumentValueError):
        s.point([1, 2])


def test_parameter_guard():
    from symbolic_minima.subspaces import MAX_PARAMETERS

    with pytest.raises(ArgumentValueError, match="MAX_PARAMETERS"):
        global_minimum_subspaces(Teacher.default(1), MAX_PARAMETERS)
    assert next(global_minimum_subspaces(Teacher.default(1), MAX_PARAMETERS // 2)).ambient_dimension == MAX_PARAMETERS


@pytest.mark.parametrize("r, m, d, q", [(1, 3, 1, 2), (2, 4, 2, 2)])
def test_vector_output_counts(r, m, d, q):
    for zero_type in ("singletons", "groups"):
        subs = list(global_minimum_subspaces(Teacher.default(r, d, d_out=q), m, zero_type))
        assert len(subs) == len(set(subs)) == expected_T(r, m, zero_type)


def test_critical_permutation_convention():
    cp = CriticalPoint.default(2, 1, d_out=2)
    subs = {s.label: s for s in critical_subspaces(cp, 4)}
    net = network_for(4, 1, 2)
    rng = random.Random(4)
    for pi in [(2, 1, 3, 4), (3, 4, 2, 1)]:
        for label, s in subs.items():
            assert s.permuted(pi) == subs[permute_label(label, pi)]
            # on points: P_pi maps a point of Gamma_g into Gamma_{g o pi^-1} (labels built by hand)
            pt = _permute_point(s.point([Fraction(rng.randint(1, 9), 7) for _ in range(s.dimension)]), pi, net)
            image = tuple(label[pi.index(j + 1)] for j in range(4))
            assert subs[image].contains(pt)
            for other in {label, tuple(label[pi[j] - 1] for j in range(4))} - {image}:  # g, g o pi
                assert not subs[other].contains(pt)


@given(teachers(r=2), st.tuples(labellings(2, 4, "groups"), labellings(2, 4, "groups")))
def test_intersection_agrees_with_sympy_linsolve(teacher, pair):
    s1, s2 = (global_minimum_subspace(teacher, g) for g in pair)
    inter = s1.intersection(s2)
    eqs = s1.sympy_equations() + s2.sympy_equations()
    sol = sympy.linsolve(eqs, list(s1.parameters))
    assert (inter is None) == (sol == sympy.EmptySet)
    if inter is not None:
        (point,) = sol
        free = sorted(set().union(*(sympy.sympify(v).free_symbols for v in point)), key=str)
        assert inter.dimension == len(free)
        assert inter.is_subset_of(s1) and inter.is_subset_of(s2)
        zero = {f: 0 for f in free}
        assert inter.contains([sympy.sympify(v).subs(zero) for v in point])
    # inclusion, by the same independent route: s1 <= s2 iff the joint solution set keeps s1's dimension
    joint_dim = None if inter is None else inter.dimension
    assert s1.is_subset_of(s2) == (joint_dim == s1.dimension)
    assert s2.is_subset_of(s1) == (joint_dim == s2.dimension)


@settings(max_examples=10)
@given(st.sampled_from([(1, 3, 1, 2), (2, 4, 1, 3), (2, 3, 2, 2)]).flatmap(
    lambda t: st.tuples(critical_points(r=t[0], d=t[2], d_out=t[3]), st.just(t[1]))))
def test_vector_critical_canonical_form_equals_generic_rref(args):
    from symbolic_minima.subspaces import _critical_one

    cp, m = args
    for label in critical_labellings(cp.width, m):
        fast = _critical_one(cp, label, m)
        slow = _critical_one(cp, label, m, generic=True)
        assert fast == slow and fast._rows == slow._rows and fast.pivots == slow.pivots
        assert fast.dimension == m - cp.width


def test_contains_refuses_strings_and_floats_but_accepts_symbols():
    s = global_minimum_subspace(Teacher([1], [2]), (1, 1))
    with pytest.raises(ArgumentTypeError):
        s.contains(["1", 1, 1, 1])
    with pytest.raises(ArgumentTypeError):
        s.contains([1.0, 1, 1, 1])
    t = sympy.Symbol("t")
    assert s.contains([1, 1, t, 2 - t]) and not s.contains([1, 1, t, 2 + t])


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


def _egf_count(r, m):
    """m! [x^m] (e^x - 1)^r exp(x + x^2/2), by sympy series (independent of the enumeration)."""
    x = sympy.Symbol("x")
    series = sympy.series((sympy.exp(x) - 1) ** r * sympy.exp(x + x**2 / 2), x, 0, m + 1).removeO()
    return int(series.coeff(x, m) * factorial(m))


def _pairs_dimension(label, d, q):
    """Free coordinates per block, counted by hand: zero-type d, replica group (s-1) q, pair d + q."""
    sizes = {}
    for v in label:
        if v != 0:
            sizes[v] = sizes.get(v, 0) + 1
    return label.count(0) * d + sum((s - 1) * q if v > 0 else d + (s - 1) * q for v, s in sizes.items())


@pytest.mark.parametrize("r, m, d, q", [(1, 3, 1, 1), (1, 4, 2, 1), (2, 4, 1, 2), (2, 5, 1, 1)])
def test_registered_reading_gives_subspaces(pairs_reading, r, m, d, q):
    from symbolic_minima.labels import Label
    from symbolic_minima.subspaces import subspaces_of

    teacher = Teacher.default(r, d, d_out=q)
    subs = list(global_minimum_subspaces(teacher, m, "pairs"))
    labels = list(pairs_reading.labellings(r, m))
    # one subspace per label of the reading, in its order; as many as the EGF says
    assert [s.label for s in subs] == labels
    assert len(subs) == len(set(subs)) == _egf_count(r, m)
    assert subs == list(subspaces_of(pairs_reading, teacher, m)) == list(subspaces_of("pairs", teacher, m))
    groups = set(global_minimum_subspaces(teacher, m, "groups"))
    for s in subs:
        assert s.kind == "global_minimum"
        assert s.dimension == Label(s.label).dimension(d, q, pairs_reading) == _pairs_dimension(s.label, d, q)
        assert all(sizes == 2 for sizes in Label(s.label).type().zero_sum_groups)
        # same equations as the groups reading gives this label (an independent route through R2)
        assert s in groups and s == global_minimum_subspace(teacher, s.label, "groups")
        assert s == global_minimum_subspace(teacher, s.label, "pairs")
        # the canonical rows are those of the generic RREF
        A, b = s.matrix()
        generic = AffineSubspace(s.parameters, [[3 * x for x in row] for row in A[::-1]], [3 * y for y in b[::-1]])
        assert generic._rows == s._rows and generic.pivots == s.pivots
    # the reading really differs from R2 once a group of three fits
    if m - r >= 3:
        assert len(subs) < len(groups)


def test_registered_reading_points_compute_the_teacher(pairs_reading):
    teacher = Teacher([1, 2], [1, -1])
    net = network_for(5, 1, 1)
    rng = random.Random(5)
    for s in global_minimum_subspaces(teacher, 5, "pairs"):
        pt = s.point([Fraction(rng.randint(-9, 9), rng.randint(1, 3)) for _ in range(s.dimension)])
        assert sympy.expand(net.function(pt) - teacher.function()) == 0


def test_registered_reading_refuses_foreign_labels(pairs_reading):
    t = Teacher.default(1)
    with pytest.raises(ArgumentValueError, match="not a valid pairs labelling"):
        global_minimum_subspace(t, (1, -1, -1, -1), "pairs")  # a group of three
    assert global_minimum_subspace(t, (1, -1, -1, -1)).dimension == 3  # fine in R2 (the default for groups)
    with pytest.raises(ArgumentValueError, match="m must be"):
        list(global_minimum_subspaces(Teacher.default(2), 1, "pairs"))


def test_subspace_kind_comes_from_the_family():
    from symbolic_minima.readings import CRITICAL, CRITICAL_READING, GLOBAL_MINIMUM
    from symbolic_minima.subspaces import subspace_of, subspaces_of

    cp = CriticalPoint.default(2)
    assert {s.kind for s in subspaces_of(CRITICAL_READING, cp, 3)} == {CRITICAL}
    assert {s.kind for s in subspaces_of("R2", cp, 3)} == {GLOBAL_MINIMUM}
    assert list(subspaces_of(CRITICAL_READING, cp, 3)) == list(critical_subspaces(cp, 3))
    assert subspace_of("R1", cp, (1, 0, 2)) == global_minimum_subspace(cp, (1, 0, 2))
    with pytest.raises(ArgumentValueError, match="not a valid critical labelling"):
        subspace_of(CRITICAL_READING, cp, (1, 0, 2))


def test_vector_critical_subspaces_need_a_rational_point():
    u = sympy.Symbol("u")
    cp = CriticalPoint([1], [[1, u]])
    with pytest.raises(ArgumentValueError, match="need a rational critical point"):
        critical_subspace(cp, (1, 1))
    # a symbolic incoming vector is fine: it only enters right-hand sides
    s = critical_subspace(CriticalPoint([u], [[1, 2]]), (1, 1))
    assert s.dimension == 1 and "w_{1,1} = u" in s.equations()
