"""`symbolic-minima prove`: listing, verdicts, LaTeX output and exit statuses."""

import subprocess
import sys

import pytest
import sympy

from symbolic_minima.cli import main
from symbolic_minima.proving import Proof, proof_names

SMALL = ["--max-r", "2", "--extra-m", "1"]


def run(*args):
    return subprocess.run([sys.executable, "-m", "symbolic_minima", *args], capture_output=True, text=True)


def test_list_names_every_proof_with_its_claim():
    res = run("prove", "--list")
    assert res.returncode == 0 and res.stderr == ""
    lines = res.stdout.strip().splitlines()
    names = [line.split()[0] for line in lines]
    assert sorted(names) == proof_names()
    # the generic proofs first (the listing of a build without activation classes, unchanged), then the classes'
    classes = [name for name in names if "[activation_class=" in lines[names.index(name)]]
    assert names == sorted(set(names) - set(classes)) + sorted(classes) and "class_odd" in classes
    t_line = next(line for line in lines if line.startswith("t_groups "))
    assert "zero_type=groups" in t_line and "Bell" in t_line


def test_one_proof_verdict_and_tex_file(tmp_path):
    out = tmp_path / "frag.tex"
    res = run("prove", "g_critical", *SMALL, "--tex", str(out))
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("VERIFIED g_critical") and len(res.stdout.splitlines()) == 1
    assert r"\textbf{Claim} \texttt{g\_\allowbreak{}critical}" in out.read_text()


def test_latex_flag_prints_the_fragment(capsys):
    assert main(["prove", "relation_shift", *SMALL, "--latex"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("VERIFIED relation_shift") and r"\textbf{Verdict:} verified" in out


def _quick_proof(name, **options):
    """A cheap stand-in for run_proof (the real proofs are run by tests/test_proofs.py)."""
    assert options == {"max_r": 2, "extra_m": 1}
    p = Proof(name, f"claim of {name}")
    p.identity("x + x = 2x", sympy.Symbol("x") * 2, sympy.Symbol("x") + sympy.Symbol("x"))
    p.compare("values", [(1, 1)], claim=("c", lambda a, b: 1), routes=[("e", lambda a, b: 1)])
    return p.finish()


def test_all_runs_every_proof(capsys, tmp_path, monkeypatch):
    import symbolic_minima.cli.prove as cli_prove

    monkeypatch.setattr(cli_prove, "run_proof", _quick_proof)
    out = tmp_path / "all.tex"
    assert main(["prove", "--all", *SMALL, "-o", str(out)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(proof_names()) and all(line.startswith("VERIFIED") for line in lines)
    assert out.read_text().count(r"\textbf{Claim}") == len(proof_names())
    assert main(["prove", *SMALL]) == 0  # no name: all of them
    assert len(capsys.readouterr().out.strip().splitlines()) == len(proof_names())


def test_failed_proof_exits_1(monkeypatch, capsys):
    import symbolic_minima.cli.prove as cli_prove

    def failing(name, **options):
        p = Proof(name, "a wrong claim")
        p.identity("perturbed", 1, 2)
        p.compare("values", [(1, 1)], claim=("c", lambda a, b: 1), routes=[("e", lambda a, b: 2)])
        return p.finish()

    monkeypatch.setattr(cli_prove, "run_proof", failing)
    assert main(["prove", "g_critical"]) == 1
    assert capsys.readouterr().out.startswith("FAILED g_critical")


def test_extra_m_over_its_whole_documented_range(capsys):
    # issue 14: with m >= 13 the species-structures route enumerated 13 labels and raised, so
    # `prove g_critical --max-r 1 --extra-m 12` printed FAILED (exit 1) for a true claim; --extra-m is
    # documented as 0..30: the route now skips such cases (as it skips cases with many structures)
    assert main(["prove", "g_critical", "--max-r", "1", "--extra-m", "12"]) == 0
    assert capsys.readouterr().out.startswith("VERIFIED g_critical")
    assert main(["prove", "g_critical", "--max-r", "1", "--extra-m", "31"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--extra-m must be an integer in [0, 30], got 31" in err


@pytest.mark.parametrize("args", [
    ["prove", "no_such_proof"],
    ["prove", "g_critical", "--all"],
    ["prove", "--list", "g_critical"],
    ["prove", "g_critical", "--max-r", "0"],
    ["prove", "g_critical", "--max-r", "two"],
    ["prove", "g_critical", "--enumeration-limit", "-1"],
])
def test_bad_input_is_one_line_exit_2(args, capsys):
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("symbolic-minima: error:")


def test_bad_name_through_the_real_entry_point():
    res = run("prove", "no_such_proof")
    assert res.returncode == 2 and res.stdout == ""
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    assert "t_singletons" in res.stderr  # names the valid proofs


def test_unwritable_tex_file_is_exit_4(tmp_path, capsys):
    # an output file that cannot be written: input/output failure, exit status 4 (issue #14)
    assert main(["prove", "g_critical", *SMALL, "--tex", str(tmp_path / "missing_dir" / "x.tex")]) == 4
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "missing_dir").exists()


def test_json_output(capsys):
    import json

    assert main(["prove", "relation_shift", *SMALL, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["name"] == "relation_shift" and record["verdict"] is True and record["reading"] == "R1"
    assert record["zero_type"] == "singletons"
    assert any(step["kind"] == "identity" and step["passed"] for step in record["steps"])
    assert all(check["passed"] and check["count"] > 0 for check in record["checks"])
