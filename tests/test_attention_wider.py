"""Attention read more widely (issue 11, third round): preheating said many ways, food left
in water or to the packet's time, a sentence that only tells how the food is. Each case is a
sentence written for ladle in the shape met on development pages."""

from __future__ import annotations

import pytest

from ladle.model import Ingredient
from ladle.steps import understand_steps


def _attention(text: str) -> str:
    return understand_steps([(text, None)], list[Ingredient]())[0].attention


@pytest.mark.parametrize(
    "text",
    [
        "First, preheat oven to 400 degrees Fahrenheit.",
        "Arrange a rack in the middle of your oven and preheat it to 375°F.",
        "Adjust oven rack to middle position and reduce oven heat to 350ºF.",
        "Arrange oven rack in the middle of the oven.",
        "Pré aqueça sua fritadeira elétrica a 200º C por 5 minutos;",
        "Sätt ugnen på 175° eller 160° varmluft.",
        "Prepare a water bath canner.",
        "In a large pot, start a pot of salted water to cook the pasta.",
        "Kook de ravioli in ruim water met zout.",
        "Cook the macaroni following package directions.",
        "Faire bouillir les pommes de terre dans une casserole d'eau salée.",
        "Heat over low heat until it reaches 100°C; do not stir.",
        "Heat a non-stick pan at high heat.",
        "The pudding is ready when it has risen and is springy to the touch.",
        "Ajouter le lait dans le Thermomix. Cuire 8 min/90°C/vitesse 4.",
        "Churn the cold base in your ice cream maker for about 20 minutes.",
        "Aggiungere la carne e il vino: 5 min. 120° vel. 1.",
        "Kook de pasta volgens de instructies op de verpakking.",
        "Breng een ruime pot gezouten water aan de kook voor de pasta.",
        "Heat a large skillet over medium-high heat for 3 minutes.",
        "Preheat oven to 400℉ and set aside a non stick 13x10 sheet pan.",
        "Cookies stay fresh covered at room temperature for up to 1 week.",
        "Fırını 200 dereceye ayarlayın.",
        "Place the sandwich in the press and cook for 3-4 minutes.",
        "Sous vide for 2 hours.",
        "Dehydrate for 8 hours.",
        "Bag i ovnen i 25 minutter.",
    ],
)
def test_waiting_steps(text: str) -> None:
    assert _attention(text) == "passive"


@pytest.mark.parametrize(
    "text",
    [
        "Preheat the oven to 350°F. Grease two cake tins and line them with parchment.",
        "Bak de riblappen op hoog vuur rondom bruin.",
        "Fill the mold with rice. Cover with the lid and push down firmly. You should feel a "
        "slight resistance.",
        "Dice the onion and mince the garlic.",
        "In a wok, heat the oil; when hot, drop in the bananas and fry for about 2 minutes.",
        "Breng op smaak met zout en peper.",
    ],
)
def test_busy_steps(text: str) -> None:
    assert _attention(text) == "active"
