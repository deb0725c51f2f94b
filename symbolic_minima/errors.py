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
