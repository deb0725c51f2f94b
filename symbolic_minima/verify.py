r"""Certificates: exact, symbolic checks of the claims about enumerated subspaces.

(See the mathematical reference, 'Setting', 'Global-minimum subspaces' and 'Critical subspaces'.)

Each certificate is a :class:`Certificate` with a verdict (``holds``), a
one-line statement and a LaTeX rendering of the identity it checked:

* :func:`certify_function_identity` — substituting the subspace's
  parametrization (free parameters stay symbols) into :math:`f(x;\theta)`
  gives exactly the teacher's :math:`f(x;\theta_r)`, as a sympy identity
  with :math:`\sigma` undefined;
* :func:`certify_criticality` — on a critical subspace every partial
  derivative of the width-:math:`m` loss density is an explicit multiple
  (free of :math:`x` and of the data) of a width-:math:`r` partial
  derivative at the critical point, with :math:`\sigma` and the targets
  :math:`y(x)` undefined, so the width-:math:`m` gradient vanishes wherever
  the width-:math:`r` one does;
* :func:`certify_zero_type_noncriticality` — for a zero-type neuron
  :math:`\partial\ell/\partial a_j = e(x)\,\sigma(w_j\cdot x)` with
  :math:`w_j` free: not a multiple of any width-:math:`r` partial, so it does
  not vanish away from zero loss;
* :func:`certify_dead_noncriticality` and :func:`certify_origin_noncriticality`
  — the negative cases of the activation classes: a dead neuron
  (:math:`w_j=0`, :math:`a_j\neq0`) is not critical when :math:`\sigma'(0)\neq0`,
  a neuron at :math:`(0,0)` is not critical when :math:`\sigma(0)\neq0`;
* :func:`certify_maximality` — no enumerated subspace contains another;
* :func:`certify_completeness` — random zero-loss points built from the
  grouped-sum conditions (mathematical reference, 'Setting') lie in some enumerated subspace
  (:func:`which_subspaces` names them).

Activation classes (mathematical reference, 'Activation classes'): every certificate takes ``activation`` (a
class name such as ``"odd"`` or an activation name such as ``"tanh"``,
interchangeable; default the subspace's own class, else generic) and then
computes with the class's undefined activation
(:data:`~symbolic_minima.network.CLASS_SIGMAS`), which knows only the
class's rules (parity, :math:`\sigma(0)=0`) and those of its derivative,
so an identity it proves holds for every activation of the class.

>>> from symbolic_minima.network import Teacher
>>> from symbolic_minima.subspaces import global_minimum_subspaces
>>> t = Teacher([1], [2])
>>> [bool(certify_function_identity(s, t)) for s in global_minimum_subspaces(t, 2)]
[True, True, True]
>>> print(certify_maximality(list(global_minimum_subspaces(t, 3, "R2"))))
maximality: holds: none of the 10 subspaces contains another
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

import sympy
from sympy.core.function import AppliedUndef

from .activation_classes import ActivationClass, activation_class
from .bigint import lifts_int_limit
from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    check_instance,
    check_int,
    check_sequence,
    check_width,
    shorten,
)
from .exact import to_fraction
from .labels import Label
from .network import ClassSigma, CriticalPoint, Teacher, TwoLayerNetwork, check_irreducible
from .progress import progress
from .readings import (
    CRITICAL,
    DEFAULT_ZERO_TYPE,
    GENERIC,
    GLOBAL_MINIMUM,
    GROUPS,
    ZERO_TYPES,
    Reading,
    check_rm,
    critical_reading,
    get_reading,
)
from .roles import PARKED
from .subspaces import (
    AffineSubspace,
    critical_subspaces,
    global_minimum_subspace,
    global_minimum_subspaces,
    network_for,
    subspaces_of,
)

__all__ = [
    "Certificate",
    "certify_function_identity",
    "certify_criticality",
    "certify_zero_type_noncriticality",
    "certify_dead_noncriticality",
    "certify_origin_noncriticality",
    "noncritical_reading",
    "certify_maximality",
    "certify_completeness",
    "which_subspaces",
    "locate_label",
    "random_zero_loss_point",
    "verify_all",
    "Summary",
]


@dataclass
class Certificate:
    """The outcome of one exact check: ``name``, verdict ``holds``, a one-line ``statement``,
    the subspace ``label`` (if any), LaTeX lines of the identities checked and ``details``."""

    name: str
    holds: bool
    statement: str
    label: tuple | None = None
    latex_lines: list = field(default_factory=list)  # str, or zero-argument callables rendered on demand
    details: dict = field(default_factory=dict)

    def __bool__(self):
        return bool(self.holds)

    @property
    def verdict(self) -> str:
        return "holds" if self.holds else "FAILS"

    @lifts_int_limit
    def __str__(self):
        where = "" if self.label is None else f" {tuple(self.label)}"
        return f"{self.name}{where}: {self.verdict}: {self.statement}"

    @lifts_int_limit
    def _latex(self, printer=None):
        head = rf"\text{{{self.name.replace('_', ' ')}: {self.verdict}}}"
        lines = self.rendered_lines()
        if not lines:
            return head
        return head + r" \\ \begin{aligned} " + r" \\ ".join(lines) + r" \end{aligned}"

    def rendered_lines(self) -> list:
        """The LaTeX lines (rendered lazily: printing is slower than checking)."""
        return [line() if callable(line) else line for line in self.latex_lines]

    def _repr_latex_(self):
        return f"$${self._latex()}$$"

    @lifts_int_limit
    def to_json(self) -> dict:
        return {
            "certificate": self.name,
            "holds": bool(self.holds),
            "label": None if self.label is None else list(self.label),
            "statement": self.statement,
        }


# ---------------------------------------------------------------------------
# helpers


def _shape(subspace: AffineSubspace, teacher: Teacher) -> TwoLayerNetwork:
    check_instance(subspace, AffineSubspace, "subspace")
    check_instance(teacher, Teacher, "teacher")
    d, q = teacher.input_dim, teacher.output_dim
    n = subspace.ambient_dimension
    if n % (d + q):
        raise ArgumentValueError(
            f"subspace has {n} parameters, not a multiple of d + d_out = {d + q} of the teacher"
        )
    net = network_for(n // (d + q), d, q)
    if tuple(net.parameters) != tuple(subspace.parameters):
        raise ArgumentValueError("subspace parameters are not those of a two-layer network of the teacher's shape")
    return net


def _components(expr):
    return list(expr) if isinstance(expr, sympy.MatrixBase) else [expr]


def _class_of(activation, subspace=None) -> str:
    """The class name: ``activation`` (class or activation name), else the subspace's class, else generic."""
    if activation is None:
        name = getattr(subspace, "activation_class", None)
        return GENERIC if name is None else name
    if isinstance(activation, (str, ActivationClass)):
        return activation_class(activation).name
    raise ArgumentTypeError(
        "activation must be an activation class or activation name (e.g. 'odd', 'tanh'), "
        f"got {type(activation).__name__}"
    )


