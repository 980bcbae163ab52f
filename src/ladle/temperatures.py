"""Temperatures as recipes write them, in both scales, with what they are the temperature of.

"350°F (175°C)", "180°C/160°C fan/gas 4", "375 degrees F", "gas mark 6"; the kind is read
from the words around the number: an oven, an internal (doneness) temperature, oil, water.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ladle.model import Temperature, TemperatureKind
from ladle.text import parse_number
from ladle.units import celsius_to_fahrenheit, fahrenheit_to_celsius
from ladle.words import alternation, table, word_list

__all__ = ["FAN_OFFSET_CELSIUS", "find_temperatures", "one_setting_each", "oven_setting"]

_WORDS = table("temperatures")
# "200 Grad", "180 graden": degrees as a word of another language (data/words/temperatures.toml)
_FOREIGN_DEGREES = alternation(str(w) for w in _WORDS["degrees"])
# "400*F": an asterisk typed for the degree sign, only right before the scale
_DEGREE_SIGNS = "°º˚ª⁰"  # the degree sign and what is typed for it ("200 ⁰C", "220ª")
_DEG = (
    # 度: degrees in Chinese and Japanese, where words run on ("烤箱预热200度烤15分钟")
    rf"(?:\s*(?:[{_DEGREE_SIGNS}]|degrees?|deg\.?|{_FOREIGN_DEGREES}(?![^\W\d_])|度|"
    r"\*(?=\s*[FC](?![a-z])))\s*)"
)
_FOREIGN_DEGREES_WORD = re.compile(rf"\d\s*(?:{_FOREIGN_DEGREES}(?![^\W\d_])|度)", re.I)
_TEMP_NUMBER = r"\d{2,3}(?:[.,]\d)?"
# the words for a fan (convection) oven, in English and the languages ladle reads
_FAN_KINDS = r"convection|umluft|hei(?:ß|ss)luft|hetelucht|varmluft|chaleur\s+tournante"
_FAN_WORD = rf"(?:fan|{_FAN_KINDS})"
_ONE_TEMP = (
    rf"(?P<@v>-?{_TEMP_NUMBER})"
    rf"(?:\s*(?P<@sym>℉|℃)"
    rf"|{_DEG}(?P<@s>F(?:ahrenheit)?|C(?:elsius)?|centigrade)?(?![a-z])"
    r"|\s?(?P<@s2>F|C)(?![a-z]))"
    r"(?P<@fan>\s*(?:(?:en|in|mit|met|con|em)\s+)?(?:fan(?:[-\s]forced|[-\s]assisted|[-\s]bake)?|"
    rf"{_FAN_KINDS}|conventional|"
    r"ventilad[oa]|ventilato|termoventilato|ventil[ée]e?|teplovzduch\w*|termoobieg\w*)\b"
    # the kind alone in brackets: "160 graden (hetelucht)"
    rf"|\s*\(\s*{_FAN_WORD}\s*\))?"
)
_GAS = r"gas(?:\s+mark)?\s*(?P<@gas>\d{1,2}(?:\.\d+)?|½|1/2|¼|1/4)"


# a fan oven named before an alternative's figure: "425°F/220°C/Fan 200°C"
_FAN_FIRST = rf"(?P<@pre>{_FAN_WORD}(?:[-\s]+oven)?\s*:?\s*)?"


def _temp_alt(p: str) -> str:
    first = _FAN_FIRST if p != "a" else ""  # before the first figure: _FAN_BEFORE
    return (first + "(?:" + _ONE_TEMP + "|" + _GAS + ")").replace("(?P<@", f"(?P<{p}")


_DIGIT = re.compile(r"\d")
# between two ways of one setting: "350°F (180°C)", "175° eller 160° varmluft", "F* (ca. 230 C)"
_BETWEEN = (
    r"\*?\s*(?:\(|/|\b(?:or|eller|oder|ou|of|o)\b|,)\s*"
    r"(?:(?:ca\.?|approx\.?|about|circa|environ|etwa)\s*)?"
)
_TEMPERATURE = re.compile(
    # not inside a word or a number, but right after Japanese kana or kanji ("を180℃に")
    rf"(?<![.])(?<![^\W\u3000-\u9fff\uff00-\uffef])(?<!\d/){_temp_alt('a')}"
    rf"(?:{_BETWEEN}{_temp_alt('b')}\s*\)?)?"
    rf"(?:{_BETWEEN}{_temp_alt('c')}\s*\)?)?"
    rf"(?:{_BETWEEN}{_temp_alt('d')}\s*\)?)?",
    re.I,
)
# Not a temperature: turned by degrees ("rotate the pan 180°"), a difference ("reduce by 20°")
_NOT_HEAT = re.compile(
    r"\b(?:rotat\w*|turn\w*|spin\w*|twist\w*)\s+(?:(?:it|them|the|your|a)\s+)?(?:\w+\s+){0,2}$|"
    r"\bby\s+(?:about\s+|another\s+)?$",
    re.I,
)
# A fan oven named before its figure: "(Umluft 180 °C)", "fan 160°C"
_FAN_BEFORE = re.compile(
    rf"\b{_FAN_WORD}(?:[-\s]+oven)?\s*:?\s*(?:to\s+|at\s+|bei\s+|op\s+|à\s+|på\s+)?$",
    re.I,
)

# Gas marks as British cookbooks print them: (°F, °C).
_GAS_MARKS: dict[float, tuple[int, int]] = {
    0.25: (225, 110),
    0.5: (250, 120),
    1: (275, 140),
    2: (300, 150),
    3: (325, 170),
    4: (350, 180),
    5: (375, 190),
    6: (400, 200),
    7: (425, 220),
    8: (450, 230),
    9: (475, 240),
}


_RANGE_TO = re.compile(rf"\s*(?:–|—|-|to)\s*{_TEMP_NUMBER}{_DEG}?(?P<scale>F|C)(?![a-z])", re.I)


@dataclass(slots=True)
class _Reading:
    scale: str  # "F", "C" or "gas"
    value: float
    fan: bool


def _readings(match: re.Match[str]) -> list[_Reading]:
    out: list[_Reading] = []
    for p in ("a", "b", "c", "d"):
        gas = match.group(f"{p}gas")
        if gas:
            mark = parse_number(gas)
            if mark is not None:
                out.append(_Reading("gas", mark, False))
            continue
        value_text = match.group(f"{p}v")
        if value_text is None:
            continue
        value = float(value_text.replace(",", "."))
        symbol = {"℉": "F", "℃": "C"}.get(match.group(f"{p}sym") or "")
        scale_text = symbol or match.group(f"{p}s") or match.group(f"{p}s2")
        fan = bool(match.group(f"{p}fan")) and "conventional" not in match.group(f"{p}fan").lower()
        fan |= p == "a" and bool(_FAN_BEFORE.search(match.string[: match.start()]))
        fan |= p != "a" and bool(match.group(f"{p}pre"))
        ranged = _RANGE_TO.match(match.string, match.end())
        if scale_text:
            scale = scale_text[0].upper()
        elif ranged:  # "250°–275°F": the scale the range ends with
            scale = ranged.group("scale")[0].upper()
        elif _FOREIGN_DEGREES_WORD.search(match.group(0)):
            scale = "C"  # "200 Grad": a European oven
        elif re.search(rf"[{_DEGREE_SIGNS}]|deg", match.group(0)):
            # "350 degrees": Fahrenheit above what a Celsius oven reaches in recipes.
            scale = "F" if value >= 275 else "C"
        else:
            continue
        out.append(_Reading(scale, value, fan))
    return out


_STRONG_INTERNAL = re.compile(
    r"\b(?:internal|inside|thermometer|probe|doneness|core|cooked\s+to|medium[-\s]rare|"
    r"well[-\s]done|thickest\s+part)\b",
    re.I,
)
_WEAK_INTERNAL = re.compile(r"\b(?:registers?|reads?|reach(?:es|ed)?)\b", re.I)
_OIL = re.compile(
    r"\b(?:oil|fat|lard|shortening|deep[-\s]?fry(?:ing)?|(?<!air[-\s])(?<!air)fry(?:ing)?)\b", re.I
)
_WATER = re.compile(r"\b(?:water|bath|sous[-\s]vide|milk|poach(?:ing)?)\b", re.I)
_OVEN = re.compile(
    r"\b(?:oven|preheat(?:ed)?|roast(?:ing|ed)?|bak(?:e|ing|ed)|broil|air[-\s]?fry(?:er)?"
    r"|fan|gas|grill|smoker|temperature\s+to|increase|reduce|lower|raise|turn|re-?heat|re-?warm)\b",
    re.I,
)
# the oven said in another language: "im vorgeheizten Ofen bei 180 °C", "le four à 180 °C"
_OVEN_WORDS = {
    *(str(w) for w in _WORDS["oven"]),
    *(f"{w}*" for w in (*word_list("verbs", "oven_bake"), *word_list("verbs", "oven_preheat"))),
}
_FOREIGN_OVEN = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"\b"
        for w in sorted(_OVEN_WORDS, key=len, reverse=True)
    )
    # Japanese and Chinese: the oven, preheating, baking (no word boundaries)
    + ")|オーブン|予熱|烤箱|烤炉|烤爐|焗炉|焗爐|预热|預熱|烘烤|烤",
    re.I,
)
_AIR_FRYER = re.compile(
    r"\bair[-\s]?fr[yi]\w*|\bairfryer\b|\bhei(?:ß|ss)luftfritteuse\b|"
    r"\bfriteuse\s+(?:à|sans)\s+(?:air|huile)\b|\bfreidora\s+de\s+aire\b|"
    r"\bfriggitrice\s+ad\s+aria\b|\bfritadeira\s+(?:el[ée]trica|sem\s+[óo]leo|de\s+ar)\b",
    re.I,
)
# An oven named anywhere in the step: with an air fryer and no oven, every heat is the fryer's.
_OVEN_NOUN = re.compile(
    r"\b(?:oven|ovens|four|ofen|backofen|horno|forno|ugn\w*|ovn\w*|piekarnik\w*|trouba|rúra)\b",
    re.I,
)
# A grill, smoker or griddle heated in the sentence, no oven: its heat ("Preheat the grill to
# medium (350-375°F)", "Prepare your smoker at 275 degrees", "Smoke the sausages at 225°F")
_OUTDOOR = re.compile(
    r"\b(?:grill(?!\s+pan)|grills|grates|barbecue|bbq|smoker|smoke|griddle|kamado|traeger|pellets?)\b",
    re.I,
)
_OVEN_SAID = re.compile(r"\b(?:oven|ovens|bak(?:e|ing|ed)|roast(?:ing|ed)?|broil\w*)\b", re.I)
# a kitchen machine's settings written time/temperature/speed ("15 min/100°C//vitesse 1")
_MACHINE_SETTING = re.compile(
    r"\s*/+\s*(?:vitesse|speed|vel\.?|velocidad|velocidade|velocità|stufe|snelheid)\b", re.I
)
# (not the point or comma of a number: "2,5–3 óra", "1.5 hours")
_CLAUSE_BREAK = re.compile(r"(?:[;:!?]|[.,](?!\d)|\buntil\b|\bthen\b|\band\b|\bwhile\b)", re.I)
_SENTENCE_START = re.compile(r"[.!?]\s")


def _kind(text: str, start: int, end: int) -> TemperatureKind:
    """What a temperature is of, from the words before it (nearest first) and just after."""
    before = text[max(0, start - 160) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].start() :] if breaks else before
    starts = list(_SENTENCE_START.finditer(before))
    sentence = before[starts[-1].end() :] if starts else before
    after = _CLAUSE_BREAK.split(text[end : end + 40], maxsplit=1)[0]
    if _MACHINE_SETTING.match(text, end):
        return "other"  # "8 min/90°C/vitesse 4": a Thermomix's bowl
    if _AIR_FRYER.search(clause) or _AIR_FRYER.search(after):
        return "other"  # "in the air fryer at 390°F": not an oven
    if _AIR_FRYER.search(text) and not _OVEN_NOUN.search(text):
        return "other"  # "spray the air fryer basket … At 200°C, cook for 15 minutes"
    if _STRONG_INTERNAL.search(clause) or _STRONG_INTERNAL.search(after):
        return "internal"
    if (
        _OUTDOOR.search(sentence)
        and not _OVEN_SAID.search(sentence)
        and not _WEAK_INTERNAL.search(clause)
    ):
        return "other"  # "Heat the grill to medium heat (about 400°F)": not the oven
    if _OIL.search(clause):
        return "oil"
    if _WATER.search(clause):
        return "water"
    if _OVEN.search(clause):
        return "oven"
    if re.search(r"\bheat\b", clause, re.I):
        # "add 3 inches of oil to a pan and heat to 375°F": the oil's
        return "oil" if re.search(r"\b(?:oil|deep[-\s]?fr\w*)\b", sentence, re.I) else "oven"
    if _FOREIGN_OVEN.search(clause) or _FOREIGN_OVEN.search(after):
        return "oven"
    if _STRONG_INTERNAL.search(sentence):
        return "internal"
    if re.search(r"\buntil\s+(?:it\s+(?:is|reaches)\s+)?$", before, re.I) and not _OIL.search(
        sentence
    ):
        return "internal"  # "heat the cream until 180°F": the food reaches it
    if re.search(r"\b(?:oil|deep[-\s]?fr\w*)\b", sentence, re.I):
        return "oil"
    if _WATER.search(sentence):
        return "water"
    if _WEAK_INTERNAL.search(clause):
        return "internal"
    if _OVEN.search(before):
        return "oven"
    return "other"


#: How much hotter a fan (convection) oven runs than a conventional one at the same setting,
#: as British and Australian cookbooks convert: "220°C fan" is 240 °C conventional.
FAN_OFFSET_CELSIUS = 20.0


@dataclass(slots=True)
class _Setting:
    """What one match states: the conventional figures, the fan figure, the gas mark."""

    fahrenheit: float | None = None
    celsius: float | None = None
    fan_celsius: float | None = None
    gas_mark: float | None = None

    def add(self, reading: _Reading) -> None:
        if reading.scale == "gas":
            if reading.value in _GAS_MARKS and self.gas_mark is None:
                self.gas_mark = reading.value
        elif reading.fan:
            if self.fan_celsius is None:
                value = reading.value
                self.fan_celsius = value if reading.scale == "C" else fahrenheit_to_celsius(value)
                self.fan_celsius = float(round(self.fan_celsius))
        elif reading.scale == "F" and self.fahrenheit is None:
            self.fahrenheit = reading.value
        elif reading.scale == "C" and self.celsius is None:
            self.celsius = reading.value
        elif self.fan_celsius is None:
            # "190°C (375°F) or 170°C (340°F) fan": a second, lower figure of a scale already
            # given is the fan oven's, as cookbooks give it after the conventional one
            first = self.fahrenheit if reading.scale == "F" else self.celsius
            if first is not None:
                to_c = fahrenheit_to_celsius if reading.scale == "F" else float
                given, lower = to_c(first), to_c(reading.value)
                if 10 <= given - lower <= 30:
                    self.fan_celsius = float(round(lower))

    def conventional(self) -> tuple[float, float] | None:
        """(°F, °C) of a conventional oven: as stated, else from the gas mark, else from the
        fan figure (20 °C more); the scale not stated converted and rounded to a degree."""
        fahrenheit, celsius = self.fahrenheit, self.celsius
        if fahrenheit is None and celsius is None:
            if self.gas_mark is not None:
                gas_f, gas_c = _GAS_MARKS[self.gas_mark]
                fahrenheit, celsius = float(gas_f), float(gas_c)
            elif self.fan_celsius is not None:
                celsius = self.fan_celsius + FAN_OFFSET_CELSIUS
        if fahrenheit is None and celsius is not None:
            fahrenheit = float(round(celsius_to_fahrenheit(celsius)))
        if celsius is None and fahrenheit is not None:
            celsius = float(round(fahrenheit_to_celsius(fahrenheit)))
        if fahrenheit is None or celsius is None:
            return None
        return fahrenheit, celsius


# "Preheat the oven to 375 and grease", "bake at 375 for 20 minutes": an oven's figure with no
# scale, read as "375 degrees" is (°F from 275 up)
_BARE_OVEN = re.compile(
    r"\b(?:oven|bake|roast|broil|preheat(?:ed)?)\s+(?:\w+\s+){0,2}?(?:to|at)\s+"
    r"(?P<v>[1-5]\d{2})\*?(?![\d°º˚*℉℃]|[.,]\d|\s*(?:degrees?|deg\b|[FC]\b|-|–|/|x\b|g\b|grams?\b|ml\b))",
    re.I,
)


def _bare_oven(text: str, taken: list[Temperature]) -> list[Temperature]:
    if taken:
        return []
    out: list[Temperature] = []
    for match in _BARE_OVEN.finditer(text):
        value = float(match.group("v"))
        if not 150 <= value <= 550:
            continue
        fahrenheit = value if value >= 275 else float(round(celsius_to_fahrenheit(value)))
        celsius = float(round(fahrenheit_to_celsius(value))) if value >= 275 else value
        out.append(
            Temperature(fahrenheit=fahrenheit, celsius=celsius, kind="oven", text=match.group("v"))
        )
    return out


def _fan_of_the_last(setting: _Setting, out: list[Temperature], between: str) -> bool:
    """A fan figure alone, said right after an oven's conventional one in the same sentence:
    the same oven, not a second temperature."""
    alone = setting.fahrenheit is None and setting.celsius is None and setting.gas_mark is None
    return bool(
        alone
        and setting.fan_celsius is not None
        and out
        and out[-1].kind == "oven"
        and out[-1].fan_celsius is None
        and len(between) <= 40
        and not re.search(r"[.;!?]\s", between)
    )


def one_setting_each(temperatures: list[Temperature]) -> list[Temperature]:
    """The oven settings of a step once each: an oven temperature said again right after
    itself ("Heat the oven to 375°F … and heat the oven to 375°F") is the same setting."""
    out: list[Temperature] = []
    for temperature in temperatures:
        last = out[-1] if out else None
        if (
            last is not None
            and temperature.kind == last.kind == "oven"
            and abs(temperature.fahrenheit - last.fahrenheit) < 1
            and temperature.fan_celsius == last.fan_celsius
        ):
            continue
        out.append(temperature)
    return out


def find_temperatures(text: str, kind: TemperatureKind | None = None) -> list[Temperature]:
    """Every temperature a text states, both scales filled, with its kind.

    A temperature given in both scales keeps both numbers; one given in one scale gets the
    other converted and rounded to a whole degree. A fan-oven figure ("180°C (160°C fan)",
    "220°C fan") and a gas mark are kept beside the conventional figures, which a fan figure
    alone gives as cooks convert: 20 °C more.
    """
    out: list[Temperature] = []
    if not _DIGIT.search(text):
        return out
    last_end = 0
    for match in _TEMPERATURE.finditer(text):
        readings = _readings(match)
        setting = _Setting()
        for reading in readings:
            setting.add(reading)
        if _fan_of_the_last(setting, out, text[last_end : match.start()]):
            out[-1] = replace(out[-1], fan_celsius=setting.fan_celsius)
            continue  # "175 graden (boven- en onderwarmte), 160 graden (hetelucht)": one oven
        last_end = match.end()
        both = setting.conventional()
        if both is None:
            continue
        fahrenheit, celsius = both
        if not -40 <= fahrenheit <= 1000 or _NOT_HEAT.search(text[: match.start()]):
            continue
        oven = all(r.scale == "gas" for r in readings) or setting.fan_celsius is not None
        found = kind or ("oven" if oven else _kind(text, match.start(), match.end()))
        if found == "oven" and fahrenheit < 100:
            found = "other"  # "do not exceed 75°F while proofing": a room, not an oven
        out.append(
            Temperature(
                fahrenheit=fahrenheit,
                celsius=celsius,
                kind=found,
                text=match.group(0).strip().rstrip(",/").strip(),
                fan_celsius=setting.fan_celsius,
                gas_mark=setting.gas_mark,
            )
        )
    if kind in (None, "oven"):
        out.extend(_bare_oven(text, out))
    return out


def oven_setting(fahrenheit: float) -> str:
    """An oven's temperature as the recipe's cook set it: ``350°F`` for a round Fahrenheit
    figure, ``200°C`` for the Fahrenheit of a round Celsius one (392°F), else whole °F.

    The planner works in °F; a recipe written in °C would otherwise show "392°F" in its plan.
    """
    whole = round(fahrenheit)
    if whole % 5 == 0:
        return f"{whole}°F"
    celsius = (fahrenheit - 32) * 5 / 9
    if abs(celsius - 5 * round(celsius / 5)) < 0.3:
        return f"{5 * round(celsius / 5)}°C"
    return f"{whole}°F"
