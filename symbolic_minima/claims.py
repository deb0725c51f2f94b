r"""Decide a user's claim about :math:`T` and :math:`G` for all sizes, with a certificate.

(See the mathematical reference, 'Claims for all sizes'.)

A finite check is a proof only when a theorem says which finite checks
suffice.  :func:`decide` finds the theorem that applies to a claim of the
claim language (:mod:`symbolic_minima.claim_language`), reduces the claim to
finitely many exact evaluations or to a symbolic identity, runs them, and
returns a :class:`Verdict` whose :class:`Certificate` records the theorem,
the bound and how it was derived, and every value checked.

**Fixed r** (the claim depends on ``m`` only).  For a numeric ``a`` the EGFs
of :math:`T_{\mathrm{R1}}(a,\cdot)` and :math:`G(a,\cdot)` are polynomials in
:math:`e^x` (from :mod:`symbolic_minima.species`), so
:math:`T_{\mathrm{R1}}(a,n)=\sum_b c_b\,b^n` (:math:`n \ge 1`), a finite sum.
If each side of the claim is such an *exponential polynomial*
:math:`\sum_b p_b(m)\,b^m` (the sides are expanded exactly; a term
:math:`p(m)b^m` with :math:`\deg p=d` is a root :math:`b` of multiplicity
:math:`d+1`), the difference satisfies the linear recurrence with constant
coefficients whose characteristic polynomial is the least common multiple
:math:`\prod_b (x-b)^{k_b}` of the two sides' ones, of order
:math:`N=\sum_b k_b`.  A solution of an order-:math:`N` recurrence that
vanishes on :math:`N` consecutive values vanishes from there on: the claim
holds for every :math:`m \ge m_0` iff it holds for
:math:`m=m_0,\dots,m_0+N-1`.

**Fixed h** (the claim depends on ``r`` only, e.g. after ``m = r + h``).
:math:`T(n,n+h)/n!` (both readings) and :math:`G(n,n+h)/n!` are polynomials
in :math:`n` of degree at most :math:`2h` (lemma in the certificate).  If the
difference of the two sides is :math:`(r!)^e\,N(r)/Q(r)` with polynomials
whose degree can be bounded (each ``T``/``G`` term and every other term of
the form :math:`r!^e` times a rational function of ``r``), then
:math:`\deg N \le d`, and :math:`N` vanishes identically iff it vanishes at
:math:`d+1` integers: the claim is checked at :math:`d+1` values of
:math:`r \ge r_0` where :math:`Q \ne 0`, and directly at the integer roots of
:math:`Q`.

**Zero-sum groups** (reading R2, Bell numbers).
:math:`e^{e^x-1}` satisfies no such recurrence, and no finite number of
checks is used.  A claim that is a linear combination of
:math:`p(m)\,T_{\mathrm{R2}}(a, m+s)`, :math:`p(m)\,B_{m+s}` and exponential
polynomials is turned into one EGF, a polynomial in :math:`x`,
:math:`e^{\beta x}` and :math:`Z=e^{e^x-1}` (:math:`Z'=e^xZ`; these
functions are algebraically independent, as :math:`Z` outgrows every
:math:`x^ie^{\beta x}`).  The claim holds for every :math:`m \ge m_0` iff the
:math:`m_0`-th derivative of that EGF is the zero polynomial.

**Activation classes** (``activation=``, a class or activation name, see
:mod:`symbolic_minima.activation_classes`): ``T`` and ``G`` are the counts of
the class.  Its R1 and critical EGFs are polynomials in :math:`e^x` (with
:math:`e^{2x}` in the sign classes), so the fixed-r theorem applies unchanged;
its groups EGFs are polynomials in :math:`x`, :math:`e^{\beta x}` and
:math:`Z=\exp(\gamma(e^{cx}-1))` (:math:`Z'=\gamma c\,e^{cx}Z`; for the sign
classes :math:`Z=e^{(e^{2x}-1)/2}`), decided by the EGF identity; and for
fixed h, :math:`T(r,r+h)=c^r(r+h)!\,P_h(r)` with :math:`\deg P_h\le h`
(:math:`e^{cx}-1=cx(1+g)`, :math:`g=O(x)`: the binomial series of
:math:`(1+g)^r`; proved with the exact checks by ``symbolic-minima prove
class_<name>``), so :math:`T/(c^r\,r!)` has degree at most :math:`2h` and
the degree theorem applies to claims of the form :math:`(c^r\,r!)^e` times a
rational function of ``r``.

Anything else is **undecided**: no theorem applies, and a bounded search for
a counterexample (a deterministic grid, then hypothesis when installed) is
reported as evidence, never as a proof.  A counterexample found by exact
evaluation refutes a claim in every regime.

>>> decide("T(r, r+1) == factorial(r+1)*(r+2)/2").verdict
'proved'
>>> v = decide("G(3, m) == 3^m - 3*2^m + 3")
>>> v.verdict, v.method, v.certificate.bound, v.certificate.start
('proved', 'recurrence order (fixed r)', 3, 3)
>>> v = decide("T(2, m) == 3^m")
>>> v.verdict, v.counterexample.at, v.counterexample.left, v.counterexample.right
('refuted', {'m': 2}, Fraction(2, 1), Fraction(9, 1))
>>> decide("T(1, m) == bell(m+1) - bell(m)", zero_type="R2").method
'EGF identity (zero-sum groups)'
>>> decide("T(1, m) == 4^m - 2^m", activation="tanh").verdict
'proved'
>>> decide("T(r, r) == 2^r*factorial(r)", activation="odd", h=0).verdict
'proved'
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction

import sympy

from .bigint import int_to_str
from .claim_language import Claim, CountFunction, EvaluationError, M, R, as_claim
from .errors import ArgumentValueError, check_int
from .readings import DEFAULT_ZERO_TYPE, GENERIC, check_zero_type, critical_reading, get_reading, reading_name
from .stirling import StirlingS2

__all__ = [
    "ACTIVATIONS",
    "DEFAULT_BUDGET",
    "DEFAULT_SEARCH_EXAMPLES",
    "EXIT_STATUS",
    "MAX_BUDGET",
    "VERDICTS",
    "Certificate",
    "CheckedValue",
    "Verdict",
    "decide",
]

#: The activation classes claims are decided for (activation names such as ``"tanh"`` are accepted too).
ACTIVATIONS = ("generic", "zero-at-origin", "odd", "even", "even-zero-at-origin")
#: The three outcomes.
VERDICTS = ("proved", "refuted", "undecided")
#: Exit status of ``symbolic-minima claim`` for each outcome (2 is bad input).
EXIT_STATUS = {"proved": 0, "refuted": 1, "undecided": 3}
#: Default largest number of exact evaluations of the claim.
DEFAULT_BUDGET = 1000
#: Largest budget accepted.
MAX_BUDGET = 100_000
#: Default number of examples of the hypothesis search of an undecided claim.
DEFAULT_SEARCH_EXAMPLES = 100

_METHOD_CONSTANT = "exact evaluation"
_METHOD_RECURRENCE = "recurrence order (fixed r)"
_METHOD_DEGREE = "polynomial degree (fixed h)"
_METHOD_EGF = "EGF identity (zero-sum groups)"
_METHOD_SEARCH = "counterexample search"

#: Largest numeric first argument of T or G expanded as an exponential polynomial.
_MAX_EXPANDED_R = 200
#: Largest lower index of binomial(n, k) expanded as a polynomial.
_MAX_BINOMIAL_EXPANSION = 200
#: Largest number of coefficients an exact expansion may hold.
_MAX_FORM_SIZE = 20_000
_GRID_1D = 25
_GRID_R, _GRID_M = 6, 12


class _OutOfScope(Exception):
    """The claim is not of the form a theorem needs (the reason is the message)."""


# =========================================================================== values and certificates


def _value_json(value):
    if value is None:
        return None
    if value.denominator == 1:
        return int(value)
    return f"{value.numerator}/{value.denominator}"


def _value_text(value) -> str:
    if value is None:
        return "undefined"
    if value.denominator == 1:
        return int_to_str(value.numerator)
    return f"{int_to_str(value.numerator)}/{int_to_str(value.denominator)}"


def _value_latex(value) -> str:
    if value is None:
        return r"\text{undefined}"
    if value.denominator == 1:
        return int_to_str(value.numerator)
    sign = "-" if value < 0 else ""
    return rf"{sign}\frac{{{int_to_str(abs(value.numerator))}}}{{{int_to_str(value.denominator)}}}"


@dataclass(frozen=True)
class CheckedValue:
    """Both sides of a claim evaluated exactly at one point.

    ``at`` maps ``"r"``/``"m"`` to integers; ``left``/``right`` are
    ``Fraction`` or ``None`` (no value there, ``note`` says why).
    """

    at: dict
    left: Fraction | None
    right: Fraction | None
    note: str = ""

    @property
    def holds(self) -> bool:
        """Whether both sides have a value and the values are equal."""
        return self.left is not None and self.right is not None and self.left == self.right

    def to_json(self) -> dict:
        """``{"r"/"m": .., "left": .., "right": .., "holds": ..}`` (rationals as ``"p/q"``; ``"note"`` if any)."""
        out = dict(self.at)
        out.update(left=_value_json(self.left), right=_value_json(self.right), holds=self.holds)
        if self.note:
            out["note"] = self.note
        return out

    def point_text(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.at.items()) or "(no variable)"

    def __str__(self) -> str:
        relation = "==" if self.holds else "!="
        note = f" ({self.note})" if self.note else ""
        return f"{self.point_text()}: {_value_text(self.left)} {relation} {_value_text(self.right)}{note}"


def _sentence(text: str) -> str:
    """``text`` with a capital first letter and a final full stop."""
    text = str(text).strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def _tex_escape(text: str) -> str:
    out = []
    for ch in str(text):
        if ch in "&%#_{}$":
            out.append("\\" + ch)
        elif ch == "~":
            out.append(r"\textasciitilde{}")
        elif ch == "^":
            out.append(r"\textasciicircum{}")
        elif ch == "\\":
            out.append(r"\textbackslash{}")
        elif ch == "<":
            out.append(r"$<$")
        elif ch == ">":
            out.append(r"$>$")
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Certificate:
    r"""The evidence behind a :class:`Verdict`.

    Attributes
    ----------
    theorem, theorem_latex : str
        The theorem used (plain text / LaTeX), or why none applies.
    bound : int or None
        The number of consecutive values the theorem needs (recurrence order,
        or degree + 1 values), ``None`` for an EGF identity or a search.
    bound_derivation, bound_derivation_latex : str
        How the bound was derived (characteristic roots, degrees).
    checked : list of CheckedValue
        Every value evaluated, in order.
    identity, identity_latex : str or None
        The EGF identity reduced to 0 (zero-sum groups regime).
    counterexample : CheckedValue or None
        The first value where the claim fails.
    reason : str
        Why the claim is undecided (or a note on a refutation).
    search : str
        The counterexample search that was run, if any.
    cross_checks : list of str
        Independent consistency checks of the derivation (not part of the proof).
    """

    claim: Claim
    verdict: str
    method: str
    zero_type: str
    activation: str
    variable: str | None
    start: int | None
    fixed: dict = field(default_factory=dict)
    theorem: str = ""
    theorem_latex: str = ""
    bound: int | None = None
    bound_derivation: str = ""
    bound_derivation_latex: str = ""
    checked: list = field(default_factory=list)
    identity: str | None = None
    identity_latex: str | None = None
    counterexample: CheckedValue | None = None
    reason: str = ""
    search: str = ""
    cross_checks: list = field(default_factory=list)

    # -- text ------------------------------------------------------------
    def scope_text(self) -> str:
        """``for every integer m >= 3`` (or the two-variable / constant equivalent)."""
        if self.variable is None:
            return ""
        if "," in self.variable:
            return "for all integers r, m in the claim's domain"
        return f"for every integer {self.variable} >= {self.start}"

    def reading_text(self) -> str:
        return f'reading {reading_name(self.zero_type)} (zero_type="{self.zero_type}"), activation {self.activation}'

    def summary(self) -> str:
        """Several lines of plain text: verdict, theorem, bound, values checked, counterexample."""
        fixed = "".join(f", {k} = {v}" for k, v in self.fixed.items())
        head = f"{self.verdict.upper()}: {self.claim.text}"
        scope = self.scope_text()
        if scope:
            head += f"  [{scope}{fixed}]"
        lines = [head, f"method: {self.method}; {self.reading_text()}"]
        if self.reason:
            lines.append(f"reason: {self.reason}")
        if self.theorem:
            lines.append(f"theorem: {self.theorem}")
        if self.bound is not None:
            lines.append(f"bound: {self.bound} value(s): {self.bound_derivation}")
        elif self.bound_derivation:
            lines.append(f"derivation: {self.bound_derivation}")
        if self.identity:
            lines.append(f"identity: {self.identity}")
        if self.checked:
            shown = self.checked if len(self.checked) <= 12 else self.checked[:10]
            more = "" if len(shown) == len(self.checked) else f"; ... ({len(self.checked) - 10} more)"
            lines.append(f"checked {len(self.checked)} value(s): " + "; ".join(map(str, shown)) + more)
        if self.counterexample is not None:
            lines.append(f"counterexample: {self.counterexample}")
        if self.search:
            lines.append(f"search: {self.search}")
        for note in self.cross_checks:
            lines.append(f"cross-check: {note}")
        return "\n".join(lines)

    def to_json(self) -> dict:
        """Every field as JSON-serialisable values (exact numbers as ints or ``"p/q"`` strings)."""
        return {
            "claim": self.claim.text,
            "verdict": self.verdict,
            "method": self.method,
            "zero_type": self.zero_type,
            "reading": reading_name(self.zero_type),
            "activation": self.activation,
            "variable": self.variable,
            "start": self.start,
            "fixed": dict(self.fixed),
            "theorem": self.theorem,
            "bound": self.bound,
            "bound_derivation": self.bound_derivation,
            "identity": self.identity,
            "checked": [c.to_json() for c in self.checked],
            "counterexample": None if self.counterexample is None else self.counterexample.to_json(),
            "reason": self.reason,
            "search": self.search,
            "cross_checks": list(self.cross_checks),
        }

    # -- LaTeX -----------------------------------------------------------
    def _latex(self, printer=None) -> str:
        return self.claim.latex(self.zero_type, self.activation)

    def _repr_latex_(self) -> str:
        return rf"$${self._latex()} \qquad [\text{{{self.verdict}}}]$$"

    def latex(self) -> str:
        r"""A LaTeX fragment (needs ``amsmath``) to ``\input`` in a paper's appendix."""
        scope = ""
        if self.variable is not None and "," not in self.variable:
            scope = f"For every integer ${self.variable} \\ge {self.start}$"
            scope += "".join(f", ${k} = {v}$" for k, v in self.fixed.items()) + ":"
        elif self.variable is not None:
            scope = "For all integers $r, m$ where both sides are defined:"
        out = [
            "% Generated by symbolic_minima.claims (symbolic-minima claim); requires amsmath.",
            f"\\paragraph{{Claim ({_tex_escape(self.reading_text())}).}} {scope}",
            f"\\[ {self.claim.latex(self.zero_type, self.activation)} \\]",
            "",
            f"\\paragraph{{Verdict: {self.verdict}.}} Method: {_tex_escape(self.method)}.",
        ]
        if self.reason:
            out.append(f"\\emph{{Note.}} {_tex_escape(_sentence(self.reason))}")
            out.append("")
        if self.theorem_latex:
            out.append(f"\\emph{{Theorem.}} {self.theorem_latex}")
            out.append("")
        if self.bound_derivation_latex:
            label = "Bound" if self.bound is not None else "Derivation"
            out.append(f"\\emph{{{label}.}} {self.bound_derivation_latex}")
            out.append("")
        if self.identity_latex:
            out.append(f"\\emph{{Identity.}} {self.identity_latex}")
            out.append("")
        if self.checked:
            rows = self.checked
            if self.verdict == "undecided" and len(rows) > 20:  # evidence: the first values are enough to show
                rows = rows[:20]
            names = list(self.checked[0].at)
            cols = "r" * (len(names) + 3)
            out.append(f"\\emph{{Values checked by exact evaluation ({len(self.checked)}).}}")
            out.append("\\begin{center}")
            out.append(f"\\begin{{tabular}}{{{cols}}}")
            out.append(" & ".join(f"${n}$" for n in names) + " & left & right & \\\\ \\hline")
            for c in rows:
                mark = "$=$" if c.holds else "$\\ne$"
                cells = [str(c.at[n]) for n in names]
                cells += [f"${_value_latex(c.left)}$", f"${_value_latex(c.right)}$", mark]
                out.append(" & ".join(cells) + " \\\\")
            out.append("\\end{tabular}")
            out.append("\\end{center}")
            if len(rows) < len(self.checked):
                out.append(f"(The first {len(rows)} of {len(self.checked)} values; all {len(self.checked)} are in "
                           "the JSON certificate.)")
                out.append("")
        if self.counterexample is not None:
            c = self.counterexample
            point = ", ".join(f"${k} = {v}$" for k, v in c.at.items())
            note = f" ({_tex_escape(c.note)})" if c.note else ""
            out.append(
                f"\\emph{{Counterexample.}} At {point}: left $= {_value_latex(c.left)}$, "
                f"right $= {_value_latex(c.right)}$.{note}"
            )
            out.append("")
        if self.search:
            out.append(f"\\emph{{Search.}} {_tex_escape(_sentence(self.search))}")
            out.append("")
        for note in self.cross_checks:
            out.append(f"\\emph{{Cross-check (not part of the proof).}} {_tex_escape(_sentence(note))}")
            out.append("")
        return "\n".join(out).rstrip("\n") + "\n"


