r"""The paper's experiment, end to end: train students, classify them, tally by label type beside the exact counts.

:func:`run_experiment` trains ``seeds`` students of width :math:`m` on a
teacher of width :math:`r` (:func:`~symbolic_minima.training.train_student`:
L-BFGS, then a trust-region Newton polish with the exact Hessian, over a fixed
sample of Gaussian inputs; deterministic under ``seed``), classifies each
final student (:func:`~symbolic_minima.classify.classify`) and tallies the
global minima by **label type** (:meth:`Label.type <symbolic_minima.labels.Label.type>`:
replica group sizes, zero-type neurons, zero-sum groups, dead and parked
neurons), each beside the **exact number of subspaces of that type**
(:func:`type_count`).  Runs that end near no subspace are counted apart, and
said why, from the gradient norm and the Hessian's smallest eigenvalue:

``not converged``
    the gradient is not small (or the weights diverge), or the loss is
    (numerically) zero but the point is farther than ``tol`` from every
    subspace: a slow approach along a degenerate valley;
``saddle``
    the gradient is small and the Hessian has a clearly negative eigenvalue;
    when the student embeds a narrower critical point (its neurons merged by
    incoming vector) the run says so: a symmetry-induced saddle;
``local minimum``
    the gradient is small, the Hessian has no clearly negative eigenvalue and
    the loss is not zero: a spurious (non-global) minimum.

The number of labels of one type is an orbit size: with replica sizes
:math:`s_1..s_r`, :math:`k` zero-type, :math:`k_d` dead and :math:`k_p` parked
neurons and zero-sum groups of sizes :math:`g_1..g_c`,

.. math::

   N = \frac{r!}{\prod_s \mu_s!}\cdot
       \frac{m!}{\prod_i s_i!\ \prod_c g_c!\ \prod_g \nu_g!\ k!\ k_d!\ k_p!}\cdot
       2^{\sum_i s_i}\cdot\prod_c 2^{g_c-1},

:math:`\mu_s` (:math:`\nu_g`) the number of replica groups (zero-sum groups)
of size :math:`s` (:math:`g`); the sign factors only in the sign classes
(replicas carry a sign each; a free group's signs count up to a global flip).
Summed over the types this is the count of the reading (tested against
:func:`~symbolic_minima.counting.count_subspaces` and against the labels
enumerated).

>>> from symbolic_minima.readings import get_reading
>>> counts = type_counts(2, 4, "R2")
>>> sum(counts.values()), describe_kind(max(counts, key=counts.get))
(62, 'replicas 2+1, zero-type 1')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from math import factorial

from .classify import DEFAULT_TOL, classify
from .errors import ArgumentValueError, check_int
from .labels import Kind, Label
from .network import Teacher
from .readings import DEFAULT_ZERO_TYPE, GENERIC, GLOBAL_MINIMUM, GROUPS, Reading, check_rm, get_reading

__all__ = [
    "run_experiment",
    "ExperimentResult",
    "Run",
    "type_count",
    "type_counts",
    "label_types",
    "describe_kind",
    "kind_to_json",
    "OUTCOMES",
    "DEFAULT_ACTIVATION",
]

#: The activation trained with by default (generic class).
DEFAULT_ACTIVATION = "sigmoid4+softplus"
#: How a run ends: classified, or one of the three ways of ending nowhere.
OUTCOMES = ("classified", "not converged", "saddle", "local minimum")

#: Gradient norm below which a run is at a critical point.
GRADIENT_TOL = 1e-8
#: Loss below which a run is at zero loss.
LOSS_TOL = 1e-12
#: A Hessian eigenvalue below ``-EIGENVALUE_TOL * max(1, largest eigenvalue)`` is clearly negative.
EIGENVALUE_TOL = 1e-6


# ---------------------------------------------------------------------------
# label types and their exact counts


def _roles(reading: Reading) -> dict:
    from .roles import ZeroSumGroup, ZeroTypeNeuron

    out: dict = {"zero": False, "marker": None, "group": None}
    for role in reading.free_roles:
        if role.pins_zero:
            out["marker"] = role.marker
        elif isinstance(role, ZeroTypeNeuron):
            out["zero"] = True
        elif isinstance(role, ZeroSumGroup):
            out["group"] = role
        else:
            raise ArgumentValueError(f"label types do not know the free role {role!r} of reading {reading.name!r}")
    return out


def _partitions(n: int, parts: int | None, smallest: int, largest: int | None = None):
    """Partitions of ``n`` (non-increasing tuples) with parts in ``[smallest, largest]`` (exactly ``parts`` of them)."""
    top = n if largest is None else min(n, largest)

    def rec(rest, count, cap):
        if rest == 0 and (count == 0 if parts is not None else True):
            yield ()
            return
        if parts is not None and count == 0:
            return
        for p in range(min(cap, rest), smallest - 1, -1):
            for tail in rec(rest - p, None if count is None else count - 1, p):
                yield (p, *tail)

    yield from rec(n, parts, top)


def label_types(r, m, zero_type: str | Reading = DEFAULT_ZERO_TYPE, activation=None):
    """Every :class:`~symbolic_minima.labels.Kind` of label of a reading (any registered one, global minimum or
    critical) over a width-``r`` teacher, width ``m``, in a fixed order.

    >>> [describe_kind(k) for k in label_types(1, 3)]
    ['replicas 3', 'replicas 2, zero-type 1', 'replicas 1, zero-type 2']
    """
    r, m = check_rm(r, m)
    reading = _reading(zero_type, activation)
    roles = _roles(reading)
    group = roles["group"]
    for replicated in range(m, r - 1, -1):
        for sizes in _partitions(replicated, r, 1):
            free = m - replicated
            for zero in range(free, -1, -1) if roles["zero"] else (0,):
                for pinned in range(free - zero, -1, -1) if roles["marker"] else (0,):
                    rest = free - zero - pinned
                    if group is None:
                        options = [()] if rest == 0 else []
                    else:
                        options = list(_partitions(rest, None, group.min_size, group.max_size))
                    for groups in options:
                        yield Kind(zero, sizes, groups, pinned if roles["marker"] == "d" else 0,
                                   pinned if roles["marker"] == "p" else 0)


def _reading(zero_type, activation) -> Reading:
    if isinstance(zero_type, Reading):
        return zero_type
    return get_reading(zero_type, activation if activation is not None else GENERIC)


def type_count(kind: Kind, r, m, zero_type: str | Reading = DEFAULT_ZERO_TYPE, activation=None) -> int:
    """The exact number of labels (subspaces) of one type (see the module docstring for the formula).

    >>> from symbolic_minima.labels import Kind
    >>> type_count(Kind(1, (2, 1), ()), 2, 4), type_count(Kind(0, (1, 1), (2,)), 2, 4, "R2")
    (24, 12)
    >>> type_count(Kind(0, (1,), (), 1), 1, 2, "R1", "tanh")   # ('+1', 'd') and ('-1', 'd'), two orders
    4
    """
    r, m = check_rm(r, m)
    reading = _reading(zero_type, activation)
    roles = _roles(reading)
    zero, sizes, groups, dead, parked = kind
    if (len(sizes) != r or min(sizes, default=1) < 1 or zero + sum(sizes) + sum(groups) + dead + parked != m
            or (zero and not roles["zero"]) or (dead and roles["marker"] != "d")
            or (parked and roles["marker"] != "p")
            or (groups and (roles["group"] is None or not all(roles["group"].allows_size(g) for g in groups)))):
        return 0
    denominator = factorial(zero) * factorial(dead) * factorial(parked)
    for s in sizes:
        denominator *= factorial(s)
    for g in groups:
        denominator *= factorial(g)
    for multiplicity in Counter(groups).values():
        denominator *= factorial(multiplicity)
    assignments = factorial(r)
    for multiplicity in Counter(sizes).values():
        assignments //= factorial(multiplicity)
    count = assignments * (factorial(m) // denominator)
    if reading.replica.signed:
        count *= 2 ** sum(sizes)
    if groups and roles["group"].signed:
        count *= 2 ** sum(g - 1 for g in groups)
    return count


def type_counts(r, m, zero_type: str | Reading = DEFAULT_ZERO_TYPE, activation=None) -> dict:
    """``{Kind: number of labels of that type}`` for every type of the reading (in :func:`label_types` order)."""
    return {kind: type_count(kind, r, m, zero_type, activation) for kind in label_types(r, m, zero_type, activation)}


def describe_kind(kind: Kind) -> str:
    """A short text for a label type.

    >>> from symbolic_minima.labels import Kind
    >>> describe_kind(Kind(1, (2, 1), (3,), 1))
    'replicas 2+1, zero-type 1, zero-sum groups 3, dead 1'
    """
    parts = ["replicas " + "+".join(map(str, kind.replica_sizes))]
    if kind.zero_type_neurons:
        parts.append(f"zero-type {kind.zero_type_neurons}")
    if kind.zero_sum_groups:
        parts.append("zero-sum groups " + "+".join(map(str, kind.zero_sum_groups)))
    if kind.dead_neurons:
        parts.append(f"dead {kind.dead_neurons}")
    if kind.parked_neurons:
        parts.append(f"parked {kind.parked_neurons}")
    return ", ".join(parts)


def kind_to_json(kind: Kind) -> dict:
    """A label type as a JSON object (lists for the size tuples)."""
    return {"zero_type_neurons": kind.zero_type_neurons, "replica_sizes": list(kind.replica_sizes),
            "zero_sum_groups": list(kind.zero_sum_groups), "dead_neurons": kind.dead_neurons,
            "parked_neurons": kind.parked_neurons}


# ---------------------------------------------------------------------------
# runs


@dataclass
class Run:
    """One trained student: its seed index, outcome, label, type and the numbers that decided them."""

    index: int
    outcome: str
    loss: float
    grad_norm: float
    min_eigenvalue: float
    label: Label | None = None
    type: Kind | None = None
    distance: float | None = None
    margin: float | None = None
    detail: str = ""
    theta: object = field(default=None, repr=False)

    def to_json(self) -> dict:
        return {
            "index": self.index, "outcome": self.outcome,
            "label": None if self.label is None else list(self.label),
            "type": None if self.type is None else kind_to_json(self.type),
            "loss": self.loss, "grad_norm": self.grad_norm, "min_eigenvalue": self.min_eigenvalue,
            "distance": self.distance, "margin": self.margin, "detail": self.detail,
        }


@dataclass
class ExperimentResult:
    """The runs of :func:`run_experiment`, their tallies by type beside the exact counts, and the unclassified."""

    r: int
    m: int
    teacher: Teacher
    activation: str
    activation_class: str
    reading: Reading
    seed: int
    samples: int
    tol: float
    runs: list
    counts: dict

    def tallies(self) -> list:
        """``[(kind, observed, subspaces)]`` for every type, observed types first (most often first)."""
        observed = Counter(run.type for run in self.runs if run.outcome == "classified")
        kinds = list(self.counts)
        for kind in observed:  # a type outside the counts would be a defect; keep it visible
            if kind not in self.counts:
                kinds.append(kind)
        rows = [(kind, observed.get(kind, 0), self.counts.get(kind, 0)) for kind in kinds]
        order = {kind: k for k, kind in enumerate(kinds)}
        return sorted(rows, key=lambda row: (-row[1], order[row[0]]))

    def unclassified(self) -> dict:
        """``{"total": n, "not_converged": a, "saddle": b, "local_minimum": c}`` (the outcomes, ``_`` for spaces)."""
        counts = Counter(run.outcome for run in self.runs if run.outcome != "classified")
        return {"total": sum(counts.values()), **{o.replace(" ", "_"): counts.get(o, 0) for o in OUTCOMES[1:]}}

    @property
    def consistent(self) -> bool:
        """Every observed type has at least one subspace (the exact count is positive)."""
        return all(subspaces > 0 for _, observed, subspaces in self.tallies() if observed)

    def to_json(self) -> dict:
        """``runs`` (the number), ``tallies`` (``[{type, observed, subspaces}]``), ``unclassified``, and context."""
        return {
            "runs": len(self.runs),
            "tallies": [{"type": kind_to_json(kind), "description": describe_kind(kind), "observed": observed,
                         "subspaces": subspaces} for kind, observed, subspaces in self.tallies()],
            "unclassified": self.unclassified(),
            "r": self.r, "m": self.m, "d": self.teacher.input_dim, "d_out": self.teacher.output_dim,
            "activation": self.activation, "activation_class": self.activation_class,
            "zero_type": self.reading.name, "reading": self.reading.short_name, "seed": self.seed,
            "samples": self.samples, "tol": self.tol, "teacher": self.teacher.to_json(),
            "total_subspaces": sum(self.counts.values()),
            "records": [run.to_json() for run in self.runs],
        }

    def format(self) -> str:
        """The table for people: each type's observed runs beside its exact number of subspaces."""
        n = len(self.runs)
        total = sum(self.counts.values())
        lines = [
            f"# experiment r={self.r} m={self.m} d={self.teacher.input_dim} d_out={self.teacher.output_dim}: "
            f"{n} students, activation {self.activation} (class {self.activation_class}), "
            f"reading {self.reading.short_name} ({self.reading.name}), tol {self.tol:g}, seed {self.seed}, "
            f"{self.samples} inputs",
        ]
        rows = self.tallies()
        width = max([len("type")] + [len(describe_kind(kind)) for kind, _, _ in rows])
        lines.append(f"{'type':<{width}}  {'observed':>16}  {'subspaces':>22}")
        for kind, observed, subspaces in rows:
            share = f"{100 * observed / n:5.1f}%" if n else "  -  "
            exact = f"{100 * subspaces / total:5.1f}%" if total else "  -  "
            lines.append(f"{describe_kind(kind):<{width}}  {observed:>8} ({share})  {subspaces:>14} ({exact})")
        lines.append(f"{'all types':<{width}}  {n - self.unclassified()['total']:>8}          {total:>14}")
        gone = self.unclassified()
        parts = ", ".join(f"{o} {gone[o.replace(' ', '_')]}" for o in OUTCOMES[1:])
        lines.append(f"unclassified: {gone['total']} of {n} ({parts})")
        for run in self.runs:
            if run.outcome != "classified":
                lines.append(f"  run {run.index}: {run.outcome}: {run.detail}")
        verdict = ("every observed type exists (its exact count is positive)" if self.consistent
                   else "an observed type has no subspace: a defect")
        lines.append(f"consistency: {verdict}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format()


def _outcome(trained, result) -> tuple:
    """``(outcome, detail)`` of a run that ended near no subspace, from its gradient, Hessian and loss."""
    import numpy as np

    numbers = (f"loss {trained.loss:.2e}, |grad| {trained.grad_norm:.2e}, "
               f"smallest Hessian eigenvalue {trained.min_eigenvalue:.2e}, "
               f"largest |weight| {float(np.max(np.abs(trained.theta))):.3g}")
    if not trained.finite:
        return "not converged", "the loss or its Hessian is not finite (the weights diverged)"
    negative = trained.min_eigenvalue < -EIGENVALUE_TOL * max(1.0, trained.max_eigenvalue)
    if trained.grad_norm > GRADIENT_TOL:
        return "not converged", numbers
    if negative:
        return "saddle", numbers
    if trained.loss > LOSS_TOL:
        return "local minimum", numbers
    where = result.reason or "near no subspace"
    return "not converged", f"{numbers}; zero loss but {where}: a slow approach along a degenerate valley"


def _merge(theta, m, d, q, activation, tol):
    """Merge the neurons by incoming vector (up to sign in the sign classes): a narrower point, or ``None``."""
    import numpy as np

    from .activation_classes import activation_class
    from .classify import exact_point

    cls = activation_class(activation)
    W, A = theta[: m * d].reshape(m, d), theta[m * d:].reshape(m, q)
    vectors: list = []
    outgoing: list = []
    for j in range(m):
        if cls.zero_at_origin and np.linalg.norm(W[j]) <= tol:
            continue
        for k, v in enumerate(vectors):
            for s in ((1, -1) if cls.signs else (1,)):
                if np.linalg.norm(W[j] - s * v) <= tol:
                    outgoing[k] = outgoing[k] + (s if cls.signs == "odd" else 1) * A[j]
                    break
            else:
                continue
            break
        else:
            vectors.append(W[j].copy())
            outgoing.append(A[j].copy())
    keep = [k for k in range(len(vectors)) if np.linalg.norm(outgoing[k]) > tol]
    if not keep:
        return None
    try:
        return exact_point(([vectors[k] for k in keep], [outgoing[k] for k in keep]), critical=True)
    except ArgumentValueError:
        return None


def run_experiment(r, m, seeds: int = 20, d: int = 1, d_out: int = 1, activation: str = DEFAULT_ACTIVATION,
                   zero_type: str = GROUPS.name, seed: int = 0, tol: float = DEFAULT_TOL, samples: int | None = None,
                   teacher: Teacher | None = None, show_progress: bool = True) -> ExperimentResult:
    r"""Train ``seeds`` students of width ``m`` on a width-``r`` teacher, classify each, tally by label type.

    Parameters
    ----------
    r, m : int
        Teacher and student widths, :math:`1\le r\le m`.
    seeds : int
        Number of students (random starts).
    d, d_out : int
        Input and output dimensions (of the default teacher).
    activation : str
        An activation of :data:`~symbolic_minima.training.TRAINING_ACTIVATIONS` or a class name
        (its representative); its activation class gives the subspaces.
    zero_type : str
        The global-minimum reading the students are read in (default R2: the whole zero-loss set, so
        a zero-loss student of the class always has a label; R1 counts the singletons reading only).
    seed : int
        Seed of the inputs and of every start (run ``k`` starts from ``numpy.random.default_rng([seed, k])``).
    tol : float
        Classification tolerance (:func:`~symbolic_minima.classify.classify`).
    samples : int, optional
        Number of Gaussian inputs (default :math:`\max(200, 20\,m(d+d_{out}))`).
    teacher : Teacher, optional
        Default :meth:`Teacher.default(r, d, d_out) <symbolic_minima.network.Teacher.default>`.
    show_progress : bool
        A progress bar on a terminal (:mod:`symbolic_minima.progress`).

    Returns
    -------
    ExperimentResult

    Examples
    --------
    >>> result = run_experiment(1, 2, seeds=3, activation="tanh", zero_type="R1", show_progress=False)
    >>> result.consistent, sum(observed for _, observed, _ in result.tallies()) + result.unclassified()["total"]
    (True, 3)
    """
    import numpy as np

    from .activation_classes import activation_class
    from .progress import progress
    from .training import network_outputs, numeric_activation, train_student

    r, m = check_rm(r, m)
    seeds = check_int(seeds, "seeds", 1, 100_000)
    seed = check_int(seed, "seed", 0, 2**63 - 1)
    d = check_int(d, "d", 1, 100)
    d_out = check_int(d_out, "d_out", 1, 100)
    name = numeric_activation(activation)
    cls = activation_class(name)
    reading = get_reading(zero_type, cls.name, family=GLOBAL_MINIMUM)
    if teacher is None:
        teacher = Teacher.default(r, d, d_out)
    elif not isinstance(teacher, Teacher) or teacher.width != r:
        raise ArgumentValueError(f"teacher must be a Teacher of width r = {r}")
    d, d_out = teacher.input_dim, teacher.output_dim
    n_params = m * (d + d_out)
    samples = max(200, 20 * n_params) if samples is None else check_int(samples, "samples", 1, 10**7)
    teacher_theta = np.array([float(v) for v in teacher.flat()])
    X = np.random.default_rng([seed, 2**32 - 1]).standard_normal((samples, d))
    Y = network_outputs(teacher_theta, X, r, d, d_out, name)
    counts = type_counts(r, m, reading, cls.name)
    runs = []
    indices = range(seeds)
    bar = progress(indices, total=seeds, desc="experiment", delay=0.5) if show_progress else indices
    for index in bar:
        trained = train_student(teacher_theta, r, m, X, name, d, d_out, seed=[seed, index])
        if not trained.finite:
            runs.append(Run(index, "not converged", trained.loss, trained.grad_norm, trained.min_eigenvalue,
                            detail="the loss or its Hessian is not finite (the weights diverged)"))
            continue
        result = classify(trained.theta, teacher, cls.name, reading.name, tol)
        if result.label is not None:
            label = Label(result.label)
            runs.append(Run(index, "classified", trained.loss, trained.grad_norm, trained.min_eigenvalue, label,
                            label.type(), result.distance, result.margin, theta=trained.theta))
            continue
        outcome, detail = _outcome(trained, result)
        if outcome == "saddle":
            detail += _saddle_detail(trained.theta, m, d, d_out, name, cls.name, tol, X, Y)
        runs.append(Run(index, outcome, trained.loss, trained.grad_norm, trained.min_eigenvalue,
                        distance=result.distance, margin=result.margin, detail=detail, theta=trained.theta))
    return ExperimentResult(r, m, teacher, name, cls.name, reading, seed, samples, tol, runs, counts)


def _saddle_detail(theta, m, d, q, name, class_name, tol, X, Y) -> str:
    point = _merge(theta, m, d, q, class_name, tol)
    if point is None:
        return "; its neurons merge to no narrower irreducible point"
    result = classify(theta, critical_point=point, activation=class_name, tol=tol, data=(X, Y))
    if result.label is None:
        return f"; not on a critical subspace of the width-{point.width} point its neurons merge to"
    kernel = result.kernel or {"neurons": []}
    dims = ", ".join(f"dim ker M_{k['neuron']} = {k['dim_ker']}" for k in kernel["neurons"])
    return (f"; symmetry-induced: on the critical subspace {Label(result.label).format()} of the width-"
            f"{point.width} critical point its neurons merge to (distance {result.distance:.1e}; {dims})")
