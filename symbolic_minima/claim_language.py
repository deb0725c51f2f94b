r"""The claim language: a whitelisting parser and an exact evaluator for identities about :math:`T` and :math:`G`.

A *claim* is one equation ``LEFT == RIGHT`` built from

* integers (at most :data:`MAX_LITERAL_DIGITS` decimal digits) and the
  rationals they make with ``/``;
* the variables ``r`` (teacher width), ``m`` (student width) and ``h``,
  which means :math:`m-r`;
* ``+ - * /``, powers ``^`` or ``**`` (a numeric exponent is an integer of
  absolute value at most :data:`MAX_EXPONENT`), unary minus, parentheses;
* the functions ``factorial(n)``, ``binomial(n, k)``, ``stirling2(n, k)``
  (:math:`\left\{ {n \atop k} \right\}`), ``bell(n)`` (:math:`B_n`),
  ``T(r, m)`` and ``G(r, m)``.

The reading of ``T`` (``zero_type``) and the activation class
(``activation``: ``T`` and ``G`` are then the counts of that class, see
:mod:`symbolic_minima.activation_classes`) are options of the decision
procedure (:func:`symbolic_minima.claims.decide`) and of :func:`evaluate`,
never part of the text.

The text is parsed by Python's :mod:`ast` (``mode="eval"`` only builds a
tree; nothing is executed), and the tree is walked node by node into sympy
objects built here.  Every node outside the grammar is refused with one
line naming it: attribute access, calls of anything not listed, keyword
arguments, subscripts, comprehensions, lambdas, strings, floats, huge
literals or exponents (``10^10^10``), nesting deeper than :data:`MAX_DEPTH`,
text longer than :data:`MAX_CLAIM_LENGTH`.  No user text ever reaches
``eval``, ``sympify`` or ``parse_expr``.  Sympy expressions given by a
Python caller are walked by the same whitelist.

:func:`evaluate` computes a side of a claim exactly (``Fraction``) at given
integer values of ``r`` and ``m``, with ``T`` and ``G`` from
:mod:`symbolic_minima.counting`; every step is bounded in size
(:data:`MAX_EVAL_ARGUMENT`, :data:`MAX_EVAL_BITS`), and a value that does not
exist (division by zero, :math:`T(3, 2)`) raises :class:`EvaluationError`.

>>> claim = parse_claim("T(r, r+1) == factorial(r+1)*(r+2)/2")
>>> claim.lhs, claim.rhs
(T(r, r + 1), (r + 2)*factorial(r + 1)/2)
>>> claim.evaluate({"r": 3})
(Fraction(60, 1), Fraction(60, 1))
>>> parse_claim("G(3, m) == 3^m - 3*2^m + 3").rhs
-3*2**m + 3**m + 3
>>> parse_claim("__import__('os').system('true') == 0")
Traceback (most recent call last):
...
symbolic_minima.errors.ArgumentValueError: claim: attribute access ('.system') is not allowed
>>> parse_claim("10^10^10 == 1")
Traceback (most recent call last):
...
symbolic_minima.errors.ArgumentValueError: claim: exponent 10000000000 is too large (at most 1000 in absolute value)
"""

from __future__ import annotations

import ast
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NoReturn

import sympy
from sympy import Integer, Rational, Symbol
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter

from .errors import ArgumentTypeError, ArgumentValueError, refuse_text
from .readings import DEFAULT_ZERO_TYPE, check_zero_type, reading_name
from .stirling import StirlingS2

__all__ = [
    "FUNCTIONS",
    "MAX_BELL_ARGUMENT",
    "MAX_CLAIM_LENGTH",
    "MAX_DEPTH",
    "MAX_EVAL_ARGUMENT",
    "MAX_EVAL_BITS",
    "MAX_EXPONENT",
    "MAX_LITERAL_DIGITS",
    "MAX_NUMBER_BITS",
    "Claim",
    "CountFunction",
    "EvaluationError",
    "G",
    "M",
    "R",
    "T",
    "as_claim",
    "claim_from_expression",
    "evaluate",
    "parse_claim",
]

