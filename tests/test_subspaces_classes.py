"""Subspaces of the activation classes (issue 9, SPEC §6): counts, equations, dimensions, labels, API."""

import json
import random
from fractions import Fraction
from math import factorial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic_minima.activation_classes import UnsupportedActivationError, activation_class
from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.labels import Label
from symbolic_minima.network import CriticalPoint, Teacher, check_irreducible
from symbolic_minima.readings import get_reading
from symbolic_minima.strategies import teachers
from symbolic_minima.subspaces import (
    AffineSubspace,
    critical_subspace,
    critical_subspaces,
    global_minimum_subspace,
    global_minimum_subspaces,
    label_text,
    network_for,
    subspaces_of,
)

CLASSES = ("zero-at-origin", "odd", "even", "even-zero-at-origin")
FAMILIES = ("R1", "R2", "critical")

# ---------------------------------------------------------------- the EGFs of ISSUE9_MATH.md, as power series
# (exact truncated power series with Fractions: independent of the species machinery and of sympy)

N_TERMS = 8


def _exp_linear(c):  # e^{c x}
    return [Fraction(c) ** k / factorial(k) for k in range(N_TERMS)]


def _mul(a, b):
    return [sum(a[k] * b[n - k] for k in range(n + 1)) for n in range(N_TERMS)]


def _minus_one(a):
    return [a[0] - 1] + a[1:]


def _power(a, r):
    out = [Fraction(1)] + [Fraction(0)] * (N_TERMS - 1)
    for _ in range(r):
        out = _mul(out, a)
    return out


def _exp_of(f):  # exp(f) for f(0) = 0: g' = f' g
    g = [Fraction(1)] + [Fraction(0)] * (N_TERMS - 1)
    for n in range(1, N_TERMS):
        g[n] = sum(k * f[k] * g[n - k] for k in range(1, n + 1)) / n
    return g


def _half(a):
    return [v / 2 for v in a]


E1, E2 = _minus_one(_exp_linear(1)), _minus_one(_exp_linear(2))  # e^x - 1, e^{2x} - 1
EGFS = {
    ("zero-at-origin", "R1"): lambda r: _mul(_power(E1, r), _exp_linear(2)),
    ("zero-at-origin", "R2"): lambda r: _mul(_mul(_power(E1, r), _exp_of(E1)), _exp_linear(1)),
    ("zero-at-origin", "critical"): lambda r: _mul(_power(E1, r), _exp_linear(1)),
    ("odd", "R1"): lambda r: _mul(_power(E2, r), _exp_linear(2)),
    ("odd", "R2"): lambda r: _mul(_mul(_power(E2, r), _exp_of(_half(E2))), _exp_linear(1)),
    ("odd", "critical"): lambda r: _mul(_power(E2, r), _exp_linear(1)),
    ("even", "R1"): lambda r: _mul(_power(E2, r), _exp_linear(1)),
    ("even", "R2"): lambda r: _mul(_power(E2, r), _exp_of(_half(E2))),
    ("even", "critical"): lambda r: _power(E2, r),
    ("even-zero-at-origin", "R1"): lambda r: _mul(_power(E2, r), _exp_linear(2)),
    ("even-zero-at-origin", "R2"): lambda r: _mul(_mul(_power(E2, r), _exp_of(_half(E2))), _exp_linear(1)),
    ("even-zero-at-origin", "critical"): lambda r: _mul(_power(E2, r), _exp_linear(1)),
}


def egf_count(cls, family, r, m):
    """m! [x^m] of the class's EGF."""
    value = EGFS[(cls, family)](r)[m] * factorial(m)
    assert value.denominator == 1
    return int(value)


def test_egf_series_sanity():
    """The series helpers reproduce known values: odd R1 r=1 m=2 is 12 (ISSUE9_MATH.md), generic T(2,4) = 50."""
    assert egf_count("odd", "R1", 1, 2) == 12 == 4 ** 2 - 2 ** 2
    generic = _mul(_power(E1, 2), _exp_linear(1))
    assert generic[4] * factorial(4) == 50


def enumerate_family(cls, family, r, m, d=1, q=1):
    activation = None if cls == "generic" else cls
    if family == "critical":
        return critical_subspaces(CriticalPoint.default(r, d, q), m, activation=activation)
    return global_minimum_subspaces(Teacher.default(r, d, q), m, family, activation=activation)


