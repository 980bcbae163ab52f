"""Step understanding read more widely (issue 11, second round): equipment a step needs
without naming it plainly, attention, temperatures and times in more languages. Each case is
a sentence written for ladle in the shape met on development pages."""

from __future__ import annotations

import pytest

from ladle.durations import find_durations
from ladle.equipment import equipment_in
from ladle.model import Ingredient
from ladle.steps import understand_steps
from ladle.temperatures import find_temperatures


def _steps(*texts: str) -> list[tuple[list[str], str]]:
    steps = understand_steps([(t, None) for t in texts], list[Ingredient]())
    return [(sorted(s.equipment), s.attention) for s in steps]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Rinse the rice in a fine mesh strainer.", {"sieve"}, set()),
        ("Pulse, then process on high until smooth, about 1 minute.", set(), {"stove"}),
        ("Blend for one minute on medium to medium high.", set(), {"stove", "stand mixer"}),
        ("Knead on medium-low speed for 6 minutes.", {"stand mixer"}, {"stove"}),
        ("Beat the cream in a stand mixer fitted with the whisk attachment.", set(), {"whisk"}),
        ("Bake the loaf on the center rack for 40 minutes.", {"oven"}, {"wire rack"}),
        ("Pour into 4 chilled glasses.", {"glass"}, set()),
        ("Stir the milk in a glass bowl.", {"mixing bowl"}, {"glass"}),
        ("Add a glass of wine.", set(), {"glass"}),
        ("Shake hard in a cocktail shaker with ice.", {"cocktail shaker"}, set()),
        ("Fyll shakern med is och skaka.", {"cocktail shaker"}, set()),
        ("Season from the salt shaker.", set(), {"cocktail shaker"}),
        ("Snip the chives with kitchen scissors.", {"scissors"}, set()),
        ("Fill the crust with pie weights and bake.", {"pie weights", "oven"}, set()),
        ("Dock the base with the tines of a fork.", {"fork"}, set()),
        ("Flip with a fish turner.", {"spatula"}, set()),
        ("Tip the dough out of the bowl.", set(), {"mixing bowl"}),
        ("Les pignons qui sortent du four.", set(), {"oven"}),
        ("Den Kuchen aus dem Ofen nehmen.", set(), {"oven"}),
        ("Servir avec des pommes de terre sautées.", set(), {"stove"}),
        ("Sauté the onion until soft.", {"stove"}, set()),
        ("Faites-le revenir dans une poêle.", {"skillet", "stove"}, set()),
        ("Dorer les lardons dans une poêle chaude.", {"skillet", "stove"}, set()),
        ("Drain in a fry skimmer.", set(), {"stove"}),
        ("Repeat with the rest of the batter, adjusting the heat as needed.", {"stove"}, set()),
        ("Vařte asi 20 minut v hrnci.", {"pot"}, set()),
        ("Nechte těsto hodinu v ledničce.", {"refrigerator"}, set()),
        ("A zöldségeket egy tepsibe tesszük, lefedjük alufóliával.", {"roasting tray"}, set()),
        ("Zetrzyj na tarce i odsącz przez sito.", {"grater", "sieve"}, set()),
        ("Smelt smør i en kasserolle.", {"saucepan"}, set()),
        ("Reis im Reiskocher kochen.", {"rice cooker"}, set()),
        ("Spoon into the prepared dish and bake for 25 minutes.", {"baking dish"}, set()),
        ("Spoon into a serving dish.", set(), {"baking dish"}),
        ("Amasa y dale forma de hogaza.", set(), {"cake tin"}),
        ("Despeje a massa em uma forma untada.", {"cake tin"}, set()),
    ],
)
def test_equipment_read_widely(text: str, present: set[str], absent: set[str]) -> None:
    _has(set(equipment_in(text)), present, absent)


def _has(found: set[str], present: set[str], absent: set[str]) -> None:
    assert present <= found, found
    assert not absent & found, found


def test_the_stove_stays_on_while_the_food_still_cooks() -> None:
    steps = _steps(
        "Melt the butter in a skillet over medium heat.",
        "Whisk in the flour until lightly browned, about 1 minute.",
        "Stir in the stock until slightly thickened, about 2 minutes.",
        "Remove the pan from the heat and stir in the cheese until melted.",
        "Stir in the herbs until wilted.",
    )
    assert [("stove" in eq) for eq, _ in steps] == [True, True, True, False, False]


def test_a_chilled_part_starts_cold() -> None:
    steps = _steps(
        "Cook the custard in a saucepan over low heat until thick.",
        "Refrigerate for 4 hours.",
        "Churn until it reaches a soft-serve consistency.",
    )
    assert "stove" not in steps[2][0]


