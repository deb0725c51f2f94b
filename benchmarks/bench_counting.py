"""Speed of the exact counts, each against a baseline run in the same process.

Run (a few minutes)::

    python -m pytest benchmarks/bench_counting.py -o addopts="" --benchmark-enable -s

(``-o addopts=""`` drops the project's ``--doctest-modules``/``--benchmark-disable``.)

Groups (pytest-benchmark prints one table per group; the last test prints the ratios):

* ``T(5000,10000)``: ``T(r, m)`` at r = 5000, m = 10000 by python-flint (``backend="flint"``),
  by the pure-Python route (``backend="python"``: :func:`~symbolic_minima.stirling.difference_power_sum`)
  and by raw python-flint ``fac_ui(r) * stirling_s2(m+1, r+1)``.  The sympy baseline
  ``sympy.factorial(r) * stirling(m+1, r+1)`` takes minutes at this size, so it runs here
  only with ``SYMBOLIC_MINIMA_FULL_BASELINE=1``;
* ``T(1000,2000)``: the same routes and the sympy baseline at a size where sympy takes ~1-3 s;
* ``table<=300``: ``T_table`` for 1 <= r <= m <= 300 against sympy's ``stirling`` per entry
  (sympy at 1 <= r <= m <= 120, since its per-entry cost grows like m*r).

sympy caches ``stirling``; the cache is cleared before every baseline round.

Issue 11 (each figure with its baseline in the same process):

* ``T_R2(r,m)`` at (1000, 2000) and (2000, 4000): the groups reading by its ``"auto"`` route
  (:func:`~symbolic_minima.counting.groups_power_sum`) with and without python-flint, against
  T in reading R1 by python-flint at the same size (target: R2 <= 30x R1) and, at (1000, 2000),
  against the previous pure-Python route (the Stirling row by the triangle, target: >= 2x faster)
  and, with ``SYMBOLIC_MINIMA_FULL_BASELINE=1``, the previous flint route (one Stirling number per k);
* ``alternating sum``: :func:`~symbolic_minima.stirling.difference_power_sum` against the plain
  alternating sum at a few sizes ``(k, n)`` (target: never slower);
* ``count T 3 5``: the whole command as a process against ``python -c "import sympy"`` (target: <= 0.5x).

Measured once at full size (2 cores shared with other jobs, load 4-7), one process:
sympy 627 s, pure Python 3.5 s and 10.5 s (two runs), python-flint 0.27 s.
"""

import math
import os
import subprocess
import sys
import time

import pytest
import sympy
from sympy.functions.combinatorial.numbers import stirling

from symbolic_minima.counting import T, T_table, _groups_stirling
from symbolic_minima.stirling import difference_power_sum, flint_available

RESULTS: dict = {}
needs_flint = pytest.mark.skipif(not flint_available(), reason="python-flint not installed")


def _record(benchmark, group, name):
    RESULTS.setdefault(group, {})[name] = benchmark.stats.stats.min


def _sympy_T(r, m):
    sympy.core.cache.clear_cache()
    return sympy.factorial(r) * stirling(m + 1, r + 1)


def _flint_raw(r, m):
    import flint

    return flint.fmpz.fac_ui(r) * flint.fmpz.stirling_s2(m + 1, r + 1)


# ----------------------------------------------------------------- T(5000, 10000)

BIG = (5000, 10000)


@needs_flint
@pytest.mark.benchmark(group="T(5000,10000)")
def test_big_flint(benchmark):
    value = benchmark.pedantic(T, args=BIG, kwargs={"method": "stirling", "backend": "flint"}, rounds=3, iterations=1)
    assert value == _flint_raw(*BIG)
    _record(benchmark, "T(5000,10000)", "symbolic_minima flint")


@needs_flint
@pytest.mark.benchmark(group="T(5000,10000)")
def test_big_flint_raw(benchmark):
    benchmark.pedantic(_flint_raw, args=BIG, rounds=3, iterations=1)
    _record(benchmark, "T(5000,10000)", "raw python-flint")


@pytest.mark.benchmark(group="T(5000,10000)")
def test_big_python(benchmark):
    value = benchmark.pedantic(
        T, args=BIG, kwargs={"method": "inclusion_exclusion", "backend": "python"}, rounds=1, iterations=1
    )
    if flint_available():
        assert value == _flint_raw(*BIG)
    _record(benchmark, "T(5000,10000)", "symbolic_minima python")


@pytest.mark.skipif(not os.environ.get("SYMBOLIC_MINIMA_FULL_BASELINE"), reason="sympy takes minutes here")
@pytest.mark.benchmark(group="T(5000,10000)")
def test_big_sympy(benchmark):
    benchmark.pedantic(_sympy_T, args=BIG, rounds=1, iterations=1)
    _record(benchmark, "T(5000,10000)", "sympy baseline")


# ----------------------------------------------------------------- T(1000, 2000)

MID = (1000, 2000)


