r"""Activation classes: which activations share one landscape, and the names that map to them.

The paper assumes a *generic* activation: the functions :math:`x\mapsto\sigma(v\cdot x)`
for distinct non-zero :math:`v`, and the constant, are linearly independent.
The activations people train with break this in a few named ways, each adding
symmetries (sign flips, dead and parked neurons) and so its own neuron roles
(:mod:`symbolic_minima.roles`) and readings (:mod:`symbolic_minima.readings`,
one module per class in :mod:`symbolic_minima.classes`):

``generic`` (``exp``, ``sigmoid4+softplus``)
    nothing changes: the paper's setting, and the default.
``zero-at-origin`` (``exp-minus-one``)
    :math:`\sigma(0)=0`: a neuron with :math:`w_j=0` is *dead* (:math:`a_j` free).
``odd`` (``tanh``, ``erf``, ``sinh``)
    :math:`\sigma(-z)=-\sigma(z)`: signed replicas, weighted sums
    :math:`\sum s_ja_j`; dead neurons.
``even`` (``gaussian``, ``cosh``)
    :math:`\sigma(-z)=\sigma(z)`, :math:`\sigma(0)\neq0`: signed replicas, plain sums.
``even-zero-at-origin`` (``logcosh``)
    even with :math:`\sigma(0)=0`: signed replicas, plain sums, dead neurons.

Refused for counting and completeness (their zero-loss sets have points in
none of these subspaces): ``softplus``, ``silu``, ``gelu`` (even + linear),
``sigmoid`` (odd + constant), ``relu`` (not smooth: out of scope).

>>> activation_class("tanh").name, activation_class("odd").name
('odd', 'odd')
>>> activation_class("softplus")
Traceback (most recent call last):
...
symbolic_minima.activation_classes.UnsupportedActivationError: activation 'softplus' is refused ...
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ArgumentTypeError, ArgumentValueError

__all__ = [
    "ActivationClass",
    "UnsupportedActivationError",
    "activation_class",
    "activation_class_names",
    "register_activation_class",
    "ACTIVATION_NAMES",
    "UNSUPPORTED_ACTIVATIONS",
    "DEFAULT_ACTIVATION_CLASS",
]

#: The default class (the paper's setting).
DEFAULT_ACTIVATION_CLASS = "generic"


class UnsupportedActivationError(ArgumentValueError):
    """An activation whose zero-loss set none of the activation classes describes."""


@dataclass(frozen=True)
class ActivationClass:
    r"""A named activation class.

    Parameters
    ----------
    name : str
        Registry name (``"odd"``, ...).
    zero_at_origin : bool
        :math:`\sigma(0)=0`: neurons with :math:`w_j=0` are dead.
    signs : str or None
        ``None`` (classes :math:`\{v\}`), ``"odd"`` (classes :math:`\{v,-v\}`,
        weighted sums :math:`\sum s_ja_j`) or ``"plain"`` (classes :math:`\{v,-v\}`, plain sums).
    zero_loss_rule, critical_rule : str
        The rules in words.
    examples : tuple of str
        Activation names of the class.
    """

    name: str
    zero_at_origin: bool
    signs: str | None
    zero_loss_rule: str
    critical_rule: str
    examples: tuple = ()

    def _latex(self, printer=None) -> str:
        return r"\text{%s}" % self.name

    def _repr_latex_(self) -> str:
        return f"${self._latex()}$"


_CLASSES: dict[str, ActivationClass] = {}

#: Activation name -> class name.
ACTIVATION_NAMES = {
    "exp": "generic",
    "sigmoid4+softplus": "generic",
    "exp-minus-one": "zero-at-origin",
    "tanh": "odd",
    "erf": "odd",
    "sinh": "odd",
    "gaussian": "even",
    "cosh": "even",
    "logcosh": "even-zero-at-origin",
}

#: Activation name -> why it is refused for counting and completeness.
UNSUPPORTED_ACTIVATIONS = {
    "softplus": "it is even + linear (sigma(z) - sigma(-z) is linear in z), so its zero-loss set has points "
                "in none of the subspaces of any class",
    "silu": "it is even + linear (sigma(z) - sigma(-z) = z), so its zero-loss set has points in none of the "
            "subspaces of any class",
    "gelu": "it is even + linear (sigma(z) - sigma(-z) = z), so its zero-loss set has points in none of the "
            "subspaces of any class",
    "sigmoid": "it is odd + constant (sigma(z) - 1/2 is odd), a class not described here",
    "relu": "it is piecewise linear, not smooth: ReLU-type activations are out of scope",
}


def register_activation_class(cls: ActivationClass) -> ActivationClass:
    """Add an activation class to the registry (its readings are registered with :mod:`symbolic_minima.readings`)."""
    if not isinstance(cls, ActivationClass):
        raise ArgumentTypeError(f"expected an ActivationClass, got {type(cls).__name__}")
    _CLASSES[cls.name] = cls
    for example in cls.examples:
        ACTIVATION_NAMES.setdefault(example, cls.name)
    return cls


def activation_class_names() -> tuple:
    """The registered class names, in registration order."""
    _load()
    return tuple(_CLASSES)


def activation_class(name=None) -> ActivationClass:
    """The :class:`ActivationClass` of a class name or an activation name (``None``: generic).

    Refused activations raise :class:`UnsupportedActivationError` with the reason.
    """
    _load()
    if name is None:
        name = DEFAULT_ACTIVATION_CLASS
    if isinstance(name, ActivationClass):
        return name
    if not isinstance(name, str):
        raise ArgumentTypeError(f"activation must be a class or activation name, got {type(name).__name__}")
    if name in _CLASSES:
        return _CLASSES[name]
    if name in ACTIVATION_NAMES:
        return _CLASSES[ACTIVATION_NAMES[name]]
    if name in UNSUPPORTED_ACTIVATIONS:
        raise UnsupportedActivationError(
            f"activation {name!r} is refused for counting and completeness: {UNSUPPORTED_ACTIVATIONS[name]}"
        )
    choices = ", ".join([*_CLASSES, *ACTIVATION_NAMES])
    raise ArgumentValueError(f"activation must be one of {choices}; got {name!r:.60}")


def _load() -> None:
    # the class modules register themselves (and their readings) on import
    from . import classes  # noqa: F401