@lru_cache(maxsize=64)
def _class_network(m: int, d: int, q: int, cls: str) -> TwoLayerNetwork:
    """The width-``m`` network with the undefined activation of class ``cls`` (generic: :func:`network_for`)."""
    if cls == GENERIC:
        return network_for(m, d, q)
    return TwoLayerNetwork(m, d, q, cls)


def _in_class(cls: str) -> str:
    """`` (sigma of the <class> class)`` for statements (empty for the generic class: outputs unchanged)."""
    return "" if cls == GENERIC else f" (sigma of the {cls} class)"


def _label_of(subspace):
    return None if subspace.label is None else tuple(subspace.label)


# ---------------------------------------------------------------------------
# function identity


def certify_function_identity(subspace: AffineSubspace, teacher: Teacher, activation=None) -> Certificate:
    r"""Check :math:`f(x;\theta(t)) \equiv f(x;\theta_r)` on the whole subspace, symbolically.

    :math:`\theta(t)` is :meth:`AffineSubspace.parametrization` (free
    parameters as symbols: a generic point of the subspace).  :math:`\sigma`
    is the undefined activation of a class: ``activation`` (class or
    activation name, e.g. ``"odd"`` or ``"tanh"``), else the subspace's
    ``activation_class``, else generic (no rule at all).  A concrete sympy
    activation (a ``sympy.Lambda``, ``sympy.tanh``, a callable) checks that
    activation instead.  Holds iff the expanded difference is exactly 0.

    >>> from symbolic_minima.subspaces import global_minimum_subspace
    >>> S = global_minimum_subspace(Teacher([1], [2]), ("+1", "-1"), activation="odd")
    >>> S.equations(), bool(certify_function_identity(S, Teacher([1], [2])))
    (['w_{1,1} = 1', 'w_{2,1} = -1', 'a_{1} - a_{2} = 2'], True)
    >>> certify_function_identity(S, Teacher([1], [2]), activation="even").details["difference"]
    2*a_{2}*sigma_even(x_{1})

    >>> from symbolic_minima.subspaces import AffineSubspace, network_for
    >>> net = network_for(2)
    >>> wrong = AffineSubspace(net.parameters, [[1, 0, 0, 0], [0, 0, 1, 1]], [1, 3])  # w_1 = 1, a_1 + a_2 = 3
    >>> c = certify_function_identity(wrong, Teacher([1], [3]))
    >>> c.holds, c.details["difference"]
    (False, -a_{2}*sigma(x_{1}) + a_{2}*sigma(w_{2,1}*x_{1}))
    """
    if not isinstance(teacher, Teacher):
        raise ArgumentTypeError(f"teacher must be a Teacher, got {type(teacher).__name__}")
    net = _shape(subspace, teacher)
    if activation is not None and not isinstance(activation, (str, ActivationClass)):
        cls = None  # a concrete activation
        net = TwoLayerNetwork(net.width, net.input_dim, net.output_dim, activation)
        f_r = teacher.network(activation).function(teacher)
    else:
        cls = _class_of(activation, subspace)
        net = _class_network(net.width, net.input_dim, net.output_dim, cls)
        f_r = teacher.network(None if cls == GENERIC else cls).function(teacher)
    par = subspace.parametrization()
    f_m = net.function(par)
    diffs = [sympy.expand(a - b) for a, b in zip(_components(f_m), _components(f_r))]
    holds = all(dd == 0 for dd in diffs)
    diff = diffs[0] if len(diffs) == 1 else sympy.Matrix(diffs)
    lines = [
        lambda: rf"f(x;\theta) &= {sympy.latex(f_m)}",
        lambda: rf"&= {sympy.latex(sympy.expand(f_m) if len(diffs) == 1 else f_m.applyfunc(sympy.expand))}",
        lambda: rf"f(x;\theta_r) &= {sympy.latex(f_r)}",
        lambda: rf"f(x;\theta) - f(x;\theta_r) &= {sympy.latex(diff)}",
    ]
    free = ", ".join(str(s) for s in subspace.free_parameters())
    statement = (
        "f(x; theta) = f(x; theta_r) identically in x and the free parameters "
        f"({free or 'none'})" if holds else f"f(x; theta) - f(x; theta_r) = {diff} is not identically 0"
    ) + _in_class(cls or GENERIC)
    return Certificate("function_identity", holds, statement, _label_of(subspace), lines,
                       {"difference": diff, "activation_class": cls})


# ---------------------------------------------------------------------------
# criticality


@lru_cache(maxsize=32)
def _chain_gradient(m, d, q, cls=GENERIC):
    net = _class_network(m, d, q, cls)
    return net, net.chain_rule_gradient()


def _width_r_gradient(cp: Teacher, cls=GENERIC):
    net_r, grad = _chain_gradient(cp.width, cp.input_dim, cp.output_dim, cls)
    sub = dict(zip(net_r.parameters, cp.flat()))
    return net_r, {p: e.xreplace(sub) for p, e in grad.items()}


def _data_atoms(expr) -> set:
    """sigma(...), sigma'(...) (Subs, or a class's sigma and sigma') and residual atoms, without those bound
    inside a Subs (dummies)."""
    return {a for a in expr.atoms(AppliedUndef, ClassSigma, sympy.Subs, sympy.Derivative)
            if not any(isinstance(f, sympy.Dummy) for f in a.free_symbols)}


def _data_free(expr, inputs) -> bool:
    """No input symbol, no undefined function (residuals, sigma, a class's sigma) and no derivative in ``expr``."""
    if expr.free_symbols & set(inputs):
        return False
    return not expr.has(AppliedUndef, ClassSigma, sympy.Derivative, sympy.Subs)


def _multiple(e_m, e_r, inputs):
    """``c`` with ``e_m == c * e_r`` and ``c`` free of the data, or ``None``."""
    if e_r == 0:
        return sympy.Integer(0) if sympy.expand(e_m) == 0 else None
    # quick exact rejection: a non-zero data-free c leaves the set of data atoms
    # (sigma(...), sigma'(...), e(x)) unchanged, so different atom sets cannot be multiples
    if _data_atoms(e_m) != _data_atoms(e_r):
        return None
    c = sympy.cancel(e_m / e_r)
    if not _data_free(c, inputs):
        return None
    if sympy.expand(e_m - c * e_r) != 0:
        return None
    return c


def _residual_identity(subspace, cp, cls=GENERIC):
    """Certificate that the residual on the subspace is the width-r residual (f_m(theta(t)) == f_r(theta_r))."""
    return certify_function_identity(subspace, cp, activation=cls)


