"""Nothing lost in silence: what ladle reads is kept, or the reason is said."""

from __future__ import annotations

from ladle.formats import detect, read_text


def test_numbered_steps_from_100_on_are_kept() -> None:
    lines = ["Stew", "", "Ingredients", "1 cup flour", "", "Instructions"]
    lines += [f"{i}. Stir the pot, turn number {i}." for i in range(1, 121)]
    recipe = read_text("\n".join(lines), "text")[0]
    assert len(recipe.steps) == 120
    assert recipe.steps[-1].text.endswith("number 120.")


def test_a_time_restated_per_side_keeps_the_time() -> None:
    text = (
        "Steak\n\nIngredients\n2 steaks\n\nInstructions\n"
        "1. Grill the steaks for 8 minutes, 4 minutes per side.\n"
    )
    step = read_text(text, "text")[0].steps[0]
    assert step.time is not None
    assert (step.time.min_minutes, step.time.max_minutes) == (8, 8)


def test_a_very_long_ingredient_line_is_kept_as_written() -> None:
    long = "1 cup " + "very " * 120 + "fine sugar"
    text = f"Cake\n\nIngredients\n{long}\n2 eggs\n\nInstructions\n1. Mix.\n"
    recipe = read_text(text, "text")[0]
    assert [i.text for i in recipe.ingredients] == [long, "2 eggs"]


def test_percent_lines_do_not_fail_the_recipe() -> None:
    text = (
        "Bread\n\nIngredients\n100% whole wheat flour, 2 cups\n75% hydration water\n"
        "1 tsp salt\n\nInstructions\n1. Mix.\n"
    )
    recipe = read_text(text, "text")[0]
    assert len(recipe.ingredients) == 3


def test_a_cook_file_starting_with_a_comment_is_cooklang() -> None:
    text = "[- from grandma -]\n>> servings: 2\nAdd @salt{1%tsp} to the #pot{}.\n"
    assert detect(text, ".cook") == "cooklang"
    assert detect(text) == "cooklang"
    recipe = read_text(text, location="soup.cook")[0]
    assert [i.name for i in recipe.ingredients] == ["salt"]


def test_json_is_still_json() -> None:
    assert detect('{"ladle": 1}') == "ladle"
    assert detect('[{"@context": "https://schema.org", "@type": "Recipe"}]') == "jsonld"
