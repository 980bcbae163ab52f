"""Where the command line writes: whole files or nothing, never onto an input, ``-`` for stdout.

Every output of a command (``export -o``, ``plan --svg`` and ``--ics``) goes through here:

- ``-`` means standard output, for every output flag;
- writing onto an input of the command is refused, whether the output names it, links to it
  (a symbolic link) or is another name of it (a hard link): the files are compared by device and
  inode, not by name;
- a file is first written in full to a temporary file beside it, flushed to the disk, then
  renamed into place; a write that fails leaves the old file as it was, and when several files
  are written none is replaced until all of them are ready;
- an error names the flag and the file that failed, and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ladle.errors import RequestError

__all__ = ["STDOUT", "Output", "check_outputs", "file_mode", "to_stdout", "write_outputs"]

STDOUT = "-"


@dataclass(frozen=True)
class Output:
    """One output a command was asked for: the flag that named it and its path (or ``-``)."""

    flag: str
    path: str

    @property
    def is_stdout(self) -> bool:
        return self.path == STDOUT


def _identity(path: str | Path) -> tuple[int, int] | None:
    """The (device, inode) a path leads to, following links; None when there is no such file."""
    try:
        info = Path(path).stat()
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _input_identities(inputs: Iterable[str]) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    for source in inputs:
        if source == STDOUT:  # standard input, when it is redirected from a file
            try:
                info = os.fstat(sys.stdin.fileno())
            except (OSError, ValueError, AttributeError):
                continue
            if stat.S_ISREG(info.st_mode):
                found.setdefault((info.st_dev, info.st_ino), "standard input")
            continue
        if "://" in source:
            continue
        identity = _identity(source)
        if identity is not None:
            found.setdefault(identity, source)
    return found


def check_outputs(
    outputs: Sequence[Output], inputs: Iterable[str], *, stdout_carries: str | None = None
) -> None:
    """Refuse outputs that would destroy an input, or that name one file (or stdout) twice.

    ``stdout_carries``: what the command itself prints on standard output, if anything. Call it
    before the work, so that a refusal costs nothing; ``write_outputs`` checks again.
    """
    sources = _input_identities(inputs)
    seen: dict[tuple[int, int] | str, Output] = {}
    for output in outputs:
        if output.is_stdout:
            if stdout_carries is not None:
                raise RequestError(
                    f"standard output already carries {stdout_carries}",
                    where=f"{output.flag} -",
                    hint=f"give {output.flag} a file name",
                )
            stdout_carries = f"the output of {output.flag}"
            continue
        identity = _identity(output.path)
        if identity is not None and identity in sources:
            source = sources[identity]
            same = (
                "the input"
                if source == output.path
                else "the file given on standard input"
                if source == "standard input"
                else f"the same file as the input {source}"
            )
            raise RequestError(
                f"{output.path} is {same}; ladle does not write over its input",
                where=output.flag,
                hint=f"give {output.flag} another file name",
            )
        key: tuple[int, int] | str = identity or str(Path(output.path).absolute())
        if key in seen:
            raise RequestError(
                f"{output.path} is also the file of {seen[key].flag}",
                where=output.flag,
                hint=f"give {output.flag} and {seen[key].flag} different file names",
            )
        seen[key] = output


def to_stdout(data: bytes) -> None:
    """Bytes to standard output, after anything already written there as text."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _cannot_write(output: Output, error: OSError) -> RequestError:
    reason = error.strerror or str(error)
    folder = Path(output.path).absolute().parent
    if error.errno == errno.ENOENT and not folder.is_dir():
        hint = f"the folder {folder} does not exist: create it, or give {output.flag} another file"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = f"give {output.flag} a file in a folder you may write to"
    elif error.errno == errno.EISDIR or Path(output.path).is_dir():
        hint = f"{output.path} is a folder: give {output.flag} a file name"
    else:
        hint = f"the old file is unchanged; check the disk, or give {output.flag} another file"
    return RequestError(
        f"{output.path}: cannot write the file ({reason})", where=output.flag, hint=hint
    )


def _target(output: Output) -> tuple[Path, bool]:
    """Where to write, and whether to write in place (not a regular file: a device, a pipe).

    A symbolic link is followed, so that the link stays and the file it names is replaced.
    """
    given = Path(output.path)
    try:
        info = given.stat()
    except OSError:
        return given.resolve(), False
    if stat.S_ISDIR(info.st_mode):
        raise _cannot_write(output, IsADirectoryError(errno.EISDIR, "is a folder", output.path))
    if not stat.S_ISREG(info.st_mode):
        return given, True
    return given.resolve(), False


def file_mode(path: Path) -> int:
    """The permissions of the file the output replaces, else those a new file would get."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _prepare(path: Path, data: bytes) -> Path:
    """The data in a temporary file beside ``path``, flushed to the disk; its name."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temporary.chmod(file_mode(path))
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _sync_folder(path: Path) -> None:
    """Make the rename itself durable, where the system allows it."""
    with contextlib.suppress(OSError):
        handle = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _stage(output: Output, data: bytes, pending: list[tuple[Output, Path, Path]]) -> None:
    """Write one output to its temporary file (added to ``pending``), or in place for a device."""
    path, in_place = _target(output)
    try:
        if in_place:  # /dev/null, a named pipe: nothing to replace
            with path.open("wb") as out:
                out.write(data)
            return
        pending.append((output, _prepare(path, data), path))
    except OSError as error:
        raise _cannot_write(output, error) from None


def write_outputs(files: Sequence[tuple[Output, bytes]], inputs: Iterable[str] = ()) -> None:
    """Write every output whole, or leave every old file as it was (``-``: standard output).

    Raises ``RequestError`` naming the flag and the file that failed.
    """
    check_outputs([output for output, _ in files], inputs)
    pending: list[tuple[Output, Path, Path]] = []  # output, temporary file, final path
    try:
        for output, data in files:
            if not output.is_stdout:
                _stage(output, data, pending)
        while pending:
            output, temporary, path = pending[0]
            try:
                temporary.replace(path)
            except OSError as error:
                raise _cannot_write(output, error) from None
            pending.pop(0)
            _sync_folder(path)
    finally:
        for _, temporary, _ in pending:
            with contextlib.suppress(OSError):
                temporary.unlink()
    for output, data in files:
        if output.is_stdout:
            to_stdout(data)
