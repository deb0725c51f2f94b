"""The ``--zero-type`` option of the command modules, read from the registry of readings.

Not a command module (it is not in ``COMMAND_MODULES``).  The choices are
the registered global-minimum readings when the parser is built
(:func:`symbolic_minima.readings.zero_types`, so a reading registered before
:func:`~symbolic_minima.cli.build_parser` appears) and their aliases
(``R1``, ``R2``, ...); the parsed value is always the reading's name.

>>> from symbolic_minima.readings import GROUPS, SINGLETONS
>>> zero_type_choices()[:4] == (SINGLETONS.name, GROUPS.name, "R1", "R2")
True
>>> normalise_zero_type("R2") == GROUPS.name, normalise_zero_type("nothing")
(True, 'nothing')
>>> zero_type_help() == f"{SINGLETONS.name} (R1, default) or {GROUPS.name} (R2)"
True
"""

from __future__ import annotations

from ..errors import SymbolicMinimaError
from ..readings import DEFAULT_ZERO_TYPE, GLOBAL_MINIMUM, check_zero_type, registered_readings

__all__ = ["add_zero_type_argument", "normalise_zero_type", "zero_type_choices", "zero_type_help"]


def zero_type_choices(extra=()) -> tuple:
    """Names of the registered global-minimum readings, then their aliases, then ``extra``."""
    readings = registered_readings(GLOBAL_MINIMUM)
    names = tuple(reading.name for reading in readings)
    aliases = tuple(alias for reading in readings for alias in reading.aliases if alias not in names)
    return (*names, *aliases, *extra)


def normalise_zero_type(text: str) -> str:
    """The reading's name for a name or alias; other text unchanged (argparse then reports the invalid choice)."""
    try:
        return check_zero_type(text)
    except SymbolicMinimaError:
        return text


def zero_type_help(default=DEFAULT_ZERO_TYPE) -> str:
    """``"singletons (R1, default) or groups (R2)"``: every registered reading, ``default`` marked."""
    parts = [
        f"{reading.name} ({reading.short_name}{', default' if reading.name == default else ''})"
        for reading in registered_readings(GLOBAL_MINIMUM)
    ]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]


def add_zero_type_argument(parser, default=DEFAULT_ZERO_TYPE, extra=(), **kwargs):
    """Add ``--zero-type`` (dest ``zero_type``) with the registry's choices (plus ``extra``) to ``parser``;
    ``kwargs`` (e.g. ``help``) go to ``add_argument``."""
    return parser.add_argument("--zero-type", dest="zero_type", type=normalise_zero_type,
                               choices=zero_type_choices(extra), default=default, **kwargs)
