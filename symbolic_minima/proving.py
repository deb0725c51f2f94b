r"""Machine-checked proofs of the counting claims: a small framework.

A proof is a Python module of the repository's ``proofs/`` folder, imported
as the package ``symbolic_minima._proofs`` (see :func:`proofs_package`) and
defining ``NAME``, ``CLAIM`` (one line of text),
``READING`` (a ``zero_type`` or ``None`` when the claim does not depend on the
reading), optionally ``ACTIVATION_CLASS`` (the activation class whose readings
the proof covers; absent: the generic class) and ``prove(**options) -> Proof``.  ``prove`` derives the claim with
the package's machinery and records two kinds of evidence in a :class:`Proof`:

* **symbolic steps** (:meth:`Proof.identity`, :meth:`Proof.sum_identity`):
  the difference of both sides is *computed* and must simplify to exactly
  ``0`` (``sympy.simplify(lhs - rhs) == 0``, or term by term for sums after
  an explicit re-indexing); a step that does not simplify to ``0`` fails;
* **exact checks** (:meth:`Proof.compare`, :meth:`Proof.assert_that`): the
  claimed values against independent routes (brute-force enumeration of
  labellings, a combinatorial recurrence, ...), case by case, with counts.

The verdict is ``True`` only if every step and every check passed and there
was at least one symbolic step and one check.  :meth:`Proof.latex` renders a
LaTeX fragment (needs ``amsmath``) that a paper can ``\input``: the statement,
the derivation with the expressions actually computed, a summary of the
checks and the verdict.

>>> from sympy import Symbol, exp, diff
>>> x, r = Symbol("x"), Symbol("r", integer=True, positive=True)
>>> p = Proof("demo", "derivative of a power", reading=None)
>>> p.identity("chain rule", diff((exp(x) - 1)**(r + 1) / (r + 1), x), exp(x) * (exp(x) - 1)**r).passed
True
>>> p.identity("a wrong claim", diff((exp(x) - 1)**(r + 1), x), exp(x) * (exp(x) - 1)**r).passed
False
>>> p.compare("values", [(1, 2)], claim=("formula", lambda r, m: 3),
...           routes=[("enumeration", lambda r, m: 3)]).passed
True
>>> p.verdict
False
>>> p.to_json()["steps"][1]["passed"]
False
>>> "t_singletons" in [info.name for info in list_proofs()]
True
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import pkgutil
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import (
    ArgumentValueError,
    SymbolicMinimaError,
    as_expression,
    check_int,
    parse_integer,
)
from .readings import GLOBAL_MINIMUM, get_reading

if TYPE_CHECKING:
    import sympy

__all__ = [
    "Proof",
    "Step",
    "Check",
    "ProofInfo",
    "simplifies_to_zero",
    "sums_equal",
    "list_proofs",
    "proof_names",
    "run_proof",
    "run_all_proofs",
    "proof_main",
    "PROOFS_PACKAGE",
    "proofs_package",
]

#: The package whose modules are the proofs: the wheel ships the repository's
#: ``proofs/`` folder under this name; a source checkout loads the folder as it
#: (:func:`proofs_package`).  No top-level ``proofs`` module is installed.
PROOFS_PACKAGE = "symbolic_minima._proofs"


# ---------------------------------------------------------------------------
# symbolic equality
# ---------------------------------------------------------------------------


def _expression(value, name: str = "expression"):
    """``value`` as a sympy object; text at any depth is refused (see :func:`~symbolic_minima.errors.as_expression`)."""
    return as_expression(value, name)


def simplifies_to_zero(expr) -> tuple[bool, sympy.Basic, str]:
    r"""Whether ``expr`` simplifies to exactly ``0``; returns ``(ok, residual, method)``.

    Tries, in order, the expression itself, :func:`sympy.simplify`,
    :func:`sympy.combsimp` (binomials and factorials) followed by
    ``simplify``, and ``expand`` of ``powsimp``.  Success means the result
    *is* the integer ``0`` (structural equality), never a numerical test.

    >>> from sympy import binomial, symbols
    >>> r, j = symbols("r j", integer=True, nonnegative=True)
    >>> simplifies_to_zero(binomial(r + 1, j) * (r + 1 - j) / (r + 1) - binomial(r, j))[0]
    True
    >>> simplifies_to_zero(binomial(r + 1, j) - binomial(r, j))[0]
    False
    """
    import sympy
    expr = _expression(expr, "expr")
    if expr == 0:
        return True, sympy.S.Zero, "identical"
    residual = expr
    attempts = (
        ("sympy.simplify", sympy.simplify),
        ("sympy.combsimp + simplify", lambda e: sympy.simplify(sympy.combsimp(e))),
        ("expand(powsimp)", lambda e: sympy.expand(sympy.powsimp(e, force=False))),
    )
    for method, fn in attempts:
        try:
            out = fn(expr)
        except Exception:  # pragma: no cover - a simplifier failing is a failed attempt
            continue
        if out == 0:
            return True, sympy.S.Zero, method
        residual = out
    return False, residual, "no simplification to 0"


def _split_sum(expr):
    """``expr`` as ``(summand, index, lo, hi)`` of a single-index Sum (constant factors pushed inside), or None."""
    import sympy
    expr = _expression(expr, "expr")
    coeff = sympy.S.One
    if isinstance(expr, sympy.Mul):
        sums = [a for a in expr.args if isinstance(a, sympy.Sum)]
        if len(sums) != 1:
            return None
        s = sums[0]
        coeff = sympy.Mul(*[a for a in expr.args if a is not s])
    elif isinstance(expr, sympy.Sum):
        s = expr
    else:
        return None
    limits = list(s.limits)
    function = s.function
    # Sum(f, L1, L2, ...) is Sum(Sum(f, L1), L2, ...): keep the outermost limit
    if len(limits) > 1:
        function = sympy.Sum(function, *limits[:-1])
    index, lo, hi = limits[-1]
    if coeff.has(index):
        return None
    return coeff * function, index, lo, hi


def _offset(a, b):
    """``a - b`` as a Python int when it is a constant integer (infinite bounds: equal infinities give 0)."""
    import sympy
    if a.is_infinite or b.is_infinite:
        return 0 if a == b else None
    d = sympy.simplify(a - b)
    if d.is_Integer:
        return int(d)
    return None


_MAX_BOUNDARY_TERMS = 4


def sums_equal(a, b, _depth: int = 0) -> tuple[bool, str]:
    r"""Decide ``a == b`` for (possibly nested, possibly scaled) finite or infinite sums.

    Structurally equal sides are equal.  When both are single sums (a
    constant factor is pushed inside), the index of ``b`` is re-indexed (shift
    ``i -> j + s`` or reflection ``i -> c - j``) so that its range matches the
    range of ``a`` up to at most four boundary terms; the claim holds if the
    summands agree term by term (:func:`simplifies_to_zero`, recursively for
    nested sums) and the boundary terms simplify to ``0``.  Otherwise
    ``simplify(a - b) == 0`` is tried.  Ranges are assumed non-inverted
    (lower limit <= upper limit + 1 for all values of the parameters, as for
    ``0..r`` with ``r >= 0``).  Returns ``(ok, how)``.

    >>> from sympy import Sum, binomial, symbols
    >>> r, m = symbols("r m", integer=True, positive=True)
    >>> j, i = symbols("j i", integer=True)
    >>> sums_equal(Sum((-1)**j * binomial(r, j) * (r - j)**m, (j, 0, r)),
    ...            Sum((-1)**(r - i) * binomial(r, i) * i**m, (i, 0, r)))
    (True, 'term by term after i -> r - j')
    >>> sums_equal(Sum(j, (j, 0, r)), Sum(j + 1, (j, 0, r)))[0]
    False
    """
    import sympy
    a, b = _expression(a, "a"), _expression(b, "b")
    if a == b or a - b == 0:
        return True, "identical"
    A, B = _split_sum(a), _split_sum(b)
    if A is None or B is None:
        # not two sums: a plain symbolic simplification (e.g. a sum that evaluates in closed form)
        ok, _, method = simplifies_to_zero(a - b)
        return (True, method) if ok else (False, "not both sums and difference does not simplify to 0")
    if _depth > 3:
        return False, "nesting too deep"
    fa, j_name, a0, a1 = A
    fb, i, b0, b1 = B
    j = sympy.Dummy(str(j_name), integer=True)  # fresh: no capture of symbols free or bound in b
    fa = fa.xreplace({j_name: j})
    candidates = []
    for s_expr in (b0 - a0, b1 - a1):  # i = j + s
        candidates.append((j + s_expr, b0 - s_expr, b1 - s_expr, f"{i} -> {j_name} + ({s_expr})"))
    for c_expr in (a0 + b1, a1 + b0):  # i = c - j
        candidates.append((c_expr - j, c_expr - b1, c_expr - b0, f"{i} -> {sympy.simplify(c_expr)} - {j_name}"))
    seen = set()
    for subst, n0, n1, how in candidates:
        subst = sympy.simplify(subst)
        n0, n1 = sympy.simplify(n0), sympy.simplify(n1)
        key = (subst, n0, n1)
        if key in seen:
            continue
        seen.add(key)
        d0, d1 = _offset(n0, a0), _offset(n1, a1)
        if d0 is None or d1 is None or abs(d0) + abs(d1) > _MAX_BOUNDARY_TERMS:
            continue
        gb = fb.xreplace({i: subst})
        # common range [a0 + max(0, d0), a1 + min(0, d1)]; boundary terms of each side outside it
        boundary = sympy.S.Zero
        for t in range(min(0, d0), max(0, d0)):
            pos = a0 + t
            if t < 0:  # b covers it, a does not
                boundary -= gb.xreplace({j: pos})
            else:
                boundary += fa.xreplace({j: pos})
        for t in range(min(0, d1), max(0, d1)):
            pos = a1 + t + 1
            if t >= 0:  # b extends past a1
                boundary -= gb.xreplace({j: pos})
            else:
                boundary += fa.xreplace({j: pos})
        ok_b, _, _ = simplifies_to_zero(boundary)
        if not ok_b:
            continue
        if fa.has(sympy.Sum) or gb.has(sympy.Sum):  # nested sums: recurse (simplify on sums is slow)
            ok_t, _ = sums_equal(fa, gb, _depth + 1)
        else:
            ok_t, _, _ = simplifies_to_zero(fa - gb)
        if ok_t:
            extra = f", {abs(d0) + abs(d1)} boundary term(s) = 0" if d0 or d1 else ""
            if subst == j:  # the same index (possibly renamed)
                return True, f"term by term{extra}"
            return True, f"term by term after {how}{extra}"
    return False, "no re-indexing makes the summands agree"


# ---------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------


def _tex_text(s) -> str:
    r"""Text for LaTeX text mode (:func:`symbolic_minima.latex_text.latex_text`): math-like fragments set as math.

    >>> print(_tex_text("bound $2^r - 1$ for r <= 5, x_1 -> 0"))
    bound $2^r - 1$ for $r \le 5$, $x_1 \to 0$
    """
    from .latex_text import latex_text

    return latex_text(s)


_PLAIN_MACROS = (
    (r"\le", "<="), (r"\ge", ">="), (r"\to", "->"), (r"\cdot", "*"), (r"\dots", "..."), (r"\in", "in"),
    (r"\{", "{"), (r"\}", "}"), (r"\exp", "exp"), (r"\sum", "sum"), (r"\,", " "),
)


def _constant(word: str):
    """A ``re.sub`` replacement function returning ``word`` as it is (no backslash processing)."""

    def replace(_match) -> str:
        return word

    return replace


def _plain(s) -> str:
    r"""Text for a terminal: ``$`` removed and a few LaTeX macros spelled out.

    >>> _plain(r"$T_{R1}(r,m)$ for $r \le 5$, $m \in \{20, 40\}$, $r!\,x^{m+1}$, $c_{r,l}\binom{k}{l}$")
    'T_R1(r,m) for r <= 5, m in {20, 40}, r! x^(m+1), c_(r,l)C(k,l)'
    """
    text = str(s).replace("$", "")
    for macro, word in _PLAIN_MACROS:
        guard = r"(?![A-Za-z])" if macro[-1].isalpha() else ""
        text = re.sub(re.escape(macro) + guard, _constant(word), text)
    text = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1)/(\2)", text)
    text = re.sub(r"\\binom\{([^{}]*)\}\{([^{}]*)\}", r"C(\1,\2)", text)
    text = re.sub(r"_\{([A-Za-z0-9]*)\}", r"_\1", text)
    text = re.sub(r"_\{([^{}]*)\}", r"_(\1)", text)
    text = re.sub(r"\^\{([^{}]*)\}", r"^(\1)", text)
    text = re.sub(r"\\([A-Za-z]+)", r"\1", text)
    return re.sub(r"  +", " ", text)


def _tex(e) -> str:
    import sympy
    return e if isinstance(e, str) else sympy.latex(e)


def tex(expr, stirling_macro: str | None = None) -> str:
    r"""Readable LaTeX of an expression (:func:`symbolic_minima.counting.latex_form`); strings pass through.

    Positive terms first (:math:`(-1)^{r-j}`), :math:`k^{\underline r}` for falling factorials.

    Parameters
    ----------
    expr : sympy expression, number or str
        What to print (a string is taken as LaTeX already).
    stirling_macro : str, optional
        As in :func:`~symbolic_minima.counting.latex_form`.

    Returns
    -------
    str

    Examples
    --------
    >>> import sympy
    >>> r, j = sympy.symbols("r j")
    >>> tex((-1) ** (r - j)), tex("x")
    ('\\left(-1\\right)^{r - j}', 'x')
    """
    import sympy

    from .counting import latex_form
    from .errors import as_expression

    if isinstance(expr, str):
        return expr
    if not isinstance(expr, sympy.Basic):
        expr = as_expression(expr, "expr")
    return latex_form(expr, stirling_macro=stirling_macro)


@dataclass(frozen=True)
class Step:
    """One step of a derivation.

    ``kind`` is ``"identity"`` (asserted: ``passed`` is the computed outcome),
    ``"derivation"`` (an expression computed by the machinery and shown; it
    is asserted by later identity steps) or ``"lemma"`` (a standard fact,
    cited, with the exact check that backs it in ``method``).
    """

    title: str
    kind: str
    lhs: object = None
    rhs: object = None
    passed: bool | None = None
    method: str = ""
    residual: object = None
    note: str = ""
    relation: str = "="

    @property
    def equation_latex(self) -> str:
        if self.lhs is None:
            return ""
        if self.rhs is None:
            return _tex(self.lhs)
        return f"{_tex(self.lhs)} {self.relation} {_tex(self.rhs)}"

    def readable_latex(self, stirling_macro: str | None = "genfrac") -> str:
        """The equation in a readable term order (:func:`tex`), for LaTeX documents (:meth:`Proof.latex`)."""
        if self.lhs is None:
            return ""
        if self.rhs is None:
            return tex(self.lhs, stirling_macro)
        return f"{tex(self.lhs, stirling_macro)} {self.relation} {tex(self.rhs, stirling_macro)}"

    def status(self) -> str:
        return {True: "ok", False: "FAILED", None: "computed"}[self.passed]

    def _latex(self, printer=None) -> str:
        return self.equation_latex

    def _repr_latex_(self) -> str:
        return f"$${self.equation_latex}$$" if self.lhs is not None else ""

    def __str__(self) -> str:
        extra = f" [{self.method}]" if self.method else ""
        return _plain(f"[{self.status()}] {self.title}{extra}")


@dataclass
class Check:
    """Exact comparison of the claimed values against independent routes."""

    title: str
    claim_route: str
    route_cases: dict = field(default_factory=dict)
    cases: list = field(default_factory=list)
    failures: list = field(default_factory=list)
    note: str = ""
    seconds: float = 0.0
    unit: str = "cases"
    route_seconds: dict = field(default_factory=dict)
    count: int | None = None

    @property
    def passed(self) -> bool:
        return self.case_count > 0 and not self.failures

    @property
    def case_count(self) -> int:
        """Number of cases (or objects, see ``unit``) checked."""
        return len(self.cases) if self.count is None else self.count

    def __str__(self) -> str:
        routes = ", ".join(f"{k} {v}" for k, v in self.route_cases.items())
        status = "ok" if self.passed else "FAILED"
        if self.count is not None:
            return _plain(f"[{status}] {self.title}: {self.case_count} {self.unit} ({', '.join(self.route_cases)})")
        text = _plain(f"[{status}] {self.title}: {self.case_count} {self.unit}; {self.claim_route} vs {routes}")
        if self.failures:
            text += f"; {len(self.failures)} failure(s), first: {self.failures[0]}"
        return text


def _reading_name(reading) -> str | None:
    """The registered name of a proof's reading (a global-minimum reading, by name or alias), or ``None``."""
    return None if reading is None else get_reading(reading, family=GLOBAL_MINIMUM).name


