r"""The shift relation :math:`T_{R1}(r,m) = G(r+1,m+1)/(r+1)` (reading R1).

EGF form: :math:`\frac{d}{dx}\frac{(e^x-1)^{r+1}}{r+1} = e^x(e^x-1)^r`, and
differentiation shifts EGF coefficients.  Bijection: a surjection of
``[m+1]`` onto ``[r+1]`` whose last neuron has label ``c`` becomes an R1
labelling of ``[m]`` by turning the label ``c`` into the zero-type label 0
(and closing the gap); each of the ``r+1`` fibres is mapped one-to-one onto
the whole set of R1 labellings, which the proof checks set by set.

Run ``python -m proofs.relation_shift [-o FILE]``.
"""

from __future__ import annotations

import sys
from fractions import Fraction

import sympy

from symbolic_minima.labellings import critical_labellings, global_minimum_labellings
from symbolic_minima.proving import Proof, check_options, proof_main, tex

from . import _common as C

NAME = "relation_shift"
READING = C.R1
CLAIM = "T_R1(r,m) = G(r+1,m+1)/(r+1)"

__all__ = ["NAME", "READING", "CLAIM", "prove", "fibres_are_bijections"]


def fibres_are_bijections(rr: int, mm: int) -> tuple[bool, int]:
    """Check, on every surjection ``[m+1] -> [r+1]``, that each fibre ``{s : s(m+1) = c}`` maps bijectively
    onto the R1 labellings.

    Returns ``(ok, surjections examined)``.
    """
    target = set(global_minimum_labellings(rr, mm, zero_type=C.R1))
    fibres: dict[int, list] = {c: [] for c in range(1, rr + 2)}
    seen = 0
    for s in critical_labellings(rr + 1, mm + 1):
        seen += 1
        c = s[-1]
        fibres[c].append(tuple(0 if v == c else (v if v < c else v - 1) for v in s[:-1]))
    ok = all(len(images) == len(target) and set(images) == target for images in fibres.values())
    return ok, seen


def prove(max_r=5, extra_m=5, enumeration_limit=C.DEFAULT_ENUMERATION_LIMIT, claimed_divisor=None) -> Proof:
    """Prove the claim (``claimed_divisor`` replaces r+1, to test that a wrong claim fails)."""
    max_r, extra_m, enumeration_limit = check_options(max_r, extra_m, enumeration_limit)
    from symbolic_minima import counting

    sp = C.species()
    x, r, m = sp.EGF_VARIABLE, C.r, C.m
    d = r + 1 if claimed_divisor is None else claimed_divisor
    proof = Proof(NAME, CLAIM, r"T_{R1}(r,m) = \frac{G(r+1,\,m+1)}{%s}" % tex(d), reading=READING)

    F_T = sp.global_minimum_species(r, zero_type=C.R1).egf()
    F_G = C.critical_egf(r + 1)
    proof.derive("EGFs of $T_{R1}(r, \\cdot)$ and of $G(r+1, \\cdot)$ from the species",
                 r"\left(\sum_m T_{R1}(r,m)\tfrac{x^m}{m!},\ \sum_n G(r+1,n)\tfrac{x^n}{n!}\right)",
                 sympy.Tuple(F_T, F_G))
    proof.identity("Derivative identity: the derivative of the EGF of $G(r+1, \\cdot)$, "
                   "divided by the claimed divisor, is the EGF of $T_{R1}(r, \\cdot)$", sympy.diff(F_G, x) / d, F_T,
                   display=r"\frac{1}{%s}\frac{d}{dx}%s" % (tex(d), tex(F_G)))
    ok, how = C.egf_shift_lemma()
    proof.lemma("Differentiation shifts EGF coefficients: $m!\\,[x^m]\\,F' = (m+1)!\\,[x^{m+1}]\\,F$",
                r"\frac{d}{dx}\sum_{n} a_n \frac{x^n}{n!}", r"\sum_{n} a_{n+1}\frac{x^n}{n!}", ok, how)
    lhs = sp.closed_form_coefficient(F_T, m)
    rhs = sp.closed_form_coefficient(F_G, m + 1) / d
    proof.sum_identity("Closed forms for symbolic m: the coefficient sums agree term by term", lhs, rhs)

    values = {}

    def claim_value(rr, mm):
        g = counting.G(rr + 1, mm + 1)
        q = Fraction(g) / int(d.subs(r, rr)) if isinstance(d, sympy.Basic) else Fraction(g, d)
        if q.denominator != 1:
            raise ArithmeticError(f"G({rr + 1},{mm + 1}) = {g} is not divisible by {d}")
        values[(rr, mm)] = int(q)
        return int(q)

    cases = C.rm_cases(max_r, extra_m)
    proof.compare(
        f"$G(r+1,m+1)/(r+1)$ against $T_{{R1}}(r,m)$, every $r \\le {max_r}$, $r \\le m \\le r+{extra_m}$",
        cases,
        claim=("G(r+1,m+1)/(r+1) from counting.G", claim_value),
        routes=[
            ("EGF coefficient", lambda rr, mm: sp.coefficient(F_T.subs(r, rr), mm)),
            ("recurrence", lambda rr, mm: C.t_recurrence(rr, mm, C.R1)),
            ("enumeration", lambda rr, mm: C.enumerated_count(C.R1, rr, mm, enumeration_limit)),
        ],
        note=C.enumeration_note(C.R1, max_r, extra_m, enumeration_limit),
    )
    bij_limit = C.bijection_limit(enumeration_limit)
    done = [(rr, mm) for rr, mm in cases if C.g_recurrence(rr + 1, mm + 1) <= bij_limit]
    C.assert_bijection(
        proof,
        "Bijection: each fibre $s(m+1) = c$ of the surjections $[m+1] \\to [r+1]$ maps onto the R1 labellings of $[m]$",
        fibres_are_bijections, done,
        f"surjections mapped, set equality in the {len(done)} cases with G(r+1,m+1) <= {bij_limit}",
        unit="surjections",
    )
    proof.table("Verified values of $G(r+1, m+1)/(r+1) = T_{R1}(r, m)$, $m = r + h$:",
                C.values_tabular(values, max_r, extra_m))
    return proof.finish()


def main(argv=None) -> int:
    return proof_main(prove, argv, NAME)


if __name__ == "__main__":
    sys.exit(main())
