"""The library's command line: ``ladle add`` of folders, globs and several recipes per file,
``ladle tag``, and a library id as the SOURCE of the other commands."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ladle import library_cli
from ladle.formats import read, write
from ladle.store import open_library

from .conftest import CASES

TEXT = CASES / "text"
CHICKEN = TEXT / "01-roast-chicken.txt"
PANCAKES = TEXT / "02-buttermilk-pancakes.txt"
FISH_PIE = TEXT / "03-fish-pie.txt"
CARROTS = TEXT / "04-honey-roasted-carrots.txt"
NO_RECIPE = TEXT / "14-no-recipe.txt"
SHAKSHUKA = CASES / "cooklang" / "01-shakshuka.cook"


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'library.sqlite3'}"


def _ladle(
    url: str, *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ladle", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env={**os.environ, "LADLE_DATABASE_URL": url},
    )


def _lines(result: subprocess.CompletedProcess[str]) -> list[list[str]]:
    """The ``ID<tab>STATUS<tab>TITLE`` lines of ``ladle add``."""
    return [line.split("\t") for line in result.stdout.splitlines()]


def _errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def _titles(url: str) -> list[str]:
    with open_library(url) as library:
        return sorted(e.title for e in library.list())


def _title(path: Path) -> str:
    return read(path)[0].title


def _copy(files: list[Path], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(f, folder / f.name)) for f in files]


def test_a_folder_is_walked_for_recipe_files(url: str, tmp_path: Path) -> None:
    shelf = tmp_path / "shelf"
    _copy([CHICKEN, PANCAKES], shelf)
    _copy([SHAKSHUKA], shelf / "cooklang" / "deeper")
    _copy([FISH_PIE], shelf / ".hidden")  # hidden folders and files are left out
    shutil.copy(CARROTS, shelf / ".carrots.txt")
    (shelf / "photo.jpg").write_bytes(b"\xff\xd8\xff not a recipe")  # no format reads .jpg
    result = _ladle(url, "add", str(shelf))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "3 added"
    assert sorted(title for _, _, title in _lines(result)) == sorted(
        _title(p) for p in (CHICKEN, PANCAKES, SHAKSHUKA)
    )
    assert all(status == "added" for _, status, _ in _lines(result))
    assert _titles(url) == sorted(_title(p) for p in (CHICKEN, PANCAKES, SHAKSHUKA))


def test_a_glob_is_expanded_recursively_and_one_matching_nothing_fails(
    url: str, tmp_path: Path
) -> None:
    shelf = tmp_path / "shelf"
    _copy([CHICKEN], shelf / "a")
    _copy([PANCAKES], shelf / "b" / "c")
    _copy([SHAKSHUKA], shelf)
    result = _ladle(url, "add", "shelf/**/*.txt", "shelf/*.nothing", cwd=tmp_path)
    assert result.returncode == 1
    assert _errors(result) == [
        "error: shelf/*.nothing: the pattern matches no file (check it, and quote it)"
    ]
    assert result.stderr.strip().splitlines()[-1] == "2 added, 1 failed"
    assert _titles(url) == sorted([_title(CHICKEN), _title(PANCAKES)])


def test_duplicates_are_skipped_and_updated_with_update(url: str, tmp_path: Path) -> None:
    first = _ladle(url, "add", str(CHICKEN), str(PANCAKES))
    assert first.returncode == 0, first.stderr
    ids = {title: number for number, _, title in _lines(first)}
    copy = _copy([CHICKEN], tmp_path / "again")[0]  # the same recipe from another file
    again = _ladle(url, "add", str(copy), str(CHICKEN))
    assert again.returncode == 0, again.stderr
    assert _lines(again) == [[ids[_title(CHICKEN)], "skipped", _title(CHICKEN)]] * 2
    assert again.stderr.strip() == "0 added, 2 skipped"
    updated = _ladle(url, "add", "--update", str(copy))
    assert updated.returncode == 0, updated.stderr
    assert _lines(updated) == [[ids[_title(CHICKEN)], "updated", _title(CHICKEN)]]
    assert updated.stderr.strip() == "0 added, 1 updated"
    shown = json.loads(_ladle(url, "show", ids[_title(CHICKEN)], "--json").stdout)
    assert shown["source"]["location"] == str(copy)
    assert len(_titles(url)) == 2


def test_a_failing_file_among_good_ones(url: str, tmp_path: Path) -> None:
    shelf = tmp_path / "shelf"
    _copy([CHICKEN, PANCAKES, NO_RECIPE, FISH_PIE], shelf)
    (shelf / "empty.cook").write_text("", encoding="utf-8")
    result = _ladle(url, "add", str(shelf), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    errors = _errors(result)
    assert len(errors) == 3, result.stderr
    for name in ("empty.cook", NO_RECIPE.name, "missing.txt"):
        (line,) = [e for e in errors if name in e]
        assert line.startswith(f"error: {tmp_path}")
    assert result.stderr.strip().splitlines()[-1] == "3 added, 3 failed"
    assert _titles(url) == sorted(_title(p) for p in (CHICKEN, PANCAKES, FISH_PIE))


def test_every_recipe_of_a_multi_recipe_file_is_added(url: str, tmp_path: Path) -> None:
    documents = [
        *json.loads((TEXT / "01-roast-chicken.json").read_text(encoding="utf-8")),
        *json.loads((TEXT / "02-buttermilk-pancakes.json").read_text(encoding="utf-8")),
    ]
    both = tmp_path / "two.json"
    both.write_text(json.dumps(documents), encoding="utf-8")
    result = _ladle(url, "add", str(both))
    assert result.returncode == 0, result.stderr
    assert [title for _, _, title in _lines(result)] == [_title(CHICKEN), _title(PANCAKES)]
    assert result.stderr.strip() == "2 added"


def test_standard_input_is_a_source(url: str) -> None:
    result = _ladle(url, "add", "-", str(PANCAKES), stdin=CHICKEN.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert _titles(url) == sorted([_title(CHICKEN), _title(PANCAKES)])
    empty = _ladle(url, "add", "-", str(CHICKEN), stdin="")
    assert empty.returncode == 1
    assert [e.split(":")[:2] for e in _errors(empty)] == [["error", " <stdin>"]]
    assert empty.stderr.splitlines()[-1] == "0 added, 1 skipped, 1 failed"


def test_tag_prints_the_recipe_tags(url: str) -> None:
    added = _ladle(url, "add", str(CHICKEN))
    number = _lines(added)[0][0]
    tagged = _ladle(url, "tag", number, "dinner", "sunday")
    assert tagged.returncode == 0, tagged.stderr
    assert tagged.stdout.splitlines() == ["dinner", "sunday"]
    again = _ladle(url, "tag", number, "roast", "dinner")
    assert again.stdout.splitlines() == ["dinner", "sunday", "roast"]
    listed = json.loads(_ladle(url, "list", "--json").stdout)
    assert listed[0]["tags"] == ["dinner", "roast", "sunday"]
    missing = _ladle(url, "tag", "99", "dinner")
    assert missing.returncode == 1
    assert _errors(missing) == ["error: library: no recipe has id 99 (`ladle list` shows the ids)"]
    assert _ladle(url, "tag", number).returncode == 2  # no tag: a usage error
    untagged = _ladle(url, "untag", number, "SUNDAY", "never-there")
    assert untagged.returncode == 0, untagged.stderr
    assert untagged.stdout.splitlines() == ["dinner", "roast"]
    assert json.loads(_ladle(url, "list", "--json").stdout)[0]["tags"] == ["dinner", "roast"]
    assert json.loads(_ladle(url, "search", "--tag", "sunday", "--json").stdout) == []
    assert _errors(_ladle(url, "untag", "99", "dinner")) == [
        "error: library: no recipe has id 99 (`ladle list` shows the ids)"
    ]


def _ids(url: str, *paths: Path) -> list[str]:
    added = _ladle(url, "add", *map(str, paths))
    assert added.returncode == 0, added.stderr
    return [number for number, _, _ in _lines(added)]


def test_a_library_id_is_a_source_for_shop_and_scale(url: str) -> None:
    chicken, carrots = _ids(url, CHICKEN, CARROTS)
    by_id = _ladle(url, "shop", chicken, carrots, "--json")
    by_file = _ladle(url, "shop", str(CHICKEN), str(CARROTS), "--json")
    assert by_id.returncode == 0, by_id.stderr
    assert json.loads(by_id.stdout) == json.loads(by_file.stdout)
    scaled = _ladle(url, "scale", chicken, "--factor", "2", "--json")
    assert scaled.returncode == 0, scaled.stderr
    from_file = _ladle(url, "scale", str(CHICKEN), "--factor", "2", "--json")
    assert json.loads(scaled.stdout) == json.loads(from_file.stdout)
    parsed = _ladle(url, "parse", chicken, "--json")
    assert json.loads(parsed.stdout) == read(CHICKEN)[0].to_json()


def test_a_library_id_is_a_source_for_plan(url: str) -> None:
    chicken, carrots = _ids(url, CHICKEN, CARROTS)
    planned = _ladle(url, "plan", chicken, carrots, "--serve-at", "2030-11-26 19:00", "--json")
    assert planned.returncode == 0, planned.stderr
    plan = json.loads(planned.stdout)
    assert {t["recipe"] for t in plan["tasks"] if t["step"] is not None} == {
        _title(CHICKEN),
        _title(CARROTS),
    }


def test_a_file_named_by_digits_is_a_file(url: str, tmp_path: Path) -> None:
    _ids(url, PANCAKES)  # id 1 is the pancakes
    shutil.copy(CHICKEN, tmp_path / "1")
    result = _ladle(url, "parse", "1", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == _title(CHICKEN)


@pytest.mark.parametrize(
    "args",
    [
        ("scale", "42", "--factor", "2"),
        ("shop", "42"),
        ("plan", "42", "--serve-at", "2030-11-26 19:00"),
        ("check", "42"),
        ("export", "42", "--to", "cooklang"),
        ("convert", "42", "--units", "metric"),
        ("parse", "42"),
    ],
)
def test_a_missing_id_is_one_line(url: str, args: tuple[str, ...]) -> None:
    result = _ladle(url, *args)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: library: no recipe has id 42 (`ladle list` shows the ids)"
    ]
    assert result.stdout == ""


def test_sources_expand_once_each(tmp_path: Path) -> None:
    shelf = tmp_path / "shelf"
    _copy([CHICKEN, PANCAKES], shelf)
    jobs, failures = library_cli._expand([str(shelf), str(shelf / CHICKEN.name), "nope.txt"])
    assert [j.source for j in jobs] == [
        str(shelf / CHICKEN.name),
        str(shelf / PANCAKES.name),
        "nope.txt",  # reading it says: no such file
    ]
    assert failures == []


def test_reading_in_worker_processes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(library_cli, "_cores", lambda: 2)
    jobs = [library_cli._Job(str(p)) for p in (CHICKEN, NO_RECIPE, PANCAKES)]
    with library_cli._reading(jobs) as results:
        found = list(results)
    assert [job for job, _ in found] == jobs
    assert [r[0]["title"] for _, r in found if isinstance(r, list)] == [
        _title(CHICKEN),
        _title(PANCAKES),
    ]
    assert isinstance(found[1][1], str) and found[1][1].startswith(str(NO_RECIPE))


def test_a_killed_import_holds_every_recipe_it_reported(url: str, tmp_path: Path) -> None:
    shelf = tmp_path / "shelf"
    _copy(sorted(TEXT.glob("*.txt")) + sorted((CASES / "meals").glob("*.txt")), shelf)
    process = subprocess.Popen(
        [sys.executable, "-m", "ladle", "add", str(shelf)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "LADLE_DATABASE_URL": url},
    )
    assert process.stdout is not None
    reported = [process.stdout.readline(), process.stdout.readline()]
    workers = subprocess.run(
        ["pgrep", "-P", str(process.pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    with open_library(url) as library:
        stored = {e.id: e.title for e in library.list()}
    for line in reported:
        number, _, title = line.rstrip("\n").split("\t")
        assert stored[int(number)] == title
    deadline = time.monotonic() + 10
    while any(_running(int(pid)) for pid in workers):  # orphaned workers quit on their own
        assert time.monotonic() < deadline, f"workers {workers} outlived the import"
        time.sleep(0.1)


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "\nState:\tZ" not in status


def test_search_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lib.sqlite3'}"
    env = {**os.environ, "LADLE_DATABASE_URL": url}

    def ladle(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "ladle", *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )

    texts = CASES / "text"
    assert (
        ladle(
            "add", str(texts / "01-roast-chicken.txt"), str(texts / "02-buttermilk-pancakes.txt")
        ).returncode
        == 0
    )
    found = ladle("search", "pancakes", "--json")
    assert found.returncode == 0, found.stderr
    assert [e["title"] for e in json.loads(found.stdout)] == ["Fluffy Buttermilk Pancakes"]
    chicken = json.loads(ladle("search", "--with", "chicken", "--max-time", "600", "--json").stdout)
    assert [e["title"] for e in chicken] == ["Lemon and Thyme Roast Chicken"]
    assert json.loads(ladle("search", "pancakes", "--without", "egg", "--json").stdout) == []
    assert "Pancakes" in ladle("search", "pancak").stdout
    bad = ladle("search", "x", "--max-time", "-1")
    assert bad.returncode == 2


@pytest.fixture
def home_server(tmp_path: Path) -> Iterator[str]:
    """A web server on loopback (a private address) serving the roast chicken's card."""
    folder = tmp_path / "site"
    folder.mkdir()
    card = write(read(CHICKEN)[0], "html")
    assert isinstance(card, str)
    (folder / "chicken.html").write_text(card, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/chicken.html"
    finally:
        server.shutdown()
        server.server_close()


def test_add_reaches_a_private_address_only_when_allowed(url: str, home_server: str) -> None:
    refused = _ladle(url, "add", home_server)
    assert refused.returncode == 1
    assert "private" in " ".join(_errors(refused)) and "--allow-private" in refused.stderr
    assert _titles(url) == []
    added = _ladle(url, "add", "--allow-private", home_server)
    assert added.returncode == 0, added.stderr
    assert _titles(url) == [read(CHICKEN)[0].title]


def test_a_library_id_with_no_library_creates_none(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "LADLE_DATABASE_URL"}
    env |= {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    for command in (["parse", "7"], ["export", "7", "--to", "jsonld"], ["shop", "7"]):
        done = subprocess.run(
            [sys.executable, "-m", "ladle", *command],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=env,
            cwd=tmp_path,
        )
        assert done.returncode == 1, (command, done.stderr)
        assert _errors(done) == [
            "error: library: no recipe has id 7 (the library is empty: "
            "`ladle add SOURCE` adds recipes to it)"
        ], command
    assert not (tmp_path / "data").exists()
