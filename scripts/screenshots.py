"""Redraw the README's terminal pictures from ladle's real output (``docs/*.svg``).

Run: ``uv run --no-sync python scripts/screenshots.py``.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from ladle.console import recipe_card
from ladle.examples import example_text
from ladle.formats import read_text

DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    recipe = read_text(example_text(), "text", "examples/honey-mustard-pork-belly.txt")[0]
    console = Console(record=True, width=100, file=io.StringIO())
    console.print("$ ladle demo", style="bold")
    console.print(recipe_card(recipe))
    console.save_svg(str(DOCS / "demo.svg"), title="ladle demo")
    print(f"wrote {DOCS / 'demo.svg'}")


if __name__ == "__main__":
    main()
