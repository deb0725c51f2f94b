"""classify / project / snap: float parameters placed on the exact landscape (issue 10).

Every classification is checked against an independent route: the distance
against the exact subspace of :func:`subspace_of` (its direction basis) and
against closed forms per role; the label against the label the point was
sampled from; the margin by re-classifying at nearby tolerances.
"""

import math
from fractions import Fraction

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("scipy")

import sympy  # noqa: E402
from hypothesis import assume, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from symbolic_minima.classify import (  # noqa: E402
    DEFAULT_TOL,
    Classification,
    classify,
    exact_point,
    project,
    snap,
    student_arrays,
)
from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError  # noqa: E402
from symbolic_minima.labels import Label  # noqa: E402
from symbolic_minima.network import CriticalPoint, Teacher, class_sigma  # noqa: E402
from symbolic_minima.readings import get_reading  # noqa: E402
from symbolic_minima.subspaces import subspace_of  # noqa: E402
from symbolic_minima.verify import certify_function_identity  # noqa: E402

CLASSES = ("generic", "zero-at-origin", "odd", "even", "even-zero-at-origin")
READINGS = ("singletons", "groups", "critical")


# ---------------------------------------------------------------------------
# helpers: random cases, sampled points, the independent routes


@st.composite
def cases(draw, classes=CLASSES, readings=READINGS):
    """(class, reading name, teacher, label, numpy seed) with d, d_out in {1, 2}, r in {1, 2}, m <= r + 2."""
    cls = draw(st.sampled_from(classes))
    zero_type = draw(st.sampled_from(readings))
    d = draw(st.sampled_from((1, 2)))
    q = draw(st.sampled_from((1, 2)))
    r = draw(st.integers(1, 2))
    m = draw(st.integers(r, r + 2))
    firsts = draw(st.lists(st.integers(1, 6), min_size=r, max_size=r, unique=True))
    incoming = [[f, *(Fraction(draw(st.integers(-6, 6)), 2) for _ in range(d - 1))] for f in firsts]
    nonzero = st.sampled_from([k for k in range(-6, 7) if k])
    if q == 1:
        outgoing = [Fraction(draw(nonzero), 2) for _ in range(r)]
    else:
        outgoing = [[Fraction(draw(nonzero), 2), Fraction(draw(st.integers(-6, 6)), 2)] for _ in range(r)]
    teacher = Teacher(incoming, outgoing)
    reading = get_reading(zero_type, cls)
    labels = list(reading.labellings(r, m))
    label = draw(st.sampled_from(labels))
    seed = draw(st.integers(0, 2**32 - 1))
    return cls, zero_type, teacher, Label(label), seed


def _point_of(teacher, zero_type):
    return CriticalPoint.from_teacher(teacher) if zero_type == "critical" else teacher


def _sample(subspace, rng):
    base = np.array([float(x) for x in subspace.base_point()])
    dirs = subspace.direction_basis()
    if not dirs:
        return base
    D = np.array([[float(x) for x in v] for v in dirs])
    return base + rng.standard_normal(len(dirs)) @ D


def _normal_projector(subspace):
    n = subspace.ambient_dimension
    dirs = subspace.direction_basis()
    if not dirs:
        return np.eye(n)
    Q, _ = np.linalg.qr(np.array([[float(x) for x in v] for v in dirs]).T)
    return np.eye(n) - Q @ Q.T


def _split(theta, teacher, m):
    d, q = teacher.input_dim, teacher.output_dim
    return theta[: m * d].reshape(m, d), theta[m * d:].reshape(m, q)


