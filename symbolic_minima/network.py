r"""Two-layer bias-free networks with symbolic parameters, teachers and critical points.

:class:`TwoLayerNetwork` of width :math:`m` on :math:`d` inputs and
:math:`d_{out}` outputs computes

.. math:: f(x;\theta) = \sum_{j=1}^{m} a_j\, \sigma(w_j \cdot x),

with parameters the sympy symbols :math:`w_{j,k}` (incoming vectors) and
:math:`a_{j}` (outgoing weights; :math:`a_{j,l}` when :math:`d_{out}\ge 2`),
ordered "all :math:`w` (neuron-major), then all :math:`a`".  The activation
is a generic undefined function :math:`\sigma` by default, or a concrete one.

:class:`Teacher` holds the exact parameters of an irreducible width-:math:`r`
network (:math:`a_i\neq 0`, :math:`w_i` pairwise distinct and non-zero);
:class:`CriticalPoint` is the same kind of object for a critical point that
need not have zero loss.

>>> net = TwoLayerNetwork(2, input_dim=2)
>>> net.parameters
[w_{1,1}, w_{1,2}, w_{2,1}, w_{2,2}, a_{1}, a_{2}]
>>> net.function()
a_{1}*sigma(w_{1,1}*x_{1} + w_{1,2}*x_{2}) + a_{2}*sigma(w_{2,1}*x_{1} + w_{2,2}*x_{2})
>>> t = Teacher([[1, "3/2"]], ["-2"])
>>> t
Teacher(incoming=[['1', '3/2']], outgoing=['-2'])
>>> t.network().function(t)
-2*sigma(x_{1} + 3*x_{2}/2)
"""

from __future__ import annotations

import json
import re
from fractions import Fraction
from numbers import Integral

import sympy
from sympy.core.function import AppliedUndef, UndefinedFunction

from .bigint import allow_printing, int_from_digits, lifts_int_limit, unlimited_int_strings
from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    check_int,
    check_width,
    refuse_text,
    shorten,
)

__all__ = [
    "TwoLayerNetwork",
    "Teacher",
    "CriticalPoint",
    "ACTIVATIONS",
    "activation_function",
    "generic_sigma",
    "MAX_INPUT_DIM",
    "parse_rational",
]

#: Largest input / output dimension accepted.
MAX_INPUT_DIM = 1000



def _text_refusing_new(cls, *args, **kwargs):
    # sympy parses (executes) text arguments, at any depth: refuse them first
    for value in args:
        refuse_text(value, "activation argument")
        if not isinstance(value, (sympy.Basic, Integral, Fraction)) or isinstance(value, bool):
            raise ArgumentTypeError(
                f"activation argument must be a sympy expression or an exact number, got {type(value).__name__}"
            )
    return AppliedUndef.__new__(cls, *args, **kwargs)


#: The undefined activation :math:`\sigma` of the generic case.  Equal to
#: ``sympy.Function("sigma")``, but refusing text arguments.
generic_sigma = UndefinedFunction("sigma", __dict__={"__new__": _text_refusing_new})


class _TextRefusingLambda(sympy.Lambda):
    """A ``sympy.Lambda`` whose call refuses text at any depth (sympy would parse it)."""

    def __call__(self, *args):
        for value in args:
            refuse_text(value, "activation argument")
        return super().__call__(*args)


_Z = sympy.Symbol("z")

#: Named concrete activations (each a ``sympy.Lambda`` of one variable).
ACTIVATIONS = {
    "tanh": _TextRefusingLambda(_Z, sympy.tanh(_Z)),
    "sigmoid": _TextRefusingLambda(_Z, 1 / (1 + sympy.exp(-_Z))),
    "softplus": _TextRefusingLambda(_Z, sympy.log(1 + sympy.exp(_Z))),
    "erf": _TextRefusingLambda(_Z, sympy.erf(_Z)),
    "sigmoid4+softplus": _TextRefusingLambda(_Z, 1 / (1 + sympy.exp(-4 * _Z)) + sympy.log(1 + sympy.exp(_Z))),
}


