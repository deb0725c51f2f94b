r"""Leading terms of :math:`T` and :math:`G`, derived from their generating functions.

Two regimes (symbols :data:`~symbolic_minima.counting.r_sym`,
:data:`~symbolic_minima.counting.m_sym`, :data:`h_sym`):

**Fixed r, m → ∞** (``regime="fixed_r"``).  For an EGF that is a finite sum of
exponentials :math:`\sum_b w_b e^{bx}` the count is :math:`\sum_b w_b b^m`,
dominated by the largest base: :func:`~symbolic_minima.species.closed_form_coefficient`
gives :math:`\sum_{j}(-1)^{r-j}\binom rj (j+a)^m`, whose :math:`j=r` term is
:math:`T_{R1}\sim(r+1)^m` and :math:`G\sim r^m` (relative error
:math:`O(r\,(r/(r+1))^m)`, exponentially small).

Reading R2 has no largest base (the Dobinski series of :math:`e^{e^x-1}`
runs over all :math:`e^{ix}`).  Instead: :math:`\frac{d^r}{dx^r}e^{e^x-1}`
is the EGF of :math:`B_{m+r}`, and expanding it in :math:`y=e^x-1`,

.. math:: \frac{d^r}{dx^r}e^{e^x-1}=\sum_{l=0}^{r}c_{r,l}\,y^l e^{y},\qquad
          c_{r,l}=\sum_k S(r,k)\binom kl,\quad c_{r,r}=1,

so :math:`B_{m+r}=\sum_l c_{r,l}T_{R2}(l,m)` exactly, and since
:math:`T_{R2}(l,m)/T_{R2}(l+1,m)=O(\log m/m)`,
:math:`T_{R2}(r,m)\sim B_{m+r}` (relative error :math:`O(r^2\log m/m)`).

**Fixed h, r → ∞** (``regime="fixed_h"``, :math:`m=r+h`).
:math:`T(r,r+h)/r!` and :math:`G(r,r+h)/r!` are polynomials in :math:`r` of
degree :math:`2h` (:func:`T_polynomial`, :func:`G_polynomial`: derived by
exact interpolation and checked at extra points); their common leading term
comes from the structures whose non-singleton blocks are :math:`h` pairs,
:math:`\binom{r}{2h}(2h-1)!!\sim r^{2h}/(2^h h!)`, so

.. math:: T_{R1}(r,r+h)\sim T_{R2}(r,r+h)\sim G(r,r+h)\sim r!\,\frac{r^{2h}}{2^h\,h!},

and the mild-overparameterization ratio (mathematical reference, 'Mild versus vast overparameterization') is
:math:`G(r^*-1,r^*+h)/T(r^*,r^*+h)\sim r^*/(2(h+1))` (:func:`comparison_asymptotic`).

**Activation classes** (``activation=``): with the EGF
:math:`e^{ax}(e^{cx}-1)^r\exp(\gamma(e^{cx}-1))` of the class's reading
(:data:`~symbolic_minima.counting.CLASS_SHAPES`), fixed r gives
:math:`(cr+a)^m` when :math:`\gamma=0` (odd R1 :math:`(2r+2)^m`); the
zero-at-origin groups reading, :math:`T=T_{R2}(r+1,m)+T_{R2}(r,m)`, gives
:math:`B_{m+r+1}`; no fixed-r leading term is derived here for the groups
readings of the sign classes.  Fixed h: :math:`T(r,r+h)=c^r(r+h)!\,P_h(r)`
with :math:`P_h=\sum_{k\le h}\binom rk[x^h]g^kF_{\mathrm{free}}`
(:math:`e^{cx}-1=cx(1+g)`, proved by the class proofs), whose top term comes
from :math:`k=h` and :math:`g=\tfrac c2x+\dots`:
:math:`T(r,r+h)\sim c^{r+h}\,r!\,r^{2h}/(2^hh!)`.

>>> T_asymptotic(activation="tanh"), G_asymptotic(regime="fixed_h", activation="odd")
((2*r + 2)**m, 2**(h + r)*r**(2*h)*factorial(r)/(2**h*factorial(h)))
>>> T_asymptotic()
(r + 1)**m
>>> T_asymptotic("R2")
bell(m + r)
>>> G_asymptotic(regime="fixed_h")
r**(2*h)*factorial(r)/(2**h*factorial(h))
>>> T_polynomial(1)
r**2/2 + 3*r/2 + 1
>>> asymptotic_ratio("T", 3, 60) < 1
True
"""

