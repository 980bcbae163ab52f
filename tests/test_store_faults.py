"""Faults in the recipe library (ladle.store): a kill in the middle of an import, many
processes writing at once, and bad input (a database that does not connect, a library from a
newer ladle, a read-only file, a full disk).

Each test ends by checking the whole library with ``_check_library``: it opens, SQLite's
integrity checks pass, every recipe has its index row, ingredient rows and tag rows, its
document reads back, and a search for its title finds it.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import traceback
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path
from typing import Any

import pytest

from ladle.errors import LibraryError, NotInLibrary
from ladle.formats import read
from ladle.model import Recipe
from ladle.store import Library, Query, open_library

from .conftest import CASES, ROOT
from .postgres import PostgresCluster

BASE = CASES / "text" / "02-buttermilk-pancakes.txt"
TITLE = "Fault Pancakes"
DEADLINE_S = 120  # no fault test may take longer than this: a hang is a failure


# -- recipes made for these tests ----------------------------------------------------------------


@functools.cache
def _base() -> str:
    return json.dumps(read(BASE)[0].to_json())


def _document(label: str) -> dict[str, Any]:
    """A recipe JSON of its own: its title and its first ingredient carry ``label``."""
    document: dict[str, Any] = json.loads(_base())
    document["title"] = f"{TITLE} {label}"
    document["ingredients"][0]["name"] = f"flour {label}"
    return document


def _recipe(label: str) -> Recipe:
    return Recipe.from_json(_document(label))


def _write_recipes(folder: Path, labels: Sequence[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / f"{label}.json" for label in labels]
    for path, label in zip(files, labels, strict=True):
        path.write_text(json.dumps(_document(label)), encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """1,000 distinct small recipes, as ladle JSON files."""
    return _write_recipes(tmp_path_factory.mktemp("thousand"), [f"{n:04d}" for n in range(1000)])


# -- running ladle ------------------------------------------------------------------------------


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "LADLE_DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}


def _ladle(url: str, *args: str, prefix: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "ladle", *args],
        capture_output=True,
        text=True,
        timeout=DEADLINE_S,
        check=False,
        env=_env(url),
        cwd=ROOT,
    )


def _one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The refusal of a command: exit 1, one line ``error: ...`` naming ``words``, no trace."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    # `ladle add` ends with its count ("4 added, 1 failed") after the refusal
    lines = [
        line
        for line in result.stderr.strip().splitlines()
        if not re.fullmatch(r"\d+ added(, \d+ \w+)*", line)
    ]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def _reported(stdout: str) -> dict[int, tuple[str, str]]:
    """``ladle add``'s lines, ``ID<TAB>status<TAB>title``: id -> (status, title)."""
    found: dict[int, tuple[str, str]] = {}
    for line in stdout.splitlines():
        number, status, title = line.split("\t")
        found[int(number)] = (status, title)
    return found


# -- checking a library -------------------------------------------------------------------------


def _sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///")
    return Path(path.removeprefix("file:").split("?")[0])