#: The variables of every claim (the same symbols as :data:`symbolic_minima.counting.r_sym` / ``m_sym``).
R = Symbol("r", integer=True, positive=True)
M = Symbol("m", integer=True, positive=True)


def _check_count_argument(value, name: str) -> None:
    """An argument of :class:`T`/:class:`G`: an integer or a sympy expression (not a float, not a non-integer
    number)."""
    import numbers

    from .errors import ArgumentTypeError

    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, sympy.Basic)):
        raise ArgumentTypeError(f"{name} must be an integer or a sympy expression, got {type(value).__name__}")
    if isinstance(value, sympy.Basic) and (not isinstance(value, sympy.Expr) or value.has(sympy.Float)
                                           or (value.is_Number and not value.is_Integer)):
        raise ArgumentTypeError(f"{name} must be an integer or a symbolic integer expression, got {value}")


class CountFunction(sympy.Function):
    """Base of the unevaluated :class:`T` and :class:`G` of claims (values come from :mod:`symbolic_minima.counting`).

    Text arguments are refused before sympy could parse them.
    """

    nargs = 2

    def __new__(cls, *args, **kwargs):
        for name, value in zip(("r", "m"), args):
            refuse_text(value, name)
            _check_count_argument(value, name)
        return super().__new__(cls, *args, **kwargs)

    @classmethod
    def eval(cls, r, m):  # stays unevaluated: the value depends on the reading
        return None


class T(CountFunction):
    """``T(r, m)`` in a claim: global-minimum subspaces, in the reading chosen when the claim is decided.

    >>> T(R, M + 1)
    T(r, m + 1)
    """


class G(CountFunction):
    """``G(r, m)`` in a claim: symmetry-induced critical subspaces."""


#: The functions of the claim language and their number of arguments.
FUNCTIONS = {"factorial": 1, "binomial": 2, "stirling2": 2, "bell": 1, "T": 2, "G": 2}

#: Longest claim text accepted.
MAX_CLAIM_LENGTH = 1000
#: Deepest nesting of the expression tree (and of parentheses) accepted.
MAX_DEPTH = 40
#: Largest absolute value of a numeric exponent, and of every number inside a symbolic exponent.
MAX_EXPONENT = 1000
#: Most decimal digits of an integer literal.
MAX_LITERAL_DIGITS = 100
#: Largest size (bits of numerator or denominator) of a number the parser builds (about 10,000 digits).
MAX_NUMBER_BITS = 33_220
#: Largest argument of factorial, binomial, stirling2, T and G in an evaluation.
MAX_EVAL_ARGUMENT = 10_000
#: Largest argument of bell in an evaluation (the Bell triangle costs ``n^2`` big-integer additions).
MAX_BELL_ARGUMENT = 2_000
#: Largest size (bits) of a power computed in an evaluation.
MAX_EVAL_BITS = 20_000_000

_VARIABLES = ("r", "m", "h")
_FUNCTION_LIST = "factorial, binomial, stirling2, bell, T, G"


def _refuse(message: str) -> NoReturn:
    raise ArgumentValueError(f"claim: {message}")


# --------------------------------------------------------------------------- building (shared by both walkers)


def _number_bits(value) -> int:
    value = Rational(value)
    return max(abs(int(value.p)).bit_length(), int(value.q).bit_length())


def _integer(value: int):
    if len(str(abs(value))) > MAX_LITERAL_DIGITS:
        _refuse(f"an integer literal has {len(str(abs(value)))} digits (at most {MAX_LITERAL_DIGITS})")
    return Integer(value)


def _check_number(value):
    if value.is_Number and _number_bits(value) > MAX_NUMBER_BITS:
        _refuse(f"a number in the claim has more than {MAX_NUMBER_BITS} bits (about 10,000 digits)")
    return value


def _divide(a, b):
    if b == 0:
        _refuse("division by zero")
    return _check_number(a / b)


