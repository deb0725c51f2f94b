"""Progress bars (issue 12): tqdm, drawn only on a terminal or when forced, covering every long phase."""

import io
import os
import subprocess
import sys
import time

import pytest

from symbolic_minima import progress as P


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self):
        return True


@pytest.fixture
def unforced(monkeypatch):
    monkeypatch.delenv("SYMBOLIC_MINIMA_PROGRESS", raising=False)
    monkeypatch.delenv("SYMBOLIC_MINIMA_PROGRESS_DELAY", raising=False)


def test_a_terminal_gets_a_tqdm_bar(unforced):
    out = Terminal()
    items = []
    for i in P.progress(range(5), total=5, desc="labels", delay=0, stream=out):
        time.sleep(0.12)
        items.append(i)
    assert items == [0, 1, 2, 3, 4]
    text = out.getvalue()
    assert "labels:" in text and "0/5" in text and "%|" in text and "/5 [00:00" in text
    assert text.endswith("\r")  # the finished bar is erased (leave=False): the result lines stay clean


def test_no_terminal_no_bar_and_the_environment_decides(unforced, monkeypatch):
    quiet = io.StringIO()
    assert sum(P.progress(range(5), total=5, desc="x", delay=0, stream=quiet)) == 10
    with P.phase("y", delay=0, stream=quiet):
        time.sleep(0.05)
    assert quiet.getvalue() == ""
    monkeypatch.setenv("SYMBOLIC_MINIMA_PROGRESS", "0")
    terminal = Terminal()
    list(P.progress(range(5), total=5, desc="x", delay=0, stream=terminal))
    assert terminal.getvalue() == "" and not P.progress_enabled(terminal)
    monkeypatch.setenv("SYMBOLIC_MINIMA_PROGRESS", "1")
    forced = io.StringIO()
    list(P.progress(range(5), total=5, desc="forced", delay=0, stream=forced))
    assert "forced:" in forced.getvalue() and P.progress_enabled(forced)


def test_a_phase_shows_its_elapsed_time(unforced):
    out = Terminal()
    with P.phase("diameter", delay=0, stream=out):
        time.sleep(1.2)
    text = out.getvalue()
    assert "diameter: 00:0" in text and "(running)" in text
    short = Terminal()
    with P.phase("quick", delay=1.0, stream=short):
        pass
    assert short.getvalue() == ""  # a phase shorter than its delay draws nothing


def test_the_delay_counts_from_the_first_bar_of_the_command(unforced, monkeypatch):
    monkeypatch.setattr(P, "_FIRST_REQUEST", [time.monotonic()])
    assert P._delay(None) == pytest.approx(P.DELAY, abs=0.05)  # at the start: wait for the command's delay
    monkeypatch.setattr(P, "_FIRST_REQUEST", [time.monotonic() - 10])
    assert P._delay(None) == P.PHASE_DELAY  # later: every phase that lasts gets a bar
    monkeypatch.setenv("SYMBOLIC_MINIMA_PROGRESS_DELAY", "0")
    assert P._delay(None) == 0
    assert P._delay(2.5) == 2.5


def test_a_terminal_without_a_size_still_shows_bars(unforced):
    assert P._width_options(io.StringIO()) == {"ncols": 80, "nrows": 24}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals are tested on Linux")
def test_graph_shows_a_bar_for_every_phase_in_a_terminal():
    import pty

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SYMBOLIC_MINIMA_PROGRESS")}
    env["SYMBOLIC_MINIMA_PROGRESS_DELAY"] = "0"  # draw at once: the phases of a small graph are short
    proc = subprocess.Popen([sys.executable, "-m", "symbolic_minima", "graph", "3", "4"], stdout=subprocess.PIPE,
                            stderr=slave, env=env)
    os.close(slave)
    drawn = b""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        drawn += data
    stdout = proc.communicate(timeout=120)[0].decode()
    os.close(master)
    text = drawn.decode(errors="replace")
    assert proc.returncode == 0 and stdout.startswith("global minima: r=3 m=4")
    for what in ("labels r=3 m=4", "graph r=3 m=4", "adding", "edges", "components", "diameter"):
        assert what in text, (what, text[-2000:])
    assert "\r" in text and "%|" not in stdout  # bars on the terminal, never in the output


def test_piped_output_has_no_bar():
    env = {k: v for k, v in os.environ.items() if not k.startswith("SYMBOLIC_MINIMA_PROGRESS")}
    run = subprocess.run([sys.executable, "-m", "symbolic_minima", "graph", "3", "4"], capture_output=True,
                         text=True, env=env, check=False)
    assert run.returncode == 0 and run.stderr == ""
