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

Measured once at full size (2 cores shared with other jobs, load 4-7), one process:
sympy 627 s, pure Python 3.5 s and 10.5 s (two runs), python-flint 0.27 s.
"""

import os
import time

import pytest
import sympy
from sympy.functions.combinatorial.numbers import stirling

from symbolic_minima.counting import T, T_table
from symbolic_minima.stirling import flint_available

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
    print("\n".join(lines))
    assert time.perf_counter() > 0
