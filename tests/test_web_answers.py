"""Answers kept for repeated reads (``ladle.web.answers``): a change from anywhere is seen at
once, no session sees another's token, and what is kept is bounded."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from fastapi.testclient import TestClient

from ladle.model import Ingredient, Recipe, Step, Yield
from ladle.store import Library, open_library
from ladle.web import create_app
from ladle.web.answers import Answers, ChangeStamp
from ladle.web.rendering import MARKER

from .web_support import BASE_URL, client_for, library_url, token


def _recipe(title: str) -> Recipe:
    return Recipe(
        title=title,
        yield_=Yield(servings=2),
        ingredients=[Ingredient(text="2 cloves garlic", quantity=2, unit="clove", name="garlic")],
        steps=[Step(text="Crush the garlic.")],
    )


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[tuple[TestClient, int]]:
    """A client of an app over a library holding one recipe, and its id."""
    with open_library(library_url(tmp_path)) as lib:
        number = lib.add(_recipe("Garlic Paste")).id
    with client_for(tmp_path) as client:
        yield client, number


def _csrf(page: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([^"]*)">', page)
    assert found is not None
    return found.group(1)


def test_a_page_read_again_does_not_read_the_library(
    stored: tuple[TestClient, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, number = stored
    first = client.get(f"/recipes/{number}")
    reads: list[int] = []
    real_get = Library.get

    def counted(self: Library, recipe_id: int) -> Recipe:
        reads.append(recipe_id)
        return real_get(self, recipe_id)

    monkeypatch.setattr(Library, "get", counted)
    again = client.get(f"/recipes/{number}")
    assert again.text == first.text
    assert reads == []
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert again.headers["x-frame-options"] == "DENY"
    scaled = client.get(f"/recipes/{number}", params={"servings": 8})
    assert reads == [number]  # other parameters, another answer
    assert scaled.text != first.text


def test_an_edit_through_the_api_is_seen_at_once(stored: tuple[TestClient, int]) -> None:
    client, number = stored
    assert "Garlic Paste" in client.get(f"/recipes/{number}").text
    assert "Garlic Paste" in client.get("/", params={"q": "garlic"}).text
    found = client.get("/api/recipes", params={"q": "garlic"}).json()["items"]
    assert [item["title"] for item in found] == ["Garlic Paste"]
    document = _recipe("Roast Garlic Paste").to_json()
    headers = {"X-CSRF-Token": token(client)}
    assert client.put(f"/api/recipes/{number}", json=document, headers=headers).status_code == 200
    assert "Roast Garlic Paste" in client.get(f"/recipes/{number}").text
    assert "Roast Garlic Paste" in client.get("/", params={"q": "garlic"}).text
    found = client.get("/api/recipes", params={"q": "garlic"}).json()["items"]
    assert [item["title"] for item in found] == ["Roast Garlic Paste"]


def test_a_removal_from_the_page_is_seen_at_once(stored: tuple[TestClient, int]) -> None:
    client, number = stored
    assert client.get(f"/recipes/{number}").status_code == 200
    assert "Garlic Paste" in client.get("/").text
    form = {"csrf_token": token(client)}
    assert client.post(f"/recipes/{number}", data=form).status_code == 405  # not the kept page
    removed = client.post(f"/recipes/{number}/delete", data=form, follow_redirects=False)
    assert removed.status_code == 303
    assert client.get(f"/recipes/{number}").status_code == 404
    assert "Garlic Paste" not in client.get("/").text


def test_a_write_from_another_library_object_is_seen_at_once(
    stored: tuple[TestClient, int], tmp_path: Path
) -> None:
    client, number = stored
    assert "Garlic Paste" in client.get(f"/recipes/{number}").text
    assert client.get("/api/recipes", params={"q": "onion"}).json()["items"] == []
    with open_library(library_url(tmp_path)) as other:
        other.replace(number, _recipe("Black Garlic Paste"))
        added = other.add(_recipe("Onion Jam")).id
    assert "Black Garlic Paste" in client.get(f"/recipes/{number}").text
    found = client.get("/api/recipes", params={"q": "onion"}).json()["items"]
    assert [item["id"] for item in found] == [added]
    other_tags = open_library(library_url(tmp_path))
    try:
        other_tags.tag(number, ["spread"])
    finally:
        other_tags.close()
    assert "spread" in client.get("/api/recipes", params={"q": "garlic"}).json()["items"][0]["tags"]


def test_a_write_from_another_process_is_seen_at_once(
    stored: tuple[TestClient, int], tmp_path: Path
) -> None:
    client, number = stored
    assert client.get(f"/recipes/{number}").status_code == 200
    script = (
        "import sys\n"
        "from ladle.store import open_library\n"
        "with open_library(sys.argv[1]) as lib:\n"
        "    lib.remove(int(sys.argv[2]))\n"
    )
    command = [sys.executable, "-c", script, library_url(tmp_path), str(number)]
    subprocess.run(command, check=True, timeout=60)
    assert client.get(f"/recipes/{number}").status_code == 404
    assert "Garlic Paste" not in client.get("/").text


def test_sessions_never_see_each_others_token(tmp_path: Path) -> None:
    with open_library(library_url(tmp_path)) as lib:
        number = lib.add(_recipe("Garlic Paste")).id
    app = create_app(library_url(tmp_path))
    with TestClient(app, base_url=BASE_URL) as one, TestClient(app, base_url=BASE_URL) as two:
        for path in (f"/recipes/{number}", "/", "/?q=garlic"):
            first, second = one.get(path).text, two.get(path).text
            assert _csrf(first) == token(one)
            assert _csrf(second) == token(two)
            assert token(one) != token(two)
            assert token(two) not in first and token(one) not in second
            assert MARKER not in first and MARKER not in second
            # the same page otherwise: the kept one, with each session's token in place
            assert first.replace(token(one), "T") == second.replace(token(two), "T")


def test_a_signed_in_session_is_shown_signed_in(tmp_path: Path) -> None:
    with open_library(library_url(tmp_path)) as lib:
        number = lib.add(_recipe("Garlic Paste")).id
    with client_for(tmp_path, password="pepper") as client:
        headers = {"X-CSRF-Token": token(client)}
        signed = client.post("/api/session", json={"password": "pepper"}, headers=headers)
        assert signed.status_code == 200, signed.text
        page = client.get(f"/recipes/{number}").text
        assert 'action="/logout"' in page
        assert _csrf(page) == token(client)


def test_the_answers_kept_are_bounded() -> None:
    answers = Answers(max_bytes=1000)
    for number in range(10):
        answers._put(("page", number), 1, "text/plain", b"x" * 200)
    assert len(answers) == 5
    assert answers._get(("page", 9), 1) == ("text/plain", b"x" * 200)
    assert answers._get(("page", 0), 1) is None  # the oldest went first
    assert answers._get(("page", 9), 2) is None  # another stamp: the library changed
    answers._put(("big",), 1, "text/plain", b"x" * 300)  # over a quarter of the bound: not kept
    assert answers._get(("big",), 1) is None


def test_only_a_sqlite_file_has_a_change_stamp(tmp_path: Path) -> None:
    def stamp_of(url: str) -> ChangeStamp | None:
        return ChangeStamp.of(cast(Library, type("Stub", (), {"url": url})()))

    assert stamp_of("postgresql://cook@localhost/ladle") is None
    assert stamp_of("sqlite://") is None
    assert stamp_of("sqlite:///:memory:") is None
    assert stamp_of(library_url(tmp_path) + "?mode=ro") is None
    stamp = stamp_of(library_url(tmp_path))
    assert stamp is not None
    with open_library(library_url(tmp_path)) as lib:
        before = stamp.read()
        assert stamp.read() == before  # reading alone changes nothing
        lib.add(_recipe("Garlic Paste"))
        assert stamp.read() != before
    stamp.close()
