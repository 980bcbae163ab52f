"""Every operation of the web app's OpenAPI document, called with data that schemathesis
generates from it, on a live server over a library of a few recipes: no answer is a server
error, and the answers to valid calls are what the document says (status, media type,
schema).

Each operation is one test, its calls of three kinds: valid, invalid, and valid about the
library's own recipes (their ids, their documents with any number of servings, a meal the
planner can plan). Every call carries the session's CSRF token as the API takes it, the
solver's time limit is held to a second, and Hypothesis has no deadline (a plan takes what it
takes); a failure names the operation and the call that failed, to replay with ``curl``.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import Case as GenericCase
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.schemas import APIOperation as GenericOperation
from schemathesis.schemas import BaseSchema
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ladle.examples import example_text
from ladle.web import create_app

from .web_support import library_url, running

APIOperation = GenericOperation[Any, Any, Any, Any]
Case = GenericCase[APIOperation]

# Hypothesis writes out a strategy when a draw is rejected; schemathesis's hold the schema.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)

# Calls per operation (LADLE_OPENAPI_EXAMPLES=500 for a longer hunt by hand).
EXAMPLES_PER_OPERATION = int(os.environ.get("LADLE_OPENAPI_EXAMPLES", "40"))
SOLVER_SECONDS = 1.0  # the most a generated plan may search

# The operations of the document (a test fails when one is added and not named here).
OPERATIONS = (
    "GET /api/recipes",
    "POST /api/recipes",
    "GET /api/recipes/{recipe_id}",
    "PUT /api/recipes/{recipe_id}",
    "DELETE /api/recipes/{recipe_id}",
    "POST /api/recipes/{recipe_id}/tags",
    "GET /api/recipes/{recipe_id}/scaled",
    "GET /api/recipes/{recipe_id}/nutrition",
    "GET /api/recipes/{recipe_id}/export/{format}",
    "POST /api/parse",
    "POST /api/scale",
    "POST /api/convert",
    "POST /api/check",
    "POST /api/plan",
    "GET /api/plan.svg",
    "POST /api/plan.svg",
    "GET /api/plan.ics",
    "POST /api/plan.ics",
    "POST /api/shopping-list",
    "GET /api/session",
    "POST /api/session",
    "DELETE /api/session",
)

PANCAKES = """Fluffy Pancakes
Serves 4
Ingredients
- 2 cups flour
- 2 eggs
- 1 1/2 cups milk
Method
1. Whisk everything together.
2. Cook on a hot griddle for 3 minutes a side.
"""

CARROTS = """Honey Roasted Carrots
Serves 4
Ingredients
- 1 lb carrots, peeled
- 2 tbsp honey
- 1 tbsp olive oil
Method
1. Heat the oven to 425°F.
2. Toss the carrots with the honey and oil.
3. Roast for 25 minutes, until tender.
"""


@dataclass
class Api:
    """The live server, a session of it, and its OpenAPI document as schemathesis reads it."""

    base: str
    session: requests.Session
    schema: BaseSchema
    ids: list[int]
    documents: list[dict[str, Any]] = field(repr=False)  # a strategy's repr shows its Api

    def token(self) -> str:
        """The session's CSRF token (a new one after a generated call signed it out)."""
        response = self.session.get(self.base + "/api/session", timeout=30)
        assert response.status_code == 200, response.text
        value: str = response.json()["csrf_token"]
        return value


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    with running(create_app(library_url(tmp_path))) as base, requests.Session() as session:
        document = session.get(base + "/openapi.json", timeout=30)
        assert document.status_code == 200
        schema = schemathesis.openapi.from_dict(document.json())
        found = Api(base, session, schema, [], [])
        for text in (example_text(), PANCAKES, CARROTS):
            added = session.post(
                base + "/api/recipes",
                json={"text": text},
                headers={"X-CSRF-Token": found.token()},
                timeout=60,
            )
            assert added.status_code == 201, added.text
            found.ids.append(added.json()["id"])
            found.documents.append(session.get(f"{base}/api/recipes/{found.ids[-1]}").json())
        yield found


def _bounded(case: Case) -> Case:
    """The case with the solver's time limit held to ``SOLVER_SECONDS``."""
    limit = case.body.get("time_limit") if isinstance(case.body, dict) else None
    if isinstance(case.body, dict) and isinstance(limit, int | float):
        case.body["time_limit"] = min(limit, SOLVER_SECONDS)
    if case.query and "time_limit" in case.query:
        case.query["time_limit"] = SOLVER_SECONDS
    return case


# A serving time still to come, that the planner takes.
SERVE_AT = f"{date.today() + timedelta(days=3)}T19:00"
SERVINGS = st.sampled_from([None, 5e-324, 1e-300, 0.5, 10_000]) | st.floats(
    min_value=0, max_value=10_000, exclude_min=True
)  # the least positive float first: scaling by it once overflowed to infinity
SETTINGS = ("methods", "serve", "after", "kitchen", "method", "appliance")


def _operation(schema: BaseSchema, label: str) -> APIOperation:
    method, path = label.split(" ", 1)
    found: APIOperation = schema[path][method]
    return found


@st.composite
def _grounded(draw: st.DrawFn, api: Api, label: str) -> Case:
    """A valid case about recipes of the library (or their documents, with any number of
    servings), a meal served at ``SERVE_AT``, and, half of the time, without the settings
    that generated text rarely gets right: a meal the planner plans."""
    operation = _operation(api.schema, label)
    case: Case = draw(operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
    ids, documents = api.ids, api.documents
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
    plain = draw(st.booleans())
    if case.path_parameters and "recipe_id" in case.path_parameters:
        case.path_parameters["recipe_id"] = chosen[0]
    if isinstance(case.body, dict) and "recipe" in case.body:
        # One of the documents (drawn by its index: a document's repr is long), any servings.
        document = copy.deepcopy(documents[draw(st.integers(0, len(documents) - 1))])
        document["yield"]["servings"] = draw(SERVINGS)
        case.body["recipe"] = document
        if plain and operation.path == "/api/scale":  # a number of servings alone
            case.body = {"recipe": document, "servings": draw(st.floats(0.5, 10_000))}
    if isinstance(case.body, dict) and "recipes" in case.body:
        case.body["recipes"] = list[Any](chosen)
        if "serve_at" in case.body:
            case.body["serve_at"] = SERVE_AT
        for name in SETTINGS if plain else ():
            case.body.pop(name, None)
    if operation.path in {"/api/plan.svg", "/api/plan.ics"}:
        query = dict(case.query or {})
        query.update(ids=",".join(map(str, chosen)), serve_at=SERVE_AT)
        case.query = {k: v for k, v in query.items() if not (plain and k in SETTINGS)}
    return _bounded(case)


def test_the_document_lists_these_operations(api: Api) -> None:
    found = list(api.schema.get_all_operations())
    assert all(isinstance(result, Ok) for result in found), found
    assert sorted(result.ok().label for result in found if isinstance(result, Ok)) == sorted(
        OPERATIONS
    )


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_error(api: Api, label: str) -> None:
    operation = _operation(api.schema, label)
    strategy = st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE).map(_bounded),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE).map(_bounded),
        _grounded(api, label),
    )
    positive_checks: list[Any] = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def call(case: Case) -> None:
        headers = {"X-CSRF-Token": api.token()}
        response = case.call(base_url=api.base, session=api.session, headers=headers, timeout=60)
        positive = case.meta is None or case.meta.generation.mode == GenerationMode.POSITIVE
        checks = positive_checks if positive else [not_a_server_error]
        case.validate_response(response, checks=checks, headers=headers)

    call()
