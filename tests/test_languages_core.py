"""The core words of the languages ladle meets most after English (issue 11, fourth round):
each case is a sentence a cook of that language writes, composed for ladle from the
language's plain kitchen words (not from a labelled page), so that pages of sites never seen
read as their English counterparts do."""

from __future__ import annotations

import pytest

from ladle.clauses import main_clause
from ladle.model import Ingredient, Step
from ladle.steps import understand_steps


def _step(text: str) -> Step:
    return understand_steps([(text, None)], list[Ingredient]())[0]


@pytest.mark.parametrize(
    "text",
    [
        "Stil i køleskabet i 2 timer.",
        "Mettete in frigorifero per 1 ora.",
        "Leve à geladeira por 2 horas.",
        "Im Kühlschrank 2 Stunden kalt stellen.",
        "Zet de pan 10 minuten in de koelkast.",
        "Refrigera durante 1 hora.",
        "Zet het deeg afgedekt een uur op een warme plek om te rijzen.",
        "Heizen Sie den Ofen auf 200 Grad vor.",
        "Verwarm de oven voor op 200 graden.",
        "Precalienta el horno a 200 °C.",
        "Coza as batatas em água com sal.",
    ],
)
def test_chilling_rising_preheating_and_boiling_are_waiting(text: str) -> None:
    assert _step(text).attention == "passive"


@pytest.mark.parametrize(
    "text",
    [
        "Verwarm de oven voor op 220°C en bedek een bakplaat met bakpapier.",
        "Préchauffez le four à 180 °C et beurrez un moule.",
        "Preheat oven to 350°F and grease a 9-inch cake pan.",
    ],
)
def test_a_tin_readied_while_the_oven_heats_is_handwork(text: str) -> None:
    assert _step(text).attention == "active"


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Stil i køleskabet i 2 timer.", 120),
        ("Laat een kwartiertje rusten.", 15),
        ("Kook de aardappelen in een half uurtje gaar.", 30),
        ("Laat de bouillon een uurtje koken.", 60),
        ("Bak de spekjes 5 minuutjes.", 5),
    ],
)
def test_times_in_dutch_diminutives_and_danish_hours(text: str, minutes: float) -> None:
    time = _step(text).time
    assert time is not None
    assert (time.min_minutes, time.max_minutes) == (minutes, minutes)


def test_a_timer_is_no_time() -> None:
    assert _step("Set a timer and stir the sauce.").time is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Klop de eieren met een garde.", {"whisk"}),
        ("Bate las claras con unas varillas.", {"whisk"}),
        ("Vispa grädden med en handvisp.", {"whisk"}),
        ("Den Teig mit dem Handrührgerät 3 Minuten schlagen.", {"stand mixer"}),
        ("Pisk æg og sukker med en håndmixer.", {"stand mixer"}),
        ("Die Kartoffeln mit dem Kartoffelstampfer zerdrücken.", {"potato masher"}),
        ("Milch in einem Topf erwärmen.", {"pot", "stove"}),
        ("Lad det simre i 20 minutter.", {"stove"}),
        ("Låt puttra i 20 minuter.", {"stove"}),
        ("Coza as batatas em água com sal.", {"stove"}),
        ("Lasciamo stufare a fiamma dolce per dieci minuti.", {"stove"}),
        ("Unte uma forma e asse por 40 minutos.", {"cake tin", "oven"}),
    ],
)
def test_core_equipment_and_heat_in_other_languages(text: str, names: set[str]) -> None:
    assert set(_step(text).equipment) == names


@pytest.mark.parametrize(
    "text",
    ["Garde le reste au frais.", "C'est assez cuit, laissez reposer."],
)
def test_look_alike_words_are_no_equipment(text: str) -> None:
    """French "garde" (keep) is no Dutch whisk; "assez" (enough) is no Portuguese bake."""
    assert not {"whisk", "oven"} & set(_step(text).equipment)


@pytest.mark.parametrize(
    "text",
    [
        "In a medium saucepan, heat 1 tablespoon of the olive oil.",
        "Heat 2 tablespoons of butter in a skillet.",
        "Faites chauffer l'huile dans une poêle.",
        "Calienta el aceite en una sartén.",
        "Heat a cast-iron skillet until smoking hot.",
    ],
)
def test_a_pan_or_its_fat_heated_alone_is_waiting(text: str) -> None:
    assert _step(text).attention == "passive"


@pytest.mark.parametrize(
    "text",
    [
        "Heat the oil in a wok, add the garlic and stir-fry.",
        "Erhitze die Butter in einer großen Pfanne und gib das Mehl hinzu.",
        "Warm the tortillas in a dry skillet.",
    ],
)
def test_a_pan_heated_with_work_or_food_is_not_only_waiting(text: str) -> None:
    assert _step(text).attention == "active"


