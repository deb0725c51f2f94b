"""The count/table/ratio/formula command-line contract."""

import json
import subprocess
import sys

import pytest

from symbolic_minima.cli import main
from symbolic_minima.counting import G, T


def run(*args):
    return subprocess.run([sys.executable, "-m", "symbolic_minima", *args], capture_output=True, text=True)


def call(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_contract_subprocess():
    res = run("count", "T", "3", "5")
    assert (res.returncode, res.stdout, res.stderr) == (0, "390\n", "")


@pytest.mark.parametrize(
    "args,out",
    [
        (("count", "T", "3", "5"), "390\n"),
        (("count", "T", "3", "5", "--zero-type", "groups"), "450\n"),
        (("count", "T", "3", "5", "--zero-type", "singletons"), "390\n"),
        (("count", "T", "3", "5", "--zero-type", "R2"), "450\n"),  # an alias of a registered reading
        (("count", "G", "3", "5"), "150\n"),
        (("count", "T", "1", "3", "--method", "enumeration"), "7\n"),
    ],
)
def test_count_plain(capsys, args, out):
    assert call(capsys, *args) == (0, out, "")


def test_count_json(capsys):
    status, out, _ = call(capsys, "count", "T", "2", "4", "--zero-type", "groups", "--json")
    assert status == 0
    # exactly the contract's keys
    assert json.loads(out) == {"quantity": "T", "r": 2, "m": 4, "zero_type": "groups", "value": 62}
    status, out, _ = call(capsys, "count", "G", "3", "5", "--json")
    assert json.loads(out) == {"quantity": "G", "r": 3, "m": 5, "value": 150}


def test_count_latex(capsys):
    status, out, _ = call(capsys, "count", "T", "3", "5", "--latex")
    assert status == 0 and out.count("\n") == 1
    assert r"\atop" in out and "390" in out and r"\mathrm{R1}" in out


def test_count_huge_prints_in_full(capsys):
    status, out, _ = call(capsys, "count", "T", "1500", "3000")
    digits = out.strip()
    assert status == 0 and len(digits) > 4300 and digits.isdigit()
    assert int(digits) == T(1500, 3000)
    status, out, _ = call(capsys, "count", "T", "1500", "3000", "--json")
    assert json.loads(out)["value"] == T(1500, 3000)


def test_table(capsys):
    status, out, _ = call(capsys, "table", "T", "--r", "1:4", "--m", "1:8")
    assert status == 0
    lines = out.splitlines()
    assert lines[-1].split() == ["4", "24", "360", "3360", "25200", "166824"]  # blanks for m < 4
    assert lines[2].split() == ["1", "1", "3", "7", "15", "31", "63", "127", "255"]
    status, out, _ = call(capsys, "table", "G", "--r", "1:3", "--m", "2:5", "--json")
    data = json.loads(out)
    assert data["values"] == [[G(r, m) if m >= r else 0 for m in range(2, 6)] for r in range(1, 4)]
    assert "reading" not in data
    status, out, _ = call(capsys, "table", "T", "--r", "1:2", "--m", "1:3", "--zero-type", "groups", "--json")
    data = json.loads(out)
    assert (data["zero_type"], data["reading"]) == ("groups", "R2")
    assert data["values"] == [[1, 3, 10], [0, 2, 12]]  # T_R2(1, 3) = 10 (SPEC: the readings differ from h = 2)
    status, out, _ = call(capsys, "table", "T", "--r", "2", "--m", "2:4", "--zero-type", "groups", "--latex")
    assert r"\begin{tabular}" in out and "62" in out


def test_ratio(capsys):
    status, out, _ = call(capsys, "ratio", "--r-star", "10", "--h", "0:8")
    assert status == 0
    assert "R1" in out and "R2" in out and out.count("crossover") == 2
    assert "previous: h = 2, sum: h = 4, max: h = 2" in out
    status, out, _ = call(capsys, "ratio", "--r-star", "10", "--h", "0:3", "--json")
    data = json.loads(out)
    assert [block["zero_type"] for block in data] == ["singletons", "groups"]
    assert data[0]["rows"][0]["previous"] == "9/2"
    assert data[0]["crossover"] == {"previous": 2, "sum": 4, "max": 2}


@pytest.mark.parametrize("form", ["stirling", "sum", "egf", "convolution"])
def test_formula(capsys, form):
    status, out, _ = call(capsys, "formula", "T", "--latex", "--form", form, "--zero-type", "groups")
    assert status == 0 and out.count("\n") == 1 and "R2" in out
    status, out, _ = call(capsys, "formula", "T", "--latex")
    assert out == "T_{\\mathrm{R1}}(r, m) = r! \\left\\{ {m + 1 \\atop r + 1} \\right\\}\n"
    for zero_type, reading in (("singletons", "R1"), ("groups", "R2")):  # plain text names the reading too
        status, out, _ = call(capsys, "formula", "T", "--form", form, "--zero-type", zero_type)
        assert status == 0 and f"T_{reading}(r, m)" in out.split("=")[0]
    status, out, _ = call(capsys, "formula", "G", "--latex")
    assert out == "G(r, m) = r! \\left\\{ {m \\atop r} \\right\\}\n"


@pytest.mark.parametrize(
    "args",
    [
        ("count", "T", "0", "5"),
        ("count", "T", "5", "3"),
        ("count", "T", "3", "5.0"),
        ("count", "T", "3", "1e3"),
        ("count", "T", "3", "100001"),
        ("count", "X", "3", "5"),
        ("count", "G", "3", "5", "--zero-type", "groups"),
        ("count", "T", "3", "5", "--zero-type", "pairs"),
        ("count", "T", "3", "30", "--method", "enumeration"),
        ("table", "T", "--r", "1:x"),
        ("table", "T", "--r", "4:1"),
        ("table", "T", "--r", "0:3"),
        ("table", "T", "--r", "1:400", "--m", "1:400"),
        ("ratio", "--r-star", "1"),
        ("ratio", "--r-star", "ten"),
        ("ratio", "--r-star", "5", "--h", "-1:3"),
        ("formula", "T", "--form", "latex"),
        ("formula", "G", "--form", "convolution"),
    ],
)
def test_bad_input_one_line_exit_2(capsys, args):
    status, out, err = call(capsys, *args)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
