"""Issue #14, the long checks (opt-in: ``SYMBOLIC_MINIMA_FUZZ=long``): the issue's exact commands that
answer rather than refuse, and library calls that take seconds to minutes.

Run with::

    SYMBOLIC_MINIMA_FUZZ=long python -m pytest tests/test_reliability_slow.py tests/test_reliability_fuzz.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("SYMBOLIC_MINIMA_FUZZ", "") != "long",
                       reason="slow: set SYMBOLIC_MINIMA_FUZZ=long"),
]

ENV = {**os.environ, "SYMBOLIC_MINIMA_PROGRESS": "0"}


def cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "symbolic_minima", *args], capture_output=True, text=True, env=ENV,
                          timeout=1800, **kwargs)


def test_verify_with_a_limit_on_a_wide_input():
    res = cli("verify", "3", "6", "--d", "100", "--limit", "5", "--quiet")
    assert res.returncode == 0 and res.stdout.startswith("ALL HOLD") and "completeness 1/1" in res.stdout


def test_the_table_json_of_the_issue_streams_within_the_budget(tmp_path):
    out = tmp_path / "t.json"
    with open(out, "w") as fh:
        res = cli("table", "T", "--r", "1:2", "--m", "1:50000", "--json", stdout=fh)
    assert res.returncode == 0 and res.stderr == ""
    with open(out, "rb") as fh:
        head = fh.read(200)
    assert head.startswith(b'{"quantity": "T", "zero_type": "singletons"')


def test_compare_2000_prints_past_the_digit_limit():
    code = ("import sys; sys.set_int_max_str_digits(4300)\n"
            "from symbolic_minima.comparison import compare\n"
            "row = compare(2000, [0])[0]\n"
            "j = row.to_json(); assert j['previous'] and len(repr(row)) > 4300\n"
            "import json; print(len(json.dumps({k: str(v) for k, v in j.items()})))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1800)
    assert res.returncode == 0 and int(res.stdout) > 4300, res.stderr[-500:]


def test_the_issue_library_calls_answer():
    from symbolic_minima import count
    from symbolic_minima.stirling import StirlingS2

    assert len(repr(count("T", 2000, 4000))) > 4300 and len(str(StirlingS2(4001, 2001))) > 4300


def test_raising_the_budget_lets_a_refused_graph_run():
    res = cli("--budget", "time=1h,memory=8G", "graph", "2", "9", "--json")
    assert res.returncode == 0 and json.loads(res.stdout)["nodes"] == 18660
