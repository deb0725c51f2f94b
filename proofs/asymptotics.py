r"""Asymptotics for fixed r: :math:`T_{R1}(r,m)\sim(r+1)^m` and :math:`G(r,m)\sim r^m` as :math:`m\to\infty`.

With explicit bounds, for :math:`m\ge1`:

.. math::

    \left|\frac{T_{R1}(r,m)}{(r+1)^m}-1\right| \le (2^r-1)\Big(\frac{r}{r+1}\Big)^m,
    \qquad
    \left|\frac{G(r,m)}{r^m}-1\right| \le (2^r-2)\Big(\frac{r-1}{r}\Big)^m .

Derivation from the closed forms extracted from the species' EGFs: the
:math:`j=0` term of the alternating sum is the leading term, the other terms
are bounded by :math:`\binom rj` times the next base to the power m, and
:math:`\sum_{j\ge1}\binom rj=2^r-1`; sympy computes the limits of the bounds.
Exact checks with rational arithmetic for every r <= 5 and m up to 160.

Reading R2 is different: :math:`T_{R2}(r,m)\ge B_{m-r}`, which grows faster than
any exponential, so no rate :math:`c^m` holds there; this proof covers R1 and G.

Run ``python -m proofs.asymptotics [-o FILE]``.
"""

from __future__ import annotations

import sys
from fractions import Fraction

import sympy

from symbolic_minima.proving import Proof, check_options, proof_main, tex

from . import _common as C

NAME = "asymptotics"
READING = C.R1
CLAIM = ("fixed r, m -> oo: T_R1(r,m) ~ (r+1)^m and G(r,m) ~ r^m, with |T/(r+1)^m - 1| <= (2^r-1)(r/(r+1))^m "
         "and |G/r^m - 1| <= (2^r-2)((r-1)/r)^m")

__all__ = ["NAME", "READING", "CLAIM", "prove", "LARGE_M"]

#: Widths m (besides r..r+extra_m) at which the bounds are checked exactly.
LARGE_M = (20, 40, 80, 160)


