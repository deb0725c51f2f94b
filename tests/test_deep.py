"""Deep networks: subspaces certified by the function identity, strong-product intersections vs exact
linear algebra, the census, and the connectivity theorem built constructively."""

from itertools import combinations
from math import factorial, prod

import networkx as nx
import pytest
import sympy

from symbolic_minima.deep import (
    DeepNetwork,
    DeepTeacher,
    _deep_dimension,
    connect_permuted_minima,
    deep_connectivity_graph,
    deep_global_minimum_subspace,
    deep_global_minimum_subspaces,
    deep_labellings,
    deep_labels_intersect,
    deep_representative_point,
    deep_subspace_census,
    deep_zero_loss_path,
    parse_deep_label,
    parse_widths,
    permuted_minimum_label,
)
from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.graph import connectivity_graph, graph_diameter
from symbolic_minima.paths import certify_segment


def _orbit_signature(label, widths):
    return tuple(tuple(g.count(i) for i in range(r + 1)) for g, r in zip(label, widths, strict=True))


def test_network_function_shape():
    net = DeepNetwork([2, 1], input_dim=2)
    f = net.function()
    assert len(net.parameters) == 2 * 2 + 1 * 2 + 1 * 1
    assert f.atoms(sympy.Function) and sympy.Symbol("x_{2}", real=True) in f.free_symbols
    assert net.function(list(range(1, 8))).free_symbols == set(net.inputs)
    assert DeepNetwork([1], output_dim=2).function().shape == (2, 1)


@pytest.mark.parametrize("tw,sw,d", [((1, 1), (2, 2), 1), ((2, 1), (3, 2), 2), ((1, 1, 1), (2, 2, 2), 1)])
def test_every_point_of_every_deep_subspace_has_the_teacher_function(tw, sw, d):
    teacher = DeepTeacher.default(tw, d)
    net = DeepNetwork(sw, d)
    target = teacher.function()
    for S in deep_global_minimum_subspaces(teacher, sw):
        f = net.function(S.parametrization())  # free parameters stay symbols
        assert sympy.expand(f - target) == 0, S.label


def test_dropping_a_constraint_breaks_the_identity():
    # a live layer-2 neuron with a non-zero weight from a dead layer-1 neuron is not a zero-loss point
    teacher = DeepTeacher.default((1, 1))
    S = deep_global_minimum_subspace(teacher, (2, 1), ((1, 0), (1,)))
    p = list(deep_representative_point(teacher, (2, 1), ((1, 0), (1,))))
    net = DeepNetwork((2, 1))
    i = net.index(2, 1, 2)
    assert p[i] == 0
    q = list(p)
    q[i] = 1
    assert not S.contains(q)
    assert not certify_segment(net.function, teacher.function(), net.parameters, p, q)


@pytest.mark.parametrize("tw,sw,d", [((1, 1), (2, 2), 1), ((2, 1), (3, 2), 1), ((1, 2), (2, 3), 2),
                                     ((1, 1), (3, 2), 1), ((1, 1, 1), (2, 2, 2), 1)])
def test_strong_product_criterion_agrees_with_exact_on_every_pair(tw, sw, d):
    teacher = DeepTeacher.default(tw, d)
    subs = list(deep_global_minimum_subspaces(teacher, sw))
    for s, u in combinations(subs, 2):
        assert s.intersects(u) == deep_labels_intersect(s.label, u.label), (s.label, u.label)


def test_strong_product_criterion_for_2_2_to_3_3_by_orbits():
    """Permuting neurons inside a hidden layer maps deep subspaces to deep subspaces (checked below),
    so one label per orbit against all labels covers every pair."""
    teacher = DeepTeacher.default((2, 2))
    subs = list(deep_global_minimum_subspaces(teacher, (3, 3)))
    by_label = {s.label: s for s in subs}
    net = DeepNetwork((3, 3))
    W = net.weights
    pi = (2, 3, 1)  # neuron j of layer 1 moves to pi(j)
    mapping = {}
    for j in range(3):
        for k in range(1):
            mapping[W[0][j][k]] = W[0][pi[j] - 1][k]
        for i in range(3):
            mapping[W[1][i][j]] = W[1][i][pi[j] - 1]
    for s in subs[:20]:
        g1 = s.label[0]
        moved = tuple(g1[pi.index(j + 1)] for j in range(3))
        assert s.permuted(mapping) == by_label[(moved, s.label[1])]
    reps = {}
    for s in subs:
        reps.setdefault(_orbit_signature(s.label, (2, 2)), s)
    for s in reps.values():
        for u in subs:
            if u is not s:
                assert s.intersects(u) == deep_labels_intersect(s.label, u.label)


