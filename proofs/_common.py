r"""Shared pieces of the proofs: symbols, independent counting routes, tables.

Not a proof itself (its name starts with ``_``, so the registry skips it).

Independent routes used by the checks (none of them uses a generating function):

* **enumeration**: counting the labellings of :mod:`symbolic_minima.labellings`
  one by one, when there are at most ``enumeration_limit`` of them;
* **recurrence**: removing the last neuron of a labelling of ``[m]``
  (a bijective argument, see :func:`g_recurrence`, :func:`t_recurrence`);
* **species structures**: the brute-force ``Species.structures`` enumeration
  of :mod:`symbolic_minima.species` on small label sets.
"""

from __future__ import annotations

import functools
from math import comb

import sympy

from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.labellings import (
    critical_labellings,
    global_minimum_labellings,
)
from symbolic_minima.progress import progress
from symbolic_minima.readings import CRITICAL_READING, GROUPS, SINGLETONS, get_reading
from symbolic_minima.roles import REPLICA

__all__ = [
    "r",
    "m",
    "n",
    "j",
    "k",
    "x",
    "R1",
    "R2",
    "CRITICAL",
    "DEFAULT_ENUMERATION_LIMIT",
    "STRUCTURES_LIMIT",
    "BIJECTION_LIMIT",
    "species",
    "stirling",
    "g_recurrence",
    "t_recurrence",
    "bell_recurrence",
    "enumerated_count",
    "structures_count",
    "structures_match_labellings",
    "structures_bijection_check",
    "structures_route",
    "bijection_limit",
    "assert_bijection",
    "replace_claimed",
    "recording_values",
    "exponential_expansion",
    "rm_cases",
    "values_tabular",
    "egf_shift_lemma",
    "convolution_lemma",
    "binomial_expansion_lemma",
    "enumeration_note",
]

#: The names of the readings the proofs are about (``zero_type`` values; never spelled out in the proofs).
R1, R2, CRITICAL = SINGLETONS.name, GROUPS.name, CRITICAL_READING.name

#: Symbolic width of the teacher and of the student.
r = sympy.Symbol("r", integer=True, positive=True)
m = sympy.Symbol("m", integer=True, nonnegative=True)
n = sympy.Symbol("n", integer=True, nonnegative=True)
#: Summation indices.
j = sympy.Symbol("j", integer=True, nonnegative=True)
k = sympy.Symbol("k", integer=True, nonnegative=True)

#: Enumerate labellings one by one only if there are at most this many.
#: Rates measured on one core: ~1.5e6 labellings/s (singletons, critical),
#: ~1.2e5/s (groups).  Every case with r <= 5, m <= r + 5 has at most
#: 4.3e7 labellings (T_R2(5, 10)), so ``enumeration_limit=10**8`` enumerates
#: all of them (several minutes).
DEFAULT_ENUMERATION_LIMIT = 150_000
#: Bijection checks (which keep whole fibres in memory) use at most this many objects per case.
BIJECTION_LIMIT = 2_000_000
#: Count ``Species.structures`` only up to this many structures.
STRUCTURES_LIMIT = 5_000


def species():
    """The :mod:`symbolic_minima.species` module (imported on first use)."""
    from symbolic_minima import species as module

    return module


def stirling():
    """The :mod:`symbolic_minima.stirling` module (imported on first use)."""
    from symbolic_minima import stirling as module

    return module


def egf_variable():
    return species().EGF_VARIABLE


def critical_egf(width):
    """EGF of ``species.critical_species(width)`` for a symbolic expression such as ``r + 1``.

    ``critical_species`` takes an int or a Symbol (per the contract), so the
    species is built on a fresh Symbol ``s`` and ``s`` is replaced by ``width``.
    """
    s = sympy.Symbol("s", integer=True, positive=True)
    return species().critical_species(s).egf().subs(s, width)


x = sympy.Symbol("x")  # replaced by species.EGF_VARIABLE where the species module is used


# ---------------------------------------------------------------------------
# recurrences (independent of generating functions)
# ---------------------------------------------------------------------------


@functools.cache
def g_recurrence(rr: int, mm: int) -> int:
    r"""Surjections :math:`[m]\to[r]` by removing neuron ``m``.

    Its label ``i`` (``r`` choices) is either used by another neuron
    (:math:`G(r, m-1)`) or not (:math:`G(r-1, m-1)` after relabelling):
    :math:`G(r,m) = r\,G(r,m-1) + r\,G(r-1,m-1)`, :math:`G(0,0)=1`.
    """
    if rr < 0 or mm < 0:
        return 0
    if mm == 0:
        return 1 if rr == 0 else 0
    if rr == 0:
        return 0
    return rr * g_recurrence(rr, mm - 1) + rr * g_recurrence(rr - 1, mm - 1)


