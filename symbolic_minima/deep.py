r"""Deep bias-free networks: global-minimum subspaces layer by layer and the connectivity theorem.

(See the mathematical reference, 'Deep networks'.)

:class:`DeepNetwork` with input dimension :math:`d`, hidden widths
:math:`m_1,\dots,m_{L-1}` and :math:`d_{out}` outputs computes

.. math:: h^{(0)}=x,\quad h^{(l)}_j=\sigma\Big(\sum_k W^{(l)}_{j,k}h^{(l-1)}_k\Big)\ (1\le l<L),\quad
          f(x;\theta)=W^{(L)}h^{(L-1)},

parameters the sympy symbols :math:`W^{(l)}_{j,k}` (layer by layer, row-major), :math:`\sigma`
an undefined function.  :class:`DeepTeacher` holds exact parameters of hidden widths
:math:`r_1,\dots,r_{L-1}` (irreducible: in every hidden layer the incoming rows are non-zero and
pairwise distinct and every outgoing column is non-zero).

**Subspaces.**  A *deep label* is a tuple :math:`(g_1,\dots,g_{L-1})` of two-layer labels, :math:`g_l`
a map :math:`[m_l]\to\{0,\dots,r_l\}` hitting :math:`1..r_l` (:data:`READING`: the singletons
reading, R1, only).  With
:math:`g_0`, :math:`g_L` the identities on inputs and outputs, :math:`\Gamma_{(g_1,\dots,g_{L-1})}`
is cut out by: for every layer :math:`l` and every *live* neuron :math:`j` of layer :math:`l`
(:math:`g_l(j)=i\ge1`, or any output unit)

.. math:: \sum_{k:\,g_{l-1}(k)=i'} W^{(l)}_{j,k}=W^{*(l)}_{i,i'}\ (i'=1..r_{l-1}),\qquad
          W^{(l)}_{j,k}=0\ \text{ if } g_{l-1}(k)=0;

rows of zero-type (*dead*) neurons are free.  So a zero-type neuron has zero outgoing weights into
the live neurons of the next layer (free ones into dead neurons), and a live neuron sees only the
sums of its incoming weights over each replicated group of the previous layer.  Every point of
:math:`\Gamma` computes the teacher's function (certified symbolically in the tests).

*What "subspace" means here.*  For a fixed deep label the conditions are linear, so
:math:`\Gamma` is an affine subspace (an :class:`~symbolic_minima.subspaces.AffineSubspace` over
all the :math:`W^{(l)}_{j,k}`).  The conditions on layer-:math:`l` incoming weights are linear only
once the layer-:math:`(l-1)` labels are fixed: the zero-loss set with a given :math:`g_2` and
varying :math:`g_1` is a union of affine pieces, not one affine set.  The census
(:func:`deep_subspace_census`) checks by exact linear algebra that the
:math:`\prod_l T(r_l,m_l)` deep labels give pairwise distinct subspaces, none contained in
another (no label is redundant); see its docstring for the result.

**Intersections.**  With an irreducible teacher, :math:`\Gamma_G\cap\Gamma_H\neq\emptyset` iff
in every hidden layer :math:`g_l=h_l` or :func:`~symbolic_minima.graph.labels_intersect`
:math:`(g_l,h_l)`: the deep graph is the *strong product* of the per-layer graphs
(:func:`deep_labels_intersect`; the tests check it against exact linear algebra on every pair for
small widths, including pairs that change several layers at once).  Hence with one extra neuron
per layer the graph is connected (each factor is: mathematical reference, 'Connectivity'), its diameter is the
largest factor
diameter, and the :math:`r_1!\cdots r_{L-1}!` permuted teachers (isolated for extra = 0) are
joined by certified paths (:func:`deep_zero_loss_path`), constructively.

>>> net = DeepNetwork([2], input_dim=1)
>>> net.function()
W^{(2)}_{1,1}*sigma(W^{(1)}_{1,1}*x_{1}) + W^{(2)}_{1,2}*sigma(W^{(1)}_{2,1}*x_{1})
>>> t = DeepTeacher.default([2, 2])
>>> p = deep_zero_loss_path(t, [3, 3], ((1, 2, 0), (1, 2, 0)), ((2, 1, 0), (2, 1, 0)))
>>> p.n_segments, p.certified
(7, True)
"""

from __future__ import annotations

from fractions import Fraction
from itertools import chain, combinations, pairwise, product, repeat
from math import prod

import networkx as nx
import sympy

