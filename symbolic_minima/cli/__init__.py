"""The ``symbolic-minima`` command line.

One sub-module per family of commands; each defines ``register(subparsers)``
which adds its sub-commands, every one with ``set_defaults(func=handler)``.
A handler takes the parsed ``argparse.Namespace`` and returns the exit
status.  Bad input raises a :class:`~symbolic_minima.errors.SymbolicMinimaError`
(or calls :func:`fail`): :func:`main` prints one line on stderr and exits 2,
never a traceback.

Exit statuses (:data:`EXIT_STATUSES`, also in ``--help`` and the README):

=====  =====================================================================
0      success
1      a certificate or proof is false
2      bad input, or a request refused (over the budget, see :mod:`symbolic_minima.budget`)
3      an undecided claim
4      an input/output failure: a file cannot be read or written (a directory
       given as a file, no permission, a full device, an unknown figure
       extension, standard output closed)
70     an internal error (a bug: please report it)
130    interrupted (Ctrl-C)
=====  =====================================================================

Every failure prints exactly one line on stderr; files are written
atomically (:mod:`symbolic_minima.atomic`), so a failed command leaves no
partial file.  Before any work each command estimates its cost
(:mod:`symbolic_minima.budget`) and refuses, with exit status 2, what does not
fit the budget (``--budget`` or ``SYMBOLIC_MINIMA_BUDGET``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys

from ..bigint import allow_big_int_strings
from ..errors import InputOutputError, SymbolicMinimaError, shorten

__all__ = [
    "main", "build_parser", "fail", "CliError", "EXIT_STATUSES",
    "EXIT_OK", "EXIT_FALSE", "EXIT_BAD_INPUT", "EXIT_UNDECIDED", "EXIT_IO", "EXIT_INTERNAL",
]

#: Sub-modules that register commands, in the order ``--help`` lists them.
COMMAND_MODULES = ("count", "prove", "subspaces", "graph", "toolkit", "claim", "classify")

EXIT_OK = 0
EXIT_FALSE = 1
EXIT_BAD_INPUT = 2
EXIT_UNDECIDED = 3
EXIT_IO = 4
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

#: Every exit status of the command line and its meaning.
EXIT_STATUSES = {
    EXIT_OK: "success",
    EXIT_FALSE: "a certificate or proof is false",
    EXIT_BAD_INPUT: "bad input, or a request refused because its estimated cost exceeds the budget",
    EXIT_UNDECIDED: "an undecided claim",
    EXIT_IO: "an input/output failure: a file cannot be read or written (standard output included)",
    EXIT_INTERNAL: "an internal error (a bug; please report it)",
    EXIT_INTERRUPTED: "interrupted",
}

_EPILOG = (
    "exit statuses:\n"
    + "".join(f"  {code:<4} {text}\n" for code, text in EXIT_STATUSES.items())
    + "\nEvery error is one line on stderr; output files are written atomically (no partial file).\n"
    "Requests are estimated first and refused (exit 2) if they exceed the budget\n"
    "(default time=10min,memory=3G,output=1G): raise it with --budget or SYMBOLIC_MINIMA_BUDGET."
)


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
        # argparse quotes the offending argument in full: cut long ones (a 5,000-digit argument is not echoed)
        message = re.sub(r"'([^']{60,})'", lambda m: shorten(m.group(1)), message)
        message = re.sub(r"[^\s']{80,}", lambda m: f"{m.group(0)[:56]}… ({len(m.group(0))} characters)", message)
        command = self.prog.removeprefix("symbolic-minima").strip()
        raise CliError(f"{command}: {message}" if command else message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="symbolic-minima",
        description="Exact counts, subspaces, certificates and connectivity of the "
        "loss landscape of overparameterized two-layer and deep networks.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--budget", dest="run_budget", default=None, metavar="LIMITS",
        help="cost limits of this run, e.g. time=2h,memory=12G,output=5G or 'unlimited' "
        "(default: $SYMBOLIC_MINIMA_BUDGET, else time=10min,memory=3G,output=1G)",
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
    """Entry point of ``symbolic-minima`` and ``python -m symbolic_minima``; returns the exit status."""
    allow_big_int_strings()
    if _stdout_unusable():
        _error("cannot write to standard output: it is closed")
        return EXIT_IO
    restore_limit = None
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        from .. import budget as budget_module

        if args.run_budget is not None:  # not args.budget: that is `claim --budget N` (evaluations)
            budget = budget_module.parse_budget(args.run_budget, budget_module.current_budget())
        else:
            budget = budget_module.current_budget()
        restore_limit = _memory_backstop(budget.memory)
        with budget_module.limits(budget.seconds, budget.memory, budget.output):
            status = args.func(args)
        _flush_stdout()
    except InputOutputError as exc:
        _error(_one_line(exc))
        return EXIT_IO
    except SymbolicMinimaError as exc:
        _error(_one_line(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (e.g. `| head`): not an error
        return EXIT_OK
    except OSError as exc:  # writing standard output failed (e.g. > /dev/full), or a file operation
        _silence_stdout()
        where = f" {exc.filename!r}" if getattr(exc, "filename", None) else " standard output"
        _error(f"cannot write{where}: {exc.strerror or exc}")
        return EXIT_IO
    except MemoryError:
        _error("out of memory: the request needed more memory than the budget allows; "
               "choose a smaller request or raise the budget (--budget memory=...)")
        return EXIT_BAD_INPUT
    except RecursionError:
        _error("the input is nested too deeply")
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - a bug: still one line, and a distinct status
        if os.environ.get("SYMBOLIC_MINIMA_TRACEBACK"):
            raise
        _error(f"internal error: {type(exc).__name__}: {_one_line(exc)[:300]} "
               "(a bug; rerun with SYMBOLIC_MINIMA_TRACEBACK=1 and please report it)")
        return EXIT_INTERNAL
    finally:
        if restore_limit is not None:
            restore_limit()
    return EXIT_OK if status is None else int(status)


#: Longest error line printed; longer ones are cut (with their length).
MAX_ERROR_LINE = 1000


def _error(text: str) -> None:
    if len(text) > MAX_ERROR_LINE:
        text = f"{text[:MAX_ERROR_LINE - 40]}… ({len(text)} characters)"
    try:
        print(f"symbolic-minima: error: {text}", file=sys.stderr)
    except (OSError, ValueError, AttributeError):  # stderr closed too: nothing more can be said
        pass


def _stdout_unusable() -> bool:
    out = sys.stdout
    if out is None or getattr(out, "closed", False):
        return True
    try:
        fd = out.fileno()
    except (OSError, ValueError, AttributeError):  # replaced by an in-memory stream (tests): usable
        return False
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def _flush_stdout() -> None:
    if sys.stdout is not None:
        sys.stdout.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        fd = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _memory_backstop(memory):
    """Cap the address space (Linux) a little above the memory budget, so an under-estimate ends in a
    one-line MemoryError instead of swapping; returns a function restoring the previous limit."""
    if memory is None or os.environ.get("SYMBOLIC_MINIMA_NO_RLIMIT"):
        return None
    try:
        import resource
    except ImportError:  # not on Linux/Unix
        return None
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm") as fh:
            in_use = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return None
    cap = int(in_use + 2 * memory + 2**30)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        return None
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError):
        return None

    def restore():
        try:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        except (OSError, ValueError):
            pass

    return restore


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text.replace("symbolic-minima: ", "", 1) if text.startswith("symbolic-minima: ") else text
