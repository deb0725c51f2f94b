"""Graph facts from the signed label types (activation classes) against the built graphs (issue 11).

Every class with token labels (odd, even, zero-at-origin, even-zero-at-origin), both readings and the
critical family: the types' counts against enumeration, the group action (sign flips, relabellings,
permutations) against the built graphs, and every fact of :func:`type_summary` against
:func:`connectivity_graph` / :func:`critical_graph` for r <= 3, m <= r + 2.
"""

from collections import Counter
from math import factorial

import networkx as nx
import pytest

import symbolic_minima.graph_types as graph_types
from symbolic_minima.budget import BudgetExceeded, limits
from symbolic_minima.cli import main
from symbolic_minima.counting import count_subspaces
from symbolic_minima.graph import (
    connectivity_graph,
    critical_graph,
    graph_summary,
    labels_intersect,
    one_extra_neuron_facts,
)
from symbolic_minima.graph_types import (
    SignedKind,
    label_types,
    one_extra_neuron_facts_from_types,
    token_kind,
    token_summary_estimate,
    type_eccentricity,
    type_summary,
)
from symbolic_minima.labels import Label

CLASSES = ["odd", "even", "zero-at-origin", "even-zero-at-origin"]
SIGN_CLASSES = ["odd", "even", "even-zero-at-origin"]
READINGS = [("R1", False), ("R2", False), ("R1", True)]  # (zero_type, critical)
SIZES = [(r, m) for r in (1, 2, 3) for m in range(r, r + 3)]
FACTS = ("kind", "r", "m", "d", "d_out", "zero_type", "reading", "method", "activation_class", "nodes", "edges",
         "components", "isolated", "min_degree", "max_degree", "degrees", "diameter")
LARGE = 5000  # built graphs above this many nodes are marked slow


def _reading(zero_type, critical, cls):
    return graph_types._reading(zero_type, critical, cls)


def _built(r, m, zero_type, critical, cls):
    G = critical_graph(r, m, activation=cls) if critical else connectivity_graph(r, m, zero_type, activation=cls)
    s = graph_summary(G)
    s["degrees"] = dict(sorted(Counter(d for _, d in G.degree()).items()))  # independently of graph_summary
    return G, s


def _cases(max_nodes):
    out = []
    for cls in CLASSES:
        for zero_type, critical in READINGS:
            for r, m in SIZES:
                nodes = count_subspaces(_reading(zero_type, critical, cls), r, m)
                if nodes <= max_nodes:
                    marks = [pytest.mark.slow] if nodes > LARGE else []
                    out.append(pytest.param(cls, zero_type, critical, r, m, marks=marks,
                                            id=f"{cls}-{'crit' if critical else zero_type}-{r}-{m}"))
    return out


# ---------------------------------------------------------------- types and counts


@pytest.mark.parametrize("cls,zero_type,critical,r,m", _cases(3000))
def test_signed_type_counts_are_the_orbit_sizes(cls, zero_type, critical, r, m):
    reading = _reading(zero_type, critical, cls)
    types = label_types(r, m, zero_type, critical, activation=cls)
    by_kind = Counter(token_kind(g) for g in reading.labellings(r, m))  # enumeration
    assert {t.kind: t.count for t in types} == dict(by_kind)
    assert sum(t.count for t in types) == count_subspaces(reading, r, m)
    for t in types:
        assert isinstance(t.kind, SignedKind) and token_kind(t.representative) == t.kind
        assert reading.is_label(t.representative, r)


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("zero_type,critical", READINGS)
def test_orbit_stabiliser(cls, zero_type, critical):
    # count * |Stab(rep)| = |Gamma| for every type: the count formula and the stabiliser generators
    # (Schreier-Sims on the generators) checked against each other
    from sympy.combinatorics import Permutation, PermutationGroup

    for r, m in [(2, 4), (3, 5), (1, 4)]:
        reading = _reading(zero_type, critical, cls)
        action = graph_types._SignedAction(r, m, reading)
        for t in label_types(r, m, zero_type, critical, activation=cls):
            gens = action.stabiliser_generators(t.representative)
            order = int(PermutationGroup([Permutation(list(g)) for g in gens]).order()) if gens else 1
            assert t.count * order == action.order, (t.kind, t.count, order)


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("zero_type,critical", READINGS)
def test_group_elements_map_representatives_to_every_label(cls, zero_type, critical):
    r, m = 2, 4
    reading = _reading(zero_type, critical, cls)
    action = graph_types._SignedAction(r, m, reading)
    reps = {t.kind: t.representative for t in label_types(r, m, zero_type, critical, activation=cls)}
    for g in reading.labellings(r, m):
        rep = reps[token_kind(g)]
        assert action.act(action.element_to(g, rep), rep) == g
        for s in action.stabiliser_generators(rep):
            assert action.act(s, rep) == rep


