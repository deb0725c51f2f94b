"""snap certifies critical points and global minima of every activation class and every role (issue 10).

Signed replicas, dead and parked neurons are certified with the class-aware
:func:`~symbolic_minima.verify.certify_criticality` (the undefined sigma of
the class).  Independent routes: the snapped point lies in the subspace built
by :func:`subspace_of` from the label the point was sampled from; with a
concrete activation of the class and data at which the width-r point is
(numerically) critical, the width-m gradient at the snapped point is as small
as the width-r one, while a point moved off the subspace (a dead neuron that
keeps an outgoing weight, a signed sum that misses the target) has a large
gradient and its certificate fails.
"""

from fractions import Fraction

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("scipy")

from symbolic_minima.classify import classify, snap  # noqa: E402
from symbolic_minima.errors import ArgumentValueError  # noqa: E402
from symbolic_minima.labels import Label  # noqa: E402
from symbolic_minima.network import CriticalPoint, Teacher  # noqa: E402
from symbolic_minima.readings import CRITICAL_READING, GROUPS, SINGLETONS, get_reading  # noqa: E402
from symbolic_minima.subspaces import AffineSubspace, subspace_of  # noqa: E402
from symbolic_minima.verify import certify_criticality, certify_function_identity  # noqa: E402

#: A critical label of width 6 over a width-2 point, per class: signed replicas (both signs, blocks of
#: several neurons) and the class's free critical role (parked (0, 0) where sigma(0) = 0, dead w = 0 where
#: also sigma'(0) = 0; none in the even class, where w = 0 is never critical).
CRITICAL_LABELS = {
    "odd": ("+1", "-1", "-2", "+1", "p", "p"),
    "zero-at-origin": ("1", "2", "1", "2", "p", "p"),
    "even": ("+1", "-1", "-2", "+2", "-1", "+2"),
    "even-zero-at-origin": ("+1", "-1", "-2", "+1", "d", "d"),
}
#: The same roles over a width-1 point (the numeric route: critical points of width 1 are well conditioned).
CRITICAL_LABELS_1 = {
    "odd": ("+1", "p", "-1", "+1", "p"),
    "zero-at-origin": ("1", "p", "1", "p"),
    "even": ("+1", "-1", "-1", "+1"),
    "even-zero-at-origin": ("+1", "d", "-1", "d"),
}
#: A concrete activation of each class (numpy implementations in :mod:`symbolic_minima.training`).
CONCRETE = {"odd": "tanh", "zero-at-origin": "exp-minus-one", "even": "gaussian", "even-zero-at-origin": "logcosh"}


def _exact_point_of(subspace, rng, denominator=8):
    """A rational point of ``subspace``: its free parameters drawn as small fractions (the others follow)."""
    free = subspace.ambient_dimension - len(subspace.pivots)
    return tuple(subspace.point([Fraction(int(k), denominator) for k in rng.integers(-12, 13, size=free)]))


def _noisy(point, rng, scale=1e-9):
    return np.array([float(v) for v in point]) + scale * rng.standard_normal(len(point))


def _split(theta, point, m):
    d, q = point.input_dim, point.output_dim
    return theta[: m * d].reshape(m, d), theta[m * d:].reshape(m, q)


def _snapped(cls, cp, label, rng):
    S = subspace_of(get_reading(CRITICAL_READING.name, cls), cp, label)
    exact = _exact_point_of(S, rng)
    theta = _noisy(exact, rng)
    result = classify(_split(theta, cp, len(label)), activation=cls, critical_point=cp)
    return S, exact, result


def _point_subspace(subspace, point):
    """The 0-dimensional affine subspace ``{point}`` of the same parameters, label and class."""
    n = subspace.ambient_dimension
    rows = [[int(i == k) for k in range(n)] for i in range(n)]
    return AffineSubspace(subspace.parameters, rows, list(point), label=subspace.label,
                          activation_class=subspace.activation_class)


# ---------------------------------------------------------------------------
# every class, every role: the snapped point is certified critical