def expected_dimension(label, family, d, q):
    """Dimension from the roles' table of ISSUE9_MATH.md, written independently of roles.py."""
    tokens = [str(v) for v in label]
    dim = 0
    blocks: dict = {}
    for token in tokens:
        if token == "0":
            dim += d
        elif token == "d":
            dim += q
        elif token == "p":
            dim += 0
        else:
            key = token[:-1] if token[0] == "g" else token.lstrip("+-")
            blocks[key] = blocks.get(key, 0) + 1
    for key, size in blocks.items():
        if key[0] == "g":
            dim += d + (size - 1) * q
        else:
            dim += (size - 1) * (1 if family == "critical" else q)
    return dim


def _cases():
    out = []
    for cls in CLASSES:
        for family in FAMILIES:
            reading = get_reading(family, cls)
            for r in (1, 2, 3):
                for m in range(r, r + 4):
                    for d in (1, 2):
                        count = reading.species(r).count(m)
                        marks = [pytest.mark.slow] if count > 3000 else []
                        out.append(pytest.param(cls, family, r, m, d, id=f"{cls}-{family}-r{r}-m{m}-d{d}", marks=marks))
    return out


@pytest.mark.parametrize("cls, family, r, m, d", _cases())
def test_counts_from_the_subspaces_equal_the_reading(cls, family, r, m, d):
    """Every class x reading x critical, r <= 3, m <= r + 3, d = 1, 2: the enumerated subspaces are pairwise
    distinct and as many as the reading's species count (and the EGF of ISSUE9_MATH.md says)."""
    reading = get_reading(family, cls)
    subspaces = list(enumerate_family(cls, family, r, m, d))
    expected = reading.species(r).count(m)
    assert len(subspaces) == expected == len(set(subspaces))
    assert expected == egf_count(cls, family, r, m)
    for s in subspaces[:: max(1, len(subspaces) // 200)]:
        assert s.dimension == expected_dimension(s.label, family, d, 1) == Label(s.label).dimension(d, 1, reading)
        assert s.activation_class == cls and s.kind == reading.family


@pytest.mark.parametrize("cls", CLASSES)
def test_width_r_isolated_points(cls):
    """m = r: r! 2^r isolated zero-loss points in the sign classes, r! otherwise (both readings)."""
    for r in (1, 2, 3):
        signs = activation_class(cls).signs is not None
        for family in ("R1", "R2"):
            subs = list(enumerate_family(cls, family, r, r))
            assert len(subs) == factorial(r) * (2 ** r if signs else 1)
            assert all(s.dimension == 0 for s in subs)


# ---------------------------------------------------------------- equations against the table of ISSUE9_MATH.md


def reference_subspace(cls_name, critical, teacher, label):
    """The subspace of a token label written from the roles' table, through the generic RREF."""
    cls = activation_class(cls_name)
    m, d, q = len(label), teacher.input_dim, teacher.output_dim
    net = network_for(m, d, q)
    index = {s: i for i, s in enumerate(net.parameters)}
    A: list = []
    b: list = []

    def eq(coefficients, rhs):
        row = [0] * len(net.parameters)
        for symbol, c in coefficients.items():
            row[index[symbol]] += c
        A.append(row)
        b.append(rhs)

    def weight(sign):
        return sign if cls.signs == "odd" else 1

    blocks: dict = {}
    for j, token in enumerate(label, 1):
        w, a = net.incoming(j), net.outgoing_tuple(j)
        if token in ("0", "p"):
            for s in a:
                eq({s: 1}, 0)
        if token in ("d", "p"):
            for s in w:
                eq({s: 1}, 0)
        if token in ("0", "d", "p"):
            continue
        if token[0] == "g":
            blocks.setdefault(("g", token[1:-1]), []).append((j, 1 if token[-1] == "+" else -1))
        else:
            blocks.setdefault(("t", int(token.lstrip("+-"))), []).append((j, -1 if token[0] == "-" else 1))
    for (kind, key), members in blocks.items():
        if kind == "g":  # w_j = s_j u: w_j - s_j s_0 w_0 = 0; sum of weights * a_j = 0
            j0, s0 = members[0]
            for j, s in members[1:]:
                for k in range(d):
                    eq({net.incoming(j)[k]: 1, net.incoming(j0)[k]: -s * s0}, 0)
            for l in range(q):
                eq({net.outgoing_tuple(j)[l]: weight(s) for j, s in members}, 0)
            continue
        i = key
        w_star, a_star = teacher.incoming[i - 1], teacher.outgoing_tuple(i)
        for j, s in members:
            for k in range(d):
                eq({net.incoming(j)[k]: 1}, s * w_star[k])
        for l in range(q):
            eq({net.outgoing_tuple(j)[l]: weight(s) for j, s in members}, a_star[l])
        if critical:  # a_j parallel to a*_i
            for j, _ in members:
                a = net.outgoing_tuple(j)
                for l in range(q):
                    for l0 in range(l + 1, q):
                        eq({a[l]: a_star[l0], a[l0]: -a_star[l]}, 0)
    return AffineSubspace(net.parameters, A, b)


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("r, m, d, q", [(1, 3, 1, 1), (2, 3, 2, 1), (1, 3, 1, 2), (2, 4, 1, 1), (1, 2, 2, 3)])
def test_equations_are_those_of_the_roles_table(cls, family, r, m, d, q):
    point = (CriticalPoint if family == "critical" else Teacher)(
        [[(-1) ** i * (i + k) for k in range(d)] for i in range(1, r + 1)],
        [i + 1 if q == 1 else [i + l for l in range(1, q + 1)] for i in range(1, r + 1)],
    )
    subs = list(critical_subspaces(point, m, activation=cls) if family == "critical"
                else global_minimum_subspaces(point, m, family, activation=cls))
    step = max(1, len(subs) // 60)
    for s in subs[::step]:
        assert s == reference_subspace(cls, family == "critical", point, list(s.label)), s.label


def test_reference_equations_tell_the_classes_apart():
    """Control: the same label means different equations in the odd and the even class (sum of s_j a_j vs a_j)."""
    t = Teacher([2], [3])
    odd = global_minimum_subspace(t, ("+1", "-1"), activation="odd")
    even = global_minimum_subspace(t, ("+1", "-1"), activation="even")
    assert odd.equations()[-1] == "a_{1} - a_{2} = 3" and even.equations()[-1] == "a_{1} + a_{2} = 3"
    assert odd != even
    assert odd == reference_subspace("odd", False, t, ["+1", "-1"])
    assert odd != reference_subspace("even", False, t, ["+1", "-1"])


@settings(max_examples=15)
@given(st.sampled_from(CLASSES), st.sampled_from(FAMILIES), st.data())
def test_hypothesis_teachers_give_the_roles_equations(cls, family, data):
    """Hypothesis-drawn teachers irreducible for the class, and a drawn label of the class."""
    teacher = data.draw(teachers(r=2, d=2, max_numerator=4).filter(lambda t: _irreducible(t, cls)))
    if family == "critical":
        teacher = CriticalPoint.from_teacher(teacher)
    labels = list(get_reading(family, cls).labellings(2, 3))
    label = data.draw(st.sampled_from(labels))
    s = (critical_subspace(teacher, label, activation=cls) if family == "critical"
         else global_minimum_subspace(teacher, label, family, activation=cls))
    assert s == reference_subspace(cls, family == "critical", teacher, list(label))
    rng = random.Random(0)
    pt = s.point([Fraction(rng.randint(-5, 5), rng.randint(1, 3)) for _ in range(s.dimension)])
    assert s.contains(pt)


def _irreducible(teacher, cls):
    try:
        check_irreducible(teacher, cls)
    except ArgumentValueError:
        return False
    return True


# ---------------------------------------------------------------- permutations, labels, printing


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("family", FAMILIES)
def test_permutation_convention_for_token_labels(cls, family):
    """P_pi Gamma_g = Gamma_{g o pi^-1} (free groups renumbered, their signs normalised up to the global flip)."""
    subs = {tuple(s.label): s for s in enumerate_family(cls, family, 1, 3, d=2)}
    for pi in [(2, 1, 3), (2, 3, 1), (3, 1, 2)]:
        for label, s in list(subs.items())[::3]:
            image = s.permuted(pi)
            assert image == subs[tuple(image.label)], (label, pi, image.label)
            assert image.activation_class == cls


def test_token_labels_in_json_latex_and_text():
    t = Teacher([1], [2])
    s = global_minimum_subspace(t, ("g1+", "+1", "g1-"), "R2", activation="odd")
    assert s.to_json()["label"] == ["g1+", "+1", "g1-"]
    json.dumps(s.to_json())
    assert s.latex_name() == r"\Gamma_{(g_{1}^{+}, +1, g_{1}^{-})}"
    assert label_text(s.label) == "(g1+, +1, g1-)" and label_text((1, 0)) == "(1, 0)"
    assert s.equations() == ["w_{1,1} + w_{3,1} = 0", "w_{2,1} = 1", "a_{1} - a_{3} = 0", "a_{2} = 2"]
    crit = critical_subspace(CriticalPoint([1], [2]), ("+1", "p"), activation="odd")
    assert crit.latex_name() == r"\Gamma^{\mathrm{crit}}_{(+1, p)}" and crit.kind == "critical"
    assert r"\begin{aligned}" in crit._repr_latex_()


def test_critical_roles_and_dimensions():
    cp = CriticalPoint([1, 2], [[1, 2], [3, 1]])
    parked = critical_subspace(cp, ("+1", "p", "-2"), activation="tanh")
    assert parked.dimension == 0  # a parked neuron is a point: below h = 1
    dead = critical_subspace(cp, ("+1", "d", "-2"), activation="logcosh")
    assert dead.dimension == 2  # dead critical neuron: a_j free (d_out = 2)
    split = critical_subspace(cp, ("+1", "-1", "+2"), activation="odd")
    assert split.dimension == 1 and "a_{1,1} - 1/2*a_{2,2} = 1" in split.equations()
    with pytest.raises(ArgumentValueError, match="not a valid critical labelling of the even class"):
        critical_subspace(cp, ("+1", "p", "-2"), activation="gaussian")
    with pytest.raises(ArgumentValueError, match="not a valid critical labelling of the odd class"):
        critical_subspace(cp, ("+1", "d", "-2"), activation="odd")


def test_api_errors_and_validation():
    t = Teacher([1, -1], [1, 2])
    with pytest.raises(ArgumentValueError, match="must not be opposite"):
        list(global_minimum_subspaces(t, 2, activation="odd"))
    with pytest.raises(ArgumentValueError, match="must not be opposite"):
        list(critical_subspaces(CriticalPoint.from_teacher(t), 2, activation="gaussian"))
    assert len(list(global_minimum_subspaces(t, 2, activation="exp-minus-one"))) == 2
    with pytest.raises(ArgumentValueError, match="pass activation="):
        global_minimum_subspace(Teacher([1], [1]), ("+1", "0"))
    with pytest.raises(ArgumentValueError, match="pass activation="):
        critical_subspace(CriticalPoint([1], [1]), ("+1", "p"))
    with pytest.raises(ArgumentValueError, match="not a valid singletons labelling of the odd class"):
        global_minimum_subspace(Teacher([1], [1]), (1, 0), activation="odd")
    with pytest.raises(UnsupportedActivationError, match="refused"):
        list(global_minimum_subspaces(Teacher([1], [1]), 2, activation="softplus"))
    with pytest.raises(ArgumentValueError, match="belongs to the odd class"):
        subspaces_of(get_reading("R1", "odd"), Teacher([1], [1]), 2, activation="even")
    # names and class names are interchangeable
    a = [s.label for s in global_minimum_subspaces(Teacher([1], [1]), 3, "R2", activation="tanh")]
    b = [s.label for s in global_minimum_subspaces(Teacher([1], [1]), 3, "R2", activation="odd")]
    assert a == b and len(a) == 68
    # the generic class: activation="generic" is the default
    assert (list(global_minimum_subspaces(Teacher([1], [1]), 3, activation="generic"))
            == list(global_minimum_subspaces(Teacher([1], [1]), 3)))


def test_class_metadata_survives_permutation_and_intersection():
    t = Teacher([1], [2])
    subs = list(global_minimum_subspaces(t, 2, activation="odd"))
    assert {s.activation_class for s in subs} == {"odd"}
    meets = [a.intersection(b) for a in subs for b in subs if a is not b and a.intersects(b)]
    assert meets and all(s.activation_class == "odd" for s in meets)
    generic = next(iter(global_minimum_subspaces(t, 2)))
    assert generic.activation_class == "generic"
    assert generic.intersection(subs[0]) is None or generic.intersection(subs[0]).activation_class is None
