"""The ``symbolic-minima`` command line.

One sub-module per family of commands; each defines ``register(subparsers)``
which adds its sub-commands, every one with ``set_defaults(func=handler)``.
A handler takes the parsed ``argparse.Namespace`` and returns the exit
status.  Bad input raises a :class:`~symbolic_minima.errors.SymbolicMinimaError`
(or calls :func:`fail`): :func:`main` prints one line on stderr and exits 2,
never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ..bigint import allow_big_int_strings
from ..errors import SymbolicMinimaError

__all__ = ["main", "build_parser", "fail", "CliError"]

#: Sub-modules that register commands, in the order ``--help`` lists them.
COMMAND_MODULES = ("count", "prove", "subspaces", "graph", "toolkit", "claim", "classify")


class CliError(SymbolicMinimaError, ValueError):
    """Bad command-line input detected by a command handler."""


def fail(message: str):
    """Abort the current command with a one-line error (exit status 2)."""
    raise CliError(message)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr and exit 2; no option abbreviations.

    ``allow_abbrev=False``: ``--zero-typ`` is refused, not read as ``--zero-type``.  Errors name the
    command (``count: ...``) under the one ``symbolic-minima: error:`` prefix that :func:`main` adds.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message):  # noqa: D401 - argparse API
        command = self.prog.removeprefix("symbolic-minima").strip()
        raise CliError(f"{command}: {message}" if command else message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="symbolic-minima",
        description="Exact counts, subspaces, certificates and connectivity of the "
        "loss landscape of overparameterized two-layer and deep networks.",
    )
    parser.add_argument("--version", action="version", version=f"symbolic-minima {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:  # a command family not built yet
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        module.register(sub)
    return parser


def _version() -> str:
    """The installed distribution's version (importlib.metadata), else the package's own."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("symbolic-minima")
    except PackageNotFoundError:  # run from a source tree that is not installed
        from .. import __version__

        return __version__


def main(argv=None) -> int:
    """Entry point of ``symbolic-minima`` and ``python -m symbolic_minima``."""
    allow_big_int_strings()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        status = args.func(args)
    except SymbolicMinimaError as exc:
        print(f"symbolic-minima: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("symbolic-minima: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return 0 if status is None else int(status)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text.replace("symbolic-minima: ", "", 1) if text.startswith("symbolic-minima: ") else text
