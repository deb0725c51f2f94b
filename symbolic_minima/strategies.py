r"""Hypothesis strategies for property-testing claims about symmetric loss landscapes.

A public API in the style of :mod:`hypothesis.strategies`: every function
returns a :class:`~hypothesis.strategies.SearchStrategy`, so a researcher
can test a claim of their own against the package's exact machinery::

    from hypothesis import given
    from symbolic_minima.counting import T
    from symbolic_minima.labellings import global_minimum_labellings
    from symbolic_minima.strategies import widths, zero_types

    @given(widths(regime="mild", max_r=4), zero_types())
    def test_enumeration_has_T_elements(rm, zero_type):
        r, m = rm
        labels = global_minimum_labellings(r, m, zero_type)
        assert sum(1 for _ in labels) == T(r, m, zero_type=zero_type)

The strategies:

* :func:`exact_rationals` - sympy ``Rational`` numbers with small numerator and denominator;
* :func:`teachers` - irreducible teachers (:class:`~symbolic_minima.network.Teacher`) with
  exact rational parameters: outgoing weights non-zero, incoming vectors
  pairwise distinct and non-zero; :func:`teacher_parameters` - the same as raw tuples;
* :func:`critical_points` - irreducible critical points (:class:`~symbolic_minima.network.CriticalPoint`);
* :func:`widths` - pairs ``(r, m)`` with ``m = r + h`` in the *mild*
  (:math:`0 \le h \le \lfloor r/2 \rfloor`), *vast* (:math:`2r \le h \le 4r`)
  or *any* (:math:`0 \le h \le` ``max_h``) regime;
* :func:`zero_types` - the registered global-minimum readings (R1, R2 and any
  reading registered later, :func:`symbolic_minima.readings.zero_types`);
* :func:`labellings`, :func:`critical_labellings` - valid canonical labels of
  global-minimum and critical subspaces (same conventions as
  :mod:`symbolic_minima.labellings`, any registered reading), built directly
  from the reading's roles, not by enumeration;
* :func:`global_minimum_subspaces`, :func:`critical_subspaces` - one exact
  subspace of a drawn (or given) teacher / critical point and width;
* :func:`deep_widths` - minimal hidden widths of a deep network and the widths of a wider one;
* :func:`deep_teachers` - irreducible deep teachers (:class:`~symbolic_minima.deep.DeepTeacher`);
* :func:`find_example` - the simplest example satisfying a condition, deterministically.

Importing this module registers :func:`teachers` for
:class:`~symbolic_minima.network.Teacher`, :func:`critical_points` for
:class:`~symbolic_minima.network.CriticalPoint` and :func:`deep_teachers` for
:class:`~symbolic_minima.deep.DeepTeacher` (when those modules are
available), so ``st.from_type(Teacher)`` and ``st.builds(f)`` for annotated
``f`` work.

This module needs hypothesis (``pip install symbolic-minima[strategies]``);
``import symbolic_minima`` never imports it.

>>> find_example(widths(regime="vast", max_r=3), lambda rm: rm[0] == 3)
(3, 9)
>>> from symbolic_minima.labellings import is_global_minimum_labelling
>>> g = find_example(labellings(2, 4, zero_type="R2"), lambda g: -1 in g)
>>> sorted(g), is_global_minimum_labelling(g, 2, "R2")
([-1, -1, 1, 2], True)
"""

from __future__ import annotations

from functools import cache

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "symbolic_minima.strategies needs hypothesis; install it with "
        "`pip install symbolic-minima[strategies]` (or `pip install hypothesis`)"
    ) from exc

from .errors import ArgumentValueError, check_choice, check_int, check_width
from .labels import Label, canonical_groups
from .readings import DEFAULT_ZERO_TYPE, GLOBAL_MINIMUM, check_rm, check_zero_type, get_reading
from .readings import zero_types as _registered_zero_types

__all__ = [
    "REGIMES",
    "critical_labellings",
    "critical_points",
    "critical_subspaces",
    "deep_teachers",
    "deep_widths",
    "exact_rationals",
    "find_example",
    "global_minimum_subspaces",
    "labellings",
    "register_strategies",
    "teacher_parameters",
    "teachers",
    "widths",
    "zero_types",
]

