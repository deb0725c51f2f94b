r"""Numerical cross-checks of the exact subspaces with real activations (numpy / scipy).

The exact code never needs floats; this module checks it independently:

* :func:`global_minimum_loss_check` — random points of every global-minimum
  subspace give (numerically) zero loss against the teacher for a concrete
  activation (``tanh``, ``softplus``, ``sigmoid``, ``sigmoid4+softplus``
  :math:`=\mathrm{sigmoid}(4z)+\mathrm{softplus}(z)`, ``erf``, ``exp``,
  ``exp-minus-one`` :math:`e^z-1`, ``sinh``, ``gaussian`` :math:`e^{-z^2/2}`,
  ``cosh``, ``logcosh``) on sampled inputs; with ``activation_class`` the
  subspaces of that class (mathematical reference, 'Activation classes'), checked with a real activation of it
  (:data:`CLASS_ACTIVATIONS`);
* :func:`find_critical_point` — a critical point of a width-:math:`r`
  network that does **not** reach zero loss (data from a wider teacher),
  found with :func:`scipy.optimize.minimize`;
* :func:`critical_embedding_check` — embed it exactly
  (:class:`~symbolic_minima.network.CriticalPoint` from the exact binary
  values of the floats) and report the gradient norm of the width-:math:`m`
  loss at random points of each critical subspace, next to the gradient
  norm at a zero-type embedding (which must stay large); with
  ``activation_class``, the class's critical subspaces (signed splits,
  parked and dead critical neurons) and its negative cases (a dead neuron
  with :math:`a_j\neq0` where :math:`\sigma'(0)\neq0`, a neuron at
  :math:`(0,0)` where :math:`\sigma(0)\neq0`), and, for vector outputs,
  :math:`\dim\ker M_i` with :math:`M_i=\mathbb E[\sigma'(w_i\cdot x)\,x\,e^\top]`
  (mathematical reference, 'Vector outputs': the split of neuron :math:`i` is critical exactly when every
  :math:`a_j\in\ker M_i`).

numpy and scipy are imported inside the functions (extra ``numeric``).

>>> from symbolic_minima.network import Teacher
>>> report = global_minimum_loss_check(Teacher.default(2), 3, activation="tanh", seed=0)
>>> report["subspaces"], report["max_loss"] < 1e-12
(12, True)
"""

from __future__ import annotations

from fractions import Fraction

from .errors import ArgumentTypeError, ArgumentValueError, check_instance, check_int, check_width
from .network import ACTIVATIONS, CriticalPoint, Teacher
from .readings import DEFAULT_ZERO_TYPE, GLOBAL_MINIMUM, check_rm, get_reading

__all__ = [
    "NUMERIC_ACTIVATIONS",
    "CLASS_ACTIVATIONS",
    "real_activation",
    "kernel_dimensions",
    "activation_and_derivative",
    "forward",
    "loss_and_gradient",
    "subspace_sample",
    "global_minimum_loss_check",
    "find_critical_point",
    "critical_embedding_check",
    "numeric_zero_loss_certificate",
    "numeric_criticality_certificate",
]

#: Activations with a numpy implementation (same names as :data:`symbolic_minima.network.ACTIVATIONS`).
NUMERIC_ACTIVATIONS = ("tanh", "sigmoid", "softplus", "erf", "sigmoid4+softplus", "exp", "exp-minus-one", "sinh",
                       "gaussian", "cosh", "logcosh")

#: The real activation the numeric checks use for each activation class (generic: the activation
#: the checks always used, :math:`\mathrm{sigmoid}(4z)+\mathrm{softplus}(z)`).
CLASS_ACTIVATIONS = {
    "generic": "sigmoid4+softplus",
    "zero-at-origin": "exp-minus-one",
    "odd": "tanh",
    "even": "gaussian",
    "even-zero-at-origin": "logcosh",
}


def real_activation(activation) -> str:
    """The numeric activation for ``activation``: itself if it has a numpy implementation, else its class's.

    >>> real_activation("odd"), real_activation("erf"), real_activation("even-zero-at-origin")
    ('tanh', 'erf', 'logcosh')
    """
    if activation in NUMERIC_ACTIVATIONS:
        return activation
    from .activation_classes import activation_class

    return CLASS_ACTIVATIONS[activation_class(activation).name]