from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    check_int,
    check_label,
    check_sequence,
    parse_integer,
    shorten,
)
from .graph import labels_intersect, neighbour_labels
from .labels import Label
from .paths import _sym
from .progress import progress
from .readings import SINGLETONS

__all__ = [
    "MAX_DEEP_NODES",
    "READING",
    "DeepNetwork",
    "DeepTeacher",
    "connect_permuted_minima",
    "deep_connectivity_graph",
    "deep_global_minimum_subspace",
    "deep_global_minimum_subspaces",
    "deep_label_count",
    "deep_labellings",
    "deep_labels_intersect",
    "deep_neighbour_labels",
    "deep_representative_point",
    "deep_subspace_census",
    "deep_zero_loss_path",
    "parse_deep_label",
    "parse_widths",
    "permuted_minimum_label",
]

#: Size guard for :func:`deep_connectivity_graph` (number of deep labels).
MAX_DEEP_NODES = 200_000

#: The reading of every hidden layer's label (the singletons reading R1: replicas and zero-type neurons).
READING = SINGLETONS



def parse_widths(text, name: str = "widths") -> tuple:
    """``"2,2"`` -> ``(2, 2)`` (ints only, each in [1, 1000]).

    >>> parse_widths("3, 2")
    (3, 2)
    """
    if isinstance(text, (list, tuple)):
        values = [check_int(v, name, 1, 1000) for v in text]
    else:
        if not isinstance(text, str):
            raise ArgumentTypeError(f"{name} must be text such as '2,2' or a tuple of ints, got {type(text).__name__}")
        try:  # the one integer rule: ASCII digits with an optional sign
            values = [parse_integer(p, name) for p in text.split(",")]
        except ArgumentValueError:
            raise ArgumentValueError(
                f"{name} must be comma-separated positive integers such as 2,2; got {shorten(text)}"
            ) from None
        values = [check_int(v, name, 1, 1000) for v in values]
    if not values:
        raise ArgumentValueError(f"{name} must list at least one hidden width")
    return tuple(values)


def parse_deep_label(text, name: str = "label") -> tuple:
    """``"1,2,0/2,1,0"`` -> ``((1, 2, 0), (2, 1, 0))`` (one two-layer label per hidden layer, ``/``-separated).

    >>> parse_deep_label("1,2,0/0,2,1")
    ((1, 2, 0), (0, 2, 1))
    """
    if isinstance(text, (tuple, list)):
        if not all(isinstance(g, (tuple, list)) for g in text):
            raise ArgumentTypeError(f"{name} must be a tuple of per-layer tuples of ints, "
                                    "such as ((1, 2, 0), (2, 1, 0))")
        return tuple(Label(check_int(v, name) for v in g) for g in text)
    if not isinstance(text, str):
        raise ArgumentTypeError(f"{name} must be text such as '1,2,0/2,1,0' or a tuple of tuples, "
                                f"got {type(text).__name__}")
    try:
        return tuple(Label.parse(part, name) for part in str(text).split("/"))
    except ArgumentValueError:
        raise ArgumentValueError(
            f"{name} must be per-layer comma-separated integers joined by '/', such as 1,2,0/2,1,0; "
            f"got {shorten(text)}"
        ) from None


def _exact(v, where):
    """An exact rational from a deep teacher's entry: the one exact-number boundary (:func:`exact.input_fraction`)."""
    from .exact import input_fraction

    return input_fraction(v, where)


