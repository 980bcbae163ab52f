"""Recipe web pages: schema.org JSON-LD and microdata, recipe-scrapers' site scrapers, and text.

A page is parsed once with lxml. Its JSON-LD scripts and microdata give schema.org Recipe
nodes, read by :mod:`ladle.formats.schemaorg`. For sites where recipe-scrapers has a
hand-written scraper that does more than read schema.org (about a third of its 700+ sites),
the scraper's title, ingredients and instructions win, as its authors checked them against
the real site; ``generic=True`` (``--generic``) switches that off. A page with no schema.org
recipe is read as text by the plain-text reader; a page with no recipe at all is refused
with "no recipe found".
"""

from __future__ import annotations

import copy
import html as html_lib
import inspect
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from ladle.errors import FormatError, LadleError, NoRecipeFound
from ladle.formats import plain
from ladle.formats.htmlcard import DomCard, find_card, hidden, page_title
from ladle.formats.schemaorg import (
    clean_text,
    embedded_json,
    ingredients_with_groups,
    loads_lenient,
    recipe_nodes,
    to_recipe,
    yield_from_last_step,
)
from ladle.ingredients import parse_ingredient
from ladle.model import Ingredient, Recipe, Step
from ladle.steps import understand_steps

__all__ = ["ReadOptions", "read", "steps_with_sections", "without_site_name"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# control characters and non-characters: meaningless in a page, and lxml refuses them in text
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SITE_FIELDS = ("title", "ingredients", "instructions", "instructions_list")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read a page: its address when known, and whether to use site scrapers."""

    url: str | None = None
    generic: bool = False


# --- parsing -----------------------------------------------------------------------------------


def _document(text: str, location: str) -> Any:
    import lxml.html  # noqa: PLC0415 - loaded with the first page
    from lxml import etree  # noqa: PLC0415

    text = _NOT_XML.sub("", _XML_DECLARATION.sub("", text, count=1))
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise FormatError(f"not an HTML page ({exc})", where=location) from exc


def _json_ld(doc: Any, location: str) -> list[Mapping[str, Any]]:
    nodes: list[Mapping[str, Any]] = []
    for number, script in enumerate(doc.iter("script"), start=1):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind or not script.text or not script.text.strip():
            continue
        try:
            data = loads_lenient(script.text, f"{location}: JSON-LD script {number}")
        except FormatError as error:
            logger.info("%s", error)
            continue
        nodes.extend(recipe_nodes(data))
    return nodes


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


def _microdata(doc: Any, text: str = "") -> list[Mapping[str, Any]]:
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


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_TAGS = (
    "p li ul ol div section article table tr td th dd dt dl blockquote figure header footer main "
    "aside"
)
_BLOCKS = frozenset(_BLOCK_TAGS.split())
_NO_SPACE_BEFORE = re.compile(r"\s+([,.;:!?)\]])")  # "<b>Salt</b> , to taste": no space
_BOLD = frozenset({"strong", "b"})
_STRUCTURED = frozenset({"recipeinstructions", "instructions", "recipeingredient", "ingredients"})


def _chunks(element: Any) -> list[tuple[str, str]]:
    """The text of an element as blocks: ("heading" | "block", text), whitespace collapsed."""
    out: list[tuple[str, str]] = []
    buffer: list[str] = []

    def flush(kind: str = "block") -> None:
        text = _NO_SPACE_BEFORE.sub(r"\1", " ".join("".join(buffer).split()))
        buffer.clear()
        if text:
            out.append((kind, text))

    def walk(node: Any) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in {"script", "style", "noscript"}:
            buffer.append(node.tail or "")
            return
        if tag == "br":
            flush()
            buffer.append(node.tail or "")
            return
        block = tag in _BLOCKS or tag in _HEADINGS
        if block:
            flush()
        alone = tag in _BOLD and not "".join(buffer).strip() and _ends_line(node)
        if alone:
            flush()
        buffer.append(node.text or "" if tag else "")
        for child in node:
            walk(child)
        if block or alone:
            flush("heading" if tag in _HEADINGS or alone else "block")
        buffer.append(node.tail or "")

    buffer.append(element.text or "")
    for child in element:
        walk(child)
    flush()
    return out


def _ends_line(node: Any) -> bool:
    """Whether nothing but space follows an element before the next line break or block."""
    if (node.tail or "").strip():
        return False
    following = node.getnext()
    if following is None:
        return True
    tag = following.tag.lower() if isinstance(following.tag, str) else ""
    return tag == "br" or tag in _BLOCKS or tag in _HEADINGS


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
    chunks = _chunks(element)
    if len(chunks) <= 1:
        return chunks[0][1] if chunks else ""
    if names and any(n.lower() in _STRUCTURED for n in names):
        if any(
            n.lower().startswith("recipeingredient") or n.lower() == "ingredients" for n in names
        ):
            if any(True for _ in element.iter("li")):  # a whole list marked as the ingredients
                return [text for kind, text in chunks if kind == "block"]
            if any(True for _ in element.iter("br")):  # lines, a bold line naming a group
                return _lines(chunks)
            return " ".join(text for _, text in chunks)  # one line laid out in parts
        return _sections(chunks)
    return "\n".join(text for _, text in chunks)


def _lines(chunks: list[tuple[str, str]]) -> list[str]:
    """Blocks as ingredient lines, a heading as a group's name ("Sauce:"), the way
    ``schemaorg.ingredients_with_groups`` reads a heading in a list."""
    return [f"{text.rstrip(':')}:" if kind == "heading" else text for kind, text in chunks]


def _sections(chunks: list[tuple[str, str]]) -> list[Any]:
    """Headings and the blocks under them as HowToSections, blocks before any heading as steps."""
    out: list[Any] = []
    section: dict[str, Any] | None = None
    for kind, text in chunks:
        if kind == "heading":
            section = {"@type": "HowToSection", "name": text, "itemListElement": []}
            out.append(section)
        elif section is not None:
            section["itemListElement"].append(text)
        else:
            out.append(text)
    return out


_TITLE_SEPARATOR = re.compile(r"\s*[|│¦·•]\s*|\s+[–—-]\s+")
_SUBDOMAIN = re.compile(r"^(?:www\d?|m|en|de|fr|recipes?)\.")


_RATING = re.compile(r"\s*[-–|]?\s*\(\d(?:[.,]\d+)?\s*/\s*5\)\s*$")


def _ascii(text: str) -> str:
    """ "Véronique" → "Veronique": accents off, as host names have none."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def without_site_name(title: str, url: str | None) -> str:
    """ "Mango Guacamole - Rick Bayless" on rickbayless.com → "Mango Guacamole": a page's
    title often ends with the site's name, which is not the recipe's; nor is a rating
    ("Tartlets - (4.8/5)")."""
    title = _RATING.sub("", title)
    host = urlsplit(url).hostname if url else None
    if not host:
        return title
    label = re.sub(r"[^a-z0-9]", "", _SUBDOMAIN.sub("", host.lower()).split(".")[0])
    if len(label) < 4:
        return title
    for match in _TITLE_SEPARATOR.finditer(title):
        rest = re.sub(r"[^a-z0-9]", "", _ascii(title[match.end() :]).lower())
        if rest.startswith(label) and match.start() > 0:
            return title[: match.start()].strip()
    return title


def _page_url(doc: Any) -> str | None:
    for element in doc.iter("link", "meta"):
        if element.tag == "link" and "canonical" in (element.get("rel") or "").lower().split():
            href = element.get("href") or ""
            if href.startswith("http"):
                return str(href)
        if element.tag == "meta" and (element.get("property") or "").lower() == "og:url":
            content = element.get("content") or ""
            if content.startswith("http"):
                return str(content)
    return None


# --- recipe-scrapers ---------------------------------------------------------------------------


def _host(url: str) -> str:
    host = (urlsplit(url if "//" in url else f"https://{url}").hostname or "").lower()
    return host.removeprefix("www.")


@cache
def _custom_scraper(host: str) -> Any:
    """recipe-scrapers' class for a host when it reads title, ingredients or steps its own way."""
    from recipe_scrapers import SCRAPERS  # noqa: PLC0415 - heavy; only for supported hosts
    from recipe_scrapers._abstract import AbstractScraper  # noqa: PLC0415

    cls = SCRAPERS.get(host)
    if cls is None:
        return None
    for field in _SITE_FIELDS:
        # recipe-scrapers wraps every method in its plugins once a scraper has run, so look
        # at the function underneath: AbstractScraper's means "read from schema.org".
        method = inspect.unwrap(getattr(cls, field))
        owner = getattr(method, "__qualname__", "").split(".")[0]
        if owner and owner != AbstractScraper.__name__:
            return cls
    return None


@dataclass(slots=True)
class _SiteFields:
    title: str | None = None
    ingredients: list[str] | None = None
    instructions: list[str] | None = None


def _site_fields(text: str, url: str) -> _SiteFields | None:
    host = _host(url)
    if not host or _custom_scraper(host) is None:
        return None
    from recipe_scrapers import scrape_html  # noqa: PLC0415

    fields = _SiteFields()
    try:
        scraper = scrape_html(
            text, org_url=url if "//" in url else f"https://{url}", supported_only=False
        )
    except Exception as exc:
        logger.info("recipe-scrapers failed on %s: %s", url, exc)
        return None
    for name in ("title", "ingredients", "instructions_list"):
        try:
            value = getattr(scraper, name)()
        except Exception:
            continue
        if name == "title" and isinstance(value, str) and value.strip():
            fields.title = clean_text(value)
        elif name == "ingredients" and isinstance(value, list):
            fields.ingredients = [clean_text(v) for v in value if clean_text(v)]
        elif name == "instructions_list" and isinstance(value, list):
            fields.instructions = [clean_text(v) for v in value if clean_text(v)]
    return fields


def _apply(recipe: Recipe, fields: _SiteFields) -> None:
    if fields.title:
        recipe.title = fields.title
    if fields.ingredients is not None and fields.ingredients != [
        i.text for i in recipe.ingredients
    ]:
        recipe.ingredients = [_ingredient(line) for line in fields.ingredients]
        recipe.steps = understand_steps(
            [(s.text, s.section) for s in recipe.steps], recipe.ingredients
        )
    if fields.instructions is not None:
        ours = [s.text for s in recipe.steps]
        if fields.instructions != ours and fields.instructions != steps_with_sections(recipe):
            recipe.steps = understand_steps(
                [(t, None) for t in fields.instructions], recipe.ingredients
            )


def _fill_from_markup(recipe: Recipe, card: DomCard) -> None:
    """Give a recipe the ingredients or steps its schema.org data lacks, from the page: where
    it has none, or one line where the page lists several (a list written as one string)."""
    lines = [line for line, _ in card.ingredients]
    if len(recipe.ingredients) < min(2, len(lines)) and _split_of(recipe.ingredients, lines):
        recipe.ingredients = [_ingredient(line, group) for line, group in card.ingredients]
    if len(recipe.steps) < min(2, len(card.steps)) and _split_of(recipe.steps, card.steps):
        recipe.steps = understand_steps([(t, None) for t in card.steps], recipe.ingredients)


def _shown_parts(text: str, doc: Any) -> list[str] | None:
    """The parts the page shows a run-together text in: the items, paragraphs or
    ``<br>`` lines of the element whose whole text it is."""
    wanted = _squeezed(text)
    if len(wanted) < 40:
        return None
    for element in doc.iter():
        if not isinstance(element.tag, str) or element.tag.lower() in {"script", "style"}:
            continue
        if _squeezed(element.text_content()) != wanted:
            continue
        items = [i for i in element.iter("li") if not any(True for _ in i.iter("ul", "ol"))]
        parts = [clean_text(i.text_content()) for i in items] if items else _lines(_chunks(element))
        parts = [p for p in parts if p]
        if len(parts) >= 3 and _squeezed("".join(parts).replace(":", "")) == wanted.replace(
            ":", ""
        ):
            return parts
    return None


def _split_as_shown(recipe: Recipe, doc: Any) -> None:
    """One ingredient line or one step that the page shows as several (a list the JSON-LD
    ran together into one string) becomes those lines or steps."""
    if len(recipe.ingredients) == 1 and (parts := _shown_parts(recipe.ingredients[0].text, doc)):
        recipe.ingredients = [
            _ingredient(line, group) for line, group in ingredients_with_groups(parts)
        ]
    if len(recipe.steps) == 1 and (parts := _shown_parts(recipe.steps[0].text, doc)):
        section = recipe.steps[0].section
        recipe.steps = understand_steps([(t, section) for t in parts], recipe.ingredients)


def _split_of(ours: list[Ingredient] | list[Step], theirs: list[str]) -> bool:
    """Whether the card's items are our one item split up (most of them found in it), or we
    have nothing: not another list of the page (the ingredients where we have one step)."""
    if not ours:
        return True
    whole = _squeezed(ours[0].text)
    return 2 * sum(_squeezed(item) in whole for item in theirs) >= len(theirs)


_HEADER_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "dt")