def activation_function(activation=None):
    r"""Resolve an activation: ``None`` (generic :math:`\sigma`), a name in :data:`ACTIVATIONS`,
    a ``sympy.Lambda`` of one variable, a sympy function class, or a callable on a sympy symbol.

    >>> activation_function("tanh")(sympy.Symbol("u"))
    tanh(u)
    >>> activation_function(lambda u: u**2 + u)(sympy.Symbol("u"))
    u**2 + u
    """
    if activation is None:
        return generic_sigma
    if isinstance(activation, str):
        if activation not in ACTIVATIONS:
            raise ArgumentValueError(
                f"activation must be None or one of {', '.join(map(repr, ACTIVATIONS))}; got {activation!r}"
            )
        return ACTIVATIONS[activation]
    if isinstance(activation, sympy.Lambda):
        if len(activation.variables) != 1:
            raise ArgumentValueError("activation Lambda must take exactly one variable")
        return _TextRefusingLambda(activation.variables[0], activation.expr)
    if isinstance(activation, type) and issubclass(activation, sympy.Function):
        return activation
    if callable(activation):
        value = activation(_Z)
        if not isinstance(value, sympy.Basic):
            raise ArgumentTypeError("activation callable must return a sympy expression on a sympy symbol")
        return _TextRefusingLambda(_Z, value)
    raise ArgumentTypeError(f"activation must be None, a name, a sympy Lambda or a callable; got {activation!r}")


