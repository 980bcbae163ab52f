"""The web app's pages through the test client: the library, a recipe, import with review,
and what a recipe's text can and cannot do to a page."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from ladle.fetch import Fetched
from ladle.formats import read_text
from ladle.store import open_library

from .conftest import shared
from .web_support import client_for, hostile_recipe, library_url, token

BARE = """Quick Garlic Butter
Serves 2
Ingredients
- 4 tbsp butter
- 3 cloves garlic, minced
Method
1. Melt the butter in a small saucepan over low heat.
2. Add the garlic and cook for 2 minutes.
"""

COOK = """>> servings: 2
Crack @eggs{3} into a bowl and whisk with @milk{50%ml}.
Cook in a #pan{} for ~{3%minutes}.
"""


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with client_for(tmp_path) as client:
        yield client


def _import(client: TestClient, **fields: str) -> Response:
    return client.post("/import", data={**fields, "csrf_token": token(client)})


def _save(client: TestClient, review: Response, **changes: str) -> Response:
    """Submit the review form as the page holds it, with ``changes``."""
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', review.text))
    text = re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', review.text, re.S)
    assert text is not None
    form = {k: html.unescape(v) for k, v in fields.items()}
    form["text"] = html.unescape(text.group(1))
    title = re.search(r'name="title" value="([^"]*)"', review.text)
    assert title is not None
    form["title"] = html.unescape(title.group(1))
    form.update(changes)
    return client.post("/import/review", data=form, follow_redirects=False)


def _jsonld(page: str) -> object:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_paste_review_and_save_the_seed(client: TestClient) -> None:
    text = shared("seeds/honey-mustard-pork-belly.txt").read_text(encoding="utf-8")
    review = _import(client, text=text)
    assert review.status_code == 200
    assert "Honey Mustard Glazed Pork Belly with Roasted Carrots" in review.text
    assert "2 lbs pork belly" in review.text
    description = read_text(text)[0].description
    assert description and '<p class="description">' in review.text
    assert " ".join(description.split()[:6]) in html.unescape(review.text)
    assert client.get("/api/recipes").json()["items"] == []  # nothing stored before saving
    saved = _save(client, review, title="Pork Belly for Sunday", servings="4", action="save")
    assert saved.status_code == 303
    page = client.get(saved.headers["location"])
    assert page.status_code == 200
    assert "<h1>Pork Belly for Sunday</h1>" in page.text
    assert "Serves 4" in page.text
    ld = _jsonld(page.text)
    assert isinstance(ld, dict) and ld["name"] == "Pork Belly for Sunday"
    for part in ("Other methods", "Sides", "Storage", "Make ahead", "Doneness", "Checked"):
        assert f"<h2>{part}</h2>" in page.text, part
    for name in ("ladle", "jsonld", "cooklang", "markdown"):
        assert f'/export/{name}"' in page.text
    assert 'media="print"' in page.text


def test_reparse_keeps_a_corrected_title(client: TestClient) -> None:
    review = _import(client, text=BARE)
    corrected = BARE.replace("- 4 tbsp butter", "- 5 tbsp butter")
    again = _save(client, review, title="My Butter", text=corrected, action="parse")
    assert again.status_code == 200
    assert 'value="My Butter"' in again.text
    assert "5 tbsp butter" in again.text
    saved = _save(client, again, action="save")
    number = int(saved.headers["location"].rsplit("/", 1)[1])
    recipe = client.get(f"/api/recipes/{number}").json()
    assert recipe["title"] == "My Butter"
    assert recipe["ingredients"][0]["text"] == "5 tbsp butter"


def test_upload_a_cooklang_file(client: TestClient) -> None:
    review = client.post(
        "/import",
        data={"csrf_token": token(client)},
        files={"file": ("omelette.cook", COOK.encode())},
    )
    assert review.status_code == 200, review.text
    assert "eggs" in review.text
    saved = _save(client, review, title="Omelette", action="save")
    assert saved.status_code == 303
    assert client.get("/api/recipes").json()["items"][0]["title"] == "Omelette"


def test_import_asks_for_one_source(client: TestClient) -> None:
    nothing = _import(client)
    assert nothing.status_code == 422
    assert "give a text, a file or an address" in nothing.text
    both = _import(client, text=BARE, url="https://example.com/")
    assert both.status_code == 422
    assert BARE.splitlines()[0] in both.text  # what was typed is kept


def test_url_import_goes_through_the_url_guard(client: TestClient) -> None:
    for address in ("http://127.0.0.1:9/recipe", "http://169.254.169.254/", "file:///etc/passwd"):
        refused = _import(client, url=address)
        assert refused.status_code == 422, address
        assert address in refused.text
    assert client.get("/api/recipes").json()["items"] == []


def test_url_import_reads_the_page(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    page = (
        "<html><head><title>Toast</title></head><body><h1>Toast</h1><h2>Ingredients</h2>"
        "<ul><li>2 slices bread</li></ul><h2>Instructions</h2><ol><li>Toast the bread for "
        "3 minutes.</li></ol></body></html>"
    )
    seen: list[str] = []

    def fetch(url: str) -> Fetched:
        seen.append(url)
        return Fetched(page, url, "text/html", "utf-8")

    monkeypatch.setattr("ladle.fetch.fetch_html", fetch)
    review = _import(client, url="https://example.com/toast")
    assert seen == ["https://example.com/toast"]
    assert review.status_code == 200, review.text
    saved = _save(client, review, action="save")
    number = int(saved.headers["location"].rsplit("/", 1)[1])
    recipe = client.get(f"/api/recipes/{number}").json()
    assert recipe["source"]["url"] == "https://example.com/toast"
    assert recipe["ingredients"][0]["text"] == "2 slices bread"


def test_library_page_searches_without_javascript(client: TestClient) -> None:
    headers = {"X-CSRF-Token": token(client)}
    client.post("/api/recipes", json={"text": BARE}, headers=headers)
    found = client.get("/", params={"q": "garlic"})
    assert "Quick Garlic Butter" in found.text
    missing = client.get("/", params={"q": "garlic", "without": "garlic"})
    assert "Quick Garlic Butter" not in missing.text
    assert "No recipes found." in missing.text
    quick = client.get("/", params={"max_total": "1"})
    assert "Quick Garlic Butter" not in quick.text


def test_recipe_page_scales_and_converts_without_javascript(client: TestClient) -> None:
    headers = {"X-CSRF-Token": token(client)}
    number = client.post("/api/recipes", json={"text": BARE}, headers=headers).json()["id"]
    plain = client.get(f"/recipes/{number}")
    assert "<li>4 tbsp butter</li>" in plain.text
    scaled = client.get(f"/recipes/{number}", params={"servings": 4, "units": "metric"})
    assert scaled.status_code == 200
    assert "<li>4 tbsp butter</li>" not in scaled.text
    assert "Serves 4" in scaled.text
    assert 'value="4"' in scaled.text and '<option value="metric" selected>' in scaled.text


def test_remove_from_the_page(client: TestClient) -> None:
    headers = {"X-CSRF-Token": token(client)}
    number = client.post("/api/recipes", json={"text": BARE}, headers=headers).json()["id"]
    gone = client.post(
        f"/recipes/{number}/delete", data={"csrf_token": token(client)}, follow_redirects=False
    )
    assert gone.status_code == 303
    missing = client.get(f"/recipes/{number}", headers={"accept": "text/html"})
    assert missing.status_code == 404
    assert "no recipe has id" in missing.text
    assert missing.headers["content-type"].startswith("text/html")


def test_hostile_text_stays_text(client: TestClient, tmp_path: Path) -> None:
    with open_library(library_url(tmp_path)) as lib:
        number = lib.add(hostile_recipe()).id
    page = client.get(f"/recipes/{number}").text
    body = page.split("</head>", 1)[1]
    assert "<script>alert(1)</script>" not in body
    assert "<img src=x" not in page and "<svg onload" not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    head = page.split("</head>", 1)[0]
    assert head.count("</script>") == head.count("<script")  # none closed early
    ld = _jsonld(page)
    assert isinstance(ld, dict)
    assert ld["name"] == hostile_recipe().title
    listing = client.get("/").text
    assert "Hostile &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in listing


def test_serve_is_ready_at_once(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {"LADLE_DATABASE_URL": library_url(tmp_path), "PATH": "/usr/bin:/bin"}
    start = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "ladle", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        ready = None
        while ready is None and time.monotonic() - start < 30:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/session", timeout=1)
            except httpx.TransportError:
                time.sleep(0.05)
                continue
            ready = time.monotonic() - start
            assert response.status_code == 200
        assert ready is not None, "ladle serve did not answer within 30 s"
        assert ready < 10  # bench/web.py measures it; here: no recipe is read at start-up
        listed = httpx.get(f"http://127.0.0.1:{port}/api/recipes", timeout=30)
        assert listed.json()["items"] == []
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert f"serving http://127.0.0.1:{port}/" in err.decode()


def test_imported_html_is_cleaned_before_it_could_be_shown() -> None:
    from ladle.web.markup import cleaned
    from ladle.web.rendering import templates

    dirty = (
        '<p onclick="x()">Crisp <b>skin</b> <a href="javascript:alert(1)">here</a> '
        '<a href="https://example.com/" style="position:fixed">there</a>'
        "<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)></svg>"
        "<iframe src=https://example.com></iframe><!-- note --></p>"
    )
    clean = str(cleaned(dirty))
    assert clean == (
        '<p>Crisp <b>skin</b> <a rel="noopener noreferrer nofollow">here</a> '
        '<a href="https://example.com/" rel="noopener noreferrer nofollow">there</a></p>'
    )
    assert templates().env.filters["cleaned"] is cleaned