def _shown_as_headings(doc: Any) -> set[str]:
    """Texts the page sets as headings or bold lines of their own, colons dropped."""
    out: set[str] = set()
    for element in doc.iter(*_HEADER_TAGS):
        text = clean_text(element.text_content()).rstrip(":").strip()
        if text and len(text) <= 60 and not any(ch.isdigit() for ch in text):
            out.add(text.casefold())
    return out


def _groups_from_markup(recipe: Recipe, doc: Any) -> None:
    """Ingredient lines that the page shows as headings ("Meatballs", "Sauce") name the lines
    below them: JSON-LD has no groups, so many sites list their group names as ingredients."""
    lines = recipe.ingredients
    candidates = [
        n
        for n, i in enumerate(lines[:-1])
        if i.quantity is None and i.group is None and not any(ch.isdigit() for ch in i.text)
    ]
    if not candidates or 2 * len(candidates) > len(lines):
        return  # a list that lost its amounts: a line without one is no sign of a heading
    headings = _shown_as_headings(doc)
    headers = {n for n in candidates if lines[n].text.rstrip(":").strip().casefold() in headings}
    if not headers or any(n + 1 in headers for n in headers):
        return  # headings under headings: the flat list says more than one group name could
    group: str | None = None
    kept: list[Ingredient] = []
    for n, ingredient in enumerate(lines):
        if n in headers:
            group = ingredient.text.rstrip(":").strip()
            continue
        if group is not None:
            ingredient.group = group
        kept.append(ingredient)
    recipe.ingredients = kept


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def _amounts_from_markup(recipe: Recipe, doc: Any) -> None:
    """Ingredient lines whose schema.org text lost its amount ("popping corn") take the line
    the page's card shows ("½ cup popping corn"), where the schema.org list lost most of its
    amounts and the card holds most of its lines in the same order (a card of one group of
    several holds only that group's)."""
    missing = sum(i.quantity is None for i in recipe.ingredients)
    if not missing or 2 * missing < len(recipe.ingredients):
        return  # a "salt to taste" here and there: the list has its amounts
    lines = [line for line, _ in find_card(doc).ingredients]
    card = [_squeezed(line) for line in lines]
    pairs: list[tuple[int, str]] = []
    position = 0
    for n, ingredient in enumerate(recipe.ingredients):
        wanted = _squeezed(ingredient.text)
        found = next((k for k in range(position, len(card)) if wanted in card[k]), None)
        if found is not None:
            pairs.append((n, lines[found]))
            position = found + 1
    if 3 * len(pairs) < 2 * len(recipe.ingredients):
        return  # not the same list
    for n, line in pairs:
        ingredient = recipe.ingredients[n]
        if ingredient.quantity is None and any(ch.isnumeric() for ch in line):
            recipe.ingredients[n] = _ingredient(line, ingredient.group)  # the line + its amount


