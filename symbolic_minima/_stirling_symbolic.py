r"""The unevaluated sympy function :class:`StirlingS2` of the symbolic closed forms.

Re-exported by :mod:`symbolic_minima.stirling` (imported on first use, so that
integer counts need no sympy).

>>> from sympy import Symbol, latex
>>> n, k = Symbol("n"), Symbol("k")
>>> StirlingS2(5, 2)
15
>>> latex(StirlingS2(n, k))
'\\left\\{ {n \\atop k} \\right\\}'
"""

from __future__ import annotations

import numbers

import sympy
from sympy import Function, Integer, Sum, binomial
from sympy import factorial as sym_factorial

from .bigint import allow_printing
from .errors import ArgumentTypeError, refuse_text, shorten
from .stirling import stirling2

__all__ = ["StirlingS2"]


def _check_argument(value, name: str) -> None:
    """An argument of :class:`StirlingS2`: an integer, or a sympy expression that is not a non-integer number."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, sympy.Basic)):
        raise ArgumentTypeError(
            f"{name} must be an integer or a sympy expression, got {type(value).__name__} {shorten(value)}"
        )
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr) or value.has(sympy.Float) or (value.is_Number and not value.is_Integer):
            raise ArgumentTypeError(f"{name} must be an integer or a symbolic integer expression, got {shorten(value)}")


class StirlingS2(Function):
    r"""Unevaluated Stirling number of the second kind :math:`\left\{ {n \atop k} \right\}`.

    Evaluates to an ``Integer`` when both arguments are integers (0 when
    ``k > n`` or an argument is negative); stays symbolic otherwise.
    ``.rewrite(Sum)`` (or ``.rewrite("sum")``) gives the explicit sum
    :math:`\frac{1}{k!}\sum_{j=0}^{k}(-1)^j\binom kj (k-j)^n`.

    >>> from sympy import Symbol, Sum
    >>> n, k = Symbol("n", integer=True), Symbol("k", integer=True)
    >>> StirlingS2(n, k).rewrite(Sum)
    Sum((-1)**_j*(-_j + k)**n*binomial(k, _j), (_j, 0, k))/factorial(k)
    >>> StirlingS2(n, 2).rewrite(Sum).subs(n, 5).doit()
    15
    >>> StirlingS2(7, 3)
    301
    """

    nargs = 2

    def __new__(cls, *args, **kwargs):
        # sympy would sympify (parse) text arguments: refuse them before it can
        # (at any depth: sympy parses strings inside lists, tuples and dicts too)
        if len(args) != 2 or kwargs.keys() - {"evaluate"}:
            raise ArgumentTypeError(f"StirlingS2 takes two arguments n and k, got {len(args)}")
        for name, value in zip(("n", "k"), args, strict=False):
            refuse_text(value, name)
            _check_argument(value, name)
        return super().__new__(cls, *args, **kwargs)

    @classmethod
    def eval(cls, n, k):
        if n.is_Integer and k.is_Integer:
            if n < 0 or k < 0:
                return Integer(0)
            value = stirling2(int(n), int(k))
            allow_printing(value)  # a bare sympy Integer: sympy prints it, past Python's 4,300-digit limit
            return Integer(value)
        return None

    def _eval_rewrite_as_Sum(self, n, k, **kwargs):
        j = sympy.Dummy("j", integer=True, nonnegative=True)
        return Sum((-1) ** j * binomial(k, j) * (k - j) ** n, (j, 0, k)) / sym_factorial(k)

    _eval_rewrite_as_sum = _eval_rewrite_as_Sum

    def _latex(self, printer, exp=None):
        if hasattr(printer, "_stirling_latex"):  # counting.latex_form's printer: its term order, its macro
            return printer._stirling_latex(*self.args, exp=exp)
        n, k = (sympy.latex(a) for a in self.args)  # natural order even under order='none'
        tex = r"\left\{ {%s \atop %s} \right\}" % (n, k)
        return tex if exp is None else r"%s^{%s}" % (tex, exp)

    def _eval_is_integer(self):
        return True

    def _eval_is_nonnegative(self):
        return True

