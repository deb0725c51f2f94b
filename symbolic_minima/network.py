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

from .bigint import int_from_digits, lifts_int_limit
from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    NumberTooLargeError,
    check_int,
    check_width,
    refuse_text,
    shorten,
)
from .exact import MAX_EXPONENT as MAX_EXPONENT  # re-exported (the number-bomb guard lives in .exact)
from .exact import MAX_NUMBER_LENGTH, input_sympy, parse_rational

__all__ = [
    "TwoLayerNetwork",
    "Teacher",
    "CriticalPoint",
    "ACTIVATIONS",
    "activation_function",
    "generic_sigma",
    "ClassSigma",
    "ZeroAtOriginSigma",
    "OddSigma",
    "EvenSigma",
    "EvenZeroAtOriginSigma",
    "CLASS_SIGMAS",
    "class_sigma",
    "check_irreducible",
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

#: Named concrete activations (each a ``sympy.Lambda`` of one variable).  One or more per activation
#: class (:mod:`symbolic_minima.activation_classes`): ``exp``, ``sigmoid4+softplus`` (generic),
#: ``exp-minus-one`` :math:`e^z-1` (zero at the origin), ``tanh``, ``erf``, ``sinh`` (odd),
#: ``gaussian`` :math:`e^{-z^2/2}`, ``cosh`` (even), ``logcosh`` :math:`\log\cosh z` (even, zero at the
#: origin); ``sigmoid`` and ``softplus`` belong to no class (refused for counting and completeness).
ACTIVATIONS = {
    "tanh": _TextRefusingLambda(_Z, sympy.tanh(_Z)),
    "sigmoid": _TextRefusingLambda(_Z, 1 / (1 + sympy.exp(-_Z))),
    "softplus": _TextRefusingLambda(_Z, sympy.log(1 + sympy.exp(_Z))),
    "erf": _TextRefusingLambda(_Z, sympy.erf(_Z)),
    "sigmoid4+softplus": _TextRefusingLambda(_Z, 1 / (1 + sympy.exp(-4 * _Z)) + sympy.log(1 + sympy.exp(_Z))),
    "exp": _TextRefusingLambda(_Z, sympy.exp(_Z)),
    "exp-minus-one": _TextRefusingLambda(_Z, sympy.exp(_Z) - 1),
    "sinh": _TextRefusingLambda(_Z, sympy.sinh(_Z)),
    "gaussian": _TextRefusingLambda(_Z, sympy.exp(-_Z**2 / 2)),
    "cosh": _TextRefusingLambda(_Z, sympy.cosh(_Z)),
    "logcosh": _TextRefusingLambda(_Z, sympy.log(sympy.cosh(_Z))),
}


# ---------------------------------------------------------------------------
# the undefined activation of each activation class


class ClassSigma(sympy.Function):
    r"""Base of the undefined activations of the activation classes: :math:`\sigma` known only by its class.

    Each subclass's ``eval`` applies its class's rules and nothing else
    (``parity``: ``+1`` even, ``-1`` odd, ``0`` none; ``zero_at_origin``:
    :math:`\sigma(0)=0`), so an identity that holds for such a :math:`\sigma`
    holds for every activation of the class.  Its derivative
    (:meth:`fdiff`) is the class's undefined :math:`\sigma'`, with the
    opposite parity (and :math:`\sigma'(0)=0` when :math:`\sigma'` is odd).
    Text arguments are refused (sympy would parse them).

    >>> u, x = sympy.symbols("u x")
    >>> OddSigma(-u * x), OddSigma(0), EvenSigma(-u * x), ZeroAtOriginSigma(0)
    (-sigma_odd(u*x), 0, sigma_even(u*x), 0)
    >>> sympy.diff(OddSigma(u * x), u), EvenSigma(0), sympy.diff(EvenSigma(u), u).subs(u, 0)
    (x*sigma_odd'(u*x), sigma_even(0), 0)
    """

    nargs = 1
    #: ``+1`` (even), ``-1`` (odd) or ``0`` (no parity).
    parity = 0
    #: Whether :math:`\sigma(0)=0` (as a rule of the class).
    zero_at_origin = False
    #: The derivative's class (set below).
    derivative_class: type | None = None
    #: The printed name.
    printed_name = "sigma"
    #: The LaTeX name.
    latex_name = r"\sigma"

    def __new__(cls, *args, **kwargs):
        for value in args:
            refuse_text(value, "activation argument")
        return super().__new__(cls, *args, **kwargs)

    @classmethod
    def eval(cls, z):
        if not isinstance(z, sympy.Basic):
            return None
        if z.is_zero:
            return sympy.S.Zero if cls.zero_at_origin else None
        if cls.parity == 0:
            return None
        # the rule compares an argument with its negative: expand first, so that
        # x*(a - b) and x*(b - a) are recognised as negatives of each other
        expanded = sympy.expand(z)
        if expanded.is_zero:
            return cls(sympy.S.Zero)
        if expanded.could_extract_minus_sign():
            return cls.parity * cls(-expanded)
        if expanded != z:
            return cls(expanded)
        return None

    def fdiff(self, argindex=1):
        if argindex != 1:
            raise sympy.core.function.ArgumentIndexError(self, argindex)
        if self.derivative_class is None:
            return super().fdiff(argindex)
        return self.derivative_class(self.args[0])

    def _sympystr(self, printer):
        return f"{self.printed_name}({printer._print(self.args[0])})"

    def _latex(self, printer, exp=None):
        body = rf"{self.latex_name}{{\left({printer._print(self.args[0])} \right)}}"
        return body if exp is None else rf"{body}^{{{exp}}}"


def _sigma_class(name, printed, latex, parity, zero, derivative=None):
    return type(name, (ClassSigma,), {"parity": parity, "zero_at_origin": zero, "derivative_class": derivative,
                                      "printed_name": printed, "latex_name": latex, "__module__": __name__})


# sigma' of an odd sigma is even (sigma'(0) not fixed); of an even sigma, odd (so sigma'(0) = 0)
_OddSigmaPrime = _sigma_class("OddSigmaPrime", "sigma_odd'", r"\sigma_{\mathrm{odd}}'", 1, False)
_EvenSigmaPrime = _sigma_class("EvenSigmaPrime", "sigma_even'", r"\sigma_{\mathrm{even}}'", -1, True)
_EvenZeroSigmaPrime = _sigma_class("EvenZeroAtOriginSigmaPrime", "sigma_evenzero'", r"\sigma_{\mathrm{even},0}'",
                                   -1, True)
_ZeroSigmaPrime = _sigma_class("ZeroAtOriginSigmaPrime", "sigma_zero'", r"\sigma_{0}'", 0, False)

#: The undefined :math:`\sigma` of the class ``zero-at-origin``: :math:`\sigma(0)=0`, no parity.
ZeroAtOriginSigma = _sigma_class("ZeroAtOriginSigma", "sigma_zero", r"\sigma_{0}", 0, True, _ZeroSigmaPrime)
#: The undefined :math:`\sigma` of the class ``odd``: :math:`\sigma(-z)=-\sigma(z)` (so :math:`\sigma(0)=0`).
OddSigma = _sigma_class("OddSigma", "sigma_odd", r"\sigma_{\mathrm{odd}}", -1, True, _OddSigmaPrime)
#: The undefined :math:`\sigma` of the class ``even``: :math:`\sigma(-z)=\sigma(z)`, :math:`\sigma(0)` left free.
EvenSigma = _sigma_class("EvenSigma", "sigma_even", r"\sigma_{\mathrm{even}}", 1, False, _EvenSigmaPrime)
#: The undefined :math:`\sigma` of the class ``even-zero-at-origin``: even with :math:`\sigma(0)=0`.
EvenZeroAtOriginSigma = _sigma_class("EvenZeroAtOriginSigma", "sigma_evenzero", r"\sigma_{\mathrm{even},0}", 1, True,
                                     _EvenZeroSigmaPrime)

#: Class name -> its undefined activation (the generic class: :data:`generic_sigma`, no rule at all).
CLASS_SIGMAS = {
    "generic": generic_sigma,
    "zero-at-origin": ZeroAtOriginSigma,
    "odd": OddSigma,
    "even": EvenSigma,
    "even-zero-at-origin": EvenZeroAtOriginSigma,
}


def class_sigma(activation=None):
    r"""The undefined activation of an activation class (a class name, an activation name, or ``None``: generic).

    >>> class_sigma("tanh")(sympy.Symbol("u")), class_sigma(None) is generic_sigma
    (sigma_odd(u), True)
    >>> class_sigma("softplus")
    Traceback (most recent call last):
    ...
    symbolic_minima.activation_classes.UnsupportedActivationError: activation 'softplus' is refused ...
    """
    from .activation_classes import activation_class

    name = activation_class(activation).name
    if name not in CLASS_SIGMAS:
        raise ArgumentValueError(f"activation class {name!r} has no symbolic activation (known: "
                                 f"{', '.join(CLASS_SIGMAS)})")
    return CLASS_SIGMAS[name]


def activation_function(activation=None):
    r"""Resolve an activation: ``None`` (generic :math:`\sigma`), a name in :data:`ACTIVATIONS`,
    an activation-class name (its undefined :math:`\sigma`, :data:`CLASS_SIGMAS`),
    a ``sympy.Lambda`` of one variable, a sympy function class, or a callable on a sympy symbol.

    >>> activation_function("tanh")(sympy.Symbol("u"))
    tanh(u)
    >>> activation_function("odd")(-sympy.Symbol("u"))
    -sigma_odd(u)
    >>> activation_function(lambda u: u**2 + u)(sympy.Symbol("u"))
    u**2 + u
    """
    if activation is None:
        return generic_sigma
    if isinstance(activation, str):
        if activation in CLASS_SIGMAS:
            return CLASS_SIGMAS[activation]
        if activation not in ACTIVATIONS:
            raise ArgumentValueError(
                f"activation must be None, a class name ({', '.join(CLASS_SIGMAS)}) or one of "
                f"{', '.join(map(repr, ACTIVATIONS))}; got {activation!r:.60}"
            )
        return ACTIVATIONS[activation]
    if isinstance(activation, type) and issubclass(activation, ClassSigma):
        return activation
    if isinstance(activation, sympy.Lambda):
        if len(activation.variables) != 1:
            raise ArgumentValueError("activation Lambda must take exactly one variable")
        return _TextRefusingLambda(activation.variables[0], activation.expr)
    if callable(activation):  # a sympy function class (e.g. sympy.tanh) or any callable on a symbol
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
            self._a = [tuple(sympy.Symbol(f"a_{{{j},{l}}}", real=True) for l in range(1, q + 1))
                       for j in range(1, m + 1)]
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
            return {s: input_sympy(v) for s, v in point.items()}
        values = list(point)
        if len(values) != len(self.parameters):
            raise ArgumentValueError(f"point must have {len(self.parameters)} entries, got {len(values)}")
        return {s: input_sympy(v) for s, v in zip(self.parameters, values)}

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
        r"""Undefined residuals :math:`e_l(x)` (``e`` when :math:`d_{out}=1`), standing for
        :math:`f_l(x;\theta)-y_l(x)`."""
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
    return [input_sympy(v) for v in items]


#: Deepest nesting of arrays and objects a teacher JSON may have (a teacher needs 3).
MAX_JSON_DEPTH = 20
#: Most arrays and objects a teacher JSON may contain.
MAX_JSON_CONTAINERS = 1_000_000


def _parse_json_int(text: str) -> int:
    if len(text) > MAX_NUMBER_LENGTH:
        raise NumberTooLargeError(f"integer of {len(text)} digits exceeds {MAX_NUMBER_LENGTH}")
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


# the exact-number converters live in .exact; the old private name stays for callers that imported it
_to_sympy = input_sympy


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
    symbolic_minima.errors.ArgumentValueError: teacher incoming vectors w_1 and w_2 must be pairwise distinct
    (irreducible network); both are (1,)
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
        seen: dict[tuple, int] = {}
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
        outgoing: list
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
                except ArgumentValueError as exc:  # InvalidNumberError or NumberTooLargeError
                    why = f" ({exc})" if isinstance(exc, NumberTooLargeError) else ""
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
        # every stored value is already a sympy object (built by input_sympy), so no sympify is needed
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
    symbolic_minima.errors.ArgumentValueError: critical point outgoing weight a_1 must be non-zero
    (irreducible network); got 0
    """

    _role = "critical point"

    @classmethod
    def from_teacher(cls, teacher: Teacher) -> CriticalPoint:
        return cls(teacher.incoming, teacher.outgoing)


def _to_sympy_named(value, name):
    try:
        return input_sympy(value)
    except ArgumentTypeError as exc:
        raise ArgumentTypeError(f"{name}: {exc}") from None
    except ArgumentValueError as exc:
        raise ArgumentValueError(f"{name}: {exc}") from None


def _fmt_tuple(w) -> str:
    return "(" + ", ".join(str(v) for v in w) + ("," if len(w) == 1 else "") + ")"


def _fmt_vec(a) -> str:
    return _fmt_tuple(a) if isinstance(a, tuple) else str(a)


def check_irreducible(teacher, activation_class=None):
    r"""Check that ``teacher`` (a :class:`Teacher` or :class:`CriticalPoint`) is irreducible *for the class*.

    Every class needs :math:`a^*_i\neq0`, :math:`w^*_i\neq0` and the
    :math:`w^*_i` pairwise distinct (checked when the teacher is built); the
    classes with signs (``odd``, ``even``, ``even-zero-at-origin``: the
    classes of incoming vectors are :math:`\{v,-v\}`) also need
    :math:`w^*_i\neq-w^*_k`, since :math:`\sigma(-v\cdot x)=\pm\sigma(v\cdot x)`
    makes two such neurons one.  Symbolic entries are compared structurally
    (:math:`u` and :math:`-u` are opposite).  Returns ``teacher``; a violation
    raises :class:`~symbolic_minima.errors.ArgumentValueError` naming the
    neurons and the class.

    >>> t = Teacher([1, -1], [1, 2])
    >>> check_irreducible(t, "generic") is t
    True
    >>> check_irreducible(t, "tanh")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: teacher incoming vectors w_1 and w_2 must not be opposite
    (irreducible for the odd class, where sigma(-v.x) = +-sigma(v.x)); w_2 = -w_1 = (-1,)
    """
    from .activation_classes import activation_class as resolve

    if not isinstance(teacher, Teacher):
        raise ArgumentTypeError(f"teacher must be a Teacher or CriticalPoint, got {type(teacher).__name__}")
    cls = resolve(activation_class)
    if cls.signs is None:
        return teacher
    seen: dict[tuple, int] = {}
    for i, w in enumerate(teacher.incoming, 1):
        opposite = tuple(sympy.expand(-v) for v in w)
        if opposite in seen:
            raise ArgumentValueError(
                f"{teacher._role} incoming vectors w_{seen[opposite]} and w_{i} must not be opposite "
                f"(irreducible for the {cls.name} class, where sigma(-v.x) = +-sigma(v.x)); "
                f"w_{i} = -w_{seen[opposite]} = {_fmt_tuple(w)}"
            )
        seen.setdefault(tuple(sympy.expand(v) for v in w), i)
    return teacher
