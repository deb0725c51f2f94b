r"""Train students numerically: activations with two derivatives, the empirical loss, its gradient and Hessian.

The experiment of :mod:`symbolic_minima.experiment` trains students of width
:math:`m` on a teacher over a fixed sample of inputs.  This module holds the
numerics (numpy / scipy, extra ``numeric``), derived by hand and checked in
the tests against sympy and finite differences:

* :func:`activation_derivatives` — :math:`(\sigma,\sigma',\sigma'')` for every
  activation of the supported activation classes (:data:`TRAINING_ACTIVATIONS`);
* :func:`loss_gradient_hessian` — the empirical loss
  :math:`L(\theta)=\frac1{2N}\sum_n\lVert f(x_n;\theta)-y_n\rVert^2`, its
  gradient and its exact Hessian (formulas below);
* :func:`train_student` — L-BFGS (``scipy.optimize.minimize``) from a seeded
  random start, then a second-order polish (trust-region Newton steps with
  the exact Hessian), reporting the loss, the gradient norm and the
  Hessian's smallest eigenvalue;
* :func:`kernel_dimensions` — at a critical point of width :math:`r`, the
  :math:`d\times d_{out}` matrices :math:`M_i=\mathbb E[\sigma'(w_i\cdot x)\,x\,e^\top]`
  and :math:`\dim\ker M_i` (mathematical reference, vector outputs: a split of
  neuron :math:`i` is critical exactly when its copies' outgoing vectors lie
  in :math:`\ker M_i`; the symmetry-induced subspace is the whole critical
  set of the split when :math:`\dim\ker M_i=1`).

With the residuals :math:`e_n=f(x_n;\theta)-y_n` and :math:`z_{nj}=w_j\cdot x_n`,

.. math::

   \frac{\partial L}{\partial a_{j,l}} = \frac1N\sum_n e_{n,l}\,\sigma(z_{nj}),\qquad
   \frac{\partial L}{\partial w_{j}} = \frac1N\sum_n (e_n\cdot a_j)\,\sigma'(z_{nj})\,x_n,

and the Hessian is the Gauss–Newton term :math:`\frac1N J^\top J` plus a
residual term, block-diagonal over neurons:
:math:`\frac1N\sum_n (e_n\cdot a_j)\,\sigma''(z_{nj})\,x_nx_n^\top` in the
:math:`w_jw_j` block and :math:`\frac1N\sum_n e_{n,l}\,\sigma'(z_{nj})\,x_{n}`
in the :math:`w_ja_{j,l}` block.

Parameters are flat vectors ordered like
:attr:`TwoLayerNetwork.parameters <symbolic_minima.network.TwoLayerNetwork.parameters>`
(all :math:`w` neuron-major, then all :math:`a`).

>>> import numpy as np
>>> X = np.array([[0.5], [-1.0], [2.0]])
>>> theta = np.array([1.0, 2.0])        # w_1 = 1, a_1 = 2
>>> loss, grad, hess = loss_gradient_hessian(theta, X, 2 * np.tanh(X), 1, 1, 1, "tanh")
>>> loss, float(np.abs(grad).max()), hess.shape
(0.0, 0.0, (2, 2))
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ArgumentTypeError, ArgumentValueError, check_int

__all__ = [
    "TRAINING_ACTIVATIONS",
    "activation_derivatives",
    "network_outputs",
    "loss_gradient_hessian",
    "train_student",
    "TrainedStudent",
    "kernel_dimensions",
    "numeric_activation",
    "single_threaded",
]

#: Activations with numpy implementations of :math:`\sigma,\sigma',\sigma''`, by activation class.
TRAINING_ACTIVATIONS = {
    "exp": "generic",
    "sigmoid4+softplus": "generic",
    "exp-minus-one": "zero-at-origin",
    "tanh": "odd",
    "erf": "odd",
    "sinh": "odd",
    "gaussian": "even",
    "cosh": "even",
    "logcosh": "even-zero-at-origin",
}

#: The activation each class trains with when a class name is given.
_CLASS_DEFAULTS = {
    "generic": "sigmoid4+softplus",
    "zero-at-origin": "exp-minus-one",
    "odd": "tanh",
    "even": "gaussian",
    "even-zero-at-origin": "logcosh",
}


def numeric_activation(name) -> str:
    """The activation name trained with for ``name`` (an activation, or a class name: its representative).

    >>> numeric_activation("odd"), numeric_activation("erf"), numeric_activation(None)
    ('tanh', 'erf', 'sigmoid4+softplus')
    """
    from .activation_classes import activation_class

    if name is None:
        name = "generic"
    if not isinstance(name, str):
        raise ArgumentTypeError(f"activation must be a name such as 'tanh' or 'odd', got {type(name).__name__}")
    if name in TRAINING_ACTIVATIONS:
        return name
    cls = activation_class(name)  # refuses unsupported names with the reason
    if name == cls.name:
        return _CLASS_DEFAULTS[cls.name]
    raise ArgumentValueError(
        f"activation {name!r} has no numeric implementation here; use one of {', '.join(TRAINING_ACTIVATIONS)}"
    )


def activation_derivatives(name: str):
    r"""``(sigma, sigma_prime, sigma_second)`` as numpy functions for one of :data:`TRAINING_ACTIVATIONS`.

    >>> s, ds, dds = activation_derivatives("logcosh")
    >>> float(s(0.0)), float(ds(0.0)), float(dds(0.0))
    (0.0, 0.0, 1.0)
    """
    import numpy as np

    name = numeric_activation(name)

    def sigmoid(z):
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    if name == "exp":
        return np.exp, np.exp, np.exp
    if name == "exp-minus-one":
        return np.expm1, np.exp, np.exp
    if name == "sinh":
        return np.sinh, np.cosh, np.sinh
    if name == "cosh":
        return np.cosh, np.sinh, np.cosh
    if name == "tanh":
        def dtanh(z):
            return 1.0 - np.tanh(z) ** 2
        return np.tanh, dtanh, lambda z: -2.0 * np.tanh(z) * dtanh(z)
    if name == "erf":
        from scipy.special import erf

        def derf(z):
            return 2.0 / np.sqrt(np.pi) * np.exp(-z * z)
        return erf, derf, lambda z: -2.0 * z * derf(z)
    if name == "gaussian":
        def gauss(z):
            return np.exp(-0.5 * z * z)
        return gauss, lambda z: -z * gauss(z), lambda z: (z * z - 1.0) * gauss(z)
    if name == "logcosh":
        def logcosh(z):
            a = np.abs(z)
            return a + np.log1p(np.exp(-2.0 * a)) - np.log(2.0)
        return logcosh, np.tanh, lambda z: 1.0 - np.tanh(z) ** 2

    # sigmoid(4z) + softplus(z)
    def dsigmoid(z):
        s = sigmoid(z)
        return s * (1.0 - s)

    def ddsigmoid(z):
        s = sigmoid(z)
        return s * (1.0 - s) * (1.0 - 2.0 * s)

    return (lambda z: sigmoid(4.0 * z) + np.logaddexp(0.0, z),
            lambda z: 4.0 * dsigmoid(4.0 * z) + sigmoid(z),
            lambda z: 16.0 * ddsigmoid(4.0 * z) + dsigmoid(z))


def _split(theta, m, d, q):
    import numpy as np

    m, d, q = check_int(m, "m", minimum=1), check_int(d, "d", minimum=1), check_int(q, "q", minimum=1)
    try:
        theta = np.asarray(theta, dtype=float)
    except (TypeError, ValueError):
        raise ArgumentTypeError(f"theta must be a vector of m (d + q) = {m * (d + q)} numbers, "
                                f"got {type(theta).__name__}") from None
    if theta.shape != (m * (d + q),):
        raise ArgumentValueError(f"theta must be a vector of m (d + q) = {m * (d + q)} numbers, "
                                 f"got shape {theta.shape}")
    return theta[: m * d].reshape(m, d), theta[m * d:].reshape(m, q)


def _inputs(X, d: int):
    """``X`` as an ``N x d`` float array, or a library error."""
    import numpy as np

    try:
        X = np.asarray(X, dtype=float)
    except (TypeError, ValueError):
        raise ArgumentTypeError(f"X must be an N x d array of numbers, got {type(X).__name__}") from None
    if X.ndim != 2 or X.shape[1] != d:
        raise ArgumentValueError(f"X must be an N x {d} array, got shape {X.shape}")
    return X


def network_outputs(theta, X, m: int, d: int, q: int, activation: str):
    r""":math:`f(X;\theta)`, shape ``(N, q)``."""
    sigma, _, _ = activation_derivatives(activation)
    W, A = _split(theta, m, d, q)
    X = _inputs(X, d)
    return sigma(X @ W.T) @ A


def loss_gradient_hessian(theta, X, Y, m: int, d: int, q: int, activation: str, hessian: bool = True):
    r"""The empirical loss, its gradient and (if ``hessian``) its exact Hessian at ``theta`` (see the module docstring).

    ``X`` is ``N x d``, ``Y`` is ``N x q`` (or ``N``); returns ``(loss, grad, H)``
    with ``H`` ``None`` when ``hessian`` is false.
    """
    import numpy as np

    sigma, dsigma, ddsigma = activation_derivatives(activation)
    W, A = _split(theta, m, d, q)
    X = _inputs(X, d)
    try:
        Y = np.asarray(Y, dtype=float).reshape(X.shape[0], q)
    except (TypeError, ValueError):
        raise ArgumentValueError(f"Y must be an N x {q} (or N) array of numbers matching X") from None
    N = X.shape[0]
    Z = X @ W.T                      # N x m
    S, dS = sigma(Z), dsigma(Z)
    E = S @ A - Y                    # N x q
    loss = 0.5 * float(np.sum(E * E)) / N
    EA = E @ A.T                     # N x m: e_n . a_j
    gW = (EA * dS).T @ X / N         # m x d
    gA = S.T @ E / N                 # m x q
    grad = np.concatenate([gW.ravel(), gA.ravel()])
    if not hessian:
        return loss, grad, None
    n = m * (d + q)
    # Jacobian of the outputs, rows (n, l), columns the parameters
    J = np.zeros((N, q, n))
    for j in range(m):
        for l in range(q):
            J[:, l, j * d:(j + 1) * d] = (A[j, l] * dS[:, j])[:, None] * X
            J[:, l, m * d + j * q + l] = S[:, j]
    J = J.reshape(N * q, n)
    H = J.T @ J / N
    ddS = ddsigma(Z)
    for j in range(m):
        w = slice(j * d, (j + 1) * d)
        H[w, w] += (X * (EA[:, j] * ddS[:, j])[:, None]).T @ X / N
        cross = X.T @ (E * dS[:, j][:, None]) / N        # d x q: sum_n e_{n,l} sigma'(z_nj) x_n
        a = slice(m * d + j * q, m * d + (j + 1) * q)
        H[w, a] += cross
        H[a, w] += cross.T
    return loss, grad, H


@dataclass
class TrainedStudent:
    """The end of one training run: parameters, loss, gradient norm, smallest Hessian eigenvalue, steps."""

    theta: object
    loss: float
    grad_norm: float
    min_eigenvalue: float
    max_eigenvalue: float
    iterations: int
    seed: object
    finite: bool = True


def single_threaded():
    """A context in which BLAS runs on one thread (``threadpoolctl``, if installed; else nothing changes).

    Training solves many tiny problems: a multi-threaded BLAS spends more time
    waking its threads than computing, badly so on a loaded machine.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        from contextlib import nullcontext

        return nullcontext()
    return threadpool_limits(1)