#: The overparameterization regimes :func:`widths` can draw from.
REGIMES = ("mild", "vast", "any")

_MAX_SMALL = 12  # guard: strategies are for property tests, not for huge objects


def exact_rationals(max_numerator: int = 9, max_denominator: int = 4, nonzero: bool = False):
    r"""Exact sympy ``Rational`` numbers :math:`p/q`.

    :math:`|p| \le` ``max_numerator`` and :math:`1 \le q \le` ``max_denominator``.

    Shrinks towards small integers.

    >>> find_example(exact_rationals(), lambda x: x < -1)
    -2
    >>> find_example(exact_rationals(nonzero=True), lambda x: x.q > 1)
    1/2
    """
    max_numerator = check_int(max_numerator, "max_numerator", minimum=1, maximum=10**6)
    max_denominator = check_int(max_denominator, "max_denominator", minimum=1, maximum=10**6)
    return _rationals(max_numerator, max_denominator, bool(nonzero))


def _rational(pqs):
    import sympy

    p, q, sign = pqs
    return sympy.Rational(sign * p, q)


def _nonzero_vector(v) -> bool:
    return any(x != 0 for x in v)


# Strategies are built once per set of arguments and reused: hypothesis caches
# per strategy object, so rebuilding them inside every draw is slow.
@cache
def _rationals(max_numerator, max_denominator, nonzero):
    low = 1 if nonzero else 0
    return st.tuples(st.integers(low, max_numerator), st.integers(1, max_denominator),
                     st.sampled_from((1, -1))).map(_rational)


@cache
def _vectors(length, max_numerator, max_denominator):
    entries = _rationals(max_numerator, max_denominator, False)
    return st.tuples(*([entries] * length)).filter(_nonzero_vector)


@cache
def _parameters_of_width(width, d, d_out, max_numerator, max_denominator):
    incoming = st.lists(_vectors(d, max_numerator, max_denominator), min_size=width, max_size=width,
                        unique=True).map(tuple)
    if d_out == 1:
        out = _rationals(max_numerator, max_denominator, True)
    else:
        out = _vectors(d_out, max_numerator, max_denominator)
    outgoing = st.lists(out, min_size=width, max_size=width).map(tuple)
    return st.tuples(incoming, outgoing)


def teacher_parameters(r=None, d: int = 1, d_out: int = 1, max_r: int = 4,
                       max_numerator: int = 9, max_denominator: int = 4):
    r"""``(incoming, outgoing)`` of an irreducible width-``r`` teacher, exact rationals.

    ``incoming`` is a tuple of ``r`` pairwise distinct, non-zero vectors
    (tuples of length ``d``); ``outgoing`` a tuple of ``r`` non-zero
    ``Rational`` numbers (``d_out == 1``) or non-zero vectors of length
    ``d_out``.  ``r`` is drawn from ``1..max_r`` unless given.

    >>> incoming, outgoing = find_example(teacher_parameters(r=2), lambda p: True)
    >>> len(incoming), len(set(incoming)), all(a != 0 for a in outgoing)
    (2, 2, True)
    """
    d = check_width(d, "d", maximum=_MAX_SMALL)
    d_out = check_width(d_out, "d_out", maximum=_MAX_SMALL)
    max_numerator = check_int(max_numerator, "max_numerator", minimum=1, maximum=10**6)
    max_denominator = check_int(max_denominator, "max_denominator", minimum=1, maximum=10**6)
    if r is not None:
        r = check_width(r, "r", maximum=_MAX_SMALL)
    max_r = check_width(max_r, "max_r", maximum=_MAX_SMALL)
    return _parameters(r, d, d_out, max_r, max_numerator, max_denominator)


@cache
def _parameters(r, d, d_out, max_r, max_numerator, max_denominator):
    if r is not None:
        return _parameters_of_width(r, d, d_out, max_numerator, max_denominator)
    return st.integers(1, max_r).flatmap(
        lambda width: _parameters_of_width(width, d, d_out, max_numerator, max_denominator))


@cache
def _mapped(params, maker):
    return params.map(maker)


