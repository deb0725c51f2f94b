"""Tests of symbolic_minima.species: EGFs against brute-force enumeration, coefficients, closed forms."""

from math import comb

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.labellings import critical_labellings, global_minimum_labellings
from symbolic_minima.species import (
    EGF_VARIABLE as x,
)
from symbolic_minima.species import (
    NonEmptySet,
    Power,
    Product,
    Set,
    SetOf,
    Species,
    closed_form_coefficient,
    coefficient,
    critical_species,
    global_minimum_species,
    replica_group,
    structure_to_labelling,
    zero_sum_groups,
    zero_type_neurons,
)

r = sympy.Symbol("r", integer=True, nonnegative=True)
m = sympy.Symbol("m", integer=True, nonnegative=True)

SPECIES = [
    Set(),
    NonEmptySet(),
    Set() * NonEmptySet(),
    Power(NonEmptySet(), 2),
    Power(Set(), 3),
    SetOf(NonEmptySet()),
    SetOf(Power(NonEmptySet(), 2)),
    Product(Power(NonEmptySet(), 2), SetOf(NonEmptySet())),
    global_minimum_species(2),
    global_minimum_species(2, "groups"),
    critical_species(3),
    NonEmptySet() + Power(NonEmptySet(), 2),
    SetOf(NonEmptySet() + NonEmptySet()),
]


@pytest.mark.parametrize("species", SPECIES, ids=str)
def test_egf_counts_match_enumeration(species):
    for n in range(0, 7):
        structures = list(species.structures(tuple(range(n))))
        assert len(structures) == len(set(structures)), "structures must be distinct"
        assert species.count(n) == len(structures)


def test_egfs_of_roles():
    e = sympy.exp(x)
    assert zero_type_neurons().egf() == e
    assert replica_group().egf() == e - 1
    assert zero_sum_groups().egf() == sympy.exp(e - 1)
    assert global_minimum_species(r).egf() == e * (e - 1) ** r
    assert global_minimum_species(r, "groups").egf() == (e - 1) ** r * sympy.exp(e - 1)
    assert critical_species(r).egf() == (e - 1) ** r


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("rr,mm", [(1, 1), (1, 3), (2, 4), (3, 5), (2, 5)])
def test_structures_are_the_labellings(zero_type, rr, mm):
    sp = global_minimum_species(rr, zero_type)
    got = sorted(structure_to_labelling(s, mm, zero_type) for s in sp.structures(range(mm)))
    assert got == sorted(global_minimum_labellings(rr, mm, zero_type))
    crit = sorted(structure_to_labelling(s, mm, None) for s in critical_species(rr).structures(range(mm)))
    assert crit == sorted(critical_labellings(rr, mm))


def test_symbolic_power_substitution():
    sp = global_minimum_species(r)
    assert sp.parameters() == {r}
    with pytest.raises(ArgumentValueError, match="subs"):
        sp.count(3)
    assert sp.subs(r=3).count(5) == 390
    assert sp.subs(r=3).egf() == sp.egf().subs(r, 3)


def test_coefficient_examples():
    assert coefficient(sympy.exp(sympy.exp(x) - 1), 10) == 115975  # Bell(10)
    assert coefficient(sympy.exp(2 * x), 5) == 32
    assert coefficient(sympy.Rational(1, 2) * x**2, 2) == 1
    assert coefficient(x**3, 3) == 6
    with pytest.raises(ArgumentValueError):
        coefficient(sympy.sin(x), 3)
    with pytest.raises(ArgumentValueError):
        coefficient(sympy.exp(x + 1), 3)


@settings(max_examples=10)
@given(st.integers(0, 10), st.integers(0, 25))
def test_closed_form_coefficient_matches_series(rr, mm):
    for egf in (
        sympy.exp(x) * (sympy.exp(x) - 1) ** rr,
        (sympy.exp(x) - 1) ** rr,
        sympy.exp(3 * x) * (sympy.exp(x) - 1) ** rr,
    ):
        assert closed_form_coefficient(egf, mm) == coefficient(egf, mm)
        symbolic = closed_form_coefficient(egf, m)
        assert symbolic.subs(m, mm).doit() == coefficient(egf, mm)


def test_closed_form_symbolic_r_m():
    for sp, shift in ((global_minimum_species(r), 1), (critical_species(r), 0)):
        form = closed_form_coefficient(sp.egf(), m)
        assert form.free_symbols == {r, m}
        for rr in range(0, 5):
            for mm in range(rr, rr + 5):
                want = sum((-1) ** j * comb(rr, j) * (rr + shift - j) ** mm for j in range(rr + 1))
                assert form.subs({r: rr, m: mm}).doit() == want


def test_dobinski_form_numerically():
    """The Dobinski-type series of reading R2, truncated, agrees with the exact count."""
    form = closed_form_coefficient(global_minimum_species(r, "groups").egf(), m)
    assert form.has(sympy.oo) and form.has(sympy.exp(-1))
    i = [s for s in form.atoms(sympy.Symbol) if s.name == "i"][0]
    for rr, mm, exact in [(1, 3, 10), (2, 4, 62), (3, 5, 450)]:
        truncated = form.subs({r: rr, m: mm}).replace(
            lambda e: isinstance(e, sympy.Sum) and e.limits[0][0] == i,
            lambda e: sympy.Sum(e.function, (i, 0, 60)),
        )
        assert abs(float(truncated.doit().evalf(30)) - exact) < 1e-9


def test_bad_constructions():
    with pytest.raises(ArgumentTypeError):
        Product(Set(), 3)
    with pytest.raises(ArgumentValueError):
        SetOf(Set())  # a set has a structure on the empty set
    with pytest.raises(ArgumentValueError):
        Power(Set(), -1)
    with pytest.raises(ArgumentValueError):
        list(Set().structures(range(40)))
    with pytest.raises(ArgumentValueError):
        global_minimum_species(0)


def test_text_never_reaches_sympify():
    """A string is refused, not parsed (sympify would eval it)."""
    for call in (lambda: coefficient("exp(x)", 3), lambda: closed_form_coefficient("exp(x)", 3),
                 lambda: closed_form_coefficient(sympy.exp(x), "m")):
        with pytest.raises(ArgumentTypeError, match="must not contain text"):
            call()


def test_printing():
    sp = global_minimum_species(2, "groups")
    assert "SET" in str(sp)
    assert r"\left(\mathrm{SET}_{\geq 1}\right)^{2}" in sympy.latex(sp)
    assert r"\mathrm{SET}\left(\mathrm{SET}_{\geq 1}\right)" in sympy.latex(sp)
    assert sp._repr_latex_().startswith("$") and sp._repr_latex_().endswith("$")
    assert isinstance(sp, Species)
    assert global_minimum_species(2) == global_minimum_species(2)
    assert hash(global_minimum_species(2)) == hash(global_minimum_species(2))


def test_closed_form_summation_variable_does_not_clash():
    j = sympy.Symbol("j", integer=True, nonnegative=True)
    form = closed_form_coefficient(critical_species(j).egf(), m)
    for jj, mm in [(2, 4), (3, 5)]:
        assert form.subs({j: jj, m: mm}).doit() == critical_species(jj).count(mm)