def _short_name(reading) -> str:
    return get_reading(reading, family=GLOBAL_MINIMUM).short_name


@dataclass(frozen=True)
class ProofInfo:
    """Name, one-line claim, reading and activation class (``None``: generic) of a registered proof."""

    name: str
    claim: str
    reading: str | None
    activation_class: str | None = None

    def __str__(self) -> str:
        return f"{self.name}: {self.claim}"


class Proof:
    r"""The record of one machine-checked proof.

    Build it with :meth:`derive`, :meth:`lemma`, :meth:`identity`,
    :meth:`sum_identity`, :meth:`compare` and :meth:`assert_that`; read
    :attr:`verdict`, :meth:`verdict_line`, :meth:`summary` and :meth:`latex`.

    ``reading`` is a ``zero_type``, the name or alias of a registered
    global-minimum reading (``"R1"``, ``"R2"``, ...; stored as its name), or
    ``None`` for a claim that does not depend on the reading.
    ``activation_class`` names the activation class of a proof that covers all
    readings of a class (``None``: the generic class).
    """

    def __init__(self, name: str, claim: str, claim_latex: str = "", reading: str | None = None,
                 activation_class: str | None = None):
        self.name = name
        self.claim = claim
        self.claim_latex = claim_latex
        self.reading = _reading_name(reading)
        self.activation_class = activation_class
        self.steps: list[Step] = []
        self.checks: list[Check] = []
        self.tables: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.seconds = 0.0
        self._t0 = time.perf_counter()

    # -- building ----------------------------------------------------------
    def derive(self, title: str, lhs, rhs=None, note: str = "") -> Step:
        """Record an expression computed by the machinery (shown, asserted by later steps)."""
        step = Step(title, "derivation", lhs, rhs, None, "computed", None, note)
        self.steps.append(step)
        return step

    def lemma(self, title: str, lhs, rhs, passed: bool, method: str, note: str = "", relation: str = "=") -> Step:
        """Record a cited standard fact with the exact check that backs it (``relation``: LaTeX, e.g. ``\\le``)."""
        step = Step(title, "lemma", lhs, rhs, bool(passed), method, None, note, relation)
        self.steps.append(step)
        return step

    def identity(self, title: str, lhs, rhs, note: str = "", display=None) -> Step:
        """Assert ``lhs == rhs`` symbolically: ``simplify(lhs - rhs)`` must be exactly 0.

        ``display`` (LaTeX) replaces ``lhs`` in the rendering, e.g. to show an
        unevaluated product whose value sympy would print like the other side.
        """
        try:
            ok, residual, method = simplifies_to_zero(_expression(lhs, "lhs") - _expression(rhs, "rhs"))
        except Exception as exc:  # a failure to compute is a failed step
            ok, residual, method = False, None, f"error: {exc}"
        method = f"{method}: lhs - rhs = 0" if ok else f"lhs - rhs simplifies to {residual}, not 0"
        step = Step(title, "identity", lhs if display is None else display, rhs, ok, method, residual, note)
        self.steps.append(step)
        return step

    def sum_identity(self, title: str, lhs, rhs, note: str = "", display=None) -> Step:
        """Assert equality of two sums (:func:`sums_equal`: re-indexing, term-by-term simplification)."""
        try:
            ok, how = sums_equal(lhs, rhs)
        except Exception as exc:
            ok, how = False, f"error: {exc}"
        step = Step(title, "identity", lhs if display is None else display, rhs, ok,
                    how if ok else f"not proved: {how}", None, note)
        self.steps.append(step)
        return step

    def assert_that(self, title: str, passed: bool, cases: int, detail: str, route: str = "check",
                    unit: str = "cases") -> Check:
        """Record a boolean exact check (e.g. a bijection verified on ``cases`` objects, counted in ``unit``)."""
        chk = Check(title, route, {detail: int(cases)}, [], [] if passed else [detail], unit=unit, count=int(cases))
        if passed and cases <= 0:
            chk.failures.append("no cases checked")
        self.checks.append(chk)
        return chk

    def compare(self, title: str, cases, claim, routes, note: str = "") -> Check:
        """Compare the claimed value with independent routes on every case.

        ``claim`` and each of ``routes`` are ``(name, fn)`` with ``fn(*case)``
        returning an int, or ``None`` when the route is not used on that case
        (e.g. above an enumeration limit).  A case passes when the claimed
        value is an integer, at least one route was used, and every route
        used agrees with it exactly.
        """
        t0 = time.perf_counter()
        claim_name, claim_fn = claim
        chk = Check(title, claim_name, {name: 0 for name, _ in routes}, note=note)
        for case in cases:
            case = tuple(case)
            row = {}
            try:
                want = _as_int(claim_fn(*case))
            except Exception as exc:
                chk.failures.append(f"{case}: claim raised {exc!r}")
                continue
            row[claim_name] = want
            used = 0
            for name, fn in routes:
                t_route = time.perf_counter()
                try:
                    got = fn(*case)
                except Exception as exc:
                    chk.failures.append(f"{case}: route {name} raised {exc!r}")
                    continue
                finally:
                    chk.route_seconds[name] = chk.route_seconds.get(name, 0.0) + time.perf_counter() - t_route
                if got is None:
                    continue
                got = _as_int(got)
                used += 1
                chk.route_cases[name] += 1
                row[name] = got
                if want is None or got != want:
                    chk.failures.append(f"{case}: {claim_name} = {want} but {name} = {got}")
            if used == 0:
                chk.failures.append(f"{case}: no independent route was used")
            chk.cases.append((case, row))
        chk.seconds = time.perf_counter() - t0
        self.checks.append(chk)
        return chk

    def table(self, caption: str, latex_tabular: str) -> None:
        """Attach a LaTeX ``tabular`` (e.g. the verified values) to the fragment."""
        self.tables.append((caption, latex_tabular))

    def error(self, message: str) -> None:
        """Record an error that prevented part of the proof (makes the verdict False)."""
        self.errors.append(message)

    def finish(self) -> Proof:
        """Stop the clock; returns ``self``."""
        self.seconds = time.perf_counter() - self._t0
        return self

    # -- results -----------------------------------------------------------
    @property
    def verdict(self) -> bool:
        """True iff every step and check passed, with at least one symbolic identity and one check."""
        identities = [s for s in self.steps if s.kind == "identity"]
        return (
            not self.errors
            and bool(identities)
            and bool(self.checks)
            and all(s.passed is not False for s in self.steps)
            and all(c.passed for c in self.checks)
        )

    def __bool__(self) -> bool:
        return self.verdict

    @property
    def reading_label(self) -> str:
        if self.activation_class is not None and self.reading is None:
            return f"activation class {self.activation_class}: R1, R2, crit"
        return "reading-independent" if self.reading is None else _short_name(self.reading)

    def failed_items(self) -> list[str]:
        items = list(self.errors)
        items += [f"step '{_plain(s.title)}'" for s in self.steps if s.passed is False]
        items += [f"check '{_plain(c.title)}'" for c in self.checks if not c.passed]
        if not any(s.kind == "identity" for s in self.steps):
            items.append("no symbolic identity")
        if not self.checks:
            items.append("no exact check")
        return items

    def verdict_line(self) -> str:
        """One line: VERIFIED/FAILED, name, reading, claim, evidence, time."""
        evidence = self.evidence()
        head = "VERIFIED" if self.verdict else "FAILED"
        line = f"{head} {self.name} [{self.reading_label}]: {self.claim} ({evidence}; {self.seconds:.1f} s)"
        if not self.verdict:
            line += " -- failed: " + "; ".join(self.failed_items())
        return line

    def to_json(self) -> dict:
        """A JSON-serialisable record: name, claim, zero_type, reading, verdict, seconds, evidence, steps and checks.

        As in every JSON output of the package, ``zero_type`` is the reading's name (singletons,
        groups, ...) and ``reading`` its short name (R1, R2, ...); both ``None`` for a
        reading-independent claim.
        """
        out = {
            "name": self.name,
            "claim": self.claim,
            "zero_type": self.reading,
            "reading": None if self.reading is None else _short_name(self.reading),
            "verdict": self.verdict,
            "seconds": round(self.seconds, 3),
            "evidence": self.evidence(),
            "steps": [{"title": _plain(s.title), "kind": s.kind, "passed": s.passed, "method": s.method,
                       "latex": s.equation_latex} for s in self.steps],
            "checks": [{"title": _plain(c.title), "unit": c.unit, "count": c.case_count, "passed": c.passed,
                        "routes": dict(c.route_cases), "failures": list(c.failures[:10]), "note": c.note}
                       for c in self.checks],
            "errors": list(self.errors),
        }
        if self.activation_class is not None:
            out["activation_class"] = self.activation_class
        return out

    def summary(self) -> str:
        """Multi-line plain-text account of all steps and checks."""
        lines = [self.verdict_line(), f"claim: {self.claim}"]
        lines += ["steps:"] + [f"  {i}. {s}" for i, s in enumerate(self.steps, 1)]
        lines += ["checks:"] + [f"  {c}" + (f" -- {c.note}" if c.note else "") for c in self.checks]
        lines += [f"error: {e}" for e in self.errors]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.verdict_line()

    def __repr__(self) -> str:
        return f"<Proof {self.name} [{self.reading_label}] verdict={self.verdict}>"

    def _latex(self, printer=None) -> str:
        return self.claim_latex or _tex_text(self.claim)

    def _repr_latex_(self) -> str:
        status = r"\text{verified}" if self.verdict else r"\text{NOT verified}"
        reading = _tex_text(self.reading_label)
        return f"$${self._latex()} \\qquad [{status},\\ \\text{{{reading}}}]$$"

    def evidence(self) -> str:
        """Short account of the evidence, e.g. ``8/8 symbolic identities, 1 exact check on 39 cases``."""
        n_id = sum(1 for s in self.steps if s.kind == "identity")
        n_ok = sum(1 for s in self.steps if s.kind == "identity" and s.passed)
        units: dict = {}
        for c in self.checks:
            units[c.unit] = units.get(c.unit, 0) + c.case_count
        checks = "exact check" if len(self.checks) == 1 else "exact checks"
        on = " + ".join(f"{v} {u}" for u, v in units.items()) or "0 cases"
        text = f"{n_ok}/{n_id} symbolic identities, {len(self.checks)} {checks} on {on}"
        enumerated = [c for c in self.checks if "enumeration" in c.route_cases]
        if enumerated:
            done = sum(c.route_cases["enumeration"] for c in enumerated)
            total = sum(c.case_count for c in enumerated)
            text += f"; labellings enumerated in {done} of {total} cases, the rest by other routes"
        return text

    def latex(self, stirling_macro: str | None = "genfrac", width: float | None = None, fit: bool = False) -> str:
        r"""A LaTeX fragment (requires ``amsmath``) to ``\input`` in a paper.

        Formulas in a readable term order, broken into ``align*`` when they would
        not fit the line (:func:`symbolic_minima.latex_text.display_math`);
        Stirling numbers as ``\genfrac`` (or ``stirling_macro``, a two-argument
        macro of the document, e.g. the report's ``\stirlingII``); ``width``: the line width for
        :func:`~symbolic_minima.latex_text.display_math` (default
        :data:`~symbolic_minima.latex_text.MAX_DISPLAY_WIDTH`); ``fit``: scale a formula that cannot be
        broken down to the line width (then the fragment also needs graphicx; the report sets it).
        """
        from .latex_text import MAX_DISPLAY_WIDTH, display_math, latex_code, stirling_braces

        width = MAX_DISPLAY_WIDTH if width is None else width

        name = latex_code(self.name)
        reading = (
            "independent of the reading of zero-type neurons"
            if self.reading is None
            else f"reading {_short_name(self.reading)}, " + latex_code(f'zero_type="{self.reading}"')
        )
        if self.activation_class is not None and self.reading is None:
            reading = f"activation class {_tex_text(self.activation_class)}, readings R1, R2 and critical"
        statement = (display_math(stirling_braces(self.claim_latex, stirling_macro), width, fit) if self.claim_latex
                     else _tex_text(self.claim))
        out = [
            f"% Generated by symbolic_minima.proving (proofs/{self.name}.py); requires amsmath"
            + (" and graphicx." if fit else "."),
            # not a run-in \paragraph (an unbreakable box): a ragged paragraph, so long names break
            f"\\medskip{{\\raggedright\\noindent\\textbf{{Claim}} {name} ({reading}).\\par}}",
            statement,
            "",
            "\\paragraph{Derivation (every expression computed by \\texttt{symbolic\\_minima}).}",
            "\\begin{enumerate}",
        ]
        for s in self.steps:
            tag = {"identity": "checked", "derivation": "computed", "lemma": "lemma"}[s.kind]
            if s.passed is False:
                tag = "FAILED"
            method = f" ({tag}: {_tex_text(s.method)})" if s.method and s.kind != "derivation" else f" ({tag})"
            note = f" {_tex_text(s.note)}" if s.note else ""
            out.append(f"\\item {_tex_text(s.title)}.{note}\\emph{{{method}}}")
            if s.lhs is not None:
                out.append(display_math(stirling_braces(s.readable_latex(stirling_macro), stirling_macro), width, fit))
        out.append("\\end{enumerate}")
        out.append("")
        out.append("\\paragraph{Exact checks.}")
        out.append("\\begin{itemize}")
        for c in self.checks:
            if c.count is not None:  # a boolean check (assert_that)
                detail = _tex_text(", ".join(c.route_cases))
                status = "passed" if c.passed else "FAILED"
                out.append(f"\\item {_tex_text(c.title)}: {c.case_count} {_tex_text(c.unit)} ({detail}); {status}.")
                continue
            routes = ", ".join(f"{_tex_text(k)}: {v}" for k, v in c.route_cases.items())
            status = "all agree" if c.passed else f"{len(c.failures)} FAILURE(S), e.g. {_tex_text(c.failures[0])}"
            note = f" {_tex_text(c.note)}" if c.note else ""
            out.append(
                f"\\item {_tex_text(c.title)}: {c.case_count} {_tex_text(c.unit)}; {_tex_text(c.claim_route)} "
                f"compared with {routes} cases; {status}.{note}"
            )
        out.append("\\end{itemize}")
        for caption, tabular in self.tables:
            out.append("")
            out.append(f"\\noindent {_tex_text(caption)}\\\\[2pt]")
            out.append(tabular)
        for e in self.errors:
            out.append(f"\n\\noindent Error: {_tex_text(e)}")
        verdict = "verified" if self.verdict else "NOT verified (" + _tex_text("; ".join(self.failed_items())) + ")"
        out.append("")
        out.append(f"\\noindent\\textbf{{Verdict:}} {verdict}; {_tex_text(self.evidence())}.")
        return "\n".join(out) + "\n"