def activation_and_derivative(name: str):
    """``(sigma, sigma_prime)`` as numpy functions for one of :data:`NUMERIC_ACTIVATIONS`."""
    import numpy as np

    if name not in NUMERIC_ACTIVATIONS:
        raise ArgumentValueError(f"activation must be one of {', '.join(map(repr, NUMERIC_ACTIVATIONS))}; got {name!r}")

    def sigmoid(z):
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    def softplus(z):
        return np.logaddexp(0.0, z)

    if name == "tanh":
        return np.tanh, lambda z: 1.0 - np.tanh(z) ** 2
    if name == "sigmoid":
        return sigmoid, lambda z: sigmoid(z) * (1.0 - sigmoid(z))
    if name == "softplus":
        return softplus, sigmoid
    if name == "erf":
        from scipy.special import erf

        return erf, lambda z: 2.0 / np.sqrt(np.pi) * np.exp(-z * z)
    if name == "exp":
        return np.exp, np.exp
    if name == "exp-minus-one":
        return np.expm1, np.exp
    if name == "sinh":
        return np.sinh, np.cosh
    if name == "cosh":
        return np.cosh, np.sinh
    if name == "gaussian":
        return (lambda z: np.exp(-0.5 * z * z)), (lambda z: -z * np.exp(-0.5 * z * z))
    if name == "logcosh":  # log cosh z = |z| + log(1 + e^{-2|z|}) - log 2, without overflow
        return (lambda z: np.abs(z) + np.log1p(np.exp(-2.0 * np.abs(z))) - np.log(2.0)), np.tanh
    return (lambda z: sigmoid(4 * z) + softplus(z),
            lambda z: 4 * sigmoid(4 * z) * (1 - sigmoid(4 * z)) + sigmoid(z))


def _array(value, name: str, ndim: int):
    """``value`` as a float numpy array with ``ndim`` dimensions, or a library error."""
    import numpy as np

    try:
        out = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ArgumentTypeError(f"{name} must be an array of numbers, got {type(value).__name__}") from None
    if out.ndim != ndim:
        raise ArgumentValueError(f"{name} must have {ndim} dimension(s), got shape {out.shape}")
    return out


def _split(theta, m, d, q):
    m, d, q = check_width(m, "m"), check_int(d, "d", 1, 10_000), check_int(q, "q", 1, 10_000)
    theta = _array(theta, "theta", 1)
    if theta.size != m * (d + q):
        raise ArgumentValueError(f"theta must have m (d + q) = {m * (d + q)} entries, got {theta.size}")
    return theta[: m * d].reshape(m, d), theta[m * d:].reshape(m, q)


def forward(theta, X, m, d, q=1, activation="tanh"):
    r"""Outputs :math:`f(X;\theta)` (shape ``(N, q)``), ``theta`` ordered like
    :attr:`TwoLayerNetwork.parameters` (all :math:`w`, then all :math:`a`)."""
    sig, _ = activation_and_derivative(activation)
    W, A = _split(theta, m, d, q)
    X = _array(X, "X", 2)
    if X.shape[1] != W.shape[1]:
        raise ArgumentValueError(f"X must have d = {W.shape[1]} columns, got shape {X.shape}")
    return sig(X @ W.T) @ A


def loss_and_gradient(theta, X, Y, m, d, q=1, activation="tanh"):
    r"""Loss :math:`\frac1{2N}\sum_n\lVert f(x_n;\theta)-y_n\rVert^2` and its gradient (same ordering)."""
    import numpy as np

    sig, dsig = activation_and_derivative(activation)
    W, A = _split(theta, m, d, q)
    X, Y = _array(X, "X", 2), _array(Y, "Y", 2)
    if X.shape[1] != W.shape[1] or Y.shape != (X.shape[0], A.shape[1]):
        raise ArgumentValueError(f"X must have shape (N, {W.shape[1]}) and Y (N, {A.shape[1]}); "
                                 f"got {X.shape}, {Y.shape}")
    Z = X @ W.T
    H = sig(Z)
    E = H @ A - Y
    N = X.shape[0]
    loss = 0.5 * float(np.sum(E * E)) / N
    gA = H.T @ E / N
    gW = ((E @ A.T) * dsig(Z)).T @ X / N
    return loss, np.concatenate([gW.ravel(), gA.ravel()])


