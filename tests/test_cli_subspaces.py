"""CLI contract of ``subspaces`` and ``verify``: JSON shape, streaming limits, exit codes, bad input."""

import json
import subprocess
import sys

import pytest

from symbolic_minima.cli import main
from symbolic_minima.counting import G, T


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_contract(capsys):
    status, out, err = run(capsys, "subspaces", "2", "4", "--d", "2", "--json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == T(2, 4, zero_type="singletons")
    for obj in data:
        assert len(obj["label"]) == 4 and all(isinstance(v, int) for v in obj["label"])
        assert isinstance(obj["dimension"], int) and obj["dimension"] == 2 + obj["label"].count(0)
        assert all(isinstance(e, str) and " = " in e for e in obj["equations"])
        assert obj["reading"] == "R1"


@pytest.mark.parametrize("flags, expected", [(["--zero-type", "groups"], T(2, 4, zero_type="groups")),
                                             (["--critical"], G(2, 4))])
def test_other_families(capsys, flags, expected):
    status, out, _ = run(capsys, "subspaces", "2", "4", "--json", *flags)
    data = json.loads(out)
    assert status == 0 and len(data) == expected
    if "--critical" in flags:
        assert all(0 not in o["label"] and o["dimension"] == 2 and o["zero_type"] is None for o in data)
    else:
        assert any(-1 in o["label"] for o in data)


def test_limit_text_and_latex(capsys):
    status, out, _ = run(capsys, "subspaces", "3", "5", "--limit", "3")
    lines = out.strip().splitlines()
    assert status == 0 and lines[0].startswith("# 3 of 390") and len(lines) == 4
    status, out, _ = run(capsys, "subspaces", "1", "2", "--latex")
    assert r"\begin{aligned}" in out and out.count(r"\Gamma_") == 3
    status, out, _ = run(capsys, "subspaces", "2", "3", "--json", "--limit", "0")
    assert json.loads(out) == []


def test_teacher_file(capsys, tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"incoming": [["1", "3/2"], ["-2", "1/3"]], "outgoing": ["2", "-1/2"]}))
    status, out, _ = run(capsys, "subspaces", "2", "2", "--teacher", str(path), "--json")
    data = json.loads(out)
    assert status == 0 and len(data) == 2
    assert "w_{1,2} = 3/2" in data[0]["equations"] or "w_{2,2} = 3/2" in data[0]["equations"]
    status, out, _ = run(capsys, "verify", "2", "3", "--teacher", str(path), "--critical", "--quiet")
    assert status == 0 and out.strip().startswith("ALL HOLD")


def test_verify_summary_and_exit(capsys):
    status, out, _ = run(capsys, "verify", "2", "4", "--d", "2")
    lines = out.strip().splitlines()
    assert status == 0 and lines[-1].startswith("ALL HOLD: 52/52")
    assert sum(line.startswith("function_identity") for line in lines) == 50
    status, out, _ = run(capsys, "verify", "1", "3", "--zero-type", "groups", "--json")
    rows = [json.loads(line) for line in out.strip().splitlines()]
    assert rows[-1]["ok"] is True and sum(r.get("certificate") == "function_identity" for r in rows) == 10


def test_unreadable_teacher_is_one_line_exit_4(capsys):
    # a file that cannot be read is an input/output failure: exit status 4 (issue #14)
    status, out, err = run(capsys, "subspaces", "2", "3", "--teacher", "/nonexistent/t.json")
    assert status == 4 and out == ""
    assert len(err.strip().splitlines()) == 1 and "cannot read" in err


@pytest.mark.parametrize(
    "argv, words",
    [
        (["subspaces", "2", "4", "--d", "0"], "--d must be"),
        (["subspaces", "3", "2"], "m must be"),
        (["subspaces", "x", "2"], "r must be"),
        (["subspaces", "4", "12"], "--limit"),
        (["verify", "3", "8"], "--limit"),
        (["verify", "700", "700"], "has more than 10^1689 subspaces"),  # 700! = T(700, 700): its size, not its digits
        (["subspaces", "2", "3", "--critical", "--zero-type", "groups"], "--zero-type"),
        (["subspaces", "2", "3", "--limit", "-1"], "--limit"),
    ],
)
def test_bad_input_is_one_line_exit_2(capsys, argv, words):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and words in err


@pytest.mark.parametrize(
    "content, words",
    [
        ('{"incoming": [1,', "malformed"),
        ('{"incoming": [1, 1], "outgoing": [1, 2]}', "pairwise distinct"),
        ('{"incoming": [1, 2], "outgoing": [1, 0]}', "a_2 must be non-zero"),
        ('{"incoming": [1, 2], "outgoing": ["__import__(\'os\')", 1]}', "a_1"),
        ('{"incoming": [1], "outgoing": [1]}', "width r = 1"),
    ],
)
def test_bad_teacher_files(capsys, tmp_path, content, words):
    path = tmp_path / "bad.json"
    path.write_text(content)
    status, out, err = run(capsys, "subspaces", "2", "3", "--teacher", str(path))
    assert status == 2 and words in err and len(err.strip().splitlines()) == 1


def test_subprocess_streams_and_exits_cleanly():
    res = subprocess.run([sys.executable, "-m", "symbolic_minima", "subspaces", "1", "3", "--json"],
                         capture_output=True, text=True)
    assert res.returncode == 0 and len(json.loads(res.stdout)) == 7
    res = subprocess.run([sys.executable, "-m", "symbolic_minima", "subspaces", "1", "2", "--d", "-3"],
                         capture_output=True, text=True)
    assert res.returncode == 2 and "Traceback" not in res.stderr


def test_verify_exits_1_when_a_certificate_fails(capsys, monkeypatch):
    import symbolic_minima.verify as verify_module
    from symbolic_minima.verify import Certificate

    def broken(subspace, teacher, activation=None):
        return Certificate("function_identity", subspace.label != (1, 1), "forced", subspace.label)

    monkeypatch.setattr(verify_module, "certify_function_identity", broken)
    status, out, _ = run(capsys, "verify", "1", "2", "--quiet")
    assert status == 1
    assert out.strip().splitlines()[-1].startswith("1 FAILED")


def test_verify_numeric(capsys):
    pytest.importorskip("scipy")
    status, out, _ = run(capsys, "verify", "2", "3", "--numeric", "--quiet")
    assert status == 0 and "numeric_zero_loss 3/3" in out
    status, out, _ = run(capsys, "verify", "1", "3", "--critical", "--numeric")
    assert status == 0 and "numeric_criticality: holds" in out
