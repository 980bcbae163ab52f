"""Equipment read more widely (issue 11, seventh round): the blending machine an order to
blend uses when the step names none. Each case is a sentence written for ladle in the shape
met on development pages."""

from __future__ import annotations

import pytest

from ladle.model import Ingredient
from ladle.steps import understand_steps


def _equipment(*texts: str) -> list[set[str]]:
    steps = understand_steps([(t, None) for t in texts], list[Ingredient]())
    return [set(s.equipment) for s in steps]


def _check(text: str, present: set[str], absent: set[str]) -> None:
    found = _equipment(text)[0]
    assert present <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(
    ("text", "machine"),
    [
        ("Blend until very smooth.", "blender"),
        ("Purée the onions and tomatoes with ¼ cup of water until smooth.", "blender"),
        ("Next, blend the vegetables with ½ cup water.", "blender"),
        ("Pulse to combine and make a sauce.", "food processor"),
        ("Process until finely ground, about 30 seconds.", "food processor"),
    ],
)
def test_an_order_to_blend_with_no_machine_named_uses_one(text: str, machine: str) -> None:
    assert machine in _equipment(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Blend in the flour a little at a time.",
        "Blend the butter and sugar together with a wooden spoon.",
        "During this process, keep the lid closed.",
        "Beat until the mixture is well blended.",
    ],
)
def test_blending_by_hand_or_the_word_alone_uses_no_machine(text: str) -> None:
    assert not {"blender", "food processor"} & _equipment(text)[0]


def test_blending_goes_on_in_the_machine_an_earlier_step_filled() -> None:
    steps = _equipment(
        "Put the chickpeas and garlic in a food processor.",
        "Add the tahini and lemon juice. Blend until completely smooth.",
    )
    assert "food processor" in steps[1]
    assert "blender" not in steps[1]


def test_processing_again_stays_in_the_ice_cream_machine() -> None:
    steps = _equipment(
        "Place the frozen pint in the ice cream maker and select the ICE CREAM program.",
        "Add the chocolate chips to the hole and process again using the MIX-IN program.",
    )
    assert "ice cream maker" in steps[1]
    assert "food processor" not in steps[1]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Divide the lettuce among plates and top with the steak.", "plate"),
        ("Transfer the melts to plates and finish with dill.", "plate"),
        ("Auf die angewärmten Servierteller verteilen und servieren.", "plate"),
        ("Выложить филе на тарелки.", "plate"),
        ("Melt the butter in a cast iron pan over medium heat.", "skillet"),
        ("Heat the oil in a large non-stick chef’s pan.", "skillet"),
        ("In a small saucepot over medium heat, combine the miso and honey.", "saucepan"),
        ("Bring a medium sauce pot of water to a boil.", "saucepan"),
        ("Egy másik lábosban kikeverjük a tojássárgákat.", "saucepan"),
    ],
)
def test_plates_pans_and_saucepans_said_as_cooks_say_them(text: str, name: str) -> None:
    assert name in _equipment(text)[0]


def test_plate_the_verb_is_no_plate() -> None:
    assert "plate" not in _equipment("Plate the salad and serve.")[0]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Grill the sausages for 5 minutes on each side.", {"grill"}, {"stove"}),
        ("Grill the onigiri in the pan on medium-low heat.", {"stove"}, {"grill"}),
        ("Grill for 3 minutes, then flip.", set(), {"grill"}),
        ("Cool in the pan for 10 minutes, then move to a wire cooling tray.", {"wire rack"},
         {"baking sheet"}),
        ("Sciogliete il burro in un tegame.", {"skillet", "stove"}, set()),
        ("Tuesta las almendras en una sartén.", {"skillet", "stove"}, set()),
        ("Doe de boter in een pan en laat smelten.", {"stove"}, set()),
        ("Cuocete la pasta in abbondante acqua salata.", {"stove"}, set()),
        ("Cuece la pasta en agua con sal.", {"stove"}, set()),
        ("Faites cuire les pâtes dans l'eau salée.", {"stove"}, set()),
        ("Cook the potatoes in salted water until tender.", {"stove"}, set()),
        ("Soak the eggplant in salted water for 10 minutes.", set(), {"stove"}),
        ("Fruit de ui in de boter.", {"stove"}, set()),
        ("Steg løget i smør.", {"stove"}, set()),
        ("Skær stegen i skiver.", set(), {"stove"}),
    ],
)  # fmt: skip
def test_grilling_pans_and_the_hob_in_more_words(
    text: str, present: set[str], absent: set[str]
) -> None:
    _check(text, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Shred the chicken with two forks.", {"fork"}, set()),
        ("Deep-fry the fritters at 350°F until golden.", {"stove"}, {"oven"}),
        ("Heat the oil in the deep fryer and deep-fry the fritters.", {"deep fryer"}, {"stove"}),
        ("Preheat the waffle iron and cook the waffles until golden.", {"waffle iron"}, {"oven"}),
        ("Preheat the pizzelle iron and brush it with butter.", {"waffle iron"}, {"oven"}),
        ("Smoke at 225°F for 6 hours.", {"smoker"}, {"oven"}),
        ("Smoke the ribs until they are a deep mahogany.", {"smoker"}, set()),
        ("Stir in the smoked paprika.", set(), {"smoker"}),
        ("Heat the oil to its smoke point.", set(), {"smoker"}),
    ],
)
def test_forks_fryers_irons_and_smokers(text: str, present: set[str], absent: set[str]) -> None:
    _check(text, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Étalez la pâte sur une plaque recouverte de papier sulfurisé.",
         {"baking sheet", "parchment paper"}, set()),
        ("Forre um tabuleiro com papel vegetal.", {"baking sheet", "parchment paper"}, set()),
        ("Line a tray with baking paper.", {"baking sheet"}, set()),
        ("Grease an 8 by 8 inch cake tray and line it with parchment.", {"cake tin"},
         {"baking sheet"}),
        ("Arrange the cheeses on a tray.", set(), {"baking sheet"}),
        ("Escorra a massa num escorredor.", {"sieve"}, set()),
    ],
)  # fmt: skip
def test_trays_lined_for_baking_in_any_language(
    text: str, present: set[str], absent: set[str]
) -> None:
    _check(text, present, absent)


