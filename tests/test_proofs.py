"""The proof framework (symbolic_minima.proving) and the proofs package."""

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
import sympy

import symbolic_minima
from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.latex_text import latex_code
from symbolic_minima.proving import (
    PROOFS_PACKAGE,
    Proof,
    list_proofs,
    proof_names,
    proofs_package,
    run_proof,
    simplifies_to_zero,
    sums_equal,
)

#: The repository (or source tree) holding symbolic_minima/ and proofs/.
REPOSITORY = Path(symbolic_minima.__file__).resolve().parent.parent


def _proof(name):
    """The module ``name`` of proofs/, as symbolic_minima.proving imports it (symbolic_minima._proofs.NAME)."""
    proofs_package()
    return importlib.import_module(f"{PROOFS_PACKAGE}.{name}")

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


def test_sums_equal_nested_sums_with_swapped_index_names():
    n_ = sympy.Symbol("n", integer=True, nonnegative=True)
    a = sympy.Sum(sympy.Sum(sympy.binomial(r, j) * i ** m / sympy.factorial(i), (j, 0, r)), (i, 0, sympy.oo))
    b = sympy.Sum(sympy.Sum(sympy.binomial(r, r - i) * j ** m / sympy.factorial(j), (i, 0, r)), (j, 0, sympy.oo))
    assert sums_equal(a, b)[0]
    c = sympy.Sum(sympy.Sum(sympy.binomial(r, i) * j ** m / sympy.factorial(j + 1), (i, 0, r)), (j, 0, sympy.oo))
    assert not sums_equal(a, c)[0]
    assert not sums_equal(a, sympy.Sum(n_, (n_, 0, r)))[0]


def test_simplifies_to_zero_is_exact():
    assert simplifies_to_zero(sympy.binomial(r + 1, j) * (r + 1 - j) / (r + 1) - sympy.binomial(r, j))[0]
    assert not simplifies_to_zero(sympy.Rational(1, 10**30))[0]
    # text is refused, never parsed by sympify
    with pytest.raises(ArgumentTypeError, match="expr must not contain text"):
        simplifies_to_zero("1 - 1")
    with pytest.raises(ArgumentTypeError, match="a must not contain text"):
        sums_equal("0", 0)


def test_latex_fragment_and_repr():
    p = Proof("demo_name", "a claim", r"a = b", reading="groups")
    p.identity("step", x, x)
    p.compare("values", [(1, 1)], claim=("c", lambda a, b: 1), routes=[("e", lambda a, b: 1)])
    tex = p.finish().latex()
    assert r"\texttt{demo\_\allowbreak{}name}" in tex and "R2" in tex and r"\[ a = b \]" in tex
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


def test_proofs_package_is_the_repository_folder_under_the_package_name():
    package = proofs_package()
    assert package.__name__ == PROOFS_PACKAGE == "symbolic_minima._proofs"
    assert package is sys.modules[PROOFS_PACKAGE] is symbolic_minima._proofs
    assert Path(package.__file__).resolve() == REPOSITORY / "proofs" / "__init__.py"
    t_singletons = _proof("t_singletons")
    assert t_singletons.NAME == "t_singletons"
    assert t_singletons.C is _proof("_common")  # the relative import resolves inside the same package
    assert proofs_package() is package  # loaded once


def test_finding_the_proofs_touches_neither_sys_path_nor_a_top_level_proofs_module():
    code = ("import sys; before = list(sys.path); "
            "from symbolic_minima.proving import list_proofs, run_proof; "
            "assert len(list_proofs()) >= 9; "
            "assert run_proof('relation_shift', max_r=2, extra_m=1).verdict; "
            "assert sys.path == before, 'sys.path changed'; "
            "assert 'proofs' not in sys.modules, 'a top-level proofs module was imported'; "
            "print('ok')")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPOSITORY)
    assert res.returncode == 0 and res.stdout == "ok\n", res.stderr
    # the check above can fail: importing the folder as the top-level package `proofs` is seen
    bad = code.replace("from symbolic_minima.proving", "import proofs; from symbolic_minima.proving")
    res = subprocess.run([sys.executable, "-c", bad], capture_output=True, text=True, cwd=REPOSITORY)
    assert res.returncode == 1 and "a top-level proofs module was imported" in res.stderr
    for source in sorted((REPOSITORY / "proofs").glob("*.py")):
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"sys\.path\s*(\.|\[|\+?=)|\bfrom proofs\b|\bimport proofs\b", text), source.name


# ---------------------------------------------------------------- the proofs

EXPECTED_PROOFS = {
    "t_singletons", "t_groups", "g_critical", "relation_zero_type_sum_singletons",
    "relation_zero_type_sum_groups", "relation_shift", "asymptotics", "asymptotics_groups", "small_values",
}


def test_every_claim_has_a_proof_module():
    assert EXPECTED_PROOFS <= set(proof_names())
    readings = {info.name: info.reading for info in list_proofs()}
    assert readings["t_groups"] == "groups" and readings["g_critical"] is None


