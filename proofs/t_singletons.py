r"""T in the singletons reading (R1): closed forms of the number of global-minimum subspaces.

Claim (mathematical reference, 'Global-minimum subspaces', reading R1):

.. math::

    T_{R1}(r,m) = \sum_{j=0}^{r}(-1)^j\binom rj (r+1-j)^m = r!\,S(m+1,r+1),
    \qquad \sum_{m\ge0} T_{R1}(r,m)\frac{x^m}{m!} = e^x(e^x-1)^r .

Derivation: species (SET of zero-type neurons) x (non-empty SET of replicas)^r
-> EGF symbolic in r -> coefficient for symbolic m -> Stirling form through
:math:`\frac{d}{dx}\frac{(e^x-1)^{r+1}}{r+1} = e^x(e^x-1)^r`.  Checked exactly
against enumeration of labellings and the last-neuron recurrence.

Run ``python -m proofs.t_singletons [-o FILE]``.
"""

from __future__ import annotations

import sys

import sympy

from symbolic_minima.proving import Proof, check_options, proof_main, tex

from . import _common as C

NAME = "t_singletons"
READING = C.R1
CLAIM = "T_R1(r,m) = sum_j (-1)^j C(r,j) (r+1-j)^m = r! S(m+1,r+1), EGF e^x (e^x-1)^r"

__all__ = ["NAME", "READING", "CLAIM", "prove", "claimed_forms"]


def claimed_forms():
    """The claimed EGF, sum form and Stirling form, as sympy expressions in ``x``, ``r``, ``m``."""
    x = C.species().EGF_VARIABLE
    S2 = C.stirling().StirlingS2
    r, m, j = C.r, C.m, C.j
    egf = sympy.exp(x) * (sympy.exp(x) - 1) ** r
    sum_form = sympy.Sum((-1) ** j * sympy.binomial(r, j) * (r + 1 - j) ** m, (j, 0, r))
    stirling_form = sympy.factorial(r) * S2(m + 1, r + 1)
    return egf, sum_form, stirling_form


