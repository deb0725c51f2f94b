r"""Helpers shared by the command modules: parsing numbers and ranges, reading teachers, output options.

Not a command module (it is not in ``COMMAND_MODULES``).  Every helper turns
bad input into an :class:`~symbolic_minima.errors.ArgumentValueError` whose
message names the option, so ``main()`` prints one line and exits 2.
"""

from __future__ import annotations

from ..errors import MAX_WIDTH, ArgumentValueError, check_int

__all__ = [
    "MAX_DIM", "parse_range", "parse_int", "load_teacher", "teacher_from_options", "add_format_options",
]

#: Largest input / output dimension (``--d``, ``--d-out``) accepted on the command line.
MAX_DIM = 100


def parse_range(text: str, name: str, minimum: int = 0) -> list:
    """Parse ``"A:B"`` (inclusive), ``"A:B:S"`` or ``"A"`` into a list of ints, with ``int()`` only.

    >>> parse_range("1:4", "r"), parse_range("0:10:5", "h"), parse_range("7", "m")
    ([1, 2, 3, 4], [0, 5, 10], [7])
    >>> parse_range("4:1", "r")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: r range must be A:B with A <= B, got '4:1'
    """
    parts = str(text).strip().split(":")
    if not 1 <= len(parts) <= 3:
        raise ArgumentValueError(f"{name} must be an integer or a range A:B or A:B:S, got {text!r}")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        raise ArgumentValueError(f"{name} must be an integer or a range A:B or A:B:S, got {text!r}") from None
    start, stop = numbers[0], numbers[1] if len(numbers) > 1 else numbers[0]
    step = numbers[2] if len(numbers) > 2 else 1
    if step < 1:
        raise ArgumentValueError(f"{name} range step must be a positive integer, got {text!r}")
    if start > stop:
        raise ArgumentValueError(f"{name} range must be A:B with A <= B, got {text!r}")
    if start < minimum or stop > MAX_WIDTH:
        raise ArgumentValueError(f"{name} must lie in [{minimum}, {MAX_WIDTH}], got {text!r}")
    return list(range(start, stop + 1, step))


def parse_int(text, name: str, minimum: int, maximum: int):
    """The integer ``text`` (``None`` stays ``None``), checked to lie in ``[minimum, maximum]``.

    >>> parse_int(" 3 ", "--d", 1, 100), parse_int(None, "--d", 1, 100)
    (3, None)
    >>> parse_int("x", "--d", 1, 100)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: --d must be an integer in [1, 100], got 'x'
    """
    if text is None:
        return None
    try:
        value = int(str(text).strip())
    except ValueError:
        raise ArgumentValueError(f"{name} must be an integer in [{minimum}, {maximum}], got {text!r}") from None
    return check_int(value, name, minimum, maximum)


def load_teacher(path, critical: bool = False):
    """Read a teacher (or critical point) JSON file; errors are one-line ``ArgumentValueError``."""
    from ..network import CriticalPoint, Teacher

    cls = CriticalPoint if critical else Teacher
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read(10_000_000)
    except OSError as exc:
        raise ArgumentValueError(f"--teacher: cannot read {path!r}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ArgumentValueError(f"--teacher: {path!r} is not UTF-8 text") from None
    return cls.from_json(text)


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
