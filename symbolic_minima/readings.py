r"""Readings: named sets of neuron roles, tied to an activation class, and their registry.

The source paper's full text is not available, so where its definitions
admit more than one reading, each reading is an explicit option and every
result names the one it used.  A :class:`Reading` is

* a **family**: :data:`GLOBAL_MINIMUM` (subspaces of the zero-loss set) or
  :data:`CRITICAL` (symmetry-induced critical subspaces);
* a **per-teacher role** (one block for each teacher neuron ``i = 1..r``) and
  **free roles** (any number of blocks, told apart by their sizes), all from
  :mod:`symbolic_minima.roles`;
* an **activation class** (``"generic"``: the functions
  :math:`x\mapsto\sigma(v\cdot x)` for distinct non-zero :math:`v` and the
  constant are linearly independent);
* optional **count routes** (fast closed forms), registered by
  :mod:`symbolic_minima.counting`; the species route is always available.

From the roles alone a reading derives its species and EGF
(:meth:`Reading.species`), its labels (:meth:`Reading.labellings`,
:meth:`Reading.is_label`) and, through :mod:`symbolic_minima.subspaces`,
:mod:`symbolic_minima.graph` and :mod:`symbolic_minima.counting`, its
subspaces, connectivity graph and counts.

The registered readings (``zero_type`` option and ``--zero-type``):

``"singletons"`` (R1)
    The affine subspaces :math:`\Gamma_g` of labellings
    :math:`g:[m]\to\{0,\dots,r\}` hitting every teacher label; a zero-type
    neuron is a single neuron with :math:`a_j = 0` and free :math:`w_j`.
``"groups"`` (R2)
    The maximal affine subspaces of the whole zero-loss set under a generic
    activation: zero-type neurons may also form *zero-sum groups* of two or
    more neurons sharing one free incoming vector, outgoing weights summing
    to zero.
``"critical"``
    The symmetry-induced critical subspaces :math:`\Gamma^{crit}_g` of a
    width-``r`` critical point: surjections :math:`g:[m]\to[r]`.

A new reading is one :func:`register_reading` call (see CONTRIBUTING.md).

>>> describe_zero_type("singletons")
'R1 (zero_type="singletons"): zero-type neurons are single neurons with a_j = 0'
>>> get_reading("R2").name, get_reading("groups").species(2).egf()
('groups', (exp(x) - 1)**2*exp(exp(x) - 1))
>>> [list(g) for g in get_reading("critical").labellings(2, 3)][:2]
[[1, 1, 2], [1, 2, 1]]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .errors import ArgumentTypeError, ArgumentValueError, check_width
from .labels import Label, canonical_groups, covering_words, grouped_labels
from .roles import CRITICAL_REPLICA, REPLICA, ZERO_SUM, ZERO_TYPE, Role
from .species import NonEmptySet, Power, Product, Set, SetOf, Species, Union

__all__ = [
    "Reading",
    "register_reading",
    "register_class_readings",
    "unregister_reading",
    "get_reading",
    "critical_reading",
    "registered_readings",
    "zero_types",
    "reading_for_label",
    "check_zero_type",
    "reading_name",
    "describe_zero_type",
    "GLOBAL_MINIMUM",
    "CRITICAL",
    "GENERIC",
    "SINGLETONS",
    "GROUPS",
    "CRITICAL_READING",
    "ZERO_TYPES",
    "DEFAULT_ZERO_TYPE",
]

#: The family of global-minimum (zero-loss) subspaces; also their subspaces' ``kind``.
GLOBAL_MINIMUM = "global_minimum"
#: The family of symmetry-induced critical subspaces; also their subspaces' ``kind``.
CRITICAL = "critical"
#: The generic activation class (the paper's assumption; the default).
GENERIC = "generic"

#: A count route: ``route(r, m, backend) -> int``.
CountRoute = Callable[[int, int, str], int]


class Reading:
    """A named set of neuron roles in one activation class (see the module docstring).

    Parameters
    ----------
    name : str
        The registry key (the ``zero_type`` option for global-minimum readings).
    short_name : str
        How results name it (``"R1"``, ``"R2"``, ...).
    family : str
        :data:`GLOBAL_MINIMUM` or :data:`CRITICAL`.
    replica : Role
        The per-teacher role (one block per teacher neuron).
    free_roles : tuple of Role
        Roles with any number of blocks; their allowed block sizes must not
        overlap (a block's size tells its role).
    activation_class : str
        The activation class the roles are derived for (default :data:`GENERIC`).
    description : str
        One line saying what the reading means.
    aliases : tuple of str
        Other names :func:`get_reading` accepts.

    Examples
    --------
    >>> from symbolic_minima.roles import REPLICA, ZERO_TYPE
    >>> toy = Reading("toy", "Rtoy", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE,), description="as R1")
    >>> toy.species(1).egf(), sum(1 for _ in toy.labellings(1, 3))
    ((exp(x) - 1)*exp(x), 7)
    """

    def __init__(self, name: str, short_name: str, family: str, replica: Role, free_roles=(),
                 activation_class: str = GENERIC, description: str = "", aliases=()):
        if not isinstance(name, str) or not name:
            raise ArgumentTypeError("a reading's name must be a non-empty string")
        if family not in (GLOBAL_MINIMUM, CRITICAL):
            raise ArgumentValueError(f"family must be {GLOBAL_MINIMUM!r} or {CRITICAL!r}, got {family!r}")
        if not isinstance(replica, Role) or not replica.per_teacher:
            raise ArgumentTypeError("replica must be a per-teacher Role")
        free_roles = tuple(free_roles)
        for role in free_roles:
            if not isinstance(role, Role) or role.per_teacher:
                raise ArgumentTypeError("free_roles must be Roles with per_teacher = False")
        for i, a in enumerate(free_roles):
            for b in free_roles[i + 1:]:
                low, high = max(a.min_size, b.min_size), min(_top(a), _top(b))
                if low <= high and a.marker == b.marker:
                    raise ArgumentValueError(f"free roles {a!r} and {b!r} both allow blocks of size {low}")
        self.name, self.short_name, self.family = name, short_name, family
        self.replica, self.free_roles = replica, free_roles
        self.activation_class, self.description, self.aliases = activation_class, description, tuple(aliases)
        #: Fast count routes, ``{method name: route(r, m, backend)}``, in order of preference.
        self.routes: dict[str, CountRoute] = {}
        #: ``auto(backend) -> method name`` choosing among :attr:`routes` (``None``: the species route).
        self.auto: Callable[[str], str] | None = None

    # ------------------------------------------------------------------ roles

    @property
    def is_critical(self) -> bool:
        """Whether this reading describes critical (not zero-loss) subspaces."""
        return self.family == CRITICAL

    @property
    def has_groups(self) -> bool:
        """Whether free blocks of two or more neurons exist (labels with negative codes)."""
        return any(_top(role) >= 2 for role in self.free_roles)

    @property
    def has_free_neurons(self) -> bool:
        """Whether neurons outside the per-teacher blocks exist (labels with codes ``<= 0``)."""
        return bool(self.free_roles)

    @property
    def uses_tokens(self) -> bool:
        """Whether labels are written in tokens (signs or dead/parked markers occur)."""
        roles = (self.replica, *self.free_roles)
        return any(role.signed or role.marker for role in roles)

    def allows_free_size(self, size: int) -> bool:
        """Whether a free block of ``size`` neurons is allowed."""
        return any(role.allows_size(size) for role in self.free_roles)

    def role_of(self, code: int, size: int, marker: str | None = None) -> Role:
        """The role of a block with label ``code``, ``size`` neurons and ``marker`` (dead/parked singletons).

        >>> get_reading("groups").role_of(-1, 3).name, get_reading("groups").role_of(0, 1).name
        ('zero-sum group', 'zero-type')
        """
        if code > 0:
            return self.replica
        for role in self.free_roles:
            if role.allows_size(size) and role.marker == marker:
                return role
        raise ArgumentValueError(
            f"reading {self.name!r} has no role for a free block of size {size}"
            + (f" marked {marker!r}" if marker else "")
        )

    # ---------------------------------------------------------------- species

    def free_species(self) -> Species | None:
        """The species of the free neurons: a set partition into free blocks (``None`` if there are none)."""
        if not self.free_roles:
            return None
        plain = not any(role.signed or role.marker for role in self.free_roles)
        if plain and all(_top(role) == 1 for role in self.free_roles):
            return Set(name="zero-type neurons")
        if plain and _covers_all_sizes(self.free_roles):
            return SetOf(NonEmptySet(), name="zero-sum groups")
        roles = self._free_roles_in_species_order()
        block = roles[-1].block_species()
        for role in reversed(roles[:-1]):  # right-nested: Union(A, Union(B, C))
            block = Union(role.block_species(), block)
        return SetOf(block, name="free blocks")

    def species(self, r) -> Species:
        r"""The species whose structures on ``[m]`` are this reading's labels: the product of its role factors.

        >>> get_reading("singletons").species(3).egf()
        (exp(x) - 1)**3*exp(x)
        """
        replicas = Power(self.replica.block_species(), r, name="replica groups")
        free = self.free_species()
        if free is None:
            return Power(self.replica.block_species(), r, name=f"{self.family} subspaces ({self.short_name})")
        return Product(free, replicas, name=f"{self.family} subspaces ({self.short_name})")

    def structure_to_label(self, structure, m: int) -> Label:
        """The label of a structure of :meth:`species` on the labels ``0..m-1``."""
        label = [0] * m
        if self.free_species() is None:
            blocks, free = structure, None
        else:
            free, blocks = structure
        if self.uses_tokens:
            return self._structure_to_tokens(free, blocks, m)
        for i, block in enumerate(blocks, start=1):
            for j in block:
                label[j] = i
        if free is not None and not isinstance(self.free_species(), Set):
            groups = sorted((sorted(_members(g)) for g in free), key=lambda g: g[0])
            number = 0
            for g in groups:
                if len(g) > 1:
                    number += 1
                    for j in g:
                        label[j] = -number
        return Label(label)

    def _structure_to_tokens(self, free, blocks, m: int) -> Label:
        # signed / marked structures: replica blocks are sets of (neuron, sign) pairs when signed;
        # the free part is a partition whose blocks are tagged union structures of the free roles.
        label: list = [None] * m
        for i, block in enumerate(blocks, start=1):
            for item in block:
                j, sign = item if isinstance(item, tuple) else (item, 1)
                label[j] = self.replica.token(i, sign)
        if free is not None and isinstance(self.free_species(), Set):
            for j in free:
                label[j] = self.free_roles[0].token(0)
        elif free is not None:
            number = 0  # each group its own number (canonical() renumbers them by first neuron)
            for block in free:
                role, members = self._free_block(block)
                if len(members) == 1 and role.max_size == 1:
                    label[members[0][0]] = role.token(0)
                else:
                    number += 1
                    for j, sign in members:
                        label[j] = role.token(number, sign)
        return Label(label).canonical() if any(v is not None for v in label) else Label(label)

    def _free_block(self, structure) -> tuple:
        # (role, [(neuron, sign)]) of one block of the free partition (a right-nested Union, see free_species)
        roles = self._free_roles_in_species_order()
        index = 0
        while index < len(roles) - 1:
            tag, structure = structure
            if tag == "left":
                break
            index += 1
        members = sorted((item if isinstance(item, tuple) else (item, 1)) for item in structure)
        return roles[index], members

    def _free_roles_in_species_order(self) -> list:
        return sorted(self.free_roles, key=lambda role: (role.min_size, role.marker or ""))

    # ----------------------------------------------------------------- labels

    def labellings(self, r, m) -> Iterator[Label]:
        """Lazily yield every label of width ``m`` over a width-``r`` teacher, in a fixed order.

        Lexicographic in the pattern (per-teacher codes, free neurons as ``0``),
        then by set partition of the free neurons.
        """
        r, m = check_rm(r, m)
        words = covering_words(r, m, 0 if self.free_roles else 1)
        if self.uses_tokens:
            return (label for w in words for label in self._token_labels(w))
        if not self.has_groups:
            return (Label(w) for w in words)
        allows = None if _covers_all_sizes(self.free_roles) else self.allows_free_size
        return (Label(g) for w in words for g in grouped_labels(w, allows))

    def _token_labels(self, word) -> Iterator[Label]:
        # every token label with this pattern: replica signs, then free partitions, roles and signs
        from itertools import product

        replica_neurons = [j for j, v in enumerate(word) if v > 0]
        replica_signs = list(product((1, -1), repeat=len(replica_neurons))) if self.replica.signed else [()]
        free_neurons = [j for j, v in enumerate(word) if v == 0]
        free_options = list(self._free_assignments(free_neurons))
        for signs in replica_signs:
            base: list = [None] * len(word)
            for k, j in enumerate(replica_neurons):
                base[j] = self.replica.token(word[j], signs[k] if signs else 1)
            for assignment in free_options:
                label = list(base)
                for j, token in assignment:
                    label[j] = token
                yield Label(label)

    def _free_assignments(self, neurons) -> Iterator[list]:
        # [(neuron, token)] for every way to split ``neurons`` into free blocks with roles and signs
        from itertools import product

        from .labels import set_partitions

        for blocks in set_partitions(len(neurons)):
            groups: dict[int, list] = {}
            for item, b in zip(neurons, blocks, strict=False):
                groups.setdefault(b, []).append(item)
            choices = []
            ok = True
            number = 0
            for b in sorted(groups, key=lambda b: groups[b][0]):
                members = groups[b]
                options = []
                if len(members) > 1:
                    number += 1
                for role in self._free_roles_in_species_order():
                    if not role.allows_size(len(members)):
                        continue
                    if len(members) == 1 and role.max_size == 1:
                        options.append([(members[0], role.token(0))])
                        continue
                    if len(members) == 1:  # a singleton of a group role is a zero-type neuron
                        continue
                    if role.signed:
                        for rest in product((1, -1), repeat=len(members) - 1):
                            signs = (1, *rest) if role.up_to_flip else rest
                            options.append([(j, role.token(number, s)) for j, s in zip(members, signs, strict=False)])
                    else:
                        options.append([(j, role.token(number, 1)) for j in members])
                if not options:
                    ok = False
                    break
                choices.append(options)
            if not ok:
                continue
            for combo in product(*choices):
                yield [pair for block in combo for pair in block]

    def is_label(self, g, r) -> bool:
        """Whether ``g`` is a valid canonical label of this reading over a width-``r`` teacher."""
        if self.uses_tokens:
            return self._is_token_label(g, r)
        g = tuple(g)
        if any(isinstance(v, bool) or not isinstance(v, int) for v in g):
            return False
        if set(range(1, r + 1)) - set(g) or any(v > r for v in g):
            return False
        if not self.free_roles:
            return all(v >= 1 for v in g)
        if 0 in g and not self.allows_free_size(1):
            return False
        negatives = [v for v in g if v < 0]
        if not negatives:
            return True
        if canonical_groups(g) != g:
            return False
        return all(negatives.count(v) >= 2 and self.allows_free_size(negatives.count(v)) for v in set(negatives))

    def _is_token_label(self, g, r) -> bool:
        try:
            label = Label(g)
        except (ArgumentTypeError, ArgumentValueError):
            return False
        if not label.uses_tokens and len(label) > 0 and not all(v == 0 for v in label):
            return False
        if not label.is_canonical():
            return False
        entries = label.entries()
        codes = {code for code, _, _ in entries}
        if set(range(1, r + 1)) - codes or any(code > r for code in codes):
            return False
        for v, (code, _sign, _marker) in zip(label, entries, strict=True):
            if code > 0 and bool(self.replica.signed) != (v[0] in "+-"):
                return False
        for code, neurons in label.blocks().items():
            if code < 0:
                try:
                    role = self.role_of(code, len(neurons))
                except ArgumentValueError:
                    return False
                if len(neurons) < 2 or (not role.signed and any(entries[j][1] < 0 for j in neurons)):
                    return False
        for code, _, marker in entries:
            if code == 0:
                try:
                    self.role_of(0, 1, marker)
                except ArgumentValueError:
                    return False
        return True

    # --------------------------------------------------------------- printing

    def describe(self) -> str:
        """One line naming the reading and what it means."""
        return f'{self.short_name} (zero_type="{self.name}"): {self.description}'

    def __repr__(self) -> str:
        return f"Reading({self.name!r}, {self.short_name!r}, family={self.family!r}, class={self.activation_class!r})"


def _top(role: Role) -> float:
    return float("inf") if role.max_size is None else role.max_size


def _covers_all_sizes(roles) -> bool:
    sizes = sorted((role.min_size, _top(role)) for role in roles)
    reach = 0.0
    for low, high in sizes:
        if low > reach + 1:
            return False
        reach = max(reach, high)
    return reach == float("inf")


def _members(structure) -> set:
    # the labels of one free-block structure (a frozenset, or a tagged union structure)
    if isinstance(structure, frozenset):
        return set(structure)
    if isinstance(structure, tuple):
        return _members(structure[-1])
    return {structure}


def check_rm(r, m) -> tuple[int, int]:
    """Validate widths ``1 <= r <= m <= MAX_WIDTH`` (the one width rule of the package).

    >>> check_rm(2, 3)
    (2, 3)
    >>> check_rm(3, 2)
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: m must be an integer >= r = 3, got 2
    """
    r = check_width(r, "r")
    m = check_width(m, "m")
    if m < r:
        raise ArgumentValueError(f"m must be an integer >= r = {r}, got {m}")
    return r, m


# --------------------------------------------------------------------------- the registry

_REGISTRY: dict[tuple[str, str], Reading] = {}


def register_reading(reading: Reading, replace: bool = False) -> Reading:
    """Add ``reading`` to the registry (key: activation class and name); returns it.

    Every enumeration, subspace, count, graph and CLI ``choices=`` list reads
    the registry, so a registered reading is picked up everywhere.

    Parameters
    ----------
    reading : Reading
        The reading to add.
    replace : bool
        Replace a reading of the same name and class (default: refuse).

    Returns
    -------
    Reading
        ``reading`` itself.

    Raises
    ------
    ArgumentValueError
        A reading of that name is registered for that class and ``replace`` is false.

    Examples
    --------
    >>> from symbolic_minima.roles import REPLICA, ZeroSumGroup, ZERO_TYPE
    >>> pairs = register_reading(Reading("pairs", "Rp", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZeroSumGroup(2, 2))))
    >>> "pairs" in zero_types(), sum(1 for _ in pairs.labellings(1, 3))
    (True, 10)
    >>> unregister_reading("pairs"); "pairs" in zero_types()
    False
    """
    if not isinstance(reading, Reading):
        raise ArgumentTypeError(f"reading must be a Reading, got {type(reading).__name__}")
    key = (reading.activation_class, reading.name)
    if key in _REGISTRY and not replace:
        raise ArgumentValueError(f"a reading named {reading.name!r} is already registered for {key[0]!r}")
    _REGISTRY[key] = reading
    return reading


def unregister_reading(name: str, activation_class: str = GENERIC) -> None:
    """Remove a reading (built-in readings cannot be removed).

    Parameters
    ----------
    name : str
        The reading's name or alias.
    activation_class : str
        Its activation class (default generic).

    Returns
    -------
    None

    Examples
    --------
    >>> unregister_reading("R1")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: the built-in reading 'singletons' cannot be unregistered
    """
    reading = get_reading(name, activation_class)
    if reading in _BUILT_IN:
        raise ArgumentValueError(f"the built-in reading {reading.name!r} cannot be unregistered")
    del _REGISTRY[(reading.activation_class, reading.name)]


def _class_name(activation_class) -> str:
    if activation_class is None or activation_class == GENERIC:
        return GENERIC
    from .activation_classes import activation_class as resolve

    return resolve(activation_class).name


def registered_readings(family: str | None = None, activation_class: str = GENERIC) -> tuple:
    """The registered readings of one activation class (and ``family``), in registration order.

    Parameters
    ----------
    family : str, optional
        :data:`GLOBAL_MINIMUM` or :data:`CRITICAL` (default: both).
    activation_class : str
        A class name or an activation name (``"tanh"``); default generic.

    Returns
    -------
    tuple of Reading

    Examples
    --------
    >>> [reading.short_name for reading in registered_readings()]
    ['R1', 'R2', 'crit']
    >>> [reading.activation_class for reading in registered_readings(CRITICAL, "tanh")]
    ['odd']
    """
    activation_class = _class_name(activation_class)
    return tuple(
        reading for (cls, _), reading in _REGISTRY.items()
        if cls == activation_class and (family is None or reading.family == family)
    )


def zero_types(activation_class: str = GENERIC) -> tuple:
    """Names of the global-minimum readings (the choices of ``zero_type`` / ``--zero-type``).

    Parameters
    ----------
    activation_class : str
        A class name or an activation name; default generic.

    Returns
    -------
    tuple of str
        The readings' names (aliases such as ``"R1"`` are accepted too, by :func:`get_reading`).

    Examples
    --------
    >>> zero_types()
    ('singletons', 'groups')
    """
    return tuple(reading.name for reading in registered_readings(GLOBAL_MINIMUM, activation_class))


def get_reading(reading, activation_class: str = GENERIC, family: str | None = None) -> Reading:
    """The registered :class:`Reading` named ``reading`` (a name, an alias such as ``"R1"``, or a Reading).

    Parameters
    ----------
    reading : str or Reading
        A name, an alias, or a :class:`Reading` (returned as is, after the family check).
    activation_class : str
        A class name or an activation name; default generic.
    family : str, optional
        Require this family (:data:`GLOBAL_MINIMUM` or :data:`CRITICAL`).

    Returns
    -------
    Reading

    Raises
    ------
    ArgumentValueError
        No such reading, or one of another family.
    ArgumentTypeError
        ``reading`` is neither a string nor a Reading.

    Examples
    --------
    >>> get_reading("R1").name
    'singletons'
    >>> get_reading("pairs")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: zero_type must be one of 'singletons', 'groups' (or R1, R2); got 'pairs'
    """
    activation_class = _class_name(activation_class)
    found: Reading | None
    if isinstance(reading, Reading):
        found = reading
    else:
        names = zero_types(activation_class) if family == GLOBAL_MINIMUM else None
        if not isinstance(reading, str):
            raise ArgumentTypeError(f"zero_type must be one of {_choices(activation_class)}; "
                                    f"got {type(reading).__name__} {reading!r:.60}")
        found = None
        for candidate in registered_readings(family, activation_class):
            if reading == candidate.name or reading in candidate.aliases:
                found = candidate
                break
        if found is None or (names is not None and found.name not in names):
            raise ArgumentValueError(f"zero_type must be one of {_choices(activation_class)}; got {reading!r:.60}")
    assert found is not None
    if family is not None and found.family != family:
        raise ArgumentValueError(f"reading {found.name!r} is not a {family} reading")
    return found


def critical_reading(activation_class: str = GENERIC) -> Reading:
    """The critical reading of an activation class (a class name or an activation name).

    Parameters
    ----------
    activation_class : str
        A class name (``"odd"``) or an activation name (``"tanh"``); default generic.

    Returns
    -------
    Reading
        The registered reading of family :data:`CRITICAL` of that class.

    Examples
    --------
    >>> critical_reading().short_name, critical_reading("tanh").activation_class
    ('crit', 'odd')
    """
    return get_reading(CRITICAL_READING.name, activation_class, family=CRITICAL)


def _choices(activation_class: str) -> str:
    readings = registered_readings(GLOBAL_MINIMUM, activation_class)
    names = ", ".join(repr(reading.name) for reading in readings)
    aliases = ", ".join(alias for reading in readings for alias in reading.aliases)
    return f"{names} (or {aliases})" if aliases else names


def reading_for_label(label, activation_class: str = GENERIC) -> Reading:
    """The first registered global-minimum reading whose labels include ``label``'s block codes.

    Parameters
    ----------
    label : sequence of int or str
        A label (see :class:`~symbolic_minima.labels.Label`).
    activation_class : str
        A class name or an activation name; default generic.

    Returns
    -------
    Reading
        A reading with zero-sum groups when the label has negative codes, else the first one without.

    Examples
    --------
    >>> reading_for_label((1, 0, 2)).short_name, reading_for_label((-1, -1, 1)).short_name
    ('R1', 'R2')
    """
    label = Label(label)
    has_groups = any(code < 0 for code, _, _ in label.entries())
    for reading in registered_readings(GLOBAL_MINIMUM, activation_class):
        if reading.has_groups == has_groups:
            return reading
    return registered_readings(GLOBAL_MINIMUM, activation_class)[0]


def check_zero_type(zero_type, activation_class: str = GENERIC) -> str:
    """Validate the ``zero_type`` option (a global-minimum reading name or alias); returns its name.

    Parameters
    ----------
    zero_type : str or Reading
        A global-minimum reading: name (``"singletons"``, ``"groups"``) or alias (``"R1"``, ``"R2"``).
    activation_class : str
        A class name or an activation name; default generic.

    Returns
    -------
    str
        The reading's name.

    Examples
    --------
    >>> check_zero_type("R2")
    'groups'
    """
    return get_reading(zero_type, activation_class, family=GLOBAL_MINIMUM).name


def reading_name(zero_type) -> str:
    """The short name (``"R1"``, ``"R2"``, ...) of a ``zero_type`` reading.

    Parameters
    ----------
    zero_type : str or Reading
        A global-minimum reading, name or alias.

    Returns
    -------
    str

    Examples
    --------
    >>> reading_name("groups")
    'R2'
    """
    return get_reading(zero_type, family=GLOBAL_MINIMUM).short_name


def describe_zero_type(zero_type) -> str:
    """One line naming the reading and what it means.

    Parameters
    ----------
    zero_type : str or Reading
        A global-minimum reading, name or alias.

    Returns
    -------
    str

    Examples
    --------
    >>> describe_zero_type("R2")
    'R2 (zero_type="groups"): zero-type neurons form zero-sum groups sharing one free incoming vector'
    """
    return get_reading(zero_type, family=GLOBAL_MINIMUM).describe()


# --------------------------------------------------------------------------- built-in readings

#: R1: replicas and zero-type neurons (single neurons with :math:`a_j=0`).
SINGLETONS = register_reading(Reading(
    "singletons", "R1", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE,), aliases=("R1",),
    description="zero-type neurons are single neurons with a_j = 0",
))
#: R2: replicas, zero-type neurons and zero-sum groups (the whole zero-loss set, generic activation).
GROUPS = register_reading(Reading(
    "groups", "R2", GLOBAL_MINIMUM, REPLICA, (ZERO_TYPE, ZERO_SUM), aliases=("R2",),
    description="zero-type neurons form zero-sum groups sharing one free incoming vector",
))
#: The symmetry-induced critical subspaces: splits of the neurons of a width-r critical point.
CRITICAL_READING = register_reading(Reading(
    "critical", "crit", CRITICAL, CRITICAL_REPLICA, (),
    description="neurons of a width-r critical point split into groups with a_j = lambda_j a_i",
))
_BUILT_IN = (SINGLETONS, GROUPS, CRITICAL_READING)


def register_class_readings(activation_class: str, replica: Role, singletons_free, groups_free,
                            critical_replica: Role, critical_free=(), notes: str = "") -> tuple:
    """Register the three standard readings (R1 singletons, R2 groups, critical) of an activation class.

    The names and short names are those of the generic class, so
    ``zero_type`` options mean the same in every class.

    Parameters
    ----------
    activation_class : str
        The class's name.
    replica : Role
        The per-teacher role of the global-minimum readings.
    singletons_free, groups_free : tuple of Role
        The free roles of readings R1 and R2.
    critical_replica : Role
        The per-teacher role of the critical reading.
    critical_free : tuple of Role
        The free roles of the critical reading.
    notes : str
        Appended to each reading's description.

    Returns
    -------
    tuple of Reading
        ``(singletons, groups, critical)``, registered (replacing earlier ones).

    Examples
    --------
    >>> [(r.short_name, r.species(1).egf()) for r in registered_readings(GLOBAL_MINIMUM, "odd")]
    [('R1', (exp(2*x) - 1)*exp(2*x)), ('R2', (exp(2*x) - 1)*exp(x + exp(2*x)/2 - 1/2))]
    """
    suffix = f" ({notes})" if notes else ""
    made = (
        Reading(SINGLETONS.name, SINGLETONS.short_name, GLOBAL_MINIMUM, replica, singletons_free,
                activation_class, SINGLETONS.description + suffix, SINGLETONS.aliases),
        Reading(GROUPS.name, GROUPS.short_name, GLOBAL_MINIMUM, replica, groups_free,
                activation_class, GROUPS.description + suffix, GROUPS.aliases),
        Reading(CRITICAL_READING.name, CRITICAL_READING.short_name, CRITICAL, critical_replica, critical_free,
                activation_class, CRITICAL_READING.description + suffix, CRITICAL_READING.aliases),
    )
    return tuple(register_reading(reading, replace=True) for reading in made)


#: The built-in readings of the zero-type neurons, in the order results list them
#: (:func:`zero_types` also lists readings registered later).
ZERO_TYPES = (SINGLETONS.name, GROUPS.name)
#: The default reading (R1); every result still names it.
DEFAULT_ZERO_TYPE = SINGLETONS.name

from . import classes as _classes  # noqa: E402,F401  (registers the activation classes' readings)
