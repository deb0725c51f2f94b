"""CLI ``graph`` and ``path``: the JSON contract, file outputs, exit codes, one-line errors."""

import json
import subprocess
import sys
from fractions import Fraction
from math import factorial

import networkx as nx
import pytest

from symbolic_minima.cli import main


def run_json(capsys, *args):
    status = main(list(args))
    out = capsys.readouterr().out
    return status, json.loads(out)


def test_graph_json_contract(capsys):
    status, data = run_json(capsys, "graph", "2", "4", "--json")
    assert status == 0
    assert (data["nodes"], data["components"], data["reading"]) == (50, 1, "R1")
    assert all(isinstance(data[k], int) for k in ("nodes", "edges", "components", "diameter"))
    status, data = run_json(capsys, "graph", "2", "4", "--json", "--zero-type", "groups")
    assert data["nodes"] == 62 and data["zero_type"] == "groups"


def test_graph_m_equal_r_and_r_plus_1(capsys):
    _, data = run_json(capsys, "graph", "3", "3", "--json")
    assert data["nodes"] == data["components"] == data["isolated"] == factorial(3) and "diameter" not in data
    _, data = run_json(capsys, "graph", "3", "4", "--json", "--d", "2")
    assert data["one_extra_neuron"] == data["predicted"] and data["diameter"] == 8 and data["d"] == 2


def test_graph_critical(capsys):
    _, data = run_json(capsys, "graph", "2", "4", "--critical", "--json")
    assert data["nodes"] == 14 and data["edges"] == 0 and data["components"] == 14


def test_graph_exact_method_matches(capsys):
    _, a = run_json(capsys, "graph", "2", "4", "--json", "--method", "exact")
    _, b = run_json(capsys, "graph", "2", "4", "--json")
    assert a["edges"] == b["edges"] and a["method"] == "exact"


def test_graph_deep(capsys):
    _, data = run_json(capsys, "graph", "--widths", "2,2", "--extra", "1", "--json")
    assert (data["nodes"], data["components"], data["permuted_minima"]) == (144, 1, 4)
    _, data = run_json(capsys, "graph", "--widths", "2,2", "--extra", "0", "--json")
    assert data["nodes"] == data["isolated"] == 4
    _, data = run_json(capsys, "graph", "--widths", "3,2", "--student-widths", "4,3", "--json")
    assert data["nodes"] == 720 and data["components"] == 1


@pytest.mark.parametrize("fmt", ["graphml", "dot", "tex", "json", "png"])
def test_graph_writes_files(capsys, tmp_path, fmt):
    if fmt == "png":
        pytest.importorskip("matplotlib")
    path = tmp_path / f"g.{fmt}"
    status, data = run_json(capsys, "graph", "2", "3", "--format", fmt, "-o", str(path), "--json")
    assert status == 0 and path.stat().st_size > 100 and data["output"] == str(path)
    if fmt == "graphml":
        assert nx.read_graphml(path).number_of_edges() == 12


def test_graph_format_from_extension(capsys, tmp_path):
    path = tmp_path / "g.dot"
    assert main(["graph", "2", "3", "-o", str(path)]) == 0
    assert "wrote" in capsys.readouterr().out and path.read_text().startswith("graph ")


def test_path_json_contract(capsys):
    status, data = run_json(capsys, "path", "2", "3", "--json")
    assert status == 0 and data["certified"] is True
    assert data["labels"][0] == [1, 2, 0] and data["labels"][-1] == [2, 1, 0]
    assert data["n_segments"] == 7 == len(data["waypoints"]) - 1
    assert all(isinstance(x, str) for w in data["waypoints"] for x in w)
    [Fraction(x) for w in data["waypoints"] for x in w]
    status, data = run_json(capsys, "path", "2", "3", "--from", "0,2,1", "--to", "2,0,1", "--json")
    assert status == 0 and data["labels"][0] == [0, 2, 1] and data["labels"][-1] == [2, 0, 1]