class DeepNetwork:
    r"""A bias-free :math:`L`-layer network with symbolic weights :math:`W^{(l)}_{j,k}` and generic :math:`\sigma`.

    ``hidden_widths`` :math:`(m_1,\dots,m_{L-1})`; ``widths`` is
    :math:`(d, m_1, \dots, m_{L-1}, d_{out})`; ``weights[l-1][j-1][k-1]`` is
    :math:`W^{(l)}_{j,k}`; ``parameters`` lists them layer by layer, row-major.
    """

    def __init__(self, hidden_widths, input_dim=1, output_dim=1, activation=None):
        from .network import activation_function

        hidden = parse_widths(hidden_widths, "hidden_widths")
        self.input_dim = check_int(input_dim, "input_dim", 1, 1000)
        self.output_dim = check_int(output_dim, "output_dim", 1, 1000)
        self.hidden_widths = hidden
        self.widths = (self.input_dim,) + hidden + (self.output_dim,)
        self.depth = len(self.widths) - 1
        self.activation = activation_function(activation)
        self.weights = []
        for l in range(1, self.depth + 1):
            rows = self.widths[l]
            cols = self.widths[l - 1]
            self.weights.append(tuple(
                tuple(sympy.Symbol(f"W^{{({l})}}_{{{j},{k}}}", real=True) for k in range(1, cols + 1))
                for j in range(1, rows + 1)
            ))
        self.parameters = [s for layer in self.weights for row in layer for s in row]
        self.inputs = [sympy.Symbol(f"x_{{{k}}}", real=True) for k in range(1, self.input_dim + 1)]
        self._index = {s: i for i, s in enumerate(self.parameters)}

    def index(self, l, j, k) -> int:
        """Position of :math:`W^{(l)}_{j,k}` (1-based ``l, j, k``) in :attr:`parameters`."""
        return self._index[self.weights[l - 1][j - 1][k - 1]]

    def __repr__(self):
        return f"DeepNetwork(widths={self.widths})"

    def function(self, point=None):
        r"""The sympy expression :math:`f(x;\theta)` (a ``Matrix`` if :math:`d_{out}\ge2`).

        ``point``: ``None``, a dict ``Symbol -> value`` or a sequence aligned
        with :attr:`parameters`.  Every pre-activation is expanded, so equal
        functions of :math:`x` give structurally equal arguments of :math:`\sigma`.
        """
        if point is None:
            sub = {}
        elif isinstance(point, dict):
            sub = {s: _sym(v) for s, v in point.items()}
        else:
            values = list(point)
            if len(values) != len(self.parameters):
                raise ArgumentValueError(f"point must have {len(self.parameters)} entries, got {len(values)}")
            sub = {s: _sym(v) for s, v in zip(self.parameters, values)}
        h = list(self.inputs)
        for l, layer in enumerate(self.weights, 1):
            pre = [sympy.expand(sympy.Add(*[sub.get(w, w) * x for w, x in zip(row, h)])) for row in layer]
            h = [self.activation(p) for p in pre] if l < self.depth else pre
        return h[0] if self.output_dim == 1 else sympy.Matrix(h)

    def _latex(self, printer=None):
        return sympy.latex(self.function())

    def _repr_latex_(self):
        return f"$${self._latex()}$$"


class DeepTeacher:
    r"""Exact parameters of an irreducible deep network: ``weights[l-1]`` is the matrix :math:`W^{*(l)}`.

    >>> [[str(v) for v in row] for row in DeepTeacher.default([2, 2]).weights[1]]
    [['1', '2'], ['2', '3']]
    >>> DeepTeacher([[[1], [1]], [[1, 2]]])
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: deep teacher layer 1: incoming rows of neurons 1 and 2
    must be distinct (irreducible)
    """

    def __init__(self, weights):
        try:
            mats = [[list(row) for row in W] for W in weights]
        except TypeError:
            raise ArgumentTypeError("deep teacher weights must be a list of matrices (lists of rows)") from None
        if len(mats) < 2:
            raise ArgumentValueError("a deep teacher needs at least 2 weight matrices (one hidden layer)")
        exact = []
        for l, W in enumerate(mats, 1):
            if not W or not W[0]:
                raise ArgumentValueError(f"deep teacher layer {l} has an empty weight matrix")
            cols = len(W[0])
            if any(len(row) != cols for row in W):
                raise ArgumentValueError(f"deep teacher layer {l}: rows of different lengths")
            exact.append(tuple(tuple(_exact(v, f"W^({l})[{j}][{k}]") for k, v in enumerate(row, 1))
                               for j, row in enumerate(W, 1)))
        for l in range(1, len(exact)):
            if len(exact[l][0]) != len(exact[l - 1]):
                raise ArgumentValueError(
                    f"deep teacher layer {l + 1} has {len(exact[l][0])} columns "
                    f"but layer {l} has {len(exact[l - 1])} rows"
                )
        for l in range(len(exact) - 1):  # hidden layers l+1
            rows = exact[l]
            for j, row in enumerate(rows, 1):
                if all(v == 0 for v in row):
                    raise ArgumentValueError(
                        f"deep teacher layer {l + 1}: incoming row of neuron {j} is zero (irreducible)")
            for j, k in combinations(range(len(rows)), 2):
                if rows[j] == rows[k]:
                    raise ArgumentValueError(
                        f"deep teacher layer {l + 1}: incoming rows of neurons {j + 1} and {k + 1} "
                        "must be distinct (irreducible)"
                    )
            nxt = exact[l + 1]
            for k in range(len(rows)):
                if all(nxt[j][k] == 0 for j in range(len(nxt))):
                    raise ArgumentValueError(
                        f"deep teacher layer {l + 1}: outgoing weights of neuron {k + 1} are all zero (irreducible)"
                    )
        self.weights = tuple(exact)
        self.input_dim = len(exact[0][0])
        self.output_dim = len(exact[-1])
        self.hidden_widths = tuple(len(W) for W in exact[:-1])
        self.widths = (self.input_dim,) + self.hidden_widths + (self.output_dim,)

    @classmethod
    def default(cls, hidden_widths, d=1, d_out=1):
        r"""Default teacher: :math:`W^{*(l)}_{i,k}=i+k-1` in every layer (rows distinct, entries non-zero)."""
        hidden = parse_widths(hidden_widths, "hidden_widths")
        d = check_int(d, "d", 1, 1000)
        d_out = check_int(d_out, "d_out", 1, 1000)
        widths = (d,) + hidden + (d_out,)
        return cls([[[i + k - 1 for k in range(1, widths[l - 1] + 1)] for i in range(1, widths[l] + 1)]
                    for l in range(1, len(widths))])

    def network(self, activation=None) -> DeepNetwork:
        return DeepNetwork(self.hidden_widths, self.input_dim, self.output_dim, activation)

    def flat(self) -> list:
        return [v for W in self.weights for row in W for v in row]

    def function(self, activation=None):
        return self.network(activation).function(self.flat())

    def to_json(self) -> dict:
        return {"weights": [[[str(v) for v in row] for row in W] for W in self.weights],
                "hidden_widths": list(self.hidden_widths), "d": self.input_dim, "d_out": self.output_dim}

    def __repr__(self):
        return f"DeepTeacher(hidden_widths={self.hidden_widths}, d={self.input_dim}, d_out={self.output_dim})"

    def _latex(self, printer=None):
        mats = []
        for l, W in enumerate(self.weights, 1):
            M = sympy.Matrix([[_sym(v) for v in row] for row in W])
            mats.append(f"W^{{*({l})}} = {sympy.latex(M)}")
        return r",\ ".join(mats)

    def _repr_latex_(self):
        return f"$${self._latex()}$$"


