"""Graph facts from the label types (SPEC §9) against the built graphs, both readings, critical and deep."""

from collections import Counter
from math import factorial, prod

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import symbolic_minima.graph_types as graph_types
from symbolic_minima import budget
from symbolic_minima.budget import BudgetExceeded, limits
from symbolic_minima.counting import G as count_critical
from symbolic_minima.counting import T, count_subspaces
from symbolic_minima.deep import deep_connectivity_graph
from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.graph import (
    connectivity_graph,
    critical_graph,
    graph_summary,
    one_extra_neuron_facts,
    register_neighbour_generator,
)
from symbolic_minima.graph_types import (
    deep_type_summary,
    label_types,
    one_extra_neuron_facts_from_types,
    type_components,
    type_eccentricity,
    type_summary,
)
from symbolic_minima.labels import Label
from symbolic_minima.readings import GLOBAL_MINIMUM, Reading, get_reading, register_reading, unregister_reading
from symbolic_minima.roles import REPLICA, ZERO_TYPE, ZeroSumGroup
from symbolic_minima.strategies import widths

SIZES = [(1, 1), (1, 2), (1, 4), (2, 2), (2, 3), (2, 5), (3, 3), (3, 5), (4, 4), (4, 5), (3, 6)]
FACTS = ("kind", "r", "m", "d", "d_out", "zero_type", "reading", "method", "nodes", "edges", "components",
         "isolated", "min_degree", "max_degree", "degrees", "diameter")


def _built(G) -> dict:
    s = graph_summary(G)
    s["degrees"] = dict(sorted(Counter(d for _, d in G.degree()).items()))  # independently of graph_summary
    return s


@pytest.fixture
def pairs_reading():
    reading = register_reading(Reading("pairs", "Rpairs", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2)),
                                       description="zero-sum groups of exactly two neurons"))
    yield reading
    unregister_reading("pairs")


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("r,m", SIZES)
def test_type_counts_are_the_orbit_sizes(r, m, zero_type):
    types = label_types(r, m, zero_type)
    assert sum(t.count for t in types) == T(r, m, zero_type=zero_type)
    by_kind = Counter(Label(g).type() for g in get_reading(zero_type).labellings(r, m))  # enumeration
    assert {t.kind: t.count for t in types} == dict(by_kind)
    for t in types:
        assert t.representative.type() == t.kind and get_reading(zero_type).is_label(t.representative, r)


def test_type_counts_of_critical_and_registered_readings(pairs_reading):
    for r, m in [(1, 3), (2, 5), (3, 6)]:
        assert sum(t.count for t in label_types(r, m, critical=True)) == count_critical(r, m)
        assert sum(t.count for t in label_types(r, m, pairs_reading)) == count_subspaces(pairs_reading, r, m)
        assert all(t.kind.zero_sum_groups in ((), (2,), (2, 2)) for t in label_types(r, m, pairs_reading))


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("r,m", SIZES)
def test_type_summary_matches_the_built_graph(r, m, zero_type):
    facts = type_summary(r, m, zero_type)
    built = _built(connectivity_graph(r, m, zero_type))
    assert {k: facts.get(k) for k in FACTS} == {k: built.get(k) for k in FACTS}
    assert facts["route"] == "types" and sum(t["count"] for t in facts["types"]) == built["nodes"]


@pytest.mark.parametrize("r,m", [(1, 1), (2, 2), (2, 3), (3, 5), (2, 6)])
def test_type_summary_of_critical_graphs_matches_the_built_graph(r, m):
    facts = type_summary(r, m, critical=True)
    built = _built(critical_graph(r, m))
    assert {k: facts.get(k) for k in FACTS} == {k: built.get(k) for k in FACTS}
    assert facts["components"] == count_critical(r, m)  # G(r, m) isolated nodes


def test_type_summary_of_a_registered_reading_matches_the_built_graph(pairs_reading):
    for r, m in [(1, 4), (2, 5)]:
        facts = type_summary(r, m, pairs_reading)
        built = _built(connectivity_graph(r, m, "pairs"))
        assert {k: facts.get(k) for k in FACTS} == {k: built.get(k) for k in FACTS}


@settings(max_examples=12, deadline=None)
@given(widths(max_r=3, min_h=0, max_h=2), st.sampled_from(["singletons", "groups"]))
def test_type_summary_matches_the_built_graph_property(rm, zero_type):
    r, m = rm
    facts = type_summary(r, m, zero_type, backend="python")
    built = _built(connectivity_graph(r, m, zero_type))
    assert {k: facts.get(k) for k in FACTS} == {k: built.get(k) for k in FACTS}


@pytest.mark.parametrize("zero_type,r,m", [("singletons", 3, 5), ("singletons", 2, 6), ("groups", 2, 5),
                                           ("groups", 3, 6), ("groups", 1, 6)])
