r"""Exceptions and argument validation shared by the whole package.

Every bad argument raises :class:`ArgumentValueError` (a :class:`ValueError`)
or :class:`ArgumentTypeError` (a :class:`TypeError`); both derive from
:class:`SymbolicMinimaError`, which the command line catches to print one
line and exit with status 2.

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

import numbers
import operator

__all__ = [
    "SymbolicMinimaError",
    "ArgumentValueError",
    "ArgumentTypeError",
    "MAX_WIDTH",
    "check_int",
    "check_width",
    "check_choice",
    "contains_text",
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
    lo = "-inf" if minimum is None else str(minimum)
    hi = "inf" if maximum is None else str(maximum)
    rng = "" if minimum is None and maximum is None else f" in [{lo}, {hi}]"
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        try:
            if isinstance(value, bool):
                raise TypeError
            value = operator.index(value)
        except TypeError:
            raise ArgumentTypeError(
                f"{name} must be an integer{rng}, got {type(value).__name__} {value!r}"
            ) from None
    value = int(value)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ArgumentValueError(f"{name} must be an integer{rng}, got {value}")
    return value


def check_width(value, name: str, minimum: int = 1, maximum: int = MAX_WIDTH) -> int:
    """Validate a network width (``r``, ``m``, ``r*``, ...): an int in ``[minimum, MAX_WIDTH]``."""
    return check_int(value, name, minimum=minimum, maximum=maximum)


def check_choice(value, name: str, choices) -> str:
    """Validate that ``value`` is one of the strings ``choices``.

    >>> check_choice("groups", "zero_type", ("singletons", "groups"))
    'groups'
    >>> check_choice("pairs", "zero_type", ("singletons", "groups"))
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: zero_type must be one of 'singletons', 'groups'; got 'pairs'
    """
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be one of {', '.join(map(repr, choices))}; got {type(value).__name__} {value!r}"
        )
    if value not in choices:
        raise ArgumentValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}")
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
    if _depth > 100:
        return True
    if isinstance(value, dict):
        return any(contains_text(k, _depth + 1) or contains_text(v, _depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(contains_text(item, _depth + 1) for item in value)
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
