"""The recipe library (ladle.store): the repository, its migrations, and its commands."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ladle.errors import LibraryError, NotInLibrary
from ladle.formats import read
from ladle.model import Recipe
from ladle.store import Added, Library, Query, content_hash, open_library

from .conftest import CASES, ROOT

CHICKEN = CASES / "text" / "01-roast-chicken.txt"
PANCAKES = CASES / "text" / "02-buttermilk-pancakes.txt"


def _recipe(path: Path) -> Recipe:
    return read(path)[0]


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'library.sqlite3'}"


@pytest.fixture
def library(library_url: str) -> Iterator[Library]:
    """An empty library, once on SQLite and once on PostgreSQL."""
    with open_library(library_url) as opened:
        yield opened


def test_add_get_list_remove(library: Library) -> None:
    chicken, pancakes = _recipe(CHICKEN), _recipe(PANCAKES)
    first = library.add(chicken)
    second = library.add(pancakes)
    assert (first.status, second.status) == ("added", "added")
    assert library.get(first.id).title == chicken.title
    assert [e.title for e in library.list()] == [chicken.title, pancakes.title]
    library.remove(first.id)
    assert [e.id for e in library.list()] == [second.id]
    with pytest.raises(NotInLibrary, match="no recipe has id"):
        library.get(first.id)
    with pytest.raises(NotInLibrary):
        library.remove(first.id)


def test_the_recipe_round_trips_losslessly(library: Library) -> None:
    for path in sorted((CASES / "text").glob("*.txt"))[:6]:
        recipe = _recipe(path)
        stored = library.get(library.add(recipe).id)
        assert stored.to_json() == recipe.to_json(), path.name


def test_the_same_content_is_skipped_unless_updated(library: Library, tmp_path: Path) -> None:
    recipe = _recipe(CHICKEN)
    added = library.add(recipe)
    copy = tmp_path / "copy.txt"
    copy.write_text(CHICKEN.read_text(encoding="utf-8"), encoding="utf-8")
    again = _recipe(copy)  # the same recipe from another file
    assert content_hash(again) == content_hash(recipe)
    assert library.add(again).status == "skipped"
    assert library.get(added.id).source.location == recipe.source.location
    updated = library.add(again, update=True)
    assert (updated.id, updated.status) == (added.id, "updated")
    assert library.get(added.id).source.location == again.source.location
    assert len(library.list()) == 1


def test_tags(library: Library) -> None:
    added = library.add(_recipe(CHICKEN))
    assert list(library.tag(added.id, ["dinner", "sunday", "dinner", " "])) == [
        "dinner",
        "sunday",
    ]
    assert library.tag(added.id, ["sunday", "chicken"])[-1] == "chicken"
    assert library.list()[0].tags == ("chicken", "dinner", "sunday")
    assert library.get(added.id).tags == ["dinner", "sunday", "chicken"]
    assert library.add(_recipe(CHICKEN), update=True).status == "updated"
    assert library.list()[0].tags == ("chicken", "dinner", "sunday")  # tags survive an update
    with pytest.raises(NotInLibrary):
        library.tag(99, ["x"])
    assert sorted(library.untag(added.id, ["Dinner", "nothing"])) == ["chicken", "sunday"]
    assert library.list()[0].tags == ("chicken", "sunday")
    assert sorted(library.get(added.id).tags) == ["chicken", "sunday"]
    assert library.search(Query(tags=["dinner"])) == []
    with pytest.raises(NotInLibrary):
        library.untag(99, ["x"])


def test_indexed_columns_and_cascade(url: str) -> None:
    library = open_library(url)
    added = library.add(_recipe(PANCAKES))
    path = url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        title, total, digest = db.execute(
            "SELECT title, total_minutes, content_hash FROM recipes"
        ).fetchone()
        names = [n for (n,) in db.execute("SELECT name FROM recipe_ingredients")]
    assert (title, total) == ("Fluffy Buttermilk Pancakes", 30)
    assert len(digest) == 64 and names and all(n == n.lower() for n in names)
    library.remove(added.id)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM recipe_ingredients").fetchone() == (0,)


def test_migrations_create_the_tables_from_empty(url: str) -> None:
    path = url.removeprefix("sqlite:///")
    open_library(url).close()
    with sqlite3.connect(path) as db:
        tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = db.execute("SELECT version_num FROM alembic_version").fetchall()
        journal = db.execute("PRAGMA journal_mode").fetchone()
    assert {"recipes", "recipe_ingredients", "recipe_tags", "alembic_version"} <= tables
    assert version == [("0005",)]
    assert journal == ("wal",)
    with open_library(url) as library:  # a second open finds it up to date
        assert library.list() == []


def test_a_library_from_a_newer_ladle_is_refused(url: str) -> None:
    open_library(url).close()
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(LibraryError, match="newer ladle"):
        open_library(url)


def test_bad_urls_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="mysql libraries are not supported"):
        open_library("mysql://nobody@localhost/none")
    refusal = r"^postgresql://nobody@127.*Connection refused"
    with pytest.raises(LibraryError, match=refusal) as refused:
        open_library("postgresql://nobody@127.0.0.1:1/none")
    assert "\n" not in str(refused.value)
    with pytest.raises(LibraryError, match="not a database URL"):
        open_library("no url at all")
    garbage = tmp_path / "garbage.db"
    garbage.write_text("not a database " * 100, encoding="utf-8")
    with pytest.raises(LibraryError, match="not a database"):
        open_library(f"sqlite:///{garbage}")


def test_only_the_store_imports_sqlalchemy() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+(sqlalchemy|alembic)\b", re.M)
    for path in (ROOT / "src" / "ladle").rglob("*.py"):
        if "store" in path.relative_to(ROOT / "src" / "ladle").parts:
            continue
        assert not pattern.search(path.read_text(encoding="utf-8")), path


def _ladle(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ladle", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "LADLE_DATABASE_URL": url},
    )


def test_cli_add_list_show_remove(url: str, tmp_path: Path) -> None:
    added = _ladle(url, "add", str(CHICKEN), str(tmp_path / "missing.txt"), str(PANCAKES))
    assert added.returncode == 1
    errors = added.stderr.strip().splitlines()
    assert errors[0].startswith("error: ") and "missing.txt" in errors[0]
    assert errors[-1] == "2 added, 1 failed"
    again = _ladle(url, "add", str(CHICKEN))
    assert again.returncode == 0 and again.stderr.strip() == "0 added, 1 skipped"

    listed = _ladle(url, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    entries = json.loads(listed.stdout)
    assert [e["title"] for e in entries] == [_recipe(CHICKEN).title, _recipe(PANCAKES).title]
    assert _recipe(PANCAKES).title in _ladle(url, "list").stdout

    shown = _ladle(url, "show", str(entries[0]["id"]), "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout) == _recipe(CHICKEN).to_json()
    assert _recipe(CHICKEN).title in _ladle(url, "show", str(entries[0]["id"])).stdout

    removed = _ladle(url, "remove", str(entries[0]["id"]))
    assert removed.returncode == 0, removed.stderr
    assert len(json.loads(_ladle(url, "list", "--json").stdout)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "99"), "no recipe has id 99"),
        (("remove", "99"), "no recipe has id 99"),
        (("show", "abc"), "is not a library id"),
    ],
)
def test_cli_errors_are_one_line(url: str, args: tuple[str, ...], message: str) -> None:
    result = _ladle(url, *args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in result.stderr


def test_cli_refuses_a_database_it_cannot_open(tmp_path: Path) -> None:
    result = _ladle("mysql://nobody@localhost/none", "list")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: LADLE_DATABASE_URL: mysql libraries are not supported "
        "(use a sqlite:///PATH or postgresql://USER@HOST/DATABASE URL)"
    ]
    result = _ladle("postgresql://nobody@127.0.0.1:1/none", "list")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: postgresql://nobody@127.0.0.1:1/none: ") and "refused" in line


# -- search -------------------------------------------------------------------------------------


@pytest.fixture
def shelf(library: Library) -> Library:
    """A library of the text cases, tagged a little."""
    for path in sorted((CASES / "text").glob("*.txt")):
        if "no-recipe" not in path.name:
            library.add(read(path)[0])
    by_title = {e.title: e.id for e in library.list()}
    library.tag(by_title["Fluffy Buttermilk Pancakes"], ["Breakfast", "sweet"])
    library.tag(by_title["Lemon and Thyme Roast Chicken"], ["dinner"])
    return library


def _titles(library: Library, query: Query) -> list[str]:
    return [e.title for e in library.search(query)]


def test_search_ranks_the_title_first(shelf: Library) -> None:
    found = _titles(shelf, Query("chicken"))
    assert found[0] == "Lemon and Thyme Roast Chicken" or found[0] == "Chicken Pot Pie"
    assert set(found[:2]) == {"Lemon and Thyme Roast Chicken", "Chicken Pot Pie"}
    assert _titles(shelf, Query("pancakes")) == ["Fluffy Buttermilk Pancakes"]
    assert _titles(shelf, Query("pancak")) == ["Fluffy Buttermilk Pancakes"]  # a prefix
    assert _titles(shelf, Query("buttermilk pancakes chicken")) == []  # every word must match


def test_search_is_typo_tolerant(shelf: Library) -> None:
    assert "Fluffy Buttermilk Pancakes" in _titles(shelf, Query("buttermilc"))
    assert "Fluffy Buttermilk Pancakes" in _titles(shelf, Query("pancaeks"))
    assert _titles(shelf, Query("chiken", tags=["Dinner"])) == ["Lemon and Thyme Roast Chicken"]


def test_search_filters(shelf: Library) -> None:
    with_carrots = _titles(shelf, Query(with_=["carrots"]))
    assert "Honey-Roasted Carrots and Parsnips" in with_carrots
    assert all(
        any("carrot" in (i.name or "") for i in shelf.get(e.id).ingredients)
        for e in shelf.search(Query(with_=["carrots"]))
    )
    without_egg = shelf.search(Query(without=["egg"], limit=100))
    assert without_egg and "Fluffy Buttermilk Pancakes" not in [e.title for e in without_egg]
    everything = len(shelf.list())
    eggy = {e.id for e in shelf.search(Query(with_=["eggs"], limit=100))}
    assert len(without_egg) + len(eggy) == everything
    assert _titles(shelf, Query(tags=["breakfast"])) == ["Fluffy Buttermilk Pancakes"]
    assert _titles(shelf, Query("chicken", tags=["dinner"])) == ["Lemon and Thyme Roast Chicken"]
    quick = shelf.search(Query(max_total=30, limit=100))
    assert quick and all(e.total_minutes is not None and e.total_minutes <= 30 for e in quick)
    calm = shelf.search(Query(max_active=10, limit=100))
    assert all(e.active_minutes is not None and e.active_minutes <= 10 for e in calm)
    assert _titles(shelf, Query("chicken", without=["chicken"])) == []


def test_search_with_a_time_filter_keeps_the_ranking(shelf: Library) -> None:
    ranked = shelf.search(Query("salt", limit=100))
    timed = shelf.search(Query("salt", max_total=90, limit=100))
    calm = shelf.search(Query("salt", max_active=15, limit=100))
    assert timed and calm and len(timed) < len(ranked)
    assert [e.id for e in timed] == [
        e.id for e in ranked if e.total_minutes is not None and e.total_minutes <= 90
    ]
    assert [e.id for e in calm] == [
        e.id for e in ranked if e.active_minutes is not None and e.active_minutes <= 15
    ]
    page = shelf.search(Query("salt", max_total=90, limit=2, offset=1))
    assert [e.id for e in page] == [e.id for e in timed[1:3]]


def test_search_follows_changes(shelf: Library) -> None:
    (pancakes,) = shelf.search(Query("pancakes"))
    shelf.tag(pancakes.id, ["brunchy"])
    assert _titles(shelf, Query("brunchy")) == ["Fluffy Buttermilk Pancakes"]
    shelf.remove(pancakes.id)
    assert _titles(shelf, Query("pancakes")) == []
    assert _titles(shelf, Query("brunchy")) == []


def _plain(title: str, step: str) -> Recipe:
    """A recipe of the pancakes' ingredients with its own title and one step."""
    from ladle.model import Step

    return dataclasses.replace(_recipe(PANCAKES), title=title, steps=[Step(text=step)])