def certify_criticality(subspace: AffineSubspace, critical_point: Teacher, label=None, activation=None) -> Certificate:
    r"""Check that every point of ``subspace`` is critical whenever ``critical_point`` is.

    Loss density :math:`\ell=\frac12\sum_l e_l(x)^2` with residuals
    :math:`e_l=f_l(x;\theta)-y_l(x)`, targets :math:`y_l` and :math:`\sigma`
    undefined.  Step 1: on the subspace
    :math:`f(x;\theta(t))\equiv f(x;\theta_r)` (sympy identity), so the
    residuals are the width-:math:`r` ones and stay undefined symbols
    :math:`e_l(x)`.  Step 2: for each neuron :math:`j`, :math:`i=g(j)`
    (``label``, default ``subspace.label``), each partial
    :math:`\partial\ell/\partial\theta=\sum_l e_l\,\partial f_l/\partial\theta`
    equals :math:`c\cdot\partial\ell_r/\partial\theta_i(\theta_r)` with
    :math:`c` free of :math:`x`, :math:`e`, :math:`\sigma`.  Hence the
    width-:math:`m` gradient vanishes on the subspace wherever the width-:math:`r`
    gradient vanishes at :math:`\theta_r`, for every data distribution.
    Expectations are never formed: each identity holds pointwise in :math:`x`,
    so it holds for :math:`\partial L/\partial\theta=\mathbb E_x[\partial\ell/\partial\theta]`
    (:math:`\partial L/\partial a_j=\mathbb E[e\,\sigma(w_j\cdot x)]`,
    :math:`\partial L/\partial w_j=a_j\mathbb E[e\,\sigma'(w_j\cdot x)\,x]`).

    ``activation`` (class or activation name; default the subspace's class)
    sets :math:`\sigma` to the class's undefined activation, whose rules
    carry the signs: a signed split :math:`w_j=-w_i` has
    :math:`\partial\ell/\partial a_j=\mp\,\partial\ell_r/\partial a_i` (odd / even
    :math:`\sigma`) and :math:`\partial\ell/\partial w_j` a multiple of
    :math:`\partial\ell_r/\partial w_i` through the parity of :math:`\sigma'`.
    A neuron without a width-:math:`r` counterpart (label ``0``, or a token
    ``0``, ``d``, ``p``) is critical only if each of its partials vanishes
    identically: parked neurons :math:`(0,0)` when :math:`\sigma(0)=0`, dead
    neurons when also :math:`\sigma'(0)=0`; a zero-type neuron never.

    >>> from symbolic_minima.subspaces import critical_subspace
    >>> cp = CriticalPoint([1, 2], [3, -1])
    >>> c = certify_criticality(critical_subspace(cp, (1, 2, 1)), cp)
    >>> c.holds, c.details["multipliers"][sympy.Symbol("w_{1,1}", real=True)]
    (True, 1 - a_{3}/3)
    >>> S = critical_subspace(cp, ("+1", "+2", "-1", "p"), activation="odd")
    >>> c = certify_criticality(S, cp)
    >>> c.holds, c.details["multipliers"][sympy.Symbol("a_{3}", real=True)]
    (True, -1)
    """
    if not isinstance(critical_point, Teacher):
        raise ArgumentTypeError(f"critical_point must be a CriticalPoint, got {type(critical_point).__name__}")
    net = _shape(subspace, critical_point)
    cls = _class_of(activation, subspace)
    label = tuple(subspace.label if label is None else label)
    if len(label) != net.width:
        raise ArgumentValueError(f"label must have {net.width} entries, got {len(label)}")
    entries = Label(label).entries()
    r = critical_point.width
    failures = []
    residual = _residual_identity(subspace, critical_point, cls)
    lines: list = [r"e_l(x) := f_l(x;\theta) - y_l(x) = f_l(x;\theta_r) - y_l(x) \text{ on the subspace}"]
    if not residual.holds:
        failures.append("the residual on the subspace differs from the width-r residual")
        lines = [lambda: r"f(x;\theta) - f(x;\theta_r) &= " + sympy.latex(residual.details["difference"]) + r" \neq 0"]
    net, grad_m = _chain_gradient(net.width, net.input_dim, net.output_dim, cls)
    net_r, grad_r = _width_r_gradient(critical_point, cls)
    par = subspace.parametrization()
    inputs = net.inputs
    multipliers = {}
    for j, (g, _, _) in enumerate(entries, 1):
        if failures and not residual.holds:
            break
        if g > r:
            failures.append(f"neuron {j} has label {label[j - 1]}: no width-r neuron to inherit criticality from")
            continue
        if g < 1:  # a free neuron: critical only if every partial vanishes identically
            for p_m in net.neuron_parameters(j):
                e_m = grad_m[p_m].xreplace(par)
                lhs = rf"\frac{{\partial \ell}}{{\partial {p_m}}}"
                if sympy.expand(e_m) == 0:
                    multipliers[p_m] = sympy.Integer(0)
                    lines.append(rf"{lhs} &= 0")
                else:
                    failures.append(f"neuron {j} has label {label[j - 1]}: no width-r neuron to inherit criticality "
                                    f"from, and dl/d{p_m} = {e_m} does not vanish identically")
                    lines.append(lambda lhs=lhs, e_m=e_m: rf"{lhs} &= {sympy.latex(e_m)} \neq 0")
            continue
        pairs = list(zip(net.incoming(j), net_r.incoming(g))) + list(
            zip(net.outgoing_tuple(j), net_r.outgoing_tuple(g))
        )
        for p_m, p_r in pairs:
            e_m = grad_m[p_m].xreplace(par)
            c = _multiple(e_m, grad_r[p_r], inputs)
            lhs = rf"\frac{{\partial \ell}}{{\partial {p_m}}}"
            rhs = rf"\frac{{\partial \ell_r}}{{\partial {p_r}}}(\theta_r)"
            if c is None:
                failures.append(f"dl/d{p_m} is not a data-free multiple of the width-r dl/d{p_r}")
                lines.append(lambda lhs=lhs, rhs=rhs, e_m=e_m: rf"{lhs} &= {sympy.latex(e_m)} \neq c\cdot {rhs}")
            else:
                multipliers[p_m] = c
                lines.append(lambda lhs=lhs, rhs=rhs, c=c: rf"{lhs} &= {sympy.latex(c)}\cdot {rhs}")
    holds = not failures
    statement = (
        f"each of the {len(multipliers)} partial derivatives is a data-free multiple of a width-r partial at theta_r"
        if holds else "; ".join(failures[:3]) + (" ..." if len(failures) > 3 else "")
    ) + _in_class(cls)
    return Certificate("criticality", holds, statement, label, lines,
                       {"multipliers": multipliers, "failures": failures, "activation_class": cls})