@needs_flint
@pytest.mark.benchmark(group="T(1000,2000)")
def test_mid_flint(benchmark):
    benchmark.pedantic(T, args=MID, kwargs={"method": "stirling", "backend": "flint"}, rounds=5, iterations=1)
    _record(benchmark, "T(1000,2000)", "symbolic_minima flint")


@pytest.mark.benchmark(group="T(1000,2000)")
def test_mid_python(benchmark):
    value = benchmark.pedantic(
        T, args=MID, kwargs={"method": "inclusion_exclusion", "backend": "python"}, rounds=5, iterations=1
    )
    assert value == _sympy_T(*MID)
    _record(benchmark, "T(1000,2000)", "symbolic_minima python")


@pytest.mark.benchmark(group="T(1000,2000)")
def test_mid_sympy(benchmark):
    benchmark.pedantic(_sympy_T, args=MID, rounds=2, iterations=1)
    _record(benchmark, "T(1000,2000)", "sympy baseline")


# ----------------------------------------------------------------- tables


def _sympy_table(size):
    sympy.core.cache.clear_cache()
    return {
        (r, m): sympy.factorial(r) * stirling(m + 1, r + 1) for m in range(1, size + 1) for r in range(1, m + 1)
    }


@pytest.mark.benchmark(group="table")
def test_table_300(benchmark):
    table = benchmark.pedantic(T_table, args=(range(1, 301), range(1, 301)), rounds=5, iterations=1)
    assert table[(7, 300)] == T(7, 300)
    _record(benchmark, "table", "symbolic_minima T_table r<=m<=300")


@pytest.mark.benchmark(group="table")
def test_table_120(benchmark):
    benchmark.pedantic(T_table, args=(range(1, 121), range(1, 121)), rounds=5, iterations=1)
    _record(benchmark, "table", "symbolic_minima T_table r<=m<=120")


@pytest.mark.benchmark(group="table")
def test_table_120_sympy(benchmark):
    table = benchmark.pedantic(_sympy_table, args=(120,), rounds=1, iterations=1)
    assert table[(5, 100)] == T(5, 100)
    _record(benchmark, "table", "sympy baseline r<=m<=120")


# ----------------------------------------------------------------- issue 11: the groups reading

R2_SIZES = [(1000, 2000), (2000, 4000)]


@needs_flint
@pytest.mark.parametrize("size", R2_SIZES, ids=str)
def test_r2_auto_flint(benchmark, size):
    benchmark.group = f"T_R2{size}"
    value = benchmark.pedantic(T, args=size, kwargs={"zero_type": "R2", "backend": "flint"}, rounds=3, iterations=1)
    assert value == T(*size, zero_type="R2", method="power_sum", backend="python")
    _record(benchmark, f"T_R2{size}", "R2 auto (power_sum) flint")


@pytest.mark.parametrize("size", R2_SIZES, ids=str)
def test_r2_auto_python(benchmark, size):
    benchmark.group = f"T_R2{size}"
    benchmark.pedantic(T, args=size, kwargs={"zero_type": "R2", "backend": "python"}, rounds=3, iterations=1)
    _record(benchmark, f"T_R2{size}", "R2 auto (power_sum) python")


@needs_flint
@pytest.mark.parametrize("size", R2_SIZES, ids=str)
def test_r2_baseline_r1_flint(benchmark, size):
    benchmark.group = f"T_R2{size}"
    benchmark.pedantic(T, args=size, kwargs={"method": "stirling", "backend": "flint"}, rounds=3, iterations=1)
    _record(benchmark, f"T_R2{size}", "R1 flint (baseline)")


def test_r2_baseline_previous_python(benchmark):
    size = R2_SIZES[0]
    benchmark.group = f"T_R2{size}"
    value = benchmark.pedantic(_groups_stirling, args=(*size, "python"), rounds=1, iterations=1)
    assert value == T(*size, zero_type="R2")
    _record(benchmark, f"T_R2{size}", "previous python route (Stirling triangle)")


def _previous_flint_route(r, m):
    """What ``auto`` did before issue 11: one python-flint Stirling number per k."""
    import flint

    falling, total = math.factorial(r), 0
    for k in range(r, m + 1):
        if k > r:
            falling = falling * k // (k - r)
        total += falling * int(flint.fmpz.stirling_s2(m, k))
    return total


@needs_flint
@pytest.mark.skipif(not os.environ.get("SYMBOLIC_MINIMA_FULL_BASELINE"), reason="about 5 s per round")
def test_r2_baseline_previous_flint(benchmark):
    size = R2_SIZES[0]
    benchmark.group = f"T_R2{size}"
    value = benchmark.pedantic(_previous_flint_route, args=size, rounds=1, iterations=1)
    assert value == T(*size, zero_type="R2")
    _record(benchmark, f"T_R2{size}", "previous flint route (S(m,k) per k)")


# ----------------------------------------------------------------- issue 11: the alternating sum


def _plain_alternating_sum(k, n, a):
    total, binom = 0, 1
    for i in range(k + 1):
        if i:
            binom = binom * (k - i + 1) // i
        term = binom * (a + i) ** n
        total += -term if (k - i) & 1 else term
    return total


