"""Connectivity graph: the combinatorial criterion against exact linear algebra, and the facts of SPEC §4."""

from functools import lru_cache
from itertools import combinations, pairwise, permutations
from math import comb, factorial

import networkx as nx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.graph import (
    Kind,
    component_count,
    connectivity_graph,
    critical_graph,
    graph_diameter,
    graph_summary,
    isolated_minima,
    label_dimension,
    label_kind,
    labels_intersect,
    neighbour_labels,
    one_extra_neuron_facts,
    parse_label,
    predicted_one_extra_neuron_facts,
    register_neighbour_generator,
    shortest_label_path,
    star_graph_diameter,
)
from symbolic_minima.labellings import global_minimum_labellings
from symbolic_minima.labels import Label
from symbolic_minima.network import CriticalPoint, Teacher
from symbolic_minima.readings import GLOBAL_MINIMUM, Reading, register_reading, unregister_reading
from symbolic_minima.roles import REPLICA, ZERO_TYPE, ZeroSumGroup
from symbolic_minima.strategies import labellings, widths
from symbolic_minima.subspaces import critical_subspaces, global_minimum_subspaces

SMALL = [(r, m) for r in (1, 2, 3) for m in range(r, r + 3)]


def _orbit_signature(label, r):
    """Invariant of a label under neuron permutations (teacher indices fixed)."""
    groups = {}
    for v in label:
        if v < 0:
            groups[v] = groups.get(v, 0) + 1
    return (tuple(label.count(i) for i in range(r + 1)), tuple(sorted(groups.values())))


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("r,m", SMALL)
def test_criterion_agrees_with_exact_linear_algebra_on_every_pair(r, m, d, zero_type):
    """Every pair {g, h}: neuron permutations map Gamma_g to Gamma_{g o pi^-1} (tested in test_subspaces)
    and preserve intersections and the criterion, so it suffices to let g run over one label per
    S_m-orbit and h over all labels; for m <= r + 1 we also check literally every pair."""
    teacher = Teacher.default(r, d)
    subs = list(global_minimum_subspaces(teacher, m, zero_type))
    assert len(subs) == len({s.label for s in subs})
    reps = {}
    for s in subs:
        reps.setdefault(_orbit_signature(s.label, r), s)
    firsts = list(reps.values()) if m == r + 2 else subs
    checked = 0
    for s in firsts:
        for u in subs:
            if u is s:
                continue
            assert s.intersects(u) == labels_intersect(s.label, u.label), (s.label, u.label)
            checked += 1
    assert checked >= len(firsts) * (len(subs) - 1)


def test_criterion_is_teacher_independent_including_special_values():
    # a*_1 + a*_2 = a*_3 and w* of mixed signs: the exact intersections still follow the labels
    teacher = Teacher([[1, 0], [0, 1], [-1, 2]], [1, 2, 3])
    subs = list(global_minimum_subspaces(teacher, 4))
    for s, u in combinations(subs, 2):
        assert s.intersects(u) == labels_intersect(s.label, u.label)


def test_chained_zero_sum_groups_intersect_exactly():
    teacher = Teacher.default(1, 2)
    g, h = (1, -1, -1), (-1, 1, -1)
    sg = next(s for s in global_minimum_subspaces(teacher, 3, "groups") if s.label == g)
    sh = next(s for s in global_minimum_subspaces(teacher, 3, "groups") if s.label == h)
    meet = sg.intersection(sh)
    assert meet is not None and labels_intersect(g, h)
    assert meet.dimension == 0  # a_1 = a*, a_3 = -a*, a_2 = a*, all w = w*


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("r,m", [(1, 3), (2, 3), (2, 4), (3, 4)])
def test_labels_build_equals_exact_build(r, m, zero_type):
    fast = connectivity_graph(r, m, zero_type)
    exact = connectivity_graph(Teacher.default(r, 1), m, zero_type, method="exact")
    assert set(fast.nodes) == set(exact.nodes)
    assert {frozenset(e) for e in fast.edges} == {frozenset(e) for e in exact.edges}


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("r,m", [(1, 4), (2, 4), (2, 5), (3, 5)])
def test_neighbour_generation_equals_all_pairs_criterion(r, m, zero_type):
    labels = list(global_minimum_labellings(r, m, zero_type))
    brute = {frozenset((g, h)) for g, h in combinations(labels, 2) if labels_intersect(g, h)}
    G = connectivity_graph(r, m, zero_type)
    assert {frozenset(e) for e in G.edges} == brute


