"""The equipment a step names or plainly needs, under one canonical name each."""

from __future__ import annotations

import re

from ladle.bakeware import baking_vessel
from ladle.hob import (
    HEATS_A_PAN,
    HEATS_A_SAUCE,
    ON_THE_HEAT,
    STOVETOP,
    before_off,
)
from ladle.words import alternation, table, word_list

__all__ = [
    "EQUIPMENT",
    "HEAT_APPLIANCES",
    "STOVE_VESSELS",
    "equipment_in",
    "without_cooked_foods",
    "without_equipment",
]

# canonical name: the ways recipes write it (data/words/equipment.toml; lower case; plural
# forms with -s or -es are matched too).
EQUIPMENT: dict[str, tuple[str, ...]] = {
    name: tuple(str(s) for s in spellings)
    for name, spellings in table("equipment")["names"].items()
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
    + r"(?![\s-]+(?:sauce|seasoning|rub|spice|chips|flavou?r|dressing|marinade|glaze))",
    re.I,
)
_EQUIPMENT_BY_SPELLING = {
    spelling: name for name, spellings in EQUIPMENT.items() for spelling in spellings
}
# Verbs that name their appliance: "refrigerate" needs a refrigerator.
_IMPLIED_EQUIPMENT: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:refrigerat(?:e|es|ed|ing)\b|chill(?:ed|ing)?\s+(?:(?:it|them)\s+)?(?:for|overnight|until|in))\b|"
            # "chill the salad for about 20 minutes", "Chill before serving."
            r"\bchill(?:ed|ing)?\s+(?:the|your|this)\s+(?:[\w-]+\s+){0,4}?(?:for\s+(?:about\s+|at\s+least\s+"
            r"|an?\s+|\d)|overnight|until\b)|(?:^|[.!?]\s+)chill\s+(?:before|until|overnight)\b|"
            # Danish and Norwegian "sæt den på køl", "sett potetsalaten kjølig"
            r"\bp[åa]\s+k[øo]l\b|\bkj[øo]lig\b|"
            # in the cold, in other languages: "reposer au frais", "kaltstellen"
            r"\bau\s+frais\b|\bkalt\s?stell\w*|\bkühl\s?stell\w*|"
            # "chill to set", "chill the cake to firm up"
            r"\bchill(?:ed|ing)?\s+(?:(?:it|them|the\s+\w+)\s+)?to\s+(?:set|firm|harden|bring\s+down)\b",
            re.I,
        ),
        "refrigerator",
    ),
    (re.compile(r"\bfreez(?:e|ing)\b", re.I), "freezer"),
    # a timer set or used: "add the pasta and set a timer", "use a kitchen timer"
    (
        re.compile(
            r"\b(?:set|use|start)\w*\s+(?:a|an|the|your)\s+(?:kitchen\s+)?timer\b|\bkitchen\s+timer\b",
            re.I,
        ),
        "timer",
    ),
    # paper cups a muffin pan is lined or filled with: "line a muffin pan with liners"
    (
        re.compile(r"\b(?:with|in|into)\s+(?:(?:paper|cupcake|muffin|the)\s+)?liners\b", re.I),
        "cupcake liner",
    ),
    # "wrap in plastic", "cover the bowl tightly with plastic"
    (
        re.compile(
            r"\b(?:wrap\w*|cover\w*)\s+(?:[\w-]+\s+){0,4}?(?:in|with)\s+(?:a\s+(?:sheet\s+of\s+)?)?"
            r"plastic\b(?![-\s]+(?:bags?|containers?|wrap|film|tubs?|boxe?s?|lids?))",
            re.I,
        ),
        "plastic wrap",
    ),
    (re.compile(r"\bair[-\s]?fr(?:y|ied|ying)\b", re.I), "air fryer"),
    (re.compile(r"\bmicrowave\w*\b", re.I), "microwave"),
    (
        re.compile(
            r"\b(?:high|low)\s+pressure\b|\bpressure[-\s]cook\w*|\b(?:natural(?:ly)?|quick)[-\s]"
            r"releas\w*|\bsealing\s+position\b|\bventing\s+position\b|"
            # a French multicooker's modes: "en mode dorer", "cuisson sous pression"
            r"\bmode\s+dorer\b|\bsous\s+pression\b",
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
    (ON_THE_HEAT, "stove"),
    (re.compile(r"\bchurn\w*\b", re.I), "ice cream maker"),
    (re.compile(r"\bspiraliz(?:e|ed|ing)\b", re.I), "spiralizer"),
    # smoking said by the verb: "Smoke at 225°F for 6 hours", "smoke the ribs until …"
    (
        re.compile(
            r"\bsmok(?:e|es|ed|ing)\s+(?:at\s+\d|for\s+(?:about\s+)?\d|the\s+(?!point\b)\w+|"
            r"them\b|it\s+(?:at|for|until)\b|until\b|over\s+(?:\w+\s+)?wood)",
            re.I,
        ),
        "smoker",
    ),
    # grilling ordered, the food named, in a step with no pan, oven or heat setting: "Grill
    # the sausages 5 minutes a side" (not "grill for 3 minutes", which a Japanese fish grill
    # or a British broiler does too, nor onigiri grilled in a pan on medium-low heat)
    (
        re.compile(
            r"^(?!.*\b(?:pans?|skillet|griddle|oven|broiler|heat)\b).*?(?:^|[.;:!]\s+)(?:\d+\.?\s+)?"
            r"grill\s+(?:the|your|these|those|them|it)\b",
            re.I | re.S,
        ),
        "grill",
    ),
    # a kitchen machine's setting: "3 min/Varoma/vel ½", "18 min/100°C/vel 1", "10 seg/vel 5"
    (
        re.compile(
            r"\d\s*(?:min|seg|sek|sec|s)\w*\.?\s*/\s*(?:\d+\s*[°º]|varoma|vel|vitesse|stufe|temp)|"
            r"/\s*vel(?:ocidade|ocidad|ocità)?\.?\s*(?:\d|½|colher|cuchara|cucchiaio|inversa)|"
            r"\bvaroma\b",
            re.I,
        ),
        "thermomix",
    ),
    # a Thermomix by its settings: "2 min/37°/vel 1", "20 seg/vel 6", "8 Min./100°/Stufe 1"
    (
        re.compile(
            r"\d\s*(?:min|seg|sek|sec|s)\.?\s*/\s*(?:\d+\s*[°º]|vel|velocidad|vitesse|stufe|speed)"
            r"|/\s*(?:vel\.?|velocidad|vitesse|stufe)\s*\d|"
            # Italian: "5 sec. vel. 5", "3 min. 120° vel. 1"
            r"\d\s*(?:min|sec|seg)\.?\s*(?:\d+\s*[°º]\s*)?vel\.?\s*\d|"
            # speeds said in full in Spanish, Portuguese, Italian: "tritura 15 seg. en velocidad 5"
            r"\bvelocidad(?:e)?\s+\d|\bvelocit[àa]\s+\d|"
            # a Bosch Cookit's settings between bars: "(Universalmesser | Stufe 14 | 10 Sek.)"
            r"\|\s*stufe\s+\d+\s*\|",
            re.I,
        ),
        "thermomix",
    ),
    # piping: "pipe rosettes onto the cake", "spritze die Creme", "spuit toefjes"
    (
        re.compile(
            r"\bpip(?:e|ed|ing)\b(?![-\s]+(?:hot|bag))|\bspritze[n]?\b|\bspuit(?:en)?\b", re.I
        ),
        "piping bag",
    ),
    # "the dish" the food goes in or is covered in: "the prepared dish", "a glass dish", "place
    # the dish in the fridge", "cover the whole dish" (not the food: "the dish simmers")
    (
        re.compile(
            r"\b(?:(?:in|into|to|onto|place|put|set|cover|grease|butter|oil|line)\s+(?:the|a|an|your)"
            r"\s+(?:whole\s+|same\s+|large\s+|small\s+)?|(?:prepared|glass|ceramic|greased|"
            r"buttered|oiled|oven-?proof|oven-?safe|heatproof)\s+)dish(?:es)?\b(?!['’])",
            re.I,
        ),
        "baking dish",
    ),
    # a storage container: "store in a covered container", "keep in a sealed container", "a
    # sealable container", "seal the container", "a container with a tight-fitting lid"
    (
        re.compile(
            r"\b(?:covered|sealed|lidded|storage|freezer[-\s]safe)\s+containers?\b|"
            r"\b(?:seal(?:able|ed)?|resealable|lidded|air-?tight)\b[^.;]{0,30}?\bcontainers?\b|"
            r"\bcontainers?\s+with\s+(?:a\s+)?(?:tight[-\s]fitting\s+|sealing\s+)?lid\b|"
            r"\b(?:store|keep)\w*\b[^.;]{0,60}?\b(?:in|into)\s+(?:an?\s+|the\s+|your\s+)?"
            r"(?:[\w-]+\s+){0,2}?containers?\b",
            re.I,
        ),
        "airtight container",
    ),
)
# An electric pressure cooker's own sauté: "select the sauté function", "set to high saute"
_APPLIANCE_SAUTE = re.compile(
    r"\bsaut[eé]\w*\s+(?:function|setting|mode|button|program(?:me)?|feature|option)\b|"
    r"\b(?:high|low|normal|less|more)\s+saut[eé]\b|\bsaut[eé]\s+(?:on|to)\s+(?:high|low|normal)\b|"
    r"\b(?:press|select|set|use|turn\s+(?:on|off)|hit|push|tap|choose)\w*\s+(?:the\s+)?"
    r"(?:[\w\"'“”]+\s+){0,2}?saut[eé]\b",
    re.I,
)
# Appliances with their own lid: closing them uses no lid of the kitchen's.
_OWN_LID = frozenset(
    {"pressure cooker", "slow cooker", "rice cooker", "ice cream maker", "onigiri mold",
     "waffle iron", "panini press", "jar", "thermomix", "food processor", "blender"}
)  # fmt: skip
_LID = r"(?:lids?|deksels?|deckel|couvercle|tapa|coperchio|tampa|pokrywk\w*|l[åa]g|lokk\w*)"
_LIDS = re.compile(rf"\b{_LID}\b", re.I)
# a lid taken off or done without is not used: "remove the lid", "zonder deksel"
_LID_OFF = re.compile(
    r"\b(?:remov\w*|take\w*\s+off|lift\w*(?:\s+off)?|open\w*|without|zonder|ohne|sans|sin|"
    r"senza|sem|retir\w*|enlev\w*|abnehm\w*|haal)\s+(?:(?:the|a|its|de|het|den|le|la|el|il|o|"
    rf"das)\s+)?(?:\w+\s+)?{_LID}\b",
    re.I,
)
# Blending said by the verb: French "mixer", "mixez" (to blend), "blend on low".
_BLEND_VERB = re.compile(
    r"(?:^|[.;:!]\s*|\b(?:puis|et|pour|à|ou)\s+)mix(?:er|ez)\b(?!\s+(?:plongeant|électrique))|"
    r"\bmix(?:é|ée|és|ées|ant)\b|\bblend\w*\s+(?:\w+\s+){0,3}?on\s+(?:low|medium|high)\b",
    re.I,
)
_MIXER_NOUN = re.compile(
    r"\b(?:stand|electric|hand|the|a|an|your|le|au|du|un|ton|votre|de|een|het)\s+mixer\b", re.I
)
# The heat only turned: with an oven in the step, the oven's ("reduce heat to 190C").
_HEAT_TURNED = re.compile(
    r"(?:reduce|lower)\s+(?:the\s+)?heat|turn\w*\s+(?:(?:the\s+)?heat\s+)?(?:down|up)|"
    r"(?:low|medium|high)[-\s]+heat",
    re.I,
)
# Heats that are neither the stove nor an appliance the planner keeps: a sandwich press, a
# waffle iron, a fire.
_OTHER_HEATS = frozenset({"waffle iron", "campfire", "charcoal", "donabe", "kettle"})
STOVE_VESSELS = frozenset(
    {
        "skillet",
        "saucepan",
        "pot",
        "pan",
        "grill pan",
        "griddle",
        "dutch oven",
        "crepe pan",
        "double boiler",
    }
)

_SPEED = re.compile(
    r"\b(?:low|medium|high|medium[-\s](?:low|high)|top|full|slow|fast|first|second)\s+speed\b|"
    r"\b(?:paddle|whisk|flat\s+beater)\s+attachment\b|\bdough\s+hook\b|"
    r"\b(?:lower|reduce|increase|raise|turn\s+(?:up|down))\s+(?:the\s+)?(?:mixer(?:'s)?\s+)?speed\b",
    re.I,
)
# A mixer set to a speed is no stove: "beat on medium", "mix starting on low", "mixer on high".
_MIXER_SETTING = re.compile(
    r"\b(?:(?:mix|beat|whip|cream|knead)\w*|mixer)\s+(?:\w+\s+){0,2}?on\s+(?:med(?:ium)?|low|high|slow|"
    r"fast)"
    r"(?:[-\s](?:low|high))?\b(?!\s+heat)",
    re.I,
)
# "process on high", "blend on low": the machine's setting, no stove and no mixer either
_MACHINE_SETTING = re.compile(
    r"\b(?:process|pulse|blend|pur[eé]e|liquidi[sz]e|blitz)\w*\s+(?:\w+\s+){0,4}?on\s+"
    r"(?:med(?:ium)?|low|high)(?:[-\s](?:low|high))?\b(?!\s+heat)|"
    r"\b(?:blender|processor)\s+(?:\w+\s+){0,2}?on\s+(?:med(?:ium)?|low|high)\b(?!\s+heat)",
    re.I,
)
_PANS = frozenset(
    {"pan", "cake tin", "skillet", "saucepan", "grill pan", "griddle", "baking sheet", "pizza pan",
     "roasting tray",
     "baking dish", "dutch oven", "pot"}
)  # fmt: skip
# "the bowl of a stand mixer", "the food processor bowl": the appliance's, not a mixing bowl
_APPLIANCE_BOWL = re.compile(
    r"\bbowl\s+of\s+(?:a|an|the|your)\s+(?:[\w-]+\s+){0,3}?(?:mixer|food\s+processor|processor|"
    r"blender)\b|"
    r"\b(?:mixer|processor)(?:'s)?\s+bowl\b",
    re.I,
)
# A machine's setting said bare, in a step that names the machine: "on high", "on medium-low"
_A_SETTING = re.compile(r"\bon\s+(?:med(?:ium)?|low|high)(?:[-\s](?:low|high))?\b(?!\s+heat)", re.I)
# a pot of its own, not the saucepan named before: "a large pot", "a stockpot", "another pot"
_A_POT = re.compile(
    r"\b(?:a|an|another|second|separate|one|two|large|big|medium|small|heavy|deep|or)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:pot|stockpot)s?\b|"
    r"\bstock\s?pot\b",
    re.I,
)
# a pot of its own beside a kitchen machine's bowl: "im Kochtopf", "a pot of water"
_A_COOKING_POT = re.compile(r"\b(?:koch|suppen)topf\w*|\bpot\s+of\b", re.I)
# Machines with a bowl of their own: "the bowl" in a step that runs one is the machine's, "a
# bowl" one of the kitchen's.
_OWN_BOWL = frozenset({"stand mixer", "food processor", "thermomix", "ice cream maker", "blender"})
_A_BOWL = re.compile(
    r"\b(?:a|an|another|second|separate|one|two|large|medium|small|big|une?|een|eine[nm]?|ein|"
    r"una?|uma?)\s+(?:[\w-]+\s+){0,2}?(?:bowl|bol|kom|schüssel|saladier|ciotola|tigela)s?\b",
    re.I,
)
# An aside that offers another way or a condition is not what the step uses: "(You can also
# prepare this dough by hand in a bowl.)", "(If you don't want to bake all of it, freeze …)".
_ASIDE = re.compile(
    r"\((?:\s*(?:if|alternatively|see|you\s+(?:can|could|may|might)))\b[^()]*\)", re.I
)
# "(stoof)pan", "(soup) pot": a word with an optional part is the whole word
_OPTIONAL_PART = re.compile(r"\((\w+)\)(?=\w)")

# Appliances that heat: a step with an oven temperature and none of these uses the oven.
HEAT_APPLIANCES = frozenset(
    {
        "oven",
        "air fryer",
        "grill",
        "toaster oven",
        "slow cooker",
        "pressure cooker",
        "rice cooker",
        "sous vide",
        "microwave",
        "deep fryer",
        "dutch oven",
        "smoker",
        "blowtorch",
    }
)
_OVEN_VERBS = re.compile(
    # (baking spoken of as what may or will be: "they will bake right in", "you can bake them")
    r"(?<!\bno\s)(?<!\bno-)(?<!will\s)(?<!can\s)(?<!could\s)(?<!may\s)(?<!might\s)"
    r"(?<!would\s)\b(?:preheat\w*|roast|bake|broil)\b(?![-\s]+time)"
    # (not a pan or oil preheated: "preheat a large nonstick pan", "preheat the oil to 350°F")
    r"(?<!preheat)(?<!preheats)(?<!preheated)(?<!preheating)|"
    r"\bpreheat\w*(?!\s+(?:(?:a|an|the|your|some|about)\s+)?(?:(?:large|small|medium|big|"
    r"heavy|non-?stick|cast[\s-]iron|deep|shallow|frying|vegetable|\d[\d\s/.-]*|inch(?:es)?|cm|"
    r"of)\s+){0,5}(?:pan|skillet|oil|pot|wok|griddle)s?\b)|"
    # the same in other languages: "enfourner", "hornear", "infornare" (data/words/verbs.toml)
    rf"\b{alternation(word_list('verbs', 'oven_bake'))}\w*|"
    # Portuguese "asse por 40 minutos" (a word of its own: French "assez" is no bake)
    r"(?<!')\bass(?:e|em|ar)\b|"
    # Chinese bake, with no word boundaries: "烘烤20分钟", "烤25分钟" (not "烧烤", a barbecue)
    r"烘烤|烘焙|(?<!烧)(?<!燒)烤(?=\s*(?:约|約|大约|大約)?\s*\d)",
    re.I,
)
# baking spoken of, not done: "the night before you plan to bake", "before baking"
_NOT_NOW = re.compile(
    r"(?:\b(?:plan|want|ready|going|intend)\s+to|\bbefore\s+(?:you\s+)?)\s*$", re.I
)
_NOT_OVEN_HEAT = (
    "air fryer",
    "grill",
    "smoker",
    "slow cooker",
    "pressure cooker",
    "rice cooker",
    "sous vide",
    "microwave",
    "toaster oven",
    "dutch oven",
    "skillet",
    "stove",
    "grill pan",
    "griddle",
    "panini press",
    "waffle iron",
)
# Pans that go into the oven: baking or broiling with one of them is the oven's work
_OVENPROOF = frozenset({"skillet", "dutch oven", "pot", "saucepan", "grill pan", "griddle"})
_BAKED_IN_A_PAN = re.compile(
    r"(?<!\bit\s)\b(?:bake|broil)(?:ed|ing)?\b(?![-\s]+(?:time|powder|soda|dish|sheet|pan|paper|tray|mat|"
    r"spray|chips|mix|stone|steel|rack|safe|proof|chocolate))",
    re.I,
)
# Only taken out of it, an appliance is not used: "pull the butter from the refrigerator",
# "remove from the oven and cool".
_TAKEN_FROM = re.compile(
    r"\b(?:from|out\s+of|aus\s+dem|uit\s+de|fuera\s+del|dal|dalla|dallo|ur)\s+(?:the\s+|your\s+)?$|"
    r"\b(?:sort\w*|retir\w*|sorti\w*|nehmen|herausnehmen|haal\w*|ta\s+ut|tire|retire)\s+$|"
    # "Retire do forno", "sortez le gâteau du four", "saca el pan del horno", "tire da forma"
    r"\b(?:retir\w*|sort(?:ez|ir)|saca\w*|tir[ae]\w*)\s+(?:\w+\s+){0,3}?$",
    re.I,
)
_TAKEN_FROM_ONLY = frozenset(
    {"oven", "refrigerator", "freezer", "rice cooker", "sous vide", "mixing bowl"}
)
# "sous vide" before a noun is how a food was cooked ("the sous vide steak"), or a vacuum bag
# ("a sous vide bag"): no bath; before its own parts, a word of the step or nothing, the bath.
_SOUS_VIDE_FOOD = re.compile(
    r"\s+(?!(?:bath|water|machine|cooker|circulator|device|container|pot|setting|mode|at|to|"
    r"for|until|in|into|on|and|or|with|from|by|the|a|an|it|them|about|overnight|then|while|"
    r"according|per|is|was|will|should|reach\w*|has|comes?|set|heat\w*|cook\w*)\b)[^\W\d_]",
    re.I,
)
# A rack placed in the oven is the oven's: "position a rack in the lower third of the oven".
_OVEN_RACK = re.compile(
    r"^[^.;]{0,50}\b(?:oven|ofen|four|horno|forno)\b|"
    r"^\s*(?:in\s+the\s+)?(?:upper|lower|middle|center|centre|top|bottom)\b",
    re.I,
)
_RACK_SETTING = re.compile(
    r"\b(?:position|arrange|adjust|set|move|place)\w*\s+(?:(?:the|a|an|your|two|both|an?\s+oven)"
    r"\s+)*$|\b(?:upper|lower|middle|center|centre|top|bottom)(?:[-\s]+third)?\s+$",
    re.I,
)
# "chicken stock pot" is a food
_STOCK_POT_FOOD = re.compile(
    r"\b(?:chicken|beef|vegetable|veg|fish|lamb|pork|ham|mushroom|herb)\s+$", re.I
)
_OVEN_SAFE_BEFORE = re.compile(
    r"\b(?:allant|aller|va|passant)\s+$|\bapt[oa]s?\s+(?:para\s+)?(?:el\s+)?$", re.I
)
# Tools counted only when the step uses them: "with a fork", "using the back of a spoon".
_USED_WITH = re.compile(
    r"\b(?:with|using|use|avec|mit|met|con|com|med|με|à\s+l'aide\s+d')\s*(?:(?:a|an|the|your|back|tines|two|2|"
    r"prongs|of|clean|large|small|metal|soup|une?|einer|einem|een|una?|uma?|en|ett|la|le|ένα|"
    r"tea|table|dessert|serving)\s+){0,5}$",
    re.I,
)
_USED_TOOLS = frozenset({"spoon", "fork"})
# A jar something goes into, not a jar of something: "place the starter in a jar".
_INTO_JAR = re.compile(
    r"\b(?:in|into|to|inside|dans|en|em|num|nel|nei|ins|i)\s+(?:(?:a|an|the|your|clean|glass|large|"
    r"small|sterili[sz]ed|sterile|un|une|des|les|le|un|uma|een|de|die|den|einen|ein|"
    r"airtight|mason|lidded|\d+[-\s]?\w*)\s+){0,3}$",
    re.I,
)


_TESTER = re.compile(
    r"e?s?\)?\s+(?:inserted|poked|pushed|(?:(?:in|into)\s+(?:the\s+)?(?:\w+\s+){0,4}?)?comes?\s+out)\b",
    re.I,
)
_ATTACHMENT = re.compile(r"e?s?[-\s]+(?:attachment|beater|blade)\b", re.I)
_GLASS_THING = re.compile(
    r"(?:es)?[-\s]+(?:bowl|jar|dish|pan|container|measuring|baking|pie|cup|mug|casserole|"
    r"plate|lid|of|de|di|d')\b",
    re.I,
)
# a glass made ready: "rim the glass with salt", "chill the glasses"
_GLASS_WORKED = re.compile(
    r"\b(?:rim|chill|fill|wet|moisten|garnish|ench(?:er|a|e|endo))\w*\s+(?:the\s+|a\s+|your\s+|each\s+|of\s+the\s+|o\s+)?$",
    re.I,
)
_NOT_A_CONTAINER = re.compile(r"\b(?:blender|processor|pint|creami|fire[-\s]safe)\s+$", re.I)
_NOT_A_DRINKS_SHAKER = re.compile(r"\b(?:salt|pepper|sugar|spice|cheese|flour)\s+$", re.I)
# Glasses something goes into: "pour into 4 serving glasses", "strain into a chilled glass".
_A_GLASS = re.compile(
    r"\b(?:in|into|to|among|between|in\s+den|i|dans|en|nei|nos|in\s+een|in\s+ein|dentro\s+de)\s+"
    r"(?:(?:a|an|the|your|two|three|four|five|six|\d+|serving|chilled|tall|short|old[-\s]fashioned|"
    r"um|höga|høje|høye|"
    r"rocks|highball|martini|coupe|cocktail|wine|shot|dessert|parfait|glass|individual|small|large|"
    r"rimmed|prepared|salt-rimmed|sugar-rimmed|margarita|"
    r"tumbler|les|des|los|las|un|une|dos|tres|quatro|the)\s+){0,3}$",
    re.I,
)
# A jar worked on: "fill the quart jars", "seal the jars", "wipe the rims of the jars"
_JAR_HANDLED = re.compile(
    r"\b(?:fill|seal|close|tighten|sterili[sz]e|process|wipe|cap|invert|lower|place|set)\w*\s+"
    r"(?:(?:the|your|each|all|of|rims?|lids?|hot|clean|prepared|filled|sealed|quart|pint|half-pint|"
    r"mason|canning|glass|\d+)\s+){0,4}$",
    re.I,
)
# Tools whose names are also verbs ("Whisk until smooth"): counted only after a determiner.
_VERB_LIKE = frozenset(
    {"whisk", "grill", "sieve", "microwave", "skewer", "strainer", "grater", "plate", "reibe",
     "kommen", "kom", "forma", "ladle", "garde"}
)  # fmt: skip
# plates in the plural are dishes, never the verb: "divide among plates", "transfer to plates"
_PLATES = re.compile(r"plates$", re.I)
_DETERMINER = re.compile(
    r"\b(?:a|an|the|your|on|in|into|onto|over|under|with|hot|large|medium|small|preheated|each|"
    r"clean|fine|fine-mesh|mesh|skimmer|wire|balloon|prepared|oiled|greased|second|third|fourth|another|"
    r"separate|serving|dinner|warm|warmed|lined|individual|two|three|four|five|six|eight|\d+|"
    r"einer|eine|einem|einen|der|die|den|dem|groben|feinen|auf|een|de|het|op|uma|numa|na|em|"
    r"sua|untada|outdoor|gas\)?|charcoal|kettle|pellet|electric|"
    # Dutch: "in een grote kom" (the Danish verb "Kom smørret ved" is no bowl)
    r"grote|kleine|ruime|diepe|schone|aparte|andere|middelgrote|twee|drie|vier|vijf|zes|"
    # what is done only to a grill: "preheat grill for high heat"
    r"pre-?heat|heat|light|fire)\s+$",
    re.I,
)


def _not_used(name: str, word: str, spelling: str, before: str, after: str) -> bool:
    """A spoon, fork, glass or jar only spoken of: "with a spoon" is used, "a spoonful" not
    ("mit einem Löffel Crème fraîche"); a glass or jar something goes into, not "a glass bowl",
    "a glass of milk" or "a jar of honey"."""
    if name in _USED_TOOLS:
        return (
            after.startswith("-")
            or not _USED_WITH.search(before)
            or bool(spelling == "löffel" and re.match(r"\s+[A-ZÄÖÜ]", after))
        )
    if name == "glass":
        return bool(_GLASS_THING.match(after)) or not (
            _A_GLASS.search(before)
            or _GLASS_WORKED.search(before)
            or word.endswith(("et", "ets", "en"))
        )
    if name == "jar":
        return bool(re.match(r"e?s?\s+of\b", after, re.I)) or not (
            _INTO_JAR.search(before) or _JAR_HANDLED.search(before)
        )
    return False


def _named(text: str) -> list[tuple[int, str]]:
    """The equipment a text names, with where: (position, canonical name)."""
    found: list[tuple[int, str]] = []
    bakes = bool(_OVEN_VERBS.search(text))
    for match in _EQUIPMENT_PATTERN.finditer(text):
        word = match.group("name").lower()
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() :]
        if (
            word in _VERB_LIKE
            and not _DETERMINER.search(before[-20:])
            and not (word == "plate" and _PLATES.match(match.group(0)))
        ):
            continue  # "plate the salad" is no plate; "divide among plates" is
        spelling = " ".join(match.group("name").lower().replace("-", " ").split())
        name = _EQUIPMENT_BY_SPELLING.get(spelling) or _EQUIPMENT_BY_SPELLING.get(
            match.group("name").lower(), spelling
        )
        if name == "oven" and (
            re.match(r"[-\s]?(?:safe|proof)", after, re.I) or _OVEN_SAFE_BEFORE.search(before)
        ):
            continue  # "an oven-safe skillet", "une casserole allant au four" is a pan
        if name == "pan" and re.match(
            r"pan[-\s]?(?:sear|fr[yi]|grill)", text[match.start() :], re.I
        ):
            continue
        if (
            name == "pot"
            and spelling in {"stock pot", "stockpot"}
            and _STOCK_POT_FOOD.search(before)
        ) or (spelling == "pot" and re.match(r"s?[-\s]+(?:pies?|roast|stickers?)\b", after, re.I)):
            continue  # "the chicken stock pot", "a chicken pot pie", "pot roast" are foods
        if (
            name == "sous vide"
            and spelling in {"sous vide", "sousvide"}
            and _SOUS_VIDE_FOOD.match(after)
        ):
            continue  # "the sous vide steak", "a sous vide bag"
        if name in _TAKEN_FROM_ONLY and _TAKEN_FROM.search(before):
            continue  # "take the butter from the refrigerator"
        if spelling == "oven rack" or (
            spelling == "rack" and (_OVEN_RACK.search(after) or _RACK_SETTING.search(before))
        ):
            continue  # the oven's own rack
        if _not_used(name, word, spelling, before, after):
            continue
        if name == "charcoal" and re.match(
            r"\s+(?:\(?or\s+gas\)?\s+)?(?:grill|barbecue|bbq|smoker)", after, re.I
        ):
            continue  # "a gas or charcoal grill" is the grill
        if name == "ladle" and re.search(r"\d\s*$", before):
            continue  # "2 ladles of the cooking water" is a measure
        if name in {"skewers", "toothpick"} and _TESTER.match(after):
            continue  # "until a skewer inserted in the centre comes out clean": a test
        if name in {"whisk", "knife"} and _ATTACHMENT.match(after):
            continue  # "the whisk attachment" is the mixer's
        if name == "container" and _NOT_A_CONTAINER.search(before):
            continue  # "the blender container", "a Ninja Creami pint container"
        if name == "cocktail shaker" and _NOT_A_DRINKS_SHAKER.search(before):
            continue  # "a salt shaker"
        vessel = baking_vessel(name, spelling, text, match.start(), match.end(), bakes=bakes)
        if vessel is None:
            continue
        found.append((match.start(), vessel))
    return found


