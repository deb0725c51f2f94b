r"""The counts :math:`T` and :math:`G` as sympy functions: exact on integers, unevaluated on symbols.

A sympy user expects :math:`T(r, m)` to behave like ``binomial`` or
``stirling``: integers give the exact value (a sympy ``Integer``), symbols
give an unevaluated function that prints in LaTeX, rewrites to its explicit
sum or to its Stirling closed form, and can be substituted later.  One
function class per registered reading:

==================  =====================================  ===================================
class               value on integers                      LaTeX
==================  =====================================  ===================================
:class:`TSingletons`  :math:`T_{R1}(r,m)` (reading R1)        :math:`T_{\mathrm{R1}}(r, m)`
:class:`TGroups`      :math:`T_{R2}(r,m)` (reading R2)        :math:`T_{\mathrm{R2}}(r, m)`
:class:`GCritical`    :math:`G(r,m)=r!\,S(m,r)`               :math:`G(r, m)`
==================  =====================================  ===================================

and :func:`T_function` / :func:`G_function` give the class of any registered
reading and activation class (e.g. ``T_function("R1", "odd")`` prints as
:math:`T^{\mathrm{odd}}_{\mathrm{R1}}(r, m)`).  :func:`symbolic_minima.counting.T`
and :func:`~symbolic_minima.counting.G` return these functions when an
argument is symbolic, and Python ints, exactly as before, when both are
integers.

Values come from :func:`symbolic_minima.counting.count_subspaces` (the same
routes as ``T`` and ``G``); :math:`m<r` gives 0 (no label uses all :math:`r`
teacher labels).  The rewrites are the derived closed forms of
:func:`symbolic_minima.counting.closed_form` with :math:`r, m` substituted:
``.rewrite(sympy.Sum)`` (alias ``"sum"``), ``.rewrite(StirlingS2)`` (alias
``"stirling"``) and ``.rewrite("convolution")``; :meth:`SubspaceCount.closed_form`
takes the form by name.  Text arguments are refused at any depth
(:func:`~symbolic_minima.errors.refuse_text`) before sympy could parse them.

>>> import sympy
>>> from symbolic_minima import T, G
>>> r, m = sympy.symbols("r m", integer=True, positive=True)
>>> T(r, m)
T_R1(r, m)
>>> T(r, m).subs({r: 3, m: 5}), T(3, 5)
(390, 390)
>>> sympy.latex(T(r, m, zero_type="R2")), sympy.latex(G(r, m))
('T_{\\mathrm{R2}}\\left(r, m\\right)', 'G\\left(r, m\\right)')
>>> T(r, m).rewrite(sympy.Sum)
Sum((-1)**(-_j + r)*(_j + 1)**m*binomial(r, _j), (_j, 0, r))
>>> G(r, m).rewrite("stirling")
StirlingS2(m, r)*factorial(r)
>>> T(2, m).rewrite(sympy.Sum).subs(m, 4).doit(), T(2, 4)
(50, 50)
"""

from __future__ import annotations

import sympy

from .errors import ArgumentTypeError, ArgumentValueError, check_width, refuse_text
from .readings import (
    CRITICAL,
    CRITICAL_READING,
    DEFAULT_ZERO_TYPE,
    GENERIC,
    GLOBAL_MINIMUM,
    GROUPS,
    SINGLETONS,
    Reading,
    critical_reading,
    get_reading,
)

__all__ = [
    "SubspaceCount",
    "TSingletons",
    "TGroups",
    "GCritical",
    "T_function",
    "G_function",
    "symbolic_count",
]

#: The forms :meth:`SubspaceCount.closed_form` accepts (those of :func:`symbolic_minima.counting.closed_form`
#: that are equal to the count; ``"egf"`` is its generating function, not its value).
_FORMS = ("stirling", "sum", "convolution")