@pytest.mark.parametrize(
    "text",
    [
        "Place the turkey in the preheated oven.",
        "Return the pan to the oven.",
        "Place the pot in the oven, covered.",
        "Place rice into a rice cooker with equal parts water and cook.",
        "Place the tray in the fridge.",
        "Leve ao forno.",
        "Zet de schaal in de oven.",
        "Schieben Sie das Blech in den Ofen.",
        "Enfournez.",
    ],
)
def test_food_only_put_where_it_cooks_or_chills_by_itself_is_waiting(text: str) -> None:
    assert _step(text).attention == "passive"


@pytest.mark.parametrize(
    "text",
    [
        "Put the dish in the oven and make the sauce.",
        "Transfer the cake to a wire rack and dust with sugar.",
    ],
)
def test_food_put_in_the_oven_beside_other_work_is_not_only_waiting(text: str) -> None:
    assert _step(text).attention == "active"


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Facciamo addensare mescolando per un paio di minuti.", 2),
        ("Cocina la salsa un par de minutos.", 2),
    ],
)
def test_a_couple_of_minutes_in_italian_and_spanish(text: str, minutes: float) -> None:
    time = _step(text).time
    assert time is not None
    assert (time.min_minutes, time.max_minutes) == (minutes, minutes)


@pytest.mark.parametrize(
    "text",
    [
        "Dies am besten eine Stunde vorher erledigen.",
        "Sortez la viande 30 minutes à l'avance.",
        "Haal het vlees een uur van tevoren uit de koelkast.",
        "It will be good in the freezer for 2-3 months.",
    ],
)
def test_times_ahead_and_keeping_in_any_language_are_no_duration(text: str) -> None:
    assert _step(text).time is None


def test_handwork_without_a_time_counts_beside_a_short_wait() -> None:
    text = (
        "Add the steak in a single layer, season with salt and pepper, and let it cook for 3 "
        "minutes to brown. Flip, and cook on the other side until browned, another 2 minutes. "
        "Then remove the steak from the pan with a slotted spoon, transfer to a plate, and set "
        "aside."
    )
    assert _step(text).attention == "active"


def test_a_long_wait_still_outweighs_untimed_handwork() -> None:
    assert _step("Mix the batter. Pour it into the tin. Bake 30 minutes.").attention == "passive"


@pytest.mark.parametrize(
    ("text", "names", "minutes"),
    [
        ("カレー粉を加えて弱火で3分くらい炒めます。", {"stove"}, (3, 3)),
        ("お鍋にバターと玉ねぎを入れてじっくり炒めます。", {"pot", "stove"}, None),
        ("フライパンにバターを熱し、鶏肉を焼きます。", {"skillet", "stove"}, None),
        ("オーブンを180℃に予熱し、20〜25分焼く。", {"oven"}, (20, 25)),
        ("冷蔵庫で1時間冷やす。", {"refrigerator"}, (60, 60)),
        ("圧力鍋で15分加圧する。", {"pressure cooker"}, (15, 15)),
        ("ボウルに卵を割り入れ、泡立て器で混ぜる。", {"mixing bowl", "whisk"}, None),
        ("砂糖を5分の1加える。", set(), None),
    ],
)
def test_japanese_steps_with_no_word_boundaries(
    text: str, names: set[str], minutes: tuple[float, float] | None
) -> None:
    step = _step(text)
    assert set(step.equipment) == names
    time = None if step.time is None else (step.time.min_minutes, step.time.max_minutes)
    assert time == minutes


def test_a_japanese_oven_temperature_is_read() -> None:
    temperatures = _step("オーブンを180℃に予熱し、20〜25分焼く。").temperatures
    assert [(t.kind, round(t.fahrenheit)) for t in temperatures] == [("oven", 356)]


@pytest.mark.parametrize(
    ("text", "names", "minutes", "attention"),
    [
        ("把烤箱预热至180°C。", {"oven"}, None, "passive"),
        ("放入已预热的烤箱，烘烤20至25分钟。", {"oven"}, (20, 25), "passive"),
        ("锅中加油，用中火把洋葱炒香，约3分钟。", {"pot", "stove"}, (3, 3), "active"),
        ("加入清水煮沸后转小火煮1个小时。", {"stove"}, (60, 60), "passive"),
        ("炖半小时。", {"stove"}, (30, 30), "passive"),
        ("放入冰箱冷藏2小时。", {"refrigerator"}, (120, 120), "passive"),
        ("把蛋糕放在铁架上冷却。", {"wire rack"}, None, "passive"),
        ("用打蛋器把鸡蛋打匀。", {"whisk"}, None, "active"),
        ("用电饭锅煮饭。", {"rice cooker"}, None, "passive"),
        ("平底鍋燒熱後煎魚，每面3分鐘。", {"skillet", "stove"}, (3, 3), "active"),
    ],
)
def test_chinese_steps_with_no_word_boundaries(
    text: str, names: set[str], minutes: tuple[float, float] | None, attention: str
) -> None:
    step = _step(text)
    assert set(step.equipment) == names
    time = None if step.time is None else (step.time.min_minutes, step.time.max_minutes)
    assert time == minutes
    assert step.attention == attention


