r"""Connectivity graph of the global-minimum subspaces (mathematical reference, 'Connectivity').

One node per subspace :math:`\Gamma_g` of :math:`\Theta_{r\to m}` (one per
label ``g`` of a reading, see :mod:`symbolic_minima.readings`), an edge where
two subspaces intersect: :math:`\Gamma_g\cap\Gamma_h\neq\emptyset`.

Two ways to decide an intersection, which the tests check agree on every pair
for all small cases (:math:`r\le 3`, :math:`m\le r+2`, :math:`d=1,2`, every
built-in reading, and a toy reading registered by a test):

``method="exact"``
    Build both subspaces (:func:`symbolic_minima.subspaces.global_minimum_subspaces`)
    and intersect them with exact rational linear algebra
    (:meth:`AffineSubspace.intersection`).  Tests every pair: small cases only.
``method="labels"`` (default)
    The combinatorial criterion :func:`labels_intersect`, derived from what
    each block's role *pins* (:meth:`Role.pins <symbolic_minima.roles.Role.pins>`:
    a teacher index, or ``None`` for a free incoming vector, and a sign).
    Every block of a label (a replica group :math:`S_i=g^{-1}(i)`, a zero-sum
    group, a zero-type singleton) forces its neurons to share one incoming
    vector, pinned to :math:`\pm w^*_i` or free, and its outgoing weights to
    sum to :math:`a^*_i` (a block pinning teacher neuron :math:`i`) or to 0
    (a free block).  Join the blocks of ``g`` and ``h`` into connected
    components (two blocks are linked when they share a neuron).  All neurons
    of a component share one incoming vector, so a component may pin at most
    one class ``(teacher index, sign)`` (the :math:`w^*_i` are distinct and
    non-zero, so the vectors :math:`\pm w^*_i` are distinct); the sum of all
    outgoing weights of a component is fixed by the blocks of ``g`` and again
    by those of ``h``, and these two values must agree; with
    :math:`a^*_i\neq0` this says that the blocks of ``g`` and of ``h`` pinning
    teacher neuron :math:`i` (:math:`S_i` and :math:`U_i=h^{-1}(i)`) lie in
    the same component.  Conversely, when both hold the linear system is
    solvable (its only dependencies are these per-component sums).  Neither
    condition involves :math:`d`, :math:`d_{out}` or the values of the
    teacher: the graph is the same for every irreducible teacher and input
    dimension (the exact route confirms this for :math:`d=1,2`).  In the
    singletons reading (R1) the criterion reads: ``g(j), h(j) >= 1`` implies
    ``g(j) == h(j)``, and for every :math:`i` some neuron has
    ``g(j) == h(j) == i``.

Activation classes (token labels: signs, dead ``d`` and parked ``p`` neurons;
:mod:`symbolic_minima.activation_classes`).  Every role of every class
constrains a block's incoming vectors as :math:`w_j=s_ju_B` (one vector
:math:`u_B` per block, :math:`s_j=\pm1` the neuron's sign), with
:math:`u_B=w^*_i` for a (signed) replica block of teacher neuron :math:`i`,
:math:`u_B` free for a zero-type neuron or a (signed) zero-sum group, and
:math:`w_j=0` for a dead or parked neuron; and its outgoing weights by one
equation per block, :math:`\sum_j c_ja_j=a^*_i` (replica block) or :math:`=0`
(group), :math:`a_j=0` (zero-type, parked), none (dead), with
:math:`c_j=s_j` in the odd class and :math:`c_j=1` otherwise.  The
:math:`w`- and :math:`a`-equations share no unknown, so
:math:`\Gamma_g\cap\Gamma_h\neq\emptyset` iff both systems are solvable.
Join the neurons of every block of two or more (of ``g`` or of ``h``) into
components, each edge carrying the parity :math:`s_js_k`
(:math:`w_j=s_js_kw_k`): union-find with parity.

* :math:`w`-system.  On a component every :math:`w_j=t_jv_C` for one vector
  :math:`v_C`, unless a cycle has parity :math:`-1`: then :math:`v_C=-v_C`,
  i.e. :math:`v_C=0`.  A replica neuron pins :math:`v_C=t_js_jw^*_i`, a dead
  or parked neuron pins :math:`v_C=0`.  The vectors :math:`0` and
  :math:`\pm w^*_i` are pairwise distinct (irreducible teacher: :math:`w^*_i\neq0`,
  :math:`w^*_i\neq\pm w^*_k`), so the system is solvable iff every component
  has at most one pin, a parity contradiction counting as the pin :math:`0`.
* :math:`a`-system (per output coordinate).  A left null vector :math:`y`
  (one entry per block equation) satisfies, for each neuron :math:`j`,
  :math:`y_{G(j)}c^g_j+y_{H(j)}c^h_j=0` (:math:`G(j)`, :math:`H(j)` its
  blocks in ``g`` and ``h``; a block without equation, a dead neuron, forces
  the other entry to 0).  On a component without dead neurons whose cycles
  are balanced, :math:`y` is fixed up to scale with entries :math:`\pm1`,
  otherwise it vanishes there.  In the odd class the balance of a cycle is
  the product of :math:`s^g_js^h_j` along it, exactly the :math:`w`-parity;
  with plain sums every cycle is balanced.  Consistency: :math:`\sum_B y_B\,
  \mathrm{rhs}_B=0`, where only the (at most one, by the :math:`w`-system)
  teacher neuron :math:`i` pinned in the component contributes
  :math:`(y_{G_i}[G_i\subseteq C]+y_{H_i}[H_i\subseteq C])\,a^*_i`.  If only
  one of :math:`G_i=g^{-1}(i)`, :math:`H_i=h^{-1}(i)` lies in :math:`C` this
  is :math:`\pm a^*_i\neq0`: unsolvable.  If both do, write
  :math:`u_B=\varphi_Bv_C`: the :math:`w`-relations
  :math:`\varphi_{G(j)}s^g_j=\varphi_{H(j)}s^h_j` give
  :math:`y_B=\pm\varphi_B` (sign by side; with plain sums :math:`y=\pm1` by
  side) and the condition reads :math:`\varphi_{G_i}=\varphi_{H_i}`, i.e.
  :math:`u_{G_i}=u_{H_i}=w^*_i`, which the :math:`w`-system already demands.
  A component pinned to 0 holds no teacher block, so it adds no condition.

So in every class: **no component carries two different pins** (parity
contradictions and dead/parked neurons pin 0) **and the blocks of ``g`` and
``h`` of each teacher neuron lie in one component** — the criterion above
with signs and zero pins added (:func:`_token_pinned_intersect`).  It does
not distinguish odd from plain sums, and a component forced to 0 by a sign
contradiction is always allowed (every free role admits :math:`u=0`).  The
tests check it against :meth:`AffineSubspace.intersection` on every pair, for
every class, both readings and the critical family, :math:`r\le2`,
:math:`m\le r+2` and :math:`r=3,m=4`, :math:`d=1,2`: literally every pair
for :math:`m\le r+1` and :math:`r=1,m=3`, every pair up to neuron
permutations and sign flips (symmetries of the exact subspaces, tested) for
the larger cases, and literally every pair of those too with
``SYMBOLIC_MINIMA_EXHAUSTIVE=1``.  Critical subspaces of every class are pairwise
disjoint: two different labels differ at a neuron whose vector they pin to
two different ones of :math:`\pm w_i`, 0.

The fast build generates, from each label, its intersecting labels directly
(:func:`neighbour_labels`) instead of testing all pairs, so
:math:`r=4, m=7` (25,200 subspaces) builds in seconds
(``benchmarks/bench_graph.py``).  The generators are registered per reading
(:func:`register_neighbour_generator`; the built-in readings have one each);
a reading without one (e.g. registered by a user) falls back to testing
every pair of its labels with the criterion, which is fine for small graphs.

Facts shown by the graph (each a function of the built graph, checked in the
tests against the values derived below for several :math:`r`):

* :func:`isolated_minima`: for :math:`m=r` the graph has :math:`r!` nodes and
  no edge.
* :func:`component_count` is 1 for every :math:`m\ge r+1`.
* :func:`one_extra_neuron_facts` (:math:`m=r+1`): the :math:`(r+1)!`
  subspaces with one zero-type neuron have degree :math:`r`, the
  :math:`(r+1)!\,r/2` subspaces with one replicated pair have degree 2, there
  are no other nodes, and the diameter is :math:`2\lfloor 3r/2\rfloor`
  (:func:`predicted_one_extra_neuron_facts`).  Reason: a pair node
  :math:`\{p,q\}\mapsto i` meets exactly the two zero-type nodes obtained by
  zeroing :math:`p` or :math:`q`; a zero-type node meets the :math:`r` pair
  nodes obtained by giving its zero neuron a label :math:`i`.  Contracting
  the pair nodes, the zero-type nodes (bijections
  :math:`[r+1]\to\{0,\dots,r\}`) form the Cayley graph of :math:`S_{r+1}`
  generated by the star transpositions :math:`(0\,i)`, the *star graph*, of
  diameter :math:`\lfloor 3r/2\rfloor` (Akers–Krishnamurthy 1989); the graph
  is its subdivision, bipartite, so its diameter is twice that.

One extra neuron in the activation classes (:func:`predicted_one_extra_neuron_facts`,
:func:`one_extra_neuron_diameter`; both readings agree at :math:`m=r+1`, where
no two neurons are free).  For :math:`m=r` the graph has
:func:`predicted_isolated_minima` nodes and no edge: :math:`r!` in the
generic and zero-at-origin classes, :math:`r!\,2^r` where signs matter (each
neuron a signed replica of a distinct teacher neuron).  For :math:`m=r+1`
the nodes are: :math:`Z`, one zero-type neuron (:math:`(r+1)!\,2^r` with
signs, :math:`(r+1)!` without); :math:`P`, one replicated pair
(:math:`r(r+1)!\,2^r`, resp. :math:`r(r+1)!/2`); :math:`D`, one dead neuron
(as many as :math:`Z`; classes with :math:`\sigma(0)=0`).  By the singletons
criterion a :math:`P` node meets the two :math:`Z` nodes obtained by zeroing
one neuron of its pair, a :math:`D` node meets only the :math:`Z` node with
``0`` in place of ``d``, and a :math:`Z` node meets the :math:`P` nodes
obtained by giving its zero neuron any token :math:`\pm i` (:math:`2r` of
them; :math:`r` without signs) and its :math:`D` node.  So the graph is the
subdivision of the graph on :math:`Z` nodes in which a move puts one teacher
token into the hole *with either sign*, with a pendant :math:`D` node at
every :math:`Z` node: one component (**one extra neuron connects all
sign-flipped minima**).  Distances on :math:`Z` (the *signed star graph*):
a token whose place or sign must change is moved at least once, and a token
in the right place with the wrong sign at least twice (its first move
leaves its place); the Akers–Krishnamurthy cycle argument with fixed points
of wrong sign counted as cycles needing 2 moves gives the distance
:math:`\sum_{\text{cycle}\ni\text{hole}}(L-1)+\sum_{\text{other cycles}}(L+1)
+2\,\#\{\text{fixed, wrong sign}\}\le 2r`, with equality when every token
keeps its place and flips its sign: diameter :math:`2r`
(:func:`signed_star_graph_diameter`).  Subdividing doubles distances between
:math:`Z` nodes and a pair node is never farther (its two :math:`Z`
neighbours have their holes in different places, so one is within
:math:`2r-1` of any :math:`Z` node); pendant :math:`D` nodes add 2.
Diameter at :math:`m=r+1`: generic :math:`2\lfloor3r/2\rfloor`,
zero-at-origin :math:`2\lfloor3r/2\rfloor+2`, even :math:`4r`, odd and
even-zero-at-origin :math:`4r+2` (the tests compare with the built graphs
for :math:`r=1,2,3`).

Critical subspaces (:func:`critical_graph`) never intersect: two different
surjections differ at a neuron ``j``, whose component would pin two teacher
neurons (:math:`w_{g(j)}=w_{h(j)}`).  So that graph has :math:`G(r,m)`
isolated nodes.

>>> G = connectivity_graph(2, 3)
>>> G.number_of_nodes(), G.number_of_edges(), component_count(G), graph_diameter(G)
(12, 12, 1, 6)
>>> sorted(G.neighbors((1, 2, 0)))
[(1, 2, 1), (1, 2, 2)]
>>> G.nodes[(1, 2, 0)]["dimension"], G.nodes[(1, 2, 0)]["kind"]
(1, Kind(zero_type_neurons=1, replica_sizes=(1, 1), zero_sum_groups=()))
>>> labels_intersect((1, 0), (0, 1)), labels_intersect((1, 0), (1, 1))
(False, True)
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain, combinations, product, repeat
from math import factorial
from operator import itemgetter, mul

import networkx as nx

from .activation_classes import activation_class
from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    check_choice,
    check_instance,
    check_int,
    check_width,
    shorten,
)
from .labels import Kind, Label, decode_entry, grouped_labels
from .progress import phase, progress
from .readings import (
    CRITICAL_READING,
    DEFAULT_ZERO_TYPE,
    GENERIC,
    GLOBAL_MINIMUM,
    GROUPS,
    SINGLETONS,
    ZERO_TYPES,
    Reading,
    check_rm,
    get_reading,
    reading_for_label,
    registered_readings,
)

__all__ = [
    "MAX_GRAPH_NODES",
    "METHODS",
    "ZERO_TOKEN",
    "check_class_teacher",
    "Kind",
    "component_count",
    "connectivity_graph",
    "critical_graph",
    "critical_neighbour_labels",
    "exact_intersect",
    "format_label",
    "graph_diameter",
    "graph_summary",
    "isolated_minima",
    "label_category",
    "label_dimension",
    "label_kind",
    "labels_intersect",
    "neighbour_labels",
    "one_extra_neuron_diameter",
    "one_extra_neuron_facts",
    "parse_label",
    "predicted_isolated_minima",
    "predicted_one_extra_neuron_facts",
    "register_neighbour_generator",
    "shortest_label_path",
    "signed_star_graph_diameter",
    "star_graph_diameter",
    "structural_facts",
    "token_groups_neighbours",
    "token_singleton_neighbours",
]

#: The token of a zero-type neuron in the labels of the activation classes.
ZERO_TOKEN = "0"

#: Ways to decide intersections.
METHODS = ("labels", "exact")

#: Size guard: :func:`connectivity_graph` refuses graphs with more nodes
#: (``r=4, m=7`` has 25,200; ``r=4, m=8`` has 166,824, about 40 s).
MAX_GRAPH_NODES = 500_000

#: A neighbour generator: ``generator(g, r)`` yields every label of the same
#: reading whose subspace meets :math:`\Gamma_g` (``g`` itself may be among them).
NeighbourGenerator = Callable[[tuple, int], Iterable[tuple]]


def label_kind(label) -> Kind:
    """The :class:`Kind` of a label (:meth:`Label.type <symbolic_minima.labels.Label.type>`).

    >>> label_kind((1, 0, 1, -1, -1, 2, 0))
    Kind(zero_type_neurons=2, replica_sizes=(2, 1), zero_sum_groups=(2,))
    """
    return Label(label).type()


def label_category(label) -> str:
    """A coarse class for colouring: ``"teacher"`` (no extra neuron), ``"zero-type"``
    (zero-type neurons or zero-sum groups, no replicated neuron), ``"replicated"``
    (replicated neurons only) or ``"mixed"``.

    >>> [label_category(g) for g in [(2, 1), (1, 0, 2), (1, 1, 2), (1, 1, 0, 2)]]
    ['teacher', 'zero-type', 'replicated', 'mixed']

    Dead and parked neurons (activation classes) count as zero-type here.

    >>> label_category(("-1", "d")), label_category(("+1", "-1"))
    ('zero-type', 'replicated')
    """
    label = Label(label)
    kind = label_kind(label)
    zero = kind.zero_type_neurons > 0 or bool(kind.zero_sum_groups) or kind.dead_neurons > 0 or kind.parked_neurons > 0
    rep = any(s > 1 for s in kind.replica_sizes)
    if zero and rep:
        return "mixed"
    if zero:
        return "zero-type"
    if rep:
        return "replicated"
    return "teacher"


def label_dimension(label, d: int = 1, d_out: int = 1, reading=None) -> int:
    r"""Dimension of :math:`\Gamma_g` from its label: the sum of its blocks' role dimensions
    (:meth:`Label.dimension <symbolic_minima.labels.Label.dimension>`; checked against the exact
    :attr:`AffineSubspace.dimension` in the tests).

    ``reading`` (default: the global-minimum reading with the label's block
    codes) gives the roles.  A replica group of size :math:`s` contributes
    :math:`(s-1)d_{out}`, a zero-type neuron :math:`d`, a zero-sum group of
    size :math:`s` :math:`d+(s-1)d_{out}`.  For R1 and :math:`d_{out}=1` this
    is :math:`h+k(d-1)`.

    >>> label_dimension((1, 0, 1), d=2), label_dimension((-1, -1, 1), d=2)
    (3, 3)
    """
    d, d_out = check_int(d, "d", 1, 1000), check_int(d_out, "d_out", 1, 1000)
    return Label(label).dimension(d, d_out, reading)


def parse_label(text, name: str = "label") -> Label:
    """Parse ``"1,2,0"`` (ASCII integers only, never sympify) into a :class:`~symbolic_minima.labels.Label`
    (:meth:`Label.parse <symbolic_minima.labels.Label.parse>`); a tuple or list of ints is checked and kept.

    >>> parse_label("1, 2,0")
    (1, 2, 0)
    >>> parse_label("1,x")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: label must be comma-separated integers like 1,2,0; got '1,x'
    """
    if isinstance(text, (tuple, list)):
        return Label(check_int(v, name) for v in text)
    if not isinstance(text, str):
        raise ArgumentTypeError(f"{name} must be a string such as '1,2,0' or a tuple of ints, got {shorten(text)}")
    return Label.parse(text, name)


def format_label(label) -> str:
    """``(1, 2, 0) -> "1,2,0"`` (:meth:`Label.format <symbolic_minima.labels.Label.format>`).

    >>> format_label((1, -1, -1, 0))
    '1,-1,-1,0'
    """
    return Label(label).format()


def _reading(zero_type, activation=None) -> Reading:
    """The global-minimum reading named by ``zero_type`` (a name, an alias or a Reading) in the class
    ``activation`` (a class or activation name; ``None``: generic, or the class of a Reading given)."""
    if isinstance(zero_type, Reading):
        if activation is not None and activation_class(activation).name != zero_type.activation_class:
            raise ArgumentValueError(f"reading {zero_type.name!r} belongs to the activation class "
                                     f"{zero_type.activation_class!r}, not {activation_class(activation).name!r}")
        return get_reading(zero_type, family=GLOBAL_MINIMUM)
    cls = GENERIC if activation is None else activation_class(activation).name
    return get_reading(zero_type, cls, family=GLOBAL_MINIMUM)


# ---------------------------------------------------------------------------
# the combinatorial criterion
# ---------------------------------------------------------------------------


_PIN_MEMO: dict[Reading, dict] = {}


def _pins(reading: Reading) -> dict:
    """``{(code, size): pin}`` of ``reading``, filled on demand by :func:`_pin` (one memo per reading)."""
    memo = _PIN_MEMO.get(reading)
    if memo is None:
        memo = _PIN_MEMO[reading] = {}
    return memo


def _pin(reading: Reading, memo: dict, key: tuple, code: int, size: int):
    """The pin ``(teacher index, sign)`` of a block's role (``None``: a free incoming vector), memoised as ``key``."""
    pin = reading.role_of(code, size).pins(code if code > 0 else None)
    memo[key] = None if pin[0] is None else pin
    return memo[key]


