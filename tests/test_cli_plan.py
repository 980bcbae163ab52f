"""The planning, checking and shopping commands from the outside: output, files, exit codes."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest

from .test_cli import ladle, one_error_line

CASES = Path(__file__).parent / "cases" / "text"
CHICKEN = str(CASES / "01-roast-chicken.txt")
DINNER = [
    str(CASES / f"{name}.txt")
    for name in ("01-roast-chicken", "04-honey-roasted-carrots", "05-garlic-green-beans")
]
EXAMPLE = str(
    Path(__file__).parents[1] / "src" / "ladle" / "data" / "examples" / "pork-belly-dinner.txt"
)
TOMORROW = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%d") + " 19:00"


def test_plan_json_is_the_contract_document(tmp_path: Path) -> None:
    svg, ics = tmp_path / "plan.svg", tmp_path / "plan.ics"
    result = ladle("plan", *DINNER, "--serve-at", TOMORROW, "--json", "--svg", str(svg),
                   "--ics", str(ics))  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    document = json.loads(result.stdout)
    assert document["ladle"] == 1 and document["status"] in {"optimal", "feasible"}
    assert document["serve_at"] == TOMORROW.replace(" ", "T") + ":00"
    assert {t["recipe"] for t in document["tasks"] if t["step"]} == {
        "Lemon and Thyme Roast Chicken",
        "Honey-Roasted Carrots and Parsnips",
        "Garlicky Green Beans with Toasted Almonds",
    }
    assert any(t["step"] is None for t in document["tasks"])  # the preheat is a task too
    ElementTree.fromstring(svg.read_text(encoding="utf-8"))  # well-formed SVG
    calendar = ics.read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR") and "BEGIN:VALARM" in calendar


def test_plan_shows_the_timeline_and_what_it_assumed() -> None:
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW)
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "Final stretch" in out and "Preheat the oven" in out
    assert "no time given" in out  # "Carve the chicken" has no time: ladle says what it assumed


@pytest.mark.parametrize(
    ("kitchen", "expected"),
    [
        ("[[oven]]\nrakcs = 2\n", "oven[0].rakcs: unknown key 'rakcs'"),
        ("[[oven]\n", "not valid TOML"),
        ("[[burner]]\ncount = -1\n", "burner[0]"),
        ("[freezer]\n", "unknown section 'freezer'"),
    ],
)
def test_a_bad_kitchen_file_is_one_line_naming_the_place(
    tmp_path: Path, kitchen: str, expected: str
) -> None:
    path = tmp_path / "kitchen.toml"
    path.write_text(kitchen, encoding="utf-8")
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--kitchen", str(path))
    assert result.returncode == 1
    line = one_error_line(result)
    assert str(path) in line and expected in line


def test_a_kitchen_without_an_oven_says_which_step_needs_one(tmp_path: Path) -> None:
    path = tmp_path / "kitchen.toml"
    path.write_text("oven = []\n", encoding="utf-8")
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--kitchen", str(path))
    assert result.returncode == 1
    assert "step 4, needs an oven" in one_error_line(result)
    assert "add an oven to the kitchen file" in result.stdout.decode()


@pytest.mark.parametrize(
    ("serve_at", "code", "expected"),
    [
        ("2020-01-01 19:00", 1, "is in the past"),
        ("9999-12-31 23:00", 1, "is more than ten years ahead"),
        ("tomorrow", 2, "is not a time"),
    ],
)
def test_a_bad_serving_time_is_refused(serve_at: str, code: int, expected: str) -> None:
    result = ladle("plan", CHICKEN, "--serve-at", serve_at)
    assert result.returncode == code
    assert expected in one_error_line(result)


def test_an_unwritable_svg_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "plan.svg"
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--svg", str(target))
    assert result.returncode == 1
    assert "cannot write the file" in one_error_line(result)


def test_check_json_lists_findings_with_place_and_fix() -> None:
    result = ladle("check", str(CASES / "03-fish-pie.txt"), "--json")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert document["title"] and document["findings"]
    for finding in document["findings"]:
        assert set(finding) == {"severity", "code", "where", "message", "fix", "related"}


def test_check_with_two_ovens_sees_no_oven_clash(tmp_path: Path) -> None:
    path = tmp_path / "kitchen.toml"
    path.write_text("[[oven]]\n[[oven]]\n", encoding="utf-8")
    one = json.loads(ladle("check", EXAMPLE, "--json").stdout)
    two = json.loads(ladle("check", EXAMPLE, "--kitchen", str(path), "--json").stdout)
    assert [f["where"] for f in one["findings"] if f["code"] == "oven-clash"] == ["step 6"]
    assert not [f for f in two["findings"] if f["code"] == "oven-clash"]


def test_shop_merges_the_dinner() -> None:
    result = ladle("shop", *DINNER, "--json")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    oil = next(i for i in document["items"] if i["name"] == "olive oil")
    assert len({u["recipe"] for u in oil["uses"]}) == 3
    text = ladle("shop", *DINNER, "--servings", "8").stdout.decode()
    assert "Produce" in text and "olive oil" in text


def test_shop_refuses_a_bad_unit_system() -> None:
    result = ladle("shop", CHICKEN, "--units", "imperial")
    assert result.returncode == 2
    assert "metric" in one_error_line(result)


MEALS = Path(__file__).parent / "cases" / "meals"


def test_courses_serve_the_dessert_later_and_the_plan_says_how_each_dish_is_served() -> None:
    meal = [str(MEALS / "roast-chicken.txt"), str(MEALS / "blueberry-cobbler.txt")]
    result = ladle("plan", *meal, "--serve-at", TOMORROW, "--courses", "--json")
    assert result.returncode == 0, result.stderr.decode()
    dishes = {d["recipe"]: d for d in json.loads(result.stdout)["dishes"]}
    serve = datetime.fromisoformat(TOMORROW)
    assert dishes["Roast Chicken"]["serving"] == "hot"
    later = datetime.fromisoformat(dishes["Blueberry Cobbler"]["serve_at"])
    assert later - serve == timedelta(minutes=45)
    override = ladle("plan", *meal, "--serve-at", TOMORROW, "--after", "cobbler=60",
                     "--serve", "2=room", "--json")  # fmt: skip
    assert override.returncode == 0, override.stderr.decode()
    cobbler = json.loads(override.stdout)["dishes"][1]
    assert cobbler["serving"] == "room" and cobbler["why"] == "as you asked"
    timeline = ladle("plan", *meal, "--serve-at", TOMORROW, "--courses")
    assert "At the table:" in timeline.stdout.decode()


@pytest.mark.parametrize(
    ("flag", "value", "says"),
    [
        ("--serve", "pie=hot", "'pie' matches no dish"),
        ("--serve", "1=lukewarm", "'lukewarm' is not a way to serve a dish"),
        ("--after", "1=soon", "'soon' is not a number of minutes"),
        ("--after", "cobbler", "is not DISH=VALUE"),
    ],
)
def test_dish_settings_that_make_no_sense_get_one_line(flag: str, value: str, says: str) -> None:
    meal = [str(MEALS / "roast-chicken.txt"), str(MEALS / "blueberry-cobbler.txt")]
    result = ladle("plan", *meal, "--serve-at", TOMORROW, flag, value)
    assert result.returncode == 1
    line = one_error_line(result)
    assert flag in line and says in line