@functools.cache
def bell_recurrence(nn: int) -> int:
    r"""Set partitions of ``[n]`` by the size ``s`` of the last item's block.

    :math:`B_n=\sum_s\binom{n-1}{s-1}B_{n-s}`.
    """
    if nn == 0:
        return 1
    return sum(comb(nn - 1, s - 1) * bell_recurrence(nn - s) for s in range(1, nn + 1))


def t_recurrence(rr: int, mm: int, zero_type: str = R1) -> int:
    r"""Global-minimum labellings of ``[m]`` by removing neuron ``m``.

    Neuron ``m`` is a replica of one of ``r`` teacher neurons, shared
    (:math:`T(r,m-1)`) or alone (:math:`T(r-1,m-1)`), or a member of a free
    block of ``s`` neurons with ``s`` an allowed free-block size of the reading
    (:math:`\binom{m-1}{s-1}` choices of its partners):
    :math:`T(r,m)=r\,T(r,m-1)+r\,T(r-1,m-1)+\sum_{s\text{ allowed}}\binom{m-1}{s-1}T(r,m-s)`,
    :math:`T(0,0)=1`.  Singletons (R1) allow ``s = 1`` only, so
    :math:`T(r,m)=(r+1)T(r,m-1)+r\,T(r-1,m-1)`; groups (R2) allow every ``s >= 1``.
    The allowed sizes come from the reading's free roles, not from its name.
    """
    reading = get_reading(zero_type)
    if reading.is_critical or reading.replica is not REPLICA:
        raise ArgumentValueError(f"t_recurrence is derived for global-minimum readings with replica blocks, "
                                 f"got {reading.name!r}")
    return _t_recurrence(rr, mm, reading.name)


@functools.cache
def _t_recurrence(rr: int, mm: int, name: str) -> int:
    if rr < 0 or mm < 0:
        return 0
    if mm == 0:
        return 1 if rr == 0 else 0
    allows = get_reading(name).allows_free_size
    replica = rr * _t_recurrence(rr, mm - 1, name) + rr * _t_recurrence(rr - 1, mm - 1, name)
    return replica + sum(comb(mm - 1, s - 1) * _t_recurrence(rr, mm - s, name)
                         for s in range(1, mm + 1) if allows(s))


# ---------------------------------------------------------------------------
# enumeration routes
# ---------------------------------------------------------------------------


def _is_critical(kind: str) -> bool:
    return get_reading(kind).is_critical


def _labellings(kind: str, rr: int, mm: int):
    if _is_critical(kind):
        return critical_labellings(rr, mm)
    return global_minimum_labellings(rr, mm, zero_type=kind)


def _expected(kind: str, rr: int, mm: int) -> int:
    return g_recurrence(rr, mm) if _is_critical(kind) else t_recurrence(rr, mm, kind)


def enumerated_count(kind: str, rr: int, mm: int, limit: int) -> int | None:
    """Count labellings (``kind``: a reading name, :data:`R1`, :data:`R2` or :data:`CRITICAL`) one by one.

    Returns ``None`` (route not used) when ``m < r`` or when the recurrence
    says there are more than ``limit`` of them.
    """
    if mm < rr or mm < 1:
        return None
    size = _expected(kind, rr, mm)
    if size > limit:
        return None
    return _enumerate(kind, rr, mm)


@functools.cache
def _enumerate(kind: str, rr: int, mm: int) -> int:
    """Number of labellings, counted one by one (cached: several proofs share the same enumerations)."""
    size = _expected(kind, rr, mm)
    return sum(1 for _ in progress(_labellings(kind, rr, mm), total=size, desc=f"{kind} r={rr} m={mm}"))


def structures_fit(mm: int, size: int, limit: int = STRUCTURES_LIMIT) -> bool:
    """Whether ``Species.structures`` may enumerate ``size`` structures on ``mm`` labels: at most ``limit``
    of them, on at most :data:`symbolic_minima.species.MAX_ENUMERATION_LABELS` labels (the enumeration
    splits the label set, exponential in ``mm`` even when there are few structures)."""
    return size <= limit and mm <= species().MAX_ENUMERATION_LABELS


