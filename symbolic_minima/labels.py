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

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from .errors import MAX_WIDTH, ArgumentTypeError, ArgumentValueError, check_width, shorten

__all__ = [
    "Label",
    "Kind",
    "decode_entry",
    "covering_words",
    "set_partitions",
    "grouped_labels",
    "canonical_groups",
    "MAX_LABEL_TEXT",
]

#: Longest label text :meth:`Label.parse` reads.
MAX_LABEL_TEXT = 100_000


class Kind(NamedTuple):
    r"""The type of a label: its orbit under neuron permutations, teacher relabellings (and sign flips).

    Parameters
    ----------
    zero_type_neurons : int
        Number of zero-type singletons.
    replica_sizes : tuple of int
        :math:`|g^{-1}(i)|` for :math:`i=1..r` (sorted, decreasing).
    zero_sum_groups : tuple of int
        Sizes of the zero-sum groups (sorted, decreasing).
    dead_neurons, parked_neurons : int
        Counts of those roles (activation classes with :math:`\sigma(0)=0`;
        shown only when non-zero).

    Examples
    --------
    >>> Label((2, 0, 1, 2)).type()
    Kind(zero_type_neurons=1, replica_sizes=(2, 1), zero_sum_groups=())
    """

    zero_type_neurons: int
    replica_sizes: tuple
    zero_sum_groups: tuple
    dead_neurons: int = 0
    parked_neurons: int = 0

    def __repr__(self) -> str:
        extra = "".join(
            f", {name}={value}" for name, value in (("dead_neurons", self.dead_neurons),
                                                     ("parked_neurons", self.parked_neurons)) if value
        )
        return (f"Kind(zero_type_neurons={self.zero_type_neurons}, replica_sizes={self.replica_sizes}, "
                f"zero_sum_groups={self.zero_sum_groups}{extra})")


def decode_entry(entry) -> tuple:
    """``(code, sign, marker)`` of one label entry (an int, or a token of a non-generic class).

    Parameters
    ----------
    entry : int or str
        A label entry: an int code, or a token (``"+2"``, ``"-1"``, ``"0"``,
        ``"d"``, ``"p"``, ``"g3-"``, ...).

    Returns
    -------
    tuple
        ``(code, sign, marker)``: ``code`` the teacher index ``i >= 1``, ``0``
        for a free singleton, ``-c`` for free group ``c``; ``sign`` ``+1`` or
        ``-1``; ``marker`` ``None``, ``"d"`` (dead) or ``"p"`` (parked).

    Examples
    --------
    >>> [decode_entry(e) for e in (2, -1, "+2", "-1", "0")]
    [(2, 1, None), (-1, 1, None), (2, 1, None), (1, -1, None), (0, 1, None)]
    >>> [decode_entry(e) for e in ("d", "p", "g3-", "4")]
    [(0, 1, 'd'), (0, 1, 'p'), (-3, -1, None), (4, 1, None)]
    """
    if isinstance(entry, int):
        return entry, 1, None
    if entry in ("d", "p"):
        return 0, 1, entry
    if entry[0] == "g":
        return -int(entry[1:-1]), (1 if entry[-1] == "+" else -1), None
    if entry[0] in "+-":
        return int(entry[1:]), (1 if entry[0] == "+" else -1), None
    return int(entry), 1, None


def _is_token(entry) -> bool:
    if not isinstance(entry, str) or not entry.isascii() or len(entry) > 20:
        return False
    if entry in ("d", "p") or entry.isdigit():
        return True
    if entry[0] in "+-":
        return entry[1:].isdigit() and int(entry[1:]) >= 1
    if entry[0] == "g" and entry[-1] in "+-":
        return entry[1:-1].isdigit() and int(entry[1:-1]) >= 1
    return False


def _token(code: int, sign: int, marker, signed: bool) -> str:
    if marker is not None:
        return marker
    if code > 0:
        return (("+" if sign > 0 else "-") + str(code)) if signed else str(code)
    if code == 0:
        return "0"
    return f"g{-code}" + ("+" if sign > 0 else "-")