# Sentences: not after an abbreviation ("ca. 4 min. in een droge koekenpan")
_SENTENCES = re.compile(r"(?<=;)\s+|(?<=[.!?])\s+(?![a-zà-ÿ])")


# a pan on the stove named as the other way of a heat: "in a skillet or microwave"
_OR = re.compile(r"\b(?:or|ou|oder|o|of|eller|lub|nebo|vagy)\b", re.I)
_MICROWAVE = re.compile(
    rf"\b(?:{alternation(EQUIPMENT['microwave'])})(?!-?\s*(?:safe|proof))", re.I
)


def _on_the_stove(text: str, names: list[str], stovetop: list[re.Match[str]], bakes: bool) -> bool:
    """Whether a step without the stove named cooks on it: a stovetop verb when no other heat
    is named (a dutch oven is a pot) and, in a step that bakes, more than the heat turned down
    ("reduce heat to 190C" is the oven's); a stovetop verb in a sentence of its own beside an
    oven ("Tænd ovnen på 220°. … Kog saucen op"); a stovetop verb with a pan in its sentence
    whatever else the step heats; a heating verb with a pan ("bak het spek in een pan", "brown
    the beef in a skillet"); a sauce or soup heated ("Die Sauce erwärmen")."""
    others = (HEAT_APPLIANCES - {"dutch oven"} | _OTHER_HEATS) & set(names)
    if stovetop and not others and (not bakes or any(_cooks(m) for m in stovetop)):
        return True
    for sentence in _SENTENCES.split(text):
        here = {n for _, n in _named(sentence)}
        verbs = list(STOVETOP.finditer(sentence))
        if verbs and here & STOVE_VESSELS and "kettle" not in here:
            return True  # water boiled in a kettle for a pan's water bath is no stove
        if (
            others <= {"oven"}
            and not (HEAT_APPLIANCES | _OTHER_HEATS) & here
            and not _OVEN_VERBS.search(sentence)
            and any(_cooks(m) for m in verbs)
        ):
            return True
    # "the pot" of a pressure cooker, "the pan" of an oven step are no pans on the stove
    unsure = {"pot"} if {"pressure cooker", "slow cooker", "rice cooker"} & set(names) else set()
    unsure |= {"pan"} if bakes or "oven" in names else set()
    for sentence in _SENTENCES.split(before_off(without_cooked_foods(text))):
        here = {n for _, n in _named(sentence)}
        if here & STOVE_VESSELS and _MICROWAVE.search(sentence) and _OR.search(sentence):
            return True  # "warm the tortillas in a skillet or microwave", "au bain-marie ou …"
        if _OVEN_VERBS.search(sentence) or (HEAT_APPLIANCES - {"dutch oven"} | _OTHER_HEATS) & here:
            continue
        if (HEATS_A_PAN.search(sentence) and here & STOVE_VESSELS - unsure) or (
            HEATS_A_SAUCE.search(sentence) and not others
        ):
            return True
    return False


