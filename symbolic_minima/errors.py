r"""Exceptions and argument validation shared by the whole package.

Every bad argument raises :class:`ArgumentValueError` (a :class:`ValueError`)
or :class:`ArgumentTypeError` (a :class:`TypeError`); both derive from
:class:`SymbolicMinimaError`, which the command line catches to print one
line and exit with status 2.  A file that cannot be read or written raises
:class:`InputOutputError` (an :class:`OSError` too; exit status 4).

Integers written as text (command-line arguments, labels, widths) follow one
rule, :func:`parse_integer`: ASCII digits with an optional sign, nothing
else (no ``_``, no full-width or other Unicode digits, no spaces inside; blanks
around the number are ignored).  Integers given as Python objects follow
:func:`check_int`: any :class:`numbers.Integral` except ``bool``.  Error
messages never echo a huge input in full (:func:`shorten`).

>>> check_width(3, "r")
3
>>> check_width(0, "r")
Traceback (most recent call last):
...
symbolic_minima.errors.ArgumentValueError: r must be an integer in [1, 100000], got 0
>>> check_width(True, "m")
Traceback (most recent call last):
...
symbolic_minima.errors.ArgumentTypeError: m must be an integer in [1, 100000], got bool True
"""

from __future__ import annotations

import math
import numbers
import operator
import re

__all__ = [
    "SymbolicMinimaError",
    "ArgumentValueError",
    "ArgumentTypeError",
    "InputOutputError",
    "MAX_WIDTH",
    "MAX_INTEGER_DIGITS",
    "check_int",
    "parse_integer",
    "shorten",
    "check_width",
    "check_choice",
    "check_label",
    "check_sequence",
    "check_instance",
    "contains_text",
    "contains_bool",
    "refuse_text",
    "as_expression",
]

#: Largest width (``r``, ``m`` or ``h``) any function accepts.  ``T(r, m)``
#: has about ``m * log10(r + 1)`` digits, so ``m = 10**5`` already means
#: counts of up to ~500,000 digits; larger requests are refused rather than
#: left to run for hours.
MAX_WIDTH = 100_000


class SymbolicMinimaError(Exception):
    """Base class of every error this package raises on bad input."""


class ArgumentValueError(SymbolicMinimaError, ValueError):
    """An argument has the right type but lies outside its allowed range."""


class ArgumentTypeError(SymbolicMinimaError, TypeError):
    """An argument has the wrong type (e.g. a float or a bool for a width)."""


class InputOutputError(SymbolicMinimaError, OSError):
    """A file could not be read or written (a directory given as a file, no permission, a full device).

    The command line prints its one-line message and exits with status 4.
    """


#: Longest integer text :func:`parse_integer` reads (longer texts are refused
#: before any conversion: converting decimal text to an int takes quadratic time).
MAX_INTEGER_DIGITS = 10_000

_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
_BLANKS = " \t"


def shorten(value, limit: int = 60) -> str:
    """A short ``repr`` of ``value`` for an error message: at most ``limit`` characters plus the length.

    Integers too long to print are described by their size; long texts are cut
    with an ellipsis.  Never raises, never converts a huge integer to decimal.

    >>> shorten("x" * 5000)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (5000 characters)"
    >>> shorten(10 ** 5000)
    'an integer of 5001 digits'
    >>> shorten([1, 2]), shorten(-7)
    ('[1, 2]', '-7')
    """
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 8:
        limit = 60
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        bits = abs(value).bit_length()
        if bits > 3 * limit:  # more than ~54 digits: describe it
            digits = int(bits * math.log10(2)) + 1
            if digits <= 4000:
                digits = len(str(abs(value)))
            sign = "a negative" if value < 0 else "an"
            return f"{sign} integer of {digits} digits"
        return repr(value)
    if isinstance(value, (str, bytes, bytearray)):
        text = repr(value if len(value) <= limit else value[: limit - 4])
        if len(value) <= limit:
            return text
        unit = "characters" if isinstance(value, str) else "bytes"
        return f"{text[:-1]}…{text[-1]} ({len(value)} {unit})"
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - e.g. an object holding a huge int
        return f"a {type(value).__name__}"
    if len(text) > limit:
        return f"{text[: limit - 1]}… ({type(value).__name__}, {len(text)} characters)"
    return text