def _teacher_class():
    try:
        from .network import Teacher
    except ImportError as exc:  # the network module has not landed / is broken
        raise ImportError(
            "symbolic_minima.strategies.teachers needs symbolic_minima.network.Teacher, "
            f"which could not be imported ({exc})"
        ) from exc
    return Teacher


def _make_teacher(params):
    incoming, outgoing = params
    Teacher = _teacher_class()
    return Teacher(incoming, outgoing)


def _make_critical_point(params):
    _teacher_class()
    from .network import CriticalPoint

    return CriticalPoint(*params)


def teachers(r=None, d: int = 1, d_out: int = 1, max_r: int = 4,
             max_numerator: int = 9, max_denominator: int = 4):
    r"""Irreducible teachers :class:`~symbolic_minima.network.Teacher` with exact rational parameters.

    Width ``r`` (drawn from ``1..max_r`` if not given), input dimension
    ``d``, output dimension ``d_out``; every outgoing weight is non-zero and
    the incoming vectors are pairwise distinct and non-zero (mathematical reference, 'Setting'), so the
    teacher is irreducible.  Parameters are sympy ``Rational``: numerator at
    most ``max_numerator`` in absolute value, denominator at most
    ``max_denominator``.

    >>> t = find_example(teachers(r=2, d=2), lambda t: True)
    >>> t.width, t.input_dim
    (2, 2)
    """
    return _mapped(teacher_parameters(r=r, d=d, d_out=d_out, max_r=max_r, max_numerator=max_numerator,
                                      max_denominator=max_denominator), _make_teacher)


def critical_points(r=None, d: int = 1, d_out: int = 1, max_r: int = 4,
                    max_numerator: int = 9, max_denominator: int = 4):
    r"""Irreducible critical points :class:`~symbolic_minima.network.CriticalPoint`.

    Same parameters as :func:`teachers`.

    >>> find_example(critical_points(r=1, d_out=2), lambda c: True).output_dim
    2
    """
    return _mapped(teacher_parameters(r=r, d=d, d_out=d_out, max_r=max_r, max_numerator=max_numerator,
                                      max_denominator=max_denominator), _make_critical_point)


@st.composite
def widths(draw, regime: str = "any", max_r: int = 4, min_r: int = 1, max_h=None, min_h: int = 0):
    r"""Pairs ``(r, m)`` of a teacher width and a student width ``m = r + h``.

    ``regime`` (see :data:`REGIMES`):

    * ``"mild"``: :math:`0 \le h \le \lfloor r/2 \rfloor` (few extra neurons);
    * ``"vast"``: :math:`2r \le h \le 4r` (:math:`h \gg r`; every comparison
      of :mod:`symbolic_minima.comparison` has crossed over below ``h = 2r`` for
      all :math:`r \le 30`, checked in the tests);
    * ``"any"``: :math:`0 \le h \le` ``max_h`` (default ``r + 3``).

    ``max_h`` also caps ``h`` in the other regimes (useful to bound the
    cost of enumerations) and ``min_h`` raises its floor (``min_h=1`` for
    strictly overparameterized students); ``r`` is drawn from ``min_r..max_r``.

    >>> find_example(widths(regime="mild", min_r=4), lambda rm: rm[1] > rm[0])
    (4, 5)
    >>> find_example(widths(max_r=2, min_h=1, max_h=1))
    (1, 2)
    """
    regime = check_choice(regime, "regime", REGIMES)
    max_r = check_width(max_r, "max_r", maximum=1000)
    min_r = check_width(min_r, "min_r", maximum=max_r)
    if max_h is not None:
        max_h = check_int(max_h, "max_h", minimum=0, maximum=10_000)
    min_h = check_int(min_h, "min_h", minimum=0, maximum=10_000)
    r = draw(st.integers(min_r, max_r))
    if regime == "mild":
        lo, hi = 0, r // 2
    elif regime == "vast":
        lo, hi = 2 * r, 4 * r
    else:
        lo, hi = 0, r + 3
        if max_h is not None:
            hi = max_h
    if max_h is not None:
        hi = min(hi, max_h)
    lo = max(lo, min_h)
    if hi < lo:
        raise ArgumentValueError(
            f"max_h={max_h} and min_h={min_h} leave no h in the {regime!r} regime for r={r}"
        )
    h = draw(st.integers(lo, hi))
    return r, r + h


