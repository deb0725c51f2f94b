r"""The exact-number boundary: every conversion of a caller's number to ``Fraction`` or sympy.

The package computes with Python ``int``, :class:`fractions.Fraction` and
sympy expressions; floats appear only in explicitly numerical work.  Every
value that crosses into exact arithmetic passes through one of these
converters, so the rules live in one place:

* **text is never evaluated.**  :func:`parse_rational` is the only reader of
  number text (``"3/2"``, ``"-4"``, ``"0.25"``, ``"1e-3"``); it uses
  :class:`fractions.Fraction` and refuses number bombs such as
  ``"1e999999999"`` (:class:`~symbolic_minima.errors.NumberTooLargeError`)
  before building a huge integer.  Text reaching the other converters, at any
  depth of a container, is refused (:func:`~symbolic_minima.errors.refuse_text`)
  before anything reaches sympy;
* **floats are refused** (binary floats are not the exact numbers their
  decimal repr suggests);
* exact results are canonical: a rational is a ``Fraction`` (or a sympy
  ``Rational`` when a sympy object is asked for).

===========================  ===========================================  ===================================
converter                    accepts                                      returns
===========================  ===========================================  ===================================
:func:`to_fraction`          int, Fraction, sympy Rational                ``Fraction``
:func:`to_sympy`             int, Fraction, sympy expression              sympy object
:func:`exact_value`          int, Fraction, sympy expression              ``Fraction`` if rational, else the
                                                                          expanded sympy expression
:func:`parse_rational`       number text                                  ``Fraction``
:func:`input_fraction`       int, Fraction, sympy Rational, number text   ``Fraction``
:func:`input_sympy`          int, Fraction, number text, sympy            sympy object (no sympy ``Float``)
                             expression
===========================  ===========================================  ===================================

>>> import sympy
>>> to_fraction(3), exact_value(sympy.Rational(1, 2)), parse_rational("1e-3")
(Fraction(3, 1), Fraction(1, 2), Fraction(1, 1000))
>>> input_sympy("3/2"), input_fraction("0.25", "w_1")
(3/2, Fraction(1, 4))
>>> to_sympy(["1/2"])
Traceback (most recent call last):
...
symbolic_minima.errors.ArgumentTypeError: value must not contain text (str or bytes); got list
"""

from __future__ import annotations

import re
from fractions import Fraction
from numbers import Integral

from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    InvalidNumberError,
    NumberTooLargeError,
    refuse_text,
    shorten,
)

__all__ = [
    "to_fraction",
    "to_sympy",
    "exact_value",
    "parse_rational",
    "input_fraction",
    "input_sympy",
    "MAX_EXPONENT",
    "MAX_NUMBER_LENGTH",
]

#: Largest decimal exponent accepted in a number string (``"1e400"`` is fine, ``"1e999999999"`` is refused).
MAX_EXPONENT = 1000
#: Longest number string accepted.
MAX_NUMBER_LENGTH = 10_000


def _refuse_nested_text(value):
    # a container is never an exact number; if it holds text, say so (sympy would parse that text)
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        refuse_text(value, "value")


def to_sympy(value):
    """Convert an exact value (int, Fraction, or a sympy expression) to a sympy object.

    Strings and floats are refused, at any depth, so no user text ever reaches ``sympify``.

    >>> to_sympy(Fraction(3, 4)), to_sympy(2)
    (3/4, 2)
    >>> to_sympy("1/2")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: expected an exact value (int, Fraction or sympy expression), got str '1/2'
    """
    import sympy

    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, bool) or isinstance(value, (str, float, bytes)):
        raise ArgumentTypeError(
            f"expected an exact value (int, Fraction or sympy expression), got {type(value).__name__} {value!r}"
        )
    if isinstance(value, int):
        return sympy.Integer(value)
    if isinstance(value, sympy.Basic):
        return value
    _refuse_nested_text(value)
    raise ArgumentTypeError(
        f"expected an exact value (int, Fraction or sympy expression), got {type(value).__name__} {value!r}"
    )


