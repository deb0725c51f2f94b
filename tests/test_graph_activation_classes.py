"""Connectivity graphs of the activation classes: the signed intersection criterion against exact linear
algebra, the neighbour generators, and the structural facts (isolated minima, one extra neuron, diameter).

Set ``SYMBOLIC_MINIMA_EXHAUSTIVE=1`` to check the criterion on literally every pair of the larger cases too
(r = 2, m = 4 and r = 3, m = 4, d = 1 and 2: about ten million exact intersections); by default those cases
are checked on every pair up to the symmetries of the graph (neuron permutations, sign flips), which the
tests below show to be symmetries of the exact subspaces.
"""

import os
from functools import cache
from itertools import combinations, permutations
from math import factorial

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from symbolic_minima.activation_classes import activation_class, activation_class_names
from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.graph import (
    _intersect,
    _token_pinned,
    check_class_teacher,
    component_count,
    connectivity_graph,
    critical_graph,
    graph_diameter,
    graph_summary,
    isolated_minima,
    labels_intersect,
    neighbour_labels,
    one_extra_neuron_diameter,
    one_extra_neuron_facts,
    predicted_isolated_minima,
    predicted_one_extra_neuron_facts,
    shortest_label_path,
    signed_star_graph_diameter,
    star_graph_diameter,
    structural_facts,
)
from symbolic_minima.labels import Label
from symbolic_minima.network import CriticalPoint, Teacher
from symbolic_minima.readings import get_reading
from symbolic_minima.subspaces import AffineSubspace, subspace_of, subspaces_of

CLASSES = [name for name in activation_class_names() if name != "generic"]
SIGNED = [name for name in CLASSES if activation_class(name).signs is not None]
READINGS = ["singletons", "groups", "critical"]
SMALL = [(1, 1), (1, 2), (1, 3), (2, 2), (2, 3)]
LARGER = [(2, 4), (3, 4)]
EXHAUSTIVE = os.environ.get("SYMBOLIC_MINIMA_EXHAUSTIVE") == "1"


@cache
def _subspaces(cls, reading_name, r, m, d):
    reading = get_reading(reading_name, cls)
    point = Teacher.default(r, d)
    if reading.is_critical:
        point = CriticalPoint.from_teacher(point)
    return reading, tuple(subspaces_of(reading, point, m))


# ---------------------------------------------------------------------------------------------------------
# symmetries of the exact subspaces: neuron permutations and (sign classes) sign flips of one neuron
# ---------------------------------------------------------------------------------------------------------


def _flip_token(token):
    if token[0] == "+":
        return "-" + token[1:]
    if token[0] == "-":
        return "+" + token[1:]
    if token[0] == "g":
        return token[:-1] + ("-" if token[-1] == "+" else "+")
    return token  # 0, d, p: the vector is free or 0, the outgoing weight 0 or free


def flip_label(label, j):
    """The label of F_j(Gamma_g), F_j: (w_j, a_j) -> (-w_j, eps a_j) (eps = -1 odd, +1 even)."""
    out = list(label)
    out[j] = _flip_token(out[j])
    return Label(out).canonical()


def flip_subspace(S, j, cls):
    """The exact image F_j(S): {A x = b} -> {A D x' = b} with D = diag(+-1) (D = D^-1)."""
    eps = -1 if activation_class(cls).signs == "odd" else 1
    n = len(S.parameters)
    scale = [1] * n
    for c in S.neurons[j]:
        scale[c] = -1 if str(S.parameters[c]).startswith("w") else eps
    rows, b = S.matrix()
    A = [[row[c] * scale[c] for c in range(n)] for row in rows]
    return AffineSubspace(S.parameters, A, b, neurons=S.neurons)


@pytest.mark.parametrize("cls", SIGNED)
@pytest.mark.parametrize("reading_name", READINGS)
def test_sign_flip_of_one_neuron_maps_subspaces_to_subspaces(cls, reading_name):
    reading, subs = _subspaces(cls, reading_name, 2, 3, 2)
    by_label = {S.label: S for S in subs}
    for S in subs:
        for j in range(3):
            image = flip_subspace(S, j, cls)
            target = by_label[flip_label(S.label, j)]
            assert image.dimension == target.dimension and image == target, (S.label, j)


