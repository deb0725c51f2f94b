r"""G: closed forms of the number of symmetry-induced critical subspaces.

Claim (mathematical reference, 'Critical subspaces'; independent of the reading of zero-type neurons):

.. math::

    G(r,m) = \sum_{j=0}^{r}(-1)^j\binom rj (r-j)^m = r!\,S(m,r),
    \qquad \sum_{m\ge0} G(r,m)\frac{x^m}{m!} = (e^x-1)^r .

Derivation: species (non-empty SET of replicas)^r -> EGF symbolic in r ->
coefficient for symbolic m -> the explicit sum of the Stirling numbers.
Checked exactly against enumeration of surjections and the last-neuron
recurrence.

Run ``python -m proofs.g_critical [-o FILE]``.
"""

from __future__ import annotations

import sys

import sympy

from symbolic_minima.proving import Proof, check_options, proof_main, tex

from . import _common as C

NAME = "g_critical"
READING = None
CLAIM = "G(r,m) = sum_j (-1)^j C(r,j) (r-j)^m = r! S(m,r), EGF (e^x-1)^r"

__all__ = ["NAME", "READING", "CLAIM", "prove", "claimed_forms"]


def claimed_forms():
    """The claimed EGF, sum form and Stirling form, as sympy expressions in ``x``, ``r``, ``m``."""
    x = C.species().EGF_VARIABLE
    r, m, j = C.r, C.m, C.j
    egf = (sympy.exp(x) - 1) ** r
    sum_form = sympy.Sum((-1) ** j * sympy.binomial(r, j) * (r - j) ** m, (j, 0, r))
    stirling_form = sympy.factorial(r) * C.stirling().StirlingS2(m, r)
    return egf, sum_form, stirling_form


def prove(max_r=5, extra_m=5, enumeration_limit=C.DEFAULT_ENUMERATION_LIMIT, claimed_egf=None,
          claimed_sum=None, claimed_stirling=None) -> Proof:
    """Prove the claim; the ``claimed_*`` arguments replace parts of the claim (to test that wrong claims fail)."""
    max_r, extra_m, enumeration_limit = check_options(max_r, extra_m, enumeration_limit)
    sp = C.species()
    x, r, m = sp.EGF_VARIABLE, C.r, C.m
    egf_c, sum_c, stir_c = C.replace_claimed(claimed_forms(), (claimed_egf, claimed_sum, claimed_stirling))
    G = sympy.Function("G")
    proof = Proof(
        NAME,
        CLAIM,
        f"G(r,m) = {tex(sum_c)} = {tex(stir_c)}, \\qquad "
        f"\\sum_{{m\\ge0}} G(r,m)\\frac{{x^m}}{{m!}} = {tex(egf_c)}",
        reading=READING,
    )

    species = sp.critical_species(r)
    F = species.egf()
    proof.derive("EGF of the species of surjective labellings (r ordered non-empty replica SETs)",
                 r"\sum_{m\ge0} G(r,m)\frac{x^m}{m!}", F)
    replica = sp.replica_group().egf()
    proof.identity("Product rule: the EGF is the r-th power of the EGF of a replica group", F, replica**r,
                   display=r"E_{\mathrm{replica}}(x)^{r}\Big|_{E_{\mathrm{replica}}=%s}" % tex(replica))
    proof.identity("The EGF equals the claimed EGF", F, egf_c)

    ok, how = C.binomial_expansion_lemma()
    proof.lemma("Binomial expansion of the EGF into exponentials", F,
                C.exponential_expansion(x), ok, how,
                note="Then $m!\\,[x^m]\\, e^{ax} = a^m$.")
    coeff = sp.closed_form_coefficient(F, m)
    proof.derive("Coefficient extraction for symbolic m", G(r, m), coeff)
    proof.sum_identity("The extracted coefficient equals the claimed sum form", coeff, sum_c)
    proof.identity("Special case $r = 1$, for every $m$: $G(1,m) = 1$ for $m \\ge 1$",
                   sum_c.subs(r, 1).doit(), 1 - 0**m)
    proof.identity("Special case $r = 2$, for every $m$: $G(2,m) = 2^m - 2$ for $m \\ge 1$",
                   sum_c.subs(r, 2).doit(), 2**m - 2 + 0**m)
    proof.sum_identity("$r!$ times the explicit sum of $S(m, r)$ equals the extracted coefficient, "
                       "so $G(r,m) = r!\\,S(m,r)$",
                       sympy.factorial(r) * C.stirling().StirlingS2(m, r).rewrite(sympy.Sum), coeff)
    proof.identity("The claimed Stirling form is $r!\\,S(m, r)$", stir_c,
                   sympy.factorial(r) * C.stirling().StirlingS2(m, r))

    values: dict = {}
    proof.compare(
        "$G(r,m)$ for every $r \\le %d$, $r-2 \\le m \\le r+%d$" % (max_r, extra_m),
        C.rm_cases(max_r, extra_m, low=min(2, max_r)),
        claim=("claimed sum form", C.recording_values(sum_c, values)),
        routes=[
            ("Stirling form", lambda rr, mm: stir_c.subs({r: rr, m: mm}).doit()),
            ("EGF coefficient", lambda rr, mm: sp.coefficient(F.subs(r, rr), mm)),
            ("enumeration", lambda rr, mm: C.enumerated_count(C.CRITICAL, rr, mm, enumeration_limit)),
            ("recurrence", lambda rr, mm: C.g_recurrence(rr, mm)),
            ("species structures", C.structures_route(C.CRITICAL)),
        ],
        note=C.enumeration_note(C.CRITICAL, max_r, extra_m, enumeration_limit),
    )
    C.structures_bijection_check(proof, C.CRITICAL, max_r, extra_m)
    proof.table("Verified values of G(r, r+h):", C.values_tabular(values, max_r, extra_m))
    return proof.finish()


def main(argv=None) -> int:
    return proof_main(prove, argv, NAME)


if __name__ == "__main__":
    sys.exit(main())
