"""Backups of the library (ladle.store.backup): lossless, deterministic, refused when damaged."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ladle.errors import LibraryError
from ladle.foods.usda import read_release
from ladle.formats import read
from ladle.store import Library, Query, open_library
from ladle.store import backup as backups

from .conftest import CASES
from .postgres import PostgresCluster
from .test_store import _ladle
from .usda_fixtures import sr28, write_zip

TEXTS = sorted(p for p in (CASES / "text").glob("*.txt") if "no-recipe" not in p.name)
CHICKEN = CASES / "text" / "01-roast-chicken.txt"


@pytest.fixture
def fresh(library_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """Another empty library of the same backend as ``library_url``, each call."""
    made = iter(range(1, 1000))

    def make() -> str:
        if library_url.startswith("sqlite"):
            return f"sqlite:///{tmp_path / f'other{next(made)}.sqlite3'}"
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        return cluster.fresh_database()

    return make


@pytest.fixture
def library(library_url: str) -> Iterator[Library]:
    with open_library(library_url) as opened:
        yield opened


def _fill(library: Library, paths: list[Path] = TEXTS) -> None:
    """Recipes, tags, and a gap in the ids (a removed recipe)."""
    for path in paths:
        library.add(read(path)[0])
    ids = [e.id for e in library.list()]
    library.tag(ids[0], ["dinner", "Sunday"])
    library.tag(ids[1], ["breakfast"])
    library.remove(ids[2])


def _snapshot(library: Library) -> list[tuple[int, object, tuple[str, ...]]]:
    return [(e.id, library.get(e.id).to_json(), e.tags) for e in library.list()]


def test_backup_restore_backup_gives_the_same_bytes(
    library: Library, fresh: Callable[[], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "BATCH", 3)  # several batches, both ways
    _fill(library)
    first, second = tmp_path / "first.ladle.gz", tmp_path / "second.ladle.gz"
    assert library.backup(first) == len(TEXTS) - 1
    with open_library(fresh()) as restored:
        done = restored.restore(first)
        assert (done.restored, done.skipped) == (len(TEXTS) - 1, 0)
        assert restored.backup(second) == len(TEXTS) - 1
        assert second.read_bytes() == first.read_bytes()
        assert _snapshot(restored) == _snapshot(library)
        assert restored.list() == library.list()
        for query in (Query("chicken"), Query(tags=["dinner"]), Query(with_=["carrots"])):
            assert restored.search(query) == library.search(query), query
        assert restored.search(Query("chicken"))
        # a recipe added after the restore takes an id after theirs (PostgreSQL: the sequence)
        removed = read(TEXTS[2])[0]  # _fill removed it from the library
        assert restored.add(removed).id > max(e.id for e in library.list())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_the_file_says_what_it_is(library: Library, tmp_path: Path) -> None:
    _fill(library, TEXTS[:4])
    path = tmp_path / "library.backup"
    library.backup(path)
    with gzip.open(path) as unzipped:
        lines = unzipped.read().splitlines(keepends=True)
    header = json.loads(lines[0])
    assert header == {
        "format": "ladle-library-backup",
        "version": 2,
        "schema": "0005",
        "recipes": 3,
        "overrides": 0,
        "sha256": hashlib.sha256(b"".join(lines[1:])).hexdigest(),
    }
    records = [json.loads(line) for line in lines[1:]]
    assert [r["id"] for r in records] == [e.id for e in library.list()]
    assert records[0]["tags"] == ["Sunday", "dinner"]
    assert json.loads(records[0]["document"]) == library.get(records[0]["id"]).to_json()
    assert all(r["created_at"].endswith("+00:00") for r in records)
    raw = path.read_bytes()
    assert raw[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # no mtime, no name


def test_an_empty_library_backs_up_and_restores(
    library: Library, fresh: Callable[[], str], tmp_path: Path
) -> None:
    path = tmp_path / "empty.gz"
    assert library.backup(path) == 0
    with open_library(fresh()) as other:
        assert other.restore(path).restored == 0
        assert other.list() == []
        assert other.add(read(CHICKEN)[0]).id == 1


def _gzip(data: bytes) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as zipped:
        zipped.write(data)
    return out.getvalue()


def _forge(path: Path, header: dict[str, object], body: list[bytes], *, checksum: bool) -> None:
    """A backup file of our own making; ``checksum``: put the body's right checksum in."""
    if checksum:
        header = {**header, "sha256": hashlib.sha256(b"".join(body)).hexdigest()}
    line = json.dumps(header).encode() + b"\n"
    path.write_bytes(_gzip(line) + _gzip(b"".join(body)))