def _trust_region_step(eigenvalues, V, grad, radius):
    """The minimiser of the quadratic model within ``radius`` (eigen-decomposed Hessian; bisection on the shift)."""
    import numpy as np

    g = V.T @ grad
    low = max(0.0, -float(eigenvalues[0]))

    def length(shift):
        with np.errstate(divide="ignore", invalid="ignore"):
            return float(np.linalg.norm(g / (eigenvalues + shift)))

    if eigenvalues[0] > 0 and length(0.0) <= radius:
        shift = 0.0
    else:
        tiny = 1e-15 * max(1.0, float(np.abs(eigenvalues).max()))
        if length(low + tiny) <= radius:  # the "hard case": add a step along the lowest eigenvector
            shift = low + tiny
            step = g / (eigenvalues + shift)
            extra = np.sqrt(max(radius**2 - float(step @ step), 0.0))
            step[0] += extra if step[0] <= 0 else -extra
            return -V @ step
        lo, hi = low + tiny, low + float(np.linalg.norm(g)) / radius + tiny
        for _ in range(100):
            mid = 0.5 * (lo + hi)
            if length(mid) > radius:
                lo = mid
            else:
                hi = mid
            if hi - lo <= 1e-12 * hi:
                break
        shift = hi
    return -V @ (g / (eigenvalues + shift))