def parse_integer(text, name: str, minimum: int | None = None, maximum: int | None = None) -> int:
    """The integer written in ``text``: ASCII digits with an optional sign, checked to lie in the range.

    The one rule for integers given as text, everywhere (command-line
    arguments and options, labels, widths): ``[+-]?[0-9]+``, blanks (spaces,
    tabs) around it ignored; ``1_0``, full-width digits such as ``３``,
    ``+``, ``1 0`` and ``0x10`` are refused.  ``minimum`` and ``maximum`` are
    inclusive.  Texts of more than :data:`MAX_INTEGER_DIGITS` characters are
    refused without being converted.

    >>> parse_integer("42", "r"), parse_integer(" -3 ", "h"), parse_integer("+7", "m")
    (42, -3, 7)
    >>> parse_integer("1_0", "m")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: m must be an integer (ASCII digits with an optional sign), got '1_0'
    >>> parse_integer("３", "r")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: r must be an integer (ASCII digits with an optional sign), got '３'
    >>> parse_integer("0", "r", 1, 100)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: r must be an integer in [1, 100], got 0
    """
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise ArgumentTypeError(f"{name} must be an integer written as text, got {type(text).__name__}")
    if isinstance(text, int):
        return check_int(text, name, minimum, maximum)
    _check_bounds(name, minimum, maximum)
    rng = _range_text(minimum, maximum)
    stripped = text.strip(_BLANKS)
    if len(stripped) > MAX_INTEGER_DIGITS + 1 or not _INTEGER_TEXT.fullmatch(stripped):
        if len(stripped) > MAX_INTEGER_DIGITS + 1 and _INTEGER_TEXT.fullmatch(stripped):
            raise ArgumentValueError(f"{name} must be an integer{rng}, got {shorten(stripped)}")
        raise ArgumentValueError(
            f"{name} must be an integer{rng or ' (ASCII digits with an optional sign)'}, got {shorten(text)}"
        )
    digits = stripped.lstrip("+-").lstrip("0")
    negative = stripped.startswith("-")
    # compare lengths first: a huge text is refused without converting it
    for bound, is_max in ((maximum, True), (minimum, False)):
        if bound is None:
            continue
        limit_digits = len(str(abs(bound)))
        too_far = len(digits) > limit_digits and (negative != is_max)
        if too_far:
            raise ArgumentValueError(f"{name} must be an integer{rng}, got {shorten(stripped)}")
    from .bigint import int_from_digits

    value = int_from_digits(stripped)
    return check_int(value, name, minimum, maximum)


def _check_bounds(name, minimum, maximum) -> None:
    for bound in (minimum, maximum):
        if bound is not None and (type(bound) is not int):
            raise ArgumentTypeError(f"the bounds of {name} must be ints or None, got {type(bound).__name__}")


def _range_text(minimum, maximum) -> str:
    if minimum is None and maximum is None:
        return ""
    lo = "-inf" if minimum is None else str(minimum)
    hi = "inf" if maximum is None else str(maximum)
    return f" in [{lo}, {hi}]"


