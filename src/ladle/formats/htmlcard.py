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

__all__ = ["DomCard", "find_card", "hidden", "page_title"]

_INGREDIENT_HINT = re.compile(
    r"ingredi|zutat|skladnik|składnik|hozzav|ainekse|ingrédient|ingredienser|suroviny", re.I
)
_STEP_HINT = re.compile(
    r"instruction|direction|method|preparation|prep-step|step|zubereitung|anleitung|bereiding|"
    r"preparaci|preparazione|przygotowanie|elkeszit|procedure|procedimento|tilberedning|"
    r"fremgangs|recipe-?body|how-?to|cooking-?(?:content|steps)",
    re.I,
)
_NOT_CARD = re.compile(
    r"comment|review|related|sidebar|widget|footer|nav|menu|share|social|newsletter|ad-|"
    r"advert|promo|breadcrumb|rating|jump|print|nutrition|equipment|video|author|tag",
    re.I,
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_HINT = re.compile(r"title|heading|header", re.I)
_GROUP_HINT = re.compile(r"group|heading|header|title|subtitle|section", re.I)
_SPACES = re.compile(r"\s+")
_NO_SPACE_BEFORE = re.compile(r"\s+([,.;:!?)\]®™])")


@dataclass(slots=True)
class DomCard:
    """What the page's own markup lists: ingredient lines with their groups, and steps."""

    ingredients: list[tuple[str, str | None]] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


def _text(element: Any) -> str:
    """An element's text, a space between its parts ("<b>1 tbsp</b>Soy sauce"), the checkbox
    glyphs of recipe plugins ("▢") left out."""
    text = _SPACES.sub(" ", " ".join(element.itertext()).replace("▢", " ")).strip()
    return _NO_SPACE_BEFORE.sub(r"\1", text)


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


def _candidates(doc: Any, hint: re.Pattern[str]) -> list[Any]:
    found = []
    for element in doc.iter():
        if not isinstance(element.tag, str) or element.tag.lower() in {"script", "style", "a"}:
            continue
        label = _label(element)
        if not label.strip() or not hint.search(label) or _NOT_CARD.search(label):
            continue
        found.append(element)
    return found


def _depth(element: Any) -> int:
    depth = 0
    while element is not None:
        depth += 1
        element = element.getparent()
    return depth


def _best(doc: Any, hint: re.Pattern[str], fits: Any) -> Any:
    best: tuple[int, int, Any] | None = None
    for element in _candidates(doc, hint):
        items = [_text(item) for item in _leaf_items(element)]
        score = sum(1 for item in items if item and fits(item))
        if score < 2 or score < len([i for i in items if i]) * 0.6:
            continue
        key = (score, _depth(element))
        if best is None or key > best[:2]:
            best = (score, key[1], element)
    return best[2] if best else None


_HIDDEN_CLASS = re.compile(
    r"^(?:(?:u|is|js)-)?(?:hidden|visually-?hidden|visuallyhidden|sr-only)$|^d-none$"
)


_SHOWN_WIDE = re.compile(
    r"^(?:d-(?:sm|md|lg|xl|xxl)-|(?:sm|md|lg|xl|2xl):)(?:block|flex|grid|inline|table)"
)


def hidden(element: Any) -> bool:
    """Whether the page hides an element from view: a list in other units behind a switch."""
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or (element.get("aria-hidden") or "").lower() == "true"
        or "display:none" in style
        or _hidden_by_class((element.get("class") or "").lower().split())
    )


def _hidden_by_class(tokens: list[str]) -> bool:
    """ "u-visuallyhidden", "d-none": hidden; "d-none d-lg-block", "hidden md:block": shown
    on a wide screen, so part of the page."""
    return any(_HIDDEN_CLASS.match(t) for t in tokens) and not any(
        _SHOWN_WIDE.match(t) for t in tokens
    )


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
                text = _text(child)
                if text:
                    out.append((text, group))
            elif (child.tag.lower() in _HEADINGS or _GROUP_HINT.search(_label(child))) and not any(
                item in items for item in child.iter()
            ):
                text = _text(child).rstrip(":")
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
    container = _best(doc, _INGREDIENT_HINT, _ingredient_line)
    if container is not None:
        card.ingredients = _grouped_lines(_with_like_siblings(container))
    steps = _best(doc, _STEP_HINT, _step_line)
    if steps is not None:
        card.steps = _unnumbered([t for t in (_text(item) for item in _leaf_items(steps)) if t])
    return card


_STEP_WORD = r"(?:step|schritt|étape|etape|paso|passo|stap|krok|trin|steg)?"


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


def page_title(doc: Any) -> str | None:
    """The page's own name for itself: og:title, else the first h1, else <title>."""
    for element in doc.iter("meta"):
        if (element.get("property") or "").lower() == "og:title" and element.get("content"):
            return _SPACES.sub(" ", str(element.get("content"))).strip()
    for tag in ("h1", "title"):
        for element in doc.iter(tag):
            text = _text(element)
            if text:
                return text
    return None
