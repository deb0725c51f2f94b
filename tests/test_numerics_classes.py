"""Float cross-checks of the activation classes with a real activation of each (issue 9): tanh, e^z - 1,
Gaussian, log cosh (and the other named activations)."""

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("scipy")

import sympy  # noqa: E402

from symbolic_minima.activation_classes import ACTIVATION_NAMES, activation_class  # noqa: E402
from symbolic_minima.network import Teacher, TwoLayerNetwork  # noqa: E402
from symbolic_minima.numerics import (  # noqa: E402
    CLASS_ACTIVATIONS,
    NUMERIC_ACTIVATIONS,
    activation_and_derivative,
    critical_embedding_check,
    find_critical_point,
    forward,
    global_minimum_loss_check,
    kernel_dimensions,
    loss_and_gradient,
    numeric_criticality_certificate,
    numeric_zero_loss_certificate,
    real_activation,
    subspace_sample,
)
from symbolic_minima.subspaces import global_minimum_subspace  # noqa: E402

REAL = ["exp-minus-one", "tanh", "gaussian", "logcosh"]  # one real activation of each non-generic class
TEACHER = Teacher([[1, "1/2"], [-1, 2]], [1, "-3/2"])


def test_every_class_activation_has_a_numpy_version():
    assert set(ACTIVATION_NAMES) <= set(NUMERIC_ACTIVATIONS)
    assert {activation_class(name).name for name in CLASS_ACTIVATIONS.values()} == set(CLASS_ACTIVATIONS)
    assert real_activation("odd") == "tanh" and real_activation("sinh") == "sinh"
    assert real_activation("exp-minus-one") == "exp-minus-one" and real_activation("generic") == "sigmoid4+softplus"


@pytest.mark.parametrize("name", ["exp", "exp-minus-one", "sinh", "gaussian", "cosh", "logcosh"])
def test_new_activations_match_sympy_and_finite_differences(name):
    sig, dsig = activation_and_derivative(name)
    from symbolic_minima.network import ACTIVATIONS

    z = sympy.Symbol("z")
    f = sympy.lambdify(z, ACTIVATIONS[name](z), "mpmath")
    fp = sympy.lambdify(z, sympy.diff(ACTIVATIONS[name](z), z), "mpmath")
    for value in np.linspace(-3, 3, 13):
        assert abs(sig(np.array(value)) - float(f(value))) < 1e-12 * max(1.0, abs(float(f(value))))
        assert abs(dsig(np.array(value)) - float(fp(value))) < 1e-12 * max(1.0, abs(float(fp(value))))
    # far out, log cosh does not overflow
    if name == "logcosh":
        assert np.isclose(sig(np.array(800.0)), 800.0 - np.log(2.0))


@pytest.mark.parametrize("activation", REAL)
@pytest.mark.parametrize("zero_type", ["R1", "R2"])
def test_zero_loss_on_every_subspace_of_the_class(activation, zero_type):
    cls = activation_class(activation).name
    for teacher, m in [(TEACHER, 4), (Teacher([1, -2, "1/3"], [2, 1, -1]), 4)]:
        rep = global_minimum_loss_check(teacher, m, zero_type, activation, points=2, seed=3, activation_class=cls)
        assert rep["max_loss"] < 1e-12, rep
        assert rep["activation_class"] == cls


@pytest.mark.parametrize("subspace_class, activation", [("odd", "gaussian"), ("even", "tanh"),
                                                        ("zero-at-origin", "gaussian"), ("odd", "exp-minus-one")])
def test_zero_loss_check_fails_with_an_activation_of_another_class(subspace_class, activation):
    """Control: the check can fail: the odd class's sign-flipped replicas are not zero-loss for a Gaussian."""
    rep = global_minimum_loss_check(TEACHER, 3, "R1", activation, points=2, seed=1, activation_class=subspace_class)
    assert rep["max_loss"] > 1e-6
    cert = numeric_zero_loss_certificate(TEACHER, 3, "R1", activation, seed=1, activation_class=subspace_class)
    assert not cert.holds and f"of the {subspace_class} class" in cert.statement


def test_a_wrong_sign_in_a_sum_has_positive_loss():
    t = Teacher([1], [2])
    s = global_minimum_subspace(t, ("+1", "-1"), activation="odd")  # a_1 - a_2 = 2
    rng = np.random.default_rng(0)
    X = rng.standard_normal((30, 1))
    Y = forward([1.0, 2.0], X, 1, 1, 1, "tanh")
    theta = subspace_sample(s, rng)
    assert loss_and_gradient(theta, X, Y, 2, 1, 1, "tanh")[0] < 1e-28
    theta[3] = 2.0 - theta[2]  # a_1 + a_2 = 2: the even class's plain sum, a wrong sign for tanh
    assert loss_and_gradient(theta, X, Y, 2, 1, 1, "tanh")[0] > 1e-3


