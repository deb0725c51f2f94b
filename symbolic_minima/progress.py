r"""Progress bars for long loops and long phases: the one place that draws them (with tqdm).

:func:`progress` wraps a loop, :func:`phase` a step without one (a breadth-first
search inside networkx, a layout, pdflatex): its bar shows the elapsed time,
redrawn by a background thread.  Bars go to ``stderr`` and only when it is a
terminal, so pipes, files and tests see clean output; the environment variable
``SYMBOLIC_MINIMA_PROGRESS=0`` switches them off, ``=1`` forces them on (also
when ``stderr`` is not a terminal).

When a bar appears: a command that finishes within :data:`DELAY` seconds
(measured from the first bar the process asked for) shows none; after that,
every loop or phase that lasts longer than :data:`PHASE_DELAY` seconds shows
one.  (Before, each loop waited two seconds on its own, so a command made of
several 1.5-second phases never showed a bar, and the last bar sat at 100%
while the next, unbarred, phase ran.)  ``SYMBOLIC_MINIMA_PROGRESS_DELAY``
overrides :data:`DELAY` (in seconds).  Finished bars are erased.

A loop with a known ``total`` also watches itself (drawn or not): once it has
run for :data:`WATCH_AFTER` seconds, if its projected duration exceeds twice
the time budget (:func:`symbolic_minima.budget.current_budget`) it stops with
:class:`~symbolic_minima.budget.BudgetExceeded` (exit status 2 on the command
line), so a bar never promises hours: the cost model should have refused such
a request up front, and this is the safety net when its estimate was too low.

>>> list(progress(range(3), total=3, desc="labels"))
[0, 1, 2]
>>> with phase("diameter"):
...     pass
"""

from __future__ import annotations

import os
import sys
import threading
import time
from contextlib import contextmanager

__all__ = ["progress", "phase", "progress_enabled", "DELAY", "PHASE_DELAY", "WATCH_AFTER"]

#: Seconds, from the first bar asked for in the process, before any bar is drawn.
DELAY = 1.0
#: Seconds a loop or phase must last before its own bar is drawn (once :data:`DELAY` has passed).
PHASE_DELAY = 0.3
#: Seconds between redraws of a phase's elapsed time.
REFRESH = 0.5

_FIRST_REQUEST: list = []  # monotonic time of the first bar asked for (the command's start, near enough)
#: Seconds a loop runs before it checks its projected duration against the budget.
WATCH_AFTER = 3.0


def progress_enabled(stream=None) -> bool:
    """Whether bars are drawn on ``stream`` (default ``sys.stderr``).

    Parameters
    ----------
    stream : file-like, optional
        Where the bar would go.

    Returns
    -------
    bool
        ``SYMBOLIC_MINIMA_PROGRESS`` if set (``0``/``false``/``no``/empty: off,
        anything else: on), else whether ``stream`` is a terminal.

    Examples
    --------
    >>> import io
    >>> progress_enabled(io.StringIO()) in (True, False)
    True
    """
    forced = os.environ.get("SYMBOLIC_MINIMA_PROGRESS")
    if forced is not None:
        return forced.strip().lower() not in ("", "0", "false", "no", "off")
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _delay(delay: float | None) -> float:
    """The seconds this bar waits: what is left of the command's :data:`DELAY`, and at least :data:`PHASE_DELAY`."""
    now = time.monotonic()
    if not _FIRST_REQUEST:
        _FIRST_REQUEST.append(now)
    if delay is not None:
        return max(0.0, float(delay))
    try:
        command_delay = float(os.environ.get("SYMBOLIC_MINIMA_PROGRESS_DELAY", DELAY))
    except ValueError:
        command_delay = DELAY
    return max(min(PHASE_DELAY, command_delay), command_delay - (now - _FIRST_REQUEST[0]))