class Verdict:
    r"""The outcome of :func:`decide`: ``verdict`` is ``"proved"``, ``"refuted"`` or ``"undecided"``.

    ``certificate`` holds the evidence; ``method``, ``checked`` and
    ``counterexample`` are its fields.  ``to_json()`` gives the keys of
    ``symbolic-minima claim --json`` (``verdict``, ``method``, ``checked``,
    ``counterexample``, and the whole ``certificate``); ``latex()`` the
    fragment to ``\input``; ``exit_status`` the command's exit status.
    """

    def __init__(self, certificate: Certificate):
        self.certificate = certificate

    verdict = property(lambda self: self.certificate.verdict, doc="``'proved'``, ``'refuted'`` or ``'undecided'``.")
    method = property(lambda self: self.certificate.method, doc="The theorem or procedure used.")
    checked = property(lambda self: self.certificate.checked, doc="Every :class:`CheckedValue` evaluated.")
    counterexample = property(lambda self: self.certificate.counterexample, doc="The counterexample, if any.")
    claim = property(lambda self: self.certificate.claim, doc="The :class:`~symbolic_minima.claim_language.Claim`.")
    proved = property(lambda self: self.verdict == "proved", doc="Whether the claim was proved.")
    refuted = property(lambda self: self.verdict == "refuted", doc="Whether the claim was refuted.")
    undecided = property(lambda self: self.verdict == "undecided", doc="Whether no decision was reached.")

    @property
    def exit_status(self) -> int:
        """0 proved, 1 refuted, 3 undecided."""
        return EXIT_STATUS[self.verdict]

    def to_json(self) -> dict:
        """``{"verdict", "method", "checked", "counterexample", "certificate"}``."""
        cert = self.certificate.to_json()
        return {
            "verdict": cert["verdict"],
            "method": cert["method"],
            "checked": cert["checked"],
            "counterexample": cert["counterexample"],
            "certificate": cert,
        }

    def summary(self) -> str:
        """Plain-text account (see :meth:`Certificate.summary`)."""
        return self.certificate.summary()

    def latex(self) -> str:
        """The LaTeX fragment of the certificate (see :meth:`Certificate.latex`)."""
        return self.certificate.latex()

    def write_latex(self, path) -> None:
        """Write :meth:`latex` to ``path`` atomically (temporary file in the same directory, then rename)."""
        _write_atomically(path, self.latex())

    def _latex(self, printer=None) -> str:
        return self.certificate._latex(printer)

    def _repr_latex_(self) -> str:
        return self.certificate._repr_latex_()

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        return f"<Verdict {self.verdict}: {self.claim.text} [{self.method}]>"


