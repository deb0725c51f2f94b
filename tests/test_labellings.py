"""Labelling enumerators: counts against independent formulas, order, validity, bad input."""

from itertools import product
from math import comb, factorial

import pytest
from hypothesis import given

from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.labellings import (
    critical_labellings,
    global_minimum_labellings,
    is_critical_labelling,
    is_global_minimum_labelling,
    set_partitions,
)
from symbolic_minima.strategies import widths


def _stirling2(n, k):
    # independent route: explicit inclusion-exclusion sum
    return sum((-1) ** j * comb(k, j) * (k - j) ** n for j in range(k + 1)) // factorial(k)


def _bell(n):
    return sum(_stirling2(n, k) for k in range(n + 1))


rm = widths(max_r=4, max_h=3)  # 1 <= r <= 4, r <= m <= r + 3


@given(rm)
def test_singletons_are_all_covering_maps(rm):
    r, m = rm
    brute = [g for g in product(range(r + 1), repeat=m) if set(range(1, r + 1)) <= set(g)]
    assert list(global_minimum_labellings(r, m)) == brute  # same set and same (lexicographic) order


@given(rm)
def test_critical_are_all_surjections(rm):
    r, m = rm
    brute = [g for g in product(range(1, r + 1), repeat=m) if set(g) == set(range(1, r + 1))]
    assert list(critical_labellings(r, m)) == brute


@given(rm)
def test_groups_count_and_validity(rm):
    r, m = rm
    labels = list(global_minimum_labellings(r, m, zero_type="groups"))
    assert len(labels) == len(set(labels))
    assert all(is_global_minimum_labelling(g, r, "groups") for g in labels)
    expected = sum(comb(m, k) * _bell(k) * factorial(r) * _stirling2(m - k, r) for k in range(m - r + 1))
    assert len(labels) == expected


def test_spec_examples_r1_vs_r2():
    assert sum(1 for _ in global_minimum_labellings(1, 3)) == 7
    assert sum(1 for _ in global_minimum_labellings(1, 3, "groups")) == 10
    assert sum(1 for _ in global_minimum_labellings(2, 4)) == 50
    assert sum(1 for _ in global_minimum_labellings(2, 4, "groups")) == 62


@pytest.mark.parametrize("k", range(7))
def test_set_partitions_bell(k):
    parts = list(set_partitions(k))
    assert len(parts) == len(set(parts)) == _bell(k)


def test_validity_predicates_reject():
    assert not is_global_minimum_labelling((0, 0), 1)
    assert not is_global_minimum_labelling((1, -1, -1), 1, "singletons")
    assert not is_global_minimum_labelling((1, -2, -2), 1, "groups")  # not canonical
    assert not is_critical_labelling((1, 1), 2)


@pytest.mark.parametrize(
    "args, exc, words",
    [
        ((0, 3), ArgumentValueError, "r must be"),
        ((3, 2), ArgumentValueError, "m must be"),
        ((2.0, 3), ArgumentTypeError, "r must be"),
        ((True, 3), ArgumentTypeError, "r must be"),
        ((1, 10**9), ArgumentValueError, "m must be"),
    ],
)
def test_bad_input(args, exc, words):
    with pytest.raises(exc, match=words):
        global_minimum_labellings(*args)
