"""PDF: the printable HTML card (``card.py``) rendered by WeasyPrint (writer only).

``write(recipe)`` gives the PDF as bytes; the page size is the card's ``@page`` rule (A4 unless
``page="letter"``). WeasyPrint is imported on first use: it is heavy, and only this writer needs
it. Its progress messages and fontTools' subsetting chatter are quietened while rendering;
WeasyPrint's own warnings and errors (a bad style rule, a missing resource) still reach the
``weasyprint`` logger, since for a card that loads nothing they mean a real problem.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ladle.formats import card
from ladle.model import Recipe

__all__ = ["write"]

# logger name -> the lowest level let through while rendering
_QUIET = {"weasyprint.progress": logging.WARNING, "fontTools": logging.ERROR}


@contextmanager
def _quiet_logs() -> Iterator[None]:
    loggers = [(logging.getLogger(name), level) for name, level in _QUIET.items()]
    saved = [logger.level for logger, _ in loggers]
    for logger, level in loggers:
        if logger.getEffectiveLevel() < level:
            logger.setLevel(level)
    try:
        yield
    finally:
        for (logger, _), level in zip(loggers, saved, strict=True):
            logger.setLevel(level)


def write(
    recipe: Recipe,
    *,
    page: card.PageSize = "A4",
    lang: str = "en",
    nutrition: dict[str, Any] | None = None,
) -> bytes:
    """The recipe card as a PDF document (with its nutrition panel when a nutrition report's
    JSON is given)."""
    html = card.write(recipe, page=page, lang=lang, nutrition=nutrition)
    with warnings.catch_warnings():
        # Without libharfbuzz-subset WeasyPrint announces, once, that it will need it later:
        # advice for whoever installs system packages, not a problem with this document.
        warnings.filterwarnings(
            "ignore", message="HarfBuzz-Subset will be required", category=DeprecationWarning
        )
        import weasyprint  # type: ignore[import-untyped]  # noqa: PLC0415 - heavy, used only here
    with _quiet_logs():
        document = weasyprint.HTML(string=html, base_url=None).write_pdf()
    assert isinstance(document, bytes)
    return document