class TwoLayerNetwork:
    r"""A bias-free two-layer network :math:`f(x;\theta)=\sum_j a_j\sigma(w_j\cdot x)` with symbolic parameters.

    ``width`` :math:`m`, ``input_dim`` :math:`d`, ``output_dim``
    :math:`d_{out}`.  Neurons are numbered from 1.  ``incoming(j)`` is the
    tuple of :math:`d` symbols of :math:`w_j`; ``outgoing(j)`` the symbol
    :math:`a_j` when :math:`d_{out}=1`, else the tuple
    :math:`(a_{j,1},\dots,a_{j,d_{out}})`.

    >>> net = TwoLayerNetwork(2, output_dim=2, activation="tanh")
    >>> net.outgoing(2)
    (a_{2,1}, a_{2,2})
    >>> net.function()
    Matrix([
    [a_{1,1}*tanh(w_{1,1}*x_{1}) + a_{2,1}*tanh(w_{2,1}*x_{1})],
    [a_{1,2}*tanh(w_{1,1}*x_{1}) + a_{2,2}*tanh(w_{2,1}*x_{1})]])
    """

    def __init__(self, width, input_dim=1, output_dim=1, activation=None):
        self.width = check_width(width, "width")
        self.input_dim = check_int(input_dim, "input_dim", 1, MAX_INPUT_DIM)
        self.output_dim = check_int(output_dim, "output_dim", 1, MAX_INPUT_DIM)
        self.activation = activation_function(activation)
        self.activation_name = activation if isinstance(activation, str) else (
            "sigma" if activation is None else "custom"
        )
        m, d, q = self.width, self.input_dim, self.output_dim
        self._w = [tuple(sympy.Symbol(f"w_{{{j},{k}}}", real=True) for k in range(1, d + 1)) for j in range(1, m + 1)]
        if q == 1:
            self._a = [(sympy.Symbol(f"a_{{{j}}}", real=True),) for j in range(1, m + 1)]
        else:
            self._a = [tuple(sympy.Symbol(f"a_{{{j},{l}}}", real=True) for l in range(1, q + 1)) for j in range(1, m + 1)]
        self.parameters = [s for w in self._w for s in w] + [s for a in self._a for s in a]
        self.inputs = [sympy.Symbol(f"x_{{{k}}}", real=True) for k in range(1, d + 1)]
        self._index = {s: i for i, s in enumerate(self.parameters)}

    # -- structure -------------------------------------------------------
    def _check_neuron(self, j) -> int:
        return check_int(j, "neuron j", 1, self.width)

    def incoming(self, j) -> tuple:
        """The symbols :math:`(w_{j,1},\\dots,w_{j,d})` of neuron ``j`` (1-based)."""
        return self._w[self._check_neuron(j) - 1]

    def outgoing(self, j):
        """The symbol :math:`a_j` (scalar output) or the tuple :math:`(a_{j,l})_l` of neuron ``j``."""
        a = self._a[self._check_neuron(j) - 1]
        return a[0] if self.output_dim == 1 else a

    def outgoing_tuple(self, j) -> tuple:
        """The outgoing symbols of neuron ``j`` as a tuple (length :math:`d_{out}`)."""
        return self._a[self._check_neuron(j) - 1]

    def neuron_parameters(self, j) -> tuple:
        """All parameters of neuron ``j``: incoming then outgoing symbols."""
        j = self._check_neuron(j)
        return self._w[j - 1] + self._a[j - 1]

    def index(self, symbol) -> int:
        """Position of ``symbol`` in :attr:`parameters`."""
        return self._index[symbol]

    @property
    def n_parameters(self) -> int:
        return len(self.parameters)

    def _latex(self, printer=None):
        r"""``f(x;\theta) = \sum_j a_j \sigma(w_j \cdot x)`` written out."""
        lat = printer._print if printer is not None else sympy.latex
        return r"f(x;\theta) = " + lat(self.function())

    def _repr_latex_(self):
        return f"$${self._latex()}$$"

    def __repr__(self):
        return (
            f"TwoLayerNetwork(width={self.width}, input_dim={self.input_dim}, "
            f"output_dim={self.output_dim}, activation={self.activation_name!r})"
        )

    # -- values ----------------------------------------------------------
    def substitution(self, point) -> dict:
        """A dict ``Symbol -> value`` from ``point``: a dict, a sequence aligned with
        :attr:`parameters`, or a :class:`Teacher` / :class:`CriticalPoint` of the same shape."""
        if point is None:
            return {}
        if isinstance(point, Teacher):
            if (point.width, point.input_dim, point.output_dim) != (self.width, self.input_dim, self.output_dim):
                raise ArgumentValueError(
                    f"point has shape (r={point.width}, d={point.input_dim}, d_out={point.output_dim}) but the network "
                    f"has (m={self.width}, d={self.input_dim}, d_out={self.output_dim})"
                )
            point = point.flat()
        if isinstance(point, dict):
            return {s: _to_sympy(v) for s, v in point.items()}
        values = list(point)
        if len(values) != len(self.parameters):
            raise ArgumentValueError(f"point must have {len(self.parameters)} entries, got {len(values)}")
        return {s: _to_sympy(v) for s, v in zip(self.parameters, values)}

    def preactivation(self, j, point=None):
        r""":math:`w_j\cdot x` (with ``point`` substituted)."""
        expr = sum((w * x for w, x in zip(self.incoming(j), self.inputs)), sympy.Integer(0))
        return expr.xreplace(self.substitution(point)) if point is not None else expr

    def function(self, point=None):
        r"""The sympy expression :math:`f(x;\theta)` (a column ``Matrix`` when :math:`d_{out}\ge 2`),
        with ``point`` substituted if given."""
        sub = self.substitution(point)
        sig = self.activation
        hidden = []
        for j in range(1, self.width + 1):
            pre = sum((w * x for w, x in zip(self._w[j - 1], self.inputs)), sympy.Integer(0))
            if sub:
                pre = pre.xreplace(sub)
            hidden.append(sig(pre))
        outs = []
        for l in range(self.output_dim):
            terms = []
            for j in range(self.width):
                a = self._a[j][l]
                if sub:
                    a = a.xreplace(sub)
                terms.append(a * hidden[j])
            outs.append(sympy.Add(*terms))
        if self.output_dim == 1:
            return outs[0]
        return sympy.Matrix(outs)

    def outputs(self, point=None) -> list:
        """The list of the :math:`d_{out}` output expressions."""
        f = self.function(point)
        return [f] if self.output_dim == 1 else list(f)

    # -- losses ----------------------------------------------------------
    def loss(self, data, point=None):
        r"""Empirical squared loss :math:`\frac1{2N}\sum_{n}\lVert f(x_n;\theta)-y_n\rVert^2` over exact data.

        ``data`` is a sequence of pairs ``(x, y)``; ``x`` a sequence of
        :math:`d` exact numbers (or one number when :math:`d=1`), ``y`` a number
        or a sequence of :math:`d_{out}` numbers.

        >>> net = TwoLayerNetwork(1, activation=lambda u: u**2)
        >>> net.loss([(1, 2), (2, 0)])
        4*a_{1}**2*w_{1,1}**4 + (a_{1}*w_{1,1}**2 - 2)**2/4
        """
        data = list(data)
        if not data:
            raise ArgumentValueError("data must contain at least one (x, y) pair")
        outs = self.outputs(point)
        total = sympy.Integer(0)
        for n, pair in enumerate(data):
            try:
                x, y = pair
            except (TypeError, ValueError):
                raise ArgumentValueError(f"data[{n}] must be a pair (x, y)") from None
            xs = _as_vector(x, self.input_dim, f"data[{n}] input")
            ys = _as_vector(y, self.output_dim, f"data[{n}] target")
            sub = dict(zip(self.inputs, xs))
            for out, target in zip(outs, ys):
                total += (out.xreplace(sub) - target) ** 2
        return total / (2 * len(data))

    def target_functions(self) -> list:
        r"""The undefined target functions :math:`y_l(x)` used by :meth:`residual_loss`."""
        names = ["y"] if self.output_dim == 1 else [f"y_{{{l}}}" for l in range(1, self.output_dim + 1)]
        return [sympy.Function(name)(*self.inputs) for name in names]

    def residual_loss(self, point=None):
        r"""The loss density :math:`\ell(x;\theta)=\frac12\sum_l (f_l(x;\theta)-y_l(x))^2` with undefined targets.

        The residual :math:`e_l(x)=f_l(x;\theta)-y_l(x)` stays symbolic, so
        gradients are exact identities valid for every data distribution
        (the loss :math:`L=\mathbb E_x\,\ell` is an average of these and
        derivatives commute with the average).

        >>> TwoLayerNetwork(1).residual_loss()
        (a_{1}*sigma(w_{1,1}*x_{1}) - y(x_{1}))**2/2
        """
        outs = self.outputs(point)
        targets = self.target_functions()
        return sum(((o - t) ** 2 for o, t in zip(outs, targets)), sympy.Integer(0)) / 2

    def residual_functions(self) -> list:
        r"""Undefined residuals :math:`e_l(x)` (``e`` when :math:`d_{out}=1`), standing for :math:`f_l(x;\theta)-y_l(x)`."""
        names = ["e"] if self.output_dim == 1 else [f"e_{{{l}}}" for l in range(1, self.output_dim + 1)]
        return [sympy.Function(name)(*self.inputs) for name in names]

    def output_jacobian(self) -> dict:
        r"""``{parameter: [df_1/dp, ..., df_{d_out}/dp]}`` (symbolic, by ``sympy.diff``)."""
        outs = self.outputs()
        return {s: [sympy.diff(o, s) for o in outs] for s in self.parameters}

    def chain_rule_gradient(self) -> dict:
        r"""The gradient of the loss density through undefined residuals:
        :math:`\partial\ell/\partial\theta_p=\sum_l e_l(x)\,\partial f_l/\partial\theta_p`.

        Equal to :meth:`residual_gradient` after substituting
        :math:`e_l=f_l(x;\theta)-y_l(x)` (tested).

        >>> TwoLayerNetwork(1).chain_rule_gradient()[sympy.Symbol("a_{1}", real=True)]
        e(x_{1})*sigma(w_{1,1}*x_{1})
        """
        es = self.residual_functions()
        return {s: sympy.Add(*[e * df for e, df in zip(es, dfs)]) for s, dfs in self.output_jacobian().items()}

    def residual_gradient(self, point=None) -> dict:
        r"""The gradient of :meth:`residual_loss` as a dict ``Symbol -> expression``.

        Derived by hand and equal to ``sympy.diff`` (checked in the tests):
        :math:`\partial\ell/\partial a_{j,l}=e_l\,\sigma(w_j\cdot x)`,
        :math:`\partial\ell/\partial w_{j,k}=\big(\sum_l e_l a_{j,l}\big)\sigma'(w_j\cdot x)\,x_k`.
        ``point`` may fix some parameters (a dict) before the derivative is
        formed; the derivative is taken symbolically first.
        """
        loss = self.residual_loss()
        sub = self.substitution(point) if point is not None else {}
        grad = {}
        for s in self.parameters:
            g = sympy.diff(loss, s)
            grad[s] = g.subs(sub) if sub else g
        return grad


