r"""Mild versus vast overparameterization: critical subspaces against global-minimum subspaces.

(See the mathematical reference, 'Mild versus vast overparameterization'.)

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
from dataclasses import dataclass, fields
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

    @lifts_int_limit  # T may have more than 4,300 digits
    def __repr__(self) -> str:
        # the text the dataclass would generate (it keeps the one a class defines)
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
        return f"{type(self).__qualname__}({shown})"

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


# --------------------------------------------------------------------------- verdicts over a range of (r*, h)

#: The two regimes a claim can state: ``"mild"``, critical subspaces dominate (ratio > 1);
#: ``"vast"``, global-minimum subspaces dominate (ratio < 1).  A ratio of exactly 1 is a tie: neither.
REGIMES = ("mild", "vast")

_REGIME_TEXT = {
    "mild": "critical subspaces dominate (ratio > 1)",
    "vast": "global-minimum subspaces dominate (ratio < 1)",
}

#: Largest number of (r*, h) points a verdict covers (each needs a column of exact counts).
MAX_VERDICT_POINTS = 20_000


def _in_regime(value: Fraction, regime: str) -> bool:
    return value > 1 if regime == "mild" else value < 1


def _runs(values: list, chosen: set) -> list:
    """Maximal runs of consecutive entries of ``values`` lying in ``chosen``, as ``(first, last)`` pairs."""
    runs, start, last = [], None, None
    for v in values:
        if v in chosen:
            start = v if start is None else start
            last = v
        elif start is not None:
            runs.append((start, last))
            start = None
    if start is not None:
        runs.append((start, last))
    return runs


def _span(first, last, name: str) -> str:
    return f"{name}={first}" if first == last else f"{name}={first}..{last}"


@dataclass(frozen=True)
class Dominance:
    r"""The exact ratios of one comparison and reading over a grid of :math:`(r^*, h)`, with where each regime holds.

    Built by :func:`dominance` (or :func:`dominances`).

    Parameters
    ----------
    comparison : str
        One of :data:`COMPARISONS`.
    zero_type, reading : str
        The reading's name and short name.
    r_stars, hs : tuple of int
        The grid asked for (sorted, distinct).
    ratios : dict
        ``{(r_star, h): Fraction}``, critical over global-minimum subspace counts.

    Examples
    --------
    >>> d = dominance(range(2, 8), range(0, 3))
    >>> d.points()[:3], d.describe()
    ([(4, 0), (5, 0), (6, 0)], 'r*=4..6: h=0; r*=7: h=0..1')
    >>> d.largest_box("vast")
    (2, 6, 1, 2)
    """

    comparison: str
    zero_type: str
    reading: str
    r_stars: tuple
    hs: tuple
    ratios: dict

    def points(self, regime: str = "mild") -> list:
        """The ``(r_star, h)`` of the grid where ``regime`` holds, sorted.

        Parameters
        ----------
        regime : {"mild", "vast"}
            ``"mild"``: critical subspaces dominate (ratio > 1); ``"vast"``: global minima dominate (ratio < 1).

        Returns
        -------
        list of tuple

        Examples
        --------
        >>> dominance([3], [0, 1]).points("vast")  # (3, 0) is a tie: ratio exactly 1
        [(3, 1)]
        """
        regime = check_choice(regime, "regime", REGIMES)
        return sorted(point for point, value in self.ratios.items() if _in_regime(value, regime))

    def failures(self, regime: str = "mild") -> list:
        """``[(r_star, h, ratio)]`` of the grid where ``regime`` does not hold.

        Sorted by :math:`h`, then :math:`r^*` for ``"mild"`` (the most telling
        failures of "critical subspaces dominate" are at small :math:`h`), and
        by decreasing :math:`h` for ``"vast"``.

        Parameters
        ----------
        regime : {"mild", "vast"}
            As in :meth:`points`.

        Returns
        -------
        list of tuple

        Examples
        --------
        >>> dominance([2, 3], [0, 1]).failures()
        [(2, 0, Fraction(1, 2)), (3, 0, Fraction(1, 1)), (2, 1, Fraction(1, 12)), (3, 1, Fraction(7, 30))]
        """
        regime = check_choice(regime, "regime", REGIMES)
        failed = [(r, h, value) for (r, h), value in self.ratios.items() if not _in_regime(value, regime)]
        return sorted(failed, key=lambda f: (f[1] if regime == "mild" else -f[1], f[0]))

    def describe(self, regime: str = "mild") -> str:
        """Where ``regime`` holds, as runs of :math:`r^*` with the same runs of :math:`h`.

        Parameters
        ----------
        regime : {"mild", "vast"}
            As in :meth:`points`.

        Returns
        -------
        str
            E.g. ``"r*=4..7: h=0; r*=8..11: h=0..1"``, ``"everywhere"`` or ``"nowhere"``
            (in the grid asked for).

        Examples
        --------
        >>> dominance(range(2, 12), range(0, 4), comparison="sum").describe()
        'r*=3..5: h=0; r*=6..7: h=0..1; r*=8..9: h=0..2; r*=10..11: h=0..3'
        """
        return self._describe(set(self.points(regime)))

    def _describe(self, chosen: set) -> str:
        if not chosen:
            return "nowhere"
        if len(chosen) == len(self.ratios):
            return "everywhere"
        by_r = {r: tuple(_runs(list(self.hs), {h for (rr, h) in chosen if rr == r})) for r in self.r_stars}
        groups: list = []
        for r in self.r_stars:
            if groups and groups[-1][1] == by_r[r]:
                groups[-1][0].append(r)
            else:
                groups.append(([r], by_r[r]))
        parts = []
        for rs, runs in groups:
            if runs:
                hs = ", ".join(_span(a, b, "h") for a, b in runs)
                parts.append(f"{_span(rs[0], rs[-1], 'r*')}: {hs}")
        return "; ".join(parts)

    def largest_box(self, regime: str = "mild"):
        """The largest rectangle of the grid on which ``regime`` holds at every point.

        Parameters
        ----------
        regime : {"mild", "vast"}
            As in :meth:`points`.

        Returns
        -------
        tuple or None
            ``(r_first, r_last, h_first, h_last)`` (consecutive entries of the
            grid; the most points, then the widest range of :math:`r^*`), or
            ``None`` if the regime holds nowhere.

        Examples
        --------
        >>> dominance(range(2, 16), range(0, 4)).largest_box()
        (7, 15, 0, 1)
        """
        chosen = set(self.points(regime))
        if not chosen:
            return None
        rs, hs = list(self.r_stars), list(self.hs)
        heights = [0] * len(hs)  # for each h: how many r* in a row, ending at the current one, hold
        best: tuple = (0, 0, None)
        for i, r in enumerate(rs):
            heights = [height + 1 if (r, h) in chosen else 0 for height, h in zip(heights, hs, strict=True)]
            for lo in range(len(hs)):  # grids are small (<= MAX_VERDICT_POINTS): a quadratic scan is enough
                height = heights[lo]
                for hi in range(lo, len(hs)):
                    height = min(height, heights[hi])
                    if height == 0:
                        break
                    key = (height * (hi - lo + 1), height)
                    if key > best[:2]:
                        best = (*key, (rs[i - height + 1], r, hs[lo], hs[hi]))
        return best[2]

    def to_json(self, regime: str = "mild") -> dict:
        """``{"regime", "statement", "points": [[r*, h], ...], "text"}`` for one regime.

        Parameters
        ----------
        regime : {"mild", "vast"}
            As in :meth:`points`.

        Returns
        -------
        dict

        Examples
        --------
        >>> dominance([4], [0, 1]).to_json()["points"]
        [[4, 0]]
        """
        return {"regime": regime, "statement": _REGIME_TEXT[regime],
                "points": [list(p) for p in self.points(regime)], "text": self.describe(regime)}


def dominances(r_star_values, h_values, zero_type: str = DEFAULT_ZERO_TYPE, comparisons=COMPARISONS,
               activation=None) -> dict:
    """``{comparison: Dominance}`` over the grid, from one pass of :func:`compare` per :math:`r^*`.

    Parameters
    ----------
    r_star_values : iterable of int
        The :math:`r^*` of the grid (each at least 2).
    h_values : iterable of int
        The :math:`h=m-r^*` of the grid (each at least 0).
    zero_type : str
        A global-minimum reading, name or alias.
    comparisons : iterable of str
        Which of :data:`COMPARISONS`.
    activation : str, optional
        An activation class or activation name (default: generic).

    Returns
    -------
    dict

    Raises
    ------
    ArgumentValueError
        An empty grid, or one of more than :data:`MAX_VERDICT_POINTS` points.

    Examples
    --------
    >>> {name: d.describe() for name, d in dominances([10], range(0, 8), "R2").items()}
    {'previous': 'r*=10: h=0..1', 'sum': 'r*=10: h=0..2', 'max': 'r*=10: h=0..1'}
    """
    reading = get_reading(zero_type, activation, family=GLOBAL_MINIMUM)
    comparisons = [check_choice(c, "comparison", COMPARISONS) for c in comparisons]
    r_stars = sorted({_check_r_star(r) for r in check_sequence(r_star_values, "r_star_values")})
    if not r_stars:
        raise ArgumentValueError("r_star_values must be non-empty")
    hs = sorted(set(_check_h_values(r_stars[-1], h_values)))
    if len(r_stars) * len(hs) > MAX_VERDICT_POINTS:
        raise ArgumentValueError(f"the grid has {len(r_stars) * len(hs)} points, more than {MAX_VERDICT_POINTS}; "
                                 "choose fewer r* or h values")
    ratios: dict = {name: {} for name in comparisons}
    for r_star in r_stars:
        for row in compare(r_star, hs, reading.name, activation=reading.activation_class):
            for name in comparisons:
                ratios[name][(r_star, row.h)] = row.ratio(name)
    return {name: Dominance(name, reading.name, reading.short_name, tuple(r_stars), tuple(hs), ratios[name])
            for name in comparisons}


def dominance(r_star_values, h_values, zero_type: str = DEFAULT_ZERO_TYPE, comparison: str = "previous",
              activation=None) -> Dominance:
    r"""Where critical subspaces dominate (and where global minima do) over a grid of :math:`(r^*, h)`.

    Parameters
    ----------
    r_star_values, h_values : iterable of int
        The grid.
    zero_type : str
        A global-minimum reading, name or alias.
    comparison : str
        One of :data:`COMPARISONS`.
    activation : str, optional
        An activation class or activation name (default: generic).

    Returns
    -------
    Dominance

    Examples
    --------
    >>> dominance(range(2, 6), [0], "R2").describe()
    'r*=4..5: h=0'
    """
    comparison = check_choice(comparison, "comparison", COMPARISONS)
    return dominances(r_star_values, h_values, zero_type, (comparison,), activation)[comparison]


@dataclass(frozen=True)
class RegimeVerdict:
    r"""Yes or no: does a regime (``"mild"`` or ``"vast"``) hold at every :math:`(r^*, h)` of a grid?

    For every reading and comparison asked (the paper's exact choice is not
    known); the claim holds when it holds in all of them.  Built by
    :func:`regime_verdict`.

    Parameters
    ----------
    regime : {"mild", "vast"}
        The claim.
    results : tuple of Dominance
        One per reading and comparison, over the same grid.

    Examples
    --------
    >>> v = regime_verdict("mild", range(4, 16), [0])
    >>> v.holds, v.summary().splitlines()[0]
    (True, 'claim: critical subspaces dominate (ratio > 1) for every r* in 4..15, h = 0: yes')
    """

    regime: str
    results: tuple

    @property
    def holds(self) -> bool:
        """Whether the regime holds at every point, in every reading and comparison."""
        return all(not d.failures(self.regime) for d in self.results)

    def statement(self) -> str:
        """The claim in words, with the grid.

        Returns
        -------
        str

        Examples
        --------
        >>> regime_verdict("vast", range(2, 5), range(10, 13)).statement()
        'global-minimum subspaces dominate (ratio < 1) for every r* in 2..4, h in 10..12'
        """
        first = self.results[0]
        return f"{_REGIME_TEXT[self.regime]} for every {_grid_text(first.r_stars, 'r*')}, {_grid_text(first.hs, 'h')}"

    def summary(self, shown: int = 4) -> str:
        """The verdict, then one line per reading and comparison (failures and where the claim holds).

        Parameters
        ----------
        shown : int
            How many failures to list per line (the first ones, by :math:`r^*` then :math:`h`).

        Returns
        -------
        str

        Examples
        --------
        >>> v = regime_verdict("mild", range(2, 6), [0], ["R1"], ["previous"])
        >>> print(v.summary())  # doctest: +NORMALIZE_WHITESPACE
        claim: critical subspaces dominate (ratio > 1) for every r* in 2..5, h = 0: no
          R1 previous: no: fails at 2 of 4 points (r*=2..3: h=0), e.g. r*=2, h=0 (ratio 0.5);
          r*=3, h=0 (ratio 1, a tie); holds for every r* in 4..5, h = 0
        """
        shown = check_int(shown, "shown", minimum=1, maximum=1000)
        lines = [f"claim: {self.statement()}: {'yes' if self.holds else 'no'}"]
        for d in self.results:
            failures = d.failures(self.regime)
            if not failures:
                lines.append(f"  {d.reading} {d.comparison}: yes")
                continue
            listed = "; ".join(f"r*={r}, h={h} (ratio {format_ratio(v)}{', a tie' if v == 1 else ''})"
                               for r, h, v in failures[:shown])
            box = d.largest_box(self.regime)
            where = (f"holds for every {_grid_text(_sub(d.r_stars, box[0], box[1]), 'r*')}, "
                     f"{_grid_text(_sub(d.hs, box[2], box[3]), 'h')}") if box else "holds nowhere in the grid"
            lines.append(f"  {d.reading} {d.comparison}: no: fails at {len(failures)} of {len(d.ratios)} points "
                         f"({d._describe({(r, h) for r, h, _ in failures})}), e.g. {listed}; {where}")
        return "\n".join(lines)

    def to_json(self) -> dict:
        """JSON-ready: ``claim``, ``statement``, ``holds``; per reading and comparison, failures and the largest box.

        Returns
        -------
        dict

        Examples
        --------
        >>> regime_verdict("mild", [2], [0], ["R1"], ["sum"]).to_json()["results"][0]["failures"]
        [{'r_star': 2, 'h': 0, 'ratio': '1/2', 'ratio_approx': '0.5'}]
        """
        results = []
        for d in self.results:
            box = d.largest_box(self.regime)
            results.append({
                "zero_type": d.zero_type, "reading": d.reading, "comparison": d.comparison,
                "holds": not d.failures(self.regime),
                "failures": [{"r_star": r, "h": h, "ratio": f"{v.numerator}/{v.denominator}",
                              "ratio_approx": format_ratio(v)} for r, h, v in d.failures(self.regime)],
                "largest_box": None if box is None else dict(zip(("r_star_first", "r_star_last", "h_first", "h_last"),
                                                                  box, strict=True)),
            })
        return {"claim": self.regime, "statement": self.statement(), "holds": self.holds, "results": results}


def _sub(values: tuple, first, last) -> tuple:
    return tuple(v for v in values if first <= v <= last)


def _grid_text(values, name: str) -> str:
    values = list(values)
    if len(values) == 1:
        return f"{name} = {values[0]}"
    step = values[1] - values[0]
    if all(b - a == step for a, b in zip(values, values[1:], strict=False)):
        return f"{name} in {values[0]}..{values[-1]}" + (f" (step {step})" if step != 1 else "")
    return f"{name} in {{{', '.join(map(str, values))}}}"


def regime_verdict(regime: str, r_star_values, h_values, zero_types=None, comparisons=COMPARISONS,
                   activation=None) -> RegimeVerdict:
    r"""Decide, exactly, whether a regime holds at every :math:`(r^*, h)` of a grid, in every reading and comparison.

    Parameters
    ----------
    regime : {"mild", "vast"}
        ``"mild"``: critical subspaces dominate (ratio > 1);
        ``"vast"``: global-minimum subspaces dominate (ratio < 1).
    r_star_values, h_values : iterable of int
        The grid (the claim's range).
    zero_types : iterable of str, optional
        Readings (default: every registered global-minimum reading).
    comparisons : iterable of str
        Which of :data:`COMPARISONS` (default all three).
    activation : str, optional
        An activation class or activation name (default: generic).

    Returns
    -------
    RegimeVerdict
        ``.holds`` is the yes/no; ``.summary()`` says where it fails and
        the largest box where it holds.

    Examples
    --------
    >>> regime_verdict("mild", range(2, 16), range(0, 4)).holds
    False
    >>> regime_verdict("mild", range(4, 16), [0]).holds, regime_verdict("vast", range(2, 16), [60]).holds
    (True, True)
    """
    from .readings import zero_types as registered

    regime = check_choice(regime, "claim", REGIMES)
    readings = registered(activation) if zero_types is None else tuple(zero_types)
    if isinstance(zero_types, str):
        readings = (zero_types,)
    comparisons = tuple(comparisons)
    results = []
    for zero_type in readings:
        found = dominances(r_star_values, h_values, zero_type, comparisons, activation)
        results += [found[name] for name in comparisons]
    if not results:
        raise ArgumentValueError("zero_types and comparisons must be non-empty")
    return RegimeVerdict(regime, tuple(results))


__all__ += ["REGIMES", "MAX_VERDICT_POINTS", "Dominance", "dominance", "dominances", "RegimeVerdict",
            "regime_verdict"]
