"""Step times read more widely (issue 11, third round): "N more minutes", a hyphenated time
per side, "a couple of hours" and "about an hour" in other languages, a window restated, a
moment after the first minutes. Each case is a sentence written for ladle in the shape met on
development pages."""

from __future__ import annotations

import pytest

from ladle.model import Ingredient
from ladle.steps import understand_steps


def _time(text: str) -> tuple[float, float | None] | None:
    step = understand_steps([(text, None)], list[Ingredient]())[0]
    return None if step.time is None else (step.time.min_minutes, step.time.max_minutes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Add the garlic and ginger, cook 1-2 more minutes.", (1, 2)),
        ("Add the spices and cook for 3-4 more minutes.", (3, 4)),
        ("Sear the chicken breasts 1-minute per side.", (2, 2)),
        ("Make a 30-minute marinade with the rest of the oil.", None),
        ("Cesto necháme kysnúť približne hodinu.", (60, 60)),
        ("La deigen heve en time.", (60, 60)),
        ("Kısık ateşte 10 dakika kadar pişirin.", (10, 10)),
        (
            "During the last 30 minutes of cooking, add the cornstarch mixture. Continue cooking "
            "for 30 additional minutes.",
            (30, 30),
        ),
        ("Bake for 45 - 55 minutes. Cover the pan lightly after the first 35 minutes.", (45, 55)),
    ],
)
def test_step_times(text: str, expected: tuple[float, float | None] | None) -> None:
    assert _time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cook for a minute or two, until fragrant.", (1, 2)),
        ("Cook for another minute or two.", (1, 2)),
        ("Let the dough rise for an hour or two.", (60, 120)),
        ("Stir for a minute.", (1, 1)),
    ],
)
def test_a_minute_or_two_is_a_range(text: str, expected: tuple[float, float]) -> None:
    assert _time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bake for 35 to 40 minutes, turning them over after 20 minutes.", (35, 40)),
        ("Cook for 3 hours, until fall apart tender (check the beef after 2½ hours).", (180, 180)),
        ("Wrap the dough and refrigerate for 1 hour or up to 4 days.", (60, 5760)),
        ("Cook for 1 hour, up to four hours.", (60, 240)),
        ("Cook for 2-3 minutes on either side.", (4, 6)),
        ("Refrigerate for 2 hours. Leftovers keep in the fridge for up to 4 days.", (120, 120)),
    ],
)
def test_a_moment_inside_a_time_and_a_wait_s_other_end(
    text: str, expected: tuple[float, float]
) -> None:
    assert _time(text) == expected