@lru_cache(maxsize=1 << 16)
def _pinned(label: Label, reading: Reading) -> tuple:
    """``(blocks, pinned)`` of a label: its blocks of two or more neurons (lists of neurons; a zero-type
    neuron is a block of its own) and ``(neuron, pin)`` for every block whose role pins a teacher vector
    (:meth:`Role.pins <symbolic_minima.roles.Role.pins>`).  Cached (every label meets many others);
    callers must not modify the result."""
    memo = _pins(reading)
    blocks = []
    pinned = []
    for code, neurons in label.blocks().items():
        size = len(neurons)
        key = (code, size) if code > 0 else (-1, size)
        pin = memo[key] if key in memo else _pin(reading, memo, key, code, size)
        if pin is not None:
            pinned.append((neurons[0], pin))
        if size > 1:
            blocks.append(neurons)
    if 0 in label:
        pin = memo[(0, 1)] if (0, 1) in memo else _pin(reading, memo, (0, 1), 0, 1)
        if pin is not None:
            pinned.extend((j, pin) for j, v in enumerate(label) if v == 0)
    return blocks, pinned


def _pinned_intersect(gp: tuple, hp: tuple, m: int) -> bool:
    """The criterion of :func:`labels_intersect` on two :func:`_pinned` labels of length ``m``."""
    parent = list(range(m))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # blocks sharing a neuron join into one component
    for blocks in (gp[0], hp[0]):
        for neurons in blocks:
            root = find(neurons[0])
            for j in neurons[1:]:
                other = find(j)
                if other != root:
                    parent[other] = root
    pinned: dict[int, tuple] = {}  # component -> the one (teacher index, sign) it may pin
    home: dict[int, int] = {}  # teacher index -> the one component holding its blocks in g and h
    for neuron, pin in gp[1] + hp[1]:
        root = find(neuron)
        if pinned.setdefault(root, pin) != pin:
            return False  # one shared incoming vector would equal two different teacher vectors
        if home.setdefault(pin[0], root) != root:
            return False  # the outgoing sums of a component, fixed by g and by h, would disagree
    return True