def _generic(theta, teacher, label, reading, separation=0.05):
    """Whether a sampled point is away from the intersections with other subspaces (the classifier's premise)."""
    m = len(label)
    W, A = _split(theta, teacher, m)
    entries = label.entries()
    signs = (1, -1) if reading.replica.signed else (1,)
    refs = [s * np.array([float(v) for v in w]) for w in teacher.incoming for s in signs]
    if any(role.pins_zero for role in reading.free_roles):
        refs.append(np.zeros(teacher.input_dim))
    free = [j for j, (code, _, marker) in enumerate(entries) if code <= 0 and marker is None]
    for j in free:
        if min(np.linalg.norm(W[j] - ref) for ref in refs) < separation:
            return False
    for a in free:
        for b in free:
            if a < b and (entries[a][0] == 0 or entries[a][0] != entries[b][0]):
                if min(np.linalg.norm(W[a] - s * W[b]) for s in signs) < separation:
                    return False
    for code, neurons in label.blocks().items():
        if code < 0 and max(np.linalg.norm(A[j]) for j in neurons) < separation:
            return False
    return True


def _classify(theta, cls, zero_type, teacher, m, tol=DEFAULT_TOL):
    W, A = _split(theta, teacher, m)
    if zero_type == "critical":
        return classify((W, A), activation=cls, critical_point=teacher, tol=tol)
    return classify((W, A), teacher, cls, zero_type, tol)


def closed_form_distance(theta, teacher, label, reading):
    r"""The distance to a label's subspace from the roles' closed forms (no linear algebra): the independent route.

    Replica block :math:`J` of teacher :math:`i` with weights :math:`c_j`:
    :math:`\sum_J\lVert w_j-s_jw^*_i\rVert^2+\lVert\sum c_ja_j-a^*_i\rVert^2/|J|`; critical with
    vector outputs: :math:`\sum\lVert a_j^\perp\rVert^2+\lVert a^*_i\rVert^2(\sum c_j\mu_j-1)^2/|J|`;
    zero-sum group: :math:`\sum\lVert s_jw_j-\bar u\rVert^2+\lVert\sum c_ja_j\rVert^2/|J|`;
    zero-type :math:`\lVert a_j\rVert^2`, dead :math:`\lVert w_j\rVert^2`, parked both.
    """
    m = len(label)
    W, A = _split(theta, teacher, m)
    entries = label.entries()
    odd = reading.replica.signed == "odd"
    total = 0.0
    for j, (code, _, marker) in enumerate(entries):
        if code == 0:
            if marker is None:
                total += float(A[j] @ A[j])
            else:
                total += float(W[j] @ W[j]) + (float(A[j] @ A[j]) if marker == "p" else 0.0)
    for code, neurons in label.blocks().items():
        s = np.array([entries[j][1] for j in neurons], dtype=float)
        c = s if odd else np.ones(len(neurons))
        if code > 0:
            w_star = np.array([float(v) for v in teacher.incoming[code - 1]])
            a_star = np.array([float(v) for v in teacher.outgoing_tuple(code)])
            total += sum(float(np.sum((W[j] - sj * w_star) ** 2)) for j, sj in zip(neurons, s, strict=True))
            if reading.is_critical and teacher.output_dim > 1:
                mu = np.array([A[j] @ a_star / (a_star @ a_star) for j in neurons])
                perp = sum(float(np.sum((A[j] - mu_j * a_star) ** 2)) for j, mu_j in zip(neurons, mu, strict=True))
                total += perp + float(a_star @ a_star) * (float(c @ mu) - 1.0) ** 2 / len(neurons)
            else:
                residual = sum(cj * A[j] for j, cj in zip(neurons, c, strict=True)) - a_star
                total += float(residual @ residual) / len(neurons)
        else:
            u = np.mean([sj * W[j] for j, sj in zip(neurons, s, strict=True)], axis=0)
            total += sum(float(np.sum((sj * W[j] - u) ** 2)) for j, sj in zip(neurons, s, strict=True))
            residual = sum(cj * A[j] for j, cj in zip(neurons, c, strict=True))
            total += float(residual @ residual) / len(neurons)
    return math.sqrt(total)


# ---------------------------------------------------------------------------
# the done-when properties: near points get their own label, points 1e-2 off get none