def structures_count(species_obj, mm: int, size_hint: int, limit: int = STRUCTURES_LIMIT) -> int | None:
    """Count ``species_obj.structures(labels)`` on ``mm`` labels (``None`` if too many or unavailable)."""
    if not structures_fit(mm, size_hint, limit) or not hasattr(species_obj, "structures"):
        return None
    return sum(1 for _ in species_obj.structures(tuple(range(1, mm + 1))))


def structures_match_labellings(kind: str, rr: int, mm: int) -> tuple[bool, int]:
    """Map every species structure on ``mm`` labels to its labelling; must be one-to-one onto the labellings.

    ``kind``: a reading name (:data:`R1`, :data:`R2`, :data:`CRITICAL`).  Returns ``(ok, structures mapped)``.
    """
    sp = species()
    zt = None if _is_critical(kind) else kind
    images = [sp.structure_to_labelling(st, mm, zt) for st in _species_of(kind, rr).structures(tuple(range(mm)))]
    target = set(_labellings(kind, rr, mm))
    return len(images) == len(set(images)) and set(images) == target, len(images)


def structures_bijection_check(proof, kind: str, max_r: int, extra_m: int, limit: int = STRUCTURES_LIMIT):
    """Record on ``proof`` that species structures and labellings correspond one-to-one (cases up to ``limit``)."""
    cases = [(a, b) for a, b in rm_cases(max_r, extra_m) if b >= 1 and _expected(kind, a, b) <= limit]
    few_labels = [(a, b) for a, b in cases if structures_fit(b, 0, limit)]
    return assert_bijection(
        proof,
        "Species structures correspond one-to-one to the labellings (structure_to_labelling, set equality)",
        lambda a, b: structures_match_labellings(kind, a, b), few_labels,
        f"structures mapped, in the {len(few_labels)} cases with at most {limit} structures"
        + (f" and at most {species().MAX_ENUMERATION_LABELS} labels" if len(few_labels) < len(cases) else ""),
        unit="structures",
    )