def test_every_type_eccentricity_is_the_built_graph_eccentricity(zero_type, r, m):
    G = connectivity_graph(r, m, zero_type)
    for t in label_types(r, m, zero_type):
        expected = nx.eccentricity(G, t.representative)
        assert type_eccentricity(t.representative, r, zero_type, backend="python") == expected
        assert type_eccentricity(t.representative, r, zero_type, backend="numpy") == expected
    # any label of the type has the same eccentricity (the search starts from the representative)
    g = max(G.nodes, key=lambda g: (G.degree(g), g))
    assert type_eccentricity(g, r, zero_type) == nx.eccentricity(G, g)


def test_searches_need_complete_keys():
    # the searches are exact because a key determines its orbit: a key that forgets where the entries
    # sit (the whole label sorted) merges orbits at different distances and gets the eccentricity wrong
    r, m = 2, 5
    G = connectivity_graph(r, m)
    t = label_types(r, m)[0].representative
    expected = nx.eccentricity(G, t)
    original = graph_types._python_key
    try:
        graph_types._python_key = lambda h, layout: tuple(sorted(original(h, layout)))
        assert graph_types._eccentricity_python(t, r, get_reading("R1"), {}) != expected
    finally:
        graph_types._python_key = original
    assert graph_types._eccentricity_python(t, r, get_reading("R1"), {}) == expected


def test_block_permutations_are_in_the_stabiliser():
    # every block permutation the searches mark at once maps the representative to itself
    for zero_type, r, m in [("singletons", 4, 7), ("groups", 3, 7)]:
        for t in label_types(r, m, zero_type):
            layout = graph_types._Layout(t.representative, r)
            for p in layout.permutations:
                assert Label(layout.image(t.representative, *p)).canonical() == t.representative


def test_singletons_degrees_have_a_closed_form():
    # a label with k zero-type neurons and replica groups of sizes s_i meets (r+1)^k prod(2^s_i - 1) labels
    for r, m in [(2, 5), (3, 7), (5, 9)]:
        facts = type_summary(r, m, diameter=False)
        for t in facts["types"]:
            kind = t["kind"]
            assert t["degree"] == (r + 1) ** kind["zero_type_neurons"] * prod(
                2 ** s - 1 for s in kind["replica_sizes"]) - 1


def test_components_use_the_stabilisers_and_fail_without_them(monkeypatch):
    # m = r: r! isolated nodes, one type; the count comes only from the representative's stabiliser
    assert type_components(label_types(3, 3), 3, 3, get_reading("R1")) == factorial(3)
    monkeypatch.setattr(graph_types, "_stabiliser_generators", lambda rep, m, r: [])
    assert type_components(label_types(3, 3), 3, 3, get_reading("R1")) == factorial(3) * factorial(3)


def test_components_of_a_disconnected_graph_with_edges(pairs_reading):
    # a generator keeping only the neighbours with as many zero-type neurons: equivariant, so the
    # types route applies, and the graph splits into components that are not all single nodes
    from symbolic_minima.graph import labels_intersect

    def same_zeros(g, r):
        return [h for h in pairs_reading.labellings(r, len(g))
                if h.count(0) == g.count(0) and labels_intersect(g, h, pairs_reading)]

    register_neighbour_generator(pairs_reading, same_zeros)
    try:
        for r, m in [(1, 4), (2, 4), (2, 5)]:
            G = connectivity_graph(r, m, "pairs")
            components = nx.number_connected_components(G)
            assert 1 < components < G.number_of_nodes() and G.number_of_edges() > 0
            facts = type_summary(r, m, pairs_reading)
            assert facts["components"] == components
            assert facts["edges"] == G.number_of_edges() and "diameter" not in facts
    finally:
        register_neighbour_generator(pairs_reading, None)


@pytest.mark.parametrize("r", [1, 2, 3, 4])
def test_one_extra_neuron_facts_from_types(r):
    G = connectivity_graph(r, r + 1)
    assert one_extra_neuron_facts_from_types(type_summary(r, r + 1)) == one_extra_neuron_facts(G)
    with pytest.raises(ArgumentValueError, match="m = r \\+ 1"):
        one_extra_neuron_facts_from_types(type_summary(r, r + 2, diameter=False))


def test_beyond_memory_sizes_count_by_the_types():
    facts = type_summary(6, 9, diameter=False)
    assert facts["nodes"] == T(6, 9) == 4233600 and facts["components"] == 1
    assert sum(facts["degrees"].values()) == facts["nodes"]
    assert 2 * facts["edges"] == sum(k * v for k, v in facts["degrees"].items())


def test_diameter_budget(monkeypatch):
    monkeypatch.setitem(graph_types.MAX_BFS_VISITS, "numpy", 10)
    monkeypatch.setitem(graph_types.MAX_BFS_VISITS, "python", 10)
    facts = type_summary(3, 5)
    assert "diameter" not in facts and "budget" in facts["diameter_skipped"]


