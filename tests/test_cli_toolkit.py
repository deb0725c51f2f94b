"""The `report` and `plot` commands: outputs, and one-line errors with exit status 2."""

import subprocess
import sys

import pytest

from symbolic_minima.cli import main


def test_report_command_writes_tex(tmp_path, capsys):
    status = main(["report", "-o", str(tmp_path / "rep"), "--no-proofs", "--no-figure", "--no-compile",
                   "--no-deep", "--no-heatmap",
                   "--r-max", "2", "--h-max", "2", "--r-star-max", "3", "--ratio-h-max", "2"])
    assert status == 0
    out = capsys.readouterr().out.split()
    tex = tmp_path / "rep" / "report.tex"
    assert out == [str(tex)]
    assert "\\begin{document}" in tex.read_text()


def test_plot_ratio_command(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    out = tmp_path / "ratio.png"
    assert main(["plot", "ratio", "--r-star", "2:5", "--h", "0:6", "--zero-type", "groups",
                 "--comparison", "sum", "-o", str(out)]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"


def test_plot_graph_command(tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "g.png"
    assert main(["plot", "graph", "1", "2", "-o", str(out)]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("argv, words, status", [
    (["plot", "graph", "2", "1", "-o", "x.png"], "m must be", 2),
    (["plot", "ratio", "--r-star", "5:2", "-o", "x.png"], "--r-star", 2),
    (["plot", "ratio", "--r-star", "1:3", "-o", "x.png"], "--r-star", 2),
    (["plot", "ratio", "--h", "a:b", "-o", "x.png"], "--h", 2),
    (["plot", "ratio", "--comparison", "mean", "-o", "x.png"], "comparison", 2),
    (["plot", "nothing", "-o", "x.png"], "invalid choice", 2),
    (["report"], "-o", 2),
    (["report", "-o", "d", "--r-max", "0"], "--r-max", 2),
    # output paths that cannot be written: an input/output failure, exit status 4 (issue #14)
    (["report", "-o", "afile", "--no-proofs"], "not a directory", 4),
    (["report", "-o", "no/such/dir", "--no-proofs"], "does not exist", 4),
    (["plot", "graph", "1", "2", "-o", "no/such/g.png"], "does not exist", 4),
    (["plot", "ratio", "-o", "."], "is a directory", 4),
])
def test_bad_input_is_one_line_exit_2(argv, words, status, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("")
    assert main(argv) == status
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and words in err and "Traceback" not in err
    assert not (tmp_path / "x.png").exists()
    assert not (tmp_path / "d").exists()


def test_no_traceback_from_the_real_executable(tmp_path):
    res = subprocess.run([sys.executable, "-m", "symbolic_minima", "plot", "graph", "0", "3", "-o", "g.png"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 2 and res.stdout == ""
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
