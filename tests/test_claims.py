"""Claims for all sizes (issue 13): the claim language, the decision procedure and its certificates, the CLI.

Every regime is tested for all three outcomes; claims just outside a theorem's
scope must come out undecided (never proved); wrong claims that agree on the
first few values must be refuted at their first wrong value; injection
attempts must be refused without executing anything.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from fractions import Fraction
from math import comb, factorial
from pathlib import Path

import pytest
import sympy

from symbolic_minima.claim_language import (
    MAX_CLAIM_LENGTH,
    MAX_DEPTH,
    EvaluationError,
    evaluate,
    parse_claim,
)
from symbolic_minima.claim_language import G as claim_G
from symbolic_minima.claim_language import T as claim_T
from symbolic_minima.claims import Verdict, decide
from symbolic_minima.counting import G, T, bell_numbers
from symbolic_minima.errors import (
    ArgumentTypeError,
    ArgumentValueError,
    SymbolicMinimaError,
)

ROOT = Path(__file__).resolve().parents[1]


def cli(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # this checkout, whatever the cwd
    return subprocess.run([sys.executable, "-m", "symbolic_minima", "claim", *args], capture_output=True, text=True,
                          cwd=cwd, check=False, env=env)


# =========================================================================== the claim language


@pytest.mark.parametrize("text, left, right", [
    ("3^m - 1 == 2", "3**m - 1", "2"),                    # ^ binds like **, not like Python's xor
    ("-2^2 == -4", "-4", "-4"),                          # unary minus below the power
    ("2^-1 == 1/2", "1/2", "1/2"),
    ("2**m == 2^m", "2**m", "2**m"),
    ("T(r, r+h) == G(r, m)", "T(r, m)", "G(r, m)"),      # h is m - r
    ("binomial(m, 2)*stirling2(m, 3) == bell(m)/factorial(3)", "StirlingS2(m, 3)*binomial(m, 2)",
     "bell(m)/factorial(3)"),
])
def test_grammar_builds_the_expected_sympy_objects(text, left, right):
    claim = parse_claim(text)
    assert sympy.sstr(claim.lhs) == left
    assert sympy.sstr(claim.rhs) == right


@pytest.mark.parametrize("text, words", [
    ("__import__('os').system('true') == 0", "attribute access"),
    ("().__class__ == 1", "attribute access ('.__class__')"),
    ("(lambda: 1)() == 1", "lambda"),
    ("lambda: 1 == 1", "lambda"),
    ("eval('1') == 1", "calls to 'eval'"),
    ("open('f') == 1", "calls to 'open'"),
    ("T(r, m, zero_type=1) == 1", "keyword arguments"),
    ("T(r, m)[0] == 1", "subscript"),
    ("[x for x in m] == 1", "comprehension"),
    ("'a' == 'a'", "string"),
    ("0.5 == m", "floats"),
    ("1e3 == m", "floats"),
    ("0x10 == m", "decimal digits"),
    ("10^10^10 == 1", "exponent 10000000000 is too large"),
    ("(2^1000)^1000 == 1", "too large"),
    ("2^(10^4*m) == 1", "inside an exponent is too large"),
    ("1" * 101 + " == m", "101 digits"),
    ("factorial(10^6) == 1", "too large"),
    ("(" * (MAX_DEPTH + 1) + "m" + ")" * (MAX_DEPTH + 1) + " == m", "nested"),
    ("-" * 60 + "m == m", "nested deeper"),
    ("m + " * 300 + "m == m", "characters"),
    ("x == 1", "unknown name 'x'"),
    ("T == 1", "T is a function"),
    ("r(3) == 1", "calls to 'r'"),
    ("m % 2 == 0", "Mod"),
    ("m < 3", "only =="),
    ("r == m == 1", "exactly one =="),
    ("m = 1", "use == for equality"),
    ("T(r) == 1", "T takes 2 argument(s)"),
    ("1/0 == 1", "division by zero"),
    ("m\x00 == 1", "character"),
    ("ｍ == 1", "character"),
    ("True == 1", "True"),
    ("m", "one equation"),
])
def test_text_outside_the_grammar_is_refused_in_one_line(text, words):
    with pytest.raises(ArgumentValueError) as info:
        parse_claim(text)
    message = str(info.value)
    assert words in message, message
    assert "\n" not in message and message.startswith("claim: ")


def test_text_limits():
    assert MAX_CLAIM_LENGTH == 1000
    with pytest.raises(ArgumentTypeError):
        parse_claim(b"m == m")
    with pytest.raises(ArgumentTypeError):
        parse_claim(["m == m"])


def test_injection_payloads_never_execute(tmp_path, monkeypatch):
    target = tmp_path / "PWNED"
    monkeypatch.chdir(tmp_path)
    payloads = [
        f"__import__('pathlib').Path({str(target)!r}).touch() == 0",
        f"__import__('os').system('touch {target}') == 0",
        f"exec(\"open('{target}', 'w')\") == 0",
        "().__class__.__base__.__subclasses__() == 0",
        f"T(r, m) == __import__('os').system('touch {target}')",
        f"[open({str(target)!r}, 'w') for _ in 'x'] == 0",
    ]
    for payload in payloads:
        with pytest.raises(SymbolicMinimaError):
            parse_claim(payload)
        with pytest.raises(SymbolicMinimaError):
            decide(payload)
        for wrapped in ([payload], (payload,), {payload: 1}):
            with pytest.raises(SymbolicMinimaError):
                decide(wrapped)
        for function in (claim_T, claim_G):  # sympy would parse a text argument of a plain Function
            with pytest.raises(ArgumentTypeError):
                function(payload, 1)
            with pytest.raises(ArgumentTypeError):
                function(1, [payload])
        assert not target.exists()


def test_injection_through_the_command_line_exits_2_and_creates_nothing(tmp_path):
    target = tmp_path / "PWNED"
    for payload in (f"__import__('os').system('touch {target}') == 0",
                    f"__import__('pathlib').Path({str(target)!r}).touch() == 0"):
        res = cli(payload)
        assert res.returncode == 2
        assert res.stdout == ""
        assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    assert not target.exists()


def test_sympy_claims_pass_the_same_whitelist():
    m = sympy.Symbol("m")  # any assumptions: matched by name
    t = sympy.Function("T")
    assert decide(sympy.Eq(t(1, m), 2**m - 1)).verdict == "proved"
    assert decide(t(1, m) - 2**m + 1).verdict == "proved"  # an expression means expr == 0
    with pytest.raises(ArgumentValueError, match="not part of the claim language"):
        decide(sympy.Eq(sympy.Function("f")(m), 1))
    with pytest.raises(ArgumentValueError, match="integers and rationals only"):
        decide(sympy.Eq(t(1, m), sympy.Float(1.5)))
    with pytest.raises(ArgumentValueError, match="unknown name 'x'"):
        decide(sympy.Eq(t(1, m), sympy.Symbol("x")))
    with pytest.raises(ArgumentValueError, match="already evaluated"):
        decide(sympy.Eq(t(1, m), t(1, m)))
    with pytest.raises(ArgumentValueError, match="too large"):
        decide(sympy.Eq(t(1, m), sympy.Pow(m, 10**6)))


def test_evaluation_matches_independent_routes():
    r, m = sympy.Symbol("r", integer=True, positive=True), sympy.Symbol("m", integer=True, positive=True)
    claim = parse_claim("T(r, m) + G(r, m) + bell(m) + stirling2(m, r) + binomial(m, r) + factorial(m) == 0")
    for rv in range(1, 4):
        for mv in range(rv, 7):
            want = T(rv, mv) + G(rv, mv) + bell_numbers(mv)[mv] + int(sympy.functions.combinatorial.numbers.stirling(
                mv, rv)) + comb(mv, rv) + factorial(mv)
            assert claim.evaluate({"r": rv, "m": mv}) == (want, 0)
    # binomial with a negative upper index: the polynomial n(n-1)...(n-k+1)/k!, as sympy defines it
    n = sympy.Symbol("n", integer=True)
    for nv in range(-5, 6):
        for kv in range(-2, 5):
            expr = sympy.binomial(m - 10, kv, evaluate=False)
            assert evaluate(expr, {"m": nv + 10}) == Fraction(int(sympy.binomial(n, kv).subs(n, nv)))
    with pytest.raises(EvaluationError) as info:
        evaluate(parse_claim("T(3, m) == 1").lhs, {"m": 2})
    assert info.value.kind == "domain"
    with pytest.raises(EvaluationError) as info:
        evaluate(parse_claim("1/(m - 2) == 1").lhs, {"m": 2})
    assert info.value.kind == "division by zero"
    with pytest.raises(EvaluationError) as info:
        evaluate(parse_claim("2^(m^3) == 1").lhs, {"m": 400})
    assert info.value.kind == "too large"
    assert r not in parse_claim("m == 1").lhs.free_symbols


# =========================================================================== the examples of the issue


def test_small_values_behind_the_examples():
    # T(r, r+2) = (r+3)!(3r+4)/24: true, computed before it is tested
    assert [T(r, r + 2) for r in range(1, 7)] == [factorial(r + 3) * (3 * r + 4) // 24 for r in range(1, 7)]
    assert [T(r, r + 1) for r in range(1, 7)] == [factorial(r + 1) * (r + 2) // 2 for r in range(1, 7)]
    assert [T(r, r + 2, zero_type="groups") for r in range(1, 7)] == [
        factorial(r + 3) * (3 * r + 4) // 24 + factorial(r) * comb(r + 2, 2) for r in range(1, 7)]


@pytest.mark.parametrize("text, zero_type, method, start, bound", [
    ("T(r, r+1) == factorial(r+1)*(r+2)/2", "singletons", "polynomial degree (fixed h)", 1, 3),
    ("T(r, r+2) == factorial(r+3)*(3*r+4)/24", "singletons", "polynomial degree (fixed h)", 1, 5),
    ("T(r, r+1) == factorial(r+1)*(r+2)/2", "groups", "polynomial degree (fixed h)", 1, 3),
    ("T(r, r+2) == factorial(r+3)*(3*r+4)/24 + factorial(r)*binomial(r+2, 2)", "groups",
     "polynomial degree (fixed h)", 1, 5),
    ("G(r, r+1) == factorial(r+1)*r/2", "singletons", "polynomial degree (fixed h)", 1, 3),
    ("T(r, r+1) == G(r+1, r+2)/(r+1)", "singletons", "polynomial degree (fixed h)", 1, 3),
    ("T(r, r) == factorial(r)", "groups", "polynomial degree (fixed h)", 1, 1),
    ("G(3, m) == 3^m - 3*2^m + 3", "singletons", "recurrence order (fixed r)", 3, 3),
    ("T(1, m) == 2^m - 1", "singletons", "recurrence order (fixed r)", 1, 2),
    ("T(2, m) == 3*T(2, m-1) + 2*T(1, m-1)", "singletons", "recurrence order (fixed r)", 3, 3),
    ("T(3, m) == 4^m - 3*3^m + 3*2^m - 1", "singletons", "recurrence order (fixed r)", 3, 4),
    ("G(2, m) + m^2*2^m == 2^m - 2 + m^2*2^m", "singletons", "recurrence order (fixed r)", 2, 4),
    ("T(1, m) == bell(m+1) - bell(m)", "groups", "EGF identity (zero-sum groups)", 1, None),
    ("T(2, m) == bell(m+2) - 3*bell(m+1) + bell(m)", "groups", "EGF identity (zero-sum groups)", 2, None),
    ("T(2, m) == 3*T(2, m-1) + 2*T(1, m-1) + T(3, m-1)", "groups", "EGF identity (zero-sum groups)", 4, None),
    ("m*bell(m) + T(1, m) == bell(m+1) - bell(m) + m*bell(m)", "groups", "EGF identity (zero-sum groups)", 1, None),
    ("T(3, 5) == 390", "singletons", "exact evaluation", None, None),
])
def test_true_claims_are_proved(text, zero_type, method, start, bound):
    v = decide(text, zero_type)
    assert v.verdict == "proved", v.summary()
    assert v.method == method
    assert v.certificate.start == start and v.certificate.bound == bound
    assert v.counterexample is None and v.exit_status == 0
    if method.startswith("EGF"):
        assert not v.checked  # never by finitely many checks
        assert v.certificate.identity
    elif bound is not None:
        assert len(v.checked) == bound and all(c.holds for c in v.checked)
        variable = v.certificate.variable
        assert [c.at[variable] for c in v.checked] == list(range(start, start + bound))


@pytest.mark.parametrize("text, zero_type, at, left, right, agreeing", [
    ("T(2, m) == 3^m", "singletons", {"m": 2}, 2, 9, 0),
    ("T(r, r+2) == factorial(r+3)*(3*r+4)/24 + factorial(r)*binomial(r+1, 2)", "groups", {"r": 1}, 10, 8, 0),
    # designed to agree on the first values: a naive check of as many values as the left side's order passes
    ("T(1, m) == 2^m - 1 + binomial(m-1, 5)", "singletons", {"m": 6}, 63, 64, 5),
    ("G(2, m) == 2^m - 2 + (m-2)*(m-3)*2^m", "singletons", {"m": 4}, 14, 46, 2),
    ("T(r, r+1) == factorial(r+1)*(r+2)/2 + factorial(r)*(r-1)*(r-2)*(r-3)*(r-4)*(r-5)", "singletons",
     {"r": 6}, 20160, 106560, 5),
    # r! times the quadratic through T(r, r+2)/r! at r = 1, 2, 3: only T's degree bound 4 reaches r = 4
    ("T(r, r+2) == factorial(r)*(11*r^2 - 15*r + 11)", "singletons", {"r": 4}, 3360, 3048, 3),
    ("T(1, m) == 2^m - 1", "groups", {"m": 3}, 10, 7, 2),   # R1's formula: agrees with R2 for m <= r + 1
    ("T(1, m) == bell(m+1) - bell(m) + binomial(m-1, 4)", "groups", {"m": 5}, 151, 152, 4),
    ("T(r, r+1)*(r^2-100)/(r-10) == factorial(r+1)*(r+2)*(r+10)/2", "singletons", {"r": 10}, None, 4790016000, 4),
    ("T(3, 5) == 391", "singletons", {}, 390, 391, 0),
])
def test_false_claims_are_refuted_at_their_first_wrong_value(text, zero_type, at, left, right, agreeing):
    v = decide(text, zero_type)
    assert v.verdict == "refuted", v.summary()
    c = v.counterexample
    assert c.at == at and c.left == left and c.right == right and not c.holds
    assert sum(1 for x in v.checked if x.holds) == agreeing  # every smaller value was checked and agrees
    assert v.checked[-1] == c and v.exit_status == 1


def test_multiplicities_count_in_the_recurrence_order():
    v = decide("G(2, m) == 2^m - 2 + (m-2)*(m-3)*2^m")
    assert v.certificate.bound == 4  # roots 2 (multiplicity 3) and 1; counting 2 once would stop at m = 3
    assert "2 (x3)" in v.certificate.bound_derivation


@pytest.mark.parametrize("text, zero_type, kw", [
    # fixed r, one term outside the exponential polynomials (true claims: the search finds nothing)
    ("T(1, m) + m^m == 2^m - 1 + m^m", "singletons", {}),
    ("T(1, m) + factorial(m) == 2^m - 1 + factorial(m)", "singletons", {}),
    ("G(2, m) + bell(m)^2 == 2^m - 2 + bell(m)^2", "singletons", {}),
    # fixed h, one term that is not r! times a rational function
    ("T(r, r+1) + 2^r == factorial(r+1)*(r+2)/2 + 2^r", "singletons", {}),
    ("T(r, r+1) + factorial(2*r) == factorial(r+1)*(r+2)/2 + factorial(2*r)", "singletons", {}),
    ("T(r, r+1) + bell(r) == factorial(r+1)*(r+2)/2 + bell(r)", "groups", {}),
    # groups reading at fixed r, outside the EGF identities handled
    ("T(1, m)*bell(m) == (bell(m+1) - bell(m))*bell(m)", "groups", {}),
    ("2^m*T(1, m) == 2^m*(bell(m+1) - bell(m))", "groups", {}),
    # two variables, no theorem
    ("T(r, m) == factorial(r)*stirling2(m+1, r+1)", "singletons", {}),
])
def test_claims_just_outside_a_theorem_are_undecided_never_proved(text, zero_type, kw):
    v = decide(text, zero_type, search_examples=10, **kw)
    assert v.verdict == "undecided", v.summary()
    assert v.method == "counterexample search" and v.exit_status == 3
    assert "no theorem applies" in v.certificate.reason
    assert "no counterexample found (evidence, not a proof)" in v.certificate.search
    assert v.checked and all(c.holds for c in v.checked)


def test_search_refutes_a_false_claim_outside_every_theorem():
    v = decide("T(3, m) == factorial(m)", search_examples=0)
    assert v.verdict == "refuted" and v.method == "counterexample search"
    assert v.counterexample.at == {"m": 4} and (v.counterexample.left, v.counterexample.right) == (60, 24)
    v = decide("T(r, m) == factorial(r)*stirling2(m+1, r+1) + binomial(m, 7)", search_examples=20)
    assert v.verdict == "refuted" and v.counterexample.at["m"] == 7


def test_fixing_r_or_h_brings_a_two_variable_claim_under_a_theorem():
    claim = "T(r, m) == factorial(r)*stirling2(m+1, r+1)"
    v = decide(claim, r=4)
    assert (v.verdict, v.method, v.certificate.start, v.certificate.fixed) == (
        "proved", "recurrence order (fixed r)", 4, {"r": 4})
    v = decide(claim, h=3)
    assert (v.verdict, v.method, v.certificate.bound) == ("proved", "polynomial degree (fixed h)", 7)
    v = decide("G(r, r+h) == factorial(r+h)*r/2", h=1)  # SPEC section 5: G(r, r+1) = (r+1)! r/2
    assert v.verdict == "proved"
    assert all(c.left == G(c.at["r"], c.at["r"] + 1) for c in v.checked)
    assert decide("G(r, r+h) == factorial(r+h)*r/2", h=2).verdict == "refuted"


def test_start_and_budget():
    v = decide("G(3, m) == 3^m - 3*2^m + 3", start=6)
    assert v.verdict == "proved" and [c.at["m"] for c in v.checked] == [6, 7, 8]
    with pytest.raises(ArgumentValueError, match="start must be an integer in \\[3"):
        decide("G(3, m) == 3^m - 3*2^m + 3", start=2)
    v = decide("T(40, m) == T(40, m)", budget=10, search_examples=0)
    assert v.verdict == "undecided"
    assert "more than the budget of 10" in v.certificate.reason and v.certificate.bound == 41
    assert len(v.checked) <= 10
    assert decide("T(40, m) == T(40, m)", budget=100).verdict == "proved"


def test_bad_options_are_refused():
    with pytest.raises(ArgumentValueError, match="activation 'softplus' is refused.*even \\+ linear"):
        decide("T(1, m) == 2^m - 1", activation="softplus")
    with pytest.raises(ArgumentValueError, match="activation must be one of"):
        decide("T(1, m) == 2^m - 1", activation="tanhh")
    with pytest.raises(ArgumentValueError):
        decide("T(1, m) == 2^m - 1", zero_type="pairs")
    with pytest.raises(ArgumentValueError):
        decide("T(1, m) == 2^m - 1", budget=0)
    with pytest.raises(ArgumentValueError, match="never defined"):
        decide("T(3, 2) == 0")
    with pytest.raises(ArgumentValueError, match="finitely many"):
        decide("T(1, 10 - m) == 1")


def test_fixed_h_degree_bound_holds_for_both_readings_and_g():
    """The lemma behind the degree bound, checked on data: T(r, r+h)/r! and G(r, r+h)/r! have degree <= 2h."""
    r = sympy.Symbol("r")
    for h in range(4):
        for name, f in (("R1", lambda a, b: T(a, b)), ("R2", lambda a, b: T(a, b, zero_type="groups")), ("G", G)):
            points = [(n, sympy.Rational(f(n, n + h), factorial(n))) for n in range(1, 2 * h + 2)]
            poly = sympy.interpolate(points, r)
            assert sympy.degree(poly, r) <= 2 * h
            for n in range(2 * h + 2, 2 * h + 6):
                assert poly.subs(r, n) * factorial(n) == f(n, n + h), (name, h, n)


def test_egf_ring_derivatives_match_sympy():
    """The EGF ring's d/dx and x d/dx (the groups regime) against sympy's differentiation."""
    from symbolic_minima.claims import _g_deriv, _g_theta, _g_to_sympy

    x = sympy.Symbol("x")
    f = {(0, Fraction(0), 1): Fraction(1), (2, Fraction(3, 2), 1): Fraction(-5, 7), (1, Fraction(-1), 0): Fraction(2),
         (3, Fraction(0), 0): Fraction(4), (0, Fraction(2), 2): Fraction(1, 3)}
    for _ in range(3):
        e = _g_to_sympy(f)
        assert sympy.simplify(_g_to_sympy(_g_deriv(f)) - sympy.diff(e, x)) == 0
        assert sympy.simplify(_g_to_sympy(_g_theta(f)) - x * sympy.diff(e, x)) == 0
        f = _g_deriv(f)


def test_recurrence_expansion_from_the_egf_matches_the_counts():
    """The exponential polynomial read off the species EGF is the count (checked well past the bound)."""
    for a in range(1, 6):
        tr = "T({a}, m) == " + " + ".join(f"({(-1) ** j * comb(a, j)})*{a + 1 - j}^m" for j in range(a + 1))
        v = decide(tr.format(a=a))
        assert v.verdict == "proved" and v.certificate.bound == a + 1
        for mv in range(a, a + 12):
            assert sum((-1) ** j * comb(a, j) * (a + 1 - j) ** mv for j in range(a + 1)) == T(a, mv)


# =========================================================================== certificates


def test_certificate_json_text_and_latex(tmp_path):
    v = decide("T(r, r+1) == factorial(r+1)*(r+2)/2")
    data = v.to_json()
    assert list(data)[:4] == ["verdict", "method", "checked", "counterexample"]
    assert data["verdict"] == "proved" and data["counterexample"] is None
    assert data["checked"] == [{"r": 1, "left": 3, "right": 3, "holds": True},
                               {"r": 2, "left": 12, "right": 12, "holds": True},
                               {"r": 3, "left": 60, "right": 60, "holds": True}]
    cert = data["certificate"]
    assert cert["bound"] == 3 and cert["start"] == 1 and cert["reading"] == "R1"
    assert "deg P <= 2" in cert["bound_derivation"] and "deg N <= 2" in cert["bound_derivation"]
    json.dumps(data)
    text = v.summary()
    assert text.startswith("PROVED: T(r, r+1) == factorial(r+1)*(r+2)/2  [for every integer r >= 1]")
    tex = v.latex()
    assert tex.startswith("% Generated by symbolic_minima.claims")
    assert r"T_{\mathrm{R1}}\left(r, r + 1\right)" in tex and r"\begin{tabular}" in tex
    assert "$=$" in tex and "\\paragraph{Verdict: proved.}" in tex
    assert v._repr_latex_().startswith("$$") and "proved" in v._repr_latex_()
    path = tmp_path / "claim.tex"
    v.write_latex(path)
    assert path.read_text() == tex
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claim.tex"]  # no temporary file left
    assert isinstance(v, Verdict) and "proved" in repr(v)


def test_refuted_and_egf_certificates_render():
    v = decide("T(2, m) == 3^m")
    assert v.to_json()["counterexample"] == {"m": 2, "left": 2, "right": 9, "holds": False}
    assert "\\emph{Counterexample.} At $m = 2$" in v.latex()
    v = decide("T(1, m) == bell(m+1) - bell(m)", zero_type="groups")
    assert v.to_json()["checked"] == []
    assert "e^{e^{x} - 1}" in v.latex() and "Identity" in v.latex()
    assert v.certificate.cross_checks  # the EGF's coefficients were compared with exact values
    v = decide("m^m == m^m", search_examples=5)
    assert "Search." in v.latex() and v.to_json()["verdict"] == "undecided"


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex not installed")
def test_latex_fragment_compiles(tmp_path):
    fragments = [decide(c, z).latex() for c, z in (("T(r, r+1) == factorial(r+1)*(r+2)/2", "singletons"),
                                                  ("T(1, m) == bell(m+1) - bell(m)", "groups"),
                                                  ("T(2, m) == 3^m", "singletons"))]
    for i, frag in enumerate(fragments):
        (tmp_path / f"c{i}.tex").write_text(frag)
    doc = "\\documentclass{article}\\usepackage{amsmath}\\begin{document}\n"
    doc += "".join(f"\\input{{c{i}.tex}}\n" for i in range(len(fragments))) + "\\end{document}\n"
    (tmp_path / "doc.tex").write_text(doc)
    res = subprocess.run(["pdflatex", "-interaction=nonstopmode", "doc.tex"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120, check=False)
    assert res.returncode == 0, res.stdout[-2000:]


# =========================================================================== command line


@pytest.mark.parametrize("args, status", [
    (["T(r, r+1) == factorial(r+1)*(r+2)/2"], 0),
    (["T(2, m) == 3^m"], 1),
    (["T(1, m) + m^m == 2^m - 1 + m^m", "--search", "5"], 3),
])
def test_cli_exit_status_in_a_subprocess(args, status, tmp_path):
    res = cli(*args, cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing written (not even hypothesis's cache)
    assert res.returncode == status, res.stdout + res.stderr
    assert res.stderr == ""
    assert res.stdout.split(":")[0] == {0: "PROVED", 1: "REFUTED", 3: "UNDECIDED"}[status]


def test_cli_bad_input_in_a_subprocess():
    res = cli("T(1, m) == 2^m - 1", "--activation", "relu")
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.strip().splitlines() == [
        ("symbolic-minima: error: activation 'relu' is refused for counting and completeness: it is piecewise "
         "linear, not smooth: ReLU-type activations are out of scope")]


def main(capsys, *args):
    from symbolic_minima.cli import main as cli_main

    status = cli_main(["claim", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("args, status", [
    (["G(3, m) == 3^m - 3*2^m + 3"], 0),
    (["T(1, m) == 2^m - 1", "--zero-type", "groups"], 1),
    (["T(1, m) == bell(m+1) - bell(m)", "--zero-type", "groups"], 0),
    (["T(r, m) == factorial(r)*stirling2(m+1, r+1)", "--r", "3"], 0),
    (["T(r, m) == factorial(r)*stirling2(m+1, r+1)", "--h", "2"], 0),
    (["T(r, m) == factorial(r)*stirling2(m+1, r+1)", "--search", "0"], 3),
    (["T(1, m) == 2^m - 1", "--activation", "generic"], 0),
    (["T(1, m) == 4^m - 2^m", "--activation", "tanh"], 0),
    (["T(1, m) == 2^m - 1", "--activation", "odd"], 1),
    (["G(3, m) == 3^m - 3*2^m + 3", "--start", "10"], 0),
    (["T(40, m) == T(40, m)", "--budget", "5", "--search", "0"], 3),
])
def test_cli_exit_status(capsys, args, status):
    got, out, err = main(capsys, *args)
    assert got == status, out + err
    assert err == ""
    assert out.split(":")[0] == {0: "PROVED", 1: "REFUTED", 3: "UNDECIDED"}[status]


@pytest.mark.parametrize("args, words", [
    (["T(1, m) == 2^m - 1", "--activation", "softplus"], "even + linear"),
    (["T(1, m) == 2^m - 1", "--zero-type", "pairs"], "--zero-type"),
    (["T(1, m) == 2^m - 1", "--budget", "0"], "--budget"),
    (["T(1, m) == 2^m - 1", "--r", "x"], "--r"),
    (["G(3, m) == 3^m - 3*2^m + 3", "--start", "2"], "start"),
    (["T(1, m) == 2^m - 1", "--json", "--latex"], "not allowed with"),
    (["10^10^10 == m"], "too large"),
    (["T(r, m) == 1 + " + "(" * 50 + "1" + ")" * 50], "nested"),
    (["().__class__ == 1"], "attribute access"),
    (["(lambda: 1)() == 1"], "lambda"),
    (["T(3, 2) == 0"], "never defined"),
])
def test_cli_bad_input_exits_2_with_one_line(capsys, args, words):
    status, out, err = main(capsys, *args)
    assert status == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in err


def test_cli_json_latex_and_tex_file(capsys, tmp_path):
    status, out, _ = main(capsys, "T(2, m) == 3^m", "--json")
    data = json.loads(out)
    assert status == 1 and list(data)[:4] == ["verdict", "method", "checked", "counterexample"]
    assert data["verdict"] == "refuted" and data["counterexample"] == {"m": 2, "left": 2, "right": 9, "holds": False}
    tex = tmp_path / "c.tex"
    status, out, _ = main(capsys, "G(3, m) == 3^m - 3*2^m + 3", "--latex", "--tex", str(tex))
    assert status == 0 and out == tex.read_text()
    assert "\\paragraph{Verdict: proved.}" in out
    status, out, _ = main(capsys, "T(1, m) + factorial(m) == 2^m - 1 + factorial(m)", "--json", "--search", "3")
    data = json.loads(out)
    assert status == 3 and data["verdict"] == "undecided" and data["counterexample"] is None
    assert data["method"] == "counterexample search" and data["checked"]
    status, _, err = main(capsys, "T(1, m) == 2^m - 1", "--tex", str(tmp_path / "no" / "such" / "dir.tex"))
    assert status == 2 and "cannot write --tex file" in err


def test_cli_defaults_agree_with_the_library():
    from symbolic_minima import claims
    from symbolic_minima.cli import claim as cli_claim

    assert cli_claim.ACTIVATIONS == claims.ACTIVATIONS
    assert cli_claim.DEFAULT_BUDGET == claims.DEFAULT_BUDGET
    assert cli_claim.DEFAULT_SEARCH_EXAMPLES == claims.DEFAULT_SEARCH_EXAMPLES