def subspace_sample(subspace, rng, scale: float = 1.0):
    """A random float point of an exact subspace: base point + Gaussian combination of the directions."""
    from .subspaces import AffineSubspace

    check_instance(subspace, AffineSubspace, "subspace")
    if not callable(getattr(rng, "standard_normal", None)):
        raise ArgumentTypeError(f"rng must be a numpy random Generator, got {type(rng).__name__}")
    import numpy as np

    base = np.array([float(x) for x in subspace.base_point()])
    dirs = subspace.direction_basis()
    if not dirs:
        return base
    D = np.array([[float(x) for x in v] for v in dirs])
    return base + scale * rng.standard_normal(len(dirs)) @ D


def _inputs(rng, n, d):
    return rng.standard_normal((n, d))


def _class_name(activation_class) -> str:
    from .activation_classes import activation_class as resolve

    return resolve(activation_class).name


def _class_arg(activation_class):
    """``None`` for the generic class (the enumerators' default), else the class name."""
    name = _class_name(activation_class)
    return None if name == "generic" else name


def global_minimum_loss_check(teacher: Teacher, m, zero_type: str = DEFAULT_ZERO_TYPE, activation: str = "tanh",
                              points: int = 3, n_inputs: int = 64, seed: int = 0, activation_class=None) -> dict:
    """Max loss over random points of every global-minimum subspace, on sampled inputs.

    Returns ``{"subspaces", "points", "max_loss", "activation", "zero_type", "activation_class"}``;
    each loss compares the width-``m`` student with the teacher on the same
    ``n_inputs`` Gaussian inputs.  ``zero_type``: any registered
    global-minimum reading.  ``activation_class`` (class or activation name,
    default generic) chooses whose subspaces are checked: the odd class's
    sign-flipped replicas have zero loss for ``tanh`` but not for
    ``gaussian`` (a check that can fail).

    >>> rep = global_minimum_loss_check(Teacher([1, -2], [1, 2]), 3, activation="tanh", activation_class="odd")
    >>> rep["subspaces"], rep["max_loss"] < 1e-12
    (96, True)
    """
    check_instance(teacher, Teacher, "teacher")
    import numpy as np

    from .subspaces import global_minimum_subspaces

    cls = _class_arg(activation_class)
    zero_type = get_reading(zero_type, cls or "generic", family=GLOBAL_MINIMUM).name
    points = check_int(points, "points", 1, 10_000)
    rng = np.random.default_rng(seed)
    r, d, q = teacher.width, teacher.input_dim, teacher.output_dim
    X = _inputs(rng, n_inputs, d)
    theta_r = np.array([float(v) for v in teacher.flat()])
    Y = forward(theta_r, X, r, d, q, activation)
    worst = 0.0
    count = 0
    for s in global_minimum_subspaces(teacher, m, zero_type, activation=cls):
        count += 1
        for _ in range(points):
            theta = subspace_sample(s, rng)
            loss, _ = loss_and_gradient(theta, X, Y, m, d, q, activation)
            worst = max(worst, loss)
    return {"subspaces": count, "points": count * points, "max_loss": worst, "activation": activation,
            "zero_type": zero_type, "activation_class": cls or "generic"}


