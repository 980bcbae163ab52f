"""Equipment read more widely (issue 11, third round): the long tail of named tools in many
languages, the stove said by a pan's verb or a boiling pot, an appliance's own parts, a pan
known by its size. Each case is a sentence written for ladle in the shape met on development
pages."""

from __future__ import annotations

import pytest

from ladle.equipment import equipment_in
from ladle.model import Ingredient
from ladle.steps import understand_steps


def _has(text: str, present: set[str], absent: set[str]) -> None:
    found = set(equipment_in(text))
    assert present <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (
            "Slide the pizza onto a hot pizza stone with a pizza peel.",
            {"pizza stone", "pizza peel"},
        ),
        ("Schuif de pizza met een pizzaschep op de pizzasteen.", {"pizza stone", "pizza peel"}),
        ("Slice the potatoes thinly on a mandoline.", {"mandoline"}),
        ("Pound the cutlets with a meat mallet.", {"meat mallet"}),
        ("Cut in the butter with a pastry cutter.", {"pastry cutter"}),
        ("Trim the edges with a pizza cutter and a ruler.", {"pizza cutter", "ruler"}),
        ("Put the chicken in a Ziploc bag with the marinade.", {"plastic bag"}),
        ("Écraser les biscuits dans un sachet en plastique.", {"plastic bag"}),
        ("Tie the roast with kitchen twine.", {"kitchen string"}),
        ("Line the tray with a silicone baking mat.", {"silicone baking mat"}),
        ("Mettre les carottes dans le panier vapeur.", {"steamer"}),
        ("Space the buns out on a steaming rack.", {"steamer"}),
        ("Pour the base into a Ninja Creami pint.", {"ice cream maker"}),
        ("Versate l'impasto in 6 stampini imburrati.", {"ramekin"}),
        ("Verser la pâte dans le moule beurré.", {"cake tin"}),
        ("Divide the batter among the muffin cups.", {"cake tin"}),
        ("Cover with a damp cloth and leave to rise.", {"towel"}),
        ("Égrainer la semoule avec une fourchette.", {"fork"}),
        ("Varva kompott och glass i portionsglas.", {"glass"}),
        ("Bring the water to a boil in a kettle.", {"kettle"}),
        ("Put the crust on a pizza pan and brush it with oil.", {"pizza pan"}),
        ("Heat a griddle or a comal over medium heat.", {"griddle", "stove"}),
        ("Process in a water bath canner for 10 minutes.", {"water bath canner"}),
    ],
)
def test_tools_of_the_long_tail(text: str, present: set[str]) -> None:
    _has(text, present, set())


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a pan's verb in English, and boiling in other languages
        ("Brown the beef in a large skillet in small batches.", {"skillet", "stove"}, set()),
        ("Melt the butter in a small saucepan.", {"saucepan", "stove"}, set()),
        ("Cook meat and onion until meat is well browned.", {"stove"}, set()),
        ("Kook de ravioli in ruim water met zout.", {"stove"}, set()),
        ("Brokkoli in reichlich kochendem Salzwasser 2 Minuten garen.", {"stove"}, set()),
        ("La suppen koke i cirka 6 minutter.", {"stove"}, set()),
        ("Kog saucen op, og smag til.", {"stove"}, set()),
        ("Tomatenmark hinzufügen, kurz anrösten.", {"stove"}, set()),
        ("Die Sauce erwärmen.", {"stove"}, set()),
        ("Add the pasta to a large pot of boiling salted water.", {"pot", "stove"}, set()),
        # … and what is not the stove
        ("Stir in 1 cup of boiling water (batter will be thin).", set(), {"stove"}),
        ("Lower the speed and pour in the boiling water.", set(), {"stove"}),
        ("Coat the pan with cooking spray.", set(), {"stove"}),
        ("Transfer the pot off of heat and stir in the cheese until melted.", set(), {"stove"}),
        (
            "Bake at 230C for 15 minutes. Reduce heat to 190C and bake 25 minutes.",
            {"oven"},
            {"stove"},
        ),
        ("Bake until golden brown, rotating the pan halfway.", {"oven"}, {"stove"}),
        ("Off heat, whisk in the chilled butter until melted.", set(), {"stove"}),
        # an appliance's own parts and verbs
        (
            "Select the sauté function of the Instant Pot and add the oil to the inner pot.",
            {"pressure cooker"},
            {"pot", "stove"},
        ),
        ("Turn off sauté function.", {"pressure cooker"}, {"stove"}),
        (
            "Put the lid on, turn the vent to sealed and cook on high pressure for 5 minutes.",
            {"pressure cooker"},
            {"lid"},
        ),
        ("Remove the lid and stir.", set(), {"lid"}),
        ("Cover with the lid and cook for 10 minutes.", {"lid"}, set()),
        ("Strain the curd into a sterile jar and screw on the lid.", {"jar"}, {"lid"}),
        ("Dès 6 mois : mixer en purée 50 g de carottes.", {"blender"}, {"stand mixer"}),
        ("Add the chives and blend on low for another 10 seconds.", {"blender"}, set()),
        ("Voeg alles toe aan de kom van de mixer.", {"stand mixer"}, {"blender"}),
        # a pan by its size
        ("Line a 9-inch square metal pan with parchment.", {"cake tin"}, {"pan"}),
        ("Lightly butter an 8x8- or 9x9-inch pan.", {"cake tin"}, {"pan"}),
        ("Mist a 9x13 pan with cooking spray.", {"baking dish"}, {"pan"}),
        ("Heat a 12-inch pan over medium heat.", {"pan", "stove"}, {"cake tin"}),
        # the stove in a sentence of its own, a pan's verb beside another heat
        (
            "Using an electric mixer, beat the egg, and sugar on high for about 5 minutes.",
            {"stand mixer"},
            {"stove"},
        ),
        ("Tænd ovnen på 220°. Skær kyllingen i strimler. Kog saucen op.", {"oven", "stove"}, set()),
        (
            "Brown the beef in a large skillet. Add it to the slow cooker and cook on low.",
            {"skillet", "stove", "slow cooker"},
            set(),
        ),
        ("Transfer to the slow cooker. Cook on low for 6 hours.", {"slow cooker"}, {"stove"}),
        (
            "Stir in the wine, scraping any browned bits from the bottom of the skillet.",
            {"stove"},
            set(),
        ),
        (
            "Whisk the chocolate and milk in a saucepan until the chocolate is fully melted.",
            {"stove"},
            set(),
        ),
        ("Smelt smør i en kasserolle.", {"saucepan", "stove"}, set()),
        ("Rooster de hazelnoten 4 min. in een droge koekenpan.", {"skillet", "stove"}, set()),
        ("Sett på en kasserolle på medium temperatur.", {"saucepan", "stove"}, set()),
        ("Die Fleischbrühe erhitzen und mit der Sahne verrühren.", {"stove"}, set()),
        (
            "Preheat the oven to 350°F. Spread the pecans on a baking sheet. Toast for 10 "
            "minutes, shaking the pan often.",
            {"oven"},
            {"stove"},
        ),
        (
            "Cook for 15 minutes on high pressure. Release the pot after cooking.",
            {"pressure cooker"},
            {"stove", "pot"},
        ),
        # plastic, and a machine's own bowl
        ("Wrap in plastic again, and chill for 1 hour.", {"plastic wrap"}, set()),
        ("Réserver au frigo, emballé dans un film plastique.", {"plastic wrap"}, set()),
        (
            "Add the egg whites to the clean bowl of a stand mixer.",
            {"stand mixer"},
            {"mixing bowl"},
        ),
        (
            "Scrape the bowl and beat on medium speed for 2 minutes.",
            {"stand mixer"},
            {"mixing bowl"},
        ),
        (
            "In a large bowl, whisk the flour; then beat the butter with a hand mixer.",
            {"mixing bowl", "stand mixer"},
            set(),
        ),
        # Turkish, Norwegian, an Italian Thermomix, foods named like pots, sizes and speeds
        ("Patatesleri bir tencerede haşlayın.", {"pot", "stove"}, set()),
        ("Tavayı ısıtın ve tavukları pişirin.", {"skillet", "stove"}, set()),
        ("Fırını 200 dereceye ayarlayın.", {"oven"}, set()),
        ("Varm opp litt olje i en stor gryte eller panne.", {"pot", "skillet", "stove"}, set()),
        ("Mettere nel boccale la cipolla: 5 sec. vel. 5.", {"thermomix"}, {"stove"}),
        ("Pour the chicken pot pie filling into the crust.", set(), {"pot"}),
        ("Grease a 17x12-inch baking pan.", {"baking sheet"}, {"baking dish"}),
        (
            "Mix for 3 minutes on slow speed and 7 minutes on fast speed.",
            {"stand mixer"},
            {"stove"},
        ),
        ("In a clean bowl fitted with a whisk attachment, beat the cream.", {"stand mixer"}, set()),
        ("Steam all the vegetables until tender, about 15 minutes.", {"stove"}, set()),
        ("Let the steam escape before opening.", set(), {"stove"}),
        # a sandwich press heats where a burner would, and is no oven
        ("Preheat the panini grill to medium-high heat.", {"panini press", "stove"}, {"oven"}),
        # tools that only test or measure
        ("Bake until a toothpick in the center comes out clean.", {"oven"}, {"toothpick"}),
        ("Add 2 ladles of the pasta cooking water.", set(), {"ladle"}),
        ("Ladle on another cup of the broth.", set(), {"ladle"}),
        ("Take the butter out of the refrigerator.", set(), {"refrigerator"}),
    ],
)
def test_the_stove_and_the_parts(text: str, present: set[str], absent: set[str]) -> None:
    _has(text, present, absent)


