"""Files are never destroyed, and flags are checked: the command line run for real.

Every output (``export -o``, ``plan --svg``, ``plan --ics``) is written whole beside its place and
renamed into it, never onto an input, and ``-`` is standard output; numbers, choices and times
given on the command line are refused with one line (usage mistakes exit 2).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from ladle.errors import RequestError
from ladle.outputs import Output, check_outputs, write_outputs

from .test_cli import BARE, ladle, one_error_line
from .test_cli_plan import CHICKEN, EXAMPLE, TOMORROW


@pytest.fixture
def recipe(tmp_path: Path) -> Path:
    path = tmp_path / "butter.txt"
    path.write_text(BARE, encoding="utf-8")
    return path


def no_leftovers(folder: Path) -> None:
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- writing onto an input is refused --------------------------------------------------------


@pytest.mark.parametrize("how", ["same path", "symlink to it", "hard link to it", "via symlink"])
def test_export_never_writes_onto_its_input(recipe: Path, how: str) -> None:
    source, output = recipe, recipe
    if how == "symlink to it":
        output = recipe.with_name("link.txt")
        output.symlink_to(recipe.name)
    elif how == "hard link to it":
        output = recipe.with_name("hard.txt")
        output.hardlink_to(recipe)
    elif how == "via symlink":  # the input is the link, the output the file it names
        source = recipe.with_name("link.txt")
        source.symlink_to(recipe.name)
    result = ladle("export", str(source), "--to", "pdf", "-o", str(output))
    assert result.returncode == 1
    line = one_error_line(result)
    assert "-o" in line and "give -o another file name" in line and str(output) in line
    assert recipe.read_text(encoding="utf-8") == BARE
    assert output.read_text(encoding="utf-8") == BARE
    no_leftovers(recipe.parent)


def test_export_from_standard_input_redirected_from_the_output(recipe: Path) -> None:
    with recipe.open("rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "ladle", "export", "-", "--to", "markdown", "-o", str(recipe)],
            stdin=stdin,
            capture_output=True,
            check=False,
        )
    assert result.returncode == 1
    assert "standard input" in one_error_line(result)
    assert recipe.read_text(encoding="utf-8") == BARE


def test_plan_never_writes_onto_a_recipe_or_the_kitchen_file(tmp_path: Path) -> None:
    chicken = tmp_path / "chicken.txt"
    chicken.write_bytes(Path(CHICKEN).read_bytes())
    kitchen = tmp_path / "kitchen.toml"
    kitchen.write_text("[[oven]]\n", encoding="utf-8")
    result = ladle("plan", str(chicken), "--serve-at", TOMORROW, "--svg", str(chicken))
    assert result.returncode == 1
    assert "--svg" in one_error_line(result)
    assert chicken.read_bytes() == Path(CHICKEN).read_bytes()
    result = ladle("plan", str(chicken), "--serve-at", TOMORROW, "--kitchen", str(kitchen),
                   "--ics", str(kitchen))  # fmt: skip
    assert result.returncode == 1
    assert "--ics" in one_error_line(result) and str(kitchen) in one_error_line(result)
    assert kitchen.read_text(encoding="utf-8") == "[[oven]]\n"


def test_two_outputs_on_one_file_are_refused(tmp_path: Path) -> None:
    same = tmp_path / "plan.out"
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--svg", str(same), "--ics", str(same))
    assert result.returncode == 1
    line = one_error_line(result)
    assert "--svg" in line and "--ics" in line
    assert not same.exists()


# -- "-" is standard output ------------------------------------------------------------------


def test_dash_is_standard_output_for_export(recipe: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ladle", "export", str(recipe), "--to", "markdown", "-o", "-"],
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("# Quick Garlic Butter")
    result = subprocess.run(
        [sys.executable, "-m", "ladle", "export", str(recipe), "--to", "pdf", "-o", "-"],
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"%PDF")
    assert not (tmp_path / "-").exists()


def test_dash_is_standard_output_for_plan_files(tmp_path: Path) -> None:
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--svg", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"<svg")  # the chart alone: no timeline mixed in
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--ics", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"BEGIN:VCALENDAR")
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--svg", "-", "--json")
    assert result.returncode == 1
    assert "--svg -" in one_error_line(result) and "plan JSON" in one_error_line(result)
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--svg", "-", "--ics", "-")
    assert result.returncode == 1
    assert "--ics -" in one_error_line(result)


# -- a failed write keeps the old file, and names the output that failed ---------------------


def _small_files() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # Python ignores SIGXFSZ


def test_a_failed_export_leaves_the_old_file_intact(recipe: Path, tmp_path: Path) -> None:
    old = tmp_path / "butter.pdf"
    old.write_bytes(b"the old file")
    result = subprocess.run(
        [sys.executable, "-m", "ladle", "export", str(recipe), "--to", "pdf", "-o", str(old)],
        capture_output=True,
        preexec_fn=_small_files,
        check=False,
    )
    assert result.returncode == 1
    line = one_error_line(result)
    assert "-o" in line and str(old) in line and "cannot write the file" in line
    assert old.read_bytes() == b"the old file"
    no_leftovers(tmp_path)


def test_the_error_names_the_output_that_failed_and_no_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    svg = tmp_path / "out" / "a.svg"
    svg.write_text("old chart", encoding="utf-8")
    ics = tmp_path / "nodir" / "b.ics"
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--svg", str(svg), "--ics", str(ics))
    assert result.returncode == 1
    line = one_error_line(result)
    assert line.startswith("error: --ics:") and str(ics) in line and "a.svg" not in line
    assert "does not exist" in line
    assert svg.read_text(encoding="utf-8") == "old chart"  # all files or none
    no_leftovers(svg.parent)


def test_an_output_that_is_a_folder_is_one_line(recipe: Path, tmp_path: Path) -> None:
    result = ladle("export", str(recipe), "--to", "markdown", "-o", str(tmp_path))
    assert result.returncode == 1
    assert "is a folder" in one_error_line(result)


def test_an_infeasible_plan_writes_no_file(tmp_path: Path) -> None:
    kitchen = tmp_path / "kitchen.toml"
    kitchen.write_text("oven = []\n", encoding="utf-8")
    svg, ics = tmp_path / "plan.svg", tmp_path / "plan.ics"
    svg.write_text("old chart", encoding="utf-8")
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--kitchen", str(kitchen),
                   "--svg", str(svg), "--ics", str(ics))  # fmt: skip
    assert result.returncode == 1
    assert "--svg and --ics not written" in one_error_line(result)
    assert svg.read_text(encoding="utf-8") == "old chart"
    assert not ics.exists()


def test_export_through_a_symlink_replaces_the_file_it_names(recipe: Path, tmp_path: Path) -> None:
    target = tmp_path / "card.md"
    target.write_text("old card", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target.name)
    result = ladle("export", str(recipe), "--to", "markdown", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("# Quick Garlic Butter")
    assert target.stat().st_mode & 0o777 == 0o640
    no_leftovers(tmp_path)


# -- the helper itself -----------------------------------------------------------------------


def test_write_outputs_keeps_the_old_file_when_the_disk_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "plan.svg"
    old.write_text("old chart", encoding="utf-8")

    def broken(_fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(RequestError) as refused:
        write_outputs([(Output("--svg", str(old)), b"<svg/>")])
    assert str(refused.value).startswith(f"--svg: {old}: cannot write the file")
    assert old.read_text(encoding="utf-8") == "old chart"
    no_leftovers(tmp_path)


def test_write_outputs_writes_whole_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.svg", tmp_path / "b.ics"
    write_outputs([(Output("--svg", str(a)), b"<svg/>"), (Output("--ics", str(b)), b"BEGIN")])
    assert a.read_bytes() == b"<svg/>" and b.read_bytes() == b"BEGIN"
    no_leftovers(tmp_path)


def test_check_outputs_compares_files_not_names(tmp_path: Path) -> None:
    source = tmp_path / "recipe.txt"
    source.write_text("x", encoding="utf-8")
    other = tmp_path / "sub" / ".." / "recipe.txt"
    (tmp_path / "sub").mkdir()
    with pytest.raises(RequestError, match="give -o another file name"):
        check_outputs([Output("-o", str(other))], [str(source)])
    check_outputs([Output("-o", str(tmp_path / "new.md"))], [str(source), "https://x.org/r"])


# -- flags -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "-inf"])
def test_time_limit_must_be_a_positive_finite_number(value: str) -> None:
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, f"--time-limit={value}")
    assert result.returncode == 2
    assert "--time-limit" in one_error_line(result)


@pytest.mark.parametrize(
    "args",
    [
        ("scale", CHICKEN, "--servings=inf"),
        ("scale", CHICKEN, "--servings=nan"),
        ("scale", CHICKEN, "--servings=0"),
        ("scale", CHICKEN, "--servings=-4"),
        ("scale", CHICKEN, "--factor=inf"),
        ("scale", CHICKEN, "--factor=0"),
        ("shop", CHICKEN, "--servings=inf"),
        ("shop", CHICKEN, "--servings=-1"),
    ],
)
def test_numeric_flags_are_finite_and_in_range(args: tuple[str, ...]) -> None:
    result = ladle(*args)
    assert result.returncode == 2
    line = one_error_line(result)
    assert args[-1].split("=")[0] in line and "out of range" in line
    assert "internal error" not in line


def test_a_method_that_matches_nothing_is_refused_naming_the_methods() -> None:
    result = ladle("plan", EXAMPLE, "--serve-at", TOMORROW, "--method", "Two Stage")
    assert result.returncode == 1
    line = one_error_line(result)
    assert "--method" in line and "'Two Stage'" in line and "Two-Stage Oven Roast" in line
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW, "--method", "Sous vide")
    assert result.returncode == 1
    assert "no other method" in one_error_line(result)


def test_a_method_that_matches_is_planned() -> None:
    result = ladle("plan", EXAMPLE, "--serve-at", TOMORROW, "--method", "two-stage", "--json")
    assert result.returncode in {0, 1}, result.stderr  # a plan, or an infeasible one: not refused
    assert b"--method" not in result.stderr


def test_a_date_without_a_time_is_refused() -> None:
    day = TOMORROW.split()[0]
    result = ladle("plan", CHICKEN, "--serve-at", day)
    assert result.returncode == 2
    line = one_error_line(result)
    assert "--serve-at" in line and "YYYY-MM-DD HH:MM" in line


def test_a_serving_time_with_seconds_is_never_a_bug() -> None:
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW + ":30")
    assert result.returncode == 2
    line = one_error_line(result)
    assert "whole minutes" in line and "bug" not in line
    result = ladle("plan", CHICKEN, "--serve-at", TOMORROW + ":00", "--json")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("parse", "--bogus"),
        ("parse",),
        ("plan", CHICKEN),
        ("export", CHICKEN),
        ("parse", CHICKEN, "--format", "yaml"),
        ("export", CHICKEN, "--to", "docx"),
        ("export", CHICKEN, "--to", "markdown", "--format", "yaml"),
        ("convert", CHICKEN, "--units", "imperial"),
        ("scale", CHICKEN, "--servings", "many"),
        ("bake", CHICKEN),
        ("parse", CHICKEN, "--format"),
    ],
)
def test_usage_mistakes_exit_2_with_one_line(args: tuple[str, ...]) -> None:
    result = ladle(*args)
    assert result.returncode == 2
    one_error_line(result)
    assert result.stdout == b""
