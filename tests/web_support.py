"""Helpers of the web app's tests: a test client over a library in tmp_path, the session's
CSRF token, a real uvicorn server on a free port, Debian's Chromium and a page watched for
dialogs and console errors, and hostile recipes."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ladle.model import Ingredient, Pairing, Recipe, Source, Step, Variant, Yield
from ladle.web import create_app

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page

__all__ = [
    "BASE_URL",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "FIND_HANDLERS",
    "PAYLOADS",
    "TIMEOUT_MS",
    "Watched",
    "chromium",
    "client_for",
    "hostile_recipe",
    "library_url",
    "need_chromium",
    "running",
    "token",
    "watch",
]

BASE_URL = "http://127.0.0.1"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-sandbox"]
TIMEOUT_MS = 20_000

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


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium under Playwright (a skip, or a failure in CI, when it is absent)."""
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


# Elements with an event handler attribute, and links that would run script.
FIND_HANDLERS = """() => [...document.querySelectorAll('*')].flatMap((element) =>
  [...element.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)
).concat([...document.querySelectorAll('a[href]')].map((a) => a.href)
  .filter((href) => href.trim().toLowerCase().startsWith('javascript:')))"""


@dataclass
class Watched:
    """A page, and what it said: dialogs opened and console errors."""

    page: Page
    base: str
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def go(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status < 400, path

    def quiet(self) -> None:
        assert self.dialogs == [], self.dialogs
        assert self.errors == [], self.errors
        assert self.page.evaluate(FIND_HANDLERS) == []

    def token(self) -> str:
        """The CSRF token of the page's session."""
        value: str = self.page.request.get(self.base + "/api/session").json()["csrf_token"]
        return value

    def post(self, path: str, body: Any) -> Any:
        """A JSON call of the API in the page's session, with its CSRF token."""
        headers = {"X-CSRF-Token": self.token(), "Content-Type": "application/json"}
        return self.page.request.post(self.base + path, data=body, headers=headers)


def watch(browser: Browser, base: str, **options: Any) -> Iterator[Watched]:
    """A new page in its own context, its dialogs dismissed and noted, its errors noted."""
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    watched = Watched(page, base)

    def on_dialog(dialog: Dialog) -> None:
        watched.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watched.errors.append(message.text)

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    try:
        yield watched
    finally:
        context.close()