@pytest.mark.parametrize(
    "text",
    [
        "Prolongez la cuisson sur tout petit feu pendant 10 min.",
        "Faites-y fondre les oignons.",
        "Ajoutez la crème et laissez réduire 5 minutes.",
        "Portez à frémissement et laissez cuire 20 min.",
        "Baissez le feu et couvrez.",
        "Die Hitze reduzieren und zugedeckt 20 Minuten garen.",
        "Die Butter in einer Pfanne zerlassen.",
        "Añade la nata y deja reducir 5 minutos.",
        "Baja el fuego y cocina 10 minutos más.",
        "Aggiungete la panna e lasciate restringere 5 minuti.",
        "Abbassate la fiamma e cuocete per altri 10 minuti.",
        "Adicione o creme de leite e deixe reduzir por 5 minutos.",
        "Abaixe o fogo e cozinhe por mais 10 minutos.",
        "Skru ned for varmen og lad det småkoge.",
        "Zmniejsz ogień i duś 20 minut.",
    ],
)
def test_the_heat_turned_and_sauces_reduced_in_other_languages_are_the_stove(text: str) -> None:
    assert "stove" in _equipment(text)[0]


def test_dutch_dus_is_no_polish_braise() -> None:
    assert "stove" not in _equipment("Snijd de ui, dus klein.")[0]


def test_a_sheet_tray_is_a_baking_sheet() -> None:
    assert "baking sheet" in _equipment("Spread the nuts on a sheet tray.")[0]


@pytest.mark.parametrize(
    ("text", "stove"),
    [
        ("Cook over a low flame for 10 minutes.", True),
        ("Parboil the potatoes for 5 minutes.", True),
        ("Wilt the spinach in the pan.", True),
        ("Caramelize the onions, stirring occasionally, for 30 minutes.", True),
        ("Render the bacon until crisp.", True),
        ("Sweat the onions until translucent.", True),
        ("Stew gently for an hour.", True),
        ("Scramble the eggs.", True),
        ("Top with the caramelized onions and the cheese.", False),
        ("Top with scrambled eggs and avocado.", False),
        ("Score the fat cap; this will help render the fat.", False),
    ],
)
def test_cooks_verbs_of_the_pan(text: str, stove: bool) -> None:
    assert ("stove" in _equipment(text)[0]) is stove


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Pack the ribbons into a container.", {"container"}, set()),
        ("Divide the stew between your containers.", {"container"}, set()),
        ("Store in an airtight container for up to 4 days.", {"airtight container"},
         {"container"}),
        ("Store in a covered container in the fridge.", {"airtight container"}, {"container"}),
        ("Add the oats to the blender container.", {"blender"}, {"container"}),
        ("In a shallow dish, whisk the eggs with the salt.", {"shallow dish"}, set()),
        ("Mix all the dry ingredients in a mug.", {"mug"}, set()),
    ],
)  # fmt: skip
def test_containers_shallow_dishes_and_mugs(text: str, present: set[str], absent: set[str]) -> None:
    _check(text, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("À l'aide d'un pinceau, beurrez les feuilles de pâte.", {"pastry brush"}, set()),
        ("Brush off the excess flour with a soft brush.", {"pastry brush"}, set()),
        ("Die Kugeln auf zwei Holzspiesse stecken.", {"skewers"}, set()),
        ("Skewer two bananas on a bamboo stick.", {"skewers"}, set()),
        ("Mit einem Ausstecher Kreise ausstechen.", {"cookie cutter"}, set()),
        ("Mettez les brochettes sur le gril.", {"grill", "skewers"}, set()),
        ("Passez 3 minutes sous le gril.", {"oven"}, {"grill"}),
        ("Bake until a cake tester (or a wooden skewer) comes out clean.", {"oven"},
         {"skewers"}),
    ],
)  # fmt: skip
def test_brushes_skewers_cutters_and_the_french_gril(
    text: str, present: set[str], absent: set[str]
) -> None:
    _check(text, present, absent)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Saisissez avec une pince.", "tongs"),
        ("Mit einer Küchenzange wenden.", "tongs"),
        ("Mit einem Pfannenwender wenden.", "spatula"),
        ("Versez dans un bocal.", "jar"),
        ("Cubra com filme plástico.", "plastic wrap"),
        ("Dek af met plasticfolie.", "plastic wrap"),
        ("Corte com uma faca numa tábua.", "cutting board"),
        ("Snijd met een mes op een snijplank.", "knife"),
        ("Smelt chokoladen i et vandbad.", "double boiler"),
    ],
)
def test_kitchen_tools_in_other_languages(text: str, name: str) -> None:
    assert name in _equipment(text)[0]