def test_search_ranks_title_matches_first_and_pages_never_repeat(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recipes whose title holds the words come first. PostgreSQL ranks them in groups of
    ``POOL``, newest first (2 here): its first page of 2 is the two newest title matches."""
    from ladle.store import search

    monkeypatch.setattr(search, "POOL", 2)
    titled = ["Saffron Rice", "Saffron Buns", "Golden Saffron Cake"]
    for title in titled:
        library.add(_plain(title, "Warm the saffron in milk, then bake until golden."))
    library.add(_plain("Plain Rice", "Cook the rice; a pinch of saffron is optional."))
    found = _titles(library, Query("saffron", limit=100))
    assert sorted(found[:3]) == sorted(titled) and found[3:] == ["Plain Rice"]
    pages = [_titles(library, Query("saffron", limit=1, offset=n)) for n in range(6)]
    assert pages == [[title] for title in found] + [[], []]
    assert _titles(library, Query("saffron", limit=3, offset=2)) == found[2:]
    if library.url.startswith("postgresql"):
        newest = _titles(library, Query("saffron", limit=2))
        assert sorted(newest) == ["Golden Saffron Cake", "Saffron Buns"]
    timed = _titles(library, Query("saffron", with_=["milk"], tags=[], max_total=10_000))
    assert timed == _titles(library, Query("saffron", with_=["milk"]))


def test_search_corrects_a_typo_to_a_word_added_since(shelf: Library) -> None:
    assert _titles(shelf, Query("kohlrabbi")) == []
    added = shelf.add(_plain("Kohlrabi Slaw", "Shred and dress.")).id
    assert _titles(shelf, Query("kohlrabbi")) == ["Kohlrabi Slaw"]
    shelf.tag(added, ["Picnicky"])
    assert _titles(shelf, Query("picnicy")) == ["Kohlrabi Slaw"]
    shelf.add(_plain("Green Beans", "Toss until garlicky."))  # SQLite: "garlicki", 1 recipe
    assert _titles(shelf, Query("chiken garlik")) == _titles(shelf, Query("chicken garlic"))
    assert _titles(shelf, Query("chiken garlik"))
    shelf.add(_plain("Fudge Brownies", "Brown the butter, then bake."))
    found = _titles(shelf, Query("browniz"))
    assert "Fudge Brownies" in found
    if not shelf.url.startswith("postgresql"):  # "browni" (0.92), not the more used "brown"
        assert found == ["Fudge Brownies"]


def test_the_search_speed_migration_keeps_a_filled_library_searchable(
    library_url: str,
) -> None:
    """r0005 (PostgreSQL: the narrow search table and the vocabulary) built on a library that
    holds recipes gives the same answers as the one kept since they were added."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from ladle.store.library import MIGRATIONS

    queries = [
        Query("chicken"),
        Query("chiken"),
        Query("chicken", tags=["Dinner"]),
        Query(with_=["carrots"], without=["pork"], limit=100),
        Query("salt", max_total=90, limit=100),
        Query("salt", max_active=15, limit=100),
    ]
    with open_library(library_url) as library:
        for path in sorted((CASES / "text").glob("*.txt")):
            if "no-recipe" not in path.name:
                library.add(read(path)[0])
        library.tag(library.search(Query("roast chicken"))[0].id, ["dinner"])
        before = [_titles(library, q) for q in queries]
    assert all(before)
    engine = create_engine(library_url.replace("postgresql://", "postgresql+psycopg://"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    engine.dispose()
    with open_library(library_url) as library:  # upgraded again, from the recipes stored
        assert [_titles(library, q) for q in queries] == before


@pytest.mark.parametrize("words", ['"', "'", "a:b", "NOT", "(x", "*", "-", "\\", "ü ñ 中文", ""])
def test_search_takes_any_words(shelf: Library, words: str) -> None:
    assert isinstance(shelf.search(Query(words)), list)


# -- migrations ---------------------------------------------------------------------------------


def _upgrade_to(url: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from ladle.store.library import MIGRATIONS

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_a_library_of_the_first_migration_upgrades_byte_for_byte(library_url: str) -> None:
    from sqlalchemy import create_engine, text

    _upgrade_to(library_url, "0001")
    recipes = [read(p)[0] for p in sorted((CASES / "text").glob("*.txt"))[:8]]
    documents = [json.dumps(r.to_json(), ensure_ascii=False) for r in recipes]
    engine = create_engine(library_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as db:
        for n, (recipe, document) in enumerate(zip(recipes, documents, strict=True)):
            db.execute(
                text(
                    "INSERT INTO recipes (title, document, content_hash, created_at, updated_at)"
                    " VALUES (:t, :d, :h, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                ),
                {"t": recipe.title, "d": document, "h": f"{n:064d}"},
            )
    with open_library(library_url) as library:
        assert [e.title for e in library.list()] == [r.title for r in recipes]
        assert library.get(1).to_json() == recipes[0].to_json()
        assert _titles(library, Query("pancakes")) == ["Fluffy Buttermilk Pancakes"]
    with engine.begin() as db:
        stored = [d for (d,) in db.execute(text("SELECT document FROM recipes ORDER BY id"))]
    engine.dispose()
    assert stored == documents


def test_add_many_is_one_transaction(library: Library) -> None:
    chicken, pancakes = _recipe(CHICKEN), _recipe(PANCAKES)
    added = library.add_many([chicken, pancakes, chicken])
    assert [a.status for a in added] == ["added", "added", "skipped"]
    assert added[2].id == added[0].id
    assert library.add_many([]) == []


def test_rebuilding_the_recipes_table_keeps_every_row(url: str) -> None:
    """r0003 rebuilds SQLite's three tables for AUTOINCREMENT: ingredient and tag rows, the
    search index and the ids all survive, and a removed id is not given again."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from ladle.store.library import MIGRATIONS

    with open_library(url) as library:
        first = library.add(_recipe(CHICKEN)).id
        library.tag(first, ["dinner"])
        gone = library.add(_recipe(PANCAKES)).id
        library.remove(gone)
    path = url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        before = db.execute("SELECT * FROM recipe_ingredients ORDER BY id").fetchall()
        db.execute("DELETE FROM sqlite_sequence")  # as a library made before r0003 has none
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    engine.dispose()
    with open_library(url) as library:
        assert [(e.id, e.tags) for e in library.list()] == [(first, ("dinner",))]
        assert _titles(library, Query("dinner")) == [_recipe(CHICKEN).title]
        newest = library.add(_recipe(PANCAKES)).id
        library.remove(newest)
        assert library.add(_recipe(PANCAKES)).id == newest + 1
    with sqlite3.connect(path) as db:
        assert (
            db.execute("SELECT * FROM recipe_ingredients ORDER BY id").fetchall()[: len(before)]
            == before
        )
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_replace_keeps_the_id_and_tags(library: Library) -> None:
    chicken, pancakes = _recipe(CHICKEN), _recipe(PANCAKES)
    first = library.add(chicken).id
    library.tag(first, ["dinner"])
    other = library.add(pancakes).id
    renamed = dataclasses.replace(chicken, title="Sunday Chicken")
    assert library.replace(first, renamed) == Added(first, "updated")
    assert library.get(first).title == "Sunday Chicken"
    assert library.get(first).tags == ["dinner"]
    assert _titles(library, Query("sunday")) == ["Sunday Chicken"]
    with pytest.raises(LibraryError, match=f"already stored as id {other}"):
        library.replace(first, pancakes)
    with pytest.raises(NotInLibrary):
        library.replace(999, pancakes)
    assert library.get(first).title == "Sunday Chicken"