def test_singleton_degree_formula():
    # (r+1)^k prod_i (2^{|S_i|} - 1) - 1, derived independently of the generator
    G = connectivity_graph(3, 5)
    for g in G.nodes:
        k = g.count(0)
        expected = (3 + 1) ** k
        for i in (1, 2, 3):
            expected *= 2 ** g.count(i) - 1
        assert G.degree(g) == expected - 1


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("r,m", [(1, 3), (2, 4), (3, 4)])
def test_node_dimension_matches_exact_subspace(r, m, d, zero_type):
    G = connectivity_graph(Teacher.default(r, d), m, zero_type)
    for s in global_minimum_subspaces(Teacher.default(r, d), m, zero_type):
        assert G.nodes[s.label]["dimension"] == s.dimension == label_dimension(s.label, d)


def test_dimension_formula_singletons():
    # dim = h + k(d - 1) (SPEC §2)
    for g in global_minimum_labellings(2, 5):
        k = g.count(0)
        assert label_dimension(g, d=3) == 3 + k * 2


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("r", [1, 2, 3, 4])
def test_m_equals_r_gives_r_factorial_isolated_minima(r, zero_type):
    assert isolated_minima(r, zero_type) == factorial(r)
    G = connectivity_graph(r, r, zero_type)
    assert G.number_of_nodes() == factorial(r) and G.number_of_edges() == 0
    assert set(G.nodes) == set(permutations(range(1, r + 1)))


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("r,m", [(1, 2), (1, 5), (2, 3), (2, 4), (2, 5), (3, 4), (3, 5), (4, 5)])
def test_one_component_for_every_m_above_r(r, m, zero_type):
    assert component_count(connectivity_graph(r, m, zero_type)) == 1


@pytest.mark.parametrize("r", [1, 2, 3, 4])
def test_one_extra_neuron_facts_match_derivation(r):
    for zero_type in ("singletons", "groups"):  # R1 = R2 for m = r + 1
        facts = one_extra_neuron_facts(connectivity_graph(r, r + 1, zero_type))
        assert facts == predicted_one_extra_neuron_facts(r)
    # total node count agrees with T(r, r+1) = (r+1)!(r+2)/2 (SPEC §5)
    p = predicted_one_extra_neuron_facts(r)
    assert p["zero_type"]["count"] + p["replicated_pair"]["count"] == factorial(r + 1) * (r + 2) // 2


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_star_graph_diameter_by_bfs(n):
    # independent route: build the star graph itself
    H = nx.Graph()
    for p in permutations(range(n)):
        for i in range(1, n):
            q = list(p)
            q[0], q[i] = q[i], q[0]
            H.add_edge(p, tuple(q))
    assert nx.diameter(H) == star_graph_diameter(n)


@pytest.mark.parametrize("r,m,zero_type", [(2, 4, "singletons"), (2, 4, "groups"), (3, 4, "singletons"),
                                           (1, 4, "groups"), (3, 5, "groups")])
def test_orbit_diameter_equals_networkx_diameter(r, m, zero_type):
    G = connectivity_graph(r, m, zero_type)
    assert graph_diameter(G) == graph_diameter(G, "networkx") == nx.diameter(G)


@pytest.mark.parametrize("r,m", [(1, 1), (1, 3), (2, 2), (2, 4), (3, 4)])
def test_critical_graph_has_no_edges_exactly(r, m):
    cp = CriticalPoint([[1], [-2], [3]][:r], [1, 1, -1][:r])
    exact = critical_graph(cp, m, method="exact")
    fast = critical_graph(cp, m)
    G = sum((-1) ** j * comb(r, j) * (r - j) ** m for j in range(r + 1))
    assert exact.number_of_nodes() == fast.number_of_nodes() == G
    assert exact.number_of_edges() == fast.number_of_edges() == 0
    assert component_count(exact) == G
    subs = list(critical_subspaces(cp, m))
    for s, u in combinations(subs, 2):
        assert not labels_intersect(s.label, u.label)


def test_summary_and_attributes():
    G = connectivity_graph(2, 4, "groups")
    s = graph_summary(G)
    assert (s["nodes"], s["components"], s["reading"]) == (62, 1, "R2")
    assert s["edges"] == G.number_of_edges() and s["diameter"] == nx.diameter(G)
    assert G.nodes[(-1, -1, 1, 2)]["kind"] == Kind(0, (1, 1), (2,))
    assert label_kind((1, 1, 0, 2)).replica_sizes == (2, 1)
    assert graph_summary(connectivity_graph(2, 2))["components"] == 2
    assert "diameter" not in graph_summary(connectivity_graph(2, 2))


_cached_connectivity_graph = lru_cache(maxsize=None)(connectivity_graph)  # read-only use: built once per (r, m)


