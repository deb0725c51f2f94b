"""Issue #14, command line: exit statuses, refusals by the cost model, files read and written.

One test (or parametrized case) per finding of the issue.  Commands run
in-process (``main(argv)``) except where the process itself matters (a
closed or full standard output, a file-size limit, a FIFO).  No test asserts
a duration: the refusals are checked to be refusals (exit 2, one line, the
estimate, the limit and an alternative), their speed is measured separately
(``benchmarks/refusal_times.py``).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from contextlib import contextmanager

import pytest

from symbolic_minima.cli import EXIT_STATUSES, build_parser, main

ENV = {**os.environ, "SYMBOLIC_MINIMA_PROGRESS": "0"}


@contextmanager
def _hang_detector(seconds=60):
    def handler(signum, frame):
        raise AssertionError(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run(capsys, *argv):
    with _hang_detector():
        status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def one_line(err):
    lines = err.strip().splitlines()
    return len(lines) == 1 and lines[0].startswith("symbolic-minima: error: ") and "Traceback" not in err


def subprocess_run(args, **kwargs):
    return subprocess.run([sys.executable, "-m", "symbolic_minima", *args], capture_output=True, text=True,
                          env=ENV, timeout=300, **kwargs)


# --------------------------------------------------------------------------- exit statuses


def test_exit_statuses_are_documented_in_the_help(capsys):
    text = build_parser().format_help()
    for code in (0, 1, 2, 3, 4):
        assert f"  {code}    " in text, text
    assert "input/output failure" in text and "budget" in text
    assert set(EXIT_STATUSES) >= {0, 1, 2, 3, 4}


def test_readme_documents_the_exit_statuses_and_the_budget():
    readme = open(os.path.join(os.path.dirname(__file__), "..", "README.md"), encoding="utf-8").read()
    section = readme[readme.index("## Limits and guards"):]
    for needle in ("SYMBOLIC_MINIMA_BUDGET", "--budget", "| 4 |", "| 2 |", "atomic"):
        assert needle in section, needle


# --------------------------------------------------------------------------- refusals by the cost model

#: Every command of the issue that ran until killed: each must refuse with exit 2 and one line (or answer).
ISSUE_COMMANDS = [
    "graph 2 10", "graph 2 9", "path 2 12", "path 2 16", "path 2 20", "path 1 30", "path 2 60",
    "path 10 11 --from 1,2,3,4,5,6,7,8,9,10,0 --to 10,9,8,7,6,5,4,3,2,1,0",
    "path --widths 20,20 --extra 1",
    "table T --r 1 --m 1:100000", "ratio --r-star 3000 --h 0", "count T 50000 100000 --zero-type groups",
    "prove t_singletons --max-r 12 --extra-m 30", "verify 3 5 --critical --d 50 --d-out 50",
]


@pytest.mark.parametrize("command", ISSUE_COMMANDS)
def test_issue_commands_are_refused_with_one_line(capsys, command):
    status, out, err = run(capsys, *command.split())
    assert status == 2 and out == "" and one_line(err), err
    assert "refused" in err and "estimated" in err and ("limit" in err) and "budget" in err
    assert "instead:" in err  # a cheaper alternative
    assert len(err) < 600


def test_the_budget_can_be_raised_or_lowered(capsys, monkeypatch):
    # lowered on the command line: a small graph is refused ...
    status, _, err = run(capsys, "--budget", "time=0.001s", "graph", "3", "6")
    assert status == 2 and one_line(err) and "time limit" in err
    # ... and by the environment variable
    monkeypatch.setenv("SYMBOLIC_MINIMA_BUDGET", "memory=1M")
    status, _, err = run(capsys, "graph", "3", "6")
    assert status == 2 and "memory" in err
    # raised: the option wins over the environment
    status, out, _ = run(capsys, "--budget", "memory=4G", "graph", "3", "6", "--json")
    assert status == 0 and json.loads(out)["nodes"] == 2100
    monkeypatch.setenv("SYMBOLIC_MINIMA_BUDGET", "time=2h,memory=12G")
    status, out, _ = run(capsys, "graph", "2", "4", "--json")
    assert status == 0
    status, _, err = run(capsys, "--budget", "time=soon", "count", "T", "3", "5")
    assert status == 2 and one_line(err) and "budget" in err


def test_refused_request_answers_once_the_budget_allows_it(capsys):
    # the same request: refused under a tight budget, answered (correctly) under the default one
    status, _, err = run(capsys, "--budget", "time=0.01s", "verify", "2", "4", "--d", "3")
    assert status == 2 and "refused" in err
    status, out, _ = run(capsys, "verify", "2", "4", "--d", "3", "--quiet")
    assert status == 0 and out.startswith("ALL HOLD")


def test_near_labels_in_a_huge_graph_still_answer(capsys):
    # the chain search probes: the graph r=10, m=11 is far too big to build, these labels are 6 steps apart
    status, out, _ = run(capsys, "path", "10", "11", "--from", "1,2,3,4,5,6,7,8,9,10,0",
                         "--to", "2,1,3,4,5,6,7,8,9,10,0", "--json")
    assert status == 0 and json.loads(out)["certified"] and json.loads(out)["graph_distance"] == 6


@pytest.mark.parametrize("command", ["verify 3 6 --d 20 --limit 5", "verify 6 14 --limit 5"])
def test_limit_bounds_everything_verify_does(capsys, command):
    # completeness sampling locates each point directly instead of enumerating every subspace
    # (the issue's `verify 3 6 --d 100 --limit 5` runs in the slow suite)
    status, out, err = run(capsys, *command.split(), "--samples", "3", "--quiet")
    assert status == 0 and err == "" and out.startswith("ALL HOLD")
    assert "completeness 1/1" in out and "function_identity 5/5" in out


def test_table_json_streams_the_same_bytes(capsys):
    from symbolic_minima.counting import T_table

    status, out, _ = run(capsys, "table", "T", "--r", "1:3", "--m", "1:40", "--json")
    data = json.loads(out)
    table = T_table(range(1, 4), range(1, 41))
    assert status == 0 and data["values"] == [[table[(r, m)] for m in range(1, 41)] for r in range(1, 4)]
    assert out == json.dumps(data) + "\n"


def test_graph_guard_counts_edges_not_only_nodes():
    from symbolic_minima.budget import graph_estimate
    from symbolic_minima.graph import MAX_GRAPH_NODES, connectivity_graph

    est = graph_estimate(2, 10)
    assert est.quantities["nodes"] < MAX_GRAPH_NODES < est.quantities["edges"]  # the node guard alone passed it
    with pytest.raises(Exception, match="edges"):
        connectivity_graph(2, 10)


# --------------------------------------------------------------------------- output paths: exit 4, no file


def _no_temp_files(directory):
    return not [p for p in os.listdir(directory) if p.endswith(".tmp")]


@pytest.mark.parametrize("argv", [
    ["graph", "2", "3", "--format", "json", "-o", "{dir}"],          # a directory given as the file
    ["graph", "2", "3", "-o", "{tmp}/nowhere/g.json"],                # a missing directory
    ["graph", "2", "3", "-o", "/proc/g.json"],                        # an unwritable system path
    ["graph", "2", "3", "--format", "json", "-o", "/dev/full"],       # a full device
    ["graph", "2", "3", "-o", "{tmp}/g.txt"],                         # an unknown extension
    ["plot", "ratio", "--r-star", "2:3", "--h", "0:2", "-o", "{tmp}/r.txt"],
    ["plot", "ratio", "--r-star", "2:3", "--h", "0:2", "-o", "/dev/full"],
    ["plot", "graph", "1", "2", "-o", "{dir}"],
    ["prove", "relation_shift", "--max-r", "2", "--extra-m", "1", "--tex", "/proc/x.tex"],
    ["prove", "relation_shift", "--max-r", "2", "--extra-m", "1", "--tex", "{dir}"],
    ["report", "-o", "{tmp}/afile", "--no-proofs", "--no-compile"],
])
def test_output_path_failures_exit_4_with_one_line_and_no_file(capsys, tmp_path, argv):
    pytest.importorskip("matplotlib")
    (tmp_path / "d").mkdir()
    (tmp_path / "afile").write_text("keep")
    before = sorted(os.listdir(tmp_path))
    argv = [a.format(tmp=tmp_path, dir=tmp_path / "d") for a in argv]
    status, _, err = run(capsys, *argv)
    assert status == 4 and one_line(err), err
    assert sorted(os.listdir(tmp_path)) == before and os.listdir(tmp_path / "d") == []
    assert (tmp_path / "afile").read_text() == "keep"


def test_report_with_bad_options_leaves_no_directory(capsys, tmp_path):
    status, _, err = run(capsys, "report", "-o", str(tmp_path / "NEWDIR"), "--r-max", "99")
    assert status == 2 and one_line(err) and not (tmp_path / "NEWDIR").exists()


@pytest.mark.parametrize("argv, name", [
    (["graph", "2", "4", "--format", "json", "-o", "{file}"], "g.json"),
    (["plot", "graph", "1", "2", "-o", "{file}"], "g.png"),
    (["prove", "relation_shift", "--max-r", "3", "--extra-m", "2", "--tex", "{file}"], "p.tex"),
    (["report", "-o", "{dir}", "--no-proofs", "--no-figure", "--no-heatmap", "--no-deep", "--no-compile"],
     "report.tex"),
])
def test_a_file_size_limit_leaves_the_previous_file_intact(tmp_path, argv, name):
    pytest.importorskip("matplotlib")
    good = tmp_path / name
    good.write_text("GOOD\n")

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))

    argv = [a.format(file=good, dir=tmp_path) for a in argv]
    res = subprocess_run(argv, preexec_fn=limit)
    assert res.returncode == 4 and one_line(res.stderr) and "too large" in res.stderr.lower(), res.stderr
    assert good.read_text() == "GOOD\n" and _no_temp_files(tmp_path) and os.listdir(tmp_path) == [name]
    if name == "g.json":
        assert main(argv) == 0  # no limit: replaced whole
        assert len(good.read_text()) > 1000 and json.loads(good.read_text()) and _no_temp_files(tmp_path)


def test_closed_or_full_standard_output_is_an_error():
    res = subprocess.run([sys.executable, "-m", "symbolic_minima", "count", "T", "3", "5"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, env=ENV, timeout=120,
                         preexec_fn=lambda: os.close(1))
    assert res.returncode == 4 and one_line(res.stderr) and "closed" in res.stderr
    with open("/dev/full", "w") as full:
        res = subprocess.run([sys.executable, "-m", "symbolic_minima", "count", "T", "3", "5"], stdout=full,
                             stderr=subprocess.PIPE, text=True, env=ENV, timeout=120)
    assert res.returncode == 4 and one_line(res.stderr) and "No space" in res.stderr
    res = subprocess.run(f"{sys.executable} -m symbolic_minima table T --r 1:3 --m 1:300 | head -c 10",
                         shell=True, capture_output=True, text=True, env=ENV, timeout=120)
    assert res.returncode == 0 and "Traceback" not in res.stderr and res.stderr == ""  # a closed pipe is fine


# --------------------------------------------------------------------------- teacher files


def _teacher_file(tmp_path, text, name="t.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("text, words", [
    ("[" * 500 + "]" * 500, "nested"),
    ('{"incoming": [1, 2], "outgoing": [1, 2], "d": true}', "'d' must be an integer"),
    ('{"incoming": [1, 2], "outgoing": [1, 2], "r": 2.0}', "'r' must be an integer"),
    ('{"incoming": ["1_000", 2], "outgoing": [1, 2]}', "1_000"),
    ('{"incoming": ["\uff13", 2], "outgoing": [1, 2]}', "w_1"),
    ('{"incoming": [1, 2], "outgoing": [1, 2], "outgoing": [3, 4]}', "duplicate key"),
    ('{"incoming": [NaN, 2], "outgoing": [1, 2]}', "NaN"),
])
def test_bad_teacher_files_are_one_line_exit_2(capsys, tmp_path, text, words):
    status, out, err = run(capsys, "subspaces", "2", "3", "--teacher", _teacher_file(tmp_path, text))
    assert status == 2 and out == "" and one_line(err) and words in err, err


def test_teacher_file_size_is_capped_not_cut(capsys, tmp_path, monkeypatch):
    import symbolic_minima.cli._common as common

    monkeypatch.setattr(common, "MAX_TEACHER_BYTES", 1000)
    text = '{"incoming": [1, 2], "outgoing": [1, 2], "comment": "' + "x" * 2000 + '"}'
    status, _, err = run(capsys, "subspaces", "2", "3", "--teacher", _teacher_file(tmp_path, text))
    assert status == 2 and one_line(err) and "more than the limit 1000" in err


def test_teacher_file_not_utf8_and_not_regular(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"incoming": [1, 2], "outgoing": [1, 2], "comment": "\xff"}')
    status, _, err = run(capsys, "subspaces", "2", "3", "--teacher", str(bad))
    assert status == 2 and one_line(err) and "UTF-8" in err
    status, _, err = run(capsys, "subspaces", "2", "3", "--teacher", str(tmp_path))
    assert status == 4 and one_line(err) and "directory" in err
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    status, _, err = run(capsys, "subspaces", "2", "3", "--teacher", str(fifo))  # never opened: no hang
    assert status == 4 and one_line(err) and "not a regular file" in err


def test_teacher_numbers_of_5000_digits_are_accepted(capsys, tmp_path):
    from symbolic_minima.network import Teacher

    big = "7" * 5000
    text = '{"incoming": [["%s"], [2]], "outgoing": [%s, 1]}' % (big, "3" * 5000)
    assert Teacher.from_json(text).incoming[0][0] == int(big)  # the library and the CLI agree
    status, out, _ = run(capsys, "subspaces", "2", "2", "--teacher", _teacher_file(tmp_path, text), "--json")
    assert status == 0 and big in out


# --------------------------------------------------------------------------- one integer rule


BAD_INTEGERS = ["1_0", "\uff13", "+", "1 0", "0x10", "", "1e3", "٣", "10" * 3000]


@pytest.mark.parametrize("template", [
    "count T {} 5", "count T 3 {}", "table T --r 1 --m {}", "table T --r {}:3", "ratio --r-star {}",
    "ratio --r-star 5 --h-max {}", "graph 2 {}", "graph 2 3 --d {}", "graph --widths 2,{} --extra 1",
    "graph --widths 2,2 --extra {}", "path 2 3 --from 1,{},0", "subspaces 2 3 --limit {}", "verify 2 3 --samples {}",
    "prove relation_shift --max-r {}", "prove relation_shift --extra-m {}", "report -o {tmp}/r --r-max {}",
    "plot graph {} 3 -o {tmp}/g.png",
])
def test_one_integer_rule_everywhere(capsys, tmp_path, template):
    for bad in BAD_INTEGERS:  # each bad value stays one argument
        argv = [token.replace("{}", bad).replace("{tmp}", str(tmp_path)) for token in template.split()]
        status, out, err = run(capsys, *argv)
        assert status == 2 and out == "" and one_line(err), (argv, err)
        assert len(err) < 400  # a 6,000-character argument is not echoed in full
    assert os.listdir(tmp_path) == []


def test_signs_and_blanks_follow_the_rule(capsys):
    assert run(capsys, "count", "T", "+3", "5")[1] == "390\n"
    assert run(capsys, "count", "T", " 3", "5 ")[1] == "390\n"
    status, _, err = run(capsys, "count", "T", "-3", "5")
    assert status == 2 and "[1, 100000]" in err


def test_huge_arguments_are_refused_without_echo(capsys):
    for argv in (["count", "T", "9" * 5000, "5"], ["count", "X" * 5000, "3", "5"], ["count", "T", "3", "5", "9" * 5000],
                 ["graph", "2", "3", "--zero-type", "g" * 5000], ["path", "2", "3", "--from", "1," * 3000]):
        status, _, err = run(capsys, *argv)
        assert status == 2 and one_line(err) and len(err) < 400, err[:300]