def _as_int(value):
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError(f"expected an integer value, got {value!r}")
    if isinstance(value, int):
        return value
    value = _expression(value, "value")
    if value.is_Integer:
        return int(value)
    raise TypeError(f"expected an integer value, got {value}")


# ---------------------------------------------------------------------------
# registry
# ---------------------------------------------------------------------------


def proofs_package():
    """The package of the proofs, imported as ``symbolic_minima._proofs``.

    Installed from a wheel, the proofs are the subpackage ``symbolic_minima/_proofs``.
    In a source checkout (or an editable install) the repository's ``proofs/`` folder,
    next to the package, is loaded under that name with :mod:`importlib` (a spec with
    ``submodule_search_locations``, registered in :data:`sys.modules`), so the proof
    modules' relative imports work and ``sys.path`` is never changed.

    >>> proofs_package().__name__
    'symbolic_minima._proofs'
    """
    if PROOFS_PACKAGE in sys.modules:
        return sys.modules[PROOFS_PACKAGE]
    try:
        return importlib.import_module(PROOFS_PACKAGE)
    except ModuleNotFoundError as exc:
        if exc.name != PROOFS_PACKAGE:  # a proof's own import failed: not ours to hide
            raise
    folder = Path(__file__).resolve().parent.parent / "proofs"
    init = folder / "__init__.py"
    if not init.is_file():
        raise ModuleNotFoundError(f"no proofs: neither {PROOFS_PACKAGE} is installed nor {folder} exists",
                                  name=PROOFS_PACKAGE)
    spec = importlib.util.spec_from_file_location(PROOFS_PACKAGE, init, submodule_search_locations=[str(folder)])
    assert spec is not None and spec.loader is not None
    package = importlib.util.module_from_spec(spec)
    sys.modules[PROOFS_PACKAGE] = package
    try:
        spec.loader.exec_module(package)
    except BaseException:
        del sys.modules[PROOFS_PACKAGE]
        raise
    parent, _, child = PROOFS_PACKAGE.rpartition(".")
    setattr(sys.modules[parent], child, package)
    return package