def certify_zero_type_noncriticality(subspace: AffineSubspace, critical_point: Teacher, label=None,
                                     activation=None) -> Certificate:
    r"""Exhibit :math:`\partial\ell/\partial a_j = e(x)\,\sigma(w_j\cdot x)` for each zero-type neuron.

    On the subspace :math:`\Gamma_g` built around a width-:math:`r` point
    (``label`` with zeros, default ``subspace.label``), the residual is the
    width-:math:`r` residual :math:`e(x)=f(x;\theta_r)-y(x)` (checked) and
    the term depends on the free :math:`w_j`: it is not a data-free multiple
    of any width-:math:`r` partial, so it does not vanish unless the residual
    is orthogonal to every :math:`\sigma(u\cdot x)`, i.e. (generic
    :math:`\sigma`) unless the loss is zero.  Holds (the zero-type neuron is
    *not* critical) iff this is so for every zero-type neuron.  ``activation``
    (class or activation name; default the subspace's class) sets
    :math:`\sigma` to the class's undefined activation.

    >>> from symbolic_minima.subspaces import global_minimum_subspace
    >>> cp = CriticalPoint([1], [2])
    >>> c = certify_zero_type_noncriticality(global_minimum_subspace(cp, (1, 0)), cp)
    >>> c.holds, c.details["terms"][sympy.Symbol("a_{2}", real=True)]
    (True, e(x_{1})*sigma(w_{2,1}*x_{1}))
    """
    net = _shape(subspace, critical_point)
    cls = _class_of(activation, subspace)
    label = Label(subspace.label if label is None else label)
    zeros = [j + 1 for j in label.zero_type_neurons()]
    if not zeros:
        return Certificate("zero_type_noncriticality", True, "no zero-type neuron", label)
    residual = _residual_identity(subspace, critical_point, cls)
    net, grad_m = _chain_gradient(net.width, net.input_dim, net.output_dim, cls)
    _, grad_r = _width_r_gradient(critical_point, cls)
    par = subspace.parametrization()
    terms = {}
    lines = []
    bad = [] if residual.holds else ["residual"]
    for j in zeros:
        w_free = set(net.incoming(j))
        for p in net.outgoing_tuple(j):
            term = grad_m[p].xreplace(par)
            terms[p] = term
            lines.append(lambda p=p, term=term: rf"\frac{{\partial \ell}}{{\partial {p}}} &= {sympy.latex(term)}")
            depends = bool(term.free_symbols & w_free)
            multiple = any(_multiple(term, e_r, net.inputs) is not None for e_r in grad_r.values())
            if term == 0 or not depends or multiple:
                bad.append(p)
    holds = not bad
    statement = (
        f"dl/da_j = e(x) sigma(w_j . x) with w_j free for zero-type neuron(s) {zeros}: "
        "not a multiple of any width-r partial, non-zero away from zero loss"
        if holds else f"the zero-type term of {', '.join(map(str, bad))} vanishes or is inherited"
    ) + _in_class(cls)
    return Certificate("zero_type_noncriticality", holds, statement, label, lines,
                       {"terms": terms, "activation_class": cls})


def _noncriticality(name, what, subspace, critical_point, neurons, cls) -> Certificate:
    """Each neuron of ``neurons`` (1-based) has a partial that neither vanishes identically nor is a data-free
    multiple of a width-r partial at the critical point (so it is non-zero for generic data)."""
    net = _shape(subspace, critical_point)
    label = None if subspace.label is None else Label(subspace.label)
    if not neurons:
        return Certificate(name, True, f"no {what}", label)
    residual = _residual_identity(subspace, critical_point, cls)
    net, grad_m = _chain_gradient(net.width, net.input_dim, net.output_dim, cls)
    _, grad_r = _width_r_gradient(critical_point, cls)
    par = subspace.parametrization()
    terms: dict = {}
    witnesses: dict = {}
    lines = []
    bad = [] if residual.holds else ["the residual on the subspace differs from the width-r residual"]
    for j in neurons:
        for p in net.neuron_parameters(j):
            term = sympy.expand(grad_m[p].xreplace(par))
            terms[p] = term
            if term == 0 or any(_multiple(term, e_r, net.inputs) is not None for e_r in grad_r.values()):
                continue
            witnesses[j] = (p, term)
            lines.append(lambda p=p, term=term: rf"\frac{{\partial \ell}}{{\partial {p}}} &= {sympy.latex(term)} "
                                                r"\text{ (not inherited)}")
            break
        else:
            bad.append(f"every partial of neuron {j} vanishes or is inherited from the width-r gradient")
    holds = not bad
    if holds:
        shown = "; ".join(f"dl/d{p} = {term}" for p, term in (witnesses[j] for j in neurons[:2]))
        statement = (f"{what} {neurons} not critical: {shown}{' ...' if len(neurons) > 2 else ''}, "
                     "not a multiple of any width-r partial, non-zero for generic data")
    else:
        statement = "; ".join(bad[:3])
    return Certificate(name, holds, statement + _in_class(cls), label, lines,
                       {"terms": terms, "witnesses": witnesses, "activation_class": cls})


def _marked(label, marker) -> list:
    return [] if label is None else [j + 1 for j in Label(label).marked_neurons(marker)]


def certify_dead_noncriticality(subspace: AffineSubspace, critical_point: Teacher, neurons=None,
                                activation=None) -> Certificate:
    r"""A dead neuron with :math:`a_j\neq0` is not critical (classes with :math:`\sigma(0)=0`, :math:`\sigma'(0)\neq0`).

    On a subspace around a width-:math:`r` critical point where neuron
    :math:`j` is dead (:math:`w_j=0`, :math:`a_j` free; by default the
    neurons marked ``d`` in its label, or the 1-based ``neurons``),
    :math:`\partial\ell/\partial a_j=e(x)\sigma(0)` vanishes when
    :math:`\sigma(0)=0`, but :math:`\partial\ell/\partial w_j=a_j\sigma'(0)\,e(x)\,x`
    does not when :math:`\sigma'(0)\neq0`: it is not a data-free multiple of
    any width-:math:`r` partial, so :math:`\partial L/\partial w_j=a_j\sigma'(0)\mathbb E[e\,x]`
    is non-zero for generic data.  Holds (not critical) for the classes
    ``zero-at-origin`` and ``odd``; fails in ``even-zero-at-origin``, where
    :math:`\sigma'(0)=0` makes the dead neuron critical (its critical role).

    >>> from symbolic_minima.subspaces import global_minimum_subspace
    >>> cp = CriticalPoint([1], [2])
    >>> S = global_minimum_subspace(cp, ("+1", "d"), activation="odd")
    >>> print(certify_dead_noncriticality(S, cp))
    dead_noncriticality ('+1', 'd'): holds: dead neuron(s) [2] not critical:
    dl/dw_{2,1} = a_{2}*x_{1}*e(x_{1})*sigma_odd'(0), not a multiple of any width-r partial,
    non-zero for generic data (sigma of the odd class)
    >>> bool(certify_dead_noncriticality(S, cp, activation="logcosh"))
    False
    """
    check_instance(subspace, AffineSubspace, "subspace")
    check_instance(critical_point, Teacher, "critical_point")
    cls = _class_of(activation, subspace)
    neurons = _marked(subspace.label, "d") if neurons is None else [int(j) for j in neurons]
    return _noncriticality("dead_noncriticality", "dead neuron(s)", subspace, critical_point, neurons, cls)


