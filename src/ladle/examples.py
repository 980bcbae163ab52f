"""The recipes ladle ships as examples (``ladle demo`` reads the first)."""

from __future__ import annotations

from importlib import resources

from ladle.errors import SourceNotFound

__all__ = ["EXAMPLES", "example_text"]

# The built-in example as plain text, and the same article as a blog page around a JSON-LD
# card (with a comment section and a footer that are no part of the article).
EXAMPLES = ("pork-belly-dinner.txt", "pork-belly-dinner.html")


def example_text(name: str = EXAMPLES[0]) -> str:
    """The text of a packaged example recipe."""
    folder = resources.files("ladle") / "data" / "examples"
    entry = folder / name
    if name not in EXAMPLES or not entry.is_file():
        raise SourceNotFound(
            f"no example named {name!r}", where="examples", hint="examples: " + ", ".join(EXAMPLES)
        )
    return entry.read_text(encoding="utf-8")