def _check_student(teacher, student_widths):
    if not isinstance(teacher, DeepTeacher):
        raise ArgumentTypeError(f"teacher must be a DeepTeacher, got {type(teacher).__name__}")
    student = parse_widths(student_widths, "student_widths")
    if len(student) != len(teacher.hidden_widths):
        raise ArgumentValueError(
            f"student_widths must have {len(teacher.hidden_widths)} hidden widths (like the teacher), "
            f"got {len(student)}"
        )
    for l, (r, m) in enumerate(zip(teacher.hidden_widths, student), 1):
        if m < r:
            raise ArgumentValueError(f"student width of layer {l} must be >= teacher width {r}, got {m}")
    return student


def deep_labellings(teacher_widths, student_widths):
    """Lazy product of the per-layer labellings of :data:`READING` (:math:`\\prod_l T(r_l, m_l)` tuples).

    >>> sum(1 for _ in deep_labellings((2, 2), (3, 3)))
    144
    """
    r = parse_widths(teacher_widths, "teacher_widths")
    m = parse_widths(student_widths, "student_widths")
    if len(r) != len(m):
        raise ArgumentValueError("teacher_widths and student_widths must have the same number of hidden layers")
    return product(*[list(READING.labellings(ri, mi)) for ri, mi in zip(r, m)])


def _deep_label(label, name="label") -> tuple:
    """A deep label: a sequence of per-layer labels (sequences of ints), as a tuple of tuples."""
    if type(label) is tuple and all(type(g) is tuple for g in label):
        return tuple(check_label(g, name) for g in label)
    return tuple(check_label(g, f"{name} layer") for g in check_sequence(label, name, "a tuple of per-layer labels"))


def _validate_deep_label(teacher, student, label, name="label"):
    label = _deep_label(label, name)
    if len(label) != len(student):
        raise ArgumentValueError(f"{name} must have one label per hidden layer ({len(student)}), got {len(label)}")
    for l, (g, r, m) in enumerate(zip(label, teacher.hidden_widths, student), 1):
        if len(g) != m or not READING.is_label(g, r):
            raise ArgumentValueError(
                f"{name} layer {l}: {','.join(map(str, g))} is not a label of width {m} over r = {r} "
                f"(entries 0..{r}, every 1..{r} used)"
            )
    return label