def _newton_polish(theta, evaluate, iterations: int):
    """Trust-region Newton steps with the exact Hessian (the model minimised exactly in the region).

    The region grows after a step the quadratic model predicted well and
    shrinks after a poor one; a step is kept when the loss does not rise.
    Returns ``(theta, steps)``.
    """
    import numpy as np

    loss, grad, H = evaluate(theta)
    radius = 1.0
    steps = 0
    for _ in range(iterations):
        if not (np.isfinite(loss) and np.all(np.isfinite(H))) or loss == 0.0:
            break
        if np.linalg.norm(grad) == 0.0 or radius < 1e-15 * (1.0 + float(np.linalg.norm(theta))):
            break
        eigenvalues, V = np.linalg.eigh(0.5 * (H + H.T))
        step = _trust_region_step(eigenvalues, V, grad, radius)
        predicted = -(float(grad @ step) + 0.5 * float(step @ H @ step))
        candidate = theta + step
        new_loss, new_grad, new_H = evaluate(candidate)
        steps += 1
        actual = loss - new_loss if np.isfinite(new_loss) else -np.inf
        ratio = actual / predicted if predicted > 0 else (1.0 if actual >= 0 else -1.0)
        length = float(np.linalg.norm(step))
        if ratio < 0.25:
            radius = 0.25 * length
        elif ratio > 0.75 and length >= 0.99 * radius:
            radius = min(2.0 * radius, 1e3)
        if np.isfinite(new_loss) and new_loss <= loss:
            theta, loss, grad, H = candidate, new_loss, new_grad, new_H
    return theta, steps


