"""Speed of the connectivity graphs and paths, each against a baseline run in the same process.

Run (two to four minutes)::

    python -m pytest benchmarks/bench_graph.py --benchmark-enable -p no:doctest -s

Groups (the last test prints the ratios and the table of graph sizes):

* ``build r=4 m=7``: :func:`connectivity_graph` (neighbour generation) of the 25,200 R1 subspaces;
  no baseline at this size (all pairs = 3.2e8 criterion calls);
* ``build r=3 m=6``: neighbour generation against the all-pairs combinatorial criterion (baseline);
* ``build r=3 m=4 exact``: neighbour generation against exact rational linear algebra on every
  pair (``method="exact"``, the baseline that decides intersections without the criterion);
* ``diameter r=3 m=5``: one breadth-first search per kind (``method="orbits"``) against
  :func:`networkx.diameter`;
* ``build R2 r=3 m=6`` and the paths (``path r=4 m=5``, ``deep path 3,2->4,3``): absolute times.
"""

import time
from itertools import combinations

import networkx as nx
import pytest

from symbolic_minima.deep import DeepTeacher, deep_zero_loss_path, permuted_minimum_label
from symbolic_minima.graph import (
    component_count,
    connectivity_graph,
    graph_diameter,
    labels_intersect,
)
from symbolic_minima.labellings import global_minimum_labellings
from symbolic_minima.network import Teacher
from symbolic_minima.paths import zero_loss_path

RESULTS: dict = {}


def _record(benchmark, group, name):
    RESULTS.setdefault(group, {})[name] = benchmark.stats.stats.min


def _all_pairs(r, m, zero_type="singletons"):
    labels = list(global_minimum_labellings(r, m, zero_type))
    G = nx.Graph()
    G.add_nodes_from(labels)
    G.add_edges_from((g, h) for g, h in combinations(labels, 2) if labels_intersect(g, h))
    return G


def test_build_r4_m7(benchmark):
    G = benchmark.pedantic(connectivity_graph, args=(4, 7), rounds=3, iterations=1)
    assert G.number_of_nodes() == 25200 and component_count(G) == 1
    _record(benchmark, "build r=4 m=7", "neighbours")


def test_build_r3_m6_neighbours(benchmark):
    G = benchmark.pedantic(connectivity_graph, args=(3, 6), rounds=3, iterations=1)
    assert G.number_of_nodes() == 2100
    _record(benchmark, "build r=3 m=6", "neighbours")


def test_build_r3_m6_all_pairs_baseline(benchmark):
    G = benchmark.pedantic(_all_pairs, args=(3, 6), rounds=1, iterations=1)
    assert G.number_of_edges() == connectivity_graph(3, 6).number_of_edges()
    _record(benchmark, "build r=3 m=6", "all pairs (baseline)")


def test_build_r3_m4_neighbours(benchmark):
    benchmark.pedantic(connectivity_graph, args=(3, 4), rounds=5, iterations=1)
    _record(benchmark, "build r=3 m=4 exact", "neighbours")


def test_build_r3_m4_exact_baseline(benchmark):
    G = benchmark.pedantic(connectivity_graph, args=(Teacher.default(3), 4), kwargs={"method": "exact"},
                           rounds=1, iterations=1)
    assert {frozenset(e) for e in G.edges} == {frozenset(e) for e in connectivity_graph(3, 4).edges}
    _record(benchmark, "build r=3 m=4 exact", "exact all pairs (baseline)")


@pytest.fixture(scope="module")
def g36():
    return connectivity_graph(3, 5)


def test_diameter_orbits(benchmark, g36):
    D = benchmark.pedantic(graph_diameter, args=(g36,), rounds=3, iterations=1)
    RESULTS.setdefault("_values", {})["diameter r=3 m=5"] = D
    _record(benchmark, "diameter r=3 m=5", "orbits")


def test_diameter_networkx_baseline(benchmark, g36):
    D = benchmark.pedantic(nx.diameter, args=(g36,), rounds=1, iterations=1)
    assert D == graph_diameter(g36)
    _record(benchmark, "diameter r=3 m=5", "networkx.diameter (baseline)")


def test_build_groups_r3_m6(benchmark):
    G = benchmark.pedantic(connectivity_graph, args=(3, 6, "groups"), rounds=1, iterations=1)
    assert component_count(G) == 1
    _record(benchmark, "build R2 r=3 m=6", "neighbours")


def test_path_r4_m5(benchmark):
    t = Teacher.default(4)
    p = benchmark.pedantic(zero_loss_path, args=(t, 5, (1, 2, 3, 4, 0), (2, 1, 3, 4, 0)), rounds=3, iterations=1)
    assert p.certified
    _record(benchmark, "path r=4 m=5", "certified path")


def test_deep_path(benchmark):
    t = DeepTeacher.default((3, 2))
    a = permuted_minimum_label((3, 2), [(1, 2, 3), (1, 2)])
    b = permuted_minimum_label((3, 2), [(2, 3, 1), (2, 1)])
    p = benchmark.pedantic(deep_zero_loss_path, args=(t, (4, 3), a, b), rounds=3, iterations=1)
    assert p.certified and p.n_segments == 9
    _record(benchmark, "deep path 3,2->4,3", "certified path")


def test_zz_report():
    print("\n\nratios (baseline / ours, minimum times, same process):")
    for group, times in RESULTS.items():
        if group.startswith("_"):
            continue
        line = ", ".join(f"{k}: {v:.3f}s" for k, v in times.items())
        base = [v for k, v in times.items() if "baseline" in k]
        ours = [v for k, v in times.items() if "baseline" not in k]
        ratio = f"  -> {base[0] / ours[0]:.0f}x" if base and ours else ""
        print(f"  {group}: {line}{ratio}")
    print("\ngraph sizes (labels method; diameter by orbits):")
    print("  reading  r  m   nodes   edges  comps  diam  build_s")
    for zero_type in ("singletons", "groups"):
        for r, m in [(1, 2), (1, 3), (1, 4), (2, 2), (2, 3), (2, 4), (2, 5), (3, 3), (3, 4), (3, 5), (3, 6),
                     (4, 4), (4, 5), (4, 6), (4, 7)]:
            if zero_type == "groups" and (r, m) in [(4, 7)]:
                continue
            t0 = time.perf_counter()
            G = connectivity_graph(r, m, zero_type)
            dt = time.perf_counter() - t0
            c = component_count(G)
            D = graph_diameter(G) if c == 1 else "-"
            print(f"  {zero_type[:5]:7s} {r:2d} {m:2d} {G.number_of_nodes():7d} {G.number_of_edges():7d} "
                  f"{c:5d}  {D!s:>4s}  {dt:7.2f}")