def test_a_chinese_oven_temperature_is_read() -> None:
    temperatures = _step("把烤箱预热至180°C，烤25分钟。").temperatures
    assert [(t.kind, round(t.fahrenheit)) for t in temperatures] == [("oven", 356)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("20-25 Minuten backen.", {"oven"}),
        ("Die Brotchips unter dem Backofengrill goldbraun rösten.", {"oven"}),
        ("Az előmelegített sütőbe toljuk.", {"oven"}),
        ("Line an 8-inch square baking tin with baking paper.", {"cake tin", "parchment paper"}),
        ("Leave the cake to cool in the tin for 15 minutes.", {"cake tin"}),
        ("Press the crumbs into the prepared tin.", {"cake tin"}),
        ("Pour the batter into the baking pan and smooth the top.", {"cake tin"}),
        ("Lightly spray a 9x13 pan for the apple cake.", {"cake tin"}),
        ("Spread the lasagna in a 9x13 pan.", {"baking dish"}),
        ("Store the crackers in a tin for up to 4 weeks.", set()),
        ("Add a tin of tomatoes.", set()),
        ("Wrap the fish in tin foil.", {"aluminum foil"}),
    ],
)
def test_baking_tins_and_ovens_by_their_plain_names(text: str, names: set[str]) -> None:
    assert set(_step(text).equipment) == names


@pytest.mark.parametrize(
    ("text", "attention"),
    [
        ("Preheat the broiler.", "passive"),
        ("Position a rack in the upper third of the oven. Preheat the broiler to high.", "passive"),
        (
            "Spoon into a dish, top with cheese and put under the broiler for a minute or two.",
            "active",
        ),
        ("Transfer to a cooling rack to cool slightly before serving.", "passive"),
        (
            "Take the crumbs off the heat and season; let them cool before dressing the salad.",
            "passive",
        ),
        ("Pour 2 inches of oil into a Dutch oven. Heat the oil to 350 degrees.", "passive"),
        ("Heat the oil in a small pan until it smokes, about 30 seconds to 1 minute.", "passive"),
        ("Heat the oil in a pan, add the onion and cook for 5 minutes.", "active"),
        ("Preheat the pressure cooker on the SAUTE setting.", "passive"),
        ("Heat oil in saute mode of the Instant Pot. Add the onion; cook until soft.", "active"),
        ("Set up a breading station: flour, then egg, then crumbs.", "active"),
        (
            "Beat the butter on medium-high speed until fluffy, about 8 minutes, occasionally "
            "scraping down the sides of the bowl.",
            "active",
        ),
        ("Cook the rice for 18 minutes, adding the hot stock little by little.", "active"),
        ("Unter häufigem Rühren 15-20 Minuten al dente kochen.", "active"),
        ("Lad derpå kagen køle helt af.", "passive"),
        ("Lad dejen hvile i 30 minutter.", "passive"),
    ],
)
def test_attention_of_broiling_cooling_frying_oil_and_machines(text: str, attention: str) -> None:
    assert _step(text).attention == attention


@pytest.mark.parametrize(
    "text",
    [
        "Preheat an outdoor grill to medium-high.",
        "Preheat grill for high heat.",
        "Light a gas or charcoal grill on medium-high heat.",
    ],
)
def test_a_grill_preheated_is_the_grill_not_the_oven(text: str) -> None:
    assert _step(text).equipment == ["grill"]


def test_charcoal_lit_on_its_own_is_the_charcoal() -> None:
    assert _step("Light the charcoal and wait until it is covered in grey ash.").equipment == [
        "charcoal"
    ]


def test_a_scene_set_ends_at_its_colon_not_past_the_next_stop() -> None:
    text = (
        "If using skin-on chicken: Turn on the Instant Pot and select sauté. Once hot, add the "
        "oil to the pot. Cook 3 to 4 minutes per side."
    )
    assert main_clause(text).startswith("Turn on the Instant Pot")
    assert "pressure cooker" in _step(text).equipment