def train_student(teacher_theta, r: int, m: int, X, activation: str = "sigmoid4+softplus", d: int = 1, q: int = 1,
                  seed=0, init_scale: float = 1.0, lbfgs_iterations: int = 5000,
                  newton_iterations: int = 300) -> TrainedStudent:
    r"""Train one width-``m`` student on the outputs of a width-``r`` teacher (flat ``teacher_theta``) at inputs ``X``.

    Start: :math:`w_j\sim\mathcal N(0, \mathrm{init\_scale}^2 I_d)`,
    :math:`a_j\sim\mathcal N(0, \mathrm{init\_scale}^2/m)` from
    ``numpy.random.default_rng(seed)``.  Then L-BFGS
    (``scipy.optimize.minimize``, analytic gradient) and a second-order polish:
    trust-region Newton steps with the exact Hessian (the quadratic model
    minimised exactly in the region through the Hessian's eigen-decomposition,
    as ``scipy``'s ``trust-exact`` does, but cheap for the small Hessians
    here).  Deterministic for a given ``seed``.

    >>> import numpy as np
    >>> X = np.linspace(-2, 2, 30)[:, None]
    >>> s = train_student(np.array([1.0, 2.0]), 1, 2, X, "tanh", seed=0)
    >>> s.loss < 1e-20, s.grad_norm < 1e-10
    (True, True)
    """
    import numpy as np
    from scipy.optimize import minimize

    m = check_int(m, "m", 1, 10_000)
    rng = np.random.default_rng(seed)
    Y = network_outputs(teacher_theta, X, r, d, q, activation)
    x0 = np.concatenate([init_scale * rng.standard_normal(m * d),
                         init_scale / np.sqrt(m) * rng.standard_normal(m * q)])

    def fun(theta):
        loss, grad, _ = loss_gradient_hessian(theta, X, Y, m, d, q, activation, hessian=False)
        if not np.isfinite(loss):
            return 1e300, np.zeros_like(theta)
        return loss, grad

    def evaluate(theta):
        return loss_gradient_hessian(theta, X, Y, m, d, q, activation)

    with single_threaded(), np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        first = minimize(fun, x0, jac=True, method="L-BFGS-B",
                         options={"maxiter": lbfgs_iterations, "gtol": 1e-13, "ftol": 0.0})
        theta, polish_steps = _newton_polish(first.x, evaluate, newton_iterations)
        loss, grad, H = evaluate(theta)
        finite = bool(np.isfinite(loss) and np.all(np.isfinite(H)))
        if finite:
            eigenvalues = np.linalg.eigvalsh(0.5 * (H + H.T))
            low, high = float(eigenvalues[0]), float(eigenvalues[-1])
        else:
            low = high = float("nan")
    return TrainedStudent(theta, float(loss), float(np.linalg.norm(grad)), low, high, int(first.nit) + polish_steps,
                          seed, finite)