class SubspaceCount(sympy.Function):
    r"""The number of labels (subspaces) of one registered reading, as a sympy function of :math:`(r, m)`.

    Subclasses set :attr:`reading_name` (a registered reading) and
    :attr:`activation_class`; use :class:`TSingletons`, :class:`TGroups`,
    :class:`GCritical`, or :func:`T_function` / :func:`G_function` for any
    registered reading.

    Parameters
    ----------
    r : int or sympy expression
        Teacher width (:math:`T`) or narrower width (:math:`G`); an integer
        :math:`\ge 1` or a symbolic expression.
    m : int or sympy expression
        Student width; an integer :math:`\ge 0` or a symbolic expression.

    Returns
    -------
    sympy.Integer or SubspaceCount
        The exact count when both arguments are integers (0 when :math:`m<r`),
        else the unevaluated function.

    Raises
    ------
    ArgumentTypeError
        An argument is text (at any depth), a bool, or a non-integer number.
    ArgumentValueError
        An integer argument lies outside :math:`1\le r`, :math:`0\le m\le` ``MAX_WIDTH``.

    Examples
    --------
    >>> import sympy
    >>> m = sympy.Symbol("m", integer=True, positive=True)
    >>> TGroups(1, m)
    T_R2(1, m)
    >>> TGroups(1, 3), TGroups(3, 2), GCritical(2, 4)
    (10, 0, 14)
    >>> TSingletons("3", 5)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: r must not contain text (str or bytes); got str
    """

    nargs = 2
    #: The registered reading counted (name or alias).
    reading_name: str = DEFAULT_ZERO_TYPE
    #: The activation class of the reading.
    activation_class: str = GENERIC
    #: The reading's family: ``GLOBAL_MINIMUM`` (:math:`T`) or ``CRITICAL`` (:math:`G`).
    family: str = GLOBAL_MINIMUM

    def __new__(cls, *args, **kwargs):
        # sympy would sympify (parse) text arguments: refuse them first, at any depth
        for name, value in zip(("r", "m"), args, strict=False):
            refuse_text(value, name)
            if isinstance(value, bool) or not isinstance(value, (int, sympy.Basic)):
                raise ArgumentTypeError(f"{name} must be an integer or a sympy expression, got "
                                        f"{type(value).__name__} {value!r:.60}")
        return super().__new__(cls, *args, **kwargs)

    @classmethod
    def reading(cls) -> Reading:
        """The registered :class:`~symbolic_minima.readings.Reading` this function counts.

        Returns
        -------
        Reading
            Looked up in the registry (name, activation class and family).

        Examples
        --------
        >>> TGroups.reading().short_name, GCritical.reading().name
        ('R2', 'critical')
        """
        return get_reading(cls.reading_name, cls.activation_class, family=cls.family)

    @classmethod
    def eval(cls, r, m):
        for name, value in (("r", r), ("m", m)):
            if value.is_number and not value.is_Integer:
                raise ArgumentTypeError(f"{name} must be an integer or a symbolic expression, got {value}")
        if not (r.is_Integer and m.is_Integer):
            return None
        from .counting import count_subspaces

        r_int = check_width(int(r), "r")
        m_int = check_width(int(m), "m", minimum=0)
        if m_int < r_int:
            return sympy.Integer(0)
        return sympy.Integer(count_subspaces(cls.reading(), r_int, m_int))

    # ------------------------------------------------------------------ assumptions

    def _eval_is_integer(self):
        return True

    def _eval_is_nonnegative(self):
        return True

    # ------------------------------------------------------------------ closed forms

    def closed_form(self, form: str = "stirling"):
        r"""This count rewritten as a derived closed form, at its own arguments.

        Parameters
        ----------
        form : {"stirling", "sum", "convolution"}
            ``"stirling"``: Stirling numbers (:math:`r!\,S(m+1,r+1)` for R1);
            ``"sum"``: the explicit (alternating) sum; ``"convolution"``: the
            sum over the zero-type neurons (:math:`T` only).

        Returns
        -------
        sympy.Expr
            :func:`symbolic_minima.counting.closed_form` with :math:`r, m`
            replaced by the arguments; summation variables are fresh dummies.

        Raises
        ------
        ArgumentValueError
            The form is unknown or not derived for this reading.

        Examples
        --------
        >>> import sympy
        >>> r, m = sympy.symbols("r m", integer=True, positive=True)
        >>> TSingletons(r, m).closed_form()
        StirlingS2(m + 1, r + 1)*factorial(r)
        >>> TGroups(r, 4).closed_form("stirling").subs(r, 2).doit(), TGroups(2, 4)
        (62, 62)
        """
        from .errors import check_choice

        form = check_choice(form, "form", _FORMS)
        return _instantiated_form(type(self), form, *self.args)

    def _eval_rewrite_as_Sum(self, r, m, **kwargs):
        return _instantiated_form(type(self), "sum", r, m)

    _eval_rewrite_as_sum = _eval_rewrite_as_Sum

    def _eval_rewrite_as_StirlingS2(self, r, m, **kwargs):
        return _rewrite_or_none(type(self), "stirling", r, m)

    _eval_rewrite_as_stirling = _eval_rewrite_as_StirlingS2

    def _eval_rewrite_as_convolution(self, r, m, **kwargs):
        return _rewrite_or_none(type(self), "convolution", r, m)

    # ------------------------------------------------------------------ printing

    @classmethod
    def _base_name(cls) -> tuple[str, str]:
        """``(text, latex)`` of the function's name, e.g. ``("T_R1", "T_{\\mathrm{R1}}")``."""
        reading = cls.reading()
        cls_text = "" if cls.activation_class == GENERIC else f"[{cls.activation_class}]"
        cls_tex = "" if cls.activation_class == GENERIC else r"^{\mathrm{%s}}" % cls.activation_class
        if cls.family == CRITICAL:
            return "G" + cls_text, "G" + cls_tex
        return f"T_{reading.short_name}{cls_text}", r"T%s_{\mathrm{%s}}" % (cls_tex, reading.short_name)

    def _latex(self, printer, exp=None):
        arguments = ", ".join(printer._print(arg) for arg in self.args)
        tex = r"%s\left(%s\right)" % (self._base_name()[1], arguments)
        return tex if exp is None else r"%s^{%s}" % (tex, exp)

    def _sympystr(self, printer):
        return "%s(%s)" % (self._base_name()[0], ", ".join(printer._print(arg) for arg in self.args))


