"""The public hypothesis strategies: they draw valid objects, every object can be drawn,
and they drive property tests of the package's claims."""

import subprocess
import sys
from math import comb, factorial

import pytest
from hypothesis import given
from hypothesis import strategies as st

from symbolic_minima import strategies as sms
from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.labellings import (
    critical_labellings,
    global_minimum_labellings,
    is_critical_labelling,
    is_global_minimum_labelling,
)


def _stirling2(n, k):  # independent of the package: inclusion-exclusion
    return sum((-1) ** j * comb(k, j) * (k - j) ** n for j in range(k + 1)) // factorial(k)


# ---------------------------------------------------------------- validity


@given(sms.widths(max_r=4).flatmap(lambda rm: st.tuples(st.just(rm), sms.zero_types().flatmap(
    lambda z: st.tuples(st.just(z), sms.labellings(rm[0], rm[1], z))))))
def test_drawn_labellings_are_valid(args):
    (r, m), (zero_type, g) = args  # the drawn reading is the one used (it was drawn and ignored)
    assert len(g) == m
    assert is_global_minimum_labelling(g, r, zero_type)


@given(sms.widths(max_r=4).flatmap(lambda rm: st.tuples(st.just(rm), sms.labellings(*rm))))
def test_singleton_labellings_are_valid(args):
    (r, m), g = args
    assert is_global_minimum_labelling(g, r, "singletons")
    assert all(v >= 0 for v in g)


@given(sms.widths(max_r=4).flatmap(lambda rm: st.tuples(st.just(rm), sms.critical_labellings(*rm))))
def test_critical_labellings_are_surjections(args):
    (r, m), g = args
    assert len(g) == m and is_critical_labelling(g, r)


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
def test_every_label_can_be_drawn(zero_type):
    # every subspace of (r, m) = (1, 3) is reachable by the strategy
    for target in global_minimum_labellings(1, 3, zero_type):
        found = sms.find_example(sms.labellings(1, 3, zero_type), lambda g, t=target: g == t, max_examples=2000)
        assert found == target


def test_every_surjection_can_be_drawn():
    for target in critical_labellings(2, 3):
        assert sms.find_example(sms.critical_labellings(2, 3), lambda g, t=target: g == t, max_examples=2000) == target


@given(sms.widths(regime="mild", max_r=6))
def test_mild_regime(rm):
    r, m = rm
    assert 0 <= m - r <= r // 2


@given(sms.widths(regime="vast", max_r=6))
def test_vast_regime(rm):
    r, m = rm
    assert 2 * r <= m - r <= 4 * r


@given(sms.widths(regime="any", max_r=3, max_h=2))
def test_any_regime_respects_max_h(rm):
    r, m = rm
    assert 1 <= r <= 3 and 0 <= m - r <= 2


@given(sms.teacher_parameters(d=2, d_out=2))
def test_teacher_parameters_are_irreducible(params):
    incoming, outgoing = params
    assert len(incoming) == len(outgoing) >= 1
    assert len(set(incoming)) == len(incoming)  # pairwise distinct
    assert all(any(x != 0 for x in w) for w in incoming)  # non-zero
    assert all(any(x != 0 for x in a) for a in outgoing)
    assert all(x.is_Rational for w in incoming for x in w)


@given(sms.deep_widths(max_layers=3, max_r=3, max_extra=1))
def test_deep_widths(mw):
    minimal, wide = mw
    assert 1 <= len(minimal) == len(wide) <= 3
    assert all(0 <= w - r <= 1 for r, w in zip(minimal, wide, strict=True))


def _draw(strategy):
    return sms.find_example(strategy)


def test_bad_arguments_are_clear():
    with pytest.raises(ArgumentValueError, match="regime"):
        _draw(sms.widths(regime="huge"))
    with pytest.raises(ArgumentValueError, match="m must be"):
        _draw(sms.labellings(3, 2))
    with pytest.raises(ArgumentValueError, match="max_h"):
        _draw(sms.widths(regime="vast", max_h=1))