def _rows(teacher, student, label):
    """Sparse equations ``({column: coef}, rhs)`` of the deep subspace."""
    net_widths = (teacher.input_dim,) + tuple(student) + (teacher.output_dim,)
    ext = [tuple(range(1, teacher.input_dim + 1))] + list(label) + [tuple(range(1, teacher.output_dim + 1))]
    offsets = [0]
    for l in range(1, len(net_widths)):
        offsets.append(offsets[-1] + net_widths[l] * net_widths[l - 1])
    eqs = []
    for l in range(1, len(net_widths)):
        prev, cur = ext[l - 1], ext[l]
        cols = net_widths[l - 1]
        W = teacher.weights[l - 1]
        r_prev = len(W[0])
        for j, gj in enumerate(cur):
            if gj == 0:
                continue  # dead neuron: incoming weights free
            base = offsets[l - 1] + j * cols
            for ip in range(1, r_prev + 1):
                eqs.append(({base + k: 1 for k in range(cols) if prev[k] == ip}, W[gj - 1][ip - 1]))
            for k in range(cols):
                if prev[k] == 0:
                    eqs.append(({base + k: 1}, Fraction(0)))
    return eqs, offsets[-1]


def deep_global_minimum_subspace(teacher, student_widths, label):
    r"""The affine subspace :math:`\Gamma_{(g_1,\dots,g_{L-1})}` (module docstring) as an ``AffineSubspace``.

    >>> t = DeepTeacher.default([1, 1])
    >>> deep_global_minimum_subspace(t, [2, 1], ((1, 0), (1,))).equations()
    ['W^{(1)}_{1,1} = 1', 'W^{(2)}_{1,1} = 1', 'W^{(2)}_{1,2} = 0', 'W^{(3)}_{1,1} = 1']
    """
    from .subspaces import AffineSubspace

    student = _check_student(teacher, student_widths)
    label = _validate_deep_label(teacher, student, label)
    net = DeepNetwork(student, teacher.input_dim, teacher.output_dim)
    eqs, n = _rows(teacher, student, label)
    A = []
    for coefs, _ in eqs:
        row = [0] * n
        for c, v in coefs.items():
            row[c] = v
        A.append(row)
    return AffineSubspace(net.parameters, A, [rhs for _, rhs in eqs], label=label, kind="deep_global_minimum")


def deep_global_minimum_subspaces(teacher, student_widths):
    """Lazily yield the deep subspaces, one per deep label (order of :func:`deep_labellings`)."""
    student = _check_student(teacher, student_widths)
    for label in deep_labellings(teacher.hidden_widths, student):
        yield deep_global_minimum_subspace(teacher, student, label)


def deep_labels_intersect(G, H) -> bool:
    """Strong-product criterion: every hidden layer's labels are equal or intersect.

    >>> deep_labels_intersect(((1, 2, 0), (1, 2, 0)), ((1, 2, 2), (1, 2, 1)))
    True
    """
    G, H = _deep_label(G, "G"), _deep_label(H, "H")
    if len(G) != len(H):
        raise ArgumentValueError(f"G and H must have the same number of layers, got {len(G)} and {len(H)}")
    return all(g == h or labels_intersect(g, h, READING) for g, h in zip(G, H))


def deep_neighbour_labels(label, teacher_widths):
    """The deep labels intersecting ``label`` (itself excluded), generated layer by layer."""
    label = _deep_label(label)
    teacher_widths = parse_widths(teacher_widths, "teacher_widths")
    options = [list(neighbour_labels(g, r, READING, include_self=True)) for g, r in zip(label, teacher_widths)]
    label = tuple(label)
    for H in product(*options):
        if H != label:
            yield H


def deep_label_count(teacher_widths, student_widths) -> int:
    r"""Number :math:`\prod_l T(r_l, m_l)` of deep labels (:func:`symbolic_minima.counting.T` of :data:`READING`).

    >>> deep_label_count((2, 2), (3, 3))
    144
    """
    from .counting import T

    r = parse_widths(teacher_widths, "teacher_widths")
    m = parse_widths(student_widths, "student_widths")
    if len(r) != len(m):
        raise ArgumentValueError("teacher_widths and student_widths must have the same number of hidden layers")
    return prod(T(ri, mi, zero_type=READING.name) for ri, mi in zip(r, m))


