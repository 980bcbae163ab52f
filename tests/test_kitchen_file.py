"""The kitchen file: whole counts with upper bounds (ladle.limits), true or false where it says
so, UTF-8 text; every mistake one line naming its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladle import limits
from ladle.errors import FormatError
from ladle.planning.kitchen import load_kitchen

from .test_cli import ladle, one_error_line
from .test_cli_plan import CHICKEN, TOMORROW

BAD = [
    ("[cooks]\ncount = nan\n", "cooks.count", "should be a whole number from 1 to 20, not nan"),
    ("[cooks]\ncount = inf\n", "cooks.count", "not inf"),
    ("[cooks]\ncount = 1e9\n", "cooks.count", "from 1 to 20"),
    ("[cooks]\ncount = 21\n", "cooks.count", "from 1 to 20"),
    ("[cooks]\ncount = true\n", "cooks.count", "not True"),
    ('[cooks]\nallow_night = "yes"\n', "cooks.allow_night", "should be true or false"),
    ("[[oven]]\nracks = 1.5\n", "oven[0].racks", "a whole number from 1 to 20, not 1.5"),
    ("[[oven]]\nracks = 21\n", "oven[0].racks", "from 1 to 20"),
    ("[[oven]]\npreheat_minutes_per_100f = inf\n", "preheat_minutes_per_100f", "not inf"),
    ("[[oven]]\ncool_minutes_per_100f = nan\n", "cool_minutes_per_100f", "not nan"),
    ("[[oven]]\nname = 5\n", "oven[0].name", "should be a name"),
    ("[[oven]]\n" * 11, "oven", "11 ovens, more than 10"),
    ("[[burner]]\ncount = 51\n", "burner[0].count", "from 0 to 50"),
    ("[[burner]]\ncount = 30\n[[burner]]\ncount = 30\n", "burner", "60 burners in all"),
    ("[[burner]]\ncount = -inf\n", "burner[0].count", "not -inf"),
    ('[[appliance]]\nname = "air fryer"\ncount = 1e9\n', "appliance[0].count", "from 1 to 20"),
    ('[[appliance]]\nname = "air fryer"\ncount = 2.5\n', "appliance[0].count", "not 2.5"),
]


@pytest.mark.parametrize(("text", "where", "expected"), BAD)
def test_a_bad_number_is_refused_naming_its_place(
    tmp_path: Path, text: str, where: str, expected: str
) -> None:
    path = tmp_path / "kitchen.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as error:
        load_kitchen(path)
    message = str(error.value)
    assert where in message and expected in message, message


def test_counts_up_to_the_bounds_are_read(tmp_path: Path) -> None:
    path = tmp_path / "kitchen.toml"
    path.write_text(
        "[[oven]]\nracks = 20\npreheat_minutes_per_100f = 120\n" * limits.MAX_OVENS
        + "[[burner]]\ncount = 50\n"
        + '[[appliance]]\nname = "air fryer"\ncount = 20\n'
        + "[cooks]\ncount = 20\nallow_night = true\n",
        encoding="utf-8",
    )
    kitchen = load_kitchen(path)
    assert len(kitchen.ovens) == 10 and kitchen.ovens[0].racks == 20
    assert kitchen.burners == 50 and kitchen.cooks == 20 and kitchen.night is None
    assert kitchen.appliances.count("air fryer") == 20


def test_a_whole_float_is_a_whole_number(tmp_path: Path) -> None:
    path = tmp_path / "kitchen.toml"
    path.write_text("[[oven]]\nracks = 3.0\n[cooks]\ncount = 2.0\n", encoding="utf-8")
    kitchen = load_kitchen(path)
    assert kitchen.ovens[0].racks == 3 and kitchen.cooks == 2


def test_a_kitchen_file_that_is_not_utf8_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "kitchen.toml"
    path.write_bytes(b'[[oven]]\nname = "\xff\xfe four"\n')
    with pytest.raises(FormatError, match="not UTF-8"):
        load_kitchen(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[cooks]\ncount = nan\n", "cooks.count"),
        ("[cooks]\ncount = 1e9\n", "cooks.count"),
        ('[cooks]\nallow_night = "yes"\n', "cooks.allow_night"),
        ("[[oven]]\nracks = 1.5\n", "oven[0].racks"),
        (b"[[oven]]\nname = '\xff'\n", "not UTF-8"),
    ],
)
def test_the_cli_says_what_is_wrong_with_the_kitchen_in_one_line(
    tmp_path: Path, text: str | bytes, expected: str
) -> None:
    path = tmp_path / "kitchen.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--kitchen", str(path))
    assert result.returncode == 1
    line = one_error_line(result)
    assert str(path) in line and expected in line


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("sous-vide", "sous vide"),
        ("Sous Vide", "sous vide"),
        ("immersion circulator", "sous vide"),
        ("rice-cooker", "rice cooker"),
        ("Rice Cooker", "rice cooker"),
        ("Instant Pot", "pressure cooker"),
        ("warming drawer", "warming drawer"),
    ],
)
def test_an_appliance_is_named_as_the_planner_names_it(
    tmp_path: Path, written: str, name: str
) -> None:
    path = tmp_path / "kitchen.toml"
    path.write_text(f'[[appliance]]\nname = "{written}"\ncount = 2\n', encoding="utf-8")
    assert load_kitchen(path).appliances == (name, name)


def test_an_unknown_appliance_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "kitchen.toml"
    path.write_text(
        '[[appliance]]\nname = "air fryer"\n[[appliance]]\nname = "toaster"\n', encoding="utf-8"
    )
    with pytest.raises(FormatError) as error:
        load_kitchen(path)
    message = str(error.value)
    assert "appliance[1].name" in message and "unknown appliance 'toaster'" in message
    assert "rice cooker" in message and "sous vide" in message, message