def _power(base, exponent):
    if exponent.is_Number:
        if not exponent.is_Integer:
            _refuse(f"exponent {exponent} is not an integer")
        if abs(int(exponent)) > MAX_EXPONENT:
            _refuse(f"exponent {exponent} is too large (at most {MAX_EXPONENT} in absolute value)")
        if base == 0 and exponent < 0:
            _refuse("division by zero (0 to a negative power)")
        if base.is_Number and base not in (0, 1, -1) and _number_bits(base) * abs(int(exponent)) > MAX_NUMBER_BITS:
            _refuse(f"a power with a {_number_bits(base)}-bit base and exponent {exponent} is too large "
                        "(more than about 10,000 digits)")
    else:
        for atom in exponent.atoms(sympy.Number):
            if abs(atom) > MAX_EXPONENT:
                _refuse(f"the number {atom} inside an exponent is too large (at most {MAX_EXPONENT})")
        if exponent.has(CountFunction, sympy.factorial, sympy.binomial, sympy.bell, StirlingS2):
            _refuse("an exponent may not contain factorial, binomial, stirling2, bell, T or G")
    return _check_number(sympy.Pow(base, exponent))


def _call(name: str, args: list):
    if name not in FUNCTIONS:
        _refuse(f"calls to {name!r} are not allowed; the functions are {_FUNCTION_LIST}")
    if len(args) != FUNCTIONS[name]:
        _refuse(f"{name} takes {FUNCTIONS[name]} argument(s), got {len(args)}")
    for a in args:
        if a.is_Number:
            if not a.is_Integer:
                _refuse(f"{name} needs integer arguments, got {a}")
            if abs(int(a)) > MAX_EVAL_ARGUMENT:
                _refuse(f"argument {a} of {name} is too large (at most {MAX_EVAL_ARGUMENT})")
    if name == "factorial":
        return sympy.factorial(args[0], evaluate=False)
    if name == "binomial":
        return sympy.binomial(*args, evaluate=False)
    if name == "stirling2":
        return StirlingS2(*args, evaluate=False)
    if name == "bell":
        return sympy.bell(args[0], evaluate=False)
    return (T if name == "T" else G)(*args)


def _variable(name: str):
    if name == "r":
        return R
    if name == "m":
        return M
    if name == "h":
        return M - R
    if name in FUNCTIONS:
        _refuse(f"{name} is a function; call it, e.g. {name}({', '.join(['r', 'm'][:FUNCTIONS[name]])})")
    _refuse(f"unknown name {name[:40]!r}; the variables are r, m, h and the functions {_FUNCTION_LIST}")


# --------------------------------------------------------------------------- the text walker

_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "^", ast.BitXor: "^"}
_REFUSED_NODES = (
    (ast.Attribute, "attribute access"),
    (ast.Subscript, "a subscript"),
    (ast.Lambda, "lambda"),
    ((ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp), "a comprehension"),
    ((ast.List, ast.Tuple, ast.Set, ast.Dict), "a list, tuple, set or dict"),
    (ast.JoinedStr, "a string"),
    (ast.Starred, "a starred argument"),
    (ast.BoolOp, "and/or"),
    (ast.IfExp, "a conditional expression"),
    (ast.NamedExpr, "an assignment expression"),
    ((ast.Await, ast.Yield, ast.YieldFrom), "await/yield"),
    (ast.Slice, "a slice"),
)


def _describe(node) -> str:
    for kinds, what in _REFUSED_NODES:
        if isinstance(node, kinds):
            if isinstance(node, ast.Attribute):
                return f"attribute access ('.{node.attr[:40]}')"
            return what
    return f"a {type(node).__name__} node"


