"""How to read a source: options every reader is handed, used by those they concern."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ReadOptions"]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read a source: a page's address when known, and whether to read pages
    without recipe-scrapers' site scrapers (``generic``)."""

    url: str | None = None
    generic: bool = False
