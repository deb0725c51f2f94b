"""How long the commands of issue #14 take to refuse (or answer): wall-clock time of each, as a user runs it.

Run from the repository root::

    python benchmarks/refusal_times.py            # every command, one process each (startup included)

Prints one line per command (status, wall-clock seconds, CPU seconds of the
child process, the first characters of stderr) and the largest refusal times.
On a shared machine the wall-clock time includes waiting for a core; the CPU
time is what the command itself costs (process start included).  Each command runs under a 60 s timeout and a
6 GB address-space cap, so nothing here can hang or exhaust the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time

COMMANDS = [
    "graph 2 10", "graph 2 9", "path 2 12", "path 2 16", "path 2 20", "path 1 30", "path 2 60",
    "path 10 11 --from 1,2,3,4,5,6,7,8,9,10,0 --to 10,9,8,7,6,5,4,3,2,1,0",
    "path 10 11 --from 1,2,3,4,5,6,7,8,9,10,0 --to 2,1,3,4,5,6,7,8,9,10,0",
    "graph --widths 2,2 --extra 3", "graph --widths 1,1,1,1,1,1,1,1,1,1,1 --extra 1", "path --widths 20,20 --extra 1",
    "table T --r 1 --m 1:100000", "table T --r 1:2 --m 1:50000 --json", "ratio --r-star 3000 --h 0",
    "count T 50000 100000 --zero-type groups", "prove t_singletons --max-r 12 --extra-m 30",
    "verify 3 5 --critical --d 50 --d-out 50", "verify 3 6 --d 100 --limit 5", "verify 6 14 --limit 5",
]


def _cap():
    resource.setrlimit(resource.RLIMIT_AS, (6 * 2**30, resource.RLIM_INFINITY))


def main() -> int:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "PYTHONPATH": root, "SYMBOLIC_MINIMA_PROGRESS": "0"}
    worst = worst_cpu = 0.0
    for command in COMMANDS:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with open(os.devnull, "w") as sink:
            res = subprocess.run([sys.executable, "-m", "symbolic_minima", *command.split()], stdout=sink,
                                 stderr=subprocess.PIPE, text=True, env=env, timeout=60, preexec_fn=_cap)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if res.returncode == 2:
            worst, worst_cpu = max(worst, seconds), max(worst_cpu, cpu)
        print(f"{res.returncode:>3} {seconds:6.2f} s {cpu:6.2f} s cpu  {command:<78} {res.stderr.strip()[:70]}",
              flush=True)
    print(f"largest refusal time: {worst:.2f} s wall-clock, {worst_cpu:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