def canonical_groups(g) -> tuple:
    """Renumber the free-block codes ``-c`` of ``g`` in order of first appearance.

    Parameters
    ----------
    g : sequence of int
        A label with integer codes.

    Returns
    -------
    tuple of int
        The same label with its groups numbered ``-1, -2, ...`` by first neuron.

    Examples
    --------
    >>> canonical_groups((-2, 1, -1, -2, -1))
    (-1, 1, -2, -1, -2)
    """
    if type(g) is not tuple:
        from .errors import check_label

        g = check_label(g, "g")
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

    Parameters
    ----------
    values : iterable of int or str
        The codes (or tokens, for non-generic activation classes), one per
        student neuron.

    Raises
    ------
    ArgumentTypeError, ArgumentValueError
        An entry that is neither an int nor a valid token.

    Examples
    --------
    >>> Label((1, 0, 2)) == (1, 0, 2), hash(Label((1, 0))) == hash((1, 0))
    (True, True)
    >>> Label((1.0,))
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentTypeError: label entries must be integers, got float 1.0
    """

    __slots__ = ()

    def __new__(cls, values=()):
        if isinstance(values, Label):
            return values
        if type(values) is not tuple:
            from .errors import check_sequence

            values = check_sequence(values, "label", "a tuple of integers or label tokens such as (1, 2, 0)")
        values = tuple(values)
        for v in values:
            if isinstance(v, str):
                if not _is_token(v):
                    raise ArgumentValueError(
                        f"label tokens must be +i, -i, i, 0, d, p or g<c>+/g<c>- ; got {v!r:.40}"
                    )
            elif isinstance(v, bool) or not isinstance(v, int):
                raise ArgumentTypeError(f"label entries must be integers, got {type(v).__name__} {v!r:.40}")
        return super().__new__(cls, values)

    @property
    def uses_tokens(self) -> bool:
        """Whether the label is written in tokens (non-generic activation classes)."""
        return any(isinstance(v, str) for v in self)

    def entries(self) -> list:
        """``[(code, sign, marker)]`` per neuron (see :func:`decode_entry`)."""
        return [decode_entry(v) for v in self]

    def signs(self) -> tuple:
        """The sign of every neuron (``+1`` unless a token says ``-``)."""
        return tuple(decode_entry(v)[1] for v in self)

    def markers(self) -> tuple:
        """The marker (``None``, ``"d"``, ``"p"``) of every neuron."""
        return tuple(decode_entry(v)[2] for v in self)

    @classmethod
    def parse_tokens(cls, text, name: str = "label") -> Label:
        """Parse a token label (non-generic activation classes): ``"+1,-2,0,d,g1+,g1-"``.

        >>> Label.parse_tokens("+1, -1, d")
        ('+1', '-1', 'd')
        """
        if not isinstance(text, str):
            raise ArgumentTypeError(f"{name} must be a string like +1,-2,0,d; got {type(text).__name__}")
        if len(text) > MAX_LABEL_TEXT:
            raise ArgumentValueError(f"{name} must be at most {MAX_LABEL_TEXT} characters, got {len(text)}")
        parts = [part.strip() for part in text.split(",")]
        if not all(_is_token(part) for part in parts):
            raise ArgumentValueError(
                f"{name} must be comma-separated tokens +i, -i, i, 0, d, p, g<c>+, g<c>-; got {text!r:.80}"
            )
        return cls(parts)

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
                raise ArgumentValueError(f"{name} must be comma-separated integers like 1,2,0; got {shorten(text)}")
            if len(digits) > len(str(MAX_WIDTH)) or int(digits) > MAX_WIDTH:  # never a 6,000-digit entry
                raise ArgumentValueError(
                    f"{name} entries must be integers in [-{MAX_WIDTH}, {MAX_WIDTH}]; got {shorten(part)}"
                )
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
        return max((code for code, _, _ in self.entries() if code > 0), default=0)

    def permute(self, permutation) -> Label:
        r"""The label of :math:`P_\pi\Gamma_g=\Gamma_{g\circ\pi^{-1}}`: neuron ``j`` moves to ``permutation[j]``.

        Free-block numbers are renumbered canonically afterwards.

        >>> Label((1, 2, 0)).permute((2, 0, 1))
        (2, 0, 1)
        """
        permutation = tuple(permutation)
        if sorted(permutation) != list(range(len(self))):
            raise ArgumentValueError(f"permutation must be a permutation of 0..{len(self) - 1}")
        out: list = [0] * len(self)
        for j, v in enumerate(self):
            out[permutation[j]] = v
        return Label(out).canonical()

    def relabel_teacher(self, mapping) -> Label:
        """Apply ``mapping`` (teacher index -> teacher index) to the per-teacher codes."""
        if not self.uses_tokens:
            return Label(mapping[v] if v > 0 else v for v in self)
        return Label(_token(mapping[c] if c > 0 else c, s, mk, True) if c > 0 and isinstance(v, str) and v[0] in "+-"
                     else (_token(mapping[c], s, mk, False) if c > 0 else v)
                     for v, (c, s, mk) in zip(self, self.entries(), strict=False))

    def canonical(self) -> Label:
        """Free blocks renumbered by first neuron (each subspace has one canonical label).

        Token labels also normalise each free group's signs up to the global
        flip: the group's first neuron has sign ``+``.

        >>> Label(("g2-", "+1", "g2+", "g1+", "g1+")).canonical()
        ('g1+', '+1', 'g1-', 'g2+', 'g2+')
        """
        if not self.uses_tokens:
            return Label(canonical_groups(self))
        ids: dict[int, int] = {}
        flips: dict[int, int] = {}
        out = []
        for v, (code, sign, _marker) in zip(self, self.entries(), strict=True):
            if code < 0:
                if code not in ids:
                    ids[code] = len(ids) + 1
                    flips[code] = sign
                out.append(_token(-ids[code], sign * flips[code], None, True))
            else:
                out.append(v)
        return Label(out)

    def is_canonical(self) -> bool:
        return tuple(self.canonical()) == tuple(self)

    def blocks(self) -> dict:
        """``{code: [neurons]}`` for every code other than ``0`` (zero-type neurons are blocks of their own).

        >>> Label((1, 0, -1, 1, -1)).blocks()
        {1: [0, 3], -1: [2, 4]}
        """
        blocks: dict[int, list] = {}
        for j, v in enumerate(self):
            code = v if isinstance(v, int) else decode_entry(v)[0]
            if code != 0:
                blocks.setdefault(code, []).append(j)
        return blocks

    def zero_type_neurons(self) -> list:
        """Neurons (0-based) that are zero-type singletons (code ``0``, no marker)."""
        return [j for j, (code, _, marker) in enumerate(self.entries()) if code == 0 and marker is None]

    def marked_neurons(self, marker: str) -> list:
        """Neurons (0-based) carrying ``marker`` (``"d"`` dead, ``"p"`` parked)."""
        return [j for j, m in enumerate(self.markers()) if m == marker]

    def type(self) -> Kind:
        """The :class:`Kind` of the label (its orbit under relabelling).

        >>> Label((1, 0, 1, -1, -1, 2, 0)).type()
        Kind(zero_type_neurons=2, replica_sizes=(2, 1), zero_sum_groups=(2,))
        """
        blocks = self.blocks()
        reps = sorted((len(b) for v, b in blocks.items() if v > 0), reverse=True)
        groups = sorted((len(b) for v, b in blocks.items() if v < 0), reverse=True)
        if not self.uses_tokens:
            return Kind(self.count(0), tuple(reps), tuple(groups))
        return Kind(len(self.zero_type_neurons()), tuple(reps), tuple(groups),
                    len(self.marked_neurons("d")), len(self.marked_neurons("p")))

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
        total = 0
        for code, _, marker in self.entries():
            if code == 0:
                total += reading.role_of(0, 1, marker).dimension(1, d, d_out)
        for code, neurons in self.blocks().items():
            total += reading.role_of(code, len(neurons)).dimension(len(neurons), d, d_out)
        return total


def covering_words(r: int, m: int, low: int) -> Iterator[tuple]:
    """Words of length ``m`` over ``low..r`` using every letter ``1..r``, in lexicographic order.

    Backtracking with the exact pruning "letters still missing <= positions
    left", so every branch explored ends in at least one word.

    Parameters
    ----------
    r : int
        The largest letter; every letter ``1..r`` occurs.
    m : int
        The word length (no word when ``m < r``).
    low : int
        The smallest letter (``0``: free neurons allowed; ``1``: surjections).

    Yields
    ------
    tuple of int
        Each word once.

    Examples
    --------
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

    Parameters
    ----------
    k : int
        The number of items, ``k >= 0``.

    Yields
    ------
    tuple of int
        ``s`` with ``s[i]`` the block (``0, 1, ...``) of item ``i``; Bell(k) of them.

    Examples
    --------
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
    order of first neuron.

    Parameters
    ----------
    word : tuple of int
        A word with ``0`` for every free neuron.
    allows_size : callable, optional
        ``allows_size(s)``: whether a free block of ``s`` neurons is allowed
        (default: every size); partitions with a refused block are skipped.

    Yields
    ------
    tuple of int
        Each label once.

    Examples
    --------
    >>> list(grouped_labels((0, 1, 0)))
    [(-1, 1, -1), (0, 1, 0)]
    >>> list(grouped_labels((0, 0, 0), lambda s: s <= 2))
    [(-1, -1, 0), (-1, 0, -1), (0, -1, -1), (0, 0, 0)]
    """
    zeros = [j for j, v in enumerate(word) if v == 0]
    parts: Iterable[tuple]
    if len(zeros) > 12:  # Bell(13) = 27,644,437 partitions: do not cache, stream
        parts = ((b, {c: b.count(c) for c in set(b)}) for b in set_partitions(len(zeros)))
    else:
        parts = _partitions_with_sizes(len(zeros))
    for blocks, sizes in parts:
        if allows_size is not None and not all(allows_size(s) for s in sizes.values()):
            continue
        label = list(word)
        ids: dict[int, int] = {}
        for j, b in zip(zeros, blocks, strict=False):
            if sizes[b] == 1:
                label[j] = 0
            else:
                if b not in ids:
                    ids[b] = len(ids) + 1
                label[j] = -ids[b]
        yield tuple(label)