def _instantiated_form(cls, form: str, r, m):
    from .counting import _closed_form, _symbol

    expr = _closed_form(cls.reading(), form)
    bound = {}
    for limits in (s.limits for s in expr.atoms(sympy.Sum)):
        for variable, *_ in limits:
            bound[variable] = sympy.Dummy(variable.name, **variable.assumptions0)
    return expr.xreplace(bound).xreplace({_symbol("r"): r, _symbol("m"): m})


def _rewrite_or_none(cls, form: str, r, m):
    try:
        return _instantiated_form(cls, form, r, m)
    except ArgumentValueError:  # not derived for this reading: sympy leaves the function unchanged
        return None


class TSingletons(SubspaceCount):
    r""":math:`T_{R1}(r, m)`: global-minimum subspaces, reading R1 (zero-type neurons are single neurons).

    Parameters
    ----------
    r : int or sympy expression
        Teacher width.
    m : int or sympy expression
        Student width.

    Returns
    -------
    sympy.Integer or TSingletons
        :math:`r!\,S(m+1,r+1)` on integers, else unevaluated.

    Examples
    --------
    >>> import sympy
    >>> TSingletons(3, 5)
    390
    >>> r, m = sympy.symbols("r m", integer=True, positive=True)
    >>> sympy.latex(TSingletons(r, m + 1))
    'T_{\\mathrm{R1}}\\left(r, m + 1\\right)'
    """

    reading_name = SINGLETONS.name


class TGroups(SubspaceCount):
    r""":math:`T_{R2}(r, m)`: global-minimum subspaces, reading R2 (zero-sum groups of zero-type neurons).

    Parameters
    ----------
    r : int or sympy expression
        Teacher width.
    m : int or sympy expression
        Student width.

    Returns
    -------
    sympy.Integer or TGroups
        :math:`\sum_k k^{\underline r}S(m,k)` on integers, else unevaluated.

    Examples
    --------
    >>> import sympy
    >>> r, m = sympy.symbols("r m", integer=True, positive=True)
    >>> TGroups(3, 5), TGroups(r, m).rewrite("stirling")
    (450, Sum(FallingFactorial(_k, r)*StirlingS2(m, _k), (_k, r, m)))
    """

    reading_name = GROUPS.name


class GCritical(SubspaceCount):
    r""":math:`G(r, m)=r!\,S(m,r)`: symmetry-induced critical subspaces (surjections :math:`[m]\to[r]`).

    Parameters
    ----------
    r : int or sympy expression
        Width of the narrower critical point.
    m : int or sympy expression
        Student width.

    Returns
    -------
    sympy.Integer or GCritical
        :math:`r!\,S(m,r)` on integers, else unevaluated.

    Examples
    --------
    >>> import sympy
    >>> m = sympy.Symbol("m", integer=True, positive=True)
    >>> GCritical(3, 5), GCritical(2, m).rewrite(sympy.Sum).subs(m, 4).doit()
    (150, 14)
    """

    reading_name = CRITICAL_READING.name
    family = CRITICAL


