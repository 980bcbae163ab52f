"""Ingredient lines in other languages: on the shared pages not in English, at least 95% of the
lines with an amount get the amount's number and its unit (or its count) right.

"Right" is judged from what the line writes, independently of ladle's parser: the number
written first (or after the name: "Farine - 185 grammes", "Zucchero 105 g") and the word after
it, looked up in this file's own small table of unit words (``UNIT_WORDS``, kept apart from
``ladle/data/words/units.toml`` on purpose, so that the test can fail). A line is right when
the parsed quantity is that number and the parsed unit is the table's unit for the word, or
no unit when the word is not in the table (a count: "2 oranges", "3 Eier"). Lines with a
number only in the middle ("saften av ½ citron") have no amount here and are not counted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from ladle.ingredients import parse_ingredient

from .conftest import shared

MIN_SHARE = 0.95

_G, _KG, _ML, _CL, _DL, _L = "gram", "kilogram", "milliliter", "centiliter", "deciliter", "liter"
_TBSP, _TSP, _CUP = "tablespoon", "teaspoon", "cup"

# The unit words of the pages' languages, as a cook reads them (lower case).
UNIT_WORDS: dict[str, str] = {
    **dict.fromkeys(["g", "gr", "gram", "grams", "grama", "gramas", "grammes", "gramm"], _G),
    **dict.fromkeys(["kg", "kilo", "kilogram"], _KG),
    **dict.fromkeys(["ml", "cl", "dl", "l"], ""),  # filled below
    **dict.fromkeys(["krm"], _ML),
    **dict.fromkeys(
        [
            "el", "msk", "ss", "spsk", "spsk.", "eetlepel", "eetlepels", "c.s.", "c. à soupe",
            "cuillère à soupe", "cucharada", "cucharadas", "cucchiaio", "cucchiai",
            "colher (sopa)", "colheres (sopa)", "colheres de sopa", "colher de sopa", "łyżka",
            "łyżki", "lžíce", "pl",
        ],
        _TBSP,
    ),
    **dict.fromkeys(
        [
            "tl", "tsk", "ts", "theelepel", "theelepels", "c.c", "càc", "cuillère à café",
            "cucharadita", "cucharaditas", "cucchiaino", "cucchiaini", "colher (chá)",
            "colher de chá", "łyżeczka", "łyżeczki", "lžička",
        ],
        _TSP,
    ),
    "colher (sobremesa)": "dessertspoon",
    **dict.fromkeys(["xícara", "xícaras", "xícara (chá)", "xícaras (chá)", "φλ.", "t"], _CUP),
    **dict.fromkeys(
        [
            "pincée", "prise", "prisen", "pizzico", "pizca", "pitada", "štipka", "špetka",
            "szczypta", "csipet", "msp.",
        ],
        "pinch",
    ),
    **dict.fromkeys(
        [
            "gousses", "zehen", "teen", "teentje", "spicchio", "dente", "dentes", "dientes",
            "klyfta", "fed", "gerezd",
        ],
        "clove",
    ),
    **dict.fromkeys(
        ["stk", "stk.", "stück", "ks", "db", "pièce", "unidade", "sztuka", "sztuki"], "piece"
    ),
    **dict.fromkeys(["bund", "botte", "grappolo"], "bunch"),
    **dict.fromkeys(["takje", "takjes", "branche", "ramo"], "sprig"),
    **dict.fromkeys(["scheibe", "fette", "plakjes", "φετ."], "slice"),
    **dict.fromkeys(["lata", "boks", "blikje"], "can"),
    **dict.fromkeys(["vidro"], "jar"),
    **dict.fromkeys(["sachet", "sobre", "bustina", "sáček"], "sachet"),
    **dict.fromkeys(["csomag"], "packet"),
    **dict.fromkeys(["stange", "stangen", "stang", "rúd"], "stick"),
    **dict.fromkeys(["stiele", "stilke"], "stalk"),
    **dict.fromkeys(["fogli"], "sheet"),
    **dict.fromkeys(["bicchiere"], "glass"),
    **dict.fromkeys(["handvoll"], "handful"),
    **dict.fromkeys(["blokjes", "kostky"], "cube"),
    **dict.fromkeys(["schuss"], "splash"),
}  # fmt: skip
UNIT_WORDS.update({"ml": _ML, "cl": _CL, "dl": _DL, "l": _L})
# Words that qualify the unit after them ("1 kl. Bund", "1 gestrichener TL").
QUALIFIERS = frozenset({"kl.", "gestrichener", "dünne", "kleine"})
# Number words before a unit.
NUMBER_WORDS = {"meia": 0.5, "una": 1.0, "eine": 1.0}
# Words before an amount meaning "about".
ABOUT = frozenset({"plm.", "ca.", "ca"})

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_NUM = r"(?:\d+/\d+|\d+(?:[.,]\d+)?(?:\s*[½¼¾⅓⅔])?|[½¼¾⅓⅔])"
_JOINED = re.compile(rf"^({_NUM})(?:\s+(?:e|i|y|und)\s+|\s+)(\d+/\d+|[½¼¾])(?=\s|$)")
_SUM = re.compile(rf"^({_NUM})\s*\+\s*({_NUM})")
_FIRST = re.compile(rf"^({_NUM})")
_AFTER_NAME = re.compile(rf"^(?P<name>\D+?)\s+(?P<rest>{_NUM}\D*)$")


def _value(text: str) -> float:
    text = text.strip().replace(",", ".")
    if text in _FRACTIONS:
        return _FRACTIONS[text]
    if text[-1] in _FRACTIONS:
        return float(text[:-1] or 0) + _FRACTIONS[text[-1]]
    if "/" in text:
        top, bottom = text.split("/")
        return int(top) / int(bottom)
    return float(text)


def _amount_after_name(text: str) -> str:
    """ "Beurre doux : 120 g", "Farine - 185 grammes", "Zucchero 105 g": the amount and what
    follows it; "" when the line writes no amount after its name."""
    for separator in (":", " - "):
        if separator in text:
            rest = text.rsplit(separator, 1)[1].strip()
            return rest if _FIRST.match(rest) else ""
    after = _AFTER_NAME.match(text)
    if after is None:
        return ""
    tail = after["rest"][_FIRST.match(after["rest"]).end() :]  # type: ignore[union-attr]
    return after["rest"] if not tail.strip() or _unit_after(tail) is not None else ""


@dataclass(frozen=True)
class Written:
    """What a line writes: the number first and the unit of the word after it."""

    quantity: float
    unit: str | None


def _unit_after(rest: str) -> str | None:
    words = rest.split()
    while words and words[0].lower() in QUALIFIERS:
        words = words[1:]
    for size in (3, 2, 1):
        phrase = " ".join(words[:size]).lower().rstrip(",")
        if phrase in UNIT_WORDS:
            return UNIT_WORDS[phrase]
    return None


def written(line: str) -> Written | None:
    """The amount a line writes, or None when it writes none where amounts are written."""
    text = re.sub(r"\((?:s|n|er)\)", "", line).strip()
    head = text.split()[0].lower() if text.split() else ""
    if head in ABOUT:
        text = text.split(None, 1)[1]
    elif head in NUMBER_WORDS and _unit_after(text.split(None, 1)[1]) is not None:
        return Written(NUMBER_WORDS[head], _unit_after(text.split(None, 1)[1]))
    if not _FIRST.match(text):
        text = _amount_after_name(text)
        if not text:
            return None
    joined, summed = _JOINED.match(text), _SUM.match(text)
    if joined:
        quantity, end = _value(joined[1]) + _value(joined[2]), joined.end()
    elif summed:
        quantity, end = _value(summed[1]) + _value(summed[2]), summed.end()
    else:
        first = _FIRST.match(text)
        assert first is not None
        quantity, end = _value(first[1]), first.end()
    rest = re.sub(r"^\s*(?:[-–]|à|a)\s*\d+(?:[.,]\d+)?", "", text[end:])
    return Written(quantity, _unit_after(rest))


@dataclass(frozen=True)
class Line:
    page: str
    text: str


def _foreign_lines() -> list[Line]:
    folder = shared("data/recipe-pages")
    lines: list[Line] = []
    for path in sorted(Path(folder).glob("*.json")):
        page = json.loads(path.read_text("utf-8"))
        language = str(page.get("language") or "")
        if language and not language.lower().startswith("en"):
            lines += [Line(path.stem, str(text)) for text in page.get("ingredients") or []]
    return lines


def _right(line: str, expected: Written) -> bool:
    got = parse_ingredient(line)
    quantity_ok = got.quantity is not None and abs(got.quantity - expected.quantity) < 1e-6
    return quantity_ok and got.unit == expected.unit


def test_the_checker_reads_what_lines_write() -> None:
    """The checker on its own: the number first, the unit of the word after it."""
    assert written("2 c. à soupe de farine") == Written(2, _TBSP)
    assert written("1 e 1/2 xícara (chá) de açúcar") == Written(1.5, _CUP)
    assert written("Farine - 185 grammes") == Written(185, _G)
    assert written("Lait 1/2 écrémé : 25 cl") == Written(25, _CL)
    assert written("0,5-1 cl Sockerlag") == Written(0.5, _CL)
    assert written("2 oranges") == Written(2, None)
    assert written("saften av ½ citron") is None
    assert written("Sel") is None


def test_lines_in_other_languages_get_a_unit_or_a_count_right() -> None:
    lines = _foreign_lines()
    judged = [(line, amount) for line in lines if (amount := written(line.text)) is not None]
    wrong = [(line, amount) for line, amount in judged if not _right(line.text, amount)]
    share = 1 - len(wrong) / len(judged)
    listing = "\n".join(
        f"  {line.page}: {line.text!r} expected {amount.quantity:g} {amount.unit}, got "
        f"{parse_ingredient(line.text).quantity} {parse_ingredient(line.text).unit}"
        for line, amount in wrong
    )
    print(f"{len(judged) - len(wrong)} of {len(judged)} lines right ({share:.1%})\n{listing}")
    assert len(judged) >= 400, f"only {len(judged)} lines with an amount: the pages changed?"
    assert share >= MIN_SHARE, f"{share:.1%} of {len(judged)} lines right; wrong:\n{listing}"


ISSUE_LINES = [
    ("2 c. à soupe de farine", 2, _TBSP, "farine"),
    ("3 gousses d'ail", 3, "clove", "ail"),
    ("2 cucharadas de aceite", 2, _TBSP, "aceite"),
    ("1 colher de sopa de açúcar", 1, _TBSP, "açúcar"),
    ("2 dl mjölk", 2, _DL, "mjölk"),
    ("1 cl rom", 1, _CL, "rom"),
    ("2 msk smör", 2, _TBSP, "smör"),
    ("1 tsk salt", 1, _TSP, "salt"),
    ("1 krm salt", 1, _ML, "salt"),
    ("1 c. à café de sel", 1, _TSP, "sel"),
    ("2 EL Öl", 2, _TBSP, "Öl"),
    ("1 TL Salz", 1, _TSP, "Salz"),
    ("1 cucharadita de sal", 1, _TSP, "sal"),
    ("1 colher de chá de sal", 1, _TSP, "sal"),
    ("2 cs huile", 2, _TBSP, "huile"),
    ("1 el olie", 1, _TBSP, "olie"),
    ("1 tl zout", 1, _TSP, "zout"),
    ("2 eetlepels olie", 2, _TBSP, "olie"),
    ("1 theelepel zout", 1, _TSP, "zout"),
    ("2 cucchiai di olio", 2, _TBSP, "olio"),
    ("1 cucchiaino di sale", 1, _TSP, "sale"),
]


@pytest.mark.parametrize(("line", "quantity", "unit", "name"), ISSUE_LINES)
def test_units_of_other_languages(line: str, quantity: float, unit: str, name: str) -> None:
    got = parse_ingredient(line)
    assert (got.quantity, got.unit, got.name, got.text) == (quantity, unit, name, line)


@pytest.mark.parametrize(
    ("line", "quantity", "unit", "name", "comment"),
    [
        ("2 grosses gousses d'ail", 2, "clove", "ail", "grosses"),
        ("1 flinke c. à soupe de miel", 1, _TBSP, "miel", "flinke"),
        ("3 c. à dessert de sucre", 3, "dessertspoon", "sucre", None),
        ("1 gestrichener TL Backpulver", 1, _TSP, "Backpulver", "gestrichener"),
        ("Plm. 750 gram spitskool", 750, _G, "spitskool", "Plm."),
        ("meia colher (sopa) de azeite", 0.5, _TBSP, "azeite", None),
        ("1 e 1/2 xícara (chá) de açúcar", 1.5, _CUP, "açúcar", None),
        ("500 grama | gramas de alcatra", 500, _G, "alcatra", None),
        ("Beurre doux : 120 g", 120, _G, "Beurre doux", None),
        ("Zucchero 105 g", 105, _G, "Zucchero", None),
        ("Óleo de soja 2 colheres (sopa)", 2, _TBSP, "Óleo de soja", None),
    ],
)
def test_shapes_of_lines_in_other_languages(
    line: str, quantity: float, unit: str, name: str, comment: str | None
) -> None:
    """Qualified units, "about", number words, joined numbers, singular | plural, amounts after
    the name: never a unit cut ("gouss") or joined ("c._à_soupe"), never "c." read as a cup."""
    got = parse_ingredient(line)
    assert (got.quantity, got.unit, got.name, got.comment) == (quantity, unit, name, comment)
