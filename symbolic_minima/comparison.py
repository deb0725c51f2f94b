r"""Mild versus vast overparameterization (SPEC §5): critical subspaces against global-minimum subspaces.

For a minimal width :math:`r^*` and :math:`m=r^*+h`, the number of global-minimum
subspaces :math:`T(r^*,m)` (in a named reading) is compared with the number
of symmetry-induced critical subspaces coming from narrower networks, in each
of three ways (the paper's exact choice is not known, so all are reported):

* ``"previous"``: :math:`G(r^*-1,m)/T(r^*,m)`;
* ``"sum"``: :math:`\sum_{r<r^*}G(r,m)/T(r^*,m)`;
* ``"max"``: :math:`\max_{r<r^*}G(r,m)/T(r^*,m)`.

All ratios are exact :class:`fractions.Fraction`.  The *crossover* is the
smallest :math:`h` at which a ratio is below 1 (critical subspaces no longer
dominate).  For fixed :math:`h` and :math:`r^*\to\infty` the ratios grow like
:math:`r^*/(2(h+1))` (:func:`~symbolic_minima.asymptotics.comparison_asymptotic`);
for fixed :math:`r^*` and :math:`h\to\infty` they tend to 0
(:math:`G(r^*-1,m)/T_{R1}(r^*,m)\sim((r^*-1)/(r^*+1))^m`).  Measured crossovers
(``crossovers``, reading R1 / R2):

* :math:`r^*=10`: previous 2 / 2, sum 4 / 3, max 2 / 2;
* :math:`r^*=20`: previous 5 / 5, sum 8 / 8, max 5 / 5;
* :math:`r^*=40`: previous 10 / 10, sum 18 / 17, max 12 / 11;
* :math:`r^*=80`: previous 21 / 19, sum 38 / 35, max 25 / 24;
* :math:`r^*=160`: previous 41 / 39, sum 78 / 72, max 53 / 52;

so, empirically, "previous" crosses near :math:`h\approx r^*/4` and "sum" near
:math:`h\approx r^*/2` (mild: :math:`h` below these; vast: above).

>>> rows = compare(3, range(0, 4))
>>> [(row.h, row.previous) for row in rows]
[(0, Fraction(1, 1)), (1, Fraction(7, 30)), (2, Fraction(1, 13)), (3, Fraction(31, 1050))]
>>> crossover(10, "previous"), crossover(10, "sum", zero_type="R2")
(2, 3)

Every function takes ``activation`` (a class or activation name, see
:mod:`symbolic_minima.activation_classes`; ``None``: generic): both counts are
then those of the class, :math:`G` its critical subspaces (e.g. odd:
signed replicas and parked neurons) and :math:`T` its global minima.

>>> compare(3, [1], activation="tanh")[0].previous
Fraction(29, 60)
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction

from .bigint import lifts_int_limit
from .counting import G_table, T_table
from .errors import (
    MAX_WIDTH,
    ArgumentTypeError,
    ArgumentValueError,
    check_choice,
    check_int,
    check_sequence,
    check_width,
)
from .readings import DEFAULT_ZERO_TYPE, GENERIC, GLOBAL_MINIMUM, get_reading

__all__ = ["COMPARISONS", "ComparisonRow", "compare", "crossover", "crossovers", "format_ratio"]

#: The three comparisons, in the order rows list them.
COMPARISONS = ("previous", "sum", "max")


@dataclass(frozen=True)
class ComparisonRow:
    """One ``h`` of a comparison: exact ratios of critical to global-minimum subspace counts."""

    r_star: int
    h: int
    m: int
    zero_type: str
    reading: str
    T: int
    previous: Fraction
    sum: Fraction
    max: Fraction
    argmax: int  # the r < r* attaining the max
    activation_class: str = GENERIC

    def ratio(self, comparison: str) -> Fraction:
        return getattr(self, check_choice(comparison, "comparison", COMPARISONS))

    @lifts_int_limit
    def _latex(self, printer=None) -> str:
        cls = "" if self.activation_class == GENERIC else r"^{\mathrm{%s}}" % self.activation_class
        t = r"T_{\mathrm{%s}}%s(%d, %d)" % (self.reading, cls, self.r_star, self.m)
        g = "G" + cls

        def rel(value: Fraction) -> str:
            if value.denominator == 1:
                return f"= {value.numerator}"
            if max(value.numerator.bit_length(), value.denominator.bit_length()) <= 200:
                return r"= \frac{%d}{%d}" % (value.numerator, value.denominator)
            mantissa, _, exponent = format_ratio(value).partition("e")
            return r"\approx " + mantissa + (r" \times 10^{%d}" % int(exponent) if exponent else "")

        rs = self.r_star
        return (
            r"\frac{%s(%d, %d)}{%s} %s,\quad \frac{\sum_{r<%d} %s(r, %d)}{%s} %s,\quad "
            r"\frac{\max_{r<%d} %s(r, %d)}{%s} %s"
            % (g, rs - 1, self.m, t, rel(self.previous), rs, g, self.m, t, rel(self.sum), rs, g, self.m, t,
               rel(self.max))
        )

    def _repr_latex_(self) -> str:
        return f"${self._latex()}$"

    @lifts_int_limit
    def to_json(self) -> dict:
        """JSON-ready dict: ints in full, ratios as ``"p/q"`` strings plus a float-free decimal approximation."""
        out = {
            "r_star": self.r_star,
            "h": self.h,
            "m": self.m,
            "zero_type": self.zero_type,
            "reading": self.reading,
            "T": self.T,
        }
        for name in COMPARISONS:
            value = self.ratio(name)
            out[name] = f"{value.numerator}/{value.denominator}"
            out[name + "_approx"] = format_ratio(value)
        out["argmax"] = self.argmax
        if self.activation_class != GENERIC:
            out["activation_class"] = self.activation_class
        return out


ComparisonRow.__repr__ = lifts_int_limit(ComparisonRow.__repr__)  # T may have more than 4,300 digits


def format_ratio(value: Fraction, digits: int = 6) -> str:
    """Decimal approximation of an exact ratio of any size, e.g. ``'4.5'`` or ``'1.23457e-40'``.

    >>> format_ratio(Fraction(9, 2)), format_ratio(Fraction(1, 3)), format_ratio(Fraction(10**50, 3))
    ('4.5', '0.333333', '3.33333e+49')
    """
    if isinstance(value, (str, bytes, bool)) or not isinstance(value, numbers.Rational):
        raise ArgumentTypeError(f"value must be a rational (int or Fraction), got {type(value).__name__} {value!r}")
    digits = check_int(digits, "digits", minimum=1, maximum=1000)
    value = Fraction(value)
    with localcontext() as ctx:
        ctx.prec = digits
        q = Decimal(value.numerator) / Decimal(value.denominator)
    if q == 0:
        return "0"
    if abs(q.adjusted()) < digits:
        return f"{q.normalize():f}"
    return f"{q:.{digits - 1}e}".replace("E", "e")


def _check_r_star(r_star) -> int:
    r_star = check_width(r_star, "r_star")
    if r_star < 2:
        raise ArgumentValueError(
            f"r_star must be an integer in [2, {MAX_WIDTH}] (no narrower network below 1), got {r_star}"
        )
    return r_star


def _check_h_values(r_star, h_values) -> list:
    hs = [check_int(h, "h", minimum=0, maximum=MAX_WIDTH - r_star) for h in check_sequence(h_values, "h_values")]
    if not hs:
        raise ArgumentValueError("h_values must be non-empty")
    return hs


def compare(r_star, h_values, zero_type: str = DEFAULT_ZERO_TYPE, activation=None) -> list:
    r"""Rows of exact ratios for :math:`m=r^*+h`, ``h`` in ``h_values``, reading ``zero_type`` (class ``activation``).

    >>> row = compare(10, [0])[0]
    >>> row.previous, row.reading, row.argmax
    (Fraction(9, 2), 'R1', 8)
    """
    r_star = _check_r_star(r_star)
    reading = get_reading(zero_type, activation, family=GLOBAL_MINIMUM)
    hs = _check_h_values(r_star, h_values)
    ms = [r_star + h for h in hs]
    t = T_table([r_star], ms, zero_type=reading.name, activation=reading.activation_class)
    g = G_table(range(1, r_star), ms, activation=reading.activation_class)
    rows = []
    for h, m in zip(hs, ms, strict=True):
        total = t[(r_star, m)]
        values = [g[(r, m)] for r in range(1, r_star)]
        best = max(range(len(values)), key=lambda i: (values[i], i))
        rows.append(
            ComparisonRow(
                r_star=r_star,
                h=h,
                m=m,
                zero_type=reading.name,
                reading=reading.short_name,
                T=total,
                previous=Fraction(values[-1], total),
                sum=Fraction(sum(values), total),
                max=Fraction(values[best], total),
                argmax=best + 1,
                activation_class=reading.activation_class,
            )
        )
    return rows


def crossover(r_star, comparison: str = "previous", zero_type: str = DEFAULT_ZERO_TYPE, h_max=None,
              activation=None):
    r"""Smallest ``h`` in ``[0, h_max]`` where the ``comparison`` ratio is below 1, or ``None``.

    ``h_max`` defaults to ``10 * r_star + 20``.  (The tests check that the
    ratios are non-increasing in ``h`` from ``h = 1`` on, so this is also where the
    ratio stays below 1.)

    >>> crossover(2, "sum"), crossover(6, "max"), crossover(6, "sum", h_max=1)
    (0, 1, None)
    """
    r_star = _check_r_star(r_star)
    comparison = check_choice(comparison, "comparison", COMPARISONS)
    reading = get_reading(zero_type, activation, family=GLOBAL_MINIMUM)
    zero_type, activation = reading.name, reading.activation_class
    if h_max is None:
        h_max = min(10 * r_star + 20, MAX_WIDTH - r_star)
    h_max = check_int(h_max, "h_max", minimum=0, maximum=MAX_WIDTH - r_star)
    # search in growing blocks so small crossovers stay cheap
    start, block = 0, max(8, r_star)
    while start <= h_max:
        stop = min(h_max, start + block - 1)
        for row in compare(r_star, range(start, stop + 1), zero_type, activation):
            if row.ratio(comparison) < 1:
                return row.h
        start, block = stop + 1, 2 * block
    return None


def crossovers(r_star, zero_type: str = DEFAULT_ZERO_TYPE, h_max=None, activation=None) -> dict:
    """``{comparison: crossover h}`` for all three comparisons.

    >>> crossovers(10)
    {'previous': 2, 'sum': 4, 'max': 2}
    >>> crossovers(10, activation="odd")
    {'previous': 3, 'sum': 4, 'max': 3}
    """
    return {name: crossover(r_star, name, zero_type, h_max, activation) for name in COMPARISONS}