def kernel_dimensions(point, X, Y, activation, rtol: float = 1e-6) -> dict:
    r"""At a width-:math:`r` point with data ``(X, Y)``: gradient norm and :math:`\dim\ker M_i` for each neuron.

    :math:`M_i=\frac1N\sum_n\sigma'(w_i\cdot x_n)\,x_n e_n^\top` (:math:`d\times d_{out}`,
    :math:`e_n` the residual); its kernel is computed from the singular values
    (those below ``rtol`` times the largest, or below ``rtol`` when all are
    tiny, count as zero).  ``a_in_kernel`` is :math:`\lVert M_ia_i\rVert`, zero
    at a critical point.  Returns ``{"grad_norm", "loss", "neurons": [{"neuron",
    "dim_ker", "singular_values", "a_in_kernel"}], "whole_critical_set"}``;
    ``whole_critical_set`` says whether every :math:`\dim\ker M_i` is 1, so the
    symmetry-induced subspaces are the whole critical set of each split.

    >>> import numpy as np
    >>> from symbolic_minima.network import CriticalPoint
    >>> X = np.linspace(-2, 2, 9)[:, None]
    >>> rep = kernel_dimensions(CriticalPoint([[1]], [[1, 2, 3]]), X, np.zeros((9, 3)), "tanh")
    >>> [k["dim_ker"] for k in rep["neurons"]], rep["whole_critical_set"]
    ([2], False)
    """
    import numpy as np

    from .classify import student_arrays

    activation = numeric_activation(activation)
    W, A = student_arrays(point)
    r, d = W.shape
    q = A.shape[1]
    X = np.asarray(X, dtype=float).reshape(-1, d)
    Y = np.asarray(Y, dtype=float).reshape(X.shape[0], q)
    theta = np.concatenate([W.ravel(), A.ravel()])
    loss, grad, _ = loss_gradient_hessian(theta, X, Y, r, d, q, activation, hessian=False)
    _, dsigma, _ = activation_derivatives(activation)
    sigma = activation_derivatives(activation)[0]
    E = sigma(X @ W.T) @ A - Y
    neurons = []
    for i in range(r):
        M = (X * dsigma(X @ W[i])[:, None]).T @ E / X.shape[0]        # d x q
        values = np.linalg.svd(M, compute_uv=False)
        scale = max(float(values.max(initial=0.0)), 1.0)
        rank = int(np.sum(values > rtol * scale))
        neurons.append({"neuron": i + 1, "dim_ker": q - rank, "singular_values": [float(v) for v in values],
                        "a_in_kernel": float(np.linalg.norm(M @ A[i]))})
    return {"grad_norm": float(np.linalg.norm(grad)), "loss": loss, "neurons": neurons,
            "whole_critical_set": all(k["dim_ker"] == 1 for k in neurons)}
