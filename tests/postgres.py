"""A throwaway PostgreSQL cluster for the library's tests.

``PostgresCluster.start()`` runs Debian's ``initdb`` and ``pg_ctl`` (as the ``postgres`` user
when the tests run as root, as ``runuser`` requires; as the current user otherwise) on a free
port, in a folder under /tmp, trusting local connections; ``stop()`` shuts it down and removes
the folder. ``fresh_database()`` gives each test an empty database of its own.

When Debian's postgresql is not installed the tests that need it skip and say what to install;
in CI (``CI=true``) they fail instead, since ``make test`` installs it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

__all__ = ["PostgresCluster", "find_bin", "need_postgres"]


def find_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: Debian keeps them off PATH, per version."""
    for name in ("initdb", "pg_ctl"):
        found = shutil.which(name)
        if found and Path(found).resolve().parent.joinpath("postgres").exists():
            return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return versions[0].parent if versions else None


def need_postgres() -> Path:
    """The PostgreSQL binaries, or a skip (a failure in CI) that says what to install."""
    found = find_bin()
    if found is None:
        message = "PostgreSQL is not installed: sudo apt-get install postgresql postgresql-contrib"
        if os.environ.get("CI"):
            pytest.fail(message + " (make test installs it in CI)")
        pytest.skip(message)
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _as_owner(argv: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


@dataclass
class PostgresCluster:
    """One running cluster: ``url(database)`` names a database in it."""

    bin: Path
    folder: Path = field(init=False)
    port: int = field(init=False)
    _names: itertools.count[int] = field(default_factory=itertools.count)

    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="ladle-pg-", dir="/tmp"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        data = self.folder / "data"
        initdb = [str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
        subprocess.run(
            _as_owner([*initdb, "--no-sync", "-E", "UTF8", "--locale=C"]),
            check=True,
            capture_output=True,
        )
        self.port = _free_port()
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=100"
        )
        pg_ctl = [str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-w"]
        subprocess.run(
            _as_owner([*pg_ctl, "-l", str(self.folder / "log"), "start"]),
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(
            _as_owner(
                [
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.folder / "data"),
                    "-m",
                    "immediate",
                    "stop",
                ]
            ),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def fresh_database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"t{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)
