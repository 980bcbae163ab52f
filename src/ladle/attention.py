"""Whether a step keeps the cook busy ("active") or is mostly waiting ("passive").

A step's time goes where its verbs say: "Mix the batter and bake for 30 minutes" is 30 minutes
of waiting; "Knead for 10 minutes" 10 minutes of work; "sear 1–2 minutes per side" is turning
and watching, "simmer for 45 minutes, stirring occasionally" is waiting. For each of the
step's own times (``ladle.timing``), the verb that governs it (the last one before it in its
clause) is busy, busy only when short (cooking, frying, toasting for up to 10 minutes), or
waiting; "stirring constantly" or "occasionally" said with it decides; each sentence of
handwork with no time of its own adds a minute of work. The step is passive when more of its
time is waiting than work. A step with no time of its own is judged by its verbs.
The verbs are data (``data/words/verbs.toml``, ``[attention]``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Literal

from ladle.clauses import CONTEXT, is_instruction, main_clause
from ladle.equipment import equipment_in
from ladle.hob import PASTA
from ladle.model import OWN_ROLES, Attention, Duration
from ladle.words import alternation, table, word_list

__all__ = ["attention_of", "tending_of"]

SHORT_MINUTES = 10  # "cook 5 minutes" keeps the cook at the pan; "cook 10 minutes" does not
HANDWORK_MINUTES = 1  # a sentence of handwork with no time, in a step with times


@cache
def _verbs() -> dict[str, re.Pattern[str]]:
    words = table("verbs")["attention"]
    out: dict[str, re.Pattern[str]] = {}
    nouns = alternation(str(w).lower() for w in words["not_verbs"])
    oven = (*word_list("verbs", "oven_bake"), *word_list("verbs", "oven_preheat"))
    for kind in ("busy", "short", "waiting"):
        listed = (*words[kind], *(oven if kind == "waiting" else ()))
        group = alternation(str(w).lower() for w in listed).replace(r"\s+", r"[-\s]?")
        cjk = alternation(str(w) for w in words[f"{kind}_cjk"])  # no word boundaries
        out[kind] = re.compile(rf"\b(?={group})(?!{nouns}s?\b){group}\w*|{cjk}", re.I)
    group = alternation(str(w).lower() for w in words["letting"])
    out["letting"] = re.compile(rf"\b(?={group})(?!{nouns}s?\b){group}\w*", re.I)
    lists = {
        "constant": words["constant"],
        "occasional": (*words["occasional"], *words["hands_off"]),
        "hands_off": words["hands_off"],
    }
    for kind, listed in lists.items():
        out[kind] = re.compile(rf"\b{alternation(str(w) for w in listed)}\b", re.I)
    # "cook, stirring, until caramelized, about 20 minutes": the stirring goes with the cooking
    constant = alternation(str(w) for w in words["constant"])
    out["stirring"] = re.compile(rf",\s*stirring\s*,(?!\s*{constant})", re.I)
    return out


# the bowl scraped now and then while a mixer beats: "occasionally scraping down the sides"
_SCRAPING = re.compile(
    r"\b(?:occasionally|from\s+time\s+to\s+time|now\s+and\s+then|as\s+needed)\s*,?\s*"
    r"(?:stopping\s+to\s+)?scrap\w*|\bscrap\w*\s+(?:down\s+)?(?:the\s+)?(?:sides?|bowl|bottom)"
    r"[^.;!?]{0,40}?\b(?:occasionally|from\s+time\s+to\s+time|now\s+and\s+then|as\s+needed)",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[,;:.!?，；：。！？、]|\b(?:and|then)\b", re.I)
_STOP = re.compile(r"[.!?;。！？；]")
# How many clauses back a time's verb is looked for (a sentence of thousands of times, linear).
_CLAUSES_BACK = 12
_STOP_AFTER = re.compile(r"[.!?;](?:\s|$)|[。！？；]")


# Heat that shuts the food in: a cook cannot tend it all the time.
_SHUT_IN = frozenset(
    {"oven", "toaster oven", "air fryer", "smoker", "slow cooker", "pressure cooker"}
)
# A pressure cooker on its sauté setting is a pan on a burner: the cook stands at it
_SAUTE_MODE = re.compile(
    r"\b(?:saut[ée]\w*|brown\w*|sear\w*|fry|fries|fried|frying|revenir|dorer|anbrat\w*|"
    r"rosol\w*|refog\w*|sofr[ei]\w*)\b",
    re.I,
)
_UNDER_PRESSURE = re.compile(r"\b(?:pressure|lid|seal\w*|manual|vent\w*|release\w*)\b", re.I)
_NAMES = table("equipment")["names"]
# In the fridge or freezer, in any language: "mettete in frigorifero per 1 ora"
_COLD = alternation((*_NAMES["refrigerator"], *_NAMES["freezer"]))
_UNATTENDED = re.compile(
    rf"\b(?:lid|cover(?:ed)?|boiling|water|oven|simmer\w*|in\s+the\s+(?:fridge|refrigerator)|{_COLD})\b|"
    # the same in other languages: in boiling water, covered, in the oven
    r"\b(?:ébullition|eau|couvercle|four|wasser|kochend\w*|deckel|ofen|agua|hirviendo|tapa|"
    r"couvert|coperto|tapad[oa]|tampad[oa]|zugedeckt|abgedeckt|afgedekt|"
    r"horno|acqua|coperchio|forno|kokend\w*|deksel|vatten|ugn\w*|vapeur|steamer|dampf\w*|"
    r"stoom\w*|vapor\w*|varoma|духовк\w*)\b|"
    # a kitchen machine heating by itself: "8 min/90°C/vitesse 4"
    r"\d\s*min\.?\s*(?:/\s*)?\d+\s*[°º]|"
    # a press, a waffle iron: closed on the food, they cook it alone
    r"\bin\s+the\s+(?:sandwich\s+|panini\s+)?press\b|\bwaffle\s+(?:iron|maker)\b|"
    r"\baccording\s+to\s+(?:the\s+)?(?:package|packet|box|pack)\b|"
    # Japanese, with no word boundaries: the fridge, the freezer, the oven, simmering, steaming
    r"冷蔵庫|冷凍庫|オーブン|煮(?:る|て|ます|込)|蒸(?:す|し)",
    re.I,
)
# food put in a pot of water or boiling water: whatever cooks in it then, cooks alone
_IN_BOILING_WATER = re.compile(
    r"\b(?:pot|pan|saucepan)\s+of\s+(?:\w+\s+){0,2}?water\b|\bboiling\s+(?:salted\s+)?water\b|"
    r"\bkochende\w*\s+(?:salz)?wasser\b|\beau\s+bouillante\b|\bagua\s+hirviendo\b|"
    r"\bacqua\s+bollente\b|\bágua\s+fervente\b|\bkokend\s+(?:gezouten\s+)?water\b",
    re.I,
)
# pasta or noodles cooked by the packet: boiling, unattended
_BY_THE_PACKET = re.compile(
    r"\baccording\s+to\s+(?:the\s+)?(?:package|packet|box|pack)\b|"
    r"\bnach\s+(?:packungs)?anleitung\b|\bpackungs(?:anleitung|anweisung|angabe|beilage)\b|"
    r"\blaut\s+packung\b|\bvolgens\s+de\s+(?:verpakking|aanwijzingen)\b|"
    r"\bselon\s+les\s+instructions\b|\bseg[úu]n\s+(?:el\s+)?(?:paquete|envase|fabricante)\b|"
    r"\bsecondo\s+le\s+(?:istruzioni|indicazioni)\b|"
    r"\bconforme\s+(?:a\s+)?(?:embalagem|instru[çc][õo]es)\b|"
    r"\b(?:as\s+directed|(?:directions|instructions))\s+on\s+(?:the\s+|its\s+)?(?:package|packet|"
    r"box|pack|bag)\b|"
    r"\b(?:following|per|as\s+per|according\s+to)\s+(?:the\s+|its\s+|your\s+)?(?:package|packet|box|"
    r"pack|manufacturer'?s?|machine'?s?)\s*(?:directions|instructions)?\b|"
    r"\bvan\s+de\s+verpakking\b|\bp[åa]\s+pakken\b|\benligt\s+(?:anvisning|f[öo]rpackning)\w*|"
    r"\bvolgens\s+de\s+(?:\w+\s+){0,3}?(?:verpakking|aanwijzingen|instructies|omschrijving)\b|"
    # a time taken off the packet's: "2 minutes less than the package states"
    r"\b(?:than|of)\s+(?:the\s+|its\s+)?(?:package|packet|box|pack)\b",
    re.I,
)


# the time's verb after it, let be, as German and Dutch put it: "5 Min. kochen lassen"
_LET_AFTER = re.compile(r"[^,.;:!?]{0,40}?\b\w+\s+(?:lassen|laten)\b", re.I)


def _kind_of_time(
    text: str, start: int, end: int, minutes: float, heat: str | None = None
) -> str | None:
    """ "busy" or "waiting" for one time in a text, by the verb that governs it."""
    verbs = _verbs()
    reach = max(0, start - CONTEXT)  # a time's context: its sentence, CONTEXT either side at most
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, reach, start)]
    sentence_start = max((m.end() for m in _STOP.finditer(text, reach, start)), default=reach)
    stop = _STOP_AFTER.search(text, end, end + CONTEXT)
    sentence = text[sentence_start : stop.start() if stop else min(len(text), end + CONTEXT)]
    if heat == "pressure cooker" and (
        _SAUTE_MODE.search(sentence)
        or (_SAUTE_MODE.search(text) and not _UNDER_PRESSURE.search(sentence))
    ):
        heat = "stove"  # its sauté setting: "Sauté the onion … Add the garlic, cook 1 minute"
    tended = _SCRAPING.sub(" ", sentence)  # a mixer's bowl scraped now and then still runs
    occasional = bool(verbs["occasional"].search(tended) or verbs["stirring"].search(tended))
    if not occasional and heat not in _SHUT_IN and verbs["constant"].search(sentence):
        return "busy"  # "stirring constantly"; a pan shaken often in the oven still waits
    unattended = (
        heat not in {None, "stove", "grill"}
        or bool(_UNATTENDED.search(sentence))
        or bool(_IN_BOILING_WATER.search(text))  # "a pot of salted water. … cook 8 minutes"
    )
    clauses = [b for b in reversed(breaks) if b >= sentence_start] + [sentence_start]
    found = _last_verb(text, clauses[0], start)  # the verb of the time's own clause
    if found is None:  # "for the last 10 minutes of roasting"
        found = _first_verb(text, end, sentence_start + len(sentence))
        if found is not None and _LET_AFTER.match(text, end):
            return "waiting"  # "etwa weitere 5 Min. kochen lassen": let cook
    if found is None and unattended:
        return "waiting"  # "return to the oven, uncovered, for a final 30 minutes"
    where = clauses[0]  # the clause the verb was found in
    for clause_start in clauses[1:_CLAUSES_BACK]:
        if found is not None:
            break
        found, where = _last_verb(text, clause_start, start), clause_start
    if found is None and sentence_start:  # "… let it rise. This took 1 hour."
        found = _last_verb(text, max(0, sentence_start - CONTEXT), sentence_start)
    if found is None:
        return "waiting" if occasional else None
    if found == "short" and _HEATS_EMPTY.search(text, where, start):
        return "waiting"  # "heat a large skillet over medium-high heat for 3 minutes"
    if occasional:  # "cook 5 minutes, stirring occasionally": at the pan while short
        # the verb the stirring goes with: "Cook, stirring occasionally, …, about 3 minutes"
        governing = [v for v in _verbs_between(text, sentence_start, start) if v[2] != "busy"]
        if verbs["hands_off"].search(sentence):
            return "waiting"  # "cook without stirring for five minutes"
        if found == "busy" and governing:
            return _judged(max(governing)[2], minutes, unattended)
        return "waiting" if found == "busy" else _judged(found, minutes, unattended)
    return _judged(found, minutes, unattended)


@lru_cache(maxsize=16)
def _all_verbs(text: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Every verb of a step's text once, in order: a step of many times reads it once."""
    found = sorted(_verbs_in(text))
    return [f[0] for f in found], found