def test_sign_flip_with_the_wrong_weight_is_not_a_symmetry():
    # the odd class weighs a_j by its sign: flipping w_j alone (the even rule) does not map odd subspaces
    _, subs = _subspaces("odd", "singletons", 1, 2, 1)
    by_label = {S.label: S for S in subs}
    S = by_label[("+1", "+1")]
    wrong = flip_subspace(S, 0, "even")
    assert wrong != flip_subspace(S, 0, "odd")
    assert not any(wrong == T for T in subs)


@pytest.mark.parametrize("cls", CLASSES)
def test_neuron_permutations_map_subspaces_to_subspaces(cls):
    _, subs = _subspaces(cls, "groups", 2, 3, 2)
    by_label = {S.label: S for S in subs}
    for S in subs:
        for pi in permutations((1, 2, 3)):
            image = S.permuted(pi)
            assert image == by_label[image.label]


# ---------------------------------------------------------------------------------------------------------
# the criterion against exact linear algebra
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("r,m", SMALL)
@pytest.mark.parametrize("reading_name", READINGS)
@pytest.mark.parametrize("cls", CLASSES)
def test_criterion_agrees_with_exact_linear_algebra_on_every_pair(cls, reading_name, r, m, d):
    reading, subs = _subspaces(cls, reading_name, r, m, d)
    edges = 0
    for S, U in combinations(subs, 2):
        exact = S.intersects(U)
        assert exact == _intersect(S.label, U.label, reading), (S.label, U.label)
        assert exact == labels_intersect(S.label, U.label, reading_name, activation=cls)
        edges += exact
    if reading.is_critical:
        assert edges == 0  # critical subspaces of one critical point never meet, in every class


def _orbit_key(label, signed):
    """Label up to neuron permutations (and, with signs, sign flips of single neurons)."""
    def strip(v):
        if not signed:
            return v
        if v[0] in "+-":
            return v[1:]
        if v[0] == "g":
            return v[:-1] + "+"
        return v

    stripped = Label(strip(v) for v in label)
    return min(tuple(stripped.permute(p)) for p in permutations(range(len(label))))


@pytest.mark.slow
@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("r,m", LARGER)
@pytest.mark.parametrize("reading_name", READINGS)
@pytest.mark.parametrize("cls", CLASSES)
def test_criterion_agrees_with_exact_linear_algebra_larger_cases(cls, reading_name, r, m, d):
    """Every pair {g, h} up to the symmetries above: g runs over one label per orbit, h over all labels
    (each pair is the image of such a pair under a symmetry of both routes). With
    SYMBOLIC_MINIMA_EXHAUSTIVE=1: literally every pair."""
    if d == 2 and not EXHAUSTIVE and (r, m) == (3, 4):
        pytest.skip("d = 2 for r = 3, m = 4 runs with SYMBOLIC_MINIMA_EXHAUSTIVE=1")
    reading, subs = _subspaces(cls, reading_name, r, m, d)
    signed = cls in SIGNED
    if EXHAUSTIVE:
        firsts = subs
    else:
        reps = {}
        for S in subs:
            reps.setdefault(_orbit_key(S.label, signed), S)
        firsts = list(reps.values())
        assert len(firsts) < len(subs)
    for S in firsts:
        for U in subs:
            if U is not S:
                assert S.intersects(U) == _intersect(S.label, U.label, reading), (S.label, U.label)


@given(st.sampled_from(SIGNED), st.data())
def test_criterion_is_invariant_under_the_symmetries(cls, data):
    reading = get_reading("groups", cls)
    labels = list(reading.labellings(2, 4))
    g, h = data.draw(st.sampled_from(labels)), data.draw(st.sampled_from(labels))
    j = data.draw(st.integers(0, 3))
    pi = data.draw(st.permutations(range(4)))
    assert _intersect(g, h, reading) == _intersect(flip_label(g, j), flip_label(h, j), reading)
    assert _intersect(g, h, reading) == _intersect(g.permute(pi), h.permute(pi), reading)


