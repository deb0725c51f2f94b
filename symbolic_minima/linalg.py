r"""Exact rational linear algebra on :class:`fractions.Fraction`.

Pure Python, no ``sympy.Matrix`` (which is one to two orders of magnitude
slower on small dense systems): reduced row echelon form, rank, nullspace and
one particular solution of :math:`A x = b`.

A matrix is a sequence of rows, each a sequence of ``int`` / ``Fraction``
entries (sympy ``Rational`` entries are accepted and converted).  Results use
``Fraction`` throughout.  Entries are converted by
:func:`symbolic_minima.exact.to_fraction` (re-exported here with
:func:`~symbolic_minima.exact.to_sympy`).

>>> rows, pivots = rref([[2, 4, 2], [1, 2, 3]])
>>> [[str(x) for x in row] for row in rows], pivots
([['1', '2', '0'], ['0', '0', '1']], (0, 2))
>>> rank([[1, 2], [2, 4]])
1
>>> [[str(x) for x in v] for v in nullspace([[1, 2, 3]], 3)]
[['-2', '1', '0'], ['-3', '0', '1']]
>>> [str(x) for x in solve([[1, 1], [1, -1]], [3, 1])]
['2', '1']
>>> solve([[1, 1], [1, 1]], [0, 1]) is None
True
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd

from .errors import ArgumentTypeError, ArgumentValueError, check_int, check_sequence
from .exact import to_fraction, to_sympy  # the exact-number boundary (re-exported: linalg.to_fraction stays)

__all__ = ["to_fraction", "to_sympy", "rref", "rref_extend", "rank", "nullspace", "solve", "mat_vec"]


def _is_zero(x) -> bool:
    return x == 0


def rref(rows, ncols: int | None = None) -> tuple[list[list], tuple[int, ...]]:
    r"""Reduced row echelon form of ``rows``; returns ``(nonzero_rows, pivot_columns)``.

    Only the first ``ncols`` columns are used as pivots (default: all), so
    an augmented matrix :math:`[A\,|\,b]` is reduced with ``ncols = n``: a
    returned row that is zero on the first ``ncols`` columns but not on the
    last one then signals an inconsistent system.  Entries beyond ``ncols``
    may be any objects supporting ``+ - *`` with ``Fraction`` (e.g. sympy
    expressions); pivots are always rational.  Zero rows are dropped.

    >>> rows, piv = rref([[0, 1, 5], [0, 0, 0], [0, 2, 7]], ncols=2)
    >>> [[str(x) for x in r] for r in rows], piv
    ([['0', '1', '0'], ['0', '0', '1']], (1,))

    The second row, ``0 = 1``, says that the system is inconsistent.
    """
    try:
        mat = [[x if type(x) is int or type(x) is Fraction else _convert(x, j, ncols) for j, x in enumerate(row)]
               for row in rows]
    except TypeError:
        raise ArgumentTypeError(f"rows must be a list of rows of exact numbers, got {type(rows).__name__}") from None
    if ncols is not None:
        ncols = check_int(ncols, "ncols", 0)
    if not mat:
        return [], ()
    width = len(mat[0])
    if any(len(row) != width for row in mat):
        raise ArgumentValueError("rref: all rows must have the same length")
    ncols = width if ncols is None else ncols
    if all(type(x) is int or type(x) is Fraction for row in mat for x in row):
        nonzero = sum(1 for row in mat for x in row if x)
        if 4 * nonzero < len(mat) * width:  # sparse (< 25% non-zero): incremental sparse route
            return rref_extend([], (), mat, ncols)
        return _rref_integer(mat, width, ncols)
    mat = [[Fraction(x) if type(x) is int else x for x in row] for row in mat]
    return _rref_fraction(mat, width, ncols)


def _rref_fraction(mat, width, ncols):
    """Gauss-Jordan on Fractions; used when some entry beyond ``ncols`` is symbolic."""
    pivots = []
    top = 0
    nrows = len(mat)
    for col in range(width):
        if top == nrows:
            break
        pivot_row = None
        for i in range(top, nrows):
            if mat[i][col] != 0:
                pivot_row = i
                break
        if pivot_row is None:
            continue
        if col >= ncols and not all(isinstance(mat[i][col], Fraction) for i in range(top, nrows)):
            break  # symbolic entries beyond ncols: leave the remaining rows as they are
        mat[top], mat[pivot_row] = mat[pivot_row], mat[top]
        prow = mat[top]
        inv = 1 / prow[col]
        if inv != 1:
            prow = [x * inv if x != 0 else x for x in prow]
            mat[top] = prow
        nz = [j for j in range(col, width) if prow[j] != 0]
        for i in range(nrows):
            if i != top:
                row = mat[i]
                factor = row[col]
                if factor != 0:
                    for j in nz:
                        row[j] = row[j] - factor * prow[j]
        if col < ncols:
            pivots.append(col)
        top += 1
    result = mat[:top]
    # rows with no pivot (zero on the pivot columns) but non-zero beyond ncols
    for row in mat[top:]:
        if any(not _is_zero(x) for x in row):
            result.append(row)
    return result, tuple(pivots)


_F0 = Fraction(0)
_F1 = Fraction(1)


def _eliminate(row: dict, prow: dict, col: int, pv: int) -> dict:
    """``pv * row - row[col] * prow`` (column ``col`` cleared), divided by the gcd of its entries."""
    v = row[col]
    new = {j: pv * x for j, x in row.items()}
    for j, x in prow.items():
        y = new.get(j, 0) - v * x
        if y:
            new[j] = y
        else:
            new.pop(j, None)
    if new:
        g = gcd(*new.values())
        if g != 1:
            new = {j: x // g for j, x in new.items()}
    return new


def _rref_integer(mat, width, ncols):
    """Fraction-free Gauss-Jordan on sparse integer rows (``{col: int}``), gcd-reduced.

    Each row is scaled to integers once; eliminations ``pv*row - v*prow``
    stay integral and every new row is divided by the gcd of its entries,
    so numbers stay small.  Pivot rows are normalized to Fractions at the end.
    """
    rows: list[dict[int, int]] = []
    for row in mat:
        den = 1
        for x in row:
            if x.denominator != 1:
                den = den * x.denominator // gcd(den, x.denominator)
        sparse = {j: (x.numerator * (den // x.denominator)) for j, x in enumerate(row) if x.numerator}
        if sparse:
            rows.append(sparse)
    done: list[tuple[int, dict[int, int]]] = []  # (col, row) of pivot rows, in order
    pivots = []
    for col in range(width):
        if not rows:
            break
        idx = None
        for i, r in enumerate(rows):
            if col in r:
                idx = i
                break
        if idx is None:
            continue
        prow = rows.pop(idx)
        pv = prow[col]
        for k, r in enumerate(rows):
            if r.get(col):
                rows[k] = _eliminate(r, prow, col, pv)
        for k, (c, r) in enumerate(done):
            if r.get(col):
                done[k] = (c, _eliminate(r, prow, col, pv))
        rows = [r for r in rows if r]
        done.append((col, prow))
        if col < ncols:
            pivots.append(col)
    result = []
    for col, r in done:
        pv = r[col]
        out = [_F0] * width
        for j, x in r.items():
            out[j] = _F1 if x == pv else Fraction(x, pv)
        result.append(out)
    return result, tuple(pivots)


def rref_extend(reduced, pivots, new_rows, ncols: int | None = None) -> tuple[list[list], tuple[int, ...]]:
    r"""RREF of ``reduced`` (already in RREF with ``pivots``, e.g. a canonical system) plus ``new_rows``.

    Equal to ``rref(list(reduced) + list(new_rows), ncols)`` (tested), but
    reuses the reduced rows: each new row is reduced against the known
    pivots, then the new pivots are back-substituted, on sparse
    ``{column: Fraction}`` rows.  Entries must be rational.  Used to intersect
    affine subspaces.

    >>> rows, piv = rref_extend([[1, 0, 1]], (0,), [[1, 1, 3]])
    >>> [[str(x) for x in r] for r in rows], piv
    ([['1', '0', '1'], ['0', '1', '2']], (0, 1))
    """
    if not (type(reduced) is list and type(new_rows) is list and type(pivots) is tuple):  # internal calls: fast
        reduced = [check_sequence(row, "reduced row") for row in check_sequence(reduced, "reduced")]
        pivots = tuple(check_int(p, "pivot", 0) for p in check_sequence(pivots, "pivots"))
        new_rows = [check_sequence(row, "new row") for row in check_sequence(new_rows, "new_rows")]
        ncols = None if ncols is None else check_int(ncols, "ncols", 0)
    piv = {}
    width = None
    for row, p in zip(reduced, pivots, strict=False):
        width = len(row)
        piv[p] = {j: (x if type(x) is Fraction else to_fraction(x)) for j, x in enumerate(row) if x}
    extra_bad = [row for row in reduced[len(pivots):]]  # an already inconsistent row (0 = 1)
    for row in list(new_rows) + extra_bad:
        if width is None:
            width = len(row)
        elif len(row) != width:
            raise ArgumentValueError("rref_extend: all rows must have the same length")
        r = {j: (x if type(x) is Fraction else to_fraction(x)) for j, x in enumerate(row) if x}
        for c in [c for c in r if c in piv]:
            v = r.pop(c)
            for j, x in piv[c].items():
                if j != c:
                    y = r.get(j, 0) - v * x
                    if y:
                        r[j] = y
                    else:
                        r.pop(j, None)
        if not r:
            continue
        p = min(r)
        inv = r[p]
        if inv != 1:
            r = {j: x / inv for j, x in r.items()}
        for prow in piv.values():
            coef = prow.get(p)
            if coef:
                for j, x in r.items():
                    y = prow.get(j, 0) - coef * x
                    if y:
                        prow[j] = y
                    else:
                        prow.pop(j, None)
        piv[p] = r
    if width is None:
        return [], ()
    ncols = width if ncols is None else ncols
    out = []
    new_pivots = []
    for p in sorted(piv):
        dense = [_F0] * width
        for j, x in piv[p].items():
            dense[j] = x
        out.append(dense)
        if p < ncols:
            new_pivots.append(p)
    return out, tuple(new_pivots)


def _convert(x, j, ncols):
    if ncols is not None and j >= ncols:
        try:
            return to_fraction(x)
        except ArgumentTypeError:
            return x  # symbolic right-hand side entry
    return to_fraction(x)


def rank(rows) -> int:
    """Rank of a rational matrix.

    >>> rank([[1, 0], [0, 1], [1, 1]])
    2
    """
    return len(rref(rows)[1])


def nullspace(rows, n: int) -> list[list[Fraction]]:
    r"""A basis of :math:`\{x\in\mathbb Q^n : A x = 0\}` (one vector per free column, in column order).

    >>> nullspace([], 2)
    [[Fraction(1, 1), Fraction(0, 1)], [Fraction(0, 1), Fraction(1, 1)]]
    """
    n = check_int(n, "n", 0, 10**6)
    rows = check_sequence(rows, "rows")
    reduced, pivots = rref(rows) if rows else ([], ())
    pivot_set = set(pivots)
    basis = []
    for free in range(n):
        if free in pivot_set:
            continue
        v = [Fraction(0)] * n
        v[free] = Fraction(1)
        for row, p in zip(reduced, pivots, strict=False):
            v[p] = -row[free]
        basis.append(v)
    return basis


def solve(A, b) -> list[Fraction] | None:
    r"""One solution of :math:`A x = b` (free variables set to 0), or ``None`` if there is none.

    >>> solve([[0, 0]], [0])
    [Fraction(0, 1), Fraction(0, 1)]
    """
    A, b = check_sequence(A, "A"), check_sequence(b, "b")
    A = list(A)
    b = list(b)
    if len(A) != len(b):
        raise ArgumentValueError(f"solve: A has {len(A)} rows but b has {len(b)} entries")
    if not A:
        return None if b else []
    n = len(A[0])
    reduced, pivots = rref([list(row) + [rhs] for row, rhs in zip(A, b, strict=False)], ncols=n)
    if len(reduced) > len(pivots):
        return None
    x = [Fraction(0)] * n
    for row, p in zip(reduced, pivots, strict=False):
        x[p] = row[n]
    return x


def mat_vec(rows, v) -> list:
    """The product of a matrix and a vector.

    >>> mat_vec([[1, 2], [3, 4]], [1, 1])
    [3, 7]
    """
    rows, v = [check_sequence(row, "row") for row in check_sequence(rows, "rows")], check_sequence(v, "v")
    return [sum(a * x for a, x in zip(row, v, strict=False) if a != 0) for row in rows]
