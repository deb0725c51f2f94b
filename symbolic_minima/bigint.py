r"""Printing and reading integers of any size.

CPython refuses ``str(n)`` for integers of more than 4,300 digits (a guard
against quadratic-time conversion), and ``int(text)`` for texts that long.
Counts such as :math:`T(5000, 10000)` have tens of thousands of digits:

* :func:`int_to_str` prints them in full, using python-flint's quasi-linear
  conversion when it is installed;
* :func:`int_from_digits` reads a validated digit string of any length
  (callers bound the length: :data:`~symbolic_minima.errors.MAX_INTEGER_DIGITS`);
* :func:`unlimited_int_strings` (a context manager) and :func:`lifts_int_limit`
  (a decorator) lift the limit only while the package prints one of its
  objects (``repr``, ``str``, LaTeX, JSON), and restore it afterwards;
* a sympy ``Integer`` handed back to the caller (``StirlingS2(4001, 2001)``)
  is printed by sympy itself, so when the package creates one past the limit
  it lifts the limit for the process (:func:`allow_printing`), as the command
  line always does (:func:`allow_big_int_strings`).  The package's own
  parsers bound the length of what they read, so the guard is not needed for
  them.

>>> s = int_to_str(7 ** 20000)
>>> len(s), s[:5]
(16902, '91369')
>>> int_from_digits("1" * 5000) == (10 ** 5000 - 1) // 9
True
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

__all__ = [
    "int_to_str",
    "int_from_digits",
    "allow_big_int_strings",
    "allow_printing",
    "unlimited_int_strings",
    "lifts_int_limit",
    "PRINTABLE_BITS",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")

#: Integers of fewer bits always convert to decimal under the default limit (< ~4214 digits).
PRINTABLE_BITS = 14000


def int_to_str(n: int) -> str:
    """Decimal string of the integer ``n``, whatever its size."""
    from .errors import check_int

    n = check_int(n, "n")
    if n.bit_length() < PRINTABLE_BITS:
        return str(n)
    try:
        import flint
    except ImportError:
        pass
    else:
        return str(flint.fmpz(n))
    with unlimited_int_strings():
        return str(n)


def int_from_digits(text: str) -> int:
    """The ``int`` of a decimal text (ASCII digits, optional sign) of any length.

    The caller validates and bounds ``text`` (the length is not checked
    here); this only lifts the digit limit for the conversion.  Anything else
    than a decimal integer raises :class:`~symbolic_minima.errors.ArgumentValueError`.

    >>> int_from_digits("-12")
    -12
    """
    from .errors import ArgumentTypeError, ArgumentValueError

    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be a decimal string, got {type(text).__name__}")
    if not text.isascii():
        raise ArgumentValueError("text must be a decimal integer in ASCII digits")
    try:
        if len(text) < 4000:
            return int(text)
        with unlimited_int_strings():
            return int(text)
    except ValueError:
        raise ArgumentValueError(f"text must be a decimal integer, got {text[:40]!r}") from None


@contextmanager
def unlimited_int_strings():
    """Lift the interpreter's integer/string digit limit inside the ``with`` block, then restore it."""
    get = getattr(sys, "get_int_max_str_digits", None)
    if get is None:  # Python without the limit
        yield
        return
    old = get()
    sys.set_int_max_str_digits(0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(old)


def lifts_int_limit(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator: run ``method`` inside :func:`unlimited_int_strings` (for ``__repr__``, ``to_json``, ...)."""

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with unlimited_int_strings():
            return method(*args, **kwargs)

    return wrapper


def allow_printing(n: int) -> None:
    """Lift the process's digit limit if ``n`` could not be printed under it (see the module docstring)."""
    if abs(int(n)).bit_length() >= PRINTABLE_BITS:
        allow_big_int_strings()


def allow_big_int_strings() -> None:
    """Lift the interpreter's integer-to-string digit limit for this process (used by the CLI)."""
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