@pytest.mark.parametrize("tw,sw,d", [((1, 1), (2, 2), 1), ((2, 1), (3, 2), 2), ((2, 2), (3, 3), 1)])
def test_census_equals_product_of_layer_counts(tw, sw, d):
    c = deep_subspace_census(DeepTeacher.default(tw, d), sw, check_containment=True)
    two_layer = [connectivity_graph(r, m).number_of_nodes() for r, m in zip(tw, sw, strict=True)]
    from symbolic_minima.counting import T  # independent route: the generating-function count

    assert two_layer == [T(r, m, zero_type="singletons") for r, m in zip(tw, sw, strict=True)]
    assert c["product"] == prod(two_layer) == c["labels"] == c["distinct"]
    assert c["agree"]
    if c["contained_pairs"] is not None:
        assert c["contained_pairs"] == [] and c["maximal"] == c["distinct"]


def test_deep_dimension_formula_matches_exact():
    teacher = DeepTeacher.default((2, 1), 2)
    for S in deep_global_minimum_subspaces(teacher, (3, 3)):
        assert S.dimension == _deep_dimension(S.label, (2, 3, 3, 1))


@pytest.mark.parametrize("tw", [(2, 2), (3, 2), (2, 1, 2)])
def test_no_extra_neuron_gives_isolated_permuted_minima(tw):
    G = deep_connectivity_graph(tw, tw)
    assert G.number_of_nodes() == prod(factorial(r) for r in tw)
    assert G.number_of_edges() == 0
    with pytest.raises(ArgumentValueError, match="no path"):
        labels = list(G.nodes)
        deep_zero_loss_path(DeepTeacher.default(tw), tw, labels[0], labels[1])


@pytest.mark.parametrize("tw", [(2, 2), (3, 2), (1, 2, 2)])
def test_one_extra_neuron_per_layer_connects(tw):
    sw = tuple(r + 1 for r in tw)
    G = deep_connectivity_graph(tw, sw)
    assert nx.is_connected(G)
    # strong product: diameter = max of the per-layer diameters
    layer_diameters = [graph_diameter(connectivity_graph(r, r + 1)) for r in tw]
    assert nx.eccentricity(G, permuted_minimum_label(tw, [tuple(range(1, r + 1)) for r in tw])) <= max(layer_diameters)
    assert graph_diameter(G) == max(layer_diameters)
    if G.number_of_nodes() <= 200:
        assert graph_diameter(G, "networkx") == graph_diameter(G)


def test_deep_latex():
    t = DeepTeacher.default((2, 1))
    assert "W^{*(2)}" in sympy.latex(t) and t._repr_latex_().startswith("$$")
    assert "sigma" in DeepNetwork((2,))._repr_latex_()


def test_labels_graph_equals_exact_graph():
    a = deep_connectivity_graph((2, 1), (3, 2))
    b = deep_connectivity_graph(DeepTeacher.default((2, 1)), (3, 2), method="exact")
    assert {frozenset(e) for e in a.edges} == {frozenset(e) for e in b.edges}


def test_theorem_constructively_2_2_to_3_3():
    c = connect_permuted_minima(DeepTeacher.default((2, 2)), extra=1, pairs="all")
    assert c["minima"] == 4 and c["paths"] == 6 and c["certified"]
    assert c["max_segments"] == 7


def test_theorem_constructively_3_2_to_4_3():
    c = connect_permuted_minima(DeepTeacher.default((3, 2)), extra=1, pairs="all")
    assert c["minima"] == 12 and c["paths"] == 66 and c["certified"]
    # <= diameter of the strong product + 1 = max(8, 6) + 1
    assert c["max_segments"] == 9


def test_path_segments_lie_in_their_subspaces_d2():
    teacher = DeepTeacher.default((2, 2), d=2)
    start = permuted_minimum_label((2, 2), [(1, 2), (1, 2)])
    end = permuted_minimum_label((2, 2), [(2, 1), (2, 1)])
    p = deep_zero_loss_path(teacher, (3, 3), start, end)
    assert p.certified
    for a, b, lab in p.segments():
        S = deep_global_minimum_subspace(teacher, (3, 3), lab)
        assert S.contains(a) and S.contains(b)
    assert p.to_json()["labels"][0] == [[1, 2, 0], [1, 2, 0]]


