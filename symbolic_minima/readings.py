r"""The named readings of the specification's ambiguities.

The source paper's full text is not available, so where its definitions admit
more than one reading, each reading is an explicit option and every result
names the one it used.

``zero_type`` — what the global-minimum manifold :math:`\Theta_{r\to m}` counts:

``"singletons"`` (R1)
    The affine subspaces :math:`\Gamma_g` of labellings
    :math:`g:[m]\to\{0,\dots,r\}` hitting every teacher label; a zero-type
    neuron is a single neuron with :math:`a_j = 0` and free :math:`w_j`.
``"groups"`` (R2)
    The maximal affine subspaces of the whole zero-loss set under a generic
    activation: zero-type neurons may also form *zero-sum groups* of two or
    more neurons sharing one free incoming vector, outgoing weights summing
    to zero.

>>> describe_zero_type("singletons")
'R1 (zero_type="singletons"): zero-type neurons are single neurons with a_j = 0'
"""

from __future__ import annotations

from .errors import check_choice

__all__ = ["ZERO_TYPES", "DEFAULT_ZERO_TYPE", "check_zero_type", "describe_zero_type", "reading_name"]

#: The readings of the zero-type neurons, in the order results list them.
ZERO_TYPES = ("singletons", "groups")
#: The default reading (R1); every result still names it.
DEFAULT_ZERO_TYPE = "singletons"

_NAMES = {"singletons": "R1", "groups": "R2"}
_DESCRIPTIONS = {
    "singletons": "zero-type neurons are single neurons with a_j = 0",
    "groups": "zero-type neurons form zero-sum groups sharing one free incoming vector",
}


def check_zero_type(zero_type) -> str:
    """Validate the ``zero_type`` option (one of :data:`ZERO_TYPES`)."""
    return check_choice(zero_type, "zero_type", ZERO_TYPES)


def reading_name(zero_type) -> str:
    """The short name (``"R1"`` or ``"R2"``) of a ``zero_type`` reading.

    >>> reading_name("groups")
    'R2'
    """
    return _NAMES[check_zero_type(zero_type)]


def describe_zero_type(zero_type) -> str:
    """One line naming the reading and what it means."""
    zero_type = check_zero_type(zero_type)
    return f'{_NAMES[zero_type]} (zero_type="{zero_type}"): {_DESCRIPTIONS[zero_type]}'
