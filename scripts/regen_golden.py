"""Regenerate the expected output of the golden cases, for review with ``git diff``.

Each ``tests/cases/<format>/NAME.<ext>`` input has ``NAME.json`` beside it (every recipe of
the input, ``--all`` style), or ``NAME.error`` holding the one-line error when the input must
be refused. Run ``uv run --no-sync python scripts/regen_golden.py`` after a deliberate change
of behaviour, then read the diff before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ladle.errors import LadleError  # noqa: E402
from ladle.formats import ladle_json, read  # noqa: E402

CASES = ROOT / "tests" / "cases"
INPUTS = {"text": ("*.txt",)}
EXAMPLE = "examples/pork-belly-dinner.txt"


def derived() -> dict[str, str]:
    """Golden outputs of scaling and converting the built-in example, as Markdown to read."""
    from ladle.conversion import convert_recipe  # noqa: PLC0415
    from ladle.examples import example_text  # noqa: PLC0415
    from ladle.formats import markdown, read_text  # noqa: PLC0415
    from ladle.scaling import ScaleRequest, scale  # noqa: PLC0415

    recipe = read_text(example_text(), "text", EXAMPLE)[0]
    return {
        "example-8-servings.md": markdown.write(scale(recipe, ScaleRequest(servings=8))),
        "example-3.2-lb-pork-belly.md": markdown.write(
            scale(recipe, ScaleRequest(to="3.2 lb pork belly"))
        ),
        "example-metric.md": markdown.write(convert_recipe(recipe, "metric")),
        "example-half-metric.md": markdown.write(scale(recipe, ScaleRequest(factor=0.5), "metric")),
    }


def expected_for(path: Path) -> tuple[str, str]:
    """(suffix, content) of the expectation file for one input."""
    location = f"cases/{path.parent.name}/{path.name}"
    try:
        recipes = read(path)
    except LadleError as error:
        return ".error", str(error).replace(str(path), location) + "\n"
    for recipe in recipes:
        recipe.source.location = location
    return ".json", ladle_json.write(recipes) + "\n"


def main() -> None:
    changed = 0
    for folder, patterns in INPUTS.items():
        for pattern in patterns:
            for path in sorted((CASES / folder).glob(pattern)):
                suffix, content = expected_for(path)
                target = path.with_suffix(suffix)
                other = path.with_suffix(".error" if suffix == ".json" else ".json")
                if other.exists():
                    other.unlink()
                if not target.exists() or target.read_text(encoding="utf-8") != content:
                    target.write_text(content, encoding="utf-8")
                    changed += 1
                    print(f"wrote {target.relative_to(ROOT)}")
    scaled = CASES / "scale"
    scaled.mkdir(exist_ok=True)
    for name, content in derived().items():
        target = scaled / name
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            target.write_text(content, encoding="utf-8")
            changed += 1
            print(f"wrote {target.relative_to(ROOT)}")
    print(f"{changed} expectation file(s) changed")


if __name__ == "__main__":
    main()