def prove(max_r=5, extra_m=5, enumeration_limit=C.DEFAULT_ENUMERATION_LIMIT, claimed_t_base=None,
          claimed_g_base=None) -> Proof:
    """Prove the claim (``claimed_*_base`` replace r+1 and r, to test that a wrong growth rate fails)."""
    max_r, extra_m, enumeration_limit = check_options(max_r, extra_m, enumeration_limit)
    from symbolic_minima import counting

    sp = C.species()
    r, m, j = C.r, C.m, C.j
    s = sympy.Symbol("s", integer=True, positive=True)  # s = r - 1 >= 1 for G with r >= 2
    bt = r + 1 if claimed_t_base is None else claimed_t_base
    bg = r if claimed_g_base is None else claimed_g_base
    proof = Proof(
        NAME, CLAIM,
        r"\lim_{m\to\infty}\frac{T_{R1}(r,m)}{%s} = 1,\qquad \lim_{m\to\infty}\frac{G(r,m)}{%s} = 1"
        % (tex(bt**m), tex(bg**m)),
        reading=READING,
    )

    # ---- T_R1
    t_form = sp.closed_form_coefficient(sp.global_minimum_species(r, zero_type=C.R1).egf(), m)
    t_sum = sympy.Sum((-1) ** j * sympy.binomial(r, j) * (r + 1 - j) ** m, (j, 0, r))
    proof.derive("Closed form of $T_{R1}(r,m)$ extracted from the EGF $e^x (e^x-1)^r$", r"T_{R1}(r,m)", t_form)
    proof.sum_identity("Written from the largest base down", t_form, t_sum)
    t_lead = t_sum.function.subs(j, 0)
    proof.identity("The $j = 0$ term is the claimed leading term", t_lead, bt**m)
    tail = sympy.Sum(t_sum.function, (j, 1, r)) / bt**m
    proof.derive("Hence $T_{R1}(r,m)/(r+1)^m - 1$ is the tail", r"\frac{T_{R1}(r,m)}{(r+1)^m} - 1", tail)
    ok = all(0 <= (rr + 1 - jj) ** mm <= rr**mm
             for rr in range(1, 13) for jj in range(1, rr + 1) for mm in range(0, 41))
    proof.lemma("Each tail term is bounded, as $0 \\le (r+1-j)^m \\le r^m$ for $1 \\le j \\le r$",
                r"\left|(-1)^j\binom rj\frac{(r+1-j)^m}{(r+1)^m}\right|",
                r"\binom rj\Big(\frac{r}{r+1}\Big)^m", ok,
                "monotonicity of t -> t^m on t >= 0; checked exactly for r <= 12, m <= 40", relation=r"\le")
    proof.identity("Sum of the binomial coefficients of the tail", sympy.Sum(sympy.binomial(r, j), (j, 1, r)).doit(),
                   2**r - 1, display=tex(sympy.Sum(sympy.binomial(r, j), (j, 1, r))))
    t_bound = (2**r - 1) * (r / (r + 1)) ** m
    proof.identity("The bound tends to 0 (sympy.limit)", sympy.limit(t_bound, m, sympy.oo), 0,
                   display=r"\lim_{m\to\infty} " + tex(t_bound))

    # ---- G
    g_form = sp.closed_form_coefficient(sp.critical_species(r).egf(), m)
    g_sum = sympy.Sum((-1) ** j * sympy.binomial(r, j) * (r - j) ** m, (j, 0, r))
    proof.derive("Closed form of $G(r,m)$ extracted from the EGF $(e^x-1)^r$", r"G(r,m)", g_form)
    proof.sum_identity("Written from the largest base down", g_form, g_sum)
    proof.identity("The $j = 0$ term is the claimed leading term", g_sum.function.subs(j, 0), bg**m)
    proof.identity("$r = 1$: $G(1,m) = 1 = 1^m$ exactly for $m \\ge 1$", g_sum.subs(r, 1).doit() + 0**m, 1)
    g_bound = (2**r - 2) * ((r - 1) / r) ** m
    proof.identity("$r \\ge 2$ ($r = s+1$): the tail bound $(2^r - 2)((r-1)/r)^m$ tends to 0 (sympy.limit)",
                   sympy.limit(g_bound.subs(r, s + 1), m, sympy.oo), 0,
                   display=r"\lim_{m\to\infty} " + tex(g_bound))

    # ---- agreement with the package's asymptotics module (its own derivation)
    try:
        from symbolic_minima import asymptotics as asym
        from symbolic_minima.counting import m_sym, r_sym
    except ImportError as exc:  # pragma: no cover - module not available
        proof.error(f"symbolic_minima.asymptotics not importable: {exc}")
    else:
        to_ours = {r_sym: r, m_sym: m}
        proof.identity("symbolic_minima.asymptotics.T_asymptotic() gives the same leading term",
                       asym.T_asymptotic().xreplace(to_ours), bt**m)
        proof.identity("symbolic_minima.asymptotics.G_asymptotic() gives the same leading term",
                       asym.G_asymptotic().xreplace(to_ours), bg**m)

    # ---- exact checks with rational arithmetic
    cases = sorted({(rr, mm) for rr in range(1, max_r + 1)
                    for mm in list(range(max(rr, 1), rr + extra_m + 1)) + list(LARGE_M)})

    def bound_ok(rr, mm):
        t = C.t_recurrence(rr, mm, C.R1)
        g = C.g_recurrence(rr, mm)
        btt = int(bt.subs(r, rr)) if isinstance(bt, sympy.Basic) else bt
        bgg = int(bg.subs(r, rr)) if isinstance(bg, sympy.Basic) else bg
        ok_t = abs(Fraction(t, btt**mm) - 1) <= (2**rr - 1) * Fraction(rr, rr + 1) ** mm
        ok_g = abs(Fraction(g, bgg**mm) - 1) <= (2**rr - 2) * Fraction(rr - 1, rr) ** mm
        return ok_t and ok_g

    proof.compare(
        "$T_{R1}$ at the checked widths agrees with the package",
        cases,
        claim=("recurrence", lambda rr, mm: C.t_recurrence(rr, mm, C.R1)),
        routes=[("counting.T", lambda rr, mm: counting.T(rr, mm))],
    )
    proof.compare(
        "$G$ at the checked widths agrees with the package",
        cases,
        claim=("recurrence", lambda rr, mm: C.g_recurrence(rr, mm)),
        routes=[("counting.G", lambda rr, mm: counting.G(rr, mm))],
    )
    results = [bound_ok(rr, mm) for rr, mm in cases]
    proof.assert_that(
        f"Both bounds hold exactly (Fractions) for $r \\le {max_r}$, $m = r, \\dots, r+{extra_m}$ "
        f"and $m \\in \\{{{', '.join(map(str, LARGE_M))}\\}}$",
        all(results), len(cases), "(r, m) pairs checked with exact rationals", route="exact bound",
    )
    far = [(rr, max(LARGE_M)) for rr in range(1, max_r + 1)]
    close = all(
        abs(Fraction(C.t_recurrence(rr, mm, C.R1), (rr + 1) ** mm) - 1) < Fraction(1, 10**3)
        for rr, mm in far
    )
    proof.assert_that(
        f"Convergence is visible: $|T_{{R1}}(r,{max(LARGE_M)})/(r+1)^{{{max(LARGE_M)}}} - 1| < 10^{{-3}}$ "
        f"for every $r \\le {max_r}$",
        close, len(far), "exact ratios", route="exact ratio",
    )
    return proof.finish()


def main(argv=None) -> int:
    return proof_main(prove, argv, NAME)


if __name__ == "__main__":
    sys.exit(main())
