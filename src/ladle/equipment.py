"""The equipment a step names or plainly needs, under one canonical name each."""

from __future__ import annotations

import re

__all__ = ["EQUIPMENT", "HEAT_APPLIANCES", "equipment_in", "without_equipment"]

# canonical name: the ways recipes write it (lowercase; plural forms are matched too).
EQUIPMENT: dict[str, tuple[str, ...]] = {
    "air fryer": ("air fryer", "air-fryer", "airfryer"),
    "dutch oven": (
        "dutch oven",
        "cast iron pot",
        "cast-iron pot",
        "casserole pot",
        "braisière",
        "cocotte",
        "stoofpan",
        "bräter",
    ),
    "slow cooker": ("slow cooker", "crock pot", "crockpot", "crock-pot"),
    "pressure cooker": ("pressure cooker", "instant pot", "instant-pot", "multicooker"),
    "microwave": ("microwave", "microwave oven"),
    "toaster oven": ("toaster oven",),
    "oven": (
        "oven",
        "broiler",
        "backofen",
        "ofen",
        "horno",
        "forno",
        "ugn",
        "ugnen",
        "au four",
        "du four",
        "le four",
    ),
    "smoker": ("smoker",),
    "blowtorch": ("blowtorch", "blow torch", "kitchen torch", "cook's torch"),
    "steamer": ("steamer", "steamer basket", "steaming basket"),
    "stove": (
        "stove",
        "stovetop",
        "stove top",
        "hob",
        "cooktop",
        "burner",
        "herd",
        "fornuis",
        "spis",
        "fogão",
        "fogao",
    ),
    "grill": ("grill", "barbecue", "bbq", "churrasqueira", "parrilla"),
    "grill pan": ("grill pan", "griddle pan", "griddle"),
    "wire rack": ("wire rack", "cooling rack", "roasting rack", "oven rack", "rack"),
    "baking sheet": (
        "baking sheet",
        "backblech",
        "bakplaat",
        "plaque de cuisson",
        "bandeja",
        "teglia",
        "plåt",
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
        "baking pan",
        "round pan",
        "square pan",
        "bakvorm",
        "springvorm",
        "springform",
        "backform",
        "molde",
        "forma",
        "stampo",
        "bakform",
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
    "skillet": (
        "skillet",
        "frying pan",
        "fry pan",
        "sauté pan",
        "saute pan",
        "wok",
        "pfanne",
        "koekenpan",
        "poêle",
        "sartén",
        "sarten",
        "padella",
        "frigideira",
        "stekpanna",
    ),
    "saucepan": (
        "saucepan",
        "sauce pan",
        "steelpan",
        "kastrull",
        "cazo",
        "pentolino",
        "kochtopf",
        "casserole pan",
    ),
    "pot": (
        "pot",
        "stockpot",
        "stock pot",
        "large pot",
        "topf",
        "kookpot",
        "olla",
        "pentola",
        "panela",
        "faitout",
        "gryta",
    ),
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
    "mixing bowl": (
        "mixing bowl",
        "bowl",
        "schüssel",
        "kom",
        "saladier",
        "bol",
        "ciotola",
        "tigela",
        "bunke",
        "skål",
    ),
    "ramekin": ("ramekin",),
    "lid": ("lid",),
    "slotted spoon": ("slotted spoon",),
    "bench scraper": ("bench scraper", "dough scraper", "bench knife"),
    "cookie cutter": ("cookie cutter", "biscuit cutter"),
    "potato masher": ("potato masher", "masher"),
    "food mill": ("food mill",),
    "towel": ("tea towel", "dish towel", "clean towel", "towel"),
    "serving platter": ("serving platter", "platter"),
    "whisk": ("whisk",),  # the noun only: see _VERB_LIKE
    "knife": ("sharp knife", "knife", "cleaver"),
    "cutting board": ("cutting board", "chopping board"),
    "blender": (
        "blender",
        "stick blender",
        "immersion blender",
        "hand blender",
        "staafmixer",
        "pürierstab",
        "mixeur",
        "liquidificador",
        "frullatore",
        "licuadora",
    ),
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
    "plastic wrap": ("plastic wrap", "cling film", "clingfilm", "cling wrap", "saran wrap"),
    "piping bag": ("piping bag", "pastry bag"),
    "ice cream maker": ("ice cream maker", "ice-cream maker", "ice cream machine"),
    "waffle iron": ("waffle iron", "waffle maker"),
    "mortar and pestle": ("mortar and pestle", "pestle and mortar"),
    "pastry brush": ("pastry brush", "basting brush"),
    "tongs": ("tongs",),
    "spatula": ("spatula",),
    "sieve": (
        "sieve",
        "strainer",
        "colander",
        "zeef",
        "vergiet",
        "sieb",
        "passoire",
        "colador",
        "scolapasta",
        "peneira",
        "durkslag",
        "sil",
    ),
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
    + r")(?:e?s)?\b"
    + r"(?!\s+(?:sauce|seasoning|rub|spice|chips|flavou?r|dressing|marinade|glaze))",
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
            r"\b(?:high|low)\s+pressure\b|\bpressure[-\s]cook\w*|\b(?:natural(?:ly)?|quick)[-\s]"
            r"releas\w*|\bsealing\s+position\b|\bventing\s+position\b",
            re.I,
        ),
        "pressure cooker",
    ),
    (
        re.compile(
            r"\bon\s+(?:high|low)\s+(?:setting\s+)?for\s+[\d½¼¾.\s–-]+(?:to\s+\d+\s+)?hours?\b",
            re.I,
        ),
        "slow cooker",
    ),
    (
        re.compile(
            r"\bover\s+(?:a\s+)?(?:very\s+)?(?:low|medium|high|moderate|gentle)(?:[-\s]+(?:low|high))?"
            r"\s+heat\b",
            re.I,
        ),
        "stove",
    ),
)
# Cooking on the hob, said by the verb alone ("simmer for 20 minutes", "bring to a boil"):
# the stove, unless the step names another heat (a slow cooker simmers too).
_STOVETOP = re.compile(
    r"\b(?:simmer\w*|(?:bring|return)\w*\b[^.;]{0,40}?\bto\s+(?:a|the)\s+(?:\w+\s+)?boil|"
    r"boil(?:s|ed)?\b(?!\s+water)|boiling\b(?!\s+water)|saut[eé]\w*|pan[-\s]?fr\w*|"
    r"stir[-\s]?fr\w*|sear(?:s|ed|ing)?\b|(?<!air\s)(?<!air-)(?<!deep\s)(?<!deep-)"
    r"\bfry(?:ing)?\b(?!\s*pan)|reduce\s+the\s+heat|on\s+the\s+(?:stove|hob)|blanch\w*|"
    r"poach\w*|(?:low|medium|high)[-\s]+heat|"
    r"\bon\s+(?:med(?:ium)?|low|high)(?:[-\s](?:low|high))?\b(?!\s+(?:speed|pressure|power))|"
    # the same in other languages: bring to the boil, simmer, fry gently
    r"aan\s+de\s+kook|laten\s+koken|zachtjes\s+koken|fruit\w*\s+(?:\w+\s+){0,4}aan|"
    r"köcheln|aufkochen|anbraten|anschwitzen|dünsten|zum\s+kochen|"
    r"faire\s+revenir|faire\s+bouillir|ébullition|mijot\w*|"
    r"hervir|sofre[íi]r|fre[íi]r|rehogar|soffrigg\w*|rosolare|bollire|ebollizione|"
    r"ferver|fervura|refogar|fritar|dourar|koka\s+upp|fräs\w*|sjud\w*)",
    re.I,
)