def test_caramelized_onions_are_a_food_not_a_heat() -> None:
    steps = _steps(
        "Cook the onions in a skillet over low heat for 30 minutes.",
        "Layer the bread with cheese and the caramelized onions.",
        "Stir the bananas until the sugar starts to caramelize.",
    )
    assert "stove" not in steps[1][0]
    assert "stove" in steps[2][0]


@pytest.mark.parametrize(
    ("text", "fahrenheit", "kind"),
    [
        ("Préchauffer le four à 180 °C.", 356, "oven"),
        ("Enfourner à 180 °C.", 356, "oven"),
        ("Backofen auf 200 Grad vorheizen.", 392, "oven"),
        ("Im vorgeheizten Ofen bei 180 °C backen.", 356, "oven"),
        ("Hornear a 180 grados durante 20 minutos.", 356, "oven"),
        ("Cuocere in forno a 180 gradi.", 356, "oven"),
        ("Asse em forno a 200 graus por 40 minutos.", 392, "oven"),
        ("Grädda i ugnen på 200 grader.", 392, "oven"),
        ("Verwarm de oven voor op 200 graden.", 392, "oven"),
        ("180 fokon 20 percig sütjük.", 356, "oven"),
        ("Piecz w 180 stopniach.", 356, "oven"),
        ("Tænd ovnen på 220°.", 428, "oven"),
        ("Cuire 8 min/90°C/vitesse 4.", 194, "other"),
    ],
)
def test_temperatures_in_other_languages(text: str, fahrenheit: float, kind: str) -> None:
    found = find_temperatures(text)
    assert [(t.fahrenheit, t.kind) for t in found] == [(fahrenheit, kind)]


def test_a_degree_word_needs_a_number() -> None:
    assert find_temperatures("Gradually add the flour.") == []
    assert find_temperatures("Add 2 grad students.") == []


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Saute the garlic for an additional minute.", 1),
        ("Cook for another minute.", 1),
        ("Roast for a further hour.", 60),
        ("Laissez cuire avec un couvercle une dizaine de minutes.", 10),
        ("Cuire deux minutes.", 2),
        ("Laissez reposer une demi-heure.", 30),
        ("Kochen Sie es eine Stunde.", 60),
        ("Déjala reposar aprox una hora.", 60),
        ("Lasciate riposare mezz'ora.", 30),
        ("Ψήνουμε για 12-14 λεπτά.", 12),
        ("Buchty paríme 8-10 minút.", 8),
    ],
)
def test_times_in_words_and_more_languages(text: str, minutes: float) -> None:
    found = find_durations(text)
    assert found and found[0].min_minutes == minutes, (text, found)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Sear them on each side for about 5 minutes.", (10, 10)),
        ("Cook on both sides for 3 minutes.", (6, 6)),
        ("Cook 3 minutes on each side.", (6, 6)),
        ("Flip and cook on the other side for 2 minutes.", (2, 2)),
    ],
)
def test_a_side_said_before_the_time(text: str, time: tuple[float, float]) -> None:
    step = understand_steps([(text, None)], [])[0]
    assert step.time is not None
    assert (step.time.min_minutes, step.time.max_minutes) == time


@pytest.mark.parametrize(
    ("text", "attention"),
    [
        ("Allow the chocolate to harden and cool fully.", "passive"),
        ("Sprinkle the brown sugar and let it stand without stirring.", "passive"),
        ("Let simmer over medium heat for 7 minutes, stirring every minute.", "active"),
        ("Faites rôtir les pignons au four pendant 1 h.", "passive"),
        (
            "Chill the bowl and beater blade for 10 minutes in the freezer. Beat the cream.",
            "passive",
        ),
        (
            "Preheat the oven to 350°F. Toast the pecans on a baking sheet for 10 minutes, "
            "shaking the pan often.",
            "passive",
        ),
        ("Pulse, then let the mixer run until the dough forms, 1 to 3 minutes.", "active"),
        (
            "Add the sugars and use a stand mixer to cream until fluffy, about 3 minutes.",
            "active",
        ),
        ("Add the rest of the ingredients and mix well.", "active"),
    ],
)
def test_attention_read_widely(text: str, attention: str) -> None:
    assert _steps(text)[0][1] == attention


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Fill the quart jars with the brine.", {"jar"}, set()),
        ("Close the jars with clean lids.", {"jar"}, {"lid"}),  # a jar's lid is the jar's
        ("Add a jar of salsa.", set(), {"jar"}),
        ("Pour into a pitcher to cool.", {"pitcher"}, set()),
        ("Kan je dit doen?", set(), {"pitcher"}),
    ],
)
def test_jars_worked_on_and_pitchers(text: str, present: set[str], absent: set[str]) -> None:
    _has(set(equipment_in(text)), present, absent)


