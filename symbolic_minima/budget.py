r"""The cost model: estimate the work of a request before starting it, and refuse what will not fit.

Every command (and the library functions that can run for long: graphs,
paths, tables, counts, certificates, proofs) first builds an
:class:`Estimate` of its time, peak memory and output size from closed forms
the package knows — the number of subspaces :math:`T(r,m)` or
:math:`G(r,m)`, the number of intersections (edges) from the degree of
every label, the size of the numbers in a table, the length of a series —
and compares it with the :class:`Budget`.  A request over the budget raises
:class:`BudgetExceeded` (an :class:`~symbolic_minima.errors.ArgumentValueError`:
the command line prints one line and exits with status 2) naming the
estimate, the limit and a cheaper alternative, before any work is done.

**Default budget** (fits a 2-core, 8 GB laptop): 10 minutes, 3 GiB of memory,
1 GiB of output.  Raise or lower it deliberately:

* environment variable ``SYMBOLIC_MINIMA_BUDGET``, e.g.
  ``SYMBOLIC_MINIMA_BUDGET="time=2h,memory=12G"`` (keys ``time``, ``memory``,
  ``output``; any key may be omitted; ``unlimited`` switches the guard off);
* command line: ``symbolic-minima --budget time=2h,memory=12G graph 2 9``;
* Python: ``with symbolic_minima.budget.limits(seconds=7200, memory="12G"): ...``
  or :func:`set_budget`.

**The rates** (seconds per unit of work, bytes per object) were measured on a
2-core machine shared with other jobs (``benchmarks/`` and the measurements in
the docstrings below) and round up: an estimate is meant to be right within a
factor of about three, never to promise minutes for what takes hours.

Enumerations that cannot be bounded in advance (the chain search of
:func:`~symbolic_minima.paths.zero_loss_path` in a graph too large to
build) run as a *probe*: at most :func:`probe_neighbours` neighbours are
generated (a few tenths of a second), and a search that needs more is refused.
Loops with a progress bar also check their own projection at run time
(:func:`symbolic_minima.progress.progress`): one projected past the budget
stops with the same error.

>>> est = graph_estimate(2, 10)
>>> est.quantities["nodes"], est.quantities["edges"]
(57002, 85625760)
>>> est.fits(Budget(seconds=600, memory=3 * 2**30))
False
>>> graph_estimate(2, 4).fits()
True
"""

from __future__ import annotations

import math
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from math import comb

from .errors import (
    MAX_WIDTH,
    ArgumentTypeError,
    ArgumentValueError,
    check_choice,
    check_int,
    check_sequence,
    check_width,
)
from .readings import CRITICAL, DEFAULT_ZERO_TYPE, GLOBAL_MINIMUM, ZERO_TYPES, get_reading

__all__ = [
    "Budget",
    "Estimate",
    "BudgetExceeded",
    "DEFAULT_BUDGET",
    "ENVIRONMENT_VARIABLE",
    "PROBE_WORK",
    "probe_neighbours",
    "current_budget",
    "set_budget",
    "limits",
    "parse_budget",
    "format_seconds",
    "format_bytes",
    "count_estimate",
    "table_estimate",
    "ratio_estimate",
    "plot_ratio_estimate",
    "graph_estimate",
    "critical_graph_estimate",
    "deep_graph_estimate",
    "type_summary_estimate",
    "path_estimate",
    "search_estimate",
    "deep_path_estimate",
    "subspaces_estimate",
    "verify_estimate",
    "proof_estimate",
    "r1_degree_sum",
]

ENVIRONMENT_VARIABLE = "SYMBOLIC_MINIMA_BUDGET"

#: Label entries (neighbour labels times their width ``m``) a chain search may generate when the
#: whole graph is over the budget: a few tenths of a second, so a far-apart request is refused in < 2 s
#: (process start included); labels a few steps apart still get their path.
PROBE_WORK = 500_000


def probe_neighbours(m: int) -> int:
    """Neighbour labels of width ``m`` a probing chain search may generate (:data:`PROBE_WORK` / ``m``).

    >>> probe_neighbours(11), probe_neighbours(60)
    (45454, 8333)
    """
    return PROBE_WORK // check_width(m, "m")

_GiB = 2**30

# --------------------------------------------------------------------------- rates
# Measured on the 2-core development machine (Python 3.11, python-flint 0.9), rounded up.
_PROCESS_BYTES = 150e6         # interpreter + sympy + networkx
_NODE_SECONDS = 30e-6          # one graph node with its attributes (label kind, dimension, category)
_NEIGHBOUR_SECONDS = 1.5e-6    # one neighbour label generated (singletons reading)
_R2_CANDIDATE_SECONDS = 9.2e-6  # groups reading: per unit of the candidate bound, divided by r^2
_EDGE_SECONDS = 1.5e-6         # one edge added to networkx
_BFS_SECONDS = 0.25e-6         # one node or edge visited by a breadth-first search
_EDGE_BYTES = 350.0            # networkx adjacency (both directions) + the edge list while building
_NODE_BYTES = 1000.0           # node key, attribute dict, Kind
_PARENT_BYTES = 300.0          # one label in a breadth-first search's parent map
_BIGINT_SECONDS_PER_BIT = 0.23e-9  # triangle recurrences: big-int additions / small multiplications
_POWER_SUM_SECONDS = 0.35     # T_R2(r, 4000) by the power_sum route with python-flint (measured 0.24-0.30 s)
_STEP_SECONDS = 3e-6           # triangle recurrences: Python overhead per step
_OUTPUT_SECONDS_PER_BYTE = 5e-9
_STRUCTURE_SECONDS = 2e-6      # proofs: one split of Species.structures
_PROOF_CASE_SECONDS = 0.0024   # proofs: sympy work per (r, m) case, times 1.5**m
_SUBSPACE_SECONDS = 1.2e-5     # one exact subspace, per parameter
_FUNCTION_IDENTITY_SECONDS = 0.003   # + 2e-4 per parameter
_CRITICALITY_SECONDS = 0.012   # times m (d d_out)^1.3
_SEGMENT_SECONDS = 0.02        # one path segment certified, per parameter
_TYPE_SECONDS = 1e-4           # type summaries: one label type listed (representative, exact count)
_TYPE_WORD_SECONDS = 4e-6      # type summaries: one candidate neighbour of a representative tried
_TYPE_NEIGHBOUR_SECONDS = 45e-6  # type summaries: one neighbour of a representative placed (type, group element)
_SCHREIER_SIMS_SECONDS = 7e-9  # type summaries: the stabiliser's order (Schreier-Sims), times (m + r)^5