def find_critical_point(r, d: int = 1, d_out: int = 1, activation: str = "sigmoid4+softplus", n_inputs: int = 40,
                        seed: int = 0, tries: int = 10, activation_class=None, noise: float = 0.3):
    r"""A numerical critical point of the width-``r`` loss with non-zero loss.

    Data: ``n_inputs`` Gaussian inputs, targets from a random width-``r+2``
    teacher (so width ``r`` cannot fit them; with ``activation_class``,
    plus Gaussian noise of standard deviation ``noise``, so that the loss
    stays away from 0 even where a narrow network of the class fits the
    teacher well).  Minimizes with BFGS (analytic gradient, ``gtol=1e-11``),
    polishes the result by solving :math:`\nabla L=0` with
    :func:`scipy.optimize.root` (kept when it stays within :math:`10^{-3}` of the
    BFGS point and lowers the gradient), and keeps the first irreducible result
    (irreducible for ``activation_class`` when given: in the classes with
    signs also :math:`w_i\neq-w_k`).
    Returns ``(critical_point, X, Y, info)`` with ``critical_point`` a
    :class:`~symbolic_minima.network.CriticalPoint` holding the exact binary
    values of the floats, and ``info`` with ``loss`` and ``grad_norm``.
    """
    import numpy as np
    from scipy.optimize import minimize, root

    r = check_width(r, "r", maximum=50)
    signed = False
    if activation_class is not None:
        from .activation_classes import activation_class as resolve

        signed = resolve(activation_class).signs is not None
    rng = np.random.default_rng(seed)
    X = _inputs(rng, n_inputs, d)
    big = 2.0 * rng.standard_normal((r + 2) * (d + d_out))
    Y = forward(big, X, r + 2, d, d_out, activation)
    if activation_class is not None:
        Y = Y + noise * rng.standard_normal(Y.shape)

    def objective(t):
        return loss_and_gradient(t, X, Y, r, d, d_out, activation)

    for _ in range(tries):
        x0 = rng.standard_normal(r * (d + d_out))
        with np.errstate(over="ignore", invalid="ignore"):  # fast-growing activations (e^z) may overflow on the way
            res = minimize(objective, x0, jac=True, method="BFGS", options={"gtol": 1e-11, "maxiter": 20_000})
            x = res.x
            loss, grad = objective(x)
            polished = root(lambda t: objective(t)[1], x, method="hybr")
            p_loss, p_grad = objective(polished.x)
        if (np.all(np.isfinite(p_grad)) and np.linalg.norm(p_grad) < np.linalg.norm(grad)
                and np.linalg.norm(polished.x - x) <= 1e-3 * (1 + np.linalg.norm(x))):
            x, loss, grad = polished.x, p_loss, p_grad
        if not (np.isfinite(loss) and np.all(np.isfinite(grad))):
            continue
        W, A = _split(x, r, d, d_out)
        distinct = all(np.linalg.norm(W[i] - W[k]) > 1e-3 for i in range(r) for k in range(i))
        if signed:
            distinct = distinct and all(np.linalg.norm(W[i] + W[k]) > 1e-3 for i in range(r) for k in range(i))
        irreducible = distinct and all(np.linalg.norm(A[i]) > 1e-3 and np.linalg.norm(W[i]) > 1e-3 for i in range(r))
        if irreducible and np.linalg.norm(grad) < 1e-7 and loss > 1e-6:
            incoming = [[Fraction(float(v)) for v in W[i]] for i in range(r)]
            outgoing = ([Fraction(float(A[i, 0])) for i in range(r)] if d_out == 1
                        else [[Fraction(float(v)) for v in A[i]] for i in range(r)])
            cp = CriticalPoint(incoming, outgoing)
            return cp, X, Y, {"loss": loss, "grad_norm": float(np.linalg.norm(grad)), "activation": activation}
    raise ArgumentValueError(f"no irreducible critical point with non-zero loss found in {tries} tries")


def kernel_dimensions(critical_point: CriticalPoint, X, Y, activation: str = "sigmoid4+softplus",
                      relative_tolerance: float = 1e-6) -> list:
    r""":math:`\dim\ker M_i` for each neuron of a width-``r`` point,
    :math:`M_i=\frac1N\sum_n\sigma'(w_i\cdot x_n)\,x_ne_n^\top`.

    :math:`M_i` is :math:`d\times d_{out}` (:math:`e_n` the residual), and
    :math:`\partial L/\partial w_j=M_ia_j` for a neuron :math:`j` split off
    neuron :math:`i`, so the split is critical exactly when every
    :math:`a_j\in\ker M_i` (mathematical reference, 'Vector outputs').  At a critical point :math:`M_ia_i=0`,
    so the dimension is at least 1; generically it is 1 when
    :math:`d_{out}\le d+1` and at least :math:`d_{out}-d` otherwise.
    Singular values below ``relative_tolerance`` times the largest count as 0.
    """
    import numpy as np

    check_instance(critical_point, Teacher, "critical_point")
    r, d, q = critical_point.width, critical_point.input_dim, critical_point.output_dim
    try:
        X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    except (TypeError, ValueError):
        raise ArgumentTypeError("X and Y must be arrays of numbers") from None
    if X.ndim != 2 or X.shape[1] != d or Y.shape[:1] != X.shape[:1]:
        raise ArgumentValueError(f"X must be N x {d} and Y must have N rows, got shapes {X.shape} and {Y.shape}")
    theta = np.array([float(v) for v in critical_point.flat()])
    _, dsig = activation_and_derivative(activation)
    W, A = _split(theta, r, d, q)
    E = forward(theta, X, r, d, q, activation) - Y
    Z = X @ W.T
    dims = []
    for i in range(r):
        M = (X * dsig(Z[:, i])[:, None]).T @ E / X.shape[0]
        singular = np.linalg.svd(M, compute_uv=False)
        top = float(singular[0]) if singular.size else 0.0
        rank = int(np.sum(singular > relative_tolerance * top)) if top > 0 else 0
        dims.append(q - rank)
    return dims