def zero_types():
    """The names of the registered global-minimum readings (:func:`symbolic_minima.readings.zero_types`,
    read when the strategy is built): R1, R2 and any reading registered before.

    >>> from symbolic_minima.readings import DEFAULT_ZERO_TYPE, GROUPS
    >>> find_example(zero_types(), lambda z: z != DEFAULT_ZERO_TYPE) == GROUPS.name
    True
    """
    return st.sampled_from(_registered_zero_types())


@st.composite
def _covering_word(draw, r: int, m: int, low: int):
    """A word of length ``m`` over ``low..r`` using every letter ``1..r``."""
    positions = draw(st.permutations(range(m)))
    word: list = [None] * m
    for label, pos in enumerate(positions[:r], start=1):
        word[pos] = label
    for pos in positions[r:]:
        word[pos] = draw(st.integers(low, r))
    return tuple(word)


@st.composite
def labellings(draw, r, m, zero_type: str = DEFAULT_ZERO_TYPE):
    r"""A valid canonical label ``g`` of a global-minimum subspace :math:`\Gamma_g`.

    (See the mathematical reference, 'Global-minimum subspaces'.)

    A :class:`~symbolic_minima.labels.Label` of ``m`` ints: ``i >= 1``
    replicates teacher neuron ``i`` (each ``1..r`` occurs), ``0`` a
    zero-type neuron, ``-c`` a member of free block ``c`` (a zero-sum group
    in reading R2: size at least two, blocks numbered by first appearance),
    exactly as in :func:`symbolic_minima.labellings.global_minimum_labellings`.
    ``zero_type`` is any registered global-minimum reading: the free neurons
    are split into blocks of the sizes its free roles allow.  Every label can
    be drawn.

    >>> sorted(find_example(labellings(1, 3), lambda g: g.count(0) == 2))
    [0, 0, 1]
    """
    r, m = check_rm(r, m)
    reading = get_reading(zero_type, family=GLOBAL_MINIMUM)
    if not reading.has_free_neurons:
        return Label(draw(_covering_word(r, m, 1)))
    if not reading.has_groups:
        return Label(draw(_covering_word(r, m, 0)))
    if all(reading.allows_free_size(s) for s in range(1, m - r + 1)):
        # every block size allowed (reading R2): any partition of the free neurons
        word = list(draw(_covering_word(r, m, 0)))
        zeros = [j for j, v in enumerate(word) if v == 0]
        if zeros:
            blocks = [draw(st.integers(0, len(zeros) - 1)) for _ in zeros]
            sizes = {b: blocks.count(b) for b in blocks}
            for j, b in zip(zeros, blocks, strict=False):
                word[j] = -(b + 1) if sizes[b] >= 2 else 0
        return Label(canonical_groups(word))
    return draw(_blocked_label(r, m, reading))


@st.composite
def _blocked_label(draw, r: int, m: int, reading):
    """A label of a reading whose free roles allow some block sizes only: choose a number ``k`` of free
    neurons that splits into allowed sizes, the replica word on the other ``m - k`` neurons, then the
    blocks one by one (each time a size that leaves a splittable rest)."""
    splittable = [True] + [False] * (m - r)  # splittable[k]: k free neurons split into allowed block sizes
    for k in range(1, m - r + 1):
        splittable[k] = any(reading.allows_free_size(s) and splittable[k - s] for s in range(1, k + 1))
    k = draw(st.sampled_from([k for k in range(m - r + 1) if splittable[k]]))
    positions = draw(st.permutations(range(m)))
    free, replicas = positions[:k], positions[k:]
    word = [0] * m
    for i, j in enumerate(replicas[:r], start=1):
        word[j] = i
    for j in replicas[r:]:
        word[j] = draw(st.integers(1, r))
    number = 0
    rest = list(free)
    while rest:
        sizes = [s for s in range(1, len(rest) + 1) if reading.allows_free_size(s) and splittable[len(rest) - s]]
        size = draw(st.sampled_from(sizes))
        block, rest = rest[:size], rest[size:]
        if size > 1:
            number += 1
        for j in block:
            word[j] = -number if size > 1 else 0
    return Label(canonical_groups(word))


