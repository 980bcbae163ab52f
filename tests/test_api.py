"""The public API: a small, sorted, complete ``__all__``."""

from __future__ import annotations

import ladle


def test_all_is_sorted() -> None:
    assert ladle.__all__ == sorted(ladle.__all__)


def test_every_name_in_all_resolves() -> None:
    for name in ladle.__all__:
        assert getattr(ladle, name) is not None, name


def test_public_modules_export_what_ladle_needs() -> None:
    assert {"read", "read_text", "parse_ingredient", "Recipe", "LadleError"} <= set(ladle.__all__)


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        _ = ladle.no_such_thing
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:  # pragma: no cover - the assertion is the test
        raise AssertionError("expected AttributeError")


def test_the_operations_are_functions_even_after_their_modules_are_imported() -> None:
    import ladle.checker
    import ladle.conversion
    import ladle.planning.planner
    import ladle.scaling

    for name in ("check", "convert", "plan", "scale", "shopping_list"):
        assert callable(getattr(ladle, name)), name
    recipe = ladle.read_text("Toast\n\nIngredients\n- 2 slices bread\n\nMethod\n1. Toast it.")[0]
    assert isinstance(ladle.check(recipe), list)
    assert ladle.scale(recipe, ladle.ScaleRequest(factor=2)).ingredients[0].quantity == 4