def certify_origin_noncriticality(subspace: AffineSubspace, critical_point: Teacher, neurons=None,
                                  activation=None) -> Certificate:
    r"""A neuron at :math:`(w_j,a_j)=(0,0)` is not critical when :math:`\sigma(0)\neq0` (even class, generic).

    On a subspace around a width-:math:`r` critical point with neuron
    :math:`j` at the origin (by default the neurons marked ``p`` in its label,
    see :func:`noncritical_reading`, or the 1-based ``neurons``),
    :math:`\partial\ell/\partial a_j=\sigma(0)\,e(x)` is not a data-free
    multiple of any width-:math:`r` partial, so
    :math:`\partial L/\partial a_j=\sigma(0)\mathbb E[e]` is non-zero for
    generic data.  Fails where :math:`\sigma(0)=0` (there the neuron is parked,
    a critical point).

    >>> cp = CriticalPoint([1], [2])
    >>> S = subspaces_of(noncritical_reading("even", "origin"), cp, 2)
    >>> c = certify_origin_noncriticality(next(iter(S)), cp)
    >>> c.holds, c.details["witnesses"][1][1]
    (True, e(x_{1})*sigma_even(0))
    """
    check_instance(subspace, AffineSubspace, "subspace")
    check_instance(critical_point, Teacher, "critical_point")
    cls = _class_of(activation, subspace)
    neurons = _marked(subspace.label, "p") if neurons is None else [int(j) for j in neurons]
    return _noncriticality("origin_noncriticality", "neuron(s) at the origin", subspace, critical_point, neurons,
                           cls)


#: Kinds of :func:`noncritical_reading`: the free role each adds to the class's critical splits.
NONCRITICAL_KINDS = {"dead": "d", "origin": "p"}


def noncritical_reading(activation, kind: str) -> Reading:
    r"""A reading (not registered) for the negative checks: the class's critical splits plus one free role.

    ``kind="dead"``: dead neurons (:math:`w_j=0`, :math:`a_j` free, token
    ``d``); ``kind="origin"``: neurons at :math:`(0,0)` (token ``p``).  Its
    subspaces are built around a width-:math:`r` critical point with
    :func:`~symbolic_minima.subspaces.subspaces_of`; each free neuron of the
    added role is critical exactly when the class makes it so (parked
    neurons for :math:`\sigma(0)=0`, dead ones for
    :math:`\sigma(0)=\sigma'(0)=0`): :func:`certify_dead_noncriticality` and
    :func:`certify_origin_noncriticality` decide it.

    >>> [label for label in noncritical_reading("even", "origin").labellings(1, 2)][:3]
    [('p', '+1'), ('p', '-1'), ('+1', 'p')]
    """
    from .roles import DEAD

    cls = activation_class(activation).name
    if kind not in NONCRITICAL_KINDS:
        raise ArgumentValueError(f"kind must be one of {', '.join(map(repr, NONCRITICAL_KINDS))}, got {kind!r:.40}")
    critical = critical_reading(cls)
    role = DEAD if kind == "dead" else PARKED
    return Reading(f"{kind}-embedding", f"crit+{NONCRITICAL_KINDS[kind]}", CRITICAL, critical.replica, (role,),
                   activation_class=cls,
                   description=f"critical splits plus {'dead neurons' if kind == 'dead' else 'neurons at (0, 0)'}")


# ---------------------------------------------------------------------------
# maximality and completeness


def _fixed_coordinates(s: AffineSubspace) -> frozenset:
    """``{(index, value)}`` of the coordinates that are constant on ``s`` (zero in every direction)."""
    dirs = s.direction_basis()
    base = s.base_point()
    return frozenset((p, base[p]) for p in range(len(base)) if all(v[p] == 0 for v in dirs))


def certify_maximality(subspaces) -> Certificate:
    r"""Check that no subspace of the list contains another (all distinct, no proper inclusion).

    Exact: :math:`S\subseteq S'` iff the base point of :math:`S` satisfies the
    equations of :math:`S'` and every direction of :math:`S` their
    homogeneous part; only pairs with :math:`\dim S < \dim S'` can be proper
    inclusions, equal dimensions are compared by exact equality.  A fast
    exact necessary condition filters pairs first: every coordinate constant
    on :math:`S'` must be constant, with the same value, on :math:`S`.
    """
    subspaces = [check_instance(s, AffineSubspace, "subspaces entry") for s in check_sequence(subspaces, "subspaces")]
    subs = list(subspaces)
    seen: dict[AffineSubspace, object] = {}
    dup = []
    by_dim: dict[int, list[AffineSubspace]] = {}
    for s in progress(subs, total=len(subs), desc="maximality: duplicates"):
        if s in seen:
            dup.append((seen[s], s.label))
        else:
            seen[s] = s.label
        by_dim.setdefault(s.dimension, []).append(s)
    dims = sorted(by_dim)
    fixed = {}
    if len(dims) > 1:
        bar = progress(subs, total=len(subs), desc="maximality: fixed coordinates")
        fixed = {id(s): _fixed_coordinates(s) for s in bar}
    smalls = {da: [(s, fixed[id(s)]) for s in by_dim[da]] for da in dims[:-1]}
    # each larger subspace against every subspace of each smaller dimension (one bar step per such group)
    work = [(da, big) for a_i, da in enumerate(dims) for db in dims[a_i + 1:] for big in by_dim[db]]
    inclusions = []
    checked = 0
    full_checks = 0
    for da, big in progress(work, total=len(work), desc="maximality: pairs"):
        fixed_big = fixed[id(big)]
        for small, fixed_small in smalls[da]:
            checked += 1
            if not fixed_big <= fixed_small:
                continue
            full_checks += 1
            if small.is_subset_of(big):
                inclusions.append((small.label, big.label))
    holds = not dup and not inclusions
    if holds:
        statement = f"none of the {len(subs)} subspaces contains another"
    else:
        parts = [f"{a} equals {b}" for a, b in dup[:3]] + [f"{a} inside {b}" for a, b in inclusions[:3]]
        statement = "; ".join(parts)
    lines = [rf"\Gamma_g \not\subseteq \Gamma_{{g'}} \text{{ for all }} g \neq g' \text{{ ({len(subs)} subspaces)}}"]
    return Certificate("maximality", holds, statement, None, lines,
                       {"duplicates": dup, "inclusions": inclusions, "pairs_checked": checked,
                        "full_checks": full_checks})


#: Most partitions :func:`random_zero_loss_point` draws before giving up (a reading may allow few block sizes).
MAX_DRAWS = 100_000


