"""Literature sequences (OEIS) as fixtures.

Every list below was typed from the sequence's DEFINITION (never fetched) and
is checked twice: against the definition, computed independently here, and
against the package's counts.  Only sequences whose definition and first
terms we are sure of are included (A005460 from the issue is left out for
that reason).
"""

from math import comb, factorial

import pytest

from symbolic_minima.counting import G, T, T_table, bell_numbers
from symbolic_minima.species import NonEmptySet, SetOf
from symbolic_minima.stirling import stirling2

# A028246 Worpitzky triangle, a(n, k) = (k-1)! S(n, k), rows n = 1..6, k = 1..n.
A028246 = [[1], [1, 1], [1, 3, 2], [1, 7, 12, 6], [1, 15, 50, 60, 24], [1, 31, 180, 390, 360, 120]]
# A019538 a(n, k) = k! S(n, k) (surjections [n] -> [k]), rows n = 1..6.
A019538 = [[1], [1, 2], [1, 6, 6], [1, 14, 36, 24], [1, 30, 150, 240, 120], [1, 62, 540, 1560, 1800, 720]]
# A000629 a(n) = sum_{k>=1} k^n / 2^k (necklaces of partitions of n+1 labelled beads), n = 0..7.
A000629 = [1, 2, 6, 26, 150, 1082, 9366, 94586]
# A000670 Fubini numbers, ordered set partitions: a(n) = sum_k k! S(n, k), n = 0..7.
A000670 = [1, 1, 3, 13, 75, 541, 4683, 47293]
# A001286 Lah numbers a(n) = (n-1) n!/2, n = 2..8.
A001286 = [1, 6, 36, 240, 1800, 15120, 141120]
# A001710 a(n) = n!/2 (order of the alternating group), n = 2..9.
A001710 = [1, 3, 12, 60, 360, 2520, 20160, 181440]
# A001117 a(n) = 3^n - 3*2^n + 3 (surjections onto 3 elements), n = 3..8.
A001117 = [6, 36, 150, 540, 1806, 5796]
# A028243 a(n) = 3^(n-1) - 2^n + 1 = 2 S(n, 3), n = 3..9.
A028243 = [2, 12, 50, 180, 602, 1932, 6050]
# A000225 a(n) = 2^n - 1, n = 1..10.
A000225 = [1, 3, 7, 15, 31, 63, 127, 255, 511, 1023]
# A000110 Bell numbers, n = 0..10.
A000110 = [1, 1, 2, 5, 15, 52, 203, 877, 4140, 21147, 115975]
# A005493 a(n) = B(n+2) - B(n+1), partitions of [n+1] with a distinguished block, n = 0..7.
A005493 = [1, 3, 10, 37, 151, 674, 3263, 17007]


def test_fixtures_match_their_definitions():
    """The typed terms against the definitions (so a typo in a fixture cannot pass silently)."""
    for n, row in enumerate(A028246, start=1):
        assert row == [factorial(k - 1) * stirling2(n, k) for k in range(1, n + 1)]
    for n, row in enumerate(A019538, start=1):
        assert row == [factorial(k) * stirling2(n, k) for k in range(1, n + 1)]
    # A000629 = 2 * Fubini for n >= 1; Fubini by its recurrence a(n) = sum_k C(n,k) a(n-k)
    fub = [1]
    for n in range(1, 8):
        fub.append(sum(comb(n, k) * fub[n - k] for k in range(1, n + 1)))
    assert fub == A000670
    assert A000629 == [1] + [2 * f for f in fub[1:]]
    assert A001286 == [(n - 1) * factorial(n) // 2 for n in range(2, 9)]
    assert A001710 == [factorial(n) // 2 for n in range(2, 10)]
    assert A001117 == [3**n - 3 * 2**n + 3 for n in range(3, 9)]
    assert A028243 == [3 ** (n - 1) - 2**n + 1 for n in range(3, 10)]
    assert A000225 == [2**n - 1 for n in range(1, 11)]
    # Bell numbers by their recurrence B(n+1) = sum_k C(n, k) B(k) (A005493 above leans on A000110)
    bell = [1]
    for n in range(10):
        bell.append(sum(comb(n, k) * bell[k] for k in range(n + 1)))
    assert bell == A000110
    assert A005493 == [A000110[n + 2] - A000110[n + 1] for n in range(0, 8)]


def test_worpitzky_is_T_singletons():
    # T(r, m) = r! S(m+1, r+1) = A028246(m+1, r+1); column r = 0 is T(0, m) = 1 (no teacher neuron)
    for n, row in enumerate(A028246, start=1):
        m = n - 1
        for k, value in enumerate(row, start=1):
            r = k - 1
            if r >= 1:
                assert T(r, m) == value
                assert T(r, m, method="inclusion_exclusion", backend="python") == value
    table = T_table(range(1, 6), range(1, 6))
    assert [table[(r, 5)] for r in range(1, 6)] == A028246[5][1:]


def test_surjection_triangle_is_G():
    for m, row in enumerate(A019538, start=1):
        assert [G(r, m) for r in range(1, m + 1)] == row


def test_row_sums():
    # every labelling g: [m] -> {0..r} hitting 1..r, summed over r: necklaces A000629
    for m, value in enumerate(A000629):
        assert 1 + sum(T(r, m) for r in range(1, m + 1)) == value  # + T(0, m) = 1
    # surjections summed over r: ordered set partitions
    for m in range(1, 8):
        assert sum(G(r, m) for r in range(1, m + 1)) == A000670[m]


def test_columns_and_diagonals():
    assert [T(1, m) for m in range(1, 11)] == A000225
    assert [T(2, m) for m in range(2, 9)] == A028243
    assert [G(3, m) for m in range(3, 9)] == A001117
    assert [G(r, r + 1) for r in range(1, 8)] == A001286
    assert [T(r, r + 1) for r in range(1, 8)] == A001710[1:]  # (r+2)!/2


def test_groups_reading_sequences():
    assert bell_numbers(10) == A000110
    assert [SetOf(NonEmptySet()).count(n) for n in range(11)] == A000110
    assert [T(1, m, zero_type="groups") for m in range(1, 9)] == A005493


@pytest.mark.parametrize("backend", ["python", "flint"])
def test_stirling_backends_on_worpitzky(backend):
    from symbolic_minima.stirling import flint_available

    if backend == "flint" and not flint_available():
        pytest.skip("python-flint not installed")
    for n, row in enumerate(A028246, start=1):
        assert [factorial(k - 1) * stirling2(n, k, backend=backend) for k in range(1, n + 1)] == row
