"""Zero-loss paths: exact waypoints, containment and function certificates, segment counts vs the graph."""

import json
from fractions import Fraction

import networkx as nx
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.graph import connectivity_graph, graph_diameter, predicted_one_extra_neuron_facts
from symbolic_minima.labellings import global_minimum_labellings
from symbolic_minima.network import Teacher, TwoLayerNetwork
from symbolic_minima.paths import (
    ZeroLossPath,
    certify_segment,
    project_onto,
    representative_point,
    zero_loss_path,
)
from symbolic_minima.strategies import labellings, widths, zero_types
from symbolic_minima.subspaces import global_minimum_subspace


def test_r1_m2_is_the_three_segment_path_of_the_spec():
    t = Teacher([sympy.Rational(3, 2)], [-2])
    p = zero_loss_path(t, 2, (1, 0), (0, 1))
    w, u, a = Fraction(3, 2), Fraction(3), Fraction(-2)  # u = parking value 1 + ceil(3/2)
    # parameters (w_1, w_2, a_1, a_2): slide w' to w*, move the outgoing weight, slide the other out
    assert p.waypoints == [(w, u, a, 0), (w, w, a, 0), (w, w, 0, a), (u, w, 0, a)]
    assert p.segment_labels == [(1, 0), (1, 1), (0, 1)]
    assert p.n_segments == 3 and p.certified
    assert all(p.contained) and all(p.function_certified)


@pytest.mark.parametrize("r", [1, 2, 3, 4])
def test_swap_path_for_m_equal_r_plus_1(r):
    start = tuple(range(1, r + 1)) + (0,)
    end = (0, 1) if r == 1 else (2, 1) + tuple(range(3, r + 1)) + (0,)
    p = zero_loss_path(Teacher.default(r), r + 1, start, end)
    assert p.certified
    G = connectivity_graph(r, r + 1)
    assert p.graph_distance == nx.shortest_path_length(G, start, end)
    assert p.n_segments == p.graph_distance + 1 <= graph_diameter(G) + 1
    # a transposition not involving the zero-type neuron needs 3 star transpositions: 6 edges
    assert p.n_segments == (3 if r == 1 else 7)


@pytest.mark.parametrize("r", [1, 2, 3])
def test_worst_case_segments_equal_diameter_plus_one(r):
    start = tuple(range(1, r + 1)) + (0,)
    zero_nodes = [g for g in global_minimum_labellings(r, r + 1) if 0 in g]
    counts = []
    for end in zero_nodes:
        p = zero_loss_path(Teacher.default(r), r + 1, start, end)
        assert p.certified
        counts.append(p.n_segments)
    assert max(counts) == predicted_one_extra_neuron_facts(r)["diameter"] + 1


@pytest.mark.parametrize("d,d_out", [(2, 1), (1, 2), (2, 2)])
def test_paths_in_higher_dimensions(d, d_out):
    t = Teacher.default(2, d=d, d_out=d_out)
    p = zero_loss_path(t, 3, (1, 2, 0), (2, 1, 0))
    assert p.certified and p.n_segments == 7


@given(zero_types(), widths(max_r=2, min_h=1, max_h=2), st.data())  # r <= 2, r < m <= r + 2
def test_random_pairs_are_certified(zero_type, rm, data):
    r, m = rm
    g = data.draw(labellings(r, m, zero_type))
    h = data.draw(labellings(r, m, zero_type))
    p = zero_loss_path(Teacher.default(r, 2), m, g, h, zero_type)
    assert p.certified
    assert p.n_segments <= p.graph_distance + 1
    for a, b, lab in p.segments():
        S = global_minimum_subspace(Teacher.default(r, 2), lab)
        assert S.contains(a) and S.contains(b)


def test_certificate_can_fail():
    t = Teacher.default(2)
    net = TwoLayerNetwork(3)
    a = representative_point(t, (1, 2, 0))
    b = representative_point(t, (2, 1, 0))
    # the straight segment between two permuted minima leaves the zero-loss set
    assert not certify_segment(net.function, t.function(), net.parameters, a, b)
    assert certify_segment(net.function, t.function(), net.parameters, a, a)
    # a tampered path is rejected by the containment check
    p = zero_loss_path(t, 3, (1, 2, 0), (2, 1, 0))
    S = global_minimum_subspace(t, p.segment_labels[1])
    bad = list(p.waypoints[2])
    bad[-1] += 1
    assert not S.contains(bad)
    # ... and by the function certificate of that segment, while the untampered one holds
    assert certify_segment(net.function, t.function(), net.parameters, p.waypoints[1], p.waypoints[2])
    assert not certify_segment(net.function, t.function(), net.parameters, p.waypoints[1], bad)
    # every segment is in the subspace of its own label, not in that of the next label of the chain
    for (a, b, lab), nxt in zip(p.segments(), p.segment_labels[1:], strict=False):
        assert global_minimum_subspace(t, lab).contains(a) and global_minimum_subspace(t, lab).contains(b)
        N = global_minimum_subspace(t, nxt)
        assert not (N.contains(a) and N.contains(b))
    # a wrong target function (another teacher) is rejected on every segment of a certified path
    other = Teacher([1, 2], [1, 3]).function()
    assert not any(certify_segment(net.function, other, net.parameters, a, b) for a, b, _ in p.segments())