def test_path_text_latex_and_deep(capsys):
    assert main(["path", "1", "2"]) == 0
    out = capsys.readouterr().out
    assert "certified: 3 segments" in out
    assert main(["path", "2", "3", "--latex"]) == 0
    assert "\\Gamma_{(1,2,0)}" in capsys.readouterr().out
    status, data = run_json(capsys, "path", "--widths", "2,2", "--extra", "1", "--json")
    assert status == 0 and data["certified"] and data["labels"][-1] == [[2, 1, 0], [2, 1, 0]]
    status, data = run_json(capsys, "path", "--widths", "3,2", "--extra", "1", "--from", "1,2,3,0/1,2,0",
                            "--to", "2,3,1,0/2,1,0", "--json")
    assert status == 0 and data["certified"] and data["n_segments"] == 9


def test_path_groups_and_teacher_file(capsys, tmp_path):
    status, data = run_json(capsys, "path", "1", "3", "--zero-type", "groups", "--from", "1,-1,-1",
                            "--to=-1,-1,1", "--json")
    assert status == 0 and data["certified"] and data["reading"] == "R2"
    tf = tmp_path / "t.json"
    tf.write_text(json.dumps({"incoming": [["1/2"], ["-3"]], "outgoing": ["2", "5/3"]}))
    status, data = run_json(capsys, "path", "2", "3", "--teacher", str(tf), "--json")
    assert status == 0 and data["certified"] and data["teacher"]["incoming"] == [["1/2"], ["-3"]]
    status, data = run_json(capsys, "graph", "2", "3", "--teacher", str(tf), "--json", "--method", "exact")
    assert data["edges"] == 12


@pytest.mark.parametrize("args,needle,status", [
    (["graph", "3", "2"], "m must be", 2),
    (["graph", "2", "x"], "m must be an integer", 2),
    (["graph", "2", "4", "--format", "dot"], "-o FILE", 2),
    (["graph", "2", "4", "-o", "g.svg"], "infer the format", 4),
    (["graph", "4", "9"], "max_nodes", 2),
    (["graph", "3", "6", "--method", "exact"], "at most 400", 2),
    (["graph", "--widths", "2,a"], "--widths", 2),
    (["graph", "2", "3", "--widths", "2,2"], "do not also give", 2),
    (["graph", "2", "3", "--extra", "1"], "needs --widths", 2),
    (["graph", "--widths", "2,2", "--critical"], "deep", 2),
    (["graph"], "give the widths", 2),
    (["path", "2", "3", "--from", "1,a"], "--from", 2),
    (["path", "2", "3", "--from", "1,1,0"], "not a global-minimum label", 2),
    (["path", "2", "2"], "no path", 2),
    (["path", "2", "3", "--teacher", "/nonexistent.json"], "cannot read", 4),
    (["path", "--widths", "2,2", "--from", "1,2,0/1,a"], "--from", 2),
    (["graph", "2", "3", "-o", "/nonexistent/dir/g.dot"], "does not exist", 4),
])
def test_bad_input_exit_2(capsys, args, needle, status):
    # 2: bad input; 4: a file that cannot be read or written (issue #14)
    assert main(args) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], captured.err


def test_subprocess_one_line_error_and_success():
    res = subprocess.run([sys.executable, "-m", "symbolic_minima", "path", "2", "3", "--to", "2,2,2"],
                         capture_output=True, text=True)
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    res = subprocess.run([sys.executable, "-m", "symbolic_minima", "graph", "2", "4", "--json"],
                         capture_output=True, text=True)
    assert res.returncode == 0 and json.loads(res.stdout)["components"] == 1


