"""Steps read more widely (issue 11, ninth round): spoons used in other languages, an ice
cream scoop apart from a cookie scoop, a timer set, liners, a flan pan, jars,
glasses and racks abroad; waiting said by verbs of other languages and by a verb let be after
its time. Each case is a sentence written for ladle."""

from __future__ import annotations

import pytest

from ladle.model import Ingredient
from ladle.steps import understand_steps


def _step(text: str) -> tuple[set[str], str]:
    step = understand_steps([(text, None)], list[Ingredient]())[0]
    return set(step.equipment), step.attention


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("Press the garlic flat with the back of a serving spoon.", "spoon"),
        ("Mexa o creme com uma colher até ficar liso.", "spoon"),
        ("Forme mit einem Löffel kleine Mulden in den Reis.", "spoon"),
        ("Με ένα κουτάλι αδειάζουμε τις πιπεριές.", "spoon"),
        ("Portion the batter into the oil with an ice cream scoop.", "ice cream scoop"),
        ("Schep de bolletjes met een ijslepel op de plaat.", "ice cream scoop"),
        ("Drop the pasta into the water and set a timer for 9 minutes.", "timer"),
        ("Line a 12-hole muffin tin with paper liners.", "cupcake liner"),
        ("Pour the custard into a flan pan.", "cake tin"),
        ("Skaka citronsaften i en burk med lock.", "jar"),
        ("Servera i höga glas med is.", "glass"),
        ("Coloque o gelo dentro de um copo alto.", "glass"),
        ("Låt bullarna svalna på galler.", "wire rack"),
        ("Legg kjøttet på et serveringsfat.", "serving platter"),
        ("Étalez la pâte sur une plaque recouverte de papier cuisson.", "parchment paper"),
        ("Check the heat with an oven thermometer before the bread goes in.", "oven thermometer"),
        ("Top each plate with a spoonful of yoghurt.", "plate"),
        ("Scatter the sprinkles and chill to set.", "refrigerator"),
        ("Tritura 10 segundos en velocidad 5.", "thermomix"),
        ("Doe de aardappels in een ovenschotel.", "baking dish"),
        ("お湯にたまごをおたまで入れる。", "ladle"),
    ],
)
def test_tools_read_more_widely(text: str, tool: str) -> None:
    found, _ = _step(text)
    assert tool in found, found


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("Stir in a tin of chopped tomatoes.", "cake tin"),  # a tin of food
        ("Rühre einen Löffel Honig unter.", "spoon"),  # a spoonful, not used with
        ("Extra cremig mit einem Löffel Crème fraîche.", "spoon"),  # a spoonful after "mit"
        ("Scoop the dough with a cookie scoop.", "ice cream scoop"),
        ("After the timer beeps, let the pressure release naturally.", "timer"),
    ],
)
def test_what_is_no_such_tool(text: str, tool: str) -> None:
    found, _ = _step(text)
    assert tool not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Marinade the chicken for 2 hours.",
        "Sprinkle the berries with sugar and macerate for 20 minutes.",
        "Rør inn fløten og la småkoke i 10 minutter.",
        "Häll i grädden och låt puttra någon minut.",
        "Die Erbsen hinzufügen und weitere 5 Min. kochen lassen.",
        "Verwarm de frituurolie tot 180°C.",
        "Σιγοβράζουμε τη σάλτσα για 5 λεπτά.",
    ],
)
def test_waiting_said_abroad_and_by_a_verb_let_be(text: str) -> None:
    _, attention = _step(text)
    assert attention == "passive"


@pytest.mark.parametrize(
    "text",
    [
        "Make the marinade. Whisk the oil and vinegar for 1 minute.",
        "Fry the onions for 3 minutes, stirring all the time.",
    ],
)
def test_work_stays_work(text: str) -> None:
    _, attention = _step(text)
    assert attention == "active"


