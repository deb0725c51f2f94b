"""Speed of classify (pytest-benchmark; not part of CI).

Run:  python -m pytest benchmarks/bench_classify.py --benchmark-enable -s

Students of width m = 100 and 400 (teacher r = 5, d = 2) lying 1e-8 from a
subspace of the groups reading with every role (replicas, zero-type neurons,
zero-sum groups; signed in the odd class).  The baseline, in the same
process, is one orthogonal projection onto the (known) subspace, the least
any classifier must do per candidate: an enumerating classifier would do it
T(r, m) times.  The goal is "m in the hundreds in well under a second".
"""

import time

import numpy as np
import pytest

from symbolic_minima.classify import classify, project
from symbolic_minima.counting import count_subspaces
from symbolic_minima.network import Teacher
from symbolic_minima.readings import get_reading


def student_on_a_subspace(m, r=5, d=2, signed=False, seed=0):
    """(W, A, label): 40% replicas, 30% zero-type neurons, 30% zero-sum groups of 3, plus 1e-8 noise."""
    rng = np.random.default_rng(seed)
    teacher = Teacher.default(r, d)
    w_star = np.array([[float(v) for v in w] for w in teacher.incoming])
    a_star = np.array([float(a) for a in teacher.outgoing])
    W, A, label = np.zeros((m, d)), np.zeros(m), []
    replicas, zeros = max(r, int(0.4 * m)), int(0.3 * m)
    groups = (m - replicas - zeros) // 3
    zeros = m - replicas - 3 * groups
    for j in range(replicas):
        i = j % r
        sign = -1.0 if signed and j % 2 else 1.0
        W[j] = sign * w_star[i]
        label.append(i + 1)
    for i in range(r):
        members = [j for j in range(replicas) if j % r == i]
        weights = rng.standard_normal(len(members))
        signs = np.array([-1.0 if signed and j % 2 else 1.0 for j in members])
        weights[-1] = (a_star[i] - signs[:-1] @ weights[:-1]) / signs[-1]
        A[members] = weights
    for j in range(replicas, replicas + zeros):
        W[j] = 5 + 3 * rng.standard_normal(d)
        label.append(0)
    for g in range(groups):
        members = list(range(replicas + zeros + 3 * g, replicas + zeros + 3 * g + 3))
        u = 20 + 5 * rng.standard_normal(d)
        W[members] = u
        A[members] = [1.0 + g, -0.5 - g, -0.5]
        label += [-(g + 1)] * 3
    W += 1e-8 * rng.standard_normal(W.shape)
    A += 1e-8 * rng.standard_normal(A.shape)
    return teacher, W, A, label


@pytest.mark.parametrize("m", [100, 400])
@pytest.mark.parametrize("activation", ["generic", "odd"])
def test_classify_speed(benchmark, m, activation):
    signed = activation == "odd"
    teacher, W, A, label = student_on_a_subspace(m, signed=signed)
    result = benchmark(lambda: classify((W, A), teacher, activation, "groups"))
    assert result.kind == "global_minimum" and result.distance < 1e-6
    assert len(result.label) == m
    one_projection = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        project((W, A), teacher, result.label, activation, "groups")
        one_projection = min(one_projection, time.perf_counter() - start)
    seconds = benchmark.stats.stats.mean
    subspaces = count_subspaces(get_reading("groups", activation), 5, m)
    benchmark.extra_info.update(seconds=seconds, one_projection=one_projection, subspaces=str(subspaces))
    print(f"\nclassify m={m} ({activation}, R2): {seconds * 1e3:.1f} ms = {seconds / one_projection:.1f} projections; "
          f"an enumerating classifier would project onto ~10^{len(str(subspaces)) - 1} subspaces")


def test_snap_and_certify_speed(benchmark):
    teacher, W, A, _ = student_on_a_subspace(100)
    result = classify((W, A), teacher, zero_type="groups")
    snapped = benchmark.pedantic(result.snap, rounds=2, iterations=1)
    assert snapped.certified
    print(f"\nsnap + certify m=100 (300 parameters): {benchmark.stats.stats.mean:.2f} s")
