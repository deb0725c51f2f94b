r"""T in the groups reading (R2): the number of maximal affine subspaces of the zero-loss set.

Claim (mathematical reference, 'Global-minimum subspaces', reading R2):

.. math::

    T_{R2}(r,m) = \sum_{k=0}^{m}\binom mk B_k\, r!\,S(m-k,r)
    = \frac1e\sum_{i\ge0}\frac{1}{i!}\sum_{j=0}^{r}(-1)^j\binom rj (i+r-j)^m,
    \qquad \sum_{m\ge0}T_{R2}(r,m)\frac{x^m}{m!} = (e^x-1)^r e^{e^x-1}.

Derivation: species (non-empty SET of replicas)^r x SET(non-empty SETs of
zero neurons) -> EGF symbolic in r -> Dobinski-type coefficient for symbolic
m, and the binomial convolution of the Bell numbers (EGF :math:`e^{e^x-1}`)
with :math:`r!\,S(n,r)` (EGF :math:`(e^x-1)^r`).  Checked exactly against
enumeration of R2 labellings and the last-neuron recurrence; the Dobinski
series is checked numerically (60 digits).

Run ``python -m proofs.t_groups [-o FILE]``.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from math import comb, factorial

import sympy

from symbolic_minima.proving import Proof, check_options, proof_main, tex

from . import _common as C

NAME = "t_groups"
READING = C.R2
CLAIM = ("T_R2(r,m) = sum_k C(m,k) Bell(k) r! S(m-k,r) = e^-1 sum_i 1/i! sum_j (-1)^j C(r,j) (i+r-j)^m, "
         "EGF (e^x-1)^r exp(e^x-1)")

__all__ = ["NAME", "READING", "CLAIM", "prove", "claimed_forms", "dobinski_value"]

_i = sympy.Symbol("i", integer=True, nonnegative=True)


def claimed_forms():
    """The claimed EGF, convolution (Bell-Stirling) form and Dobinski form, in ``x``, ``r``, ``m``."""
    x = C.species().EGF_VARIABLE
    S2 = C.stirling().StirlingS2
    r, m, j, k = C.r, C.m, C.j, C.k
    egf = (sympy.exp(x) - 1) ** r * sympy.exp(sympy.exp(x) - 1)
    convolution = sympy.Sum(sympy.binomial(m, k) * sympy.bell(k) * sympy.factorial(r) * S2(m - k, r), (k, 0, m))
    dobinski = sympy.exp(-1) * sympy.Sum(
        sympy.Sum((-1) ** j * sympy.binomial(r, j) * (_i + r - j) ** m, (j, 0, r)) / sympy.factorial(_i),
        (_i, 0, sympy.oo))
    return egf, convolution, dobinski


def dobinski_value(rr: int, mm: int, digits: int = 60) -> int:
    r"""Evaluate :math:`\frac1e\sum_{i\ge0}\frac1{i!}\sum_j(-1)^j\binom rj(i+r-j)^m` numerically.

    The series is summed exactly (``Fraction``) until its terms fall below
    ``10**-digits``, multiplied by :math:`e^{-1}` at ``digits`` digits, and
    rounded; raises ``ArithmeticError`` if the result is not within ``1e-20``
    of an integer.
    """
    import mpmath

    total = Fraction(0)
    i = 0
    eps = Fraction(1, 10**digits)
    while True:
        term = Fraction(sum((-1) ** jj * comb(rr, jj) * (i + rr - jj) ** mm for jj in range(rr + 1)), factorial(i))
        total += term
        # beyond i > 2m the terms decrease at least geometrically (ratio <= 1/2)
        if i > 2 * mm + 2 * rr + 2 and abs(term) < eps:
            break
        i += 1
    with mpmath.workdps(digits + 10):
        value = mpmath.mpf(total.numerator) / total.denominator * mpmath.exp(-1)
        nearest = int(mpmath.nint(value))
        if abs(value - nearest) > mpmath.mpf(10) ** -20:
            raise ArithmeticError(f"Dobinski series at r={rr}, m={mm} is not an integer: {value}")
    return nearest


def prove(max_r=5, extra_m=5, enumeration_limit=C.DEFAULT_ENUMERATION_LIMIT, claimed_egf=None,
          claimed_convolution=None, claimed_dobinski=None) -> Proof:
    """Prove the claim; the ``claimed_*`` arguments replace parts of the claim (to test that wrong claims fail)."""
    max_r, extra_m, enumeration_limit = check_options(max_r, extra_m, enumeration_limit)
    sp, st = C.species(), C.stirling()
    x, r, m, n, k = sp.EGF_VARIABLE, C.r, C.m, C.n, C.k
    egf_c, conv_c, dob_c = C.replace_claimed(claimed_forms(), (claimed_egf, claimed_convolution, claimed_dobinski))
    T = sympy.Function("T_{R2}")
    proof = Proof(
        NAME,
        CLAIM,
        f"T_{{R2}}(r,m) = {tex(conv_c)} = {tex(dob_c)}, \\qquad "
        f"\\sum_{{m\\ge0}} T_{{R2}}(r,m)\\frac{{x^m}}{{m!}} = {tex(egf_c)}",
        reading=READING,
    )

    # 1. species from the neuron roles
    species = sp.global_minimum_species(r, zero_type=C.R2)
    F = species.egf()
    proof.derive("EGF of the species of R2 labellings (r replica SETs times a SET of zero-sum groups)",
                 r"\sum_{m\ge0} T_{R2}(r,m)\frac{x^m}{m!}", F)
    replica, groups = sp.replica_group().egf(), sp.zero_sum_groups().egf()
    proof.identity("Product rule: the EGF is the product of the EGFs of the neuron roles", F, replica**r * groups,
                   display=r"E_{\mathrm{replica}}(x)^{r}\,E_{\mathrm{groups}}(x)\Big|_{E_{\mathrm{replica}}=%s,\ "
                           r"E_{\mathrm{groups}}=%s}" % (tex(replica), tex(groups)))
    proof.identity("The EGF equals the claimed EGF", F, egf_c)
    bell_coeff = sp.closed_form_coefficient(groups, n)
    proof.sum_identity("The zero-sum groups (a SET of non-empty SETs) are counted by the Bell numbers "
                       "(Dobinski's formula)", bell_coeff, sympy.bell(n).rewrite(sympy.Sum))

    # 2. coefficient for symbolic m: Dobinski-type double series
    ok, how = C.binomial_expansion_lemma()
    proof.lemma("Binomial expansion of $(e^x-1)^r$, and $\\exp(e^x-1) = e^{-1}\\sum_i e^{ix}/i!$",
                (sympy.exp(x) - 1) ** r,
                C.exponential_expansion(x), ok, how,
                note="Then $m!\\,[x^m]\\, e^{ax} = a^m$, term by term in the absolutely convergent series.")
    coeff = sp.closed_form_coefficient(F, m)
    proof.derive("Coefficient extraction for symbolic m", T(r, m), coeff)
    proof.sum_identity("The extracted coefficient equals the claimed Dobinski-type form", coeff, dob_c)

    # 3. convolution with Bell and Stirling numbers
    ok, how = C.convolution_lemma()
    proof.lemma("Product of EGFs is the binomial convolution of their coefficients",
                r"m!\,[x^m]\,A(x)B(x)", r"\sum_{k=0}^{m}\binom{m}{k}a_k\,b_{m-k}", ok, how)
    g_coeff = sp.closed_form_coefficient(replica**r, n)
    proof.sum_identity("The factor $(e^x-1)^r$ contributes $r!\\,S(n, r)$ (explicit sum of StirlingS2)",
                       sympy.factorial(r) * st.StirlingS2(n, r).rewrite(sympy.Sum), g_coeff)
    proof.sum_identity("Hence the claimed convolution form", conv_c,
                       sympy.Sum(sympy.binomial(m, k) * sympy.bell(k) * sympy.factorial(r) * st.StirlingS2(m - k, r),
                                 (k, 0, m)))

    # 4. exact checks
    values: dict = {}
    proof.compare(
        "$T_{R2}(r,m)$ for every $r \\le %d$, $r-2 \\le m \\le r+%d$" % (max_r, extra_m),
        C.rm_cases(max_r, extra_m, low=min(2, max_r)),
        claim=("claimed convolution form", C.recording_values(conv_c, values)),
        routes=[
            ("EGF coefficient", lambda rr, mm: sp.coefficient(F.subs(r, rr), mm)),
            ("enumeration", lambda rr, mm: C.enumerated_count(C.R2, rr, mm, enumeration_limit)),
            ("recurrence", lambda rr, mm: C.t_recurrence(rr, mm, C.R2)),
            ("species structures", C.structures_route(C.R2)),
            ("Dobinski series (60-digit numerics)", lambda rr, mm: _dobinski_route(dob_c, rr, mm)),
        ],
        note=C.enumeration_note(C.R2, max_r, extra_m, enumeration_limit),
    )
    C.structures_bijection_check(proof, C.R2, max_r, extra_m)
    agree = [(rr, mm) for rr, mm in C.rm_cases(max_r, min(extra_m, 1)) if mm >= 1]
    differ = [(rr, rr + h) for rr in range(1, max_r + 1) for h in range(2, extra_m + 1)]
    proof.assert_that(
        "R1 and R2 agree exactly for $m \\le r+1$ and R2 is larger from $h = 2$ on",
        all(values[c] == C.t_recurrence(*c, C.R1) for c in agree)
        and all(values[c] > C.t_recurrence(*c, C.R1) for c in differ),
        len(agree) + len(differ),
        "cases compared with T_R1 (recurrence)",
    )
    proof.table(f"Verified values of $T_{{R2}}(r, r+h)$ ({READING}):", C.values_tabular(values, max_r, extra_m))
    return proof.finish()


def _dobinski_route(dob_c, rr, mm):
    if dob_c is claimed_forms()[2] or dob_c == claimed_forms()[2]:
        return dobinski_value(rr, mm)
    # a replaced (e.g. deliberately wrong) Dobinski form: evaluate it generically
    value = sympy.N(dob_c.subs({C.r: rr, C.m: mm}), 50)
    nearest = int(round(value))
    if abs(value - nearest) > 1e-20:
        raise ArithmeticError(f"Dobinski form at r={rr}, m={mm} is not an integer: {value}")
    return nearest


def main(argv=None) -> int:
    return proof_main(prove, argv, NAME)


if __name__ == "__main__":
    sys.exit(main())