def _median_grad_norms(subspaces, marker, X, Y, m, d, q, activation, rng, points) -> list:
    import numpy as np

    norms = []
    for s in subspaces:
        if s.label is None or not _has(s.label, marker):
            continue
        for _ in range(points):
            _, grad = loss_and_gradient(subspace_sample(s, rng, scale=0.5), X, Y, m, d, q, activation)
            norms.append(float(np.linalg.norm(grad)))
    return norms


def _has(label, marker) -> bool:
    from .labels import Label

    label = Label(label)
    if marker == "0":
        return bool(label.zero_type_neurons())
    return bool(label.marked_neurons(marker))


def critical_embedding_check(critical_point: CriticalPoint, m, X, Y, activation: str = "sigmoid4+softplus",
                             points: int = 3, seed: int = 0, activation_class=None) -> dict:
    """Gradient norms of the width-``m`` loss at random points of each critical subspace of ``critical_point``.

    Also reports the width-``r`` gradient norm at the point itself and, for
    contrast, the median (and minimum) gradient norm at random points of the
    global-minimum-type subspaces with a zero-type neuron built around it
    (not critical away from zero loss).  ``activation_class`` (class or
    activation name; default generic) takes that class's critical subspaces
    and adds its negative cases (:func:`symbolic_minima.verify.noncritical_reading`):
    the median gradient norm with a dead neuron (``median_dead_grad_norm``;
    classes ``zero-at-origin``, ``odd``) or a neuron at the origin
    (``median_origin_grad_norm``; class ``even``).  ``kernel_dimensions``:
    :func:`kernel_dimensions` for vector outputs (``None`` when :math:`d_{out}=1`).
    """
    import numpy as np

    from .subspaces import critical_subspaces, global_minimum_subspaces, subspaces_of

    cls = _class_arg(activation_class)
    rng = np.random.default_rng(seed)
    r, d, q = critical_point.width, critical_point.input_dim, critical_point.output_dim
    _, m = check_rm(r, m)
    theta_r = np.array([float(v) for v in critical_point.flat()])
    loss_r, grad_r = loss_and_gradient(theta_r, X, Y, r, d, q, activation)
    worst = 0.0
    losses = []
    count = 0
    for s in critical_subspaces(critical_point, m, activation=cls):
        count += 1
        for _ in range(points):
            theta = subspace_sample(s, rng, scale=0.5)
            loss, grad = loss_and_gradient(theta, X, Y, m, d, q, activation)
            worst = max(worst, float(np.linalg.norm(grad)))
            losses.append(loss)
    zero_norms: list = []
    negatives: dict = {}
    if m > r:
        zero_norms = _median_grad_norms(global_minimum_subspaces(critical_point, m, activation=cls), "0",
                                        X, Y, m, d, q, activation, rng, points)
        if cls is not None:
            from .verify import NONCRITICAL_KINDS, _negative_checks, noncritical_reading

            for kind, _ in _negative_checks(cls):
                subs = subspaces_of(noncritical_reading(cls, kind), critical_point, m)
                negatives[kind] = _median_grad_norms(subs, NONCRITICAL_KINDS[kind], X, Y, m, d, q, activation,
                                                     rng, points)
    report = {
        "subspaces": count,
        "width_r_grad_norm": float(np.linalg.norm(grad_r)),
        "width_r_loss": loss_r,
        "max_grad_norm": worst,
        "loss_spread": (max(losses) - min(losses)) if losses else 0.0,
        # the zero-type gradient E[e sigma(w_j . x)] vanishes (quadratically) when the random w_j
        # falls near a width-r w_i, so the median, not the minimum, is the robust statistic
        "min_zero_type_grad_norm": min(zero_norms) if zero_norms else None,
        "median_zero_type_grad_norm": float(np.median(zero_norms)) if zero_norms else None,
        "kernel_dimensions": kernel_dimensions(critical_point, X, Y, activation) if q > 1 else None,
    }
    if cls is not None:
        report["activation_class"] = cls
        for kind, norms in negatives.items():
            report[f"median_{kind}_grad_norm"] = float(np.median(norms)) if norms else None
    return report