# ---------------------------------------------------------------- the group acts by automorphisms


def _image_graph(G, action, point):
    return {frozenset((action.act(point, g), action.act(point, h))) for g, h in G.edges()}


def _flip(action, i):
    point = list(range(action.degree))
    point[action.point(i, 1)], point[action.point(i, -1)] = action.point(i, -1), action.point(i, 1)
    return tuple(point)


@pytest.mark.parametrize("cls", SIGN_CLASSES)
@pytest.mark.parametrize("zero_type", ["R1", "R2"])
@pytest.mark.parametrize("r,m", [(1, 3), (2, 3), (2, 4), (3, 4)])
def test_sign_flips_relabellings_and_permutations_are_automorphisms(cls, zero_type, r, m):
    G = connectivity_graph(r, m, zero_type, activation=cls)
    action = graph_types._SignedAction(r, m, _reading(zero_type, False, cls))
    edges = {frozenset(e) for e in G.edges()}
    moves = [_flip(action, i) for i in range(1, r + 1)]
    swap = list(range(action.degree))
    swap[0], swap[m - 1] = m - 1, 0  # two neurons
    moves.append(tuple(swap))
    if r >= 2:  # teacher neurons 1 and 2 exchanged
        relabel = list(range(action.degree))
        for s in (1, -1):
            relabel[action.point(1, s)], relabel[action.point(2, s)] = action.point(2, s), action.point(1, s)
        moves.append(tuple(relabel))
    for point in moves:
        assert {action.act(point, g) for g in G.nodes} == set(G.nodes)
        assert _image_graph(G, action, point) == edges


@pytest.mark.parametrize("cls", SIGN_CLASSES)
def test_the_flip_keeps_the_criterion_on_every_pair(cls):
    # the two-line proof in the module docstring, checked on labels_intersect directly
    r, m = 2, 4
    reading = _reading("R2", False, cls)
    action = graph_types._SignedAction(r, m, reading)
    labels = list(reading.labellings(r, m))[::3]
    flip = _flip(action, 1)
    for g in labels:
        fg = action.act(flip, g)
        for h in labels[::5]:
            assert labels_intersect(g, h, reading) == labels_intersect(fg, action.act(flip, h), reading)


def _flip_neuron(g, j):
    v = g[j]
    if v[0] in "+-":
        v = ("-" if v[0] == "+" else "+") + v[1:]
    elif v[0] == "g":
        v = v[:-1] + ("-" if v[-1] == "+" else "+")
    return Label(g[:j] + (v,) + g[j + 1:]).canonical()


@pytest.mark.parametrize("cls", SIGN_CLASSES)
@pytest.mark.parametrize("zero_type", ["R1", "R2"])
def test_flipping_one_neuron_is_an_automorphism_too(cls, zero_type):
    # (w_j, a_j) -> (-w_j, -a_j) (odd) or (-w_j, a_j) (even) is a symmetry of the network: one neuron's
    # sign flip also preserves intersections (not used by the types, which keep the signs)
    G = connectivity_graph(2, 4, zero_type, activation=cls)
    edges = {frozenset(e) for e in G.edges()}
    assert {_flip_neuron(g, 0) for g in G.nodes} == set(G.nodes)
    assert {frozenset(_flip_neuron(x, 0) for x in e) for e in G.edges()} == edges


def test_a_map_of_the_labels_that_is_not_an_automorphism_is_detected():
    # the checks above can fail: exchanging a dead and a zero-type neuron at one place maps labels to
    # labels (odd, R1) but not edges to edges (a dead neuron meets fewer labels)
    G = connectivity_graph(1, 3, "R1", activation="odd")

    def dead_zero_swap(g):
        return Label(({"d": "0", "0": "d"}.get(g[0], g[0]),) + tuple(g[1:]))

    assert {dead_zero_swap(g) for g in G.nodes} == set(G.nodes)
    assert {frozenset(map(dead_zero_swap, e)) for e in G.edges()} != {frozenset(e) for e in G.edges()}


