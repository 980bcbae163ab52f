"""What a pan, tin, tray or dish named in a step is: a cake tin, a baking dish or a sheet."""

from __future__ import annotations

import re

__all__ = ["baking_vessel"]

# A dish of a stated size is a baking dish: "a 13x9x2-inch dish", "a 2-quart dish".
_SIZED = re.compile(
    r"(?:\d\s*(?:x|×|by)\s*\d|\d\s*(?:-|\s)?(?:inch|in\.|\"|cm|quart|qt|litre|liter)\b)"
    r"[^.;,]{0,15}$",
    re.I,
)
_PREPARED = re.compile(r"\b(?:prepared|greased|buttered|oiled|lined)\s+$", re.I)
# A tin a cake bakes or cools in: "cool in the tin", "the lined tin", not "store in a tin"
_A_BAKING_TIN = re.compile(
    r"\b(?:the|a|an|your|each|prepared|greased|buttered|oiled|lined|same)\s+$", re.I
)
# a tin a bake goes into, is lined or greased for, or cools in (a roast's "tin" is its tray)
_BAKED_OR_COOLED = re.compile(r"\b(?:bak(?:e|es|ed|ing)|cool\w*|line|lined|grease[ds]?)\b", re.I)
_STORED_IN = re.compile(r"\b(?:stor(?:e|ed|ing)|keep|kept)\b", re.I)
_NOT_A_BAKING_TIN = re.compile(r"s?\s+(?:of|foil)\b|s?\s*-?\s*foil\b", re.I)
# what a cake tin holds, not a casserole: "pour the batter into the baking pan"
_CAKE = re.compile(
    r"\b(?:batter|cakes?|brownies?|blondies?|cupcakes?|muffins?|cheesecakes?)\b", re.I
)
_COOKIES = re.compile(r"\b(?:cookies?|biscuits?|macarons?|meringues?)\b", re.I)
_ONE_SIZE = re.compile(r"(?<![x×\d\s])\s*\d+(?:\.\d+)?\s*(?:-|\s)?(?:inch|in\.|\"|cm)\s*$", re.I)
# A pan by its size: "an 8x8-inch pan", "a 9-inch square metal pan", "a 9x13 pan"
_TWO_SIZES = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:-|\s)?(?:inch|in\.|\"|”|cm)?\s*(?:x|×|by)\s*(\d+(?:\.\d+)?)\s*"
    r"(?:-|\s)?(?:inch|in\.|\"|”|cm)?[-\s]+(?:[a-z-]+\s+){0,2}$",
    re.I,
)
_SHAPED = re.compile(
    r"\d\s*(?:-|\s)?(?:inch|in\.|\"|”|cm)[-\s]+(?:(?:metal|glass|nonstick|non-stick|light|dark|"
    r"deep|shallow|fluted|greased|lined)[-\s]+)*(?:round|square|springform|tube|bundt|loaf)\s+"
    r"(?:(?:metal|glass|nonstick|non-stick|cake|baking)\s+)?$",
    re.I,
)


# lined with baking paper, in any language: "lined with parchment", "recouverte de papier
# sulfurisé", "com papel vegetal", "mit Backpapier"
_LINED = re.compile(
    r"\b(?:lin(?:e|ed|ing)|recouver\w*|tapiss\w*|chemis\w*|forr\w*|bekleed|ausleg\w*|"
    r"foder\w*|kl[äa])\b[^.;]{0,50}?\b(?:parchment|baking\s+paper|papier\s+sulfuris[ée]|"
    r"papel\s+(?:vegetal|manteiga|de\s+horno|para\s+hornear)|carta\s+forno|backpapier|bakpapier|"
    r"bakplåtspapper|silicone\s+mat|silpat)",
    re.I,
)
_INTO_THE_OVEN = re.compile(
    r"\b(?:in|into|to)\s+(?:the\s+|a\s+)?(?:hot\s+|preheated\s+)?oven\b", re.I
)
# a sheet that is no tray: "a sheet of foil", "sheets of filo", "a parchment sheet"
_NOT_A_BAKING_SHEET = re.compile(r"s?\s+(?:of|pan)\b|s?[-\s]+(?:pans?|cake|mask)\b", re.I)
_SHEET_OF = re.compile(
    r"\b(?:parchment|foil|paper|pastry|phyllo|filo|nori|lasagn[ae]|gelatin[e]?|dough|pasta|"
    r"plastic|silicone|baking\s+paper|cookie|rice|puff|one|single|large|flat|thin)\s+$",
    re.I,
)


