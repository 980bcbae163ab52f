"""What earlier steps of a recipe set up, so a later step can lean on it: the pans named
("the pan" is the frying pan named before) and the heat the food is still on."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from ladle.equipment import _OVEN_VERBS, EQUIPMENT, HEAT_APPLIANCES, STOVE_VESSELS
from ladle.hob import OFF_THE_HEAT, STOVETOP, before_off
from ladle.words import alternation

__all__ = ["Surroundings"]

# "the pan" after a step that named the frying pan is that frying pan; "a pan" is a new one
_INDEFINITE_PAN = re.compile(
    r"\b(?:a|an|another|een|eine[nm]?|une?|una?|uma?|ett?)\s+(?:[\w-]+\s+){0,2}?pans?\b", re.I
)
_ANY_PAN = re.compile(r"\bpans?\b", re.I)
# Cooking on in the same heat: "cook for another 5 minutes", "bak 2 minuten mee", "fry until
# golden" after a step on the stove is still on the stove.
_COOKS_ON = re.compile(
    r"(?<!\bthe\s)(?<!\ba\s)\b(?:cook|cooks|(?:continue|keep)\s+cooking|fry|frying|"
    r"bak|bakken|cozinh\w*|cocin\w*|cuoc\w*|cuire|gotuj\w*|"
    # stirred on for a time, cooking continued, in any language
    r"stir(?:ring)?\s+(?:\w+\s+){0,3}?for\s+(?:about\s+|another\s+|a\s+further\s+)?\d|"
    r"stir(?:ring)?\s+(?:\w+\s+){0,3}?for\s+(?:about\s+)?(?:another|a\s+further|one\s+more)\s+"
    r"(?:minute|min)|"
    r"(?:continue|keep)\s+(?:stirring|whisking)|continu\w*\s+mexendo|"
    r"(?:poursui|prolong)\w*\s+(?:la\s+)?cuisson|continu\w*\s+(?:la\s+)?cuisson|weiter\s+(?:garen|kochen|"
    r"k[öo]cheln|braten|schmoren)|verder\s+(?:koken|bakken|garen|stoven)|prosegu\w*\s+(?:la\s+)?"
    r"cottura|(?:siga|sigue|seguir|continu\w*)\s+cocinando)\b",
    re.I,
)
# What "the pan" can be: any pan named before (a pot is not called a pan), the one that went
# where this step is, in the oven or on the stove, when it says.
_OVEN_VESSELS = frozenset({"cake tin", "baking sheet", "roasting tray", "baking dish", "pizza pan"})
_HOB_VESSELS = frozenset({"skillet", "saucepan", "grill pan", "griddle", "dutch oven"})
_IN_THE_OVEN = re.compile(r"\b(?:oven|bak(?:e|es|ed|ing)|roast\w*|broil\w*)\b", re.I)
_ON_THE_HOB = re.compile(r"\bheat\b", re.I)
# Food still changing on the heat: "stir in the flour until lightly browned", "until wilted",
# "when the sugar starts to caramelize" after a step on the stove is still on it.
_STILL_COOKING = re.compile(
    r"\buntil\s+(?:\w+\s+){0,4}?(?:browned|golden|thicken\w*|wilt\w*|melt\w*|reduc\w*|"
    r"bubbl\w*|heated|warm(?:ed)?|soft(?:en\w*)?\b(?!-)|tender|cooked|crisp\w*|evaporat\w*|translucent|"
    r"fragrant|aromatic|boil\w*|simmer\w*|absorbed)\b|\bcarameli[sz](?:e|es|ing)\b|\bheat(?:ed)?\s+through\b|"
    # the same in other languages: "até que a carne esteja dourada", "bis sie goldbraun sind"
    r"\b(?:até|hasta|jusqu'à|bis|tot|finché|fino\s+a|tills|indtil|til|do)\b[^.;]{0,40}?\b(?:"
    r"dourad\w*|dorad\w*|dor[ée]e?s?|goldbraun|goldgelb|goudbruin|goudgeel|dorat\w*|gyllen\w*|"
    r"[ée]paiss\w*|espes\w*|eindick\w*|ingedikt|glazig|transl[úu]cid\w*|fondu\w*|derret\w*|"
    r"geschmolzen|gesmolten|sciolt\w*|tendre|tierno|weich|gaar|macio|morbid\w*|tenero)\b",
    re.I,
)
_ON_THE_HEAT_AGAIN = re.compile(
    r"\b(?:return\w*\s+(?:\w+\s+){0,3}?to\s+the\s+heat|over\s+\w+\s+heat|back\s+on\s+the\s+heat)\b",
    re.I,
)


# Heats that hold the food over several steps: a later "Cook on high for 4 hours" is the slow
# cooker the beef went into, "Faire revenir …" the pressure cooker whose pot the oil went into,
# "sear 2 minutes per side" the grill heated the step before.
_COOKERS = frozenset({"slow cooker", "pressure cooker", "grill"})
# (pressure cooking and its releases name the pressure cooker in the step itself: equipment)
_COOKER_SET = re.compile(
    r"\b(?:on|at)\s+(?:high|low)\b(?!\s+heat)|\b(?:high|low)\s+(?:for\s+\d|\d)|"
    r"\b(?:manual\s+(?:mode|setting|button)|release\s+(?:the\s+)?(?:pressure|steam)|"
    r"keep[-\s]warm|sous\s+pression)\b",
    re.I,
)
# the stove itself named ("on the hob"), not only cooked on
_STOVE_NAMED = re.compile(rf"\b{alternation(EQUIPMENT['stove'])}\b", re.I)
_THE_POT = re.compile(r"\b(?:the|this|that)\s+pot\b", re.I)
_MACHINES = frozenset({"stand mixer", "blender", "food processor", "immersion blender"})
# Machines that blend: "Blend until smooth" is done in the one an earlier step filled (and
# "process again" in the ice cream machine that processes a frozen pint)
_BLENDERS = frozenset(
    {"blender", "food processor", "immersion blender", "thermomix", "ice cream maker"}
)
# Blending said as an order, with no machine named: "Blend until smooth.", "Purée the onions
# with ¼ cup water", "Pulse to combine", "Process until finely ground" (not "blend in the
# flour", "blend together", "the process")
_BLEND_ORDER = re.compile(
    r"(?:^|[.;:!]\s+|\b(?:then|and|next,?)\s+)(?P<verb>blend|pur[eé]e|blitz|liquidi[sz]e|pulse|"
    r"process)\b(?!\s+(?:in|into|together|well)\b)(?![^.;]*\btogether\b)"
    # mixed only: "blend until just combined"
    r"(?!\s+until\s+(?:just\s+|well\s+|fully\s+)?(?:combined|incorporated|mixed|blended)\b)"
    r"(?=\s+(?:until|for|to|on|the|it|them|everything|all|again|briefly|\d|[a-z]+\s+(?:and|with|"
    r"until))|\s*[.,])",
    re.I,
)


class Surroundings:
    """What earlier steps of a recipe set up, so a later step can lean on it: the pans named
    ("the pan" is the frying pan named before) and the heat the food is on."""

    def __init__(self) -> None:
        self.pans: dict[str, str] = {}  # "oven", "stove" and "any": the latest pan of each
        self.heat: str | None = None
        self.blenders: list[str] = []  # the blending machines the latest step that named one

    def _pan(self, text: str, names: list[str]) -> str | None:
        hob = STOVETOP.search(text) or _ON_THE_HOB.search(text)
        if "stove" in names or (hob and not _IN_THE_OVEN.search(text)):
            latest = self.pans.get("any")  # a pan heated is no sheet or tin of the oven
            heated = _ON_THE_HOB.search(text) and latest in _OVEN_VESSELS
            return self.pans.get("stove", None if heated else latest)
        if _IN_THE_OVEN.search(text):
            return self.pans.get("oven", self.pans.get("any"))
        return self.pans.get("any")

    def read(self, text: str, names: list[str]) -> list[str]:
        """A step's equipment (``equipment_in``) with what it leans on filled in."""
        names = list(names)
        pan = self._pan(text, names) if "pan" in names else None
        if pan and not all(
            _INDEFINITE_PAN.search(text[: m.end()]) for m in _ANY_PAN.finditer(text)
        ):
            names = list(dict.fromkeys(pan if n == "pan" else n for n in names))
        heats = (HEAT_APPLIANCES - {"dutch oven"} | {"waffle iron"}) & set(names)
        off = OFF_THE_HEAT.search(text)
        if (
            self.heat == "stove"
            and "stove" not in names
            and not heats
            and (_COOKS_ON.search(before_off(text)) or _STILL_COOKING.search(before_off(text)))
            and not _OVEN_VERBS.search(text)
        ):
            names.append("stove")
        names = self._in_the_cooker(text, names, heats)
        names = self._blended(text, names)
        named = [n for n in names if n in _OVEN_VESSELS | _HOB_VESSELS]
        if named:
            self.pans["any"] = named[-1]
            for kind, vessels in (("oven", _OVEN_VESSELS), ("stove", _HOB_VESSELS)):
                of_kind = [n for n in named if n in vessels]
                if of_kind:
                    self.pans[kind] = of_kind[-1]
        elif "pan" in names:
            self.pans = {}  # "a pan": a new one
        if "stove" in names:
            self.heat = "stove"
        elif heats:
            self.heat = sorted(heats)[0]
        if off and self.heat == "stove" and not _ON_THE_HEAT_AGAIN.search(text, off.end()):
            self.heat = None  # the food came off the heat
        elif "stove" not in names and {"refrigerator", "freezer", "ice cream maker"} & set(names):
            self.heat = None  # chilled: whatever comes next starts cold
        return names

    def _blended(self, text: str, names: list[str]) -> list[str]:
        """Blending ordered with no machine named is done in the one named before, else in a
        blender ("pulse" and "process" in a food processor)."""
        named = [n for n in names if n in _BLENDERS]
        if named:
            self.blenders = named
            return names
        order = _BLEND_ORDER.search(text)
        if order is None or "stand mixer" in names:
            return names
        verb = order.group("verb").lower()
        if verb in {"pulse", "process"}:
            return [*names, *(self.blenders or ["food processor"])]
        return [*names, *([n for n in self.blenders if n != "ice cream maker"] or ["blender"])]

    def _in_the_cooker(self, text: str, names: list[str], heats: AbstractSet[str]) -> list[str]:
        """A step that goes on in the cooker an earlier step filled: set to high or low,
        browning in a pressure cooker's pot with no pan or hob named, searing on the grill."""
        cooker = self.heat
        if cooker not in _COOKERS or heats or "oven" in names or _MACHINES & set(names):
            return names
        vessels = STOVE_VESSELS & set(names)
        if (
            cooker == "pressure cooker"
            and ("stove" in names or vessels)
            and vessels <= {"pot"}
            and (not vessels or _THE_POT.search(text))
            and not _STOVE_NAMED.search(text)
        ):  # "return the chicken to the pot": the cooker's own pot
            return list(dict.fromkeys(cooker if n in {"stove", "pot"} else n for n in names))
        if "stove" in names:
            if cooker == "grill" and not vessels and not _STOVE_NAMED.search(text):
                return [cooker if n == "stove" else n for n in names]  # seared on the grill
            return names
        if cooker == "grill":
            return names
        if _COOKER_SET.search(text):
            return [*names, cooker]
        return names