def _cooks(match: re.Match[str]) -> bool:
    """A stovetop word that says cooking, not only a heat turned or a setting ("on low")."""
    return not (_HEAT_TURNED.fullmatch(match.group(0)) or _A_SETTING.fullmatch(match.group(0)))


def _appliance_parts(text: str, names: list[str]) -> list[str]:
    """What an appliance's own parts and verbs make of the names: the sauté function is the
    pressure cooker's, its lid and inner pot are no lid or pot; a lid only taken off is not
    used; French "mixer" and "blend on low" are the blender."""
    if _APPLIANCE_SAUTE.search(text) and not {"slow cooker", "rice cooker"} & set(names):
        names = [*names, "pressure cooker"]
    if {"pressure cooker", "slow cooker", "rice cooker"} & set(names):
        names = [n for n in names if n != "pot"]
    if "thermomix" in names:  # the machine's own bowl ("den Topf") and measuring cup
        a_pot = bool(STOVETOP.search(text) or _A_COOKING_POT.search(text))
        names = [n for n in names if n != "measuring cup" and (n != "pot" or a_pot)]
    if "lid" in names and (
        set(names) & _OWN_LID or len(_LID_OFF.findall(text)) >= len(_LIDS.findall(text))
    ):
        names = [n for n in names if n != "lid"]
    if _BLEND_VERB.search(text) and not {
        "blender",
        "immersion blender",
        "food processor",
        "thermomix",
    } & set(names):
        if not _MIXER_NOUN.search(text):
            names = [n for n in names if n != "stand mixer"]
        names = [*names, "blender"]
    return names