class _TextWalker:
    """Turns the ast of a claim into sympy objects, refusing everything outside the grammar."""

    def __init__(self, source: str):
        self.source = source

    def expression(self, node, depth: int = 0):
        if depth > MAX_DEPTH:
            _refuse(f"the expression is nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            return _variable(node.id)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                return -self.expression(node.operand, depth + 1)
            if isinstance(node.op, ast.UAdd):
                return self.expression(node.operand, depth + 1)
            _refuse(f"the operator {type(node.op).__name__} is not allowed; use + - * / ^")
        if isinstance(node, ast.BinOp):
            if type(node.op) not in _BINARY:
                _refuse(f"the operator {type(node.op).__name__} is not allowed; use + - * / ^")
            a = self.expression(node.left, depth + 1)
            b = self.expression(node.right, depth + 1)
            op = _BINARY[type(node.op)]
            if op == "+":
                return _check_number(a + b)
            if op == "-":
                return _check_number(a - b)
            if op == "*":
                return _check_number(a * b)
            if op == "/":
                return _divide(a, b)
            return _power(a, b)
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):
                _refuse(f"{_describe(node.func)} is not allowed")
            if not isinstance(node.func, ast.Name):
                _refuse(f"{_describe(node.func)} is not allowed (only {_FUNCTION_LIST} may be called)")
            name = node.func.id
            if node.keywords:
                _refuse(f"keyword arguments are not allowed (in the call of {name[:40]!r})")
            for a in node.args:
                if isinstance(a, ast.Starred):
                    _refuse("starred arguments are not allowed")
            if name not in FUNCTIONS:
                _refuse(f"calls to {name[:40]!r} are not allowed; the functions are {_FUNCTION_LIST}")
            return _call(name, [self.expression(a, depth + 1) for a in node.args])
        if isinstance(node, ast.Compare):
            _refuse("== may appear only once, at the top (LEFT == RIGHT)")
        _refuse(_describe(node) + " is not allowed")

    def constant(self, node):
        value = node.value
        if isinstance(value, bool) or value is None or value is Ellipsis:
            _refuse(f"{value!r} is not allowed")
        if isinstance(value, (str, bytes)):
            _refuse("strings are not allowed")
        if isinstance(value, float):
            _refuse("floats are not allowed (write exact rationals such as 1/2)")
        if isinstance(value, complex):
            _refuse("complex numbers are not allowed")
        if not isinstance(value, int):
            _refuse(f"the constant {type(value).__name__} is not allowed")
        segment = ast.get_source_segment(self.source, node) or ""
        if not segment.isdigit():
            _refuse(f"integer literals must be plain decimal digits, got {segment[:40]!r}")
        return _integer(value)


def _check_text(text) -> str:
    if isinstance(text, (bytes, bytearray)):
        raise ArgumentTypeError("claim must be a str, not bytes")
    if not isinstance(text, str):
        raise ArgumentTypeError(f"claim must be a str, got {type(text).__name__}")
    if len(text) > MAX_CLAIM_LENGTH:
        _refuse(f"the text has {len(text)} characters (at most {MAX_CLAIM_LENGTH})")
    for ch in text:
        if not (ch.isascii() and (ch.isprintable() or ch in " \t\n")):
            _refuse(f"the character {ch!r} is not allowed (ASCII letters, digits, + - * / ^ ( ) , = and spaces)")
    depth = deepest = 0
    for ch in text:
        if ch in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")]}":
            depth -= 1
    if deepest > MAX_DEPTH:
        _refuse(f"parentheses are nested {deepest} deep (at most {MAX_DEPTH})")
    return text