def test_zero_type_aliases_and_a_registered_reading(capsys):
    # the aliases R1/R2 are accepted and normalised to the reading's name
    _, by_name = run_json(capsys, "graph", "2", "4", "--json", "--zero-type", "groups")
    _, by_alias = run_json(capsys, "graph", "2", "4", "--json", "--zero-type", "R2")
    assert by_alias == by_name and by_alias["zero_type"] == "groups"
    assert main(["graph", "2", "3", "--zero-type", "pairs"]) == 2  # not registered: invalid choice
    assert "invalid choice" in capsys.readouterr().err
    # a reading registered before the parser is built is a choice of --zero-type
    from symbolic_minima.labellings import global_minimum_labellings
    from symbolic_minima.readings import GLOBAL_MINIMUM, Reading, register_reading, unregister_reading
    from symbolic_minima.roles import REPLICA, ZERO_TYPE, ZeroSumGroup

    register_reading(Reading("pairs", "Rpairs", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2)),
                             description="zero-sum groups of exactly two neurons"))
    try:
        status, data = run_json(capsys, "graph", "1", "4", "--json", "--zero-type", "pairs")
        assert status == 0 and (data["zero_type"], data["reading"]) == ("pairs", "Rpairs")
        assert data["nodes"] == sum(1 for _ in global_minimum_labellings(1, 4, "pairs")) == 33
        status, data = run_json(capsys, "path", "1", "4", "--zero-type", "pairs", "--from=-1,-1,0,1",
                                "--to", "1,0,-1,-1", "--json")
        assert status == 0 and data["certified"]
    finally:
        unregister_reading("pairs")


# ---------------------------------------------------------------- --summary (facts from the types, issue 11)

_FACTS = ("kind", "r", "m", "d", "d_out", "zero_type", "reading", "method", "nodes", "edges", "components",
          "isolated", "min_degree", "max_degree", "degrees", "diameter", "one_extra_neuron", "predicted")


@pytest.mark.parametrize("args", [("2", "4"), ("2", "4", "--zero-type", "groups"), ("3", "4"), ("3", "3"),
                                  ("2", "5", "--zero-type", "R2", "--d", "2"), ("2", "4", "--critical"),
                                  ("1", "1")])
def test_graph_summary_equals_the_built_graph(capsys, args):
    _, built = run_json(capsys, "graph", *args, "--json")
    _, facts = run_json(capsys, "graph", *args, "--json", "--summary")
    assert {k: facts.get(k) for k in _FACTS} == {k: built.get(k) for k in _FACTS}
    assert facts["route"] == "types" and "route" not in built and "types" not in built
    assert sum(built["degrees"].values()) == built["nodes"]
    assert sum(t["count"] for t in facts["types"]) == facts["nodes"]


def test_graph_summary_text(capsys):
    assert main(["graph", "2", "4", "--summary"]) == 0
    out = capsys.readouterr().out
    assert "nodes (subspaces):        50" in out and "degrees (degree: nodes):  6: 8, 8: 42" in out
    assert "never building the graph" in out
    assert main(["graph", "2", "4"]) == 0
    assert "degrees" not in capsys.readouterr().out  # the built graph's text is unchanged


def test_deep_graph_facts_from_types_equal_the_built_graph(capsys, tmp_path):
    # without -o the deep facts come from the per-layer types; with -o the graph is built
    for widths in (["--widths", "2,1", "--extra", "1"], ["--widths", "2,2", "--extra", "0"],
                   ["--widths", "1,2", "--student-widths", "2,4"]):
        _, facts = run_json(capsys, "graph", *widths, "--json")
        _, built = run_json(capsys, "graph", *widths, "--json", "-o", str(tmp_path / "g.json"))
        assert facts == {k: v for k, v in built.items() if k not in ("output", "format")}
        _, summary = run_json(capsys, "graph", *widths, "--json", "--summary")
        assert summary.pop("route") == "types" and summary == facts


def test_deep_graph_from_types_is_not_limited_by_the_build_guard(capsys):
    from symbolic_minima.deep import MAX_DEEP_NODES

    _, data = run_json(capsys, "graph", "--widths", "3,3,2", "--extra", "2", "--json")
    assert data["nodes"] > MAX_DEEP_NODES and data["components"] == 1 and data["diameter"] >= 1


@pytest.mark.parametrize("args,message", [
    (["graph", "2", "4", "--summary", "-o", "g.json"], "--summary does not build the graph"),
    (["graph", "2", "4", "--summary", "--method", "exact"], "--method exact builds the graph"),
    (["graph", "30", "60", "--summary"], "MAX_NEIGHBOURS"),
    (["--budget", "time=0.01s", "graph", "3", "9", "--summary", "--activation", "odd"], "refused: graph summary"),
])
def test_graph_summary_errors(capsys, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
