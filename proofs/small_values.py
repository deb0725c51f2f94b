r"""The small values of the mathematical reference ('Small values'), by induction with symbolic inductive steps.

Claims (reading R1 for T):

.. math::

    T_{R1}(r,r) = r!,\quad T_{R1}(r,r+1) = \frac{(r+1)!\,(r+2)}{2},\quad T_{R1}(1,m) = 2^m-1,\quad
    G(r,r) = r!,\quad G(r,r+1) = \frac{(r+1)!\,r}{2}.

Each is proved by induction from the last-neuron recurrences
:math:`T(r,m)=(r+1)T(r,m-1)+r\,T(r-1,m-1)` and
:math:`G(r,m)=r\,G(r,m-1)+r\,G(r-1,m-1)` (themselves checked against
enumeration): the inductive step is an identity in the symbol r (or m) that
sympy reduces to 0, the base case is computed.  Then checked exactly against
:mod:`symbolic_minima.counting` for r <= 40 and against the table of the mathematical reference ('Small values')
(including the R2 examples 10 at (1,3) and 62 at (2,4)).

Run ``python -m proofs.small_values [-o FILE]``.
"""

from __future__ import annotations

import sys

import sympy

from symbolic_minima.proving import Proof, check_options, proof_main, tex

from . import _common as C

NAME = "small_values"
READING = C.R1
CLAIM = ("T_R1(r,r) = r!, T_R1(r,r+1) = (r+1)!(r+2)/2, T_R1(1,m) = 2^m-1, G(r,r) = r!, G(r,r+1) = (r+1)! r/2 "
         "(and the table of the mathematical reference, 'Small values')")

__all__ = ["NAME", "READING", "CLAIM", "prove", "REFERENCE_TABLE", "SPEC_TABLE"]

#: The mathematical reference ('Small values'): values for m = r..r+3 (used only as an external check of
#: the derived values).
REFERENCE_TABLE: dict[str, dict] = {
    "T": {1: (1, 3, 7, 15), 2: (2, 12, 50, 180), 3: (6, 60, 390, 2100)},
    "G": {1: (1, 1, 1, 1), 2: (2, 6, 14, 30), 3: (6, 36, 150, 540)},
    "T_groups": {(1, 3): 10, (2, 4): 62},
    "T_singletons_vs_groups": {(1, 3): 7, (2, 4): 50},
}
#: The former name of :data:`REFERENCE_TABLE` (kept for compatibility).
SPEC_TABLE = REFERENCE_TABLE


