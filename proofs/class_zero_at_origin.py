r"""The zero-at-origin activation class (e.g. :math:`e^z-1`): counts of all three readings, derived and proved.

Claim (activation class ``zero-at-origin``; :math:`\sigma(0)=0`: a neuron with
:math:`w_j=0` is dead, :math:`a_j` free; critical neurons may be parked at :math:`(0,0)`):

.. math::

    T_{R1}(r,m) &= \sum_{j=0}^{r}(-1)^j\binom rj\,(r-j+2)^m = r!\,\big(S(m+2,r+2)-S(m+1,r+2)\big),
        &\quad \text{EGF } (e^x-1)^r e^{2x},\\
    T_{R2}(r,m) &= \sum_{k=r}^{m} k^{\underline r}\,(k-r+1)\,S(m,k)
                 = e^{-1}\sum_{i\ge0}\frac{1}{i!}\sum_{j=0}^{r}(-1)^j\binom rj\,(r-j+i+1)^m,
        &\quad \text{EGF } (e^x-1)^r e^{e^x-1}e^x,\\
    G(r,m) &= \sum_{j=0}^{r}(-1)^j\binom rj\,(r-j+1)^m = r!\,S(m+1,r+1),
        &\quad \text{EGF } (e^x-1)^r e^x,

and :math:`T(r,r)=r!`: the width-``r`` zero-loss set is :math:`r!` isolated
points.  Derivation and checks: :mod:`proofs._class_common`.

Run ``python -m proofs.class_zero_at_origin [-o FILE]`` or ``symbolic-minima prove class_zero_at_origin``.
"""

from __future__ import annotations

import sys

import sympy

from symbolic_minima.proving import Proof, check_options, proof_main

from . import _class_common as K
from . import _common as C

NAME = "class_zero_at_origin"
ACTIVATION_CLASS = "zero-at-origin"
READING = None
CLAIM = ("zero-at-origin class (e^z-1): T_R1 = sum_j (-1)^j C(r,j) (r-j+2)^m = r! (S(m+2,r+2) - S(m+1,r+2)), "
         "EGF (e^x-1)^r e^2x; T_R2 = sum_k k^(r) (k-r+1) S(m,k), EGF (e^x-1)^r exp(e^x-1) e^x; "
         "G = r! S(m+1,r+1), EGF (e^x-1)^r e^x; T(r,r) = r! isolated points")

__all__ = ["NAME", "ACTIVATION_CLASS", "READING", "CLAIM", "prove", "claimed_forms"]


def claimed_forms() -> dict:
    """``{reading: {"egf", "sum"[, "stirling"]}, "points": T(r, r)}`` as sympy expressions in ``x``, ``r``, ``m``."""
    x = C.egf_variable()
    S2 = C.stirling().StirlingS2
    r, m, j, k = C.r, C.m, C.j, C.k
    i = sympy.Symbol("i", integer=True, nonnegative=True)
    u = sympy.exp(x) - 1
    return {
        C.R1: {
            "egf": u**r * sympy.exp(2 * x),
            "sum": sympy.Sum((-1) ** j * sympy.binomial(r, j) * (r - j + 2) ** m, (j, 0, r)),
            "stirling": sympy.factorial(r) * (S2(m + 2, r + 2) - S2(m + 1, r + 2)),
        },
        C.R2: {
            "egf": u**r * sympy.exp(u) * sympy.exp(x),
            "sum": sympy.exp(-1) * sympy.Sum(
                sympy.Sum((-1) ** j * sympy.binomial(r, j) * (r - j + i + 1) ** m, (j, 0, r)) / sympy.factorial(i),
                (i, 0, sympy.oo)),
            "stirling": sympy.Sum(sympy.ff(k, r) * (k - r + 1) * S2(m, k), (k, r, m)),
        },
        C.CRITICAL: {
            "egf": u**r * sympy.exp(x),
            "sum": sympy.Sum((-1) ** j * sympy.binomial(r, j) * (r - j + 1) ** m, (j, 0, r)),
            "stirling": sympy.factorial(r) * S2(m + 1, r + 1),
        },
        "points": sympy.factorial(r),
    }

def prove(max_r=5, extra_m=5, enumeration_limit=C.DEFAULT_ENUMERATION_LIMIT, claimed=None) -> Proof:
    """Prove the claim; ``claimed`` (``{reading: {part: expr}}`` or ``{"points": expr}``) replaces parts of it
    (to test that wrong claims fail)."""
    max_r, extra_m, enumeration_limit = check_options(max_r, extra_m, enumeration_limit)
    forms = K.merge_claims(claimed_forms(), claimed)
    return K.prove_class(NAME, CLAIM, ACTIVATION_CLASS, forms, max_r, extra_m, enumeration_limit)


def main(argv=None) -> int:
    return proof_main(prove, argv, NAME)


if __name__ == "__main__":
    sys.exit(main())
