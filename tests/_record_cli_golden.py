"""Record the CLI outputs that issue 'Roles and readings' must keep byte-identical.

Run once before a refactor: ``python tests/_record_cli_golden.py``; the test
``test_cli_golden.py`` compares against ``tests/data/cli_golden.json``.
"""
import json
import pathlib
import re
import subprocess
import sys

COMMANDS = [
    "count T 3 5", "count T 3 5 --zero-type groups", "count G 3 5", "count T 3 5 --json",
    "count T 2 4 --zero-type groups --json", "count G 4 7 --json", "count T 3 5 --latex",
    "count T 2 4 --zero-type groups --latex", "count G 3 5 --latex",
    "table T --r 1:4 --m 1:8", "table T --r 1:3 --m 1:6 --zero-type groups", "table G --r 1:3 --m 1:6 --json",
    "table T --r 1:3 --m 2:5 --json --zero-type groups",
    "ratio --r-star 10 --h 0:8", "ratio --r-star 3 --h 0:4 --json",
    "formula T", "formula T --zero-type groups --form egf --latex", "formula G --form sum",
    "formula T --form convolution --latex", "formula T --zero-type groups --form stirling",
    "subspaces 2 4 --d 2 --json --limit 5", "subspaces 2 4 --zero-type groups --json --limit 8",
    "subspaces 2 3 --critical --json", "subspaces 2 3 --latex --limit 4", "subspaces 1 3 --zero-type groups",
    "verify 2 4", "verify 2 4 --zero-type groups", "verify 2 3 --critical",
    "graph 2 4 --json", "graph 2 4 --zero-type groups --json", "graph 3 4 --json", "graph 2 3 --critical --json",
    "path 2 3 --json", "path 2 3 --from 0,2,1 --to 2,0,1 --json", "path 1 2",
    "path 1 3 --zero-type groups --from=-1,-1,1 --to 1,0,0 --json",
    "graph --widths 2,2 --extra 1 --json",
    "prove --list", "prove relation_shift", "prove g_critical --json",
]


def run(cmd):
    proc = subprocess.run([sys.executable, "-m", "symbolic_minima", *cmd.split()], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "SYMBOLIC_MINIMA_PROGRESS": "0", "PYTHONHASHSEED": "0"})
    # wall-clock fields are the only part allowed to differ between runs
    stdout = re.sub(r'"seconds": [0-9.e+-]+', '"seconds": 0', proc.stdout)
    stdout = re.sub(r"; [0-9.]+ s\)", "; 0 s)", stdout)
    return {"stdout": stdout, "stderr": proc.stderr, "returncode": proc.returncode}


if __name__ == "__main__":
    out = {cmd: run(cmd) for cmd in COMMANDS}
    path = pathlib.Path(__file__).parent / "data" / "cli_golden.json"
    path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    bad = {c: v for c, v in out.items() if v["returncode"] != 0}
    print(len(out), "recorded;", "non-zero:", {c: v["stderr"][:200] for c, v in bad.items()})