# Japanese names, matched with no word boundaries (data/words/equipment.toml, [cjk])
_CJK_BY_SPELLING = {
    spelling: name
    for name, spellings in table("equipment")["cjk"].items()
    for spelling in spellings
}
_CJK_PATTERN = re.compile(alternation(_CJK_BY_SPELLING))


def equipment_in(text: str) -> list[str]:
    """The equipment a step names or plainly needs, canonical names in order of mention."""
    text = _ASIDE.sub(" ", _OPTIONAL_PART.sub(r"\1", text))
    found = _named(text)
    found += [(m.start(), _CJK_BY_SPELLING[m.group(0)]) for m in _CJK_PATTERN.finditer(text)]
    for pattern, name in _IMPLIED_EQUIPMENT:
        implied = pattern.search(text)
        if implied:
            found.append((implied.start(), name))
    mixer = _MIXER_SETTING.search(text)
    cleaned = _APPLIANCE_SAUTE.sub(
        " ", _MACHINE_SETTING.sub(" ", _MIXER_SETTING.sub(" ", without_cooked_foods(text)))
    )
    if {"stand mixer", "blender", "food processor"} & {name for _, name in found} or _SPEED.search(
        text
    ):
        cleaned = _A_SETTING.sub(" ", cleaned)  # "using an electric mixer, beat … on high"
    stovetop = list(STOVETOP.finditer(cleaned))
    names = [name for _, name in sorted(found)]
    if (_SPEED.search(text) or mixer) and not {"blender", "food processor", "stand mixer"} & set(
        names
    ):
        names.append("stand mixer")  # "beat on medium speed", "lower the speed"
    if len(set(names) & _PANS) > 1 and "pan" in names:
        names = [n for n in names if n != "pan"]  # "the pans" are the cake pans the step named
    if "pot" in names and {"saucepan", "dutch oven"} & set(names) and not _A_POT.search(text):
        names = [n for n in names if n != "pot"]  # "a small saucepan … a lid on the pot": one
    bowls = len(re.findall(r"\bbowls?\b", text, re.I))
    if "mixing bowl" in names and (
        (bowls and len(_APPLIANCE_BOWL.findall(text)) >= bowls)
        or (_OWN_BOWL & set(names) and not _A_BOWL.search(text))
    ):
        names = [n for n in names if n != "mixing bowl"]  # "the bowl of a stand mixer": its own
    oven_verb = next(
        (m for m in _OVEN_VERBS.finditer(text) if not _NOT_NOW.search(text[: m.start()])), None
    )
    if "container" in names and "airtight container" in names:
        names = [n for n in names if n != "container"]  # the container food is stored in
    names = _appliance_parts(text, names)
    bakes = bool(oven_verb) and not any(n in names for n in _NOT_OVEN_HEAT)
    in_the_cooker = bool({"pressure cooker", "thermomix"} & set(names)) and not (
        STOVE_VESSELS & set(names)  # the cooker's own pot is no longer among the names
    )
    if "stove" not in names and (
        "panini press" in names
        or (not in_the_cooker and _on_the_stove(cleaned, names, stovetop, bakes))
    ):
        names.append("stove")  # a sandwich press heats where a burner would: the planner's stove
    if oven_verb and "oven" not in names and not any(n in names for n in _NOT_OVEN_HEAT):
        names.append("oven")
    elif (
        "oven" not in names
        and _BAKED_IN_A_PAN.search(text)
        and set(names) & _OVENPROOF
        and not set(names) & (set(_NOT_OVEN_HEAT) - _OVENPROOF - {"stove"})
    ):
        names.append("oven")  # "brown the beef in the Dutch oven, cover and bake 2 hours"
    return list(dict.fromkeys(names))


# A food cooked before, named by how: "the blanched herbs", "a poached egg", "the par-baked crust"
_COOKED_FOOD = re.compile(
    r"\b(?:the|a|an|your|some|any|with)\s+(?:[a-z]+-)?(?:blanched|boiled|seared|poached|simmered|"
    r"braised|fried|steamed|baked|roasted|toasted|grilled|sautéed|sauteed|browned|cooked)\b"
    r"(?!\s+bits)",
    re.I,
)


def without_cooked_foods(text: str) -> str:
    """The text without foods named by how they were cooked before ("the blanched herbs"):
    they tell nothing of this step's heat."""
    return _COOKED_FOOD.sub(" ", text)


def without_equipment(text: str) -> str:
    """The text with equipment names blanked out: "baking sheet" must not read as baking soda."""
    return _EQUIPMENT_PATTERN.sub(lambda m: " " * len(m.group(0)), text)