@pytest.mark.parametrize("d, q", [(1, 1), (2, 2)])
@pytest.mark.parametrize("cls", sorted(CRITICAL_LABELS))
def test_snapped_critical_points_of_every_class_and_role_are_certified(cls, d, q):
    # an exact critical point of width r = 2 in the class: a teacher is a zero-loss critical point of its data
    incoming = [[1, 2], [3, -1]] if d == 2 else [[1], [3]]
    outgoing = [[1, "1/2"], ["-3/2", 2]] if q == 2 else [1, "-3/2"]
    cp = CriticalPoint(incoming, outgoing)
    label = CRITICAL_LABELS[cls]
    rng = np.random.default_rng(sum(map(ord, cls)) + 10 * d + q)
    S, exact, result = _snapped(cls, cp, label, rng)
    assert result.kind == "critical" and result.label == label and result.distance < 1e-7
    s = result.snap()
    assert s.in_subspace and S.contains(s.point) and s.distance < 1e-7
    assert s.certificate.name == "criticality" and s.certificate.holds and s.certified is True
    assert result.to_json()["certified"] is True and result.to_json()["snap"]["certificate"]["holds"] is True
    assert "criticality" in s.statement and "not certified" not in s.statement
    # the certificate is that of the class: the sigma of another class does not carry these signs and roles
    other = {"odd": "even", "even": "odd", "zero-at-origin": "generic", "even-zero-at-origin": "odd"}[cls]
    assert not certify_criticality(S, cp, activation=other).holds


def test_snap_certifies_a_signed_critical_point_with_a_parked_neuron():
    cp = CriticalPoint([[1]], [3])
    result = classify(([[1.0], [-1.0], [0.0]], [2.0, -1.0, 0.0]), activation="odd", critical_point=cp)
    assert result.label == ("+1", "-1", "p")
    s = result.snap()
    assert s.in_subspace and s.certified and s.certificate.holds
    assert [str(v) for v in s.point] == ["1", "-1", "0", "2", "-1", "0"]


# ---------------------------------------------------------------------------
# the independent route: a critical point of non-zero loss, the numeric gradient, and points off the subspace


@pytest.mark.parametrize("cls", sorted(CRITICAL_LABELS))
def test_snapped_points_are_numerically_critical_and_points_off_the_subspace_are_not(cls):
    from symbolic_minima.numerics import find_critical_point
    from symbolic_minima.training import loss_gradient_hessian

    activation = CONCRETE[cls]
    cp, X, Y, info = find_critical_point(1, d=1, d_out=1, activation=activation, activation_class=cls, seed=1)
    assert info["loss"] > 1e-3                                      # a saddle of non-zero loss, not a fit
    label = CRITICAL_LABELS_1[cls]
    m = len(label)
    rng = np.random.default_rng(3)
    S, exact, result = _snapped(cls, cp, label, rng)
    assert result.label == label
    s = result.snap()
    assert s.certified

    def grad_norm(point):
        theta = np.array([float(v) for v in point])
        return float(np.linalg.norm(loss_gradient_hessian(theta, X, Y, m, 1, 1, activation, hessian=False)[1]))

    scale = 1 + max(abs(float(v)) for v in s.point)
    assert grad_norm(s.point) < 1e3 * scale * (info["grad_norm"] + 1e-12)   # as critical as the width-r point

    # off the subspace: move one outgoing weight (a parked or dead neuron's where the class has one, else a
    # replica's: the signed sum then misses a*_i); w = 0 stays, so only the criticality of a_j is at stake
    j = next((k for k, t in enumerate(label) if t in ("p", "d")), 0)
    off = list(s.point)
    off[m + j] += Fraction(1, 10)
    if label[j] == "d":   # dead critical (sigma(0) = sigma'(0) = 0): a_j is free, the point stays in the subspace
        assert S.contains(off) and certify_criticality(_point_subspace(S, off), cp, activation=cls).holds
        assert grad_norm(off) < 1e3 * scale * (info["grad_norm"] + 1e-12)
        off[j] += Fraction(1, 10)                                 # w_j != 0: no longer dead
    assert not S.contains(off)
    assert grad_norm(off) > 1e-4
    assert not certify_criticality(_point_subspace(S, off), cp, activation=cls).holds
    # the same point, a float student: near no critical subspace at the default tolerance, so snap refuses
    far = classify(_split(np.array([float(v) for v in off]), cp, m), activation=cls, critical_point=cp)
    assert far.kind == "none"
    with pytest.raises(ArgumentValueError, match="nothing to snap"):
        snap(far)
    # and the certificate of the point itself (a 0-dimensional subspace) holds where the snap does
    assert certify_criticality(_point_subspace(S, s.point), cp, activation=cls).holds


# ---------------------------------------------------------------------------
# global minima (zero loss) of the sign classes: signed replicas, dead and zero-type neurons, signed groups


GLOBAL_LABELS = [
    ("odd", SINGLETONS.name, ("+1", "-1", "-2", "d", "0", "d")),
    ("odd", GROUPS.name, ("-1", "+2", "g1+", "g1-", "g1+", "d")),
    ("even", SINGLETONS.name, ("+1", "-1", "-2", "+2", "0", "0")),
    ("even", GROUPS.name, ("-1", "+2", "g1+", "g1-", "g1-", "+2")),
    ("even-zero-at-origin", SINGLETONS.name, ("+1", "-1", "-2", "d", "0", "d")),
    ("zero-at-origin", GROUPS.name, ("1", "2", "g1+", "g1+", "d", "1")),
]