# --------------------------------------------------------------------------- budgets


@dataclass(frozen=True)
class Budget:
    """Limits on one request: ``seconds`` of computation, bytes of ``memory`` and of ``output``.

    ``None`` means no limit.
    """

    seconds: float | None = 600.0
    memory: float | None = 3 * _GiB
    output: float | None = 1 * _GiB

    def __str__(self) -> str:
        return (f"time={format_seconds(self.seconds) if self.seconds is not None else 'unlimited'}, "
                f"memory={format_bytes(self.memory) if self.memory is not None else 'unlimited'}, "
                f"output={format_bytes(self.output) if self.output is not None else 'unlimited'}")


#: The default budget: 10 minutes, 3 GiB of memory, 1 GiB of output.
DEFAULT_BUDGET = Budget()

_state = threading.local()
_process_override: list = []

_UNITS = {"": 1, "b": 1, "k": 2**10, "kb": 2**10, "kib": 2**10, "m": 2**20, "mb": 2**20, "mib": 2**20,
          "g": 2**30, "gb": 2**30, "gib": 2**30, "t": 2**40, "tb": 2**40, "tib": 2**40}
_TIME_UNITS = {"": 1, "s": 1, "sec": 1, "min": 60, "m": 60, "h": 3600, "d": 86400}
_NUMBER = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)")
_OFF = ("unlimited", "none", "off", "inf")


def _amount(text: str, units: dict, key: str) -> float | None:
    text = text.strip().lower()
    if text in _OFF:
        return None
    match = _NUMBER.fullmatch(text)
    if not match or match.group(2) not in units:
        raise ArgumentValueError(
            f"budget {key} must be a number with a unit such as "
            f"{'600s, 10min, 2h' if units is _TIME_UNITS else '512M, 3G'}, or 'unlimited'; got {text[:40]!r}"
        )
    value = float(match.group(1)) * units[match.group(2)]
    if value <= 0:
        raise ArgumentValueError(f"budget {key} must be positive, got {text[:40]!r}")
    return value