_SPEED = re.compile(r"\b(?:low|medium|high|medium[-\s](?:low|high)|top|full)\s+speed\b", re.I)
_PANS = frozenset(
    {"pan", "cake tin", "skillet", "saucepan", "grill pan", "baking sheet", "roasting tray",
     "baking dish", "dutch oven", "pot"}
)  # fmt: skip
_MIXER_BOWL = re.compile(r"\bbowl\s+of\s+(?:a|an|the|your)\s+(?:\w+\s+)?mixer\b", re.I)

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
        "smoker",
        "blowtorch",
    }
)
_OVEN_VERBS = re.compile(r"\b(?:preheat\w*|roast|bake|broil)\b", re.I)
_NOT_OVEN_HEAT = (
    "air fryer",
    "grill",
    "smoker",
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
        if name == "oven" and re.match(r"[-\s]?(?:safe|proof)", text[match.end() :], re.I):
            continue  # "an oven-safe skillet" is a skillet
        if name == "pan" and re.search(r"\bpan[-\s]?(?:sear|fr[yi])", text[match.start() :], re.I):
            continue
        found.append((match.start(), name))
    for pattern, name in _IMPLIED_EQUIPMENT:
        implied = pattern.search(text)
        if implied:
            found.append((implied.start(), name))
    stovetop = _STOVETOP.search(text)
    names = [name for _, name in sorted(found)]
    if _SPEED.search(text) and not {"blender", "food processor", "stand mixer"} & set(names):
        names.append("stand mixer")  # "beat on medium speed"
    if len(set(names) & _PANS) > 1 and "pan" in names:
        names.remove("pan")  # "the pans" are the cake pans the step named
    if "mixing bowl" in names and _MIXER_BOWL.search(text) and text.lower().count("bowl") == 1:
        names.remove("mixing bowl")  # "the bowl of a stand mixer" is the mixer's
    # the verb alone means the stove unless another heat is named (a dutch oven is a pot)
    if stovetop and "stove" not in names and not (HEAT_APPLIANCES - {"dutch oven"}) & set(names):
        names.append("stove")
    oven_verb = _OVEN_VERBS.search(text)
    if oven_verb and "oven" not in names and not any(n in names for n in _NOT_OVEN_HEAT):
        names.append("oven")
    return list(dict.fromkeys(names))


def without_equipment(text: str) -> str:
    """The text with equipment names blanked out: "baking sheet" must not read as baking soda."""
    return _EQUIPMENT_PATTERN.sub(lambda m: " " * len(m.group(0)), text)
