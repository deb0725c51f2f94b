r"""Shared proof of :math:`T(r,m)=\sum_k\binom mk Z_k\,G(r,m-k)` in either reading (not a proof module).

:math:`Z_k` counts the ways to organise ``k`` zero neurons: :math:`Z_k=1`
(R1, one SET of zero-type neurons) or :math:`Z_k=B_k` (R2, zero-sum groups,
a set partition).  Species: global minima = (zero part) x (critical part).
"""

from __future__ import annotations

from collections import Counter
from math import comb

import sympy

from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.labellings import (
    canonical_groups,
    critical_labellings,
    global_minimum_labellings,
    is_critical_labelling,
    set_partitions,
)
from symbolic_minima.proving import Proof, check_options, tex
from symbolic_minima.readings import GLOBAL_MINIMUM, GROUPS, SINGLETONS, get_reading, reading_name

from . import _common as C

__all__ = ["claimed_form", "prove_zero_type_sum", "proof_for", "bijection_check"]


def _has_groups(zero_type: str) -> bool:
    """Whether the reading has zero-sum groups; only R1 and R2 have a derived zero-type sum here."""
    reading = get_reading(zero_type, family=GLOBAL_MINIMUM)
    if reading not in (SINGLETONS, GROUPS):
        raise ArgumentValueError(f"the zero-type sum is derived for R1 and R2 only, got {reading.name!r}")
    return reading.has_groups


def zero_factor(zero_type: str, k):
    """:math:`Z_k`: 1 (R1: zero-type neurons only) or the Bell number :math:`B_k` (R2: zero-sum groups)."""
    return sympy.bell(k) if _has_groups(zero_type) else sympy.Integer(1)


def claimed_form(zero_type: str):
    r""":math:`\sum_{k=0}^{m}\binom mk Z_k\,G(r,m-k)` with :math:`G(r,n)=r!\,S(n,r)`."""
    r, m, k = C.r, C.m, C.k
    S2 = C.stirling().StirlingS2
    return sympy.Sum(sympy.binomial(m, k) * zero_factor(zero_type, k) * sympy.factorial(r) * S2(m - k, r), (k, 0, m))


def bijection_check(zero_type: str, rr: int, mm: int) -> tuple[bool, int]:
    """Split every labelling into (zero neurons K, their grouping, a surjection of the rest onto [r]).

    Returns ``(ok, labellings examined)``: ``ok`` iff every restriction to the
    non-zero neurons is a surjection onto ``1..r``, every zero part is a
    canonical grouping, and for every ``k`` the number of labellings with
    ``|K| = k`` equals ``C(m,k) * Z_k * #surjections [m-k] -> [r]`` with
    :math:`Z_k` and the surjections counted by enumeration too.
    """
    groups = _has_groups(zero_type)
    hist: Counter[int] = Counter()
    ok = True
    seen = 0
    for g in global_minimum_labellings(rr, mm, zero_type=zero_type):
        seen += 1
        zero_part = tuple(v for v in g if v <= 0)
        rest = tuple(v for v in g if v > 0)
        if not is_critical_labelling(rest, rr) or canonical_groups(zero_part) != zero_part:
            ok = False
        if not groups and any(v < 0 for v in zero_part):
            ok = False
        hist[len(zero_part)] += 1
    for kk in range(0, mm - rr + 1):
        zk = sum(1 for _ in set_partitions(kk)) if groups else 1
        gk = sum(1 for _ in critical_labellings(rr, mm - kk))
        if hist.get(kk, 0) != comb(mm, kk) * zk * gk:
            ok = False
    if any(kk > mm - rr for kk in hist):
        ok = False
    return ok, seen


def proof_for(name: str, claim: str, zero_type: str):
    """The ``prove`` function of the proof module ``name`` (the claim ``claim`` in the reading ``zero_type``)."""

    def prove(max_r=5, extra_m=5, enumeration_limit=C.DEFAULT_ENUMERATION_LIMIT, claimed=None) -> Proof:
        """Prove the claim (``claimed`` replaces the claimed sympy form, to test that a wrong one fails)."""
        return prove_zero_type_sum(name, claim, zero_type, max_r, extra_m, enumeration_limit, claimed)

    return prove