def parse_budget(text, base: Budget | None = None) -> Budget:
    """Parse a budget such as ``"time=2h,memory=12G"``, ``"900"`` (seconds) or ``"unlimited"``.

    Keys not given keep their value in ``base`` (default :data:`DEFAULT_BUDGET`).

    >>> parse_budget("time=2h,memory=12G")
    Budget(seconds=7200.0, memory=12884901888.0, output=1073741824)
    >>> parse_budget("90").seconds, parse_budget("unlimited").memory
    (90.0, None)
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"budget must be a string such as 'time=2h,memory=12G', got {type(text).__name__}")
    base = DEFAULT_BUDGET if base is None else base
    values = {"seconds": base.seconds, "memory": base.memory, "output": base.output}
    text = text.strip()
    if text.lower() in _OFF:
        return Budget(None, None, None)
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        if not sep:
            key, value = "time", part
        key = key.strip().lower()
        if key in ("time", "seconds"):
            values["seconds"] = _amount(value, _TIME_UNITS, "time")
        elif key in ("memory", "mem"):
            values["memory"] = _amount(value, _UNITS, "memory")
        elif key == "output":
            values["output"] = _amount(value, _UNITS, "output")
        else:
            raise ArgumentValueError(f"budget keys are time, memory and output; got {key[:20]!r}")
    return Budget(**values)


def current_budget() -> Budget:
    """The budget in force: :func:`limits` / :func:`set_budget`, else ``SYMBOLIC_MINIMA_BUDGET``, else the default."""
    stack = getattr(_state, "stack", None)
    if stack:
        return stack[-1]
    if _process_override:
        return _process_override[-1]
    text = os.environ.get(ENVIRONMENT_VARIABLE)
    if text:
        return parse_budget(text)
    return DEFAULT_BUDGET


def _make(seconds, memory, output, base: Budget) -> Budget:
    def amount(value, units, key, old):
        if value is _KEEP:
            return old
        if value is None:
            return None
        if isinstance(value, str):
            return _amount(value, units, key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
            raise ArgumentValueError(f"budget {key} must be a positive number, a string such as '3G', or None")
        return float(value)

    return Budget(amount(seconds, _TIME_UNITS, "time", base.seconds), amount(memory, _UNITS, "memory", base.memory),
                  amount(output, _UNITS, "output", base.output))


_KEEP = object()


def set_budget(seconds=_KEEP, memory=_KEEP, output=_KEEP) -> Budget:
    """Set the budget for the rest of the process (``None``: no limit); returns it.

    ``set_budget()`` with no argument goes back to the environment / default.
    """
    if seconds is _KEEP and memory is _KEEP and output is _KEEP:
        _process_override.clear()
        return current_budget()
    budget = _make(seconds, memory, output, current_budget())
    _process_override[:] = [budget]
    return budget


@contextmanager
def limits(seconds=_KEEP, memory=_KEEP, output=_KEEP):
    """Use another budget inside a ``with`` block (this thread only); yields it.

    >>> with limits(seconds=1):
    ...     graph_estimate(3, 6).fits()
    True
    """
    budget = _make(seconds, memory, output, current_budget())
    stack = getattr(_state, "stack", None)
    if stack is None:
        stack = _state.stack = []
    stack.append(budget)
    try:
        yield budget
    finally:
        stack.pop()


# --------------------------------------------------------------------------- estimates


class BudgetExceeded(ArgumentValueError):
    """A request refused because its estimated cost exceeds the budget (command line: exit status 2)."""


def format_seconds(seconds) -> str:
    """``0.4 s``, ``45 s``, ``12 min``, ``3.4 h``, ``2.1 days``, ``4e+06 years``."""
    if seconds is None:
        return "unlimited"
    seconds = _number(seconds, "seconds")
    if seconds != seconds or seconds == math.inf:
        return "forever"
    if seconds < 1:
        return f"{seconds:.1f} s"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 3 * 86400:
        return f"{seconds / 3600:.1f} h"
    if seconds < 2 * 365 * 86400:
        return f"{seconds / 86400:.0f} days"
    return f"{seconds / (365 * 86400):.2g} years"


def format_bytes(n) -> str:
    """``512 MB``, ``3.0 GB``, ``2e+12 GB`` (powers of 1024)."""
    if n is None:
        return "unlimited"
    n = _number(n, "n")
    if n != n or n == math.inf:
        return "unbounded"
    if n < 2**20:
        return f"{n / 2**10:.0f} KB"
    if n < _GiB:
        return f"{n / 2**20:.0f} MB"
    if n < 1e4 * _GiB:
        return f"{n / _GiB:.1f} GB"
    return f"{n / _GiB:.2g} GB"


def _number(value, name: str) -> float:
    if isinstance(value, bool):
        raise ArgumentTypeError(f"{name} must be a number, got bool")
    try:
        return float(value)
    except OverflowError:
        return math.inf
    except (TypeError, ValueError):
        raise ArgumentTypeError(f"{name} must be a number, got {type(value).__name__}") from None


def _count_text(n) -> str:
    if isinstance(n, int) and n < 10**7:
        return f"{n:,}"
    value = _float(n)
    return "more than 1e308" if value == math.inf else f"{value:.2g}"


def _float(n) -> float:
    try:
        return float(n)
    except OverflowError:
        return math.inf


@dataclass(frozen=True)
class Estimate:
    """The predicted cost of one request.

    ``task``: what is estimated (``"graph r=2 m=10 (R1)"``); ``seconds``,
    ``memory`` (peak bytes), ``output`` (bytes written); ``quantities``: the
    closed-form sizes it was derived from (nodes, edges, labels, cells, ...);
    ``alternative``: a cheaper request that answers part of the question.
    """

    task: str
    seconds: float
    memory: float = _PROCESS_BYTES
    output: float = 0.0
    quantities: dict = field(default_factory=dict)
    alternative: str = ""

    def over(self, budget: Budget | None = None) -> list:
        """The limits of ``budget`` (default: :func:`current_budget`) this estimate exceeds, as text."""
        budget = current_budget() if budget is None else budget
        out = []
        if budget.seconds is not None and self.seconds > budget.seconds:
            out.append(f"{format_seconds(self.seconds)} > time limit {format_seconds(budget.seconds)}")
        if budget.memory is not None and self.memory > budget.memory:
            out.append(f"{format_bytes(self.memory)} of memory > limit {format_bytes(budget.memory)}")
        if budget.output is not None and self.output > budget.output:
            out.append(f"{format_bytes(self.output)} of output > limit {format_bytes(budget.output)}")
        return out

    def fits(self, budget: Budget | None = None) -> bool:
        """Whether the estimate lies within ``budget`` (default: :func:`current_budget`)."""
        return not self.over(budget)

    def describe(self) -> str:
        """The quantities as text, e.g. ``1,117,770 nodes, 8.6e+07 edges``."""
        return ", ".join(f"{_count_text(v)} {k}" for k, v in self.quantities.items())

    def message(self, budget: Budget | None = None) -> str:
        over = self.over(budget)
        sizes = self.describe()
        text = f"refused: {self.task}" + (f" ({sizes})" if sizes else "")
        text += f" is estimated at {'; '.join(over) if over else format_seconds(self.seconds)}"
        if self.alternative:
            text += f"; instead: {self.alternative}"
        return text + "; or raise the budget (--budget time=...,memory=... or SYMBOLIC_MINIMA_BUDGET)"

    def check(self, budget: Budget | None = None) -> Estimate:
        """Return ``self`` if it fits the budget, else raise :class:`BudgetExceeded` (one line)."""
        if not self.fits(budget):
            raise BudgetExceeded(self.message(budget))
        return self

    def __add__(self, other: Estimate) -> Estimate:
        quantities = dict(self.quantities)
        for k, v in other.quantities.items():
            quantities[k] = quantities.get(k, 0) + v
        return Estimate(self.task, self.seconds + other.seconds, max(self.memory, other.memory),
                        self.output + other.output, quantities, self.alternative or other.alternative)


def _largest_fitting(make, values):
    """The first value whose estimate fits the budget, with that estimate (``(None, None)`` if none)."""
    for v in values:
        try:
            est = make(v)
        except (ArgumentValueError, OverflowError):
            continue
        if est.fits():
            return v, est
    return None, None


# --------------------------------------------------------------------------- closed forms


@lru_cache(maxsize=4096)
def _surjections(r: int, n: int) -> int:
    """``G(r, n) = r! S(n, r)`` by inclusion–exclusion."""
    if n < r:
        return 0
    return sum((-1) ** j * comb(r, j) * (r - j) ** n for j in range(r + 1))


@lru_cache(maxsize=4096)
def _t_r1(r: int, m: int) -> int:
    if m < r:
        return 0
    return sum((-1) ** j * comb(r, j) * (r + 1 - j) ** m for j in range(r + 1))


@lru_cache(maxsize=256)
def _bells(n: int) -> tuple:
    bells, row = [1], [1]
    for _ in range(n):
        new = [row[-1]]
        for v in row:
            new.append(new[-1] + v)
        row = new
        bells.append(row[0])
    return tuple(bells)


def _t_r2(r: int, m: int) -> int:
    bells = _bells(m)
    return sum(comb(m, k) * bells[k] * _surjections(r, m - k) for k in range(m - r + 1))


def _priced(zero_type) -> tuple[str, bool]:
    """``(short name, has groups)`` of a reading the cost model prices: the generic R1 and R2 (names or aliases)."""
    names = ZERO_TYPES + tuple(alias for name in ZERO_TYPES for alias in get_reading(name).aliases)
    reading = get_reading(check_choice(zero_type, "zero_type", names), family=GLOBAL_MINIMUM)
    return reading.short_name, reading.has_groups


def _labels(r: int, m: int, groups: bool) -> int:
    return _t_r2(r, m) if groups else _t_r1(r, m)


#: Past about 10**15 labels every enumeration is hopeless: estimates stop computing exact sizes.
_ASTRONOMICAL_DIGITS = 15


def _astronomical(r: int, m: int) -> bool:
    """Whether :math:`T(r, m)` certainly exceeds 10**15 (checked from a cheap lower bound)."""
    if m < r:
        return False
    # T >= r^(m-r+1) (every extra neuron may copy any teacher neuron); R2 is larger still
    return (m - r + 1) * math.log10(max(r, 2)) > _ASTRONOMICAL_DIGITS or m > 400


def _rm(r, m):
    r = check_width(r, "r")
    m = check_width(m, "m")
    if m < r:
        raise ArgumentValueError(f"m must be an integer >= r = {r}, got {m}")
    return r, m


def _hopeless(task: str, what: str, alternative: str) -> Estimate:
    return Estimate(task, math.inf, math.inf, 0.0, {what: math.inf}, alternative)


def r1_degree_sum(r: int, m: int) -> int:
    r"""Sum over the :math:`T_{R1}(r,m)` labels of (degree + 1) in the singletons graph.

    A label with :math:`k` zero-type neurons and replica groups of sizes
    :math:`s_i` meets :math:`(r+1)^k\prod_i(2^{s_i}-1)` labels, itself
    included (:func:`symbolic_minima.graph.neighbour_labels`); summing with the
    exponential formula, :math:`m![x^m]\,e^{(r+1)x}(e^{2x}-e^x)^r
    =\sum_j(-1)^{r-j}\binom rj(2r+1+j)^m`.  So the graph has
    ``(r1_degree_sum(r, m) - T(r, m)) / 2`` edges (checked in the tests).

    >>> r1_degree_sum(2, 3)
    36
    """
    r, m = check_width(r, "r"), check_width(m, "m")
    if max(r, m) > 5000:
        raise ArgumentValueError(f"r1_degree_sum is computed exactly for r, m <= 5000, got r = {r}, m = {m}")
    if m < r:
        return 0
    return sum((-1) ** (r - j) * comb(r, j) * (2 * r + 1 + j) ** m for j in range(r + 1))


def _r2_candidates(r: int, m: int) -> int:
    """Upper bound on the candidate labels the groups-reading neighbour generation tests."""
    bells = _bells(2 * m)
    total = 0
    for a in range(r, m + 1):
        z = m - a
        labels = comb(m, a) * _surjections(r, a) * bells[z]
        if not labels:
            continue
        per = sum(comb(a, i) * comb(z, j) * r ** (z - j) * bells[i + j] for i in range(a + 1) for j in range(z + 1))
        total += labels * per
    return total


def _kinds(r: int, m: int, groups: bool) -> int:
    """Number of label kinds (orbits): the breadth-first searches of the diameter.

    Replica sizes: partitions of ``rest`` into exactly ``r`` parts, i.e. of
    ``rest - r`` into parts of size at most ``r``; zero-sum groups (R2): any
    partition of the zero-type neurons.
    """
    top = m - r

    def partitions_at_most(k):  # [number of partitions of s into parts <= k for s = 0..top]
        ways = [1] + [0] * top
        for part in range(1, min(k, top) + 1):
            for s in range(part, top + 1):
                ways[s] += ways[s - part]
        return ways

    reps = partitions_at_most(r)
    zeros = partitions_at_most(top)
    total = 0
    for rest in range(r, m + 1):
        total += reps[rest - r] * (zeros[m - rest] if groups else 1)
    return max(total, 1)


# --------------------------------------------------------------------------- graphs and paths


def graph_estimate(r, m, zero_type: str = DEFAULT_ZERO_TYPE, method: str = "labels", summary: bool = True,
                   diameters: int = 1) -> Estimate:
    """Cost of :func:`~symbolic_minima.graph.connectivity_graph` (plus its summary and diameter).

    Nodes are :math:`T(r,m)`; edges are exact in the singletons reading
    (:func:`r1_degree_sum`) and bounded from the candidate labels in the
    groups reading; ``method="exact"`` intersects every pair.
    """
    r, m = _rm(r, m)
    reading, groups = _priced(zero_type)
    method = check_choice(method, "method", ("labels", "exact"))
    diameters = check_int(diameters, "diameters", 0, 10)
    task = f"graph r={r} m={m} ({reading})"
    if _astronomical(r, m):
        return _hopeless(task, "nodes", "a much smaller m")
    nodes = _labels(r, m, groups)
    n = _float(nodes)
    alternative = _smaller_m(lambda mm: graph_estimate(r, mm, zero_type, method, summary, diameters), r, m, "graph")
    if method == "exact":
        pairs = n * (n - 1) / 2
        seconds = n * (_NODE_SECONDS + 0.004) + pairs * 2e-4
        return Estimate(task, seconds, _PROCESS_BYTES + n * (_NODE_BYTES + 20e3), 0.0,
                        {"nodes": nodes, "pairs": int(pairs) if pairs < 1e18 else pairs}, alternative)
    if not groups:
        degree_sum = r1_degree_sum(r, m)
        edges = (degree_sum - nodes) // 2
        build = _float(degree_sum) * _NEIGHBOUR_SECONDS
    else:
        if n * _NODE_SECONDS > 1e6:  # hopeless already: skip the candidate bound
            edges, build = nodes, math.inf
        else:
            candidates = _r2_candidates(r, m)
            build = _float(candidates) * _R2_CANDIDATE_SECONDS / (r * r)
            edges = int(0.25 * candidates / (r * r))
    e = _float(edges)
    seconds = n * _NODE_SECONDS + build + e * _EDGE_SECONDS
    if summary:
        kinds = _kinds(r, m, groups)
        seconds += (1 + diameters * kinds) * (n + 2 * e) * _BFS_SECONDS
    memory = _PROCESS_BYTES + n * _NODE_BYTES + e * _EDGE_BYTES
    return Estimate(task, seconds, memory, 0.0, {"nodes": nodes, "edges": edges}, alternative)


def _smaller_m(make, r, m, command) -> str:
    if _astronomical(r, m):
        return "a much smaller m"
    if m - 1 < r:
        return "a smaller r"
    best, est = _largest_fitting(make, range(m - 1, max(r, m - 40) - 1, -1))
    if best is None:
        return "a smaller r or m"
    return f"{command} {r} {best} (about {format_seconds(est.seconds)})"


def critical_graph_estimate(r, m, method: str = "labels") -> Estimate:
    """Cost of :func:`~symbolic_minima.graph.critical_graph` (no edges: critical subspaces never meet)."""
    r, m = _rm(r, m)
    method = check_choice(method, "method", ("labels", "exact"))
    if _astronomical(r, m):
        return _hopeless(f"critical graph r={r} m={m}", "nodes", "a much smaller m")
    nodes = _surjections(r, m)
    n = _float(nodes)
    seconds = n * _NODE_SECONDS * 1.5
    if method == "exact":
        seconds += n * 0.004 + n * n / 2 * 2e-4
    return Estimate(f"critical graph r={r} m={m}", seconds, _PROCESS_BYTES + n * _NODE_BYTES, 0.0,
                    {"nodes": nodes}, _smaller_m(lambda mm: critical_graph_estimate(r, mm, method), r, m,
                                                 "graph --critical"))


def deep_graph_estimate(teacher_widths, student_widths, method: str = "labels") -> Estimate:
    """Cost of :func:`~symbolic_minima.deep.deep_connectivity_graph` (strong product of the layers).

    A deep label meets :math:`\\prod_l(\\deg_l+1)-1` labels, so the sum of
    degrees is :math:`\\prod_l(D_l+T_l)-\\prod_l T_l` with :math:`D_l` the
    per-layer degree sums of :func:`r1_degree_sum`.
    """
    teacher_widths = [check_width(r, "teacher width") for r in check_sequence(teacher_widths, "teacher_widths")]
    student_widths = [check_width(m, "student width") for m in check_sequence(student_widths, "student_widths")]
    if len(teacher_widths) != len(student_widths) or not teacher_widths:
        raise ArgumentValueError("teacher_widths and student_widths must list the same (non-zero) number of layers")
    method = check_choice(method, "method", ("labels", "exact"))
    nodes, product = 1, 1
    for r, m in zip(teacher_widths, student_widths):
        if m < r:
            raise ArgumentValueError(f"student width {m} must be >= teacher width {r}")
        if _astronomical(r, m) or nodes > 10**30:
            nodes = product = 10**400
            break
        t = _t_r1(r, m)
        nodes *= t
        product *= r1_degree_sum(r, m) - t + t  # sum of (degree + 1)
    edges = (product - nodes) // 2
    n, e = _float(nodes), _float(edges)
    seconds = n * _NODE_SECONDS + _float(product) * _NEIGHBOUR_SECONDS * 2 + e * _EDGE_SECONDS
    seconds += 2 * (n + 2 * e) * _BFS_SECONDS * len(teacher_widths)
    if method == "exact":
        seconds += n * n / 2 * 2e-4
    widths = ",".join(map(str, teacher_widths))
    return Estimate(f"deep graph --widths {widths} -> {','.join(map(str, student_widths))}", seconds,
                    _PROCESS_BYTES + n * _NODE_BYTES + e * _EDGE_BYTES, 0.0, {"nodes": nodes, "edges": edges},
                    "fewer layers, smaller widths or --extra 1")


def type_summary_estimate(r, m, types: int = 0, words: int = 0, neighbours: int = 0, what: str = "",
                          alternative: str = "") -> Estimate:
    r"""Cost of :func:`~symbolic_minima.graph_types.type_summary` before its diameter searches (those are
    time-boxed instead: they stop at the time limit and the summary reports ``diameter_skipped``).

    ``types``: the number of label types; ``words``: the candidate neighbours the generators try for
    the representatives (:func:`symbolic_minima.graph_types._generation_bound`); ``neighbours``: the
    neighbours found (the sum of the representatives' degrees, once known; each is placed in its
    type and mapped by a group element for the components).  Quantities not yet known count as 0,
    so an estimate made before them is a lower bound: the summary checks it three times, before
    listing the types, before generating the neighbours, and once the degrees are known.  The
    components need the orders of stabiliser subgroups of :math:`S_m\times S_r` (Schreier-Sims on
    :math:`m + r` points), measured to grow like :math:`(m+r)^5` (``r = 40, m = 41``: about 20 s).

    >>> type_summary_estimate(3, 4).fits()
    True
    >>> type_summary_estimate(200, 201).fits()
    False
    """
    r, m = _rm(r, m)
    types = check_int(types, "types", 0)
    words = check_int(words, "words", 0)
    neighbours = check_int(neighbours, "neighbours", 0)
    points = m + r
    seconds = (types * _TYPE_SECONDS + _float(words) * _TYPE_WORD_SECONDS
               + _float(neighbours) * _TYPE_NEIGHBOUR_SECONDS + _float(points) ** 5 * _SCHREIER_SIMS_SECONDS)
    quantities = {"types": types} if types else {}
    if words:
        quantities["candidate neighbours"] = words
    if neighbours:
        quantities["neighbours"] = neighbours
    task = f"graph facts from the types r={r} m={m}" + (f" ({what})" if what else "")
    return Estimate(task, seconds, _PROCESS_BYTES + types * _NODE_BYTES, 0.0, quantities,
                    alternative or "a smaller r or m")


def path_estimate(r, m, zero_type: str = DEFAULT_ZERO_TYPE, d: int = 1, d_out: int = 1,
                  search: bool = True) -> Estimate:
    """Upper bound on the cost of :func:`~symbolic_minima.paths.zero_loss_path`: a chain search
    over the whole graph (every neighbour of every label generated once), then the certificates
    (``search=False``: the certificates only)."""
    r, m = _rm(r, m)
    reading, groups = _priced(zero_type)
    d, d_out = check_int(d, "d", 1, 1000), check_int(d_out, "d_out", 1, 1000)
    segments = 2 * (3 * m // 2) + 2
    certify = segments * m * (d + d_out) * _SEGMENT_SECONDS
    if not search:
        return Estimate(f"path r={r} m={m} d={d} d_out={d_out} ({reading}): certificates of up to {segments} segments",
                        certify, _PROCESS_BYTES, 0.0, {"parameters": m * (d + d_out)}, "a smaller m, --d or --d-out")
    if _astronomical(r, m):
        return _hopeless(f"path r={r} m={m} ({reading})", "subspaces",
                         "labels closer together (--from/--to), or a smaller m")
    nodes = _labels(r, m, groups)
    n = _float(nodes)
    if not groups:
        generated = _float(r1_degree_sum(r, m))
        seconds = generated * _NEIGHBOUR_SECONDS * 1.5
    elif n * _NODE_SECONDS > 1e6:
        generated, seconds = math.inf, math.inf
    else:
        generated = _float(_r2_candidates(r, m)) / (r * r)
        seconds = generated * _R2_CANDIDATE_SECONDS
    return Estimate(f"path r={r} m={m} ({reading})", seconds + n * 20e-6 + certify,
                    _PROCESS_BYTES + n * _PARENT_BYTES, 0.0,
                    {"subspaces": nodes,
                     "neighbours to search": generated if generated == math.inf else int(generated)},
                    "labels closer together (--from/--to), or a smaller m")


def search_estimate(task: str, nodes: int, generated: int, seconds_per_label: float) -> Estimate:
    """A breadth-first chain search over ``nodes`` labels generating ``generated`` neighbour labels in all,
    at a measured ``seconds_per_label`` (the activation classes' paths: the rate comes from a probe).

    >>> e = search_estimate("path r=3 m=12 (R1, class odd)", 10**9, 10**11, 1e-6)
    >>> e.fits(), e.quantities["subspaces"]
    (False, 1000000000)
    """
    nodes, generated = check_int(nodes, "nodes", 0), check_int(generated, "generated", 0)
    seconds_per_label = _number(seconds_per_label, "seconds_per_label")
    return Estimate(str(task), generated * seconds_per_label, _PROCESS_BYTES + nodes * _PARENT_BYTES, 0.0,
                    {"subspaces": nodes, "neighbours to search": generated},
                    "labels closer together (--from/--to), or a smaller m")


def deep_path_estimate(teacher_widths, student_widths, d: int = 1, d_out: int = 1) -> Estimate:
    """Upper bound on the cost of :func:`~symbolic_minima.deep.deep_zero_loss_path` (whole-graph search)."""
    graph = deep_graph_estimate(teacher_widths, student_widths)
    teacher_widths, student_widths = tuple(teacher_widths), tuple(student_widths)
    d, d_out = check_int(d, "d", 1, 1000), check_int(d_out, "d_out", 1, 1000)
    nodes = graph.quantities["nodes"]
    generated = _float(graph.quantities["edges"]) * 2 + _float(nodes)
    params = sum(a * b for a, b in zip((d,) + tuple(student_widths), tuple(student_widths) + (d_out,)))
    segments = 2 * (3 * max(student_widths) // 2) + 2
    seconds = generated * _NEIGHBOUR_SECONDS * 3 + segments * params * _SEGMENT_SECONDS * len(student_widths)
    return Estimate(graph.task.replace("deep graph", "deep path"), seconds,
                    _PROCESS_BYTES + _float(nodes) * _PARENT_BYTES, 0.0,
                    {"subspaces": nodes,
                     "neighbours to search": generated if generated == math.inf else int(generated)},
                    "labels closer together (--from/--to), fewer layers or smaller widths")


# --------------------------------------------------------------------------- counts and tables


def _flint() -> bool:
    try:
        import flint  # noqa: F401
    except ImportError:
        return False
    return True


def _stirling_seconds(n: int, k: int, flint: bool) -> float:
    """One Stirling number :math:`S(n, k)` (the R1 and G counts)."""
    if k <= 1 or k >= n:
        return 1e-5
    if flint:
        return 0.3 * (n / 1e4) ** 2.5 + 1e-4
    bits = n * math.log2(k + 1)
    return 5e-12 * k * bits ** 1.6 + 1e-4


def _triangle(m_max: int, r_max: int, groups: bool) -> tuple[float, float]:
    """(steps, bits) of the triangle recurrences of :mod:`symbolic_minima.counting`."""
    steps = bits = 0.0
    lg = math.lgamma
    ln2 = math.log(2)
    for m in range(1, m_max + 1):
        top = min(m, r_max + m_max - m) if groups else min(m, r_max)
        steps += top
        c = m if groups else 1  # groups: values up to about (r + m)^m
        bits += m * (lg(top + c + 2) - lg(c + 1)) / ln2
    return steps, bits


def _triangle_seconds(m_max: int, r_max: int, groups: bool) -> float:
    if m_max * max(r_max, 1) > 10**9:
        return math.inf
    steps, bits = _triangle(m_max, r_max, groups)
    return steps * _STEP_SECONDS + bits * _BIGINT_SECONDS_PER_BIT


def _digits(r: int, m: int, quantity: str, groups: bool) -> float:
    """Upper bound on the decimal digits of T(r, m) or G(r, m)."""
    if m < r:
        return 1.0
    if quantity == "G":
        return m * math.log10(max(r, 2)) + 1
    if groups:
        return m * math.log10(r + m + 1) + 1
    return m * math.log10(r + 1) + 1


def count_estimate(quantity: str, r: int, m: int, zero_type: str | None = DEFAULT_ZERO_TYPE, method: str = "auto",
                   backend: str = "auto", base: int = 1, name: str | None = None) -> Estimate:
    r"""Cost of one exact count :func:`~symbolic_minima.counting.T` or :func:`~symbolic_minima.counting.G`.

    ``base``: the replica factor :math:`e^{cx}-1` of an activation class's
    reading (2 for signed replicas: values :math:`2^m` times larger, routes
    about 3 times slower), priced as R1 or R2 (``zero_type``) otherwise;
    ``name`` names the count in the message (default ``T_R1``, ``T_R2``, ``G``).

    >>> count_estimate("T", 100, 8000, "R2").fits(), count_estimate("T", 100, 100000, "R2", base=2).fits()
    (True, False)
    """
    quantity = check_choice(quantity, "quantity", ("T", "G"))
    r, m = _rm(r, m)
    method = check_choice(method, "method", ("auto", "power_sum", "stirling", "inclusion_exclusion",
                                             "zero_type_sum", "recurrence", "species", "enumeration"))
    backend = check_choice(backend, "backend", ("auto", "flint", "python"))
    base = check_int(base, "base", 1, 2)
    flint = _flint() if backend == "auto" else backend == "flint"
    groups = quantity == "T" and _priced(zero_type or DEFAULT_ZERO_TYPE)[1]
    digits = _digits(r, m, quantity, groups) + m * math.log10(base)
    slower = 1.0 if base == 1 else 3.0
    if method == "auto":
        method = "power_sum" if groups else "stirling"
    if method == "power_sum":  # m big powers (counting.groups_power_sum / exponential_power_sum)
        seconds = slower * _POWER_SUM_SECONDS * (m / 4000) ** 2.4 * (1.0 if flint else 5.0) + 1e-4
    elif method == "stirling":
        if groups:  # a whole row S(m, k), k <= m
            seconds = 1.4 * (m / 1000) ** 3.1 if flint else 0.35 * (m / 1000) ** 2.9
        else:
            seconds = _stirling_seconds(m + 1, r + 1, flint)
    elif method == "inclusion_exclusion":
        seconds = _stirling_seconds(m + 1, r + 1, False)
        if groups:
            seconds += 0.35 * (m / 1000) ** 2.9 + r * m * digits * 1e-9
    elif method == "zero_type_sum":
        seconds = (m - r + 1) * _stirling_seconds(m, r, flint)
        if groups:
            seconds += 0.35 * (m / 1000) ** 2.9
    elif method == "recurrence":
        seconds = _triangle_seconds(m, r, groups)
    elif method == "species":  # m > 1000 is refused by the method itself, with its own message
        seconds = 2e-6 * m ** 3 * max(r, 1) + 0.05 if m <= 1000 else 0.0
    else:  # enumeration; m > 10 is refused by the method itself
        labels = _float(_labels(r, m, groups) if quantity == "T" else _surjections(r, m)) \
            if m <= 10 else 0.0
        seconds = labels / (1.2e5 if groups else 1.2e6)
    if method != "power_sum":
        seconds *= slower
    name = name or (f"T_{'R2' if groups else 'R1'}" if quantity == "T" else "G")
    alternative = ("method='auto' (the fastest route)" if method not in ("stirling", "power_sum", "auto")
                   else "the flint extra (pip install 'symbolic-minima[fast]')" if not flint
                   else "a smaller m (R2 counts take about m^2.4 steps)" if groups else "a smaller m")
    how = "the triangle recurrence" if method == "recurrence" else f"method {method}"
    # power_sum holds about m partial powers (measured: 0.2-0.45 bytes per digit per power at m = 12000)
    per_digit = 0.45 * m if method == "power_sum" else 40 * (m if groups else 4)
    return Estimate(f"{name}({r}, {m}) by {how}", seconds,
                    _PROCESS_BYTES + digits * per_digit, digits, {"digits": int(digits)}, alternative)


def table_estimate(quantity: str, r_values, m_values, zero_type: str | None = DEFAULT_ZERO_TYPE,
                   output: str | None = None, base: int = 1) -> Estimate:
    """Cost of :func:`~symbolic_minima.counting.T_table` / ``G_table`` and of printing it.

    ``output``: ``None`` (the table only), ``"text"`` (padded columns),
    ``"json"`` or ``"latex"``; ``base``: as in :func:`count_estimate`.
    """
    quantity = check_choice(quantity, "quantity", ("T", "G"))
    r_values = [check_width(r, "r") for r in check_sequence(r_values, "r_values")]
    m_values = [check_width(m, "m") for m in check_sequence(m_values, "m_values")]
    if not r_values or not m_values:
        raise ArgumentValueError("r_values and m_values must be non-empty")
    groups = quantity == "T" and _priced(zero_type or DEFAULT_ZERO_TYPE)[1]
    r_max, m_max = max(r_values), max(m_values)
    seconds = _triangle_seconds(m_max, r_max, groups)
    m_sum = float(sum(m_values))
    if quantity == "G":
        logs = sum(math.log10(max(r, 2)) for r in r_values)
    elif groups:
        logs = sum(math.log10(r + m_max + 1) for r in r_values)
    else:
        logs = sum(math.log10(r + 1) for r in r_values)
    base = check_int(base, "base", 1, 2)
    logs += len(r_values) * math.log10(base)
    cells = len(r_values) * len(m_values)
    digits = m_sum * logs + cells  # total digits of all values
    extra = m_max * math.log10(base)
    width = _digits(min(r_values) if quantity != "G" else r_max, m_max, quantity, groups) + extra
    memory = (_PROCESS_BYTES + digits * 0.42 + cells * 120
              + m_max * (_digits(r_max, m_max, quantity, groups) + extra) * 0.42)
    out = 0.0
    if output == "text":
        out = cells * (width + 1)
    elif output is not None:
        out = digits + cells * 3
    seconds += cells * 2e-6 + digits * 3e-8 + out * _OUTPUT_SECONDS_PER_BYTE
    memory += (len(m_values) * (width + 1) if output == "text" else 0)
    cells_m = f"{min(m_values)}:{max(m_values)}"
    return Estimate(f"table {quantity} --r {min(r_values)}:{r_max} --m {cells_m} (triangle recurrence)", seconds,
                    memory, out,
                    {"cells": cells, "digits": int(digits)},
                    "a smaller range of r or m" + ("; --json (no column padding)" if output == "text" else ""))


def ratio_estimate(r_star: int, h_values, readings: int = 2, crossover_h_max: int | None = None,
                   crossovers: int = 3) -> Estimate:
    """Cost of the ``ratio`` command: :func:`~symbolic_minima.comparison.compare` for each reading,
    and, unless ``crossovers == 0``, the crossover searches up to ``crossover_h_max`` (default
    ``10 r* + 20``), each of which may recompute the triangles up to :math:`m=r^*+h_{max}`."""
    r_star = check_width(r_star, "r_star", minimum=2)
    h_values = [check_int(h, "h", 0, MAX_WIDTH) for h in check_sequence(h_values, "h_values")]
    if not h_values:
        raise ArgumentValueError("h_values must be non-empty")
    readings, crossovers = check_int(readings, "readings", 1, 2), check_int(crossovers, "crossovers", 0, 3)
    crossover_h_max = None if crossover_h_max is None else check_int(crossover_h_max, "crossover_h_max", 0, MAX_WIDTH)
    m_max = r_star + max(h_values)
    per = _triangle_seconds(m_max, r_star - 1, False) + _triangle_seconds(m_max, r_star, False)
    seconds = readings * per * 2  # R2 rows cost about twice as much
    if crossovers:
        # the crossovers lie near h = r*/2 (measured for r* <= 200: 'sum' at 0.49 r*, the others earlier),
        # inside the search's first block h < max(8, r*)
        h_max = 10 * r_star + 20 if crossover_h_max is None else crossover_h_max
        m_cross = r_star + min(h_max, max(8, r_star))
        seconds += readings * crossovers * 2 * (_triangle_seconds(m_cross, r_star - 1, False)
                                                 + _triangle_seconds(m_cross, r_star, False))
    seconds *= 0.35  # calibrated: the estimate above was 6x the time of `ratio --r-star 300|600 --h 0`
    memory = _PROCESS_BYTES + len(h_values) * r_star * _digits(r_star, m_max, "G", False) * 0.42
    return Estimate(f"ratio --r-star {r_star} (h up to {max(h_values)})", seconds, memory, 0.0,
                    {"triangle steps": int(m_max * r_star)},
                    "a smaller r*, a smaller h range, or --h-max H to bound the crossover search")


def plot_ratio_estimate(r_star_values, h_values, readings: int = 2, comparisons: int = 3) -> Estimate:
    """Cost of :func:`~symbolic_minima.plots.plot_ratio`: one comparison per :math:`r^*` over the
    ``h`` grid, plus a crossover search for each :math:`r^*` whose crossover (near ``h = r*/2``)
    lies past the grid."""
    r_star_values = [check_width(r, "r_star", minimum=2) for r in check_sequence(r_star_values, "r_star_values")]
    h_values = [check_int(h, "h", 0, MAX_WIDTH) for h in check_sequence(h_values, "h_values")]
    if not r_star_values or not h_values:
        raise ArgumentValueError("r_star_values and h_values must be non-empty")
    h_last = max(h_values)
    seconds = 0.0
    for r_star in r_star_values:
        search = comparisons if r_star / 2 + 2 > h_last else 0
        seconds += ratio_estimate(r_star, h_values, readings, max(4 * h_last, 200), search).seconds
    cells = len(r_star_values) * len(h_values)
    return Estimate(f"plot ratio over {len(r_star_values)} values of r* and {len(h_values)} of h", seconds + 2.0,
                    _PROCESS_BYTES + 100e6 + cells * readings * comparisons * 200, 0.0, {"cells": cells},
                    "smaller ranges of --r-star and --h")


# --------------------------------------------------------------------------- subspaces, certificates, proofs


def subspaces_estimate(r: int, m: int, d: int = 1, d_out: int = 1, count=None, output: bool = True) -> Estimate:
    """Cost of streaming ``count`` exact subspaces (each :math:`m(d+d_{out})` parameters) and printing them."""
    r, m = _rm(r, m)
    d, d_out = check_int(d, "d", 1, 1000), check_int(d_out, "d_out", 1, 1000)
    count = check_int(count, "count", 0)
    params = m * (d + d_out)
    n = _float(count)
    out = n * params * 25 if output else 0.0
    seconds = n * (1e-5 + params * _SUBSPACE_SECONDS) + out * _OUTPUT_SECONDS_PER_BYTE * 4
    return Estimate(f"{_count_text(count)} subspaces of {params} parameters", seconds,
                    _PROCESS_BYTES + params * params * 50, out, {"subspaces": count, "parameters": params},
                    "--limit N (stream the first N)")


def verify_estimate(r: int, m: int, d: int = 1, d_out: int = 1, count=None, critical: bool = False,
                    samples: int = 10, zero_type_count=None) -> Estimate:
    """Cost of :func:`~symbolic_minima.verify.verify_all` on ``count`` subspaces.

    Function identity: about ``3 ms + 0.2 ms`` per parameter; criticality
    grows with :math:`m\\,(d\\,d_{out})^{1.3}` (one symbolic gradient per
    parameter); maximality compares pairs; completeness locates ``samples``
    random zero-loss points.
    """
    r, m = _rm(r, m)
    d, d_out = check_int(d, "d", 1, 1000), check_int(d_out, "d_out", 1, 1000)
    count = check_int(count, "count", 0)
    samples = check_int(samples, "samples", 0, 10**6)
    zero_type_count = None if zero_type_count is None else check_int(zero_type_count, "zero_type_count", 0)
    params = m * (d + d_out)
    n = _float(count)
    if critical:
        per = _CRITICALITY_SECONDS * m * (d * d_out) ** 1.3
        zt = _float(zero_type_count if zero_type_count is not None else count)
        seconds = n * per + zt * per / 5
    else:
        seconds = n * (_FUNCTION_IDENTITY_SECONDS + 2e-4 * params)
        seconds += samples * (0.01 + 3e-4 * params)
    seconds += n * params * _SUBSPACE_SECONDS + n * n * params * 2e-8  # maximality
    memory = _PROCESS_BYTES + n * params * 200
    kind = CRITICAL if critical else "global-minimum"
    return Estimate(f"verify r={r} m={m} d={d} d_out={d_out}: {_count_text(count)} {kind} subspaces", seconds, memory,
                    n * 200, {"subspaces": count, "parameters": params},
                    "--limit N (certify the first N)" + ("; a smaller --d or --d-out" if d * d_out > 1 else ""))


@cache
def _power_splits(n: int, k: int) -> int:
    if k == 0:
        return 1
    return (n + 1) * 2**n + sum(comb(n, s) * _power_splits(n - s, k - 1) for s in range(1, n + 1))


def _structure_splits(r: int, m: int) -> int:
    return (m + 1) * 2**m + sum(comb(m, z) * _power_splits(m - z, r) for z in range(m + 1))


def proof_estimate(names, max_r: int = 5, extra_m: int = 5, enumeration_limit: int = 150_000) -> Estimate:
    """Cost of running the proofs ``names`` with the given options.

    Per proof: the sympy work per case :math:`(r, m)` grows like
    :math:`1.5^m`; the species-structure route enumerates splits of the label
    set (cases with at most 5,000 structures, ``m <= 12``, including the
    empty cases ``m < r``, whose enumeration still explores every split); the
    enumeration route counts labellings where there are at most
    ``enumeration_limit``.

    >>> proof_estimate(["t_singletons"]).fits()
    True
    >>> proof_estimate(["t_singletons"], max_r=12, extra_m=30).fits()
    False
    """
    names = check_sequence(names, "names")
    max_r, extra_m = check_int(max_r, "max_r", 1, 12), check_int(extra_m, "extra_m", 0, 30)
    enumeration_limit = check_int(enumeration_limit, "enumeration_limit", 0, 10**9)
    seconds = _proof_seconds(max_r, extra_m, enumeration_limit) * len(names)
    what = names[0] if len(names) == 1 else f"{len(names)} proofs"
    cases = sum(r + extra_m + 1 - max(0, r - 2) for r in range(1, max_r + 1))
    alternative = "the default --max-r 5 --extra-m 5"
    for r, h in ((min(max_r, 8), min(extra_m, 8)), (min(max_r, 6), min(extra_m, 6)), (5, 5)):
        if (r, h) == (max_r, extra_m):
            continue
        guess = _proof_seconds(r, h, enumeration_limit) * len(names)
        if Estimate("", guess).fits():
            alternative = f"--max-r {r} --extra-m {h} (about {format_seconds(guess)})"
            break
    return Estimate(f"prove {what} --max-r {max_r} --extra-m {extra_m}", seconds, _PROCESS_BYTES * 2, 0.0,
                    {"cases": cases}, alternative)


@lru_cache(maxsize=1024)
def _proof_seconds(max_r: int, extra_m: int, enumeration_limit: int) -> float:
    per = 0.5
    for r in range(1, max_r + 1):
        for m in range(max(0, r - 2), r + extra_m + 1):
            per += _PROOF_CASE_SECONDS * 1.5 ** m
            if 1 <= m <= 12:
                if (_t_r1(r, m) if m >= r else 0) <= 5000:
                    per += 2 * _structure_splits(r, m) * _STRUCTURE_SECONDS
                labels = _t_r2(r, m) if m >= r else 0
                if labels <= enumeration_limit:
                    per += labels / 1.2e5
    return per