def critical_labellings(r, m):
    r"""A surjection :math:`g:[m]\to[r]`, the label of a critical subspace :math:`\Gamma^{crit}_g`.

    (See the mathematical reference, 'Critical subspaces'.)

    >>> sorted(find_example(critical_labellings(2, 3), lambda g: True))
    [1, 1, 2]
    """
    r, m = check_rm(r, m)
    return _covering_word(r, m, 1)


@st.composite
def global_minimum_subspaces(draw, teacher=None, m=None, zero_type: str = DEFAULT_ZERO_TYPE,
                             max_r: int = 3, max_h: int = 2, d: int = 1):
    r"""One global-minimum subspace :math:`\Gamma_g` (an :class:`~symbolic_minima.subspaces.AffineSubspace`).

    ``teacher`` is drawn by :func:`teachers` (width ``<= max_r``, input
    dimension ``d``) unless given; ``m`` is drawn in ``r..r+max_h`` unless
    given; the labelling is drawn by :func:`labellings` and the subspace is
    :func:`symbolic_minima.subspaces.global_minimum_subspace` of that label.

    >>> S = find_example(global_minimum_subspaces(d=2), lambda S: 0 in S.label)
    >>> S.dimension  # one zero-type neuron: h + k(d - 1) = 1 + 1
    2
    """
    from . import subspaces

    zero_type = check_zero_type(zero_type)
    if teacher is None:
        teacher = draw(teachers(max_r=max_r, d=d))
    r = teacher.width
    if m is None:
        m = draw(st.integers(r, r + check_int(max_h, "max_h", minimum=0, maximum=_MAX_SMALL)))
    g = draw(labellings(r, m, zero_type))
    return _subspace_with_label(subspaces, teacher, m, zero_type, g)


def _subspace_with_label(subspaces, teacher, m, zero_type, g):
    return subspaces.global_minimum_subspace(teacher, g, zero_type=zero_type)


@st.composite
def critical_subspaces(draw, critical_point=None, m=None, max_r: int = 3, max_h: int = 2, d: int = 1,
                       d_out: int = 1):
    r"""One critical subspace :math:`\Gamma^{crit}_g` (an :class:`~symbolic_minima.subspaces.AffineSubspace`).

    ``critical_point`` is drawn by :func:`critical_points` unless given;
    ``m`` in ``r..r+max_h`` unless given; ``g`` by :func:`critical_labellings`;
    the subspace is :func:`symbolic_minima.subspaces.critical_subspace`.

    >>> S = find_example(critical_subspaces(max_r=2), lambda S: len(S.label) > max(S.label))
    >>> S.label, S.dimension  # dimension m - r
    ((1, 1), 1)
    """
    from . import subspaces

    if critical_point is None:
        critical_point = draw(critical_points(max_r=max_r, d=d, d_out=d_out))
    r = critical_point.width
    if m is None:
        m = draw(st.integers(r, r + check_int(max_h, "max_h", minimum=0, maximum=_MAX_SMALL)))
    g = draw(critical_labellings(r, m))
    return subspaces.critical_subspace(critical_point, g)


@st.composite
def deep_widths(draw, max_layers: int = 3, max_r: int = 3, max_extra: int = 1, min_extra: int = 0):
    r"""``(minimal, widths)``: minimal hidden widths :math:`r_1^*,\dots,r_{L-1}^*` and wider ones.

    ``minimal`` has ``1..max_layers`` hidden layers of width ``1..max_r``;
    ``widths[l] = minimal[l] + e_l`` with ``min_extra`` :math:`\le e_l \le` ``max_extra``.
    ``min_extra=max_extra=1`` is the paper's theorem (one extra neuron per layer).

    >>> find_example(deep_widths(), lambda mw: len(mw[0]) == 2 and mw[1] != mw[0])
    ((1, 1), (1, 2))
    """
    max_layers = check_width(max_layers, "max_layers", maximum=_MAX_SMALL)
    max_r = check_width(max_r, "max_r", maximum=_MAX_SMALL)
    max_extra = check_int(max_extra, "max_extra", minimum=0, maximum=_MAX_SMALL)
    min_extra = check_int(min_extra, "min_extra", minimum=0, maximum=max_extra)
    minimal = draw(st.lists(st.integers(1, max_r), min_size=1, max_size=max_layers))
    extra = draw(st.lists(st.integers(min_extra, max_extra), min_size=len(minimal), max_size=len(minimal)))
    return tuple(minimal), tuple(r + e for r, e in zip(minimal, extra, strict=False))