@given(widths(max_r=3, min_h=1, max_h=3)  # 1 <= r <= 3, r < m <= r + 3
       .flatmap(lambda rm: st.tuples(st.just(rm), labellings(*rm), labellings(*rm))))
@example(((3, 6), (1, 2, 3, 0, 0, 0), (0, 0, 0, 3, 2, 1)))  # the largest case, always
def test_shortest_label_path_is_a_shortest_path(rm_g_h):
    (r, m), g, h = rm_g_h
    path = shortest_label_path(r, g, h)
    assert path[0] == g and path[-1] == h
    assert all(labels_intersect(a, b) for a, b in pairwise(path))
    G = _cached_connectivity_graph(r, m)
    assert len(path) - 1 == nx.shortest_path_length(G, g, h)


def test_neighbour_labels_symmetric():
    for g in global_minimum_labellings(2, 4, "groups"):
        for h in neighbour_labels(g, 2, "groups"):
            assert g in set(neighbour_labels(h, 2, "groups"))


def test_bad_input():
    with pytest.raises(ArgumentValueError, match="m must be"):
        connectivity_graph(3, 2)
    with pytest.raises(ArgumentValueError, match="zero_type"):
        connectivity_graph(2, 3, zero_type="pairs")
    with pytest.raises(ArgumentValueError, match="method"):
        connectivity_graph(2, 3, method="fast")
    with pytest.raises(ArgumentTypeError):
        connectivity_graph(True, 3)
    with pytest.raises(ArgumentValueError, match="max_nodes"):
        connectivity_graph(4, 7, max_nodes=1000)
    with pytest.raises(ArgumentValueError, match="not a global-minimum label"):
        shortest_label_path(2, (1, 1, 0), (1, 0, 0))
    with pytest.raises(ArgumentValueError, match="no path"):
        shortest_label_path(2, (1, 2), (2, 1))
    with pytest.raises(ArgumentValueError, match="integers"):
        parse_label("1,2.5")
    with pytest.raises(ArgumentValueError, match="same length"):
        labels_intersect((1, 0), (1, 0, 0))
    with pytest.raises(ArgumentValueError, match="one_extra"):
        one_extra_neuron_facts(connectivity_graph(2, 4))


# ---------------------------------------------------------------- a reading registered by a user


@pytest.fixture
def pairs_reading():
    """A toy reading built from existing roles: replicas, zero-type neurons and zero-sum groups of exactly
    two neurons (EGF (e^x - 1)^r exp(x + x^2/2)), registered for one test and removed after it."""
    reading = register_reading(Reading("pairs", "Rpairs", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2)),
                                       description="zero-sum groups of exactly two neurons"))
    yield reading
    unregister_reading("pairs")


@pytest.mark.parametrize("r,m", [(1, 2), (1, 4), (2, 4), (2, 5), (3, 5)])
def test_registered_reading_graph_has_one_node_per_label(pairs_reading, r, m):
    G = connectivity_graph(r, m, "pairs")
    labels = list(pairs_reading.labellings(r, m))
    assert set(G.nodes) == set(labels) and G.number_of_nodes() == len(labels)
    assert G.number_of_nodes() == pairs_reading.species(r).count(m)  # the species route, independently
    assert (G.graph["zero_type"], G.graph["reading"]) == ("pairs", "Rpairs")
    assert all(v >= -2 and Label(g).type().zero_sum_groups in ((), (2,), (2, 2)) for g in labels for v in g)
    # pairs sit between R1 and R2: a subgraph of the R2 graph, induced on the labels with pairs only
    R2 = connectivity_graph(r, m, "groups")
    assert {frozenset(e) for e in G.edges} == {frozenset(e) for e in R2.subgraph(labels).edges}


@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("r,m", [(1, 3), (1, 4), (2, 4)])
def test_registered_reading_edges_equal_exact_linear_algebra(pairs_reading, r, m, d):
    teacher = Teacher.default(r, d)
    fast = connectivity_graph(teacher, m, "pairs")
    exact = connectivity_graph(teacher, m, "pairs", method="exact")
    assert set(fast.nodes) == set(exact.nodes)
    assert {frozenset(e) for e in fast.edges} == {frozenset(e) for e in exact.edges}
    assert 0 < exact.number_of_edges() < exact.number_of_nodes() * (exact.number_of_nodes() - 1) // 2
    for s in global_minimum_subspaces(teacher, m, "pairs"):
        assert fast.nodes[s.label]["dimension"] == s.dimension == label_dimension(s.label, d, reading="pairs")


