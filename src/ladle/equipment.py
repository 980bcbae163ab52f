"""The equipment a step names or plainly needs, under one canonical name each."""

from __future__ import annotations

import re

__all__ = ["EQUIPMENT", "HEAT_APPLIANCES", "equipment_in", "without_equipment"]

# canonical name: the ways recipes write it (lowercase; plural forms are matched too).
EQUIPMENT: dict[str, tuple[str, ...]] = {
    "air fryer": ("air fryer", "air-fryer", "airfryer"),
    "dutch oven": ("dutch oven", "cast iron pot", "cast-iron pot", "casserole pot"),
    "slow cooker": ("slow cooker", "crock pot", "crockpot", "crock-pot"),
    "pressure cooker": ("pressure cooker", "instant pot", "instant-pot", "multicooker"),
    "microwave": ("microwave", "microwave oven"),
    "toaster oven": ("toaster oven",),
    "oven": ("oven",),
    "stove": ("stove", "stovetop", "stove top", "hob", "cooktop", "burner"),
    "grill": ("grill", "barbecue", "bbq"),
    "grill pan": ("grill pan", "griddle pan", "griddle"),
    "wire rack": ("wire rack", "cooling rack", "roasting rack", "oven rack", "rack"),
    "baking sheet": (
        "baking sheet",
        "baking tray",
        "sheet pan",
        "cookie sheet",
        "oven tray",
        "rimmed baking sheet",
        "lined baking sheet",
        "lined baking tray",
    ),
    "roasting tray": ("roasting tray", "roasting pan", "roasting tin", "roaster"),
    "baking dish": (
        "baking dish",
        "casserole dish",
        "ovenproof dish",
        "gratin dish",
        "oven-proof dish",
        "pie dish",
        "pie plate",
    ),
    "cake tin": (
        "cake tin",
        "cake pan",
        "springform pan",
        "springform tin",
        "loaf pan",
        "loaf tin",
        "muffin tin",
        "muffin pan",
        "tart tin",
        "bundt pan",
    ),
    "skillet": ("skillet", "frying pan", "fry pan", "sauté pan", "saute pan", "wok"),
    "saucepan": ("saucepan", "sauce pan"),
    "pot": ("pot", "stockpot", "stock pot", "large pot"),
    "pan": ("pan",),
    "deep fryer": ("deep fryer", "deep-fryer", "deep fat fryer"),
    "meat thermometer": (
        "meat thermometer",
        "instant-read thermometer",
        "instant read thermometer",
        "probe thermometer",
        "thermometer",
    ),
    "refrigerator": ("refrigerator", "fridge"),
    "freezer": ("freezer",),
    "mixing bowl": ("mixing bowl", "bowl"),
    "whisk": ("whisk",),  # the noun only: see _VERB_LIKE
    "knife": ("sharp knife", "knife", "cleaver"),
    "cutting board": ("cutting board", "chopping board"),
    "blender": ("blender", "stick blender", "immersion blender", "hand blender"),
    "food processor": ("food processor",),
    "stand mixer": ("stand mixer", "electric mixer", "hand mixer", "mixer"),
    "paper towels": ("paper towels", "paper towel", "kitchen paper", "kitchen towel"),
    "aluminum foil": ("aluminum foil", "aluminium foil", "foil", "tin foil"),
    "parchment paper": (
        "parchment paper",
        "baking parchment",
        "baking paper",
        "parchment",
        "greaseproof paper",
    ),
    "airtight container": ("airtight container", "airtight containers"),
    "pastry brush": ("pastry brush", "basting brush"),
    "tongs": ("tongs",),
    "spatula": ("spatula",),
    "sieve": ("sieve", "strainer", "colander"),
    "grater": ("grater", "microplane", "zester"),
    "rolling pin": ("rolling pin",),
    "skewers": ("skewer", "skewers"),
}
_EQUIPMENT_PATTERN = re.compile(
    r"\b(?P<name>"
    + "|".join(
        re.escape(spelling).replace(r"\ ", r"[\s-]+")
        for spelling in sorted(
            (s for spellings in EQUIPMENT.values() for s in spellings), key=len, reverse=True
        )
    )
    + r")(?:e?s)?\b",
    re.I,
)
_EQUIPMENT_BY_SPELLING = {
    spelling: name for name, spellings in EQUIPMENT.items() for spelling in spellings
}
# Verbs that name their appliance: "refrigerate" needs a refrigerator.
_IMPLIED_EQUIPMENT: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:refrigerat\w*|chill(?:ed|ing)?\s+(?:(?:it|them)\s+)?(?:for|overnight|until|in))\b",
            re.I,
        ),
        "refrigerator",
    ),
    (re.compile(r"\bfreez(?:e|ing)\b", re.I), "freezer"),
    (re.compile(r"\bair[-\s]?fr(?:y|ied|ying)\b", re.I), "air fryer"),
    (re.compile(r"\bmicrowave\w*\b", re.I), "microwave"),
    (
        re.compile(
            r"\bover\s+(?:a\s+)?(?:very\s+)?(?:low|medium|high|moderate|gentle)(?:[-\s]+(?:low|high))?"
            r"\s+heat\b",
            re.I,
        ),
        "stove",
    ),
)
# Appliances that heat: a step with an oven temperature and none of these uses the oven.
HEAT_APPLIANCES = frozenset(
    {
        "oven",
        "air fryer",
        "grill",
        "toaster oven",
        "slow cooker",
        "pressure cooker",
        "microwave",
        "deep fryer",
        "dutch oven",
    }
)
_OVEN_VERBS = re.compile(r"\b(?:preheat\w*|roast|bake|broil)\b", re.I)
_NOT_OVEN_HEAT = (
    "air fryer",
    "grill",
    "slow cooker",
    "pressure cooker",
    "microwave",
    "toaster oven",
    "dutch oven",
    "skillet",
    "stove",
    "grill pan",
)


