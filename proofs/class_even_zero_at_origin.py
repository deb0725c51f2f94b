r"""The even-zero-at-origin activation class (log cosh): counts of all three readings, derived and proved.

Claim (activation class ``even-zero-at-origin``; :math:`w=\pm v` are one class
with plain sums; :math:`w=0` is dead; a critical neuron may be dead,
:math:`w_j=0` with :math:`a_j` free, since :math:`\sigma(0)=\sigma'(0)=0`).
Its EGFs, hence its counts, are those of the odd class (the roles differ):

.. math::

    T_{R1}(r,m) &= \sum_{j=0}^{r}(-1)^j\binom rj\,(2(r-j)+2)^m = 2^m\,r!\,S(m+1,r+1),
        &\quad \text{EGF } (e^{2x}-1)^r e^{2x},\\
    T_{R2}(r,m) &= e^{-1/2}\sum_{i\ge0}\frac{2^{-i}}{i!}\sum_{j=0}^{r}(-1)^j\binom rj\,(2(r-j)+2i+1)^m,
        &\quad \text{EGF } (e^{2x}-1)^r e^{(e^{2x}-1)/2}e^x,\\
    G(r,m) &= \sum_{j=0}^{r}(-1)^j\binom rj\,(2(r-j)+1)^m = \sum_{k=0}^{r}\binom rk 2^{r-k}(r+k)!\,S(m+1,r+k+1),
        &\quad \text{EGF } (e^{2x}-1)^r e^x,

and :math:`T(r,r)=2^r\,r!`: the width-``r`` zero-loss set is :math:`2^r\,r!`
isolated points.  Derivation and checks: :mod:`proofs._class_common`.

Run ``python -m proofs.class_even_zero_at_origin [-o FILE]`` or
``symbolic-minima prove class_even_zero_at_origin``.
"""

from __future__ import annotations

import sys

import sympy

from symbolic_minima.proving import Proof, check_options, proof_main

from . import _class_common as K
from . import _common as C

NAME = "class_even_zero_at_origin"
ACTIVATION_CLASS = "even-zero-at-origin"
READING = None
CLAIM = ("even-zero-at-origin class (logcosh): the odd class's counts from its own roles: "
         "T_R1 = 2^m r! S(m+1,r+1), EGF (e^2x-1)^r e^2x; T_R2 EGF (e^2x-1)^r exp((e^2x-1)/2) e^x; "
         "G = sum_j (-1)^j C(r,j) (2(r-j)+1)^m, EGF (e^2x-1)^r e^x; T(r,r) = 2^r r! isolated points")

__all__ = ["NAME", "ACTIVATION_CLASS", "READING", "CLAIM", "prove", "claimed_forms"]


def claimed_forms() -> dict:
    """``{reading: {"egf", "sum"[, "stirling"]}, "points": T(r, r)}`` as sympy expressions in ``x``, ``r``, ``m``."""
    x = C.egf_variable()
    S2 = C.stirling().StirlingS2
    r, m, j, k = C.r, C.m, C.j, C.k
    i = sympy.Symbol("i", integer=True, nonnegative=True)
    e2 = sympy.exp(2 * x)
    half = sympy.Rational(1, 2)
    return {
        C.R1: {
            "egf": (e2 - 1) ** r * e2,
            "sum": sympy.Sum((-1) ** j * sympy.binomial(r, j) * (2 * (r - j) + 2) ** m, (j, 0, r)),
            "stirling": 2**m * sympy.factorial(r) * S2(m + 1, r + 1),
        },
        C.R2: {
            "egf": (e2 - 1) ** r * sympy.exp((e2 - 1) / 2) * sympy.exp(x),
            "sum": sympy.exp(-half) * sympy.Sum(
                half**i / sympy.factorial(i)
                * sympy.Sum((-1) ** j * sympy.binomial(r, j) * (2 * (r - j) + 2 * i + 1) ** m, (j, 0, r)),
                (i, 0, sympy.oo)),
        },
        C.CRITICAL: {
            "egf": (e2 - 1) ** r * sympy.exp(x),
            "sum": sympy.Sum((-1) ** j * sympy.binomial(r, j) * (2 * (r - j) + 1) ** m, (j, 0, r)),
            "stirling": sympy.Sum(sympy.binomial(r, k) * 2 ** (r - k) * sympy.factorial(r + k) * S2(m + 1, r + k + 1),
                                  (k, 0, r)),
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
