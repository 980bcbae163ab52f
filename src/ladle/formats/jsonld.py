"""schema.org Recipe JSON-LD: a standalone document read and written.

Reading finds every Recipe node and hands it to ``schemaorg.py``, which web pages use too.

``to_schema_org(recipe)`` gives the Recipe as a JSON-LD object of the schema.org vocabulary;
``write(recipe)`` gives it as pretty JSON. Only what the recipe knows is written: no key for an
unknown time or yield, no nutrition until ladle computes it. Times are ISO 8601 durations
(``PT1H30M``, ``P1DT2H``); steps are ``HowToStep`` objects, gathered into ``HowToSection``
objects where the recipe names sections, and the notes follow as ``HowToTip`` objects; the
equipment the steps use becomes ``HowToTool`` objects. Ingredient groups are written as
sites write them, the group's name as a line ("For the glaze:") before its lines; course,
cuisine, cooking method and author go under their schema.org names; amounts that scaling
leaves alone (``Ingredient.fixed``) are listed by position among the ingredient lines under
ladle's own property ``FIXED``. Units stay as written in each line, in any language.
"""

from __future__ import annotations

import json
import math
from typing import Any

from ladle.draft import Draft
from ladle.errors import NoRecipeFound
from ladle.formats.schemaorg import FIXED, loads_lenient, recipe_nodes, to_draft
from ladle.model import Recipe, Step, Yield

__all__ = [
    "FIXED",
    "iso_duration",
    "nutrient_text",
    "nutrition_information",
    "read",
    "script_json",
    "to_schema_org",
    "write",
    "yield_texts",
]

JSON = dict[str, Any]


def iso_duration(minutes: float) -> str:
    """Minutes as an ISO 8601 duration: 90 → ``PT1H30M``, 1560 → ``P1DT2H``, 0 → ``PT0M``.

    Fractions of a minute become whole seconds (1.5 → ``PT1M30S``).
    """
    if not math.isfinite(minutes) or minutes < 0:
        raise ValueError(f"a duration is a finite number of minutes, at least 0, not {minutes}")
    seconds = round(minutes * 60)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    whole_minutes, secs = divmod(rest, 60)
    date = f"{days}D" if days else ""
    time = "".join(
        f"{value}{unit}"
        for value, unit in ((hours, "H"), (whole_minutes, "M"), (secs, "S"))
        if value
    )
    if not date and not time:
        return "PT0M"
    return "P" + date + (f"T{time}" if time else "")


def _number(value: float) -> str:
    """A number for machines: 2 → "2", 1.5 → "1.5", 0.333333 → "0.33"."""
    return f"{round(value, 2):g}"


def _unit_words(unit: str, amount: float) -> str:
    words = unit.replace("_", " ")
    if amount == 1 or words.endswith("s"):
        return words
    return words + ("es" if words.endswith(("ch", "sh", "x")) else "s")


def yield_texts(yield_: Yield) -> list[str]:
    """What a recipe makes, as schema.org writes it: "4 servings", "24 cookies", or as written."""
    texts: list[str] = []
    if yield_.servings is not None and yield_.servings > 0:
        word = "serving" if yield_.servings == 1 else "servings"
        texts.append(f"{_number(yield_.servings)} {word}")
    if yield_.amount is not None and yield_.amount > 0 and yield_.unit:
        texts.append(f"{_number(yield_.amount)} {_unit_words(yield_.unit, yield_.amount)}")
    if not texts and yield_.text and yield_.text.strip():
        texts.append(yield_.text.strip())
    return texts


def _step(step: Step, position: int) -> JSON:
    return {"@type": "HowToStep", "position": position, "text": " ".join(step.text.split())}


def _instructions(steps: list[Step], notes: list[str]) -> list[JSON]:
    """Steps in order: loose steps as HowToStep, runs of one section as a HowToSection; the
    notes after them as HowToTip."""
    items: list[JSON] = []
    section: JSON | None = None
    for step in steps:
        name = step.section.strip() if step.section and step.section.strip() else None
        if name is None:
            section = None
            items.append(_step(step, len(items) + 1))
            continue
        if section is None or section["name"] != name:
            section = {
                "@type": "HowToSection",
                "position": len(items) + 1,
                "name": name,
                "itemListElement": [],
            }
            items.append(section)
        members: list[JSON] = section["itemListElement"]
        members.append(_step(step, len(members) + 1))
    for note in notes:
        if note.strip():
            items.append({"@type": "HowToTip", "position": len(items) + 1, "text": note.strip()})
    return items


def _tools(steps: list[Step]) -> list[JSON]:
    """The equipment the steps use, each once, in the order first used."""
    seen: dict[str, str] = {}
    for step in steps:
        for item in step.equipment:
            name = item.strip()
            if name and name.casefold() not in seen:
                seen[name.casefold()] = name
    return [{"@type": "HowToTool", "name": name} for name in seen.values()]