def parse_claim(text) -> Claim:
    r"""Parse the claim ``text`` (``LEFT == RIGHT``) into a :class:`Claim`, by a whitelist.

    ``^`` and ``**`` both mean a power (``^`` binds like ``**``: ``3^m - 1`` is
    :math:`3^m-1`); ``h`` is :math:`m - r`.  Anything outside the grammar of
    the module docstring raises :class:`~symbolic_minima.errors.ArgumentValueError`
    (one line, naming the problem); a non-``str`` raises
    :class:`~symbolic_minima.errors.ArgumentTypeError`.

    Parameters
    ----------
    text : str
        The claim, e.g. ``"T(1, m) == 2^m - 1"``.

    Returns
    -------
    Claim

    Examples
    --------
    >>> parse_claim("T(r, r+h) == factorial(r) * binomial(r + h, 2)").lhs
    T(r, m)
    >>> parse_claim("bell(m+1) - bell(m) == T(1, m)").lhs
    -bell(m) + bell(m + 1)
    >>> parse_claim("().__class__ == 0")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: claim: attribute access ('.__class__') is not allowed
    >>> parse_claim("T(r, m) = 1")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: claim: not a valid expression (use == for equality)
    """
    text = _check_text(text)
    source = text.replace("^", "**")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        hint = " (use == for equality)" if "=" in text and "==" not in text else ""
        detail = "" if hint else f": {exc.msg}"
        _refuse(f"not a valid expression{detail}{hint}")
    except (ValueError, RecursionError, MemoryError) as exc:  # null bytes, pathological nesting
        _refuse(f"not a valid expression ({type(exc).__name__})")
    walker = _TextWalker(source.strip())
    body = tree.body
    if not isinstance(body, ast.Compare):
        if any(isinstance(body, kinds) for kinds, _ in _REFUSED_NODES):
            _refuse(f"{_describe(body)} is not allowed")
        _refuse("a claim is one equation LEFT == RIGHT")
    if len(body.ops) != 1:
        _refuse("a claim has exactly one == (no chains)")
    if not isinstance(body.ops[0], ast.Eq):
        _refuse(f"only == is allowed between the two sides, got {type(body.ops[0]).__name__}")
    lhs = walker.expression(body.left, 1)
    rhs = walker.expression(body.comparators[0], 1)
    return Claim(lhs, rhs, " ".join(text.split()))


# --------------------------------------------------------------------------- the sympy walker


def _from_sympy(expr, depth: int = 0):
    if depth > MAX_DEPTH:
        _refuse(f"the expression is nested deeper than {MAX_DEPTH} levels")
    if isinstance(expr, bool) or not isinstance(expr, (int, sympy.Basic)):
        raise ArgumentTypeError(f"claim parts must be sympy expressions or ints, got {type(expr).__name__}")
    if isinstance(expr, int):
        return _integer(expr)
    if expr.is_Integer:
        return _integer(int(expr))
    if expr.is_Rational:
        return _divide(_integer(int(expr.p)), _integer(int(expr.q)))
    if expr.is_Number:
        _refuse(f"the number {type(expr).__name__} {str(expr)[:40]} is not allowed (integers and rationals only)")
    if isinstance(expr, Symbol):
        return _variable(expr.name)
    if isinstance(expr, sympy.Add):
        total = Integer(0)
        for a in expr.args:
            total = _check_number(total + _from_sympy(a, depth + 1))
        return total
    if isinstance(expr, sympy.Mul):
        product = Integer(1)
        for a in expr.args:
            product = _check_number(product * _from_sympy(a, depth + 1))
        return product
    if isinstance(expr, sympy.Pow):
        return _power(_from_sympy(expr.base, depth + 1), _from_sympy(expr.exp, depth + 1))
    names = {sympy.factorial: "factorial", sympy.binomial: "binomial", StirlingS2: "stirling2", sympy.bell: "bell"}
    name = names.get(expr.func)
    if name is None and isinstance(expr, (AppliedUndef, CountFunction)) and expr.func.__name__ in ("T", "G"):
        name = expr.func.__name__
    if name is None:
        raise ArgumentValueError(
            f"claim: {type(expr).__name__} is not part of the claim language (functions: {_FUNCTION_LIST})"
        )
    return _call(name, [_from_sympy(a, depth + 1) for a in expr.args])