def prove(max_r=5, extra_m=5, enumeration_limit=C.DEFAULT_ENUMERATION_LIMIT, claimed_egf=None,
          claimed_sum=None, claimed_stirling=None) -> Proof:
    """Prove the claim; the ``claimed_*`` arguments replace parts of the claim (to test that wrong claims fail)."""
    max_r, extra_m, enumeration_limit = check_options(max_r, extra_m, enumeration_limit)
    sp, st = C.species(), C.stirling()
    x, r, m, n = sp.EGF_VARIABLE, C.r, C.m, C.n
    egf_c, sum_c, stir_c = C.replace_claimed(claimed_forms(), (claimed_egf, claimed_sum, claimed_stirling))
    T = sympy.Function("T_{R1}")
    proof = Proof(
        NAME,
        CLAIM,
        f"T_{{R1}}(r,m) = {tex(sum_c)} = {tex(stir_c)}, \\qquad "
        f"\\sum_{{m\\ge0}} T_{{R1}}(r,m)\\frac{{x^m}}{{m!}} = {tex(egf_c)}",
        reading=READING,
    )

    # 1. species from the neuron roles, EGF symbolic in r
    species = sp.global_minimum_species(r, zero_type=C.R1)
    F = species.egf()
    proof.derive("EGF of the species of R1 labellings (zero-type SET times r non-empty replica SETs)",
                 r"\sum_{m\ge0} T_{R1}(r,m)\frac{x^m}{m!}", F)
    zero, replica = sp.zero_type_neurons().egf(), sp.replica_group().egf()
    proof.identity("Product rule: the EGF is the product of the EGFs of the neuron roles", F, zero * replica**r,
                   display=r"E_{\mathrm{zero}}(x)\,E_{\mathrm{replica}}(x)^{r}\Big|_{E_{\mathrm{zero}}=%s,\ "
                           r"E_{\mathrm{replica}}=%s}" % (tex(zero), tex(replica)))
    proof.identity("The EGF equals the claimed EGF", F, egf_c)

    # 2. coefficient for symbolic m
    ok, how = C.binomial_expansion_lemma()
    proof.lemma("Binomial expansion of the EGF into exponentials", (sympy.exp(x) - 1) ** r,
                C.exponential_expansion(x), ok, how,
                note="Then $m!\\,[x^m]\\, e^{ax} = a^m$.")
    coeff = sp.closed_form_coefficient(F, m)
    proof.derive("Coefficient extraction for symbolic m", T(r, m), coeff)
    proof.sum_identity("The extracted coefficient equals the claimed sum form", coeff, sum_c)
    proof.identity("Special case $r = 1$, for every $m$: $T_{R1}(1,m) = 2^m - 1$",
                   sum_c.subs(r, 1).doit(), 2**m - 1)

    # 3. Stirling form through the derivative identity
    G_next = C.critical_egf(r + 1)
    H = G_next / sympy.factorial(r + 1)
    proof.identity("Derivative identity: $r!\\,H'(x)$ is the EGF, with $H(x) = (e^x-1)^{r+1}/(r+1)!$",
                   sympy.factorial(r) * sympy.diff(H, x), F,
                   display=r"r!\,\frac{d}{dx}%s" % tex(H))
    ok, how = C.egf_shift_lemma()
    proof.lemma("Differentiation shifts EGF coefficients, so $T_{R1}(r,m) = r!\\,(m+1)!\\,[x^{m+1}]\\,H(x)$",
                r"\frac{d}{dx}\sum_{n} a_n \frac{x^n}{n!}", r"\sum_{n} a_{n+1}\frac{x^n}{n!}", ok, how)
    H_coeff = sp.closed_form_coefficient(G_next, n) / sympy.factorial(r + 1)
    proof.sum_identity("$H$ is the EGF of the Stirling numbers $S(n, r+1)$ (explicit sum of StirlingS2)",
                       H_coeff, st.StirlingS2(n, r + 1).rewrite(sympy.Sum))
    proof.identity("Hence $T_{R1}(r,m) = r!\\,S(m+1, r+1)$: the claimed Stirling form", stir_c,
                   sympy.factorial(r) * st.StirlingS2(m + 1, r + 1))
    proof.sum_identity("Cross-check: the Stirling form, written as a sum, equals the sum form",
                       sympy.expand_func(stir_c).rewrite(sympy.Sum), sum_c)

    # 4. exact checks
    values: dict = {}
    cases = C.rm_cases(max_r, extra_m, low=min(2, max_r))
    proof.compare(
        "$T_{R1}(r,m)$ for every $r \\le %d$, $r-2 \\le m \\le r+%d$" % (max_r, extra_m),
        cases,
        claim=("claimed sum form", C.recording_values(sum_c, values)),
        routes=[
            ("Stirling form", lambda rr, mm: stir_c.subs({r: rr, m: mm}).doit()),
            ("EGF coefficient", lambda rr, mm: sp.coefficient(F.subs(r, rr), mm)),
            ("enumeration", lambda rr, mm: C.enumerated_count(C.R1, rr, mm, enumeration_limit)),
            ("recurrence", lambda rr, mm: C.t_recurrence(rr, mm, C.R1)),
            ("species structures", C.structures_route(C.R1)),
        ],
        note=C.enumeration_note(C.R1, max_r, extra_m, enumeration_limit),
    )
    C.structures_bijection_check(proof, C.R1, max_r, extra_m)
    proof.table(f"Verified values of $T_{{R1}}(r, r+h)$ ({READING}):",
                C.values_tabular(values, max_r, extra_m))
    return proof.finish()


def main(argv=None) -> int:
    return proof_main(prove, argv, NAME)


if __name__ == "__main__":
    sys.exit(main())
