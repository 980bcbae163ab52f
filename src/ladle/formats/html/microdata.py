"""schema.org microdata: Recipe items marked in a page's HTML, as schema.org dicts.

A page without JSON-LD may mark its recipe with ``itemscope``/``itemprop`` attributes; each
Recipe item becomes a dict of its properties, as JSON-LD would give it, for
:mod:`ladle.formats.schemaorg`. An ingredient list marked as one element gives its items (or
its lines, a bold line naming a group); an instructions element gives its headings as
HowToSections. JSON written into a ``content`` attribute is read as JSON, even with its
quotes left unescaped.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Mapping
from typing import Any

from ladle.formats.html.dom import chunks
from ladle.formats.schemaorg import embedded_json

__all__ = ["lines_of", "microdata"]

_RAW_JSON_CONTENT = re.compile(
    r"""itemprop=["']?(\w+)["']?\s+content="(\[\s*\{.*?\}\s*\])"(?=[\s/>])""", re.S
)


def _unquoted_json(text: str) -> dict[str, object]:
    """JSON written into a ``content="…"`` attribute with its quotes left unescaped: the HTML
    parser ends the attribute at the first quote ("[{"), so it is read from the source."""
    found: dict[str, object] = {}
    for match in _RAW_JSON_CONTENT.finditer(text):
        value = embedded_json(html_lib.unescape(match.group(2)))
        if value is not None:
            found.setdefault(match.group(1), value)
    return found


def microdata(doc: Any, text: str = "") -> list[Mapping[str, Any]]:
    """schema.org microdata Recipe items as dicts of their properties."""
    items: list[Mapping[str, Any]] = []
    recovered = _unquoted_json(text) if '="[{"' in text else {}
    for element in doc.iter():
        if not isinstance(element.tag, str) or element.get("itemscope") is None:
            continue
        if "recipe" not in (element.get("itemtype") or "").lower():
            continue
        if element.get("itemprop") is not None and _inside_item(element):
            continue  # a Recipe that is a property of another item is read with it
        item = _item(element)
        for name, value in recovered.items():
            if isinstance(item.get(name), str) and str(item[name]).strip() in {"[", "[{"}:
                item[name] = value
        items.append(item)
    return items


def _inside_item(element: Any) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.get("itemscope") is not None:
            return True
        parent = parent.getparent()
    return False


def _item(scope: Any) -> dict[str, Any]:
    types = (scope.get("itemtype") or "").split()
    item: dict[str, Any] = {"@type": [t.rsplit("/", 1)[-1] for t in types] or ["Thing"]}
    stack = list(reversed(list(scope)))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        names = (element.get("itemprop") or "").split()
        nested = element.get("itemscope") is not None
        if names:
            value: Any = _item(element) if nested else _value(element, names)
            for name in names:
                if name in item:
                    existing = item[name]
                    item[name] = (
                        [*existing, value] if isinstance(existing, list) else [existing, value]
                    )
                else:
                    item[name] = value
        if not nested:
            stack.extend(reversed(list(element)))
    return item


_STRUCTURED = frozenset({"recipeinstructions", "instructions", "recipeingredient", "ingredients"})


def _value(element: Any, names: list[str] | None = None) -> Any:
    tag = element.tag.lower()
    if element.get("content") is not None:
        return str(element.get("content"))
    if tag in {"a", "link", "area"} and element.get("href"):
        return str(element.get("href"))
    if tag in {"img", "audio", "video", "source", "embed", "iframe"}:
        return str(element.get("src") or "")
    if tag == "time" and element.get("datetime"):
        return str(element.get("datetime"))
    if tag in {"data", "meter"} and element.get("value") is not None:
        return str(element.get("value"))
    parts = chunks(element)
    if len(parts) <= 1:
        return parts[0][1] if parts else ""
    if names and any(n.lower() in _STRUCTURED for n in names):
        if any(
            n.lower().startswith("recipeingredient") or n.lower() == "ingredients" for n in names
        ):
            if any(True for _ in element.iter("li")):  # a whole list marked as the ingredients
                return [text for kind, text in parts if kind == "block"]
            if any(True for _ in element.iter("br")):  # lines, a bold line naming a group
                return lines_of(parts)
            return " ".join(text for _, text in parts)  # one line laid out in parts
        return _sections(parts)
    return "\n".join(text for _, text in parts)


def lines_of(parts: list[tuple[str, str]]) -> list[str]:
    """Blocks as ingredient lines, a heading as a group's name ("Sauce:"), the way
    ``schemaorg.ingredients_with_groups`` reads a heading in a list."""
    return [f"{text.rstrip(':')}:" if kind == "heading" else text for kind, text in parts]


def _sections(parts: list[tuple[str, str]]) -> list[Any]:
    """Headings and the blocks under them as HowToSections, blocks before any heading as steps."""
    out: list[Any] = []
    section: dict[str, Any] | None = None
    for kind, text in parts:
        if kind == "heading":
            section = {"@type": "HowToSection", "name": text, "itemListElement": []}
            out.append(section)
        elif section is not None:
            section["itemListElement"].append(text)
        else:
            out.append(text)
    return out