def _proof_modules() -> dict:
    package = proofs_package()
    found = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{PROOFS_PACKAGE}.{info.name}")
        if callable(getattr(module, "prove", None)) and hasattr(module, "CLAIM"):
            found[info.name] = module
    return dict(sorted(found.items()))


def proof_names() -> list[str]:
    """Names of the registered proofs (the modules of ``proofs/``), sorted.

    >>> "t_singletons" in proof_names()
    True
    """
    return list(_proof_modules())


def list_proofs() -> list[ProofInfo]:
    """Every registered proof as a :class:`ProofInfo` (name, claim, reading)."""
    return [ProofInfo(name, mod.CLAIM, _reading_name(getattr(mod, "READING", None)),
                      getattr(mod, "ACTIVATION_CLASS", None))
            for name, mod in _proof_modules().items()]


def run_proof(name: str, **options) -> Proof:
    """Run the proof ``name`` (see :func:`proof_names`) and return its :class:`Proof`.

    ``options`` are passed to the module's ``prove`` (all proofs accept
    ``max_r``, ``extra_m`` and ``enumeration_limit``).  An exception inside
    the proof is recorded as an error, so the verdict is then ``False``.
    """
    modules = _proof_modules()
    if not isinstance(name, str) or name not in modules:
        raise ArgumentValueError(f"proof name must be one of {', '.join(modules)}; got {name!r}")
    unknown = set(options) - set(_OPTION_DEFAULTS)
    if unknown:
        raise ArgumentValueError(f"unknown proof option(s) {', '.join(sorted(unknown))}; allowed: "
                                 + ", ".join(_OPTION_DEFAULTS))
    check_options(**options)  # bad options are bad input (raised), not a failed proof
    from .budget import proof_estimate

    proof_estimate([name], **options).check()  # refused before it starts, not after hours
    try:
        return modules[name].prove(**options)
    except Exception as exc:  # the proof could not be carried out: a failed proof, not a crash
        proof = Proof(name, modules[name].CLAIM, reading=getattr(modules[name], "READING", None),
                      activation_class=getattr(modules[name], "ACTIVATION_CLASS", None))
        proof.error(f"{type(exc).__name__}: {exc}")
        return proof.finish()


