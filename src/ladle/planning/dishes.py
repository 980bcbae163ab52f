"""What a cook calls the dishes of a recipe: its title, or the parts of a title that names two.

The planner follows the food each step is about ("pork belly", "carrots") to know what comes
off the heat when; a cook reads the plan by dish. A recipe is one dish, called by its title
("Beef Braised in Red Wine", not "onion" or "bay leaves"), unless its title joins two foods
that are cooked apart ("Honey Mustard Glazed Pork Belly with Roasted Carrots", "Steak with
Shrimp"): then the steps about each food carry that part of the title, and the steps about
neither (the glaze, the sauce) the first part, the main dish.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ladle.words import singular

__all__ = ["called", "dish_labels", "short_title"]

_SITE_TAIL = re.compile(r"\s+[|–—]\s+.*$|\s+-\s+[A-Z][\w .']*$")
_BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_RECIPE_WORD = re.compile(r"\s+(?:recipe|recette|rezept|receta|ricetta|recept|przepis)\b\s*$", re.I)
_JOINS = re.compile(r"\s+(?:with|and|&|plus|served with|over)\s+", re.I)
_MOST = 60


def short_title(title: str) -> str:
    """A recipe's title without the site's name, brackets and a trailing "Recipe"."""
    text = _SITE_TAIL.sub("", title.strip())
    text = _BRACKETS.sub("", text)
    text = _RECIPE_WORD.sub("", text).strip(" :-–,")
    text = re.sub(r"\s+", " ", text) or title.strip() or "recipe"
    if len(text) > _MOST:
        cut = text[:_MOST].rsplit(" ", 1)[0]
        text = cut if cut else text[:_MOST]
    return text


def _words(text: str) -> set[str]:
    return {singular(w) for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if len(w) > 2}


def dish_labels(title: str, foods: Iterable[str], heated: Iterable[str]) -> Mapping[str, str]:
    """The dish each food of a recipe is served as: ``foods`` are what the steps are about,
    ``heated`` those of them with a cooking of their own. Two parts of the title named by two
    foods cooked apart make two dishes; otherwise everything is the one dish of the title."""
    name = short_title(title)
    foods = list(dict.fromkeys(f for f in foods if f))
    cooked = set(heated)
    parts = [p.strip() for p in _JOINS.split(name) if p.strip()]
    matched: dict[str, str] = {}
    for food in foods:
        mine = _words(food)
        if not mine or food not in cooked:
            continue
        for part in parts:
            if mine <= _words(part):
                matched[food] = part
                break
    if len(set(matched.values())) < 2:
        return dict.fromkeys(foods, name)
    main = next(p for p in parts if p in matched.values())
    return {food: matched.get(food, main) for food in foods}


def called(dish: str, food: str) -> str:
    """What a sentence calls a dish: its food when the dish's name says it ("the carrots" of
    "Roasted Carrots", "the pork belly"), else the dish's name (the risotto, not "lemon")."""
    mine = _words(food)
    return food if food and mine and mine <= _words(dish) else dish