def _sized_pan(before: str, bakes: bool) -> str | None:
    """A plain "pan" named by its size is a cake tin (up to 10 inches a side) or a baking dish."""
    two = _TWO_SIZES.search(before)
    if two:
        big = max(float(two.group(1)), float(two.group(2)))
        small = min(float(two.group(1)), float(two.group(2)))
        cm = "cm" in two.group(0).lower()
        if cm:
            big, small = big / 2.54, small / 2.54
        if big >= 15:
            return "baking sheet"  # "a 17x12-inch pan" is a jelly roll or half-sheet pan
        return "baking dish" if big > 10.5 and small > 5 else "cake tin"
    if _SHAPED.search(before) or (bakes and _ONE_SIZE.search(before)):
        return "cake tin"
    return None


def _a_baking_tin(before: str, after: str, text: str) -> bool:
    """A "tin" a cake bakes or cools in, not "a tin of tomatoes" or the tin biscuits keep in."""
    return bool(
        _A_BAKING_TIN.search(before)
        and not _NOT_A_BAKING_TIN.match(after)
        and not _STORED_IN.search(before)
        and (_PREPARED.search(before) or _CAKE.search(text) or _BAKED_OR_COOLED.search(text))
    )


def baking_vessel(
    name: str, spelling: str, text: str, start: int, end: int, *, bakes: bool
) -> str | None:
    """The vessel named by `spelling` (canonically `name`) at text[start:end], or None.

    None when the word names no vessel a step uses ("a tin of tomatoes", "a dish" of no size
    outside a bake, a tray when nothing bakes); `bakes` tells whether the text bakes.
    """
    before = text[max(0, start - 40) : start]
    after = text[end:]
    if spelling == "baking pan" and _ONE_SIZE.search(before):
        name = "cake tin"  # "a 9-inch baking pan" is round or square
    if spelling in {"pan", "baking pan"}:
        name = _sized_pan(before, bakes) or name
        if (
            name in {"pan", "baking dish"}
            and _COOKIES.search(text)
            and not re.search(r"\b(?:tin|muffin|cupcake|cake|loaf|pie|tart)\s+$", before, re.I)
        ):
            name = "baking sheet"  # cookies rest on the baking pan: a sheet
    if (
        name == "baking dish"
        and spelling.endswith("pan")
        and not spelling.startswith(("pie", "lasagn"))
        and _CAKE.search(text)
    ):
        name = "cake tin"  # "a 9x13 pan" of a cake, "the baking pan" of a batter
    if name == "tray":  # "rotate the trays halfway through baking", "the tray into the oven",
        # "a tray lined with parchment"
        lined = _LINED.search(text[max(0, start - 40) : end + 60])  # this tray lined
        if bakes or _INTO_THE_OVEN.search(text) or lined:
            return _sized_pan(before, bakes) or "baking sheet"  # "an 8 by 8 inch cake tray"
        return None
    if name == "sheet":  # "rotating the sheets", not "a sheet of parchment" or of pastry
        if not bakes or _NOT_A_BAKING_SHEET.match(after) or _SHEET_OF.search(before):
            return None
        return "baking sheet"
    if name == "tin":
        return "cake tin" if _a_baking_tin(before, after, text) else None
    if name == "dish":
        if not (_SIZED.search(before) or (bakes and _PREPARED.search(before))):
            return None
        return "baking dish"  # "a 13x9x2-inch dish", "the prepared dish" of a bake
    return name
