"""``--activation NAME`` on count, table, formula, ratio, plot ratio and report (issue 9's CLI contract)."""

import json
import subprocess
import sys

import pytest

from symbolic_minima.cli import build_parser, main
from symbolic_minima.counting import G, T

CLASS_NAMES = ("generic", "zero-at-origin", "odd", "even", "even-zero-at-origin")
REFUSED = ("softplus", "silu", "gelu", "sigmoid", "relu")


def call(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_contract_subprocess():
    """The issue's contract: one integer, on stdout, exit 0."""
    res = subprocess.run([sys.executable, "-m", "symbolic_minima", "count", "T", "2", "4", "--activation", "odd"],
                         capture_output=True, text=True)
    assert (res.returncode, res.stdout, res.stderr) == (0, "800\n", "")


@pytest.mark.parametrize("args, value", [
    (("count", "T", "2", "4", "--activation", "odd"), 800),
    (("count", "T", "2", "4", "--activation", "odd", "--zero-type", "groups"), 896),
    (("count", "G", "2", "4", "--activation", "odd"), 464),
    (("count", "T", "2", "4", "--activation", "tanh"), 800),
    (("count", "T", "2", "4", "--activation", "erf", "--zero-type", "R2"), 896),
    (("count", "G", "3", "5", "--activation", "gaussian"), 2**5 * 150),  # 2^m r! S(m, r)
    (("count", "T", "1", "3", "--activation", "exp-minus-one"), 19),
    (("count", "T", "3", "5", "--activation", "generic"), 390),
    (("count", "T", "2", "5", "--activation", "logcosh", "--method", "enumeration"), 5760),
    (("count", "T", "2", "5", "--activation", "odd", "--zero-type", "groups", "--method", "power_sum"), 8000),
])
def test_count_prints_one_integer(capsys, args, value):
    assert call(capsys, *args) == (0, f"{value}\n", "")


def test_names_and_class_names_are_interchangeable(capsys):
    for name, cls in (("tanh", "odd"), ("sinh", "odd"), ("cosh", "even"), ("logcosh", "even-zero-at-origin"),
                      ("exp", "generic")):
        for quantity, extra in (("T", ()), ("T", ("--zero-type", "groups")), ("G", ())):
            a = call(capsys, "count", quantity, "3", "6", "--activation", name, *extra)
            b = call(capsys, "count", quantity, "3", "6", "--activation", cls, *extra)
            assert a == b and a[0] == 0


@pytest.mark.parametrize("cls", CLASS_NAMES)
def test_json_adds_the_activation_class(capsys, cls):
    status, out, _ = call(capsys, "count", "T", "2", "4", "--activation", cls, "--json")
    data = json.loads(out)
    assert status == 0 and data["activation_class"] == cls and data["value"] == T(2, 4, activation=cls)
    assert list(data)[:5] == ["quantity", "r", "m", "zero_type", "value"]  # the existing keys, unchanged
    status, out, _ = call(capsys, "count", "G", "2", "4", "--activation", cls, "--json")
    assert json.loads(out) == {"quantity": "G", "r": 2, "m": 4, "value": G(2, 4, activation=cls),
                               "activation_class": cls}


def test_json_without_activation_is_unchanged(capsys):
    assert json.loads(call(capsys, "count", "T", "3", "5", "--json")[1]) == {
        "quantity": "T", "r": 3, "m": 5, "zero_type": "singletons", "value": 390}


@pytest.mark.parametrize("name", REFUSED)
@pytest.mark.parametrize("command", [("count", "T", "2", "4"), ("count", "G", "2", "4"), ("table", "T"),
                                     ("formula", "T"), ("ratio", "--r-star", "3"), ("prove", "--list")])
def test_refused_activations_exit_2_with_one_line(capsys, name, command):
    status, out, err = call(capsys, *command, "--activation", name)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and f"activation '{name}' is refused" in err


def test_unknown_activation_is_bad_input(capsys):
    status, _, err = call(capsys, "count", "T", "2", "4", "--activation", "tanhh")
    assert status == 2 and "activation must be one of" in err and "tanh" in err


def test_formula_prints_the_derived_egf(capsys):
    status, out, _ = call(capsys, "formula", "T", "--activation", "odd", "--form", "egf", "--latex")
    assert status == 0
    assert out == (r"\sum_{m \geq 0} T_{\mathrm{R1}}^{\mathrm{odd}}(r, m) \frac{x^{m}}{m!} = "
                   r"\left(e^{2 x} - 1\right)^{r} e^{2 x}" + "\n")
    status, out, _ = call(capsys, "formula", "G", "--activation", "gaussian")
    assert (status, out) == (0, "G^even(r, m) = 2**m*StirlingS2(m, r)*factorial(r)\n")
    status, out, _ = call(capsys, "formula", "T", "--zero-type", "groups", "--activation", "odd", "--form", "sum")
    assert status == 0 and out.startswith("T_R2^odd(r, m) = exp(-1/2)*Sum(")
    status, _, err = call(capsys, "formula", "T", "--zero-type", "groups", "--activation", "odd")
    assert status == 2 and "form 'stirling' is not derived" in err  # said, not faked


def test_table_of_a_class(capsys):
    status, out, _ = call(capsys, "table", "T", "--r", "1:2", "--m", "1:4", "--activation", "tanh", "--json")
    data = json.loads(out)
    assert status == 0 and data["activation_class"] == "odd"
    assert data["values"] == [[2, 12, 56, 240], [0, 8, 96, 800]]
    status, out, _ = call(capsys, "table", "G", "--r", "1:2", "--m", "1:3", "--activation", "even")
    assert status == 0 and out.startswith("activation class even: G(r, m)")
    status, out, _ = call(capsys, "table", "T", "--r", "1:2", "--m", "1:3", "--activation", "odd", "--latex")
    assert status == 0 and r"% $T_{\mathrm{R1}}^{\mathrm{odd}}(r, m)$" in out


def test_ratio_of_a_class(capsys):
    status, out, _ = call(capsys, "ratio", "--r-star", "3", "--h", "0:2", "--activation", "odd", "--json")
    data = json.loads(out)
    assert status == 0 and [item["activation_class"] for item in data] == ["odd", "odd"]
    assert data[0]["rows"][0]["T"] == T(3, 3, activation="odd") == 48
    assert data[0]["rows"][0]["previous"] == "3/2" and G(2, 3, activation="odd") == 72  # 72/48
    status, out, _ = call(capsys, "ratio", "--r-star", "3", "--h", "0:2", "--activation", "odd")
    assert status == 0 and out.startswith("Activation class odd:")


def test_plot_ratio_and_report_take_the_activation(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    png = tmp_path / "ratio.png"
    status, out, _ = call(capsys, "plot", "ratio", "--r-star", "2:4", "--h", "0:3", "--activation", "tanh",
                          "-o", str(png))
    assert status == 0 and png.read_bytes()[:4] == b"\x89PNG"
    status, out, err = call(capsys, "report", "-o", str(tmp_path / "rep"), "--activation", "gaussian", "--no-compile",
                            "--no-proofs", "--no-heatmap", "--r-max", "2", "--h-max", "1", "--r-star-max", "3",
                            "--ratio-h-max", "2")
    assert status == 0, err
    tex = (tmp_path / "rep" / "report.tex").read_text()
    assert r"T_{R1}^{\mathrm{even}}" in tex and r"class \emph{even}" in tex
    assert call(capsys, "report", "-o", str(tmp_path / "x"), "--activation", "relu")[0] == 2
    assert not (tmp_path / "x").exists()  # refused before anything is written


def test_building_the_parser_imports_no_sympy():
    code = "import sys; from symbolic_minima.cli import build_parser; build_parser(); print('sympy' in sys.modules)"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0 and res.stdout == "False\n", res.stderr
    help_text = build_parser()._subparsers._group_actions[0].choices["count"].format_help()
    assert "--activation NAME" in help_text and "even-zero-at-origin" in help_text
