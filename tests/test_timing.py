"""What a step's times mean (ladle.timing): each example of issue 11 reads as a cook reads it."""

from __future__ import annotations

import pytest

from ladle import read_text
from ladle.model import Step
from ladle.steps import understand_steps
from ladle.timing import relation_of


def last(*texts: str) -> Step:
    return understand_steps([(t, None) for t in texts])[-1]


def own(step: Step) -> tuple[float, float | None] | None:
    return None if step.time is None else (step.time.min_minutes, step.time.max_minutes)


def roles(step: Step) -> list[str]:
    return [d.role for d in step.durations]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("This can be done 1 day in advance.", "make_ahead"),
        ("About 4 hours before you sit down, take the lamb out of the fridge.", "lead"),
        ("Take the steak out of the fridge 30 minutes before cooking.", "lead"),
        ("Transfer to a jar. It will keep for 2–3 days.", "storage"),
        ("Leftovers keep in an airtight container for up to 5 days.", "storage"),
        ("Sealed jars hold peak quality on a pantry shelf for 12-18 months.", "storage"),
        ("They stack well; freeze for up to two weeks.", "storage"),
        ("Simmer for 1 hour, stirring every 10 minutes.", "other"),
        ("Check the cake at 30 minutes.", "other"),
    ],
)
def test_times_that_are_not_the_steps_own(text: str, role: str) -> None:
    step = last(text)
    assert role in roles(step)
    assert all(d.role != "step" for d in step.durations if d.role == role)
    if role != "other":
        assert own(step) is None


@pytest.mark.parametrize(
    "text",
    [
        "Préparer la sauce 2 heures avant son emploi.",
        "Die Butter 2 Stunden vor dem Servieren aus dem Kühlschrank nehmen.",
        "Sacar la mantequilla de la nevera 2 horas antes de servir.",
        "Togliere il burro dal frigo 2 ore prima di servire.",
        "Haal de boter 2 uur voor het serveren uit de koelkast.",
    ],
)
def test_a_time_before_serving_is_a_lead_in_other_languages(text: str) -> None:
    step = last(text)
    assert roles(step) == ["lead"]
    assert own(step) is None


@pytest.mark.parametrize(
    "text",
    [
        "Laisser reposer 5 minutes avant de servir.",
        "Den Braten 10 Minuten vor dem Servieren ruhen lassen.",
        "Deje reposar la masa 5 minutos antes de servir.",
        "Faire bouillir pendant 5 minutes avant d'égoutter.",
    ],
)
def test_a_rest_before_serving_is_still_the_steps_own(text: str) -> None:
    assert roles(last(text)) == ["step"]


@pytest.mark.parametrize(
    "text",
    [
        "Bake the beans for 3 hours, stirring every 30 minutes.",
        "Cuire 3 heures au four en remuant toutes les 30 minutes.",
        "3 Stunden im Ofen schmoren und alle 30 Minuten umrühren.",
        "Hornear 3 horas, removiendo cada 30 minutos.",
        "Cuocere in forno 3 ore, mescolando ogni 30 minuti.",
        "Stoof 3 uur in de oven en roer elke 30 minuten.",
    ],
)
def test_a_frequency_is_no_part_of_the_steps_time(text: str) -> None:
    step = last(text)
    assert roles(step) == ["step", "other"]
    assert own(step) == (180, 180)


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("Laisser pousser 4 heures.", "Pendant ces 4 heures, rabattre la pâte deux fois."),
        ("Cuire 10 minutes.", "Au bout des 10 minutes, retirer la casserole du feu."),
        ("Den Teig 4 Stunden gehen lassen.", "Nach diesen 4 Stunden den Teig falten."),
        ("Let the dough rise for 4 hours.", "After these 4 hours, fold the dough."),
    ],
)
def test_a_time_restated_in_other_languages_is_the_earlier_one(first: str, then: str) -> None:
    step = last(first, then)
    assert roles(step) == ["repeat"]
    assert own(step) is None


def test_a_storage_time_never_becomes_a_129600_minute_step() -> None:
    step = last("Cool, then freeze. The sauce will keep in the freezer for up to 3 months.")
    assert own(step) is None


def test_at_the_end_of_the_25_minutes_is_the_earlier_time() -> None:
    step = last("Roast for 25 minutes.", "At the end of the 25 minutes, turn the potatoes.")
    assert roles(step) == ["repeat"]
    assert own(step) is None


def test_after_the_ribs_have_cooked_counts_from_there() -> None:
    step = last(
        "Bake the ribs for 1½–2 hours.",
        "After the ribs have cooked 1½–2 hours, brush with sauce and cook 15–20 minutes longer.",
    )
    assert roles(step) == ["repeat", "step"]
    assert own(step) == (15, 20)
    assert step.relation.kind == "after"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Let it marinate 10 minutes or up to 1 hour.", (10, 60)),
        ("Cook on high for 3–4 hours or low for 6–7 hours.", (180, 420)),
        ("Chill for at least 4 hours or overnight.", (240, 720)),
        ("Sear 1–2 minutes per side.", (2, 4)),
        ("Grill the steaks for 8 minutes, 4 minutes per side.", (8, 8)),
        ("Grill for 8 minutes, then 4 minutes on each side.", (16, 16)),
        ("Roast 20 minutes, turn, and return to the oven for a further 15 minutes.", (35, 35)),
        ("Boil the pasta for 10 minutes; meanwhile fry the garlic for 2 minutes.", (10, 10)),
        ("Bake for 1 ½ hours (90 minutes).", (90, 90)),
        ("Bake on the middle shelf for 45–50 minutes.", (45, 50)),
        ("Bake 20 minutes (add 5 minutes if frozen).", (20, 20)),
        ("Let the meat rest 10 minutes before slicing.", (10, 10)),
        ("Whisk in the cream, gradually over 1 minute.", (1, 1)),
    ],
)
def test_the_steps_own_time(text: str, expected: tuple[float, float]) -> None:
    assert own(last(text)) == expected


