"""The web app's defences: the password and its rate limit, sessions, CSRF on forms, headers,
size limits, the host check, and ``ladle serve`` refusing to listen openly without a
password."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ladle.web.command import is_loopback
from ladle.web.security import HEADERS
from ladle.web.sessions import LoginLimiter

from .web_support import client_for, library_url, token

PASSWORD = "correct horse battery staple"
TOAST = "Toast\nServes 1\nIngredients\n- 1 slice bread\nMethod\n1. Toast the bread.\n"


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[TestClient]:
    with client_for(tmp_path, password=PASSWORD) as client:
        yield client


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with client_for(tmp_path) as client:
        yield client


def _login(client: TestClient, password: str) -> int:
    page = client.get("/login")
    assert page.status_code == 200
    response = client.post(
        "/login",
        data={"password": password, "next": "/", "csrf_token": token(client)},
        follow_redirects=False,
    )
    return response.status_code


def test_a_password_guards_every_page_and_call(locked: TestClient) -> None:
    page = locked.get("/", headers={"accept": "text/html"}, follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=/"
    for path in ("/api/recipes", "/api/recipes/1", "/openapi.json", "/import"):
        response = locked.get(path, follow_redirects=False)
        assert response.status_code == 401, path
        assert response.headers["content-type"] == "application/problem+json"
    assert locked.get("/static/ladle.css").status_code == 200
    session = locked.get("/api/session").json()
    assert session["password_required"] is True and session["signed_in"] is False


def test_login_with_the_password_opens_a_session(locked: TestClient) -> None:
    assert _login(locked, PASSWORD) == 303
    assert locked.get("/", headers={"accept": "text/html"}).status_code == 200
    assert locked.get("/api/recipes").status_code == 200
    assert locked.get("/api/session").json()["signed_in"] is True
    headers = {"X-CSRF-Token": token(locked)}
    added = locked.post("/api/recipes", json={"text": TOAST}, headers=headers)
    assert added.status_code == 201, added.text
    out = locked.post("/logout", data={"csrf_token": token(locked)}, follow_redirects=False)
    assert out.status_code == 303
    assert locked.get("/api/recipes").status_code == 401


def test_the_session_cookie(locked: TestClient) -> None:
    response = locked.get("/api/session")
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith("ladle_session=")
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie


def test_api_login_and_a_forged_cookie(locked: TestClient, tmp_path: Path) -> None:
    headers = {"X-CSRF-Token": token(locked)}
    wrong = locked.post("/api/session", json={"password": "guess"}, headers=headers)
    assert wrong.status_code == 401
    assert wrong.json()["detail"].startswith("login: wrong password")
    right = locked.post("/api/session", json={"password": PASSWORD}, headers=headers)
    assert right.status_code == 200 and right.json()["signed_in"] is True
    assert locked.get("/api/recipes").status_code == 200
    with client_for(tmp_path, password=PASSWORD) as other:  # another process, another key
        other.cookies.set("ladle_session", locked.cookies["ladle_session"])
        assert other.get("/api/recipes").status_code == 401


def test_wrong_passwords_are_rate_limited(locked: TestClient) -> None:
    for _ in range(5):
        assert _login(locked, "wrong") == 401
    assert _login(locked, "wrong") == 429
    blocked = _login(locked, PASSWORD)  # even the right one, until the minute is over
    assert blocked == 429
    headers = {"X-CSRF-Token": token(locked)}
    response = locked.post("/api/session", json={"password": PASSWORD}, headers=headers)
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0
    assert "too many wrong passwords" in response.json()["detail"]
    assert locked.get("/api/recipes").status_code == 401


def test_the_limiter_forgets_after_its_window() -> None:
    now = [0.0]
    limiter = LoginLimiter(failures=5, window=60, clock=lambda: now[0])
    for _ in range(5):
        assert limiter.retry_after("a") is None
        limiter.failed("a")
    assert limiter.retry_after("a") == 60
    assert limiter.retry_after("b") is None
    now[0] = 30
    assert limiter.retry_after("a") == 30
    now[0] = 60.5
    assert limiter.retry_after("a") is None
    limiter.failed("a")
    limiter.succeeded("a")
    assert limiter.retry_after("a") is None
    small = LoginLimiter(max_clients=2)
    for client in "xyz":
        small.failed(client)
    assert len(small._seen) == 2


def test_login_redirects_only_within_the_server(locked: TestClient) -> None:
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = locked.post(
            "/login",
            data={"password": PASSWORD, "next": target, "csrf_token": token(locked)},
            follow_redirects=False,
        )
        assert response.headers["location"] == "/", target


def test_forms_need_the_csrf_token(client: TestClient) -> None:
    token(client)
    without = client.post("/import", data={"text": TOAST}, headers={"accept": "text/html"})
    assert without.status_code == 403
    assert "security token" in without.text
    save = client.post("/import/review", data={"text": TOAST, "action": "save"})
    assert save.status_code == 403
    assert client.get("/api/recipes").json()["items"] == []
    ok = client.post("/import", data={"text": TOAST, "csrf_token": token(client)})
    assert ok.status_code == 200


def test_security_headers_on_every_answer(client: TestClient) -> None:
    for path in ("/", "/api/recipes", "/api/recipes/9", "/static/ladle.js", "/nowhere"):
        response = client.get(path)
        for name, value in HEADERS.items():
            assert response.headers[name] == value, (path, name)
    policy = HEADERS["content-security-policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in policy
    assert "unsafe-inline" not in policy


def test_pages_hold_no_inline_script(client: TestClient) -> None:
    headers = {"X-CSRF-Token": token(client)}
    number = client.post("/api/recipes", json={"text": TOAST}, headers=headers).json()["id"]
    for path in ("/", f"/recipes/{number}", "/import"):
        text = client.get(path).text
        for chunk in text.split("<script")[1:]:
            opening = chunk.split(">", 1)[0]
            assert 'src="/static/' in opening or 'type="application/ld+json"' in opening, opening
        assert " on" not in text.replace(" one", "").split("<body", 1)[1].split(">", 1)[0]


def test_bodies_over_the_limit_are_refused(tmp_path: Path) -> None:
    with client_for(tmp_path, max_body_bytes=1000) as small:
        headers = {"X-CSRF-Token": token(small)}
        big = small.post("/api/parse", json={"text": "x" * 5000}, headers=headers)
        assert big.status_code == 413
        assert big.headers["content-type"] == "application/problem+json"
        assert "limit" in big.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'{"text": "'
            for _ in range(10):
                yield b"y" * 500
            yield b'"}'

        streamed = small.post(
            "/api/recipes",
            content=chunks(),
            headers={**headers, "content-type": "application/json"},
        )
        assert streamed.status_code == 413
        assert small.get("/api/recipes").json()["items"] == []


def test_uploads_over_the_limit_and_binary_uploads(client: TestClient) -> None:
    form = {"csrf_token": token(client)}
    big = client.post("/import", data=form, files={"file": ("big.txt", b"a" * 3_000_000)})
    assert big.status_code == 413
    for name, data in (
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 20),
        ("latin1.txt", "Crème brûlée\nIngredients\n- 2 eggs\n".encode("latin-1")),
        ("empty.txt", b""),
    ):
        response = client.post("/import", data=form, files={"file": (name, data)})
        assert response.status_code in {400, 422}, (name, response.status_code)
        assert name in response.text  # the message names the file
    assert client.get("/api/recipes").json()["items"] == []


def test_a_solve_is_not_started_from_another_site(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ladle.web import meals
    from ladle.web.routes import plan_api, planner

    solves: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        solves.append(1)
        return meals.plan_meal(*args, **kwargs)

    monkeypatch.setattr(planner, "plan_meal", counted)
    monkeypatch.setattr(plan_api, "plan_meal", counted)
    number = client.post(
        "/api/recipes", json={"text": TOAST}, headers={"X-CSRF-Token": token(client)}
    )
    serve_at = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%dT19:00")
    query = f"ids={number.json()['id']}&serve_at={serve_at}"
    paths = (f"/plan?{query}", f"/cook?{query}", f"/api/plan.svg?{query}", f"/api/plan.ics?{query}")
    for path in paths:  # an <img src> or a link on another site
        for accept in ("text/html", "image/*"):
            refused = client.get(
                path, headers={"sec-fetch-site": "cross-site", "accept": accept},
                follow_redirects=False,
            )  # fmt: skip
            assert refused.status_code == 403, (path, accept)
            assert "ladle plans a meal only when asked from its own pages" in refused.text
    assert solves == []
    planner_page = client.get(
        paths[0], headers={"sec-fetch-site": "cross-site", "accept": "text/html"}
    )
    assert 'id="plan-button"' in planner_page.text  # the form, filled in: one press plans
    assert client.get("/plan", headers={"sec-fetch-site": "cross-site"}).status_code == 200
    for site in ("same-origin", "same-site", "none", None):
        headers = {} if site is None else {"sec-fetch-site": site}
        for path in paths:
            response = client.get(path, headers=headers, follow_redirects=False)
            assert response.status_code == 200, (path, site, response.text)
    assert solves


def test_only_the_servers_own_names_are_answered(tmp_path: Path) -> None:
    with client_for(tmp_path) as client:
        assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
        assert client.get("/", headers={"host": "[::1]:8000"}).status_code == 200
        rebound = client.get("/api/recipes", headers={"host": "attacker.example"})
        assert rebound.status_code == 400
        assert "not a name of this server" in rebound.json()["detail"]
    with client_for(tmp_path, password=PASSWORD, trusted_hosts=None) as anywhere:
        response = anywhere.get("/api/session", headers={"host": "kitchen.lan:8000"})
        assert response.status_code == 200


def test_loopback_addresses() -> None:
    for host in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"):
        assert is_loopback(host), host
    for host in ("0.0.0.0", "::", "192.168.1.10", "kitchen.lan", ""):
        assert not is_loopback(host), host


def test_serve_refuses_an_open_address_without_a_password(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "LADLE_PASSWORD"}
    env["LADLE_DATABASE_URL"] = library_url(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "ladle", "serve", "--host", "0.0.0.0", "--port", "8765"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: --host: 0.0.0.0 can be reached from other machines "
        "(set LADLE_PASSWORD to a password first, or serve on 127.0.0.1)"
    ]
    usage = subprocess.run(
        [sys.executable, "-m", "ladle", "serve", "--port", "70000"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert usage.returncode == 2
