"""Redraw the README's pictures from ladle's real output (``docs/*.svg``).

Run: ``uv run --no-sync python scripts/screenshots.py``. The plans are made for a fixed date,
so the pictures only change when ladle's output does.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from rich.console import Console

from ladle.checker import check
from ladle.console import findings_panel, plan_timeline, recipe_card
from ladle.examples import example_text
from ladle.formats import read, read_text
from ladle.planning.export import by_recipe, gantt_svg
from ladle.planning.kitchen import Kitchen
from ladle.planning.planner import plan

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SERVE = datetime(2026, 11, 26, 19, 0)
NOW = datetime(2026, 11, 25, 12, 0)
DINNER = ("01-roast-chicken", "04-honey-roasted-carrots", "05-garlic-green-beans",
          "06-iced-hibiscus-tea")  # fmt: skip


def _terminal(name: str, title: str, *renderables: object) -> None:
    console = Console(record=True, width=100, file=io.StringIO())
    for renderable in renderables:
        console.print(renderable)
    console.save_svg(str(DOCS / name), title=title)
    print(f"wrote {DOCS / name}")


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    recipe = read_text(example_text(), "text", "examples/pork-belly-dinner.txt")[0]
    _terminal("demo.svg", "ladle demo", "$ ladle demo", recipe_card(recipe))
    _terminal("check.svg", "ladle check", "$ ladle check pork-belly.txt",
              findings_panel(recipe.title, check(recipe)))  # fmt: skip
    seed_plan = plan([recipe], SERVE, now=NOW)
    _terminal("plan.svg", "ladle plan", '$ ladle plan pork-belly.txt --serve-at "2026-11-26 19:00"',
              plan_timeline(seed_plan))  # fmt: skip
    dinner = [read(str(ROOT / "tests" / "cases" / "text" / f"{n}.txt"))[0] for n in DINNER]
    four = plan(dinner, SERVE, Kitchen(burners=2), now=NOW)
    (DOCS / "dinner-gantt.svg").write_text(gantt_svg(by_recipe(four)), encoding="utf-8")
    print(f"wrote {DOCS / 'dinner-gantt.svg'}")


if __name__ == "__main__":
    main()
