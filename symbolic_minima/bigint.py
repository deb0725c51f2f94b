r"""Printing integers of any size.

CPython refuses ``str(n)`` for integers of more than 4,300 digits (a guard
against quadratic-time conversion).  Counts such as :math:`T(5000, 10000)`
have tens of thousands of digits; :func:`int_to_str` prints them in full,
using python-flint's quasi-linear conversion when it is installed.

>>> s = int_to_str(7 ** 20000)
>>> len(s), s[:5]
(16902, '91369')
"""

from __future__ import annotations

import sys

__all__ = ["int_to_str", "allow_big_int_strings"]


def int_to_str(n: int) -> str:
    """Decimal string of the integer ``n``, whatever its size."""
    n = int(n)
    if n.bit_length() < 14000:  # < ~4214 digits: always allowed
        return str(n)
    try:
        import flint
    except ImportError:
        pass
    else:
        return str(flint.fmpz(n))
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(n)
    finally:
        sys.set_int_max_str_digits(old)


def allow_big_int_strings() -> None:
    """Lift the interpreter's integer-to-string digit limit for this process (used by the CLI)."""
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