def _write_atomically(path, text: str) -> None:
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".claim-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# =========================================================================== shared machinery


class _Context:
    """Options of one decision, the evaluation cache and the count of evaluations."""

    def __init__(self, claim: Claim, zero_type: str, budget: int, activation: str = GENERIC):
        self.claim = claim
        self.zero_type = zero_type
        self.budget = budget
        self.activation = activation
        #: ``(c, gamma)`` of the Z = exp(gamma (e^{cx} - 1)) of the EGF ring (set by the first EGF that has one)
        self.z: tuple | None = None
        self.cache: dict = {}
        self.evaluations = 0
        self.bounds: list = []  # lower bounds on the variable for the expansions to be valid
        self.poles: list = []  # every polynomial divided by (fixed h), before cancellation
        self.notes: list = []  # (plain, latex) derivation notes
        self._egf_rings: dict = {}
        self.search_examples = DEFAULT_SEARCH_EXAMPLES

    def constant(self, expr) -> Fraction:
        from .claim_language import evaluate

        return evaluate(expr, {}, self.zero_type, self.cache, self._class())

    def _class(self):
        return None if self.activation == GENERIC else self.activation

    def check(self, at: dict) -> CheckedValue:
        """Evaluate both sides at ``at``; raises EvaluationError for a domain error or an oversized value."""
        self.evaluations += 1
        from .claim_language import evaluate

        values: dict = {}
        notes = []
        for side, expr in (("left", self.claim.lhs), ("right", self.claim.rhs)):
            try:
                values[side] = evaluate(expr, at, self.zero_type, self.cache, self._class())
            except EvaluationError as exc:
                if exc.kind in ("domain", "too large", "not exact"):
                    raise
                values[side] = None
                notes.append(f"{side} side undefined: {exc}")
        return CheckedValue(dict(at), values["left"], values["right"], "; ".join(notes))

    def ring(self, kind: str, a: int) -> dict:
        """The EGF of ``T(a, .)`` (this reading and class), ``G(a, .)`` or the Bell numbers as a ring element."""
        key = (kind, a)
        if key not in self._egf_rings:
            if kind == "T":
                egf = get_reading(self.zero_type, self.activation).species(a).egf()
            elif kind == "G":
                egf = critical_reading(self.activation).species(a).egf()
            elif kind == "S":  # a! S(n, a): the surjections of the generic class
                egf = critical_reading(GENERIC).species(a).egf()
            else:
                egf = sympy.exp(sympy.exp(_X) - 1)
            self._egf_rings[key] = (_g_from_sympy(egf, self), egf)
        return self._egf_rings[key][0]

    @property
    def reading(self):
        """The global-minimum reading ``T`` counts in (this zero type and class)."""
        return get_reading(self.zero_type, self.activation)

    def count_base(self, kind: str) -> int:
        """``c`` of the class's replica blocks e^{cx} - 1 for ``T`` (this reading) or ``G``: 1, or 2 with signs."""
        from .counting import shape_of_roles

        shape = shape_of_roles(self.reading if kind == "T" else critical_reading(self.activation))
        assert shape is not None  # every registered reading of a class has the shape (tests)
        return shape.c

    def egf_expression(self, kind: str, a: int):
        self.ring(kind, a)
        return self._egf_rings[(kind, a)][1]


def _quantity_name(kind: str, zero_type: str, activation: str = GENERIC) -> str:
    name = f"T_{reading_name(zero_type)}" if kind == "T" else kind
    return name if activation == GENERIC else f"{name}^{activation}"


def _quantity_latex(kind: str, zero_type: str, activation: str = GENERIC) -> str:
    name = rf"T_{{\mathrm{{{reading_name(zero_type)}}}}}" if kind == "T" else kind
    return name if activation == GENERIC else rf"{name}^{{\mathrm{{{activation}}}}}"


def _rational(value: Fraction):
    return sympy.Rational(value.numerator, value.denominator)