def _fill_from_text(recipe: Recipe, doc: Any, location: str) -> None:
    """Give a recipe the ingredients or steps that neither its schema.org data nor a marked
    list holds, from the page's text read as a plain recipe."""
    try:
        found = plain.read(page_text(copy.deepcopy(doc)), location)
    except LadleError:
        return
    if not recipe.ingredients:
        source = next((r for r in found if r.ingredients), None)
        if source is not None and _measured(source.ingredients):
            recipe.ingredients = source.ingredients
    if not recipe.steps:
        source = next((r for r in found if r.steps), None)
        if source is not None:
            steps = _leading_steps([(s.text, s.section) for s in source.steps])
            understood = understand_steps(steps, recipe.ingredients)
            if 2 * sum(bool(s.uses) for s in understood) >= len(understood):
                recipe.steps = understood  # mostly steps that use the ingredients: the method


def _measured(ingredients: list[Ingredient]) -> bool:
    """Whether lines read from a page's text look like an ingredient list: mostly amounts."""
    return len(ingredients) >= 2 and 2 * sum(i.quantity is not None for i in ingredients) >= len(
        ingredients
    )


_LABEL_LINE = re.compile(r"^(?:[^\W\d]+\s*)?\d+\s*[:.)]?$")  # "Schritt 01", "Step 2", "3."


