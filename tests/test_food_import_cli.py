"""``ladle nutrition import PATH`` and ``ladle nutrition match NAME FOOD``, run as a user
would: one summary line, one-line refusals with exit code 1, the library unchanged."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from ladle.foods.usda import read_release
from ladle.formats import read
from ladle.progress import progress_bar
from ladle.store import open_library

from .conftest import CASES
from .test_store import _ladle
from .usda_fixtures import fdc, nut_data_line, sr28, write_zip

CHICKEN = CASES / "text" / "01-roast-chicken.txt"


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'library.sqlite3'}"


def _refused(result: subprocess.CompletedProcess[str]) -> str:
    """The one line of a refusal: exit 1, nothing on standard output, no traceback."""
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def _state(url: str) -> tuple[object, ...]:
    """What an import must not change when it fails: the release, the foods, the overrides
    and the recipes."""
    with open_library(url) as library:
        release = library.food_release()
        table = library.food_table() if release else None
        return (
            release,
            table.names() if table else None,
            dict(table.overrides()) if table else None,
            [e.id for e in library.list()],
        )


def test_import_then_match(url: str, tmp_path: Path) -> None:
    zipped = write_zip(tmp_path / "sr28asc.zip", sr28())
    done = _ladle(url, "nutrition", "import", str(zipped))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == f"imported 3 foods (SR28) into {url}\n"

    chosen = _ladle(url, "nutrition", "match", "Salted  Butter", "01234")
    assert chosen.returncode == 0, chosen.stderr
    assert chosen.stdout == "Salted Butter: 01234 Butter, test, salted\n"
    with open_library(url) as library:
        assert library.food_table().overrides() == {"salted butter": "01234"}

    forgot = _ladle(url, "nutrition", "match", "salted butter", "-")
    assert forgot.returncode == 0, forgot.stderr
    assert forgot.stdout == "salted butter: matched automatically again\n"
    with open_library(url) as library:
        assert library.food_table().overrides() == {}


def test_an_import_names_the_overrides_it_loses(url: str, tmp_path: Path) -> None:
    assert (
        _ladle(url, "nutrition", "import", str(write_zip(tmp_path / "a.zip", sr28()))).returncode
        == 0
    )
    assert _ladle(url, "nutrition", "match", "kiwi fruit", "11998").returncode == 0
    other = _ladle(url, "nutrition", "import", str(write_zip(tmp_path / "fdc.zip", fdc())))
    assert other.returncode == 0, other.stderr
    note, summary = other.stderr.splitlines()
    assert note.startswith(
        "note: kiwi fruit: the food chosen for it (11998) is not in FDC SR Legacy"
    )
    assert '`ladle nutrition match "kiwi fruit" -` forgets it' in note
    assert summary == f"imported 2 foods (FDC SR Legacy) into {url}"
    with open_library(url) as library:
        assert library.lost_food_overrides() == {"kiwi fruit": "11998"}


def test_match_refusals(url: str, tmp_path: Path) -> None:
    line = _refused(_ladle(url, "nutrition", "match", "butter", "01234"))
    assert line == (
        "error: the library holds no food table (run `ladle nutrition import PATH` with "
        "USDA's sr28asc.zip or a FoodData Central CSV release)"
    )
    _ladle(url, "nutrition", "import", str(write_zip(tmp_path / "sr28asc.zip", sr28())))
    line = _refused(_ladle(url, "nutrition", "match", "butter", "99999"))
    assert line.startswith("error: butter: no food with id '99999' in the library's food table")
    assert "an empty ingredient name" in _refused(_ladle(url, "nutrition", "match", " ", "01234"))


def _not_a_release(tmp_path: Path) -> Path:
    return write_zip(tmp_path / "photos.zip", {"cat.jpg": b"\xff\xd8\xff"})


def _truncated(tmp_path: Path) -> Path:
    files = sr28()
    files["NUT_DATA.txt"] *= 100
    data = write_zip(tmp_path / "whole.zip", files).read_bytes()
    path = tmp_path / "cut.zip"
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def _truncated_line(tmp_path: Path) -> Path:
    files = sr28()
    files["WEIGHT.txt"] += b"~01234~^3^1^~cu"
    return write_zip(tmp_path / "sr28asc.zip", files)


def _unknown_nutrient(tmp_path: Path) -> Path:
    files = sr28()
    files["NUT_DATA.txt"] += (nut_data_line("01234", "950", "3") + "\r\n").encode()
    return write_zip(tmp_path / "sr28asc.zip", files)


def _text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("2 cups flour\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_not_a_release, "photos.zip: is not a USDA release: expected SR28's FOOD_DES.txt"),
        (_truncated, "cut.zip: is not a zip file"),
        (_truncated_line, "WEIGHT.txt:5: 4 fields where WEIGHT.txt has 7"),
        (_unknown_nutrient, "NUT_DATA.txt:20: nutrient number 950 is not defined in NUTR_DEF.txt"),
        (_text_file, "notes.txt: is not a zip file"),
        (lambda tmp_path: tmp_path / "absent.zip", "absent.zip: no such file or folder"),
    ],
)
def test_bad_input_is_one_line_and_the_library_is_unchanged(
    url: str, tmp_path: Path, make: object, expected: str
) -> None:
    (tmp_path / "good").mkdir()
    good = read_release(write_zip(tmp_path / "good" / "sr28asc.zip", sr28()))
    with open_library(url) as library:
        library.add(read(CHICKEN)[0])
        library.import_foods(good)
        library.set_food_override("butter", "01234")
    before = _state(url)
    assert callable(make)
    line = _refused(_ladle(url, "nutrition", "import", str(make(tmp_path))))
    assert expected in line
    assert _state(url) == before


def test_the_progress_bar_draws_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet = io.StringIO()
    monkeypatch.setattr(sys, "stderr", quiet)
    with progress_bar("reading sr28asc.zip") as update:
        update(5, 10)
    assert quiet.getvalue() == ""
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress_bar("reading sr28asc.zip") as update:
        update(5, 10)
        update(10, 10)
    assert "reading sr28asc.zip" in terminal.getvalue()
    with progress_bar("hidden", show=False) as update:
        update(1, 2)
    assert "hidden" not in terminal.getvalue()
