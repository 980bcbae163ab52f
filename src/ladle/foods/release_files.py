"""The files of a downloaded USDA release, a zip or a folder, read line by line.

``open_release(path)`` finds the release's files by name, wherever they sit in the zip or the
folder (USDA's FoodData Central zips keep them in a dated folder), ignoring the case of names.
``ReleaseFiles.lines(name, encoding, reporter)`` streams one file; every failure of the zip or
the disk (a damaged or truncated zip, a bad CRC, undecodable bytes) becomes a
:class:`~ladle.errors.FoodDataError` naming the file and the line.
"""

from __future__ import annotations

import io
import lzma
import math
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast

from ladle.errors import FoodDataError

__all__ = [
    "DOWNLOAD_HINT",
    "ReleaseFiles",
    "Reporter",
    "number",
    "open_release",
    "optional_number",
    "plain",
]

DOWNLOAD_HINT = (
    "give USDA's sr28asc.zip or a FoodData Central CSV download of SR Legacy or Foundation"
    " Foods, zipped or unpacked into a folder"
)
DAMAGED = "the file may be truncated or damaged: download the release again"
BUFFER = 1 << 16
CODECS = {"utf-8-sig": "UTF-8", "latin-1": "ISO-8859-1"}
REPORT_EVERY = 1 << 20  # bytes read between two calls of the progress callback
# what a damaged zip or disk raises: a bad CRC, a cut deflate stream, an encrypted member,
# an unsupported compression method (NotImplementedError is a RuntimeError)
READ_ERRORS = (
    zipfile.BadZipFile,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    OSError,
    ValueError,
    RuntimeError,
)


class Reporter:
    """Calls ``progress(done, total)`` now and then, in bytes read."""

    def __init__(self, progress: Callable[[int, int], None] | None, total: int) -> None:
        self._progress = progress
        self.total = max(total, 1)
        self.done = 0
        self._next = 0

    def advance(self, size: int) -> None:
        self.done += size
        if self._progress is not None and self.done >= self._next:
            self._next = self.done + REPORT_EVERY
            self._progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(self.total, self.total)


class ReleaseFiles:
    """The files of a release, by lower-case base name: members of a zip or files of a folder."""

    def __init__(self, where: str, archive: zipfile.ZipFile | None, names: dict[str, str]) -> None:
        self.where = where
        self._archive = archive
        self._names = names
        self._open_lines: list[Generator[tuple[int, str]]] = []

    def has(self, name: str) -> bool:
        return name.lower() in self._names

    def total_size(self, names: tuple[str, ...]) -> int:
        """The bytes of those of ``names`` the release holds (unpacked)."""
        members = [self._names[n.lower()] for n in names if n.lower() in self._names]
        if self._archive is not None:
            return sum(self._archive.getinfo(m).file_size for m in members)
        return sum(Path(m).stat().st_size for m in members)

    @contextmanager
    def _open(self, name: str) -> Iterator[IO[bytes]]:
        member = self._names[name.lower()]
        if self._archive is not None:
            with (
                self._archive.open(member) as stream,
                # a ZipExtFile's own readline is slow: a buffer over it reads lines 2.5 x faster
                io.BufferedReader(cast("io.RawIOBase", stream), BUFFER) as lines,
            ):
                yield lines
        else:
            with Path(member).open("rb", buffering=BUFFER) as stream:
                yield stream

    def lines(self, name: str, encoding: str, reporter: Reporter) -> Iterator[tuple[int, str]]:
        """``(line number, line)`` of a file, its end of line kept; lines end at ``\\n`` only.

        The generator is closed (and the file with it) when the release is, if not before.
        """
        found = self._lines(name, encoding, reporter)
        self._open_lines.append(found)
        return found

    def _lines(self, name: str, encoding: str, reporter: Reporter) -> Generator[tuple[int, str]]:
        line_number = 0
        try:
            with self._open(name) as stream:
                for line_number, raw in enumerate(stream, 1):
                    reporter.advance(len(raw))
                    yield line_number, raw.decode(encoding)
        except UnicodeDecodeError:
            raise FoodDataError(
                f"bytes that are not {CODECS.get(encoding, encoding)} text",
                where=f"{name}:{line_number}",
                hint="this is not a file of a USDA release",
            ) from None
        except READ_ERRORS as error:
            raise FoodDataError(
                f"cannot be read ({' '.join(str(error).split()) or type(error).__name__})",
                where=f"{name}:{line_number + 1}",
                hint=DAMAGED,
            ) from None

    def close(self) -> None:
        for lines in self._open_lines:
            lines.close()
        self._open_lines.clear()


def _folder_names(folder: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for file in sorted(files):
            names.setdefault(file.lower(), str(Path(root, file)))
    return names


def _zip_names(archive: zipfile.ZipFile) -> dict[str, str]:
    names: dict[str, str] = {}
    for info in archive.infolist():
        base = info.filename.replace("\\", "/").rsplit("/", 1)[-1]
        if base and not info.is_dir() and not base.startswith("."):
            names.setdefault(base.lower(), info.filename)
    return names


@contextmanager
def open_release(path: Path) -> Iterator[ReleaseFiles]:
    """The files of the release at ``path``: a zip file or a folder."""
    where = str(path)
    if path.is_dir():
        files = ReleaseFiles(where, None, _folder_names(path))
        try:
            yield files
        finally:
            files.close()
        return
    if not path.exists():
        raise FoodDataError("no such file or folder", where=where, hint=DOWNLOAD_HINT)
    try:
        archive = zipfile.ZipFile(path)
    except READ_ERRORS as error:
        what = "is not a zip file" if isinstance(error, zipfile.BadZipFile) else "cannot be read"
        raise FoodDataError(what, where=where, hint=DOWNLOAD_HINT) from None
    with archive:
        files = ReleaseFiles(where, archive, _zip_names(archive))
        try:
            yield files
        finally:
            files.close()


def optional_number(value: str, where: str, what: str) -> float | None:
    """A number field (see ``number``), or ``None`` when it is empty."""
    return number(value, where, what) if value.strip() else None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def plain(value: str, where: str, what: str) -> str:
    """A text field with its runs of white space made one space; control characters refused."""
    if _CONTROL.search(value):
        raise FoodDataError(
            f"{what} holds control bytes, not text", where=where, hint="this is not a USDA file"
        )
    return " ".join(value.split())


def number(value: str, where: str, what: str) -> float:
    """A number field: finite and not negative."""
    text = value.strip()
    try:
        found = float(text)
    except ValueError:
        found = math.nan
    if not math.isfinite(found) or found < 0:
        raise FoodDataError(
            f"{what} {value[:40]!r} is not a number", where=where, hint=DAMAGED
        ) from None
    return found
