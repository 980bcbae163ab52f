"""Equipment read more widely (issue 11, eleventh round): deep fryers and pressure cookers
named abroad, a German "Standmixer" is a blender, a "Kochtopf", a "marmite" and a "cazuela"
are pots; pasta, rice or grains cooked by the packet are boiled on the stove; oil heated, food
fried brown or toasted in fat, sautéed or simmered in German, Dutch, Spanish and Greek are
on the stove; a kitchen machine with its settings between bars (a Bosch Cookit) is the
kitchen machine, and its own lid, bowl and measuring cup are no lid, pot or measuring cup.
Each case is a sentence written for ladle."""

from __future__ import annotations

import pytest

from ladle.model import Ingredient
from ladle.steps import understand_steps


def _equipment(text: str) -> set[str]:
    return set(understand_steps([(text, None)], list[Ingredient]())[0].equipment)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Faites frire les beignets dans la friteuse bien chaude.", {"deep fryer"}),
        ("Die Pommes in der Fritteuse goldbraun frittieren.", {"deep fryer"}),
        ("Frituren in de frituurpan tot ze goudbruin zijn.", {"deep fryer"}),
        ("Cocinar los garbanzos en la olla a presión 25 minutos.", {"pressure cooker"}),
        ("Die Rinderbrust im Schnellkochtopf 45 Minuten garen.", {"pressure cooker"}),
        ("Cuire le bœuf 40 minutes à l'autocuiseur.", {"pressure cooker"}),
        ("Cuocere i fagioli nella pentola a pressione per 30 minuti.", {"pressure cooker"}),
        ("Die gekochten Erbsen im Standmixer fein pürieren.", {"blender"}),
        ("Die Kartoffeln im Kochtopf weich kochen.", {"pot", "stove"}),
        ("Faites cuire les haricots dans une marmite d'eau salée.", {"pot", "stove"}),
        ("Calienta una cazuela con un chorro de aceite y sofríe la cebolla.", {"pot", "stove"}),
    ],
)  # fmt: skip
def test_appliances_and_pots_named_abroad(text: str, named: set[str]) -> None:
    assert _equipment(text) == named


def test_an_air_fryer_is_still_no_deep_fryer() -> None:
    assert _equipment("Die Nüsse in der Heißluftfritteuse 5 Minuten rösten.") == {"air fryer"}
    assert _equipment("Cuire les frites à la friteuse sans huile.") == {"air fryer"}


@pytest.mark.parametrize(
    "text",
    [
        "Cook the farro according to the package directions.",
        "Meanwhile, prepare the linguine according to the instructions on the packet.",
        "Cook brown rice according to package directions and keep warm.",
    ],
)
def test_pasta_rice_and_grains_cooked_by_the_packet_are_boiled_on_the_stove(text: str) -> None:
    assert _equipment(text) == {"stove"}


def test_the_packet_in_another_heat_or_for_no_grain_is_no_stove() -> None:
    assert _equipment("Cook the rice in the microwave according to package directions.") == {
        "microwave"
    }
    assert _equipment("Prepare the brownie mix according to package directions.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Verwarm de olie tot 175°C en bak de kroketten goudbruin.",
        "Reichlich Öl erhitzen und die Krapfen darin schwimmend backen.",
        "Calienta el aceite y fríe las patatas hasta que estén doradas.",
        "Die Croûtons in Butter goldbraun rösten.",
        "Die Mandeln ohne Fett rösten, bis sie duften.",
        "Die Schnitzel in Butterschmalz von beiden Seiten ausbacken.",
        "Die Zwiebel in etwas Öl glasig andünsten.",
        "Die Teigbällchen portionsweise frittieren.",
        "Bak de gehaktballen rondom bruin aan.",
        "Llevar el caldo a ebullición y bajar el fuego.",
        "Σοτάρουμε τα μανιτάρια για 5 λεπτά.",
        "Σιγοβράζουμε τη σάλτσα για 20 λεπτά.",
    ],
)
def test_oil_heated_and_food_fried_or_toasted_in_fat_abroad_is_on_the_stove(text: str) -> None:
    assert "stove" in _equipment(text)


def test_nuts_roasted_in_the_oven_are_not_on_the_stove() -> None:
    assert _equipment("Die Haselnüsse im Backofen bei 180 Grad 10 Minuten rösten.") == {"oven"}


