r"""Writing files atomically: a temporary file in the target directory, then :func:`os.replace`.

Every file the package writes (graphs, figures, LaTeX fragments, reports)
goes through :func:`atomic_write`.  The data is written to a temporary file
next to the target, flushed and synced, and only then renamed over the
target, so a failure at any point (a full disk, a file-size limit, an
interrupt, an error while drawing) leaves the target as it was: the previous
good file, or no file.  The temporary file is removed on error.

Targets that are not regular files cannot be replaced by a rename: a
character device such as ``/dev/stdout`` or ``/dev/full``, or a FIFO, is
written directly and flushed, so that a write error (``/dev/full``: "No space
left on device") is raised rather than lost.

Every failure raises :class:`~symbolic_minima.errors.InputOutputError` with
one line naming the path and the reason (the command line exits with
status 4).

>>> import pathlib, tempfile
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> write_text(target, "first\n")
>>> try:
...     with atomic_write(target) as fh:
...         _ = fh.write("half a file")
...         raise RuntimeError("interrupted")
... except RuntimeError:
...     pass
>>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
('first\n', ['out.txt'])
"""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import ArgumentTypeError, InputOutputError

__all__ = ["atomic_write", "write_text", "write_bytes", "save_figure", "check_writable", "check_figure_path",
           "io_error", "FIGURE_FORMATS"]


def _path(path) -> Path:
    if isinstance(path, bool) or not isinstance(path, (str, os.PathLike)):
        raise ArgumentTypeError(f"path must be a str or os.PathLike, got {type(path).__name__}")
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if not text:
        raise InputOutputError("cannot write '': the path is empty")
    return Path(text)


def io_error(path, exc: BaseException, verb: str = "write") -> InputOutputError:
    """A one-line :class:`InputOutputError` for ``exc`` raised while reading or writing ``path``."""
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return InputOutputError(f"cannot {verb} {str(path)!r}: {reason}")


def check_writable(path) -> Path:
    """Fail early, before any computation, if ``path`` cannot be written as a file.

    Checks that the directory exists and is writable and that ``path`` is not
    a directory; the write itself may still fail (a full disk), which
    :func:`atomic_write` reports.
    """
    path = _path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise InputOutputError(f"cannot write {str(path)!r}: it is a directory; give a file name")
    if path.exists() and not path.is_file():
        return path  # a device or FIFO: written directly
    if not directory.is_dir():
        raise InputOutputError(f"cannot write {str(path)!r}: directory {str(directory)!r} does not exist")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise InputOutputError(f"cannot write {str(path)!r}: directory {str(directory)!r} is not writable")
    return path


def _special(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _new_file_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)  # keep the mode of the file being replaced
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_write(path, mode: str = "w", encoding: str | None = "utf-8"):
    """Open a temporary file next to ``path`` for writing; on success it replaces ``path``.

    ``mode`` is ``"w"`` (text, ``encoding``) or ``"wb"`` (bytes).  On any
    exception inside the block the temporary file is removed and ``path`` is
    left untouched; an :class:`OSError` becomes
    :class:`~symbolic_minima.errors.InputOutputError`, other exceptions
    propagate unchanged.
    """
    if mode not in ("w", "wb"):
        raise ArgumentTypeError(f"mode must be 'w' or 'wb', got {mode!r}")
    path = _path(path)
    if path.is_symlink():  # replace the file the link points to, not the link
        path = Path(os.path.realpath(path))
    binary = mode == "wb"
    if _special(path):  # /dev/stdout, /dev/full, a FIFO: no rename possible
        try:
            fh = open(path, "wb") if binary else open(path, "w", encoding=encoding)
        except OSError as exc:
            raise io_error(path, exc) from None
        try:
            with fh:
                yield fh
                fh.flush()
        except OSError as exc:
            raise io_error(path, exc) from None
        return
    if path.is_dir():
        raise InputOutputError(f"cannot write {str(path)!r}: it is a directory; give a file name")
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise io_error(path, exc) from None
    try:
        try:
            fh = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding)
        except BaseException:
            os.close(fd)
            raise
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _new_file_mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, InputOutputError):
            raise io_error(path, exc) from None
        raise


def write_text(path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (:func:`atomic_write`)."""
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be a str, got {type(text).__name__}")
    with atomic_write(path, "w", encoding=encoding) as fh:
        fh.write(text)


def write_bytes(path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (:func:`atomic_write`)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ArgumentTypeError(f"data must be bytes, got {type(data).__name__}")
    with atomic_write(path, "wb") as fh:
        fh.write(data)


#: File formats matplotlib writes, by extension.
FIGURE_FORMATS = ("png", "pdf", "svg", "eps", "ps", "jpg", "jpeg", "tif", "tiff", "webp", "pgf")


def check_figure_path(path, fmt: str | None = None) -> str:
    """The figure format of ``path`` (from its extension unless ``fmt``), checked writable; raises
    :class:`~symbolic_minima.errors.InputOutputError` for an unknown extension or an unwritable path.

    >>> check_figure_path("ratio.png")
    'png'
    """
    path = check_writable(path)
    if not fmt and not path.suffix and path.exists() and not path.is_file():
        fmt = "png"  # a device or FIFO such as /dev/stdout: the plots' default format
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FIGURE_FORMATS:
        raise InputOutputError(
            f"cannot write {str(path)!r}: unknown figure format {fmt or '(no extension)'!r}; "
            f"use a file name ending in .{', .'.join(FIGURE_FORMATS[:4])}"
        )
    return fmt


def save_figure(fig, path, **kwargs) -> None:
    """``fig.savefig(path, **kwargs)`` atomically; the format comes from the extension of ``path``.

    An unknown extension raises :class:`~symbolic_minima.errors.InputOutputError`
    before anything is written.
    """
    fmt = check_figure_path(path, kwargs.pop("format", None))
    with atomic_write(path, "wb") as fh:
        fig.savefig(fh, format=fmt, **kwargs)