@lru_cache(maxsize=1 << 16)
def _token_pinned(label: Label, reading: Reading) -> tuple:
    """``(links, pinned)`` of a token label (activation classes; see "Signs, dead and parked neurons" in
    the module docstring).

    ``links``: ``(j, k, p)`` for the neurons of every block of two or more, ``w_j = p w_k`` (``p`` the
    product of their signs: the block's neurons are :math:`w_j=s_ju` for one vector :math:`u`);
    ``pinned``: ``(neuron, (index, sign))`` for every block whose role pins its vector
    (:meth:`Role.pins <symbolic_minima.roles.Role.pins>`): ``w_neuron = sign * w*_index``, index ``0``
    for the zero vector (dead and parked neurons).  Cached; callers must not modify the result."""
    entries = label.entries()
    links = []
    pinned = []
    for j, (code, sign, marker) in enumerate(entries):
        if code == 0:
            pin = reading.role_of(0, 1, marker).pins(None, sign)
            if pin[0] is not None:
                pinned.append((j, (0, 1) if pin[0] == 0 else pin))
    for code, neurons in label.blocks().items():
        role = reading.role_of(code, len(neurons))
        first = neurons[0]
        sign = entries[first][1]
        for j in neurons[1:]:
            links.append((j, first, entries[j][1] * sign))
        pin = role.pins(code if role.per_teacher else None, sign)
        if pin[0] is not None:
            pinned.append((first, (0, 1) if pin[0] == 0 else pin))
    return tuple(links), tuple(pinned)


def _token_pinned_intersect(gp: tuple, hp: tuple, m: int) -> bool:
    """The criterion of :func:`labels_intersect` on two :func:`_token_pinned` labels of length ``m``:
    union-find with sign parity, zero pins, one pin per component, each teacher's blocks in one component."""
    parent = list(range(m))
    parity = [1] * m  # w_j = parity[j] * w_parent[j]

    def find(x):
        p = 1
        while parent[x] != x:
            p *= parity[x]
            x = parent[x]
        return x, p

    zero = set()  # components whose vector is forced to 0 by a sign contradiction (v = -v)
    for j, k, p in gp[0] + hp[0]:  # w_j = p w_k
        rj, pj = find(j)
        rk, pk = find(k)
        if rj == rk:
            if pj != p * pk:
                zero.add(rj)
            continue
        parent[rj] = rk  # v_rj = pj w_j = pj p w_k = pj p pk v_rk
        parity[rj] = pj * p * pk
        if rj in zero:
            zero.discard(rj)
            zero.add(rk)
    pins: dict[int, tuple] = dict.fromkeys(zero, (0, 1))
    home: dict[int, int] = {}  # teacher index -> the one component holding its blocks in g and h
    for neuron, (index, sign) in gp[1] + hp[1]:
        root, t = find(neuron)
        pin = (index, t * sign) if index else (0, 1)  # w_j = sign w*_i = t v  =>  v = t sign w*_i
        if pins.setdefault(root, pin) != pin:
            return False  # one vector equal to two different ones (+-w*_i, +-w*_k, 0 are pairwise distinct)
        if index and home.setdefault(index, root) != root:
            return False  # the outgoing sums of a component, fixed by g and by h, would disagree
    return True


def _criterion(reading: Reading) -> tuple:
    """``(pinned, intersect)``: the criterion's two halves for the labels of ``reading`` (tokens or ints)."""
    if reading.uses_tokens:
        return _token_pinned, _token_pinned_intersect
    return _pinned, _pinned_intersect


def _intersect(g: Label, h: Label, reading: Reading) -> bool:
    """The criterion of :func:`labels_intersect` on two labels of equal length (no validation)."""
    if reading.uses_tokens:
        return _token_pinned_intersect(_token_pinned(g, reading), _token_pinned(h, reading), len(g))
    return _pinned_intersect(_pinned(g, reading), _pinned(h, reading), len(g))


def labels_intersect(g, h, reading=None, activation=None) -> bool:
    r"""Whether :math:`\Gamma_g\cap\Gamma_h\neq\emptyset`, from the labels and their roles' pins alone.

    ``reading`` (a name, alias or :class:`~symbolic_minima.readings.Reading`;
    default: the reading of ``activation`` with the labels' block codes and
    markers) gives each block's role; ``activation`` (a class name or an
    activation name such as ``"tanh"``; default: generic for integer labels,
    for token labels the class their tokens need) picks the activation class.
    Valid for every registered reading whose roles share one incoming vector
    per block (up to the neurons' signs) and fix each block's outgoing sum, and
    for critical labels, for every irreducible teacher, input and output
    dimension (see the module docstring for the derivation; the tests check it
    against exact linear algebra).

    >>> labels_intersect((1, 2, 0), (1, 2, 2)), labels_intersect((1, 2, 0), (2, 1, 0))
    (True, False)
    >>> labels_intersect((1, -1, -1), (-1, 1, -1))   # chained through two zero-sum groups
    True
    >>> labels_intersect(("+1", "0"), ("+1", "-1"), activation="tanh")
    True
    >>> labels_intersect(("g1+", "g1+", "+1"), ("g1+", "g1-", "+1"), activation="odd")  # u = -u: both at u = 0
    True
    """
    g, h = Label(g), Label(h)
    if len(g) != len(h):
        raise ArgumentValueError(f"labels must have the same length, got {len(g)} and {len(h)}")
    if reading is not None:
        reading = get_reading(reading, _class_of(activation, g, h))
    elif g.uses_tokens or h.uses_tokens or activation is not None:
        reading = _token_reading(g, h, _class_of(activation, g, h))
    else:
        reading = reading_for_label(g if any(v < 0 for v in g) else h)
    return _intersect(g, h, reading)