def _width_options(stream) -> dict:
    """tqdm's size options: follow the terminal, or 80 x 24 where it reports none (a fresh pseudo-terminal)."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, ValueError, OSError):
        size = os.terminal_size((0, 0))
    options: dict = {"dynamic_ncols": True} if size.columns > 0 else {"ncols": 80}
    if size.lines <= 0:  # tqdm hides every bar below the screen's last line: a terminal of 0 lines hides them all
        options["nrows"] = 24
    return options


def progress(iterable, total: int | None = None, desc: str = "", delay: float | None = None, stream=None):
    """Yield from ``iterable``, with a bar on a terminal for a loop that lasts.

    Parameters
    ----------
    iterable : iterable
        The loop.
    total : int, optional
        The number of items (a percentage and an estimate of the time left).
    desc : str
        What the loop does, e.g. ``"graph r=4 m=7"``.
    delay : float, optional
        Seconds before the bar appears (default: see the module docstring).
    stream : file-like, optional
        Where to draw (default ``sys.stderr``).

    Yields
    ------
    object
        The items of ``iterable``, unchanged.

    Examples
    --------
    >>> sum(progress(range(10), total=10, desc="sum"))
    45
    """
    stream = sys.stderr if stream is None else stream
    if not progress_enabled(stream):
        if total:
            yield from _watched(iterable, total, desc)
        else:
            yield from iterable
        return
    from tqdm import tqdm

    with tqdm(iterable, total=total, desc=desc or None, file=stream, delay=_delay(delay), leave=False,
              mininterval=0.2, unit="", **_width_options(stream)) as bar:
        watch = _watcher(total, desc, time.monotonic())
        if watch is None:
            yield from bar
        else:
            count = 0
            for item in bar:
                yield item
                count += 1
                watch(count, time.monotonic())


@contextmanager
def phase(desc: str, delay: float | None = None, stream=None):
    """A bar with the elapsed time for a step that has no loop to count (drawn by a background thread).

    Parameters
    ----------
    desc : str
        What the step does, e.g. ``"diameter"``.
    delay : float, optional
        Seconds before the bar appears (default: see the module docstring).
    stream : file-like, optional
        Where to draw (default ``sys.stderr``).

    Yields
    ------
    None

    Examples
    --------
    >>> with phase("waiting"):
    ...     total = sum(range(1000))
    >>> total
    499500
    """
    stream = sys.stderr if stream is None else stream
    if not progress_enabled(stream):
        yield
        return
    wait = _delay(delay)
    done = threading.Event()

    def draw():
        if done.wait(wait):
            return
        from tqdm import tqdm

        bar = tqdm(total=None, desc=desc, file=stream, leave=False, bar_format="{desc}: {elapsed} (running)",
                   **_width_options(stream))
        try:
            while not done.wait(REFRESH):
                bar.refresh()
        finally:
            bar.close()

    thread = threading.Thread(target=draw, name=f"progress: {desc}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def _watcher(total, desc, start):
    """A function ``(count, now)`` raising BudgetExceeded when the projection exceeds twice the time budget."""
    if not total:
        return None
    from .budget import BudgetExceeded, current_budget, format_seconds

    limit = current_budget().seconds
    if limit is None:
        return None

    def watch(count, now):
        elapsed = now - start
        if elapsed >= WATCH_AFTER and count:
            projected = elapsed / count * total
            if projected > 2 * limit:
                what = f"{desc}: " if desc else ""
                raise BudgetExceeded(
                    f"stopped after {format_seconds(elapsed)}: {what}{count:,} of {total:,} steps done, projected "
                    f"to take {format_seconds(projected)}, over the time limit {format_seconds(limit)}; choose a "
                    "smaller request or raise the budget (--budget time=... or SYMBOLIC_MINIMA_BUDGET)"
                )

    return watch


def _watched(iterable, total, desc):
    start = time.monotonic()
    watch = _watcher(total, desc, start)
    if watch is None:
        yield from iterable
        return
    count = 0
    clock = time.monotonic
    for item in iterable:
        yield item
        count += 1
        watch(count, clock())