def deep_connectivity_graph(teacher, student_widths, method: str = "labels") -> nx.Graph:
    """Connectivity graph of the deep subspaces: node attributes ``label``, ``dimension``.

    ``teacher``: a :class:`DeepTeacher` or a tuple of teacher hidden widths
    (default teacher).  ``method="exact"`` intersects every pair exactly.

    >>> G = deep_connectivity_graph((2, 2), (3, 3))
    >>> G.number_of_nodes(), nx.number_connected_components(G)
    (144, 1)
    """
    from .errors import check_choice

    if not isinstance(teacher, DeepTeacher):
        teacher = DeepTeacher.default(teacher)
    student = _check_student(teacher, student_widths)
    method = check_choice(method, "method", ("labels", "exact"))
    r = teacher.hidden_widths
    size = deep_label_count(r, student)
    if size > MAX_DEEP_NODES:
        raise ArgumentValueError(f"the deep graph has {size} nodes, more than MAX_DEEP_NODES = {MAX_DEEP_NODES}")
    from .budget import deep_graph_estimate

    deep_graph_estimate(r, student, method).check()  # edges too, not only nodes
    G = nx.Graph(kind="deep global minima", teacher_widths=r, student_widths=student, d=teacher.input_dim,
                 d_out=teacher.output_dim, zero_type=READING.name, reading=READING.short_name, method=method)
    labels = list(deep_labellings(r, student))
    widths = (teacher.input_dim,) + student + (teacher.output_dim,)
    for lab in labels:
        G.add_node(lab, label=lab, dimension=_deep_dimension(lab, widths), kind=tuple(Label(g).type() for g in lab))
    if method == "labels":
        G.add_edges_from(_deep_edges(labels, r, size))
        return G
    subs = [deep_global_minimum_subspace(teacher, student, lab) for lab in labels]
    for s, u in progress(combinations(subs, 2), total=len(subs) * (len(subs) - 1) // 2, desc="exact"):
        if s.intersects(u):
            G.add_edge(s.label, u.label)
    return G


def _deep_edges(labels, teacher_widths, size):
    """Every edge ``(G, H)`` with ``G < H`` of the deep graph, streamed in the order of
    :func:`deep_neighbour_labels`: each layer label's intersecting labels are generated once, the
    deep neighbours are their product (C-level :func:`itertools.product`), mapped to the graph's
    node objects."""
    per_layer: list[dict] = [{} for _ in teacher_widths]

    def options(g, layer):
        found = per_layer[layer].get(g)
        if found is None:
            found = per_layer[layer][g] = tuple(neighbour_labels(g, teacher_widths[layer], READING, include_self=True))
        return found

    lookup = {label: label for label in labels}
    get = lookup.__getitem__

    def edges_of(label):
        neighbours = product(*(options(g, layer) for layer, g in enumerate(label)))
        return zip(repeat(label), map(get, filter(label.__lt__, neighbours)))

    return chain.from_iterable(map(edges_of, progress(labels, total=size, desc="deep graph")))


def _deep_dimension(label, widths):
    """Dimension from the label: count free weights minus independent constraints, layer by layer."""
    ext = [None] + list(label) + [None]
    dim = 0
    for l in range(1, len(widths)):
        cols = widths[l - 1]
        cur = ext[l]
        prev = ext[l - 1]
        live_cols = cols if prev is None else sum(1 for v in prev if v != 0)
        groups = cols if prev is None else len({v for v in prev if v != 0})
        n_live = widths[l] if cur is None else sum(1 for v in cur if v != 0)
        n_dead = widths[l] - n_live
        dim += n_dead * cols + n_live * (live_cols - groups)
    return dim


def deep_subspace_census(teacher, student_widths, check_containment: bool = True) -> dict:
    r"""Enumerate the deep subspaces and compare with :math:`\prod_l T(r_l,m_l)`.

    Returns ``labels`` (number of deep labels), ``product`` (product of the
    per-layer counts :math:`T(r_l, m_l)`, each counted by the two-layer
    enumerator), ``distinct`` (distinct affine subspaces, exact equality),
    ``contained_pairs`` (pairs :math:`\Gamma_G\subsetneq\Gamma_H`, exact),
    ``maximal`` (subspaces contained in no other), ``dimensions``
    (histogram) and ``agree`` (labels == product == distinct == maximal).

    Finding (widths up to (3,2)->(4,3), d = 1, 2): they always agree; a
    zero-type neuron of layer 1 frees its outgoing weights only into *dead*
    layer-2 neurons, whose rows are free anyway, so it creates no extra or
    redundant subspace.

    >>> c = deep_subspace_census(DeepTeacher.default([1, 1]), [2, 2])
    >>> c["labels"], c["product"], c["distinct"], c["maximal"], c["agree"]
    (9, 9, 9, 9, True)
    """
    student = _check_student(teacher, student_widths)
    per_layer = [sum(1 for _ in READING.labellings(r, m)) for r, m in zip(teacher.hidden_widths, student)]
    subs = list(deep_global_minimum_subspaces(teacher, student))
    distinct = len(set(subs))
    contained = []
    if check_containment:
        pairs = len(subs) * (len(subs) - 1) // 2
        for s, u in progress(combinations(subs, 2), total=pairs, desc="containment"):
            if s.dimension <= u.dimension and s.is_subset_of(u) and s != u:
                contained.append((s.label, u.label))
            elif u.dimension <= s.dimension and u.is_subset_of(s) and s != u:
                contained.append((u.label, s.label))
    inside = {a for a, _ in contained}
    dims: dict[int, int] = {}
    for s in subs:
        dims[s.dimension] = dims.get(s.dimension, 0) + 1
    out = {
        "teacher_widths": list(teacher.hidden_widths),
        "student_widths": list(student),
        "d": teacher.input_dim,
        "per_layer_counts": per_layer,
        "labels": len(subs),
        "product": prod(per_layer),
        "distinct": distinct,
        "contained_pairs": contained if check_containment else None,
        "maximal": len(subs) - len(inside) if check_containment else None,
        "dimensions": dict(sorted(dims.items())),
    }
    out["agree"] = out["labels"] == out["product"] == out["distinct"] and (
        not check_containment or out["maximal"] == out["distinct"])
    return out


def permuted_minimum_label(teacher_widths, permutations, extra=1) -> tuple:
    """The deep label of the teacher permuted by ``permutations`` (one per hidden layer, one-line,
    1-based) and padded with ``extra`` zero-type neurons per layer.

    >>> permuted_minimum_label((2, 3), [(2, 1), (1, 3, 2)])
    ((2, 1, 0), (1, 3, 2, 0))
    """
    permutations = [check_label(p, "permutation") for p in check_sequence(permutations, "permutations")]
    r = parse_widths(teacher_widths, "teacher_widths")
    extra = check_int(extra, "extra", 0, 1000)
    out = []
    for ri, pi in zip(r, permutations):
        pi = tuple(pi)
        if sorted(pi) != list(range(1, ri + 1)):
            raise ArgumentValueError(f"permutation {pi} is not a permutation of 1..{ri}")
        out.append(pi + (0,) * extra)
    return tuple(out)


def deep_representative_point(teacher, student_widths, label) -> tuple:
    r"""Default point of a deep subspace: replicas share the teacher's weights equally
    (:math:`W^{(l)}_{j,k}=W^{*(l)}_{i,i'}/|g_{l-1}^{-1}(i')|`), weights from dead neurons into live
    ones 0, dead rows parked at :math:`c=1+\max|W^{*(1)}|` (permutation-equivariant)."""
    student = _check_student(teacher, student_widths)
    label = _validate_deep_label(teacher, student, label)
    widths = (teacher.input_dim,) + tuple(student) + (teacher.output_dim,)
    ext = [tuple(range(1, teacher.input_dim + 1))] + list(label) + [tuple(range(1, teacher.output_dim + 1))]
    c = Fraction(1 + max(int(abs(v)) + 1 for row in teacher.weights[0] for v in row))
    values = []
    for l in range(1, len(widths)):
        prev, cur = ext[l - 1], ext[l]
        W = teacher.weights[l - 1]
        sizes = {v: prev.count(v) for v in set(prev)}
        for gj in cur:
            for k in range(widths[l - 1]):
                if gj == 0:
                    values.append(c)
                elif prev[k] == 0:
                    values.append(Fraction(0))
                else:
                    values.append(W[gj - 1][prev[k] - 1] / sizes[prev[k]])
    return tuple(values)


def deep_zero_loss_path(teacher, student_widths, start, end, start_point=None, end_point=None):
    r"""A certified zero-loss path between two deep subspaces (labels), like
    :func:`symbolic_minima.paths.zero_loss_path`: shortest chain in the deep graph (strong product,
    several layers may move in one step), exact projection waypoints, containment and
    function-identity certificate (nested undefined :math:`\sigma`) on every segment."""
    from collections import deque

    from .paths import ZeroLossPath, build_waypoints, certify_segment

    student = _check_student(teacher, student_widths)
    start = _validate_deep_label(teacher, student, start, "start")
    end = _validate_deep_label(teacher, student, end, "end")
    r = teacher.hidden_widths
    from . import budget

    search = budget.deep_path_estimate(r, student, teacher.input_dim, teacher.output_dim)
    cap = None if search.fits() else budget.probe_neighbours(sum(student))  # a probe: near labels still answer
    if cap is not None and any((ri + 1) ** (mi - ri) > cap for ri, mi in zip(r, student)):
        raise budget.BudgetExceeded(search.message())  # one layer's neighbour list alone exceeds the probe
    generated = 0
    parents = {start: None}
    queue = deque([start])
    while queue and end not in parents:
        v = queue.popleft()
        neighbours = []
        for u in deep_neighbour_labels(v, r):
            generated += 1
            if cap is not None and generated > cap:
                raise budget.BudgetExceeded(search.message().replace(
                    " is estimated at", f" needs a chain search beyond {cap:,} neighbour labels (the labels are far "
                    "apart); searching the whole graph is estimated at", 1))
            neighbours.append(u)
        for u in sorted(neighbours):
            if u not in parents:
                parents[u] = v
                queue.append(u)
    if end not in parents:
        raise ArgumentValueError("no path: the deep labels lie in different components (no extra neuron in some layer)")
    chain = [end]
    while parents[chain[-1]] is not None:
        chain.append(parents[chain[-1]])
    chain.reverse()
    subs = [deep_global_minimum_subspace(teacher, student, g) for g in chain]
    a = deep_representative_point(teacher, student, start) if start_point is None else start_point
    b = deep_representative_point(teacher, student, end) if end_point is None else end_point
    for name, pt, S in (("start_point", a, subs[0]), ("end_point", b, subs[-1])):
        if not S.contains(pt):
            raise ArgumentValueError(f"{name} does not lie in the deep subspace of its label")
    waypoints, seg_subs = build_waypoints(subs, a, b)
    net = DeepNetwork(student, teacher.input_dim, teacher.output_dim)
    target = teacher.function()
    contained = [S.contains(p) and S.contains(q) for (p, q), S in zip(pairwise(waypoints), seg_subs)]
    certified = [certify_segment(net.function, target, net.parameters, p, q) for p, q in pairwise(waypoints)]
    info = {"teacher_widths": list(r), "student_widths": list(student), "d": teacher.input_dim,
            "d_out": teacher.output_dim, "zero_type": READING.name, "reading": READING.short_name,
            "teacher": teacher.to_json()}
    return ZeroLossPath(net.parameters, waypoints, [S.label for S in seg_subs], chain, contained, certified, info)


def connect_permuted_minima(teacher, extra: int = 1, pairs: str = "all") -> dict:
    r"""The theorem, constructively: join the :math:`r_1!\cdots r_{L-1}!` permuted teachers, each padded
    with ``extra`` zero-type neurons per hidden layer, by certified zero-loss paths.

    ``pairs="all"`` joins every pair, ``"from_first"`` the unpermuted teacher to every other.
    Returns ``minima`` (their number), ``paths`` (number built), ``certified`` (all certified),
    ``max_segments``, ``segments`` (``{(start, end): n}``).  With ``extra=0`` the minima are isolated
    and the paths do not exist (``ArgumentValueError``).

    >>> c = connect_permuted_minima(DeepTeacher.default([2, 1]))
    >>> c["minima"], c["certified"], c["max_segments"]
    (2, True, 7)
    """
    from itertools import permutations

    from .errors import check_choice

    if not isinstance(teacher, DeepTeacher):
        teacher = DeepTeacher.default(teacher)
    extra = check_int(extra, "extra", 0, 1000)
    pairs = check_choice(pairs, "pairs", ("all", "from_first"))
    r = teacher.hidden_widths
    student = tuple(ri + extra for ri in r)
    minima = [permuted_minimum_label(r, perms, extra)
              for perms in product(*[list(permutations(range(1, ri + 1))) for ri in r])]
    todo = list(combinations(minima, 2)) if pairs == "all" else [(minima[0], b) for b in minima[1:]]
    segments = {}
    ok = True
    for a, b in progress(todo, total=len(todo), desc="deep paths"):
        p = deep_zero_loss_path(teacher, student, a, b)
        segments[(a, b)] = p.n_segments
        ok = ok and p.certified
    return {"teacher_widths": list(r), "student_widths": list(student), "minima": len(minima),
            "paths": len(todo), "certified": ok, "max_segments": max(segments.values(), default=0),
            "segments": segments}