def _leading_steps(steps: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Steps read from a page's text up to where the page moves on: labels ("Step 2") out,
    and nothing from three short lines in a row on (shop items, "Cooked with", prices; a
    short step ends like a sentence: "Serve.")."""
    short = [len(text.split()) < 3 and not text.rstrip().endswith((".", "!")) for text, _ in steps]
    end = next(
        (n for n in range(len(steps) - 2) if short[n] and short[n + 1] and short[n + 2]),
        len(steps),
    )
    return [(text, section) for text, section in steps[:end] if not _LABEL_LINE.match(text.strip())]


def steps_with_sections(recipe: Recipe) -> list[str]:
    """The steps as a flat list with each section's name before its steps, the way
    recipe-scrapers lists a HowToSection."""
    out: list[str] = []
    current: str | None = None
    for step in recipe.steps:
        if step.section and step.section != current:
            out.append(step.section)
        current = step.section
        out.append(step.text)
    return out


def _ingredient(line: str, group: str | None = None) -> Ingredient:
    try:
        return parse_ingredient(line, group)
    except LadleError:
        return Ingredient(text=line, name=line, group=group)


# --- text fallback -----------------------------------------------------------------------------

_DROP = (
    "script",
    "style",
    "noscript",
    "svg",
    "nav",
    "footer",
    "header",
    "form",
    "aside",
    "iframe",
    "template",
    "button",
    "select",
)
_TEXT_BLOCK_TAGS = (
    "p div section article main li ul ol h1 h2 h3 h4 h5 h6 br tr table dt dd blockquote pre "
    "figure figcaption address hr"
)
_BLOCK = frozenset(_TEXT_BLOCK_TAGS.split())


def page_text(doc: Any) -> str:
    """The visible text of a page, one block per line, list items as "- " lines."""
    for tag in _DROP:
        for element in list(doc.iter(tag)):
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
    for element in [e for e in doc.iter() if isinstance(e.tag, str) and hidden(e)]:
        parent = element.getparent()
        if parent is not None:  # a list in other units behind a switch, a closed menu
            parent.remove(element)
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in _BLOCK:
            prefix = "- " if tag == "li" else ""
            element.text = f"\n{prefix}{element.text or ''}"
            element.tail = f"\n{element.tail or ''}"
    body = doc.find("body")
    text = (body if body is not None else doc).text_content()
    return "\n".join(line.strip() for line in text.splitlines())


# --- entry point -------------------------------------------------------------------------------


_NOISE = re.compile(
    r"<(script|style|svg|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I
)
_DATA_SCRIPT = re.compile(r"<script\b[^>]*(?:json|__NEXT_DATA__)", re.I)


def without_noise(text: str) -> str:
    """The page without what holds no recipe: styles, SVG, comments, and scripts other than
    JSON data (JSON-LD, Next.js page data). Pages shrink to about half, so both lxml and the
    site scrapers' BeautifulSoup parse them about twice as fast."""

    def keep(match: re.Match[str]) -> str:
        whole = match.group(0)
        if match.group(1) and match.group(1).lower() == "script" and _DATA_SCRIPT.match(whole):
            return whole
        return " "

    return _NOISE.sub(keep, text)


def read(text: str, location: str, options: ReadOptions | None = None) -> list[Recipe]:
    """Every recipe of a page, the main one first."""
    recipes = _read(text, location, options or ReadOptions())
    for recipe in recipes:
        yield_from_last_step(recipe)
    return recipes


def _read(text: str, location: str, options: ReadOptions) -> list[Recipe]:
    text = without_noise(text)
    doc = _document(text, location)
    url = options.url or _page_url(doc)
    nodes = _json_ld(doc, location)
    fmt = "html"
    if not nodes:
        nodes = _microdata(doc, text)
    recipes = _unique([to_recipe(node, location, url, fmt) for node in nodes])
    site = None if options.generic or not url else _site_fields(text, url)
    for recipe in recipes:
        recipe.title = without_site_name(recipe.title, url)
    if recipes:
        main = _main(recipes, doc)
        if len(main.ingredients) <= 1 or len(main.steps) <= 1:
            _fill_from_markup(main, find_card(doc))
        if len(main.ingredients) == 1 or len(main.steps) == 1:
            _split_as_shown(main, doc)
        if not main.ingredients or not main.steps:
            _fill_from_text(main, doc, location)
        _groups_from_markup(main, doc)
        _amounts_from_markup(main, doc)
        if site is not None:
            _apply(main, site)
        return [main, *[r for r in recipes if r is not main]]
    if site is not None and site.ingredients and site.instructions:
        recipe = Recipe(title=site.title or plain.title_from(location))
        recipe.ingredients = [_ingredient(line) for line in site.ingredients]
        recipe.steps = understand_steps([(t, None) for t in site.instructions], recipe.ingredients)
        recipe.source.format, recipe.source.location, recipe.source.url = fmt, location, url
        return [recipe]
    card = find_card(doc)
    if card.ingredients and card.steps:
        title = without_site_name(page_title(doc) or "", url)
        recipe = Recipe(title=title or plain.title_from(location))
        _fill_from_markup(recipe, card)
        _groups_from_markup(recipe, doc)
        recipe.source.format, recipe.source.location, recipe.source.url = fmt, location, url
        return [recipe]
    title = without_site_name(page_title(doc) or "", url)
    try:
        found = [r for r in plain.read(page_text(doc), location) if r.ingredients and r.steps]
        if not found:
            raise NoRecipeFound("no card with steps", where=location)
    except NoRecipeFound:
        raise NoRecipeFound(
            "no recipe found in the page",
            where=location,
            hint="it has no schema.org recipe and no ingredient list with steps in its text",
        ) from None
    for recipe in found:
        recipe.source.format, recipe.source.url = fmt, url
        _groups_from_markup(recipe, doc)
        kept = _leading_steps([(s.text, s.section) for s in recipe.steps])
        if len(kept) < len(recipe.steps):
            recipe.steps = understand_steps(kept, recipe.ingredients)
    if len(found) == 1 and title:
        found[0].title = title  # the page's own name beats a line the text reader took for it
    return found


def _unique(recipes: list[Recipe]) -> list[Recipe]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for recipe in recipes:
        key = (recipe.title, len(recipe.ingredients), len(recipe.steps))
        if key not in seen:
            seen.add(key)
            out.append(recipe)
    return out


def _main(recipes: list[Recipe], doc: Any) -> Recipe:
    """The page's own recipe: the one named like the page, else the fullest."""
    if len(recipes) == 1:
        return recipes[0]
    title = ""
    for element in doc.iter("title", "h1"):
        title = clean_text(element.text_content()).lower()
        if title:
            break
    named = [r for r in recipes if r.title.lower() and r.title.lower() in title]
    pool = named or recipes
    return max(pool, key=lambda r: (len(r.ingredients) + len(r.steps), -recipes.index(r)))