def _parts(path: Path) -> tuple[dict[str, object], list[bytes]]:
    with gzip.open(path) as unzipped:
        lines = unzipped.read().splitlines(keepends=True)
    return json.loads(lines[0]), lines[1:]


def _damage(good: Path, kind: str, tmp_path: Path) -> tuple[Path, str]:
    """A damaged copy of ``good``, and what the refusal says."""
    raw = good.read_bytes()
    bad = tmp_path / f"{kind}.gz"
    header, body = _parts(good)
    if kind == "truncated":
        bad.write_bytes(raw[: len(raw) * 2 // 3])
        return bad, "truncated"
    if kind == "altered byte":
        middle = len(raw) // 2
        bad.write_bytes(raw[:middle] + bytes([raw[middle] ^ 0x01]) + raw[middle + 1 :])
        return bad, "damaged"
    if kind == "altered text":  # valid gzip, one character of a recipe changed
        edited = [body[0].replace(b"Roast", b"Toast", 1), *body[1:]]
        _forge(bad, header, edited, checksum=False)
        return bad, "do not match its checksum"
    if kind == "lines missing":
        _forge(bad, header, body[:-1], checksum=False)
        return bad, "its header says"
    if kind == "recipe text":
        return CHICKEN, "is not a ladle library backup"
    if kind == "other gzip":
        bad.write_bytes(_gzip(b"just some text\n"))
        return bad, "is not a ladle library backup"
    if kind == "newer version":
        _forge(bad, {**header, "version": backups.VERSION + 1}, body, checksum=True)
        return bad, "newer ladle"
    if kind == "newer schema":
        _forge(bad, {**header, "schema": "9999"}, body, checksum=True)
        return bad, "newer ladle"
    assert kind == "missing"
    return tmp_path / "no-such-backup.gz", "cannot read the backup"


KINDS = [
    "truncated",
    "altered byte",
    "altered text",
    "lines missing",
    "recipe text",
    "other gzip",
    "newer version",
    "newer schema",
    "missing",
]


@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_or_foreign_file_is_refused_and_changes_nothing(
    library: Library, fresh: Callable[[], str], tmp_path: Path, kind: str
) -> None:
    _fill(library)
    good = tmp_path / "good.gz"
    library.backup(good)
    bad, message = _damage(good, kind, tmp_path)
    with open_library(fresh()) as empty, open_library(fresh()) as holding:
        holding.add(read(TEXTS[-1])[0])
        before = _snapshot(holding)
        for target, merge in ((empty, False), (holding, True)):
            with pytest.raises(LibraryError, match=message) as refused:
                target.restore(bad, merge=merge)
            assert "\n" not in str(refused.value)
            assert str(refused.value).startswith(f"{bad}: ")
        assert empty.list() == []
        assert _snapshot(holding) == before


def test_a_restore_is_all_or_nothing(
    library: Library, fresh: Callable[[], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file with a right checksum but a bad last recipe: the recipes before it are undone."""
    monkeypatch.setattr(backups, "BATCH", 2)
    _fill(library)
    good, bad = tmp_path / "good.gz", tmp_path / "bad.gz"
    library.backup(good)
    header, body = _parts(good)
    last = json.loads(body[-1])
    last["document"] = '{"ladle": 1}'
    _forge(bad, header, [*body[:-1], json.dumps(last).encode() + b"\n"], checksum=True)
    with open_library(fresh()) as empty:
        with pytest.raises(LibraryError, match=rf"line {len(body) + 1} is not a recipe"):
            empty.restore(bad)
        assert empty.list() == []
        assert empty.restore(good).restored == len(body)  # and the library still works


def test_a_library_that_holds_recipes_is_refused_unless_merged(
    library: Library, fresh: Callable[[], str], tmp_path: Path
) -> None:
    _fill(library, TEXTS[:5])
    path = tmp_path / "library.gz"
    library.backup(path)
    with open_library(fresh()) as other:
        other.add(read(TEXTS[-1])[0])
        chicken = other.add(read(CHICKEN)[0]).id  # also in the backup
        with pytest.raises(LibraryError, match=r"already holds 2 recipes.*--merge"):
            other.restore(path)
        assert len(other.list()) == 2
        done = other.restore(path, merge=True)
        assert (done.restored, done.skipped) == (3, 1)
        titles = sorted(e.title for e in other.list())
        assert titles == sorted([read(TEXTS[-1])[0].title, *(e.title for e in library.list())])
        by_title = {e.title: e for e in other.list()}
        originals = {e.title: e for e in library.list()}
        assert by_title[read(CHICKEN)[0].title].id == chicken  # kept, not replaced
        pancakes = read(TEXTS[1])[0].title
        assert by_title[pancakes].tags == originals[pancakes].tags == ("breakfast",)
        assert other.search(Query(tags=["breakfast"]))[0].title == pancakes
        again = other.restore(path, merge=True)
        assert (again.restored, again.skipped) == (0, 4)


def test_a_backup_into_a_missing_folder_is_one_line(library: Library, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "library.gz"
    with pytest.raises(LibraryError, match="does not exist") as refused:
        library.backup(target)
    assert "\n" not in str(refused.value) and str(refused.value).startswith(str(target))
    with pytest.raises(LibraryError, match="it is a folder"):
        library.backup(tmp_path)
    assert not target.parent.exists()


def test_a_backup_replaces_an_old_one_whole(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    path = folder / "library.gz"
    path.write_text("an older backup", encoding="utf-8")
    path.chmod(0o640)
    _fill(library, TEXTS[:3])
    library.backup(path)
    assert _parts(path)[0]["recipes"] == 2
    assert [p.name for p in folder.iterdir()] == ["library.gz"]
    assert path.stat().st_mode & 0o777 == 0o640


def test_sqlite_to_postgresql(postgres: PostgresCluster, tmp_path: Path) -> None:
    path, again = tmp_path / "from-sqlite.gz", tmp_path / "from-postgresql.gz"
    with open_library(f"sqlite:///{tmp_path / 'library.sqlite3'}") as sqlite:
        _fill(sqlite)
        sqlite.backup(path)
        with open_library(postgres.fresh_database()) as server:
            assert server.restore(path).restored == len(TEXTS) - 1
            assert _snapshot(server) == _snapshot(sqlite)
            chicken = {e.id for e in sqlite.list() if "Chicken" in e.title}
            assert chicken <= {e.id for e in server.search(Query("chicken"))}
            server.backup(again)
    assert again.read_bytes() == path.read_bytes()


def test_cli_backup_and_restore(tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    path = tmp_path / "library.gz"
    assert _ladle(source, "add", *map(str, TEXTS[:3])).returncode == 0
    made = _ladle(source, "backup", str(path))
    assert made.returncode == 0, made.stderr
    assert made.stderr.strip() == f"backed up 3 recipes to {path}"
    restored = _ladle(target, "restore", str(path))
    assert restored.returncode == 0, restored.stderr
    assert restored.stderr.strip() == "restored 3 recipes"
    listed = [_ladle(url, "list", "--json").stdout for url in (source, target)]
    assert listed[0] == listed[1] and len(json.loads(listed[0])) == 3

    refused = _ladle(target, "restore", str(path))
    assert refused.returncode == 1
    (line,) = refused.stderr.strip().splitlines()
    assert line.startswith("error: library: already holds 3 recipes") and "--merge" in line
    merged = _ladle(target, "restore", str(path), "--merge")
    assert merged.returncode == 0, merged.stderr
    assert merged.stderr.strip() == "restored 0 recipes, 3 already stored"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("backup", "{tmp}/missing/library.gz"), "does not exist"),
        (("restore", "{tmp}/nothing.gz"), "cannot read the backup"),
        (("restore", str(CHICKEN)), "is not a ladle library backup"),
    ],
)
def test_cli_errors_are_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    result = _ladle(url, *(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and message in line


def _choose_foods(library: Library, tmp_path: Path) -> None:
    """A food table and two of the user's choices of food."""
    library.import_foods(read_release(write_zip(tmp_path / "sr28asc.zip", sr28())))
    library.set_food_override("Dijon-style butter", "01234")
    library.set_food_override("baby carrots", "11999")


def test_food_choices_are_backed_up_and_restored(
    library: Library, fresh: Callable[[], str], tmp_path: Path
) -> None:
    _fill(library, TEXTS[:3])
    _choose_foods(library, tmp_path)
    first, second = tmp_path / "first.gz", tmp_path / "second.gz"
    library.backup(first)
    with gzip.open(first) as unzipped:
        lines = unzipped.read().splitlines()
    assert json.loads(lines[0])["overrides"] == 2
    assert [json.loads(line)["override"] for line in lines[-2:]] == [
        "baby carrots",
        "dijon-style butter",
    ]
    with open_library(fresh()) as restored:
        done = restored.restore(first)
        assert (done.restored, done.overrides) == (2, 2)
        # the food table is not in a backup: the choices wait for the next import
        assert restored.lost_food_overrides() == {
            "baby carrots": "11999",
            "dijon-style butter": "01234",
        }
        restored.backup(second)
        assert second.read_bytes() == first.read_bytes()
        restored.import_foods(read_release(write_zip(tmp_path / "again.zip", sr28())))
        assert restored.lost_food_overrides() == {}
        assert dict(restored.food_table().overrides()) == dict(library.food_table().overrides())


def test_a_merge_keeps_the_librarys_own_food_choice(
    library: Library, fresh: Callable[[], str], tmp_path: Path
) -> None:
    _choose_foods(library, tmp_path)
    path = tmp_path / "choices.gz"
    library.backup(path)
    with open_library(fresh()) as other:
        other.import_foods(read_release(write_zip(tmp_path / "other.zip", sr28())))
        other.set_food_override("baby carrots", "01234")
        done = other.restore(path, merge=True)
        assert done.overrides == 1  # only the choice the library did not have
        assert dict(other.food_table().overrides()) == {
            "baby carrots": "01234",
            "dijon-style butter": "01234",
        }


def test_a_version_1_backup_is_still_restored(
    library: Library, fresh: Callable[[], str], tmp_path: Path
) -> None:
    _fill(library, TEXTS[:3])
    path = tmp_path / "new.gz"
    library.backup(path)
    with gzip.open(path) as unzipped:
        head, *body = unzipped.read().splitlines(keepends=True)
    header = json.loads(head)
    del header["overrides"]
    header["version"] = 1
    old = tmp_path / "old.gz"
    with gzip.open(old, "wb") as out:
        out.write(json.dumps(header).encode() + b"\n" + b"".join(body))
    with open_library(fresh()) as restored:
        done = restored.restore(old)
        assert (done.restored, done.overrides) == (2, 0)
        assert _snapshot(restored) == _snapshot(library)


def test_a_damaged_food_choice_is_refused_and_nothing_restored(
    library: Library, fresh: Callable[[], str], tmp_path: Path
) -> None:
    _fill(library, TEXTS[:3])
    _choose_foods(library, tmp_path)
    path = tmp_path / "choices.gz"
    library.backup(path)
    with gzip.open(path) as unzipped:
        head, *body = unzipped.read().splitlines(keepends=True)
    body[-1] = b'{"override":"","food_id":"01234","created_at":"2026-01-01T00:00:00+00:00"}\n'
    header = json.loads(head)
    header["sha256"] = hashlib.sha256(b"".join(body)).hexdigest()
    damaged = tmp_path / "damaged.gz"
    with gzip.open(damaged, "wb") as out:
        out.write(json.dumps(header).encode() + b"\n" + b"".join(body))
    with open_library(fresh()) as restored:
        with pytest.raises(LibraryError, match=r"line \d+ is not a food override"):
            restored.restore(damaged)
        assert restored.list() == []
