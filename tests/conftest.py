"""Shared test helpers: where ../shared lives, and the texts tests read from it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .postgres import PostgresCluster, need_postgres

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LADLE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "honey-mustard-pork-belly.txt"
CASES = ROOT / "tests" / "cases"


def shared(relative: str) -> Path:
    """A file of ../shared, or a skip that says what is missing and where it was looked for."""
    path = SHARED / relative
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI runs with ../shared beside the checkout")
        pytest.skip(f"{path} is absent: put ladle's shared test material at {SHARED}")
    return path


@pytest.fixture(scope="session", autouse=True)
def _own_data_directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reads or writes the user's own library: the default one (platformdirs' data
    directory) is under a temporary folder for the run, and LADLE_DATABASE_URL is unset;
    subprocesses inherit both."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data-home")))
    patch.delenv("LADLE_DATABASE_URL", raising=False)
    try:
        yield
    finally:
        patch.undo()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL cluster for the whole run (see tests/postgres.py)."""
    cluster = PostgresCluster(need_postgres())
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def library_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty library's URL, once for SQLite and once for PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'library.sqlite3'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.fresh_database()