@pytest.mark.parametrize("cls, zero_type, label", GLOBAL_LABELS)
def test_snapped_zero_loss_points_of_the_sign_classes_are_certified(cls, zero_type, label):
    teacher = Teacher([[1, 2], [3, -1]], [1, "-3/2"])
    reading = get_reading(zero_type, cls)
    assert Label(label) in {Label(g) for g in reading.labellings(2, len(label))}
    S = subspace_of(reading, teacher, label)
    rng = np.random.default_rng(11)
    exact = _exact_point_of(S, rng)
    theta = _noisy(exact, rng)
    result = classify(_split(theta, teacher, len(label)), teacher, cls, zero_type)
    assert result.kind == "global_minimum" and result.label == label
    s = result.snap()
    assert s.in_subspace and S.contains(s.point) and s.certified
    assert s.certificate.name == "function_identity"
    # independent: the loss of a concrete activation of the class vanishes at the snapped point
    from symbolic_minima.training import loss_gradient_hessian, network_outputs

    activation = CONCRETE[cls]
    X = np.random.default_rng(0).standard_normal((30, 2))
    Y = network_outputs(np.array([float(v) for v in teacher.flat()]), X, 2, 2, 1, activation)
    theta_q = np.array([float(v) for v in s.point])
    loss, _, _ = loss_gradient_hessian(theta_q, X, Y, len(label), 2, 1, activation, hessian=False)
    assert loss < 1e-20
    # off the subspace (a dead neuron keeps w != 0, or a zero-type neuron an outgoing weight): no identity
    off = list(s.point)
    m = len(label)
    if "d" in label:                      # a dead neuron moved off w = 0, with an outgoing weight
        k = label.index("d")
        off[2 * k] += Fraction(1, 10)
        off[2 * m + k] = Fraction(1)
    else:                                 # a zero-type neuron (else a replica) given an outgoing weight
        k = label.index("0") if "0" in label else 0
        off[2 * m + k] += Fraction(1, 10)
    assert not S.contains(off) and not certify_function_identity(_point_subspace(S, off), teacher).holds
    assert loss_gradient_hessian(np.array([float(v) for v in off]), X, Y, m, 2, 1, activation, hessian=False)[0] > 1e-8


# ---------------------------------------------------------------------------
# the command line snaps and certifies the same way


def test_cli_classify_certifies_signed_dead_and_parked_critical_points(tmp_path):
    import io
    import json
    from contextlib import redirect_stderr, redirect_stdout

    from symbolic_minima.cli import main

    def run(argv):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = main(argv)
        return status, out.getvalue()

    point = tmp_path / "c.json"
    point.write_text(json.dumps({"incoming": [["1"], ["-2"]], "outgoing": ["3", "1/2"]}))
    cases = [("tanh", [[1.0], [-1.0], [-2.0], [0.0]], [2.0, -1.0, 0.5, 0.0], ["+1", "-1", "+2", "p"]),
             ("logcosh", [[1.0], [-1.0], [-2.0], [0.0]], [2.0, 1.0, 0.5, 0.7], ["+1", "-1", "+2", "d"]),
             ("exp-minus-one", [[1.0], [1.0], [-2.0], [0.0]], [2.0, 1.0, 0.5, 0.0], ["1", "1", "2", "p"]),
             ("gaussian", [[1.0], [-1.0], [2.0], [-2.0]], [2.0, 1.0, 0.25, 0.25], ["+1", "-1", "-2", "+2"])]
    for activation, incoming, outgoing, label in cases:
        student = tmp_path / "s.json"
        student.write_text(json.dumps({"incoming": incoming, "outgoing": outgoing}))
        status, out = run(["classify", "--critical-point", str(point), "--student", str(student),
                           "--activation", activation, "--json"])
        data = json.loads(out)
        assert status == 0 and data["kind"] == "critical" and data["label"] == label
        assert data["certified"] is True and data["snap"]["certificate"]["certificate"] == "criticality"
        status, out = run(["classify", "--critical-point", str(point), "--student", str(student),
                           "--activation", activation])
        assert status == 0 and "criticality holds" in out
    # a dead neuron that keeps an outgoing weight is not parked: near no critical subspace of the odd class
    student.write_text(json.dumps({"incoming": [[1.0], [-1.0], [-2.0], [0.0]], "outgoing": [2.0, -1.0, 0.5, 0.7]}))
    status, out = run(["classify", "--critical-point", str(point), "--student", str(student),
                       "--activation", "tanh", "--json"])
    assert status == 0 and json.loads(out)["kind"] == "none" and json.loads(out)["certified"] is None
