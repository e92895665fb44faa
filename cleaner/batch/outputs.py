"""Outputs of a batch run: stdout, files written atomically (a temporary file renamed into place,
gzip when the name ends in ``.gz``), and pipes or devices written straight into."""

from __future__ import annotations

import gzip
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO

from .errors import OutputError, reason_of


class Output:
    """Where cleaned bytes go. ``commit`` makes the output final; ``abort`` discards it.

    ``streams`` is true for an output whose bytes reach their reader at once (stdout, a pipe, a
    device): ``abort`` cannot take them back, and ``wrote`` tells whether any were written.
    """

    name = "<output>"
    streams = False
    wrote = False

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        pass

    def abort(self) -> None:
        pass


class StdoutOutput(Output):
    name = "stdout"
    streams = True

    def __init__(self) -> None:
        sys.stdout.flush()
        self.stream = sys.stdout.buffer

    def write(self, data: bytes) -> None:
        if data:
            self.wrote = True
        try:
            self.stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self.name, reason_of(exc)) from None

    def commit(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self.name, reason_of(exc)) from None

    def abort(self) -> None:
        try:
            self.stream.flush()
        except (OSError, ValueError):
            pass


_UMASK: int | None = None


def _default_mode() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0)
        os.umask(_UMASK)
    return 0o666 & ~_UMASK


def _compressing(raw: IO[bytes], target: Path) -> IO[bytes]:
    """``raw`` behind a gzip compressor when ``target`` ends in ``.gz``, else ``raw`` itself."""
    if target.name.lower().endswith(".gz"):
        return gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0)  # type: ignore[return-value]
    return raw


def _make_folder(folder: Path, target: Path) -> None:
    """Create ``folder`` (and its parents) for ``target``; a failure is an :class:`OutputError`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in (folder, *folder.parents) if os.path.lexists(p) and not p.is_dir()), folder)
        raise OutputError(target, f"{blocker} is not a folder") from None
    except OSError as exc:
        raise OutputError(target, reason_of(exc)) from None


class _FileOutput(Output):
    """An output written through ``self.stream`` (gzip or ``self.raw`` itself) to ``self.target``."""

    target: Path
    raw: IO[bytes]
    stream: IO[bytes]
    done = False

    def write(self, data: bytes) -> None:
        if data:
            self.wrote = True
        try:
            self.stream.write(data)
        except OSError as exc:
            raise OutputError(self.target, reason_of(exc)) from None

    def _discard(self) -> bool:
        """Close the streams without a word; False if that was done already."""
        if self.done:
            return False
        self.done = True
        for stream in (self.stream, self.raw):
            try:
                stream.close()
            except OSError:
                pass
        return True


class AtomicOutput(_FileOutput):
    """A temporary file beside ``target``, renamed over it on commit (gzip when it ends in ``.gz``)."""

    def __init__(self, target: str | Path, mode: int | None = None):
        self.target = Path(target)
        self.name = str(self.target)
        _make_folder(self.target.parent, self.target)
        try:
            fd, name = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".tmp")
        except OSError as exc:
            raise OutputError(self.target, reason_of(exc)) from None
        self.temp = Path(name)
        self.mode = _default_mode() if mode is None else mode
        self.raw = os.fdopen(fd, "wb")
        self.stream = _compressing(self.raw, self.target)

    def commit(self) -> None:
        if self.done:
            return
        try:
            if self.stream is not self.raw:
                self.stream.close()
            self.raw.flush()
            os.fsync(self.raw.fileno())
            self.raw.close()
            os.chmod(self.temp, self.mode)
            os.replace(self.temp, self.target)
        except OSError as exc:
            self.abort()
            raise OutputError(self.target, reason_of(exc)) from None
        self.done = True

    def abort(self) -> None:
        if self._discard():
            try:
                self.temp.unlink()
            except OSError:
                pass


class DirectOutput(_FileOutput):
    """An existing pipe, device or socket, or a file-descriptor alias (``/dev/stdout``), written
    straight into, in append mode: a rename would replace the node, and truncating would wipe a
    log that ``/dev/stdout`` reaches through a shell's ``>>``."""

    streams = True

    def __init__(self, target: str | Path):
        self.target = Path(target)
        self.name = str(self.target)
        try:
            self.raw: IO[bytes] = open(self.target, "ab")  # noqa: SIM115 -- closed by commit or abort
        except OSError as exc:
            raise OutputError(self.target, reason_of(exc)) from None
        self.stream = _compressing(self.raw, self.target)

    def commit(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            if self.stream is not self.raw:
                self.stream.close()
            self.raw.close()
        except OSError as exc:
            raise OutputError(self.target, reason_of(exc)) from None

    def abort(self) -> None:
        self._discard()


#: Names that reach a file descriptor of the process, whatever file the shell connected it to.
_FD_ALIAS = re.compile(r"/dev/(?:stdout|stderr|fd/\d+)|/proc/(?:self|\d+)/fd/\d+")


def is_fd_alias(path: str | Path) -> bool:
    """Whether ``path`` names a file descriptor: exactly ``/dev/stdout``, ``/dev/stderr``,
    ``/dev/fd/N``, ``/proc/self/fd/N`` or ``/proc/PID/fd/N``. The file behind it may be one the
    shell opened (``-o /dev/stdout >> log``), which must be written into, never replaced."""
    return _FD_ALIAS.fullmatch(os.path.abspath(path)) is not None


def is_stream_node(path: str | Path) -> bool:
    """Whether ``path`` is an existing node that is neither a regular file nor a folder (a pipe,
    device or socket), after following links: it cannot be replaced by a rename."""
    try:
        kind = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(kind) and not stat.S_ISDIR(kind)


def writes_straight(path: str | Path) -> bool:
    """Whether an output named ``path`` is written straight into (:class:`DirectOutput`) rather than
    replaced atomically: a file-descriptor alias, or an existing pipe, device or socket.

    Any other name, under ``/dev`` or ``/proc`` or not (``/dev/shm`` is an ordinary folder), is a
    file that is written atomically.
    """
    return is_fd_alias(path) or is_stream_node(path)


def open_output(target: str | Path, mode: int | None = None, *, replace: bool = False) -> Output:
    """The output for the file name ``target``.

    A regular file (or a new one) is written atomically (:class:`AtomicOutput`). A symbolic link
    is resolved, so that the file it points to is replaced and the link stays. A file-descriptor
    alias (``/dev/stdout``, ``/dev/fd/N``, ``/proc/self/fd/N``: whatever the shell connected it to)
    and an existing pipe, device or socket (``/dev/null``, a named pipe) are written straight into
    (:class:`DirectOutput`). A folder is refused. ``mode`` sets the permissions of a file written
    atomically.

    ``replace`` (``--in-place``) always writes a new file and renames it over ``target``, which
    must then be a regular file: a stream written straight into would get the cleaned text after
    the original.
    """
    path = Path(target)
    try:
        kind: int | None = os.stat(path).st_mode  # follows links: what a write would reach
    except OSError:
        kind = None
    if kind is not None and stat.S_ISDIR(kind):
        raise OutputError(path, "it is a folder")
    if replace:
        if kind is None or not stat.S_ISREG(kind) or is_fd_alias(path):
            raise OutputError(path, "not a regular file, so it cannot be replaced")
    elif writes_straight(path):
        return DirectOutput(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    return AtomicOutput(path, mode)