def test_deep_teacher_validation_and_parsing():
    with pytest.raises(ArgumentValueError, match="distinct"):
        DeepTeacher([[[1], [1]], [[1, 2]]])
    with pytest.raises(ArgumentValueError, match="all zero"):
        DeepTeacher([[[1], [2]], [[1, 0]]])
    with pytest.raises(ArgumentValueError, match="zero"):
        DeepTeacher([[[0], [2]], [[1, 1]]])
    with pytest.raises(ArgumentValueError, match="columns"):
        DeepTeacher([[[1], [2]], [[1, 1, 1]]])
    with pytest.raises(ArgumentTypeError):
        DeepTeacher([[[0.5], [2]], [[1, 1]]])
    with pytest.raises(ArgumentValueError, match="at least 2"):
        DeepTeacher([[[1]]])
    assert DeepTeacher([[["1/2"], ["3"]], [[1, -1]]]).hidden_widths == (2,)
    with pytest.raises(ArgumentValueError, match="exceeds"):
        DeepTeacher([[["1e999999999"], ["3"]], [[1, -1]]])  # refused before building 10**999999999
    with pytest.raises(ArgumentValueError, match="exact rational"):
        DeepTeacher([[["x"], ["3"]], [[1, -1]]])  # never evaluated
    assert parse_widths("2, 3") == (2, 3)
    with pytest.raises(ArgumentValueError):
        parse_widths("2,x")
    with pytest.raises(ArgumentValueError):
        parse_widths("2,0")
    assert parse_deep_label("1,0/1") == ((1, 0), (1,))
    with pytest.raises(ArgumentValueError):
        parse_deep_label("1,a/1")
    t = DeepTeacher.default((2, 2))
    with pytest.raises(ArgumentValueError, match="layer 1"):
        deep_global_minimum_subspace(t, (3, 3), ((1, 1, 0), (1, 2, 0)))
    with pytest.raises(ArgumentValueError, match="hidden widths"):
        deep_global_minimum_subspace(t, (3,), ((1, 2, 0),))
    with pytest.raises(ArgumentValueError, match=">= teacher width"):
        deep_global_minimum_subspace(t, (1, 3), ((1,), (1, 2, 0)))
    with pytest.raises(ArgumentValueError, match="permutation"):
        permuted_minimum_label((2, 2), [(1, 1), (1, 2)])
    assert sum(1 for _ in deep_labellings((1, 1), (2, 2))) == 9


def test_wrong_deep_paths_are_rejected():
    """The deep path certificates can fail: the straight segment between two permuted deep minima, a
    tampered waypoint, a segment checked against the next label's subspace, and a wrong target."""
    teacher = DeepTeacher.default((2, 1))
    student = (3, 2)
    start = permuted_minimum_label((2, 1), [(1, 2), (1,)])
    end = permuted_minimum_label((2, 1), [(2, 1), (1,)])
    net = DeepNetwork(student)
    a = deep_representative_point(teacher, student, start)
    b = deep_representative_point(teacher, student, end)
    assert not certify_segment(net.function, teacher.function(), net.parameters, a, b)
    p = deep_zero_loss_path(teacher, student, start, end)
    assert p.certified and p.n_segments >= 3
    for (u, v, lab), nxt in zip(p.segments(), p.segment_labels[1:], strict=False):
        assert certify_segment(net.function, teacher.function(), net.parameters, u, v)
        S = deep_global_minimum_subspace(teacher, student, lab)
        assert S.contains(u) and S.contains(v)
        N = deep_global_minimum_subspace(teacher, student, nxt)
        assert not (N.contains(u) and N.contains(v))
    u, v, lab = p.segments()[1]
    bad = list(v)
    bad[-1] += 1  # the output weight
    assert not deep_global_minimum_subspace(teacher, student, lab).contains(bad)
    assert not certify_segment(net.function, teacher.function(), net.parameters, u, bad)
    other = DeepTeacher([[[1], [3]], [[1, 2]], [[1]]]).function()
    assert not any(certify_segment(net.function, other, net.parameters, u, v) for u, v, _ in p.segments())