def _class_of(activation, *labels) -> str:
    """The activation class name: ``activation`` resolved, else the class the labels' tokens need."""
    if activation is not None:
        return activation_class(activation).name
    entries = [e for label in labels for e in label]
    if not any(isinstance(e, str) for e in entries):
        return GENERIC
    if any(isinstance(e, str) and e[0] in "+-" for e in entries):
        return "odd"  # the criterion is the same in both sign classes (module docstring)
    return "zero-at-origin"


def _token_reading(g: Label, h: Label, cls: str) -> Reading:
    """The reading of class ``cls`` whose labels carry the blocks and markers of ``g`` and ``h``."""
    markers = set(g.markers()) | set(h.markers())
    if "p" in markers:
        return get_reading(CRITICAL_READING.name, cls, family=CRITICAL_READING.family)
    has_groups = any(code < 0 for label in (g, h) for code, _, _ in label.entries())
    for reading in registered_readings(GLOBAL_MINIMUM, cls):
        if reading.has_groups == has_groups:
            return reading
    return registered_readings(GLOBAL_MINIMUM, cls)[0]


def _singleton_neighbours(g, r):
    # keep a non-empty subset of every replica group (the others become zero-type);
    # each zero-type neuron takes any code 0..r
    m = len(g)
    label = Label(g)
    per_group = []
    for i, members in label.blocks().items():
        options = []
        for mask in range(1, 1 << len(members)):
            options.append(tuple((j, i if mask >> t & 1 else 0) for t, j in enumerate(members)))
        per_group.append(options)
    zero_options = [[(j, v) for v in range(r + 1)] for j in label.zero_type_neurons()]
    base = [0] * m
    for choice in product(*per_group, *zero_options):
        for item in choice:
            if isinstance(item[0], tuple):
                for j, v in item:
                    base[j] = v
            else:
                base[item[0]] = item[1]
        yield tuple(base)


def _groups_neighbours(g, r):
    g = Label(g)
    m = len(g)
    gp = _pinned(g, GROUPS)
    options = [((v, 0) if v > 0 else tuple(range(r + 1))) for v in g]
    needed = set(range(1, r + 1))
    g_groups = [js for v, js in g.blocks().items() if v < 0]
    for word in product(*options):
        if not needed <= set(word):
            continue
        # members of one zero-sum group of g share one incoming vector: at most one teacher label among them
        if any(len({word[j] for j in js} - {0}) > 1 for js in g_groups):
            continue
        # every grouping of the zero neurons of word, as a canonical label
        for h in grouped_labels(word):
            if _pinned_intersect(gp, _pinned(Label(h), GROUPS), m):
                yield h


def critical_neighbour_labels(g, r):
    """Critical subspaces never meet each other: the only intersecting label is ``g`` itself.

    (Kept as a function so :func:`critical_graph` builds by neighbour generation
    like :func:`connectivity_graph`; the tests check it against exact linear algebra.)

    >>> list(critical_neighbour_labels((1, 2, 1), 2))
    []
    """
    return iter(())


#: The groups generator keeps the splits of at most this many free neurons (Bell(6) = 203 partitions
#: times their sign patterns); more are generated afresh each time.
_CACHED_FREE_NEURONS = 6


def _trusted_label(values) -> Label:
    """A :class:`Label` of tokens the generators took from a reading's roles (valid by construction:
    no per-entry validation, which is most of the cost of generating neighbours)."""
    return tuple.__new__(Label, values)


def _replica_tokens(reading: Reading, r: int) -> list:
    """The tokens of every per-teacher block of ``reading``: ``+i``/``-i`` (signed) or ``i``."""
    role = reading.replica
    signs = (1, -1) if role.signed else (1,)
    return [role.token(i, s) for i in range(1, r + 1) for s in signs]


def token_singleton_neighbours(reading) -> NeighbourGenerator:
    r"""The neighbour generator of a singletons reading of an activation class (token labels).

    Every incoming vector of such a label is fixed neuron by neuron
    (:math:`w_j=s_jw^*_i`, :math:`w_j=0` for a dead neuron, free for a
    zero-type neuron), so the criterion reads: ``h`` meets ``g`` iff on every
    neuron the two tokens agree or one of them is ``0`` (a dead neuron meets
    ``d`` or ``0``), and every replica block of ``g`` shares a neuron with the
    block of ``h`` of the same teacher neuron.  The generator keeps a
    non-empty subset of each replica block (same tokens; the rest become
    ``0``), turns each dead neuron into ``d`` or ``0`` and gives each zero-type
    neuron any token of the reading: :math:`\prod_i(2^{|S_i|}-1)\cdot 2^{\#d}
    \cdot(\#\text{tokens})^{\#0}` labels, ``g`` included (checked against
    every pair of the criterion in the tests).

    >>> from symbolic_minima.readings import get_reading
    >>> sorted(token_singleton_neighbours(get_reading("R1", "odd"))(("+1", "0"), 1))
    [('+1', '+1'), ('+1', '-1'), ('+1', '0'), ('+1', 'd')]
    """
    reading = get_reading(reading)
    free_tokens = [role.token(0) for role in reading.free_roles if role.max_size == 1]
    zero = ZERO_TOKEN if ZERO_TOKEN in free_tokens else None

    def generate(g, r):
        g = Label(g)
        choices = []
        for neurons in g.blocks().values():
            options = []
            for mask in range(1, 1 << len(neurons)):
                if zero is None and mask != (1 << len(neurons)) - 1:
                    continue
                options.append(tuple((j, g[j] if mask >> t & 1 else zero) for t, j in enumerate(neurons)))
            choices.append(options)
        alphabet = _replica_tokens(reading, r) + free_tokens
        for j, (code, _, marker) in enumerate(g.entries()):
            if code == 0:
                tokens = alphabet if marker is None else [marker] + ([zero] if zero else [])
                choices.append([((j, v),) for v in tokens])
        out: list = [None] * len(g)
        for choice in product(*choices):
            for block in choice:
                for j, v in block:
                    out[j] = v
            yield _trusted_label(out)

    return generate


def token_groups_neighbours(reading) -> NeighbourGenerator:
    r"""The neighbour generator of a reading with free groups of an activation class (token labels).

    Candidates: every neuron of a replica block of ``g`` keeps its token or
    becomes free, every other neuron takes any replica token or becomes free
    (a dead neuron of ``g`` only becomes free: its vector is 0), the labels
    cover every teacher neuron, members of one group of ``g`` take at most one
    teacher index; the free neurons are split into free blocks in every way
    the reading allows (roles, signs); each candidate is kept if the
    criterion says it meets ``g`` (checked against every pair in the tests).

    >>> from symbolic_minima.readings import get_reading
    >>> len(list(token_groups_neighbours(get_reading("R2", "odd"))(("+1", "0", "0"), 1)))
    18
    """
    reading = get_reading(reading)
    assignments: dict[tuple, list] = {}  # free neurons -> their splits into free blocks (roles, signs)

    def generate(g, r):
        g = Label(g)
        m = len(g)
        gp = _token_pinned(g, reading)
        replica = _replica_tokens(reading, r)
        options: list[tuple] = []
        for v, (code, _, marker) in zip(g, g.entries(), strict=True):
            if code > 0:
                options.append((v, None))
            elif marker is not None:
                options.append((None,))
            else:
                options.append((*replica, None))
        needed = set(range(1, r + 1))
        g_groups = [js for code, js in g.blocks().items() if code < 0]
        for word in product(*options):
            codes = [decode_entry(v)[0] if v is not None else 0 for v in word]
            if not needed <= set(codes):
                continue
            if any(len({codes[j] for j in js} - {0}) > 1 for js in g_groups):
                continue
            free = tuple(j for j, v in enumerate(word) if v is None)
            splits = assignments.get(free)
            if splits is None:
                splits = reading._free_assignments(list(free))
                if len(free) <= _CACHED_FREE_NEURONS:
                    splits = assignments[free] = list(splits)
            for assignment in splits:
                out = list(word)
                for j, v in assignment:
                    out[j] = v
                h = _trusted_label(out)
                if _token_pinned_intersect(gp, _token_pinned(h, reading), m):
                    yield h

    return generate


