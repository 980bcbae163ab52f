"""Getting text out of a source: a file, standard input, or bytes handed over by a caller.

Every refusal is a :class:`~ladle.errors.SourceError` naming the source and the problem: a
missing file, an empty one, one over the size limit, binary content or bytes that are not
text in an encoding ladle reads (UTF-8, or UTF-16 with its byte-order mark).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ladle.errors import BinarySource, EmptySource, SourceNotFound, SourceTooLarge

__all__ = ["MAX_BYTES", "Loaded", "decode", "load"]

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: far beyond any recipe, small enough to refuse quickly

_CONTROL_OK = frozenset("\t\n\r\f\v")


@dataclass(frozen=True, slots=True)
class Loaded:
    """A source's text and where it came from."""

    text: str
    location: str
    suffix: str  # the file's extension, lowercase ("" for stdin)
    url: str | None = None  # where a page came from


def load(source: str | Path, *, max_bytes: int = MAX_BYTES, allow_private: bool = False) -> Loaded:
    """Read a file path, ``-`` for standard input, or an http(s) URL, as text.

    URLs go through :func:`ladle.fetch.fetch_html`: timeouts, at most 5 redirects, 10 MB, HTML
    only, and no private network addresses unless ``allow_private``.
    """
    if str(source) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return Loaded(decode(data, "<stdin>", max_bytes=max_bytes), "<stdin>", "")
    location = str(source)
    if re.match(r"^[a-z][a-z0-9+.-]*://", location, re.I):
        from ladle.fetch import fetch_html  # noqa: PLC0415 - httpx loads only for URLs

        fetched = fetch_html(location, allow_private=allow_private)
        return Loaded(fetched.text, location, ".html", url=fetched.url)
    path = Path(source)
    try:
        if not path.exists():
            raise SourceNotFound(
                "no such file", where=location, hint="check the path, or use - for standard input"
            )
        if path.is_dir():
            raise SourceNotFound(
                "is a folder, not a file", where=location, hint="name a recipe file inside it"
            )
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceTooLarge(
                f"the file is {size / 1_048_576:.1f} MB, "
                f"over the {max_bytes // 1_048_576} MB limit",
                where=location,
                hint="give the recipe on its own",
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError as exc:
        raise SourceNotFound(
            "permission denied", where=location, hint="make the file readable"
        ) from exc
    except OSError as exc:
        raise SourceNotFound(
            f"cannot read the file ({exc.strerror or exc})", where=location
        ) from exc
    return Loaded(decode(data, location, max_bytes=max_bytes), location, path.suffix.lower())


def decode(data: bytes, location: str, *, max_bytes: int = MAX_BYTES) -> str:
    """Bytes to text, refusing what is empty, too large, binary or undecodable."""
    if len(data) > max_bytes:
        raise SourceTooLarge(
            f"over the {max_bytes // 1_048_576} MB limit",
            where=location,
            hint="give the recipe on its own",
        )
    if not data.strip():
        raise EmptySource("the source is empty", where=location, hint="give it a recipe's text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BinarySource(
                f"not valid UTF-16 text (byte {exc.start})",
                where=location,
                hint="save the file as UTF-8 text",
            ) from exc
    else:
        if b"\x00" in data[:8192]:
            raise BinarySource(
                "binary data, not text", where=location, hint="give a text, HTML or JSON file"
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BinarySource(
                f"not UTF-8 text (undecodable byte 0x{data[exc.start]:02x} at offset {exc.start})",
                where=location,
                hint="save the file as UTF-8 text",
            ) from exc
    sample = text[:8192]
    controls = sum(1 for ch in sample if ch < " " and ch not in _CONTROL_OK)
    if controls > max(8, len(sample) // 20):
        raise BinarySource(
            "binary data, not text", where=location, hint="give a text, HTML or JSON file"
        )
    if not text.strip():
        raise EmptySource("the source is empty", where=location, hint="give it a recipe's text")
    return text