def _time(text: str) -> tuple[float, float | None] | None:
    step = understand_steps([(text, None)], list[Ingredient]())[0]
    return None if step.time is None else (step.time.min_minutes, step.time.max_minutes)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Sauté the mushrooms, stirring now and then, for 5 or so minutes.", (5.0, 5.0)),
        ("Let the sauce bubble for 20 or so minutes.", (20.0, 20.0)),
        ("Boil the penne 2 minutes less than the package says, then drain.", None),
        ("Cook the noodles for 1 minute shy of the packet time.", None),
    ],
)
def test_a_time_said_roughly_or_taken_off_the_packets(
    text: str, time: tuple[float, float | None] | None
) -> None:
    assert _time(text) == time


def test_pasta_cooked_short_of_the_packet_cooks_alone() -> None:
    _, attention = _step("Cook the spaghetti for 2 minutes less than the packet instructions.")
    assert attention == "passive"


@pytest.mark.parametrize(
    ("text", "attention"),
    [
        ("Cook the linguine, or any pasta you like. Drain and set aside.", "passive"),
        ("In a big pot of salted boiling water, cook the penne until just al dente.", "passive"),
        ("Put the potatoes in a pan, cover with water and cook until tender.", "passive"),
        ("Cook the udon, drain and rinse under cold water.", "passive"),
        ("Fry the cooked rice in the skillet until crisp.", "active"),
    ],
)
def test_pasta_rice_or_potatoes_boiled_with_no_time_cook_alone(text: str, attention: str) -> None:
    _, found = _step(text)
    assert found == attention


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Heat your charcoal (or gas) grill to medium-high.", "grill", "charcoal"),
        ("Форму для маффинов смазать маслом.", "cake tin", "mixing bowl"),
        ("Drop the dumplings one by one into the boiling water.", "stove", "oven"),
        ("Cook the orzo, then drain.", "stove", "oven"),
        ("Pour in the boiling water and whisk to dissolve the gelatine.", None, "stove"),
        ("The no-bake bars keep in the fridge for a week.", "refrigerator", "oven"),
        ("Chill the no bake cheesecake for 4 hours.", "refrigerator", "oven"),
        ("Retire do forno e deixe amornar.", None, "oven"),
        ("Sortez le gâteau du four et laissez tiédir.", None, "oven"),
        ("Saca el bizcocho del horno y deja enfriar.", None, "oven"),
        ("Tire a forma do forno e deixe esfriar.", None, "oven"),
    ],
)
def test_tools_present_and_absent(text: str, present: str | None, absent: str) -> None:
    found, _ = _step(text)
    assert (present is None or present in found) and absent not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Put the water in a small pot with a pinch of salt and bring to boil.",
        "Kook de pasta gaar volgens de omschrijving op het pak.",
    ],
)
def test_water_brought_to_boil_and_pasta_by_the_dutch_packet_wait(text: str) -> None:
    _, attention = _step(text)
    assert attention == "passive"


def _ovens(text: str) -> list[float]:
    from ladle.temperatures import find_temperatures

    return [t.fahrenheit for t in find_temperatures(text) if t.kind == "oven"]


@pytest.mark.parametrize(
    ("text", "ovens"),
    [
        ("Preheat the oven to 220°C (425°F) (200°C/400°F fan-forced).", [425.0]),
        ("Heat the oven to 425°F/220°C/Fan 200°C.", [425.0]),
        ("Preheat your oven to 190°C (375°F) or 170°C (340°F) fan.", [375.0]),
        ("Verwarm de oven voor op 175 graden, 160 graden (hetelucht).", [347.0]),
        ("Preheat the oven to 200C (fan 180C, gas mark 6).", [392.0]),
        ("Préchauffez le four à 210 degrés.", [410.0]),
        ("Zagrijte pećnicu na 210 stupnjeva.", [410.0]),
        ("Bake at 180°C fan for 25 minutes.", [392.0]),
        ("Bake at 200°C for 20 minutes, then at 180°C for 10 more.", [392.0, 356.0]),
    ],
)
def test_one_oven_said_several_ways_is_one_temperature(text: str, ovens: list[float]) -> None:
    assert _ovens(text) == ovens