def _no_zero_pins(gp, hp, m):
    """A wrong criterion (the generic one applied to tokens): signs and zero pins ignored."""
    from symbolic_minima.graph import _pinned_intersect

    def blocks(p):
        parent = {}
        for j, k, _ in p[0]:
            parent.setdefault(k, [k]).append(j)
        return list(parent.values())

    def pins(p):
        return [(j, (i, 1)) for j, (i, _) in p[1] if i]

    return _pinned_intersect((blocks(gp), pins(gp)), (blocks(hp), pins(hp)), m)


@pytest.mark.parametrize("cls", SIGNED)
def test_a_criterion_without_signs_and_zero_pins_is_caught(cls):
    # the exact check has teeth: dropping the signs and the zero pins gives wrong answers
    reading, subs = _subspaces(cls, "groups", 1, 3, 1)
    wrong = [
        (S.label, U.label) for S, U in combinations(subs, 2)
        if S.intersects(U) != _no_zero_pins(_token_pinned(S.label, reading), _token_pinned(U.label, reading), 3)
    ]
    assert len(wrong) > 10


@pytest.mark.parametrize("g,h,cls,meet", [
    (("g1+", "g1+", "+1"), ("g1+", "g1-", "+1"), "odd", True),     # u = -u: both groups at u = 0
    (("g1+", "g1+", "+1"), ("g1+", "g1-", "+1"), "even", True),
    (("+1", "+1", "0"), ("+1", "-1", "0"), "odd", False),          # w_2 = w* and w_2 = -w*
    (("+1", "0", "0"), ("+1", "g1+", "g1-"), "odd", True),
    (("+1", "d", "0"), ("+1", "g1+", "g1+"), "odd", True),           # the dead neuron pins the group's u to 0
    (("+1", "+1", "d"), ("+1", "g1+", "g1+"), "odd", False),         # the group would pin w* and 0
    (("d", "+1"), ("+1", "+1"), "logcosh", False),
    (("d", "1"), ("1", "1"), "exp-minus-one", False),
    (("d", "1"), ("0", "1"), "exp-minus-one", True),
    (("p", "+1"), ("+1", "+1"), "tanh", False),
])
def test_criterion_examples_match_exact(g, h, cls, meet):
    name = "critical" if "p" in g + h else ("groups" if any(v[0] == "g" for v in g + h) else "singletons")
    teacher = Teacher.default(1, 2)
    point = CriticalPoint.from_teacher(teacher) if name == "critical" else teacher
    reading = get_reading(name, cls)
    exact = subspace_of(reading, point, g).intersects(subspace_of(reading, point, h))
    assert exact == meet == labels_intersect(g, h, activation=cls) == labels_intersect(g, h, name, activation=cls)


def test_labels_intersect_infers_the_class_of_token_labels():
    assert labels_intersect(("+1", "0"), ("+1", "-1"))  # signed tokens: a sign class
    assert not labels_intersect(("d", "1"), ("1", "1"))  # unsigned tokens with markers: zero-at-origin
    assert labels_intersect((1, 0), (1, 1)) and labels_intersect((1, 0), (1, 1), activation="generic")


# ---------------------------------------------------------------------------------------------------------
# neighbour generators
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("r,m", [(1, 3), (1, 4), (2, 3), (2, 4)])
@pytest.mark.parametrize("reading_name", ["singletons", "groups"])
@pytest.mark.parametrize("cls", CLASSES)
def test_neighbour_generation_equals_all_pairs_criterion(cls, reading_name, r, m):
    reading = get_reading(reading_name, cls)
    labels = list(reading.labellings(r, m))
    brute = {frozenset((g, h)) for g, h in combinations(labels, 2) if _intersect(g, h, reading)}
    G = connectivity_graph(r, m, reading_name, activation=cls)
    assert set(G.nodes) == set(labels)
    assert {frozenset(e) for e in G.edges} == brute
    assert G.graph["activation_class"] == cls


@pytest.mark.parametrize("cls", CLASSES)
def test_labels_build_equals_exact_build(cls):
    for reading_name in ("singletons", "groups"):
        fast = connectivity_graph(2, 3, reading_name, activation=cls)
        exact = connectivity_graph(Teacher.default(2, 2), 3, reading_name, method="exact", activation=cls)
        assert set(fast.nodes) == set(exact.nodes)
        assert {frozenset(e) for e in fast.edges} == {frozenset(e) for e in exact.edges}


