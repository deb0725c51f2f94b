"""Speed of the counts of the activation classes (issue 9): the closed-form routes against the species route.

Run (well under a minute)::

    python -m pytest benchmarks/bench_activation_counting.py -o addopts="" --benchmark-enable -s

Groups (pytest-benchmark prints one table per group; the last test prints the ratios), each for the
odd class's three readings at ``(r, m) = (10, 20)`` and ``(100, 200)``:

* ``species``: :math:`m!\\,[x^m]` of the reading's EGF by power-series arithmetic (the baseline: the
  route every reading has);
* ``auto``: the route the reading chooses (one Stirling number with python-flint or the alternating
  power sum for R1 and critical; the weighted power sum
  :func:`~symbolic_minima.counting.exponential_power_sum` for the groups).

Measured (best of 3, ``time.perf_counter``, one process, 2 cores shared, load 4-6), species / auto:
R1 0.45 ms / 0.021 ms (21x) at (10, 20), 93 ms / 0.030 ms (~3000x) at (100, 200);
R2 1.5 ms / 0.042 ms (35x), 150 ms / 0.50 ms (300x); critical 0.34 ms / 0.016 ms (21x),
46 ms / 0.10 ms (450x).
"""

import pytest

from symbolic_minima.counting import count_subspaces

RESULTS: dict = {}
SIZES = ((10, 20), (100, 200))
READINGS = ("singletons", "groups", "critical")


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("method", ("species", "auto"))
def test_odd_class_routes(benchmark, reading, size, method):
    benchmark.group = f"odd {reading} {size}"
    value = benchmark.pedantic(count_subspaces, args=(reading, *size),
                               kwargs={"method": method, "activation": "odd"}, rounds=3, iterations=1)
    assert value == count_subspaces(reading, *size, method="species", activation="odd")
    RESULTS.setdefault((reading, size), {})[method] = benchmark.stats.stats.min


def test_print_ratios():
    for (reading, size), times in sorted(RESULTS.items()):
        if {"species", "auto"} <= set(times):
            print(f"odd {reading} {size}: species {times['species'] * 1e3:.3f} ms, auto {times['auto'] * 1e3:.3f} ms, "
                  f"{times['species'] / times['auto']:.0f}x")
