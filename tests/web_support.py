"""Helpers of the web app's tests: a test client over a library in tmp_path, the session's
CSRF token, a real uvicorn server on a free port, Debian's Chromium, and hostile recipes."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ladle.model import Ingredient, Pairing, Recipe, Source, Step, Variant, Yield
from ladle.web import create_app

__all__ = [
    "BASE_URL",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "PAYLOADS",
    "client_for",
    "hostile_recipe",
    "library_url",
    "need_chromium",
    "running",
    "token",
]

BASE_URL = "http://127.0.0.1"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-sandbox"]

# Each would run a script, or load something, if a page put it in as markup.
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
)


def library_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'library.sqlite3'}"


def client_for(tmp_path: Path, **options: Any) -> TestClient:
    """A test client of a web app over a new SQLite library in ``tmp_path``."""
    app = create_app(library_url(tmp_path), **options)
    return TestClient(app, base_url=BASE_URL)


def token(client: TestClient) -> str:
    """The CSRF token of the client's session (the session starts here)."""
    response = client.get("/api/session")
    assert response.status_code == 200, response.text
    value: str = response.json()["csrf_token"]
    return value


def hostile_recipe(marker: str = "Hostile") -> Recipe:
    """A recipe with a script payload in every text a page shows."""
    attack = " ".join(PAYLOADS)
    return Recipe(
        title=f"{marker} </script><script>alert(1)</script> <svg onload=alert(1)> pie",
        description=f"A description {attack}",
        yield_=Yield(servings=4, text="Serves 4 <img src=x onerror=alert(1)>"),
        ingredients=[
            Ingredient(text=f"2 cups flour {attack}", name="flour", quantity=2, unit="cup"),
            Ingredient(
                text="1 tsp <script>alert(1)</script> salt",
                name="salt",
                quantity=1,
                unit="teaspoon",
                group="<svg onload=alert(1)> For the crust",
            ),
        ],
        steps=[
            Step(text=f"Mix the flour. {attack}", section="<img src=x onerror=alert(1)>"),
            Step(text="Bake for 30 minutes <svg onload=alert(1)>."),
        ],
        notes=[f"A note {attack}", "javascript:alert(1)"],
        variants=[Variant(name="<script>alert(1)</script>", kind="method", text=attack)],
        pairings=[Pairing(name="<img src=x onerror=alert(1)>", kind="side", text=attack)],
        tags=["<script>alert(1)</script>"],
        source=Source(
            format="ladle", location="<script>alert(1)</script>", url="javascript:alert(1)"
        ),
    )


def need_chromium() -> Path:
    """Debian's Chromium, or a skip (a failure in CI) that says what to install."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is absent: sudo apt-get install chromium (make test installs it)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the browser tests")
        pytest.skip(message)
    return CHROMIUM


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """A real uvicorn server for ``app`` on a free loopback port, in a thread; its address."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