def test_neighbour_labels_of_a_class_and_symmetry():
    reading = get_reading("groups", "odd")
    for g in reading.labellings(1, 3):
        for h in neighbour_labels(g, 1, "groups", activation="odd"):
            assert g in set(neighbour_labels(h, 1, "groups", activation="odd"))
    assert sorted(neighbour_labels(("-1", "d"), 1, activation="tanh")) == [("-1", "0")]


# ---------------------------------------------------------------------------------------------------------
# structural facts
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("r", [1, 2, 3])
@pytest.mark.parametrize("cls", CLASSES)
def test_isolated_minima_at_m_equals_r(cls, r):
    G = connectivity_graph(r, r, activation=cls)
    expected = predicted_isolated_minima(r, cls)
    assert G.number_of_nodes() == nx.number_of_isolates(G) == component_count(G) == expected
    assert isolated_minima(r, activation=cls) == expected
    assert isolated_minima(r, "groups", activation=cls) == expected
    assert expected == factorial(r) * (2 ** r if cls in SIGNED else 1)
    assert {G.nodes[v]["dimension"] for v in G} == {0}


def test_predicted_isolated_minima_can_be_wrong():
    # the graph count distinguishes the classes: the generic count is wrong for tanh
    assert isolated_minima(2, activation="tanh") != predicted_isolated_minima(2)


@pytest.mark.parametrize("r", [1, 2, 3])
@pytest.mark.parametrize("reading_name", ["singletons", "groups"])
@pytest.mark.parametrize("cls", CLASSES)
def test_one_extra_neuron_facts_match_derivation(cls, reading_name, r):
    G = connectivity_graph(r, r + 1, reading_name, activation=cls)
    facts = one_extra_neuron_facts(G)
    assert facts == predicted_one_extra_neuron_facts(r, cls)
    assert component_count(G) == 1  # one extra neuron connects all (sign-flipped) minima
    assert facts["diameter"] == one_extra_neuron_diameter(r, cls) == graph_diameter(G, "networkx")
    if cls in SIGNED:
        assert facts != predicted_one_extra_neuron_facts(r)  # the generic prediction does not fit


@pytest.mark.parametrize("r,m", [(1, 3), (2, 4), (1, 4)])
@pytest.mark.parametrize("cls", CLASSES)
def test_connected_for_m_above_r_and_orbit_diameter(cls, r, m):
    for reading_name in ("singletons", "groups"):
        G = connectivity_graph(r, m, reading_name, activation=cls)
        assert component_count(G) == 1
        if G.number_of_nodes() <= 250:
            assert graph_diameter(G) == graph_diameter(G, "networkx")


def test_diameter_formulas():
    assert [one_extra_neuron_diameter(r) for r in (1, 2, 3)] == [2 * star_graph_diameter(r + 1) for r in (1, 2, 3)]
    assert [one_extra_neuron_diameter(r, "zero-at-origin") for r in (1, 2, 3)] == [4, 8, 10]
    assert [one_extra_neuron_diameter(r, "even") for r in (1, 2, 3)] == [4, 8, 12]
    assert [one_extra_neuron_diameter(r, "odd") for r in (1, 2, 3)] == [6, 10, 14]
    assert [one_extra_neuron_diameter(r, "logcosh") for r in (1, 2, 3)] == [6, 10, 14]


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_signed_star_graph_diameter_by_bfs(n):
    # arrangements of a hole (0) and signed symbols +-1..+-(n-1) on n places; a move puts a symbol into the hole
    # with either sign
    start = tuple(range(n))
    seen = {start: 0}
    frontier = [start]
    while frontier:
        nxt = []
        for state in frontier:
            hole = state.index(0)
            for k, v in enumerate(state):
                if v == 0:
                    continue
                for sign in (1, -1):
                    new = list(state)
                    new[hole], new[k] = sign * abs(v), 0
                    new = tuple(new)
                    if new not in seen:
                        seen[new] = seen[state] + 1
                        nxt.append(new)
        frontier = nxt
    assert len(seen) == factorial(n) * 2 ** (n - 1)
    assert max(seen.values()) == signed_star_graph_diameter(n)


