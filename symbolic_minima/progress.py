r"""A dependency-free progress bar for long enumerations.

:func:`progress` wraps an iterable.  On a terminal (``stderr`` is a TTY) it
draws a one-line bar on ``stderr`` once the loop has run for more than
``delay`` seconds (two by default); when ``stderr`` is piped or captured it
draws nothing, so scripts and tests see clean output.  Set the environment
variable ``SYMBOLIC_MINIMA_PROGRESS=0`` to switch it off, ``=1`` to force it.

A loop with a known ``total`` also watches itself (drawn or not): once it has
run for :data:`WATCH_AFTER` seconds, if its projected duration exceeds twice
the time budget (:func:`symbolic_minima.budget.current_budget`) it stops with
:class:`~symbolic_minima.budget.BudgetExceeded` (exit status 2 on the command
line), so a bar never promises hours: the cost model should have refused such
a request up front, and this is the safety net when its estimate was too low.

>>> list(progress(range(3), total=3, desc="labels"))
[0, 1, 2]
"""

from __future__ import annotations

import os
import sys
import time

__all__ = ["progress", "progress_enabled", "WATCH_AFTER"]

#: Seconds a loop runs before it checks its projected duration against the budget.
WATCH_AFTER = 3.0


def progress_enabled(stream=None) -> bool:
    """Whether a bar would be drawn on ``stream`` (default ``sys.stderr``)."""
    forced = os.environ.get("SYMBOLIC_MINIMA_PROGRESS")
    if forced is not None:
        return forced not in ("", "0", "false", "no")
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def progress(iterable, total: int | None = None, desc: str = "", delay: float = 2.0, stream=None):
    """Yield from ``iterable``, showing a bar on a terminal after ``delay`` seconds.

    ``total`` (if known) gives a percentage and an estimate of the time left.
    """
    stream = sys.stderr if stream is None else stream
    if not progress_enabled(stream):
        if total:
            yield from _watched(iterable, total, desc)
        else:
            yield from iterable
        return
    start = time.monotonic()
    watch = _watcher(total, desc, start)
    last_draw = 0.0
    drawn = False
    count = 0
    try:
        for item in iterable:
            yield item
            count += 1
            now = time.monotonic()
            if watch is not None:
                watch(count, now)
            if now - start >= delay and now - last_draw >= 0.2:
                last_draw = now
                drawn = True
                stream.write("\r" + _line(desc, count, total, now - start))
                stream.flush()
    finally:
        if drawn:
            stream.write("\r" + _line(desc, count, total, time.monotonic() - start) + "\n")
            stream.flush()


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


def _line(desc: str, count: int, total: int | None, elapsed: float) -> str:
    rate = count / elapsed if elapsed > 0 else 0.0
    prefix = f"{desc}: " if desc else ""
    if total:
        frac = min(count / total, 1.0)
        width = 30
        filled = int(frac * width)
        left = (total - count) / rate if rate > 0 else float("inf")
        return (
            f"{prefix}[{'#' * filled}{'.' * (width - filled)}] {count}/{total} "
            f"{100 * frac:5.1f}% {rate:,.0f}/s eta {left:,.0f}s"
        )
    return f"{prefix}{count:,} done, {rate:,.0f}/s, {elapsed:,.0f}s"