# ---------------------------------------------------------------- every fact against the built graph


@pytest.mark.parametrize("cls,zero_type,critical,r,m", _cases(20_000))
def test_type_summary_matches_the_built_graph(cls, zero_type, critical, r, m):
    facts = type_summary(r, m, zero_type, critical=critical, activation=cls)
    G, built = _built(r, m, zero_type, critical, cls)
    assert {k: facts.get(k) for k in FACTS} == {k: built.get(k) for k in FACTS}
    assert facts["route"] == "types" and sum(t["count"] for t in facts["types"]) == G.number_of_nodes()
    if facts["components"] == 1:  # every type's eccentricity, not only the largest
        for t in facts["types"]:
            assert t["eccentricity"] == nx.eccentricity(G, Label(t["representative"]))


def test_dropping_the_sign_flips_changes_the_counts(monkeypatch):
    # the types merge sign-flipped labels; without the flips in the counts and in the group, the
    # summary is wrong: too few nodes, and (m = r) too many components
    r = 2
    right = type_summary(r, r, activation="odd")
    assert right["nodes"] == right["components"] == factorial(r) * 2 ** r
    original_count = graph_types._token_type_count
    monkeypatch.setattr(graph_types, "_token_type_count", lambda r, m, kind, signed: original_count(r, m, kind, False))
    assert type_summary(r, r + 1, activation="odd")["nodes"] != count_subspaces(_reading("R1", False, "odd"), r, r + 1)
    monkeypatch.undo()

    class NoFlips(graph_types._SignedAction):
        def __init__(self, r, m, reading):
            super().__init__(r, m, reading)
            self.order //= 2 ** r

        def stabiliser_generators(self, rep):
            return [g for g in super().stabiliser_generators(rep)
                    if all(self.teacher(g[p])[1] == self.teacher(p)[1] for p in range(self.m, self.degree))]

    monkeypatch.setattr(graph_types, "_SignedAction", NoFlips)
    wrong = type_summary(r, r, activation="odd")
    assert wrong["components"] != right["components"]


def test_searches_need_sound_keys(monkeypatch):
    # a key that forgets where the entries sit merges orbits at different distances: wrong eccentricity
    r, m = 2, 4
    G = connectivity_graph(r, m, activation="odd")
    t = label_types(r, m, activation="odd")[0].representative
    expected = nx.eccentricity(G, t)
    assert type_eccentricity(t, r, activation="odd") == expected
    monkeypatch.setattr(graph_types, "_token_key", lambda h, *args: tuple(sorted(h)))
    assert type_eccentricity(t, r, activation="odd") != expected


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("r", [1, 2, 3])
def test_one_extra_neuron_facts_from_types(cls, r):
    G = connectivity_graph(r, r + 1, activation=cls)
    assert one_extra_neuron_facts_from_types(type_summary(r, r + 1, activation=cls)) == one_extra_neuron_facts(G)


# ---------------------------------------------------------------- budget and command line


def test_budget_refuses_and_skips_the_diameter():
    with limits(seconds=0.01):
        with pytest.raises(BudgetExceeded, match="graph summary r=3 m=9"):
            type_summary(3, 9, "R2", activation="odd")
    with limits(seconds=5):
        facts = type_summary(3, 6, activation="odd")
    assert "diameter" not in facts and "time budget" in facts["diameter_skipped"]
    assert token_summary_estimate(3, 6, activation="odd").fits()


def test_cli_summary_of_an_activation_class(capsys):
    import json

    for args in (["2", "3", "--activation", "tanh"], ["2", "4", "--activation", "even", "--zero-type", "R2"],
                 ["2", "4", "--activation", "exp-minus-one", "--critical"]):
        assert main(["graph", *args, "--json"]) == 0
        built = json.loads(capsys.readouterr().out)
        assert main(["graph", *args, "--json", "--summary"]) == 0
        summary = json.loads(capsys.readouterr().out)
        assert summary.pop("route") == "types" and summary.pop("types")
        assert summary == built
    assert main(["graph", "2", "3", "--activation", "odd", "--summary"]) == 0
    out = capsys.readouterr().out
    assert "one dead neuron" in out and "teacher sign flips" in out
    assert main(["--budget", "time=0.01s", "graph", "3", "9", "--activation", "odd", "--zero-type", "R2",
                 "--summary"]) == 2
    err = capsys.readouterr().err
    assert "refused" in err and err.count("\n") == 1