def test_registered_reading_neighbours_path_and_generator(pairs_reading):
    r, m = 1, 4
    G = connectivity_graph(r, m, "pairs")
    for g in G.nodes:  # the generic route of neighbour_labels agrees with the graph
        assert set(neighbour_labels(g, r, "pairs")) == set(G.neighbors(g))
    start, end = (1, -1, -1, 0), (-1, 0, -1, 1)
    path = shortest_label_path(r, start, end, "pairs")
    assert len(path) - 1 == nx.shortest_path_length(G, start, end)
    assert all(labels_intersect(a, b, "pairs") for a, b in zip(path, path[1:]))
    with pytest.raises(ArgumentValueError, match="Rpairs"):
        shortest_label_path(r, (-1, -1, -1, 1), end, "pairs")  # a group of three is not a pairs label
    # a registered generator is what the build uses: one that finds nothing gives no edges
    register_neighbour_generator(pairs_reading, lambda g, r: iter(()))
    try:
        assert connectivity_graph(r, m, "pairs").number_of_edges() == 0
    finally:
        register_neighbour_generator(pairs_reading, None)
    assert connectivity_graph(r, m, "pairs").number_of_edges() == G.number_of_edges()


def test_pins_criterion_tells_signs_apart():
    # blocks sharing a neuron share one incoming vector: +w*_1 and -w*_1 cannot both hold
    from symbolic_minima.graph import _pinned_intersect

    joined = ([[0, 1]], [(0, (1, 1))])  # neurons 0 and 1 in one block, pinned to +w*_1
    assert _pinned_intersect(joined, ([], [(1, (1, 1))]), 2)
    assert not _pinned_intersect(joined, ([], [(1, (1, -1))]), 2)
    assert not _pinned_intersect(joined, ([], [(1, (2, 1))]), 2)


def test_critical_graph_dimension_follows_the_critical_roles():
    # d_out = 2: a split of size s has dimension s - 1 (a_j = lambda_j a_i), not (s - 1) d_out
    cp = CriticalPoint.default(2, 1, 2)
    G = critical_graph(cp, 4)
    for s in critical_subspaces(cp, 4):
        assert G.nodes[s.label]["dimension"] == s.dimension == len(s.label) - 2


# ---------------------------------------------------------------- the streamed build (issue 11)


def _edges_label_by_label(r, m, reading):
    """The graph's edges the slow way: every label's neighbours from the per-label route, no orbits."""
    from symbolic_minima.graph import _neighbours
    from symbolic_minima.readings import get_reading

    reading = get_reading(reading)
    return {frozenset((g, h)) for g in reading.labellings(r, m) for h in _neighbours(g, r, reading) if h != g}


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("r,m", [(1, 1), (1, 4), (2, 2), (2, 5), (3, 5), (3, 6), (4, 6)])
def test_streamed_build_equals_per_label_neighbours(r, m, zero_type):
    G = connectivity_graph(r, m, zero_type)
    assert {frozenset(e) for e in G.edges} == _edges_label_by_label(r, m, zero_type)
    # every edge end is the graph's own node object: a label is stored once, not once per edge
    ids = {id(g) for g in G.nodes}
    assert all(id(h) in ids for g in G.nodes for h in G.adj[g])


def test_singletons_build_keeps_the_edge_order_of_the_per_label_generator():
    # the order networkx reports edges in (and so a GraphML file) is unchanged by the streamed build
    r, m = 3, 5
    G = connectivity_graph(r, m)
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    H.add_edges_from((g, h) for g in G.nodes for h in neighbour_labels(g, r) if h > g)
    assert list(G.edges) == list(H.edges)


def test_orbit_mapping_is_checked_against_a_wrong_permutation():
    # the mapped neighbours of one orbit representative are right only with the right permutation
    from symbolic_minima.graph import _orbit_representative, _permuter

    g = Label((0, 1, -1, 2, -1, 1))
    rep, inverse = _orbit_representative(g)
    assert Label(_permuter(inverse)(rep)).canonical() == g
    mapped = {Label(_permuter(inverse)(h)).canonical() for h in neighbour_labels(rep, 2, "groups")}
    assert mapped == set(neighbour_labels(g, 2, "groups"))
    wrong = tuple(reversed(inverse))
    assert {Label(_permuter(wrong)(h)).canonical() for h in neighbour_labels(rep, 2, "groups")} != mapped


@pytest.mark.parametrize("r,m", [(1, 3), (2, 4), (2, 5)])
def test_registered_reading_without_generator_builds_by_orbits(pairs_reading, r, m):
    # no generator: one representative per orbit is tested against every label, the rest is mapped
    G = connectivity_graph(r, m, "pairs")
    assert {frozenset(e) for e in G.edges} == _edges_label_by_label(r, m, "pairs")