assert set(NUMERIC_ACTIVATIONS) <= set(ACTIVATIONS)


def numeric_zero_loss_certificate(teacher: Teacher, m, zero_type: str = DEFAULT_ZERO_TYPE, activation: str = "tanh",
                                  points: int = 2, seed: int = 0, tolerance: float = 1e-12, activation_class=None):
    """A :class:`~symbolic_minima.verify.Certificate` wrapping :func:`global_minimum_loss_check`."""
    check_instance(teacher, Teacher, "teacher")
    from .verify import Certificate

    rep = global_minimum_loss_check(teacher, m, zero_type, activation, points=points, seed=seed,
                                    activation_class=activation_class)
    holds = rep["max_loss"] < tolerance
    where = "" if activation_class is None else f" of the {rep['activation_class']} class"
    statement = (f"{activation}: max loss {rep['max_loss']:.2e} over {rep['points']} random points of "
                 f"{rep['subspaces']} subspaces{where} ({'<' if holds else '>='} {tolerance:g})")
    line = rf"\max_{{\theta}} L_{{\mathrm{{{activation}}}}}(\theta) = {rep['max_loss']:.2e}"
    return Certificate("numeric_zero_loss", holds, statement, None, [line], rep)


def numeric_criticality_certificate(r, m, d: int = 1, d_out: int = 1, activation: str = "sigmoid4+softplus",
                                    points: int = 2, seed: int = 0, tolerance: float = 1e-7, activation_class=None):
    """A :class:`~symbolic_minima.verify.Certificate`: a scipy critical point of width ``r`` (non-zero loss),
    embedded exactly; gradient norms on its critical subspaces stay below ``tolerance`` while
    the median at zero-type embeddings (and, with ``activation_class``, at the class's
    non-critical dead or origin embeddings) is at least 100 times larger."""
    from .verify import Certificate

    cp, X, Y, info = find_critical_point(r, d, d_out, activation, seed=seed, activation_class=activation_class)
    rep = critical_embedding_check(cp, m, X, Y, activation, points=points, seed=seed,
                                   activation_class=activation_class)
    rep.update(info)
    floor = 100 * max(rep["max_grad_norm"], 1e-15)
    contrasts = {"zero-type": rep["median_zero_type_grad_norm"]}
    for kind in ("dead", "origin"):
        if f"median_{kind}_grad_norm" in rep:
            contrasts[kind if kind == "dead" else "at the origin"] = rep[f"median_{kind}_grad_norm"]
    holds = rep["max_grad_norm"] < tolerance and all(v is None or v > floor for v in contrasts.values())
    where = "" if activation_class is None else f" of the {_class_name(activation_class)} class"
    statement = (f"{activation}: width-{r} critical point (loss {info['loss']:.3g}, |grad| {info['grad_norm']:.1e}); "
                 f"max |grad| on {rep['subspaces']} critical subspaces{where} {rep['max_grad_norm']:.1e}"
                 + "".join(f", median |grad| with a {kind} neuron {v:.1e}" if kind != "at the origin"
                           else f", median |grad| with a neuron at the origin {v:.1e}"
                           for kind, v in contrasts.items() if v is not None)
                 + ("" if rep["kernel_dimensions"] is None else f"; dim ker M_i = {rep['kernel_dimensions']}"))
    line = rf"\max \lVert\nabla L\rVert = {rep['max_grad_norm']:.1e}"
    return Certificate("numeric_criticality", holds, statement, None, [line], rep)