@pytest.mark.parametrize("zero_type", READINGS)
@pytest.mark.parametrize("cls", CLASSES)
@given(data=st.data())
def test_points_near_a_subspace_get_its_label_and_the_noise_as_distance(cls, zero_type, data):
    _, _, teacher, label, seed = data.draw(cases(classes=(cls,), readings=(zero_type,)))
    reading = get_reading(zero_type, cls)
    point = _point_of(teacher, zero_type)
    S = subspace_of(reading, point, label)
    rng = np.random.default_rng(seed)
    theta = _sample(S, rng)
    assume(_generic(theta, teacher, label, reading))
    noise = 1e-8 * rng.standard_normal(theta.size)
    result = _classify(theta + noise, cls, zero_type, teacher, len(label))
    assert result.label == label and result.kind == reading.family
    expected = float(np.linalg.norm(_normal_projector(S) @ noise))       # the exact subspace's route
    assert result.distance == pytest.approx(expected, rel=1e-6, abs=1e-15)
    assert result.distance <= 1e-8 * math.sqrt(theta.size) * 10
    assert result.distance == pytest.approx(closed_form_distance(theta + noise, teacher, label, reading),
                                            rel=1e-6, abs=1e-15)
    A, b = S.matrix()   # the projection satisfies the exact equations (in floats)
    A = np.array([[float(x) for x in row] for row in A]).reshape(-1, theta.size)
    assert np.allclose(A @ result.projection, [float(x) for x in b], atol=1e-12)
    assert 0 < result.margin <= DEFAULT_TOL


@pytest.mark.parametrize("zero_type", READINGS)
@given(data=st.data())
def test_points_off_the_manifold_are_near_no_subspace(zero_type, data):
    cls, _, teacher, label, seed = data.draw(cases(readings=(zero_type,)))
    reading = get_reading(zero_type, cls)
    S = subspace_of(reading, _point_of(teacher, zero_type), label)
    rng = np.random.default_rng(seed)
    theta = _sample(S, rng)
    assume(_generic(theta, teacher, label, reading, separation=0.1))
    normal = _normal_projector(S) @ rng.standard_normal(theta.size)
    assume(np.linalg.norm(normal) > 1e-6)
    off = theta + 1e-2 * normal / np.linalg.norm(normal)
    result = _classify(off, cls, zero_type, teacher, len(label))
    assert result.kind == "none" and result.label is None
    assert result.reason
    if result.distance is not None:     # a label was read off, but its subspace is too far
        assert result.distance > DEFAULT_TOL and result.candidate is not None


def test_the_distance_test_can_fail():
    """The checks above are not vacuous: a wrong label's subspace is far, and a wrong formula disagrees."""
    teacher = Teacher([[1], [3]], [1, 2])
    S = subspace_of("groups", teacher, (1, -1, -1, 2))
    theta = _sample(S, np.random.default_rng(1))
    _, right = project(_split(theta, teacher, 4), teacher, (1, -1, -1, 2), zero_type="groups")
    _, wrong = project(_split(theta, teacher, 4), teacher, (1, 0, 0, 2), zero_type="groups")
    assert right < 1e-12 < 1e-2 < wrong
    reading = get_reading("groups")
    assert closed_form_distance(theta, teacher, Label((1, 0, 0, 2)), reading) == pytest.approx(wrong)
    result = classify(_split(theta, teacher, 4), teacher, zero_type="groups")
    assert result.label == (1, -1, -1, 2) and result.label != (1, 0, 0, 2)


@given(data=st.data())
def test_projection_distance_equals_the_closed_forms_anywhere(data):
    """Far from the subspace too (random points), least squares on the equations = the per-role closed forms."""
    cls, zero_type, teacher, label, seed = data.draw(cases())
    reading = get_reading(zero_type, cls)
    rng = np.random.default_rng(seed)
    m = len(label)
    theta = rng.standard_normal(m * (teacher.input_dim + teacher.output_dim))
    projection, distance = project(_split(theta, teacher, m), _point_of(teacher, zero_type), label, cls,
                                   zero_type if zero_type != "critical" else "singletons",
                                   critical=zero_type == "critical")
    assert distance == pytest.approx(closed_form_distance(theta, teacher, label, reading), rel=1e-9, abs=1e-12)
    _, again = project(_split(projection, teacher, m), _point_of(teacher, zero_type), label, cls,
                       zero_type if zero_type != "critical" else "singletons", critical=zero_type == "critical")
    assert again < 1e-12   # idempotent