def test_over_the_budget_is_refused_before_the_work():
    # issue 14 fuzz: `graph --widths 2,1 --extra 9` and `graph --widths 214 --extra 1` ran for minutes under a
    # 1 s budget (the facts from the types had no estimate); now refused up front, with a smaller request
    with limits(seconds=1):
        with pytest.raises(BudgetExceeded, match=r"refused: graph facts from the types r=2 m=11 \(R1\) .*"
                                                 r"> time limit 1 s; instead: graph 2 \d+ --summary"):
            type_summary(2, 11)
        with pytest.raises(BudgetExceeded, match=r"r=200 m=201 .* is estimated at .* h > time limit"):
            type_summary(200, 201)  # the stabiliser orders alone (Schreier-Sims on 401 points): refused at once
        with pytest.raises(BudgetExceeded, match=r"deep graph facts .*--widths 214 -> 215 .*instead: fewer layers"):
            deep_type_summary((214,), (215,))
        with pytest.raises(BudgetExceeded, match=r"r=2 m=11 .*instead: fewer layers"):
            deep_type_summary((2, 1), (11, 10))
        assert type_summary(2, 4)["diameter"] == 6  # what fits still answers
    # the estimate grows with the work it counts (a wrong rate would not refuse the cases above)
    assert budget.type_summary_estimate(2, 11, 30, 206874, 206844).seconds > 5
    assert budget.type_summary_estimate(2, 4, 4, 34, 30).seconds < 0.1


def test_diameter_searches_stop_at_the_time_limit(monkeypatch):
    def out_of_time(self):
        raise graph_types._OutOfTime

    with limits(seconds=3):  # a real search past the limit: r=4, m=9 takes tens of seconds
        facts = type_summary(4, 9)
    assert "diameter" not in facts and "time limit 3 s" in facts["diameter_skipped"]
    assert facts["nodes"] == T(4, 9) and facts["components"] == 1  # the other facts are all there
    monkeypatch.setattr(graph_types._Clock, "tick", out_of_time)
    facts = deep_type_summary((2, 2), (3, 3))
    assert "diameter" not in facts and "time limit" in facts["diameter_skipped"] and facts["edges"] == 576


def test_class_diameter_searches_stop_at_the_time_limit(monkeypatch):
    def out_of_time(self):
        raise graph_types._OutOfTime

    assert type_summary(2, 3, activation="odd")["diameter"] > 0
    monkeypatch.setattr(graph_types._Clock, "tick", out_of_time)
    facts = type_summary(2, 3, activation="odd")
    assert "diameter" not in facts and "time limit" in facts["diameter_skipped"] and facts["components"] == 1


def test_deep_summary_without_a_layer_diameter(monkeypatch):
    # issue 14 fuzz: `graph --widths 2,23` ended in KeyError 'diameter' (a layer's search skipped by MAX_BFS_VISITS)
    monkeypatch.setitem(graph_types.MAX_BFS_VISITS, "numpy", 10)
    monkeypatch.setitem(graph_types.MAX_BFS_VISITS, "python", 10)
    facts = deep_type_summary((2, 2), (3, 3))
    assert "diameter" not in facts and "budget" in facts["diameter_skipped"] and facts["components"] == 1


def test_bad_input():
    with pytest.raises(ArgumentValueError, match="m must be"):
        type_summary(3, 2)
    with pytest.raises(ArgumentValueError, match="backend"):
        type_summary(2, 3, backend="gpu")
    with pytest.raises(ArgumentTypeError, match="diameter"):
        type_summary(2, 3, diameter="yes")
    assert sum(t.count for t in label_types(1, 2, get_reading("singletons", "odd"))) == 12  # token labels too
    with pytest.raises(ArgumentValueError, match="MAX_NEIGHBOURS"):
        type_summary(30, 60)
    with pytest.raises(ArgumentValueError, match="not a label"):
        type_eccentricity((1, 3, 0), 2)


# ---------------------------------------------------------------- deep networks


DEEP = [((2, 2), (3, 3)), ((2, 1), (3, 2)), ((1, 2), (2, 4)), ((2, 2), (2, 2)), ((1, 1), (2, 2)), ((2, 1), (2, 3))]


@pytest.mark.parametrize("teacher_widths,student_widths", DEEP)
def test_deep_type_summary_matches_the_built_deep_graph(teacher_widths, student_widths):
    facts = deep_type_summary(teacher_widths, student_widths)
    G = deep_connectivity_graph(teacher_widths, student_widths)
    assert (facts["nodes"], facts["edges"]) == (G.number_of_nodes(), G.number_of_edges())
    assert facts["components"] == nx.number_connected_components(G)
    assert facts["isolated"] == nx.number_of_isolates(G)
    assert facts["degrees"] == dict(sorted(Counter(d for _, d in G.degree()).items()))
    assert facts["permuted_minima"] == prod(factorial(r) for r in teacher_widths)
    if facts["components"] == 1:
        assert facts["diameter"] == nx.diameter(G)
    else:
        assert "diameter" not in facts


def test_deep_eccentricities_are_the_largest_layer_eccentricities():
    # one search per layer type: the eccentricity of a deep node is the largest of its layers'
    G = deep_connectivity_graph((2, 1), (3, 3))
    layers = [connectivity_graph(2, 3), connectivity_graph(1, 3)]
    for node in list(G.nodes)[::7]:
        assert nx.eccentricity(G, node) == max(nx.eccentricity(L, g) for L, g in zip(layers, node, strict=True))