_NEIGHBOUR_GENERATORS: dict[Reading, NeighbourGenerator] = {
    SINGLETONS: _singleton_neighbours,
    GROUPS: _groups_neighbours,
    CRITICAL_READING: critical_neighbour_labels,
}


def _register_class_generators() -> None:
    """A generator for each reading of the non-generic activation classes (token labels)."""
    from .activation_classes import activation_class_names

    for name in activation_class_names():
        if name == GENERIC:
            continue
        for reading in registered_readings(activation_class=name):
            if reading.is_critical:
                generator = critical_neighbour_labels
            elif reading.has_groups:
                generator = token_groups_neighbours(reading)
            else:
                generator = token_singleton_neighbours(reading)
            _NEIGHBOUR_GENERATORS.setdefault(reading, generator)


_register_class_generators()


def register_neighbour_generator(reading, generator: NeighbourGenerator | None) -> None:
    """Use ``generator(g, r)`` to list the intersecting labels of ``reading``'s labels (``None``: remove it).

    The generator must yield every label ``h`` of the reading with
    :math:`\\Gamma_g\\cap\\Gamma_h\\neq\\emptyset` (``g`` itself may be among
    them); without one, :func:`neighbour_labels` and :func:`connectivity_graph`
    test every label with :func:`labels_intersect`.  Check a new generator
    against that route (as the tests do for the built-in ones).
    """
    reading = get_reading(reading)
    if generator is None:
        _NEIGHBOUR_GENERATORS.pop(reading, None)
        return
    if not callable(generator):
        raise ArgumentTypeError(f"generator must be callable or None, got {type(generator).__name__}")
    _NEIGHBOUR_GENERATORS[reading] = generator


def _neighbours(g: Label, r: int, reading: Reading) -> Iterator[tuple]:
    """Every label of ``reading`` meeting ``g`` (``g`` may be among them)."""
    generator = _NEIGHBOUR_GENERATORS.get(reading)
    if generator is not None:
        return iter(generator(g, r))
    # generic route, any registered reading: every label tested by the pins criterion
    pinned, intersect = _criterion(reading)
    gp = pinned(g, reading)
    return (h for h in reading.labellings(r, len(g)) if intersect(gp, pinned(h, reading), len(g)))


def neighbour_labels(g, r, zero_type: str | Reading = DEFAULT_ZERO_TYPE, include_self: bool = False, activation=None):
    r"""The labels ``h`` (same reading) with :math:`\Gamma_g\cap\Gamma_h\neq\emptyset`, generated directly.

    Singletons reading: keep a non-empty subset of every replica group
    (the rest become zero-type) and give each zero-type neuron any label in
    :math:`0..r`; there are :math:`(r+1)^k\prod_i(2^{|S_i|}-1)` such labels,
    ``g`` included.  Groups reading: candidates whose replicas of ``g`` stay
    replicas of the same teacher neuron or become zero, every partition of
    the zero neurons into groups, filtered by :func:`labels_intersect`.
    The readings of the other activation classes (``activation``): token
    labels, :func:`token_singleton_neighbours` and :func:`token_groups_neighbours`.
    Any other registered reading: every label of the reading, filtered by
    :func:`labels_intersect` (unless :func:`register_neighbour_generator`
    gave it a generator).

    >>> sorted(neighbour_labels((1, 1, 0), 1))
    [(0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 1)]
    >>> sorted(neighbour_labels(("-1", "d"), 1, activation="odd"))
    [('-1', '0')]
    """
    r = check_width(r, "r")
    reading = _reading(zero_type, activation)
    g = Label(g)
    for h in _neighbours(g, r, reading):
        if include_self or h != g:
            yield h


def exact_intersect(sub_g, sub_h) -> bool:
    """Whether two :class:`~symbolic_minima.subspaces.AffineSubspace` meet (exact linear algebra)."""
    from .subspaces import AffineSubspace

    check_instance(sub_g, AffineSubspace, "sub_g"), check_instance(sub_h, AffineSubspace, "sub_h")
    return sub_g.intersection(sub_h) is not None


# ---------------------------------------------------------------------------
# building graphs
# ---------------------------------------------------------------------------


def _teacher_shape(teacher, d):
    """(r, d, d_out, teacher_or_None) from a Teacher or an int width."""
    if isinstance(teacher, bool):
        raise ArgumentTypeError(f"teacher must be a Teacher or an integer width r, got {teacher!r}")
    if isinstance(teacher, int):
        r = check_width(teacher, "r")
        d = 1 if d is None else check_int(d, "d", 1, 1000)
        return r, d, 1, None
    for attr in ("width", "input_dim", "output_dim"):
        if not hasattr(teacher, attr):
            raise ArgumentTypeError(f"teacher must be a Teacher or an integer width r, got {teacher!r}")
    if d is not None and d != teacher.input_dim:
        raise ArgumentValueError(f"d = {d} disagrees with the teacher's input dimension {teacher.input_dim}")
    return teacher.width, teacher.input_dim, teacher.output_dim, teacher


def check_class_teacher(teacher, activation=None) -> None:
    r"""Refuse a teacher (or critical point) that is not irreducible for the activation class.

    The classes where signs matter need :math:`w^*_i\neq -w^*_k` as well as the
    distinct, non-zero vectors every :class:`~symbolic_minima.network.Teacher`
    has; otherwise :math:`\pm w^*_i` would not be pairwise distinct and the
    intersection criterion (and the class's subspaces) would not apply
    (:func:`symbolic_minima.network.check_irreducible`).

    >>> from symbolic_minima.network import Teacher
    >>> check_class_teacher(Teacher([1, -1], [1, 1]), "generic")
    >>> check_class_teacher(Teacher([1, -1], [1, 1]), "tanh")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: teacher incoming vectors w_1 and w_2 must not be opposite ...
    """
    from .network import check_irreducible

    if activation is not None:
        check_irreducible(teacher, activation)


def _default_teacher(r, d):
    from .network import Teacher

    return Teacher.default(r, d)


def _add_nodes(G, labels, d, d_out, reading, r):
    """Add the labels as nodes; ``dimension`` and ``category`` depend only on the label's :class:`Kind`,
    so they are computed once per kind and the kind object is shared by its nodes."""
    per_kind: dict = {}
    if reading is SINGLETONS:
        counts = range(1, r + 1)

        def kind_of(g):  # Label.type() for a singletons label, with C-level counts
            return Kind(g.count(0), tuple(sorted(map(g.count, counts), reverse=True)), ())
    else:
        def kind_of(g):
            return g.type()
    for g in progress(labels, total=len(labels), desc="nodes (dimension, kind)"):
        kind = kind_of(g)
        shared = per_kind.get(kind)
        if shared is None:
            shared = per_kind[kind] = (kind, g.dimension(d, d_out, reading), label_category(g))
        G.add_node(g, label=g, dimension=shared[1], kind=shared[0], category=shared[2])


# ---------------------------------------------------------------------------
# streaming the edges (each edge once, into the graph, never collected in a list)
# ---------------------------------------------------------------------------


class _Interner(dict):
    """``{label: label}``: maps a neighbour tuple to the graph's own node object, so the graph
    holds every label once (not one tuple per edge end).  A tuple whose free blocks are numbered
    out of order (a permuted label) is canonicalised on a miss."""

    __slots__ = ()

    def __missing__(self, key):
        canonical = Label(key).canonical()
        if tuple(canonical) == tuple(key):
            raise KeyError(key)
        return self[canonical]


def _neuron_order(g: Label) -> list:
    """The neurons of ``g`` in the order of its neuron-permutation orbit's representative: free blocks of
    two or more neurons (larger first, then by first neuron, members by sign), free singletons (by
    marker), per-teacher blocks (by teacher index, members by sign)."""
    if not g.uses_tokens:
        blocks: dict[int, list] = {}
        for j, v in enumerate(g):
            blocks.setdefault(v, []).append(j)
        groups = sorted((b for v, b in blocks.items() if v < 0), key=len, reverse=True)  # stable: first neuron
        order = [j for b in groups for j in b]
        order += blocks.get(0, ())
        for v in sorted(v for v in blocks if v > 0):
            order += blocks[v]
        return order
    entries = g.entries()
    members: dict[int, list] = {}
    for j, (code, _, _) in enumerate(entries):
        if code < 0:
            members.setdefault(code, []).append(j)
    group_rank = {code: rank for rank, code in enumerate(sorted(members, key=lambda c: -len(members[c])))}

    def key(j):
        code, sign, marker = entries[j]
        if code < 0:
            return (0, group_rank[code], -sign, j)
        if code == 0:
            return (1, marker or "", 0, j)
        return (2, code, -sign, j)

    return sorted(range(len(g)), key=key)