# ---------------------------------------------------------------------------
# the margin


@given(data=st.data(), factor=st.floats(-0.99, 0.99))
def test_the_answer_is_the_same_within_the_margin(data, factor):
    cls, zero_type, teacher, label, seed = data.draw(cases())
    reading = get_reading(zero_type, cls)
    S = subspace_of(reading, _point_of(teacher, zero_type), label)
    rng = np.random.default_rng(seed)
    theta = _sample(S, rng) + 10 ** rng.uniform(-9, -2) * rng.standard_normal(S.ambient_dimension)
    tol = 10 ** rng.uniform(-4, -2)
    try:
        first = _classify(theta, cls, zero_type, teacher, len(label), tol)
    except ArgumentValueError:  # tol beyond half the teacher's separation
        return
    moved = tol + factor * first.margin
    if moved <= 0:   # the margin may exceed tol (every deciding number far above it): only positive tolerances
        return
    second = _classify(theta, cls, zero_type, teacher, len(label), moved)
    assert (second.kind, second.label, second.candidate) == (first.kind, first.label, first.candidate)


def test_the_margin_is_tight_where_a_decision_flips():
    teacher = Teacher([[1], [3]], [1, 2])
    # neuron 3 is zero-type with w 2e-3 from w*_1: raising tol past 2e-3 pins it to teacher 1
    student = ([[1.0], [3.0], [1.002], [5.0]], [1.0, 2.0, 0.0, 0.0])
    result = classify(student, teacher, tol=1.5e-3)
    assert result.label == (1, 2, 0, 0)
    assert result.margin == pytest.approx(5e-4) and "neuron 3" in result.margin_reason
    assert classify(student, teacher, tol=1.5e-3 + 0.99 * result.margin).label == (1, 2, 0, 0)
    assert classify(student, teacher, tol=1.5e-3 + 1.01 * result.margin).label == (1, 2, 1, 0)
    # the distance decides: 5e-4 away, tol 1e-3: the margin is the gap
    near = ([[1.0], [3.0], [5.0]], [1.0, 2.0, 5e-4])
    result = classify(near, teacher, tol=1e-3)
    assert result.margin == pytest.approx(5e-4) and result.margin_reason == "distance to the subspace"
    assert classify(near, teacher, tol=1e-3 - 1.01 * result.margin).kind == "none"


# ---------------------------------------------------------------------------
# input forms and bad input


def test_input_forms_agree():
    teacher = Teacher([[1, 0], [0, 2]], [[1, -1], [2, 1]])
    W = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 0.0]])
    A = np.array([[0.5, -0.5], [2.0, 1.0], [0.5, -0.5]])
    forms = [
        (W, A),
        (W.tolist(), A.tolist()),
        {"incoming": W.tolist(), "outgoing": A.tolist()},
        {"fc1.weight": W, "fc1.bias": np.zeros(3), "fc2.weight": A.T, "fc2.bias": np.zeros(2)},
        np.concatenate([W.ravel(), A.ravel()]),
    ]
    labels = {classify(form, teacher).label for form in forms}
    assert labels == {(1, 2, 1)}

    class FakeTensor:   # what torch gives: .detach().cpu().numpy()
        def __init__(self, array):
            self.array = np.asarray(array)

        def detach(self):
            return self

        def cpu(self):
            return self

        def numpy(self):
            return self.array

    assert classify({"0.weight": FakeTensor(W), "2.weight": FakeTensor(A.T)}, teacher).label == (1, 2, 1)
    assert classify((W, A), ([[1.0, 0.0], [0.0, 2.0]], [[1.0, -1.0], [2.0, 1.0]])).label == (1, 2, 1)  # float teacher


