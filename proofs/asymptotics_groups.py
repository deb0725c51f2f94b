r"""Asymptotics in the groups reading (R2): :math:`T_{R2}(r,m)\sim B_{m+r}` for fixed r, m -> oo.

Unlike R1 there is no exponential rate: the zero-sum groups make
:math:`T_{R2}(r,m)\ge B_{m-r}`, faster than any :math:`c^m`.  The proof:

1. **Exact identity.**  With :math:`y=e^x-1` and :math:`F_l=y^l e^{y}` (the EGF
   of :math:`T_{R2}(l,\cdot)`, :math:`F_0` that of the Bell numbers),
   :math:`\frac{d}{dx}F_l = l F_{l-1}+(l+1)F_l+F_{l+1}` (symbolic in l), so
   :math:`\frac{d^r}{dx^r}F_0=\sum_l c_{r,l}F_l` with non-negative integers
   :math:`c_{r,l}` (:math:`c_{r,r}=1`), hence
   :math:`B_{m+r}=\sum_{l=0}^{r} c_{r,l}\,T_{R2}(l,m)` and :math:`T_{R2}(r,m)\le B_{m+r}`.
2. **Lower order terms vanish.**  For l < r, :math:`T_{R2}(l,m)/T_{R2}(l+1,m)\to0`:
   promoting one zero block of an l-structure to replica group l+1 is
   injective, so :math:`T_{R2}(l+1,m)\ge\sum_s b(s)` (b = number of zero blocks);
   at most :math:`(K+l)^m` l-structures have :math:`b\le K`; and
   :math:`T_{R2}(l,m)\ge B_{m-l}\ge k^{m-l-k}`.  With :math:`k=2(K+l)` this gives
   :math:`\limsup T_{R2}(l,m)/T_{R2}(l+1,m)\le 1/(K+1)` for every K.

Each combinatorial inequality is a lemma backed by an exact check on small
cases (enumeration); the algebra and the limits are computed by sympy.

Run ``python -m proofs.asymptotics_groups [-o FILE]``.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from itertools import pairwise

import sympy

from symbolic_minima.labellings import global_minimum_labellings
from symbolic_minima.proving import Proof, check_options, proof_main, tex

from . import _common as C

NAME = "asymptotics_groups"
READING = C.R2
CLAIM = ("fixed r, m -> oo: T_R2(r,m) ~ Bell(m+r); exactly Bell(m+r) = sum_l c_(r,l) T_R2(l,m) with c_(r,l) >= 0, "
         "c_(r,r) = 1 (no exponential rate in R2)")

__all__ = ["NAME", "READING", "CLAIM", "prove", "derivative_coefficients", "zero_blocks", "RATIO_M"]

#: Widths at which the ratio T_R2(r, m) / B_{m+r} is tabulated (exactly).
RATIO_M = (10, 20, 40, 80, 160)


def derivative_coefficients(r: int) -> list:
    r"""``[c_{r,0}, ..., c_{r,r}]`` from :math:`c_{r+1,l}=c_{r,l-1}+(l+1)c_{r,l}+(l+1)c_{r,l+1}`, :math:`c_{0,0}=1`."""
    c = [1]
    for _ in range(r):
        c = [(c[l - 1] if l >= 1 else 0) + (l + 1) * (c[l] if l < len(c) else 0)
             + (l + 1) * (c[l + 1] if l + 1 < len(c) else 0) for l in range(len(c) + 1)]
    return c


def zero_blocks(label) -> int:
    """Number of zero blocks of an R2 labelling: zero-type neurons plus zero-sum groups."""
    return sum(1 for v in label if v == 0) + len({v for v in label if v < 0})


def _t2(l: int, m: int) -> int:
    """T_R2(l, m) including l = 0 (Bell numbers), by the recurrence of :mod:`proofs._common`."""
    return C.t_recurrence(l, m, C.R2)


def prove(max_r=5, extra_m=5, enumeration_limit=C.DEFAULT_ENUMERATION_LIMIT, claimed_coefficients=None) -> Proof:
    """Prove the claim (``claimed_coefficients(r)`` replaces the list c_r, to test that a wrong expansion fails)."""
    max_r, extra_m, enumeration_limit = check_options(max_r, extra_m, enumeration_limit)
    from symbolic_minima import counting

    sp = C.species()
    x, m = sp.EGF_VARIABLE, C.m
    L = sympy.Symbol("l", integer=True, nonnegative=True)
    y = sympy.Symbol("y", positive=True)
    coeffs = derivative_coefficients if claimed_coefficients is None else claimed_coefficients
    proof = Proof(NAME, CLAIM,
                  r"\lim_{m\to\infty}\frac{T_{R2}(r,m)}{B_{m+r}} = 1,\qquad B_{m+r} = \sum_{l=0}^{r} c_{r,l}\,"
                  r"T_{R2}(l,m),\quad c_{r,l}\ge 0,\ c_{r,r}=1", reading=READING)

    # ---- 1. the exact identity
    F_L = sp.global_minimum_species(L, zero_type=C.R2).egf()
    proof.derive("EGF of $T_{R2}(l, \\cdot)$ from the species, symbolic in $l$", r"F_l(x)", F_L)
    proof.identity("For $l = 0$ it is the EGF of the zero-sum groups alone (Bell numbers)", F_L.subs(L, 0),
                   sp.zero_sum_groups().egf())
    Y = sympy.exp(x) - 1
    proof.identity("Chain rule with $y = e^x - 1$: $dy/dx = y + 1$", sympy.diff(Y, x), Y + 1)
    proof.identity("$\\frac{d}{dx}F_l = lF_{l-1} + (l+1)F_l + F_{l+1}$, written in $y$ (symbolic in $l$)",
                   (y + 1) * sympy.diff(y**L * sympy.exp(y), y),
                   (L * y ** (L - 1) + (L + 1) * y**L + y ** (L + 1)) * sympy.exp(y),
                   display=r"(y+1)\frac{d}{dy}\left(y^{l}e^{y}\right)")
    table = {rr: coeffs(rr) for rr in range(0, max_r + 1)}
    proof.derive("Hence $\\frac{d^r}{dx^r}F_0 = \\sum_l c_{r,l}F_l$ with $c_{r+1,l} = c_{r,l-1} + (l+1)c_{r,l} + "
                 "(l+1)c_{r,l+1}$", r"\left(c_{r,l}\right)_{r \le %d}" % max_r,
                 sympy.Matrix([[table[rr][l] if l < len(table[rr]) else 0 for l in range(max_r + 1)]
                               for rr in range(max_r + 1)]))
    for rr in range(1, max_r + 1):
        F0 = sp.zero_sum_groups().egf()
        proof.identity(f"Check of the expansion for $r = {rr}$ by direct differentiation",
                       sympy.diff(F0, x, rr), sum(cc * Y**l * F0 for l, cc in enumerate(table[rr])),
                       display=r"\frac{d^{%d}}{dx^{%d}}%s" % (rr, rr, tex(F0)))
    from symbolic_minima.asymptotics import bell_derivative_coefficients

    proof.lemma("The coefficients are $c_{r,l} = \\sum_k S(r,k)\\binom{k}{l} \\ge 0$ and $c_{r,r} = 1$",
                r"c_{r,l}", r"\sum_k S(r,k)\binom{k}{l}",
                all(derivative_coefficients(rr) == bell_derivative_coefficients(rr) for rr in range(13))
                and all(v >= 0 for rr in range(13) for v in derivative_coefficients(rr))
                and all(derivative_coefficients(rr)[rr] == 1 for rr in range(13)),
                "recurrence vs symbolic_minima.asymptotics.bell_derivative_coefficients, exact for r <= 12")
    ok, how = C.egf_shift_lemma()
    proof.lemma("Differentiation shifts EGF coefficients, so $m!\\,[x^m]\\,\\frac{d^r}{dx^r}F_0 = B_{m+r}$",
                r"\frac{d}{dx}\sum_{n} a_n \frac{x^n}{n!}", r"\sum_{n} a_{n+1}\frac{x^n}{n!}", ok, how)
    cases = [(rr, mm) for rr in range(1, max_r + 1) for mm in range(0, 61)]
    proof.compare(
        "Exact identity $B_{m+r} = \\sum_l c_{r,l}T_{R2}(l,m)$ for $r \\le %d$, $m \\le 60$" % max_r,
        cases,
        claim=("sum_l c_(r,l) T_R2(l,m) (recurrence)", lambda rr, mm: sum(cc * _t2(l, mm)
                                                                           for l, cc in enumerate(table[rr]))),
        routes=[("Bell(m+r) (counting.bell_numbers)", lambda rr, mm: counting.bell_numbers(mm + rr)[-1]),
                ("Bell(m+r) (sympy.bell)", lambda rr, mm: sympy.bell(mm + rr))],
    )

    # ---- 2. the lower-order terms vanish
    def lemma_a():
        ok_t = all(_t2(l, mm) >= _t2(0, mm - l) for l in range(0, 6) for mm in range(l, 31))
        ok_b = all(_t2(0, n) >= k ** (n - k) for n in range(1, 31) for k in range(1, n + 1))
        return ok_t and ok_b

    proof.lemma("Injections: $T_{R2}(l,m) \\ge B_{m-l}$ (neurons $1..l$ as singleton replica groups) and "
                "$B_n \\ge k^{n-k}$ ($k$ block leaders, the rest assigned freely)",
                r"T_{R2}(l,m)", r"B_{m-l} \ge k^{m-l-k}", lemma_a(),
                "checked exactly for l <= 5, m <= 30, all k", relation=r"\ge")
    small = [(l, mm) for l in range(0, 4) for mm in range(max(l, 1), 8)]

    def few_blocks_ok():
        for l, mm in small:
            if l == 0:
                continue
            blocks = [zero_blocks(g) for g in global_minimum_labellings(l, mm, zero_type=C.R2)]
            if any(sum(1 for b in blocks if b <= K) > (K + l) ** mm for K in range(0, 4)):
                return False
        return True

    def promotion_ok():
        for l, mm in small:
            if l == 0 or l + 1 > mm:
                continue
            total = sum(zero_blocks(g) for g in global_minimum_labellings(l, mm, zero_type=C.R2))
            if total > _t2(l + 1, mm):
                return False
        return True

    proof.lemma("At most $(K+l)^m$ of the $l$-structures have at most $K$ zero blocks "
                "(zero part: $k$ neurons into at most $K$ labelled-by-leader blocks)",
                r"\#\{s : b(s) \le K\}", r"(K+l)^m", few_blocks_ok(),
                "checked by enumeration for 1 <= l <= 3, m <= 7, K <= 3", relation=r"\le")
    proof.lemma("Promoting one zero block of an $l$-structure to replica group $l+1$ is injective",
                r"\sum_{s} b(s)", r"T_{R2}(l+1,m)", promotion_ok(),
                "checked by enumeration for 1 <= l <= 3, m <= 7", relation=r"\le")
    a, lsym, c = sympy.symbols("a l c", integer=True, positive=True)
    bound = a**m / (2 * a) ** (m - lsym - 2 * a)
    proof.identity("With $a = K + l$, $k = 2a$: $(K+l)^m / k^{m-l-k}$ is a constant times $2^{-m}$", bound,
                   2 ** (-m) * (2 * a) ** (lsym + 2 * a), display=tex(bound))
    proof.identity("which tends to 0 (sympy.limit)", sympy.limit(c * 2 ** (-m), m, sympy.oo), 0,
                   display=r"\lim_{m\to\infty} c\,2^{-m}")
    proof.derive("Hence $T_{R2}(l+1,m) \\ge (K+1)\\,(T_{R2}(l,m) - (K+l)^m)$, so "
                 "$\\limsup T_{R2}(l,m)/T_{R2}(l+1,m) \\le 1/(K+1)$ for every $K$, i.e. the ratio tends to 0, and",
                 r"\frac{T_{R2}(r,m)}{B_{m+r}}",
                 r"\left(1 + \sum_{l<r} c_{r,l}\frac{T_{R2}(l,m)}{T_{R2}(r,m)}\right)^{-1} \longrightarrow 1")

    # ---- exact checks on the values
    ratio_cases = [(rr, mm) for rr in range(1, max_r + 1) for mm in RATIO_M]
    ratios = {case: Fraction(_t2(*case), counting.bell_numbers(case[0] + case[1])[-1]) for case in ratio_cases}
    monotone = all(ratios[(rr, a_)] < ratios[(rr, b_)] < 1 for rr in range(1, max_r + 1)
                   for a_, b_ in pairwise(RATIO_M))
    proof.assert_that("$T_{R2}(r,m)/B_{m+r}$ is below 1 and increases along $m = %s$ (exact rationals)"
                      % ", ".join(map(str, RATIO_M)), monotone, len(ratio_cases), "(r, m) ratios",
                      route="exact ratio")
    proof.compare(
        "The recurrence values used agree with counting.T (groups) and enumeration",
        [(rr, mm) for rr in range(1, max_r + 1) for mm in range(rr, rr + extra_m + 1)],
        claim=("recurrence", lambda rr, mm: _t2(rr, mm)),
        routes=[("counting.T", lambda rr, mm: counting.T(rr, mm, zero_type=C.R2)),
                ("enumeration", lambda rr, mm: C.enumerated_count(C.R2, rr, mm, enumeration_limit))],
        note=C.enumeration_note(C.R2, max_r, extra_m, enumeration_limit),
    )
    rows = "\n".join(f"{rr} & " + " & ".join(f"{float(ratios[(rr, mm)]):.4f}" for mm in RATIO_M) + r" \\"
                     for rr in range(1, max_r + 1))
    proof.table("Ratios T_R2(r,m)/B_(m+r) (exact rationals, printed rounded):",
                "\\begin{tabular}{r|" + "r" * len(RATIO_M) + "}\n$r$ & "
                + " & ".join(f"$m={mm}$" for mm in RATIO_M) + r" \\ \hline" + "\n" + rows + "\n\\end{tabular}")
    return proof.finish()


def main(argv=None) -> int:
    return proof_main(prove, argv, NAME)


if __name__ == "__main__":
    sys.exit(main())