def test_a_tang_of_lemon_is_no_tongs() -> None:
    assert "tongs" not in _equipment("Add lemon juice for a little tang.")[0]


def test_the_pan_heated_on_a_burner_is_no_sheet_named_for_the_oven() -> None:
    steps = _equipment(
        "Spread the vegetables on a baking sheet and roast for 20 minutes.",
        "Heat the pan on high heat for 2 minutes.",
        "Remove from the pan.",
    )
    assert "baking sheet" not in steps[1] | steps[2]
    assert "pan" in steps[1]


def test_a_see_below_aside_names_no_equipment_the_step_uses() -> None:
    found = _equipment("Bake for 15 minutes. (See below for air fryer instructions.)")[0]
    assert found == {"oven"}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Brown the beef in the Dutch oven, cover and bake for 2 hours.",
         {"dutch oven", "oven"}, set()),
        ("Melt butter in a skillet, pour in the batter and bake for 20 minutes.",
         {"skillet", "oven"}, set()),
        ("Sear the chicken in an ovenproof skillet over high heat, then bake for 15 minutes.",
         {"skillet", "stove", "oven"}, set()),
        ("Broil the skillet for 2 minutes until the cheese bubbles.", {"oven"}, set()),
        ("Toast the spices in a dry skillet.", {"stove"}, {"oven"}),
        ("Whisk the baking powder into the flour in a saucepan.", set(), {"oven"}),
        ("While it bakes, bring a pot of water to a boil.", {"stove"}, {"oven"}),
    ],
)  # fmt: skip
def test_baking_in_a_pan_of_the_stove_is_the_oven(
    text: str, present: set[str], absent: set[str]
) -> None:
    _check(text, present, absent)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Add everything to your Vitamix and blend on high.", "blender"),
        ("Blitz in a NutriBullet.", "blender"),
        ("Pulse in a Cuisinart until smooth.", "food processor"),
        ("Whizz in a mini chopper.", "food processor"),
        ("Beat in the KitchenAid with the paddle.", "stand mixer"),
        ("Brown the beef in your Le Creuset.", "dutch oven"),
        ("Transfer to a banneton for the final proof.", "banneton"),
        ("Spiralize the zucchini.", "spiralizer"),
    ],
)
def test_machines_and_pans_named_by_brand_or_verb(text: str, name: str) -> None:
    assert name in _equipment(text)[0]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Pour the tamari into a sealable container and stir.", {"airtight container"},
         {"container"}),
        ("Seal the container and shake well.", {"airtight container"}, {"container"}),
        ("Form the batter into balls to deep fry.", set(), {"stove"}),
        ("Right before you are ready to deep fry, mix in the salt.", set(), {"stove"}),
        ("Combine the dry ingredients with the wet and blend until just combined.", set(),
         {"blender"}),
    ],
)  # fmt: skip
def test_sealed_containers_frying_spoken_of_and_blending_by_hand(
    text: str, present: set[str], absent: set[str]
) -> None:
    _check(text, present, absent)


def test_the_pan_a_cake_cools_in_is_its_tin_even_beside_a_burner_word() -> None:
    steps = _equipment(
        "Pour the batter into the prepared cake pan and bake for 30 minutes.",
        "Cool the cake for 15 minutes in the pan, then simmer the glaze.",
    )
    assert "cake tin" in steps[1]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Let the cookies rest on the baking pan for 10 minutes.", {"baking sheet"},
         {"baking dish"}),
        ("Place cupcake liners in a muffin tin pan and add a cookie to each.", {"cake tin"},
         {"baking sheet"}),
        ("Spray a jelly roll pan with cooking spray.", {"baking sheet"}, set()),
        ("Lägg på bakpappersklädda plåtar.", {"baking sheet", "parchment paper"}, set()),
        ("Na pánvi rozehřejte olej.", {"skillet", "stove"}, set()),
        ("Zagrijte pećnicu na 210 stupnjeva.", {"oven"}, set()),
        ("Add water and mix on slow until a dough forms.", {"stand mixer"}, set()),
    ],
)  # fmt: skip
def test_cookie_pans_swedish_sheets_czech_hob_croatian_oven_mixer_speed(
    text: str, present: set[str], absent: set[str]
) -> None:
    _check(text, present, absent)