def test_import_without_hypothesis_is_clear():
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import symbolic_minima\n"  # the package itself never needs hypothesis
        "try:\n"
        "    import symbolic_minima.strategies\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install symbolic-minima[strategies]" in out


@given(sms.teachers(max_r=3, d=2))
def test_teachers_are_valid_teacher_objects(teacher):
    from symbolic_minima.network import Teacher

    assert isinstance(teacher, Teacher) and teacher.input_dim == 2
    assert len(set(teacher.incoming)) == teacher.width  # irreducible: distinct incoming vectors
    assert all(a != 0 for a in teacher.outgoing)


def test_from_type_is_registered():
    from hypothesis import strategies as st

    from symbolic_minima.network import CriticalPoint, Teacher

    assert isinstance(sms.find_example(st.from_type(Teacher)), Teacher)
    assert isinstance(sms.find_example(st.from_type(CriticalPoint)), CriticalPoint)

    def width_of(t: Teacher) -> int:
        return t.width

    assert sms.find_example(st.builds(width_of)) == 1


# ---------------------------------------------------- property tests of claims


@given(sms.global_minimum_subspaces(d=2, max_r=3, max_h=2))
def test_subspace_dimension_is_h_plus_k_d_minus_1(space):
    # SPEC §2, reading R1: dim Γ_g = h + k (d - 1), k zero-type neurons
    g = space.label
    r = max(g)
    h, k = len(g) - r, g.count(0)
    assert space.dimension == h + k * (2 - 1)


@given(sms.critical_subspaces(d_out=2, max_r=2, max_h=2))
def test_critical_subspace_dimension_is_m_minus_r(space):
    # SPEC §3: dim Γ^crit_g = m - r, also for vector outputs
    assert space.dimension == len(space.label) - max(space.label)


@given(sms.teachers(max_r=2).flatmap(lambda t: st.tuples(st.just(t), sms.global_minimum_subspaces(t, m=t.width + 1))))
def test_each_subspace_contains_a_permuted_teacher_path(args):
    # SPEC §4, m = r + 1: every global-minimum subspace of width r+1 meets another one
    teacher, space = args
    from symbolic_minima.subspaces import global_minimum_subspaces as all_spaces

    others = [s for s in all_spaces(teacher, teacher.width + 1) if s != space]
    assert any(space.intersection(s) is not None for s in others)


@given(sms.widths(max_r=3, max_h=3), sms.zero_types())
def test_enumeration_count_is_T(rm, zero_type):
    counting = pytest.importorskip("symbolic_minima.counting")
    r, m = rm
    assert sum(1 for _ in global_minimum_labellings(r, m, zero_type)) == counting.T(r, m, zero_type=zero_type)


@given(sms.widths(max_r=3, max_h=3).flatmap(
    lambda rm: st.tuples(st.just(rm), sms.zero_types().flatmap(
        lambda z: st.tuples(st.just(z), sms.labellings(rm[0], rm[1], z))))))
def test_drawn_label_is_enumerated(args):
    (r, m), (zero_type, g) = args
    assert g in set(global_minimum_labellings(r, m, zero_type))


@given(sms.widths(max_r=5, max_h=6))
def test_T_is_binomial_sum_of_G(rm):
    # SPEC §3 relation, T (R1) against G, with the package's counts
    counting = pytest.importorskip("symbolic_minima.counting")
    r, m = rm
    assert counting.T(r, m, zero_type="singletons") == sum(
        comb(m, k) * counting.G(r, m - k) for k in range(m - r + 1))
    assert counting.G(r, m) == factorial(r) * _stirling2(m, r)