def random_zero_loss_point(teacher: Teacher, m, zero_type: str = GROUPS.name, rng=None, max_entry: int = 9,
                           activation=None) -> tuple:
    r"""A random parameter vector of width ``m`` with :math:`f(\cdot;\theta)=f(\cdot;\theta_r)`, from the definitions.

    (See the mathematical reference, 'Setting'.)

    Built without the enumerators: a random partition of the :math:`m`
    neurons into blocks (one shared incoming vector per block); :math:`r` of
    the blocks get the teacher vectors and outgoing weights summing to
    :math:`a^*_i`; every other block gets a random vector, distinct from all
    others, and outgoing weights summing to 0.  The reading ``zero_type``
    (any registered global-minimum reading) says which block sizes its roles
    allow: R2 other blocks of any size, R1 only blocks of size one (so
    :math:`a_j=0`); partitions with a block size the reading's roles do not
    allow are drawn again.  Returns exact ``Fraction`` values aligned with
    :attr:`TwoLayerNetwork.parameters`.

    ``activation`` (class or activation name; default generic) builds the
    point from that class's zero-loss rule instead (mathematical reference, 'Activation classes';
    :func:`_class_zero_loss_point`): classes of incoming vectors
    :math:`\{v,-v\}` with a random sign per neuron where signs matter, sums
    :math:`\sum s_ja_j` (odd) or :math:`\sum a_j`, and possibly a block at
    :math:`v=0` (dead neurons with free :math:`a_j` where :math:`\sigma(0)=0`,
    else an ordinary block summing to 0).

    >>> t = Teacher([1], [2])
    >>> pt = random_zero_loss_point(t, 3, rng=random.Random(0))
    >>> sympy.expand(network_for(3).function(pt) - t.function())
    0
    >>> from symbolic_minima.network import TwoLayerNetwork
    >>> pt = random_zero_loss_point(t, 4, rng=random.Random(3), activation="odd")
    >>> sympy.expand(TwoLayerNetwork(4, activation="odd").function(pt) - t.function("odd"))
    0
    """
    check_instance(teacher, Teacher, "teacher")
    if not teacher.is_exact_rational:
        raise ArgumentValueError("random_zero_loss_point needs a teacher with rational parameters")
    _, m = check_rm(teacher.width, m)
    rng = random.Random() if rng is None else rng
    cls = _class_of(activation)
    if cls != GENERIC:
        return _class_zero_loss_point(teacher, m, zero_type, rng, max_entry, cls)
    reading = get_reading(zero_type, family=GLOBAL_MINIMUM)
    r, d, q = teacher.width, teacher.input_dim, teacher.output_dim

    def rand() -> Fraction:
        return Fraction(rng.randint(-max_entry, max_entry), rng.randint(1, 4))

    # random assignment of neurons to blocks: first r blocks are the teacher's
    for _ in range(MAX_DRAWS):
        extra = rng.randint(0, m - r)
        nblocks = r + extra
        assign = [rng.randrange(nblocks) for _ in range(m)]
        sizes = [assign.count(b) for b in range(nblocks)]
        if all(sizes):
            # the first r blocks play the reading's per-teacher role, the others its free roles
            if not all(reading.replica.allows_size(s) for s in sizes[:r]):
                continue
            if not all(reading.allows_free_size(s) for s in sizes[r:]):
                continue
            break
    else:
        raise ArgumentValueError(
            f"no partition of {m} neurons into blocks the reading {reading.name!r} allows in {MAX_DRAWS} draws"
        )
    used = {tuple(to_fraction(v) for v in w) for w in teacher.incoming}
    vectors = [tuple(to_fraction(v) for v in w) for w in teacher.incoming]
    for _ in range(extra):
        while True:
            v = tuple(rand() for _ in range(d))
            if v not in used and any(v):
                break
        used.add(v)
        vectors.append(v)
    targets = [[to_fraction(v) for v in teacher.outgoing_tuple(i)] for i in range(1, r + 1)]
    targets += [[Fraction(0)] * q for _ in range(extra)]
    outgoing: dict[int, list[Fraction]] = {}  # neuron -> its outgoing vector, every neuron in one block
    for b in range(nblocks):
        members = [j for j in range(m) if assign[j] == b]
        vals = [[rand() for _ in range(q)] for _ in members[:-1]]
        last = [targets[b][l] - sum(v[l] for v in vals) for l in range(q)]
        vals.append(last)
        outgoing.update(zip(members, vals))
    point = [x for j in range(m) for x in vectors[assign[j]]]
    point += [x for j in range(m) for x in outgoing[j]]
    return tuple(point)


def _class_zero_loss_point(teacher, m, zero_type, rng, max_entry, cls_name) -> tuple:
    r"""A random zero-loss point of width ``m`` from the zero-loss rule of class ``cls_name``.

    (See the mathematical reference, 'Activation classes'.)

    Written from the rule, not from the roles' equations: neurons are split
    into blocks, one class :math:`\{v,-v\}` (or :math:`\{v\}`) of incoming
    vectors each; the first :math:`r` blocks have :math:`v=w^*_i`, the
    others random vectors in classes of their own, and possibly one block
    :math:`v=0`.  Each neuron of a class with signs gets a random sign
    :math:`s_j` (:math:`w_j=s_jv`); its weight in the block's sum is
    :math:`s_j` (odd :math:`\sigma`) or 1 (even); teacher blocks sum to
    :math:`a^*_i`, the others to 0, except the :math:`v=0` block where
    :math:`\sigma(0)=0` (dead neurons: every :math:`a_j` free).  The reading
    says which sizes its free blocks may have (R1: one neuron; R2: any)
    and whether dead neurons exist; other partitions are drawn again.
    """
    cls = activation_class(cls_name)
    reading = get_reading(zero_type, cls.name, family=GLOBAL_MINIMUM)
    check_irreducible(teacher, cls.name)
    r, d, q = teacher.width, teacher.input_dim, teacher.output_dim
    signed = cls.signs is not None
    dead_allowed = any(role.marker == "d" for role in reading.free_roles)

    def free_size_ok(size):
        return any(role.marker is None and role.allows_size(size) for role in reading.free_roles)

    def rand():
        return Fraction(rng.randint(-max_entry, max_entry), rng.randint(1, 4))

    zero_ok = dead_allowed if cls.zero_at_origin else True
    for _ in range(MAX_DRAWS):
        extra = rng.randint(0, m - r)
        with_zero = zero_ok and rng.random() < 0.4
        nblocks = r + extra + (1 if with_zero else 0)
        assign = [rng.randrange(nblocks) for _ in range(m)]
        sizes = [assign.count(b) for b in range(nblocks)]
        if not all(sizes) or not all(reading.replica.allows_size(size) for size in sizes[:r]):
            continue
        if not all(free_size_ok(size) for size in sizes[r:r + extra]):
            continue
        if with_zero and not cls.zero_at_origin and not free_size_ok(sizes[-1]):
            continue
        break
    else:
        raise ArgumentValueError(
            f"no partition of {m} neurons into blocks the reading {reading.name!r} of the {cls.name} class allows "
            f"in {MAX_DRAWS} draws"
        )
    vectors = [tuple(to_fraction(v) for v in w) for w in teacher.incoming]
    used = set(vectors) | ({tuple(-v for v in w) for w in vectors} if signed else set())
    for _ in range(extra):
        while True:
            v = tuple(rand() for _ in range(d))
            if v not in used and any(v):
                break
        used.add(v)
        used.add(tuple(-x for x in v))
        vectors.append(v)
    if with_zero:
        vectors.append(tuple(Fraction(0) for _ in range(d)))
    targets = [[to_fraction(v) for v in teacher.outgoing_tuple(i)] for i in range(1, r + 1)]
    targets += [[Fraction(0)] * q for _ in range(nblocks - r)]
    signs = [rng.choice((1, -1)) if signed else 1 for _ in range(m)]
    outgoing: list = [None] * m
    for b in range(nblocks):
        members = [j for j in range(m) if assign[j] == b]
        if with_zero and b == nblocks - 1 and cls.zero_at_origin:  # dead neurons: a_j free
            for j in members:
                outgoing[j] = [rand() for _ in range(q)]
            continue
        weight = [signs[j] if cls.signs == "odd" else 1 for j in members]
        vals = [[rand() for _ in range(q)] for _ in members[:-1]]
        rest = [targets[b][l] - sum(c * row[l] for c, row in zip(weight, vals, strict=False)) for l in range(q)]
        vals.append([x / weight[-1] for x in rest])
        for j, row in zip(members, vals, strict=True):
            outgoing[j] = row
    coordinates = [s * x for j in range(m) for s, x in zip([signs[j]] * d, vectors[assign[j]], strict=True)]
    coordinates += [x for j in range(m) for x in outgoing[j]]
    return tuple(coordinates)