def test_a_later_step_goes_on_in_the_cooker_an_earlier_one_filled() -> None:
    steps = understand_steps(
        [
            ("Lay the beef in the slow cooker and pour the sauce over.", None),
            ("Cook on high for 4 hours or low for 6 hours.", None),
            ("Meanwhile, boil the rice in a saucepan for 12 minutes.", None),
        ]
    )
    assert [s.equipment for s in steps] == [
        ["slow cooker"],
        ["slow cooker"],
        ["saucepan", "stove"],
    ]
    pressure = understand_steps(
        [
            ("Verser l'huile dans la cuve de l'autocuiseur.", None),
            ("Faire revenir les oignons pendant 10 minutes.", None),
            ("Cook on high pressure for 8 minutes, then let the pressure release naturally.", None),
        ]
    )
    assert [s.equipment for s in pressure][1:] == [["pressure cooker"], ["pressure cooker"]]


def test_a_stove_step_after_the_slow_cooker_stays_on_the_stove() -> None:
    steps = understand_steps(
        [
            ("Put everything in the slow cooker and cook on low for 8 hours.", None),
            ("Simmer the sauce over medium heat for 5 minutes.", None),
        ]
    )
    assert steps[1].equipment == ["stove"]


def test_browning_in_a_pressure_cooker_keeps_the_cook_at_it() -> None:
    steps = understand_steps(
        [
            ("Set the Instant Pot to sauté and add the oil.", None),
            ("Fry the onion for 3 to 4 minutes.", None),
            ("Lock the lid and cook on high pressure for 10 minutes.", None),
        ]
    )
    assert [s.equipment for s in steps] == [["pressure cooker"]] * 3
    assert [s.attention for s in steps][1:] == ["active", "passive"]


@pytest.mark.parametrize(
    ("text", "attention"),
    [
        # a long wait said with no time outweighs a moment's handwork
        (
            "Pour the vinegar over the onions, then let the mixture cool to room temperature.",
            "passive",
        ),
        ("Remove the steaks from the refrigerator and bring to room temperature.", "passive"),
        ("Transfer the dough to a bowl, cover and refrigerate.", "passive"),
        # stored, not waited on: the handwork decides
        (
            "Taste and adjust the seasoning, adding more vinegar or salt. Transfer to a jar, "
            "close the lid tightly, and refrigerate for up to 6 months.",
            "active",
        ),
        (
            "Refrigerate until ready to serve. Serve on tortilla chips. Top each with a spoonful "
            "of marmalade.",
            "active",
        ),
        # cooked by the packet: the pasta boils by itself
        (
            "Meanwhile, prepare the spaghetti according to the instructions on the packet.",
            "passive",
        ),
        ("Cook the pasta as directed on the package.", "passive"),
        # put by, neither worked nor waited on
        ("Stir the cornstarch and water together in a small bowl. Set aside.", "active"),
    ],
)
def test_long_waits_packets_and_food_put_by(text: str, attention: str) -> None:
    assert _step(text).attention == attention


@pytest.mark.parametrize(
    "text",
    [
        "Turn off the heat and stir in the cheese.",
        "A tejet felforraljuk, majd levesszük a tűzről.",
    ],
)
def test_the_heat_turned_off_or_the_pan_taken_off_the_fire_is_the_stove(text: str) -> None:
    assert _step(text).equipment == ["stove"]


def test_the_oven_turned_off_is_no_stove() -> None:
    assert _step("Turn off the oven and leave the door ajar.").equipment == ["oven"]


