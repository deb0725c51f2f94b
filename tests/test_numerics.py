"""Numerical cross-checks (floats, independent of the symbolic certificates)."""

from fractions import Fraction

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("scipy")

import sympy  # noqa: E402

from symbolic_minima.network import Teacher, TwoLayerNetwork  # noqa: E402
from symbolic_minima.numerics import (  # noqa: E402
    critical_embedding_check,
    find_critical_point,
    forward,
    global_minimum_loss_check,
    loss_and_gradient,
    subspace_sample,
)
from symbolic_minima.subspaces import global_minimum_subspace  # noqa: E402

TEACHER_D2 = Teacher([[1, "1/2"], [-1, 2]], [1, "-3/2"])


@pytest.mark.parametrize("activation", ["tanh", "softplus", "sigmoid4+softplus", "sigmoid"])
@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
def test_global_minimum_subspaces_have_zero_loss(activation, zero_type):
    for teacher, m in [(TEACHER_D2, 4), (Teacher([1, -2, "1/3"], [2, 1, -1]), 5)]:
        rep = global_minimum_loss_check(teacher, m, zero_type, activation, points=2, seed=3)
        assert rep["max_loss"] < 1e-12, rep


def test_a_wrong_subspace_has_positive_loss():
    """Control: the check can fail. Shift the outgoing sum of a replica group."""
    t = Teacher([1, 2], [1, 1])
    s = global_minimum_subspace(t, (1, 1, 2))
    rng = np.random.default_rng(0)
    X = rng.standard_normal((30, 1))
    Y = forward([float(v) for v in t.flat()], X, 2, 1, 1, "tanh")
    theta = subspace_sample(s, rng)
    theta[3] += 0.1  # a_1 off the subspace
    loss, _ = loss_and_gradient(theta, X, Y, 3, 1, 1, "tanh")
    assert loss > 1e-6


@pytest.mark.parametrize("activation", ["tanh", "sigmoid4+softplus", "erf"])
def test_gradient_matches_finite_differences_and_sympy_forward(activation):
    rng = np.random.default_rng(1)
    m, d, q = 3, 2, 2
    X = rng.standard_normal((7, d))
    Y = rng.standard_normal((7, q))
    theta = rng.standard_normal(m * (d + q))
    loss, grad = loss_and_gradient(theta, X, Y, m, d, q, activation)
    eps = 1e-6
    for k in range(len(theta)):
        e = np.zeros_like(theta)
        e[k] = eps
        fd = (loss_and_gradient(theta + e, X, Y, m, d, q, activation)[0]
              - loss_and_gradient(theta - e, X, Y, m, d, q, activation)[0]) / (2 * eps)
        assert abs(fd - grad[k]) < 1e-6
    net = TwoLayerNetwork(m, d, q, activation)
    f = sympy.lambdify(net.parameters + net.inputs, list(net.function()), modules=["mpmath"])
    out = forward(theta, X, m, d, q, activation)
    for n in range(3):
        vals = f(*theta, *X[n])
        assert np.allclose([float(v) for v in vals], out[n], atol=1e-12)


@pytest.mark.parametrize("r, d, q", [(1, 1, 1), (2, 1, 1), (2, 2, 2)])
def test_embedded_critical_points_stay_critical(r, d, q):
    cp, X, Y, info = find_critical_point(r, d, q, seed=0)
    assert info["loss"] > 1e-7 and info["grad_norm"] < 1e-7
    rep = critical_embedding_check(cp, r + 2, X, Y, points=2)
    assert rep["max_grad_norm"] < 1e-7
    assert rep["loss_spread"] < 1e-12  # same loss value on every critical subspace
    assert rep["median_zero_type_grad_norm"] > 100 * max(rep["max_grad_norm"], 1e-12)


def test_nonparallel_split_is_not_critical_numerically():
    cp, X, Y, info = find_critical_point(1, 1, 2, seed=0)
    a = [float(v) for v in cp.outgoing[0]]
    w = float(cp.incoming[0][0])
    good = np.array([w, w, 0.3 * a[0], 0.3 * a[1], 0.7 * a[0], 0.7 * a[1]])
    bad = np.array([w, w, a[0], 0.0, 0.0, a[1]])  # sums to a*, halves not parallel
    g_good = np.linalg.norm(loss_and_gradient(good, X, Y, 2, 1, 2, "sigmoid4+softplus")[1])
    g_bad = np.linalg.norm(loss_and_gradient(bad, X, Y, 2, 1, 2, "sigmoid4+softplus")[1])
    assert g_good < 1e-7 < g_bad
    w_exact = cp.incoming[0][0]
    assert isinstance(w_exact, sympy.Rational) and Fraction(w) == Fraction(int(w_exact.p), int(w_exact.q))


def test_odd_activation_adds_zero_loss_points_outside_the_enumeration():
    """SPEC §6: for odd sigma (tanh) the sign flip (w, a) -> (-w, -a) keeps zero loss, but the flipped
    point lies in no enumerated subspace: completeness is a statement about generic activations."""
    from symbolic_minima.verify import which_subspaces

    t = Teacher([1, 2], [1, -1])
    flipped = [-1, 2, -1, -1]  # neuron 1 flipped: w_1 = -1, a_1 = -1
    rng = np.random.default_rng(0)
    X = rng.standard_normal((50, 1))
    Y = forward([float(v) for v in t.flat()], X, 2, 1, 1, "tanh")
    assert loss_and_gradient(np.array(flipped, float), X, Y, 2, 1, 1, "tanh")[0] < 1e-30
    Y_soft = forward([float(v) for v in t.flat()], X, 2, 1, 1, "softplus")  # softplus is not odd
    assert loss_and_gradient(np.array(flipped, float), X, Y_soft, 2, 1, 1, "softplus")[0] > 1e-3
    assert which_subspaces(flipped, t, 2, "groups") == []


def test_registered_reading_has_zero_loss_numerically():
    """A reading registered from outside: every one of its subspaces has zero loss for tanh (floats)."""
    from symbolic_minima.readings import GLOBAL_MINIMUM, Reading, register_reading, unregister_reading
    from symbolic_minima.roles import REPLICA, ZERO_TYPE, ZeroSumGroup

    reading = register_reading(Reading("pairs", "Rp", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2))))
    try:
        rep = global_minimum_loss_check(TEACHER_D2, 5, "pairs", "tanh", points=2, seed=1)
        assert rep["zero_type"] == "pairs" and rep["subspaces"] == sum(1 for _ in reading.labellings(2, 5))
        assert rep["max_loss"] < 1e-12
        # the check can fail: a wrong teacher (one outgoing weight flipped) gives a large loss
        wrong = Teacher(TEACHER_D2.incoming, [1, "3/2"])
        from symbolic_minima.subspaces import global_minimum_subspaces

        X = np.random.default_rng(0).standard_normal((32, 2))
        Y = forward(np.array([float(v) for v in TEACHER_D2.flat()]), X, 2, 2, 1, "tanh")
        s = next(global_minimum_subspaces(wrong, 5, "pairs"))
        loss, _ = loss_and_gradient(subspace_sample(s, np.random.default_rng(1)), X, Y, 5, 2, 1, "tanh")
        assert loss > 1e-3
    finally:
        unregister_reading("pairs")