from __future__ import annotations

from fractions import Fraction
from math import factorial

import sympy
from sympy import Symbol

from .counting import G, T, _stirling_shape, bell_numbers, closed_form, m_sym, r_sym
from .errors import ArgumentValueError, check_choice, check_int
from .readings import DEFAULT_ZERO_TYPE, GENERIC, GLOBAL_MINIMUM, Reading, check_rm, critical_reading, get_reading

__all__ = [
    "h_sym",
    "REGIMES",
    "T_asymptotic",
    "G_asymptotic",
    "T_polynomial",
    "G_polynomial",
    "asymptotic_ratio",
    "comparison_asymptotic",
    "bell_derivative_coefficients",
]

#: ``h = m - r`` in the fixed-h regime.
h_sym = Symbol("h", integer=True, nonnegative=True)
REGIMES = ("fixed_r", "fixed_h")
#: Largest ``h`` for the exact polynomials (interpolation at 2h + 3 points).
MAX_POLYNOMIAL_H = 60


def _dominant_exponential(sum_form):
    """The largest-base term of a binomial-expansion closed form (its ``j = r`` summand)."""
    if not isinstance(sum_form, sympy.Sum):
        raise ArgumentValueError("expected a finite sum of exponential terms")
    (j, lo, hi), = sum_form.limits
    return sympy.simplify(sum_form.function.subs(j, hi))


def _fixed_h_leading(quantity, c: int = 1):
    # r! * r^(2h) / (2^h h!): h disjoint pairs among the ~r blocks dominate (times c^(r+h) for blocks e^{cx} - 1)
    lead = sympy.factorial(r_sym) * r_sym ** (2 * h_sym) / (2**h_sym * sympy.factorial(h_sym))
    return lead if c == 1 else c ** (r_sym + h_sym) * lead


def _class_reading(zero_type, activation) -> Reading:
    """The reading of a non-generic class (``zero_type=None``: its critical reading)."""
    if zero_type is None:
        return critical_reading(activation)
    return get_reading(zero_type, activation, family=GLOBAL_MINIMUM)


def _class_shape(reading: Reading):
    from .counting import shape_of_roles

    shape = shape_of_roles(reading)
    assert shape is not None, reading  # every registered class reading has the shape (tests)
    return shape


def _class_fixed_r(reading: Reading):
    """Fixed-r leading term of a class reading (see the module docstring)."""
    shape = _class_shape(reading)
    if not shape.gamma:
        return _dominant_exponential(closed_form("G" if reading.is_critical else "T",
                                                 None if reading.is_critical else reading.name, "sum",
                                                 activation=reading.activation_class))
    if shape.c == 1 and shape.gamma == 1 and shape.a == 1:  # T_R2(r+1, m) + T_R2(r, m) ~ B_{m+r+1}
        return sympy.bell(m_sym + r_sym + 1)
    raise ArgumentValueError(f"no fixed-r leading term is derived for reading {reading.name!r} of the activation "
                             f"class {reading.activation_class!r}")


def T_asymptotic(zero_type: str = DEFAULT_ZERO_TYPE, regime: str = "fixed_r", activation=None):
    r"""Leading term of :math:`T(r, m)` in the named reading and regime (sympy expression).

    ``fixed_r``: for a reading without zero-sum groups the largest exponential
    of the binomial expansion of its EGF (R1: :math:`(r+1)^m`); for free blocks
    of any size (R2) :math:`B_{m+r}`; ``fixed_h``: :math:`r!\,r^{2h}/(2^h h!)`
    in ``r_sym``, ``h_sym``.  ``activation``: the reading of that activation
    class (see the module docstring).
    """
    reading = get_reading(zero_type, activation, family=GLOBAL_MINIMUM)
    regime = check_choice(regime, "regime", REGIMES)
    if reading.activation_class != "generic":
        if regime == "fixed_h":
            return _fixed_h_leading("T", _class_shape(reading).c)
        return _class_fixed_r(reading)
    if regime == "fixed_h":
        return _fixed_h_leading("T")
    if _bell_leading(reading):
        return sympy.bell(m_sym + r_sym)
    return _dominant_exponential(closed_form("T", reading.name, "sum"))