_BUILT_IN = {(GENERIC, cls.reading_name): cls for cls in (TSingletons, TGroups, GCritical)}
_MADE: dict = {}


def _function_class(reading: Reading) -> type:
    key = (reading.activation_class, reading.name)
    if key in _BUILT_IN:
        return _BUILT_IN[key]
    if key not in _MADE:
        stem = "G" if reading.is_critical else "T"
        name = f"{stem}_{reading.short_name}_{reading.activation_class}".replace("-", "_")
        _MADE[key] = type(name, (SubspaceCount,), {
            "reading_name": reading.name, "activation_class": reading.activation_class, "family": reading.family,
            "__doc__": f"The count of reading {reading.short_name} ({reading.name!r}) in activation class "
                       f"{reading.activation_class!r}, as a sympy function (see :class:`SubspaceCount`).",
            "__module__": __name__,
        })
    return _MADE[key]


def T_function(zero_type=DEFAULT_ZERO_TYPE, activation_class=GENERIC) -> type:
    r"""The sympy function class of :math:`T` in one reading and activation class.

    Parameters
    ----------
    zero_type : str or Reading
        A registered global-minimum reading: name or alias (``"R1"``, ``"R2"``, ...).
    activation_class : str
        An activation class or activation name (``"generic"``, ``"odd"``, ``"tanh"``, ...).

    Returns
    -------
    type
        A subclass of :class:`SubspaceCount` (:class:`TSingletons` and
        :class:`TGroups` for the generic class; one class per reading otherwise,
        made once).

    Examples
    --------
    >>> import sympy
    >>> T_function("R2") is TGroups
    True
    >>> r, m = sympy.symbols("r m", integer=True, positive=True)
    >>> T_odd = T_function("R1", "tanh")
    >>> T_odd(r, m), sympy.latex(T_odd(r, m))
    (T_R1[odd](r, m), 'T^{\\mathrm{odd}}_{\\mathrm{R1}}\\left(r, m\\right)')
    """
    return _function_class(get_reading(zero_type, activation_class, family=GLOBAL_MINIMUM))


def G_function(activation_class=GENERIC) -> type:
    r"""The sympy function class of :math:`G` (the critical reading) in one activation class.

    Parameters
    ----------
    activation_class : str
        An activation class or activation name.

    Returns
    -------
    type
        :class:`GCritical` for the generic class, else that class's critical reading.

    Examples
    --------
    >>> G_function() is GCritical
    True
    """
    return _function_class(critical_reading(activation_class))


def symbolic_count(quantity: str, r, m, zero_type=None, activation_class=GENERIC, method: str = "auto"):
    r"""``T`` or ``G`` at symbolic arguments: the unevaluated function (:func:`~symbolic_minima.counting.T` returns it).

    Parameters
    ----------
    quantity : {"T", "G"}
        Which count.
    r, m : sympy expressions
        The arguments (integers evaluate).
    zero_type : str, optional
        The reading of ``T`` (default R1); must be ``None`` for ``G``.
    activation_class : str
        The activation class.
    method : str
        Must be ``"auto"``: a route applies to integer arguments only.

    Returns
    -------
    SubspaceCount or sympy.Integer
        The function applied to ``(r, m)``.

    Raises
    ------
    ArgumentValueError
        ``method`` is not ``"auto"``, or ``zero_type`` is given for ``G``.

    Examples
    --------
    >>> import sympy
    >>> symbolic_count("T", sympy.Symbol("r"), 5, "R2")
    T_R2(r, 5)
    """
    from .errors import check_choice

    quantity = check_choice(quantity, "quantity", ("T", "G"))
    if method != "auto":
        raise ArgumentValueError(f"method applies to integer arguments only; got method={method!r} with "
                                 f"symbolic arguments ({quantity}({r}, {m}))")
    if quantity == "G":
        if zero_type is not None:
            raise ArgumentValueError("zero_type applies to T only; G has no reading")
        return G_function(activation_class)(r, m)
    return T_function(zero_type or DEFAULT_ZERO_TYPE, activation_class)(r, m)