@pytest.mark.parametrize("student, match", [
    (([[1.0], [2.0]], [1.0, 1.0, 1.0]), "2 incoming vectors but 3 outgoing"),
    (([[1.0, 2.0], [2.0, 1.0]], [1.0, 1.0]), "input dimension 2 but the teacher has d = 1"),
    (([[1.0], [2.0]], [[1.0, 2.0], [1.0, 2.0]]), "output dimension 2"),
    (([[1.0], [float("inf")]], [1.0, 2.0]), "must be finite"),
    (([[1.0], [2.0]], [float("nan"), 2.0]), "must be finite"),
    (([[1.0]], [1.0]), "narrower"),
    ({"w": [[1.0], [2.0]], "b": [[1.0, 2.0]], "c": [[1.0, 2.0]]}, "exactly two weight arrays"),
    ({"w": [[1.0], [2.0]], "bias": [0.5, 0.0], "v": [[1.0, 2.0]]}, "non-zero bias"),
    ([1.0, 2.0, 3.0], "not a positive multiple"),
])
def test_bad_students_are_refused(student, match):
    with pytest.raises(ArgumentValueError, match=match):
        classify(student, Teacher([[1], [2]], [1, 2]))


def test_bad_teachers_tolerances_and_text_are_refused():
    student = ([[1.0], [-1.0]], [1.0, 1.0])
    with pytest.raises(ArgumentValueError, match="pairwise distinct"):
        classify(student, ([[1.0], [1.0]], [1.0, 2.0]))                   # reducible
    with pytest.raises(ArgumentValueError, match="reducible for the activation class"):
        classify(student, Teacher([[1], [-1]], [1, 2]), activation="tanh")  # w_2 = -w_1 merge when odd
    assert classify(student, Teacher([[1], [-1]], [1, 1])).label == (1, 2)  # generic: fine
    with pytest.raises(ArgumentValueError, match="half the distance"):
        classify(student, Teacher([[1], [-1]], [1, 1]), tol=1.0)
    for tol in (0, -1, float("nan"), float("inf")):
        with pytest.raises(ArgumentValueError, match="tol"):
            classify(student, Teacher([[1], [-1]], [1, 1]), tol=tol)
    with pytest.raises(ArgumentTypeError):
        classify(student, Teacher([[1], [-1]], [1, 1]), tol="0.1")
    with pytest.raises(ArgumentTypeError, match="text"):
        classify(([["1"], ["2"]], [1.0, 1.0]), Teacher([[1], [-1]], [1, 1]))
    with pytest.raises(ArgumentValueError, match="refused"):
        classify(student, Teacher([[1], [-1]], [1, 1]), activation="softplus")
    with pytest.raises(ArgumentValueError, match="teacher"):
        classify(student)
    u = sympy.Symbol("u")
    with pytest.raises(ArgumentValueError, match="rational"):
        classify(student, Teacher([[u], [2]], [1, 1]))


def test_student_arrays_and_exact_point():
    W, A = student_arrays({"incoming": [1, 2], "outgoing": [3, 4]})
    assert W.shape == (2, 1) and A.ravel().tolist() == [3.0, 4.0]
    assert exact_point(([[0.1]], [1.0])).incoming[0][0] == sympy.Rational(Fraction(0.1))   # exact binary value
    cp = exact_point(Teacher([[1]], [2]), critical=True)
    assert isinstance(cp, CriticalPoint)


# ---------------------------------------------------------------------------
# kinds, readings, critical points


def test_none_is_an_answer_with_a_reason():
    teacher = Teacher([[1], [3]], [1, 2])
    result = classify(([[1.0], [3.0], [2.0]], [1.0, 2.0, 0.5]), teacher)   # a neuron with a = 0.5 at a free w
    assert result.kind == "none" and result.label is None and result.candidate == (1, 2, 0)
    assert result.distance == pytest.approx(0.5)
    assert result.to_json()["label"] is None and result.to_json()["candidate"] == [1, 2, 0]
    result = classify(([[1.2], [3.0]], [1.0, 2.0]), teacher)
    assert result.kind == "none" and result.distance is None and "teacher neuron 1" in result.reason
    # the same point in R2: two free neurons sharing w with opposite a form a zero-sum group
    group = ([[1.0], [3.0], [2.0], [2.0]], [1.0, 2.0, 0.5, -0.5])
    assert classify(group, teacher).kind == "none"
    assert classify(group, teacher, zero_type="groups").label == (1, 2, -1, -1)


