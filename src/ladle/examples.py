"""The recipes ladle ships as examples (``ladle demo`` reads the first)."""

from __future__ import annotations

from importlib import resources

from ladle.errors import SourceNotFound

__all__ = ["EXAMPLES", "example_text"]

EXAMPLES = ("pork-belly-dinner.txt",)


def example_text(name: str = EXAMPLES[0]) -> str:
    """The text of a packaged example recipe."""
    folder = resources.files("ladle") / "data" / "examples"
    entry = folder / name
    if name not in EXAMPLES or not entry.is_file():
        raise SourceNotFound(
            f"no example named {name!r}", where="examples", hint="examples: " + ", ".join(EXAMPLES)
        )
    return entry.read_text(encoding="utf-8")