def _columns_nonzero(matrix) -> bool:
    return all(any(row[k] != 0 for row in matrix) for k in range(len(matrix[0])))


@st.composite
def deep_teachers(draw, hidden_widths=None, d: int = 1, d_out: int = 1, max_layers: int = 2, max_r: int = 2,
                  max_numerator: int = 9, max_denominator: int = 4):
    r"""Irreducible deep teachers :class:`~symbolic_minima.deep.DeepTeacher` with exact rational weights.

    In every hidden layer the incoming rows are non-zero and pairwise distinct
    and every outgoing column is non-zero.  ``hidden_widths`` (a tuple) is drawn
    (``1..max_layers`` layers of width ``1..max_r``) unless given.

    >>> find_example(deep_teachers(hidden_widths=(2, 1))).hidden_widths
    (2, 1)
    """
    from hypothesis import assume

    from .deep import DeepTeacher

    d = check_width(d, "d", maximum=_MAX_SMALL)
    d_out = check_width(d_out, "d_out", maximum=_MAX_SMALL)
    if hidden_widths is None:
        hidden = draw(st.lists(st.integers(1, check_width(max_r, "max_r", maximum=_MAX_SMALL)), min_size=1,
                               max_size=check_width(max_layers, "max_layers", maximum=_MAX_SMALL)))
    else:
        hidden = [check_width(w, "hidden width", maximum=_MAX_SMALL) for w in hidden_widths]
    widths = [d, *hidden, d_out]
    weights = []
    for l in range(1, len(widths)):
        rows = _vectors(widths[l - 1], max_numerator, max_denominator)
        hidden_layer = l < len(widths) - 1
        weights.append(draw(st.lists(rows, min_size=widths[l], max_size=widths[l], unique=hidden_layer)))
    assume(all(_columns_nonzero(W) for W in weights[1:]))
    return DeepTeacher(weights)


def find_example(strategy, condition=None, max_examples: int = 1000):
    """A deterministic, minimal example of ``strategy`` satisfying ``condition`` (default: any).

    :func:`hypothesis.find` without its slow *explain* phase and without the
    example database; the result is the shrunk (simplest) example, so it is
    reproducible.  Handy in doctests, notebooks and scripts (``.example()``
    is random and meant for interactive use only).

    >>> find_example(widths(min_r=3))
    (3, 3)
    """
    from hypothesis import Phase, find, settings

    check = (lambda _: True) if condition is None else condition
    return find(strategy, check, settings=settings(
        phases=[Phase.generate, Phase.shrink], database=None,
        max_examples=check_int(max_examples, "max_examples", minimum=1, maximum=10**6), deadline=None))


def register_strategies() -> list:
    """Register :func:`teachers` for the package's types; returns the types registered.

    Called on import; safe to call again (e.g. after ``symbolic_minima.network`` appears).
    """
    registered: list = []
    try:
        from .network import Teacher
    except Exception:  # noqa: BLE001 - optional: the module may not exist yet
        return registered
    st.register_type_strategy(Teacher, teachers())
    registered.append(Teacher)
    try:
        from .network import CriticalPoint
    except Exception:  # noqa: BLE001
        return registered

    st.register_type_strategy(CriticalPoint, critical_points())
    registered.append(CriticalPoint)
    try:
        from .deep import DeepTeacher
    except Exception:  # noqa: BLE001
        return registered
    st.register_type_strategy(DeepTeacher, deep_teachers())
    registered.append(DeepTeacher)
    return registered


_REGISTERED = register_strategies()