def run_all_proofs(**options) -> list[Proof]:
    """Run every registered proof."""
    return [run_proof(name, **options) for name in proof_names()]


def proof_main(prove, argv=None, name: str | None = None) -> int:
    """Command line of a proof module (``python -m proofs.NAME``).

    Prints the verdict line; writes the LaTeX fragment to ``-o FILE``, or to
    standard output after the verdict.  Exit status 0 iff verified.
    """
    parser = argparse.ArgumentParser(prog=f"python -m proofs.{name}" if name else None, description=prove.__doc__)
    parser.add_argument("-o", "--output", metavar="FILE", help="write the LaTeX fragment to FILE")
    parser.add_argument("--max-r", default=None, help="check every r <= MAX_R (default 5)")
    parser.add_argument("--extra-m", default=None, help="check m <= r + EXTRA_M (default 5)")
    parser.add_argument(
        "--enumeration-limit", default=None,
        help="enumerate labellings only when there are at most this many (default in the module)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print every step and check")
    args = parser.parse_args(argv)
    try:
        options = {  # the one integer rule of the command line (errors.parse_integer)
            k: parse_integer(v, f"--{k.replace('_', '-')}")
            for k, v in (("max_r", args.max_r), ("extra_m", args.extra_m),
                         ("enumeration_limit", args.enumeration_limit))
            if v is not None
        }
        check_options(**options)
        from .budget import proof_estimate

        proof_estimate([name or "proof"], **options).check()
        proof = prove(**options)
    except SymbolicMinimaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        print(proof.summary() if args.verbose else proof.verdict_line())
        if args.output:
            from .atomic import write_text

            write_text(args.output, proof.latex())  # atomic: no partial file
        else:
            print(proof.latex())
    except BrokenPipeError:  # e.g. piped into head
        pass
    except OSError as exc:  # an input/output failure: exit status 4, like symbolic-minima
        print(f"error: cannot write {args.output!r}: {exc.strerror}" if exc.strerror else f"error: {exc}",
              file=sys.stderr)
        return 4
    return 0 if proof.verdict else 1


def _write_atomically(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory (no partial file on error)."""
    import os
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=".proof-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as open() would have created it
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


_OPTION_DEFAULTS = {"max_r": 5, "extra_m": 5, "enumeration_limit": 150_000}


def check_options(max_r=5, extra_m=5, enumeration_limit=150_000) -> tuple[int, int, int]:
    """Validate the common options of the proofs (helper for the proof modules)."""
    max_r = check_int(max_r, "max_r", minimum=1, maximum=12)
    extra_m = check_int(extra_m, "extra_m", minimum=0, maximum=30)
    enumeration_limit = check_int(enumeration_limit, "enumeration_limit", minimum=0, maximum=10**9)
    return max_r, extra_m, enumeration_limit