def _ingredient_lines(recipe: Recipe) -> list[str]:
    """The ingredient lines, each group's name before its lines as "Name:" (the way recipe
    sites list groups in recipeIngredient, and ladle reads them back)."""
    lines: list[str] = []
    current: str | None = None
    for ingredient in recipe.ingredients:
        if ingredient.group and ingredient.group != current:
            lines.append(f"{ingredient.group.rstrip(':').strip()}:")
        current = ingredient.group
        lines.append(ingredient.text)
    return lines


_METADATA = {
    "course": "recipeCategory",
    "cuisine": "recipeCuisine",
    "cooking method": "cookingMethod",
}


def _metadata(recipe: Recipe, data: JSON) -> None:
    """What ladle keeps but does not model, under its schema.org names."""
    for name, key in _METADATA.items():
        if recipe.metadata.get(name):
            data[key] = recipe.metadata[name]
    if recipe.metadata.get("author"):
        data["author"] = {"@type": "Person", "name": recipe.metadata["author"]}


# A nutrition report's keys (``ladle nutrition --json``) to schema.org NutritionInformation's.
_NUTRITION = {
    "energy_kcal": "calories", "protein": "proteinContent", "fat": "fatContent",
    "saturated_fat": "saturatedFatContent", "carbohydrate": "carbohydrateContent",
    "sugars": "sugarContent", "fibre": "fiberContent", "sodium": "sodiumContent",
    "cholesterol": "cholesterolContent",
}  # fmt: skip


def nutrient_text(value: float, unit: str) -> str:
    """A nutrient amount as a label prints it: energy and milligrams whole, grams to 0.1."""
    return f"{value:.0f} {unit}" if unit in ("kcal", "kJ", "mg") else f"{value:.1f} {unit}"


def nutrition_information(report: JSON) -> JSON:
    """schema.org ``NutritionInformation`` from a nutrition report's JSON (what ``ladle
    nutrition --json`` prints): per serving when the servings are known, else for the whole
    recipe (``servingSize`` says which)."""
    servings = report.get("servings")
    column = "per_serving" if servings else "total"
    data: JSON = {"@type": "NutritionInformation"}
    data["servingSize"] = f"1 of {_number(servings)} servings" if servings else "the whole recipe"
    for row in report.get("nutrients", []):
        key, value = _NUTRITION.get(row.get("key")), row.get(column)
        if key is not None and isinstance(value, int | float):
            data[key] = nutrient_text(value, str(row.get("unit", "")))
    return data


def to_schema_org(recipe: Recipe, nutrition: JSON | None = None) -> JSON:
    """The recipe as a schema.org ``Recipe`` JSON-LD object (only what the recipe knows);
    ``nutrition``, a nutrition report's JSON, adds its ``NutritionInformation``."""
    data: JSON = {"@context": "https://schema.org", "@type": "Recipe", "name": recipe.title}
    if recipe.description:
        data["description"] = recipe.description
    if recipe.source.url:
        data["url"] = recipe.source.url
    yields = yield_texts(recipe.yield_)
    if yields:
        data["recipeYield"] = yields[0] if len(yields) == 1 else yields
    for key, minutes in (
        ("prepTime", recipe.times.prep_minutes),
        ("cookTime", recipe.times.cook_minutes),
        ("totalTime", recipe.times.total_minutes),
    ):
        if minutes is not None and math.isfinite(minutes) and minutes >= 0:
            data[key] = iso_duration(minutes)
    _metadata(recipe, data)
    tags = [tag.strip() for tag in recipe.tags if tag.strip()]
    if tags:
        data["keywords"] = ", ".join(tags)
    data["recipeIngredient"] = _ingredient_lines(recipe)
    fixed = [n for n, i in enumerate(recipe.ingredients) if i.fixed]
    if fixed:  # no schema.org word for an amount that scaling leaves alone: ladle's own
        data[FIXED] = fixed
    data["recipeInstructions"] = _instructions(recipe.steps, recipe.notes)
    tools = _tools(recipe.steps)
    if tools:
        data["tool"] = tools
    if nutrition:
        data["nutrition"] = nutrition_information(nutrition)
    return data


def write(recipe: Recipe, *, nutrition: JSON | None = None) -> str:
    """The recipe as pretty schema.org JSON-LD (with its ``NutritionInformation`` when a
    nutrition report's JSON is given)."""
    data = to_schema_org(recipe, nutrition)
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)


def script_json(data: object) -> str:
    """JSON safe inside an HTML ``<script>`` element: ``<``, ``>`` and ``&`` as ``\\u`` escapes.

    Nothing in the text can then close the element (``</script>``) or open a comment.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def read(text: str, location: str) -> list[Draft]:
    """Every schema.org Recipe of a JSON-LD document as a draft (lenient about how sites
    write JSON)."""
    nodes = list(recipe_nodes(loads_lenient(text, location)))
    if not nodes:
        raise NoRecipeFound(
            "no schema.org Recipe in the JSON-LD",
            where=location,
            hint='a recipe is an object with "@type": "Recipe"',
        )
    return [to_draft(node, location, None, "jsonld") for node in nodes]
