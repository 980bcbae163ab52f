"""The pages: the library, a recipe, and import (with a review before saving).

Every page works without JavaScript (forms and links); ``static/ladle.js`` makes the search
answer as you type and the scaler update the recipe in place, through the JSON API. A page
refused by the library shows its one-line message (``ladle.web.problems``); the import forms
show it above the form, with what was typed kept.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ladle.errors import LadleError, SourceTooLarge
from ladle.limits import MAX_SERVINGS
from ladle.model import Recipe
from ladle.store import Library
from ladle.web import calls
from ladle.web.answers import HTML, kept_answer
from ladle.web.problems import status_of
from ladle.web.rendering import render, render_shared, with_session
from ladle.web.security import MAX_UPLOAD_BYTES, csrf_protect
from ladle.web.shelf import library

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)

LibraryDep = Annotated[Library, Depends(library)]
PAGE_SIZE = 30
RecipeId = Annotated[int, Path(ge=1, le=calls.MAX_ID)]


def _number(text: str) -> float | None:
    """A number typed in a form field; an empty field, or no finite number, is none."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


@router.get("/")
async def library_page(
    request: Request,
    *,
    lib: LibraryDep,
    q: Annotated[str, Query(max_length=500)] = "",
    tag: Annotated[str, Query(max_length=500)] = "",
    with_: Annotated[str, Query(alias="with", max_length=500)] = "",
    without: Annotated[str, Query(max_length=500)] = "",
    max_total: Annotated[str, Query(max_length=20)] = "",
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """The library: a search box, filters, and the recipes that match (kept while the library
    does not change: ``ladle.web.answers``)."""
    form = {"q": q, "tag": tag, "with": with_, "without": without, "max_total": max_total}

    def make() -> bytes:
        limit = PAGE_SIZE
        most = _number(max_total) if max_total else None
        query = calls.search_query(
            q,
            tags=[tag],
            with_=[with_],
            without=[without],
            max_total=most,
            limit=limit + 1,
            offset=offset,
        )
        found = list(lib.search(query))
        context = {
            "form": form,
            "entries": found[:limit],
            "offset": offset,
            "next_offset": offset + limit if len(found) > limit else None,
        }
        return render_shared(request, "library.html", context)

    return with_session(request, await kept_answer(request, lib, make, HTML))


def _card(recipe: Recipe, nutrition: dict[str, Any] | None = None) -> dict[str, Any]:
    from ladle.formats.card import context

    return context(recipe, nutrition=nutrition)


def _nutrition(lib: Library, recipe: Recipe) -> dict[str, Any] | None:
    """The recipe's nutrition report JSON when the library holds a food table, else None."""
    from ladle.web.nutrition import report_or_none

    return report_or_none(lib, recipe)


@router.get("/recipes/{recipe_id}")
async def recipe_page(
    request: Request,
    *,
    lib: LibraryDep,
    recipe_id: RecipeId,
    servings: Annotated[float | None, Query(gt=0, le=10_000)] = None,
    factor: Annotated[float | None, Query(gt=0, le=1000)] = None,
    units: calls.Units | None = None,
) -> Response:
    """One recipe: the card, the scaler and unit switch, the checker's findings, exports
    (kept while the library does not change: ``ladle.web.answers``)."""

    def make() -> bytes:
        stored = lib.get(recipe_id)
        shown = calls.adjusted(stored, servings, factor, units)
        card = _card(shown, _nutrition(lib, shown))
        context = {
            "id": recipe_id,
            "card": card,
            "recipe": shown,
            "servings": shown.yield_.servings,
            "factor": factor,
            "written_servings": stored.yield_.servings,
            "units": units or "",
            "findings": calls.findings(stored),
            "exports": calls.EXPORTS,
        }
        return render_shared(request, "recipe.html", context)

    return with_session(request, await kept_answer(request, lib, make, HTML))


@router.post("/recipes/{recipe_id}/delete")
def delete_recipe(lib: LibraryDep, recipe_id: RecipeId) -> Response:
    lib.remove(recipe_id)
    return RedirectResponse("/", status_code=303)


# --- import ------------------------------------------------------------------------------------


def _import_form(
    request: Request, error: LadleError | str | None = None, text: str = "", url: str = ""
) -> Response:
    status = status_of(error) if isinstance(error, LadleError) else 422 if error else 200
    message = str(error) if error else None
    context = {"message": message, "text": text, "url": url}
    return render(request, "import.html", context, status=status)


@router.get("/import")
def import_page(request: Request) -> Response:
    """Paste a text, upload a file, or give an address."""
    return _import_form(request)


def _upload(file: UploadFile) -> calls.Parsed:
    """An uploaded file read as a recipe source: size, binary and encoding checked."""
    from ladle.sources import decode

    name = file.filename or "upload"
    data = file.file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise SourceTooLarge(
            f"over the {MAX_UPLOAD_BYTES // 1_048_576} MB upload limit",
            where=name,
            hint="give the recipe on its own",
        )
    suffix = "." + name.rsplit(".", 1)[1].lower() if "." in name else ""
    return calls.parse_text(decode(data, name), None, name, suffix[:12])


@router.post("/import")
def import_source(
    request: Request,
    text: Annotated[str, Form()] = "",
    url: Annotated[str, Form(max_length=8192)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Read what was given and show it for review; nothing is stored yet."""
    given = [bool(text.strip()), bool(url.strip()), file is not None and bool(file.filename)]
    if sum(given) != 1:
        what = "give one of them" if sum(given) > 1 else "give a text, a file or an address"
        return _import_form(request, f"import: paste a text, upload a file or give an address "
                            f"({what})", text, url)  # fmt: skip
    try:
        if file is not None and file.filename:
            parsed = _upload(file)
        elif url.strip():
            parsed = calls.parse_url(url)
        else:
            parsed = calls.parse_text(text)
    except LadleError as error:
        return _import_form(request, error, text, url)
    return _review(request, parsed, parsed.recipe.title)


def _review(
    request: Request, parsed: calls.Parsed, title: str, servings: float | None = None
) -> Response:
    recipe = parsed.recipe
    card = _card(recipe)
    serves = servings or recipe.yield_.servings
    return render(
        request,
        "review.html",
        {
            "parsed": parsed,
            "title": title,
            "servings": "" if serves is None else f"{serves:g}",
            "card": card,
            "findings": calls.findings(recipe),
        },
    )


@router.post("/import/review")
def review(
    request: Request,
    *,
    lib: LibraryDep,
    text: Annotated[str, Form()],
    action: Annotated[str, Form(pattern="^(parse|save)$")] = "parse",
    title: Annotated[str, Form(max_length=500)] = "",
    servings: Annotated[str, Form(max_length=20)] = "",
    parsed_title: Annotated[str, Form(max_length=5000)] = "",
    format: Annotated[str, Form(max_length=20)] = "",
    location: Annotated[str, Form(max_length=8192)] = "<pasted text>",
    suffix: Annotated[str, Form(max_length=12)] = "",
    url: Annotated[str, Form(max_length=8192)] = "",
) -> Response:
    """Read the (corrected) text again: show it, or store it with its title."""
    try:
        parsed = calls.parse_text(text, format or None, location, suffix, url or None)
    except LadleError as error:
        return _import_form(request, error, text)
    wanted = " ".join(title.split())
    serves = _number(servings) if servings.strip() else None
    if serves is not None and not 0 < serves <= MAX_SERVINGS:
        serves = None
    if action == "save":
        added = lib.add(calls.corrected(parsed.recipe, wanted, serves))
        return RedirectResponse(f"/recipes/{added.id}", status_code=303)
    kept = wanted if wanted and wanted != parsed_title else parsed.recipe.title
    return _review(request, parsed, kept, serves)