@pytest.mark.parametrize("name", sorted(EXPECTED_PROOFS))
def test_proof_is_verified_on_the_full_range(name):
    """Default range: every r <= 5, m <= r + 5 (enumeration up to the documented limit)."""
    proof = run_proof(name)
    assert proof.verdict, proof.summary()
    assert any(s.kind == "identity" and s.passed for s in proof.steps)
    cases = {case for chk in proof.checks for case, _ in chk.cases if isinstance(case, tuple) and len(case) == 2}
    if name not in ("asymptotics", "small_values"):
        assert {(r_, r_ + 5) for r_ in range(1, 6)} <= cases  # the whole range r <= 5, m <= r + 5 was checked
    tex = proof.latex()
    assert "Verdict:} verified" in tex and latex_code(proof.name) in tex


def _wrong(module, **claim):
    proof = module.prove(max_r=3, extra_m=2, **claim)
    assert proof.verdict is False, proof.summary()
    return proof.failed_items()


def test_wrong_closed_form_is_rejected_symbolically_and_numerically():
    C = _proof("_common")
    t_singletons = _proof("t_singletons")

    wrong = sympy.Sum((-1) ** C.j * sympy.binomial(C.r, C.j) * (C.r + 2 - C.j) ** C.m, (C.j, 0, C.r))
    failed = _wrong(t_singletons, claimed_sum=wrong)
    assert any(item.startswith("step") for item in failed)
    assert any(item.startswith("check") for item in failed)


def test_wrong_egf_is_rejected():
    C = _proof("_common")
    g_critical = _proof("g_critical")
    t_groups = _proof("t_groups")

    X = C.species().EGF_VARIABLE
    assert _wrong(g_critical, claimed_egf=(sympy.exp(X) - 1) ** (C.r + 1)) == ["step 'The EGF equals the claimed EGF'"]
    _wrong(t_groups, claimed_egf=(sympy.exp(X) - 1) ** C.r * sympy.exp(sympy.exp(X)))


def test_wrong_relations_and_rates_are_rejected():
    C = _proof("_common")
    asymptotics = _proof("asymptotics")
    relation_shift = _proof("relation_shift")
    relation_zero_type_sum_groups = _proof("relation_zero_type_sum_groups")

    _wrong(relation_shift, claimed_divisor=C.r + 2)
    _wrong(asymptotics, claimed_t_base=C.r + 2)
    _wrong(asymptotics, claimed_g_base=C.r + 1)
    bell_shifted = sympy.Sum(sympy.binomial(C.m, C.k) * sympy.bell(C.k + 1) * sympy.factorial(C.r)
                             * C.stirling().StirlingS2(C.m - C.k, C.r), (C.k, 0, C.m))
    _wrong(relation_zero_type_sum_groups, claimed=bell_shifted)


@pytest.mark.slow  # ~6 s: a failing symbolic step tries every simplifier before giving up
def test_every_claimed_part_can_fail():
    """The claim parts not covered above: a wrong Stirling, convolution, Dobinski or zero-type sum is
    rejected by a symbolic step (the exact checks alone would miss the R1 sum posing as R2 for m <= r+1)."""
    C = _proof("_common")
    g_critical = _proof("g_critical")
    relation_zero_type_sum_singletons = _proof("relation_zero_type_sum_singletons")
    t_groups = _proof("t_groups")
    t_singletons = _proof("t_singletons")

    S2 = C.stirling().StirlingS2
    r, m, k, j = C.r, C.m, C.k, C.j
    i = sympy.Symbol("i", integer=True, nonnegative=True)
    cases = [
        (t_singletons, {"claimed_stirling": sympy.factorial(r) * S2(m + 1, r)}),
        (g_critical, {"claimed_stirling": sympy.factorial(r + 1) * S2(m, r)}),
        # the R1 zero-type sum (Bell factor dropped) and the Dobinski series without 1/e: two wrong steps
        (t_groups, {"claimed_convolution": sympy.Sum(sympy.binomial(m, k) * sympy.factorial(r) * S2(m - k, r),
                                                     (k, 0, m)),
                    "claimed_dobinski": sympy.Sum(
            sympy.Sum((-1) ** j * sympy.binomial(r, j) * (i + r - j) ** m, (j, 0, r)) / sympy.factorial(i),
            (i, 0, sympy.oo))}),
        # the k = 0 term G(r, m) left out
        (relation_zero_type_sum_singletons, {"claimed": sympy.Sum(
            sympy.binomial(m, k) * sympy.factorial(r) * S2(m - k, r), (k, 1, m))}),
    ]
    for module, claim in cases:
        proof = module.prove(max_r=2, extra_m=1, **claim)
        assert proof.verdict is False, (module.NAME, proof.summary())
        failed_steps = [item for item in proof.failed_items() if item.startswith("step")]
        assert len(failed_steps) >= len(claim), (module.NAME, proof.failed_items())