def which_subspaces(point, teacher: Teacher, m, zero_type: str = GROUPS.name, activation=None) -> list:
    """Labels of the enumerated global-minimum subspaces (any registered reading ``zero_type``, of the class of
    ``activation``; default generic) containing ``point``."""
    check_instance(teacher, Teacher, "teacher")
    point = check_sequence(point, "point")
    return [s.label for s in global_minimum_subspaces(teacher, m, zero_type, activation=activation)
            if s.contains(point)]


def locate_label(point, teacher: Teacher, m, zero_type: str = GROUPS.name):
    r"""The label of a global-minimum subspace containing ``point``, found from the point itself; ``None`` if none.

    Without enumerating the :math:`T(r,m)` subspaces: neuron :math:`j` gets
    label :math:`i` if :math:`w_j=w^*_i`; the other neurons are grouped by
    equal incoming vectors, a group of one being a zero-type neuron (label 0)
    and, in the groups reading, a larger group a zero-sum group.  If
    ``point`` lies in some :math:`\Gamma_h` it lies in this
    :math:`\Gamma_g`: a block of :math:`h` shares one vector, so it lies
    inside one class of :math:`g`, and the sums of outgoing weights add up
    (zero-type blocks parked on a teacher vector add 0 to :math:`a^*_i`).  So
    ``None`` means no subspace of the reading contains ``point`` (the tests
    compare with :func:`which_subspaces` on every sampled point).

    >>> t = Teacher([1], [2])
    >>> locate_label((1, 5, 1, 1, 0, 1), t, 3, "R1")
    (1, 0, 1)
    """
    check_instance(teacher, Teacher, "teacher")
    point = check_sequence(point, "point")
    reading = get_reading(zero_type, GENERIC, family=GLOBAL_MINIMUM)
    zero_type = reading.name
    m = check_width(m, "m", minimum=teacher.width)
    d, q, r = teacher.input_dim, teacher.output_dim, teacher.width
    from .linalg import to_fraction

    values = [to_fraction(v) for v in point]
    if len(values) != m * (d + q):
        raise ArgumentValueError(f"point must have m (d + d_out) = {m * (d + q)} entries, got {len(values)}")
    teacher_w = {tuple(Fraction(int(v.p), int(v.q)) for v in w): i for i, w in enumerate(teacher.incoming, 1)}
    w = [tuple(values[j * d:(j + 1) * d]) for j in range(m)]
    a = [tuple(values[m * d + j * q: m * d + (j + 1) * q]) for j in range(m)]
    classes: dict[tuple, list] = {}
    for j in range(m):
        if w[j] not in teacher_w:
            classes.setdefault(w[j], []).append(j)
    label = [teacher_w.get(w[j], 0) for j in range(m)]
    group = 0
    for members in classes.values():
        if len(members) == 1 or not reading.has_groups:
            if any(any(a[j]) for j in members):
                return None  # a zero-type neuron needs a_j = 0
            continue
        group += 1
        for j in members:
            label[j] = -group
    from .labellings import canonical_groups, is_global_minimum_labelling

    found = canonical_groups(tuple(label))
    if not is_global_minimum_labelling(found, r, zero_type):
        return None
    return found if global_minimum_subspace(teacher, found, zero_type).contains(values) else None


def certify_completeness(teacher: Teacher, m, zero_type: str = GROUPS.name, samples: int = 20, seed: int = 0,
                         subspaces=None, activation=None) -> Certificate:
    r"""Random zero-loss points (:func:`random_zero_loss_point`, same reading) lie in enumerated subspaces.

    Each sampled point is first checked to compute the teacher's function
    exactly (the undefined :math:`\sigma` of the class of ``activation``,
    default generic), then located with the enumerated subspaces of the
    reading ``zero_type`` (any registered global-minimum reading) of that
    class, or, without ``subspaces`` in the generic singletons and groups
    readings, directly by :func:`locate_label` (no enumeration of all
    :math:`T(r,m)` subspaces).  Holds iff every point lies in at least one.

    >>> print(certify_completeness(Teacher([1, 2], [1, -1]), 4, "R2", samples=5, activation="tanh"))
    completeness: holds: 5 random zero-loss points (R2 conditions) each lie in an enumerated subspace
    (sigma of the odd class)
    """
    check_instance(teacher, Teacher, "teacher")
    m = check_width(m, "m", minimum=teacher.width)
    cls = _class_of(activation)
    reading = get_reading(zero_type, cls, family=GLOBAL_MINIMUM)
    zero_type = reading.name
    samples = check_int(samples, "samples", 1, 100_000)
    rng = random.Random(seed)
    class_arg = None if cls == GENERIC else cls
    if subspaces is not None:
        subs = list(subspaces)
    elif class_arg is None and zero_type in ZERO_TYPES:
        subs = None  # located point by point (locate_label): the cost does not grow with T(r, m)
    else:
        subs = list(global_minimum_subspaces(teacher, m, zero_type, activation=class_arg))
    net = _class_network(m, teacher.input_dim, teacher.output_dim, cls)
    f_r = teacher.function(class_arg)
    found = []
    missing = []
    for _ in range(samples):
        pt = random_zero_loss_point(teacher, m, zero_type, rng, activation=class_arg)
        f = net.function(pt)
        if any(sympy.expand(a - b) != 0 for a, b in zip(_components(f), _components(f_r))):
            raise AssertionError("random_zero_loss_point built a point of non-zero loss")  # pragma: no cover
        if subs is None:
            located = locate_label(pt, teacher, m, zero_type)
            labels = [] if located is None else [located]
        else:
            labels = [s.label for s in subs if s.contains(pt)]
        found.append((pt, labels))
        if not labels:
            missing.append(pt)
    holds = not missing
    short = reading.short_name
    statement = (
        f"{samples} random zero-loss points ({short} conditions) each lie in an enumerated subspace"
        if holds else f"{len(missing)} of {samples} zero-loss points lie in no enumerated {short} subspace"
    ) + _in_class(cls)
    lines = [rf"\text{{point {k + 1}}} &\in \Gamma_{{({', '.join(map(str, labels[0]))})}}" if labels
             else rf"\text{{point {k + 1}}} &\notin \Theta" for k, (_, labels) in enumerate(found[:5])]
    return Certificate("completeness", holds, statement, None, lines,
                       {"points": found, "missing": missing, "activation_class": cls})


