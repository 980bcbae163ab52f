"""A library at the newest schema opens without Alembic; ``SCHEMA_HEAD`` is Alembic's head."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from ladle.store import open_library
from ladle.store.library import MIGRATIONS, SCHEMA_HEAD

OPEN = """
import sys
from ladle.store import open_library
with open_library(sys.argv[1]) as library:
    library.list()
print("alembic" in sys.modules)
"""


def test_the_schema_head_is_the_newest_migration() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [SCHEMA_HEAD]


def _alembic_loaded(url: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", OPEN, url], capture_output=True, text=True, check=True
    )
    return done.stdout.strip() == "True"


def test_a_library_at_the_newest_schema_opens_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    assert _alembic_loaded(url)  # a new library is made by the migrations
    assert not _alembic_loaded(url)  # then it is current: no Alembic
    with open_library(url) as library:
        assert library.list() == []