def test_cooking_continued_stays_on_the_stove_in_other_languages() -> None:
    steps = understand_steps(
        [
            ("Faites revenir les cuisses de canard dans une poêle à feu vif.", None),
            ("Au bout des 15 min, ajoutez l'ail et poursuivez la cuisson 5 min.", None),
            ("Em uma panela, aqueça o azeite em fogo médio.", None),
            ("Continue mexendo até que a carne esteja dourada.", None),
        ],
        list[Ingredient](),
    )
    assert all("stove" in s.equipment for s in steps)


def test_the_stove_is_not_carried_past_the_heat_taken_off() -> None:
    steps = understand_steps(
        [
            ("Whisk the milk and chocolate in a saucepan over medium heat.", None),
            ("Remove the pan from the heat and continue whisking for 5 more minutes.", None),
        ],
        list[Ingredient](),
    )
    assert "stove" not in steps[1].equipment


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Warm tortillas in a skillet or microwave.", {"stove", "skillet"}, set()),
        ("Heat the salsa in the microwave or a pan until warmed through.", {"stove"}, set()),
        ("Fais fondre ton chocolat au bain-marie ou au micro-ondes.", {"stove"}, set()),
        ("Reheat the soup in the microwave.", {"microwave"}, {"stove"}),
    ],
)
def test_a_pan_named_as_the_other_way_of_a_microwave_is_on_the_stove(
    text: str, present: set[str], absent: set[str]
) -> None:
    _has(text, present, absent)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Grate the cheese on a box grater.", "grater"),
        ("Grind the seeds in a spice grinder.", "spice grinder"),
        ("Pass the potatoes through a ricer.", "potato ricer"),
        ("Set the pot on a trivet.", "trivet"),
        ("Baste the turkey with a baster.", "baster"),
        ("Spoon into a serving dish.", "serving dish"),
        ("Lift the dumplings out with a skimmer.", "skimmer"),
        ("Take the tray out with oven mitts.", "oven mitt"),
        ("Flatten each ball in a tortilla press.", "tortilla press"),
    ],
)
def test_plain_english_kitchen_tools(text: str, name: str) -> None:
    assert name in equipment_in(text)