def _orbit_representative(g: Label) -> tuple:
    """``(rep, inverse)``: the representative ``rep`` of ``g``'s orbit under neuron permutations and a
    permutation with ``g == canonical(rep o inverse)`` (``g[j] == rep[inverse[j]]`` up to the numbering
    of free blocks), so every label ``h`` meeting ``rep`` gives the label ``canonical(h o inverse)`` meeting
    ``g`` (neuron permutations preserve intersections)."""
    order = _neuron_order(g)
    inverse = [0] * len(order)
    for position, j in enumerate(order):
        inverse[j] = position
    rep = Label(g[j] for j in order)
    return rep.canonical(), tuple(inverse)


def _permuter(inverse: tuple):
    """``h -> tuple(h[i] for i in inverse)`` at C speed (:func:`operator.itemgetter`)."""
    if len(inverse) == 1:
        return tuple
    return itemgetter(*inverse)


def _singleton_edges(labels, r, desc, total):
    """Edges of the singletons reading (R1), each once, in the order of the per-label generator.

    A label is coded as the integer with digits ``g(j)`` in base ``r + 1``; the neighbours of ``g``
    (:func:`neighbour_labels`) are the sums of one contribution per replica group (a non-empty subset
    of it kept) and one per zero-type neuron (any value), so :func:`itertools.product` and ``sum``
    generate their codes at C speed; a dictionary maps codes back to the graph's node objects."""
    if not labels:
        return iter(())
    m = len(labels[0])
    weight = [(r + 1) ** (m - 1 - j) for j in range(m)]
    node = {}
    codes = []
    for g in labels:
        code = sum(map(mul, g, weight))
        node[code] = g
        codes.append(code)
    get = node.__getitem__

    def edges_of(g, code):
        members: dict[int, list] = {}
        options = []
        for j, v in enumerate(g):
            if v:
                members.setdefault(v, []).append(weight[j] * v)
        for parts in members.values():
            options.append([sum(p for t, p in enumerate(parts) if mask >> t & 1)
                            for mask in range(1, 1 << len(parts))])
        for j, v in enumerate(g):
            if not v:
                options.append([weight[j] * value for value in range(r + 1)])
        return zip(repeat(g), map(get, filter(code.__lt__, map(sum, product(*options)))))

    # one Python call per label; the edges themselves flow through C-level iterators
    return chain.from_iterable(map(edges_of, progress(labels, total=total, desc=desc), codes))


def _orbit_edges(labels, r, reading, desc, total):
    """Edges of any reading, each once: the neighbours of one representative per neuron-permutation
    orbit are generated once (:func:`_neighbours`: the reading's generator, or the criterion against
    every label) and mapped to every label of the orbit by the permutation (C-level
    :func:`operator.itemgetter`), then to the graph's node objects."""
    lookup = _Interner((g, g) for g in labels)
    get = lookup.__getitem__
    per_orbit: dict = {}

    def edges_of(g):
        rep, inverse = _orbit_representative(g)
        found = per_orbit.get(rep)
        if found is None:
            found = per_orbit[rep] = tuple(tuple(h) for h in _neighbours(rep, r, reading) if h != rep)
        return zip(repeat(g), filter(g.__lt__, map(get, map(_permuter(inverse), found))))

    return chain.from_iterable(map(edges_of, progress(labels, total=total, desc=desc)))


def _label_edges(labels, r, reading, desc, total):
    """Every edge ``(g, h)`` (``g < h``) of the graph on ``labels``, streamed."""
    if _NEIGHBOUR_GENERATORS.get(reading) is _singleton_neighbours:
        return _singleton_edges(labels, r, desc, total)
    if _NEIGHBOUR_GENERATORS.get(reading) is critical_neighbour_labels:
        return iter(())
    return _orbit_edges(labels, r, reading, desc, total)


#: The generators of the built-in generic readings, whose edges are streamed by :func:`_label_edges`.
_STREAMED_GENERATORS = (_singleton_neighbours, _groups_neighbours, critical_neighbour_labels)


def _streams(reading: Reading) -> bool:
    """Whether the edges of ``reading`` are streamed (built-in generators on integer labels)."""
    return not reading.uses_tokens and any(_NEIGHBOUR_GENERATORS.get(reading) is gen for gen in _STREAMED_GENERATORS)


def _add_label_edges(G, labels, r, reading, size, desc):
    if _streams(reading):
        with phase("adding edges (streamed)"):
            G.add_edges_from(_label_edges(labels, r, reading, desc, size))
        return
    edges = []
    if reading in _NEIGHBOUR_GENERATORS:
        for g in progress(labels, total=size, desc=desc):
            for h in _neighbours(g, r, reading):
                if h > g:
                    edges.append((g, h))
    else:  # generic route: every pair, by the pins criterion
        pinned, intersect = _criterion(reading)
        pins = {g: pinned(g, reading) for g in labels}
        m = len(labels[0]) if labels else 0
        pairs = len(labels) * (len(labels) - 1) // 2
        for g, h in progress(combinations(labels, 2), total=pairs, desc=desc):
            if intersect(pins[g], pins[h], m):
                edges.append((g, h))
    with phase(f"adding {len(edges):,} edges"):
        G.add_edges_from(edges)


def connectivity_graph(teacher, m, zero_type: str | Reading = DEFAULT_ZERO_TYPE, method: str = "labels", d=None,
                       max_nodes: int = MAX_GRAPH_NODES, activation=None) -> nx.Graph:
    r"""The connectivity graph of the :math:`T(r,m)` global-minimum subspaces of a reading.

    ``teacher``: a :class:`~symbolic_minima.network.Teacher`, or an int
    :math:`r` (then :meth:`Teacher.default(r, d) <symbolic_minima.network.Teacher.default>`
    is used where a teacher is needed).  ``zero_type``: any registered
    global-minimum reading (name, alias or :class:`~symbolic_minima.readings.Reading`).
    Nodes are the labels (:class:`~symbolic_minima.labels.Label`) with
    attributes ``label``, ``dimension``, ``kind`` (:class:`Kind`) and
    ``category`` (:func:`label_category`); graph attributes ``r``, ``m``,
    ``d``, ``d_out``, ``zero_type``, ``reading`` and ``method``, and
    ``activation_class`` when ``activation`` (a class name or an activation
    name such as ``"tanh"``) is given or the reading is not generic: the
    nodes are then token labels (signs, dead ``d`` neurons).

    ``method="labels"`` generates neighbours with :func:`neighbour_labels`
    (readings without a registered generator: every pair by
    :func:`labels_intersect`); ``method="exact"`` intersects every pair of
    exact subspaces (slow; for checking).  More than ``max_nodes`` subspaces
    raise :class:`~symbolic_minima.errors.ArgumentValueError`.

    >>> G = connectivity_graph(1, 2)
    >>> sorted(G.edges())
    [((0, 1), (1, 1)), ((1, 0), (1, 1))]
    >>> G.graph["reading"], connectivity_graph(1, 3, "R2").number_of_nodes()
    ('R1', 10)
    >>> G = connectivity_graph(1, 1, activation="tanh")   # the sign-flipped teachers: isolated points
    >>> sorted(G.nodes), G.number_of_edges(), G.graph["activation_class"]
    ([('+1',), ('-1',)], 0, 'odd')
    """
    r, d, d_out, teacher = _teacher_shape(teacher, d)
    r, m = check_rm(r, m)
    reading = _reading(zero_type, activation)
    if teacher is not None:
        check_class_teacher(teacher, reading.activation_class)
    method = check_choice(method, "method", METHODS)
    size = _count_guard(r, m, reading, max_nodes)
    if reading.activation_class == GENERIC and reading.name in ZERO_TYPES:  # the cost model's
        from .budget import graph_estimate

        graph_estimate(r, m, reading.name, method, summary=False).check()  # edges too, not only nodes
    G = nx.Graph(r=r, m=m, d=d, d_out=d_out, zero_type=reading.name, reading=reading.short_name,
                 method=method, kind="global minima")
    _tag_class(G, reading, activation)
    labels = list(progress(reading.labellings(r, m), total=size, desc=f"labels r={r} m={m}"))
    _add_nodes(G, labels, d, d_out, reading, r)
    if method == "labels":
        _add_label_edges(G, labels, r, reading, size, f"graph r={r} m={m}")
        return G
    from .subspaces import subspaces_of

    if teacher is None:
        teacher = _default_teacher(r, d)
    _add_exact_edges(G, list(subspaces_of(reading, teacher, m)))
    return G


def _tag_class(G, reading: Reading, activation) -> None:
    """Record the activation class on ``G`` when it was asked for or is not the generic one."""
    if activation is not None or reading.activation_class != GENERIC:
        G.graph["activation_class"] = reading.activation_class


def _add_exact_edges(G, subs):
    pairs = len(subs) * (len(subs) - 1) // 2
    for s, t in progress(combinations(subs, 2), total=pairs, desc="exact intersections"):
        if exact_intersect(s, t):
            G.add_edge(tuple(s.label), tuple(t.label))