# Tools whose names are also verbs ("Whisk until smooth"): counted only after a determiner.
_VERB_LIKE = frozenset({"whisk", "grill", "sieve", "microwave", "skewer", "strainer", "grater"})
_DETERMINER = re.compile(
    r"\b(?:a|an|the|your|on|in|into|onto|over|under|with|hot|large|medium|small|preheated|"
    r"clean|fine|fine-mesh|wire|balloon|prepared|oiled|greased)\s+$",
    re.I,
)


def equipment_in(text: str) -> list[str]:
    """The equipment a step names or plainly needs, canonical names in order of mention."""
    found: list[tuple[int, str]] = []
    for match in _EQUIPMENT_PATTERN.finditer(text):
        word = match.group("name").lower()
        if word in _VERB_LIKE and not _DETERMINER.search(
            text[max(0, match.start() - 20) : match.start()]
        ):
            continue
        spelling = " ".join(match.group("name").lower().replace("-", " ").split())
        name = _EQUIPMENT_BY_SPELLING.get(spelling) or _EQUIPMENT_BY_SPELLING.get(
            match.group("name").lower(), spelling
        )
        if name == "pan" and re.search(r"\bpan[-\s]?(?:sear|fr[yi])", text[match.start() :], re.I):
            continue
        found.append((match.start(), name))
    for pattern, name in _IMPLIED_EQUIPMENT:
        implied = pattern.search(text)
        if implied:
            found.append((implied.start(), name))
    names = [name for _, name in sorted(found)]
    oven_verb = _OVEN_VERBS.search(text)
    if oven_verb and "oven" not in names and not any(n in names for n in _NOT_OVEN_HEAT):
        names.append("oven")
    return list(dict.fromkeys(names))


def without_equipment(text: str) -> str:
    """The text with equipment names blanked out: "baking sheet" must not read as baking soda."""
    return _EQUIPMENT_PATTERN.sub(lambda m: " " * len(m.group(0)), text)