def _ceil_div(a: int, b: int) -> int:
    return -((-a) // b)


# --------------------------------------------------------------------------- domain of a claim


def _walk(expr):
    yield expr
    for a in expr.args:
        yield from _walk(a)


def _domain_start(claim: Claim, variable: str) -> int:
    """Smallest value of ``variable`` (at least 1) from which every T, G, factorial and bell is defined.

    Raises ArgumentValueError when some term is never defined, or only for finitely many values.
    """
    symbol = R if variable == "r" else M
    start = 1
    for side in (claim.lhs, claim.rhs):
        for node in _walk(side):
            constraints = []
            if isinstance(node, CountFunction):
                a, n = node.args
                constraints = [(a - 1, f"{node}"), (n - a, f"{node}")]
            elif node.func in (sympy.factorial, sympy.bell):
                constraints = [(node.args[0], f"{node}")]
            for expr, what in constraints:
                expr = sympy.expand(expr)
                if not expr.free_symbols:
                    if expr < 0:
                        raise ArgumentValueError(f"claim: {what} is never defined (T and G need 1 <= r <= m, "
                                                 "factorial and bell a non-negative integer)")
                    continue
                if expr.free_symbols != {symbol} or not expr.is_polynomial(symbol):
                    continue
                poly = sympy.Poly(expr, symbol)
                if poly.degree() != 1:
                    continue
                k, c = (sympy.Rational(v) for v in poly.all_coeffs())
                if k < 0:
                    raise ArgumentValueError(f"claim: {what} is defined only for finitely many {variable}; "
                                             "claims are about all large sizes")
                start = max(start, int(sympy.ceiling(-c / k)))
    return start


# =========================================================================== polynomials in m (Fraction lists)


def _p_trim(p: list) -> list:
    while p and p[-1] == 0:
        p.pop()
    return p


def _p_add(p: list, q: list, sign: int = 1) -> list:
    n = max(len(p), len(q))
    return _p_trim([(p[i] if i < len(p) else 0) + sign * (q[i] if i < len(q) else 0) for i in range(n)])


def _p_mul(p: list, q: list) -> list:
    if not p or not q:
        return []
    out = [Fraction(0)] * (len(p) + len(q) - 1)
    for i, a in enumerate(p):
        if a:
            for j, b in enumerate(q):
                out[i + j] += a * b
    return _p_trim(out)


def _p_eval(p: list, x) -> Fraction:
    total = Fraction(0)
    for c in reversed(p):
        total = total * x + c
    return total


def _p_shift(p: list, t: int) -> list:
    """``p(m + t)``."""
    out: list = []
    for c in reversed(p):
        out = _p_add(_p_mul(out, [Fraction(t), Fraction(1)]), [c])
    return out


# =========================================================================== exponential polynomials in m


def _f_add(f: dict, g: dict, sign: int = 1) -> dict:
    out = dict(f)
    for key, p in g.items():
        q = _p_add(out.get(key, []), p, sign)
        if q:
            out[key] = q
        else:
            out.pop(key, None)
    return out


def _f_size(f: dict) -> int:
    return sum(len(p) for p in f.values())


def _f_mul(f: dict, g: dict) -> dict:
    out: dict = {}
    for (b1, s1), p in f.items():
        for (b2, s2), q in g.items():
            if s1 is not None and s2 is not None:
                raise _OutOfScope("a product of two counting sequences (T, bell) is not a linear combination")
            key = (b1 * b2, s1 if s1 is not None else s2)
            out = _f_add(out, {key: _p_mul(p, q)})
            if _f_size(out) > _MAX_FORM_SIZE:
                raise _OutOfScope("the exact expansion of the claim is too large")
    return out


def _f_const(c: Fraction) -> dict:
    return {(Fraction(1), None): [Fraction(c)]} if c else {}


def _f_pow(f: dict, e: int) -> dict:
    out = _f_const(Fraction(1))
    base = f
    while e:
        if e & 1:
            out = _f_mul(out, base)
        e >>= 1
        if e:
            base = _f_mul(base, base)
    return out


def _f_eval(f: dict, m: int) -> Fraction:
    total = Fraction(0)
    for (b, seq), p in f.items():
        assert seq is None
        total += _p_eval(p, m) * b**m
    return total


def _linear(form: dict, what: str) -> tuple:
    """``(k, c)`` with ``form == k*v + c`` (integers), else out of scope."""
    if not form:
        return 0, 0
    if set(form) != {(Fraction(1), None)}:
        raise _OutOfScope(f"the argument of {what} is not linear in the variable")
    p = form[(Fraction(1), None)]
    if len(p) > 2 or any(c.denominator != 1 for c in p):
        raise _OutOfScope(f"the argument of {what} is not k*v + c with integers k, c")
    c = int(p[0]) if p else 0
    k = int(p[1]) if len(p) > 1 else 0
    return k, c


def _m_form(expr, ctx: _Context) -> dict:
    """``expr`` (in m) as an exact sum ``{(b, seq): p}`` of ``p(m) b^m [u_seq(m + s)]``; raises _OutOfScope."""
    if not expr.free_symbols:
        try:
            return _f_const(ctx.constant(expr))
        except EvaluationError as exc:
            raise _OutOfScope(f"{expr} has no exact value ({exc})") from None
    if expr == M:
        return {(Fraction(1), None): [Fraction(0), Fraction(1)]}
    if isinstance(expr, sympy.Add):
        out: dict = {}
        for a in expr.args:
            out = _f_add(out, _m_form(a, ctx))
        return out
    if isinstance(expr, sympy.Mul):
        out = _f_const(Fraction(1))
        for a in expr.args:
            out = _f_mul(out, _m_form(a, ctx))
        return out
    if isinstance(expr, sympy.Pow):
        return _m_power(expr, ctx)
    if isinstance(expr, CountFunction):
        return _m_count(expr, ctx)
    if expr.func is StirlingS2:
        n, a = expr.args
        if a.free_symbols:
            raise _OutOfScope("stirling2(n, k) with k depending on m is not an exponential polynomial in m")
        a = int(ctx.constant(a))
        k, c = _m_argument(n, "stirling2", ctx)
        if a <= 0:
            ctx.bounds.append(_ceil_div(1 - c, k))
            return {}
        ctx.bounds.append(_ceil_div(1 - c, k))
        # a! S(n, a) is the generic G(a, n), whatever the activation class of T and G
        return {key: [v / math.factorial(a) for v in p] for key, p in _m_expand("S", a, k, c, ctx).items()}
    if expr.func is sympy.bell:
        k, c = _m_argument(expr.args[0], "bell", ctx)
        if k != 1:
            raise _OutOfScope("bell(k*m + c) with k != 1 has no EGF identity here")
        ctx.bounds.append(-c)
        return {(Fraction(1), ("bell", 0, c)): [Fraction(1)]}
    if expr.func is sympy.binomial:
        n, j = expr.args
        if not j.free_symbols:
            j = int(ctx.constant(j))
        elif not (n - j).free_symbols:
            j = int(ctx.constant(n - j))
            k, c = _m_argument(n, "binomial", ctx)
            ctx.bounds.append(_ceil_div(-c, k))  # binomial(n, n - j) = binomial(n, j) needs n >= 0
        else:
            raise _OutOfScope("binomial(n, k) with k and n - k both depending on m is not an exponential polynomial")
        if j < 0:
            return {}
        if j > _MAX_BINOMIAL_EXPANSION:
            raise _OutOfScope(f"binomial(n, {j}) is too large to expand")
        nf = _m_form(n, ctx)
        out = _f_const(Fraction(1, math.factorial(j)))
        for i in range(j):
            out = _f_mul(out, _f_add(nf, _f_const(Fraction(i)), -1))
        return out
    if expr.func is sympy.factorial:
        raise _OutOfScope(f"{expr} is not a finite sum of c*b^m terms (it grows faster than every exponential)")
    raise _OutOfScope(f"{expr} is not an exponential polynomial in m")


def _m_argument(arg, what: str, ctx: _Context) -> tuple:
    k, c = _linear(_m_form(arg, ctx), what)
    if k < 1:
        raise _OutOfScope(f"the argument of {what} must grow with m")
    return k, c


def _m_power(expr, ctx: _Context) -> dict:
    base, exponent = expr.base, expr.exp
    if not exponent.free_symbols:
        value = ctx.constant(exponent)
        if value.denominator != 1:
            raise _OutOfScope(f"{expr} has a non-integer exponent")
        e = int(value)
        bf = _m_form(base, ctx)
        if e >= 0:
            return _f_pow(bf, e)
        if len(bf) != 1:
            raise _OutOfScope(f"{expr} divides by an expression in m that is not a single c*b^m")
        ((b, seq), p), = bf.items()
        if seq is not None or len(p) != 1:
            raise _OutOfScope(f"{expr} divides by an expression in m that is not a single c*b^m")
        return {(b**e, None): [p[0] ** e]}
    if base.free_symbols:
        raise _OutOfScope(f"{expr} has the variable in its base and its exponent (not a finite sum of c*b^m)")
    b = ctx.constant(base)
    if b == 0:
        raise _OutOfScope(f"{expr}: a power of 0 with a variable exponent")
    k, c = _linear(_m_form(exponent, ctx), f"the exponent of {expr}")
    if b == 1:
        return _f_const(Fraction(1))
    return {(b**k, None): [b**c]}


def _exp_poly_of_ring(ring: dict) -> dict | None:
    """``{beta: c}`` when ``ring`` is a polynomial in e^x (``sum c e^{beta x}``), else None."""
    out = {}
    for (i, beta, k), c in ring.items():
        if i or k:
            return None
        out[beta] = c
    return out


def _m_expand(kind: str, a: int, k: int, c: int, ctx: _Context) -> dict:
    """``T(a, k m + c)`` / ``G(a, k m + c)`` as ``{(b^k, None): [c_b b^c]}`` from the EGF, valid for
    ``k m + c >= 1``."""
    if a > _MAX_EXPANDED_R:
        raise _OutOfScope(f"{kind}({a}, m) has too many terms to expand (r <= {_MAX_EXPANDED_R})")
    ring = ctx.ring(kind, a)
    coefficients = _exp_poly_of_ring(ring)
    if coefficients is None:
        raise _OutOfScope(f"the EGF of {kind}({a}, .) is not a polynomial in e^x")
    out: dict = {}
    for beta, coef in coefficients.items():
        if beta == 0:  # 0^n = 0 for n >= 1
            continue
        out = _f_add(out, {(beta**k, None): [coef * beta**c]})
    if kind == "S":  # a! S(n, a) = G(a, n) of the generic class
        name = _quantity_name("G", ctx.zero_type) + ("" if ctx.activation == GENERIC else "_generic")
        quantity_latex = _quantity_latex("G", ctx.zero_type) + (
            "" if ctx.activation == GENERIC else r"^{\mathrm{generic}}")
    else:
        name = _quantity_name(kind, ctx.zero_type, ctx.activation)
        quantity_latex = _quantity_latex(kind, ctx.zero_type, ctx.activation)
    egf = ctx.egf_expression(kind, a)
    n = sympy.Symbol("n")
    expansion = sympy.Add(*[_rational(v) * sympy.exp(b * _X) for b, v in coefficients.items()])
    closed = sympy.Add(*[_rational(v) * sympy.Integer(b) ** n for b, v in coefficients.items() if b])
    note = (f"EGF of {name}({a}, n) = {sympy.sstr(egf)} = {sympy.sstr(expansion)}, "
            f"so {name}({a}, n) = {sympy.sstr(closed)} for n >= 1")
    note_latex = (rf"$\sum_n {quantity_latex}({a}, n) \frac{{x^n}}{{n!}} = {sympy.latex(egf)}"
                  rf" = {sympy.latex(expansion)}$, so ${quantity_latex}({a}, n) = "
                  rf"{sympy.latex(closed)}$ for $n \ge 1$")
    if (note, note_latex) not in ctx.notes:
        ctx.notes.append((note, note_latex))
    return out


def _m_count(expr, ctx: _Context) -> dict:
    name = expr.func.__name__
    a, n = expr.args
    if a.free_symbols:
        raise _OutOfScope(f"{expr}: the first argument depends on m")
    a = int(ctx.constant(a))
    k, c = _m_argument(n, name, ctx)
    ctx.bounds.append(_ceil_div(max(a, 1) - c, k))
    if name == "T" and ctx.reading.has_groups:
        if a > _MAX_EXPANDED_R:
            raise _OutOfScope(f"{expr}: r is too large to expand the EGF (r <= {_MAX_EXPANDED_R})")
        if k != 1:
            raise _OutOfScope(f"{expr}: T(r, k*m + c) with k != 1 in the groups reading has no EGF identity here")
        return {(Fraction(1), ("T", a, c)): [Fraction(1)]}
    return _m_expand(name, a, k, c, ctx)


def _multiplicities(form: dict) -> dict:
    return {b: len(p) for (b, _), p in form.items()}


def _roots_text(mult: dict) -> str:
    if not mult:
        return "none (the side is 0)"
    return ", ".join(f"{_value_text(b)}" + (f" (x{k})" if k > 1 else "") for b, k in sorted(mult.items(), reverse=True))


# =========================================================================== the EGF ring Q[x, e^{beta x}, Z]

_X = sympy.Symbol("x")


def _g_add(f: dict, g: dict, scale: Fraction = Fraction(1)) -> dict:
    out = dict(f)
    for key, c in g.items():
        v = out.get(key, Fraction(0)) + scale * c
        if v:
            out[key] = v
        else:
            out.pop(key, None)
    return out


def _g_mul(f: dict, g: dict) -> dict:
    out: dict = {}
    for (i1, b1, k1), c1 in f.items():
        for (i2, b2, k2), c2 in g.items():
            out = _g_add(out, {(i1 + i2, b1 + b2, k1 + k2): c1 * c2})
    return out


#: The Z of the generic class and of the Bell numbers: exp(1 * (e^{1 x} - 1)).
_BELL_Z = (1, Fraction(1))


def _g_deriv(f: dict, z: tuple | None = None) -> dict:
    """The derivative, with ``Z = exp(gamma (e^{cx} - 1))``, ``z = (c, gamma)``: ``Z' = gamma c e^{cx} Z``."""
    c, gamma = _BELL_Z if z is None else z
    out: dict = {}
    for (i, beta, k), coef in f.items():
        if i:
            out = _g_add(out, {(i - 1, beta, k): coef * i})
        if beta:
            out = _g_add(out, {(i, beta, k): coef * beta})
        if k:
            out = _g_add(out, {(i, beta + c, k): coef * k * gamma * c})
    return out


def _g_theta(f: dict, z: tuple | None = None) -> dict:
    return {(i + 1, beta, k): c for (i, beta, k), c in _g_deriv(f, z).items()}


def _rational_of(value) -> Fraction | None:
    value = sympy.nsimplify(value) if not value.is_Rational else value
    return Fraction(int(value.p), int(value.q)) if value.is_Rational else None


def _g_exp(arg, ctx) -> dict:
    """``exp(arg)`` as a ring element: ``arg = c0 + beta x + g e^{cx}`` with ``exp(g(e^{cx} - 1)) = Z^k``."""
    c0, beta, exps = Fraction(0), Fraction(0), []
    for term in sympy.Add.make_args(sympy.expand(arg)):
        if not term.has(_X):
            value = _rational_of(term)
            if value is None:
                raise _OutOfScope(f"exp({arg}) has a constant that is not rational")
            c0 += value
            continue
        ratio = sympy.simplify(term / _X)
        linear = None if ratio.has(_X) else _rational_of(ratio)
        if linear is not None:
            beta += linear
            continue
        coefficient, rest = term.as_independent(_X, as_Add=False)
        rate = sympy.simplify(rest.args[0] / _X) if isinstance(rest, sympy.exp) else None
        scale = _rational_of(coefficient)
        if rate is None or not rate.is_Integer or rate <= 0 or scale is None:
            raise _OutOfScope(f"the EGF factor exp({arg}) is outside Q[x, e^(bx), Z]")
        exps.append((int(rate), scale))
    if not exps:
        if c0:
            raise _OutOfScope(f"exp({arg}) has the irrational constant factor e^({c0})")
        return {(0, beta, 0): Fraction(1)}
    if len(exps) > 1:
        raise _OutOfScope(f"the EGF factor exp({arg}) has two exponentials e^(cx)")
    (c, g), = exps
    if ctx is None:
        z = _BELL_Z
    else:
        if ctx.z is None:
            ctx.z = (c, g)
        z = ctx.z
    if z[0] != c or g / z[1] != int(g / z[1]) or g / z[1] < 1:
        raise _OutOfScope(f"exp({arg}) and exp({z[1]}(e^({z[0]}x) - 1)) in one claim: two different exponentials "
                          "of exponentials (the EGF identity needs one)")
    k = int(g / z[1])
    if c0 + k * z[1] != 0:
        raise _OutOfScope(f"exp({arg}) has the irrational constant factor e^({c0 + k * z[1]})")
    return {(0, beta, k): Fraction(1)}


def _g_from_sympy(expr, ctx=None) -> dict:
    """An EGF expression (in x) as ``{(i, beta, k): c}`` meaning ``sum c x^i e^{beta x} Z^k``.

    ``Z = exp(gamma (e^{cx} - 1))`` with ``(c, gamma) = ctx.z`` (set by the first EGF with such a factor;
    ``exp(e^x - 1)`` without ``ctx``).
    """
    one = {(0, Fraction(0), 0): Fraction(1)}
    if expr.is_Rational:
        return {(0, Fraction(0), 0): Fraction(int(expr.p), int(expr.q))} if expr != 0 else {}
    if expr == _X:
        return {(1, Fraction(0), 0): Fraction(1)}
    if isinstance(expr, sympy.Add):
        out: dict = {}
        for a in expr.args:
            out = _g_add(out, _g_from_sympy(a, ctx))
        return out
    if isinstance(expr, sympy.Mul):
        out = one
        for a in expr.args:
            out = _g_mul(out, _g_from_sympy(a, ctx))
        return out
    if isinstance(expr, sympy.Pow) and expr.exp.is_Integer and expr.exp >= 0:
        out, base = one, _g_from_sympy(expr.base, ctx)
        for _ in range(int(expr.exp)):
            out = _g_mul(out, base)
        return out
    if isinstance(expr, sympy.exp):
        return _g_exp(expr.args[0], ctx)
    raise _OutOfScope(f"the EGF {expr} is outside Q[x, e^(bx), exp(e^x - 1)]")


def _z_expression(z: tuple | None):
    c, gamma = _BELL_Z if z is None else z
    return sympy.exp(sympy.Rational(gamma.numerator, gamma.denominator) * (sympy.exp(c * _X) - 1))


def _g_to_sympy(f: dict, z: tuple | None = None):
    z = _z_expression(z)
    terms = []
    for (i, beta, k), c in sorted(f.items(), key=lambda kv: (-kv[0][2], -kv[0][1], -kv[0][0])):
        term = sympy.Rational(c.numerator, c.denominator) * _X**i * z**k
        if beta:
            term *= sympy.exp(sympy.Rational(beta.numerator, beta.denominator) * _X)
        terms.append(term)
    return sympy.Add(*terms)


# =========================================================================== rational functions of r (fixed h)

def _poly(expr):
    return sympy.Poly(expr, R, domain="QQ")


#: The weight of a term: ``(e, b)`` meaning ``(r!)^e b^r`` (``b`` a positive rational, 2 for the sign classes).
_W0 = (0, Fraction(1))


def _w_mul(w1: tuple, w2: tuple) -> tuple:
    return w1[0] + w2[0], w1[1] * w2[1]


def _w_pow(w: tuple, n: int) -> tuple:
    return w[0] * n, w[1] ** n


def _w_text(w: tuple) -> tuple:
    """``("2^r r! ", "2^r\\,r!\\,")`` (plain, LaTeX) for the factor of the weight (empty for ``_W0``)."""
    e, b = w
    base = "" if b == 1 else f"({_value_text(b)})^r " if b.denominator != 1 else f"{b.numerator}^r "
    base_latex = "" if b == 1 else rf"\left({_value_latex(b)}\right)^{{r}}\," if b.denominator != 1 \
        else rf"{b.numerator}^{{r}}\,"
    fact = "" if e == 0 else ("r! " if e == 1 else f"(r!)^{e} ")
    fact_latex = "" if e == 0 else ("r!\\," if e == 1 else f"(r!)^{{{e}}}\\,")
    return base + fact, base_latex + fact_latex


def _fr(e, num, den):
    """Normalised ``(w, num, den)`` meaning ``(r!)^e b^r num/den`` for the weight ``w = (e, b)``, or None if 0."""
    if num.is_zero:
        return None
    g = num.gcd(den)
    num, den = num.exquo(g), den.exquo(g)
    lc = den.LC()
    return e, num.quo_ground(lc), den.quo_ground(lc)


def _r_add(f: dict, g: dict, sign: int = 1) -> dict:
    out = dict(f)
    for key, (e2, n2, d2) in g.items():
        if sign < 0:
            n2 = -n2
        if key not in out:
            out[key] = (e2, n2, d2)
            continue
        e1, n1, d1 = out[key]
        if e1 != e2:
            raise _OutOfScope("a sum of terms with different powers of r! (or of b^r) is not r!^e b^r times a "
                              "rational function")
        value = _fr(e1, n1 * d2 + n2 * d1, d1 * d2)
        if value is None:
            out.pop(key)
        else:
            out[key] = value
    return out


def _r_mul(f: dict, g: dict) -> dict:
    out: dict = {}
    for k1, (e1, n1, d1) in f.items():
        for k2, (e2, n2, d2) in g.items():
            if k1 is not None and k2 is not None:
                raise _OutOfScope("a product of two counts (T, G, stirling2) is not linear in the counts")
            value = _fr(_w_mul(e1, e2), n1 * n2, d1 * d2)
            if value is not None:
                out = _r_add(out, {k1 if k1 is not None else k2: value})
    return out


def _r_const(c: Fraction) -> dict:
    if not c:
        return {}
    return {None: (_W0, _poly(sympy.Rational(c.numerator, c.denominator)), _poly(1))}


def _rising(c: int) -> tuple:
    """``(r + c)!/r!`` as (num, den) polynomials."""
    num, den = _poly(1), _poly(1)
    for i in range(1, c + 1):
        num = num * _poly(R + i)
    for i in range(-c):
        den = den * _poly(R - i)
    return num, den


def _r_linear(arg, what: str, ctx: _Context) -> tuple:
    form = _r_form(arg, ctx)
    if not form:
        return 0, 0
    if set(form) != {None}:
        raise _OutOfScope(f"the argument of {what} contains a count")
    e, num, den = form[None]
    if e != _W0 or den.degree() != 0 or num.degree() > 1:
        raise _OutOfScope(f"the argument of {what} is not linear in r")
    coeffs = [sympy.Rational(v) / den.LC() for v in reversed(num.all_coeffs())]
    if any(not v.is_Integer for v in coeffs):
        raise _OutOfScope(f"the argument of {what} is not k*r + c with integers k, c")
    c = int(coeffs[0])
    k = int(coeffs[1]) if len(coeffs) > 1 else 0
    return k, c


def _r_form(expr, ctx: _Context) -> dict:
    """``expr`` (in r) as ``{key: (e, num, den)}`` meaning ``sum (r!)^e num(r)/den(r) [P_key(r)]``."""
    if not expr.free_symbols:
        try:
            return _r_const(ctx.constant(expr))
        except EvaluationError as exc:
            raise _OutOfScope(f"{expr} has no exact value ({exc})") from None
    if expr == R:
        return {None: (_W0, _poly(R), _poly(1))}
    if isinstance(expr, sympy.Add):
        out: dict = {}
        for a in expr.args:
            out = _r_add(out, _r_form(a, ctx))
        return out
    if isinstance(expr, sympy.Mul):
        out = _r_const(Fraction(1))
        for a in expr.args:
            out = _r_mul(out, _r_form(a, ctx))
        return out
    if isinstance(expr, sympy.Pow):
        if expr.exp.free_symbols and not expr.base.free_symbols:  # b^(k r + c): the weight b^k, the factor b^c
            b = ctx.constant(expr.base)
            if b <= 0:
                raise _OutOfScope(f"{expr}: a power of a non-positive number with an exponent depending on r")
            k, c = _r_linear(expr.exp, f"the exponent of {expr}", ctx)
            factor = b**c
            return {None: ((0, b**k), _poly(sympy.Rational(factor.numerator, factor.denominator)), _poly(1))}
        if expr.exp.free_symbols:
            raise _OutOfScope(f"{expr}: a power with an exponent depending on r is not r!^e times a rational function")
        value = ctx.constant(expr.exp)
        if value.denominator != 1:
            raise _OutOfScope(f"{expr} has a non-integer exponent")
        n = int(value)
        base = _r_form(expr.base, ctx)
        if n == 0:
            return _r_const(Fraction(1))
        if any(k is not None for k in base):
            if n == 1:
                return base
            raise _OutOfScope(f"{expr}: a power of a count is not linear in the counts")
        if not base:
            raise _OutOfScope(f"{expr}: a power of 0")
        e, num, den = base[None]
        if n < 0:
            ctx.poles.append(num)
            e, num, den, n = _w_pow(e, -1), den, num, -n
        value = _fr(_w_pow(e, n), num**n, den**n)
        return {None: value} if value is not None else {}
    if isinstance(expr, CountFunction) or expr.func is StirlingS2:
        name = "S" if expr.func is StirlingS2 else expr.func.__name__
        top, bottom = expr.args if name == "S" else expr.args[::-1]
        k, c = _r_linear(bottom, name, ctx)
        gap = top - bottom
        if k != 1 or gap.free_symbols:
            raise _OutOfScope(f"{expr} is not of the form {name}(r + b, r + b + h) with integers b, h")
        gap = int(ctx.constant(gap))
        if gap < 0:
            raise _OutOfScope(f"{expr}: the second argument is below the first")
        if name == "S":
            ctx.bounds.append(-c)
            return {("S", c, gap): (_W0, _poly(1), _poly(1))}
        ctx.bounds.append(1 - c)
        num, den = _rising(c)
        c_base = ctx.count_base(name)  # T(r + c, ...) = c_base^(r + c) (r + c)! P(r): c_base^c above/below
        num, den = (num * c_base**c, den) if c >= 0 else (num, den * c_base ** (-c))
        return {(name, c, gap): ((1, Fraction(c_base)), num, den)}
    if expr.func is sympy.factorial:
        k, c = _r_linear(expr.args[0], "factorial", ctx)
        if k != 1:
            raise _OutOfScope(f"{expr} is not r! times a rational function of r")
        ctx.bounds.append(-c)
        num, den = _rising(c)
        return {None: ((1, Fraction(1)), num, den)}
    if expr.func is sympy.binomial:
        n, j = expr.args
        if not j.free_symbols:
            j = int(ctx.constant(j))
        elif not (n - j).free_symbols:
            j = int(ctx.constant(n - j))
            k, c = _r_linear(n, "binomial", ctx)
            if k < 1:
                raise _OutOfScope(f"{expr}: binomial(n, n - j) with n not growing in r")
            ctx.bounds.append(_ceil_div(-c, k))
        else:
            raise _OutOfScope(f"{expr} is not a polynomial in r")
        if j < 0:
            return {}
        if j > _MAX_BINOMIAL_EXPANSION:
            raise _OutOfScope(f"binomial(n, {j}) is too large to expand")
        nf = _r_form(n, ctx)
        out = _r_const(Fraction(1, math.factorial(j)))
        for i in range(j):
            out = _r_mul(out, _r_add(nf, _r_const(Fraction(i)), -1))
        return out
    raise _OutOfScope(f"{expr} is not r!^e times a rational function of r")


# =========================================================================== regimes


def _new_certificate(ctx: _Context, method: str, variable, start, fixed, activation: str) -> Certificate:
    return Certificate(ctx.claim, "undecided", method, ctx.zero_type, activation, variable, start, dict(fixed))


def _run_checks(ctx: _Context, cert: Certificate, points: list, variable: str) -> bool:
    """Evaluate the claim at ``points`` in order; stop at the first failure (recorded). True if all hold."""
    for value in points:
        try:
            checked = ctx.check({variable: value})
        except EvaluationError as exc:
            cert.reason = f"the claim cannot be evaluated at {variable} = {value}: {exc}"
            return False
        cert.checked.append(checked)
        if not checked.holds:
            cert.counterexample = checked
            cert.verdict = "refuted"
            return False
    return True


def _decide_constant(ctx: _Context, cert: Certificate) -> None:
    cert.method = _METHOD_CONSTANT
    cert.theorem = "the claim has no variable: both sides are numbers, computed exactly"
    cert.theorem_latex = "The claim has no variable: both sides are numbers, computed exactly."
    try:
        checked = ctx.check({})
    except EvaluationError as exc:
        cert.reason = f"the claim cannot be evaluated exactly: {exc}"
        return
    cert.checked.append(checked)
    if checked.holds:
        cert.verdict = "proved"
    else:
        cert.verdict = "refuted"
        cert.counterexample = checked


def _decide_fixed_r(ctx: _Context, cert: Certificate, start: int) -> None:
    """Recurrence order bound; hands over to the EGF identity when a side has a zero-sum-group sequence."""
    lhs, rhs = _m_form(ctx.claim.lhs, ctx), _m_form(ctx.claim.rhs, ctx)
    first = max([start] + ctx.bounds)
    if any(seq is not None for (_, seq) in list(lhs) + list(rhs)):
        _decide_egf(ctx, cert, start, first, lhs, rhs)
        return
    cert.method = _METHOD_RECURRENCE
    ml, mr = _multiplicities(lhs), _multiplicities(rhs)
    combined = {b: max(ml.get(b, 0), mr.get(b, 0)) for b in set(ml) | set(mr)}
    order = sum(combined.values())
    needed = max(order, 1)
    cert.bound = order
    cert.theorem = (
        "a sequence sum_b p_b(m) b^m (finitely many b, polynomials p_b) satisfies the linear recurrence with "
        "constant coefficients whose characteristic polynomial is prod_b (x - b)^(deg p_b + 1); both sides satisfy "
        "the recurrence of the lcm of their characteristic polynomials, of order N, and a solution of an order-N "
        "recurrence that vanishes at N consecutive m vanishes at every later m"
    )
    cert.theorem_latex = (
        r"A sequence $\sum_b p_b(m)\, b^m$ (finitely many $b$, polynomials $p_b$) satisfies the linear recurrence "
        r"with constant coefficients whose characteristic polynomial is $\prod_b (x-b)^{\deg p_b+1}$. Both sides "
        r"satisfy the recurrence of the least common multiple of their characteristic polynomials, of order $N$; "
        r"a solution of an order-$N$ recurrence that vanishes at $N$ consecutive $m$ vanishes at every later $m$."
    )
    char = " * ".join(f"(x - {_value_text(b)})" + (f"^{k}" if k > 1 else "") for b, k in sorted(combined.items()))
    char_latex = " ".join(
        f"(x - {_value_latex(b)})" + (f"^{{{k}}}" if k > 1 else "") for b, k in sorted(combined.items())
    )
    notes = "; ".join(n for n, _ in ctx.notes)
    notes_latex = " ".join(f"{n}." for _, n in ctx.notes)
    valid = f"; the expansions hold for m >= {first}" if first > start else ""
    cert.bound_derivation = (
        (f"{notes}; " if notes else "")
        + f"characteristic roots of the left side: {_roots_text(ml)}; of the right side: {_roots_text(mr)}; "
        + f"combined characteristic polynomial {char or '1'} of degree N = {order}"
        + (" (checked at 1 value all the same)" if order == 0 else "")
        + valid
    )
    cert.bound_derivation_latex = (
        (f"{notes_latex} " if notes_latex else "")
        + f"Characteristic roots (with multiplicity) of the left side: {_tex_escape(_roots_text(ml))}; "
        + f"of the right side: {_tex_escape(_roots_text(mr))}. Combined characteristic polynomial "
        + f"${char_latex or '1'}$ of degree $N = {order}$"
        + (f"; the expansions hold for $m \\ge {first}$." if first > start else ".")
    )
    points = list(range(start, first + needed))
    if len(points) > ctx.budget:
        cert.reason = (f"the theorem needs {len(points)} exact checks, more than the budget of {ctx.budget}; "
                       "raise the budget to decide the claim")
        _search(ctx, cert, ["m"], start)
        return
    if not _run_checks(ctx, cert, points, "m"):
        return
    # consistency of the expansions with the exact values (not part of the proof)
    for checked in cert.checked:
        m = checked.at["m"]
        if m >= first and (_f_eval(lhs, m) != checked.left or _f_eval(rhs, m) != checked.right):
            cert.reason = f"internal inconsistency: the expansion disagrees with the exact value at m = {m}"
            return
    difference = _f_add(lhs, rhs, -1)
    if difference:
        cert.reason = "internal inconsistency: the checks pass but the expanded difference is not 0"
        return
    cert.cross_checks.append(
        f"the exact expansions of both sides agree with the computed values at m = {first}..{points[-1]}, "
        "and their difference expands to 0"
    )
    cert.verdict = "proved"


def _egf_of_form(form: dict, t: int, ctx: _Context) -> dict:
    """``sum_m f(m + t) x^m/m!`` for an exact sum ``f = form`` (terms p(m) b^m and p(m) u(m + s), b = 1)."""
    total: dict = {}
    for (b, seq), p in form.items():
        if seq is not None and b != 1:
            raise _OutOfScope("b^m times a zero-sum-group count (b != 1) has no EGF identity here")
        p = _p_shift(p, t)
        if seq is None:
            p = [v * b**t for v in p]
            base = {(0, b, 0): Fraction(1)}
        else:
            kind, a, s = seq
            base = ctx.ring("T", a) if kind == "T" else ctx.ring("bell", 0)
            for _ in range(s + t):
                base = _g_deriv(base, ctx.z)
        power = base  # p(theta) applied to the EGF, theta = x d/dx
        for coefficient in p:
            if coefficient:
                total = _g_add(total, power, coefficient)
            power = _g_theta(power, ctx.z)
    return total


def _decide_egf(ctx: _Context, cert: Certificate, start: int, first: int, lhs: dict, rhs: dict) -> None:
    cert.method = _METHOD_EGF
    forms = (lhs, rhs)
    shifts = [seq[2] for form in forms for (_, seq) in form if seq is not None]
    t = max([0] + [-s for s in shifts])
    left, right = (_egf_of_form(form, t, ctx) for form in forms)  # (sets ctx.z: the Z of the claim's EGFs)
    cert.theorem = (
        "with E(x) = sum_{m>=0} D(m) x^m/m! for the difference D of the two sides, D(m) = 0 for every m >= m0 iff the "
        "m0-th derivative of E is 0; E is a polynomial in x, e^(bx) and Z = exp(e^x - 1) (Z' = e^x Z), functions "
        "that are algebraically independent (Z outgrows every x^i e^(bx)), so E^(m0) = 0 iff all its coefficients are 0"
    )
    cert.theorem_latex = (
        r"Let $D$ be the difference of the two sides and $E(x)=\sum_{m\ge0} D(m)\,x^m/m!$. Then $D(m)=0$ for every "
        r"$m \ge m_0$ iff $E^{(m_0)} = 0$. Here $E$ is a polynomial in $x$, $e^{bx}$ and $Z = e^{e^x-1}$ "
        r"($Z' = e^x Z$); these functions are algebraically independent ($Z$ outgrows every $x^i e^{bx}$), "
        r"so $E^{(m_0)}=0$ iff all its coefficients vanish."
    )
    if ctx.z is not None and ctx.z != _BELL_Z:
        z_expr = _z_expression(ctx.z)
        z_rate = sympy.simplify(sympy.diff(z_expr, _X) / z_expr)
        cert.theorem = cert.theorem.replace("Z = exp(e^x - 1) (Z' = e^x Z)",
                                            f"Z = {sympy.sstr(z_expr)} (Z' = {sympy.sstr(z_rate)} Z)")
        cert.theorem_latex = cert.theorem_latex.replace(
            "$Z = e^{e^x-1}$ ($Z' = e^x Z$)", f"$Z = {sympy.latex(z_expr)}$ ($Z' = {sympy.latex(z_rate)}\\, Z$)")
    total = _g_add(left, right, Fraction(-1))
    order = first - t
    derived = total
    for _ in range(order):
        derived = _g_deriv(derived, ctx.z)
    egf = _g_to_sympy(total, ctx.z)
    el, er = _g_to_sympy(left, ctx.z), _g_to_sympy(right, ctx.z)
    arg = f"m + {t}" if t else "m"
    if not total:
        relation, relation_latex = "the two EGFs are equal", "the two EGFs are equal"
    else:
        relation = (f"their difference is {sympy.sstr(egf)}, whose derivative of order {order} is "
                    + ("0" if not derived else f"{sympy.sstr(_g_to_sympy(derived, ctx.z))}, not 0"))
        relation_latex = (rf"their difference is ${sympy.latex(egf)}$, whose derivative of order ${order}$ is "
                          + ("$0$" if not derived else rf"${sympy.latex(_g_to_sympy(derived, ctx.z))} \ne 0$"))
    notes = "; ".join(n for n, _ in ctx.notes)
    notes_latex = " ".join(f"{n}." for _, n in ctx.notes)
    cert.bound_derivation = (
        (f"{notes}; " if notes else "")
        + f"sum_m left({arg}) x^m/m! = {sympy.sstr(el)} and sum_m right({arg}) x^m/m! = {sympy.sstr(er)}; "
        + relation
    )
    cert.bound_derivation_latex = (
        (f"{notes_latex} " if notes_latex else "")
        + rf"$\sum_{{m \ge 0}} \mathrm{{left}}({arg}) \frac{{x^m}}{{m!}} = {sympy.latex(el)}$ and "
        + rf"$\sum_{{m \ge 0}} \mathrm{{right}}({arg}) \frac{{x^m}}{{m!}} = {sympy.latex(er)}$; "
        + relation_latex + "."
    )
    # cross-check: the EGF's coefficients against exact evaluations (species.coefficient, an independent route)
    from .species import coefficient

    agree = 0
    for m in range(first, first + 4):
        try:
            value = ctx.check({"m": m})
        except EvaluationError:
            break
        if value.left is None or value.right is None:
            break
        if Fraction(str(coefficient(egf, m - t))) != value.left - value.right:
            cert.reason = f"internal inconsistency: the EGF disagrees with the exact difference at m = {m}"
            return
        agree += 1
    if agree:
        cert.cross_checks.append(f"the EGF's coefficients (species.coefficient) equal the exact differences "
                                 f"at m = {first}..{first + agree - 1}")
    points = list(range(start, first))
    if points and not _run_checks(ctx, cert, points, "m"):
        return
    if not derived:
        if not total:
            cert.identity = f"sum_m left({arg}) x^m/m! = sum_m right({arg}) x^m/m! = {sympy.sstr(el)}"
            cert.identity_latex = (rf"$\sum_{{m\ge0}} \mathrm{{left}}({arg}) \frac{{x^m}}{{m!}} = "
                                   rf"\sum_{{m\ge0}} \mathrm{{right}}({arg}) \frac{{x^m}}{{m!}} = {sympy.latex(el)}$")
        else:
            cert.identity = f"d^{order}/dx^{order} [{sympy.sstr(egf)}] = 0"
            cert.identity_latex = rf"$\frac{{d^{{{order}}}}}{{dx^{{{order}}}}}\left[{sympy.latex(egf)}\right] = 0$"
        if points:
            cert.bound_derivation += f"; the values m = {start}..{first - 1} below the identity's range were checked"
        cert.verdict = "proved"
        return
    # the claim is false for some m >= first: find the smallest counterexample by exact evaluation
    cert.verdict = "refuted"
    limit = ctx.budget - ctx.evaluations
    if not _run_checks(ctx, cert, list(range(first, first + max(limit, 0))), "m") and cert.counterexample:
        return
    if cert.counterexample is None:
        cert.reason = (f"the EGF of the difference is not 0, so the claim fails for some m >= {first}, but no "
                       f"counterexample was found within the budget of {ctx.budget} evaluations")


def _decide_fixed_h(ctx: _Context, cert: Certificate, start: int) -> None:
    lhs, rhs = _r_form(ctx.claim.lhs, ctx), _r_form(ctx.claim.rhs, ctx)
    terms = list(lhs.items()) + list(rhs.items())  # the bound comes from both sides, before any cancellation
    powers = {e for (_, (e, _, _)) in terms}
    if len(powers) > 1:
        raise _OutOfScope("the terms carry different powers of r! (or of b^r), so the difference is not r!^e b^r "
                          "times a rational function of r")
    first = max([start] + ctx.bounds)
    cert.method = _METHOD_DEGREE
    den = _poly(1)
    for (_, (_, _, d)) in terms:
        den = den.lcm(d)
    degree = 0
    parts, parts_latex = [], []
    placeholders = sorted({k for k, _ in terms if k is not None}, key=str)
    for key, (_e, num, d) in terms:
        extra = 2 * key[2] if key is not None else 0
        degree = max(degree, num.degree() + den.degree() - d.degree() + extra)
    for key in placeholders:
        name, c, gap = key
        shifted = sympy.sstr(R + c)
        if name == "S":
            parts.append(f"S({sympy.sstr(R + c + gap)}, {shifted}) is a polynomial of degree <= {2 * gap} in r")
            parts_latex.append(rf"$\left\{{ {{{sympy.latex(R + c + gap)} \atop {sympy.latex(R + c)}}} \right\}}$ "
                               rf"is a polynomial of degree $\le {2 * gap}$ in $r$")
        else:
            qn = _quantity_name(name, ctx.zero_type, ctx.activation)
            ql = _quantity_latex(name, ctx.zero_type, ctx.activation)
            fact = "r!" if c == 0 else f"({shifted})!"
            b = ctx.count_base(name)
            power = "" if b == 1 else f"{b}^({shifted}) "
            power_latex = "" if b == 1 else rf"{b}^{{{sympy.latex(R + c)}}}\,"
            parts.append(f"{qn}({shifted}, {sympy.sstr(R + c + gap)}) = {power}{fact} P(r) with deg P <= {2 * gap}")
            parts_latex.append(rf"${ql}({sympy.latex(R + c)}, {sympy.latex(R + c + gap)}) = "
                               rf"{power_latex}{sympy.latex(sympy.factorial(R + c))}\, P(r)$ with "
                               rf"$\deg P \le {2 * gap}$")
    e = powers.pop() if powers else _W0
    den_expr = den.as_expr()
    cert.theorem = (
        "for fixed h >= 0, S(n+h, n) is a polynomial in n of degree <= 2h (a partition of an (n+h)-set into n "
        "blocks has j - h non-singleton blocks on j <= 2h elements, so S(n+h, n) = sum_{j<=2h} C(n+h, j) a_(j,h)); "
        "hence G(r, r+h)/r! = S(r+h, r), T_R1(r, r+h)/r! = S(r+h+1, r+1) and T_R2(r, r+h)/r! = sum_{k<=h} "
        "C(r+h, k) Bell(k) S(r+h-k, r) are polynomials in r of degree <= 2h (closed forms of the mathematical "
        "reference, 'Counting claims', "
        "proved by `symbolic-minima prove t_singletons/t_groups/g_critical`); a polynomial of degree <= d with "
        "d + 1 roots is 0"
    )
    cert.theorem_latex = (
        r"For fixed $h \ge 0$, $\left\{ {n+h \atop n} \right\}$ is a polynomial in $n$ of degree $\le 2h$: a "
        r"partition of an $(n+h)$-set into $n$ blocks has $j-h$ non-singleton blocks covering $j \le 2h$ elements, "
        r"so $\left\{ {n+h \atop n} \right\} = \sum_{j \le 2h} \binom{n+h}{j} a_{j,h}$. Hence "
        r"$G(r,r+h)/r! = \left\{ {r+h \atop r} \right\}$, "
        r"$T_{\mathrm{R1}}(r,r+h)/r! = \left\{ {r+h+1 \atop r+1} \right\}$ and "
        r"$T_{\mathrm{R2}}(r,r+h)/r! = \sum_{k\le h}\binom{r+h}{k} B_k \left\{ {r+h-k \atop r} \right\}$ are "
        r"polynomials in $r$ of degree $\le 2h$ (closed forms proved by \texttt{symbolic-minima prove}). "
        r"A polynomial of degree $\le d$ with $d+1$ roots is $0$."
    )
    factor, factor_latex = _w_text(e)
    if ctx.activation != GENERIC:
        cert.theorem += (
            f"; in the activation class {ctx.activation}, with e^(cx) - 1 = cx(1 + g(x)), g = O(x) (c = 2 for "
            "signed replicas), T(n, n+h) = c^n (n+h)! [x^h] (1+g)^n F_free(x) = c^n (n+h)! sum_{k<=h} C(n,k) "
            "[x^h] g^k F_free, so T(n, n+h)/(c^n n!) and G(n, n+h)/(c^n n!) are polynomials in n of degree <= 2h "
            f"(derived and checked exactly by `symbolic-minima prove {_class_proof(ctx.activation)}`)"
        )
        cert.theorem_latex += (
            rf" In the activation class {_tex_escape(ctx.activation)}, with $e^{{cx}}-1=cx(1+g(x))$, $g=O(x)$ "
            r"($c=2$ for signed replicas), $T(n,n+h)=c^n(n+h)!\,[x^h](1+g)^nF_{\mathrm{free}}(x)"
            r"=c^n(n+h)!\sum_{k\le h}\binom nk[x^h]g^kF_{\mathrm{free}}$, so $T(n,n+h)/(c^n\,n!)$ and "
            r"$G(n,n+h)/(c^n\,n!)$ are polynomials in $n$ of degree $\le 2h$ (derived and checked by "
            rf"\texttt{{symbolic-minima prove {_tex_escape(_class_proof(ctx.activation))}}})."
        )
    cert.bound_derivation = (
        ("; ".join(parts) + "; so " if parts else "")
        + f"left - right = {factor}N(r)/Q(r) with Q(r) = {sympy.sstr(sympy.factor(den_expr))} and deg N <= {degree}"
        + f": N = 0 iff it vanishes at {degree + 1} integers r >= {first} with Q(r) != 0"
    )
    cert.bound_derivation_latex = (
        ("; ".join(parts_latex) + ". So " if parts_latex else "")
        + f"left $-$ right $= {factor_latex} N(r)/Q(r)$ with $Q(r) = {sympy.latex(sympy.factor(den_expr))}$ "
        + f"and $\\deg N \\le {degree}$: $N = 0$ iff it vanishes at ${degree + 1}$ integers $r \\ge {first}$ "
        + "with $Q(r) \\ne 0$."
    )
    cert.bound = degree + 1
    # the points: start.., until degree + 1 points r >= first with Q(r) != 0, then the integer roots of Q beyond
    points: list = []
    good, value = 0, start
    while good < degree + 1:
        if len(points) > ctx.budget:
            break
        points.append(value)
        if value >= first and den.eval(value) != 0:
            good += 1
        value += 1
    last = points[-1] if points else start - 1
    roots = set()
    for pole in [den] + ctx.poles:  # where a side may be undefined (a factor cancelled in N/Q included)
        roots |= {int(x) for x in pole.ground_roots() if x.is_Integer and int(x) > last}
    points += sorted(x for x in roots if x >= start)
    if len(points) > ctx.budget:
        cert.reason = (f"the theorem needs at least {len(points)} exact checks, more than the budget of "
                       f"{ctx.budget}; raise the budget to decide the claim")
        _search(ctx, cert, ["r"], start)
        return
    if _run_checks(ctx, cert, points, "r"):
        cert.verdict = "proved"


def _search(ctx: _Context, cert: Certificate, variables: list, start: int | None) -> None:
    """Bounded counterexample search (grid, then hypothesis): refutes, or leaves the claim undecided."""
    skipped = {"domain": 0, "too large": 0, "not exact": 0}
    searched = 0

    def attempt(at: dict):
        nonlocal searched
        try:
            checked = ctx.check(at)
        except EvaluationError as exc:
            skipped[exc.kind] = skipped.get(exc.kind, 0) + 1
            return None
        searched += 1
        cert.checked.append(checked)
        return checked

    if len(variables) == 1:
        grid = [{variables[0]: v} for v in range(start or 1, (start or 1) + _GRID_1D)]
    else:
        grid = sorted(({"r": r, "m": m} for r in range(1, _GRID_R + 1) for m in range(1, _GRID_M + 1)),
                      key=lambda p: (p["r"] + p["m"], p["r"]))
    for at in grid:
        if ctx.evaluations >= ctx.budget:
            break
        checked = attempt(at)
        if checked is not None and not checked.holds:
            cert.counterexample = checked
            cert.verdict = "refuted"
            break
    grid_text = f"deterministic grid: {searched} value(s) evaluated"
    hypothesis_text = ""
    if cert.counterexample is None and ctx.evaluations < ctx.budget and ctx.search_examples > 0:
        hypothesis_text = _hypothesis_search(ctx, cert, variables, start, attempt)
    skipped_text = ", ".join(f"{v} skipped ({k})" for k, v in skipped.items() if v)
    cert.search = "; ".join(t for t in (grid_text, hypothesis_text, skipped_text) if t)
    if cert.counterexample is not None:
        cert.search += f"; first counterexample at {cert.counterexample.point_text()}"
    else:
        cert.search += "; no counterexample found (evidence, not a proof)"


def _hypothesis_search(ctx: _Context, cert: Certificate, variables: list, start, attempt) -> str:
    if "hypothesis" not in sys.modules:  # its caches go to a temporary directory, not into the caller's cwd
        os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY",
                              os.path.join(tempfile.gettempdir(), "symbolic-minima-hypothesis"))
    try:
        from hypothesis import HealthCheck, Phase, find, settings
        from hypothesis import strategies as st
        from hypothesis.errors import NoSuchExample
    except ImportError:
        return "hypothesis is not installed (pip install hypothesis): grid only"
    examples = min(ctx.search_examples, ctx.budget - ctx.evaluations)
    before = ctx.evaluations
    if len(variables) == 1:
        lo = start or 1
        strategy = st.integers(lo, lo + 200).map(lambda v: {variables[0]: v})
        space = f"{variables[0]} in [{lo}, {lo + 200}]"
    else:
        strategy = st.tuples(st.integers(1, 25), st.integers(1, 50)).map(lambda p: {"r": p[0], "m": p[1]})
        space = "r in [1, 25], m in [1, 50]"

    def fails(at):
        if ctx.evaluations >= ctx.budget:
            return False
        checked = attempt(at)
        return checked is not None and not checked.holds

    config = settings(max_examples=max(examples, 1), database=None, derandomize=True, deadline=None,
                      suppress_health_check=list(HealthCheck), phases=[Phase.generate, Phase.shrink])
    try:
        found = find(strategy, fails, settings=config)
    except NoSuchExample:
        return f"hypothesis: {ctx.evaluations - before} value(s) evaluated, {space}"
    except Exception as exc:  # noqa: BLE001 - a failing search is reported, never taken as evidence
        return f"hypothesis search stopped: {type(exc).__name__}"
    checked = ctx.check(found)
    cert.counterexample = checked
    cert.verdict = "refuted"
    return f"hypothesis: {ctx.evaluations - before} value(s) evaluated, {space}, counterexample shrunk"