def test_the_time_of_the_step_a_leading_clause_describes_is_not_this_ones() -> None:
    step = last("While the pork roasts for 2 hours, whisk the glaze.")
    assert roles(step) == ["scene"]
    assert own(step) is None
    assert step.relation.kind == "alongside"


def test_a_cooklang_timer_range_is_one_range() -> None:
    (recipe,) = read_text("Simmer for ~{2%minutes} to ~{3%minutes}.\n", "cooklang")
    (step,) = recipe.steps
    assert own(step) == (2, 3)
    assert len(step.durations) == 1


@pytest.mark.parametrize(
    ("text", "kind", "minutes"),
    [
        ("As the pork roasts, toss the carrots with the oil.", "alongside", None),
        ("While the pork is roasting, make the glaze.", "alongside", None),
        ("Meanwhile, boil the potatoes.", "alongside", None),
        ("In the last 10 minutes of roasting, add the carrots.", "within_last", 10),
        ("Once the pork is out, raise the oven to 450°F.", "after", None),
        ("As soon as it boils, lower the heat.", "after", None),
        ("Toss the carrots with the oil.", "follows", None),
    ],
)
def test_relation(text: str, kind: str, minutes: float | None) -> None:
    relation = relation_of(text)
    assert (relation.kind, relation.minutes) == (kind, minutes)


@pytest.mark.parametrize(
    ("text", "heat", "equipment"),
    [
        ("Simmer for 3 hours.", "stove", "stove"),
        ("Boil for 10–15 minutes.", "stove", "stove"),
        ("Cook on high pressure for 25 minutes, then release naturally for 10 minutes.",
         "pressure cooker", "pressure cooker"),
        ("Add everything to the Instant Pot and cook for 8 minutes.", "pressure cooker",
         "pressure cooker"),
        ("Cover and cook on LOW for 6 hours.", "slow cooker", "slow cooker"),
        ("Cook the rice in the rice cooker.", "rice cooker", "rice cooker"),
        ("Put the rice and water in the rice-cooker and cook for 35 minutes.", "rice cooker",
         "rice cooker"),
        ("Cook the chicken breasts in the sous-vide bath for 90 minutes.", "sous vide",
         "sous vide"),
        ("Set the immersion circulator to 131°F.", "sous vide", "sous vide"),
        ("Preheat the sous vide water bath to 131°F.", "sous vide", "sous vide"),
        ("Lift the steak from the sous vide bath and sear it in a hot skillet for 1 minute.",
         "stove", "skillet"),
        ("Serve the sous vide steak with the sauce.", None, None),
        ("Seal the steak in a sous vide bag.", None, None),
        ("Set the cheesecake in a water bath and bake at 325°F for 1 hour.", "oven", "oven"),
        ("Preheat your smoker to 250°–275°F.", "smoker", "smoker"),
        ("Caramelise the sugar with a blowtorch.", "blowtorch", "blowtorch"),
        ("Roast at 400°F for 25 minutes.", "oven", "oven"),
        ("Heat the oil in an oven-safe skillet over medium-high heat.", "stove", "skillet"),
        ("Serve with barbecue sauce.", None, None),
    ],
)  # fmt: skip
def test_heat_and_equipment(text: str, heat: str | None, equipment: str | None) -> None:
    step = last(text)
    assert step.heat == heat
    if equipment is None:
        assert step.equipment == []
    else:
        assert equipment in step.equipment
        assert "oven" not in step.equipment or heat == "oven"


@pytest.mark.parametrize(
    ("text", "attention"),
    [
        ("Reduce the heat and simmer for 45 minutes.", "passive"),
        ("Simmer for 45 minutes, stirring occasionally.", "passive"),
        ("Cook, stirring constantly, for 20 minutes.", "active"),
        ("Knead for 10 minutes until smooth.", "active"),
        ("Sear 1–2 minutes per side.", "active"),
        ("Broil for 2–3 minutes, watching carefully.", "active"),
        ("Mix the batter and bake for 30 minutes.", "passive"),
        ("Return to the oven, uncovered, for a final 30 minutes.", "passive"),
        ("Preheat the oven to 350°F.", "passive"),
        ("Preheat the oven to 350°F and grease two 9-inch cake pans.", "active"),
        ("Bring to a boil and cook until tender.", "passive"),
        ("Serve the pork with the roasted carrots.", "active"),
    ],
)
def test_attention(text: str, attention: str) -> None:
    assert last(text).attention == attention
