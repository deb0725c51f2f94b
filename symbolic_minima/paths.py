r"""Explicit zero-loss paths between global-minimum subspaces, with exact certificates.

(See the mathematical reference, 'Zero-loss paths'.)

:func:`zero_loss_path` joins a point of :math:`\Gamma_{g}` to a point of
:math:`\Gamma_{h}` by line segments with exact rational waypoints:

1. a shortest chain of pairwise-intersecting labels
   :math:`g=v_0, v_1, \dots, v_k=h` in the connectivity graph
   (:func:`symbolic_minima.graph.shortest_label_path`);
2. waypoint :math:`\theta^{(s+1)}` is the orthogonal projection of
   :math:`\theta^{(s)}` onto :math:`\Gamma_{v_s}\cap\Gamma_{v_{s+1}}` (exact
   rational linear algebra), so the segment :math:`[\theta^{(s)},\theta^{(s+1)}]`
   joins two points of :math:`\Gamma_{v_s}` and lies in it; the last segment
   runs inside :math:`\Gamma_h` to the end point;
3. every segment is checked twice: both endpoints satisfy the equations of
   its subspace (:meth:`AffineSubspace.contains`), and the network function
   along :math:`\theta(t)=\theta^{(s)}+t(\theta^{(s+1)}-\theta^{(s)})`, with
   :math:`t` a symbol and :math:`\sigma` an undefined function, minus the
   teacher's function expands to exactly 0.

A chain of :math:`k` edges gives :math:`k+1` segments (zero-length ones are
dropped).  When the end points lie in no other subspace (true for the default
points in reading R1; in reading R2 several parked
zero-type neurons also form a zero-sum group) no path made of segments each
inside one subspace can use fewer: consecutive segments share a point, which
lies in both subspaces, so the subspaces form a walk in the graph.  So the
worst case over pairs is the graph's diameter plus one; for
:math:`m=r+1` that is :math:`2\lfloor 3r/2\rfloor+1` (3 for :math:`r=1`, the
path of the mathematical reference ('Zero-loss paths'); 7 for :math:`r=2`).

Default end points (:func:`representative_point`): replicas of teacher neuron
:math:`i` at :math:`w^*_i` sharing :math:`a^*_i` equally; zero-type neurons and
zero-sum groups parked at the incoming vector :math:`u=(c,\dots,c)`,
:math:`c=1+\max|w^*_{i,k}|` (distinct from every :math:`w^*_i`), outgoing
weight 0.  These are permutation-equivariant, so the end point of a path to a
neuron-permuted label is the permuted start point.

Activation classes (``activation=``, token labels).  The chain, the
projections and the containment checks are the same, on the class's
subspaces (:func:`symbolic_minima.subspaces.subspace_of` of the class's
reading).  The function identity is checked *under the class's rules*: the
network and the teacher are built with the class's undefined activation
(:func:`symbolic_minima.network.class_sigma`, which applies
:math:`\sigma(-z)=-\sigma(z)` (odd) or :math:`\sigma(z)` (even) and
:math:`\sigma(0)=0` where the class has it, and nothing else), so a
difference that expands to 0 proves :math:`f(\cdot;\theta(t))=f(\cdot;\theta^*)`
for every activation of the class.  :func:`class_normal_form` applies the
same rules to an expression in the generic :math:`\sigma`: an independent
route (``certify_segment(..., activation=...)``) the tests compare with.  Default
points: a signed replica :math:`w_j=s_jw^*_i` takes :math:`a_j=c_ja^*_i/|S_i|`
(:math:`c_j=s_j` odd, 1 otherwise), a group member :math:`w_j=s_ju`, the
:math:`k`-th dead neuron :math:`(0, 2^k)` (no signed sum of distinct powers of
two vanishes, so the point lies in no zero-type subspace or zero-sum group),
a parked neuron :math:`(0,0)`.  With one extra neuron the sign-flipped
teachers are joined: in the odd class (``tanh``) the path from
:math:`(+1, 0)` to :math:`(-1, 0)` has 5 segments, through the subspaces
:math:`(+1,+1)`, :math:`(0,+1)`, :math:`(-1,+1)`.

>>> from symbolic_minima.network import Teacher
>>> q = zero_loss_path(Teacher([1], [1]), 2, ("+1", "0"), ("-1", "0"), activation="tanh")
>>> q.n_segments, q.certified, q.info["activation_class"]
(5, True, 'odd')
>>> p = zero_loss_path(Teacher([1], [1]), 2, (1, 0), (0, 1))
>>> p.n_segments, p.certified
(3, True)
>>> [[str(x) for x in w] for w in p.waypoints]
[['1', '2', '1', '0'], ['1', '1', '1', '0'], ['1', '1', '0', '1'], ['2', '1', '0', '1']]
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from .activation_classes import activation_class
from .bigint import lifts_int_limit
from .errors import ArgumentTypeError, ArgumentValueError, check_instance, check_sequence, check_width
from .exact import to_fraction, to_sympy
from .graph import check_class_teacher, format_label, shortest_label_path
from .labels import Label
from .linalg import solve
from .readings import DEFAULT_ZERO_TYPE, GENERIC, GLOBAL_MINIMUM, ZERO_TYPES, Reading, check_rm, get_reading

__all__ = [
    "ZeroLossPath",
    "zero_loss_path",
    "representative_point",
    "parking_value",
    "project_onto",
    "build_waypoints",
    "certify_segment",
    "class_normal_form",
    "bounded_label_chain",
    "bounded_class_chain",
    "PATH_PARAMETER",
]

#: The symbol :math:`t\in[0,1]` of the segments in the certificates.
PATH_PARAMETER = sympy.Symbol("t", real=True)


def _to_str(x) -> str:
    return str(x)


_sym = to_sympy  # the old name (also imported by :mod:`.deep`); the converter lives in :mod:`.exact`


class ZeroLossPath:
    r"""A polygonal path in parameter space, each segment inside one zero-loss subspace.

    Attributes: ``parameters`` (sympy symbols), ``waypoints`` (tuples of
    ``Fraction``), ``segment_labels`` (the label of the subspace containing
    each segment), ``label_chain`` (the chain of intersecting labels),
    ``contained`` and ``function_certified`` (one bool per segment),
    ``certified`` (all of them), ``info`` (dict of metadata: widths, reading, ...).
    """

    def __init__(self, parameters, waypoints, segment_labels, label_chain, contained, function_certified,
                 info=None):
        self.parameters = tuple(parameters)
        self.waypoints = [tuple(w) for w in waypoints]
        self.segment_labels = list(segment_labels)
        self.label_chain = list(label_chain)
        self.contained = list(contained)
        self.function_certified = list(function_certified)
        self.info = dict(info or {})

    @property
    def n_segments(self) -> int:
        return len(self.waypoints) - 1

    @property
    def graph_distance(self) -> int:
        """Number of edges of the label chain (``n_segments - 1`` unless a segment had zero length)."""
        return len(self.label_chain) - 1

    @property
    def certified(self) -> bool:
        # a path of zero segments (start point = end point, checked to lie in its subspace) is trivially certified
        return all(self.contained) and all(self.function_certified)

    def segments(self) -> list:
        """``[(start, end, label), ...]``."""
        return [(a, b, lab) for a, b, lab in zip(self.waypoints, self.waypoints[1:], self.segment_labels)]

    def point(self, s: int, t) -> tuple:
        """The point :math:`\\theta^{(s)}+t(\\theta^{(s+1)}-\\theta^{(s)})` of segment ``s`` (0-based)."""
        a, b = self.waypoints[s], self.waypoints[s + 1]
        return tuple(x + t * (y - x) for x, y in zip(a, b))

    @lifts_int_limit
    def __repr__(self):
        return (f"ZeroLossPath(segments={self.n_segments}, certified={self.certified}, "
                f"from={self.label_chain[0]}, to={self.label_chain[-1]})")

    @lifts_int_limit
    def to_json(self) -> dict:
        """JSON-ready dict; rationals as strings."""
        return {
            **self.info,
            "parameters": [str(s) for s in self.parameters],
            "labels": [_label_json(g) for g in self.label_chain],
            "n_segments": self.n_segments,
            "graph_distance": self.graph_distance,
            "waypoints": [[_to_str(x) for x in w] for w in self.waypoints],
            "segments": [
                {"subspace": _label_json(lab), "from": i, "to": i + 1,
                 "contained": c, "function_certified": f}
                for i, (lab, c, f) in enumerate(zip(self.segment_labels, self.contained, self.function_certified))
            ],
            "certified": self.certified,
        }

    @lifts_int_limit
    def _latex(self, printer=None):
        lat = printer._print if printer is not None else sympy.latex
        lines = []
        for i, w in enumerate(self.waypoints):
            vec = r"\left(" + ", ".join(lat(_sym(x)) for x in w) + r"\right)"
            lines.append(rf"\theta^{{({i})}} &= {vec}")
        for i, lab in enumerate(self.segment_labels):
            lines.append(rf"[\theta^{{({i})}}, \theta^{{({i + 1})}}] &\subset \Gamma_{{({_label_tex(lab)})}}")
        verdict = r"\text{certified}" if self.certified else r"\text{NOT certified}"
        lines.append(rf"f(\cdot;\theta(t)) &= f(\cdot;\theta^*) \ \forall t \quad {verdict}")
        return r"\begin{aligned} " + r" \\ ".join(lines) + r" \end{aligned}"

    def _repr_latex_(self):
        return f"$${self._latex()}$$"


def _label_json(label):
    if label and isinstance(label[0], tuple):
        return [list(g) for g in label]
    return list(label)


def _label_tex(label):
    if label and isinstance(label[0], tuple):
        return "; ".join(format_label(g) for g in label)
    return format_label(label)


# ---------------------------------------------------------------------------
# exact geometry
# ---------------------------------------------------------------------------


def project_onto(point, subspace) -> tuple:
    r"""Orthogonal projection (exact) of ``point`` onto an :class:`AffineSubspace`.

    :math:`q = x_0 + D c` with :math:`(D^TD)c = D^T(p-x_0)`, :math:`x_0` the
    base point and :math:`D` the direction basis.

    >>> import sympy
    >>> from symbolic_minima.subspaces import AffineSubspace
    >>> x, y = sympy.symbols("x y")
    >>> [str(v) for v in project_onto((0, 0), AffineSubspace([x, y], [[1, 1]], [2]))]
    ['1', '1']
    """
    from .subspaces import AffineSubspace

    check_instance(subspace, AffineSubspace, "subspace")
    point = check_sequence(point, "point")
    if len(point) != subspace.ambient_dimension:
        raise ArgumentValueError(f"point must have {subspace.ambient_dimension} entries, got {len(point)}")
    p = [to_fraction(v) for v in point]
    x0 = list(subspace.base_point())
    dirs = subspace.direction_basis()
    if not dirs:
        return tuple(x0)
    diff = [a - b for a, b in zip(p, x0)]
    gram = [[sum(a * b for a, b in zip(u, v) if a and b) for v in dirs] for u in dirs]
    rhs = [sum(a * b for a, b in zip(u, diff) if a and b) for u in dirs]
    c = solve(gram, rhs)
    assert c is not None, "the Gram matrix of a basis is invertible"
    q = list(x0)
    for coef, v in zip(c, dirs):
        if coef:
            for i, vi in enumerate(v):
                if vi:
                    q[i] += coef * vi
    return tuple(q)


def build_waypoints(subspaces, start_point, end_point):
    """Waypoints of the projection path through a chain of pairwise-intersecting subspaces.

    Returns ``(waypoints, segment_subspaces)``: consecutive waypoints both lie in the
    corresponding subspace.  Raises if two consecutive subspaces do not meet.
    """
    from .subspaces import AffineSubspace

    subspaces = [check_instance(s, AffineSubspace, "subspaces entry") for s in check_sequence(subspaces, "subspaces")]
    if not subspaces:
        raise ArgumentValueError("subspaces must list at least one subspace")
    start_point, end_point = check_sequence(start_point, "start_point"), check_sequence(end_point, "end_point")
    p = tuple(to_fraction(v) for v in start_point)
    waypoints = [p]
    segment_subspaces = []
    for S, S_next in zip(subspaces, subspaces[1:]):
        meet = S.intersection(S_next)
        if meet is None:
            raise ArgumentValueError(f"subspaces {S.label} and {S_next.label} do not intersect")
        q = project_onto(p, meet)
        if q != p:
            waypoints.append(q)
            segment_subspaces.append(S)
        p = q
    end = tuple(to_fraction(v) for v in end_point)
    if end != p:
        waypoints.append(end)
        segment_subspaces.append(subspaces[-1])
    return waypoints, segment_subspaces


def certify_segment(function_of, target, parameters, a, b, activation=None) -> bool:
    r"""Whether ``function_of(point)`` equals ``target`` identically along the segment ``[a, b]``.

    ``function_of`` maps a dict ``Symbol -> expression`` to a sympy expression
    (or Matrix); the point is :math:`a + t(b-a)` with :math:`t` =
    :data:`PATH_PARAMETER`.  The difference is expanded (arguments of
    :math:`\sigma` included), put in the normal form of the activation class
    ``activation`` (:func:`class_normal_form`; default generic: unchanged),
    then simplified if needed; certified iff 0.
    """
    if not callable(function_of):
        raise ArgumentTypeError(f"function_of must be callable, got {type(function_of).__name__}")
    parameters, a, b = check_sequence(parameters, "parameters"), check_sequence(a, "a"), check_sequence(b, "b")
    if not isinstance(target, sympy.Basic):
        from .errors import as_expression

        target = as_expression(target, "target")
    t = PATH_PARAMETER
    point = {s: _sym(x) + t * (_sym(y) - _sym(x)) for s, x, y in zip(parameters, a, b)}
    value = function_of(point)
    entries = list(value) if isinstance(value, sympy.MatrixBase) else [value]
    targets = list(target) if isinstance(target, sympy.MatrixBase) else [target]
    for e, f in zip(entries, targets, strict=True):
        diff = class_normal_form(sympy.expand(e - f), activation)
        if diff != 0 and sympy.simplify(diff) != 0:
            return False
    return True


def class_normal_form(expr, activation=None):
    r"""``expr`` with every :math:`\sigma(z)` rewritten by the identities of the activation class, expanded.

    In the sign classes :math:`\sigma(z)` and :math:`\sigma(-z)` become one
    representative :math:`\sigma(c)` (``c`` the smaller of :math:`\pm z` in
    sympy's canonical order): :math:`\sigma(-c)=-\sigma(c)` (odd) or
    :math:`\sigma(c)` (even); where :math:`\sigma(0)=0` (zero-at-origin, odd,
    even-zero-at-origin) :math:`\sigma(0)` becomes 0.  Generic: unchanged.
    Arguments are expanded first.  Only identities valid for every activation
    of the class are used, so ``class_normal_form(f - g) == 0`` proves
    :math:`f=g` for all of them (the converse needs linear independence,
    which is what the class's completeness is about).

    >>> import sympy
    >>> from symbolic_minima.network import generic_sigma as s
    >>> x = sympy.Symbol("x")
    >>> class_normal_form(s(x) + s(-x), "odd"), class_normal_form(s(x) - s(-x), "even")
    (0, 0)
    >>> class_normal_form(3 * s(0 * x), "tanh"), class_normal_form(s(x) + s(-x))
    (0, sigma(-x) + sigma(x))
    """
    if activation is None:
        return expr
    cls = activation_class(activation)
    if cls.signs is None and not cls.zero_at_origin:
        return expr
    from sympy.core.function import AppliedUndef

    from .network import generic_sigma

    replace = {}
    for call in expr.atoms(AppliedUndef):
        if call.func != generic_sigma:
            continue
        z = sympy.expand(call.args[0])
        if z == 0:
            replace[call] = sympy.Integer(0) if cls.zero_at_origin else generic_sigma(z)
            continue
        if cls.signs is None:
            continue
        c = min(z, sympy.expand(-z), key=sympy.default_sort_key)
        if c == z:
            replace[call] = generic_sigma(c)
        else:
            replace[call] = (-1 if cls.signs == "odd" else 1) * generic_sigma(c)
    if not replace:
        return expr
    return sympy.expand(expr.xreplace(replace))


# ---------------------------------------------------------------------------
# two-layer paths
# ---------------------------------------------------------------------------


def parking_value(teacher):
    r"""The integer :math:`c = 1 + \max_{i,k}|w^*_{i,k}|`: zero-type neurons park at :math:`(c,\dots,c)`."""
    from .network import Teacher

    check_instance(teacher, Teacher, "teacher")
    values = [v for w in teacher.incoming for v in w]
    try:
        return 1 + max(abs(int(sympy.ceiling(abs(_sym(v))))) for v in values)
    except TypeError:
        raise ArgumentTypeError("paths need a teacher with rational parameters (no symbols)") from None


def representative_point(teacher, label, activation=None) -> tuple:
    r"""The default point of :math:`\Gamma_g` (module docstring), aligned with the width-:math:`m` parameters.

    Token labels (activation classes): ``activation`` says whether the sums
    weigh the signs (odd class; default: read off the label, plain sums).

    >>> from symbolic_minima.network import Teacher
    >>> [str(x) for x in representative_point(Teacher([1, 2], [1, 2]), (1, 2, 2, 0))]
    ['1', '2', '2', '3', '1', '1', '1', '0']
    >>> [str(x) for x in representative_point(Teacher([1], [1]), ("+1", "-1", "d"), "tanh")]
    ['1', '-1', '0', '1/2', '-1/2', '1']
    """
    from .network import Teacher

    check_instance(teacher, Teacher, "teacher")
    label = _label_argument(label, "label")
    m, d, q = len(label), teacher.input_dim, teacher.output_dim
    c = Fraction(parking_value(teacher))
    w = [[c] * d for _ in range(m)]
    a = [[Fraction(0)] * q for _ in range(m)]
    if label.uses_tokens:
        odd = activation is not None and activation_class(activation).signs == "odd"
        dead = 0
        for j, (code, sign, marker) in enumerate(label.entries()):
            if marker is not None:  # dead: (0, 2^k), the k-th dead neuron; parked: (0, 0)
                w[j] = [Fraction(0)] * d
                if marker == "d":
                    a[j] = [Fraction(2 ** dead)] * q
                    dead += 1
            elif code < 0:  # member of a free group: w_j = s_j u, a_j = 0
                w[j] = [sign * c] * d
        for code, neurons in label.blocks().items():
            if code >= 1:  # signed replicas: w_j = s_j w*_i, sum c_j a_j = a*_i with a_j = c_j a*_i / |S_i|
                for j in neurons:
                    sign = label.entries()[j][1]
                    weight = sign if odd else 1
                    w[j] = [sign * to_fraction(x) for x in teacher.incoming[code - 1]]
                    a[j] = [weight * to_fraction(x) / len(neurons) for x in teacher.outgoing_tuple(code)]
        return tuple(x for row in w for x in row) + tuple(x for row in a for x in row)
    for code, neurons in label.blocks().items():
        if code >= 1:  # replicas of teacher neuron `code` share its outgoing weight equally
            for j in neurons:
                w[j] = [to_fraction(x) for x in teacher.incoming[code - 1]]
                a[j] = [to_fraction(x) / len(neurons) for x in teacher.outgoing_tuple(code)]
    return tuple(x for row in w for x in row) + tuple(x for row in a for x in row)


def _label_argument(value, name: str) -> tuple:
    """A label given as a sequence of ints or tokens (or text such as ``"1,2,0"``), as a :class:`Label`."""
    from .graph import parse_label

    if isinstance(value, str):
        return parse_label(value, name)
    if isinstance(value, (bytes, bytearray)) or not isinstance(value, (tuple, list)):
        raise ArgumentTypeError(f"{name} label must be a tuple of ints such as (1, 2, 0), got {type(value).__name__}")
    return Label(value)  # ints, or the tokens of an activation class ("+1", "d", ...)


def bounded_label_chain(r, m, start, end, zero_type=DEFAULT_ZERO_TYPE, d=1, d_out=1) -> list:
    """:func:`~symbolic_minima.graph.shortest_label_path` within the budget.

    If searching the whole graph fits the budget
    (:func:`~symbolic_minima.budget.path_estimate`) the search is unbounded;
    otherwise it runs as a probe of at most
    :func:`~symbolic_minima.budget.probe_neighbours` generated labels (a
    few tenths of a second), enough for labels a few steps apart, and a longer search
    is refused with :class:`~symbolic_minima.budget.BudgetExceeded` (one line:
    the estimate, the limit, an alternative).
    """
    from . import budget

    budget.path_estimate(r, m, zero_type, d, d_out, search=False).check()
    search = budget.path_estimate(r, m, zero_type, d, d_out)
    if search.fits():
        return shortest_label_path(r, start, end, zero_type)
    cap = budget.probe_neighbours(m)
    try:
        return shortest_label_path(r, start, end, zero_type, max_generated=cap)
    except budget.BudgetExceeded:
        raise budget.BudgetExceeded(
            search.message().replace(
                " is estimated at",
                f" needs a chain search beyond {cap:,} neighbour labels (the labels are far "
                "apart); searching the whole graph is estimated at", 1)
        ) from None


#: Seconds a probing chain search of an activation class may take before the whole search is estimated.
_PROBE_SECONDS = 0.3
#: Neighbours of the start label timed for the rate of a class's chain search.
_RATE_SAMPLE = 2000


def bounded_class_chain(r, m, start, end, reading) -> list:
    """:func:`~symbolic_minima.graph.shortest_label_path` for a reading of an activation class, within the budget.

    A probe of at most :func:`~symbolic_minima.budget.probe_neighbours` generated
    labels and about 0.3 s (the rate measured on the start label's neighbours)
    answers for labels a few steps apart.  Past it, the whole search is
    estimated from the exact number of subspaces
    (:func:`~symbolic_minima.counting.count_subspaces`), the degree of the start
    label and that rate; it runs if that fits the budget (stopping at the time
    limit's worth of labels) and is refused otherwise
    (:class:`~symbolic_minima.budget.BudgetExceeded`, one line: the estimate,
    the limit, an alternative).

    >>> from symbolic_minima.readings import get_reading
    >>> bounded_class_chain(1, 2, ("+1", "0"), ("-1", "0"), get_reading("R1", "odd"))
    [('+1', '0'), ('+1', '+1'), ('0', '+1'), ('-1', '+1'), ('-1', '0')]
    """
    import time
    from itertools import islice

    from . import budget
    from .counting import count_subspaces
    from .graph import neighbour_labels

    check_instance(reading, Reading, "reading")
    r, m = check_rm(r, m)
    cls = reading.activation_class
    began = time.perf_counter()  # the rate, from (at most _RATE_SAMPLE of) the start label's neighbours
    degree = max(1, sum(1 for _ in islice(neighbour_labels(start, r, reading, activation=cls), _RATE_SAMPLE)))
    per_label = max((time.perf_counter() - began) / degree, 1e-7)
    cap = max(degree, min(budget.probe_neighbours(m), int(_PROBE_SECONDS / per_label)))
    try:
        return shortest_label_path(r, start, end, reading, activation=cls, max_generated=cap)
    except budget.BudgetExceeded:
        pass
    with budget.limits(seconds=None, memory=None):  # the count is cheap next to the search it prices
        nodes = count_subspaces(reading, r, m)
    task = f"path r={r} m={m} ({reading.short_name}, class {cls})"
    estimate = budget.search_estimate(task, nodes, nodes * degree, per_label).check()
    seconds = budget.current_budget().seconds
    limit = None if seconds is None else max(cap, int(seconds / per_label))
    try:  # the estimate is a sample's; the search itself stops at the time limit's worth of labels
        return shortest_label_path(r, start, end, reading, activation=cls, max_generated=limit)
    except budget.BudgetExceeded:
        raise budget.BudgetExceeded(estimate.message().replace(
            " is estimated at", f" generated {limit:,} neighbour labels (the time limit's worth) without reaching "
            "the end label; the whole search was estimated at", 1)) from None


def _teacher_network(teacher, m, activation=None):
    from .network import TwoLayerNetwork, class_sigma

    sigma = None if activation is None else class_sigma(activation)
    return TwoLayerNetwork(m, teacher.input_dim, teacher.output_dim, sigma)


def zero_loss_path(teacher, m, start, end, zero_type: str = DEFAULT_ZERO_TYPE, start_point=None,
                   end_point=None, activation=None) -> ZeroLossPath:
    r"""An explicit certified zero-loss path from :math:`\Gamma_{start}` to :math:`\Gamma_{end}`.

    ``teacher``: a rational :class:`~symbolic_minima.network.Teacher`; ``start``,
    ``end``: labels of width ``m`` in the reading ``zero_type`` of the
    activation class ``activation`` (a class or activation name, default
    generic; other classes use token labels such as ``("+1", "0")``).
    ``start_point`` / ``end_point`` (sequences aligned with the network
    parameters) default to :func:`representative_point`.  The ``info`` (and
    JSON) gain ``activation_class`` when ``activation`` is given.

    >>> from symbolic_minima.network import Teacher
    >>> p = zero_loss_path(Teacher.default(2), 3, (1, 2, 0), (2, 1, 0))
    >>> p.n_segments, p.graph_distance, p.certified
    (7, 6, True)
    """
    from .network import Teacher
    from .subspaces import global_minimum_subspace

    if not isinstance(teacher, Teacher):
        raise ArgumentTypeError(f"teacher must be a Teacher, got {type(teacher).__name__}")
    if not teacher.is_exact_rational:
        raise ArgumentTypeError("zero_loss_path needs a teacher with rational parameters (no symbols)")
    m = check_width(m, "m")
    cls = GENERIC if activation is None else activation_class(activation).name
    reading = get_reading(zero_type, cls, family=GLOBAL_MINIMUM)
    check_class_teacher(teacher, cls)
    zero_type = reading.name
    r = teacher.width
    start, end = _label_argument(start, "start"), _label_argument(end, "end")
    if reading.uses_tokens:
        lowest = f"tokens of the {cls} class (+i, -i, i, 0, d, g<c>+, g<c>-) over 1.."
    else:
        lowest = "-m.." if reading.has_groups else "0.." if reading.has_free_neurons else "1.."
    for name, g in (("start", start), ("end", end)):
        if len(g) != m:
            raise ArgumentValueError(f"{name} label must have m = {m} entries, got {len(g)}")
        if not reading.is_label(g, r):
            raise ArgumentValueError(
                f"{name} label {format_label(g)} is not a global-minimum label of width {m} over r = {r} "
                f"({reading.short_name}): entries in {lowest}{r}, every 1..{r} used"
            )
    start, end = Label(start), Label(end)
    if activation is None:
        if zero_type in ZERO_TYPES:  # the readings the cost model prices
            chain = bounded_label_chain(r, m, start, end, zero_type, teacher.input_dim, teacher.output_dim)
        else:
            chain = shortest_label_path(r, start, end, zero_type)
        subs = [global_minimum_subspace(teacher, g, zero_type) for g in chain]
    else:
        from .subspaces import subspace_of

        chain = bounded_class_chain(r, m, start, end, reading)
        subs = [subspace_of(reading, teacher, g) for g in chain]
    a = representative_point(teacher, start, activation) if start_point is None else start_point
    b = representative_point(teacher, end, activation) if end_point is None else end_point
    for name, pt, S in (("start_point", a, subs[0]), ("end_point", b, subs[-1])):
        if not S.contains(pt):
            raise ArgumentValueError(f"{name} does not lie in the subspace of label {format_label(S.label)}")
    waypoints, seg_subs = build_waypoints(subs, a, b)
    net = _teacher_network(teacher, m, None if activation is None else cls)
    target = teacher.function(net.activation)
    params = net.parameters
    contained, certified = [], []
    for (p, q), S in zip(zip(waypoints, waypoints[1:]), seg_subs):
        contained.append(S.contains(p) and S.contains(q))
        certified.append(certify_segment(net.function, target, params, p, q))
    info = {"r": r, "m": m, "d": teacher.input_dim, "d_out": teacher.output_dim,
            "zero_type": zero_type, "reading": reading.short_name,
            "teacher": teacher.to_json()}
    if activation is not None:
        info["activation_class"] = cls
    return ZeroLossPath(params, waypoints, [S.label for S in seg_subs], chain, contained, certified, info)