def test_sign_classes_dead_and_parked():
    t = Teacher([[1]], [2])
    assert classify(([[-1.0], [0.0]], [-2.0, 5.0]), t, "tanh").label == ("-1", "d")
    assert classify(([[-1.0], [0.0]], [2.0, 5.0]), t, "gaussian").label is None        # even: w = 0 not dead
    assert classify(([[-1.0], [0.0]], [2.0, 0.0]), t, "gaussian").label == ("-1", "0")
    assert classify(([[-1.0], [0.0]], [2.0, 5.0]), t, "logcosh").label == ("-1", "d")
    assert classify(([[1.0], [0.0]], [2.0, 5.0]), t, "exp-minus-one").label == ("1", "d")
    assert classify(([[1.0], [0.0]], [2.0, 5.0]), t).label is None                     # generic: sigma(0) != 0
    cp = CriticalPoint([[1]], [2])
    assert classify(([[1.0], [0.0]], [2.0, 0.0]), activation="odd", critical_point=cp).label == ("+1", "p")
    assert classify(([[1.0], [0.0]], [2.0, 0.5]), activation="odd", critical_point=cp).kind == "none"  # not parked
    assert classify(([[1.0], [0.0]], [2.0, 0.5]), activation="logcosh", critical_point=cp).label == ("+1", "d")
    assert classify(([[1.0], [0.0]], [2.0, 0.0]), critical_point=cp).kind == "none"       # generic: not critical


def test_odd_groups_carry_relative_signs():
    t = Teacher([[1]], [1])
    student = ([[1.0], [2.0], [-2.0], [2.0]], [1.0, 0.3, 0.5, 0.2])   # 0.3 - 0.5 + 0.2 = 0 (odd sums)
    result = classify(student, t, "tanh", "groups")
    assert result.label == ("+1", "g1+", "g1-", "g1+") and result.distance < 1e-12
    assert classify(student, t, "gaussian", "groups").kind == "none"  # plain sums: 0.3 + 0.5 + 0.2 != 0


def test_critical_vector_outputs_and_kernel_dimensions():
    from symbolic_minima.numerics import find_critical_point

    cp, X, Y, info = find_critical_point(1, d=1, d_out=2, seed=0)
    w, a = float(cp.incoming[0][0]), np.array([float(v) for v in cp.outgoing_tuple(1)])
    student = ([[w], [w], [w]], [0.2 * a, 0.5 * a, 0.3 * a])
    result = classify(student, critical_point=cp, data=(X, Y), activation="sigmoid4+softplus")
    assert result.label == (1, 1, 1) and result.kind == "critical"
    assert result.kernel["neurons"][0]["dim_ker"] == 1           # d_out = 2 <= d + 1: only the parallel copies
    assert result.kernel["neurons"][0]["a_in_kernel"] < 1e-6 and result.kernel["whole_critical_set"]
    off = ([[w], [w], [w]], [0.2 * a + [0.01, -0.02], 0.5 * a, 0.3 * a - [0.01, -0.02]])   # not parallel
    assert classify(off, critical_point=cp).kind == "none"
    cp3, X3, Y3, _ = find_critical_point(1, d=1, d_out=3, seed=0)
    from symbolic_minima.training import kernel_dimensions

    report = kernel_dimensions(cp3, X3, Y3, "sigmoid4+softplus")
    assert report["neurons"][0]["dim_ker"] >= 2 and not report["whole_critical_set"]  # d_out >= d + 2