@given(sms.widths(regime="vast", min_r=2, max_r=8))  # r* >= 2: no example is skipped
def test_vast_regime_global_minima_dominate(rm):
    # SPEC §5: for h >> r* the global-minimum subspaces outnumber the critical ones
    comparison = pytest.importorskip("symbolic_minima.comparison")
    r_star, m = rm
    assert r_star >= 2
    for zero_type in ("singletons", "groups"):
        for row in comparison.compare(r_star, [m - r_star], zero_type=zero_type):
            for key in ("previous", "sum", "max"):
                assert _ratio(row, key) < 1


def _ratio(row, key):
    value = row[key] if isinstance(row, dict) else getattr(row, key)
    return value


def test_vast_regime_is_past_every_crossover():
    # the documented definition of "vast" (h >= 2 r*) lies beyond every crossover for r* <= 30
    comparison = pytest.importorskip("symbolic_minima.comparison")
    for r_star in range(2, 31):
        for zero_type in ("singletons", "groups"):
            for name, h in comparison.crossovers(r_star, zero_type).items():
                assert h is not None and h < 2 * r_star, (r_star, zero_type, name, h)


@given(sms.deep_teachers(max_layers=2, max_r=2, d=2))
def test_deep_teachers_are_irreducible(teacher):
    for l, W in enumerate(teacher.weights[:-1]):
        assert len(set(W)) == len(W) and all(any(x != 0 for x in row) for row in W)
        nxt = teacher.weights[l + 1]
        assert all(any(row[k] != 0 for row in nxt) for k in range(len(W)))


@given(sms.deep_widths(max_layers=2, max_r=2, min_extra=1, max_extra=1))
def test_one_extra_neuron_per_layer_connects_the_deep_minima(mw):
    # the paper's theorem (SPEC §4, deep networks), on the package's deep connectivity graph
    deep = pytest.importorskip("symbolic_minima.deep")
    import networkx as nx

    minimal, wide = mw
    isolated = deep.deep_connectivity_graph(deep.DeepTeacher.default(minimal), minimal)
    assert isolated.number_of_edges() == 0
    graph = deep.deep_connectivity_graph(deep.DeepTeacher.default(minimal), wide)
    assert nx.is_connected(graph)


def test_from_type_deep_teacher():
    from hypothesis import strategies as st

    deep = pytest.importorskip("symbolic_minima.deep")
    assert isinstance(sms.find_example(st.from_type(deep.DeepTeacher)), deep.DeepTeacher)


# ---------------------------------------------------------------- a reading registered by a user


@pytest.fixture
def pairs_reading():
    """A toy reading built from existing roles: zero-sum groups of exactly two neurons."""
    from symbolic_minima.readings import GLOBAL_MINIMUM, Reading, register_reading, unregister_reading
    from symbolic_minima.roles import REPLICA, ZERO_TYPE, ZeroSumGroup

    reading = register_reading(Reading("pairs", "Rpairs", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2)),
                                       description="zero-sum groups of exactly two neurons"))
    yield reading
    unregister_reading("pairs")


def test_registered_reading_is_drawn_by_zero_types(pairs_reading):
    assert sms.find_example(sms.zero_types(), lambda z: z == "pairs") == "pairs"


@pytest.mark.parametrize("r,m", [(1, 4), (1, 5), (2, 5)])
def test_registered_reading_labellings_are_valid_and_every_label_is_drawn(pairs_reading, r, m):
    labels = set(pairs_reading.labellings(r, m))
    assert any(-((m - r) // 2) in g for g in labels)  # as many pairs as fit: the case that needs the size-aware split
    drawn = sms.labellings(r, m, "pairs")

    @given(drawn)
    def valid(g):
        assert g in labels and pairs_reading.is_label(g, r)

    valid()
    if (r, m) == (1, 4):  # the labels with 3 free neurons (a pair and a zero-type neuron, or 3 zero-type) are reachable
        for target in sorted(g for g in labels if sum(v <= 0 for v in g) == 3):
            assert sms.find_example(drawn, lambda g, target=target: g == target, max_examples=3000) == target
