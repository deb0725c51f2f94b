r"""The even activation class with :math:`\sigma(0)\neq0` (Gaussian, cosh): counts of all three readings, proved.

Claim (activation class ``even``; :math:`w=\pm v` are one class with plain
sums :math:`\sum a_j`; :math:`w=0` is an ordinary class that must sum to 0,
and is never critical):

.. math::

    T_{R1}(r,m) &= \sum_{j=0}^{r}(-1)^j\binom rj\,(2(r-j)+1)^m = \sum_{k=0}^{r}\binom rk 2^{r-k}(r+k)!\,S(m+1,r+k+1),
        &\quad \text{EGF } (e^{2x}-1)^r e^x,\\
    T_{R2}(r,m) &= 2^m\sum_{k=r}^{m} k^{\underline r}\,2^{r-k}\,S(m,k)
                 = e^{-1/2}\sum_{i\ge0}\frac{2^{-i}}{i!}\sum_{j=0}^{r}(-1)^j\binom rj\,(2(r-j)+2i)^m,
        &\quad \text{EGF } (e^{2x}-1)^r e^{(e^{2x}-1)/2},\\
    G(r,m) &= \sum_{j=0}^{r}(-1)^j\binom rj\,(2(r-j))^m = 2^m\,r!\,S(m,r),
        &\quad \text{EGF } (e^{2x}-1)^r,

and :math:`T(r,r)=2^r\,r!`: the width-``r`` zero-loss set is :math:`2^r\,r!`
isolated points.  Derivation and checks: :mod:`proofs._class_common`.

Run ``python -m proofs.class_even [-o FILE]`` or ``symbolic-minima prove class_even``.
"""

from __future__ import annotations

import sys

import sympy

from symbolic_minima.proving import Proof, check_options, proof_main

from . import _class_common as K
from . import _common as C

NAME = "class_even"
ACTIVATION_CLASS = "even"
READING = None
CLAIM = ("even class (gaussian, cosh): T_R1 = sum_j (-1)^j C(r,j) (2(r-j)+1)^m, EGF (e^2x-1)^r e^x; "
         "T_R2 = 2^m sum_k k^(r) 2^(r-k) S(m,k), EGF (e^2x-1)^r exp((e^2x-1)/2); G = 2^m r! S(m,r), "
         "EGF (e^2x-1)^r; T(r,r) = 2^r r! isolated points")

__all__ = ["NAME", "ACTIVATION_CLASS", "READING", "CLAIM", "prove", "claimed_forms"]


def claimed_forms() -> dict:
    """``{reading: {"egf", "sum"[, "stirling"]}, "points": T(r, r)}`` as sympy expressions in ``x``, ``r``, ``m``."""
    x = C.egf_variable()
    S2 = C.stirling().StirlingS2
    r, m, j, k = C.r, C.m, C.j, C.k
    i = sympy.Symbol("i", integer=True, nonnegative=True)
    v = sympy.exp(2 * x) - 1
    half = sympy.Rational(1, 2)
    return {
        C.R1: {
            "egf": v**r * sympy.exp(x),
            "sum": sympy.Sum((-1) ** j * sympy.binomial(r, j) * (2 * (r - j) + 1) ** m, (j, 0, r)),
            "stirling": sympy.Sum(sympy.binomial(r, k) * 2 ** (r - k) * sympy.factorial(r + k) * S2(m + 1, r + k + 1),
                                  (k, 0, r)),
        },
        C.R2: {
            "egf": v**r * sympy.exp(v / 2),
            "sum": sympy.exp(-half) * sympy.Sum(
                half**i / sympy.factorial(i)
                * sympy.Sum((-1) ** j * sympy.binomial(r, j) * (2 * (r - j) + 2 * i) ** m, (j, 0, r)),
                (i, 0, sympy.oo)),
            "stirling": 2**m * sympy.Sum(sympy.ff(k, r) * 2 ** (r - k) * S2(m, k), (k, r, m)),
        },
        C.CRITICAL: {
            "egf": v**r,
            "sum": sympy.Sum((-1) ** j * sympy.binomial(r, j) * (2 * (r - j)) ** m, (j, 0, r)),
            "stirling": 2**m * sympy.factorial(r) * S2(m, r),
        },
        "points": 2**r * sympy.factorial(r),
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