def _verbs_between(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The verbs of ``text`` that begin in ``[start, end)``."""
    positions, found = _all_verbs(text)
    return found[bisect_left(positions, start) : bisect_left(positions, end)]


def _verbs_in(text: str) -> list[tuple[int, int, str]]:
    """Every verb of the three kinds in a text: (position, kind's order, kind)."""
    verbs = _verbs()
    return [
        (match.start(), order, kind)
        for order, kind in enumerate(("busy", "short", "waiting"))
        for match in verbs[kind].finditer(text)
        if kind == "waiting" or not _done(text, match)
    ]


# "the whipped cream", "fresh mashed potatoes", "the toasted nuts": what was done before
_DONE = re.compile(r"\w{3,}ed", re.I)
_DONE_BEFORE = re.compile(
    r"\b(?:the|a|an|some|of|with|fresh|freshly|your|finely|roughly|coarsely|lightly|any)\s+$",
    re.I,
)


# a verb's word after a determiner is a thing: "bake the rolls", "stir in the mix"
_A_THING = re.compile(r"(?<!\bwith\s)\b(?:the|your|each|these|those|its|their|my|our)\s+$", re.I)


def _done(text: str, match: re.Match[str]) -> bool:
    """A verb's past participle used as a food's name ("the whipped cream"), or a verb's
    word used as a thing's ("the rolls"), not work."""
    before = text[max(0, match.start() - 12) : match.start()]
    return bool(
        (_DONE.fullmatch(match.group(0)) and _DONE_BEFORE.search(before)) or _A_THING.search(before)
    )


# What follows "until" is how the food ends up, not what the cook does: "scramble until set".
_UNTIL_STATE = re.compile(r"\b(?:until|till|tot|bis|até|jusqu|hasta|finché|tills)\b.*", re.I | re.S)


# "let the mixer run": the cook stands by the machine
_MACHINE = re.compile(r"\s+(?:the\s+|your\s+)?(?:mixer|machine|processor|blender|motor)\b", re.I)


def _last_verb(text: str, start: int, end: int) -> str | None:
    """The verb of ``text[start:end]`` nearest its end, what follows "until" left out."""
    until = _UNTIL_STATE.search(text, start, end)
    end = until.start() if until else end
    part = text[start:end]
    let = _verbs()["letting"].search(part)
    if let and re.match(r"[^,;:.!?]*$", part[let.end() :]):
        if _MACHINE.match(part[let.end() :]):
            return "busy"  # "let the mixer run": the cook stands by it
        return "waiting"  # "leave to heat through for 2 minutes"
    found = _verbs_between(text, start, end)
    return max(found)[2] if found else None


def _first_verb(text: str, start: int, end: int) -> str | None:
    found = _verbs_between(text, start, end)
    return min(found)[2] if found else None


def _judged(kind: str, minutes: float, unattended: bool) -> str:
    if kind == "short":  # at the pan, unless covered, in water or in the oven
        return "busy" if minutes < SHORT_MINUTES and not unattended else "waiting"
    return "busy" if kind == "busy" else "waiting"


def attention_of(text: str, durations: Sequence[Duration], heat: str | None = None) -> Attention:
    """ "passive" when more of the step's own time is waiting than work, else "active"; a step
    with no time of its own by its verbs (see the module documentation)."""
    main = main_clause(text)
    offset = len(text) - len(main)
    work = wait = 0.0
    cursor = offset
    for d in durations:
        start = text.find(d.text, cursor) if d.text else -1
        if start < 0 or d.role not in OWN_ROLES:
            continue
        cursor = start + len(d.text)
        minutes = max(d.min_minutes * d.factor, 0.5)
        # "6 minutes per side": turning at the pan, judged by the time of one side
        kind = _kind_of_time(text, start, cursor, max(d.min_minutes, 0.5), heat)
        if kind == "busy":
            work += minutes
        elif kind == "waiting":
            wait += minutes
    if work or wait:  # handwork said without a time takes the cook about a minute too
        work += HANDWORK_MINUTES * _untimed_handwork(main, durations)
    if work or wait:
        if all(
            d.max_minutes is not None and d.max_minutes * d.factor < 1
            for d in durations
            if d.role in OWN_ROLES
        ):
            return "active"  # "microwave for 10 seconds": the cook stands by
        return "passive" if wait > work else "active"
    return _untimed(main)


# Preheating, said in any language, and the rack set for it: the oven heats, the cook waits.
_PREHEATS = re.compile(
    r"\b(?:(?:pre-?heat|heat|turn\s+on|set|light|fire\s+up)\w*\s+(?:up\s+)?(?:the\s+|your\s+|an\s+|a\s+)?"
    r"(?:oven|grill|barbecue|bbq|smoker|air\s?fryer|broiler)\b(?:\s+(?:on|to|at)\b)?|"
    r"pre-?heat\w*(?:\s+(?:it|them))?|"
    rf"{alternation(word_list('verbs', 'oven_preheat'))}\w*|"
    r"s[äa]tt\s+ugnen|zet\s+de\s+oven|verwarm\w*\s+(?:de\s+)?oven\b|"
    r"heiz\w*\s+(?:sie\s+)?(?:den\s+)?(?:back)?ofen\b|t[æa]nd\s+ovnen|breng\s+de\s+(?:bbq|barbecue|oven)|"
    # the oven turned to another heat, a canner, coals or a pot of water made ready
    r"(?:reduce|lower|increase|raise)\w*\s+(?:the\s+)?oven(?:\s+(?:heat|temperature))?\s+to|"
    r"prepare\s+(?:a\s+|the\s+|your\s+)?(?:\w+\s+){0,2}?(?:canner|coals|grill|barbecue|bbq|"
    r"steamer|smoker)\b|light\w*\s+(?:the\s+)?(?:\d+\+?\s+)?(?:charcoal|coals|briquettes|fire)\b|"
    r"start\s+a\s+(?:large\s+)?pot\s+of\s+(?:\w+\s+)?water|"
    r"fırın\w*\s+(?:\d+\s+derece\w*\s+)?(?:ayarla\w*|ısıt\w*))",
    re.I,
)
# Oil heated to a frying heat: the cook waits for it ("Heat oil to 350 to 370 degrees")
_OIL_TO_HEAT = re.compile(
    r"\b(?:(?:pre-?)?(?:heat|warm)|verwarm|verhit|erhitz|chauff|calient|aque[cç]|riscald|v[äa]rm|"
    r"opvarm)\w*\s+(?:up\s+)?(?:the\s+|some\s+|de\s+|das\s+|l'|el\s+|o\s+|l')?(?:[\w-]+\s+){0,5}?"
    r"(?:oil|olie|öl|huile|aceite|olio|olja|oljan|olje|oljen|azeite|frituurolie|frittierfett)\b"
    r"[^.;!?]*?\b(?:to|reaches?|until|tot|auf|à|a|till|til|até)\b[^.;!?]*?\d+\s*(?:°|degrees?\b)",
    re.I,
)
# A sentence that ends by leaving the food to cool: "Transfer to a rack to cool slightly before
# serving", "set aside to cool completely", "let them cool before dressing the salad"
_COOLS_LAST = re.compile(
    r"\b(?:(?:to|and|then)\s+|let\s+(?:\w+\s+){0,3}?|(?:allow|leave)\s+(?:\w+\s+){0,3}?to\s+)cool"
    r"(?:\s+down)?(?:\s+(?:completely|slightly|fully|thoroughly|briefly|a\s+(?:bit|little)|"
    r"to\s+room\s+temperature|to\s+\d+\s*°?\s*[FC]?))?(?:\s+before\s+[^,.;!?]*)?\W*$",
    re.I,
)
# Let it rest, cool or rise, first in the sentence in Danish and Norwegian: "Lad kagen køle af"
_LET_FIRST = re.compile(
    r"^(?:lad|la)\s+(?:\w+\s+){0,3}?(?:køle|kjøle|afkøle|avkjøle|hvile|hæve|heve|stå|trække|"
    r"trekke|marinere|simre|småkoke)\b",
    re.I,
)
_RACK_SET = re.compile(
    r"\b(?:arrange|adjust|position|set|place|move|put)\w*\s+"
    r"(?:(?:a|an|the|your|one|two|oven|top|bottom|middle|center|centre|upper|lower)\s+)*"
    r"(?:oven\s+)?racks?\b[^,.;]*?(?=,|\band\b|[.;]|$)",
    re.I,
)
_PARTS = re.compile(r",|\b(?:and|then|und|et|och|og|y)\b", re.I)
# Trifles while the oven heats: "set aside a sheet pan", "have a tin ready"
# advice among the steps, not work: "We recommend hickory wood", "I like to use …", "Tip: …"
_ADVICE = re.compile(
    r"^\W*(?:(?:i|we)\s+(?:\w+\s+)?(?:recommend|suggest|like|prefer|love|find|think)\b|"
    r"(?:notes?|tips?|pro\s+tip)\s*:|see\s+(?:the\s+)?(?:notes?|section|video|post|tips?|below|above)\b|"
    r"get\s+ready\W*$)",
    re.I,
)
# a sentence that only puts the food by: "Set aside.", "Set aside for later."
_SET_ASIDE_ONLY = re.compile(
    r"^\s*(?:and\s+|then\s+)?(?:set|put|keep)\s+(?:(?:it|them|this)\s+)?aside"
    r"(?:\s+(?:for\s+(?:later|now)|until\s+needed))?\W*$|"
    # the same in French: "Réserver.", "Réservez à part."
    r"^\s*(?:puis\s+)?r[ée]serv\w*(?:\s+(?:à\s+part|de\s+côté))?\W*$",
    re.I,
)
_TRIFLES = re.compile(r"\b(?:set|get)\s+(?:aside|out)\b|\bhave\s+\w+(?:\s+\w+)?\s+ready\b", re.I)
# Water or a sauce brought to the boil, in any language: waiting for it
_TO_THE_BOIL = re.compile(
    r"\bto\s+(?:a|the)\s+(?:\w+\s+)?boil\b|\bbring\w*\s+(?:\w+\s+){0,3}?to\s+boil\b|\baan\s+de\s+kook\b|\bzum\s+kochen\b|"
    r"\bà\s+(?:l')?ébullition\b|\ba\s+ebollizione\b|\ba\s+ebullici[óo]n\b|\bpara\s+ferver\b|"
    r"\bop\s+(?:til\s+)?kok\w*\b|\bkok\w*\s+opp\b|\bkoka\s+upp\b|\bkog\w*\s+op\b",
    re.I,
)
# Pasta, rice, noodles or potatoes cooked with no time: boiled, left to it ("Cook spaghetti,
# or noodle of choice.", "cook pasta until just shy of al dente", "cook until fork tender")
_BOILS_STARCH = re.compile(
    r"\b(?:cook|boil)\s+(?:the\s+|your\s+|enough\s+|some\s+)?(?:[\w-]+\s+)?"
    rf"(?:{PASTA}|rice|potatoes)\b(?![^.;]*\b(?:fry|frying|skillet|pan-?fr\w*|brown\w*|crisp\w*)\b)|"
    r"\bcover\s+with\s+(?:cold\s+|salted\s+)?water\s+and\s+(?:cook|boil)\b",
    re.I,
)
# Heating an empty pan or its oil: waiting for it, however short
_HEATS_EMPTY = re.compile(
    r"\b(?:pre-?)?heat\w*\s+(?:up\s+)?(?:(?:a|an|the|your|some)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:skillet|pan|pot|oil|griddle|wok|saucepan|dutch\s+oven)\b(?!\s+(?:and|with)\s+(?:cook|fry))",
    re.I,
)


# A pan or its fat heated, in any language, and nothing else said: waiting for it to be hot.
# Between the verb and the fat only amounts and plain words of a pan ("heat 1 tablespoon of
# the olive oil", "heat a large non-stick skillet"): "warm the tortillas in a pan" heats food.
_HEATS_FAT = re.compile(
    r"\b(?:(?:pre-?)?heat|warm|chauff\w*|erhitz\w*|verhit\w*|aque[cç]\w*|calient\w*|scald\w*|"
    r"hetta|varm\w*)\s+(?:(?:up|op|upp|\d[\d/.,]*|[½¼¾⅓]|an?|the|some|your|of|large|medium|small|"
    r"big|deep|heavy|wide|non-?stick|cast[-\s]iron|tbsp|tablespoons?|teaspoons?|tsp|olive|frying|"
    r"vegetable|sunflower|canola|rapeseed|coconut|neutral|cooking|remaining|unsalted|"
    r"de|la|le|les|el|het|een|die|das|den|der|eine?[nm]?|einer|o|um|uma|il|lo|en|ett|lite|"
    r"litt|wat|etwas|un|une|poco|eetlepels?|el|msk|cuillères?|c\.|à|soupe|colher(?:es)?|"
    r"sopa|cucharadas?|cucchiai[o]?|olijf|oliven?)\s+){0,6}(?:[ld]')?(?:oil|butter|fat|ghee|"
    r"lard|huile|öl|olie|olijfolie|azeite|aceite|olio|olja|oljan|olje|boter|beurre|manteiga|"
    r"burro|skillet|pan|wok|griddle|po[êe]le|pfanne|koekenpan|frigideira|sart[ée]n|padella|"
    r"stekpanna)\b",
    re.I,
)
# what may follow the fat heated: where and how hot ("in a wok", "over medium heat", "until
# shimmering"), no other work
_WHERE_OR_HOW_HOT = re.compile(
    r"^\s*(?:in|into|on|over|at|to|until|till|with|for|dans|à|au|sur|jusqu|auf|bei|im|in|op|"
    r"tot|en|em|no|na|numa|num|a|su|sobre|hasta|i|på|till|met|mit|avec|con|com)\b|^\W*$",
    re.I,
)
# the parts of a sentence: Dutch "en" is "and", Spanish and French "en una sartén" is "in"
_AND_PARTS = re.compile(
    r"[,;]|\b(?:and|then|und|et|och|og|y|e|en(?!\s+(?:un|una|el|la|los|las|une|le|les)\b))\b",
    re.I,
)
# Sentences end at a stop and a space, or at a Japanese or Chinese stop
_SENTENCE_ENDS = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_UNTIL = re.compile(r"\b(?:until|till|tot|bis|até|jusqu|hasta|finché|tills|til|indtil)\b", re.I)
# Food left in water: "kook de ravioli in ruim water"
_IN_WATER = re.compile(
    r"\b(?:in|i|im|dans|en|em|nel|nell'|med)\s+(?:\w+\s+){0,4}?(?:water|vann|vand|vatten|wasser|"
    r"eau|agua|acqua|água)\b",
    re.I,
)
_UNTIL_HEAT = re.compile(
    r"\b(?:over|on|at)\s+(?:a\s+)?(?:\w+[-\s]+)?(?:low|medium|high)\w*\s+heat\b", re.I
)
_LEAD_IN = re.compile(
    r"^\s*(?:\d+\s*[-.):–]\s*)?(?:(?:then|now|next|first|finally|gently|carefully)\b[,\s]*)*",
    re.I,
)
# the sentence ends by leaving the food to it: "… and leave to soak", "… e deixe fritar"
# the letting verb last, as German and Dutch put it: "… und abkühlen lassen", "laten rusten"
_LET_LAST = re.compile(r"\b\w+\s+(?:lassen|laten)\W*$", re.I)
_LEFT_TO_IT = re.compile(
    r"(?:,|\band\b|\bthen\b|\be\b|\ben\b|\bund\b|\bet\b|\by\b|\boch\b|\bog\b)\s*$", re.I
)


# A sentence that tells how the food is or will be, no work: "the pudding is ready when …",
# "the dough should have doubled", "leftovers can be stored for 5 days".
_STATE = re.compile(
    r"\b(?:is|are)\s+(?:ready|done)\s+when\b|(?<!\byou\s)\bshould\s+(?:have|be|look)\b|"
    r"\bstays?\s+(?:fresh|good)\b|\b(?:keeps?|lasts?)\s+(?:well\s+)?(?:for|up\s+to)\b|"
    r"\b(?:can|will)\s+(?:be\s+)?(?:kept|stored|keep|last)\b",
    re.I,
)


# Food put where it cooks or chills by itself, in any language, and nothing else done: "Place
# the turkey in the preheated oven", "Leve ao forno", "Zet de schaal in de oven" (as
# "Enfournez"): the step's time is the oven's or the fridge's.
_SHUTS_IN = alternation(
    (
        *_NAMES["oven"],
        *_NAMES["refrigerator"],
        *_NAMES["freezer"],
        *_NAMES["slow cooker"],
        *_NAMES["rice cooker"],
        *_NAMES["air fryer"],
        *_NAMES["smoker"],
    )
)
_INTO_THE_HEAT = re.compile(
    r"^\W*(?:then\s+|now\s+)?(?:place|put|transfer|return|slide|pop|move|leve|levar|zet|"
    r"schieb\w*|stell\w*|mett\w*|coloqu\w*|coloca|pon|ponga|s[äa]tt|st[äa]ll|sæt|stil|sett|legg)\b"
    rf"[^,.;:]{{0,60}}?\b(?:{_SHUTS_IN})\b",
    re.I,
)
# what may follow: how ("covered", "uncovered") or until when; no other work
_ONLY_HOW_LONG = re.compile(
    r"^\W*(?:(?:un)?covered|until|till|jusqu|bis|tot|até|hasta|with|(?:and\s+)?(?:cook|bake|roast|"
    r"chill)\W*$)|^\W*$",
    re.I,
)


def _only_put_in(sentence: str) -> bool:
    """ "Put the pan in the oven": food set to cook or chill by itself, nothing else done."""
    put = _INTO_THE_HEAT.search(sentence)
    if put is None:
        return False
    return all(_ONLY_HOW_LONG.match(part) for part in _AND_PARTS.split(sentence[put.end() :]))


def _only_heats_fat(sentence: str) -> bool:
    """ "In a saucepan, heat 1 tablespoon of the oil": a pan or its fat heated, nothing done."""
    heats = _HEATS_FAT.search(sentence)
    if heats is None:
        return False
    return all(_WHERE_OR_HOW_HOT.match(part) for part in _AND_PARTS.split(sentence[heats.end() :]))


def _untimed(main: str) -> Attention:
    """A step with no time: passive when more of its sentences set something going and wait
    for it (water coming to the boil, food cooking "until tender", cooling, a pan heating) than
    do handwork; preheating the oven counts only in a step that does nothing else."""
    verbs = _verbs()
    plain = re.sub(r"\([^()]*\)", " ", main)  # asides: "(adjust the bake time)"
    sentences = [s for s in _SENTENCE_ENDS.split(plain) if s.strip()] or [plain]
    # "let it stand without stirring", "saute until dry, stirring occasionally": waiting
    tended = [s for s in sentences if verbs["occasional"].search(s)]
    if any(
        not _done(s, m)
        for s in sentences
        if s not in tended and not _PREHEATS.search(s)  # "preheat … on the SAUTE setting"
        for m in verbs["busy"].finditer(s)
    ):
        return "active"
    work = wait = preheats = states = 0
    for sentence in sentences:
        if sentence in tended:
            wait += 1
            continue
        if (_PREHEATS.search(sentence) or _RACK_SET.search(sentence)) and not _only_put_in(
            sentence
        ):
            preheats += 1  # the oven heats while the cook does the rest
            rest = _TRIFLES.sub(" ", _RACK_SET.sub(" ", _PREHEATS.sub(" ", sentence)))
            work += any(_works(part) for part in _PARTS.split(rest))  # "… and grease"
            continue
        opening = _LEAD_IN.sub("", sentence, count=1)
        if _SET_ASIDE_ONLY.match(opening) or _ADVICE.match(sentence):
            continue  # "Set aside.", "We recommend hickory wood": neither waited on nor worked
        if _BROWNING.search(sentence) and not (
            verbs["waiting"].match(opening) or _IN_THE_OVEN.search(sentence)
        ):
            work += 1  # "add the chicken and cook until golden brown": frying, tended
            continue
        if _CJK.search(sentence):  # no word order to read: its verbs decide
            waits = verbs["waiting"].search(sentence) and not verbs["busy"].search(sentence)
            wait, work = wait + bool(waits), work + (not waits)
            continue
        if (
            verbs["waiting"].match(opening)
            or _UNTIL_HEAT.search(sentence)
            or (
                (verbs["short"].match(opening) or _BY_THE_PACKET.search(sentence))
                and (
                    _UNTIL.search(sentence)
                    or _BY_THE_PACKET.search(sentence)
                    or _IN_WATER.search(sentence)
                )
            )
            or any(
                _LEFT_TO_IT.search(sentence[: m.start()])
                for m in verbs["letting"].finditer(sentence)
            )
            or _LET_LAST.search(sentence)
            or _TO_THE_BOIL.search(sentence)
            or _BOILS_STARCH.search(sentence)
            or _only_heats_fat(sentence)
            or _only_put_in(sentence)
            or _OIL_TO_HEAT.search(sentence)
            or _COOLS_LAST.search(sentence)
            or _LET_FIRST.match(opening)
        ):
            wait += 1  # "Bring to the boil", "cook until tender", "a pan over a high heat"
        elif is_instruction(sentence) or not _STATE.search(sentence):
            work += 1
        else:
            states += 1
        wait += _LONG_WAIT_WEIGHT * bool(_LONG_WAIT.search(sentence))
    if wait and wait >= work:
        return "passive"
    return "passive" if (preheats or states) and not work else "active"


# Cooking until browned, crisp or no longer pink: food in a pan that the cook turns and watches
_BROWNING = re.compile(
    r"\b(?:until|till)\s+(?:\w+\s+){0,4}?(?:golden|brown(?:ed)?|crisp\w*|charred|seared|"
    r"no\s+longer\s+pink)\b",
    re.I,
)
_IN_THE_OVEN = re.compile(r"\b(?:oven|broil\w*|grill\w*|bak\w*|roast\w*)\b", re.I)


# A wait of half an hour or more, said with no time: it outweighs a few moments of handwork
# ("stir in the onions and let it cool to room temperature", "cover and refrigerate")
_LONG_WAIT = re.compile(
    r"\bcool\w*\s+(?:down\s+)?(?:completely|fully|thoroughly|to\s+room\s+temperature)|"
    r"\b(?:come|bring|brought|return)\w*\s+to\s+room\s+temperature|"
    # chilled, not stored: "refrigerate until ready to serve", "… for up to 6 months"
    r"\b(?:chill|chilling|refrigerate|refrigerating|marinate|marinating)\b(?!\s+(?:for\s+)?up\s+to\b|"
    r"\s+until\s+(?:you(?:'re|\s+are)\s+)?(?:ready|needed|serving|required))|"
    r"\buntil\s+(?:well\s+)?(?:chilled|set|firm|doubled)\b|\bdoubled\s+in\s+(?:size|bulk)\b",
    re.I,
)
_LONG_WAIT_WEIGHT = 2

# a part of a sentence that starts with no verb: "… and a baking sheet", "to 200 °C"
_NO_VERB_FIRST = re.compile(
    r"^\s*(?:(?:a|an|the|with|to|at|on|in|into|and|or|for|your|its|it|them|i|we|you|my|this|"
    r"that|there|le|la|les|l'|du|de|het|een|den|das|die|der|el|il|lo|o|os|as)\b|\d|°|º)",
    re.I,
)
# the heat being readied is no vessel readied by hand
_HEATS = frozenset({"oven", "grill", "smoker", "air fryer", "charcoal", "stove", "dutch oven"})


# what a preheating may leave behind that is its setting, not work: "Preheat the oven to broil"
_A_SETTING_ONLY = re.compile(r"^\W*(?:broil|high|low|grill|bake|convection|fan)\W*$", re.I)


def _works(part: str) -> bool:
    """Handwork said beside a preheating: an instruction ("grease a tin"), or in any language
    a verb first that readies a vessel ("bedek een bakplaat met bakpapier", "beurrez un moule")."""
    if _A_SETTING_ONLY.match(part):
        return False  # "(preheat the oven to) broil"
    if is_instruction(part):
        return True
    return (
        len(part.split()) > 1
        and not _NO_VERB_FIRST.match(part)
        and bool(set(equipment_in(part)) - _HEATS)
    )


_ALWAYS = re.compile(
    r"\bstir[-\s]?fr(?:y|ies|ied)\b|\bwhisk\w*\b[^.]*\b(?:custard|sauce|yolks?)\b", re.I
)


def tending_of(text: str, heat: str | None) -> Literal["constant", "occasional"]:
    """How a hands-on step holds the cook: all the time (kneading, chopping, stirring a
    risotto "constantly", a stir-fry, whisking a custard) or now and then, so that other work
    fits between (searing and turning, stirring "occasionally", food cooking on a heat). Said
    words decide; else food on a heat is tended now and then and handwork takes the hands."""
    verbs = _verbs()
    if verbs["constant"].search(text) or _ALWAYS.search(text):
        return "constant"
    if verbs["occasional"].search(text):
        return "occasional"
    return "occasional" if heat is not None else "constant"


def _untimed_handwork(main: str, durations: Sequence[Duration]) -> int:
    """How many sentences of a timed step are handwork with no time of their own ("Then
    transfer to a plate and set aside."): not waiting, preheating or bringing to the boil."""
    verbs = _verbs()
    plain = re.sub(r"\([^()]*\)", " ", main)
    count = 0
    for sentence in re.split(r"(?<=[.!?;])\s+", plain):
        if not sentence.strip() or any(d.text and d.text in sentence for d in durations):
            continue
        opening = _LEAD_IN.sub("", sentence, count=1)
        if (
            verbs["waiting"].match(opening)
            or verbs["letting"].search(sentence)
            or _PREHEATS.search(sentence)
            or _OIL_TO_HEAT.search(sentence)
            or _TO_THE_BOIL.search(sentence)
            or _UNTIL_HEAT.search(sentence)
        ):
            continue
        count += bool(is_instruction(sentence) or verbs["busy"].search(sentence))
    return count
