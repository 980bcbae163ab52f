"""The web app runs its plain ``def`` routes on a few worker threads, not anyio's 40."""

from __future__ import annotations

from pathlib import Path

import anyio.to_thread
from fastapi.testclient import TestClient

from ladle.web.app import WORKER_THREADS, create_app


def _tokens() -> float:
    return anyio.to_thread.current_default_thread_limiter().total_tokens


def test_the_routes_share_a_few_worker_threads(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'library.sqlite3'}")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.portal is not None
        assert client.portal.call(_tokens) == WORKER_THREADS < 40
        assert client.get("/").status_code == 200  # the library opens in a worker thread
        assert client.get("/api/recipes?q=garlic").json()["items"] == []