# ---------------------------------------------------------------------------
# snap and certificates


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("zero_type", ("singletons", "groups"))
def test_snapped_global_minima_are_certified(cls, zero_type):
    reading = get_reading(zero_type, cls)
    teacher = Teacher([[1, 2], [3, -1]], [1, "-3/2"])
    rng = np.random.default_rng(7)
    labels = [label for label in reading.labellings(2, 4) if _all_roles(label)] or list(reading.labellings(2, 4))
    for label in labels[:: max(1, len(labels) // 6)][:6]:
        label = Label(label)
        S = subspace_of(reading, teacher, label)
        theta = _sample(S, rng)
        if not _generic(theta, teacher, label, reading):
            continue
        result = _classify(theta + 1e-9 * rng.standard_normal(theta.size), cls, zero_type, teacher, 4)
        s = result.snap()
        assert s.certified and s.in_subspace and result.certified
        assert S.contains(s.point)
        exact = sum((Fraction(float(t)) - v) ** 2 for t, v in zip(result.params, s.point, strict=True))
        assert s.distance_squared == exact and s.distance < 1e-7
        assert result.to_json()["certified"] is True


def _all_roles(label):
    return len({marker for _, _, marker in Label(label).entries()}) > 1 or any(
        code < 0 for code, _, _ in Label(label).entries())


def test_snap_grows_the_denominators_until_the_point_is_close():
    teacher = Teacher([[1]], [2])
    student = ([[1.0], [math.pi]], [2.0, 1e-12])
    result = classify(student, teacher)
    s = result.snap()
    assert s.certified and s.denominator > 10**5
    assert abs(float(s.point[1]) - math.pi) < 1e-11
    coarse = result.snap(max_denominator=7)
    assert coarse.certified and coarse.point[1] == Fraction(22, 7)        # the bound caps the search
    assert snap(classify(([[1.0], [0.3]], [2.0, 0.0]), teacher)).point[1] == Fraction(3, 10)
    with pytest.raises(ArgumentValueError, match="nothing to snap"):
        classify(([[1.0], [0.3]], [2.0, 1.0]), teacher).snap()
    with pytest.raises(ArgumentValueError):
        result.snap(max_denominator=0)


def test_snapped_critical_points_are_certified():
    cp = CriticalPoint([[1], [-2]], [3, "1/2"])
    result = classify(([[1.0], [-2.0], [1.0]], [1.0, 0.5, 2.0]), critical_point=cp)
    assert result.kind == "critical" and result.snap().certified
    assert result.snapped.certificate.name == "criticality"


def test_snapped_signed_critical_points():
    cp = CriticalPoint([[1]], [3])
    result = classify(([[1.0], [-1.0], [0.0]], [2.0, -1.0, 0.0]), activation="odd", critical_point=cp)
    assert result.label == ("+1", "-1", "p")
    s = result.snap()
    assert s.in_subspace and s.certified and s.certificate.name == "criticality"
    # more classes and roles, and the independent routes: tests/test_classify_snap_classes.py


def test_snap_certifies_with_the_class_sigma():
    # the certificate needs the class's symmetry: a signed replica is a global minimum for odd sigma only
    t = Teacher([[1]], [2])
    result = classify(([[-1.0]], [-2.0]), t, "tanh")
    assert result.label == ("-1",) and result.snap().certified
    assert result.snapped.certificate.details["activation_class"] == "odd"
    S = result.subspace()
    assert certify_function_identity(S, t, activation=class_sigma("odd")).holds
    assert not certify_function_identity(S, t, activation="generic").holds
    assert not certify_function_identity(S, t, activation=class_sigma("even")).holds
    assert not certify_function_identity(S, t, activation="even").holds


def test_classification_prints_and_serialises():
    teacher = Teacher([[1]], [2])
    result = classify(([[1.0], [1.0]], [0.5, 1.5]), teacher)
    assert isinstance(result, Classification) and result.width == 2
    assert set(result.to_json()) >= {"kind", "label", "distance", "margin", "certified"}
    assert result.to_json()["certified"] is None
    text = str(result)
    assert "kind: global_minimum" in text and "label: 1,1" in text
    assert r"\Gamma_{(1, 1)}" in result._repr_latex_()
    result.snap()
    assert "snap:" in str(result) and r"\theta_{\mathbb Q}" in result.snapped._repr_latex_()
    assert "near no subspace" in classify(([[3.0], [1.0]], [1.0, 2.0]), teacher)._latex()
