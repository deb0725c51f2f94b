"""CLI plumbing: usage errors are one line on stderr with exit status 2."""

import subprocess
import sys


def run(*args):
    return subprocess.run([sys.executable, "-m", "symbolic_minima", *args], capture_output=True, text=True)


def test_unknown_command_is_one_line_exit_2():
    res = run("no-such-command")
    assert res.returncode == 2
    assert res.stdout == ""
    assert len(res.stderr.strip().splitlines()) == 1
    assert "Traceback" not in res.stderr


def test_help_exits_0():
    res = run("--help")
    assert res.returncode == 0
    assert "symbolic-minima" in res.stdout