def test_wrong_bell_expansion_is_rejected():
    asymptotics_groups = _proof("asymptotics_groups")

    def perturbed(r_):
        c = asymptotics_groups.derivative_coefficients(r_)
        return [c[0] + 1] + c[1:]

    failed = _wrong(asymptotics_groups, claimed_coefficients=perturbed)
    assert any("direct differentiation" in item for item in failed)
    assert any("Exact identity" in item for item in failed)


def test_wrong_small_value_fails_its_induction_step():
    C = _proof("_common")
    small_values = _proof("small_values")

    failed = _wrong(small_values, claimed={"G(r,r+1)": sympy.factorial(C.r + 1) * C.r / 3})
    assert any("Induction step for $G(r,r+1)$" in item or "Induction step for G(r,r+1)" in item for item in failed)


def test_a_proof_that_crashes_is_a_failed_proof(monkeypatch):
    g_critical = _proof("g_critical")

    def broken(**options):
        raise RuntimeError("species module missing")

    monkeypatch.setattr(g_critical, "prove", broken)
    proof = run_proof("g_critical")
    assert not proof.verdict and "RuntimeError" in proof.verdict_line()


def test_bad_options_raise():
    with pytest.raises(ArgumentValueError, match="max_r"):
        run_proof("g_critical", max_r=0)
    with pytest.raises(ArgumentValueError, match="unknown proof option"):
        run_proof("g_critical", colour="red")


def test_independent_routes_agree_with_enumeration():
    C = _proof("_common")
    from symbolic_minima.labellings import critical_labellings, global_minimum_labellings

    for r_ in range(1, 4):
        for m_ in range(r_, r_ + 4):
            assert C.g_recurrence(r_, m_) == sum(1 for _ in critical_labellings(r_, m_))
            for zt in ("singletons", "groups"):
                assert C.t_recurrence(r_, m_, zt) == sum(1 for _ in global_minimum_labellings(r_, m_, zt))
    assert [C.bell_recurrence(i) for i in range(7)] == [1, 1, 2, 5, 15, 52, 203]
    assert C.enumerated_count("groups", 2, 4, limit=10) is None  # above the limit: route not used


def test_recurrence_follows_the_roles_of_any_registered_reading():
    """t_recurrence reads the allowed free-block sizes from the reading's roles, so a reading registered
    later (zero-sum groups of exactly two: EGF (e^x-1)^r exp(x + x^2/2)) gets the right recurrence too."""
    from symbolic_minima.readings import GLOBAL_MINIMUM, Reading, get_reading, register_reading, unregister_reading
    from symbolic_minima.roles import REPLICA, ZERO_TYPE, ZeroSumGroup

    C = _proof("_common")
    Z = _proof("_zero_type_sum")
    pairs = register_reading(Reading("pairs", "Rpairs", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2)),
                                     description="zero-sum groups of exactly two neurons"))
    try:
        for r_ in range(1, 4):
            for m_ in range(r_, r_ + 4):
                enumerated = sum(1 for _ in pairs.labellings(r_, m_))
                assert C.t_recurrence(r_, m_, "pairs") == enumerated == pairs.species(r_).count(m_)
        # strictly between R1 and R2 from m = r + 3 on (a zero-sum group of three is not a pair)
        assert C.t_recurrence(2, 4, C.R1) < C.t_recurrence(2, 4, "pairs") == C.t_recurrence(2, 4, C.R2) == 62
        assert C.t_recurrence(2, 5, "pairs") == 300 < C.t_recurrence(2, 5, C.R2) == 320
        with pytest.raises(ArgumentValueError, match="R1 and R2 only"):
            Z.zero_factor("pairs", 3)  # the zero-type sum proof is derived for R1 and R2, not silently reused
    finally:
        unregister_reading("pairs")
    with pytest.raises(ArgumentValueError, match="replica blocks"):
        C.t_recurrence(2, 3, C.CRITICAL)
    assert get_reading(C.R1).name == C.R1 and C.R1 != C.R2 != C.CRITICAL


def test_modules_run_with_dash_m_from_the_repository_root(tmp_path):
    out = tmp_path / "g.tex"
    res = subprocess.run([sys.executable, "-m", "proofs.g_critical", "--max-r", "2", "--extra-m", "1", "-o", str(out)],
                         capture_output=True, text=True, cwd=REPOSITORY)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("VERIFIED g_critical") and len(res.stdout.splitlines()) == 1
    assert r"\textbf{Claim}" in out.read_text()
    res = subprocess.run([sys.executable, "-m", "proofs.relation_shift", "--max-r", "2", "--extra-m", "1"],
                         capture_output=True, text=True, cwd=REPOSITORY)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("VERIFIED relation_shift") and r"\textbf{Claim}" in res.stdout


def test_latex_fragment_compiles(tmp_path):
    import shutil

    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not installed")
    proof = run_proof("t_groups", max_r=2, extra_m=2)
    (tmp_path / "frag.tex").write_text(proof.latex())
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\usepackage{amsmath}\\begin{document}\\input{frag}\\end{document}\n")
    res = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "main.tex"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert res.returncode == 0, res.stdout[-2000:]