def to_fraction(value) -> Fraction:
    """Convert an exact rational (int, Fraction, sympy Rational) to :class:`Fraction`.

    Floats, text and non-rational sympy expressions are refused.

    >>> to_fraction(3), to_fraction(Fraction(1, 2))
    (Fraction(3, 1), Fraction(1, 2))
    >>> import sympy
    >>> to_fraction(sympy.Rational(-3, 4))
    Fraction(-3, 4)
    >>> to_fraction(0.5)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: expected an exact rational (int, Fraction or sympy Rational),
    got float 0.5
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    p = getattr(value, "p", None)
    q = getattr(value, "q", None)
    if p is not None and q is not None and getattr(value, "is_Rational", False):
        return Fraction(int(p), int(q))
    _refuse_nested_text(value)
    raise ArgumentTypeError(
        f"expected an exact rational (int, Fraction or sympy Rational), got {type(value).__name__} {value!r}"
    )


def exact_value(value):
    """A ``Fraction`` for a rational value, else the expanded sympy expression (symbolic entries).

    >>> import sympy
    >>> u = sympy.Symbol("u")
    >>> exact_value(2), exact_value((u + 1) ** 2 - u**2 - 2 * u), exact_value(u * (u + 1))
    (Fraction(2, 1), Fraction(1, 1), u**2 + u)
    >>> exact_value(("u",))
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: value must not contain text (str or bytes); got tuple
    """
    if type(value) is Fraction:
        return value
    if type(value) is int:
        return Fraction(value)
    try:
        return to_fraction(value)
    except ArgumentTypeError:
        import sympy

        if not isinstance(value, sympy.Basic):
            raise
    value = sympy.expand(value)
    if value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    return value


def parse_rational(text: str) -> Fraction:
    """Parse an exact rational (``"3/2"``, ``"-4"``, ``"0.25"``, ``"1e-3"``) with :class:`fractions.Fraction`.

    Never evaluates the text; refuses exponents beyond :data:`MAX_EXPONENT`
    and strings longer than :data:`MAX_NUMBER_LENGTH` (which would build huge
    integers) with :class:`~symbolic_minima.errors.NumberTooLargeError`, and
    any other text (``"x"``, ``"1/0"``) with
    :class:`~symbolic_minima.errors.InvalidNumberError` (both are
    :class:`~symbolic_minima.errors.ArgumentValueError`, hence ``ValueError``).

    >>> parse_rational(" 3/2 "), parse_rational("1e-3")
    (Fraction(3, 2), Fraction(1, 1000))
    >>> parse_rational("1e999999999")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.NumberTooLargeError: exponent of '1e999999999' exceeds 1000
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"expected a string, got {type(text).__name__}")
    text = text.strip(" \t\n\r")
    if len(text) > MAX_NUMBER_LENGTH:
        raise NumberTooLargeError(f"number string of {len(text)} characters exceeds {MAX_NUMBER_LENGTH}")
    if not _RATIONAL_TEXT.fullmatch(text):  # ASCII digits only: no "1_000", no full-width digits (#14)
        raise InvalidNumberError(f"invalid rational {shorten(text)}")
    low = text.lower()
    if "e" in low:
        exponent = low.rsplit("e", 1)[1]
        if abs(int(exponent)) > MAX_EXPONENT:
            raise NumberTooLargeError(f"exponent of {shorten(text)} exceeds {MAX_EXPONENT}")
    if "/" in text and not text.rsplit("/", 1)[1].strip("0"):
        raise InvalidNumberError(f"invalid rational {shorten(text)}: zero denominator")
    from .bigint import unlimited_int_strings

    with unlimited_int_strings():  # a 5,000-digit numerator is fine (the length is bounded above)
        return Fraction(text)


# an exact rational as text: an integer, p/q, or a decimal with an optional exponent; ASCII only
_RATIONAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:/[0-9]+)?|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")


def _why(exc) -> str:
    # a number bomb says why it was refused; other bad text just is not a rational
    return f" ({exc})" if isinstance(exc, NumberTooLargeError) else ""


def input_fraction(value, name: str = "value") -> Fraction:
    """A caller's exact rational as a ``Fraction``: int, Fraction, sympy Rational, or number text.

    Text is read by :func:`parse_rational` (never evaluated); floats are refused.

    >>> input_fraction("-3/4"), input_fraction(2)
    (Fraction(-3, 4), Fraction(2, 1))
    >>> input_fraction("1e999999999", "W[1][1]")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: W[1][1] must be an exact rational such as '3/2', got '1e999999999'
    (exponent of '1e999999999' exceeds 1000)
    """
    if isinstance(value, str):
        try:
            return parse_rational(value)
        except (InvalidNumberError, NumberTooLargeError) as exc:
            raise ArgumentValueError(
                f"{name} must be an exact rational such as '3/2', got {shorten(value, 40)}{_why(exc)}"
            ) from None
    if isinstance(value, float):
        raise ArgumentTypeError(f"{name} must be exact (int, Fraction, string or sympy Rational), got float {value!r}")
    return to_fraction(value)


def input_sympy(value):
    """A caller's exact number or expression as a sympy object: int, Fraction, number text or sympy (no ``Float``).

    Text is read by :func:`parse_rational` (never by sympy).

    >>> input_sympy("-0.5"), input_sympy(Fraction(1, 3))
    (-1/2, 1/3)
    >>> input_sympy("x")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: expected an exact rational such as '3/2', got 'x'
    """
    import sympy

    if isinstance(value, bool):
        raise ArgumentTypeError(f"expected an exact number, got bool {value!r}")
    from .bigint import allow_printing

    if isinstance(value, Integral):
        allow_printing(int(value))  # sympy objects built from it must print (see symbolic_minima.bigint)
        return sympy.Integer(int(value))
    if isinstance(value, Fraction):
        allow_printing(max(abs(value.numerator), value.denominator))
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, str):
        try:
            f = parse_rational(value)
        except (InvalidNumberError, NumberTooLargeError) as exc:
            raise ArgumentValueError(
                f"expected an exact rational such as '3/2', got {shorten(value, 40)}{_why(exc)}"
            ) from None
        allow_printing(max(abs(f.numerator), f.denominator))
        return sympy.Rational(f.numerator, f.denominator)
    if isinstance(value, sympy.Basic):
        if isinstance(value, sympy.Float) or value.has(sympy.Float):
            raise ArgumentTypeError(f"expected an exact value, got the float {value}")
        return value
    _refuse_nested_text(value)
    raise ArgumentTypeError(
        "expected an exact number (int, Fraction, string like '3/2', or sympy expression), "
        f"got {type(value).__name__} {value!r}"
    )