def test_a_kitchen_machine_by_its_settings_between_bars() -> None:
    # a Bosch Cookit: its own bowl ("den Topf"), lid and measuring cup are the machine's
    assert _equipment(
        "Die Zwiebel in den Topf geben, den Deckel schließen, den Messbecher einsetzen und "
        "(Universalmesser | Stufe 12 | 8 Sek.) zerkleinern."
    ) == {"thermomix"}
    assert _equipment("Butter in den Topf geben und 3 Min. | Stufe 2 | 110 °C schmelzen.") == {
        "thermomix"
    }
    # a pot of its own beside the machine is on the stove
    assert _equipment(
        "Die Nudeln im Kochtopf in Salzwasser garen. Die Sahne in den Mixtopf geben und "
        "(Rührbesen | Stufe 2 | 90 °C | 4 Min.) erhitzen."
    ) == {"pot", "stove", "thermomix"}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Preheat a large nonstick pan.", {"pan", "stove"}),
        ("Preheat the oil to 350°F in a deep pot.", {"pot", "stove"}),
        ("Preheat a cast-iron skillet until smoking.", {"skillet", "stove"}),
        # the oven preheated is still the oven, a pan greased beside it or not
        ("Preheat the oven to 350°F and grease a pan.", {"oven", "pan"}),
        ("Preheat to 350°F. Grease a 9-inch cake pan.", {"oven", "cake tin"}),
    ],
)  # fmt: skip
def test_a_pan_or_oil_preheated_is_on_the_stove(text: str, named: set[str]) -> None:
    assert _equipment(text) == named


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a heatproof bowl is no heat, nor a fry spoken of as a noun, nor an oven turned down
        ("In a medium heatproof bowl, pour the hot cream over the chocolate.", {"mixing bowl"}),
        ("In a large heat-proof bowl, whisk the yolks.", {"mixing bowl"}),
        ("Cut the potatoes into fries; the size of fry is up to you.", set()),
        ("Roast for 20 minutes, then turn the heat down to 180°C and roast 1 hour more.",
         {"oven"}),
        # the stove still, when the heat is a hob's
        ("Turn the heat down to low and simmer for 10 minutes.", {"stove"}),
        ("Cook over medium heat for 5 minutes.", {"stove"}),
    ],
)  # fmt: skip
def test_words_of_heat_that_are_no_stove(text: str, named: set[str]) -> None:
    assert _equipment(text) == named


def test_baking_spoken_of_as_what_may_or_will_be_is_no_oven() -> None:
    assert _equipment("Leave the bones in if you like; they will bake right in.") == set()
    assert _equipment("Slice the log. (At this point you can bake the slices as they are.)") == (
        set()
    )
    # baking done in the step is still the oven's
    assert _equipment("Bake for 12 minutes; the cookies will bake a little more as they cool.") == {
        "oven"
    }


def _attention(text: str) -> str:
    return understand_steps([(text, None)], list[Ingredient]())[0].attention


@pytest.mark.parametrize(
    "text",
    [
        "Wstawić do piekarnika i piec przez 25 minut, do suchego patyczka.",
        "Visp sammen melk og egg. La røren svelle i 30 minutter.",
        "Vispa ihop smeten och låt den svälla i 20 minuter.",
    ],
)
def test_baking_in_polish_and_a_batter_left_to_swell_wait(text: str) -> None:
    assert _attention(text) == "passive"


def test_pieces_are_no_polish_baking() -> None:
    assert _attention("Brown the chicken pieces for 3 minutes, turning them often.") == "active"


def test_frying_oil_heated_and_food_chilled_in_portuguese_wait() -> None:
    heats = "In a deep pot, heat the frying oil. Use enough for the fritters to float."
    assert _attention(heats) == "passive"
    assert _attention("Leve o pudim para gelar por cerca de 4 horas.") == "passive"


@pytest.mark.parametrize(
    "text",
    [
        "Deixe cozinhar em fogo baixo por 8 minutos, mexendo sempre.",
        "Deja cocer a fuego lento 8 minutos sin dejar de remover.",
        "Laissez cuire 8 minutes à feu doux sans cesser de remuer.",
        "Låt sjuda i 8 minuter under omrörning hela tiden.",
    ],
)
def test_stirring_throughout_said_abroad_is_work(text: str) -> None:
    assert _attention(text) == "active"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Rozmiksować jajka z mlekiem rózgą.", {"whisk"}),
        ("Ciasto wyłożyć do papilotek w formie na muffiny.", {"cake tin", "cupcake liner"}),
        ("Wykałaczką zrobić wzorek w cieście.", {"toothpick"}),
        ("Lägg äppelklyftorna i en smord pajform.", {"baking dish"}),
        ("Grädda våfflorna i ett varmt våffeljärn.", {"waffle iron"}),
        ("Em uma vasilha, misture a farinha e o açúcar.", {"mixing bowl"}),
        ("Smält smöret i en kastrull.", {"saucepan", "stove"}),
        ("Roerbak de groenten 4 minuten.", {"stove"}),
        ("Voeg de knoflook toe en laat even mee fruiten.", {"stove"}),
        # a food processor's own lid is no lid
        ("Put the lid on the food processor and pulse 5 times.", {"food processor"}),
    ],
)  # fmt: skip
def test_tools_named_in_polish_swedish_norwegian_portuguese_and_dutch(
    text: str, named: set[str]
) -> None:
    assert _equipment(text) == named


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("En mode dorer, faites chauffer l'huile dans la cuve.", {"pressure cooker"}),
        ("Fermez le couvercle et lancez la cuisson sous pression 15 minutes.", {"pressure cooker"}),
        ("Steam the green beans 4 minutes, then drain.", {"stove"}),
        ("Take out the meatballs and let the sauce continue reducing.", {"stove"}),
        ("Allow the liquid to reduce by half.", {"stove"}),
    ],
)  # fmt: skip
def test_a_multicookers_modes_steaming_and_a_sauce_left_to_reduce(
    text: str, named: set[str]
) -> None:
    assert _equipment(text) == named