def _check_sqlite_file(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        # FTS5's own check: raises when the index and its content disagree
        db.execute("INSERT INTO recipe_search (recipe_search) VALUES ('integrity-check')")
        db.rollback()


def _rows(url: str) -> dict[str, Any]:
    """What the tables hold, read with plain SQL."""
    from sqlalchemy import create_engine, text

    postgres = url.startswith("postgresql")
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as db:
            recipes = {
                int(i): (t, d)
                for i, t, d in db.execute(text("SELECT id, title, document FROM recipes"))
            }
            key = "recipe_id" if postgres else "rowid"
            indexed = [int(i) for (i,) in db.execute(text(f"SELECT {key} FROM recipe_search"))]
            names: dict[int, list[str]] = defaultdict(list)
            for i, name in db.execute(
                text("SELECT recipe_id, name FROM recipe_ingredients ORDER BY recipe_id, position")
            ):
                names[int(i)].append(name)
            tags: dict[int, set[str]] = defaultdict(set)
            for i, tag in db.execute(text("SELECT recipe_id, tag FROM recipe_tags")):
                tags[int(i)].add(tag)
    finally:
        engine.dispose()
    return {"recipes": recipes, "indexed": indexed, "names": names, "tags": tags}


def _check_library(url: str, *, search: bool = True) -> dict[int, str]:
    """The library at ``url`` opens and is consistent, and no recipe in it is half-stored;
    its recipes, id -> title."""
    path = _sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
    rows = _rows(url)
    recipes: dict[int, tuple[str, str]] = rows["recipes"]
    assert sorted(rows["indexed"]) == sorted(recipes), "search index rows differ from recipes"
    assert set(rows["names"]) <= set(recipes) and set(rows["tags"]) <= set(recipes)
    for number, (title, document) in recipes.items():
        data = json.loads(document)
        assert data["title"] == title
        assert rows["names"][number] == [
            i["name"].lower() for i in data["ingredients"] if i["name"]
        ]
        assert rows["tags"][number] == set(data["tags"])
    with open_library(url) as library:
        entries = {e.id: e.title for e in library.list()}
        assert entries == {n: t for n, (t, _) in recipes.items()}
        for number, title in entries.items():
            assert library.get(number).title == title
            if search:
                found = [e.id for e in library.search(Query(title))]
                assert number in found, f"a search for {title!r} misses recipe {number}"
    return entries


@contextmanager
def _watchdog(process: subprocess.Popen[str], seconds: float) -> Iterator[None]:
    """Kill ``process`` when it is still running after ``seconds``, and fail: a hang."""
    fired = threading.Event()

    def kill() -> None:
        fired.set()
        process.kill()

    timer = threading.Timer(seconds, kill)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
    assert not fired.is_set(), f"ladle (pid {process.pid}) still running after {seconds} s"


# -- SIGKILL halfway through an import -----------------------------------------------------------


def _add_and_kill(url: str, files: Sequence[Path], after: int) -> dict[int, tuple[str, str]]:
    """Run ``ladle add`` on ``files``, SIGKILL it once it has reported ``after`` recipes;
    the recipes it reported."""
    lines: list[str] = []
    with subprocess.Popen(
        [sys.executable, "-m", "ladle", "add", *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=_env(url),
        cwd=ROOT,
    ) as process:
        assert process.stdout is not None
        with _watchdog(process, DEADLINE_S):
            for line in process.stdout:
                lines.append(line)
                if len(lines) >= after:
                    process.send_signal(signal.SIGKILL)
                    break
            process.wait()
    assert process.returncode == -signal.SIGKILL, f"ladle add was not killed: {process.returncode}"
    return _reported("".join(lines))


def test_an_import_killed_halfway_keeps_every_reported_recipe(
    library_url: str, thousand: list[Path]
) -> None:
    reported = _add_and_kill(library_url, thousand, after=500)
    assert len(reported) == 500 and {s for s, _ in reported.values()} == {"added"}
    stored = _check_library(library_url)
    assert 500 <= len(stored) < 1000, "the kill did not land halfway"
    for number, (_, title) in reported.items():
        assert stored.get(number) == title, f"reported recipe {number} ({title}) was lost"
    with open_library(library_url) as library:
        for number in stored:  # each whole: the recipe that was given, field for field
            recipe = library.get(number)
            assert recipe.to_json() == _document(recipe.title.removeprefix(f"{TITLE} "))

    again = _ladle(library_url, "add", *map(str, thousand))
    assert again.returncode == 0, again.stderr
    second = _reported(again.stdout)
    assert len(second) == 1000
    skipped = {n for n, (status, _) in second.items() if status == "skipped"}
    added = {n for n, (status, _) in second.items() if status == "added"}
    assert skipped == set(stored) and len(added) == 1000 - len(stored)
    assert all(second[n][1] == title for n, title in stored.items())
    final = _check_library(library_url, search=False)
    assert sorted(final.values()) == [f"{TITLE} {n:04d}" for n in range(1000)]


# -- 8 processes at once -------------------------------------------------------------------------

WORKERS = 8
OWN = 6  # recipes each worker adds (only it)
SHARED = 3  # recipes every worker adds, the same content: one stored, the rest skipped
EVERYONE = "everyone"  # the tag every worker puts on the shared recipes


def _work(library: Library, worker: int, log: list[list[Any]]) -> None:
    """Add this worker's recipes and the shared ones, in a random order; after each, tag a
    random stored recipe, and a shared one with the tag every worker gives; now and then
    remove a recipe of its own.

    A removed recipe is never the newest of the library (the worker's newest stays while
    it removes an older one): SQLite gives the id of a removed newest recipe to the next one
    (see ``test_an_id_is_never_given_again``), which would make the log ambiguous."""
    rng = random.Random(worker)
    plan = [f"w{worker}r{i:02d}" for i in range(OWN)] + [f"s{i}" for i in range(SHARED)]
    rng.shuffle(plan)
    shared_ids: list[int] = []
    own_ids: list[int] = []
    for step, label in enumerate(plan):
        added = library.add(_recipe(label))
        log.append(["add", added.id, added.status, f"{TITLE} {label}"])
        (shared_ids if _is_shared(label) else own_ids).append(added.id)
        targets = [(rng.choice(library.list()).id, f"t{worker}x{step}")]
        if shared_ids:
            targets.append(
                (shared_ids[-1] if _is_shared(label) else rng.choice(shared_ids), EVERYONE)
            )
        for number, tag in targets:
            try:
                library.tag(number, [tag])
            except NotInLibrary:  # removed by its owner meanwhile
                log.append(["missed", number, tag])
            else:
                log.append(["tag", number, tag])
        if not _is_shared(label) and len(own_ids) > 1 and step % 3 == 0:
            victim = own_ids.pop(rng.randrange(len(own_ids) - 1))  # never the one just added
            library.remove(victim)
            log.append(["remove", victim])


def _worker(url: str, worker: int, barrier: Any, log_path: str) -> None:
    """One of the 8 processes: what it did goes to ``log_path`` as JSON, even when it fails."""
    log: list[list[Any]] = []
    try:
        barrier.wait(timeout=DEADLINE_S)
        with open_library(url) as library:  # all 8 open (and migrate) a new library at once
            _work(library, worker, log)
    except BaseException as error:
        log.append(["raised", f"{type(error).__name__}: {error}", traceback.format_exc()])
        raise
    finally:
        Path(log_path).write_text(json.dumps(log), encoding="utf-8")


def _run_workers(url: str, folder: Path) -> list[list[list[Any]]]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS)
    logs = [folder / f"worker{n}.json" for n in range(WORKERS)]
    processes = [
        context.Process(target=_worker, args=(url, n, barrier, str(logs[n])))
        for n in range(WORKERS)
    ]
    for process in processes:
        process.start()
    deadline = time.monotonic() + DEADLINE_S
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    hung = [n for n, p in enumerate(processes) if p.is_alive()]
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join()
    assert not hung, f"workers {hung} still running after {DEADLINE_S} s: a deadlock"
    done = [json.loads(path.read_text(encoding="utf-8")) for path in logs]
    raised = [entry for log in done for entry in log if entry[0] == "raised"]
    assert not raised, raised
    assert [p.exitcode for p in processes] == [0] * WORKERS
    return done


def test_eight_processes_lose_nothing_and_never_deadlock(library_url: str, tmp_path: Path) -> None:
    logs = _run_workers(library_url, tmp_path)
    entries = [entry for log in logs for entry in log]
    titles: dict[int, str] = {}
    by_title: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for _, number, status, title in (e for e in entries if e[0] == "add"):
        assert titles.setdefault(number, title) == title, f"id {number} given to two recipes"
        by_title[title].append((number, status))
    assert len(by_title) == WORKERS * OWN + SHARED
    for title, results in by_title.items():
        statuses = sorted(status for _, status in results)
        if not _is_shared(title):  # a worker's own recipe
            assert statuses == ["added"], (title, results)
        else:  # every worker added it: exactly one stored, the others skipped
            assert statuses == ["added"] + ["skipped"] * (WORKERS - 1), (title, results)
            assert len({number for number, _ in results}) == 1, (title, results)
    removed = {e[1] for e in entries if e[0] == "remove"}
    survivors = {n: t for n, t in titles.items() if n not in removed}
    assert {e[1] for e in entries if e[0] == "missed"} <= removed
    tags: dict[int, set[str]] = defaultdict(set)
    for _, number, tag in (e for e in entries if e[0] == "tag"):
        tags[number].add(tag)
    assert _check_library(library_url) == survivors
    with open_library(library_url) as library:
        for entry in library.list():
            assert set(entry.tags) == tags[entry.id], f"recipe {entry.id} lost or gained tags"
            assert sorted(library.get(entry.id).tags) == sorted(tags[entry.id])  # once each
        everyone = {e.id for e in library.search(Query(tags=[EVERYONE], limit=100))}
    assert everyone == {results[0][0] for t, results in by_title.items() if _is_shared(t)}


def _is_shared(title_or_label: str) -> bool:
    return title_or_label.rsplit(maxsplit=1)[-1].startswith("s")


def test_an_id_is_never_given_again(library_url: str) -> None:
    """A library id names one recipe for good (``ladle plan 12 17``, a bookmarked page): once
    removed, it does not come back as the id of another recipe."""
    with open_library(library_url) as library:
        library.add(_recipe("first"))
        newest = library.add(_recipe("second")).id
        library.remove(newest)
        assert library.add(_recipe("third")).id != newest
        with pytest.raises(NotInLibrary):
            library.get(newest)


# -- bad input: one-line errors, exit 1, nothing half-written -----------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """The library files of ``folder``, their bytes and modification times: the database,
    and its write-ahead log unless empty (a read-only connection may leave an empty one, and
    the -shm index, behind: SQLite's way, nothing written)."""
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if not p.name.endswith("-shm") and not (p.name.endswith("-wal") and not p.stat().st_size)
    }


def _small_library(folder: Path, labels: Sequence[str] = ("a", "b", "c")) -> str:
    """A closed SQLite library holding a few recipes; its URL."""
    url = f"sqlite:///{folder / 'library.sqlite3'}"
    with open_library(url) as library:
        library.add_many([_recipe(label) for label in labels])
    return url


@pytest.mark.parametrize("fault", ["bad host", "wrong database", "folder is a file"])
def test_a_database_that_does_not_connect(
    fault: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """(A closed port is tested in test_store.py.) The password never shows."""
    if fault == "bad host":
        url, words = "postgresql://cook:s3cret@no-such-host.invalid/recipes", ["no-such-host"]
    elif fault == "wrong database":
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.url("no_such_database").replace("postgres@", "postgres:s3cret@")
        words = ["no_such_database", "does not exist"]
    else:
        (tmp_path / "file").write_text("a file, not a folder", encoding="utf-8")
        url, words = f"sqlite:///{tmp_path / 'file' / 'library.sqlite3'}", ["folder"]
    with pytest.raises(LibraryError) as refused:
        open_library(url)
    message = str(refused.value)
    assert "\n" not in message and "s3cret" not in message, message
    assert all(word in message for word in words), message
    line = _one_line_error(_ladle(url, "list"), *words)
    assert "s3cret" not in line


def test_a_library_from_a_newer_ladle_is_refused_untouched(
    library_url: str, tmp_path: Path
) -> None:
    from sqlalchemy import create_engine, text

    path = _sqlite_path(library_url)
    url = library_url
    if path is not None:  # a folder of its own, to compare before and after
        path = tmp_path / "library" / path.name
        url = f"sqlite:///{path}"
    with open_library(url) as library:
        library.add_many([_recipe(label) for label in ("a", "b", "c")])
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as db:
        db.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    before = _snapshot(path.parent) if path else None
    extra = _write_recipes(tmp_path / "more", ["d"])
    with pytest.raises(LibraryError, match="newer ladle") as refused:
        open_library(url)
    assert "\n" not in str(refused.value)
    if path is not None:  # the refused library was closed again: no connection holds its WAL
        assert [p.name for p in path.parent.iterdir()] == [path.name]
    _one_line_error(_ladle(url, "add", *map(str, extra)), "newer ladle", "upgrade ladle")
    _one_line_error(_ladle(url, "list"), "newer ladle")
    if path is not None:
        assert _snapshot(path.parent) == before, "a refused library was changed"
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as db:
        assert db.execute(text("SELECT version_num FROM alembic_version")).all() == [("9999",)]
        assert db.execute(text("SELECT count(*) FROM recipes")).scalar() == 3
    engine.dispose()


def _without_root_powers() -> list[str]:
    """A command prefix under which file permissions hold even for root (which chmod does not
    stop): ``setpriv`` dropping the capabilities that override them; [] when not root; a skip
    when root cannot drop them here."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]
    if shutil.which("setpriv") is None or subprocess.run([*prefix, "true"], check=False).returncode:
        pytest.skip("running as root, and setpriv cannot drop CAP_DAC_OVERRIDE here")
    return prefix


@pytest.mark.parametrize("how", ["chmod", "uri mode=ro"])
def test_a_read_only_library_refuses_writes_in_one_line(how: str, tmp_path: Path) -> None:
    folder = tmp_path / "library"
    url = _small_library(folder)
    path = _sqlite_path(url)
    assert path is not None
    extra = _write_recipes(tmp_path / "more", ["d"])
    before = _snapshot(folder)
    prefix: list[str] = []
    if how == "chmod":
        prefix = _without_root_powers()
        path.chmod(0o444)
        folder.chmod(0o555)
    else:
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
        with open_library(url) as library:  # reading works; writing is refused, in one line
            assert len(library.list()) == 3
            for write in (lambda: library.add(_recipe("d")), lambda: library.remove(1)):
                with pytest.raises(LibraryError, match="readonly database") as refused:
                    write()
                assert "\n" not in str(refused.value) and "read-only" in str(refused.value)
    try:
        for args in (["add", *map(str, extra)], ["remove", "1"]):
            result = _ladle(url, *args, prefix=prefix)
            _one_line_error(result, "readonly database", "read-only")
            assert result.stdout == ""
        listed = _ladle(url, "list", "--json", prefix=prefix)
        if listed.returncode == 0:  # SQLite reads a WAL library in a read-only folder only
            assert len(json.loads(listed.stdout)) == 3  # when its -shm file is there
        else:
            _one_line_error(listed, "read-only")
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert _snapshot(folder) == before, "a read-only library was changed"
    assert len(_check_library(url.replace("?mode=ro&uri=true", "").replace("file:", ""))) == 3


LIMITED = """\
import resource, runpy, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
limit = int(sys.argv.pop(1))
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.argv[0] = "ladle"
runpy.run_module("ladle", run_name="__main__", alter_sys=True)
"""


@contextmanager
def _tiny_filesystem(folder: Path, size: str) -> Iterator[None]:
    """A tmpfs of ``size`` mounted on ``folder`` (root only), unmounted afterwards."""
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a tiny tmpfs needs root; the RLIMIT_FSIZE variant stands in")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()!r})")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def _add_until_full(url: str, files: Sequence[Path], limit: int | None) -> dict[int, str]:
    """``ladle add`` on a disk that fills up: one line, exit 1; the recipes it reported."""
    ladle = (
        [sys.executable, "-c", LIMITED, str(limit)] if limit else [sys.executable, "-m", "ladle"]
    )
    result = subprocess.run(
        [*ladle, "add", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=DEADLINE_S,
        check=False,
        env=_env(url),
        cwd=ROOT,
    )
    _one_line_error(result, "disk", "what was stored is kept")
    return {n: title for n, (_, title) in _reported(result.stdout).items()}


@pytest.mark.parametrize("how", ["RLIMIT_FSIZE", "tiny tmpfs"])
def test_a_full_disk_fails_in_one_line_and_keeps_what_was_stored(how: str, tmp_path: Path) -> None:
    folder = tmp_path / "library"
    files = _write_recipes(tmp_path / "more", [f"more{n:02d}" for n in range(60)])
    with nullcontext() if how == "RLIMIT_FSIZE" else _tiny_filesystem(folder, "512k"):
        url = _small_library(folder)
        path = _sqlite_path(url)
        assert path is not None
        stored = _check_library(url)
        limit = path.stat().st_size + 256 * 1024 if how == "RLIMIT_FSIZE" else None
        reported = _add_until_full(url, files, limit)
        after = _check_library(url)
        assert len(after) < 3 + len(files), "the disk never filled up"
        assert stored.items() <= after.items() and reported.items() <= after.items()
        with open_library(url) as library:
            if how == "RLIMIT_FSIZE":  # with room again, the rest goes in
                library.add_many([_recipe(f"more{n:02d}") for n in range(60)])
                assert len(library.list()) == 3 + len(files)


def test_a_library_locked_at_once_is_opened_on_a_later_try(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """SQLite answers "database is locked" at once, not after its busy timeout, when several
    processes first turn a new file to WAL together; opening tries again a few times."""
    from sqlalchemy.exc import OperationalError

    from ladle.store import library as library_module

    real = library_module._recorded
    calls = {"n": 0}

    def locked_twice(connection: Any) -> set[str]:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise OperationalError("PRAGMA", {}, sqlite3.OperationalError("database is locked"))
        return real(connection)

    monkeypatch.setattr(library_module, "_recorded", locked_twice)
    with library_module.open_library(f"sqlite:///{tmp_path / 'library.sqlite3'}") as library:
        assert library.list() == []
    assert calls["n"] == 3


def test_a_library_locked_every_time_is_one_error(tmp_path: Path, monkeypatch: Any) -> None:
    from sqlalchemy.exc import OperationalError

    from ladle.errors import LibraryError
    from ladle.store import library as library_module

    def locked(connection: Any) -> set[str]:
        raise OperationalError("PRAGMA", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(library_module, "_recorded", locked)
    monkeypatch.setattr(time, "sleep", lambda _seconds: None)
    with pytest.raises(LibraryError, match="database is locked"):
        library_module.open_library(f"sqlite:///{tmp_path / 'library.sqlite3'}")