def claim_from_expression(expr, text: str | None = None) -> Claim:
    r"""A :class:`Claim` from a sympy ``Eq`` (or an expression, meaning ``expr == 0``), by the same whitelist.

    ``T`` and ``G`` are applications of ``sympy.Function("T")`` / ``("G")``
    (or :class:`T`, :class:`G`); symbols named ``r``, ``m``, ``h`` are the
    variables whatever their assumptions.

    >>> from sympy import Eq, Function, Symbol
    >>> m = Symbol("m")
    >>> claim_from_expression(Eq(Function("T")(1, m), 2**m - 1)).rhs
    2**m - 1
    >>> claim_from_expression(Eq(Function("f")(m), 1))
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: claim: f is not part of the claim language
    (functions: factorial, binomial, stirling2, bell, T, G)
    """
    if isinstance(expr, sympy.Equality):
        lhs, rhs = (_from_sympy(a, 1) for a in expr.args)
    elif isinstance(expr, (sympy.logic.boolalg.BooleanAtom, bool)):
        _refuse(f"the equation was already evaluated to {expr} by sympy; build it with Eq(..., evaluate=False)")
    elif isinstance(expr, (sympy.Expr, int)):
        lhs, rhs = _from_sympy(expr, 1), Integer(0)
    else:
        raise ArgumentTypeError(f"claim must be a str, a sympy Eq or a sympy expression, got {type(expr).__name__}")
    if text is None:
        text = f"{sympy.sstr(lhs)} == {sympy.sstr(rhs)}"
    return Claim(lhs, rhs, text)


def as_claim(value) -> Claim:
    """``value`` as a :class:`Claim`: a claim text, a sympy ``Eq`` or expression, or a :class:`Claim`.

    >>> as_claim("T(1, m) == 2^m - 1").text
    'T(1, m) == 2^m - 1'
    >>> as_claim(["T(1, m) == 1"])
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: claim must be a str, a sympy Eq or a sympy expression, got list
    """
    if isinstance(value, Claim):
        return value
    if isinstance(value, (str, bytes, bytearray)):
        return parse_claim(value)
    return claim_from_expression(value)


# --------------------------------------------------------------------------- exact evaluation


class EvaluationError(Exception):
    """A side of a claim has no exact value at a point.

    ``kind`` is ``"domain"`` (a function outside its domain, e.g. ``T(3, 2)``
    or ``factorial(-1)``), ``"division by zero"``, ``"too large"`` (over an
    evaluation limit) or ``"not exact"`` (e.g. a non-integer exponent).
    """

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def _as_int(value: Fraction, what: str, kind: str = "domain") -> int:
    if value.denominator != 1:
        raise EvaluationError(kind, f"{what} needs an integer argument, got {value}")
    return int(value)


def _limit(n: int, what: str, limit: int = MAX_EVAL_ARGUMENT) -> int:
    if abs(n) > limit:
        raise EvaluationError("too large", f"{what}: argument {n} is over the evaluation limit {limit}")
    return n