def test_an_oven_mitt_is_no_oven() -> None:
    assert "oven" not in equipment_in("Take the tray out with oven mitts.")


@pytest.mark.parametrize(
    "text",
    [
        "Add the egg whites to the clean bowl of a stand mixer. Make sure the bowl is clean.",
        "Add the flour to a mixing bowl of a stand-alone mixer fitted with a dough hook.",
        "Combine the eggs in the bowl of a heavy-duty electric stand mixer.",
    ],
)
def test_a_mixer_s_own_bowl_said_twice_is_no_mixing_bowl(text: str) -> None:
    assert equipment_in(text) == ["stand mixer"]


def test_a_bowl_of_the_kitchen_beside_the_mixer_s_is_kept() -> None:
    text = "Whisk the flour in a large bowl. Beat the butter in the bowl of a stand mixer."
    assert set(equipment_in(text)) == {"mixing bowl", "stand mixer"}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Add the chicken and the marinade to the prepared dish.", {"baking dish"}, set()),
        ("Place the dish in the fridge and chill for 30 minutes.", {"baking dish"}, set()),
        ("Place the chicken in a glass dish and pour over the marinade.", {"baking dish"}, set()),
        ("While the dish simmers, stir every few minutes.", set(), {"baking dish"}),
        ("Serve as a side dish.", set(), {"baking dish"}),
        ("This dish keeps well.", set(), {"baking dish"}),
    ],
)
def test_the_dish_the_food_goes_in_is_a_baking_dish(
    text: str, present: set[str], absent: set[str]
) -> None:
    _has(text, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Add the sugar to a small sauce pan. Place a lid on the pot and bring to a boil.",
            {"saucepan"},
            {"pot"},
        ),
        ("Heat oil in a Dutch oven pot over medium-high heat.", {"dutch oven"}, {"pot"}),
        ("Heat the oil in a Dutch oven or medium pot.", {"dutch oven", "pot"}, set()),
        ("Boil pasta in a large pot. Make the sauce in a saucepan.", {"pot", "saucepan"}, set()),
        ("Num tacho largo refogue em azeite as cebolas.", {"pot", "stove"}, set()),
    ],
)
def test_the_pot_is_the_saucepan_or_dutch_oven_named(
    text: str, present: set[str], absent: set[str]
) -> None:
    _has(text, present, absent)
