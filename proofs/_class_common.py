r"""The proof of one activation class, all three of its readings (shared by ``class_*.py``).

Not a proof itself (its name starts with ``_``).  For each reading (R1
singletons, R2 groups, critical) of the class, :func:`prove_class` records

1. **species -> EGF**: the reading's species (built from its roles) and its EGF
   for symbolic ``r``; the product rule (free part times ``r`` replica
   blocks) and the exponential formula for the free part (a SET of blocks of
   the free roles, :math:`\exp(\sum_{\text{roles}}E_{\text{role}})`), each an
   identity reduced to 0; the EGF equals the claimed EGF and has the shape
   :math:`e^{ax}(e^{cx}-1)^r\exp(\gamma(e^{cx}-1))` of
   :data:`symbolic_minima.counting.CLASS_SHAPES` (the shape every fast count
   route is built from, so the routes are covered by the proof);
2. **EGF -> closed form**: the binomial expansion (and the Dobinski series for
   the groups) gives the sum form for symbolic ``m``, compared with the
   claimed one term by term; the Stirling form (where claimed) is derived by a
   chain of EGF identities for its shape (derivatives, :math:`x\to2x`,
   :math:`e^{2x}-1=(e^x-1)(e^x+1)`, composition with :math:`e^x-1`) and
   compared with the claimed one;
3. **exact checks**: the claimed value against the EGF's series coefficient,
   the enumeration of the reading's labels (``Reading.labellings``), the
   species' structures, every registered count route and the closed forms of
   :func:`symbolic_minima.counting.closed_form`; and the one-to-one
   correspondence of species structures and labels;
4. **structural facts**: :math:`T(r,r)=c^r\,r!` (:math:`r!\,2^r` in the sign
   classes), every label at :math:`m=r` a point (dimension 0), so the
   width-``r`` zero-loss set is :math:`c^r\,r!` isolated points;
5. **the fixed-h degree bound** used by :mod:`symbolic_minima.claims`:
   :math:`T(r,r+h)=c^r\,(r+h)!\,P_h(r)` with :math:`\deg P_h\le h`, so
   :math:`T(r,r+h)/(c^r\,r!)` is a polynomial in ``r`` of degree at most :math:`2h`.
"""

from __future__ import annotations

from fractions import Fraction
from math import comb, factorial

import sympy

from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.proving import Proof
from symbolic_minima.readings import get_reading

from . import _common as C

__all__ = ["READINGS", "SHORT", "prove_class", "merge_claims", "stirling_value", "degree_polynomial"]

#: The readings of a class, in the order the proof treats them.
READINGS = (C.R1, C.R2, C.CRITICAL)
#: How the proof names them.
SHORT = {C.R1: "R1", C.R2: "R2", C.CRITICAL: "crit"}


def merge_claims(claimed: dict, replacements: dict | None) -> dict:
    """``claimed`` with the entries of ``replacements`` (``{reading: {part: expr}}`` or ``{"points": expr}``)."""
    out = {key: (dict(value) if isinstance(value, dict) else value) for key, value in claimed.items()}
    for key, value in (replacements or {}).items():
        if key not in out:
            raise ArgumentValueError(f"claimed: unknown part {key!r}; allowed: {', '.join(out)}")
        if isinstance(value, dict):
            unknown = set(value) - {"egf", "sum", "stirling"}
            if unknown:
                raise ArgumentValueError(f"claimed[{key!r}]: unknown part(s) {', '.join(sorted(unknown))}")
            out[key].update(value)
        else:
            out[key] = value
    return out


# ---------------------------------------------------------------------------
# lemmas backed by exact checks
# ---------------------------------------------------------------------------


def _binomial_lemma(c: int, max_power: int = 8) -> tuple[bool, str]:
    X = sympy.Symbol("x")
    ok = all(sympy.expand(sum(comb(p, i) * (-1) ** i * sympy.exp(c * (p - i) * X) for i in range(p + 1))
                          - (sympy.exp(c * X) - 1) ** p) == 0 for p in range(max_power + 1))
    return ok, f"binomial theorem; both sides expanded and compared for r = 0..{max_power}"


