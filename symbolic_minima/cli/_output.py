"""``-o -``: the commands' outputs written to standard output instead of a file.

Not a command module (it is not in ``COMMAND_MODULES``).  Text formats
(LaTeX, DOT, GraphML, JSON, SVG) go to standard output as text; binary formats
(PNG, PDF) only when standard output is not a terminal (a pipe or a file), so
a stray ``-o -`` never floods a terminal with bytes.  What a command would
otherwise print besides the data (a summary, the path written, verdict lines)
goes to standard error, so ``... -o - > file`` and ``... -o - | tool`` get the
data alone.

>>> is_stdout("-"), is_stdout("g.dot"), is_stdout(None)
(True, False, False)
"""

from __future__ import annotations

import sys

from ..errors import ArgumentValueError

__all__ = ["STDOUT", "is_stdout", "write_text", "write_binary", "check_binary_allowed", "info"]

#: The ``-o`` value meaning standard output.
STDOUT = "-"


def is_stdout(path) -> bool:
    """Whether ``path`` (an ``-o`` value) means standard output."""
    return path == STDOUT


def write_text(text: str) -> None:
    """Write ``text`` to standard output."""
    sys.stdout.write(text)
    sys.stdout.flush()


def check_binary_allowed(what: str, option: str = "-o") -> None:
    """Refuse (one line, exit 2) to write binary ``what`` to a terminal."""
    try:
        terminal = sys.stdout.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if terminal:
        raise ArgumentValueError(f"{option} -: refusing to write {what} (binary) to a terminal; "
                                 f"redirect standard output (> file, | program) or give {option} FILE")


def write_binary(data: bytes, what: str, option: str = "-o") -> None:
    """Write ``data`` to standard output (refused on a terminal, see :func:`check_binary_allowed`)."""
    check_binary_allowed(what, option)
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests capture stdout so): nothing sensible to write bytes to
        raise ArgumentValueError(f"{option} -: standard output does not accept binary data here")
    buffer.write(data)
    buffer.flush()


def info(text: str) -> None:
    """A human-readable line that is not the data: on standard error when the data goes to standard output."""
    print(text, file=sys.stderr)
