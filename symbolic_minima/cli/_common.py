r"""Helpers shared by the command modules: parsing numbers and ranges, reading teachers, output options.

Not a command module (it is not in ``COMMAND_MODULES``).  Every helper turns
bad input into an :class:`~symbolic_minima.errors.ArgumentValueError` whose
message names the option, so ``main()`` prints one line and exits 2.
"""

from __future__ import annotations

import os
import stat

from ..errors import MAX_WIDTH, ArgumentValueError, InputOutputError, parse_integer, shorten

__all__ = [
    "MAX_DIM", "MAX_TEACHER_BYTES", "parse_range", "parse_int", "load_teacher", "read_text_file",
    "teacher_from_options", "add_format_options",
]

#: Largest input / output dimension (``--d``, ``--d-out``) accepted on the command line.
MAX_DIM = 100
#: Largest teacher file read (bytes); a 100 x 100 teacher of 5,000-digit numbers fits.
MAX_TEACHER_BYTES = 64 * 2**20
#: Largest range a ``A:B:S`` option may list.
MAX_RANGE_LENGTH = MAX_WIDTH + 1


def parse_range(text: str, name: str, minimum: int = 0) -> list:
    """Parse ``"A:B"`` (inclusive), ``"A:B:S"`` or ``"A"`` into a list of ints.

    Each number follows the one integer rule, :func:`~symbolic_minima.errors.parse_integer`.

    >>> parse_range("1:4", "r"), parse_range("0:10:5", "h"), parse_range("7", "m")
    ([1, 2, 3, 4], [0, 5, 10], [7])
    >>> parse_range("4:1", "r")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: r range must be A:B with A <= B, got '4:1'
    >>> parse_range("1_0", "m")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: m must be an integer or a range A:B or A:B:S, got '1_0'
    """
    parts = str(text).split(":")
    if not 1 <= len(parts) <= 3:
        raise ArgumentValueError(f"{name} must be an integer or a range A:B or A:B:S, got {shorten(text)}")
    try:
        numbers = [parse_integer(p, name) for p in parts]
    except ArgumentValueError:
        raise ArgumentValueError(
            f"{name} must be an integer or a range A:B or A:B:S, got {shorten(text)}"
        ) from None
    start, stop = numbers[0], numbers[1] if len(numbers) > 1 else numbers[0]
    step = numbers[2] if len(numbers) > 2 else 1
    if step < 1:
        raise ArgumentValueError(f"{name} range step must be a positive integer, got {shorten(text)}")
    if start > stop:
        raise ArgumentValueError(f"{name} range must be A:B with A <= B, got {shorten(text)}")
    if start < minimum or stop > MAX_WIDTH:
        raise ArgumentValueError(f"{name} must lie in [{minimum}, {MAX_WIDTH}], got {shorten(text)}")
    return list(range(start, stop + 1, step))


def parse_int(text, name: str, minimum: int, maximum: int):
    """The integer ``text`` (``None`` stays ``None``), checked to lie in ``[minimum, maximum]``.

    The command line's one integer rule (:func:`~symbolic_minima.errors.parse_integer`):
    ASCII digits with an optional sign; ``1_0``, ``３`` and ``1 0`` are refused.

    >>> parse_int(" 3 ", "--d", 1, 100), parse_int(None, "--d", 1, 100)
    (3, None)
    >>> parse_int("x", "--d", 1, 100)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: --d must be an integer in [1, 100], got 'x'
    """
    if text is None:
        return None
    return parse_integer(text, name, minimum, maximum)


def read_text_file(path, option: str, limit: int | None = None) -> str:
    """The UTF-8 text of the regular file ``path``, at most ``limit`` bytes.

    Refuses (one line) what is not a regular file (a directory, a FIFO, a
    device: reading a FIFO could wait forever), files larger than ``limit``
    (default :data:`MAX_TEACHER_BYTES`)
    (never silently cut) and text that is not UTF-8.  A file that cannot be
    read raises :class:`~symbolic_minima.errors.InputOutputError` (exit 4);
    a file that is read but unusable raises ``ArgumentValueError`` (exit 2).
    """
    limit = MAX_TEACHER_BYTES if limit is None else limit
    shown = shorten(str(path))
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputOutputError(f"{option}: cannot read {shown}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputOutputError(f"{option}: cannot read {shown}: it is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputOutputError(f"{option}: cannot read {shown}: not a regular file (a FIFO, socket or device)")
    if info.st_size > limit:
        raise ArgumentValueError(f"{option}: {shown} has {info.st_size} bytes, more than the limit {limit}")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # replaced since the stat above
                raise InputOutputError(f"{option}: cannot read {shown}: not a regular file")
            data = fh.read(limit + 1)
    except OSError as exc:
        if isinstance(exc, InputOutputError):
            raise
        raise InputOutputError(f"{option}: cannot read {shown}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise ArgumentValueError(f"{option}: {shown} has more than {limit} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArgumentValueError(f"{option}: {shown} is not UTF-8 text (byte {exc.start})") from None


def load_teacher(path, critical: bool = False):
    """Read a teacher (or critical point) JSON file; errors are one line (exit 2, or 4 if unreadable).

    Regular files only, at most :data:`MAX_TEACHER_BYTES`, UTF-8; the JSON
    itself is checked by :meth:`Teacher.from_json
    <symbolic_minima.network.Teacher.from_json>` (nesting depth, duplicate
    keys, exact numbers only).
    """
    from ..network import CriticalPoint, Teacher

    cls = CriticalPoint if critical else Teacher
    text = read_text_file(path, "--teacher")
    try:
        return cls.from_json(text)
    except ArgumentValueError as exc:
        raise ArgumentValueError(f"--teacher {shorten(str(path))}: {exc}") from None


def teacher_from_options(path, r: int, d, q, critical: bool = False):
    """The teacher (or critical point) of ``--teacher path``, checked against ``r``, ``--d d`` and ``--d-out q``.

    Without a file (``path is None``): ``Teacher.default(r, d or 1, q or 1)``
    (``CriticalPoint.default`` if ``critical``).
    """
    from ..network import CriticalPoint, Teacher

    if path is None:
        cls = CriticalPoint if critical else Teacher
        return cls.default(r, d or 1, q or 1)
    point = load_teacher(path, critical=critical)
    if point.width != r:
        raise ArgumentValueError(f"--teacher has width r = {point.width} but r = {r} was given")
    if d is not None and d != point.input_dim:
        raise ArgumentValueError(f"--teacher has input dimension {point.input_dim} but --d {d} was given")
    if q is not None and q != point.output_dim:
        raise ArgumentValueError(f"--teacher has output dimension {point.output_dim} but --d-out {q} was given")
    return point


def add_format_options(parser, json_help: str, latex_help: str):
    """Add the mutually exclusive ``--json`` / ``--latex`` flags to ``parser``; returns their group."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help=json_help)
    group.add_argument("--latex", action="store_true", help=latex_help)
    return group
