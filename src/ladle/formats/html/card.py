"""A recipe card read from a page's HTML itself, for pages whose schema.org data lacks it.

Recipe plugins and site templates mark their lists with telling class names ("ingredients",
"wprm-recipe-instructions", "zutaten", "preparation-steps"); where schema.org data has no
ingredients or no steps, ladle looks for the best such list: the element whose items read like
ingredient lines (short) or like instructions (sentences), preferring the tightest element that
holds them. Headings inside an ingredient list become its groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ladle.formats.html.dom import HEADINGS, bold_line, element_text, hidden
from ladle.words import alternation, word_list

__all__ = ["DomCard", "find_card"]

_INGREDIENT_HINT = re.compile(
    r"ingredi|zutat|skladnik|składnik|hozzav|ainekse|ingrédient|ingredienser|suroviny", re.I
)


@dataclass(frozen=True, slots=True)
class _Words:
    """Words that a class or id holds anywhere ("wprm-recipe-ingredients" holds "ingredi"):
    looked for as plain substrings, which is many times faster than a regular expression over
    the thousands of class names of a page."""

    words: tuple[str, ...]

    def search(self, label: str) -> bool:
        return any(map(label.lower().__contains__, self.words))


_INGREDIENT_LABEL = _Words(
    ("ingredi", "zutat", "skladnik", "składnik", "hozzav", "ainekse", "ingrédient", "suroviny")
)
_STEP_LABEL = _Words(
    (
        *[
            "instruction",
            "direction",
            "method",
            "preparation",
            "prep-step",
            "step",
            "zubereitung",
            "anleitung",
        ],
        *[
            "bereiding",
            "preparaci",
            "preparazione",
            "przygotowanie",
            "elkeszit",
            "procedure",
            "procedimento",
        ],
        *[
            "tilberedning",
            "fremgangs",
            "recipebody",
            "recipe-body",
            "howto",
            "how-to",
            "cooking-content",
        ],
        "cookingcontent",
        "cooking-steps",
        "cookingsteps",
    )
)
_NOT_CARD = _Words(
    (
        *[
            "comment",
            "review",
            "related",
            "sidebar",
            "widget",
            "footer",
            "nav",
            "menu",
            "share",
            "social",
            "newsletter",
        ],
        *[
            "ad-",
            "advert",
            "promo",
            "breadcrumb",
            "rating",
            "jump",
            "print",
            "nutrition",
            "equipment",
            "video",
            "author",
        ],
        "tag",
    )
)
_TITLE_HINT = re.compile(r"title|heading|header", re.I)
_GROUP_HINT = re.compile(r"group|heading|header|title|subtitle|section", re.I)


@dataclass(slots=True)
class DomCard:
    """What the page's own markup lists: ingredient lines with their groups, and steps."""

    ingredients: list[tuple[str, str | None]] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


def _label(element: Any) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _leaf_items(container: Any, least: int = 2) -> list[Any]:
    items = [
        li for li in container.iter("li") if not any(True for _ in li.iter("li") if _ is not li)
    ]
    if items:
        return items
    blocks = [
        child
        for child in container
        if isinstance(child.tag, str)
        and child.tag.lower() in {"p", "div", "span", "tr"}
        and not _TITLE_HINT.search(_label(child))  # the list's heading is no item
    ]
    return blocks if len(blocks) >= least else []


def _labelled(doc: Any) -> list[tuple[Any, str]]:
    """The page's elements that name what they hold (a class or id), not a part of the page
    that holds no card (comments, menus, nutrition …), each with its name."""
    found = []
    kept: dict[str, bool] = {}  # pages repeat their class names: each is judged once
    for element in doc.xpath("//*[@class or @id]"):
        if element.tag in {"script", "style", "a"}:
            continue
        label = _label(element)
        keep = kept.get(label)
        if keep is None:
            keep = kept[label] = bool(label.strip()) and not _NOT_CARD.search(label)
        if keep:
            found.append((element, label))
    return found


def _depth(element: Any) -> int:
    depth = 0
    while element is not None:
        depth += 1
        element = element.getparent()
    return depth