SUM_SIZES = [(100, 100), (100, 200), (100, 1000), (300, 600), (1000, 1000), (1000, 2000), (100, 10000), (2000, 10000)]


def _sum_rounds(size):
    return 50 if size[0] * size[1] <= 100_000 else 3  # microseconds: many rounds


@pytest.mark.parametrize("size", SUM_SIZES, ids=str)
def test_sum_package(benchmark, size):
    benchmark.group = f"alternating sum {size}"
    k, n = size
    value = benchmark.pedantic(difference_power_sum, args=(k, n, 1), rounds=_sum_rounds(size), iterations=1)
    assert value == _plain_alternating_sum(k, n, 1)
    _record(benchmark, "alternating sum", f"difference_power_sum{size}")


@pytest.mark.parametrize("size", SUM_SIZES, ids=str)
def test_sum_plain(benchmark, size):
    benchmark.group = f"alternating sum {size}"
    benchmark.pedantic(_plain_alternating_sum, args=(*size, 1), rounds=_sum_rounds(size), iterations=1)
    _record(benchmark, "alternating sum", f"plain{size}")


# ----------------------------------------------------------------- issue 11: a count as a process


def _run(args):
    env = dict(os.environ, SYMBOLIC_MINIMA_PROGRESS="0")
    subprocess.run([sys.executable, *args], check=True, capture_output=True, env=env)


@pytest.mark.benchmark(group="count T 3 5")
def test_process_count(benchmark):
    benchmark.pedantic(_run, args=(["-m", "symbolic_minima", "count", "T", "3", "5"],), rounds=5, iterations=1)
    _record(benchmark, "process", "symbolic-minima count T 3 5")


@pytest.mark.benchmark(group="count T 3 5")
def test_process_import_sympy(benchmark):
    benchmark.pedantic(_run, args=(["-c", "import sympy"],), rounds=5, iterations=1)
    _record(benchmark, "process", "python -c 'import sympy' (baseline)")


def test_zz_report():
    """Print the measured ratios (run with -s)."""
    lines = ["", "ratios (min times, same process):"]
    for group, times in RESULTS.items():
        for name, seconds in times.items():
            lines.append(f"  {group:>14}  {name:<38} {seconds:10.4f} s")
    big, mid, tab = RESULTS.get("T(5000,10000)", {}), RESULTS.get("T(1000,2000)", {}), RESULTS.get("table", {})
    if "raw python-flint" in big and "symbolic_minima flint" in big:
        ratio = big["symbolic_minima flint"] / big["raw python-flint"]
        lines.append(f"  T(5000,10000): symbolic_minima/raw flint = {ratio:.2f}")
    if "sympy baseline" in big and "symbolic_minima python" in big:
        lines.append(f"  T(5000,10000): sympy/python = {big['sympy baseline'] / big['symbolic_minima python']:.1f}x")
    if "sympy baseline" in mid and "symbolic_minima python" in mid:
        lines.append(f"  T(1000,2000): sympy/python = {mid['sympy baseline'] / mid['symbolic_minima python']:.1f}x")
    if "sympy baseline" in mid and "symbolic_minima flint" in mid:
        lines.append(f"  T(1000,2000): sympy/flint = {mid['sympy baseline'] / mid['symbolic_minima flint']:.1f}x")
    if "sympy baseline r<=m<=120" in tab:
        base = tab["sympy baseline r<=m<=120"]
        lines.append(f"  table r<=m<=120: sympy/T_table = {base / tab['symbolic_minima T_table r<=m<=120']:.1f}x")
    for size in R2_SIZES:
        group = RESULTS.get(f"T_R2{size}", {})
        base = group.get("R1 flint (baseline)")
        for name in ("R2 auto (power_sum) flint", "R2 auto (power_sum) python"):
            if base and name in group:
                lines.append(f"  T_R2{size}: {name} / R1 flint = {group[name] / base:.1f}x (target <= 30x with flint)")
        for name in ("previous python route (Stirling triangle)", "previous flint route (S(m,k) per k)"):
            new = group.get("R2 auto (power_sum) " + ("python" if "python" in name else "flint"))
            if new and name in group:
                lines.append(f"  T_R2{size}: {name} / power_sum = {group[name] / new:.1f}x")
    sums = RESULTS.get("alternating sum", {})
    for size in SUM_SIZES:
        plain, ours = sums.get(f"plain{size}"), sums.get(f"difference_power_sum{size}")
        if plain and ours:
            lines.append(f"  alternating sum {size}: plain / difference_power_sum = {plain / ours:.2f} (target >= 1)")
    process = RESULTS.get("process", {})
    if len(process) == 2:
        count, base = process["symbolic-minima count T 3 5"], process["python -c 'import sympy' (baseline)"]
        lines.append(f"  count T 3 5 / import sympy = {count / base:.2f} (target <= 0.5)")
    print("\n".join(lines))
    assert time.perf_counter() > 0