@pytest.mark.parametrize("cls", CLASSES)
def test_critical_graph_has_no_edges_exactly(cls):
    cp = CriticalPoint.default(2, 1)
    exact = critical_graph(cp, 3, method="exact", activation=cls)
    fast = critical_graph(2, 3, activation=cls)
    assert set(exact.nodes) == set(fast.nodes) == set(get_reading("critical", cls).labellings(2, 3))
    assert exact.number_of_edges() == fast.number_of_edges() == 0
    assert component_count(fast) == fast.number_of_nodes()
    assert graph_summary(fast)["activation_class"] == cls


def test_summary_has_the_class_only_when_asked_or_not_generic():
    assert "activation_class" not in graph_summary(connectivity_graph(1, 2))
    assert graph_summary(connectivity_graph(1, 2, activation="generic"))["activation_class"] == "generic"
    assert graph_summary(connectivity_graph(1, 2, get_reading("R1", "odd")))["activation_class"] == "odd"
    assert "activation_class" not in graph_summary(critical_graph(1, 2))


def test_shortest_paths_between_sign_flipped_minima():
    # all signs flipped with the hole in place: 2r moves on the signed star graph, 4r edges
    for r in (1, 2):
        start = tuple(f"+{i}" for i in range(1, r + 1)) + ("0",)
        end = tuple(f"-{i}" for i in range(1, r + 1)) + ("0",)
        for cls in SIGNED:
            assert len(shortest_label_path(r, start, end, activation=cls)) - 1 == 4 * r
    path = shortest_label_path(1, ("+1", "d"), ("-1", "d"), activation="odd")
    assert len(path) - 1 == one_extra_neuron_diameter(1, "odd") == 6
    with pytest.raises(ArgumentValueError, match="isolated minima"):
        shortest_label_path(1, ("+1",), ("-1",), activation="odd")


def test_bad_input():
    with pytest.raises(ArgumentValueError, match="softplus"):
        connectivity_graph(1, 2, activation="softplus")
    with pytest.raises(ArgumentValueError, match="activation"):
        connectivity_graph(1, 2, activation="nothing")
    with pytest.raises(ArgumentValueError, match="belongs to the activation class"):
        connectivity_graph(1, 2, get_reading("R1", "odd"), activation="even")
    with pytest.raises(ArgumentValueError, match="opposite"):
        connectivity_graph(Teacher([1, -1], [1, 1]), 2, activation="tanh")
    check_class_teacher(Teacher([1, -1], [1, 1]), "exp-minus-one")  # no signs: allowed
    with pytest.raises(ArgumentValueError, match="not a global-minimum label"):
        shortest_label_path(1, (1, 0), ("-1", "0"), activation="odd")


def test_opposite_teacher_vectors_are_refused_everywhere():
    # with w*_2 = -w*_1 the vectors +-w*_i are not pairwise distinct: the criterion's premise fails, and the
    # subspaces, the graphs and the paths of the sign classes all refuse such a teacher
    teacher = Teacher([1, -1], [1, 2])
    with pytest.raises(ArgumentValueError, match="opposite"):
        list(subspaces_of(get_reading("singletons", "odd"), teacher, 3))
    with pytest.raises(ArgumentValueError, match="opposite"):
        connectivity_graph(teacher, 3, activation="gaussian")
    with pytest.raises(ArgumentValueError, match="opposite"):
        critical_graph(CriticalPoint([1, -1], [1, 2]), 3, activation="logcosh")
    assert connectivity_graph(teacher, 3, activation="exp-minus-one").number_of_nodes() == 18


@pytest.mark.parametrize("r", [1, 2, 3])
@pytest.mark.parametrize("cls", ["generic", *CLASSES])
def test_structural_facts_table(cls, r):
    facts = structural_facts(r, cls, "groups" if r == 2 else "singletons")
    assert facts["isolated_minima"] == facts["predicted_isolated_minima"]
    assert facts["components_one_extra"] == 1
    assert facts["diameter_one_extra"] == facts["predicted_diameter_one_extra"]
    assert facts["activation_class"] == cls