@dataclass
class _Evaluator:
    values: Mapping[str, int]
    zero_type: str
    cache: dict = field(default_factory=dict)
    activation: str | None = None

    def __call__(self, expr) -> Fraction:
        if expr.is_Integer:
            return Fraction(int(expr))
        if expr.is_Rational:
            return Fraction(int(expr.p), int(expr.q))
        if isinstance(expr, Symbol):
            if expr.name not in self.values:
                raise EvaluationError("not exact", f"no value for {expr.name}")
            return Fraction(int(self.values[expr.name]))
        if isinstance(expr, sympy.Add):
            return sum((self(a) for a in expr.args), Fraction(0))
        if isinstance(expr, sympy.Mul):
            out = Fraction(1)
            for a in expr.args:
                out *= self(a)
            return out
        if isinstance(expr, sympy.Pow):
            return self.power(self(expr.base), self(expr.exp))
        args = [self(a) for a in expr.args]
        if expr.func is sympy.factorial:
            n = _limit(_as_int(args[0], "factorial"), "factorial")
            if n < 0:
                raise EvaluationError("domain", f"factorial({n}) is undefined")
            return Fraction(math.factorial(n))
        if expr.func is sympy.binomial:
            n, k = (_as_int(a, "binomial") for a in args)
            _limit(n, "binomial"), _limit(k, "binomial")
            if k < 0:
                return Fraction(0)
            if n >= 0:
                return Fraction(math.comb(n, k))
            return Fraction((-1) ** k * math.comb(k - n - 1, k))
        if expr.func is StirlingS2:
            from .stirling import stirling2

            n, k = (_limit(_as_int(a, "stirling2"), "stirling2") for a in args)
            return Fraction(0 if n < 0 or k < 0 else stirling2(n, k))
        if expr.func is sympy.bell:
            n = _limit(_as_int(args[0], "bell"), "bell", MAX_BELL_ARGUMENT)
            if n < 0:
                raise EvaluationError("domain", f"bell({n}) is undefined")
            return Fraction(self.bell(n))
        if isinstance(expr, CountFunction):
            name = expr.func.__name__
            a, n = (_limit(_as_int(v, name), name) for v in args)
            if not 1 <= a <= n:
                raise EvaluationError("domain", f"{name}({a}, {n}) is undefined (it needs 1 <= r <= m)")
            key = (name, a, n) if self.activation is None else (name, a, n, self.activation)
            if key not in self.cache:
                from . import counting

                self.cache[key] = (counting.T(a, n, zero_type=self.zero_type, activation=self.activation)
                                   if name == "T" else counting.G(a, n, activation=self.activation))
            return Fraction(self.cache[key])
        raise EvaluationError("not exact", f"cannot evaluate {type(expr).__name__}")

    def power(self, base: Fraction, exponent: Fraction) -> Fraction:
        if exponent.denominator != 1:
            if base in (0, 1):
                return base
            raise EvaluationError("not exact", f"{base}^({exponent}) has a non-integer exponent")
        e = int(exponent)
        if base == 0:
            if e < 0:
                raise EvaluationError("division by zero", "0 to a negative power")
            return Fraction(1 if e == 0 else 0)
        if base in (1, -1):
            return base**e
        bits = max(base.numerator.bit_length(), base.denominator.bit_length()) * abs(e)
        if bits > MAX_EVAL_BITS:
            raise EvaluationError("too large", f"{base}^{e} has about {bits} bits (limit {MAX_EVAL_BITS})")
        return base**e

    def bell(self, n: int) -> int:
        bells = self.cache.get("bell", [])
        if n >= len(bells):
            from .counting import bell_numbers

            bells = bell_numbers(max(n, 2 * len(bells), 16))
            self.cache["bell"] = bells
        return bells[n]


def evaluate(expr, values: Mapping[str, int], zero_type: str = DEFAULT_ZERO_TYPE,
             cache: dict | None = None, activation=None) -> Fraction:
    r"""The exact value (a ``Fraction``) of the claim expression ``expr`` at integer ``values`` of ``r`` and ``m``.

    ``T`` is taken in the reading ``zero_type``, ``T`` and ``G`` in the
    activation class ``activation`` (``None``: generic); ``binomial(n, k)`` is
    :math:`n(n-1)\cdots(n-k+1)/k!` for :math:`k \ge 0` (any integer ``n``) and 0
    for :math:`k<0`; ``stirling2`` is 0 at negative arguments.  ``cache`` (a
    dict) keeps values of ``T``, ``G`` and the Bell numbers between calls.

    Raises :class:`EvaluationError` when there is no exact value.

    >>> from sympy import Rational
    >>> evaluate(T(1, M) - 2**M, {"m": 3}), evaluate(T(1, M), {"m": 3}, "R2")
    (Fraction(-1, 1), Fraction(10, 1))
    >>> evaluate(T(1, M), {"m": 2}, activation="tanh")
    Fraction(12, 1)
    >>> evaluate(Rational(1, 2) * sympy.binomial(M, 2, evaluate=False), {"m": 4})
    Fraction(3, 1)
    >>> evaluate(G(3, M), {"m": 2})
    Traceback (most recent call last):
    ...
    symbolic_minima.claim_language.EvaluationError: G(3, 2) is undefined (it needs 1 <= r <= m)
    """
    zero_type = check_zero_type(zero_type)
    activation = _activation_name(activation)
    if not isinstance(expr, sympy.Basic):
        raise ArgumentTypeError(f"expr must be a sympy expression of the claim language, got {type(expr).__name__}")
    if not isinstance(values, Mapping) or any(not isinstance(k, str) or isinstance(v, bool) or not isinstance(v, int)
                                              for k, v in values.items()):
        raise ArgumentTypeError("values must map 'r'/'m' to integers")
    return _Evaluator(dict(values), zero_type, {} if cache is None else cache, activation)(expr)


