r"""Place float parameters on the exact landscape: classify, project, snap.

A trained network is a point :math:`\theta=(w_1..w_m, a_1..a_m)` of floats.
:func:`classify` finds the subspace of the landscape it lies near, in one
reading and activation class, *without enumerating subspaces*:

1. **pin** each neuron to the nearest of the teacher's vectors :math:`s\,w^*_i`
   (signs :math:`s=\pm1` in the sign classes) and, where a role pins it, the
   origin (dead and parked neurons), when it lies within ``tol`` of it;
2. **cluster** the other neurons (zero-type neurons; in the ``groups``
   reading, zero-sum groups): single linkage of their incoming vectors at
   distance ``tol`` (up to sign in the sign classes); a cluster whose
   outgoing weights all lie within ``tol`` of 0 is read as zero-type
   neurons, any other cluster of two or more as a zero-sum group;
3. read the **label** off (canonical, in the convention of
   ``symbolic-minima subspaces --json``: integers in the generic class,
   tokens in the others) and **project** :math:`\theta` orthogonally onto its
   subspace (least squares on the exact equations of
   :func:`~symbolic_minima.subspaces.label_rows`, block by block);
4. the **distance** :math:`\lVert\theta-\Pi\theta\rVert` decides the kind:
   the reading's family (``global_minimum`` or ``critical``) when it is at most
   ``tol``, else ``none`` (an answer, not an error: the student is near no
   subspace of this reading).

Every step compares a number with ``tol`` (a neuron's distance to its
nearest pin, an edge of the clustering's spanning tree, the largest outgoing
weight of a cluster, the final distance, half the separation of the pins).
The **margin** is the smallest gap between ``tol`` and those numbers, so the
answer is the same for every positive tolerance in :math:`(\mathrm{tol}-\mathrm{margin},
\mathrm{tol}+\mathrm{margin})` (tested), and it changes at one of the two ends
when the deciding number matters.  A margin close to ``tol`` means every
deciding number is far below it (a clear-cut answer); a small margin, that
some neuron sits near the threshold.

:func:`snap` rounds the projection to rationals with small denominators
(:meth:`fractions.Fraction.limit_denominator` with a growing bound, on the
subspace's free parameters; the others follow exactly from its equations),
checks the rational point lies exactly in the subspace, and certifies the
subspace with the exact certificates of :mod:`symbolic_minima.verify`
(function identity for global minima, criticality for critical subspaces:
signed replicas, dead and parked neurons included), with the undefined
:math:`\sigma` of the activation class
(:func:`~symbolic_minima.network.class_sigma`, exactly the class's
symmetries), so a float experiment ends in a proved statement about every
activation of the class.

numpy is imported inside the functions (extra ``numeric``).

>>> from symbolic_minima.network import Teacher
>>> teacher = Teacher([[1], [2]], [1, 2])
>>> student = ([[1.0], [2.0], [1.0], [-0.7]], [0.25, 2.0, 0.75, 1e-9])
>>> result = classify(student, teacher)
>>> result.kind, result.label, result.distance < 1e-8
('global_minimum', (1, 2, 1, 0), True)
>>> s = result.snap()
>>> s.certified, s.point[-4:]
(True, (Fraction(1, 4), Fraction(2, 1), Fraction(3, 4), Fraction(0, 1)))
>>> classify(([[1.0], [2.0], [1.3]], [1.0, 2.0, 0.5]), teacher).kind
'none'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .activation_classes import activation_class
from .errors import ArgumentTypeError, ArgumentValueError, check_width, contains_text
from .exact import exact_value, to_fraction
from .labels import Label
from .network import CriticalPoint, Teacher
from .readings import CRITICAL, DEFAULT_ZERO_TYPE, GLOBAL_MINIMUM, Reading, critical_reading, get_reading
from .roles import SubspaceLayout, ZeroSumGroup, ZeroTypeNeuron

if TYPE_CHECKING:  # pragma: no cover
    from .verify import Certificate

__all__ = [
    "classify",
    "Classification",
    "snap",
    "Snap",
    "project",
    "student_arrays",
    "exact_point",
    "flat_parameters",
    "DEFAULT_TOL",
    "NONE",
]

#: Default tolerance on distances in parameter space (absolute, Euclidean).
DEFAULT_TOL = 1e-3
#: The kind of a point that lies near no subspace of the reading.
NONE = "none"

#: Largest width :func:`classify` accepts (projection and clustering are dense in the free neurons).
MAX_STUDENT_WIDTH = 100_000


def _numpy():
    try:
        import numpy
    except ImportError:  # pragma: no cover - numpy is in the numeric extra
        raise ArgumentValueError("classify needs numpy: pip install 'symbolic-minima[numeric]'") from None
    return numpy


# ---------------------------------------------------------------------------
# input


def _to_array(value, name: str):
    """A float array from numbers, nested lists, numpy arrays or tensors (``.detach()``); text is refused."""
    np = _numpy()
    if hasattr(value, "detach") and callable(value.detach):  # a torch tensor
        value = value.detach().cpu().numpy()
    if isinstance(value, (str, bytes)) or contains_text(value):
        raise ArgumentTypeError(f"{name} must hold numbers, not text")
    if isinstance(value, (list, tuple)):
        value = [_to_array(v, name) if not _is_number(v) else v for v in value]
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ArgumentValueError(f"{name} must be an array of numbers with a regular shape ({exc})") from None
    return array


def _is_number(value) -> bool:
    return isinstance(value, (int, float, Fraction)) and not isinstance(value, bool)


def _check_finite(array, name: str):
    np = _numpy()
    bad = ~np.isfinite(array)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ArgumentValueError(f"{name} must be finite; entry {where} is {array[where]}")
    return array


def student_arrays(params, d: int | None = None, d_out: int | None = None, name: str = "params"):
    r"""``(W, A)``: the incoming vectors (``m x d``) and outgoing weights (``m x d_out``) of a student, as floats.

    ``params`` is one of

    * a pair ``(W, A)``: ``W`` of shape ``(m, d)`` (or ``(m,)`` when ``d = 1``),
      ``A`` of shape ``(m,)`` or ``(m, d_out)`` (the teacher schema's order);
    * a mapping with keys ``"incoming"`` and ``"outgoing"`` (the teacher JSON schema);
    * any other mapping: the state dict of a bias-free two-layer model, its two
      weight arrays in order, the first layer ``(m, d)`` and the second
      ``(d_out, m)`` (``torch.nn.Linear`` order); entries whose key ends in
      ``bias`` must be zero;
    * a flat vector of length :math:`m(d+d_{out})` ordered like
      :attr:`TwoLayerNetwork.parameters <symbolic_minima.network.TwoLayerNetwork.parameters>`
      (all :math:`w`, neuron-major, then all :math:`a`), when ``d`` and ``d_out`` are given;
    * a :class:`~symbolic_minima.network.Teacher` (its exact values as floats).

    Arrays may be numpy arrays, nested lists or tensors with ``.detach()``.
    Text, NaN and infinities are refused, and so are shapes that do not fit
    ``d`` / ``d_out`` (when given).

    >>> W, A = student_arrays({"0.weight": [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], "2.weight": [[7.0, 8.0, 9.0]]})
    >>> W.shape, A.ravel().tolist()
    ((3, 2), [7.0, 8.0, 9.0])
    >>> student_arrays([0.5, 1.0, 2.0, -1.0], d=1, d_out=1)[1].ravel().tolist()
    [2.0, -1.0]
    >>> student_arrays(([1.0, float("nan")], [1.0, 1.0]))
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: params incoming vectors must be finite; entry (1, 0) is nan
    """
    np = _numpy()
    if isinstance(params, Teacher):
        W = np.array([[float(v) for v in w] for w in params.incoming])
        A = np.array([[float(v) for v in params.outgoing_tuple(i)] for i in range(1, params.width + 1)])
        return _shaped(W, A, d, d_out, name)
    if isinstance(params, dict) or (hasattr(params, "keys") and hasattr(params, "items")):
        items = list(params.items())
        keys = {str(k) for k, _ in items}
        if {"incoming", "outgoing"} <= keys:
            return _shaped(_to_array(params["incoming"], f"{name} incoming"),
                           _to_array(params["outgoing"], f"{name} outgoing"), d, d_out, name)
        weights = []
        for key, value in items:
            array = _to_array(value, f"{name}[{key!r}]")
            if str(key).endswith("bias"):
                if np.any(array != 0):
                    raise ArgumentValueError(f"{name}[{key!r}] is a non-zero bias: the networks here are bias-free")
                continue
            weights.append((key, array))
        if len(weights) != 2:
            raise ArgumentValueError(
                f"{name} must hold exactly two weight arrays (first layer m x d, second d_out x m); "
                f"got {len(weights)}"
            )
        (k1, W), (k2, A) = weights
        if W.ndim != 2:
            raise ArgumentValueError(f"{name}[{k1!r}] must be a matrix m x d, got shape {W.shape}")
        if A.ndim == 1:
            A = A[None, :]
        if A.ndim != 2 or A.shape[1] != W.shape[0]:
            raise ArgumentValueError(
                f"{name}[{k2!r}] must be a matrix d_out x m with m = {W.shape[0]}, got shape {A.shape}"
            )
        return _shaped(W, A.T, d, d_out, name)
    if isinstance(params, (list, tuple)) and len(params) == 2 and not all(_is_number(v) for v in params):
        return _shaped(_to_array(params[0], f"{name} incoming vectors"),
                       _to_array(params[1], f"{name} outgoing weights"), d, d_out, name)
    flat = _to_array(params, name)
    if flat.ndim != 1:
        raise ArgumentValueError(
            f"{name} must be a pair (W, A), a mapping or a flat vector; got an array of shape {flat.shape}"
        )
    if d is None or d_out is None:
        raise ArgumentValueError(f"a flat {name} vector needs the dimensions d and d_out (from the teacher)")
    per = d + d_out
    if flat.size == 0 or flat.size % per:
        raise ArgumentValueError(f"{name} has {flat.size} entries, not a positive multiple of d + d_out = {per}")
    m = flat.size // per
    return _shaped(flat[: m * d].reshape(m, d), flat[m * d:].reshape(m, d_out), d, d_out, name)


def _shaped(W, A, d, d_out, name):
    np = _numpy()
    W = np.array(W, dtype=float)
    A = np.array(A, dtype=float)
    if W.ndim == 1:
        W = W[:, None]
    if A.ndim == 1:
        A = A[:, None]
    if W.ndim != 2 or A.ndim != 2:
        raise ArgumentValueError(f"{name}: incoming vectors must be m x d and outgoing weights m x d_out; "
                                 f"got shapes {W.shape} and {A.shape}")
    m = W.shape[0]
    if m == 0:
        raise ArgumentValueError(f"{name} must have at least one neuron")
    if A.shape[0] != m:
        raise ArgumentValueError(f"{name} has {m} incoming vectors but {A.shape[0]} outgoing weights; they must match")
    if d is not None and W.shape[1] != d:
        raise ArgumentValueError(f"{name} has input dimension {W.shape[1]} but the teacher has d = {d}")
    if d_out is not None and A.shape[1] != d_out:
        raise ArgumentValueError(f"{name} has output dimension {A.shape[1]} but the teacher has d_out = {d_out}")
    check_width(m, f"{name} width m", maximum=MAX_STUDENT_WIDTH)
    _check_finite(W, f"{name} incoming vectors")
    _check_finite(A, f"{name} outgoing weights")
    return W, A


def flat_parameters(W, A):
    """The flat vector (all :math:`w` neuron-major, then all :math:`a`) of ``(W, A)``."""
    np = _numpy()
    return np.concatenate([np.asarray(W, dtype=float).ravel(), np.asarray(A, dtype=float).ravel()])


def exact_point(point, critical: bool = False):
    """An exact :class:`Teacher` (or :class:`CriticalPoint`) from a Teacher or float parameters.

    Float parameters (anything :func:`student_arrays` reads) are taken at their
    exact binary values (``Fraction(float)``); the result must be irreducible.
    Symbolic teachers are refused (the classification is numeric).

    >>> exact_point(([[0.5], [2.0]], [1.0, -0.25]))
    Teacher(incoming=[['1/2'], ['2']], outgoing=['1', '-1/4'])
    """
    cls = CriticalPoint if critical else Teacher
    name = "critical_point" if critical else "teacher"
    if isinstance(point, Teacher):
        if not point.is_exact_rational:
            raise ArgumentValueError(f"the {name} must have rational (not symbolic) parameters to classify against")
        return point if isinstance(point, cls) else cls(point.incoming, point.outgoing)
    W, A = student_arrays(point, name=name)
    incoming = [[Fraction(float(v)) for v in w] for w in W]
    outgoing = ([Fraction(float(a[0])) for a in A] if A.shape[1] == 1
                else [[Fraction(float(v)) for v in a] for a in A])
    return cls(incoming, outgoing)


# ---------------------------------------------------------------------------
# the roles of a reading, as the classifier needs them


@dataclass(frozen=True)
class _Roles:
    reading: Reading
    signs: tuple            # (1,) or (1, -1): the signs a neuron may carry relative to a teacher vector
    zero: Any               # the zero-type role (free w, a = 0) or None
    pin_zero: Any           # the dead / parked role (w = 0) or None
    group: Any              # the zero-sum group role or None

    @classmethod
    def of(cls, reading: Reading) -> _Roles:
        zero = pin_zero = group = None
        for role in reading.free_roles:
            if role.pins_zero:
                pin_zero = role
            elif isinstance(role, ZeroTypeNeuron):
                zero = role
            elif isinstance(role, ZeroSumGroup):
                group = role
            else:
                raise ArgumentValueError(f"classify does not know the free role {role!r} of reading {reading.name!r}")
        signs = (1, -1) if reading.replica.signed else (1,)
        return cls(reading, signs, zero, pin_zero, group)


# ---------------------------------------------------------------------------
# the result


@dataclass
class Classification:
    r"""Where a float point lies on the exact landscape (see :func:`classify`).

    ``kind`` is :data:`~symbolic_minima.readings.GLOBAL_MINIMUM`, :data:`~symbolic_minima.readings.CRITICAL`
    or ``"none"``;
    ``label`` the canonical label of the subspace (``None`` when ``kind`` is
    ``"none"``; ``candidate`` then holds the label read off, if any);
    ``distance`` :math:`\lVert\theta-\Pi\theta\rVert` to the label's subspace
    (``None`` when no label could be read off); ``margin`` the smallest gap
    between ``tol`` and a number compared with it (``margin_reason`` says
    which); ``reason`` why the kind is ``"none"``.  ``projection`` is the
    projected point (flat, parameter order), ``point`` the exact teacher or
    critical point, ``kernel`` (critical points with data) the numeric
    :math:`\dim\ker M_i` report of
    :func:`~symbolic_minima.training.kernel_dimensions`.
    """

    kind: str
    label: Label | None
    distance: float | None
    margin: float
    tol: float
    reading: Reading
    activation_class: str
    point: Teacher
    params: Any
    projection: Any = None
    candidate: Label | None = None
    reason: str = ""
    margin_reason: str = ""
    kernel: dict | None = None
    snapped: Snap | None = field(default=None, repr=False)

    @property
    def family(self) -> str:
        """The reading's family (``global_minimum`` or ``critical``), whatever the kind."""
        return self.reading.family

    @property
    def width(self) -> int:
        """The student width :math:`m`."""
        return len(self.params) // (self.point.input_dim + self.point.output_dim)

    @property
    def certified(self) -> bool | None:
        """``None`` before :meth:`snap`, else whether the snap is certified."""
        return None if self.snapped is None else self.snapped.certified

    def subspace(self):
        """The exact :class:`~symbolic_minima.subspaces.AffineSubspace` of :attr:`label` (or the candidate)."""
        from .subspaces import subspace_of

        label = self.label if self.label is not None else self.candidate
        if label is None:
            raise ArgumentValueError("no label was read off: there is no subspace to build")
        return subspace_of(self.reading, self.point, label)

    def snap(self, max_denominator: int = 10**12, target: float | None = None) -> Snap:
        """:func:`snap` this classification (the result is also kept in :attr:`snapped`)."""
        self.snapped = snap(self, max_denominator=max_denominator, target=target)
        return self.snapped

    def to_json(self) -> dict:
        """``kind``, ``label``, ``distance``, ``margin``, ``certified`` and context (reading, class, tol, reason)."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "label": None if self.label is None else list(self.label),
            "distance": self.distance,
            "margin": self.margin,
            "certified": self.certified,
            "tol": self.tol,
            "reading": self.reading.short_name,
            "zero_type": None if self.reading.is_critical else self.reading.name,
            "activation_class": self.activation_class,
        }
        if self.candidate is not None:
            out["candidate"] = list(self.candidate)
        if self.reason:
            out["reason"] = self.reason
        if self.margin_reason:
            out["margin_reason"] = self.margin_reason
        if self.snapped is not None:
            out["snap"] = self.snapped.to_json()
        if self.kernel is not None:
            out["kernel"] = self.kernel
        return out

    def describe(self) -> str:
        """A few lines for people (what the command line prints)."""
        where = f"{self.reading.short_name} ({self.reading.name}), class {self.activation_class}"
        lines = [f"kind: {self.kind}"]
        if self.label is not None:
            lines.append(f"label: {Label(self.label).format()}")
        elif self.candidate is not None:
            lines.append(f"nearest candidate: {Label(self.candidate).format()}")
        if self.distance is not None:
            lines.append(f"distance: {self.distance:.3e} (tol {self.tol:g}, margin {self.margin:.3e}: "
                         f"{self.margin_reason})")
        else:
            lines.append(f"margin: {self.margin:.3e} ({self.margin_reason})")
        if self.reason:
            lines.append(f"reason: {self.reason}")
        lines.append(f"reading: {where}")
        if self.kernel is not None:
            dims = ", ".join(f"dim ker M_{k['neuron']} = {k['dim_ker']}" for k in self.kernel["neurons"])
            lines.append(f"numeric criticality: |grad| {self.kernel['grad_norm']:.2e}; {dims}")
        if self.snapped is not None:
            lines.append(f"snap: {self.snapped.statement}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()

    def _latex(self, printer=None) -> str:
        if self.label is None:
            return (r"\theta \text{ lies near no subspace of " + self.reading.short_name
                    + r" (tol } %s\text{)}" % _latex_float(self.tol))
        name = ", ".join(str(v) for v in self.label)
        sup = r"^{\mathrm{crit}}" if self.kind == CRITICAL else ""
        return (rf"\operatorname{{dist}}(\theta, \Gamma{sup}_{{({name})}}) = {_latex_float(self.distance)}"
                rf"\quad(\text{{tol }} {_latex_float(self.tol)},\ \text{{margin }} {_latex_float(self.margin)})")

    def _repr_latex_(self) -> str:
        return f"$${self._latex()}$$"


def _latex_float(x) -> str:
    if x is None:
        return r"\text{n/a}"
    if x == 0:
        return "0"
    mantissa, exponent = f"{x:.3e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


# ---------------------------------------------------------------------------
# classification


def _check_tol(tol) -> float:
    if isinstance(tol, bool) or not isinstance(tol, (int, float, Fraction)):
        raise ArgumentTypeError(f"tol must be a positive number, got {type(tol).__name__}")
    tol = float(tol)
    if not (math.isfinite(tol) and tol > 0):
        raise ArgumentValueError(f"tol must be a positive finite number, got {tol}")
    return tol


def _references(point: Teacher, roles: _Roles):
    """``(vectors, tags)``: the signed teacher vectors (and 0 where a role pins it), tags ``(i, sign)`` / ``(0, 1)``."""
    np = _numpy()
    vectors, tags, exact = [], [], []
    for i, w in enumerate(point.incoming, 1):
        wf = tuple(to_fraction(v) for v in w)
        for s in roles.signs:
            vectors.append([float(s * v) for v in wf])
            exact.append(tuple(s * v for v in wf))
            tags.append((i, s))
    if roles.pin_zero is not None:
        vectors.append([0.0] * point.input_dim)
        exact.append(tuple(Fraction(0) for _ in range(point.input_dim)))
        tags.append((0, 1))
    seen: dict = {}
    for tag, v in zip(tags, exact, strict=True):
        if v in seen and seen[v][0] != tag[0]:
            (i, _), (k, _) = seen[v], tag
            raise ArgumentValueError(
                f"the {'critical point' if isinstance(point, CriticalPoint) else 'teacher'} is reducible for the "
                f"activation class: w_{i} = -w_{k} (neurons whose vectors differ by a sign merge)"
            )
        seen[v] = tag
    return np.array(vectors, dtype=float), tags


def _spanning_tree(V, signed: bool):
    """Prim's minimum spanning tree of the rows of ``V`` under :math:`\\min(\\lVert u-v\\rVert,\\lVert u+v\\rVert)`
    (``signed``) or :math:`\\lVert u-v\\rVert`; returns edges ``(parent, child, weight, sign)``."""
    np = _numpy()
    n = len(V)
    if n <= 1:
        return []

    def distances(k):
        plus = np.linalg.norm(V - V[k], axis=1)
        if not signed:
            return plus, np.ones(n, dtype=int)
        minus = np.linalg.norm(V + V[k], axis=1)
        return np.minimum(plus, minus), np.where(plus <= minus, 1, -1)

    in_tree = np.zeros(n, dtype=bool)
    in_tree[0] = True
    best, sign = distances(0)
    parent = np.zeros(n, dtype=int)
    edges = []
    for _ in range(n - 1):
        k = int(np.argmin(np.where(in_tree, np.inf, best)))
        edges.append((int(parent[k]), k, float(best[k]), int(sign[k])))
        in_tree[k] = True
        dk, sk = distances(k)
        better = ~in_tree & (dk < best)
        best = np.where(better, dk, best)
        sign = np.where(better, sk, sign)
        parent = np.where(better, k, parent)
    return edges


def _clusters(edges, n: int, tol: float):
    """Components of the edges of weight <= tol, each ``[(member, sign relative to its first member)]``."""
    adjacency: dict[int, list] = {k: [] for k in range(n)}
    for p, c, weight, s in edges:
        if weight <= tol:
            adjacency[p].append((c, s))
            adjacency[c].append((p, s))
    seen: dict[int, int] = {}
    clusters = []
    for start in range(n):
        if start in seen:
            continue
        seen[start] = 1
        stack, members = [start], [(start, 1)]
        while stack:
            u = stack.pop()
            for v, s in adjacency[u]:
                if v not in seen:
                    seen[v] = seen[u] * s
                    members.append((v, seen[v]))
                    stack.append(v)
        clusters.append(sorted(members))
    return clusters


def classify(params, teacher=None, activation=None, zero_type: str = DEFAULT_ZERO_TYPE, tol: float = DEFAULT_TOL,
             critical_point=None, data=None) -> Classification:
    r"""The subspace of the landscape that float parameters lie near (see the module docstring).

    Parameters
    ----------
    params
        The student: anything :func:`student_arrays` reads (a pair ``(W, A)``,
        a state dict, the teacher JSON schema, a flat vector), width
        :math:`m\ge r`.
    teacher : Teacher or float parameters
        The teacher (exact, or floats taken at their exact binary values); not
        needed with ``critical_point``.
    activation : str, optional
        An activation class or activation name (``"tanh"`` is ``odd``; default generic).
    zero_type : str
        The global-minimum reading (R1 or R2, name or alias).
    tol : float
        Distance threshold (absolute, Euclidean, in parameter space).
    critical_point : CriticalPoint or float parameters, optional
        Classify against the symmetry-induced critical subspaces of this
        width-:math:`r` critical point instead (the critical reading of the class).
    data : (X, Y), optional
        With ``critical_point``: the inputs (``N x d``) and targets
        (``N x d_out``) it is critical for; adds the numeric
        :math:`\dim\ker M_i` report (needs a numeric ``activation`` name).

    Returns
    -------
    Classification

    Examples
    --------
    >>> from symbolic_minima.network import Teacher
    >>> t = Teacher([[1]], [2])
    >>> r = classify(([[1.0], [-1.0], [0.0]], [1.5, -0.5, 7.0]), t, activation="tanh")
    >>> r.kind, r.label
    ('global_minimum', ('+1', '-1', 'd'))
    >>> classify(([[1.0], [1.0]], [0.5, 1.5]), critical_point=t).label
    (1, 1)
    """
    np = _numpy()
    cls = activation_class(activation)
    tol = _check_tol(tol)
    if critical_point is not None:
        point = exact_point(critical_point, critical=True)
        reading = critical_reading(cls.name)
    else:
        if teacher is None:
            raise ArgumentValueError("classify needs a teacher (or a critical_point)")
        point = exact_point(teacher)
        reading = get_reading(zero_type, cls.name, family=GLOBAL_MINIMUM)
    r, d, q = point.width, point.input_dim, point.output_dim
    W, A = student_arrays(params, d, q)
    m = W.shape[0]
    if m < r:
        raise ArgumentValueError(f"the student has width m = {m}, narrower than the width r = {r} it is compared with")
    roles = _Roles.of(reading)
    theta = flat_parameters(W, A)
    refs, tags = _references(point, roles)
    quantities: list = []  # (value, what): every number compared with tol

    separation = min((float(np.linalg.norm(refs[a] - refs[b])) for a in range(len(refs)) for b in range(a)),
                     default=math.inf)
    if tol >= separation / 2:
        raise ArgumentValueError(
            f"tol = {tol:g} must be below half the distance between the pinned vectors "
            f"({'+-' if len(roles.signs) > 1 else ''}w_i{' and 0' if roles.pin_zero else ''}): {separation / 2:.3g}"
        )
    quantities.append((separation / 2, "half the separation of the pinned vectors"))

    # 1. pins
    dist = np.linalg.norm(W[:, None, :] - refs[None, :, :], axis=2)
    nearest = np.argmin(dist, axis=1)
    e = dist[np.arange(m), nearest]
    entries: list = [None] * m
    for j in range(m):
        quantities.append((float(e[j]), f"distance of neuron {j + 1} to its nearest pinned vector"))
        if e[j] <= tol:
            entries[j] = ("pin", *tags[int(nearest[j])])
    blocks: dict[int, list] = {i: [] for i in range(1, r + 1)}
    for j, entry in enumerate(entries):
        if entry is not None and entry[1] > 0:
            blocks[entry[1]].append(j)

    # 2. the other neurons
    free = [j for j in range(m) if entries[j] is None]
    reason = ""
    a_norm = np.linalg.norm(A, axis=1)
    if free and roles.group is not None:
        edges = _spanning_tree(W[free], signed=bool(roles.group.signed))
        for p, c, weight, _ in edges:
            quantities.append((weight, f"spanning-tree edge between neurons {free[p] + 1} and {free[c] + 1}"))
        groups = 0
        for cluster in _clusters(edges, len(free), tol):
            members = [(free[k], s) for k, s in cluster]
            if len(members) > 1:
                largest = max(float(a_norm[j]) for j, _ in members)
                if roles.zero is not None:
                    quantities.append((largest, f"largest outgoing weight of the cluster of neuron "
                                                f"{members[0][0] + 1}"))
                if roles.zero is None or largest > tol:
                    groups += 1
                    for j, s in members:
                        entries[j] = ("group", groups, s)
                    continue
            for j, _ in members:
                entries[j] = ("zero",)
    elif free:
        for j in free:
            entries[j] = ("zero",) if roles.zero is not None else None
    stray = [j for j in range(m) if entries[j] is None]
    if stray:
        j = stray[0]
        what = "+-w_i" if len(roles.signs) > 1 else "w_i"
        reason = (f"neuron {j + 1} is {float(e[j]):.3g} from the nearest {what}"
                  f"{' or 0' if roles.pin_zero else ''}, and reading {reading.short_name} has no role for it")
    else:
        empty = [i for i, members in blocks.items() if not members]
        if empty:
            i = empty[0]
            columns = [k for k, tag in enumerate(tags) if tag[0] == i]
            near = dist[:, columns].min(axis=1)
            j = int(np.argmin(near))
            who = "critical-point" if critical_point is not None else "teacher"
            reason = (f"no student neuron lies within tol of {who} neuron {i}'s vector "
                      f"(the nearest, neuron {j + 1}, is {float(near[j]):.3g} away)")
    margin, margin_reason = _margin(quantities, tol)
    common = dict(tol=tol, reading=reading, activation_class=cls.name, point=point, params=theta)
    if reason:
        return Classification(NONE, None, None, margin, reason=reason, margin_reason=margin_reason, **common)

    # 3. the label, and the projection onto its subspace
    label = _label(entries, reading, roles)
    if not reading.is_label(label, r):  # pragma: no cover - a defect, not bad input
        raise AssertionError(f"classify built {label}, not a label of {reading.name}")
    projection = _project(theta, reading, point, label, m)
    distance = float(np.linalg.norm(theta - projection))
    quantities.append((distance, "distance to the subspace"))
    margin, margin_reason = _margin(quantities, tol)
    kernel = None
    if critical_point is not None and data is not None:
        from .training import kernel_dimensions

        kernel = kernel_dimensions(point, data[0], data[1], activation)
    if distance <= tol:
        return Classification(reading.family, label, distance, margin, projection=projection,
                              margin_reason=margin_reason, kernel=kernel, **common)
    reason = f"the nearest subspace read off, {Label(label).format()}, is {distance:.3g} away (tol {tol:g})"
    return Classification(NONE, None, distance, margin, projection=projection, candidate=label, reason=reason,
                          margin_reason=margin_reason, kernel=kernel, **common)


def _margin(quantities, tol):
    value, what = min(((abs(v - tol), w) for v, w in quantities), key=lambda t: t[0])
    return value, what


def _label(entries, reading: Reading, roles: _Roles) -> Label:
    tokens = reading.uses_tokens
    values: list = []
    for entry in entries:
        if entry[0] == "pin":
            _, i, s = entry
            if i == 0:
                values.append(roles.pin_zero.token(0))
            else:
                values.append(reading.replica.token(i, s) if tokens else i)
        elif entry[0] == "zero":
            values.append(roles.zero.token(0) if tokens else 0)
        else:
            _, c, s = entry
            values.append(roles.group.token(c, s) if tokens else -c)
    return Label(values).canonical()


def _layout(point: Teacher, m: int) -> SubspaceLayout:
    d, q = point.input_dim, point.output_dim
    w_cols = tuple(tuple(j * d + k for k in range(d)) for j in range(m))
    a_cols = tuple(tuple(m * d + j * q + l for l in range(q)) for j in range(m))
    incoming = tuple(tuple(exact_value(v) for v in w) for w in point.incoming)
    outgoing = tuple(tuple(exact_value(v) for v in point.outgoing_tuple(i)) for i in range(1, point.width + 1))
    return SubspaceLayout(d, q, w_cols, a_cols, incoming, outgoing)


@lru_cache(maxsize=64)
def _cached_layout(point: Teacher, m: int) -> SubspaceLayout:
    return _layout(point, m)


def _project(theta, reading: Reading, point: Teacher, label, m: int):
    """Orthogonal projection of ``theta`` onto the subspace of ``label``: least squares on its exact equations,
    one connected block of equations at a time (blocks of a label share no parameter)."""
    np = _numpy()
    from .subspaces import label_rows

    rows = label_rows(reading, label, _cached_layout(point, m))
    parent: dict = {}

    def find(c):
        while parent.setdefault(c, c) != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for _, coefs, _ in rows:
        cols = list(coefs)
        root = find(cols[0])
        for c in cols[1:]:
            other = find(c)
            if other != root:
                parent[other] = root
    groups: dict = {}
    for row in rows:
        groups.setdefault(find(next(iter(row[1]))), []).append(row)
    projection = np.array(theta, dtype=float)
    for block in groups.values():
        cols = sorted({c for _, coefs, _ in block for c in coefs})
        index = {c: k for k, c in enumerate(cols)}
        M = np.zeros((len(block), len(cols)))
        b = np.empty(len(block))
        for k, (_, coefs, rhs) in enumerate(block):
            for c, v in coefs.items():
                M[k, index[c]] = float(v)
            b[k] = float(rhs)
        x = theta[cols]
        residual = M @ x - b
        projection[cols] = x - M.T @ np.linalg.solve(M @ M.T, residual)
    return projection


def project(params, teacher, label, activation=None, zero_type: str = DEFAULT_ZERO_TYPE, critical: bool = False):
    r"""``(projection, distance)``: the orthogonal projection of float ``params`` onto the subspace of ``label``.

    ``label`` is validated in the reading (``zero_type``, or the critical
    reading when ``critical``) of the activation class; ``teacher`` is the
    teacher (or critical point).  The projection is flat, in parameter order.

    >>> from symbolic_minima.network import Teacher
    >>> p, dist = project(([[1.0], [1.0]], [1.0, 1.5]), Teacher([[1]], [2]), (1, 1))
    >>> p.tolist(), round(dist, 12)
    ([1.0, 1.0, 0.75, 1.25], 0.353553390593)
    """
    np = _numpy()
    cls = activation_class(activation)
    point = exact_point(teacher, critical=critical)
    reading = (critical_reading(cls.name) if critical
               else get_reading(zero_type, cls.name, family=GLOBAL_MINIMUM))
    W, A = student_arrays(params, point.input_dim, point.output_dim)
    label = Label(tuple(label))
    if len(label) != W.shape[0] or not reading.is_label(label, point.width):
        raise ArgumentValueError(f"label {tuple(label)} is not a {reading.name} label of width {W.shape[0]} "
                                 f"over r = {point.width} in class {cls.name}")
    theta = flat_parameters(W, A)
    projection = _project(theta, reading, point, label, W.shape[0])
    return projection, float(np.linalg.norm(theta - projection))


# ---------------------------------------------------------------------------
# exact certificates


@dataclass
class Snap:
    r"""A rational point of a classified subspace near the float point, and its certificate.

    ``point`` (``Fraction`` values in parameter order) lies exactly in the
    subspace (``in_subspace``); ``bound`` is the last denominator bound
    tried; ``denominator`` the largest denominator in the point;
    ``distance_squared`` the exact :math:`\lVert\theta-\theta_q\rVert^2` from
    the float point (its exact binary value); ``certificate`` the exact
    certificate of the subspace, for the undefined :math:`\sigma` of the
    activation class (:func:`~symbolic_minima.network.class_sigma`);
    ``certified`` holds when both checks hold.
    """

    point: tuple
    bound: int
    denominator: int
    in_subspace: bool
    distance_squared: Fraction
    certificate: Certificate

    @property
    def certified(self) -> bool:
        return bool(self.in_subspace and self.certificate.holds)

    @property
    def distance(self) -> float:
        """:math:`\\lVert\\theta-\\theta_q\\rVert` (the square root of the exact ``distance_squared``)."""
        return math.sqrt(self.distance_squared)

    @property
    def statement(self) -> str:
        """One line: what is proved (or why not)."""
        where = "lies exactly in the subspace" if self.in_subspace else "does NOT lie in the subspace"
        head = (f"rational point (denominators <= {self.denominator}) at distance {self.distance:.3e} from theta "
                f"{where}")
        return f"{head}; {self.certificate.name} {self.certificate.verdict}: {self.certificate.statement}"

    def to_json(self) -> dict:
        return {
            "certified": self.certified,
            "in_subspace": self.in_subspace,
            "denominator": self.denominator,
            "distance": self.distance,
            "distance_squared": str(self.distance_squared),
            "point": [str(v) for v in self.point],
            "certificate": self.certificate.to_json(),
        }

    def _latex(self, printer=None) -> str:
        verdict = r"\checkmark" if self.certified else r"\times"
        return (rf"\lVert\theta-\theta_{{\mathbb Q}}\rVert^2 = {_fraction_latex(self.distance_squared)},\quad "
                rf"\theta_{{\mathbb Q}}\in\Gamma\ {verdict}")

    def _repr_latex_(self) -> str:
        return f"$${self._latex()}$$"


def _fraction_latex(x: Fraction) -> str:
    if x.denominator == 1:
        return str(x.numerator)
    sign = "-" if x < 0 else ""
    return rf"{sign}\frac{{{abs(x.numerator)}}}{{{x.denominator}}}"


def snap(result: Classification, max_denominator: int = 10**12, target: float | None = None) -> Snap:
    r"""Round a classification's projection to a rational point of its subspace and certify it exactly.

    The free parameters of the subspace (non-pivot columns of its canonical
    equations) are rounded with :meth:`Fraction.limit_denominator`, the
    bound growing ``1, 10, 100, ...`` up to ``max_denominator`` until the
    rational point is within ``target`` (default: the classification's
    distance, at least :math:`10^{-12}` times the largest parameter) of the
    projection; the other parameters follow exactly from the equations.
    Then exactly: the point lies in the subspace
    (:meth:`AffineSubspace.contains`), and the subspace is certified:
    :func:`~symbolic_minima.verify.certify_function_identity` for a global
    minimum, :func:`~symbolic_minima.verify.certify_criticality` for a
    critical subspace (every role: signed replicas, dead and parked
    neurons), both with ``activation`` the classification's class, i.e. the
    undefined :math:`\sigma` of :func:`~symbolic_minima.network.class_sigma`
    (exactly the class's symmetries), so the certificate holds for every
    activation of the class.

    >>> from symbolic_minima.network import Teacher
    >>> r = classify(([[1.0], [1.0], [0.3]], [0.5, 1.5, 0.0]), Teacher([[1]], [2]))
    >>> s = snap(r)
    >>> s.certified, [str(v) for v in s.point], s.distance_squared == (Fraction(0.3) - Fraction(3, 10)) ** 2
    (True, ['1', '1', '3/10', '1/2', '3/2', '0'], True)

    A signed split with a parked neuron, near a critical point of the odd class:

    >>> from symbolic_minima.network import CriticalPoint
    >>> r = classify(([[1.0], [-1.0], [1e-9]], [2.0, -1.0, 0.0]), activation="tanh",
    ...              critical_point=CriticalPoint([[1]], [3]))
    >>> s = snap(r)
    >>> r.label, s.certified, s.certificate.name
    (('+1', '-1', 'p'), True, 'criticality')
    """
    from .verify import certify_criticality, certify_function_identity

    if not isinstance(result, Classification):
        raise ArgumentTypeError(f"snap takes a Classification, got {type(result).__name__}")
    if result.label is None:
        raise ArgumentValueError("nothing to snap: the point lies near no subspace (kind 'none')")
    if isinstance(max_denominator, bool) or not isinstance(max_denominator, int) or max_denominator < 1:
        raise ArgumentValueError(f"max_denominator must be a positive integer, got {max_denominator!r}")
    np = _numpy()
    subspace = result.subspace()
    theta = np.asarray(result.params, dtype=float)
    projection = np.asarray(result.projection, dtype=float)
    if target is None:
        target = max(float(result.distance or 0.0), 1e-12 * max(1.0, float(np.max(np.abs(theta)))))
    pivots = set(subspace.pivots)
    free = [k for k in range(subspace.ambient_dimension) if k not in pivots]
    bound = 1
    while True:
        coords = [Fraction(float(projection[k])).limit_denominator(bound) for k in free]
        point = subspace.point(coords)
        error = float(np.max(np.abs(np.array([float(v) for v in point]) - projection), initial=0.0))
        if error <= target or bound >= max_denominator:
            break
        bound = min(bound * 10, max_denominator)
    point = tuple(Fraction(v) for v in point)
    in_subspace = subspace.contains(point)
    distance_squared = sum(((Fraction(float(t)) - v) ** 2 for t, v in zip(theta, point, strict=True)),
                           Fraction(0))
    denominator = max((v.denominator for v in point), default=1)
    if result.reading.family == GLOBAL_MINIMUM:
        certificate = certify_function_identity(subspace, result.point, activation=result.activation_class)
    else:
        certificate = certify_criticality(subspace, result.point, activation=result.activation_class)
    return Snap(point, bound, denominator, in_subspace, distance_squared, certificate)