def _bell_leading(reading: Reading) -> bool:
    """Whether the fixed-r leading term is :math:`B_{m+r}` (free blocks of any size), derived above."""
    if not reading.has_groups:
        return False
    if _stirling_shape(reading) is None:
        raise ArgumentValueError(f"no fixed-r leading term is derived for reading {reading.name!r}")
    return True


def G_asymptotic(regime: str = "fixed_r", activation=None):
    r"""Leading term of :math:`G(r, m)`: :math:`r^m` (fixed r) or :math:`r!\,r^{2h}/(2^h h!)` (fixed h).

    ``activation``: the critical reading of that class (odd: :math:`(2r+1)^m`).
    """
    regime = check_choice(regime, "regime", REGIMES)
    if activation is not None and critical_reading(activation).activation_class != GENERIC:
        reading = critical_reading(activation)
        if regime == "fixed_h":
            return _fixed_h_leading("G", _class_shape(reading).c)
        return _class_fixed_r(reading)
    if regime == "fixed_h":
        return _fixed_h_leading("G")
    return _dominant_exponential(closed_form("G", None, "sum"))


def bell_derivative_coefficients(r) -> list:
    r"""``[c_{r,0}, ..., c_{r,r}]`` with :math:`\frac{d^r}{dx^r}e^{e^x-1}=\sum_l c_{r,l}(e^x-1)^l e^{e^x-1}`.

    :math:`c_{r,l}=\sum_k S(r,k)\binom kl`; so :math:`B_{m+r}=\sum_l c_{r,l}\,T_{R2}(l,m)`.

    >>> bell_derivative_coefficients(2)
    [2, 3, 1]
    """
    from math import comb

    from .stirling import stirling2

    r = check_int(r, "r", minimum=0, maximum=1000)
    return [sum(stirling2(r, k) * comb(k, l) for k in range(r + 1)) for l in range(r + 1)]


def _polynomial(values_at, h: int, degree: int):
    points = [(rr, values_at(rr)) for rr in range(1, degree + 2)]
    poly = sympy.expand(sympy.interpolate([(sympy.Integer(a), sympy.Rational(b.numerator, b.denominator)
                                            if isinstance(b, Fraction) else sympy.Integer(b)) for a, b in points],
                                          r_sym))
    for rr in (degree + 2, degree + 7):  # derive, then check
        if poly.subs(r_sym, rr) != values_at(rr):  # pragma: no cover - would be a wrong derivation
            raise AssertionError(f"interpolated polynomial fails at r = {rr}")
    return poly