def _as_vector(value, length, what):
    if isinstance(value, (list, tuple)):
        items = list(value)
    else:
        items = [value]
    if len(items) != length:
        raise ArgumentValueError(f"{what} must have {length} entries, got {len(items)}")
    return [_to_sympy(v) for v in items]


#: Largest decimal exponent accepted in a number string (``"1e400"`` is fine, ``"1e999999999"`` is refused).
MAX_EXPONENT = 1000
#: Longest number string accepted (5,000-digit numbers are fine, in a string or as a JSON number).
MAX_NUMBER_LENGTH = 10_000
#: Deepest nesting of arrays and objects a teacher JSON may have (a teacher needs 3).
MAX_JSON_DEPTH = 20
#: Most arrays and objects a teacher JSON may contain.
MAX_JSON_CONTAINERS = 1_000_000

# an exact rational as text: an integer, p/q, or a decimal with an optional exponent; ASCII only
_RATIONAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:/[0-9]+)?|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")


def parse_rational(text: str) -> Fraction:
    """Parse an exact rational (``"3/2"``, ``"-4"``, ``"0.25"``, ``"1e-3"``) with :class:`fractions.Fraction`.

    Never evaluates the text.  ASCII digits only, with an optional sign,
    ``/`` or a decimal point and exponent; blanks around it are ignored;
    ``"1_000"``, full-width digits and inner spaces are refused (the same rule
    as :func:`~symbolic_minima.errors.parse_integer`).  Refuses exponents
    beyond :data:`MAX_EXPONENT` and strings longer than :data:`MAX_NUMBER_LENGTH`
    (which would build huge integers).

    >>> parse_rational(" 3/2 "), parse_rational("1e-3")
    (Fraction(3, 2), Fraction(1, 1000))
    >>> parse_rational("1e999999999")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: exponent of '1e999999999' exceeds 1000
    >>> parse_rational("1_000")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: invalid rational '1_000'
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"expected a string, got {type(text).__name__}")
    text = text.strip(" \t\n\r")
    if len(text) > MAX_NUMBER_LENGTH:
        raise ArgumentValueError(f"number string of {len(text)} characters exceeds {MAX_NUMBER_LENGTH}")
    if not _RATIONAL_TEXT.fullmatch(text):
        raise ArgumentValueError(f"invalid rational {shorten(text)}")
    low = text.lower()
    if "e" in low:
        exponent = low.rsplit("e", 1)[1]
        if abs(int(exponent)) > MAX_EXPONENT:
            raise ArgumentValueError(f"exponent of {shorten(text)} exceeds {MAX_EXPONENT}")
    if "/" in text and not text.rsplit("/", 1)[1].strip("0"):
        raise ArgumentValueError(f"invalid rational {shorten(text)}: zero denominator")
    with unlimited_int_strings():  # a 5,000-digit numerator is fine (the length is bounded above)
        return Fraction(text)


def _parse_json_int(text: str) -> int:
    if len(text) > MAX_NUMBER_LENGTH:
        raise ValueError(f"integer of {len(text)} digits exceeds {MAX_NUMBER_LENGTH}")
    return int_from_digits(text)


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not an exact number")


def _unique_keys(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {shorten(key)}")
        out[key] = value
    return out


def _check_object_depth(obj, role: str) -> None:
    """Refuse lists and dicts nested deeper than :data:`MAX_JSON_DEPTH` (iteratively, no recursion)."""
    stack = [(obj, 0)]
    seen = 0
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, tuple, dict)):
            seen += 1
            if depth >= MAX_JSON_DEPTH or seen > MAX_JSON_CONTAINERS:
                raise ArgumentValueError(f"{role} JSON is nested more than {MAX_JSON_DEPTH} levels deep or too large")
            values = item.values() if isinstance(item, dict) else item
            stack.extend((v, depth + 1) for v in values)


def _check_json_depth(text: str, role: str) -> None:
    """Refuse JSON nested deeper than :data:`MAX_JSON_DEPTH` before parsing it (no recursion)."""
    skeleton = re.sub(r'"(?:[^"\\]|\\.)*"', "", text)
    brackets = re.findall(r"[\[\]{}]", skeleton)
    if len(brackets) > 2 * MAX_JSON_CONTAINERS:
        raise ArgumentValueError(f"{role} JSON has more than {MAX_JSON_CONTAINERS} arrays and objects")
    depth = 0
    for b in brackets:
        depth += 1 if b in "[{" else -1
        if depth > MAX_JSON_DEPTH:
            raise ArgumentValueError(f"{role} JSON is nested more than {MAX_JSON_DEPTH} levels deep")


def _to_sympy(value):
    """An exact sympy number or expression from int / Fraction / str / sympy input (never a float)."""
    if isinstance(value, bool):
        raise ArgumentTypeError(f"expected an exact number, got bool {value!r}")
    if isinstance(value, Integral):
        allow_printing(int(value))  # sympy objects built from it must print (see symbolic_minima.bigint)
        return sympy.Integer(int(value))
    if isinstance(value, Fraction):
        allow_printing(max(abs(value.numerator), value.denominator))
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, str):
        try:
            f = parse_rational(value)
        except (ValueError, ZeroDivisionError) as exc:
            why = f" ({exc})" if "exceeds" in str(exc) else ""
            raise ArgumentValueError(f"expected an exact rational such as '3/2', got {shorten(value, 40)}{why}") from None
        allow_printing(max(abs(f.numerator), f.denominator))
        return sympy.Rational(f.numerator, f.denominator)
    if isinstance(value, sympy.Basic):
        if isinstance(value, sympy.Float) or value.has(sympy.Float):
            raise ArgumentTypeError(f"expected an exact value, got the float {value}")
        return value
    raise ArgumentTypeError(
        f"expected an exact number (int, Fraction, string like '3/2', or sympy expression), got "
        f"{type(value).__name__} {shorten(value)}"
    )


def _str_exact(v) -> str:
    return str(v)


class Teacher:
    r"""The exact parameters :math:`\theta_r=(w^*_1..w^*_r, a^*_1..a^*_r)` of an irreducible width-:math:`r` network.

    ``incoming``: :math:`r` vectors of length :math:`d` (a plain number is a
    vector of length 1); ``outgoing``: :math:`r` numbers (or :math:`r`
    vectors of length :math:`d_{out}` for vector outputs).  Entries are
    exact: ints, ``Fraction``, strings like ``"3/2"`` (parsed with
    ``Fraction``), sympy Rationals or sympy symbols / expressions.  Floats
    are refused.  Validation (irreducibility): every :math:`a_i\neq 0`, every
    :math:`w_i\neq 0`, the :math:`w_i` pairwise distinct; a violation raises
    :class:`~symbolic_minima.errors.ArgumentValueError` naming the parameter.
    With symbolic entries only structural checks are possible (a symbol
    :math:`u` is accepted as non-zero and distinct from :math:`v`); the
    conditions are then assumptions on the symbols.

    >>> Teacher([1, 1], [1, 2])
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: teacher incoming vectors w_1 and w_2 must be pairwise distinct (irreducible network); both are (1,)
    >>> Teacher([1, 2], [1, 0])
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: teacher outgoing weight a_2 must be non-zero (irreducible network); got 0
    >>> u = sympy.Symbol("u")
    >>> Teacher([[u]], [1]).incoming
    ((u,),)
    """

    _role = "teacher"

    def __init__(self, incoming, outgoing):
        role = self._role
        try:
            incoming = list(incoming)
            outgoing = list(outgoing)
        except TypeError:
            raise ArgumentTypeError(f"{role} incoming and outgoing must be sequences") from None
        r = len(incoming)
        if r == 0:
            raise ArgumentValueError(f"{role} must have at least one neuron (width r >= 1)")
        check_width(r, f"{role} width r")
        if len(outgoing) != r:
            raise ArgumentValueError(
                f"{role} has {r} incoming vectors but {len(outgoing)} outgoing weights; they must match"
            )
        vecs = []
        for i, w in enumerate(incoming, 1):
            w = list(w) if isinstance(w, (list, tuple)) else [w]
            if not w:
                raise ArgumentValueError(f"{role} incoming vector w_{i} must have at least one entry (d >= 1)")
            vecs.append(tuple(_to_sympy_named(v, f"{role} w_{i}") for v in w))
        d = len(vecs[0])
        for i, w in enumerate(vecs, 1):
            if len(w) != d:
                raise ArgumentValueError(f"{role} incoming vector w_{i} has {len(w)} entries but w_1 has {d}")
        check_int(d, f"{role} input dimension d", 1, MAX_INPUT_DIM)
        vector_out = any(isinstance(a, (list, tuple)) for a in outgoing)
        outs = []
        for i, a in enumerate(outgoing, 1):
            if vector_out:
                a = list(a) if isinstance(a, (list, tuple)) else [a]
                outs.append(tuple(_to_sympy_named(v, f"{role} a_{i}") for v in a))
            else:
                outs.append(_to_sympy_named(a, f"{role} a_{i}"))
        if vector_out:
            q = len(outs[0])
            if q == 0:
                raise ArgumentValueError(f"{role} outgoing vector a_1 must have at least one entry")
            for i, a in enumerate(outs, 1):
                if len(a) != q:
                    raise ArgumentValueError(f"{role} outgoing vector a_{i} has {len(a)} entries but a_1 has {q}")
        else:
            q = 1
        for i, a in enumerate(outs, 1):
            entries = a if vector_out else (a,)
            if all(e == 0 for e in entries):
                raise ArgumentValueError(
                    f"{role} outgoing weight a_{i} must be non-zero (irreducible network); got {_fmt_vec(a)}"
                )
        seen = {}
        for i, w in enumerate(vecs, 1):
            if all(e == 0 for e in w):
                raise ArgumentValueError(
                    f"{role} incoming vector w_{i} must be non-zero (irreducible network); got {_fmt_tuple(w)}"
                )
            if w in seen:
                raise ArgumentValueError(
                    f"{role} incoming vectors w_{seen[w]} and w_{i} must be pairwise distinct "
                    f"(irreducible network); both are {_fmt_tuple(w)}"
                )
            seen[w] = i
        self.incoming = tuple(vecs)
        self.outgoing = tuple(outs)
        self.width = r
        self.input_dim = d
        self.output_dim = q
        self.vector_output = vector_out

    # -- constructors ----------------------------------------------------
    @classmethod
    def default(cls, r, d=1, d_out=1):
        r"""The documented default width-``r`` parameters used by the command line.

        :math:`w^*_{i,k} = i + k - 1` (so :math:`w^*_i=(i, i+1, \dots, i+d-1)`,
        pairwise distinct and non-zero) and :math:`a^*_i = i` (scalar output)
        or :math:`a^*_{i,l} = i + l - 1` (vector output, ``d_out >= 2``).

        >>> Teacher.default(2, d=2)
        Teacher(incoming=[['1', '2'], ['2', '3']], outgoing=['1', '2'])
        >>> Teacher.default(2, d_out=2).outgoing
        ((1, 2), (2, 3))
        """
        r = check_width(r, "r")
        d = check_int(d, "d", 1, MAX_INPUT_DIM)
        d_out = check_int(d_out, "d_out", 1, MAX_INPUT_DIM)
        incoming = [[i + k for k in range(d)] for i in range(1, r + 1)]
        if d_out == 1:
            outgoing = list(range(1, r + 1))
        else:
            outgoing = [[i + l for l in range(d_out)] for i in range(1, r + 1)]
        return cls(incoming, outgoing)

    @classmethod
    def from_json(cls, source):
        r"""Build from JSON text or an already-parsed dict.

        Schema (keys ``r``, ``d``, ``d_out`` optional, checked if present)::

            {"incoming": [["1", "3/2"], ["-2", "1/3"]],   # r vectors of d entries
             "outgoing": ["2", "-1/2"],                    # r entries, or r vectors of d_out entries
             "r": 2, "d": 2}

        Entries are JSON integers, strings of exact rationals (``"3/2"``,
        ``"-4"``, ``"0.25"``, parsed with :class:`fractions.Fraction`, never
        evaluated) or JSON decimals (read exactly, ``0.1`` is ``1/10``).

        >>> Teacher.from_json('{"incoming": [["1", "3/2"]], "outgoing": [0.5]}')
        Teacher(incoming=[['1', '3/2']], outgoing=['1/2'])
        >>> Teacher.from_json('{"incoming": [1], "outgoing": ["x"]}')
        Traceback (most recent call last):
        ...
        symbolic_minima.errors.ArgumentValueError: teacher a_1: expected an exact rational such as '3/2', got 'x'
        """
        role = cls._role
        if isinstance(source, (bytes, bytearray)):
            try:
                source = bytes(source).decode("utf-8")
            except UnicodeDecodeError:
                raise ArgumentValueError(f"{role} JSON is not UTF-8 text") from None
        if isinstance(source, str):
            _check_json_depth(source, role)
            try:
                data = json.loads(source, parse_float=parse_rational, parse_int=_parse_json_int,
                                  parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
            except (ValueError, RecursionError) as exc:
                raise ArgumentValueError(f"{role} JSON is malformed: {str(exc)[:200]}") from None
        elif isinstance(source, dict):
            _check_object_depth(source, role)
            data = source
        else:
            raise ArgumentTypeError(f"{role} JSON must be a string or a dict, got {type(source).__name__}")
        if not isinstance(data, dict):
            raise ArgumentValueError(f"{role} JSON must be an object with keys 'incoming' and 'outgoing'")
        unknown = set(data) - {"incoming", "outgoing", "r", "d", "d_out", "kind", "comment"}
        if unknown:
            raise ArgumentValueError(f"{role} JSON has unknown keys {shorten(sorted(map(str, unknown)))}")
        for key in ("incoming", "outgoing"):
            if key not in data:
                raise ArgumentValueError(f"{role} JSON lacks the key {key!r}")
            if not isinstance(data[key], list):
                raise ArgumentValueError(f"{role} JSON key {key!r} must be a list")
        for key in ("r", "d", "d_out"):
            if key in data and (isinstance(data[key], bool) or not isinstance(data[key], int)):
                raise ArgumentValueError(
                    f"{role} JSON key {key!r} must be an integer, got {type(data[key]).__name__} {shorten(data[key])}"
                )

        def parse(value, where):
            if isinstance(value, list):
                return [parse(v, f"{where}") for v in value]
            if isinstance(value, bool) or value is None or isinstance(value, dict):
                raise ArgumentValueError(
                    f"{role} {where}: expected an exact rational such as '3/2', got {shorten(value)}"
                )
            if isinstance(value, float):
                raise ArgumentValueError(f"{role} {where}: expected an exact rational, got float {value!r}")
            if isinstance(value, str):
                try:
                    return parse_rational(value)
                except (ValueError, ZeroDivisionError) as exc:
                    why = f" ({exc})" if "exceeds" in str(exc) else ""
                    raise ArgumentValueError(
                        f"{role} {where}: expected an exact rational such as '3/2', got {shorten(value, 40)}{why}"
                    ) from None
            return value  # int or Fraction

        incoming = [parse(v, f"w_{i}") for i, v in enumerate(data["incoming"], 1)]
        outgoing = [parse(v, f"a_{i}") for i, v in enumerate(data["outgoing"], 1)]
        for i, w in enumerate(incoming, 1):
            if isinstance(w, list) and any(isinstance(v, list) for v in w):
                raise ArgumentValueError(f"{role} w_{i}: expected a list of numbers")
        teacher = cls(incoming, outgoing)
        for key, value in (("r", teacher.width), ("d", teacher.input_dim), ("d_out", teacher.output_dim)):
            if key in data and data[key] != value:
                raise ArgumentValueError(
                    f"{role} JSON says {key} = {shorten(data[key])} but the parameters give {value}"
                )
        return teacher

    @lifts_int_limit
    def to_json(self) -> dict:
        """A JSON-ready dict (exact values as strings), inverse of :meth:`from_json`.

        >>> Teacher.default(1, 2).to_json()
        {'incoming': [['1', '2']], 'outgoing': ['1'], 'r': 1, 'd': 2, 'd_out': 1}
        """
        return {
            "incoming": [[str(v) for v in w] for w in self.incoming],
            "outgoing": [[str(v) for v in a] if self.vector_output else str(a) for a in self.outgoing],
            "r": self.width,
            "d": self.input_dim,
            "d_out": self.output_dim,
        }

    # -- views -----------------------------------------------------------
    def network(self, activation=None) -> TwoLayerNetwork:
        """The width-:math:`r` network of the same shape (symbolic parameters)."""
        return TwoLayerNetwork(self.width, self.input_dim, self.output_dim, activation)

    def outgoing_tuple(self, i) -> tuple:
        """:math:`a^*_i` as a tuple of length :math:`d_{out}` (1-based ``i``)."""
        a = self.outgoing[i - 1]
        return a if self.vector_output else (a,)

    def flat(self) -> list:
        """Values aligned with :attr:`TwoLayerNetwork.parameters` (all w, then all a)."""
        vals = [v for w in self.incoming for v in w]
        for i in range(1, self.width + 1):
            vals.extend(self.outgoing_tuple(i))
        return vals

    def function(self, activation=None):
        r"""The teacher's function :math:`f(x;\theta_r)`."""
        return self.network(activation).function(self)

    @property
    def is_exact_rational(self) -> bool:
        """Whether every parameter is a rational number (no symbols)."""
        return all(getattr(v, "is_Rational", False) for v in self.flat())

    def free_symbols(self) -> set:
        # every stored value is already a sympy object (built by _to_sympy), so no sympify is needed
        return set().union(*(v.free_symbols for v in self.flat()))

    def __eq__(self, other):
        return type(self) is type(other) and (self.incoming, self.outgoing) == (other.incoming, other.outgoing)

    def __hash__(self):
        return hash((type(self).__name__, self.incoming, self.outgoing))

    @lifts_int_limit
    def __repr__(self):
        inc = [[str(v) for v in w] for w in self.incoming]
        out = [[str(v) for v in a] if self.vector_output else str(a) for a in self.outgoing]
        return f"{type(self).__name__}(incoming={inc}, outgoing={out})"

    @lifts_int_limit
    def _latex(self, printer=None):
        lat = printer._print if printer is not None else sympy.latex
        rows = []
        star = r"^{*}" if self._role == "teacher" else r"^{c}"
        for i in range(1, self.width + 1):
            w = ", ".join(lat(v) for v in self.incoming[i - 1])
            a = self.outgoing[i - 1]
            a_tex = "(" + ", ".join(lat(v) for v in a) + ")" if self.vector_output else lat(a)
            rows.append(rf"w{star}_{{{i}}} &= ({w}), & a{star}_{{{i}}} &= {a_tex}")
        return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"

    def _repr_latex_(self):
        return f"$${self._latex()}$$"


class CriticalPoint(Teacher):
    r"""An irreducible width-:math:`r` critical point of a loss (need not have zero loss).

    Same fields and validation as :class:`Teacher`; the critical subspaces of
    :func:`symbolic_minima.subspaces.critical_subspaces` embed it.

    >>> CriticalPoint([2], [0])
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: critical point outgoing weight a_1 must be non-zero (irreducible network); got 0
    """

    _role = "critical point"

    @classmethod
    def from_teacher(cls, teacher: Teacher) -> "CriticalPoint":
        return cls(teacher.incoming, teacher.outgoing)


def _to_sympy_named(value, name):
    try:
        return _to_sympy(value)
    except ArgumentTypeError as exc:
        raise ArgumentTypeError(f"{name}: {exc}") from None
    except ArgumentValueError as exc:
        raise ArgumentValueError(f"{name}: {exc}") from None


def _fmt_tuple(w) -> str:
    return "(" + ", ".join(str(v) for v in w) + ("," if len(w) == 1 else "") + ")"


def _fmt_vec(a) -> str:
    return _fmt_tuple(a) if isinstance(a, tuple) else str(a)
