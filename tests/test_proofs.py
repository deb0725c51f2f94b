"""The proof framework (symbolic_minima.proving) and the proofs package."""

import pytest
import sympy

from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.proving import Proof, list_proofs, proof_names, run_proof, simplifies_to_zero, sums_equal

x = sympy.Symbol("x")
r = sympy.Symbol("r", integer=True, positive=True)
m = sympy.Symbol("m", integer=True, nonnegative=True)
j = sympy.Symbol("j", integer=True, nonnegative=True)
i = sympy.Symbol("i", integer=True, nonnegative=True)


# ---------------------------------------------------------------- framework


def test_identity_step_is_computed_and_can_fail():
    p = Proof("t", "claim")
    good = p.identity("derivative", sympy.diff((sympy.exp(x) - 1) ** (r + 1) / (r + 1), x),
                      sympy.exp(x) * (sympy.exp(x) - 1) ** r)
    bad = p.identity("perturbed", sympy.diff((sympy.exp(x) - 1) ** (r + 1) / (r + 1), x),
                     sympy.exp(x) * (sympy.exp(x) - 1) ** (r + 1))
    assert good.passed is True and bad.passed is False
    assert bad.residual != 0
    p.compare("values", [(1, 1)], claim=("c", lambda a, b: 1), routes=[("e", lambda a, b: 1)])
    assert p.verdict is False
    assert "perturbed" in p.verdict_line() and p.verdict_line().startswith("FAILED")


def test_verdict_needs_a_symbolic_identity_and_a_check():
    p = Proof("t", "claim")
    assert not p.verdict  # nothing done: cannot be verified
    p.identity("trivial but computed", x + x, 2 * x)
    assert not p.verdict  # no exact check
    p.compare("values", [(1, 2)], claim=("c", lambda a, b: 3), routes=[("e", lambda a, b: 3)])
    assert p.finish().verdict
    assert p.verdict_line().startswith("VERIFIED")


def test_compare_detects_a_wrong_value_and_a_missing_route():
    p = Proof("t", "claim")
    chk = p.compare("values", [(1, 1), (2, 2)], claim=("c", lambda a, b: a + b),
                    routes=[("e", lambda a, b: 2 if a == 1 else 5)])
    assert not chk.passed and len(chk.failures) == 1 and "(2, 2)" in chk.failures[0]
    chk2 = p.compare("no route", [(1, 1)], claim=("c", lambda a, b: 1), routes=[("e", lambda a, b: None)])
    assert not chk2.passed
    chk3 = p.compare("non-integer", [(1, 1)], claim=("c", lambda a, b: sympy.Rational(1, 2)),
                     routes=[("e", lambda a, b: 0)])
    assert not chk3.passed


def test_sums_equal_reindexing_and_boundary_terms():
    # Stirling sum reflected and shifted: r!/(r+1)! sum_{i=0}^{r+1} (-1)^(r+1-i) C(r+1,i) i^(m+1)
    stirling_form = sympy.factorial(r) / sympy.factorial(r + 1) * sympy.Sum(
        (-1) ** (r + 1 - i) * sympy.binomial(r + 1, i) * i ** (m + 1), (i, 0, r + 1))
    sum_form = sympy.Sum((-1) ** j * sympy.binomial(r, j) * (r + 1 - j) ** m, (j, 0, r))
    ok, how = sums_equal(stirling_form, sum_form)
    assert ok and "boundary" in how
    wrong = sympy.Sum((-1) ** j * sympy.binomial(r, j) * (r + 2 - j) ** m, (j, 0, r))
    assert not sums_equal(stirling_form, wrong)[0]
    assert not sums_equal(sum_form, sympy.Sum((-1) ** j * sympy.binomial(r, j) * (r + 1 - j) ** m, (j, 1, r)))[0]


def test_simplifies_to_zero_is_exact():
    assert simplifies_to_zero(sympy.binomial(r + 1, j) * (r + 1 - j) / (r + 1) - sympy.binomial(r, j))[0]
    assert not simplifies_to_zero(sympy.Rational(1, 10**30))[0]


def test_latex_fragment_and_repr():
    p = Proof("demo_name", "a claim", r"a = b", reading="groups")
    p.identity("step", x, x)
    p.compare("values", [(1, 1)], claim=("c", lambda a, b: 1), routes=[("e", lambda a, b: 1)])
    tex = p.finish().latex()
    assert r"\texttt{demo\_name}" in tex and "R2" in tex and r"\[ a = b \]" in tex
    assert "Verdict:} verified" in tex
    assert p._repr_latex_().startswith("$$") and "verified" in p._repr_latex_()


def test_registry_lists_the_proofs():
    names = proof_names()
    assert "t_singletons" in names
    assert all(not name.startswith("_") for name in names)
    infos = {info.name: info for info in list_proofs()}
    assert infos["t_singletons"].reading == "singletons"
    with pytest.raises(ArgumentValueError, match="proof name"):
        run_proof("no_such_proof")


def test_proofs_package_is_importable():
    import proofs
    import proofs.t_singletons

    assert proofs.t_singletons.NAME == "t_singletons"