def test_a_food_heated_until_a_temperature_reaches_it() -> None:
    [temperature] = find_temperatures("Heat the cream over medium heat until 180F.")
    assert temperature.kind == "internal"
    [oil] = find_temperatures("Heat the oil until 350°F.")
    assert oil.kind == "oil"


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Vařte asi 20 minut.", {"stove"}, set()),
        ("Mit der Sahne im geschlossenen Topf in 30 Minuten weichkochen.", {"pot", "stove"}, set()),
        ("Im Kochtopf", set(), {"stove"}),
        ("Laisser reposer au frais pendant 1 h.", {"refrigerator"}, set()),
        ("Mindestens 4 Stunden kaltstellen.", {"refrigerator"}, set()),
        ("Réaliser les crêpes sur une crêpière chaude.", {"crepe pan", "stove"}, set()),
        ("Bake until a skewer inserted in the centre comes out clean.", set(), {"skewers"}),
        ("Thread the chicken onto skewers.", {"skewers"}, set()),
        ("Brown the meringue with a flame torch.", {"blowtorch"}, set()),
        ("Strain through a cheesecloth-lined strainer.", {"cheesecloth", "sieve"}, set()),
        ("Weigh the dough on a kitchen scale.", {"kitchen scale"}, set()),
        ("Scale the recipe up.", set(), {"kitchen scale"}),
        ("Portion the dough with a cookie scoop.", {"cookie scoop"}, set()),
        ("Den Teig in Klarsichtfolie wickeln.", {"plastic wrap"}, set()),
    ],
)
def test_more_tools_and_languages(text: str, present: set[str], absent: set[str]) -> None:
    _has(set(_steps(text)[0][0]), present, absent)


@pytest.mark.parametrize(
    ("text", "attention"),
    [
        ("Etwas gröber stampfen und abkühlen lassen.", "passive"),
        ("Préchauffer le four à 180 °C.", "passive"),
        ("Porter à ébullition, puis cuire les pommes de terre pendant 5 min.", "passive"),
        ("Add the onions and cook, stirring, until caramelized, about 20 minutes.", "passive"),
        ("Sear the steak, stirring constantly, for 4 minutes.", "active"),
        (
            "Bring a pot of water to a boil. Add the pasta and cook according to package "
            "directions. Drain the pasta and set it aside.",
            "passive",
        ),
    ],
)
def test_more_attention(text: str, attention: str) -> None:
    assert _steps(text)[0][1] == attention


@pytest.mark.parametrize(
    ("text", "present", "absent", "attention"),
    [
        ("Añade la sal y mezcla 20 seg/vel 6.", {"thermomix"}, set(), "active"),
        ("Cashew Kerne in einer Pfanne kurz anrösten.", {"skillet", "stove"}, set(), "active"),
        ("Reis nach Anleitung im Kochtopf kochen.", {"pot"}, set(), "passive"),
        ("Rim the glass with salt.", {"glass"}, set(), "active"),
        ("Pour it into the rimmed glass.", {"glass"}, set(), "active"),
        (
            "Arrange on prepared sheets. Bake 14 minutes.",
            {"baking sheet", "oven"},
            set(),
            "passive",
        ),
        ("Toast the buns in a toaster.", {"toaster"}, {"toaster oven", "oven"}, "active"),
        ("Cuocete la crema a bagno maria.", {"double boiler"}, set(), "active"),
        ("Blanch the beans for 2 minutes.", {"stove"}, set(), "passive"),
        ("Cook the chicken over medium-high heat, 6 minutes per side.", {"stove"}, set(), "active"),
    ],
)
def test_the_third_batch_of_development_pages(
    text: str, present: set[str], absent: set[str], attention: str
) -> None:
    [(found, got)] = _steps(text)
    _has(set(found), present, absent)
    assert got == attention


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Cook for 10 minutes in the air fryer at 390°F/200°C.", ["other"]),
        ("Scoop out 1/2 C of batter.", []),
        ("Precalienta el horno a 220ª.", ["oven"]),
        ("Cuire 8 min/90°C/vitesse 4.", ["other"]),
        ("Crisp it in a hot oven or an air fryer, and warm the carrots at 350°F.", ["oven"]),
    ],
)
def test_air_fryers_cups_and_ordinal_degrees(text: str, kinds: list[str]) -> None:
    assert [t.kind for t in find_temperatures(text)] == kinds