def check_int(value, name: str, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return ``value`` as a Python ``int`` or raise a clear error naming ``name``.

    Accepts Python ints, sympy ``Integer`` and other :class:`numbers.Integral`
    values (but never ``bool``); ``minimum`` and ``maximum`` are inclusive.

    >>> check_int(5, "h", minimum=0)
    5
    >>> check_int(2.0, "h")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: h must be an integer, got float 2.0
    """
    _check_bounds(name, minimum, maximum)
    rng = _range_text(minimum, maximum)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        try:
            if isinstance(value, bool):
                raise TypeError
            value = operator.index(value)
        except TypeError:
            raise ArgumentTypeError(
                f"{name} must be an integer{rng}, got {type(value).__name__} {shorten(value)}"
            ) from None
    value = int(value)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ArgumentValueError(f"{name} must be an integer{rng}, got {shorten(value)}")
    return value


def check_width(value, name: str, minimum: int = 1, maximum: int = MAX_WIDTH) -> int:
    """Validate a network width (``r``, ``m``, ``r*``, ...): an int in ``[minimum, MAX_WIDTH]``."""
    return check_int(value, name, minimum=minimum, maximum=maximum)


def check_choice(value, name: str, choices) -> str:
    """Validate that ``value`` is one of the strings ``choices``.

    >>> check_choice("flint", "backend", ("auto", "flint", "python"))
    'flint'
    >>> check_choice("gmpy", "backend", ("auto", "flint", "python"))
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: backend must be one of 'auto', 'flint', 'python'; got 'gmpy'
    """
    choices = tuple(check_sequence(choices, "choices"))
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be one of {', '.join(map(repr, choices))}; got {type(value).__name__} {shorten(value)}"
        )
    if value not in choices:
        raise ArgumentValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {shorten(value)}")
    return value


def check_sequence(value, name: str, what: str = "a list or tuple") -> list:
    """``value`` as a list, or :class:`ArgumentTypeError` if it is not a sequence (text is not one).

    >>> check_sequence((1, 2), "rows")
    [1, 2]
    >>> check_sequence(3.0, "rows")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: rows must be a list or tuple, got float 3.0
    """
    if isinstance(value, (str, bytes, bytearray, dict)) or not hasattr(value, "__iter__"):
        raise ArgumentTypeError(f"{name} must be {what}, got {type(value).__name__} {shorten(value)}")
    try:
        return list(value)
    except TypeError:
        raise ArgumentTypeError(f"{name} must be {what}, got {type(value).__name__}") from None


def check_label(value, name: str = "label") -> tuple:
    """A label: a sequence of Python integers (not bools), as a tuple.

    >>> check_label([1, 2, 0])
    (1, 2, 0)
    >>> check_label(None)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: label must be a tuple of integers such as (1, 2, 0), got NoneType None
    """
    if type(value) is tuple and all(type(v) is int for v in value):  # the fast path (hot loops pass tuples)
        return value
    items = check_sequence(value, name, "a tuple of integers such as (1, 2, 0)")
    return tuple(check_int(v, f"{name} entry") for v in items)


def check_instance(value, cls, name: str):
    """``value`` if it is an instance of ``cls`` (a class or tuple of classes), else :class:`ArgumentTypeError`."""
    if not (isinstance(cls, type) or (isinstance(cls, tuple) and cls and all(isinstance(c, type) for c in cls))):
        raise ArgumentTypeError(f"cls must be a class or a tuple of classes, got {type(cls).__name__}")
    if not isinstance(value, cls):
        names = " or ".join(c.__name__ for c in (cls if isinstance(cls, tuple) else (cls,)))
        raise ArgumentTypeError(f"{name} must be a {names}, got {type(value).__name__} {shorten(value)}")
    return value


def contains_text(value, _depth: int = 0) -> bool:
    """Whether ``value`` is, or holds at any depth, a ``str`` or ``bytes``.

    Lists, tuples, sets, frozensets and dicts (keys and values) are searched;
    anything nested deeper than 100 levels counts as text (it is refused).

    >>> contains_text([1, (2, {"k": 3})]), contains_text([1, (2, {3: 4})])
    (True, False)
    """
    if isinstance(value, (str, bytes, bytearray)):
        return True
    if not isinstance(_depth, int):
        _depth = 0
    if _depth > 100:
        return True
    if isinstance(value, dict):
        return any(contains_text(k, _depth + 1) or contains_text(v, _depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(contains_text(item, _depth + 1) for item in value)
    return False


def contains_bool(value, _depth: int = 0) -> bool:
    """Whether ``value`` is, or holds in a list, tuple or dict, a ``bool`` (sympy would make it a BooleanAtom)."""
    if isinstance(value, bool):
        return True
    if _depth > 20:
        return False
    if isinstance(value, dict):
        return any(contains_bool(k, _depth + 1) or contains_bool(v, _depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(contains_bool(v, _depth + 1) for v in value)
    return False


def refuse_text(value, name: str):
    """Return ``value`` unchanged, or raise :class:`ArgumentTypeError` if it holds text at any depth.

    sympy parses (and so executes) strings it meets inside containers; every
    public function that hands a caller's value to sympy passes it through
    here first.

    >>> refuse_text((1, 2), "n")
    (1, 2)
    >>> refuse_text(["1/2"], "n")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: n must not contain text (str or bytes); got list
    """
    if contains_text(value):
        raise ArgumentTypeError(f"{name} must not contain text (str or bytes); got {type(value).__name__}")
    return value


def as_expression(value, name: str = "expression"):
    """``value`` as a sympy object: numbers and sympy objects only, never text at any depth.

    >>> as_expression(3)
    3
    >>> as_expression(("1",), "egf")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: egf must not contain text (str or bytes); got tuple
    """
    import sympy

    refuse_text(value, name)
    if isinstance(value, bool) or contains_bool(value):
        raise ArgumentTypeError(f"{name} must be a sympy expression or a number, got bool")
    try:
        return sympy.sympify(value, strict=True)
    except (sympy.SympifyError, TypeError, ValueError, AttributeError) as exc:
        raise ArgumentTypeError(
            f"{name} must be a sympy expression or a number, got {type(value).__name__}"
        ) from exc


class InvalidNumberError(ArgumentValueError):
    """Number text that is not an exact rational such as ``"3/2"`` (:func:`symbolic_minima.exact.parse_rational`)."""


class NumberTooLargeError(ArgumentValueError):
    """Number text refused before building a huge integer (a "number bomb" such as ``"1e999999999"``)."""


__all__ += ["InvalidNumberError", "NumberTooLargeError"]