def bijection_limit(enumeration_limit: int) -> int:
    """Most objects per case for the bijection checks: they cost more per object than plain counting."""
    return max(1, min(enumeration_limit // 2, BIJECTION_LIMIT))


def assert_bijection(proof, statement: str, check, cases, detail: str, unit: str):
    """Run ``check(r, m) -> (ok, objects examined)`` on every case and record it on ``proof`` as one assertion.

    It holds iff there is at least one case and every case is ``ok``; ``detail``
    describes the count of objects examined (route ``"bijection"``).
    """
    results = [check(rr, mm) for rr, mm in cases]
    return proof.assert_that(statement, bool(cases) and all(ok for ok, _ in results),
                             sum(seen for _, seen in results), detail, route="bijection", unit=unit)


def _species_of(kind: str, rr):
    """The species of the labellings of the reading ``kind`` for width ``rr``."""
    sp = species()
    return sp.critical_species(rr) if _is_critical(kind) else sp.global_minimum_species(rr, zero_type=kind)


def structures_route(kind: str):
    """The route ``(r, m) -> `` number of ``Species.structures`` (``None`` if ``m = 0`` or too many) for ``compare``."""
    return lambda rr, mm: structures_count(_species_of(kind, rr), mm, _expected(kind, rr, mm)) if mm >= 1 else None


def rm_cases(max_r: int, extra_m: int, low: int = 0):
    """All ``(r, m)`` with ``1 <= r <= max_r`` and ``r - low <= m <= r + extra_m`` (``m >= 0``)."""
    return [(rr, mm) for rr in range(1, max_r + 1) for mm in range(max(0, rr - low), rr + extra_m + 1)]


def enumeration_note(kind: str, max_r: int, extra_m: int, limit: int, low: int = 0) -> str:
    """Honest account of which cases were enumerated and which were checked by the recurrence only."""
    cases = [(a, b) for a, b in rm_cases(max_r, extra_m, low) if b >= a and b >= 1]
    done = [(a, b) for a, b in cases if _expected(kind, a, b) <= limit]
    rest = [(a, b) for a, b in cases if _expected(kind, a, b) > limit]
    total = sum(_expected(kind, a, b) for a, b in done)
    text = (
        f"Enumerated one by one: {len(done)} of {len(cases)} cases with m >= r "
        f"({total} labellings in all; limit {limit} per case)."
    )
    if rest:
        big = ", ".join(f"({a},{b})" for a, b in rest)
        text += f" Above the limit, checked by the other routes only: {big}."
    return text


# ---------------------------------------------------------------------------
# lemmas backed by exact checks
# ---------------------------------------------------------------------------


def _generic_egf(name: str, order: int, X):
    """Symbols ``name0..name<order>`` and the truncated EGF :math:`\\sum_{i\\le order} a_i X^i/i!` they define."""
    a = sympy.symbols(f"{name}0:{order + 1}")
    return a, sum(a[i] * X**i / sympy.factorial(i) for i in range(order + 1))


def exponential_expansion(x):
    r""":math:`\sum_{j=0}^{r}\binom rj(-1)^j e^{(r-j)x}`, the right side of :func:`binomial_expansion_lemma`."""
    return sympy.Sum(sympy.binomial(r, j) * (-1) ** j * sympy.exp((r - j) * x), (j, 0, r))


def binomial_expansion_lemma(max_power: int = 8) -> tuple[bool, str]:
    r"""Binomial theorem :math:`(e^x-1)^r=\sum_j\binom rj(-1)^j e^{(r-j)x}`, expanded for ``r <= max_power``."""
    X = sympy.Symbol("x")
    ok = all(
        sympy.expand(sum(comb(p, i) * (-1) ** i * sympy.exp((p - i) * X) for i in range(p + 1))
                     - (sympy.exp(X) - 1) ** p)
        == 0
        for p in range(max_power + 1)
    )
    return ok, f"binomial theorem; both sides expanded and compared for r = 0..{max_power}"


def convolution_lemma(order: int = 8) -> tuple[bool, str]:
    r"""Product of EGFs: :math:`m![x^m]AB=\sum_k\binom mk a_k b_{m-k}`, on generic symbolic coefficients."""
    X = sympy.Symbol("x")
    a, A = _generic_egf("a", order, X)
    b, B = _generic_egf("b", order, X)
    prod = sympy.expand(A * B)
    ok = all(
        sympy.expand(prod.coeff(X, mm) * sympy.factorial(mm)
                     - sum(comb(mm, kk) * a[kk] * b[mm - kk] for kk in range(mm + 1)))
        == 0
        for mm in range(order + 1)
    )
    return ok, f"binomial convolution; checked on generic symbolic coefficients a_0..a_{order}, b_0..b_{order}"


def egf_shift_lemma(order: int = 8) -> tuple[bool, str]:
    r"""Derivative of an EGF shifts it: :math:`\frac{d}{dx}\sum_n a_n\frac{x^n}{n!}=\sum_n a_{n+1}\frac{x^n}{n!}`."""
    X = sympy.Symbol("x")
    a, A = _generic_egf("a", order + 1, X)
    dA = sympy.expand(sympy.diff(A, X))
    ok = all(sympy.expand(dA.coeff(X, mm) * sympy.factorial(mm) - a[mm + 1]) == 0 for mm in range(order + 1))
    return ok, f"derivative of an EGF; checked on generic symbolic coefficients a_0..a_{order + 1}"


# ---------------------------------------------------------------------------
# claims and tables
# ---------------------------------------------------------------------------


def replace_claimed(claimed, replacements) -> tuple:
    """The claimed forms, each replaced by its entry of ``replacements`` unless that is ``None``.

    (Proofs take replacements to test that a wrong claim fails.)

    >>> replace_claimed((1, 2, 3), (None, 5, None))
    (1, 5, 3)
    """
    return tuple(c if new is None else new for c, new in zip(claimed, replacements, strict=True))


def recording_values(expr, values: dict):
    """The claim route ``(r, m) ->`` ``expr`` at integers (``doit``), recording each value in ``values[(r, m)]``."""

    def claim_value(rr, mm):
        v = expr.subs({r: rr, m: mm}).doit()
        values[(rr, mm)] = v
        return v

    return claim_value


def values_tabular(values: dict, max_r: int, extra_m: int, label: str = "r") -> str:
    """LaTeX ``tabular``: rows ``r``, columns ``h = m - r`` (``values[(r, m)]``)."""
    cols = "r|" + "r" * (extra_m + 1)
    head = f"${label}$ & " + " & ".join(f"$h={h}$" for h in range(extra_m + 1)) + r" \\ \hline"
    rows = []
    for rr in range(1, max_r + 1):
        cells = [str(values.get((rr, rr + h), "")) for h in range(extra_m + 1)]
        rows.append(f"{rr} & " + " & ".join(cells) + r" \\")
    return "\\begin{tabular}{" + cols + "}\n" + head + "\n" + "\n".join(rows) + "\n\\end{tabular}"
