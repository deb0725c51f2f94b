"""Speed of the type-based graph summary of an activation class against building the graph (same process).

Run (about half a minute)::

    python -m pytest benchmarks/bench_graph_types_activation.py --benchmark-enable -p no:doctest -s

* ``summary odd R1 r=3 m=5``: :func:`symbolic_minima.graph_types.type_summary` with ``activation="odd"``
  (12 types, never building the graph) against the baseline
  :func:`~symbolic_minima.graph.connectivity_graph` + :func:`~symbolic_minima.graph.graph_summary`
  (12,480 nodes, 80,640 edges); the last test prints the ratio.

At r=3, m=6 (134,400 nodes, 3,252,480 edges) the same comparison is measured by hand (best of 2, one
process; numbers in the issue 11 report): the diameter searches dominate the summary there.
"""

import pytest

from symbolic_minima.graph import connectivity_graph, graph_summary
from symbolic_minima.graph_types import type_summary

_TIMES: dict = {}
FACTS = ("nodes", "edges", "components", "degrees", "diameter")


def _record(benchmark, name):
    _TIMES[name] = benchmark.stats.stats.min


def _built(r, m):
    return graph_summary(connectivity_graph(r, m, activation="odd"))


def test_summary_odd_r3_m5(benchmark):
    s = benchmark.pedantic(type_summary, args=(3, 5), kwargs={"activation": "odd"}, rounds=2, iterations=1)
    assert s["nodes"] == 12480 and s["diameter"] == 10
    _record(benchmark, "summary")


def test_build_odd_r3_m5_baseline(benchmark):
    b = benchmark.pedantic(_built, args=(3, 5), rounds=2, iterations=1)
    assert {k: b[k] for k in FACTS} == {k: type_summary(3, 5, activation="odd")[k] for k in FACTS}
    _record(benchmark, "build")


def test_report():
    if len(_TIMES) < 2:
        pytest.skip("run the whole file with --benchmark-enable")
    print(f"\nodd R1 r=3 m=5: summary {_TIMES['summary']:.2f} s, build + graph_summary {_TIMES['build']:.2f} s, "
          f"ratio {_TIMES['build'] / _TIMES['summary']:.1f}")