def _count_guard(r, m, zero_type, max_nodes, activation=None):
    """:math:`T(r, m)` of the reading (:func:`symbolic_minima.counting.count_subspaces`); raises above ``max_nodes``."""
    from .counting import count_subspaces

    reading = _reading(zero_type, activation)
    t = count_subspaces(reading, r, m)
    if t > max_nodes:
        raise ArgumentValueError(
            f"the graph for r={r}, m={m} ({reading.short_name}) has {t} nodes, more than "
            f"max_nodes={max_nodes}; choose a smaller m or raise max_nodes"
        )
    return t


def critical_graph(critical_point, m, method: str = "labels", d=None, activation=None) -> nx.Graph:
    r"""The connectivity graph of the :math:`G(r,m)` critical subspaces of ``critical_point``.

    ``critical_point``: a :class:`~symbolic_minima.network.CriticalPoint` (or
    Teacher), or an int :math:`r`; ``activation``: the activation class (or
    an activation name), default generic.  Critical subspaces of one critical
    point are pairwise disjoint in every class (two different labels differ
    at a neuron whose incoming vector each pins to a different one of
    :math:`\pm w_i`, :math:`0`), so the graph has one component per label
    and no edge (``method="exact"`` checks every pair).

    >>> G = critical_graph(2, 3)
    >>> G.number_of_nodes(), G.number_of_edges(), component_count(G)
    (6, 0, 6)
    >>> critical_graph(1, 2, activation="odd").number_of_nodes()   # (e^{2x}-1) e^x: 4 * 2 signed pairs
    8
    """
    from .counting import count_subspaces

    r, d, d_out, point = _teacher_shape(critical_point, d)
    r, m = check_rm(r, m)
    method = check_choice(method, "method", METHODS)
    cls = GENERIC if activation is None else activation_class(activation).name
    reading = get_reading(CRITICAL_READING.name, cls, family=CRITICAL_READING.family)
    if point is not None:
        check_class_teacher(point, cls)
    size = count_subspaces(reading, r, m)
    if size > MAX_GRAPH_NODES:
        raise ArgumentValueError(f"the critical graph for r={r}, m={m} has {size} nodes, more than {MAX_GRAPH_NODES}")
    if reading.activation_class == GENERIC:
        from .budget import critical_graph_estimate

        critical_graph_estimate(r, m, method).check()
    G = nx.Graph(r=r, m=m, d=d, d_out=d_out, zero_type=None, reading=None, method=method, kind=reading.family)
    _tag_class(G, reading, activation)
    labels = list(progress(reading.labellings(r, m), total=size, desc=f"labels r={r} m={m}"))
    _add_nodes(G, labels, d, d_out, reading, r)
    if method == "labels":
        _add_label_edges(G, labels, r, reading, size, "critical graph")
        return G
    from .network import CriticalPoint
    from .subspaces import subspaces_of

    if point is None:
        point = CriticalPoint.from_teacher(_default_teacher(r, d))
    _add_exact_edges(G, list(subspaces_of(reading, point, m)))
    return G


# ---------------------------------------------------------------------------
# ---------------------------------------------------------------------------
# facts read off the graph
# ---------------------------------------------------------------------------


def component_count(G) -> int:
    """Number of connected components."""
    check_instance(G, nx.Graph, "G")
    return nx.number_connected_components(G)


def graph_diameter(G, method: str = "orbits"):
    r"""Diameter of a connected graph (``None`` if it is not connected or empty).

    ``method="orbits"``: breadth-first search from one node of each
    :class:`Kind` only.  Neuron permutations and teacher relabellings (and, in
    the classes where signs matter, flipping the sign of one neuron in every
    label) are automorphisms of the graph (the intersection criterion is
    invariant) and act transitively on the labels of one kind, so every node
    of a kind has the same eccentricity.  ``method="networkx"``: :func:`networkx.diameter`
    (all nodes; the tests check both agree).
    """
    check_instance(G, nx.Graph, "G")
    method = check_choice(method, "method", ("orbits", "networkx"))
    with phase("diameter: is the graph connected"):
        if G.number_of_nodes() == 0 or not nx.is_connected(G):
            return None
    if method == "networkx":
        with phase("diameter (networkx)"):
            return nx.diameter(G)
    reps: dict[Kind, object] = {}
    for node, kind in G.nodes(data="kind"):
        reps.setdefault(kind, node)
    searches = progress(reps.values(), total=len(reps), desc="diameter: one breadth-first search per kind")
    return max(max(nx.single_source_shortest_path_length(G, v).values()) for v in searches)


def graph_summary(G) -> dict:
    """A JSON-ready summary: ``nodes``, ``edges``, ``components``, ``isolated``,
    ``diameter`` (connected graphs only), degree range, the degree histogram
    ``degrees`` (``{degree: number of nodes}``), and the graph's ``r``, ``m``, ``d``,
    ``zero_type``/``reading``, ``method`` (and ``activation_class`` when the graph has it).
    :func:`symbolic_minima.graph_types.type_summary` computes the same facts from the label
    types without building the graph (every activation class: ``activation=``).

    >>> graph_summary(connectivity_graph(2, 4))["degrees"]
    {6: 8, 8: 42}
    """
    check_instance(G, nx.Graph, "G")
    out = {key: G.graph.get(key) for key in ("kind", "r", "m", "d", "d_out", "zero_type", "reading", "method")}
    if "activation_class" in G.graph:
        out["activation_class"] = G.graph["activation_class"]
    with phase("components"):
        out.update(
            nodes=G.number_of_nodes(),
            edges=G.number_of_edges(),
            components=component_count(G) if G.number_of_nodes() else 0,
            isolated=nx.number_of_isolates(G),
        )
    degrees = [deg for _, deg in G.degree()]
    out["min_degree"] = min(degrees) if degrees else None
    out["max_degree"] = max(degrees) if degrees else None
    out["degrees"] = dict(sorted(Counter(degrees).items()))
    if out["components"] == 1:
        out["diameter"] = graph_diameter(G)
    return out


def isolated_minima(teacher, zero_type: str = DEFAULT_ZERO_TYPE, d=None, activation=None) -> int:
    r"""Build the graph for :math:`m=r` and return its number of isolated nodes
    (:math:`r!`, the permuted teachers; in the sign classes :math:`r!\,2^r`, the
    permuted and sign-flipped teachers; the tests compare with
    :func:`predicted_isolated_minima` and with the number of nodes).

    >>> isolated_minima(3), isolated_minima(2, activation="tanh"), isolated_minima(2, activation="exp-minus-one")
    (6, 8, 2)
    """
    r, _, _, _ = _teacher_shape(teacher, d)
    G = connectivity_graph(teacher, r, zero_type=zero_type, d=d, activation=activation)
    return nx.number_of_isolates(G)


def predicted_isolated_minima(r, activation=None) -> int:
    r"""The number of zero-loss points of a width-``r`` student (:math:`m=r`), derived by hand.

    Every neuron must replicate a distinct teacher neuron (one block per teacher
    neuron, :math:`r` neurons), so the labels are the :math:`r!` bijections, times
    :math:`2^r` sign patterns where signs matter (odd, even, even-zero-at-origin);
    each subspace is a point (a block of size one has dimension 0), and two
    different labels differ at a neuron whose incoming vector they pin to two of
    the distinct vectors :math:`\pm w^*_i`: no edges.

    >>> [predicted_isolated_minima(3, a) for a in (None, "zero-at-origin", "odd", "even", "logcosh")]
    [6, 6, 48, 48, 48]
    """
    r = check_width(r, "r")
    signed = activation is not None and activation_class(activation).signs is not None
    return factorial(r) * (2 ** r if signed else 1)


def _is_one_zero(kind: Kind) -> bool:
    return (kind.zero_type_neurons == 1 and not kind.zero_sum_groups and all(s == 1 for s in kind.replica_sizes)
            and not kind.dead_neurons)


def _is_one_dead(kind: Kind) -> bool:
    return (kind.dead_neurons == 1 and not kind.zero_type_neurons and not kind.zero_sum_groups
            and all(s == 1 for s in kind.replica_sizes))


def _is_one_pair(kind: Kind) -> bool:
    return (kind.zero_type_neurons == 0 and not kind.zero_sum_groups and not kind.dead_neurons
            and sorted(kind.replica_sizes, reverse=True)[:1] == [2]
            and sum(kind.replica_sizes) == len(kind.replica_sizes) + 1)


def _has_dead(cls) -> bool:
    """Whether the global-minimum labels of activation class ``cls`` have dead neurons."""
    return cls is not None and activation_class(cls).zero_at_origin