# ---------------------------------------------------------------------------
# run everything


@dataclass
class Summary:
    """Counts of certificates that held / failed, by name."""

    held: dict = field(default_factory=dict)
    failed: dict = field(default_factory=dict)

    def add(self, cert: Certificate):
        bucket = self.held if cert.holds else self.failed
        bucket[cert.name] = bucket.get(cert.name, 0) + 1

    @property
    def ok(self) -> bool:
        return not self.failed

    def __str__(self):
        total = sum(self.held.values()) + sum(self.failed.values())
        parts = ", ".join(f"{k} {self.held.get(k, 0)}/{self.held.get(k, 0) + self.failed.get(k, 0)}"
                          for k in sorted(set(self.held) | set(self.failed)))
        verdict = "ALL HOLD" if self.ok else f"{sum(self.failed.values())} FAILED"
        return f"{verdict}: {total - sum(self.failed.values())}/{total} certificates hold ({parts})"


#: Other names :func:`verify_all` accepts for a family (``"global"``: the name the command line uses).
FAMILY_ALIASES = {"global": GLOBAL_MINIMUM}


def verify_all(teacher: Teacher, m, family: str = GLOBAL_MINIMUM, zero_type: str = DEFAULT_ZERO_TYPE,
               samples: int = 10, limit=None, seed: int = 0, activation=None):
    r"""Yield every certificate for one family of subspaces, streaming.

    ``family`` is :data:`~symbolic_minima.readings.GLOBAL_MINIMUM` (or
    ``"global"``): function identity for each global-minimum subspace of the
    reading ``zero_type``, then maximality, then completeness (same reading).
    :data:`~symbolic_minima.readings.CRITICAL`: criticality for each critical
    subspace of ``teacher`` (used as the critical point), zero-type
    non-criticality for each global-minimum labelling with zero-type neurons
    built around it (reading ``zero_type``), then maximality.  ``limit``
    caps the per-subspace certificates.

    ``activation`` (class or activation name; default generic) runs them for
    an activation class: its subspaces and its undefined :math:`\sigma`; the
    teacher must be irreducible for the class.  In the critical family the
    class's negative cases follow the zero-type ones: dead neurons
    (:func:`certify_dead_noncriticality`, classes with :math:`\sigma(0)=0`
    whose critical family has no dead role: ``zero-at-origin``, ``odd``) and
    neurons at the origin (:func:`certify_origin_noncriticality`, the
    ``even`` class, :math:`\sigma(0)\neq0`).  The generic class yields what it
    always did.

    >>> from symbolic_minima.readings import CRITICAL
    >>> [str(c) for c in verify_all(Teacher([1], [2]), 2, CRITICAL)][-1]
    'maximality: holds: none of the 1 subspaces contains another'
    >>> [c.name for c in verify_all(Teacher([1], [2]), 2, CRITICAL, activation="tanh")][-3:]
    ['dead_noncriticality', 'dead_noncriticality', 'maximality']
    """
    if not isinstance(family, str):
        raise ArgumentTypeError(f"family must be {GLOBAL_MINIMUM!r} or {CRITICAL!r}, got {type(family).__name__}")
    family = FAMILY_ALIASES.get(family, family)
    if family not in (GLOBAL_MINIMUM, CRITICAL):
        raise ArgumentValueError(
            f"family must be {GLOBAL_MINIMUM!r} (or 'global') or {CRITICAL!r}, got {shorten(family)}")
    cls = _class_of(activation)
    class_arg = None if cls == GENERIC else cls
    zero_type = get_reading(zero_type, cls, family=GLOBAL_MINIMUM).name
    if class_arg is not None:
        check_irreducible(teacher, cls)
    if not isinstance(teacher, Teacher):
        raise ArgumentTypeError(f"teacher must be a Teacher or CriticalPoint, got {type(teacher).__name__}")
    m = check_width(m, "m", minimum=teacher.width)
    limit = None if limit is None else check_int(limit, "limit", 0, 10**12)
    samples = check_int(samples, "samples", 0, 100_000)
    if class_arg is None:  # the cost model counts the generic subspaces (T, G)
        from .budget import verify_estimate
        from .counting import G, T

        total = G(teacher.width, m) if family == CRITICAL else T(teacher.width, m, zero_type=zero_type)
        verify_estimate(teacher.width, m, teacher.input_dim, teacher.output_dim,
                        total if limit is None else min(limit, total), family == CRITICAL,
                        samples if family == GLOBAL_MINIMUM else 0).check()
    return _verify_all(teacher, m, family, zero_type, samples, limit, seed, cls, class_arg)


def _verify_all(teacher, m, family, zero_type, samples, limit, seed, cls, class_arg):
    seen = []
    if family == GLOBAL_MINIMUM:
        for k, s in enumerate(global_minimum_subspaces(teacher, m, zero_type, activation=class_arg)):
            if limit is not None and k >= limit:
                break
            seen.append(s)
            yield certify_function_identity(s, teacher)
        yield certify_maximality(seen)
        if samples:
            yield certify_completeness(teacher, m, zero_type, samples=samples, seed=seed,
                                       subspaces=seen if limit is None else None, activation=class_arg)
        return
    cp = teacher if isinstance(teacher, CriticalPoint) else CriticalPoint.from_teacher(teacher)
    for k, s in enumerate(critical_subspaces(cp, m, activation=class_arg)):
        if limit is not None and k >= limit:
            break
        seen.append(s)
        yield certify_criticality(s, cp)
    count = 0
    for s in global_minimum_subspaces(cp, m, zero_type, activation=class_arg):
        if s.label.zero_type_neurons():
            if limit is not None and count >= limit:
                break
            count += 1
            yield certify_zero_type_noncriticality(s, cp)
    if class_arg is not None:
        for kind, certify in _negative_checks(cls):
            count = 0
            for s in subspaces_of(noncritical_reading(cls, kind), cp, m):
                if s.label is not None and NONCRITICAL_KINDS[kind] in s.label:
                    if limit is not None and count >= limit:
                        break
                    count += 1
                    yield certify(s, cp)
    yield certify_maximality(seen)


def _negative_checks(cls_name: str) -> list:
    r"""``[(kind, certificate)]``: the free neurons class ``cls_name`` makes non-critical.

    (See the mathematical reference, 'Activation classes'.)

    Dead neurons where :math:`\sigma(0)=0` but the critical family has no dead role
    (:math:`\sigma'(0)\neq0`); neurons at the origin where :math:`\sigma(0)\neq0`.
    """
    cls = activation_class(cls_name)
    critical = critical_reading(cls.name)
    if cls.zero_at_origin:
        has_dead = any(role.marker == "d" for role in critical.free_roles)
        return [] if has_dead else [("dead", certify_dead_noncriticality)]
    return [("origin", certify_origin_noncriticality)]
