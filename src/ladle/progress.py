"""A progress bar for the command line's long jobs (``ladle add``, ``ladle nutrition import``).

Front-end code only. The bar is transient and goes to standard error, and only when that is a
terminal: a script or a test that reads the output never sees it. Lines written meanwhile go
above it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress

__all__ = ["progress_bar"]


@contextmanager
def progress_bar(description: str, *, show: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A callback ``update(done, total)`` that moves a bar labelled ``description``; nothing is
    drawn unless ``show`` and standard error is a terminal."""
    if not show or not sys.stderr.isatty():
        yield lambda done, total: None
        return
    console = Console(stderr=True, highlight=False)
    with Progress(console=console, transient=True, redirect_stdout=sys.stdout.isatty()) as bar:
        task = bar.add_task(description, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)