def one_extra_neuron_facts(G) -> dict:
    r"""For a graph with :math:`m=r+1`: counts and degree sets of the two kinds of node, read off ``G``.

    Returns ``{"zero_type": {"count", "degrees"}, "replicated_pair": {"count",
    "degrees"}, "other": n, "edges": e, "diameter": D}`` (degrees: sorted list
    of the distinct degrees), and ``"dead_neuron": {"count", "degrees"}`` (one
    dead neuron) for the graphs of the classes with :math:`\sigma(0)=0`.
    Compare with :func:`predicted_one_extra_neuron_facts`.

    >>> one_extra_neuron_facts(connectivity_graph(2, 3))["zero_type"]
    {'count': 6, 'degrees': [2]}
    >>> one_extra_neuron_facts(connectivity_graph(1, 2, activation="odd"))["dead_neuron"]
    {'count': 4, 'degrees': [1]}
    """
    check_instance(G, nx.Graph, "G")
    r, m = G.graph["r"], G.graph["m"]
    if m != r + 1:
        raise ArgumentValueError(f"one_extra_neuron_facts needs m = r + 1 = {r + 1}, got m = {m}")
    dead_class = _has_dead(G.graph.get("activation_class"))
    zero, pair, dead = [], [], []
    other = 0
    for node, kind in G.nodes(data="kind"):
        if _is_one_zero(kind):
            zero.append(G.degree(node))
        elif _is_one_pair(kind):
            pair.append(G.degree(node))
        elif dead_class and _is_one_dead(kind):
            dead.append(G.degree(node))
        else:
            other += 1
    out: dict = {
        "zero_type": {"count": len(zero), "degrees": sorted(set(zero))},
        "replicated_pair": {"count": len(pair), "degrees": sorted(set(pair))},
    }
    if dead_class:
        out["dead_neuron"] = {"count": len(dead), "degrees": sorted(set(dead))}
    out.update(other=other, edges=G.number_of_edges(), diameter=graph_diameter(G))
    return out


def star_graph_diameter(n: int) -> int:
    r"""Diameter :math:`\lfloor 3(n-1)/2\rfloor` of the star graph (Cayley graph of
    :math:`S_n` generated by the transpositions :math:`(1\,i)`), Akers–Krishnamurthy.

    >>> [star_graph_diameter(n) for n in range(1, 6)]
    [0, 1, 3, 4, 6]
    """
    n = check_width(n, "n")
    return 3 * (n - 1) // 2


def predicted_one_extra_neuron_facts(r, activation=None) -> dict:
    r"""The values derived by hand (module docstring) for :math:`m=r+1`, same keys as
    :func:`one_extra_neuron_facts` (``activation``: a class or activation name, default generic).

    >>> predicted_one_extra_neuron_facts(2)["diameter"]
    6
    >>> [predicted_one_extra_neuron_facts(2, a)["diameter"] for a in ("zero-at-origin", "odd", "even", "logcosh")]
    [8, 10, 8, 10]
    """
    r = check_width(r, "r")
    f = factorial(r + 1)
    if activation is None:
        return {
            "zero_type": {"count": f, "degrees": [r]},
            "replicated_pair": {"count": f * r // 2, "degrees": [2]},
            "other": 0,
            "edges": f * r,
            "diameter": 2 * star_graph_diameter(r + 1),
        }
    cls = activation_class(activation)
    signed = cls.signs is not None
    dead = cls.zero_at_origin
    zero_count = f * 2 ** r if signed else f
    zero_degree = (2 * r if signed else r) + (1 if dead else 0)
    out: dict = {
        "zero_type": {"count": zero_count, "degrees": [zero_degree]},
        "replicated_pair": {"count": f * r * 2 ** r if signed else f * r // 2, "degrees": [2]},
    }
    if dead:
        out["dead_neuron"] = {"count": zero_count, "degrees": [1]}
    out.update(other=0, edges=zero_count * zero_degree,
               diameter=one_extra_neuron_diameter(r, activation))
    return out


def structural_facts(r, activation=None, zero_type: str = DEFAULT_ZERO_TYPE) -> dict:
    r"""The structural facts of a class, read off the built graphs at :math:`m=r` and :math:`m=r+1`,
    next to the values derived by hand.

    Returns ``activation_class``, ``r``, ``reading``, ``isolated_minima`` (isolated
    nodes at :math:`m=r`) and ``predicted_isolated_minima``, ``components_one_extra``
    (components at :math:`m=r+1`: 1 means one extra neuron connects every
    minimum), ``diameter_one_extra`` and ``predicted_diameter_one_extra``.

    >>> facts = structural_facts(2, "tanh")
    >>> facts["isolated_minima"], facts["components_one_extra"], facts["diameter_one_extra"]
    (8, 1, 10)
    >>> facts["isolated_minima"] == facts["predicted_isolated_minima"]
    True
    """
    r = check_width(r, "r")
    cls = activation_class(activation).name
    reading = _reading(zero_type, cls)
    at_r = connectivity_graph(r, r, reading, activation=cls)
    one_extra = connectivity_graph(r, r + 1, reading, activation=cls)
    return {
        "activation_class": cls,
        "r": r,
        "reading": reading.short_name,
        "isolated_minima": nx.number_of_isolates(at_r),
        "predicted_isolated_minima": predicted_isolated_minima(r, cls),
        "components_one_extra": component_count(one_extra),
        "diameter_one_extra": graph_diameter(one_extra),
        "predicted_diameter_one_extra": one_extra_neuron_diameter(r, cls),
    }


def signed_star_graph_diameter(n: int) -> int:
    r"""Diameter :math:`2(n-1)` of the *signed star graph*: arrangements of a hole and the signed symbols
    :math:`\pm1,\dots,\pm(n-1)` on :math:`n` places, a move puts one symbol into the hole with either sign
    (derivation in the module docstring).

    >>> [signed_star_graph_diameter(n) for n in range(1, 5)]
    [0, 2, 4, 6]
    """
    n = check_width(n, "n")
    return 2 * (n - 1)


def one_extra_neuron_diameter(r, activation=None) -> int:
    r"""The diameter of the global-minimum graph at :math:`m=r+1` (either reading), derived by hand.

    ========================  ==========================
    class                     diameter
    ========================  ==========================
    generic                   :math:`2\lfloor 3r/2\rfloor`
    zero-at-origin            :math:`2\lfloor 3r/2\rfloor+2`
    even                      :math:`4r`
    odd, even-zero-at-origin  :math:`4r+2`
    ========================  ==========================

    >>> [one_extra_neuron_diameter(3, a) for a in (None, "exp-minus-one", "gaussian", "tanh", "logcosh")]
    [8, 10, 12, 14, 14]
    """
    r = check_width(r, "r")
    cls = activation_class(activation)
    hops = signed_star_graph_diameter(r + 1) if cls.signs is not None else star_graph_diameter(r + 1)
    return 2 * hops + (2 if cls.zero_at_origin else 0)


def shortest_label_path(r, start, end, zero_type: str = DEFAULT_ZERO_TYPE, activation=None,
                        max_generated=None) -> list:
    """A shortest sequence of pairwise-intersecting labels from ``start`` to ``end``
    (breadth-first search over :func:`neighbour_labels`, without building the
    whole graph; deterministic: neighbours visited in sorted order).

    ``max_generated``: stop with :class:`~symbolic_minima.budget.BudgetExceeded`
    once that many neighbour labels have been generated (``None``: no limit).

    >>> shortest_label_path(1, (1, 0), (0, 1))
    [(1, 0), (1, 1), (0, 1)]
    >>> shortest_label_path(1, ("+1", "0"), ("-1", "0"), activation="tanh")   # a sign flip needs 4 steps
    [('+1', '0'), ('+1', '+1'), ('0', '+1'), ('-1', '+1'), ('-1', '0')]
    """
    r = check_width(r, "r")
    reading = _reading(zero_type, activation)
    start, end = Label(start), Label(end)
    for name, g in (("start", start), ("end", end)):
        if not reading.is_label(g, r):
            raise ArgumentValueError(
                f"{name} label {','.join(map(str, g))} is not a global-minimum label for r={r} "
                f"({reading.short_name})"
            )
    start, end = Label(start), Label(end)
    if len(start) != len(end):
        raise ArgumentValueError(f"start and end labels must have the same length m, got {len(start)} and {len(end)}")
    if start == end:
        return [start]
    parents: dict[tuple, tuple | None] = {start: None}
    queue = deque([start])
    generated = [0]
    while queue:
        v = queue.popleft()
        neighbours = _neighbours(v, r, reading)
        if max_generated is not None:
            neighbours = _capped(neighbours, generated, max_generated)
        for u in sorted(neighbours):
            if u in parents:
                continue
            parents[u] = v
            if u == end:
                path = [u]
                parent = parents[u]
                while parent is not None:
                    path.append(parent)
                    parent = parents[parent]
                return path[::-1]
            queue.append(Label(u))
    raise ArgumentValueError(f"no path from {start.format()} to {end.format()} (m = r: isolated minima)")


def _capped(neighbours, generated, limit):
    """Yield from ``neighbours``, counting in ``generated[0]``; past ``limit`` raise BudgetExceeded."""
    from .budget import BudgetExceeded

    for u in neighbours:
        generated[0] += 1
        if generated[0] > limit:
            raise BudgetExceeded(f"the chain search generated {limit} neighbour labels without reaching the end label")
        yield u


