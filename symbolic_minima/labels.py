r"""The :class:`Label` value type: the blocks of student neurons, by role.

A label of a width-``m`` student is a tuple of ``m`` integer codes, entry
``j`` the code of neuron ``j + 1``'s block (see :mod:`symbolic_minima.roles`):

* ``i >= 1``: a per-teacher block (replica of teacher neuron ``i``);
* ``0``: a free block of size one (a zero-type neuron);
* ``-c``: free block number ``c`` of size two or more (a zero-sum group),
  numbered ``1, 2, ...`` in order of first neuron, so each subspace has
  exactly one label.

:class:`Label` is a ``tuple`` (equal to and hashing like the plain tuple, so
labels are interchangeable with the tuples every output prints) with the
operations every module needs: :meth:`Label.parse`, :meth:`Label.format`,
:meth:`Label.permute`, :meth:`Label.canonical`, :meth:`Label.blocks`,
:meth:`Label.type` (the label up to relabelling) and :meth:`Label.dimension`.

>>> g = Label.parse("1,-1,0,-1,2")
>>> g, g.format(), g.type()
((1, -1, 0, -1, 2), '1,-1,0,-1,2', Kind(zero_type_neurons=1, replica_sizes=(1, 1), zero_sum_groups=(2,)))
>>> g.permute((1, 0, 2, 3, 4))
(-1, 1, 0, -1, 2)
>>> g.dimension(d=2)
5
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from .errors import ArgumentTypeError, ArgumentValueError, check_width

__all__ = [
    "Label",
    "Kind",
    "covering_words",
    "set_partitions",
    "grouped_labels",
    "canonical_groups",
    "MAX_LABEL_TEXT",
]

#: Longest label text :meth:`Label.parse` reads.
MAX_LABEL_TEXT = 100_000


class Kind(NamedTuple):
    """The type of a label: its orbit under neuron permutations and teacher relabellings.

    ``zero_type_neurons``: number of zero-type singletons; ``replica_sizes``:
    :math:`|g^{-1}(i)|` for :math:`i=1..r` (sorted, decreasing); ``zero_sum_groups``:
    sizes of the zero-sum groups (sorted, decreasing).
    """

    zero_type_neurons: int
    replica_sizes: tuple
    zero_sum_groups: tuple


def canonical_groups(g) -> tuple:
    """Renumber the free-block codes ``-c`` of ``g`` in order of first appearance.

    >>> canonical_groups((-2, 1, -1, -2, -1))
    (-1, 1, -2, -1, -2)
    """
    ids: dict[int, int] = {}
    out = []
    for v in g:
        if v < 0:
            if v not in ids:
                ids[v] = -(len(ids) + 1)
            out.append(ids[v])
        else:
            out.append(v)
    return tuple(out)


class Label(tuple):
    """A label (a tuple of int codes, see the module docstring).

    >>> Label((1, 0, 2)) == (1, 0, 2), hash(Label((1, 0))) == hash((1, 0))
    (True, True)
    >>> Label(("1",))
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: label entries must be integers, got str '1'
    """

    __slots__ = ()

    def __new__(cls, values=()):
        if isinstance(values, Label):
            return values
        values = tuple(values)
        for v in values:
            if isinstance(v, bool) or not isinstance(v, int):
                raise ArgumentTypeError(f"label entries must be integers, got {type(v).__name__} {v!r:.40}")
        return super().__new__(cls, values)

    @classmethod
    def parse(cls, text, name: str = "label") -> Label:
        """``"1,2,0"`` -> ``Label((1, 2, 0))``: ASCII integers separated by commas, never sympify.

        >>> Label.parse(" 1, -1 ,-1")
        (1, -1, -1)
        >>> Label.parse("1,x")
        Traceback (most recent call last):
        ...
        symbolic_minima.errors.ArgumentValueError: label must be comma-separated integers like 1,2,0; got '1,x'
        """
        if not isinstance(text, str):
            raise ArgumentTypeError(f"{name} must be a string like 1,2,0; got {type(text).__name__}")
        if len(text) > MAX_LABEL_TEXT:
            raise ArgumentValueError(f"{name} must be at most {MAX_LABEL_TEXT} characters, got {len(text)}")
        values = []
        for part in text.split(","):
            part = part.strip()
            digits = part[1:] if part[:1] == "-" else part
            if not digits or not (digits.isascii() and digits.isdigit()):
                raise ArgumentValueError(f"{name} must be comma-separated integers like 1,2,0; got {text!r:.80}")
            values.append(int(part))
        return cls(values)

    def format(self) -> str:
        """The text form ``"1,2,0"`` (what :meth:`parse` reads)."""
        return ",".join(str(v) for v in self)

    @property
    def width(self) -> int:
        """The student width ``m``."""
        return len(self)

    def teacher_width(self) -> int:
        """The largest teacher index used (``r`` for a valid label)."""
        return max((v for v in self if v > 0), default=0)

    def permute(self, permutation) -> Label:
        r"""The label of :math:`P_\pi\Gamma_g=\Gamma_{g\circ\pi^{-1}}`: neuron ``j`` moves to ``permutation[j]``.

        Free-block numbers are renumbered canonically afterwards.

        >>> Label((1, 2, 0)).permute((2, 0, 1))
        (2, 0, 1)
        """
        permutation = tuple(permutation)
        if sorted(permutation) != list(range(len(self))):
            raise ArgumentValueError(f"permutation must be a permutation of 0..{len(self) - 1}")
        out = [0] * len(self)
        for j, v in enumerate(self):
            out[permutation[j]] = v
        return Label(canonical_groups(out))

    def relabel_teacher(self, mapping) -> Label:
        """Apply ``mapping`` (teacher index -> teacher index) to the per-teacher codes."""
        return Label(mapping[v] if v > 0 else v for v in self)

    def canonical(self) -> Label:
        """Free blocks renumbered by first neuron (each subspace has one canonical label)."""
        return Label(canonical_groups(self))

    def is_canonical(self) -> bool:
        return canonical_groups(self) == tuple(self)

    def blocks(self) -> dict:
        """``{code: [neurons]}`` for every code other than ``0`` (zero-type neurons are blocks of their own).

        >>> Label((1, 0, -1, 1, -1)).blocks()
        {1: [0, 3], -1: [2, 4]}
        """
        blocks: dict[int, list] = {}
        for j, v in enumerate(self):
            if v != 0:
                blocks.setdefault(v, []).append(j)
        return blocks

    def zero_type_neurons(self) -> list:
        """Neurons (0-based) whose code is ``0``."""
        return [j for j, v in enumerate(self) if v == 0]

    def type(self) -> Kind:
        """The :class:`Kind` of the label (its orbit under relabelling).

        >>> Label((1, 0, 1, -1, -1, 2, 0)).type()
        Kind(zero_type_neurons=2, replica_sizes=(2, 1), zero_sum_groups=(2,))
        """
        blocks = self.blocks()
        reps = sorted((len(b) for v, b in blocks.items() if v > 0), reverse=True)
        groups = sorted((len(b) for v, b in blocks.items() if v < 0), reverse=True)
        return Kind(self.count(0), tuple(reps), tuple(groups))

    def dimension(self, d: int = 1, d_out: int = 1, reading=None) -> int:
        r"""Dimension of the label's subspace, the sum of its blocks' role dimensions.

        ``reading`` (default: the global-minimum reading that has the label's
        roles) gives the roles; for the generic roles a replica group of size
        :math:`s` contributes :math:`(s-1)d_{out}`, a zero-type neuron :math:`d`,
        a zero-sum group :math:`d+(s-1)d_{out}`.

        >>> Label((1, 0, 1)).dimension(d=2), Label((-1, -1, 1)).dimension(d=2)
        (3, 3)
        """
        from .readings import get_reading, reading_for_label

        reading = reading_for_label(self) if reading is None else get_reading(reading)
        zeros = self.count(0)
        total = reading.role_of(0, 1).dimension(1, d, d_out) * zeros if zeros else 0
        for code, neurons in self.blocks().items():
            total += reading.role_of(code, len(neurons)).dimension(len(neurons), d, d_out)
        return total


def covering_words(r: int, m: int, low: int) -> Iterator[tuple]:
    """Words of length ``m`` over ``low..r`` using every letter ``1..r``, in lexicographic order.

    Backtracking with the exact pruning "letters still missing <= positions
    left", so every branch explored ends in at least one word.

    >>> list(covering_words(1, 2, 0))
    [(0, 1), (1, 0), (1, 1)]
    """
    if m < r:
        return
    word = [0] * m
    counts = [0] * (r + 1)
    missing = r
    i = 0
    v = low
    while True:
        if i == m:
            yield tuple(word)
        else:
            rest = m - i - 1
            while v <= r:
                new_missing = missing - 1 if (v >= 1 and counts[v] == 0) else missing
                if new_missing <= rest:
                    break
                v += 1
            if v <= r:  # place v at position i and descend
                word[i] = v
                if v >= 1:
                    counts[v] += 1
                missing = new_missing
                i += 1
                v = low
                continue
        # backtrack: undo position i - 1 and try its next letter
        if i == 0:
            return
        i -= 1
        old = word[i]
        if old >= 1:
            counts[old] -= 1
            if counts[old] == 0:
                missing += 1
        v = old + 1


def set_partitions(k: int) -> Iterator[tuple]:
    """Restricted growth strings of length ``k``: the set partitions of ``k`` items.

    ``s[i]`` is the block (``0, 1, ...``) of item ``i``; there are Bell(k).

    >>> list(set_partitions(3))
    [(0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (0, 1, 2)]
    """
    k = check_width(k, "k", minimum=0)
    if k == 0:
        yield ()
        return
    s = [0] * k
    while True:
        yield tuple(s)
        # next restricted growth string: rightmost position that can grow
        i = k - 1
        while i > 0:
            if s[i] <= max(s[:i]):
                s[i] += 1
                for t in range(i + 1, k):
                    s[t] = 0
                break
            i -= 1
        else:
            return


@lru_cache(maxsize=16)
def _partitions_with_sizes(k: int) -> tuple:
    # (restricted growth string, block sizes) for every set partition of k items;
    # cached because every word with k free neurons needs the same list.
    out = []
    for blocks in set_partitions(k):
        sizes: dict[int, int] = {}
        for b in blocks:
            sizes[b] = sizes.get(b, 0) + 1
        out.append((blocks, sizes))
    return tuple(out)


def grouped_labels(word: tuple, allows_size=None) -> Iterator[tuple]:
    """The labels obtained from ``word`` by partitioning its ``0`` entries into free blocks.

    Blocks of size one stay ``0``; larger blocks get codes ``-1, -2, ...`` in
    order of first neuron.  ``allows_size(s)`` (default: every size) filters
    the partitions whose every block size is allowed.

    >>> list(grouped_labels((0, 1, 0)))
    [(-1, 1, -1), (0, 1, 0)]
    >>> list(grouped_labels((0, 0, 0), lambda s: s <= 2))
    [(-1, -1, 0), (-1, 0, -1), (0, -1, -1), (0, 0, 0)]
    """
    zeros = [j for j, v in enumerate(word) if v == 0]
    if len(zeros) > 12:  # Bell(13) = 27,644,437 partitions: do not cache, stream
        parts = ((b, {c: b.count(c) for c in set(b)}) for b in set_partitions(len(zeros)))
    else:
        parts = _partitions_with_sizes(len(zeros))
    for blocks, sizes in parts:
        if allows_size is not None and not all(allows_size(s) for s in sizes.values()):
            continue
        label = list(word)
        ids: dict[int, int] = {}
        for j, b in zip(zeros, blocks):
            if sizes[b] == 1:
                label[j] = 0
            else:
                if b not in ids:
                    ids[b] = len(ids) + 1
                label[j] = -ids[b]
        yield tuple(label)