def test_projection_is_orthogonal():
    t = Teacher.default(2)
    S = global_minimum_subspace(t, (1, 1, 2))
    p = (Fraction(5), Fraction(-1), Fraction(7), Fraction(2), Fraction(3), Fraction(1, 3))
    q = project_onto(p, S)
    assert S.contains(q)
    diff = [x - y for x, y in zip(p, q, strict=True)]
    for v in S.direction_basis():
        assert sum(x * y for x, y in zip(diff, v, strict=True)) == 0


def test_start_and_end_points_can_be_given():
    t = Teacher.default(1)
    p = zero_loss_path(t, 2, (1, 0), (0, 1), start_point=(1, -5, 1, 0), end_point=(7, 1, 0, 1))
    assert p.certified and p.waypoints[0] == (1, -5, 1, 0) and p.waypoints[-1] == (7, 1, 0, 1)
    with pytest.raises(ArgumentValueError, match="start_point"):
        zero_loss_path(t, 2, (1, 0), (0, 1), start_point=(2, 2, 1, 0))


def test_json_and_latex():
    p = zero_loss_path(Teacher.default(2), 3, (0, 2, 1), (2, 0, 1))
    data = json.loads(json.dumps(p.to_json()))
    assert data["certified"] is True and data["n_segments"] == p.n_segments
    assert all(isinstance(x, str) for w in data["waypoints"] for x in w)
    assert [Fraction(x) for x in data["waypoints"][0]] == list(p.waypoints[0])
    assert data["labels"][0] == [0, 2, 1] and data["reading"] == "R1"
    assert p._repr_latex_().startswith("$$") and r"\Gamma_{(0,2,1)}" in sympy.latex(p)
    assert isinstance(p, ZeroLossPath) and "certified=True" in repr(p)


def test_same_label_path_is_one_segment_or_none():
    t = Teacher.default(2)
    p = zero_loss_path(t, 3, (1, 2, 0), (1, 2, 0))
    assert p.n_segments == 0 and p.label_chain == [(1, 2, 0)]
    q = zero_loss_path(t, 3, (1, 2, 0), (1, 2, 0), end_point=representative_point(t, (1, 2, 0))[:2] + (5, 1, 2, 0))
    assert q.n_segments == 1 and q.certified


def test_bad_input():
    t = Teacher.default(2)
    with pytest.raises(ArgumentValueError, match="not a global-minimum label"):
        zero_loss_path(t, 3, (1, 1, 0), (2, 1, 0))
    with pytest.raises(ArgumentValueError, match="m = 3 entries"):
        zero_loss_path(t, 3, (1, 2), (2, 1, 0))
    with pytest.raises(ArgumentValueError, match="no path"):
        zero_loss_path(t, 2, (1, 2), (2, 1))
    with pytest.raises(ArgumentTypeError):
        zero_loss_path(Teacher([[sympy.Symbol("u")]], [1]), 2, (1, 0), (0, 1))
    with pytest.raises(ArgumentTypeError):
        zero_loss_path("teacher", 2, (1, 0), (0, 1))


def test_path_in_a_registered_reading():
    """A reading registered from outside ("pairs": zero-sum groups of exactly two neurons)."""
    from symbolic_minima.graph import shortest_label_path
    from symbolic_minima.readings import GLOBAL_MINIMUM, Reading, register_reading, unregister_reading
    from symbolic_minima.roles import REPLICA, ZERO_TYPE, ZeroSumGroup

    reading = register_reading(Reading("pairs", "Rp", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2))))
    try:
        t = Teacher.default(1)
        start, end = (1, -1, -1, 0), (0, -1, 1, -1)
        with pytest.raises(ArgumentValueError, match=r"not a global-minimum label .*\(Rp\): entries in -m\.\.1"):
            zero_loss_path(t, 4, (1, -1, -1, -1), end, "pairs")  # a group of three is not a pairs label
        chain = shortest_label_path(1, start, end, "pairs")
        assert chain[0] == start and chain[-1] == end
        assert all(reading.is_label(g, 1) for g in chain)  # the graph walks the registered reading's labels
        p = zero_loss_path(t, 4, start, end, "pairs")
        assert p.certified and p.info["zero_type"] == "pairs" and p.info["reading"] == "Rp"
        assert all(reading.is_label(g, 1) for g in p.label_chain)
    finally:
        unregister_reading("pairs")