def _best(
    labelled: list[tuple[Any, str]], hint: _Words, fits: Any, *, amounts: bool = False
) -> Any:
    """The element named like ``hint`` whose items read best as its lines (``fits``), the
    tightest at equal score; with ``amounts``, a list of lines with amounts scores above a
    list of bare words (a site's menu of ingredient links), and a card that gives each group
    its own list scores as the whole card."""
    best: tuple[int, int, Any] | None = None
    named = {label: bool(hint.search(label)) for label in {label for _, label in labelled}}
    for element in (element for element, label in labelled if named[label]):
        items = [element_text(i) for i in _leaf_items(element) if not _link_only(i)]
        score = sum(1 for item in items if item and fits(item))
        if score < 2 or score < len([i for i in items if i]) * 0.6:
            continue
        if amounts:
            parts = (
                _with_like_siblings(element) if any(True for _ in element.iter("li")) else [element]
            )
            lines = [
                element_text(i)
                for part in parts
                for i in _leaf_items(part, least=1)
                if not _link_only(i)
            ]
            score = sum(bool(line) and fits(line) for line in lines) + sum(
                bool(_AMOUNT.search(line)) for line in lines
            )
        key = (score, _depth(element))
        if best is None or key > best[:2]:
            best = (score, key[1], element)
    return best[2] if best else None


_AMOUNT = re.compile(r"[\d½⅓⅔¼¾⅛⅜⅝⅞]")


def _link_only(item: Any) -> bool:
    """Whether all an item's text is a link's: a menu entry, not a line of a recipe."""
    text = "".join(item.itertext()).strip()
    links = "".join("".join(a.itertext()) for a in item.iter("a")).strip()
    return bool(text) and text == links


def _grouped_lines(parts: list[Any]) -> list[tuple[str, str | None]]:
    """The items of one or more lists in page order, each with the heading above it (a
    heading inside an item, such as the item's own "title", names no group)."""
    items = set(_leaf_items(parts[0]))  # a list beside the first may hold a single line
    items |= {item for part in parts[1:] for item in _leaf_items(part, least=1)}
    out: list[tuple[str, str | None]] = []
    group: str | None = None

    def walk(element: Any) -> None:
        nonlocal group
        for child in element:
            if not isinstance(child.tag, str) or hidden(child):
                continue
            if child in items:
                text = element_text(child)
                if text:
                    out.append((text, group))
            elif (
                child.tag.lower() in HEADINGS
                or _GROUP_HINT.search(_label(child))
                or bold_line(child)
            ) and not any(item in items for item in child.iter()):
                text = element_text(child).rstrip(":")
                if text and len(text.split()) <= 8 and not _INGREDIENT_HINT.fullmatch(text):
                    group = None if _INGREDIENT_HINT.match(text) else text
            else:
                walk(child)

    for part in parts:
        walk(part)
    return out


def _with_like_siblings(container: Any) -> list[Any]:
    """A list and the lists beside it of the same make: a card that gives each group of
    ingredients its own list, headed by its name."""
    parent = container.getparent()
    if parent is None or not container.get("class"):
        return [container]
    return [
        sibling
        for sibling in parent
        if sibling.tag == container.tag and sibling.get("class") == container.get("class")
    ]


def _ingredient_line(text: str) -> bool:
    return 0 < len(text.split()) <= 25


def _step_line(text: str) -> bool:
    return len(text.split()) >= 3


def find_card(doc: Any) -> DomCard:
    """The page's ingredient list and steps, where its markup names them."""
    card = DomCard()
    labelled = _labelled(doc)
    container = _best(labelled, _INGREDIENT_LABEL, _ingredient_line, amounts=True)
    if container is not None:
        card.ingredients = _grouped_lines(_with_like_siblings(container))
    steps = _best(labelled, _STEP_LABEL, _step_line)
    if steps is not None:
        card.steps = _unnumbered(
            [t for t in (element_text(item) for item in _leaf_items(steps)) if t]
        )
    return card


_STEP_WORD = alternation(word_list("headings", "step_words")) + "?"


def _unnumbered(steps: list[str]) -> list[str]:
    """Steps without the numbers the card prints before them ("1 Preheat…", "Step 2: Add…"),
    when every step carries its own number in turn."""
    bare = []
    for number, text in enumerate(steps, start=1):
        label = re.match(rf"{_STEP_WORD}\s*0?{number}\s*[.:)]?\s+(?=\S)", text, re.I)
        if label is None:
            return steps
        bare.append(text[label.end() :])
    return bare
