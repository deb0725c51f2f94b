"""The ``--activation`` option of the command modules, read from the registry of activation classes.

Not a command module (it is not in ``COMMAND_MODULES``).  The value is a class
name (``odd``) or an activation name (``tanh``): the two are interchangeable.
It is not an argparse ``choices`` list, so that a refused activation
(``softplus``, ``silu``, ``gelu``, ``sigmoid``, ``relu``) reaches
:func:`~symbolic_minima.activation_classes.activation_class` and the command
exits 2 with the one-line reason.  ``None`` (the option not given) means the
generic class, and outputs are then exactly those of a build without classes.

>>> activation_help().startswith("activation class (generic, zero-at-origin, odd, even, even-zero-at-origin) or ")
True
>>> class_name(None), class_name("tanh")
(None, 'odd')
"""

from __future__ import annotations

from ..activation_classes import ACTIVATION_NAMES, activation_class, activation_class_names

__all__ = ["add_activation_argument", "activation_help", "class_name"]


#: The order the help lists the classes in (classes registered later follow).
_ORDER = ("generic", "zero-at-origin", "odd", "even", "even-zero-at-origin")


def activation_help(default: str = "generic") -> str:
    """Help text listing the class names, then the activation names."""
    registered = activation_class_names()
    ordered = [name for name in _ORDER if name in registered] + [n for n in registered if n not in _ORDER]
    classes = ", ".join(ordered)
    names = ", ".join(name for name in ACTIVATION_NAMES if name not in registered)
    return f"activation class ({classes}) or activation name ({names}); default {default}"


def class_name(value) -> str | None:
    """The class name of ``--activation`` (``None`` when the option was not given); refused names raise."""
    if value is None:
        return None
    return activation_class(value).name


def add_activation_argument(parser, **kwargs):
    """Add ``--activation NAME`` (dest ``activation``, default ``None``) to ``parser``."""
    kwargs.setdefault("help", activation_help())
    return parser.add_argument("--activation", dest="activation", default=None, metavar="NAME", **kwargs)
