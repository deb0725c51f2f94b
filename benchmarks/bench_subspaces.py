"""Speed of the exact subspace machinery (pytest-benchmark; not part of CI).

Run:  python -m pytest benchmarks/bench_subspaces.py --benchmark-enable -s

Each benchmark records a rate in ``extra_info`` and, where there is one,
the ratio against a baseline run in the same process:

* labels / s of the lazy enumerator (floor asked for: 1e5 / s);
* exact subspaces / s of the structured canonical builder, against the
  generic route (``AffineSubspace`` through Fraction RREF) and against
  ``sympy.Matrix.rref`` on the same systems;
* Fraction RREF against ``sympy.Matrix.rref``;
* ``verify`` for r = 3, m = 5, d = 1 (390 subspaces, R1) and the critical family.
"""

import time
from itertools import islice

import pytest
import sympy

from symbolic_minima.labellings import global_minimum_labellings
from symbolic_minima.linalg import rref
from symbolic_minima.network import CriticalPoint, Teacher
from symbolic_minima.subspaces import AffineSubspace, critical_subspaces, global_minimum_subspaces
from symbolic_minima.verify import Summary, verify_all


def _rate(fn, n_items, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return n_items / best


def test_label_stream_rate(benchmark):
    n = benchmark(lambda: sum(1 for _ in global_minimum_labellings(3, 8)))
    benchmark.extra_info["labels_per_s"] = n / benchmark.stats.stats.mean
    print(f"\nlabels/s (r=3, m=8, R1): {n / benchmark.stats.stats.mean:,.0f}")


@pytest.mark.parametrize("r, m, d, zero_type", [(3, 6, 1, "singletons"), (3, 6, 2, "groups"), (2, 8, 2, "singletons")])
def test_exact_subspace_rate(benchmark, r, m, d, zero_type):
    teacher = Teacher.default(r, d)
    n = benchmark(lambda: sum(1 for _ in global_minimum_subspaces(teacher, m, zero_type)))
    rate = n / benchmark.stats.stats.mean
    # baseline 1: generic Fraction-RREF construction of the same systems
    sample = list(islice(global_minimum_subspaces(teacher, m, zero_type), 300))
    systems = [s.matrix() for s in sample]
    generic = _rate(lambda: [AffineSubspace(sample[0].parameters, A, b) for A, b in systems], len(systems))
    # baseline 2: sympy Matrix.rref of the augmented systems
    few = systems[:40]
    mats = [sympy.Matrix([list(row) + [beta] for row, beta in zip(A, b, strict=True)]) for A, b in few]
    sym = _rate(lambda: [M.rref() for M in mats], len(mats), repeat=1)
    benchmark.extra_info.update(subspaces_per_s=rate, generic_per_s=generic, sympy_rref_per_s=sym)
    print(f"\nsubspaces/s r={r} m={m} d={d} {zero_type}: {rate:,.0f}  (generic RREF route {generic:,.0f}/s, "
          f"x{rate / generic:.1f}; sympy rref {sym:,.0f}/s, x{rate / sym:.0f})")


def test_critical_subspace_rate(benchmark):
    cp = CriticalPoint.default(3, 2)
    n = benchmark(lambda: sum(1 for _ in critical_subspaces(cp, 6)))
    rate = n / benchmark.stats.stats.mean
    cpv = CriticalPoint.default(2, 1, d_out=2)
    vec = _rate(lambda: sum(1 for _ in critical_subspaces(cpv, 6)), 62, repeat=1)
    benchmark.extra_info.update(critical_per_s=rate, vector_critical_per_s=vec)
    print(f"\ncritical subspaces/s (r=3, m=6, d=2): {rate:,.0f}; vector output d_out=2 (r=2, m=6): {vec:,.0f}")


def test_fraction_rref_vs_sympy(benchmark):
    import random

    rng = random.Random(0)
    mats = [[[rng.randint(-5, 5) for _ in range(12)] for _ in range(10)] for _ in range(20)]
    benchmark(lambda: [rref(M) for M in mats])
    ours = len(mats) / benchmark.stats.stats.mean
    sym_mats = [sympy.Matrix(M) for M in mats]
    sym = _rate(lambda: [M.rref() for M in sym_mats], len(mats), repeat=1)
    benchmark.extra_info.update(rref_per_s=ours, sympy_rref_per_s=sym)
    print(f"\n10x12 RREF/s: Fraction {ours:,.0f}, sympy {sym:,.0f} (x{ours / sym:.0f})")


@pytest.mark.parametrize("family", ["global", "critical"])
def test_verify_r3_m5(benchmark, family):
    teacher = Teacher.default(3, 1)

    def run():
        s = Summary()
        for cert in verify_all(teacher, 5, family, samples=10):
            s.add(cert)
        assert s.ok
        return s

    benchmark.pedantic(run, rounds=1, iterations=1)
    print(f"\nverify r=3 m=5 d=1 {family}: {benchmark.stats.stats.mean:.1f} s")


def test_intersection_rate(benchmark):
    """Exact intersections of canonical subspaces (rref_extend), against RREF of the stacked systems."""
    from symbolic_minima.linalg import rref as full_rref

    teacher = Teacher([[1, "1/2"], [-1, 2], [3, 1]], [1, "-3/2", 2])
    subs = list(islice(global_minimum_subspaces(teacher, 6, "groups"), 400))
    pairs = list(zip(subs, subs[7:] + subs[:7], strict=True))
    benchmark(lambda: [a.intersection(b) for a, b in pairs])
    rate = len(pairs) / benchmark.stats.stats.mean
    n = subs[0].ambient_dimension
    stacked = _rate(lambda: [full_rref([list(r) for r in a._rows] + [list(r) for r in b._rows], ncols=n)
                             for a, b in pairs], len(pairs), repeat=1)
    benchmark.extra_info.update(intersections_per_s=rate, stacked_rref_per_s=stacked)
    print(f"\nintersections/s (r=3, m=6, d=2, R2): {rate:,.0f} (stacked RREF {stacked:,.0f}/s, x{rate / stacked:.1f})")


@pytest.mark.parametrize("activation, zero_type", [("odd", "groups"), ("even", "singletons")])
def test_class_subspace_rate(benchmark, activation, zero_type):
    """Token labels (activation classes): the builder reuses each block's rows (cached, already canonical rows);
    baseline: the same labels through uncached ``label_rows`` and the sparse assembly, in the same process."""
    from symbolic_minima.labels import Label
    from symbolic_minima.readings import get_reading
    from symbolic_minima.subspaces import _assemble, _layout, _teacher_layout, label_rows

    teacher = Teacher.default(3, 2)
    n = benchmark(lambda: sum(1 for _ in global_minimum_subspaces(teacher, 5, zero_type, activation=activation)))
    rate = n / benchmark.stats.stats.mean
    reading = get_reading(zero_type, activation)
    params, w_cols, a_cols, neurons = _layout(5, 2, 1)
    layout = _teacher_layout(teacher, w_cols, a_cols)
    labels = list(islice(reading.labellings(3, 5), 3000))

    def uncached():
        for label in labels:
            _assemble(len(params), label_rows(reading, label, layout), params, Label(label), reading.family, neurons)

    baseline = _rate(uncached, len(labels))
    benchmark.extra_info.update(subspaces_per_s=rate, uncached_per_s=baseline)
    print(f"\n{activation} {zero_type} r=3 m=5 d=2: {rate:,.0f} subspaces/s (uncached rows {baseline:,.0f}/s, "
          f"x{rate / baseline:.1f})")