def T_polynomial(h, zero_type: str = DEFAULT_ZERO_TYPE, activation=None):
    r"""The exact polynomial :math:`P_h(r)=T(r,r+h)/r!` (degree :math:`2h`, valid for all :math:`r\ge1`).

    With ``activation``: :math:`T(r,r+h)/(c^r\,r!)` for the class's replica
    blocks :math:`e^{cx}-1` (degree :math:`\le 2h`, the lemma of the class proofs).

    >>> T_polynomial(2, "R2")
    r**4/8 + 11*r**3/12 + 23*r**2/8 + 49*r/12 + 2
    >>> T_polynomial(1, activation="odd")
    r**2 + 3*r + 2
    """
    h = check_int(h, "h", minimum=0, maximum=MAX_POLYNOMIAL_H)
    reading = get_reading(zero_type, activation, family=GLOBAL_MINIMUM)
    if reading.activation_class != "generic":
        c = _class_shape(reading).c
        return _polynomial(lambda rr: Fraction(T(rr, rr + h, reading.name, activation=reading.activation_class),
                                               c**rr * factorial(rr)), h, 2 * h)
    name = reading.name
    return _polynomial(lambda rr: T(rr, rr + h, zero_type=name) // factorial(rr), h, 2 * h)


def G_polynomial(h, activation=None):
    r"""The exact polynomial :math:`G(r,r+h)/r!=S(r+h,r)` in :math:`r` (degree :math:`2h`).

    With ``activation``: :math:`G(r,r+h)/(c^r\,r!)` of the class.

    >>> G_polynomial(1)
    r**2/2 + r/2
    >>> G_polynomial(1, activation="gaussian")
    r**2 + r
    """
    h = check_int(h, "h", minimum=0, maximum=MAX_POLYNOMIAL_H)
    if activation is not None and critical_reading(activation).activation_class != GENERIC:
        reading = critical_reading(activation)
        c = _class_shape(reading).c
        return _polynomial(lambda rr: Fraction(G(rr, rr + h, activation=reading.activation_class),
                                               c**rr * factorial(rr)), h, 2 * h)
    return _polynomial(lambda rr: G(rr, rr + h) // factorial(rr), h, 2 * h)


def asymptotic_ratio(quantity, r, m, zero_type=None, regime: str = "fixed_r", activation=None) -> Fraction:
    r"""Exact ``value / leading term`` as a :class:`~fractions.Fraction`; tends to 1 in the regime.

    >>> asymptotic_ratio("G", 2, 40)
    Fraction(549755813887, 549755813888)
    >>> float(asymptotic_ratio("T", 3, 60, activation="odd"))
    0.9999999...
    """
    quantity = check_choice(quantity, "quantity", ("T", "G"))
    regime = check_choice(regime, "regime", REGIMES)
    r, m = check_rm(r, m)
    if activation is not None and critical_reading(activation).activation_class != GENERIC:
        if quantity == "G" and zero_type is not None:
            raise ArgumentValueError("zero_type applies to T only; G has no reading")
        class_reading = _class_reading(zero_type or DEFAULT_ZERO_TYPE if quantity == "T" else None, activation)
        cls = class_reading.activation_class
        exact = T(r, m, class_reading.name, activation=cls) if quantity == "T" else G(r, m, activation=cls)
        lead = (T_asymptotic(class_reading.name, regime, cls) if quantity == "T" else G_asymptotic(regime, cls))
        value = lead.subs({r_sym: r, m_sym: m, h_sym: m - r}, simultaneous=True)
        if isinstance(value, sympy.bell):
            value = bell_numbers(int(value.args[0]))[-1]
        value = sympy.Rational(value)
        return Fraction(exact) / Fraction(int(value.p), int(value.q))
    reading = None
    if quantity == "T":
        reading = get_reading(zero_type or DEFAULT_ZERO_TYPE, family=GLOBAL_MINIMUM)
        exact = T(r, m, zero_type=reading.name)
    else:
        if zero_type is not None:
            raise ArgumentValueError("zero_type applies to T only; G has no reading")
        exact = G(r, m)
    if regime == "fixed_h":
        h = m - r
        # r! r^(2h) / (2^h h!)
        return Fraction(exact * 2**h * factorial(h), factorial(r) * r ** (2 * h))
    if reading is None:
        return Fraction(exact, r**m)
    if _bell_leading(reading):
        return Fraction(exact, bell_numbers(m + r)[-1])
    leading = T_asymptotic(reading.name).subs({r_sym: r, m_sym: m}, simultaneous=True)
    return Fraction(exact, int(leading))


def comparison_asymptotic(comparison: str = "previous"):
    r"""Leading term of the mild/vast ratios for fixed :math:`h`, :math:`r^*\to\infty`: :math:`r^*/(2(h+1))`.

    (See the mathematical reference, 'Mild versus vast overparameterization'.)

    Derived from the fixed-h leading terms:
    :math:`G(r-1,(r-1)+(h+1))/T(r,r+h)\sim \frac{(r-1)!\,(r-1)^{2h+2}/(2^{h+1}(h+1)!)}{r!\,r^{2h}/(2^hh!)}`.
    The same for ``"sum"`` and ``"max"`` (their other terms are :math:`O(1/r^*)` smaller),
    and for both readings (same fixed-h leading term).

    >>> comparison_asymptotic()
    r/(2*(h + 1))
    """
    check_choice(comparison, "comparison", ("previous", "sum", "max"))
    lead = _fixed_h_leading("G")
    g_prev = lead.subs({r_sym: r_sym - 1, h_sym: h_sym + 1}, simultaneous=True)
    ratio = sympy.combsimp(g_prev / _fixed_h_leading("T"))
    # (r-1)^(2h+2)/r^(2h+1) -> r as r -> oo
    leading = sympy.limit(ratio / r_sym, r_sym, sympy.oo) * r_sym
    return sympy.simplify(leading)
