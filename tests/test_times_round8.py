"""Times read more widely (issue 11, eighth round): a chill "before serving" in other
languages is the step's own time, while taking food out of the fridge before cooking stays a
lead; "at least" before a time said in words; the Danish and Norwegian hour after a number.
And two calls of attention: an oven preheated to broil, and a noun that looks like a verb.
Each case is a sentence written for ladle."""

from __future__ import annotations

import pytest

from ladle.model import Ingredient
from ladle.steps import understand_steps


def _step(text: str):  # type: ignore[no-untyped-def]
    return understand_steps([(text, None)], list[Ingredient]())[0]


def _time(text: str) -> tuple[float, float | None] | None:
    t = _step(text).time
    return None if t is None else (t.min_minutes, t.max_minutes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Stil desserten i køleskabet, og lad den trække i mindst en time før servering.",
            (60, None),
        ),
        ("Sett salaten kjølig et par timer før servering.", (120, 120)),
        ("Mettez au frais au moins 1 heure avant de servir.", (60, None)),
        ("Mettete in frigo almeno 2 ore prima di servire.", (120, None)),
        ("Stil i køleskab mindst 2 timer før servering.", (120, None)),
        ("Laissez reposer au moins une heure.", (60, None)),
        ("Dejar reposar al menos una hora.", (60, None)),
        ("Bag kagen i ca. 1 time.", (60, 60)),
        ("Lad hvile mindst 1 time.", (60, None)),
        ("Lad dejen hvile i køleskabet i en times tid.", (60, 60)),
        ("Lad det simre et kvarters tid.", (15, 15)),
        ("Luk glasset, og lad bærrene stå 1-2 døgn.", (1440, 2880)),
    ],
)
def test_a_time_abroad_that_is_the_steps_own(
    text: str, expected: tuple[float, float | None]
) -> None:
    assert _time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tag kødet ud af køleskabet 30 minutter før tilberedning.",
        "Sortez la viande du réfrigérateur 30 minutes avant la cuisson.",
        "Saca la carne de la nevera 30 minutos antes de cocinarla.",
        "Togliere la carne dal frigo 30 minuti prima della cottura.",
        "Ta ut köttet ur kylen 30 minuter innan.",
    ],
)
def test_out_of_the_fridge_before_cooking_stays_a_lead(text: str) -> None:
    step = _step(text)
    assert step.time is None
    assert [d.role for d in step.durations] == ["lead"]


@pytest.mark.parametrize("text", ["Repeat 1 time.", "Do it 1 time only."])
def test_the_english_time_is_not_an_hour(text: str) -> None:
    assert _time(text) is None


@pytest.mark.parametrize(
    ("text", "attention"),
    [
        ("Preheat the oven to broil.", "passive"),
        ("Preheat the broiler to high.", "passive"),
        ("Bake the rolls for 25 to 30 minutes, until golden.", "passive"),
        ("Roll the dough for 5 minutes, turning it often.", "active"),
        ("Heat the oil in a pan, add the chicken and cook until lightly golden brown.", "active"),
        ("Cook the mince until nicely browned, breaking it up.", "active"),
        ("Bake until golden brown.", "passive"),
        ("Wymieszać i pozostawić na ok. 15 minut.", "passive"),
        ("Marineer het vlees een nachtje in de marinade.", "passive"),
        ("Luk glasset, og lad bærrene stå 1-2 døgn.", "passive"),
        ("Add the eggs to the pot of boiling water. Cook 9 minutes, then drain.", "passive"),
        (
            "Place the potatoes in a pot of salted water. Bring to a boil and cook for 8 minutes.",
            "passive",
        ),
        ("Add the mushrooms and cook for 3 minutes, stirring.", "active"),
        (
            "When you're ready, preheat the broiler and place the top oven rack 6 inches away.",
            "passive",
        ),
        (
            "Get ready. Arrange one rack in the center of the oven. Preheat the oven to 425°F.",
            "passive",
        ),
        ("Preheat the oven to 450°F. See the notes above about how long to bake it.", "passive"),
    ],
)
def test_attention_of_a_setting_and_a_noun(text: str, attention: str) -> None:
    assert _step(text).attention == attention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cover and chill for at least 8 hours to overnight.", (480, 720)),
        ("Chill for 4 hours to overnight.", (240, 720)),
        ("Bake for 1 hour and 15 minutes, covering with foil after 50 minutes.", (75, 75)),
        ("Bake for 30-35 minutes. After 15-20 minutes cover it loosely with foil.", (30, 35)),
        (
            "Bake about 45-55 minutes. (I usually tent it with foil after about 20 minutes.)",
            (45, 55),
        ),
        ("Roast for 1 hour, basting after 30 minutes.", (60, 60)),
        (
            "Laat 2 tot 4 uur op laag vuur stoven (of zet het ongeveer 8 uur in de oven).",
            (120, 480),
        ),
        ("Bake 20 minutes (of course, longer if frozen: 30 minutes).", (20, 20)),
    ],
)
def test_a_moment_inside_a_time_and_a_range_to_overnight(
    text: str, expected: tuple[float, float | None]
) -> None:
    assert _time(text) == expected


def test_a_time_after_which_more_is_added_still_adds() -> None:
    """ "After 20 minutes, add the carrots and bake 20 minutes more": a step of its own, added."""
    assert _time("Simmer 20 minutes. After that, add the carrots and simmer 10 minutes more.") == (
        30,
        30,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cover and refrigerate at least 20 minutes and up to overnight.", (20, 720)),
        ("Marinate for at least 1 hour (up to overnight).", (60, 720)),
        ("Refrigerate until fully chilled, at least 3 hours and up to 1 day.", (180, 1440)),
        ("Marinate for 2 hours or longer.", (120, None)),
        ("Let the cake sit for 8-12 hours or more, then slice.", (480, None)),
        ("Simmer for 3-4 minutes (or longer if needed).", (3, 4)),
        ("Roast for 20-25 minutes (or more, depending on your oven).", (20, 25)),
    ],
)
def test_the_far_end_of_a_wait(text: str, expected: tuple[float, float | None]) -> None:
    assert _time(text) == expected


def test_food_kept_cold_after_a_step_is_storage() -> None:
    step = _step("Cool completely, then refrigerate in an airtight container for up to 3 days.")
    assert step.time is None
    assert [d.role for d in step.durations] == ["storage"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bake for 25-30 minutes, swapping the cakes around for the last 10 minutes.", (25, 30)),
        (
            "Bake the rolls for 29-32 minutes until golden. (30 minutes is usually perfect!)",
            (29, 32),
        ),
        ("Set it out for 1-2 hours at room temperature (overnight is even better).", (60, 720)),
        ("Necháme marinovať v chladničke ideálne do ďalšieho dňa.", (480, 720)),
        ("Nechte těsto odpočinout přes noc.", (480, 720)),
        ("In the last 10 minutes of roasting, add the carrots.", (10, 10)),
    ],
)
def test_a_window_or_a_restated_time_inside_a_range(
    text: str, expected: tuple[float, float | None]
) -> None:
    assert _time(text) == expected