def prove(max_r=5, extra_m=5, enumeration_limit=C.DEFAULT_ENUMERATION_LIMIT, claimed=None) -> Proof:
    """Prove the claims (``claimed`` may replace the dict of closed forms, to test that a wrong one fails)."""
    max_r, extra_m, enumeration_limit = check_options(max_r, extra_m, enumeration_limit)
    from symbolic_minima import counting

    r, m = C.r, C.m
    f = sympy.factorial
    forms = {
        "T(r,r)": f(r),
        "T(r,r+1)": f(r + 1) * (r + 2) / 2,
        "T(1,m)": 2**m - 1,
        "G(r,r)": f(r),
        "G(r,r+1)": f(r + 1) * r / 2,
    }
    if claimed is not None:
        forms.update(claimed)
    proof = Proof(NAME, CLAIM,
                  r"T_{R1}(r,r) = %s,\ T_{R1}(r,r+1) = %s,\ T_{R1}(1,m) = %s,\ G(r,r) = %s,\ G(r,r+1) = %s"
                  % tuple(tex(forms[k]) for k in ("T(r,r)", "T(r,r+1)", "T(1,m)", "G(r,r)", "G(r,r+1)")),
                  reading=READING)

    rec_cases = [(rr, mm) for rr in range(1, max_r + 1) for mm in range(rr, rr + extra_m + 1)
                 if C.t_recurrence(rr, mm, C.R1) <= enumeration_limit]
    proof.compare(
        "The last-neuron recurrences agree with enumeration of labellings",
        rec_cases,
        claim=("recurrence (T_R1)", lambda rr, mm: C.t_recurrence(rr, mm, C.R1)),
        routes=[("enumeration", lambda rr, mm: C.enumerated_count(C.R1, rr, mm, enumeration_limit))],
    )
    proof.compare(
        "The recurrence for G agrees with enumeration of surjections",
        rec_cases,
        claim=("recurrence (G)", lambda rr, mm: C.g_recurrence(rr, mm)),
        routes=[("enumeration", lambda rr, mm: C.enumerated_count(C.CRITICAL, rr, mm, enumeration_limit))],
    )

    # T(r, r): T(r,r) = (r+1) T(r,r-1) + r T(r-1,r-1), T(r,r-1) = 0
    proof.identity("Induction step for $T_{R1}(r,r)$: $(r+1)\\cdot 0 + r\\,T_{R1}(r-1,r-1)$",
                   r * forms["T(r,r)"].subs(r, r - 1), forms["T(r,r)"],
                   display=r"r\cdot %s" % tex(forms["T(r,r)"].subs(r, r - 1)))
    proof.identity("Induction step for $T_{R1}(r,r+1)$: $(r+1)T_{R1}(r,r) + r\\,T_{R1}(r-1,r)$",
                   (r + 1) * forms["T(r,r)"] + r * forms["T(r,r+1)"].subs(r, r - 1), forms["T(r,r+1)"],
                   display=r"(r+1)\,%s + r\,%s" % (tex(forms["T(r,r)"]),
                                                  tex(forms["T(r,r+1)"].subs(r, r - 1))))
    proof.identity("Induction step for $T_{R1}(1,m)$: $2\\,T_{R1}(1,m-1) + T_{R1}(0,m-1)$ with $T_{R1}(0,\\cdot) = 1$",
                   2 * forms["T(1,m)"].subs(m, m - 1) + 1, forms["T(1,m)"],
                   display=r"2\left(%s\right) + 1" % tex(forms["T(1,m)"].subs(m, m - 1)))
    proof.identity("Induction step for $G(r,r)$: $r\\,G(r,r-1) + r\\,G(r-1,r-1)$ with $G(r,r-1) = 0$",
                   r * forms["G(r,r)"].subs(r, r - 1), forms["G(r,r)"],
                   display=r"r\cdot %s" % tex(forms["G(r,r)"].subs(r, r - 1)))
    proof.identity("Induction step for $G(r,r+1)$: $r\\,G(r,r) + r\\,G(r-1,r)$",
                   r * forms["G(r,r)"] + r * forms["G(r,r+1)"].subs(r, r - 1), forms["G(r,r+1)"],
                   display=r"r\,%s + r\,%s" % (tex(forms["G(r,r)"]),
                                                  tex(forms["G(r,r+1)"].subs(r, r - 1))))
    bases = {
        "T(r,r) at r = 0": (forms["T(r,r)"].subs(r, 0), C.t_recurrence(0, 0)),
        "T(r,r+1) at r = 0": (forms["T(r,r+1)"].subs(r, 0), C.t_recurrence(0, 1)),
        "T(1,m) at m = 0": (forms["T(1,m)"].subs(m, 0), C.t_recurrence(1, 0)),
        "G(r,r) at r = 0": (forms["G(r,r)"].subs(r, 0), C.g_recurrence(0, 0)),
        "G(r,r+1) at r = 0": (forms["G(r,r+1)"].subs(r, 0), C.g_recurrence(0, 1)),
    }
    proof.assert_that("Base cases (from the recurrences' initial values)",
                      all(sympy.Integer(a) == b for a, b in bases.values()), len(bases),
                      "; ".join(f"{k}: {v[0]} = {v[1]}" for k, v in bases.items()), route="base case")

    # exact checks of the proved forms
    big = [(rr, rr) for rr in range(1, 41)]
    proof.compare("$T_{R1}(r,r)$ and $T_{R1}(r,r+1)$ against counting.T, $r \\le 40$", big,
                  claim=("proved forms", lambda rr, _: forms["T(r,r)"].subs(r, rr) + forms["T(r,r+1)"].subs(r, rr)),
                  routes=[("counting.T", lambda rr, _: counting.T(rr, rr) + counting.T(rr, rr + 1))])
    proof.compare("$G(r,r)$ and $G(r,r+1)$ against counting.G, $r \\le 40$", big,
                  claim=("proved forms", lambda rr, _: forms["G(r,r)"].subs(r, rr) + forms["G(r,r+1)"].subs(r, rr)),
                  routes=[("counting.G", lambda rr, _: counting.G(rr, rr) + counting.G(rr, rr + 1))])
    proof.compare("$T_{R1}(1,m)$ against counting.T, $m \\le 60$", [(1, mm) for mm in range(1, 61)],
                  claim=("proved form", lambda _, mm: forms["T(1,m)"].subs(m, mm)),
                  routes=[("counting.T", lambda _, mm: counting.T(1, mm))])
    spec_cases = [(q, rr, h) for q in ("T", "G") for rr in REFERENCE_TABLE[q] for h in range(4)]
    ok_spec = all((counting.T(rr, rr + h) if q == "T" else counting.G(rr, rr + h)) == REFERENCE_TABLE[q][rr][h]
                  for q, rr, h in spec_cases)
    ok_spec = ok_spec and all(counting.T(a, b, zero_type=C.R2) == v
                              for (a, b), v in REFERENCE_TABLE["T_groups"].items())
    ok_spec = ok_spec and all(C.t_recurrence(a, b, C.R1) == v
                              for (a, b), v in REFERENCE_TABLE["T_singletons_vs_groups"].items())
    ok_spec = ok_spec and all(C.t_recurrence(a, b, C.R2) == v for (a, b), v in REFERENCE_TABLE["T_groups"].items())
    proof.assert_that("The table and the R1/R2 examples of the mathematical reference ('Small values')", ok_spec,
                      len(spec_cases) + 2 * len(REFERENCE_TABLE["T_groups"]), "values compared",
                      route="reference table")
    return proof.finish()


def main(argv=None) -> int:
    return proof_main(prove, argv, NAME)


if __name__ == "__main__":
    sys.exit(main())