def _dobinski_lemma(gamma, c: int, order: int = 8, digits: int = 40) -> tuple[bool, str]:
    r""":math:`n!\,[x^n]\exp(\gamma(e^{cx}-1))=e^{-\gamma}\sum_i\gamma^i(ci)^n/i!`, n <= order, ``digits`` digits."""
    import mpmath

    from symbolic_minima.species import coefficient

    species_x = C.egf_variable()
    ok = True
    with mpmath.workdps(digits + 10):
        for n in range(order + 1):
            exact = coefficient(sympy.exp(gamma * (sympy.exp(c * species_x) - 1)), n)
            series = mpmath.nsum(lambda i, n=n: mpmath.mpf(gamma) ** i * (c * i) ** n / mpmath.factorial(i),
                                 [0, mpmath.inf])
            value = mpmath.exp(-mpmath.mpf(gamma)) * series
            ok = ok and abs(value - mpmath.mpf(exact.p) / exact.q) < mpmath.mpf(10) ** -digits
    return ok, f"series coefficients compared with the Dobinski-type sums for n = 0..{order} ({digits} digits)"


def _scaling_lemma(order: int = 8) -> tuple[bool, str]:
    r""":math:`\sum_m c^m a_m x^m/m! = A(cx)`, on generic symbolic coefficients."""
    X, c = sympy.Symbol("x"), sympy.Symbol("c")
    a = sympy.symbols(f"a0:{order + 1}")
    A = sum(a[i] * X**i / sympy.factorial(i) for i in range(order + 1))
    scaled = sympy.expand(A.subs(X, c * X))
    ok = all(sympy.expand(scaled.coeff(X, i) * sympy.factorial(i) - c**i * a[i]) == 0 for i in range(order + 1))
    return ok, f"substitution x -> c x; checked on generic symbolic coefficients a_0..a_{order}"


def _composition_lemma(order: int = 7) -> tuple[bool, str]:
    r""":math:`m!\,[t^m]\,f(e^t-1)=\sum_n S(m,n)\,f_n` for :math:`f(w)=\sum_n f_nw^n/n!`, on generic coefficients."""
    T = sympy.Symbol("t")
    f = sympy.symbols(f"f0:{order + 1}")
    composed = sum(f[n] * (sympy.exp(T) - 1) ** n / sympy.factorial(n) for n in range(order + 1))
    series = sympy.series(composed, T, 0, order + 1).removeO()
    ok = all(
        sympy.expand(series.coeff(T, mm) * sympy.factorial(mm)
                     - sum(C.stirling().stirling2(mm, n) * f[n] for n in range(order + 1))) == 0
        for mm in range(order + 1)
    )
    return ok, f"both sides on generic symbolic coefficients f_0..f_{order}, m = 0..{order}"


def _difference_lemma(max_power: int = 10) -> tuple[bool, str]:
    r""":math:`\sum_{j=0}^r(-1)^{r-j}\binom rj(a+cj)^r=c^r\,r!` (the r-th difference of a degree-r polynomial)."""
    a, c = sympy.symbols("a c")
    ok = all(sympy.expand(sum((-1) ** (p - i) * comb(p, i) * (a + c * i) ** p for i in range(p + 1))
                          - c**p * factorial(p)) == 0 for p in range(max_power + 1))
    return ok, f"expanded with symbolic a, c for r = 0..{max_power}"


def _power_lemma(max_power: int = 8) -> tuple[bool, str]:
    r""":math:`(u(u+2))^r=\sum_k\binom rk2^{r-k}u^{r+k}`."""
    u = sympy.Symbol("u")
    ok = all(sympy.expand((u * (u + 2)) ** p - sum(comb(p, i) * 2 ** (p - i) * u ** (p + i) for i in range(p + 1)))
             == 0 for p in range(max_power + 1))
    return ok, f"binomial theorem; expanded for r = 0..{max_power}"


# ---------------------------------------------------------------------------
# the Stirling forms, derived by shape
# ---------------------------------------------------------------------------


