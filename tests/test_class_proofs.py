"""The proofs of the activation classes (proofs/class_*.py) and ``symbolic-minima prove --activation``."""

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
import sympy

import symbolic_minima
from symbolic_minima.cli import main
from symbolic_minima.proving import PROOFS_PACKAGE, list_proofs, proofs_package, run_proof

REPOSITORY = Path(symbolic_minima.__file__).resolve().parent.parent
CLASS_PROOFS = {"class_zero_at_origin": "zero-at-origin", "class_odd": "odd", "class_even": "even",
                "class_even_zero_at_origin": "even-zero-at-origin"}


def _proof(name):
    proofs_package()
    return importlib.import_module(f"{PROOFS_PACKAGE}.{name}")


def test_every_class_has_a_proof_module_in_the_registry():
    infos = {info.name: info for info in list_proofs()}
    for name, cls in CLASS_PROOFS.items():
        assert infos[name].activation_class == cls and infos[name].reading is None
    assert infos["t_singletons"].activation_class is None  # the generic proofs are unchanged


@pytest.mark.parametrize("name", sorted(CLASS_PROOFS))
def test_class_proof_is_verified(name):
    proof = run_proof(name, max_r=2, extra_m=2)
    assert proof.verdict, proof.summary()
    assert proof.activation_class == CLASS_PROOFS[name]
    assert proof.to_json()["activation_class"] == CLASS_PROOFS[name]
    titles = [s.title for s in proof.steps if s.kind == "identity"]
    for label in ("R1", "R2", "crit"):  # every reading of the class is covered
        assert f"{label}: the EGF equals the claimed EGF" in titles
        assert f"{label}: the extracted coefficient equals the claimed sum form" in titles
    checks = {c.title: c for c in proof.checks}
    r1 = next(c for t, c in checks.items() if t.startswith("R1: the claimed values"))
    assert r1.route_cases["enumeration"] == len(r1.cases) > 0  # every case enumerated at this size
    assert any(t.startswith("R2: species structures correspond") for t in checks)
    assert any("isolated points" in t for t in checks) and any("P_h" in t for t in checks)
    tex = proof.latex()
    assert "Verdict:} verified" in tex and f"activation class {CLASS_PROOFS[name]}" in tex


def _failed(module, claimed):
    proof = module.prove(max_r=1, extra_m=1, claimed=claimed)
    assert proof.verdict is False, proof.summary()
    return proof.failed_items()


@pytest.mark.slow  # ~8 s: a failing symbolic step tries every simplifier before giving up
def test_wrong_claims_are_rejected():
    odd = _proof("class_odd")
    zoo = _proof("class_zero_at_origin")
    C = _proof("_common")
    x = C.egf_variable()
    r, m, j = C.r, C.m, C.j
    S2 = C.stirling().StirlingS2
    # the even class's R1 EGF claimed for the odd class: the EGF step fails (and only the symbolic steps see it)
    failed = _failed(odd, {"singletons": {"egf": (sympy.exp(2 * x) - 1) ** r * sympy.exp(x)}})
    assert failed == ["step 'R1: the EGF equals the claimed EGF'"]
    # a wrong sum form, a wrong Stirling form (the generic one, without 2^m), a wrong Dobinski series (the 1/2
    # inside the exponential dropped) and r! points for a sign class: each fails its symbolic step, the first
    # two and the points also their exact checks
    wrong_sum = sympy.Sum((-1) ** j * sympy.binomial(r, j) * (2 * (r - j) + 3) ** m, (j, 0, r))
    wrong_groups = sympy.exp(-1) * sympy.Sum(sympy.Sum((-1) ** j * sympy.binomial(r, j) * (2 * (r - j) + 2 * C.k + 1)
                                                        ** m, (j, 0, r)) / sympy.factorial(C.k), (C.k, 0, sympy.oo))
    failed = _failed(odd, {"critical": {"sum": wrong_sum},
                           "singletons": {"stirling": sympy.factorial(r) * S2(m + 1, r + 1)},
                           "groups": {"sum": wrong_groups}, "points": sympy.factorial(r)})
    assert any(item.startswith("step 'crit: the extracted coefficient") for item in failed)
    assert any(item.startswith("check 'crit: the claimed values") for item in failed)
    assert any(item.startswith("step 'R1: hence the claimed Stirling form") for item in failed)
    assert any(item.startswith("check 'R1: the claimed values") for item in failed)
    assert any(item.startswith("step 'R2: the extracted coefficient") for item in failed)
    assert any("number of points" in item for item in failed) and any("isolated points" in item for item in failed)
    # r! 2^r points claimed for the zero-at-origin class
    assert any("isolated points" in item for item in _failed(zoo, {"points": 2**r * sympy.factorial(r)}))
    with pytest.raises(symbolic_minima.errors.ArgumentValueError, match="unknown part"):
        odd.prove(max_r=1, extra_m=0, claimed={"singletons": {"convolution": 0}})


def test_the_degree_polynomials_predict_the_counts():
    K = _proof("_class_common")
    from symbolic_minima.counting import CLASS_SHAPES, T

    P = K.degree_polynomial(CLASS_SHAPES[("odd", "singletons")], 1)
    r = _proof("_common").r
    assert sympy.Poly(P, r).degree() == 1
    for n in range(1, 8):
        assert 2**n * sympy.factorial(n + 1) * P.subs(r, n) == T(n, n + 1, activation="odd")


def test_modules_run_with_dash_m_and_write_their_fragment(tmp_path):
    out = tmp_path / "odd.tex"
    res = subprocess.run([sys.executable, "-m", "proofs.class_odd", "--max-r", "1", "--extra-m", "1", "-o", str(out)],
                         capture_output=True, text=True, cwd=REPOSITORY)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("VERIFIED class_odd") and len(res.stdout.splitlines()) == 1
    assert r"\textbf{Claim} \texttt{class\_\allowbreak{}odd} (activation class odd" in out.read_text()


def test_prove_cli_lists_and_filters_by_activation(capsys):
    assert main(["prove", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("asymptotics  [zero_type=singletons]")  # the generic proofs first, as before
    assert any(line.startswith("class_odd  [activation_class=odd]") for line in lines)
    assert main(["prove", "--list", "--activation", "tanh"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == ["class_odd"]
    assert main(["prove", "--list", "--activation", "generic"]) == 0
    assert not any(line.startswith("class_") for line in capsys.readouterr().out.splitlines())
    assert main(["prove", "class_odd", "--activation", "gaussian"]) == 2
    assert "not a proof of the activation class 'even'" in capsys.readouterr().err
    assert main(["prove", "--activation", "softplus"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "refused" in err and "even + linear" in err
    assert main(["prove", "--activation", "logcosh", "--max-r", "1", "--extra-m", "1", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"name": "class_even_zero_at_origin"' in out and '"activation_class": "even-zero-at-origin"' in out
