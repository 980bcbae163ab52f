"""The JSON API under ``/api``: the library's recipes, and parse, scale, convert and check.

Each endpoint is one library call: ``/api/recipes`` searches the library
(``Library.search``), ``/api/recipes/{id}`` gets, replaces and removes one recipe,
``/api/parse`` reads a text, ``/api/scale``, ``/api/convert`` and ``/api/check`` run the
analyses on a recipe document. Recipes go in and out as the recipe JSON of the contract
(``"ladle": 1``). Refusals are problem details (``ladle.web.problems``). A state-changing call
needs the session's CSRF token in ``X-CSRF-Token`` and a JSON body (``GET /api/session``
gives the token).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError

from ladle.model import Recipe
from ladle.store import Entry, Library
from ladle.web import calls
from ladle.web.answers import JSON, kept_answer
from ladle.web.security import csrf_protect
from ladle.web.shelf import library

__all__ = ["router"]

router = APIRouter(prefix="/api", dependencies=[Depends(csrf_protect)])

RecipeId = Annotated[int, Path(ge=1, le=calls.MAX_ID, description="A library id.")]
Units = Literal["metric", "us"]
RecipeDocument = dict[str, Any]
MAX_TEXT = 2_000_000  # characters of a source text


class EntryOut(BaseModel):
    """One recipe of the library, as a search lists it."""

    id: int
    title: str
    total_minutes: float | None
    active_minutes: float | None
    source_url: str | None
    tags: list[str]
    url: str = Field(description="The recipe's page.")


class Page(BaseModel):
    """One page of search results, best first."""

    items: list[EntryOut]
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page; null at the end.")


class SourceIn(BaseModel):
    """A recipe as text: a pasted page, a Cooklang file, JSON-LD, ladle JSON …"""

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    format: Literal["auto", "text", "html", "cooklang", "jsonld", "ladle"] = "auto"


class AddedOut(BaseModel):
    """What storing a recipe did: "added", "skipped" (already stored) or "updated"."""

    id: int
    status: str
    url: str


class ScaleIn(BaseModel):
    """A recipe and how much of it to make: exactly one of servings, factor or to."""

    recipe: RecipeDocument
    servings: float | None = Field(default=None, gt=0, le=10_000)
    factor: float | None = Field(default=None, gt=0, le=1000)
    to: str | None = Field(default=None, max_length=200, description='"3.2 lb pork belly"')
    units: Units | None = None


class ConvertIn(BaseModel):
    recipe: RecipeDocument
    units: Units


class CheckIn(BaseModel):
    recipe: RecipeDocument
    kitchen_ovens: int = Field(default=1, ge=1, le=10)


class TagsIn(BaseModel):
    tags: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(max_length=100)


def _recipe(document: RecipeDocument, where: str = "body") -> Recipe:
    return Recipe.from_json(document, where=where)


def _json(recipe: Recipe) -> dict[str, Any]:
    return recipe.to_json()


def _entry(entry: Entry) -> EntryOut:
    return EntryOut(**entry.to_json(), url=f"/recipes/{entry.id}")


LibraryDep = Annotated[Library, Depends(library)]


@router.get("/recipes", tags=["library"], response_model=Page)
async def search_recipes(
    request: Request,
    *,
    lib: LibraryDep,
    q: Annotated[str, Query(max_length=500, description="Words to find.")] = "",
    tag: Annotated[list[str], Query(description="Tags it has (all of them).")] = [],  # noqa: B006
    with_: Annotated[list[str], Query(alias="with", description="Ingredients it has.")] = [],  # noqa: B006
    without: Annotated[list[str], Query(description="Ingredients it has not.")] = [],  # noqa: B006
    max_total: Annotated[float | None, Query(ge=0, le=5_256_000)] = None,
    max_active: Annotated[float | None, Query(ge=0, le=5_256_000)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """Search the library (every recipe, by title, when no words or filters are given)."""

    def make() -> bytes:
        query = calls.search_query(
            q,
            tags=tag,
            with_=with_,
            without=without,
            max_total=max_total,
            max_active=max_active,
            limit=limit + 1,
            offset=offset,
        )
        found = list(lib.search(query))
        more = len(found) > limit
        page = Page(
            items=[_entry(e) for e in found[:limit]],
            limit=limit,
            offset=offset,
            next_offset=offset + limit if more else None,
        )
        return bytes(JSONResponse(page.model_dump(mode="json")).body)

    return Response(await kept_answer(request, lib, make, JSON), media_type=JSON)


@router.post("/recipes", status_code=201, tags=["library"])
def add_recipe(
    lib: LibraryDep,
    response: Response,
    document: Annotated[
        RecipeDocument,
        Body(description='A recipe document ("ladle": 1), or {"text": …, "format": …}.'),
    ],
    update: Annotated[bool, Query(description="Replace a recipe already stored.")] = False,
) -> AddedOut:
    """Store a recipe: a recipe document, or a source text to read first."""
    if "ladle" in document:
        recipe = _recipe(document)
    else:
        try:
            source = SourceIn.model_validate(document)
        except ValidationError as error:  # neither a recipe nor a source: say which field
            raise RequestValidationError(error.errors(include_url=False)) from None
        recipe = calls.parse_text(source.text, source.format, "<body>").recipe
    added = lib.add(recipe, update=update)
    if added.status != "added":
        response.status_code = 200
    response.headers["Location"] = f"/api/recipes/{added.id}"
    return AddedOut(id=added.id, status=added.status, url=f"/recipes/{added.id}")


@router.get("/recipes/{recipe_id}", tags=["library"])
def get_recipe(lib: LibraryDep, recipe_id: RecipeId) -> RecipeDocument:
    """One recipe of the library, as its recipe JSON."""
    return _json(lib.get(recipe_id))


@router.put("/recipes/{recipe_id}", tags=["library"])
def replace_recipe(
    lib: LibraryDep,
    recipe_id: RecipeId,
    response: Response,
    document: Annotated[RecipeDocument, Body(description='A recipe document ("ladle": 1).')],
) -> AddedOut:
    """Replace a recipe, keeping its id and its tags (``Library.replace``); the same recipe
    already stored under another id is refused."""
    added = lib.replace(recipe_id, _recipe(document))
    response.headers["Location"] = f"/api/recipes/{added.id}"
    return AddedOut(id=added.id, status=added.status, url=f"/recipes/{added.id}")


@router.delete("/recipes/{recipe_id}", status_code=204, tags=["library"])
def remove_recipe(lib: LibraryDep, recipe_id: RecipeId) -> Response:
    """Remove a recipe from the library."""
    lib.remove(recipe_id)
    return Response(status_code=204)


@router.post("/recipes/{recipe_id}/tags", tags=["library"])
def tag_recipe(lib: LibraryDep, recipe_id: RecipeId, body: TagsIn) -> list[str]:
    """Add tags to a recipe; its tags, all of them."""
    return list(lib.tag(recipe_id, body.tags))


@router.get("/recipes/{recipe_id}/scaled", tags=["library"])
def scaled_recipe(
    lib: LibraryDep,
    recipe_id: RecipeId,
    servings: Annotated[float | None, Query(gt=0, le=10_000)] = None,
    factor: Annotated[float | None, Query(gt=0, le=1000)] = None,
    units: Units | None = None,
) -> RecipeDocument:
    """A library recipe scaled (to servings or by a factor) and/or converted."""
    return _json(calls.adjusted(lib.get(recipe_id), servings, factor, units))


@router.get("/recipes/{recipe_id}/nutrition", tags=["library"])
def recipe_nutrition(
    lib: LibraryDep,
    recipe_id: RecipeId,
    servings: Annotated[float | None, Query(gt=0, le=10_000)] = None,
    factor: Annotated[float | None, Query(gt=0, le=1000)] = None,
    as_bought: bool = False,
) -> dict[str, Any]:
    """A library recipe's nutrition report (what ``ladle nutrition ID --json`` prints), scaled
    as ``/scaled`` scales it; 422 when the library holds no food table."""
    from ladle.web.nutrition import report

    shown = calls.adjusted(lib.get(recipe_id), servings, factor, None)
    return report(lib, shown, as_bought=as_bought)


EXPORTED: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {media_type: {} for _, _, media_type, _ in calls.EXPORTS},
        "description": "The recipe's file, in the format asked for.",
    }
}


@router.get(
    "/recipes/{recipe_id}/export/{format}",
    tags=["library"],
    response_class=Response,
    responses=EXPORTED,
)
def export_recipe(
    lib: LibraryDep,
    recipe_id: RecipeId,
    format: Literal["ladle", "jsonld", "cooklang", "markdown", "html", "pdf"],
) -> Response:
    """A library recipe as a file of another format (a download), with its nutrition panel
    in JSON-LD, HTML and PDF when the library holds a food table."""
    from ladle.formats import carries_nutrition
    from ladle.web.nutrition import report_or_none

    recipe = lib.get(recipe_id)
    found = report_or_none(lib, recipe) if carries_nutrition(format) else None
    data, media_type, suffix = calls.export(recipe, format, found)
    name = f"recipe-{recipe_id}{suffix}"
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/parse", tags=["recipes"])
def parse(source: SourceIn) -> RecipeDocument:
    """Read a text (any format ladle reads) into its main recipe's JSON."""
    return _json(calls.parse_text(source.text, source.format, "<body>").recipe)


@router.post("/scale", tags=["recipes"])
def scale(body: ScaleIn) -> RecipeDocument:
    """Scale a recipe document (and convert it, when ``units`` is given)."""
    from ladle.rounding import System
    from ladle.scaling import ScaleRequest
    from ladle.scaling import scale as scale_recipe

    request = ScaleRequest(factor=body.factor, servings=body.servings, to=body.to)
    units: System | None = body.units
    return _json(scale_recipe(_recipe(body.recipe, "recipe"), request, units))


@router.post("/convert", tags=["recipes"])
def convert(body: ConvertIn) -> RecipeDocument:
    """Convert a recipe document to metric or US units."""
    return _json(calls.adjusted(_recipe(body.recipe, "recipe"), units=body.units))


@router.post("/check", tags=["recipes"])
def check(body: CheckIn) -> dict[str, Any]:
    """The checker's findings on a recipe document, as ``ladle check --json`` prints them."""
    recipe = _recipe(body.recipe, "recipe")
    found = calls.findings(recipe, body.kitchen_ovens)
    return {"ladle": 1, "title": recipe.title, "findings": [f.to_json() for f in found]}