# =========================================================================== entry point


def _check_activation(activation) -> str:
    """The class name of ``activation`` (a class or activation name); refused activations raise with the reason."""
    from .activation_classes import activation_class

    if activation is not None and not isinstance(activation, str):
        raise ArgumentValueError(f"activation must be one of {', '.join(map(repr, ACTIVATIONS))} or an activation "
                                 f"name, got {type(activation).__name__}")
    name = activation_class(activation).name
    if name not in ACTIVATIONS:  # pragma: no cover - a class registered later, without its degree lemma
        raise ArgumentValueError(f"activation class {name!r} has no theorems here; claims are decided for "
                                 f"{', '.join(ACTIVATIONS)}")
    return name


def _class_proof(activation: str) -> str:
    return "class_" + activation.replace("-", "_")


def decide(claim, zero_type: str = DEFAULT_ZERO_TYPE, *, activation: str = "generic", r: int | None = None,
           h: int | None = None, start: int | None = None, budget: int = DEFAULT_BUDGET,
           search_examples: int = DEFAULT_SEARCH_EXAMPLES) -> Verdict:
    r"""Decide a claim about :math:`T` and :math:`G` for all sizes, with a certificate.

    Parameters
    ----------
    claim : str, sympy Eq, sympy expression or Claim
        The claim: a text of the claim language (``"T(1, m) == 2^m - 1"``), a
        sympy ``Eq`` built with ``sympy.Function("T")``/``("G")``, ``factorial``,
        ``binomial``, ``bell`` and :class:`~symbolic_minima.stirling.StirlingS2`,
        or an expression meaning ``expr == 0``.
    zero_type : str
        The reading of ``T`` (R1 / R2).
    activation : str
        The activation class (:data:`ACTIVATIONS`) or an activation name
        (``"tanh"`` means ``"odd"``); ``T`` and ``G`` are its counts.
    r, h : int, optional
        Fix ``r``, or ``h`` (``m = r + h``), before deciding.
    start : int, optional
        Prove the claim for every value of its variable from ``start`` on
        (default: the smallest value where every term is defined).
    budget : int
        Largest number of exact evaluations of the claim (1 to :data:`MAX_BUDGET`).
        A theorem needing more gives ``undecided``, with the reason.
    search_examples : int
        Examples of the hypothesis search when no theorem applies (0: grid only).

    Returns
    -------
    Verdict
        ``verdict`` is ``"proved"`` (for every value from the start on),
        ``"refuted"`` (with the smallest counterexample found) or
        ``"undecided"``; ``certificate`` holds the evidence.

    Examples
    --------
    >>> v = decide("T(r, r+1) == factorial(r+1)*(r+2)/2")
    >>> v.verdict, v.method, v.certificate.bound, [c.at["r"] for c in v.checked]
    ('proved', 'polynomial degree (fixed h)', 3, [1, 2, 3])
    >>> decide("T(r, m) == factorial(r)*stirling2(m+1, r+1)", r=4).verdict
    'proved'
    >>> decide("T(r, m) == factorial(r)*stirling2(m+1, r+1)", search_examples=0).verdict
    'undecided'
    >>> decide("T(1, m) == 2^m - 1", zero_type="R2").counterexample.at
    {'m': 3}
    """
    zero_type = check_zero_type(zero_type)
    activation = _check_activation(activation)
    budget = check_int(budget, "budget", minimum=1, maximum=MAX_BUDGET)
    search_examples = check_int(search_examples, "search_examples", minimum=0, maximum=MAX_BUDGET)
    fixed = {}
    if r is not None:
        fixed["r"] = check_int(r, "r", minimum=1, maximum=10_000)
    if h is not None:
        fixed["h"] = check_int(h, "h", minimum=0, maximum=10_000)
    claim = as_claim(claim)
    claim = claim.substitute(r=fixed.get("r"), h=fixed.get("h"))
    variables = claim.variables
    ctx = _Context(claim, zero_type, budget, activation)
    ctx.search_examples = search_examples
    if not variables:
        _domain_start(claim, "m")  # refuses terms that are never defined
        cert = _new_certificate(ctx, _METHOD_CONSTANT, None, None, fixed, activation)
        _decide_constant(ctx, cert)
        return Verdict(cert)
    if len(variables) == 2:
        if start is not None:
            raise ArgumentValueError("start applies to a claim in one variable; fix r or h first")
        cert = _new_certificate(ctx, _METHOD_SEARCH, "r, m", None, fixed, activation)
        cert.reason = ("no theorem applies: the claim depends on both r and m; fix r (r=..., --r) for the recurrence "
                       "theorem or h (h=..., --h) for the degree theorem")
        _search(ctx, cert, ["r", "m"], None)
        return Verdict(cert)
    variable = variables[0]
    domain = _domain_start(claim, variable)
    if start is None:
        start = domain
    else:
        start = check_int(start, "start", minimum=domain, maximum=10_000)
    cert = _new_certificate(ctx, _METHOD_SEARCH, variable, start, fixed, activation)
    try:
        if variable == "m":
            _decide_fixed_r(ctx, cert, start)
        else:
            _decide_fixed_h(ctx, cert, start)
    except _OutOfScope as exc:
        cert = _new_certificate(ctx, _METHOD_SEARCH, variable, start, fixed, activation)
        regime = "fixed r (recurrence order)" if variable == "m" else "fixed h (polynomial degree)"
        cert.reason = f"no theorem applies ({regime}): {exc}"
        _search(ctx, cert, [variable], start)
    return Verdict(cert)