@pytest.mark.parametrize("activation, r, d, q, seed", [
    ("exp-minus-one", 1, 1, 1, 0), ("exp-minus-one", 2, 1, 1, 0),
    ("tanh", 1, 1, 1, 0), ("tanh", 2, 2, 2, 0),
    ("gaussian", 2, 1, 1, 0), ("gaussian", 1, 1, 3, 0),
    ("logcosh", 1, 1, 1, 0), ("logcosh", 2, 2, 2, 0),
])
def test_trained_critical_points_embed_critically(activation, r, d, q, seed):
    """A width-r critical point of non-zero loss (scipy), embedded exactly in every critical subspace of its class
    at width r + 2: gradient ~ 0; the negative cases (zero-type, dead with a != 0, neuron at the origin) are
    clearly not critical."""
    cls = activation_class(activation).name
    cp, X, Y, info = find_critical_point(r, d, q, activation, seed=seed, activation_class=cls)
    assert info["loss"] > 1e-3 and info["grad_norm"] < 1e-9
    rep = critical_embedding_check(cp, r + 2, X, Y, activation, points=2, seed=seed, activation_class=cls)
    assert rep["max_grad_norm"] < 1e-8 * max(1.0, info["loss"])
    assert rep["loss_spread"] < 1e-9 * max(1.0, info["loss"])
    floor = 1e4 * max(rep["max_grad_norm"], 1e-15)
    assert rep["median_zero_type_grad_norm"] > floor
    has_dead = cls in ("zero-at-origin", "odd")
    has_origin = cls == "even"
    assert ("median_dead_grad_norm" in rep) == has_dead and ("median_origin_grad_norm" in rep) == has_origin
    if has_dead:
        assert rep["median_dead_grad_norm"] > floor
    if has_origin:
        assert rep["median_origin_grad_norm"] > floor


def test_dead_neurons_are_critical_for_logcosh_but_not_for_tanh():
    """sigma(0) = sigma'(0) = 0 (log cosh): a dead neuron with a != 0 is critical; tanh (sigma'(0) = 1): not."""
    from symbolic_minima.subspaces import subspaces_of
    from symbolic_minima.verify import noncritical_reading

    for activation, critical in [("logcosh", True), ("tanh", False), ("exp-minus-one", False)]:
        cls = activation_class(activation).name
        cp, X, Y, _ = find_critical_point(1, 1, 1, activation, seed=0, activation_class=cls)
        rng = np.random.default_rng(0)
        norms = []
        for s in subspaces_of(noncritical_reading(cls, "dead"), cp, 2):
            if "d" in s.label:
                theta = subspace_sample(s, rng)
                assert abs(theta[2 + s.label.index("d")]) > 1e-3  # a != 0 at the dead neuron
                norms.append(np.linalg.norm(loss_and_gradient(theta, X, Y, 2, 1, 1, activation)[1]))
        assert norms and (max(norms) < 1e-9) == critical and (min(norms) > 1e-6) == (not critical)


def test_origin_neuron_is_not_critical_for_the_gaussian_but_parked_for_tanh():
    from symbolic_minima.subspaces import subspaces_of
    from symbolic_minima.verify import noncritical_reading

    for activation, critical in [("gaussian", False), ("tanh", True)]:
        cls = activation_class(activation).name
        cp, X, Y, _ = find_critical_point(1, 1, 1, activation, seed=0, activation_class=cls)
        norms = [np.linalg.norm(loss_and_gradient(subspace_sample(s, np.random.default_rng(1)), X, Y, 2, 1, 1,
                                                  activation)[1])
                 for s in subspaces_of(noncritical_reading(cls, "origin"), cp, 2) if "p" in s.label]
        assert norms and (max(norms) < 1e-9) == critical and (min(norms) > 1e-6) == (not critical)


@pytest.mark.parametrize("activation, d, q, at_least", [("tanh", 1, 2, 1), ("tanh", 1, 3, 2), ("gaussian", 2, 2, 1),
                                                        ("logcosh", 1, 4, 3)])
def test_kernel_dimensions_for_vector_outputs(activation, d, q, at_least):
    """dim ker M_i (SPEC §3): at least 1 (M_i a_i = 0), and at least d_out - d; equal generically."""
    cls = activation_class(activation).name
    cp, X, Y, _ = find_critical_point(1, d, q, activation, seed=0, activation_class=cls)
    dims = kernel_dimensions(cp, X, Y, activation)
    assert dims == [max(1, q - d)] and dims[0] >= at_least
    rep = critical_embedding_check(cp, 2, X, Y, activation, points=1, activation_class=cls)
    assert rep["kernel_dimensions"] == dims
    scalar, X1, Y1, _ = find_critical_point(1, 1, 1, activation, seed=0, activation_class=cls)
    assert critical_embedding_check(scalar, 2, X1, Y1, activation, points=1,
                                    activation_class=cls)["kernel_dimensions"] is None


@pytest.mark.parametrize("activation", REAL)
def test_numeric_criticality_certificate_per_class(activation):
    cls = activation_class(activation).name
    cert = numeric_criticality_certificate(1, 3, activation=activation, seed=0, activation_class=cls)
    assert cert.holds, cert.statement
    assert f"of the {cls} class" in cert.statement and "zero-type neuron" in cert.statement
    if cls in ("zero-at-origin", "odd"):
        assert "dead neuron" in cert.statement
    if cls == "even":
        assert "neuron at the origin" in cert.statement


def test_class_network_forward_matches_numpy():
    rng = np.random.default_rng(2)
    theta = rng.standard_normal(3 * 3)
    X = rng.standard_normal((4, 2))
    for name in REAL:
        net = TwoLayerNetwork(3, 2, 1, name)
        f = sympy.lambdify(net.parameters + net.inputs, net.function(), modules=["mpmath"])
        out = forward(theta, X, 3, 2, 1, name)
        for n in range(4):
            assert abs(float(f(*theta, *X[n])) - out[n, 0]) < 1e-10