def _activation_name(activation) -> str | None:
    """The class name of ``activation`` (``None`` for the generic class); refused names raise."""
    if activation is None:
        return None
    from .activation_classes import activation_class

    name = activation_class(activation).name
    return None if name == "generic" else name


# --------------------------------------------------------------------------- the claim


class _ClaimPrinter(LatexPrinter):
    """LaTeX of claims: ``T`` carries its reading (``T_{\\mathrm{R1}}``)."""

    def __init__(self, zero_type: str | None, activation: str | None = None):
        super().__init__()
        self.zero_type = zero_type
        self.activation = activation

    def _print_count(self, expr, exp=None):
        name = expr.func.__name__
        if name == "T" and self.zero_type is not None:
            name = r"T_{\mathrm{" + reading_name(self.zero_type) + "}}"
        if self.activation is not None:
            name += r"^{\mathrm{" + self.activation + "}}"
        tex = name + r"\left(" + ", ".join(self._print(a) for a in expr.args) + r"\right)"
        return tex if exp is None else f"{tex}^{{{exp}}}"

    _print_T = _print_G = _print_count


@dataclass(frozen=True)
class Claim:
    r"""An equation ``lhs == rhs`` of the claim language (sympy expressions in :data:`R`, :data:`M`).

    Build it with :func:`parse_claim` (text) or :func:`claim_from_expression`
    (sympy); ``text`` is the claim as the user wrote it.

    >>> c = parse_claim("G(3, m) == 3^m - 3*2^m + 3")
    >>> c.variables, str(c)
    (('m',), 'G(3, m) == 3^m - 3*2^m + 3')
    >>> c.latex()
    'G\\left(3, m\\right) = - 3 \\cdot 2^{m} + 3^{m} + 3'
    """

    lhs: sympy.Expr
    rhs: sympy.Expr
    text: str

    @property
    def variables(self) -> tuple:
        """The variables the claim depends on, a sorted tuple of ``"m"``/``"r"``."""
        names = {s.name for s in (self.lhs.free_symbols | self.rhs.free_symbols)}
        return tuple(sorted(names))

    def substitute(self, r: int | None = None, h: int | None = None) -> Claim:
        """The claim at a fixed ``r`` and/or a fixed ``h`` (``m = r + h``); ``text`` stays the user's text.

        >>> parse_claim("T(r, m) == factorial(r)*stirling2(m+1, r+1)").substitute(h=1).lhs
        T(r, r + 1)
        """
        mapping = {}
        if h is not None:
            mapping[M] = R + Integer(h)
        if r is not None:
            mapping = {k: v.xreplace({R: Integer(r)}) for k, v in mapping.items()}
            mapping[R] = Integer(r)
        if not mapping:
            return self
        return Claim(self.lhs.xreplace(mapping), self.rhs.xreplace(mapping), self.text)

    def evaluate(self, values: Mapping[str, int], zero_type: str = DEFAULT_ZERO_TYPE,
                 cache: dict | None = None, activation=None) -> tuple:
        """Both sides at ``values`` (``{"r": .., "m": ..}``), exactly: ``(left, right)`` as ``Fraction``."""
        cache = {} if cache is None else cache
        return (evaluate(self.lhs, values, zero_type, cache, activation),
                evaluate(self.rhs, values, zero_type, cache, activation))

    def latex(self, zero_type: str | None = None, activation=None) -> str:
        """LaTeX of the equation.

        With ``zero_type``, ``T`` is written :math:`T_{\\mathrm{R1}}` / :math:`T_{\\mathrm{R2}}`; with a
        non-generic ``activation``, ``T`` and ``G`` also carry the class (:math:`G^{\\mathrm{odd}}`).
        """
        printer = _ClaimPrinter(zero_type, _activation_name(activation))
        return f"{printer.doprint(self.lhs)} = {printer.doprint(self.rhs)}"

    def _latex(self, printer=None) -> str:
        return self.latex()

    def _repr_latex_(self) -> str:
        return f"${self.latex()}$"

    def __str__(self) -> str:
        return self.text