@pytest.mark.parametrize(
    ("text", "equipment", "attention", "minutes", "oven_f"),
    [
        ("Разогреть духовку до 190 градусов С.", ["oven"], "passive", None, [374.0]),
        (
            "Выложить в низкую огнеупорную форму и поместить в духовку на 20 минут.",
            ["baking dish", "oven"],
            "passive",
            (20.0, 20.0),
            [],
        ),
        (
            "Обжарить лук на сковороде на среднем огне 5 минут.",
            ["skillet", "stove"],
            "active",
            (5.0, 5.0),
            [],
        ),
        ("Варить 1 час на слабом огне.", ["stove"], "passive", (60.0, 60.0), []),
        ("Убрать в холодильник на 2 часа.", ["refrigerator"], "passive", (120.0, 120.0), []),
    ],
)
def test_russian_steps(
    text: str,
    equipment: list[str],
    attention: str,
    minutes: tuple[float, float] | None,
    oven_f: list[float],
) -> None:
    step = _step(text)
    assert step.equipment == equipment
    assert step.attention == attention
    assert (step.time and (step.time.min_minutes, step.time.max_minutes)) == minutes
    assert [t.fahrenheit for t in step.temperatures if t.kind == "oven"] == oven_f


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Réservez au réfrigérateur pendant au moins 30 minutes avant de servir.", (30.0, None)),
        ("Mindestens 2 Stunden kalt stellen.", (120.0, None)),
        ("Deje reposar al menos 1 hora.", (60.0, None)),
        ("Laat minstens 10 minuten rusten.", (10.0, None)),
        ("Lasciate riposare almeno 20 minuti.", (20.0, None)),
    ],
)
def test_at_least_in_other_languages_is_open_ended(
    text: str, minutes: tuple[float, float | None]
) -> None:
    step = _step(text)
    assert step.time is not None
    assert (step.time.min_minutes, step.time.max_minutes) == minutes


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        # a short chill in an airtight container is a wait, not storage
        (
            "Transfer the dough to an airtight container and chill it for 30-45 minutes.",
            (30.0, 45.0),
        ),
        ("Store in an airtight container for up to 5 days.", None),
        # advice among the steps is not the step's time
        (
            "Cover the meat. Let it sit for another 15-30 minutes. Tip: I would allow 30 "
            "minutes per side if time allows.",
            (15.0, 30.0),
        ),
    ],
)
def test_short_waits_in_containers_and_advice(
    text: str, minutes: tuple[float, float] | None
) -> None:
    step = _step(text)
    assert (step.time and (step.time.min_minutes, step.time.max_minutes)) == minutes


@pytest.mark.parametrize(
    ("text", "equipment"),
    [
        ("Coloque no copo o azeite e aqueça 3 min/Varoma/vel ½", ["thermomix"]),
        ("Adicione o tomate e refogue 5 min/Varoma/vel ½", ["thermomix"]),
        ("Opvarm olie i en stor gryde og svits kyllingen et par minutter.", ["pot", "stove"]),
        (
            "A habtejszínt öntsük lábasba és melegítsük fel a cukorral együtt.",
            ["saucepan", "stove"],
        ),
        # "just" is no jus: nothing here is heated on the stove
        ("Press a few chocolate chips into the warm soft cookie just slightly.", []),
    ],
)
def test_machines_pans_and_heating_in_other_languages(text: str, equipment: list[str]) -> None:
    assert _step(text).equipment == equipment


def test_searing_after_the_grill_is_heated_stays_on_the_grill() -> None:
    steps = understand_steps(
        [
            ("Preheat the grill to high heat.", None),
            ("Sear the steaks over high heat for about 2 minutes per side.", None),
        ]
    )
    assert steps[1].equipment == ["grill"]


def test_stirring_on_for_another_minute_stays_on_the_stove() -> None:
    steps = understand_steps(
        [
            ("Heat the oil in a large skillet over medium heat and add the onion.", None),
            ("Add the oregano and cinnamon and stir for about another minute.", None),
            ("Add the garlic and stir constantly until aromatic, 30-60 seconds.", None),
        ]
    )
    assert [s.equipment for s in steps][1:] == [["stove"], ["stove"]]


@pytest.mark.parametrize(
    ("text", "equipment"),
    [
        ("Bake 8-9 minutes, rotating sheets half way through baking.", ["baking sheet", "oven"]),
        ("Place the tray into the oven for 30-35 minutes.", ["baking sheet", "oven"]),
        ("Lay a sheet of parchment on the counter and roll the dough.", ["parchment paper"]),
        ("Cover with a sheet of foil and bake 20 minutes.", ["aluminum foil", "oven"]),
        ("Grease and line 3 x 20cm round, loosebottomed sandwich tins.", ["cake tin"]),
        ("Put the tray in the fridge.", ["refrigerator"]),
    ],
)
def test_sheets_trays_and_sandwich_tins(text: str, equipment: list[str]) -> None:
    assert _step(text).equipment == equipment


def test_advice_among_the_steps_is_neither_work_nor_waiting() -> None:
    text = "Prepare your smoker at 275 degrees. We recommend hickory wood for this smoke."
    assert _step(text).attention == "passive"


@pytest.mark.parametrize(
    "text",
    [
        "Chill the salad for about 20 minutes.",
        "Chill before serving (or serve over ice).",
        "Pisk mælken i dejen, og sæt den på køl i 20-30 minutter.",
        "Sett potetsalaten kjølig et par timer før servering.",
    ],
)
def test_chilled_in_the_fridge(text: str) -> None:
    assert "refrigerator" in _step(text).equipment


def test_chilled_glasses_are_no_fridge() -> None:
    assert _step("Pour into chilled glasses.").equipment == ["glass"]