def prove_zero_type_sum(name: str, claim: str, zero_type: str, max_r=5, extra_m=5,
                        enumeration_limit=C.DEFAULT_ENUMERATION_LIMIT, claimed=None) -> Proof:
    """The proof for one reading (``claimed`` replaces the claimed form, to test that a wrong one fails)."""
    max_r, extra_m, enumeration_limit = check_options(max_r, extra_m, enumeration_limit)
    from symbolic_minima import counting

    sp, st = C.species(), C.stirling()
    r, m, n, k = C.r, C.m, C.n, C.k
    claimed = claimed_form(zero_type) if claimed is None else claimed
    R = reading_name(zero_type)
    groups = _has_groups(zero_type)
    Tf = sympy.Function(f"T_{{{R}}}")
    proof = Proof(name, claim, f"T_{{{R}}}(r,m) = {tex(claimed)}", reading=zero_type)

    F_T = sp.global_minimum_species(r, zero_type=zero_type).egf()
    F_G = sp.critical_species(r).egf()
    F_Z = sp.zero_sum_groups().egf() if groups else sp.zero_type_neurons().egf()
    proof.derive(f"EGF of the global minima ({R}), of the critical subspaces and of the zero part",
                 r"\left(\sum_m T_{%s}(r,m)\tfrac{x^m}{m!},\ \sum_m G(r,m)\tfrac{x^m}{m!},\ "
                 r"\sum_k Z_k\tfrac{x^k}{k!}\right)" % R, sympy.Tuple(F_T, F_G, F_Z))
    proof.identity("Species product: a labelling is a zero part times a surjective labelling of the other neurons",
                   F_T, F_Z * F_G, display=r"%s \cdot %s" % (tex(F_Z), tex(F_G)))
    ok, how = C.convolution_lemma()
    proof.lemma("Product of EGFs is the binomial convolution of their coefficients",
                r"m!\,[x^m]\,A(x)B(x)", r"\sum_{k=0}^{m}\binom{m}{k}a_k\,b_{m-k}", ok, how)
    z_coeff = sp.closed_form_coefficient(F_Z, n)
    proof.sum_identity(
        "Coefficients of the zero part: $Z_n = B_n$ (Bell numbers, Dobinski)" if groups
        else "Coefficients of the zero part: $Z_n = 1$",
        z_coeff, sympy.bell(n).rewrite(sympy.Sum) if groups else zero_factor(zero_type, n))
    g_coeff = sp.closed_form_coefficient(F_G, n)
    proof.sum_identity("Coefficients of the critical part: $G(r,n) = r!\\,S(n,r)$", g_coeff,
                       sympy.factorial(r) * st.StirlingS2(n, r).rewrite(sympy.Sum))
    derived = sympy.Sum(sympy.binomial(m, k) * zero_factor(zero_type, k) * g_coeff.subs(n, m - k), (k, 0, m))
    proof.derive("Binomial convolution of the two coefficient sequences", Tf(r, m), derived)
    proof.sum_identity("The convolution equals the claimed form", derived,
                       claimed.replace(st.StirlingS2, lambda a, b: st.StirlingS2(a, b).rewrite(sympy.Sum)))

    # exact checks
    def claim_value(rr, mm):
        return claimed.subs({r: rr, m: mm}).doit()

    def package_sum(rr, mm):
        bells = counting.bell_numbers(mm)
        zk = (lambda kk: bells[kk]) if groups else (lambda kk: 1)
        return sum(comb(mm, kk) * zk(kk) * counting.G(rr, mm - kk) for kk in range(0, mm - rr + 1))

    cases = [(rr, mm) for rr, mm in C.rm_cases(max_r, extra_m)]
    proof.compare(
        f"$T_{{{R}}}(r,m)$ as the zero-type sum, every $r \\le {max_r}$, $r \\le m \\le r+{extra_m}$",
        cases,
        claim=("claimed zero-type sum", claim_value),
        routes=[
            ("zero-type sum of counting.G", package_sum),
            ("EGF coefficient", lambda rr, mm: sp.coefficient(F_T.subs(r, rr), mm)),
            ("recurrence", lambda rr, mm: C.t_recurrence(rr, mm, zero_type)),
            ("enumeration", lambda rr, mm: C.enumerated_count(zero_type, rr, mm, enumeration_limit)),
        ],
        note=C.enumeration_note(zero_type, max_r, extra_m, enumeration_limit),
    )
    # the bijection itself, on every labelling of the enumerated cases
    bij_limit = C.bijection_limit(enumeration_limit)
    done = [(rr, mm) for rr, mm in cases if C.t_recurrence(rr, mm, zero_type) <= bij_limit]
    C.assert_bijection(
        proof,
        "Bijection: labelling -> (zero neurons, their grouping, surjection of the rest), histogram by $k$",
        lambda rr, mm: bijection_check(zero_type, rr, mm), done,
        f"labellings split, in the {len(done)} cases with at most {bij_limit} labellings",
        unit="labellings",
    )
    return proof.finish()