def _derive_stirling(proof: Proof, label: str, shape, F, x):
    """Record the derivation of the Stirling form of an EGF of ``shape``; return it (or None: none derived)."""
    st = C.stirling()
    S2 = st.StirlingS2
    r, m, k = C.r, C.m, C.k
    a, c, gamma = shape.a, shape.c, shape.gamma
    fr = sympy.factorial(r)
    u = sympy.exp(x) - 1

    def unit(shift, var):  # the Stirling form of m! [x^m] e^{shift x} (e^x - 1)^r, with its EGF identity
        H = (sympy.exp(var) - 1) ** (r + shift) / sympy.factorial(r + shift)
        if shift == 0:
            proof.sum_identity(f"{label}: $(e^x-1)^r/r!$ is the EGF of $S(m, r)$ (explicit sum of StirlingS2)",
                               C.species().closed_form_coefficient((sympy.exp(x) - 1) ** r, m) / fr,
                               S2(m, r).rewrite(sympy.Sum))
            return fr * S2(m, r)
        if shift == 1:
            proof.identity(f"{label}: $e^x(e^x-1)^r = r!\\,H'(x)$, $H=(e^x-1)^{{r+1}}/(r+1)!$",
                           fr * sympy.diff(H, var), sympy.exp(var) * (sympy.exp(var) - 1) ** r)
            return fr * S2(m + 1, r + 1)
        proof.identity(f"{label}: $e^{{2x}}(e^x-1)^r = r!\\,(H''(x)-H'(x))$, $H=(e^x-1)^{{r+2}}/(r+2)!$",
                       fr * (sympy.diff(H, var, 2) - sympy.diff(H, var)),
                       sympy.exp(2 * var) * (sympy.exp(var) - 1) ** r)
        return fr * (S2(m + 2, r + 2) - S2(m + 1, r + 2))

    def shift_lemma():
        ok, how = C.egf_shift_lemma()
        proof.lemma(f"{label}: differentiation shifts EGF coefficients", r"\frac{d}{dx}\sum_{n} a_n \frac{x^n}{n!}",
                    r"\sum_{n} a_{n+1}\frac{x^n}{n!}", ok, how)

    def scaling(H, t):
        proof.identity(f"{label}: the EGF is $H(2x)$ with $H(t)={sympy.latex(H)}$", F, H.subs(t, 2 * x))
        ok, how = _scaling_lemma()
        proof.lemma(f"{label}: $m!\\,[x^m]\\,H(2x) = 2^m\\,m!\\,[t^m]\\,H(t)$", r"\sum_m 2^m a_m\frac{x^m}{m!}",
                    r"A(2x)", ok, how)

    t = sympy.Symbol("t")
    if not gamma and c == 1 and a in (0, 1, 2):
        if a:
            shift_lemma()
        return unit(a, x)
    if not gamma and c == 2 and a in (0, 2):
        scaling(sympy.exp(a // 2 * t) * (sympy.exp(t) - 1) ** r, t)
        if a:
            shift_lemma()
        return 2**m * unit(a // 2, t)
    if not gamma and c == 2 and a == 1:
        proof.identity(f"{label}: $e^{{2x}}-1=(e^x-1)(e^x+1)$", sympy.exp(2 * x) - 1, u * (u + 2))
        ok, how = _power_lemma()
        proof.lemma(f"{label}: $(e^{{2x}}-1)^r=(u(u+2))^r=\\sum_k\\binom rk 2^{{r-k}}u^{{r+k}}$, $u=e^x-1$",
                    r"(u(u+2))^r", sympy.Sum(sympy.binomial(r, k) * 2 ** (r - k) * sympy.Symbol("u") ** (r + k),
                                             (k, 0, r)), ok, how)
        nn = sympy.Symbol("n", integer=True, positive=True)
        H = (sympy.exp(x) - 1) ** (nn + 1) / sympy.factorial(nn + 1)
        proof.identity(f"{label}: $e^x(e^x-1)^n = n!\\,\\frac{{d}}{{dx}}\\frac{{(e^x-1)^{{n+1}}}}{{(n+1)!}}$, so "
                       "$m!\\,[x^m]\\,e^xu^n = n!\\,S(m+1,n+1)$", sympy.factorial(nn) * sympy.diff(H, x),
                       sympy.exp(x) * (sympy.exp(x) - 1) ** nn)
        shift_lemma()
        return sympy.Sum(sympy.binomial(r, k) * 2 ** (r - k) * sympy.factorial(r + k) * S2(m + 1, r + k + 1),
                         (k, 0, r))
    if gamma == 1 and c == 1 and a == 1:
        proof.identity(f"{label}: $e^x u^r e^u = u^{{r+1}}e^u + u^re^u$, $u=e^x-1$", F,
                       u ** (r + 1) * sympy.exp(u) + u**r * sympy.exp(u))
        ok, how = _composition_lemma()
        proof.lemma(f"{label}: composition with $e^x-1$, so $m!\\,[x^m]\\,u^ne^u=\\sum_k k^{{\\underline n}}S(m,k)$ "
                    "(as $k!\\,[w^k]\\,w^ne^w = k^{\\underline n}$)", r"m!\,[x^m]\,f(e^x-1)",
                    r"\sum_k S(m,k)\,k!\,[w^k]f(w)", ok, how)
        proof.identity(f"{label}: $k^{{\\underline{{r+1}}}}+k^{{\\underline r}}=k^{{\\underline r}}(k-r+1)$",
                       sympy.ff(k, r + 1) + sympy.ff(k, r), sympy.ff(k, r) * (k - r + 1))
        return sympy.Sum(sympy.ff(k, r) * (k - r + 1) * S2(m, k), (k, r, m))
    if gamma == Fraction(1, 2) and c == 2 and a == 0:
        scaling((sympy.exp(t) - 1) ** r * sympy.exp((sympy.exp(t) - 1) / 2), t)
        ok, how = _composition_lemma()
        proof.lemma(f"{label}: composition with $e^t-1$: $m!\\,[t^m]\\,f(e^t-1)=\\sum_k S(m,k)\\,k!\\,[w^k]f(w)$",
                    r"m!\,[t^m]\,f(e^t-1)", r"\sum_k S(m,k)\,k!\,[w^k]f(w)", ok, how)
        proof.identity(f"{label}: $k!\\,[w^k]\\,w^re^{{w/2}} = k!\\,2^{{r-k}}/(k-r)! "
                       "= k^{\\underline r}\\,2^{r-k}$",
                       sympy.factorial(k) * 2 ** (r - k) / sympy.factorial(k - r), sympy.ff(k, r) * 2 ** (r - k))
        return 2**m * sympy.Sum(sympy.ff(k, r) * 2 ** (r - k) * S2(m, k), (k, r, m))
    return None


# ---------------------------------------------------------------------------
# values
# ---------------------------------------------------------------------------


def stirling_value(expr, rr: int, mm: int) -> int:
    """A claimed closed form (finite sums) at integers, exactly (:func:`symbolic_minima.counting.form_value`)."""
    from symbolic_minima.counting import form_value

    return form_value(expr.xreplace({C.r: sympy.Symbol("r", integer=True, positive=True),
                                     C.m: sympy.Symbol("m", integer=True, positive=True)}), rr, mm)


def _finite_value(expr, rr: int, mm: int):
    from symbolic_minima.counting import _expand_sums

    value = _expand_sums(expr.xreplace({C.r: sympy.Integer(rr), C.m: sympy.Integer(mm)}))
    value = sympy.nsimplify(value) if not value.is_Rational else value
    return value


def dobinski_value(expr, rr: int, mm: int, digits: int = 60) -> int:
    r"""A claimed Dobinski-type form :math:`K\sum_{i\ge0}f(i)` at integers: exact partial sums, then ``digits`` digits.

    The terms decrease geometrically once :math:`i` exceeds :math:`2(r+m)`; summing stops when they are below
    :math:`10^{-\text{digits}}`; raises ``ArithmeticError`` unless the value is within :math:`10^{-20}` of an integer.
    """
    import mpmath

    expr = expr.xreplace({C.r: sympy.Integer(rr), C.m: sympy.Integer(mm)})
    sums = [s for s in sympy.preorder_traversal(expr) if isinstance(s, sympy.Sum) and s.limits[-1][2] is sympy.oo]
    if len(sums) != 1:
        raise ArithmeticError("the form is not a single infinite series")
    series = sums[0]
    factor = sympy.simplify(expr / series)
    if factor.has(sympy.Sum):
        raise ArithmeticError("the form is not a constant times an infinite series")
    index = series.limits[-1][0]
    inner = sympy.Sum(series.function, *series.limits[:-1]) if len(series.limits) > 1 else series.function
    total, i = Fraction(0), 0
    eps = Fraction(1, 10**digits)
    while True:
        term = _finite_value(inner.xreplace({index: sympy.Integer(i)}), rr, mm)
        term = Fraction(int(term.p), int(term.q))
        total += term
        if i > 2 * (mm + rr) + 4 and abs(term) < eps:
            break
        i += 1
    with mpmath.workdps(digits + 10):
        value = mpmath.mpf(total.numerator) / total.denominator * mpmath.mpf(sympy.N(factor, digits + 10))
        nearest = int(mpmath.nint(value))
        if abs(value - nearest) > mpmath.mpf(10) ** -20:
            raise ArithmeticError(f"the series at r={rr}, m={mm} is not an integer: {value}")
    return nearest


def _claim_value(expr, rr: int, mm: int) -> int:
    return dobinski_value(expr, rr, mm) if expr.has(sympy.oo) else stirling_value(expr, rr, mm)


# ---------------------------------------------------------------------------
# the fixed-h degree bound
# ---------------------------------------------------------------------------


def degree_polynomial(shape, h: int):
    r""":math:`P_h(r)=\sum_{k\le h}\binom rk\,[x^h]\,g^k F_{\mathrm{free}}` with :math:`e^{cx}-1=cx(1+g)`.

    Then :math:`T(r,r+h)=c^r\,(r+h)!\,P_h(r)` (a sympy polynomial in ``C.r``, rational coefficients).
    Computed from the series of :math:`g` and of the free part
    :math:`F_{\mathrm{free}}=e^{ax}\exp(\gamma(e^{cx}-1))` (:func:`symbolic_minima.species.coefficient`,
    independent of the count routes).
    """
    from symbolic_minima.species import coefficient

    x = C.egf_variable()
    gamma = sympy.Rational(shape.gamma.numerator, shape.gamma.denominator)
    free = sympy.exp(shape.a * x) * sympy.exp(gamma * (sympy.exp(shape.c * x) - 1))
    free_series = [Fraction(str(coefficient(free, n))) / factorial(n) for n in range(h + 1)]
    g = [Fraction(0)] + [Fraction(shape.c**n, factorial(n + 1)) for n in range(1, h + 1)]

    def mul(p, q):
        return [sum(p[i] * q[n - i] for i in range(n + 1)) for n in range(h + 1)]

    power = [Fraction(1)] + [Fraction(0)] * h  # g^k
    total = sympy.Integer(0)
    for kk in range(h + 1):
        coefficient_h = mul(power, free_series)[h]
        total += sympy.binomial(C.r, kk) * sympy.Rational(coefficient_h.numerator, coefficient_h.denominator)
        power = mul(power, g)
    return sympy.expand(sympy.expand_func(total))


# ---------------------------------------------------------------------------
# the proof
# ---------------------------------------------------------------------------


def prove_class(name: str, claim: str, activation_class: str, claimed: dict, max_r: int, extra_m: int,
                enumeration_limit: int) -> Proof:
    """The proof of ``activation_class`` (see the module docstring); ``claimed`` from the class module."""
    from symbolic_minima import counting
    from symbolic_minima.activation_classes import activation_class as resolve

    cls = resolve(activation_class)
    sp = C.species()
    x, r, m = sp.EGF_VARIABLE, C.r, C.m
    parts = []
    for reading_name in READINGS:
        forms = claimed[reading_name]
        quantity = _quantity_latex(cls.name, reading_name)
        parts.append(f"\\sum_m {quantity}(r,m)\\frac{{x^m}}{{m!}} = {sympy.latex(forms['egf'])}")
    points = claimed["points"]
    claim_latex = r",\quad ".join(parts) + rf",\quad T(r,r) = {sympy.latex(points)}"
    proof = Proof(name, claim, claim_latex, reading=None, activation_class=cls.name)
    all_values: dict = {}
    for reading_name in READINGS:
        _prove_reading(proof, cls.name, reading_name, claimed[reading_name], max_r, extra_m, enumeration_limit,
                       all_values)
    _structural_facts(proof, cls.name, points, max_r, all_values)
    _degree_bound(proof, cls.name, max_r, extra_m)
    for reading_name in READINGS:
        values = all_values.get(reading_name, {})
        proof.table(f"Verified values of ${_quantity_latex(cls.name, reading_name)}(r, r+h)$:",
                    C.values_tabular(values, max_r, extra_m))
    del counting, x, r, m
    return proof.finish()


def _prove_reading(proof, cls: str, reading_name: str, forms: dict, max_r: int, extra_m: int, limit: int,
                   all_values: dict):
    from symbolic_minima import counting

    sp = C.species()
    x, r, m = sp.EGF_VARIABLE, C.r, C.m
    reading = get_reading(reading_name, cls)
    label = SHORT[reading_name]
    egf_c, sum_c, stir_c = forms["egf"], forms["sum"], forms.get("stirling")

    # 1. species -> EGF
    F = reading.species(r).egf()
    free_names = ", ".join(repr(role.name) for role in reading.free_roles) or "none"
    quantity = _quantity_latex(cls, reading_name)
    proof.derive(f"{label}: EGF of the species of the labels (roles: replica '{reading.replica.name}', "
                 f"free {free_names})", rf"\sum_{{m\ge0}} {quantity}(r,m)\frac{{x^m}}{{m!}}", F)
    replica = reading.replica.block_species().egf()
    free_species = reading.free_species()
    free = sympy.Integer(1) if free_species is None else free_species.egf()
    proof.identity(f"{label}: product rule, the free neurons times $r$ replica blocks", F, free * replica**r,
                   display=r"E_{\mathrm{free}}(x)\,E_{\mathrm{replica}}(x)^{r}\Big|_{E_{\mathrm{replica}}=%s}"
                           % sympy.latex(replica))
    if reading.free_roles:
        blocks = [role.block_species().egf() for role in reading.free_roles]
        proof.identity(f"{label}: exponential formula, the free neurons are a SET of blocks of the free roles",
                       free, sympy.exp(sympy.Add(*blocks)),
                       display=r"E_{\mathrm{free}}(x) = \exp\Big(%s\Big)" % " + ".join(
                           f"\\underbrace{{{sympy.latex(b)}}}_{{\\text{{{role.name}}}}}"
                           for b, role in zip(blocks, reading.free_roles, strict=True)))
    proof.identity(f"{label}: the EGF equals the claimed EGF", F, egf_c)
    shape = counting.CLASS_SHAPES[(cls, reading_name)]
    gamma = sympy.Rational(shape.gamma.numerator, shape.gamma.denominator)
    proof.identity(f"{label}: the EGF has the shape $(a,c,\\gamma)=({shape.a},{shape.c},{gamma})$ of "
                   "counting.CLASS_SHAPES (the fast count routes)", F,
                   sympy.exp(shape.a * x) * (sympy.exp(shape.c * x) - 1) ** r
                   * sympy.exp(gamma * (sympy.exp(shape.c * x) - 1)))

    # 2. EGF -> closed forms
    ok, how = _binomial_lemma(shape.c)
    proof.lemma(f"{label}: binomial expansion of $(e^{{{shape.c}x}}-1)^r$", (sympy.exp(shape.c * x) - 1) ** r,
                sympy.Sum(sympy.binomial(r, C.j) * (-1) ** C.j * sympy.exp(shape.c * (r - C.j) * x), (C.j, 0, r)),
                ok, how, note="Then $m!\\,[x^m]\\,e^{bx} = b^m$.")
    if shape.gamma:
        ok, how = _dobinski_lemma(gamma, shape.c)
        proof.lemma(f"{label}: Dobinski-type series of the groups", sympy.exp(gamma * (sympy.exp(shape.c * x) - 1)),
                    sympy.exp(-gamma) * sympy.Sum(gamma**C.k * sympy.exp(shape.c * C.k * x) / sympy.factorial(C.k),
                                                  (C.k, 0, sympy.oo)), ok, how)
    coeff = sp.closed_form_coefficient(F, m)
    proof.derive(f"{label}: coefficient extraction for symbolic m", rf"{quantity}(r,m)", coeff)
    proof.sum_identity(f"{label}: the extracted coefficient equals the claimed sum form", coeff, sum_c)
    if stir_c is not None:
        derived = _derive_stirling(proof, label, shape, F, x)
        if derived is None:
            proof.error(f"{label}: no derivation of a Stirling form for the shape {shape}")
        else:
            proof.identity(f"{label}: hence the claimed Stirling form", stir_c, derived)

    # 3. exact checks
    values: dict = {}
    all_values[reading_name] = values
    cases = [(rr, mm) for rr in range(1, max_r + 1) for mm in range(rr, rr + extra_m + 1)]
    claim_expr = sum_c if not sum_c.has(sympy.oo) or stir_c is None else stir_c
    claim_name = "claimed sum form" if claim_expr is sum_c else "claimed Stirling form"

    def claim(rr, mm):
        value = _claim_value(claim_expr, rr, mm)
        values[(rr, mm)] = value
        return value

    routes = [
        ("EGF coefficient", lambda rr, mm: sp.coefficient(F.subs(r, rr), mm)),
        ("enumeration", lambda rr, mm: _enumerated(reading, rr, mm, limit)),
        ("species structures", lambda rr, mm: _structures(reading, rr, mm)),
    ]
    if claim_expr is not sum_c:
        routes.append(("claimed sum form (60-digit series)", lambda rr, mm: _claim_value(sum_c, rr, mm)))
    elif stir_c is not None:
        routes.append(("claimed Stirling form", lambda rr, mm: _claim_value(stir_c, rr, mm)))
    for method in counting.count_methods(reading_name, cls):
        if method in ("auto", "species", "enumeration"):
            continue
        routes.append((f"count route {method}", (lambda meth: lambda rr, mm: counting.count_subspaces(
            reading_name, rr, mm, method=meth, activation=cls))(method)))
    quantity = "G" if reading_name == C.CRITICAL else "T"
    try:
        conv = counting.closed_form(quantity, None if quantity == "G" else reading_name, "convolution", activation=cls)
    except ArgumentValueError:
        conv = None
    if conv is not None:
        routes.append(("convolution form", lambda rr, mm: counting.form_value(conv, rr, mm)))
    checked = proof.compare(
        f"{label}: the claimed values for every $r \\le {max_r}$, $r \\le m \\le r+{extra_m}$", cases,
        claim=(claim_name, claim), routes=routes,
        note=f"Labels enumerated one by one where there are at most {limit} of them.",
    )
    del checked
    _bijection(proof, reading, label, max_r, extra_m)


def _quantity_latex(cls: str, reading_name: str) -> str:
    base = "G" if reading_name == C.CRITICAL else f"T_{{\\mathrm{{{SHORT[reading_name]}}}}}"
    return f"{base}^{{\\mathrm{{{cls}}}}}"


def _enumerated(reading, rr: int, mm: int, limit: int):
    size = reading.species(rr).count(mm)
    if size > limit:
        return None
    return sum(1 for _ in reading.labellings(rr, mm))


def _structures(reading, rr: int, mm: int):
    size = reading.species(rr).count(mm)
    if not C.structures_fit(mm, size):
        return None
    return sum(1 for _ in reading.species(rr).structures(tuple(range(mm))))


def _bijection(proof, reading, label: str, max_r: int, extra_m: int):
    few = [(rr, mm) for rr in range(1, max_r + 1) for mm in range(rr, rr + extra_m + 1)
           if reading.species(rr).count(mm) <= C.STRUCTURES_LIMIT]
    cases = [(rr, mm) for rr, mm in few if C.structures_fit(mm, 0)]

    def check(rr, mm):
        images = [reading.structure_to_label(s, mm) for s in reading.species(rr).structures(tuple(range(mm)))]
        keys = [tuple(g) for g in images]
        target = {tuple(g) for g in reading.labellings(rr, mm)}
        return len(keys) == len(set(keys)) and set(keys) == target, len(keys)

    C.assert_bijection(proof, f"{label}: species structures correspond one-to-one to the labels "
                              "(Reading.structure_to_label, set equality)", check, cases,
                       f"structures mapped, in the {len(cases)} cases with at most {C.STRUCTURES_LIMIT} structures"
                       + (f" and at most {C.species().MAX_ENUMERATION_LABELS} labels" if len(cases) < len(few) else ""),
                       unit="structures")


def _structural_facts(proof, cls: str, points, max_r: int, all_values: dict):
    from symbolic_minima import counting

    shape = counting.CLASS_SHAPES[(cls, C.R1)]
    ok, how = _difference_lemma()
    a, c = sympy.symbols("a c")
    proof.lemma("The $r$-th difference of a polynomial of degree $r$: at $m=r$ every sum form is $c^r\\,r!$",
                sympy.Sum((-1) ** (C.r - C.j) * sympy.binomial(C.r, C.j) * (a + c * C.j) ** C.r, (C.j, 0, C.r)),
                c**C.r * sympy.factorial(C.r), ok, how)
    proof.identity("Hence $T(r,r) = c^r\\,r!$ is the claimed number of points", points,
                   sympy.Integer(shape.c) ** C.r * sympy.factorial(C.r))
    top = max_r + 3
    counted = 0
    good = True
    for reading_name in READINGS:
        reading = get_reading(reading_name, cls)
        for rr in range(1, top + 1):
            want = int(points.subs(C.r, rr))
            good = good and counting.count_subspaces(reading_name, rr, rr, activation=cls) == want
            counted += 1
            if rr <= 4:  # the labels themselves: each a point (dimension 0 for d, d_out in {1, 2})
                labels = list(reading.labellings(rr, rr))
                good = good and len(labels) == want and all(
                    g.dimension(d, q, reading) == 0 for g in labels for d in (1, 2) for q in (1, 2))
                good = good and all(code > 0 for g in labels for code, _, _ in g.entries())
    proof.assert_that(
        f"At $m=r$ every reading has $c^r\\,r!$ labels, each a point: one (signed) replica per teacher neuron, "
        f"no free neuron, dimension 0 for $d, d_{{out}} \\in \\{{1,2\\}}$, so the width-$r$ zero-loss set is "
        f"$c^r\\,r!$ isolated points (r $\\le$ {top}; labels listed for r $\\le$ 4)",
        good, counted, "cases (count routes; labels and their dimensions)")


def _degree_bound(proof, cls: str, max_r: int, extra_m: int):
    from symbolic_minima import counting

    top_h = min(extra_m, 3)
    proof.lemma("Fixed $h$: with $e^{cx}-1=cx(1+g(x))$, $g=O(x)$, "
                "$T(r,r+h) = c^r(r+h)!\\,[x^h](1+g)^rF_{\\mathrm{free}}"
                "= c^r(r+h)!\\sum_{k\\le h}\\binom rk [x^h]g^kF_{\\mathrm{free}}$, a polynomial $P_h$ of degree "
                "$\\le h$ in $r$; so $T(r,r+h)/(c^r\\,r!)$ has degree $\\le 2h$",
                r"\frac{T(r,r+h)}{c^r\,r!}", r"(r+1)\cdots(r+h)\,P_h(r)", True,
                "binomial series of (1+g)^r; the polynomials P_h are computed below and checked exactly",
                relation=r"=")
    checks, good = 0, True
    for reading_name in READINGS:
        shape = counting.CLASS_SHAPES[(cls, reading_name)]
        for h in range(top_h + 1):
            P = degree_polynomial(shape, h)
            poly = sympy.Poly(P, C.r)
            good = good and poly.degree() <= h
            for rr in range(1, max_r + 2 * h + 3):
                exact = counting.count_subspaces(reading_name, rr, rr + h, activation=cls)
                predicted = shape.c**rr * factorial(rr + h) * sympy.Rational(P.subs(C.r, rr))
                good = good and predicted == exact
                checks += 1
        proof.derive(f"{SHORT[reading_name]}: $P_{{{top_h}}}(r)$", f"P_{{{top_h}}}(r)", P)
    proof.assert_that(f"$T(r,r+h) = c^r\\,(r+h)!\\,P_h(r)$ with $\\deg P_h \\le h$, every reading, $h \\le {top_h}$, "
                      f"$r \\le r_{{max}}+2h+2$", good, checks, "cases (exact counts)")
